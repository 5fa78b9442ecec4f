/* tandem-peer-section.c — what the peer-support page's views share: how a
 * view tells the page what came of an edit, and how it keeps the person's
 * place when it is rebuilt after a change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-date-entry.h"
#include "tandem-peer-section.h"
#include "tandem-shown-field.h"

G_DEFINE_INTERFACE (TandemPeerSection, tandem_peer_section, GTK_TYPE_WIDGET)

enum {
  FAILED,
  DONE,
  RELOAD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tandem_peer_section_default_init (TandemPeerSectionInterface *iface)
{
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 5, G_TYPE_STRING,
                                  GTK_TYPE_WIDGET, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_ERROR);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[RELOAD_REQUESTED] = g_signal_new ("reload-requested", G_TYPE_FROM_INTERFACE (iface),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

/**
 * tandem_peer_section_set_report:
 * @self: a section
 * @project: (nullable): the open project
 * @report: (nullable): the team's tracker, kept by the caller until the next call
 * @editable: whether the file can be changed
 *
 * Gives the section what it shows. Its rows are made by the next
 * tandem_peer_section_rebuild().
 */
void
tandem_peer_section_set_report (TandemPeerSection             *self,
                                TandemProject                 *project,
                                const TandemPeerSupportReport *report,
                                gboolean                       editable)
{
  g_return_if_fail (TANDEM_IS_PEER_SECTION (self));
  TANDEM_PEER_SECTION_GET_IFACE (self)->set_report (self, project, report, editable);
}

/**
 * tandem_peer_section_rebuild:
 * @self: a section
 *
 * Remembers where the person was in the section and makes its rows again.
 * Edits are ignored until tandem_peer_section_restore(), so that what the
 * page puts back (typing) is not saved again.
 */
void
tandem_peer_section_rebuild (TandemPeerSection *self)
{
  g_return_if_fail (TANDEM_IS_PEER_SECTION (self));
  TANDEM_PEER_SECTION_GET_IFACE (self)->rebuild (self);
}

/**
 * tandem_peer_section_restore:
 * @self: a section
 *
 * Ends a rebuild: focuses what was focused before it, or what the last edit
 * asked for.
 */
void
tandem_peer_section_restore (TandemPeerSection *self)
{
  g_return_if_fail (TANDEM_IS_PEER_SECTION (self));
  TANDEM_PEER_SECTION_GET_IFACE (self)->restore (self);
}

void
tandem_peer_section_failed (gpointer      self,
                            const char   *title,
                            GtkWidget    *editor,
                            const char   *id,
                            const char   *field,
                            const GError *error)
{
  g_signal_emit (self, signals[FAILED], 0, title, editor, id, field, error);
}

void
tandem_peer_section_done (gpointer    self,
                          const char *toast,
                          gboolean    undo)
{
  g_signal_emit (self, signals[DONE], 0, toast, undo);
}

void
tandem_peer_section_request_reload (gpointer self)
{
  g_signal_emit (self, signals[RELOAD_REQUESTED], 0);
}

/* ------------------------------------------------------------------------ */
/* Keeping the person's place                                               */

void
tandem_peer_place_init (TandemPeerPlace *place)
{
  place->keyed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  place->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
tandem_peer_place_clear (TandemPeerPlace *place)
{
  g_clear_pointer (&place->keyed, g_hash_table_unref);
  g_clear_pointer (&place->expanded, g_hash_table_unref);
  g_clear_pointer (&place->focus_after, g_free);
  g_clear_pointer (&place->pending, g_free);
}

void
tandem_peer_place_remember (TandemPeerPlace *place,
                            GtkWidget       *widget,
                            const char      *key)
{
  gtk_widget_set_name (widget, key);
  g_hash_table_replace (place->keyed, g_strdup (key), widget);
}

/* The key of the focused widget, or of the keyed widget around it. */
static char *
focused_key (TandemPeerPlace *place,
             GtkWidget       *section)
{
  GtkRoot *root = gtk_widget_get_root (section);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != section; focus = gtk_widget_get_parent (focus))
    {
      const char *key = gtk_widget_get_name (focus);

      if (g_hash_table_lookup (place->keyed, key) == focus)
        return g_strdup (key);
    }
  return NULL;
}

void
tandem_peer_place_begin (TandemPeerPlace *place,
                         GtkWidget       *section)
{
  g_free (place->pending);
  place->pending = place->focus_after ? g_steal_pointer (&place->focus_after)
                                      : focused_key (place, section);
  place->building = TRUE;
  g_hash_table_remove_all (place->keyed);
}

void
tandem_peer_place_restore (TandemPeerPlace *place)
{
  g_autofree char *key = g_steal_pointer (&place->pending);
  GtkWidget *widget;

  place->building = FALSE;
  if (key == NULL || (widget = g_hash_table_lookup (place->keyed, key)) == NULL)
    return;
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
  gtk_widget_grab_focus (widget);
}

void
tandem_peer_place_focus_after (TandemPeerPlace *place,
                               const char      *key)
{
  g_free (place->focus_after);
  place->focus_after = g_strdup (key);
}

/* Opens what was closed, closes what was open; returns whether it is open. */
gboolean
tandem_peer_place_toggle (TandemPeerPlace *place,
                          const char      *key)
{
  if (g_hash_table_remove (place->expanded, key))
    return FALSE;
  g_hash_table_add (place->expanded, g_strdup (key));
  return TRUE;
}

static void
expander_expanded_cb (AdwExpanderRow  *row,
                      GParamSpec      *pspec,
                      TandemPeerPlace *place)
{
  const char *key = gtk_widget_get_name (GTK_WIDGET (row));

  if (place->building)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (place->expanded, g_strdup (key));
  else
    g_hash_table_remove (place->expanded, key);
}

AdwExpanderRow *
tandem_peer_place_expander (TandemPeerPlace *place,
                            const char      *key,
                            const char      *title)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  tandem_peer_place_remember (place, GTK_WIDGET (row), key);
  adw_expander_row_set_expanded (row, g_hash_table_contains (place->expanded, key));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expander_expanded_cb), place);
  return row;
}

/* A field's row saves what was typed when the person leaves it (Tab, a
 * click elsewhere) or presses Enter: no apply button to Tab through, and
 * nothing typed waits unsaved in a row the keyboard has left. */
static void
field_row_save (TandemPeerPlace *place,
                GtkWidget       *row)
{
  if (place->building || !tandem_shown_field_is_changed (row))
    return;
  g_signal_emit_by_name (row, "apply");
}

static void
field_row_left_cb (GtkEventControllerFocus *controller,
                   TandemPeerPlace         *place)
{
  field_row_save (place, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
field_row_activated_cb (AdwEntryRow     *row,
                        TandemPeerPlace *place)
{
  field_row_save (place, GTK_WIDGET (row));
}

/* A row to type in, with an apply button; its “apply” signal is the
 * caller's to connect. */
GtkWidget *
tandem_peer_place_entry_row (TandemPeerPlace *place,
                             const char      *title,
                             const char      *text,
                             const char      *key,
                             gboolean         editable)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_sensitive (row, editable);
  tandem_peer_place_remember (place, row, key);
  return row;
}

/* A row for one stored field: it applies on leaving and on Enter. */
GtkWidget *
tandem_peer_place_field_row (TandemPeerPlace *place,
                             const char      *title,
                             const char      *text,
                             const char      *key,
                             gboolean         editable)
{
  GtkWidget *row = tandem_peer_place_entry_row (place, title, text, key, editable);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect (focus, "leave", G_CALLBACK (field_row_left_cb), place);
  gtk_widget_add_controller (row, focus);
  g_signal_connect (row, "entry-activated", G_CALLBACK (field_row_activated_cb), place);
  return row;
}

/* A date field: typed day first or year-month-day, or chosen on a
 * calendar, which saves the day at once. */
GtkWidget *
tandem_peer_date_row (GtkWidget *row)
{
  tandem_date_row_add_calendar (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

void
tandem_peer_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
