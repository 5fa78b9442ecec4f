/* test-spc.c — the SPC analysis engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference cases (tests/fixtures/spc) are Montgomery's textbook examples
 * as qicharts2 0.8.1 computes them, and the Anhøj critical values; every
 * point and every summary field is compared.  The rest checks the rule sets
 * against their definitions on series made to trip (or just not trip) them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "tandem-spc.h"

static JsonObject *reference_cases;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */
/* ------------------------------------------------------------------------ */

static char *
fixture_path (const char *name)
{
  return g_build_filename (TANDEM_SPC_FIXTURES, name, NULL);
}

static gboolean
close_enough (double actual,
              double expected)
{
  if (isnan (expected) || isnan (actual))
    return isnan (expected) && isnan (actual);
  return fabs (actual - expected) <= 1e-9 * fabs (expected) + 1e-12;
}

#define assert_close(actual, expected, what, index) \
  G_STMT_START { \
    double a_ = (actual), e_ = (expected); \
    if (!close_enough (a_, e_)) \
      g_error ("%s at %" G_GSIZE_FORMAT ": got %.17g, expected %.17g", \
               (what), (gsize) (index), a_, e_); \
  } G_STMT_END

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

static gint64
member_count (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return -1;
  return json_node_get_int (node);
}

static gboolean
member_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return json_node_get_int (node) != 0;
}

/* A JSON number or array of numbers as point indexes. */
static GArray *
member_indexes (JsonObject *object,
                const char *name)
{
  GArray *indexes = g_array_new (FALSE, FALSE, sizeof (gsize));
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return indexes;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize v = json_array_get_int_element (array, i);
          g_array_append_val (indexes, v);
        }
    }
  else
    {
      gsize v = json_node_get_int (node);
      g_array_append_val (indexes, v);
    }
  return indexes;
}

static TandemSpcPoint
point_at (const TandemSpcResult *result,
          gsize                  index)
{
  TandemSpcPoint point;

  g_assert_cmpuint (index, <, result->n_points);
  tandem_spc_result_get_point (result, index, &point);
  return point;
}

static TandemSpcResult *
analyse_values (TandemSpcChart  chart,
                TandemSpcRules  rules,
                const double   *y,
                gsize           count,
                gsize           freeze)
{
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, count);
  TandemSpcOptions options;
  g_autoptr(GError) error = NULL;
  TandemSpcResult *result;

  tandem_spc_options_init (&options);
  options.chart = chart;
  options.rules = rules;
  options.freeze = freeze;
  result = tandem_spc_analyse (data, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
has_signal (const TandemSpcResult *result,
            gsize                  index,
            TandemSpcSignals       signal)
{
  g_assert_cmpuint (index, <, result->n_points);
  return (point_at (result, index).signals & signal) != 0;
}

/* The indexes (0-based) of the points with a signal, as "1,2,3". */
static char *
flagged (const TandemSpcResult *result,
         TandemSpcSignals       signal)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < result->n_points; i++)
    if (point_at (result, i).signals & signal)
      g_string_append_printf (s, "%s%" G_GSIZE_FORMAT, s->len ? "," : "", i);
  return g_string_free (s, FALSE);
}

#define assert_flagged(result, signal, expected) \
  G_STMT_START { \
    g_autofree char *got_ = flagged ((result), (signal)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* ------------------------------------------------------------------------ */
/* Reference: Montgomery's examples as qicharts2 computes them                */
/* ------------------------------------------------------------------------ */

static char *
label_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup_printf ("%.17g", json_node_get_double (node));
}

static void
test_reference_case (gconstpointer user_data)
{
  const char *id = user_data;
  JsonObject *reference = json_object_get_object_member (reference_cases, id);
  JsonObject *args = json_object_get_object_member (reference, "args");
  JsonArray *rows = json_object_get_array_member (reference, "data");
  JsonArray *points = json_object_get_array_member (reference, "points");
  JsonArray *summary = json_object_get_array_member (reference, "summary");
  const char *x_name = json_object_get_string_member (args, "x");
  const char *y_name = json_object_get_string_member (args, "y");
  const char *n_name = json_object_has_member (args, "n")
                       ? json_object_get_string_member (args, "n") : NULL;
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (n_name != NULL);
  g_autoptr(GArray) parts = member_indexes (args, "part");
  g_autoptr(GArray) exclude = member_indexes (args, "exclude");
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  TandemSpcOptions options;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *x = label_of (json_object_get_member (row, x_name));

      tandem_spc_data_add (data, x, member_double (row, y_name),
                           n_name != NULL ? member_double (row, n_name) : NAN);
    }

  tandem_spc_options_init (&options);
  g_assert_true (tandem_spc_chart_from_string (json_object_get_string_member (args, "chart"),
                                               &options.chart));
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  options.freeze = json_object_has_member (args, "freeze")
                   ? json_object_get_int_member (args, "freeze") : 0;
  options.parts = (const gsize *) (gpointer) parts->data;
  options.n_parts = parts->len;
  options.exclude = (const gsize *) (gpointer) exclude->data;
  options.n_exclude = exclude->len;

  result = tandem_spc_analyse (data, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_ANHOEJ);

  g_assert_cmpuint (result->n_points, ==, json_array_get_length (points));
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *expected = json_array_get_object_element (points, i);
      TandemSpcPoint point = point_at (result, i);
      const TandemSpcPoint *p = &point;
      char buffer[32];
      g_autofree char *x = label_of (json_object_get_member (expected, "x"));

      g_assert_cmpstr (tandem_spc_result_get_label (result, i, buffer), ==, x);
      assert_close (p->y, member_double (expected, "y"), "y", i);
      if (n_name != NULL)
        assert_close (p->n, member_double (expected, "n"), "n", i);
      else
        g_assert_true (isnan (p->n));
      g_assert_cmpint (p->phase, ==, json_object_get_int_member (expected, "part"));
      g_assert_cmpint (!!p->included, ==, member_bool (expected, "include"));
      assert_close (p->cl, member_double (expected, "cl"), "cl", i);
      assert_close (p->lcl, member_double (expected, "lcl"), "lcl", i);
      assert_close (p->ucl, member_double (expected, "ucl"), "ucl", i);
      assert_close (p->lcl95, member_double (expected, "lcl.95"), "lcl.95", i);
      assert_close (p->ucl95, member_double (expected, "ucl.95"), "ucl.95", i);
      g_assert_cmpint (has_signal (result, i, TANDEM_SPC_SIGNAL_OUTSIDE), ==,
                       member_bool (expected, "sigma.signal"));
      g_assert_cmpint (has_signal (result, i, TANDEM_SPC_SIGNAL_RUNS), ==,
                       member_bool (expected, "runs.signal"));
      /* anhoej flags nothing else */
      g_assert_cmpint (p->signals & ~(TANDEM_SPC_SIGNAL_OUTSIDE | TANDEM_SPC_SIGNAL_RUNS), ==, 0);
    }

  g_assert_cmpuint (result->n_phases, ==, json_array_get_length (summary));
  for (guint k = 0; k < json_array_get_length (summary); k++)
    {
      JsonObject *expected = json_array_get_object_element (summary, k);
      const TandemSpcPhase *phase = &result->phases[k];

      g_assert_cmpint (json_object_get_int_member (expected, "part"), ==, k + 1);
      g_assert_cmpint (phase->n_obs, ==, member_count (expected, "n.obs"));
      g_assert_cmpint (phase->n_useful, ==, member_count (expected, "n.useful"));
      g_assert_cmpint (phase->longest_run, ==, member_count (expected, "longest.run"));
      g_assert_cmpint (phase->longest_run_max, ==, member_count (expected, "longest.run.max"));
      g_assert_cmpint (phase->crossings, ==, member_count (expected, "n.crossings"));
      g_assert_cmpint (phase->crossings_min, ==, member_count (expected, "n.crossings.min"));
      g_assert_cmpint (phase->runs_signal, ==, member_bool (expected, "runs.signal"));
      assert_close (phase->lcl_mean, member_double (expected, "aLCL"), "aLCL", k);
      assert_close (phase->cl, member_double (expected, "CL"), "CL", k);
      assert_close (phase->ucl_mean, member_double (expected, "aUCL"), "aUCL", k);
      g_assert_cmpint (phase->n_outside, ==, member_count (expected, "sigma.signal"));
    }

  /* and the JSON writer copes with it */
  json = tandem_spc_result_to_json (result);
  g_assert_true (json_from_string (json, NULL) != NULL);
}

static void
test_critical_values (void)
{
  g_autofree char *path = fixture_path ("anhoej_critical_values.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "\"n_useful\",\"longest_run_max\",\"n_crossings_min\"");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint64 n;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      n = g_ascii_strtoull (fields[0], NULL, 10);
      g_assert_cmpint (tandem_spc_anhoej_longest_run_max (n), ==,
                       g_ascii_strtoll (fields[1], NULL, 10));
      g_assert_cmpint (tandem_spc_anhoej_crossings_min (n), ==,
                       g_ascii_strtoll (fields[2], NULL, 10));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 91);   /* n = 10 … 100 */

  g_assert_cmpint (tandem_spc_anhoej_longest_run_max (0), ==, -1);
  g_assert_cmpint (tandem_spc_anhoej_crossings_min (0), ==, -1);
  g_assert_cmpint (tandem_spc_anhoej_crossings_min (1), ==, 0);
  g_assert_cmpint (tandem_spc_anhoej_crossings_min (2), ==, 0);
}

/* The 5th percentile of Binomial(m, 0.5) the slow way: every term in logs. */
static gint64
slow_binomial_quantile (gint64 m)
{
  double cdf = 0;

  for (gint64 x = 0; x <= m; x++)
    {
      cdf += exp (lgamma (m + 1.0) - lgamma (x + 1.0) - lgamma (m - x + 1.0) - m * G_LN2);
      if (cdf >= 0.05)
        return x;
    }
  return m;
}

static void
test_crossings_large (void)
{
  const gsize sizes[] = { 101, 500, 999, 1000, 1001, 1002, 1003, 1500, 4097, 10000,
                          65537, 250000, 1000000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_assert_cmpint (tandem_spc_anhoej_crossings_min (sizes[i]), ==,
                     slow_binomial_quantile (sizes[i] - 1));

  /* round(log2(n)) + 3 */
  g_assert_cmpint (tandem_spc_anhoej_longest_run_max (1000000), ==, 23);
  g_assert_cmpint (tandem_spc_anhoej_longest_run_max (23), ==, 8);
  g_assert_cmpint (tandem_spc_anhoej_longest_run_max (22), ==, 7);
}

/* ------------------------------------------------------------------------ */
/* Centre lines and limits                                                    */
/* ------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
test_median (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 200; round++)
    {
      gsize count = 1 + g_rand_int_range (rand, 0, 300);
      g_autofree double *y = g_new (double, count);
      g_autofree double *sorted = NULL;
      g_autoptr(TandemSpcResult) result = NULL;
      gint32 spread = 1 + g_rand_int_range (rand, 0, round % 3 == 0 ? 4 : 1000);
      double median;

      for (gsize i = 0; i < count; i++)
        y[i] = g_rand_int_range (rand, 0, spread) / 4.0;

      sorted = g_memdup2 (y, count * sizeof (double));
      qsort (sorted, count, sizeof (double), compare_doubles);
      median = count % 2 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;

      result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_ANHOEJ, y, count, 0);
      g_assert_cmpfloat (point_at (result, 0).cl, ==, median);
      g_assert_true (isnan (point_at (result, 0).lcl));
      g_assert_true (isnan (point_at (result, 0).ucl95));
    }
}

static void
test_i_chart (void)
{
  /* mean 15, every moving range 10 */
  const double y[] = { 10, 20, 10, 20, 10, 20, 10, 20 };
  g_autoptr(TandemSpcResult) anhoej = NULL;
  g_autoptr(TandemSpcResult) mdc = NULL;

  anhoej = analyse_values (TANDEM_SPC_CHART_I, TANDEM_SPC_RULES_ANHOEJ, y, G_N_ELEMENTS (y), 0);
  assert_close (point_at (anhoej, 3).cl, 15, "cl", 3);
  assert_close (point_at (anhoej, 3).ucl, 15 + 3 * 10 / 1.128, "ucl", 3);
  assert_close (point_at (anhoej, 3).lcl, 15 - 3 * 10 / 1.128, "lcl", 3);
  assert_close (point_at (anhoej, 3).ucl95, 15 + 2 * 10 / 1.128, "ucl95", 3);
  assert_close (point_at (anhoej, 3).lcl95, 15 - 2 * 10 / 1.128, "lcl95", 3);

  /* Making Data Count: mean ± 2.66 × average moving range */
  mdc = analyse_values (TANDEM_SPC_CHART_I, TANDEM_SPC_RULES_DEFAULT, y, G_N_ELEMENTS (y), 0);
  g_assert_cmpint (mdc->rules, ==, TANDEM_SPC_RULES_MDC);
  assert_close (point_at (mdc, 0).cl, 15, "cl", 0);
  assert_close (point_at (mdc, 0).ucl, 15 + 26.6, "ucl", 0);
  assert_close (point_at (mdc, 0).lcl, 15 - 26.6, "lcl", 0);
  assert_close (point_at (mdc, 0).ucl95, 15 + 2 * 26.6 / 3, "ucl95", 0);
  assert_close (point_at (mdc, 0).lcl95, 15 - 2 * 26.6 / 3, "lcl95", 0);
}

/* The natural bounds: set from the chart and the data, applied only where
 * a limit passes them, and the unbounded analysis is unchanged. */
static void
test_natural_bounds (void)
{
  const double counts[] = { 10, 20, 10, 20, 10, 20, 10, 20 };
  const double changes[] = { 10, -20, 10, 20, -10, 20, 10, 20 };
  const double tight[] = { 50, 52, 51, 50, 52, 51, 50, 52 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (counts, NULL, G_N_ELEMENTS (counts));
  g_autoptr(TandemSpcData) signed_data = tandem_spc_data_new_from_values (changes, NULL, G_N_ELEMENTS (changes));
  g_autoptr(TandemSpcData) tight_data = tandem_spc_data_new_from_values (tight, NULL, G_N_ELEMENTS (tight));
  g_autoptr(TandemSpcResult) plain = NULL;
  g_autoptr(TandemSpcResult) bounded = NULL;
  g_autoptr(TandemSpcResult) tight_result = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  g_assert_true (isnan (options.lower_bound));
  g_assert_true (isnan (options.upper_bound));
  options.chart = TANDEM_SPC_CHART_I;
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  plain = tandem_spc_analyse (data, &options, NULL);
  assert_close (point_at (plain, 3).lcl, 15 - 3 * 10 / 1.128, "lcl", 3);
  g_assert_false (plain->phases[0].lcl_floored);

  tandem_spc_options_set_natural_bounds (&options, data);
  g_assert_cmpfloat (options.lower_bound, ==, 0);
  g_assert_true (isnan (options.upper_bound));
  bounded = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpfloat (point_at (bounded, 3).lcl, ==, 0);
  g_assert_cmpfloat (point_at (bounded, 3).lcl95, ==, 0);
  assert_close (point_at (bounded, 3).ucl, point_at (plain, 3).ucl, "ucl", 3);
  assert_close (point_at (bounded, 3).cl, 15, "cl", 3);
  g_assert_true (bounded->phases[0].lcl_floored);
  g_assert_cmpfloat (bounded->phases[0].lcl_mean, ==, 0);

  /* Limits inside the bounds are as calculated. */
  tandem_spc_options_set_natural_bounds (&options, tight_data);
  tight_result = tandem_spc_analyse (tight_data, &options, NULL);
  g_assert_cmpfloat (point_at (tight_result, 0).lcl, >, 0);
  g_assert_false (tight_result->phases[0].lcl_floored);

  /* Values that can be negative have no floor. */
  tandem_spc_options_set_natural_bounds (&options, signed_data);
  g_assert_true (isnan (options.lower_bound));

  /* Counts and proportions whatever the data. */
  options.chart = TANDEM_SPC_CHART_C;
  tandem_spc_options_set_natural_bounds (&options, signed_data);
  g_assert_cmpfloat (options.lower_bound, ==, 0);
  options.chart = TANDEM_SPC_CHART_P;
  options.multiply = 100;
  tandem_spc_options_set_natural_bounds (&options, data);
  g_assert_cmpfloat (options.lower_bound, ==, 0);
  g_assert_cmpfloat (options.upper_bound, ==, 100);
}

static void
test_screening (void)
{
  /* moving ranges 2 2 2 2 90 90 2: the two 90s are above 3.267 × 190/7 */
  const double y[] = { 10, 12, 10, 12, 10, 100, 10, 12 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) screened = NULL;
  g_autoptr(TandemSpcResult) unscreened = NULL;
  TandemSpcOptions options;
  double mean = (10 + 12 + 10 + 12 + 10 + 100 + 10 + 12) / 8.0;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  g_assert_true (options.screen_mr);
  screened = tandem_spc_analyse (data, &options, NULL);
  assert_close (point_at (screened, 0).ucl, mean + 3 * 2 / 1.128, "ucl", 0);
  g_assert_true (has_signal (screened, 5, TANDEM_SPC_SIGNAL_OUTSIDE));

  options.screen_mr = FALSE;
  unscreened = tandem_spc_analyse (data, &options, NULL);
  assert_close (point_at (unscreened, 0).ucl, mean + 3 * (190.0 / 7) / 1.128, "ucl", 0);
}

static void
test_missing_values (void)
{
  const double y[] = { 10, NAN, 20, 10, 20 };
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *point;

  result = analyse_values (TANDEM_SPC_CHART_I, TANDEM_SPC_RULES_ANHOEJ, y, G_N_ELEMENTS (y), 0);
  /* moving ranges next to the missing value do not exist: amr = 10 */
  g_assert_true (isnan (point_at (result, 1).y));
  assert_close (point_at (result, 1).cl, 15, "cl", 1);
  assert_close (point_at (result, 1).ucl, 15 + 3 * 10 / 1.128, "ucl", 1);
  g_assert_cmpint (point_at (result, 1).variation, ==, TANDEM_SPC_VARIATION_NONE);
  g_assert_cmpuint (result->phases[0].n_obs, ==, 5);
  g_assert_cmpuint (result->phases[0].n_useful, ==, 4);

  json = tandem_spc_result_to_json (result);
  root = json_from_string (json, NULL);
  g_assert_nonnull (root);
  point = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "points"), 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (point, "y")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (point, "variation")));
  g_assert_cmpfloat (json_object_get_double_member (point, "cl"), ==, 15);
}

static void
test_exclude (void)
{
  const double y[] = { 10, 20, 10, 100, 20, 10, 20 };
  const gsize exclude[] = { 4 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) result = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  options.exclude = exclude;
  options.n_exclude = 1;
  result = tandem_spc_analyse (data, &options, NULL);

  /* left out of the centre line and the moving ranges (which span it) … */
  assert_close (point_at (result, 0).cl, 15, "cl", 0);
  assert_close (point_at (result, 0).ucl, 15 + 3 * 10 / 1.128, "ucl", 0);
  /* … but it keeps its limits and can be outside them */
  g_assert_false (point_at (result, 3).included);
  assert_close (point_at (result, 3).ucl, 15 + 3 * 10 / 1.128, "ucl", 3);
  g_assert_true (has_signal (result, 3, TANDEM_SPC_SIGNAL_OUTSIDE));
  g_assert_cmpuint (result->phases[0].n_obs, ==, 6);
  g_assert_cmpuint (result->phases[0].n_useful, ==, 6);
}

static void
test_multiply (void)
{
  const double y[] = { 3, 5, 4, 6, 2, 5 };
  const double n[] = { 50, 50, 40, 60, 50, 50 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, n, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) plain = NULL;
  g_autoptr(TandemSpcResult) percent = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_P;
  plain = tandem_spc_analyse (data, &options, NULL);
  options.multiply = 100;
  percent = tandem_spc_analyse (data, &options, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (y); i++)
    {
      assert_close (point_at (percent, i).y, 100 * point_at (plain, i).y, "y", i);
      assert_close (point_at (percent, i).cl, 100 * point_at (plain, i).cl, "cl", i);
      assert_close (point_at (percent, i).ucl, 100 * point_at (plain, i).ucl, "ucl", i);
      assert_close (point_at (percent, i).lcl95, 100 * point_at (plain, i).lcl95, "lcl95", i);
      assert_close (point_at (percent, i).n, n[i], "n", i);
    }
  assert_close (point_at (plain, 0).cl, 25.0 / 300, "cl", 0);
}

/* ------------------------------------------------------------------------ */
/* Chart types checked against their formulas                                 */
/* ------------------------------------------------------------------------ */

static void
test_laney (void)
{
  const double y[] = { 12, 15, 9, 20, 14, 11, 18, 13, 30, 10, 16, 12 };
  const double n[] = { 100, 120, 90, 150, 110, 100, 130, 105, 140, 95, 115, 100 };
  gsize count = G_N_ELEMENTS (y);
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, n, count);

  for (guint is_u = 0; is_u < 2; is_u++)
    {
      g_autoptr(TandemSpcResult) result = NULL;
      TandemSpcOptions options;
      double sy = 0, sn = 0, cl, amr = 0, screened = 0, sigma_z;
      double z[G_N_ELEMENTS (y)], sd[G_N_ELEMENTS (y)];
      guint kept = 0;

      for (gsize i = 0; i < count; i++)
        sy += y[i], sn += n[i];
      cl = sy / sn;
      for (gsize i = 0; i < count; i++)
        {
          sd[i] = is_u ? sqrt (cl / n[i]) : sqrt (cl * (1 - cl) / n[i]);
          z[i] = (y[i] / n[i] - cl) / sd[i];
        }
      for (gsize i = 1; i < count; i++)
        amr += fabs (z[i] - z[i - 1]);
      amr /= count - 1;
      for (gsize i = 1; i < count; i++)
        if (fabs (z[i] - z[i - 1]) < 3.267 * amr)
          screened += fabs (z[i] - z[i - 1]), kept++;
      sigma_z = screened / kept / 1.128;
      g_assert_cmpuint (kept, <, count - 1);   /* the 30 is screened out */

      tandem_spc_options_init (&options);
      options.chart = is_u ? TANDEM_SPC_CHART_UP : TANDEM_SPC_CHART_PP;
      options.rules = TANDEM_SPC_RULES_ANHOEJ;
      result = tandem_spc_analyse (data, &options, NULL);
      g_assert_nonnull (result);
      for (gsize i = 0; i < count; i++)
        {
          assert_close (point_at (result, i).cl, cl, "cl", i);
          assert_close (point_at (result, i).y, y[i] / n[i], "y", i);
          assert_close (point_at (result, i).ucl, cl + 3 * sd[i] * sigma_z, "ucl", i);
          assert_close (point_at (result, i).lcl, MAX (0, cl - 3 * sd[i] * sigma_z), "lcl", i);
          assert_close (point_at (result, i).ucl95, cl + 2 * sd[i] * sigma_z, "ucl95", i);
          assert_close (point_at (result, i).lcl95, MAX (0, cl - 2 * sd[i] * sigma_z), "lcl95", i);
        }
    }
}

static void
test_g_chart (void)
{
  /* days between events */
  const double y[] = { 12, 3, 40, 7, 22, 9, 15, 2, 30, 11, 5 };
  g_autoptr(TandemSpcResult) result = NULL;
  double mean = 0, sd;

  for (gsize i = 0; i < G_N_ELEMENTS (y); i++)
    mean += y[i];
  mean /= G_N_ELEMENTS (y);
  sd = sqrt (mean * (mean + 1));

  result = analyse_values (TANDEM_SPC_CHART_G, TANDEM_SPC_RULES_ANHOEJ, y, G_N_ELEMENTS (y), 0);
  /* the centre line is the median, the limits come from the mean */
  assert_close (point_at (result, 0).cl, 11, "cl", 0);
  assert_close (point_at (result, 0).ucl, mean + 3 * sd, "ucl", 0);
  assert_close (point_at (result, 0).ucl95, mean + 2 * sd, "ucl95", 0);
  assert_close (point_at (result, 0).lcl, 0, "lcl", 0);
  assert_close (point_at (result, 0).lcl95, 0, "lcl95", 0);
}

static double
test_c4 (double n)
{
  return sqrt (2 / (n - 1)) * tgamma (n / 2) / tgamma ((n - 1) / 2);
}

static void
test_xbar_s_variable (void)
{
  /* subgroups of 3, 5, 1 and 4 */
  const char *x[] = { "a", "a", "a", "b", "b", "b", "b", "b", "c", "d", "d", "d", "d" };
  const double y[] = { 5, 7, 6, 4, 8, 6, 5, 7, 9, 6, 5, 7, 6 };
  const double len[] = { 3, 5, 1, 4 };
  const double mean[] = { 6, 6, 9, 6 };
  double var[4] = { 1, 2.5, NAN, 2.0 / 3 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (FALSE);
  g_autoptr(TandemSpcResult) xbar = NULL;
  g_autoptr(TandemSpcResult) s = NULL;
  TandemSpcOptions options;
  double pooled, cl;

  for (gsize i = 0; i < G_N_ELEMENTS (y); i++)
    tandem_spc_data_add (data, x[i], y[i], NAN);
  g_assert_cmpuint (tandem_spc_data_get_n_subgroups (data), ==, 4);
  g_assert_cmpuint (tandem_spc_data_get_n_observations (data), ==, 13);

  /* Montgomery 6.30 and 6.31 */
  pooled = sqrt ((2 * var[0] + 4 * var[1] + 3 * var[3]) / (2 + 4 + 0 + 3));
  cl = (3 * 6.0 + 5 * 6.0 + 9.0 + 4 * 6.0) / 13;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_XBAR;
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  xbar = tandem_spc_analyse (data, &options, NULL);
  options.chart = TANDEM_SPC_CHART_S;
  s = tandem_spc_analyse (data, &options, NULL);

  for (gsize i = 0; i < 4; i++)
    {
      assert_close (point_at (xbar, i).y, mean[i], "y", i);
      assert_close (point_at (xbar, i).cl, cl, "cl", i);
      assert_close (point_at (s, i).cl, pooled, "cl", i);
      if (len[i] > 1)
        {
          double c4 = test_c4 (len[i]);
          double a3 = 3 / (c4 * sqrt (len[i]));
          double b4 = 1 + 3 * sqrt (1 - c4 * c4) / c4;
          double b3 = MAX (0, 1 - 3 * sqrt (1 - c4 * c4) / c4);

          assert_close (point_at (xbar, i).ucl, cl + a3 * pooled, "ucl", i);
          assert_close (point_at (xbar, i).lcl95, cl - 2 * a3 / 3 * pooled, "lcl95", i);
          assert_close (point_at (s, i).y, sqrt (var[i]), "y", i);
          assert_close (point_at (s, i).ucl, b4 * pooled, "ucl", i);
          assert_close (point_at (s, i).lcl, b3 * pooled, "lcl", i);
        }
      else
        {
          /* a subgroup of one has no limits and no standard deviation */
          g_assert_true (isnan (point_at (xbar, i).ucl));
          g_assert_true (isnan (point_at (s, i).y));
          g_assert_true (isnan (point_at (s, i).lcl));
        }
    }
}

static void
test_subgroups (void)
{
  const char *x[] = { "2024-01", "2024-02", "2024-01", "2024-03", "2024-02", "2024-03" };
  const double y[] = { 2, 4, 6, NAN, 5, 3 };
  const double n[] = { 10, 20, 30, 10, 25, NAN };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (TRUE);
  g_autoptr(TandemSpcData) plain = tandem_spc_data_new (FALSE);
  g_autoptr(TandemSpcResult) p = NULL;
  g_autoptr(TandemSpcResult) c = NULL;
  g_autoptr(TandemSpcResult) run = NULL;
  TandemSpcOptions options;
  char buffer[32];

  for (gsize i = 0; i < G_N_ELEMENTS (y); i++)
    {
      tandem_spc_data_add (data, x[i], y[i], n[i]);
      tandem_spc_data_add (plain, x[i], y[i], NAN);
    }
  g_assert_cmpuint (tandem_spc_data_get_n_subgroups (data), ==, 3);
  g_assert_cmpstr (tandem_spc_data_get_label (data, 1), ==, "2024-02");

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_P;
  p = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpstr (tandem_spc_result_get_label (p, 2, buffer), ==, "2024-03");
  /* Σy / Σn over the rows that have both */
  assert_close (point_at (p, 0).y, 8.0 / 40, "y", 0);
  assert_close (point_at (p, 1).y, 9.0 / 45, "y", 1);
  g_assert_true (isnan (point_at (p, 2).y));
  g_assert_true (isnan (point_at (p, 2).n));
  g_assert_true (isnan (point_at (p, 2).ucl));   /* no denominator, no limits */
  assert_close (point_at (p, 2).cl, 17.0 / 85, "cl", 2);

  options.chart = TANDEM_SPC_CHART_C;
  c = tandem_spc_analyse (plain, &options, NULL);
  assert_close (point_at (c, 0).y, 8, "y", 0);
  assert_close (point_at (c, 2).y, 3, "y", 2);

  options.chart = TANDEM_SPC_CHART_RUN;
  run = tandem_spc_analyse (plain, &options, NULL);
  assert_close (point_at (run, 0).y, 4, "y", 0);
  assert_close (point_at (run, 1).y, 4.5, "y", 1);
  assert_close (point_at (run, 2).y, 3, "y", 2);
  g_assert_cmpint (run->rules, ==, TANDEM_SPC_RULES_IHI);
}

static void
test_mr_chart (void)
{
  /* a runs signal is never given on an mr chart */
  const double y[] = { 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2,
                       1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = analyse_values (TANDEM_SPC_CHART_MR, TANDEM_SPC_RULES_ANHOEJ, y, G_N_ELEMENTS (y), 0);
  g_assert_true (isnan (point_at (result, 0).y));
  g_assert_cmpint (result->phases[0].longest_run, >, result->phases[0].longest_run_max);
  g_assert_false (result->phases[0].runs_signal);
  assert_flagged (result, TANDEM_SPC_SIGNAL_RUNS, "");
  assert_close (point_at (result, 5).lcl, 0, "lcl", 5);
}

static void
test_t_chart_needs_positive (void)
{
  const double y[] = { 5, 3, 0, 4 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, 4);
  g_autoptr(GError) error = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_T;
  g_assert_null (tandem_spc_analyse (data, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Point 3"));
}

static void
test_errors (void)
{
  const double y[] = { 5, 3, 4 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, 3);
  g_autoptr(TandemSpcData) empty = tandem_spc_data_new (FALSE);
  TandemSpcOptions options;
  GError *error = NULL;

  tandem_spc_options_init (&options);
  options.rules = TANDEM_SPC_RULES_MDC;
  g_assert_null (tandem_spc_analyse (data, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS);
  g_clear_error (&error);

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_P;
  g_assert_null (tandem_spc_analyse (data, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA);
  g_clear_error (&error);

  tandem_spc_options_init (&options);
  g_assert_null (tandem_spc_analyse (empty, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA);
  g_clear_error (&error);

  tandem_spc_options_init (&options);
  options.multiply = 0;
  g_assert_null (tandem_spc_analyse (data, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS);
  g_clear_error (&error);
}

static void
test_names (void)
{
  for (guint c = 0; c < TANDEM_SPC_N_CHARTS; c++)
    {
      TandemSpcChart chart = TANDEM_SPC_CHART_RUN;

      g_assert_true (tandem_spc_chart_from_string (tandem_spc_chart_to_string (c), &chart));
      g_assert_cmpint (chart, ==, c);
    }
  {
    TandemSpcChart chart = TANDEM_SPC_CHART_I;
    TandemSpcRules rules = TANDEM_SPC_RULES_IHI;
    TandemSpcDirection direction = TANDEM_SPC_DIRECTION_INCREASE;

    g_assert_false (tandem_spc_chart_from_string ("pie", &chart));
    g_assert_cmpint (chart, ==, TANDEM_SPC_CHART_I);
    g_assert_true (tandem_spc_rules_from_string ("MDC", &rules));
    g_assert_cmpint (rules, ==, TANDEM_SPC_RULES_MDC);
    g_assert_false (tandem_spc_rules_from_string ("default", &rules));
    g_assert_true (tandem_spc_direction_from_string ("decrease", &direction));
    g_assert_cmpint (direction, ==, TANDEM_SPC_DIRECTION_DECREASE);
  }
  g_assert_cmpstr (tandem_spc_variation_to_string (TANDEM_SPC_VARIATION_NEUTRAL_LOW), ==,
                   "special_cause_neutral_low");
  g_assert_null (tandem_spc_variation_to_string (TANDEM_SPC_VARIATION_NONE));
  g_assert_cmpstr (tandem_spc_assurance_to_string (TANDEM_SPC_ASSURANCE_INCONSISTENT), ==,
                   "inconsistent");
}

/* ------------------------------------------------------------------------ */
/* Rule sets                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_ihi_shift (void)
{
  /* baseline 4 6 4 6: median 5.  Then six above with one on the median
   * between them, which neither breaks nor counts (nor is flagged). */
  const double six[] = { 4, 6, 4, 6, 6, 7, 5, 8, 6, 9, 4, 3 };
  /* only five above: no shift */
  const double five[] = { 4, 6, 4, 6, 6, 7, 5, 8, 6, 4, 3 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, six, G_N_ELEMENTS (six), 4);
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_IHI);
  assert_close (point_at (result, 0).cl, 5, "cl", 0);
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "3,4,5,7,8,9");
  g_assert_cmpint (point_at (result, 9).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_assert_cmpint (point_at (result, 6).variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
  g_clear_pointer (&result, tandem_spc_result_free);

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, five, G_N_ELEMENTS (five), 4);
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "");
  g_clear_pointer (&result, tandem_spc_result_free);

  {
    /* below the median, against a "decrease" direction: improvement */
    const double low[] = { 4, 6, 4, 6, 4, 3, 4, 2, 4, 1, 9 };
    g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (low, NULL, G_N_ELEMENTS (low));
    TandemSpcOptions options;

    tandem_spc_options_init (&options);
    options.freeze = 4;
    options.direction = TANDEM_SPC_DIRECTION_DECREASE;
    result = tandem_spc_analyse (data, &options, NULL);
    assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "4,5,6,7,8,9");
    g_assert_cmpint (point_at (result, 4).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
    g_assert_cmpint (point_at (result, 10).variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
    g_assert_cmpint (result->variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
    g_assert_cmpint (result->assurance, ==, TANDEM_SPC_ASSURANCE_NONE);
  }
}

static void
test_ihi_trend (void)
{
  /* five rising, with a repeated value that neither breaks nor counts */
  const double rising[] = { 9, 1, 2, 2, 3, 4, 5, 5, 3 };
  /* only four rising once the repeat is dropped */
  const double four[] = { 9, 1, 2, 2, 3, 4, 1 };
  /* five falling, sharing the turning point with a rise */
  const double peak[] = { 1, 2, 3, 9, 8, 7, 6, 5, 6 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, rising,
                           G_N_ELEMENTS (rising), 0);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "1,2,3,4,5,6");
  g_assert_cmpint (point_at (result, 1).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_clear_pointer (&result, tandem_spc_result_free);

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, four,
                           G_N_ELEMENTS (four), 0);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "");
  g_clear_pointer (&result, tandem_spc_result_free);

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, peak,
                           G_N_ELEMENTS (peak), 0);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "3,4,5,6,7");
  /* a falling trend is a concern when increase is better */
  g_assert_cmpint (point_at (result, 3).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
  g_assert_cmpint (point_at (result, 7).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
}

/* An i chart whose first 8 points (mean 15, moving ranges 10) are the
 * baseline: limits 15 ± 26.6, 2-sigma 15 ± 17.73 under mdc. */
static TandemSpcResult *
mdc_after_baseline (const double       *tail,
                    gsize               count,
                    TandemSpcDirection  direction,
                    double              target)
{
  g_autofree double *y = g_new (double, 8 + count);
  g_autoptr(TandemSpcData) data = NULL;
  TandemSpcOptions options;
  TandemSpcResult *result;

  for (gsize i = 0; i < 8; i++)
    y[i] = i % 2 ? 20 : 10;
  memcpy (y + 8, tail, count * sizeof (double));
  data = tandem_spc_data_new_from_values (y, NULL, 8 + count);

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.freeze = 8;
  options.direction = direction;
  options.target = target;
  result = tandem_spc_analyse (data, &options, NULL);
  g_assert_nonnull (result);
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_MDC);
  assert_close (point_at (result, 8).ucl, 41.6, "ucl", 8);
  return result;
}

static void
test_mdc_trend (void)
{
  /* seven rising across the mean: a trend, and no shift */
  const double seven[] = { 12, 13, 14, 15, 16, 17, 18 };
  const double six[] = { 12, 13, 14, 16, 17, 18, 17 };
  const double tie[] = { 12, 13, 14, 14, 15, 16, 17, 18 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = mdc_after_baseline (seven, G_N_ELEMENTS (seven), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  /* the baseline ends on 20, so the rise starts at 12 (index 8) */
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "8,9,10,11,12,13,14");
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "");
  g_assert_cmpint (point_at (result, 14).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_assert_cmpint (result->variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_clear_pointer (&result, tandem_spc_result_free);

  result = mdc_after_baseline (six, G_N_ELEMENTS (six), TANDEM_SPC_DIRECTION_DECREASE, NAN);
  /* 12 13 14 16 17 18: six rising is not a trend */
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "");
  g_assert_cmpint (point_at (result, 13).variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
  g_clear_pointer (&result, tandem_spc_result_free);

  {
    /* the same trend is a concern when decrease is better */
    g_autoptr(TandemSpcResult) decrease = NULL;

    decrease = mdc_after_baseline (seven, G_N_ELEMENTS (seven), TANDEM_SPC_DIRECTION_DECREASE, NAN);
    g_assert_cmpint (point_at (decrease, 8).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
    g_assert_cmpint (decrease->variation, ==, TANDEM_SPC_VARIATION_CONCERN);
  }

  result = mdc_after_baseline (tie, G_N_ELEMENTS (tie), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  /* the tie breaks it: 10 12 13 14 and 14 15 16 17 18 */
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "");
}

static void
test_mdc_shift (void)
{
  const double seven[] = { 16, 17, 16, 18, 16, 17, 16, 10 };
  const double six[] = { 16, 17, 16, 18, 16, 17, 10 };
  const double broken[] = { 16, 17, 16, 15, 16, 17, 16, 18, 10 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = mdc_after_baseline (seven, G_N_ELEMENTS (seven), TANDEM_SPC_DIRECTION_NEUTRAL, NAN);
  /* the baseline's last 20 is above the mean too: eight in a row */
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "7,8,9,10,11,12,13,14");
  g_assert_cmpint (point_at (result, 10).variation, ==, TANDEM_SPC_VARIATION_NEUTRAL_HIGH);
  g_clear_pointer (&result, tandem_spc_result_free);

  result = mdc_after_baseline (six, G_N_ELEMENTS (six), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  /* 20 and six more make seven */
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "7,8,9,10,11,12,13");
  g_clear_pointer (&result, tandem_spc_result_free);

  result = mdc_after_baseline (broken, G_N_ELEMENTS (broken), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  /* a point on the mean breaks the run: 20 16 17 16 | 15 | 16 17 16 18 */
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "");
}

static void
test_mdc_two_of_three (void)
{
  /* 35 and 36 are beyond 2 sigma (32.73) on the same side as the 20 between
   * them: only they are flagged */
  const double same_side[] = { 14, 35, 20, 36, 14 };
  /* the middle one is below the mean */
  const double other_side[] = { 14, 35, 10, 36, 14 };
  /* one near, one outside: only one near */
  const double one_near[] = { 14, 35, 45, 20, 14 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = mdc_after_baseline (same_side, G_N_ELEMENTS (same_side), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TWO_OF_THREE, "9,11");
  g_assert_cmpint (point_at (result, 9).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_assert_cmpint (point_at (result, 10).variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
  g_clear_pointer (&result, tandem_spc_result_free);

  result = mdc_after_baseline (other_side, G_N_ELEMENTS (other_side), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TWO_OF_THREE, "");
  g_clear_pointer (&result, tandem_spc_result_free);

  result = mdc_after_baseline (one_near, G_N_ELEMENTS (one_near), TANDEM_SPC_DIRECTION_DECREASE, NAN);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TWO_OF_THREE, "");
  assert_flagged (result, TANDEM_SPC_SIGNAL_OUTSIDE, "10");
  g_assert_cmpint (point_at (result, 10).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
}

static void
test_mdc_precedence (void)
{
  /* 7 rising that ends above the upper limit: the last point is both in a
   * trend (rising) and outside (above); a falling trend ending below the
   * mean shows the trend's direction, not the side */
  const double falling[] = { 30, 28, 26, 24, 22, 20, 14, 13 };
  g_autoptr(TandemSpcResult) result = NULL;

  result = mdc_after_baseline (falling, G_N_ELEMENTS (falling), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  assert_flagged (result, TANDEM_SPC_SIGNAL_TREND, "8,9,10,11,12,13,14,15");
  /* 30, 28 … are above the mean but falling: concern (trend beats shift) */
  g_assert_cmpint (point_at (result, 8).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
  g_assert_cmpint (point_at (result, 15).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
}

static void
test_mdc_assurance (void)
{
  const double tail[] = { 14, 16 };
  struct
  {
    TandemSpcDirection  direction;
    double              target;
    TandemSpcAssurance  expected;
  } cases[] = {
    { TANDEM_SPC_DIRECTION_INCREASE, 50, TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL },
    { TANDEM_SPC_DIRECTION_DECREASE, 50, TANDEM_SPC_ASSURANCE_CONSISTENT_PASS },
    { TANDEM_SPC_DIRECTION_INCREASE, -20, TANDEM_SPC_ASSURANCE_CONSISTENT_PASS },
    { TANDEM_SPC_DIRECTION_DECREASE, -20, TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL },
    { TANDEM_SPC_DIRECTION_INCREASE, 20, TANDEM_SPC_ASSURANCE_INCONSISTENT },
    { TANDEM_SPC_DIRECTION_NEUTRAL, 50, TANDEM_SPC_ASSURANCE_NONE },
    { TANDEM_SPC_DIRECTION_INCREASE, NAN, TANDEM_SPC_ASSURANCE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TandemSpcResult) result = NULL;

      result = mdc_after_baseline (tail, G_N_ELEMENTS (tail), cases[i].direction, cases[i].target);
      g_assert_cmpint (result->assurance, ==, cases[i].expected);
      g_assert_cmpint (result->variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
    }
}

static void
test_freeze_and_phases (void)
{
  const double y[] = { 10, 20, 10, 20, 30, 30, 30, 30,
                       50, 60, 50, 60, 90, 90 };
  const gsize parts[] = { 8 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) mdc = NULL;
  g_autoptr(TandemSpcResult) anhoej = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.freeze = 4;
  options.parts = parts;
  options.n_parts = 1;

  /* Making Data Count freezes within each phase */
  mdc = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpuint (mdc->n_phases, ==, 2);
  g_assert_cmpuint (mdc->phases[1].first, ==, 9);
  g_assert_cmpuint (mdc->phases[1].last, ==, 14);
  assert_close (point_at (mdc, 0).cl, 15, "cl", 0);
  assert_close (point_at (mdc, 7).cl, 15, "cl", 7);
  assert_close (point_at (mdc, 8).cl, 55, "cl", 8);
  assert_close (point_at (mdc, 13).ucl, 55 + 26.6, "ucl", 13);
  g_assert_cmpint (point_at (mdc, 13).phase, ==, 2);

  /* qicharts2 ignores freeze when there are phases */
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  anhoej = tandem_spc_analyse (data, &options, NULL);
  assert_close (point_at (anhoej, 0).cl, 22.5, "cl", 0);
  assert_close (point_at (anhoej, 8).cl, 400.0 / 6, "cl", 8);
}

static void
test_anhoej_runs_signal (void)
{
  /* ten below, ten above the median: a long run and few crossings */
  double y[20];
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(TandemSpcResult) ihi = NULL;

  for (guint i = 0; i < 20; i++)
    y[i] = i < 10 ? 1 + i % 3 : 10 + i % 3;

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_ANHOEJ, y, 20, 0);
  g_assert_cmpint (result->phases[0].longest_run, ==, 10);
  g_assert_cmpint (result->phases[0].longest_run_max, ==, 7);
  g_assert_cmpint (result->phases[0].crossings, ==, 1);
  g_assert_cmpint (result->phases[0].crossings_min, ==, 6);
  g_assert_true (result->phases[0].runs_signal);
  assert_flagged (result, TANDEM_SPC_SIGNAL_RUNS,
                  "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19");
  g_assert_cmpint (point_at (result, 0).variation, ==, TANDEM_SPC_VARIATION_CONCERN);
  g_assert_cmpint (point_at (result, 19).variation, ==, TANDEM_SPC_VARIATION_IMPROVEMENT);
  g_assert_cmpint (result->assurance, ==, TANDEM_SPC_ASSURANCE_NONE);

  /* the phase reports the Anhøj statistics whatever the rules; the runs
   * signal is only a point's under anhoej */
  ihi = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_IHI, y, 20, 0);
  g_assert_true (ihi->phases[0].runs_signal);
  assert_flagged (ihi, TANDEM_SPC_SIGNAL_RUNS, "");
  assert_flagged (ihi, TANDEM_SPC_SIGNAL_SHIFT,
                  "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19");
}

static void
test_json (void)
{
  const char *x[] = { "Jan \"24\"", "Feb", "Mar", "Apr" };
  const double y[] = { 10, NAN, 12.5, 1e-7 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (FALSE);
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *point, *phase;
  JsonArray *points, *phases;
  TandemSpcOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (y); i++)
    tandem_spc_data_add (data, x[i], y[i], NAN);
  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.target = 11;
  result = tandem_spc_analyse (data, &options, &error);
  g_assert_no_error (error);
  json = tandem_spc_result_to_json (result);
  root = json_from_string (json, &error);
  g_assert_no_error (error);

  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "chart"), ==, "i");
  g_assert_cmpstr (json_object_get_string_member (object, "rules"), ==, "mdc");
  g_assert_cmpstr (json_object_get_string_member (object, "variation"), ==, "common_cause");
  g_assert_cmpstr (json_object_get_string_member (object, "assurance"), ==, "inconsistent");
  points = json_object_get_array_member (object, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 4);
  point = json_array_get_object_element (points, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "x"), ==, "Jan \"24\"");
  g_assert_cmpfloat (json_object_get_double_member (point, "y"), ==, 10);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (point, "n")));
  g_assert_cmpint (json_object_get_int_member (point, "phase"), ==, 1);
  g_assert_true (json_object_get_boolean_member (point, "included"));
  g_assert_cmpfloat (json_object_get_double_member (point, "cl"), ==, point_at (result, 0).cl);
  g_assert_cmpfloat (json_object_get_double_member (point, "lcl95"), ==, point_at (result, 0).lcl95);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (point, "signals")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "variation"), ==, "common_cause");
  point = json_array_get_object_element (points, 3);
  g_assert_cmpfloat (json_object_get_double_member (point, "y"), ==, 1e-7);

  phases = json_object_get_array_member (object, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, 1);
  phase = json_array_get_object_element (phases, 0);
  g_assert_cmpint (json_object_get_int_member (phase, "first"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (phase, "last"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (phase, "n_obs"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (phase, "n_useful"), ==, 3);
  g_assert_true (json_object_has_member (phase, "longest_run"));
  g_assert_true (json_object_has_member (phase, "longest_run_max"));
  g_assert_true (json_object_has_member (phase, "crossings"));
  g_assert_true (json_object_has_member (phase, "crossings_min"));
  g_assert_false (json_object_get_boolean_member (phase, "runs_signal"));
}

static void
test_json_signals (void)
{
  const double tail[] = { 14, 35, 20, 36, 60 };
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *points;
  JsonArray *signals;

  result = mdc_after_baseline (tail, G_N_ELEMENTS (tail), TANDEM_SPC_DIRECTION_INCREASE, NAN);
  json = tandem_spc_result_to_json (result);
  root = json_from_string (json, NULL);
  points = json_object_get_array_member (json_node_get_object (root), "points");
  signals = json_object_get_array_member (json_array_get_object_element (points, 9), "signals");
  g_assert_cmpuint (json_array_get_length (signals), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (signals, 0), ==, "two_of_three");
  signals = json_object_get_array_member (json_array_get_object_element (points, 12), "signals");
  g_assert_cmpstr (json_array_get_string_element (signals, 0), ==, "outside");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "variation"), ==,
                   "special_cause_improvement");
}

static void
test_sequences_skip_gaps (void)
{
  /* baseline 4 6 4 6 (median 5), then six above with an excluded point and
   * a missing value among them: both are passed over, not flagged */
  const double y[] = { 4, 6, 4, 6, 7, 8, 1, 7, NAN, 8, 9, 7, 2 };
  const gsize exclude[] = { 7 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) result = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.freeze = 4;
  options.exclude = exclude;
  options.n_exclude = 1;
  result = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_IHI);
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "3,4,5,7,9,10,11");
  g_assert_cmpuint (result->phases[0].n_obs, ==, 12);
  g_assert_cmpuint (result->phases[0].n_useful, ==, 11);
  g_assert_cmpint (point_at (result, 8).variation, ==, TANDEM_SPC_VARIATION_NONE);
  g_assert_cmpint (point_at (result, 6).variation, ==, TANDEM_SPC_VARIATION_COMMON_CAUSE);
}

static void
test_rules_stay_in_phase (void)
{
  /* four above the mean at the end of one phase and four at the start of the
   * next are not a shift of eight */
  const double y[] = { 10, 20, 10, 20, 16, 17, 16, 17,
                       10, 20, 10, 20, 16, 17, 16, 17, 16, 17, 16 };
  const gsize parts[] = { 8 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, NULL, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) result = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_I;
  options.freeze = 4;
  options.parts = parts;
  options.n_parts = 1;
  result = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpuint (result->n_phases, ==, 2);
  /* phase 1: 20 16 17 16 17 is five; phase 2: 20 and seven more is a shift */
  assert_flagged (result, TANDEM_SPC_SIGNAL_SHIFT, "11,12,13,14,15,16,17,18");
}

static void
test_mdc_other_charts (void)
{
  const double y[] = { 3, 5, 4, 6, 2, 5, 4, 3 };
  const double n[] = { 50, 50, 40, 60, 50, 50, 45, 55 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, n, G_N_ELEMENTS (y));
  g_autoptr(TandemSpcResult) p = NULL;
  g_autoptr(TandemSpcResult) c = NULL;
  TandemSpcOptions options;

  /* the chart's own limits, the 2-sigma zone two thirds of the way there */
  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_P;
  p = tandem_spc_analyse (data, &options, NULL);
  g_assert_cmpint (p->rules, ==, TANDEM_SPC_RULES_MDC);
  for (gsize i = 0; i < G_N_ELEMENTS (y); i++)
    {
      TandemSpcPoint pt = point_at (p, i);
      double cl = 32.0 / 400, sd = sqrt (cl * (1 - cl) / n[i]);

      assert_close (pt.ucl, cl + 3 * sd, "ucl", i);
      assert_close (pt.ucl95, cl + 2 * sd, "ucl95", i);
      assert_close (pt.lcl, 0, "lcl", i);
      assert_close (pt.lcl95, cl * 1 / 3, "lcl95", i);
    }

  options.chart = TANDEM_SPC_CHART_C;
  c = tandem_spc_analyse (data, &options, NULL);
  assert_close (point_at (c, 0).cl, 4, "cl", 0);
  assert_close (point_at (c, 0).ucl95, 4 + 2 * 3 * 2 / 3.0, "ucl95", 0);
  assert_close (point_at (c, 0).lcl95, 4.0 / 3, "lcl95", 0);
}

static void
test_negative_denominator (void)
{
  const double y[] = { 3, 5 };
  const double n[] = { 50, -50 };
  g_autoptr(TandemSpcData) data = tandem_spc_data_new_from_values (y, n, 2);
  g_autoptr(GError) error = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_U;
  g_assert_null (tandem_spc_analyse (data, &options, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA);
}

/* Every number in the JSON reads back as the same double. */
static void
test_json_numbers (void)
{
  const double fixed[] = { 0, 0.1, 12.5, -3.25, 1e-7, 1.0 / 3, 2e10 / 3, 123456789.123,
                           1e300, -0.000123, 1e15, 9007199254740993.0, 999999999.9999995,
                           5e-324, 0.30000000000000004, 100, -7 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize count = G_N_ELEMENTS (fixed) + 2000;
  g_autofree double *y = g_new (double, count);
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *points;

  memcpy (y, fixed, sizeof fixed);
  for (gsize i = G_N_ELEMENTS (fixed); i < count; i++)
    {
      if (i % 2)
        y[i] = (g_rand_double (rand) - 0.5) * pow (10, g_rand_int_range (rand, -8, 12));
      else
        y[i] = g_rand_int_range (rand, -100000, 100000) / pow (10, g_rand_int_range (rand, 0, 7));
    }

  result = analyse_values (TANDEM_SPC_CHART_RUN, TANDEM_SPC_RULES_ANHOEJ, y, count, 0);
  json = tandem_spc_result_to_json (result);
  root = json_from_string (json, NULL);
  g_assert_nonnull (root);
  points = json_object_get_array_member (json_node_get_object (root), "points");
  for (gsize i = 0; i < count; i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);
      JsonNode *node = json_object_get_member (point, "y");
      double got = json_node_get_value_type (node) == G_TYPE_INT64
                   ? (double) json_node_get_int (node) : json_node_get_double (node);

      if (got != y[i])
        g_error ("point %" G_GSIZE_FORMAT ": %.17g came back as %.17g", i, y[i], got);
    }

  /* and the short ones are written short */
  g_assert_nonnull (strstr (json, "\"y\": 12.5,"));
  g_assert_nonnull (strstr (json, "\"y\": 0.1,"));
  g_assert_nonnull (strstr (json, "\"y\": 100.0,"));
  g_assert_nonnull (strstr (json, "\"y\": -7.0,"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) ids = NULL;

  g_test_init (&argc, &argv, NULL);

  path = fixture_path ("montgomery.json");
  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  reference_cases = json_node_get_object (json_parser_get_root (parser));

  ids = json_object_get_members (reference_cases);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autofree char *name = g_strdup_printf ("/spc/reference/%s", (const char *) l->data);
      g_test_add_data_func (name, l->data, test_reference_case);
    }
  g_test_add_func ("/spc/reference/critical-values", test_critical_values);
  g_test_add_func ("/spc/anhoej/crossings-large-n", test_crossings_large);
  g_test_add_func ("/spc/anhoej/runs-signal", test_anhoej_runs_signal);
  g_test_add_func ("/spc/limits/median", test_median);
  g_test_add_func ("/spc/limits/i", test_i_chart);
  g_test_add_func ("/spc/limits/screening", test_screening);
  g_test_add_func ("/spc/limits/natural-bounds", test_natural_bounds);
  g_test_add_func ("/spc/limits/missing-values", test_missing_values);
  g_test_add_func ("/spc/limits/exclude", test_exclude);
  g_test_add_func ("/spc/limits/multiply", test_multiply);
  g_test_add_func ("/spc/limits/laney", test_laney);
  g_test_add_func ("/spc/limits/g", test_g_chart);
  g_test_add_func ("/spc/limits/xbar-s-variable-n", test_xbar_s_variable);
  g_test_add_func ("/spc/limits/mr", test_mr_chart);
  g_test_add_func ("/spc/limits/freeze-and-phases", test_freeze_and_phases);
  g_test_add_func ("/spc/data/subgroups", test_subgroups);
  g_test_add_func ("/spc/errors/t-chart", test_t_chart_needs_positive);
  g_test_add_func ("/spc/errors/options", test_errors);
  g_test_add_func ("/spc/names", test_names);
  g_test_add_func ("/spc/ihi/shift", test_ihi_shift);
  g_test_add_func ("/spc/ihi/trend", test_ihi_trend);
  g_test_add_func ("/spc/mdc/trend", test_mdc_trend);
  g_test_add_func ("/spc/mdc/shift", test_mdc_shift);
  g_test_add_func ("/spc/mdc/two-of-three", test_mdc_two_of_three);
  g_test_add_func ("/spc/mdc/precedence", test_mdc_precedence);
  g_test_add_func ("/spc/mdc/assurance", test_mdc_assurance);
  g_test_add_func ("/spc/json/structure", test_json);
  g_test_add_func ("/spc/json/signals", test_json_signals);
  g_test_add_func ("/spc/json/numbers", test_json_numbers);
  g_test_add_func ("/spc/rules/skip-gaps", test_sequences_skip_gaps);
  g_test_add_func ("/spc/rules/stay-in-phase", test_rules_stay_in_phase);
  g_test_add_func ("/spc/mdc/other-charts", test_mdc_other_charts);
  g_test_add_func ("/spc/errors/negative-n", test_negative_denominator);

  return g_test_run ();
}
