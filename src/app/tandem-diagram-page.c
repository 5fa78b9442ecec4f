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

#include "tandem-application.h"
#include "tandem-clock.h"
#include "tandem-comments-panel.h"
#include "tandem-comments.h"
#include "tandem-date.h"
#include "tandem-date-entry.h"
#include "tandem-diagram-canvas.h"
#include "tandem-diagram-groups-window.h"
#include "tandem-diagram-item.h"
#include "tandem-diagram-layout.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram-page-private.h"
#include "tandem-enum-row.h"
#include "tandem-legibility.h"
#include "tandem-person-chooser.h"
#include "tandem-plain-text.h"
#include "tandem-print.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

/* ------------------------------------------------------------------------ */
/* The page                                                                 */

G_DEFINE_FINAL_TYPE (TandemDiagramPage, tandem_diagram_page, TANDEM_TYPE_PAGE)

static void update_details (TandemDiagramPage *self);
static void tandem_diagram_page_reload (TandemPage *page);
static void row_expanded_cb (GtkTreeListRow *row, GParamSpec *pspec, TandemDiagramPage *self);
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

static GtkWidget *
active_view (TandemDiagramPage *self)
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

static GListModel *
child_model_cb (gpointer item,
                gpointer user_data)
{
  TandemDiagramItem *it = item;
  const TandemDiagramNode *node = tandem_diagram_item_get_info (it);
  GListStore *store;

  /* Every branch can be unfolded here; whether it is, is the node's own
   * (saved) folding, the same on the canvas. */
  if (node->children->len == 0)
    return NULL;
  store = g_list_store_new (TANDEM_TYPE_DIAGRAM_ITEM);
  for (guint c = 0; c < node->children->len; c++)
    {
      g_autoptr(TandemDiagramItem) child = tandem_diagram_item_new (tandem_diagram_item_get_diagram (it),
                                                                    g_array_index (node->children, guint, c),
                                                                    tandem_diagram_item_get_node (it));
      g_list_store_append (store, child);
    }
  return G_LIST_MODEL (store);
}

static char *
describe_node (TandemDiagram           *diagram,
               const TandemDiagramNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char *kind = g_strdup (tandem_node_kind_label (node->kind));

  kind[0] = g_ascii_toupper (kind[0]);
  g_string_append_printf (text, "%s: %s", kind, node->title[0] ? node->title : _("(nothing written yet)"));
  g_free (kind);
  if (node->kind == TANDEM_NODE_CHANGE_IDEA)
    {
      g_string_append_printf (text, _(" — %s"), tandem_idea_status_label (node->status));
      for (guint t = 0; t < node->tags->len; t++)
        g_string_append_printf (text, t == 0 ? _("; equity focus: %s") : ", %s",
                                tandem_diagram_get_tag (diagram, g_array_index (node->tags, guint, t))->name);
    }
  if (node->group >= 0)
    g_string_append_printf (text, _(" (%s)"), tandem_diagram_get_group (diagram, node->group)->name);
  if (node->parents->len > 1)
    g_string_append_printf (text, ngettext (" — also under %u other", " — also under %u others",
                                            node->parents->len - 1), node->parents->len - 1);
  if (node->collapsed && node->children->len > 0)
    g_string_append_printf (text, ngettext (" — folded, %u item hidden", " — folded, %u items hidden",
                                            node->children->len), node->children->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  TandemDiagramPage *page;
  char              *id;
  gboolean           collapsed;
} FoldLater;

static gboolean
fold_later_cb (gpointer data)
{
  FoldLater *later = data;
  g_autoptr(GError) error = NULL;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (later->page));

  if (project && tandem_page_get_editable (TANDEM_PAGE (later->page)) &&
      !tandem_diagram_set_collapsed (project, later->id, later->collapsed, &error))
    show_error (later->page, _("Could Not Fold the Branch"), error);
  else if (project && !tandem_page_get_editable (TANDEM_PAGE (later->page)))
    tandem_diagram_page_reload (TANDEM_PAGE (later->page));
  g_object_unref (later->page);
  g_free (later->id);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/* Unfolding or folding a row (its expander, or the list's keys) folds the
 * node itself, so the canvas follows. It is saved after the list has
 * finished with the row, since saving rebuilds the outline. */
static void
row_expanded_cb (GtkTreeListRow    *row,
                 GParamSpec        *pspec,
                 TandemDiagramPage *self)
{
  g_autoptr(TandemDiagramItem) item = gtk_tree_list_row_get_item (row);
  const TandemDiagramNode *node;
  FoldLater *later;

  if (self->reloading || item == NULL || tandem_diagram_item_get_diagram (item) != self->diagram)
    return;
  node = tandem_diagram_item_get_info (item);
  if (gtk_tree_list_row_get_expanded (row) == !node->collapsed)
    return;
  later = g_new0 (FoldLater, 1);
  later->page = g_object_ref (self);
  later->id = g_strdup (node->id);
  later->collapsed = !gtk_tree_list_row_get_expanded (row);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, fold_later_cb, later, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  TandemDiagramItem *item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = describe_node (tandem_diagram_item_get_diagram (item), tandem_diagram_item_get_info (item));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))), text);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (row_expanded_cb), user_data);
  g_object_unref (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  if (row)
    g_signal_handlers_disconnect_by_func (row, row_expanded_cb, user_data);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

static TandemDiagramItem *
outline_item_at (TandemDiagramPage *self,
                 guint              position)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->tree == NULL)
    return NULL;
  row = gtk_tree_list_model_get_row (self->tree, position);
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static guint
outline_find (TandemDiagramPage *self,
              const char        *id,
              const char        *parent)
{
  guint n, fallback = GTK_INVALID_LIST_POSITION;
  int node, parent_node;

  if (self->tree == NULL || self->diagram == NULL ||
      (node = tandem_diagram_find_node (self->diagram, id)) < 0)
    return GTK_INVALID_LIST_POSITION;
  parent_node = tandem_diagram_find_node (self->diagram, parent);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemDiagramItem) item = outline_item_at (self, i);

      if (item && (int) tandem_diagram_item_get_node (item) == node)
        {
          if (parent_node < 0 || tandem_diagram_item_get_parent (item) == parent_node)
            return i;
          if (fallback == GTK_INVALID_LIST_POSITION)
            fallback = i;
        }
    }
  return fallback;
}

static void
outline_selected_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     TandemDiagramPage  *self)
{
  g_autoptr(TandemDiagramItem) item = NULL;
  guint position = gtk_single_selection_get_selected (selection);
  const TandemDiagramNode *node;
  const char *parent = NULL;

  if (self->reloading || position == GTK_INVALID_LIST_POSITION ||
      (item = outline_item_at (self, position)) == NULL)
    return;
  node = tandem_diagram_item_get_info (item);
  if (tandem_diagram_item_get_parent (item) >= 0)
    parent = tandem_diagram_get_node (tandem_diagram_item_get_diagram (item),
                                      tandem_diagram_item_get_parent (item))->id;
  if (g_strcmp0 (node->id, self->selected_id) == 0 && g_strcmp0 (parent, self->selected_parent) == 0)
    return;
  _tandem_diagram_page_select_id (self, node->id, parent, FALSE);
}

static void
rebuild_outline (TandemDiagramPage *self)
{
  g_autoptr(GListStore) roots = g_list_store_new (TANDEM_TYPE_DIAGRAM_ITEM);
  GArray *root_nodes;

  if (self->diagram)
    {
      root_nodes = tandem_diagram_get_roots (self->diagram);
      for (guint i = 0; i < root_nodes->len; i++)
        {
          g_autoptr(TandemDiagramItem) item = tandem_diagram_item_new (self->diagram,
                                                                       g_array_index (root_nodes, guint, i), -1);
          g_list_store_append (roots, item);
        }
    }
  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                        child_model_cb, NULL, NULL);
  /* Unfold what is unfolded on the canvas; rows appear below as it goes. */
  for (guint i = 0; self->diagram && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(TandemDiagramItem) item = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (item && !tandem_diagram_item_get_info (item)->collapsed &&
          gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
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
  guint position;

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
  position = outline_find (self, self->selected_id, self->selected_parent);
  if (position != GTK_INVALID_LIST_POSITION &&
      position != gtk_single_selection_get_selected (self->selection))
    {
      gboolean was = self->reloading;

      self->reloading = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->reloading = was;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    /* Also moves the list's keyboard focus to the row (GTK 4.8). */
    gtk_widget_activate_action (GTK_WIDGET (self->outline), "list.scroll-to-item", "u", position);
  if (focus_view)
    gtk_widget_grab_focus (active_view (self));
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
panel_changed_cb (TandemCommentsPanel *panel,
                  TandemDiagramPage   *self)
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
  rebuild_outline (self);
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

/* ------------------------------------------------------------------------ */
/* Editing words in place                                                   */

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
  self->edit_return = active_view (self);
  gtk_label_set_text (self->edit_heading, heading);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_entry),
                         initial ? initial : mode == EDIT_RENAME ? node->title : "");

  /* In place: just under the box on the canvas, or under the row in the outline. */
  {
    GtkWidget *overlay = GTK_WIDGET (self->view_overlay);
    int width = gtk_widget_get_width (overlay), height = gtk_widget_get_height (overlay);
    graphene_point_t p = GRAPHENE_POINT_INIT (width / 4.0, height / 4.0);
    int box_width;

    if (!outline_shown (self))
      tandem_diagram_canvas_set_selected (self->canvas, tandem_diagram_find_node (self->diagram, node->id));
    if (!outline_shown (self) &&
        tandem_diagram_canvas_get_node_rect (self->canvas, tandem_diagram_find_node (self->diagram, node->id), &rect) &&
        gtk_widget_translate_coordinates (GTK_WIDGET (self->canvas), overlay, rect.x, rect.y + rect.height + 4, &x, &y))
      p = GRAPHENE_POINT_INIT (x, y);
    else
      {
        GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->outline));

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
          show_error (self, _("Someone Else Changed These Words"), error);
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
      show_error (self, _("Could Not Save the Words"), error);
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
    show_error (self, _("Could Not Move the Item"), error);
  _tandem_diagram_page_select_id (self, id, new_parent, TRUE);
}

static void
node_activated_cb (TandemDiagramCanvas *canvas,
                   int                  node,
                   TandemDiagramPage   *self)
{
  _tandem_diagram_page_open_editor (self, EDIT_RENAME, NULL);
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

/* After a save from the details pane failed: a conflict is reported (what
 * was typed is kept in it) and the editor shows the value that stands. */
static void
details_save_failed (TandemDiagramPage *self,
                     GtkWidget         *editor,
                     const char        *id,
                     const char        *field,
                     const GError      *error)
{
  if (tandem_shown_field_take_conflict (TANDEM_PAGE (self), editor, id, field, error))
    update_details (self);
  else
    show_error (self, _("Could Not Save the Change"), error);
}

/* A detail typed in @editor, checked against what it showed: another
 * program's change to the same detail is kept, not written over. */
static void
set_field (TandemDiagramPage *self,
           GtkWidget         *editor,
           const char        *field,
           const char        *value)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->filling_details || id == NULL)
    return;
  if (tandem_diagram_set_field (project, id, field, tandem_shown_field_get_stored (editor), value,
                                &error))
    tandem_shown_field_saved (editor, project);
  else
    details_save_failed (self, editor, id, field, error);
}

/* A choice from a drop-down is saved once the drop-down has finished with
 * it: saving rebuilds the details, drop-down and all. */
typedef enum
{
  LATER_NODE,
  LATER_PDSA,
} LaterKind;

typedef struct
{
  TandemDiagramPage *page;
  LaterKind          kind;
  char              *id;
  const char        *field;     /* interned */
  char              *value;
  char              *shown;     /* what the drop-down showed, as stored */
} SetLater;

static gboolean
set_later_cb (gpointer data)
{
  SetLater *later = data;
  TandemDiagramPage *self = later->page;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (project && tandem_page_get_editable (TANDEM_PAGE (self)))
    switch (later->kind)
      {
      case LATER_PDSA:
        ok = tandem_diagram_set_pdsa_field (project, later->id, later->field, later->shown,
                                            later->value, &error);
        break;
      case LATER_NODE:
      default:
        ok = tandem_diagram_set_field (project, later->id, later->field, later->shown,
                                       later->value, &error);
        break;
      }
  if (!ok)
    details_save_failed (self, NULL, later->id, later->field, error);
  g_object_unref (later->page);
  g_free (later->id);
  g_free (later->shown);
  g_free (later->value);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
set_later (TandemDiagramPage *self,
           LaterKind          kind,
           const char        *id,
           const char        *field,
           const char        *value,
           GtkWidget         *editor)
{
  SetLater *later = g_new0 (SetLater, 1);

  later->shown = editor ? g_strdup (tandem_shown_field_get_stored (editor)) : NULL;
  later->page = g_object_ref (self);
  later->kind = kind;
  later->id = g_strdup (id);
  later->field = g_intern_string (field);
  later->value = g_strdup (value);
  /* Ahead of drawing: at the default idle priority a busy frame clock (a
   * slow machine, an animation) can hold the save back for seconds. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_later_cb, later, NULL);
}

/* What an editor in the details changes, carried by its signal handler:
 * a PDSA cycle's or the node's field, or the tag, person, measure or parent
 * it pairs the node with. */
typedef struct
{
  TandemDiagramPage *page;
  char              *id;
  const char        *field;    /* interned */
  GPtrArray         *values;   /* a drop-down's stored words, or NULL */
} Target;

static void
target_free (gpointer  data,
             GClosure *closure)
{
  Target *target = data;

  g_free (target->id);
  g_clear_pointer (&target->values, g_ptr_array_unref);
  g_free (target);
}

static void
connect_target (gpointer           widget,
                const char        *signal,
                GCallback          callback,
                TandemDiagramPage *self,
                const char        *id,
                const char        *field,
                GPtrArray         *values)   /* taken */
{
  Target *target = g_new0 (Target, 1);

  target->page = self;
  target->id = g_strdup (id);
  target->field = field ? g_intern_string (field) : NULL;
  target->values = values;
  g_signal_connect_data (widget, signal, callback, target, target_free, 0);
}

static void
combo_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Target      *target)
{
  TandemDiagramPage *self = target->page;
  guint selected = adw_combo_row_get_selected (row);

  if (selected < target->values->len && !self->filling_details && self->selected_id)
    set_later (self, LATER_NODE, self->selected_id, target->field, target->values->pdata[selected],
               GTK_WIDGET (row));
}

static GtkWidget *
combo_row (TandemDiagramPage *self,
           const char        *title,
           const char        *field,
           GPtrArray         *labels,     /* NULL-terminated; taken */
           GPtrArray         *values,     /* taken; NULL entries clear the field */
           const char        *current)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) labels->pdata);
  guint selected = 0;

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (values->pdata[i], current) == 0)
      selected = i;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, field);
  /* What it shows is this page's copy of the node, which another program
   * may have changed since: a choice is checked against the copy. */
  tandem_shown_field_remember_value (row, TANDEM_ENTITY_NODE, self->selected_id, field, current);
  connect_target (row, "notify::selected", G_CALLBACK (combo_changed_cb), self, NULL, field, values);
  g_ptr_array_unref (labels);
  return row;
}

static void
tag_toggled_cb (GtkCheckButton *check,
                Target         *target)
{
  TandemDiagramPage *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->filling_details || id == NULL)
    return;
  if (!tandem_diagram_set_tag (tandem_page_get_project (TANDEM_PAGE (self)), id,
                               target->id,
                               gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Change the Tag"), error);
}

static void
coproducer_toggled_cb (GtkCheckButton *check,
                       Target         *target)
{
  TandemDiagramPage *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->filling_details || id == NULL)
    return;
  if (!tandem_diagram_set_coproducer (tandem_page_get_project (TANDEM_PAGE (self)), id,
                                      target->id,
                                      gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Change Who Co-produced It"), error);
}

/* Someone chosen (or added to the team by the chooser) as having proposed
 * the selected change idea. */
static void
proposed_by_chosen_cb (TandemPersonChooser *chooser,
                       const char          *person_id,
                       TandemDiagramPage   *self)
{
  set_field (self, GTK_WIDGET (chooser), TANDEM_FIELD_NODE_PROPOSED_BY, person_id);
}

static void
coproducer_chosen_cb (TandemPersonChooser *chooser,
                      const char          *person_id,
                      TandemDiagramPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->filling_details || id == NULL || person_id == NULL)
    return;
  if (!tandem_diagram_set_coproducer (tandem_page_get_project (TANDEM_PAGE (self)), id, person_id,
                                      TRUE, &error))
    show_error (self, _("Could Not Change Who Co-produced It"), error);
}

static void
measure_toggled_cb (GtkCheckButton *check,
                    Target         *target)
{
  TandemDiagramPage *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (self->filling_details || id == NULL)
    return;
  if (!tandem_diagram_set_measure_link (tandem_page_get_project (TANDEM_PAGE (self)), id,
                                        target->id,
                                        gtk_check_button_get_active (check), &error))
    show_error (self, _("Could Not Link the Measure"), error);
}

/* A check box that pairs the selected node with a tag, a person or a measure. */
static GtkWidget *
pair_check (TandemDiagramPage *self,
            const char        *label,
            const char        *name,
            const char        *kind,
            const char        *other_id,
            gboolean           on,
            GCallback          toggled)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
  gtk_widget_set_sensitive (check, tandem_page_get_editable (TANDEM_PAGE (self)));
  gtk_widget_set_name (check, name);
  connect_target (check, "toggled", toggled, self, other_id, NULL, NULL);
  return check;
}

static void
entry_applied_cb (AdwEntryRow *row,
                  Target      *target)
{
  set_field (target->page, GTK_WIDGET (row), target->field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
entry_row (TandemDiagramPage *self,
           const char        *title,
           const char        *field,
           const char        *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  /* The page's copy of the node: a save is checked against what it shows. */
  tandem_shown_field_fill_value (row, TANDEM_ENTITY_NODE, self->selected_id, field, value, value);
  gtk_widget_set_name (row, field);
  connect_target (row, "apply", G_CALLBACK (entry_applied_cb), self, NULL, field, NULL);
  return row;
}

/* A time from the change log, in the person's time zone. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) at = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
  char *text;

  if (iso == NULL)
    return NULL;
  if (local == NULL)
    return g_strdup (iso);
  text = g_date_time_format (local, "%e %b %Y %H:%M");
  return g_strstrip (text);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* People's words, not markup: "Patients & carers" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
unlink_clicked_cb (GtkButton *button,
                   Target    *target)
{
  TandemDiagramPage *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_id);

  if (!tandem_diagram_unlink (tandem_page_get_project (TANDEM_PAGE (self)),
                              target->id, id, &error))
    show_error (self, _("Could Not Remove the Link"), error);
  _tandem_diagram_page_select_id (self, id, NULL, FALSE);
}

static void
pdsa_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  GtkEditable **entries = self->pdsa_entries;
  g_autofree char *node = g_steal_pointer (&self->pdsa_node);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!g_str_equal (response, "add"))
    return;
  /* The cycle and its plan are one change, so one undo takes them away. */
  id = tandem_diagram_plan_pdsa (project, node, gtk_editable_get_text (entries[0]),
                                 gtk_editable_get_text (entries[1]), gtk_editable_get_text (entries[2]),
                                 gtk_editable_get_text (entries[3]), &error);
  if (id == NULL)
    {
      show_error (self, _("Could Not Add the PDSA Cycle"), error);
      return;
    }
  g_free (self->expanded_pdsa);
  self->expanded_pdsa = g_steal_pointer (&id);
  update_details (self);
}

static void
add_pdsa_clicked_cb (GtkButton         *button,
                     TandemDiagramPage *self)
{
  static const char * const labels[] = {
    N_("Name of the test"), N_("Started on (YYYY-MM-DD, empty for today)"),
    N_("Plan: what we want to find out"), N_("Plan: what we predict will happen"),
  };
  AdwMessageDialog *dialog =
    _tandem_diagram_page_message_dialog (self, _("New PDSA Cycle"),
                                         _("Plan a small test of this change idea. What happened, what "
                                           "you learned and what you decided can be added as you go."),
                                         "add", _("_Add"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEditable **entries = self->pdsa_entries;

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (self->pdsa_entries));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _(labels[i]), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry);
      entries[i] = GTK_EDITABLE (entry);
    }
  gtk_editable_set_text (entries[0], _("First small test"));
  adw_message_dialog_set_extra_child (dialog, box);
  g_free (self->pdsa_node);
  self->pdsa_node = g_strdup (self->selected_id);
  g_signal_connect (dialog, "response", G_CALLBACK (pdsa_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
group (const char *title)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  return g;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static void
pdsa_entry_applied_cb (AdwEntryRow *row,
                       Target      *target)
{
  TandemDiagramPage *self = target->page;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *pdsa = g_strdup (target->id);
  const char *field = target->field;

  if (self->filling_details)
    return;
  if (tandem_diagram_set_pdsa_field (project, pdsa, field,
                                     tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), project);
  else
    details_save_failed (self, GTK_WIDGET (row), pdsa, field, error);
}

static void
pdsa_decision_changed_cb (AdwComboRow *row,
                          GParamSpec  *pspec,
                          Target      *target)
{
  TandemDiagramPage *self = target->page;
  TandemValue word = tandem_enum_row_get_word (row, TANDEM_TYPE_ACT_DECISION, TANDEM_ACT_DECISION_NONE);

  if (self->filling_details || tandem_enum_row_get_value (row) < 0)
    return;
  set_later (self, LATER_PDSA, target->id, "act_decision", word.s, GTK_WIDGET (row));
}

static void
pdsa_delete_clicked_cb (GtkButton *button,
                        Target    *target)
{
  TandemDiagramPage *self = target->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdsa = g_strdup (target->id);   /* the button goes with the reload */

  if (!tandem_diagram_delete_pdsa (tandem_page_get_project (TANDEM_PAGE (self)), pdsa, &error))
    show_error (self, _("Could Not Delete the PDSA Cycle"), error);
  else
    tandem_page_show_toast (TANDEM_PAGE (self), _("Deleted the PDSA cycle"), TRUE);
}

static void
pdsa_expanded_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  Target         *target)
{
  TandemDiagramPage *self = target->page;

  if (self->filling_details)
    return;
  g_free (self->expanded_pdsa);
  self->expanded_pdsa = adw_expander_row_get_expanded (row)
                        ? g_strdup (target->id) : NULL;
}

/* One PDSA cycle, folded to its name and dates; unfolded, every part of it
 * to edit: plan, do, study, act. */
static GtkWidget *
pdsa_row (TandemDiagramPage *self,
          TandemPdsaSummary *cycle)
{
  static const struct { const char *field; const char *title; } parts[] = {
    { "title", N_("Name of the test") },
    { "started_on", N_("Started on") },
    { "ended_on", N_("Ended on") },
    { "plan_objective", N_("Plan: what we want to find out") },
    { "plan_questions", N_("Plan: our questions") },
    { "plan_predictions", N_("Plan: what we predict will happen") },
    { "plan_logistics", N_("Plan: who, what, when, where") },
    { "do_notes", N_("Do: what happened") },
    { "study_notes", N_("Study: what we learned, against the predictions") },
    { "act_notes", N_("Act: the next step or cycle") },
  };
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *decision, *remove;
  g_autofree char *when = NULL;
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *name = g_strdup_printf ("pdsa:%s", cycle->id);
  int selected = TANDEM_ACT_DECISION_NONE;

  tandem_stored_enum_from_word (TANDEM_TYPE_ACT_DECISION, cycle->act_decision, &selected);
  started = tandem_describe_date (cycle->started_on);
  ended = tandem_describe_date (cycle->ended_on);
  when = g_strdup_printf ("%s%s%s%s%s", started ? started : "", ended ? " – " : "",
                          ended ? ended : "",
                          selected ? _(" · decided: ") : "",
                          selected == TANDEM_ACT_DECISION_ADOPT ? _("adopt")
                          : selected == TANDEM_ACT_DECISION_ADAPT ? _("adapt")
                          : selected == TANDEM_ACT_DECISION_ABANDON ? _("abandon") : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cycle->title && *cycle->title ? cycle->title : _("Untitled test"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);
  gtk_widget_set_name (row, name);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_strcmp0 (self->expanded_pdsa, cycle->id) == 0);
  connect_target (row, "notify::expanded", G_CALLBACK (pdsa_expanded_cb), self, cycle->id, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      g_autofree char *value = tandem_project_get_text (project, TANDEM_ENTITY_PDSA_CYCLE,
                                                        cycle->id, parts[i].field);
      g_autofree char *entry_name = g_strdup_printf ("pdsa:%s:%s", cycle->id, parts[i].field);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(parts[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      tandem_shown_field_fill (entry, project, TANDEM_ENTITY_PDSA_CYCLE, cycle->id, parts[i].field,
                               value);
      gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
      gtk_widget_set_name (entry, entry_name);
      connect_target (entry, "apply", G_CALLBACK (pdsa_entry_applied_cb), self, cycle->id, parts[i].field, NULL);
      /* Dates typed day first or year-month-day, or chosen on a calendar. */
      if (g_str_has_suffix (parts[i].field, "_on") && editable)
        tandem_date_row_add_calendar (ADW_ENTRY_ROW (entry), TRUE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
      if (g_str_equal (parts[i].field, "study_notes"))
        {
          g_autofree char *decision_name = g_strdup_printf ("pdsa:%s:act_decision", cycle->id);

          decision = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision), _("Act: adopt, adapt or abandon"));
          tandem_enum_row_set_model (ADW_COMBO_ROW (decision), TANDEM_TYPE_ACT_DECISION,
                                     TANDEM_ENUM_LABEL_FUNC (tandem_act_decision_get_label));
          tandem_enum_row_set_value (ADW_COMBO_ROW (decision), selected);
          gtk_widget_set_sensitive (decision, editable);
          gtk_widget_set_name (decision, decision_name);
          tandem_shown_field_remember_value (decision, TANDEM_ENTITY_PDSA_CYCLE, cycle->id,
                                             TANDEM_FIELD_PDSA_CYCLE_ACT_DECISION,
                                             cycle->act_decision);
          connect_target (decision, "notify::selected", G_CALLBACK (pdsa_decision_changed_cb), self, cycle->id,
                          NULL, NULL);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), decision);
        }
    }
  remove = gtk_button_new_with_mnemonic (_("_Delete This Cycle"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_halign (remove, GTK_ALIGN_START);
  gtk_widget_set_margin_top (remove, 6);
  gtk_widget_set_margin_bottom (remove, 6);
  gtk_widget_set_margin_start (remove, 12);
  gtk_widget_set_sensitive (remove, editable);
  connect_target (remove, "clicked", G_CALLBACK (pdsa_delete_clicked_cb), self, cycle->id, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove);
  return row;
}

static void
fill_change_idea (TandemDiagramPage       *self,
                  const TandemDiagramNode *node,
                  GtkWidget               *details)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GPtrArray) coproducers = tandem_diagram_list_coproducers (project, node->id);
  g_autoptr(GPtrArray) pdsa = tandem_diagram_list_pdsa (project, node->id);
  GPtrArray *labels, *values;
  GtkWidget *tags, *cycles, *credit, *button, *chooser;

  labels = g_ptr_array_new ();
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 1; s < TANDEM_N_IDEA_STATUSES; s++)
    {
      g_ptr_array_add (labels, (gpointer) tandem_idea_status_label (s));
      g_ptr_array_add (values, g_strdup (tandem_idea_status_to_string (s)));
    }
  g_ptr_array_add (labels, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             combo_row (self, _("Status"), "status", labels, values,
                                        tandem_idea_status_to_string (node->status)));

  labels = g_ptr_array_new ();
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < TANDEM_N_COPRODUCTION_LEVELS; l++)
    {
      g_ptr_array_add (labels, (gpointer) tandem_coproduction_label (l));
      g_ptr_array_add (values, g_strdup (tandem_coproduction_to_string (l)));
    }
  g_ptr_array_add (labels, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             combo_row (self, _("Co-production level"), "coproduction_level", labels, values,
                                        tandem_coproduction_to_string (node->level)));

  chooser = tandem_person_chooser_new (_("Proposed by"), TRUE);
  tandem_person_chooser_set_team (TANDEM_PERSON_CHOOSER (chooser), project,
                                  tandem_diagram_get_team_id (self->diagram));
  tandem_person_chooser_set_person_id (TANDEM_PERSON_CHOOSER (chooser), node->proposed_by);
  gtk_widget_set_name (chooser, "proposed_by");
  gtk_widget_set_sensitive (chooser, tandem_page_get_editable (TANDEM_PAGE (self)));
  gtk_widget_set_margin_top (chooser, 12);
  /* What it shows is this page's copy of the node: a choice is checked
   * against the copy. */
  tandem_shown_field_remember_value (chooser, TANDEM_ENTITY_NODE, self->selected_id,
                                     TANDEM_FIELD_NODE_PROPOSED_BY, node->proposed_by);
  g_signal_connect (chooser, "person-chosen", G_CALLBACK (proposed_by_chosen_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), chooser);

  /* Those credited, each unticked to take the credit back; anyone else is
   * found by typing their name. */
  credit = group (_("Co-produced with"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (credit),
                                         _("Everyone who shaped this change idea, staff and lived-experience partners alike."));
  for (guint c = 0; c < coproducers->len; c++)
    {
      TandemNamedItem *person = coproducers->pdata[c];
      g_autofree char *name = g_strdup_printf ("coproducer:%s", person->id);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (credit),
                                 pair_check (self, person->name, name, TANDEM_ENTITY_PERSON,
                                             person->id, TRUE, G_CALLBACK (coproducer_toggled_cb)));
    }
  chooser = tandem_person_chooser_new (_("Add someone who co-produced it"), FALSE);
  tandem_person_chooser_set_team (TANDEM_PERSON_CHOOSER (chooser), project,
                                  tandem_diagram_get_team_id (self->diagram));
  gtk_widget_set_name (chooser, "coproducer-chooser");
  gtk_widget_set_sensitive (chooser, tandem_page_get_editable (TANDEM_PAGE (self)));
  gtk_widget_set_margin_top (chooser, 6);
  g_signal_connect (chooser, "person-chosen", G_CALLBACK (coproducer_chosen_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (credit), chooser);
  gtk_box_append (self->details_box, credit);

  tags = group (_("Equity focus"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (tags),
                                         _("Who this change idea is meant to make things fairer for."));
  for (guint t = 0; t < tandem_diagram_get_n_tags (self->diagram); t++)
    {
      const TandemDiagramTag *tag = tandem_diagram_get_tag (self->diagram, t);
      gboolean on = FALSE;
      g_autofree char *name = g_strdup_printf ("tag:%s", tag->id);

      for (guint i = 0; i < node->tags->len; i++)
        on |= g_array_index (node->tags, guint, i) == t;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (tags),
                                 pair_check (self, tag->name, name, "tag", tag->id, on, G_CALLBACK (tag_toggled_cb)));
    }
  gtk_box_append (self->details_box, tags);

  cycles = group (_("PDSA cycles"));
  for (guint c = 0; c < pdsa->len; c++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (cycles), pdsa_row (self, pdsa->pdata[c]));
  button = gtk_button_new_with_mnemonic (_("Add _PDSA Cycle…"));
  gtk_widget_set_name (button, "add-pdsa");
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_sensitive (button, tandem_page_get_editable (TANDEM_PAGE (self)));
  g_signal_connect (button, "clicked", G_CALLBACK (add_pdsa_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (cycles), button);
  gtk_box_append (self->details_box, cycles);
}

static void
update_details (TandemDiagramPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const TandemDiagramNode *node = _tandem_diagram_page_selected_node (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  GtkWidget *child, *details, *title, *kind_label, *button;
  g_autofree char *kind = NULL;
  g_autoptr(GHashTable) typing = NULL;
  int cursor = -1;

  /* Keep the keyboard focus on the same control when the pane is rebuilt. */
  for (GtkWidget *w = focus; w && w != GTK_WIDGET (self->details_box); w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == NULL)
      {
        focus = NULL;
        break;
      }
  if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->details_box)))
    for (GtkWidget *w = focus; w && w != GTK_WIDGET (self->details_box) && focus_name == NULL;
         w = gtk_widget_get_parent (w))
      if (g_strcmp0 (gtk_widget_get_name (w), G_OBJECT_TYPE_NAME (w)) != 0)
        focus_name = g_strdup (gtk_widget_get_name (w));

  /* What is being typed survives the rebuild, with where the cursor was. */
  typing = tandem_shown_field_save_typing (GTK_WIDGET (self->details_box));
  if (focus_name && GTK_IS_EDITABLE (focus))
    cursor = gtk_editable_get_position (GTK_EDITABLE (focus));

  self->filling_details = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))))
    gtk_box_remove (self->details_box, child);

  if (node == NULL || project == NULL)
    {
      GtkWidget *hint = gtk_label_new (_("Select an item to see its details."));
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (self->details_box, hint);
      self->filling_details = FALSE;
      return;
    }

  kind = g_strdup (tandem_node_kind_label (node->kind));
  kind[0] = g_ascii_toupper (kind[0]);
  kind_label = gtk_label_new (kind);
  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_widget_add_css_class (kind_label, "heading");
  gtk_box_append (self->details_box, kind_label);
  title = gtk_label_new (node->title[0] ? node->title : _("(nothing written yet)"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_box_append (self->details_box, title);
  button = gtk_button_new_with_mnemonic (_("_Edit Words (F2)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagram.edit");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_name (button, "edit-words");
  gtk_box_append (self->details_box, button);

  details = group (_("Details"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                             entry_row (self, _("Description"), "description", node->description));
  if (node->kind == TANDEM_NODE_AIM)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), entry_row (self, _("What"), "aim_what", node->aim_what));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), entry_row (self, _("For whom"), "aim_who", node->aim_who));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 entry_row (self, _("How much"), "aim_how_much", node->aim_how_much));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 entry_row (self, _("By when"), "aim_by_when", node->aim_by_when));
    }
  if (node->kind == TANDEM_NODE_PRIMARY && tandem_diagram_get_n_groups (self->diagram) > 0)
    {
      GPtrArray *labels = g_ptr_array_new ();
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (labels, (gpointer) _("No group"));
      g_ptr_array_add (values, NULL);
      for (guint g = 0; g < tandem_diagram_get_n_groups (self->diagram); g++)
        {
          g_ptr_array_add (labels, tandem_diagram_get_group (self->diagram, g)->name);
          g_ptr_array_add (values, g_strdup (tandem_diagram_get_group (self->diagram, g)->id));
        }
      g_ptr_array_add (labels, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (details),
                                 combo_row (self, _("Group"), "group_id", labels, values,
                                            node->group >= 0 ? tandem_diagram_get_group (self->diagram, node->group)->id : NULL));
    }
  gtk_box_append (self->details_box, details);
  if (node->kind == TANDEM_NODE_CHANGE_IDEA)
    fill_change_idea (self, node, details);

  if (node->parents->len > 0)
    {
      GtkWidget *links = group (_("Serves"));
      for (guint p = 0; p < node->parents->len; p++)
        {
          const TandemDiagramNode *parent = tandem_diagram_get_node (self->diagram, g_array_index (node->parents, guint, p));
          GtkWidget *row = text_row (parent->title, NULL);

          if (node->parents->len > 1 && tandem_page_get_editable (TANDEM_PAGE (self)))
            {
              GtkWidget *unlink = gtk_button_new_from_icon_name ("edit-delete-symbolic");
              g_autofree char *name = g_strdup_printf ("unlink:%s", parent->id);

              gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (unlink, _("Remove This Link"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Remove this link"), -1);
              gtk_widget_add_css_class (unlink, "flat");
              gtk_widget_set_name (unlink, name);
              connect_target (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self, parent->id, NULL, NULL);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (links), row);
        }
      button = gtk_button_new_with_mnemonic (_("Also _Link To…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagram.link");
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_name (button, "also-link");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (links), button);
      gtk_box_append (self->details_box, links);
    }

  {
    g_autoptr(GPtrArray) linked_now = tandem_diagram_list_measures (project, node->id);
    g_autoptr(GPtrArray) measures = tandem_project_list_ids (project, TANDEM_ENTITY_MEASURE,
                                                             TANDEM_FIELD_MEASURE_TEAM_ID,
                                                             tandem_diagram_get_team_id (self->diagram),
                                                             TANDEM_FIELD_MEASURE_POSITION);
    GtkWidget *linked = group (_("Linked measures"));

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (linked),
                                           measures->len > 0
                                           ? _("The measures that show whether this is making a difference.")
                                           : _("The team has no measures yet: add them in Measures."));
    for (guint m = 0; m < measures->len; m++)
      {
        const char *measure = measures->pdata[m];
        g_autofree char *measure_name = tandem_project_get_text (project, TANDEM_ENTITY_MEASURE,
                                                                 measure, TANDEM_FIELD_MEASURE_NAME);
        g_autofree char *name = g_strdup_printf ("measure:%s", measure);
        gboolean on = FALSE;

        for (guint l = 0; l < linked_now->len; l++)
          on |= g_strcmp0 (((TandemNamedItem *) linked_now->pdata[l])->id, measure) == 0;
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (linked),
                                   pair_check (self, measure_name ? measure_name : "", name,
                                               TANDEM_ENTITY_MEASURE,
                                               measure, on, G_CALLBACK (measure_toggled_cb)));
      }
    gtk_box_append (self->details_box, linked);
  }

  {
    g_autoptr(GPtrArray) history = tandem_diagram_node_history (project, node->id);
    g_autoptr(GHashTable) authorship = tandem_diagram_authorship (project, self->diagram_id);
    TandemAuthorship *credit = g_hash_table_lookup (authorship, node->id);
    GtkWidget *changes = group (_("History"));

    /* Who added it and who last changed it, before the whole story. */
    if (credit && credit->added_by)
      {
        g_autofree char *when = local_time (credit->added_at);
        GtkWidget *row = text_row (_("Added by"), NULL);
        g_autofree char *subtitle = g_strdup_printf ("%s%s%s", credit->added_by, when ? " · " : "",
                                                     when ? when : "");

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_widget_set_name (row, "added-by");
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), row);
      }
    {
      g_autofree char *when = credit ? local_time (credit->changed_at) : NULL;
      GtkWidget *row = text_row (_("Last changed by"), NULL);
      g_autofree char *subtitle = credit && credit->changed_by
                                  ? g_strdup_printf ("%s%s%s", credit->changed_by, when ? " · " : "",
                                                     when ? when : "")
                                  : g_strdup (_("Not changed since it was added"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "changed-by");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), row);
    }

    for (guint h = 0; h < history->len && h < 12; h++)
      {
        TandemHistoryEntry *entry = history->pdata[h];
        g_autofree char *when = local_time (entry->at);

        {
          g_autofree char *subtitle = g_strdup_printf ("%s%s%s", entry->author ? entry->author : "",
                                                       when ? " · " : "", when ? when : "");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (changes), text_row (entry->label, subtitle));
        }
      }
    gtk_box_append (self->details_box, changes);
  }

  gtk_box_append (self->details_box, self->comments_heading);
  gtk_box_append (self->details_box, self->comments_panel);
  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (self->comments_panel), project,
                                  TANDEM_ENTITY_NODE, node->id);
  tandem_shown_field_restore_typing (GTK_WIDGET (self->details_box), typing);
  self->filling_details = FALSE;

  if (focus_name)
    {
      GtkWidget *again = find_named (GTK_WIDGET (self->details_box), focus_name);
      if (again)
        {
          gtk_widget_grab_focus (again);
          /* Focusing selects everything: the next key would replace it. */
          if (cursor >= 0 && GTK_IS_EDITABLE (again))
            gtk_editable_set_position (GTK_EDITABLE (again), cursor);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Printing and exporting                                                   */

/* The layouts offered for printing and exporting: one page, or a poster. */
static const struct
{
  const char *id;
  guint       columns, rows;
  const char *label;
} poster_sizes[] = {
  { "one", 1, 1, N_("Whole diagram on one page") },
  { "2x1", 2, 1, N_("Poster, 2 pages side by side") },
  { "2x2", 2, 2, N_("Poster, 2 × 2 pages") },
  { "3x2", 3, 2, N_("Poster, 3 × 2 pages") },
  { "3x3", 3, 3, N_("Poster, 3 × 3 pages") },
};

typedef enum
{
  ORIENTATION_BEST,
  ORIENTATION_LANDSCAPE,
  ORIENTATION_PORTRAIT,
} Orientation;

static gboolean
authorship_shown (TandemDiagramPage *self)
{
  return self->settings && g_settings_get_boolean (self->settings, "show-authorship");
}

static TandemDiagramPages *
make_pages (TandemDiagramPage *self,
            guint              columns,
            guint              rows,
            gboolean           authorship)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autofree char *team = tandem_project_get_text (project, TANDEM_ENTITY_TEAM,
                                                   tandem_page_get_team_id (TANDEM_PAGE (self)),
                                                   TANDEM_FIELD_TEAM_NAME);
  g_autoptr(GDateTime) now = tandem_clock_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", team ? team : "", g_strstrip (date));
  g_autoptr(GHashTable) credits = authorship ? tandem_diagram_authorship (project, self->diagram_id) : NULL;
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new_full (self->diagram, NULL, credits);
  TandemDiagramPages *pages = tandem_diagram_pages_new (layout, tandem_diagram_get_name (self->diagram), subtitle,
                                                        columns, rows);

  /* On paper as on screen: high contrast when the system or the chart style asks. */
  tandem_diagram_pages_set_high_contrast (pages, tandem_legibility_get_high_contrast (GTK_WIDGET (self)));
  return pages;
}

/* Landscape or portrait: as asked, or whichever prints the diagram larger. */
static gboolean
choose_landscape (TandemDiagramPage *self,
                  TandemPaper        paper,
                  Orientation        orientation,
                  guint              columns,
                  guint              rows)
{
  g_autoptr(TandemDiagramLayout) layout = NULL;
  double width, height;

  if (orientation != ORIENTATION_BEST)
    return orientation == ORIENTATION_LANDSCAPE;
  layout = tandem_diagram_layout_new (self->diagram, NULL);
  tandem_paper_get_size (paper, FALSE, &width, &height);
  return tandem_diagram_pages_prefer_landscape (layout, width, height, columns, rows);
}

static TandemPaper
default_paper (TandemDiagramPage *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "default-paper-size") : NULL;
  TandemPaper paper = TANDEM_PAPER_A3;

  if (name && !tandem_paper_from_string (name, &paper))
    paper = TANDEM_PAPER_A3;
  return paper;
}

static GtkWidget *
choice_row (const char  *title,
            const char  *name,
            const char **labels,
            guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, name);
  return row;
}

static void
print_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   TandemDiagramPage *self)
{
  AdwComboRow *layout_row = g_steal_pointer (&self->print_layout);
  AdwComboRow *paper_row = g_steal_pointer (&self->print_paper);
  AdwComboRow *orientation_row = g_steal_pointer (&self->print_orientation);
  GtkSwitch *authorship = g_steal_pointer (&self->print_authorship);
  guint size = MIN (adw_combo_row_get_selected (layout_row), G_N_ELEMENTS (poster_sizes) - 1);
  TandemPaper paper = adw_combo_row_get_selected (paper_row) == 1 ? TANDEM_PAPER_A3 : TANDEM_PAPER_A4;
  Orientation orientation = MIN (adw_combo_row_get_selected (orientation_row), ORIENTATION_PORTRAIT);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TandemDiagramPages *pages;
  gboolean landscape;

  if (!g_str_equal (response, "print") || self->diagram == NULL)
    return;
  pages = make_pages (self, poster_sizes[size].columns, poster_sizes[size].rows,
                      gtk_switch_get_active (authorship));
  landscape = choose_landscape (self, paper, orientation, poster_sizes[size].columns, poster_sizes[size].rows);
  tandem_print_pages (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, tandem_diagram_get_name (self->diagram),
                      paper, landscape, tandem_diagram_pages_get_n_pages (pages), tandem_diagram_draw_page, pages,
                      (GDestroyNotify) tandem_diagram_pages_free, NULL);
}

static void
tandem_diagram_page_print (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  const char *sizes[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *papers[] = { "A4", "A3", NULL };
  const char *orientations[] = { _("Whichever prints it larger"), _("Landscape"), _("Portrait"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *list, *layout_row, *paper_row, *orientation_row, *authorship_row, *authorship;

  if (self->diagram == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    sizes[i] = _(poster_sizes[i].label);
  dialog = _tandem_diagram_page_message_dialog (self, _("Print the Diagram"),
                                                _("Fit the whole diagram on one page (A3 suggested), or print a "
                                                  "poster across several pages to trim and join. The next window "
                                                  "shows a preview."),
                                                "print", _("_Print…"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  layout_row = choice_row (_("Layout"), "print-layout", sizes, 0);
  paper_row = choice_row (_("Paper"), "print-paper", papers, default_paper (self) == TANDEM_PAPER_A3 ? 1 : 0);
  orientation_row = choice_row (_("Orientation"), "print-orientation", orientations, ORIENTATION_BEST);
  gtk_list_box_append (GTK_LIST_BOX (list), layout_row);
  gtk_list_box_append (GTK_LIST_BOX (list), paper_row);
  gtk_list_box_append (GTK_LIST_BOX (list), orientation_row);
  /* As on the canvas, by default (Preferences: "Show who added what"). */
  authorship_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (authorship_row), _("Show who added each item"));
  authorship = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (authorship), authorship_shown (self));
  gtk_widget_set_valign (authorship, GTK_ALIGN_CENTER);
  gtk_widget_set_name (authorship, "print-authorship");
  gtk_accessible_update_property (GTK_ACCESSIBLE (authorship), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show who added each item"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (authorship_row), authorship);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (authorship_row), authorship);
  gtk_list_box_append (GTK_LIST_BOX (list), authorship_row);
  adw_message_dialog_set_extra_child (dialog, list);
  self->print_authorship = GTK_SWITCH (authorship);
  self->print_layout = ADW_COMBO_ROW (layout_row);
  self->print_paper = ADW_COMBO_ROW (paper_row);
  self->print_orientation = ADW_COMBO_ROW (orientation_row);
  g_signal_connect (dialog, "response", G_CALLBACK (print_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tandem_diagram_page_export_to:
 * @self: a diagram page
 * @path: the file to write; .png or .svg for a picture, otherwise PDF
 * @layout: "one", "2x1", "2x2", "3x2" or "3x3"
 * @paper: A4 or A3
 * @orientation: "best", "landscape" or "portrait"
 * @error: return location for an error
 *
 * Exports the shown diagram, as the Export dialog does with its choices. A
 * PNG or SVG holds one page, so a poster is written as a PDF only.
 *
 * Returns: whether the file was written
 */
gboolean
tandem_diagram_page_export_to (TandemDiagramPage  *self,
                               const char         *path,
                               const char         *layout,
                               TandemPaper         paper,
                               const char         *orientation,
                               GError            **error)
{
  g_autoptr(TandemDiagramPages) pages = NULL;
  TandemExportFormat format = TANDEM_EXPORT_PDF;
  Orientation o = ORIENTATION_BEST;
  guint size = 0;
  double width, height;
  gboolean landscape;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), FALSE);
  if (self->diagram == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no diagram to export."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    if (g_strcmp0 (layout, poster_sizes[i].id) == 0)
      size = i;
  if (g_strcmp0 (orientation, "landscape") == 0)
    o = ORIENTATION_LANDSCAPE;
  else if (g_strcmp0 (orientation, "portrait") == 0)
    o = ORIENTATION_PORTRAIT;
  if (g_str_has_suffix (path, ".png"))
    format = TANDEM_EXPORT_PNG;
  else if (g_str_has_suffix (path, ".svg"))
    format = TANDEM_EXPORT_SVG;
  if (format != TANDEM_EXPORT_PDF)
    size = 0;   /* a PNG or SVG holds one page */
  pages = make_pages (self, poster_sizes[size].columns, poster_sizes[size].rows, authorship_shown (self));
  landscape = choose_landscape (self, paper, o, poster_sizes[size].columns, poster_sizes[size].rows);
  tandem_paper_get_size (paper, landscape, &width, &height);
  return tandem_export_pages (path, format, width, height, tandem_diagram_pages_get_n_pages (pages), 150,
                              tandem_diagram_draw_page, pages, error);
}

static void
export_response_cb (GtkNativeDialog   *dialog,
                    int                response,
                    TandemDiagramPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->diagram)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *layout = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "layout");
      const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "paper");
      const char *orientation = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "orientation");
      g_autoptr(GError) error = NULL;

      if (path && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".png") &&
          !g_str_has_suffix (path, ".svg"))
        {
          char *with_suffix = g_strconcat (path, ".pdf", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Tandem can only export to local folders."));
      if (error == NULL &&
          tandem_diagram_page_export_to (self, path, layout,
                                         g_strcmp0 (paper, "a4") == 0 ? TANDEM_PAPER_A4 : TANDEM_PAPER_A3,
                                         orientation, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
          tandem_page_show_toast (TANDEM_PAGE (self), title, FALSE);
        }
      else
        show_error (self, _("Could Not Export the Diagram"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
tandem_diagram_page_export (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *ids[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *paper_ids[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { "A4", "A3", NULL };
  const char *orientation_ids[] = { "best", "landscape", "portrait", NULL };
  const char *orientation_labels[] = { _("Whichever is larger"), _("Landscape"), _("Portrait"), NULL };
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->diagram == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    {
      ids[i] = poster_sizes[i].id;
      labels[i] = _(poster_sizes[i].label);
    }
  dialog = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.pdf", tandem_diagram_get_name (self->diagram));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* Translators: a poster has several pages, so only a PDF can hold it. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "layout", _("Layout (posters: PDF only)"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "layout", "one");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "paper", _("Paper"), paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "paper", default_paper (self) == TANDEM_PAPER_A3 ? "a3" : "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "orientation", _("Orientation"),
                               orientation_ids, orientation_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "orientation", "best");
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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
  if (self->comments_panel)
    tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (self->comments_panel), NULL,
                                    TANDEM_ENTITY_NODE, NULL);
  g_clear_object (&self->comments_panel);
  g_clear_object (&self->comments_heading);

  g_clear_object (&self->layout);
  g_clear_object (&self->diagram);
  g_clear_object (&self->tree);
  g_clear_object (&self->selection);
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
  g_free (self->expanded_pdsa);
  g_clear_pointer (&self->link_ids, g_ptr_array_unref);
  g_free (self->link_child);
  g_free (self->paste_parent);
  g_free (self->pdsa_node);
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
  page_class->print = tandem_diagram_page_print;
  page_class->export = tandem_diagram_page_export;

  g_type_ensure (TANDEM_TYPE_DIAGRAM_CANVAS);
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
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, view_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_box);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_heading);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramPage, edit_entry);

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
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (self->diagram_dropdown, "notify::selected", G_CALLBACK (diagram_selected_cb), self);
  /* The toolbar wraps in a flow box; its boxes are no Tab stops of their own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (outline_selected_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->outline, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->outline, GTK_SELECTION_MODEL (self->selection));

  /* The same keys in the outline (before the list's own) and on the canvas. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->outline), keys);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), keys);

  g_signal_connect (self->canvas, "selection-changed", G_CALLBACK (canvas_selection_changed_cb), self);
  g_signal_connect (self->canvas, "node-activated", G_CALLBACK (node_activated_cb), self);
  g_signal_connect (self->canvas, "node-dropped", G_CALLBACK (drop_cb), self);
  g_signal_connect (self->canvas_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  g_signal_connect (self->outline_toggle, "toggled", G_CALLBACK (view_toggled_cb), self);
  g_signal_connect (self->focus_toggle, "toggled", G_CALLBACK (focus_toggled_cb), self);

  g_signal_connect (self->edit_entry, "activate", G_CALLBACK (edit_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (edit_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->edit_entry), keys);
  self->comments_heading = g_object_ref_sink (gtk_label_new (_("Comments")));
  gtk_label_set_xalign (GTK_LABEL (self->comments_heading), 0);
  gtk_widget_add_css_class (self->comments_heading, "heading");
  self->comments_panel = g_object_ref_sink (tandem_comments_panel_new ());
  gtk_widget_set_name (self->comments_panel, "comments");
  g_signal_connect (self->comments_panel, "changed", G_CALLBACK (panel_changed_cb), self);
  {
    GApplication *app = g_application_get_default ();

    if (TANDEM_IS_APPLICATION (app) && tandem_application_get_settings (TANDEM_APPLICATION (app)))
      {
        self->settings = g_object_ref (tandem_application_get_settings (TANDEM_APPLICATION (app)));
        g_signal_connect (self->settings, "changed::show-authorship", G_CALLBACK (authorship_changed_cb), self);
      }
  }
  update_details (self);
  _tandem_diagram_page_update_actions (self);
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
  return GTK_WIDGET (self->outline);
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
  guint position;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), NULL);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION || (item = outline_item_at (self, position)) == NULL)
    return NULL;
  return g_strdup (tandem_diagram_item_get_info (item)->id);
}
