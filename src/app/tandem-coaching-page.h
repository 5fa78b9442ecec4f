/* tandem-coaching-page.h — the Coaching page: sessions, attendance, actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_PAGE (tandem_coaching_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingPage, tandem_coaching_page, TANDEM, COACHING_PAGE, TandemPage)

void        tandem_coaching_page_open_session   (TandemCoachingPage  *self,
                                                 const char          *session_id);
const char *tandem_coaching_page_get_session_id (TandemCoachingPage  *self);
const char *tandem_coaching_page_get_view       (TandemCoachingPage  *self);
gboolean    tandem_coaching_page_save           (TandemCoachingPage  *self);
gboolean    tandem_coaching_page_save_typing    (TandemCoachingPage  *self);
gboolean    tandem_coaching_page_export_to_file (TandemCoachingPage  *self,
                                                 const char          *path,
                                                 gboolean             include_private,
                                                 GError             **error);

G_END_DECLS
