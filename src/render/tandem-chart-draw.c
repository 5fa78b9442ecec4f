/* tandem-chart-draw.c — what the chart renderers draw alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run and SPC chart (tandem-chart.c) and the charts by group
 * (tandem-equity-chart.c) size their type and lines from the style and the
 * width in one way, draw the same marker shapes, step their axes in the
 * same round numbers and sit on a page the same way; each keeps its own
 * colours and proportions.
 */

#include "config.h"

#include <math.h>

#include "tandem-chart-draw-private.h"

void
_tandem_render_sizes (const TandemRenderScale *scale,
                      TandemChartStyle         which,
                      double                   width,
                      TandemRenderSizes       *sizes)
{
  double grown = width / 842.0 * scale->type_per_a4;

  switch (which)
    {
    case TANDEM_CHART_STYLE_PRINT:
      sizes->base = CLAMP (grown, scale->print_min, scale->type_max);
      sizes->line = sizes->base * scale->print_line;
      sizes->thin = sizes->base * scale->print_thin;
      sizes->radius = sizes->base * scale->print_radius;
      break;
    case TANDEM_CHART_STYLE_HIGH_CONTRAST:
      sizes->base = width > 1200 ? CLAMP (grown, 12, scale->type_max) : 13;
      sizes->line = sizes->base * scale->contrast_line;
      sizes->thin = sizes->base * scale->contrast_thin;
      sizes->radius = sizes->base * scale->contrast_radius;
      break;
    case TANDEM_CHART_STYLE_SCREEN:
    default:
      sizes->base = 12;
      sizes->line = 1.6;
      sizes->thin = 1;
      sizes->radius = scale->screen_radius;
      break;
    }
}

void
_tandem_render_set_rgb (cairo_t               *cr,
                        const TandemRenderRgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

void
_tandem_render_shape_path (cairo_t           *cr,
                           TandemRenderShape  shape,
                           double             x,
                           double             y,
                           double             r)
{
  double t = r * 0.4;
  /* the cross's outline, in steps of ±r and ±t from its centre */
  const double cross[][2] = {
    { -t, -r }, { t, -r }, { t, -t }, { r, -t }, { r, t }, { t, t },
    { t, r }, { -t, r }, { -t, t }, { -r, t }, { -r, -t }, { -t, -t },
  };

  switch (shape)
    {
    case TANDEM_RENDER_SHAPE_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case TANDEM_RENDER_SHAPE_TRIANGLE:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.95, y + r * 0.7);
      cairo_line_to (cr, x - r * 0.95, y + r * 0.7);
      cairo_close_path (cr);
      break;
    case TANDEM_RENDER_SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case TANDEM_RENDER_SHAPE_STAR:
      for (int k = 0; k < 10; k++)
        {
          double a = -G_PI / 2 + k * G_PI / 5;
          double rr = k % 2 ? r * 0.45 : r;

          if (k == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case TANDEM_RENDER_SHAPE_CROSS:
      cairo_move_to (cr, x + cross[0][0], y + cross[0][1]);
      for (guint k = 1; k < G_N_ELEMENTS (cross); k++)
        cairo_line_to (cr, x + cross[k][0], y + cross[k][1]);
      cairo_close_path (cr);
      break;
    case TANDEM_RENDER_SHAPE_CIRCLE:
    case TANDEM_RENDER_N_SHAPES:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A round step (1, 2, 2.5 or 5 times a power of ten) that cuts @range in
 * about @count parts. */
double
_tandem_render_nice_step (double range,
                          double count)
{
  double raw = range / MAX (count, 1);
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;

  if (f <= 1)
    return mag;
  if (f <= 2)
    return 2 * mag;
  if (f <= 2.5)
    return 2.5 * mag;
  if (f <= 5)
    return 5 * mag;
  return 10 * mag;
}

/* Day @julian (1 January of year 1 is 1, as GDate counts) in strftime()'s
 * @format; "" if it cannot be written. */
char *
_tandem_render_format_julian (guint32     julian,
                              const char *format)
{
  GDate date;
  char buffer[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

/* @draw's chart on a page of @width by @height points, with a margin of
 * 10 mm. */
void
_tandem_render_draw_on_page (cairo_t              *cr,
                             double                width,
                             double                height,
                             TandemRenderDrawFunc  draw,
                             gpointer              chart)
{
  double margin = 10 * 72 / 25.4;

  cairo_save (cr);
  cairo_translate (cr, margin, margin);
  draw (chart, cr, width - 2 * margin, height - 2 * margin);
  cairo_restore (cr);
}
