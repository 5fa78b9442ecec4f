/* tandem-people-window.c — a team's people: list, add, edit, deactivate,
 * merge, bring in from another team, import from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window with four views: the list, a person's form, a list to choose
 * from (someone of another team, or the other entry of a merge), and an
 * import with its preview. Every edit is one undoable change in the file;
 * the form writes only when Save is pressed, and keeps what was typed when
 * the file refuses it.
 */

#define G_LOG_DOMAIN "Tandem-App"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-enum-row.h"
#include "tandem-names.h"
#include "tandem-people-window.h"
#include "tandem-person.h"
#include "tandem-plain-text.h"

typedef enum
{
  CHOOSING_OTHER_TEAM,
  CHOOSING_MERGE,
} Choosing;

struct _TandemPeopleWindow
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *back_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *list_group;
  AdwPreferencesGroup  *form_group;
  AdwPreferencesGroup  *manage_group;
  AdwPreferencesGroup  *choose_group;
  GtkListBox           *people_list;
  GtkListBox           *choose_list;
  GtkListBox           *problems_list;
  GtkListBox           *preview_list;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_title_row;
  AdwComboRow          *taking_part_row;
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *contact_row;
  GtkLabel             *form_error_label;
  GtkWidget            *save_button;
  GtkWidget            *active_button;
  GtkWidget            *import_button;

  TandemProject        *project;
  char                 *team_id;
  char                 *team_name;
  gulong                changed_id;
  GPtrArray            *people;        /* TandemPerson, as in people_list */
  GPtrArray            *choices;       /* TandemPerson, as in choose_list */
  Choosing              choosing;
  TandemPerson         *shown;         /* as the form showed them; NULL when adding */
  char                 *import_text;
  gsize                 import_length;
  char                 *import_name;
};

G_DEFINE_FINAL_TYPE (TandemPeopleWindow, tandem_people_window, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static AdwActionRow *
text_row (const char *title,
          const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* What people typed is shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (row, subtitle);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  AdwActionRow *row = text_row (text, NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  gtk_list_box_append (list, GTK_WIDGET (row));
}

/* A person's details in a line: role title, how they take part,
 * organisation, and whether they are still active. */
static char *
describe (const TandemPerson *person)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (person->role_title)
    g_ptr_array_add (parts, g_strdup (person->role_title));
  if (person->taking_part_as != TANDEM_TAKING_PART_AS_NONE)
    g_ptr_array_add (parts, g_strdup (tandem_taking_part_as_get_label (person->taking_part_as)));
  if (person->organisation)
    g_ptr_array_add (parts, g_strdup (person->organisation));
  if (!tandem_person_is_active (person))
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_("Inactive since %s"), person->inactive_since));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
toast (TandemPeopleWindow *self,
       const char         *title,
       gboolean            with_undo)
{
  AdwToast *item = tandem_plain_toast_new (title);

  if (with_undo)
    {
      adw_toast_set_button_label (item, _("_Undo"));
      adw_toast_set_action_name (item, "people.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, item);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_view (TandemPeopleWindow *self,
          const char         *view)
{
  g_autofree char *title = NULL;
  GtkWidget *default_widget = NULL;

  if (g_str_equal (view, "list"))
    title = g_strdup_printf (_("People in %s"), self->team_name ? self->team_name : "");
  else if (g_str_equal (view, "person"))
    {
      title = g_strdup (self->shown ? _("Edit Person") : _("New Person"));
      default_widget = self->save_button;
    }
  else if (g_str_equal (view, "choose"))
    title = g_strdup (self->choosing == CHOOSING_MERGE ? _("Merge Two Entries")
                                                       : _("Add From Another Team"));
  else
    {
      title = g_strdup (_("Import People"));
      default_widget = self->import_button;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->stack, view);
  gtk_widget_set_visible (self->back_button, !g_str_equal (view, "list"));
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);
}

static gboolean
showing (TandemPeopleWindow *self,
         const char         *view)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0;
}

/* ------------------------------------------------------------------------ */
/* The list                                                                 */

static void
reload_list (TandemPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->team_name, g_free);
  self->team_name = tandem_project_get_text (self->project, TANDEM_ENTITY_TEAM, self->team_id,
                                             TANDEM_FIELD_TEAM_NAME);
  tandem_plain_group_set_title (self->list_group, self->team_name ? self->team_name : "");
  if (showing (self, "list"))
    set_view (self, "list");

  g_clear_pointer (&self->people, g_ptr_array_unref);
  clear_list (self->people_list);
  self->people = tandem_person_list (self->project, self->team_id, &error);
  if (self->people == NULL)
    {
      add_placeholder (self->people_list, error->message);
      return;
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      TandemPerson *person = self->people->pdata[i];
      g_autofree char *details = describe (person);
      AdwActionRow *row = text_row (person->name, details);

      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (!tandem_person_is_active (person))
        gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
      gtk_list_box_append (self->people_list, GTK_WIDGET (row));
    }
  if (self->people->len == 0)
    add_placeholder (self->people_list,
                     _("No one yet. Add the people who take part in this team’s work, or import a list."));
}

static void
project_changed_cb (TandemProject      *project,
                    const char         *entity,
                    TandemPeopleWindow *self)
{
  reload_list (self);
}

static void
person_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     TandemPeopleWindow *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->people && index >= 0 && (guint) index < self->people->len)
    tandem_people_window_edit (self, ((TandemPerson *) self->people->pdata[index])->id);
}

/* ------------------------------------------------------------------------ */
/* A person's form                                                          */

static void
show_form_error (TandemPeopleWindow *self,
                 GError             *error)
{
  gtk_label_set_label (self->form_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
}

static void
fill_form (TandemPeopleWindow *self,
           const TandemPerson *person)
{
  set_entry (self->name_row, person ? person->name : NULL);
  set_entry (self->role_title_row, person ? person->role_title : NULL);
  tandem_enum_row_set_value (self->taking_part_row,
                             person ? (int) person->taking_part_as : TANDEM_TAKING_PART_AS_NONE);
  set_entry (self->organisation_row, person ? person->organisation : NULL);
  set_entry (self->contact_row, person ? person->contact : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->manage_group), person != NULL);
  if (person)
    gtk_button_set_label (GTK_BUTTON (self->active_button),
                          tandem_person_is_active (person) ? _("D_eactivate") : _("R_eactivate"));
  tandem_plain_group_set_title (self->form_group, person ? person->name : _("New Person"));
  set_view (self, "person");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);

  g_clear_pointer (&self->shown, tandem_person_free);
  fill_form (self, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *role_title = entry_text (self->role_title_row);
  g_autofree char *organisation = entry_text (self->organisation_row);
  g_autofree char *contact = entry_text (self->contact_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TandemPerson edited = {
    .name = name, .role_title = role_title, .organisation = organisation, .contact = contact,
    .taking_part_as = tandem_enum_row_get_value (self->taking_part_row),
  };

  if (!showing (self, "person"))
    return;
  if (self->shown == NULL)
    {
      g_autofree char *id = tandem_person_add (self->project, self->team_id, &edited, &error);

      if (id == NULL)
        {
          /* Keep the form, and what was typed. */
          show_form_error (self, error);
          return;
        }
      message = g_strdup_printf (_("Added “%s”"), name);
    }
  else if (!tandem_person_edit (self->project, self->shown, &edited, &error))
    {
      if (!g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
        {
          show_form_error (self, error);
          return;
        }
      /* The rest is saved, and what was typed is kept in the conflict. */
      message = g_strdup (error->message);
    }
  else
    message = g_strdup_printf (_("Saved “%s”"), name);
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  /* The keyboard goes back to the list (not to the toast), so one Escape
   * closes the window as it does from the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
  toast (self, message, FALSE);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean active;

  if (self->shown == NULL)
    return;
  active = !tandem_person_is_active (self->shown);
  if (!tandem_person_set_active (self->project, self->shown->id, active, &error))
    {
      show_form_error (self, error);
      return;
    }
  message = g_strdup_printf (active ? _("“%s” is active again") : _("Deactivated “%s”"),
                             self->shown->name);
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  toast (self, message, TRUE);
}

static void
leave_team_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->shown == NULL)
    return;
  if (!tandem_person_remove_from_team (self->project, self->shown->id, self->team_id, &error))
    {
      show_form_error (self, error);
      return;
    }
  message = g_strdup_printf (_("“%s” left %s"), self->shown->name,
                             self->team_name ? self->team_name : _("the team"));
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  toast (self, message, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->shown == NULL)
    return;
  /* Someone the history names is refused, with what names them. */
  if (!tandem_person_delete (self->project, self->shown->id, &error))
    {
      show_form_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Deleted “%s”"), self->shown->name);
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  toast (self, message, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Choosing: someone of another team, or the other entry of a merge         */

static void
show_choices (TandemPeopleWindow *self,
              Choosing            choosing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) team = NULL;

  self->choosing = choosing;
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_person_free);
  clear_list (self->choose_list);
  if ((everyone = tandem_person_list (self->project, NULL, &error)) == NULL ||
      (team = tandem_person_list (self->project, self->team_id, &error)) == NULL)
    {
      add_placeholder (self->choose_list, error->message);
      set_view (self, "choose");
      return;
    }
  for (guint i = 0; i < everyone->len; i++)
    {
      TandemPerson *person = everyone->pdata[i];
      gboolean in_team = FALSE;

      for (guint t = 0; t < team->len; t++)
        in_team |= g_str_equal (((TandemPerson *) team->pdata[t])->id, person->id);
      /* A merge is of two entries in this team; the other list is of
       * everyone the team does not have yet. */
      if (choosing == CHOOSING_MERGE ? (!in_team || g_str_equal (person->id, self->shown->id))
                                     : in_team)
        continue;
      g_ptr_array_add (self->choices, g_ptr_array_steal_index (everyone, i--));
    }
  for (guint i = 0; i < self->choices->len; i++)
    {
      TandemPerson *person = self->choices->pdata[i];
      g_autofree char *details = describe (person);
      AdwActionRow *row = text_row (person->name, details);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->choose_list, GTK_WIDGET (row));
    }
  if (choosing == CHOOSING_MERGE)
    {
      g_autofree char *description =
        g_strdup_printf (_("Choose the other entry for the same person as “%s”. Everything that "
                           "names it (sessions attended, actions, change ideas, teams) moves to "
                           "“%s”, details “%s” leaves empty are filled from it, and it goes."),
                         self->shown->name, self->shown->name, self->shown->name);

      tandem_plain_group_set_description (self->choose_group, description);
      if (self->choices->len == 0)
        add_placeholder (self->choose_list, _("No one else in this team to merge with."));
    }
  else
    {
      tandem_plain_group_set_description (self->choose_group,
                                          _("People of the project’s other teams. Choose someone "
                                            "to add them to this team as well; a person may belong "
                                            "to several teams."));
      if (self->choices->len == 0)
        add_placeholder (self->choose_list, _("Everyone in the project is already in this team."));
    }
  set_view (self, "choose");
  if (self->choices->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->choose_list, 0)));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);

  if (self->shown != NULL)
    show_choices (self, CHOOSING_MERGE);
}

static void
from_other_team_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);

  g_clear_pointer (&self->shown, tandem_person_free);
  show_choices (self, CHOOSING_OTHER_TEAM);
}

static void
choice_activated_cb (GtkListBox         *list,
                     GtkListBoxRow      *row,
                     TandemPeopleWindow *self)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TandemPerson *chosen;

  if (self->choices == NULL || index < 0 || (guint) index >= self->choices->len)
    return;
  chosen = self->choices->pdata[index];
  if (self->choosing == CHOOSING_MERGE)
    {
      if (self->shown == NULL ||
          !tandem_person_merge (self->project, self->shown->id, chosen->id, &error))
        {
          if (error)
            toast (self, error->message, FALSE);
          return;
        }
      message = g_strdup_printf (_("Merged “%s” into “%s”"), chosen->name, self->shown->name);
    }
  else
    {
      if (!tandem_person_add_to_team (self->project, chosen->id, self->team_id, &error))
        {
          toast (self, error->message, FALSE);
          return;
        }
      message = g_strdup_printf (_("Added “%s” to %s"), chosen->name,
                                 self->team_name ? self->team_name : _("the team"));
    }
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  toast (self, message, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

static void
clear_import (TandemPeopleWindow *self)
{
  g_clear_pointer (&self->import_text, g_free);
  g_clear_pointer (&self->import_name, g_free);
  self->import_length = 0;
  clear_list (self->problems_list);
  clear_list (self->preview_list);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import-now", FALSE);
}

static void
show_problem (TandemPeopleWindow *self,
              const char         *problem)
{
  AdwActionRow *row = text_row (problem, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_list_box_append (self->problems_list, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), TRUE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);

  g_clear_pointer (&self->shown, tandem_person_free);
  clear_import (self);
  set_view (self, "import");
}

static void
file_chosen_cb (GtkNativeDialog    *chooser,
                int                 response,
                TandemPeopleWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_people_window_preview_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import People from a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheet text (CSV, TSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_now_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_auto(TandemPersonImport) import = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added;

  if (self->import_text == NULL)
    return;
  if (!tandem_person_import_csv (self->project, self->team_id, self->import_text,
                                 (gssize) self->import_length, self->import_name, &import, &error))
    {
      /* The list stays, with why, so it can be fixed and chosen again. */
      clear_list (self->problems_list);
      show_problem (self, error->message);
      return;
    }
  added = import.added + import.joined;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u person from “%s”",
                                          "Imported %u people from “%s”", added),
                             added, self->import_name);
  if (import.already->len > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s; %u was already in the team",
                                                            "%s; %u were already in the team",
                                                            import.already->len),
                                               message, import.already->len);

      g_free (message);
      message = g_steal_pointer (&more);
    }
  clear_import (self);
  set_view (self, "list");
  toast (self, message, added > 0);
}

/* ------------------------------------------------------------------------ */
/* Actions of the whole window                                              */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);

  if (showing (self, "list"))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_clear_pointer (&self->shown, tandem_person_free);
  set_view (self, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tandem_project_undo (self->project, &error))
    toast (self, error->message, FALSE);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
tandem_people_window_dispose (GObject *object)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (object);

  if (self->project && self->changed_id)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_PEOPLE_WINDOW);
  G_OBJECT_CLASS (tandem_people_window_parent_class)->dispose (object);
}

static void
tandem_people_window_finalize (GObject *object)
{
  TandemPeopleWindow *self = TANDEM_PEOPLE_WINDOW (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->team_name, g_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->shown, tandem_person_free);
  g_clear_pointer (&self->import_text, g_free);
  g_clear_pointer (&self->import_name, g_free);
  G_OBJECT_CLASS (tandem_people_window_parent_class)->finalize (object);
}

static void
tandem_people_window_class_init (TandemPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_people_window_dispose;
  object_class->finalize = tandem_people_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-people-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemPeopleWindow, name)
  CHILD (toast_overlay);
  CHILD (back_button);
  CHILD (stack);
  CHILD (list_group);
  CHILD (form_group);
  CHILD (manage_group);
  CHILD (choose_group);
  CHILD (people_list);
  CHILD (choose_list);
  CHILD (problems_list);
  CHILD (preview_list);
  CHILD (name_row);
  CHILD (role_title_row);
  CHILD (taking_part_row);
  CHILD (organisation_row);
  CHILD (contact_row);
  CHILD (form_error_label);
  CHILD (save_button);
  CHILD (active_button);
  CHILD (import_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "people.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "people.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "people.leave-team", NULL, leave_team_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.from-other-team", NULL,
                                   from_other_team_action);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "people.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "people.import-now", NULL, import_now_action);
  gtk_widget_class_install_action (widget_class, "people.undo", NULL, undo_action);
  /* Escape goes back a view, and from the list closes the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "people.back", NULL);
}

static void
tandem_people_window_init (TandemPeopleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_enum_row_set_model (self->taking_part_row, TANDEM_TYPE_TAKING_PART_AS,
                             TANDEM_ENUM_LABEL_FUNC (tandem_taking_part_as_get_label));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import-now", FALSE);
}

/**
 * tandem_people_window_new:
 * @parent: the project window
 * @project: the project
 * @team_id: the team whose people it shows
 *
 * Returns: (transfer none): the window, showing the list, ready to present
 */
TandemPeopleWindow *
tandem_people_window_new (GtkWindow     *parent,
                          TandemProject *project,
                          const char    *team_id)
{
  TandemPeopleWindow *self = g_object_new (TANDEM_TYPE_PEOPLE_WINDOW,
                                           "transient-for", parent,
                                           NULL);

  self->project = g_object_ref (project);
  self->team_id = g_strdup (team_id);
  self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  set_view (self, "list");
  reload_list (self);
  return self;
}

/**
 * tandem_people_window_get_view:
 * @self: the window
 *
 * Returns: what it shows: “list”, “person” (a form), “choose” or “import”
 */
const char *
tandem_people_window_get_view (TandemPeopleWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_PEOPLE_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tandem_people_window_edit:
 * @self: the window
 * @person_id: a person
 *
 * Opens the person's form, as activating their row does.
 */
void
tandem_people_window_edit (TandemPeopleWindow *self,
                           const char         *person_id)
{
  g_autoptr(GError) error = NULL;
  TandemPerson *person;

  g_return_if_fail (TANDEM_IS_PEOPLE_WINDOW (self));

  if ((person = tandem_person_get (self->project, person_id, &error)) == NULL)
    {
      toast (self, error->message, FALSE);
      return;
    }
  g_clear_pointer (&self->shown, tandem_person_free);
  self->shown = person;
  fill_form (self, person);
}

/**
 * tandem_people_window_preview_file:
 * @self: the window
 * @file: a CSV file, as the file chooser gives it
 *
 * Reads @file and shows what importing it would do: the people it names,
 * and every line that has a problem. Nothing is added until Import.
 */
void
tandem_people_window_preview_file (TandemPeopleWindow *self,
                                   GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (TANDEM_IS_PEOPLE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_clear_pointer (&self->shown, tandem_person_free);
  clear_import (self);
  set_view (self, "import");
  basename = g_file_get_basename (file);
  self->import_name = g_filename_display_name (basename);
  if (!g_file_load_contents (file, NULL, &self->import_text, &self->import_length, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"),
                                                  self->import_name, error->message);
      show_problem (self, message);
      return;
    }
  if (!tandem_person_read_csv (self->import_text, (gssize) self->import_length, self->import_name,
                               &people, &problems, &error))
    {
      show_problem (self, error->message);
      return;
    }
  if (problems->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Nobody can be imported from “%s” until these lines are fixed:"),
                                                  self->import_name);

      show_problem (self, heading);
      for (guint i = 0; i < problems->len; i++)
        show_problem (self, problems->pdata[i]);
    }
  else if (people->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” names no one."), self->import_name);

      show_problem (self, message);
    }
  for (guint i = 0; i < people->len; i++)
    {
      TandemPerson *person = people->pdata[i];
      g_autofree char *details = describe (person);

      gtk_list_box_append (self->preview_list, GTK_WIDGET (text_row (person->name, details)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), people->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import-now",
                                 problems->len == 0 && people->len > 0);
  if (problems->len == 0 && people->len > 0)
    gtk_widget_grab_focus (self->import_button);
}
