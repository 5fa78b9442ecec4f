/* tandem-coaching-item.c — one row of the Coaching page's lists: a session,
 * a team of the caseload, an open action, or the words for an empty list
 *
 * A list holds its items in a GListStore bound to its GtkListBox; a reload
 * hands tandem_coaching_item_store_update() the items as the file has them
 * now, and only the rows that differ change: a row whose words changed is
 * the same row with new words, so focus stays where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching-item.h"
#include "tandem-coaching-render.h"
#include "tandem-coaching-rows.h"

struct _TandemCoachingItem
{
  GObject   parent_instance;

  char     *id;              /* NULL for the words of an empty list */
  char     *team_id;
  char     *title;
  char     *subtitle;
  gboolean  private;
  gboolean  overdue;
  gboolean  opens;           /* choosing it opens something: an arrow shows it */
  int       subtitle_lines;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TEAM_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PRIVATE,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemCoachingItem, tandem_coaching_item, G_TYPE_OBJECT)

static void
set_text (TandemCoachingItem *self,
          char              **field,
          const char         *text,
          int                 prop)
{
  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Whether @b can be shown by @a's row, with @a taking @b's words. */
static gboolean
same_row (TandemCoachingItem *a,
          TandemCoachingItem *b)
{
  if (a->private != b->private || a->overdue != b->overdue || a->opens != b->opens ||
      a->subtitle_lines != b->subtitle_lines || g_strcmp0 (a->team_id, b->team_id) != 0)
    return FALSE;
  if (a->id == NULL || b->id == NULL)
    return a->id == b->id && g_strcmp0 (a->title, b->title) == 0;
  return g_str_equal (a->id, b->id);
}

static void
take_words (TandemCoachingItem *self,
            TandemCoachingItem *from)
{
  set_text (self, &self->title, from->title, PROP_TITLE);
  set_text (self, &self->subtitle, from->subtitle, PROP_SUBTITLE);
}

static void
tandem_coaching_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemCoachingItem *self = TANDEM_COACHING_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TEAM_ID: g_value_set_string (value, self->team_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_PRIVATE: g_value_set_boolean (value, self->private); break;
    case PROP_OVERDUE: g_value_set_boolean (value, self->overdue); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_coaching_item_finalize (GObject *object)
{
  TandemCoachingItem *self = TANDEM_COACHING_ITEM (object);

  g_free (self->id);
  g_free (self->team_id);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (tandem_coaching_item_parent_class)->finalize (object);
}

static void
tandem_coaching_item_class_init (TandemCoachingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = tandem_coaching_item_get_property;
  object_class->finalize = tandem_coaching_item_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TEAM_ID] = g_param_spec_string ("team-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_PRIVATE] = g_param_spec_boolean ("private", NULL, NULL, FALSE, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_coaching_item_init (TandemCoachingItem *self)
{
}

/**
 * tandem_coaching_item_new_session:
 * @session: a session
 * @with_team: whether the title names the session's team
 *
 * Returns: (transfer full): the session as a row shows it: when, and what
 *   kind, how many were there and the actions agreed
 */
TandemCoachingItem *
tandem_coaching_item_new_session (const TandemSession *session,
                                  gboolean             with_team)
{
  TandemCoachingItem *self = g_object_new (TANDEM_TYPE_COACHING_ITEM, NULL);
  g_autofree char *when = tandem_coaching_format_when (session->starts_at, session->minutes);
  GString *subtitle = g_string_new (tandem_coaching_kind_label (session->kind));

  g_string_append_printf (subtitle, " · %s", session->online ? _("Online") : _("In person"));
  g_string_append_printf (subtitle, ngettext (" · %u present", " · %u present", session->n_present),
                          session->n_present);
  if (session->lived_experience_present)
    g_string_append (subtitle, _(" · lived experience present"));
  g_string_append_printf (subtitle, ngettext (" · %u action", " · %u actions", session->n_actions),
                          session->n_actions);
  if (session->n_open_actions)
    g_string_append_printf (subtitle, _(", %u open"), session->n_open_actions);

  self->id = g_strdup (session->id);
  self->team_id = g_strdup (session->team_id);
  self->title = with_team ? g_strdup_printf ("%s — %s", session->team_name, when)
                          : g_steal_pointer (&when);
  self->subtitle = g_string_free (subtitle, FALSE);
  self->private = session->private;
  self->opens = TRUE;
  self->subtitle_lines = 2;
  return self;
}

/**
 * tandem_coaching_item_new_team:
 * @team: a team of the caseload
 *
 * Returns: (transfer full): the team as a row shows it: when it was last
 *   seen, its next session, its open and overdue actions
 */
TandemCoachingItem *
tandem_coaching_item_new_team (const TandemCaseloadTeam *team)
{
  TandemCoachingItem *self = g_object_new (TANDEM_TYPE_COACHING_ITEM, NULL);
  GString *subtitle = g_string_new (NULL);

  if (team->last_seen == NULL)
    g_string_append (subtitle, _("Not seen yet"));
  else
    {
      g_autofree char *day = _tandem_coaching_local_date (team->last_seen);
      g_string_append_printf (subtitle, ngettext ("Last seen %d day ago (%s)",
                                                  "Last seen %d days ago (%s)",
                                                  team->days_since_seen),
                              team->days_since_seen, day);
    }
  if (team->next_session)
    {
      g_autofree char *day = _tandem_coaching_local_date (team->next_session);
      g_string_append_printf (subtitle, _(" · next session %s"), day);
    }
  g_string_append_printf (subtitle, ngettext (" · %u open action", " · %u open actions",
                                              team->n_open), team->n_open);
  if (team->n_overdue)
    g_string_append_printf (subtitle, _(", %u overdue"), team->n_overdue);

  self->id = g_strdup (team->team_id);
  self->team_id = g_strdup (team->team_id);
  self->title = g_strdup (team->team_name);
  self->subtitle = g_string_free (subtitle, FALSE);
  self->overdue = team->n_overdue > 0;
  self->opens = TRUE;
  return self;
}

/**
 * tandem_coaching_item_new_action:
 * @action: an action
 * @today: the day it is, YYYY-MM-DD
 *
 * Returns: (transfer full): the action as a row shows it: what, who, when
 *   due, and whether it is overdue
 */
TandemCoachingItem *
tandem_coaching_item_new_action (const TandemAction *action,
                                 const char         *today)
{
  TandemCoachingItem *self = g_object_new (TANDEM_TYPE_COACHING_ITEM, NULL);

  self->id = g_strdup (action->id);
  self->title = g_strdup (action->what);
  self->subtitle = _tandem_coaching_describe_action (action, today);
  self->overdue = tandem_action_is_overdue (action, today);
  return self;
}

/**
 * tandem_coaching_item_new_placeholder:
 * @text: what an empty list says
 *
 * Returns: (transfer full): the one row of an empty list, which opens
 *   nothing
 */
TandemCoachingItem *
tandem_coaching_item_new_placeholder (const char *text)
{
  TandemCoachingItem *self = g_object_new (TANDEM_TYPE_COACHING_ITEM, NULL);

  self->title = g_strdup (text);
  return self;
}

const char *
tandem_coaching_item_get_id (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), NULL);
  return self->id;
}

const char *
tandem_coaching_item_get_team_id (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), NULL);
  return self->team_id;
}

const char *
tandem_coaching_item_get_title (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), NULL);
  return self->title;
}

const char *
tandem_coaching_item_get_subtitle (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), NULL);
  return self->subtitle;
}

gboolean
tandem_coaching_item_get_private (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), FALSE);
  return self->private;
}

gboolean
tandem_coaching_item_get_overdue (TandemCoachingItem *self)
{
  g_return_val_if_fail (TANDEM_IS_COACHING_ITEM (self), FALSE);
  return self->overdue;
}

/**
 * tandem_coaching_item_create_row:
 * @item: a #TandemCoachingItem
 * @user_data: unused
 *
 * The row for @item, as gtk_list_box_bind_model() asks for one: its title
 * and subtitle follow the item's.
 *
 * Returns: (transfer full): the row
 */
GtkWidget *
tandem_coaching_item_create_row (gpointer item,
                                 gpointer user_data)
{
  TandemCoachingItem *self = TANDEM_COACHING_ITEM (item);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* What people typed is shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (self, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "subtitle", row, "subtitle", G_BINDING_SYNC_CREATE);
  if (self->subtitle_lines)
    adw_action_row_set_subtitle_lines (row, self->subtitle_lines);
  if (self->id == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  if (self->overdue)
    _tandem_coaching_mark_overdue (row);
  if (self->private)
    {
      GtkWidget *label = gtk_label_new (_("Private"));
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (row, label);
    }
  if (self->opens)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return GTK_WIDGET (row);
}

/**
 * tandem_coaching_item_store_update:
 * @store: a list of #TandemCoachingItem
 * @items: (element-type TandemCoachingItem): what it should hold now
 *
 * Makes @store show @items, changing as little as it can: the items at
 * either end that stand for the same thing as before stay, taking their
 * new words (their rows follow), and only the run between is replaced.
 */
void
tandem_coaching_item_store_update (GListStore *store,
                                   GPtrArray  *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = items->len;
  guint shortest = MIN (n_old, n_new);
  guint head = 0;
  guint tail = 0;

  while (head < shortest)
    {
      g_autoptr(TandemCoachingItem) old = g_list_model_get_item (G_LIST_MODEL (store), head);

      if (!same_row (old, items->pdata[head]))
        break;
      take_words (old, items->pdata[head]);
      head++;
    }
  while (tail < shortest - head)
    {
      g_autoptr(TandemCoachingItem) old = g_list_model_get_item (G_LIST_MODEL (store),
                                                                  n_old - 1 - tail);

      if (!same_row (old, items->pdata[n_new - 1 - tail]))
        break;
      take_words (old, items->pdata[n_new - 1 - tail]);
      tail++;
    }
  if (n_old - head - tail == 0 && n_new - head - tail == 0)
    return;
  g_list_store_splice (store, head, n_old - head - tail,
                       items->pdata + head, n_new - head - tail);
}

/**
 * tandem_coaching_item_store_get:
 * @model: the list a #GtkListBox is bound to
 * @row: a row of that list box
 *
 * Returns: (transfer full) (nullable): the item @row shows
 */
TandemCoachingItem *
tandem_coaching_item_store_get (GListModel    *model,
                                GtkListBoxRow *row)
{
  int position = gtk_list_box_row_get_index (row);

  if (position < 0)
    return NULL;
  return g_list_model_get_item (model, (guint) position);
}
