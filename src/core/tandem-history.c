/* tandem-history.c — undo and redo: the stacks of this author's changes in
 * this copy, and writing the inverse of an earlier change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-History"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-db-private.h"
#include "tandem-merge-private.h"
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
  g_autoptr(GArray) entries = _tandem_log_entries (self, first, last, TRUE, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      TandemLogEntry *entry = &g_array_index (entries, TandemLogEntry, i);
      const TandemEntity *entity = _tandem_lookup_entity (entry->entity, error);
      gboolean ok;

      if (entity == NULL || entry->entity_id == NULL)
        return FALSE;

      if (g_strcmp0 (entry->op, "insert") == 0)
        ok = _tandem_project_delete_logged (self, entity->name, entry->entity_id, error);
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
        ok = _tandem_project_insert_json (self, entity->name, entry->entity_id,
                                          entry->old_value, NULL, error);
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

static gboolean
txn_label (TandemProject  *self,
           gint64          txn,
           char          **label,
           GError        **error)
{
  return _tandem_db_query_text (self, error, label, NULL,
                                "SELECT label FROM change_txn WHERE id = ?1", "l", txn);
}

/* The merge @txn is, or undoes or redoes, with the first change it brought
 * in; 0 if @txn has nothing to do with a merge. A merge is recorded as an
 * edit that names the first of the changes it brought in (its target; no
 * other edit has one), and they run up to it; see tandem_project_merge(). */
static gboolean
merge_of (TandemProject  *self,
          gint64          txn,
          gint64         *merge,
          gint64         *first,
          GError        **error)
{
  *merge = 0;
  *first = 0;
  while (txn != 0)
    {
      g_autoptr(TandemDbStmt) stmt = _tandem_db_query (self, error, "SELECT kind, target "
                                                       "FROM change_txn WHERE id = ?1", "l", txn);
      TandemDbStep step = stmt != NULL ? _tandem_db_step (self, stmt, error) : TANDEM_DB_FAILED;
      g_autofree char *kind = NULL;
      gint64 target = 0;

      if (step == TANDEM_DB_FAILED)
        return FALSE;
      if (step == TANDEM_DB_ROW)
        {
          _tandem_db_assert_columns (stmt, 2);
          kind = _tandem_db_column_text (stmt, 0);
          target = _tandem_db_column_int (stmt, 1);
        }
      if (target == 0 || target >= txn || kind == NULL)
        return TRUE;
      if (g_str_equal (kind, "edit"))
        {
          *first = target;
          *merge = txn;
          return TRUE;
        }
      if (!g_str_equal (kind, "undo") && !g_str_equal (kind, "redo"))
        return TRUE;
      txn = target;
    }
  return TRUE;
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
  gint64 merge = 0;
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
  if (!txn_label (self, target, &label, error) ||
      !merge_of (self, target, &merge, &first, error) ||
      !_tandem_project_begin_full (self, label, kind, target, error))
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

/* What the change on top of @stack is called; a failure to read it is
 * logged (see tandem-project-read.c). */
static char *
top_label (TandemProject *self,
           GArray        *stack)
{
  g_autoptr(GError) error = NULL;
  char *label = NULL;

  if (stack->len == 0)
    return NULL;
  if (!txn_label (self, g_array_index (stack, gint64, stack->len - 1), &label, &error))
    g_warning ("%s", error->message);
  return label;
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
  return top_label (self, self->undo_stack);
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
  return top_label (self, self->redo_stack);
}

/* The undo and redo stacks of this author in this copy, from the log; a
 * failure to read it is logged (see tandem-project-read.c). */
void
_tandem_project_load_stacks (TandemProject *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDbStmt) stmt = NULL;

  g_array_set_size (self->undo_stack, 0);
  g_array_set_size (self->redo_stack, 0);
  stmt = _tandem_db_query (self, &error, "SELECT id, kind, target FROM change_txn "
                           "WHERE replica = ?1 AND author = ?2 AND merged_at IS NULL "
                           "ORDER BY id", "ss", self->replica_id, self->author);
  while (stmt != NULL && _tandem_db_step (self, stmt, &error) == TANDEM_DB_ROW)
    {
      g_autofree char *kind = _tandem_db_column_text (stmt, 1);

      _tandem_db_assert_columns (stmt, 3);
      _tandem_project_stacks_apply (self, _tandem_db_column_int (stmt, 0), kind != NULL ? kind : "",
                    _tandem_db_column_int (stmt, 2));
    }
  if (error != NULL)
    g_warning ("%s", error->message);
}
