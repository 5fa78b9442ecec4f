/* tandem-diagram-outline.c — a driver diagram as an indented list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per place a node is listed (a node under two parents is two
 * rows), each unfolded as the node itself is: its folding is the node's
 * own, saved, the same as on the canvas. Folding or unfolding a row does
 * not change the diagram here: the outline says so ("node-folded") and the
 * page saves it, which reloads the diagram into the outline.
 */

#include "config.h"

#include "tandem-diagram-outline.h"

struct _TandemDiagramOutline
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkListView        *list_view;

  TandemDiagram      *diagram;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  gboolean            rebuilding;
  GPtrArray          *folds;          /* FoldRequest: rows folded, not yet said */
  guint               folds_source;
};

G_DEFINE_FINAL_TYPE (TandemDiagramOutline, tandem_diagram_outline, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DIAGRAM,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum
{
  NODE_FOLDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char     *id;
  gboolean  collapsed;
} FoldRequest;

static void
fold_request_free (gpointer data)
{
  FoldRequest *request = data;

  g_free (request->id);
  g_free (request);
}

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

static TandemDiagramItem *
item_at (TandemDiagramOutline *self,
         guint                 position)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->tree == NULL)
    return NULL;
  row = gtk_tree_list_model_get_row (self->tree, position);
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static gboolean
emit_folds_cb (gpointer data)
{
  TandemDiagramOutline *self = data;
  g_autoptr(GPtrArray) folds = g_steal_pointer (&self->folds);

  self->folds_source = 0;
  self->folds = g_ptr_array_new_with_free_func (fold_request_free);
  for (guint i = 0; i < folds->len; i++)
    {
      FoldRequest *request = folds->pdata[i];

      g_signal_emit (self, signals[NODE_FOLDED], 0, request->id, request->collapsed);
    }
  return G_SOURCE_REMOVE;
}

/* A row's descendants follow it, so a row that unfolds (or folds) adds (or
 * removes) the rows just after it. Said once the list has finished with
 * the row, since saving the folding rebuilds the outline. */
static void
tree_items_changed_cb (GListModel           *model,
                       guint                 position,
                       guint                 removed,
                       guint                 added,
                       TandemDiagramOutline *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(TandemDiagramItem) item = NULL;
  const TandemDiagramNode *node;
  FoldRequest *request;

  if (self->rebuilding || position == 0 || (removed == 0) == (added == 0) ||
      (row = gtk_tree_list_model_get_row (self->tree, position - 1)) == NULL ||
      (item = gtk_tree_list_row_get_item (row)) == NULL ||
      tandem_diagram_item_get_diagram (item) != self->diagram)
    return;
  node = tandem_diagram_item_get_info (item);
  if (gtk_tree_list_row_get_expanded (row) == !node->collapsed)
    return;
  request = g_new0 (FoldRequest, 1);
  request->id = g_strdup (node->id);
  request->collapsed = !gtk_tree_list_row_get_expanded (row);
  g_ptr_array_add (self->folds, request);
  if (self->folds_source == 0)
    self->folds_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_folds_cb, self, NULL);
}

static void
selected_cb (TandemDiagramOutline *self)
{
  if (!self->rebuilding)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SELECTED_ITEM]);
}

static void
rebuild (TandemDiagramOutline *self)
{
  g_autoptr(GListStore) roots = g_list_store_new (TANDEM_TYPE_DIAGRAM_ITEM);
  GArray *root_nodes;

  self->rebuilding = TRUE;
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
  if (self->tree)
    g_signal_handlers_disconnect_by_func (self->tree, tree_items_changed_cb, self);
  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                        child_model_cb, NULL, NULL);
  g_signal_connect (self->tree, "items-changed", G_CALLBACK (tree_items_changed_cb), self);
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
  self->rebuilding = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SELECTED_ITEM]);
}

static gboolean
tandem_diagram_outline_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TANDEM_DIAGRAM_OUTLINE (widget)->list_view));
}

static void
tandem_diagram_outline_dispose (GObject *object)
{
  TandemDiagramOutline *self = TANDEM_DIAGRAM_OUTLINE (object);

  g_clear_handle_id (&self->folds_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DIAGRAM_OUTLINE);
  if (self->tree)
    g_signal_handlers_disconnect_by_func (self->tree, tree_items_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (tandem_diagram_outline_parent_class)->dispose (object);
}

static void
tandem_diagram_outline_finalize (GObject *object)
{
  TandemDiagramOutline *self = TANDEM_DIAGRAM_OUTLINE (object);

  g_clear_pointer (&self->folds, g_ptr_array_unref);
  G_OBJECT_CLASS (tandem_diagram_outline_parent_class)->finalize (object);
}

static void
tandem_diagram_outline_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemDiagramOutline *self = TANDEM_DIAGRAM_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_SELECTED_ITEM:
      g_value_take_object (value, tandem_diagram_outline_dup_selected_item (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_outline_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TandemDiagramOutline *self = TANDEM_DIAGRAM_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      tandem_diagram_outline_set_diagram (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_outline_class_init (TandemDiagramOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_diagram_outline_dispose;
  object_class->finalize = tandem_diagram_outline_finalize;
  object_class->get_property = tandem_diagram_outline_get_property;
  object_class->set_property = tandem_diagram_outline_set_property;
  widget_class->grab_focus = tandem_diagram_outline_grab_focus;

  /**
   * TandemDiagramOutline:diagram: (nullable)
   *
   * The loaded diagram shown; setting it (again, after a reload) rebuilds
   * the rows, unfolded as the nodes are.
   */
  props[PROP_DIAGRAM] = g_param_spec_object ("diagram", NULL, NULL, TANDEM_TYPE_DIAGRAM,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  /**
   * TandemDiagramOutline:selected-item: (nullable)
   *
   * The selected row: a node, and the parent it is listed under.
   */
  props[PROP_SELECTED_ITEM] = g_param_spec_object ("selected-item", NULL, NULL, TANDEM_TYPE_DIAGRAM_ITEM,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * TandemDiagramOutline::node-folded:
   * @self: the outline
   * @id: the node whose row was folded or unfolded
   * @collapsed: whether it is now folded
   *
   * A row was folded or unfolded (its expander, or the list's keys), and
   * the node's saved folding says otherwise. Emitted once the list has
   * finished with the row.
   */
  signals[NODE_FOLDED] = g_signal_new ("node-folded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  g_type_ensure (TANDEM_TYPE_DIAGRAM_ITEM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-diagram-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramOutline, scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemDiagramOutline, list_view);
}

static void
tandem_diagram_outline_init (TandemDiagramOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->folds = g_ptr_array_new_with_free_func (fold_request_free);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  rebuild (self);
}

/**
 * tandem_diagram_outline_new:
 *
 * Returns: (transfer floating): a new, empty outline
 */
GtkWidget *
tandem_diagram_outline_new (void)
{
  return g_object_new (TANDEM_TYPE_DIAGRAM_OUTLINE, NULL);
}

/**
 * tandem_diagram_outline_set_diagram:
 * @self: an outline
 * @diagram: (nullable): the loaded diagram to show
 *
 * Shows @diagram, unfolded as its nodes are, with nothing selected. Called
 * again with the same diagram after it changed, it rebuilds the rows.
 */
void
tandem_diagram_outline_set_diagram (TandemDiagramOutline *self,
                                    TandemDiagram        *diagram)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_OUTLINE (self));
  g_return_if_fail (diagram == NULL || TANDEM_IS_DIAGRAM (diagram));

  if (g_set_object (&self->diagram, diagram))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DIAGRAM]);
  rebuild (self);
}

/**
 * tandem_diagram_outline_get_diagram:
 * @self: an outline
 *
 * Returns: (transfer none) (nullable): the diagram shown
 */
TandemDiagram *
tandem_diagram_outline_get_diagram (TandemDiagramOutline *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_OUTLINE (self), NULL);
  return self->diagram;
}

/**
 * tandem_diagram_outline_select:
 * @self: an outline
 * @id: (nullable): a node of the diagram
 * @parent: (nullable): the parent it is listed under, or %NULL for its first row
 *
 * Selects the node's row (under @parent if it is listed there) and scrolls
 * to it; the list's keyboard focus moves to it too.
 *
 * Returns: whether a row of the node was found
 */
gboolean
tandem_diagram_outline_select (TandemDiagramOutline *self,
                               const char           *id,
                               const char           *parent)
{
  guint n, position = GTK_INVALID_LIST_POSITION;
  int node, parent_node;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_OUTLINE (self), FALSE);

  if (self->diagram == NULL || (node = tandem_diagram_find_node (self->diagram, id)) < 0)
    return FALSE;
  parent_node = tandem_diagram_find_node (self->diagram, parent);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemDiagramItem) item = item_at (self, i);

      if (item && (int) tandem_diagram_item_get_node (item) == node)
        {
          if (parent_node < 0 || tandem_diagram_item_get_parent (item) == parent_node)
            {
              position = i;
              break;
            }
          if (position == GTK_INVALID_LIST_POSITION)
            position = i;
        }
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
  /* Also moves the list's keyboard focus to the row (GTK 4.8). */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/**
 * tandem_diagram_outline_dup_selected_item:
 * @self: an outline
 *
 * Returns: (transfer full) (nullable): the selected row's item
 */
TandemDiagramItem *
tandem_diagram_outline_dup_selected_item (TandemDiagramOutline *self)
{
  guint position;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_OUTLINE (self), NULL);
  position = gtk_single_selection_get_selected (self->selection);
  return position == GTK_INVALID_LIST_POSITION ? NULL : item_at (self, position);
}

/**
 * tandem_diagram_outline_get_list_view:
 * @self: an outline
 *
 * Returns: (transfer none): the list it shows the rows in
 */
GtkListView *
tandem_diagram_outline_get_list_view (TandemDiagramOutline *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_OUTLINE (self), NULL);
  return self->list_view;
}
