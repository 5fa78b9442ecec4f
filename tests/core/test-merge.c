/* test-merge.c — merging copies, conflicts, two writers on one file, format 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tandem-measure.h"
#include "tandem-merge.h"
#include "tandem-merge-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-table-import.h"
#include "tandem-test-core-util.h"

static const char *self_exe;

typedef struct
{
  char *dir;
  char *mine;    /* "Ward 4.tandem" */
  char *theirs;  /* "Ward 4 (Sam's copy).tandem" */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-merge-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->mine = g_build_filename (fixture->dir, "Ward 4.tandem", NULL);
  fixture->theirs = g_build_filename (fixture->dir, "Ward 4 (Sam's copy).tandem", NULL);
  tandem_project_set_default_busy_timeout (5000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  free_tmp (&fixture->dir, &fixture->mine);
  g_free (fixture->theirs);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static char *
add_team (TandemProject *project,
          const char    *name)
{
  TandemField fields[] = { { "name", tandem_value_text (name) } };
  return insert_or_die (project, "team", fields, G_N_ELEMENTS (fields));
}

static char *
add_person (TandemProject *project,
            const char    *team,
            const char    *name)
{
  TandemField fields[] = {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text (name) },
  };
  return insert_or_die (project, "person", fields, G_N_ELEMENTS (fields));
}

static void
update (TandemProject *project,
        const char    *entity,
        const char    *id,
        const char    *field,
        const char    *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_project_update (project, entity, id, field, tandem_value_text (text), &error));
  g_assert_no_error (error);
}

static TandemProject *
open_project (const char *path,
              const char *author)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = tandem_project_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  tandem_project_set_author (project, author);
  return project;
}

/* Mine with a team of two, and theirs saved from it. */
static TandemProject *
make_pair (Fixture  *fixture,
           char    **team,
           char    **person_a,
           char    **person_b)
{
  g_autoptr(GError) error = NULL;
  TandemProject *mine = tandem_project_create (fixture->mine, &error);

  g_assert_no_error (error);
  tandem_project_set_author (mine, "Ada Coach");
  *team = add_team (mine, "Ward 4");
  *person_a = add_person (mine, *team, "Priya");
  *person_b = add_person (mine, *team, "Tom");
  g_assert_true (tandem_project_save_copy (mine, fixture->theirs, &error));
  g_assert_no_error (error);
  return mine;
}

static gboolean
merge (TandemProject      *mine,
       const char         *theirs,
       TandemMergeSummary *summary)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = tandem_project_merge (mine, theirs, summary, &error);

  g_assert_no_error (error);
  return ok;
}

/* Every row of every entity as "entity id column" → quoted value. */
static GHashTable *
dump_rows (TandemProject *project)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char * const *names = tandem_schema_list_entities ();
  sqlite3 *db = _tandem_project_get_db (project);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const TandemEntity *entity = tandem_schema_lookup (names[i]);
      g_autoptr(GString) sql = g_string_new ("SELECT id");
      sqlite3_stmt *stmt = NULL;

      for (guint c = 1; c < entity->columns->len; c++)
        g_string_append_printf (sql, ", quote (%s)", (char *) entity->columns->pdata[c]);
      g_string_append_printf (sql, " FROM %s", entity->name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *id = (const char *) sqlite3_column_text (stmt, 0);

          g_hash_table_insert (rows, g_strdup_printf ("%s %s", entity->name, id), g_strdup ("row"));
          for (guint c = 1; c < entity->columns->len; c++)
            g_hash_table_insert (rows, g_strdup_printf ("%s %s %s", entity->name, id,
                                                        (char *) entity->columns->pdata[c]),
                                 g_strdup ((const char *) sqlite3_column_text (stmt, c)));
        }
      sqlite3_finalize (stmt);
    }
  return rows;
}

static GHashTable *
conflict_keys (TandemProject *project)
{
  g_autoptr(GPtrArray) conflicts = tandem_project_list_conflicts (project);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      TandemConflict *c = conflicts->pdata[i];
      g_hash_table_add (keys, g_strdup_printf ("%s %s %s", c->entity, c->entity_id, c->field));
    }
  return keys;
}

/* Same rows and values in both, except fields in @skip. Returns how many
 * values were compared. */
static guint
assert_same_rows (GHashTable *a,
                  GHashTable *b,
                  GHashTable *skip)
{
  GHashTableIter iter;
  gpointer key, value;
  guint compared = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (skip && g_hash_table_contains (skip, key))
        continue;
      if (!g_hash_table_contains (b, key))
        g_error ("%s is only on one side", (char *) key);
      if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
        g_error ("%s differs: %s / %s", (char *) key, (char *) value,
                 (char *) g_hash_table_lookup (b, key));
      compared++;
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (a, key))
      g_error ("%s is only on one side", (char *) key);
  return compared;
}

/* Undoes (or redoes) the merge at the top of the stack, checking its name. */
static void
undo_redo (TandemProject *project,
           gboolean       undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = undo ? tandem_project_dup_undo_label (project)
                                : tandem_project_dup_redo_label (project);

  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (label, "Merge of "));
  if (undo)
    g_assert_true (tandem_project_undo (project, &error));
  else
    g_assert_true (tandem_project_redo (project, &error));
  g_assert_no_error (error);
}

static void
assert_same_keys (GHashTable *a,
                  GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      g_error ("%s is only on one side", (char *) key);
}

/* ------------------------------------------------------------------------ */

static void
test_basic (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL, *ward5 = NULL, *sentence = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autofree char *added_by = NULL;
  TandemMergeSummary summary;
  sqlite3_stmt *stmt = NULL;

  ward5 = add_team (theirs, "Ward 5");
  update (theirs, "team", team, "ward", "Ground floor");
  g_assert_true (tandem_project_delete (theirs, "person", tom, NULL));
  update (mine, "person", priya, "role", "lived_experience_partner");
  g_clear_object (&theirs);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 3);
  g_assert_cmpuint (summary.inserted, ==, 1);
  g_assert_cmpuint (summary.updated, ==, 1);
  g_assert_cmpuint (summary.deleted, ==, 1);
  g_assert_cmpuint (summary.conflicts, ==, 0);
  g_assert_cmpuint (summary.already_present, >=, 4);

  assert_text (mine, "team", ward5, "name", "Ward 5");
  assert_text (mine, "team", team, "ward", "Ground floor");
  g_assert_false (tandem_project_exists (mine, "person", tom));
  assert_text (mine, "person", priya, "role", "lived_experience_partner");

  /* Attribution survives: who added it, and each change's own author. */
  added_by = tandem_project_dup_added_by (mine, ward5);
  g_assert_cmpstr (added_by, ==, "Sam Peer");
  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (mine),
                                       "SELECT count(*), count(DISTINCT author) FROM change_txn "
                                       "WHERE merged_at IS NOT NULL AND author = 'Sam Peer'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
  sqlite3_finalize (stmt);

  /* The merge is this person's to undo, as one change; the changes it
   * brought in are not undone one by one. */
  {
    g_autofree char *label = tandem_project_dup_undo_label (mine);
    g_assert_cmpstr (label, ==, "Merge of Ward 4 (Sam's copy)");
  }
  g_clear_object (&mine);
  mine = open_project (fixture->mine, "Sam Peer");
  g_assert_false (tandem_project_can_undo (mine));

  sentence = tandem_merge_summary_describe (&summary);
  g_assert_cmpstr (sentence, ==, "3 changes came in from the other copy: 1 item added, "
                                 "1 field changed, 1 item deleted.");
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);
}

/* A merge is undone, and redone, as one change, with its conflicts; after
 * undoing it this copy no longer has their changes, so merging again brings
 * them in; and the undo stays this copy's own. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL, *ward5 = NULL, *jo = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autoptr(GHashTable) before = NULL, after = NULL, rows = NULL;
  g_autoptr(GError) error = NULL;
  TandemMergeSummary summary, again;

  ward5 = add_team (theirs, "Ward 5");
  update (theirs, "team", team, "ward", "Ground floor");
  update (theirs, "person", priya, "name", "Priya S");
  g_assert_true (tandem_project_delete (theirs, "person", tom, NULL));
  update (mine, "person", priya, "name", "Priya Shah");
  jo = add_person (mine, team, "Jo");
  g_clear_object (&theirs);

  before = dump_rows (mine);
  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 4);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  after = dump_rows (mine);

  /* Undo: everything as before the merge, and no conflict. */
  g_assert_true (tandem_project_undo (mine, &error));
  g_assert_no_error (error);
  rows = dump_rows (mine);
  assert_same_rows (before, rows, NULL);
  g_clear_pointer (&rows, g_hash_table_unref);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 0);
  g_assert_false (tandem_project_exists (mine, "team", ward5));
  g_assert_true (tandem_project_exists (mine, "person", tom));
  {
    g_autofree char *redo = tandem_project_dup_redo_label (mine);
    g_autofree char *undo = tandem_project_dup_undo_label (mine);
    g_assert_cmpstr (redo, ==, "Merge of Ward 4 (Sam's copy)");
    g_assert_cmpstr (undo, ==, "Add person");
  }

  /* Redo: as after, with the conflict back; and it survives reopening. */
  g_assert_true (tandem_project_redo (mine, &error));
  g_assert_no_error (error);
  rows = dump_rows (mine);
  assert_same_rows (after, rows, NULL);
  g_clear_pointer (&rows, g_hash_table_unref);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 1);
  g_clear_object (&mine);
  mine = open_project (fixture->mine, "Ada Coach");
  {
    g_autofree char *undo = tandem_project_dup_undo_label (mine);
    g_assert_cmpstr (undo, ==, "Merge of Ward 4 (Sam's copy)");
  }
  g_assert_true (tandem_project_undo (mine, &error));
  g_assert_no_error (error);
  rows = dump_rows (mine);
  assert_same_rows (before, rows, NULL);
  g_clear_pointer (&rows, g_hash_table_unref);

  /* Merging the same copy again brings it all back, as the first time. */
  g_assert_true (merge (mine, fixture->theirs, &again));
  g_assert_cmpuint (again.transactions, ==, summary.transactions);
  g_assert_cmpuint (again.conflicts, ==, 1);
  rows = dump_rows (mine);
  assert_same_rows (after, rows, NULL);
  g_clear_pointer (&rows, g_hash_table_unref);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 1);
  g_assert_true (merge (mine, fixture->theirs, &again));
  g_assert_cmpuint (again.transactions, ==, 0);

  /* Theirs, merging mine after an undo, keeps its own work: the undo took
   * the merge back here only. */
  g_assert_true (tandem_project_undo (mine, &error));
  g_assert_no_error (error);
  g_clear_object (&mine);
  theirs = open_project (fixture->theirs, "Sam Peer");
  g_assert_true (merge (theirs, fixture->mine, &again));
  g_assert_true (tandem_project_exists (theirs, "team", ward5));
  g_assert_false (tandem_project_exists (theirs, "person", tom));
  g_assert_true (tandem_project_exists (theirs, "person", jo));
  assert_text (theirs, "team", team, "ward", "Ground floor");
  g_assert_cmpuint (again.deleted, ==, 0);
  sentence = tandem_merge_summary_describe (&again);
  g_assert_null (strstr (sentence, "private"));
  g_clear_object (&theirs);
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);
  g_assert_cmpint (tandem_project_check_file (fixture->theirs, NULL), ==, TANDEM_CHECK_GOOD);
}

static void
test_idempotent (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL, *sentence = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *other = NULL;
  TandemMergeSummary summary;

  other = add_person (theirs, team, "Jo");
  update (theirs, "person", priya, "name", "Priya S");
  update (mine, "person", priya, "name", "Priya Shah");
  g_clear_object (&theirs);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 2);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  before = dump_rows (mine);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 0);
  g_assert_cmpuint (summary.inserted + summary.updated + summary.deleted + summary.conflicts, ==, 0);
  g_assert_cmpuint (summary.already_present, >, 0);
  after = dump_rows (mine);
  assert_same_rows (before, after, NULL);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 1);
  sentence = tandem_merge_summary_describe (&summary);
  g_assert_nonnull (strstr (sentence, "Nothing new"));
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = g_build_filename (fixture->dir, "mine before.tandem", NULL);
  TandemMergeSummary summary;
  TandemConflict *c;

  update (theirs, "team", team, "name", "Ward 4 (Larches)");
  update (theirs, "team", team, "organisation", "North Trust");
  update (mine, "team", team, "name", "Larches Ward");
  copy_file (fixture->mine, snapshot);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.conflicts, ==, 1);
  g_assert_cmpuint (summary.updated, ==, 1);
  assert_text (mine, "team", team, "name", "Larches Ward");
  assert_text (mine, "team", team, "organisation", "North Trust");

  conflicts = tandem_project_list_conflicts (mine);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->entity, ==, "team");
  g_assert_cmpstr (c->entity_id, ==, team);
  g_assert_cmpstr (c->field, ==, "name");
  g_assert_cmpstr (c->mine_value, ==, "Larches Ward");
  g_assert_cmpstr (c->theirs_value, ==, "Ward 4 (Larches)");
  g_assert_cmpstr (c->mine_author, ==, "Ada Coach");
  g_assert_cmpstr (c->theirs_author, ==, "Sam Peer");
  g_assert_cmpstr (c->source, ==, "merge");
  g_assert_cmpstr (c->item_label, ==, "Larches Ward");
  g_assert_nonnull (c->theirs_at);

  /* The other way round keeps the conflict too, with theirs in place. */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  theirs = open_project (fixture->theirs, "Sam Peer");
  g_assert_true (merge (theirs, snapshot, &summary));
  g_assert_cmpuint (summary.conflicts, ==, 1);
  assert_text (theirs, "team", team, "name", "Ward 4 (Larches)");
  conflicts = tandem_project_list_conflicts (theirs);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->mine_value, ==, "Ward 4 (Larches)");
  g_assert_cmpstr (c->theirs_value, ==, "Larches Ward");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Choosing theirs is an ordinary change: logged, undoable; the conflict goes. */
  conflicts = tandem_project_list_conflicts (mine);
  c = conflicts->pdata[0];
  g_assert_true (tandem_project_resolve_conflict (mine, c->id, TRUE, &error));
  g_assert_no_error (error);
  assert_text (mine, "team", team, "name", "Ward 4 (Larches)");
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 0);
  g_assert_false (tandem_project_resolve_conflict (mine, c->id, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_project_undo (mine, &error));
  g_assert_no_error (error);
  assert_text (mine, "team", team, "name", "Larches Ward");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Keeping mine leaves the value and clears the conflict. */
  conflicts = tandem_project_list_conflicts (theirs);
  c = conflicts->pdata[0];
  g_assert_true (tandem_project_resolve_conflict (theirs, c->id, FALSE, &error));
  g_assert_no_error (error);
  assert_text (theirs, "team", team, "name", "Ward 4 (Larches)");
  g_assert_cmpuint (tandem_project_count_conflicts (theirs), ==, 0);
}

static void
test_deletes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL, *jo = NULL, *node = NULL;
  g_autofree char *diagram = NULL, *other_team = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = NULL;
  g_autofree char *snapshot = g_build_filename (fixture->dir, "mine before.tandem", NULL);
  TandemMergeSummary summary;

  other_team = add_team (mine, "Ward 6");
  {
    TandemField d[] = { { "team_id", tandem_value_text (other_team) },
                        { "name", tandem_value_text ("Ward 6 diagram") } };
    diagram = insert_or_die (mine, "diagram", d, G_N_ELEMENTS (d));
  }
  g_assert_true (tandem_project_save_copy (mine, fixture->theirs, NULL));
  theirs = open_project (fixture->theirs, "Sam Peer");

  /* Theirs deletes the team; mine meanwhile edits one of its people and adds
   * another, and credits a new idea to Priya. */
  g_assert_true (tandem_project_delete (theirs, "team", team, NULL));
  update (mine, "person", priya, "name", "Priya Shah");
  jo = add_person (mine, team, "Jo");
  {
    TandemField n[] = { { "diagram_id", tandem_value_text (diagram) },
                        { "kind", tandem_value_text ("change_idea") },
                        { "title", tandem_value_text ("Protected mealtimes") },
                        { "proposed_by", tandem_value_text (priya) } };
    node = insert_or_die (mine, "node", n, G_N_ELEMENTS (n));
  }
  copy_file (fixture->mine, snapshot);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_false (tandem_project_exists (mine, "team", team));
  g_assert_false (tandem_project_exists (mine, "person", priya));
  g_assert_false (tandem_project_exists (mine, "person", tom));
  g_assert_false (tandem_project_exists (mine, "person", jo));
  assert_text (mine, "node", node, "proposed_by", NULL);
  assert_text (mine, "node", node, "title", "Protected mealtimes");

  /* And the other way: mine's edits to what theirs deleted are dropped, and
   * the new idea arrives with its reference to the deleted person cleared. */
  g_assert_true (merge (theirs, snapshot, &summary));
  g_assert_false (tandem_project_exists (theirs, "person", priya));
  g_assert_false (tandem_project_exists (theirs, "person", jo));
  assert_text (theirs, "node", node, "title", "Protected mealtimes");
  assert_text (theirs, "node", node, "proposed_by", NULL);
  g_assert_cmpuint (summary.conflicts, ==, 0);

  {
    g_autoptr(GHashTable) a = dump_rows (mine);
    g_autoptr(GHashTable) b = dump_rows (theirs);
    assert_same_rows (a, b, NULL);
  }
}

/* ------------------------------------------------------------------------ */
/* Generated edit histories                                                 */

static const char *
pick (GRand     *rand,
      GPtrArray *ids)
{
  if (ids->len == 0)
    return NULL;
  return ids->pdata[g_rand_int_range (rand, 0, ids->len)];
}

/* One random edit: add, change, delete or undo; many aim at a few shared
 * items so that both copies often change the same field. */
static void
random_edit (TandemProject *project,
             GRand         *rand,
             const char    *side,
             guint          step,
             GPtrArray     *hot)
{
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (project, "team", NULL, NULL, NULL);
  g_autoptr(GPtrArray) people = tandem_project_list_ids (project, "person", NULL, NULL, NULL);
  g_autoptr(GPtrArray) diagrams = tandem_project_list_ids (project, "diagram", NULL, NULL, NULL);
  g_autoptr(GPtrArray) nodes = tandem_project_list_ids (project, "node", NULL, NULL, NULL);
  g_autofree char *text = g_strdup_printf ("%s %u %u", side, step, g_rand_int_range (rand, 0, 3));
  g_autoptr(GError) error = NULL;
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 25)
    {
      int kind = g_rand_int_range (rand, 0, 3);
      g_autofree char *id = NULL;

      if (kind == 0 || teams->len == 0)
        id = add_team (project, text);
      else if (kind == 1)
        id = add_person (project, pick (rand, teams), text);
      else if (diagrams->len > 0)
        {
          const char *person = g_rand_boolean (rand) ? pick (rand, people) : NULL;
          TandemField n[] = { { "diagram_id", tandem_value_text (pick (rand, diagrams)) },
                              { "kind", tandem_value_text ("change_idea") },
                              { "title", tandem_value_text (text) },
                              { "proposed_by", tandem_value_text (person) } };
          id = insert_or_die (project, "node", n, G_N_ELEMENTS (n));
        }
    }
  else if (roll < 75)
    {
      const char *id = g_rand_int_range (rand, 0, 2) == 0 ? pick (rand, hot) : NULL;
      int kind = g_rand_int_range (rand, 0, 3);

      if (id != NULL)
        {
          if (tandem_project_exists (project, "team", id))
            update (project, "team", id, g_rand_boolean (rand) ? "name" : "ward", text);
          else if (tandem_project_exists (project, "person", id))
            update (project, "person", id, "name", text);
          else if (tandem_project_exists (project, "node", id))
            update (project, "node", id, "title", text);
        }
      else if (kind == 0 && teams->len > 0)
        update (project, "team", pick (rand, teams), g_rand_boolean (rand) ? "name" : "organisation", text);
      else if (kind == 1 && people->len > 0)
        update (project, "person", pick (rand, people), "name", text);
      else if (nodes->len > 0)
        {
          const char *node = pick (rand, nodes);

          if (g_rand_boolean (rand) || people->len == 0)
            update (project, "node", node, "description", text);
          else
            update (project, "node", node, "proposed_by", pick (rand, people));
        }
    }
  else if (roll < 92)
    {
      int kind = g_rand_int_range (rand, 0, 10);

      if (kind < 4 && people->len > 0)
        g_assert_true (tandem_project_delete (project, "person", pick (rand, people), NULL));
      else if (kind < 9 && nodes->len > 0)
        g_assert_true (tandem_project_delete (project, "node", pick (rand, nodes), NULL));
      else if (teams->len > 1)
        g_assert_true (tandem_project_delete (project, "team", pick (rand, teams), NULL));
    }
  else if (tandem_project_can_undo (project))
    {
      g_assert_true (tandem_project_undo (project, &error));
      g_assert_no_error (error);
    }
}

/* Ids deleted by the copy's own changes and not there any more. */
static GPtrArray *
own_deletions (TandemProject *project)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (project),
                                       "SELECT DISTINCT l.entity, l.entity_id FROM change_log l "
                                       "JOIN change_txn t ON t.id = l.txn "
                                       "WHERE l.op = 'delete' AND t.replica = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, tandem_project_get_replica_id (project), -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *entity = (const char *) sqlite3_column_text (stmt, 0);
      const char *id = (const char *) sqlite3_column_text (stmt, 1);

      if (!tandem_project_exists (project, entity, id))
        g_ptr_array_add (ids, g_strdup_printf ("%s %s", entity, id));
    }
  sqlite3_finalize (stmt);
  return ids;
}

/* (origin, author, at, label) of every change, keyed by origin. */
static GHashTable *
txn_identities (TandemProject *project)
{
  GHashTable *txns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (project),
                                       "SELECT origin_replica || ' ' || origin_id, "
                                       "author || ' ' || at || ' ' || label FROM change_txn",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (txns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return txns;
}

static void
run_generated (Fixture *fixture,
               guint32  seed,
               guint    n_edits)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) a = NULL;
  g_autoptr(TandemProject) b = NULL;
  g_autoptr(GPtrArray) hot = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a_before = g_build_filename (fixture->dir, "a before.tandem", NULL);
  g_autofree char *b_before = g_build_filename (fixture->dir, "b before.tandem", NULL);
  g_autoptr(GHashTable) a_rows = NULL, b_rows = NULL, a_conflicts = NULL, b_conflicts = NULL;
  g_autoptr(GHashTable) skip = NULL, once_rows = NULL, pre_rows = NULL;
  g_autoptr(GHashTable) once_conflicts = NULL;
  guint pre_conflicts;
  g_autoptr(GHashTable) b_txns = NULL, a_txns = NULL;
  g_autoptr(GPtrArray) b_deleted = NULL, a_deleted = NULL;
  TandemMergeSummary ab, ba, again;
  GHashTableIter iter;
  gpointer key, value;
  guint compared;

  g_unlink (fixture->mine);
  g_unlink (fixture->theirs);
  g_unlink (a_before);
  g_unlink (b_before);
  a = tandem_project_create (fixture->mine, &error);
  g_assert_no_error (error);
  tandem_project_set_author (a, "Ann Lead");
  tandem_project_begin (a, "Set up", NULL);
  for (guint t = 0; t < 3; t++)
    {
      g_autofree char *name = g_strdup_printf ("Team %u", t);
      char *team = add_team (a, name);
      TandemField d[] = { { "team_id", tandem_value_text (team) },
                          { "name", tandem_value_text (name) } };
      g_autofree char *diagram = insert_or_die (a, "diagram", d, G_N_ELEMENTS (d));

      g_ptr_array_add (hot, team);
      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *person_name = g_strdup_printf ("Person %u.%u", t, p);
          char *person = add_person (a, team, person_name);
          TandemField n[] = { { "diagram_id", tandem_value_text (diagram) },
                              { "kind", tandem_value_text ("change_idea") },
                              { "title", tandem_value_text (person_name) },
                              { "proposed_by", tandem_value_text (person) } };

          g_ptr_array_add (hot, person);
          g_ptr_array_add (hot, insert_or_die (a, "node", n, G_N_ELEMENTS (n)));
        }
    }
  g_assert_true (tandem_project_commit (a, &error));
  g_assert_true (tandem_project_save_copy (a, fixture->theirs, &error));
  g_assert_no_error (error);
  b = open_project (fixture->theirs, "Bea Partner");

  for (guint i = 0; i < n_edits; i++)
    {
      random_edit (a, rand, "A", i, hot);
      random_edit (b, rand, "B", i, hot);
    }
  b_deleted = own_deletions (b);
  a_deleted = own_deletions (a);
  b_txns = txn_identities (b);
  a_txns = txn_identities (a);
  copy_file (fixture->mine, a_before);
  copy_file (fixture->theirs, b_before);
  pre_rows = dump_rows (a);
  pre_conflicts = tandem_project_count_conflicts (a);

  /* A ← B and B ← A. */
  g_assert_true (merge (a, fixture->theirs, &ab));
  g_assert_true (merge (b, a_before, &ba));
  g_assert_cmpuint (ab.transactions, >, 0);
  g_assert_cmpuint (ba.transactions, >, 0);

  /* Order-independent: the same items and values, but for conflicted
   * fields, which each copy keeps both values of. */
  a_conflicts = conflict_keys (a);
  b_conflicts = conflict_keys (b);
  g_assert_cmpuint (g_hash_table_size (a_conflicts), ==, ab.conflicts);
  g_assert_cmpuint (g_hash_table_size (b_conflicts), ==, ba.conflicts);
  skip = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, a_conflicts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b_conflicts, key))
        g_error ("the conflict on %s is kept on one side only", (char *) key);
      g_hash_table_add (skip, key);
    }
  g_assert_cmpuint (g_hash_table_size (a_conflicts), ==, g_hash_table_size (b_conflicts));
  a_rows = dump_rows (a);
  b_rows = dump_rows (b);
  compared = assert_same_rows (a_rows, b_rows, skip);
  g_assert_cmpuint (compared, >, 100);

  /* Conflicts kept: both values listed, mine in place. */
  {
    g_autoptr(GPtrArray) conflicts = tandem_project_list_conflicts (a);

    for (guint i = 0; i < conflicts->len; i++)
      {
        TandemConflict *c = conflicts->pdata[i];
        g_autofree char *now = tandem_project_get_text (a, c->entity, c->entity_id, c->field);

        g_assert_cmpstr (c->mine_value, ==, now);
        g_assert_cmpstr (c->mine_value, !=, c->theirs_value);
        g_assert_cmpstr (c->mine_author, ==, "Ann Lead");
        g_assert_cmpstr (c->theirs_author, ==, "Bea Partner");
      }
  }

  /* Deletes honoured: nothing either copy deleted is back. */
  for (guint i = 0; i < b_deleted->len; i++)
    g_assert_false (g_hash_table_contains (a_rows, b_deleted->pdata[i]));
  for (guint i = 0; i < a_deleted->len; i++)
    g_assert_false (g_hash_table_contains (b_rows, a_deleted->pdata[i]));

  /* Attribution: every change keeps its author, time and name in the other copy. */
  {
    g_autoptr(GHashTable) a_after = txn_identities (a);

    g_hash_table_iter_init (&iter, b_txns);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpstr (g_hash_table_lookup (a_after, key), ==, value);
  }
  {
    g_autoptr(GHashTable) b_after = txn_identities (b);

    g_hash_table_iter_init (&iter, a_txns);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpstr (g_hash_table_lookup (b_after, key), ==, value);
  }

  /* Idempotent: the same copy again changes nothing. */
  once_rows = g_steal_pointer (&a_rows);
  g_assert_true (merge (a, fixture->theirs, &again));
  g_assert_cmpuint (again.transactions, ==, 0);
  a_rows = dump_rows (a);
  assert_same_rows (once_rows, a_rows, NULL);
  g_assert_cmpuint (tandem_project_count_conflicts (a), ==, ab.conflicts);

  /* Undone as one change: every row as before, and the merge's conflicts
   * gone; redone: as after; undone and merged again: as after the first. */
  once_conflicts = conflict_keys (a);
  undo_redo (a, TRUE);
  {
    g_autoptr(GHashTable) rows = dump_rows (a);
    assert_same_rows (pre_rows, rows, NULL);
  }
  g_assert_cmpuint (tandem_project_count_conflicts (a), ==, pre_conflicts);
  undo_redo (a, FALSE);
  {
    g_autoptr(GHashTable) rows = dump_rows (a);
    g_autoptr(GHashTable) keys = conflict_keys (a);
    assert_same_rows (once_rows, rows, NULL);
    assert_same_keys (once_conflicts, keys);
  }
  undo_redo (a, TRUE);
  g_assert_true (merge (a, b_before, &again));
  g_assert_cmpuint (again.transactions, ==, ab.transactions);
  g_assert_cmpuint (again.conflicts, ==, ab.conflicts);
  {
    g_autoptr(GHashTable) rows = dump_rows (a);
    g_autoptr(GHashTable) keys = conflict_keys (a);
    assert_same_rows (once_rows, rows, NULL);
    assert_same_keys (once_conflicts, keys);
  }
  /* B ← A once more: A's undo and the withdrawn changes stay A's own. */
  {
    g_autoptr(GHashTable) before_b = dump_rows (b);
    g_autoptr(GHashTable) after_b = NULL;
    TandemMergeSummary ba2;

    g_assert_true (merge (b, fixture->mine, &ba2));
    g_assert_cmpuint (ba2.inserted + ba2.updated + ba2.deleted, ==, 0);
    after_b = dump_rows (b);
    assert_same_rows (before_b, after_b, NULL);
  }

  g_clear_object (&a);
  g_clear_object (&b);
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);
  g_assert_cmpint (tandem_project_check_file (fixture->theirs, NULL), ==, TANDEM_CHECK_GOOD);
}

static void
test_generated (Fixture       *fixture,
                gconstpointer  data)
{
  guint conflicts_seen = 0;

  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_test_message ("seed %u", seed);
      run_generated (fixture, seed, 40);
      {
        g_autoptr(TandemProject) a = open_project (fixture->mine, "Ann Lead");
        conflicts_seen += tandem_project_count_conflicts (a);
      }
    }
  /* The histories are meant to collide: make sure they did. */
  g_assert_cmpuint (conflicts_seen, >, 0);
}

/* ------------------------------------------------------------------------ */
/* Refusals                                                                 */

static void
assert_merge_refused (TandemProject *mine,
                      const char    *theirs,
                      int            code,
                      const char    *words)
{
  g_autoptr(GBytes) mine_before = file_bytes (tandem_project_get_path (mine));
  g_autoptr(GBytes) theirs_before = g_file_test (theirs, G_FILE_TEST_EXISTS) ? file_bytes (theirs) : NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (theirs);
  TandemMergeSummary summary = { 7, 7, 7, 7, 7, 7 };

  g_assert_false (tandem_project_merge (mine, theirs, &summary, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, code);
  g_assert_nonnull (strstr (error->message, base));
  if (words)
    g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (summary.transactions + summary.inserted + summary.conflicts, ==, 0);
  after = file_bytes (tandem_project_get_path (mine));
  g_assert_true (g_bytes_equal (mine_before, after));
  if (theirs_before)
    {
      g_clear_pointer (&after, g_bytes_unref);
      after = file_bytes (theirs);
      g_assert_true (g_bytes_equal (theirs_before, after));
    }
}

static void
test_refuse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = g_build_filename (fixture->dir, "Ward 9.tandem", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "From the future.tandem", NULL);
  g_autofree char *corrupt = g_build_filename (fixture->dir, "Damaged.tandem", NULL);
  g_autofree char *notes = g_build_filename (fixture->dir, "Notes.tandem", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "Missing.tandem", NULL);
  sqlite3 *db = NULL;

  /* A project created separately shares no creating change. */
  other = tandem_project_create (foreign, &error);
  g_assert_no_error (error);
  g_free (add_team (other, "Ward 9"));
  g_clear_object (&other);
  assert_merge_refused (mine, foreign, TANDEM_PROJECT_ERROR_NOT_TANDEM, "not a copy");

  copy_file (fixture->theirs, newer);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_merge_refused (mine, newer, TANDEM_PROJECT_ERROR_TOO_NEW, "newer version");

  /* A copy with many pages, scribbled over in the middle. */
  other = open_project (fixture->theirs, "Sam Peer");
  tandem_project_begin (other, "Many", NULL);
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Team %u with a long enough name to fill pages", i);
      g_free (add_team (other, name));
    }
  g_assert_true (tandem_project_commit (other, NULL));
  g_clear_object (&other);
  copy_file (fixture->theirs, corrupt);
  {
    g_autoptr(GBytes) bytes = file_bytes (corrupt);
    gsize size;
    guint8 *scribbled = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);

    for (gsize i = size / 3; i < size / 3 + 4096 * 3; i++)
      scribbled[i] = (guint8) (i * 7919);
    g_file_set_contents (corrupt, (char *) scribbled, size, &error);
    g_assert_no_error (error);
    g_free (scribbled);
  }
  assert_merge_refused (mine, corrupt, TANDEM_PROJECT_ERROR_CORRUPT, "damaged");

  g_file_set_contents (notes, "Minutes of the ward meeting\n", -1, &error);
  g_assert_no_error (error);
  assert_merge_refused (mine, notes, TANDEM_PROJECT_ERROR_NOT_SQLITE, NULL);
  assert_merge_refused (mine, missing, TANDEM_PROJECT_ERROR_NOT_FOUND, NULL);
  assert_merge_refused (mine, fixture->mine, TANDEM_PROJECT_ERROR_INVALID, NULL);

  /* Nothing was merged along the way. */
  g_assert_cmpint (tandem_project_count (mine, "team", NULL, NULL), ==, 1);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Format 3                                                                 */

/* A project as the previous release (format 2) wrote it. */
static void
make_format_2 (const char *path,
               const char *team_id)
{
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpuint (n_steps, >=, 3);
  g_assert_cmpint (steps[1].version, ==, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1415671396", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 2, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO meta VALUES ('replica_id', 'old-replica');"
    "INSERT INTO change_txn (id, at, author, replica, label, kind) VALUES "
    "  (1, '2024-03-01T09:00:00Z', 'Ada Coach', 'old-replica', 'Create project', 'create'),"
    "  (2, '2024-03-02T09:00:00Z', 'Ada Coach', 'old-replica', 'Add team', 'edit');"
    "INSERT INTO equity_tag (id, name, builtin) VALUES ('tag-1', 'Ethnicity', 1);"
    "INSERT INTO team (id, name) VALUES ('%s', 'Rowan View');"
    "INSERT INTO change_log (txn, op, entity, entity_id, new_value) VALUES "
    "  (2, 'insert', 'team', '%s', json_object ('id', '%s', 'name', 'Rowan View', "
    "   'organisation', NULL, 'service_type', NULL, 'ward', NULL, 'position', 0));",
    team_id, team_id, team_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_format_2 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TandemProject) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs_before = NULL;
  g_autoptr(GBytes) theirs_after = NULL;
  TandemMergeSummary summary;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  make_format_2 (fixture->theirs, "team-1");
  copy_file (fixture->theirs, fixture->mine);

  /* Opening brings it to the current format in one step, keeping everything. */
  mine = open_project (fixture->mine, "Ada Coach");
  db = _tandem_project_get_db (mine);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TANDEM_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  assert_text (mine, "team", "team-1", "name", "Rowan View");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT origin_replica, origin_id, merged_at "
                                       "FROM change_txn WHERE id = 2", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "old-replica");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "2@2024-03-02T09:00:00Z");
  g_assert_null (sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 0);
  g_assert_true (tandem_project_can_undo (mine));

  /* New changes get an identity of their own. */
  update (mine, "team", "team-1", "ward", "Ground floor");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM change_txn WHERE "
                                       "origin_replica = 'old-replica' AND length (origin_id) = 36",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  /* The old copy, edited by the previous release after the two parted, merges
   * in (read through a private updated copy: it is never changed itself),
   * and the history they share is recognised. */
  g_assert_cmpint (sqlite3_open (fixture->theirs, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO change_txn (id, at, author, replica, label, kind) VALUES "
                                 "  (3, '2024-04-01T10:00:00Z', 'Sam Peer', 'old-replica', 'Change team', 'edit');"
                                 "UPDATE team SET organisation = 'North Trust';"
                                 "INSERT INTO change_log (txn, op, entity, entity_id, field, old_value, new_value) "
                                 "  VALUES (3, 'update', 'team', 'team-1', 'organisation', NULL, 'North Trust');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  theirs_before = file_bytes (fixture->theirs);
  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 1);
  g_assert_cmpuint (summary.already_present, ==, 2);
  g_assert_cmpuint (summary.updated, ==, 1);
  assert_text (mine, "team", "team-1", "organisation", "North Trust");
  assert_text (mine, "team", "team-1", "ward", "Ground floor");
  theirs_after = file_bytes (fixture->theirs);
  g_assert_true (g_bytes_equal (theirs_before, theirs_after));
}

/* ------------------------------------------------------------------------ */
/* Two writers on one file                                                  */

static void
test_live_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) other = open_project (fixture->mine, "Sam Peer");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = tandem_project_get_text (mine, "team", team, "name");
  TandemConflict *c;

  /* As expected: saved. */
  g_assert_true (tandem_project_update_expecting (mine, "team", team, "ward", NULL,
                                                  tandem_value_text ("First floor"), &error));
  g_assert_no_error (error);
  assert_text (other, "team", team, "ward", "First floor");

  /* The other window got there first: theirs stays, both are kept. */
  update (other, "team", team, "name", "Ward 4 North");
  g_assert_false (tandem_project_update_expecting (mine, "team", team, "name", shown,
                                                   tandem_value_text ("Ward Four"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sam Peer"));
  g_clear_error (&error);
  assert_text (mine, "team", team, "name", "Ward 4 North");

  conflicts = tandem_project_list_conflicts (other);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->source, ==, "live");
  g_assert_cmpstr (c->mine_value, ==, "Ward Four");
  g_assert_cmpstr (c->mine_author, ==, "Ada Coach");
  g_assert_cmpstr (c->theirs_value, ==, "Ward 4 North");
  g_assert_cmpstr (c->theirs_author, ==, "Sam Peer");

  /* The same value as the other person's is no conflict. */
  g_assert_true (tandem_project_update_expecting (mine, "team", team, "name", shown,
                                                  tandem_value_text ("Ward 4 North"), &error));
  g_assert_no_error (error);

  /* Choosing the edit that lost writes it. */
  g_assert_true (tandem_project_resolve_conflict (mine, c->id, FALSE, &error));
  g_assert_no_error (error);
  assert_text (other, "team", team, "name", "Ward Four");
  g_assert_cmpuint (tandem_project_count_conflicts (other), ==, 0);

  /* A deleted item is said to be gone, not a conflict. */
  g_assert_true (tandem_project_delete (other, "person", tom, NULL));
  g_assert_false (tandem_project_update_expecting (mine, "person", tom, "name", "Tom",
                                                   tandem_value_text ("Tomas"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

#define N_WRITER_EDITS 1000

/* One of the two writer processes: adds a team, then keeps changing it and
 * adding people to it. Exit status 0 only if every edit succeeded. */
static int
run_writer (const char *path,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *team = NULL;

  tandem_project_set_default_busy_timeout (5000);
  project = tandem_project_open (path, &error);
  if (project == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return 3;
    }
  tandem_project_set_author (project, name);
  /* Commits without waiting for the disk: the locking is the same. */
  sqlite3_exec (_tandem_project_get_db (project), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  for (guint i = 0; i < N_WRITER_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", name, i);
      gboolean ok;

      if (i == 0)
        {
          TandemField f[] = { { "name", tandem_value_text (name) } };
          team = tandem_project_insert (project, "team", f, 1, &error);
          ok = team != NULL;
        }
      else if (i % 2 == 1)
        {
          TandemField f[] = { { "team_id", tandem_value_text (team) },
                              { "name", tandem_value_text (text) } };
          g_autofree char *id = tandem_project_insert (project, "person", f, 2, &error);
          ok = id != NULL;
        }
      else
        ok = tandem_project_update (project, "team", team, "ward", tandem_value_text (text), &error);
      if (!ok)
        {
          g_printerr ("%s, edit %u: %s\n", name, i, error->message);
          return 4;
        }
    }
  return 0;
}

static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GPid pids[2];
  int errs[2];
  const char *names[] = { "Writer one", "Writer two" };
  sqlite3_stmt *stmt = NULL;

  project = tandem_project_create (fixture->mine, &error);
  g_assert_no_error (error);

  for (guint w = 0; w < 2; w++)
    {
      const char *argv[] = { self_exe, "--writer", fixture->mine, names[w], NULL };

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pids[w], NULL, NULL, &errs[w], &error));
      g_assert_no_error (error);
    }
  for (guint w = 0; w < 2; w++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char buffer[4096];
      gssize got;
      int status = 0;

      while ((got = read (errs[w], buffer, sizeof buffer)) > 0)
        g_string_append_len (text, buffer, got);
      close (errs[w]);
      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_spawn_close_pid (pids[w]);
      g_assert_cmpstr (text->str, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
    }

  /* Every edit of both is there: 2 teams, 999 people, 998 changes of ward. */
  g_assert_cmpint (tandem_project_count (project, "team", NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (project, "person", NULL, NULL), ==, N_WRITER_EDITS);
  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (project),
                                       "SELECT t.author, count(*) FROM change_txn t "
                                       "WHERE t.kind = 'edit' GROUP BY t.author ORDER BY t.author",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint w = 0; w < 2; w++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, names[w]);
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, N_WRITER_EDITS);
    }
  sqlite3_finalize (stmt);
  {
    g_autofree char *ward = NULL;
    g_autoptr(GPtrArray) teams = tandem_project_list_ids (project, "team", NULL, NULL, "name");

    ward = tandem_project_get_text (project, "team", teams->pdata[0], "ward");
    g_assert_cmpstr (ward, ==, "Writer one 998");
  }
  g_clear_object (&project);
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);
}

/* ------------------------------------------------------------------------ */
/* Another program holding the file                                         */

static void
assert_locked (const GError *error)
{
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Ward 4.tandem"));
  g_assert_nonnull (strstr (error->message, "Try again"));
}

/* Merging compares values in C (is theirs the same as mine?): it agrees
 * with SQL's IS on every pair of kinds of value. */
static void
test_values_compare (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const values[] = {
    "NULL", "0", "1", "1.0", "-0.0", "0.0", "0.5", "'1'", "'1.0'", "'a'", "'a '", "'A'", "''",
    "x''", "x'61'", "x'6100'", "9223372036854775807", "9223372036854775807.0",
    "-9223372036854775808", "-9223372036854775808.0", "9007199254740993",
    "9007199254740992.0", "1e300", "'Ward 4'",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_create (fixture->mine, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = _tandem_project_get_db (project);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (values); j++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT %s, %s, %s IS %s", values[i], values[j],
                                                values[i], values[j]);
        g_autoptr(TandemDbValue) a = NULL;
        g_autoptr(TandemDbValue) b = NULL;
        sqlite3_stmt *stmt = NULL;
        gboolean same;

        g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        a = _tandem_db_column_value (stmt, 0);
        b = _tandem_db_column_value (stmt, 1);
        same = sqlite3_column_int (stmt, 2) != 0;
        sqlite3_finalize (stmt);
        if (same != _tandem_db_value_equal (a, b))
          g_error ("%s IS %s is %d in SQL", values[i], values[j], same);
      }
  /* NULL stands for SQL NULL. */
  g_assert_true (_tandem_db_value_equal (NULL, NULL));
}

#define LOCKED_PROJECT_ENV "TANDEM_TEST_LOCKED_PROJECT"

static sqlite3 *
hold_file (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  /* Like any program, it waits its turn: a project just opened reads the
   * whole file for its structural check. */
  sqlite3_busy_timeout (other, 10000);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE team SET ward = 'x'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static void
let_go (sqlite3 *other)
{
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
}

/* Run by /merge/locked in a subprocess, where a warning does not abort: the
 * reads that have no error to return, while another connection holds the
 * file. */
static void
test_locked_reads (void)
{
  const char *path = g_getenv (LOCKED_PROJECT_ENV);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  sqlite3 *other;

  if (path == NULL)
    {
      g_test_skip ("run by /merge/locked");
      return;
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  tandem_project_set_default_busy_timeout (150);
  project = open_project (path, "Ada Coach");
  /* The structural check on opening reads the file on a thread of its own. */
  g_assert_true (tandem_project_confirm_intact (project, NULL));
  other = hold_file (path);
  conflicts = tandem_project_list_conflicts (project);
  g_print ("listed %u\n", conflicts->len);
  g_print ("counted %u\n", tandem_project_count_conflicts (project));
  let_go (other);
  g_print ("then counted %u\n", tandem_project_count_conflicts (project));
}

/* While another program holds the file, reading the conflicts and making a
 * change each say "locked, try again", not an empty list or a generic
 * failure; once it lets go, the same read and change go through. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  tandem_project_set_default_busy_timeout (150);
  mine = make_pair (fixture, &team, &priya, &tom);
  {
    g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
    update (theirs, "team", team, "name", "Ward 4 North");
  }
  update (mine, "team", team, "name", "Ward Four");
  g_assert_true (merge (mine, fixture->theirs, NULL));
  g_assert_cmpuint (tandem_project_count_conflicts (mine), ==, 1);

  /* The reads without an error to return say so in the log, in the
   * person's words, rather than passing for "no conflicts". */
  g_setenv (LOCKED_PROJECT_ENV, fixture->mine, TRUE);
  g_test_trap_subprocess ("/merge/locked-reads", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv (LOCKED_PROJECT_ENV);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*listed 0*counted 0*then counted 1*");
  g_test_trap_assert_stderr ("*WARNING*Ward 4.tandem*is locked*Try again*"
                             "*WARNING*Ward 4.tandem*is locked*Try again*");

  other = hold_file (fixture->mine);

  /* Reading the conflicts, with an error to return. */
  g_assert_null (_tandem_project_read_conflicts (mine, &error));
  assert_locked (error);
  g_clear_error (&error);

  /* Changes. */
  g_assert_false (tandem_project_update (mine, "team", team, "ward",
                                         tandem_value_text ("First floor"), &error));
  assert_locked (error);
  g_clear_error (&error);
  g_assert_false (tandem_project_merge (mine, fixture->theirs, NULL, &error));
  assert_locked (error);
  g_clear_error (&error);

  let_go (other);

  conflicts = _tandem_project_read_conflicts (mine, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (tandem_project_update (mine, "team", team, "ward",
                                        tandem_value_text ("First floor"), &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_resolve_conflict (mine, ((TandemConflict *) conflicts->pdata[0])->id,
                                                  TRUE, &error));
  g_assert_no_error (error);
  assert_text (mine, "team", team, "name", "Ward 4 North");
  assert_text (mine, "team", team, "ward", "First floor");
}

/* A copy that imported data in one go (logged as one entry) brings every
 * point in a merge, with who added it; undoing the merge takes them back. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autoptr(GString) text = g_string_new ("date,value\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GHashTable) theirs_rows = NULL;
  g_autoptr(GHashTable) mine_rows = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (3, G_DATE_JANUARY, 2022);
  g_autofree char *measure = NULL;
  g_autofree char *added_by = NULL;
  TandemImportOptions options;
  TandemMergeSummary summary;

  for (guint i = 0; i < 2000; i++, g_date_add_days (day, 7))
    g_string_append_printf (text, "%04u-%02u-%02u,%u\n", g_date_get_year (day),
                            g_date_get_month (day), g_date_get_day (day), i % 13);
  table = tandem_table_parse (text->str, -1, 0, &error);
  g_assert_no_error (error);
  tandem_table_guess_options (table, &options);
  import = tandem_table_import (table, &options);
  measure = tandem_measure_add (theirs, team, "Incidents", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_import_save (theirs, measure, import, "Import 2000 values", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_or_die (theirs, "SELECT count (*) FROM change_log l JOIN change_txn t "
                                 "ON t.id = l.txn WHERE t.label = 'Import 2000 values'"), ==, 1);
  theirs_rows = dump_rows (theirs);
  g_clear_object (&theirs);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.transactions, ==, 2);
  g_assert_cmpuint (summary.inserted, ==, 2001);
  mine_rows = dump_rows (mine);
  g_assert_cmpuint (assert_same_rows (mine_rows, theirs_rows, NULL), >, 2000 * 6);
  g_assert_cmpint (tandem_project_count (mine, "data_point", "measure_id", measure), ==, 2000);
  {
    sqlite3_stmt *stmt = NULL;
    g_autofree char *id = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (mine),
                                         "SELECT id FROM data_point WHERE value = 7 LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    added_by = tandem_project_dup_added_by (mine, id);
    g_assert_cmpstr (added_by, ==, "Sam Peer");
  }
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);

  undo_redo (mine, TRUE);
  g_assert_cmpint (tandem_project_count (mine, "data_point", NULL, NULL), ==, 0);
  g_assert_false (tandem_project_exists (mine, "measure", measure));
  undo_redo (mine, FALSE);
  g_assert_cmpint (tandem_project_count (mine, "data_point", "measure_id", measure), ==, 2000);

  /* Merging again brings nothing new. */
  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.inserted, ==, 0);
  g_assert_cmpint (tandem_project_count (mine, "data_point", NULL, NULL), ==, 2000);
}

/* @n weekly values of one measure from @first, saved as one import. */
static void
import_weeks (TandemProject *project,
              const char    *measure,
              GDateDay       first,
              guint          n)
{
  g_autoptr(GString) text = g_string_new ("date,value,note\n");
  g_autoptr(GDate) day = g_date_new_dmy (first, G_DATE_JANUARY, 2022);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemImport) import = NULL;
  TandemImportOptions options;

  for (guint i = 0; i < n; i++, g_date_add_days (day, 7))
    g_string_append_printf (text, "%04u-%02u-%02u,%u.5,\"day %u, \"\"as read\"\"\"\n",
                            g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                            i % 13, first);
  table = tandem_table_parse (text->str, -1, 0, &error);
  g_assert_no_error (error);
  tandem_table_guess_options (table, &options);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->rows->len, ==, n);
  g_assert_true (tandem_import_save (project, measure, import, "Import", &error));
  g_assert_no_error (error);
}

/* Both copies import into the same measure: each merge brings the other's
 * points, with their ids and values, both files check, and undoing a merge
 * takes back only the points it brought. */
static void
test_import_both (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *team = NULL, *priya = NULL, *tom = NULL;
  g_autoptr(TandemProject) mine = make_pair (fixture, &team, &priya, &tom);
  g_autoptr(TandemProject) theirs = open_project (fixture->theirs, "Sam Peer");
  g_autoptr(GHashTable) theirs_rows = NULL;
  g_autoptr(GHashTable) mine_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  TandemMergeSummary summary;

  measure = tandem_measure_add (theirs, team, "Incidents", &error);
  g_assert_no_error (error);
  g_clear_object (&theirs);
  g_assert_true (merge (mine, fixture->theirs, &summary));
  theirs = open_project (fixture->theirs, "Sam Peer");

  import_weeks (mine, measure, 3, 1500);
  import_weeks (theirs, measure, 4, 1200);
  g_clear_object (&theirs);

  g_assert_true (merge (mine, fixture->theirs, &summary));
  g_assert_cmpuint (summary.inserted, ==, 1200);
  g_assert_cmpint (tandem_project_count (mine, "data_point", "measure_id", measure), ==, 2700);
  g_assert_cmpint (tandem_project_check_file (fixture->mine, NULL), ==, TANDEM_CHECK_GOOD);

  theirs = open_project (fixture->theirs, "Sam Peer");
  g_assert_true (merge (theirs, fixture->mine, &summary));
  g_assert_cmpuint (summary.inserted, ==, 1500);
  mine_rows = dump_rows (mine);
  theirs_rows = dump_rows (theirs);
  g_assert_cmpuint (assert_same_rows (mine_rows, theirs_rows, NULL), >, 2700 * 6);
  g_assert_cmpint (tandem_project_check_file (fixture->theirs, NULL), ==, TANDEM_CHECK_GOOD);

  undo_redo (mine, TRUE);
  g_assert_cmpint (tandem_project_count (mine, "data_point", "measure_id", measure), ==, 1500);
  g_assert_cmpint (count_or_die (mine, "SELECT count (*) FROM data_point WHERE note LIKE 'day 3,%'"),
                   ==, 1500);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], argv[3]);

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/merge/basic", test_basic);
  ADD ("/merge/idempotent", test_idempotent);
  ADD ("/merge/undo", test_undo);
  ADD ("/merge/conflict", test_conflict);
  ADD ("/merge/deletes", test_deletes);
  ADD ("/merge/generated", test_generated);
  ADD ("/merge/refuse", test_refuse);
  ADD ("/merge/format-2", test_format_2);
  ADD ("/merge/live-conflict", test_live_conflict);
  ADD ("/merge/two-writers", test_two_writers);
  ADD ("/merge/values-compare", test_values_compare);
  ADD ("/merge/locked", test_locked);
  ADD ("/merge/import", test_import);
  ADD ("/merge/import-both", test_import_both);
  g_test_add_func ("/merge/locked-reads", test_locked_reads);

  return g_test_run ();
}
