/* tandem-programme-report.c — a programme's figures in words, as JSON for
 * scripts and the trust's own dashboards, and as Markdown for a board paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Programme"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tandem-enums.h"
#include "tandem-json-private.h"
#include "tandem-programme.h"
#include "tandem-stored-enums.h"

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

/**
 * tandem_programme_format_count:
 * @n: a count
 *
 * Returns: (transfer full): @n the way a board paper writes it: 3424 as
 *   “3,424”
 */
char *
tandem_programme_format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/**
 * tandem_programme_format_share:
 * @part: a count
 * @whole: what it is a part of
 *
 * Returns: (transfer full): @part's share of @whole in percent, “6.5%”, or
 *   “–” when there is nothing to take a share of
 */
char *
tandem_programme_format_share (guint part,
                               guint whole)
{
  if (whole == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", 100.0 * part / whole);
}

/**
 * tandem_programme_describe_ideas:
 * @totals: a programme's totals
 *
 * Returns: (transfer full): the programme's change ideas and the share that
 *   focus on race equity, in words: “3,424 change ideas; 223 (6.5%) focus on
 *   race equity”
 */
char *
tandem_programme_describe_ideas (const TandemProgrammeTotals *totals)
{
  g_autofree char *ideas = tandem_programme_format_count (totals->n_ideas);
  g_autofree char *race = tandem_programme_format_count (totals->n_race_ideas);
  g_autofree char *share = tandem_programme_format_share (totals->n_race_ideas, totals->n_ideas);

  return g_strdup_printf (ngettext ("%s change idea; %s (%s) focus on race equity",
                                    "%s change ideas; %s (%s) focus on race equity",
                                    totals->n_ideas),
                          ideas, race, share);
}

/**
 * tandem_programme_describe_standards:
 * @totals: a programme's totals
 *
 * Returns: (transfer full): the teams' Standards levels in words: “5 of 12
 *   teams at Bronze or above (3 Bronze, 1 Silver, 1 Gold); 8 with a
 *   self-assessment round”. A level counts only from a round in which at
 *   least 75% of the staff took part.
 */
char *
tandem_programme_describe_standards (const TandemProgrammeTotals *totals)
{
  guint at_level = 0;

  for (guint l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
    at_level += totals->n_teams_at_level[l];
  /* TRANSLATORS: teams at a level, all teams, then how many at each level and with a round */
  return g_strdup_printf (ngettext ("%u of %u team at Bronze or above (%u Bronze, %u Silver, "
                                    "%u Gold); %u with a self-assessment round",
                                    "%u of %u teams at Bronze or above (%u Bronze, %u Silver, "
                                    "%u Gold); %u with a self-assessment round",
                                    totals->n_teams),
                          at_level, totals->n_teams,
                          totals->n_teams_at_level[TANDEM_STANDARD_LEVEL_BRONZE],
                          totals->n_teams_at_level[TANDEM_STANDARD_LEVEL_SILVER],
                          totals->n_teams_at_level[TANDEM_STANDARD_LEVEL_GOLD],
                          totals->n_teams_with_standards);
}

/**
 * tandem_programme_list_standards:
 * @self: a programme
 *
 * Returns: (transfer container) (element-type TandemProgrammeStandardScore):
 *   the standards of every team's framework, each once (by id) in the order
 *   first met, with the name first met: the heatmap's columns. Their means
 *   are NAN.
 */
GPtrArray *
tandem_programme_list_standards (TandemProgramme *self)
{
  GPtrArray *columns =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_programme_standard_score_free);
  GPtrArray *files;

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), columns);
  files = tandem_programme_get_files (self);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state != TANDEM_PROGRAMME_FILE_READ)
        continue;
      for (guint t = 0; t < file->teams->len; t++)
        {
          const TandemProgrammeTeam *team = file->teams->pdata[t];

          for (guint s = 0; team->standards != NULL && s < team->standards->scores->len; s++)
            {
              const TandemProgrammeStandardScore *score = team->standards->scores->pdata[s];
              TandemProgrammeStandardScore *column;
              gboolean seen = FALSE;

              for (guint c = 0; c < columns->len && !seen; c++)
                seen = g_str_equal (((TandemProgrammeStandardScore *) columns->pdata[c])->id,
                                    score->id);
              if (seen)
                continue;
              column = g_new0 (TandemProgrammeStandardScore, 1);
              column->id = g_strdup (score->id);
              column->title = g_strdup (score->title);
              column->mean = NAN;
              g_ptr_array_add (columns, column);
            }
        }
    }
  return columns;
}

static const char *
state_word (TandemProgrammeFileState state)
{
  switch (state)
    {
    case TANDEM_PROGRAMME_FILE_READ: return "read";
    case TANDEM_PROGRAMME_FILE_REFUSED: return "refused";
    case TANDEM_PROGRAMME_FILE_DUPLICATE: return "duplicate";
    default: return "unknown";
    }
}

static const char *
ratio_word (TandemRatioStatus status)
{
  switch (status)
    {
    case TANDEM_RATIO_ESTIMATED: return "estimated";
    case TANDEM_RATIO_REFERENCE: return "reference";
    case TANDEM_RATIO_NOT_STATED: return "not_stated";
    case TANDEM_RATIO_NO_REFERENCE: return "no_reference";
    case TANDEM_RATIO_INFINITE: return "infinite";
    case TANDEM_RATIO_UNDEFINED: return "undefined";
    default: return "unknown";
    }
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

/* A count for each word, as an object keyed by the words. */
static void
add_counts (JsonBuilder  *builder,
            const char   *name,
            const char  **words,
            const guint  *counts,
            guint         n)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    _tandem_json_members (builder, TANDEM_JSON_INT (words[i], counts[i]), NULL);
  json_builder_end_object (builder);
}

static void
add_ideas (JsonBuilder *builder,
           guint        n_ideas,
           const guint *statuses,
           const guint *levels,
           guint        n_tagged,
           guint        n_race,
           GPtrArray   *tag_names,
           GArray      *tag_counts)
{
  const char *status_words[TANDEM_N_IDEA_STATUSES];
  const char *level_words[TANDEM_N_COPRODUCTION_LEVELS];

  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    {
      const char *word = tandem_idea_status_to_string (i);

      status_words[i] = word ? word : "none";
    }
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    {
      const char *word = tandem_coproduction_to_string (i);

      level_words[i] = word ? word : "not_recorded";
    }
  json_builder_set_member_name (builder, "change_ideas");
  json_builder_begin_object (builder);
  _tandem_json_members (builder, TANDEM_JSON_INT ("total", n_ideas), NULL);
  add_counts (builder, "by_status", status_words, statuses, TANDEM_N_IDEA_STATUSES);
  add_counts (builder, "by_coproduction_level", level_words, levels,
              TANDEM_N_COPRODUCTION_LEVELS);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("tagged", n_tagged),
                        TANDEM_JSON_SHARE ("tagged_share", n_tagged, n_ideas),
                        TANDEM_JSON_INT ("race_equity", n_race),
                        TANDEM_JSON_SHARE ("race_equity_share", n_race, n_ideas),
                        NULL);
  json_builder_set_member_name (builder, "by_equity_focus");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tag_names->len; i++)
    {
      guint count = g_array_index (tag_counts, guint, i);

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("focus", tag_names->pdata[i]),
                           TANDEM_JSON_INT ("count", count),
                           TANDEM_JSON_SHARE ("share", count, n_ideas),
                           NULL);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_retention (JsonBuilder           *builder,
               const TandemRetention  retention[3])
{
  json_builder_set_member_name (builder, "retention");
  json_builder_begin_array (builder);
  for (guint y = 0; y < 3; y++)
    _tandem_json_object (builder, NULL,
                         TANDEM_JSON_INT ("years", retention[y].years),
                         TANDEM_JSON_INT ("eligible", retention[y].eligible),
                         TANDEM_JSON_INT ("retained", retention[y].retained),
                         TANDEM_JSON_SHARE ("share", retention[y].retained, retention[y].eligible),
                         TANDEM_JSON_NUMBER ("benchmark_percent", retention[y].benchmark),
                         NULL);
  json_builder_end_array (builder);
}

static void
add_quarters (JsonBuilder *builder,
              GArray      *quarters)
{
  json_builder_set_member_name (builder, "quarters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quarters->len; i++)
    {
      const TandemProgrammeQuarter *q = &g_array_index (quarters, TandemProgrammeQuarter, i);

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_INT ("year", (guint) q->year),
                           TANDEM_JSON_INT ("quarter", (guint) q->quarter),
                           TANDEM_JSON_TEXT ("from", q->from),
                           TANDEM_JSON_TEXT ("to", q->to),
                           TANDEM_JSON_INT ("new_change_ideas", q->new_ideas),
                           TANDEM_JSON_INT ("new_race_equity_ideas", q->new_race_ideas),
                           TANDEM_JSON_SHARE ("new_race_equity_share", q->new_race_ideas,
                                              q->new_ideas),
                           TANDEM_JSON_INT ("pdsa_cycles_started", q->pdsa_started),
                           TANDEM_JSON_INT ("coaching_sessions", q->sessions),
                           TANDEM_JSON_INT ("sessions_with_lived_experience",
                                            q->sessions_with_lived_experience),
                           TANDEM_JSON_SHARE ("lived_experience_share",
                                              q->sessions_with_lived_experience, q->sessions),
                           NULL);
    }
  json_builder_end_array (builder);
}

/* The peer-support figures, written alike for a team and for the totals:
 * the totals' names of the roles and vacancies have @prefix "peer_". */
static void
add_peer_support (JsonBuilder           *builder,
                  const char            *prefix,
                  guint                  applicable,
                  guint                  in_place,
                  guint                  roles,
                  guint                  vacancies,
                  guint                  supervision_behind,
                  guint                  supervision_records,
                  const TandemRetention  retention[3])
{
  g_autofree char *roles_name = g_strconcat (prefix, "roles", NULL);
  g_autofree char *vacancies_name = g_strconcat (prefix, "vacancies", NULL);

  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("framework_items_applicable", applicable),
                        TANDEM_JSON_INT ("framework_items_in_place", in_place),
                        TANDEM_JSON_SHARE ("framework_progress", in_place, applicable),
                        TANDEM_JSON_INT (roles_name, roles),
                        TANDEM_JSON_INT (vacancies_name, vacancies),
                        TANDEM_JSON_INT ("roles_supervised_less_than_expected",
                                         supervision_behind),
                        TANDEM_JSON_INT ("supervision_records", supervision_records),
                        NULL);
  add_retention (builder, retention);
}

/* A team's Standards level and heatmap row; null with no round. */
static void
add_standards (JsonBuilder                    *builder,
               const TandemProgrammeStandards *standards)
{
  json_builder_set_member_name (builder, "standards");
  if (standards == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("round_date", standards->date),
                        TANDEM_JSON_INT ("staff_responses", standards->n_staff),
                        TANDEM_JSON_INT_IF ("headcount", standards->headcount > 0,
                                            standards->headcount),
                        TANDEM_JSON_SHARE ("completion", standards->n_staff,
                                           standards->headcount > 0 ? standards->headcount : 0),
                        TANDEM_JSON_BOOL ("round_counts", standards->counts),
                        TANDEM_JSON_NUMBER ("average", standards->average),
                        TANDEM_JSON_TEXT ("level", standards->level == TANDEM_STANDARD_LEVEL_NONE
                                          ? NULL
                                          : tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL,
                                                                        standards->level)),
                        NULL);
  json_builder_set_member_name (builder, "heatmap");
  json_builder_begin_array (builder);
  for (guint s = 0; s < standards->scores->len; s++)
    {
      const TandemProgrammeStandardScore *score = standards->scores->pdata[s];

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("standard_id", score->id),
                           TANDEM_JSON_TEXT ("standard", score->title),
                           TANDEM_JSON_NUMBER ("mean", score->mean),
                           TANDEM_JSON_TEXT ("word", score->word),
                           NULL);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_team (JsonBuilder               *builder,
          const TandemProgrammeTeam *team)
{
  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("file", team->file),
                        TANDEM_JSON_TEXT ("team", team->name),
                        TANDEM_JSON_TEXT ("organisation", team->organisation),
                        TANDEM_JSON_TEXT ("service_type", team->service_type),
                        NULL);
  add_ideas (builder, team->n_ideas, team->statuses, team->levels, team->n_tagged,
             team->n_race_ideas, team->tag_names, team->tag_counts);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("pdsa_cycles_last_90_days", team->n_pdsa_recent),
                        NULL);

  _tandem_json_object (builder, "coaching",
                       TANDEM_JSON_INT ("sessions_last_90_days", team->n_sessions_recent),
                       TANDEM_JSON_INT ("sessions_with_lived_experience",
                                        team->n_sessions_recent_le),
                       TANDEM_JSON_SHARE ("lived_experience_share", team->n_sessions_recent_le,
                                          team->n_sessions_recent),
                       TANDEM_JSON_TEXT ("last_session", team->last_session),
                       TANDEM_JSON_INT_IF ("days_since_session", team->days_since_session >= 0,
                                           team->days_since_session),
                       TANDEM_JSON_INT ("open_actions", team->n_open_actions),
                       TANDEM_JSON_INT ("overdue_actions", team->n_overdue_actions),
                       NULL);

  json_builder_set_member_name (builder, "measures");
  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("total", team->n_measures),
                        TANDEM_JSON_INT ("improving_last_12_weeks", team->n_measures_improving),
                        TANDEM_JSON_INT ("no_signal_last_12_weeks", team->n_measures_no_signal),
                        NULL);
  _tandem_json_strings (builder, "without_data_last_12_weeks", team->measures_without_data);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "peer_support");
  json_builder_begin_object (builder);
  add_peer_support (builder, "", team->framework_applicable, team->framework_in_place,
                    team->peer_roles, team->peer_vacancies, team->supervision_behind,
                    team->supervision_records, team->retention);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "equity_of_outcomes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < team->ratios->len; i++)
    {
      const TandemProgrammeRatio *ratio = team->ratios->pdata[i];

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("measure", ratio->measure),
                           TANDEM_JSON_TEXT ("group", ratio->group),
                           TANDEM_JSON_TEXT ("reference", ratio->reference),
                           TANDEM_JSON_TEXT ("from", ratio->from),
                           TANDEM_JSON_TEXT ("to", ratio->to),
                           TANDEM_JSON_TEXT ("status", ratio_word (ratio->status)),
                           TANDEM_JSON_NUMBER ("ratio", ratio->ratio),
                           TANDEM_JSON_NUMBER ("lcl", ratio->lcl),
                           TANDEM_JSON_NUMBER ("ucl", ratio->ucl),
                           NULL);
    }
  json_builder_end_array (builder);

  add_standards (builder, team->standards);
  add_quarters (builder, team->quarters);
  json_builder_end_object (builder);
}

/* A file the programme was given: read, refused with the reason, or a copy
 * counted once, and the names of the teams read from it. */
static void
write_file (JsonBuilder   *builder,
            gconstpointer  item,
            gconstpointer  data)
{
  const TandemProgrammeFile *file = item;

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("path", file->path),
                        TANDEM_JSON_TEXT ("state", state_word (file->state)),
                        TANDEM_JSON_TEXT ("reason", file->reason),
                        TANDEM_JSON_BOOL ("older_format", file->older_format),
                        NULL);
  json_builder_set_member_name (builder, "teams");
  json_builder_begin_array (builder);
  for (guint t = 0; t < file->teams->len; t++)
    json_builder_add_string_value (builder,
                                   ((TandemProgrammeTeam *) file->teams->pdata[t])->name);
  json_builder_end_array (builder);
}

/**
 * tandem_programme_to_json:
 * @self: a programme
 *
 * Every figure of the programme, for scripts and dashboards: its files
 * (read, refused with the reason, or a copy counted once), the totals, and
 * each team's figures, all by quarter too. Shares are from 0 to 1, null
 * where there is nothing to take a share of.
 *
 * Returns: (transfer full): the JSON text
 */
char *
tandem_programme_to_json (TandemProgramme *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *summary = NULL;
  const TandemProgrammeTotals *totals;
  GPtrArray *files;
  const char *level_words[TANDEM_N_STANDARD_LEVELS];

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  totals = tandem_programme_get_totals (self);
  files = tandem_programme_get_files (self);
  summary = tandem_programme_describe_ideas (totals);

  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("from", tandem_programme_get_from (self)),
                        TANDEM_JSON_TEXT ("to", tandem_programme_get_to (self)),
                        TANDEM_JSON_TEXT ("summary", summary),
                        NULL);

  _tandem_json_array (builder, "files", files, write_file, NULL);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("files", totals->n_files),
                        TANDEM_JSON_INT ("files_read", totals->n_read),
                        TANDEM_JSON_INT ("files_refused", totals->n_refused),
                        TANDEM_JSON_INT ("copies_counted_once", totals->n_duplicates),
                        TANDEM_JSON_INT ("teams", totals->n_teams),
                        NULL);
  add_ideas (builder, totals->n_ideas, totals->statuses, totals->levels, totals->n_tagged,
             totals->n_race_ideas, totals->tag_names, totals->tag_counts);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("pdsa_cycles_last_90_days", totals->n_pdsa_recent),
                        TANDEM_JSON_INT ("coaching_sessions_last_90_days",
                                         totals->n_sessions_recent),
                        TANDEM_JSON_INT ("sessions_with_lived_experience",
                                         totals->n_sessions_recent_le),
                        TANDEM_JSON_SHARE ("lived_experience_share", totals->n_sessions_recent_le,
                                           totals->n_sessions_recent),
                        TANDEM_JSON_INT ("teams_without_a_session_in_60_days",
                                         totals->n_teams_unseen),
                        TANDEM_JSON_INT ("open_actions", totals->n_open_actions),
                        TANDEM_JSON_INT ("overdue_actions", totals->n_overdue_actions),
                        TANDEM_JSON_INT ("measures", totals->n_measures),
                        TANDEM_JSON_INT ("measures_improving_last_12_weeks",
                                         totals->n_measures_improving),
                        TANDEM_JSON_INT ("measures_no_signal_last_12_weeks",
                                         totals->n_measures_no_signal),
                        TANDEM_JSON_INT ("measures_without_data_last_12_weeks",
                                         totals->n_measures_without_data),
                        NULL);
  add_peer_support (builder, "peer_", totals->framework_applicable, totals->framework_in_place,
                    totals->peer_roles, totals->peer_vacancies, totals->supervision_behind,
                    totals->supervision_records, totals->retention);
  _tandem_json_members (builder,
                        TANDEM_JSON_INT ("teams_with_a_standards_round",
                                         totals->n_teams_with_standards),
                        NULL);
  for (guint l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
    level_words[l] = tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, (int) l);
  add_counts (builder, "teams_at_standards_level", level_words, totals->n_teams_at_level,
              TANDEM_N_STANDARD_LEVELS);
  add_quarters (builder, totals->quarters);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "teams");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state != TANDEM_PROGRAMME_FILE_READ)
        continue;
      for (guint t = 0; t < file->teams->len; t++)
        add_team (builder, file->teams->pdata[t]);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return _tandem_json_to_text (builder);
}

/* ------------------------------------------------------------------------ */
/* Markdown                                                                 */

/* Text from a file, safe in a Markdown paragraph or table cell. */
static char *
md (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (strchr ("\\`*_[]|<>#", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_share_row (GString    *out,
                  const char *label,
                  guint       part,
                  guint       whole)
{
  g_autofree char *count = tandem_programme_format_count (part);
  g_autofree char *share = tandem_programme_format_share (part, whole);
  g_autofree char *safe = md (label);

  g_string_append_printf (out, "| %s | %s | %s |\n", safe, count, share);
}

static void
append_quarters (GString *out,
                 GArray  *quarters)
{
  g_string_append_printf (out, "| %s | %s | %s | %s | %s | %s |\n|---|--:|--:|--:|--:|--:|\n",
                          _("Quarter"), _("New change ideas"), _("Of them, race equity"),
                          _("PDSA cycles started"), _("Coaching sessions"),
                          _("With lived experience"));
  for (guint i = 0; i < quarters->len; i++)
    {
      const TandemProgrammeQuarter *q = &g_array_index (quarters, TandemProgrammeQuarter, i);
      g_autofree char *race = tandem_programme_format_share (q->new_race_ideas, q->new_ideas);
      g_autofree char *le = tandem_programme_format_share (q->sessions_with_lived_experience, q->sessions);

      g_string_append_printf (out, "| %d Q%d (%s to %s) | %u | %u (%s) | %u | %u | %u (%s) |\n",
                              q->year, q->quarter, q->from, q->to, q->new_ideas,
                              q->new_race_ideas, race, q->pdsa_started, q->sessions,
                              q->sessions_with_lived_experience, le);
    }
  g_string_append (out, "\n");
}

static void
append_team (GString                   *out,
             const TandemProgrammeTeam *team)
{
  g_autofree char *name = md (team->name);
  g_autofree char *file = g_filename_display_basename (team->file);
  g_autofree char *safe_file = md (file);
  g_autofree char *race = tandem_programme_format_share (team->n_race_ideas, team->n_ideas);
  g_autofree char *le = tandem_programme_format_share (team->n_sessions_recent_le, team->n_sessions_recent);
  g_autofree char *framework = tandem_programme_format_share (team->framework_in_place, team->framework_applicable);

  g_string_append_printf (out, "### %s\n\n", name);
  if (team->organisation || team->service_type)
    {
      g_autofree char *org = md (team->organisation);
      g_autofree char *service = md (team->service_type);

      g_string_append_printf (out, "%s%s%s. ", org, team->organisation && team->service_type
                                                  ? ", " : "", service);
    }
  g_string_append_printf (out, _("From the file “%s”.\n\n"), safe_file);

  g_string_append_printf (out, _("- Change ideas: %u; %u (%s) focus on race equity; %u tagged "
                                 "with an equity focus.\n"),
                          team->n_ideas, team->n_race_ideas, race, team->n_tagged);
  g_string_append_printf (out, _("- By status: "));
  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    g_string_append_printf (out, "%s%s %u", i ? ", " : "", tandem_idea_status_label (i),
                            team->statuses[i]);
  g_string_append (out, ".\n");
  g_string_append_printf (out, _("- By co-production level: "));
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    g_string_append_printf (out, "%s%s %u", i ? ", " : "", tandem_coproduction_label (i),
                            team->levels[i]);
  g_string_append (out, ".\n");
  g_string_append_printf (out, _("- PDSA cycles started in the last 90 days: %u.\n"),
                          team->n_pdsa_recent);
  g_string_append_printf (out, _("- Coaching sessions in the last 90 days: %u, %u (%s) with "
                                 "lived experience present; "),
                          team->n_sessions_recent, team->n_sessions_recent_le, le);
  if (team->days_since_session < 0)
    g_string_append (out, _("no session recorded.\n"));
  else
    g_string_append_printf (out, _("last session %d days before the report’s last day.\n"),
                            team->days_since_session);
  g_string_append_printf (out, _("- Actions: %u open, %u overdue.\n"),
                          team->n_open_actions, team->n_overdue_actions);
  g_string_append_printf (out, _("- Measures: %u; %u with a signal of improvement in the last "
                                 "12 weeks, %u with data but no signal, %u without data.\n"),
                          team->n_measures, team->n_measures_improving,
                          team->n_measures_no_signal, team->measures_without_data->len);
  g_string_append_printf (out, _("- Peer support: %u of %u framework items in place (%s); %u "
                                 "peer roles, %u vacancies; %u supervised less often than "
                                 "expected.\n"),
                          team->framework_in_place, team->framework_applicable, framework,
                          team->peer_roles, team->peer_vacancies, team->supervision_behind);
  if (team->standards != NULL)
    {
      g_autofree char *level = tandem_programme_describe_level (team->standards);

      g_string_append_printf (out, _("- Standards level: %s.\n"), level);
    }
  for (guint i = 0; i < team->ratios->len; i++)
    {
      const TandemProgrammeRatio *ratio = team->ratios->pdata[i];
      g_autofree char *measure = md (ratio->measure);
      g_autofree char *group = md (ratio->group);
      g_autofree char *reference = md (ratio->reference);

      if (ratio->status == TANDEM_RATIO_ESTIMATED)
        g_string_append_printf (out, _("- Equity of outcomes: %s, %s against %s, %s to %s: "
                                       "%.2f times (95%% interval %.2f to %.2f).\n"),
                                measure, group, reference, ratio->from, ratio->to,
                                ratio->ratio, ratio->lcl, ratio->ucl);
      else
        g_string_append_printf (out, _("- Equity of outcomes: %s, %s against %s, %s to %s: "
                                       "no ratio can be given (%s).\n"),
                                measure, group, reference, ratio->from, ratio->to,
                                ratio_word (ratio->status));
    }
  g_string_append (out, "\n");
}

/* The teams × the standards, each cell a team's mean and its word; only
 * the teams with a self-assessment round. */
static void
append_heatmap (GString         *out,
                TandemProgramme *self)
{
  g_autoptr(GPtrArray) columns = tandem_programme_list_standards (self);
  GPtrArray *files = tandem_programme_get_files (self);

  if (columns->len == 0)
    return;
  g_string_append_printf (out, "## %s\n\n", _("Standards heatmap"));
  g_string_append_printf (out, "%s\n\n", _("Each team’s latest self-assessment round: its level, "
                                            "then each standard’s mean score (1 to 5) and its "
                                            "word. Teams without a round are not listed."));
  g_string_append_printf (out, "| %s | %s |", _("Team"), _("Level"));
  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *title = md (((TandemProgrammeStandardScore *) columns->pdata[c])->title);

      g_string_append_printf (out, " %s |", title);
    }
  g_string_append (out, "\n|---|---|");
  for (guint c = 0; c < columns->len; c++)
    g_string_append (out, "--:|");
  g_string_append (out, "\n");
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state != TANDEM_PROGRAMME_FILE_READ)
        continue;
      for (guint t = 0; t < file->teams->len; t++)
        {
          const TandemProgrammeTeam *team = file->teams->pdata[t];
          g_autofree char *name = NULL;

          if (team->standards == NULL)
            continue;
          name = md (team->name);
          g_string_append_printf (out, "| %s | %s%s |", name,
                                  tandem_programme_level_word (team->standards),
                                  team->standards->counts ? "" : _(" (round does not count)"));
          for (guint c = 0; c < columns->len; c++)
            {
              const TandemProgrammeStandardScore *column = columns->pdata[c];
              const TandemProgrammeStandardScore *score =
                tandem_programme_standards_find (team->standards, column->id);

              if (score == NULL || isnan (score->mean))
                g_string_append (out, " – |");
              else
                {
                  g_autofree char *word = md (score->word);

                  g_string_append_printf (out, " %.1f %s |", score->mean, word);
                }
            }
          g_string_append (out, "\n");
        }
    }
  g_string_append (out, "\n");
}

static void
append_missing (GString         *out,
                TandemProgramme *self)
{
  GPtrArray *files = tandem_programme_get_files (self);
  guint said = 0;

  g_string_append_printf (out, "## %s\n\n", _("What is missing"));
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];
      g_autofree char *name = g_filename_display_basename (file->path);
      g_autofree char *safe = md (name);
      g_autofree char *reason = md (file->reason);

      if (file->state == TANDEM_PROGRAMME_FILE_REFUSED)
        g_string_append_printf (out, _("- “%s” could not be read, so its teams are not in "
                                       "these figures: %s\n"), safe, reason);
      else if (file->state == TANDEM_PROGRAMME_FILE_DUPLICATE)
        g_string_append_printf (out, _("- “%s”: %s\n"), safe, reason);
      else if (file->older_format)
        g_string_append_printf (out, _("- “%s” is in an older format: it was read as it would "
                                       "be updated, and has not been changed. Opening it in "
                                       "Tandem updates it.\n"), safe);
      else
        continue;
      said++;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state != TANDEM_PROGRAMME_FILE_READ)
        continue;
      for (guint t = 0; t < file->teams->len; t++)
        {
          const TandemProgrammeTeam *team = file->teams->pdata[t];
          g_autofree char *name = md (team->name);

          if (team->days_since_session < 0)
            {
              g_string_append_printf (out, _("- %s: no coaching session recorded.\n"), name);
              said++;
            }
          else if (team->days_since_session > TANDEM_PROGRAMME_UNSEEN_DAYS)
            {
              g_string_append_printf (out, _("- %s: no coaching session in the last %d days "
                                             "(the last was %d days before the report’s last "
                                             "day).\n"),
                                      name, TANDEM_PROGRAMME_UNSEEN_DAYS,
                                      team->days_since_session);
              said++;
            }
          if (team->n_measures == 0)
            {
              g_string_append_printf (out, _("- %s: no measures.\n"), name);
              said++;
            }
          for (guint m = 0; m < team->measures_without_data->len; m++)
            {
              g_autofree char *measure = md (team->measures_without_data->pdata[m]);

              g_string_append_printf (out, _("- %s: no data for “%s” in the last 12 weeks.\n"),
                                      name, measure);
              said++;
            }
        }
    }
  if (said == 0)
    g_string_append_printf (out, "%s\n", _("Nothing: every file was read, every team has had "
                                           "a session in the last 60 days and data for every "
                                           "measure in the last 12 weeks."));
  g_string_append (out, "\n");
}

/**
 * tandem_programme_to_markdown:
 * @self: a programme
 *
 * The programme as a report for a board paper: a cover, the totals in
 * words and tables, the trends by quarter, a section per team, and what is
 * missing (files not read, copies, teams without a session in 60 days,
 * measures without data).
 *
 * Returns: (transfer full): the Markdown text
 */
char *
tandem_programme_to_markdown (TandemProgramme *self)
{
  GString *out = g_string_new (NULL);
  const TandemProgrammeTotals *totals;
  GPtrArray *files;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  totals = tandem_programme_get_totals (self);
  files = tandem_programme_get_files (self);
  summary = tandem_programme_describe_ideas (totals);

  g_string_append_printf (out, "# %s\n\n", _("Programme report"));
  g_string_append_printf (out, _("From %s to %s. Figures “in the last 90 days” and “in the last "
                                 "12 weeks” end on %s.\n\n"),
                          tandem_programme_get_from (self), tandem_programme_get_to (self),
                          tandem_programme_get_to (self));
  g_string_append_printf (out, _("%u teams from %u project files: %u read, %u not read, %u "
                                 "copies of another file counted once.\n\n"),
                          totals->n_teams, totals->n_files, totals->n_read, totals->n_refused,
                          totals->n_duplicates);

  g_string_append_printf (out, "## %s\n\n", _("Programme totals"));
  g_string_append_printf (out, "**%s.**\n\n", summary);
  {
    g_autofree char *le = tandem_programme_format_share (totals->n_sessions_recent_le, totals->n_sessions_recent);
    g_autofree char *framework = tandem_programme_format_share (totals->framework_in_place,
                                               totals->framework_applicable);

    g_string_append_printf (out, _("- PDSA cycles started in the last 90 days: %u.\n"),
                            totals->n_pdsa_recent);
    g_string_append_printf (out, _("- Coaching sessions in the last 90 days: %u, %u (%s) with "
                                   "lived experience present; %u teams without a session in "
                                   "60 days.\n"),
                            totals->n_sessions_recent, totals->n_sessions_recent_le, le,
                            totals->n_teams_unseen);
    g_string_append_printf (out, _("- Actions: %u open, %u overdue.\n"),
                            totals->n_open_actions, totals->n_overdue_actions);
    g_string_append_printf (out, _("- Measures: %u; %u with a signal of improvement in the "
                                   "last 12 weeks, %u with data but no signal, %u without "
                                   "data.\n"),
                            totals->n_measures, totals->n_measures_improving,
                            totals->n_measures_no_signal, totals->n_measures_without_data);
    g_string_append_printf (out, _("- Peer support: %u of %u framework items in place (%s); "
                                   "%u peer roles, %u vacancies; %u supervised less often "
                                   "than expected.\n\n"),
                            totals->framework_in_place, totals->framework_applicable, framework,
                            totals->peer_roles, totals->peer_vacancies,
                            totals->supervision_behind);
  }
  if (totals->n_teams_with_standards > 0)
    {
      g_autofree char *standards = tandem_programme_describe_standards (totals);

      /* The list above ends with a blank line: this item joins it. */
      g_string_truncate (out, out->len - 1);
      g_string_append_printf (out, _("- Standards: %s.\n\n"), standards);
    }

  g_string_append_printf (out, "### %s\n\n| %s | %s | %s |\n|---|--:|--:|\n",
                          _("Equity focus of change ideas"), _("Focus"), _("Change ideas"),
                          _("Share"));
  for (guint i = 0; i < totals->tag_names->len; i++)
    append_share_row (out, totals->tag_names->pdata[i],
                      g_array_index (totals->tag_counts, guint, i), totals->n_ideas);
  g_string_append_printf (out, "\n### %s\n\n| %s | %s | %s |\n|---|--:|--:|\n",
                          _("Change ideas by status"), _("Status"), _("Change ideas"),
                          _("Share"));
  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    append_share_row (out, tandem_idea_status_label (i), totals->statuses[i], totals->n_ideas);
  g_string_append_printf (out, "\n### %s\n\n| %s | %s | %s |\n|---|--:|--:|\n",
                          _("Change ideas by co-production level"), _("Level"),
                          _("Change ideas"), _("Share"));
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    append_share_row (out, tandem_coproduction_label (i), totals->levels[i], totals->n_ideas);
  g_string_append (out, "\n");

  g_string_append_printf (out, "## %s\n\n", _("Trends by quarter"));
  append_quarters (out, totals->quarters);

  append_heatmap (out, self);

  g_string_append_printf (out, "## %s\n\n", _("Teams"));
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state != TANDEM_PROGRAMME_FILE_READ)
        continue;
      for (guint t = 0; t < file->teams->len; t++)
        append_team (out, file->teams->pdata[t]);
    }

  append_missing (out, self);
  return g_string_free (out, FALSE);
}
