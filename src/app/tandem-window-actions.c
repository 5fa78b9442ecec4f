/* tandem-window-actions.c — the window's actions: undo, print and export,
 * saving a copy, teams and their people, merging, conflicts and
 * contributions, the keyboard shortcuts window and workshop mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-coaching-page.h"
#include "tandem-conflicts-banner.h"
#include "tandem-conflicts-window.h"
#include "tandem-contributions-window.h"
#include "tandem-legibility.h"
#include "tandem-merge-dialog.h"
#include "tandem-people-window.h"
#include "tandem-plain-text.h"
#include "tandem-recent-list.h"
#include "tandem-team.h"
#include "tandem-team-dialog.h"
#include "tandem-window-private.h"

void
_tandem_window_update_actions (TandemWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean editable = has_project && !tandem_project_get_read_only (self->project);
  gboolean has_team = self->team_id != NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_project && tandem_project_can_undo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_project && tandem_project_can_redo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_project);
  {
    TandemPage *page = _tandem_window_get_visible_page (self);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                   page != NULL && tandem_page_can_print (page));
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                   page != NULL && tandem_page_can_export (page));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-team", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-team", editable && has_team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.team-people", editable && has_team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-team", editable && has_team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.contributions", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-conflicts", editable);

  gtk_widget_set_visible (self->undo_button, editable);
  gtk_widget_set_visible (self->redo_button, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->team_dropdown),
                          has_project && self->team_ids->len > 0);

  if (has_project && (undo_label = tandem_project_dup_undo_label (self->project)))
    undo_tip = g_strdup_printf (_("Undo “%s”"), undo_label);
  if (has_project && (redo_label = tandem_project_dup_redo_label (self->project)))
    redo_tip = g_strdup_printf (_("Redo “%s”"), redo_label);
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip ? undo_tip : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip ? redo_tip : _("Redo"));
}

static void
show_toast (TandemWindow *self,
            const char   *title,
            const char   *button_label,
            const char   *action)
{
  AdwToast *toast = tandem_plain_toast_new (title);

  if (button_label)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  /* The words typed last are a change of their own, the first to undo. */
  if (self->project == NULL ||
      !tandem_coaching_page_save_typing (TANDEM_COACHING_PAGE (self->coaching_page)))
    return;
  label = undo ? tandem_project_dup_undo_label (self->project)
               : tandem_project_dup_redo_label (self->project);
  if (!(undo ? tandem_project_undo (self->project, &error)
             : tandem_project_redo (self->project, &error)))
    {
      tandem_window_show_error (self, undo ? _("Could Not Undo") : _("Could Not Redo"), error);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"),
                                              label ? label : "");
    show_toast (self, title, NULL, NULL);
  }
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemPage *page = _tandem_window_get_visible_page (TANDEM_WINDOW (widget));

  if (page == NULL)
    return;
  if (g_str_equal (action_name, "win.print"))
    tandem_page_print (page);
  else
    tandem_page_export (page);
}


static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      /* The choice is there only when the project has private sessions. */
      gboolean without_private =
        self->copy_offers_private &&
        g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "private"), "true") == 0;

      if (path && !g_str_has_suffix (path, ".tandem"))
        {
          char *with_suffix = g_strconcat (path, ".tandem", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Copies can only be saved in local folders."));
      if (error == NULL &&
          (without_private
             ? tandem_coaching_save_copy_without_private (self->project, path, &error)
             : tandem_project_save_copy (self->project, path, &error)))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *title = g_strdup_printf (_("Saved a copy as “%s”"), name);
          g_autoptr(GFile) copy = g_file_new_for_path (path);

          tandem_recent_list_remember (copy);
          show_toast (self, title, NULL, NULL);
        }
      else
        tandem_window_show_error (self, _("Could Not Save a Copy"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;
  title = tandem_project_dup_title (self->project);
  /* Translators: the suggested file name of a copy; %s is the project's name. */
  name = g_strdup_printf (_("%s (copy).tandem"), title);
  dialog = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  self->copy_offers_private = tandem_coaching_count_private (self->project) > 0;
  if (self->copy_offers_private)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "private",
                                   _("Leave out private coaching sessions"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "private", "true");
    }
  g_signal_connect (dialog, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
team_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  gboolean edit = g_str_equal (action_name, "win.edit-team");
  TandemTeamDialog *dialog;

  if (self->project == NULL || (edit && self->team_id == NULL))
    return;
  dialog = tandem_team_dialog_new (GTK_WINDOW (self), self->project, edit ? self->team_id : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
team_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->project == NULL || self->team_id == NULL)
    return;
  gtk_window_present (GTK_WINDOW (tandem_people_window_new (GTK_WINDOW (self), self->project,
                                                            self->team_id)));
}

/* What deleting a team takes with it, in words: “2 diagrams, 4 measures
 * and 12 coaching sessions”, or NULL if it has no work yet. */
static char *
describe_team_work (TandemProject *project,
                    const char    *team_id)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 n;

  if ((n = tandem_project_count (project, TANDEM_ENTITY_DIAGRAM,
                                  TANDEM_FIELD_DIAGRAM_TEAM_ID, team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " diagram",
                                                       "%" G_GINT64_FORMAT " diagrams", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_MEASURE,
                                  TANDEM_FIELD_MEASURE_TEAM_ID, team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " measure",
                                                       "%" G_GINT64_FORMAT " measures", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_COACHING_SESSION,
                                  TANDEM_FIELD_COACHING_SESSION_TEAM_ID, team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " coaching session",
                                                       "%" G_GINT64_FORMAT " coaching sessions", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_ACTION,
                                  TANDEM_FIELD_ACTION_TEAM_ID, team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " action",
                                                       "%" G_GINT64_FORMAT " actions", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_PEER_ROLE,
                                  TANDEM_FIELD_PEER_ROLE_TEAM_ID, team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " peer-worker role",
                                                       "%" G_GINT64_FORMAT " peer-worker roles", n), n));
  if (parts->len == 0)
    return NULL;
  if (parts->len == 1)
    return g_strdup (parts->pdata[0]);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i + 1 < parts->len; i++)
      g_string_append_printf (text, "%s%s", i ? ", " : "", (char *) parts->pdata[i]);
    /* Translators: the end of a list, “2 diagrams, 4 measures and 12 sessions” */
    g_string_append_printf (text, _(" and %s"), (char *) parts->pdata[parts->len - 1]);
    return g_string_free (g_steal_pointer (&text), FALSE);
  }
}

/* The question is asked over the window; @id is the team it named. */
static void
delete_team_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         char             *id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  TandemWindow *self = TANDEM_IS_WINDOW (parent) ? TANDEM_WINDOW (parent) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete") || self == NULL || self->project == NULL ||
      !tandem_project_exists (self->project, TANDEM_ENTITY_TEAM, id))
    return;
  name = tandem_project_get_text (self->project, TANDEM_ENTITY_TEAM, id, TANDEM_FIELD_TEAM_NAME);
  if (!tandem_team_delete (self->project, id, &error))
    {
      tandem_window_show_error (self, _("Could Not Delete the Team"), error);
      return;
    }
  title = g_strdup_printf (_("Deleted “%s” and all its work"), name ? name : "");
  show_toast (self, title, _("_Undo"), "win.undo");
}

static void
free_team_id (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

/* One key must not remove a ward's whole work: ask, naming what goes. */
static void
delete_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *work = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->project == NULL || self->team_id == NULL)
    return;
  tandem_coaching_page_save_typing (TANDEM_COACHING_PAGE (self->coaching_page));
  name = tandem_project_get_text (self->project, TANDEM_ENTITY_TEAM, self->team_id,
                                  TANDEM_FIELD_TEAM_NAME);
  work = describe_team_work (self->project, self->team_id);
  heading = g_strdup_printf (_("Delete “%s”?"), name ? name : "");
  body = work ? g_strdup_printf (_("This deletes the team with all its work: %s. Undo brings "
                                   "it all back."), work)
              : g_strdup (_("The team has no work recorded yet. Undo brings it back."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Team"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_team_response_cb),
                         g_strdup (self->team_id), free_team_id, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Workshop mode: full screen, large type, optionally high contrast         */

/* The keyboard shortcuts window is built each time it is asked for and
 * destroyed when closed, instead of GtkApplication's hidden one kept for each
 * window: GTK 4.8's accessibility code crashes when a screen reader asks for
 * a window's children while a hidden, never-mapped window sits in the list. */
/* GTK 4.8 leaves three controls of the shortcuts window without a name a
 * screen reader can say: its search button and field, and the section menu. */
static void
name_shortcuts_controls (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    label = _("Search shortcuts");
  else if (GTK_IS_MENU_BUTTON (widget))
    label = _("Choose which shortcuts to show");
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    label = _("Search");
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_controls (child);
}

static void
show_shortcuts_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplicationWindow *self = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/tandemqi/Tandem/tandem-shortcuts-window.ui");
  GtkShortcutsWindow *shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                              "shortcuts_window"));

  /* Setting it as the help overlay lets it show each action's own keys. */
  gtk_application_window_set_help_overlay (self, shortcuts);
  gtk_window_set_hide_on_close (GTK_WINDOW (shortcuts), FALSE);
  name_shortcuts_controls (GTK_WIDGET (shortcuts));
  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
workshop_contrast_changed_cb (GSimpleAction *action,
                              GVariant      *state,
                              gpointer       user_data)
{
  TandemWindow *self = TANDEM_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  if (g_variant_get_boolean (state))
    gtk_widget_add_css_class (GTK_WIDGET (self), TANDEM_HIGH_CONTRAST_CLASS);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), TANDEM_HIGH_CONTRAST_CLASS);
  tandem_legibility_redraw (GTK_WIDGET (self));
}

static void
workshop_mode_changed_cb (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  TandemWindow *self = TANDEM_WINDOW (user_data);
  GtkWindow *window = GTK_WINDOW (self);
  GAction *contrast = g_action_map_lookup_action (G_ACTION_MAP (self), "workshop-high-contrast");
  gboolean on = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  if (on == gtk_widget_has_css_class (GTK_WIDGET (self), TANDEM_WORKSHOP_CLASS))
    return;
  if (on)
    {
      self->fullscreen_before_workshop = gtk_window_is_fullscreen (window);
      gtk_widget_add_css_class (GTK_WIDGET (self), TANDEM_WORKSHOP_CLASS);
      gtk_window_fullscreen (window);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), TANDEM_WORKSHOP_CLASS);
      g_action_change_state (contrast, g_variant_new_boolean (FALSE));
      if (!self->fullscreen_before_workshop)
        gtk_window_unfullscreen (window);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (contrast), on);
  tandem_legibility_redraw (GTK_WIDGET (self));
}


static const GActionEntry window_actions[] = {
  { "workshop-mode", NULL, NULL, "false", workshop_mode_changed_cb },
  { "workshop-high-contrast", NULL, NULL, "false", workshop_contrast_changed_cb },
  { "show-help-overlay", show_shortcuts_cb },
};

/* "win.select-team" with a team's id: how a page or a dialog shows another
 * team without reaching for the window. */
static void
select_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tandem_window_select_team (TANDEM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------------ */
/* Co-editing: merging a copy, conflicts, contributions                     */

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->project && !tandem_project_get_read_only (self->project))
    tandem_merge_dialog_present (GTK_WINDOW (self), self->project);
}

static void
conflicts_resolved_cb (TandemConflictsWindow *conflicts,
                       TandemWindow          *self)
{
  tandem_conflicts_banner_update (TANDEM_CONFLICTS_BANNER (self->conflicts_banner));
}

static void
review_conflicts_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkWindow *conflicts;

  if (self->project == NULL)
    return;
  conflicts = tandem_conflicts_window_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (conflicts, "resolved", G_CALLBACK (conflicts_resolved_cb), self, 0);
  gtk_window_present (conflicts);
}

static void
contributions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->project)
    gtk_window_present (tandem_contributions_window_new (GTK_WINDOW (self), self->project, NULL));
}


static void
view_shortcut (TandemWindow *self,
               const char   *name)
{
  if (self->team_id)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static gboolean
page_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  view_shortcut (TANDEM_WINDOW (widget), g_variant_get_string (args, NULL));
  return TRUE;
}

void
_tandem_window_class_actions_init (TandemWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.new-team", NULL, team_action);
  gtk_widget_class_install_action (widget_class, "win.edit-team", NULL, team_action);
  gtk_widget_class_install_action (widget_class, "win.team-people", NULL, team_people_action);
  gtk_widget_class_install_action (widget_class, "win.delete-team", NULL, delete_team_action);
  gtk_widget_class_install_action (widget_class, "win.select-team", "s", select_team_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", NULL,
                                   review_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.contributions", NULL, contributions_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-team", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.workshop-mode", NULL);
}

void
_tandem_window_actions_init (TandemWindow *self)
{
  static const struct { guint key; const char *page; } pages[] = {
    { GDK_KEY_1, "diagram" }, { GDK_KEY_2, "measures" },
    { GDK_KEY_3, "coaching" }, { GDK_KEY_4, "peer-support" },
    { GDK_KEY_5, "standards" },
  };
  GtkEventController *shortcuts;

  /* Alt+1…5 switch pages, as in other GNOME apps with a view switcher. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (pages[i].key, GDK_ALT_MASK),
                                                gtk_callback_action_new (page_shortcut_cb, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (pages[i].page));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                 G_ACTION_MAP (self), "workshop-high-contrast")), FALSE);
}
