/* tandem-merge-conflicts.c — the conflicts a merge keeps: what a merge did
 * to them, undone and redone with it; listing and resolving them; and
 * changing a field only if nobody else changed it meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Merge"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-db-private.h"
#include "tandem-merge.h"
#include "tandem-merge-private.h"
#include "tandem-schema.h"

/* ------------------------------------------------------------------------ */
/* Taking a merge back                                                      */

#define CONFLICT_AS_JSON \
  "json_object ('id', id, 'entity', entity, 'entity_id', entity_id, 'field', field, " \
  "'mine_value', mine_value, 'theirs_value', theirs_value, 'mine_author', mine_author, " \
  "'theirs_author', theirs_author, 'theirs_at', theirs_at, 'source', source, " \
  "'created_at', created_at)"

/* Every conflict, as id → the row as a JSON object. */
GHashTable *
conflict_rows (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, " CONFLICT_AS_JSON " FROM conflict", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (db, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static void
append_changed_rows (GString    *json,
                     GHashTable *these,
                     GHashTable *others)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean first = TRUE;

  g_string_append_c (json, '[');
  g_hash_table_iter_init (&iter, these);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (others, key)) != 0)
      {
        g_string_append_printf (json, "%s%s", first ? "" : ",", (char *) value);
        first = FALSE;
      }
  g_string_append_c (json, ']');
}

static char *
conflicts_key (gint64 merge)
{
  return g_strdup_printf ("merge_conflicts:%" G_GINT64_FORMAT, merge);
}

/* Keeps what the merge @merge did to the conflicts (the rows it added,
 * changed or settled, as they were before and after), so that taking it back
 * and bringing it back again can do the same. */
gboolean
save_conflict_changes (sqlite3     *db,
                       gint64       merge,
                       GHashTable  *before,
                       GError     **error)
{
  g_autoptr(GHashTable) after = conflict_rows (db, error);
  g_autoptr(GString) json = g_string_new ("{\"before\":");
  g_autofree char *key = conflicts_key (merge);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (after == NULL)
    return FALSE;
  append_changed_rows (json, before, after);
  g_string_append (json, ",\"after\":");
  append_changed_rows (json, after, before);
  g_string_append_c (json, '}');
  if (g_str_equal (json->str, "{\"before\":[],\"after\":[]}"))
    return TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json->str, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql with ?1 and ?2 bound to @a and @b, and ?3 and ?4 to @from and
 * @to, as far as it has them. */
static gboolean
exec_bound (sqlite3     *db,
            const char  *sql,
            const char  *a,
            const char  *b,
            gint64       from,
            gint64       to,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int n;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (n >= 3)
    sqlite3_bind_int64 (stmt, 3, from);
  if (n >= 4)
    sqlite3_bind_int64 (stmt, 4, to);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Called by undo and redo (in tandem-history.c) inside their transaction,
 * once the data is restored. Taking a merge back (@withdraw) sets aside the
 * identity of every change it brought in, so that this copy no longer counts
 * them as had: merging the same copy again brings them in again, and no copy
 * that merges this one takes them (or the undo) from it. The conflicts are
 * put back as they were before the merge. Bringing it back again restores
 * both. Fails if the changes have been merged in again since. */
gboolean
_tandem_merge_set_withdrawn (TandemProject  *self,
                             gint64          merge,
                             gint64          first,
                             gboolean        withdraw,
                             GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (self);
  g_autofree char *prefix = g_strdup_printf ("~%" G_GINT64_FORMAT "~", merge);
  g_autofree char *key = conflicts_key (merge);
  g_autofree char *record = NULL;
  sqlite3_stmt *stmt = NULL;

  if (withdraw)
    {
      if (!exec_bound (db, "UPDATE change_txn SET origin_id = ?1 || origin_id "
                       "WHERE id >= ?3 AND id < ?4 AND merged_at IS NOT NULL "
                       "AND origin_id NOT LIKE '~%'",
                       prefix, NULL, first, merge, error))
        return FALSE;
    }
  else
    {
      GError *local_error = NULL;

      if (!exec_bound (db, "UPDATE change_txn SET origin_id = substr (origin_id, length (?1) + 1) "
                       "WHERE id >= ?3 AND id < ?4 AND substr (origin_id, 1, length (?1)) = ?1",
                       prefix, NULL, first, merge, &local_error))
        {
          g_clear_error (&local_error);
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("the other copy’s changes have been merged in again since."));
          return FALSE;
        }
    }

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  if (record == NULL)
    return TRUE;

  return exec_bound (db, "DELETE FROM conflict WHERE id IN ("
                     "SELECT json_extract (value, '$.id') FROM json_each (?1, '$.before') "
                     "UNION SELECT json_extract (value, '$.id') FROM json_each (?1, '$.after'))",
                     record, NULL, 0, 0, error) &&
         exec_bound (db, "INSERT INTO conflict (id, entity, entity_id, field, mine_value, "
                     "theirs_value, mine_author, theirs_author, theirs_at, source, created_at) "
                     "SELECT json_extract (value, '$.id'), json_extract (value, '$.entity'), "
                     "json_extract (value, '$.entity_id'), json_extract (value, '$.field'), "
                     "json_extract (value, '$.mine_value'), json_extract (value, '$.theirs_value'), "
                     "json_extract (value, '$.mine_author'), json_extract (value, '$.theirs_author'), "
                     "json_extract (value, '$.theirs_at'), json_extract (value, '$.source'), "
                     "json_extract (value, '$.created_at') FROM json_each (?1, ?2)",
                     record, withdraw ? "$.before" : "$.after", 0, 0, error);
}

/* ------------------------------------------------------------------------ */
/* Conflicts                                                                */

void
tandem_conflict_free (TandemConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->entity);
  g_free (conflict->entity_id);
  g_free (conflict->field);
  g_free (conflict->item_label);
  g_free (conflict->mine_value);
  g_free (conflict->theirs_value);
  g_free (conflict->mine_author);
  g_free (conflict->theirs_author);
  g_free (conflict->theirs_at);
  g_free (conflict->source);
  g_free (conflict);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return _tandem_column_text (stmt, column);
}

/* A readable name for an item: its title, name or words, if it has any. */
static char *
item_label (TandemProject *self,
            const char    *entity,
            const char    *id)
{
  static const char * const fields[] = { "title", "name", "what", "label", "text", "date", NULL };
  const TandemEntity *info = tandem_schema_lookup (entity);

  /* The conflict's entity comes from the file: only a known one is read. */
  if (info == NULL)
    return NULL;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      char *text;

      if (!tandem_schema_has_column (info, fields[i]))
        continue;
      text = tandem_project_get_text (self, entity, id, fields[i]);

      if (text != NULL && *text != '\0')
        return text;
      g_free (text);
    }
  return NULL;
}

/**
 * tandem_project_list_conflicts:
 * @self: a project
 *
 * Returns: (transfer full) (element-type TandemConflict): every field two
 *   people changed differently that is waiting for a person to choose, oldest
 *   first
 */
GPtrArray *
tandem_project_list_conflicts (TandemProject *self)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_conflict_free);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), conflicts);

  if (sqlite3_prepare_v2 (_tandem_project_get_db (self),
                          "SELECT id, entity, entity_id, field, mine_value, theirs_value, "
                          "mine_author, theirs_author, theirs_at, source FROM conflict "
                          "ORDER BY created_at, rowid", -1, &stmt, NULL) != SQLITE_OK)
    return conflicts;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TandemConflict *conflict = g_new0 (TandemConflict, 1);

      conflict->id = column_text (stmt, 0);
      conflict->entity = column_text (stmt, 1);
      conflict->entity_id = column_text (stmt, 2);
      conflict->field = column_text (stmt, 3);
      conflict->mine_value = column_text (stmt, 4);
      conflict->theirs_value = column_text (stmt, 5);
      conflict->mine_author = column_text (stmt, 6);
      conflict->theirs_author = column_text (stmt, 7);
      conflict->theirs_at = column_text (stmt, 8);
      conflict->source = column_text (stmt, 9);
      conflict->item_label = item_label (self, conflict->entity, conflict->entity_id);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_finalize (stmt);
  return conflicts;
}

/**
 * tandem_project_count_conflicts:
 * @self: a project
 *
 * Returns: how many conflicts are waiting for a person to choose
 */
guint
tandem_project_count_conflicts (TandemProject *self)
{
  sqlite3_stmt *stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);

  if (sqlite3_prepare_v2 (_tandem_project_get_db (self), "SELECT count(*) FROM conflict",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/**
 * tandem_project_resolve_conflict:
 * @self: a project
 * @conflict_id: a conflict's id
 * @keep_theirs: %TRUE to keep the other person's value, %FALSE for this copy's
 * @error: return location for an error
 *
 * Settles a conflict: the chosen value is written as an ordinary change
 * (logged, credited to this author, undoable) if the field does not already
 * hold it, and the conflict is cleared, in one change. If the item has since
 * been deleted the conflict is simply cleared.
 *
 * Returns: %TRUE if resolved
 */
gboolean
tandem_project_resolve_conflict (TandemProject  *self,
                                 const char     *conflict_id,
                                 gboolean        keep_theirs,
                                 GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *field = NULL;
  sqlite3_value *chosen = NULL;
  sqlite3_value *current = NULL;
  const TandemEntity *info;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);

  if (!tandem_change_begin (&change, self, _("Choose a version"), error))
    return FALSE;
  db = _tandem_project_get_db (self);
  if (sqlite3_prepare_v2 (db, "SELECT entity, entity_id, field, mine_value, theirs_value "
                          "FROM conflict WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return _tandem_db_failed_on (db, error);
  sqlite3_bind_text (stmt, 1, conflict_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      entity = column_text (stmt, 0);
      entity_id = column_text (stmt, 1);
      field = column_text (stmt, 2);
      chosen = sqlite3_value_dup (sqlite3_column_value (stmt, keep_theirs ? 4 : 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                             _("This conflict has already been resolved."));
      else
        _tandem_db_failed_on (db, error);
      return FALSE;
    }

  info = tandem_schema_lookup (entity);
  if (info != NULL && schema_column (info, field) != NULL &&
      tandem_project_exists (self, entity, entity_id))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                              schema_column (info, field), info->name);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, entity_id, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            current = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (!values_same (db, current, chosen))
        {
          gboolean duplicate = FALSE;

          ok = _tandem_project_update_value (self, entity, entity_id, schema_column (info, field),
                                             chosen, &duplicate, error);
          if (!ok && duplicate)
            g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                                 _("That version cannot be kept: another item already has it."));
        }
    }
  sqlite3_value_free (current);
  sqlite3_value_free (chosen);

  if (ok)
    {
      ok = sqlite3_prepare_v2 (db, "DELETE FROM conflict WHERE id = ?1", -1, &stmt, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, conflict_id, -1, SQLITE_STATIC);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
        }
      if (!ok)
        _tandem_db_failed_on (db, error);
      sqlite3_finalize (stmt);
    }
  return ok && tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* Two writers on one file                                                  */

static gboolean
value_matches_text (TandemValue  value,
                    const char  *text)
{
  g_autofree char *as_text = NULL;

  switch (value.type)
    {
    case TANDEM_VALUE_NULL:
      return text == NULL;
    case TANDEM_VALUE_TEXT:
      return g_strcmp0 (value.s, text) == 0;
    case TANDEM_VALUE_INT:
      as_text = g_strdup_printf ("%" G_GINT64_FORMAT, value.i);
      return g_strcmp0 (as_text, text) == 0;
    case TANDEM_VALUE_DOUBLE:
    default:
      return text != NULL && g_ascii_strtod (text, NULL) == value.d;
    }
}

/* Who last changed a field, and when, from the change log. */
static void
last_changed_by (sqlite3     *db,
                 const char  *entity_id,
                 const char  *field,
                 char       **author,
                 char       **at)
{
  sqlite3_stmt *stmt = NULL;

  *author = NULL;
  *at = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT t.author, t.at FROM change_log l "
                          "JOIN change_txn t ON t.id = l.txn "
                          "WHERE l.entity_id = ?1 AND (l.field = ?2 OR l.op = 'insert') "
                          "ORDER BY l.seq DESC LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, entity_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *author = column_text (stmt, 0);
          *at = column_text (stmt, 1);
        }
    }
  sqlite3_finalize (stmt);
}

/**
 * tandem_project_update_expecting:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @field: the field to change
 * @expected: (nullable): the field's value as text when the editor showed
 *   it (%NULL for empty)
 * @value: the new value
 * @error: return location for an error
 *
 * Like tandem_project_update(), for an editor that showed @expected: if the
 * field no longer holds it, someone else (another window, another program on
 * the same file) changed it first. Their value is left in place, both values
 * are kept as a conflict (source “live”) for a person to choose, and the call
 * fails with %TANDEM_PROJECT_ERROR_CONFLICT. Reading, comparing and writing
 * happen in one transaction, so no other writer can come in between.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_update_expecting (TandemProject  *self,
                                 const char     *entity,
                                 const char     *id,
                                 const char     *field,
                                 const char     *expected,
                                 TandemValue     value,
                                 GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  const TandemEntity *info;
  const char *column;
  g_autofree char *label = NULL;
  g_autofree char *current = NULL;
  g_autofree char *theirs_author = NULL;
  g_autofree char *theirs_at = NULL;
  sqlite3_value *raw = NULL;
  gboolean found = FALSE;
  gboolean ok;
  sqlite3 *db;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  info = tandem_schema_lookup (entity);
  column = info ? schema_column (info, field) : NULL;
  if (column == NULL)
    /* tandem_project_update() says what is wrong, in its words. */
    return tandem_project_update (self, entity, id, field, value, error);

  label = g_strdup_printf (_("Change %s"), _tandem_project_entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return FALSE;

  db = _tandem_project_get_db (self);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, info->name);
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            found = TRUE;
            current = column_text (stmt, 0);
            raw = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
          }
      }
    sqlite3_finalize (stmt);
  }

  if (!found || g_strcmp0 (current, expected) == 0 || value_matches_text (value, current))
    {
      /* As expected (or already what this person wants, or gone: the update says so). */
      sqlite3_value_free (raw);
      ok = value_matches_text (value, current) && found
           ? TRUE
           : tandem_project_update (self, info->name, id, column, value, error);
      return ok && tandem_change_commit (&change, error);
    }

  last_changed_by (db, id, column, &theirs_author, &theirs_at);
  ok = record_conflict (db, info->name, id, column, NULL, &value, raw,
                        tandem_project_get_author (self), theirs_author, theirs_at,
                        "live", error);
  sqlite3_value_free (raw);
  if (!ok || !tandem_change_commit (&change, error))
    return FALSE;

  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT,
               _("%s changed this %s while you were editing it, so your change was not "
                 "written over theirs. Both versions are kept for you to choose from."),
               theirs_author ? theirs_author : _("Someone else"),
               _tandem_project_entity_label (info->name));
  return FALSE;
}
