/* test-window.c — the project window, in process, on the sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-application.h"
#include "tandem-help-window.h"
#include "tandem-sample.h"
#include "tandem-window.h"

/* One application for all tests: it registers on the session bus once. */
static TandemApplication *app;

typedef struct
{
  char              *dir;
  char              *path;
  TandemWindow      *window;
} Fixture;

/* Runs the main loop until @check is true; fails the test after 20 s rather
 * than waiting for a fixed time. */
#define WAIT_FOR(check)                                                        \
  G_STMT_START {                                                               \
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;           \
    while (!(check))                                                           \
      {                                                                        \
        g_main_context_iteration (NULL, FALSE);                                \
        if (g_get_monotonic_time () > deadline)                                \
          g_error ("Timed out waiting for: %s", #check);                       \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Sample.tandem", NULL);
  project = tandem_project_create (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (project, "Tandem sample");
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  fixture->window = tandem_window_new (GTK_APPLICATION (app));
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_chmod (child, 0644);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
open_and_wait (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tandem_window_open_file (fixture->window, file);
  WAIT_FOR (!tandem_window_is_busy (fixture->window));
}

static GtkWindow *
find_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        return window;
    }
  return NULL;
}

static void
test_open_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *first_team = NULL;

  open_and_wait (fixture, fixture->path);
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-team", NULL));
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
  open_and_wait (fixture, fixture->path);
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

  open_and_wait (fixture, path);
  g_assert_null (tandem_window_get_project (fixture->window));
  WAIT_FOR (find_dialog (fixture) != NULL);
  dialog = find_dialog (fixture);
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
  g_free (contents);
  g_assert_no_error (error);

  assert_open_refused (fixture, notes, "not a Tandem project");
  assert_open_refused (fixture, foreign, "not a Tandem project");
  assert_open_refused (fixture, future, "newer version of Tandem");
  assert_open_refused (fixture, cut, "damaged");
  assert_open_refused (fixture, missing, "could not be found");

  /* The window is still usable: it opens a good project next. */
  open_and_wait (fixture, fixture->path);
  g_assert_nonnull (tandem_window_get_project (fixture->window));
}

static GtkWidget *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_stack (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_help (void)
{
  GtkWindow *help = tandem_help_window_new (NULL);
  GtkWidget *stack = find_stack (GTK_WIDGET (help));
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
  g_assert_cmpuint (tandem_help_window_add_topics (TANDEM_HELP_WINDOW (help),
                    "# comment\n= One\nText\n== Part\n- a\n= Two\n"), ==, 2);
  gtk_window_destroy (help);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = tandem_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("The application could not register");

  g_test_add ("/window/open-sample", Fixture, NULL, fixture_set_up, test_open_sample,
              fixture_tear_down);
  g_test_add_func ("/help/topics", test_help);
  g_test_add ("/window/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/window/open-errors", Fixture, NULL, fixture_set_up, test_open_errors,
              fixture_tear_down);
  {
    int status = g_test_run ();
    g_object_unref (app);
    return status;
  }
}
