/* tandem-test-core-util.c — what the core tests share: a project's rows
 * inserted or the test fails, and a temporary folder removed
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
