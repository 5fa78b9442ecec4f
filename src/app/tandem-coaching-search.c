/* tandem-coaching-search.c — what a search of every team's sessions and
 * actions found, best first, with the matched words marked; choosing a
 * result asks for its session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-coaching-search.h"
#include "tandem-date.h"
#include "tandem-plain-text.h"

#define MAX_HITS 100

struct _TandemCoachingSearch
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;

  TandemProject       *project;
  char                *text;
  GPtrArray           *hits;   /* TandemSearchHit, one per row */
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TEXT,
  N_PROPS
};

enum {
  SESSION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemCoachingSearch, tandem_coaching_search, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
local_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;

  return day ? tandem_describe_date (day) : g_strdup (iso ? iso : "");
}

static GtkWidget *
hit_row (const TandemSearchHit *hit)
{
  g_autofree char *day = local_date (hit->starts_at);
  g_autofree char *title = g_strdup_printf ("%s · %s · %s%s", hit->team_name, day,
                                            hit->is_action ? _("Action") : _("Session"),
                                            hit->private ? _(" · Private") : "");
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *snippet = tandem_coaching_snippet_markup (hit->snippet);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (row, snippet);
  adw_action_row_set_subtitle_lines (row, 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), hit->session_id != NULL);
  if (hit->session_id)
    adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  return GTK_WIDGET (row);
}

static void
row_activated_cb (GtkListBox           *list,
                  GtkListBoxRow        *row,
                  TandemCoachingSearch *self)
{
  int index = gtk_list_box_row_get_index (row);
  const TandemSearchHit *hit;
  g_autofree char *session = NULL;
  g_autofree char *team = NULL;

  if (self->hits == NULL || index < 0 || (guint) index >= self->hits->len)
    return;
  hit = self->hits->pdata[index];
  if (hit->session_id == NULL)
    return;
  /* Copied: opening the session may search again. */
  session = g_strdup (hit->session_id);
  team = g_strdup (hit->team_id);
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session, team);
}

static void
tandem_coaching_search_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemCoachingSearch *self = TANDEM_COACHING_SEARCH (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_search_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TandemCoachingSearch *self = TANDEM_COACHING_SEARCH (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tandem_coaching_search_set_project (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      tandem_coaching_search_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_search_dispose (GObject *object)
{
  TandemCoachingSearch *self = TANDEM_COACHING_SEARCH (object);

  /* Rows go first, removed from their list: libadwaita 1.2's rows complain
   * when disposed along with their list. */
  if (self->list)
    clear_list (self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_COACHING_SEARCH);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_coaching_search_parent_class)->dispose (object);
}

static void
tandem_coaching_search_finalize (GObject *object)
{
  TandemCoachingSearch *self = TANDEM_COACHING_SEARCH (object);

  g_free (self->text);
  G_OBJECT_CLASS (tandem_coaching_search_parent_class)->finalize (object);
}

static void
tandem_coaching_search_class_init (TandemCoachingSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_coaching_search_get_property;
  object_class->set_property = tandem_coaching_search_set_property;
  object_class->dispose = tandem_coaching_search_dispose;
  object_class->finalize = tandem_coaching_search_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCoachingSearch::session-activated:
   * @session_id: the session of the chosen result
   * @team_id: its team
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-coaching-search.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingSearch, group);
  gtk_widget_class_bind_template_child (widget_class, TandemCoachingSearch, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
tandem_coaching_search_init (TandemCoachingSearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tandem_coaching_search_new (void)
{
  return g_object_new (TANDEM_TYPE_COACHING_SEARCH, NULL);
}

TandemProject *
tandem_coaching_search_get_project (TandemCoachingSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_SEARCH (self), NULL);
  return self->project;
}

/**
 * tandem_coaching_search_set_project:
 * @self: the search
 * @project: (nullable): the project to search
 *
 * What was found stays until tandem_coaching_search_run().
 */
void
tandem_coaching_search_set_project (TandemCoachingSearch *self,
                                    TandemProject        *project)
{
  g_return_if_fail (TANDEM_IS_COACHING_SEARCH (self));

  if (g_set_object (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

const char *
tandem_coaching_search_get_text (TandemCoachingSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_SEARCH (self), NULL);
  return self->text;
}

/**
 * tandem_coaching_search_set_text:
 * @self: the search
 * @text: (nullable): the words searched for, as typed
 *
 * What was found stays until tandem_coaching_search_run().
 */
void
tandem_coaching_search_set_text (TandemCoachingSearch *self,
                                 const char           *text)
{
  g_return_if_fail (TANDEM_IS_COACHING_SEARCH (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * tandem_coaching_search_run:
 * @self: the search
 *
 * Searches the project for the text and shows what was found, or why
 * nothing could be.
 */
void
tandem_coaching_search_run (TandemCoachingSearch *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *text;

  g_return_if_fail (TANDEM_IS_COACHING_SEARCH (self));

  if (self->project == NULL)
    return;
  text = self->text ? self->text : "";
  clear_list (self->list);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hits = tandem_coaching_search (self->project, text, MAX_HITS, &error);
  if (self->hits == NULL)
    {
      tandem_plain_group_set_description (self->group, error->message);
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->list, hit_row (self->hits->pdata[i]));
  description = self->hits->len == 0 ? g_strdup_printf (_("Nothing found for “%s”."), text)
                                     : g_strdup_printf (ngettext ("%u result, best first, across every team.",
                                                                  "%u results, best first, across every team.",
                                                                  self->hits->len), self->hits->len);
  tandem_plain_group_set_description (self->group, description);
}

/**
 * tandem_coaching_search_get_n_hits:
 * @self: the search
 *
 * Returns: how many results the last search found
 */
guint
tandem_coaching_search_get_n_hits (TandemCoachingSearch *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_SEARCH (self), 0);
  return self->hits ? self->hits->len : 0;
}
