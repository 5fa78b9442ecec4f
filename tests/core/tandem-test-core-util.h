/* tandem-test-core-util.h — what the core tests share: a project's rows
 * inserted or the test fails, and a temporary folder removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

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

/* Runs @sql on the file as another program would: no checks, no hardening. */
void  run_sql_on_file   (const char    *path,
                         const char    *sql);

/* Gives the data points' index stale entries, which only a comparison of
 * the index with its table finds (PRAGMA integrity_check, not quick_check). */
void  damage_index      (const char    *path);

G_END_DECLS
