/* tandem-coaching.c — coaching sessions, attendance and actions (their
 * search and templates are in tandem-coaching-search.c and
 * tandem-coaching-templates.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Coaching"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-coaching.h"
#include "tandem-coaching-private.h"
#include "tandem-date.h"
#include "tandem-person-private.h"
#include "tandem-stored-enums.h"

/* Who counts as bringing lived experience to a session: whoever takes part
 * as a lived-experience partner, expert by experience, peer worker or
 * carer, as the person record says (a conflict settled on that field writes
 * it alone); a person from a file older than taking_part_as by the older
 * field. */
#define LIVED_EXPERIENCE "(p.taking_part_as IS NOT NULL OR p.brings_lived_experience = 1)"
/* Whether someone who brings lived experience was present at session s. */
#define LIVED_EXPERIENCE_PRESENT \
  "EXISTS (SELECT 1 FROM attendance a JOIN person p ON p.id = a.person_id " \
  "        WHERE a.session_id = s.id AND a.status = 'present' AND " LIVED_EXPERIENCE ")"

static const char * const builtin_kinds[] = {
  TANDEM_SESSION_KIND_EXECUTIVE,
  TANDEM_SESSION_KIND_SERVICE_LEADERSHIP,
  TANDEM_SESSION_KIND_FRONTLINE,
  TANDEM_SESSION_KIND_WORKSHOP,
  TANDEM_SESSION_KIND_OTHER,
  NULL
};

/* ------------------------------------------------------------------------ */
/* Rows: each struct's members in the order its SELECT gives them           */

#define M(kind, type, member) TANDEM_DB_COLUMN (kind, type, member)
#define SHAPE TANDEM_DB_SHAPE

static const TandemDbColumn session_members[] = {
  M (TEXT, TandemSession, id), M (TEXT, TandemSession, team_id),
  M (TEXT, TandemSession, team_name), M (TEXT, TandemSession, starts_at),
  M (INT, TandemSession, minutes), M (TEXT, TandemSession, kind),
  M (BOOL, TandemSession, online), M (TEXT, TandemSession, coach),
  M (TEXT, TandemSession, check_in), M (TEXT, TandemSession, notes),
  M (TEXT, TandemSession, advice), M (TEXT, TandemSession, agreements),
  M (INT, TandemSession, confidence), M (INT, TandemSession, momentum),
  M (BOOL, TandemSession, private), M (INT, TandemSession, n_present),
  M (INT, TandemSession, n_apologies), M (BOOL, TandemSession, lived_experience_present),
  M (INT, TandemSession, n_actions), M (INT, TandemSession, n_open_actions),
};
static const TandemDbShape session_shape =
  SHAPE (TandemSession, tandem_session_free, session_members);

static const TandemDbColumn attendee_members[] = {
  M (TEXT, TandemAttendee, id), M (TEXT, TandemAttendee, person_id),
  M (TEXT, TandemAttendee, name), M (TEXT, TandemAttendee, person_role),
  M (TEXT, TandemAttendee, title),
  TANDEM_DB_ENUM_COLUMN (TandemAttendee, status, tandem_attendance_status_get_type,
                               TANDEM_ATTENDANCE_NOT_RECORDED),
  M (BOOL, TandemAttendee, lived_experience),
};
static const TandemDbShape attendee_shape =
  SHAPE (TandemAttendee, tandem_attendee_free, attendee_members);

static const TandemDbColumn action_members[] = {
  M (TEXT, TandemAction, id), M (TEXT, TandemAction, team_id),
  M (TEXT, TandemAction, session_id), M (TEXT, TandemAction, session_starts_at),
  M (TEXT, TandemAction, what), M (TEXT, TandemAction, owner_id),
  M (TEXT, TandemAction, owner_name), M (TEXT, TandemAction, due_on),
  /* The schema's CHECK allows no other word. */
  TANDEM_DB_ENUM_COLUMN (TandemAction, status, tandem_action_status_get_type,
                               TANDEM_ACTION_OPEN),
  M (TEXT, TandemAction, closed_on), M (TEXT, TandemAction, reason),
  M (TEXT, TandemAction, carried_from), M (TEXT, TandemAction, carried_to),
  M (TEXT, TandemAction, carried_to_due),
};
static const TandemDbShape action_shape =
  SHAPE (TandemAction, tandem_action_free, action_members);

static const TandemDbColumn link_members[] = {
  M (TEXT, TandemSessionLink, entity), M (TEXT, TandemSessionLink, id),
  M (TEXT, TandemSessionLink, title), M (TEXT, TandemSessionLink, link_id),
};
static const TandemDbShape link_shape =
  SHAPE (TandemSessionLink, tandem_session_link_free, link_members);

static const TandemDbColumn caseload_members[] = {
  M (TEXT, TandemCaseloadTeam, team_id), M (TEXT, TandemCaseloadTeam, team_name),
  M (TEXT, TandemCaseloadTeam, last_seen), M (TEXT, TandemCaseloadTeam, next_session),
  M (INT, TandemCaseloadTeam, n_open), M (INT, TandemCaseloadTeam, n_overdue),
};
static const TandemDbShape caseload_shape =
  SHAPE (TandemCaseloadTeam, tandem_caseload_team_free, caseload_members);

static const TandemDbColumn search_hit_members[] = {
  M (TEXT, TandemSearchHit, item_id), M (BOOL, TandemSearchHit, is_action),
  M (TEXT, TandemSearchHit, session_id), M (TEXT, TandemSearchHit, team_id),
  M (TEXT, TandemSearchHit, team_name), M (TEXT, TandemSearchHit, starts_at),
  M (BOOL, TandemSearchHit, private), M (TEXT, TandemSearchHit, snippet),
};
const TandemDbShape _tandem_coaching_search_hit_shape =
  SHAPE (TandemSearchHit, tandem_search_hit_free, search_hit_members);

static const TandemDbColumn template_members[] = {
  M (TEXT, TandemCoachingTemplate, id), M (TEXT, TandemCoachingTemplate, name),
  M (TEXT, TandemCoachingTemplate, kind), M (INT, TandemCoachingTemplate, minutes),
  M (BOOL, TandemCoachingTemplate, online), M (TEXT, TandemCoachingTemplate, check_in),
  M (TEXT, TandemCoachingTemplate, notes), M (TEXT, TandemCoachingTemplate, advice),
  M (TEXT, TandemCoachingTemplate, agreements),
};
const TandemDbShape _tandem_coaching_template_shape =
  SHAPE (TandemCoachingTemplate, tandem_coaching_template_free, template_members);

#undef SHAPE
#undef M

/* ------------------------------------------------------------------------ */
/* Freeing                                                                  */

/* Each struct frees the text its shape says it owns. */
#define DEFINE_FREE(func, type, shape) \
  void func (type *item) { _tandem_db_free_row (&(shape), item); }

DEFINE_FREE (tandem_session_free, TandemSession, session_shape)
DEFINE_FREE (tandem_attendee_free, TandemAttendee, attendee_shape)
DEFINE_FREE (tandem_action_free, TandemAction, action_shape)
DEFINE_FREE (tandem_session_link_free, TandemSessionLink, link_shape)
DEFINE_FREE (tandem_caseload_team_free, TandemCaseloadTeam, caseload_shape)
DEFINE_FREE (tandem_search_hit_free, TandemSearchHit, _tandem_coaching_search_hit_shape)
DEFINE_FREE (tandem_coaching_template_free, TandemCoachingTemplate, _tandem_coaching_template_shape)

#undef DEFINE_FREE

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
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; builtin_kinds[i]; i++)
    g_ptr_array_add (kinds, g_strdup (builtin_kinds[i]));
  typed = _tandem_db_list (project, &error, NULL,
                           "SELECT DISTINCT kind FROM coaching_session WHERE kind IS NOT NULL "
                           "UNION SELECT DISTINCT kind FROM coaching_template "
                           "WHERE kind IS NOT NULL ORDER BY 1", NULL);
  if (typed == NULL)
    {
      /* Without a way to say so, the built-in kinds still serve. */
      g_warning ("%s", error->message);
      return kinds;
    }
  for (guint i = 0; i < typed->len; i++)
    {
      const char *kind = typed->pdata[i];

      if (kind && *kind && !g_strv_contains (builtin_kinds, kind))
        g_ptr_array_add (kinds, g_strdup (kind));
    }
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

/* A session's row as session_shape reads it; a query goes on with its
 * WHERE. */
#define SESSION_SELECT \
  "SELECT s.id, s.team_id, t.name, s.starts_at, s.minutes, s.kind, s.online, s.coach, " \
  "s.check_in, s.notes, s.advice, s.agreements, s.confidence, s.momentum, s.private, " \
  "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'present'), " \
  "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'apologies'), " \
  LIVED_EXPERIENCE_PRESENT ", " \
  "(SELECT count(*) FROM action x WHERE x.session_id = s.id), " \
  "(SELECT count(*) FROM action x WHERE x.session_id = s.id AND x.status = 'open') " \
  "FROM coaching_session s JOIN team t ON t.id = s.team_id "

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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &session_shape,
                          SESSION_SELECT
                          "WHERE (?1 IS NULL OR s.team_id = ?1) "
                          "AND (?2 IS NULL OR substr (s.starts_at, 1, 10) >= ?2) "
                          "AND (?3 IS NULL OR substr (s.starts_at, 1, 10) <= ?3) "
                          "AND (?4 OR s.private = 0) "
                          "ORDER BY s.starts_at DESC, s.id",
                          "sssb", team_id, from, to, include_private);
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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_get (project, error, &session_shape,
                         _("The coaching session is no longer in the project."),
                         SESSION_SELECT
                         "WHERE s.id = ?1", "s", session_id);
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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &attendee_shape,
                          "SELECT a.id, p.id, p.name, p.role, a.role, a.status, "
                          LIVED_EXPERIENCE " "
                          "FROM person p LEFT JOIN attendance a "
                          "ON a.person_id = p.id AND a.session_id = ?2 "
                          "WHERE (" TANDEM_PERSON_IN_TEAM ("p", "?1")
                          " AND p.inactive_since IS NULL) OR a.id IS NOT NULL "
                          "ORDER BY NOT " TANDEM_PERSON_IN_TEAM ("p", "?1")
                          ", p.position, p.name",
                          "ss", team_id, session_id);
}

/* An action's row as action_shape reads it; a query goes on with its WHERE.
 * An action is carried forward by at most one copy. */
#define ACTION_SELECT \
  "SELECT x.id, x.team_id, x.session_id, s.starts_at, x.what, x.owner_id, p.name, x.due_on, " \
  "x.status, x.closed_on, x.reason, x.carried_from, c.id, c.due_on " \
  "FROM action x LEFT JOIN coaching_session s ON s.id = x.session_id " \
  "LEFT JOIN person p ON p.id = x.owner_id " \
  "LEFT JOIN action c ON c.id = (SELECT min (id) FROM action WHERE carried_from = x.id) "

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
  return _tandem_db_list (project, error, &action_shape, ACTION_SELECT
                          "WHERE x.session_id = ?1 ORDER BY x.rowid", "s", session_id);
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
  return _tandem_db_list (project, error, &action_shape, ACTION_SELECT
                          "WHERE x.team_id = ?1 AND x.status = 'open' "
                          "AND (?2 IS NULL OR s.starts_at IS NULL OR s.starts_at < ?2) "
                          "ORDER BY x.due_on IS NULL, x.due_on, s.starts_at, x.rowid",
                          "ss", team_id, before);
}

/**
 * tandem_coaching_list_reviewed_actions:
 * @project: a project
 * @session_id: a session
 * @error: return location for an error
 *
 * What a session reviewed: the team's actions agreed before it (or in no
 * session) that were closed (done, dropped or carried forward) on or after
 * its day and before the team's next session, in the order they were due.
 * Each action carried forward names its copy, so it reads as carried
 * forward, never as dropped.
 *
 * Returns: (transfer full) (element-type TandemAction) (nullable): the actions
 */
GPtrArray *
tandem_coaching_list_reviewed_actions (TandemProject  *project,
                                       const char     *session_id,
                                       GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return _tandem_db_list (project, error, &action_shape,
                                "WITH this AS (SELECT team_id, starts_at FROM coaching_session "
                                "              WHERE id = ?1), "
                                "next AS (SELECT min (n.starts_at) AS starts_at "
                                "         FROM coaching_session n, this "
                                "         WHERE n.team_id = this.team_id AND n.starts_at > this.starts_at) "
                                ACTION_SELECT ", this, next "
                                "WHERE x.team_id = this.team_id AND x.status <> 'open' "
                                "AND (s.starts_at IS NULL OR s.starts_at < this.starts_at) "
                                "AND x.closed_on >= substr (this.starts_at, 1, 10) "
                                "AND (next.starts_at IS NULL OR x.closed_on < substr (next.starts_at, 1, 10)) "
                                "ORDER BY x.due_on IS NULL, x.due_on, s.starts_at, x.rowid",
                                "s", session_id);
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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  /* ?3 names what has no title. */
  return _tandem_db_list (project, error, &link_shape,
                          "SELECT 'node', n.id, coalesce (nullif (n.title, ''), ?3), "
                          "  (SELECT l.id FROM session_link l "
                          "   WHERE l.session_id = ?2 AND l.node_id = n.id) "
                          "FROM node n JOIN diagram d ON d.id = n.diagram_id "
                          "WHERE d.team_id = ?1 AND n.kind = 'change_idea' "
                          "UNION ALL "
                          "SELECT 'pdsa_cycle', c.id, coalesce (nullif (c.title, ''), ?3), "
                          "  (SELECT l.id FROM session_link l "
                          "   WHERE l.session_id = ?2 AND l.pdsa_id = c.id) "
                          "FROM pdsa_cycle c JOIN node n ON n.id = c.node_id "
                          "JOIN diagram d ON d.id = n.diagram_id WHERE d.team_id = ?1 "
                          "UNION ALL "
                          "SELECT 'measure', m.id, coalesce (nullif (m.name, ''), ?3), "
                          "  (SELECT l.id FROM session_link l "
                          "   WHERE l.session_id = ?2 AND l.measure_id = m.id) "
                          "FROM measure m WHERE m.team_id = ?1",
                          "sss", team_id, session_id, _("(untitled)"));
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
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  /* Without a way to say so, a failed read finds no previous session. */
  if (!_tandem_db_query_text (project, &error, &id, NULL,
                              "SELECT id FROM coaching_session WHERE team_id = ?1 "
                              "AND (?2 IS NULL OR starts_at < ?2) "
                              "ORDER BY starts_at DESC LIMIT 1", "ss", team_id, before))
    g_warning ("%s", error->message);
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
  GPtrArray *teams;
  char today[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (now != NULL && strlen (now) >= 10, NULL);

  g_strlcpy (today, now, sizeof today);
  teams = _tandem_db_list (project, error, &caseload_shape,
                           "SELECT t.id, t.name, "
                           "(SELECT max (starts_at) FROM coaching_session WHERE team_id = t.id "
                           "   AND starts_at <= ?1), "
                           "(SELECT min (starts_at) FROM coaching_session WHERE team_id = t.id "
                           "   AND starts_at > ?1), "
                           "(SELECT count(*) FROM action WHERE team_id = t.id AND status = 'open'), "
                           "(SELECT count(*) FROM action WHERE team_id = t.id AND status = 'open' "
                           "   AND due_on < ?2) "
                           "FROM team t", "ss", now, today);
  if (teams == NULL)
    return NULL;
  for (guint i = 0; i < teams->len; i++)
    {
      TandemCaseloadTeam *team = teams->pdata[i];

      team->days_since_seen = team->last_seen ? MAX (0, days_between (team->last_seen, now)) : -1;
    }
  g_ptr_array_sort (teams, compare_caseload);
  return teams;
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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &session_shape, SESSION_SELECT
                          "WHERE s.starts_at > ?1 ORDER BY s.starts_at LIMIT ?2",
                          "si", now, (int) MIN (limit, G_MAXINT));
}

/* ------------------------------------------------------------------------ */
/* Editing: every change through the project, logged and undoable           */

/* The first row of @sql (with @types bound) as @n_texts texts, each NULL if
 * there is no row: FALSE if the read failed, or if there is no row and @gone
 * (when not NULL) is the message that says so. The read is over when this
 * returns, so that a change can follow. */
static gboolean
query_texts (TandemProject  *project,
             GError        **error,
             const char     *gone,
             char          **texts,
             guint           n_texts,
             const char     *sql,
             const char     *types,
             ...)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_prepare (project, sql, error);
  TandemDbStep step;
  va_list args;

  memset (texts, 0, n_texts * sizeof (char *));
  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  _tandem_db_bind_valist (stmt, types, args);
  va_end (args);
  step = _tandem_db_step (project, stmt, error);
  if (step == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, (int) n_texts);
      for (guint i = 0; i < n_texts; i++)
        texts[i] = _tandem_db_column_text (stmt, (int) i);
    }
  else if (step == TANDEM_DB_DONE && gone != NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, gone);
      return FALSE;
    }
  return step != TANDEM_DB_FAILED;
}

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

  return _tandem_db_insert_change (project, _("Log coaching session"), "coaching_session",
                                   fields, G_N_ELEMENTS (fields), error);
}

/**
 * tandem_coaching_set_attendance:
 * @project: a project
 * @session_id: a session
 * @person_id: a person
 * @status: present, apologies, or %TANDEM_ATTENDANCE_NOT_RECORDED
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
tandem_coaching_set_attendance (TandemProject           *project,
                                const char              *session_id,
                                const char              *person_id,
                                TandemAttendanceStatus   status,
                                const char              *title,
                                GError                 **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_auto(GStrv) row = g_new0 (char *, 3);   /* id, status */
  const char *word = tandem_stored_enum_to_word (TANDEM_TYPE_ATTENDANCE_STATUS, (int) status);
  const char *id;
  int old_status = TANDEM_ATTENDANCE_NOT_RECORDED;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (word != NULL || status == TANDEM_ATTENDANCE_NOT_RECORDED, FALSE);

  if (!query_texts (project, error, NULL, row, 2, "SELECT id, status FROM attendance "
                    "WHERE session_id = ?1 AND person_id = ?2", "ss", session_id, person_id))
    return FALSE;
  id = row[0];
  if (id != NULL)
    tandem_stored_enum_from_word (TANDEM_TYPE_ATTENDANCE_STATUS, row[1], &old_status);
  if (old_status == (int) status)
    return TRUE;

  if (!tandem_change_begin (&change, project, _("Record attendance"), error))
    return FALSE;
  if (word == NULL)
    ok = tandem_project_delete (project, "attendance", id, error);
  else if (id != NULL)
    ok = tandem_project_update (project, "attendance", id, "status",
                                tandem_value_text (word), error);
  else
    {
      TandemField fields[] = {
        { "session_id", tandem_value_text (session_id) },
        { "person_id", tandem_value_text (person_id) },
        { "role", tandem_value_text (title) },
        { "status", tandem_value_text (word) },
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
  g_autoptr(GPtrArray) ids = NULL;
  gboolean ok = TRUE;
  guint k;

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

  ids = _tandem_db_list (project, error, NULL, kinds[k].sql, "ss", session_id, item_id);
  if (ids == NULL)
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

/* Adds an open action as one undoable change (or in the one under way).
 * Returns: (transfer full) (nullable): its id */
static char *
add_open_action (TandemProject  *project,
                 const char     *label,
                 const char     *team_id,
                 const char     *session_id,
                 const char     *what,
                 const char     *owner_id,
                 const char     *due_on,
                 const char     *carried_from,
                 GError        **error)
{
  TandemField fields[] = {
    { "team_id", tandem_value_text (team_id) },
    { "session_id", tandem_value_text (session_id) },
    { "what", tandem_value_text (what) },
    { "owner_id", tandem_value_text (owner_id) },
    { "due_on", tandem_value_text (due_on) },
    { "status", action_status_value (TANDEM_ACTION_OPEN) },
    { "carried_from", tandem_value_text (carried_from) },
  };

  return _tandem_db_insert_change (project, label, "action", fields, G_N_ELEMENTS (fields), error);
}

/**
 * tandem_coaching_add_action:
 * @project: a project
 * @session_id: the session that agreed it
 * @what: what is to be done
 * @owner_id: (nullable): who will do it
 * @due_on: (nullable): by when, as tandem_read_typed_date() reads it (01/12/2026 or 2026-12-01)
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
  g_autofree char *team_id = NULL;
  char due[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (due_on != NULL && !tandem_read_typed_date (due_on, due, error))
    return NULL;
  if (!query_texts (project, error, _("The coaching session is no longer in the project."),
                    &team_id, 1,
                    "SELECT team_id FROM coaching_session WHERE id = ?1", "s", session_id))
    return NULL;
  return add_open_action (project, _("Add action"), team_id, session_id, what, owner_id,
                          due_on ? due : NULL, NULL, error);
}

/* Closes an action with @status, in the change under way or, given a
 * @label, as one undoable change of its own. */
static gboolean
close_action (TandemProject       *project,
              const char          *label,
              const char          *action_id,
              TandemActionStatus   status,
              const char          *reason,
              const char          *today,
              GError             **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  if (label != NULL && !tandem_change_begin (&change, project, label, error))
    return FALSE;
  return tandem_project_update (project, "action", action_id, "status",
                                action_status_value (status), error) &&
         tandem_project_update (project, "action", action_id, "closed_on",
                                tandem_value_text (today), error) &&
         tandem_project_update (project, "action", action_id, "reason",
                                tandem_value_text (reason), error) &&
         (label == NULL || tandem_change_commit (&change, error));
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
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return close_action (project, _("Mark action done"), action_id, TANDEM_ACTION_DONE, NULL,
                       today, error);
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
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (*stripped == '\0')
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("Say why the action is dropped."));
      return FALSE;
    }
  return close_action (project, _("Drop action"), action_id, TANDEM_ACTION_DROPPED, stripped,
                       today, error);
}

/**
 * tandem_coaching_carry_forward:
 * @project: a project
 * @action_id: an open action
 * @session_id: the session carrying it forward
 * @due_on: its new due date, as tandem_read_typed_date() reads it
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
  g_auto(GStrv) row = g_new0 (char *, 4);   /* team_id, what, owner_id */
  g_autofree char *reason = NULL;
  g_autofree char *id = NULL;
  char due[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!tandem_read_typed_date (due_on, due, error))
    return NULL;
  if (!query_texts (project, error, _("The action is no longer in the project."), row, 3,
                    "SELECT team_id, what, owner_id FROM action WHERE id = ?1", "s", action_id))
    return NULL;
  reason = g_strdup_printf (_("Carried forward to %s"), due);

  /* Closing the action and adding its copy are one change. */
  if (!tandem_change_begin (&change, project, _("Carry action forward"), error) ||
      !close_action (project, NULL, action_id, TANDEM_ACTION_DROPPED, reason, today, error))
    return NULL;
  id = add_open_action (project, _("Carry action forward"), row[0], session_id, row[1], row[2],
                        due, action_id, error);
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
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;
  int year, month;
  char first[8], last[8];

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

  stmt = _tandem_db_query (project, error, "SELECT id, name FROM team WHERE ?1 IS NULL OR id = ?1 "
                           "ORDER BY position, name", "s", team_id);
  if (stmt == NULL)
    return NULL;
  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, 2);
      g_hash_table_insert (rows, _tandem_db_column_text (stmt, 0), GUINT_TO_POINTER (names->len));
      g_ptr_array_add (names, _tandem_db_column_text (stmt, 1));
    }
  if (step == TANDEM_DB_FAILED)
    return NULL;
  g_clear_pointer (&stmt, _tandem_db_release);
  attendance->n_teams = names->len;
  g_ptr_array_add (names, NULL);
  attendance->team_names = (char **) g_ptr_array_steal (names, NULL);
  attendance->sessions = g_new0 (guint, MAX (1, attendance->n_teams * n_months));
  attendance->team_sessions = g_new0 (guint, MAX (1, attendance->n_teams));
  attendance->team_with_le = g_new0 (guint, MAX (1, attendance->n_teams));

  stmt = _tandem_db_query (project, error,
                           "SELECT s.team_id, substr (s.starts_at, 1, 7) AS month, count(*), "
                           "  sum (" LIVED_EXPERIENCE_PRESENT ") "
                           "FROM coaching_session s "
                           "WHERE (?1 IS NULL OR s.team_id = ?1) "
                           "AND substr (s.starts_at, 1, 7) BETWEEN ?2 AND ?3 "
                           "AND (?4 OR s.private = 0) "
                           "GROUP BY s.team_id, month",
                           "sssb", team_id, first, last, include_private);
  if (stmt == NULL)
    return NULL;
  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *team = _tandem_db_column_text (stmt, 0);
      g_autofree char *in_month = _tandem_db_column_text (stmt, 1);
      gpointer row;
      int y, m, index;

      _tandem_db_assert_columns (stmt, 4);
      if (team == NULL || in_month == NULL ||
          !g_hash_table_lookup_extended (rows, team, NULL, &row) ||
          sscanf (in_month, "%4d-%2d", &y, &m) != 2)
        continue;
      index = (y - attendance->first_year) * 12 + (m - attendance->first_month);
      if (index < 0 || index >= (int) n_months)
        continue;
      attendance->sessions[GPOINTER_TO_UINT (row) * n_months + index] =
        (guint) _tandem_db_column_int (stmt, 2);
      attendance->team_sessions[GPOINTER_TO_UINT (row)] += (guint) _tandem_db_column_int (stmt, 2);
      attendance->team_with_le[GPOINTER_TO_UINT (row)] += (guint) _tandem_db_column_int (stmt, 3);
    }
  if (step == TANDEM_DB_FAILED)
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
