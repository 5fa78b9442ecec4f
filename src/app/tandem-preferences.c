/* tandem-preferences.c — the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-plain-text.h"
#include "tandem-preferences.h"
#include "tandem-window.h"

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

typedef struct
{
  const char *value;
  const char *label;
} Choice;

static const Choice run_rules[] = {
  { "ihi", N_("IHI") },
  { "anhoej", N_("Anhøj") },
  { NULL, NULL }
};

static const Choice control_rules[] = {
  { "mdc", N_("Making Data Count") },
  { "anhoej", N_("Anhøj") },
  { "ihi", N_("IHI") },
  { NULL, NULL }
};

static const Choice chart_styles[] = {
  { "standard", N_("Standard") },
  { "workshop", N_("Workshop") },
  { "high-contrast", N_("High contrast") },
  { NULL, NULL }
};

static const Choice paper_sizes[] = {
  { "a4", N_("A4") },
  { "a3", N_("A3") },
  { NULL, NULL }
};

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const Choice *choices = user_data;
  const char *current = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i].value; i++)
    if (g_str_equal (choices[i].value, current))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const Choice *choices = user_data;
  guint selected = g_value_get_uint (value);
  guint n = 0;

  while (choices[n].value)
    n++;
  return selected < n ? g_variant_new_string (choices[selected].value) : NULL;
}

/* A row offering @choices, kept in step with the setting @key. */
static GtkWidget *
choice_row (GSettings    *settings,
            const char   *key,
            const char   *title,
            const char   *subtitle,
            const Choice *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].value; i++)
    gtk_string_list_append (labels, _(choices[i].label));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) choices, NULL);
  return row;
}

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
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
  /* A plain window rather than AdwPreferencesWindow: one page needs no search,
   * and libadwaita 1.2 leaves its hidden search field without a name. */
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *author = adw_entry_row_new ();
  GtkWidget *charts;
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  g_autofree char *description = NULL;
  const char *real = g_get_real_name ();

  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  tandem_close_on_escape (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 680);
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
  tandem_plain_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (author), _("Your name"));
  gtk_editable_set_text (GTK_EDITABLE (author), name);
  g_signal_connect_object (author, "changed", G_CALLBACK (author_changed_cb), settings, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), author);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (settings, "show-authorship", _("Show who added what"),
                                         _("Diagrams and lists show who added and last changed "
                                           "each item")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  charts = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (charts), _("Charts and Printing"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (charts),
                                         _("Each chart keeps the rules chosen for it; these are "
                                           "the rules a new chart starts with."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (charts),
                             choice_row (settings, "default-run-chart-rules",
                                         _("Rules for new run charts"),
                                         _("IHI: shifts of 6 and trends of 5; Anhøj: runs analysis"),
                                         run_rules));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (charts),
                             choice_row (settings, "default-control-chart-rules",
                                         _("Rules for new SPC charts"),
                                         _("Making Data Count is NHS England’s way of reading SPC charts"),
                                         control_rules));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (charts),
                             choice_row (settings, "chart-style", _("Chart style"),
                                         _("Workshop has large type and thick lines for walls and "
                                           "projectors; Tandem also follows the system’s "
                                           "high-contrast setting"),
                                         chart_styles));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (charts),
                             choice_row (settings, "default-paper-size", _("Paper size"), NULL,
                                         paper_sizes));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (charts));
  return GTK_WINDOW (window);
}
