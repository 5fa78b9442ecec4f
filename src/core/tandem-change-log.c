/* tandem-change-log.c — every edit logged: the change's row in change_txn,
 * one row in change_log per change to an item, the generic insert, update
 * and delete, and replaying another copy's changes (see tandem-merge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-ChangeLog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "tandem-clock.h"
#include "tandem-db-private.h"
#include "tandem-merge-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

/* Random bytes straight from the kernel: unlike GLib's generator they cannot
 * repeat in a process forked from one that already made ids. */
static gboolean
random_bytes (guint8 *b,
              gsize   size)
{
  gsize got = 0;

  while (got < size)
    {
      gssize n = getrandom (b + got, size - got, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      got += n;
    }
  return TRUE;
}

/* @b as a random (version 4) UUID, in @out. */
static void
format_id (guint8 b[16],
           char   out[37])
{
  static const char hex[] = "0123456789abcdef";
  char *o = out;

  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *o++ = '-';
      *o++ = hex[b[i] >> 4];
      *o++ = hex[b[i] & 0x0f];
    }
  *o = '\0';
}

/* A random (version 4) UUID (see random_bytes()). */
char *
_tandem_new_id (void)
{
  guint8 b[16];
  char id[37];

  if (!random_bytes (b, sizeof b))
    return g_uuid_string_random ();
  format_id (b, id);
  return g_strdup (id);
}

char *
_tandem_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } labels[] = {
    { "team", N_("team") },
    { "person", N_("person") },
    { "team_member", N_("team membership") },
    { "equity_tag", N_("equity tag") },
    { "diagram", N_("diagram") },
    { "node_group", N_("group") },
    { "node", N_("item") },
    { "node_link", N_("link") },
    { "node_tag", N_("tag") },
    { "node_coproducer", N_("co-producer") },
    { "pdsa_cycle", N_("PDSA cycle") },
    { "measure", N_("measure") },
    { "measure_link", N_("measure link") },
    { "data_point", N_("data point") },
    { "phase", N_("phase") },
    { "annotation", N_("annotation") },
    { "coaching_session", N_("coaching session") },
    { "attendance", N_("attendance") },
    { "action", N_("action") },
    { "session_link", N_("session link") },
    { "framework_item", N_("framework item") },
    { "framework_status", N_("framework status") },
    { "peer_role", N_("peer role") },
    { "supervision", N_("supervision record") },
    { "comment", N_("comment") },
    { "grouping", N_("grouping") },
    { "grouping_category", N_("group") },
    { "measure_breakdown", N_("breakdown by group") },
    { "breakdown_point", N_("data point by group") },
    { "standard", N_("standard") },
    { "standard_score_word", N_("score’s word") },
    { "standard_level", N_("level") },
    { "evidence_type", N_("type of evidence") },
    { "assessment_round", N_("self-assessment round") },
    { "assessment_response", N_("self-assessment response") },
    { "assessment_score", N_("score") },
    { "priority_standard", N_("priority standard") },
    { "priority_link", N_("priority’s link") },
    { "standard_evidence", N_("evidence") },
    { "panel_review", N_("panel review") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].entity, entity))
      return _(labels[i].label);
  return entity;
}

/* ------------------------------------------------------------------------ */
/* Transactions and the change log                                          */

gboolean
_tandem_project_ensure_txn_row (TandemProject  *self,
                GError        **error)
{
  /* Another copy's change keeps its author, time and identity. */
  const TandemReplayTxn *replay = self->replay;
  g_autofree char *now = NULL;
  g_autofree char *origin = NULL;

  if (self->txn_id != 0)
    return TRUE;
  now = _tandem_now_iso8601 ();
  if (replay == NULL)
    origin = _tandem_new_id ();
  return _tandem_db_query_int (self, error, &self->txn_id, NULL,
                               "INSERT INTO change_txn (at, author, replica, label, kind, target, "
                               "origin_replica, origin_id, merged_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7, ?8, ?9) RETURNING id",
                               "ssssslsss",
                               replay ? replay->at : now,
                               replay ? replay->author : self->author,
                               replay ? replay->replica : self->replica_id,
                               replay ? replay->label : self->txn_label,
                               replay ? replay->kind : self->txn_kind,
                               replay ? replay->target : self->txn_target,
                               replay ? replay->origin_replica : self->replica_id,
                               replay ? replay->origin_id : origin,
                               replay ? now : NULL);
}

/* old_value and new_value keep their types, so that they survive the round trip. */
gboolean
_tandem_project_log_change (TandemProject  *self,
            const char     *op,
            const char     *entity,
            const char     *id,
            const char     *field,
            TandemDbValue  *old_value,
            TandemDbValue  *new_value,
            GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;

  if (!_tandem_project_ensure_txn_row (self, error))
    return FALSE;
  stmt = _tandem_db_query (self, error, "INSERT INTO change_log (txn, op, entity, entity_id, field, "
                           "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           "lssss", self->txn_id, op, entity, id, field);
  if (stmt == NULL)
    return FALSE;
  _tandem_db_bind_value (stmt, 6, old_value);
  _tandem_db_bind_value (stmt, 7, new_value);
  if (_tandem_db_step (self, stmt, error) == TANDEM_DB_FAILED)
    return FALSE;
  g_hash_table_add (self->touched, (gpointer) g_intern_string (entity));
  return TRUE;
}

/* The row as a JSON object, or NULL (no error) if there is no such row. */
TandemDbValue *
_tandem_project_row_as_json (TandemProject       *self,
             const TandemEntity  *entity,
             const char          *id,
             GError             **error)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (self, error, entity->select_json, "s", id);
  TandemDbValue *value = NULL;

  _tandem_db_step_value (self, stmt, &value, error);
  return value;
}

/* Logs the row @id of @entity, just added, as added. */
static gboolean
log_added (TandemProject       *self,
           const TandemEntity  *entity,
           const char          *id,
           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TandemDbValue) row = _tandem_project_row_as_json (self, entity, id, &local_error);

  if (row == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                     "a %s logged as added has a different id", entity->name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _tandem_project_log_change (self, "insert", entity->name, id, NULL, NULL, row, error);
}

const TandemEntity *
_tandem_lookup_entity (const char  *entity,
               GError     **error)
{
  const TandemEntity *info = tandem_schema_lookup (entity);

  if (info == NULL)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 "Tandem has no kind of item called “%s”", entity);
  return info;
}

gboolean
_tandem_check_field (const TandemEntity  *entity,
             const char          *field,
             GError             **error)
{
  if (field == NULL || g_str_equal (field, "id") || !tandem_schema_has_column (entity, field))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a %s has no field called “%s”", entity->name, field ? field : "(null)");
      return FALSE;
    }
  return TRUE;
}

static char *
insert_row (TandemProject       *self,
            const TandemEntity  *entity,
            const TandemField   *fields,
            guint                n_fields,
            GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new ("?1");
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autofree char *id = _tandem_new_id ();

  g_string_append_printf (sql, "INSERT INTO %s (id", entity->name);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!_tandem_check_field (entity, fields[i].field, error))
        return NULL;
      g_string_append_printf (sql, ", %s", fields[i].field);
      g_string_append_printf (params, ", ?%u", i + 2);
    }
  g_string_append_printf (sql, ") VALUES (%s)", params->str);

  stmt = _tandem_db_query (self, error, sql->str, "s", id);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_fields; i++)
    _tandem_db_bind_typed (stmt, i + 2, &fields[i].value);
  if (_tandem_db_step (self, stmt, error) == TANDEM_DB_FAILED)
    return NULL;

  /* What a project is created with (its defaults, a template, the sample) is
   * in every copy of it and is never undone: it is credited to the creating
   * transaction as a whole (see tandem_project_dup_added_by()) rather than row
   * by row, which keeps large projects small and quick to check on opening. */
  if (g_str_equal (self->txn_kind, "create"))
    {
      g_hash_table_add (self->touched, (gpointer) entity->name);
      return _tandem_project_ensure_txn_row (self, error) ? g_steal_pointer (&id) : NULL;
    }
  return log_added (self, entity, id, error) ? g_steal_pointer (&id) : NULL;
}

/* Logs the rows of @entity just added as one entry: an insert whose entity_id
 * is the batch's own id and whose new value is @rows, a JSON array of the
 * rows, each as log_added() would log it. _tandem_log_entries() reads it back
 * as one insert per row, so that undo, redo and a merge see the rows as if
 * each had been logged on its own. */
static gboolean
log_added_rows (TandemProject       *self,
                const TandemEntity  *entity,
                const char          *rows,
                GError             **error)
{
  g_autofree char *batch = _tandem_new_id ();

  if (!_tandem_project_ensure_txn_row (self, error) ||
      !_tandem_db_run (self, error, "INSERT INTO change_log (txn, op, entity, entity_id, new_value) "
                       "VALUES (?1, 'insert', ?2, ?3, ?4)", "lsss",
                       self->txn_id, entity->name, batch, rows))
    return FALSE;
  g_hash_table_add (self->touched, (gpointer) entity->name);
  return TRUE;
}

/* The ids of rows added together: one random UUID whose last 48 bits count
 * up from a random start below 2^47, so that the rows' ids sort in the order
 * they are added and the primary key's B-tree grows at its end rather than
 * splitting pages all through it. Each is still a version 4 UUID; two
 * batches share ids only if 74 random bits and their ranges coincide. */
typedef struct
{
  guint8  bytes[16];
  guint64 start;
} BatchIds;

static void
batch_ids_init (BatchIds *ids)
{
  if (!random_bytes (ids->bytes, sizeof ids->bytes))
    /* As _tandem_new_id() falls back to GLib's generator. */
    for (guint j = 0; j < sizeof ids->bytes; j += 4)
      {
        guint32 v = g_random_int ();
        memcpy (&ids->bytes[j], &v, 4);
      }
  ids->bytes[10] &= 0x7f;
  ids->start = 0;
  for (guint j = 10; j < 16; j++)
    ids->start = (ids->start << 8) | ids->bytes[j];
}

/* The id of the batch's row @r, in @out. */
static void
batch_id (BatchIds *ids,
          guint     r,
          char      out[37])
{
  guint64 n = ids->start + r;

  for (int j = 15; j >= 10; j--, n >>= 8)
    ids->bytes[j] = n & 0xff;
  format_id (ids->bytes, out);
}

/* Whether @dflt, a column's default as PRAGMA table_info gives it, is the
 * same for every row: no default, NULL, a number or a quoted string. */
static gboolean
constant_default (const char *dflt)
{
  gsize len = dflt ? strlen (dflt) : 0;
  char *end = NULL;

  if (dflt == NULL || g_ascii_strcasecmp (dflt, "NULL") == 0)
    return TRUE;
  if (len >= 2 && dflt[0] == '\'' && dflt[len - 1] == '\'')
    return TRUE;
  g_ascii_strtod (dflt, &end);
  return len > 0 && end == dflt + len;
}

/* How each column of the batch's rows is logged: its place in the values
 * (-1 for the id, -2 for a column left to its default), its affinity, and
 * for a default, its value as JSON; @key is its name as the JSON key, with
 * the comma before it. */
typedef struct
{
  char *key;
  int   field;
  char  affinity;
  char *fixed;
} LoggedColumn;

static void
logged_columns_free (LoggedColumn *columns,
                     guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (columns[i].key);
      g_free (columns[i].fixed);
    }
  g_free (columns);
}

/* The batch's rows as log_added_rows() logs them, made from the values
 * bound, as the rows read back would give them (see
 * _tandem_db_append_json_stored()) without reading them. Sets *@made to
 * %FALSE, without an error, when some value might be stored other than as
 * bound, or a default might differ from row to row: the rows are then read
 * back (read_rows_back()). */
static gboolean
rows_from_values (TandemProject       *self,
                  const TandemEntity  *info,
                  const char * const  *fields,
                  guint                n_fields,
                  const TandemValue   *values,
                  guint                n_rows,
                  BatchIds            *ids,
                  gint64               first_rowid,
                  GString             *rows,
                  gboolean            *made,
                  GError             **error)
{
  guint n_columns = info->columns->len;
  LoggedColumn *columns = g_new0 (LoggedColumn, n_columns);
  g_autoptr(GString) defaults = g_string_new ("SELECT 0");
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;
  gboolean ok = FALSE;

  *made = FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      const char *column = g_ptr_array_index (info->columns, c);

      columns[c].key = g_strdup_printf ("%s\"%s\":", c > 0 ? "," : "", column);
      columns[c].field = g_str_equal (column, "id") ? -1 : -2;
      for (guint i = 0; i < n_fields && columns[c].field == -2; i++)
        if (g_str_equal (fields[i], column))
          columns[c].field = i;
      if (columns[c].field == -2)
        g_string_append_printf (defaults, ", json_quote (%s)", column);
    }
  g_string_append_printf (defaults, " FROM %s WHERE rowid = ?1", info->name);

  /* Each column's affinity, and whether what is left to its default is the
   * same in every row. */
  stmt = _tandem_db_query (self, error, "SELECT name, type, dflt_value FROM pragma_table_info (?1)",
                           "s", info->name);
  while (stmt != NULL && (step = _tandem_db_step (self, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *name = NULL;
      g_autofree char *type = NULL;
      g_autofree char *dflt = NULL;

      _tandem_db_assert_columns (stmt, 3);
      name = _tandem_db_column_text (stmt, 0);
      type = _tandem_db_column_text (stmt, 1);
      dflt = _tandem_db_column_text (stmt, 2);
      for (guint c = 0; c < n_columns; c++)
        if (g_str_equal (name, g_ptr_array_index (info->columns, c)))
          {
            columns[c].affinity = _tandem_db_affinity (type);
            if (columns[c].field == -2 && !constant_default (dflt))
              {
                ok = TRUE;
                goto done;
              }
          }
    }
  if (step != TANDEM_DB_DONE)
    goto done;
  g_clear_pointer (&stmt, _tandem_db_release);

  /* The defaults as the first row has them. */
  stmt = _tandem_db_query (self, error, defaults->str, "l", first_rowid);
  if (stmt == NULL || (step = _tandem_db_step (self, stmt, error)) == TANDEM_DB_FAILED)
    goto done;
  if (step == TANDEM_DB_DONE)
    {
      ok = TRUE;  /* not there to be read: read_rows_back() will say so */
      goto done;
    }
  for (guint c = 0, d = 1; c < n_columns; c++)
    if (columns[c].field == -2)
      columns[c].fixed = _tandem_db_column_text (stmt, d++);
  g_clear_pointer (&stmt, _tandem_db_release);

  g_string_append_c (rows, '[');
  for (guint r = 0; r < n_rows; r++)
    {
      const TandemValue *row = &values[(gsize) r * n_fields];
      char id[37];

      g_string_append (rows, r > 0 ? ",{" : "{");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (rows, columns[c].key);
          if (columns[c].field == -1)
            {
              batch_id (ids, r, id);
              g_string_append_c (rows, '"');
              g_string_append_len (rows, id, 36);
              g_string_append_c (rows, '"');
            }
          else if (columns[c].field == -2)
            g_string_append (rows, columns[c].fixed ? columns[c].fixed : "null");
          else if (!_tandem_db_append_json_stored (rows, &row[columns[c].field], columns[c].affinity))
            {
              g_string_truncate (rows, 0);
              ok = TRUE;
              goto done;
            }
        }
      g_string_append_c (rows, '}');
    }
  g_string_append_c (rows, ']');
  *made = TRUE;
  ok = TRUE;

done:
  logged_columns_free (columns, n_columns);
  return ok;
}

/* The batch's rows, as log_added_rows() logs them, read back once they are
 * all in: an INSERT … RETURNING would gather each row's answer in a temporary
 * table of its own, which costs more than the insert. The rows come back in
 * the order they were added, a run of consecutive rowids (usually all of
 * them) at a time. */
static gboolean
read_rows_back (TandemProject       *self,
                const TandemEntity  *info,
                const gint64        *rowids,
                guint                n_rows,
                GString             *rows,
                GError             **error)
{
  g_autoptr(GString) select = g_string_new ("SELECT json_object (");

  for (guint i = 0; i < info->columns->len; i++)
    {
      const char *column = g_ptr_array_index (info->columns, i);

      g_string_append_printf (select, "%s'%s', %s", i ? ", " : "", column, column);
    }
  g_string_append_printf (select, ") FROM %s WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid",
                          info->name);
  g_string_append_c (rows, '[');
  for (guint first = 0, last; first < n_rows; first = last + 1)
    {
      g_autoptr(TandemDbStmt) read = NULL;
      TandemDbStep step;
      guint r = first;

      for (last = first; last + 1 < n_rows && rowids[last + 1] == rowids[last] + 1; last++)
        ;
      read = _tandem_db_query (self, error, select->str, "ll", rowids[first], rowids[last]);
      if (read == NULL)
        return FALSE;
      while ((step = _tandem_db_step (self, read, error)) == TANDEM_DB_ROW && r <= last)
        {
          _tandem_db_assert_columns (read, 1);
          if (r > 0)
            g_string_append_c (rows, ',');
          _tandem_db_append_column (rows, read, 0);
          r++;
        }
      if (step == TANDEM_DB_FAILED)
        return FALSE;
      if (r != last + 1)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                       "%u of the %u %s rows added could not be read back",
                       last + 1 - r, last + 1 - first, info->name);
          return FALSE;
        }
    }
  g_string_append_c (rows, ']');
  return TRUE;
}

/**
 * _tandem_project_insert_rows:
 * @self: a project, within a change (tandem_change_begin())
 * @entity: the kind of item
 * @fields: the columns every row sets; the rest take their defaults
 * @n_fields: how many
 * @values: @n_rows × @n_fields values, row after row
 * @n_rows: how many rows
 * @error: return location for an error
 *
 * Adds many items of one kind at once, each with a new unique id (ids that
 * sort in the order the rows are given, see BatchIds), through one prepared
 * statement, and logs them as one entry (see log_added_rows()). On an error
 * some rows may be in: the caller rolls its change back.
 *
 * Returns: %TRUE if every row was added and logged
 */
gboolean
_tandem_project_insert_rows (TandemProject       *self,
                             const char          *entity,
                             const char * const  *fields,
                             guint                n_fields,
                             const TandemValue   *values,
                             guint                n_rows,
                             GError             **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) rows = NULL;
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autofree gint64 *rowids = NULL;
  gboolean made = FALSE;
  BatchIds ids;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (info == NULL)
    return FALSE;
  if (n_rows == 0)
    return TRUE;
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (id", info->name);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!_tandem_check_field (info, fields[i], error))
        return FALSE;
      g_string_append_printf (sql, ", %s", fields[i]);
    }
  g_string_append (sql, ") VALUES (?1");
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", ?%u", i + 2);
  g_string_append_c (sql, ')');
  if ((stmt = _tandem_db_prepare (self, sql->str, error)) == NULL)
    return FALSE;

  batch_ids_init (&ids);
  rowids = g_new (gint64, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      char id[37];

      batch_id (&ids, r, id);
      _tandem_db_rewind (stmt);
      _tandem_db_bind_text_static (stmt, 1, id, 36);
      for (guint i = 0; i < n_fields; i++)
        _tandem_db_bind_typed (stmt, i + 2, &values[(gsize) r * n_fields + i]);
      if (_tandem_db_step (self, stmt, error) == TANDEM_DB_FAILED)
        return FALSE;
      rowids[r] = _tandem_db_last_rowid (stmt);
    }
  _tandem_db_rewind (stmt);

  /* See insert_row(): what a project is created with is not logged row by row. */
  if (g_str_equal (self->txn_kind, "create"))
    {
      g_hash_table_add (self->touched, (gpointer) info->name);
      return _tandem_project_ensure_txn_row (self, error);
    }

  /* Each row as it is stored, defaults and all, for the log. */
  rows = g_string_sized_new ((gsize) n_rows * 160 + 2);
  if (!rows_from_values (self, info, fields, n_fields, values, n_rows, &ids, rowids[0], rows, &made,
                         error) ||
      (!made && !read_rows_back (self, info, rowids, n_rows, rows, error)))
    return FALSE;
  return log_added_rows (self, info, rows->str, error);
}

typedef enum
{
  ENTITY_ADD,
  ENTITY_CHANGE,
  ENTITY_DELETE,
} EntityChange;

/* Begins the change tandem_project_insert(), _update() or _delete() makes
 * to a @entity, labelled with what is done to it. */
static const TandemEntity *
begin_entity_change (TandemChange   *change,
                     TandemProject  *self,
                     EntityChange    what,
                     const char     *entity,
                     GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  g_autofree char *label = NULL;

  if (info == NULL)
    return NULL;
  switch (what)
    {
    case ENTITY_ADD:
      label = g_strdup_printf (_("Add %s"), entity_label (info->name));
      break;
    case ENTITY_CHANGE:
      label = g_strdup_printf (_("Change %s"), entity_label (info->name));
      break;
    case ENTITY_DELETE:
    default:
      label = g_strdup_printf (_("Delete %s"), entity_label (info->name));
      break;
    }
  return tandem_change_begin (change, self, label, error) ? info : NULL;
}

/**
 * tandem_project_insert:
 * @self: a project
 * @entity: the kind of item (“team”, “node”, “measure”…)
 * @fields: the values to set; the rest take their defaults
 * @n_fields: how many
 * @error: return location for an error
 *
 * Adds an item with a new unique id and records who added it.
 *
 * Returns: (transfer full) (nullable): the new item's id, or %NULL on error
 */
char *
tandem_project_insert (TandemProject      *self,
                       const char         *entity,
                       const TandemField  *fields,
                       guint               n_fields,
                       GError            **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  const TandemEntity *info;
  char *id;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);

  if ((info = begin_entity_change (&change, self, ENTITY_ADD, entity, error)) == NULL)
    return NULL;
  id = insert_row (self, info, fields, n_fields, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    g_clear_pointer (&id, g_free);
  return id;
}

gboolean
_tandem_project_update_field (TandemProject       *self,
              const TandemEntity  *entity,
              const char          *id,
              const char          *field,
              TandemValue         *value,        /* either this… */
              TandemDbValue       *raw,          /* …or this */
              GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2 RETURNING %s",
                                          entity->name, field, field);
  g_autoptr(TandemDbValue) old_value = NULL;
  g_autoptr(TandemDbValue) new_value = NULL;
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;

  step = _tandem_db_field_value (self, entity->name, field, id, &old_value, error);
  if (step == TANDEM_DB_ROW)
    {
      stmt = _tandem_db_query (self, error, sql, "-s", id);
      if (stmt == NULL)
        return FALSE;
      if (raw != NULL || value == NULL)
        _tandem_db_bind_value (stmt, 1, raw);
      else
        _tandem_db_bind_typed (stmt, 1, value);
      step = _tandem_db_step_value (self, stmt, &new_value, error);
    }
  if (step == TANDEM_DB_DONE)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("This %s no longer exists: someone may have deleted it."),
                 entity_label (entity->name));
  return step == TANDEM_DB_ROW &&
         _tandem_project_log_change (self, "update", entity->name, id, field, old_value, new_value, error);
}

/**
 * tandem_project_update:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @field: the field to change
 * @value: its new value
 * @error: return location for an error
 *
 * Changes one field of one item and records the old and new values, who
 * changed it and when.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_update (TandemProject  *self,
                       const char     *entity,
                       const char     *id,
                       const char     *field,
                       TandemValue     value,
                       GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  const TandemEntity *info;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((info = _tandem_lookup_entity (entity, error)) == NULL || !_tandem_check_field (info, field, error) ||
      !begin_entity_change (&change, self, ENTITY_CHANGE, entity, error))
    return FALSE;
  return _tandem_project_update_field (self, info, id, field, &value, NULL, error) &&
         tandem_change_commit (&change, error);
}

static GPtrArray *
ids_where (TandemProject  *self,
           const char     *entity,
           const char     *column,
           const char     *value,
           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", entity, column);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (self, error, sql, "s", value);
  TandemDbStep step = TANDEM_DB_FAILED;

  while (stmt != NULL && (step = _tandem_db_step (self, stmt, error)) == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, 1);
      g_ptr_array_add (ids, _tandem_db_column_text (stmt, 0));
    }
  return step == TANDEM_DB_DONE ? g_steal_pointer (&ids) : NULL;
}

gboolean
_tandem_project_delete_row (TandemProject       *self,
            const TandemEntity  *entity,
            const char          *id,
            GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(TandemDbValue) json = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (g_hash_table_contains (self->deleting, id))
    return TRUE;
  g_hash_table_add (self->deleting, g_strdup (id));

  /* Children first, each logged, so that undo brings every one of them back. */
  for (guint i = 0; i < entity->children->len; i++)
    {
      const TandemChildLink *link = &g_array_index (entity->children, TandemChildLink, i);
      const TandemEntity *child = tandem_schema_lookup (link->entity);
      g_autoptr(GPtrArray) ids = ids_where (self, link->entity, link->column, id, error);

      if (ids == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          if (link->rule == TANDEM_CHILD_DELETE)
            ok = _tandem_project_delete_row (self, child, ids->pdata[j], error);
          else
            {
              TandemValue null_value = tandem_value_null ();
              ok = _tandem_project_update_field (self, child, ids->pdata[j], link->column, &null_value, NULL,
                                 error);
            }
          if (!ok)
            return FALSE;
        }
    }

  json = _tandem_project_row_as_json (self, entity, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (json == NULL)
    return TRUE;  /* already gone: nothing to do */

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", entity->name);
  ok = _tandem_db_run (self, error, sql, "s", id) &&
       _tandem_project_log_change (self, "delete", entity->name, id, NULL, json, NULL, error);
  g_hash_table_remove (self->deleting, id);
  return ok;
}

/* Deletes a row and what belongs to it by the schema's rules, logged. */
static gboolean
delete_tree (TandemProject       *self,
             const TandemEntity  *entity,
             const char          *id,
             GError             **error)
{
  gboolean ok = _tandem_project_delete_row (self, entity, id, error);

  g_hash_table_remove_all (self->deleting);
  return ok;
}

/**
 * tandem_project_delete:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @error: return location for an error
 *
 * Deletes an item and everything that belongs to it (a team's diagrams, a
 * node's links…); references to it from items that live on are cleared. All
 * of it is logged, so one undo brings it all back.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_delete (TandemProject  *self,
                       const char     *entity,
                       const char     *id,
                       GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  const TandemEntity *info;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((info = begin_entity_change (&change, self, ENTITY_DELETE, entity, error)) == NULL)
    return FALSE;
  return delete_tree (self, info, id, error) && tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* Replaying another copy's changes (see tandem-merge.c)                    */

/* What people call an entity, translated (“item” for a node). */
const char *
_tandem_project_entity_label (const char *entity)
{
  return entity_label (entity);
}

/* Within an open transaction, the changes from here to
 * _tandem_project_replay_end() are logged as @txn, not as this author's. */
gboolean
_tandem_project_replay_begin (TandemProject         *self,
                              const TandemReplayTxn *txn)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0 && self->replay == NULL, FALSE);

  self->replay = txn;
  self->txn_id = 0;
  return TRUE;
}

/* The replayed change is recorded even if nothing of it applied here, so that
 * merging the same copy again knows it has it. Returns its id, or 0. */
gint64
_tandem_project_replay_end (TandemProject  *self,
                            GError        **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->replay != NULL, 0);

  if (_tandem_project_ensure_txn_row (self, error))
    id = self->txn_id;
  self->replay = NULL;
  self->txn_id = 0;
  return id;
}

/* Within an open transaction, after a merge's replayed changes: records the
 * merge itself as this author's change, labelled @label, naming @first, the
 * first change it brought in. It goes on the undo stack when committed, and
 * undoing it takes back every change from @first up to it. Returns its id,
 * or 0. */
gint64
_tandem_project_mark_merge (TandemProject  *self,
                            const char     *label,
                            gint64          first,
                            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->depth > 0 && self->replay == NULL && first > 0, 0);

  g_free (self->txn_label);
  self->txn_label = g_strdup (label);
  self->txn_kind = "edit";
  self->txn_target = first;
  self->txn_id = 0;
  return _tandem_project_ensure_txn_row (self, error) ? self->txn_id : 0;
}

/* Inserts a row as it was logged elsewhere (a JSON object of every column),
 * logged here. When another row already has the same unique values,
 * @duplicate is set and nothing is inserted, without an error; with
 * @duplicate %NULL, that is an error like any other. */
gboolean
_tandem_project_insert_json (TandemProject  *self,
                             const char     *entity,
                             const char     *id,
                             TandemDbValue  *json,
                             gboolean       *duplicate,
                             GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (duplicate != NULL)
    *duplicate = FALSE;
  if (info == NULL || (stmt = _tandem_db_query (self, error, info->insert_json, "")) == NULL)
    return FALSE;
  _tandem_db_bind_value (stmt, 1, json);
  if (_tandem_db_step (self, stmt, &local_error) == TANDEM_DB_FAILED)
    {
      if (duplicate != NULL && _tandem_db_failed_as_duplicate (self))
        *duplicate = TRUE;
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return log_added (self, info, id, error);
}

/* Changes one field to a value of any type, logged. A value that would
 * repeat another row's unique values sets @duplicate, without an error. */
gboolean
_tandem_project_update_value (TandemProject  *self,
                              const char     *entity,
                              const char     *id,
                              const char     *field,
                              TandemDbValue  *value,
                              gboolean       *duplicate,
                              GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  g_autoptr(GError) local_error = NULL;

  *duplicate = FALSE;
  if (info == NULL || !_tandem_check_field (info, field, error))
    return FALSE;
  if (_tandem_project_update_field (self, info, id, field, NULL, value, &local_error))
    return TRUE;
  *duplicate = _tandem_db_failed_as_duplicate (self);
  if (!*duplicate)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Deletes a row and what belongs to it by the schema's rules, logged. */
gboolean
_tandem_project_delete_logged (TandemProject  *self,
                               const char     *entity,
                               const char     *id,
                               GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);

  return info != NULL && delete_tree (self, info, id, error);
}

static void
log_entry_clear (gpointer data)
{
  TandemLogEntry *entry = data;

  g_free (entry->op);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->field);
  _tandem_db_value_free (entry->old_value);
  _tandem_db_value_free (entry->new_value);
}

/* The change log of the transactions ?1 to ?2, an entry of many rows added
 * at once (log_added_rows()) read as one insert per row. */
#define LOG_ENTRIES \
  "SELECT l.op, l.entity, " \
  "  coalesce (CASE WHEN r.type = 'object' THEN json_extract (r.value, '$.id') END, l.entity_id), " \
  "  l.field, l.old_value, coalesce (r.value, l.new_value) " \
  "FROM change_log l LEFT JOIN json_each (CASE WHEN l.op = 'insert' " \
  "  AND substr (l.new_value, 1, 1) = '[' AND json_valid (l.new_value) THEN l.new_value END) r " \
  "WHERE l.txn BETWEEN ?1 AND ?2 "

/* See tandem-merge-private.h. */
GArray *
_tandem_log_entries (TandemProject  *project,
                     gint64          first,
                     gint64          last,
                     gboolean        newest_first,
                     GError        **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TandemLogEntry));
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  g_array_set_clear_func (entries, log_entry_clear);
  stmt = _tandem_db_query (project, error,
                           newest_first
                           ? LOG_ENTRIES "ORDER BY l.seq DESC, r.key DESC"
                           : LOG_ENTRIES "ORDER BY l.seq, r.key",
                           "ll", first, last);
  while (stmt != NULL && (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      TandemLogEntry entry;

      _tandem_db_assert_columns (stmt, 6);
      entry.op = _tandem_db_column_text (stmt, 0);
      entry.entity = _tandem_db_column_text (stmt, 1);
      entry.entity_id = _tandem_db_column_text (stmt, 2);
      entry.field = _tandem_db_column_text (stmt, 3);
      entry.old_value = _tandem_db_column_value (stmt, 4);
      entry.new_value = _tandem_db_column_value (stmt, 5);
      g_array_append_val (entries, entry);
    }
  return step == TANDEM_DB_DONE ? g_steal_pointer (&entries) : NULL;
}
