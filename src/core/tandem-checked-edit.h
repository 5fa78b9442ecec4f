/* tandem-checked-edit.h — a change made from what an editor showed, checked
 * against what the file holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-change.h"
#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TANDEM_UNCHECKED:
 *
 * Passed as the @shown argument of a field setter (tandem_team_set_field(),
 * tandem_diagram_set_title() and the like) by a caller that showed no editor
 * — the command line, the sample generator, a test setting up a file — to
 * change the field without checking it against what an editor showed.
 *
 * Every edit made in the app passes instead what its editor showed: the
 * field's value as stored when the editor was filled, or %NULL when it was
 * empty. If the field no longer holds that, someone else changed it
 * meanwhile: theirs stays, both values are kept as a conflict for a person
 * to choose, and the setter fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * It is a marker compared by address, never a value: it is not %NULL, and
 * no text equal to it is taken for it.
 */
extern const char tandem_unchecked_marker[];
#define TANDEM_UNCHECKED (tandem_unchecked_marker)

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
