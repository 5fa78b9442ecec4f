/* bench-chart.c — drawing charts, and `tandem-cli export chart` as a whole process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budgets: a 104-point run chart exported to PDF by tandem-cli in under 25 ms
 * and a 10,000-point I chart in under 50 ms (whole process: start, open the
 * project, analyse, draw, write); a redraw of the 10,000-point chart at
 * window size in under 16 ms. Prints the best and median of several runs;
 * exits 1 if a best is over budget. The CLI's path comes from argv[1].
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "tandem-bench-util.h"
#include "tandem-chart.h"
#include "tandem-measure.h"
#include "tandem-project.h"

#define N_RUNS 21

static void
add_measure (TandemProject *project,
             const char    *team,
             const char    *name,
             const char    *chart,
             guint          n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  GRand *rand = g_rand_new_with_seed (n);
  GDate date;
  TandemField fields[] = {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text (name) },
    { "chart_type", tandem_value_text (chart) },
    { "unit", tandem_value_text ("incidents") },
  };

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1990);
  if (!tandem_project_begin (project, "bench", &error) ||
      !(measure = tandem_project_insert (project, "measure", fields, G_N_ELEMENTS (fields), &error)))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      char day[11];
      g_autofree char *id = NULL;

      g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      {
        TandemField point[] = {
          { "measure_id", tandem_value_text (measure) },
          { "date", tandem_value_text (day) },
          { "value", tandem_value_double (round (g_rand_double_range (rand, 5, 15))) },
        };
        id = tandem_project_insert (project, "data_point", point, G_N_ELEMENTS (point), &error);
      }
      if (id == NULL)
        g_error ("%s", error->message);
      g_date_add_days (&date, n > 1000 ? 1 : 7);
    }
  if (!tandem_project_commit (project, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
}

static gboolean
time_export (const char *cli,
             const char *project,
             const char *measure,
             const char *output,
             double      budget)
{
  double times[N_RUNS];

  for (guint r = 0; r < N_RUNS; r++)
    {
      const char *argv[] = { cli, "export", "chart", "--measure", measure, "--format", "pdf",
                             "--output", output, project, NULL };
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("tandem-cli export chart failed: %s", error->message);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  printf ("tandem-cli export chart (%s) to PDF: best %.1f ms, median %.1f ms (budget %.0f ms)\n",
          measure, times[0], times[N_RUNS / 2], budget);
  return times[0] <= budget;
}

static TandemProject *
make_project (const char  *path,
              char       **team)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project = tandem_project_create (path, &error);
  TandemField fields[] = { { "name", tandem_value_text ("Bench Ward") } };

  if (project == NULL || !tandem_project_begin (project, "bench", &error) ||
      !(*team = tandem_project_insert (project, "team", fields, 1, &error)) ||
      !tandem_project_commit (project, &error))
    g_error ("%s", error->message);
  return project;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-chart-XXXXXX", &error);
  g_autofree char *small = g_build_filename (dir, "ward.tandem", NULL);
  g_autofree char *large = g_build_filename (dir, "large.tandem", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *team = NULL;
  g_autofree char *team2 = NULL;
  gboolean ok = TRUE;

  /* A ward's project with two years of weekly data, and one with 10,000 days. */
  project = make_project (small, &team);
  add_measure (project, team, "Run 104", "run", 104);
  g_clear_object (&project);
  project = make_project (large, &team2);
  add_measure (project, team2, "I 10000", "i", 10000);

  /* A redraw of the 10,000-point chart at a window's size. */
  {
    g_autofree char *id = tandem_measure_find (project, "I 10000", &error);
    g_autoptr(TandemMeasure) measure = tandem_measure_load (project, id, &error);
    g_autoptr(TandemChart) chart = tandem_chart_new (measure);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 460);
    double times[N_RUNS];

    for (guint r = 0; r < N_RUNS; r++)
      {
        cairo_t *cr = cairo_create (surface);
        gint64 start = g_get_monotonic_time ();

        tandem_chart_draw (chart, cr, 1000, 460);
        cairo_surface_flush (surface);
        times[r] = (g_get_monotonic_time () - start) / 1000.0;
        cairo_destroy (cr);
      }
    cairo_surface_destroy (surface);
    qsort (times, N_RUNS, sizeof (double), compare_doubles);
    printf ("redraw of the 10,000-point I chart at 1000 × 460: best %.2f ms, median %.2f ms "
            "(budget 16 ms)\n", times[0], times[N_RUNS / 2]);
    ok = ok && times[0] <= 16;
  }
  g_clear_object (&project);

  if (argc > 1)
    {
      ok = time_export (argv[1], small, "Run 104", pdf, 25) && ok;
      ok = time_export (argv[1], large, "I 10000", pdf, 50) && ok;
    }

  g_unlink (pdf);
  g_unlink (small);
  g_unlink (large);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
