/* tandem-db-private.h — how core reads and writes the project file: its
 * statement cache, its one mapping of SQLite's errors, its row readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-change.h"
#include "tandem-project-private.h"

G_BEGIN_DECLS

/* A statement borrowed from the project's cache: never finalized by its
 * user. g_autoptr(TandemDbStmt) resets it when it goes out of scope, which
 * ends the read it holds and lets the next user take it. */
typedef sqlite3_stmt TandemDbStmt;

sqlite3_stmt *_tandem_db_prepare      (TandemProject  *project,
                                       const char     *sql,
                                       GError        **error);
void          _tandem_db_release      (sqlite3_stmt   *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemDbStmt, _tandem_db_release)

gboolean      _tandem_db_set_error    (TandemProject  *project,
                                       int             rc,
                                       GError        **error);
gboolean      _tandem_db_failed       (TandemProject  *project,
                                       GError        **error);
gboolean      _tandem_db_failed_on    (sqlite3        *db,
                                       GError        **error);
gboolean      _tandem_db_exec         (TandemProject  *project,
                                       const char     *sql,
                                       GError        **error);
gboolean      _tandem_db_step_done    (TandemProject  *project,
                                       sqlite3_stmt   *stmt,
                                       GError        **error);

void          _tandem_db_bind_text    (sqlite3_stmt   *stmt,
                                       int             index,
                                       const char     *text);

gboolean      _tandem_db_delete       (TandemProject  *project,
                                       const char     *entity,
                                       const char     *id,
                                       const char     *label,
                                       GError        **error);

/* Row readers. Text comes through _tandem_column_text() (UTF-8 made safe,
 * NULL for SQL NULL). */
#define _tandem_db_column_text _tandem_column_text

static inline gboolean
_tandem_db_column_is_null (sqlite3_stmt *stmt,
                           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

static inline gint64
_tandem_db_column_int (sqlite3_stmt *stmt,
                       int           column)
{
  return sqlite3_column_int64 (stmt, column);
}

static inline double
_tandem_db_column_double (sqlite3_stmt *stmt,
                          int           column)
{
  return sqlite3_column_double (stmt, column);
}

G_END_DECLS
