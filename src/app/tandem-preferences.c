/* tandem-preferences.c — the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-preferences.h"

static void
author_applied_cb (AdwEntryRow *row,
                   GSettings   *settings)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_settings_set_string (settings, "author-name", text);
}

static void
author_changed_cb (GtkEditable *editable,
                   GSettings   *settings)
{
  author_applied_cb (ADW_ENTRY_ROW (editable), settings);
}

/**
 * tandem_preferences_new:
 * @parent: (nullable): the window it belongs to
 * @settings: Tandem's settings
 *
 * Returns: (transfer none): the Preferences window, ready to present
 */
GtkWindow *
tandem_preferences_new (GtkWindow *parent,
                        GSettings *settings)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *author = adw_entry_row_new ();
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  g_autofree char *description = NULL;
  const char *real = g_get_real_name ();

  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("You"));
  description = g_strdup_printf (_("Your name is written on every change you make, so that "
                                   "everyone's contribution is credited. Leave it empty to use "
                                   "your account's name (%s)."),
                                 (real && *real && !g_str_equal (real, "Unknown"))
                                   ? real : g_get_user_name ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (author), _("Your name"));
  gtk_editable_set_text (GTK_EDITABLE (author), name);
  g_signal_connect_object (author, "changed", G_CALLBACK (author_changed_cb), settings, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), author);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return GTK_WINDOW (window);
}
