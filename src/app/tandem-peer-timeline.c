/* tandem-peer-timeline.c — what has happened in a team's implementation,
 * newest first, under the month it happened in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-peer-timeline.h"

#define MAX_EVENTS_SHOWN 100

struct _TandemPeerTimeline
{
  GtkBox                         parent_instance;

  GtkListBox                    *timeline_list;

  TandemProject                 *project;  /* the page's, while it shows this */
  const TandemPeerSupportReport *report;   /* the page's, until the next set_report */
  gboolean                       shown;    /* built only while it is shown */
  GPtrArray                     *months;   /* each row's month, by its index */
  TandemPeerPlace                place;
};

static void tandem_peer_timeline_section_init (TandemPeerSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemPeerTimeline, tandem_peer_timeline, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (TANDEM_TYPE_PEER_SECTION,
                                                      tandem_peer_timeline_section_init))

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

static const char *
month_at (TandemPeerTimeline *self,
          GtkListBoxRow      *row)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  return index >= 0 && (guint) index < self->months->len ? self->months->pdata[index] : NULL;
}

/* Months as headers, so that a long timeline reads like a diary. */
static void
timeline_header_cb (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  TandemPeerTimeline *self = user_data;
  const char *month = month_at (self, row);
  const char *previous = month_at (self, before);
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
show_all_events_clicked_cb (TandemPeerTimeline *self)
{
  tandem_peer_place_toggle (&self->place, "all-events");
  tandem_peer_place_focus_after (&self->place, "all-events");
  tandem_peer_section_request_reload (self);
}

static void
clear_timeline (TandemPeerTimeline *self)
{
  tandem_peer_clear_list (self->timeline_list);
  g_ptr_array_set_size (self->months, 0);
}

static void
append_row (TandemPeerTimeline *self,
            GtkWidget          *row,
            char               *month)
{
  g_ptr_array_add (self->months, month);
  gtk_list_box_append (self->timeline_list, row);
}

static void
build_timeline (TandemPeerTimeline *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown;

  clear_timeline (self);
  /* Built only while it is shown: hundreds of rows nobody is looking at
   * would slow every rebuild and the accessibility tree. */
  if (self->report == NULL || self->project == NULL || !self->shown)
    return;
  events = tandem_peer_support_timeline (self->project, self->report->team_id, &error);
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
      append_row (self, row, NULL);
      return;
    }

  n_shown = g_hash_table_contains (self->place.expanded, "all-events")
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
      append_row (self, row, month_of (event->date));
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
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (show_all_events_clicked_cb), self);
      tandem_peer_place_remember (&self->place, button, "all-events");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      append_row (self, row, NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* The section                                                              */

static void
tandem_peer_timeline_set_report (TandemPeerSection             *section,
                                 TandemProject                 *project,
                                 const TandemPeerSupportReport *report,
                                 gboolean                       editable)
{
  TandemPeerTimeline *self = TANDEM_PEER_TIMELINE (section);

  self->project = project;
  self->report = report;
}

static void
tandem_peer_timeline_rebuild (TandemPeerSection *section)
{
  TandemPeerTimeline *self = TANDEM_PEER_TIMELINE (section);

  tandem_peer_place_begin (&self->place, GTK_WIDGET (self));
  build_timeline (self);
}

static void
tandem_peer_timeline_restore (TandemPeerSection *section)
{
  tandem_peer_place_restore (&TANDEM_PEER_TIMELINE (section)->place);
}

static void
tandem_peer_timeline_section_init (TandemPeerSectionInterface *iface)
{
  iface->set_report = tandem_peer_timeline_set_report;
  iface->rebuild = tandem_peer_timeline_rebuild;
  iface->restore = tandem_peer_timeline_restore;
}

static void
tandem_peer_timeline_dispose (GObject *object)
{
  TandemPeerTimeline *self = TANDEM_PEER_TIMELINE (object);

  if (self->timeline_list != NULL)
    clear_timeline (self);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  tandem_peer_place_clear (&self->place);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PEER_TIMELINE);
  G_OBJECT_CLASS (tandem_peer_timeline_parent_class)->dispose (object);
}

static void
tandem_peer_timeline_class_init (TandemPeerTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_peer_timeline_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-peer-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeerTimeline, timeline_list);
}

static void
tandem_peer_timeline_init (TandemPeerTimeline *self)
{
  self->months = g_ptr_array_new_with_free_func (g_free);
  tandem_peer_place_init (&self->place);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->timeline_list, timeline_header_cb, self, NULL);
}

/**
 * tandem_peer_timeline_new:
 *
 * Makes an empty timeline; tandem_peer_section_set_report() and
 * tandem_peer_section_rebuild() fill it while it is shown.
 *
 * Returns: (transfer floating): the timeline
 */
GtkWidget *
tandem_peer_timeline_new (void)
{
  return g_object_new (TANDEM_TYPE_PEER_TIMELINE, NULL);
}

/**
 * tandem_peer_timeline_set_shown:
 * @self: the timeline
 * @shown: whether the person is looking at it
 *
 * The timeline is built on arrival and dropped on leaving.
 */
void
tandem_peer_timeline_set_shown (TandemPeerTimeline *self,
                                gboolean            shown)
{
  g_return_if_fail (TANDEM_IS_PEER_TIMELINE (self));
  if (self->shown == shown)
    return;
  self->shown = shown;
  tandem_peer_place_begin (&self->place, GTK_WIDGET (self));
  build_timeline (self);
  tandem_peer_place_restore (&self->place);
}
