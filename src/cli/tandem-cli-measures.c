/* tandem-cli-measures.c — `tandem-cli export chart` and `tandem-cli import data`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same analysis and the same cairo drawing as the app's Measures page:
 * the chart a script exports is the chart a person prints.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-analyse-groups.h"
#include "tandem-cli-export-groups.h"
#include "tandem-cli-groups.h"
#include "tandem-change.h"
#include "tandem-chart.h"
#include "tandem-cli-measures.h"
#include "tandem-cli-output.h"
#include "tandem-export.h"
#include "tandem-measure.h"
#include "tandem-project.h"
#include "tandem-table-import.h"
#include "tandem-team.h"

/* --suppress[=N]: hide small counts, at N or the project's threshold. */
static gboolean
suppress_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  TandemCliExportGroups *request = data;

  request->suppress = TRUE;
  request->threshold_given = value != NULL;
  return tandem_cli_groups_parse_threshold (value, &request->threshold, error);
}

/**
 * tandem_cli_export_chart:
 * @argc: argument count, from “chart”
 * @argv: arguments
 *
 * `tandem-cli export chart --measure NAME [--team TEAM] [--view groups|disparity
 * [--suppress[=N]]] --format pdf|png|svg [--paper a4|a3]
 * [--style print|screen|high-contrast] [--dpi N] --output FILE PROJECT`: the
 * measure's run or SPC chart, or with --view, a broken-down measure's small
 * multiples or disparity chart (tandem-cli-export-groups.c)
 *
 * Returns: the exit status: 0 written, 2 bad arguments or project, 1 the
 *   file could not be written
 */
int
tandem_cli_export_chart (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT");
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(TandemExportFonts) fonts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *style_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *id = NULL;
  g_autofree char *team = NULL;
  g_autofree char *view = NULL;
  TandemCliExportGroups groups = { NULL };
  TandemExportFormat format;
  TandemPaper paper = TANDEM_PAPER_A4;
  TandemChartStyle style = TANDEM_CHART_STYLE_PRINT;
  double dpi = 150, width, height;
  int status = 0;
  GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &name, N_("The measure's name"), "NAME" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The measure's team, where names repeat"), "TEAM" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("For a measure broken down by group: groups (a panel per group) or disparity (the "
         "ratio to the reference group per quarter)"), "VIEW" },
    { "suppress", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) suppress_cb,
      N_("With --view, for sharing: hide counts from 1 to N (default: the project's threshold, "
         "4 unless set) and the figures made from them"), "[N]" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, png or svg (default: from the file name)"), "FORMAT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 (the default) or a3, landscape"), "PAPER" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("print (the default), screen or high-contrast"), "STYLE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), "DPI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, or - for standard output (a PDF or PNG only when it is not a terminal)"), "FILE" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Export a measure's run or SPC chart as PDF, PNG or SVG; "
                                           "with --view, a broken-down measure's charts by group."));
  {
    GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, &groups, NULL);

    g_option_group_add_entries (group, entries);
    g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
    g_option_context_set_main_group (context, group);
  }
  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (name == NULL)
    return tandem_cli_fail (2, "%s", _("Say which measure to export with --measure NAME."));
  if (output == NULL)
    return tandem_cli_fail (2, "%s", _("Say where to write the chart with --output FILE."));
  if (view != NULL && g_str_equal (view, "groups"))
    groups.view = TANDEM_EQUITY_VIEW_GROUPS;
  else if (view != NULL && g_str_equal (view, "disparity"))
    groups.view = TANDEM_EQUITY_VIEW_DISPARITY;
  else if (view != NULL)
    return tandem_cli_fail (2, _("--view “%s”: use groups or disparity."), view);
  else if (groups.suppress)
    return tandem_cli_fail (2, "%s", _("--suppress goes with --view groups or --view disparity: "
                                       "a run chart has no counts by group to hide."));
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');
      format_name = g_ascii_strdown (dot ? dot + 1 : "", -1);
    }
  if (!tandem_export_format_from_string (format_name, &format))
    return tandem_cli_fail (2, _("Unknown format “%s”: use pdf, png or svg."), format_name);
  if (tandem_cli_refuse_output (output, format != TANDEM_EXPORT_SVG))
    return 2;
  if (paper_name && !tandem_paper_from_string (paper_name, &paper))
    return tandem_cli_fail (2, _("Unknown paper “%s”: use a4 or a3."), paper_name);
  if (style_name == NULL || g_str_equal (style_name, "print"))
    style = TANDEM_CHART_STYLE_PRINT;
  else if (g_str_equal (style_name, "screen"))
    style = TANDEM_CHART_STYLE_SCREEN;
  else if (g_str_equal (style_name, "high-contrast"))
    style = TANDEM_CHART_STYLE_HIGH_CONTRAST;
  else
    return tandem_cli_fail (2, _("Unknown style “%s”: use print, screen or high-contrast."), style_name);

  /* Fonts are found and loaded on a second thread while the project is
   * opened and the data analysed (see tandem_export_prepare_fonts()). */
  tandem_paper_get_size (paper, TRUE, &width, &height);
  fonts = tandem_export_prepare_fonts (format, width, height, dpi, tandem_chart_warm_fonts,
                                       GINT_TO_POINTER (style));

  if (view != NULL)
    {
      groups.project = argv[1];
      groups.measure = name;
      groups.team = team;
      groups.format = format;
      groups.width = width;
      groups.height = height;
      groups.dpi = dpi;
      groups.style = style;
      groups.output = output;
      return tandem_cli_export_groups (&groups, g_steal_pointer (&fonts));
    }

  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (2, "%s", error->message);
  id = tandem_cli_find_measure (project, name, team, &error);
  if (id == NULL)
    return tandem_cli_fail_reading (project, error);
  measure = tandem_measure_load (project, id, &error);
  if (measure == NULL)
    return tandem_cli_fail_reading (project, error);

  chart = tandem_chart_new (measure);
  tandem_chart_set_style (chart, style);
  tandem_export_fonts_install (g_steal_pointer (&fonts));
  if (!tandem_export_pages_confirmed (output, format, width, height, 1, dpi,
                                      tandem_chart_draw_page, chart,
                                      tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail (error->domain == TANDEM_PROJECT_ERROR ||
                 error->code == TANDEM_EXPORT_ERROR_INVALID ||
                 error->code == TANDEM_EXPORT_ERROR_PROJECT ? 2 : 1, "%s", error->message);
  if (tandem_chart_get_notes_cut (chart) > 0)
    g_printerr (ngettext ("%s: %u note is too long to show in full on the chart; the chart says so.\n",
                          "%s: %u notes are too long to show in full on the chart; the chart says so.\n",
                          tandem_chart_get_notes_cut (chart)),
                output, tandem_chart_get_notes_cut (chart));
  return 0;
}

static gboolean
date_format_from_string (const char       *name,
                         TandemDateFormat *format)
{
  static const struct { const char *name; TandemDateFormat format; } formats[] = {
    { "auto", TANDEM_DATE_AUTO }, { "iso", TANDEM_DATE_ISO }, { "dmy", TANDEM_DATE_DMY },
    { "mdy", TANDEM_DATE_MDY }, { "my", TANDEM_DATE_MY }, { "excel", TANDEM_DATE_EXCEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * tandem_cli_import:
 * @argc: argument count, from “import”
 * @argv: arguments; argv[1] is the kind (“data”)
 *
 * `tandem-cli import data --measure NAME [--date-format F] [--decimal-comma]
 * [--skip-bad] CSV PROJECT`: adds a CSV file's rows to a measure as one edit
 * (undoable in the app). If any row is bad, every bad row is listed with its
 * line and nothing is imported, unless --skip-bad.
 *
 * Returns: the exit status: 0 imported, 2 bad arguments or bad rows
 */
/* A measure made by an import says which way is better, as the person said. */
static gboolean
set_direction (TandemProject       *project,
               const char          *id,
               TandemSpcDirection   direction,
               GError             **error)
{
  g_autofree char *shown = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE, id,
                                                    TANDEM_FIELD_MEASURE_DIRECTION);

  return tandem_measure_set_field (project, id, TANDEM_FIELD_MEASURE_DIRECTION, shown,
                                   tandem_value_text (tandem_spc_direction_to_string (direction)),
                                   error);
}

int
tandem_cli_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("data CSV PROJECT");
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date_format = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *team = NULL;
  g_autofree char *direction_word = NULL;
  TandemSpcDirection direction = TANDEM_SPC_DIRECTION_NEUTRAL;
  gboolean decimal_comma = FALSE, skip_bad = FALSE, create = FALSE;
  TandemImportOptions options;
  gsize length;
  int status = 0;
  GOptionEntry entries[] = {
    { "measure", 0, 0, G_OPTION_ARG_STRING, &name, N_("The measure's name"), "NAME" },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("auto (the default), iso, dmy, mdy, my or excel"), "FORMAT" },
    { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &decimal_comma, N_("Numbers are written 3,5"), NULL },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad, N_("Import the good rows even if some are bad"), NULL },
    { "create", 0, 0, G_OPTION_ARG_NONE, &create,
      N_("Make the measure (a run chart) in the team given by --team if there is none of that name"), NULL },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("With --create: the new measure's team"), "TEAM" },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction_word,
      N_("With --create: which way is better, increase, decrease or neutral"), "DIRECTION" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Add a CSV file's rows to a measure. The columns are found by "
                                  "their names (date, value, denominator, note), else the first "
                                  "two are the date and the value."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tandem_cli_parse (context, &argc, &argv, 3, &status))
    return status;
  if (!g_str_equal (argv[1], "data"))
    return tandem_cli_fail (2, _("There is no import of “%s”: use “import data” or “import groups”."), argv[1]);
  if (name == NULL)
    return tandem_cli_fail (2, "%s", _("Say which measure the data are for with --measure NAME."));
  if (create && team == NULL)
    return tandem_cli_fail (2, "%s", _("Say which team a new measure is for with --team TEAM."));
  /* No silent default: “higher is better” is wrong for every harm measure. */
  if (create && direction_word == NULL)
    return tandem_cli_fail (2, "%s", _("Say which way is better for a new measure with --direction "
                                       "increase, decrease or neutral (decrease for harms such as "
                                       "restraint or incidents)."));
  if (direction_word != NULL && !tandem_spc_direction_from_string (direction_word, &direction))
    return tandem_cli_fail (2, _("--direction: “%s” is not increase, decrease or neutral"),
                            direction_word);

  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return tandem_cli_fail (2, "%s", error->message);
  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    return tandem_cli_fail (2, "%s: %s", argv[2], error->message);
  tandem_table_guess_options (table, &options);
  if (decimal_comma)
    options.decimal_comma = TRUE;
  if (date_format && !date_format_from_string (date_format, &options.date_format))
    return tandem_cli_fail (2, _("Unknown date format “%s”: use auto, iso, dmy, mdy, my or excel."), date_format);
  import = tandem_table_import (table, &options);

  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];
      fprintf (stderr, _("%s: line %u: %s\n"), argv[2], problem->line, problem->reason);
    }
  if (import->problems->len > 0 && !skip_bad)
    return tandem_cli_fail (2, _("Nothing was imported: fix the rows above, or use --skip-bad to import "
                      "the %u good rows."), import->rows->len);
  if (import->rows->len == 0)
    return tandem_cli_fail (2, "%s", _("Nothing to import: the file has no rows of data."));

  project = tandem_project_open (argv[3], &error);
  if (project == NULL)
    return tandem_cli_fail (2, "%s", error->message);
  id = tandem_measure_find (project, name, create ? NULL : &error);
  if (id == NULL && !create)
    return tandem_cli_fail (2, "%s", error->message);
  label = g_strdup_printf (ngettext ("Import %u data point", "Import %u data points",
                                     import->rows->len), import->rows->len);
  if (id == NULL)
    {
      /* The new measure and its data are one change: one undo takes both. */
      g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
      g_autofree char *team_id = tandem_team_find (project, team);
      g_autofree char *create_label = NULL;

      if (team_id == NULL)
        return tandem_cli_fail (2, _("%s: there is no team called “%s”"), argv[3], team);
      create_label = g_strdup_printf (_("Add the measure “%s” with its data"), name);
      if (!tandem_change_begin (&change, project, create_label, &error) ||
          (id = tandem_measure_add (project, team_id, name, &error)) == NULL ||
          !set_direction (project, id, direction, &error) ||
          !tandem_import_save (project, id, import, label, &error) ||
          !tandem_change_commit (&change, &error))
        return tandem_cli_fail (2, "%s", error->message);
      printf (_("Added measure “%s” to team “%s”\n"), name, team);
    }
  else if (!tandem_import_save (project, id, import, label, &error))
    return tandem_cli_fail (2, "%s", error->message);
  printf (ngettext ("Imported %u data point into “%s”\n", "Imported %u data points into “%s”\n",
                    import->rows->len), import->rows->len, name);
  return 0;
}
