/* tandem-test-util.c — what the app tests share: waiting on the main loop,
 * finding widgets, screenshots, and a sample project in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-test-util.h"

#include <glib/gstdio.h>

#include "tandem-diagram.h"
#include "tandem-measure.h"
#include "tandem-sample.h"

GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  return find_widget (root, is_type, GSIZE_TO_POINTER (type));
}

gboolean
is_type (GtkWidget *widget, gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
is_named (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

gboolean
is_row_titled (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

gboolean
is_group_titled (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

gboolean
is_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

gboolean
is_label_text (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
label_starts_with (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

gboolean
mapped_label_starts_with (GtkWidget *widget, gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && label_starts_with (widget, data);
}

gboolean
is_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

gboolean
is_tooltip (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

gboolean
is_entry_with_placeholder (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), data) == 0;
}

GtkWindow *
find_toplevel (GType      type,
               GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

gboolean
is_open (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (w == window)
        return TRUE;
    }
  return FALSE;
}

void
destroy_transients (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);
      if (gtk_window_get_transient_for (window) == parent)
        g_ptr_array_add (doomed, window);
      else
        g_object_unref (window);
    }
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (doomed->pdata[i]);
}

void
save_screenshot_now (GtkWidget  *widget,
                     const char *name)
{
  const char *dir = g_getenv ("TANDEM_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name,
                 guint       settle)
{
  if (g_getenv ("TANDEM_SCREENSHOT_DIR") == NULL)
    return;
  WAIT_FOR (gtk_widget_get_width (widget) > 0);
  for (guint i = 0; i < settle; i++)
    g_main_context_iteration (NULL, FALSE);
  save_screenshot_now (widget, name);
}

void
test_init (int    *argc,
           char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

int
test_run_app (TandemApplication *app)
{
  int status = g_test_run ();

  g_object_unref (app);
  return status;
}

TandemApplication *
test_application_new (void)
{
  TandemApplication *app = tandem_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("The application could not register");
  return app;
}

TandemProject *
create_sample_project (const char  *dir_template,
                       const char  *file_name,
                       const char  *author,
                       char       **dir,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, file_name, NULL);
  project = tandem_project_create (*path, &error);
  g_assert_no_error (error);
  if (author != NULL)
    tandem_project_set_author (project, author);
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  return project;
}

TandemProject *
create_diagram_project (const char  *dir_template,
                        const char  *file_name,
                        char       **dir,
                        char       **path,
                        char       **diagram,
                        char       **idea)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  TandemProject *project;
  TandemField fields[] = { { "name", tandem_value_text ("Willow Ward") } };

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, file_name, NULL);
  project = tandem_project_create (*path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (project, "Ada Coach");
  team = insert_or_die (project, "team", fields, G_N_ELEMENTS (fields));
  *diagram = tandem_diagram_create (project, team, "Fewer restraints",
                                    TANDEM_DIAGRAM_TEMPLATE_BLANK, &error);
  g_assert_no_error (error);
  d = tandem_diagram_load (project, *diagram, &error);
  g_assert_no_error (error);
  primary = tandem_diagram_add_child (project, tandem_diagram_get_node (d, 0)->id, "Calmer wards",
                                      &error);
  g_assert_no_error (error);
  secondary = tandem_diagram_add_child (project, primary, "Staff know the patients", &error);
  g_assert_no_error (error);
  *idea = tandem_diagram_add_child (project, secondary, "Safety huddle", &error);
  g_assert_no_error (error);
  return project;
}

gboolean
press_binding (GtkWidget *widget,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, 0);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), pressed))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  return handled;
}

TandemMeasure *
load_measure (TandemProject *project,
              const char    *id)
{
  g_autoptr(GError) error = NULL;
  TandemMeasure *measure = tandem_measure_load (project, id, &error);

  g_assert_no_error (error);
  return measure;
}

TandemWindow *
new_test_window (TandemApplication *app,
                 int                width,
                 int                height)
{
  TandemWindow *window = tandem_window_new (GTK_APPLICATION (app));

  g_object_ref_sink (window);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
open_and_wait (TandemWindow *window,
               const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tandem_window_open_file (window, file);
  WAIT_FOR (!tandem_window_is_busy (window));
}

void
open_and_wait_for_project (TandemWindow *window,
                           const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tandem_window_open_file (window, file);
  WAIT_FOR (!tandem_window_is_busy (window) && tandem_window_get_project (window) != NULL);
}
