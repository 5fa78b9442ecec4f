/* tandem-cli-export-peer-support.c — `tandem-cli export peer-support`: a
 * team's one-page implementation summary, or the caseload overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-export-peer-support.h"
#include "tandem-cli-output.h"
#include "tandem-export.h"
#include "tandem-peer-support-chart.h"
#include "tandem-project.h"
#include "tandem-team.h"

/**
 * tandem_cli_export_peer_support:
 * @argc: argument count; argv[0] is “peer-support”
 * @argv: the arguments
 *
 * `tandem-cli export peer-support [--team NAME] --format pdf|png|svg
 * --output FILE PROJECT`: with --team, the team's one-page implementation
 * summary (A4 portrait); without, the caseload overview of every team
 * (A4 landscape, twenty teams a page).
 *
 * Returns: the exit status: 0, or 2 for unusable input
 */
int
tandem_cli_export_peer_support (int    argc,
                                char **argv)
{
  g_autofree char *team = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  g_autofree char *team_id = NULL;
  double dpi = 150;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team,
      N_("The team whose one-page summary to export (default: every team's overview)"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, png or svg (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, or - for standard output (a PDF or PNG only when it is not a terminal)"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The date to report as of, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), N_("DPI") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemExportFonts) fonts = NULL;
  TandemExportFormat format;
  double width, height;
  gboolean ok;
  guint cut;
  int status = 0;

  g_option_context_set_summary (context, _("Export a team's peer-support implementation summary, "
                                           "or the caseload overview of every team."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tandem_cli_parse (context, &argc, &argv, 1, &status) ||
      !tandem_cli_output_and_format (output, &format_name, "pdf, png, svg", &status))
    return status;
  if (!tandem_export_format_from_string (format_name, &format))
    {
      fprintf (stderr, _("tandem-cli: “%s” is not a format: use pdf, png or svg\n"), format_name);
      return 2;
    }
  if (tandem_cli_refuse_output (output, format != TANDEM_EXPORT_SVG))
    return 2;
  if (today != NULL)
    {
      char iso[11];
      if (!tandem_peer_support_parse_date (today, iso, &error))
        {
          fprintf (stderr, "tandem-cli: %s\n", error->message);
          return 2;
        }
      g_free (today);
      today = g_strdup (iso);
    }

  /* fontconfig's configuration is read while the project is opened and
   * read (see tandem_export_prepare_fonts()). */
  fonts = tandem_export_prepare_fonts (format, 0, 0, dpi, NULL, NULL);

  /* The structural check runs while the summary is drawn; nothing is kept
   * unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return 2;
    }

  if (team != NULL)
    {
      g_autoptr(TandemPeerSupportReport) report = NULL;

      if ((team_id = tandem_cli_find_team_for_reading (project, team)) == NULL)
        return 2;
      report = tandem_peer_support_report_new (project, team_id, today, &error);
      if (report == NULL)
        return tandem_cli_fail_reading (project, error);
      tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
      tandem_export_fonts_install (g_steal_pointer (&fonts));
      ok = tandem_export_pages_confirmed (output, format, width, height, 1, dpi,
                                          tandem_peer_support_draw_summary_page, report,
                                          tandem_cli_confirm_intact, project, &error);
      if (ok && (cut = tandem_peer_support_summary_count_cut (report, width, height)) > 0)
        fprintf (stderr, ngettext ("%s: %u entry is cut short or left out to fit one page; "
                                   "the page says so.\n",
                                   "%s: %u entries are cut short or left out to fit one page; "
                                   "the page says so.\n", cut), output, cut);
    }
  else
    {
      g_autoptr(TandemPeerSupportCaseload) caseload = tandem_peer_support_caseload_new (project,
                                                                                        &error);
      if (caseload == NULL)
        return tandem_cli_fail_reading (project, error);
      tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
      tandem_export_fonts_install (g_steal_pointer (&fonts));
      ok = tandem_export_pages_confirmed (output, format, width, height,
                                          tandem_peer_support_caseload_n_pages (caseload), dpi,
                                          tandem_peer_support_draw_caseload_page, caseload,
                                          tandem_cli_confirm_intact, project, &error);
    }
  if (!ok)
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return 2;
    }
  return 0;
}
