/* tandem-peer-checklist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-peer-section.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEER_CHECKLIST (tandem_peer_checklist_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeerChecklist, tandem_peer_checklist, TANDEM, PEER_CHECKLIST, GtkBox)

GtkWidget *tandem_peer_checklist_new (void);

G_END_DECLS
