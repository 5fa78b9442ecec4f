/* test-cli-analyse.c — `tandem-cli analyse`, through its entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tandem-cli-analyse.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
read_all (FILE *stream)
{
  GString *s = g_string_new (NULL);
  char buffer[4096];
  size_t got;

  rewind (stream);
  while ((got = fread (buffer, 1, sizeof buffer, stream)) > 0)
    g_string_append_len (s, buffer, got);
  return g_string_free (s, FALSE);
}

/* Runs `analyse ARGS…` with @input on standard input. */
static void
run_analyse (Run        *run,
             const char *input,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  FILE *in = tmpfile ();
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();
  const char *arg;
  va_list ap;

  g_assert_nonnull (in);
  g_assert_nonnull (out);
  g_assert_nonnull (err);

  g_ptr_array_add (args, (gpointer) "analyse");
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  if (input != NULL)
    fputs (input, in);
  rewind (in);

  run->status = tandem_cli_analyse_streams (args->len - 1, (char **) args->pdata, in, out, err);
  run->out = read_all (out);
  run->err = read_all (err);
  fclose (in);
  fclose (out);
  fclose (err);
}

static JsonObject *
parse_output (const Run *run,
              JsonNode **root)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  *root = json_from_string (run->out, &error);
  g_assert_no_error (error);
  return json_node_get_object (*root);
}

static char *
write_temp_csv (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-cli-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

static gboolean
close_enough (double actual,
              double expected)
{
  if (isnan (expected) || isnan (actual))
    return isnan (expected) && isnan (actual);
  return fabs (actual - expected) <= 1e-9 * fabs (expected) + 1e-12;
}

static gboolean
has_signal (JsonObject *point,
            const char *name)
{
  JsonArray *signals = json_object_get_array_member (point, "signals");

  for (guint i = 0; i < json_array_get_length (signals); i++)
    if (g_strcmp0 (json_array_get_string_element (signals, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* A Montgomery case from the reference file, through a CSV file and the
 * command line, against qicharts2's numbers. */
static void
check_reference (const char *id,
                 const char *x_column,
                 const char *y_column,
                 const char *n_column,
                 ...)
{
  g_autofree char *fixture = g_build_filename (TANDEM_SPC_FIXTURES, "montgomery.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new (n_column != NULL ? "x;y;n\n" : "x;y\n");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) command = g_string_new (NULL);
  JsonObject *reference, *output;
  JsonArray *rows, *expected_points, *points, *summary, *phases;
  const char *arg;
  va_list ap;
  g_auto(Run) run = { 0 };

  json_parser_load_from_file (parser, fixture, &error);
  g_assert_no_error (error);
  reference = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), id);
  rows = json_object_get_array_member (reference, "data");

  /* semicolons and decimal commas, as a European spreadsheet writes them */
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (csv, "%" G_GINT64_FORMAT ";",
                              json_object_get_int_member (row, x_column));
      g_ascii_dtostr (value, sizeof value, json_object_get_double_member (row, y_column));
      g_strdelimit (value, ".", ',');
      g_string_append (csv, value);
      if (n_column != NULL)
        g_string_append_printf (csv, ";%" G_GINT64_FORMAT,
                                json_object_get_int_member (row, n_column));
      g_string_append (csv, "\r\n");
    }
  path = write_temp_csv (csv->str);

  g_ptr_array_add (args, (gpointer) "analyse");
  va_start (ap, n_column);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, NULL);

  {
    FILE *out = tmpfile ();
    FILE *err = tmpfile ();

    run.status = tandem_cli_analyse_streams (args->len - 1, (char **) args->pdata, stdin, out, err);
    run.out = read_all (out);
    run.err = read_all (err);
    fclose (out);
    fclose (err);
  }
  g_unlink (path);

  output = parse_output (&run, &root);
  g_assert_cmpstr (json_object_get_string_member (output, "rules"), ==, "anhoej");

  expected_points = json_object_get_array_member (reference, "points");
  points = json_object_get_array_member (output, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, json_array_get_length (expected_points));
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *expected = json_array_get_object_element (expected_points, i);
      JsonObject *point = json_array_get_object_element (points, i);
      g_autofree char *x = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            json_object_get_int_member (expected, "x"));
      const char *fields[][2] = {
        { "y", "y" }, { "cl", "cl" }, { "lcl", "lcl" }, { "ucl", "ucl" },
        { "lcl95", "lcl.95" }, { "ucl95", "ucl.95" }, { "n", "n" },
      };

      g_assert_cmpstr (json_object_get_string_member (point, "x"), ==, x);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          double got = member_double (point, fields[f][0]);
          double want = member_double (expected, fields[f][1]);

          if (!close_enough (got, want))
            g_error ("%s point %u %s: got %.17g, expected %.17g", id, i + 1, fields[f][0],
                     got, want);
        }
      g_assert_cmpint (json_object_get_int_member (point, "phase"), ==,
                       json_object_get_int_member (expected, "part"));
      g_assert_cmpint (json_object_get_boolean_member (point, "included"), ==,
                       json_object_get_boolean_member (expected, "include"));
      g_assert_cmpint (has_signal (point, "outside"), ==,
                       json_object_get_boolean_member (expected, "sigma.signal"));
      g_assert_cmpint (has_signal (point, "runs"), ==,
                       json_object_get_boolean_member (expected, "runs.signal"));
    }

  summary = json_object_get_array_member (reference, "summary");
  phases = json_object_get_array_member (output, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, json_array_get_length (summary));
  for (guint k = 0; k < json_array_get_length (phases); k++)
    {
      JsonObject *expected = json_array_get_object_element (summary, k);
      JsonObject *phase = json_array_get_object_element (phases, k);

      g_assert_cmpint (json_object_get_int_member (phase, "n_obs"), ==,
                       json_object_get_int_member (expected, "n.obs"));
      g_assert_cmpint (json_object_get_int_member (phase, "n_useful"), ==,
                       json_object_get_int_member (expected, "n.useful"));
      g_assert_cmpint (json_object_get_int_member (phase, "longest_run"), ==,
                       json_object_get_int_member (expected, "longest.run"));
      g_assert_cmpint (json_object_get_int_member (phase, "longest_run_max"), ==,
                       json_object_get_int_member (expected, "longest.run.max"));
      g_assert_cmpint (json_object_get_int_member (phase, "crossings"), ==,
                       json_object_get_int_member (expected, "n.crossings"));
      g_assert_cmpint (json_object_get_int_member (phase, "crossings_min"), ==,
                       json_object_get_int_member (expected, "n.crossings.min"));
      g_assert_cmpint (json_object_get_boolean_member (phase, "runs_signal"), ==,
                       json_object_get_int_member (expected, "runs.signal") != 0);
    }
}

static void
test_reference_i (void)
{
  check_reference ("ex6.5_i", "weeks", "cost", NULL,
                   "--chart", "i", "--rules", "anhoej", "--freeze", "20", NULL);
}

static void
test_reference_p (void)
{
  check_reference ("ex7.1_p", "sample", "count", "size",
                   "--chart=p", "--rules=anhoej", "--part", "30", "--exclude", "15,23", NULL);
}

static void
test_reference_c (void)
{
  check_reference ("ex7.3_c", "sample", "count", NULL,
                   "--chart", "c", "--rules", "anhoej", "--freeze", "26",
                   "--exclude", "6", "--exclude", "20", NULL);
}

static void
test_defaults (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *output;
  JsonObject *point;

  run_analyse (&run, "x,y\nJan,3\nFeb,5\nMar,4\nApr,\n", "-", NULL);
  output = parse_output (&run, &root);
  g_assert_cmpstr (json_object_get_string_member (output, "chart"), ==, "run");
  g_assert_cmpstr (json_object_get_string_member (output, "rules"), ==, "ihi");
  g_assert_cmpstr (json_object_get_string_member (output, "variation"), ==, "common_cause");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (output, "assurance")));
  point = json_array_get_object_element (json_object_get_array_member (output, "points"), 3);
  g_assert_cmpstr (json_object_get_string_member (point, "x"), ==, "Apr");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (point, "y")));
  g_assert_cmpfloat (json_object_get_double_member (point, "cl"), ==, 4);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (point, "ucl")));
}

static void
test_control_chart_options (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *output;
  JsonObject *point;

  /* a p chart in percent, decrease is better, target 10 % */
  run_analyse (&run, "x,y,n\n1,5,50\n2,6,50\n3,4,50\n4,5,50\n5,7,50\n6,3,50\n",
               "--chart", "p", "--multiply", "100", "--direction", "decrease",
               "--target", "10", "-", NULL);
  output = parse_output (&run, &root);
  g_assert_cmpstr (json_object_get_string_member (output, "rules"), ==, "mdc");
  point = json_array_get_object_element (json_object_get_array_member (output, "points"), 0);
  g_assert_cmpfloat (json_object_get_double_member (point, "y"), ==, 10);
  g_assert_cmpfloat (json_object_get_double_member (point, "n"), ==, 50);
  g_assert_cmpfloat (fabs (json_object_get_double_member (point, "cl") - 10), <, 1e-12);
  g_assert_cmpstr (json_object_get_string_member (output, "assurance"), ==, "inconsistent");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_analyse (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--chart"));
  g_assert_nonnull (strstr (run.out, "FILE.csv"));
}

static void
assert_refused (const Run  *run,
                const char *message)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  if (strstr (run->err, message) == NULL)
    g_error ("expected “%s” in “%s”", message, run->err);
}

static void
test_bad_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_temp_csv ("x,y\n1,10\n2,11\n3,12\n4,13\n5,14\n6,abc\n");

  run_analyse (&run, NULL, "--chart", "i", path, NULL);
  assert_refused (&run, "Line 7: “abc” is not a number in column y");
  g_assert_true (g_str_has_prefix (run.err, "tandem-cli: "));
  g_assert_nonnull (strstr (run.err, path));
  g_unlink (path);
  run_clear (&run);

  run_analyse (&run, "x;y\n1;2\n2;\"3\n", "-", NULL);
  assert_refused (&run, "standard input: Line 3: a quoted field is not closed");
  run_clear (&run);

  run_analyse (&run, NULL, "/nonexistent/data.csv", NULL);
  assert_refused (&run, "/nonexistent/data.csv");
}

static void
test_refusals (void)
{
  g_auto(Run) run = { 0 };
  const char *csv = "x,y\n1,2\n2,3\n3,4\n";

  run_analyse (&run, csv, "--rules", "mdc", "-", NULL);
  assert_refused (&run, "--rules mdc needs a control chart");
  run_clear (&run);

  run_analyse (&run, csv, "--chart", "run", "--rules", "mdc", "-", NULL);
  assert_refused (&run, "--rules mdc needs a control chart");
  run_clear (&run);

  run_analyse (&run, csv, "--chart", "pie", "-", NULL);
  assert_refused (&run, "unknown chart type “pie”");
  run_clear (&run);

  run_analyse (&run, csv, "--rules", "western-electric", "-", NULL);
  assert_refused (&run, "unknown rule set");
  run_clear (&run);

  run_analyse (&run, csv, "--chart", "p", "-", NULL);
  assert_refused (&run, "needs a denominator");
  run_clear (&run);

  run_analyse (&run, csv, "--part", "3", "-", NULL);
  assert_refused (&run, "--part 3: a new phase starts after a point from 1 to 2");
  run_clear (&run);

  run_analyse (&run, csv, "--exclude", "1,x", "-", NULL);
  assert_refused (&run, "--exclude: “x” is not a point number");
  run_clear (&run);

  run_analyse (&run, csv, "--exclude", "4", "-", NULL);
  assert_refused (&run, "--exclude 4: there are only 3 points");
  run_clear (&run);

  run_analyse (&run, csv, "--freeze", "0", "-", NULL);
  assert_refused (&run, "--freeze");
  run_clear (&run);

  run_analyse (&run, csv, "--multiply", "-5", "-", NULL);
  assert_refused (&run, "--multiply");
  run_clear (&run);

  run_analyse (&run, csv, "--target", "high", "-", NULL);
  assert_refused (&run, "--target");
  run_clear (&run);

  run_analyse (&run, csv, "--direction", "up", "-", NULL);
  assert_refused (&run, "--direction");
  run_clear (&run);

  run_analyse (&run, csv, "--bogus", "-", NULL);
  assert_refused (&run, "--bogus");
  run_clear (&run);

  run_analyse (&run, csv, NULL);
  assert_refused (&run, "which file?");
  run_clear (&run);

  run_analyse (&run, csv, "a.csv", "b.csv", NULL);
  assert_refused (&run, "only one CSV file");
  run_clear (&run);

  run_analyse (&run, "x,y\n1,2\n2,0\n", "--chart", "t", "-", NULL);
  assert_refused (&run, "Point 2: the time between events must be greater than zero");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/analyse/reference-i", test_reference_i);
  g_test_add_func ("/cli/analyse/reference-p", test_reference_p);
  g_test_add_func ("/cli/analyse/reference-c", test_reference_c);
  g_test_add_func ("/cli/analyse/defaults", test_defaults);
  g_test_add_func ("/cli/analyse/control-chart-options", test_control_chart_options);
  g_test_add_func ("/cli/analyse/help", test_help);
  g_test_add_func ("/cli/analyse/bad-csv", test_bad_csv);
  g_test_add_func ("/cli/analyse/refusals", test_refusals);

  return g_test_run ();
}
