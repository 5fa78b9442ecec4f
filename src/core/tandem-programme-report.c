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

/* 3424 as “3,424”, the way a board paper writes it. */
static char *
format_count (guint n)
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

/* “6.5%”, or “–” when there is nothing to take a share of. */
static char *
format_share (guint part,
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
  g_autofree char *ideas = format_count (totals->n_ideas);
  g_autofree char *race = format_count (totals->n_race_ideas);
  g_autofree char *share = format_share (totals->n_race_ideas, totals->n_ideas);

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

static void
member_uint (JsonBuilder *builder,
             const char  *name,
             guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* A share from 0 to 1, null when there is nothing to take it of. */
static void
member_share (JsonBuilder *builder,
              const char  *name,
              guint        part,
              guint        whole)
{
  json_builder_set_member_name (builder, name);
  if (whole == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (double) part / whole);
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
  json_builder_set_member_name (builder, "change_ideas");
  json_builder_begin_object (builder);
  member_uint (builder, "total", n_ideas);
  json_builder_set_member_name (builder, "by_status");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    {
      const char *word = tandem_idea_status_to_string (i);
      member_uint (builder, word ? word : "none", statuses[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "by_coproduction_level");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    {
      const char *word = tandem_coproduction_to_string (i);
      member_uint (builder, word ? word : "not_recorded", levels[i]);
    }
  json_builder_end_object (builder);
  member_uint (builder, "tagged", n_tagged);
  member_share (builder, "tagged_share", n_tagged, n_ideas);
  member_uint (builder, "race_equity", n_race);
  member_share (builder, "race_equity_share", n_race, n_ideas);
  json_builder_set_member_name (builder, "by_equity_focus");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tag_names->len; i++)
    {
      guint count = g_array_index (tag_counts, guint, i);

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "focus", tag_names->pdata[i]);
      member_uint (builder, "count", count);
      member_share (builder, "share", count, n_ideas);
      json_builder_end_object (builder);
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
    {
      json_builder_begin_object (builder);
      member_uint (builder, "years", retention[y].years);
      member_uint (builder, "eligible", retention[y].eligible);
      member_uint (builder, "retained", retention[y].retained);
      member_share (builder, "share", retention[y].retained, retention[y].eligible);
      _tandem_json_member_number (builder, "benchmark_percent", retention[y].benchmark);
      json_builder_end_object (builder);
    }
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

      json_builder_begin_object (builder);
      member_uint (builder, "year", q->year);
      member_uint (builder, "quarter", q->quarter);
      _tandem_json_member_text (builder, "from", q->from);
      _tandem_json_member_text (builder, "to", q->to);
      member_uint (builder, "new_change_ideas", q->new_ideas);
      member_uint (builder, "new_race_equity_ideas", q->new_race_ideas);
      member_share (builder, "new_race_equity_share", q->new_race_ideas, q->new_ideas);
      member_uint (builder, "pdsa_cycles_started", q->pdsa_started);
      member_uint (builder, "coaching_sessions", q->sessions);
      member_uint (builder, "sessions_with_lived_experience", q->sessions_with_lived_experience);
      member_share (builder, "lived_experience_share", q->sessions_with_lived_experience,
                    q->sessions);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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
  _tandem_json_member_text (builder, "round_date", standards->date);
  member_uint (builder, "staff_responses", standards->n_staff);
  json_builder_set_member_name (builder, "headcount");
  if (standards->headcount > 0)
    json_builder_add_int_value (builder, standards->headcount);
  else
    json_builder_add_null_value (builder);
  if (standards->headcount > 0)
    member_share (builder, "completion", standards->n_staff, (guint) standards->headcount);
  else
    member_share (builder, "completion", 0, 0);
  json_builder_set_member_name (builder, "round_counts");
  json_builder_add_boolean_value (builder, standards->counts);
  _tandem_json_member_number (builder, "average", standards->average);
  _tandem_json_member_text (builder, "level",
                            standards->level == TANDEM_STANDARD_LEVEL_NONE ? NULL
                            : tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, standards->level));
  json_builder_set_member_name (builder, "heatmap");
  json_builder_begin_array (builder);
  for (guint s = 0; s < standards->scores->len; s++)
    {
      const TandemProgrammeStandardScore *score = standards->scores->pdata[s];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "standard_id", score->id);
      _tandem_json_member_text (builder, "standard", score->title);
      _tandem_json_member_number (builder, "mean", score->mean);
      _tandem_json_member_text (builder, "word", score->word);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_team (JsonBuilder               *builder,
          const TandemProgrammeTeam *team)
{
  json_builder_begin_object (builder);
  _tandem_json_member_text (builder, "file", team->file);
  _tandem_json_member_text (builder, "team", team->name);
  _tandem_json_member_text (builder, "organisation", team->organisation);
  _tandem_json_member_text (builder, "service_type", team->service_type);
  add_ideas (builder, team->n_ideas, team->statuses, team->levels, team->n_tagged,
             team->n_race_ideas, team->tag_names, team->tag_counts);
  member_uint (builder, "pdsa_cycles_last_90_days", team->n_pdsa_recent);

  json_builder_set_member_name (builder, "coaching");
  json_builder_begin_object (builder);
  member_uint (builder, "sessions_last_90_days", team->n_sessions_recent);
  member_uint (builder, "sessions_with_lived_experience", team->n_sessions_recent_le);
  member_share (builder, "lived_experience_share", team->n_sessions_recent_le,
                team->n_sessions_recent);
  _tandem_json_member_text (builder, "last_session", team->last_session);
  json_builder_set_member_name (builder, "days_since_session");
  if (team->days_since_session < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, team->days_since_session);
  member_uint (builder, "open_actions", team->n_open_actions);
  member_uint (builder, "overdue_actions", team->n_overdue_actions);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "measures");
  json_builder_begin_object (builder);
  member_uint (builder, "total", team->n_measures);
  member_uint (builder, "improving_last_12_weeks", team->n_measures_improving);
  member_uint (builder, "no_signal_last_12_weeks", team->n_measures_no_signal);
  json_builder_set_member_name (builder, "without_data_last_12_weeks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < team->measures_without_data->len; i++)
    json_builder_add_string_value (builder, team->measures_without_data->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "peer_support");
  json_builder_begin_object (builder);
  member_uint (builder, "framework_items_applicable", team->framework_applicable);
  member_uint (builder, "framework_items_in_place", team->framework_in_place);
  member_share (builder, "framework_progress", team->framework_in_place,
                team->framework_applicable);
  member_uint (builder, "roles", team->peer_roles);
  member_uint (builder, "vacancies", team->peer_vacancies);
  member_uint (builder, "roles_supervised_less_than_expected", team->supervision_behind);
  member_uint (builder, "supervision_records", team->supervision_records);
  add_retention (builder, team->retention);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "equity_of_outcomes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < team->ratios->len; i++)
    {
      const TandemProgrammeRatio *ratio = team->ratios->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "measure", ratio->measure);
      _tandem_json_member_text (builder, "group", ratio->group);
      _tandem_json_member_text (builder, "reference", ratio->reference);
      _tandem_json_member_text (builder, "from", ratio->from);
      _tandem_json_member_text (builder, "to", ratio->to);
      _tandem_json_member_text (builder, "status", ratio_word (ratio->status));
      _tandem_json_member_number (builder, "ratio", ratio->ratio);
      _tandem_json_member_number (builder, "lcl", ratio->lcl);
      _tandem_json_member_number (builder, "ucl", ratio->ucl);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_standards (builder, team->standards);
  add_quarters (builder, team->quarters);
  json_builder_end_object (builder);
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
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *summary = NULL;
  const TandemProgrammeTotals *totals;
  GPtrArray *files;

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (self), NULL);
  totals = tandem_programme_get_totals (self);
  files = tandem_programme_get_files (self);
  summary = tandem_programme_describe_ideas (totals);

  json_builder_begin_object (builder);
  _tandem_json_member_text (builder, "from", tandem_programme_get_from (self));
  _tandem_json_member_text (builder, "to", tandem_programme_get_to (self));
  _tandem_json_member_text (builder, "summary", summary);

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "path", file->path);
      _tandem_json_member_text (builder, "state", state_word (file->state));
      _tandem_json_member_text (builder, "reason", file->reason);
      json_builder_set_member_name (builder, "older_format");
      json_builder_add_boolean_value (builder, file->older_format);
      json_builder_set_member_name (builder, "teams");
      json_builder_begin_array (builder);
      for (guint t = 0; t < file->teams->len; t++)
        json_builder_add_string_value (builder,
                                       ((TandemProgrammeTeam *) file->teams->pdata[t])->name);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  member_uint (builder, "files", totals->n_files);
  member_uint (builder, "files_read", totals->n_read);
  member_uint (builder, "files_refused", totals->n_refused);
  member_uint (builder, "copies_counted_once", totals->n_duplicates);
  member_uint (builder, "teams", totals->n_teams);
  add_ideas (builder, totals->n_ideas, totals->statuses, totals->levels, totals->n_tagged,
             totals->n_race_ideas, totals->tag_names, totals->tag_counts);
  member_uint (builder, "pdsa_cycles_last_90_days", totals->n_pdsa_recent);
  member_uint (builder, "coaching_sessions_last_90_days", totals->n_sessions_recent);
  member_uint (builder, "sessions_with_lived_experience", totals->n_sessions_recent_le);
  member_share (builder, "lived_experience_share", totals->n_sessions_recent_le,
                totals->n_sessions_recent);
  member_uint (builder, "teams_without_a_session_in_60_days", totals->n_teams_unseen);
  member_uint (builder, "open_actions", totals->n_open_actions);
  member_uint (builder, "overdue_actions", totals->n_overdue_actions);
  member_uint (builder, "measures", totals->n_measures);
  member_uint (builder, "measures_improving_last_12_weeks", totals->n_measures_improving);
  member_uint (builder, "measures_no_signal_last_12_weeks", totals->n_measures_no_signal);
  member_uint (builder, "measures_without_data_last_12_weeks", totals->n_measures_without_data);
  member_uint (builder, "framework_items_applicable", totals->framework_applicable);
  member_uint (builder, "framework_items_in_place", totals->framework_in_place);
  member_share (builder, "framework_progress", totals->framework_in_place,
                totals->framework_applicable);
  member_uint (builder, "peer_roles", totals->peer_roles);
  member_uint (builder, "peer_vacancies", totals->peer_vacancies);
  member_uint (builder, "roles_supervised_less_than_expected", totals->supervision_behind);
  member_uint (builder, "supervision_records", totals->supervision_records);
  add_retention (builder, totals->retention);
  member_uint (builder, "teams_with_a_standards_round", totals->n_teams_with_standards);
  json_builder_set_member_name (builder, "teams_at_standards_level");
  json_builder_begin_object (builder);
  for (guint l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
    member_uint (builder, tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, (int) l), totals->n_teams_at_level[l]);
  json_builder_end_object (builder);
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

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
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
  g_autofree char *count = format_count (part);
  g_autofree char *share = format_share (part, whole);
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
      g_autofree char *race = format_share (q->new_race_ideas, q->new_ideas);
      g_autofree char *le = format_share (q->sessions_with_lived_experience, q->sessions);

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
  g_autofree char *race = format_share (team->n_race_ideas, team->n_ideas);
  g_autofree char *le = format_share (team->n_sessions_recent_le, team->n_sessions_recent);
  g_autofree char *framework = format_share (team->framework_in_place, team->framework_applicable);

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
    g_autofree char *le = format_share (totals->n_sessions_recent_le, totals->n_sessions_recent);
    g_autofree char *framework = format_share (totals->framework_in_place,
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
