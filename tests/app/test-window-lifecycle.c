/* test-window-lifecycle.c — closing a project window frees it all: the
 * window, its five pages, their lists, the project (its SQLite connection
 * and file watch) and what the pages opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-coaching-page-private.h"
#include "tandem-conflicts-window.h"
#include "tandem-contributions-window.h"
#include "tandem-diagram.h"
#include "tandem-diagram-page-private.h"
#include "tandem-measures-page-private.h"
#include "tandem-names.h"
#include "tandem-people-window.h"
#include "tandem-team.h"
#include "tandem-test-util.h"

/* One application for all tests: it registers on the session bus once. */
static TandemApplication *app;

/* What a test expects to be freed, by name: weak pointers. */
typedef struct
{
  const char *what;
  gpointer    object;
} Watch;

#define MAX_WATCHES 24

typedef struct
{
  Watch watches[MAX_WATCHES];
  guint n;
} Watches;

static void
watch (Watches    *watches,
       gpointer    object,
       const char *what)
{
  Watch *w;

  g_assert_nonnull (object);
  g_assert_cmpuint (watches->n, <, MAX_WATCHES);
  w = &watches->watches[watches->n++];
  w->what = what;
  w->object = object;
  g_object_add_weak_pointer (G_OBJECT (object), &w->object);
}

/* The names of the watched objects still alive, or "". */
static char *
describe_alive (Watches *watches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < watches->n; i++)
    if (watches->watches[i].object != NULL)
      g_string_append_printf (out, " %s", watches->watches[i].what);
  return g_string_free (out, FALSE);
}

static gboolean
all_freed (Watches *watches)
{
  g_autofree char *alive = describe_alive (watches);

  return *alive == '\0';
}

/* Runs the main loop until nothing is pending. */
static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Closes @window as its close button does, drops the test's reference, and
 * asserts that once the main loop has run idle everything watched has been
 * freed. The work on another thread that holds the window (the file's
 * structural check) has ended before: the test confirmed the file intact. */
static void
close_and_assert_freed (TandemWindow *window,
                        Watches      *watches)
{
  g_autofree char *alive = NULL;
  gint64 start, deadline;

  watch (watches, window, "the window");
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);
  /* The structural check's own thread may still be handing its answer back
   * to the main loop; nothing else may need time. */
  start = g_get_monotonic_time ();
  deadline = start + 2 * G_USEC_PER_SEC;
  do
    {
      run_until_idle ();
      if (all_freed (watches))
        break;
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < deadline);
  g_test_message ("%u objects watched; the main loop ran %" G_GINT64_FORMAT " ms after the close",
                  watches->n, (g_get_monotonic_time () - start) / 1000);
  alive = describe_alive (watches);
  g_assert_cmpstr (alive, ==, "");
}

static void
watch_pages (Watches      *watches,
             TandemWindow *window)
{
  const char *pages[][2] = {
    { "diagram", "the Diagram page" },
    { "measures", "the Measures page" },
    { "coaching", "the Coaching page" },
    { "peer-support", "the Peer Support page" },
    { "standards", "the Standards page" },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    watch (watches, adw_view_stack_get_child_by_name (stack, pages[i][0]), pages[i][1]);
}

static TandemPage *
page_named (TandemWindow *window,
            const char   *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK));

  return TANDEM_PAGE (adw_view_stack_get_child_by_name (stack, name));
}

/* Shows @name and waits until it is on screen and has shown the team. */
static TandemPage *
show_page (TandemWindow *window,
           const char   *name)
{
  TandemPage *page = page_named (window, name);

  tandem_window_show_item (window, name, NULL);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)) && !tandem_page_get_stale (page) &&
            gtk_widget_get_width (GTK_WIDGET (page)) > 0);
  return page;
}

/* The “No Teams Yet” page, on screen. */
static gboolean
is_no_teams_page (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), "No Teams Yet") == 0;
}

static void
make_new_project (const char  *dir_template,
                  char       **dir,
                  char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "New.tandem", NULL);
  project = tandem_project_create (*path, &error);
  g_assert_no_error (error);
}

static void
confirm_intact (TandemWindow *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_confirm_intact (tandem_window_get_project (window), &error));
  g_assert_no_error (error);
}

/* The sample: every page shown and loaded, a diagram box, a measure and a
 * coaching session opened, then the window closed. */
static void
test_sample (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *team = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(TandemDiagram) diagram = NULL;
  g_autoptr(GError) error = NULL;
  Watches watches = { 0 };
  TandemWindow *window;
  TandemProject *project;
  TandemPage *page;
  GtkWindow *lists, *dialog;
  const char *node_id;

  g_object_unref (create_sample_project ("tandem-lifecycle-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  watch (&watches, project, "the project");
  watch_pages (&watches, window);
  team = tandem_team_find (project, "Delderfield Ward");
  g_assert_nonnull (team);
  tandem_window_select_team (window, team);
  diagrams = tandem_project_list_ids (project, TANDEM_ENTITY_DIAGRAM, "team_id", team, NULL);
  measures = tandem_project_list_ids (project, TANDEM_ENTITY_MEASURE, "team_id", team, "position");
  sessions = tandem_project_list_ids (project, TANDEM_ENTITY_COACHING_SESSION, "team_id", team, NULL);
  g_assert_cmpuint (diagrams->len, >, 0);
  g_assert_cmpuint (measures->len, >, 1);
  g_assert_cmpuint (sessions->len, >, 0);

  /* Diagram: a box selected, its details shown. */
  page = show_page (window, "diagram");
  WAIT_FOR (tandem_diagram_page_get_diagram_id (TANDEM_DIAGRAM_PAGE (page)) != NULL);
  watch (&watches, TANDEM_DIAGRAM_PAGE (page)->diagram_names, "the Diagram page's diagram list");
  diagram = tandem_diagram_load (project, tandem_diagram_page_get_diagram_id (TANDEM_DIAGRAM_PAGE (page)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_diagram_get_n_nodes (diagram), >, 1);
  node_id = tandem_diagram_get_node (diagram, 1)->id;
  tandem_diagram_page_select (TANDEM_DIAGRAM_PAGE (page), node_id);
  WAIT_FOR (g_strcmp0 (tandem_diagram_page_get_selected_id (TANDEM_DIAGRAM_PAGE (page)), node_id) == 0 &&
            gtk_widget_get_mapped (GTK_WIDGET (TANDEM_DIAGRAM_PAGE (page)->details)));
  watch (&watches, TANDEM_DIAGRAM_PAGE (page)->details, "the diagram box's details");
  run_until_idle ();
  /* The outline, and back; then the diagram's lists, left open. */
  tandem_diagram_page_show_outline (TANDEM_DIAGRAM_PAGE (page), TRUE);
  WAIT_FOR (gtk_widget_get_mapped (tandem_diagram_page_get_outline (TANDEM_DIAGRAM_PAGE (page))));
  tandem_diagram_page_show_outline (TANDEM_DIAGRAM_PAGE (page), FALSE);
  WAIT_FOR (gtk_widget_get_mapped (tandem_diagram_page_get_canvas (TANDEM_DIAGRAM_PAGE (page))));
  lists = tandem_diagram_page_show_lists (TANDEM_DIAGRAM_PAGE (page));
  g_assert_nonnull (lists);
  gtk_window_present (lists);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (lists)));
  watch (&watches, lists, "the diagram's lists window");

  /* Measures: the second measure chosen and its chart shown. */
  page = show_page (window, "measures");
  watch (&watches, TANDEM_MEASURES_PAGE (page)->measure_ids, "the Measures page's measure list");
  tandem_measures_page_select_measure (TANDEM_MEASURES_PAGE (page), measures->pdata[1]);
  WAIT_FOR (g_strcmp0 (tandem_measures_page_get_measure_id (TANDEM_MEASURES_PAGE (page)),
                       measures->pdata[1]) == 0 &&
            tandem_measures_page_get_summary (TANDEM_MEASURES_PAGE (page)) != NULL &&
            *tandem_measures_page_get_summary (TANDEM_MEASURES_PAGE (page)) != '\0');
  run_until_idle ();
  /* New Measure, opened and cancelled. */
  dialog = tandem_measures_page_new_measure (TANDEM_MEASURES_PAGE (page));
  g_assert_nonnull (dialog);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  watch (&watches, dialog, "the New Measure dialog");
  gtk_window_close (dialog);
  WAIT_FOR (!is_open (dialog));

  /* Coaching: the team's sessions listed, then one open in the editor. */
  page = show_page (window, "coaching");
  watch (&watches, TANDEM_COACHING_PAGE (page)->sessions, "the Coaching page's session list");
  watch (&watches, TANDEM_COACHING_PAGE (page)->open_actions, "the Coaching page's open actions");
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (TANDEM_COACHING_PAGE (page)->sessions)) ==
            sessions->len);
  /* A search, the caseload of every team, then a session in the editor,
   * with words typed and not yet saved. */
  gtk_editable_set_text (GTK_EDITABLE (TANDEM_COACHING_PAGE (page)->search_entry), "blanket");
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (TANDEM_COACHING_PAGE (page)), "search") == 0);
  gtk_editable_set_text (GTK_EDITABLE (TANDEM_COACHING_PAGE (page)->search_entry), "");
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (TANDEM_COACHING_PAGE (page)), "team") == 0);
  gtk_toggle_button_set_active (TANDEM_COACHING_PAGE (page)->caseload_button, TRUE);
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (TANDEM_COACHING_PAGE (page)), "caseload") == 0);
  gtk_toggle_button_set_active (TANDEM_COACHING_PAGE (page)->caseload_button, FALSE);
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (TANDEM_COACHING_PAGE (page)), "team") == 0);
  tandem_coaching_page_open_session (TANDEM_COACHING_PAGE (page), sessions->pdata[0]);
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (TANDEM_COACHING_PAGE (page)), "session") == 0 &&
            g_strcmp0 (tandem_coaching_page_get_session_id (TANDEM_COACHING_PAGE (page)),
                       sessions->pdata[0]) == 0);
  watch (&watches, TANDEM_COACHING_PAGE (page)->editor, "the session editor");
  {
    GtkWidget *text = find_widget_of_type (GTK_WIDGET (TANDEM_COACHING_PAGE (page)->editor),
                                           GTK_TYPE_TEXT_VIEW);

    g_assert_nonnull (text);
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Typed. ", -1);
  }
  run_until_idle ();

  /* Peer Support and Standards: their figures in words. */
  page = show_page (window, "peer-support");
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "Peer-support roles:") != NULL);
  page = show_page (window, "standards");
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "Scores reach") != NULL);
  run_until_idle ();

  confirm_intact (window);
  close_and_assert_freed (window, &watches);
  remove_tree (dir);
}

/* What `tandem-cli new` makes: no teams, so the window says how to add one. */
static void
test_new_project (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Watches watches = { 0 };
  TandemWindow *window;

  make_new_project ("tandem-lifecycle-new-XXXXXX", &dir, &path);
  window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (window, path);
  watch (&watches, tandem_window_get_project (window), "the project");
  watch_pages (&watches, window);
  g_assert_null (tandem_window_get_team_id (window));
  WAIT_FOR (find_widget (GTK_WIDGET (window), is_no_teams_page, NULL) != NULL);
  run_until_idle ();

  confirm_intact (window);
  close_and_assert_freed (window, &watches);
  remove_tree (dir);
}

/* A new project with one team and nothing else yet: every page in its
 * empty state. */
static void
test_empty_team (void)
{
  const char *names[] = { "diagram", "measures", "coaching", "peer-support", "standards" };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Watches watches = { 0 };
  TandemWindow *window;

  make_new_project ("tandem-lifecycle-team-XXXXXX", &dir, &path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemProject) project = tandem_project_open (path, &error);
    TandemField fields[] = { { "name", tandem_value_text ("Willow Ward") } };

    g_assert_no_error (error);
    g_free (insert_or_die (project, TANDEM_ENTITY_TEAM, fields, G_N_ELEMENTS (fields)));
  }
  window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (window, path);
  watch (&watches, tandem_window_get_project (window), "the project");
  watch_pages (&watches, window);
  g_assert_nonnull (tandem_window_get_team_id (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      show_page (window, names[i]);
      run_until_idle ();
    }

  confirm_intact (window);
  close_and_assert_freed (window, &watches);
  remove_tree (dir);
}

/* The window of @type over @window, once it is on screen. */
static GtkWindow *
wait_for_window (TandemWindow *window,
                 GType         type)
{
  GtkWindow *found = NULL;

  WAIT_FOR ((found = find_toplevel (type, GTK_WINDOW (window))) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (found)));
  return found;
}

/* The team's People window and Preferences, each opened and closed over
 * the project window, are freed (and the project with the window); People,
 * opened again and left open, closes with the window. */
static void
test_people_and_preferences (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Watches watches = { 0 };
  TandemWindow *window;
  GtkWindow *people, *preferences;

  g_object_unref (create_sample_project ("tandem-lifecycle-people-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (window, path);
  watch (&watches, tandem_window_get_project (window), "the project");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.team-people", NULL));
  people = wait_for_window (window, TANDEM_TYPE_PEOPLE_WINDOW);
  watch (&watches, people, "the People window");
  run_until_idle ();
  gtk_window_close (people);
  WAIT_FOR (!is_open (people));

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_window (window, ADW_TYPE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (preferences), ==, "Preferences");
  watch (&watches, preferences, "the Preferences window");
  run_until_idle ();
  gtk_window_close (preferences);
  WAIT_FOR (!is_open (preferences));

  /* People again, left open this time: it closes with the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.team-people", NULL));
  people = wait_for_window (window, TANDEM_TYPE_PEOPLE_WINDOW);
  watch (&watches, people, "the People window left open");
  run_until_idle ();

  confirm_intact (window);
  close_and_assert_freed (window, &watches);
  remove_tree (dir);
}

/* The windows that do not block the project window (Contributions, and
 * Conflicts, which win.review-conflicts opens when there are some), still
 * open when it closes, close with it and free the project with them. */
static void
test_windows_left_open (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Watches watches = { 0 };
  TandemWindow *window;
  GtkWindow *contributions, *conflicts;

  g_object_unref (create_sample_project ("tandem-lifecycle-windows-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (window, path);
  watch (&watches, tandem_window_get_project (window), "the project");
  watch_pages (&watches, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.contributions", NULL));
  contributions = wait_for_window (window, TANDEM_TYPE_CONTRIBUTIONS_WINDOW);
  watch (&watches, contributions, "the Contributions window");
  conflicts = tandem_conflicts_window_new (GTK_WINDOW (window), tandem_window_get_project (window));
  gtk_window_present (conflicts);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (conflicts)));
  watch (&watches, conflicts, "the Conflicts window");
  run_until_idle ();

  confirm_intact (window);
  close_and_assert_freed (window, &watches);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  app = test_application_new ();

  g_test_add_func ("/window-lifecycle/sample", test_sample);
  g_test_add_func ("/window-lifecycle/new-project", test_new_project);
  g_test_add_func ("/window-lifecycle/empty-team", test_empty_team);
  g_test_add_func ("/window-lifecycle/people-and-preferences", test_people_and_preferences);
  g_test_add_func ("/window-lifecycle/windows-left-open", test_windows_left_open);
  return test_run_app (app);
}
