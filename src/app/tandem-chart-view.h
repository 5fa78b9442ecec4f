/* tandem-chart-view.h — a measure's chart on screen, with hover and keyboard reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-chart.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHART_VIEW (tandem_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemChartView, tandem_chart_view, TANDEM, CHART_VIEW, GtkWidget)

GtkWidget   *tandem_chart_view_new            (void);
void         tandem_chart_view_set_measure    (TandemChartView *self,
                                               TandemMeasure   *measure);
TandemChart *tandem_chart_view_get_chart      (TandemChartView *self);
void         tandem_chart_view_set_high_contrast (TandemChartView *self,
                                               gboolean         high_contrast);
gssize       tandem_chart_view_get_focus_point (TandemChartView *self);
void         tandem_chart_view_focus_point    (TandemChartView *self,
                                               gssize           point);
const char  *tandem_chart_view_get_point_text (TandemChartView *self);

G_END_DECLS
