/* tandem-recent-list.h — the projects opened lately, as rows and as a menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

guint tandem_recent_list_fill          (GtkListBox       *list,
                                        GMenu            *menu);
void  tandem_recent_list_remember      (GFile            *file);
void  tandem_recent_list_offer_forget  (AdwMessageDialog *dialog,
                                        GFile            *file);

G_END_DECLS
