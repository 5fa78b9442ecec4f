/* tandem-diagram-page-editor.c — the diagram page's editing in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of a box are typed in a small card over the view, just under
 * the box on the canvas or the row in the outline: Enter saves them (a
 * new box, or new words), Escape cancels. A box dragged on the canvas and
 * dropped onto another moves there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-outline.h"
#include "tandem-diagram-page-private.h"

/* Opens the card on the selected node: for its words (@initial, if typed
 * already, or else its words as they are), or for a new item beside or
 * after it. */
void
_tandem_diagram_page_open_editor (TandemDiagramPage *self,
                                  EditMode           mode,
                                  const char        *initial)
{
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  g_autofree char *heading = NULL;
  GdkRectangle rect = { 0, 0, 1, 1 };
  double x = 0, y = 0;

  if (node == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return;
  if (mode == EDIT_ADD_CHILD && node->kind == TANDEM_NODE_CHANGE_IDEA)
    {
      tandem_page_show_toast (TANDEM_PAGE (self),
                              _("Change ideas are the last column: add a PDSA cycle in the details"),
                              FALSE);
      return;
    }
  switch (mode)
    {
    case EDIT_ADD_CHILD:
      heading = g_strdup_printf (_("New %s under “%s”"), tandem_node_kind_label (node->kind + 1),
                                 node->title);
      break;
    case EDIT_ADD_SIBLING:
      heading = node->kind == TANDEM_NODE_AIM
                ? g_strdup_printf (_("New %s under “%s”"), tandem_node_kind_label (TANDEM_NODE_PRIMARY), node->title)
                : g_strdup_printf (_("New %s below “%s”"), tandem_node_kind_label (node->kind), node->title);
      break;
    case EDIT_RENAME:
    case EDIT_NONE:
    default:
      heading = g_strdup_printf (_("Words of this %s"), tandem_node_kind_label (node->kind));
      break;
    }
  if (g_utf8_strlen (heading, -1) > 120)
    {
      char *end = g_utf8_offset_to_pointer (heading, 117);
      *end = '\0';
      {
        char *longer = g_strconcat (heading, "…”", NULL);
        g_free (heading);
        heading = longer;
      }
    }

  self->edit_mode = mode;
  g_free (self->edit_node);
  self->edit_node = g_strdup (node->id);
  g_free (self->edit_shown);
  self->edit_shown = g_strdup (node->title);
  g_free (self->edit_parent);
  self->edit_parent = g_strdup (self->selected_parent);
  self->edit_return = _tandem_diagram_page_active_view (self);
  gtk_label_set_text (self->edit_heading, heading);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_entry),
                         initial ? initial : mode == EDIT_RENAME ? node->title : "");

  /* In place: just under the box on the canvas, or under the row in the outline. */
  {
    GtkWidget *overlay = GTK_WIDGET (self->view_overlay);
    int width = gtk_widget_get_width (overlay), height = gtk_widget_get_height (overlay);
    graphene_point_t p = GRAPHENE_POINT_INIT (width / 4.0, height / 4.0);
    int box_width;

    if (!gtk_toggle_button_get_active (self->outline_toggle))
      tandem_diagram_canvas_set_selected (self->canvas, tandem_diagram_find_node (self->diagram, node->id));
    if (!gtk_toggle_button_get_active (self->outline_toggle) &&
        tandem_diagram_canvas_get_node_rect (self->canvas, tandem_diagram_find_node (self->diagram, node->id), &rect) &&
        gtk_widget_translate_coordinates (GTK_WIDGET (self->canvas), overlay, rect.x, rect.y + rect.height + 4, &x, &y))
      p = GRAPHENE_POINT_INIT (x, y);
    else
      {
        GtkListView *list = tandem_diagram_outline_get_list_view (self->outline);
        GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (list));

        if (row && gtk_widget_compute_point (row, overlay,
                                             &GRAPHENE_POINT_INIT (32, gtk_widget_get_height (row)), &p))
          p.y += 2;
      }
    box_width = MIN (420, MAX (200, width - 16));
    gtk_widget_set_size_request (self->edit_box, box_width, -1);
    gtk_widget_set_margin_start (self->edit_box, CLAMP ((int) p.x, 8, MAX (8, width - box_width - 8)));
    gtk_widget_set_margin_top (self->edit_box, CLAMP ((int) p.y, 8, MAX (8, height - 130)));
  }
  /* The entry itself is hidden between edits too, so that screen readers
   * (and tests that look for text fields) do not meet an idle one. */
  gtk_widget_set_visible (GTK_WIDGET (self->edit_entry), TRUE);
  gtk_widget_set_visible (self->edit_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->edit_entry), -1);
}

static void
close_editor (TandemDiagramPage *self)
{
  GtkWidget *back = self->edit_return;

  self->edit_mode = EDIT_NONE;
  self->edit_return = NULL;
  gtk_widget_set_visible (self->edit_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_entry), FALSE);
  if (back)
    gtk_widget_grab_focus (back);
}

static void
edit_activated_cb (GtkEntry          *entry,
                   TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  gboolean ok;

  switch (self->edit_mode)
    {
    case EDIT_ADD_CHILD:
      ok = (new_id = tandem_diagram_add_child (project, self->edit_node, text, &error)) != NULL;
      break;
    case EDIT_ADD_SIBLING:
      ok = (new_id = tandem_diagram_add_sibling (project, self->edit_node, self->edit_parent,
                                                 text, &error)) != NULL;
      break;
    case EDIT_RENAME:
      ok = tandem_diagram_set_title (project, self->edit_node, self->edit_shown, text, &error);
      if (!ok && g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
        {
          /* Both versions are kept for a person to choose (the window's
           * banner offers them): nothing typed is lost, so the editor closes. */
          tandem_page_show_error (TANDEM_PAGE (self), _("Someone Else Changed These Words"), error);
          self->edit_return = NULL;
          close_editor (self);
          return;
        }
      break;
    case EDIT_NONE:
    default:
      ok = TRUE;
      break;
    }
  if (!ok)
    {
      /* The popover stays open with what was typed. */
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Words"), error);
      return;
    }
  self->edit_return = NULL;
  close_editor (self);
  if (new_id)
    {
      const char *parent = self->edit_node;
      int node = tandem_diagram_find_node (self->diagram, new_id);
      const TandemDiagramNode *n = node >= 0 ? tandem_diagram_get_node (self->diagram, node) : NULL;

      /* A sibling is listed under the parent it was added beside. */
      if (n && n->parents->len > 0)
        parent = tandem_diagram_get_node (self->diagram, g_array_index (n->parents, guint, 0))->id;
      _tandem_diagram_page_select_id (self, new_id, parent, TRUE);
    }
  else
    _tandem_diagram_page_select_id (self, self->selected_id, self->selected_parent, TRUE);
}

static gboolean
edit_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TandemDiagramPage     *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  close_editor (self);
  return TRUE;
}

/* A box dropped onto a box in the column to its left goes under it, at the
 * end; dropped above or below a box of its own column, it goes just there,
 * under that box's parent. */
static void
drop_cb (TandemDiagramCanvas *canvas,
         int                  node_index,
         int                  target_index,
         int                  place,
         TandemDiagramPage   *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const TandemDiagramNode *node, *target, *parent;
  g_autofree char *id = NULL;
  g_autofree char *old_parent = NULL;
  g_autofree char *new_parent = NULL;
  g_autoptr(GError) error = NULL;
  guint index = G_MAXUINT;

  if (!tandem_page_get_editable (TANDEM_PAGE (self)) || self->diagram == NULL ||
      node_index < 0 || target_index < 0 ||
      (guint) MAX (node_index, target_index) >= tandem_diagram_get_n_nodes (self->diagram))
    return;
  node = tandem_diagram_get_node (self->diagram, node_index);
  target = tandem_diagram_get_node (self->diagram, target_index);
  id = g_strdup (node->id);
  if (g_strcmp0 (self->selected_id, node->id) == 0 && self->selected_parent)
    old_parent = g_strdup (self->selected_parent);
  else if (node->parents->len > 0)
    old_parent = g_strdup (tandem_diagram_get_node (self->diagram, g_array_index (node->parents, guint, 0))->id);
  if (place == TANDEM_DROP_ONTO)
    new_parent = g_strdup (target->id);
  else if (target->parents->len > 0)
    {
      guint i = 0;

      parent = tandem_diagram_get_node (self->diagram, g_array_index (target->parents, guint, 0));
      new_parent = g_strdup (parent->id);
      /* Counted without the dragged box, as tandem_diagram_place_node() does. */
      for (guint c = 0; c < parent->children->len; c++)
        {
          guint child = g_array_index (parent->children, guint, c);

          if ((int) child == target_index)
            index = i + (place == TANDEM_DROP_AFTER ? 1 : 0);
          if ((int) child != node_index)
            i++;
        }
    }
  if (new_parent == NULL)
    return;
  if (!tandem_diagram_place_node (project, id, old_parent, new_parent, index, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Move the Item"), error);
  _tandem_diagram_page_select_id (self, id, new_parent, TRUE);
}

static void
node_activated_cb (TandemDiagramCanvas *canvas,
                   int                  node,
                   TandemDiagramPage   *self)
{
  _tandem_diagram_page_open_editor (self, EDIT_RENAME, NULL);
}

/* Connects the editor's entry and the canvas's activations and drops. */
void
_tandem_diagram_page_editor_init (TandemDiagramPage *self)
{
  GtkEventController *keys;

  g_signal_connect (self->canvas, "node-activated", G_CALLBACK (node_activated_cb), self);
  g_signal_connect (self->canvas, "node-dropped", G_CALLBACK (drop_cb), self);
  g_signal_connect (self->edit_entry, "activate", G_CALLBACK (edit_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (edit_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->edit_entry), keys);
}
