/* tandem-diagram-item.c — one row of the diagram outline: a node reached through one parent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node listed under two parents is two items: the outline's selection
 * says which of the two places is meant.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-item.h"

struct _TandemDiagramItem
{
  GObject        parent_instance;

  TandemDiagram *diagram;
  guint          node;
  int            parent;   /* the parent it is listed under, or -1 */
};

enum
{
  PROP_0,
  PROP_DIAGRAM,
  PROP_NODE,
  PROP_PARENT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemDiagramItem, tandem_diagram_item, G_TYPE_OBJECT)

static void
tandem_diagram_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TandemDiagramItem *self = TANDEM_DIAGRAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      g_value_set_object (value, self->diagram);
      break;
    case PROP_NODE:
      g_value_set_uint (value, self->node);
      break;
    case PROP_PARENT:
      g_value_set_int (value, self->parent);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, tandem_diagram_item_dup_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TandemDiagramItem *self = TANDEM_DIAGRAM_ITEM (object);

  switch (prop_id)
    {
    case PROP_DIAGRAM:
      self->diagram = g_value_dup_object (value);
      break;
    case PROP_NODE:
      self->node = g_value_get_uint (value);
      break;
    case PROP_PARENT:
      self->parent = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_diagram_item_dispose (GObject *object)
{
  g_clear_object (&TANDEM_DIAGRAM_ITEM (object)->diagram);
  G_OBJECT_CLASS (tandem_diagram_item_parent_class)->dispose (object);
}

static void
tandem_diagram_item_class_init (TandemDiagramItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tandem_diagram_item_get_property;
  object_class->set_property = tandem_diagram_item_set_property;
  object_class->dispose = tandem_diagram_item_dispose;

  properties[PROP_DIAGRAM] =
    g_param_spec_object ("diagram", NULL, NULL, TANDEM_TYPE_DIAGRAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] =
    g_param_spec_uint ("node", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT] =
    g_param_spec_int ("parent", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TandemDiagramItem:description:
   *
   * What the outline's row says of the node: its kind and words, and for a
   * change idea its status and equity focus; its group, its other parents
   * and what its folding hides.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_diagram_item_init (TandemDiagramItem *self)
{
  self->parent = -1;
}

/**
 * tandem_diagram_item_new:
 * @diagram: the loaded diagram
 * @node: the node's index in @diagram
 * @parent: the index of the parent it is listed under, or -1 for a root
 *
 * Returns: (transfer full): a new item
 */
TandemDiagramItem *
tandem_diagram_item_new (TandemDiagram *diagram,
                         guint          node,
                         int            parent)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (diagram), NULL);
  return g_object_new (TANDEM_TYPE_DIAGRAM_ITEM,
                       "diagram", diagram,
                       "node", node,
                       "parent", parent,
                       NULL);
}

TandemDiagram *
tandem_diagram_item_get_diagram (TandemDiagramItem *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_ITEM (self), NULL);
  return self->diagram;
}

guint
tandem_diagram_item_get_node (TandemDiagramItem *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_ITEM (self), 0);
  return self->node;
}

int
tandem_diagram_item_get_parent (TandemDiagramItem *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_ITEM (self), -1);
  return self->parent;
}

/**
 * tandem_diagram_item_get_info:
 * @self: an item
 *
 * Returns: (transfer none): the node the item lists, as its diagram holds it
 */
const TandemDiagramNode *
tandem_diagram_item_get_info (TandemDiagramItem *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_ITEM (self), NULL);
  return tandem_diagram_get_node (self->diagram, self->node);
}

/**
 * tandem_diagram_item_dup_description:
 * @self: an item
 *
 * Returns: (transfer full): the words of #TandemDiagramItem:description
 */
char *
tandem_diagram_item_dup_description (TandemDiagramItem *self)
{
  const TandemDiagramNode *node;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *kind = NULL;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_ITEM (self), NULL);
  node = tandem_diagram_get_node (self->diagram, self->node);
  kind = g_strdup (tandem_node_kind_label (node->kind));
  kind[0] = g_ascii_toupper (kind[0]);
  g_string_append_printf (text, "%s: %s", kind, node->title[0] ? node->title : _("(nothing written yet)"));
  if (node->kind == TANDEM_NODE_CHANGE_IDEA)
    {
      g_string_append_printf (text, _(" — %s"), tandem_idea_status_label (node->status));
      for (guint t = 0; t < node->tags->len; t++)
        g_string_append_printf (text, t == 0 ? _("; equity focus: %s") : ", %s",
                                tandem_diagram_get_tag (self->diagram, g_array_index (node->tags, guint, t))->name);
    }
  if (node->group >= 0)
    g_string_append_printf (text, _(" (%s)"), tandem_diagram_get_group (self->diagram, node->group)->name);
  if (node->parents->len > 1)
    g_string_append_printf (text, ngettext (" — also under %u other", " — also under %u others",
                                            node->parents->len - 1), node->parents->len - 1);
  if (node->collapsed && node->children->len > 0)
    g_string_append_printf (text, ngettext (" — folded, %u item hidden", " — folded, %u items hidden",
                                            node->children->len), node->children->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
