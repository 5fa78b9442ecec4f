/* tandem-diagram-canvas.h — the driver diagram drawn on screen: select, pan, zoom, drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-diagram-layout.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_CANVAS (tandem_diagram_canvas_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramCanvas, tandem_diagram_canvas, TANDEM, DIAGRAM_CANVAS, GtkWidget)

GtkWidget *tandem_diagram_canvas_new          (void);
void       tandem_diagram_canvas_set_layout   (TandemDiagramCanvas *self,
                                               TandemDiagramLayout *layout);
int        tandem_diagram_canvas_get_selected (TandemDiagramCanvas *self);
void       tandem_diagram_canvas_set_selected (TandemDiagramCanvas *self,
                                               int                  node);
double     tandem_diagram_canvas_get_zoom     (TandemDiagramCanvas *self);
double     tandem_diagram_canvas_get_text_pixels (TandemDiagramCanvas *self);
void       tandem_diagram_canvas_zoom_by      (TandemDiagramCanvas *self,
                                               double               factor);
void       tandem_diagram_canvas_zoom_to_fit  (TandemDiagramCanvas *self);
gboolean   tandem_diagram_canvas_get_node_rect (TandemDiagramCanvas *self,
                                                int                  node,
                                                GdkRectangle        *rect);
void       tandem_diagram_canvas_pan          (TandemDiagramCanvas *self,
                                               double               dx,
                                               double               dy);
gboolean   tandem_diagram_canvas_find_drop    (TandemDiagramCanvas *self,
                                               int                  node,
                                               double               x,
                                               double               y,
                                               int                 *target,
                                               TandemDropPlace     *place);
void       tandem_diagram_canvas_set_comment_counts (TandemDiagramCanvas *self,
                                                     GHashTable          *counts);
guint      tandem_diagram_canvas_get_comment_count  (TandemDiagramCanvas *self,
                                                     const char          *node_id);
TandemDiagramLayout *tandem_diagram_canvas_get_layout (TandemDiagramCanvas *self);

const char          *tandem_diagram_canvas_get_description (TandemDiagramCanvas *self);

G_END_DECLS
