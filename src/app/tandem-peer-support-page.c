/* tandem-peer-support-page.c — the peer-support implementation tracker:
 * progress, the framework's checklist, peer roles and supervision, and the
 * coach's view of every team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-legibility.h"
#include "tandem-peer-support-chart.h"
#include "tandem-peer-support-page.h"
#include "tandem-person-chooser.h"
#include "tandem-plain-text.h"
#include "tandem-print.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

struct _TandemPeerSupportPage
{
  TandemPage                 parent_instance;

  GtkStack                  *views;
  GtkLabel                  *summary_label;
  GtkDrawingArea            *progress_area;
  GtkLabel                  *progress_text;
  GtkLabel                  *support_text;
  GtkLabel                  *retention_text;
  GtkLabel                  *supervision_text;
  GtkBox                    *checklist_box;
  GtkScrolledWindow         *checklist_scroll;
  GtkScrolledWindow         *roles_scroll;
  GtkButton                 *add_role_button;
  GtkListBox                *roles_list;
  GtkDrawingArea            *heatmap_area;
  GtkLabel                  *caseload_text;
  GtkScrolledWindow         *timeline_scroll;
  GtkListBox                *timeline_list;

  TandemPeerSupportReport   *report;
  TandemPeerSupportCaseload *caseload;

  GPtrArray                 *stage_groups;   /* widgets added to checklist_box */
  GHashTable                *keyed;          /* focus key → widget, for the last build */
  GHashTable                *expanded;       /* keys of expander rows left open */
  char                      *focus_after;    /* a key to focus after the next build */
  gboolean                   building;
  guint                      rebuild_id;
};

G_DEFINE_FINAL_TYPE (TandemPeerSupportPage, tandem_peer_support_page, TANDEM_TYPE_PAGE)

#define MAX_RECORDS_SHOWN 12
#define MAX_EVENTS_SHOWN 100

static gboolean rebuild_cb (gpointer user_data);
static void tandem_peer_support_page_reload (TandemPage *page);

/* ------------------------------------------------------------------------ */
/* Keeping the person's place when the page is rebuilt after a change      */

static void
remember (TandemPeerSupportPage *self,
          GtkWidget             *widget,
          const char            *key)
{
  g_object_set_data_full (G_OBJECT (widget), "tandem-key", g_strdup (key), g_free);
  g_hash_table_replace (self->keyed, g_strdup (key), widget);
}

/* A date field: typed day first or year-month-day, or chosen on a
 * calendar, which saves the day at once. */
static GtkWidget *
date_row (GtkWidget *row)
{
  tandem_date_row_add_calendar (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

static char *
focused_key (TandemPeerSupportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != GTK_WIDGET (self); focus = gtk_widget_get_parent (focus))
    {
      const char *key = g_object_get_data (G_OBJECT (focus), "tandem-key");
      if (key != NULL)
        return g_strdup (key);
    }
  return NULL;
}

static void
expander_expanded_cb (AdwExpanderRow        *row,
                      GParamSpec            *pspec,
                      TandemPeerSupportPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "tandem-key");

  if (self->building || key == NULL)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (key));
  else
    g_hash_table_remove (self->expanded, key);
}

static AdwExpanderRow *
keyed_expander (TandemPeerSupportPage *self,
                const char            *key,
                const char            *title)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  remember (self, GTK_WIDGET (row), key);
  adw_expander_row_set_expanded (row, g_hash_table_contains (self->expanded, key));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expander_expanded_cb), self);
  return row;
}

static void
restore_focus (TandemPeerSupportPage *self,
               const char            *key)
{
  GtkWidget *widget;

  if (key == NULL || (widget = g_hash_table_lookup (self->keyed, key)) == NULL)
    return;
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
  gtk_widget_grab_focus (widget);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */

static void
draw_card (cairo_t *cr,
           int      width,
           int      height)
{
  double r = 8;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The system's high contrast, or the chart style's, or workshop mode's. */
static TandemPeerSupportStyle
chart_style (GtkDrawingArea *area)
{
  return tandem_legibility_get_high_contrast (GTK_WIDGET (area))
           ? TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST : TANDEM_PEER_SUPPORT_STYLE_STANDARD;
}

static void
draw_progress_cb (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  TandemPeerSupportPage *self = user_data;
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->report == NULL)
    return;
  draw_card (cr, width, height);
  /* The system's (or workshop mode's) large text. */
  cairo_scale (cr, scale, scale);
  tandem_peer_support_draw_progress_full (cr, 14, 12, width / scale - 28, self->report->stages,
                                          chart_style (area));
}

static void
progress_resized_cb (GtkDrawingArea        *area,
                     int                    width,
                     int                    height,
                     TandemPeerSupportPage *self)
{
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->report == NULL)
    return;
  if (width <= 0)
    width = 700;
  gtk_drawing_area_set_content_height (area, (int) ceil ((tandem_peer_support_progress_height (
                                         self->report->stages, MAX (width / scale - 28, 100))
                                         + 24) * scale));
}

static void
draw_heatmap_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  TandemPeerSupportPage *self = user_data;
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->caseload == NULL || self->caseload->teams->len == 0)
    return;
  draw_card (cr, width, height);
  cairo_scale (cr, scale, scale);
  tandem_peer_support_draw_heatmap_full (cr, 14, 12, width / scale - 28, self->caseload, 0,
                                         self->caseload->teams->len, chart_style (area));
}

static void
heatmap_resized_cb (GtkDrawingArea        *area,
                    int                    width,
                    int                    height,
                    TandemPeerSupportPage *self)
{
  double scale = tandem_legibility_get_text_scale (GTK_WIDGET (area));

  if (self->caseload == NULL)
    return;
  if (width <= 0)
    width = 700;
  gtk_drawing_area_set_content_height (area, (int) ceil ((tandem_peer_support_heatmap_height (
                                         self->caseload, 0, self->caseload->teams->len,
                                         MAX (width / scale - 28, 100)) + 24) * scale));
}

/* ------------------------------------------------------------------------ */
/* Editing the checklist                                                    */

static void
status_selected_cb (GtkDropDown           *dropdown,
                    GParamSpec            *pspec,
                    TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *item_id = g_object_get_data (G_OBJECT (dropdown), "item-id");
  int status = tandem_enum_drop_down_get_value (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->building || status < 0 || !tandem_page_get_editable (page))
    return;
  /* Checked against what the drop-down showed: another program's change of
   * the status is kept, not written over. */
  if (tandem_peer_support_set_status (tandem_page_get_project (page),
                                      tandem_page_get_team_id (page), item_id, status,
                                      tandem_shown_field_get_stored (GTK_WIDGET (dropdown)),
                                      NULL, &error))
    tandem_shown_field_saved (GTK_WIDGET (dropdown), tandem_page_get_project (page));
  else if (tandem_shown_field_take_conflict (page, GTK_WIDGET (dropdown),
                                             g_object_get_data (G_OBJECT (dropdown), "shown-id"),
                                             "status", error))
    tandem_peer_support_page_reload (page);
  else
    tandem_page_show_error (page, _("Could Not Change the Status"), error);
}

/* A conflict is reported (what was typed is kept in it) and the row shows
 * the value that stands; anything else is an error. */
static void
save_failed (TandemPeerSupportPage *self,
             GtkWidget             *editor,
             const char            *id,
             const char            *field,
             const GError          *error)
{
  if (tandem_shown_field_take_conflict (TANDEM_PAGE (self), editor, id, field, error))
    tandem_peer_support_page_reload (TANDEM_PAGE (self));
  else
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Save the Change"), error);
}

static void
item_text_applied_cb (AdwEntryRow           *row,
                      TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *item_id = g_object_get_data (G_OBJECT (row), "item-id");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;

  /* Checked against what the row showed: another program's change to the
   * same note is kept, not written over. */
  if (tandem_peer_support_set_item_text (tandem_page_get_project (page),
                                         tandem_page_get_team_id (page), item_id, field,
                                         tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), tandem_page_get_project (page));
  else
    save_failed (self, GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "shown-id"), field, error);
}

static void
add_item_applied_cb (AdwEntryRow           *row,
                     TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *stage = g_object_get_data (G_OBJECT (row), "stage");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = tandem_peer_support_add_item (tandem_page_get_project (page), stage,
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (id == NULL)
    {
      tandem_page_show_error (page, _("Could Not Add the Item"), error);
      return;
    }
  /* Added: the rebuilt row starts empty. */
  tandem_shown_field_release (GTK_WIDGET (row));
  g_free (self->focus_after);
  self->focus_after = g_strdup_printf ("status:%s", id);
}

static void
delete_item_clicked_cb (GtkButton             *button,
                        TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_item (tandem_page_get_project (page),
                                        g_object_get_data (G_OBJECT (button), "item-id"), &error))
    tandem_page_show_error (page, _("Could Not Delete the Item"), error);
  else
    tandem_page_show_toast (page, _("Item deleted"), TRUE);
}

/* A field's row saves what was typed when the person leaves it (Tab, a
 * click elsewhere) or presses Enter: no apply button to Tab through, and
 * nothing typed waits unsaved in a row the keyboard has left. */
static void
field_row_save (TandemPeerSupportPage *self,
                GtkWidget             *row)
{
  if (self->building || !tandem_shown_field_is_changed (row))
    return;
  g_signal_emit_by_name (row, "apply");
}

static void
field_row_left_cb (GtkEventControllerFocus *controller,
                   TandemPeerSupportPage   *self)
{
  field_row_save (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
field_row_activated_cb (AdwEntryRow           *row,
                        TandemPeerSupportPage *self)
{
  field_row_save (self, GTK_WIDGET (row));
}

static GtkWidget *
entry_row (TandemPeerSupportPage *self,
           const char            *title,
           const char            *text,
           const char            *key,
           GCallback              applied)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_sensitive (row, tandem_page_get_editable (TANDEM_PAGE (self)));
  g_signal_connect (row, "apply", applied, self);
  remember (self, row, key);
  return row;
}

/* A row for one stored field (entry_row() is also the form that adds an
 * item, which keeps its button). */
static GtkWidget *
field_row (TandemPeerSupportPage *self,
           const char            *title,
           const char            *text,
           const char            *key,
           GCallback              applied)
{
  GtkWidget *row = entry_row (self, title, text, key, applied);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect (focus, "leave", G_CALLBACK (field_row_left_cb), self);
  gtk_widget_add_controller (row, focus);
  g_signal_connect (row, "entry-activated", G_CALLBACK (field_row_activated_cb), self);
  return row;
}

static GtkWidget *
item_entry_row (TandemPeerSupportPage   *self,
                const TandemTrackerItem *item,
                const char              *field,
                const char              *title,
                const char              *text)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, item->item_id);
  GtkWidget *row = field_row (self, title, text, key, G_CALLBACK (item_text_applied_cb));
  /* The team's notes on the item are its status record; before it has one,
   * nothing is stored, and the item names the row. */
  const char *shown_id = item->status_id ? item->status_id : item->item_id;

  tandem_shown_field_fill (row, tandem_page_get_project (TANDEM_PAGE (self)),
                           TANDEM_ENTITY_FRAMEWORK_STATUS, shown_id, field, text);
  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (item->item_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "shown-id", g_strdup (shown_id), g_free);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  return row;
}

static char *
item_subtitle (const TandemTrackerItem *item)
{
  g_autoptr(GString) text = g_string_new (tandem_item_status_label (item->status));

  if (item->owner)
    g_string_append_printf (text, _(" · owner: %s"), item->owner);
  if (item->target_date && item->status != TANDEM_ITEM_IN_PLACE)
    {
      g_autofree char *date = tandem_peer_support_format_date (item->target_date);
      g_string_append_printf (text, _(" · due %s"), date);
    }
  if (!item->builtin)
    g_string_append (text, _(" · the project's own item"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
history_text (TandemProject           *project,
              const TandemTrackerItem *item)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (item->status_id == NULL ||
      (history = tandem_peer_support_status_history (project, item->status_id, NULL)) == NULL ||
      history->len == 0)
    return g_strdup (_("No changes recorded yet."));
  for (guint i = 0; i < history->len; i++)
    {
      const TandemStatusChange *change = history->pdata[i];
      g_autofree char *day = g_strndup (change->at ? change->at : "", 10);
      g_autofree char *date = tandem_peer_support_format_date (day);

      if (text->len)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: one line of an item's history: date, status, who */
      g_string_append_printf (text, _("%s: %s, by %s"), date,
                              tandem_item_status_label (change->status),
                              change->author ? change->author : _("someone"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The rows inside an item (evidence, owner, dates, history) are made when it
 * is first opened: a team's checklist has dozens of items, and building every
 * closed one's rows made the page slow to build and its accessibility tree
 * thousands of nodes deep for a screen reader to wade through. */
static void
fill_item_details (TandemPeerSupportPage   *self,
                   AdwExpanderRow          *row,
                   const TandemTrackerItem *item)
{
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  g_autofree char *history = history_text (tandem_page_get_project (TANDEM_PAGE (self)), item);
  GtkWidget *history_row = adw_action_row_new ();

  g_object_set_data (G_OBJECT (row), "tandem-filled", GINT_TO_POINTER (TRUE));
  adw_expander_row_add_row (row, item_entry_row (self, item, "evidence", _("Evidence"),
                                                 item->evidence));
  adw_expander_row_add_row (row, item_entry_row (self, item, "owner", _("Owner"), item->owner));
  adw_expander_row_add_row (row, date_row (item_entry_row (self, item, "target_date",
                                                           _("Target date"), item->target_date)));
  adw_expander_row_add_row (row, date_row (item_entry_row (self, item, "last_reviewed",
                                                           _("Last reviewed"),
                                                           item->last_reviewed)));

  /* Who changed it is a name as typed, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history_row), _("History"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (history_row), history);
  adw_expander_row_add_row (row, history_row);

  if (!item->builtin && editable)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Item"));
      g_autofree char *delete_key = g_strdup_printf ("delete:%s", item->item_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _("This item is the project's own"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data_full (G_OBJECT (button), "item-id", g_strdup (item->item_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_item_clicked_cb), self);
      remember (self, button, delete_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (row, delete_row);
    }
}

static void
item_expanded_cb (AdwExpanderRow        *row,
                  GParamSpec            *pspec,
                  TandemPeerSupportPage *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (row), "item-id");

  if (!adw_expander_row_get_expanded (row) ||
      g_object_get_data (G_OBJECT (row), "tandem-filled") != NULL ||
      self->report == NULL)
    return;
  for (guint i = 0; i < self->report->items->len; i++)
    {
      const TandemTrackerItem *item = self->report->items->pdata[i];

      if (g_strcmp0 (item->item_id, item_id) == 0)
        {
          fill_item_details (self, row, item);
          return;
        }
    }
}

static GtkWidget *
build_item_row (TandemPeerSupportPage   *self,
                const TandemTrackerItem *item)
{
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  g_autofree char *key = g_strdup_printf ("item:%s", item->item_id);
  g_autofree char *status_key = g_strdup_printf ("status:%s", item->item_id);
  g_autofree char *subtitle = item_subtitle (item);
  g_autofree char *status_label = g_strdup_printf (_("Status of “%s”"), item->title);
  AdwExpanderRow *row = keyed_expander (self, key, item->title);
  GtkWidget *dropdown = tandem_enum_drop_down_new (TANDEM_TYPE_ITEM_STATUS,
                                                   TANDEM_ENUM_LABEL_FUNC (tandem_item_status_label));

  adw_expander_row_set_subtitle (row, subtitle);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  tandem_enum_drop_down_set_value (GTK_DROP_DOWN (dropdown), item->status);
  gtk_widget_set_sensitive (dropdown, editable);
  gtk_widget_set_tooltip_text (dropdown, _("Where the team stands on this item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
  g_object_set_data_full (G_OBJECT (dropdown), "item-id", g_strdup (item->item_id), g_free);
  /* Until the team has a status for the item, the item names it. */
  g_object_set_data_full (G_OBJECT (dropdown), "shown-id",
                          g_strdup (item->status_id ? item->status_id : item->item_id), g_free);
  /* Checked against the status shown, from the page's copy of the items. */
  tandem_shown_field_remember_value (dropdown, TANDEM_ENTITY_FRAMEWORK_STATUS,
                                     g_object_get_data (G_OBJECT (dropdown), "shown-id"),
                                     TANDEM_FIELD_FRAMEWORK_STATUS_STATUS,
                                     item->status_id ? tandem_item_status_to_string (item->status) : NULL);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self);
  remember (self, dropdown, status_key);
  adw_expander_row_add_action (row, dropdown);

  g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (item->item_id), g_free);
  if (adw_expander_row_get_expanded (row))
    fill_item_details (self, row, item);
  else
    g_signal_connect (row, "notify::expanded", G_CALLBACK (item_expanded_cb), self);
  return GTK_WIDGET (row);
}

static void
build_checklist (TandemPeerSupportPage *self)
{
  AdwPreferencesGroup *group = NULL;
  const char *stage = NULL;

  for (guint i = 0; i < self->stage_groups->len; i++)
    gtk_box_remove (self->checklist_box, self->stage_groups->pdata[i]);
  g_ptr_array_set_size (self->stage_groups, 0);
  if (self->report == NULL)
    return;

  for (guint i = 0; i <= self->report->items->len; i++)
    {
      const TandemTrackerItem *item = i < self->report->items->len ? self->report->items->pdata[i]
                                                                    : NULL;

      if (group != NULL && (item == NULL || g_strcmp0 (item->stage, stage) != 0))
        {
          g_autofree char *key = g_strdup_printf ("add-item:%s", stage);
          GtkWidget *add = entry_row (self, _("Add the team's own item to this stage"), NULL, key,
                                      G_CALLBACK (add_item_applied_cb));

          g_object_set_data_full (G_OBJECT (add), "stage", g_strdup (stage), g_free);
          /* Not a field yet, but what is typed in it survives a refresh too. */
          tandem_shown_field_fill (add, tandem_page_get_project (TANDEM_PAGE (self)), "new-item", stage,
                                   "title", NULL);
          adw_preferences_group_add (group, add);
        }
      if (item == NULL)
        break;
      if (group == NULL || g_strcmp0 (item->stage, stage) != 0)
        {
          for (guint s = 0; s < self->report->stages->len; s++)
            {
              const TandemStageProgress *progress = self->report->stages->pdata[s];
              g_autofree char *description = NULL;

              if (!g_str_equal (progress->stage, item->stage))
                continue;
              description = g_strdup_printf (_("%u of %u in place"),
                                             progress->counts[TANDEM_ITEM_IN_PLACE], progress->total);
              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              tandem_plain_group_set_title (group, item->stage);
              adw_preferences_group_set_description (group, description);
            }
          stage = item->stage;
          gtk_box_append (self->checklist_box, GTK_WIDGET (group));
          g_ptr_array_add (self->stage_groups, group);
        }
      adw_preferences_group_add (group, build_item_row (self, item));
    }
}

/* ------------------------------------------------------------------------ */
/* Editing roles and supervision                                            */

static void
role_text_applied_cb (AdwEntryRow           *row,
                      TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *role_id = g_object_get_data (G_OBJECT (row), "role-id");
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;

  if (tandem_peer_support_set_role_field (tandem_page_get_project (page), role_id, field,
                                          tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                          gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), tandem_page_get_project (page));
  else
    save_failed (self, GTK_WIDGET (row), role_id, field, error);
}

static void
role_switch_cb (GtkSwitch             *toggle,
                GParamSpec            *pspec,
                TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *role_id = g_object_get_data (G_OBJECT (toggle), "role-id");
  const char *field = g_object_get_data (G_OBJECT (toggle), "field");
  g_autoptr(GError) error = NULL;

  if (self->building)
    return;
  /* Checked against what the switch showed, as every edit on the page is. */
  if (tandem_peer_support_set_role_field (tandem_page_get_project (page), role_id, field,
                                          tandem_shown_field_get_stored (GTK_WIDGET (toggle)),
                                          gtk_switch_get_active (toggle) ? "1" : "0", &error))
    tandem_shown_field_saved (GTK_WIDGET (toggle), tandem_page_get_project (page));
  else
    save_failed (self, GTK_WIDGET (toggle), role_id, field, error);
}

static void
add_record_clicked_cb (GtkButton             *button,
                       TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  GtkEditable *date = g_object_get_data (G_OBJECT (button), "date");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (button), "kind");
  GtkEditable *note = g_object_get_data (G_OBJECT (button), "note");
  const char *role_id = g_object_get_data (G_OBJECT (button), "role-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = tandem_peer_support_add_record (tandem_page_get_project (page), role_id,
                                       gtk_editable_get_text (date),
                                       tandem_enum_drop_down_get_value (kind),
                                       gtk_editable_get_text (note), &error);
  if (id == NULL)
    {
      tandem_page_show_error (page, _("Could Not Add the Record"), error);
      return;
    }
  /* Added: the rebuilt form starts afresh. */
  tandem_shown_field_release (GTK_WIDGET (date));
  tandem_shown_field_release (GTK_WIDGET (note));
  g_free (self->focus_after);
  self->focus_after = g_strdup_printf ("record-date:%s", role_id);
}

static void
delete_record_clicked_cb (GtkButton             *button,
                          TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  TandemProject *project = tandem_page_get_project (page);
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_record (project, g_object_get_data (G_OBJECT (button), "id"),
                                          &error))
    tandem_page_show_error (page, _("Could Not Delete the Record"), error);
  else
    tandem_page_show_toast (page, _("Record deleted"), TRUE);
}

static void
delete_role_clicked_cb (GtkButton             *button,
                        TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  TandemProject *project = tandem_page_get_project (page);
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_role (project, g_object_get_data (G_OBJECT (button), "role-id"),
                                        &error))
    tandem_page_show_error (page, _("Could Not Delete the Role"), error);
  else
    tandem_page_show_toast (page, _("Peer role deleted"), TRUE);
}

static void
add_role_clicked_cb (TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = tandem_peer_support_add_role (tandem_page_get_project (page),
                                     tandem_page_get_team_id (page), NULL, &error);
  if (id == NULL)
    {
      tandem_page_show_error (page, _("Could Not Add the Role"), error);
      return;
    }
  g_free (self->focus_after);
  self->focus_after = g_strdup_printf ("title:%s", id);
  tandem_peer_support_page_select_view (self, "roles");
}

static GtkWidget *
role_entry_row (TandemPeerSupportPage *self,
                const TandemPeerRole  *role,
                const char            *field,
                const char            *title,
                const char            *text)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);
  GtkWidget *row = field_row (self, title, text, key, G_CALLBACK (role_text_applied_cb));

  tandem_shown_field_fill (row, tandem_page_get_project (TANDEM_PAGE (self)),
                           TANDEM_ENTITY_PEER_ROLE, role->id, field, text);
  g_object_set_data_full (G_OBJECT (row), "role-id", g_strdup (role->id), g_free);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  return row;
}

static GtkWidget *
role_switch_row (TandemPeerSupportPage *self,
                 const TandemPeerRole  *role,
                 const char            *field,
                 const char            *title,
                 gboolean               active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, tandem_page_get_editable (TANDEM_PAGE (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (toggle), "role-id", g_strdup (role->id), g_free);
  g_object_set_data (G_OBJECT (toggle), "field", (gpointer) field);
  /* Saved checked against this, as the file holds it. */
  tandem_shown_field_remember_value (toggle, TANDEM_ENTITY_PEER_ROLE, role->id, field, active ? "1" : "0");
  g_signal_connect (toggle, "notify::active", G_CALLBACK (role_switch_cb), self);
  remember (self, toggle, key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
role_person_chosen_cb (TandemPersonChooser   *chooser,
                       const char            *person_id,
                       TandemPeerSupportPage *self)
{
  TandemPage *page = TANDEM_PAGE (self);
  const char *role_id = g_object_get_data (G_OBJECT (chooser), "role-id");
  const char *field = g_object_get_data (G_OBJECT (chooser), "field");
  g_autoptr(GError) error = NULL;

  if (self->building)
    return;
  /* Checked against who the chooser showed, as every edit on the page is. */
  if (!tandem_peer_support_set_role_field (tandem_page_get_project (page), role_id, field,
                                           tandem_shown_field_get_stored (GTK_WIDGET (chooser)),
                                           person_id, &error))
    save_failed (self, GTK_WIDGET (chooser), role_id, field, error);
}

/* Who holds the role, or who supervises them: typed to find someone, or
 * added there and then. */
static GtkWidget *
role_person_row (TandemPeerSupportPage *self,
                 const TandemPeerRole  *role,
                 const char            *field,
                 const char            *title,
                 const char            *person_id)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  GtkWidget *chooser = tandem_person_chooser_new (title, TRUE);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);

  tandem_person_chooser_set_team (TANDEM_PERSON_CHOOSER (chooser), project,
                                  tandem_page_get_team_id (TANDEM_PAGE (self)));
  tandem_person_chooser_set_person_id (TANDEM_PERSON_CHOOSER (chooser), person_id);
  tandem_shown_field_remember_value (chooser, TANDEM_ENTITY_PEER_ROLE, role->id, field, person_id);
  g_object_set_data_full (G_OBJECT (chooser), "role-id", g_strdup (role->id), g_free);
  g_object_set_data (G_OBJECT (chooser), "field", (gpointer) field);
  g_signal_connect (chooser, "person-chosen", G_CALLBACK (role_person_chosen_cb), self);
  remember (self, chooser, key);
  gtk_widget_set_margin_top (chooser, 8);
  gtk_widget_set_margin_bottom (chooser, 8);
  gtk_widget_set_margin_start (chooser, 12);
  gtk_widget_set_margin_end (chooser, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), chooser);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_sensitive (row, tandem_page_get_editable (TANDEM_PAGE (self)));
  return row;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

static GtkWidget *
record_form (TandemPeerSupportPage *self,
             const TandemPeerRole  *role)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = tandem_date_entry_new ();
  GtkWidget *kind = tandem_enum_drop_down_new (TANDEM_TYPE_SUPERVISION_KIND,
                                               TANDEM_ENUM_LABEL_FUNC (tandem_supervision_kind_label));
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Record"));
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *today = tandem_peer_support_today ();
  g_autofree char *date_key = g_strdup_printf ("record-date:%s", role->id);
  g_autofree char *add_key = g_strdup_printf ("record-add:%s", role->id);

  gtk_editable_set_text (GTK_EDITABLE (date), today);
  gtk_editable_set_width_chars (GTK_EDITABLE (date), 11);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional)"));
  gtk_widget_set_hexpand (note, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tandem_date_entry_get_entry (TANDEM_DATE_ENTRY (date))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date of the session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note on the session (optional)"), -1);
  remember (self, date, date_key);
  remember (self, add, add_key);
  /* Not fields yet, but what is typed in them survives a refresh too. */
  tandem_shown_field_fill (date, tandem_page_get_project (TANDEM_PAGE (self)), "new-record", role->id,
                           "date", today);
  tandem_shown_field_fill (note, tandem_page_get_project (TANDEM_PAGE (self)), "new-record", role->id,
                           "note", NULL);

  g_object_set_data (G_OBJECT (add), "date", date);
  g_object_set_data (G_OBJECT (add), "kind", kind);
  g_object_set_data (G_OBJECT (add), "note", note);
  g_object_set_data_full (G_OBJECT (add), "role-id", g_strdup (role->id), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (add_record_clicked_cb), self);
  g_signal_connect_swapped (note, "activate", G_CALLBACK (gtk_widget_activate), add);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Date and kind, then note and button: one line, or two in a narrow window. */
  {
    GtkWidget *when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *what = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *lines = gtk_flow_box_new ();

    gtk_box_append (GTK_BOX (when), date);
    gtk_box_append (GTK_BOX (when), kind);
    gtk_box_append (GTK_BOX (what), note);
    gtk_box_append (GTK_BOX (what), add);
    gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (lines), GTK_SELECTION_NONE);
    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (lines), 2);
    gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (lines), 6);
    gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (lines), 6);
    gtk_flow_box_append (GTK_FLOW_BOX (lines), when);
    gtk_flow_box_append (GTK_FLOW_BOX (lines), what);
    gtk_widget_set_focusable (gtk_widget_get_parent (when), FALSE);
    gtk_widget_set_focusable (gtk_widget_get_parent (what), FALSE);
    gtk_widget_set_hexpand (lines, TRUE);
    gtk_box_append (GTK_BOX (box), lines);
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_sensitive (row, tandem_page_get_editable (TANDEM_PAGE (self)));
  return row;
}

static void
show_all_records_clicked_cb (GtkButton             *button,
                             TandemPeerSupportPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "all-key");

  if (!g_hash_table_remove (self->expanded, key))
    g_hash_table_add (self->expanded, g_strdup (key));
  g_free (self->focus_after);
  self->focus_after = g_strdup (key);
  /* Rebuilt from the file, not from the page's copy: the rows' editors
   * check a save against what they show, which must be the file now. */
  tandem_peer_support_page_reload (TANDEM_PAGE (self));
}

static GtkWidget *
build_role_row (TandemPeerSupportPage *self,
                TandemProject         *project,
                const TandemPeerRole  *role)
{
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  g_autofree char *key = g_strdup_printf ("role:%s", role->id);
  g_autofree char *terms = tandem_peer_support_describe_role (role);
  g_autofree char *supervision = tandem_peer_support_describe_supervision (role);
  g_autofree char *hours = format_number (role->hours);
  g_autofree char *expected = format_number (role->expected_per_month);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", terms, supervision);
  g_autoptr(GPtrArray) records = tandem_peer_support_list_records (project, role->id, NULL);
  g_autofree char *all_key = g_strdup_printf ("all-records:%s", role->id);
  AdwExpanderRow *row = keyed_expander (self, key, role->title);
  guint n_shown;

  adw_expander_row_set_subtitle (row, subtitle);
  adw_expander_row_add_row (row, role_entry_row (self, role, "title", _("Post title"), role->title));
  adw_expander_row_add_row (row, role_person_row (self, role, "person_id",
                                                  _("Peer worker in the role"), role->person_id));
  adw_expander_row_add_row (row, role_person_row (self, role, "supervisor_id", _("Supervisor"),
                                                  role->supervisor_id));
  adw_expander_row_add_row (row, role_entry_row (self, role, "band", _("Band"), role->band));
  adw_expander_row_add_row (row, role_entry_row (self, role, "hours", _("Hours a week"), hours));
  adw_expander_row_add_row (row, date_row (role_entry_row (self, role, "start_date",
                                                           _("Start date"), role->start_date)));
  adw_expander_row_add_row (row, date_row (role_entry_row (self, role, "end_date",
                                                           _("End date, if the worker has left"),
                                                           role->end_date)));
  adw_expander_row_add_row (row, role_entry_row (self, role, "leaving_reason",
                                                 _("Reason for leaving (optional)"),
                                                 role->leaving_reason));
  adw_expander_row_add_row (row, role_entry_row (self, role, "expected_supervision_per_month",
                                                 _("Supervision sessions expected a month"),
                                                 expected));
  adw_expander_row_add_row (row, role_switch_row (self, role, "paired",
                                                  _("Works in a pair or a linked role"),
                                                  role->paired));
  adw_expander_row_add_row (row, role_switch_row (self, role, "vacancy", _("The post is vacant"),
                                                  role->vacancy));
  adw_expander_row_add_row (row, record_form (self, role));

  /* The latest records first; all of them when asked for (a role with
   * years of supervision has hundreds, so they are built only then). */
  n_shown = records == NULL ? 0 : records->len;
  if (!g_hash_table_contains (self->expanded, all_key))
    n_shown = MIN (n_shown, MAX_RECORDS_SHOWN);
  for (guint i = 0; i < n_shown; i++)
    {
      const TandemSupervisionRecord *record = records->pdata[i];
      GtkWidget *record_row = adw_action_row_new ();
      g_autofree char *date = tandem_peer_support_format_date (record->date);
      g_autofree char *title = g_strdup_printf ("%s — %s", date,
                                                tandem_supervision_kind_label (record->kind));
      g_autofree char *delete_label = g_strdup_printf (_("Delete the record of %s"), title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (record_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (record_row), title);
      if (record->note)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (record_row), record->note);
      if (editable)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *delete_key = g_strdup_printf ("record:%s", record->id);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Delete this record"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          delete_label, -1);
          g_object_set_data_full (G_OBJECT (button), "id", g_strdup (record->id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (delete_record_clicked_cb), self);
          remember (self, button, delete_key);
          adw_action_row_add_suffix (ADW_ACTION_ROW (record_row), button);
        }
      adw_expander_row_add_row (row, record_row);
    }
  if (records != NULL && records->len > MAX_RECORDS_SHOWN)
    {
      GtkWidget *more = adw_action_row_new ();
      GtkWidget *button;
      gboolean all = n_shown == records->len;
      g_autofree char *text = all
        ? g_strdup_printf (ngettext ("All %u record is shown, newest first.",
                                     "All %u records are shown, newest first.", records->len),
                           records->len)
        : g_strdup_printf (_("The latest %u of %u records are shown."), n_shown, records->len);
      g_autofree char *label = all
        ? g_strdup_printf (_("Show the Latest %u"), (guint) MAX_RECORDS_SHOWN)
        : g_strdup_printf (ngettext ("Show All %u Record", "Show All %u Records", records->len),
                           records->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "all-key", g_strdup (all_key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (show_all_records_clicked_cb), self);
      remember (self, button, all_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (more), button);
      adw_expander_row_add_row (row, more);
    }

  if (editable)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Role"));
      g_autofree char *delete_key = g_strdup_printf ("delete-role:%s", role->id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _("Delete the role and its records"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data_full (G_OBJECT (button), "role-id", g_strdup (role->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_role_clicked_cb), self);
      remember (self, button, delete_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (row, delete_row);
    }
  return GTK_WIDGET (row);
}

static void
build_roles (TandemPeerSupportPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  clear_list (self->roles_list);
  if (self->report == NULL)
    return;
  if (self->report->roles->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No peer roles yet. Add the team's first one."));
      gtk_list_box_append (self->roles_list, row);
    }
  for (guint i = 0; i < self->report->roles->len; i++)
    gtk_list_box_append (self->roles_list, build_role_row (self, project, self->report->roles->pdata[i]));
}

/* ------------------------------------------------------------------------ */
/* Timeline                                                                 */

static const char *
timeline_icon (TandemTimelineKind kind)
{
  switch (kind)
    {
    case TANDEM_TIMELINE_STATUS:
      return "emblem-ok-symbolic";
    case TANDEM_TIMELINE_ROLE_STARTED:
      return "list-add-symbolic";
    case TANDEM_TIMELINE_ROLE_LEFT:
      return "list-remove-symbolic";
    case TANDEM_TIMELINE_TRAINING:
      return "accessories-dictionary-symbolic";
    case TANDEM_TIMELINE_SUPERVISION:
    default:
      return "system-users-symbolic";
    }
}

/* Months as headers, so that a long timeline reads like a diary. */
static void
timeline_header_cb (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  const char *month = g_object_get_data (G_OBJECT (row), "month");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "month") : NULL;
  GtkWidget *header;

  if (month == NULL || g_strcmp0 (month, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (month);
  gtk_widget_set_halign (header, GTK_ALIGN_START);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static char *
month_of (const char *iso)
{
  g_autoptr(GDateTime) day = NULL;
  int y, m;

  if (iso == NULL || sscanf (iso, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
    return g_strdup (iso);
  day = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  return day ? g_date_time_format (day, "%B %Y") : g_strdup (iso);
}

static void
show_all_events_clicked_cb (GtkButton             *button,
                            TandemPeerSupportPage *self)
{
  if (!g_hash_table_remove (self->expanded, "all-events"))
    g_hash_table_add (self->expanded, g_strdup ("all-events"));
  g_free (self->focus_after);
  self->focus_after = g_strdup ("all-events");
  tandem_peer_support_page_reload (TANDEM_PAGE (self));
}

static void build_timeline (TandemPeerSupportPage *self);

static void
view_changed_cb (GtkStack              *views,
                 GParamSpec            *pspec,
                 TandemPeerSupportPage *self)
{
  gboolean showing = g_strcmp0 (gtk_stack_get_visible_child_name (views), "timeline") == 0;

  /* Build it on arrival, drop it on leaving. */
  if (showing || gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list)) != NULL)
    build_timeline (self);
}

static void
build_timeline (TandemPeerSupportPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown;

  g_hash_table_remove (self->keyed, "all-events");
  clear_list (self->timeline_list);
  /* Built only while it is shown: hundreds of rows nobody is looking at
   * would slow every rebuild and the accessibility tree. */
  if (self->report == NULL || project == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "timeline") != 0)
    return;
  events = tandem_peer_support_timeline (project, self->report->team_id, &error);
  if (events == NULL)
    {
      g_warning ("Could not read the timeline: %s", error->message);
      return;
    }
  if (events->len == 0)
    {
      g_autofree char *text = tandem_peer_support_describe_timeline (events, 0);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->timeline_list, row);
      return;
    }

  n_shown = g_hash_table_contains (self->expanded, "all-events")
            ? events->len : MIN (events->len, MAX_EVENTS_SHOWN);
  for (guint i = 0; i < n_shown; i++)
    {
      const TandemTimelineEvent *event = events->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (timeline_icon (event->kind));
      g_autofree char *date = tandem_peer_support_format_date (event->date);
      g_autofree char *subtitle = event->author
        /* Translators: a date, and who recorded the change then. */
        ? g_strdup_printf (_("%s, recorded by %s"), date, event->author)
        : g_strdup (date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "month", month_of (event->date), g_free);
      gtk_list_box_append (self->timeline_list, row);
    }
  if (events->len > MAX_EVENTS_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      gboolean all = n_shown == events->len;
      g_autofree char *text = all
        ? g_strdup_printf (ngettext ("All %u event is shown.", "All %u events are shown.",
                                     events->len), events->len)
        : g_strdup_printf (_("The latest %u of %u events are shown."), n_shown, events->len);
      g_autofree char *label = all
        ? g_strdup_printf (_("Show the Latest %u"), (guint) MAX_EVENTS_SHOWN)
        : g_strdup_printf (ngettext ("Show All %u Event", "Show All %u Events", events->len),
                           events->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      button = gtk_button_new_with_label (label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (show_all_events_clicked_cb), self);
      remember (self, button, "all-events");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

static void
show_words (TandemPeerSupportPage *self)
{
  TandemPeerSupportReport *report = self->report;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GPtrArray) support = tandem_peer_support_describe_support (report);
  g_autoptr(GString) supervision = g_string_new (NULL);
  g_autoptr(GString) retention = g_string_new (NULL);
  g_autofree char *progress = tandem_peer_support_describe_progress (report->stages);
  g_autofree char *support_text = NULL;
  g_autofree char *summary = NULL;
  guint in_place = 0, applies = 0;

  for (guint i = 0; i < report->items->len; i++)
    {
      const TandemTrackerItem *item = report->items->pdata[i];
      in_place += item->status == TANDEM_ITEM_IN_PLACE;
      applies += item->status != TANDEM_ITEM_NOT_APPLICABLE;
    }
  /* The first two sentences say what the file holds, as every page does. */
  summary = g_strdup_printf (_("Peer-support roles: %" G_GINT64_FORMAT ". Framework items tracked: "
                               "%" G_GINT64_FORMAT ". In place: %u of the %u items that apply."),
                             tandem_project_count (project, TANDEM_ENTITY_PEER_ROLE,
                                                   TANDEM_FIELD_PEER_ROLE_TEAM_ID, report->team_id),
                             tandem_project_count (project, TANDEM_ENTITY_FRAMEWORK_STATUS,
                                                   TANDEM_FIELD_FRAMEWORK_STATUS_TEAM_ID,
                                                   report->team_id),
                             in_place, applies);
  gtk_label_set_text (self->summary_label, summary);

  gtk_label_set_text (self->progress_text, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, progress, -1);

  g_ptr_array_add (support, NULL);
  support_text = g_strjoinv ("\n", (char **) support->pdata);
  gtk_label_set_text (self->support_text, support_text);

  for (guint y = 0; y < 3; y++)
    {
      g_autofree char *line = tandem_peer_support_describe_retention (&report->retention[y]);
      g_string_append_printf (retention, "%s%s", y ? "\n" : "", line);
    }
  gtk_label_set_text (self->retention_text, retention->str);

  for (guint i = 0; i < report->roles->len; i++)
    {
      const TandemPeerRole *role = report->roles->pdata[i];
      g_autofree char *line = tandem_peer_support_describe_supervision (role);
      g_string_append_printf (supervision, "%s%s: %s", i ? "\n" : "", role->title, line);
    }
  if (report->roles->len == 0)
    g_string_append (supervision, _("No peer roles yet: add them under Roles."));
  gtk_label_set_text (self->supervision_text, supervision->str);
}

/* ------------------------------------------------------------------------ */
/* Printing and exporting                                                   */

static gboolean
showing_caseload (TandemPeerSupportPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "caseload") == 0;
}

static void
report_free_cb (gpointer data)
{
  tandem_peer_support_report_free (data);
}

static void
caseload_free_cb (gpointer data)
{
  tandem_peer_support_caseload_free (data);
}

static void
tandem_peer_support_page_print (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;

  if (showing_caseload (self))
    {
      TandemPeerSupportCaseload *caseload = tandem_peer_support_caseload_new (project, &error);
      if (caseload == NULL)
        {
          tandem_page_show_error (page, _("Could Not Print"), error);
          return;
        }
      tandem_print_pages (window, _("Peer-support caseload overview"), TANDEM_PAPER_A4, TRUE,
                          tandem_peer_support_caseload_n_pages (caseload),
                          tandem_peer_support_draw_caseload_page, caseload, caseload_free_cb, NULL);
    }
  else
    {
      TandemPeerSupportReport *report = tandem_peer_support_report_new (
        project, tandem_page_get_team_id (page), NULL, &error);
      if (report == NULL)
        {
          tandem_page_show_error (page, _("Could Not Print"), error);
          return;
        }
      tandem_print_pages (window, _("Peer-support summary"), TANDEM_PAPER_A4, FALSE, 1,
                          tandem_peer_support_draw_summary_page, report, report_free_cb, NULL);
    }
}

static void
export_response_cb (GtkNativeDialog       *dialog,
                    int                    response,
                    TandemPeerSupportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error_literal (&error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                               _("Choose a file on this computer or a mounted drive."));
          tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export"), error);
        }
      else if (!tandem_peer_support_page_export_to (self, path, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export"), error);
      else
        tandem_page_show_toast (TANDEM_PAGE (self), _("Exported"), FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
tandem_peer_support_page_export (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (showing_caseload (self))
    name = g_strdup (_("Peer-support caseload overview.pdf"));
  else
    {
      g_autofree char *team = tandem_project_get_text (tandem_page_get_project (page),
                                                       TANDEM_ENTITY_TEAM,
                                                       tandem_page_get_team_id (page),
                                                       TANDEM_FIELD_TEAM_NAME);
      name = g_strdup_printf (_("%s peer-support summary.pdf"), team ? team : _("Team"));
      g_strdelimit (name, "/\\", '-');
    }

  dialog = gtk_file_chooser_native_new (showing_caseload (self) ? _("Export the Caseload Overview")
                                                                : _("Export the Team's Summary"),
                                        window, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (png, _("PNG image (first page)"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing (first page)"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------------ */
/* Reloading                                                                */

static gboolean
rebuild_cb (gpointer user_data)
{
  TandemPeerSupportPage *self = user_data;
  g_autofree char *key = NULL;
  g_autoptr(GHashTable) typing = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  int cursor = -1;
  double checklist_at, roles_at, timeline_at;

  self->rebuild_id = 0;
  key = self->focus_after ? g_steal_pointer (&self->focus_after) : focused_key (self);
  checklist_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->checklist_scroll));
  roles_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->roles_scroll));
  timeline_at = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->timeline_scroll));

  /* What is being typed survives the rebuild, with where the cursor was. */
  typing = tandem_shown_field_save_typing (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus && GTK_IS_EDITABLE (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    cursor = gtk_editable_get_position (GTK_EDITABLE (focus));

  self->building = TRUE;
  g_hash_table_remove_all (self->keyed);
  build_checklist (self);
  build_roles (self);
  build_timeline (self);
  tandem_shown_field_restore_typing (GTK_WIDGET (self), typing);
  self->building = FALSE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->checklist_scroll), checklist_at);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->roles_scroll), roles_at);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->timeline_scroll), timeline_at);
  restore_focus (self, key);
  focus = root ? gtk_root_get_focus (root) : NULL;
  /* Focusing selects everything: the next key would replace it. */
  if (cursor >= 0 && focus && GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), cursor);
  return G_SOURCE_REMOVE;
}

static void
tandem_peer_support_page_reload (TandemPage *page)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *caseload_words = NULL;

  g_clear_pointer (&self->report, tandem_peer_support_report_free);
  g_clear_pointer (&self->caseload, tandem_peer_support_caseload_free);

  if (project != NULL && team != NULL)
    {
      self->report = tandem_peer_support_report_new (project, team, NULL, &error);
      if (self->report == NULL)
        g_warning ("Could not read the peer-support tracker: %s", error->message);
      g_clear_error (&error);
    }
  if (project != NULL)
    {
      self->caseload = tandem_peer_support_caseload_new (project, &error);
      if (self->caseload == NULL)
        g_warning ("Could not read the caseload: %s", error->message);
    }

  /* The rows are rebuilt once the signal that changed them is over: the
   * change may come from one of them (a status chosen in its drop-down). */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_role_button),
                            self->report != NULL && tandem_page_get_editable (page));
  if (self->report != NULL)
    show_words (self);
  if (self->caseload != NULL)
    {
      caseload_words = tandem_peer_support_describe_caseload (self->caseload);
      gtk_label_set_text (self->caseload_text, caseload_words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->heatmap_area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caseload_words, -1);
    }
  progress_resized_cb (self->progress_area, gtk_widget_get_width (GTK_WIDGET (self->progress_area)),
                       0, self);
  heatmap_resized_cb (self->heatmap_area, gtk_widget_get_width (GTK_WIDGET (self->heatmap_area)),
                      0, self);
  gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap_area));
}

/* ------------------------------------------------------------------------ */
/* The class                                                                */

static void
tandem_peer_support_page_dispose (GObject *object)
{
  TandemPeerSupportPage *self = TANDEM_PEER_SUPPORT_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->views != NULL)
    g_signal_handlers_disconnect_by_func (self->views, view_changed_cb, self);
  g_clear_pointer (&self->report, tandem_peer_support_report_free);
  g_clear_pointer (&self->caseload, tandem_peer_support_caseload_free);
  /* Rows go first, removed from their lists as a rebuild does: libadwaita
   * 1.2's expander rows complain when disposed along with their list. */
  if (self->stage_groups != NULL)
    {
      build_checklist (self);
      build_roles (self);
      build_timeline (self);
    }
  g_clear_pointer (&self->stage_groups, g_ptr_array_unref);
  g_clear_pointer (&self->keyed, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->focus_after, g_free);
  G_OBJECT_CLASS (tandem_peer_support_page_parent_class)->dispose (object);
}

static void
tandem_peer_support_page_class_init (TandemPeerSupportPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_FRAMEWORK_STATUS, TANDEM_ENTITY_FRAMEWORK_ITEM, TANDEM_ENTITY_PEER_ROLE,
    TANDEM_ENTITY_SUPERVISION, TANDEM_ENTITY_TEAM, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  object_class->dispose = tandem_peer_support_page_dispose;
  page_class->entities = entities;
  page_class->reload = tandem_peer_support_page_reload;
  page_class->print = tandem_peer_support_page_print;
  page_class->export = tandem_peer_support_page_export;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-peer-support-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, views);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, progress_area);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, progress_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, support_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, retention_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, supervision_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, checklist_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, roles_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, add_role_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, roles_list);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, heatmap_area);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, caseload_text);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, timeline_scroll);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerSupportPage, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, add_role_clicked_cb);
}

static void
tandem_peer_support_page_init (TandemPeerSupportPage *self)
{
  self->stage_groups = g_ptr_array_new ();
  self->keyed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->progress_area, draw_progress_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->heatmap_area, draw_heatmap_cb, self, NULL);
  g_signal_connect (self->progress_area, "resize", G_CALLBACK (progress_resized_cb), self);
  g_signal_connect (self->heatmap_area, "resize", G_CALLBACK (heatmap_resized_cb), self);
  gtk_list_box_set_header_func (self->timeline_list, timeline_header_cb, NULL, NULL);
  g_signal_connect (self->views, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self);
}

/**
 * tandem_peer_support_page_select_view:
 * @self: the page
 * @name: “progress”, “checklist”, “roles”, “timeline” or “caseload”
 *
 * Shows one of the page's views, as its switcher does.
 */
void
tandem_peer_support_page_select_view (TandemPeerSupportPage *self,
                                      const char            *name)
{
  g_return_if_fail (TANDEM_IS_PEER_SUPPORT_PAGE (self));
  gtk_stack_set_visible_child_name (self->views, name);
}

/**
 * tandem_peer_support_page_export_to:
 * @self: the page
 * @path: a file ending in .pdf, .png or .svg
 * @error: return location for an error
 *
 * Exports what the page shows, as Export… does once a file is chosen: the
 * caseload overview when the All Teams view is showing, otherwise the
 * team's one-page summary.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_peer_support_page_export_to (TandemPeerSupportPage  *self,
                                    const char             *path,
                                    GError                **error)
{
  TandemPage *page = TANDEM_PAGE (self);
  TandemProject *project = tandem_page_get_project (page);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  TandemExportFormat format = TANDEM_EXPORT_PDF;
  double width, height;

  g_return_val_if_fail (TANDEM_IS_PEER_SUPPORT_PAGE (self), FALSE);

  if (g_str_has_suffix (lower, ".png"))
    format = TANDEM_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = TANDEM_EXPORT_SVG;

  if (showing_caseload (self))
    {
      g_autoptr(TandemPeerSupportCaseload) caseload = tandem_peer_support_caseload_new (project, error);
      guint n_pages;

      if (caseload == NULL)
        return FALSE;
      n_pages = format == TANDEM_EXPORT_PDF ? tandem_peer_support_caseload_n_pages (caseload) : 1;
      tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
      return tandem_export_pages (path, format, width, height, n_pages, 150,
                                  tandem_peer_support_draw_caseload_page, caseload, error);
    }
  else
    {
      g_autoptr(TandemPeerSupportReport) report = tandem_peer_support_report_new (
        project, tandem_page_get_team_id (page), NULL, error);

      if (report == NULL)
        return FALSE;
      tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
      return tandem_export_pages (path, format, width, height, 1, 150,
                                  tandem_peer_support_draw_summary_page, report, error);
    }
}
