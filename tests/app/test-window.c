/* test-window.c — the project window, in process, on the sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "tandem-application.h"
#include "tandem-chart-view.h"
#include "tandem-clock.h"
#include "tandem-diagram-canvas.h"
#include "tandem-legibility.h"
#include "tandem-help-window.h"
#include "tandem-merge-dialog.h"
#include "tandem-sample.h"
#include "tandem-team.h"
#include "tandem-team-dialog.h"
#include "tandem-test-util.h"
#include "tandem-window.h"
#include "tandem-wrap-layout.h"

/* One application for all tests: it registers on the session bus once. */
static TandemApplication *app;

typedef struct
{
  char              *dir;
  char              *path;
  TandemWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_object_unref (create_sample_project ("tandem-window-XXXXXX", "Sample.tandem", "Tandem sample",
                                         &fixture->dir, &fixture->path));
  fixture->window = new_test_window (app, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Delete Team asks first: answers Delete. */
static void
delete_team (TandemWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-team", NULL));
  WAIT_FOR ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_destroy (dialog);
}

static void
test_open_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *first_team = NULL;

  open_and_wait (fixture->window, fixture->path);
  project = tandem_window_get_project (fixture->window);
  g_assert_nonnull (project);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Sample");

  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  g_assert_cmpuint (teams->len, ==, 3);
  g_assert_cmpstr (tandem_window_get_team_id (fixture->window), ==, teams->pdata[0]);
  first_team = g_strdup (teams->pdata[0]);

  tandem_window_select_team (fixture->window, teams->pdata[2]);
  g_assert_cmpstr (tandem_window_get_team_id (fixture->window), ==, teams->pdata[2]);

  /* Nothing to undo in a freshly opened sample: the sample's making is not an edit. */
  g_assert_false (tandem_project_can_undo (project));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 3);

  /* Delete a team, then Undo (what the toast's button does) brings it all back. */
  tandem_window_select_team (fixture->window, first_team);
  delete_team (fixture->window);
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (project, "diagram", "team_id", first_team), ==, 0);
  g_assert_cmpstr (tandem_window_get_team_id (fixture->window), !=, first_team);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 3);
  g_assert_cmpint (tandem_project_count (project, "diagram", "team_id", first_team), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 2);

  /* Another program adds a team: the window sees it without reopening. */
  {
    g_autoptr(TandemProject) other = tandem_project_open (fixture->path, &error);
    TandemField f[] = { { "name", tandem_value_text ("Osprey Ward") } };
    g_autofree char *id = NULL;

    g_assert_no_error (error);
    id = tandem_project_insert (other, "team", f, 1, &error);
    g_assert_no_error (error);
    WAIT_FOR (tandem_project_poll (project) ||
              tandem_project_count (project, "team", NULL, NULL) == 3);
    tandem_window_select_team (fixture->window, id);
    g_assert_cmpstr (tandem_window_get_team_id (fixture->window), ==, id);
  }
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_and_wait (fixture->window, fixture->path);
  g_assert_nonnull (tandem_window_get_project (fixture->window));
  g_assert_true (tandem_project_get_read_only (tandem_window_get_project (fixture->window)));
  /* Editing is off: deleting a team does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-team", NULL);
  g_assert_cmpint (tandem_project_count (tandem_window_get_project (fixture->window),
                                         "team", NULL, NULL), ==, 3);
}

static void
assert_open_refused (Fixture    *fixture,
                     const char *path,
                     const char *words)
{
  g_autofree char *name = g_path_get_basename (path);
  GtkWindow *dialog;
  const char *body;

  open_and_wait (fixture->window, path);
  /* Damage only the structural check finds closes the project once the
   * check, run while the window shows it, has ended. */
  WAIT_FOR (tandem_window_get_project (fixture->window) == NULL);
  WAIT_FOR (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fixture->window)) != NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Open the Project");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, name));
  g_assert_nonnull (strstr (body, words));
  gtk_window_destroy (dialog);
}

static void
test_open_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (fixture->dir, "Minutes.tandem", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "Contacts.tandem", NULL);
  g_autofree char *future = g_build_filename (fixture->dir, "Future.tandem", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "Cut short.tandem", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "Moved away.tandem", NULL);
  g_autofree char *index = g_build_filename (fixture->dir, "Stale index.tandem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TandemProject) project = NULL;
  sqlite3 *db = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_set_contents (notes, "Minutes of the meeting\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL);
  sqlite3_close (db);
  project = tandem_project_create (future, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (future, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA user_version = 42", NULL, NULL, NULL);
  sqlite3_close (db);
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (cut, contents, length / 2, &error);
  g_assert_no_error (error);
  g_file_set_contents (index, contents, length, &error);
  g_free (contents);
  g_assert_no_error (error);
  damage_index (index);

  assert_open_refused (fixture, notes, "not a Tandem project");
  assert_open_refused (fixture, foreign, "not a Tandem project");
  assert_open_refused (fixture, future, "newer version of Tandem");
  assert_open_refused (fixture, cut, "damaged");
  assert_open_refused (fixture, index, "data_point_by_measure");
  assert_open_refused (fixture, missing, "could not be found");

  /* The window is still usable: it opens a good project next. */
  open_and_wait (fixture->window, fixture->path);
  g_assert_nonnull (tandem_window_get_project (fixture->window));
}

static void
test_help (void)
{
  GtkWindow *help = tandem_help_window_new (NULL);
  GtkWidget *stack = find_widget_of_type (GTK_WIDGET (help), GTK_TYPE_STACK);
  guint n = 0;

  /* The guide parses into its topics, each a page of the stack. */
  g_assert_nonnull (stack);
  for (GtkWidget *page = gtk_widget_get_first_child (stack); page;
       page = gtk_widget_get_next_sibling (page))
    n++;
  g_assert_cmpuint (n, >=, 9);
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (stack), "topic-0"));
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack),
                   gtk_stack_get_child_by_name (GTK_STACK (stack), "topic-0"))), ==,
                   "Getting started");
  gtk_window_destroy (help);

  help = tandem_help_window_new (NULL);
  {
    const TandemHelpBlock blocks[] = {
      { TANDEM_HELP_PARAGRAPH, "Before any topic: ignored" },
      { TANDEM_HELP_TOPIC, "One" }, { TANDEM_HELP_PARAGRAPH, "Text" },
      { TANDEM_HELP_HEADING, "Part" }, { TANDEM_HELP_BULLET, "a" },
      { TANDEM_HELP_TOPIC, "Two" },
    };
    g_assert_cmpuint (tandem_help_window_add_blocks (TANDEM_HELP_WINDOW (help), blocks,
                                                     G_N_ELEMENTS (blocks)), ==, 2);
  }
  gtk_window_destroy (help);

  /* The guide covers every area and the ways of working together. */
  {
    const char *needed[] = { "Driver diagrams", "Measures and charts", "Coaching sessions",
                             "Peer support", "Printing and exporting", "Working together",
                             "Workshop mode", "Keyboard" };
    for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
      {
        gboolean found = FALSE;
        for (guint j = 0; j < tandem_help_guide_length; j++)
          found |= tandem_help_guide[j].kind == TANDEM_HELP_TOPIC &&
                   g_str_equal (tandem_help_guide[j].text, needed[i]);
        g_assert_true (found);
      }
  }
}

/* ------------------------------------------------------------------------ */
/* Large text, high contrast and workshop mode                              */

/* Opens the sample on its Measures page; returns the chart view once it
 * shows a chart. */
static TandemChartView *
show_measures (Fixture *fixture)
{
  AdwViewStack *stack;
  GtkWidget *view;

  open_and_wait (fixture->window, fixture->path);
  stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "measures");
  view = find_widget_of_type (GTK_WIDGET (fixture->window), TANDEM_TYPE_CHART_VIEW);
  g_assert_nonnull (view);
  WAIT_FOR (tandem_chart_view_get_chart (TANDEM_CHART_VIEW (view)) != NULL &&
            gtk_widget_get_width (view) > 0 && gtk_widget_get_mapped (view));
  return TANDEM_CHART_VIEW (view);
}

/* Lets @view draw itself as GTK would (which is when it reads the text size
 * and contrast), then draws its chart again at a fixed size to look at. */
static cairo_surface_t *
draw_chart_view (TandemChartView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 420);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  {
    GskRenderNode *node = gtk_snapshot_free_to_node (snapshot);
    if (node)
      gsk_render_node_unref (node);
  }
  tandem_chart_draw (tandem_chart_view_get_chart (view), cr, 640, 420);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether any pixel has a colour rather than a grey. */
static gboolean
has_colour (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 24)
          return TRUE;
      }
  return FALSE;
}

/* Where the chart puts its first point: larger type pushes it right (wider
 * axis labels). */
static void
first_point (TandemChartView *view,
             double          *x,
             double          *y)
{
  cairo_surface_t *surface = draw_chart_view (view);

  g_assert_true (tandem_chart_get_point_position (tandem_chart_view_get_chart (view), 0, x, y));
  cairo_surface_destroy (surface);
}

static void
test_large_text (Fixture       *fixture,
                 gconstpointer  data)
{
  TandemChartView *view = show_measures (fixture);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (view));
  int old_dpi = 0;
  double x1, y1, x2, y2;

  g_object_get (settings, "gtk-xft-dpi", &old_dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  WAIT_FOR (fabs (tandem_legibility_get_text_scale (GTK_WIDGET (view)) - 1.0) < 0.05);
  first_point (view, &x1, &y1);

  /* What GNOME's "Large Text" (text-scaling-factor 1.5) does to GTK. */
  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  WAIT_FOR (tandem_legibility_get_text_scale (GTK_WIDGET (view)) > 1.4);
  first_point (view, &x2, &y2);
  g_assert_cmpfloat (x2, >, x1 + 4);

  g_object_set (settings, "gtk-xft-dpi", old_dpi, NULL);
  WAIT_FOR (fabs (tandem_legibility_get_text_scale (GTK_WIDGET (view)) - 1.0) < 0.05);

  /* Preferences → Chart style → Workshop: large type at any text size. */
  {
    GSettings *prefs = tandem_application_get_settings (app);

    g_settings_set_string (prefs, "chart-style", "workshop");
    g_assert_cmpfloat (tandem_legibility_get_text_scale (GTK_WIDGET (view)), >, 1.4);
    first_point (view, &x2, &y2);
    g_assert_cmpfloat (x2, >, x1 + 4);
    g_settings_reset (prefs, "chart-style");
  }
}

static void
test_high_contrast (Fixture       *fixture,
                    gconstpointer  data)
{
  TandemChartView *view = show_measures (fixture);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *surface;

  surface = draw_chart_view (view);
  g_assert_false (tandem_legibility_get_high_contrast (GTK_WIDGET (view)));
  g_assert_true (has_colour (surface));
  cairo_surface_destroy (surface);

  /* Preferences → Chart style → High contrast. */
  {
    GSettings *settings = tandem_application_get_settings (app);

    g_assert_nonnull (settings);
    g_settings_set_string (settings, "chart-style", "high-contrast");
    surface = draw_chart_view (view);
    g_assert_false (has_colour (surface));
    cairo_surface_destroy (surface);
    g_settings_reset (settings, "chart-style");
    surface = draw_chart_view (view);
    g_assert_true (has_colour (surface));
    cairo_surface_destroy (surface);
  }

  /* The system's high-contrast setting, as GNOME Settings stores it. */
  {
    g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (
      g_settings_schema_source_get_default (), "org.gnome.desktop.a11y.interface", TRUE);
    g_autoptr(GSettings) a11y = NULL;

    if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
      {
        g_test_skip ("org.gnome.desktop.a11y.interface is not installed");
        return;
      }
    a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
    g_settings_set_boolean (a11y, "high-contrast", TRUE);
    WAIT_FOR (adw_style_manager_get_high_contrast (manager));
    g_assert_true (tandem_legibility_get_high_contrast (GTK_WIDGET (view)));
    surface = draw_chart_view (view);
    g_assert_false (has_colour (surface));
    cairo_surface_destroy (surface);

    g_settings_set_boolean (a11y, "high-contrast", FALSE);
    WAIT_FOR (!adw_style_manager_get_high_contrast (manager));
    surface = draw_chart_view (view);
    g_assert_true (has_colour (surface));
    cairo_surface_destroy (surface);
  }
}

/* A phone, or half a small screen, shows every page: nothing in any of them
 * (nor the header bar, nor a banner) holds the window wider than 360
 * pixels, GNOME's narrowest. The title bar has GNOME's own buttons (only
 * Close: GTK's fallback adds Minimise and Maximise, 72 pixels more). */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *pages[] = { "diagram", "measures", "coaching", "peer-support" };
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (fixture->window));
  g_autofree char *old_layout = NULL;
  AdwViewStack *stack;
  int minimum;

  g_object_get (settings, "gtk-decoration-layout", &old_layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", "appmenu:close", NULL);
  open_and_wait (fixture->window, fixture->path);
  stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      for (int k = 0; k < 20; k++)
        g_main_context_iteration (NULL, FALSE);
      gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: the window can be %d pixels wide", pages[i], minimum);
      g_assert_cmpint (minimum, <=, 360);
    }
  /* A coaching session open in its editor, too. */
  {
    GtkWidget *coaching = adw_view_stack_get_child_by_name (stack, "coaching");

    adw_view_stack_set_visible_child (stack, coaching);
    g_assert_true (gtk_widget_activate_action (coaching, "coaching.new-session", "s", ""));
    for (int k = 0; k < 20; k++)
      g_main_context_iteration (NULL, FALSE);
    gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, NULL, NULL, NULL);
    g_test_message ("a coaching session: the window can be %d pixels wide", minimum);
    g_assert_cmpint (minimum, <=, 360);
  }
  g_object_set (settings, "gtk-decoration-layout", old_layout, NULL);
}

/* The team selector's name, on show in the header bar (not in its list). */
static gboolean
is_team_button_label (GtkWidget *widget, gconstpointer data)
{
  return is_label_text (widget, data) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* In a window 1100 pixels wide the team selector shows a short name
 * ("Willow", once cut to "Will…") and a long one whole: the header bar has
 * the room. */
static void
test_team_selector_width (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "Willow", "Kent and Medway GAU", "Delderfield Ward" };
  char *ids[G_N_ELEMENTS (names)] = { NULL, };
  g_autoptr(GError) error = NULL;
  GtkWidget *header_bar;

  {
    g_autoptr(TandemProject) project = tandem_project_open (fixture->path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        TandemField f[] = { { "name", tandem_value_text (names[i]) } };

        ids[i] = tandem_project_insert (project, "team", f, 1, &error);
        g_assert_no_error (error);
      }
  }
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  open_and_wait_for_project (fixture->window, fixture->path);
  ids[2] = tandem_team_find (tandem_window_get_project (fixture->window), names[2]);
  g_assert_nonnull (ids[2]);
  header_bar = find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);
  WAIT_FOR (gtk_widget_get_width (header_bar) > 1000);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *label = NULL;
      int natural = 0;

      tandem_window_select_team (fixture->window, ids[i]);
      WAIT_FOR ((label = FIND (fixture->window, is_team_button_label, names[i])) != NULL &&
                gtk_widget_get_width (label) > 0);
      /* The layout settles with the name at its natural width, neither cut
       * (it settled at five characters' before) nor still as wide as the
       * team's before. */
      WAIT_FOR ((gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                                     NULL, NULL),
                 gtk_widget_get_width (label) == natural));
      g_test_message ("\"%s\": %d pixels of %d", names[i], gtk_widget_get_width (label), natural);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (ids[i]);
}

/* A row's buttons: on one line where they fit, one above the other where
 * not; never wider than the widest. */
static void
test_wrap_layout (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *first = gtk_button_new_with_label ("Carry Forward");
  GtkWidget *second = gtk_button_new_with_label ("Done");
  int min1, nat1, min2, nat2, min, nat, height, one_line, stacked;

  g_object_ref_sink (box);
  gtk_widget_set_layout_manager (box, tandem_wrap_layout_new (6));
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, &min1, &nat1, NULL, NULL);
  gtk_widget_measure (second, GTK_ORIENTATION_HORIZONTAL, -1, &min2, &nat2, NULL, NULL);
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);

  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, MAX (min1, min2));
  g_assert_cmpint (nat, ==, nat1 + 6 + nat2);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, nat, &one_line, NULL, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, min, &stacked, NULL, NULL, NULL);
  g_assert_cmpint (one_line, ==, height);
  g_assert_cmpint (stacked, >=, 2 * height + 6);
  g_object_unref (box);
}

static gboolean
action_state (GtkWidget  *widget,
              const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (widget), name);

  return state && g_variant_get_boolean (state);
}

static void
test_workshop_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  TandemChartView *view = show_measures (fixture);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  double normal_scale = tandem_legibility_get_text_scale (GTK_WIDGET (view));
  cairo_surface_t *surface;
  double x1, y1, x2, y2;

  first_point (view, &x1, &y1);
  g_assert_false (gtk_widget_has_css_class (window, TANDEM_WORKSHOP_CLASS));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "workshop-high-contrast"));

  /* F11 (the menu item does the same). */
  g_assert_true (gtk_widget_activate_action (window, "win.workshop-mode", NULL));
  g_assert_true (action_state (window, "workshop-mode"));
  g_assert_true (gtk_widget_has_css_class (window, TANDEM_WORKSHOP_CLASS));
  /* Large type, in the widgets and in the chart. */
  WAIT_FOR (tandem_legibility_get_text_scale (GTK_WIDGET (view)) > normal_scale * 1.4);
  first_point (view, &x2, &y2);
  g_assert_cmpfloat (x2, >, x1 + 4);

  /* Its high-contrast option. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                    "workshop-high-contrast"));
  g_assert_true (gtk_widget_activate_action (window, "win.workshop-high-contrast", NULL));
  g_assert_true (gtk_widget_has_css_class (window, TANDEM_HIGH_CONTRAST_CLASS));
  surface = draw_chart_view (view);
  g_assert_false (has_colour (surface));
  cairo_surface_destroy (surface);

  /* Leaving restores everything. */
  g_assert_true (gtk_widget_activate_action (window, "win.workshop-mode", NULL));
  g_assert_false (action_state (window, "workshop-mode"));
  g_assert_false (action_state (window, "workshop-high-contrast"));
  g_assert_false (gtk_widget_has_css_class (window, TANDEM_WORKSHOP_CLASS));
  g_assert_false (gtk_widget_has_css_class (window, TANDEM_HIGH_CONTRAST_CLASS));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window),
                                                     "workshop-high-contrast"));
  WAIT_FOR (fabs (tandem_legibility_get_text_scale (GTK_WIDGET (view)) - normal_scale) < 0.01);
  surface = draw_chart_view (view);
  g_assert_true (has_colour (surface));
  cairo_surface_destroy (surface);
  first_point (view, &x2, &y2);
  g_assert_cmpfloat (fabs (x2 - x1), <, 0.5);

  /* Full screen. Under Xvfb no window manager grants a mapped window's
   * request, but GTK applies it at once to a window that is not shown. */
  gtk_widget_set_visible (window, FALSE);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  gtk_widget_activate_action (window, "win.workshop-mode", NULL);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  gtk_widget_activate_action (window, "win.workshop-mode", NULL);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  /* A window that was full screen already stays so. */
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "win.workshop-mode", NULL);
  gtk_widget_activate_action (window, "win.workshop-mode", NULL);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
}

static gboolean
rect_inside (TandemDiagramCanvas *canvas,
             int                  node)
{
  GdkRectangle r;

  return tandem_diagram_canvas_get_node_rect (canvas, node, &r) &&
         r.x >= 0 && r.y >= 0 &&
         r.x + r.width <= gtk_widget_get_width (GTK_WIDGET (canvas)) &&
         r.y + r.height <= gtk_widget_get_height (GTK_WIDGET (canvas));
}

/* Workshop mode on the diagram: a box's title as large as the window's
 * large type, the view on the selection, which stays in view as it moves;
 * the whole diagram is still one key away. */
static void
test_workshop_diagram (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  TandemDiagramCanvas *canvas;
  TandemDiagram *diagram;
  AdwViewStack *stack;
  double normal_text, normal_zoom, w, h;
  int far = -1;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  open_and_wait (fixture->window, fixture->path);
  stack = ADW_VIEW_STACK (find_widget_of_type (window, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "diagram");
  canvas = TANDEM_DIAGRAM_CANVAS (find_widget_of_type (window, TANDEM_TYPE_DIAGRAM_CANVAS));
  g_assert_nonnull (canvas);
  WAIT_FOR (tandem_diagram_canvas_get_layout (canvas) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (canvas)) &&
            gtk_widget_get_width (GTK_WIDGET (canvas)) > 300);
  /* Let it draw (it chooses its view when it first draws). */
  for (int k = 0; k < 50; k++)
    g_main_context_iteration (NULL, FALSE);
  normal_zoom = tandem_diagram_canvas_get_zoom (canvas);
  normal_text = tandem_legibility_get_text_pixels (GTK_WIDGET (canvas));

  g_assert_true (gtk_widget_activate_action (window, "win.workshop-mode", NULL));
  WAIT_FOR (tandem_legibility_get_text_pixels (GTK_WIDGET (canvas)) > normal_text * 1.5 &&
            tandem_diagram_canvas_get_zoom (canvas) > normal_zoom * 1.2);
  g_test_message ("text %.1f px in the window; a box's title %.1f px at zoom %.2f (was %.2f)",
                  tandem_legibility_get_text_pixels (GTK_WIDGET (canvas)),
                  tandem_diagram_canvas_get_text_pixels (canvas),
                  tandem_diagram_canvas_get_zoom (canvas), normal_zoom);
  /* At least the 160 % type of the window around it. */
  g_assert_cmpfloat (tandem_diagram_canvas_get_text_pixels (canvas), >=, 1.55 * normal_text);
  g_assert_cmpfloat (tandem_diagram_canvas_get_text_pixels (canvas), >=,
                     tandem_legibility_get_text_pixels (GTK_WIDGET (canvas)) - 0.5);

  /* Centred on the aim, with nothing selected. */
  diagram = tandem_diagram_layout_get_diagram (tandem_diagram_canvas_get_layout (canvas));
  for (guint i = 0; i < tandem_diagram_get_n_nodes (diagram); i++)
    if (tandem_diagram_get_node (diagram, i)->kind == TANDEM_NODE_AIM)
      g_assert_true (rect_inside (canvas, i));

  /* The diagram is now larger than the view: moving the selection to a box
   * out of sight brings it into view. */
  tandem_diagram_layout_get_size (tandem_diagram_canvas_get_layout (canvas), &w, &h);
  g_assert_cmpfloat (h * tandem_diagram_canvas_get_zoom (canvas), >,
                     gtk_widget_get_height (GTK_WIDGET (canvas)));
  for (guint i = 0; i < tandem_diagram_get_n_nodes (diagram) && far < 0; i++)
    if (tandem_diagram_layout_find_box (tandem_diagram_canvas_get_layout (canvas), i) >= 0 &&
        !rect_inside (canvas, i))
      far = i;
  g_assert_cmpint (far, >=, 0);
  tandem_diagram_canvas_set_selected (canvas, far);
  g_assert_true (rect_inside (canvas, far));
  g_assert_cmpint (tandem_diagram_canvas_get_selected (canvas), ==, far);

  /* Zoom to fit (Ctrl+0) shows the whole diagram, and stays so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "diagram.zoom-fit", NULL));
  g_assert_cmpfloat (w * tandem_diagram_canvas_get_zoom (canvas), <=,
                     gtk_widget_get_width (GTK_WIDGET (canvas)) + 1);
  g_assert_cmpfloat (h * tandem_diagram_canvas_get_zoom (canvas), <=,
                     gtk_widget_get_height (GTK_WIDGET (canvas)) + 1);
  {
    double fitted = tandem_diagram_canvas_get_zoom (canvas);

    for (int k = 0; k < 50; k++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpfloat (tandem_diagram_canvas_get_zoom (canvas), ==, fitted);
  }

  /* Leaving workshop mode goes back to the usual view. */
  g_assert_true (gtk_widget_activate_action (window, "win.workshop-mode", NULL));
  WAIT_FOR (fabs (tandem_legibility_get_text_pixels (GTK_WIDGET (canvas)) - normal_text) < 0.1);
  /* (The view may be a few pixels taller or shorter than before.) */
  WAIT_FOR (fabs (tandem_diagram_canvas_get_zoom (canvas) - normal_zoom) < 0.05 * normal_zoom);
}

/* Toplevels that exist but are not shown: GTK 4.8's accessibility code
 * crashes if a screen reader asks for a window by an index that has just
 * gone stale while such a window sits at the end of the list. */
static guint
count_hidden_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint hidden = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (window))
        hidden++;
    }
  return hidden;
}

static gboolean
is_shortcut_for (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *action = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "action-name", &action, NULL);
  return g_strcmp0 (action, data) == 0;
}

static gboolean
is_shortcut_titled (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, data) == 0;
}

static gboolean
is_section_named (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_SHORTCUTS_SECTION (widget))
    return FALSE;
  g_object_get (widget, "section-name", &name, NULL);
  return g_strcmp0 (name, data) == 0;
}

/* A label in @widget showing @data whole: never cut short with "…". */
static gboolean
is_whole_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0 &&
         gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE;
}

/* The team's service type shows whole, in its row: the two kinds of
 * children's unit no longer read alike ("Children and young pe…"). */
static void
test_whole_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *picu = "Children and young people (PICU)";
  GtkWindow *dialog;
  GtkWidget *row;
  GListModel *model;

  open_and_wait_for_project (fixture->window, fixture->path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-team", NULL));
  dialog = find_toplevel (TANDEM_TYPE_TEAM_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  row = FIND (dialog, is_row_titled, "Service type");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), picu))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  WAIT_FOR (FIND (row, is_whole_label, picu) != NULL);
  gtk_window_destroy (dialog);
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;
  GtkWidget *row;
  GtkWidget *section;
  g_autofree char *accel = NULL;

  open_and_wait (fixture->window, fixture->path);
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, GTK_WINDOW (fixture->window)));
  g_assert_cmpuint (count_hidden_toplevels (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));

  /* Rows named by action show the keys the application gives that action. */
  row = FIND (shortcuts, is_shortcut_for, "app.preferences");
  g_assert_nonnull (row);
  g_object_get (row, "accelerator", &accel, NULL);
  g_assert_cmpstr (accel, ==, "<Control>comma");
  g_clear_pointer (&accel, g_free);
  row = FIND (shortcuts, is_shortcut_for, "win.show-help-overlay");
  g_assert_nonnull (row);
  g_object_get (row, "accelerator", &accel, NULL);
  g_assert_cmpstr (accel, ==, "<Control>question");
  /* The driver-diagram keys are a section of their own, each fitting one page. */
  g_object_set (shortcuts, "section-name", "diagram", NULL);
  section = FIND (shortcuts, is_section_named, "diagram");
  g_assert_nonnull (section);
  row = FIND (section, is_shortcut_titled, "Add a child item");
  g_assert_nonnull (row);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (row)) && gtk_widget_get_width (GTK_WIDGET (row)) > 0);

  /* Closed, it is gone, not kept hidden; asked for again, it comes back. */
  gtk_window_close (shortcuts);
  WAIT_FOR (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, GTK_WINDOW (fixture->window)) == NULL);
  g_assert_cmpuint (count_hidden_toplevels (), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, GTK_WINDOW (fixture->window));
  g_assert_nonnull (shortcuts);
  gtk_window_close (shortcuts);
  WAIT_FOR (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, GTK_WINDOW (fixture->window)) == NULL);
}

/* A toast on show whose text is @text, as people read it. */
static gboolean
is_toast_titled (GtkWidget *widget, gconstpointer data)
{
  return is_label_text (widget, data) &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL;
}

/* Names with markup's special characters are shown as typed in toasts
 * (libadwaita 1.2 reads a toast's title as markup): a team's, and a merged
 * file's in the Undo toast. */
/* New Team adds the team and the window shows it, through win.select-team
 * (the dialog does not call the window). */
static void
test_new_team (Fixture       *fixture,
               gconstpointer  data)
{
  TandemProject *project;
  GtkWindow *dialog;
  GtkWidget *name_row;
  g_autofree char *heron = NULL;

  open_and_wait_for_project (fixture->window, fixture->path);
  project = tandem_window_get_project (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-team", NULL));
  WAIT_FOR ((dialog = find_toplevel (TANDEM_TYPE_TEAM_DIALOG, GTK_WINDOW (fixture->window))) != NULL);
  name_row = FIND (dialog, is_row_titled, "Team name");
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Heron Ward");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.save", NULL));
  WAIT_FOR (find_toplevel (TANDEM_TYPE_TEAM_DIALOG, GTK_WINDOW (fixture->window)) == NULL);
  heron = tandem_team_find (project, "Heron Ward");
  g_assert_nonnull (heron);
  g_assert_cmpstr (tandem_window_get_team_id (fixture->window), ==, heron);
}

static void
test_toast_names (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "R&D copy.tandem", NULL);
  TandemField fields[] = { { "name", tandem_value_text ("R&D <Ward> \"A\"") } };

  open_and_wait_for_project (fixture->window, fixture->path);
  project = tandem_window_get_project (fixture->window);
  team = tandem_project_insert (project, "team", fields, G_N_ELEMENTS (fields), &error);
  g_assert_no_error (error);
  tandem_window_select_team (fixture->window, team);
  delete_team (fixture->window);
  WAIT_FOR (FIND (fixture->window, is_toast_titled,
                  "Deleted “R&D <Ward> \"A\"” and all its work"));

  /* Another copy, with a team of its own, merged in and taken back. */
  g_assert_true (tandem_project_save_copy (project, copy_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TandemProject) copy = tandem_project_open (copy_path, &error);
    TandemField kestrel[] = { { "name", tandem_value_text ("Kestrel Ward") } };
    g_autofree char *id = NULL;

    g_assert_no_error (error);
    tandem_project_set_author (copy, "Ben Ade");
    id = tandem_project_insert (copy, "team", kestrel, G_N_ELEMENTS (kestrel), &error);
    g_assert_no_error (error);
  }
  tandem_merge_file_into (GTK_WINDOW (fixture->window), project, copy_path);
  g_assert_cmpint (tandem_project_count (project, "team", "name", "Kestrel Ward"), ==, 1);
  destroy_transients (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "team", "name", "Kestrel Ward"), ==, 0);
  WAIT_FOR (FIND (fixture->window, is_toast_titled, "Undone: Merge of R&D copy"));
}

static void
set_clock (const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  tandem_clock_set_now (when);
}

/* `tandem --sample` makes the person's copy on the day they first open it,
 * set around that day: not a copy of a file made when Tandem was built (an
 * old sample.tandem in the data folder is left alone). */
static void
test_sample_copy_made_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("tandem-data-XXXXXX", &error);
  g_autofree char *built = g_build_filename (data_dir, "sample.tandem", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *last_session = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  set_clock ("2026-11-21T12:00:00Z");
  {
    g_autoptr(TandemProject) project = tandem_project_create (built, &error);

    g_assert_no_error (error);
    g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
    g_assert_no_error (error);
  }
  g_setenv ("TANDEM_DATA_DIR", data_dir, TRUE);

  /* Two years later, a first look at the sample. */
  set_clock ("2028-03-10T12:00:00Z");
  copy = tandem_application_dup_sample_path (app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_clear_pointer (&copy, g_free);
  copy = tandem_application_dup_sample_path (app, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max (date (starts_at)) FROM coaching_session",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  last_session = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (last_session, >=, "2028-02-04");
  g_assert_cmpstr (last_session, <=, "2028-03-10");

  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_unsetenv ("TANDEM_DATA_DIR");
  g_assert_cmpint (g_unlink (built), ==, 0);
  g_assert_cmpint (g_rmdir (data_dir), ==, 0);
  set_clock ("2026-11-21T12:00:00Z");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add ("/window/open-sample", Fixture, NULL, fixture_set_up, test_open_sample,
              fixture_tear_down);
  g_test_add ("/window/new-team", Fixture, NULL, fixture_set_up, test_new_team,
              fixture_tear_down);
  g_test_add ("/window/toast-names", Fixture, NULL, fixture_set_up, test_toast_names,
              fixture_tear_down);
  g_test_add_func ("/help/topics", test_help);
  g_test_add_func ("/window/sample-copy-made-today", test_sample_copy_made_today);
  g_test_add ("/window/whole-labels", Fixture, NULL, fixture_set_up, test_whole_labels,
              fixture_tear_down);
  g_test_add ("/window/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts_window,
              fixture_tear_down);
  g_test_add_func ("/window/wrap-layout", test_wrap_layout);
  g_test_add ("/window/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/window/open-errors", Fixture, NULL, fixture_set_up, test_open_errors,
              fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add ("/window/team-selector-width", Fixture, NULL, fixture_set_up,
              test_team_selector_width, fixture_tear_down);
  g_test_add ("/window/large-text", Fixture, NULL, fixture_set_up, test_large_text,
              fixture_tear_down);
  g_test_add ("/window/high-contrast", Fixture, NULL, fixture_set_up, test_high_contrast,
              fixture_tear_down);
  g_test_add ("/window/workshop-mode", Fixture, NULL, fixture_set_up, test_workshop_mode,
              fixture_tear_down);
  g_test_add ("/window/workshop-diagram", Fixture, NULL, fixture_set_up, test_workshop_diagram,
              fixture_tear_down);
  return test_run_app (app);
}
