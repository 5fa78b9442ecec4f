/* tandem-peer-timeline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-peer-section.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEER_TIMELINE (tandem_peer_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeerTimeline, tandem_peer_timeline, TANDEM, PEER_TIMELINE, GtkBox)

GtkWidget *tandem_peer_timeline_new       (void);
void       tandem_peer_timeline_set_shown (TandemPeerTimeline *self,
                                           gboolean            shown);

G_END_DECLS
