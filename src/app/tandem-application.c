/* tandem-application.c — one instance per user; one window per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-application.h"
#include "tandem-help-window.h"
#include "tandem-legibility.h"
#include "tandem-preferences.h"
#include "tandem-programme-window.h"
#include "tandem-project.h"
#include "tandem-sample.h"
#include "tandem-window.h"

struct _TandemApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL when the schema is not installed */
  char           *author;
};

G_DEFINE_FINAL_TYPE (TandemApplication, tandem_application, ADW_TYPE_APPLICATION)

static TandemWindow *
find_window_for_file (TandemApplication *self,
                      GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *open_file;

      if (!TANDEM_IS_WINDOW (l->data))
        continue;
      open_file = tandem_window_get_file (l->data);
      if (open_file && g_file_equal (open_file, file))
        return l->data;
    }
  return NULL;
}

/* A window still on its welcome page is reused rather than left behind. */
static TandemWindow *
find_empty_window (TandemApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data) && tandem_window_get_file (l->data) == NULL &&
        !tandem_window_is_busy (l->data))
      return l->data;
  return NULL;
}

static TandemWindow *
open_in_window (TandemApplication *self,
                GFile             *file)
{
  TandemWindow *window = find_window_for_file (self, file);

  if (window == NULL)
    {
      window = find_empty_window (self);
      if (window == NULL)
        window = tandem_window_new_for_file (GTK_APPLICATION (self), file);
      else
        tandem_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
tandem_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  TandemApplication *self = TANDEM_APPLICATION (app);

  /* A folder is a programme: the teams' files in it (the folder a trust's
   * file sharing syncs), in a programme window. */
  for (int i = 0; i < n_files; i++)
    if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      {
        g_autofree char *path = g_file_get_path (files[i]);
        const char *paths[] = { path, NULL };

        if (path != NULL)
          gtk_window_present (tandem_programme_window_new (GTK_APPLICATION (self), paths));
      }
    else
      open_in_window (self, files[i]);
}

static void
tandem_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (tandem_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static GtkWindow *
active_window (TandemApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tandem projects"));
  gtk_file_filter_add_pattern (filter, "*.tandem");
  gtk_file_filter_add_mime_type (filter, "application/x-tandem-project");
  return filter;
}

static void
open_response_cb (GtkNativeDialog   *dialog,
                  int                response,
                  TandemApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_in_window (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), active_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_in_window (user_data, file);
}

/* A team's file from a programme, shown with that team selected and, when
 * a figure asks, at one of its pages ("" for none) and the item there ("" for
 * none), as (file, team id, page, item id). */
static void
open_team_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  const char *path;
  const char *team_id;
  const char *page;
  const char *item_id;
  g_autoptr(GFile) file = NULL;
  TandemWindow *window;

  g_variant_get (parameter, "(&s&s&s&s)", &path, &team_id, &page, &item_id);
  file = g_file_new_for_path (path);
  window = open_in_window (user_data, file);
  tandem_window_select_team (window, team_id);
  if (*page != '\0')
    tandem_window_show_item (window, page, *item_id != '\0' ? item_id : NULL);
}

static void
open_programme_response_cb (GtkNativeDialog   *dialog,
                            int                response,
                            TandemApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (paths->len > 1)
        gtk_window_present (tandem_programme_window_new (GTK_APPLICATION (self),
                                                         (const char * const *) paths->pdata));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* A programme is a folder of the teams' files (app.open-programme) or a
 * list of them chosen one by one (app.open-programme-files). */
static void
open_programme_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TandemApplication *self = user_data;
  gboolean folder = g_str_equal (g_action_get_name (G_ACTION (action)), "open-programme");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (folder ? _("Open a Programme’s Folder")
                                               : _("Open a Programme’s Project Files"),
                                        active_window (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = project_filter ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (open_programme_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_response_cb (GtkNativeDialog   *dialog,
                 int                response,
                 TandemApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemProject) project = NULL;

      if (path && !g_str_has_suffix (path, ".tandem"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".tandem", NULL);
          g_clear_object (&file);
          file = g_file_new_for_path (with_suffix);
          g_free (path);
          path = g_steal_pointer (&with_suffix);
        }

      /* The file chooser has already asked before replacing a file; Tandem
       * creates afresh only where nothing is, so move the old file aside. */
      if (path && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *backup = g_strconcat (path, "~", NULL);
          if (g_rename (path, backup) != 0)
            g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                         _("“%s” could not be replaced: %s."), path, g_strerror (errno));
        }

      if (error == NULL)
        project = path ? tandem_project_create (path, &error) : NULL;
      if (project == NULL)
        {
          TandemWindow *window = TANDEM_IS_WINDOW (active_window (self))
                                   ? TANDEM_WINDOW (active_window (self))
                                   : tandem_window_new (GTK_APPLICATION (self));
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Projects can only be created in local folders."));
          gtk_window_present (GTK_WINDOW (window));
          tandem_window_show_error (window, _("Could Not Create the Project"), error);
        }
      else
        {
          g_clear_object (&project);
          open_in_window (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Where a new project goes unless the person says otherwise: their
 * Documents folder, as the desktop names it, not wherever Tandem ran. */
static GFile *
dup_documents_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
new_project_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  dialog = gtk_file_chooser_native_new (_("New Project"), active_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  {
    g_autoptr(GFile) folder = dup_documents_folder ();

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Improvement project.tandem"));
  g_signal_connect (dialog, "response", G_CALLBACK (new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * tandem_application_dup_sample_path:
 * @self: the application
 * @error: return location for an error
 *
 * The person's own copy of the sample project, made the first time it is
 * asked for, and set around that day (tandem_sample_populate()): a sample
 * made when Tandem was built would grow older every day.
 *
 * Returns: (transfer full) (nullable): its path
 */
char *
tandem_application_dup_sample_path (TandemApplication  *self,
                                    GError            **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tandem", NULL);
  g_autofree char *path = g_build_filename (dir, _("Sample project.tandem"), NULL);
  g_autoptr(TandemProject) project = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("The folder for the sample project could not be made: %s."),
                   g_strerror (errno));
      return NULL;
    }

  project = tandem_project_create (path, error);
  if (project == NULL)
    return NULL;
  tandem_project_set_author (project, "Tandem sample");
  if (!tandem_sample_populate (project, TANDEM_SAMPLE_WARD, error))
    {
      g_clear_object (&project);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static void
open_sample_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TandemApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tandem_application_dup_sample_path (self, &error);

  if (path == NULL)
    {
      GtkWindow *window = active_window (self);
      if (TANDEM_IS_WINDOW (window))
        tandem_window_show_error (TANDEM_WINDOW (window),
                                  _("Could Not Open the Sample Project"), error);
      else
        g_warning ("%s", error->message);
      return;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    open_in_window (self, file);
  }
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TandemApplication *self = user_data;
  GtkWindow *window;

  if (self->settings == NULL)
    return;
  window = tandem_preferences_new (active_window (self), self->settings);
  gtk_window_present (window);
}

static void
help_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gtk_window_present (tandem_help_window_new (active_window (user_data)));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TandemApplication *self = user_data;
  const char *developers[] = { "The Tandem developers", NULL };

  adw_show_about_window (active_window (self),
                         "application-name", _("Tandem"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Tandem developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Quality improvement for mental-health services, "
                                       "co-produced: driver diagrams, run and SPC charts, "
                                       "coaching logs and peer-support tracking."),
                         "developers", developers,
                         "copyright", "© 2026 The Tandem developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* Each window is closed as by its close button, so it saves what was
   * typed last; one that cannot (its session went) stays, offering to keep
   * the words. */
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l; l = l->next)
    if (g_list_find (gtk_application_get_windows (app), l->data))
      gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
update_author (TandemApplication *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "author-name")
                                         : NULL;

  g_free (self->author);
  self->author = (name && *g_strstrip (name)) ? g_steal_pointer (&name) : NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data))
      tandem_window_set_author (l->data, self->author);
}

static void
author_changed_cb (GSettings         *settings,
                   const char        *key,
                   TandemApplication *self)
{
  update_author (self);
}

/* Our drawings follow the system's contrast and Preferences' chart style:
 * draw them again when either changes. */
static void
legibility_changed_cb (GObject           *object,
                       gpointer           unused,
                       TandemApplication *self)
{
  g_autofree char *style = self->settings ? g_settings_get_string (self->settings, "chart-style")
                                           : NULL;

  tandem_legibility_set_chart_style (style);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    tandem_legibility_redraw (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project_action_cb },
  { "open", open_action_cb },
  { "open-recent", open_recent_action_cb, "s" },
  { "open-team", open_team_action_cb, "(ssss)" },
  { "open-programme", open_programme_action_cb },
  { "open-programme-files", open_programme_action_cb },
  { "open-sample", open_sample_action_cb },
  { "preferences", preferences_action_cb },
  { "help", help_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static int
tandem_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  TandemApplication *self = TANDEM_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tandem %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A second process of its own, not a window of the one running: two
   * people's view of one shared file, side by side (and its tests). */
  if (g_variant_dict_contains (options, "new-instance"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (g_variant_dict_contains (options, "sample"))
    {
      g_autofree char *path = tandem_application_dup_sample_path (self, &error);
      g_autoptr(GFile) file = NULL;

      if (path == NULL)
        {
          g_printerr ("tandem: %s\n", error->message);
          return 1;
        }
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("tandem: %s\n", error->message);
          return 1;
        }
      file = g_file_new_for_path (path);
      g_application_open (app, &file, 1, "");
      if (g_application_get_is_remote (app))
        return 0;
      return -1;
    }
  return -1;
}

static void
tandem_application_startup (GApplication *app)
{
  TandemApplication *self = TANDEM_APPLICATION (app);
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (tandem_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-project", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  if (source)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect (self->settings, "changed::author-name",
                        G_CALLBACK (author_changed_cb), self);
      g_signal_connect (self->settings, "changed::chart-style",
                        G_CALLBACK (legibility_changed_cb), self);
      legibility_changed_cb (NULL, NULL, self);
    }
  else
    {
      g_warning ("The settings schema %s is not installed; preferences will not be kept.",
                 APPLICATION_ID);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                     G_ACTION_MAP (self), "preferences")), FALSE);
    }
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (legibility_changed_cb), self, 0);
  update_author (self);
}

static void
tandem_application_finalize (GObject *object)
{
  TandemApplication *self = TANDEM_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->author, g_free);
  G_OBJECT_CLASS (tandem_application_parent_class)->finalize (object);
}

static void
tandem_application_class_init (TandemApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tandem_application_finalize;
  app_class->activate = tandem_application_activate;
  app_class->open = tandem_application_open;
  app_class->startup = tandem_application_startup;
  app_class->handle_local_options = tandem_application_handle_local_options;
}

static void
tandem_application_init (TandemApplication *self)
{
  const GOptionEntry options[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open your copy of the sample project (made the first time)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "new-instance", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run on its own rather than in the Tandem already running"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT…]"));
}

TandemApplication *
tandem_application_new (void)
{
  return g_object_new (TANDEM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/tandemqi/Tandem",
                       NULL);
}

/**
 * tandem_application_get_author:
 * @self: the application
 *
 * Returns: (nullable): the author name from Preferences, or %NULL to use the
 *   account's real name
 */
const char *
tandem_application_get_author (TandemApplication *self)
{
  g_return_val_if_fail (TANDEM_IS_APPLICATION (self), NULL);
  return self->author;
}

GSettings *
tandem_application_get_settings (TandemApplication *self)
{
  g_return_val_if_fail (TANDEM_IS_APPLICATION (self), NULL);
  return self->settings;
}
