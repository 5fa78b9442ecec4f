/* tandem-standards-figures.c — the standards' figures: the staff's and lived experience's means and the gap, completion, the level, what is missing, and what a measure's chart shows as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here is typed by a person: every figure comes from the file. A
 * measure's evidence is judged from its chart by the SPC engine with the
 * measure's own chart and rules (tandem_measure_analyse()): the baseline is
 * what comes before the first change, its centre line and limits are held
 * over the points after it to look for a shift or trend, and a phase begun
 * with the improvement is watched for 12 months for a signal of things
 * getting worse.
 */

#define G_LOG_DOMAIN "Tandem-Standards"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-date.h"
#include "tandem-db-private.h"
#include "tandem-enums.h"
#include "tandem-standards-private.h"
#include "tandem-stored-enums.h"

/* ------------------------------------------------------------------------ */
/* A measure's chart as evidence                                            */

void
tandem_measure_judgement_free (TandemMeasureJudgement *judgement)
{
  if (judgement == NULL)
    return;
  g_free (judgement->signal_date);
  g_free (judgement->baseline_reason);
  g_free (judgement->shift_reason);
  g_free (judgement->sustained_reason);
  g_free (judgement);
}

/* Whole calendar months from @from to @to (both yyyy-mm-dd). */
static int
months_between (const char *from,
                const char *to)
{
  guint y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;

  if (sscanf (from, "%4u-%2u-%2u", &y1, &m1, &d1) != 3 ||
      sscanf (to, "%4u-%2u-%2u", &y2, &m2, &d2) != 3)
    return 0;
  return ((int) y2 - (int) y1) * 12 + ((int) m2 - (int) m1) - (d2 < d1 ? 1 : 0);
}

static char *
label_at (const TandemSpcResult *result,
          gsize                  index)
{
  char buffer[32];

  return g_strdup (tandem_spc_result_get_label (result, index, buffer));
}

static const char *
signal_word (guint8 signals)
{
  if (signals & TANDEM_SPC_SIGNAL_SHIFT)
    return _("a shift");
  if (signals & TANDEM_SPC_SIGNAL_TREND)
    return _("a trend");
  return _("a run longer than chance allows");
}

#define SIGNALS_OF_CHANGE (TANDEM_SPC_SIGNAL_SHIFT | TANDEM_SPC_SIGNAL_TREND | TANDEM_SPC_SIGNAL_RUNS)

/* The points after the baseline against the baseline's own centre line and
 * limits, held over them. */
static TandemSpcResult *
analyse_against_baseline (const TandemMeasure *measure,
                          gsize                baseline_points,
                          GError             **error)
{
  g_autoptr(TandemMeasure) held = tandem_measure_new ();

  g_ptr_array_unref (held->points);
  held->points = g_ptr_array_ref (measure->points);
  held->direction = measure->direction;
  held->target = measure->target;
  held->chart = measure->chart;
  held->rules = tandem_measure_get_rules (measure);
  held->screen_mr = measure->screen_mr;
  held->multiply = measure->multiply;
  held->freeze = (guint) baseline_points;
  return tandem_measure_analyse (held, error);
}

static void
judge_sustained (const TandemMeasure    *measure,
                 const TandemSpcResult  *result,
                 TandemMeasureJudgement *judgement)
{
  g_autofree char *signal_described = tandem_describe_date (judgement->signal_date);

  for (guint p = 0; p < measure->phases->len; p++)
    {
      const TandemPhase *phase = measure->phases->pdata[p];
      const TandemPhase *next = p + 1 < measure->phases->len ? measure->phases->pdata[p + 1] : NULL;
      g_autofree char *started = NULL;
      g_autofree char *last = NULL;
      g_autofree char *concern = NULL;
      gssize first, end;
      int months;

      if (g_strcmp0 (phase->starts_on, judgement->signal_date) < 0)
        continue;
      first = tandem_measure_point_at (result, phase->starts_on);
      end = next ? tandem_measure_point_at (result, next->starts_on) : (gssize) result->n_points;
      if (end < 0)
        end = (gssize) result->n_points;
      if (first < 0 || end <= first)
        continue;

      last = label_at (result, (gsize) end - 1);
      months = months_between (phase->starts_on, last);
      for (gssize i = first; i < end && concern == NULL; i++)
        {
          TandemSpcPoint point;

          tandem_spc_result_get_point (result, (gsize) i, &point);
          if (point.variation == TANDEM_SPC_VARIATION_CONCERN)
            concern = label_at (result, (gsize) i);
        }
      started = tandem_describe_date (phase->starts_on);
      g_free (judgement->sustained_reason);
      if (concern != NULL)
        {
          g_autofree char *when = tandem_describe_date (concern);

          judgement->sustained_reason =
            g_strdup_printf (_("The phase begun %s has a signal of things getting worse on %s."),
                             started, when);
        }
      else if (months < TANDEM_STANDARDS_SUSTAINED_MONTHS)
        {
          g_autofree char *to = tandem_describe_date (last);

          judgement->sustained_reason =
            g_strdup_printf (ngettext ("The phase begun %s has held for %d month so far (to %s), "
                                       "with no signal of things getting worse; 12 are needed.",
                                       "The phase begun %s has held for %d months so far (to %s), "
                                       "with no signal of things getting worse; 12 are needed.",
                                       months), started, months, to);
        }
      else
        {
          g_autofree char *to = tandem_describe_date (last);

          judgement->sustained = TRUE;
          judgement->sustained_reason =
            g_strdup_printf (_("The phase begun %s, with the improvement, has held for %d months "
                               "(to %s) with no signal of things getting worse."),
                             started, months, to);
          return;
        }
    }
  if (judgement->sustained_reason == NULL)
    judgement->sustained_reason =
      g_strdup_printf (_("No phase has been begun on the chart since the improvement from %s: "
                         "begin one to show that it holds for 12 months."), signal_described);
}

/**
 * tandem_standards_judge_measure:
 * @measure: a measure, loaded with its data and phases
 *
 * Decides from the measure's chart (its own chart type and rules) what it
 * shows as quantitative evidence, each step with its reason in words:
 *
 * - a baseline is established with at least 12 useful points (off the
 *   centre line, not excluded) before the first change (the first phase);
 * - a shift or trend in the improving direction after the baseline: the
 *   chart's rules applied to the points after it against the baseline's
 *   centre line (and limits), held over them;
 * - sustained: a phase begun on or after the first point of that signal
 *   that runs 12 months or more and shows no signal of things getting
 *   worse against its own centre line.
 *
 * Returns: (transfer full): the judgement
 */
TandemMeasureJudgement *
tandem_standards_judge_measure (const TandemMeasure *measure)
{
  TandemMeasureJudgement *judgement = g_new0 (TandemMeasureJudgement, 1);
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(TandemSpcResult) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *change = NULL;
  g_autofree char *change_described = NULL;
  const TandemSpcPhase *baseline;
  gssize improving = -1, worsening = -1;
  guint8 improving_signals = 0, worsening_signals = 0;

  g_return_val_if_fail (measure != NULL, judgement);

  result = measure->points->len > 0 ? tandem_measure_analyse (measure, &error) : NULL;
  if (result == NULL)
    {
      judgement->baseline_reason =
        error ? g_strdup_printf (_("Its chart cannot be drawn: %s."), error->message)
              : g_strdup (_("It has no data yet."));
      judgement->shift_reason = g_strdup (_("There is no baseline to compare with."));
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }

  baseline = &result->phases[0];
  if (result->n_phases > 1)
    {
      change = label_at (result, result->phases[1].first - 1);
      change_described = tandem_describe_date (change);
    }
  judgement->baseline = baseline->n_useful >= TANDEM_STANDARDS_BASELINE_POINTS;
  if (change != NULL)
    judgement->baseline_reason =
      g_strdup_printf (judgement->baseline
                       ? ngettext ("%" G_GSIZE_FORMAT " useful point before the first change "
                                   "(%s): a baseline needs 12.",
                                   "%" G_GSIZE_FORMAT " useful points before the first change "
                                   "(%s): a baseline needs 12.", baseline->n_useful)
                       : ngettext ("Only %" G_GSIZE_FORMAT " useful point before the first change "
                                   "(%s): a baseline needs 12.",
                                   "Only %" G_GSIZE_FORMAT " useful points before the first change "
                                   "(%s): a baseline needs 12.", baseline->n_useful),
                       baseline->n_useful, change_described);
  else
    judgement->baseline_reason =
      g_strdup_printf (judgement->baseline
                       ? ngettext ("%" G_GSIZE_FORMAT " useful point, and no change marked on the "
                                   "chart yet: a baseline needs 12.",
                                   "%" G_GSIZE_FORMAT " useful points, and no change marked on the "
                                   "chart yet: a baseline needs 12.", baseline->n_useful)
                       : ngettext ("Only %" G_GSIZE_FORMAT " useful point so far: a baseline "
                                   "needs 12.",
                                   "Only %" G_GSIZE_FORMAT " useful points so far: a baseline "
                                   "needs 12.", baseline->n_useful),
                       baseline->n_useful);

  if (!judgement->baseline)
    {
      judgement->shift_reason = g_strdup (_("There is no baseline to compare with."));
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }
  if (change == NULL)
    {
      judgement->verdict = TANDEM_MEASURE_VERDICT_BASELINE;
      judgement->shift_reason =
        g_strdup (_("No change is marked on the chart after the baseline, so there is nothing to "
                    "compare with it: mark when the change began as a phase."));
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }
  judgement->verdict = TANDEM_MEASURE_VERDICT_BASELINE;
  if (measure->direction == TANDEM_SPC_DIRECTION_NEUTRAL)
    {
      judgement->shift_reason =
        g_strdup (_("The measure has no better direction, so no change on its chart is an "
                    "improvement."));
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }

  held = analyse_against_baseline (measure, baseline->last, &error);
  if (held == NULL)
    {
      judgement->shift_reason = g_strdup_printf (_("Its chart cannot be drawn: %s."),
                                                 error->message);
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }
  for (gsize i = baseline->last; i < held->n_points && improving < 0; i++)
    {
      TandemSpcPoint point;

      tandem_spc_result_get_point (held, i, &point);
      if ((point.signals & SIGNALS_OF_CHANGE) == 0)
        continue;
      if (point.variation == TANDEM_SPC_VARIATION_IMPROVEMENT)
        improving = (gssize) i, improving_signals = point.signals;
      else if (point.variation == TANDEM_SPC_VARIATION_CONCERN && worsening < 0)
        worsening = (gssize) i, worsening_signals = point.signals;
    }

  if (improving >= 0)
    {
      g_autofree char *from = NULL;

      judgement->shift = TRUE;
      judgement->verdict = TANDEM_MEASURE_VERDICT_SHIFT;
      judgement->signal_date = label_at (held, (gsize) improving);
      from = tandem_describe_date (judgement->signal_date);
      judgement->shift_reason =
        g_strdup_printf (_("After the baseline, %s in the improving direction from %s, against the "
                           "baseline’s centre line by the chart’s rules (%s)."),
                         signal_word (improving_signals), from,
                         tandem_spc_rules_get_label (held->rules));
    }
  else if (worsening >= 0)
    {
      g_autofree char *when = label_at (held, (gsize) worsening);
      g_autofree char *from = tandem_describe_date (when);

      judgement->shift_reason =
        g_strdup_printf (_("After the baseline, %s in the worsening direction from %s, and none in "
                           "the improving direction."), signal_word (worsening_signals), from);
    }
  else
    judgement->shift_reason =
      g_strdup_printf (_("No shift or trend after the baseline (since %s) by the chart’s rules (%s): "
                         "the points vary as they did before."), change_described,
                       tandem_spc_rules_get_label (held->rules));

  if (!judgement->shift)
    {
      judgement->sustained_reason = g_strdup (_("There is no improvement to sustain."));
      return judgement;
    }
  judge_sustained (measure, result, judgement);
  if (judgement->sustained)
    judgement->verdict = TANDEM_MEASURE_VERDICT_SUSTAINED;
  return judgement;
}

/**
 * tandem_measure_verdict_to_string:
 * @verdict: a verdict
 *
 * Returns: its word in JSON: none, baseline, shift, sustained
 */
const char *
tandem_measure_verdict_to_string (TandemMeasureVerdict verdict)
{
  static const char * const words[] = { "none", "baseline", "shift", "sustained" };

  return (guint) verdict < G_N_ELEMENTS (words) ? words[verdict] : NULL;
}

/* ------------------------------------------------------------------------ */
/* A round's figures                                                        */

static void
standard_figures_free (TandemStandardFigures *figures)
{
  g_free (figures->standard_id);
  g_free (figures);
}

void
tandem_round_figures_free (TandemRoundFigures *figures)
{
  if (figures == NULL)
    return;
  tandem_assessment_round_free (figures->round);
  g_clear_pointer (&figures->standards, g_ptr_array_unref);
  g_free (figures);
}

static double
mean_of (double sum,
         guint  n)
{
  return n > 0 ? sum / n : NAN;
}

/**
 * tandem_standards_round_figures:
 * @project: a project
 * @framework: its framework
 * @round: a round
 * @error: return location for an error
 *
 * Works out a round's figures: for each standard the staff's mean, the
 * mean of people with lived experience (experts by experience,
 * lived-experience partners and carers), the gap between them (staff minus
 * lived experience) and everyone's mean; the average of the standards'
 * means; the staff's completion against the headcount (the 75% rule).
 *
 * Returns: (transfer full) (nullable): the figures
 */
TandemRoundFigures *
tandem_standards_round_figures (TandemProject                  *project,
                                const TandemStandardsFramework *framework,
                                const TandemAssessmentRound    *round,
                                GError                        **error)
{
  g_autoptr(TandemRoundFigures) figures = g_new0 (TandemRoundFigures, 1);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GHashTable) by_standard = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *staff_sum = g_new0 (double, framework->standards->len + 1);
  g_autofree double *lived_sum = g_new0 (double, framework->standards->len + 1);
  double total = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  responses = tandem_assessment_response_list (project, round->id, error);
  if (responses == NULL)
    return NULL;
  figures->round = g_new0 (TandemAssessmentRound, 1);
  figures->round->id = g_strdup (round->id);
  figures->round->team_id = g_strdup (round->team_id);
  figures->round->date = g_strdup (round->date);
  figures->round->headcount = round->headcount;
  figures->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) standard_figures_free);
  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];
      TandemStandardFigures *one = g_new0 (TandemStandardFigures, 1);

      one->standard_id = g_strdup (standard->id);
      g_ptr_array_add (figures->standards, one);
      g_hash_table_insert (by_standard, standard->id, GUINT_TO_POINTER (s + 1));
    }

  for (guint r = 0; r < responses->len; r++)
    {
      const TandemAssessmentResponse *response = responses->pdata[r];
      gboolean staff = response->role == TANDEM_RESPONDENT_STAFF;

      if (staff)
        figures->n_staff++;
      else
        figures->n_lived++;
      for (guint i = 0; i < response->scores->len; i++)
        {
          const TandemAssessmentScore *score = response->scores->pdata[i];
          guint s = GPOINTER_TO_UINT (g_hash_table_lookup (by_standard, score->standard_id));
          TandemStandardFigures *one;

          if (s == 0 || score->score < TANDEM_STANDARDS_SCORE_MIN ||
              score->score > TANDEM_STANDARDS_SCORE_MAX)
            continue;
          one = figures->standards->pdata[s - 1];
          if (staff)
            one->n_staff++, staff_sum[s - 1] += score->score;
          else
            one->n_lived++, lived_sum[s - 1] += score->score;
        }
    }

  for (guint s = 0; s < figures->standards->len; s++)
    {
      TandemStandardFigures *one = figures->standards->pdata[s];

      one->staff_mean = mean_of (staff_sum[s], one->n_staff);
      one->lived_mean = mean_of (lived_sum[s], one->n_lived);
      one->gap = one->staff_mean - one->lived_mean;
      one->mean = mean_of (staff_sum[s] + lived_sum[s], one->n_staff + one->n_lived);
      if (!isnan (one->mean))
        total += one->mean, figures->n_scored++;
    }
  figures->average = mean_of (total, figures->n_scored);
  if (round->headcount > 0)
    {
      figures->completion = (double) figures->n_staff / round->headcount;
      figures->completion_met = figures->n_staff * 100 >=
                                (guint) round->headcount * (guint) (TANDEM_STANDARDS_COMPLETION_NEEDED * 100);
    }
  else
    figures->completion = NAN;
  return g_steal_pointer (&figures);
}

/* ------------------------------------------------------------------------ */
/* The report                                                               */

static void
evidence_item_free (TandemEvidenceItem *item)
{
  tandem_evidence_free (item->evidence);
  g_free (item->what);
  tandem_measure_judgement_free (item->judgement);
  g_free (item);
}

static void
standards_level_free (TandemStandardsLevel *level)
{
  if (level == NULL)
    return;
  g_clear_pointer (&level->missing, g_ptr_array_unref);
  g_clear_pointer (&level->unevidenced, g_ptr_array_unref);
  g_clear_pointer (&level->types_below, g_ptr_array_unref);
  g_clear_pointer (&level->escalations, g_ptr_array_unref);
  g_free (level);
}

void
tandem_standards_report_free (TandemStandardsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->team_id);
  g_free (report->team_name);
  tandem_standards_framework_free (report->framework);
  g_clear_pointer (&report->rounds, g_ptr_array_unref);
  g_clear_pointer (&report->priorities, g_ptr_array_unref);
  g_clear_pointer (&report->evidence, g_ptr_array_unref);
  standards_level_free (report->level);
  g_clear_pointer (&report->panels, g_ptr_array_unref);
  g_free (report);
}

/* What a piece of evidence links to, in words. */
static gboolean
describe_target (TandemProject         *project,
                 const TandemEvidence  *evidence,
                 char                 **what,
                 GError               **error)
{
  g_autofree char *text = NULL;

  if (evidence->note != NULL)
    *what = g_strdup (evidence->note);
  else if (evidence->reference != NULL)
    *what = g_strdup (evidence->reference);
  else if (evidence->measure_id != NULL)
    return _tandem_db_query_text (project, error, what, NULL,
                                  "SELECT name FROM measure WHERE id = ?1", "s",
                                  evidence->measure_id);
  else if (evidence->node_id != NULL)
    return _tandem_db_query_text (project, error, what, NULL,
                                  "SELECT title FROM node WHERE id = ?1", "s", evidence->node_id);
  else if (evidence->pdsa_id != NULL)
    return _tandem_db_query_text (project, error, what, NULL,
                                  "SELECT coalesce (nullif (p.title, ''), n.title) "
                                  "FROM pdsa_cycle p JOIN node n ON n.id = p.node_id "
                                  "WHERE p.id = ?1", "s", evidence->pdsa_id);
  else if (evidence->session_id != NULL)
    {
      g_autofree char *day = NULL;

      if (!_tandem_db_query_text (project, error, &text, NULL,
                                  "SELECT substr (starts_at, 1, 10) FROM coaching_session "
                                  "WHERE id = ?1", "s", evidence->session_id))
        return FALSE;
      day = text ? tandem_describe_date (text) : NULL;
      *what = g_strdup_printf (_("Coaching session of %s"), day ? day : "?");
    }
  return TRUE;
}

static int
level_of_verdict (TandemMeasureVerdict verdict)
{
  switch (verdict)
    {
    case TANDEM_MEASURE_VERDICT_BASELINE:
      return TANDEM_STANDARD_LEVEL_BRONZE;
    case TANDEM_MEASURE_VERDICT_SHIFT:
      return TANDEM_STANDARD_LEVEL_SILVER;
    case TANDEM_MEASURE_VERDICT_SUSTAINED:
      return TANDEM_STANDARD_LEVEL_GOLD;
    case TANDEM_MEASURE_VERDICT_NONE:
    default:
      return TANDEM_STANDARD_LEVEL_NONE;
    }
}

static GPtrArray *
read_evidence (TandemProject  *project,
               const char     *team_id,
               GError        **error)
{
  g_autoptr(GPtrArray) stored = tandem_evidence_list (project, team_id, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) judged = NULL;

  if (stored == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_item_free);
  judged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) tandem_measure_judgement_free);
  for (guint i = 0; i < stored->len; i++)
    {
      TandemEvidenceItem *item = g_new0 (TandemEvidenceItem, 1);

      item->evidence = g_steal_pointer (&stored->pdata[i]);
      g_ptr_array_add (items, item);
      if (!describe_target (project, item->evidence, &item->what, error))
        return NULL;
      item->level = item->evidence->level;
      if (item->evidence->measure_id != NULL)
        {
          const TandemMeasureJudgement *one = g_hash_table_lookup (judged,
                                                                   item->evidence->measure_id);

          if (one == NULL)
            {
              g_autoptr(TandemMeasure) measure = tandem_measure_load (project,
                                                                      item->evidence->measure_id,
                                                                      error);

              if (measure == NULL)
                return NULL;
              one = tandem_standards_judge_measure (measure);
              g_hash_table_insert (judged, g_strdup (item->evidence->measure_id), (gpointer) one);
            }
          item->judgement = g_new0 (TandemMeasureJudgement, 1);
          *item->judgement = *one;
          item->judgement->signal_date = g_strdup (one->signal_date);
          item->judgement->baseline_reason = g_strdup (one->baseline_reason);
          item->judgement->shift_reason = g_strdup (one->shift_reason);
          item->judgement->sustained_reason = g_strdup (one->sustained_reason);
          if (item->level == TANDEM_STANDARD_LEVEL_NONE)
            item->level = level_of_verdict (one->verdict);
        }
    }
  return g_steal_pointer (&items);
}

static TandemStandardsLevel *
work_out_level (const TandemStandardsFramework *framework,
                const TandemRoundFigures       *latest,
                GPtrArray                      *items)
{
  TandemStandardsLevel *level = g_new0 (TandemStandardsLevel, 1);
  g_autoptr(GHashTable) evidenced = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) unevidenced_names = g_string_new (NULL);

  level->missing = g_ptr_array_new_with_free_func (g_free);
  level->unevidenced = g_ptr_array_new_with_free_func (g_free);
  level->types_below = g_ptr_array_new_with_free_func (g_free);
  level->escalations = g_ptr_array_new_with_free_func (g_free);
  level->average = latest ? latest->average : NAN;

  for (guint i = 0; i < items->len; i++)
    {
      const TandemEvidenceItem *item = items->pdata[i];

      g_hash_table_add (evidenced, item->evidence->standard_id);
      if (item->judgement != NULL && item->judgement->sustained)
        level->sustained_outcomes = TRUE;
    }
  level->level = tandem_standards_framework_level_for (framework, level->average,
                                                       level->sustained_outcomes);
  level->next_level = level->level + 1 < TANDEM_N_STANDARD_LEVELS ? level->level + 1
                                                                   : TANDEM_STANDARD_LEVEL_NONE;

  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];

      if (!g_hash_table_contains (evidenced, standard->id))
        {
          g_ptr_array_add (level->unevidenced, g_strdup (standard->id));
          g_string_append_printf (unevidenced_names, "%s%s", unevidenced_names->len ? ", " : "",
                                  standard->title);
        }
    }

  if (latest == NULL || isnan (level->average))
    g_ptr_array_add (level->missing,
                     g_strdup (_("A self-assessment round with the team’s scores.")));
  else if (level->next_level != TANDEM_STANDARD_LEVEL_NONE &&
           tandem_standards_framework_level_for (framework, level->average, TRUE) < level->next_level)
    g_ptr_array_add (level->missing,
                     g_strdup_printf (_("An average score of %.2f or more for %s (now %.2f)."),
                                      framework->thresholds[level->next_level],
                                      tandem_standard_level_get_label (level->next_level),
                                      level->average));
  if (latest != NULL && !latest->completion_met)
    g_ptr_array_add (level->missing,
                     isnan (latest->completion)
                     ? g_strdup (_("The staff headcount of the latest round, to show that 75% of "
                                   "staff took part."))
                     : g_strdup_printf (_("At least 75%% of staff taking part in the "
                                          "self-assessment (now %.0f%%)."),
                                        latest->completion * 100));
  if (level->next_level != TANDEM_STANDARD_LEVEL_NONE &&
      framework->needs_sustained[level->next_level] && !level->sustained_outcomes)
    g_ptr_array_add (level->missing,
                     g_strdup_printf (_("Sustained outcomes for %s: a measure whose improvement "
                                        "has held for 12 months with no signal of things getting "
                                        "worse."),
                                      tandem_standard_level_get_label (level->next_level)));
  if (level->unevidenced->len > 0)
    g_ptr_array_add (level->missing,
                     g_strdup_printf (_("Evidence for %s: every standard must be evidenced at "
                                        "every level."), unevidenced_names->str));
  if (level->next_level != TANDEM_STANDARD_LEVEL_NONE)
    for (guint t = 0; t < framework->types->len; t++)
      {
        const TandemEvidenceType *type = framework->types->pdata[t];
        gboolean enough = FALSE;

        for (guint i = 0; i < items->len && !enough; i++)
          {
            const TandemEvidenceItem *item = items->pdata[i];

            enough = g_str_equal (item->evidence->type_id, type->id) &&
                     item->level >= level->next_level;
          }
        if (!enough)
          {
            const char *asks = type->asks[level->next_level];

            g_ptr_array_add (level->types_below, g_strdup (type->id));
            g_ptr_array_add (level->missing,
                             asks ? g_strdup_printf (_("%s at %s: %s."), type->title,
                                                     tandem_standard_level_get_label (level->next_level),
                                                     asks)
                                  : g_strdup_printf (_("%s at %s."), type->title,
                                                     tandem_standard_level_get_label (level->next_level)));
          }
      }

  if (level->level == TANDEM_STANDARD_LEVEL_NONE && !isnan (level->average))
    {
      g_ptr_array_add (level->escalations, g_strdup (_("A divisional support plan.")));
      g_ptr_array_add (level->escalations, g_strdup (_("Escalation to QI coaching.")));
      g_ptr_array_add (level->escalations, g_strdup (_("A review by the SRO sponsor.")));
    }
  return level;
}

/**
 * tandem_standards_report:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Every figure of a team's standards from the file: each round's figures,
 * the priorities, each piece of evidence with the level it supports (a
 * measure's from its chart, with the reasons), the level the latest round
 * reaches and what the next level needs (or the escalations below Bronze),
 * and the panel reviews.
 *
 * Returns: (transfer full) (nullable): the report
 */
TandemStandardsReport *
tandem_standards_report (TandemProject  *project,
                         const char     *team_id,
                         GError        **error)
{
  g_autoptr(TandemStandardsReport) report = g_new0 (TandemStandardsReport, 1);
  g_autoptr(GPtrArray) rounds = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  report->team_id = g_strdup (team_id);
  if (!_tandem_db_query_text (project, error, &report->team_name, NULL,
                              "SELECT name FROM team WHERE id = ?1", "s", team_id))
    return NULL;
  if (report->team_name == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           TANDEM_STANDARDS_TEAM_GONE);
      return NULL;
    }
  if ((report->framework = tandem_standards_framework_load (project, error)) == NULL ||
      (rounds = tandem_assessment_round_list (project, team_id, error)) == NULL)
    return NULL;
  report->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_round_figures_free);
  for (guint i = 0; i < rounds->len; i++)
    {
      TandemRoundFigures *figures = tandem_standards_round_figures (project, report->framework,
                                                                    rounds->pdata[i], error);

      if (figures == NULL)
        return NULL;
      g_ptr_array_add (report->rounds, figures);
    }
  if ((report->priorities = tandem_priority_list (project, team_id, error)) == NULL ||
      (report->evidence = read_evidence (project, team_id, error)) == NULL ||
      (report->panels = tandem_panel_review_list (project, team_id, error)) == NULL)
    return NULL;
  report->level = work_out_level (report->framework,
                                  report->rounds->len > 0
                                  ? report->rounds->pdata[report->rounds->len - 1] : NULL,
                                  report->evidence);
  return g_steal_pointer (&report);
}
