/* tandem-diagram-page-private.h — what the diagram page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-diagram-canvas.h"
#include "tandem-diagram-groups-window.h"
#include "tandem-diagram-layout.h"
#include "tandem-diagram-outline.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram.h"
#include "tandem-node-details.h"

G_BEGIN_DECLS

typedef enum
{
  EDIT_NONE,
  EDIT_RENAME,
  EDIT_ADD_CHILD,
  EDIT_ADD_SIBLING,
} EditMode;

struct _TandemDiagramPage
{
  TandemPage           parent_instance;

  GtkStack            *stack;
  GtkDropDown         *diagram_dropdown;
  GtkToggleButton     *canvas_toggle;
  GtkToggleButton     *outline_toggle;
  GtkToggleButton     *focus_toggle;
  GtkFlowBox          *toolbar;
  GtkToggleButton     *details_toggle;
  GtkLabel            *summary_label;
  GtkLabel            *summary_detail;
  AdwFlap             *flap;
  GtkStack            *view_stack;
  TandemDiagramCanvas *canvas;
  TandemDiagramOutline *outline;
  TandemNodeDetails   *details;
  GtkOverlay          *view_overlay;
  GtkWidget           *edit_box;
  GtkLabel            *edit_heading;
  GtkEntry            *edit_entry;

  GtkStringList       *diagram_names;
  GPtrArray           *diagram_ids;
  char                *diagram_id;
  TandemDiagram       *diagram;
  TandemDiagramLayout *layout;

  char                *selected_id;      /* the selected node */
  char                *selected_parent;  /* the parent it was reached through, or NULL */
  EditMode             edit_mode;
  char                *edit_node;
  char                *edit_shown;   /* the words a rename started from */
  char                *edit_parent;
  GtkWidget           *edit_return;      /* where the focus goes back to */
  gboolean             reloading;
  GSettings           *settings;
  TandemDiagramGroupsWindow *lists_window;  /* groups and equity tags, while open */
  TandemProject       *comments_project;
  gulong               comments_changed_id;

  /* The open dialog's parts (the dialogs are modal: one at a time). */
  GtkEditable         *new_name;
  GtkCheckButton      *new_templates[TANDEM_N_DIAGRAM_TEMPLATES];
  GtkDropDown         *link_parents;
  GPtrArray           *link_ids;
  char                *link_child;
  GtkTextBuffer       *paste_buffer;
  char                *paste_parent;
  AdwComboRow         *print_layout;
  AdwComboRow         *print_paper;
  AdwComboRow         *print_orientation;
  GtkSwitch           *print_authorship;
};

/* tandem-diagram-page.c */
const TandemDiagramNode *_tandem_diagram_page_selected_node   (TandemDiagramPage *self);
void                     _tandem_diagram_page_select_id       (TandemDiagramPage *self,
                                                               const char        *id,
                                                               const char        *parent,
                                                               gboolean           focus_view);
void                     _tandem_diagram_page_open_editor     (TandemDiagramPage *self,
                                                               EditMode           mode,
                                                               const char        *initial);
void                     _tandem_diagram_page_reload          (TandemDiagramPage *self);
GtkWidget               *_tandem_diagram_page_active_view     (TandemDiagramPage *self);

/* tandem-diagram-page-editor.c */
void                     _tandem_diagram_page_editor_init     (TandemDiagramPage *self);

/* tandem-diagram-page-print.c */
void                     _tandem_diagram_page_print           (TandemPage        *page);
void                     _tandem_diagram_page_export          (TandemPage        *page);

/* tandem-diagram-page-actions.c */
void                     _tandem_diagram_page_class_actions_init (GtkWidgetClass *widget_class);
void                     _tandem_diagram_page_update_actions  (TandemDiagramPage *self);
AdwMessageDialog        *_tandem_diagram_page_message_dialog  (TandemDiagramPage *self,
                                                               const char        *heading,
                                                               const char        *body,
                                                               const char        *accept_id,
                                                               const char        *accept_label);
void                     _tandem_diagram_page_delete_selected (TandemDiagramPage *self);
void                     _tandem_diagram_page_move_selected   (TandemDiagramPage *self,
                                                               int                delta);
void                     _tandem_diagram_page_shift_selected  (TandemDiagramPage *self,
                                                               int                direction);
void                     _tandem_diagram_page_fold_selected   (TandemDiagramPage *self);

G_END_DECLS
