/* bench-coaching.c — the coaching caseload, a team's list and full-text search
 * on the national sample (2,600 sessions, 10,400 actions)
 *
 * Targets (issue 5): caseload view and per-team list under 50 ms; a
 * full-text search under 20 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-coaching.h"
#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

#define NOW "2026-11-21T12:00:00Z"

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = { "evening group", "ethnicity", "carers", "huddles",
                                          "restrictive practice", "peer support", "data", "quiet" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  double caseload[20], lists[52], searches[G_N_ELEMENTS (queries) * 5];
  double caseload_ms, list_ms, search_ms, catch_up;
  guint n_hits = 0;
  gint64 start;
  int status = 0;

  project = create_sample_in_tmp ("tandem-bench-XXXXXX", "National.tandem", TANDEM_SAMPLE_NATIONAL,
                                 &dir, NULL);
  g_print ("national sample: %" G_GINT64_FORMAT " sessions, %" G_GINT64_FORMAT " actions\n",
           tandem_project_count (project, "coaching_session", NULL, NULL),
           tandem_project_count (project, "action", NULL, NULL));

  /* The first search after the sample was made catches the index up with
   * everything it holds: once, not per search. */
  start = g_get_monotonic_time ();
  if (!tandem_coaching_update_index (project, &error))
    g_error ("%s", error->message);
  catch_up = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("search index brought up to date with the whole sample: %.1f ms (once)\n", catch_up);

  for (guint i = 0; i < G_N_ELEMENTS (caseload); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) upcoming = NULL;

      start = g_get_monotonic_time ();
      rows = tandem_coaching_caseload (project, NOW, &error);
      upcoming = tandem_coaching_list_upcoming (project, NOW, 20, &error);
      caseload[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 52);
    }

  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  for (guint i = 0; i < teams->len && i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) sessions = NULL;
      g_autoptr(GPtrArray) open = NULL;

      start = g_get_monotonic_time ();
      sessions = tandem_coaching_list_sessions (project, teams->pdata[i], NULL, NULL, TRUE, &error);
      open = tandem_coaching_list_actions_to_review (project, teams->pdata[i], NULL, &error);
      lists[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (sessions->len, ==, 50);
    }

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      start = g_get_monotonic_time ();
      hits = tandem_coaching_search (project, queries[i % G_N_ELEMENTS (queries)], 100, &error);
      searches[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_hits += hits->len;
    }

  caseload_ms = worst (caseload, G_N_ELEMENTS (caseload));
  list_ms = worst (lists, MIN (teams->len, G_N_ELEMENTS (lists)));
  search_ms = worst (searches, G_N_ELEMENTS (searches));
  g_print ("caseload (52 teams + upcoming): median %.2f ms, worst %.2f ms (budget 50 ms)\n",
           median (caseload, G_N_ELEMENTS (caseload)), caseload_ms);
  g_print ("per-team list (50 sessions + open actions): median %.2f ms, worst %.2f ms (budget 50 ms)\n",
           median (lists, MIN (teams->len, G_N_ELEMENTS (lists))), list_ms);
  g_print ("full-text search (up to 100 results, %u in all): median %.2f ms, worst %.2f ms (budget 20 ms)\n",
           n_hits, median (searches, G_N_ELEMENTS (searches)), search_ms);
  if (caseload_ms > 50 || list_ms > 50 || search_ms > 20)
    {
      g_print ("OVER BUDGET\n");
      status = 1;
    }

  g_clear_object (&project);
  free_tmp (&dir, NULL);
  return status;
}
