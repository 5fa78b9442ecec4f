/* tandem-cli-export-diagram.c — `tandem-cli export diagram`: a team's driver
 * diagram on one page, or as a poster of four pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-export-diagram.h"
#include "tandem-cli-output.h"
#include "tandem-diagram-layout.h"
#include "tandem-export.h"
#include "tandem-project.h"
#include "tandem-team.h"


/**
 * tandem_cli_export_diagram:
 * @argc: argument count; argv[0] is “diagram”
 * @argv: the arguments
 *
 * `tandem-cli export diagram --team NAME [--diagram NAME] --format
 * pdf|png|svg [--paper a4|a3] [--poster] [--authorship] [--high-contrast]
 * --output FILE PROJECT`: the team's diagram (its first, or the one named)
 * fitted to one landscape page, or with --poster tiled across 2 × 2 pages
 * (PDF only) with overlap and alignment marks. With --authorship each item
 * says who added it and who last changed it, as the app shows with "Show who
 * added what"; --high-contrast draws it black on white, as the app does in
 * high contrast. Drawn by the same code as the app's canvas and printing.
 *
 * Returns: the exit status: 0, or 2 for unusable input
 */
int
tandem_cli_export_diagram (int    argc,
                           char **argv)
{
  g_autofree char *team = NULL;
  g_autofree char *diagram_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *team_id = NULL;
  g_autofree char *diagram_id = NULL;
  gboolean poster = FALSE;
  gboolean authorship = FALSE;
  gboolean high_contrast = FALSE;
  double dpi = 150;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team whose diagram to export"), N_("NAME") },
    { "diagram", 0, 0, G_OPTION_ARG_STRING, &diagram_name,
      N_("Which of the team's diagrams (default: its first)"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, png or svg (default: from the file name)"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or a3 (default a3, or a4 for a poster)"),
      N_("PAPER") },
    { "poster", 0, 0, G_OPTION_ARG_NONE, &poster, N_("Tile the diagram across 2 × 2 pages (PDF)"), NULL },
    { "authorship", 0, 0, G_OPTION_ARG_NONE, &authorship,
      N_("Write in each item who added it and who last changed it"), NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast,
      N_("Black on white, groups told apart by pattern"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, or - for standard output (a PDF or PNG only when it is not a terminal)"), N_("FILE") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), N_("DPI") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemDiagram) diagram = NULL;
  g_autoptr(TandemDiagramLayout) layout = NULL;
  g_autoptr(TandemDiagramPages) pages = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) credits = NULL;
  TandemExportFormat format;
  TandemPaper paper;
  double width, height;
  int status = 0;

  g_option_context_set_summary (context, _("Export a team's driver diagram on one page, or as a "
                                           "poster tiled across four pages."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (team == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say whose diagram to export with --team NAME."));
  if (!tandem_cli_output_and_format (output, &format_name, "pdf, png, svg", &status))
    return status;
  if (!tandem_export_format_from_string (format_name, &format))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("--format must be pdf, png or svg."));
  if (!tandem_paper_from_string (paper_name ? paper_name : (poster ? "a4" : "a3"), &paper))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("--paper must be a4 or a3."));
  if (poster && format != TANDEM_EXPORT_PDF)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("A poster has four pages: export it as PDF (--format pdf)."));
  if (tandem_cli_refuse_output (output, format != TANDEM_EXPORT_SVG))
    return 2;

  /* The structural check runs while the diagram is drawn; nothing is kept
   * unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  team_id = tandem_team_find (project, team);
  if (team_id == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no team called “%s” in %s."), team, argv[1]);
      return tandem_cli_fail_if_damaged (project) ? 2 : tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", message);
    }
  ids = tandem_diagram_list (project, team_id, &names);
  for (guint i = 0; i < ids->len && diagram_id == NULL; i++)
    if (diagram_name == NULL || g_strcmp0 (names->pdata[i], diagram_name) == 0)
      diagram_id = g_strdup (ids->pdata[i]);
  if (diagram_id == NULL)
    {
      g_autofree char *message = diagram_name
        ? g_strdup_printf (_("%s has no diagram called “%s”."), team, diagram_name)
        : g_strdup_printf (_("%s has no driver diagram yet."), team);
      return tandem_cli_fail_if_damaged (project) ? 2 : tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", message);
    }

  diagram = tandem_diagram_load (project, diagram_id, &error);
  if (diagram == NULL)
    return tandem_cli_fail_reading (project, error);
  if (authorship)
    credits = tandem_diagram_authorship (project, diagram_id);
  layout = tandem_diagram_layout_new_full (diagram, NULL, credits);
  pages = tandem_diagram_pages_new (layout, tandem_diagram_get_name (diagram), team,
                                    poster ? 2 : 1, poster ? 2 : 1);
  tandem_diagram_pages_set_high_contrast (pages, high_contrast);
  tandem_paper_get_size (paper, TRUE, &width, &height);
  if (!tandem_export_pages_confirmed (output, format, width, height,
                                      tandem_diagram_pages_get_n_pages (pages), dpi,
                                      tandem_diagram_draw_page, pages,
                                      tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  /* With “-”, standard output holds the diagram itself. */
  if (!g_str_equal (output, "-"))
    printf (_("Wrote %s\n"), output);
  return 0;
}
