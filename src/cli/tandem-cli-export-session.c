/* tandem-cli-export-session.c — `tandem-cli export session`: one coaching
 * session's record, to send to the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-export-session.h"
#include "tandem-cli-export-sessions.h"
#include "tandem-cli-output.h"
#include "tandem-coaching-render.h"
#include "tandem-date.h"
#include "tandem-project.h"
#include "tandem-team.h"

static GDate *
parse_date (const char *text)
{
  char iso[11];

  if (text == NULL || !tandem_parse_iso_date (text, iso) || !g_str_equal (text, iso))
    return NULL;
  return g_date_new_dmy ((GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5),
                         (GDateYear) atoi (iso));
}

/* A session's start as the coach's local date (YYYY-MM-DD) and time (HH:MM). */
static void
local_start (const char  *starts_at,
             char       **day,
             char       **time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  *day = local ? g_date_time_format (local, "%Y-%m-%d") : g_strndup (starts_at, 10);
  *time = local ? g_date_time_format (local, "%H:%M") : g_strdup ("");
}

/* The id of @team_id's one session on @date (at @time, if given), or NULL
 * with a message on standard error. */
static char *
find_session (TandemProject *project,
              const char    *team_id,
              const char    *team,
              const char    *date,
              const char    *time,
              gboolean       include_private)
{
  g_autoptr(GDate) day = parse_date (date);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char before[16], after[16];
  guint n_private = 0;

  /* Stored in UTC: look a day either side, then compare local dates. */
  g_date_subtract_days (day, 1);
  g_date_strftime (before, sizeof before, "%Y-%m-%d", day);
  g_date_add_days (day, 2);
  g_date_strftime (after, sizeof after, "%Y-%m-%d", day);
  sessions = tandem_coaching_list_sessions (project, team_id, before, after, TRUE, &error);
  if (sessions == NULL)
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return NULL;
    }
  for (guint i = sessions->len; i > 0; i--)
    {
      TandemSession *session = sessions->pdata[i - 1];
      g_autofree char *local_day = NULL;
      g_autofree char *local_time = NULL;

      local_start (session->starts_at, &local_day, &local_time);
      if (!g_str_equal (local_day, date) || (time && !g_str_equal (local_time, time)))
        continue;
      if (session->private && !include_private)
        n_private++;
      else
        g_ptr_array_add (found, session);
    }

  if (found->len == 1)
    return g_strdup (((TandemSession *) found->pdata[0])->id);
  if (found->len == 0 && n_private > 0)
    fprintf (stderr, _("tandem-cli: the session of %s on %s is marked private; give "
                       "--include-private to export it all the same\n"), team, date);
  else if (found->len == 0)
    fprintf (stderr, _("tandem-cli: %s had no coaching session on %s\n"), team, date);
  else
    {
      fprintf (stderr, _("tandem-cli: %s had %u sessions on %s; choose one with --time or --id:\n"),
               team, found->len, date);
      for (guint i = 0; i < found->len; i++)
        {
          TandemSession *session = found->pdata[i];
          g_autofree char *local_day = NULL;
          g_autofree char *local_time = NULL;

          local_start (session->starts_at, &local_day, &local_time);
          fprintf (stderr, "  --time %s  --id %s\n", local_time, session->id);
        }
    }
  return NULL;
}

/**
 * tandem_cli_export_session:
 * @argc: argument count; argv[0] is “session”
 * @argv: the arguments
 *
 * `tandem-cli export session (--id ID | --team NAME --date DATE [--time
 * HH:MM]) --format pdf|md|txt|ics --output FILE PROJECT`: one session's
 * record. A session marked private is exported only with --include-private.
 *
 * Returns: the exit status: 0, or 2 for unusable input
 */
int
tandem_cli_export_session (int    argc,
                           char **argv)
{
  g_autofree char *id = NULL;
  g_autofree char *team = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *team_id = NULL;
  g_autofree char *session_id = NULL;
  gboolean include_private = FALSE;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The session's id"), N_("ID") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team coached"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The session's day, YYYY-MM-DD"), N_("DATE") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time,
      N_("The time it started, HH:MM, when the team had more than one that day"), N_("TIME") },
    TANDEM_CLI_SESSIONS_OUTPUT_OPTIONS (format_name, output),
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("Export the session even if it is marked private"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  int status = 0;
  TandemSessionsFormat format;

  g_option_context_set_summary (context, _("Export one coaching session's record, to send to "
                                           "the team: a one-page PDF, Markdown or plain text "
                                           "for an email, or an iCalendar (.ics) file.\n"
                                           "Choose the session by --id, or by --team and --date."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if ((id == NULL) == (team == NULL) || (team != NULL) != (date != NULL))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                            _("Say which session with --id ID, or with --team NAME and "
                              "--date DATE (not both)."));
  if (!tandem_cli_sessions_format (output, &format_name, &format, &status))
    return status;
  if (date)
    {
      g_autoptr(GDate) valid = parse_date (date);
      if (valid == NULL)
        {
          fprintf (stderr, _("tandem-cli: give dates as YYYY-MM-DD, for example 2026-11-01\n"));
          return 2;
        }
    }
  if (time && (strlen (time) != 5 || !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) ||
               time[2] != ':' || !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4])))
    {
      fprintf (stderr, _("tandem-cli: give the time as HH:MM, for example 09:30\n"));
      return 2;
    }
  if (tandem_cli_refuse_output (output, format == TANDEM_SESSIONS_PDF))
    return 2;

  /* The structural check runs while the record is made; nothing is kept
   * unless it passes (see tandem-cli-output.c). */
  project = tandem_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return 2;
    }
  if (id)
    {
      g_autoptr(TandemSession) session = NULL;

      if (!tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, id) ||
          (session = tandem_coaching_get_session (project, id, NULL)) == NULL)
        {
          if (tandem_cli_fail_if_damaged (project))
            return 2;
          fprintf (stderr, _("tandem-cli: the project has no coaching session with the id “%s”\n"), id);
          return 2;
        }
      if (!include_private && session->private)
        {
          fprintf (stderr, _("tandem-cli: that session is marked private; give "
                             "--include-private to export it all the same\n"));
          return 2;
        }
      session_id = g_strdup (id);
    }
  else
    {
      if ((team_id = tandem_cli_find_team_for_reading (project, team)) == NULL)
        return 2;
      session_id = find_session (project, team_id, team, date, time, include_private);
      if (session_id == NULL)
        {
          tandem_cli_fail_if_damaged (project);
          return 2;
        }
    }

  if (!tandem_coaching_export_session_confirmed (project, session_id, format, output,
                                                 tandem_cli_confirm_intact, project, &error))
    return tandem_cli_fail_reading (project, error);
  return 0;
}
