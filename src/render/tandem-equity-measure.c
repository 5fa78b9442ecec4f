/* tandem-equity-measure.c — a broken-down measure made ready to draw: its charts and its words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way from rows by group to what the equity charts show and say:
 * `tandem-cli chart --by-group` (rows from a CSV file), `tandem-cli export
 * chart --view` and the app's Measures page (rows from a project's measure)
 * all come through here, so the sentence under a chart is the same wherever
 * it is drawn. The words are about the last 12 months up to the last date
 * with data and, when the measure records a change (its latest phase), the
 * time before that change.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-equity-measure.h"

/* yyyy-mm-dd of @date moved by @months (back when negative) and @days. */
static void
shift_date (const char *date,
            int         months,
            int         days,
            char        out[11])
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  if (!g_date_valid (&day))
    {
      g_strlcpy (out, date, 11);
      return;
    }
  if (months < 0)
    g_date_subtract_months (&day, (guint) -months);
  else if (months > 0)
    g_date_add_months (&day, (guint) months);
  if (days < 0)
    g_date_subtract_days (&day, (guint) -days);
  else if (days > 0)
    g_date_add_days (&day, (guint) days);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
              g_date_get_day (&day));
}

/**
 * tandem_equity_compare_rows:
 * @rows: (array length=n_rows): rows by group
 * @n_rows: how many
 * @names: the groups' names
 * @n_groups: how many groups
 * @options: how to compare them
 * @after: (nullable): only rows dated after this day (yyyy-mm-dd)
 * @before: (nullable): only rows dated before this day
 * @threshold: hide counts from 1 to this, for sharing; 0 to hide nothing
 *
 * The comparison of the rows in a span of time, as one period.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL when the
 *   span has no rows, or none with a denominator for the reference group
 */
TandemDisparity *
tandem_equity_compare_rows (const TandemDisparityRow     *rows,
                            gsize                         n_rows,
                            const char * const           *names,
                            guint                         n_groups,
                            const TandemDisparityOptions *options,
                            const char                   *after,
                            const char                   *before,
                            guint                         threshold)
{
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (TandemDisparityRow));
  g_autoptr(TandemDisparitySeries) series = NULL;
  TandemDisparity *whole;

  for (gsize i = 0; i < n_rows; i++)
    if ((after == NULL || strcmp (rows[i].date, after) > 0) &&
        (before == NULL || strcmp (rows[i].date, before) < 0))
      g_array_append_val (some, rows[i]);
  if (some->len == 0)
    return NULL;
  series = tandem_disparity_analyse ((const TandemDisparityRow *) (gpointer) some->data, some->len,
                                     names, n_groups, options, NULL);
  if (series == NULL || options->reference >= n_groups ||
      !series->whole->has_data[options->reference])
    return NULL;
  if (threshold > 0)
    tandem_disparity_series_suppress (series, options, threshold);
  whole = g_steal_pointer (&series->whole->disparity);
  return whole;
}

/**
 * tandem_equity_dup_words:
 * @rows: (array length=n_rows): rows by group
 * @n_rows: how many
 * @names: the groups' names
 * @n_groups: how many groups
 * @options: how to compare them
 * @words: who the people are and what happened to them (@span, @change
 *   and @threshold are filled in here)
 * @change_date: (nullable): the day the latest change started, to say what
 *   the ratio was before it; @words->change names it
 * @threshold: hide counts from 1 to this, for sharing; 0 to hide nothing
 *
 * One sentence per group with rows, other than the reference and "Not
 * stated" (tandem_disparity_dup_sentence()): the last 12 months up to the
 * last date with data (the whole period when the rows cover less), and the
 * time before @change_date.
 *
 * Returns: (transfer full) (nullable): the sentences, a line each, or
 *   %NULL when the reference group has no figures to compare with
 */
char *
tandem_equity_dup_words (const TandemDisparityRow     *rows,
                         gsize                         n_rows,
                         const char * const           *names,
                         guint                         n_groups,
                         const TandemDisparityOptions *options,
                         const TandemDisparityWords   *words,
                         const char                   *change_date,
                         guint                         threshold)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TandemDisparity) now = NULL;
  g_autoptr(TandemDisparity) before = NULL;
  g_autofree gboolean *present = g_new0 (gboolean, MAX (n_groups, 1));
  TandemDisparityWords said = *words;
  char first[11] = "9999-12-31", last[11] = "", cutoff[11];

  if (n_rows == 0)
    return NULL;
  for (gsize i = 0; i < n_rows; i++)
    {
      if (strcmp (rows[i].date, last) > 0)
        g_strlcpy (last, rows[i].date, sizeof last);
      if (strcmp (rows[i].date, first) < 0)
        g_strlcpy (first, rows[i].date, sizeof first);
      if (rows[i].group < n_groups)
        present[rows[i].group] = TRUE;
    }
  shift_date (last, -12, 0, cutoff);
  said.span = strcmp (first, cutoff) > 0 ? _("Over the whole period") : _("Over the last 12 months");
  said.threshold = threshold;
  if (change_date == NULL)
    said.change = NULL;

  now = tandem_equity_compare_rows (rows, n_rows, names, n_groups, options, cutoff, NULL, threshold);
  if (now == NULL)
    return NULL;
  if (change_date != NULL)
    before = tandem_equity_compare_rows (rows, n_rows, names, n_groups, options, NULL, change_date,
                                         threshold);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *sentence = NULL;

      if (!present[g] || g == options->reference || g == options->not_stated)
        continue;
      sentence = tandem_disparity_dup_sentence (now, before, g, names, options, &said);
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", sentence);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------ */
/* A project's measure                                                      */

void
tandem_equity_measure_free (TandemEquityMeasure *equity)
{
  if (equity == NULL)
    return;
  g_clear_pointer (&equity->measure, tandem_measure_unref);
  g_clear_pointer (&equity->breakdown, tandem_breakdown_free);
  g_clear_pointer (&equity->analysis, tandem_breakdown_analysis_free);
  g_free (equity);
}

/**
 * tandem_equity_measure_load:
 * @project: a project
 * @measure_id: a measure broken down by group, with data
 * @pooled: pool ethnic categories into their broad groups (see
 *   tandem_breakdown_analyse())
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the measure, its breakdown and its
 *   groups compared, or %NULL with @error set: %TANDEM_PROJECT_ERROR_NOT_FOUND
 *   when the measure is not broken down or has no data by group yet
 */
TandemEquityMeasure *
tandem_equity_measure_load (TandemProject  *project,
                            const char     *measure_id,
                            gboolean        pooled,
                            GError        **error)
{
  g_autoptr(TandemEquityMeasure) equity = g_new0 (TandemEquityMeasure, 1);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  equity->measure = tandem_measure_load (project, measure_id, error);
  if (equity->measure == NULL)
    return NULL;
  equity->breakdown = tandem_breakdown_get (project, measure_id, error);
  if (equity->breakdown == NULL)
    return NULL;
  equity->analysis = tandem_breakdown_analyse (project, measure_id, pooled, error);
  if (equity->analysis == NULL)
    return NULL;
  for (guint i = 0; i < equity->measure->phases->len; i++)
    {
      const TandemPhase *phase = equity->measure->phases->pdata[i];

      if (equity->change == NULL || strcmp (phase->starts_on, equity->change->starts_on) > 0)
        equity->change = phase;
    }
  return g_steal_pointer (&equity);
}

/**
 * tandem_equity_measure_dup_words:
 * @equity: a broken-down measure
 * @threshold: hide counts from 1 to this, for sharing; 0 for the team's
 *   own numbers
 *
 * Returns: (transfer full) (nullable): what its charts show, a sentence per
 *   group compared (tandem_equity_dup_words())
 */
char *
tandem_equity_measure_dup_words (const TandemEquityMeasure *equity,
                                 guint                      threshold)
{
  const TandemBreakdownAnalysis *analysis = equity->analysis;
  TandemDisparityWords words = { NULL };

  words.change = equity->change && equity->change->label && *equity->change->label
                 ? equity->change->label : NULL;
  return tandem_equity_dup_words ((const TandemDisparityRow *) (gpointer) analysis->rows->data,
                                  analysis->rows->len, (const char * const *) analysis->group_names,
                                  analysis->n_groups, &analysis->options, &words,
                                  words.change ? equity->change->starts_on : NULL, threshold);
}

/**
 * tandem_equity_measure_new_chart:
 * @equity: a broken-down measure
 * @view: small multiples or the disparity chart
 * @threshold: hide counts from 1 to this, for sharing; 0 for the team's
 *   own numbers
 * @style: for the screen, for print, or high contrast
 * @error: return location for an error
 *
 * The chart `chart --by-group` draws, for a project's measure: titled with
 * its name, the denominator's name on the axis, its phases and its notes
 * (and the PDSA cycles of its linked change ideas) marked, its words under
 * it.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 *   when there is nothing to draw
 */
TandemEquityChart *
tandem_equity_measure_new_chart (const TandemEquityMeasure *equity,
                                 TandemEquityView           view,
                                 guint                      threshold,
                                 TandemChartStyle           style,
                                 GError                   **error)
{
  const TandemBreakdownAnalysis *analysis = equity->analysis;
  g_autoptr(TandemEquityChart) chart = NULL;
  g_autofree char *words = NULL;

  chart = tandem_equity_chart_new (view, (const TandemDisparityRow *) (gpointer) analysis->rows->data,
                                   analysis->rows->len, (const char * const *) analysis->group_names,
                                   analysis->n_groups, &analysis->options, error);
  if (chart == NULL)
    return NULL;
  tandem_equity_chart_set_title (chart, equity->measure->name);
  tandem_equity_chart_set_unit (chart, equity->breakdown->denominator_name);
  tandem_equity_chart_set_style (chart, style);
  for (guint i = 0; i < equity->measure->phases->len; i++)
    {
      const TandemPhase *phase = equity->measure->phases->pdata[i];

      tandem_equity_chart_add_phase (chart, phase->starts_on, phase->label);
    }
  for (guint i = 0; i < equity->measure->annotations->len; i++)
    {
      const TandemAnnotation *note = equity->measure->annotations->pdata[i];
      const char *text = note->text && *note->text ? note->text : note->linked_title;

      tandem_equity_chart_add_note (chart, note->date, text ? text : "");
    }
  if (threshold > 0)
    tandem_equity_chart_set_threshold (chart, threshold);
  words = tandem_equity_measure_dup_words (equity, threshold);
  tandem_equity_chart_set_words (chart, words);
  return g_steal_pointer (&chart);
}

/**
 * tandem_equity_measure_compare_earlier:
 * @equity: a broken-down measure
 * @since: (out) (transfer full): what the earlier period is, to follow a
 *   ratio ("before ‘huddles’", "in the 12 months before")
 *
 * The period the last 12 months are compared with, to tell whether a gap
 * has narrowed: the time before the measure's latest change, or without
 * one, the 12 months before the last 12. The team's own numbers, nothing
 * hidden.
 *
 * Returns: (transfer full) (nullable): its comparison, or %NULL when it has
 *   no figures for the reference group
 */
TandemDisparity *
tandem_equity_measure_compare_earlier (const TandemEquityMeasure *equity,
                                       char                     **since)
{
  const TandemBreakdownAnalysis *analysis = equity->analysis;
  const TandemDisparityRow *rows = (const TandemDisparityRow *) (gpointer) analysis->rows->data;
  char last[11] = "", cutoff[11], start[11], end[11];

  *since = NULL;
  if (equity->change != NULL)
    {
      *since = equity->change->label && *equity->change->label
               ? g_strdup_printf (_("before ‘%s’"), equity->change->label)
               : g_strdup_printf (_("before the phase from %s"), equity->change->starts_on);
      return tandem_equity_compare_rows (rows, analysis->rows->len,
                                         (const char * const *) analysis->group_names,
                                         analysis->n_groups, &analysis->options, NULL,
                                         equity->change->starts_on, 0);
    }
  for (guint i = 0; i < analysis->rows->len; i++)
    if (strcmp (rows[i].date, last) > 0)
      g_strlcpy (last, rows[i].date, sizeof last);
  shift_date (last, -12, 0, cutoff);
  shift_date (cutoff, -12, 0, start);
  shift_date (cutoff, 0, 1, end);
  *since = g_strdup (_("in the 12 months before"));
  return tandem_equity_compare_rows (rows, analysis->rows->len,
                                     (const char * const *) analysis->group_names,
                                     analysis->n_groups, &analysis->options, start, end, 0);
}
