/* tandem-coaching-private.h — what the coaching files share: reading the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-db-private.h"

G_BEGIN_DECLS

static inline sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static inline void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static inline char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return _tandem_column_text (stmt, column);
}

/* Steps @stmt to its end; FALSE (with @error) unless it finished cleanly. */
static inline gboolean
finish (sqlite3       *db,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    _tandem_db_failed_on (db, error);
  sqlite3_finalize (stmt);
  return ok;
}

static inline gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _tandem_db_failed_on (db, error);
  return TRUE;
}

G_END_DECLS
