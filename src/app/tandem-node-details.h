/* tandem-node-details.h — the details of the node selected in a driver diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-diagram.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NODE_DETAILS (tandem_node_details_get_type ())

G_DECLARE_FINAL_TYPE (TandemNodeDetails, tandem_node_details, TANDEM, NODE_DETAILS, AdwBin)

GtkWidget *tandem_node_details_new     (void);
void       tandem_node_details_show    (TandemNodeDetails *self,
                                        TandemProject     *project,
                                        TandemDiagram     *diagram,
                                        const char        *node_id,
                                        gboolean           editable);
void       tandem_node_details_refresh (TandemNodeDetails *self);

G_END_DECLS
