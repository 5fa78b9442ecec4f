/* test-project.c — the project file: creating, opening, refusing, editing, undoing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Ward project.tandem", NULL);
  tandem_project_set_default_busy_timeout (2000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  free_tmp (&fixture->dir, &fixture->path);
}

static char *
add_team (TandemProject *project,
          const char    *name)
{
  g_autoptr(GError) error = NULL;
  TandemField fields[] = {
    { "name", tandem_value_text (name) },
    { "service_type", tandem_value_text ("Adult acute") },
  };
  char *id = tandem_project_insert (project, "team", fields, G_N_ELEMENTS (fields), &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static TandemProject *
make_project (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = tandem_project_create (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  tandem_project_set_author (project, "Ada Coach");
  return project;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Opening must fail with @code and leave the file byte for byte as it was. */
static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  gboolean had_journal = g_file_test (journal, G_FILE_TEST_EXISTS);

  project = tandem_project_open (path, &error);
  if (project != NULL)
    {
      /* Damage that only the structural check finds, which runs alongside
       * the open: every change is refused with its verdict. */
      g_autoptr(GError) change_error = NULL;

      g_assert_no_error (error);
      g_assert_false (tandem_project_begin (project, "Rename team", &change_error));
      g_assert_error (change_error, TANDEM_PROJECT_ERROR, code);
      g_assert_false (tandem_project_confirm_intact (project, &error));
      g_assert_cmpstr (error->message, ==, change_error->message);
      g_clear_object (&project);
    }
  g_assert_error (error, TANDEM_PROJECT_ERROR, code);
  g_assert_nonnull (strstr (error->message, base));
  if (words)
    g_assert_nonnull (strstr (error->message, words));

  g_assert_cmpint (tandem_project_check_file (path, problems), ==, TANDEM_CHECK_UNUSABLE);
  g_assert_cmpuint (problems->len, >, 0);

  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_file_test (journal, G_FILE_TEST_EXISTS), ==, had_journal);
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(TandemProject) again = NULL;
  g_autofree char *id = add_team (project, "Delderfield Ward");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *added_by = NULL;

  g_assert_false (tandem_project_get_read_only (project));
  /* Made without syncing until it was whole; edited with every commit synced. */
  g_assert_cmpint (count_or_die (project, "PRAGMA synchronous"), ==, 2);
  title = tandem_project_dup_title (project);
  g_assert_cmpstr (title, ==, "Ward project");
  g_clear_object (&project);

  again = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  name = tandem_project_get_text (again, "team", id, "name");
  g_assert_cmpstr (name, ==, "Delderfield Ward");
  added_by = tandem_project_dup_added_by (again, id);
  g_assert_cmpstr (added_by, ==, "Ada Coach");

  /* What the project was created with is credited to its creation. */
  {
    g_autoptr(GPtrArray) tags = tandem_project_list_ids (again, "equity_tag", NULL, NULL, "position");
    g_autofree char *tag_added_by = NULL;
    g_autofree char *nobody = tandem_project_dup_added_by (again, "no-such-id");

    g_assert_cmpuint (tags->len, >, 0);
    g_assert_cmpint (tandem_project_count (again, "framework_item", NULL, NULL), >, 0);
    tag_added_by = tandem_project_dup_added_by (again, tags->pdata[0]);
    g_assert_nonnull (tag_added_by);
    g_assert_cmpstr (tag_added_by, !=, "Ada Coach");
    g_assert_null (nobody);
  }
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);

  /* Creating never overwrites. */
  g_assert_null (tandem_project_create (fixture->path, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS);
}

static void
test_refuse_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (fixture->path, &error);

  g_assert_null (project);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Ward project.tandem"));
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_UNUSABLE);
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "Week,Incidents\n2024-01-01,4\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_NOT_SQLITE, "not a Tandem project");

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_NOT_TANDEM, "empty");
}

static void
test_refuse_foreign_sqlite (Fixture       *fixture,
                            gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT);"
                                 "INSERT INTO contacts VALUES ('x');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_NOT_TANDEM, "another program");
}

static void
test_refuse_foreign_schema (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  sqlite3 *db = NULL;

  g_clear_object (&project);
  /* Our application id, but a trigger we never make: refuse rather than run it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER sneaky AFTER INSERT ON team "
                                 "BEGIN DELETE FROM person; END;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_NOT_TANDEM, "triggers");

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER sneaky; DROP TABLE comment;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_NOT_TANDEM, "comment");
}

static void
test_refuse_too_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", TANDEM_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, newer, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_TOO_NEW, "newer version");
}

static void
fill (TandemProject *project,
      guint          n)
{
  g_autoptr(GError) error = NULL;

  tandem_project_begin (project, "Add many", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Team %u with a long enough name to fill pages", i);
      g_autofree char *id = add_team (project, name);
    }
  tandem_project_commit (project, &error);
  g_assert_no_error (error);
}

static void
test_refuse_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  fill (project, 2000);
  g_clear_object (&project);
  bytes = file_bytes (fixture->path);
  g_file_set_contents (fixture->path, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes) / 2, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_CORRUPT, "damaged");
}

static void
test_refuse_corrupt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *copy;
  gsize size;

  fill (project, 2000);
  g_clear_object (&project);
  bytes = file_bytes (fixture->path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  /* Scribble over the middle of the file, where table pages are. */
  for (gsize i = size / 3; i < size / 3 + 4096 * 3; i++)
    copy[i] = (guint8) (i * 7919);
  g_file_set_contents (fixture->path, (char *) copy, size, &error);
  g_free (copy);
  g_assert_no_error (error);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_CORRUPT, "damaged");
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *id = add_team (project, "Rydal Ward");
  g_autofree char *name = NULL;
  TandemField fields[] = { { "name", tandem_value_text ("Calder Ward") } };

  g_clear_object (&project);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = file_bytes (fixture->path);

  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_get_read_only (project));
  name = tandem_project_get_text (project, "team", id, "name");
  g_assert_cmpstr (name, ==, "Rydal Ward");

  g_assert_null (tandem_project_insert (project, "team", fields, 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Save a Copy"));
  g_clear_error (&error);
  g_assert_false (tandem_project_update (project, "team", id, "name",
                                         tandem_value_text ("X"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (tandem_project_can_undo (project));
  g_clear_object (&project);

  after = file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(TandemProject) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add_team (project, "Larches Ward");
  sqlite3 *other = NULL;

  tandem_project_set_default_busy_timeout (150);
  g_clear_object (&project);

  /* Another program holds an exclusive lock, as while it writes. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE team SET ward = 'x'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_LOCKED, "in use");
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Opened, then locked by someone else: the edit is refused, not lost silently. */
  second = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  /* (Its structural check reads the file until it has ended.) */
  g_assert_true (tandem_project_confirm_intact (second, &error));
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (tandem_project_update (second, "team", id, "ward",
                                         tandem_value_text ("Ground floor"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tandem_project_update (second, "team", id, "ward",
                                        tandem_value_text ("Ground floor"), &error));
  g_assert_no_error (error);
  sqlite3_close (other);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add_team (project, "Bowman Ward");
  g_autofree char *big = g_strnfill (150000, 'x');
  g_autofree char *name = NULL;
  g_autofree char *pragma = NULL;
  sqlite3 *db = _tandem_project_get_db (project);
  sqlite3_stmt *stmt = NULL;
  TandemField fields[] = {
    { "name", tandem_value_text ("Osprey Ward") },
    { "organisation", tandem_value_text (big) },
  };

  /* SQLite reports a full disk when a file may not grow past max_page_count. */
  sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pragma = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_null (tandem_project_insert (project, "team", fields, G_N_ELEMENTS (fields), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "Ward project.tandem"));
  g_clear_error (&error);

  /* The project carries on: small edits still fit, the failed one left no trace. */
  g_assert_true (tandem_project_update (project, "team", id, "ward",
                                        tandem_value_text ("First floor"), &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 1);
  name = tandem_project_get_text (project, "team", id, "ward");
  g_assert_cmpstr (name, ==, "First floor");
}

static void
assert_name (TandemProject *project,
             const char    *id,
             const char    *expected)
{
  g_autofree char *name = tandem_project_get_text (project, "team", id, "name");
  g_assert_cmpstr (name, ==, expected);
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_assert_false (tandem_project_can_undo (project));
  g_assert_false (tandem_project_undo (project, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  id = add_team (project, "Shannon Ward");
  g_assert_true (tandem_project_update (project, "team", id, "name",
                                        tandem_value_text ("Shannon Unit"), &error));
  g_assert_true (tandem_project_update (project, "team", id, "position",
                                        tandem_value_double (2.5), &error));
  g_assert_no_error (error);
  label = tandem_project_dup_undo_label (project);
  g_assert_cmpstr (label, ==, "Change team");

  g_assert_true (tandem_project_undo (project, &error));   /* position */
  g_assert_true (tandem_project_undo (project, &error));   /* name */
  g_assert_no_error (error);
  assert_name (project, id, "Shannon Ward");
  g_assert_true (tandem_project_can_redo (project));

  /* Undo and redo survive closing the project. */
  g_clear_object (&project);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (project, "Ada Coach");
  g_assert_true (tandem_project_can_redo (project));
  g_assert_true (tandem_project_redo (project, &error));
  g_assert_no_error (error);
  assert_name (project, id, "Shannon Unit");

  /* Undo the rename and the creation: the team is gone; redo brings it back. */
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (project, "team", id));
  g_assert_false (tandem_project_can_undo (project));
  g_assert_true (tandem_project_redo (project, &error));
  g_assert_no_error (error);
  assert_name (project, id, "Shannon Ward");

  /* A new edit clears what could be redone. */
  g_assert_true (tandem_project_update (project, "team", id, "ward",
                                        tandem_value_text ("Ground"), &error));
  g_assert_false (tandem_project_can_redo (project));

  /* Another author's undo stack is their own. */
  tandem_project_set_author (project, "Sam Peer");
  g_assert_false (tandem_project_can_undo (project));
}

static void
test_delete_with_children (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Forest Lodge");
  g_autofree char *other_team = add_team (project, "Orion Unit");
  g_autofree char *person = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *aim = NULL;
  g_autofree char *driver = NULL;
  g_autofree char *link = NULL;
  g_autofree char *action = NULL;
  g_autofree char *owner = NULL;

  {
    TandemField p[] = { { "team_id", tandem_value_text (team) },
                        { "name", tandem_value_text ("Jo Partner") },
                        { "role", tandem_value_text ("lived_experience_partner") } };
    person = tandem_project_insert (project, "person", p, G_N_ELEMENTS (p), &error);
  }
  {
    TandemField d[] = { { "team_id", tandem_value_text (team) },
                        { "name", tandem_value_text ("Our diagram") } };
    diagram = tandem_project_insert (project, "diagram", d, G_N_ELEMENTS (d), &error);
  }
  {
    TandemField n[] = { { "diagram_id", tandem_value_text (diagram) },
                        { "kind", tandem_value_text ("aim") },
                        { "title", tandem_value_text ("Fewer restraints") } };
    aim = tandem_project_insert (project, "node", n, G_N_ELEMENTS (n), &error);
  }
  {
    TandemField n[] = { { "diagram_id", tandem_value_text (diagram) },
                        { "kind", tandem_value_text ("primary") },
                        { "title", tandem_value_text ("Patients are heard") },
                        { "proposed_by", tandem_value_text (person) } };
    driver = tandem_project_insert (project, "node", n, G_N_ELEMENTS (n), &error);
  }
  {
    TandemField l[] = { { "diagram_id", tandem_value_text (diagram) },
                        { "parent_id", tandem_value_text (aim) },
                        { "child_id", tandem_value_text (driver) } };
    link = tandem_project_insert (project, "node_link", l, G_N_ELEMENTS (l), &error);
  }
  {
    /* An action of another team owned by this person: it survives, unowned. */
    TandemField a[] = { { "team_id", tandem_value_text (other_team) },
                        { "what", tandem_value_text ("Share the ward story") },
                        { "owner_id", tandem_value_text (person) } };
    action = tandem_project_insert (project, "action", a, G_N_ELEMENTS (a), &error);
  }
  g_assert_no_error (error);

  /* A link must join existing nodes. */
  {
    TandemField bad[] = { { "diagram_id", tandem_value_text (diagram) },
                          { "parent_id", tandem_value_text (aim) },
                          { "child_id", tandem_value_text ("no-such-node") } };
    g_assert_null (tandem_project_insert (project, "node_link", bad, G_N_ELEMENTS (bad), &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (tandem_project_delete (project, "team", team, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (project, "person", person));
  g_assert_false (tandem_project_exists (project, "node", aim));
  g_assert_false (tandem_project_exists (project, "node_link", link));
  g_assert_true (tandem_project_exists (project, "action", action));
  owner = tandem_project_get_text (project, "action", action, "owner_id");
  g_assert_null (owner);
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 1);

  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (project, "person", person));
  g_assert_true (tandem_project_exists (project, "node_link", link));
  owner = tandem_project_get_text (project, "action", action, "owner_id");
  g_assert_cmpstr (owner, ==, person);
  g_clear_pointer (&owner, g_free);
  owner = tandem_project_get_text (project, "node", driver, "proposed_by");
  g_assert_cmpstr (owner, ==, person);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);

  g_assert_true (tandem_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (project, "node", driver));
}

static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *team = add_team (project, "Calder Ward");
  TandemField empty[] = { { "name", tandem_value_text ("") } };
  TandemField unknown[] = { { "name; DROP TABLE team", tandem_value_text ("x") } };

  g_assert_null (tandem_project_insert (project, "team", empty, 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_project_insert (project, "team", unknown, 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_project_insert (project, "sqlite_schema", empty, 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_project_update (project, "team", "no-such-id", "name",
                                         tandem_value_text ("x"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  {
    TandemField s[] = { { "team_id", tandem_value_text (team) },
                        { "starts_at", tandem_value_text ("2026-11-02T10:00") },
                        { "confidence", tandem_value_int (9) } };
    g_assert_null (tandem_project_insert (project, "coaching_session", s, G_N_ELEMENTS (s),
                                          &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 1);
  g_assert_cmpint (tandem_project_count (project, "coaching_session", NULL, NULL), ==, 0);
}

static void
changed_cb (TandemProject *project,
            const char    *entity,
            gpointer       user_data)
{
  g_ptr_array_add (user_data, g_strdup (entity));
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TandemProject) mine = make_project (fixture);
  g_autoptr(TandemProject) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  pid_t children[2];

  theirs = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (mine, "changed", G_CALLBACK (changed_cb), seen);

  g_assert_false (tandem_project_poll (mine));
  id = add_team (theirs, "Kent and Medway GAU");
  g_assert_true (tandem_project_poll (mine));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "team");
  g_assert_false (tandem_project_poll (mine));

  /* Their change, then one of ours before the next poll: our change moves
   * what we have seen past theirs, so it announces theirs too. */
  g_ptr_array_set_size (seen, 0);
  g_assert_true (tandem_project_update (theirs, "team", id, "name",
                                        tandem_value_text ("Kent GAU"), &error));
  g_assert_no_error (error);
  {
    TandemField person[] = { { "name", tandem_value_text ("Aisha") } };
    g_autofree char *person_id = tandem_project_insert (mine, "person", person, 1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (person_id);
  }
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "team", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "person", g_str_equal, NULL));
  /* Announced once: the poll has nothing more. */
  g_assert_false (tandem_project_poll (mine));
  g_assert_cmpuint (seen->len, ==, 2);
  g_clear_object (&theirs);

  /* Two processes writing at once: every edit of both lands. */
  for (guint c = 0; c < 2; c++)
    {
      children[c] = fork ();
      g_assert_cmpint (children[c], >=, 0);
      if (children[c] == 0)
        {
          g_autoptr(TandemProject) p = NULL;
          tandem_project_set_default_busy_timeout (10000);
          p = tandem_project_open (fixture->path, NULL);
          if (p == NULL)
            _exit (3);
          for (guint i = 0; i < 100; i++)
            {
              g_autofree char *name = g_strdup_printf ("Writer %u team %u", c, i);
              TandemField f[] = { { "name", tandem_value_text (name) } };
              g_autoptr(GError) child_error = NULL;
              g_autofree char *new_id = tandem_project_insert (p, "team", f, 1, &child_error);
              if (new_id == NULL)
                {
                  fprintf (stderr, "writer %u: %s\n", c, child_error->message);
                  fflush (stderr);
                  _exit (4);
                }
            }
          _exit (0);
        }
    }
  for (guint c = 0; c < 2; c++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (children[c], &status, 0), ==, children[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  g_assert_cmpint (tandem_project_count (mine, "team", NULL, NULL), ==, 201);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *id_path = NULL;
  g_autofree char *name = NULL;
  int status = 0;
  pid_t child;

  g_clear_object (&project);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autoptr(TandemProject) p = tandem_project_open (fixture->path, NULL);
      TandemField f[] = { { "name", tandem_value_text ("Committed team") } };
      char *id;

      if (p == NULL || (id = tandem_project_insert (p, "team", f, 1, NULL)) == NULL)
        _exit (3);
      g_file_set_contents (g_build_filename (fixture->dir, "id", NULL), id, -1, NULL);
      tandem_project_begin (p, "Never finished", NULL);
      for (guint i = 0; i < 3000; i++)
        {
          TandemField g[] = { { "name", tandem_value_text ("Uncommitted team, never seen") } };
          g_free (tandem_project_insert (p, "team", g, 1, NULL));
        }
      /* Hard kill in the middle of a transaction, as a power cut would. */
      kill (getpid (), SIGKILL);
      _exit (5);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));

  id_path = g_build_filename (fixture->dir, "id", NULL);
  g_file_get_contents (id_path, &kept, NULL, &error);
  g_assert_no_error (error);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 1);
  name = tandem_project_get_text (project, "team", kept, "name");
  g_assert_cmpstr (name, ==, "Committed team");
  g_clear_object (&project);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(TandemProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "Copy for Sam.tandem", NULL);
  g_autofree char *id = add_team (project, "Logandene Ward");

  g_assert_false (tandem_project_save_copy (project, fixture->path, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  /* Nor over the project by another name: a symbolic or a hard link. */
  {
    g_autofree char *soft = g_build_filename (fixture->dir, "Shortcut.tandem", NULL);
    g_autofree char *hard = g_build_filename (fixture->dir, "Hard link.tandem", NULL);

    g_assert_cmpint (symlink (fixture->path, soft), ==, 0);
    g_assert_cmpint (link (fixture->path, hard), ==, 0);
    g_assert_false (tandem_project_save_copy (project, soft, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_false (tandem_project_save_copy (project, hard, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_true (g_file_test (soft, G_FILE_TEST_IS_SYMLINK));
    g_unlink (soft);
    g_unlink (hard);
  }

  g_assert_true (tandem_project_save_copy (project, copy_path, &error));
  g_assert_no_error (error);
  copy = tandem_project_open (copy_path, &error);
  g_assert_no_error (error);
  assert_name (copy, id, "Logandene Ward");
  g_assert_cmpstr (tandem_project_get_replica_id (copy), !=,
                   tandem_project_get_replica_id (project));

  /* Edits to the copy do not touch the original. */
  g_assert_true (tandem_project_update (copy, "team", id, "name",
                                        tandem_value_text ("Copy's name"), &error));
  assert_name (project, id, "Logandene Ward");
}

static const char synthetic_v2[] = "ALTER TABLE team ADD COLUMN colour TEXT;"
                                   "UPDATE team SET colour = 'teal';";
static const char failing_v3[] = "ALTER TABLE team ADD COLUMN motto TEXT;"
                                 "INSERT INTO no_such_table VALUES (1);";

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version;

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static void
test_migrations (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add_team (project, "Rowan View");
  const TandemMigration *real;
  g_autofree TandemMigration *steps = NULL;
  guint n_real;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&project);
  real = tandem_schema_get_migrations (&n_real);
  g_assert_cmpint (real[n_real - 1].version, ==, TANDEM_SCHEMA_VERSION);

  steps = g_new0 (TandemMigration, n_real + 2);
  memcpy (steps, real, n_real * sizeof *steps);
  steps[n_real].version = TANDEM_SCHEMA_VERSION + 1;
  steps[n_real].sql = synthetic_v2;
  steps[n_real + 1].version = TANDEM_SCHEMA_VERSION + 2;
  steps[n_real + 1].sql = failing_v3;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);

  /* A failing later step undoes the steps before it too: all or nothing. */
  g_assert_false (tandem_schema_migrate (db, steps, n_real + 2, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (user_version (db), ==, TANDEM_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT colour FROM team", -1, &stmt, NULL),
                   !=, SQLITE_OK);
  sqlite3_finalize (stmt);

  /* The good step applies, keeps the data, and running it again does nothing. */
  g_assert_true (tandem_schema_migrate (db, steps, n_real + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user_version (db), ==, TANDEM_SCHEMA_VERSION + 1);
  g_assert_true (tandem_schema_migrate (db, steps, n_real + 1, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, colour FROM team", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Rowan View");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "teal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* To this version of Tandem the migrated file is now from the future. */
  assert_refused (fixture->path, TANDEM_PROJECT_ERROR_TOO_NEW, NULL);
}

static int
sort_strings (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Appends every row @sql returns to @out, one line each, sorted: the
 * columns' types and values. */
static void
dump_rows (sqlite3    *db,
           const char *sql,
           GString    *out)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (line, "%d:", type);
          if (type == SQLITE_BLOB)
            {
              const guint8 *blob = sqlite3_column_blob (stmt, c);

              for (int i = 0; i < sqlite3_column_bytes (stmt, c); i++)
                g_string_append_printf (line, "%02x", blob[i]);
            }
          else if (type != SQLITE_NULL)
            g_string_append (line, (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (line, '|');
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_ptr_array_sort (lines, sort_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
}

/* A database's schema (every entry of sqlite_master but its root page), its
 * format, application id and, with @rows, the rows of every table that is
 * not virtual, table by table. */
static char *
dump_database (sqlite3  *db,
               gboolean  rows)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  dump_rows (db, "SELECT type, name, tbl_name, sql FROM sqlite_master", out);
  dump_rows (db, "PRAGMA user_version", out);
  dump_rows (db, "PRAGMA application_id", out);
  if (!rows)
    return g_string_free (out, FALSE);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 50);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (const char *) g_ptr_array_index (tables, i));

      g_string_append_printf (out, "[%s]\n", (const char *) g_ptr_array_index (tables, i));
      dump_rows (db, sql, out);
    }
  return g_string_free (out, FALSE);
}

/* A new project starts from the image of the empty database made at build
 * time, not by running the migrations: it must be exactly what running every
 * migration from format 1 makes, tables, indexes, triggers and the rows the
 * migrations insert. */
static void
test_create_from_image (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *migrated_path = g_build_filename (fixture->dir, "migrated.db", NULL);
  g_autofree char *image_path = g_build_filename (fixture->dir, "image.db", NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", (int) TANDEM_APPLICATION_ID);
  g_autofree guint8 *image = NULL;
  g_autofree char *migrated_dump = NULL;
  g_autofree char *migrated_schema = NULL;
  g_autofree char *image_dump = NULL;
  g_autofree char *created_schema = NULL;
  g_autoptr(TandemProject) project = NULL;
  const TandemMigration *steps;
  guint n_steps;
  gsize size = 0;
  sqlite3 *db = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (sqlite3_open (migrated_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, n_steps, &error));
  g_assert_no_error (error);
  migrated_dump = dump_database (db, TRUE);
  migrated_schema = dump_database (db, FALSE);
  sqlite3_close (db);
  /* What the migrations insert is there to compare: the evidence levels of
   * the standards' frameworks, the search index's bookkeeping. */
  g_assert_nonnull (strstr (migrated_dump, "coc-evidence-governance"));
  g_assert_nonnull (strstr (migrated_dump, "coaching_search_seq"));

  image = tandem_schema_new_image (&size);
  g_assert_cmpuint (size % 4096, ==, 0);
  g_assert_true (g_file_set_contents (image_path, (const char *) image, (gssize) size, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (image_path, &db), ==, SQLITE_OK);
  {
    g_autoptr(GString) verdict = g_string_new (NULL);

    dump_rows (db, "PRAGMA integrity_check", verdict);
    g_assert_cmpstr (verdict->str, ==, "3:ok|\n");
  }
  /* tandem_project_create() opens the file it writes from the image without
   * checking its tables again: they must be Tandem's. */
  g_assert_true (tandem_schema_verify (db, &error));
  g_assert_no_error (error);
  image_dump = dump_database (db, TRUE);
  sqlite3_close (db);
  g_assert_cmpstr (image_dump, ==, migrated_dump);

  /* A project made by tandem_project_create() has that schema; its rows
   * also hold the defaults it installs and its own identity. */
  project = make_project (fixture);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  created_schema = dump_database (db, FALSE);
  sqlite3_close (db);
  g_assert_cmpstr (created_schema, ==, migrated_schema);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_no_error (error);
}

static void
test_check_problems (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *team = add_team (project, "Delderfield Ward");
  sqlite3 *db = NULL;

  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO person (id, team_id, name) "
                                 "VALUES ('p1', 'no-such-team', 'Lost')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (tandem_project_check_file (fixture->path, problems), ==,
                   TANDEM_CHECK_PROBLEMS);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "person"));
}

/* A project opened for reading can be read at once; its structural check runs
 * meanwhile and must be confirmed, and a damaged file is caught by it. */
static void
test_open_for_reading (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *id = add_team (project, "Rydal Ward");
  g_autofree char *name = NULL;
  guint8 *copy;
  gsize size;

  fill (project, 2000);
  g_clear_object (&project);

  project = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_get_read_only (project));
  name = tandem_project_get_text (project, "team", id, "name");
  g_assert_cmpstr (name, ==, "Rydal Ward");
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_no_error (error);
  /* Asking again gives the same answer. */
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_clear_object (&project);

  bytes = file_bytes (fixture->path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  for (gsize i = size / 3; i < size / 3 + 4096 * 3; i++)
    copy[i] = (guint8) (i * 7919);
  g_file_set_contents (fixture->path, (char *) copy, size, &error);
  g_assert_no_error (error);

  project = tandem_project_open_for_reading (fixture->path, &error);
  if (project != NULL)
    {
      g_assert_false (tandem_project_confirm_intact (project, &error));
      g_clear_object (&project);
    }
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_null (strchr (error->message, '\n'));
  after = file_bytes (fixture->path);
  g_assert_cmpmem (copy, size, g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  g_free (copy);
}

/* Whether another process can take the write lock of @path now (it must not
 * while this process holds a lock on it). The child asks the system, not
 * SQLite: a forked child inherits SQLite's record of this process's locks. */
static gboolean
another_process_can_write (const char *path)
{
  int status = 0;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* SQLite's reserved byte, just after its pending byte at 1 GiB. */
      struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                            .l_start = 0x40000001, .l_len = 1 };
      int fd = open (path, O_RDWR);

      if (fd < 0 || fcntl (fd, F_GETLK, &lock) != 0)
        _exit (2);
      _exit (lock.l_type == F_UNLCK ? 0 : 1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);
  return WEXITSTATUS (status) == 0;
}

/* POSIX locks belong to a process and a file, and closing any descriptor of
 * the file gives them all up (SQLite's "how to corrupt" 2.2): looking at a
 * file's version, or opening it a second time as a programme reads its team
 * files, must not take the locks of a connection in this process that is
 * writing it. */
static void
test_version_keeps_locks (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(TandemProject) second = NULL;
  g_autoptr(GBytes) version = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;

  g_clear_object (&project);
  g_assert_true (another_process_can_write (fixture->path));
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &writer, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  /* The write lock taken, nothing written yet (so there is no journal). */
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (another_process_can_write (fixture->path));

  version = _tandem_project_dup_file_version (fixture->path);
  g_assert_nonnull (version);
  g_assert_false (another_process_can_write (fixture->path));

  second = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (second, &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  g_assert_false (another_process_can_write (fixture->path));

  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  g_assert_true (another_process_can_write (fixture->path));
}

/* Another program in the middle of a commit: its header already counts pages
 * it has not yet written. Opening the file then waits for the commit, as
 * SQLite does, rather than calling the file cut short. The writer is a
 * child process that holds the file's exclusive lock with the header so
 * changed, and puts it back after a moment. */
static void
test_open_during_commit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TandemProject) project = make_project (fixture);
  g_autoptr(GError) error = NULL;
  int ready[2], go[2], status = 0;
  char byte = 0;
  pid_t child;

  g_clear_object (&project);
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      /* Its own descriptor, kept open to the end: closing it would give up
       * the lock SQLite takes below. */
      int fd = open (fixture->path, O_RDWR);
      guint8 header[100], changed[100];
      sqlite3 *db = NULL;

      if (fd < 0 || pread (fd, header, sizeof header, 0) != sizeof header ||
          sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
        _exit (2);
      memcpy (changed, header, sizeof header);
      changed[28] = 0x7f;   /* far more pages than the file holds */
      if (pwrite (fd, changed, sizeof changed, 0) != sizeof changed ||
          write (ready[1], "r", 1) != 1 || read (go[0], &byte, 1) != 1)
        _exit (3);
      g_usleep (300 * 1000);
      if (pwrite (fd, header, sizeof header, 0) != sizeof header ||
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
        _exit (4);
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  g_assert_cmpint (write (go[1], "g", 1), ==, 1);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  close (ready[0]);
  close (ready[1]);
  close (go[0]);
  close (go[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/project/create-and-reopen", test_create_and_reopen);
  ADD ("/project/refuse/missing", test_refuse_missing);
  ADD ("/project/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/project/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/project/refuse/foreign-schema", test_refuse_foreign_schema);
  ADD ("/project/refuse/too-new", test_refuse_too_new);
  ADD ("/project/refuse/truncated", test_refuse_truncated);
  ADD ("/project/refuse/corrupt", test_refuse_corrupt);
  ADD ("/project/open-for-reading", test_open_for_reading);
  ADD ("/project/read-only", test_read_only);
  ADD ("/project/locked", test_locked);
  ADD ("/project/disk-full", test_disk_full);
  ADD ("/project/undo-redo", test_undo_redo);
  ADD ("/project/delete-with-children", test_delete_with_children);
  ADD ("/project/bad-values", test_bad_values);
  ADD ("/project/two-connections", test_two_connections);
  ADD ("/project/version-keeps-locks", test_version_keeps_locks);
  ADD ("/project/open-during-commit", test_open_during_commit);
  ADD ("/project/killed-writer", test_killed_writer);
  ADD ("/project/save-copy", test_save_copy);
  ADD ("/project/migrations", test_migrations);
  ADD ("/project/create-from-image", test_create_from_image);
  ADD ("/project/check-problems", test_check_problems);

  return g_test_run ();
}
