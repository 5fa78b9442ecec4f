/* test-db.c — the db module's one error mapping, seen through the modules
 * that use it, and the TandemChange guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "tandem-change.h"
#include "tandem-coaching.h"
#include "tandem-db-private.h"
#include "tandem-comments.h"
#include "tandem-measure.h"
#include "tandem-project-private.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
  char          *node;
  char          *measure;
  char          *thread;
  char          *session;
  char          *person;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diagram = NULL;

  tandem_project_set_default_busy_timeout (150);
  fixture->project = create_project_in_tmp ("tandem-db-XXXXXX", "Locks project.tandem",
                                           &fixture->dir, &fixture->path);
  tandem_project_set_author (fixture->project, "Ada Coach");

  fixture->team = add_team_or_die (fixture->project, "Willow Ward");
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    diagram = insert_or_die (fixture->project, "diagram", f, G_N_ELEMENTS (f));
    fixture->measure = insert_or_die (fixture->project, "measure", f, G_N_ELEMENTS (f));
  }
  {
    TandemField f[] = {
      { "diagram_id", tandem_value_text (diagram) },
      { "kind", tandem_value_text ("change_idea") },
      { "title", tandem_value_text ("Safety huddle") },
    };
    fixture->node = insert_or_die (fixture->project, "node", f, G_N_ELEMENTS (f));
  }
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Sam Nurse") },
    };
    fixture->person = insert_or_die (fixture->project, "person", f, G_N_ELEMENTS (f));
  }
  fixture->thread = tandem_comments_add (fixture->project, "node", fixture->node,
                                         "Who runs the huddle?", &error);
  g_assert_no_error (error);
  fixture->session = tandem_coaching_log_session (fixture->project, fixture->team,
                                                  "2026-03-02T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
  g_free (fixture->node);
  g_free (fixture->measure);
  g_free (fixture->thread);
  g_free (fixture->session);
  g_free (fixture->person);
  tandem_project_set_default_busy_timeout (2000);
}

static void
assert_locked (GError *error)
{
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Locks project.tandem"));
  g_assert_nonnull (strstr (error->message, "Try again"));
}

/* Another program writing to the file makes an edit in each module fail as
 * "locked, try again", not as a generic failure; once it is done, the same
 * edit goes through. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  other = hold_write_lock (fixture->path);

  g_assert_false (tandem_comments_set_resolved (fixture->project, fixture->thread, TRUE, &error));
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (tandem_coaching_set_attendance (fixture->project, fixture->session,
                                                  fixture->person, TANDEM_ATTENDANCE_PRESENT, NULL,
                                                  &error));
  assert_locked (error);
  g_clear_error (&error);

  g_assert_false (tandem_measure_set_linked (fixture->project, fixture->measure, fixture->node,
                                             TRUE, &error));
  assert_locked (error);
  g_clear_error (&error);

  /* A read is refused the same way while the other program holds the file. */
  g_assert_null (tandem_team_list (fixture->project, &error));
  assert_locked (error);
  g_clear_error (&error);

  release_write_lock (other);

  {
    g_autoptr(GPtrArray) teams = tandem_team_list (fixture->project, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (teams->len, >, 0);
  }

  g_assert_true (tandem_comments_set_resolved (fixture->project, fixture->thread, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_coaching_set_attendance (fixture->project, fixture->session,
                                                 fixture->person, TANDEM_ATTENDANCE_PRESENT, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (tandem_measure_set_linked (fixture->project, fixture->measure, fixture->node,
                                            TRUE, &error));
  g_assert_no_error (error);
}

/* A file opened for reading refuses an edit through a module as read-only. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_clear_object (&fixture->project);
  reader = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_false (tandem_comments_set_resolved (reader, fixture->thread, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Locks project.tandem"));
  g_clear_error (&error);

  g_assert_false (tandem_change_begin (&change, reader, "Rename team", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
}

static const char count_teams[] = "SELECT count(*) FROM team";
static const char count_log[] = "SELECT count(*) FROM change_log";

static char *
add_team_in_change (TandemProject *project,
                    gboolean       commit)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TandemField f[] = { { "name", tandem_value_text ("Aspen Ward") } };

  g_assert_true (tandem_change_begin (&change, project, "Add Aspen Ward", &error));
  g_assert_no_error (error);
  id = tandem_project_insert (project, "team", f, G_N_ELEMENTS (f), &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  if (commit)
    {
      g_assert_true (tandem_change_commit (&change, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&id);
}

/* Left without a commit, the guard rolls the change back: no row, nothing in
 * the change log, nothing to undo. */
static void
test_guard_rolls_back (Fixture       *fixture,
                       gconstpointer  data)
{
  TandemProject *project = fixture->project;
  gint64 teams = count_or_die (project, count_teams);
  gint64 logged = count_or_die (project, count_log);
  g_autofree char *undo = tandem_project_dup_undo_label (project);
  g_autofree char *id = add_team_in_change (project, FALSE);
  g_autofree char *undo_after = tandem_project_dup_undo_label (project);

  g_assert_false (tandem_project_exists (project, "team", id));
  g_assert_cmpint (count_or_die (project, count_teams), ==, teams);
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  g_assert_cmpstr (undo_after, ==, undo);
}

/* Committed, the change is saved, logged and undone as one. */
static void
test_guard_commits (Fixture       *fixture,
                    gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 teams = count_or_die (project, count_teams);
  gint64 logged = count_or_die (project, count_log);
  g_autofree char *id = add_team_in_change (project, TRUE);
  g_autofree char *undo = tandem_project_dup_undo_label (project);

  g_assert_true (tandem_project_exists (project, "team", id));
  g_assert_cmpint (count_or_die (project, count_teams), ==, teams + 1);
  g_assert_cmpint (count_or_die (project, count_log), ==, logged + 1);
  g_assert_cmpstr (undo, ==, "Add Aspen Ward");

  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (project, "team", id));
}

/* Inside a change already open, the guard joins it: its commit saves
 * nothing by itself, and the outer change decides. */
static void
test_guard_joins (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 teams = count_or_die (project, count_teams);
  g_autofree char *id = NULL;

  g_assert_true (tandem_project_begin (project, "Outer", &error));
  id = add_team_in_change (project, TRUE);
  g_assert_true (tandem_project_exists (project, "team", id));
  tandem_project_rollback (project);
  g_assert_false (tandem_project_exists (project, "team", id));
  g_assert_cmpint (count_or_die (project, count_teams), ==, teams);
}

/* The query helpers bind each kind of value in order, read the first row
 * back, tell "no row" from "failed", and say "locked" while another
 * program holds the file. */
static void
test_query_helpers (Fixture       *fixture,
                    gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 value = -1;
  gboolean found = FALSE;
  sqlite3 *other = NULL;

  g_assert_true (_tandem_db_exec (project, "CREATE TEMP TABLE t (s, i, l, d, b, n)", &error));
  g_assert_no_error (error);
  g_assert_true (_tandem_db_run (project, &error, "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                                 "sildb-", "Aspen", 7, G_GINT64_CONSTANT (1) << 40, 2.5,
                                 TRUE));
  g_assert_no_error (error);
  g_assert_cmpint (_tandem_db_changes (project), ==, 1);
  g_assert_true (_tandem_db_run (project, &error, "INSERT INTO t (s) VALUES (?)", "s", NULL));
  g_assert_no_error (error);

  g_assert_true (_tandem_db_query_text (project, &error, &text, &found,
                                        "SELECT s FROM t WHERE i = ? AND l = ? AND d = ? AND b = ?"
                                        " AND n IS NULL", "ildb",
                                        7, G_GINT64_CONSTANT (1) << 40, 2.5, TRUE));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpstr (text, ==, "Aspen");
  g_clear_pointer (&text, g_free);

  g_assert_true (_tandem_db_query_text (project, &error, &text, &found,
                                        "SELECT s FROM t WHERE s IS NULL", NULL));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_null (text);

  g_assert_true (_tandem_db_query_int (project, &error, &value, &found,
                                       "SELECT i FROM t WHERE s = ?", "s", "Birch"));
  g_assert_no_error (error);
  g_assert_false (found);
  g_assert_cmpint (value, ==, 0);

  g_assert_true (_tandem_db_query_int (project, &error, &value, NULL,
                                       "SELECT count(*) FROM t", NULL));
  g_assert_cmpint (value, ==, 2);

  other = hold_write_lock (fixture->path);
  g_assert_false (_tandem_db_query_int (project, &error, &value, &found,
                                        "SELECT count(*) FROM team", NULL));
  assert_locked (error);
  g_assert_false (found);
  release_write_lock (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/query-helpers", Fixture, NULL, fixture_set_up, test_query_helpers,
              fixture_tear_down);
  g_test_add ("/db/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/db/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/db/guard/rolls-back", Fixture, NULL, fixture_set_up, test_guard_rolls_back,
              fixture_tear_down);
  g_test_add ("/db/guard/commits", Fixture, NULL, fixture_set_up, test_guard_commits,
              fixture_tear_down);
  g_test_add ("/db/guard/joins", Fixture, NULL, fixture_set_up, test_guard_joins,
              fixture_tear_down);
  return g_test_run ();
}
