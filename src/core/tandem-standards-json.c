/* tandem-standards-json.c — every figure of a team's standards as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "tandem-enums.h"
#include "tandem-json-private.h"
#include "tandem-standards-teams.h"
#include "tandem-standards.h"
#include "tandem-stored-enums.h"

static const char *
level_word (int level)
{
  return level == TANDEM_STANDARD_LEVEL_NONE ? NULL
                                             : tandem_stored_enum_to_word (TANDEM_TYPE_STANDARD_LEVEL, level);
}

static const char *
standard_title (const TandemStandardsReport *report,
                const char                  *id)
{
  const TandemStandard *standard = tandem_standards_framework_find (report->framework, id);

  return standard ? standard->title : id;
}

/* A round's responses and completion, written alike in a team's report and
 * in every team's latest round. */
static void
add_round (JsonBuilder *builder,
           const char  *date,
           int          headcount,
           guint        n_staff,
           guint        n_lived,
           double       completion,
           gboolean     completion_met)
{
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("date", date),
                        TANDEM_JSON_INT_IF ("headcount", headcount > 0, headcount),
                        TANDEM_JSON_INT ("staff_responses", n_staff),
                        TANDEM_JSON_INT ("lived_experience_responses", n_lived),
                        TANDEM_JSON_NUMBER ("completion", completion),
                        TANDEM_JSON_BOOL ("completion_met", completion_met),
                        NULL);
}

/* The elements written by _tandem_json_array(): a standard, which both
 * writers give, and those that are more than one _tandem_json_object() of
 * members. Those of a team's report are given the report, to name the
 * standards. */

static void
write_standard (JsonBuilder   *builder,
                gconstpointer  item,
                gconstpointer  data)
{
  const TandemStandard *standard = item;

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("id", standard->id),
                        TANDEM_JSON_TEXT ("title", standard->title),
                        NULL);
}

/* A standard in a team's report's framework: also where its evidence is
 * found. */
static void
write_framework_standard (JsonBuilder   *builder,
                          gconstpointer  item,
                          gconstpointer  data)
{
  const TandemStandard *standard = item;

  write_standard (builder, standard, data);
  _tandem_json_members (builder, TANDEM_JSON_TEXT ("evidence_areas", standard->hints), NULL);
}

static void
write_evidence_type (JsonBuilder   *builder,
                     gconstpointer  item,
                     gconstpointer  data)
{
  const TandemEvidenceType *type = item;

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("id", type->id),
                        TANDEM_JSON_TEXT ("title", type->title),
                        NULL);
  for (int l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
    _tandem_json_member_text (builder, level_word (l), type->asks[l]);
}

static void
write_round_figures (JsonBuilder   *builder,
                     gconstpointer  item,
                     gconstpointer  data)
{
  const TandemRoundFigures *round = item;
  const TandemStandardsReport *report = data;

  add_round (builder, round->round->date, round->round->headcount, round->n_staff,
             round->n_lived, round->completion, round->completion_met);
  _tandem_json_members (builder,
                        TANDEM_JSON_NUMBER ("average", round->average),
                        TANDEM_JSON_TEXT ("average_word",
                                          tandem_standards_framework_word (report->framework,
                                                                           round->average)),
                        NULL);
  json_builder_set_member_name (builder, "standards");
  json_builder_begin_array (builder);
  for (guint s = 0; s < round->standards->len; s++)
    {
      const TandemStandardFigures *one = round->standards->pdata[s];

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("standard",
                                             standard_title (report, one->standard_id)),
                           TANDEM_JSON_INT ("staff_n", one->n_staff),
                           TANDEM_JSON_NUMBER ("staff_mean", one->staff_mean),
                           TANDEM_JSON_INT ("lived_experience_n", one->n_lived),
                           TANDEM_JSON_NUMBER ("lived_experience_mean", one->lived_mean),
                           TANDEM_JSON_NUMBER ("gap", one->gap),
                           TANDEM_JSON_NUMBER ("mean", one->mean),
                           TANDEM_JSON_TEXT ("word",
                                             tandem_standards_framework_word (report->framework,
                                                                              one->mean)),
                           NULL);
    }
  json_builder_end_array (builder);
}

/* A piece of evidence, what it is, and what its chart shows if it is a
 * measure's. */
static void
write_evidence (JsonBuilder   *builder,
                gconstpointer  element,
                gconstpointer  data)
{
  const TandemEvidenceItem *item = element;
  const TandemStandardsReport *report = data;
  const TandemEvidence *evidence = item->evidence;
  const TandemEvidenceType *type = tandem_standards_framework_find_type (report->framework,
                                                                        evidence->type_id);
  const char *kind = evidence->measure_id ? "measure" : evidence->node_id ? "change_idea"
                     : evidence->pdsa_id ? "pdsa_cycle" : evidence->session_id ? "coaching_session"
                     : evidence->note ? "note" : "reference";

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("standard",
                                          standard_title (report, evidence->standard_id)),
                        TANDEM_JSON_TEXT ("type", type ? type->title : evidence->type_id),
                        TANDEM_JSON_TEXT ("kind", kind),
                        TANDEM_JSON_TEXT ("what", item->what),
                        TANDEM_JSON_TEXT ("title", evidence->title),
                        TANDEM_JSON_TEXT ("level", level_word (item->level)),
                        TANDEM_JSON_TEXT ("level_offered", level_word (evidence->level)),
                        TANDEM_JSON_TEXT ("added_on", evidence->added_on),
                        NULL);
  if (item->judgement != NULL)
    {
      const TandemMeasureJudgement *j = item->judgement;

      _tandem_json_object (builder, "chart",
                           TANDEM_JSON_TEXT ("verdict",
                                             tandem_measure_verdict_to_string (j->verdict)),
                           TANDEM_JSON_BOOL ("baseline", j->baseline),
                           TANDEM_JSON_TEXT ("baseline_reason", j->baseline_reason),
                           TANDEM_JSON_BOOL ("shift", j->shift),
                           TANDEM_JSON_TEXT ("shift_reason", j->shift_reason),
                           TANDEM_JSON_TEXT ("signal_date", j->signal_date),
                           TANDEM_JSON_BOOL ("sustained", j->sustained),
                           TANDEM_JSON_TEXT ("sustained_reason", j->sustained_reason),
                           NULL);
    }
}

/* A team's latest round in every team's figures; given the framework. */
static void
write_team_standards (JsonBuilder   *builder,
                      gconstpointer  item,
                      gconstpointer  data)
{
  const TandemTeamStandards *team = item;
  const TandemStandardsFramework *framework = data;

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("id", team->team_id),
                        TANDEM_JSON_TEXT ("name", team->team_name),
                        NULL);
  json_builder_set_member_name (builder, "round");
  if (team->round_id == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      _tandem_json_members (builder, TANDEM_JSON_TEXT ("id", team->round_id), NULL);
      add_round (builder, team->date, team->headcount, team->n_staff, team->n_lived,
                 team->completion, team->completion_met);
      json_builder_end_object (builder);
    }
  _tandem_json_members (builder,
                        TANDEM_JSON_NUMBER ("average", team->average),
                        TANDEM_JSON_INT ("standards_scored", team->n_scored),
                        TANDEM_JSON_TEXT ("level", level_word (team->level)),
                        NULL);
  json_builder_set_member_name (builder, "means");
  json_builder_begin_object (builder);
  for (guint s = 0; s < framework->standards->len; s++)
    _tandem_json_member_number (builder, ((TandemStandard *) framework->standards->pdata[s])->id,
                                team->means[s]);
  json_builder_end_object (builder);
}

/**
 * tandem_standards_report_to_json:
 * @report: a team's standards report
 *
 * Every figure of the report as JSON, for scripts: the framework, each
 * round's means by group, gaps and completion, the level and what is
 * missing, each piece of evidence with what its chart shows, the panels.
 * The CLI's `export standards --format json` and the page's Export write it.
 *
 * Returns: (transfer full): the JSON text
 */
char *
tandem_standards_report_to_json (const TandemStandardsReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const TandemStandardsFramework *framework = report->framework;
  const TandemStandardsLevel *level = report->level;

  json_builder_begin_object (builder);
  _tandem_json_members (builder, TANDEM_JSON_TEXT ("team", report->team_name), NULL);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  _tandem_json_array (builder, "standards", framework->standards, write_framework_standard, NULL);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    json_builder_add_string_value (builder, framework->words[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    _tandem_json_object (builder, NULL,
                         TANDEM_JSON_TEXT ("level", level_word (i)),
                         TANDEM_JSON_NUMBER ("threshold", framework->thresholds[i]),
                         TANDEM_JSON_BOOL ("needs_sustained_outcomes",
                                           framework->needs_sustained[i]),
                         NULL);
  json_builder_end_array (builder);
  _tandem_json_array (builder, "evidence_types", framework->types, write_evidence_type, NULL);
  json_builder_end_object (builder);

  _tandem_json_array (builder, "rounds", report->rounds, write_round_figures, report);

  json_builder_set_member_name (builder, "level");
  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_NUMBER ("average", level->average),
                        TANDEM_JSON_TEXT ("level", level_word (level->level)),
                        TANDEM_JSON_BOOL ("sustained_outcomes", level->sustained_outcomes),
                        TANDEM_JSON_TEXT ("next_level", level_word (level->next_level)),
                        NULL);
  _tandem_json_strings (builder, "missing", level->missing);
  json_builder_set_member_name (builder, "standards_without_evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < level->unevidenced->len; i++)
    json_builder_add_string_value (builder, standard_title (report, level->unevidenced->pdata[i]));
  json_builder_end_array (builder);
  _tandem_json_strings (builder, "escalations", level->escalations);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "priorities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->priorities->len; i++)
    {
      const TandemPriority *one = report->priorities->pdata[i];

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("standard", standard_title (report, one->standard_id)),
                           TANDEM_JSON_INT ("linked_items", one->node_ids->len),
                           NULL);
    }
  json_builder_end_array (builder);
  _tandem_json_array (builder, "evidence", report->evidence, write_evidence, report);
  json_builder_set_member_name (builder, "panels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *panel = report->panels->pdata[i];

      _tandem_json_object (builder, NULL,
                           TANDEM_JSON_TEXT ("date", panel->date),
                           TANDEM_JSON_TEXT ("members", panel->members),
                           TANDEM_JSON_TEXT ("decision",
                                             tandem_stored_enum_to_word (TANDEM_TYPE_PANEL_DECISION,
                                                                         panel->decision)),
                           TANDEM_JSON_TEXT ("conditions", panel->conditions),
                           TANDEM_JSON_TEXT ("next_review_on", panel->next_review_on),
                           NULL);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return _tandem_json_to_text (builder);
}

/**
 * tandem_standards_teams_to_json:
 * @teams: every team's latest round
 *
 * Returns: (transfer full): the figures of tandem-cli standards teams as JSON
 */
char *
tandem_standards_teams_to_json (const TandemStandardsTeams *teams)
{
  const TandemStandardsFramework *framework = teams->framework;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _tandem_json_array (builder, "standards", framework->standards, write_standard, NULL);
  _tandem_json_array (builder, "teams", teams->teams, write_team_standards, framework);
  json_builder_end_object (builder);
  return _tandem_json_to_text (builder);
}
