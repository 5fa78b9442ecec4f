/* test-names.c — the generated names of tables and columns, and the generic
 * reads that take them: an unknown name is a loud mistake, a file that cannot
 * be read never looks empty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "tandem-schema.h"
#include "tandem-test-core-util.h"

/* A project in a new folder, with one team: what every case reads. */
typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
} Fixture;

static void
fixture_set_up (Fixture *fixture)
{
  TandemField fields[] = {
    { TANDEM_FIELD_TEAM_NAME, tandem_value_text ("Larches Ward") },
    { TANDEM_FIELD_TEAM_SERVICE_TYPE, tandem_value_text ("Adult acute") },
  };

  fixture->project = create_project_in_tmp ("tandem-test-XXXXXX", "Names project.tandem",
                                           &fixture->dir, &fixture->path);
  tandem_project_set_author (fixture->project, "Ada Coach");
  fixture->team = insert_or_die (fixture->project, TANDEM_ENTITY_TEAM, fields, G_N_ELEMENTS (fields));
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
}

/* In a subprocess, a critical or a warning is made to not abort, so that what
 * the read then returns can be printed and checked too. */
static void
keep_going_after_warnings (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
}

static void
test_constants (void)
{
  const TandemEntity *link = tandem_schema_lookup (TANDEM_ENTITY_NODE_LINK);
  const TandemEntity *team = tandem_schema_lookup (TANDEM_ENTITY_TEAM);

  g_assert_cmpstr (TANDEM_ENTITY_TEAM, ==, "team");
  g_assert_cmpstr (TANDEM_ENTITY_NODE_LINK, ==, "node_link");
  g_assert_cmpstr (TANDEM_ENTITY_COACHING_SESSION, ==, "coaching_session");
  g_assert_cmpstr (TANDEM_FIELD_TEAM_SERVICE_TYPE, ==, "service_type");
  g_assert_cmpstr (TANDEM_FIELD_NODE_GROUP_ID, ==, "group_id");
  g_assert_cmpstr (TANDEM_FIELD_ID, ==, "id");

  /* Each is a name the schema knows, on the table it is named after. */
  g_assert_nonnull (link);
  g_assert_nonnull (team);
  g_assert_true (tandem_schema_has_column (team, TANDEM_FIELD_TEAM_SERVICE_TYPE));
  g_assert_true (tandem_schema_has_column (link, TANDEM_FIELD_ID));
  g_assert_true (tandem_schema_has_column (tandem_schema_lookup (TANDEM_ENTITY_NODE),
                                           TANDEM_FIELD_NODE_GROUP_ID));
}

static void
test_known_names_read (void)
{
  Fixture fixture = { 0 };
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  fixture_set_up (&fixture);
  name = tandem_project_get_text (fixture.project, TANDEM_ENTITY_TEAM, fixture.team,
                                  TANDEM_FIELD_TEAM_NAME);
  g_assert_cmpstr (name, ==, "Larches Ward");
  ids = tandem_project_list_ids (fixture.project, TANDEM_ENTITY_TEAM, NULL, NULL,
                                 TANDEM_FIELD_TEAM_POSITION);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (ids->pdata[0], ==, fixture.team);
  g_assert_cmpint (tandem_project_count (fixture.project, TANDEM_ENTITY_MEASURE,
                                         TANDEM_FIELD_MEASURE_TEAM_ID, fixture.team), ==, 0);
  g_assert_true (tandem_project_exists (fixture.project, TANDEM_ENTITY_TEAM, fixture.team));
  g_assert_false (tandem_project_exists (fixture.project, TANDEM_ENTITY_TEAM, "no-such-id"));
  fixture_tear_down (&fixture);
}

static void
unknown_entity_subprocess (void)
{
  Fixture fixture = { 0 };
  g_autofree char *name = NULL;

  fixture_set_up (&fixture);
  keep_going_after_warnings ();
  name = tandem_project_get_text (fixture.project, "teams", fixture.team, "name");
  g_print ("get_text: %s\n", name ? name : "(null)");
  g_print ("count: %" G_GINT64_FORMAT "\n", tandem_project_count (fixture.project, "teams", NULL, NULL));
  fixture_tear_down (&fixture);
}

static void
test_unknown_entity (void)
{
  if (g_test_subprocess ())
    {
      unknown_entity_subprocess ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*CRITICAL*Tandem has no kind of item called ?teams?*");
  g_test_trap_assert_stdout ("*get_text: (null)*count: -1*");
}

/* Where warnings are fatal, as in every test, the mistake stops the run. */
static void
test_unknown_entity_fatal (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autofree char *name = NULL;

      fixture_set_up (&fixture);
      name = tandem_project_get_text (fixture.project, "teams", fixture.team, "name");
      g_print ("still running\n");
      fixture_tear_down (&fixture);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no kind of item called ?teams?*");
  g_test_trap_assert_stdout_unmatched ("*still running*");
}

static void
unknown_field_subprocess (void)
{
  Fixture fixture = { 0 };
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  fixture_set_up (&fixture);
  keep_going_after_warnings ();
  name = tandem_project_get_text (fixture.project, TANDEM_ENTITY_TEAM, fixture.team, "nmae");
  g_print ("get_text: %s\n", name ? name : "(null)");
  ids = tandem_project_list_ids (fixture.project, TANDEM_ENTITY_TEAM, NULL, NULL, "postion");
  g_print ("list_ids: %u\n", ids->len);
  g_print ("count: %" G_GINT64_FORMAT "\n",
           tandem_project_count (fixture.project, TANDEM_ENTITY_MEASURE, "team", fixture.team));
  fixture_tear_down (&fixture);
}

static void
test_unknown_field (void)
{
  if (g_test_subprocess ())
    {
      unknown_field_subprocess ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*CRITICAL*a team has no field called ?nmae?*"
                             "CRITICAL*a team has no field called ?postion?*"
                             "CRITICAL*a measure has no field called ?team?*");
  g_test_trap_assert_stdout ("*get_text: (null)*list_ids: 0*count: -1*");
}

/* Another program holds the file while the project is open: each read says
 * so, naming the file, instead of answering as if there were nothing. */
static void
locked_subprocess (void)
{
  Fixture fixture = { 0 };
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  sqlite3 *other = NULL;

  fixture_set_up (&fixture);
  reopen_impatient (&fixture.project, fixture.path, 100);

  g_assert_cmpint (sqlite3_open (fixture.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  keep_going_after_warnings ();
  name = tandem_project_get_text (fixture.project, TANDEM_ENTITY_TEAM, fixture.team,
                                  TANDEM_FIELD_TEAM_NAME);
  g_print ("get_text: %s\n", name ? name : "(null)");
  ids = tandem_project_list_ids (fixture.project, TANDEM_ENTITY_TEAM, NULL, NULL, NULL);
  g_print ("list_ids: %u\n", ids->len);
  g_print ("count: %" G_GINT64_FORMAT "\n",
           tandem_project_count (fixture.project, TANDEM_ENTITY_TEAM, NULL, NULL));
  g_print ("exists: %d\n", tandem_project_exists (fixture.project, TANDEM_ENTITY_TEAM, fixture.team));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  fixture_tear_down (&fixture);
}

static void
test_locked (void)
{
  if (g_test_subprocess ())
    {
      locked_subprocess ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*WARNING*?Names project.tandem? is locked*"
                             "WARNING*?Names project.tandem? is locked*"
                             "WARNING*?Names project.tandem? is locked*"
                             "WARNING*?Names project.tandem? is locked*");
  /* What was returned: nothing, but a count of -1, never a count of 0. */
  g_test_trap_assert_stdout ("*get_text: (null)*list_ids: 0*count: -1*exists: 0*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/constants", test_constants);
  g_test_add_func ("/names/known-names-read", test_known_names_read);
  g_test_add_func ("/names/unknown-entity", test_unknown_entity);
  g_test_add_func ("/names/unknown-entity-fatal", test_unknown_entity_fatal);
  g_test_add_func ("/names/unknown-field", test_unknown_field);
  g_test_add_func ("/names/locked", test_locked);
  return g_test_run ();
}
