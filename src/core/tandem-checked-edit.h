/* tandem-checked-edit.h — a change made from what an editor showed, checked
 * against what the file holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-change.h"
#include "tandem-project.h"

G_BEGIN_DECLS

gboolean tandem_project_update_checked (TandemProject  *self,
                                        const char     *entity,
                                        const char     *id,
                                        const char     *field,
                                        gboolean        check,
                                        const char     *shown,
                                        TandemValue     value,
                                        GError        **error);
gboolean tandem_project_end_checked    (TandemProject  *self,
                                        gboolean        ok,
                                        GError        **error);

gboolean tandem_project_finish_update  (TandemProject  *self,
                                        const char     *entity,
                                        const char     *id,
                                        const char     *field,
                                        gboolean        check,
                                        const char     *shown,
                                        TandemValue     value,
                                        GError        **error);
gboolean tandem_conflict_set_aside     (GError        **step_error,
                                        GError        **conflict);

/**
 * TandemFieldEdit:
 * @field: a field of the item
 * @shown: (nullable): the field's value as text when the editor showed it
 *   (%NULL for empty)
 * @changed: whether the person changed it; only changed fields are written
 * @value: the value to store
 * @conflict: set by tandem_project_update_fields() when someone else had
 *   changed the field meanwhile, so theirs stayed
 *
 * One field of a form that is saved as a whole.
 */
typedef struct
{
  const char  *field;
  const char  *shown;
  gboolean     changed;
  TandemValue  value;
  gboolean     conflict;
} TandemFieldEdit;

gboolean tandem_project_update_fields  (TandemProject    *self,
                                        const char       *entity,
                                        const char       *id,
                                        TandemFieldEdit  *edits,
                                        guint             n_edits,
                                        GError          **conflict,
                                        GError          **error);

gboolean tandem_change_commit_keeping  (TandemChange     *change,
                                        gboolean          ok,
                                        GError           *conflict,
                                        GError          **error);

G_END_DECLS
