/* tandem-cli-export-sessions.c — `tandem-cli export sessions`: a team's
 * coaching log as PDF or Markdown, or its sessions as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-export-sessions.h"
#include "tandem-cli-output.h"
#include "tandem-coaching-render.h"
#include "tandem-date.h"
#include "tandem-project.h"
#include "tandem-team.h"

/* Exactly YYYY-MM-DD, as the date is used as typed. */
static gboolean
valid_date (const char *text)
{
  char date[11];

  return tandem_parse_iso_date (text, date) && g_str_equal (text, date);
}

/**
 * tandem_cli_sessions_format:
 * @output: the --output given, or %NULL
 * @format_name: (inout): the --format given, or %NULL to take it from
 *   @output's name
 * @format: (out): the format it names
 * @status: (out): the exit status, when it returns %FALSE
 *
 * Reads the format of a sessions export, saying why on standard error when
 * there is none.
 *
 * Returns: %TRUE with *@format set
 */
gboolean
tandem_cli_sessions_format (const char            *output,
                            char                 **format_name,
                            TandemSessionsFormat  *format,
                            int                   *status)
{
  if (!tandem_cli_output_and_format (output, format_name, "pdf, md, txt, ics", status))
    return FALSE;
  if (tandem_sessions_format_from_string (*format_name, format))
    return TRUE;
  *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("“%s” is not a format: use pdf, md, txt or ics"),
                             *format_name);
  return FALSE;
}

/**
 * tandem_cli_export_sessions:
 * @argc: argument count; argv[0] is “sessions”
 * @argv: the arguments
 *
 * `tandem-cli export sessions --team NAME [--from DATE] [--to DATE]
 * --format pdf|md|ics --output FILE PROJECT`. Sessions marked private are
 * left out unless --include-private is given.
 *
 * Returns: the exit status: 0, or 2 for unusable input
 */
int
tandem_cli_export_sessions (int    argc,
                            char **argv)
{
  g_autofree char *team = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *team_id = NULL;
  gboolean include_private = FALSE;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team whose sessions to export"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day, YYYY-MM-DD"), N_("DATE") },
    TANDEM_CLI_SESSIONS_OUTPUT_OPTIONS (format_name, output),
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("Include sessions marked private (left out by default)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  int status = 0;
  TandemSessionsFormat format;

  g_option_context_set_summary (context, _("Export a team's coaching log as PDF or Markdown, "
                                           "or its sessions as an iCalendar (.ics) file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (team == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say whose sessions to export with --team NAME."));
  if (!tandem_cli_sessions_format (output, &format_name, &format, &status))
    return status;
  if ((from && !valid_date (from)) || (to && !valid_date (to)))
    {
      fprintf (stderr, _("tandem-cli: give dates as YYYY-MM-DD, for example 2026-11-01\n"));
      return 2;
    }
  if (tandem_cli_refuse_output (output, format == TANDEM_SESSIONS_PDF))
    return 2;

  /* The structural check runs while the log is made; nothing is kept
   * unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return 2;
    }
  if ((team_id = tandem_cli_find_team_for_reading (project, team)) == NULL)
    return 2;
  if (!tandem_coaching_export_log_confirmed (project, team_id, from, to, include_private, format,
                                             output, tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail_reading (project, error);
  return 0;
}
