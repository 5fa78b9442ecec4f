/* tandem-diagram-item.h — one row of the diagram outline: a node reached through one parent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tandem-diagram.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_ITEM (tandem_diagram_item_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramItem, tandem_diagram_item, TANDEM, DIAGRAM_ITEM, GObject)

TandemDiagramItem       *tandem_diagram_item_new         (TandemDiagram     *diagram,
                                                          guint              node,
                                                          int                parent);
TandemDiagram           *tandem_diagram_item_get_diagram (TandemDiagramItem *self);
guint                    tandem_diagram_item_get_node    (TandemDiagramItem *self);
int                      tandem_diagram_item_get_parent  (TandemDiagramItem *self);
const TandemDiagramNode *tandem_diagram_item_get_info    (TandemDiagramItem *self);
char                    *tandem_diagram_item_dup_description (TandemDiagramItem *self);

G_END_DECLS
