/* tandem-checked-edit.h — a change made from what an editor showed, checked
 * against what the file holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS
