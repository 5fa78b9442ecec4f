/* tandem-db-values.c — values of any type read from the project file and
 * written back with their type: a field's old and new value in the change
 * log, theirs and mine in a merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Db"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-db-private.h"

/* A copy of @value (%NULL for %NULL), owned by the caller. */
TandemDbValue *
_tandem_db_value_dup (TandemDbValue *value)
{
  return value != NULL ? sqlite3_value_dup (value) : NULL;
}

void
_tandem_db_value_free (TandemDbValue *value)
{
  sqlite3_value_free (value);
}

/* A copy of a column of the row @stmt is on, kept past the next step. */
TandemDbValue *
_tandem_db_column_value (TandemDbStmt *stmt,
                         int           column)
{
  return sqlite3_value_dup (sqlite3_column_value (stmt, column));
}

/* Binds @value with its type to ?@index; %NULL binds SQL NULL. */
void
_tandem_db_bind_value (TandemDbStmt  *stmt,
                       int            index,
                       TandemDbValue *value)
{
  if (value != NULL)
    sqlite3_bind_value (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds a #TandemValue (a value given by code) to ?@index. */
void
_tandem_db_bind_typed (TandemDbStmt      *stmt,
                       int                index,
                       const TandemValue *value)
{
  switch (value->type)
    {
    case TANDEM_VALUE_INT:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case TANDEM_VALUE_DOUBLE:
      sqlite3_bind_double (stmt, index, value->d);
      break;
    case TANDEM_VALUE_TEXT:
      _tandem_db_bind_text (stmt, index, value->s);
      break;
    case TANDEM_VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static int
value_type (TandemDbValue *value)
{
  return value != NULL ? sqlite3_value_type (value) : SQLITE_NULL;
}

/* A whole number and a real number are equal as SQLite compares them:
 * exactly, without rounding either. */
static gboolean
int_equals_real (gint64 i,
                 double r)
{
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
    return FALSE;
  return (gint64) r == i && (double) i == r;
}

/**
 * _tandem_db_value_equal:
 * @a: (nullable): a value (%NULL is SQL NULL)
 * @b: (nullable): another
 *
 * Whether the two are the same as SQL's `a IS b` says for values without a
 * column's affinity: both NULL; numbers equal in value (1 is 1.0); text or
 * blobs equal byte for byte. Text is never equal to a number.
 *
 * Returns: %TRUE if they are the same
 */
gboolean
_tandem_db_value_equal (TandemDbValue *a,
                        TandemDbValue *b)
{
  int ta = value_type (a);
  int tb = value_type (b);
  gboolean a_number = ta == SQLITE_INTEGER || ta == SQLITE_FLOAT;
  gboolean b_number = tb == SQLITE_INTEGER || tb == SQLITE_FLOAT;
  const void *da;
  const void *db;
  int n;

  if (a_number && b_number)
    {
      if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
        return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
      if (ta == SQLITE_FLOAT && tb == SQLITE_FLOAT)
        return sqlite3_value_double (a) == sqlite3_value_double (b);
      if (ta == SQLITE_INTEGER)
        return int_equals_real (sqlite3_value_int64 (a), sqlite3_value_double (b));
      return int_equals_real (sqlite3_value_int64 (b), sqlite3_value_double (a));
    }
  if (ta != tb)
    return FALSE;
  if (ta == SQLITE_NULL)
    return TRUE;

  da = ta == SQLITE_TEXT ? (const void *) sqlite3_value_text (a) : sqlite3_value_blob (a);
  db = tb == SQLITE_TEXT ? (const void *) sqlite3_value_text (b) : sqlite3_value_blob (b);
  n = sqlite3_value_bytes (a);
  return n == sqlite3_value_bytes (b) && (n == 0 || memcmp (da, db, n) == 0);
}

gboolean
_tandem_db_value_is_null (TandemDbValue *value)
{
  return value_type (value) == SQLITE_NULL;
}

gboolean
_tandem_db_value_is_text (TandemDbValue *value)
{
  return value_type (value) == SQLITE_TEXT;
}

/* The value as text, owned by @value; %NULL for SQL NULL. */
const char *
_tandem_db_value_text (TandemDbValue *value)
{
  return value_type (value) != SQLITE_NULL ? (const char *) sqlite3_value_text (value) : NULL;
}

/* The value as a whole number; 0 for SQL NULL. */
gint64
_tandem_db_value_int (TandemDbValue *value)
{
  return value != NULL ? sqlite3_value_int64 (value) : 0;
}

/* Whether the statement that last failed on the project's connection was
 * refused because another row already holds the same unique values. */
gboolean
_tandem_db_failed_as_duplicate (TandemProject *project)
{
  return sqlite3_extended_errcode (_tandem_project_get_db (project)) == SQLITE_CONSTRAINT_UNIQUE;
}

/* The value as text made safe (as _tandem_db_column_text() reads a column),
 * owned by the caller; %NULL for SQL NULL. */
char *
_tandem_db_value_dup_text (TandemDbValue *value)
{
  const char *text;

  if (value_type (value) == SQLITE_NULL)
    return NULL;
  text = (const char *) sqlite3_value_text (value);
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (text, sqlite3_value_bytes (value));
}

/**
 * _tandem_db_step_value:
 * @project: the project @stmt belongs to
 * @stmt: (nullable): a bound statement, or %NULL if preparing it failed
 *   (with the error set then)
 * @value: (out): a copy of the first column of the first row, or %NULL
 * @error: return location for an error
 *
 * Returns: %TANDEM_DB_ROW with @value set, %TANDEM_DB_DONE if there was no
 *   row, or %TANDEM_DB_FAILED with @error set
 */
TandemDbStep
_tandem_db_step_value (TandemProject  *project,
                       TandemDbStmt   *stmt,
                       TandemDbValue **value,
                       GError        **error)
{
  TandemDbStep step = stmt != NULL ? _tandem_db_step (project, stmt, error) : TANDEM_DB_FAILED;

  *value = step == TANDEM_DB_ROW ? _tandem_db_column_value (stmt, 0) : NULL;
  return step;
}

/* One field of one item, by the names in the schema (never from a file or
 * a person): see _tandem_db_step_value(); %TANDEM_DB_DONE if there is no
 * such item. */
TandemDbStep
_tandem_db_field_value (TandemProject  *project,
                        const char     *entity,
                        const char     *column,
                        const char     *id,
                        TandemDbValue **value,
                        GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, entity);
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (project, error, sql, "s", id);

  return _tandem_db_step_value (project, stmt, value, error);
}

/* The affinity SQLite gives a column declared as @declared_type, by its
 * rules: 'i' integer, 't' text, 'b' blob (none), 'r' real, 'n' numeric. */
char
_tandem_db_affinity (const char *declared_type)
{
  g_autofree char *type = g_ascii_strup (declared_type ? declared_type : "", -1);

  if (strstr (type, "INT") != NULL)
    return 'i';
  if (strstr (type, "CHAR") != NULL || strstr (type, "CLOB") != NULL || strstr (type, "TEXT") != NULL)
    return 't';
  if (strstr (type, "BLOB") != NULL || type[0] == '\0')
    return 'b';
  if (strstr (type, "REAL") != NULL || strstr (type, "FLOA") != NULL || strstr (type, "DOUB") != NULL)
    return 'r';
  return 'n';
}

/* @text as json_object() and json_quote() give a text value. */
static void
append_json_text (GString    *out,
                  const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const guchar *c = (const guchar *) text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      else if (*c < 0x20)
        {
          g_string_append_c (out, '\\');
          switch (*c)
            {
            case '\b': g_string_append_c (out, 'b'); break;
            case '\t': g_string_append_c (out, 't'); break;
            case '\n': g_string_append_c (out, 'n'); break;
            case '\f': g_string_append_c (out, 'f'); break;
            case '\r': g_string_append_c (out, 'r'); break;
            default:
              g_string_append (out, "u00");
              g_string_append_c (out, hex[*c >> 4]);
              g_string_append_c (out, hex[*c & 0x0f]);
              break;
            }
        }
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/**
 * _tandem_db_append_json_stored:
 * @out: where to append
 * @value: a value about to be bound and stored
 * @affinity: its column's, as _tandem_db_affinity() gives it
 *
 * Appends @value as json_object() would give it once stored in that column
 * and read back, byte for byte, so that a row need not be read back to be
 * logged. Only where storing keeps the value as it is bound: text in a text
 * or untyped column, a finite real number in a real column, a whole number
 * in an integer or numeric one, and NULL anywhere.
 *
 * Returns: %TRUE if appended; %FALSE (nothing appended) if storing might
 *   change the value, when the row is to be read back instead
 */
gboolean
_tandem_db_append_json_stored (GString           *out,
                               const TandemValue *value,
                               char               affinity)
{
  char number[100];

  switch (value->type)
    {
    case TANDEM_VALUE_NULL:
      g_string_append (out, "null");
      return TRUE;
    case TANDEM_VALUE_TEXT:
      if (value->s == NULL)
        g_string_append (out, "null");
      else if (affinity == 't' || affinity == 'b')
        append_json_text (out, value->s);
      else
        return FALSE;
      return TRUE;
    case TANDEM_VALUE_DOUBLE:
      if (isnan (value->d))
        {
          /* SQLite binds NaN as NULL. */
          g_string_append (out, "null");
          return TRUE;
        }
      if (affinity != 'r' || !isfinite (value->d))
        return FALSE;
      /* A whole number is stored as an integer and read back positive: -0.0 comes back 0.0. */
      sqlite3_snprintf (sizeof number, number, "%!0.15g", value->d == 0 ? 0.0 : value->d);
      g_string_append (out, number);
      return TRUE;
    case TANDEM_VALUE_INT:
      if (affinity != 'i' && affinity != 'n')
        return FALSE;
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      return TRUE;
    default:
      return FALSE;
    }
}
