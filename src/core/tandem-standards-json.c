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

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, strings->pdata[i]);
  json_builder_end_array (builder);
}

static const char *
standard_title (const TandemStandardsReport *report,
                const char                  *id)
{
  const TandemStandard *standard = tandem_standards_framework_find (report->framework, id);

  return standard ? standard->title : id;
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
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const TandemStandardsFramework *framework = report->framework;
  const TandemStandardsLevel *level = report->level;

  json_builder_begin_object (builder);
  _tandem_json_member_text (builder, "team", report->team_name);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "standards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < framework->standards->len; i++)
    {
      const TandemStandard *standard = framework->standards->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "id", standard->id);
      _tandem_json_member_text (builder, "title", standard->title);
      _tandem_json_member_text (builder, "evidence_areas", standard->hints);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    json_builder_add_string_value (builder, framework->words[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    {
      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "level", level_word (i));
      _tandem_json_member_number (builder, "threshold", framework->thresholds[i]);
      json_builder_set_member_name (builder, "needs_sustained_outcomes");
      json_builder_add_boolean_value (builder, framework->needs_sustained[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "evidence_types");
  json_builder_begin_array (builder);
  for (guint i = 0; i < framework->types->len; i++)
    {
      const TandemEvidenceType *type = framework->types->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "id", type->id);
      _tandem_json_member_text (builder, "title", type->title);
      for (int l = 0; l < TANDEM_N_STANDARD_LEVELS; l++)
        _tandem_json_member_text (builder, level_word (l), type->asks[l]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "rounds");
  json_builder_begin_array (builder);
  for (guint r = 0; r < report->rounds->len; r++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[r];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "date", round->round->date);
      json_builder_set_member_name (builder, "headcount");
      if (round->round->headcount > 0)
        json_builder_add_int_value (builder, round->round->headcount);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "staff_responses");
      json_builder_add_int_value (builder, round->n_staff);
      json_builder_set_member_name (builder, "lived_experience_responses");
      json_builder_add_int_value (builder, round->n_lived);
      _tandem_json_member_number (builder, "completion", round->completion);
      json_builder_set_member_name (builder, "completion_met");
      json_builder_add_boolean_value (builder, round->completion_met);
      _tandem_json_member_number (builder, "average", round->average);
      _tandem_json_member_text (builder, "average_word", tandem_standards_framework_word (framework, round->average));
      json_builder_set_member_name (builder, "standards");
      json_builder_begin_array (builder);
      for (guint s = 0; s < round->standards->len; s++)
        {
          const TandemStandardFigures *one = round->standards->pdata[s];

          json_builder_begin_object (builder);
          _tandem_json_member_text (builder, "standard", standard_title (report, one->standard_id));
          json_builder_set_member_name (builder, "staff_n");
          json_builder_add_int_value (builder, one->n_staff);
          _tandem_json_member_number (builder, "staff_mean", one->staff_mean);
          json_builder_set_member_name (builder, "lived_experience_n");
          json_builder_add_int_value (builder, one->n_lived);
          _tandem_json_member_number (builder, "lived_experience_mean", one->lived_mean);
          _tandem_json_member_number (builder, "gap", one->gap);
          _tandem_json_member_number (builder, "mean", one->mean);
          _tandem_json_member_text (builder, "word", tandem_standards_framework_word (framework, one->mean));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "level");
  json_builder_begin_object (builder);
  _tandem_json_member_number (builder, "average", level->average);
  _tandem_json_member_text (builder, "level", level_word (level->level));
  json_builder_set_member_name (builder, "sustained_outcomes");
  json_builder_add_boolean_value (builder, level->sustained_outcomes);
  _tandem_json_member_text (builder, "next_level", level_word (level->next_level));
  add_strings (builder, "missing", level->missing);
  json_builder_set_member_name (builder, "standards_without_evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < level->unevidenced->len; i++)
    json_builder_add_string_value (builder, standard_title (report, level->unevidenced->pdata[i]));
  json_builder_end_array (builder);
  add_strings (builder, "escalations", level->escalations);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "priorities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->priorities->len; i++)
    {
      const TandemPriority *one = report->priorities->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "standard", standard_title (report, one->standard_id));
      json_builder_set_member_name (builder, "linked_items");
      json_builder_add_int_value (builder, one->node_ids->len);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];
      const TandemEvidence *evidence = item->evidence;
      const TandemEvidenceType *type = tandem_standards_framework_find_type (framework,
                                                                            evidence->type_id);
      const char *kind = evidence->measure_id ? "measure" : evidence->node_id ? "change_idea"
                         : evidence->pdsa_id ? "pdsa_cycle" : evidence->session_id ? "coaching_session"
                         : evidence->note ? "note" : "reference";

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "standard", standard_title (report, evidence->standard_id));
      _tandem_json_member_text (builder, "type", type ? type->title : evidence->type_id);
      _tandem_json_member_text (builder, "kind", kind);
      _tandem_json_member_text (builder, "what", item->what);
      _tandem_json_member_text (builder, "title", evidence->title);
      _tandem_json_member_text (builder, "level", level_word (item->level));
      _tandem_json_member_text (builder, "level_offered", level_word (evidence->level));
      _tandem_json_member_text (builder, "added_on", evidence->added_on);
      if (item->judgement != NULL)
        {
          const TandemMeasureJudgement *j = item->judgement;

          json_builder_set_member_name (builder, "chart");
          json_builder_begin_object (builder);
          _tandem_json_member_text (builder, "verdict", tandem_measure_verdict_to_string (j->verdict));
          json_builder_set_member_name (builder, "baseline");
          json_builder_add_boolean_value (builder, j->baseline);
          _tandem_json_member_text (builder, "baseline_reason", j->baseline_reason);
          json_builder_set_member_name (builder, "shift");
          json_builder_add_boolean_value (builder, j->shift);
          _tandem_json_member_text (builder, "shift_reason", j->shift_reason);
          _tandem_json_member_text (builder, "signal_date", j->signal_date);
          json_builder_set_member_name (builder, "sustained");
          json_builder_add_boolean_value (builder, j->sustained);
          _tandem_json_member_text (builder, "sustained_reason", j->sustained_reason);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "panels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *panel = report->panels->pdata[i];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "date", panel->date);
      _tandem_json_member_text (builder, "members", panel->members);
      _tandem_json_member_text (builder, "decision", tandem_stored_enum_to_word (TANDEM_TYPE_PANEL_DECISION,
                                                                 panel->decision));
      _tandem_json_member_text (builder, "conditions", panel->conditions);
      _tandem_json_member_text (builder, "next_review_on", panel->next_review_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
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
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "standards");
  json_builder_begin_array (builder);
  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "id", standard->id);
      _tandem_json_member_text (builder, "title", standard->title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "teams");
  json_builder_begin_array (builder);
  for (guint t = 0; t < teams->teams->len; t++)
    {
      const TandemTeamStandards *team = teams->teams->pdata[t];

      json_builder_begin_object (builder);
      _tandem_json_member_text (builder, "id", team->team_id);
      _tandem_json_member_text (builder, "name", team->team_name);
      json_builder_set_member_name (builder, "round");
      if (team->round_id == NULL)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          _tandem_json_member_text (builder, "id", team->round_id);
          _tandem_json_member_text (builder, "date", team->date);
          json_builder_set_member_name (builder, "headcount");
          if (team->headcount > 0)
            json_builder_add_int_value (builder, team->headcount);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "staff_responses");
          json_builder_add_int_value (builder, team->n_staff);
          json_builder_set_member_name (builder, "lived_experience_responses");
          json_builder_add_int_value (builder, team->n_lived);
          _tandem_json_member_number (builder, "completion", team->completion);
          json_builder_set_member_name (builder, "completion_met");
          json_builder_add_boolean_value (builder, team->completion_met);
          json_builder_end_object (builder);
        }
      _tandem_json_member_number (builder, "average", team->average);
      json_builder_set_member_name (builder, "standards_scored");
      json_builder_add_int_value (builder, team->n_scored);
      _tandem_json_member_text (builder, "level", level_word (team->level));
      json_builder_set_member_name (builder, "means");
      json_builder_begin_object (builder);
      for (guint s = 0; s < framework->standards->len; s++)
        _tandem_json_member_number (builder, ((TandemStandard *) framework->standards->pdata[s])->id,
                    team->means[s]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}
