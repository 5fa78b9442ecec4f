/* tandem-peer-roles.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-peer-section.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEER_ROLES (tandem_peer_roles_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeerRoles, tandem_peer_roles, TANDEM, PEER_ROLES, GtkBox)

GtkWidget *tandem_peer_roles_new (void);

G_END_DECLS
