/* test-checked-edit.c — changes made from what an editor showed: nobody's
 * field edit silently overwrites another's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-checked-edit.h"
#include "tandem-diagram.h"
#include "tandem-measure.h"
#include "tandem-merge.h"
#include "tandem-peer-support.h"
#include "tandem-sample.h"
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

  fixture->mine = create_project_in_tmp ("tandem-checked-XXXXXX", "Ward.tandem", &fixture->dir,
                                        &fixture->path);
  tandem_project_set_author (fixture->mine, "Tandem sample");
  g_assert_true (tandem_sample_populate (fixture->mine, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  tandem_project_set_author (fixture->mine, "Ada Coach");
  fixture->theirs = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (fixture->theirs, "Aisha Peer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->theirs);
  g_clear_object (&fixture->mine);
  free_tmp (&fixture->dir, &fixture->path);
}

static char *
first_id (TandemProject *project,
          const char    *entity,
          const char    *field,
          const char    *value)
{
  g_autoptr(GPtrArray) ids = tandem_project_list_ids (project, entity, field, value, NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, >, 0);
  return g_strdup (ids->pdata[0]);
}

/* The one conflict kept for a field, checked for both values and authors. */
static void
assert_conflict (TandemProject *project,
                 const char    *entity_id,
                 const char    *field,
                 const char    *mine,
                 const char    *theirs)
{
  g_autoptr(GPtrArray) conflicts = tandem_project_list_conflicts (project);
  TandemConflict *found = NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      TandemConflict *c = conflicts->pdata[i];
      if (g_strcmp0 (c->entity_id, entity_id) == 0 && g_strcmp0 (c->field, field) == 0)
        {
          g_assert_null (found);
          found = c;
        }
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (found->source, ==, "live");
  g_assert_cmpstr (found->mine_value, ==, mine);
  g_assert_cmpstr (found->mine_author, ==, "Ada Coach");
  g_assert_cmpstr (found->theirs_value, ==, theirs);
  g_assert_cmpstr (found->theirs_author, ==, "Aisha Peer");
}

static void
test_diagram_field (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *node = first_id (fixture->mine, "node", "kind", "change_idea");
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "node", node, "description");
  g_autofree char *undo = NULL;
  g_autoptr(GError) error = NULL;

  /* What was shown is still there: saved, labelled as the plain setter's. */
  g_assert_true (tandem_diagram_set_field (fixture->mine, node, "description", shown,
                                           "Ask at every handover", &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "node", node, "description", "Ask at every handover");
  undo = tandem_project_dup_undo_label (fixture->mine);
  g_assert_cmpstr (undo, ==, "Change description");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 0);

  /* Someone else changed it after it was shown: theirs stays, both kept. */
  g_assert_true (tandem_diagram_set_field (fixture->theirs, node, "description", TANDEM_UNCHECKED,
                                           "Ask at handover and at ward round", &error));
  g_assert_false (tandem_diagram_set_field (fixture->mine, node, "description",
                                            "Ask at every handover",
                                            "Ask twice a day", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Aisha Peer"));
  g_clear_error (&error);
  assert_text (fixture->mine, "node", node, "description", "Ask at handover and at ward round");
  assert_conflict (fixture->theirs, node, "description", "Ask twice a day",
                   "Ask at handover and at ward round");

  /* A value field (status) is checked the same way; empty shown is NULL. */
  g_assert_true (tandem_diagram_set_field (fixture->theirs, node, "status", TANDEM_UNCHECKED, "testing", &error));
  g_assert_false (tandem_diagram_set_field (fixture->mine, node, "status", "idea",
                                            "adopted", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->theirs, "node", node, "status", "testing");
  assert_conflict (fixture->mine, node, "status", "adopted", "testing");

  /* Validation is the plain setter's: a wrong detail changes nothing. */
  g_assert_false (tandem_diagram_set_field (fixture->mine, node, "title", NULL, "x", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_pdsa_field (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdsa = first_id (fixture->mine, "pdsa_cycle", NULL, NULL);
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "pdsa_cycle", pdsa, "do_notes");
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_diagram_set_pdsa_field (fixture->mine, pdsa, "do_notes", shown,
                                                "Tried it on Tuesday", &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "pdsa_cycle", pdsa, "do_notes", "Tried it on Tuesday");

  g_assert_true (tandem_diagram_set_pdsa_field (fixture->theirs, pdsa, "do_notes", TANDEM_UNCHECKED,
                                                "Tried it on Tuesday and Friday", &error));
  g_assert_false (tandem_diagram_set_pdsa_field (fixture->mine, pdsa, "do_notes",
                                                 "Tried it on Tuesday",
                                                 "Tried it on Tuesday night", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "pdsa_cycle", pdsa, "do_notes", "Tried it on Tuesday and Friday");
  assert_conflict (fixture->mine, pdsa, "do_notes", "Tried it on Tuesday night",
                   "Tried it on Tuesday and Friday");

  /* A date that is not a date is refused before anything is compared. */
  g_assert_false (tandem_diagram_set_pdsa_field (fixture->mine, pdsa, "started_on", NULL,
                                                 "soon", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);
}

/* A phase's window was opened, another program changed the label, and the
 * person changed both the label and the date: the date is saved, the label
 * kept as a conflict. */
static void
test_measure_phase_and_note (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *measure_id = first_id (fixture->mine, "measure", NULL, NULL);
  g_autoptr(TandemMeasure) shown = NULL;
  g_autoptr(TandemMeasure) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *note = NULL;
  g_autofree char *again = NULL;
  const TandemDataPoint *point;
  g_autofree char *phase_date = NULL;
  g_autofree char *note_date = NULL;

  shown = tandem_measure_load (fixture->mine, measure_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->points->len, >=, 12);
  point = shown->points->pdata[6];
  phase_date = g_strdup (point->date);
  point = shown->points->pdata[4];
  note_date = g_strdup (point->date);
  phase = tandem_measure_save_phase (fixture->mine, shown, NULL, phase_date, "New policy", -1, &error);
  g_assert_no_error (error);
  note = tandem_measure_save_note (fixture->mine, shown, NULL, note_date, "Staff away", NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_clear_pointer (&shown, tandem_measure_unref);
  shown = tandem_measure_load (fixture->mine, measure_id, &error);
  g_assert_no_error (error);

  now = tandem_measure_load (fixture->theirs, measure_id, &error);
  g_assert_no_error (error);
  g_free (tandem_measure_save_phase (fixture->theirs, now, phase, phase_date, "New observation policy",
                                     -1, &error));
  g_assert_no_error (error);
  g_free (tandem_measure_save_note (fixture->theirs, now, note, note_date, "Two staff away", NULL, NULL,
                                    &error));
  g_assert_no_error (error);

  /* Mine, from the measure as it was shown. */
  point = shown->points->pdata[7];
  again = tandem_measure_save_phase (fixture->mine, shown, phase, point->date, "After the policy", -1,
                                     &error);
  g_assert_null (again);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->theirs, "phase", phase, "starts_on", point->date);
  assert_text (fixture->theirs, "phase", phase, "label", "New observation policy");
  assert_conflict (fixture->theirs, phase, "label", "After the policy", "New observation policy");

  g_assert_null (tandem_measure_save_note (fixture->mine, shown, note, note_date, "Three staff away",
                                           NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "annotation", note, "text", "Two staff away");
  assert_conflict (fixture->mine, note, "text", "Three staff away", "Two staff away");

  /* A field the person did not change is not written at all. */
  g_clear_pointer (&now, tandem_measure_unref);
  now = tandem_measure_load (fixture->mine, measure_id, &error);
  g_free (tandem_measure_save_note (fixture->theirs, now, note, note_date, "Four staff away", NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  point = shown->points->pdata[5];
  g_free (tandem_measure_save_note (fixture->mine, now, note, point->date, "Two staff away", NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "annotation", note, "text", "Four staff away");
  assert_text (fixture->theirs, "annotation", note, "date", point->date);
}

static void
test_peer_support_fields (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *role = first_id (fixture->mine, "peer_role", NULL, NULL);
  g_autofree char *team = tandem_project_get_text (fixture->mine, "peer_role", role, "team_id");
  g_autofree char *item = first_id (fixture->mine, "framework_item", NULL, NULL);
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "peer_role", role, "title");
  g_autofree char *owner = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_peer_support_set_role_field (fixture->mine, role, "title", shown,
                                                     "Peer support worker", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_role_field (fixture->theirs, role, "title", TANDEM_UNCHECKED,
                                                     "Senior peer support worker", &error));
  g_assert_false (tandem_peer_support_set_role_field (fixture->mine, role, "title",
                                                      "Peer support worker",
                                                      "Peer worker", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "peer_role", role, "title", "Senior peer support worker");
  assert_conflict (fixture->mine, role, "title", "Peer worker", "Senior peer support worker");

  /* A framework item's notes: the owner shown was empty. */
  g_assert_true (tandem_peer_support_set_item_text (fixture->theirs, team, item, "owner", TANDEM_UNCHECKED, "Priya",
                                                    &error));
  g_assert_no_error (error);
  g_assert_false (tandem_peer_support_set_item_text (fixture->mine, team, item, "owner",
                                                     NULL, "Tom", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) ids = tandem_project_list_ids (fixture->mine, "framework_status", "item_id",
                                                        item, NULL);
    for (guint i = 0; i < ids->len; i++)
      {
        g_autofree char *its_team = tandem_project_get_text (fixture->mine, "framework_status",
                                                             ids->pdata[i], "team_id");
        if (g_strcmp0 (its_team, team) == 0)
          owner = tandem_project_get_text (fixture->mine, "framework_status", ids->pdata[i], "owner");
      }
  }
  g_assert_cmpstr (owner, ==, "Priya");
}

/* Every setter folded into one with a @shown argument: an edit from an
 * editor that showed a value someone else has since changed is refused with
 * a conflict, theirs stays and both are kept; %TANDEM_UNCHECKED writes. */
static void
test_node_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *node = first_id (fixture->mine, "node", "kind", "change_idea");
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "node", node, "title");
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_diagram_set_title (fixture->theirs, node, TANDEM_UNCHECKED,
                                           "Debrief after every restraint", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_diagram_set_title (fixture->mine, node, shown, "  Debrief within a day ",
                                            &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "node", node, "title", "Debrief after every restraint");
  assert_conflict (fixture->theirs, node, "title", "Debrief within a day",
                   "Debrief after every restraint");

  /* From what the file now holds: saved, as the plain edit it is. */
  g_assert_true (tandem_diagram_set_title (fixture->mine, node, "Debrief after every restraint",
                                           "Debrief within a day", &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "node", node, "title", "Debrief within a day");
  {
    g_autofree char *undo = tandem_project_dup_undo_label (fixture->mine);
    g_assert_cmpstr (undo, ==, "Edit change idea");
  }
}

static void
test_team_field (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *team = first_id (fixture->mine, "team", NULL, NULL);
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "team", team, "name");
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_team_set_field (fixture->theirs, team, "name", TANDEM_UNCHECKED,
                                        "Willow Ward", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_team_set_field (fixture->mine, team, "name", shown, "Oak Ward", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "team", team, "name", "Willow Ward");
  assert_conflict (fixture->mine, team, "name", "Oak Ward", "Willow Ward");

  /* Unchecked (the command line, a script): written over whatever is there. */
  g_assert_true (tandem_team_set_field (fixture->mine, team, "ward", TANDEM_UNCHECKED, "Block D",
                                        &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "team", team, "ward", "Block D");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->theirs), ==, 1);
}

static void
test_framework_status (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *status_id = first_id (fixture->mine, "framework_status", NULL, NULL);
  g_autofree char *team = tandem_project_get_text (fixture->mine, "framework_status", status_id,
                                                   "team_id");
  g_autofree char *item = tandem_project_get_text (fixture->mine, "framework_status", status_id,
                                                   "item_id");
  g_autofree char *shown = tandem_project_get_text (fixture->mine, "framework_status", status_id,
                                                   "status");
  TandemItemStatus theirs = TANDEM_ITEM_IN_PLACE;
  TandemItemStatus mine = TANDEM_ITEM_NOT_APPLICABLE;
  g_autoptr(GError) error = NULL;

  /* Two statuses other than the one shown. */
  if (g_strcmp0 (shown, tandem_item_status_to_string (theirs)) == 0)
    theirs = TANDEM_ITEM_PLANNING;
  else if (g_strcmp0 (shown, tandem_item_status_to_string (mine)) == 0)
    mine = TANDEM_ITEM_PLANNING;

  g_assert_true (tandem_peer_support_set_status (fixture->theirs, team, item, theirs,
                                                 TANDEM_UNCHECKED, "2026-10-03", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_peer_support_set_status (fixture->mine, team, item, mine, shown,
                                                  "2026-10-04", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->mine, "framework_status", status_id, "status",
               tandem_item_status_to_string (theirs));
  assert_conflict (fixture->theirs, status_id, "status", tandem_item_status_to_string (mine),
                   tandem_item_status_to_string (theirs));
}

/* The marker is told by its address: a value that reads the same as it is
 * an ordinary shown value, and checked. */
static void
test_unchecked_is_a_marker (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *team = first_id (fixture->mine, "team", NULL, NULL);
  g_autofree char *lookalike = g_strdup (TANDEM_UNCHECKED);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_team_set_field (fixture->mine, team, "ward", lookalike, "Block E",
                                         &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->theirs), ==, 1);
}

/* The generic steps: a failure that is not a conflict rolls everything
 * back; a conflict is set aside and the rest of the change stands. */
static void
test_end_checked (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *team = first_id (fixture->mine, "team", NULL, NULL);
  g_autofree char *ward = tandem_project_get_text (fixture->mine, "team", team, "ward");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) conflict = NULL;
  gboolean ok;

  g_assert_true (tandem_project_begin (fixture->mine, "Change the team", &error));
  ok = tandem_project_update_checked (fixture->mine, "team", team, "ward", FALSE, NULL,
                                      tandem_value_text ("Ward 9"), &error) &&
       tandem_project_update_checked (fixture->mine, "team", team, "no_such_field", FALSE, NULL,
                                      tandem_value_text ("x"), &error);
  g_assert_false (tandem_project_end_checked (fixture->mine, ok, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT));
  g_clear_error (&error);
  assert_text (fixture->theirs, "team", team, "ward", ward);

  /* Two fields at once, one of which someone else changed. */
  g_assert_true (tandem_project_update (fixture->theirs, "team", team, "name",
                                        tandem_value_text ("Their name"), &error));
  g_assert_true (tandem_project_begin (fixture->mine, "Change the team", &error));
  ok = tandem_project_update_checked (fixture->mine, "team", team, "name", TRUE, "Not what is there",
                                      tandem_value_text ("My name"), &error) ||
       tandem_conflict_set_aside (&error, &conflict);
  g_assert_true (ok);
  g_assert_no_error (error);
  g_assert_error (conflict, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  ok = tandem_project_update_checked (fixture->mine, "team", team, "ward", TRUE, ward,
                                      tandem_value_text ("Ward 10"), &error);
  g_assert_true (ok);
  g_assert_true (tandem_project_end_checked (fixture->mine, ok, &error));
  g_assert_no_error (error);
  assert_text (fixture->theirs, "team", team, "ward", "Ward 10");
  assert_text (fixture->theirs, "team", team, "name", "Their name");
  assert_conflict (fixture->theirs, team, "name", "My name", "Their name");

  /* A conflict in the last step still commits the change and says so. */
  g_assert_true (tandem_project_begin (fixture->mine, "Change the team", &error));
  ok = tandem_project_update_checked (fixture->mine, "team", team, "ward", TRUE, "Ward 10",
                                      tandem_value_text ("Ward 11"), &error) &&
       tandem_project_update_checked (fixture->mine, "team", team, "ward", TRUE, "Ward 10",
                                      tandem_value_text ("Ward 12"), &error);
  g_assert_false (tandem_project_end_checked (fixture->mine, ok, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  assert_text (fixture->theirs, "team", team, "ward", "Ward 11");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->theirs), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/checked-edit/diagram-field", test_diagram_field);
  ADD ("/checked-edit/pdsa-field", test_pdsa_field);
  ADD ("/checked-edit/measure-phase-and-note", test_measure_phase_and_note);
  ADD ("/checked-edit/peer-support", test_peer_support_fields);
  ADD ("/checked-edit/end-checked", test_end_checked);
  ADD ("/checked-edit/node-title", test_node_title);
  ADD ("/checked-edit/team-field", test_team_field);
  ADD ("/checked-edit/framework-status", test_framework_status);
  ADD ("/checked-edit/unchecked-is-a-marker", test_unchecked_is_a_marker);
#undef ADD
  return g_test_run ();
}
