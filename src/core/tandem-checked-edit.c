/* tandem-checked-edit.c — a change made from what an editor showed, checked
 * against what the file holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two programs can edit one file. An editor that filled in a field some time
 * ago may be showing words that another person has since changed: saving
 * them blindly would silently overwrite theirs. The setters of each area
 * validate a value as they always have and then change the field through
 * here, so every field edited in place gets the same rule: if the field no
 * longer holds what the editor showed, theirs stays, both are kept as a
 * conflict for a person to choose (tandem_project_update_expecting()), and
 * the caller is told with %TANDEM_PROJECT_ERROR_CONFLICT.
 */

#define G_LOG_DOMAIN "Tandem-Project"

#include "config.h"

#include "tandem-checked-edit.h"
#include "tandem-merge.h"
#include "tandem-project-private.h"

const char tandem_unchecked_marker[] = "(unchecked)";

/**
 * tandem_project_update_checked:
 * @self: a project, in a transaction the caller began
 * @entity: the kind of item
 * @id: the item
 * @field: the field to change
 * @check: whether to check the field against @shown first
 * @shown: (nullable): when @check, the field's value as text when the editor
 *   showed it (%NULL for empty)
 * @value: the new value
 * @error: return location for an error
 *
 * Changes one field inside the caller's transaction: as
 * tandem_project_update() when @check is %FALSE, or as
 * tandem_project_update_expecting() when it is %TRUE. A conflict is recorded
 * in the caller's transaction, which stays open: end it with
 * tandem_project_end_checked(), which keeps the conflict.
 *
 * Returns: %TRUE if the field was changed (or already held @value)
 */
gboolean
tandem_project_update_checked (TandemProject  *self,
                               const char     *entity,
                               const char     *id,
                               const char     *field,
                               gboolean        check,
                               const char     *shown,
                               TandemValue     value,
                               GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);

  if (!check)
    return tandem_project_update (self, entity, id, field, value, error);
  return tandem_project_update_expecting (self, entity, id, field, shown, value, error);
}

/**
 * tandem_project_end_checked:
 * @self: a project, in a transaction the caller began
 * @ok: whether every step of the change succeeded
 * @error: the error of the step that failed, if one did; return location
 *   for an error from committing. It must not be %NULL for a conflict to
 *   be told apart (and kept)
 *
 * Ends a change made with tandem_project_update_checked(): commits it when
 * @ok, and also when the failure was a conflict, since a conflict is kept
 * (both values, for a person to choose) and the other steps of the change
 * stand; the error then stays %TANDEM_PROJECT_ERROR_CONFLICT. Any other
 * failure rolls the whole change back.
 *
 * Returns: %TRUE if @ok and the change is saved
 */
gboolean
tandem_project_end_checked (TandemProject  *self,
                            gboolean        ok,
                            GError        **error)
{
  g_autoptr(GError) commit_error = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);

  if (ok)
    {
      if (tandem_project_commit (self, error))
        return TRUE;
      tandem_project_rollback (self);
      return FALSE;
    }
  if (error == NULL || !g_error_matches (*error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
    {
      tandem_project_rollback (self);
      return FALSE;
    }
  if (!tandem_project_commit (self, &commit_error))
    {
      tandem_project_rollback (self);
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&commit_error));
    }
  return FALSE;
}

/**
 * tandem_project_finish_update:
 * @self: a project, in a transaction the caller began
 * @entity: the kind of item
 * @id: the item
 * @field: the field to change
 * @check: whether to check the field against @shown first
 * @shown: (nullable): when @check, the field's value as text when the editor
 *   showed it (%NULL for empty)
 * @value: the new value
 * @error: return location for an error
 *
 * The usual last step of a setter that changes one field: changes it with
 * tandem_project_update_checked() and ends the transaction with
 * tandem_project_end_checked(), so a conflict is kept and reported.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_finish_update (TandemProject  *self,
                              const char     *entity,
                              const char     *id,
                              const char     *field,
                              gboolean        check,
                              const char     *shown,
                              TandemValue     value,
                              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = tandem_project_update_checked (self, entity, id, field, check, shown, value, &local_error);
  ok = tandem_project_end_checked (self, ok, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * tandem_conflict_set_aside:
 * @step_error: (inout): the error of a step of a change that failed
 * @conflict: (inout): where the first conflict met by the change is kept
 *
 * For a change of several fields at once (a form saved as a whole): a field
 * that meets someone else's change is kept as a conflict, and the other
 * fields are still saved. If @step_error is a conflict, it moves to
 * @conflict (or is dropped if @conflict already holds one) and the change
 * may go on; report @conflict once the change is committed.
 *
 * Returns: %TRUE if the step failed only because of a conflict
 */
gboolean
tandem_conflict_set_aside (GError **step_error,
                           GError **conflict)
{
  g_return_val_if_fail (step_error != NULL && conflict != NULL, FALSE);

  if (!g_error_matches (*step_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
    return FALSE;
  if (*conflict == NULL)
    *conflict = g_steal_pointer (step_error);
  else
    g_clear_error (step_error);
  return TRUE;
}

/**
 * tandem_project_update_fields:
 * @self: a project, in a change the caller began
 * @entity: the kind of item
 * @id: the item
 * @edits: (array length=n_edits): the fields of the form
 * @n_edits: how many
 * @conflict: (inout): where the first conflict met is kept
 * @error: return location for an error
 *
 * Writes the fields of a form the person changed, each checked against what
 * the form showed (tandem_project_update_checked()). A field someone else
 * changed meanwhile keeps their value, both are kept as a conflict, its
 * @conflict flag is set, and the others are still written: the conflict
 * goes to @conflict (see tandem_conflict_set_aside()). Any other failure
 * stops at once.
 *
 * Returns: %TRUE unless a field failed for a reason other than a conflict
 */
gboolean
tandem_project_update_fields (TandemProject    *self,
                              const char       *entity,
                              const char       *id,
                              TandemFieldEdit  *edits,
                              guint             n_edits,
                              GError          **conflict,
                              GError          **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  for (guint i = 0; i < n_edits; i++)
    {
      g_autoptr(GError) step = NULL;

      edits[i].conflict = FALSE;
      if (!edits[i].changed ||
          tandem_project_update_checked (self, entity, id, edits[i].field, TRUE, edits[i].shown,
                                         edits[i].value, &step))
        continue;
      if (!tandem_conflict_set_aside (&step, conflict))
        {
          g_propagate_error (error, g_steal_pointer (&step));
          return FALSE;
        }
      edits[i].conflict = TRUE;
    }
  return TRUE;
}

/**
 * tandem_change_commit_keeping:
 * @change: a begun change
 * @ok: whether every step of it succeeded (conflicts set aside count as
 *   success)
 * @conflict: (transfer full) (nullable): the first conflict it met
 * @error: return location for an error
 *
 * Ends a change made of several checked fields: saves it when @ok, and then
 * fails with @conflict if there was one, since the rest of the change and
 * the conflict (both values, for a person to choose) are saved. When not @ok
 * the change is rolled back as @change goes.
 *
 * Returns: %TRUE if the change is saved and met no conflict
 */
gboolean
tandem_change_commit_keeping (TandemChange  *change,
                              gboolean       ok,
                              GError        *conflict,
                              GError       **error)
{
  g_autoptr(GError) kept = conflict;

  if (!ok || !tandem_change_commit (change, error))
    return FALSE;
  if (kept == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&kept));
  return FALSE;
}

/* See tandem-project-private.h. */
gboolean
_tandem_field_edits_prepare (TandemFieldEdit    *edits,
                             const char *const  *fields,
                             const char *const  *before,
                             const char *const  *after,
                             guint               n_fields,
                             TandemCleanFunc     clean,
                             GPtrArray          *values,
                             GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      char *cleaned = NULL;

      if (!clean (fields[i], after[i], &cleaned, error))
        return FALSE;
      g_ptr_array_add (values, cleaned);
      edits[i] = (TandemFieldEdit) { fields[i], before[i], g_strcmp0 (before[i], cleaned) != 0,
                                     tandem_value_text (cleaned), FALSE };
    }
  return TRUE;
}
