/* tandem-coaching.c — coaching sessions, attendance and actions (their
 * search and templates are in tandem-coaching-search.c and
 * tandem-coaching-templates.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-coaching.h"
#include "tandem-coaching-private.h"
#include "tandem-date.h"
#include "tandem-person-private.h"
#include "tandem-stored-enums.h"

/* Who counts as bringing lived experience to a session. */
#define LIVED_EXPERIENCE "p.brings_lived_experience = 1"

static const char * const builtin_kinds[] = {
  TANDEM_SESSION_KIND_EXECUTIVE,
  TANDEM_SESSION_KIND_SERVICE_LEADERSHIP,
  TANDEM_SESSION_KIND_FRONTLINE,
  TANDEM_SESSION_KIND_WORKSHOP,
  TANDEM_SESSION_KIND_OTHER,
  NULL
};

/* ------------------------------------------------------------------------ */
/* Freeing                                                                  */

void
tandem_session_free (TandemSession *session)
{
  if (session == NULL)
    return;
  g_free (session->id);
  g_free (session->team_id);
  g_free (session->team_name);
  g_free (session->starts_at);
  g_free (session->kind);
  g_free (session->coach);
  g_free (session->check_in);
  g_free (session->notes);
  g_free (session->advice);
  g_free (session->agreements);
  g_free (session);
}

void
tandem_attendee_free (TandemAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->id);
  g_free (attendee->person_id);
  g_free (attendee->name);
  g_free (attendee->person_role);
  g_free (attendee->title);
  g_free (attendee->status);
  g_free (attendee);
}

void
tandem_action_free (TandemAction *action)
{
  if (action == NULL)
    return;
  g_free (action->id);
  g_free (action->team_id);
  g_free (action->session_id);
  g_free (action->session_starts_at);
  g_free (action->what);
  g_free (action->owner_id);
  g_free (action->owner_name);
  g_free (action->due_on);
  g_free (action->closed_on);
  g_free (action->reason);
  g_free (action->carried_from);
  g_free (action);
}

void
tandem_session_link_free (TandemSessionLink *link)
{
  if (link == NULL)
    return;
  g_free (link->entity);
  g_free (link->id);
  g_free (link->title);
  g_free (link->link_id);
  g_free (link);
}

void
tandem_caseload_team_free (TandemCaseloadTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->team_id);
  g_free (team->team_name);
  g_free (team->last_seen);
  g_free (team->next_session);
  g_free (team);
}

void
tandem_search_hit_free (TandemSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->item_id);
  g_free (hit->session_id);
  g_free (hit->team_id);
  g_free (hit->team_name);
  g_free (hit->starts_at);
  g_free (hit->snippet);
  g_free (hit);
}

void
tandem_coaching_template_free (TandemCoachingTemplate *template_)
{
  if (template_ == NULL)
    return;
  g_free (template_->id);
  g_free (template_->name);
  g_free (template_->kind);
  g_free (template_->check_in);
  g_free (template_->notes);
  g_free (template_->advice);
  g_free (template_->agreements);
  g_free (template_);
}

void
tandem_attendance_free (TandemAttendance *attendance)
{
  if (attendance == NULL)
    return;
  g_strfreev (attendance->team_names);
  g_free (attendance->sessions);
  g_free (attendance->team_sessions);
  g_free (attendance->team_with_le);
  g_free (attendance);
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

/**
 * tandem_coaching_kind_label:
 * @kind: a session kind as stored
 *
 * Returns: the kind in the user's words: a built-in kind translated, any
 *   other kind as the coach typed it
 */
const char *
tandem_coaching_kind_label (const char *kind)
{
  if (kind == NULL)
    return "";
  if (g_str_equal (kind, TANDEM_SESSION_KIND_EXECUTIVE))
    return _("Executive");
  if (g_str_equal (kind, TANDEM_SESSION_KIND_SERVICE_LEADERSHIP))
    return _("Service leadership");
  if (g_str_equal (kind, TANDEM_SESSION_KIND_FRONTLINE))
    return _("Frontline delivery");
  if (g_str_equal (kind, TANDEM_SESSION_KIND_WORKSHOP))
    return _("Collaborative workshop");
  if (g_str_equal (kind, TANDEM_SESSION_KIND_OTHER))
    return _("Other");
  return kind;
}

/**
 * tandem_coaching_role_label:
 * @person_role: a person's role as stored
 *
 * Returns: the role in the user's words
 */
const char *
tandem_coaching_role_label (const char *person_role)
{
  int role;

  if (tandem_stored_enum_from_word (TANDEM_TYPE_PERSON_ROLE, person_role, &role))
    return tandem_person_role_get_label (role);
  return person_role ? person_role : "";
}

/**
 * tandem_coaching_builtin_kinds:
 *
 * Returns: (transfer none): the built-in session kinds, %NULL-terminated
 */
const char * const *
tandem_coaching_builtin_kinds (void)
{
  return builtin_kinds;
}

/**
 * tandem_coaching_list_kinds:
 * @project: a project
 *
 * The kinds a session can have: the built-in ones, then every other kind a
 * coach has typed in this project, so that the list is theirs to extend.
 *
 * Returns: (transfer full) (element-type utf8): the kinds as stored
 */
GPtrArray *
tandem_coaching_list_kinds (TandemProject *project)
{
  sqlite3 *db = _tandem_project_get_db (project);
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; builtin_kinds[i]; i++)
    g_ptr_array_add (kinds, g_strdup (builtin_kinds[i]));
  stmt = prepare (db, "SELECT DISTINCT kind FROM coaching_session WHERE kind IS NOT NULL "
                  "UNION SELECT DISTINCT kind FROM coaching_template WHERE kind IS NOT NULL "
                  "ORDER BY 1", NULL);
  if (stmt == NULL)
    return kinds;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *kind = column_dup (stmt, 0);

      if (kind && *kind && !g_strv_contains (builtin_kinds, kind))
        g_ptr_array_add (kinds, g_steal_pointer (&kind));
    }
  sqlite3_finalize (stmt);
  return kinds;
}

/**
 * tandem_coaching_today:
 *
 * Returns: (transfer full): today's date in local time, as YYYY-MM-DD
 */
char *
tandem_coaching_today (void)
{
  return tandem_clock_dup_today ();
}

/**
 * tandem_coaching_now:
 *
 * Returns: (transfer full): the time now, as stored in a session's starts_at
 */
char *
tandem_coaching_now (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * tandem_action_is_overdue:
 * @action: an action
 * @today: today, as YYYY-MM-DD
 *
 * Returns: whether @action is still open after the day it was due
 */
gboolean
tandem_action_is_overdue (const TandemAction *action,
                          const char         *today)
{
  return action->status == TANDEM_ACTION_OPEN && action->due_on != NULL &&
         today != NULL && strcmp (action->due_on, today) < 0;
}

static TandemValue
action_status_value (TandemActionStatus status)
{
  return tandem_value_text (tandem_stored_enum_to_word (TANDEM_TYPE_ACTION_STATUS, status));
}

/* ------------------------------------------------------------------------ */
/* Sessions                                                                 */

#define SESSION_COLUMNS \
  "s.id, s.team_id, t.name, s.starts_at, s.minutes, s.kind, s.online, s.coach, " \
  "s.check_in, s.notes, s.advice, s.agreements, s.confidence, s.momentum, s.private, " \
  "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'present'), " \
  "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'apologies'), " \
  "EXISTS (SELECT 1 FROM attendance a JOIN person p ON p.id = a.person_id " \
  "        WHERE a.session_id = s.id AND a.status = 'present' AND " LIVED_EXPERIENCE "), " \
  "(SELECT count(*) FROM action x WHERE x.session_id = s.id), " \
  "(SELECT count(*) FROM action x WHERE x.session_id = s.id AND x.status = 'open') "

static TandemSession *
session_from_row (sqlite3_stmt *stmt)
{
  TandemSession *session = g_new0 (TandemSession, 1);

  session->id = column_dup (stmt, 0);
  session->team_id = column_dup (stmt, 1);
  session->team_name = column_dup (stmt, 2);
  session->starts_at = column_dup (stmt, 3);
  session->minutes = sqlite3_column_int (stmt, 4);
  session->kind = column_dup (stmt, 5);
  session->online = sqlite3_column_int (stmt, 6) != 0;
  session->coach = column_dup (stmt, 7);
  session->check_in = column_dup (stmt, 8);
  session->notes = column_dup (stmt, 9);
  session->advice = column_dup (stmt, 10);
  session->agreements = column_dup (stmt, 11);
  session->confidence = sqlite3_column_int (stmt, 12);
  session->momentum = sqlite3_column_int (stmt, 13);
  session->private = sqlite3_column_int (stmt, 14) != 0;
  session->n_present = sqlite3_column_int (stmt, 15);
  session->n_apologies = sqlite3_column_int (stmt, 16);
  session->lived_experience_present = sqlite3_column_int (stmt, 17) != 0;
  session->n_actions = sqlite3_column_int (stmt, 18);
  session->n_open_actions = sqlite3_column_int (stmt, 19);
  return session;
}

/**
 * tandem_coaching_list_sessions:
 * @project: a project
 * @team_id: (nullable): one team, or %NULL for every team
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @include_private: whether to list sessions marked private
 * @error: return location for an error
 *
 * Lists sessions with their attendance and action counts, newest first.
 *
 * Returns: (transfer full) (element-type TandemSession) (nullable): the sessions
 */
GPtrArray *
tandem_coaching_list_sessions (TandemProject  *project,
                               const char     *team_id,
                               const char     *from,
                               const char     *to,
                               gboolean        include_private,
                               GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) sessions = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT " SESSION_COLUMNS
                  "FROM coaching_session s JOIN team t ON t.id = s.team_id "
                  "WHERE (?1 IS NULL OR s.team_id = ?1) "
                  "AND (?2 IS NULL OR substr (s.starts_at, 1, 10) >= ?2) "
                  "AND (?3 IS NULL OR substr (s.starts_at, 1, 10) <= ?3) "
                  "AND (?4 OR s.private = 0) "
                  "ORDER BY s.starts_at DESC, s.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  bind_text (stmt, 2, from);
  bind_text (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, include_private);

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&sessions);
}

/**
 * tandem_coaching_get_session:
 * @project: a project
 * @session_id: a session
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the session, or %NULL (with @error
 *   set) if there is none
 */
TandemSession *
tandem_coaching_get_session (TandemProject  *project,
                             const char     *session_id,
                             GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  TandemSession *session = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT " SESSION_COLUMNS
                  "FROM coaching_session s JOIN team t ON t.id = s.team_id WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    session = session_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("The coaching session is no longer in the project."));
  else
    _tandem_db_failed_on (db, error);
  sqlite3_finalize (stmt);
  return session;
}

/**
 * tandem_coaching_list_attendees:
 * @project: a project
 * @team_id: the session's team
 * @session_id: (nullable): a session
 * @error: return location for an error
 *
 * Lists the team's people with how they took part in @session_id (present,
 * apologies, or not recorded), then anyone from elsewhere who attended it,
 * such as people from other teams at a workshop.
 *
 * Returns: (transfer full) (element-type TandemAttendee) (nullable): the people
 */
GPtrArray *
tandem_coaching_list_attendees (TandemProject  *project,
                                const char     *team_id,
                                const char     *session_id,
                                GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) people = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT a.id, p.id, p.name, p.role, a.role, a.status, "
                  "p.brings_lived_experience "
                  "FROM person p LEFT JOIN attendance a ON a.person_id = p.id AND a.session_id = ?2 "
                  "WHERE (" TANDEM_PERSON_IN_TEAM ("p", "?1") " AND p.inactive_since IS NULL) "
                  "OR a.id IS NOT NULL "
                  "ORDER BY NOT " TANDEM_PERSON_IN_TEAM ("p", "?1") ", p.position, p.name", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  bind_text (stmt, 2, session_id);

  people = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_attendee_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemAttendee *attendee = g_new0 (TandemAttendee, 1);

      attendee->id = column_dup (stmt, 0);
      attendee->person_id = column_dup (stmt, 1);
      attendee->name = column_dup (stmt, 2);
      attendee->person_role = column_dup (stmt, 3);
      attendee->title = column_dup (stmt, 4);
      attendee->status = column_dup (stmt, 5);
      attendee->lived_experience = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (people, attendee);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&people);
}

#define ACTION_COLUMNS \
  "x.id, x.team_id, x.session_id, s.starts_at, x.what, x.owner_id, p.name, x.due_on, " \
  "x.status, x.closed_on, x.reason, x.carried_from "
#define ACTION_FROM \
  "FROM action x LEFT JOIN coaching_session s ON s.id = x.session_id " \
  "LEFT JOIN person p ON p.id = x.owner_id "

static TandemAction *
action_from_row (sqlite3_stmt *stmt)
{
  TandemAction *action = g_new0 (TandemAction, 1);

  action->id = column_dup (stmt, 0);
  action->team_id = column_dup (stmt, 1);
  action->session_id = column_dup (stmt, 2);
  action->session_starts_at = column_dup (stmt, 3);
  action->what = column_dup (stmt, 4);
  action->owner_id = column_dup (stmt, 5);
  action->owner_name = column_dup (stmt, 6);
  action->due_on = column_dup (stmt, 7);
  {
    int status;

    /* The schema's CHECK allows no other word. */
    if (!tandem_stored_enum_from_word (TANDEM_TYPE_ACTION_STATUS,
                                       (const char *) sqlite3_column_text (stmt, 8), &status))
      status = TANDEM_ACTION_OPEN;
    action->status = status;
  }
  action->closed_on = column_dup (stmt, 9);
  action->reason = column_dup (stmt, 10);
  action->carried_from = column_dup (stmt, 11);
  return action;
}

static GPtrArray *
list_actions (TandemProject  *project,
              const char     *sql,
              const char     *a,
              const char     *b,
              GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (project);
  sqlite3_stmt *stmt = prepare (db, sql, error);
  g_autoptr(GPtrArray) actions = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, a);
  bind_text (stmt, 2, b);
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (actions, action_from_row (stmt));
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&actions);
}

/**
 * tandem_coaching_list_actions:
 * @project: a project
 * @session_id: a session
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemAction) (nullable): the actions
 *   agreed in @session_id, in the order they were added
 */
GPtrArray *
tandem_coaching_list_actions (TandemProject  *project,
                              const char     *session_id,
                              GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_actions (project, "SELECT " ACTION_COLUMNS ACTION_FROM
                       "WHERE x.session_id = ?1 ORDER BY x.rowid", session_id, NULL, error);
}

/**
 * tandem_coaching_list_actions_to_review:
 * @project: a project
 * @team_id: a team
 * @before: (nullable): a session's starts_at: only actions agreed before it;
 *   %NULL for every open action
 * @error: return location for an error
 *
 * The actions a session should review: every action of the team still open
 * that was agreed in an earlier session (or in none), soonest due first.
 *
 * Returns: (transfer full) (element-type TandemAction) (nullable): the actions
 */
GPtrArray *
tandem_coaching_list_actions_to_review (TandemProject  *project,
                                        const char     *team_id,
                                        const char     *before,
                                        GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_actions (project, "SELECT " ACTION_COLUMNS ACTION_FROM
                       "WHERE x.team_id = ?1 AND x.status = 'open' "
                       "AND (?2 IS NULL OR s.starts_at IS NULL OR s.starts_at < ?2) "
                       "ORDER BY x.due_on IS NULL, x.due_on, s.starts_at, x.rowid",
                       team_id, before, error);
}

/**
 * tandem_coaching_list_links:
 * @project: a project
 * @team_id: the session's team
 * @session_id: (nullable): a session
 * @error: return location for an error
 *
 * The change ideas, PDSA cycles and measures of the team a session can be
 * linked to, each with the link if the session has one.
 *
 * Returns: (transfer full) (element-type TandemSessionLink) (nullable): the items
 */
GPtrArray *
tandem_coaching_list_links (TandemProject  *project,
                            const char     *team_id,
                            const char     *session_id,
                            GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) links = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  db = _tandem_project_get_db (project);
  stmt = prepare (db,
                  "SELECT 'node', n.id, n.title, "
                  "  (SELECT l.id FROM session_link l WHERE l.session_id = ?2 AND l.node_id = n.id) "
                  "FROM node n JOIN diagram d ON d.id = n.diagram_id "
                  "WHERE d.team_id = ?1 AND n.kind = 'change_idea' "
                  "UNION ALL "
                  "SELECT 'pdsa_cycle', c.id, c.title, "
                  "  (SELECT l.id FROM session_link l WHERE l.session_id = ?2 AND l.pdsa_id = c.id) "
                  "FROM pdsa_cycle c JOIN node n ON n.id = c.node_id "
                  "JOIN diagram d ON d.id = n.diagram_id WHERE d.team_id = ?1 "
                  "UNION ALL "
                  "SELECT 'measure', m.id, m.name, "
                  "  (SELECT l.id FROM session_link l WHERE l.session_id = ?2 AND l.measure_id = m.id) "
                  "FROM measure m WHERE m.team_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  bind_text (stmt, 2, session_id);
  links = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_session_link_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemSessionLink *link = g_new0 (TandemSessionLink, 1);

      link->entity = column_dup (stmt, 0);
      link->id = column_dup (stmt, 1);
      link->title = column_dup (stmt, 2);
      link->link_id = column_dup (stmt, 3);
      if (link->title == NULL || *link->title == '\0')
        {
          g_free (link->title);
          link->title = g_strdup (_("(untitled)"));
        }
      g_ptr_array_add (links, link);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&links);
}

/**
 * tandem_coaching_find_previous:
 * @project: a project
 * @team_id: a team
 * @before: (nullable): a starts_at; %NULL for the latest session of all
 *
 * Returns: (transfer full) (nullable): the team's latest session before @before
 */
char *
tandem_coaching_find_previous (TandemProject *project,
                               const char    *team_id,
                               const char    *before)
{
  sqlite3 *db = _tandem_project_get_db (project);
  sqlite3_stmt *stmt = prepare (db, "SELECT id FROM coaching_session WHERE team_id = ?1 "
                                "AND (?2 IS NULL OR starts_at < ?2) "
                                "ORDER BY starts_at DESC LIMIT 1", NULL);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  bind_text (stmt, 2, before);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* ------------------------------------------------------------------------ */
/* The caseload                                                             */

static int
days_between (const char *earlier,
              const char *later)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_iso8601 (earlier, NULL);
  g_autoptr(GDateTime) b = g_date_time_new_from_iso8601 (later, NULL);

  if (a == NULL || b == NULL)
    return -1;
  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static int
compare_caseload (gconstpointer a,
                  gconstpointer b)
{
  const TandemCaseloadTeam *x = *(TandemCaseloadTeam * const *) a;
  const TandemCaseloadTeam *y = *(TandemCaseloadTeam * const *) b;
  int seen_x = x->days_since_seen < 0 ? G_MAXINT : x->days_since_seen;
  int seen_y = y->days_since_seen < 0 ? G_MAXINT : y->days_since_seen;

  /* Most in need of attention first: overdue actions, then the longest
   * since the coach last saw them. */
  if (x->n_overdue != y->n_overdue)
    return x->n_overdue > y->n_overdue ? -1 : 1;
  if (seen_x != seen_y)
    return seen_x > seen_y ? -1 : 1;
  return g_utf8_collate (x->team_name, y->team_name);
}

/**
 * tandem_coaching_caseload:
 * @project: a project
 * @now: the time now, as a session's starts_at (see tandem_coaching_now())
 * @error: return location for an error
 *
 * The coach's caseload: every team with when it was last seen, its next
 * session, and its open and overdue actions. Teams most in need of attention
 * come first: most overdue actions, then longest since last seen.
 *
 * Returns: (transfer full) (element-type TandemCaseloadTeam) (nullable): the teams
 */
GPtrArray *
tandem_coaching_caseload (TandemProject  *project,
                          const char     *now,
                          GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) teams = NULL;
  char today[11];
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (now != NULL && strlen (now) >= 10, NULL);

  g_strlcpy (today, now, sizeof today);
  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT t.id, t.name, "
                  "(SELECT max (starts_at) FROM coaching_session WHERE team_id = t.id "
                  "   AND starts_at <= ?1), "
                  "(SELECT min (starts_at) FROM coaching_session WHERE team_id = t.id "
                  "   AND starts_at > ?1), "
                  "(SELECT count(*) FROM action WHERE team_id = t.id AND status = 'open'), "
                  "(SELECT count(*) FROM action WHERE team_id = t.id AND status = 'open' "
                  "   AND due_on < ?2) "
                  "FROM team t", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, now);
  bind_text (stmt, 2, today);
  teams = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_caseload_team_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemCaseloadTeam *team = g_new0 (TandemCaseloadTeam, 1);

      team->team_id = column_dup (stmt, 0);
      team->team_name = column_dup (stmt, 1);
      team->last_seen = column_dup (stmt, 2);
      team->next_session = column_dup (stmt, 3);
      team->n_open = sqlite3_column_int (stmt, 4);
      team->n_overdue = sqlite3_column_int (stmt, 5);
      team->days_since_seen = team->last_seen ? MAX (0, days_between (team->last_seen, now)) : -1;
      g_ptr_array_add (teams, team);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;
  g_ptr_array_sort (teams, compare_caseload);
  return g_steal_pointer (&teams);
}

/**
 * tandem_coaching_list_upcoming:
 * @project: a project
 * @now: the time now, as a session's starts_at
 * @limit: at most this many
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TandemSession) (nullable): the
 *   sessions still to come, across every team, soonest first
 */
GPtrArray *
tandem_coaching_list_upcoming (TandemProject  *project,
                               const char     *now,
                               guint           limit,
                               GError        **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) sessions = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT " SESSION_COLUMNS
                  "FROM coaching_session s JOIN team t ON t.id = s.team_id "
                  "WHERE s.starts_at > ?1 ORDER BY s.starts_at LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&sessions);
}

/* ------------------------------------------------------------------------ */
/* Editing: every change through the project, logged and undoable           */

/**
 * tandem_coaching_log_session:
 * @project: a project
 * @team_id: the team coached
 * @starts_at: when, as ISO 8601 in UTC
 * @template_: (nullable): what to start from: its kind, length and prompts
 * @error: return location for an error
 *
 * Logs a new session for @team_id as one undoable change (“Log coaching
 * session”). The coach is the project's author.
 *
 * Returns: (transfer full) (nullable): the new session's id
 */
char *
tandem_coaching_log_session (TandemProject                 *project,
                             const char                    *team_id,
                             const char                    *starts_at,
                             const TandemCoachingTemplate  *template_,
                             GError                       **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;
  const char *kind = template_ && template_->kind ? template_->kind : TANDEM_SESSION_KIND_FRONTLINE;
  int minutes = template_ && template_->minutes > 0 ? template_->minutes : 90;
  TandemField fields[] = {
    { "team_id", tandem_value_text (team_id) },
    { "starts_at", tandem_value_text (starts_at) },
    { "minutes", tandem_value_int (minutes) },
    { "kind", tandem_value_text (kind) },
    { "online", tandem_value_int (template_ ? template_->online : 0) },
    { "coach", tandem_value_text (tandem_project_get_author (project)) },
    { "check_in", tandem_value_text (template_ ? template_->check_in : NULL) },
    { "notes", tandem_value_text (template_ ? template_->notes : NULL) },
    { "advice", tandem_value_text (template_ ? template_->advice : NULL) },
    { "agreements", tandem_value_text (template_ ? template_->agreements : NULL) },
  };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!tandem_change_begin (&change, project, _("Log coaching session"), error))
    return NULL;
  id = tandem_project_insert (project, "coaching_session", fields, G_N_ELEMENTS (fields), error);
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_coaching_set_attendance:
 * @project: a project
 * @session_id: a session
 * @person_id: a person
 * @status: (nullable): “present”, “apologies”, or %NULL: not recorded
 * @title: (nullable): the role to write beside them, such as their job
 * @error: return location for an error
 *
 * Records how a person took part in a session, adding, changing or removing
 * their attendance. Nests inside a change the caller has begun; on its own
 * it is one undoable change.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_coaching_set_attendance (TandemProject  *project,
                                const char     *session_id,
                                const char     *person_id,
                                const char     *status,
                                const char     *title,
                                GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;
  g_autofree char *old_status = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT id, status FROM attendance WHERE session_id = ?1 AND person_id = ?2",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, session_id);
  bind_text (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = column_dup (stmt, 0);
      old_status = column_dup (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _tandem_db_failed_on (db, error);

  if (g_strcmp0 (old_status, status) == 0)
    return TRUE;

  if (!tandem_change_begin (&change, project, _("Record attendance"), error))
    return FALSE;
  if (status == NULL)
    ok = tandem_project_delete (project, "attendance", id, error);
  else if (id != NULL)
    ok = tandem_project_update (project, "attendance", id, "status",
                                tandem_value_text (status), error);
  else
    {
      TandemField fields[] = {
        { "session_id", tandem_value_text (session_id) },
        { "person_id", tandem_value_text (person_id) },
        { "role", tandem_value_text (title) },
        { "status", tandem_value_text (status) },
      };
      g_autofree char *new_id = tandem_project_insert (project, "attendance", fields,
                                                       G_N_ELEMENTS (fields), error);
      ok = new_id != NULL;
    }
  return ok && tandem_change_commit (&change, error);
}

/**
 * tandem_coaching_set_link:
 * @project: a project
 * @session_id: a session
 * @entity: “node”, “pdsa_cycle” or “measure”
 * @item_id: the change idea, PDSA cycle or measure
 * @linked: whether the session discussed it
 * @error: return location for an error
 *
 * Links a session to something it discussed, or unlinks it.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_coaching_set_link (TandemProject  *project,
                          const char     *session_id,
                          const char     *entity,
                          const char     *item_id,
                          gboolean        linked,
                          GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  static const struct { const char *entity; const char *column; const char *sql; } kinds[] = {
    { "node", "node_id", "SELECT id FROM session_link WHERE session_id = ?1 AND node_id = ?2" },
    { "pdsa_cycle", "pdsa_id", "SELECT id FROM session_link WHERE session_id = ?1 AND pdsa_id = ?2" },
    { "measure", "measure_id", "SELECT id FROM session_link WHERE session_id = ?1 AND measure_id = ?2" },
  };
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  guint k;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kinds[k].entity, entity) == 0)
      break;
  if (k == G_N_ELEMENTS (kinds))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "A session cannot be linked to a “%s”.", entity);
      return FALSE;
    }

  db = _tandem_project_get_db (project);
  if ((stmt = prepare (db, kinds[k].sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, session_id);
  bind_text (stmt, 2, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  if (!finish (db, stmt, rc, error))
    return FALSE;

  if (linked == (ids->len > 0))
    return TRUE;
  if (!tandem_change_begin (&change, project, linked ? _("Link session") : _("Unlink session"), error))
    return FALSE;
  if (linked)
    {
      TandemField fields[] = {
        { "session_id", tandem_value_text (session_id) },
        { kinds[k].column, tandem_value_text (item_id) },
      };
      g_autofree char *id = tandem_project_insert (project, "session_link", fields,
                                                   G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  for (guint i = 0; ok && i < ids->len; i++)
    ok = tandem_project_delete (project, "session_link", ids->pdata[i], error);
  return ok && tandem_change_commit (&change, error);
}

/**
 * tandem_coaching_add_action:
 * @project: a project
 * @session_id: the session that agreed it
 * @what: what is to be done
 * @owner_id: (nullable): who will do it
 * @due_on: (nullable): by when, YYYY-MM-DD
 * @error: return location for an error
 *
 * Adds an open action agreed in a session, for the session's team.
 *
 * Returns: (transfer full) (nullable): the new action's id
 */
char *
tandem_coaching_add_action (TandemProject  *project,
                            const char     *session_id,
                            const char     *what,
                            const char     *owner_id,
                            const char     *due_on,
                            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *team_id = NULL;
  g_autofree char *id = NULL;
  char due[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (due_on != NULL && !tandem_parse_iso_date (due_on, due))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date: give it as year-month-day, for example 2026-12-01."),
                   due_on);
      return NULL;
    }
  team_id = tandem_project_get_text (project, "coaching_session", session_id, "team_id");
  if (team_id == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The coaching session is no longer in the project."));
      return NULL;
    }
  {
    TandemField fields[] = {
      { "team_id", tandem_value_text (team_id) },
      { "session_id", tandem_value_text (session_id) },
      { "what", tandem_value_text (what) },
      { "owner_id", tandem_value_text (owner_id) },
      { "due_on", tandem_value_text (due_on ? due : NULL) },
      { "status", action_status_value (TANDEM_ACTION_OPEN) },
    };

    if (!tandem_change_begin (&change, project, _("Add action"), error))
      return NULL;
    id = tandem_project_insert (project, "action", fields, G_N_ELEMENTS (fields), error);
  }
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

static gboolean
close_action (TandemProject       *project,
              const char          *action_id,
              TandemActionStatus   status,
              const char          *reason,
              const char          *today,
              GError             **error)
{
  return tandem_project_update (project, "action", action_id, "status",
                                action_status_value (status), error) &&
         tandem_project_update (project, "action", action_id, "closed_on",
                                tandem_value_text (today), error) &&
         tandem_project_update (project, "action", action_id, "reason",
                                tandem_value_text (reason), error);
}

/**
 * tandem_coaching_mark_done:
 * @project: a project
 * @action_id: an action
 * @today: the day it was done, YYYY-MM-DD
 * @error: return location for an error
 *
 * Marks an action done, as one undoable change.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_coaching_mark_done (TandemProject  *project,
                           const char     *action_id,
                           const char     *today,
                           GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!tandem_change_begin (&change, project, _("Mark action done"), error))
    return FALSE;
  return close_action (project, action_id, TANDEM_ACTION_DONE, NULL, today, error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_coaching_drop:
 * @project: a project
 * @action_id: an action
 * @reason: why it is dropped
 * @today: the day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Drops an action with the reason, as one undoable change.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_coaching_drop (TandemProject  *project,
                      const char     *action_id,
                      const char     *reason,
                      const char     *today,
                      GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Say why the action is dropped."));
      return FALSE;
    }
  if (!tandem_change_begin (&change, project, _("Drop action"), error))
    return FALSE;
  return close_action (project, action_id, TANDEM_ACTION_DROPPED, stripped, today, error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_coaching_carry_forward:
 * @project: a project
 * @action_id: an open action
 * @session_id: the session carrying it forward
 * @due_on: its new due date, YYYY-MM-DD
 * @today: the day, YYYY-MM-DD
 * @error: return location for an error
 *
 * Carries an action forward to a new date: the action is closed as carried
 * forward and a copy, agreed in @session_id and due on @due_on, takes its
 * place and records where it came from. One undoable change.
 *
 * Returns: (transfer full) (nullable): the new action's id
 */
char *
tandem_coaching_carry_forward (TandemProject  *project,
                               const char     *action_id,
                               const char     *session_id,
                               const char     *due_on,
                               const char     *today,
                               GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *team_id = NULL;
  g_autofree char *what = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *id = NULL;
  char due[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!tandem_parse_iso_date (due_on, due))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Give the new date as year-month-day, for example 2026-12-01."));
      return NULL;
    }
  team_id = tandem_project_get_text (project, "action", action_id, "team_id");
  what = tandem_project_get_text (project, "action", action_id, "what");
  owner = tandem_project_get_text (project, "action", action_id, "owner_id");
  if (team_id == NULL || what == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("The action is no longer in the project."));
      return NULL;
    }
  reason = g_strdup_printf (_("Carried forward to %s"), due);

  if (!tandem_change_begin (&change, project, _("Carry action forward"), error))
    return NULL;
  if (close_action (project, action_id, TANDEM_ACTION_DROPPED, reason, today, error))
    {
      TandemField fields[] = {
        { "team_id", tandem_value_text (team_id) },
        { "session_id", tandem_value_text (session_id) },
        { "what", tandem_value_text (what) },
        { "owner_id", tandem_value_text (owner) },
        { "due_on", tandem_value_text (due) },
        { "status", action_status_value (TANDEM_ACTION_OPEN) },
        { "carried_from", tandem_value_text (action_id) },
      };
      id = tandem_project_insert (project, "action", fields, G_N_ELEMENTS (fields), error);
    }
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------ */
/* Attendance at a glance                                                   */

/**
 * tandem_coaching_attendance:
 * @project: a project
 * @team_id: (nullable): one team, or %NULL for every team
 * @last_month: the last month to count, YYYY-MM (or a longer date)
 * @n_months: how many months, ending with @last_month
 * @include_private: whether to count sessions marked private
 * @error: return location for an error
 *
 * Counts sessions per month per team, and for each team how many of its
 * sessions in the range had someone with lived experience present: the
 * figures behind the attendance chart.
 *
 * Returns: (transfer full) (nullable): the counts
 */
TandemAttendance *
tandem_coaching_attendance (TandemProject  *project,
                            const char     *team_id,
                            const char     *last_month,
                            guint           n_months,
                            gboolean        include_private,
                            GError        **error)
{
  g_autoptr(TandemAttendance) attendance = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int year, month;
  char first[8], last[8];
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (n_months > 0 && n_months <= 1200, NULL);

  if (last_month == NULL || sscanf (last_month, "%4d-%2d", &year, &month) != 2 ||
      month < 1 || month > 12)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "“%s” is not a month", last_month ? last_month : "");
      return NULL;
    }
  g_snprintf (last, sizeof last, "%04d-%02d", year, month);
  month -= (int) n_months - 1;
  while (month < 1)
    {
      month += 12;
      year--;
    }
  g_snprintf (first, sizeof first, "%04d-%02d", year, month);

  attendance = g_new0 (TandemAttendance, 1);
  attendance->n_months = n_months;
  attendance->first_year = year;
  attendance->first_month = month;

  db = _tandem_project_get_db (project);
  stmt = prepare (db, "SELECT id, name FROM team WHERE ?1 IS NULL OR id = ?1 "
                  "ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_insert (rows, column_dup (stmt, 0), GUINT_TO_POINTER (names->len));
      g_ptr_array_add (names, column_dup (stmt, 1));
    }
  if (!finish (db, stmt, rc, error))
    {
      for (guint i = 0; i < names->len; i++)
        g_free (names->pdata[i]);
      return NULL;
    }
  attendance->n_teams = names->len;
  g_ptr_array_add (names, NULL);
  attendance->team_names = (char **) g_ptr_array_steal (names, NULL);
  attendance->sessions = g_new0 (guint, MAX (1, attendance->n_teams * n_months));
  attendance->team_sessions = g_new0 (guint, MAX (1, attendance->n_teams));
  attendance->team_with_le = g_new0 (guint, MAX (1, attendance->n_teams));

  stmt = prepare (db, "SELECT s.team_id, substr (s.starts_at, 1, 7) AS month, count(*), "
                  "  sum (EXISTS (SELECT 1 FROM attendance a JOIN person p ON p.id = a.person_id "
                  "       WHERE a.session_id = s.id AND a.status = 'present' AND " LIVED_EXPERIENCE ")) "
                  "FROM coaching_session s "
                  "WHERE (?1 IS NULL OR s.team_id = ?1) AND substr (s.starts_at, 1, 7) BETWEEN ?2 AND ?3 "
                  "AND (?4 OR s.private = 0) "
                  "GROUP BY s.team_id, month", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, team_id);
  bind_text (stmt, 2, first);
  bind_text (stmt, 3, last);
  sqlite3_bind_int (stmt, 4, include_private);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row;
      int y, m, index;

      if (!g_hash_table_lookup_extended (rows, sqlite3_column_text (stmt, 0), NULL, &row) ||
          sscanf ((const char *) sqlite3_column_text (stmt, 1), "%4d-%2d", &y, &m) != 2)
        continue;
      index = (y - attendance->first_year) * 12 + (m - attendance->first_month);
      if (index < 0 || index >= (int) n_months)
        continue;
      attendance->sessions[GPOINTER_TO_UINT (row) * n_months + index] = sqlite3_column_int (stmt, 2);
      attendance->team_sessions[GPOINTER_TO_UINT (row)] += sqlite3_column_int (stmt, 2);
      attendance->team_with_le[GPOINTER_TO_UINT (row)] += sqlite3_column_int (stmt, 3);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&attendance);
}

/**
 * tandem_coaching_edit_session:
 * @project: a project
 * @session_id: a coaching session
 * @fields: (array length=n_fields): the session's fields as its form shows
 *   them (“starts_at”, “minutes”, “kind”, “online”, “private”, “coach”,
 *   “check_in”, “notes”, “advice”, “agreements”, “confidence”, “momentum”)
 * @n_fields: how many
 * @attendance: (array length=n_attendance): who came, as the form says
 * @n_attendance: how many
 * @links: (array length=n_links): what the session is linked to
 * @n_links: how many
 * @error: return location for an error
 *
 * Saves a session's form as one undoable change (“Edit coaching session”):
 * the fields the person changed, each checked against what the form showed,
 * then attendance and links. A field someone else changed meanwhile keeps
 * their value, both are kept as a conflict and its edit is marked; the rest
 * is saved, and the call fails with %TANDEM_PROJECT_ERROR_CONFLICT. Any
 * other failure saves nothing.
 *
 * Returns: %TRUE if the whole form is saved
 */
gboolean
tandem_coaching_edit_session (TandemProject                 *project,
                              const char                    *session_id,
                              TandemFieldEdit               *fields,
                              guint                          n_fields,
                              const TandemAttendanceChoice  *attendance,
                              guint                          n_attendance,
                              const TandemLinkChoice        *links,
                              guint                          n_links,
                              GError                       **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  GError *conflict = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  if (!tandem_change_begin (&change, project, _("Edit coaching session"), error))
    return FALSE;
  ok = tandem_project_update_fields (project, "coaching_session", session_id, fields, n_fields,
                                     &conflict, error);
  for (guint i = 0; ok && i < n_attendance; i++)
    ok = tandem_coaching_set_attendance (project, session_id, attendance[i].person_id,
                                         attendance[i].status, attendance[i].title, error);
  for (guint i = 0; ok && i < n_links; i++)
    ok = tandem_coaching_set_link (project, session_id, links[i].entity, links[i].item_id,
                                   links[i].linked, error);
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

/**
 * tandem_coaching_delete_session:
 * @project: a project
 * @session_id: a coaching session
 * @error: return location for an error
 *
 * Deletes a session and what belongs to it (tandem_project_delete()), as
 * one undoable change (“Delete coaching session”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_coaching_delete_session (TandemProject  *project,
                                const char     *session_id,
                                GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  return _tandem_db_delete (project, "coaching_session", session_id,
                            _("Delete coaching session"), error);
}

/**
 * tandem_coaching_delete_action:
 * @project: a project
 * @action_id: an action
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete action”, undoable)
 */
gboolean
tandem_coaching_delete_action (TandemProject  *project,
                               const char     *action_id,
                               GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (action_id != NULL, FALSE);

  return _tandem_db_delete (project, "action", action_id, _("Delete action"), error);
}
