/* tandem-change.h — one undoable change as a scope guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemChange:
 *
 * One change to a project that is undone as a whole, held for the length of
 * a block:
 *
 * |[<!-- language="C" -->
 * g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
 *
 * if (!tandem_change_begin (&change, project, _("Add comment"), error))
 *   return FALSE;
 * if (!tandem_project_update (project, ...))
 *   return FALSE;                 // rolled back as the guard goes
 * return tandem_change_commit (&change, error);
 * ]|
 *
 * Begun inside a change that is already open, it joins it: committing it
 * does nothing, and leaving without committing leaves the decision to the
 * change it joined (which hears of the failure through its error).
 */
typedef struct
{
  TandemProject *project;
  gboolean       own;
} TandemChange;

#define TANDEM_CHANGE_INIT { NULL, FALSE }

gboolean tandem_change_begin          (TandemChange   *change,
                                       TandemProject  *project,
                                       const char     *label,
                                       GError        **error);
gboolean tandem_change_begin_creation (TandemChange   *change,
                                       TandemProject  *project,
                                       const char     *label,
                                       GError        **error);
gboolean tandem_change_commit         (TandemChange   *change,
                                       GError        **error);
void     tandem_change_clear          (TandemChange   *change);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TandemChange, tandem_change_clear)

G_END_DECLS
