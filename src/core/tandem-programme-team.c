/* tandem-programme-team.c — one team's figures for the programme view, read
 * through each area's own typed readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Programme"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-coaching.h"
#include "tandem-date.h"
#include "tandem-defaults.h"
#include "tandem-measure.h"
#include "tandem-programme.h"
#include "tandem-team.h"

/* ------------------------------------------------------------------------ */
/* Days and quarters                                                        */

static guint32
julian (const char *iso)
{
  GDate date;
  int y, m, d;

  /* Read by hand: sscanf() was a third of the time taken by a team's
   * figures, which look at thousands of dates. */
  if (iso == NULL)
    return 0;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return 0;
  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
format_julian (guint32 day,
               char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* Whether @iso (a date, or a time whose first ten characters are one) falls
 * within the @days days that end on @to. */
static gboolean
within_days (const char *iso,
             const char *to,
             guint       days)
{
  guint32 day = julian (iso), last = julian (to);

  return day != 0 && day <= last && day + days > last;
}

/**
 * tandem_programme_quarters_new:
 * @from: the first day, YYYY-MM-DD
 * @to: the last day
 *
 * Returns: (transfer full) (element-type TandemProgrammeQuarter): each
 *   calendar quarter from @from to @to, the first and last cut to them, with
 *   every figure 0
 */
GArray *
tandem_programme_quarters_new (const char *from,
                               const char *to)
{
  GArray *quarters = g_array_new (FALSE, TRUE, sizeof (TandemProgrammeQuarter));
  int y, m, d, last_y, last_m;

  if (sscanf (from, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      sscanf (to, "%4d-%2d-%2d", &last_y, &last_m, &d) != 3)
    return quarters;
  for (int q = (m - 1) / 3; y * 4 + q <= last_y * 4 + (last_m - 1) / 3; q++)
    {
      TandemProgrammeQuarter quarter = { 0, };
      static const char * const ends[] = { "03-31", "06-30", "09-30", "12-31" };

      if (q == 4)
        {
          q = 0;
          y++;
        }
      quarter.year = y;
      quarter.quarter = q + 1;
      g_snprintf (quarter.from, sizeof quarter.from, "%04d-%02d-01", y, q * 3 + 1);
      g_snprintf (quarter.to, sizeof quarter.to, "%04d-%s", y, ends[q]);
      if (strcmp (quarter.from, from) < 0)
        g_strlcpy (quarter.from, from, sizeof quarter.from);
      if (strcmp (quarter.to, to) > 0)
        g_strlcpy (quarter.to, to, sizeof quarter.to);
      g_array_append_val (quarters, quarter);
    }
  return quarters;
}

/* The quarter @iso falls in, or NULL if it is outside them all. */
static TandemProgrammeQuarter *
quarter_of (GArray     *quarters,
            const char *iso)
{
  char day[11];

  if (iso == NULL || strlen (iso) < 10)
    return NULL;
  g_strlcpy (day, iso, sizeof day);
  for (guint i = 0; i < quarters->len; i++)
    {
      TandemProgrammeQuarter *q = &g_array_index (quarters, TandemProgrammeQuarter, i);

      if (strcmp (day, q->from) >= 0 && strcmp (day, q->to) <= 0)
        return q;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The figures                                                              */

/**
 * tandem_programme_race_tag_name:
 *
 * Returns: the name of the built-in race equity tag, which the programme
 *   puts first
 */
const char *
tandem_programme_race_tag_name (void)
{
  return tandem_defaults_equity_tag_name (TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY);
}

void
tandem_programme_ratio_free (TandemProgrammeRatio *ratio)
{
  if (ratio == NULL)
    return;
  g_free (ratio->measure);
  g_free (ratio->group);
  g_free (ratio->reference);
  g_free (ratio->from);
  g_free (ratio->to);
  g_free (ratio);
}

void
tandem_programme_measure_link_free (TandemProgrammeMeasureLink *link)
{
  if (link == NULL)
    return;
  g_free (link->id);
  g_free (link->name);
  g_free (link);
}

/* Keeps where @measure stands, so that the figure it counts in can open it. */
static void
note_measure (TandemProgrammeTeam         *team,
              const TandemMeasure         *measure,
              TandemProgrammeMeasureState  state)
{
  TandemProgrammeMeasureLink *link = g_new0 (TandemProgrammeMeasureLink, 1);

  link->id = g_strdup (measure->id);
  link->name = g_strdup (measure->name);
  link->state = state;
  g_ptr_array_add (team->measure_links, link);
}

void
tandem_programme_standard_score_free (TandemProgrammeStandardScore *score)
{
  if (score == NULL)
    return;
  g_free (score->id);
  g_free (score->title);
  g_free (score->word);
  g_free (score);
}

void
tandem_programme_standards_free (TandemProgrammeStandards *standards)
{
  if (standards == NULL)
    return;
  g_free (standards->date);
  g_clear_pointer (&standards->scores, g_ptr_array_unref);
  g_free (standards);
}

static gpointer
copy_standard_score (gconstpointer src,
                     gpointer      data)
{
  const TandemProgrammeStandardScore *score = src;
  TandemProgrammeStandardScore *copy = g_memdup2 (score, sizeof *score);

  copy->id = g_strdup (score->id);
  copy->title = g_strdup (score->title);
  copy->word = g_strdup (score->word);
  return copy;
}

/**
 * tandem_programme_standards_copy:
 * @standards: (nullable): a team's standards
 *
 * Returns: (transfer full) (nullable): a copy sharing nothing with @standards
 */
TandemProgrammeStandards *
tandem_programme_standards_copy (const TandemProgrammeStandards *standards)
{
  TandemProgrammeStandards *copy;

  if (standards == NULL)
    return NULL;
  copy = g_memdup2 (standards, sizeof *standards);
  copy->date = g_strdup (standards->date);
  copy->scores = g_ptr_array_copy (standards->scores, copy_standard_score, NULL);
  g_ptr_array_set_free_func (copy->scores, (GDestroyNotify) tandem_programme_standard_score_free);
  return copy;
}

/**
 * tandem_programme_team_set_standards:
 * @team: a team's figures
 * @framework: the framework of the team's file
 * @standards: (nullable): the team's column of tandem_standards_teams()
 *
 * Keeps the team's Standards level and each standard's average from its
 * latest self-assessment round; a team with no round keeps none.
 */
void
tandem_programme_team_set_standards (TandemProgrammeTeam            *team,
                                     const TandemStandardsFramework *framework,
                                     const TandemTeamStandards      *standards)
{
  TandemProgrammeStandards *kept;

  g_return_if_fail (team != NULL && framework != NULL);

  g_clear_pointer (&team->standards, tandem_programme_standards_free);
  if (standards == NULL || standards->round_id == NULL)
    return;
  kept = g_new0 (TandemProgrammeStandards, 1);
  kept->date = g_strdup (standards->date);
  kept->n_staff = standards->n_staff;
  kept->headcount = standards->headcount;
  kept->counts = standards->completion_met;
  kept->average = standards->average;
  kept->level = standards->level;
  kept->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_standard_score_free);
  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];
      TandemProgrammeStandardScore *score = g_new0 (TandemProgrammeStandardScore, 1);

      score->id = g_strdup (standard->id);
      score->title = g_strdup (standard->title);
      score->mean = standards->means[s];
      score->word = g_strdup (tandem_standards_framework_word (framework, score->mean));
      g_ptr_array_add (kept->scores, score);
    }
  team->standards = kept;
}

/**
 * tandem_programme_standards_find:
 * @standards: (nullable): a team's standards
 * @standard_id: a standard's id
 *
 * Returns: (nullable): the team's average for that standard, %NULL if the
 *   team has no round or its framework has no such standard
 */
const TandemProgrammeStandardScore *
tandem_programme_standards_find (const TandemProgrammeStandards *standards,
                                 const char                     *standard_id)
{
  for (guint s = 0; standards != NULL && s < standards->scores->len; s++)
    {
      const TandemProgrammeStandardScore *score = standards->scores->pdata[s];

      if (g_str_equal (score->id, standard_id))
        return score;
    }
  return NULL;
}

/**
 * tandem_programme_level_word:
 * @standards: (nullable): a team's standards
 *
 * Returns: (nullable): the level its latest round reaches in a word
 *   (“Silver”, “No level yet”), %NULL for a team with no round
 */
const char *
tandem_programme_level_word (const TandemProgrammeStandards *standards)
{
  if (standards == NULL)
    return NULL;
  return standards->level == TANDEM_STANDARD_LEVEL_NONE
         ? _("No level yet") : tandem_standard_level_get_label (standards->level);
}

/**
 * tandem_programme_describe_level:
 * @standards: (nullable): a team's standards
 *
 * Returns: (transfer full) (nullable): the level its latest round reaches
 *   (“Silver”, “No level yet”), the round's date and whether it counts
 *   (“Silver — round of 12 March 2026, 9 of 10 staff”), or %NULL for a team
 *   with no round
 */
char *
tandem_programme_describe_level (const TandemProgrammeStandards *standards)
{
  const char *level = tandem_programme_level_word (standards);
  g_autofree char *day = NULL;

  if (standards == NULL)
    return NULL;
  day = tandem_describe_date (standards->date);
  if (standards->headcount <= 0)
    /* TRANSLATORS: a Standards level, the round's date, how many staff took part */
    return g_strdup_printf (ngettext ("%s — round of %s, %u staff, headcount not known, so it does not count",
                                      "%s — round of %s, %u staff, headcount not known, so it does not count",
                                      standards->n_staff),
                            level, day, standards->n_staff);
  if (!standards->counts)
    /* TRANSLATORS: a Standards level, the round's date, staff who took part of the headcount */
    return g_strdup_printf (_("%s — round of %s, %u of %d staff, under 75%%, so it does not count"),
                            level, day, standards->n_staff, standards->headcount);
  return g_strdup_printf (_("%s — round of %s, %u of %d staff"), level, day, standards->n_staff,
                          standards->headcount);
}

void
tandem_programme_team_free (TandemProgrammeTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->file);
  g_free (team->team_id);
  g_free (team->name);
  g_free (team->organisation);
  g_free (team->service_type);
  g_clear_pointer (&team->tag_names, g_ptr_array_unref);
  g_clear_pointer (&team->tag_counts, g_array_unref);
  g_free (team->last_session);
  g_clear_pointer (&team->measures_without_data, g_ptr_array_unref);
  g_clear_pointer (&team->measure_links, g_ptr_array_unref);
  g_clear_pointer (&team->ratios, g_ptr_array_unref);
  g_clear_pointer (&team->quarters, g_array_unref);
  tandem_programme_standards_free (team->standards);
  g_free (team);
}

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

static gpointer
copy_measure_link (gconstpointer src,
                   gpointer      data)
{
  const TandemProgrammeMeasureLink *link = src;
  TandemProgrammeMeasureLink *copy = g_memdup2 (link, sizeof *link);

  copy->id = g_strdup (link->id);
  copy->name = g_strdup (link->name);
  return copy;
}

static gpointer
copy_ratio (gconstpointer src,
            gpointer      data)
{
  const TandemProgrammeRatio *ratio = src;
  TandemProgrammeRatio *copy = g_memdup2 (ratio, sizeof *ratio);

  copy->measure = g_strdup (ratio->measure);
  copy->group = g_strdup (ratio->group);
  copy->reference = g_strdup (ratio->reference);
  copy->from = g_strdup (ratio->from);
  copy->to = g_strdup (ratio->to);
  return copy;
}

static GArray *
copy_array (GArray *array)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, g_array_get_element_size (array), array->len);

  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

/**
 * tandem_programme_team_copy:
 * @team: a team's figures
 *
 * Returns: (transfer full): a copy of every one of them, sharing nothing
 *   with @team
 */
TandemProgrammeTeam *
tandem_programme_team_copy (const TandemProgrammeTeam *team)
{
  TandemProgrammeTeam *copy;

  g_return_val_if_fail (team != NULL, NULL);

  /* The numbers (and the retention, statuses and levels) as they are; then
   * every pointer to a copy of its own. */
  copy = g_memdup2 (team, sizeof *team);
  copy->file = g_strdup (team->file);
  copy->team_id = g_strdup (team->team_id);
  copy->name = g_strdup (team->name);
  copy->organisation = g_strdup (team->organisation);
  copy->service_type = g_strdup (team->service_type);
  copy->tag_names = g_ptr_array_copy (team->tag_names, copy_string, NULL);
  g_ptr_array_set_free_func (copy->tag_names, g_free);
  copy->tag_counts = copy_array (team->tag_counts);
  copy->last_session = g_strdup (team->last_session);
  copy->measures_without_data = g_ptr_array_copy (team->measures_without_data, copy_string,
                                                  NULL);
  g_ptr_array_set_free_func (copy->measures_without_data, g_free);
  copy->measure_links = g_ptr_array_copy (team->measure_links, copy_measure_link, NULL);
  g_ptr_array_set_free_func (copy->measure_links,
                             (GDestroyNotify) tandem_programme_measure_link_free);
  copy->ratios = g_ptr_array_copy (team->ratios, copy_ratio, NULL);
  g_ptr_array_set_free_func (copy->ratios, (GDestroyNotify) tandem_programme_ratio_free);
  copy->quarters = copy_array (team->quarters);
  copy->standards = tandem_programme_standards_copy (team->standards);
  return copy;
}

static gboolean
read_ideas (TandemProject        *project,
            TandemProgrammeTeam  *team,
            GError              **error)
{
  g_autoptr(TandemEquitySummary) summary = NULL;
  const char *race = tandem_programme_race_tag_name ();

  summary = tandem_equity_summary_new (project, team->team_id, NULL, error);
  if (summary == NULL)
    return FALSE;
  team->n_ideas = summary->n_ideas;
  team->n_tagged = summary->n_tagged;
  memcpy (team->statuses, summary->statuses, sizeof team->statuses);
  memcpy (team->levels, summary->levels, sizeof team->levels);
  /* Race equity first, as the programme reports it; the rest in the file's order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < summary->tag_names->len; i++)
      {
        const char *name = summary->tag_names->pdata[i];
        guint count = g_array_index (summary->tag_counts, guint, i);

        if ((pass == 0) != g_str_equal (name, race))
          continue;
        if (pass == 0)
          team->n_race_ideas = count;
        g_ptr_array_add (team->tag_names, g_strdup (name));
        g_array_append_val (team->tag_counts, count);
      }
  return TRUE;
}

static gboolean
has_race_tag (TandemDiagram           *diagram,
              const TandemDiagramNode *node)
{
  const char *race = tandem_programme_race_tag_name ();

  for (guint t = 0; t < node->tags->len; t++)
    {
      const TandemDiagramTag *tag = tandem_diagram_get_tag (diagram,
                                                            g_array_index (node->tags, guint, t));

      if (tag != NULL && g_strcmp0 (tag->name, race) == 0)
        return TRUE;
    }
  return FALSE;
}

/* PDSA cycles started lately and by quarter, and change ideas by the
 * quarter they were added in (or, when they came with the file, first
 * tested in). */
static gboolean
read_cycles (TandemProject        *project,
             TandemProgrammeTeam  *team,
             const char           *to,
             GError              **error)
{
  g_autoptr(GPtrArray) diagrams = tandem_diagram_list (project, team->team_id, NULL);

  for (guint d = 0; d < diagrams->len; d++)
    {
      g_autoptr(TandemDiagram) diagram = tandem_diagram_load (project, diagrams->pdata[d], error);
      g_autoptr(GHashTable) authorship = NULL;

      if (diagram == NULL)
        return FALSE;
      authorship = tandem_diagram_authorship (project, diagrams->pdata[d]);
      for (guint n = 0; n < tandem_diagram_get_n_nodes (diagram); n++)
        {
          const TandemDiagramNode *node = tandem_diagram_get_node (diagram, n);
          const TandemAuthorship *author = authorship ? g_hash_table_lookup (authorship, node->id)
                                                      : NULL;
          g_autoptr(GPtrArray) cycles = NULL;
          const char *first_tested = NULL;
          TandemProgrammeQuarter *q;

          if (node->n_pdsa > 0)
            cycles = tandem_diagram_list_pdsa (project, node->id);
          for (guint c = 0; cycles != NULL && c < cycles->len; c++)
            {
              const TandemPdsaSummary *cycle = cycles->pdata[c];

              if (cycle->started_on == NULL)
                continue;
              if (first_tested == NULL)
                first_tested = cycle->started_on;
              if (within_days (cycle->started_on, to, TANDEM_PROGRAMME_RECENT_DAYS))
                team->n_pdsa_recent++;
              if ((q = quarter_of (team->quarters, cycle->started_on)) != NULL)
                q->pdsa_started++;
            }
          if (node->kind != TANDEM_NODE_CHANGE_IDEA)
            continue;
          q = quarter_of (team->quarters, author && author->added_at ? author->added_at
                                                                     : first_tested);
          if (q != NULL)
            {
              q->new_ideas++;
              if (has_race_tag (diagram, node))
                q->new_race_ideas++;
            }
        }
    }
  return TRUE;
}

static gboolean
read_coaching (TandemProject        *project,
               TandemProgrammeTeam  *team,
               const char           *from,
               const char           *to,
               GError              **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autofree char *now = g_strconcat (to, "T23:59:59Z", NULL);
  char recent[11];

  /* Counted, never shown: private sessions count like the others. */
  format_julian (julian (to) - TANDEM_PROGRAMME_RECENT_DAYS + 1, recent);
  sessions = tandem_coaching_list_sessions (project, team->team_id,
                                            strcmp (recent, from) < 0 ? recent : from, to,
                                            TRUE, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      const TandemSession *session = sessions->pdata[i];
      TandemProgrammeQuarter *q = quarter_of (team->quarters, session->starts_at);

      if (within_days (session->starts_at, to, TANDEM_PROGRAMME_RECENT_DAYS))
        {
          team->n_sessions_recent++;
          team->n_sessions_recent_le += session->lived_experience_present;
        }
      if (q != NULL)
        {
          q->sessions++;
          q->sessions_with_lived_experience += session->lived_experience_present;
        }
    }

  caseload = tandem_coaching_caseload (project, now, error);
  if (caseload == NULL)
    return FALSE;
  team->days_since_session = -1;
  for (guint i = 0; i < caseload->len; i++)
    {
      const TandemCaseloadTeam *entry = caseload->pdata[i];

      if (!g_str_equal (entry->team_id, team->team_id))
        continue;
      team->last_session = g_strdup (entry->last_seen);
      team->days_since_session = entry->days_since_seen;
      team->n_open_actions = entry->n_open;
      team->n_overdue_actions = entry->n_overdue;
    }
  return TRUE;
}

static void
read_ratios (TandemProject        *project,
             TandemProgrammeTeam  *team,
             const TandemMeasure  *measure)
{
  g_autoptr(TandemBreakdownAnalysis) analysis = NULL;
  g_autoptr(TandemBreakdown) breakdown = NULL;
  const TandemDisparityPeriod *year;

  /* Not broken down, or with no data to compare: nothing to say. */
  breakdown = tandem_breakdown_get (project, measure->id, NULL);
  if (breakdown == NULL)
    return;
  analysis = tandem_breakdown_analyse (project, measure->id, TRUE, NULL);
  if (analysis == NULL || analysis->last_year == NULL || analysis->last_year->whole == NULL)
    return;
  year = analysis->last_year->whole;
  for (guint g = 0; g < analysis->n_groups && g < year->disparity->n_groups; g++)
    {
      const TandemDisparityGroup *group = &year->disparity->groups[g];
      TandemProgrammeRatio *ratio;

      if (group->status == TANDEM_RATIO_REFERENCE || group->status == TANDEM_RATIO_NOT_STATED)
        continue;
      ratio = g_new0 (TandemProgrammeRatio, 1);
      ratio->measure = g_strdup (measure->name);
      ratio->group = g_strdup (analysis->group_names[g]);
      ratio->reference = analysis->options.reference < analysis->n_groups
                         ? g_strdup (analysis->group_names[analysis->options.reference]) : NULL;
      ratio->from = g_strdup (year->from);
      ratio->to = g_strdup (year->to);
      ratio->status = group->status;
      ratio->ratio = group->status == TANDEM_RATIO_ESTIMATED ? group->ratio : NAN;
      ratio->lcl = group->status == TANDEM_RATIO_ESTIMATED ? group->lcl : NAN;
      ratio->ucl = group->status == TANDEM_RATIO_ESTIMATED ? group->ucl : NAN;
      g_ptr_array_add (team->ratios, ratio);
    }
}

static gboolean
read_measures (TandemProject        *project,
               TandemProgrammeTeam  *team,
               const char           *to,
               GError              **error)
{
  g_autoptr(GPtrArray) measures = tandem_measure_list (project, team->team_id, error);

  if (measures == NULL)
    return FALSE;
  team->n_measures = measures->len;
  for (guint i = 0; i < measures->len; i++)
    {
      const TandemMeasure *listed = measures->pdata[i];
      g_autoptr(TandemSpcResult) result = NULL;
      TandemMeasure *measure;
      gboolean recent = FALSE, improving = FALSE;

      measure = tandem_measure_load (project, listed->id, error);
      if (measure == NULL)
        return FALSE;
      for (guint p = 0; p < measure->points->len && !recent; p++)
        {
          const TandemDataPoint *point = measure->points->pdata[p];

          recent = !point->excluded && !isnan (point->value) &&
                   within_days (point->date, to, TANDEM_PROGRAMME_SIGNAL_DAYS);
        }
      if (recent)
        result = tandem_measure_analyse (measure, NULL);
      for (gsize p = 0; result != NULL && p < result->n_points && !improving; p++)
        {
          char buffer[32];
          const char *label = tandem_spc_result_get_label (result, p, buffer);
          TandemSpcPoint point;

          if (!within_days (label, to, TANDEM_PROGRAMME_SIGNAL_DAYS))
            continue;
          tandem_spc_result_get_point (result, p, &point);
          improving = point.variation == TANDEM_SPC_VARIATION_IMPROVEMENT;
        }
      if (!recent)
        g_ptr_array_add (team->measures_without_data, g_strdup (measure->name));
      else if (improving)
        team->n_measures_improving++;
      else
        team->n_measures_no_signal++;
      note_measure (team, measure, !recent ? TANDEM_PROGRAMME_MEASURE_NO_DATA
                                   : improving ? TANDEM_PROGRAMME_MEASURE_IMPROVING
                                   : TANDEM_PROGRAMME_MEASURE_NO_SIGNAL);
      read_ratios (project, team, measure);
      tandem_measure_unref (measure);
    }
  return TRUE;
}

static gboolean
read_peer_support (TandemProject        *project,
                   TandemProgrammeTeam  *team,
                   const char           *to,
                   GError              **error)
{
  g_autoptr(TandemPeerSupportReport) report = NULL;

  report = tandem_peer_support_report_new (project, team->team_id, to, error);
  if (report == NULL)
    return FALSE;
  for (guint i = 0; i < report->items->len; i++)
    {
      const TandemTrackerItem *item = report->items->pdata[i];

      if (item->status == TANDEM_ITEM_NOT_APPLICABLE)
        continue;
      team->framework_applicable++;
      team->framework_in_place += item->status == TANDEM_ITEM_IN_PLACE;
    }
  for (guint i = 0; i < report->roles->len; i++)
    {
      const TandemPeerRole *role = report->roles->pdata[i];

      if (role->vacancy)
        team->peer_vacancies++;
      else if (role->end_date == NULL || strcmp (role->end_date, to) > 0)
        {
          team->peer_roles++;
          if (!isnan (role->expected_per_month) && !isnan (role->per_month) &&
              role->per_month < role->expected_per_month)
            team->supervision_behind++;
        }
    }
  for (guint k = 0; k < TANDEM_N_SUPERVISION_KINDS; k++)
    team->supervision_records += report->records[k];
  memcpy (team->retention, report->retention, sizeof team->retention);
  return TRUE;
}

/**
 * tandem_programme_team_read:
 * @project: a project, open for reading
 * @team_id: one of its teams
 * @from: the report's first day, YYYY-MM-DD: where its quarters start
 * @to: the report's last day, the day the figures are as of
 * @error: return location for an error
 *
 * Reads one team's figures for the programme view: its change ideas by
 * status, equity focus and co-production level; PDSA cycles and coaching
 * sessions in the 90 days up to @to; open and overdue actions; its
 * measures with a signal of improvement in the 12 weeks up to @to, without
 * one, and without data; its peer-support implementation; the ratios of
 * its measures broken down by group; and the same by quarter.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error set
 */
TandemProgrammeTeam *
tandem_programme_team_read (TandemProject  *project,
                            const char     *team_id,
                            const char     *from,
                            const char     *to,
                            GError        **error)
{
  g_autoptr(TandemProgrammeTeam) team = g_new0 (TandemProgrammeTeam, 1);
  g_autoptr(TandemTeam) stored = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL && from != NULL && to != NULL, NULL);

  stored = tandem_team_get (project, team_id, error);
  if (stored == NULL)
    return NULL;
  team->file = g_strdup (tandem_project_get_path (project));
  team->team_id = g_strdup (team_id);
  team->name = g_strdup (stored->name);
  team->organisation = g_strdup (stored->organisation);
  team->service_type = g_strdup (stored->service_type);
  team->tag_names = g_ptr_array_new_with_free_func (g_free);
  team->tag_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  team->measures_without_data = g_ptr_array_new_with_free_func (g_free);
  team->measure_links =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_measure_link_free);
  team->ratios = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_ratio_free);
  team->quarters = tandem_programme_quarters_new (from, to);

  if (!read_ideas (project, team, error) ||
      !read_cycles (project, team, to, error) ||
      !read_coaching (project, team, from, to, error) ||
      !read_measures (project, team, to, error) ||
      !read_peer_support (project, team, to, error))
    return NULL;
  return g_steal_pointer (&team);
}
