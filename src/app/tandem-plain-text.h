/* tandem-plain-text.h — people's words in libadwaita 1.2 widgets that read
 * their text as Pango markup (toast titles, preferences group titles and
 * descriptions), shown exactly as typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *tandem_plain_toast_new             (const char          *title);
void      tandem_plain_group_set_title       (AdwPreferencesGroup *group,
                                              const char          *title);
void      tandem_plain_group_set_description (AdwPreferencesGroup *group,
                                              const char          *description);
GtkWidget *tandem_plain_check_button_new     (const char          *label);
char      *tandem_plain_without_mnemonic     (const char          *label);

G_END_DECLS
