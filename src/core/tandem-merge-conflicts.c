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
conflict_rows (TandemProject  *project,
               GError        **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (project, error, "SELECT id, " CONFLICT_AS_JSON
                                                   " FROM conflict", "");
  TandemDbStep step = TANDEM_DB_FAILED;

  while (stmt != NULL && (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, 2);
      g_hash_table_insert (rows, _tandem_db_column_text (stmt, 0), _tandem_db_column_text (stmt, 1));
    }
  return step == TANDEM_DB_DONE ? g_steal_pointer (&rows) : NULL;
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
save_conflict_changes (TandemProject  *project,
                       gint64          merge,
                       GHashTable     *before,
                       GError        **error)
{
  g_autoptr(GHashTable) after = conflict_rows (project, error);
  g_autoptr(GString) json = g_string_new ("{\"before\":");
  g_autofree char *key = conflicts_key (merge);

  if (after == NULL)
    return FALSE;
  append_changed_rows (json, before, after);
  g_string_append (json, ",\"after\":");
  append_changed_rows (json, after, before);
  g_string_append_c (json, '}');
  if (g_str_equal (json->str, "{\"before\":[],\"after\":[]}"))
    return TRUE;
  return _tandem_db_run (project, error, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         "ss", key, json->str);
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
  g_autofree char *prefix = g_strdup_printf ("~%" G_GINT64_FORMAT "~", merge);
  g_autofree char *key = conflicts_key (merge);
  g_autofree char *record = NULL;

  if (withdraw)
    {
      if (!_tandem_db_run (self, error, "UPDATE change_txn SET origin_id = ?1 || origin_id "
                           "WHERE id >= ?2 AND id < ?3 AND merged_at IS NOT NULL "
                           "AND origin_id NOT LIKE '~%'", "sll", prefix, first, merge))
        return FALSE;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      if (!_tandem_db_run (self, &local_error, "UPDATE change_txn SET origin_id = "
                           "substr (origin_id, length (?1) + 1) WHERE id >= ?2 AND id < ?3 "
                           "AND substr (origin_id, 1, length (?1)) = ?1", "sll", prefix, first, merge))
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("the other copy’s changes have been merged in again since."));
          return FALSE;
        }
    }

  if (!_tandem_db_query_text (self, error, &record, NULL, "SELECT value FROM meta WHERE key = ?1",
                              "s", key))
    return FALSE;
  if (record == NULL)
    return TRUE;

  return _tandem_db_run (self, error, "DELETE FROM conflict WHERE id IN ("
                         "SELECT json_extract (value, '$.id') FROM json_each (?1, '$.before') "
                         "UNION SELECT json_extract (value, '$.id') FROM json_each (?1, '$.after'))",
                         "s", record) &&
         _tandem_db_run (self, error, "INSERT INTO conflict (id, entity, entity_id, field, mine_value, "
                         "theirs_value, mine_author, theirs_author, theirs_at, source, created_at) "
                         "SELECT json_extract (value, '$.id'), json_extract (value, '$.entity'), "
                         "json_extract (value, '$.entity_id'), json_extract (value, '$.field'), "
                         "json_extract (value, '$.mine_value'), json_extract (value, '$.theirs_value'), "
                         "json_extract (value, '$.mine_author'), json_extract (value, '$.theirs_author'), "
                         "json_extract (value, '$.theirs_at'), json_extract (value, '$.source'), "
                         "json_extract (value, '$.created_at') FROM json_each (?1, ?2)",
                         "ss", record, withdraw ? "$.before" : "$.after");
}

/* ------------------------------------------------------------------------ */
/* Conflicts                                                                */

/* The texts of a TandemConflict: the first ten in the order
 * _tandem_project_read_conflicts() reads them, then the item's label. */
static const gsize conflict_texts[] = {
  G_STRUCT_OFFSET (TandemConflict, id),
  G_STRUCT_OFFSET (TandemConflict, entity),
  G_STRUCT_OFFSET (TandemConflict, entity_id),
  G_STRUCT_OFFSET (TandemConflict, field),
  G_STRUCT_OFFSET (TandemConflict, mine_value),
  G_STRUCT_OFFSET (TandemConflict, theirs_value),
  G_STRUCT_OFFSET (TandemConflict, mine_author),
  G_STRUCT_OFFSET (TandemConflict, theirs_author),
  G_STRUCT_OFFSET (TandemConflict, theirs_at),
  G_STRUCT_OFFSET (TandemConflict, source),
  G_STRUCT_OFFSET (TandemConflict, item_label),
};

#define CONFLICT_TEXT(conflict, i) G_STRUCT_MEMBER (char *, conflict, conflict_texts[i])

void
tandem_conflict_free (TandemConflict *conflict)
{
  if (conflict == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (conflict_texts); i++)
    g_free (CONFLICT_TEXT (conflict, i));
  g_free (conflict);
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

/* Every conflict waiting for a person to choose, oldest first; %NULL if
 * they could not be read. */
GPtrArray *
_tandem_project_read_conflicts (TandemProject  *self,
                                GError        **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_conflict_free);
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  stmt = _tandem_db_query (self, error, "SELECT id, entity, entity_id, field, mine_value, theirs_value, "
                           "mine_author, theirs_author, theirs_at, source FROM conflict "
                           "ORDER BY created_at, rowid", "");
  while (stmt != NULL && (step = _tandem_db_step (self, stmt, error)) == TANDEM_DB_ROW)
    {
      TandemConflict *conflict = g_new0 (TandemConflict, 1);
      int n_read = (int) G_N_ELEMENTS (conflict_texts) - 1;

      _tandem_db_assert_columns (stmt, n_read);
      for (int i = 0; i < n_read; i++)
        CONFLICT_TEXT (conflict, i) = _tandem_db_column_text (stmt, i);
      conflict->item_label = item_label (self, conflict->entity, conflict->entity_id);
      g_ptr_array_add (conflicts, conflict);
    }
  return step == TANDEM_DB_DONE ? g_steal_pointer (&conflicts) : NULL;
}

/**
 * tandem_project_list_conflicts:
 * @self: a project
 *
 * A failure to read the file is logged with g_warning(), in the person's
 * words (see tandem-project-read.c).
 *
 * Returns: (transfer full) (element-type TandemConflict): every field two
 *   people changed differently that is waiting for a person to choose, oldest
 *   first; none if they could not be read
 */
GPtrArray *
tandem_project_list_conflicts (TandemProject *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_conflict_free));

  conflicts = _tandem_project_read_conflicts (self, &error);
  if (conflicts != NULL)
    return conflicts;
  g_warning ("%s", error->message);
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_conflict_free);
}

/**
 * tandem_project_count_conflicts:
 * @self: a project
 *
 * A failure to read the file is logged with g_warning(), in the person's
 * words (see tandem-project-read.c).
 *
 * Returns: how many conflicts are waiting for a person to choose; 0 if they
 *   could not be read
 */
guint
tandem_project_count_conflicts (TandemProject *self)
{
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);

  if (!_tandem_db_query_int (self, &error, &count, NULL, "SELECT count(*) FROM conflict", ""))
    g_warning ("%s", error->message);
  return (guint) count;
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
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *field = NULL;
  g_autoptr(TandemDbValue) chosen = NULL;
  g_autoptr(TandemDbValue) current = NULL;
  const TandemEntity *info;
  const char *column;
  TandemDbStep step;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);

  if (!tandem_change_begin (&change, self, _("Choose a version"), error))
    return FALSE;
  stmt = _tandem_db_query (self, error, "SELECT entity, entity_id, field, mine_value, theirs_value "
                           "FROM conflict WHERE id = ?1", "s", conflict_id);
  step = stmt != NULL ? _tandem_db_step (self, stmt, error) : TANDEM_DB_FAILED;
  if (step == TANDEM_DB_DONE)
    g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("This conflict has already been resolved."));
  if (step != TANDEM_DB_ROW)
    return FALSE;
  _tandem_db_assert_columns (stmt, 5);
  entity = _tandem_db_column_text (stmt, 0);
  entity_id = _tandem_db_column_text (stmt, 1);
  field = _tandem_db_column_text (stmt, 2);
  chosen = _tandem_db_column_value (stmt, keep_theirs ? 4 : 3);
  g_clear_pointer (&stmt, _tandem_db_release);

  info = tandem_schema_lookup (entity);
  column = info != NULL ? schema_column (info, field) : NULL;
  if (column != NULL && tandem_project_exists (self, entity, entity_id))
    {
      gboolean duplicate = FALSE;

      if (_tandem_db_field_value (self, info->name, column, entity_id, &current, error) ==
          TANDEM_DB_FAILED)
        return FALSE;
      if (!_tandem_db_value_equal (current, chosen) &&
          !_tandem_project_update_value (self, entity, entity_id, column, chosen, &duplicate,
                                         error))
        {
          if (duplicate)
            g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                                 _("That version cannot be kept: another item already has it."));
          return FALSE;
        }
    }
  return _tandem_db_run (self, error, "DELETE FROM conflict WHERE id = ?1", "s", conflict_id) &&
         tandem_change_commit (&change, error);
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
static gboolean
last_changed_by (TandemProject  *self,
                 const char     *entity_id,
                 const char     *field,
                 char          **author,
                 char          **at,
                 GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (self, error, "SELECT t.author, t.at "
                                                   "FROM change_log l JOIN change_txn t ON t.id = l.txn "
                                                   "WHERE l.entity_id = ?1 AND (l.field = ?2 OR l.op = 'insert') "
                                                   "ORDER BY l.seq DESC LIMIT 1", "ss", entity_id, field);
  TandemDbStep step = stmt != NULL ? _tandem_db_step (self, stmt, error) : TANDEM_DB_FAILED;

  *author = NULL;
  *at = NULL;
  if (step == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, 2);
      *author = _tandem_db_column_text (stmt, 0);
      *at = _tandem_db_column_text (stmt, 1);
    }
  return step != TANDEM_DB_FAILED;
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
  g_autoptr(TandemDbValue) raw = NULL;
  TandemConflictRecord conflict = { 0, };
  TandemDbStep step;

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

  step = _tandem_db_field_value (self, info->name, column, id, &raw, error);
  if (step == TANDEM_DB_FAILED)
    return FALSE;
  current = _tandem_db_value_dup_text (raw);

  if (step == TANDEM_DB_DONE || g_strcmp0 (current, expected) == 0 ||
      value_matches_text (value, current))
    {
      /* As expected (or already what this person wants, or gone: the update says so). */
      gboolean ok = value_matches_text (value, current) && step == TANDEM_DB_ROW
                    ? TRUE
                    : tandem_project_update (self, info->name, id, column, value, error);
      return ok && tandem_change_commit (&change, error);
    }

  if (!last_changed_by (self, id, column, &theirs_author, &theirs_at, error))
    return FALSE;
  conflict.entity = info->name;
  conflict.entity_id = id;
  conflict.field = column;
  conflict.mine_typed = &value;
  conflict.theirs_value = raw;
  conflict.mine_author = tandem_project_get_author (self);
  conflict.theirs_author = theirs_author;
  conflict.theirs_at = theirs_at;
  conflict.source = "live";
  if (!record_conflict (self, &conflict, error) || !tandem_change_commit (&change, error))
    return FALSE;

  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT,
               _("%s changed this %s while you were editing it, so your change was not "
                 "written over theirs. Both versions are kept for you to choose from."),
               theirs_author ? theirs_author : _("Someone else"),
               _tandem_project_entity_label (info->name));
  return FALSE;
}
