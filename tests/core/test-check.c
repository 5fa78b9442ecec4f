/* test-check.c — checking a project file: never writing to it, refusing what
 * every command refuses, and naming the items whose content is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *team;
  char *aim;
  char *driver;
  char *idea;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *diagram = NULL;

  tandem_project_set_default_busy_timeout (2000);
  project = create_project_in_tmp ("tandem-check-XXXXXX", "Ward project.tandem", &fixture->dir,
                                   &fixture->path);
  tandem_project_set_author (project, "Ada Coach");
  fixture->team = add_team_or_die (project, "Delderfield Ward");
  {
    TandemField person[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Sam Okafor") },
    };
    g_free (insert_or_die (project, "person", person, G_N_ELEMENTS (person)));
  }
  {
    TandemField fields[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    diagram = insert_or_die (project, "diagram", fields, G_N_ELEMENTS (fields));
  }
  {
    const char *kinds[] = { "aim", "primary", "change_idea" };
    const char *titles[] = { "Halve restraint", "Calmer evenings", "Safety huddle" };
    char **ids[] = { &fixture->aim, &fixture->driver, &fixture->idea };

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        TandemField node[] = {
          { "diagram_id", tandem_value_text (diagram) },
          { "kind", tandem_value_text (kinds[i]) },
          { "title", tandem_value_text (titles[i]) },
        };
        *ids[i] = insert_or_die (project, "node", node, G_N_ELEMENTS (node));
        if (i > 0)
          {
            TandemField link[] = {
              { "diagram_id", tandem_value_text (diagram) },
              { "parent_id", tandem_value_text (*ids[i - 1]) },
              { "child_id", tandem_value_text (*ids[i]) },
            };
            g_free (insert_or_die (project, "node_link", link, G_N_ELEMENTS (link)));
          }
      }
  }
  {
    TandemField measure[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Restraints a week") },
    };
    g_autofree char *id = insert_or_die (project, "measure", measure, G_N_ELEMENTS (measure));

    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *date = g_strdup_printf ("2024-%02u-%02u", 1 + i / 28, 1 + i % 28);
        TandemField point[] = {
          { "measure_id", tandem_value_text (id) },
          { "date", tandem_value_text (date) },
          { "value", tandem_value_int (i % 7) },
        };
        g_free (insert_or_die (project, "data_point", point, G_N_ELEMENTS (point)));
      }
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
  g_free (fixture->aim);
  g_free (fixture->driver);
  g_free (fixture->idea);
}

typedef struct
{
  GBytes  *bytes;
  gint64   mtime_ns;
  gboolean wal;
  gboolean journal;
} FileState;

static void
file_state_read (const char *path,
                 FileState  *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  struct stat st;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  state->bytes = g_bytes_new_take (contents, length);
  g_assert_cmpint (stat (path, &st), ==, 0);
  state->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  state->wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  state->journal = g_file_test (journal, G_FILE_TEST_EXISTS);
}

/* The file is byte for byte as @before, with the same time of change, and no
 * rollback journal was left beside it. */
static void
assert_unchanged (const char      *path,
                  const FileState *before)
{
  FileState after = { 0 };

  file_state_read (path, &after);
  g_assert_cmpmem (g_bytes_get_data (before->bytes, NULL), g_bytes_get_size (before->bytes),
                   g_bytes_get_data (after.bytes, NULL), g_bytes_get_size (after.bytes));
  g_assert_cmpint (after.mtime_ns, ==, before->mtime_ns);
  g_assert_cmpint (after.journal, ==, before->journal);
  g_bytes_unref (after.bytes);
}

static TandemCheckResult
check_unchanged (const char *path,
                 GPtrArray  *problems)
{
  FileState before = { 0 };
  TandemCheckResult result;

  file_state_read (path, &before);
  /* A file written in the same clock tick as the check would hide a write. */
  g_usleep (20000);
  result = tandem_project_check_file (path, problems);
  assert_unchanged (path, &before);
  g_bytes_unref (before.bytes);
  return result;
}

static gboolean
problems_mention (GPtrArray  *problems,
                  const char *first,
                  const char *second)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], first) != NULL &&
        (second == NULL || strstr (problems->pdata[i], second) != NULL))
      return TRUE;
  return FALSE;
}

static void
test_good_unchanged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (check_unchanged (fixture->path, problems), ==, TANDEM_CHECK_GOOD);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_no_replica_unchanged (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  run_sql_on_file (fixture->path, "DELETE FROM meta WHERE key = 'replica_id'");
  g_assert_cmpint (check_unchanged (fixture->path, problems), ==, TANDEM_CHECK_GOOD);
}

static void
test_wal_unchanged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  FileState before = { 0 };

  run_sql_on_file (fixture->path, "PRAGMA journal_mode = WAL");
  g_assert_cmpint (check_unchanged (fixture->path, problems), ==, TANDEM_CHECK_GOOD);

  /* Opening only to read leaves it as it is too. */
  file_state_read (fixture->path, &before);
  g_usleep (20000);
  project = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_cmpint (tandem_project_count (project, "node", NULL, NULL), ==, 3);
  g_clear_object (&project);
  assert_unchanged (fixture->path, &before);
  g_bytes_unref (before.bytes);
}

/* A file that cannot be written is opened read-only, and reading it with no
 * replica id of its own writes none. */
static void
test_read_only_open_unchanged (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  FileState before = { 0 };

  run_sql_on_file (fixture->path, "DELETE FROM meta WHERE key = 'replica_id'");
  file_state_read (fixture->path, &before);
  g_usleep (20000);
  project = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_get_read_only (project));
  g_assert_nonnull (tandem_project_get_replica_id (project));
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_clear_object (&project);
  assert_unchanged (fixture->path, &before);
  g_bytes_unref (before.bytes);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  file_state_read (fixture->path, &before);
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_get_read_only (project));
  g_clear_object (&project);
  assert_unchanged (fixture->path, &before);
  g_bytes_unref (before.bytes);
}

/* A file in an older format is reported, not updated; its structure is still
 * checked. */
static void
test_older_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old = g_build_filename (fixture->dir, "Old project.tandem", NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", TANDEM_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO team (id, name) VALUES ('t', 'Rowan View');"
                                 "INSERT INTO measure (id, team_id, name) VALUES ('m', 't', 'Falls');"
                                 "CREATE INDEX data_point_by_measure_only ON data_point (measure_id);"
                                 "DROP INDEX data_point_by_measure_only;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *insert = g_strdup_printf ("INSERT INTO data_point (id, measure_id, date, value) "
                                                 "VALUES ('d%u', 'm', '2024-01-%02u', %u)",
                                                 i, 1 + i % 28, i);
      g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);

  g_assert_cmpint (check_unchanged (old, problems), ==, TANDEM_CHECK_PROBLEMS);
  g_assert_true (problems_mention (problems, "older format", NULL));

  /* Damage in an older file is found without updating it. */
  g_ptr_array_set_size (problems, 0);
  damage_index (old);
  g_assert_cmpint (check_unchanged (old, problems), ==, TANDEM_CHECK_UNUSABLE);
  g_assert_true (problems_mention (problems, "Old project.tandem", "damaged"));
}

/* Index damage, which PRAGMA quick_check does not see: every way of opening
 * the file refuses it, in the words check uses, and none of them writes. */
static void
test_index_damage_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reading_error = NULL;
  FileState before = { 0 };

  damage_index (fixture->path);
  g_assert_cmpint (check_unchanged (fixture->path, problems), ==, TANDEM_CHECK_UNUSABLE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "Ward project.tandem"));
  g_assert_nonnull (strstr (problems->pdata[0], "damaged"));
  g_assert_nonnull (strstr (problems->pdata[0], "data_point_by_measure"));

  file_state_read (fixture->path, &before);
  g_usleep (20000);
  /* Opening to edit checks the structure alongside: the first change is
   * refused with the check's verdict, before anything is written. */
  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (tandem_project_begin (project, "Rename team", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, problems->pdata[0]);
  g_clear_error (&error);
  g_assert_false (tandem_project_confirm_intact (project, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, problems->pdata[0]);
  g_clear_object (&project);

  project = tandem_project_open_for_reading (fixture->path, &reading_error);
  if (project != NULL)
    {
      g_assert_false (tandem_project_confirm_intact (project, &reading_error));
      g_clear_object (&project);
    }
  g_assert_error (reading_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
  g_assert_cmpstr (reading_error->message, ==, problems->pdata[0]);
  assert_unchanged (fixture->path, &before);
  g_bytes_unref (before.bytes);
}

/* Content the app copes with but a person should hear about: problems, named
 * by the item, and the file still opens. */
static void
assert_content_problem (Fixture    *fixture,
                        const char *first,
                        const char *second)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (check_unchanged (fixture->path, problems), ==, TANDEM_CHECK_PROBLEMS);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_true (problems_mention (problems, first, second));

  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
}

static void
test_content_null_required (Fixture       *fixture,
                            gconstpointer  data)
{
  /* A file whose own schema does not require the value (made by another
   * program), holding no value where Tandem requires one. */
  run_sql_on_file (fixture->path,
           "PRAGMA writable_schema = ON;"
           "UPDATE sqlite_schema SET sql = replace (sql, 'date TEXT NOT NULL,', 'date TEXT,') "
           "WHERE name = 'data_point';");
  run_sql_on_file (fixture->path,
           "UPDATE data_point SET date = NULL WHERE rowid = (SELECT min (rowid) FROM data_point)");
  assert_content_problem (fixture, "Restraints a week", "date");
}

static void
test_content_unknown_word (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                                          "UPDATE node SET kind = 'banana' WHERE id = '%s'",
                                          fixture->driver);

  run_sql_on_file (fixture->path, sql);
  assert_content_problem (fixture, "Calmer evenings", "banana");
}

static void
test_content_cycle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO node_link (id, diagram_id, parent_id, child_id) "
                                          "SELECT 'loop', diagram_id, '%s', '%s' FROM node "
                                          "WHERE id = '%s'", fixture->idea, fixture->aim,
                                          fixture->aim);

  run_sql_on_file (fixture->path, sql);
  assert_content_problem (fixture, "loop", NULL);
  /* The loop is named by an item on it. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    tandem_project_check_file (fixture->path, problems);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_true (strstr (problems->pdata[0], "Halve restraint") != NULL ||
                   strstr (problems->pdata[0], "Calmer evenings") != NULL ||
                   strstr (problems->pdata[0], "Safety huddle") != NULL);
  }
}

static void
test_content_dangling (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE node_link SET child_id = 'gone' "
                                          "WHERE parent_id = '%s'", fixture->driver);

  /* The file's own schema no longer says what the column refers to. */
  run_sql_on_file (fixture->path,
           "PRAGMA writable_schema = ON;"
           "UPDATE sqlite_schema SET sql = replace (sql, "
           "'child_id TEXT NOT NULL REFERENCES node (id) ON DELETE CASCADE', "
           "'child_id TEXT NOT NULL') WHERE name = 'node_link';");
  run_sql_on_file (fixture->path, sql);
  assert_content_problem (fixture, "does not exist", "gone");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/check/unchanged/good", test_good_unchanged);
  ADD ("/check/unchanged/no-replica", test_no_replica_unchanged);
  ADD ("/check/unchanged/wal", test_wal_unchanged);
  ADD ("/check/unchanged/read-only-open", test_read_only_open_unchanged);
  ADD ("/check/unchanged/older-format", test_older_format);
  ADD ("/check/index-damage-refused", test_index_damage_refused);
  ADD ("/check/content/null-required", test_content_null_required);
  ADD ("/check/content/unknown-word", test_content_unknown_word);
  ADD ("/check/content/cycle", test_content_cycle);
  ADD ("/check/content/dangling", test_content_dangling);

  return g_test_run ();
}
