/* tandem-peer-roles.c — a team's peer roles and vacancies, each with its
 * terms, who holds and supervises it, and its supervision and training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-peer-roles.h"
#include "tandem-person-chooser.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

#define MAX_RECORDS_SHOWN 12

/* A role as its row shows it (its records are its children); or, with
 * "placeholder" set, the row that says the team has none yet. Each field
 * is named as the file names it, with dashes. */
#define TANDEM_TYPE_ROLE_ITEM (tandem_role_item_get_type ())
G_DECLARE_FINAL_TYPE (TandemRoleItem, tandem_role_item, TANDEM, ROLE_ITEM, TandemPeerItem)

struct _TandemRoleItem
{
  TandemPeerItem parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemRoleItem, tandem_role_item, TANDEM_TYPE_PEER_ITEM)

static void
tandem_role_item_class_init (TandemRoleItemClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *pspecs[] = {
    NULL,
    g_param_spec_string ("id", NULL, NULL, NULL, flags),
    g_param_spec_boolean ("placeholder", NULL, NULL, FALSE, flags),
    g_param_spec_string ("title", NULL, NULL, NULL, flags),
    g_param_spec_string ("subtitle", NULL, NULL, NULL, flags),
    g_param_spec_string ("person-id", NULL, NULL, NULL, flags),
    g_param_spec_string ("supervisor-id", NULL, NULL, NULL, flags),
    g_param_spec_string ("band", NULL, NULL, NULL, flags),
    g_param_spec_string ("hours", NULL, NULL, NULL, flags),
    g_param_spec_string ("start-date", NULL, NULL, NULL, flags),
    g_param_spec_string ("end-date", NULL, NULL, NULL, flags),
    g_param_spec_string ("leaving-reason", NULL, NULL, NULL, flags),
    g_param_spec_string ("expected-supervision-per-month", NULL, NULL, NULL, flags),
    g_param_spec_boolean ("paired", NULL, NULL, FALSE, flags),
    g_param_spec_boolean ("vacancy", NULL, NULL, FALSE, flags),
  };

  tandem_peer_item_class_install (TANDEM_PEER_ITEM_CLASS (klass), pspecs, G_N_ELEMENTS (pspecs));
}

static void
tandem_role_item_init (TandemRoleItem *self)
{
}

/* A supervision or training record in its role's row; or, with a
 * "button-label", the line that offers them all or the latest again. */
#define TANDEM_TYPE_RECORD_ITEM (tandem_record_item_get_type ())
G_DECLARE_FINAL_TYPE (TandemRecordItem, tandem_record_item, TANDEM, RECORD_ITEM, TandemPeerItem)

struct _TandemRecordItem
{
  TandemPeerItem parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemRecordItem, tandem_record_item, TANDEM_TYPE_PEER_ITEM)

static void
tandem_record_item_class_init (TandemRecordItemClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *pspecs[] = {
    NULL,
    g_param_spec_string ("id", NULL, NULL, NULL, flags),
    g_param_spec_string ("title", NULL, NULL, NULL, flags),
    g_param_spec_string ("note", NULL, NULL, NULL, flags),
    g_param_spec_string ("button-label", NULL, NULL, NULL, flags),
  };

  tandem_peer_item_class_install (TANDEM_PEER_ITEM_CLASS (klass), pspecs, G_N_ELEMENTS (pspecs));
}

static void
tandem_record_item_init (TandemRecordItem *self)
{
}

struct _TandemPeerRoles
{
  GtkBox                         parent_instance;

  GtkButton                     *add_role_button;
  GtkListBox                    *roles_list;

  TandemProject                 *project;     /* the page's, while it shows this */
  const TandemPeerSupportReport *report;      /* the page's, until the next set_report */
  char                          *team_id;     /* the team the rows were made for */
  gboolean                       editable;
  gboolean                       updating;    /* editors follow their items: no saving */
  GListStore                    *roles;       /* TandemRoleItem */
  GHashTable                    *all_records; /* roles whose every record is shown */
  char                          *added;       /* a role added here, to focus once shown */
};

static void tandem_peer_roles_section_init (TandemPeerSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TandemPeerRoles, tandem_peer_roles, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (TANDEM_TYPE_PEER_SECTION,
                                                      tandem_peer_roles_section_init))

/* What an editor on a role edits: the role (or record) and the field. */
typedef struct
{
  TandemPeerRoles *self;
  char            *id;
  const char      *field;
} RoleField;

static RoleField *
role_field_new (TandemPeerRoles *self,
                const char      *id,
                const char      *field)
{
  RoleField *ref = g_new0 (RoleField, 1);

  ref->self = self;
  ref->id = g_strdup (id);
  ref->field = field;
  return ref;
}

static void
role_field_free (gpointer  data,
                 GClosure *closure)
{
  RoleField *ref = data;

  g_free (ref->id);
  g_free (ref);
}

/* The field a row's editor edits, from its name "FIELD:ROLE", as the
 * item's property names it. */
static char *
editor_property (GtkWidget *editor)
{
  g_autofree char *field = g_strdup (gtk_widget_get_name (editor));

  *strchr (field, ':') = '\0';
  return g_strdelimit (g_steal_pointer (&field), "_", '-');
}

static char *
editor_field (GtkWidget *editor)
{
  g_autofree char *field = g_strdup (gtk_widget_get_name (editor));

  *strchr (field, ':') = '\0';
  return g_steal_pointer (&field);
}

/* The form that adds a supervision or training record to a role. */
typedef struct
{
  TandemPeerRoles *self;
  char            *role_id;
  GtkEditable     *date;
  GtkDropDown     *kind;
  GtkEditable     *note;
} RecordForm;

static void
record_form_free (gpointer  data,
                  GClosure *closure)
{
  RecordForm *form = data;

  g_free (form->role_id);
  g_free (form);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */

static void
role_save_failed (TandemPeerRoles *self,
                  GtkWidget       *editor,
                  RoleField       *ref,
                  const GError    *error)
{
  tandem_peer_section_failed (self, _("Could Not Save the Change"), editor, ref->id, ref->field,
                              error);
}

static void
role_text_applied_cb (AdwEntryRow *row,
                      RoleField   *ref)
{
  TandemPeerRoles *self = ref->self;
  g_autoptr(GError) error = NULL;

  if (tandem_peer_support_set_role_field (self->project, ref->id, ref->field,
                                          tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                          gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    tandem_shown_field_saved (GTK_WIDGET (row), self->project);
  else
    role_save_failed (self, GTK_WIDGET (row), ref, error);
}

static void
role_switch_cb (GtkSwitch  *toggle,
                GParamSpec *pspec,
                RoleField  *ref)
{
  TandemPeerRoles *self = ref->self;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  /* Checked against what the switch showed, as every edit on the page is. */
  if (tandem_peer_support_set_role_field (self->project, ref->id, ref->field,
                                          tandem_shown_field_get_stored (GTK_WIDGET (toggle)),
                                          gtk_switch_get_active (toggle) ? "1" : "0", &error))
    tandem_shown_field_saved (GTK_WIDGET (toggle), self->project);
  else
    role_save_failed (self, GTK_WIDGET (toggle), ref, error);
}

static void
role_person_chosen_cb (TandemPersonChooser *chooser,
                       const char          *person_id,
                       RoleField           *ref)
{
  TandemPeerRoles *self = ref->self;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  /* Checked against who the chooser showed, as every edit on the page is. */
  if (!tandem_peer_support_set_role_field (self->project, ref->id, ref->field,
                                           tandem_shown_field_get_stored (GTK_WIDGET (chooser)),
                                           person_id, &error))
    role_save_failed (self, GTK_WIDGET (chooser), ref, error);
}

static void
add_record_clicked_cb (GtkButton  *button,
                       RecordForm *form)
{
  TandemPeerRoles *self = form->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *today = NULL;

  id = tandem_peer_support_add_record (self->project, form->role_id,
                                       gtk_editable_get_text (form->date),
                                       tandem_enum_drop_down_get_value (form->kind),
                                       gtk_editable_get_text (form->note), &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Record"), NULL, NULL, NULL, error);
      return;
    }
  /* Added: the form starts afresh, ready for the next. */
  tandem_shown_field_release (GTK_WIDGET (form->date));
  tandem_shown_field_release (GTK_WIDGET (form->note));
  today = tandem_peer_support_today ();
  gtk_editable_set_text (form->date, today);
  gtk_editable_set_text (form->note, "");
  tandem_shown_field_fill (GTK_WIDGET (form->date), self->project, "new-record", form->role_id,
                           "date", today);
  tandem_shown_field_fill (GTK_WIDGET (form->note), self->project, "new-record", form->role_id,
                           "note", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (form->date));
}

static void
delete_record_clicked_cb (GtkButton *button,
                          RoleField *ref)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_record (ref->self->project, ref->id, &error))
    tandem_peer_section_failed (ref->self, _("Could Not Delete the Record"), NULL, NULL, NULL,
                                error);
  else
    tandem_peer_section_done (ref->self, _("Record deleted"), TRUE);
}

static void
delete_role_clicked_cb (GtkButton *button,
                        RoleField *ref)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_peer_support_delete_role (ref->self->project, ref->id, &error))
    tandem_peer_section_failed (ref->self, _("Could Not Delete the Role"), NULL, NULL, NULL,
                                error);
  else
    tandem_peer_section_done (ref->self, _("Peer role deleted"), TRUE);
}

static void
show_all_records_clicked_cb (GtkButton *button,
                             RoleField *ref)
{
  TandemPeerRoles *self = ref->self;

  if (!g_hash_table_remove (self->all_records, ref->id))
    g_hash_table_add (self->all_records, g_strdup (ref->id));
  /* Read from the file, not from the page's copy: the rows' editors check
   * a save against what they show, which must be the file now. */
  tandem_peer_section_request_reload (self);
}

static void
add_role_clicked_cb (TandemPeerRoles *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->report == NULL)
    return;
  id = tandem_peer_support_add_role (self->project, self->report->team_id, NULL, &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Role"), NULL, NULL, NULL, error);
      return;
    }
  /* Its title has the keyboard once its row is there. */
  g_free (self->added);
  self->added = g_steal_pointer (&id);
  gtk_widget_activate_action (GTK_WIDGET (self), "peer-support.show-view", "s", "roles");
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

/* A role's field changed in the file: its row shows it, unless the person
 * is typing in it. */
static void
role_text_changed_cb (TandemPeerItem *item,
                      GParamSpec     *pspec,
                      GtkWidget      *row)
{
  GtkWidget *section = gtk_widget_get_ancestor (row, TANDEM_TYPE_PEER_ROLES);
  g_autofree char *property = editor_property (row);
  g_autofree char *field = NULL;

  if (section == NULL || !g_str_equal (pspec->name, property))
    return;
  field = editor_field (row);
  tandem_shown_field_fill (row, TANDEM_PEER_ROLES (section)->project, TANDEM_ENTITY_PEER_ROLE,
                           tandem_peer_item_get_id (item), field,
                           tandem_peer_item_get_string (item, property));
}

static GtkWidget *
role_entry_row (TandemPeerRoles *self,
                TandemPeerItem  *role,
                const char      *field,
                const char      *title)
{
  const char *id = tandem_peer_item_get_id (role);
  g_autofree char *key = g_strdup_printf ("%s:%s", field, id);
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
  const char *text = tandem_peer_item_get_string (role, property);
  GtkWidget *row = tandem_peer_field_row (title, text, key, self->editable);

  g_signal_connect_data (row, "apply", G_CALLBACK (role_text_applied_cb),
                         role_field_new (self, id, field), role_field_free, 0);
  tandem_shown_field_fill (row, self->project, TANDEM_ENTITY_PEER_ROLE, id, field, text);
  g_signal_connect_object (role, "notify", G_CALLBACK (role_text_changed_cb), row, 0);
  return row;
}

/* A switch shows the role's flag as the file has it, and a save is checked
 * against that. */
static void
role_flag_changed_cb (TandemPeerItem *item,
                      GParamSpec     *pspec,
                      GtkWidget      *toggle)
{
  GtkWidget *section = gtk_widget_get_ancestor (toggle, TANDEM_TYPE_PEER_ROLES);
  g_autofree char *property = editor_property (toggle);
  g_autofree char *field = editor_field (toggle);
  gboolean active = tandem_peer_item_get_boolean (item, property);

  if (pspec != NULL && !g_str_equal (pspec->name, property))
    return;
  if (section != NULL)
    TANDEM_PEER_ROLES (section)->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  if (section != NULL)
    TANDEM_PEER_ROLES (section)->updating = FALSE;
  tandem_shown_field_remember_value (toggle, TANDEM_ENTITY_PEER_ROLE,
                                     tandem_peer_item_get_id (item), field, active ? "1" : "0");
}

static GtkWidget *
role_switch_row (TandemPeerRoles *self,
                 TandemPeerItem  *role,
                 const char      *field,
                 const char      *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  const char *id = tandem_peer_item_get_id (role);
  g_autofree char *key = g_strdup_printf ("%s:%s", field, id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (toggle, key);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Saved checked against this, as the file holds it. */
  role_flag_changed_cb (role, NULL, toggle);
  g_signal_connect_data (toggle, "notify::active", G_CALLBACK (role_switch_cb),
                         role_field_new (self, id, field), role_field_free, 0);
  g_signal_connect_object (role, "notify", G_CALLBACK (role_flag_changed_cb), toggle, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

/* Who holds the role or supervises them changed in the file. */
static void
role_person_changed_cb (TandemPeerItem *item,
                        GParamSpec     *pspec,
                        GtkWidget      *chooser)
{
  GtkWidget *section = gtk_widget_get_ancestor (chooser, TANDEM_TYPE_PEER_ROLES);
  g_autofree char *property = editor_property (chooser);
  g_autofree char *field = editor_field (chooser);
  const char *person_id = tandem_peer_item_get_string (item, property);

  if (pspec != NULL && !g_str_equal (pspec->name, property))
    return;
  if (section != NULL)
    TANDEM_PEER_ROLES (section)->updating = TRUE;
  if (g_strcmp0 (tandem_person_chooser_get_person_id (TANDEM_PERSON_CHOOSER (chooser)), person_id) != 0)
    tandem_person_chooser_set_person_id (TANDEM_PERSON_CHOOSER (chooser), person_id);
  if (section != NULL)
    TANDEM_PEER_ROLES (section)->updating = FALSE;
  tandem_shown_field_remember_value (chooser, TANDEM_ENTITY_PEER_ROLE,
                                     tandem_peer_item_get_id (item), field, person_id);
}

/* Who holds the role, or who supervises them: typed to find someone, or
 * added there and then. */
static GtkWidget *
role_person_row (TandemPeerRoles *self,
                 TandemPeerItem  *role,
                 const char      *field,
                 const char      *title)
{
  GtkWidget *chooser = tandem_person_chooser_new (title, TRUE);
  GtkWidget *row = gtk_list_box_row_new ();
  const char *id = tandem_peer_item_get_id (role);
  g_autofree char *key = g_strdup_printf ("%s:%s", field, id);

  gtk_widget_set_name (chooser, key);
  tandem_person_chooser_set_team (TANDEM_PERSON_CHOOSER (chooser), self->project,
                                  self->report->team_id);
  role_person_changed_cb (role, NULL, chooser);
  g_signal_connect_data (chooser, "person-chosen", G_CALLBACK (role_person_chosen_cb),
                         role_field_new (self, id, field), role_field_free, 0);
  g_signal_connect_object (role, "notify", G_CALLBACK (role_person_changed_cb), chooser, 0);
  gtk_widget_set_margin_top (chooser, 8);
  gtk_widget_set_margin_bottom (chooser, 8);
  gtk_widget_set_margin_start (chooser, 12);
  gtk_widget_set_margin_end (chooser, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), chooser);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_sensitive (row, self->editable);
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
record_form (TandemPeerRoles *self,
             const char      *role_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = tandem_date_entry_new ();
  GtkWidget *kind = tandem_enum_drop_down_new (TANDEM_TYPE_SUPERVISION_KIND,
                                               TANDEM_ENUM_LABEL_FUNC (tandem_supervision_kind_label));
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Record"));
  GtkWidget *row = gtk_list_box_row_new ();
  RecordForm *form;
  g_autofree char *today = tandem_peer_support_today ();
  g_autofree char *date_key = g_strdup_printf ("record-date:%s", role_id);
  g_autofree char *add_key = g_strdup_printf ("record-add:%s", role_id);

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
  gtk_widget_set_name (date, date_key);
  gtk_widget_set_name (add, add_key);
  /* Not fields yet, but what is typed in them is kept as a field's is. */
  tandem_shown_field_fill (date, self->project, "new-record", role_id,
                           "date", today);
  tandem_shown_field_fill (note, self->project, "new-record", role_id,
                           "note", NULL);

  form = g_new0 (RecordForm, 1);
  form->self = self;
  form->role_id = g_strdup (role_id);
  form->date = GTK_EDITABLE (date);
  form->kind = GTK_DROP_DOWN (kind);
  form->note = GTK_EDITABLE (note);
  g_signal_connect_data (add, "clicked", G_CALLBACK (add_record_clicked_cb), form,
                         record_form_free, 0);
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
  gtk_widget_set_sensitive (row, self->editable);
  return row;
}

static GtkWidget *
record_row_cb (gpointer item,
               gpointer user_data)
{
  TandemPeerRoles *self = user_data;
  TandemPeerItem *record = item;
  const char *title = tandem_peer_item_get_string (record, "title");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (record, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (record, "note", row, "subtitle", G_BINDING_SYNC_CREATE);
  if (tandem_peer_item_get_string (record, "button-label") != NULL)
    {
      /* Its id is "all-records:ROLE". */
      const char *id = tandem_peer_item_get_id (record);
      GtkWidget *button = gtk_button_new ();

      gtk_widget_set_name (button, id);
      g_object_bind_property (record, "button-label", button, "label", G_BINDING_SYNC_CREATE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_data (button, "clicked", G_CALLBACK (show_all_records_clicked_cb),
                             role_field_new (self, strchr (id, ':') + 1, NULL), role_field_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else if (self->editable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *delete_key = g_strdup_printf ("record:%s", tandem_peer_item_get_id (record));
      g_autofree char *delete_label = g_strdup_printf (_("Delete the record of %s"), title);

      gtk_widget_set_name (button, delete_key);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete this record"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      delete_label, -1);
      g_signal_connect_data (button, "clicked", G_CALLBACK (delete_record_clicked_cb),
                             role_field_new (self, tandem_peer_item_get_id (record), NULL),
                             role_field_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static GtkWidget *
role_row (TandemPeerRoles *self,
          TandemPeerItem  *role)
{
  const char *id = tandem_peer_item_get_id (role);
  g_autofree char *key = g_strdup_printf ("role:%s", id);
  AdwExpanderRow *row = tandem_peer_expander (key, tandem_peer_item_get_string (role, "title"));
  GtkWidget *records = gtk_list_box_new ();
  GtkWidget *records_row = gtk_list_box_row_new ();

  g_object_bind_property (role, "title", row, "title", G_BINDING_DEFAULT);
  g_object_bind_property (role, "subtitle", row, "subtitle", G_BINDING_SYNC_CREATE);
  adw_expander_row_add_row (row, role_entry_row (self, role, "title", _("Post title")));
  adw_expander_row_add_row (row, role_person_row (self, role, "person_id",
                                                  _("Peer worker in the role")));
  adw_expander_row_add_row (row, role_person_row (self, role, "supervisor_id", _("Supervisor")));
  adw_expander_row_add_row (row, role_entry_row (self, role, "band", _("Band")));
  adw_expander_row_add_row (row, role_entry_row (self, role, "hours", _("Hours a week")));
  adw_expander_row_add_row (row, tandem_peer_date_row (role_entry_row (self, role, "start_date",
                                                                       _("Start date"))));
  adw_expander_row_add_row (row, tandem_peer_date_row (role_entry_row (self, role, "end_date",
                                                                       _("End date, if the worker has left"))));
  adw_expander_row_add_row (row, role_entry_row (self, role, "leaving_reason",
                                                 _("Reason for leaving (optional)")));
  adw_expander_row_add_row (row, role_entry_row (self, role, "expected_supervision_per_month",
                                                 _("Supervision sessions expected a month")));
  adw_expander_row_add_row (row, role_switch_row (self, role, "paired",
                                                  _("Works in a pair or a linked role")));
  adw_expander_row_add_row (row, role_switch_row (self, role, "vacancy", _("The post is vacant")));
  adw_expander_row_add_row (row, record_form (self, id));

  /* The latest records first; all of them when asked for (a role with
   * years of supervision has hundreds, so they are listed only then). */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (records), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (records), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Supervision and training records"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (records),
                           G_LIST_MODEL (tandem_peer_item_get_children (role)),
                           record_row_cb, self, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (records_row), records);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (records_row), FALSE);
  gtk_widget_set_focusable (records_row, FALSE);
  adw_expander_row_add_row (row, records_row);

  if (self->editable)
    {
      GtkWidget *delete_row = adw_action_row_new ();
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Role"));
      g_autofree char *delete_key = g_strdup_printf ("delete-role:%s", id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row),
                                     _("Delete the role and its records"));
      gtk_widget_set_name (delete, delete_key);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "destructive-action");
      g_signal_connect_data (delete, "clicked", G_CALLBACK (delete_role_clicked_cb),
                             role_field_new (self, id, NULL), role_field_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete);
      adw_expander_row_add_row (row, delete_row);
    }
  return GTK_WIDGET (row);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TandemPeerRoles *self = user_data;

  if (tandem_peer_item_get_boolean (item, "placeholder"))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No peer roles yet. Add the team's first one."));
      return row;
    }
  return role_row (self, item);
}

/* ------------------------------------------------------------------------ */
/* The items                                                                */

static TandemPeerItem *
record_item_new (const TandemSupervisionRecord *record)
{
  g_autofree char *date = tandem_peer_support_format_date (record->date);
  g_autofree char *title = g_strdup_printf ("%s — %s", date,
                                            tandem_supervision_kind_label (record->kind));

  return g_object_new (TANDEM_TYPE_RECORD_ITEM, "id", record->id, "title", title,
                       "note", record->note, NULL);
}

static TandemPeerItem *
role_item_new (TandemPeerRoles      *self,
               const TandemPeerRole *role)
{
  g_autofree char *terms = tandem_peer_support_describe_role (role);
  g_autofree char *supervision = tandem_peer_support_describe_supervision (role);
  g_autofree char *hours = format_number (role->hours);
  g_autofree char *expected = format_number (role->expected_per_month);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", terms, supervision);
  g_autoptr(GPtrArray) records = tandem_peer_support_list_records (self->project, role->id, NULL);
  guint total = records ? records->len : 0;
  guint shown = g_hash_table_contains (self->all_records, role->id)
                ? total : MIN (total, MAX_RECORDS_SHOWN);
  TandemPeerItem *item = g_object_new (TANDEM_TYPE_ROLE_ITEM,
                                       "id", role->id,
                                       "title", role->title,
                                       "subtitle", subtitle,
                                       "person-id", role->person_id,
                                       "supervisor-id", role->supervisor_id,
                                       "band", role->band,
                                       "hours", hours,
                                       "start-date", role->start_date,
                                       "end-date", role->end_date,
                                       "leaving-reason", role->leaving_reason,
                                       "expected-supervision-per-month", expected,
                                       "paired", role->paired,
                                       "vacancy", role->vacancy,
                                       NULL);
  GListStore *children = tandem_peer_item_get_children (item);

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(TandemPeerItem) record = record_item_new (records->pdata[i]);

      g_list_store_append (children, record);
    }
  if (total > MAX_RECORDS_SHOWN)
    {
      g_autoptr(TandemPeerItem) more = NULL;
      g_autofree char *id = g_strdup_printf ("all-records:%s", role->id);
      g_autofree char *text = shown == total
        ? g_strdup_printf (ngettext ("All %u record is shown, newest first.",
                                     "All %u records are shown, newest first.", total), total)
        : g_strdup_printf (_("The latest %u of %u records are shown."), shown, total);
      g_autofree char *label = shown == total
        ? g_strdup_printf (_("Show the Latest %u"), (guint) MAX_RECORDS_SHOWN)
        : g_strdup_printf (ngettext ("Show All %u Record", "Show All %u Records", total), total);

      more = g_object_new (TANDEM_TYPE_RECORD_ITEM, "id", id, "title", text, "button-label", label,
                           NULL);
      g_list_store_append (children, more);
    }
  return item;
}

static void
update_roles (TandemPeerRoles *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->report != NULL && self->report->roles->len == 0)
    g_ptr_array_add (items, g_object_new (TANDEM_TYPE_ROLE_ITEM, "id", "", "placeholder", TRUE,
                                          NULL));
  for (guint i = 0; self->report != NULL && i < self->report->roles->len; i++)
    g_ptr_array_add (items, role_item_new (self, self->report->roles->pdata[i]));
  tandem_peer_store_sync (self->roles, items);
}

/* ------------------------------------------------------------------------ */
/* The section                                                              */

static void
tandem_peer_roles_set_report (TandemPeerSection             *section,
                              TandemProject                 *project,
                              const TandemPeerSupportReport *report,
                              gboolean                       editable)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (section);

  /* Rows made for another file or team, or for a file that could be
   * changed and now cannot (or the other way), are made again. */
  if (project != self->project || editable != self->editable ||
      g_strcmp0 (report ? report->team_id : NULL, self->team_id) != 0)
    g_list_store_remove_all (self->roles);
  g_free (self->team_id);
  self->team_id = g_strdup (report ? report->team_id : NULL);
  self->project = project;
  self->report = report;
  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_role_button), report != NULL && editable);
}

static void
tandem_peer_roles_rebuild (TandemPeerSection *section)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (section);

  self->updating = TRUE;
  update_roles (self);
  self->updating = FALSE;
}

static void
tandem_peer_roles_restore (TandemPeerSection *section)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (section);
  g_autofree char *added = g_steal_pointer (&self->added);
  g_autofree char *key = NULL;
  GtkWidget *title, *row;

  if (added == NULL)
    return;
  key = g_strdup_printf ("title:%s", added);
  if ((title = tandem_peer_find_named (GTK_WIDGET (self->roles_list), key)) == NULL)
    return;
  if ((row = gtk_widget_get_ancestor (title, ADW_TYPE_EXPANDER_ROW)) != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (title);
}

static void
tandem_peer_roles_section_init (TandemPeerSectionInterface *iface)
{
  iface->set_report = tandem_peer_roles_set_report;
  iface->rebuild = tandem_peer_roles_rebuild;
  iface->restore = tandem_peer_roles_restore;
}

static void
tandem_peer_roles_dispose (GObject *object)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (object);

  /* Rows go first, removed from their list as an update does: libadwaita
   * 1.2's expander rows complain when disposed along with their list. */
  if (self->roles != NULL)
    g_list_store_remove_all (self->roles);
  g_clear_object (&self->roles);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->all_records, g_hash_table_unref);
  g_clear_pointer (&self->added, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_PEER_ROLES);
  G_OBJECT_CLASS (tandem_peer_roles_parent_class)->dispose (object);
}

static void
tandem_peer_roles_class_init (TandemPeerRolesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_peer_roles_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-peer-roles.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemPeerRoles, add_role_button);
  gtk_widget_class_bind_template_child (widget_class, TandemPeerRoles, roles_list);
  gtk_widget_class_bind_template_callback (widget_class, add_role_clicked_cb);
}

static void
tandem_peer_roles_init (TandemPeerRoles *self)
{
  self->roles = g_list_store_new (TANDEM_TYPE_PEER_ITEM);
  self->all_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_role_button), FALSE);
  gtk_list_box_bind_model (self->roles_list, G_LIST_MODEL (self->roles), create_row_cb, self, NULL);
}

/**
 * tandem_peer_roles_new:
 *
 * Makes an empty list of roles; tandem_peer_section_set_report() and
 * tandem_peer_section_rebuild() fill it.
 *
 * Returns: (transfer floating): the roles section
 */
GtkWidget *
tandem_peer_roles_new (void)
{
  return g_object_new (TANDEM_TYPE_PEER_ROLES, NULL);
}
