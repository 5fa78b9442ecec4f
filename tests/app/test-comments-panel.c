/* test-comments-panel.c — the comments panel, in process: add, reply,
 * resolve, reopen, the empty state, read-only, and edits from elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-comments.h"
#include "tandem-comments-panel.h"
#include "tandem-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *node;
  GtkWidget     *window;
  GtkWidget     *panel;
  guint          changed;
} Fixture;

static gboolean
is_visible_to (GtkWidget *widget,
               GtkWidget *root)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    {
      if (!gtk_widget_get_visible (w))
        return FALSE;
      if (GTK_IS_EXPANDER (gtk_widget_get_parent (w)) &&
          w == gtk_expander_get_child (GTK_EXPANDER (gtk_widget_get_parent (w))) &&
          !gtk_expander_get_expanded (GTK_EXPANDER (gtk_widget_get_parent (w))))
        return FALSE;
      if (w == root)
        break;
    }
  return TRUE;
}

static gboolean
is_expander (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_EXPANDER (widget);
}

static GtkWidget *
find_shown (Fixture    *fixture,
            Match       match,
            const char *data)
{
  return find_widget (fixture->panel, match, data);
}

static gboolean
label_shown (Fixture    *fixture,
             const char *text)
{
  GtkWidget *label = find_widget (fixture->panel, is_label_text, text);

  return label != NULL && is_visible_to (label, fixture->panel);
}

static void
changed_cb (TandemCommentsPanel *panel,
            Fixture             *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *diagram = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-comments-panel-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "panel.tandem", NULL);
  fixture->project = tandem_project_create (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (fixture->project, "Ada Coach");
  {
    TandemField f[] = { { "name", tandem_value_text ("Willow Ward") } };
    team = insert_or_die (fixture->project, "team", f, 1);
  }
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (team) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    diagram = insert_or_die (fixture->project, "diagram", f, 2);
  }
  {
    TandemField f[] = {
      { "diagram_id", tandem_value_text (diagram) },
      { "kind", tandem_value_text ("change_idea") },
      { "title", tandem_value_text ("Safety huddle") },
    };
    fixture->node = insert_or_die (fixture->project, "node", f, 3);
  }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 380, 560);
  fixture->panel = tandem_comments_panel_new ();
  g_object_set (fixture->panel, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->panel);
  g_signal_connect (fixture->panel, "changed", G_CALLBACK (changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->project);
  remove_tree (fixture->dir);
  g_free (fixture->node);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
type_and_send (GtkWidget  *entry,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_conversation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) threads = NULL;
  GtkWidget *entry, *button, *reply_entry, *expander;
  TandemComment *thread;

  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (fixture->panel), fixture->project,
                                  "node", fixture->node);
  WAIT_FOR (gtk_widget_get_mapped (fixture->panel));

  /* Empty state */
  g_assert_true (label_shown (fixture, "No comments yet"));
  button = find_shown (fixture, is_button_labelled, "_Comment");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Add a comment by typing and pressing Enter */
  entry = find_shown (fixture, is_entry_with_placeholder, "Add a comment…");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Who runs it at weekends?");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (label_shown (fixture, "No comments yet"));
  g_assert_true (label_shown (fixture, "Who runs it at weekends?"));
  g_assert_true (label_shown (fixture, "Ada Coach"));
  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 1);
  g_clear_pointer (&threads, g_ptr_array_unref);

  /* Reply: the reply box opens, Enter sends */
  button = find_shown (fixture, is_button_labelled, "_Reply");
  g_assert_nonnull (button);
  reply_entry = find_shown (fixture, is_entry_with_placeholder, "Write a reply…");
  g_assert_false (is_visible_to (reply_entry, fixture->panel));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (is_visible_to (reply_entry, fixture->panel));
  tandem_project_set_author (fixture->project, "Sam Partner");
  type_and_send (reply_entry, "The nurse in charge.");
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_true (label_shown (fixture, "The nurse in charge."));
  g_assert_true (label_shown (fixture, "Sam Partner"));
  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  thread = threads->pdata[0];
  g_assert_cmpuint (thread->replies->len, ==, 1);
  g_assert_cmpstr (((TandemComment *) thread->replies->pdata[0])->author, ==, "Sam Partner");
  g_clear_pointer (&threads, g_ptr_array_unref);
  /* the reply box closes once sent */
  reply_entry = find_shown (fixture, is_entry_with_placeholder, "Write a reply…");
  g_assert_false (is_visible_to (reply_entry, fixture->panel));

  /* A second thread, then resolve the first: it folds away */
  entry = find_shown (fixture, is_entry_with_placeholder, "Add a comment…");
  type_and_send (entry, "Could patients lead one?");
  g_assert_cmpuint (fixture->changed, ==, 3);
  WAIT_FOR (gtk_widget_get_width (fixture->panel) > 0);
  save_screenshot_now (fixture->window, "comments-panel-open.png");

  button = find_shown (fixture, is_button_labelled, "Re_solve");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (fixture->changed, ==, 4);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 1);
  expander = find_shown (fixture, is_expander, NULL);
  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_false (label_shown (fixture, "Who runs it at weekends?"));
  g_assert_false (label_shown (fixture, "The nurse in charge."));
  g_assert_true (label_shown (fixture, "Could patients lead one?"));
  g_assert_true (g_str_has_prefix (gtk_expander_get_label (GTK_EXPANDER (expander)),
                                   "Resolved — Ada Coach: Who runs it"));

  /* Unfold and reopen */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_true (label_shown (fixture, "Who runs it at weekends?"));
  WAIT_FOR (gtk_widget_get_width (expander) > 0);
  save_screenshot_now (fixture->window, "comments-panel-resolved.png");
  button = find_shown (fixture, is_button_labelled, "Re_open");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (fixture->changed, ==, 5);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 2);
  g_assert_null (find_shown (fixture, is_expander, NULL));
  g_assert_true (label_shown (fixture, "Who runs it at weekends?"));

  /* Undo (from the window, say) is followed without a "changed" from the panel */
  g_assert_true (tandem_project_undo (fixture->project, NULL));
  g_assert_nonnull (find_shown (fixture, is_expander, NULL));
  g_assert_cmpuint (fixture->changed, ==, 5);

  /* An empty comment is never sent */
  entry = find_shown (fixture, is_entry_with_placeholder, "Add a comment…");
  type_and_send (entry, "   ");
  g_assert_cmpuint (fixture->changed, ==, 5);
  g_assert_cmpint (tandem_project_count (fixture->project, "comment", NULL, NULL), ==, 3);
}

/* Another program writes a comment on the same file: the panel shows it
 * once the project notices (the window polls; here, poll by hand). */
static void
test_from_elsewhere (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) other = NULL;
  g_autofree char *id = NULL;

  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (fixture->panel), fixture->project,
                                  "node", fixture->node);
  g_assert_true (label_shown (fixture, "No comments yet"));

  other = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (other, "Lee Peer");
  id = tandem_comments_add (other, "node", fixture->node, "Seen from the other laptop", &error);
  g_assert_no_error (error);

  g_assert_true (tandem_project_poll (fixture->project));
  g_assert_true (label_shown (fixture, "Seen from the other laptop"));
  g_assert_true (label_shown (fixture, "Lee Peer"));
  g_assert_false (label_shown (fixture, "No comments yet"));
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Showing no item */
  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (fixture->panel), fixture->project,
                                  "node", NULL);
  g_assert_false (label_shown (fixture, "Seen from the other laptop"));
  g_assert_false (gtk_widget_get_sensitive (fixture->panel));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) reader = NULL;
  g_autofree char *id = NULL;
  GtkWidget *entry;

  id = tandem_comments_add (fixture->project, "node", fixture->node, "Read me", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  reader = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  if (!tandem_project_get_read_only (reader))
    {
      g_test_skip ("running with privileges that ignore file permissions");
      return;
    }
  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (fixture->panel), reader,
                                  "node", fixture->node);
  g_assert_true (label_shown (fixture, "Read me"));
  entry = find_shown (fixture, is_entry_with_placeholder, "Add a comment…");
  g_assert_false (is_visible_to (entry, fixture->panel));
  g_assert_false (is_visible_to (find_shown (fixture, is_button_labelled, "Re_solve"),
                                 fixture->panel));
  tandem_comments_panel_set_item (TANDEM_COMMENTS_PANEL (fixture->panel), NULL, "node", NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/comments-panel/conversation", Fixture, NULL, fixture_set_up,
              test_conversation, fixture_tear_down);
  g_test_add ("/comments-panel/from-elsewhere", Fixture, NULL, fixture_set_up,
              test_from_elsewhere, fixture_tear_down);
  g_test_add ("/comments-panel/read-only", Fixture, NULL, fixture_set_up,
              test_read_only, fixture_tear_down);

  return g_test_run ();
}
