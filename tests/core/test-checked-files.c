/* test-checked-files.c — the memory of files this machine has checked or
 * written: an unchanged file is not checked again, a changed one is, a
 * damaged one is still refused, and a memory that makes no sense is ignored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "tandem-project-private.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* A new project, written by this process and closed, so remembered. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-checked-XXXXXX", "ward.tandem",
                                                            &fixture->dir, &fixture->path);

  g_free (add_team_or_die (project, "Ward A"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  free_tmp (&fixture->dir, &fixture->path);
}

/* Opens @path as a command does and waits for its check; returns how many
 * times the file was read through for its structure meanwhile. */
static guint
checks_to_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  guint before = _tandem_project_get_n_full_checks ();

  project = tandem_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_no_error (error);
  return _tandem_project_get_n_full_checks () - before;
}

static char *
memory_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tandem", "checked-files", NULL);
}

/* The memory is in the cache folder the tests give, never the user's. */
static void
test_memory_in_test_cache (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *memory = memory_path ();
  g_autofree char *contents = NULL;

  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), g_getenv ("XDG_CACHE_HOME")));
  g_assert_true (g_file_get_contents (memory, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture->path));
}

/* A file this process wrote, and one it checked, are not checked again
 * while unchanged; a change of its own keeps it remembered. */
static void
test_unchanged_not_checked_again (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);

  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (add_team_or_die (project, "Ward B"));
  g_free (add_team_or_die (project, "Ward C"));
  g_clear_object (&project);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);

  project = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_or_die (project, "SELECT count(*) FROM team"), ==, 3);
}

/* Another program's change makes the file another version: checked again,
 * then remembered as checked. */
static void
test_changed_elsewhere_checked (Fixture       *fixture,
                                gconstpointer  data)
{
  run_sql_on_file (fixture->path, "UPDATE team SET name = 'Ward Z'");
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 1);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);
}

/* A programme reads many files, more than the memory holds, and keeps what
 * it read itself: what it checks is not written to the memory. */
static void
test_programme_reads_not_remembered (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *memory = memory_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint checks = _tandem_project_get_n_full_checks ();

  run_sql_on_file (fixture->path, "UPDATE team SET name = 'Ward Z'");
  g_assert_true (g_file_get_contents (memory, &before, NULL, NULL));
  project = _tandem_project_open_checked_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_clear_object (&project);
  g_assert_cmpuint (_tandem_project_get_n_full_checks () - checks, ==, 1);
  g_assert_true (g_file_get_contents (memory, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* Bytes changed in place, keeping the file's size and SQLite's count of
 * changes: checked again, and refused as damaged. */
static void
test_byte_edit_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  FILE *file;
  guint8 junk[4096];

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7919);
  file = g_fopen (fixture->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, st.st_size / 3, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, file), ==, sizeof junk);
  fclose (file);

  project = tandem_project_open (fixture->path, &error);
  if (project != NULL)
    g_assert_false (tandem_project_confirm_intact (project, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
}

/* An index out of step with its table, which only the full check finds,
 * made by another connection: refused, though the file was remembered. */
static void
test_damaged_index_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  run_sql_or_die (project, "INSERT INTO measure (id, team_id, name, kind, chart_type, direction) "
                           "SELECT 'm1', id, 'Falls', 'outcome', 'i', 'decrease' FROM team");
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO data_point (id, measure_id, date, value) "
                                              "VALUES ('p%d', 'm1', '2024-01-%02d', %d)",
                                              i, i % 28 + 1, i);
      run_sql_or_die (project, sql);
    }
  g_clear_object (&project);
  /* (Written past the project's own changes, so checked once more.) */
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 1);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);

  damage_index (fixture->path);
  project = tandem_project_open (fixture->path, &error);
  if (project != NULL)
    g_assert_false (tandem_project_confirm_intact (project, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT);
}

/* A memory that cannot be made sense of, or is not there, is ignored: the
 * file is checked as any other. */
static void
test_corrupt_memory_ignored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *memory = memory_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (memory, &contents, &length, NULL));
  /* Cut short in the middle of the entry for this file. */
  g_file_set_contents (memory, contents, length - strlen (fixture->path) / 2 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 1);

  g_file_set_contents (memory, "\x01\x02 not a memory\n\xff", -1, &error);
  g_assert_no_error (error);
  /* (Checked a moment ago: the in-process memory knows it.) */
  run_sql_on_file (fixture->path, "UPDATE team SET name = 'Ward Y'");
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 1);

  g_assert_cmpint (g_unlink (memory), ==, 0);
  run_sql_on_file (fixture->path, "UPDATE team SET name = 'Ward X'");
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 1);
  g_assert_cmpuint (checks_to_open (fixture->path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/checked-files/in-test-cache", Fixture, NULL,
              fixture_set_up, test_memory_in_test_cache, fixture_tear_down);
  g_test_add ("/checked-files/unchanged-not-checked-again", Fixture, NULL,
              fixture_set_up, test_unchanged_not_checked_again, fixture_tear_down);
  g_test_add ("/checked-files/changed-elsewhere-checked", Fixture, NULL,
              fixture_set_up, test_changed_elsewhere_checked, fixture_tear_down);
  g_test_add ("/checked-files/programme-reads-not-remembered", Fixture, NULL,
              fixture_set_up, test_programme_reads_not_remembered, fixture_tear_down);
  g_test_add ("/checked-files/byte-edit-refused", Fixture, NULL,
              fixture_set_up, test_byte_edit_refused, fixture_tear_down);
  g_test_add ("/checked-files/damaged-index-refused", Fixture, NULL,
              fixture_set_up, test_damaged_index_refused, fixture_tear_down);
  g_test_add ("/checked-files/corrupt-memory-ignored", Fixture, NULL,
              fixture_set_up, test_corrupt_memory_ignored, fixture_tear_down);
  return g_test_run ();
}
