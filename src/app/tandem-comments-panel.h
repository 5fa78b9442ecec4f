/* tandem-comments-panel.h — the comment threads of one item, to embed in a
 * page's details pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COMMENTS_PANEL (tandem_comments_panel_get_type ())

G_DECLARE_FINAL_TYPE (TandemCommentsPanel, tandem_comments_panel, TANDEM, COMMENTS_PANEL, AdwBin)

/* Emits "changed" (no arguments) after this panel adds, answers, resolves
 * or reopens a comment, so a page can redraw its comment counts. */
GtkWidget *tandem_comments_panel_new      (void);
void       tandem_comments_panel_set_item (TandemCommentsPanel *self,
                                           TandemProject       *project,
                                           const char          *entity,
                                           const char          *entity_id);
void       tandem_comments_panel_reload   (TandemCommentsPanel *self);

G_END_DECLS
