/* tandem-peer-checklist.c — the framework's checklist for one team: each
 * item's status, and when opened its evidence, owner, dates and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enum-row.h"
#include "tandem-peer-checklist.h"
#include "tandem-plain-text.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

struct _TandemPeerChecklist
{
  GtkBox                         parent_instance;

  TandemProject                 *project;      /* the page's, while it shows this */
  const TandemPeerSupportReport *report;       /* the page's, until the next set_report */
  gboolean                       editable;
  GPtrArray                     *stage_groups; /* widgets added to the box */
  TandemPeerPlace                place;
};

static void tandem_peer_checklist_section_init (TandemPeerSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemPeerChecklist, tandem_peer_checklist, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (TANDEM_TYPE_PEER_SECTION,
                                                      tandem_peer_checklist_section_init))

/* What an item's editor edits: the item, what names it in the file (its
 * status record, or the item itself before it has one) and the field. */
typedef struct
{
  TandemPeerChecklist *self;
  char                *item_id;
  char                *shown_id;
  const char          *field;
} ItemField;

static ItemField *
item_field_new (TandemPeerChecklist     *self,
                const TandemTrackerItem *item,
                const char              *field)
{
  ItemField *ref = g_new0 (ItemField, 1);

  ref->self = self;
  ref->item_id = g_strdup (item->item_id);
  ref->shown_id = g_strdup (item->status_id ? item->status_id : item->item_id);
  ref->field = field;
  return ref;
}

static void
item_field_free (gpointer data,
                 GClosure *closure)
{
  ItemField *ref = data;

  g_free (ref->item_id);
  g_free (ref->shown_id);
  g_free (ref);
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

  if (self->place.building || status < 0 || !self->editable)
    return;
  /* Checked against what the drop-down showed: another program's change of
   * the status is kept, not written over. */
  if (tandem_peer_support_set_status (self->project, team_id (self), ref->item_id, status,
                                      tandem_shown_field_get_stored (GTK_WIDGET (dropdown)),
                                      NULL, &error))
    tandem_shown_field_saved (GTK_WIDGET (dropdown), self->project);
  else
    tandem_peer_section_failed (self, _("Could Not Change the Status"), GTK_WIDGET (dropdown),
                                ref->shown_id, "status", error);
}

static void
item_text_applied_cb (AdwEntryRow *row,
                      ItemField   *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;

  /* Checked against what the row showed: another program's change to the
   * same note is kept, not written over. */
  if (tandem_peer_support_set_item_text (self->project, team_id (self), ref->item_id, ref->field,
                                         tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), self->project);
  else
    tandem_peer_section_failed (self, _("Could Not Save the Change"), GTK_WIDGET (row),
                                ref->shown_id, ref->field, error);
}

static void
add_item_applied_cb (AdwEntryRow *row,
                     ItemField   *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;

  /* ref->item_id is the stage the item is added to. */
  id = tandem_peer_support_add_item (self->project, ref->item_id,
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Item"), NULL, NULL, NULL, error);
      return;
    }
  /* Added: the rebuilt row starts empty. */
  tandem_shown_field_release (GTK_WIDGET (row));
  key = g_strdup_printf ("status:%s", id);
  tandem_peer_place_focus_after (&self->place, key);
}

static void
delete_item_clicked_cb (GtkButton *button,
                        ItemField *ref)
{
  TandemPeerChecklist *self = ref->self;
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_item (self->project, ref->item_id, &error))
    tandem_peer_section_failed (self, _("Could Not Delete the Item"), NULL, NULL, NULL, error);
  else
    tandem_peer_section_done (self, _("Item deleted"), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static GtkWidget *
item_entry_row (TandemPeerChecklist     *self,
                const TandemTrackerItem *item,
                const char              *field,
                const char              *title,
                const char              *text)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, item->item_id);
  GtkWidget *row = tandem_peer_place_field_row (&self->place, title, text, key, self->editable);
  ItemField *ref = item_field_new (self, item, field);

  g_signal_connect_data (row, "apply", G_CALLBACK (item_text_applied_cb), ref, item_field_free, 0);
  /* The team's notes on the item are its status record; before it has one,
   * nothing is stored, and the item names the row. */
  tandem_shown_field_fill (row, self->project, TANDEM_ENTITY_FRAMEWORK_STATUS, ref->shown_id,
                           field, text);
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
fill_item_details (TandemPeerChecklist     *self,
                   AdwExpanderRow          *row,
                   const TandemTrackerItem *item)
{
  g_autofree char *history = history_text (self->project, item);
  GtkWidget *history_row = adw_action_row_new ();

  adw_expander_row_add_row (row, item_entry_row (self, item, "evidence", _("Evidence"),
                                                 item->evidence));
  adw_expander_row_add_row (row, item_entry_row (self, item, "owner", _("Owner"), item->owner));
  adw_expander_row_add_row (row, tandem_peer_date_row (item_entry_row (self, item, "target_date",
                                                                       _("Target date"),
                                                                       item->target_date)));
  adw_expander_row_add_row (row, tandem_peer_date_row (item_entry_row (self, item, "last_reviewed",
                                                                       _("Last reviewed"),
                                                                       item->last_reviewed)));

  /* Who changed it is a name as typed, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history_row), _("History"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (history_row), history);
  adw_expander_row_add_row (row, history_row);

  if (!item->builtin && self->editable)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Item"));
      g_autofree char *delete_key = g_strdup_printf ("delete:%s", item->item_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _("This item is the project's own"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_data (button, "clicked", G_CALLBACK (delete_item_clicked_cb),
                             item_field_new (self, item, NULL), item_field_free, 0);
      tandem_peer_place_remember (&self->place, button, delete_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (row, delete_row);
    }
}

/* The first opening of an item's row fills it, from the page's copy of the
 * items as it is then. */
static void
item_expanded_cb (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  ItemField      *ref)
{
  TandemPeerChecklist *self = ref->self;

  if (!adw_expander_row_get_expanded (row) || self->report == NULL)
    return;
  g_signal_handlers_disconnect_by_func (row, item_expanded_cb, ref);
  for (guint i = 0; i < self->report->items->len; i++)
    {
      const TandemTrackerItem *item = self->report->items->pdata[i];

      if (g_strcmp0 (item->item_id, ref->item_id) == 0)
        {
          fill_item_details (self, row, item);
          return;
        }
    }
}

static GtkWidget *
build_item_row (TandemPeerChecklist     *self,
                const TandemTrackerItem *item)
{
  g_autofree char *key = g_strdup_printf ("item:%s", item->item_id);
  g_autofree char *status_key = g_strdup_printf ("status:%s", item->item_id);
  g_autofree char *subtitle = item_subtitle (item);
  g_autofree char *status_label = g_strdup_printf (_("Status of “%s”"), item->title);
  AdwExpanderRow *row = tandem_peer_place_expander (&self->place, key, item->title);
  GtkWidget *dropdown = tandem_enum_drop_down_new (TANDEM_TYPE_ITEM_STATUS,
                                                   TANDEM_ENUM_LABEL_FUNC (tandem_item_status_label));
  ItemField *ref = item_field_new (self, item, NULL);

  adw_expander_row_set_subtitle (row, subtitle);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  tandem_enum_drop_down_set_value (GTK_DROP_DOWN (dropdown), item->status);
  gtk_widget_set_sensitive (dropdown, self->editable);
  gtk_widget_set_tooltip_text (dropdown, _("Where the team stands on this item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
  /* Checked against the status shown, from the page's copy of the items. */
  tandem_shown_field_remember_value (dropdown, TANDEM_ENTITY_FRAMEWORK_STATUS, ref->shown_id,
                                     TANDEM_FIELD_FRAMEWORK_STATUS_STATUS,
                                     item->status_id ? tandem_item_status_to_string (item->status) : NULL);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), ref,
                         item_field_free, 0);
  tandem_peer_place_remember (&self->place, dropdown, status_key);
  adw_expander_row_add_action (row, dropdown);

  if (adw_expander_row_get_expanded (row))
    fill_item_details (self, row, item);
  else
    g_signal_connect_data (row, "notify::expanded", G_CALLBACK (item_expanded_cb),
                           item_field_new (self, item, NULL), item_field_free, 0);
  return GTK_WIDGET (row);
}

static GtkWidget *
add_item_row (TandemPeerChecklist *self,
              const char          *stage)
{
  g_autofree char *key = g_strdup_printf ("add-item:%s", stage);
  GtkWidget *add = tandem_peer_place_entry_row (&self->place,
                                                _("Add the team's own item to this stage"),
                                                NULL, key, self->editable);
  ItemField *ref = g_new0 (ItemField, 1);

  ref->self = self;
  ref->item_id = g_strdup (stage);
  g_signal_connect_data (add, "apply", G_CALLBACK (add_item_applied_cb), ref, item_field_free, 0);
  /* Not a field yet, but what is typed in it survives a refresh too. */
  tandem_shown_field_fill (add, self->project, "new-item", stage, "title", NULL);
  return add;
}

static void
build_checklist (TandemPeerChecklist *self)
{
  AdwPreferencesGroup *group = NULL;
  const char *stage = NULL;

  for (guint i = 0; i < self->stage_groups->len; i++)
    gtk_box_remove (GTK_BOX (self), self->stage_groups->pdata[i]);
  g_ptr_array_set_size (self->stage_groups, 0);
  if (self->report == NULL)
    return;

  for (guint i = 0; i <= self->report->items->len; i++)
    {
      const TandemTrackerItem *item = i < self->report->items->len ? self->report->items->pdata[i]
                                                                    : NULL;

      if (group != NULL && (item == NULL || g_strcmp0 (item->stage, stage) != 0))
        adw_preferences_group_add (group, add_item_row (self, stage));
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
          gtk_box_append (GTK_BOX (self), GTK_WIDGET (group));
          g_ptr_array_add (self->stage_groups, group);
        }
      adw_preferences_group_add (group, build_item_row (self, item));
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

  self->project = project;
  self->report = report;
  self->editable = editable;
}

static void
tandem_peer_checklist_rebuild (TandemPeerSection *section)
{
  TandemPeerChecklist *self = TANDEM_PEER_CHECKLIST (section);

  tandem_peer_place_begin (&self->place, GTK_WIDGET (self));
  build_checklist (self);
}

static void
tandem_peer_checklist_restore (TandemPeerSection *section)
{
  tandem_peer_place_restore (&TANDEM_PEER_CHECKLIST (section)->place);
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

  /* Rows go first, removed from the box as a rebuild does: libadwaita 1.2's
   * expander rows complain when disposed along with their parent. */
  if (self->stage_groups != NULL)
    {
      self->report = NULL;
      self->place.building = TRUE;
      build_checklist (self);
    }
  g_clear_pointer (&self->stage_groups, g_ptr_array_unref);
  tandem_peer_place_clear (&self->place);
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
  self->stage_groups = g_ptr_array_new ();
  tandem_peer_place_init (&self->place);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_peer_checklist_new:
 *
 * Makes an empty checklist; tandem_peer_section_set_report() and
 * tandem_peer_section_rebuild() fill it.
 *
 * Returns: (transfer floating): the checklist
 */
GtkWidget *
tandem_peer_checklist_new (void)
{
  return g_object_new (TANDEM_TYPE_PEER_CHECKLIST, NULL);
}
