/* test-nothing-lost.c — nothing typed is ever lost or falsely reported
 * saved: the session editor saves as the person types, on closing and on
 * quitting; a session that goes from under the editor offers its words;
 * Delete Team asks first; the welcome page, the Your Name dialog, a file
 * that is not a project and New Project's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-coaching.h"
#include "tandem-coaching-page.h"
#include "tandem-team.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;
static char *documents;

static gboolean
is_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_COACHING_PAGE (widget);
}

static GtkTextView *
text_view (GtkWidget  *page,
           const char *heading)
{
  GtkWidget *label = FIND (page, is_label, heading);
  GtkWidget *view;

  g_assert_nonnull (label);
  view = gtk_label_get_mnemonic_widget (GTK_LABEL (label));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return GTK_TEXT_VIEW (view);
}

/* Types @text a character at a time, as a person does. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (const char *c = text; *c; c = g_utf8_next_char (c))
    gtk_text_buffer_insert_at_cursor (buffer, c, g_utf8_next_char (c) - c);
}

static gboolean
stored_is (TandemProject *project,
           const char    *id,
           const char    *field,
           const char    *expected)
{
  g_autofree char *text = tandem_project_get_text (project, "coaching_session", id, field);

  return g_strcmp0 (text, expected) == 0;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += TANDEM_IS_WINDOW (l->data);
  return n;
}

/* The sample in a window, a new blank session open in the editor. */
static TandemWindow *
open_new_session (char              **dir,
                  char              **path,
                  TandemCoachingPage **page)
{
  TandemWindow *window;

  g_object_unref (create_sample_project ("tandem-nothing-lost-XXXXXX", "Sample.tandem", NULL,
                                         dir, path));
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, *path);
  tandem_window_show_item (window, "coaching", NULL);
  *page = TANDEM_COACHING_PAGE (FIND (window, is_page, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*page), "coaching.new-session", "s", ""));
  g_assert_cmpstr (tandem_coaching_page_get_view (*page), ==, "session");
  return window;
}

/* The notes are saved as they are typed, with no Save: a pause makes one
 * change, and a paragraph ended another, so Undo takes back a paragraph.
 * What was discussed is saved as it is ticked. */
static void
test_saves_as_typed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TandemCoachingPage *page;
  TandemWindow *window = open_new_session (&dir, &path, &page);
  TandemProject *project = tandem_window_get_project (window);
  g_autofree char *id = g_strdup (tandem_coaching_page_get_session_id (page));
  GtkTextView *notes = text_view (GTK_WIDGET (page), "_Notes");

  type_into (notes, "The huddle moved to 9:15.\n");
  WAIT_FOR (stored_is (project, id, "notes", "The huddle moved to 9:15.\n"));
  type_into (notes, "Staff liked it");
  WAIT_FOR (stored_is (project, id, "notes", "The huddle moved to 9:15.\nStaff liked it"));

  /* One Undo takes back the words after the paragraph, not one letter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (stored_is (project, id, "notes", "The huddle moved to 9:15.\n"));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "The huddle moved to 9:15.\n");
  }

  /* Ticking what was discussed is saved at once too. */
  {
    GtkWidget *discussed = FIND (page, is_group_titled, "Discussed");
    GtkWidget *check = FIND_TYPE (discussed, GTK_TYPE_CHECK_BUTTON);

    g_assert_nonnull (check);
    g_assert_cmpint (tandem_project_count (project, "session_link", "session_id", id), ==, 0);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    WAIT_FOR (tandem_project_count (project, "session_link", "session_id", id) == 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* Closing the window (Ctrl+W) or quitting (Ctrl+Q) straight after typing
 * keeps every word. */
static void
test_close_and_quit_keep_typing (void)
{
  for (guint quit = 0; quit < 2; quit++)
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;
      TandemCoachingPage *page;
      TandemWindow *window = open_new_session (&dir, &path, &page);
      g_autoptr(TandemProject) project = g_object_ref (tandem_window_get_project (window));
      g_autofree char *id = g_strdup (tandem_coaching_page_get_session_id (page));

      type_into (text_view (GTK_WIDGET (page), "A_greements"), "Try the sensory room at night");
      g_assert_true (stored_is (project, id, "agreements", NULL));
      if (quit)
        g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
      WAIT_FOR (!is_open (GTK_WINDOW (window)));
      g_assert_true (stored_is (project, id, "agreements", "Try the sensory room at night"));
      g_object_unref (window);
      g_clear_object (&project);
      remove_tree (dir);
    }
}

/* The session goes (another program, or Undo) while words typed in it are
 * not saved yet: the editor says so and keeps the session's words as a
 * new session. */
static void
test_vanished_session_keeps_words (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TandemCoachingPage *page;
  TandemWindow *window = open_new_session (&dir, &path, &page);
  TandemProject *project = tandem_window_get_project (window);
  g_autofree char *id = g_strdup (tandem_coaching_page_get_session_id (page));
  const char *kept;
  AdwMessageDialog *dialog;

  type_into (text_view (GTK_WIDGET (page), "Chec_k-in"), "A calm start.\n");
  WAIT_FOR (stored_is (project, id, "check_in", "A calm start.\n"));
  type_into (text_view (GTK_WIDGET (page), "_Notes"), "Night staff want the blanket too");
  g_assert_true (tandem_coaching_delete_session (project, id, &error));
  g_assert_no_error (error);

  WAIT_FOR ((dialog = find_dialog ("The Session Is No Longer in the Project")) != NULL);
  g_assert_cmpstr (tandem_coaching_page_get_view (page), !=, "session");
  g_assert_null (tandem_coaching_page_get_session_id (page));
  adw_message_dialog_response (dialog, "new");
  gtk_window_destroy (GTK_WINDOW (dialog));

  kept = tandem_coaching_page_get_session_id (page);
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept, !=, id);
  /* All the session's words: those saved before it went, and those not. */
  g_assert_true (stored_is (project, kept, "notes", "Night staff want the blanket too"));
  g_assert_true (stored_is (project, kept, "check_in", "A calm start.\n"));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "session");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* A new project's only team: Delete Team asks first, naming what goes;
 * after it and Undo, the editor claims no save it did not make. */
static void
test_delete_team_asks_and_undoes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-nothing-lost-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Ward.tandem", NULL);
  g_autofree char *team = NULL;
  g_autofree char *session = NULL;
  TandemProject *project;
  TandemWindow *window;
  TandemCoachingPage *page;
  AdwMessageDialog *dialog;
  TandemCoachingTemplate base = { 0 };

  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (project, "Willow Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  base.notes = (char *) "Agreed a quieter handover";
  session = tandem_coaching_log_session (project, team, "2026-11-18T10:00:00Z", &base, &error);
  g_assert_no_error (error);
  g_object_unref (project);

  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  page = TANDEM_COACHING_PAGE (FIND (window, is_page, NULL));
  tandem_coaching_page_open_session (page, session);
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "session");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-team", NULL));
  WAIT_FOR ((dialog = find_dialog ("Delete “Willow Ward”?")) != NULL);
  g_assert_true (tandem_project_exists (project, "team", team));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 coaching session"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (tandem_project_exists (project, "team", team));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-team", NULL));
  WAIT_FOR ((dialog = find_dialog ("Delete “Willow Ward”?")) != NULL);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (tandem_project_exists (project, "team", team));
  /* The editor does not stay open on a session that is not there. */
  g_assert_null (tandem_coaching_page_get_session_id (page));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), !=, "session");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (tandem_project_exists (project, "coaching_session", session));
  g_assert_true (stored_is (project, session, "notes", "Agreed a quieter handover"));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), !=, "session");
  tandem_coaching_page_open_session (page, session);
  g_assert_cmpstr (tandem_coaching_page_get_session_id (page), ==, session);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* Enter in the Your Name dialog saves the name and closes it. */
static void
test_your_name_enter (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GSettings *settings = tandem_application_get_settings (app);
  TandemWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *name = NULL;

  g_settings_set_string (settings, "author-name", "");
  g_settings_set_boolean (settings, "author-asked", FALSE);
  g_object_unref (create_sample_project ("tandem-nothing-lost-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  g_signal_emit_by_name (FIND (window, is_button_labelled, "Set Your _Name…"), "clicked");
  WAIT_FOR ((dialog = find_dialog ("Your Name")) != NULL);
  g_object_ref (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ana Kowalska");
  g_signal_emit_by_name (entry, "activate");
  WAIT_FOR (!is_open (GTK_WINDOW (dialog)));
  g_object_unref (dialog);
  name = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (name, ==, "Ana Kowalska");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* On the welcome page Enter makes a new project: focus starts there. */
static void
test_welcome_focus (void)
{
  TandemWindow *window = new_test_window (app, 0, 0);
  GtkWidget *button = FIND (window, is_button_labelled, "_New Project…");

  g_assert_nonnull (button);
  WAIT_FOR (gtk_widget_get_mapped (button));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Opening a file that is not a project says so in the window already open,
 * and leaves no empty window behind. */
static void
test_not_a_project_leaves_no_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) file = NULL;
  TandemWindow *window;
  AdwMessageDialog *dialog;

  g_object_unref (create_sample_project ("tandem-nothing-lost-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  bad = g_build_filename (dir, "shopping list.tandem", NULL);
  g_assert_true (g_file_set_contents (bad, "milk\neggs\n", -1, NULL));
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  g_assert_cmpuint (count_windows (), ==, 1);

  file = g_file_new_for_path (bad);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  WAIT_FOR ((dialog = find_dialog ("Could Not Open the Project")) != NULL);
  WAIT_FOR (count_windows () == 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "shopping list.tandem"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* New Project proposes the Documents folder, not wherever Tandem ran. */
static void
test_new_project_in_documents (void)
{
  GtkWindow *chooser = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (documents);

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-project", NULL);
  WAIT_FOR ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL)) != NULL);
  WAIT_FOR ((folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser))) != NULL);
  g_assert_true (g_file_equal (folder, expected));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *dirs = NULL;
  g_autofree char *line = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  /* A Documents folder of the test's own, as the desktop names it. */
  config = g_dir_make_tmp ("tandem-nothing-lost-config-XXXXXX", NULL);
  documents = g_build_filename (config, "My Documents", NULL);
  g_assert_cmpint (g_mkdir (documents, 0700), ==, 0);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  g_assert_true (g_file_set_contents (dirs, line, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add_func ("/nothing-lost/saves-as-typed", test_saves_as_typed);
  g_test_add_func ("/nothing-lost/close-and-quit-keep-typing", test_close_and_quit_keep_typing);
  g_test_add_func ("/nothing-lost/vanished-session-keeps-words", test_vanished_session_keeps_words);
  g_test_add_func ("/nothing-lost/delete-team-asks-and-undoes", test_delete_team_asks_and_undoes);
  g_test_add_func ("/nothing-lost/your-name-enter", test_your_name_enter);
  g_test_add_func ("/nothing-lost/welcome-focus", test_welcome_focus);
  g_test_add_func ("/nothing-lost/not-a-project-leaves-no-window", test_not_a_project_leaves_no_window);
  g_test_add_func ("/nothing-lost/new-project-in-documents", test_new_project_in_documents);
  status = test_run_app (app);
  remove_tree (config);
  g_free (documents);
  return status;
}
