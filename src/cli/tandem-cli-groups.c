/* tandem-cli-groups.c — measures broken down by group in a project: `measure breakdown`, `import groups`, `grouping …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measure's breakdown (which grouping, rate or proportion, per how many,
 * the denominator's name, the domain, the reference group), its data by
 * group from a long or wide CSV file, and the project's own groupings.
 * Each command is one undoable change; a bad value or row is refused
 * (exit 2, every bad row named with its line) before anything is changed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tandem-breakdown.h"
#include "tandem-cli-common.h"
#include "tandem-cli-groups.h"
#include "tandem-enums.h"
#include "tandem-measure.h"
#include "tandem-stored-enums.h"
#include "tandem-table-import.h"
#include "tandem-team.h"

/**
 * tandem_cli_find_measure:
 * @project: a project
 * @name: a measure's name
 * @team: (nullable): its team's name
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the id of the measure called @name,
 *   in @team if given (names are unique within a team only)
 */
char *
tandem_cli_find_measure (TandemProject  *project,
                         const char     *name,
                         const char     *team,
                         GError        **error)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *team_id = NULL;

  if (team == NULL)
    return tandem_measure_find (project, name, error);
  team_id = tandem_team_find (project, team);
  if (team_id == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("There is no team called “%s”."), team);
      return NULL;
    }
  measures = tandem_measure_list (project, team_id, error);
  if (measures == NULL)
    return NULL;
  for (guint i = 0; i < measures->len; i++)
    {
      const TandemMeasure *measure = measures->pdata[i];

      if (g_strcmp0 (measure->name, name) == 0)
        return g_strdup (measure->id);
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
               _("The team “%s” has no measure called “%s”."), team, name);
  return NULL;
}

static gboolean
word_of (GType       type,
         const char *word,
         int        *value)
{
  return word == NULL || tandem_stored_enum_from_word (type, word, value);
}

/* Sets @project's small-number threshold and says what it means. */
static int
set_threshold (TandemProject *project,
               const char    *path,
               guint          threshold)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_breakdown_set_threshold (project, threshold, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", path, error->message);
  printf (_("The small-number threshold is %u: exports for sharing hide counts from 1 to %u "
            "(“fewer than %u”)\n"), threshold, threshold, threshold + 1);
  return 0;
}

/**
 * tandem_cli_measure_breakdown:
 * @argc: argument count, from “breakdown”
 * @argv: arguments
 *
 * `tandem-cli measure breakdown --measure NAME [--team TEAM] [--grouping NAME]
 * [--kind rate|proportion] [--per N] [--denominator TEXT]
 * [--domain access|experience|outcomes] [--reference GROUP] [--threshold N]
 * PROJECT`: breaks a measure down by a grouping (Ethnicity unless told), or
 * changes how. Settings not given keep their values (or take the defaults: a
 * rate per 1,000, outcomes, the grouping's first group as the reference). `--threshold N` sets the
 * project's small-number threshold, for every measure: with it alone, no
 * measure is needed.
 *
 * Returns: the exit status: 0 saved, 2 bad arguments or values
 */
int
tandem_cli_measure_breakdown (int    argc,
                              char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemBreakdown) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *team = NULL;
  g_autofree char *grouping = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *per_text = NULL;
  g_autofree char *denominator = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *threshold_text = NULL;
  g_autofree char *measure_id = NULL;
  g_autofree char *grouping_id = NULL;
  g_autofree char *reference_id = NULL;
  TandemBreakdown settings = { 0 };
  int kind_value = TANDEM_BREAKDOWN_RATE, domain_value = TANDEM_BREAKDOWN_OUTCOMES;
  guint64 threshold = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &name, N_("The measure's name"), "NAME" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The measure's team, where names repeat"), "TEAM" },
    { "grouping", 0, 0, G_OPTION_ARG_STRING, &grouping,
      N_("Ethnicity (the default), \"Ethnicity (broad groups)\" or one of the project's own"), "NAME" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("rate (events per exposure, the default) or proportion (people with the event)"), "KIND" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &per_text,
      N_("The rate is per N of the denominator (default 1000; 100 for proportions)"), "N" },
    { "denominator", 0, 0, G_OPTION_ARG_STRING, &denominator,
      N_("What the denominator is, such as \"occupied bed days\""), "TEXT" },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain,
      N_("access, experience or outcomes (the default)"), "DOMAIN" },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The group the others are compared with, by code or label"), "GROUP" },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &threshold_text,
      N_("The project's small-number threshold: exports for sharing hide counts from 1 to N"), "N" },
    { NULL }
  };

  if (!tandem_cli_parse_options ("PROJECT",
                                 _("Break a measure down by group (ethnicity unless told), "
                                   "or change how."),
                                 entries, &argc, &argv, 1, &status))
    return status;
  if (threshold_text != NULL &&
      !g_ascii_string_to_unsigned (threshold_text, 10, 1, TANDEM_BREAKDOWN_MAX_THRESHOLD,
                                   &threshold, NULL))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("--threshold: “%s” is not a whole number from 1 to %u."),
                            threshold_text, TANDEM_BREAKDOWN_MAX_THRESHOLD);
  if (name == NULL && threshold_text == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which measure to break down with --measure NAME, "
                              "or set --threshold N."));
  if (name == NULL && (grouping || kind || per_text || denominator || domain || reference))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which measure to break down with --measure NAME."));
  if (!word_of (TANDEM_TYPE_BREAKDOWN_KIND, kind, &kind_value))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("Unknown kind “%s”: use rate or proportion."), kind);
  if (!word_of (TANDEM_TYPE_BREAKDOWN_DOMAIN, domain, &domain_value))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("Unknown domain “%s”: use access, experience or outcomes."), domain);
  settings.per = NAN;
  if (per_text != NULL && (!tandem_parse_number (per_text, FALSE, &settings.per) ||
                           isnan (settings.per) || settings.per <= 0))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("--per: “%s” is not a number above 0, such as 1000."), per_text);

  project = tandem_project_open (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  if (name == NULL)
    return set_threshold (project, argv[1], (guint) threshold);
  measure_id = tandem_cli_find_measure (project, name, team, &error);
  if (measure_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  old = tandem_breakdown_get (project, measure_id, &error);
  if (old == NULL && !g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  g_clear_error (&error);

  if (grouping != NULL)
    {
      grouping_id = tandem_grouping_find (project, grouping, &error);
      if (grouping_id == NULL)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
    }
  else
    grouping_id = g_strdup (old ? old->grouping_id : TANDEM_GROUPING_ETHNICITY);
  if (reference != NULL)
    {
      reference_id = tandem_group_category_find (project, grouping_id, reference, &error);
      if (reference_id == NULL)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: --reference: %s", argv[1], error->message);
    }
  else if (old != NULL && g_str_equal (old->grouping_id, grouping_id))
    reference_id = g_strdup (old->reference_id);
  /* As the app does: the grouping's first group (White British, or White)
   * until someone says otherwise. */
  if (reference_id == NULL)
    reference_id = tandem_grouping_default_reference (project, grouping_id);

  settings.measure_id = measure_id;
  settings.grouping_id = grouping_id;
  settings.kind = kind || old == NULL ? (TandemBreakdownKind) kind_value : old->kind;
  if (per_text == NULL && old != NULL && settings.kind == old->kind)
    settings.per = old->per;
  settings.denominator_name = denominator ? denominator : old ? old->denominator_name : NULL;
  settings.domain = domain || old == NULL ? (TandemBreakdownDomain) domain_value : old->domain;
  settings.reference_id = reference_id;
  if (!tandem_breakdown_set (project, &settings, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  {
    g_autofree char *grouping_name = tandem_project_get_text (project, TANDEM_ENTITY_GROUPING,
                                                              grouping_id, TANDEM_FIELD_GROUPING_NAME);

    printf (_("“%s” is broken down by %s\n"), name, grouping_name ? grouping_name : grouping_id);
  }
  return threshold_text ? set_threshold (project, argv[1], (guint) threshold) : 0;
}

/**
 * tandem_cli_import_groups:
 * @argc: argument count, from “import”
 * @argv: arguments; argv[1] is “groups”
 *
 * `tandem-cli import groups --measure NAME [--team TEAM] CSV PROJECT`: adds a
 * broken-down measure's data by group from a long CSV file (date, group,
 * count, denominator) or a wide one (a date column, then a column per
 * group, with a denominator column or one per group), as one change; a
 * period and group the measure has already is replaced. If any row is bad,
 * every bad row is listed with its line and nothing is imported.
 *
 * Returns: the exit status: 0 imported, 2 bad arguments or bad rows
 */
int
tandem_cli_import_groups (int    argc,
                          char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemBreakdownImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *team = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *measure_id = NULL;
  g_autofree char *label = NULL;
  gsize length;
  int status = 0;
  GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &name, N_("The measure's name"), "NAME" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The measure's team, where names repeat"), "TEAM" },
    { NULL }
  };

  if (!tandem_cli_parse_options ("groups CSV PROJECT",
                                 _("Add a broken-down measure's data by group from a CSV file: "
                                   "long (date, group, count, denominator) or wide (a date, then "
                                   "a column per group, with a denominator column or one per "
                                   "group). Set the breakdown first with “measure breakdown”."),
                                 entries, &argc, &argv, 3, &status))
    return status;
  if (name == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which measure the data are for with --measure NAME."));

  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);

  project = tandem_project_open (argv[3], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  measure_id = tandem_cli_find_measure (project, name, team, &error);
  if (measure_id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[3], error->message);
  import = tandem_breakdown_read_table (project, measure_id, table, &error);
  if (import == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: “%s”: %s", argv[3], name, error->message);

  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];

      fprintf (stderr, _("%s: line %u: %s\n"), argv[2], problem->line, problem->reason);
    }
  if (import->problems->len > 0)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: nothing was imported: fix the rows above."),
                            argv[2]);

  label = g_strdup_printf (ngettext ("Import %u row by group", "Import %u rows by group",
                                    import->rows->len), import->rows->len);
  if (!tandem_breakdown_save_rows (project, measure_id, import->rows, label, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  printf (ngettext ("Imported %u row by group into “%s”\n", "Imported %u rows by group into “%s”\n",
                    import->rows->len), import->rows->len, name);
  return 0;
}

static int
grouping_add (int    argc,
              char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *not_stated = NULL;
  g_autofree char *id = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_STRING_ARRAY, &groups, N_("A group's label (give two or more)"), "LABEL" },
    { "not-stated", 0, 0, G_OPTION_ARG_STRING, &not_stated,
      N_("A group for people whose group was not recorded, such as \"Not known\""), "LABEL" },
    { NULL }
  };

  if (!tandem_cli_parse_options ("NAME PROJECT",
                                 _("Add a grouping of the project's own (age band, sex…)."),
                                 entries, &argc, &argv, 2, &status))
    return status;
  project = tandem_project_open (argv[2], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  id = tandem_grouping_add (project, argv[1], (const char * const *) (groups ? groups : (char *[]) { NULL }),
                            not_stated, &error);
  if (id == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[2], error->message);
  printf (_("Added the grouping “%s”\n"), g_strstrip (argv[1]));
  return 0;
}

static int
grouping_relabel (int    argc,
                  char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grouping_id = NULL;
  g_autofree char *category_id = NULL;
  int status = 0;

  if (!tandem_cli_parse_options ("GROUPING GROUP NEW_LABEL PROJECT",
                                 _("Change a group's label (its code stays)."),
                                 NULL, &argc, &argv, 4, &status))
    return status;
  project = tandem_project_open (argv[4], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  if ((grouping_id = tandem_grouping_find (project, argv[1], &error)) == NULL ||
      (category_id = tandem_group_category_find (project, grouping_id, argv[2], &error)) == NULL ||
      !tandem_group_category_set_label (project, category_id, argv[3], &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[4], error->message);
  printf (_("Relabelled “%s” as “%s”\n"), argv[2], g_strstrip (argv[3]));
  return 0;
}

static int
grouping_list (int    argc,
               char **argv)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) groupings = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!tandem_cli_parse_options ("PROJECT",
                                 _("List the groupings and their groups, one a line: grouping, "
                                   "code, label, broad group, “not stated” if so, separated by tabs."),
                                 NULL, &argc, &argv, 1, &status))
    return status;
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL || !tandem_project_confirm_intact (project, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  groupings = tandem_grouping_list (project, &error);
  if (groupings == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
  for (guint g = 0; g < groupings->len; g++)
    {
      const TandemGrouping *grouping = groupings->pdata[g];
      g_autoptr(GPtrArray) categories = tandem_grouping_list_categories (project, grouping->id, &error);

      if (categories == NULL)
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", argv[1], error->message);
      for (guint i = 0; i < categories->len; i++)
        {
          const TandemGroupCategory *category = categories->pdata[i];
          const char *broad = category->broad_group < TANDEM_N_BROAD_GROUPS
                              ? tandem_broad_group_get_label (category->broad_group) : "";

          printf ("%s\t%s\t%s\t%s\t%s\n", grouping->name, category->code ? category->code : "",
                  category->label, broad, category->not_stated ? "not stated" : "");
        }
    }
  return 0;
}

/**
 * tandem_cli_grouping:
 * @argc: argument count, from “grouping”
 * @argv: arguments; argv[1] is add, relabel or list
 *
 * Returns: the exit status: 0 done, 2 bad arguments or values (nothing changed)
 */
int
tandem_cli_grouping (int    argc,
                     char **argv)
{
  static const char usage[] =
    N_("Usage: tandem-cli grouping add NAME --group LABEL --group LABEL… [--not-stated LABEL] PROJECT\n"
       "       tandem-cli grouping relabel GROUPING GROUP NEW_LABEL PROJECT\n"
       "       tandem-cli grouping list PROJECT");
  static const struct { const char *name; int (*func) (int, char **); } subcommands[] = {
    { "add", grouping_add }, { "relabel", grouping_relabel }, { "list", grouping_list },
  };
  gboolean help = argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].func (argc - 1, argv + 1);
  fprintf (help ? stdout : stderr, "%s\n", _(usage));
  if (help)
    return 0;
  if (argc >= 2)
    fprintf (stderr, _("tandem-cli: there is no “grouping %s”\n"), argv[1]);
  return TANDEM_CLI_BAD_INPUT;
}
