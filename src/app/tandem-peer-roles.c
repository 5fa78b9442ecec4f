/* tandem-peer-roles.c — a team's peer roles and vacancies, each with its
 * terms, who holds and supervises it, and its supervision and training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-peer-roles.h"
#include "tandem-person-chooser.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"

#define MAX_RECORDS_SHOWN 12

struct _TandemPeerRoles
{
  GtkBox                         parent_instance;

  GtkButton                     *add_role_button;
  GtkListBox                    *roles_list;

  TandemProject                 *project;  /* the page's, while it shows this */
  const TandemPeerSupportReport *report;   /* the page's, until the next set_report */
  gboolean                       editable;
  TandemPeerPlace                place;
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

  if (self->place.building)
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

  if (self->place.building)
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
  g_autofree char *key = NULL;

  id = tandem_peer_support_add_record (self->project, form->role_id,
                                       gtk_editable_get_text (form->date),
                                       tandem_enum_drop_down_get_value (form->kind),
                                       gtk_editable_get_text (form->note), &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Record"), NULL, NULL, NULL, error);
      return;
    }
  /* Added: the rebuilt form starts afresh. */
  tandem_shown_field_release (GTK_WIDGET (form->date));
  tandem_shown_field_release (GTK_WIDGET (form->note));
  key = g_strdup_printf ("record-date:%s", form->role_id);
  tandem_peer_place_focus_after (&self->place, key);
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

  tandem_peer_place_toggle (&self->place, ref->id);
  tandem_peer_place_focus_after (&self->place, ref->id);
  /* Rebuilt from the file, not from the page's copy: the rows' editors
   * check a save against what they show, which must be the file now. */
  tandem_peer_section_request_reload (self);
}

static void
add_role_clicked_cb (TandemPeerRoles *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;

  if (self->report == NULL)
    return;
  id = tandem_peer_support_add_role (self->project, self->report->team_id, NULL, &error);
  if (id == NULL)
    {
      tandem_peer_section_failed (self, _("Could Not Add the Role"), NULL, NULL, NULL, error);
      return;
    }
  key = g_strdup_printf ("title:%s", id);
  tandem_peer_place_focus_after (&self->place, key);
  gtk_widget_activate_action (GTK_WIDGET (self), "peer-support.show-view", "s", "roles");
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static GtkWidget *
role_entry_row (TandemPeerRoles      *self,
                const TandemPeerRole *role,
                const char           *field,
                const char           *title,
                const char           *text)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);
  GtkWidget *row = tandem_peer_place_field_row (&self->place, title, text, key, self->editable);

  g_signal_connect_data (row, "apply", G_CALLBACK (role_text_applied_cb),
                         role_field_new (self, role->id, field), role_field_free, 0);
  tandem_shown_field_fill (row, self->project, TANDEM_ENTITY_PEER_ROLE, role->id, field, text);
  return row;
}

static GtkWidget *
role_switch_row (TandemPeerRoles      *self,
                 const TandemPeerRole *role,
                 const char           *field,
                 const char           *title,
                 gboolean              active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Saved checked against this, as the file holds it. */
  tandem_shown_field_remember_value (toggle, TANDEM_ENTITY_PEER_ROLE, role->id, field, active ? "1" : "0");
  g_signal_connect_data (toggle, "notify::active", G_CALLBACK (role_switch_cb),
                         role_field_new (self, role->id, field), role_field_free, 0);
  tandem_peer_place_remember (&self->place, toggle, key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

/* Who holds the role, or who supervises them: typed to find someone, or
 * added there and then. */
static GtkWidget *
role_person_row (TandemPeerRoles      *self,
                 const TandemPeerRole *role,
                 const char           *field,
                 const char           *title,
                 const char           *person_id)
{
  GtkWidget *chooser = tandem_person_chooser_new (title, TRUE);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *key = g_strdup_printf ("%s:%s", field, role->id);

  tandem_person_chooser_set_team (TANDEM_PERSON_CHOOSER (chooser), self->project,
                                  self->report->team_id);
  tandem_person_chooser_set_person_id (TANDEM_PERSON_CHOOSER (chooser), person_id);
  tandem_shown_field_remember_value (chooser, TANDEM_ENTITY_PEER_ROLE, role->id, field, person_id);
  g_signal_connect_data (chooser, "person-chosen", G_CALLBACK (role_person_chosen_cb),
                         role_field_new (self, role->id, field), role_field_free, 0);
  tandem_peer_place_remember (&self->place, chooser, key);
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
record_form (TandemPeerRoles      *self,
             const TandemPeerRole *role)
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
  tandem_peer_place_remember (&self->place, date, date_key);
  tandem_peer_place_remember (&self->place, add, add_key);
  /* Not fields yet, but what is typed in them survives a refresh too. */
  tandem_shown_field_fill (date, self->project, "new-record", role->id,
                           "date", today);
  tandem_shown_field_fill (note, self->project, "new-record", role->id,
                           "note", NULL);

  form = g_new0 (RecordForm, 1);
  form->self = self;
  form->role_id = g_strdup (role->id);
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
build_role_row (TandemPeerRoles      *self,
                TandemProject        *project,
                const TandemPeerRole *role)
{
  gboolean editable = self->editable;
  g_autofree char *key = g_strdup_printf ("role:%s", role->id);
  g_autofree char *terms = tandem_peer_support_describe_role (role);
  g_autofree char *supervision = tandem_peer_support_describe_supervision (role);
  g_autofree char *hours = format_number (role->hours);
  g_autofree char *expected = format_number (role->expected_per_month);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", terms, supervision);
  g_autoptr(GPtrArray) records = tandem_peer_support_list_records (project, role->id, NULL);
  g_autofree char *all_key = g_strdup_printf ("all-records:%s", role->id);
  AdwExpanderRow *row = tandem_peer_place_expander (&self->place, key, role->title);
  guint n_shown;

  adw_expander_row_set_subtitle (row, subtitle);
  adw_expander_row_add_row (row, role_entry_row (self, role, "title", _("Post title"), role->title));
  adw_expander_row_add_row (row, role_person_row (self, role, "person_id",
                                                  _("Peer worker in the role"), role->person_id));
  adw_expander_row_add_row (row, role_person_row (self, role, "supervisor_id", _("Supervisor"),
                                                  role->supervisor_id));
  adw_expander_row_add_row (row, role_entry_row (self, role, "band", _("Band"), role->band));
  adw_expander_row_add_row (row, role_entry_row (self, role, "hours", _("Hours a week"), hours));
  adw_expander_row_add_row (row, tandem_peer_date_row (role_entry_row (self, role, "start_date",
                                                           _("Start date"), role->start_date)));
  adw_expander_row_add_row (row, tandem_peer_date_row (role_entry_row (self, role, "end_date",
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
  if (!g_hash_table_contains (self->place.expanded, all_key))
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
          g_signal_connect_data (button, "clicked", G_CALLBACK (delete_record_clicked_cb),
                                 role_field_new (self, record->id, NULL), role_field_free, 0);
          tandem_peer_place_remember (&self->place, button, delete_key);
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
      g_signal_connect_data (button, "clicked", G_CALLBACK (show_all_records_clicked_cb),
                             role_field_new (self, all_key, NULL), role_field_free, 0);
      tandem_peer_place_remember (&self->place, button, all_key);
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
      g_signal_connect_data (button, "clicked", G_CALLBACK (delete_role_clicked_cb),
                             role_field_new (self, role->id, NULL), role_field_free, 0);
      tandem_peer_place_remember (&self->place, button, delete_key);
      adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), button);
      adw_expander_row_add_row (row, delete_row);
    }
  return GTK_WIDGET (row);
}

static void
build_roles (TandemPeerRoles *self)
{
  TandemProject *project = self->project;

  tandem_peer_clear_list (self->roles_list);
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
/* The section                                                              */

static void
tandem_peer_roles_set_report (TandemPeerSection             *section,
                              TandemProject                 *project,
                              const TandemPeerSupportReport *report,
                              gboolean                       editable)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (section);

  self->project = project;
  self->report = report;
  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_role_button), report != NULL && editable);
}

static void
tandem_peer_roles_rebuild (TandemPeerSection *section)
{
  TandemPeerRoles *self = TANDEM_PEER_ROLES (section);

  tandem_peer_place_begin (&self->place, GTK_WIDGET (self));
  build_roles (self);
}

static void
tandem_peer_roles_restore (TandemPeerSection *section)
{
  tandem_peer_place_restore (&TANDEM_PEER_ROLES (section)->place);
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

  /* Rows go first, removed from their list as a rebuild does: libadwaita
   * 1.2's expander rows complain when disposed along with their list. */
  if (self->roles_list != NULL)
    {
      self->place.building = TRUE;
      tandem_peer_clear_list (self->roles_list);
    }
  tandem_peer_place_clear (&self->place);
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
  tandem_peer_place_init (&self->place);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_role_button), FALSE);
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
