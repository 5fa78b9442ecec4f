/* tandem-chart.c — one cairo renderer for run and SPC charts: screen, paper and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart widget, printing, every export and the command line all call
 * tandem_chart_draw(), so a chart looks the same wherever it is seen. The
 * analysis is done once, in tandem_chart_new(); drawing only lays it out.
 * A chart with more points than the plot has pixels draws its line as the
 * range of the points in each pixel column (the analysis is never thinned).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-chart-draw-private.h"
#include "tandem-stored-enums.h"
#include "tandem-render-text-private.h"

typedef TandemRenderRgb Rgb;

typedef struct
{
  double  base;        /* body type size, in user units */
  double  line;        /* data line width */
  double  thin;        /* grid and limit line width */
  double  radius;      /* point marker radius */
  Rgb     ink;         /* text and axes */
  Rgb     faint;       /* grid */
  Rgb     data;        /* the data line */
  Rgb     dot;         /* points without a signal */
  Rgb     centre;
  Rgb     limits;
  Rgb     target;
  Rgb     improvement;
  Rgb     concern;
  Rgb     neutral;
  Rgb     annotation;
  gboolean mono;
} Style;

struct _TandemChart
{
  TandemMeasure    *measure;
  TandemSpcResult  *result;
  char             *problem;
  TandemSpcPoint   *points;
  double           *xv;           /* x value of each point: a day number, or its index */
  gboolean          dated;
  gssize           *annotation_point;
  char            **phase_labels; /* per phase, nullable */
  char            **phase_dates;  /* per phase, the start its person gave, nullable */
  TandemChartStyle  style;
  double            text_scale;   /* the reader's large-text factor, 1 for normal */
  gssize            focus;

  /* Where the last draw put things. */
  double            plot_x, plot_y, plot_w, plot_h;
  double            x_min, x_max, y_min, y_max;
  gsize             n_drawn;
  double            y_step;        /* between the y axis's labels, at the last draw */
  guint             notes_cut;     /* annotations cut short at the last draw */
  gboolean          dots_shown;    /* plain points have their dot (and the legend says so) */
  gboolean          may_thin;      /* the legend keeps room to say markers were thinned */
  guint8           *marker_drawn;  /* per point: its marker was drawn at the last draw */
  gsize             markers_thinned; /* signal markers left out where they crowd */
};

/* ------------------------------------------------------------------------ */
/* Styles                                                                     */

static const Rgb NHS_BLUE = { 0.0, 0.369, 0.722 };
static const Rgb NHS_ORANGE = { 0.85, 0.42, 0.0 };
static const Rgb PURPLE = { 0.44, 0.19, 0.63 };
static const Rgb BLACK = { 0, 0, 0 };

/* The type and lines: see TandemRenderScale. */
static const TandemRenderScale chart_scale = {
  .type_per_a4 = 12.5, .print_min = 9, .type_max = 40,
  .print_line = 0.16, .print_thin = 0.09, .print_radius = 0.34,
  .contrast_line = 0.2, .contrast_thin = 0.12, .contrast_radius = 0.38,
  .screen_radius = 3.6,
};

static void
style_init (Style            *style,
            TandemChartStyle  which,
            double            width)
{
  TandemRenderSizes sizes;

  memset (style, 0, sizeof *style);
  _tandem_render_sizes (&chart_scale, which, width, &sizes);
  style->base = sizes.base;
  style->line = sizes.line;
  style->thin = sizes.thin;
  style->radius = sizes.radius;
  style->ink = (Rgb) { 0.13, 0.13, 0.13 };
  style->faint = (Rgb) { 0.88, 0.88, 0.88 };
  style->data = (Rgb) { 0.35, 0.40, 0.47 };
  style->dot = (Rgb) { 0.35, 0.40, 0.47 };
  style->centre = (Rgb) { 0.15, 0.15, 0.15 };
  style->limits = (Rgb) { 0.45, 0.45, 0.45 };
  style->target = (Rgb) { 0.0, 0.5, 0.25 };
  style->improvement = NHS_BLUE;
  style->concern = NHS_ORANGE;
  style->neutral = PURPLE;
  style->annotation = (Rgb) { 0.25, 0.25, 0.25 };

  if (which == TANDEM_CHART_STYLE_HIGH_CONTRAST)
    {
      style->ink = BLACK;
      style->faint = (Rgb) { 0.8, 0.8, 0.8 };
      style->data = BLACK;
      style->dot = BLACK;
      style->centre = BLACK;
      style->limits = BLACK;
      style->target = BLACK;
      style->improvement = BLACK;
      style->concern = BLACK;
      style->neutral = BLACK;
      style->annotation = BLACK;
      style->mono = TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                      */

static gboolean
parse_iso (const char *s,
           guint32    *julian)
{
  static const guint16 days_before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  guint y, m, d, years;

  /* By hand, not with sscanf and GDate: a 10,000-point chart parses every date. */
  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = (s[0] - '0') * 1000u + (s[1] - '0') * 100u + (s[2] - '0') * 10u + (s[3] - '0');
  m = (s[5] - '0') * 10u + (s[6] - '0');
  d = (s[8] - '0') * 10u + (s[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  /* Day 1 is 1 January of year 1, as GDate counts. */
  years = y - 1;
  *julian = years * 365 + years / 4 - years / 100 + years / 400 + days_before[m - 1] + d +
            (m > 2 && g_date_is_leap_year (y) ? 1 : 0);
  return TRUE;
}

/* "12 March 2026" for a date label, else the label itself. */
static char *
point_date (TandemChart *chart,
            gsize        point,
            const char  *format)
{
  char buffer[32];
  const char *label = tandem_spc_result_get_label (chart->result, point, buffer);
  guint32 julian;

  if (parse_iso (label, &julian))
    {
      g_autofree char *text = _tandem_render_format_julian (julian, format);
      /* Day numbers without a leading zero. */
      if (text[0] == '0')
        return g_strdup (text + 1);
      return g_steal_pointer (&text);
    }
  return g_strdup (label);
}

/* ------------------------------------------------------------------------ */
/* Making                                                                     */

/**
 * tandem_chart_new:
 * @measure: the measure to chart (referenced)
 *
 * Analyses the measure and keeps what drawing it needs. A measure that
 * cannot be charted (no data yet, no denominators for a p chart) still makes
 * a chart: it draws its title and says why, and tandem_chart_get_problem()
 * says it too.
 *
 * Returns: (transfer full): the chart
 */
TandemChart *
tandem_chart_new (TandemMeasure *measure)
{
  TandemChart *chart = g_new0 (TandemChart, 1);
  g_autoptr(GError) error = NULL;

  chart->measure = tandem_measure_ref (measure);
  chart->focus = -1;
  chart->text_scale = 1;
  chart->result = tandem_measure_analyse (measure, &error);
  if (chart->result == NULL)
    {
      if (measure->points->len == 0)
        chart->problem = g_strdup (_("There are no data yet. Add values, paste them from a "
                                     "spreadsheet or import a CSV file."));
      else
        chart->problem = g_strdup_printf (_("This chart cannot be drawn: %s."), error->message);
      return chart;
    }

  chart->points = g_new (TandemSpcPoint, MAX (chart->result->n_points, 1));
  chart->xv = g_new (double, MAX (chart->result->n_points, 1));
  chart->dated = TRUE;
  for (gsize i = 0; i < chart->result->n_points; i++)
    {
      char buffer[32];
      guint32 julian;

      tandem_spc_result_get_point (chart->result, i, &chart->points[i]);
      if (chart->dated && parse_iso (tandem_spc_result_get_label (chart->result, i, buffer), &julian))
        chart->xv[i] = julian;
      else
        chart->dated = FALSE;
    }
  /* Dates out of order cannot make a time axis: fall back to positions. */
  for (gsize i = 1; chart->dated && i < chart->result->n_points; i++)
    if (chart->xv[i] <= chart->xv[i - 1])
      chart->dated = FALSE;
  if (!chart->dated)
    for (gsize i = 0; i < chart->result->n_points; i++)
      chart->xv[i] = (double) i;

  chart->annotation_point = g_new (gssize, MAX (measure->annotations->len, 1));
  for (guint a = 0; a < measure->annotations->len; a++)
    {
      const TandemAnnotation *annotation = measure->annotations->pdata[a];
      chart->annotation_point[a] = tandem_measure_point_at (chart->result, annotation->date);
    }

  chart->phase_labels = g_new0 (char *, chart->result->n_phases + 1);
  chart->phase_dates = g_new0 (char *, chart->result->n_phases + 1);
  for (guint p = 0; p < measure->phases->len; p++)
    {
      const TandemPhase *phase = measure->phases->pdata[p];
      gssize first = tandem_measure_point_at (chart->result, phase->starts_on);

      for (gsize k = 1; first > 0 && k < chart->result->n_phases; k++)
        if (chart->result->phases[k].first == (gsize) first + 1 && chart->phase_labels[k] == NULL)
          {
            chart->phase_labels[k] = g_strdup (phase->label && *phase->label ? phase->label
                                                                              : _("New phase"));
            chart->phase_dates[k] = g_strdup (phase->starts_on);
          }
    }
  return chart;
}

void
tandem_chart_free (TandemChart *chart)
{
  if (chart == NULL)
    return;
  /* Per phase and nullable, the first always NULL: not a NULL-terminated
   * vector. */
  for (gsize k = 0; chart->phase_labels && k < chart->result->n_phases; k++)
    {
      g_free (chart->phase_labels[k]);
      g_free (chart->phase_dates[k]);
    }
  g_free (chart->phase_labels);
  g_free (chart->phase_dates);
  tandem_measure_unref (chart->measure);
  g_clear_pointer (&chart->result, tandem_spc_result_free);
  g_free (chart->problem);
  g_free (chart->points);
  g_free (chart->xv);
  g_free (chart->annotation_point);
  g_free (chart->marker_drawn);
  g_free (chart);
}

TandemMeasure *
tandem_chart_get_measure (TandemChart *chart)
{
  return chart->measure;
}

/**
 * tandem_chart_get_result:
 * @chart: a chart
 *
 * Returns: (nullable): the analysis, or %NULL if the measure cannot be charted
 */
const TandemSpcResult *
tandem_chart_get_result (TandemChart *chart)
{
  return chart->result;
}

/**
 * tandem_chart_get_problem:
 * @chart: a chart
 *
 * Returns: (nullable): why the measure cannot be charted, or %NULL
 */
const char *
tandem_chart_get_problem (TandemChart *chart)
{
  return chart->problem;
}

void
tandem_chart_set_style (TandemChart      *chart,
                        TandemChartStyle  style)
{
  chart->style = style;
}

/**
 * tandem_chart_set_text_scale:
 * @chart: a chart
 * @scale: how much larger than normal to draw the type (1 for normal), as
 *   the system's large-text setting or workshop mode ask
 *
 * The layout makes room for the larger type; lines and points keep their size.
 */
void
tandem_chart_set_text_scale (TandemChart *chart,
                             double       scale)
{
  chart->text_scale = CLAMP (scale, 0.5, 4.0);
}

/**
 * tandem_chart_set_focus:
 * @chart: a chart
 * @point: the point with the keyboard focus, or -1
 *
 * The focused point is drawn with a ring around it (screen style only).
 */
void
tandem_chart_set_focus (TandemChart *chart,
                        gssize       point)
{
  chart->focus = point;
}

/* ------------------------------------------------------------------------ */
/* Reading the analysis                                                       */

static gboolean
centre_is_median (TandemChart *chart)
{
  return chart->result->chart == TANDEM_SPC_CHART_RUN || chart->result->chart == TANDEM_SPC_CHART_G;
}

/**
 * tandem_chart_get_marker:
 * @chart: a chart
 * @point: a point
 *
 * Returns: the shape the point is drawn with
 */
TandemChartMarker
tandem_chart_get_marker (TandemChart *chart,
                         gsize        point)
{
  const TandemSpcPoint *p;

  if (chart->result == NULL || point >= chart->result->n_points)
    return TANDEM_CHART_MARKER_NONE;
  p = &chart->points[point];
  if (isnan (p->y))
    return TANDEM_CHART_MARKER_NONE;
  if (p->signals & TANDEM_SPC_SIGNAL_OUTSIDE)
    return TANDEM_CHART_MARKER_DIAMOND;
  if (!p->included)
    return TANDEM_CHART_MARKER_RING;
  if (p->signals & TANDEM_SPC_SIGNAL_TWO_OF_THREE)
    return TANDEM_CHART_MARKER_STAR;
  if (p->signals & TANDEM_SPC_SIGNAL_TREND)
    return TANDEM_CHART_MARKER_TRIANGLE;
  if (p->signals & (TANDEM_SPC_SIGNAL_SHIFT | TANDEM_SPC_SIGNAL_RUNS))
    return TANDEM_CHART_MARKER_SQUARE;
  return TANDEM_CHART_MARKER_DOT;
}

static const Rgb *
marker_colour (const Style          *style,
               const TandemSpcPoint *p)
{
  if (p->signals == 0 || !p->included)
    return &style->dot;
  switch (p->variation)
    {
    case TANDEM_SPC_VARIATION_IMPROVEMENT: return &style->improvement;
    case TANDEM_SPC_VARIATION_CONCERN: return &style->concern;
    case TANDEM_SPC_VARIATION_NEUTRAL_HIGH:
    case TANDEM_SPC_VARIATION_NEUTRAL_LOW: return &style->neutral;
    default: return &style->neutral;
    }
}

static int
side_of (const TandemSpcPoint *p)
{
  if (isnan (p->y) || isnan (p->cl) || p->y == p->cl)
    return 0;
  return p->y > p->cl ? 1 : -1;
}

/* Whether point @i continues a run of @flag on @side: flagged on the same
 * side, or neutral (missing, or on the centre line, which neither breaks nor
 * counts in a shift). */
static gboolean
continues_run (TandemChart *chart,
               gsize        i,
               guint8       flag,
               int          side,
               gboolean    *counts)
{
  const TandemSpcPoint *p = &chart->points[i];

  *counts = FALSE;
  if (isnan (p->y))
    return TRUE;
  if (flag == TANDEM_SPC_SIGNAL_SHIFT)
    {
      if (side_of (p) == 0)
        return TRUE;
      *counts = (p->signals & flag) && side_of (p) == side;
      return *counts;
    }
  *counts = (p->signals & flag) != 0;
  return *counts;
}

/* The extent of the run of points sharing @flag around @point (for a shift,
 * on the same side of the centre line), from its first counted point to its
 * last. */
static void
flag_extent (TandemChart *chart,
             gsize        point,
             guint8       flag,
             gsize       *first,
             gsize       *last)
{
  guint32 phase = chart->points[point].phase;
  int side = side_of (&chart->points[point]);
  gboolean counts;

  *first = *last = point;
  for (gsize i = point; i > 0 && chart->points[i - 1].phase == phase &&
       continues_run (chart, i - 1, flag, side, &counts); i--)
    if (counts)
      *first = i - 1;
  for (gsize i = point; i + 1 < chart->result->n_points && chart->points[i + 1].phase == phase &&
       continues_run (chart, i + 1, flag, side, &counts); i++)
    if (counts)
      *last = i + 1;
}

static gsize
count_values (TandemChart *chart,
              gsize        first,
              gsize        last,
              guint8       flag)
{
  gsize count = 0;

  for (gsize i = first; i <= last; i++)
    if (!isnan (chart->points[i].y) &&
        (flag != TANDEM_SPC_SIGNAL_SHIFT || side_of (&chart->points[i]) != 0))
      count++;
  return count;
}

static char *
format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double a = fabs (value);
  int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  char *dot;

  g_snprintf (buffer, sizeof buffer, "%.*f", decimals, value);
  dot = strchr (buffer, '.');
  if (dot)
    {
      char *end = buffer + strlen (buffer) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");
  return g_strdup (buffer);
}

/* Decimals that suit the largest of values shown together, so that they
 * read at one precision ("UCL 13.8 · Mean 5.2 · LCL 0.0"). */
static int
shared_decimals (const double *values,
                 guint         n)
{
  double a = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      a = MAX (a, fabs (values[i]));
  return a >= 100 ? 0 : a >= 1 ? 1 : 2;
}

static char *
format_fixed (double value,
              int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "%.*f", decimals, value);
  /* No "-0.0": a line at zero is at zero. */
  if (buffer[0] == '-' && strspn (buffer + 1, "0.") == strlen (buffer + 1))
    return g_strdup (buffer + 1);
  return g_strdup (buffer);
}

static char *
number_with_unit (TandemChart *chart,
                  char        *number)
{
  const char *unit = chart->measure->unit;

  if (unit == NULL || *unit == '\0')
    return number;
  if (g_str_equal (unit, "%"))
    {
      char *text = g_strdup_printf ("%s%%", number);
      g_free (number);
      return text;
    }
  {
    char *text = g_strdup_printf ("%s %s", number, unit);
    g_free (number);
    return text;
  }
}

static char *
value_with_unit (TandemChart *chart,
                 double       value)
{
  g_autofree char *number = format_value (value);
  const char *unit = chart->measure->unit;

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strdup_printf ("%s%%", number);
  return g_strdup_printf ("%s %s", number, unit);
}

/* What a numbered marker stands for, in the legend and in words: the note,
 * with the PDSA cycle or change idea it is about; or a PDSA cycle of a
 * change idea linked to the measure. */
static char *
annotation_label (const TandemAnnotation *annotation)
{
  if (annotation->from_link)
    return g_strdup_printf (_("PDSA cycle: %s"), annotation->linked_title ? annotation->linked_title : "");
  if (annotation->linked_title && annotation->text &&
      g_strcmp0 (annotation->linked_title, annotation->text) != 0)
    return g_strdup_printf (annotation->pdsa_id ? _("%s · PDSA cycle: %s") : _("%s · change idea: %s"),
                            annotation->text, annotation->linked_title);
  return g_strdup (annotation->text ? annotation->text
                   : annotation->linked_title ? annotation->linked_title : "");
}

/**
 * tandem_chart_describe_point:
 * @chart: a chart
 * @point: a 0-based point
 *
 * Describes a point as a screen reader should say it: its date, value, the
 * signals it is part of, and its notes ("12 March 2026: 9 incidents, part of
 * a shift of 7 below the mean").
 *
 * Returns: (transfer full): the description
 */
char *
tandem_chart_describe_point (TandemChart *chart,
                             gsize        point)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;
  const TandemSpcPoint *p;
  const char *centre;
  char buffer[32];
  const char *label;

  g_return_val_if_fail (chart->result != NULL && point < chart->result->n_points, g_strdup (""));

  p = &chart->points[point];
  centre = centre_is_median (chart) ? _("the median") : _("the mean");
  date = point_date (chart, point, "%d %B %Y");
  g_string_append_printf (text, "%s: ", date);
  if (isnan (p->y))
    g_string_append (text, _("no value"));
  else
    {
      g_autofree char *value = value_with_unit (chart, p->y);
      g_string_append (text, value);
    }

  if (!p->included)
    g_string_append (text, _(", left out of the calculations"));
  if (p->signals & TANDEM_SPC_SIGNAL_OUTSIDE)
    g_string_append (text, p->y > p->ucl ? _(", above the upper limit")
                                         : _(", below the lower limit"));
  if (p->signals & TANDEM_SPC_SIGNAL_SHIFT)
    {
      gsize first, last;

      flag_extent (chart, point, TANDEM_SPC_SIGNAL_SHIFT, &first, &last);
      g_string_append_printf (text, p->y > p->cl ? _(", part of a shift of %zu above %s")
                                                 : _(", part of a shift of %zu below %s"),
                              count_values (chart, first, last, TANDEM_SPC_SIGNAL_SHIFT), centre);
    }
  if (p->signals & TANDEM_SPC_SIGNAL_TREND)
    {
      gsize first, last;

      flag_extent (chart, point, TANDEM_SPC_SIGNAL_TREND, &first, &last);
      g_string_append_printf (text, chart->points[last].y > chart->points[first].y
                                    ? _(", part of a rising trend of %zu points")
                                    : _(", part of a falling trend of %zu points"),
                              count_values (chart, first, last, TANDEM_SPC_SIGNAL_TREND));
    }
  if (p->signals & TANDEM_SPC_SIGNAL_TWO_OF_THREE)
    g_string_append (text, p->y > p->cl ? _(", one of 2 of 3 points close to the upper limit")
                                        : _(", one of 2 of 3 points close to the lower limit"));
  if (p->signals & TANDEM_SPC_SIGNAL_RUNS)
    g_string_append (text, _(", in a part of the chart with unusually long runs or few crossings"));
  if (p->signals == 0 && !isnan (p->y) && p->included)
    g_string_append (text, _(", no signal"));

  label = tandem_spc_result_get_label (chart->result, point, buffer);
  for (guint i = 0; i < chart->measure->points->len; i++)
    {
      const TandemDataPoint *row = chart->measure->points->pdata[i];
      if (row->note && *row->note && g_strcmp0 (row->date, label) == 0)
        g_string_append_printf (text, _(". Note: %s"), row->note);
    }
  for (guint a = 0; a < chart->measure->annotations->len; a++)
    if (chart->annotation_point[a] == (gssize) point)
      {
        g_autofree char *what = annotation_label (chart->measure->annotations->pdata[a]);
        g_string_append_printf (text, _(". Change %u: %s"), a + 1, what);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
variation_sentence (TandemSpcVariation variation)
{
  switch (variation)
    {
    case TANDEM_SPC_VARIATION_COMMON_CAUSE:
      return _("Common cause variation: nothing unusual at the latest point.");
    case TANDEM_SPC_VARIATION_IMPROVEMENT:
      return _("Special cause variation: an improvement.");
    case TANDEM_SPC_VARIATION_CONCERN:
      return _("Special cause variation: a concern.");
    case TANDEM_SPC_VARIATION_NEUTRAL_HIGH:
      return _("Special cause variation: unusually high.");
    case TANDEM_SPC_VARIATION_NEUTRAL_LOW:
      return _("Special cause variation: unusually low.");
    case TANDEM_SPC_VARIATION_NONE:
    default:
      return NULL;
    }
}

static const char *
assurance_sentence (TandemSpcAssurance assurance)
{
  switch (assurance)
    {
    case TANDEM_SPC_ASSURANCE_CONSISTENT_PASS:
      return _("the process will consistently meet the target");
    case TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL:
      return _("the process will consistently miss the target unless something changes");
    case TANDEM_SPC_ASSURANCE_INCONSISTENT:
      return _("the process will sometimes meet the target and sometimes miss it");
    case TANDEM_SPC_ASSURANCE_NONE:
    default:
      return NULL;
    }
}

/* How many signals of one kind are listed one by one; past that, their
 * number is given and the latest are listed. */
#define SIGNALS_LISTED 3

/* One sentence per run of points flagged by @flag; when there are many,
 * how many there are and the latest ones in full. */
static void
summarise_flag (TandemChart *chart,
                GString     *text,
                guint8       flag)
{
  const char *centre = centre_is_median (chart) ? _("the median") : _("the mean");
  gsize i = 0;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);

  while (i < chart->result->n_points)
    {
      gsize first, last, count;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const TandemSpcPoint *p = &chart->points[i];

      if (!(p->signals & flag) || isnan (p->y))
        {
          i++;
          continue;
        }
      if (flag == TANDEM_SPC_SIGNAL_OUTSIDE)
        first = last = i;
      else
        flag_extent (chart, i, flag, &first, &last);
      count = count_values (chart, first, last, flag);
      from = point_date (chart, first, "%d %b %Y");
      to = point_date (chart, last, "%d %b %Y");
      g_string_truncate (line, 0);
      switch (flag)
        {
        case TANDEM_SPC_SIGNAL_OUTSIDE:
          g_string_append_printf (line, p->y > p->ucl ? _("• %s: above the upper limit.\n")
                                                     : _("• %s: below the lower limit.\n"), from);
          break;
        case TANDEM_SPC_SIGNAL_SHIFT:
          g_string_append_printf (line, p->y > p->cl ? _("• Shift: %zu points above %s, %s to %s.\n")
                                                     : _("• Shift: %zu points below %s, %s to %s.\n"),
                                  count, centre, from, to);
          break;
        case TANDEM_SPC_SIGNAL_TREND:
          g_string_append_printf (line, chart->points[last].y > chart->points[first].y
                                  ? _("• Trend: %zu points rising, %s to %s.\n")
                                  : _("• Trend: %zu points falling, %s to %s.\n"),
                                  count, from, to);
          break;
        case TANDEM_SPC_SIGNAL_TWO_OF_THREE:
          g_string_append_printf (line, _("• %s to %s: 2 of 3 points close to a limit.\n"),
                                  from, to);
          break;
        default:
          break;
        }
      if (line->len > 0)
        g_ptr_array_add (lines, g_strdup (line->str));
      i = last + 1;
    }

  if (lines->len > SIGNALS_LISTED)
    {
      guint n = lines->len;

      switch (flag)
        {
        case TANDEM_SPC_SIGNAL_OUTSIDE:
          g_string_append_printf (text, ngettext ("• %u point outside the limits; the latest %u:\n",
                                                  "• %u points outside the limits; the latest %u:\n", n),
                                  n, SIGNALS_LISTED);
          break;
        case TANDEM_SPC_SIGNAL_SHIFT:
          g_string_append_printf (text, ngettext ("• %u shift; the latest %u:\n",
                                                  "• %u shifts; the latest %u:\n", n),
                                  n, SIGNALS_LISTED);
          break;
        case TANDEM_SPC_SIGNAL_TREND:
          g_string_append_printf (text, ngettext ("• %u trend; the latest %u:\n",
                                                  "• %u trends; the latest %u:\n", n),
                                  n, SIGNALS_LISTED);
          break;
        case TANDEM_SPC_SIGNAL_TWO_OF_THREE:
        default:
          g_string_append_printf (text, ngettext ("• %u time 2 of 3 points were close to a limit; the latest %u:\n",
                                                  "• %u times 2 of 3 points were close to a limit; the latest %u:\n", n),
                                  n, SIGNALS_LISTED);
          break;
        }
      for (guint k = n - SIGNALS_LISTED; k < n; k++)
        g_string_append_printf (text, "  %s", (const char *) lines->pdata[k]);
    }
  else
    for (guint k = 0; k < lines->len; k++)
      g_string_append (text, lines->pdata[k]);
}

/* "a week" for a weekly measure's mean: what a count is counted over. */
static const char *
per_period (TandemChart *chart)
{
  const TandemMeasure *m = chart->measure;

  if (m->unit && g_str_equal (m->unit, "%"))
    return NULL;
  switch (m->chart)
    {
    case TANDEM_SPC_CHART_RUN:
    case TANDEM_SPC_CHART_I:
    case TANDEM_SPC_CHART_C:
    case TANDEM_SPC_CHART_XBAR:
      break;
    default:
      return NULL;
    }
  if (g_strcmp0 (m->frequency, "daily") == 0)
    return _("a day");
  if (g_strcmp0 (m->frequency, "weekly") == 0)
    return _("a week");
  if (g_strcmp0 (m->frequency, "monthly") == 0)
    return _("a month");
  return NULL;
}

/* What changed with each phase, as a coach reads it aloud: "Since ‘after
 * safety huddles’ (27 Jul 2026) the mean is 5.2 incidents a week, down from
 * 7.9." */
static void
summarise_phases (TandemChart *chart,
                  GString     *text)
{
  const TandemSpcResult *r = chart->result;
  gboolean median = centre_is_median (chart);
  const char *period = per_period (chart);

  for (gsize k = 1; k < r->n_phases; k++)
    {
      double now = r->phases[k].cl, before = r->phases[k - 1].cl;
      double both[] = { now, before };
      int decimals = shared_decimals (both, G_N_ELEMENTS (both));
      g_autofree char *now_text = NULL;
      g_autofree char *before_text = NULL;
      g_autofree char *when = NULL;
      g_autofree char *since = NULL;
      guint32 julian;
      const char *label = chart->phase_labels[k];

      if (!isfinite (now) || !isfinite (before))
        continue;
      now_text = number_with_unit (chart, format_fixed (now, decimals));
      if (period)
        {
          char *with = g_strdup_printf ("%s %s", now_text, period);
          g_free (now_text);
          now_text = with;
        }
      before_text = format_fixed (before, decimals);
      if (chart->phase_dates[k] && parse_iso (chart->phase_dates[k], &julian))
        when = _tandem_render_format_julian (julian, "%e %b %Y");
      else
        when = point_date (chart, r->phases[k].first - 1, "%e %b %Y");
      g_strstrip (when);
      since = label ? g_strdup_printf (_("Since ‘%s’ (%s)"), label, when)
                    : g_strdup_printf (_("Since %s"), when);

      if (fabs (now - before) < 0.5 * pow (10, -decimals))
        g_string_append_printf (text, median ? _("%s the median is %s, unchanged.\n")
                                             : _("%s the mean is %s, unchanged.\n"),
                                since, now_text);
      else if (now < before)
        g_string_append_printf (text, median ? _("%s the median is %s, down from %s.\n")
                                             : _("%s the mean is %s, down from %s.\n"),
                                since, now_text, before_text);
      else
        g_string_append_printf (text, median ? _("%s the median is %s, up from %s.\n")
                                             : _("%s the mean is %s, up from %s.\n"),
                                since, now_text, before_text);
    }
}

/**
 * tandem_chart_dup_summary:
 * @chart: a chart
 *
 * A text summary of what the chart shows, for beside the chart and for
 * screen readers: the latest point, the variation, every signal with its
 * dates, the runs analysis and the target.
 *
 * Returns: (transfer full): the summary, lines ending in "\n"
 */
char *
tandem_chart_dup_summary (TandemChart *chart)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const TandemSpcResult *r = chart->result;
  gsize last = 0;
  gboolean any_value = FALSE;
  gsize before;
  const char *sentence;

  if (r == NULL)
    return g_strdup_printf ("%s\n", chart->problem);

  for (gsize i = r->n_points; i > 0; i--)
    if (!isnan (chart->points[i - 1].y))
      {
        last = i - 1;
        any_value = TRUE;
        break;
      }
  if (any_value)
    {
      g_autofree char *date = point_date (chart, last, "%d %B %Y");
      g_autofree char *value = value_with_unit (chart, chart->points[last].y);
      g_string_append_printf (text, _("Latest point, %s: %s.\n"), date, value);
    }
  summarise_phases (chart, text);
  sentence = variation_sentence (r->variation);
  if (sentence)
    g_string_append_printf (text, "%s\n", sentence);

  before = text->len;
  summarise_flag (chart, text, TANDEM_SPC_SIGNAL_OUTSIDE);
  summarise_flag (chart, text, TANDEM_SPC_SIGNAL_SHIFT);
  summarise_flag (chart, text, TANDEM_SPC_SIGNAL_TREND);
  summarise_flag (chart, text, TANDEM_SPC_SIGNAL_TWO_OF_THREE);
  for (gsize k = 0; k < r->n_phases; k++)
    if (r->rules == TANDEM_SPC_RULES_ANHOEJ && r->phases[k].runs_signal)
      {
        const TandemSpcPhase *phase = &r->phases[k];
        g_string_append_printf (text, _("• Part %zu: unusual runs (longest run %" G_GINT64_FORMAT
                                        ", more than %" G_GINT64_FORMAT " is unusual; %"
                                        G_GINT64_FORMAT " crossings, fewer than %" G_GINT64_FORMAT
                                        " is unusual).\n"),
                                k + 1, phase->longest_run, phase->longest_run_max,
                                phase->crossings, phase->crossings_min);
      }
  if (text->len == before)
    g_string_append (text, _("No signals: the points vary only as expected.\n"));

  if (!isnan (r->target))
    {
      g_autofree char *target = value_with_unit (chart, r->target);
      const char *assurance = assurance_sentence (r->assurance);

      if (assurance)
        g_string_append_printf (text, _("Target %s: %s.\n"), target, assurance);
      else
        g_string_append_printf (text, _("Target %s.\n"), target);
    }
  if (chart->measure->annotations->len > 0)
    g_string_append (text, _("Changes marked on the chart:\n"));
  for (guint a = 0; a < chart->measure->annotations->len; a++)
    {
      const TandemAnnotation *annotation = chart->measure->annotations->pdata[a];
      g_autofree char *what = annotation_label (annotation);
      g_autofree char *when = NULL;
      guint32 julian;

      when = parse_iso (annotation->date, &julian)
             ? _tandem_render_format_julian (julian, "%e %B %Y")
             : g_strdup (annotation->date);
      g_string_append_printf (text, _("%u. %s: %s.\n"), a + 1, g_strstrip (when), what);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tandem_chart_dup_subtitle:
 * @chart: a chart
 *
 * Returns: (transfer full): the chart type, rules and what is plotted
 *   ("C chart (counts) · Making Data Count rules · 52 points")
 */
char *
tandem_chart_dup_subtitle (TandemChart *chart)
{
  TandemMeasure *m = chart->measure;
  g_autoptr(GString) text = g_string_new (tandem_spc_chart_get_label (m->chart));
  gsize n = chart->result ? chart->result->n_points : 0;

  g_string_append_printf (text, " · %s", tandem_spc_rules_get_label (tandem_measure_get_rules (m)));
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%zu point", "%zu points", n), n);
  if (m->freeze >= 2)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("baseline from the first %u"), m->freeze);
    }
  if (m->multiply != 1)
    {
      g_autofree char *k = format_value (m->multiply);
      g_string_append (text, " · ");
      g_string_append_printf (text, _("× %s"), k);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                       */

static PangoLayout *
make_layout (cairo_t    *cr,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  _tandem_render_set_font (layout, size, bold);
  return layout;
}

/* ------------------------------------------------------------------------ */
/* Shapes                                                                     */

static void
marker_path (cairo_t           *cr,
             TandemChartMarker  marker,
             double             x,
             double             y,
             double             r)
{
  switch (marker)
    {
    case TANDEM_CHART_MARKER_DIAMOND:
      _tandem_render_shape_path (cr, TANDEM_RENDER_SHAPE_DIAMOND, x, y, r * 1.55);
      break;
    case TANDEM_CHART_MARKER_TRIANGLE:
      _tandem_render_shape_path (cr, TANDEM_RENDER_SHAPE_TRIANGLE, x, y, r * 1.5);
      break;
    case TANDEM_CHART_MARKER_SQUARE:
      _tandem_render_shape_path (cr, TANDEM_RENDER_SHAPE_SQUARE, x, y, r * 1.15);
      break;
    case TANDEM_CHART_MARKER_STAR:
      _tandem_render_shape_path (cr, TANDEM_RENDER_SHAPE_STAR, x, y, r * 1.7);
      break;
    case TANDEM_CHART_MARKER_DOT:
    case TANDEM_CHART_MARKER_RING:
      _tandem_render_shape_path (cr, TANDEM_RENDER_SHAPE_CIRCLE, x, y, r);
      break;
    case TANDEM_CHART_MARKER_NONE:
    default:
      break;
    }
}

static void
draw_marker (cairo_t           *cr,
             const Style       *style,
             TandemChartMarker  marker,
             const Rgb         *colour,
             double             x,
             double             y,
             gboolean           hollow)
{
  double r = style->radius * (marker == TANDEM_CHART_MARKER_DOT ? 1 : 1.05);

  marker_path (cr, marker, x, y, r);
  if (marker == TANDEM_CHART_MARKER_RING || hollow)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      _tandem_render_set_rgb (cr, colour);
      cairo_set_line_width (cr, style->thin * 1.6);
      cairo_stroke (cr);
    }
  else
    {
      _tandem_render_set_rgb (cr, colour);
      cairo_fill_preserve (cr);
      /* A white rim keeps a marker apart from the line through it. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, style->thin * 0.8);
      cairo_stroke (cr);
    }
}

/* ------------------------------------------------------------------------ */
/* Axes                                                                       */

/* Whether every value plotted is a whole number. */
static gboolean
values_are_whole (TandemChart *chart)
{
  const TandemSpcResult *r = chart->result;

  for (gsize i = 0; i < r->n_points; i++)
    {
      double y = chart->points[i].y;
      if (!isnan (y) && y != floor (y))
        return FALSE;
    }
  return TRUE;
}

static double
to_x (TandemChart *chart,
      double       v)
{
  return chart->plot_x + (v - chart->x_min) / (chart->x_max - chart->x_min) * chart->plot_w;
}

static double
to_y (TandemChart *chart,
      double       v)
{
  return chart->plot_y + chart->plot_h - (v - chart->y_min) / (chart->y_max - chart->y_min) * chart->plot_h;
}

/* Month ticks every @months months, or day ticks every @days days. */
typedef struct
{
  int months;
  int days;
} DateStep;

static void
draw_date_axis (TandemChart *chart,
                cairo_t     *cr,
                PangoLayout *layout,
                const Style *style,
                double       label_y)
{
  static const DateStep steps[] = {
    { 0, 1 }, { 0, 7 }, { 0, 14 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { 6, 0 }, { 12, 0 },
    { 24, 0 }, { 60, 0 }, { 120, 0 },
  };
  double span = chart->x_max - chart->x_min;
  double label_w;
  DateStep step = steps[G_N_ELEMENTS (steps) - 1];
  GDate date;
  guint32 start = (guint32) ceil (chart->x_min), end = (guint32) floor (chart->x_max);
  guint32 last_year = 0;

  _tandem_render_draw_text (NULL, layout, "Sep 2026", 0, 0, 0, &label_w, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double days = steps[i].months ? steps[i].months * 30.4 : steps[i].days;
      if (span / days * label_w * 1.35 <= chart->plot_w)
        {
          step = steps[i];
          break;
        }
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  if (step.months)
    {
      g_date_set_day (&date, 1);
      while (g_date_get_julian (&date) < start ||
             (g_date_get_month (&date) - 1) % step.months != 0)
        g_date_add_months (&date, 1);
    }
  else if (step.days >= 7)
    g_date_set_julian (&date, (guint32) chart->xv[0] >= start ? (guint32) chart->xv[0] : start);

  while (g_date_get_julian (&date) <= end)
    {
      guint32 j = g_date_get_julian (&date);
      double x = to_x (chart, j);
      char buffer[64];
      const char *format;

      format = step.months ? (last_year != g_date_get_year (&date) ? "%b %Y" : "%b")
                           : (last_year != g_date_get_year (&date) ? "%e %b %Y" : "%e %b");
      last_year = g_date_get_year (&date);
      if (g_date_strftime (buffer, sizeof buffer, format, &date) > 0)
        {
          _tandem_render_set_rgb (cr, &style->ink);
          cairo_set_line_width (cr, style->thin);
          cairo_move_to (cr, x, chart->plot_y + chart->plot_h);
          cairo_line_to (cr, x, chart->plot_y + chart->plot_h + style->base * 0.35);
          cairo_stroke (cr);
          _tandem_render_draw_text (cr, layout, g_strstrip (buffer), x, label_y, 0.5, NULL, NULL);
        }
      if (step.months)
        g_date_add_months (&date, step.months);
      else
        g_date_add_days (&date, step.days);
    }
}

static void
draw_index_axis (TandemChart *chart,
                 cairo_t     *cr,
                 PangoLayout *layout,
                 const Style *style,
                 double       label_y)
{
  gsize n = chart->result->n_points;
  double label_w = 0;
  gsize every;

  for (gsize i = 0; i < n; i += MAX (n / 20, 1))
    {
      char buffer[32];
      double w;
      _tandem_render_draw_text (NULL, layout, tandem_spc_result_get_label (chart->result, i, buffer), 0, 0, 0,
                 &w, NULL);
      label_w = MAX (label_w, w);
    }
  every = (gsize) _tandem_render_nice_step (n, MAX (chart->plot_w / (label_w * 1.4 + 1), 1));
  every = MAX (every, 1);
  for (gsize i = 0; i < n; i += every)
    {
      char buffer[32];
      double x = to_x (chart, chart->xv[i]);

      _tandem_render_set_rgb (cr, &style->ink);
      cairo_set_line_width (cr, style->thin);
      cairo_move_to (cr, x, chart->plot_y + chart->plot_h);
      cairo_line_to (cr, x, chart->plot_y + chart->plot_h + style->base * 0.35);
      cairo_stroke (cr);
      _tandem_render_draw_text (cr, layout, tandem_spc_result_get_label (chart->result, i, buffer), x, label_y,
                 0.5, NULL, NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                      */

typedef enum
{
  LINE_CL,
  LINE_LCL,
  LINE_UCL,
} LineKind;

static double
line_value (const TandemSpcPoint *p,
            LineKind              kind)
{
  return kind == LINE_CL ? p->cl : kind == LINE_LCL ? p->lcl : p->ucl;
}

/* A centre line or limit as steps, phase by phase: each point's value spans
 * half way to its neighbours; equal values merge into one segment. */
static void
draw_step_line (TandemChart *chart,
                cairo_t     *cr,
                LineKind     kind,
                gsize        first,
                gsize        last)
{
  gboolean drawing = FALSE;
  double prev_v = NAN;

  for (gsize i = first; i <= last; i++)
    {
      double v = line_value (&chart->points[i], kind);
      double left = i == first ? chart->xv[i] : (chart->xv[i - 1] + chart->xv[i]) / 2;
      double right = i == last ? chart->xv[i] : (chart->xv[i] + chart->xv[i + 1]) / 2;

      if (!isfinite (v))
        {
          drawing = FALSE;
          prev_v = NAN;
          continue;
        }
      if (!drawing)
        {
          cairo_move_to (cr, to_x (chart, left), to_y (chart, v));
          drawing = TRUE;
        }
      else if (v != prev_v)
        {
          cairo_line_to (cr, to_x (chart, left), to_y (chart, prev_v));
          cairo_line_to (cr, to_x (chart, left), to_y (chart, v));
        }
      if (i == last || line_value (&chart->points[i + 1], kind) != v)
        cairo_line_to (cr, to_x (chart, right), to_y (chart, v));
      prev_v = v;
    }
}

typedef enum
{
  DATA_LINE,         /* the points joined: stroke it */
  DATA_BARS_FILL,    /* a bar per column, as rectangles: fill them */
  DATA_BARS_STROKE,  /* a bar per column, as strokes: stroke them with butt caps */
} DataPath;

/* The data line. With more points than pixel columns, each column draws the
 * range of its points, so every peak stays visible. Returns what it made
 * and so how to paint it. */
static DataPath
draw_data_line (TandemChart *chart,
                cairo_t     *cr,
                double       px_per_unit)
{
  gsize n = chart->result->n_points;
  gboolean decimate = n > chart->plot_w * px_per_unit;
  gboolean drawing = FALSE;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  gboolean vector = type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG ||
                    type == CAIRO_SURFACE_TYPE_PS;

  if (!decimate)
    {
      for (gsize i = 0; i < n; i++)
        {
          double y = chart->points[i].y;
          if (isnan (y))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, to_x (chart, chart->xv[i]), to_y (chart, y));
          else
            cairo_move_to (cr, to_x (chart, chart->xv[i]), to_y (chart, y));
          drawing = TRUE;
        }
      chart->n_drawn = n;
      return DATA_LINE;
    }

  /* One bar per pixel column, from its lowest to its highest value, as wide
   * as the line: either is far cheaper for cairo than a long zigzag. On the
   * screen a filled rectangle is the cheapest; in a PDF, SVG or PostScript
   * file (and so on paper), a straight stroke with butt ends from half a
   * line above the highest to half a line below the lowest covers the same
   * rectangle in half as many numbers, which cairo is slow to write. */
  {
    double column = 1.0 / px_per_unit;
    double half = cairo_get_line_width (cr) / 2;
    gsize i = 0, segments = 0;

    while (i < n)
      {
        double x0 = to_x (chart, chart->xv[i]);
        double col = floor ((x0 - chart->plot_x) / column);
        double lo = INFINITY, hi = -INFINITY;

        while (i < n && floor ((to_x (chart, chart->xv[i]) - chart->plot_x) / column) == col)
          {
            double y = chart->points[i].y;
            if (!isnan (y))
              {
                lo = MIN (lo, y);
                hi = MAX (hi, y);
              }
            i++;
          }
        if (!isfinite (lo))
          continue;
        if (vector)
          {
            cairo_move_to (cr, x0, to_y (chart, hi) - half);
            cairo_line_to (cr, x0, to_y (chart, lo) + half);
          }
        else
          cairo_rectangle (cr, x0 - half, to_y (chart, hi) - half, 2 * half,
                           to_y (chart, lo) - to_y (chart, hi) + 2 * half);
        segments++;
      }
    chart->n_drawn = segments;
  }
  return vector ? DATA_BARS_STROKE : DATA_BARS_FILL;
}

/* The radius of the plain dots when @n points share @plot_w: the full
 * radius when they have room, smaller when they crowd, and 0 when they
 * would be too small to see (the legend then leaves them out too). */
static double
dot_radius (const Style *style,
            gsize        n,
            double       plot_w)
{
  double fit = plot_w / (MAX (n, 1) * 2.2);

  if (fit >= style->radius)
    return style->radius;
  return fit >= style->radius * 0.35 ? fit : 0;
}

/* Which marker wins a crowded pixel column: outside the limits first, then
 * two of three close to a limit and trends, then points left out of the
 * calculations, then shifts and runs. */
static int
marker_rank (TandemChartMarker marker)
{
  switch (marker)
    {
    case TANDEM_CHART_MARKER_DIAMOND:
      return 4;
    case TANDEM_CHART_MARKER_STAR:
    case TANDEM_CHART_MARKER_TRIANGLE:
      return 3;
    case TANDEM_CHART_MARKER_RING:
      return 2;
    case TANDEM_CHART_MARKER_SQUARE:
      return 1;
    case TANDEM_CHART_MARKER_DOT:
      return 0;
    case TANDEM_CHART_MARKER_NONE:
    default:
      return -1;
    }
}

/* The points' markers. When they have room, every one; where signals crowd
 * into one pixel column, the most important of them, but every point
 * outside the limits whatever else shares its column. The least important
 * are drawn first, so a more important marker is never painted over. */
static void
draw_point_markers (TandemChart *chart,
                    cairo_t     *cr,
                    const Style *style,
                    double       px_per_unit,
                    double       dot_r)
{
  gsize n = chart->result->n_points;
  gboolean dense = n * style->radius * 2.2 > chart->plot_w;
  double column = 1.0 / px_per_unit;
  Style dot_style = *style;

  g_free (chart->marker_drawn);
  chart->marker_drawn = g_new0 (guint8, n);
  chart->markers_thinned = 0;
  for (gsize i = 0; i < n;)
    {
      gsize start = i, best = G_MAXSIZE;
      double col = floor ((to_x (chart, chart->xv[i]) - chart->plot_x) / column);
      gboolean outside = FALSE;

      do
        {
          TandemChartMarker marker = tandem_chart_get_marker (chart, i);

          if (marker == TANDEM_CHART_MARKER_DIAMOND)
            outside = chart->marker_drawn[i] = TRUE;
          else if (marker == TANDEM_CHART_MARKER_DOT)
            chart->marker_drawn[i] = dot_r > 0;
          else if (marker != TANDEM_CHART_MARKER_NONE &&
                   (best == G_MAXSIZE ||
                    marker_rank (marker) > marker_rank (tandem_chart_get_marker (chart, best))))
            best = i;
          i++;
        }
      while (dense && i < n &&
             floor ((to_x (chart, chart->xv[i]) - chart->plot_x) / column) == col);
      if (best != G_MAXSIZE && !outside)
        chart->marker_drawn[best] = TRUE;
      for (gsize j = start; j < i; j++)
        if (!chart->marker_drawn[j] &&
            marker_rank (tandem_chart_get_marker (chart, j)) > 0)
          chart->markers_thinned++;
    }

  dot_style.radius = dot_r;
  dot_style.thin = style->thin * (dot_r / style->radius);
  for (int rank = 0; rank <= 4; rank++)
    for (gsize i = 0; i < n; i++)
      {
        const TandemSpcPoint *p = &chart->points[i];
        TandemChartMarker marker = tandem_chart_get_marker (chart, i);
        gboolean concern;

        if (!chart->marker_drawn[i] || marker_rank (marker) != rank)
          continue;
        concern = style->mono && p->variation == TANDEM_SPC_VARIATION_CONCERN;
        draw_marker (cr, marker == TANDEM_CHART_MARKER_DOT ? &dot_style : style, marker,
                     marker_colour (style, p), to_x (chart, chart->xv[i]), to_y (chart, p->y),
                     concern);
      }
}

/* ------------------------------------------------------------------------ */
/* The icons of Making Data Count                                             */

static void
draw_icon (cairo_t     *cr,
           PangoLayout *layout,
           const Style *style,
           double       cx,
           double       cy,
           double       r,
           const Rgb   *colour,
           const char  *letter,
           const char  *caption)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  _tandem_render_set_rgb (cr, colour);
  cairo_set_line_width (cr, r * 0.16);
  cairo_stroke (cr);
  _tandem_render_set_font (layout, r * 0.95, TRUE);
  {
    double h;
    _tandem_render_draw_text (NULL, layout, letter, 0, 0, 0, NULL, &h);
    _tandem_render_draw_text (cr, layout, letter, cx, cy - h / 2, 0.5, NULL, NULL);
  }
  _tandem_render_set_font (layout, style->base * 0.8, FALSE);
  _tandem_render_set_rgb (cr, &style->ink);
  pango_layout_set_width (layout, (int) (r * 3.4 * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, caption, -1);
  cairo_move_to (cr, cx - r * 1.7, cy + r * 1.15);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_width (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
draw_mdc_icons (TandemChart *chart,
                cairo_t     *cr,
                PangoLayout *layout,
                const Style *style,
                double       right,
                double       top,
                double       r)
{
  const TandemSpcResult *res = chart->result;
  const Rgb *colour = &style->limits;
  const char *letter = "~";
  const char *caption = _("Common cause");
  double cx = right - r * 1.7;
  gboolean high = FALSE;

  for (gsize i = res->n_points; i > 0; i--)
    if (!isnan (chart->points[i - 1].y))
      {
        high = chart->points[i - 1].y > chart->points[i - 1].cl;
        break;
      }
  switch (res->variation)
    {
    case TANDEM_SPC_VARIATION_IMPROVEMENT:
      colour = &style->improvement;
      letter = high ? "H" : "L";
      caption = high ? _("Improvement (high)") : _("Improvement (low)");
      break;
    case TANDEM_SPC_VARIATION_CONCERN:
      colour = &style->concern;
      letter = high ? "H" : "L";
      caption = high ? _("Concern (high)") : _("Concern (low)");
      break;
    case TANDEM_SPC_VARIATION_NEUTRAL_HIGH:
      colour = &style->neutral;
      letter = "H";
      caption = _("Unusually high");
      break;
    case TANDEM_SPC_VARIATION_NEUTRAL_LOW:
      colour = &style->neutral;
      letter = "L";
      caption = _("Unusually low");
      break;
    case TANDEM_SPC_VARIATION_COMMON_CAUSE:
    case TANDEM_SPC_VARIATION_NONE:
    default:
      break;
    }

  if (res->assurance != TANDEM_SPC_ASSURANCE_NONE)
    {
      const Rgb *a_colour = &style->limits;
      const char *a_letter = "?";
      const char *a_caption = _("Target: hit and miss");

      if (res->assurance == TANDEM_SPC_ASSURANCE_CONSISTENT_PASS)
        {
          a_colour = &style->improvement;
          a_letter = "P";
          a_caption = _("Target: will be met");
        }
      else if (res->assurance == TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL)
        {
          a_colour = &style->concern;
          a_letter = "F";
          a_caption = _("Target: will be missed");
        }
      draw_icon (cr, layout, style, cx, top + r, r, a_colour, a_letter, a_caption);
      cx -= r * 3.6;
    }
  draw_icon (cr, layout, style, cx, top + r, r, colour, letter, caption);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                    */

typedef struct
{
  TandemChartMarker  marker;
  const char        *text;
} LegendItem;

/* More of a note than any chart has room for: a longer one is cut here
 * before it is laid out, so a book-length note costs no more than this. */
#define NOTE_MOST_BYTES 8192

static double
draw_legend (TandemChart *chart,
             cairo_t     *cr,
             PangoLayout *layout,
             const Style *style,
             double       x,
             double       y,
             double       width,
             double       room,
             gboolean     measure_only)
{
  static const LegendItem items[] = {
    { TANDEM_CHART_MARKER_DOT, N_("no signal") },
    { TANDEM_CHART_MARKER_DIAMOND, N_("outside the limits") },
    { TANDEM_CHART_MARKER_SQUARE, N_("shift (a long run on one side)") },
    { TANDEM_CHART_MARKER_TRIANGLE, N_("trend") },
    { TANDEM_CHART_MARKER_STAR, N_("2 of 3 close to a limit") },
    { TANDEM_CHART_MARKER_RING, N_("left out of the calculations") },
  };
  gboolean present[G_N_ELEMENTS (items)] = { FALSE };
  gboolean colours = FALSE;
  double cx = x, cy = y, line_h;
  double start_y = y;

  _tandem_render_set_font (layout, style->base * 0.85, FALSE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &line_h);
  for (gsize i = 0; i < chart->result->n_points; i++)
    {
      TandemChartMarker m = tandem_chart_get_marker (chart, i);
      if (m == TANDEM_CHART_MARKER_DOT && !chart->dots_shown)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (items); k++)
        if (items[k].marker == m)
          present[k] = TRUE;
      if (chart->points[i].signals && !style->mono &&
          (chart->points[i].variation == TANDEM_SPC_VARIATION_IMPROVEMENT ||
           chart->points[i].variation == TANDEM_SPC_VARIATION_CONCERN))
        colours = TRUE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (items); k++)
    {
      double w;
      const char *text = _(items[k].text);

      if (!present[k])
        continue;
      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, &w, NULL);
      if (cx > x && cx + style->radius * 4 + w > x + width)
        {
          cx = x;
          cy += line_h * 1.3;
        }
      if (!measure_only)
        {
          draw_marker (cr, style, items[k].marker, &style->dot, cx + style->radius * 1.6,
                       cy + line_h / 2, FALSE);
          _tandem_render_set_rgb (cr, &style->ink);
          _tandem_render_draw_text (cr, layout, text, cx + style->radius * 3.6, cy, 0, NULL, NULL);
        }
      cx += style->radius * 3.6 + w + style->base * 1.2;
    }
  if (colours)
    {
      const char *texts[] = { _("blue: improvement"), _("orange: concern") };
      const Rgb *rgbs[] = { &style->improvement, &style->concern };

      for (guint k = 0; k < 2; k++)
        {
          double w;
          _tandem_render_draw_text (NULL, layout, texts[k], 0, 0, 0, &w, NULL);
          if (cx > x && cx + w > x + width)
            {
              cx = x;
              cy += line_h * 1.3;
            }
          if (!measure_only)
            {
              _tandem_render_set_rgb (cr, rgbs[k]);
              _tandem_render_draw_text (cr, layout, texts[k], cx, cy, 0, NULL, NULL);
            }
          cx += w + style->base * 1.2;
        }
    }
  if (measure_only ? chart->may_thin : chart->markers_thinned > 0)
    {
      const char *text = _("where markers crowd, the most important is drawn; "
                           "every point outside the limits is");
      double w;

      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, &w, NULL);
      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += line_h * 1.3;
        }
      if (!measure_only)
        {
          _tandem_render_set_rgb (cr, &style->ink);
          _tandem_render_draw_text (cr, layout, text, cx, cy, 0, NULL, NULL);
        }
    }
  cy += line_h * 1.3;

  /* The numbered changes, one a line; what does not fit the room left under
   * the chart is cut short, and the chart says so on its last line. */
  chart->notes_cut = 0;
  pango_layout_set_width (layout, (int) ((width - style->base * 2.2) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint a = 0; a < chart->measure->annotations->len; a++)
    {
      const TandemAnnotation *annotation = chart->measure->annotations->pdata[a];
      g_autofree char *number = g_strdup_printf ("%u", a + 1);
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;
      guint32 julian;
      double h, r = line_h * 0.55;
      double left = room - (cy - start_y) - line_h * 1.3;   /* a line kept for the warning */
      gboolean cut = FALSE, last = FALSE;

      when = parse_iso (annotation->date, &julian)
             ? _tandem_render_format_julian (julian, "%e %b %Y")
             : g_strdup (annotation->date);
      g_strstrip (when);
      {
        g_autofree char *what = annotation_label (annotation);
        text = g_strdup_printf ("%s — %s", when, what);
      }
      if (strlen (text) > NOTE_MOST_BYTES)
        {
          char *end = g_utf8_find_prev_char (text, text + NOTE_MOST_BYTES + 1);

          strcpy (end, "…");
          cut = TRUE;
        }
      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, NULL, &h);
      if (h > left)
        {
          if (left < line_h)
            {
              /* No room for even a line of this note or the ones after it. */
              chart->notes_cut += chart->measure->annotations->len - a;
              break;
            }
          /* As many lines as fit, ending in an ellipsis. */
          pango_layout_set_height (layout, (int) (left * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, NULL, &h);
          cut = TRUE;
          last = TRUE;
        }
      if (cut)
        chart->notes_cut++;
      if (!measure_only)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x + r, cy + line_h / 2, r, 0, 2 * G_PI);
          _tandem_render_set_rgb (cr, &style->annotation);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          _tandem_render_set_font (layout, line_h * 0.62, TRUE);
          {
            double nh;
            _tandem_render_draw_text (NULL, layout, number, 0, 0, 0, NULL, &nh);
            pango_layout_set_width (layout, -1);
            _tandem_render_draw_text (cr, layout, number, x + r, cy + line_h / 2 - nh / 2, 0.5, NULL, NULL);
            pango_layout_set_width (layout, (int) ((width - style->base * 2.2) * PANGO_SCALE));
          }
          _tandem_render_set_font (layout, style->base * 0.85, FALSE);
          _tandem_render_set_rgb (cr, &style->ink);
          _tandem_render_draw_text (cr, layout, text, x + style->base * 2.2, cy, 0, NULL, NULL);
        }
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      cy += h + line_h * 0.3;
      if (last)
        {
          chart->notes_cut += chart->measure->annotations->len - a - 1;
          break;
        }
    }
  if (chart->notes_cut > 0)
    {
      g_autofree char *warning = g_strdup_printf (ngettext ("%u note is too long to show in full here: "
                                                            "read it in Tandem, under the measure's notes.",
                                                            "%u notes are too long to show in full here: "
                                                            "read them in Tandem, under the measure's notes.",
                                                            chart->notes_cut),
                                                  chart->notes_cut);

      _tandem_render_set_font (layout, style->base * 0.85, TRUE);
      if (!measure_only)
        {
          _tandem_render_set_rgb (cr, &style->ink);
          _tandem_render_draw_text (cr, layout, warning, x, cy, 0, NULL, NULL);
        }
      cy += line_h * 1.3;
    }
  pango_layout_set_width (layout, -1);
  return cy - start_y;
}

static void
draw_problem (TandemChart *chart,
              cairo_t     *cr,
              PangoLayout *layout,
              const Style *style,
              double       x,
              double       y,
              double       width,
              double       height)
{
  cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  _tandem_render_set_rgb (cr, &style->ink);
  _tandem_render_set_font (layout, style->base * 1.1, FALSE);
  pango_layout_set_width (layout, (int) (MAX (width - style->base * 4, 10) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, chart->problem, -1);
  cairo_move_to (cr, x + style->base * 2, y + height / 2 - style->base);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_width (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

static void
compute_ranges (TandemChart *chart)
{
  const TandemSpcResult *r = chart->result;
  double lo = INFINITY, hi = -INFINITY;
  gsize n = r->n_points;
  double pad;

  for (gsize i = 0; i < n; i++)
    {
      const TandemSpcPoint *p = &chart->points[i];
      double values[] = { p->y, p->cl, p->lcl, p->ucl };

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        if (isfinite (values[k]))
          {
            lo = MIN (lo, values[k]);
            hi = MAX (hi, values[k]);
          }
    }
  if (isfinite (r->target))
    {
      lo = MIN (lo, r->target);
      hi = MAX (hi, r->target);
    }
  if (!isfinite (lo))
    lo = 0, hi = 1;
  /* Counts, rates and proportions start from 0 where 0 is near. */
  if (lo >= 0 && lo < (hi - lo) * 0.5)
    lo = 0;
  if (hi - lo < 1e-9)
    {
      double d = fabs (hi) > 0 ? fabs (hi) * 0.1 : 1;
      lo -= d;
      hi += d;
    }
  pad = (hi - lo) * 0.05;
  chart->y_min = lo == 0 ? 0 : lo - pad;
  chart->y_max = hi + pad;

  if (n == 1)
    {
      chart->x_min = chart->xv[0] - 1;
      chart->x_max = chart->xv[0] + 1;
    }
  else
    {
      double step = (chart->xv[n - 1] - chart->xv[0]) / (double) (n - 1);
      chart->x_min = chart->xv[0] - step * 0.6;
      chart->x_max = chart->xv[n - 1] + step * 0.6;
    }
}

/**
 * tandem_chart_draw:
 * @chart: a chart
 * @cr: where to draw
 * @width: the width to fill, in user units
 * @height: the height to fill
 *
 * Draws the whole chart: title, subtitle with the chart type and rules,
 * the Making Data Count icons (mdc charts), the axes with dated ticks and
 * the unit, phases, centre lines, limits, target, the data with each point's
 * signal shown by shape and colour, numbered annotation markers, and a
 * legend of the shapes and the changes. The one drawing function for the
 * screen, printing and every file.
 */
void
tandem_chart_draw (TandemChart *chart,
                   cairo_t     *cr,
                   double       width,
                   double       height)
{
  Style style;
  PangoLayout *layout;
  g_autofree char *subtitle = NULL;
  const TandemSpcResult *r = chart->result;
  double m, title_h, sub_h, top, axis_w = 0, legend_h, legend_room, icon_r, label_h, right_w;
  double px_per_unit, dummy = 1;
  gboolean mdc;
  double ystep;

  g_return_if_fail (chart != NULL && cr != NULL);

  style_init (&style, chart->style, width);
  style.base *= chart->text_scale;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  layout = make_layout (cr, style.base, FALSE);
  m = style.base * 1.2;
  mdc = r != NULL && r->rules == TANDEM_SPC_RULES_MDC;
  icon_r = style.base * 1.5;

  /* Title and subtitle, leaving room on the right for the icons. */
  {
    double text_w = width - 2 * m - (mdc ? icon_r * 7.5 : 0);

    _tandem_render_set_font (layout, style.base * 1.55, TRUE);
    _tandem_render_set_rgb (cr, &style.ink);
    pango_layout_set_width (layout, (int) (MAX (text_w, 50) * PANGO_SCALE));
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    _tandem_render_draw_text (cr, layout, chart->measure->name, m, m, 0, NULL, &title_h);
    subtitle = tandem_chart_dup_subtitle (chart);
    _tandem_render_set_font (layout, style.base * 0.95, FALSE);
    cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
    if (style.mono)
      _tandem_render_set_rgb (cr, &style.ink);
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    _tandem_render_draw_text (cr, layout, subtitle, m, m + title_h + style.base * 0.15, 0, NULL, &sub_h);
    pango_layout_set_width (layout, -1);
  }
  top = m + title_h + sub_h + style.base * 0.8;
  if (mdc)
    {
      draw_mdc_icons (chart, cr, layout, &style, width - m, m * 0.6, icon_r);
      top = MAX (top, m * 0.6 + icon_r * 2 + style.base * 2.6);
    }

  if (r == NULL)
    {
      draw_problem (chart, cr, layout, &style, m, top, width - 2 * m, MAX (height - top - m, 10));
      g_object_unref (layout);
      cairo_restore (cr);
      return;
    }

  compute_ranges (chart);

  /* The y axis labels decide the left margin. */
  _tandem_render_set_font (layout, style.base * 0.85, FALSE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &label_h);
  /* The notes under the chart may take up to half of what is left. */
  legend_room = MAX ((height - top - m - label_h * 3) / 2, label_h * 4);
  /* Whether the dots have room, and whether signals may crowd, judged on
   * the width the plot will nearly have, for the legend to say so. */
  chart->dots_shown = dot_radius (&style, r->n_points, width - 2 * m) > 0;
  chart->may_thin = r->n_points * style.radius * 2.2 > width - 2 * m - style.base * 8;
  legend_h = draw_legend (chart, NULL, layout, &style, m, 0, width - 2 * m, legend_room, TRUE);
  chart->plot_y = top + label_h * 0.8;
  chart->plot_h = height - chart->plot_y - m - legend_h - label_h * 2.2;
  if (chart->plot_h < style.base * 4)
    chart->plot_h = style.base * 4;

  ystep = _tandem_render_nice_step (chart->y_max - chart->y_min, MAX (chart->plot_h / (style.base * 3.2), 2));
  /* Counts (incidents, patients) are labelled in whole numbers: no 2.5 or
   * 7.5 incidents on the axis. */
  if (ystep != floor (ystep) && values_are_whole (chart))
    ystep = ystep < 1 ? 1 : 5 * ceil (ystep / 5);
  chart->y_step = ystep;
  for (double v = ceil (chart->y_min / ystep) * ystep; v <= chart->y_max + ystep * 1e-9; v += ystep)
    {
      g_autofree char *text = format_value (fabs (v) < ystep * 1e-9 ? 0 : v);
      double w;
      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, &w, NULL);
      axis_w = MAX (axis_w, w);
    }
  {
    const char *unit = chart->measure->unit;
    double unit_w = unit && *unit ? label_h * 1.3 : 0;

    chart->plot_x = m + unit_w + axis_w + style.base * 0.6;
  }
  /* Room on the right for the labels of the lines. */
  {
    double w;
    _tandem_render_draw_text (NULL, layout, "Target 100.0", 0, 0, 0, &w, NULL);
    right_w = w * 0.75 + style.base * 0.5;
  }
  chart->plot_w = width - chart->plot_x - m - right_w;
  if (chart->plot_w < style.base * 4)
    chart->plot_w = style.base * 4;

  dummy = 1;
  {
    double dy = 0;
    cairo_user_to_device_distance (cr, &dummy, &dy);
    px_per_unit = fabs (dummy) > 0 ? fabs (dummy) : 1;
  }

  /* Grid and y labels. */
  cairo_set_line_width (cr, style.thin * 0.8);
  for (double v = ceil (chart->y_min / ystep) * ystep; v <= chart->y_max + ystep * 1e-9; v += ystep)
    {
      g_autofree char *text = format_value (fabs (v) < ystep * 1e-9 ? 0 : v);
      double y = to_y (chart, v);

      _tandem_render_set_rgb (cr, &style.faint);
      cairo_move_to (cr, chart->plot_x, y);
      cairo_line_to (cr, chart->plot_x + chart->plot_w, y);
      cairo_stroke (cr);
      _tandem_render_set_rgb (cr, &style.ink);
      _tandem_render_draw_text (cr, layout, text, chart->plot_x - style.base * 0.4, y - label_h / 2, 1, NULL, NULL);
    }
  if (chart->measure->unit && *chart->measure->unit)
    {
      double w;

      cairo_save (cr);
      cairo_translate (cr, m, chart->plot_y + chart->plot_h / 2);
      cairo_rotate (cr, -G_PI / 2);
      pango_layout_set_width (layout, (int) (chart->plot_h * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _tandem_render_draw_text (NULL, layout, chart->measure->unit, 0, 0, 0, &w, NULL);
      _tandem_render_draw_text (cr, layout, chart->measure->unit, 0, 0, 0.5, NULL, NULL);
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      cairo_restore (cr);
    }

  /* The plot's frame and x axis. */
  _tandem_render_set_rgb (cr, &style.ink);
  cairo_set_line_width (cr, style.thin);
  cairo_move_to (cr, chart->plot_x, chart->plot_y);
  cairo_line_to (cr, chart->plot_x, chart->plot_y + chart->plot_h);
  cairo_line_to (cr, chart->plot_x + chart->plot_w, chart->plot_y + chart->plot_h);
  cairo_stroke (cr);
  if (chart->dated)
    draw_date_axis (chart, cr, layout, &style, chart->plot_y + chart->plot_h + style.base * 0.5);
  else
    draw_index_axis (chart, cr, layout, &style, chart->plot_y + chart->plot_h + style.base * 0.5);

  /* Phases: a divider before each new one, with its label. */
  for (gsize k = 0; k < r->n_phases; k++)
    {
      const TandemSpcPhase *phase = &r->phases[k];
      double x = k == 0 ? chart->plot_x
                        : to_x (chart, (chart->xv[phase->first - 2] + chart->xv[phase->first - 1]) / 2);

      if (k > 0)
        {
          double dash[] = { style.base * 0.4, style.base * 0.3 };
          _tandem_render_set_rgb (cr, &style.limits);
          cairo_set_line_width (cr, style.thin * 1.2);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x, chart->plot_y);
          cairo_line_to (cr, x, chart->plot_y + chart->plot_h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (chart->phase_labels[k] || (k == 0 && r->n_phases > 1))
        {
          double next = k + 1 < r->n_phases
                        ? to_x (chart, (chart->xv[r->phases[k + 1].first - 2] +
                                        chart->xv[r->phases[k + 1].first - 1]) / 2)
                        : chart->plot_x + chart->plot_w;
          const char *label = chart->phase_labels[k] ? chart->phase_labels[k] : _("Before");

          _tandem_render_set_font (layout, style.base * 0.8, FALSE);
          pango_layout_set_width (layout, (int) (MAX (next - x - style.base * 0.6, 10) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          _tandem_render_set_rgb (cr, &style.ink);
          _tandem_render_draw_text (cr, layout, label, x + style.base * 0.3, chart->plot_y - label_h * 0.95, 0,
                     NULL, NULL);
          pango_layout_set_width (layout, -1);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
          _tandem_render_set_font (layout, style.base * 0.85, FALSE);
        }
    }

  /* Centre lines and limits, phase by phase. */
  for (gsize k = 0; k < r->n_phases; k++)
    {
      const TandemSpcPhase *phase = &r->phases[k];
      gsize first = phase->first - 1, last = phase->last - 1;
      double dash[] = { style.base * 0.5, style.base * 0.3 };
      gboolean runs = r->rules == TANDEM_SPC_RULES_ANHOEJ && phase->runs_signal;

      _tandem_render_set_rgb (cr, &style.limits);
      cairo_set_line_width (cr, style.thin * 1.3);
      cairo_set_dash (cr, dash, 2, 0);
      draw_step_line (chart, cr, LINE_LCL, first, last);
      cairo_stroke (cr);
      draw_step_line (chart, cr, LINE_UCL, first, last);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* As qicharts2: a runs signal makes the centre line dashed (and red). */
      if (runs)
        {
          double runs_dash[] = { style.base * 0.8, style.base * 0.35 };
          if (style.mono)
            _tandem_render_set_rgb (cr, &style.centre);
          else
            cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
          cairo_set_dash (cr, runs_dash, 2, 0);
        }
      else
        _tandem_render_set_rgb (cr, &style.centre);
      cairo_set_line_width (cr, style.thin * 1.5);
      draw_step_line (chart, cr, LINE_CL, first, last);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Each earlier phase's centre line says its value, above the line at
       * the phase's start (the last phase's is labelled at the right), so
       * that the change reads on paper: "Mean 7.9" then "Mean 5.2". */
      if (k + 1 < r->n_phases && isfinite (r->phases[k].cl))
        {
          double cls[] = { r->phases[k].cl, r->phases[k + 1].cl };
          g_autofree char *value = format_fixed (r->phases[k].cl, shared_decimals (cls, 2));
          g_autofree char *label = g_strdup_printf ("%s %s", centre_is_median (chart) ? _("Median")
                                                                                     : _("Mean"), value);
          double x0 = k == 0 ? chart->plot_x
                             : to_x (chart, (chart->xv[first - 1] + chart->xv[first]) / 2);
          double x1 = to_x (chart, (chart->xv[last] + chart->xv[last + 1]) / 2);
          double w;

          _tandem_render_set_font (layout, style.base * 0.7, FALSE);
          _tandem_render_draw_text (NULL, layout, label, 0, 0, 0, &w, NULL);
          if (x1 - x0 > w + style.base * 0.6)
            {
              _tandem_render_set_rgb (cr, &style.ink);
              _tandem_render_draw_text (cr, layout, label, x0 + style.base * 0.3,
                         to_y (chart, r->phases[k].cl) - label_h * 1.05, 0, NULL, NULL);
            }
          _tandem_render_set_font (layout, style.base * 0.85, FALSE);
        }
    }

  /* Labels for the last phase's lines, at the right. */
  {
    const TandemSpcPoint *p = &chart->points[r->n_points - 1];
    double lx = chart->plot_x + chart->plot_w + style.base * 0.4;
    double used[4];
    guint n_used = 0;
    struct { double v; const char *name; } lines[] = {
      { p->ucl, centre_is_median (chart) ? NULL : _("UCL") },
      { p->cl, centre_is_median (chart) ? _("Median") : _("Mean") },
      { p->lcl, _("LCL") },
      { r->target, _("Target") },
    };

    double values[G_N_ELEMENTS (lines)];
    int decimals;

    for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
      values[k] = lines[k].v;
    decimals = shared_decimals (values, G_N_ELEMENTS (values));
    _tandem_render_set_font (layout, style.base * 0.75, FALSE);
    for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
      {
        g_autofree char *value = NULL;
        g_autofree char *text = NULL;
        double y;
        gboolean clash = FALSE;

        if (!isfinite (lines[k].v) || lines[k].name == NULL)
          continue;
        y = to_y (chart, lines[k].v) - label_h * 0.45;
        for (guint u = 0; u < n_used; u++)
          if (fabs (used[u] - y) < label_h * 0.85)
            clash = TRUE;
        if (clash)
          continue;
        used[n_used++] = y;
        value = format_fixed (lines[k].v, decimals);
        text = g_strdup_printf ("%s %s", lines[k].name, value);
        if (k == 3)
          _tandem_render_set_rgb (cr, &style.target);
        else
          _tandem_render_set_rgb (cr, &style.ink);
        _tandem_render_draw_text (cr, layout, text, lx, y, 0, NULL, NULL);
      }
    _tandem_render_set_font (layout, style.base * 0.85, FALSE);
  }

  /* The target. */
  if (isfinite (r->target))
    {
      double dash[] = { style.base * 0.15, style.base * 0.35 };
      double y = to_y (chart, r->target);

      _tandem_render_set_rgb (cr, &style.target);
      cairo_set_line_width (cr, style.thin * 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, chart->plot_x, y);
      cairo_line_to (cr, chart->plot_x + chart->plot_w, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Annotation markers: a numbered disc above the plot and a line down to the point. */
  for (guint a = 0; a < chart->measure->annotations->len; a++)
    {
      gssize i = chart->annotation_point[a];
      g_autofree char *number = g_strdup_printf ("%u", a + 1);
      double x, rr = label_h * 0.55, nh;
      double dash[] = { style.base * 0.15, style.base * 0.25 };

      if (i < 0)
        continue;
      x = to_x (chart, chart->xv[i]);
      _tandem_render_set_rgb (cr, &style.annotation);
      cairo_set_line_width (cr, style.thin);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, chart->plot_y + rr * 2.2);
      cairo_line_to (cr, x, isnan (chart->points[i].y) ? chart->plot_y + chart->plot_h
                                                        : to_y (chart, chart->points[i].y));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, chart->plot_y + rr * 1.1, rr, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      _tandem_render_set_font (layout, label_h * 0.62, TRUE);
      _tandem_render_draw_text (NULL, layout, number, 0, 0, 0, NULL, &nh);
      _tandem_render_draw_text (cr, layout, number, x, chart->plot_y + rr * 1.1 - nh / 2, 0.5, NULL, NULL);
      _tandem_render_set_font (layout, style.base * 0.85, FALSE);
    }

  /* The data. */
  cairo_save (cr);
  cairo_rectangle (cr, chart->plot_x - style.radius * 3, chart->plot_y - style.radius * 3,
                   chart->plot_w + style.radius * 6, chart->plot_h + style.radius * 6);
  cairo_clip (cr);
  _tandem_render_set_rgb (cr, &style.data);
  cairo_set_line_width (cr, style.line);
  switch (draw_data_line (chart, cr, px_per_unit))
    {
    case DATA_BARS_FILL:
      cairo_fill (cr);
      break;
    case DATA_BARS_STROKE:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    case DATA_LINE:
    default:
      cairo_stroke (cr);
      break;
    }
  draw_point_markers (chart, cr, &style, px_per_unit,
                      chart->dots_shown ? MAX (dot_radius (&style, r->n_points, chart->plot_w),
                                               style.radius * 0.35)
                                        : 0);
  cairo_restore (cr);

  if (chart->focus >= 0 && (gsize) chart->focus < r->n_points &&
      chart->style != TANDEM_CHART_STYLE_PRINT)
    {
      const TandemSpcPoint *p = &chart->points[chart->focus];
      double x = to_x (chart, chart->xv[chart->focus]);
      double y = isnan (p->y) ? chart->plot_y + chart->plot_h : to_y (chart, p->y);

      cairo_set_source_rgb (cr, 0.1, 0.45, 0.85);
      cairo_set_line_width (cr, 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, style.radius * 2.6, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  draw_legend (chart, cr, layout, &style, m, height - m - legend_h, width - 2 * m, legend_room,
               FALSE);
  g_object_unref (layout);
  cairo_restore (cr);
}

/**
 * tandem_chart_draw_page:
 * @cr: where to draw
 * @width: the page width, in points
 * @height: the page height
 * @page_nr: the page (charts are one page)
 * @chart: a #TandemChart
 *
 * A #TandemDrawPageFunc for printing and exports: the chart on a page with
 * a margin of 10 mm.
 */
void
tandem_chart_draw_page (cairo_t *cr,
                        double   width,
                        double   height,
                        guint    page_nr,
                        gpointer chart)
{
  _tandem_render_draw_on_page (cr, width, height, (TandemRenderDrawFunc) tandem_chart_draw, chart);
}

struct _TandemChartSheet
{
  TandemChart *chart;
  char        *team;
  char        *printed_on;
};

/**
 * tandem_chart_sheet_new:
 * @chart: (transfer full): the chart
 * @team: (nullable): the team's name
 * @printed_on: (nullable): the day it is printed, as people read it
 *
 * A chart as a workshop sheet: what tandem_chart_draw_sheet() draws.
 *
 * Returns: (transfer full): the sheet; free with tandem_chart_sheet_free()
 */
TandemChartSheet *
tandem_chart_sheet_new (TandemChart *chart,
                        const char  *team,
                        const char  *printed_on)
{
  TandemChartSheet *sheet = g_new0 (TandemChartSheet, 1);

  g_return_val_if_fail (chart != NULL, NULL);

  sheet->chart = chart;
  sheet->team = g_strdup (team);
  sheet->printed_on = g_strdup (printed_on);
  return sheet;
}

void
tandem_chart_sheet_free (TandemChartSheet *sheet)
{
  if (sheet == NULL)
    return;
  tandem_chart_free (sheet->chart);
  g_free (sheet->team);
  g_free (sheet->printed_on);
  g_free (sheet);
}

/* A heading and its text in a column, the text cut with "…" to what fits. */
static void
draw_column (cairo_t    *cr,
             const char *heading,
             const char *text,
             double      x,
             double      y,
             double      width,
             double      height,
             double      size)
{
  PangoLayout *layout = make_layout (cr, size * 1.1, TRUE);
  double h;

  _tandem_render_draw_text (cr, layout, heading, x, y, 0, NULL, &h);
  _tandem_render_set_font (layout, size, FALSE);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, (int) (MAX (height - h - size * 0.4, size) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _tandem_render_draw_text (cr, layout, text, x, y + h + size * 0.4, 0, NULL, NULL);
  g_object_unref (layout);
}

/**
 * tandem_chart_draw_sheet:
 * @cr: where to draw
 * @width: the page width, in points
 * @height: the page height
 * @page_nr: the page (there is one)
 * @sheet: a #TandemChartSheet
 *
 * A #TandemDrawPageFunc: the chart as a team takes it to a workshop, on one
 * page: the team and the day it was printed at the top, the chart, then
 * the measure's definition and what the chart shows, in words.
 */
void
tandem_chart_draw_sheet (cairo_t *cr,
                         double   width,
                         double   height,
                         guint    page_nr,
                         gpointer sheet_data)
{
  TandemChartSheet *sheet = sheet_data;
  TandemMeasure *measure = sheet->chart->measure;
  double margin = 10 * 72 / 25.4;
  double inner_w = width - 2 * margin, inner_h = height - 2 * margin;
  double size = MAX (inner_h / 60, 7.5);
  double header_h = 0, chart_h, words_y, gap = size * 1.5;
  g_autofree char *summary = tandem_chart_dup_summary (sheet->chart);
  g_autoptr(GString) header = g_string_new (NULL);

  cairo_save (cr);
  cairo_translate (cr, margin, margin);

  if (sheet->team && *sheet->team)
    g_string_append (header, sheet->team);
  if (sheet->printed_on && *sheet->printed_on)
    {
      if (header->len > 0)
        g_string_append (header, " · ");
      g_string_append_printf (header, _("Printed %s"), sheet->printed_on);
    }
  if (header->len > 0)
    {
      PangoLayout *layout = make_layout (cr, size, FALSE);

      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      _tandem_render_draw_text (cr, layout, header->str, 0, 0, 0, NULL, &header_h);
      header_h += size * 0.5;
      g_object_unref (layout);
    }

  chart_h = (inner_h - header_h) * 0.66;
  cairo_save (cr);
  cairo_translate (cr, 0, header_h);
  tandem_chart_draw (sheet->chart, cr, inner_w, chart_h);
  cairo_restore (cr);

  words_y = header_h + chart_h + size;
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_column (cr, _("Definition"),
               measure->definition && *measure->definition ? measure->definition
                                                           : _("No definition written yet."),
               0, words_y, (inner_w - gap) * 0.4, inner_h - words_y, size);
  draw_column (cr, _("What the Chart Shows"), g_strchomp (summary),
               (inner_w - gap) * 0.4 + gap, words_y, (inner_w - gap) * 0.6, inner_h - words_y, size);
  cairo_restore (cr);
}

/**
 * tandem_chart_warm_fonts:
 * @context: a Pango context like the one the page will be drawn with
 * @width: the page width, in points
 * @height: the page height
 * @cancellable: stops the loading between two fonts
 * @style: a #TandemChartStyle, as a pointer (GINT_TO_POINTER)
 *
 * A #TandemWarmFontsFunc: lays out a few characters in each font that
 * tandem_chart_draw_page() uses on a page this size, the likeliest first, so
 * that a command-line export can load them while it reads the data. A font
 * not loaded here is loaded when it is drawn; nothing drawn depends on this.
 */
void
tandem_chart_warm_fonts (PangoContext *context,
                         double        width,
                         double        height,
                         GCancellable *cancellable,
                         gpointer      style)
{
  /* The sizes tandem_chart_draw() uses, in units of the style's base size;
   * 0 is the annotations' numbers, sized by a line of the axes' labels. */
  static const struct { double size; gboolean bold; } fonts[] = {
    { 1.55, TRUE },        /* the title */
    { 0.85, FALSE },       /* the axes and the legend */
    { 0.95, FALSE },       /* the subtitle */
    { 0.75, FALSE },       /* the lines' labels */
    { 0.8, FALSE },        /* phases, the icons' captions */
    { 1.5 * 0.95, TRUE },  /* the icons' letters (Making Data Count) */
    { 0, TRUE },           /* the annotations' numbers */
  };
  double margin = 10 * 72 / 25.4;
  PangoLayout *layout = pango_layout_new (context);
  Style s;
  int w, h, label_h = 0;

  style_init (&s, GPOINTER_TO_INT (style), width - 2 * margin);
  for (guint i = 0; i < G_N_ELEMENTS (fonts) && !g_cancellable_is_cancelled (cancellable); i++)
    {
      _tandem_render_set_font (layout, fonts[i].size > 0 ? s.base * fonts[i].size
                                          : (double) label_h / PANGO_SCALE * 0.62, fonts[i].bold);
      pango_layout_set_text (layout, "Ag 0123456789", -1);
      pango_layout_get_size (layout, &w, &h);
      if (i == 1)
        {
          pango_layout_set_text (layout, "Ag", -1);
          pango_layout_get_size (layout, &w, &label_h);
        }
    }
  g_object_unref (layout);
}

/**
 * tandem_chart_get_point_position:
 * @chart: a chart that has been drawn
 * @point: a point
 * @x: (out): where the last draw put it
 * @y: (out): where the last draw put it (the bottom of the plot for a
 *   missing value)
 *
 * Returns: whether the point exists and the chart has been drawn
 */
gboolean
tandem_chart_get_point_position (TandemChart *chart,
                                 gsize        point,
                                 double      *x,
                                 double      *y)
{
  if (chart->result == NULL || point >= chart->result->n_points || chart->plot_w <= 0)
    return FALSE;
  *x = to_x (chart, chart->xv[point]);
  *y = isnan (chart->points[point].y) ? chart->plot_y + chart->plot_h
                                      : to_y (chart, chart->points[point].y);
  return TRUE;
}

/**
 * tandem_chart_find_point:
 * @chart: a chart that has been drawn
 * @x: a position
 * @y: a position
 * @max_distance: how far from a point still counts
 *
 * Returns: the point nearest to (@x, @y) within @max_distance, or -1
 */
gssize
tandem_chart_find_point (TandemChart *chart,
                         double       x,
                         double       y,
                         double       max_distance)
{
  gssize best = -1;
  double best_d = max_distance * max_distance;
  gsize lo = 0, hi;
  double v;

  if (chart->result == NULL || chart->plot_w <= 0)
    return -1;
  /* Points are in x order: look only near x. */
  v = chart->x_min + (x - chart->plot_x) / chart->plot_w * (chart->x_max - chart->x_min);
  hi = chart->result->n_points;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      if (chart->xv[mid] < v)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (gsize i = lo > 50 ? lo - 50 : 0; i < MIN (lo + 50, chart->result->n_points); i++)
    {
      double px, py, d;

      if (isnan (chart->points[i].y))
        continue;
      tandem_chart_get_point_position (chart, i, &px, &py);
      d = (px - x) * (px - x) + (py - y) * (py - y);
      if (d <= best_d)
        {
          best_d = d;
          best = (gssize) i;
        }
    }
  return best;
}

/**
 * tandem_chart_get_n_drawn:
 * @chart: a chart that has been drawn
 *
 * Returns: how many vertices the last draw gave the data line: the number of
 *   points, or fewer when there were more points than pixel columns
 */
gsize
tandem_chart_get_n_drawn (TandemChart *chart)
{
  return chart->n_drawn;
}

/**
 * tandem_chart_get_marker_drawn:
 * @chart: a chart that has been drawn
 * @point: a point
 *
 * Returns: whether the last draw drew @point's marker (a point without a
 *   signal has none when the points are too many for dots; a signal's
 *   marker is left out only where signals crowd into one pixel column, and
 *   never a point outside the limits)
 */
gboolean
tandem_chart_get_marker_drawn (TandemChart *chart,
                               gsize        point)
{
  return chart->marker_drawn != NULL && chart->result != NULL &&
         point < chart->result->n_points && chart->marker_drawn[point];
}

/**
 * tandem_chart_get_markers_thinned:
 * @chart: a chart that has been drawn
 *
 * Returns: how many signals' markers the last draw left out because a more
 *   important one shared their pixel column (the legend then says so)
 */
gsize
tandem_chart_get_markers_thinned (TandemChart *chart)
{
  return chart->markers_thinned;
}

/**
 * tandem_chart_get_y_step:
 * @chart: a chart that has been drawn
 *
 * Returns: the step between the labels of the y axis at the last draw
 */
double
tandem_chart_get_y_step (TandemChart *chart)
{
  return chart->y_step;
}

/**
 * tandem_chart_get_notes_cut:
 * @chart: a chart that has been drawn
 *
 * The notes listed under a chart may take up to half its height; a longer
 * one is cut short with an ellipsis, the ones after it are left out, and the
 * chart says how many on its last line.
 *
 * Returns: how many notes were cut short or left out at the last draw
 */
guint
tandem_chart_get_notes_cut (TandemChart *chart)
{
  return chart->notes_cut;
}
