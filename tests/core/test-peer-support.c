/* test-peer-support.c — the peer-support implementation tracker's model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-merge.h"
#include "tandem-peer-support.h"
#include "tandem-person.h"
#include "tandem-project.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

#define TODAY "2026-11-21"
#define TODAY_NOON "2026-11-21T12:00:00Z"   /* what the clock says unless a test sets it */

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
} Fixture;

static void
set_clock (const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  tandem_clock_set_now (when);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-peer-XXXXXX", "peer.tandem", &fixture->dir,
                                           &fixture->path);
  tandem_project_set_author (fixture->project, "Ada Coach");
  fixture->team = add_team_or_die (fixture->project, "Willow Ward");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
}

static const TandemTrackerItem *
find_item (GPtrArray  *items,
           const char *title)
{
  for (guint i = 0; i < items->len; i++)
    {
      const TandemTrackerItem *item = items->pdata[i];
      if (g_str_equal (item->title, title))
        return item;
    }
  g_error ("no item called %s", title);
  return NULL;
}

static gint
index_of (GPtrArray  *items,
          const char *title)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((TandemTrackerItem *) items->pdata[i])->title, title))
      return i;
  return -1;
}

static void
test_framework (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (fixture->project, fixture->team,
                                                               &error);
  g_autoptr(GPtrArray) stages = NULL;
  static const char * const names[] = {
    "Preparation", "Recruitment", "Workforce development", "Cultural competency",
    "Career structures", "Evaluation", "Peer leadership and networks", "Support in place",
  };
  guint support = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 36);
  for (guint i = 0; i < items->len; i++)
    {
      const TandemTrackerItem *item = items->pdata[i];

      g_assert_true (item->builtin);
      g_assert_cmpint (item->framework_version, ==, 1);
      g_assert_cmpint (item->status, ==, TANDEM_ITEM_NOT_STARTED);
      g_assert_null (item->status_id);
      support += item->support;
    }
  g_assert_cmpuint (support, ==, 7);

  stages = tandem_peer_support_stage_progress (items);
  g_assert_cmpuint (stages->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < stages->len; i++)
    {
      const TandemStageProgress *stage = stages->pdata[i];

      g_assert_cmpstr (stage->stage, ==, names[i]);
      g_assert_cmpuint (stage->counts[TANDEM_ITEM_NOT_STARTED], ==, stage->total);
      g_assert_cmpfloat (tandem_stage_progress_fraction (stage), ==, 0);
    }
  g_assert_cmpuint (((TandemStageProgress *) stages->pdata[0])->total, ==, 4);
  g_assert_cmpuint (((TandemStageProgress *) stages->pdata[7])->total, ==, 7);
}

static void
test_status_and_history (Fixture       *fixture,
                         gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, fixture->team, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autofree char *item_id = g_strdup (find_item (items, "Recruitment is values-based")->item_id);
  g_autofree char *undo = NULL;
  const TandemTrackerItem *item;
  const TandemStageProgress *recruitment;
  char *status_id;

  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_PLANNING, TANDEM_UNCHECKED, "2026-10-01", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_no_error (error);
  undo = tandem_project_dup_undo_label (project);
  g_assert_cmpstr (undo, ==, "Mark item as In place");

  after = tandem_peer_support_list_items (project, fixture->team, &error);
  g_assert_no_error (error);
  item = find_item (after, "Recruitment is values-based");
  g_assert_cmpint (item->status, ==, TANDEM_ITEM_IN_PLACE);
  g_assert_cmpstr (item->last_reviewed, ==, TODAY);
  g_assert_nonnull (item->status_id);
  status_id = item->status_id;
  g_assert_cmpint (tandem_project_count (project, "framework_status", "team_id", fixture->team),
                   ==, 1);

  stages = tandem_peer_support_stage_progress (after);
  recruitment = stages->pdata[1];
  g_assert_cmpuint (recruitment->counts[TANDEM_ITEM_IN_PLACE], ==, 1);
  g_assert_cmpfloat_with_epsilon (tandem_stage_progress_fraction (recruitment), 0.2, 1e-9);

  /* The history is the change log: planning, then in place, by whom. */
  history = tandem_peer_support_status_history (project, status_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((TandemStatusChange *) history->pdata[0])->status, ==, TANDEM_ITEM_PLANNING);
  g_assert_cmpint (((TandemStatusChange *) history->pdata[1])->status, ==, TANDEM_ITEM_IN_PLACE);
  g_assert_cmpstr (((TandemStatusChange *) history->pdata[1])->author, ==, "Ada Coach");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Undo puts the status and the review date back, and is itself history. */
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tandem_peer_support_list_items (project, fixture->team, NULL);
  item = find_item (after, "Recruitment is values-based");
  g_assert_cmpint (item->status, ==, TANDEM_ITEM_PLANNING);
  g_assert_cmpstr (item->last_reviewed, ==, "2026-10-01");
  history = tandem_peer_support_status_history (project, item->status_id, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((TandemStatusChange *) history->pdata[2])->status, ==, TANDEM_ITEM_PLANNING);

  /* Notes on an item: dates typed the British way are stored as ISO. */
  g_assert_true (tandem_peer_support_set_item_text (project, fixture->team, item_id, "target_date", TANDEM_UNCHECKED,
                                                    "31/12/2026", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_item_text (project, fixture->team, item_id, "owner", TANDEM_UNCHECKED,
                                                    "  Marcus Bell ", &error));
  g_assert_false (tandem_peer_support_set_item_text (project, fixture->team, item_id,
                                                     "target_date", TANDEM_UNCHECKED, "31/04/2026", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_set_item_text (project, fixture->team, item_id,
                                                     "status", TANDEM_UNCHECKED, "in_place", &error));
  g_clear_error (&error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tandem_peer_support_list_items (project, fixture->team, NULL);
  item = find_item (after, "Recruitment is values-based");
  g_assert_cmpstr (item->target_date, ==, "2026-12-31");
  g_assert_cmpstr (item->owner, ==, "Marcus Bell");

  /* Notes on an item the team has not marked yet make its record. */
  g_free (item_id);
  item_id = g_strdup (find_item (after, "Peer identity is protected")->item_id);
  g_assert_true (tandem_peer_support_set_item_text (project, fixture->team, item_id, "evidence", TANDEM_UNCHECKED,
                                                    "Agreed with HR.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, "framework_status", "team_id", fixture->team),
                   ==, 2);
  g_assert_true (tandem_peer_support_set_item_text (project, fixture->team, item_id, "evidence", TANDEM_UNCHECKED,
                                                    "", &error));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tandem_peer_support_list_items (project, fixture->team, NULL);
  g_assert_null (find_item (after, "Peer identity is protected")->evidence);
}

static void
test_own_items (Fixture       *fixture,
                gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *support = NULL;
  g_autofree char *builtin = NULL;
  gint last_recruitment, own, own2, first_workforce;

  first = tandem_peer_support_add_item (project, "Recruitment", "Peers sit on every panel", &error);
  g_assert_no_error (error);
  second = tandem_peer_support_add_item (project, "Recruitment", "Easy-read job adverts", &error);
  g_assert_no_error (error);
  support = tandem_peer_support_add_item (project, "Support in place", "A peer buddy", &error);
  g_assert_no_error (error);
  g_assert_null (tandem_peer_support_add_item (project, "Recruitment", "   ", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  items = tandem_peer_support_list_items (project, fixture->team, &error);
  g_assert_cmpuint (items->len, ==, 39);
  last_recruitment = index_of (items, "Recruitment days and interviews are held");
  own = index_of (items, "Peers sit on every panel");
  own2 = index_of (items, "Easy-read job adverts");
  first_workforce = index_of (items, "Training for the role and ongoing CPD");
  g_assert_cmpint (last_recruitment, <, own);
  g_assert_cmpint (own, <, own2);
  g_assert_cmpint (own2, <, first_workforce);
  g_assert_false (find_item (items, "Peers sit on every panel")->builtin);
  g_assert_true (find_item (items, "A peer buddy")->support);
  g_assert_cmpint (index_of (items, "A peer buddy"), ==, 38);

  /* The national framework stays whole; the project's own items can go. */
  builtin = g_strdup (find_item (items, "Recruitment is values-based")->item_id);
  g_assert_false (tandem_peer_support_delete_item (project, builtin, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, first,
                                                 TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_true (tandem_peer_support_delete_item (project, first, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_exists (project, "framework_item", first));
  g_assert_cmpint (tandem_project_count (project, "framework_status", "team_id", fixture->team),
                   ==, 0);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_exists (project, "framework_item", first));
  g_assert_cmpint (tandem_project_count (project, "framework_status", "team_id", fixture->team),
                   ==, 1);
}

static void
test_roles_and_supervision (Fixture       *fixture,
                            gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *ben = NULL;
  g_autofree char *record = NULL;
  g_autofree char *words = NULL;
  const TandemPeerRole *role;

  ana = tandem_peer_support_add_role (project, fixture->team, "Peer support worker", &error);
  g_assert_no_error (error);
  ben = tandem_peer_support_add_role (project, fixture->team, "", &error);
  g_assert_no_error (error);
  {
    g_autofree char *title = tandem_project_get_text (project, "peer_role", ben, "title");
    g_assert_cmpstr (title, ==, "Peer support worker");
  }

  g_assert_true (tandem_peer_support_set_role_field (project, ana, "band", TANDEM_UNCHECKED, "Band 4", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, ana, "hours", TANDEM_UNCHECKED, "37,5", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, ana, "start_date", TANDEM_UNCHECKED, "01/08/2026", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, ana, "paired", TANDEM_UNCHECKED, "1", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, ana,
                                                     "expected_supervision_per_month", TANDEM_UNCHECKED, "2", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_peer_support_set_role_field (project, ana, "hours", TANDEM_UNCHECKED, "90", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_set_role_field (project, ana, "end_date", TANDEM_UNCHECKED, "2026-07-01", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_set_role_field (project, ana, "title", TANDEM_UNCHECKED, " ", &error));
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_set_role_field (project, ana, "health", TANDEM_UNCHECKED, "x", &error));
  g_clear_error (&error);

  /* Six 1:1 and group sessions in the three months to today, plus training
   * and a debrief, which are not counted as supervision. */
  {
    static const struct { const char *date; TandemSupervisionKind kind; } sessions[] = {
      { "2026-08-03", TANDEM_SUPERVISION_TRAINING },
      { "2026-09-03", TANDEM_SUPERVISION_ONE_TO_ONE },
      { "2026-09-17", TANDEM_SUPERVISION_GROUP },
      { "2026-10-03", TANDEM_SUPERVISION_ONE_TO_ONE },
      { "17/10/2026", TANDEM_SUPERVISION_GROUP },
      { "2026-11-03", TANDEM_SUPERVISION_ONE_TO_ONE },
      { "2026-11-05", TANDEM_SUPERVISION_DEBRIEF },
      { "2026-11-17", TANDEM_SUPERVISION_GROUP },
    };
    for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
      {
        g_autofree char *id = tandem_peer_support_add_record (project, ana, sessions[i].date,
                                                              sessions[i].kind, "Notes", &error);
        g_assert_no_error (error);
        g_assert_nonnull (id);
      }
  }
  record = tandem_peer_support_add_record (project, ana, "tomorrow", TANDEM_SUPERVISION_GROUP,
                                           NULL, &error);
  g_assert_null (record);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  records = tandem_peer_support_list_records (project, ana, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 8);
  g_assert_cmpstr (((TandemSupervisionRecord *) records->pdata[0])->date, ==, "2026-11-17");
  g_assert_cmpstr (((TandemSupervisionRecord *) records->pdata[3])->date, ==, "2026-10-17");

  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 2);
  role = roles->pdata[0];
  g_assert_cmpstr (role->id, ==, ana);
  g_assert_cmpstr (role->band, ==, "Band 4");
  g_assert_cmpfloat (role->hours, ==, 37.5);
  g_assert_cmpstr (role->start_date, ==, "2026-08-01");
  g_assert_true (role->paired);
  g_assert_cmpuint (role->n_records, ==, 8);
  g_assert_cmpstr (role->last_supervision, ==, "2026-11-17");
  g_assert_cmpfloat_with_epsilon (role->per_month, 6 * (365.25 / 12) / 91, 1e-9);
  words = tandem_peer_support_describe_supervision (role);
  g_assert_cmpstr (words, ==, "Supervision lately: 2.0 a month. The team expects 2: as expected.");
  g_clear_pointer (&words, g_free);

  /* No start date: counted over three months; nothing recorded: none, and
   * the words say that nothing is recorded rather than “0.0 a month”. */
  role = roles->pdata[1];
  g_assert_cmpfloat (role->per_month, ==, 0);
  g_assert_true (isnan (role->expected_per_month));
  g_assert_true (isnan (role->hours));
  words = tandem_peer_support_describe_supervision (role);
  g_assert_cmpstr (words, ==, "No supervision recorded yet: add a start date and each session.");
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&roles, g_ptr_array_unref);

  /* A role that started last week is too new to say. */
  g_assert_true (tandem_peer_support_set_role_field (project, ben, "start_date", TANDEM_UNCHECKED, "2026-11-14", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, ben, "expected_supervision_per_month", TANDEM_UNCHECKED,
                                                     "1", &error));
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  role = roles->pdata[1];
  g_assert_true (isnan (role->per_month));
  words = tandem_peer_support_describe_supervision (role);
  g_assert_cmpstr (words, ==, "Too soon to say how often supervision happens.");
  g_clear_pointer (&words, g_free);

  /* Deleting a role takes its records with it, and undo brings them back. */
  g_assert_true (tandem_project_delete (project, "peer_role", ana, &error));
  g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", ana), ==, 0);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", ana), ==, 8);
}

static TandemPeerRole *
role_new (const char *start,
          const char *end,
          gboolean    vacancy)
{
  TandemPeerRole *role = g_new0 (TandemPeerRole, 1);

  role->start_date = g_strdup (start);
  role->end_date = g_strdup (end);
  role->vacancy = vacancy;
  return role;
}

static void
role_free (gpointer data)
{
  TandemPeerRole *role = data;

  g_free (role->start_date);
  g_free (role->end_date);
  g_free (role);
}

static void
test_retention (void)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (role_free);
  TandemRetention retention[3];
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;

  g_ptr_array_add (roles, role_new ("2022-06-01", NULL, FALSE));          /* 4 years, still here */
  g_ptr_array_add (roles, role_new ("2023-01-10", "2025-03-01", FALSE));  /* left after 2 years */
  g_ptr_array_add (roles, role_new ("2024-02-01", "2024-09-30", FALSE));  /* left within a year */
  g_ptr_array_add (roles, role_new ("2025-11-21", NULL, FALSE));          /* exactly a year today */
  g_ptr_array_add (roles, role_new ("2026-03-01", NULL, FALSE));          /* too new to count */
  g_ptr_array_add (roles, role_new ("2020-01-01", NULL, TRUE));           /* a vacancy */
  g_ptr_array_add (roles, role_new (NULL, NULL, FALSE));                  /* no start date */

  tandem_peer_support_retention (roles, TODAY, retention);
  g_assert_cmpuint (retention[0].years, ==, 1);
  g_assert_cmpuint (retention[0].eligible, ==, 4);
  g_assert_cmpuint (retention[0].retained, ==, 3);
  g_assert_cmpfloat (retention[0].benchmark, ==, 98);
  g_assert_cmpuint (retention[1].eligible, ==, 3);
  g_assert_cmpuint (retention[1].retained, ==, 2);
  g_assert_cmpfloat (retention[1].benchmark, ==, 88);
  g_assert_cmpuint (retention[2].eligible, ==, 2);
  g_assert_cmpuint (retention[2].retained, ==, 1);
  g_assert_cmpfloat (retention[2].benchmark, ==, 81);

  one = tandem_peer_support_describe_retention (&retention[0]);
  g_assert_cmpstr (one, ==, "After 1 year: 3 of 4 peer workers still in post (75%). "
                            "The exemplary trust keeps 98%.");
  g_ptr_array_remove_range (roles, 0, 4);
  tandem_peer_support_retention (roles, TODAY, retention);
  g_assert_cmpuint (retention[2].eligible, ==, 0);
  three = tandem_peer_support_describe_retention (&retention[2]);
  g_assert_cmpstr (three, ==, "After 3 years: no peer worker here started that long ago yet. "
                              "The exemplary trust keeps 81%.");
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  char iso[11];

  g_assert_true (tandem_peer_support_parse_date ("2026-02-28", iso, &error));
  g_assert_cmpstr (iso, ==, "2026-02-28");
  g_assert_true (tandem_peer_support_parse_date (" 1/2/2027 ", iso, &error));
  g_assert_cmpstr (iso, ==, "2027-02-01");
  g_assert_no_error (error);
  g_assert_false (tandem_peer_support_parse_date ("2026-02-29", iso, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_parse_date ("2026-02-01x", iso, &error));
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_parse_date ("1/2/27", iso, &error));
  g_clear_error (&error);
  /* Signs, spaces inside and extra digits are not dates either. */
  g_assert_false (tandem_peer_support_parse_date ("2026-+1-01", iso, &error));
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_parse_date ("2026- 1-01", iso, &error));
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_parse_date ("2026-01-257", iso, &error));
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_parse_date ("+1/+2/2027", iso, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tandem_peer_support_parse_date ("29/02/2028", iso, &error));
  g_assert_cmpstr (iso, ==, "2028-02-29");
  shown = tandem_peer_support_format_date ("2026-01-09");
  g_assert_cmpstr (shown, ==, "9 Jan 2026");
}

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, fixture->team, NULL);
  g_autoptr(TandemPeerSupportReport) report = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *own = NULL;

  g_assert_true (tandem_peer_support_set_status (project, fixture->team,
                                                 find_item (items, "Training for the role")->item_id,
                                                 TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_true (tandem_peer_support_set_status (project, fixture->team,
                                                 find_item (items, "1:1 peer supervision")->item_id,
                                                 TANDEM_ITEM_IN_PROGRESS, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_true (tandem_peer_support_set_status (project, fixture->team,
                                                 find_item (items, "Peer leaders are developed")->item_id,
                                                 TANDEM_ITEM_NOT_APPLICABLE, TANDEM_UNCHECKED, TODAY, &error));
  own = tandem_peer_support_add_item (project, "Support in place", "A peer buddy", &error);
  g_assert_no_error (error);

  report = tandem_peer_support_report_new (project, fixture->team, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->team_name, ==, "Willow Ward");
  lines = tandem_peer_support_describe_support (report);
  g_assert_cmpuint (lines->len, ==, 8);
  g_assert_cmpstr (lines->pdata[0], ==, "89% of trusts give no training for the role — this team does.");
  g_assert_cmpstr (lines->pdata[1], ==,
                   "89% of trusts give no group peer supervision — nor does this team yet.");
  g_assert_cmpstr (lines->pdata[2], ==,
                   "86% of trusts give no 1:1 peer supervision — this team is working on it.");
  g_assert_cmpstr (lines->pdata[6], ==,
                   "57% of trusts give no ongoing training or CPD — nor does this team yet.");
  g_assert_cmpstr (lines->pdata[7], ==, "A peer buddy: Not started.");

  progress = tandem_peer_support_describe_progress (report->stages);
  g_assert_nonnull (strstr (progress, "Preparation: 0 of 4 items in place, 4 not started.\n"));
  g_assert_nonnull (strstr (progress, "Peer leadership and networks: 0 of 2 items in place, "
                                      "1 not started, 1 not applicable.\n"));
  g_assert_nonnull (strstr (progress, "Support in place: 1 of 8 items in place, 1 in progress, "
                                      "6 not started."));

  g_assert_null (tandem_peer_support_report_new (project, "no-such-team", TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

/* The summary agrees with the record: a team that records 1:1 and group
 * supervision is not told it gives none, and a bare band number is named as
 * the band. */
static void
test_words_agree_with_record (Fixture       *fixture,
                              gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemPeerSupportReport) report = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *role = NULL;
  g_autofree char *record = NULL;
  g_autofree char *terms = NULL;

  role = tandem_peer_support_add_role (project, fixture->team, "Peer support worker", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_role_field (project, role, "band", TANDEM_UNCHECKED, "4", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, role, "start_date", TANDEM_UNCHECKED,
                                                     "2026-06-01", &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-02", 9 + i);
      g_autofree char *id = tandem_peer_support_add_record (project, role, date,
                                                            TANDEM_SUPERVISION_ONE_TO_ONE, NULL, &error);
      g_assert_no_error (error);
    }
  record = tandem_peer_support_add_record (project, role, "2026-11-03", TANDEM_SUPERVISION_GROUP,
                                           NULL, &error);
  g_assert_no_error (error);

  report = tandem_peer_support_report_new (project, fixture->team, TODAY, &error);
  g_assert_no_error (error);
  lines = tandem_peer_support_describe_support (report);
  g_assert_cmpstr (lines->pdata[0], ==,
                   "89% of trusts give no training for the role — nor does this team yet.");
  g_assert_cmpstr (lines->pdata[1], ==,
                   "89% of trusts give no group peer supervision — this team records 1 session, "
                   "though its checklist does not yet mark it in place.");
  g_assert_cmpstr (lines->pdata[2], ==,
                   "86% of trusts give no 1:1 peer supervision — this team records 3 sessions, "
                   "though its checklist does not yet mark it in place.");
  for (guint i = 0; i < lines->len; i++)
    if (i == 1 || i == 2)
      g_assert_null (strstr (lines->pdata[i], "nor does"));

  terms = tandem_peer_support_describe_role (report->roles->pdata[0]);
  g_assert_true (g_str_has_prefix (terms, "Band 4 · started 1 Jun 2026"));

  /* A band written out in full is shown as written. */
  g_assert_true (tandem_peer_support_set_role_field (project, role, "band", TANDEM_UNCHECKED,
                                                     "Agenda for Change band 4", &error));
  g_clear_pointer (&report, tandem_peer_support_report_free);
  report = tandem_peer_support_report_new (project, fixture->team, TODAY, &error);
  g_clear_pointer (&terms, g_free);
  terms = tandem_peer_support_describe_role (report->roles->pdata[0]);
  g_assert_true (g_str_has_prefix (terms, "Agenda for Change band 4 · "));
}

/* The caseload's few grouped queries agree with each team's own list. */
static void
test_caseload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-peer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.tandem", NULL);
  g_autoptr(TandemProject) project = tandem_project_create (path, &error);
  g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);

  caseload = tandem_peer_support_caseload_new (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (caseload->teams->len, ==, 3);
  g_assert_cmpuint (caseload->stage_names->len, ==, 8);
  for (guint t = 0; t < caseload->teams->len; t++)
    {
      const TandemTeamProgress *team = caseload->teams->pdata[t];
      g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, team->team_id, NULL);
      g_autoptr(GPtrArray) stages = tandem_peer_support_stage_progress (items);

      g_assert_cmpuint (stages->len, ==, team->stages->len);
      for (guint s = 0; s < stages->len; s++)
        {
          const TandemStageProgress *a = stages->pdata[s];
          const TandemStageProgress *b = team->stages->pdata[s];

          g_assert_cmpstr (a->stage, ==, b->stage);
          g_assert_cmpuint (a->total, ==, b->total);
          for (guint k = 0; k < TANDEM_N_ITEM_STATUSES; k++)
            g_assert_cmpuint (a->counts[k], ==, b->counts[k]);
        }
    }
  text = tandem_peer_support_describe_caseload (caseload);
  g_assert_nonnull (strstr (text, "Delderfield Ward: Preparation 75% in place;"));

  /* The sample's Delderfield Ward: Grace has supervision twice a month. */
  {
    const TandemTeamProgress *delderfield = caseload->teams->pdata[0];
    g_autoptr(TandemPeerSupportReport) report =
      tandem_peer_support_report_new (project, delderfield->team_id, "2026-11-21", &error);
    const TandemPeerRole *grace;

    g_assert_no_error (error);
    g_assert_cmpuint (report->roles->len, ==, 1);
    grace = report->roles->pdata[0];
    g_assert_cmpfloat (grace->per_month, >=, 1.9);
    g_assert_cmpuint (report->retention[0].eligible, ==, 0);
  }

  g_clear_object (&project);
  g_unlink (path);
  g_rmdir (dir);
}

/* A role counts as filled in the caseload until its end date has passed,
 * by the clock's today (not the computer's). */
static void
test_caseload_filled_roles (Fixture       *fixture,
                            gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  static const char * const end_dates[] = { NULL, "2016-06-30", "2016-07-01", "2016-07-10",
                                            "2039-12-31" };
  static const struct { const char *now; guint filled; } expected[] = {
    { "2016-07-01T12:00:00Z", 4 },  /* the open role and the three ending from that day on */
    { "2040-01-01T12:00:00Z", 1 },  /* only the open role */
  };

  for (guint i = 0; i < G_N_ELEMENTS (end_dates); i++)
    {
      g_autofree char *role = tandem_peer_support_add_role (project, fixture->team,
                                                            "Peer support worker", &error);

      g_assert_no_error (error);
      if (end_dates[i] != NULL)
        g_assert_true (tandem_peer_support_set_role_field (project, role, "end_date", TANDEM_UNCHECKED,
                                                           end_dates[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
      const TandemTeamProgress *team;

      set_clock (expected[i].now);
      caseload = tandem_peer_support_caseload_new (project, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (caseload->teams->len, ==, 1);
      team = caseload->teams->pdata[0];
      g_assert_cmpuint (team->roles, ==, expected[i].filled);
    }
  set_clock (TODAY_NOON);
}

/* A file from elsewhere with a broken change log still shows its history. */
static void
test_untrusted_history (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (fixture->project, fixture->team, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const char *item_id = find_item (items, "We learn as we go")->item_id;
  g_autoptr(TandemProject) reopened = NULL;
  sqlite3 *db;

  g_assert_true (tandem_peer_support_set_status (fixture->project, fixture->team, item_id,
                                                 TANDEM_ITEM_PLANNING, TANDEM_UNCHECKED, TODAY, &error));
  after = tandem_peer_support_list_items (fixture->project, fixture->team, NULL);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE change_log SET new_value = '{not json' "
                                     "WHERE entity = 'framework_status' AND op = 'insert'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  history = tandem_peer_support_status_history (fixture->project,
                                                find_item (after, "We learn as we go")->status_id,
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
}

/* The timeline: statuses from the change log, workers starting and
 * leaving, supervision and training; newest first, one team only. */
static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, fixture->team, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_team = NULL;
  g_autofree char *other_role = NULL;
  g_autofree char *words = NULL;
  g_autofree char *short_words = NULL;
  g_autofree char *nothing = NULL;
  const char *item_id = find_item (items, "Recruitment is values-based")->item_id;
  static const struct { TandemTimelineKind kind; const char *date; const char *text; } expected[] = {
    { TANDEM_TIMELINE_STATUS, NULL, "Recruitment is values-based: In place" },
    { TANDEM_TIMELINE_STATUS, NULL, "Recruitment is values-based: Planning" },
    { TANDEM_TIMELINE_ROLE_LEFT, "2026-06-30", "Peer support worker: the peer worker left (Moved to a new post)" },
    { TANDEM_TIMELINE_TRAINING, "2026-03-05", "Training for the Senior peer worker" },
    { TANDEM_TIMELINE_SUPERVISION, "2026-03-01", "1:1 supervision for the Senior peer worker: First 1:1" },
    { TANDEM_TIMELINE_ROLE_STARTED, "2026-02-01", "Senior peer worker: a peer worker started" },
    { TANDEM_TIMELINE_ROLE_STARTED, "2024-01-15", "Peer support worker: a peer worker started" },
  };

  /* Status changes are dated by the clock, in UTC like the change log. */
  set_clock ("2027-02-14T23:30:00Z");
  empty = tandem_peer_support_timeline (project, fixture->team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
  nothing = tandem_peer_support_describe_timeline (empty, 0);
  g_assert_true (g_str_has_prefix (nothing, "Nothing has happened yet"));

  first = tandem_peer_support_add_role (project, fixture->team, "Peer support worker", &error);
  g_assert_true (tandem_peer_support_set_role_field (project, first, "start_date", TANDEM_UNCHECKED, "2024-01-15", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, first, "end_date", TANDEM_UNCHECKED, "2026-06-30", &error));
  g_assert_true (tandem_peer_support_set_role_field (project, first, "leaving_reason", TANDEM_UNCHECKED,
                                                     "Moved to a new post", &error));
  second = tandem_peer_support_add_role (project, fixture->team, "Senior peer worker", &error);
  g_assert_true (tandem_peer_support_set_role_field (project, second, "start_date", TANDEM_UNCHECKED, "2026-02-01", &error));
  g_assert_no_error (error);
  g_free (tandem_peer_support_add_record (project, second, "2026-03-01",
                                          TANDEM_SUPERVISION_ONE_TO_ONE, "First 1:1", &error));
  g_free (tandem_peer_support_add_record (project, second, "2026-03-05",
                                          TANDEM_SUPERVISION_TRAINING, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_PLANNING, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_no_error (error);

  /* Another team's story is its own. */
  {
    TandemField fields[] = { { "name", tandem_value_text ("Birch Ward") } };
    other_team = tandem_project_insert (project, "team", fields, 1, &error);
  }
  other_role = tandem_peer_support_add_role (project, other_team, "Peer worker", &error);
  g_assert_true (tandem_peer_support_set_role_field (project, other_role, "start_date", TANDEM_UNCHECKED, "2025-05-05",
                                                     &error));
  g_free (tandem_peer_support_add_record (project, other_role, "2025-06-01",
                                          TANDEM_SUPERVISION_GROUP, NULL, &error));
  g_assert_true (tandem_peer_support_set_status (project, other_team, item_id,
                                                 TANDEM_ITEM_IN_PROGRESS, TANDEM_UNCHECKED, TODAY, &error));
  g_assert_no_error (error);

  events = tandem_peer_support_timeline (project, fixture->team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TandemTimelineEvent *event = events->pdata[i];

      g_assert_cmpint (event->kind, ==, expected[i].kind);
      g_assert_cmpstr (event->text, ==, expected[i].text);
      if (expected[i].date)
        {
          g_assert_cmpstr (event->date, ==, expected[i].date);
          g_assert_null (event->author);
        }
      else
        {
          /* A status change happened when it was recorded, by whom. */
          g_assert_cmpstr (event->date, ==, "2027-02-14");
          g_assert_cmpstr (event->author, ==, "Ada Coach");
        }
    }

  words = tandem_peer_support_describe_timeline (events, 0);
  g_assert_nonnull (strstr (words, "30 Jun 2026 — Peer support worker: the peer worker left "
                                   "(Moved to a new post)\n"));
  g_assert_nonnull (strstr (words, "— Recruitment is values-based: In place (recorded by Ada Coach)"));
  g_assert_null (strstr (words, "Birch"));
  g_assert_null (strstr (words, "Peer worker:"));
  short_words = tandem_peer_support_describe_timeline (events, 3);
  g_assert_true (g_str_has_suffix (short_words, "\n…and 4 earlier events."));
  g_assert_null (strstr (short_words, "Training"));

  /* Clearing an end date (the worker stayed after all) takes its event away. */
  g_assert_true (tandem_peer_support_set_role_field (project, first, "end_date", TANDEM_UNCHECKED, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = tandem_peer_support_timeline (project, fixture->team, &error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected) - 1);
  set_clock (TODAY_NOON);
}

/* A status chosen from a drop-down is checked against what it showed: a
 * change another program saved first stands, and both are kept. */
static void
test_status_expecting (Fixture       *fixture,
                       gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(TandemProject) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, fixture->team, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *item_id = g_strdup (find_item (items, "Recruitment is values-based")->item_id);
  const TandemTrackerItem *item;
  TandemConflict *conflict;

  /* No status yet: the drop-down showed none, so the first choice is saved. */
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_PLANNING, NULL, "2026-10-01",
                                                 &error));
  g_assert_no_error (error);
  /* Chosen from what is stored: saved as usual. */
  g_assert_true (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                 TANDEM_ITEM_IN_PROGRESS, "planning",
                                                 "2026-10-02", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_project_count_conflicts (project), ==, 0);

  /* Another program marks it in place; this one, still showing "in
   * progress", chooses "not applicable". */
  other = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (other, "Aisha Peer");
  g_assert_true (tandem_peer_support_set_status (other, fixture->team, item_id, TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED,
                                                 "2026-10-03", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_peer_support_set_status (project, fixture->team, item_id,
                                                  TANDEM_ITEM_NOT_APPLICABLE, "in_progress",
                                                  "2026-10-04", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);

  after = tandem_peer_support_list_items (project, fixture->team, &error);
  g_assert_no_error (error);
  item = find_item (after, "Recruitment is values-based");
  g_assert_cmpint (item->status, ==, TANDEM_ITEM_IN_PLACE);
  g_assert_cmpstr (item->last_reviewed, ==, "2026-10-03");
  conflicts = tandem_project_list_conflicts (project);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->entity_id, ==, item->status_id);
  g_assert_cmpstr (conflict->field, ==, "status");
  g_assert_cmpstr (conflict->mine_value, ==, "not_applicable");
  g_assert_cmpstr (conflict->theirs_value, ==, "in_place");
  g_assert_cmpstr (conflict->theirs_author, ==, "Aisha Peer");
}

/* What the page deletes, each as one change in core: undone by one undo; a
 * delete the file refuses part-way leaves everything. */
static void
test_typed_deletes (Fixture       *fixture,
                    gconstpointer  data)
{
  TandemProject *project = fixture->project;
  static const char count_log[] = "SELECT count(*) FROM change_log";
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 logged;

  role = tandem_peer_support_add_role (project, fixture->team, "Peer support worker", &error);
  g_assert_no_error (error);
  first = tandem_peer_support_add_record (project, role, "2026-09-03", TANDEM_SUPERVISION_ONE_TO_ONE,
                                          "Talked about boundaries", &error);
  g_assert_no_error (error);
  second = tandem_peer_support_add_record (project, role, "2026-10-01", TANDEM_SUPERVISION_GROUP,
                                           "Keep", &error);
  g_assert_no_error (error);

  g_assert_true (tandem_peer_support_delete_record (project, first, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete supervision record");
  g_assert_false (tandem_project_exists (project, "supervision", first));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_exists (project, "supervision", first));

  /* The second record cannot go: the role and the first stay too. */
  run_sql_or_die (project, "CREATE TEMP TRIGGER refuse BEFORE DELETE ON supervision "
                  "WHEN old.note = 'Keep' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (project, count_log);
  g_assert_false (tandem_peer_support_delete_role (project, role, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tandem_peer_support_delete_record (project, second, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  run_sql_or_die (project, "DROP TRIGGER refuse");
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  g_assert_true (tandem_project_exists (project, "peer_role", role));
  g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", role), ==, 2);

  g_assert_true (tandem_peer_support_delete_role (project, role, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete peer role");
  g_assert_false (tandem_project_exists (project, "peer_role", role));
  g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", role), ==, 0);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (project, "peer_role", role));
  g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", role), ==, 2);
}

/* A file another program holds (as /db/locked holds it) is reported as
 * locked, try again, by the tracker's reads and writes alike, and not as an
 * empty or short list; once the other program lets go, both work. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *role = NULL;
  g_autofree char *item_id = NULL;
  sqlite3 *other = NULL;

  /* Open again, so as not to wait the usual seconds for the other program. */
  reopen_impatient (&fixture->project, fixture->path, 150);
  role = tandem_peer_support_add_role (fixture->project, fixture->team, "Peer worker", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_peer_support_set_role_field (fixture->project, role, "start_date",
                                                     TANDEM_UNCHECKED, "2026-01-05", &error));
  g_assert_no_error (error);
  g_free (tandem_peer_support_add_record (fixture->project, role, "2026-11-02",
                                          TANDEM_SUPERVISION_ONE_TO_ONE, NULL, &error));
  g_assert_no_error (error);
  items = tandem_peer_support_list_items (fixture->project, fixture->team, &error);
  g_assert_no_error (error);
  item_id = g_strdup (((TandemTrackerItem *) items->pdata[0])->item_id);
  g_clear_pointer (&items, g_ptr_array_unref);

  other = hold_write_lock (fixture->path);

  /* Not “this team no longer exists”, as the report said before. */
  g_assert_null (tandem_peer_support_report_new (fixture->project, fixture->team, TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_list_items (fixture->project, fixture->team, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_list_roles (fixture->project, fixture->team, TODAY, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_caseload_new (fixture->project, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_timeline (fixture->project, fixture->team, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_add_item (fixture->project, "Preparing", "A new item", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_false (tandem_peer_support_set_status (fixture->project, fixture->team, item_id,
                                                  TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY,
                                                  &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (tandem_peer_support_add_role (fixture->project, fixture->team, "Second", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  release_write_lock (other);

  items = tandem_peer_support_list_items (fixture->project, fixture->team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  {
    g_autoptr(GPtrArray) roles = tandem_peer_support_list_roles (fixture->project, fixture->team,
                                                                 TODAY, &error);
    g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
    g_autoptr(GPtrArray) events = NULL;
    g_autofree char *second = NULL;
    g_autofree char *own = NULL;

    g_autoptr(TandemPeerSupportReport) report = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (roles->len, ==, 1);
    g_assert_cmpuint (((TandemPeerRole *) roles->pdata[0])->n_records, ==, 1);
    report = tandem_peer_support_report_new (fixture->project, fixture->team, TODAY, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (report->team_name, ==, "Willow Ward");
    caseload = tandem_peer_support_caseload_new (fixture->project, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (caseload->teams->len, ==, 1);
    events = tandem_peer_support_timeline (fixture->project, fixture->team, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 2);
    own = tandem_peer_support_add_item (fixture->project, "Preparing", "A new item", &error);
    g_assert_no_error (error);
    g_assert_true (tandem_peer_support_set_status (fixture->project, fixture->team, item_id,
                                                   TANDEM_ITEM_IN_PLACE, TANDEM_UNCHECKED, TODAY,
                                                   &error));
    g_assert_no_error (error);
    second = tandem_peer_support_add_role (fixture->project, fixture->team, "Second", &error);
    g_assert_no_error (error);
    g_assert_nonnull (second);
  }
  tandem_project_set_default_busy_timeout (5000);
}

static char *
add_person_or_die (TandemProject *project,
                   const char    *team,
                   const char    *name)
{
  TandemPerson details = { .name = (char *) name };
  g_autoptr(GError) error = NULL;
  char *id = tandem_person_add (project, team, &details, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static const TandemPeerRole *
only_role (GPtrArray *roles)
{
  g_assert_nonnull (roles);
  g_assert_cmpuint (roles->len, ==, 1);
  return roles->pdata[0];
}

/* A role names who holds it and who supervises them, both people of the
 * project; the words say so, a person a role names is never deleted, and a
 * merge moves the role to the entry kept. */
static void
test_role_people (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *role = NULL;
  g_autofree char *jo = add_person_or_die (project, fixture->team, "Jo Reid");
  g_autofree char *sam = add_person_or_die (project, fixture->team, "Sam Okafor");
  g_autofree char *sam_again = add_person_or_die (project, fixture->team, "Samuel Okafor");
  g_autofree char *terms = NULL;
  g_autofree char *supervision = NULL;
  const TandemPeerRole *shown;

  role = tandem_peer_support_add_role (project, fixture->team, "Peer support worker", &error);
  g_assert_no_error (error);
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_no_error (error);
  shown = only_role (roles);
  g_assert_null (shown->person_id);
  g_assert_null (shown->supervisor_id);
  supervision = tandem_peer_support_describe_supervision (shown);
  /* A new role with nothing recorded is not said to have “0.0 a month”. */
  g_assert_cmpstr (supervision, ==, "No supervision recorded yet: add a start date and each session.");
  g_clear_pointer (&supervision, g_free);
  g_clear_pointer (&roles, g_ptr_array_unref);

  g_assert_true (tandem_peer_support_set_role_field (project, role, "person_id", NULL, jo, &error));
  g_assert_no_error (error);
  /* Checked against what the chooser showed, as every edit is. */
  g_assert_true (tandem_peer_support_set_role_field (project, role, "supervisor_id", NULL, sam_again,
                                                     &error));
  g_assert_no_error (error);
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  shown = only_role (roles);
  g_assert_cmpstr (shown->person_id, ==, jo);
  g_assert_cmpstr (shown->person_name, ==, "Jo Reid");
  g_assert_cmpstr (shown->supervisor_name, ==, "Samuel Okafor");
  terms = tandem_peer_support_describe_role (shown);
  g_assert_true (g_str_has_prefix (terms, "Jo Reid · "));
  supervision = tandem_peer_support_describe_supervision (shown);
  g_assert_true (g_str_has_prefix (supervision, "Supervised by Samuel Okafor. "));
  g_clear_pointer (&roles, g_ptr_array_unref);

  /* Someone who is not in the project is refused, and nothing changes. */
  g_assert_false (tandem_peer_support_set_role_field (project, role, "person_id", TANDEM_UNCHECKED,
                                                      "no-such-person", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_cmpstr (only_role (roles)->person_id, ==, jo);
  g_clear_pointer (&roles, g_ptr_array_unref);

  /* The history keeps them: neither can be deleted while a role names them. */
  g_assert_false (tandem_person_delete (project, jo, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "holds 1 peer role"));
  g_clear_error (&error);
  g_assert_false (tandem_person_delete (project, sam_again, &error));
  g_assert_nonnull (strstr (error->message, "supervises 1 peer role"));
  g_clear_error (&error);

  /* Two entries for one supervisor: the role follows the one kept. */
  g_assert_true (tandem_person_merge (project, sam, sam_again, &error));
  g_assert_no_error (error);
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_cmpstr (only_role (roles)->supervisor_id, ==, sam);
  g_assert_cmpstr (only_role (roles)->supervisor_name, ==, "Sam Okafor");
  g_clear_pointer (&roles, g_ptr_array_unref);
  g_assert_true (tandem_project_undo (project, &error));
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_cmpstr (only_role (roles)->supervisor_id, ==, sam_again);
  g_clear_pointer (&roles, g_ptr_array_unref);

  /* Emptied, the role has no one named; the undo puts the holder back. */
  g_assert_true (tandem_peer_support_set_role_field (project, role, "person_id", jo, "", &error));
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_null (only_role (roles)->person_id);
  g_clear_pointer (&roles, g_ptr_array_unref);
  g_assert_true (tandem_project_undo (project, &error));
  roles = tandem_peer_support_list_roles (project, fixture->team, TODAY, &error);
  g_assert_cmpstr (only_role (roles)->person_name, ==, "Jo Reid");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  set_clock (TODAY_NOON);

  g_test_add ("/peer-support/framework", Fixture, NULL, fixture_set_up, test_framework,
              fixture_tear_down);
  g_test_add ("/peer-support/status-and-history", Fixture, NULL, fixture_set_up,
              test_status_and_history, fixture_tear_down);
  g_test_add ("/peer-support/status-expecting", Fixture, NULL, fixture_set_up,
              test_status_expecting, fixture_tear_down);
  g_test_add ("/peer-support/own-items", Fixture, NULL, fixture_set_up, test_own_items,
              fixture_tear_down);
  g_test_add ("/peer-support/roles-and-supervision", Fixture, NULL, fixture_set_up,
              test_roles_and_supervision, fixture_tear_down);
  g_test_add ("/peer-support/role-people", Fixture, NULL, fixture_set_up, test_role_people,
              fixture_tear_down);
  g_test_add ("/peer-support/words", Fixture, NULL, fixture_set_up, test_words, fixture_tear_down);
  g_test_add ("/peer-support/words-agree-with-record", Fixture, NULL, fixture_set_up,
              test_words_agree_with_record, fixture_tear_down);
  g_test_add ("/peer-support/untrusted-history", Fixture, NULL, fixture_set_up,
              test_untrusted_history, fixture_tear_down);
  g_test_add ("/peer-support/timeline", Fixture, NULL, fixture_set_up, test_timeline,
              fixture_tear_down);
  g_test_add ("/peer-support/caseload-filled-roles", Fixture, NULL, fixture_set_up,
              test_caseload_filled_roles, fixture_tear_down);
  g_test_add ("/peer-support/typed-deletes", Fixture, NULL, fixture_set_up, test_typed_deletes,
              fixture_tear_down);
  g_test_add ("/peer-support/locked", Fixture, NULL, fixture_set_up, test_locked,
              fixture_tear_down);
  g_test_add_func ("/peer-support/retention", test_retention);
  g_test_add_func ("/peer-support/dates", test_dates);
  g_test_add_func ("/peer-support/caseload", test_caseload);
  return g_test_run ();
}
