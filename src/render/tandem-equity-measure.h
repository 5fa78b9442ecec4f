/* tandem-equity-measure.h — a broken-down measure made ready to draw: its charts and its words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-breakdown.h"
#include "tandem-disparity-text.h"
#include "tandem-equity-chart.h"
#include "tandem-measure.h"

G_BEGIN_DECLS

TandemDisparity *tandem_equity_compare_rows (const TandemDisparityRow     *rows,
                                             gsize                         n_rows,
                                             const char * const           *names,
                                             guint                         n_groups,
                                             const TandemDisparityOptions *options,
                                             const char                   *after,
                                             const char                   *before,
                                             guint                         threshold);
char            *tandem_equity_dup_words    (const TandemDisparityRow     *rows,
                                             gsize                         n_rows,
                                             const char * const           *names,
                                             guint                         n_groups,
                                             const TandemDisparityOptions *options,
                                             const TandemDisparityWords   *words,
                                             const char                   *change_date,
                                             guint                         threshold);

/**
 * TandemEquityMeasure:
 * @measure: the measure, with its phases and notes
 * @breakdown: how it is broken down
 * @analysis: its groups compared (tandem_breakdown_analyse())
 * @change: (nullable): its latest phase: the change the words compare with
 *
 * A project's broken-down measure, read once for its charts, its words and
 * the equity overview.
 */
typedef struct
{
  TandemMeasure           *measure;
  TandemBreakdown         *breakdown;
  TandemBreakdownAnalysis *analysis;
  const TandemPhase       *change;
} TandemEquityMeasure;

TandemEquityMeasure *tandem_equity_measure_load      (TandemProject             *project,
                                                      const char                *measure_id,
                                                      gboolean                   pooled,
                                                      GError                   **error);
void                 tandem_equity_measure_free      (TandemEquityMeasure       *equity);
char                *tandem_equity_measure_dup_words (const TandemEquityMeasure *equity,
                                                      guint                      threshold);
TandemEquityChart   *tandem_equity_measure_new_chart (const TandemEquityMeasure *equity,
                                                      TandemEquityView           view,
                                                      guint                      threshold,
                                                      TandemChartStyle           style,
                                                      GError                   **error);
TandemDisparity     *tandem_equity_measure_compare_earlier (const TandemEquityMeasure *equity,
                                                            char                     **since);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemEquityMeasure, tandem_equity_measure_free)

G_END_DECLS
