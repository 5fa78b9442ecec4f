/* tandem-diagram-page.c — the driver diagram editor: canvas, outline, details, summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas and the outline show one loaded TandemDiagram and share one
 * selection and one folding (the node's own, saved); every command (Tab,
 * Enter, F2, Delete, Ctrl+Up/Down to reorder, Ctrl+Left/Right to move a
 * column, Space to fold…) works the same in both, so a keyboard or screen-reader user can do in the
 * outline all that a mouse user does on the canvas. Each edit is one change
 * in the project's log; the page reloads from the file when the project says
 * it changed (also when another program changed it).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-comments.h"
#include "tandem-date.h"
#include "tandem-diagram-canvas.h"
#include "tandem-diagram-groups-window.h"
#include "tandem-diagram-item.h"
#include "tandem-diagram-layout.h"
#include "tandem-diagram-outline.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram-page-private.h"
#include "tandem-enum-row.h"
#include "tandem-node-details.h"
#include "tandem-plain-text.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

/* ------------------------------------------------------------------------ */
/* The page                                                                 */

G_DEFINE_FINAL_TYPE (TandemDiagramPage, tandem_diagram_page, TANDEM_TYPE_PAGE)

static void update_details (TandemDiagramPage *self);
static void tandem_diagram_page_reload (TandemPage *page);
static void show_error (TandemDiagramPage *self, const char *heading, const GError *error);

const TandemDiagramNode *
_tandem_diagram_page_selected_node (TandemDiagramPage *self)
{
  int i;

  if (self->diagram == NULL || (i = tandem_diagram_find_node (self->diagram, self->selected_id)) < 0)
    return NULL;
  return tandem_diagram_get_node (self->diagram, i);
}

static gboolean
outline_shown (TandemDiagramPage *self)
{
  return gtk_toggle_button_get_active (self->outline_toggle);
}

GtkWidget *
_tandem_diagram_page_active_view (TandemDiagramPage *self)
{
  return outline_shown (self) ? GTK_WIDGET (self->outline) : GTK_WIDGET (self->canvas);
}

static void
show_error (TandemDiagramPage *self,
            const char        *heading,
            const GError      *error)
{
  tandem_page_show_error (TANDEM_PAGE (self), heading, error);
}

/* ------------------------------------------------------------------------ */
/* The equity summary                                                       */

static void
update_summary (TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(TandemEquitySummary) s = NULL;
  g_autoptr(GString) headline = g_string_new (NULL);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint doing_with;

  if (self->diagram_id == NULL ||
      (s = tandem_equity_summary_new (project, NULL, self->diagram_id, &error)) == NULL)
    {
      gtk_label_set_text (self->summary_label, error ? error->message : "");
      gtk_label_set_text (self->summary_detail, "");
      return;
    }
  g_string_append_printf (headline, ngettext ("%u change idea", "%u change ideas", s->n_ideas), s->n_ideas);
  g_string_append_printf (headline, _(", %u being tested"), s->n_testing);
  if (s->tag_names->len > 0 && s->n_ideas > 0)
    g_string_append_printf (headline, _(". %s: %u (%.1f%%)"), (char *) s->tag_names->pdata[0],
                            g_array_index (s->tag_counts, guint, 0),
                            100.0 * g_array_index (s->tag_counts, guint, 0) / s->n_ideas);
  doing_with = s->levels[TANDEM_COPRODUCTION_COPRODUCTION] + s->levels[TANDEM_COPRODUCTION_CODESIGN];
  if (s->n_ideas > 0)
    g_string_append_printf (headline, _(". Co-produced or co-designed: %u (%.0f%%)."), doing_with,
                            100.0 * doing_with / s->n_ideas);
  gtk_label_set_text (self->summary_label, headline->str);

  g_string_append (detail, _("Change ideas with each equity focus:"));
  for (guint t = 0; t < s->tag_names->len; t++)
    g_string_append_printf (detail, "\n  %s: %u", (char *) s->tag_names->pdata[t],
                            g_array_index (s->tag_counts, guint, t));
  g_string_append_printf (detail, _("\n  With no equity focus tagged: %u"), s->n_ideas - s->n_tagged);
  g_string_append (detail, _("\nCo-production level (Ladder of Co-production, top to bottom):"));
  for (guint l = 1; l < TANDEM_N_COPRODUCTION_LEVELS; l++)
    g_string_append_printf (detail, "\n  %s: %u", tandem_coproduction_label (l), s->levels[l]);
  g_string_append_printf (detail, "\n  %s: %u", tandem_coproduction_label (TANDEM_COPRODUCTION_NONE),
                          s->levels[TANDEM_COPRODUCTION_NONE]);
  g_string_append (detail, _("\nStatus:"));
  for (guint st = 1; st < TANDEM_N_IDEA_STATUSES; st++)
    g_string_append_printf (detail, "\n  %s: %u", tandem_idea_status_label (st), s->statuses[st]);
  gtk_label_set_text (self->summary_detail, detail->str);
}

/* ------------------------------------------------------------------------ */
/* The outline                                                              */

static void
outline_selected_cb (TandemDiagramOutline *outline,
                     GParamSpec           *pspec,
                     TandemDiagramPage    *self)
{
  g_autoptr(TandemDiagramItem) item = NULL;
  const TandemDiagramNode *node;
  const char *parent = NULL;

  if (self->reloading || (item = tandem_diagram_outline_dup_selected_item (outline)) == NULL)
    return;
  node = tandem_diagram_item_get_info (item);
  if (tandem_diagram_item_get_parent (item) >= 0)
    parent = tandem_diagram_get_node (tandem_diagram_item_get_diagram (item),
                                      tandem_diagram_item_get_parent (item))->id;
  if (g_strcmp0 (node->id, self->selected_id) == 0 && g_strcmp0 (parent, self->selected_parent) == 0)
    return;
  _tandem_diagram_page_select_id (self, node->id, parent, FALSE);
}

/* Unfolding or folding a row (its expander, or the list's keys) folds the
 * node itself, so the canvas follows. */
static void
outline_node_folded_cb (TandemDiagramOutline *outline,
                        const char           *id,
                        gboolean              collapsed,
                        TandemDiagramPage    *self)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  if (project && tandem_page_get_editable (TANDEM_PAGE (self)) &&
      !tandem_diagram_set_collapsed (project, id, collapsed, &error))
    show_error (self, _("Could Not Fold the Branch"), error);
  else if (project && !tandem_page_get_editable (TANDEM_PAGE (self)))
    tandem_diagram_page_reload (TANDEM_PAGE (self));
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                */

/* Selects a node in the canvas, the outline and the details. With
 * @focus_view, the keyboard focus goes to that row or box. */
void
_tandem_diagram_page_select_id (TandemDiagramPage *self,
                                const char        *id,
                                const char        *parent,
                                gboolean           focus_view)
{
  int node = self->diagram ? tandem_diagram_find_node (self->diagram, id) : -1;

  if (node < 0)
    id = parent = NULL;
  if (id != self->selected_id)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }
  if (parent != self->selected_parent)
    {
      g_free (self->selected_parent);
      self->selected_parent = g_strdup (parent);
    }
  if (self->selected_parent == NULL && node >= 0)
    {
      const TandemDiagramNode *n = tandem_diagram_get_node (self->diagram, node);
      if (n->parents->len > 0)
        self->selected_parent = g_strdup (tandem_diagram_get_node (self->diagram,
                                            g_array_index (n->parents, guint, 0))->id);
    }

  tandem_diagram_canvas_set_selected (self->canvas, node);
  {
    gboolean was = self->reloading;

    self->reloading = TRUE;
    tandem_diagram_outline_select (self->outline, self->selected_id, self->selected_parent);
    self->reloading = was;
  }
  if (focus_view)
    gtk_widget_grab_focus (_tandem_diagram_page_active_view (self));
  update_details (self);
  _tandem_diagram_page_update_actions (self);
}

static void
canvas_selection_changed_cb (TandemDiagramCanvas *canvas,
                             TandemDiagramPage   *self)
{
  int node = tandem_diagram_canvas_get_selected (canvas);

  if (node >= 0)
    _tandem_diagram_page_select_id (self, tandem_diagram_get_node (self->diagram, node)->id, NULL, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* The count of open comments on each box of the canvas. */
static void
refresh_comment_counts (TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GHashTable) counts = NULL;

  if (project)
    counts = tandem_comments_open_counts (project, TANDEM_ENTITY_NODE);

  tandem_diagram_canvas_set_comment_counts (self->canvas, counts);
}

static void
comments_changed_cb (TandemProject     *project,
                     const char        *entity,
                     TandemDiagramPage *self)
{
  refresh_comment_counts (self);
}

static void
relayout (TandemDiagramPage *self)
{
  const char *focus = gtk_toggle_button_get_active (self->focus_toggle) ? self->selected_id : NULL;

  g_autoptr(GHashTable) authorship = NULL;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  g_clear_object (&self->layout);
  /* Who added and changed each box, when the person wants to see it. */
  if (self->diagram && project && self->settings && g_settings_get_boolean (self->settings, "show-authorship"))
    authorship = tandem_diagram_authorship (project, self->diagram_id);
  if (self->diagram)
    self->layout = tandem_diagram_layout_new_full (self->diagram, focus, authorship);
  tandem_diagram_canvas_set_layout (self->canvas, self->layout);
}

static void
tandem_diagram_page_reload (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_id = g_strdup (self->selected_id);
  g_autofree char *keep_parent = g_strdup (self->selected_parent);
  GtkWidget *focus = NULL;
  gboolean view_had_focus;
  guint selected = 0;

  if (project == NULL || team == NULL)
    return;
  /* Comments change without the diagram changing: only the counts follow. */
  if (project != self->comments_project)
    {
      if (self->comments_project)
        g_clear_signal_handler (&self->comments_changed_id, self->comments_project);
      g_set_object (&self->comments_project, project);
      self->comments_changed_id = g_signal_connect (project, "changed::comment",
                                                    G_CALLBACK (comments_changed_cb), self);
    }
  refresh_comment_counts (self);
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    focus = root ? gtk_root_get_focus (root) : NULL;
  }
  view_had_focus = focus != NULL && (focus == GTK_WIDGET (self->canvas) ||
                                     gtk_widget_is_ancestor (focus, GTK_WIDGET (self->outline)));

  self->reloading = TRUE;
  g_ptr_array_unref (self->diagram_ids);
  self->diagram_ids = tandem_diagram_list (project, team, &names);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->diagram_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->diagram_names)),
                          (const char * const *) names->pdata);
  for (guint i = 0; i < self->diagram_ids->len; i++)
    if (g_strcmp0 (self->diagram_ids->pdata[i], self->diagram_id) == 0)
      selected = i;
  g_free (self->diagram_id);
  self->diagram_id = self->diagram_ids->len ? g_strdup (self->diagram_ids->pdata[selected]) : NULL;
  gtk_drop_down_set_selected (self->diagram_dropdown, selected);

  g_clear_object (&self->diagram);
  if (self->diagram_id)
    {
      self->diagram = tandem_diagram_load (project, self->diagram_id, &error);
      if (self->diagram == NULL)
        g_message ("%s", error->message);
    }
  gtk_stack_set_visible_child_name (self->stack, self->diagram ? "diagram" : "empty");
  relayout (self);
  tandem_diagram_outline_set_diagram (self->outline, self->diagram);
  update_summary (self);
  self->reloading = FALSE;

  _tandem_diagram_page_select_id (self, keep_id, keep_parent, view_had_focus);
  if (self->selected_id == NULL && self->diagram && tandem_diagram_get_roots (self->diagram)->len > 0)
    _tandem_diagram_page_select_id (self, tandem_diagram_get_node (self->diagram,
                                                                   g_array_index (tandem_diagram_get_roots (self->diagram),
                                                                                  guint, 0))->id,
                                    NULL, view_had_focus);
  _tandem_diagram_page_update_actions (self);
}

void
_tandem_diagram_page_reload (TandemDiagramPage *self)
{
  tandem_diagram_page_reload (TANDEM_PAGE (self));
}

static void
diagram_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     TandemDiagramPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->reloading || selected >= self->diagram_ids->len ||
      g_strcmp0 (self->diagram_ids->pdata[selected], self->diagram_id) == 0)
    return;
  g_free (self->diagram_id);
  self->diagram_id = g_strdup (self->diagram_ids->pdata[selected]);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->selected_parent, g_free);
  tandem_diagram_page_reload (TANDEM_PAGE (self));
}

/* The keys of a mind-map app, in the canvas and in the outline alike. */
static gboolean
view_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TandemDiagramPage     *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gunichar c;

  /* Left and Right in the outline go to the parent and the first child, as
   * on the canvas (Up and Down are the list's own). */
  if (self->diagram && mods == 0 && view == GTK_WIDGET (self->outline) &&
      (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right))
    {
      const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
      gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;

      if (node && left && self->selected_parent)
        _tandem_diagram_page_select_id (self, self->selected_parent, NULL, TRUE);
      else if (node && !left && node->children->len > 0 && !node->collapsed)
        {
          g_autofree char *parent = g_strdup (node->id);
          _tandem_diagram_page_select_id (self,
                                          tandem_diagram_get_node (self->diagram,
                                                                   g_array_index (node->children, guint, 0))->id,
                                          parent, TRUE);
        }
      return TRUE;
    }
  if (self->diagram == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return FALSE;
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down ||
                                   keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_KP_Down))
    {
      _tandem_diagram_page_move_selected (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : +1);
      return TRUE;
    }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
                                   keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right))
    {
      _tandem_diagram_page_shift_selected (self, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : +1);
      return TRUE;
    }
  if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "diagram.paste", NULL);
      return TRUE;
    }
  if (mods != 0 && mods != GDK_SHIFT_MASK)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_Insert:
      if (mods != 0)
        return FALSE;
      _tandem_diagram_page_open_editor (self, EDIT_ADD_CHILD, NULL);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      _tandem_diagram_page_open_editor (self, EDIT_ADD_SIBLING, NULL);
      return TRUE;
    case GDK_KEY_F2:
      _tandem_diagram_page_open_editor (self, EDIT_RENAME, NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      _tandem_diagram_page_delete_selected (self);
      return TRUE;
    case GDK_KEY_space:
      _tandem_diagram_page_fold_selected (self);
      return TRUE;
    default:
      break;
    }
  /* Typing a letter starts editing the words, as in a spreadsheet. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isgraph (c) && _tandem_diagram_page_selected_node (self) != NULL)
    {
      char text[7] = { 0 };
      g_unichar_to_utf8 (c, text);
      _tandem_diagram_page_open_editor (self, EDIT_RENAME, text);
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* The details pane                                                         */

static void
update_details (TandemDiagramPage *self)
{
  tandem_node_details_show (self->details, tandem_page_get_project (TANDEM_PAGE (self)), self->diagram,
                            self->selected_id, tandem_page_get_editable (TANDEM_PAGE (self)));
}

static void
details_failed_cb (TandemNodeDetails *details,
                   const char        *heading,
                   const GError      *error,
                   TandemDiagramPage *self)
{
  show_error (self, heading, error);
}

/* A conflict with another program's change is reported (what was typed is
 * kept in it); the pane then shows the value that stands. */
static gboolean
details_save_failed_cb (TandemNodeDetails *details,
                        GtkWidget         *editor,
                        const char        *id,
                        const char        *field,
                        const GError      *error,
                        TandemDiagramPage *self)
{
  if (tandem_shown_field_take_conflict (TANDEM_PAGE (self), editor, id, field, error))
    return TRUE;
  show_error (self, _("Could Not Save the Change"), error);
  return FALSE;
}

static void
details_toast_cb (TandemNodeDetails *details,
                  const char        *title,
                  TandemDiagramPage *self)
{
  tandem_page_show_toast (TANDEM_PAGE (self), title, TRUE);
}

static void
details_select_node_cb (TandemNodeDetails *details,
                        const char        *node_id,
                        TandemDiagramPage *self)
{
  g_autofree char *id = g_strdup (node_id);

  _tandem_diagram_page_select_id (self, id, NULL, FALSE);
}

static void
details_comments_changed_cb (TandemNodeDetails *details,
                             TandemDiagramPage *self)
{
  refresh_comment_counts (self);
}

/* ------------------------------------------------------------------------ */
/* Groups of primary drivers and the project's equity tags                  */

static void
lists_failed_cb (TandemDiagramGroupsWindow *window,
                 const char                *heading,
                 const GError              *error,
                 TandemDiagramPage         *self)
{
  show_error (self, heading, error);
}

static void
lists_toast_cb (TandemDiagramGroupsWindow *window,
                const char                *title,
                TandemDiagramPage         *self)
{
  tandem_page_show_toast (TANDEM_PAGE (self), title, TRUE);
}

static void
lists_window_destroyed_cb (GtkWidget         *window,
                           TandemDiagramPage *self)
{
  if (self->lists_window == TANDEM_DIAGRAM_GROUPS_WINDOW (window))
    self->lists_window = NULL;
}

/**
 * tandem_diagram_page_show_lists:
 * @self: a diagram page
 *
 * Opens (or raises) the window where the diagram's groups of primary
 * drivers and the project's equity tags are added, renamed, recoloured and
 * removed.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWindow *
tandem_diagram_page_show_lists (TandemDiagramPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  if (self->diagram == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return NULL;
  if (self->lists_window == NULL)
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      self->lists_window = tandem_diagram_groups_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             tandem_page_get_project (TANDEM_PAGE (self)),
                                                             self->diagram_id);
      g_signal_connect (self->lists_window, "destroy", G_CALLBACK (lists_window_destroyed_cb), self);
      g_signal_connect (self->lists_window, "failed", G_CALLBACK (lists_failed_cb), self);
      g_signal_connect (self->lists_window, "toast", G_CALLBACK (lists_toast_cb), self);
    }
  else if (g_strcmp0 (tandem_diagram_groups_window_get_diagram_id (self->lists_window), self->diagram_id) != 0)
    tandem_diagram_groups_window_set_diagram_id (self->lists_window, self->diagram_id);
  else
    tandem_diagram_groups_window_reload (self->lists_window);
  gtk_window_present (GTK_WINDOW (self->lists_window));
  return GTK_WINDOW (self->lists_window);
}

/* ------------------------------------------------------------------------ */
/* Set-up                                                                   */

static void
view_toggled_cb (GtkToggleButton   *button,
                 TandemDiagramPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_stack_set_visible_child_name (self->view_stack, outline_shown (self) ? "outline" : "canvas");
  /* Choosing a view takes the keyboard there, ready to move and edit. */
  _tandem_diagram_page_select_id (self, self->selected_id, self->selected_parent, !self->reloading);
}

static void
focus_toggled_cb (GtkToggleButton   *button,
                  TandemDiagramPage *self)
{
  relayout (self);
  tandem_diagram_canvas_zoom_to_fit (self->canvas);
  _tandem_diagram_page_select_id (self, self->selected_id, self->selected_parent, FALSE);
}

static void
authorship_changed_cb (GSettings         *settings,
                       const char        *key,
                       TandemDiagramPage *self)
{
  relayout (self);
  _tandem_diagram_page_select_id (self, self->selected_id, self->selected_parent, FALSE);
}

static void
tandem_diagram_page_dispose (GObject *object)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (object);

  if (self->lists_window)
    gtk_window_destroy (GTK_WINDOW (self->lists_window));
  if (self->settings)
    g_signal_handlers_disconnect_by_func (self->settings, authorship_changed_cb, self);
  g_clear_object (&self->settings);
  if (self->comments_project)
    g_clear_signal_handler (&self->comments_changed_id, self->comments_project);
  g_clear_object (&self->comments_project);

  g_clear_object (&self->layout);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (tandem_diagram_page_parent_class)->dispose (object);
}

static void
tandem_diagram_page_finalize (GObject *object)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (object);

  g_clear_pointer (&self->diagram_ids, g_ptr_array_unref);
  g_clear_object (&self->diagram_names);
  g_free (self->diagram_id);
  g_free (self->selected_id);
  g_free (self->selected_parent);
  g_free (self->edit_node);
  g_free (self->edit_shown);
  g_free (self->edit_parent);
  g_clear_pointer (&self->link_ids, g_ptr_array_unref);
  g_free (self->link_child);
  g_free (self->paste_parent);
  G_OBJECT_CLASS (tandem_diagram_page_parent_class)->finalize (object);
}

static void
tandem_diagram_page_class_init (TandemDiagramPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_DIAGRAM, TANDEM_ENTITY_NODE, TANDEM_ENTITY_NODE_LINK, TANDEM_ENTITY_NODE_GROUP,
    TANDEM_ENTITY_NODE_TAG, TANDEM_ENTITY_NODE_COPRODUCER, TANDEM_ENTITY_PDSA_CYCLE,
    TANDEM_ENTITY_MEASURE_LINK, TANDEM_ENTITY_EQUITY_TAG, TANDEM_ENTITY_PERSON, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  object_class->dispose = tandem_diagram_page_dispose;
  object_class->finalize = tandem_diagram_page_finalize;
  page_class->entities = entities;
  page_class->reload = tandem_diagram_page_reload;
  page_class->print = _tandem_diagram_page_print;
  page_class->export = _tandem_diagram_page_export;

  g_type_ensure (TANDEM_TYPE_DIAGRAM_CANVAS);
  g_type_ensure (TANDEM_TYPE_DIAGRAM_OUTLINE);
  g_type_ensure (TANDEM_TYPE_NODE_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-diagram-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, diagram_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, canvas_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, outline_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, focus_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, details_toggle);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, summary_detail);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, flap);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, outline);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, details);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, view_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_box);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_heading);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_entry);

  gtk_widget_class_bind_template_callback (widget_class, outline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_node_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_save_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_select_node_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_comments_changed_cb);

  _tandem_diagram_page_class_actions_init (widget_class);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      /* A long diagram name must not keep the window wide. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (name));
}

static GtkListItemFactory *
name_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
  return factory;
}

static void
tandem_diagram_page_init (TandemDiagramPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->diagram_ids = g_ptr_array_new_with_free_func (g_free);
  self->diagram_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->diagram_dropdown, G_LIST_MODEL (self->diagram_names));
  tandem_drop_down_name_button (self->diagram_dropdown);
  factory = name_factory (TRUE);
  gtk_drop_down_set_factory (self->diagram_dropdown, factory);
  g_object_unref (factory);
  factory = name_factory (FALSE);
  gtk_drop_down_set_list_factory (self->diagram_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect (self->diagram_dropdown, "notify::selected", G_CALLBACK (diagram_selected_cb), self);
  /* The toolbar wraps in a flow box; its boxes are no Tab stops of their own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  /* The same keys in the outline (before the list's own) and on the canvas. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->outline), keys);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), keys);

  g_signal_connect (self->canvas, "selection-changed", G_CALLBACK (canvas_selection_changed_cb), self);
  g_signal_connect (self->canvas_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  g_signal_connect (self->outline_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  g_signal_connect (self->focus_toggle, "toggled", G_CALLBACK (focus_toggled_cb), self);
  _tandem_diagram_page_editor_init (self);
  update_details (self);
  _tandem_diagram_page_update_actions (self);
}

/**
 * tandem_diagram_page_set_settings:
 * @self: a diagram page
 * @settings: (nullable): the application's settings (who added what is
 *   shown when "show-authorship" is on; "default-paper-size" for printing)
 *
 * Given by the window that holds the page, so that the page does not ask
 * the application for them.
 */
void
tandem_diagram_page_set_settings (TandemDiagramPage *self,
                                  GSettings         *settings)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_PAGE (self));

  if (self->settings == settings)
    return;
  if (self->settings)
    g_signal_handlers_disconnect_by_func (self->settings, authorship_changed_cb, self);
  g_set_object (&self->settings, settings);
  if (self->settings)
    g_signal_connect (self->settings, "changed::show-authorship", G_CALLBACK (authorship_changed_cb), self);
  relayout (self);
}

/**
 * tandem_diagram_page_get_canvas:
 * @self: a diagram page
 *
 * Returns: (transfer none): its canvas, for tests
 */
GtkWidget *
tandem_diagram_page_get_canvas (TandemDiagramPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  return GTK_WIDGET (self->canvas);
}

/**
 * tandem_diagram_page_get_outline:
 * @self: a diagram page
 *
 * Returns: (transfer none): its outline list, for tests
 */
GtkWidget *
tandem_diagram_page_get_outline (TandemDiagramPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  return GTK_WIDGET (tandem_diagram_outline_get_list_view (self->outline));
}

/**
 * tandem_diagram_page_get_selected_id:
 * @self: a diagram page
 *
 * Returns: (nullable): the selected node's id
 */
const char *
tandem_diagram_page_get_selected_id (TandemDiagramPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  return self->selected_id;
}

/**
 * tandem_diagram_page_select:
 * @self: a diagram page
 * @node_id: (nullable): a node of the shown diagram
 *
 * Selects a node in the canvas, the outline and the details.
 */
void
tandem_diagram_page_select (TandemDiagramPage *self,
                            const char        *node_id)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_PAGE (self));
  _tandem_diagram_page_select_id (self, node_id, NULL, FALSE);
}

/**
 * tandem_diagram_page_get_diagram_id:
 * @self: a diagram page
 *
 * Returns: (nullable): the shown diagram's id
 */
const char *
tandem_diagram_page_get_diagram_id (TandemDiagramPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  return self->diagram_id;
}

/**
 * tandem_diagram_page_show_outline:
 * @self: a diagram page
 * @outline: %TRUE for the outline, %FALSE for the canvas
 */
void
tandem_diagram_page_show_outline (TandemDiagramPage *self,
                                  gboolean           outline)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_PAGE (self));
  gtk_toggle_button_set_active (outline ? self->outline_toggle : self->canvas_toggle, TRUE);
}

/**
 * tandem_diagram_page_dup_outline_selection:
 * @self: a diagram page
 *
 * Returns: (transfer full) (nullable): the id of the node selected in the
 *   outline, for tests that check the outline and the canvas agree
 */
char *
tandem_diagram_page_dup_outline_selection (TandemDiagramPage *self)
{
  g_autoptr(TandemDiagramItem) item = NULL;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  if ((item = tandem_diagram_outline_dup_selected_item (self->outline)) == NULL)
    return NULL;
  return g_strdup (tandem_diagram_item_get_info (item)->id);
}
