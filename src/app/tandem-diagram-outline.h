/* tandem-diagram-outline.h — a driver diagram as an indented list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-diagram-item.h"
#include "tandem-diagram.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_OUTLINE (tandem_diagram_outline_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramOutline, tandem_diagram_outline, TANDEM, DIAGRAM_OUTLINE, GtkWidget)

GtkWidget         *tandem_diagram_outline_new               (void);
void               tandem_diagram_outline_set_diagram       (TandemDiagramOutline *self,
                                                             TandemDiagram        *diagram);
TandemDiagram     *tandem_diagram_outline_get_diagram       (TandemDiagramOutline *self);
gboolean           tandem_diagram_outline_select            (TandemDiagramOutline *self,
                                                             const char           *id,
                                                             const char           *parent);
TandemDiagramItem *tandem_diagram_outline_dup_selected_item (TandemDiagramOutline *self);
GtkListView       *tandem_diagram_outline_get_list_view     (TandemDiagramOutline *self);

G_END_DECLS
