/* tandem-diagram-page-actions.c — the diagram page's actions: commands on
 * the selected item, zoom, and the dialogs to make a diagram, link an item
 * to a second parent and paste a typed-up list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-page-private.h"
#include "tandem-enum-row.h"
#include "tandem-plain-text.h"

/* ------------------------------------------------------------------------ */
/* Commands                                                                 */

void
_tandem_diagram_page_delete_selected (TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *next = NULL;
  guint n = 0;

  if (node == NULL)
    return;
  id = g_strdup (node->id);
  /* Afterwards, select the parent it was under. */
  next = g_strdup (self->selected_parent);
  if (!tandem_diagram_delete_node (project, id, &n, &error))
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete"), error);
      return;
    }
  title = n > 1 ? g_strdup_printf (ngettext ("Deleted %u item", "Deleted %u items", n), n)
                : g_strdup (_("Deleted 1 item"));
  _tandem_diagram_page_select_id (self, next, NULL, TRUE);
  tandem_page_show_toast (TANDEM_PAGE (self), title, TRUE);
}

void
_tandem_diagram_page_move_selected (TandemDiagramPage *self,
                                    int                delta)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);
  g_autofree char *parent = g_strdup (self->selected_parent);

  if (id == NULL)
    return;
  if (!tandem_diagram_move_node (project, id, parent, delta, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Move the Item"), error);
  _tandem_diagram_page_select_id (self, id, parent, TRUE);
}

void
_tandem_diagram_page_shift_selected (TandemDiagramPage *self,
                                     int                direction)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);
  g_autofree char *parent = g_strdup (self->selected_parent);
  const TandemDiagramNode *node;
  int n;

  if (id == NULL)
    return;
  if (!tandem_diagram_shift_level (project, id, parent, direction, &error))
    {
      /* Not possible here: say why, without a dialog in the way of the keys. */
      tandem_page_show_toast (TANDEM_PAGE (self), error->message, FALSE);
      _tandem_diagram_page_select_id (self, id, parent, TRUE);
      return;
    }
  n = tandem_diagram_find_node (self->diagram, id);
  node = n >= 0 ? tandem_diagram_get_node (self->diagram, n) : NULL;
  g_clear_pointer (&parent, g_free);
  if (node && node->parents->len > 0)
    parent = g_strdup (tandem_diagram_get_node (self->diagram, g_array_index (node->parents, guint, 0))->id);
  _tandem_diagram_page_select_id (self, id, parent, TRUE);
}

void
_tandem_diagram_page_fold_selected (TandemDiagramPage *self)
{
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (node == NULL || node->children->len == 0)
    return;
  id = g_strdup (node->id);
  if (!tandem_diagram_set_collapsed (tandem_page_get_project (TANDEM_PAGE (self)), id,
                                     !node->collapsed, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Fold the Branch"), error);
  _tandem_diagram_page_select_id (self, id, self->selected_parent, TRUE);
}

static void
item_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (widget);

  if (g_str_equal (action_name, "diagram.add-child"))
    _tandem_diagram_page_open_editor (self, EDIT_ADD_CHILD, NULL);
  else if (g_str_equal (action_name, "diagram.add-sibling"))
    _tandem_diagram_page_open_editor (self, EDIT_ADD_SIBLING, NULL);
  else if (g_str_equal (action_name, "diagram.edit"))
    _tandem_diagram_page_open_editor (self, EDIT_RENAME, NULL);
  else if (g_str_equal (action_name, "diagram.delete"))
    _tandem_diagram_page_delete_selected (self);
  else if (g_str_equal (action_name, "diagram.move-up"))
    _tandem_diagram_page_move_selected (self, -1);
  else if (g_str_equal (action_name, "diagram.move-down"))
    _tandem_diagram_page_move_selected (self, +1);
  else if (g_str_equal (action_name, "diagram.move-left"))
    _tandem_diagram_page_shift_selected (self, -1);
  else if (g_str_equal (action_name, "diagram.move-right"))
    _tandem_diagram_page_shift_selected (self, +1);
  else if (g_str_equal (action_name, "diagram.fold"))
    _tandem_diagram_page_fold_selected (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (widget);

  gtk_toggle_button_set_active (self->canvas_toggle, TRUE);
  if (g_str_equal (action_name, "diagram.zoom-in"))
    tandem_diagram_canvas_zoom_by (self->canvas, 1.25);
  else if (g_str_equal (action_name, "diagram.zoom-out"))
    tandem_diagram_canvas_zoom_by (self->canvas, 1 / 1.25);
  else
    tandem_diagram_canvas_zoom_to_fit (self->canvas);
}

/* ------------------------------------------------------------------------ */
/* Dialogs: new diagram, also link to, paste a list                         */

AdwMessageDialog *
_tandem_diagram_page_message_dialog (TandemDiagramPage *self,
                                     const char        *heading,
                                     const char        *body,
                                     const char        *accept_id,
                                     const char        *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                        heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), accept_id, accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, accept_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, accept_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
new_diagram_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         TandemDiagramPage *self)
{
  GtkEditable *name = g_steal_pointer (&self->new_name);
  GtkCheckButton **choices = self->new_templates;
  TandemDiagramTemplate template_ = TANDEM_DIAGRAM_TEMPLATE_BLANK;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!g_str_equal (response, "create"))
    return;
  for (guint i = 0; i < TANDEM_N_DIAGRAM_TEMPLATES; i++)
    if (gtk_check_button_get_active (choices[i]))
      template_ = i;
  id = tandem_diagram_create (tandem_page_get_project (TANDEM_PAGE (self)),
                              tandem_page_get_team_id (TANDEM_PAGE (self)),
                              gtk_editable_get_text (name), template_, &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Make the Diagram"), error);
      return;
    }
  g_free (self->diagram_id);
  self->diagram_id = g_steal_pointer (&id);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->selected_parent, g_free);
  _tandem_diagram_page_reload (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (widget);
  static const char * const templates[TANDEM_N_DIAGRAM_TEMPLATES] = {
    N_("_Blank: just an aim to write"),
    N_("_Mental Health Act programme: its aim and four primary drivers in two lenses"),
    N_("_Culture of Care: the twelve standards as primary drivers"),
  };
  AdwMessageDialog *dialog = _tandem_diagram_page_message_dialog (self, _("New Driver Diagram"),
                                                                  _("Give the diagram a name and choose what "
                                                                    "it starts with."),
                                                                  "create", _("C_reate"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name_label = gtk_label_new_with_mnemonic (_("_Name"));
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *template_label = gtk_label_new (_("Start from"));
  GtkCheckButton **choices = self->new_templates;

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_xalign (GTK_LABEL (template_label), 0);
  gtk_widget_set_margin_top (template_label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (name_label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (name), _("Our driver diagram"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), template_label);
  for (guint i = 0; i < TANDEM_N_DIAGRAM_TEMPLATES; i++)
    {
      GtkWidget *check = tandem_plain_check_button_new (_(templates[i]));

      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), choices[0]);
      choices[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_check_button_set_active (choices[0], TRUE);
  adw_message_dialog_set_extra_child (dialog, box);
  self->new_name = GTK_EDITABLE (name);
  g_signal_connect (dialog, "response", G_CALLBACK (new_diagram_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
link_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  TandemDiagramPage *self)
{
  GtkDropDown *dropdown = g_steal_pointer (&self->link_parents);
  g_autoptr(GPtrArray) ids = g_steal_pointer (&self->link_ids);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  g_autofree char *child = g_steal_pointer (&self->link_child);

  if (!g_str_equal (response, "link") || selected >= ids->len)
    return;
  if (!tandem_diagram_link (tandem_page_get_project (TANDEM_PAGE (self)), ids->pdata[selected], child, &error))
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Link"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Linked: now drawn once, with a connector from each"), FALSE);
  _tandem_diagram_page_select_id (self, child, NULL, TRUE);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (widget);
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  g_autofree char *body = NULL;

  if (node == NULL || node->kind == TANDEM_NODE_AIM)
    {
      g_ptr_array_unref (ids);
      return;
    }
  for (guint i = 0; i < tandem_diagram_get_n_nodes (self->diagram); i++)
    {
      const TandemDiagramNode *candidate = tandem_diagram_get_node (self->diagram, i);
      gboolean already = FALSE;

      for (guint p = 0; p < node->parents->len; p++)
        already |= g_array_index (node->parents, guint, p) == i;
      if (candidate->kind + 1 == node->kind && !already)
        {
          g_ptr_array_add (ids, g_strdup (candidate->id));
          g_ptr_array_add (titles, g_strdup (candidate->title[0] ? candidate->title : _("(nothing written yet)")));
        }
    }
  if (ids->len == 0)
    {
      tandem_page_show_toast (TANDEM_PAGE (self), _("It is already linked to everything it can be"), FALSE);
      g_ptr_array_unref (ids);
      return;
    }
  g_ptr_array_add (titles, NULL);
  body = g_strdup_printf (_("“%s” will be drawn once, with a connector from each %s it serves."),
                          node->title, tandem_node_kind_label (node->kind - 1));
  dialog = _tandem_diagram_page_message_dialog (self, _("Also Link To…"), body, "link", _("_Link"));
  dropdown = gtk_drop_down_new_from_strings ((const char * const *) titles->pdata);
  tandem_drop_down_name_button (GTK_DROP_DOWN (dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Also link to"), -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  self->link_parents = GTK_DROP_DOWN (dropdown);
  g_clear_pointer (&self->link_ids, g_ptr_array_unref);
  self->link_ids = ids;
  g_free (self->link_child);
  self->link_child = g_strdup (node->id);
  g_signal_connect (dialog, "response", G_CALLBACK (link_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paste_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   TandemDiagramPage *self)
{
  GtkTextBuffer *buffer = g_steal_pointer (&self->paste_buffer);
  g_autofree char *parent = g_steal_pointer (&self->paste_parent);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  guint n;

  if (!g_str_equal (response, "paste"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  n = tandem_diagram_paste_outline (tandem_page_get_project (TANDEM_PAGE (self)), parent, text, &error);
  if (n == 0)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the List"), error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (ngettext ("Added %u item", "Added %u items", n), n);
    tandem_page_show_toast (TANDEM_PAGE (self), title, TRUE);
  }
  _tandem_diagram_page_select_id (self, parent, NULL, TRUE);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (widget);
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *view;
  g_autofree char *body = NULL;

  if (self->diagram == NULL)
    return;
  /* Under the selection, or under the aim; a change idea's list goes beside it. */
  while (node && node->kind == TANDEM_NODE_CHANGE_IDEA && node->parents->len > 0)
    node = tandem_diagram_get_node (self->diagram, g_array_index (node->parents, guint, 0));
  if (node == NULL && tandem_diagram_get_roots (self->diagram)->len > 0)
    node = tandem_diagram_get_node (self->diagram, g_array_index (tandem_diagram_get_roots (self->diagram), guint, 0));
  if (node == NULL || node->kind == TANDEM_NODE_CHANGE_IDEA)
    return;
  body = g_strdup_printf (_("Type or paste a list, one item a line; indent a line (with spaces or a "
                            "tab) to put it under the line above. The top lines go under “%s”."),
                          node->title);
  dialog = _tandem_diagram_page_message_dialog (self, _("Paste a List"), body, "paste", _("_Add Items"));
  view = gtk_text_view_new ();
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The list"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_size_request (scrolled, 380, 200);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_set_default_response (dialog, NULL);
  self->paste_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_free (self->paste_parent);
  self->paste_parent = g_strdup (node->id);
  g_signal_connect (dialog, "response", G_CALLBACK (paste_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* ------------------------------------------------------------------------ */
/* Groups and equity tags                                                   */

static void
lists_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tandem_diagram_page_show_lists (TANDEM_DIAGRAM_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Enabling, installing                                                     */

void
_tandem_diagram_page_update_actions (TandemDiagramPage *self)
{
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  gboolean has_team = tandem_page_get_team_id (TANDEM_PAGE (self)) != NULL;
  gboolean has_node = editable && node != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.new", editable && has_team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.add-child",
                                 has_node && node->kind != TANDEM_NODE_CHANGE_IDEA);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.add-sibling", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.edit", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.delete", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.move-up", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.move-down", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.move-left",
                                 has_node && node->kind >= TANDEM_NODE_SECONDARY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.move-right",
                                 has_node && node->kind != TANDEM_NODE_AIM && node->kind != TANDEM_NODE_CHANGE_IDEA);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.lists", editable && self->diagram != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.fold",
                                 has_node && node->children->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.link",
                                 has_node && node->kind != TANDEM_NODE_AIM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagram.paste",
                                 editable && self->diagram != NULL);
}

void
_tandem_diagram_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "diagram.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "diagram.add-child", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.add-sibling", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.edit", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.delete", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.move-up", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.move-down", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.fold", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.move-left", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.move-right", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "diagram.lists", NULL, lists_action);
  gtk_widget_class_install_action (widget_class, "diagram.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "diagram.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-fit", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "diagram.new", NULL);
  /* F2 edits the selected item wherever the keyboard is on the page, not
   * only once the canvas or the outline has been clicked. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "diagram.edit", NULL);
}
