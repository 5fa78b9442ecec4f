/* bench-spc.c — the SPC analysis on a million points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget is 100 ms per analysis of 1,000,000 points (an i chart under the
 * Making Data Count rules, a run chart under the Anhøj rules); the run chart
 * under the IHI rules and a p chart are timed too, for information.  Prints
 * the best and the median of a few runs; exits 1 if a best is over budget.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "tandem-bench-util.h"
#include "tandem-spc.h"

#define N_POINTS 1000000
#define N_RUNS 7
#define BUDGET_MS 100.0

static double
time_analysis (const TandemSpcData *data,
               TandemSpcChart       chart,
               TandemSpcRules       rules,
               double              *median_ms,
               gsize               *n_signals)
{
  double times[N_RUNS];
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = chart;
  options.rules = rules;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemSpcResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      result = tandem_spc_analyse (data, &options, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      *n_signals = 0;
      for (gsize i = 0; i < result->n_points; i++)
        {
          TandemSpcPoint point;

          tandem_spc_result_get_point (result, i, &point);
          if (point.signals != 0)
            (*n_signals)++;
        }
    }

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  *median_ms = times[N_RUNS / 2];
  return times[0];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);
  g_autofree double *y = g_new (double, N_POINTS);
  g_autoptr(TandemSpcData) data = NULL;
  g_autoptr(TandemSpcData) ratios = NULL;
  g_autofree double *counts = NULL;
  g_autofree double *sizes = NULL;
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  TandemSpcOptions options;
  gboolean over = FALSE;
  struct
  {
    const char     *name;
    TandemSpcChart  chart;
    TandemSpcRules  rules;
  } cases[] = {
    { "i chart, mdc", TANDEM_SPC_CHART_I, TANDEM_SPC_RULES_MDC },
    { "run chart, anhoej", TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_ANHOEJ },
    { "run chart, ihi", TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI },
    { "p chart, mdc", TANDEM_SPC_CHART_P, TANDEM_SPC_RULES_MDC },
  };
  gint64 start;

  /* normal noise (Box–Muller) with an occasional shift, a trend and a few
   * missing values, so that every rule has work to do */
  for (gsize i = 0; i < N_POINTS; i += 2)
    {
      double u1 = g_rand_double (rand), u2 = g_rand_double (rand);
      double r = sqrt (-2 * log (1 - u1));

      y[i] = 50 + 5 * r * cos (2 * G_PI * u2);
      if (i + 1 < N_POINTS)
        y[i + 1] = 50 + 5 * r * sin (2 * G_PI * u2);
    }
  for (gsize i = 0; i < N_POINTS; i++)
    {
      if (i % 10000 < 12)
        y[i] += 8;
      if (i % 25000 < 9 && i % 25000 > 0)
        y[i] = y[i - 1] + 1;
      if (i % 50000 == 17)
        y[i] = NAN;
    }
  data = tandem_spc_data_new_from_values (y, NULL, N_POINTS);

  /* proportions for a p chart: y / n events, n 100 to 199 */
  counts = g_new (double, N_POINTS);
  sizes = g_new (double, N_POINTS);
  for (gsize i = 0; i < N_POINTS; i++)
    {
      sizes[i] = 100 + g_rand_int_range (rand, 0, 100);
      counts[i] = g_rand_int_range (rand, 0, (gint32) (sizes[i] / 4));
    }
  ratios = tandem_spc_data_new_from_values (counts, sizes, N_POINTS);

  printf ("SPC analysis of %d points (best and median of %d runs)\n", N_POINTS, N_RUNS);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double median, best;
      gsize n_signals;

      best = time_analysis (cases[c].chart == TANDEM_SPC_CHART_P ? ratios : data,
                            cases[c].chart, cases[c].rules, &median, &n_signals);
      printf ("  %-20s best %7.2f ms, median %7.2f ms  (%" G_GSIZE_FORMAT " points flagged)\n",
              cases[c].name, best, median, n_signals);
      /* the budget is for the i chart (mdc) and the run chart (anhoej) */
      if (best > BUDGET_MS && c < 2)
        over = TRUE;
    }

  if (argc < 2 || g_strcmp0 (argv[1], "--no-json") != 0)
    {
      tandem_spc_options_init (&options);
      options.chart = TANDEM_SPC_CHART_I;
      result = tandem_spc_analyse (data, &options, NULL);
      start = g_get_monotonic_time ();
      tandem_spc_result_write_json (result, json);
      printf ("  %-20s %7.2f ms  (%.1f MB, not part of the budget)\n", "JSON of the i chart",
              (g_get_monotonic_time () - start) / 1000.0, json->len / 1e6);
    }

  if (over)
    {
      printf ("OVER the %.0f ms budget\n", BUDGET_MS);
      return 1;
    }
  printf ("within the %.0f ms budget\n", BUDGET_MS);
  return 0;
}
