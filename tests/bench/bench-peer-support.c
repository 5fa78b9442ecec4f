/* bench-peer-support.c — the peer-support tracker on the national sample:
 * the coach's caseload heat map across every team, one team's summary and
 * timeline, and drawing them
 *
 * Budgets (as for the other views, issue 6): building and drawing the
 * caseload heat map, a team's summary and its timeline under 50 ms each;
 * drawing the one-page summary under 50 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "tandem-peer-support.h"
#include "tandem-peer-support-chart.h"
#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

#define TODAY "2026-11-21"
#define ROUNDS 15

static gboolean
report (const char *what,
        double     *values,
        guint       n,
        double      budget)
{
  double w = worst (values, n);

  g_print ("%s: median %.2f ms, worst %.2f ms (budget %.0f ms)\n",
           what, median (values, n), w, budget);
  return w <= budget;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  cairo_surface_t *surface;
  double heatmap[ROUNDS], reading[ROUNDS], summary[ROUNDS * 4], page[ROUNDS], timeline[ROUNDS * 4];
  const char *busiest = NULL;
  gint64 most = -1, start;
  gboolean ok = TRUE;

  project = create_sample_in_tmp ("tandem-bench-XXXXXX", "National.tandem", TANDEM_SAMPLE_NATIONAL,
                                 &dir, NULL);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  g_print ("national sample: %u teams, %" G_GINT64_FORMAT " item statuses, %" G_GINT64_FORMAT
           " peer roles, %" G_GINT64_FORMAT " supervision records\n", teams->len,
           tandem_project_count (project, "framework_status", NULL, NULL),
           tandem_project_count (project, "peer_role", NULL, NULL),
           tandem_project_count (project, "supervision", NULL, NULL));
  for (guint i = 0; i < teams->len; i++)
    {
      gint64 n = tandem_project_count (project, "framework_status", "team_id", teams->pdata[i]);
      if (n > most)
        {
          most = n;
          busiest = teams->pdata[i];
        }
    }

  /* A screen-sized surface for the heat map, an A4 page for the summary.
   * One untimed round first: fonts are loaded once a process. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 2400);
  {
    g_autoptr(TandemPeerSupportCaseload) caseload = tandem_peer_support_caseload_new (project, &error);
    cairo_t *cr = cairo_create (surface);

    g_assert_no_error (error);
    tandem_peer_support_draw_heatmap (cr, 14, 12, 1172, caseload, 0, caseload->teams->len);
    cairo_destroy (cr);
  }
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
      cairo_t *cr;

      start = g_get_monotonic_time ();
      caseload = tandem_peer_support_caseload_new (project, &error);
      reading[i] = ms_since (start);
      g_assert_no_error (error);
      cr = cairo_create (surface);
      tandem_peer_support_draw_heatmap (cr, 14, 12, 1172, caseload, 0, caseload->teams->len);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      heatmap[i] = ms_since (start);
      g_assert_cmpuint (caseload->teams->len, ==, teams->len);
    }
  cairo_surface_destroy (surface);

  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    {
      const char *team = i % 4 == 0 ? busiest : teams->pdata[(i * 7) % teams->len];
      g_autoptr(TandemPeerSupportReport) r = NULL;

      start = g_get_monotonic_time ();
      r = tandem_peer_support_report_new (project, team, TODAY, &error);
      summary[i] = ms_since (start);
      g_assert_no_error (error);
      g_assert_nonnull (r);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(TandemPeerSupportReport) r = tandem_peer_support_report_new (project, busiest,
                                                                             TODAY, &error);
      cairo_t *cr = cairo_create (surface);

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      tandem_peer_support_draw_summary_page (cr, 595, 842, 0, r);
      cairo_surface_flush (surface);
      page[i] = ms_since (start);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  for (guint i = 0; i < G_N_ELEMENTS (timeline); i++)
    {
      const char *team = i % 4 == 0 ? busiest : teams->pdata[(i * 5) % teams->len];
      g_autoptr(GPtrArray) events = NULL;

      start = g_get_monotonic_time ();
      events = tandem_peer_support_timeline (project, team, &error);
      timeline[i] = ms_since (start);
      g_assert_no_error (error);
      g_assert_nonnull (events);
    }

  report ("caseload read (all teams x stages)", reading, ROUNDS, 50);
  ok &= report ("caseload heat map (all teams x stages: read + draw)", heatmap, ROUNDS, 50);
  ok &= report ("one team's summary (items, stages, roles, retention)", summary,
                G_N_ELEMENTS (summary), 50);
  ok &= report ("one-page summary drawn (A4)", page, ROUNDS, 50);
  ok &= report ("one team's timeline", timeline, G_N_ELEMENTS (timeline), 50);
  if (!ok)
    g_print ("OVER BUDGET\n");

  g_clear_object (&project);
  free_tmp (&dir, NULL);
  return ok ? 0 : 1;
}
