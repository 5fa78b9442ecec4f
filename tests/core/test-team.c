/* test-team.c — teams: adding, finding, renaming, editing from what an
 * editor showed, and deleting with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-merge.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *mine;    /* this window */
  TandemProject *theirs;  /* another program on the same file */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->mine = create_project_in_tmp ("tandem-team-XXXXXX", "Teams.tandem", &fixture->dir,
                                        &fixture->path);
  tandem_project_set_author (fixture->mine, "Ada Coach");
  fixture->theirs = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (fixture->theirs, "Aisha Peer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->theirs);
  g_assert_finalize_object (fixture->mine);
  free_tmp (&fixture->dir, &fixture->path);
}

static void
test_create_and_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *willow = NULL;
  g_autofree char *cedar = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  TandemTeam *team;

  willow = tandem_team_create (fixture->mine, "  Willow Ward ", "North Trust",
                               "Adult acute inpatient", "", &error);
  g_assert_no_error (error);
  g_assert_nonnull (willow);
  assert_undo_label (fixture->mine, "Add team");
  cedar = tandem_team_create (fixture->mine, "Cedar CMHT", NULL, NULL, "Cedar House", &error);
  g_assert_no_error (error);

  teams = tandem_team_list (fixture->theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 2);
  team = teams->pdata[0];
  g_assert_cmpstr (team->id, ==, willow);
  g_assert_cmpstr (team->name, ==, "Willow Ward");
  g_assert_cmpstr (team->organisation, ==, "North Trust");
  g_assert_cmpstr (team->service_type, ==, "Adult acute inpatient");
  g_assert_null (team->ward);
  team = teams->pdata[1];
  g_assert_cmpstr (team->id, ==, cedar);
  g_assert_cmpstr (team->ward, ==, "Cedar House");
  g_assert_null (team->organisation);
  g_assert_cmpfloat (team->position, >, ((TandemTeam *) teams->pdata[0])->position);
}

/* A team deleted from the middle leaves no place for the next to share. */
static void
test_create_after_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = tandem_team_create (fixture->mine, "A", NULL, NULL, NULL, &error);
  g_autofree char *b = tandem_team_create (fixture->mine, "B", NULL, NULL, NULL, &error);
  g_autofree char *c = NULL;
  g_autoptr(GPtrArray) teams = NULL;

  g_assert_no_error (error);
  g_assert_true (tandem_team_delete (fixture->mine, a, &error));
  g_assert_no_error (error);
  c = tandem_team_create (fixture->mine, "C", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  teams = tandem_team_list (fixture->mine, &error);
  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_cmpstr (((TandemTeam *) teams->pdata[0])->id, ==, b);
  g_assert_cmpstr (((TandemTeam *) teams->pdata[1])->id, ==, c);
}

static void
test_name_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');

  g_assert_null (tandem_team_create (fixture->mine, "   ", NULL, NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Give the team a name.");
  g_clear_error (&error);
  g_assert_null (tandem_team_create (fixture->mine, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_team_create (fixture->mine, long_name, NULL, NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "200 characters"));
  g_clear_error (&error);
  g_assert_cmpint (tandem_project_count (fixture->mine, "team", NULL, NULL), ==, 0);

  id = tandem_team_create (fixture->mine, "Willow Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tandem_team_set_field (fixture->mine, id, "name", TANDEM_UNCHECKED, "", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_team_set_field (fixture->mine, id, "position", TANDEM_UNCHECKED, "3", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  assert_text (fixture->mine, "team", id, "name", "Willow Ward");
  assert_undo_label (fixture->mine, "Add team");

  /* Two teams may share a name, as they always could (a merge can bring
   * one in); finding it finds the first in the selector's order. */
  {
    g_autofree char *second = tandem_team_create (fixture->mine, "Willow Ward", NULL, NULL,
                                                  NULL, &error);
    g_autofree char *found = tandem_team_find (fixture->mine, "Willow Ward");

    g_assert_no_error (error);
    g_assert_cmpstr (found, ==, id);
  }
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *willow = tandem_team_create (fixture->mine, "Willow Ward", NULL, NULL, NULL,
                                                &error);
  g_autofree char *cedar = tandem_team_create (fixture->mine, "Cedar CMHT", NULL, NULL, NULL,
                                               &error);
  g_autofree char *found = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *other_case = NULL;

  g_assert_no_error (error);
  found = tandem_team_find (fixture->theirs, "Cedar CMHT");
  g_assert_cmpstr (found, ==, cedar);
  missing = tandem_team_find (fixture->theirs, "Oak Ward");
  g_assert_null (missing);
  other_case = tandem_team_find (fixture->theirs, "willow ward");
  g_assert_null (other_case);
  g_assert_null (tandem_team_find (fixture->theirs, NULL));
}

static void
test_rename_and_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_team_create (fixture->mine, "Willow Ward", "North Trust", NULL,
                                            NULL, &error);
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_assert_true (tandem_team_set_field (fixture->mine, id, "name", TANDEM_UNCHECKED, " Willow Ward (acute) ", &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->mine, "Rename team");
  assert_text (fixture->theirs, "team", id, "name", "Willow Ward (acute)");
  found = tandem_team_find (fixture->theirs, "Willow Ward (acute)");
  g_assert_cmpstr (found, ==, id);

  g_assert_true (tandem_team_set_field (fixture->mine, id, "organisation", TANDEM_UNCHECKED, "", &error));
  g_assert_no_error (error);
  assert_text (fixture->mine, "team", id, "organisation", NULL);
  g_assert_true (tandem_team_set_field (fixture->mine, id, "ward", TANDEM_UNCHECKED, "Block B", &error));
  g_assert_no_error (error);
  assert_text (fixture->mine, "team", id, "ward", "Block B");

  g_assert_true (tandem_project_undo (fixture->mine, &error));
  g_assert_true (tandem_project_undo (fixture->mine, &error));
  g_assert_true (tandem_project_undo (fixture->mine, &error));
  g_assert_no_error (error);
  assert_text (fixture->mine, "team", id, "name", "Willow Ward");
  assert_text (fixture->mine, "team", id, "organisation", "North Trust");
  assert_text (fixture->mine, "team", id, "ward", NULL);

  g_assert_false (tandem_team_set_field (fixture->mine, "no-such-team", "name", TANDEM_UNCHECKED, "Oak Ward", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_set_field_expecting (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_team_create (fixture->mine, "Willow Ward", NULL, NULL, "Block A",
                                            &error);

  g_assert_no_error (error);
  g_assert_true (tandem_team_set_field (fixture->mine, id, "ward", "Block A",
                                        "Block B", &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "team", id, "ward", "Block B");

  g_assert_true (tandem_team_set_field (fixture->theirs, id, "ward", TANDEM_UNCHECKED, "Block C", &error));
  g_assert_false (tandem_team_set_field (fixture->mine, id, "ward", "Block B",
                                         "Block D", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Aisha Peer"));
  assert_text (fixture->mine, "team", id, "ward", "Block C");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);
}

/* The team editor writes what the person changed, checked against what it
 * showed: someone else's change to a detail left alone stays, and one to a
 * detail both changed is kept as a conflict while the rest is saved. */
static void
test_edit_from_shown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_team_create (fixture->mine, "Willow Ward", "North Trust", NULL,
                                            "Block A", &error);
  g_autoptr(TandemTeam) shown = NULL;
  TandemTeam edited = { NULL, };

  g_assert_no_error (error);
  shown = tandem_team_get (fixture->mine, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shown->ward, ==, "Block A");

  /* Meanwhile, another program changes the organisation and the ward. */
  g_assert_true (tandem_team_set_field (fixture->theirs, id, "organisation", TANDEM_UNCHECKED, "South Trust",
                                        &error));
  g_assert_true (tandem_team_set_field (fixture->theirs, id, "ward", TANDEM_UNCHECKED, "Block C", &error));
  g_assert_no_error (error);

  /* The person renames the team and changes the ward, leaving the
   * organisation as they were shown it. */
  edited.name = "Willow";
  edited.organisation = "North Trust";
  edited.service_type = "";
  edited.ward = "Block B";
  g_assert_false (tandem_team_edit (fixture->mine, shown, &edited, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->theirs, "team", id, "name", "Willow");
  assert_text (fixture->theirs, "team", id, "organisation", "South Trust");
  assert_text (fixture->theirs, "team", id, "ward", "Block C");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);
  assert_undo_label (fixture->mine, "Edit team");

  /* Nothing changed from what was shown: nothing is written. */
  {
    g_autoptr(TandemTeam) again = tandem_team_get (fixture->mine, id, &error);

    g_assert_true (tandem_team_edit (fixture->mine, again, again, &error));
    g_assert_no_error (error);
  }

  /* An empty name is refused and nothing is written. */
  {
    g_autoptr(TandemTeam) again = tandem_team_get (fixture->mine, id, &error);
    TandemTeam bad = *again;

    bad.name = " ";
    bad.ward = "Block Z";
    g_assert_false (tandem_team_edit (fixture->mine, again, &bad, &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    assert_text (fixture->mine, "team", id, "ward", "Block C");
  }
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_team_create (fixture->mine, "Willow Ward", NULL, NULL, NULL, &error);
  g_autofree char *diagram = NULL;
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  {
    TandemField f[] = {
      { "team_id", tandem_value_text (id) },
      { "name", tandem_value_text ("Fewer restraints") },
    };
    diagram = insert_or_die (fixture->mine, "diagram", f, G_N_ELEMENTS (f));
  }

  g_assert_true (tandem_team_delete (fixture->mine, id, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->mine, "Delete team");
  g_assert_false (tandem_project_exists (fixture->theirs, "team", id));
  g_assert_false (tandem_project_exists (fixture->theirs, "diagram", diagram));
  g_assert_null (tandem_team_find (fixture->mine, "Willow Ward"));

  g_assert_true (tandem_project_undo (fixture->mine, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (fixture->theirs, "diagram", diagram));
  found = tandem_team_find (fixture->theirs, "Willow Ward");
  g_assert_cmpstr (found, ==, id);

  /* Deleting one that is gone says so. */
  g_assert_true (tandem_team_delete (fixture->theirs, id, &error));
  g_assert_false (tandem_team_delete (fixture->mine, id, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tandem_team_get (fixture->mine, id, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

/* While another program holds the file, reading a team and changing one
 * say “locked, try again” (a change used to say the team no longer
 * existed), and finding one by name logs why it found none; all work once
 * the file is let go. Checked in a subprocess, where a warning does not stop
 * the run. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTeam) team = NULL;
  g_autofree char *willow = NULL;
  g_autofree char *found = NULL;
  sqlite3 *other = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*Could not look for team *Willow Ward*: "
                                 "*Teams.tandem* is locked*");
      return;
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  reopen_impatient (&fixture->theirs, fixture->path, 150);
  willow = tandem_team_create (fixture->theirs, "Willow Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  other = hold_write_lock (fixture->path);

  g_assert_null (tandem_team_get (fixture->theirs, willow, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_team_find (fixture->theirs, "Willow Ward"));
  g_assert_false (tandem_team_set_field (fixture->theirs, willow, "ward", TANDEM_UNCHECKED,
                                         "Ward 7", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  release_write_lock (other);

  found = tandem_team_find (fixture->theirs, "Willow Ward");
  g_assert_cmpstr (found, ==, willow);
  g_assert_true (tandem_team_set_field (fixture->theirs, willow, "ward", TANDEM_UNCHECKED,
                                        "Ward 7", &error));
  g_assert_no_error (error);
  team = tandem_team_get (fixture->theirs, willow, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (team->ward, ==, "Ward 7");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/team/create-and-list", test_create_and_list);
  ADD ("/team/create-after-delete", test_create_after_delete);
  ADD ("/team/name-refused", test_name_refused);
  ADD ("/team/find", test_find);
  ADD ("/team/rename-and-fields", test_rename_and_fields);
  ADD ("/team/set-field-expecting", test_set_field_expecting);
  ADD ("/team/edit-from-shown", test_edit_from_shown);
  ADD ("/team/delete-and-undo", test_delete_and_undo);
  ADD ("/team/locked", test_locked);
#undef ADD

  return g_test_run ();
}
