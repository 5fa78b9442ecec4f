/* tandem-session-editor.h — one coaching session, to fill in as it happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SESSION_EDITOR (tandem_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemSessionEditor, tandem_session_editor, TANDEM, SESSION_EDITOR, AdwBin)

GtkWidget  *tandem_session_editor_new              (void);
gboolean    tandem_session_editor_open             (TandemSessionEditor *self,
                                                    TandemProject       *project,
                                                    const char          *session_id);
void        tandem_session_editor_refresh          (TandemSessionEditor *self,
                                                    TandemProject       *project,
                                                    const char          *team_id);
gboolean    tandem_session_editor_save             (TandemSessionEditor *self,
                                                    gboolean             typing);
void        tandem_session_editor_close            (TandemSessionEditor *self);
void        tandem_session_editor_set_editable     (TandemSessionEditor *self,
                                                    gboolean             editable);
const char *tandem_session_editor_get_session_id   (TandemSessionEditor *self);
void        tandem_session_editor_focus_date       (TandemSessionEditor *self);

G_END_DECLS
