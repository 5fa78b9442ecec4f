/* tandem-cli-export-groups.c — `tandem-cli export chart --view`: a project's broken-down measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts and words `chart --by-group` draws from a CSV file, drawn from
 * a project's measure broken down by group, with its phases and notes
 * (tandem-equity-measure.c). For sharing, --suppress hides small counts at
 * the project's own threshold, the one the app uses, unless told another.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-export-groups.h"
#include "tandem-cli-groups.h"
#include "tandem-cli-output.h"
#include "tandem-equity-measure.h"

/**
 * tandem_cli_export_groups:
 * @request: what to export
 * @fonts: (transfer full): the fonts being prepared for the export
 *
 * Returns: the exit status: 0 written, 2 a bad project or measure (one not
 *   broken down, or with no data by group), 1 the file could not be written
 */
int
tandem_cli_export_groups (const TandemCliExportGroups *request,
                          TandemExportFonts           *fonts)
{
  g_autoptr(TandemExportFonts) prepared = fonts;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemBreakdown) breakdown = NULL;
  g_autoptr(TandemEquityMeasure) equity = NULL;
  g_autoptr(TandemEquityChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *id = NULL;
  guint threshold = 0;

  project = tandem_project_open_for_reading (request->project, &error);
  if (project == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  file = g_path_get_basename (request->project);
  id = tandem_cli_find_measure (project, request->measure, request->team, &error);
  if (id == NULL)
    {
      if (!g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
        return tandem_cli_fail_reading (project, error);
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: %s", file, error->message);
    }
  breakdown = tandem_breakdown_get (project, id, &error);
  if (breakdown == NULL)
    {
      if (!g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
        return tandem_cli_fail_reading (project, error);
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                              _("%s: “%s” is not broken down by group: set how with "
                                "“tandem-cli measure breakdown --measure NAME”, then add its "
                                "data with “tandem-cli import groups”."),
                              file, request->measure);
    }
  equity = tandem_equity_measure_load (project, id, FALSE, &error);
  if (equity == NULL)
    {
      if (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
        return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                _("%s: “%s” has no data by group yet: add them with "
                                  "“tandem-cli import groups”."), file, request->measure);
      if (error->domain == TANDEM_PROJECT_ERROR)
        return tandem_cli_fail_reading (project, error);
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s: “%s”: %s", file, request->measure,
                              error->message);
    }

  if (request->suppress)
    threshold = request->threshold_given ? request->threshold
                                         : tandem_breakdown_get_threshold (project);
  chart = tandem_equity_measure_new_chart (equity, request->view, threshold, request->style, &error);
  if (chart == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("%s: “%s”: no chart made: %s"), file,
                            request->measure, error->message);

  tandem_export_fonts_install (g_steal_pointer (&prepared));
  if (!tandem_export_pages_confirmed (request->output, request->format, request->width,
                                      request->height, 1, request->dpi,
                                      tandem_equity_chart_draw_page, chart,
                                      tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail (error->domain == TANDEM_PROJECT_ERROR ||
                            (error->domain == TANDEM_EXPORT_ERROR &&
                             (error->code == TANDEM_EXPORT_ERROR_INVALID ||
                              error->code == TANDEM_EXPORT_ERROR_PROJECT))
                            ? TANDEM_CLI_BAD_INPUT : TANDEM_CLI_WRITE_ERROR,
                            "%s", error->message);
  if (request->suppress)
    g_printerr (_("%s: counts from 1 to %u are hidden, and the figures made from them; the "
                  "chart says so.\n"), request->output, threshold);
  return TANDEM_CLI_OK;
}
