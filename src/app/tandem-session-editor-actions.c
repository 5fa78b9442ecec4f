/* tandem-session-editor-actions.c — what the session editor's buttons do:
 * go back, save, delete the session, add or delete an action, save the
 * session as a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching-rows.h"
#include "tandem-session-editor-private.h"

void
_tandem_session_editor_delete_action_cb (GtkButton           *button,
                                         TandemSessionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint i = row ? (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : G_MAXUINT;
  g_autofree char *action = i < self->action_ids->len ? g_strdup (self->action_ids->pdata[i]) : NULL;
  g_autoptr(GError) error = NULL;

  if (action == NULL)
    return;
  if (!tandem_coaching_delete_action (self->project, action, &error))
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Delete the Action"), error);
      return;
    }
  _tandem_coaching_show_toast (GTK_WIDGET (self), _("Action deleted"), TRUE);
}

static void
back_clicked_cb (GtkButton           *button,
                 TandemSessionEditor *self)
{
  if (tandem_session_editor_save (self, FALSE))
    tandem_session_editor_close (self);
}

static void
save_clicked_cb (GtkButton           *button,
                 TandemSessionEditor *self)
{
  if (self->session_id != NULL && tandem_session_editor_save (self, FALSE))
    _tandem_coaching_show_toast (GTK_WIDGET (self), _("Session saved"), FALSE);
}

static void
delete_clicked_cb (GtkButton           *button,
                   TandemSessionEditor *self)
{
  TandemProject *project = self->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *team = NULL;

  /* What was typed last is saved first, so that Undo brings it all back. */
  if (!_tandem_session_editor_save_full (self, TRUE) && self->session_id == NULL)
    return;
  id = g_strdup (self->session_id);
  team = g_strdup (self->session_team);
  tandem_session_editor_close (self);
  if (!tandem_coaching_delete_session (project, id, &error))
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Delete the Session"), error);
      _tandem_session_editor_emit_session_activated (self, id, team);
      return;
    }
  _tandem_coaching_show_toast (GTK_WIDGET (self), _("Session deleted"), TRUE);
}

static void
add_action_clicked_cb (GtkButton           *button,
                       TandemSessionEditor *self)
{
  TandemProject *project = self->project;
  g_autofree char *what = _tandem_coaching_stripped (editable_text (self->action_what_row));
  g_autofree char *due = _tandem_coaching_stripped (editable_text (self->action_due_row));
  const char *owner = tandem_person_chooser_get_person_id (self->action_owner_chooser);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char due_day[11] = "";

  if (self->session_id == NULL ||
      !tandem_project_exists (project, TANDEM_ENTITY_COACHING_SESSION, self->session_id))
    {
      _tandem_session_editor_vanished (self, FALSE, NULL);
      return;
    }
  if (what == NULL)
    g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("Say what will be done."));
  else if (due == NULL || tandem_read_typed_date (due, due_day, &error))
    id = tandem_coaching_add_action (project, self->session_id, what, owner,
                                     due != NULL ? due_day : NULL, &error);
  if (id == NULL)
    {
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Add the Action"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  tandem_person_chooser_set_person_id (self->action_owner_chooser, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_what_row));
}

static void
template_name_response_cb (AdwMessageDialog    *dialog,
                           const char          *response,
                           TandemSessionEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  TandemProject *project = self->project;
  g_autofree char *name = _tandem_coaching_stripped (gtk_editable_get_text (entry));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->session_id == NULL)
    return;
  if (name == NULL)
    {
      g_set_error_literal (&error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the template a name."));
      _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Template"), error);
      return;
    }
  id = tandem_coaching_save_template (project, name, self->session_id, &error);
  if (id == NULL)
    _tandem_coaching_show_error (GTK_WIDGET (self), _("Could Not Save the Template"), error);
  else
    _tandem_coaching_show_toast (GTK_WIDGET (self), _("Template saved: it is in the New Session menu"), FALSE);
}

static void
save_template_clicked_cb (GtkButton           *button,
                          TandemSessionEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!tandem_session_editor_save (self, FALSE))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save as Template"),
                                   _("New sessions can start from this session's kind, length, "
                                     "check-in, notes, advice and agreements."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Template name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Template name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_tandem_session_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_template_clicked_cb);
}
