/* tandem-cli-analyse.c — `tandem-cli analyse`: a measure's chart as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a measure from CSV, runs the same analysis as the app's chart and
 * prints it as JSON.  Exit status: 0 done, 2 bad arguments or bad input (the
 * message names the line and the problem), 1 the output could not be written.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-cli-analyse.h"
#include "tandem-cli-analyse-groups.h"
#include "tandem-csv.h"
#include "tandem-spc.h"

#define STATUS_OK          0
#define STATUS_WRITE_ERROR 1
#define STATUS_BAD_INPUT   2


static gboolean
parse_double (const char *text,
              double     *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*s == '\0')
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (s, &end);
  return errno == 0 && *end == '\0' && isfinite (*value);
}

static gboolean
parse_index (const char *text,
             gsize      *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  guint64 v;

  if (!g_ascii_string_to_unsigned (s, 10, 1, G_MAXSIZE, &v, NULL))
    return FALSE;
  *value = v;
  return TRUE;
}

/* "--part 3,7 --part 12" → 3, 7, 12 */
static gboolean
parse_index_list (char       **values,
                  const char  *option,
                  GArray      *indexes,
                  FILE        *err)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) items = g_strsplit (values[i], ",", -1);

      for (guint k = 0; items[k] != NULL; k++)
        {
          gsize index;

          if (!parse_index (items[k], &index))
            {
              tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s: “%s” is not a point number (points count from 1)",
                    option, items[k]);
              return FALSE;
            }
          g_array_append_val (indexes, index);
        }
    }
  return TRUE;
}

static char *
chart_list (void)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; c < TANDEM_SPC_N_CHARTS; c++)
    g_string_append_printf (s, "%s%s", c ? ", " : "", tandem_spc_chart_to_string (c));
  return g_string_free (s, FALSE);
}

/**
 * tandem_cli_spc_arguments_add_entries:
 * @args: where the options go
 * @context: the command's options
 *
 * Adds the analysis options that `analyse` and `chart` share (--chart,
 * --rules, --freeze, --part, --exclude, --no-screen, --multiply,
 * --direction, --target) to @context's main group.
 */
void
tandem_cli_spc_arguments_add_entries (TandemCliSpcArguments *args,
                                      GOptionContext        *context)
{
  GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args->chart,
      "Chart type: run (default), i, mr, xbar, s, t, p, pp, c, u, up or g", "TYPE" },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &args->rules,
      "Rule set: anhoej, ihi (default for run charts) or mdc (default for control charts)",
      "RULES" },
    { "freeze", 0, 0, G_OPTION_ARG_STRING, &args->freeze,
      "Take the centre line and limits from the first N points", "N" },
    { "part", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->parts,
      "Start a new phase after point N", "N[,N…]" },
    { "exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->exclude,
      "Leave point I out of the calculations", "I[,I…]" },
    { "no-screen", 0, 0, G_OPTION_ARG_NONE, &args->no_screen,
      "Do not screen out large moving ranges", NULL },
    { "multiply", 0, 0, G_OPTION_ARG_STRING, &args->multiply,
      "Multiply the values by K (100 for percentages)", "K" },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &args->direction,
      "Which way is better: increase (default), decrease or neutral", "DIRECTION" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &args->target,
      "The target, for the assurance", "V" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
}

void
tandem_cli_spc_arguments_clear (TandemCliSpcArguments *args)
{
  g_clear_pointer (&args->chart, g_free);
  g_clear_pointer (&args->rules, g_free);
  g_clear_pointer (&args->freeze, g_free);
  g_clear_pointer (&args->parts, g_strfreev);
  g_clear_pointer (&args->exclude, g_strfreev);
  g_clear_pointer (&args->multiply, g_free);
  g_clear_pointer (&args->direction, g_free);
  g_clear_pointer (&args->target, g_free);
}

/**
 * tandem_cli_spc_arguments_apply:
 * @args: the options as given
 * @options: (inout): the analysis options, initialised, to set
 * @parts: the 1-based points a new phase starts after
 * @exclude: the 1-based points to leave out
 * @err: where a message goes
 *
 * Checks and applies the shared analysis options; a bad one is named on
 * @err with what it should be.
 *
 * Returns: %TRUE if every option was good
 */
gboolean
tandem_cli_spc_arguments_apply (const TandemCliSpcArguments *args,
                                TandemSpcOptions            *options,
                                GArray                      *parts,
                                GArray                      *exclude,
                                FILE                        *err)
{
  if (args->chart != NULL && !tandem_spc_chart_from_string (args->chart, &options->chart))
    {
      g_autofree char *charts = chart_list ();

      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--chart: unknown chart type “%s” (one of %s)", args->chart, charts);
      return FALSE;
    }
  if (args->rules != NULL && !tandem_spc_rules_from_string (args->rules, &options->rules))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--rules: unknown rule set “%s” (anhoej, ihi or mdc)", args->rules);
      return FALSE;
    }
  if (options->rules == TANDEM_SPC_RULES_MDC && options->chart == TANDEM_SPC_CHART_RUN)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--rules mdc needs a control chart (--chart i, p, c …); "
            "for a run chart use --rules ihi or anhoej");
      return FALSE;
    }
  if (args->direction != NULL &&
      !tandem_spc_direction_from_string (args->direction, &options->direction))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--direction: “%s” is not increase, decrease or neutral", args->direction);
      return FALSE;
    }
  if (args->freeze != NULL && !parse_index (args->freeze, &options->freeze))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--freeze: “%s” is not a number of points (1 or more)", args->freeze);
      return FALSE;
    }
  if (args->multiply != NULL && (!parse_double (args->multiply, &options->multiply) ||
                                 options->multiply <= 0))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--multiply: “%s” is not a number greater than zero", args->multiply);
      return FALSE;
    }
  if (args->target != NULL && !parse_double (args->target, &options->target))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--target: “%s” is not a number", args->target);
      return FALSE;
    }
  if (!parse_index_list (args->parts, "--part", parts, err) ||
      !parse_index_list (args->exclude, "--exclude", exclude, err))
    return FALSE;
  options->screen_mr = !args->no_screen;
  return TRUE;
}

/**
 * tandem_cli_spc_check_points:
 * @parts: the 1-based points a new phase starts after
 * @exclude: the 1-based points to leave out
 * @n_points: how many points the data have
 * @err: where a message goes
 *
 * Returns: %TRUE if every part and exclusion names a point of the data
 */
gboolean
tandem_cli_spc_check_points (GArray *parts,
                             GArray *exclude,
                             gsize   n_points,
                             FILE   *err)
{
  for (guint i = 0; i < parts->len; i++)
    {
      gsize part = g_array_index (parts, gsize, i);

      if (part >= n_points)
        {
          tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--part %" G_GSIZE_FORMAT ": a new phase starts after a point from 1 to "
                "%" G_GSIZE_FORMAT " (there are %" G_GSIZE_FORMAT " points)",
                part, n_points - 1, n_points);
          return FALSE;
        }
    }
  for (guint i = 0; i < exclude->len; i++)
    {
      gsize point = g_array_index (exclude, gsize, i);

      if (point > n_points)
        {
          tandem_cli_fail_to (err, STATUS_BAD_INPUT, "--exclude %" G_GSIZE_FORMAT ": there are only %" G_GSIZE_FORMAT " points",
                point, n_points);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * tandem_cli_analyse_streams:
 * @argc: number of arguments
 * @argv: the arguments, @argv[0] being "analyse"
 * @in: standard input, read when the file is "-"
 * @out: where the JSON goes
 * @err: where messages go
 *
 * Runs `tandem-cli analyse [OPTION…] FILE.csv`: reads the measure, analyses it
 * with tandem_spc_analyse() and writes tandem_spc_result_write_json()'s JSON.
 *
 * Returns: the exit status: 0, 2 for bad arguments or input, 1 if the output
 *   could not be written
 */
int
tandem_cli_analyse_streams (int    argc,
                            char **argv,
                            FILE  *in,
                            FILE  *out,
                            FILE  *err)
{
  TandemCliSpcArguments args = { 0 };
  gboolean help = FALSE;
  GOptionEntry entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show this help", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) exclude = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(TandemSpcData) data = NULL;
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(GString) json = NULL;
  g_auto(GStrv) strv = NULL;
  TandemSpcOptions options;
  const char *filename;
  gsize n_points;
  int status = STATUS_BAD_INPUT;

  g_return_val_if_fail (argc >= 1, STATUS_BAD_INPUT);

  if (tandem_cli_analyse_is_by_group (argc, argv))
    return tandem_cli_analyse_groups_streams (argc, argv, in, out, err);

  /* GOption takes what it parses out of a copy of the arguments */
  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  context = g_option_context_new ("FILE.csv");
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
    "Analyses a measure as a run chart or control chart and prints the result as JSON.\n"
    "FILE.csv (or - for standard input) has a header naming the columns x, y and\n"
    "optionally n; rows with the same x form one subgroup.\n"
    "With --by-group it compares groups' rates instead: see analyse --by-group --help.");
  tandem_cli_spc_arguments_add_entries (&args, context);
  g_option_context_add_main_entries (context, entries, NULL);

  tandem_spc_options_init (&options);

  if (!g_option_context_parse_strv (context, &strv, &error))
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "analyse: %s", error->message);
      goto out;
    }

  if (help)
    {
      g_autofree char *help_text = g_option_context_get_help (context, TRUE, NULL);

      fputs (help_text, out);
      status = STATUS_OK;
      goto out;
    }

  if (g_strv_length (strv) != 2)
    {
      g_autofree char *help_text = g_option_context_get_help (context, TRUE, NULL);

      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "analyse: %s", g_strv_length (strv) < 2 ? "which file? Give one CSV file, or -"
                                                         : "give only one CSV file");
      fputs (help_text, err);
      goto out;
    }
  filename = strv[1];

  if (!tandem_cli_spc_arguments_apply (&args, &options, parts, exclude, err))
    goto out;

  if (strcmp (filename, "-") == 0)
    data = tandem_csv_read_measure_stream (in, &error);
  else
    data = tandem_csv_read_measure_file (filename, &error);
  if (data == NULL)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s: %s", strcmp (filename, "-") == 0 ? "standard input" : filename,
            error->message);
      goto out;
    }

  n_points = tandem_spc_data_get_n_subgroups (data);
  if (!tandem_cli_spc_check_points (parts, exclude, n_points, err))
    goto out;

  options.parts = (const gsize *) (gpointer) parts->data;
  options.n_parts = parts->len;
  options.exclude = (const gsize *) (gpointer) exclude->data;
  options.n_exclude = exclude->len;
  /* As on screen: limits held at the measure's natural bounds, and the JSON
   * says where they were. */
  tandem_spc_options_set_natural_bounds (&options, data);

  result = tandem_spc_analyse (data, &options, &error);
  if (result == NULL)
    {
      tandem_cli_fail_to (err, STATUS_BAD_INPUT, "%s: %s", strcmp (filename, "-") == 0 ? "standard input" : filename,
            error->message);
      goto out;
    }

  json = g_string_sized_new (4096);
  tandem_spc_result_write_json (result, json);
  if (fwrite (json->str, 1, json->len, out) != json->len || fflush (out) != 0)
    {
      fprintf (err, "tandem-cli: could not write the result: %s\n", g_strerror (errno));
      status = STATUS_WRITE_ERROR;
      goto out;
    }

  status = STATUS_OK;

out:
  tandem_cli_spc_arguments_clear (&args);
  return status;
}

/**
 * tandem_cli_analyse:
 * @argc: number of arguments
 * @argv: the arguments, @argv[0] being "analyse"
 *
 * `tandem-cli analyse` on the standard streams; see
 * tandem_cli_analyse_streams().
 *
 * Returns: the exit status
 */
int
tandem_cli_analyse (int    argc,
                    char **argv)
{
  return tandem_cli_analyse_streams (argc, argv, stdin, stdout, stderr);
}
