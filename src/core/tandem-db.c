/* tandem-db.c — how core reads and writes the project file, and one
 * undoable change as a scope guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-db-private.h"
#include "tandem-stored-enums.h"

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

/**
 * _tandem_db_prepare:
 * @project: a project
 * @sql: one statement (its text is the key of the cache, so SQL built at
 *   run time is cached too: build it only from a fixed set of names)
 * @error: return location for an error
 *
 * The project's own prepared statement for @sql, made once and kept for as
 * long as the project is open, reset and with no values bound. It belongs to
 * the cache: reset it (g_autoptr(TandemDbStmt)) when done, never finalize it.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
_tandem_db_prepare (TandemProject  *project,
                    const char     *sql,
                    GError        **error)
{
  GHashTable *statements = _tandem_project_get_statements (project);
  sqlite3_stmt *stmt = g_hash_table_lookup (statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (_tandem_project_get_db (project), sql, -1,
                           SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      _tandem_db_set_error (project, rc, error);
      return NULL;
    }
  g_hash_table_insert (statements, g_strdup (sql), stmt);
  return stmt;
}

/* Ends the use of a cached statement (and the read it may hold). */
void
_tandem_db_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
}

/* ------------------------------------------------------------------------ */
/* Errors: one mapping of SQLite's result codes, in the person's words       */

static gboolean
set_error (sqlite3     *db,
           const char  *path,
           int          rc,
           GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path != NULL ? path : "");

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_DISK_FULL,
                   _("Your change could not be saved to “%s” because the disk is full. "
                     "Free some space, then try again. Everything saved before is safe."),
                   name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED,
                   _("“%s” is locked: another program is busy with it. "
                     "Try again in a moment; nothing has been lost."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY,
                   _("“%s” can only be read, so changes cannot be saved to it. "
                     "Use Save a Copy to keep a copy you can edit."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                   _("“%s” is damaged, so it could not be read or changed. "
                     "Open a copy or a backup of the project instead."), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("That value cannot be stored: %s."), sqlite3_errmsg (db));
      break;
    default:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   _("“%s” could not be read or changed: %s."),
                   name, sqlite3_errmsg (db));
      break;
    }
  return FALSE;
}

/**
 * _tandem_db_set_error:
 * @project: the project the statement ran on
 * @rc: SQLite's result code (primary or extended)
 * @error: return location for a %TANDEM_PROJECT_ERROR
 *
 * Says what went wrong in terms the person can act on, naming their file:
 * busy or locked by another program (%TANDEM_PROJECT_ERROR_LOCKED: try
 * again), read-only, disk full, damaged, a value that cannot be stored, or
 * anything else with SQLite's own words.
 *
 * Returns: %FALSE, so that callers can `return _tandem_db_set_error (...)`
 */
gboolean
_tandem_db_set_error (TandemProject  *project,
                      int             rc,
                      GError        **error)
{
  return set_error (_tandem_project_get_db (project), tandem_project_get_path (project),
                    rc, error);
}

/* The error of the last call on the project's connection that failed. */
gboolean
_tandem_db_failed (TandemProject  *project,
                   GError        **error)
{
  return _tandem_db_set_error (project,
                               sqlite3_extended_errcode (_tandem_project_get_db (project)),
                               error);
}

/* The same, for code that holds only the connection (the search index). */
gboolean
_tandem_db_failed_on (sqlite3  *db,
                      GError  **error)
{
  return set_error (db, sqlite3_db_filename (db, "main"), sqlite3_extended_errcode (db), error);
}


gboolean
_tandem_db_exec (TandemProject  *project,
                 const char     *sql,
                 GError        **error)
{
  int rc = sqlite3_exec (_tandem_project_get_db (project), sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || _tandem_db_set_error (project, rc, error);
}

/* Runs one step of a statement that writes; TRUE when it went through. */
gboolean
_tandem_db_step_done (TandemProject  *project,
                      sqlite3_stmt   *stmt,
                      GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _tandem_db_set_error (project, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  return TRUE;
}

/* Binds text, or SQL NULL for %NULL. */
void
_tandem_db_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * _tandem_db_step:
 * @project: the project the statement belongs to
 * @stmt: a statement
 * @error: return location for an error
 *
 * One step of @stmt. A failure (a busy or locked file, a damaged one, a full
 * disk…) is said through the one mapping, and the statement is reset.
 *
 * Returns: %TANDEM_DB_ROW, %TANDEM_DB_DONE, or %TANDEM_DB_FAILED with @error set
 */
TandemDbStep
_tandem_db_step (TandemProject  *project,
                 sqlite3_stmt   *stmt,
                 GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TANDEM_DB_ROW;
  if (rc == SQLITE_DONE)
    return TANDEM_DB_DONE;
  _tandem_db_set_error (project, rc, error);
  sqlite3_reset (stmt);
  return TANDEM_DB_FAILED;
}

void
_tandem_db_bind_valist (sqlite3_stmt *stmt,
                        const char   *types,
                        va_list       args)
{
  int index = 1;

  for (const char *t = types; t != NULL && *t != '\0'; t++, index++)
    {
      switch (*t)
        {
        case 's':
          _tandem_db_bind_text (stmt, index, va_arg (args, const char *));
          break;
        case 'i':
        case 'b':
          sqlite3_bind_int (stmt, index, va_arg (args, int));
          break;
        case 'l':
          sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'd':
          sqlite3_bind_double (stmt, index, va_arg (args, double));
          break;
        case '-':
          sqlite3_bind_null (stmt, index);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert (index - 1 <= sqlite3_bind_parameter_count (stmt));
}

/* See the header. */
void
_tandem_db_bind (sqlite3_stmt *stmt,
                 const char   *types,
                 ...)
{
  va_list args;

  va_start (args, types);
  _tandem_db_bind_valist (stmt, types, args);
  va_end (args);
}

static sqlite3_stmt *
query_valist (TandemProject  *project,
              GError        **error,
              const char     *sql,
              const char     *types,
              va_list         args)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (project, sql, error);

  if (stmt != NULL)
    _tandem_db_bind_valist (stmt, types, args);
  return stmt;
}

/* See the header. */
sqlite3_stmt *
_tandem_db_query (TandemProject  *project,
                  GError        **error,
                  const char     *sql,
                  const char     *types,
                  ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = query_valist (project, error, sql, types, args);
  va_end (args);
  return stmt;
}

/* See the header. */
gboolean
_tandem_db_run (TandemProject  *project,
                GError        **error,
                const char     *sql,
                const char     *types,
                ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = query_valist (project, error, sql, types, args);
  va_end (args);
  return stmt != NULL && _tandem_db_step (project, stmt, error) != TANDEM_DB_FAILED;
}

/* A query stepped to its first row, for the two below; *@stmt is left for
 * the caller to read and release. */
static TandemDbStep
query_first (TandemProject  *project,
             GError        **error,
             sqlite3_stmt  **stmt,
             gboolean       *found,
             const char     *sql,
             const char     *types,
             va_list         args)
{
  TandemDbStep step = TANDEM_DB_FAILED;

  *stmt = query_valist (project, error, sql, types, args);
  if (*stmt != NULL)
    step = _tandem_db_step (project, *stmt, error);
  if (found != NULL)
    *found = step == TANDEM_DB_ROW;
  return step;
}

/* See the header. */
gboolean
_tandem_db_query_text (TandemProject  *project,
                       GError        **error,
                       char          **text,
                       gboolean       *found,
                       const char     *sql,
                       const char     *types,
                       ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;
  va_list args;

  va_start (args, types);
  step = query_first (project, error, &stmt, found, sql, types, args);
  va_end (args);
  *text = step == TANDEM_DB_ROW ? _tandem_db_column_text (stmt, 0) : NULL;
  return step != TANDEM_DB_FAILED;
}

/* See the header. */
gboolean
_tandem_db_query_int (TandemProject  *project,
                      GError        **error,
                      gint64         *value,
                      gboolean       *found,
                      const char     *sql,
                      const char     *types,
                      ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;
  va_list args;

  va_start (args, types);
  step = query_first (project, error, &stmt, found, sql, types, args);
  va_end (args);
  *value = step == TANDEM_DB_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return step != TANDEM_DB_FAILED;
}

int
_tandem_db_changes (TandemProject *project)
{
  return sqlite3_changes (_tandem_project_get_db (project));
}

/* Deletes an item and what belongs to it (tandem_project_delete()) as one
 * undoable change, shown as “Undo @label”. */
gboolean
_tandem_db_delete (TandemProject  *project,
                   const char     *entity,
                   const char     *id,
                   const char     *label,
                   GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  return tandem_change_begin (&change, project, label, error) &&
         tandem_project_delete (project, entity, id, error) &&
         tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* One undoable change as a scope guard                                     */

static gboolean
change_begin (TandemChange   *change,
              TandemProject  *project,
              const char     *label,
              gboolean        creation,
              GError        **error)
{
  g_return_val_if_fail (change != NULL && change->project == NULL, FALSE);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (tandem_project_get_read_only (project))
    return _tandem_db_set_error (project, SQLITE_READONLY, error);

  change->own = !_tandem_project_in_change (project);
  if (change->own &&
      !(creation ? tandem_project_begin_creation (project, label, error)
                 : tandem_project_begin (project, label, error)))
    return FALSE;
  change->project = g_object_ref (project);
  return TRUE;
}

/**
 * tandem_change_begin:
 * @change: a #TandemChange set to %TANDEM_CHANGE_INIT
 * @project: a project
 * @label: what the person is doing, in their words; shown as “Undo @label”
 * @error: return location for an error
 *
 * Starts one undoable change (see tandem_project_begin()), or joins the one
 * already open. Unless tandem_change_commit() is called, the change is
 * rolled back when @change is cleared, as g_auto(TandemChange) does when it
 * goes out of scope.
 *
 * Returns: %TRUE if the change may go ahead
 */
gboolean
tandem_change_begin (TandemChange   *change,
                     TandemProject  *project,
                     const char     *label,
                     GError        **error)
{
  return change_begin (change, project, label, FALSE, error);
}

/**
 * tandem_change_begin_creation:
 * @change: a #TandemChange set to %TANDEM_CHANGE_INIT
 * @project: a project
 * @label: what is being created
 * @error: return location for an error
 *
 * Like tandem_change_begin(), for content the project is created with (see
 * tandem_project_begin_creation()): logged, but not on the undo stack.
 *
 * Returns: %TRUE if the change may go ahead
 */
gboolean
tandem_change_begin_creation (TandemChange   *change,
                              TandemProject  *project,
                              const char     *label,
                              GError        **error)
{
  return change_begin (change, project, label, TRUE, error);
}

/**
 * tandem_change_commit:
 * @change: a begun change
 * @error: return location for an error
 *
 * Saves the change to the file (see tandem_project_commit(); if that fails,
 * the whole change is rolled back). A change that joined another one leaves
 * the saving to it.
 *
 * Returns: %TRUE if the change is saved (or is to be, with the one it joined)
 */
gboolean
tandem_change_commit (TandemChange  *change,
                      GError       **error)
{
  g_autoptr(TandemProject) project = NULL;

  g_return_val_if_fail (change != NULL && change->project != NULL, FALSE);

  project = g_steal_pointer (&change->project);
  return !change->own || tandem_project_commit (project, error);
}

/**
 * tandem_change_clear:
 * @change: a change, begun or not
 *
 * Rolls back a change that was begun here and not committed; otherwise does
 * nothing. g_auto(TandemChange) calls it.
 */
void
tandem_change_clear (TandemChange *change)
{
  g_autoptr(TandemProject) project = g_steal_pointer (&change->project);

  if (project != NULL && change->own)
    tandem_project_rollback (project);
}

/* ------------------------------------------------------------------------ */
/* Diagram, measure and the project object (issue 14): the row loop they    */
/* share, and what the project object and the generic reads asked SQLite    */
/* for directly                                                             */

/**
 * _tandem_db_each_row:
 * @project: a project
 * @error: return location for an error
 * @n_columns: how many columns @func reads (asserted)
 * @func: called with the statement on each row, in order
 * @user_data: for @func
 * @sql: one query, cached (see _tandem_db_prepare())
 * @types: what to bind (see _tandem_db_bind())
 *
 * Reads every row of a query. A read that fails part way (another program
 * holds the file, it is damaged) is an error, never a short list.
 *
 * Returns: %TRUE if every row was read
 */
gboolean
_tandem_db_each_row (TandemProject     *project,
                     GError           **error,
                     int                n_columns,
                     TandemDbRowFunc    func,
                     gpointer           user_data,
                     const char        *sql,
                     const char        *types,
                     ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = query_valist (project, error, sql, types, args);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  _tandem_db_assert_columns (stmt, n_columns);
  return _tandem_db_each_row_of (project, stmt, func, user_data, error);
}

/**
 * _tandem_db_each_row_of:
 * @project: the project @stmt belongs to
 * @stmt: (nullable): a bound statement from _tandem_db_query(), or %NULL
 *   when preparing it failed (@error is then set already)
 * @row: called on each row, in order
 * @data: passed to @row
 * @error: return location for an error
 *
 * Steps @stmt to its end. A step that fails (a file another program holds
 * is %TANDEM_PROJECT_ERROR_LOCKED) ends the read with @error set, so that a
 * caller never takes the rows read so far for all of them.
 *
 * Returns: %TRUE if every row was read
 */
gboolean
_tandem_db_each_row_of (TandemProject    *project,
                        sqlite3_stmt     *stmt,
                        TandemDbRowFunc   row,
                        gpointer          data,
                        GError          **error)
{
  TandemDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    row (stmt, data);
  return step == TANDEM_DB_DONE;
}

/* Text in a file may have been written by anything, so it is not trusted to
 * be UTF-8: bytes that are not become U+FFFD, and the rest is kept. Every
 * piece of text core reads for people to see comes through here. Returns
 * NULL for SQL NULL. */
char *
_tandem_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

/* The first column of the first row of @sql on a bare connection (the file
 * layer's, before a project exists), or @fallback for no row, SQL NULL or a
 * failure. */
gint64
_tandem_query_int (sqlite3    *db,
                   const char *sql,
                   gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* A new statement cache for a project (SQL text → its statement). */
GHashTable *
_tandem_db_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Closes a project's connection, once its cache is gone. */
void
_tandem_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close (db);
}

/* ------------------------------------------------------------------------ */
/* Coaching: a script run on a file that no project has open                */

/**
 * _tandem_db_exec_on_file:
 * @path: a project file not open as a project (a copy being prepared)
 * @shown_path: the file to name in a message, the person's own
 * @script: statements to run one after the other
 * @error: return location for an error
 *
 * Runs @script on @path through a connection of its own, closed before this
 * returns. A failure is said through the one mapping, naming @shown_path,
 * and rolls back the transaction @script had begun.
 *
 * Returns: %TRUE if every statement ran
 */
gboolean
_tandem_db_exec_on_file (const char  *path,
                         const char  *shown_path,
                         const char  *script,
                         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  gboolean ok;

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, script, NULL, NULL, NULL);
  ok = rc == SQLITE_OK || set_error (db, shown_path, rc, error);
  if (!ok && db != NULL && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  rc = sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      if (ok)
        ok = set_error (db, shown_path, rc, error);
      sqlite3_close_v2 (db);
    }
  return ok;
}

/**
 * _tandem_db_insert_change:
 * @project: a project
 * @label: what the person is doing, shown as “Undo @label”
 * @entity: the table
 * @fields: (array length=n_fields): the new row's values
 * @n_fields: how many
 * @error: return location for an error
 *
 * Adds one row as one undoable change (or as part of the change already
 * open).
 *
 * Returns: (transfer full) (nullable): the new row's id
 */
char *
_tandem_db_insert_change (TandemProject      *project,
                          const char         *label,
                          const char         *entity,
                          const TandemField  *fields,
                          guint               n_fields,
                          GError            **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;

  if (!tandem_change_begin (&change, project, label, error))
    return NULL;
  id = tandem_project_insert (project, entity, fields, n_fields, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * _tandem_db_exists:
 * @project: a project
 * @entity: a table of the schema (named in the code, never read from a file)
 * @id: (nullable): an item's id; %NULL is never there
 * @exists: (out): whether the item is there
 * @error: return location for an error
 *
 * Like tandem_project_exists(), but a file that could not be read (another
 * program holds it: %TANDEM_PROJECT_ERROR_LOCKED) is an error, not an item
 * that is not there.
 *
 * Returns: %TRUE if @exists could be told
 */
gboolean
_tandem_db_exists (TandemProject  *project,
                   const char     *entity,
                   const char     *id,
                   gboolean       *exists,
                   GError        **error)
{
  const TandemEntity *info = tandem_schema_lookup (entity);
  g_autofree char *sql = NULL;
  gint64 one;

  g_return_val_if_fail (info != NULL, FALSE);

  *exists = FALSE;
  if (id == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", info->name);
  return _tandem_db_query_int (project, error, &one, exists, sql, "s", id);
}

/**
 * _tandem_db_still_there:
 * @project: a project
 * @entity: as for _tandem_db_exists()
 * @id: (nullable): an item's id
 * @gone: what to tell the person when it is not there (“This team no
 *   longer exists: someone may have deleted it.”), translated
 * @error: return location for an error
 *
 * Returns: %TRUE if the item is there; otherwise %FALSE with @error set to
 *   %TANDEM_PROJECT_ERROR_INVALID and @gone, or to why the file could not be
 *   read
 */
gboolean
_tandem_db_still_there (TandemProject  *project,
                        const char     *entity,
                        const char     *id,
                        const char     *gone,
                        GError        **error)
{
  gboolean exists;

  if (!_tandem_db_exists (project, entity, id, &exists, error))
    return FALSE;
  if (!exists)
    g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, gone);
  return exists;
}

/* ------------------------------------------------------------------------ */
/* Rows as structs, by a table (TandemDbShape)                              */

static void
read_column (TandemDbStmt         *stmt,
             int                   i,
             const TandemDbColumn *column,
             gpointer              member)
{
  switch (column->kind)
    {
    case TANDEM_DB_TEXT:
      *(char **) member = _tandem_db_column_text (stmt, i);
      break;
    case TANDEM_DB_TEXT_OR_EMPTY:
      *(char **) member = _tandem_db_column_text (stmt, i);
      if (*(char **) member == NULL)
        *(char **) member = g_strdup ("");
      break;
    case TANDEM_DB_INT:
      *(int *) member = (int) _tandem_db_column_int (stmt, i);
      break;
    case TANDEM_DB_BOOL:
      *(gboolean *) member = _tandem_db_column_bool (stmt, i);
      break;
    case TANDEM_DB_DOUBLE:
      *(double *) member = _tandem_db_column_double (stmt, i);
      break;
    case TANDEM_DB_DOUBLE_OR_NAN:
      *(double *) member = _tandem_db_column_is_number (stmt, i)
                             ? _tandem_db_column_double (stmt, i) : NAN;
      break;
    case TANDEM_DB_FINITE_OR_NAN:
      *(double *) member = _tandem_db_column_is_number (stmt, i) &&
                           isfinite (_tandem_db_column_double (stmt, i))
                             ? _tandem_db_column_double (stmt, i) : NAN;
      break;
    case TANDEM_DB_ENUM:
      {
        int value = column->fallback;

        tandem_stored_enum_from_word (column->enum_type (), _tandem_db_column_peek (stmt, i),
                                      &value);
        *(int *) member = value;
      }
      break;
    case TANDEM_DB_UNREAD:
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _tandem_db_read_row:
 * @shape: what the row is
 * @stmt: a statement on a row, giving exactly the columns @shape lists
 *
 * A new struct of @shape, filled from the row as its table says (text made
 * safe by _tandem_db_column_text()), then by its @finish.
 *
 * Returns: (transfer full) (nullable): the struct, or %NULL when @finish
 *   left the row out
 */
gpointer
_tandem_db_read_row (const TandemDbShape *shape,
                     TandemDbStmt        *stmt)
{
  gpointer item = g_malloc0 (shape->size);

  _tandem_db_assert_columns (stmt, (int) shape->n_columns);
  for (guint i = 0; i < shape->n_columns; i++)
    read_column (stmt, (int) i, &shape->columns[i],
                 G_STRUCT_MEMBER_P (item, shape->columns[i].offset));
  if (shape->finish != NULL && !shape->finish (stmt, item))
    {
      shape->free (item);
      return NULL;
    }
  return item;
}

/* Frees the text members @shape's columns name, not @item itself. */
void
_tandem_db_clear_row (const TandemDbShape *shape,
                      gpointer             item)
{
  for (guint i = 0; i < shape->n_columns; i++)
    if (shape->columns[i].kind == TANDEM_DB_TEXT ||
        shape->columns[i].kind == TANDEM_DB_TEXT_OR_EMPTY)
      g_free (G_STRUCT_MEMBER (char *, item, shape->columns[i].offset));
}

/* Frees a struct of @shape that owns nothing but its text members. */
void
_tandem_db_free_row (const TandemDbShape *shape,
                     gpointer             item)
{
  if (item == NULL)
    return;
  _tandem_db_clear_row (shape, item);
  g_free (item);
}

typedef struct
{
  GPtrArray           *list;
  const TandemDbShape *shape;
} ReadList;

static void
add_row (TandemDbStmt *stmt,
         gpointer      data)
{
  ReadList *read = data;
  gpointer item = read->shape != NULL ? _tandem_db_read_row (read->shape, stmt)
                                      : _tandem_db_column_text (stmt, 0);

  if (item != NULL || read->shape == NULL)
    g_ptr_array_add (read->list, item);
}

/**
 * _tandem_db_list:
 * @project: a project
 * @error: return location for an error
 * @shape: (nullable): what each row is; %NULL to read the first column of
 *   each row as text
 * @sql: one query, cached (see _tandem_db_prepare())
 * @types: what to bind (see _tandem_db_bind())
 *
 * Reads every row of a query as a struct of @shape (freed by its @free), or
 * as text.
 *
 * Returns: (transfer full) (nullable): an item per row kept, in order, or
 *   %NULL with @error set if the rows could not all be read: never a short
 *   list
 */
GPtrArray *
_tandem_db_list (TandemProject        *project,
                 GError              **error,
                 const TandemDbShape  *shape,
                 const char           *sql,
                 const char           *types,
                 ...)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (shape != NULL ? shape->free : g_free);
  g_autoptr(TandemDbStmt) stmt = NULL;
  ReadList read = { list, shape };
  va_list args;

  va_start (args, types);
  stmt = query_valist (project, error, sql, types, args);
  va_end (args);
  if (!_tandem_db_each_row_of (project, stmt, add_row, &read, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * _tandem_db_get:
 * @project: a project
 * @error: return location for an error
 * @shape: what the row is
 * @gone: what to tell the person when there is no row (“This team no longer
 *   exists…”), translated
 * @sql: one query, cached (see _tandem_db_prepare())
 * @types: what to bind (see _tandem_db_bind())
 *
 * Reads one item: the first row of a query as a struct of @shape.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error set
 *   to %TANDEM_PROJECT_ERROR_INVALID and @gone when there is no row, or to
 *   why the file could not be read
 */
gpointer
_tandem_db_get (TandemProject        *project,
                GError              **error,
                const TandemDbShape  *shape,
                const char           *gone,
                const char           *sql,
                const char           *types,
                ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = query_valist (project, error, sql, types, args);
  va_end (args);
  if (stmt == NULL)
    return NULL;
  switch (_tandem_db_step (project, stmt, error))
    {
    case TANDEM_DB_ROW:
      return _tandem_db_read_row (shape, stmt);
    case TANDEM_DB_DONE:
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, gone);
      return NULL;
    case TANDEM_DB_FAILED:
    default:
      return NULL;
    }
}
