/* tandem-chart-draw-private.h — what the chart renderers draw alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} TandemRenderRgb;

/* How a chart's type and lines grow with its width, style by style: the
 * body type is @type_per_a4 on a page as wide as A4 landscape (842 pt),
 * between @print_min (print) or 12 (high contrast, above 1,200 units) and
 * @type_max; the data line, the thin lines and the markers' radius are
 * parts of it. On screen the type is 12 and the lines 1.6 and 1 wide. */
typedef struct
{
  double type_per_a4;
  double print_min;
  double type_max;
  double print_line, print_thin, print_radius;
  double contrast_line, contrast_thin, contrast_radius;
  double screen_radius;
} TandemRenderScale;

typedef struct
{
  double base;    /* body type size, in user units */
  double line;    /* data line width */
  double thin;    /* grid and limit line width */
  double radius;  /* point marker radius */
} TandemRenderSizes;

/* Marker shapes, drawn within a circle of the radius given. */
typedef enum
{
  TANDEM_RENDER_SHAPE_CIRCLE,
  TANDEM_RENDER_SHAPE_SQUARE,
  TANDEM_RENDER_SHAPE_TRIANGLE,
  TANDEM_RENDER_SHAPE_DIAMOND,
  TANDEM_RENDER_SHAPE_STAR,
  TANDEM_RENDER_SHAPE_CROSS,
  TANDEM_RENDER_N_SHAPES
} TandemRenderShape;

typedef void (*TandemRenderDrawFunc) (gpointer  chart,
                                      cairo_t  *cr,
                                      double    width,
                                      double    height);

void   _tandem_render_sizes          (const TandemRenderScale *scale,
                                      TandemChartStyle         which,
                                      double                   width,
                                      TandemRenderSizes       *sizes);
void   _tandem_render_set_rgb        (cairo_t                 *cr,
                                      const TandemRenderRgb   *colour);
void   _tandem_render_shape_path     (cairo_t                 *cr,
                                      TandemRenderShape        shape,
                                      double                   x,
                                      double                   y,
                                      double                   r);
double _tandem_render_nice_step      (double                   range,
                                      double                   count);
char  *_tandem_render_format_julian  (guint32                  julian,
                                      const char              *format);
void   _tandem_render_draw_on_page   (cairo_t                 *cr,
                                      double                   width,
                                      double                   height,
                                      TandemRenderDrawFunc     draw,
                                      gpointer                 chart);

G_END_DECLS
