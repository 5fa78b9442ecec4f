/* test-comments.c — comment threads: adding, replying, resolving, counting,
 * undo and attribution through the change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-comments.h"
#include "tandem-project-private.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *node;
  char          *other_node;
  char          *measure;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *team = NULL;
  g_autofree char *diagram = NULL;

  fixture->project = create_project_in_tmp ("tandem-comments-XXXXXX", "comments.tandem",
                                           &fixture->dir, &fixture->path);
  tandem_project_set_author (fixture->project, "Ada Coach");

  team = add_team_or_die (fixture->project, "Willow Ward");
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (team) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    diagram = insert_or_die (fixture->project, "diagram", f, G_N_ELEMENTS (f));
  }
  {
    TandemField f[] = {
      { "diagram_id", tandem_value_text (diagram) },
      { "kind", tandem_value_text ("change_idea") },
      { "title", tandem_value_text ("Safety huddle") },
    };
    fixture->node = insert_or_die (fixture->project, "node", f, G_N_ELEMENTS (f));
    f[2].value = tandem_value_text ("Sensory room");
    fixture->other_node = insert_or_die (fixture->project, "node", f, G_N_ELEMENTS (f));
  }
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (team) },
      { "name", tandem_value_text ("Restraints a week") },
    };
    fixture->measure = tandem_project_insert (fixture->project, "measure", f,
                                              G_N_ELEMENTS (f), NULL);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->node);
  g_free (fixture->other_node);
  g_free (fixture->measure);
}

static void
changed_cb (TandemProject *project,
            const char    *entity,
            gpointer       user_data)
{
  guint *count = user_data;

  if (g_strcmp0 (entity, "comment") == 0)
    (*count)++;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reply1 = NULL;
  g_autofree char *reply2 = NULL;
  TandemComment *thread;
  guint changes = 0;

  g_signal_connect (fixture->project, "changed", G_CALLBACK (changed_cb), &changes);

  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 0);
  g_clear_pointer (&threads, g_ptr_array_unref);

  first = tandem_comments_add (fixture->project, "node", fixture->node,
                               "  Who runs the huddle at weekends?\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpuint (changes, ==, 1);

  tandem_project_set_author (fixture->project, "Sam Partner");
  reply1 = tandem_comments_reply (fixture->project, first, "The nurse in charge.", &error);
  g_assert_no_error (error);
  tandem_project_set_author (fixture->project, "Ada Coach");
  reply2 = tandem_comments_reply (fixture->project, first, "Thanks — agreed.", &error);
  g_assert_no_error (error);
  second = tandem_comments_add (fixture->project, "node", fixture->node,
                                "Could patients lead one?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);

  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 2);
  thread = threads->pdata[0];
  g_assert_cmpstr (thread->id, ==, first);
  g_assert_cmpstr (thread->entity, ==, "node");
  g_assert_cmpstr (thread->entity_id, ==, fixture->node);
  g_assert_null (thread->parent_id);
  g_assert_cmpstr (thread->author, ==, "Ada Coach");
  /* stored trimmed */
  g_assert_cmpstr (thread->text, ==, "Who runs the huddle at weekends?");
  g_assert_nonnull (thread->created_at);
  g_assert_true (g_str_has_suffix (thread->created_at, "Z"));
  g_assert_false (thread->resolved);
  g_assert_cmpuint (thread->replies->len, ==, 2);
  g_assert_cmpstr (((TandemComment *) thread->replies->pdata[0])->id, ==, reply1);
  g_assert_cmpstr (((TandemComment *) thread->replies->pdata[0])->author, ==, "Sam Partner");
  g_assert_cmpstr (((TandemComment *) thread->replies->pdata[0])->parent_id, ==, first);
  g_assert_cmpstr (((TandemComment *) thread->replies->pdata[1])->text, ==, "Thanks — agreed.");
  g_assert_cmpuint (((TandemComment *) thread->replies->pdata[0])->replies->len, ==, 0);
  thread = threads->pdata[1];
  g_assert_cmpstr (thread->id, ==, second);
  g_assert_cmpuint (thread->replies->len, ==, 0);
  g_clear_pointer (&threads, g_ptr_array_unref);

  /* Another item's threads are its own. */
  threads = tandem_comments_list (fixture->project, "node", fixture->other_node);
  g_assert_cmpuint (threads->len, ==, 0);
  g_clear_pointer (&threads, g_ptr_array_unref);

  g_signal_handlers_disconnect_by_func (fixture->project, changed_cb, &changes);
}

static void
test_resolve_and_count (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *reply = NULL;

  a = tandem_comments_add (fixture->project, "node", fixture->node, "One", &error);
  g_assert_no_error (error);
  b = tandem_comments_add (fixture->project, "node", fixture->node, "Two", &error);
  g_assert_no_error (error);
  c = tandem_comments_add (fixture->project, "node", fixture->other_node, "Three", &error);
  g_assert_no_error (error);
  reply = tandem_comments_reply (fixture->project, a, "A reply is not a thread", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 2);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->other_node), ==, 1);

  g_assert_true (tandem_comments_set_resolved (fixture->project, a, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 1);

  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_true (((TandemComment *) threads->pdata[0])->resolved);
  g_assert_false (((TandemComment *) threads->pdata[1])->resolved);
  g_clear_pointer (&threads, g_ptr_array_unref);

  counts = tandem_comments_open_counts (fixture->project, "node");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, fixture->node)), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, fixture->other_node)), ==, 1);
  g_clear_pointer (&counts, g_hash_table_unref);

  /* Resolving what is resolved changes nothing, and is not an undo step. */
  g_assert_true (tandem_comments_set_resolved (fixture->project, a, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *label = tandem_project_dup_undo_label (fixture->project);
    g_assert_cmpstr (label, ==, "Resolve comment");
  }

  /* Reopen */
  g_assert_true (tandem_comments_set_resolved (fixture->project, a, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 2);

  /* All resolved: the item is absent from the counts */
  g_assert_true (tandem_comments_set_resolved (fixture->project, c, TRUE, &error));
  counts = tandem_comments_open_counts (fixture->project, "node");
  g_assert_false (g_hash_table_contains (counts, fixture->other_node));
  g_clear_pointer (&counts, g_hash_table_unref);

  /* A reply cannot be resolved on its own. */
  g_assert_false (tandem_comments_set_resolved (fixture->project, reply, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_undo_and_attribution (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *id = NULL;
  g_autofree char *added_by = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = _tandem_project_get_db (fixture->project);

  tandem_project_set_author (fixture->project, "Sam Partner");
  id = tandem_comments_add (fixture->project, "measure", fixture->measure,
                            "Should this count seclusion too?", &error);
  g_assert_no_error (error);

  /* Logged in the change log, credited to its author */
  added_by = tandem_project_dup_added_by (fixture->project, id);
  g_assert_cmpstr (added_by, ==, "Sam Partner");
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT t.label, t.author FROM change_log l "
                                       "JOIN change_txn t ON t.id = l.txn "
                                       "WHERE l.entity = 'comment' AND l.entity_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Add comment");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Sam Partner");
  sqlite3_finalize (stmt);

  label = tandem_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (label, ==, "Add comment");

  /* Undo takes it away; redo brings it back with the same id. */
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  threads = tandem_comments_list (fixture->project, "measure", fixture->measure);
  g_assert_cmpuint (threads->len, ==, 0);
  g_clear_pointer (&threads, g_ptr_array_unref);

  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  threads = tandem_comments_list (fixture->project, "measure", fixture->measure);
  g_assert_cmpuint (threads->len, ==, 1);
  g_assert_cmpstr (((TandemComment *) threads->pdata[0])->id, ==, id);
  g_clear_pointer (&threads, g_ptr_array_unref);

  /* Resolving is undone too. */
  g_assert_true (tandem_comments_set_resolved (fixture->project, id, TRUE, &error));
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->measure), ==, 0);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->measure), ==, 1);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *thread = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *long_text = NULL;
  char *id;

  id = tandem_comments_add (fixture->project, "node", fixture->node, "   \n\t ", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  id = tandem_comments_add (fixture->project, "team", fixture->node, "Hello", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  id = tandem_comments_add (fixture->project, "node", "no-such-node", "Hello", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  long_text = g_strnfill (20001, 'x');
  id = tandem_comments_add (fixture->project, "node", fixture->node, long_text, &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  id = tandem_comments_reply (fixture->project, "no-such-comment", "Hello", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Replies hang off threads only: a reply to a reply is refused. */
  thread = tandem_comments_add (fixture->project, "node", fixture->node, "Thread", &error);
  g_assert_no_error (error);
  reply = tandem_comments_reply (fixture->project, thread, "Reply", &error);
  g_assert_no_error (error);
  id = tandem_comments_reply (fixture->project, reply, "Reply to reply", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing refused reached the file. */
  g_assert_cmpint (tandem_project_count (fixture->project, "comment", NULL, NULL), ==, 2);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) reader = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *thread = NULL;
  char *id;

  thread = tandem_comments_add (fixture->project, "node", fixture->node, "Kept", &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  reader = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  if (!tandem_project_get_read_only (reader))
    {
      g_chmod (fixture->path, 0644);
      g_test_skip ("running with privileges that ignore file permissions");
      return;
    }
  threads = tandem_comments_list (reader, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 1);
  id = tandem_comments_add (reader, "node", fixture->node, "Not kept", &error);
  g_assert_null (id);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (tandem_comments_set_resolved (reader, thread, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY);
  g_chmod (fixture->path, 0644);
}

/* A file from elsewhere may hold replies whose thread is gone, or replies to
 * replies; they are left out rather than shown in the wrong place. */
static void
test_untrusted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *thread = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = _tandem_project_get_db (fixture->project);

  thread = tandem_comments_add (fixture->project, "node", fixture->node, "Thread", &error);
  g_assert_no_error (error);
  reply = tandem_comments_reply (fixture->project, thread, "Reply", &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("PRAGMA foreign_keys = OFF;"
                         "INSERT INTO comment (id, entity, entity_id, parent_id, author, text,"
                         " created_at) VALUES ('orphan', 'node', '%s', 'gone', 'X', 'Orphan',"
                         " '2026-01-01T00:00:00Z'),"
                         " ('deep', 'node', '%s', '%s', 'X', 'Deep', '2026-01-01T00:00:00Z');"
                         "PRAGMA foreign_keys = ON;",
                         fixture->node, fixture->node, reply);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 1);
  g_assert_cmpuint (((TandemComment *) threads->pdata[0])->replies->len, ==, 1);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 1);
}

/* A file another program holds: the thread list and the counts, which have
 * no error to give, log that the file is locked (they used to give a short
 * list or none without a word); adding a comment fails as locked; all work
 * once it is let go. The logging is checked from a subprocess, where a
 * warning does not stop the run. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  sqlite3 *other = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*Could not read comments: *comments.tandem* is locked*"
                                 "*WARNING*Could not count comments: *is locked*"
                                 "*WARNING*Could not count comments: *is locked*");
      return;
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  reopen_impatient (&fixture->project, fixture->path, 150);
  first = tandem_comments_add (fixture->project, "node", fixture->node, "First", &error);
  g_assert_no_error (error);

  other = hold_write_lock (fixture->path);

  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 0);
  g_clear_pointer (&threads, g_ptr_array_unref);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 0);
  counts = tandem_comments_open_counts (fixture->project, "node");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_clear_pointer (&counts, g_hash_table_unref);

  g_assert_null (tandem_comments_add (fixture->project, "node", fixture->node, "Second", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  release_write_lock (other);

  second = tandem_comments_add (fixture->project, "node", fixture->node, "Second", &error);
  g_assert_no_error (error);
  threads = tandem_comments_list (fixture->project, "node", fixture->node);
  g_assert_cmpuint (threads->len, ==, 2);
  g_assert_cmpuint (tandem_comments_count_open (fixture->project, fixture->node), ==, 2);
  counts = tandem_comments_open_counts (fixture->project, "node");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, fixture->node)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comments/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);
  g_test_add ("/comments/threads", Fixture, NULL, fixture_set_up, test_threads,
              fixture_tear_down);
  g_test_add ("/comments/resolve-and-count", Fixture, NULL, fixture_set_up,
              test_resolve_and_count, fixture_tear_down);
  g_test_add ("/comments/undo-and-attribution", Fixture, NULL, fixture_set_up,
              test_undo_and_attribution, fixture_tear_down);
  g_test_add ("/comments/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/comments/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/comments/untrusted", Fixture, NULL, fixture_set_up, test_untrusted,
              fixture_tear_down);

  return g_test_run ();
}
