/* tandem-cli-setup.c — `tandem-cli team …` and `tandem-cli measure …`: a project set up by script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the Teams dialog and a measure's settings do, for a script:
 * each command is one undoable change, logged as the app logs it, and a bad
 * value is refused (exit 2) before anything is changed.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-change.h"
#include "tandem-cli-groups.h"
#include "tandem-cli-setup.h"
#include "tandem-enums.h"
#include "tandem-measure.h"
#include "tandem-stored-enums.h"
#include "tandem-team.h"



static TandemProject *
open_project (const char *path,
              gboolean    writing)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = writing ? tandem_project_open (path, &error)
                                   : tandem_project_open_for_reading (path, &error);

  if (project == NULL)
    tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  return project;
}

/* ------------------------------------------------------------------------ */
/* Teams                                                                      */

static int
team_add (int    argc,
          char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *service = NULL;
  g_autofree char *ward = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *id = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("The trust or organisation"), "TEXT" },
    { "service-type", 0, 0, G_OPTION_ARG_STRING, &service, N_("The kind of service"), "TEXT" },
    { "ward", 0, 0, G_OPTION_ARG_STRING, &ward, N_("The ward or base"), "TEXT" },
    { NULL }
  };

  if (!tandem_cli_parse_options ("NAME PROJECT",
                                 _("Add a team to a project."),
                                 entries, &argc, &argv, 2, &status))
    return status;
  project = open_project (argv[2], TRUE);
  if (project == NULL)
    return 2;
  existing = tandem_team_find (project, argv[1]);
  if (existing != NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is already a team called “%s”"), argv[2], argv[1]);
  id = tandem_team_create (project, argv[1], organisation, service, ward, &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  printf (_("Added team “%s”\n"), g_strstrip (argv[1]));
  return 0;
}

static int
team_rename (int    argc,
             char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *clash = NULL;
  int status = 0;

  if (!tandem_cli_parse_options ("NAME NEW_NAME PROJECT",
                                 _("Rename a team."),
                                 NULL, &argc, &argv, 3, &status))
    return status;
  project = open_project (argv[3], TRUE);
  if (project == NULL)
    return 2;
  id = tandem_team_find (project, argv[1]);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is no team called “%s”"), argv[3], argv[1]);
  clash = tandem_team_find (project, argv[2]);
  if (clash != NULL && !g_str_equal (clash, id))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is already a team called “%s”"), argv[3], argv[2]);
  if (!tandem_team_set_field (project, id, TANDEM_FIELD_TEAM_NAME, TANDEM_UNCHECKED, argv[2], &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  printf (_("Renamed team “%s” to “%s”\n"), argv[1], g_strstrip (argv[2]));
  return 0;
}

static int
team_list (int    argc,
           char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!tandem_cli_parse_options ("PROJECT",
                                 _("List a project's teams, one a line."),
                                 NULL, &argc, &argv, 1, &status))
    return status;
  project = open_project (argv[1], FALSE);
  if (project == NULL)
    return 2;
  teams = tandem_team_list (project, &error);
  if (teams == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  for (guint i = 0; i < teams->len; i++)
    printf ("%s\n", ((const TandemTeam *) teams->pdata[i])->name);
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Measures                                                                   */

typedef struct
{
  char *team;
  char *name;
  char *kind;
  char *chart;
  char *rules;
  char *direction;
  char *unit;
  char *frequency;
  char *target;
} MeasureArguments;

static void
measure_arguments_clear (MeasureArguments *args)
{
  g_free (args->team);
  g_free (args->name);
  g_free (args->kind);
  g_free (args->chart);
  g_free (args->rules);
  g_free (args->direction);
  g_free (args->unit);
  g_free (args->frequency);
  g_free (args->target);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeasureArguments, measure_arguments_clear)

/* One setting to save, checked and in the form the file keeps. */
typedef struct
{
  const char  *field;
  TandemValue  value;
} Setting;

static GOptionContext *
measure_context (const char       *parameter,
                 const char       *summary,
                 MeasureArguments *args,
                 gboolean          adding)
{
  GOptionContext *context = g_option_context_new (parameter);
  /* A new measure's name is its argument and --team says where it goes;
   * an existing one may be renamed. */
  GOptionEntry which[] = {
    adding ? (GOptionEntry) { "team", 0, 0, G_OPTION_ARG_STRING, &args->team,
                              N_("The team the measure belongs to"), "TEAM" }
           : (GOptionEntry) { "name", 0, 0, G_OPTION_ARG_STRING, &args->name,
                              N_("A new name for the measure"), "NAME" },
    { NULL }
  };
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &args->kind, N_("outcome, process or balancing"), "KIND" },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args->chart,
      N_("Chart type: run, i, mr, xbar, s, t, p, pp, c, u, up or g"), "TYPE" },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &args->rules, N_("anhoej, ihi or mdc"), "RULES" },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &args->direction,
      N_("Which way is better: increase, decrease or neutral"), "DIRECTION" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &args->unit, N_("What the values count"), "TEXT" },
    { "frequency", 0, 0, G_OPTION_ARG_STRING, &args->frequency,
      N_("How often it is taken: daily, weekly or monthly"), "FREQUENCY" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &args->target, N_("The target value"), "V" },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, which, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Checks every setting given before anything is changed. */
static gboolean
measure_settings (const MeasureArguments *args,
                  GArray                 *settings,
                  TandemSpcChart         *chart,
                  gboolean               *chart_given)
{
  int word;
  TandemSpcRules rules;
  TandemSpcDirection direction;

  *chart_given = FALSE;
  if (args->name != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (args->name));

      if (*name == '\0')
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("--name: a measure needs a name")), FALSE;
      g_array_append_val (settings, ((Setting) { "name", tandem_value_text (args->name) }));
    }
  if (args->kind != NULL)
    {
      if (!tandem_stored_enum_from_word (TANDEM_TYPE_MEASURE_KIND, args->kind, &word))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--kind: “%s” is not outcome, process or balancing"), args->kind), FALSE;
      g_array_append_val (settings, ((Setting) { "kind", tandem_value_text (args->kind) }));
    }
  if (args->chart != NULL)
    {
      if (!tandem_spc_chart_from_string (args->chart, chart))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--chart: unknown chart type “%s” (run, i, mr, xbar, s, t, p, pp, c, u, up "
                       "or g)"), args->chart), FALSE;
      *chart_given = TRUE;
    }
  if (args->rules != NULL)
    {
      if (!tandem_spc_rules_from_string (args->rules, &rules) ||
          rules == TANDEM_SPC_RULES_DEFAULT)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--rules: unknown rule set “%s” (anhoej, ihi or mdc)"), args->rules), FALSE;
      if (rules == TANDEM_SPC_RULES_MDC && *chart_given && *chart == TANDEM_SPC_CHART_RUN)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("--rules mdc needs a control chart; for a run chart use --rules ihi "
                             "or anhoej")), FALSE;
      g_array_append_val (settings, ((Setting) { "rules",
                                                  tandem_value_text (tandem_spc_rules_to_string (rules)) }));
    }
  if (args->direction != NULL)
    {
      if (!tandem_spc_direction_from_string (args->direction, &direction))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--direction: “%s” is not increase, decrease or neutral"),
                     args->direction), FALSE;
      g_array_append_val (settings, ((Setting) { "direction",
                                                  tandem_value_text (tandem_spc_direction_to_string (direction)) }));
    }
  if (args->unit != NULL)
    g_array_append_val (settings, ((Setting) { "unit", *args->unit ? tandem_value_text (args->unit)
                                                                    : tandem_value_null () }));
  if (args->frequency != NULL)
    {
      if (!tandem_stored_enum_from_word (TANDEM_TYPE_MEASURE_FREQUENCY, args->frequency, &word))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--frequency: “%s” is not daily, weekly or monthly"), args->frequency), FALSE;
      g_array_append_val (settings, ((Setting) { "frequency", tandem_value_text (args->frequency) }));
    }
  if (args->target != NULL)
    {
      char *end = NULL;
      double target;

      errno = 0;
      target = g_ascii_strtod (args->target, &end);
      if (*args->target == '\0' || errno != 0 || *end != '\0' || !isfinite (target))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("--target: “%s” is not a number"), args->target), FALSE;
      g_array_append_val (settings, ((Setting) { "target", tandem_value_double (target) }));
    }
  return TRUE;
}

static gboolean
save_settings (TandemProject  *project,
               const char     *id,
               GArray         *settings,
               gboolean        chart_given,
               TandemSpcChart  chart,
               GError        **error)
{
  /* The measure's setters check the value shown against the stored one:
   * a script shows what is stored now. The chart goes first, as changing
   * it may reset rules that no longer fit. */
  if (chart_given)
    {
      g_autofree char *shown = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE, id,
                                                        TANDEM_FIELD_MEASURE_CHART_TYPE);

      if (!tandem_measure_set_chart (project, id, shown, chart, error))
        return FALSE;
    }
  for (guint i = 0; i < settings->len; i++)
    {
      const Setting *setting = &g_array_index (settings, Setting, i);
      g_autofree char *shown = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE, id,
                                                        setting->field);

      if (!tandem_measure_set_field (project, id, setting->field, shown, setting->value, error))
        return FALSE;
    }
  return TRUE;
}

static int
measure_add (int    argc,
             char **argv)
{
  g_auto(MeasureArguments) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) settings = g_array_new (FALSE, FALSE, sizeof (Setting));
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *team_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  TandemSpcChart chart = TANDEM_SPC_CHART_RUN;
  gboolean chart_given;
  int status = 0;

  context = measure_context ("NAME PROJECT", _("Add a measure to a team."), &args, TRUE);
  if (!tandem_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (args.team == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Say which team the measure is for with --team TEAM."));
  name = g_strstrip (g_strdup (argv[1]));
  if (*name == '\0')
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("A measure needs a name."));
  /* No silent default: “higher is better” is wrong for every harm measure. */
  if (args.direction == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which way is better with --direction increase, decrease or "
                              "neutral (decrease for harms such as restraint or incidents)."));
  if (!measure_settings (&args, settings, &chart, &chart_given))
    return 2;

  project = open_project (argv[2], TRUE);
  if (project == NULL)
    return 2;
  team_id = tandem_team_find (project, args.team);
  if (team_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is no team called “%s”"), argv[2], args.team);
  {
    g_autofree char *existing = tandem_measure_find (project, name, NULL);

    if (existing != NULL)
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is already a measure called “%s”"), argv[2], name);
  }

  /* The measure and its settings are one change: one undo takes it away. */
  label = g_strdup_printf (_("Add the measure “%s”"), name);
  if (!tandem_change_begin (&change, project, label, &error) ||
      (id = tandem_measure_add (project, team_id, name, &error)) == NULL ||
      !save_settings (project, id, settings, chart_given, chart, &error) ||
      !tandem_change_commit (&change, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  printf (_("Added measure “%s” to team “%s”\n"), name, args.team);
  return 0;
}

static int
measure_set (int    argc,
             char **argv)
{
  g_auto(MeasureArguments) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) settings = g_array_new (FALSE, FALSE, sizeof (Setting));
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  TandemSpcChart chart = TANDEM_SPC_CHART_RUN;
  gboolean chart_given;
  int status = 0;

  context = measure_context ("NAME PROJECT", _("Change a measure's settings."), &args, FALSE);
  if (!tandem_cli_parse (context, &argc, &argv, 2, &status))
    return status;
  if (!measure_settings (&args, settings, &chart, &chart_given))
    return 2;
  if (settings->len == 0 && !chart_given)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("Nothing to change: give a setting such as --chart or --target."));

  project = open_project (argv[2], TRUE);
  if (project == NULL)
    return 2;
  id = tandem_measure_find (project, argv[1], &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  if (args.name != NULL)
    {
      g_autofree char *clash = tandem_measure_find (project, args.name, NULL);

      if (clash != NULL && !g_str_equal (clash, id))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is already a measure called “%s”"), argv[2], args.name);
    }

  label = g_strdup_printf (_("Change the measure “%s”"), argv[1]);
  if (!tandem_change_begin (&change, project, label, &error) ||
      !save_settings (project, id, settings, chart_given, chart, &error) ||
      !tandem_change_commit (&change, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  printf (_("Changed measure “%s”:"), argv[1]);
  if (chart_given)
    printf (" chart=%s", tandem_spc_chart_to_string (chart));
  for (guint i = 0; i < settings->len; i++)
    printf (" %s", g_array_index (settings, Setting, i).field);
  printf ("\n");
  return 0;
}

static int
measure_list (int    argc,
              char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &only, N_("Only this team's measures"), "TEAM" },
    { NULL }
  };

  if (!tandem_cli_parse_options ("PROJECT",
                                 _("List measures, one a line: team, name, chart, rules, "
                                   "direction, unit, frequency, target, number of points, "
                                   "separated by tabs."),
                                 entries, &argc, &argv, 1, &status))
    return status;
  project = open_project (argv[1], FALSE);
  if (project == NULL)
    return 2;
  teams = tandem_team_list (project, &error);
  if (teams == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  if (only != NULL && tandem_team_find (project, only) == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: there is no team called “%s”"), argv[1], only);
  for (guint t = 0; t < teams->len; t++)
    {
      const TandemTeam *team = teams->pdata[t];
      g_autoptr(GPtrArray) measures = NULL;

      if (only != NULL && g_strcmp0 (team->name, only) != 0)
        continue;
      measures = tandem_measure_list (project, team->id, &error);
      if (measures == NULL)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
      for (guint i = 0; i < measures->len; i++)
        {
          const TandemMeasure *m = measures->pdata[i];
          char target[G_ASCII_DTOSTR_BUF_SIZE] = "";
          gint64 n = tandem_project_count (project, TANDEM_ENTITY_DATA_POINT,
                                           TANDEM_FIELD_DATA_POINT_MEASURE_ID, m->id);

          if (!isnan (m->target))
            g_ascii_formatd (target, sizeof target, "%g", m->target);
          printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\n", team->name, m->name,
                  tandem_spc_chart_to_string (m->chart),
                  tandem_spc_rules_to_string (tandem_measure_get_rules (m)),
                  tandem_spc_direction_to_string (m->direction), m->unit ? m->unit : "",
                  m->frequency ? m->frequency : "", target, n);
        }
    }
  return 0;
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  int (*func) (int argc, char **argv);
} Subcommand;

static int
dispatch (const char       *command,
          const Subcommand *subcommands,
          guint             n,
          const char       *usage,
          int               argc,
          char            **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < n; i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].func (argc - 1, argv + 1);
  fprintf (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
           ? stdout : stderr, "%s\n", usage);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    return 0;
  if (argc >= 2)
    fprintf (stderr, _("tandem-cli: there is no “%s %s”\n"), command, argv[1]);
  return 2;
}

/**
 * tandem_cli_team:
 * @argc: argument count, from “team”
 * @argv: arguments; argv[1] is add, rename or list
 *
 * Returns: the exit status: 0 done, 2 bad arguments or values (nothing changed)
 */
int
tandem_cli_team (int    argc,
                 char **argv)
{
  static const Subcommand subcommands[] = {
    { "add", team_add }, { "rename", team_rename }, { "list", team_list },
  };

  return dispatch ("team", subcommands, G_N_ELEMENTS (subcommands),
                   _("Usage: tandem-cli team add NAME [--organisation TEXT] [--service-type TEXT] "
                     "[--ward TEXT] PROJECT\n"
                     "       tandem-cli team rename NAME NEW_NAME PROJECT\n"
                     "       tandem-cli team list PROJECT"), argc, argv);
}

/**
 * tandem_cli_measure:
 * @argc: argument count, from “measure”
 * @argv: arguments; argv[1] is add, set or list
 *
 * Returns: the exit status: 0 done, 2 bad arguments or values (nothing changed)
 */
int
tandem_cli_measure (int    argc,
                    char **argv)
{
  static const Subcommand subcommands[] = {
    { "add", measure_add }, { "set", measure_set }, { "list", measure_list },
    { "breakdown", tandem_cli_measure_breakdown },
  };

  return dispatch ("measure", subcommands, G_N_ELEMENTS (subcommands),
                   _("Usage: tandem-cli measure add NAME --team TEAM [SETTINGS] PROJECT\n"
                     "       tandem-cli measure set NAME [--name NEW_NAME] [SETTINGS] PROJECT\n"
                     "       tandem-cli measure list [--team TEAM] PROJECT\n"
                     "       tandem-cli measure breakdown --measure NAME [--grouping NAME] [--kind rate|proportion]\n"
                     "                 [--per N] [--denominator TEXT] [--domain access|experience|outcomes]\n"
                     "                 [--reference GROUP] [--threshold N] PROJECT\n"
                     "       tandem-cli measure breakdown --threshold N PROJECT\n"
                     "Settings: --kind --chart --rules --direction --unit --frequency --target"),
                   argc, argv);
}
