/* tandem-chart.h — one cairo renderer for run and SPC charts: screen, paper and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "tandem-measure.h"
#include "tandem-spc.h"

G_BEGIN_DECLS

/**
 * TandemChartStyle:
 * @TANDEM_CHART_STYLE_SCREEN: sizes in pixels, for the window
 * @TANDEM_CHART_STYLE_PRINT: large type and thick lines that grow with the
 *   paper, for A4 and A3 on a workshop wall
 * @TANDEM_CHART_STYLE_HIGH_CONTRAST: black on white, meaning carried by
 *   shape and text alone (for greyscale printers and low vision)
 */
typedef enum
{
  TANDEM_CHART_STYLE_SCREEN,
  TANDEM_CHART_STYLE_PRINT,
  TANDEM_CHART_STYLE_HIGH_CONTRAST,
} TandemChartStyle;

/**
 * TandemChartMarker:
 * @TANDEM_CHART_MARKER_NONE: not drawn (a missing value)
 * @TANDEM_CHART_MARKER_DOT: no signal
 * @TANDEM_CHART_MARKER_RING: an excluded point
 * @TANDEM_CHART_MARKER_DIAMOND: outside the limits
 * @TANDEM_CHART_MARKER_TRIANGLE: part of a trend
 * @TANDEM_CHART_MARKER_SQUARE: part of a shift (or of a phase with a runs signal)
 * @TANDEM_CHART_MARKER_STAR: 2 of 3 points near a limit
 *
 * The shape a point is drawn with: the signal is carried by the shape as
 * well as the colour.
 */
typedef enum
{
  TANDEM_CHART_MARKER_NONE,
  TANDEM_CHART_MARKER_DOT,
  TANDEM_CHART_MARKER_RING,
  TANDEM_CHART_MARKER_DIAMOND,
  TANDEM_CHART_MARKER_TRIANGLE,
  TANDEM_CHART_MARKER_SQUARE,
  TANDEM_CHART_MARKER_STAR,
} TandemChartMarker;

typedef struct _TandemChart TandemChart;

TandemChart           *tandem_chart_new              (TandemMeasure         *measure);
void                   tandem_chart_free             (TandemChart           *chart);

TandemMeasure         *tandem_chart_get_measure      (TandemChart           *chart);
const TandemSpcResult *tandem_chart_get_result       (TandemChart           *chart);
const char            *tandem_chart_get_problem      (TandemChart           *chart);
void                   tandem_chart_set_style        (TandemChart           *chart,
                                                      TandemChartStyle       style);
void                   tandem_chart_set_text_scale   (TandemChart           *chart,
                                                      double                 scale);
void                   tandem_chart_set_focus        (TandemChart           *chart,
                                                      gssize                 point);

void                   tandem_chart_draw             (TandemChart           *chart,
                                                      cairo_t               *cr,
                                                      double                 width,
                                                      double                 height);
void                   tandem_chart_draw_page        (cairo_t               *cr,
                                                      double                 width,
                                                      double                 height,
                                                      guint                  page_nr,
                                                      gpointer               chart);
void                   tandem_chart_warm_fonts       (PangoContext          *context,
                                                      double                 width,
                                                      double                 height,
                                                      GCancellable          *cancellable,
                                                      gpointer               style);

gboolean               tandem_chart_get_point_position (TandemChart         *chart,
                                                      gsize                  point,
                                                      double                *x,
                                                      double                *y);
gssize                 tandem_chart_find_point       (TandemChart           *chart,
                                                      double                 x,
                                                      double                 y,
                                                      double                 max_distance);
gsize                  tandem_chart_get_n_drawn      (TandemChart           *chart);
gboolean               tandem_chart_get_marker_drawn (TandemChart           *chart,
                                                      gsize                  point);
gsize                  tandem_chart_get_markers_thinned (TandemChart        *chart);
double                 tandem_chart_get_y_step       (TandemChart           *chart);
guint                  tandem_chart_get_notes_cut    (TandemChart           *chart);
TandemChartMarker      tandem_chart_get_marker       (TandemChart           *chart,
                                                      gsize                  point);

char                  *tandem_chart_describe_point   (TandemChart           *chart,
                                                      gsize                  point);
char                  *tandem_chart_dup_summary      (TandemChart           *chart);
char                  *tandem_chart_dup_subtitle     (TandemChart           *chart);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemChart, tandem_chart_free)

typedef struct _TandemChartSheet TandemChartSheet;

TandemChartSheet      *tandem_chart_sheet_new        (TandemChart           *chart,
                                                      const char            *team,
                                                      const char            *printed_on);
void                   tandem_chart_sheet_free       (TandemChartSheet      *sheet);
void                   tandem_chart_draw_sheet       (cairo_t               *cr,
                                                      double                 width,
                                                      double                 height,
                                                      guint                  page_nr,
                                                      gpointer               sheet);

G_END_DECLS
