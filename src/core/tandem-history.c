/* tandem-history.c — undo and redo: the stacks of this author's changes in
 * this copy, and writing the inverse of an earlier change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-History"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "tandem-db-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

/* ------------------------------------------------------------------------ */
/* Undo and redo: both write the inverse of an earlier transaction          */

static void
stack_remove (GArray *stack,
              gint64  txn)
{
  for (guint i = stack->len; i > 0; i--)
    if (g_array_index (stack, gint64, i - 1) == txn)
      {
        g_array_remove_index (stack, i - 1);
        return;
      }
}

void
_tandem_project_stacks_apply (TandemProject *self,
                              gint64         txn,
                              const char    *kind,
                              gint64         target)
{
  if (g_str_equal (kind, "edit"))
    {
      g_array_append_val (self->undo_stack, txn);
      g_array_set_size (self->redo_stack, 0);
    }
  else if (g_str_equal (kind, "undo"))
    {
      stack_remove (self->undo_stack, target);
      g_array_append_val (self->redo_stack, txn);
    }
  else if (g_str_equal (kind, "redo"))
    {
      stack_remove (self->redo_stack, target);
      g_array_append_val (self->undo_stack, txn);
    }
}

typedef struct
{
  char          *op;
  char          *entity;
  char          *entity_id;
  char          *field;
  sqlite3_value *old_value;
  sqlite3_value *new_value;
} LogEntry;

static void
log_entry_clear (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->op);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->field);
  sqlite3_value_free (entry->old_value);
  sqlite3_value_free (entry->new_value);
}

/* Writes the inverse of the transactions @first to @last, newest change
 * first. When @lenient (taking back a merge, which may span many people's
 * changes), a change to an item that is gone since, or the return of one that
 * is back already, is passed over rather than failing the whole undo. */
static gboolean
apply_inverse (TandemProject  *self,
               gint64          first,
               gint64          last,
               gboolean        lenient,
               GError        **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (entries, log_entry_clear);
  stmt = _tandem_db_prepare (self, "SELECT op, entity, entity_id, field, old_value, new_value "
                        "FROM change_log WHERE txn BETWEEN ?1 AND ?2 ORDER BY seq DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LogEntry entry;

      entry.op = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry.entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry.entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry.field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry.old_value = sqlite3_value_dup (sqlite3_column_value (stmt, 4));
      entry.new_value = sqlite3_value_dup (sqlite3_column_value (stmt, 5));
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_set_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LogEntry *entry = &g_array_index (entries, LogEntry, i);
      const TandemEntity *entity = _tandem_lookup_entity (entry->entity, error);
      gboolean ok;

      if (entity == NULL || entry->entity_id == NULL)
        return FALSE;

      if (g_strcmp0 (entry->op, "insert") == 0)
        {
          ok = _tandem_project_delete_row (self, entity, entry->entity_id, error);
          g_hash_table_remove_all (self->deleting);
        }
      else if (g_strcmp0 (entry->op, "update") == 0)
        {
          if (lenient && !tandem_project_exists (self, entity->name, entry->entity_id))
            ok = TRUE;
          else
            ok = _tandem_check_field (entity, entry->field, error) &&
                 _tandem_project_update_field (self, entity, entry->entity_id, entry->field, NULL,
                                               entry->old_value, error);
        }
      else if (g_strcmp0 (entry->op, "delete") == 0 && lenient &&
               tandem_project_exists (self, entity->name, entry->entity_id))
        ok = TRUE;
      else if (g_strcmp0 (entry->op, "delete") == 0)
        {
          sqlite3_value *json;

          stmt = _tandem_db_prepare (self, entity->insert_json, error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_value (stmt, 1, entry->old_value);
              ok = _tandem_db_step_done (self, stmt, error);
              sqlite3_reset (stmt);
            }
          if (ok && (json = _tandem_project_row_as_json (self, entity, entry->entity_id,
                                                         error)) != NULL)
            {
              ok = _tandem_project_log_change (self, "insert", entity->name, entry->entity_id,
                                               NULL, NULL, json, error);
              sqlite3_value_free (json);
            }
        }
      else
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                       "the change log holds an unknown operation “%s”", entry->op);
          ok = FALSE;
        }

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static char *
txn_label (TandemProject *self,
           gint64         txn)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, "SELECT label FROM change_txn WHERE id = ?1", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, txn);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = _tandem_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

/* The merge @txn is, or undoes or redoes, with the first change it brought
 * in; 0 if @txn has nothing to do with a merge. A merge is recorded as an
 * edit that names the first of the changes it brought in (its target; no
 * other edit has one), and they run up to it; see tandem_project_merge(). */
static gint64
merge_of (TandemProject *self,
          gint64         txn,
          gint64        *first)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, "SELECT kind, target FROM change_txn WHERE id = ?1", NULL);

  *first = 0;
  while (stmt != NULL && txn != 0)
    {
      g_autofree char *kind = NULL;
      gint64 target = 0;

      sqlite3_bind_int64 (stmt, 1, txn);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          target = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (target == 0 || target >= txn || kind == NULL)
        return 0;
      if (g_str_equal (kind, "edit"))
        {
          *first = target;
          return txn;
        }
      if (!g_str_equal (kind, "undo") && !g_str_equal (kind, "redo"))
        return 0;
      txn = target;
    }
  return 0;
}

static gboolean
undo_or_redo (TandemProject  *self,
              GArray         *stack,
              const char     *kind,
              GError        **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 target;
  gint64 merge;
  gint64 first = 0;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (stack->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOTHING_TO_UNDO,
                           g_str_equal (kind, "undo") ? _("There is nothing to undo.")
                                                      : _("There is nothing to redo."));
      return FALSE;
    }

  target = g_array_index (stack, gint64, stack->len - 1);
  label = txn_label (self, target);
  merge = merge_of (self, target, &first);
  if (!_tandem_project_begin_full (self, label, kind, target, error))
    return FALSE;
  if (merge == target)
    /* Taking back a merge: every change it brought in, newest first. */
    ok = apply_inverse (self, first, merge - 1, TRUE, &local_error);
  else
    ok = apply_inverse (self, target, target, merge != 0, &local_error);
  if (ok && merge != 0)
    ok = _tandem_merge_set_withdrawn (self, merge, first, g_str_equal (kind, "undo"),
                                      &local_error);
  if (!ok)
    {
      tandem_project_rollback (self);
      g_set_error (error, local_error->domain, local_error->code,
                   g_str_equal (kind, "undo") ? _("Could not undo “%s”: %s")
                                              : _("Could not redo “%s”: %s"),
                   label ? label : "", local_error->message);
      return FALSE;
    }
  if (self->txn_id == 0)
    {
      /* Nothing left to change (someone else already did): still move the stacks. */
      if (!_tandem_project_ensure_txn_row (self, error))
        {
          tandem_project_rollback (self);
          return FALSE;
        }
    }
  return tandem_project_commit (self, error);
}

/**
 * tandem_project_undo:
 * @self: a project
 * @error: return location for an error
 *
 * Undoes the most recent change made by this author in this copy of the
 * project, by writing its old values back (itself a logged change, so undo
 * survives a restart and shows in the history).
 *
 * Returns: %TRUE if undone
 */
gboolean
tandem_project_undo (TandemProject  *self,
                     GError        **error)
{
  return undo_or_redo (self, self->undo_stack, "undo", error);
}

/**
 * tandem_project_redo:
 * @self: a project
 * @error: return location for an error
 *
 * Redoes the most recently undone change.
 *
 * Returns: %TRUE if redone
 */
gboolean
tandem_project_redo (TandemProject  *self,
                     GError        **error)
{
  return undo_or_redo (self, self->redo_stack, "redo", error);
}

gboolean
tandem_project_can_undo (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return !self->read_only && self->undo_stack->len > 0;
}

gboolean
tandem_project_can_redo (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return !self->read_only && self->redo_stack->len > 0;
}

/**
 * tandem_project_dup_undo_label:
 * @self: a project
 *
 * Returns: (transfer full) (nullable): what undo would undo (“Add team”)
 */
char *
tandem_project_dup_undo_label (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return txn_label (self, g_array_index (self->undo_stack, gint64, self->undo_stack->len - 1));
}

/**
 * tandem_project_dup_redo_label:
 * @self: a project
 *
 * Returns: (transfer full) (nullable): what redo would redo
 */
char *
tandem_project_dup_redo_label (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return txn_label (self, g_array_index (self->redo_stack, gint64, self->redo_stack->len - 1));
}

void
_tandem_project_load_stacks (TandemProject *self)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (self->undo_stack, 0);
  g_array_set_size (self->redo_stack, 0);
  if (sqlite3_prepare_v2 (self->db, "SELECT id, kind, target FROM change_txn "
                          "WHERE replica = ?1 AND author = ?2 AND merged_at IS NULL "
                          "ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, self->replica_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    _tandem_project_stacks_apply (self, sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);
}
