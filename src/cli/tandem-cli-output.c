/* tandem-cli-output.c — what an export makes from a project opened for
 * reading is kept only once the project's structural check has passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exports open their project with tandem_project_open_for_reading(): the
 * structural check (which reads the whole file) runs on a second thread
 * while they read and draw, and nothing they made is kept until it passes:
 * each export's writer (tandem_export_file_commit()) asks
 * tandem_cli_confirm_intact() before the file replaces the one named.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "tandem-cli-output.h"
#include "tandem-team.h"

/**
 * tandem_cli_confirm_intact:
 * @project: a #TandemProject opened for reading
 * @error: return location for an error
 *
 * A #TandemExportConfirmFunc: waits for the project's structural check.
 *
 * Returns: whether the project is intact
 */
gboolean
tandem_cli_confirm_intact (gpointer   project,
                           GError   **error)
{
  return tandem_project_confirm_intact (TANDEM_PROJECT (project), error);
}

/**
 * tandem_cli_fail_if_damaged:
 * @project: a #TandemProject opened for reading
 *
 * For a read that failed or found nothing: if the project's structural check
 * failed, that explains it, so says so on standard error.
 *
 * Returns: %TRUE if the project is damaged (and it was said)
 */
gboolean
tandem_cli_fail_if_damaged (TandemProject *project)
{
  g_autoptr(GError) damage = NULL;

  if (tandem_project_confirm_intact (project, &damage))
    return FALSE;
  fprintf (stderr, "tandem-cli: %s\n", damage->message);
  return TRUE;
}

/**
 * tandem_cli_find_team_for_reading:
 * @project: a #TandemProject opened for reading
 * @name: the team's name, as the command line gave it
 *
 * Returns: (transfer full) (nullable): the id of the team called @name, or
 *   %NULL having said why on standard error: the project is damaged, or it
 *   has no such team
 */
char *
tandem_cli_find_team_for_reading (TandemProject *project,
                                  const char    *name)
{
  char *team_id = tandem_team_find (project, name);

  if (team_id == NULL && !tandem_cli_fail_if_damaged (project))
    fprintf (stderr, _("tandem-cli: the project has no team called “%s”\n"), name);
  return team_id;
}

/**
 * tandem_cli_fail_reading:
 * @project: a #TandemProject opened for reading
 * @error: what went wrong reading it
 *
 * Reading a damaged file can fail before its check ends: the check's verdict
 * says more than SQLite's “malformed”. Says one or the other.
 *
 * Returns: 2, the exit status for an unusable project
 */
int
tandem_cli_fail_reading (TandemProject *project,
                         const GError  *error)
{
  if (!tandem_cli_fail_if_damaged (project))
    fprintf (stderr, "tandem-cli: %s\n", error->message);
  return 2;
}

/**
 * tandem_cli_refuse_output:
 * @output: the --output given
 * @binary: whether the format is binary (PDF, PNG)
 *
 * “-” writes to standard output; a binary format is refused there when it is
 * a terminal (a pipe or a file is fine), with a message on standard error.
 *
 * Returns: %TRUE if @output is refused (and it was said)
 */
gboolean
tandem_cli_refuse_output (const char *output,
                          gboolean    binary)
{
  if (!g_str_equal (output, "-") || !binary || !isatty (STDOUT_FILENO))
    return FALSE;
  fprintf (stderr, "tandem-cli: %s\n",
           _("A PDF or PNG is not written to a terminal: redirect standard output to a file "
             "or a pipe, or give --output FILE."));
  return TRUE;
}
