/* tandem-window.c — a project window: team selector, the four pages, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-application.h"
#include "tandem-author-prompt.h"
#include "tandem-coaching.h"
#include "tandem-coaching-page.h"
#include "tandem-conflicts-banner.h"
#include "tandem-conflicts-window.h"
#include "tandem-contributions-window.h"
#include "tandem-diagram-page.h"
#include "tandem-enum-row.h"
#include "tandem-legibility.h"
#include "tandem-measures-page.h"
#include "tandem-merge-dialog.h"
#include "tandem-page-layout.h"
#include "tandem-peer-support-page.h"
#include "tandem-people-window.h"
#include "tandem-plain-text.h"
#include "tandem-standards-page.h"
#include "tandem-team.h"
#include "tandem-team-dialog.h"
#include "tandem-window.h"

#define RECENT_LIMIT 8

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *team_dropdown;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkRevealer          *read_only_revealer;
  GtkStack             *main_stack;
  GtkStack             *project_stack;
  AdwViewStack         *view_stack;
  GtkLabel             *opening_label;
  GtkSpinner           *opening_spinner;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *new_project_button;
  TandemPage           *diagram_page;
  TandemPage           *measures_page;
  TandemPage           *coaching_page;
  TandemPage           *peer_support_page;
  TandemPage           *standards_page;
  GMenu                *recent_submenu;

  GFile                *file;
  TandemProject        *project;
  GCancellable         *opening;
  GPtrArray            *team_ids;
  GtkStringList        *team_names;
  char                 *team_id;
  char                 *pending_page;   /* tandem_window_show_item () before the file opened */
  char                 *pending_item;
  gboolean              reloading;
  GtkWidget            *conflicts_banner;
  GtkWidget            *author_prompt;
  gboolean              fullscreen_before_workshop;
  gboolean              only_for_file;  /* made to open one file: not kept if it fails */
};

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

static TandemPage *
visible_page (TandemWindow *self)
{
  GtkWidget *child;

  if (self->project == NULL || self->team_id == NULL)
    return NULL;
  child = adw_view_stack_get_visible_child (self->view_stack);
  return TANDEM_IS_PAGE (child) ? TANDEM_PAGE (child) : NULL;
}

static void
update_actions (TandemWindow *self)
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
    TandemPage *page = visible_page (self);

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

/* Every page shows the selected team of the open project. */
static void
update_pages (TandemWindow *self)
{
  TandemPage *pages[] = { self->diagram_page, self->measures_page,
                          self->coaching_page, self->peer_support_page,
                          self->standards_page };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      tandem_page_set_project (pages[i], self->project);
      tandem_page_set_team_id (pages[i], self->team_id);
    }
}

static void
reload_teams (TandemWindow *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = g_strdup (self->team_id);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint old_n;

  if (self->project == NULL)
    return;

  if ((teams = tandem_team_list (self->project, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      teams = g_ptr_array_new ();
    }
  ids = g_ptr_array_new_with_free_func (g_free);
  self->reloading = TRUE;
  old_n = g_list_model_get_n_items (G_LIST_MODEL (self->team_names));
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    for (guint i = 0; i < teams->len; i++)
      {
        TandemTeam *team = teams->pdata[i];

        g_ptr_array_add (ids, g_strdup (team->id));
        g_ptr_array_add (names, team->name);
        if (keep && g_str_equal (keep, team->id))
          selected = i;
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->team_names, 0, old_n, (const char * const *) names->pdata);
  }
  g_ptr_array_unref (self->team_ids);
  self->team_ids = g_steal_pointer (&ids);

  if (selected == GTK_INVALID_LIST_POSITION && self->team_ids->len > 0)
    selected = 0;
  gtk_drop_down_set_selected (self->team_dropdown, selected);
  self->reloading = FALSE;

  g_clear_pointer (&self->team_id, g_free);
  if (selected != GTK_INVALID_LIST_POSITION)
    self->team_id = g_strdup (self->team_ids->pdata[selected]);

  gtk_stack_set_visible_child_name (self->project_stack, self->team_id ? "team" : "no-teams");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, self->team_id != NULL);
  update_pages (self);
  update_actions (self);
  if (self->pending_page && self->team_id)
    {
      g_autofree char *page = g_steal_pointer (&self->pending_page);
      g_autofree char *item = g_steal_pointer (&self->pending_item);

      tandem_window_show_item (self, page, item);
    }
}

static void
team_selected_cb (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  TandemWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->reloading || selected == GTK_INVALID_LIST_POSITION || selected >= self->team_ids->len)
    return;
  g_free (self->team_id);
  self->team_id = g_strdup (self->team_ids->pdata[selected]);
  update_pages (self);
  update_actions (self);
}

static void
project_changed_cb (TandemProject *project,
                    const char    *entity,
                    TandemWindow  *self)
{
  /* Pages follow changes to their own items themselves. */
  if (g_str_equal (entity, TANDEM_ENTITY_TEAM))
    reload_teams (self);
  else
    update_actions (self);
}

static void
project_undo_state_cb (TandemProject *project,
                       GParamSpec    *pspec,
                       TandemWindow  *self)
{
  update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

/**
 * tandem_window_show_error:
 * @self: a window
 * @heading: what failed, as a title (“Could Not Open the Project”)
 * @error: why, in the user's words
 *
 * Shows an error that needs reading, in a dialog over the window.
 */
void
tandem_window_show_error (TandemWindow *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
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
/* Recent projects                                                          */

static gboolean
is_project_item (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_prefix (uri, "file:") && g_str_has_suffix (uri, ".tandem");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ma = gtk_recent_info_get_modified (ia);
  GDateTime *mb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (mb, ma);
}

static void
recent_row_activated_cb (AdwActionRow *row,
                         TandemWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-recent", "s", uri);
}

static void
reload_recent (TandemWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *all = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  for (GList *l = all; l; l = l->next)
    {
      if (is_project_item (l->data))
        g_ptr_array_add (items, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (all, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_submenu);

  for (guint i = 0; i < items->len && shown < RECENT_LIMIT; i++)
    {
      GtkRecentInfo *info = items->pdata[i];
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (g_str_has_suffix (name, ".tandem"))
        name[strlen (name) - strlen (".tandem")] = '\0';
      /* File and folder names as they are, “R&D” included, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (recent_row_activated_cb), self);
      gtk_list_box_append (self->recent_list, row);

      {
        g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);
        g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                                 g_variant_new_string (uri));
        g_menu_append_item (self->recent_submenu, item);
      }
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
recent_changed_cb (GtkRecentManager *manager,
                   TandemWindow     *self)
{
  reload_recent (self);
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (char *) "application/x-tandem-project";
  data.app_name = (char *) "Tandem";
  data.app_exec = (char *) "tandem %f";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    char             *uri)
{
  if (g_str_equal (response, "forget"))
    gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

static void
free_uri (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
set_project (TandemWindow  *self,
             GFile         *file,
             TandemProject *project)
{
  TandemApplication *app = TANDEM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *title = tandem_project_dup_title (project);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;

  g_set_object (&self->file, file);
  g_set_object (&self->project, project);
  if (app)
    tandem_project_set_author (project, tandem_application_get_author (app));

  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, 0);
  g_signal_connect_object (project, "notify::can-undo", G_CALLBACK (project_undo_state_cb),
                           self, 0);
  g_signal_connect_object (project, "notify::can-redo", G_CALLBACK (project_undo_state_cb),
                           self, 0);
  /* Another program (or window) may be editing the same file: show its
   * edits within a second (data_version is cheap to ask). */
  tandem_project_watch (project, 400);
  tandem_conflicts_banner_set_project (TANDEM_CONFLICTS_BANNER (self->conflicts_banner), project);
  tandem_author_prompt_set_project (TANDEM_AUTHOR_PROMPT (self->author_prompt),
                                    app ? tandem_application_get_settings (app) : NULL, project);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        tandem_project_get_read_only (project)
                                          ? _("Read-only") : folder);
  gtk_revealer_set_reveal_child (self->read_only_revealer, tandem_project_get_read_only (project));
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  reload_teams (self);
}

static GFile *
opening_file (GTask *task)
{
  return g_task_get_task_data (task);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;
  TandemProject *project;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Tandem can only open projects in local folders."));
      return;
    }
  /* This may wait for a lock held by another program, so not on the UI thread. */
  project = tandem_project_open (path, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
show_open_error (TandemWindow *self,
                 GFile        *file,
                 const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *uri = g_file_get_uri (file);
  GtkWindow *parent = GTK_WINDOW (self);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->project ? "project" : "welcome");
  if (self->project == NULL)
    gtk_window_set_focus (GTK_WINDOW (self), self->new_project_button);
  /* A window made only to open this file is not left behind, empty, when
   * another window can tell what went wrong. */
  if (self->only_for_file && self->project == NULL && gtk_window_get_application (parent))
    for (GList *l = gtk_application_get_windows (gtk_window_get_application (parent)); l; l = l->next)
      if (TANDEM_IS_WINDOW (l->data) && l->data != (gpointer) self)
        {
          parent = l->data;
          break;
        }
  dialog = adw_message_dialog_new (parent, _("Could Not Open the Project"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND) &&
      gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "forget",
                                       _("_Remove From Recent Projects"));
      g_signal_connect_data (dialog, "response", G_CALLBACK (forget_response_cb),
                             g_steal_pointer (&uri), free_uri, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
  if (parent != GTK_WINDOW (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Puts the window back to showing no project. */
static void
drop_project (TandemWindow *self)
{
  TandemApplication *app = TANDEM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->project == NULL)
    return;
  tandem_project_watch (self->project, 0);
  g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_pointer (&self->team_id, g_free);
  update_pages (self);
  tandem_conflicts_banner_set_project (TANDEM_CONFLICTS_BANNER (self->conflicts_banner), NULL);
  tandem_author_prompt_set_project (TANDEM_AUTHOR_PROMPT (self->author_prompt),
                                    app ? tandem_application_get_settings (app) : NULL, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Tandem"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_window_set_focus (GTK_WINDOW (self), self->new_project_button);
}

/* The file's structural check ran while the window showed it: a damaged
 * file is closed with the same words a refused open has, before anything
 * could be written to it (the project refuses every change until the check
 * has passed). */
static void
intact_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TandemWindow) self = user_data;
  TandemProject *project = TANDEM_PROJECT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (tandem_project_confirm_intact_finish (project, result, &error))
    {
      if (self->project == project)
        self->only_for_file = FALSE;
      return;
    }
  if (self->project != project)
    return;
  file = g_object_ref (self->file);
  drop_project (self);
  show_open_error (self, file, error);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TandemWindow *self = TANDEM_WINDOW (source);
  GTask *task = G_TASK (result);
  GFile *file = opening_file (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = g_task_propagate_pointer (task, &error);

  g_clear_object (&self->opening);
  gtk_spinner_stop (self->opening_spinner);

  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, file, error);
      return;
    }

  remember_recent (file);
  set_project (self, file, project);
  tandem_project_confirm_intact_async (project, NULL, intact_cb, g_object_ref (self));
}

/**
 * tandem_window_new_for_file:
 * @application: the application
 * @file: the project to open
 *
 * A new window that opens @file. If the file cannot be opened and another
 * window can say so, this one closes rather than stay behind, empty.
 *
 * Returns: (transfer none): the window
 */
TandemWindow *
tandem_window_new_for_file (GtkApplication *application,
                            GFile          *file)
{
  TandemWindow *self = tandem_window_new (application);

  self->only_for_file = TRUE;
  tandem_window_open_file (self, file);
  return self;
}

/**
 * tandem_window_open_file:
 * @self: a window showing no project
 * @file: the project to open
 *
 * Opens @file in this window. Errors are shown in the window, never lost.
 */
void
tandem_window_open_file (TandemWindow *self,
                         GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), name);

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (self->opening)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();

  gtk_label_set_label (self->opening_label, label);
  gtk_spinner_start (self->opening_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");

  task = g_task_new (self, self->opening, open_done_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_thread);
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
  TandemPage *page = visible_page (TANDEM_WINDOW (widget));

  if (page == NULL)
    return;
  if (g_str_equal (action_name, "win.print"))
    tandem_page_print (page);
  else
    tandem_page_export (page);
}

/* Only the page in front is measured and laid out (see TandemPageLayout);
 * the one coming into view is measured afresh. */
static void
measure_visible_page (TandemWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible != NULL)
    {
      gtk_widget_queue_resize (visible);
      tandem_legibility_catch_up (visible);
    }
}

static void
visible_page_changed_cb (AdwViewStack *stack,
                         GParamSpec   *pspec,
                         TandemWindow *self)
{
  measure_visible_page (self);
  update_actions (self);
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
        g_object_get_data (G_OBJECT (dialog), "offers-private") != NULL &&
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

          remember_recent (copy);
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
  if (tandem_coaching_count_private (self->project) > 0)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "private",
                                   _("Leave out private coaching sessions"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "private", "true");
      g_object_set_data (G_OBJECT (dialog), "offers-private", GINT_TO_POINTER (TRUE));
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

  if ((n = tandem_project_count (project, TANDEM_ENTITY_DIAGRAM, "team_id", team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " diagram",
                                                       "%" G_GINT64_FORMAT " diagrams", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_MEASURE, "team_id", team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " measure",
                                                       "%" G_GINT64_FORMAT " measures", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_COACHING_SESSION, "team_id", team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " coaching session",
                                                       "%" G_GINT64_FORMAT " coaching sessions", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_ACTION, "team_id", team_id)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%" G_GINT64_FORMAT " action",
                                                       "%" G_GINT64_FORMAT " actions", n), n));
  if ((n = tandem_project_count (project, TANDEM_ENTITY_PEER_ROLE, "team_id", team_id)) > 0)
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

static void
delete_team_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         TandemWindow     *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "team-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "delete") || self->project == NULL ||
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
  g_object_set_data_full (G_OBJECT (dialog), "team-id", g_strdup (self->team_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_team_response_cb), self, 0);
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

/* The team selector's button shortens a long team name in a narrow window;
 * its list shows names whole. */
static void
team_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
team_label_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  ellipsize)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       name ? gtk_string_object_get_string (name) : "");
}

static GtkListItemFactory *
team_label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (team_label_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (team_label_bind_cb), GINT_TO_POINTER (ellipsize));
  return factory;
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

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  TandemWindow *self = TANDEM_WINDOW (window);
  TandemApplication *app = TANDEM_APPLICATION (gtk_window_get_application (window));
  GSettings *settings = app ? tandem_application_get_settings (app) : NULL;

  /* Words typed since the last pause are saved; words that cannot be (their
   * session went) keep the window open, offered to keep. */
  if (self->project && !tandem_coaching_page_save_typing (TANDEM_COACHING_PAGE (self->coaching_page)))
    return TRUE;
  if (self->project)
    tandem_project_watch (self->project, 0);
  if (settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  return FALSE;
}

/* Enter on the welcome page makes a new project: the focus starts there,
 * not on the first button of the header bar. */
static void
mapped_cb (GtkWidget *widget,
           gpointer   user_data)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    gtk_widget_grab_focus (self->new_project_button);
}

static void
tandem_window_dispose (GObject *object)
{
  TandemWindow *self = TANDEM_WINDOW (object);

  if (self->opening)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  if (self->project)
    tandem_project_watch (self->project, 0);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (),
                                        recent_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);
  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_finalize (GObject *object)
{
  TandemWindow *self = TANDEM_WINDOW (object);

  g_clear_pointer (&self->team_ids, g_ptr_array_unref);
  g_clear_object (&self->team_names);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->pending_page, g_free);
  g_clear_pointer (&self->pending_item, g_free);
  G_OBJECT_CLASS (tandem_window_parent_class)->finalize (object);
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  object_class->finalize = tandem_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, new_project_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, project_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, opening_label);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, diagram_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, measures_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, coaching_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, peer_support_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, standards_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recent_submenu);

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

static void
tandem_window_init (TandemWindow *self)
{
  static const struct { guint key; const char *page; } pages[] = {
    { GDK_KEY_1, "diagram" }, { GDK_KEY_2, "measures" },
    { GDK_KEY_3, "coaching" }, { GDK_KEY_4, "peer-support" },
    { GDK_KEY_5, "standards" },
  };
  GtkEventController *shortcuts;

  g_type_ensure (TANDEM_TYPE_DIAGRAM_PAGE);
  g_type_ensure (TANDEM_TYPE_MEASURES_PAGE);
  g_type_ensure (TANDEM_TYPE_COACHING_PAGE);
  g_type_ensure (TANDEM_TYPE_PEER_SUPPORT_PAGE);
  g_type_ensure (TANDEM_TYPE_STANDARDS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_drop_down_name_button (self->team_dropdown);

  /* Under the read-only bar: changes waiting for a decision. */
  self->conflicts_banner = tandem_conflicts_banner_new ();
  gtk_widget_insert_after (self->conflicts_banner,
                           gtk_widget_get_parent (GTK_WIDGET (self->read_only_revealer)),
                           GTK_WIDGET (self->read_only_revealer));
  /* …and, once, a kind question about the name written on changes. */
  self->author_prompt = tandem_author_prompt_new ();
  gtk_widget_insert_after (self->author_prompt, gtk_widget_get_parent (self->conflicts_banner),
                           self->conflicts_banner);

  self->team_ids = g_ptr_array_new_with_free_func (g_free);
  self->team_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (self->team_names));
  {
    g_autoptr(GtkListItemFactory) button = team_label_factory (TRUE);
    g_autoptr(GtkListItemFactory) list = team_label_factory (FALSE);

    gtk_drop_down_set_factory (self->team_dropdown, button);
    gtk_drop_down_set_list_factory (self->team_dropdown, list);
  }
  g_signal_connect (self->team_dropdown, "notify::selected", G_CALLBACK (team_selected_cb), self);
  g_signal_connect (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_changed_cb),
                    self);
  {
    TandemPage *areas[] = { self->diagram_page, self->measures_page,
                            self->coaching_page, self->peer_support_page,
                            self->standards_page };

    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      gtk_widget_set_layout_manager (GTK_WIDGET (areas[i]), tandem_page_layout_new ());
  }

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

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (recent_changed_cb), self);
  reload_recent (self);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_actions (self);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

TandemWindow *
tandem_window_new (GtkApplication *application)
{
  TandemWindow *self = g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = tandem_application_get_settings (TANDEM_APPLICATION (application));

  tandem_diagram_page_set_settings (TANDEM_DIAGRAM_PAGE (self->diagram_page), settings);
  if (settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}

TandemProject *
tandem_window_get_project (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);
  return self->project;
}

GFile *
tandem_window_get_file (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
tandem_window_is_busy (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);
  return self->opening != NULL;
}

const char *
tandem_window_get_team_id (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);
  return self->team_id;
}

/**
 * tandem_window_select_team:
 * @self: a window
 * @team_id: a team of its project
 *
 * Shows @team_id's work in every page. A window still opening its file
 * shows that team once the file is open.
 */
void
tandem_window_select_team (TandemWindow *self,
                           const char   *team_id)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (self->project == NULL)
    {
      /* reload_teams () keeps the team named here when it can. */
      g_free (self->team_id);
      self->team_id = g_strdup (team_id);
      return;
    }
  for (guint i = 0; i < self->team_ids->len; i++)
    if (g_str_equal (self->team_ids->pdata[i], team_id))
      gtk_drop_down_set_selected (self->team_dropdown, i);
}

/**
 * tandem_window_show_item:
 * @self: a window
 * @page: the page to show: "diagram", "measures", "coaching",
 *   "peer-support" or "standards"
 * @item_id: (nullable): on the Measures page, the measure to show
 *
 * Shows @page of the team shown, at @item_id where there is one. A window
 * still opening its file shows them once the file is open.
 */
void
tandem_window_show_item (TandemWindow *self,
                         const char   *page,
                         const char   *item_id)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (self->project == NULL || self->team_id == NULL)
    {
      g_free (self->pending_page);
      self->pending_page = g_strdup (page);
      g_free (self->pending_item);
      self->pending_item = g_strdup (item_id);
      return;
    }
  if (adw_view_stack_get_child_by_name (self->view_stack, page) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, page);
  if (item_id != NULL && g_str_equal (page, "measures"))
    tandem_measures_page_select_measure (TANDEM_MEASURES_PAGE (self->measures_page), item_id);
}

void
tandem_window_set_author (TandemWindow *self,
                          const char   *author)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));
  if (self->project)
    {
      tandem_project_set_author (self->project, author);
      update_actions (self);
    }
}

/**
 * tandem_close_on_escape:
 * @window: a window built in code (a class adds a binding instead)
 *
 * Lets Escape close @window, as it does the app's dialogs.
 */
void
tandem_close_on_escape (GtkWidget *window)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
}
