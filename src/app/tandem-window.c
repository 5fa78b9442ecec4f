/* tandem-window.c — a project window: team selector, the four pages, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-application.h"
#include "tandem-author-prompt.h"
#include "tandem-coaching-page.h"
#include "tandem-conflicts-banner.h"
#include "tandem-diagram-page.h"
#include "tandem-enum-row.h"
#include "tandem-legibility.h"
#include "tandem-measures-page.h"
#include "tandem-page-layout.h"
#include "tandem-peer-support-page.h"
#include "tandem-recent-list.h"
#include "tandem-standards-page.h"
#include "tandem-team.h"
#include "tandem-window-private.h"

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

TandemPage *
_tandem_window_get_visible_page (TandemWindow *self)
{
  GtkWidget *child;

  if (self->project == NULL || self->team_id == NULL)
    return NULL;
  child = adw_view_stack_get_visible_child (self->view_stack);
  return TANDEM_IS_PAGE (child) ? TANDEM_PAGE (child) : NULL;
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
  _tandem_window_update_actions (self);
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
  _tandem_window_update_actions (self);
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
    _tandem_window_update_actions (self);
}

static void
project_undo_state_cb (TandemProject *project,
                       GParamSpec    *pspec,
                       TandemWindow  *self)
{
  _tandem_window_update_actions (self);
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


/* ------------------------------------------------------------------------ */
/* Recent projects                                                          */

static void
recent_changed_cb (GtkRecentManager *manager,
                   TandemWindow     *self)
{
  guint shown = tandem_recent_list_fill (self->recent_list, self->recent_submenu);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
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
  if (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND))
    tandem_recent_list_offer_forget (ADW_MESSAGE_DIALOG (dialog), file);
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

  tandem_recent_list_remember (file);
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
  _tandem_window_update_actions (self);
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

/* The team selector and the page switcher share the header bar.  GTK 4.8's
 * GtkCenterBox (AdwHeaderBar 1.2 lays out its start, title and end with one)
 * gives the title up to its natural width before the sides get more than
 * their minimum, and AdwViewSwitcherTitle's natural width is its wide
 * switcher's (about 770 pixels), which it shows only when given all of it.
 * In a window a little narrower than that plus the sides, the title took the
 * room, showed its narrow switcher in it anyway, and the team's name was cut
 * to the selector's minimum ("Will…" at 1100 pixels).  So the header bar,
 * before it is laid out, offers the title no more than leaves the team
 * selector its natural width; the title falls back to its narrow switcher
 * (or to the window's title, the switcher moving to the bottom bar) a little
 * sooner.  Minimum widths, and so the window's, are unchanged. */
#define TITLE_CAP_KEY "tandem-title-cap"

static void
title_bin_measure (GtkWidget      *bin,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  int cap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bin), TITLE_CAP_KEY));

  gtk_widget_measure (adw_bin_get_child (ADW_BIN (bin)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL && cap > 0)
    *natural = MAX (*minimum, MIN (*natural, cap));
}

static void
bin_measure (GtkWidget      *bin,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (bin)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
bin_allocate (GtkWidget *bin,
              int        width,
              int        height,
              int        baseline)
{
  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (bin)), width, height, baseline, NULL);
}

static int
natural_width (GtkWidget *widget,
               int       *minimum)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, minimum, &natural, NULL, NULL);
  return natural;
}

/* The width the title can have with the start at its natural width: what
 * GtkCenterBox needs, (room - title) / 2 and room - title - end's minimum
 * both at least the start's natural width; 0 for no limit. */
static int
title_cap (GtkWidget *header_bar,
           GtkWidget *title_bin,
           int        width)
{
  GtkWidget *center_box = gtk_widget_get_parent (title_bin);
  GtkWidget *start, *end;
  int start_natural, end_minimum, end_natural, bar, title, sides, cap;

  if (!GTK_IS_CENTER_BOX (center_box))
    return 0;
  start = gtk_center_box_get_start_widget (GTK_CENTER_BOX (center_box));
  end = gtk_center_box_get_end_widget (GTK_CENTER_BOX (center_box));
  if (start == NULL || end == NULL)
    return 0;
  start_natural = natural_width (start, NULL);
  end_natural = natural_width (end, &end_minimum);
  /* The header bar's natural width is the title's, twice the wider side's,
   * and padding and spacing, which are all that is left of it here. */
  bar = natural_width (header_bar, NULL);
  title = natural_width (title_bin, NULL);
  sides = bar - title - 2 * MAX (start_natural, end_natural);
  cap = width - sides - MAX (2 * start_natural, start_natural + end_minimum);
  if (cap >= natural_width (adw_bin_get_child (ADW_BIN (title_bin)), NULL))
    return 0;
  return MAX (cap, 1);
}

static void
header_bin_allocate (GtkWidget *bin,
                     int        width,
                     int        height,
                     int        baseline)
{
  GtkWidget *header_bar = adw_bin_get_child (ADW_BIN (bin));
  GtkWidget *title_bin = adw_header_bar_get_title_widget (ADW_HEADER_BAR (header_bar));
  int cap = title_cap (header_bar, title_bin, width);

  if (cap != GPOINTER_TO_INT (g_object_get_data (G_OBJECT (title_bin), TITLE_CAP_KEY)))
    {
      g_object_set_data (G_OBJECT (title_bin), TITLE_CAP_KEY, GINT_TO_POINTER (cap));
      gtk_widget_queue_resize (title_bin);
    }
  gtk_widget_allocate (header_bar, width, height, baseline, NULL);
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

  _tandem_window_class_actions_init (klass);
}

static void
tandem_window_init (TandemWindow *self)
{
  g_type_ensure (TANDEM_TYPE_DIAGRAM_PAGE);
  g_type_ensure (TANDEM_TYPE_MEASURES_PAGE);
  g_type_ensure (TANDEM_TYPE_COACHING_PAGE);
  g_type_ensure (TANDEM_TYPE_PEER_SUPPORT_PAGE);
  g_type_ensure (TANDEM_TYPE_STANDARDS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_drop_down_name_button (self->team_dropdown);
  {
    GtkWidget *title_bin = gtk_widget_get_parent (GTK_WIDGET (self->switcher_title));
    GtkWidget *header_bar = gtk_widget_get_ancestor (title_bin, ADW_TYPE_HEADER_BAR);

    gtk_widget_set_layout_manager (title_bin, gtk_custom_layout_new (NULL, title_bin_measure,
                                                                     bin_allocate));
    gtk_widget_set_layout_manager (gtk_widget_get_parent (header_bar),
                                   gtk_custom_layout_new (NULL, bin_measure, header_bin_allocate));
  }

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

  _tandem_window_actions_init (self);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (gtk_recent_manager_get_default (), "changed",
                    G_CALLBACK (recent_changed_cb), self);
  recent_changed_cb (NULL, self);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  _tandem_window_update_actions (self);
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
      _tandem_window_update_actions (self);
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
