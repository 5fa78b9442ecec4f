/* tandem-cli-output.c — what an export makes from a project opened for
 * reading is kept only once the project's structural check has passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exports open their project with tandem_project_open_for_reading(): the
 * structural check (which reads the whole file) runs on a second thread
 * while they read and draw, and nothing they made is kept until it passes.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "tandem-cli-output.h"
#include "tandem-export.h"

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
 * tandem_cli_write_confirmed:
 * @project: a #TandemProject opened for reading
 * @output: the file to write
 * @write: writes the export to the path it is given
 * @user_data: for @write
 * @error: return location for an error
 *
 * For exports that write their own files (text, calendars, documents): @write
 * writes beside @output under a temporary name, which replaces @output only
 * if the project's structural check passes. Nothing is left otherwise.
 *
 * Returns: %TRUE if @output was written
 */
gboolean
tandem_cli_write_confirmed (TandemProject       *project,
                            const char          *output,
                            TandemCliWriteFunc   write,
                            gpointer             user_data,
                            GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (output);
  g_autofree char *tmp = g_build_filename (dir, ".tandem-export-XXXXXX", NULL);
  gboolean ok;
  int fd;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_autofree char *name = g_filename_display_basename (output);
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s."), name, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  ok = write (tmp, user_data, error) && tandem_project_confirm_intact (project, error);
  return tandem_export_finish_file (tmp, output, ok, error);
}
