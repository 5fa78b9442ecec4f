/* tandem-equity-chart.h — a measure broken down by group: small multiples and the disparity chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "tandem-chart.h"
#include "tandem-disparity.h"

G_BEGIN_DECLS

/**
 * TandemEquityView:
 * @TANDEM_EQUITY_VIEW_GROUPS: small multiples: one panel per group, its
 *   rate per period with its U chart (rates) or P chart (proportions)
 *   limits, on one shared axis, the reference group's centre line faint in
 *   every panel
 * @TANDEM_EQUITY_VIEW_DISPARITY: the ratio to the reference group per
 *   quarter on a log axis, its 95% interval as a band, the line at 1; one
 *   panel per group compared
 */
typedef enum
{
  TANDEM_EQUITY_VIEW_GROUPS,
  TANDEM_EQUITY_VIEW_DISPARITY,
} TandemEquityView;

typedef struct _TandemEquityChart TandemEquityChart;

TandemEquityChart *tandem_equity_chart_new           (TandemEquityView              view,
                                                      const TandemDisparityRow     *rows,
                                                      gsize                         n_rows,
                                                      const char * const           *names,
                                                      guint                         n_groups,
                                                      const TandemDisparityOptions *options,
                                                      GError                      **error);
void               tandem_equity_chart_free          (TandemEquityChart            *chart);

void               tandem_equity_chart_set_title     (TandemEquityChart            *chart,
                                                      const char                   *title);
void               tandem_equity_chart_set_unit      (TandemEquityChart            *chart,
                                                      const char                   *unit);
void               tandem_equity_chart_set_words     (TandemEquityChart            *chart,
                                                      const char                   *words);
void               tandem_equity_chart_set_threshold (TandemEquityChart            *chart,
                                                      guint                         threshold);
void               tandem_equity_chart_set_style     (TandemEquityChart            *chart,
                                                      TandemChartStyle              style);
gboolean           tandem_equity_chart_add_phase     (TandemEquityChart            *chart,
                                                      const char                   *date,
                                                      const char                   *label);
gboolean           tandem_equity_chart_add_note      (TandemEquityChart            *chart,
                                                      const char                   *date,
                                                      const char                   *text);

const TandemDisparitySeries *tandem_equity_chart_get_series (TandemEquityChart     *chart);

void               tandem_equity_chart_draw          (TandemEquityChart            *chart,
                                                      cairo_t                      *cr,
                                                      double                        width,
                                                      double                        height);
void               tandem_equity_chart_draw_page     (cairo_t                      *cr,
                                                      double                        width,
                                                      double                        height,
                                                      guint                         page_nr,
                                                      gpointer                      chart);

/* Where the last draw put things. */
guint              tandem_equity_chart_get_n_panels  (TandemEquityChart            *chart);
guint              tandem_equity_chart_get_panel_group (TandemEquityChart          *chart,
                                                        guint                       panel);
gboolean           tandem_equity_chart_get_panel_area (TandemEquityChart           *chart,
                                                       guint                        panel,
                                                       double                      *x,
                                                       double                      *y,
                                                       double                      *width,
                                                       double                      *height);
double             tandem_equity_chart_value_to_y    (TandemEquityChart            *chart,
                                                      guint                         panel,
                                                      double                        value);
double             tandem_equity_chart_date_to_x     (TandemEquityChart            *chart,
                                                      guint                         panel,
                                                      const char                   *date);
guint              tandem_equity_chart_get_n_hidden  (TandemEquityChart            *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemEquityChart, tandem_equity_chart_free)

G_END_DECLS
