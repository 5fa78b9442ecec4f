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

/* A row of the timeline: an event, the line that says there are none, or
 * the line that offers them all (which has a button). */
#define TANDEM_TYPE_TIMELINE_ITEM (tandem_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (TandemTimelineItem, tandem_timeline_item, TANDEM, TIMELINE_ITEM,
                      TandemPeerItem)

struct _TandemTimelineItem
{
  TandemPeerItem parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemTimelineItem, tandem_timeline_item, TANDEM_TYPE_PEER_ITEM)

static void
tandem_timeline_item_class_init (TandemTimelineItemClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *pspecs[] = {
    NULL,
    g_param_spec_string ("id", NULL, NULL, NULL, flags),
    g_param_spec_string ("title", NULL, NULL, NULL, flags),
    g_param_spec_string ("subtitle", NULL, NULL, NULL, flags),
    g_param_spec_string ("icon", NULL, NULL, NULL, flags),
    g_param_spec_string ("month", NULL, NULL, NULL, flags),
    g_param_spec_string ("button-label", NULL, NULL, NULL, flags),
  };

  tandem_peer_item_class_install (TANDEM_PEER_ITEM_CLASS (klass), pspecs, G_N_ELEMENTS (pspecs));
}

static void
tandem_timeline_item_init (TandemTimelineItem *self)
{
}

struct _TandemPeerTimeline
{
  GtkBox                         parent_instance;

  GtkListBox                    *timeline_list;

  TandemProject                 *project;  /* the page's, while it shows this */
  const TandemPeerSupportReport *report;   /* the page's, until the next set_report */
  char                          *team_id;  /* the team the rows were made for */
  gboolean                       shown;    /* filled only while it is shown */
  gboolean                       all;      /* every event is shown, not the latest */
  GListStore                    *events;   /* TandemTimelineItem */
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
  g_autoptr(TandemPeerItem) item = NULL;

  if (index < 0 || (item = g_list_model_get_item (G_LIST_MODEL (self->events), index)) == NULL)
    return NULL;
  /* The store holds the item: the string outlives this reference. */
  return tandem_peer_item_get_string (item, "month");
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
  self->all = !self->all;
  tandem_peer_section_request_reload (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TandemPeerTimeline *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  const char *icon_name = tandem_peer_item_get_string (item, "icon");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "subtitle", row, "subtitle", G_BINDING_SYNC_CREATE);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  if (tandem_peer_item_get_string (item, "button-label") != NULL)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_widget_set_name (button, "all-events");
      g_object_bind_property (item, "button-label", button, "label", G_BINDING_SYNC_CREATE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (show_all_events_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static TandemPeerItem *
event_item_new (const TandemTimelineEvent *event)
{
  g_autofree char *date = tandem_peer_support_format_date (event->date);
  g_autofree char *subtitle = event->author
    /* Translators: a date, and who recorded the change then. */
    ? g_strdup_printf (_("%s, recorded by %s"), date, event->author)
    : g_strdup (date);
  g_autofree char *month = month_of (event->date);
  g_autofree char *id = g_strdup_printf ("%d:%s:%s:%s:%s", event->kind, event->date,
                                         event->at ? event->at : "",
                                         event->subject_id ? event->subject_id : "", event->text);

  return g_object_new (TANDEM_TYPE_TIMELINE_ITEM, "id", id, "title", event->text,
                       "subtitle", subtitle, "icon", timeline_icon (event->kind), "month", month,
                       NULL);
}

static void
update_timeline (TandemPeerTimeline *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown;

  /* Filled only while it is shown: hundreds of rows nobody is looking at
   * would slow every update and the accessibility tree. */
  if (self->report == NULL || self->project == NULL || !self->shown)
    {
      g_list_store_remove_all (self->events);
      return;
    }
  events = tandem_peer_support_timeline (self->project, self->report->team_id, &error);
  if (events == NULL)
    {
      g_warning ("Could not read the timeline: %s", error->message);
      g_list_store_remove_all (self->events);
      return;
    }
  if (events->len == 0)
    {
      g_autofree char *text = tandem_peer_support_describe_timeline (events, 0);

      g_ptr_array_add (items, g_object_new (TANDEM_TYPE_TIMELINE_ITEM, "id", "no-events",
                                            "title", text, NULL));
    }

  n_shown = self->all ? events->len : MIN (events->len, MAX_EVENTS_SHOWN);
  for (guint i = 0; i < n_shown; i++)
    g_ptr_array_add (items, event_item_new (events->pdata[i]));
  if (events->len > MAX_EVENTS_SHOWN)
    {
      gboolean all = n_shown == events->len;
      g_autofree char *text = all
        ? g_strdup_printf (ngettext ("All %u event is shown.", "All %u events are shown.",
                                     events->len), events->len)
        : g_strdup_printf (_("The latest %u of %u events are shown."), n_shown, events->len);
      g_autofree char *label = all
        ? g_strdup_printf (_("Show the Latest %u"), (guint) MAX_EVENTS_SHOWN)
        : g_strdup_printf (ngettext ("Show All %u Event", "Show All %u Events", events->len),
                           events->len);

      g_ptr_array_add (items, g_object_new (TANDEM_TYPE_TIMELINE_ITEM, "id", "all-events",
                                            "title", text, "button-label", label, NULL));
    }
  tandem_peer_store_sync (self->events, items);
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

  if (project != self->project || g_strcmp0 (report ? report->team_id : NULL, self->team_id) != 0)
    g_list_store_remove_all (self->events);
  g_free (self->team_id);
  self->team_id = g_strdup (report ? report->team_id : NULL);
  self->project = project;
  self->report = report;
}

static void
tandem_peer_timeline_rebuild (TandemPeerSection *section)
{
  update_timeline (TANDEM_PEER_TIMELINE (section));
}

static void
tandem_peer_timeline_restore (TandemPeerSection *section)
{
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

  if (self->events != NULL)
    g_list_store_remove_all (self->events);
  g_clear_object (&self->events);
  g_clear_pointer (&self->team_id, g_free);
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
  self->events = g_list_store_new (TANDEM_TYPE_PEER_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->events), create_row_cb, self,
                           NULL);
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
 * The timeline is filled on arrival and emptied on leaving.
 */
void
tandem_peer_timeline_set_shown (TandemPeerTimeline *self,
                                gboolean            shown)
{
  g_return_if_fail (TANDEM_IS_PEER_TIMELINE (self));
  if (self->shown == shown)
    return;
  self->shown = shown;
  update_timeline (self);
}
