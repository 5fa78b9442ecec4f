/* tandem-cli.c — Tandem's engine on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-analyse.h"
#include "tandem-cli-chart.h"
#include "tandem-cli-export.h"
#include "tandem-cli-measures.h"
#include "tandem-cli-merge.h"
#include "tandem-cli-people.h"
#include "tandem-cli-groups.h"
#include "tandem-cli-programme.h"
#include "tandem-cli-setup.h"
#include "tandem-cli-standards.h"
#include "tandem-diagram.h"
#include "tandem-project.h"
#include "tandem-sample.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *usage;
  const char  *summary;
} Command;


static int
command_new (int    argc,
             char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!tandem_cli_parse_options ("FILE", _("Create a new, empty project file."), NULL,
                                 &argc, &argv, 1, &status))
    return status;
  project = tandem_project_create (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (2, "%s", error->message);
  printf (_("Created %s\n"), argv[1]);
  return 0;
}

static int
command_sample (int    argc,
                char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *split = NULL;
  TandemSampleScale which = TANDEM_SAMPLE_WARD;
  gboolean splitting = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale,
      N_("“ward” (the sample project, the default) or “national” (52 teams, for benchmarks)"),
      "SCALE" },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &split,
      N_("With --scale national: write one project file per team in DIR instead of FILE"),
      "DIR" },
    { NULL }
  };

  /* With --split the folder is the only place written: no FILE. */
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    splitting = splitting || g_str_equal (argv[i], "--split") ||
                g_str_has_prefix (argv[i], "--split=");
  if (!tandem_cli_parse_options (splitting ? "" : "FILE",
                                 _("Create a project filled with realistic, invented sample data."),
                                 entries, &argc, &argv, splitting ? 0 : 1, &status))
    return status;
  if (scale == NULL || g_str_equal (scale, "ward"))
    which = TANDEM_SAMPLE_WARD;
  else if (g_str_equal (scale, "national"))
    which = TANDEM_SAMPLE_NATIONAL;
  else
    return tandem_cli_fail (2, _("Unknown scale “%s”: use “ward” or “national”."), scale);
  if (split != NULL && which != TANDEM_SAMPLE_NATIONAL)
    return tandem_cli_fail (2, _("Only the national sample is split into team files: "
                                 "give --scale national with --split."));
  if (split != NULL)
    return tandem_cli_sample_split (split);

  project = tandem_project_create (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (2, "%s", error->message);
  tandem_project_set_author (project, "Tandem sample");
  if (!tandem_sample_populate (project, which, &error))
    {
      g_clear_object (&project);
      g_unlink (argv[1]);
      return tandem_cli_fail (2, "%s", error->message);
    }
  printf (_("Created %s\n"), argv[1]);
  return 0;
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  TandemCheckResult result;
  int status = 0;

  if (!tandem_cli_parse_options ("FILE",
                                 _("Check a project file's integrity and structure without "
                                   "changing it. Exit status: 0 good, 1 problems found, 2 "
                                   "unusable."),
                                 NULL, &argc, &argv, 1, &status))
    return status;
  result = tandem_project_check_file (argv[1], problems);
  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "%s\n", (const char *) problems->pdata[i]);
  if (result == TANDEM_CHECK_GOOD)
    printf (_("%s: no problems found\n"), argv[1]);
  return (int) result;
}

/* Kinds of item counted by `info`, in the order people think of them. */
static const struct { const char *entity; const char *label; } counted[] = {
  { TANDEM_ENTITY_TEAM, N_("teams") },
  { TANDEM_ENTITY_PERSON, N_("people") },
  { TANDEM_ENTITY_DIAGRAM, N_("diagrams") },
  { TANDEM_ENTITY_NODE, N_("diagram items") },
  { TANDEM_ENTITY_PDSA_CYCLE, N_("PDSA cycles") },
  { TANDEM_ENTITY_MEASURE, N_("measures") },
  { TANDEM_ENTITY_DATA_POINT, N_("data points") },
  { TANDEM_ENTITY_ANNOTATION, N_("annotations") },
  { TANDEM_ENTITY_COACHING_SESSION, N_("coaching sessions") },
  { TANDEM_ENTITY_ACTION, N_("actions") },
  { TANDEM_ENTITY_FRAMEWORK_STATUS, N_("peer-support tracker entries") },
  { TANDEM_ENTITY_PEER_ROLE, N_("peer roles") },
  { TANDEM_ENTITY_SUPERVISION, N_("supervision records") },
  { TANDEM_ENTITY_COMMENT, N_("comments") },
};

/* The names of a team's diagrams or measures, in their order: both
 * entities have the same team, position and name columns. */
static GPtrArray *
names_of (TandemProject *project,
          const char    *entity,
          const char    *team_id)
{
  g_autoptr(GPtrArray) ids = tandem_project_list_ids (project, entity, TANDEM_FIELD_DIAGRAM_TEAM_ID,
                                                      team_id, TANDEM_FIELD_DIAGRAM_POSITION);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (names, tandem_project_get_text (project, entity, ids->pdata[i],
                                                     TANDEM_FIELD_DIAGRAM_NAME));
  return names;
}

static int
command_info (int    argc,
              char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  gboolean as_json = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };

  if (!tandem_cli_parse_options ("FILE",
                                 _("List a project's teams, each with its diagrams and "
                                   "measures, and count every kind of item."),
                                 entries, &argc, &argv, 1, &status))
    return status;

  project = tandem_project_open (argv[1], &error);
  if (project == NULL || !tandem_project_confirm_intact (project, &error))
    return tandem_cli_fail (2, "%s", error->message);
  teams = tandem_project_list_ids (project, TANDEM_ENTITY_TEAM, NULL, NULL,
                                   TANDEM_FIELD_TEAM_POSITION);

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "read_only");
      json_builder_add_boolean_value (builder, tandem_project_get_read_only (project));
      json_builder_set_member_name (builder, "teams");
      json_builder_begin_array (builder);
      for (guint i = 0; i < teams->len; i++)
        {
          const char *team = teams->pdata[i];
          const char *lists[] = { TANDEM_ENTITY_DIAGRAM, TANDEM_ENTITY_MEASURE };
          const char *members[] = { "diagrams", "measures" };
          g_autofree char *name = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team,
                                                           TANDEM_FIELD_TEAM_NAME);
          g_autofree char *service = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team,
                                                              TANDEM_FIELD_TEAM_SERVICE_TYPE);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "service_type");
          if (service)
            json_builder_add_string_value (builder, service);
          else
            json_builder_add_null_value (builder);
          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            {
              g_autoptr(GPtrArray) names = names_of (project, lists[l], team);

              json_builder_set_member_name (builder, members[l]);
              json_builder_begin_array (builder);
              for (guint j = 0; j < names->len; j++)
                json_builder_add_string_value (builder, names->pdata[j]);
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
        {
          json_builder_set_member_name (builder, counted[i].entity);
          json_builder_add_int_value (builder,
                                      tandem_project_count (project, counted[i].entity, NULL, NULL));
        }
      json_builder_set_member_name (builder, "change_idea");
      json_builder_add_int_value (builder,
                                  tandem_project_count (project, TANDEM_ENTITY_NODE,
                                                        TANDEM_FIELD_NODE_KIND,
                                                        tandem_node_kind_to_string (TANDEM_NODE_CHANGE_IDEA)));
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
      return 0;
    }

  {
    g_autofree char *title = tandem_project_dup_title (project);
    printf ("%s%s\n\n", title, tandem_project_get_read_only (project) ? _(" (read-only)") : "");
  }
  printf (ngettext ("%u team\n", "%u teams\n", teams->len), teams->len);
  for (guint i = 0; i < teams->len; i++)
    {
      const char *team = teams->pdata[i];
      g_autofree char *name = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team,
                                                       TANDEM_FIELD_TEAM_NAME);
      g_autoptr(GPtrArray) diagrams = names_of (project, TANDEM_ENTITY_DIAGRAM, team);
      g_autoptr(GPtrArray) measures = names_of (project, TANDEM_ENTITY_MEASURE, team);

      printf ("\n%s\n", name);
      printf (_("  Diagrams (%u)\n"), diagrams->len);
      for (guint j = 0; j < diagrams->len; j++)
        printf ("    %s\n", (const char *) diagrams->pdata[j]);
      printf (_("  Measures (%u)\n"), measures->len);
      for (guint j = 0; j < measures->len; j++)
        printf ("    %s\n", (const char *) measures->pdata[j]);
    }

  printf ("\n%s\n", _("Counts"));
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    printf ("  %-30s %8" G_GINT64_FORMAT "\n", _(counted[i].label),
            tandem_project_count (project, counted[i].entity, NULL, NULL));
  printf ("  %-30s %8" G_GINT64_FORMAT "\n", _("change ideas"),
          tandem_project_count (project, TANDEM_ENTITY_NODE, TANDEM_FIELD_NODE_KIND,
                                tandem_node_kind_to_string (TANDEM_NODE_CHANGE_IDEA)));
  return 0;
}

/* `import data` (tandem-cli-measures.c) or `import groups` (tandem-cli-groups.c). */
static int
command_import (int    argc,
                char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "groups"))
    return tandem_cli_import_groups (argc, argv);
  return tandem_cli_import (argc, argv);
}

static const Command commands[] = {
  { "new", command_new, "new FILE", N_("Create a new, empty project") },
  { "sample", command_sample, "sample [--scale ward|national] FILE | --scale national --split DIR",
    N_("Create a project filled with sample data") },
  { "check", command_check, "check FILE", N_("Check a project file (exit 0 good, 1 problems, 2 unusable)") },
  { "info", command_info, "info [--json] FILE", N_("List teams, diagrams, measures and counts") },
  { "team", tandem_cli_team, "team add|rename|list …",
    N_("Add, rename or list a project's teams") },
  { "measure", tandem_cli_measure, "measure add|set|list …",
    N_("Add a measure, change its settings, or list measures") },
  { "analyse", tandem_cli_analyse, "analyse [OPTIONS] FILE.csv|-",
    N_("Analyse a measure's data as a run or SPC chart; JSON out") },
  { "chart", tandem_cli_chart, "chart [OPTIONS] CSV… (--output FILE | --output-dir DIR)",
    N_("Draw a CSV file's chart as PDF, PNG or SVG, no project needed") },
  { "export", tandem_cli_export, "export KIND [OPTIONS] PROJECT",
    N_("Export charts, diagrams, sessions or summaries as PDF, PNG or SVG") },
  { "import", command_import, "import data|groups --measure NAME CSV PROJECT",
    N_("Add a CSV file's rows to a measure, or its data by group") },
  { "grouping", tandem_cli_grouping, "grouping add|relabel|list …",
    N_("Add a grouping (age band, sex…), relabel a group, or list them") },
  { "person", tandem_cli_person, "person add|list|edit|deactivate|merge|import",
    N_("Add, list, change, deactivate, merge or import a team's people") },
  { "standards", tandem_cli_standards, "standards round|import|evidence|priority|panel|teams|framework …",
    N_("Culture of Care standards: rounds, surveys, evidence, framework") },
  { "merge", tandem_cli_merge, "merge THEIRS INTO_MINE",
    N_("Bring another copy's changes into a project; conflicts are kept") },
  { "programme", tandem_cli_programme,
    "programme report --format pdf|md|json [--from D] [--to D] --output F FILE…|DIR",
    N_("Read teams' project files together into a programme report") },
};

#define USAGE_COLUMN 30

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: tandem-cli COMMAND [OPTIONS…] ARGUMENTS"));
  fprintf (stream, "%s\n", _("Commands:"));
  /* Columns are counted in characters, not bytes (“…” is three bytes); a
   * usage too long for its column has its summary on the next line. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      glong width = g_utf8_strlen (commands[i].usage, -1);

      if (width <= USAGE_COLUMN)
        fprintf (stream, "  %s%*s %s\n", commands[i].usage, (int) (USAGE_COLUMN - width), "",
                 _(commands[i].summary));
      else
        fprintf (stream, "  %s\n  %*s %s\n", commands[i].usage, USAGE_COLUMN, "",
                 _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Run “tandem-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tandem-cli");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("tandem-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, _("tandem-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
