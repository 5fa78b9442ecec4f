/* tandem-peer-checklist.c — the framework's checklist for one team: each
 * item's status, and when opened its evidence, owner, dates and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-enum-row.h"
#include "tandem-peer-checklist.h"
#include "tandem-plain-text.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

/* One item of the checklist as its row shows it; or, with "adder" set, the
 * row that adds the team's own item to its stage. */
#define TANDEM_TYPE_CHECKLIST_ITEM (tandem_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (TandemChecklistItem, tandem_checklist_item, TANDEM, CHECKLIST_ITEM,
                      TandemPeerItem)

struct _TandemChecklistItem
{
  TandemPeerItem parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemChecklistItem, tandem_checklist_item, TANDEM_TYPE_PEER_ITEM)

static void
tandem_checklist_item_class_init (TandemChecklistItemClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *pspecs[] = {
    NULL,
    g_param_spec_string ("id", NULL, NULL, NULL, flags),
    g_param_spec_string ("stage", NULL, NULL, NULL, flags),
    g_param_spec_boolean ("adder", NULL, NULL, FALSE, flags),
    g_param_spec_string ("title", NULL, NULL, NULL, flags),
    g_param_spec_string ("subtitle", NULL, NULL, NULL, flags),
    g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, flags),
    g_param_spec_string ("status-id", NULL, NULL, NULL, flags),
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags),
    g_param_spec_string ("evidence", NULL, NULL, NULL, flags),
    g_param_spec_string ("owner", NULL, NULL, NULL, flags),
    g_param_spec_string ("target-date", NULL, NULL, NULL, flags),
    g_param_spec_string ("last-reviewed", NULL, NULL, NULL, flags),
  };

  tandem_peer_item_class_install (TANDEM_PEER_ITEM_CLASS (klass), pspecs, G_N_ELEMENTS (pspecs));
}

static void
tandem_checklist_item_init (TandemChecklistItem *self)
{
}

/* A stage's group and the items in it. */
typedef struct
{
  char                *name;
  AdwPreferencesGroup *group;
  GListStore          *items;
} Stage;

static void
stage_free (gpointer data)
{
  Stage *stage = data;

  g_free (stage->name);
  g_clear_object (&stage->items);
  g_free (stage);
}

struct _TandemPeerChecklist
{
  GtkBox                         parent_instance;

  TandemProject                 *project;      /* the page's, while it shows this */
  const TandemPeerSupportReport *report;       /* the page's, until the next set_report */
  gboolean                       editable;
  gboolean                       updating;     /* editors follow their items: no saving */
  GPtrArray                     *stages;       /* Stage, each a group in the box */
  char                          *added;        /* an item added here, to focus once shown */
};

static void tandem_peer_checklist_section_init (TandemPeerSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemPeerChecklist, tandem_peer_checklist, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (TANDEM_TYPE_PEER_SECTION,
                                                      tandem_peer_checklist_section_init))

/* What an item's editor edits: the item (which says what names it in the
 * file: its status record, or the item itself before it has one) and the
 * field. */
typedef struct
{
  TandemPeerChecklist *self;
  TandemPeerItem      *item;
  const char          *field;
} ItemField;

static ItemField *
item_field_new (TandemPeerChecklist *self,
                TandemPeerItem      *item,
                const char          *field)
{
  ItemField *ref = g_new0 (ItemField, 1);

  ref->self = self;
  ref->item = g_object_ref (item);
  ref->field = field;
  return ref;
}

static void
item_field_free (gpointer data,
                 GClosure *closure)
{
  ItemField *ref = data;

  g_object_unref (ref->item);
  g_free (ref);
}

static const char *
shown_id (TandemPeerItem *item)
{
  const char *status_id = tandem_peer_item_get_string (item, "status-id");

  return status_id ? status_id : tandem_peer_item_get_id (item);
}

static const char *
team_id (TandemPeerChecklist *self)
{
  return self->report ? self->report->team_id : NULL;
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */

static void
status_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    ItemField   *ref)
{
  TandemPeerChecklist *self = ref->self;
  int status = tandem_enum_drop_down_get_value (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating || status < 0 || !self->editable)
    return;
  /* Checked against what the drop-down showed: another program's change of
   * the status is kept, not written over. */
  if (tandem_peer_support_set_status (self->project, team_id (self),
                                      tandem_peer_item_get_id (ref->item), status,
                                      tandem_shown_field_get_stored (GTK_WIDGET (dropdown)),
                                      NULL, &error))
    tandem_shown_field_saved (GTK_WIDGET (dropdown), self->project);
  else
    tandem_peer_section_failed (self, _("Could Not Change the Status"), GTK_WIDGET (dropdown),
                                shown_id (ref->item), "status", error);
}

static void
item_text_applied_cb (AdwEntryRow *row,
                      ItemField   *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;

  /* Checked against what the row showed: another program's change to the
   * same note is kept, not written over. */
  if (tandem_peer_support_set_item_text (self->project, team_id (self),
                                         tandem_peer_item_get_id (ref->item), ref->field,
                                         tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), self->project);
  else
    tandem_peer_section_failed (self, _("Could Not Save the Change"), GTK_WIDGET (row),
                                shown_id (ref->item), ref->field, error);
}

static void
add_item_applied_cb (AdwEntryRow *row,
                     ItemField   *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = tandem_peer_support_add_item (self->project,
                                     tandem_peer_item_get_string (ref->item, "stage"),
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Item"), NULL, NULL, NULL, error);
      return;
    }
  /* Added: the row is ready for the next, and the new item's status has
   * the keyboard once its row is there. */
  tandem_shown_field_release (GTK_WIDGET (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  tandem_shown_field_fill (GTK_WIDGET (row), self->project, "new-item",
                           tandem_peer_item_get_string (ref->item, "stage"), "title", NULL);
  g_free (self->added);
  self->added = g_steal_pointer (&id);
}

static void
delete_item_clicked_cb (GtkButton *button,
                        ItemField *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_item (self->project, tandem_peer_item_get_id (ref->item), &error))
    tandem_peer_section_failed (self, _("Could Not Delete the Item"), NULL, NULL, NULL, error);
  else
    tandem_peer_section_done (self, _("Item deleted"), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static const char *
item_text (TandemPeerItem *item,
           const char     *field)
{
  g_autofree char *name = g_strdelimit (g_strdup (field), "_", '-');

  return tandem_peer_item_get_string (item, name);
}

/* An item's field changed in the file (or it got its status record, which
 * names the field from then on): the row shows it, unless the person is
 * typing in it. The row's name says the field: "FIELD:ITEM". */
static void
item_field_changed_cb (TandemPeerItem *item,
                       GParamSpec     *pspec,
                       GtkWidget      *row)
{
  GtkWidget *section = gtk_widget_get_ancestor (row, TANDEM_TYPE_PEER_CHECKLIST);
  g_autofree char *field = g_strdup (gtk_widget_get_name (row));
  g_autofree char *name = NULL;

  *strchr (field, ':') = '\0';
  name = g_strdelimit (g_strdup (field), "_", '-');
  if (section == NULL || (!g_str_equal (pspec->name, name) && !g_str_equal (pspec->name, "status-id")))
    return;
  tandem_shown_field_fill (row, TANDEM_PEER_CHECKLIST (section)->project,
                           TANDEM_ENTITY_FRAMEWORK_STATUS, shown_id (item), field,
                           item_text (item, field));
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
history_text (TandemProject *project,
              const char    *status_id)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (status_id == NULL || project == NULL ||
      (history = tandem_peer_support_status_history (project, status_id, NULL)) == NULL ||
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

static GtkWidget *
item_entry_row (TandemPeerChecklist *self,
                TandemPeerItem      *item,
                const char          *field,
                const char          *title)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, tandem_peer_item_get_id (item));
  const char *text = item_text (item, field);
  GtkWidget *row = tandem_peer_field_row (title, text, key, self->editable);

  g_signal_connect_data (row, "apply", G_CALLBACK (item_text_applied_cb),
                         item_field_new (self, item, field), item_field_free, 0);
  /* The team's notes on the item are its status record; before it has one,
   * nothing is stored, and the item names the row. */
  tandem_shown_field_fill (row, self->project, TANDEM_ENTITY_FRAMEWORK_STATUS, shown_id (item),
                           field, text);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_field_changed_cb), row, 0);
  return row;
}

/* A new status is a new line in the item's history. */
static void
history_changed_cb (TandemPeerItem *item,
                    GParamSpec     *pspec,
                    AdwActionRow   *row)
{
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (row), TANDEM_TYPE_PEER_CHECKLIST);
  g_autofree char *history = NULL;

  if (section == NULL)
    return;
  history = history_text (TANDEM_PEER_CHECKLIST (section)->project,
                          tandem_peer_item_get_string (item, "status-id"));
  adw_action_row_set_subtitle (row, history);
}

/* The rows inside an item (evidence, owner, dates, history) are made when it
 * is first opened: a team's checklist has dozens of items, and building every
 * closed one's rows made the page slow to build and its accessibility tree
 * thousands of nodes deep for a screen reader to wade through. */
static void
fill_item_details (TandemPeerChecklist *self,
                   AdwExpanderRow      *row,
                   TandemPeerItem      *item)
{
  g_autofree char *history = history_text (self->project,
                                            tandem_peer_item_get_string (item, "status-id"));
  GtkWidget *history_row = adw_action_row_new ();

  adw_expander_row_add_row (row, item_entry_row (self, item, "evidence", _("Evidence")));
  adw_expander_row_add_row (row, item_entry_row (self, item, "owner", _("Owner")));
  adw_expander_row_add_row (row, tandem_peer_date_row (item_entry_row (self, item, "target_date",
                                                                       _("Target date"))));
  adw_expander_row_add_row (row, tandem_peer_date_row (item_entry_row (self, item, "last_reviewed",
                                                                       _("Last reviewed"))));

  /* Who changed it is a name as typed, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history_row), _("History"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (history_row), history);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (history_changed_cb), history_row, 0);
  g_signal_connect_object (item, "notify::status-id", G_CALLBACK (history_changed_cb),
                           history_row, 0);
  adw_expander_row_add_row (row, history_row);

  if (!tandem_peer_item_get_boolean (item, "builtin") && self->editable)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Item"));
      g_autofree char *delete_key = g_strdup_printf ("delete:%s", tandem_peer_item_get_id (item));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _("This item is the project's own"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_data (button, "clicked", G_CALLBACK (delete_item_clicked_cb),
                             item_field_new (self, item, NULL), item_field_free, 0);
      gtk_widget_set_name (button, delete_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (row, delete_row);
    }
}

/* The first opening of an item's row fills it. */
static void
item_expanded_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  ItemField      *ref)
{
  if (!adw_expander_row_get_expanded (row))
    return;
  g_signal_handlers_disconnect_by_func (row, item_expanded_cb, ref);
  fill_item_details (ref->self, row, ref->item);
}

/* The item's status changed in the file: the drop-down shows it, and a save
 * is checked against it from now on. */
static void
status_changed_cb (TandemPeerItem *item,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  int status = tandem_peer_item_get_int (item, "status");
  const char *status_id = tandem_peer_item_get_string (item, "status-id");

  tandem_enum_drop_down_set_value (dropdown, status);
  tandem_shown_field_remember_value (GTK_WIDGET (dropdown), TANDEM_ENTITY_FRAMEWORK_STATUS,
                                     shown_id (item), TANDEM_FIELD_FRAMEWORK_STATUS_STATUS,
                                     status_id ? tandem_item_status_to_string (status) : NULL);
}

static GtkWidget *
item_row (TandemPeerChecklist *self,
          TandemPeerItem      *item)
{
  const char *id = tandem_peer_item_get_id (item);
  const char *title = tandem_peer_item_get_string (item, "title");
  g_autofree char *key = g_strdup_printf ("item:%s", id);
  g_autofree char *status_key = g_strdup_printf ("status:%s", id);
  g_autofree char *status_label = g_strdup_printf (_("Status of “%s”"), title);
  AdwExpanderRow *row = tandem_peer_expander (key, title);
  GtkWidget *dropdown = tandem_enum_drop_down_new (TANDEM_TYPE_ITEM_STATUS,
                                                   TANDEM_ENUM_LABEL_FUNC (tandem_item_status_label));

  g_object_bind_property (item, "title", row, "title", G_BINDING_DEFAULT);
  g_object_bind_property (item, "subtitle", row, "subtitle", G_BINDING_SYNC_CREATE);

  gtk_widget_set_name (dropdown, status_key);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (dropdown, self->editable);
  gtk_widget_set_tooltip_text (dropdown, _("Where the team stands on this item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
  /* Checked against the status shown, from the page's copy of the items. */
  status_changed_cb (item, NULL, GTK_DROP_DOWN (dropdown));
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (status_selected_cb),
                         item_field_new (self, item, NULL), item_field_free, 0);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (status_changed_cb), dropdown, 0);
  g_signal_connect_object (item, "notify::status-id", G_CALLBACK (status_changed_cb), dropdown, 0);
  adw_expander_row_add_action (row, dropdown);

  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (item_expanded_cb),
                         item_field_new (self, item, NULL), item_field_free, 0);
  return GTK_WIDGET (row);
}

static GtkWidget *
add_item_row (TandemPeerChecklist *self,
              TandemPeerItem      *adder)
{
  const char *stage = tandem_peer_item_get_string (adder, "stage");
  g_autofree char *key = g_strdup_printf ("add-item:%s", stage);
  GtkWidget *add = tandem_peer_entry_row (_("Add the team's own item to this stage"),
                                          NULL, key, self->editable);

  g_signal_connect_data (add, "apply", G_CALLBACK (add_item_applied_cb),
                         item_field_new (self, adder, NULL), item_field_free, 0);
  /* Not a field yet, but what is typed in it is kept as a field's is. */
  tandem_shown_field_fill (add, self->project, "new-item", stage, "title", NULL);
  return add;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TandemPeerChecklist *self = user_data;

  if (tandem_peer_item_get_boolean (item, "adder"))
    return add_item_row (self, item);
  return item_row (self, item);
}

/* ------------------------------------------------------------------------ */
/* The items                                                                */

static TandemPeerItem *
checklist_item_new (const TandemTrackerItem *item)
{
  g_autofree char *subtitle = item_subtitle (item);

  return g_object_new (TANDEM_TYPE_CHECKLIST_ITEM,
                       "id", item->item_id,
                       "stage", item->stage,
                       "title", item->title,
                       "subtitle", subtitle,
                       "status", (int) item->status,
                       "status-id", item->status_id,
                       "builtin", item->builtin,
                       "evidence", item->evidence,
                       "owner", item->owner,
                       "target-date", item->target_date,
                       "last-reviewed", item->last_reviewed,
                       NULL);
}

static TandemPeerItem *
adder_item_new (const char *stage)
{
  g_autofree char *id = g_strdup_printf ("add-item:%s", stage);

  return g_object_new (TANDEM_TYPE_CHECKLIST_ITEM, "id", id, "stage", stage, "adder", TRUE, NULL);
}

static Stage *
stage_new (TandemPeerChecklist *self,
           const char          *name)
{
  Stage *stage = g_new0 (Stage, 1);
  GtkWidget *list = gtk_list_box_new ();

  stage->name = g_strdup (name);
  stage->items = g_list_store_new (TANDEM_TYPE_PEER_ITEM);
  stage->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  tandem_plain_group_set_title (stage->group, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (stage->items), create_row_cb, self,
                           NULL);
  adw_preferences_group_add (stage->group, list);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (stage->group));
  return stage;
}

static void
clear_stages (TandemPeerChecklist *self)
{
  /* Removed from the box first: libadwaita 1.2's expander rows complain
   * when disposed along with their parent. */
  for (guint i = 0; i < self->stages->len; i++)
    gtk_box_remove (GTK_BOX (self), GTK_WIDGET (((Stage *) self->stages->pdata[i])->group));
  g_ptr_array_set_size (self->stages, 0);
}

static char *
stage_description (const TandemPeerSupportReport *report,
                   const char                    *name)
{
  for (guint s = 0; s < report->stages->len; s++)
    {
      const TandemStageProgress *progress = report->stages->pdata[s];

      if (g_str_equal (progress->stage, name))
        return g_strdup_printf (_("%u of %u in place"), progress->counts[TANDEM_ITEM_IN_PLACE],
                                progress->total);
    }
  return NULL;
}

/* The stages as the report has them, each with its items and then the row
 * that adds one; their groups are made again only if the stages changed. */
static void
update_checklist (TandemPeerChecklist *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean same;

  if (self->report == NULL)
    {
      clear_stages (self);
      return;
    }
  for (guint i = 0; i < self->report->items->len; i++)
    {
      const TandemTrackerItem *item = self->report->items->pdata[i];

      if (names->len == 0 || g_strcmp0 (item->stage, names->pdata[names->len - 1]) != 0)
        {
          g_ptr_array_add (names, item->stage);
          g_ptr_array_add (items, g_ptr_array_new_with_free_func (g_object_unref));
        }
      g_ptr_array_add (items->pdata[items->len - 1], checklist_item_new (item));
    }

  same = names->len == self->stages->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (names->pdata[i], ((Stage *) self->stages->pdata[i])->name) == 0;
  if (!same)
    {
      clear_stages (self);
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (self->stages, stage_new (self, names->pdata[i]));
    }
  for (guint i = 0; i < names->len; i++)
    {
      Stage *stage = self->stages->pdata[i];
      g_autofree char *description = stage_description (self->report, stage->name);

      adw_preferences_group_set_description (stage->group, description);
      g_ptr_array_add (items->pdata[i], adder_item_new (stage->name));
      tandem_peer_store_sync (stage->items, items->pdata[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* The section                                                              */

static void
tandem_peer_checklist_set_report (TandemPeerSection             *section,
                                  TandemProject                 *project,
                                  const TandemPeerSupportReport *report,
                                  gboolean                       editable)
{
  TandemPeerChecklist *self = TANDEM_PEER_CHECKLIST (section);

  /* Rows made for another file, or for a file that could be changed and
   * now cannot (or the other way), are made again. */
  if (project != self->project || editable != self->editable)
    clear_stages (self);
  self->project = project;
  self->report = report;
  self->editable = editable;
}

static void
tandem_peer_checklist_rebuild (TandemPeerSection *section)
{
  TandemPeerChecklist *self = TANDEM_PEER_CHECKLIST (section);

  self->updating = TRUE;
  update_checklist (self);
  self->updating = FALSE;
}

static void
tandem_peer_checklist_restore (TandemPeerSection *section)
{
  TandemPeerChecklist *self = TANDEM_PEER_CHECKLIST (section);
  g_autofree char *added = g_steal_pointer (&self->added);
  g_autofree char *key = NULL;
  GtkWidget *status;

  if (added == NULL)
    return;
  key = g_strdup_printf ("status:%s", added);
  if ((status = tandem_peer_find_named (GTK_WIDGET (self), key)) != NULL)
    gtk_widget_grab_focus (status);
}

static void
tandem_peer_checklist_section_init (TandemPeerSectionInterface *iface)
{
  iface->set_report = tandem_peer_checklist_set_report;
  iface->rebuild = tandem_peer_checklist_rebuild;
  iface->restore = tandem_peer_checklist_restore;
}

static void
tandem_peer_checklist_dispose (GObject *object)
{
  TandemPeerChecklist *self = TANDEM_PEER_CHECKLIST (object);

  if (self->stages != NULL)
    clear_stages (self);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PEER_CHECKLIST);
  G_OBJECT_CLASS (tandem_peer_checklist_parent_class)->dispose (object);
}

static void
tandem_peer_checklist_class_init (TandemPeerChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_peer_checklist_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-peer-checklist.ui");
}

static void
tandem_peer_checklist_init (TandemPeerChecklist *self)
{
  self->stages = g_ptr_array_new_with_free_func (stage_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_peer_checklist_new:
 *
 * Makes an empty checklist; tandem_peer_section_set_report() and
 * tandem_peer_section_rebuild() fill it, and bring it up to date after.
 *
 * Returns: (transfer floating): the checklist
 */
GtkWidget *
tandem_peer_checklist_new (void)
{
  return g_object_new (TANDEM_TYPE_PEER_CHECKLIST, NULL);
}
