/* test-contributions.c — who contributed what, per person and per role, for
 * a project and for one diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-comments.h"
#include "tandem-contributions.h"
#include "tandem-merge.h"
#include "tandem-project-private.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *d1;
  char          *d2;
} Fixture;

static char *
add (TandemProject     *project,
     const char        *author,
     const char        *entity,
     const TandemField *fields,
     guint              n_fields)
{
  g_autoptr(GError) error = NULL;
  char *id;

  tandem_project_set_author (project, author);
  id = tandem_project_insert (project, entity, fields, n_fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
add_node (TandemProject *project,
          const char    *author,
          const char    *diagram,
          const char    *kind,
          const char    *title,
          const char    *proposed_by)
{
  TandemField f[] = {
    { "diagram_id", tandem_value_text (diagram) },
    { "kind", tandem_value_text (kind) },
    { "title", tandem_value_text (title) },
    { "proposed_by", tandem_value_text (proposed_by) },
  };
  return add (project, author, "node", f, G_N_ELEMENTS (f));
}

static char *
add_person (TandemProject *project,
            const char    *team,
            const char    *name,
            const char    *role)
{
  TandemField f[] = {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text (name) },
    { "role", tandem_value_text (role) },
  };
  return add (project, "Ada Coach", "person", f, G_N_ELEMENTS (f));
}

/* Ada Coach (a coach) sets up the team and two diagrams; Sam Partner (a
 * lived-experience partner, whose name on the changes is spelt in lower
 * case) proposes and tests an idea and comments; Lee Staff proposes an idea
 * Ada types in; a Visitor, in no team, adds to both diagrams and deletes
 * one of their own items. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *sam = NULL;
  g_autofree char *lee = NULL;
  g_autofree char *ada = NULL;
  g_autofree char *aim = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *lee_idea = NULL;
  g_autofree char *cycle = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *visitor_d2 = NULL;
  g_autofree char *visitor_d1 = NULL;

  fixture->project = create_project_in_tmp ("tandem-contrib-XXXXXX", "contrib.tandem",
                                           &fixture->dir, &fixture->path);

  {
    TandemField f[] = { { "name", tandem_value_text ("Willow Ward") } };
    team = add (fixture->project, "Ada Coach", "team", f, 1);
  }
  sam = add_person (fixture->project, team, "Sam Partner", "lived_experience_partner");
  lee = add_person (fixture->project, team, "Lee Staff", "staff");
  ada = add_person (fixture->project, team, "Ada Coach", "coach");
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (team) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    fixture->d1 = add (fixture->project, "Ada Coach", "diagram", f, 2);
    f[1].value = tandem_value_text ("Better sleep");
    fixture->d2 = add (fixture->project, "Ada Coach", "diagram", f, 2);
  }
  aim = add_node (fixture->project, "Ada Coach", fixture->d1, "aim", "Halve restraints", NULL);
  lee_idea = add_node (fixture->project, "Ada Coach", fixture->d1, "change_idea",
                       "Debrief after each incident", lee);

  idea = add_node (fixture->project, "sam partner", fixture->d1, "change_idea",
                   "Safety huddle", sam);
  {
    TandemField f[] = {
      { "node_id", tandem_value_text (idea) },
      { "title", tandem_value_text ("Huddle on one shift") },
    };
    cycle = add (fixture->project, "sam partner", "pdsa_cycle", f, 2);
  }
  comment = tandem_comments_add (fixture->project, "node", idea, "Try nights first?", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_update (fixture->project, "node", idea, "title",
                                        tandem_value_text ("Daily safety huddle"), &error));
  g_assert_no_error (error);

  visitor_d2 = add_node (fixture->project, "Visitor", fixture->d2, "aim", "Sleep well", NULL);
  visitor_d1 = add_node (fixture->project, "Visitor", fixture->d1, "primary", "Oops", NULL);
  g_assert_true (tandem_project_delete (fixture->project, "node", visitor_d1, &error));
  g_assert_no_error (error);
  tandem_project_set_author (fixture->project, "Ada Coach");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->d1);
  g_free (fixture->d2);
}

static const TandemContribution *
find_or_null (GPtrArray  *list,
              const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((TandemContribution *) list->pdata[i])->name, name))
      return list->pdata[i];
  return NULL;
}

static const TandemContribution *
find (GPtrArray  *list,
      const char *name)
{
  const TandemContribution *c = find_or_null (list, name);

  if (c == NULL)
    g_error ("no contribution from %s", name);
  return c;
}

static void
assert_counts (const TandemContribution *c,
               const char               *role,
               guint                     items,
               guint                     changes,
               guint                     ideas,
               guint                     cycles,
               guint                     comments)
{
  g_assert_cmpstr (c->role, ==, role);
  g_assert_cmpuint (c->items_added, ==, items);
  g_assert_cmpuint (c->changes_made, ==, changes);
  g_assert_cmpuint (c->ideas_proposed, ==, ideas);
  g_assert_cmpuint (c->cycles_run, ==, cycles);
  g_assert_cmpuint (c->comments, ==, comments);
}

static void
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  const TandemContribution *c;

  people = tandem_contributions_by_person (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 4);

  /* team, 3 people, 2 diagrams, the aim and Lee's idea: 8 items, 8 changes */
  assert_counts (find (people, "Ada Coach"), "coach", 8, 8, 0, 0, 0);
  /* the name on the changes matches the person whatever its case, and is
   * shown as the team spells it */
  assert_counts (find (people, "Sam Partner"), "lived_experience_partner", 2, 4, 1, 1, 1);
  assert_counts (find (people, "Lee Staff"), "staff", 0, 0, 1, 0, 0);
  /* the deleted item is not counted as added; its adding and deleting are changes */
  assert_counts (find (people, "Visitor"), NULL, 1, 3, 0, 0, 0);

  /* most active first */
  g_assert_cmpstr (((TandemContribution *) people->pdata[0])->name, ==, "Ada Coach");
  g_assert_cmpstr (((TandemContribution *) people->pdata[3])->name, ==, "Lee Staff");

  roles = tandem_contributions_by_role (people);
  g_assert_cmpuint (roles->len, ==, 4);
  c = roles->pdata[0];
  g_assert_cmpstr (c->role, ==, "lived_experience_partner");
  g_assert_cmpstr (c->name, ==, "Lived-experience partner");
  g_assert_cmpuint (c->people, ==, 1);
  g_assert_cmpuint (c->ideas_proposed, ==, 1);
  g_assert_cmpstr (((TandemContribution *) roles->pdata[1])->role, ==, "staff");
  g_assert_cmpstr (((TandemContribution *) roles->pdata[2])->role, ==, "coach");
  c = roles->pdata[3];
  g_assert_null (c->role);
  g_assert_cmpuint (c->changes_made, ==, 3);
}

static void
test_diagram (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  const TandemContribution *c;

  people = tandem_contributions_by_person (fixture->project, fixture->d1, &error);
  g_assert_no_error (error);
  /* the diagram, the aim, Lee's idea */
  assert_counts (find (people, "Ada Coach"), "coach", 3, 3, 0, 0, 0);
  assert_counts (find (people, "Sam Partner"), "lived_experience_partner", 2, 4, 1, 1, 1);
  assert_counts (find (people, "Lee Staff"), "staff", 0, 0, 1, 0, 0);
  /* the item deleted from this diagram is still known to have been in it */
  assert_counts (find (people, "Visitor"), NULL, 0, 2, 0, 0, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  people = tandem_contributions_by_person (fixture->project, fixture->d2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  assert_counts (find (people, "Ada Coach"), "coach", 1, 1, 0, 0, 0);
  assert_counts (find (people, "Visitor"), NULL, 1, 1, 0, 0, 0);

  roles = tandem_contributions_by_role (people);
  g_assert_cmpuint (roles->len, ==, 2);
  c = roles->pdata[1];
  g_assert_null (c->role);
  g_assert_cmpuint (c->items_added, ==, 1);
}

/* A file from elsewhere whose change log holds values that are not JSON
 * still gives its counts, not an error. */
static void
test_untrusted_log (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  sqlite3 *db = _tandem_project_get_db (fixture->project);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE change_log SET new_value = '{not json' "
                                     "WHERE entity = 'node' AND op = 'insert'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  people = tandem_contributions_by_person (fixture->project, fixture->d1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (people);
  assert_counts (find (people, "Sam Partner"), "lived_experience_partner", 2, 4, 1, 1, 1);
}

/* A merge brings in the other copy's changes under their authors; the merge
 * itself is nobody's change, and taking it back takes theirs back too. */
static void
test_merge_undone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.tandem", NULL);
  TandemMergeSummary summary = { 0 };

  g_assert_true (tandem_project_save_copy (fixture->project, copy_path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TandemProject) copy = tandem_project_open (copy_path, &error);
    g_autofree char *idea = NULL;

    g_assert_no_error (error);
    idea = add_node (copy, "Rae Copy", fixture->d1, "change_idea", "Quiet hour after lunch", NULL);
    g_assert_true (tandem_project_update (copy, "node", idea, "description",
                                          tandem_value_text ("Lights down, radios off"), &error));
    g_assert_no_error (error);
  }

  tandem_project_set_author (fixture->project, "Ada Coach");
  g_assert_true (tandem_project_merge (fixture->project, copy_path, &summary, &error));
  g_assert_no_error (error);
  people = tandem_contributions_by_person (fixture->project, NULL, &error);
  g_assert_no_error (error);
  assert_counts (find (people, "Rae Copy"), NULL, 1, 2, 0, 0, 0);
  assert_counts (find (people, "Ada Coach"), "coach", 8, 8, 0, 0, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Taken back: Rae's changes are no longer had, and the undo is no change of Ada's. */
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  people = tandem_contributions_by_person (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_or_null (people, "Rae Copy"));
  assert_counts (find (people, "Ada Coach"), "coach", 8, 8, 0, 0, 0);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Brought back, they count again, for the diagram too. */
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  people = tandem_contributions_by_person (fixture->project, fixture->d1, &error);
  g_assert_no_error (error);
  assert_counts (find (people, "Rae Copy"), NULL, 1, 2, 0, 0, 0);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-contrib-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.tandem", NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  TandemProject *project;

  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  people = tandem_contributions_by_person (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);
  roles = tandem_contributions_by_role (people);
  g_assert_cmpuint (roles->len, ==, 0);
  g_assert_finalize_object (project);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/contributions/project", Fixture, NULL, fixture_set_up, test_project,
              fixture_tear_down);
  g_test_add ("/contributions/diagram", Fixture, NULL, fixture_set_up, test_diagram,
              fixture_tear_down);
  g_test_add ("/contributions/untrusted-log", Fixture, NULL, fixture_set_up,
              test_untrusted_log, fixture_tear_down);
  g_test_add ("/contributions/merge-undone", Fixture, NULL, fixture_set_up, test_merge_undone,
              fixture_tear_down);
  g_test_add_func ("/contributions/empty", test_empty);

  return g_test_run ();
}
