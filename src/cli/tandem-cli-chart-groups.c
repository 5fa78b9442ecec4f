/* tandem-cli-chart-groups.c — `tandem-cli chart --by-group`: a broken-down measure's chart, no project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the CSV `analyse --by-group` reads (date, group, value,
 * denominator), and draws either small multiples (a panel per group, with
 * its U or P chart limits) or the disparity chart (each group's ratio to the
 * reference per quarter, on a log axis), with the sentence that says what
 * it shows: over the last 12 months, and before the latest --phase's change.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-cli-analyse-groups.h"
#include "tandem-cli-chart-groups.h"
#include "tandem-cli-common.h"
#include "tandem-cli-output.h"
#include "tandem-date.h"
#include "tandem-disparity-text.h"
#include "tandem-equity-chart.h"
#include "tandem-equity-measure.h"
#include "tandem-export.h"

typedef struct
{
  gboolean  by_group;
  char     *kind;
  char     *reference;
  char     *per;
  gboolean  pool;
  gboolean  suppress;
  guint     threshold;
  char     *view;
  char     *title;
  char     *denominator;
  char     *people;
  char     *events;
  char     *exposure;
  char    **phases;
  char    **notes;
  char     *format;
  char     *paper;
  char     *style;
  double    dpi;
  char     *output;
} Arguments;

static gboolean
suppress_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  Arguments *args = data;

  args->suppress = TRUE;
  return tandem_cli_groups_parse_threshold (value, &args->threshold, error);
}

static void
arguments_clear (Arguments *args)
{
  g_free (args->kind);
  g_free (args->reference);
  g_free (args->per);
  g_free (args->view);
  g_free (args->title);
  g_free (args->denominator);
  g_free (args->people);
  g_free (args->events);
  g_free (args->exposure);
  g_strfreev (args->phases);
  g_strfreev (args->notes);
  g_free (args->format);
  g_free (args->paper);
  g_free (args->style);
  g_free (args->output);
}

/* "2026-01-05=cultural safety huddles" (or a date alone) on the chart; the
 * latest phase's day and label kept in @change_date and @change. */
static gboolean
add_marks (TandemEquityChart  *chart,
           char              **marks,
           const char         *option,
           gboolean            phase,
           char                change_date[11],
           const char        **change)
{
  for (guint i = 0; marks != NULL && marks[i] != NULL; i++)
    {
      char *equals = strchr (marks[i], '=');
      const char *label = NULL;
      char date[11];

      if (equals != NULL)
        {
          *equals = '\0';
          label = g_strstrip (equals + 1);
        }
      if (!tandem_parse_iso_date (g_strstrip (marks[i]), date))
        {
          tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                           _("chart: --%s “%s”: give a date as yyyy-mm-dd, then = and what "
                             "changed"), option, marks[i]);
          return FALSE;
        }
      if (phase)
        {
          tandem_equity_chart_add_phase (chart, date, label);
          if (strcmp (date, change_date) > 0)
            {
              g_strlcpy (change_date, date, 11);
              *change = label && *label ? label : NULL;
            }
        }
      else
        tandem_equity_chart_add_note (chart, date, label ? label : "");
    }
  return TRUE;
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

/**
 * tandem_cli_chart_groups:
 * @argc: argument count, from “chart”
 * @argv: arguments
 *
 * `tandem-cli chart --by-group [OPTIONS] --output FILE FILE.csv`: a
 * broken-down measure's small multiples or disparity chart as PDF, PNG or
 * SVG, with no project.
 *
 * Returns: the exit status: 0 done, 2 bad arguments or input, 1 the file
 *   could not be written
 */
int
tandem_cli_chart_groups (int    argc,
                         char **argv)
{
  Arguments args = { .threshold = TANDEM_DISPARITY_DEFAULT_THRESHOLD, .dpi = 150 };
  GOptionEntry entries[] = {
    { "by-group", 0, 0, G_OPTION_ARG_NONE, &args.by_group,
      N_("Chart groups (ethnic categories or broad groups)"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &args.kind,
      N_("rate (events per exposure, the default) or proportion (people with the event "
         "among people)"), "KIND" },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &args.reference,
      N_("The group the others are compared with, by code or label (default White British, "
         "or White for broad groups)"), "GROUP" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &args.per,
      N_("Rates per N of the denominator (default 1000 for rates, 100 for proportions)"), "N" },
    { "pool", 0, 0, G_OPTION_ARG_NONE, &args.pool,
      N_("Pool the categories into broad groups (Not stated is never pooled)"), NULL },
    { "suppress", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) suppress_cb,
      N_("For sharing: hide counts from 1 to N (default 4) and the figures made from them"),
      "[N]" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &args.view,
      N_("groups (a panel per group, the default) or disparity (the ratio per quarter)"),
      "VIEW" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title,
      N_("The chart's title (default: the file's name)"), "TEXT" },
    { "denominator", 0, 0, G_OPTION_ARG_STRING, &args.denominator,
      N_("What the denominator counts, plural, for the axis (“occupied bed days”)"), "TEXT" },
    { "people", 0, 0, G_OPTION_ARG_STRING, &args.people,
      N_("Who the groups are made of, for the words (default “people”)"), "TEXT" },
    { "events", 0, 0, G_OPTION_ARG_STRING, &args.events,
      N_("What happened to them, for the words (“were restrained”)"), "TEXT" },
    { "exposure", 0, 0, G_OPTION_ARG_STRING, &args.exposure,
      N_("The denominator's unit, singular, for the words (“bed day”)"), "TEXT" },
    { "phase", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.phases,
      N_("A new phase from a date, and the change it follows (2026-01-05=huddles); "
         "may be repeated"), "DATE=TEXT" },
    { "note", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.notes,
      N_("A numbered note on a date (2026-03-02=new policy); may be repeated"), "DATE=TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format,
      N_("pdf, png or svg (default: from the output's name, else pdf)"), "FORMAT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper, N_("a4 (the default) or a3, landscape"),
      "PAPER" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &args.style,
      N_("print (the default), screen or high-contrast"), "STYLE" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args.dpi, N_("Resolution of a PNG (default 150)"), "DPI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("The file to write, or - for standard output"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("--by-group FILE.csv");
  g_autoptr(TandemEquityChart) chart = NULL;
  g_autoptr(TandemExportFonts) fonts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *title = NULL;
  TandemCliGroups groups = { NULL };
  GOptionGroup *group;
  TandemEquityView view = TANDEM_EQUITY_VIEW_GROUPS;
  TandemExportFormat format;
  TandemPaper paper = TANDEM_PAPER_A4;
  TandemChartStyle style;
  const char *change = NULL;
  char change_date[11] = "";
  double width, height;
  int status = TANDEM_CLI_BAD_INPUT;

  g_option_context_set_summary (context,
    _("Draws a broken-down measure as small multiples (a panel per group, with its U or P "
      "chart limits) or as the disparity chart (each group's ratio to the reference per "
      "quarter, on a log axis), with the words that say what it shows. FILE.csv (or - for "
      "standard input) has the columns date, group, value and denominator, as analyse "
      "--by-group reads them."));
  group = g_option_group_new (NULL, NULL, NULL, &args, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, group);

  if (!tandem_cli_parse (context, &argc, &argv, 1, &status))
    goto out;
  status = TANDEM_CLI_BAD_INPUT;
  if (args.output == NULL)
    {
      tandem_cli_fail (status, "%s", _("chart: say where the chart goes: --output FILE"));
      goto out;
    }
  if (args.view != NULL && g_str_equal (args.view, "disparity"))
    view = TANDEM_EQUITY_VIEW_DISPARITY;
  else if (args.view != NULL && !g_str_equal (args.view, "groups"))
    {
      tandem_cli_fail (status, _("chart: --view “%s”: use groups or disparity"), args.view);
      goto out;
    }
  if (args.paper && !tandem_paper_from_string (args.paper, &paper))
    {
      tandem_cli_fail (status, _("chart: unknown paper “%s”: use a4 or a3"), args.paper);
      goto out;
    }
  if (!style_from_string (args.style, &style))
    {
      tandem_cli_fail (status, _("chart: unknown style “%s”: use print, screen or high-contrast"),
                       args.style);
      goto out;
    }
  if (args.format == NULL && strrchr (args.output, '.') != NULL)
    args.format = g_ascii_strdown (strrchr (args.output, '.') + 1, -1);
  if (!tandem_export_format_from_string (args.format ? args.format : "pdf", &format))
    {
      tandem_cli_fail (status, _("chart: unknown format “%s”: use pdf, png or svg"), args.format);
      goto out;
    }
  if (tandem_cli_refuse_output (args.output, format != TANDEM_EXPORT_SVG))
    goto out;

  tandem_paper_get_size (paper, TRUE, &width, &height);
  /* Fonts load on a second thread while the file is read. */
  fonts = tandem_export_prepare_fonts (format, width, height, args.dpi, tandem_chart_warm_fonts,
                                       GINT_TO_POINTER (style));

  if (!tandem_cli_groups_read (argv[1], stdin, args.kind, args.per, args.reference, args.pool,
                               &groups, stderr))
    goto out;
  chart = tandem_equity_chart_new (view, (const TandemDisparityRow *) (gpointer) groups.rows->data,
                                   groups.rows->len, groups.names, groups.n_groups,
                                   &groups.options, &error);
  if (chart == NULL)
    {
      tandem_cli_fail (status, _("%s: no chart made: %s"), groups.name, error->message);
      goto out;
    }
  if (!add_marks (chart, args.phases, "phase", TRUE, change_date, &change) ||
      !add_marks (chart, args.notes, "note", FALSE, change_date, &change))
    goto out;

  if (args.title)
    title = g_strdup (args.title);
  else if (g_str_equal (argv[1], "-"))
    title = g_strdup (_("By group"));
  else
    {
      char *dot;

      title = g_path_get_basename (argv[1]);
      dot = strrchr (title, '.');
      if (dot != NULL && dot != title)
        *dot = '\0';
    }
  tandem_equity_chart_set_title (chart, title);
  tandem_equity_chart_set_unit (chart, args.denominator);
  tandem_equity_chart_set_style (chart, style);
  if (args.suppress)
    tandem_equity_chart_set_threshold (chart, args.threshold);
  {
    TandemDisparityWords said = {
      .people = args.people, .events = args.events, .exposure = args.exposure, .change = change,
    };

    words = tandem_equity_dup_words ((const TandemDisparityRow *) (gpointer) groups.rows->data,
                                     groups.rows->len, groups.names, groups.n_groups,
                                     &groups.options, &said, *change_date ? change_date : NULL,
                                     args.suppress ? args.threshold : 0);
  }
  tandem_equity_chart_set_words (chart, words);

  tandem_export_fonts_install (g_steal_pointer (&fonts));
  if (!tandem_export_pages (args.output, format, width, height, 1, args.dpi,
                            tandem_equity_chart_draw_page, chart, &error))
    {
      status = error->domain == TANDEM_EXPORT_ERROR &&
               (error->code == TANDEM_EXPORT_ERROR_INVALID ||
                error->code == TANDEM_EXPORT_ERROR_PROJECT) ? TANDEM_CLI_BAD_INPUT
                                                            : TANDEM_CLI_WRITE_ERROR;
      tandem_cli_fail (status, "%s", error->message);
      goto out;
    }
  if (!g_str_equal (args.output, "-"))
    printf (_("Wrote %s\n"), args.output);
  status = TANDEM_CLI_OK;

out:
  tandem_cli_groups_clear (&groups);
  arguments_clear (&args);
  return status;
}
