/* tandem-recent-list.c — the projects opened lately, as rows and as a menu
 *
 * The welcome page lists them, newest first, and so does the Open Recent
 * menu; a file that has gone can be taken off the list from the error that
 * says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-recent-list.h"

#define RECENT_LIMIT 8

static gboolean
is_project_item (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_prefix (uri, "file:") && g_str_has_suffix (uri, ".tandem");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

/**
 * tandem_recent_list_fill:
 * @list: the welcome page's list of recent projects
 * @menu: the Open Recent menu
 *
 * Fills @list and @menu again with the projects opened lately, newest
 * first. Each row and item opens its project through app.open-recent.
 *
 * Returns: how many projects are shown
 */
guint
tandem_recent_list_fill (GtkListBox *list,
                         GMenu      *menu)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *all = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), 0);
  g_return_val_if_fail (G_IS_MENU (menu), 0);

  for (GList *l = all; l; l = l->next)
    {
      if (is_project_item (l->data))
        g_ptr_array_add (items, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (all, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
  g_menu_remove_all (menu);

  for (guint i = 0; i < items->len && shown < RECENT_LIMIT; i++)
    {
      GtkRecentInfo *info = items->pdata[i];
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (g_str_has_suffix (name, ".tandem"))
        name[strlen (name) - strlen (".tandem")] = '\0';
      /* File and folder names as they are, “R&D” included, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      /* The row carries its project as its action's target. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (uri));
      gtk_list_box_append (list, row);

      {
        g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);
        g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                                 g_variant_new_string (uri));
        g_menu_append_item (menu, item);
      }
      shown++;
    }
  return shown;
}

/**
 * tandem_recent_list_remember:
 * @file: a project just opened or saved
 *
 * Puts @file at the top of the recent projects.
 */
void
tandem_recent_list_remember (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (char *) "application/x-tandem-project";
  data.app_name = (char *) "Tandem";
  data.app_exec = (char *) "tandem %f";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    char             *uri)
{
  if (g_str_equal (response, "forget"))
    gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

static void
free_uri (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

/**
 * tandem_recent_list_offer_forget:
 * @dialog: the error saying @file could not be found
 * @file: a project that has gone
 *
 * Adds a response to @dialog that takes @file off the recent projects, if
 * it is on them.
 */
void
tandem_recent_list_offer_forget (AdwMessageDialog *dialog,
                                 GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  if (!gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri))
    return;
  adw_message_dialog_add_response (dialog, "forget", _("_Remove From Recent Projects"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (forget_response_cb),
                         g_steal_pointer (&uri), free_uri, 0);
}
