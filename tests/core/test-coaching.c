/* test-coaching.c — sessions, attendance, actions reviewed, caseload, search,
 * the format-2 migration and the session record as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-coaching.h"
#include "tandem-coaching-text.h"
#include "tandem-merge.h"
#include "tandem-project-private.h"
#include "tandem-sample.h"
#include "tandem-schema.h"
#include "tandem-test-core-util.h"

#define NOW   "2026-11-21T12:00:00Z"
#define TODAY "2026-11-21"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  tandem_project_set_default_busy_timeout (2000);
  fixture->project = create_project_in_tmp ("tandem-coaching-XXXXXX", "Coaching.tandem",
                                           &fixture->dir, &fixture->path);
  tandem_project_set_author (fixture->project, "Ruth Coach");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
}

static char *
insert (TandemProject     *project,
        const char        *entity,
        const TandemField *fields,
        guint              n_fields)
{
  g_autoptr(GError) error = NULL;
  char *id;

  g_assert_true (tandem_project_begin (project, "Test", &error));
  id = tandem_project_insert (project, entity, fields, n_fields, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_commit (project, &error));
  g_assert_no_error (error);
  return id;
}

static char *
add_person (TandemProject *project,
            const char    *team,
            const char    *name,
            const char    *role,
            gboolean       lived_experience)
{
  TandemField fields[] = {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text (name) },
    { "role", tandem_value_text (role) },
    { "brings_lived_experience", tandem_value_int (lived_experience) },
  };
  return insert (project, "person", fields, G_N_ELEMENTS (fields));
}

static char *
add_team (TandemProject *project,
          const char    *name)
{
  TandemField fields[] = { { "name", tandem_value_text (name) } };
  return insert (project, "team", fields, 1);
}

static void
set_text (TandemProject *project,
          const char    *entity,
          const char    *id,
          const char    *field,
          const char    *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_begin (project, "Edit", &error));
  g_assert_true (tandem_project_update (project, entity, id, field, tandem_value_text (value), &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_commit (project, &error));
}

static guint
count_hits (TandemProject *project,
            const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tandem_coaching_search (project, text, 100, &error);

  g_assert_no_error (error);
  return hits ? hits->len : G_MAXUINT;
}

/* The journey, in the model: a session with three attendees and two
 * actions; the next session reviews them. */
static void
test_session_and_review (Fixture       *fixture,
                         gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Calder Ward");
  g_autofree char *ann = add_person (project, team, "Ann Staff", "staff", FALSE);
  g_autofree char *bo = add_person (project, team, "Bo Partner", "lived_experience_partner", TRUE);
  g_autofree char *cy = add_person (project, team, "Cy Sponsor", "senior_sponsor", FALSE);
  g_autofree char *di = add_person (project, team, "Di Peer", "peer_support_worker", TRUE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *carried = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) agreed = NULL;
  g_autoptr(TandemSession) session = NULL;

  first = tandem_coaching_log_session (project, team, "2026-11-04T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_can_undo (project));
  g_assert_true (tandem_coaching_set_attendance (project, first, ann,
                                                 TANDEM_ATTENDANCE_PRESENT, "Ward manager", &error));
  g_assert_true (tandem_coaching_set_attendance (project, first, bo,
                                                 TANDEM_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_true (tandem_coaching_set_attendance (project, first, cy,
                                                 TANDEM_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_true (tandem_coaching_set_attendance (project, first, di,
                                                 TANDEM_ATTENDANCE_APOLOGIES, NULL, &error));
  g_assert_no_error (error);
  set_text (project, "coaching_session", first, "notes", "Talked about the evening group.");
  a1 = tandem_coaching_add_action (project, first, "Book the quiet room", ann, "2026-11-11", &error);
  g_assert_no_error (error);
  a2 = tandem_coaching_add_action (project, first, "Ask carers about visiting times", bo,
                                   "2026-11-30", &error);
  g_assert_no_error (error);

  session = tandem_coaching_get_session (project, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->coach, ==, "Ruth Coach");
  g_assert_cmpstr (session->kind, ==, TANDEM_SESSION_KIND_FRONTLINE);
  g_assert_cmpuint (session->n_present, ==, 3);
  g_assert_cmpuint (session->n_apologies, ==, 1);
  g_assert_true (session->lived_experience_present);
  g_assert_cmpuint (session->n_actions, ==, 2);
  g_assert_cmpuint (session->n_open_actions, ==, 2);

  people = tandem_coaching_list_attendees (project, team, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 4);
  g_assert_cmpstr (((TandemAttendee *) people->pdata[0])->title, ==, "Ward manager");

  /* Changing one's mind: Cy was not there after all. */
  g_assert_true (tandem_coaching_set_attendance (project, first, cy, TANDEM_ATTENDANCE_NOT_RECORDED,
                                                 NULL, &error));
  g_clear_pointer (&session, tandem_session_free);
  session = tandem_coaching_get_session (project, first, &error);
  g_assert_cmpuint (session->n_present, ==, 2);
  g_assert_true (tandem_coaching_set_attendance (project, first, cy,
                                                 TANDEM_ATTENDANCE_PRESENT, NULL, &error));

  /* The next session lists both as open actions to review; the first is
   * overdue by the 21st. */
  second = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  review = tandem_coaching_list_actions_to_review (project, team, "2026-11-18T10:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, 2);
  g_assert_cmpstr (((TandemAction *) review->pdata[0])->id, ==, a1);
  g_assert_true (tandem_action_is_overdue (review->pdata[0], TODAY));
  g_assert_false (tandem_action_is_overdue (review->pdata[1], TODAY));
  g_assert_cmpstr (((TandemAction *) review->pdata[0])->owner_name, ==, "Ann Staff");
  g_clear_pointer (&review, g_ptr_array_unref);

  /* Nothing agreed in the first session is reviewed in itself. */
  review = tandem_coaching_list_actions_to_review (project, team, "2026-11-04T10:00:00Z", &error);
  g_assert_cmpuint (review->len, ==, 0);
  g_clear_pointer (&review, g_ptr_array_unref);

  g_assert_true (tandem_coaching_mark_done (project, a1, TODAY, &error));
  g_assert_no_error (error);
  carried = tandem_coaching_carry_forward (project, a2, second, "2026-12-09", TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (carried);
  {
    g_autofree char *status = tandem_project_get_text (project, "action", a1, "status");
    g_autofree char *from = tandem_project_get_text (project, "action", carried, "carried_from");
    g_autofree char *old = tandem_project_get_text (project, "action", a2, "status");
    g_autofree char *reason = tandem_project_get_text (project, "action", a2, "reason");
    g_autofree char *owner = tandem_project_get_text (project, "action", carried, "owner_id");

    g_assert_cmpstr (status, ==, "done");
    g_assert_cmpstr (from, ==, a2);
    g_assert_cmpstr (old, ==, "dropped");
    g_assert_cmpstr (reason, ==, "Carried forward to 2026-12-09");
    g_assert_cmpstr (owner, ==, bo);
  }
  agreed = tandem_coaching_list_actions (project, second, &error);
  g_assert_cmpuint (agreed->len, ==, 1);
  g_assert_cmpstr (((TandemAction *) agreed->pdata[0])->due_on, ==, "2026-12-09");

  /* A bad date is refused and nothing changes. */
  g_assert_null (tandem_coaching_carry_forward (project, carried, second, "next week", TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    /* Impossible dates too, never cut short or moved to another day. */
    static const char * const impossible[] = { "2026-12-257", "2026/12/09", "2021-02-29",
                                               "2026-13-01", "2026-12-0x" };

    for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
      {
        g_assert_null (tandem_coaching_carry_forward (project, carried, second, impossible[i],
                                                      TODAY, &error));
        g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
        g_clear_error (&error);
        g_assert_null (tandem_coaching_add_action (project, second, "Book a room", NULL,
                                                   impossible[i], &error));
        g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_clear_pointer (&agreed, g_ptr_array_unref);
    agreed = tandem_coaching_list_actions (project, second, &error);
    g_assert_cmpuint (agreed->len, ==, 1);
  }
  g_assert_false (tandem_coaching_drop (project, carried, "  ", TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_coaching_drop (project, carried, "No longer needed", TODAY, &error));
  {
    g_autofree char *status = tandem_project_get_text (project, "action", carried, "status");
    g_assert_cmpstr (status, ==, "dropped");
  }

  /* Each step is its own undoable change. */
  {
    g_autofree char *label = tandem_project_dup_undo_label (project);
    g_assert_cmpstr (label, ==, "Drop action");
  }
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_false (tandem_project_exists (project, "action", carried));
  {
    g_autofree char *status = tandem_project_get_text (project, "action", a2, "status");
    g_assert_cmpstr (status, ==, "open");
  }

  sessions = tandem_coaching_list_sessions (project, team, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (((TandemSession *) sessions->pdata[0])->id, ==, second);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = tandem_coaching_list_sessions (project, team, "2026-11-10", "2026-11-30", TRUE, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Private sessions are left out when asked. */
  {
    g_autoptr(GError) e = NULL;
    g_assert_true (tandem_project_begin (project, "Private", &e));
    g_assert_true (tandem_project_update (project, "coaching_session", second, "private",
                                          tandem_value_int (1), &e));
    g_assert_true (tandem_project_commit (project, &e));
  }
  sessions = tandem_coaching_list_sessions (project, team, NULL, NULL, FALSE, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((TandemSession *) sessions->pdata[0])->id, ==, first);

  {
    g_autofree char *previous = tandem_coaching_find_previous (project, team, "2026-11-18T10:00:00Z");
    g_assert_cmpstr (previous, ==, first);
  }
}

static void
test_links_and_templates (Fixture       *fixture,
                          gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autofree char *team = NULL;
  g_autofree char *session = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *measure = NULL;
  TandemCoachingTemplate *check_in;

  team = add_team (project, "Orion Unit");
  {
    TandemField fields[] = { { "team_id", tandem_value_text (team) },
                             { "name", tandem_value_text ("Hours of activity") } };
    measure = insert (project, "measure", fields, G_N_ELEMENTS (fields));
  }

  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 2);
  check_in = templates->pdata[0];
  g_assert_null (check_in->id);
  g_assert_nonnull (strstr (check_in->check_in, "What am I feeling in my body right now?"));
  g_assert_nonnull (strstr (((TandemCoachingTemplate *) templates->pdata[1])->notes,
                            "What are you proud of?"));

  session = tandem_coaching_log_session (project, team, "2026-11-02T09:00:00Z", check_in, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = tandem_project_get_text (project, "coaching_session", session, "check_in");
    g_assert_cmpstr (text, ==, check_in->check_in);
  }

  links = tandem_coaching_list_links (project, team, session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_null (((TandemSessionLink *) links->pdata[0])->link_id);
  g_clear_pointer (&links, g_ptr_array_unref);
  g_assert_true (tandem_coaching_set_link (project, session, "measure", measure, TRUE, &error));
  g_assert_true (tandem_coaching_set_link (project, session, "measure", measure, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, "session_link", "session_id", session), ==, 1);
  links = tandem_coaching_list_links (project, team, session, &error);
  g_assert_nonnull (((TandemSessionLink *) links->pdata[0])->link_id);
  g_assert_true (tandem_coaching_set_link (project, session, "measure", measure, FALSE, &error));
  g_assert_cmpint (tandem_project_count (project, "session_link", "session_id", session), ==, 0);
  g_assert_false (tandem_coaching_set_link (project, session, "team", team, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  set_text (project, "coaching_session", session, "kind", "Peer network");
  template_id = tandem_coaching_save_template (project, "Peer network check-in", session, &error);
  g_assert_no_error (error);
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->id, ==, template_id);
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->kind, ==, "Peer network");

  kinds = tandem_coaching_list_kinds (project);
  g_assert_cmpuint (kinds->len, ==, 6);
  g_assert_cmpstr (kinds->pdata[5], ==, "Peer network");
  g_assert_cmpstr (tandem_coaching_kind_label ("collaborative_workshop"), ==, "Collaborative workshop");
  g_assert_cmpstr (tandem_coaching_kind_label ("Peer network"), ==, "Peer network");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TandemProject) other = NULL;
  g_autofree char *team = add_team (project, "Rydal Ward");
  g_autofree char *session = NULL;
  g_autofree char *action = NULL;
  g_autofree char *markup = NULL;

  session = tandem_coaching_log_session (project, team, "2026-11-02T09:00:00Z", NULL, &error);
  set_text (project, "coaching_session", session, "notes",
            "The team wants a <quiet> room before ward rounds & an easy-read agenda.");
  action = tandem_coaching_add_action (project, session, "Draft the easy-read agenda with Jamal",
                                       NULL, "2026-11-09", &error);
  g_assert_no_error (error);

  hits = tandem_coaching_search (project, "easy-read", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      TandemSearchHit *hit = hits->pdata[i];

      g_assert_cmpstr (hit->session_id, ==, session);
      g_assert_cmpstr (hit->team_name, ==, "Rydal Ward");
      g_assert_nonnull (strstr (hit->snippet, TANDEM_MATCH_START "easy" TANDEM_MATCH_END));
      if (hit->is_action)
        g_assert_cmpstr (hit->item_id, ==, action);
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefixes, any case, any order; punctuation is not syntax. */
  g_assert_cmpuint (count_hits (project, "QUIET ROOM"), ==, 1);
  g_assert_cmpuint (count_hits (project, "roo qui"), ==, 1);
  g_assert_cmpuint (count_hits (project, "\"quiet (room* -"), ==, 1);
  g_assert_cmpuint (count_hits (project, "   "), ==, 0);
  g_assert_cmpuint (count_hits (project, "lighthouse"), ==, 0);

  hits = tandem_coaching_search (project, "quiet", 10, &error);
  markup = tandem_coaching_snippet_markup (((TandemSearchHit *) hits->pdata[0])->snippet);
  g_assert_nonnull (strstr (markup, "&lt;<b>"));
  g_assert_nonnull (strstr (markup, "quiet</span></b>&gt;"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Edits, deletes and undo keep the index true. */
  set_text (project, "coaching_session", session, "notes", "Talked about the lighthouse.");
  g_assert_cmpuint (count_hits (project, "quiet"), ==, 0);
  g_assert_cmpuint (count_hits (project, "lighthouse"), ==, 1);
  g_assert_true (tandem_project_begin (project, "Delete", &error));
  g_assert_true (tandem_project_delete (project, "coaching_session", session, &error));
  g_assert_true (tandem_project_commit (project, &error));
  g_assert_cmpuint (count_hits (project, "lighthouse"), ==, 0);
  g_assert_cmpuint (count_hits (project, "Jamal"), ==, 1);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_cmpuint (count_hits (project, "lighthouse"), ==, 1);

  /* Another program's edit is found too. */
  other = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  set_text (other, "coaching_session", session, "advice", "Try a sensory map of the ward.");
  g_assert_cmpuint (count_hits (project, "sensory"), ==, 1);
  g_assert_cmpuint (count_hits (other, "sensory"), ==, 1);

  /* A bookmark that cannot be right rebuilds the index. */
  g_assert_cmpint (sqlite3_exec (_tandem_project_get_db (project),
                                 "UPDATE meta SET value = 999999 WHERE key = 'coaching_search_seq'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (count_hits (project, "sensory"), ==, 1);
  g_assert_cmpuint (count_hits (project, "Jamal"), ==, 1);

  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

static void
test_caseload (Fixture       *fixture,
               gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(TandemAttendance) attendance = NULL;
  TandemCaseloadTeam *first;

  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  /* What a project is created with is not logged row by row, yet is found. */
  g_assert_cmpuint (count_hits (project, "picture cards"), ==, 2);

  teams = tandem_coaching_caseload (project, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 3);
  for (guint i = 1; i < teams->len; i++)
    {
      TandemCaseloadTeam *a = teams->pdata[i - 1], *b = teams->pdata[i];
      g_assert_cmpuint (a->n_overdue, >=, b->n_overdue);
    }
  first = teams->pdata[0];
  g_assert_cmpuint (first->n_overdue, >, 0);
  g_assert_cmpuint (first->n_open, >=, first->n_overdue);
  g_assert_nonnull (first->last_seen);
  g_assert_cmpint (first->days_since_seen, >=, 0);

  /* Overdue in the caseload agrees with the actions themselves. */
  for (guint i = 0; i < teams->len; i++)
    {
      TandemCaseloadTeam *team = teams->pdata[i];
      g_autoptr(GPtrArray) open = tandem_coaching_list_actions_to_review (project, team->team_id,
                                                                          NULL, &error);
      guint overdue = 0;

      for (guint a = 0; a < open->len; a++)
        overdue += tandem_action_is_overdue (open->pdata[a], TODAY);
      g_assert_cmpuint (open->len, ==, team->n_open);
      g_assert_cmpuint (overdue, ==, team->n_overdue);
    }

  upcoming = tandem_coaching_list_upcoming (project, "2026-10-01T00:00:00Z", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 5);
  g_assert_cmpstr (((TandemSession *) upcoming->pdata[0])->starts_at, <,
                   ((TandemSession *) upcoming->pdata[1])->starts_at);

  attendance = tandem_coaching_attendance (project, NULL, "2026-11", 3, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->n_teams, ==, 3);
  g_assert_cmpint (attendance->first_month, ==, 9);
  {
    guint total = 0, le = 0;

    for (guint t = 0; t < attendance->n_teams; t++)
      {
        guint row = 0;
        for (guint m = 0; m < attendance->n_months; m++)
          row += attendance->sessions[t * attendance->n_months + m];
        g_assert_cmpuint (row, ==, attendance->team_sessions[t]);
        g_assert_cmpuint (attendance->team_with_le[t], <=, attendance->team_sessions[t]);
        total += row;
        le += attendance->team_with_le[t];
      }
    g_assert_cmpint (total, ==, tandem_project_count (project, "coaching_session", NULL, NULL));
    g_assert_cmpuint (le, >, 0);
  }
  g_clear_pointer (&attendance, tandem_attendance_free);
  attendance = tandem_coaching_attendance (project, NULL, "2026-13", 3, TRUE, &error);
  g_assert_null (attendance);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_record_text (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(TandemSessionRecord) record = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *log = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ics_all = NULL;
  TandemSession *latest;

  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  sessions = tandem_coaching_list_sessions (project, teams->pdata[0], NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  latest = sessions->pdata[0];

  record = tandem_coaching_session_record (project, latest->id, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->title, ==, "Coaching session: Delderfield Ward");
  markdown = tandem_session_record_markdown (record);
  g_assert_true (g_str_has_prefix (markdown, "# Coaching session: Delderfield Ward\n"));
  g_assert_nonnull (strstr (markdown, "## Who took part\n\n- "));
  g_assert_nonnull (strstr (markdown, "## Actions agreed\n\n- Invite the community organisation"));
  g_assert_nonnull (strstr (markdown, "## Earlier actions still open"));
  g_assert_nonnull (strstr (markdown, "OVERDUE"));
  g_assert_nonnull (strstr (markdown, "Confidence: 4 out of 5"));

  records = tandem_coaching_log_records (project, teams->pdata[0], "2026-11-01", NULL, TRUE,
                                         TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  log = tandem_coaching_log_markdown (records, "Delderfield Ward");
  g_assert_nonnull (strstr (log, "3 coaching sessions."));

  ics = tandem_coaching_calendar (project, teams->pdata[0], NULL, NULL, FALSE,
                                  "2026-11-21T12:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics, "DTSTAMP:20261121T120000Z\r\n"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Coaching: Delderfield Ward (Frontline delivery)\r\n"));
  {
    g_autofree char *uid = g_strdup_printf ("UID:%s@tandemqi.org\r\n", latest->id);
    g_autofree char *start = NULL;
    g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (latest->starts_at, NULL);
    g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
    guint events = 0;

    start = g_date_time_format (t, "DTSTART:%Y%m%dT%H%M%SZ");
    g_assert_nonnull (strstr (ics, uid));
    g_assert_nonnull (strstr (ics, start));
    for (guint i = 0; lines[i]; i++)
      {
        g_assert_cmpuint (strlen (lines[i]), <=, 75);
        events += g_str_equal (lines[i], "BEGIN:VEVENT");
      }
    g_assert_cmpuint (events, ==, sessions->len);
  }

  /* A private session keeps its time but not its words. */
  g_assert_true (tandem_project_begin (project, "Private", &error));
  g_assert_true (tandem_project_update (project, "coaching_session", latest->id, "private",
                                        tandem_value_int (1), &error));
  g_assert_true (tandem_project_commit (project, &error));
  g_clear_pointer (&ics, g_free);
  ics = tandem_coaching_calendar (project, teams->pdata[0], NULL, NULL, FALSE, NULL, &error);
  ics_all = tandem_coaching_calendar (project, teams->pdata[0], NULL, NULL, TRUE, NULL, &error);
  {
    g_autofree char *uid = g_strdup_printf ("UID:%s@tandemqi.org", latest->id);
    g_assert_null (strstr (ics, uid));
    g_assert_nonnull (strstr (ics_all, uid));
    g_assert_nonnull (strstr (ics_all, "CLASS:PRIVATE"));
  }
}

/* A format-1 file (as Tandem 0.1 wrote it) opens as format 2 with every row
 * kept, searchable at once, and passes a check. */
static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const *entities = tandem_schema_list_entities ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 last_seq = 0;

  g_assert_true (tandem_sample_populate (fixture->project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  for (guint i = 0; entities[i]; i++)
    g_hash_table_insert (before, (gpointer) entities[i],
                         GINT_TO_POINTER (tandem_project_count (fixture->project, entities[i], NULL, NULL)));
  g_clear_object (&fixture->project);

  /* Take it back to format 1. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, /* format 7: no standards (the sample's go) */
                                 "DROP TABLE panel_review; DROP TABLE standard_evidence;"
                                 "DROP TABLE priority_link; DROP TABLE priority_standard;"
                                 "DROP TABLE assessment_score; DROP TABLE assessment_response;"
                                 "DROP TABLE assessment_round; DROP TABLE evidence_type;"
                                 "DROP TABLE standard_level; DROP TABLE standard_score_word;"
                                 "DROP TABLE standard;"
                                 /* format 6: no measures by group (the sample's go) */
                                 "DROP TABLE breakdown_point; DROP TABLE measure_breakdown;"
                                 "DROP TABLE grouping_category; DROP TABLE grouping;"
                                 /* format 5: a role without its people (SQLite cannot drop a
                                  * column with a reference, so the table is made again) */
                                 "CREATE TABLE peer_role_v4 ("
                                 "  id TEXT PRIMARY KEY NOT NULL,"
                                 "  team_id TEXT NOT NULL REFERENCES team (id) ON DELETE CASCADE,"
                                 "  title TEXT NOT NULL, band TEXT,"
                                 "  hours REAL CHECK (hours IS NULL OR hours BETWEEN 0 AND 80),"
                                 "  start_date TEXT, end_date TEXT, leaving_reason TEXT,"
                                 "  paired INTEGER NOT NULL DEFAULT 0,"
                                 "  vacancy INTEGER NOT NULL DEFAULT 0,"
                                 "  expected_supervision_per_month REAL);"
                                 "INSERT INTO peer_role_v4 SELECT id, team_id, title, band, hours,"
                                 "  start_date, end_date, leaving_reason, paired, vacancy,"
                                 "  expected_supervision_per_month FROM peer_role;"
                                 "DROP TABLE peer_role;"
                                 "ALTER TABLE peer_role_v4 RENAME TO peer_role;"
                                 "CREATE INDEX peer_role_by_team ON peer_role (team_id);"
                                 /* format 4: people's teams back in person.team_id */
                                 "UPDATE person SET team_id = (SELECT team_id FROM team_member "
                                 "  WHERE person_id = person.id);"
                                 "DROP TABLE team_member;"
                                 "ALTER TABLE person DROP COLUMN role_title;"
                                 "ALTER TABLE person DROP COLUMN taking_part_as;"
                                 "ALTER TABLE person DROP COLUMN organisation;"
                                 "ALTER TABLE person DROP COLUMN contact;"
                                 "ALTER TABLE person DROP COLUMN inactive_since;"
                                 "DROP TABLE coaching_search; DROP TABLE coaching_search_doc;"
                                 "DROP TABLE coaching_template;"
                                 /* format 3 */
                                 "DROP TABLE conflict; DROP INDEX change_txn_by_origin;"
                                 "ALTER TABLE change_txn DROP COLUMN origin_replica;"
                                 "ALTER TABLE change_txn DROP COLUMN origin_id;"
                                 "ALTER TABLE change_txn DROP COLUMN merged_at;"
                                 "DELETE FROM meta WHERE key LIKE 'coaching_search_%';"
                                 "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(seq) FROM change_log", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  last_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpint (tandem_project_check_file (fixture->path, problems), ==, TANDEM_CHECK_PROBLEMS);
  g_assert_nonnull (strstr (problems->pdata[0], "older format 1"));

  fixture->project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; entities[i]; i++)
    if (!g_strv_contains ((const char * const[]) { "coaching_template", "measure_breakdown",
                                                   "breakdown_point", "assessment_round",
                                                   "assessment_response", "assessment_score",
                                                   "priority_standard", "priority_link",
                                                   "standard_evidence", "panel_review", NULL },
                          entities[i]))
      g_assert_cmpint (tandem_project_count (fixture->project, entities[i], NULL, NULL), ==,
                       GPOINTER_TO_INT (g_hash_table_lookup (before, entities[i])));
  db = _tandem_project_get_db (fixture->project);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT value FROM meta WHERE key = 'coaching_search_seq'), "
                                       "(SELECT user_version FROM pragma_user_version), "
                                       "(SELECT count(*) FROM coaching_search_doc)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, last_seq);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, TANDEM_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==,
                   tandem_project_count (fixture->project, "coaching_session", NULL, NULL) +
                   tandem_project_count (fixture->project, "action", NULL, NULL));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (count_hits (fixture->project, "picture cards"), ==, 2);
  g_clear_object (&fixture->project);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

/* A file whose search table is not Tandem's own is refused, unchanged. */
static void
test_foreign_index (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE coaching_search;"
                                 "CREATE VIRTUAL TABLE coaching_search USING fts5 (check_in, notes, "
                                 "advice, agreements, action, content = 'change_log')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  project = tandem_project_open (fixture->path, &error);
  g_assert_null (project);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_UNUSABLE);
}

/* Whether @path's bytes hold @word in any letter case (the search index
 * keeps words folded to lower case). */
static gboolean
file_holds (const char *path,
            const char *word)
{
  g_autofree char *bytes = NULL;
  g_autofree char *lower = g_ascii_strdown (word, -1);
  gsize length, n = strlen (lower);

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  /* Byte by byte: the file is full of NULs, where string functions stop. */
  for (gsize i = 0; i < length; i++)
    bytes[i] = g_ascii_tolower (bytes[i]);
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, lower, n) == 0)
      return TRUE;
  return FALSE;
}

static void
set_int (TandemProject *project,
         const char    *entity,
         const char    *id,
         const char    *field,
         gint64         value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_begin (project, "Edit", &error));
  g_assert_true (tandem_project_update (project, entity, id, field, tandem_value_int (value), &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_commit (project, &error));
}

/* A copy to share leaves private sessions out, with every trace of their
 * words: rows, history and search index; the project keeps them. */
static void
test_copy_without_private (Fixture       *fixture,
                           gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) copy = NULL;
  g_autofree char *team = add_team (project, "Marlowe Ward");
  g_autofree char *ann = add_person (project, team, "Ann Staff", "staff", FALSE);
  g_autofree char *open_session = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *kept_action = NULL;
  g_autofree char *secret_action = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *plain = g_build_filename (fixture->dir, "Plain.tandem", NULL);
  g_autofree char *shared = g_build_filename (fixture->dir, "Shared.tandem", NULL);
  g_autofree char *measure = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  open_session = tandem_coaching_log_session (project, team, "2026-11-04T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (project, "coaching_session", open_session, "notes", "Openly shared gardening plans");
  kept_action = tandem_coaching_add_action (project, open_session, "Water the tomatoes", ann,
                                            "2026-11-30", &error);
  g_assert_no_error (error);

  secret = tandem_coaching_log_session (project, team, "2026-11-11T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_int (project, "coaching_session", secret, "private", 1);
  set_text (project, "coaching_session", secret, "notes", "Zanzibarish first draft");
  set_text (project, "coaching_session", secret, "notes", "Quetzalcoatl disclosure");
  set_text (project, "coaching_session", secret, "agreements", "Xylophonic agreement");
  g_assert_true (tandem_coaching_set_attendance (project, secret, ann, TANDEM_ATTENDANCE_PRESENT,
                                                 "Brontosaurus title", &error));
  {
    TandemField fields[] = { { "team_id", tandem_value_text (team) },
                             { "name", tandem_value_text ("Falls") } };
    measure = insert (project, "measure", fields, G_N_ELEMENTS (fields));
  }
  g_assert_true (tandem_coaching_set_link (project, secret, "measure", measure, TRUE, &error));
  secret_action = tandem_coaching_add_action (project, secret, "Ptarmigan errand", ann,
                                              "2026-11-20", &error);
  g_assert_no_error (error);
  /* Carried from the private session into an open one: the open one keeps
   * its own copy of the words, which the team agreed openly. */
  carried = tandem_coaching_carry_forward (project, secret_action, open_session, "2026-12-01",
                                           TODAY, &error);
  g_assert_no_error (error);
  {
    TandemField fields[] = { { "entity", tandem_value_text ("coaching_session") },
                             { "entity_id", tandem_value_text (secret) },
                             { "author", tandem_value_text ("Ruth Coach") },
                             { "text", tandem_value_text ("Wolframite remark") },
                             { "created_at", tandem_value_text (NOW) } };
    comment = insert (project, "comment", fields, G_N_ELEMENTS (fields));
  }

  /* A conflict kept from a merge (format 3 files) holds both values. */
  {
    sqlite3 *db = _tandem_project_get_db (project);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'conflict'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    if (sqlite3_column_int (stmt, 0) == 1)
      {
        g_autofree char *sql = g_strdup_printf (
          "INSERT INTO conflict (id, entity, entity_id, field, mine_value, theirs_value, source, "
          "created_at) VALUES ('c1', 'coaching_session', '%s', 'notes', 'Yetiform mine', "
          "'Yetiform theirs', 'merge', '" NOW "')", secret);
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      }
    sqlite3_finalize (stmt);
  }

  /* A private session deleted since: the change log still remembers it. */
  gone = tandem_coaching_log_session (project, team, "2026-11-12T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_int (project, "coaching_session", gone, "private", 1);
  set_text (project, "coaching_session", gone, "check_in", "Kookaburra feelings");
  g_assert_true (tandem_project_begin (project, "Delete", &error));
  g_assert_true (tandem_project_delete (project, "coaching_session", gone, &error));
  g_assert_true (tandem_project_commit (project, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_hits (project, "quetzalcoatl"), ==, 1);
  g_assert_cmpuint (tandem_coaching_count_private (project), ==, 1);

  /* The ordinary copy holds everything, which is what makes the check below
   * mean something. */
  g_assert_true (tandem_project_save_copy (project, plain, &error));
  g_assert_no_error (error);
  g_assert_true (file_holds (plain, "Quetzalcoatl"));
  g_assert_true (file_holds (plain, "Zanzibarish"));
  g_assert_true (file_holds (plain, "Kookaburra"));

  g_assert_false (tandem_coaching_save_copy_without_private (project, fixture->path, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (tandem_coaching_save_copy_without_private (project, shared, &error));
  g_assert_no_error (error);
  {
    const char *words[] = { "Zanzibarish", "Quetzalcoatl", "Xylophonic", "Brontosaurus",
                            "Kookaburra", "Wolframite", "Yetiform", secret, gone, comment, secret_action };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      if (file_holds (shared, words[i]))
        g_error ("The shared copy still holds “%s”", words[i]);
  }
  g_assert_true (file_holds (shared, "gardening"));
  g_assert_true (file_holds (shared, "tomatoes"));
  g_assert_true (file_holds (shared, "Ptarmigan"));

  /* Nothing else left beside the copy, and the project itself untouched. */
  {
    g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, ".tandem-"))
        n++;
    g_assert_cmpuint (n, ==, 0);
  }
  g_assert_true (tandem_project_exists (project, "coaching_session", secret));
  g_assert_cmpuint (count_hits (project, "quetzalcoatl"), ==, 1);

  g_assert_cmpint (tandem_project_check_file (shared, NULL), ==, TANDEM_CHECK_GOOD);
  copy = tandem_project_open (shared, &error);
  g_assert_no_error (error);
  sessions = tandem_coaching_list_sessions (copy, team, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((TandemSession *) sessions->pdata[0])->id, ==, open_session);
  g_assert_cmpuint (tandem_coaching_count_private (copy), ==, 0);
  g_assert_cmpint (tandem_project_count (copy, "action", NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (copy, "attendance", NULL, NULL), ==, 0);
  g_assert_cmpint (tandem_project_count (copy, "session_link", NULL, NULL), ==, 0);
  g_assert_cmpint (tandem_project_count (copy, "comment", NULL, NULL), ==, 0);
  g_assert_null (tandem_project_get_text (copy, "action", carried, "carried_from"));
  g_assert_cmpuint (count_hits (copy, "quetzalcoatl"), ==, 0);
  g_assert_cmpuint (count_hits (copy, "gardening"), ==, 1);
  g_assert_cmpuint (count_hits (copy, "ptarmigan"), ==, 1);
  g_assert_true (tandem_project_exists (copy, "measure", measure));

  /* A project with nothing private gives the same as an ordinary copy. */
  g_assert_true (tandem_coaching_save_copy_without_private (copy, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_check_file (plain, NULL), ==, TANDEM_CHECK_GOOD);
}

/* A copy saved without private sessions stays without them: merging the
 * project into it leaves out private sessions and all that hangs off them
 * (also a session made private since), and brings the rest; merging the copy
 * back into the project keeps the project's private sessions. */
static void
test_merge_copy_without_private (Fixture       *fixture,
                                 gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) copy = NULL;
  g_autofree char *shared = g_build_filename (fixture->dir, "Shared.tandem", NULL);
  g_autofree char *team = add_team (project, "Marlowe Ward");
  g_autofree char *ann = add_person (project, team, "Ann Staff", "staff", FALSE);
  g_autofree char *open_session = NULL, *secret = NULL, *later = NULL, *turned = NULL;
  g_autofree char *fresh = NULL, *copy_session = NULL, *secret_action = NULL, *comment = NULL;
  g_autofree char *sentence = NULL;
  TandemMergeSummary summary = { 0, };
  const char *words[] = { "Quetzalcoatl", "Zanzibarish", "Brontosaurus", "Kookaburra",
                          "Yetiform", "Wolframite", "Ptarmigan", NULL };

  tandem_project_set_author (project, "Ruth Coach");
  open_session = tandem_coaching_log_session (project, team, "2026-11-04T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (project, "coaching_session", open_session, "notes", "Openly shared gardening plans");
  turned = tandem_coaching_log_session (project, team, "2026-11-05T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (project, "coaching_session", turned, "notes", "Harbour plans");
  secret = tandem_coaching_log_session (project, team, "2026-11-11T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_int (project, "coaching_session", secret, "private", 1);
  set_text (project, "coaching_session", secret, "notes", "Quetzalcoatl disclosure");

  g_assert_true (tandem_coaching_save_copy_without_private (project, shared, &error));
  g_assert_no_error (error);

  /* The project goes on: more said in the private session, a new private
   * one, a session made private, and open edits. */
  set_text (project, "coaching_session", secret, "notes", "Kookaburra follow-up");
  g_assert_true (tandem_coaching_set_attendance (project, secret, ann, TANDEM_ATTENDANCE_PRESENT,
                                                 "Brontosaurus title", &error));
  secret_action = tandem_coaching_add_action (project, secret, "Ptarmigan errand", ann,
                                              "2026-11-20", &error);
  g_assert_no_error (error);
  {
    TandemField fields[] = { { "entity", tandem_value_text ("coaching_session") },
                             { "entity_id", tandem_value_text (secret) },
                             { "author", tandem_value_text ("Ruth Coach") },
                             { "text", tandem_value_text ("Wolframite remark") },
                             { "created_at", tandem_value_text (NOW) } };
    comment = insert (project, "comment", fields, G_N_ELEMENTS (fields));
  }
  later = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_int (project, "coaching_session", later, "private", 1);
  set_text (project, "coaching_session", later, "notes", "Zanzibarish secret");
  set_int (project, "coaching_session", turned, "private", 1);
  set_text (project, "coaching_session", turned, "notes", "Yetiform private words");
  set_text (project, "coaching_session", open_session, "notes", "Openly shared gardening plans, revised");
  fresh = tandem_coaching_log_session (project, team, "2026-11-19T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (project, "coaching_session", fresh, "notes", "Marmalade open notes");

  /* The copy goes on too. */
  copy = tandem_project_open (shared, &error);
  g_assert_no_error (error);
  tandem_project_set_author (copy, "Sam Peer");
  set_text (copy, "coaching_session", open_session, "agreements", "Lemonade agreement");
  copy_session = tandem_coaching_log_session (copy, team, "2026-11-25T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (copy, "coaching_session", copy_session, "notes", "Tangerine copy notes");

  /* The project into the copy. */
  g_assert_true (tandem_project_merge (copy, tandem_project_get_path (project), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.private_left_out, ==, 3);
  sentence = tandem_merge_summary_describe (&summary);
  g_assert_nonnull (strstr (sentence, "3 private sessions were left out"));
  {
    g_autofree char *notes = tandem_project_get_text (copy, "coaching_session", open_session, "notes");
    g_assert_cmpstr (notes, ==, "Openly shared gardening plans, revised");
  }
  g_assert_true (tandem_project_exists (copy, "coaching_session", fresh));
  g_assert_false (tandem_project_exists (copy, "coaching_session", secret));
  g_assert_false (tandem_project_exists (copy, "coaching_session", later));
  g_assert_false (tandem_project_exists (copy, "action", secret_action));
  g_assert_false (tandem_project_exists (copy, "comment", comment));
  /* Made private there after the copy was made: the copy keeps it as it
   * was, without what was said since. */
  {
    g_autofree char *notes = tandem_project_get_text (copy, "coaching_session", turned, "notes");
    g_autofree char *private_ = tandem_project_get_text (copy, "coaching_session", turned, "private");
    g_assert_cmpstr (notes, ==, "Harbour plans");
    g_assert_cmpstr (private_, ==, "0");
  }
  g_assert_cmpuint (tandem_coaching_count_private (copy), ==, 0);
  g_assert_cmpuint (count_hits (copy, "marmalade"), ==, 1);
  g_assert_cmpuint (count_hits (copy, "kookaburra"), ==, 0);

  /* Again: nothing new, and still nothing private. */
  g_assert_true (tandem_project_merge (copy, tandem_project_get_path (project), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.transactions, ==, 0);
  g_assert_cmpuint (summary.private_left_out, ==, 3);
  g_clear_object (&copy);
  for (guint i = 0; words[i] != NULL; i++)
    if (file_holds (shared, words[i]))
      g_error ("The shared copy holds “%s” after the merge", words[i]);
  g_assert_false (file_holds (shared, secret));
  g_assert_false (file_holds (shared, later));
  g_assert_true (file_holds (shared, "Marmalade"));
  g_assert_cmpint (tandem_project_check_file (shared, NULL), ==, TANDEM_CHECK_GOOD);

  /* The copy into the project: its edits come in, private sessions stay. */
  g_assert_true (tandem_project_merge (project, shared, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.private_left_out, ==, 0);
  g_assert_cmpuint (summary.deleted, ==, 0);
  g_assert_cmpuint (tandem_coaching_count_private (project), ==, 3);
  {
    g_autofree char *notes = tandem_project_get_text (project, "coaching_session", secret, "notes");
    g_autofree char *later_notes = tandem_project_get_text (project, "coaching_session", later, "notes");
    g_autofree char *turned_notes = tandem_project_get_text (project, "coaching_session", turned, "notes");
    g_autofree char *agreements = tandem_project_get_text (project, "coaching_session", open_session,
                                                           "agreements");
    g_autofree char *copy_notes = tandem_project_get_text (project, "coaching_session", copy_session,
                                                           "notes");
    g_assert_cmpstr (notes, ==, "Kookaburra follow-up");
    g_assert_cmpstr (later_notes, ==, "Zanzibarish secret");
    g_assert_cmpstr (turned_notes, ==, "Yetiform private words");
    g_assert_cmpstr (agreements, ==, "Lemonade agreement");
    g_assert_cmpstr (copy_notes, ==, "Tangerine copy notes");
  }
  g_assert_true (tandem_project_exists (project, "action", secret_action));
  g_assert_true (tandem_project_exists (project, "comment", comment));
  g_assert_cmpint (tandem_project_count (project, "attendance", NULL, NULL), ==, 1);
}

/* The coach's own templates can be renamed and deleted, each undoably. */
static void
test_template_rename_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *team = add_team (project, "Sable Ward");
  g_autofree char *session = NULL;
  g_autofree char *id = NULL;

  session = tandem_coaching_log_session (project, team, "2026-11-02T09:00:00Z", NULL, &error);
  g_assert_no_error (error);
  set_text (project, "coaching_session", session, "notes", "Our agenda");
  id = tandem_coaching_save_template (project, "Monthly", session, &error);
  g_assert_no_error (error);

  g_assert_false (tandem_coaching_rename_template (project, id, "   ", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_coaching_rename_template (project, id, "  Executive monthly ", &error));
  g_assert_no_error (error);
  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->name, ==, "Executive monthly");
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->notes, ==, "Our agenda");
  g_clear_pointer (&templates, g_ptr_array_unref);
  {
    g_autofree char *label = tandem_project_dup_undo_label (project);
    g_assert_cmpstr (label, ==, "Rename session template");
  }
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  {
    g_autofree char *name = tandem_project_get_text (project, "coaching_template", id, "name");
    g_assert_cmpstr (name, ==, "Monthly");
  }

  g_assert_true (tandem_coaching_delete_template (project, id, &error));
  g_assert_no_error (error);
  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 2);
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->name, ==, "Monthly");
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->notes, ==, "Our agenda");
  /* The session started from it keeps its words whatever becomes of it. */
  g_assert_true (tandem_coaching_delete_template (project, id, &error));
  {
    g_autofree char *notes = tandem_project_get_text (project, "coaching_session", session, "notes");
    g_assert_cmpstr (notes, ==, "Our agenda");
  }
}

/* Names and notes are shown in Markdown as they were typed: no HTML passes
 * through, and nothing typed turns into a heading, list, quote or rule. */
static void
test_markdown_escaped (Fixture       *fixture,
                       gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(TandemSessionRecord) record = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *log = NULL;
  const char *notes = "<script>alert(1)</script> & more\n"
                      "# heading\n"
                      "- not a list\n"
                      "1. not numbered\n"
                      "> not a quote\n"
                      "===\n"
                      "    not code\n"
                      "[a link](javascript:alert(2)) and *stars* and `ticks`";

  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  sessions = tandem_coaching_list_sessions (project, teams->pdata[0], NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_begin (project, "Hostile", &error));
  g_assert_true (tandem_project_update (project, "team", teams->pdata[0], "name",
                                        tandem_value_text ("R&D <b>Ward</b> # 2"), &error));
  g_assert_true (tandem_project_update (project, "coaching_session",
                                        ((TandemSession *) sessions->pdata[0])->id, "notes",
                                        tandem_value_text (notes), &error));
  g_assert_true (tandem_project_commit (project, &error));

  record = tandem_coaching_session_record (project, ((TandemSession *) sessions->pdata[0])->id,
                                           TODAY, &error);
  g_assert_no_error (error);
  markdown = tandem_session_record_markdown (record);
  records = tandem_coaching_log_records (project, teams->pdata[0], NULL, NULL, TRUE, TODAY, &error);
  g_assert_no_error (error);
  log = tandem_coaching_log_markdown (records, "R&D <b>Ward</b> # 2");

  for (guint d = 0; d < 2; d++)
    {
      const char *text = d == 0 ? markdown : log;
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      g_assert_null (strchr (text, '<'));
      g_assert_nonnull (strstr (text, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
      g_assert_nonnull (strstr (text, "R&amp;D &lt;b&gt;Ward&lt;/b&gt; \\# 2"));
      g_assert_nonnull (strstr (text, "\n\\# heading  \n"));
      g_assert_nonnull (strstr (text, "\n\\- not a list  \n"));
      g_assert_nonnull (strstr (text, "\n1\\. not numbered  \n"));
      g_assert_nonnull (strstr (text, "\n&gt; not a quote  \n"));
      g_assert_nonnull (strstr (text, "\n\\===  \n"));
      g_assert_nonnull (strstr (text, "\nnot code  \n"));
      g_assert_nonnull (strstr (text, "\\[a link\\](javascript:alert(2)) and \\*stars\\* and \\`ticks\\`"));
      /* The only headings are the record's own. */
      for (guint i = 0; lines[i]; i++)
        if (lines[i][0] == '#')
          g_assert_true (g_str_has_prefix (lines[i], "# ") || g_str_has_prefix (lines[i], "## ") ||
                         g_str_has_prefix (lines[i], "### "));
    }
  g_assert_true (g_str_has_prefix (markdown, "# Coaching session: R&amp;D &lt;b&gt;Ward&lt;/b&gt; \\# 2\n"));
  g_assert_true (g_str_has_prefix (log, "# R&amp;D &lt;b&gt;Ward&lt;/b&gt; \\# 2\n"));
}

static void
assert_coach (TandemProject *project,
              const char    *session,
              const char    *expected)
{
  g_autofree char *coach = tandem_project_get_text (project, "coaching_session", session, "coach");

  g_assert_cmpstr (coach, ==, expected);
}

/* The session form saved as one change in core: one undo takes back its
 * fields, attendance and links; a part that fails leaves nothing; a field
 * someone else changed is kept as a conflict and the rest is saved. Deleting
 * an action and a session, each one change. */
static void
test_typed_edits (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = fixture->project;
  static const char count_log[] = "SELECT count(*) FROM change_log";
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Lyra Ward");
  g_autofree char *person = add_person (project, team, "Sam Nurse", "staff", FALSE);
  g_autofree char *measure = NULL;
  g_autofree char *session = NULL;
  g_autofree char *action = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *first_coach = NULL;
  TandemFieldEdit fields[] = {
    { "coach", NULL, TRUE, tandem_value_text ("Ada Coach"), FALSE },
    { "notes", NULL, TRUE, tandem_value_text ("Huddles are working"), FALSE },
    { "minutes", "60", FALSE, tandem_value_int (60), FALSE },
  };
  TandemAttendanceChoice attendance[] = { { person, TANDEM_ATTENDANCE_PRESENT, "Charge nurse" } };
  TandemLinkChoice links[2] = { { "measure", NULL, TRUE }, { "team", NULL, TRUE } };
  gint64 logged;

  {
    TandemField f[] = { { "team_id", tandem_value_text (team) },
                        { "name", tandem_value_text ("Restraints") } };
    measure = insert (project, "measure", f, G_N_ELEMENTS (f));
  }
  links[0].item_id = measure;
  links[1].item_id = team;
  session = tandem_coaching_log_session (project, team, "2026-11-02T09:00:00Z", NULL, &error);
  g_assert_no_error (error);
  first_coach = tandem_project_get_text (project, "coaching_session", session, "coach");
  fields[0].shown = first_coach;

  /* The last link cannot be made: the fields and attendance before it go too. */
  undo = tandem_project_dup_undo_label (project);
  logged = count_or_die (project, count_log);
  g_assert_false (tandem_coaching_edit_session (project, session, fields, G_N_ELEMENTS (fields),
                                                attendance, 1, links, 2, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  assert_undo_label (project, undo);
  assert_coach (project, session, first_coach);
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 0);

  /* Someone else wrote the notes meanwhile: theirs stay, the rest is saved. */
  set_text (project, "coaching_session", session, "notes", "Their notes");
  g_assert_false (tandem_coaching_edit_session (project, session, fields, G_N_ELEMENTS (fields),
                                                attendance, 1, links, 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (fields[0].conflict);
  g_assert_true (fields[1].conflict);
  assert_undo_label (project, "Edit coaching session");
  {
    g_autofree char *coach = tandem_project_get_text (project, "coaching_session", session, "coach");
    g_autofree char *notes = tandem_project_get_text (project, "coaching_session", session, "notes");

    g_assert_cmpstr (coach, ==, "Ada Coach");
    g_assert_cmpstr (notes, ==, "Their notes");
  }
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 1);
  g_assert_cmpint (tandem_project_count (project, "session_link", "session_id", session), ==, 1);

  /* One undo takes the whole form back. */
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  assert_coach (project, session, first_coach);
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 0);
  g_assert_cmpint (tandem_project_count (project, "session_link", "session_id", session), ==, 0);

  /* Deleting an action, then the session, each one change undone by one undo. */
  action = tandem_coaching_add_action (project, session, "Run a huddle", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_coaching_delete_action (project, action, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete action");
  g_assert_false (tandem_project_exists (project, "action", action));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_exists (project, "action", action));

  g_assert_true (tandem_coaching_set_attendance (project, session, person,
                                                 TANDEM_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_true (tandem_coaching_delete_session (project, session, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete coaching session");
  g_assert_false (tandem_project_exists (project, "coaching_session", session));
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 0);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (project, "coaching_session", session));
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 1);

  /* A delete the file refuses leaves everything. */
  run_sql_or_die (project, "CREATE TEMP TRIGGER refuse BEFORE DELETE ON coaching_session "
                  "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (project, count_log);
  g_assert_false (tandem_coaching_delete_session (project, session, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  g_assert_true (tandem_project_exists (project, "coaching_session", session));
  g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session), ==, 1);
  assert_undo_label (project, "Record attendance");
}

/* Attendance is set and read as the stored enum: each value is stored as its
 * nick, and "not recorded" is no row at all. */
static void
test_attendance_status (Fixture       *fixture,
                        gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Willow Ward");
  g_autofree char *ann = add_person (project, team, "Ann Staff", "staff", FALSE);
  g_autofree char *session = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z",
                                                          NULL, &error);
  const TandemAttendanceStatus statuses[] = {
    TANDEM_ATTENDANCE_APOLOGIES, TANDEM_ATTENDANCE_PRESENT, TANDEM_ATTENDANCE_NOT_RECORDED,
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GPtrArray) people = NULL;
      TandemAttendee *attendee;

      g_assert_true (tandem_coaching_set_attendance (project, session, ann, statuses[i], NULL,
                                                     &error));
      g_assert_no_error (error);
      people = tandem_coaching_list_attendees (project, team, session, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (people->len, ==, 1);
      attendee = people->pdata[0];
      g_assert_cmpint (attendee->status, ==, statuses[i]);
      if (statuses[i] == TANDEM_ATTENDANCE_NOT_RECORDED)
        {
          g_assert_null (attendee->id);
          g_assert_cmpint (tandem_project_count (project, "attendance", "session_id", session),
                           ==, 0);
        }
      else
        {
          g_autofree char *word = tandem_project_get_text (project, "attendance", attendee->id,
                                                           "status");

          g_assert_cmpstr (word, ==, tandem_stored_enum_to_word (TANDEM_TYPE_ATTENDANCE_STATUS,
                                                                 statuses[i]));
        }
    }
}

/* A template of the coach's own, from a session of @team. */
static void
add_template (TandemProject *project,
              const char    *team)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = tandem_coaching_log_session (project, team, "2026-11-11T10:00:00Z",
                                                          NULL, &error);
  g_autofree char *template_ = tandem_coaching_save_template (project, "Ward round", session,
                                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (template_);
}

/* Opens the fixture's project again, waiting no longer than a test should
 * for a lock, and has another connection hold the file as another program
 * busy writing to it would. */
static sqlite3 *
hold_file (Fixture *fixture)
{
  reopen_impatient (&fixture->project, fixture->path, 150);
  return hold_write_lock (fixture->path);
}

/* The reads that have no error to give (the templates, the kinds of
 * session, the previous session, the count of private ones) say in a
 * warning naming the file that it is locked, rather than give a short list
 * or nothing as if that were all. Each runs in a subprocess, where the
 * warning is fatal. */
static void
test_locked_quiet_read (Fixture       *fixture,
                        gconstpointer  data)
{
  guint read = GPOINTER_TO_UINT (data);

  if (g_test_subprocess ())
    {
      g_autofree char *team = add_team (fixture->project, "Willow Ward");
      sqlite3 *other;

      add_template (fixture->project, team);
      other = hold_file (fixture);
      if (read == 0)
        g_ptr_array_unref (tandem_coaching_list_templates (fixture->project));
      else if (read == 1)
        g_ptr_array_unref (tandem_coaching_list_kinds (fixture->project));
      else if (read == 2)
        g_free (tandem_coaching_find_previous (fixture->project, team, NULL));
      else
        tandem_coaching_count_private (fixture->project);
      sqlite3_close (other);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Tandem-Coaching-WARNING*Coaching.tandem*is locked*");
}

/* Another program holding the file makes the module's reads and writes
 * fail as "locked, try again", never as a short list or a session that is
 * "no longer in the project"; once it lets go, the same calls go through. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (fixture->project, "Willow Ward");
  g_autofree char *person = add_person (fixture->project, team, "Ann Staff", "staff", FALSE);
  g_autofree char *session = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) caseload = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  sqlite3 *other = NULL;

  add_template (fixture->project, team);
  session = tandem_coaching_log_session (fixture->project, team, "2026-11-18T10:00:00Z", NULL,
                                         &error);
  g_assert_no_error (error);
  action = tandem_coaching_add_action (fixture->project, session, "Ask about the evening group",
                                       person, "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (fixture->project, "evening"), ==, 1);

  other = hold_file (fixture);

  /* Reads. */
  g_assert_null (tandem_coaching_list_sessions (fixture->project, team, NULL, NULL, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Coaching.tandem"));
  g_clear_error (&error);
  g_assert_null (tandem_coaching_search (fixture->project, "evening", 10, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_coaching_caseload (fixture->project, NOW, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  /* Writes, which read the action's or the session's team first. */
  g_assert_null (tandem_coaching_add_action (fixture->project, session, "Book the room", NULL,
                                             NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_coaching_carry_forward (fixture->project, action, session, "2026-12-07",
                                                TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  release_write_lock (other);

  sessions = tandem_coaching_list_sessions (fixture->project, team, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  hits = tandem_coaching_search (fixture->project, "evening", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  caseload = tandem_coaching_caseload (fixture->project, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caseload->len, ==, 1);
  templates = tandem_coaching_list_templates (fixture->project);
  g_assert_cmpuint (templates->len, ==, 3);
  g_free (tandem_coaching_add_action (fixture->project, session, "Book the room", NULL, NULL,
                                      &error));
  g_assert_no_error (error);
  g_free (tandem_coaching_carry_forward (fixture->project, action, session, "2026-12-07", TODAY,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "action", "session_id", session), ==, 3);
}

/* A session keeps what it reviewed, each with its outcome; an action carried
 * forward reads as carried forward, never as dropped. */
static void
test_reviewed_record (Fixture       *fixture,
                      gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Calder Ward");
  g_autofree char *first = NULL, *second = NULL, *third = NULL;
  g_autofree char *done = NULL, *carried = NULL, *dropped = NULL, *copy = NULL;
  g_autoptr(GPtrArray) reviewed = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(TandemSessionRecord) record = NULL;
  g_autofree char *text = NULL;

  first = tandem_coaching_log_session (project, team, "2026-11-04T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  done = tandem_coaching_add_action (project, first, "Book the quiet room", NULL, "2026-11-11", &error);
  carried = tandem_coaching_add_action (project, first, "Ask carers about visiting", NULL,
                                        "2026-11-12", &error);
  dropped = tandem_coaching_add_action (project, first, "Buy a new kettle", NULL, "2026-11-13", &error);
  g_assert_no_error (error);
  second = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (tandem_coaching_mark_done (project, done, "2026-11-18", &error));
  copy = tandem_coaching_carry_forward (project, carried, second, "2026-12-09", "2026-11-18", &error);
  g_assert_nonnull (copy);
  g_assert_true (tandem_coaching_drop (project, dropped, "The ward has one", "2026-11-18", &error));
  g_assert_no_error (error);

  reviewed = tandem_coaching_list_reviewed_actions (project, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviewed->len, ==, 3);
  g_assert_cmpstr (((TandemAction *) reviewed->pdata[0])->id, ==, done);
  g_assert_cmpstr (((TandemAction *) reviewed->pdata[1])->id, ==, carried);
  g_assert_cmpstr (((TandemAction *) reviewed->pdata[1])->carried_to, ==, copy);
  g_assert_cmpstr (((TandemAction *) reviewed->pdata[1])->carried_to_due, ==, "2026-12-09");
  g_assert_null (((TandemAction *) reviewed->pdata[2])->carried_to);

  /* The first session reviewed nothing; a later one does not claim these. */
  g_clear_pointer (&reviewed, g_ptr_array_unref);
  reviewed = tandem_coaching_list_reviewed_actions (project, first, &error);
  g_assert_cmpuint (reviewed->len, ==, 0);
  third = tandem_coaching_log_session (project, team, "2026-12-02T10:00:00Z", NULL, &error);
  later = tandem_coaching_list_reviewed_actions (project, third, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);

  record = tandem_coaching_session_record (project, second, TODAY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < record->sections->len; i++)
      {
        TandemRecordSection *section = record->sections->pdata[i];
        g_string_append_printf (all, "%s\n%s\n", section->heading, section->text);
      }
    text = g_string_free (g_steal_pointer (&all), FALSE);
  }
  g_assert_nonnull (strstr (text, "Reviewed in this session"));
  g_assert_nonnull (strstr (text, "• Book the quiet room — by 2026-11-11 — done"));
  g_assert_nonnull (strstr (text, "• Ask carers about visiting — by 2026-11-12 — carried forward to 2026-12-09"));
  g_assert_nonnull (strstr (text, "• Buy a new kettle — by 2026-11-13 — dropped: The ward has one"));
  g_assert_null (strstr (text, "dropped: Carried forward"));
}

/* An action added to a session someone has just deleted, or an action
 * carried forward after it was deleted, is refused in words and changes
 * nothing. */
static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Calder Ward");
  g_autofree char *first = NULL, *second = NULL, *action = NULL, *added = NULL, *copy = NULL;
  gint64 actions;

  first = tandem_coaching_log_session (project, team, "2026-11-04T10:00:00Z", NULL, &error);
  second = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  action = tandem_coaching_add_action (project, first, "Book the quiet room", NULL, "2026-11-11",
                                       &error);
  g_assert_no_error (error);

  g_assert_true (tandem_coaching_delete_action (project, action, &error));
  actions = tandem_project_count (project, "action", NULL, NULL);
  copy = tandem_coaching_carry_forward (project, action, second, "2026-12-09", "2026-11-18", &error);
  g_assert_null (copy);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The action is no longer in the project.");
  g_clear_error (&error);

  g_assert_true (tandem_coaching_delete_session (project, second, &error));
  added = tandem_coaching_add_action (project, second, "Ask carers about visiting", NULL, NULL,
                                      &error);
  g_assert_null (added);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The coaching session is no longer in the project.");
  g_assert_cmpint (tandem_project_count (project, "action", NULL, NULL), ==, actions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Europe/London", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/coaching/session-and-review", test_session_and_review);
  ADD ("/coaching/reviewed-record", test_reviewed_record);
  ADD ("/coaching/links-and-templates", test_links_and_templates);
  ADD ("/coaching/search", test_search);
  ADD ("/coaching/caseload", test_caseload);
  ADD ("/coaching/record-text", test_record_text);
  ADD ("/coaching/markdown-escaped", test_markdown_escaped);
  ADD ("/coaching/migrate-v1", test_migrate_v1);
  ADD ("/coaching/foreign-index", test_foreign_index);
  ADD ("/coaching/copy-without-private", test_copy_without_private);
  ADD ("/coaching/merge-copy-without-private", test_merge_copy_without_private);
  ADD ("/coaching/template-rename-delete", test_template_rename_delete);
  ADD ("/coaching/typed-edits", test_typed_edits);
  ADD ("/coaching/attendance-status", test_attendance_status);
  ADD ("/coaching/locked", test_locked);
  g_test_add ("/coaching/gone", Fixture, NULL, fixture_set_up, test_gone, fixture_tear_down);
  g_test_add ("/coaching/locked/templates", Fixture, GUINT_TO_POINTER (0), fixture_set_up,
              test_locked_quiet_read, fixture_tear_down);
  g_test_add ("/coaching/locked/kinds", Fixture, GUINT_TO_POINTER (1), fixture_set_up,
              test_locked_quiet_read, fixture_tear_down);
  g_test_add ("/coaching/locked/previous", Fixture, GUINT_TO_POINTER (2), fixture_set_up,
              test_locked_quiet_read, fixture_tear_down);
  g_test_add ("/coaching/locked/count-private", Fixture, GUINT_TO_POINTER (3), fixture_set_up,
              test_locked_quiet_read, fixture_tear_down);
#undef ADD
  return g_test_run ();
}
