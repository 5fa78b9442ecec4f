/* tandem-diagram-page.h — the driver diagram editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-export.h"
#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_PAGE (tandem_diagram_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramPage, tandem_diagram_page, TANDEM, DIAGRAM_PAGE, TandemPage)

void        tandem_diagram_page_set_settings    (TandemDiagramPage *self,
                                                 GSettings         *settings);
GtkWidget  *tandem_diagram_page_get_canvas      (TandemDiagramPage *self);
GtkWidget  *tandem_diagram_page_get_outline     (TandemDiagramPage *self);
const char *tandem_diagram_page_get_selected_id (TandemDiagramPage *self);
const char *tandem_diagram_page_get_diagram_id  (TandemDiagramPage *self);
void        tandem_diagram_page_select          (TandemDiagramPage *self,
                                                 const char        *node_id);
void        tandem_diagram_page_show_outline    (TandemDiagramPage *self,
                                                 gboolean           outline);
char       *tandem_diagram_page_dup_outline_selection (TandemDiagramPage *self);
gboolean    tandem_diagram_page_export_to       (TandemDiagramPage  *self,
                                                 const char         *path,
                                                 const char         *layout,
                                                 TandemPaper         paper,
                                                 const char         *orientation,
                                                 GError            **error);
GtkWindow  *tandem_diagram_page_show_lists      (TandemDiagramPage  *self);

G_END_DECLS
