/* tandem-db-private.h — how core reads and writes the project file: its
 * statement cache, its one mapping of SQLite's errors, its row readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
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

/* What one step of a statement gave: a row, the end, or a failure (the
 * error set through the one mapping, so a busy file says "locked"). */
typedef enum
{
  TANDEM_DB_FAILED = -1,
  TANDEM_DB_DONE   = 0,
  TANDEM_DB_ROW    = 1,
} TandemDbStep;

TandemDbStep  _tandem_db_step         (TandemProject  *project,
                                       sqlite3_stmt   *stmt,
                                       GError        **error);

/* Binds values to ?1, ?2, … in order, one character of @types each:
 *   's' const char * (NULL binds SQL NULL)   'i' int   'l' gint64
 *   'd' double   'b' gboolean (stored 0/1)   '-' SQL NULL (no argument) */
void          _tandem_db_bind         (sqlite3_stmt   *stmt,
                                       const char     *types,
                                       ...);
void          _tandem_db_bind_valist  (sqlite3_stmt   *stmt,
                                       const char     *types,
                                       va_list         args);

/* The cached statement for @sql with @types bound (see _tandem_db_bind()),
 * ready to step; release it with g_autoptr(TandemDbStmt). */
sqlite3_stmt *_tandem_db_query        (TandemProject  *project,
                                       GError        **error,
                                       const char     *sql,
                                       const char     *types,
                                       ...);

/* Runs one statement that writes (or reads nothing back), with @types
 * bound; TRUE when it went through. */
gboolean      _tandem_db_run          (TandemProject  *project,
                                       GError        **error,
                                       const char     *sql,
                                       const char     *types,
                                       ...);

/* The first column of the first row of a query, as text: %TRUE and *@text
 * (NULL for SQL NULL or no row) unless the query failed. @found, if given,
 * says whether there was a row. */
gboolean      _tandem_db_query_text   (TandemProject  *project,
                                       GError        **error,
                                       char          **text,
                                       gboolean       *found,
                                       const char     *sql,
                                       const char     *types,
                                       ...);

/* The same as a number (0 for SQL NULL or no row). */
gboolean      _tandem_db_query_int    (TandemProject  *project,
                                       GError        **error,
                                       gint64         *value,
                                       gboolean       *found,
                                       const char     *sql,
                                       const char     *types,
                                       ...);

/* Rows changed by the last statement that wrote. */
int           _tandem_db_changes      (TandemProject  *project);

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

static inline gboolean
_tandem_db_column_bool (sqlite3_stmt *stmt,
                        int           column)
{
  return sqlite3_column_int64 (stmt, column) != 0;
}

/* A row reader's promise that its statement gives the columns it reads:
 * costs nothing in a release build's loop, catches a SELECT edited out of
 * step with its reader in every test. */
#define _tandem_db_assert_columns(stmt, n) \
  g_assert (sqlite3_column_count (stmt) == (n))

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

/* ------------------------------------------------------------------------ */
/* Reading every row: by hand (a TandemDbRowFunc on each row), or as a list  */
/* of structs a table describes (a TandemDbShape, below)                    */

/* Called on each row by _tandem_db_each_row() and _tandem_db_each_row_of(). */
typedef void (*TandemDbRowFunc) (TandemDbStmt *stmt,
                                 gpointer      user_data);

gboolean      _tandem_db_each_row     (TandemProject     *project,
                                       GError           **error,
                                       int                n_columns,
                                       TandemDbRowFunc    func,
                                       gpointer           user_data,
                                       const char        *sql,
                                       const char        *types,
                                       ...);

gboolean      _tandem_db_each_row_of  (TandemProject      *project,
                                       sqlite3_stmt       *stmt,
                                       TandemDbRowFunc     row,
                                       gpointer            data,
                                       GError            **error);

char         *_tandem_db_insert_change (TandemProject      *project,
                                        const char         *label,
                                        const char         *entity,
                                        const TandemField  *fields,
                                        guint               n_fields,
                                        GError            **error);

/* A row's text without a copy, for a lookup: valid until the next step,
 * raw as stored (not made safe as _tandem_db_column_text() makes it). */
static inline const char *
_tandem_db_column_peek (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline gboolean
_tandem_db_column_is_text (sqlite3_stmt *stmt,
                           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_TEXT;
}

/* Whether a column holds a number (integer or real), not text, a blob or
 * NULL: an untrusted file may hold anything in any column. */
static inline gboolean
_tandem_db_column_is_number (sqlite3_stmt *stmt,
                             int           column)
{
  int type = sqlite3_column_type (stmt, column);

  return type == SQLITE_INTEGER || type == SQLITE_FLOAT;
}

GHashTable   *_tandem_db_cache_new    (void);
void          _tandem_db_close        (sqlite3        *db);

/* --- coaching: a script run on a file that no project has open --- */

gboolean      _tandem_db_exec_on_file (const char     *path,
                                       const char     *shown_path,
                                       const char     *script,
                                       GError        **error);
gboolean      _tandem_db_exists       (TandemProject      *project,
                                       const char         *entity,
                                       const char         *id,
                                       gboolean           *exists,
                                       GError            **error);

gboolean      _tandem_db_still_there  (TandemProject      *project,
                                       const char         *entity,
                                       const char         *id,
                                       const char         *gone,
                                       GError            **error);

/* A row reader as a table: what each column of a SELECT is, in order, and
 * the offset (G_STRUCT_OFFSET) of the struct member it fills. */
typedef enum
{
  TANDEM_DB_TEXT,            /* char *, NULL for SQL NULL */
  TANDEM_DB_TEXT_OR_EMPTY,   /* char *, "" for SQL NULL */
  TANDEM_DB_INT,             /* int (or guint) */
  TANDEM_DB_BOOL,            /* gboolean */
  TANDEM_DB_DOUBLE,          /* double */
  TANDEM_DB_DOUBLE_OR_NAN,   /* double, NAN unless the column is a number */
  TANDEM_DB_FINITE_OR_NAN,   /* double, NAN unless the column is a finite number */
  TANDEM_DB_ENUM,            /* a stored enum's word: @enum_type's value, or
                              * @fallback for NULL or an unknown word */
  TANDEM_DB_UNREAD,          /* read by the shape's @finish */
} TandemDbColumnKind;

typedef struct
{
  TandemDbColumnKind   kind;
  gsize                offset;
  GType              (*enum_type) (void);
  int                  fallback;
} TandemDbColumn;

#define TANDEM_DB_COLUMN(kind, type, member) \
  { TANDEM_DB_ ## kind, G_STRUCT_OFFSET (type, member), NULL, 0 }
#define TANDEM_DB_ENUM_COLUMN(type, member, get_type, fallback) \
  { TANDEM_DB_ENUM, G_STRUCT_OFFSET (type, member), get_type, fallback }

/* A struct as a row: its size, how a whole one is freed (for the lists that
 * hold it), its columns in the order of the SELECT's, and, if some column
 * needs more than its kind says, @finish, called on each new struct once
 * the table has filled it: it returns %FALSE to leave the row out. The
 * text members the columns name are the only memory the table owns. */
typedef struct
{
  gsize                  size;
  GDestroyNotify         free;
  guint                  n_columns;
  const TandemDbColumn  *columns;
  gboolean             (*finish) (TandemDbStmt *stmt,
                                  gpointer      item);
} TandemDbShape;

#define TANDEM_DB_SHAPE(type, free_func, columns) \
  { sizeof (type), (GDestroyNotify) (free_func), G_N_ELEMENTS (columns), columns, NULL }
#define TANDEM_DB_SHAPE_FINISHED(type, free_func, columns, finish) \
  { sizeof (type), (GDestroyNotify) (free_func), G_N_ELEMENTS (columns), columns, finish }

gpointer      _tandem_db_read_row     (const TandemDbShape  *shape,
                                       TandemDbStmt         *stmt);
void          _tandem_db_clear_row    (const TandemDbShape  *shape,
                                       gpointer              item);
void          _tandem_db_free_row     (const TandemDbShape  *shape,
                                       gpointer              item);
gpointer      _tandem_db_get          (TandemProject        *project,
                                       GError              **error,
                                       const TandemDbShape  *shape,
                                       const char           *gone,
                                       const char           *sql,
                                       const char           *types,
                                       ...);
GPtrArray    *_tandem_db_list         (TandemProject        *project,
                                       GError              **error,
                                       const TandemDbShape  *shape,
                                       const char           *sql,
                                       const char           *types,
                                       ...);

G_END_DECLS

/* ------------------------------------------------------------------------ */
/* Merge, change log and history: values of any type (tandem-db-values.c)    */

G_BEGIN_DECLS

/* A value read from the file with its type (text, number, NULL…): a field's
 * old and new value in the change log, theirs and mine in a merge. One got
 * from _tandem_db_value_dup() or _tandem_db_column_value() is the caller's,
 * freed with g_autoptr(TandemDbValue). %NULL stands for SQL NULL. */
typedef sqlite3_value TandemDbValue;

TandemDbValue *_tandem_db_value_dup          (TandemDbValue     *value);
void           _tandem_db_value_free         (TandemDbValue     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemDbValue, _tandem_db_value_free)

TandemDbValue *_tandem_db_column_value       (TandemDbStmt      *stmt,
                                              int                column);
void           _tandem_db_bind_value         (TandemDbStmt      *stmt,
                                              int                index,
                                              TandemDbValue     *value);
void           _tandem_db_bind_typed         (TandemDbStmt      *stmt,
                                              int                index,
                                              const TandemValue *value);
gboolean       _tandem_db_value_equal        (TandemDbValue     *a,
                                              TandemDbValue     *b);
gboolean       _tandem_db_value_is_null      (TandemDbValue     *value);
gboolean       _tandem_db_value_is_text      (TandemDbValue     *value);
const char    *_tandem_db_value_text         (TandemDbValue     *value);
gint64         _tandem_db_value_int          (TandemDbValue     *value);
char          *_tandem_db_value_dup_text     (TandemDbValue     *value);
gboolean       _tandem_db_failed_as_duplicate (TandemProject    *project);
char           _tandem_db_affinity           (const char        *declared_type);
gboolean       _tandem_db_append_json_stored (GString           *out,
                                              const TandemValue *value,
                                              char               affinity);

TandemDbStep   _tandem_db_step_value         (TandemProject     *project,
                                              TandemDbStmt      *stmt,
                                              TandemDbValue    **value,
                                              GError           **error);
TandemDbStep   _tandem_db_field_value        (TandemProject     *project,
                                              const char        *entity,
                                              const char        *column,
                                              const char        *id,
                                              TandemDbValue    **value,
                                              GError           **error);

/* --- bulk writes (an import) --- */

/* Ends a statement's step so that it can run again with new values (the
 * values bound stay bound). */
static inline void
_tandem_db_rewind (TandemDbStmt *stmt)
{
  sqlite3_reset (stmt);
}

/* The rowid of the row the last INSERT on @stmt's connection added. */
static inline gint64
_tandem_db_last_rowid (TandemDbStmt *stmt)
{
  return sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
}

/* Binds @length bytes of @text that outlive the statement's next step. */
static inline void
_tandem_db_bind_text_static (TandemDbStmt *stmt,
                             int           index,
                             const char   *text,
                             int           length)
{
  sqlite3_bind_text (stmt, index, text, length, SQLITE_STATIC);
}

/* Appends a column's text as stored, without a copy of its own. */
static inline void
_tandem_db_append_column (GString      *out,
                          TandemDbStmt *stmt,
                          int           column)
{
  g_string_append_len (out, (const char *) sqlite3_column_text (stmt, column),
                       sqlite3_column_bytes (stmt, column));
}

G_END_DECLS
