/* tandem-cli-chart.c — `tandem-cli chart`: a CSV file straight to a chart, no project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a qicharts2 or spreadsheet user scripts: the data read as `import
 * data` reads them, analysed with the options `analyse` takes, and drawn
 * by the renderer the app, printing and `export chart` use. With
 * --output-dir, one chart per CSV file, two or more at a time.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-cli-common.h"
#include "tandem-chart.h"
#include "tandem-cli-analyse.h"
#include "tandem-cli-analyse-groups.h"
#include "tandem-cli-chart.h"
#include "tandem-cli-chart-groups.h"
#include "tandem-cli-output.h"
#include "tandem-export.h"
#include "tandem-measure.h"
#include "tandem-table-import.h"

#define STATUS_OK          0
#define STATUS_WRITE_ERROR 1
#define STATUS_BAD_INPUT   2

/* Everything one chart needs besides its CSV file; shared by the threads. */
typedef struct
{
  TandemSpcOptions   options;
  GArray            *parts;
  GArray            *exclude;
  char              *title;
  char              *y_label;
  char              *annotations;
  TandemDateFormat   date_format;
  gboolean           date_format_given;
  gboolean           decimal_comma;
  TandemExportFormat format;
  double             width;
  double             height;
  double             dpi;
  TandemChartStyle   style;
} Settings;

typedef struct
{
  const Settings *settings;
  char           *input;     /* a CSV file, or "-" */
  char           *output;
  GString        *messages;  /* what to say on standard error, said in order at the end */
  int             status;
} Job;

static void
job_free (Job *job)
{
  g_free (job->input);
  g_free (job->output);
  g_string_free (job->messages, TRUE);
  g_free (job);
}

static int G_GNUC_PRINTF (3, 4)
job_fail (Job        *job,
          int         status,
          const char *format,
          ...)
{
  va_list args;

  g_string_append (job->messages, "tandem-cli: ");
  va_start (args, format);
  g_string_append_vprintf (job->messages, format, args);
  va_end (args);
  g_string_append_c (job->messages, '\n');
  job->status = status;
  return status;
}

static const char *
input_name (const Job *job)
{
  return g_str_equal (job->input, "-") ? _("standard input") : job->input;
}

static gboolean
read_input (const char  *input,
            char       **contents,
            gsize       *length,
            GError     **error)
{
  g_autoptr(GString) text = NULL;
  char buffer[65536];
  size_t n;

  if (!g_str_equal (input, "-"))
    return g_file_get_contents (input, contents, length, error);
  text = g_string_new (NULL);
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, (gssize) n);
  if (ferror (stdin))
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Could not read standard input: %s"), g_strerror (errno));
      return FALSE;
    }
  *length = text->len;
  *contents = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* "p" and @i, as g_strdup_printf ("p%u", i) writes it, without printf's
 * cost on each of thousands of points. */
static char *
point_id (guint i)
{
  char text[16];
  char *d = text + sizeof text;

  *--d = '\0';
  do
    {
      *--d = (char) ('0' + i % 10);
      i /= 10;
    }
  while (i > 0);
  *--d = 'p';
  return g_strdup (d);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const TandemImportRow *x = *(const TandemImportRow * const *) a;
  const TandemImportRow *y = *(const TandemImportRow * const *) b;
  int by_date = strcmp (x->date, y->date);

  if (by_date != 0)
    return by_date;
  return x->line < y->line ? -1 : x->line > y->line;
}

static gboolean
rows_in_order (GPtrArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    if (compare_rows (&rows->pdata[i - 1], &rows->pdata[i]) > 0)
      return FALSE;
  return TRUE;
}

/* The annotations file: date,text a row, a header row allowed. */
static gboolean
read_annotations (Job           *job,
                  TandemMeasure *measure,
                  TandemDateFormat format)
{
  const Settings *settings = job->settings;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint first = 0;

  if (!g_file_get_contents (settings->annotations, &contents, &length, &error))
    return job_fail (job, STATUS_BAD_INPUT, "%s", error->message), FALSE;
  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    return job_fail (job, STATUS_BAD_INPUT, "%s: %s", settings->annotations,
                     error->message), FALSE;
  if (table->n_columns < 2)
    return job_fail (job, STATUS_BAD_INPUT,
                     _("%s: an annotations file has two columns, date and text"),
                     settings->annotations), FALSE;
  {
    char date[11];
    const char *cell = tandem_table_get_cell (table, 0, 0);

    if (cell != NULL && !tandem_parse_date (cell, format, date) &&
        !tandem_parse_iso_date (cell, date))
      first = 1;
  }
  for (guint i = first; i < table->rows->len; i++)
    {
      const char *when = tandem_table_get_cell (table, i, 0);
      const char *text = tandem_table_get_cell (table, i, 1);
      TandemAnnotation *annotation;
      char date[11];

      if (when == NULL || (!tandem_parse_date (when, format, date) &&
                           !tandem_parse_iso_date (when, date)))
        return job_fail (job, STATUS_BAD_INPUT, _("%s: line %u: “%s” is not a date"),
                         settings->annotations, g_array_index (table->lines, guint, i),
                         when ? when : ""), FALSE;
      annotation = g_new0 (TandemAnnotation, 1);
      annotation->id = g_strdup_printf ("a%u", i);
      annotation->date = g_strdup (date);
      annotation->text = g_strdup (text ? text : "");
      g_ptr_array_add (measure->annotations, annotation);
    }
  return TRUE;
}

/* The measure a CSV file makes, with the command's settings; NULL (and
 * the job's message) if the file cannot be charted. */
static TandemMeasure *
measure_from_csv (Job *job)
{
  const Settings *settings = job->settings;
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  g_autofree char *contents = NULL;
  TandemImportOptions options;
  gsize length;

  if (!read_input (job->input, &contents, &length, &error))
    return job_fail (job, STATUS_BAD_INPUT, "%s", error->message), NULL;
  table = tandem_table_parse (contents, (gssize) length, 0, &error);
  if (table == NULL)
    return job_fail (job, STATUS_BAD_INPUT, "%s: %s", input_name (job), error->message), NULL;
  tandem_table_guess_options (table, &options);
  if (settings->decimal_comma)
    options.decimal_comma = TRUE;
  if (settings->date_format_given)
    options.date_format = settings->date_format;
  import = tandem_table_import (table, &options);
  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];
      g_string_append_printf (job->messages, _("%s: line %u: %s\n"), input_name (job),
                              problem->line, problem->reason);
    }
  if (import->problems->len > 0)
    return job_fail (job, STATUS_BAD_INPUT, _("%s: no chart made: fix the rows above"),
                     input_name (job)), NULL;
  if (import->rows->len == 0)
    return job_fail (job, STATUS_BAD_INPUT, _("%s: no chart made: the file has no rows of data"),
                     input_name (job)), NULL;

  if (settings->title)
    measure->name = g_strdup (settings->title);
  else if (g_str_equal (job->input, "-"))
    measure->name = g_strdup (_("Chart"));
  else
    {
      g_autofree char *base = g_path_get_basename (job->input);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      measure->name = g_steal_pointer (&base);
    }
  measure->unit = g_strdup (settings->y_label);
  measure->chart = settings->options.chart;
  measure->rules = settings->options.rules;
  measure->direction = settings->options.direction;
  measure->target = settings->options.target;
  measure->freeze = settings->options.freeze;
  measure->screen_mr = settings->options.screen_mr;
  measure->multiply = settings->options.multiply;

  /* The chart's points are its dates, in order; rows on one date are one
   * subgroup, as in a project. A CSV is usually in order already: then the
   * sort (a tenth of the analysis at 10,000 rows) is not needed. */
  if (!rows_in_order (import->rows))
    g_ptr_array_sort (import->rows, compare_rows);
  for (guint i = 0; i < import->rows->len; i++)
    {
      const TandemImportRow *row = import->rows->pdata[i];
      TandemDataPoint *point = g_new0 (TandemDataPoint, 1);

      if (dates->len == 0 || strcmp (dates->pdata[dates->len - 1], row->date) != 0)
        g_ptr_array_add (dates, (gpointer) row->date);
      point->id = point_id (i);
      point->date = g_strdup (row->date);
      point->value = row->value;
      point->denominator = row->denominator;
      point->note = g_strdup (row->note);
      g_ptr_array_add (measure->points, point);
    }

  for (guint i = 0; i < settings->parts->len; i++)
    {
      gsize part = g_array_index (settings->parts, gsize, i);
      TandemPhase *phase;

      if (part >= dates->len)
        return job_fail (job, STATUS_BAD_INPUT,
                         _("%s: --part %" G_GSIZE_FORMAT ": a new phase starts after a point "
                           "from 1 to %u (there are %u points)"),
                         input_name (job), part, dates->len - 1, dates->len), NULL;
      phase = g_new0 (TandemPhase, 1);
      phase->id = g_strdup_printf ("f%u", i);
      phase->starts_on = g_strdup (dates->pdata[part]);
      g_ptr_array_add (measure->phases, phase);
    }
  for (guint i = 0; i < settings->exclude->len; i++)
    {
      gsize point = g_array_index (settings->exclude, gsize, i);

      if (point > dates->len)
        return job_fail (job, STATUS_BAD_INPUT,
                         _("%s: --exclude %" G_GSIZE_FORMAT ": there are only %u points"),
                         input_name (job), point, dates->len), NULL;
      for (guint k = 0; k < measure->points->len; k++)
        {
          TandemDataPoint *row = measure->points->pdata[k];

          if (g_str_equal (row->date, dates->pdata[point - 1]))
            row->excluded = TRUE;
        }
    }

  if (settings->annotations && !read_annotations (job, measure, import->date_format))
    return NULL;
  return g_steal_pointer (&measure);
}

/* Reads, analyses and draws one chart. @user_data: for a single chart, the
 * TandemExportFonts * being prepared, installed here just before the
 * drawing; NULL when the fonts were installed before (a pool of jobs). */
static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  measure = measure_from_csv (job);
  if (measure == NULL)
    return;
  chart = tandem_chart_new (measure);
  if (tandem_chart_get_problem (chart) != NULL)
    {
      job_fail (job, STATUS_BAD_INPUT, _("%s: no chart made: %s"), input_name (job),
                tandem_chart_get_problem (chart));
      return;
    }
  tandem_chart_set_style (chart, job->settings->style);
  /* One chart: its fonts have loaded while its file was read and analysed. */
  if (user_data != NULL)
    tandem_export_fonts_install (g_steal_pointer ((TandemExportFonts **) user_data));
  if (!tandem_export_pages (job->output, job->settings->format, job->settings->width,
                            job->settings->height, 1, job->settings->dpi,
                            tandem_chart_draw_page, chart, &error))
    {
      job_fail (job, error->domain == TANDEM_EXPORT_ERROR &&
                     (error->code == TANDEM_EXPORT_ERROR_INVALID ||
                      error->code == TANDEM_EXPORT_ERROR_PROJECT) ? STATUS_BAD_INPUT
                                                                  : STATUS_WRITE_ERROR,
                "%s", error->message);
      return;
    }
  if (tandem_chart_get_notes_cut (chart) > 0)
    g_string_append_printf (job->messages,
                            ngettext ("%s: %u note is too long to show in full on the chart; the chart says so.\n",
                                      "%s: %u notes are too long to show in full on the chart; the chart says so.\n",
                                      tandem_chart_get_notes_cut (chart)),
                            job->output, tandem_chart_get_notes_cut (chart));
}

static gboolean
style_from_string (const char       *name,
                   TandemChartStyle *style)
{
  if (name == NULL || g_str_equal (name, "print"))
    *style = TANDEM_CHART_STYLE_PRINT;
  else if (g_str_equal (name, "screen"))
    *style = TANDEM_CHART_STYLE_SCREEN;
  else if (g_str_equal (name, "high-contrast"))
    *style = TANDEM_CHART_STYLE_HIGH_CONTRAST;
  else
    return FALSE;
  return TRUE;
}

static gboolean
date_format_from_string (const char       *name,
                         TandemDateFormat *format)
{
  static const struct { const char *name; TandemDateFormat format; } formats[] = {
    { "auto", TANDEM_DATE_AUTO }, { "iso", TANDEM_DATE_ISO }, { "dmy", TANDEM_DATE_DMY },
    { "mdy", TANDEM_DATE_MDY }, { "my", TANDEM_DATE_MY }, { "excel", TANDEM_DATE_EXCEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}


/**
 * tandem_cli_chart:
 * @argc: argument count, from “chart”
 * @argv: arguments
 *
 * `tandem-cli chart [OPTIONS] (CSV|-) --output FILE` or `tandem-cli chart
 * [OPTIONS] CSV… --output-dir DIR`: each CSV file's run or SPC chart as a
 * PDF, PNG or SVG, with no project. A file that cannot be charted is named
 * with the reason, and the others are still made.
 *
 * Returns: the exit status: 0 every chart made, 2 bad arguments or input,
 *   1 a file could not be written
 */
int
tandem_cli_chart (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CSV…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(TandemExportFonts) fonts = NULL;
  TandemCliSpcArguments spc = { 0 };
  Settings settings = { 0 };
  g_autofree char *format_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *style_name = NULL;
  g_autofree char *date_format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  TandemPaper paper = TANDEM_PAPER_A4;
  int status = STATUS_OK;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &settings.title,
      N_("The chart's title (default: the file's name)"), "TEXT" },
    { "y-label", 0, 0, G_OPTION_ARG_STRING, &settings.y_label,
      N_("What the values count, beside the y axis (“incidents”, “%”)"), "TEXT" },
    { "annotations", 0, 0, G_OPTION_ARG_FILENAME, &settings.annotations,
      N_("A CSV file of notes to mark on the chart: date,text a row"), "CSV" },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &date_format,
      N_("auto (the default), iso, dmy, mdy, my or excel"), "FORMAT" },
    { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &settings.decimal_comma,
      N_("Numbers are written 3,5"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, png or svg (default: from the output's name, else pdf)"), "FORMAT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 (the default) or a3, landscape"), "PAPER" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("print (the default), screen or high-contrast"), "STYLE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &settings.dpi, N_("Resolution of a PNG (default 150)"), "DPI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write for one CSV, or - for standard output"), "FILE" },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir,
      N_("Write one chart per CSV into this folder, named after the CSV"), "DIR" },
    { NULL }
  };

  if (tandem_cli_analyse_is_by_group (argc, argv))
    return tandem_cli_chart_groups (argc, argv);

  settings.dpi = 150;
  settings.parts = g_array_new (FALSE, FALSE, sizeof (gsize));
  settings.exclude = g_array_new (FALSE, FALSE, sizeof (gsize));
  tandem_spc_options_init (&settings.options);
  g_option_context_set_summary (context,
                                _("Draw each CSV file's run or SPC chart as PDF, PNG or SVG, "
                                  "with no project. The columns are found by their names (date, "
                                  "value, denominator, note), else the first two are the date "
                                  "and the value; - reads standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  tandem_cli_spc_arguments_add_entries (&spc, context);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "chart: %s", error->message);
  else if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
      status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("chart: which file? Give a CSV file, or - for standard input"));
    }
  else if (!tandem_cli_spc_arguments_apply (&spc, &settings.options, settings.parts,
                                            settings.exclude, stderr))
    status = STATUS_BAD_INPUT;
  else if ((output == NULL) == (output_dir == NULL))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("chart: say where the chart goes: --output FILE for one CSV file, "
                           "or --output-dir DIR for one chart per CSV file"));
  else if (output != NULL && argc != 2)
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("chart: --output takes one CSV file; for several, use --output-dir DIR"));
  else if (output_dir != NULL && !g_file_test (output_dir, G_FILE_TEST_IS_DIR))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("chart: --output-dir %s: there is no such folder"), output_dir);
  else if (paper_name && !tandem_paper_from_string (paper_name, &paper))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("chart: unknown paper “%s”: use a4 or a3"), paper_name);
  else if (!style_from_string (style_name, &settings.style))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("chart: unknown style “%s”: use print, screen or high-contrast"), style_name);
  else if (date_format && !date_format_from_string (date_format, &settings.date_format))
    status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("chart: unknown date format “%s”: use auto, iso, dmy, mdy, my or excel"),
                   date_format);
  if (status != STATUS_OK)
    goto out;
  settings.date_format_given = date_format != NULL;

  if (format_name == NULL && output != NULL && strrchr (output, '.') != NULL)
    format_name = g_ascii_strdown (strrchr (output, '.') + 1, -1);
  if (!tandem_export_format_from_string (format_name ? format_name : "pdf", &settings.format))
    {
      status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, _("chart: unknown format “%s”: use pdf, png or svg"), format_name);
      goto out;
    }
  if (output != NULL && tandem_cli_refuse_output (output, settings.format != TANDEM_EXPORT_SVG))
    {
      status = STATUS_BAD_INPUT;
      goto out;
    }
  if (output_dir != NULL)
    for (int i = 1; i < argc; i++)
      if (g_str_equal (argv[i], "-"))
        {
          status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", _("chart: standard input has no name to make a file of: "
                                 "use --output FILE"));
          goto out;
        }

  tandem_paper_get_size (paper, TRUE, &settings.width, &settings.height);
  /* Fonts load on a second thread while the first file is read. */
  fonts = tandem_export_prepare_fonts (settings.format, settings.width, settings.height,
                                       settings.dpi, tandem_chart_warm_fonts,
                                       GINT_TO_POINTER (settings.style));

  for (int i = 1; i < argc; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->settings = &settings;
      job->input = g_strdup (argv[i]);
      job->messages = g_string_new (NULL);
      if (output != NULL)
        job->output = g_strdup (output);
      else
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          char *dot = strrchr (base, '.');
          g_autofree char *name = NULL;

          if (dot != NULL && dot != base)
            *dot = '\0';
          name = g_strdup_printf ("%s.%s", base, format_name ? format_name : "pdf");
          job->output = g_build_filename (output_dir, name, NULL);
        }
      g_ptr_array_add (jobs, job);
    }

  if (jobs->len == 1)
    run_job (jobs->pdata[0], &fonts);
  else
    {
      /* Each thread draws with fonts of its own (Pango's default font map
       * is per thread); fontconfig's configuration is loaded once. */
      GThreadPool *pool;
      guint threads = CLAMP (g_get_num_processors (), 1, jobs->len);

      tandem_export_fonts_install (g_steal_pointer (&fonts));
      pool = g_thread_pool_new (run_job, NULL, (int) threads, TRUE, NULL);
      for (guint i = 0; i < jobs->len; i++)
        g_thread_pool_push (pool, jobs->pdata[i], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      const Job *job = jobs->pdata[i];

      fputs (job->messages->str, stderr);
      if (job->status == STATUS_OK && !g_str_equal (job->output, "-"))
        printf (_("Wrote %s\n"), job->output);
      if (job->status == STATUS_BAD_INPUT || (job->status != STATUS_OK && status == STATUS_OK))
        status = job->status;
    }

out:
  tandem_cli_spc_arguments_clear (&spc);
  g_array_unref (settings.parts);
  g_array_unref (settings.exclude);
  g_free (settings.title);
  g_free (settings.y_label);
  g_free (settings.annotations);
  return status;
}
