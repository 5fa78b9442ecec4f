/* tandem-team-dialog.c — add a team, or edit one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-defaults.h"
#include "tandem-enum-row.h"
#include "tandem-team.h"
#include "tandem-team-dialog.h"

struct _TandemTeamDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *organisation_row;
  AdwComboRow    *service_row;
  AdwEntryRow    *ward_row;
  GtkLabel       *error_label;

  TandemProject  *project;
  char           *team_id;   /* NULL when adding */
  TandemTeam     *shown;     /* the team as the dialog showed it, when editing */
  GtkStringList  *services;
};

G_DEFINE_FINAL_TYPE (TandemTeamDialog, tandem_team_dialog, ADW_TYPE_WINDOW)

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

static void
name_changed_cb (GtkEditable      *editable,
                 TandemTeamDialog *self)
{
  g_autofree char *name = entry_text (self->name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.save", name != NULL);
  gtk_widget_set_sensitive (self->save_button, name != NULL);
}

/* The first entry of the service list means "not said". */
static char *
selected_service (TandemTeamDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->service_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (gtk_string_list_get_string (self->services, selected));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemTeamDialog *self = TANDEM_TEAM_DIALOG (widget);
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *organisation = entry_text (self->organisation_row);
  g_autofree char *ward = entry_text (self->ward_row);
  g_autofree char *service = selected_service (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean ok;

  if (name == NULL)
    return;

  if (self->team_id == NULL)
    {
      new_id = tandem_team_create (self->project, name, organisation, service, ward, &error);
      ok = new_id != NULL;
      /* The window shows the new team; the dialog does not reach into it. */
      if (ok && parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.select-team", "s", new_id);
    }
  else if (self->shown == NULL)
    {
      /* It could not be read when the dialog opened: say why. */
      g_autoptr(TandemTeam) gone = tandem_team_get (self->project, self->team_id, &error);

      ok = FALSE;
      if (gone != NULL)
        g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                             _("Close this window and edit the team again."));
    }
  else
    {
      TandemTeam edited = {
        .name = name, .organisation = organisation, .service_type = service, .ward = ward,
      };

      ok = tandem_team_edit (self->project, self->shown, &edited, &error);
      if (!ok && g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
        {
          /* The rest is saved and what was typed is kept in the conflict. */
          if (parent != NULL)
            {
              GtkWidget *dialog = adw_message_dialog_new (parent,
                                                          _("Someone Else Changed This Team"),
                                                          error->message);

              adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
              adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
              gtk_window_present (GTK_WINDOW (dialog));
            }
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
    }

  if (!ok)
    {
      /* Keep the dialog, and what was typed, so nothing is lost. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_team_dialog_finalize (GObject *object)
{
  TandemTeamDialog *self = TANDEM_TEAM_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->services);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->shown, tandem_team_free);
  G_OBJECT_CLASS (tandem_team_dialog_parent_class)->finalize (object);
}

static void
tandem_team_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_TEAM_DIALOG);
  G_OBJECT_CLASS (tandem_team_dialog_parent_class)->dispose (object);
}

static void
tandem_team_dialog_class_init (TandemTeamDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tandem_team_dialog_finalize;
  object_class->dispose = tandem_team_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-team-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, ward_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTeamDialog, error_label);

  gtk_widget_class_install_action (widget_class, "team.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_team_dialog_init (TandemTeamDialog *self)
{
  const char * const *types = tandem_defaults_service_types ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->services = gtk_string_list_new (NULL);
  gtk_string_list_append (self->services, _("Not stated"));
  for (guint i = 0; types[i]; i++)
    gtk_string_list_append (self->services, types[i]);
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (self->services));
  tandem_combo_row_show_whole_labels (self->service_row);

  g_signal_connect (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.save", FALSE);
}

/**
 * tandem_team_dialog_new:
 * @parent: the project window
 * @project: the project
 * @team_id: (nullable): the team to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog, ready to present
 */
TandemTeamDialog *
tandem_team_dialog_new (GtkWindow     *parent,
                        TandemProject *project,
                        const char    *team_id)
{
  TandemTeamDialog *self = g_object_new (TANDEM_TYPE_TEAM_DIALOG,
                                         "transient-for", parent,
                                         NULL);

  self->project = g_object_ref (project);
  self->team_id = g_strdup (team_id);

  gtk_window_set_title (GTK_WINDOW (self), team_id ? _("Edit Team") : _("New Team"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), team_id ? _("_Save") : _("_Add"));

  if (team_id)
    self->shown = tandem_team_get (project, team_id, NULL);
  if (self->shown)
    {
      const struct { AdwEntryRow *row; const char *value; } rows[] = {
        { self->name_row, self->shown->name },
        { self->organisation_row, self->shown->organisation },
        { self->ward_row, self->shown->ward },
      };
      const char *service = self->shown->service_type;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_editable_set_text (GTK_EDITABLE (rows[i].row), rows[i].value ? rows[i].value : "");
      if (service)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->services));
          guint found = GTK_INVALID_LIST_POSITION;

          for (guint i = 1; i < n; i++)
            if (g_str_equal (gtk_string_list_get_string (self->services, i), service))
              found = i;
          /* A service type typed elsewhere is kept, not lost. */
          if (found == GTK_INVALID_LIST_POSITION)
            {
              gtk_string_list_append (self->services, service);
              found = n;
            }
          adw_combo_row_set_selected (self->service_row, found);
        }
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
