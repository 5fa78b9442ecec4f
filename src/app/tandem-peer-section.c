/* tandem-peer-section.c — what the peer-support page's views share: how a
 * view tells the page what came of an edit, the items its list models
 * hold, and the rows it makes for them
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
 * Brings the section's list models up to the report: an item still there
 * is changed in place (its row and the editor the person is in stay), a
 * new one gets a row, a gone one loses it.
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
 * Ends an update: gives the keyboard to what the section's last edit added
 * (a new role's title, say), once its row is there.
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
/* Items                                                                    */

typedef struct
{
  GValue     *values;      /* by property id - 1 */
  GListStore *children;
} TandemPeerItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TandemPeerItem, tandem_peer_item, G_TYPE_OBJECT)

/* The values, made at first use: while an instance is being made, its
 * class is still its parent's for the parent's init. */
static GValue *
item_values (TandemPeerItem *self)
{
  TandemPeerItemPrivate *priv = tandem_peer_item_get_instance_private (self);
  TandemPeerItemClass *klass = TANDEM_PEER_ITEM_GET_CLASS (self);
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  if (priv->values != NULL)
    return priv->values;
  priv->values = g_new0 (GValue, klass->n_properties);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->owner_type == G_TYPE_FROM_CLASS (klass))
      {
        GValue *value = &priv->values[pspecs[i]->param_id - 1];

        g_value_init (value, pspecs[i]->value_type);
        g_param_value_set_default (pspecs[i], value);
      }
  return priv->values;
}

static GParamSpec *
item_pspec (TandemPeerItem *self,
            const char     *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  g_return_val_if_fail (pspec != NULL && pspec->owner_type == G_OBJECT_TYPE (self), NULL);
  return pspec;
}

static const GValue *
item_value (TandemPeerItem *self,
            const char     *name)
{
  GParamSpec *pspec = item_pspec (self, name);

  return pspec ? &item_values (self)[pspec->param_id - 1] : NULL;
}

static void
tandem_peer_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  g_value_copy (&item_values (TANDEM_PEER_ITEM (object))[prop_id - 1], value);
}

static void
tandem_peer_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GValue *now = &item_values (TANDEM_PEER_ITEM (object))[prop_id - 1];

  if (g_param_values_cmp (pspec, now, value) == 0)
    return;
  g_value_copy (value, now);
  g_object_notify_by_pspec (object, pspec);
}

static void
tandem_peer_item_finalize (GObject *object)
{
  TandemPeerItem *self = TANDEM_PEER_ITEM (object);
  TandemPeerItemPrivate *priv = tandem_peer_item_get_instance_private (self);
  guint n = TANDEM_PEER_ITEM_GET_CLASS (self)->n_properties;

  for (guint i = 0; priv->values != NULL && i < n; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  g_clear_object (&priv->children);
  G_OBJECT_CLASS (tandem_peer_item_parent_class)->finalize (object);
}

static void
tandem_peer_item_class_init (TandemPeerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_peer_item_finalize;
}

static void
tandem_peer_item_init (TandemPeerItem *self)
{
}

/**
 * tandem_peer_item_class_install:
 * @klass: a subclass's class
 * @pspecs: (array length=n_pspecs): its properties, from index 1 (index 0
 *   is unused, as for g_object_class_install_properties()); the first is
 *   the string "id"
 * @n_pspecs: the length of @pspecs
 */
void
tandem_peer_item_class_install (TandemPeerItemClass  *klass,
                                GParamSpec          **pspecs,
                                guint                 n_pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_pspecs > 1 && g_str_equal (pspecs[1]->name, "id"));
  /* GObject asks each class that has properties for its own accessors. */
  object_class->get_property = tandem_peer_item_get_property;
  object_class->set_property = tandem_peer_item_set_property;
  klass->n_properties = n_pspecs - 1;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);
}

const char *
tandem_peer_item_get_id (TandemPeerItem *self)
{
  return g_value_get_string (&item_values (self)[0]);
}

const char *
tandem_peer_item_get_string (TandemPeerItem *self,
                             const char     *name)
{
  const GValue *value = item_value (self, name);

  return value ? g_value_get_string (value) : NULL;
}

int
tandem_peer_item_get_int (TandemPeerItem *self,
                          const char     *name)
{
  const GValue *value = item_value (self, name);

  return value ? g_value_get_int (value) : 0;
}

gboolean
tandem_peer_item_get_boolean (TandemPeerItem *self,
                              const char     *name)
{
  const GValue *value = item_value (self, name);

  return value ? g_value_get_boolean (value) : FALSE;
}

/**
 * tandem_peer_item_get_children:
 * @self: an item
 *
 * Returns: (transfer none): the items shown inside this one's row (a
 *   role's supervision records), made empty on first asking
 */
GListStore *
tandem_peer_item_get_children (TandemPeerItem *self)
{
  TandemPeerItemPrivate *priv = tandem_peer_item_get_instance_private (self);

  if (priv->children == NULL)
    priv->children = g_list_store_new (TANDEM_TYPE_PEER_ITEM);
  return priv->children;
}

/* @self takes what @from holds; only what differs is notified. */
static void
item_update (TandemPeerItem *self,
             TandemPeerItem *from)
{
  TandemPeerItemPrivate *priv = tandem_peer_item_get_instance_private (self);
  TandemPeerItemPrivate *from_priv = tandem_peer_item_get_instance_private (from);
  GValue *from_values = item_values (from);
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_object_freeze_notify (G_OBJECT (self));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n);
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->owner_type == G_OBJECT_TYPE (self))
      g_object_set_property (G_OBJECT (self), pspecs[i]->name,
                             &from_values[pspecs[i]->param_id - 1]);
  if (from_priv->children != NULL || priv->children != NULL)
    {
      GListStore *from_children = tandem_peer_item_get_children (from);
      g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from_children)); i++)
        g_ptr_array_add (children, g_list_model_get_item (G_LIST_MODEL (from_children), i));
      tandem_peer_store_sync (tandem_peer_item_get_children (self), children);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * tandem_peer_store_sync:
 * @store: a list of #TandemPeerItem
 * @items: (element-type TandemPeerItem): what it is to hold, in order
 *
 * Makes @store hold @items without making again what it holds already: an
 * item of the same id stays and takes the new one's values (its row sees
 * only what changed), items no longer there go, new ones come in.
 */
void
tandem_peer_store_sync (GListStore *store,
                        GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint at = 0;

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (wanted, (gpointer) tandem_peer_item_get_id (items->pdata[i]));
  for (guint i = 0; i < items->len; i++)
    {
      TandemPeerItem *item = items->pdata[i];
      g_autoptr(TandemPeerItem) there = NULL;
      guint gone = 0;

      /* What is no longer in the report goes, all at once. */
      while (at + gone < g_list_model_get_n_items (model))
        {
          g_autoptr(TandemPeerItem) old = g_list_model_get_item (model, at + gone);

          if (g_hash_table_contains (wanted, tandem_peer_item_get_id (old)))
            break;
          gone++;
        }
      if (gone > 0)
        g_list_store_splice (store, at, gone, NULL, 0);
      there = at < g_list_model_get_n_items (model) ? g_list_model_get_item (model, at) : NULL;
      if (there != NULL &&
          g_strcmp0 (tandem_peer_item_get_id (there), tandem_peer_item_get_id (item)) == 0)
        item_update (there, item);
      else
        g_list_store_insert (store, at, item);
      at++;
    }
  if (at < g_list_model_get_n_items (model))
    g_list_store_splice (store, at, g_list_model_get_n_items (model) - at, NULL, 0);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

AdwExpanderRow *
tandem_peer_expander (const char *key,
                      const char *title)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Its name is what it shows, for the GTK Inspector and the tests. */
  gtk_widget_set_name (GTK_WIDGET (row), key);
  return row;
}

/* A field's row saves what was typed when the person leaves it (Tab, a
 * click elsewhere) or presses Enter: no apply button to Tab through, and
 * nothing typed waits unsaved in a row the keyboard has left. */
static void
field_row_save (GtkWidget *row)
{
  if (!tandem_shown_field_is_changed (row))
    return;
  g_signal_emit_by_name (row, "apply");
}

static void
field_row_left_cb (GtkEventControllerFocus *controller,
                   gpointer                 data)
{
  field_row_save (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
field_row_activated_cb (AdwEntryRow *row,
                        gpointer     data)
{
  field_row_save (GTK_WIDGET (row));
}

/* A row to type in, with an apply button; its “apply” signal is the
 * caller's to connect. Its name is @key. */
GtkWidget *
tandem_peer_entry_row (const char *title,
                       const char *text,
                       const char *key,
                       gboolean    editable)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_sensitive (row, editable);
  gtk_widget_set_name (row, key);
  return row;
}

/* A row for one stored field: it applies on leaving and on Enter. */
GtkWidget *
tandem_peer_field_row (const char *title,
                       const char *text,
                       const char *key,
                       gboolean    editable)
{
  GtkWidget *row = tandem_peer_entry_row (title, text, key, editable);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect (focus, "leave", G_CALLBACK (field_row_left_cb), NULL);
  gtk_widget_add_controller (row, focus);
  g_signal_connect (row, "entry-activated", G_CALLBACK (field_row_activated_cb), NULL);
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

/* The widget under @root named @name (a row's editor, by what it edits). */
GtkWidget *
tandem_peer_find_named (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tandem_peer_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
