/* tandem-cli-standards.c — Culture of Care standards on the command line: `standards round|import|evidence|priority|panel|teams|framework`, `export standards`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command that changes the project is one undoable change (`standards
 * framework set` one for each thing it changes); a bad
 * value or row is refused (exit 2, every bad row named with its line)
 * before anything is changed. `export standards` writes every figure of a
 * team's standards as JSON from tandem_standards_report(), the one place
 * they are worked out, or the accreditation pack drawn from the same figures
 * (tandem-standards-pack.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-output.h"
#include "tandem-cli-standards.h"
#include "tandem-enums.h"
#include "tandem-export.h"
#include "tandem-measure.h"
#include "tandem-standards-pack.h"
#include "tandem-standards-teams.h"
#include "tandem-standards.h"
#include "tandem-stored-enums.h"
#include "tandem-table-import.h"
#include "tandem-team.h"

static const char standards_usage[] =
  "standards round add --team NAME --date DATE [--headcount N] PROJECT\n"
  "standards round list --team NAME PROJECT\n"
  "standards import --team NAME --round DATE [--column \"STANDARD=COLUMN\"…] [--role-column NAME] FILE.csv PROJECT\n"
  "standards evidence add --team NAME --standard NAME --type TYPE [--level bronze|silver|gold]\n"
  "    (--measure NAME | --change-idea TITLE | --pdsa TITLE | --note TEXT | --reference PATH|URL) [--title TEXT] PROJECT\n"
  "standards priority add|remove --team NAME --standard NAME PROJECT\n"
  "standards priority link --team NAME --standard NAME --change-idea TITLE PROJECT\n"
  "standards panel add --team NAME --date DATE --decision none|bronze|silver|gold [--members TEXT]\n"
  "    [--conditions TEXT] [--next-review DATE] PROJECT\n"
  "standards teams [--format md|json] [--output FILE] PROJECT\n"
  "standards framework PROJECT\n"
  "standards framework set [--threshold bronze|silver|gold=AVERAGE…] [--word SCORE=WORD…]\n"
  "    [--standard NAME (--title TEXT | --hints TEXT)…] PROJECT";

/* The project at @path and its team @team, or an exit status. */
static int
open_team (const char     *path,
           const char     *team,
           TandemProject **project,
           char          **team_id)
{
  g_autoptr(GError) error = NULL;

  if (team == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Say which team with --team NAME."));
  *project = tandem_project_open (path, &error);
  if (*project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  *team_id = tandem_team_find (*project, team);
  if (*team_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is no team called “%s”."), path,
                            team);
  return TANDEM_CLI_OK;
}

static GOptionContext *
context_for (const char   *parameter,
             const char   *summary,
             GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
round_add (int    argc,
           char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *date = NULL;
  g_autofree char *team_id = NULL;
  g_autofree char *id = NULL;
  int headcount = 0, status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The round's date (20/11/2026 or 2026-11-20)"), "DATE" },
    { "headcount", 0, 0, G_OPTION_ARG_INT, &headcount, N_("The team's staff at the time"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = context_for ("PROJECT", _("Add a self-assessment round."),
                                                   entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (date == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Give the round's date with --date."));
  if ((status = open_team (argv[1], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  id = tandem_assessment_round_add (project, team_id, date, headcount, &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  printf (_("Added the self-assessment round of %s for %s\n"), date, team);
  return TANDEM_CLI_OK;
}

static int
round_list (int    argc,
            char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *team_id = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = context_for ("PROJECT", _("List a team's self-assessment "
                                                                "rounds with their figures."),
                                                   entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if ((status = open_team (argv[1], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  report = tandem_standards_report (project, team_id, &error);
  if (report == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  for (guint i = 0; i < report->rounds->len; i++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[i];
      g_autofree char *completion = isnan (round->completion)
                                    ? g_strdup (_("headcount not known"))
                                    : g_strdup_printf (_("%.0f%% of staff%s"), round->completion * 100,
                                                       round->completion_met ? "" : _(", under 75%"));

      printf (_("%s  %u staff, %u with lived experience (%s); average %.2f\n"), round->round->date,
              round->n_staff, round->n_lived, completion, round->average);
    }
  return TANDEM_CLI_OK;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemSurveyImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *round = NULL;
  g_autofree char *role_column = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *team_id = NULL;
  g_autofree char *round_id = NULL;
  g_auto(GStrv) columns = NULL;
  gsize length;
  int status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "round", 0, 0, G_OPTION_ARG_STRING, &round, N_("The round's date"), "DATE" },
    { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &columns,
      N_("A standard's column, when it is not named after the standard (repeat for each)"),
      "STANDARD=COLUMN" },
    { "role-column", 0, 0, G_OPTION_ARG_STRING, &role_column,
      N_("The column saying who answered (default “role”)"), "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("FILE.csv PROJECT",
                 _("Add a survey's responses to a self-assessment round: one row per respondent, "
                   "a role column (staff, expert by experience, lived experience partner, carer) "
                   "and a column per standard, scored 1 to 5."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (round == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Say which round with --round DATE."));
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  if ((status = open_team (argv[2], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  round_id = tandem_assessment_round_find (project, team_id, round, &error);
  if (round_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  import = tandem_standards_read_survey (project, table, (const char * const *) columns,
                                         role_column, &error);
  if (import == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];

      fprintf (stderr, _("%s: line %u: %s\n"), argv[1], problem->line, problem->reason);
    }
  if (import->problems->len > 0)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: nothing was imported: fix the rows above."),
                            argv[1]);
  if (!tandem_standards_save_survey (project, round_id, import, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  printf (ngettext ("Imported %u response into the round of %s\n",
                    "Imported %u responses into the round of %s\n", import->responses->len),
          import->responses->len, round);
  return TANDEM_CLI_OK;
}

/* A change idea or PDSA cycle of the team's diagrams by its title. */
static gboolean
find_target (TandemProject  *project,
             const char     *team_id,
             const char     *title,
             gboolean        pdsa,
             char          **id,
             GError        **error)
{
  g_autoptr(GPtrArray) targets = tandem_measure_list_link_targets (project, team_id, error);

  if (targets == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    {
      const TandemLinkTarget *target = targets->pdata[i];

      if ((target->pdsa_id != NULL) == pdsa && g_strcmp0 (target->title, title) == 0)
        {
          *id = g_strdup (pdsa ? target->pdsa_id : target->node_id);
          return TRUE;
        }
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
               pdsa ? _("The team has no PDSA cycle called “%s”.")
                    : _("The team has no change idea called “%s”."), title);
  return FALSE;
}

static char *
find_team_measure (TandemProject  *project,
                   const char     *team_id,
                   const char     *name,
                   GError        **error)
{
  g_autoptr(GPtrArray) measures = tandem_measure_list (project, team_id, error);

  if (measures == NULL)
    return NULL;
  for (guint i = 0; i < measures->len; i++)
    {
      const TandemMeasure *measure = measures->pdata[i];

      if (g_strcmp0 (measure->name, name) == 0)
        return g_strdup (measure->id);
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
               _("The team has no measure called “%s”."), name);
  return NULL;
}

static int
evidence_add (int    argc,
              char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL, *standard = NULL, *type = NULL, *level = NULL;
  g_autofree char *measure = NULL, *idea = NULL, *pdsa = NULL, *note = NULL, *reference = NULL;
  g_autofree char *title = NULL, *team_id = NULL, *id = NULL;
  g_autofree char *measure_id = NULL, *node_id = NULL, *pdsa_id = NULL;
  TandemEvidence evidence = { 0 };
  int level_value = TANDEM_STANDARD_LEVEL_NONE, status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "standard", 0, 0, G_OPTION_ARG_STRING, &standard, N_("The standard it evidences"), "NAME" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("The type of evidence (“Quantitative data”, “Co-production”…)"), "TYPE" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_("bronze, silver or gold; a measure's is worked out from its chart if not given"), "LEVEL" },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure, N_("A measure of the team"), "NAME" },
    { "change-idea", 0, 0, G_OPTION_ARG_STRING, &idea, N_("A change idea of the team's diagrams"), "TITLE" },
    { "pdsa", 0, 0, G_OPTION_ARG_STRING, &pdsa, N_("A PDSA cycle of the team's diagrams"), "TITLE" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note or story, in words"), "TEXT" },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("A file's path or a web address, kept by reference (never copied in)"), "PATH|URL" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What to call it"), "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = context_for ("PROJECT", _("Link evidence to a standard."),
                                                   entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (standard == NULL || type == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which standard and type of evidence with --standard and --type."));
  if (level != NULL && !tandem_stored_enum_from_word (TANDEM_TYPE_STANDARD_LEVEL, level, &level_value))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("Unknown level “%s”: use bronze, silver or gold."), level);
  if ((status = open_team (argv[1], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  if ((measure && (measure_id = find_team_measure (project, team_id, measure, &error)) == NULL) ||
      (idea && !find_target (project, team_id, idea, FALSE, &node_id, &error)) ||
      (pdsa && !find_target (project, team_id, pdsa, TRUE, &pdsa_id, &error)))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  evidence.team_id = team_id;
  evidence.standard_id = standard;
  evidence.type_id = type;
  evidence.level = level_value;
  evidence.measure_id = measure_id;
  evidence.node_id = node_id;
  evidence.pdsa_id = pdsa_id;
  evidence.note = note;
  evidence.reference = reference;
  evidence.title = title;
  id = tandem_evidence_add (project, &evidence, &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  printf (_("Linked evidence to “%s”\n"), standard);
  return TANDEM_CLI_OK;
}

static int
priority (int    argc,
          char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) priorities = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autofree char *team = NULL, *standard = NULL, *idea = NULL, *team_id = NULL;
  g_autofree char *node_id = NULL;
  const TandemStandard *found;
  const char *verb = argc >= 2 ? argv[1] : "";
  const char *priority_id = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "standard", 0, 0, G_OPTION_ARG_STRING, &standard, N_("The standard"), "NAME" },
    { "change-idea", 0, 0, G_OPTION_ARG_STRING, &idea,
      N_("For link: a change idea of the team's diagrams"), "TITLE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("add|remove|link PROJECT",
                 _("Make a standard one of the team's 2–3 priorities, take it away, or link it to "
                   "a change idea."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  verb = argv[1];
  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "remove") && !g_str_equal (verb, "link"))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("Unknown “%s”: use add, remove or link."), verb);
  if (standard == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Say which standard with --standard."));
  if ((status = open_team (argv[2], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  if (g_str_equal (verb, "add"))
    {
      g_autofree char *id = tandem_priority_add (project, team_id, standard, &error);

      if (id == NULL)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
      printf (_("“%s” is a priority of %s\n"), standard, team);
      return TANDEM_CLI_OK;
    }
  if ((framework = tandem_standards_framework_load (project, &error)) == NULL ||
      (priorities = tandem_priority_list (project, team_id, &error)) == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  found = tandem_standards_framework_find (framework, standard);
  for (guint i = 0; found && i < priorities->len; i++)
    if (g_str_equal (((TandemPriority *) priorities->pdata[i])->standard_id, found->id))
      priority_id = ((TandemPriority *) priorities->pdata[i])->id;
  if (priority_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: “%s” is not a priority of %s."), argv[2],
                            standard, team);
  if (g_str_equal (verb, "remove"))
    {
      if (!tandem_priority_remove (project, priority_id, &error))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
      printf (_("“%s” is no longer a priority of %s\n"), standard, team);
      return TANDEM_CLI_OK;
    }
  if (idea == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Say which change idea with --change-idea."));
  if (!find_target (project, team_id, idea, FALSE, &node_id, &error) ||
      !tandem_priority_set_linked (project, priority_id, node_id, TRUE, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  printf (_("Linked “%s” to “%s”\n"), standard, idea);
  return TANDEM_CLI_OK;
}

static int
panel_add (int    argc,
           char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL, *date = NULL, *decision = NULL, *members = NULL;
  g_autofree char *conditions = NULL, *next = NULL, *team_id = NULL, *id = NULL;
  TandemPanelReview review = { 0 };
  int decision_value = TANDEM_PANEL_DECISION_NONE, status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The panel's date"), "DATE" },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("none, bronze, silver or gold"), "LEVEL" },
    { "members", 0, 0, G_OPTION_ARG_STRING, &members, N_("Who sat on the panel"), "TEXT" },
    { "conditions", 0, 0, G_OPTION_ARG_STRING, &conditions, N_("Conditions of the award"), "TEXT" },
    { "next-review", 0, 0, G_OPTION_ARG_STRING, &next,
      N_("The next review's date (default a year on)"), "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = context_for ("PROJECT", _("Record a panel review."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (date == NULL || decision == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Give the panel's date and decision with --date and --decision."));
  if (!tandem_stored_enum_from_word (TANDEM_TYPE_PANEL_DECISION, decision, &decision_value))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("Unknown decision “%s”: use none, bronze, silver or gold."), decision);
  if ((status = open_team (argv[1], team, &project, &team_id)) != TANDEM_CLI_OK)
    return status;
  review.team_id = team_id;
  review.date = date;
  review.decision = decision_value;
  review.members = members;
  review.conditions = conditions;
  review.next_review_on = next;
  id = tandem_panel_review_add (project, &review, &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  printf (_("Recorded the panel review of %s for %s\n"), date, team);
  return TANDEM_CLI_OK;
}

/* `standards framework`: what the file holds, as a trust adapted it. */
static int
framework_show (int    argc,
                char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("PROJECT", _("Show the framework the project holds: the standards with their "
                              "evidence areas, the words of the scores and the average each level "
                              "needs."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  project = tandem_project_open (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  framework = tandem_standards_framework_load (project, &error);
  if (framework == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  printf ("%s\n", _("Standards:"));
  for (guint i = 0; i < framework->standards->len; i++)
    {
      const TandemStandard *standard = framework->standards->pdata[i];

      if (standard->hints != NULL)
        printf ("  %s — %s\n", standard->title, standard->hints);
      else
        printf ("  %s\n", standard->title);
    }
  printf ("%s\n", _("Scores:"));
  for (guint i = 0; i < G_N_ELEMENTS (framework->words); i++)
    printf ("  %u %s\n", i + TANDEM_STANDARDS_SCORE_MIN, framework->words[i]);
  printf ("%s\n", _("Levels:"));
  for (int i = 0; i < TANDEM_N_STANDARD_LEVELS; i++)
    if (framework->needs_sustained[i])
      printf (_("  %s: an average of %.2f or more, and sustained outcomes\n"),
              tandem_standard_level_get_label (i), framework->thresholds[i]);
    else
      printf (_("  %s: an average of %.2f or more\n"), tandem_standard_level_get_label (i),
              framework->thresholds[i]);
  return TANDEM_CLI_OK;
}

/* “NAME=VALUE” split at its first “=”, both sides stripped. */
static gboolean
split_pair (const char  *pair,
            char       **name,
            char       **value)
{
  const char *equals = strchr (pair, '=');

  if (equals == NULL)
    return FALSE;
  *name = g_strstrip (g_strndup (pair, equals - pair));
  *value = g_strstrip (g_strdup (equals + 1));
  return **name != '\0';
}

static gboolean
parse_thresholds (char   **given,
                  double   thresholds[TANDEM_N_STANDARD_LEVELS],
                  gboolean changed[TANDEM_N_STANDARD_LEVELS],
                  int     *status)
{
  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      g_autofree char *name = NULL, *number = NULL, *word = NULL;
      char *end = NULL;
      int level = 0;
      double value;

      if (!split_pair (given[i], &name, &number))
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("“%s”: give a level and its average, as in bronze=2.5."),
                                     given[i]);
          return FALSE;
        }
      word = g_ascii_strdown (name, -1);
      if (!tandem_stored_enum_from_word (TANDEM_TYPE_STANDARD_LEVEL, word, &level))
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("Unknown level “%s”: use bronze, silver or gold."), name);
          return FALSE;
        }
      value = g_ascii_strtod (number, &end);
      if (*number == '\0' || end == NULL || *end != '\0' || !isfinite (value) ||
          value < TANDEM_STANDARDS_SCORE_MIN || value > TANDEM_STANDARDS_SCORE_MAX)
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("“%s” is not an average for %s: give a number from 1 to 5."),
                                     number, tandem_standard_level_get_label (level));
          return FALSE;
        }
      if (changed[level])
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s is given more than once."),
                                     tandem_standard_level_get_label (level));
          return FALSE;
        }
      thresholds[level] = value;
      changed[level] = TRUE;
    }
  return TRUE;
}

static gboolean
parse_words (char   **given,
             char    *words[TANDEM_STANDARDS_SCORE_MAX],
             int     *status)
{
  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      g_autofree char *number = NULL, *word = NULL;
      char *end = NULL;
      gint64 score;

      if (!split_pair (given[i], &number, &word) || *word == '\0')
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("“%s”: give a score and its word, as in 3=Embedded."),
                                     given[i]);
          return FALSE;
        }
      score = g_ascii_strtoll (number, &end, 10);
      if (end == NULL || *end != '\0' || score < TANDEM_STANDARDS_SCORE_MIN ||
          score > TANDEM_STANDARDS_SCORE_MAX)
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("“%s” is not a score: scores are 1 to 5."), number);
          return FALSE;
        }
      if (words[score - 1] != NULL)
        {
          *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                     _("The word for %d is given more than once."), (int) score);
          return FALSE;
        }
      words[score - 1] = g_steal_pointer (&word);
    }
  return TRUE;
}

static char *
standard_names (const TandemStandardsFramework *framework)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < framework->standards->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "",
                            ((TandemStandard *) framework->standards->pdata[i])->title);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Makes one of the changes of `standards framework set`; @done counts them. */
static gboolean
apply (gboolean  ok,
       guint    *done)
{
  if (ok)
    (*done)++;
  return ok;
}

/* `standards framework set`: every value is checked before anything is
 * changed; should the file still refuse one, the changes already made are
 * undone, so the file is as it was. */
static int
framework_set (int    argc,
               char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) thresholds = NULL, words = NULL, standards = NULL;
  g_autofree char *title = NULL, *hints = NULL;
  char *new_words[TANDEM_STANDARDS_SCORE_MAX] = { NULL };
  double wanted[TANDEM_N_STANDARD_LEVELS];
  gboolean changed[TANDEM_N_STANDARD_LEVELS] = { FALSE };
  const TandemStandard *standard = NULL;
  g_autofree char *standard_id = NULL;
  guint done = 0;
  gboolean ok = TRUE;
  int status = 0;
  GOptionEntry entries[] = {
    { "threshold", 0, 0, G_OPTION_ARG_STRING_ARRAY, &thresholds,
      N_("The average a level needs, 1 to 5, rising from Bronze to Gold (bronze=2.5)"),
      "LEVEL=AVERAGE" },
    { "word", 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, N_("The word of a score (3=Embedded)"),
      "SCORE=WORD" },
    { "standard", 0, 0, G_OPTION_ARG_STRING_ARRAY, &standards,
      N_("The standard to rename or to give evidence areas"), "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The standard's new name"), "TEXT" },
    { "hints", 0, 0, G_OPTION_ARG_STRING, &hints,
      N_("The standard's evidence areas (empty for none)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("PROJECT", _("Adapt the framework: the levels' averages, the scores' words, a "
                              "standard's name and evidence areas."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if ((title != NULL || hints != NULL) && standards == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which standard to change with --standard."));
  if (thresholds == NULL && words == NULL && standards == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say what to change: --threshold, --word, or --standard with "
                              "--title or --hints."));
  if (standards != NULL && g_strv_length (standards) > 1)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Change one standard at a time: give --standard once."));
  if (standards != NULL && title == NULL && hints == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say what to change of the standard with --title or --hints."));
  if (title != NULL && *g_strstrip (title) == '\0')
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("A standard's name cannot be empty."));
  if (!parse_words (words, new_words, &status))
    goto out;
  project = tandem_project_open (argv[1], &error);
  if (project == NULL)
    {
      status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
      goto out;
    }
  if ((framework = tandem_standards_framework_load (project, &error)) == NULL)
    {
      status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
      goto out;
    }
  memcpy (wanted, framework->thresholds, sizeof wanted);
  if (!parse_thresholds (thresholds, wanted, changed, &status))
    goto out;
  for (int i = 1; i < TANDEM_N_STANDARD_LEVELS; i++)
    if (wanted[i] <= wanted[i - 1])
      {
        status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                  _("%s: the averages must rise from Bronze to Silver to Gold: "
                                    "%.2f, %.2f and %.2f do not."), argv[1],
                                  wanted[0], wanted[1], wanted[2]);
        goto out;
      }
  if (standards != NULL)
    {
      standard = tandem_standards_framework_find (framework, standards[0]);
      if (standard == NULL)
        {
          g_autofree char *names = standard_names (framework);

          status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                    _("%s: there is no standard called “%s”. The standards are "
                                      "%s."), argv[1], standards[0], names);
          goto out;
        }
      standard_id = g_strdup (standard->id);
    }

  /* Lowered levels from the bottom up, then raised ones from the top down:
   * each step keeps the averages rising, as the file requires. */
  for (int i = 0; ok && i < TANDEM_N_STANDARD_LEVELS; i++)
    if (changed[i] && wanted[i] < framework->thresholds[i])
      ok = apply (tandem_standards_set_threshold (project, i, TANDEM_UNCHECKED, wanted[i], &error),
                  &done);
  for (int i = TANDEM_N_STANDARD_LEVELS - 1; ok && i >= 0; i--)
    if (changed[i] && wanted[i] > framework->thresholds[i])
      ok = apply (tandem_standards_set_threshold (project, i, TANDEM_UNCHECKED, wanted[i], &error),
                  &done);
  for (int i = 0; ok && i < TANDEM_STANDARDS_SCORE_MAX; i++)
    if (new_words[i] != NULL && g_strcmp0 (new_words[i], framework->words[i]) != 0)
      ok = apply (tandem_standards_set_score_word (project, i + TANDEM_STANDARDS_SCORE_MIN,
                                                   TANDEM_UNCHECKED, new_words[i], &error),
                  &done);
  if (ok && title != NULL && g_strcmp0 (title, standard->title) != 0)
    ok = apply (tandem_standard_set_field (project, standard_id, TANDEM_FIELD_STANDARD_TITLE,
                                           TANDEM_UNCHECKED, title, &error), &done);
  if (ok && hints != NULL)
    ok = apply (tandem_standard_set_field (project, standard_id, TANDEM_FIELD_STANDARD_HINTS,
                                           TANDEM_UNCHECKED, hints, &error), &done);
  if (!ok)
    {
      g_autoptr(GError) undo_error = NULL;

      for (guint i = 0; i < done && undo_error == NULL; i++)
        tandem_project_undo (project, &undo_error);
      status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: %s Nothing was changed."), argv[1],
                                error->message);
      if (undo_error != NULL)
        fprintf (stderr, _("%s: the changes made before could not be taken back: %s\n"), argv[1],
                 undo_error->message);
      goto out;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Changed %u thing of the framework\n",
                       "Changed %u things of the framework\n", done), done);
  status = TANDEM_CLI_OK;
out:
  for (guint i = 0; i < G_N_ELEMENTS (new_words); i++)
    g_free (new_words[i]);
  return status;
}

/* `standards teams`, with the JSON helpers of `export standards` below. */
static int command_teams (int    argc,
                          char **argv);

/**
 * tandem_cli_standards:
 * @argc: argument count, from “standards”
 * @argv: arguments
 *
 * `tandem-cli standards round|import|evidence|priority|panel|teams|framework …`.
 *
 * Returns: the exit status: 0 done, 2 bad arguments or values
 */
int
tandem_cli_standards (int    argc,
                      char **argv)
{
  const char *what = argc >= 2 ? argv[1] : NULL;
  const char *verb = argc >= 3 ? argv[2] : "";

  if (what == NULL || g_str_equal (what, "--help") || g_str_equal (what, "-h"))
    {
      fprintf (what ? stdout : stderr, "%s\n%s\n", _("Usage:"), standards_usage);
      return what ? TANDEM_CLI_OK : TANDEM_CLI_BAD_INPUT;
    }
  if (g_str_equal (what, "round") && g_str_equal (verb, "add"))
    return round_add (argc - 2, argv + 2);
  if (g_str_equal (what, "round") && g_str_equal (verb, "list"))
    return round_list (argc - 2, argv + 2);
  if (g_str_equal (what, "import"))
    return command_import (argc - 1, argv + 1);
  if (g_str_equal (what, "evidence") && g_str_equal (verb, "add"))
    return evidence_add (argc - 2, argv + 2);
  if (g_str_equal (what, "priority"))
    return priority (argc - 1, argv + 1);
  if (g_str_equal (what, "panel") && g_str_equal (verb, "add"))
    return panel_add (argc - 2, argv + 2);
  if (g_str_equal (what, "teams"))
    return command_teams (argc - 1, argv + 1);
  if (g_str_equal (what, "framework") && g_str_equal (verb, "set"))
    return framework_set (argc - 2, argv + 2);
  if (g_str_equal (what, "framework"))
    return framework_show (argc - 1, argv + 1);
  fprintf (stderr, "%s\n%s\n", _("Usage:"), standards_usage);
  return TANDEM_CLI_BAD_INPUT;
}

/* ------------------------------------------------------------------------ */
/* export standards --format json|pdf|png|svg                               */

/**
 * tandem_cli_export_standards:
 * @argc: argument count; argv[0] is “standards”
 * @argv: the arguments
 *
 * `tandem-cli export standards --team NAME --format json|pdf|png|svg
 * --output FILE PROJECT`: every figure of the team's standards, for
 * scripts (json), or the accreditation pack on A4 pages (pdf; png and svg
 * hold its cover).
 *
 * Returns: the exit status: 0, 1 if the file could not be written, 2 for
 *   unusable input
 */
int
tandem_cli_export_standards (int    argc,
                             char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL, *format = NULL, *output = NULL, *team_id = NULL, *text = NULL;
  g_autoptr(TandemExportFonts) fonts = NULL;
  TandemExportFormat drawn = TANDEM_EXPORT_PDF;
  gboolean json;
  double dpi = 150;
  int status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("json (every figure), pdf (the accreditation pack), or png or svg (its cover); "
         "default: from the file name"),
      "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or - for standard output"), "FILE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), "DPI" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("PROJECT", _("Export every figure of a team's Culture of Care standards: the "
                              "means by group and the gaps, completion, the average, the level "
                              "and what is missing, each piece of evidence with its verdict, the "
                              "panel record; or the accreditation pack that draws them."),
                 entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (team == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say whose standards to export with --team NAME."));
  if (!tandem_cli_output_and_format (output, &format, "json, pdf, png, svg", &status))
    return status;
  json = g_str_equal (format, "json");
  if (!json && !tandem_export_format_from_string (format, &drawn))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("“%s” is not a format of this export: use "
                                                    "json, pdf, png or svg."), format ? format : "");
  if (tandem_cli_refuse_output (output, !json && drawn != TANDEM_EXPORT_SVG))
    return TANDEM_CLI_BAD_INPUT;
  /* fontconfig's configuration is read while the project is opened and
   * read (see tandem_export_prepare_fonts()). */
  if (!json)
    fonts = tandem_export_prepare_fonts (drawn, 0, 0, dpi, NULL, NULL);

  /* The structural check runs while the figures are worked out; nothing is
   * kept unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  team_id = tandem_team_find (project, team);
  if (team_id == NULL)
    {
      if (!tandem_cli_fail_if_damaged (project))
        tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is no team called “%s”."), argv[1],
                         team);
      return TANDEM_CLI_BAD_INPUT;
    }
  if (!json)
    {
      tandem_export_fonts_install (g_steal_pointer (&fonts));
      if (!tandem_standards_pack_export (project, team_id, drawn, output, dpi,
                                         tandem_cli_confirm_intact, project, &error))
        return tandem_cli_fail_reading (project, error);
      return TANDEM_CLI_OK;
    }
  report = tandem_standards_report (project, team_id, &error);
  if (report == NULL)
    return tandem_cli_fail_reading (project, error);
  text = tandem_standards_report_to_json (report);
  if (!tandem_export_text (output, text, tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail_reading (project, error);
  return TANDEM_CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* standards teams --format md|json                                         */

/* Text in a Markdown table's cell: nothing in it can end the cell or the
 * row, or be read as markup. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, " ");
  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\r': case '\n':
        g_string_append_c (out, ' ');
        break;
      default:
        g_string_append_c (out, *p);
      }
  g_string_append (out, " |");
}

static char *
score_words (const TandemStandardsFramework *framework,
             double                          mean)
{
  if (isnan (mean))
    return g_strdup (_("not scored"));
  return g_strdup_printf ("%.1f %s", mean, tandem_standards_framework_word (framework, mean));
}

static const char *
level_label (int level)
{
  return level == TANDEM_STANDARD_LEVEL_NONE ? _("below Bronze")
                                             : tandem_standard_level_get_label (level);
}

/* Teams as rows (there may be fifty), the standards as columns. */
static char *
teams_to_markdown (const TandemStandardsTeams *teams)
{
  const TandemStandardsFramework *framework = teams->framework;
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "# %s\n\n", _("Culture of Care standards across the project"));
  g_string_append (out, _("Each team's latest self-assessment round: each standard's mean score, "
                          "the average of the standards' means and the level the scores reach, before the "
                          "evidence every level also needs (see export standards for a team)."));
  g_string_append (out, "\n\n|");
  append_cell (out, _("Team"));
  append_cell (out, _("Round"));
  append_cell (out, _("Staff taking part"));
  append_cell (out, _("Average"));
  append_cell (out, _("Scores reach"));
  for (guint s = 0; s < framework->standards->len; s++)
    append_cell (out, ((TandemStandard *) framework->standards->pdata[s])->title);
  g_string_append (out, "\n|");
  for (guint c = 0; c < framework->standards->len + 5; c++)
    g_string_append (out, c == 0 ? " --- |" : " ---: |");
  for (guint t = 0; t < teams->teams->len; t++)
    {
      const TandemTeamStandards *team = teams->teams->pdata[t];
      g_autofree char *completion = NULL;
      g_autofree char *average = NULL;

      g_string_append (out, "\n|");
      append_cell (out, team->team_name);
      if (team->round_id == NULL)
        {
          append_cell (out, _("no round yet"));
          for (guint c = 0; c < framework->standards->len + 3; c++)
            append_cell (out, "–");
          continue;
        }
      append_cell (out, team->date);
      completion = isnan (team->completion)
                   ? g_strdup_printf (_("%u, headcount not known"), team->n_staff)
                   : g_strdup_printf (_("%.0f%%%s"), team->completion * 100,
                                      team->completion_met ? "" : _(", under 75%"));
      append_cell (out, completion);
      average = isnan (team->average) ? g_strdup (_("not scored"))
                                      : g_strdup_printf ("%.2f", team->average);
      append_cell (out, average);
      append_cell (out, isnan (team->average) ? "–" : level_label (team->level));
      for (guint s = 0; s < framework->standards->len; s++)
        {
          g_autofree char *mean = score_words (framework, team->means[s]);

          append_cell (out, mean);
        }
    }
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
command_teams (int    argc,
               char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsTeams) teams = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL, *output = NULL, *text = NULL;
  gboolean json;
  int status = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("md (a table, the default) or json (every figure, for scripts)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (default: standard output)"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    context_for ("PROJECT", _("Show every team's standards side by side: from each team's latest "
                              "self-assessment round, each standard's mean score, the average, "
                              "the level, and the staff taking part."), entries);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "md") && !g_str_equal (format, "json"))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("“%s” is not a format of this command: use md "
                                                    "or json."), format);
  json = format != NULL && g_str_equal (format, "json");
  if (output == NULL)
    output = g_strdup ("-");
  if (tandem_cli_refuse_output (output, FALSE))
    return TANDEM_CLI_BAD_INPUT;
  /* The structural check runs while the figures are worked out; nothing is
   * kept unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  teams = tandem_standards_teams (project, &error);
  if (teams == NULL)
    return tandem_cli_fail_reading (project, error);
  text = json ? tandem_standards_teams_to_json (teams) : teams_to_markdown (teams);
  if (!tandem_export_text (output, text, tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail_reading (project, error);
  return TANDEM_CLI_OK;
}
