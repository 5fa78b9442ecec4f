/* tandem-test-core-util.h — what the core tests share (and the render
 * tests and benchmarks): a new project in a temporary folder, its rows
 * inserted or the test fails, another program holding the file, and the
 * folder removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-project.h"
#include "tandem-sample.h"

G_BEGIN_DECLS

/* Inserts a row of @entity with @fields (outside any transaction) and
 * returns its id; fails the test on an error or no id. */
char *insert_or_die (TandemProject     *project,
                     const char        *entity,
                     const TandemField *fields,
                     guint              n_fields);

/* Runs @sql on the project's own connection; fails the test on an error.
 * A temporary trigger that raises an error makes a write fail part-way
 * through a change. */
void  run_sql_or_die (TandemProject *project,
                      const char    *sql);

/* How many rows the query's count(*) finds. */
gint64 count_or_die  (TandemProject *project,
                      const char    *sql);

/* The field as text equals @expected (%NULL: empty or no such item). */
void  assert_text       (TandemProject *project,
                         const char    *entity,
                         const char    *id,
                         const char    *field,
                         const char    *expected);

/* What Undo would take back is labelled @expected (%NULL: nothing). */
void  assert_undo_label (TandemProject *project,
                         const char    *expected);

/* Deletes every file in the folder @dir (making each writable first), then
 * the folder. */
void  remove_tree   (const char *dir);

/* A new project called @file_name in a new folder made from @tmpl (as
 * g_dir_make_tmp() makes it); fails the test on an error. *@dir gets the
 * folder and, unless @path is %NULL, *@path the project's file: free both
 * (free_tmp() removes the folder too). */
TandemProject *create_project_in_tmp (const char  *tmpl,
                                      const char  *file_name,
                                      char       **dir,
                                      char       **path);

/* The same, filled with the sample of that @scale. */
TandemProject *create_sample_in_tmp  (const char         *tmpl,
                                      const char         *file_name,
                                      TandemSampleScale   scale,
                                      char              **dir,
                                      char              **path);

/* remove_tree (*@dir), then frees *@dir and, unless @path is %NULL, *@path,
 * and sets them to %NULL. */
void  free_tmp          (char **dir,
                         char **path);

/* Adds a team called @name (outside any transaction) and returns its id. */
char *add_team_or_die   (TandemProject *project,
                         const char    *name);

/* Closes *@project and opens @path again, waiting no longer than @busy_ms for
 * another program's lock, and waits for its structural check to end (it
 * reads the file), so that a lock taken next is the only one. */
void  reopen_impatient  (TandemProject **project,
                         const char     *path,
                         int             busy_ms);

/* Another connection holds the file as another program busy writing to it
 * would: an exclusive transaction that has changed a row. */
sqlite3 *hold_write_lock    (const char *path);

/* Rolls that transaction back and closes the connection. */
void     release_write_lock (sqlite3    *other);

/* Runs @sql on the file as another program would: no checks, no hardening. */
void  run_sql_on_file   (const char    *path,
                         const char    *sql);

/* Gives the data points' index stale entries, which only a comparison of
 * the index with its table finds (PRAGMA integrity_check, not quick_check). */
void  damage_index      (const char    *path);

G_END_DECLS
