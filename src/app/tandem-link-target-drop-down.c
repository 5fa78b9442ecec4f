/* tandem-link-target-drop-down.c — a drop-down of what a note or a measure
 * can be linked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Not linked", then every change idea of the team, each followed by its
 * PDSA cycles: the page's note form and the note window both choose from it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enum-row.h"
#include "tandem-link-target-drop-down.h"

static void
target_label_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data))
    {
      /* The button shows the choice in a line; the list shows it whole. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  gtk_list_item_set_child (item, label);
}

static void
target_label_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkStringObject *object = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      object ? gtk_string_object_get_string (object) : "");
}

static char *
target_name (const TandemLinkTarget *target)
{
  if (target->pdsa_id)
    return g_strdup_printf (_("PDSA cycle: %s"), target->title);
  return g_strdup_printf (_("Change idea: %s"), target->title);
}

/**
 * tandem_link_target_model_new:
 * @targets: (element-type TandemLinkTarget) (nullable): the team's targets
 *
 * Returns: (transfer full): "Not linked to a change", then a name per target
 */
GListModel *
tandem_link_target_model_new (GPtrArray *targets)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Not linked to a change"));
  for (guint i = 0; targets && i < targets->len; i++)
    {
      g_autofree char *name = target_name (targets->pdata[i]);
      gtk_string_list_append (names, name);
    }
  return G_LIST_MODEL (names);
}

/**
 * tandem_link_target_drop_down_new:
 * @targets: (element-type TandemLinkTarget) (nullable): the team's targets
 * @accessible: what the choice is, for its tooltip and a screen reader
 *
 * Returns: (transfer floating): the drop-down, "Not linked" chosen
 */
GtkDropDown *
tandem_link_target_drop_down_new (GPtrArray  *targets,
                                  const char *accessible)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();
  GtkWidget *drop = gtk_drop_down_new (tandem_link_target_model_new (targets), NULL);

  tandem_drop_down_name_button (GTK_DROP_DOWN (drop));
  g_signal_connect (factory, "setup", G_CALLBACK (target_label_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (factory, "bind", G_CALLBACK (target_label_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (target_label_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (target_label_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop), list_factory);
  g_object_unref (factory);
  g_object_unref (list_factory);
  gtk_widget_set_tooltip_text (drop, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_DROP_DOWN (drop);
}

/**
 * tandem_link_target_position:
 * @targets: (element-type TandemLinkTarget) (nullable): the team's targets
 * @node_id: (nullable): a change idea
 * @pdsa_id: (nullable): one of its PDSA cycles
 *
 * Returns: where that target is in the drop-down, 0 ("Not linked") if nowhere
 */
guint
tandem_link_target_position (GPtrArray  *targets,
                             const char *node_id,
                             const char *pdsa_id)
{
  for (guint i = 0; targets && i < targets->len && (node_id || pdsa_id); i++)
    {
      const TandemLinkTarget *target = targets->pdata[i];

      if (pdsa_id ? g_strcmp0 (target->pdsa_id, pdsa_id) == 0
                  : target->pdsa_id == NULL && g_strcmp0 (target->node_id, node_id) == 0)
        return i + 1;
    }
  return 0;
}

/**
 * tandem_link_target_at:
 * @targets: (element-type TandemLinkTarget) (nullable): the team's targets
 * @position: a position in the drop-down
 *
 * Returns: (transfer none) (nullable): the target there, %NULL for "Not linked"
 */
const TandemLinkTarget *
tandem_link_target_at (GPtrArray *targets,
                       guint      position)
{
  if (targets == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > targets->len)
    return NULL;
  return targets->pdata[position - 1];
}
