/* tandem-peer-support-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEER_SUPPORT_PAGE (tandem_peer_support_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeerSupportPage, tandem_peer_support_page, TANDEM, PEER_SUPPORT_PAGE, TandemPage)

void     tandem_peer_support_page_select_view (TandemPeerSupportPage  *self,
                                               const char             *name);
gboolean tandem_peer_support_page_export_to   (TandemPeerSupportPage  *self,
                                               const char             *path,
                                               GError                **error);

G_END_DECLS
