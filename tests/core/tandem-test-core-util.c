/* tandem-test-core-util.c — what the core tests share (and the render
 * tests and benchmarks): a new project in a temporary folder, its rows
 * inserted or the test fails, another program holding the file, and the
 * folder removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-test-core-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-project-private.h"

char *
insert_or_die (TandemProject     *project,
               const char        *entity,
               const TandemField *fields,
               guint              n_fields)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_project_insert (project, entity, fields, n_fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

void
run_sql_or_die (TandemProject *project,
                const char    *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_tandem_project_get_db (project), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
count_or_die (TandemProject *project,
              const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (project), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

void
assert_text (TandemProject *project,
             const char    *entity,
             const char    *id,
             const char    *field,
             const char    *expected)
{
  g_autofree char *text = tandem_project_get_text (project, entity, id, field);

  g_assert_cmpstr (text, ==, expected);
}

void
assert_undo_label (TandemProject *project,
                   const char    *expected)
{
  g_autofree char *label = tandem_project_dup_undo_label (project);

  g_assert_cmpstr (label, ==, expected);
}

void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_chmod (child, 0644);
      g_unlink (child);
    }
  g_rmdir (dir);
}

TandemProject *
create_project_in_tmp (const char  *tmpl,
                       const char  *file_name,
                       char       **dir,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  TandemProject *project;

  *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  file = g_build_filename (*dir, file_name, NULL);
  project = tandem_project_create (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return project;
}

TandemProject *
create_sample_in_tmp (const char         *tmpl,
                      const char         *file_name,
                      TandemSampleScale   scale,
                      char              **dir,
                      char              **path)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = create_project_in_tmp (tmpl, file_name, dir, path);

  g_assert_true (tandem_sample_populate (project, scale, &error));
  g_assert_no_error (error);
  return project;
}

void
free_tmp (char **dir,
          char **path)
{
  remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

char *
add_team_or_die (TandemProject *project,
                 const char    *name)
{
  TandemField fields[] = { { "name", tandem_value_text (name) } };

  return insert_or_die (project, "team", fields, G_N_ELEMENTS (fields));
}

void
reopen_impatient (TandemProject **project,
                  const char     *path,
                  int             busy_ms)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (project);
  tandem_project_set_default_busy_timeout (busy_ms);
  *project = tandem_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (*project, &error));
  g_assert_no_error (error);
}

sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE team SET ward = 'x'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

void
release_write_lock (sqlite3 *other)
{
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
}

/* Runs @sql on the file as another program would: no checks, no hardening. */
void
run_sql_on_file (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Gives the data points' index stale entries: the index is hidden from the
 * schema while the rows it covers change, then put back as it was. Every page
 * stays where it belongs, so only a comparison of the index with its table
 * finds the damage. */
void
damage_index (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  int root;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, sql FROM sqlite_schema "
                                       "WHERE name = 'data_point_by_measure'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; "
                                 "DELETE FROM sqlite_schema WHERE name = 'data_point_by_measure'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_sql_on_file (path, "UPDATE data_point SET date = '2023-' || substr (date, 6)");

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO sqlite_schema (type, name, tbl_name, "
                                       "rootpage, sql) VALUES ('index', 'data_point_by_measure', "
                                       "'data_point', ?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, root);
  sqlite3_bind_text (stmt, 2, sql, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The structure is intact: only the index disagrees with its table. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
