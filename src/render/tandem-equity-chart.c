/* tandem-equity-chart.c — a measure broken down by group: small multiples and the disparity chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both views are drawn from rows in memory (a count and a denominator per
 * group per period), so the app, printing and the command line draw the
 * same thing. Small multiples give each group a panel on one shared axis,
 * with the SPC engine's U chart (rates) or P chart (proportions) limits,
 * and the reference group's centre line faint in every panel. The
 * disparity chart gives each group compared a panel of its ratio to the
 * reference per quarter, on a log axis (a ratio of 2 is as far from 1 as
 * one of 0.5), its 95% interval as a band and the line at 1. Groups are
 * told apart by their names and by the shape and dash of their line, never
 * by colour alone; numbers hidden for sharing leave a gap that says so.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-chart-draw-private.h"
#include "tandem-date.h"
#include "tandem-disparity-text.h"
#include "tandem-equity-chart.h"
#include "tandem-render-text-private.h"

typedef TandemRenderRgb Rgb;

typedef struct
{
  double   base;       /* body type size */
  double   line;       /* data lines */
  double   thin;       /* grid, limits */
  double   radius;     /* markers */
  Rgb      ink;
  Rgb      muted;
  Rgb      faint;      /* grid */
  Rgb      data;
  Rgb      limits;
  Rgb      reference;  /* the reference group's centre line in every panel */
  Rgb      band;       /* the ratio's interval */
  Rgb      outside;    /* a point outside its limits */
  gboolean mono;
} Style;

typedef struct
{
  guint32  julian;
  char    *label;
  gboolean phase;      /* a new phase starts here; else a numbered change or note */
} Mark;

typedef struct
{
  guint            group;
  /* Small multiples: the group's points, one per date with a denominator. */
  GPtrArray       *dates;
  GArray          *counts;
  GArray          *denominators;
  double          *xv;
  TandemSpcResult *result;
  TandemSpcPoint  *points;
  char            *problem;
  /* Where the last draw put the plot. */
  double           x, y, w, h;
} Panel;

struct _TandemEquityChart
{
  TandemEquityView        view;
  TandemDisparityOptions  options;
  char                  **names;
  guint                   n_groups;
  TandemDisparitySeries  *series;
  GPtrArray              *panels;
  GArray                 *marks;
  gboolean                analysed;
  char                   *title;
  char                   *unit;
  char                   *words;
  guint                   threshold;
  TandemChartStyle        style;

  /* The axes of the last draw: dates as day numbers; values, or the log10
   * of ratios in the disparity view. */
  double                  x_min, x_max;
  double                  v_min, v_max;
  guint                   n_hidden;
  guint                   n_no_ratio;
};

/* ------------------------------------------------------------------------ */
/* Styles                                                                     */

/* The type and lines: see TandemRenderScale. */
static const TandemRenderScale equity_scale = {
  .type_per_a4 = 11, .print_min = 8, .type_max = 36,
  .print_line = 0.14, .print_thin = 0.08, .print_radius = 0.3,
  .contrast_line = 0.18, .contrast_thin = 0.11, .contrast_radius = 0.34,
  .screen_radius = 3.4,
};

static void
style_init (Style            *style,
            TandemChartStyle  which,
            double            width)
{
  TandemRenderSizes sizes;

  memset (style, 0, sizeof *style);
  _tandem_render_sizes (&equity_scale, which, width, &sizes);
  style->base = sizes.base;
  style->line = sizes.line;
  style->thin = sizes.thin;
  style->radius = sizes.radius;
  style->ink = (Rgb) { 0.13, 0.13, 0.13 };
  style->muted = (Rgb) { 0.38, 0.38, 0.38 };
  style->faint = (Rgb) { 0.88, 0.88, 0.88 };
  style->data = (Rgb) { 0.0, 0.369, 0.722 };
  style->limits = (Rgb) { 0.45, 0.45, 0.45 };
  style->reference = (Rgb) { 0.74, 0.74, 0.74 };
  style->band = (Rgb) { 0.78, 0.86, 0.94 };
  style->outside = (Rgb) { 0.85, 0.42, 0.0 };

  if (which == TANDEM_CHART_STYLE_HIGH_CONTRAST)
    {
      style->ink = style->muted = style->data = style->limits = style->outside = (Rgb) { 0, 0, 0 };
      style->reference = (Rgb) { 0.7, 0.7, 0.7 };
      style->faint = (Rgb) { 0.8, 0.8, 0.8 };
      style->band = (Rgb) { 0.82, 0.82, 0.82 };
      style->mono = TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                      */

static gboolean
julian_of (const char *text,
           guint32    *julian)
{
  char iso[11];
  GDate date;

  if (text == NULL || !tandem_parse_iso_date (text, iso))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) atoi (iso + 8), (GDateMonth) atoi (iso + 5),
                  (GDateYear) atoi (iso));
  if (!g_date_valid (&date))
    return FALSE;
  *julian = g_date_get_julian (&date);
  return TRUE;
}

/* The day in @format, without the space "%e" leaves before 1 to 9. */
static char *
format_julian (guint32     julian,
               const char *format)
{
  return g_strstrip (_tandem_render_format_julian (julian, format));
}

/* ------------------------------------------------------------------------ */
/* Making                                                                     */

static void
panel_free (Panel *panel)
{
  g_ptr_array_unref (panel->dates);
  g_array_unref (panel->counts);
  g_array_unref (panel->denominators);
  g_free (panel->xv);
  g_clear_pointer (&panel->result, tandem_spc_result_free);
  g_free (panel->points);
  g_free (panel->problem);
  g_free (panel);
}

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->label);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const TandemDisparityRow *x = *(const TandemDisparityRow * const *) a;
  const TandemDisparityRow *y = *(const TandemDisparityRow * const *) b;
  int by_date = strcmp (x->date, y->date);

  if (by_date != 0)
    return by_date;
  return x < y ? -1 : x > y;
}

/* A group's points: the rows of each date with a denominator, summed. */
static Panel *
panel_new (guint                     group,
           const TandemDisparityRow **sorted,
           gsize                      n_rows)
{
  Panel *panel = g_new0 (Panel, 1);

  panel->group = group;
  panel->dates = g_ptr_array_new_with_free_func (g_free);
  panel->counts = g_array_new (FALSE, FALSE, sizeof (double));
  panel->denominators = g_array_new (FALSE, FALSE, sizeof (double));
  for (gsize i = 0; i < n_rows; i++)
    {
      const TandemDisparityRow *row = sorted[i];
      guint last = panel->dates->len;

      if (row->group != group || !(row->denominator > 0))
        continue;
      if (last > 0 && g_str_equal (panel->dates->pdata[last - 1], row->date))
        {
          g_array_index (panel->counts, double, last - 1) += row->count;
          g_array_index (panel->denominators, double, last - 1) += row->denominator;
          continue;
        }
      g_ptr_array_add (panel->dates, g_strdup (row->date));
      g_array_append_val (panel->counts, row->count);
      g_array_append_val (panel->denominators, row->denominator);
    }
  return panel;
}

/**
 * tandem_equity_chart_new:
 * @view: which chart
 * @rows: (array length=n_rows): the measure's rows, a count and a
 *   denominator per group per period, in any order
 * @n_rows: how many
 * @names: (array length=n_groups): the groups' names
 * @n_groups: how many groups
 * @options: rates or proportions, per how many, the reference group and
 *   the "Not stated" group, as tandem_disparity_analyse() takes them
 * @error: return location for an error
 *
 * Analyses the rows (tandem_disparity_analyse() for the ratios per
 * quarter; the SPC engine for each group's rates) and keeps what drawing
 * them needs. The disparity view needs a reference group and another
 * group with data; small multiples need a group with data.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 *   (the rows cannot be analysed, or there is nothing to draw)
 */
TandemEquityChart *
tandem_equity_chart_new (TandemEquityView              view,
                         const TandemDisparityRow     *rows,
                         gsize                         n_rows,
                         const char * const           *names,
                         guint                         n_groups,
                         const TandemDisparityOptions *options,
                         GError                      **error)
{
  g_autoptr(TandemEquityChart) chart = g_new0 (TandemEquityChart, 1);
  g_autofree const TandemDisparityRow **sorted = NULL;

  g_return_val_if_fail (names != NULL && n_groups > 0 && options != NULL, NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  chart->view = view;
  chart->options = *options;
  chart->n_groups = n_groups;
  chart->names = g_new0 (char *, n_groups + 1);
  for (guint g = 0; g < n_groups; g++)
    chart->names[g] = g_strdup (names[g]);
  chart->panels = g_ptr_array_new_with_free_func ((GDestroyNotify) panel_free);
  chart->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_set_clear_func (chart->marks, mark_clear);
  chart->style = TANDEM_CHART_STYLE_SCREEN;

  if (n_rows == 0)
    {
      g_set_error_literal (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                           _("There are no rows to chart"));
      return NULL;
    }
  if (view == TANDEM_EQUITY_VIEW_DISPARITY && options->reference >= n_groups)
    {
      g_set_error_literal (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE,
                           _("A disparity chart compares groups with a reference group: "
                             "choose one"));
      return NULL;
    }
  chart->series = tandem_disparity_analyse (rows, n_rows, names, n_groups, options, error);
  if (chart->series == NULL)
    return NULL;

  sorted = g_new (const TandemDisparityRow *, n_rows);
  for (gsize i = 0; i < n_rows; i++)
    sorted[i] = &rows[i];
  qsort (sorted, n_rows, sizeof *sorted, compare_rows);

  /* The reference first, then the others in their order; never "Not
   * stated", whose share is a note, not a group. */
  for (guint k = 0; k <= n_groups; k++)
    {
      guint g;
      Panel *panel;

      if (k == 0)
        {
          if (options->reference >= n_groups || view == TANDEM_EQUITY_VIEW_DISPARITY)
            continue;
          g = options->reference;
        }
      else
        {
          g = k - 1;
          if (g == options->reference || g == options->not_stated)
            continue;
        }
      panel = panel_new (g, sorted, n_rows);
      if (panel->dates->len == 0)
        {
          panel_free (panel);
          continue;
        }
      g_ptr_array_add (chart->panels, panel);
    }
  if (chart->panels->len == 0)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   view == TANDEM_EQUITY_VIEW_DISPARITY
                   ? _("Only the reference group, %s, has figures: there is nothing to compare "
                       "it with")
                   : _("No group has a denominator above 0: there is nothing to chart"),
                   options->reference < n_groups ? names[options->reference] : "");
      return NULL;
    }
  return g_steal_pointer (&chart);
}

void
tandem_equity_chart_free (TandemEquityChart *chart)
{
  if (chart == NULL)
    return;
  g_strfreev (chart->names);
  g_clear_pointer (&chart->series, tandem_disparity_series_free);
  g_clear_pointer (&chart->panels, g_ptr_array_unref);
  g_clear_pointer (&chart->marks, g_array_unref);
  g_free (chart->title);
  g_free (chart->unit);
  g_free (chart->words);
  g_free (chart);
}

/**
 * tandem_equity_chart_set_title:
 * @chart: a chart
 * @title: (nullable): the measure's name
 */
void
tandem_equity_chart_set_title (TandemEquityChart *chart,
                               const char        *title)
{
  g_free (chart->title);
  chart->title = g_strdup (title);
}

/**
 * tandem_equity_chart_set_unit:
 * @chart: a chart
 * @unit: (nullable): what the denominator counts, plural ("bed days"), for
 *   the axis: "per 1,000 bed days"
 */
void
tandem_equity_chart_set_unit (TandemEquityChart *chart,
                              const char        *unit)
{
  g_free (chart->unit);
  chart->unit = g_strdup (unit);
}

/**
 * tandem_equity_chart_set_words:
 * @chart: a chart
 * @words: (nullable): what the chart shows in plain English (see
 *   tandem_disparity_dup_sentence()), drawn under it
 */
void
tandem_equity_chart_set_words (TandemEquityChart *chart,
                               const char        *words)
{
  g_free (chart->words);
  chart->words = g_strdup (words);
}

/**
 * tandem_equity_chart_set_threshold:
 * @chart: a chart
 * @threshold: for sharing, hide counts from 1 to this and everything made
 *   from them (%TANDEM_DISPARITY_DEFAULT_THRESHOLD); 0 to show everything,
 *   as the team sees its own numbers
 *
 * What is hidden leaves a gap, and the chart says why.
 */
void
tandem_equity_chart_set_threshold (TandemEquityChart *chart,
                                   guint              threshold)
{
  chart->threshold = threshold;
  tandem_disparity_series_suppress (chart->series, &chart->options, threshold);
}

void
tandem_equity_chart_set_style (TandemEquityChart *chart,
                               TandemChartStyle   style)
{
  chart->style = style;
}

static gboolean
add_mark (TandemEquityChart *chart,
          const char        *date,
          const char        *label,
          gboolean           phase)
{
  Mark mark = { 0, NULL, phase };

  if (!julian_of (date, &mark.julian))
    return FALSE;
  mark.label = g_strdup (label ? label : "");
  g_array_append_val (chart->marks, mark);
  chart->analysed = FALSE;
  return TRUE;
}

/**
 * tandem_equity_chart_add_phase:
 * @chart: a chart
 * @date: the day a new phase starts, yyyy-mm-dd
 * @label: (nullable): what changed ("after cultural safety huddles")
 *
 * Small multiples recalculate each group's limits from the phase's first
 * point; both views draw the phase's start and label.
 *
 * Returns: %FALSE if @date is not a date
 */
gboolean
tandem_equity_chart_add_phase (TandemEquityChart *chart,
                               const char        *date,
                               const char        *label)
{
  return add_mark (chart, date, label, TRUE);
}

/**
 * tandem_equity_chart_add_note:
 * @chart: a chart
 * @date: the day, yyyy-mm-dd
 * @text: the change idea or note
 *
 * A numbered marker on every panel, listed under the chart.
 *
 * Returns: %FALSE if @date is not a date
 */
gboolean
tandem_equity_chart_add_note (TandemEquityChart *chart,
                              const char        *date,
                              const char        *text)
{
  return add_mark (chart, date, text, FALSE);
}

/**
 * tandem_equity_chart_get_series:
 * @chart: a chart
 *
 * Returns: (transfer none): the comparison over the whole span and per
 *   quarter, suppressed as the chart's threshold says
 */
const TandemDisparitySeries *
tandem_equity_chart_get_series (TandemEquityChart *chart)
{
  return chart->series;
}

/* ------------------------------------------------------------------------ */
/* Analysis of each group (small multiples)                                  */

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
panel_analyse (TandemEquityChart *chart,
               Panel             *panel)
{
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (TRUE);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  TandemSpcOptions options;
  guint n = panel->dates->len;

  g_clear_pointer (&panel->result, tandem_spc_result_free);
  g_clear_pointer (&panel->points, g_free);
  g_clear_pointer (&panel->xv, g_free);
  g_clear_pointer (&panel->problem, g_free);

  panel->xv = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      guint32 julian = 0;

      julian_of (panel->dates->pdata[i], &julian);
      panel->xv[i] = julian;
      tandem_spc_data_add (data, panel->dates->pdata[i], g_array_index (panel->counts, double, i),
                           g_array_index (panel->denominators, double, i));
    }

  /* A phase starts at the first point on or after its day. */
  for (guint m = 0; m < chart->marks->len; m++)
    if (g_array_index (chart->marks, Mark, m).phase)
      g_array_append_val (starts, g_array_index (chart->marks, Mark, m).julian);
  g_array_sort (starts, compare_julian);
  for (guint s = 0; s < starts->len; s++)
    {
      gsize before = 0;

      while (before < n && panel->xv[before] < g_array_index (starts, guint32, s))
        before++;
      if (before >= 1 && before < n &&
          (parts->len == 0 || g_array_index (parts, gsize, parts->len - 1) < before))
        g_array_append_val (parts, before);
    }

  tandem_spc_options_init (&options);
  options.chart = chart->options.kind == TANDEM_DISPARITY_PROPORTION ? TANDEM_SPC_CHART_P
                                                                      : TANDEM_SPC_CHART_U;
  options.multiply = chart->options.per;
  options.direction = TANDEM_SPC_DIRECTION_DECREASE;
  options.parts = (const gsize *) (gpointer) parts->data;
  options.n_parts = parts->len;
  tandem_spc_options_set_natural_bounds (&options, data);
  panel->result = tandem_spc_analyse (data, &options, &error);
  if (panel->result == NULL)
    {
      panel->problem = g_strdup (error->message);
      return;
    }
  panel->points = g_new (TandemSpcPoint, MAX (panel->result->n_points, 1));
  for (gsize i = 0; i < panel->result->n_points; i++)
    tandem_spc_result_get_point (panel->result, i, &panel->points[i]);
}

static void
ensure_analysed (TandemEquityChart *chart)
{
  if (chart->analysed)
    return;
  if (chart->view == TANDEM_EQUITY_VIEW_GROUPS)
    for (guint p = 0; p < chart->panels->len; p++)
      panel_analyse (chart, chart->panels->pdata[p]);
  chart->analysed = TRUE;
}

/* A point a shared chart must not show: a count from 1 to the threshold. */
static gboolean
is_hidden (TandemEquityChart *chart,
           double             count)
{
  return chart->threshold > 0 && count >= 1 && count <= chart->threshold;
}

/* Whether a quarter's ratio is drawn: estimated, above 0 and not hidden. */
static gboolean
quarter_drawn (const TandemDisparityPeriod *period,
               guint                        group)
{
  const TandemDisparityGroup *g = &period->disparity->groups[group];

  return period->has_data[group] && g->status == TANDEM_RATIO_ESTIMATED && g->ratio > 0 &&
         isfinite (g->lcl) && g->lcl > 0 && isfinite (g->ucl) && !g->ratio_suppressed;
}

static double
quarter_x (const TandemDisparityPeriod *period)
{
  guint32 from = 0, to = 0;

  julian_of (period->from, &from);
  julian_of (period->to, &to);
  return (from + (double) to) / 2;
}

/* ------------------------------------------------------------------------ */
/* Text                                                                       */

/* A paragraph wrapped at @width; returns its height. */
static double
draw_paragraph (cairo_t     *cr,
                PangoLayout *layout,
                const char  *text,
                double       x,
                double       y,
                double       width)
{
  double h;

  pango_layout_set_width (layout, (int) (MAX (width, 10) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  _tandem_render_draw_text (cr, layout, text, x, y, 0, NULL, &h);
  pango_layout_set_width (layout, -1);
  return h;
}

static char *
format_tick (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "%.4g", fabs (value) < 1e-12 ? 0 : value);
  return g_strdup (buffer);
}

/* "per 1,000 bed days", "%" */
static char *
axis_label (TandemEquityChart *chart)
{
  const TandemDisparityOptions *o = &chart->options;
  const char *reference = o->reference < chart->n_groups ? chart->names[o->reference] : "";
  g_autofree char *per = NULL;

  if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
    return g_strdup_printf (o->kind == TANDEM_DISPARITY_RATE ? _("Rate ratio to %s (log scale)")
                                                             : _("Risk ratio to %s (log scale)"),
                            reference);
  if (o->kind == TANDEM_DISPARITY_PROPORTION && o->per == 100)
    return g_strdup ("%");
  per = o->per >= 1000 && fmod (o->per, 1000) == 0
        ? g_strdup_printf ("%.0f,%03.0f", floor (o->per / 1000), fmod (o->per, 1000))
        : format_tick (o->per);
  if (o->per >= 1000000)
    {
      g_free (per);
      per = format_tick (o->per);
    }
  if (chart->unit && *chart->unit)
    return g_strdup_printf (_("per %s %s"), per, chart->unit);
  return g_strdup_printf (o->kind == TANDEM_DISPARITY_RATE ? _("rate per %s")
                                                           : _("per %s people"), per);
}

/* ------------------------------------------------------------------------ */
/* Patterns: each group's own, besides its name                              */

static void
shape_path (cairo_t           *cr,
            TandemRenderShape  shape,
            double             x,
            double             y,
            double             r)
{
  /* each shape's size beside a circle of radius @r, by TandemRenderShape */
  static const double scale[TANDEM_RENDER_N_SHAPES] = { 1, 0.9, 1.25, 1.3, 1.45, 1 };

  if (shape < TANDEM_RENDER_N_SHAPES)
    r *= scale[shape];
  _tandem_render_shape_path (cr, shape, x, y, r);
}

/* The shape of the group in place @index: each its own, round the six. */
static TandemRenderShape
group_shape (guint index)
{
  return (TandemRenderShape) (index % TANDEM_RENDER_N_SHAPES);
}

static void
draw_shape (cairo_t           *cr,
            const Style       *style,
            TandemRenderShape  shape,
            const Rgb         *colour,
            double             x,
            double             y)
{
  shape_path (cr, shape, x, y, style->radius);
  _tandem_render_set_rgb (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, style->thin * 0.7);
  cairo_stroke (cr);
}

/* The panel's line: solid, dashed, dotted, dash-dot… by its place. */
static void
set_pattern (cairo_t     *cr,
             const Style *style,
             guint        panel)
{
  double b = style->base;
  double patterns[][4] = {
    { 0, 0, 0, 0 },
    { b * 0.6, b * 0.3, 0, 0 },
    { b * 0.12, b * 0.3, 0, 0 },
    { b * 0.7, b * 0.25, b * 0.12, b * 0.25 },
    { b * 1.1, b * 0.35, 0, 0 },
    { b * 0.3, b * 0.2, b * 0.3, b * 0.6 },
  };
  guint k = panel % G_N_ELEMENTS (patterns);

  if (k == 0)
    cairo_set_dash (cr, NULL, 0, 0);
  else
    cairo_set_dash (cr, patterns[k], patterns[k][2] > 0 ? 4 : 2, 0);
}

/* ------------------------------------------------------------------------ */
/* Axes                                                                       */

static double
to_x (TandemEquityChart *chart,
      const Panel       *panel,
      double             julian)
{
  return panel->x + (julian - chart->x_min) / (chart->x_max - chart->x_min) * panel->w;
}

/* A value on the shared axis; in the disparity view, a ratio on the log axis. */
static double
to_y (TandemEquityChart *chart,
      const Panel       *panel,
      double             value)
{
  double v = chart->view == TANDEM_EQUITY_VIEW_DISPARITY ? log10 (value) : value;

  return panel->y + panel->h - (v - chart->v_min) / (chart->v_max - chart->v_min) * panel->h;
}

/* The values of the shared axis's labels: a nice linear step, or on the
 * log axis 1, 2, 5, 10… (or only the powers of ten when they crowd). */
static GArray *
axis_ticks (TandemEquityChart *chart,
            double             plot_h,
            double             spacing)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double most = MAX (plot_h / spacing, 2);

  if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
    {
      static const double mantissas[][3] = { { 1, 2, 5 }, { 1, 3, 0 }, { 1, 0, 0 } };

      for (guint level = 0; level < G_N_ELEMENTS (mantissas); level++)
        {
          g_array_set_size (ticks, 0);
          for (int e = (int) floor (chart->v_min) - 1; e <= (int) ceil (chart->v_max); e++)
            for (guint k = 0; k < 3; k++)
              {
                double v = mantissas[level][k] * pow (10, e);

                if (v > 0 && log10 (v) >= chart->v_min - 1e-9 && log10 (v) <= chart->v_max + 1e-9)
                  g_array_append_val (ticks, v);
              }
          if (ticks->len <= most)
            break;
        }
      return ticks;
    }

  {
    double step = _tandem_render_nice_step (chart->v_max - chart->v_min, most);

    for (double v = ceil (chart->v_min / step) * step; v <= chart->v_max + step * 1e-9; v += step)
      {
        double t = fabs (v) < step * 1e-9 ? 0 : v;

        g_array_append_val (ticks, t);
      }
  }
  return ticks;
}

/* Month ticks along a panel's x axis, every 1, 3, 6, 12… months as they fit. */
static void
draw_date_axis (TandemEquityChart *chart,
                const Panel       *panel,
                cairo_t           *cr,
                PangoLayout       *layout,
                const Style       *style,
                double             label_y)
{
  static const int steps[] = { 1, 3, 6, 12, 24, 60, 120 };
  double span = chart->x_max - chart->x_min, label_w;
  int step = steps[G_N_ELEMENTS (steps) - 1];
  GDate date;
  guint last_year = 0;

  _tandem_render_draw_text (NULL, layout, "Sep 2026", 0, 0, 0, &label_w, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / (steps[i] * 30.44) * label_w * 1.3 <= panel->w)
      {
        step = steps[i];
        break;
      }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) ceil (chart->x_min));
  g_date_set_day (&date, 1);
  while (g_date_get_julian (&date) < chart->x_min || (g_date_get_month (&date) - 1) % MIN (step, 12) != 0)
    g_date_add_months (&date, 1);
  while (g_date_get_julian (&date) <= chart->x_max)
    {
      double x = to_x (chart, panel, g_date_get_julian (&date));
      g_autofree char *text = format_julian (g_date_get_julian (&date),
                                             step >= 12 ? "%Y"
                                             : last_year != g_date_get_year (&date) ? "%b %Y"
                                                                                    : "%b");

      double w;

      _tandem_render_set_rgb (cr, &style->ink);
      cairo_set_line_width (cr, style->thin);
      cairo_move_to (cr, x, panel->y + panel->h);
      cairo_line_to (cr, x, panel->y + panel->h + style->base * 0.3);
      cairo_stroke (cr);
      /* A label that would reach into the next panel is left off. */
      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, &w, NULL);
      if (x + w / 2 <= panel->x + panel->w + style->base * 0.3)
        {
          _tandem_render_draw_text (cr, layout, text, x, label_y, 0.5, NULL, NULL);
          last_year = g_date_get_year (&date);
        }
      g_date_add_months (&date, step);
    }
}

/* ------------------------------------------------------------------------ */
/* Ranges                                                                     */

static void
compute_ranges (TandemEquityChart *chart)
{
  double x_lo = INFINITY, x_hi = -INFINITY, lo = INFINITY, hi = -INFINITY;

  if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
    {
      GPtrArray *quarters = chart->series->quarters;

      for (guint q = 0; q < quarters->len; q++)
        {
          const TandemDisparityPeriod *period = quarters->pdata[q];
          guint32 from = 0, to = 0;

          julian_of (period->from, &from);
          julian_of (period->to, &to);
          x_lo = MIN (x_lo, from);
          x_hi = MAX (x_hi, to);
          for (guint p = 0; p < chart->panels->len; p++)
            {
              const Panel *panel = chart->panels->pdata[p];
              const TandemDisparityGroup *g = &period->disparity->groups[panel->group];

              if (!quarter_drawn (period, panel->group))
                continue;
              lo = MIN (lo, log10 (g->lcl));
              hi = MAX (hi, log10 (g->ucl));
            }
        }
      /* 1 always shows, and the axis spans at least 0.5 to 2. */
      lo = MIN (MIN (lo, 0), -log10 (2));
      hi = MAX (MAX (hi, 0), log10 (2));
      lo = MAX (lo, -4);
      hi = MIN (hi, 4);
      chart->v_min = lo - (hi - lo) * 0.04;
      chart->v_max = hi + (hi - lo) * 0.04;
      chart->x_min = x_lo - 10;
      chart->x_max = x_hi + 10;
      return;
    }

  for (guint p = 0; p < chart->panels->len; p++)
    {
      const Panel *panel = chart->panels->pdata[p];

      for (guint i = 0; i < panel->dates->len; i++)
        {
          x_lo = MIN (x_lo, panel->xv[i]);
          x_hi = MAX (x_hi, panel->xv[i]);
        }
      if (panel->result == NULL)
        continue;
      for (gsize i = 0; i < panel->result->n_points; i++)
        {
          const TandemSpcPoint *pt = &panel->points[i];

          if (isfinite (pt->y) && !is_hidden (chart, g_array_index (panel->counts, double, i)))
            hi = MAX (hi, pt->y);
          if (isfinite (pt->cl))
            hi = MAX (hi, pt->cl);
        }
    }
  /* The limits of a small denominator can be far above every point: they
   * are drawn up to half as far again above the highest value, and cut. */
  if (!isfinite (hi) || hi <= 0)
    hi = 1;
  for (guint p = 0; p < chart->panels->len; p++)
    {
      const Panel *panel = chart->panels->pdata[p];

      for (gsize i = 0; panel->result != NULL && i < panel->result->n_points; i++)
        if (isfinite (panel->points[i].ucl) && panel->points[i].ucl <= hi * 1.5)
          lo = MAX (isfinite (lo) ? lo : 0, panel->points[i].ucl);
    }
  if (isfinite (lo))
    hi = MAX (hi, lo);
  if (chart->options.kind == TANDEM_DISPARITY_PROPORTION)
    hi = MIN (hi, chart->options.per);
  chart->v_min = 0;
  chart->v_max = hi * 1.05;
  if (x_hi <= x_lo)
    {
      x_lo -= 15;
      x_hi += 15;
    }
  {
    double pad = (x_hi - x_lo) * 0.03;

    chart->x_min = x_lo - pad;
    chart->x_max = x_hi + pad;
  }
}

/* ------------------------------------------------------------------------ */
/* Drawing a panel                                                            */

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

/* A centre line or limit of @of's points drawn in the panel @on, as steps
 * (each point's value spans half way to its neighbours), within one phase. */
static void
step_line (TandemEquityChart *chart,
           cairo_t           *cr,
           const Panel       *on,
           const Panel       *of,
           LineKind           kind,
           gsize              first,
           gsize              last)
{
  gboolean drawing = FALSE;
  double prev = NAN;

  for (gsize i = first; i <= last; i++)
    {
      double v = line_value (&of->points[i], kind);
      double left = i == first ? of->xv[i] : (of->xv[i - 1] + of->xv[i]) / 2;
      double right = i == last ? of->xv[i] : (of->xv[i] + of->xv[i + 1]) / 2;

      if (!isfinite (v))
        {
          drawing = FALSE;
          prev = NAN;
          continue;
        }
      if (!drawing)
        cairo_move_to (cr, to_x (chart, on, left), to_y (chart, on, v));
      else if (v != prev)
        {
          cairo_line_to (cr, to_x (chart, on, left), to_y (chart, on, prev));
          cairo_line_to (cr, to_x (chart, on, left), to_y (chart, on, v));
        }
      drawing = TRUE;
      if (i == last || line_value (&of->points[i + 1], kind) != v)
        cairo_line_to (cr, to_x (chart, on, right), to_y (chart, on, v));
      prev = v;
    }
}

static const Panel *
reference_panel (TandemEquityChart *chart)
{
  for (guint p = 0; p < chart->panels->len; p++)
    {
      const Panel *panel = chart->panels->pdata[p];

      if (panel->group == chart->options.reference && panel->result != NULL)
        return panel;
    }
  return NULL;
}

/* One group's rate per period with its limits, and the reference group's
 * centre line, faint. */
static void
draw_groups_panel (TandemEquityChart *chart,
                   cairo_t           *cr,
                   PangoLayout       *layout,
                   const Style       *style,
                   guint              index)
{
  const Panel *panel = chart->panels->pdata[index];
  const Panel *reference = reference_panel (chart);
  const TandemSpcResult *r = panel->result;
  gboolean drawing = FALSE;

  if (r == NULL)
    {
      _tandem_render_set_rgb (cr, &style->muted);
      _tandem_render_set_font (layout, style->base * 0.8, FALSE);
      draw_paragraph (cr, layout, panel->problem, panel->x + style->base * 0.5,
                      panel->y + style->base * 0.5, panel->w - style->base);
      return;
    }

  if (reference != NULL && reference != panel)
    {
      const TandemSpcPoint *end = &reference->points[reference->result->n_points - 1];

      _tandem_render_set_rgb (cr, &style->reference);
      cairo_set_line_width (cr, style->thin * 3.5);
      for (gsize k = 0; k < reference->result->n_phases; k++)
        {
          step_line (chart, cr, panel, reference, LINE_CL, reference->result->phases[k].first - 1,
                     reference->result->phases[k].last - 1);
          cairo_stroke (cr);
        }
      if (isfinite (end->cl))
        {
          double h;

          _tandem_render_set_font (layout, style->base * 0.7, FALSE);
          _tandem_render_draw_text (NULL, layout, chart->names[reference->group], 0, 0, 0, NULL, &h);
          _tandem_render_draw_text (cr, layout, chart->names[reference->group], panel->x + panel->w,
                     to_y (chart, panel, end->cl) - h - style->thin * 2, 1, NULL, NULL);
        }
    }

  for (gsize k = 0; k < r->n_phases; k++)
    {
      double dash[] = { style->base * 0.35, style->base * 0.25 };
      gsize first = r->phases[k].first - 1, last = r->phases[k].last - 1;

      _tandem_render_set_rgb (cr, &style->limits);
      cairo_set_line_width (cr, style->thin);
      cairo_set_dash (cr, dash, 2, 0);
      step_line (chart, cr, panel, panel, LINE_LCL, first, last);
      cairo_stroke (cr);
      step_line (chart, cr, panel, panel, LINE_UCL, first, last);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      _tandem_render_set_rgb (cr, &style->ink);
      cairo_set_line_width (cr, style->thin * 1.4);
      step_line (chart, cr, panel, panel, LINE_CL, first, last);
      cairo_stroke (cr);
    }

  /* The rates, in the group's own line; a hidden point breaks it. */
  _tandem_render_set_rgb (cr, &style->data);
  cairo_set_line_width (cr, style->line);
  set_pattern (cr, style, index);
  for (gsize i = 0; i < r->n_points; i++)
    {
      double y = panel->points[i].y;

      if (!isfinite (y) || is_hidden (chart, g_array_index (panel->counts, double, i)))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, to_x (chart, panel, panel->xv[i]), to_y (chart, panel, y));
      else
        cairo_move_to (cr, to_x (chart, panel, panel->xv[i]), to_y (chart, panel, y));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (gsize i = 0; i < r->n_points; i++)
    {
      const TandemSpcPoint *p = &panel->points[i];
      double x = to_x (chart, panel, panel->xv[i]);

      if (!isfinite (p->y))
        continue;
      if (is_hidden (chart, g_array_index (panel->counts, double, i)))
        continue;
      if (p->signals & TANDEM_SPC_SIGNAL_OUTSIDE)
        {
          /* Outside the limits: a ring around the point as well as colour. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, to_y (chart, panel, p->y), style->radius * 2.2, 0, 2 * G_PI);
          _tandem_render_set_rgb (cr, &style->outside);
          cairo_set_line_width (cr, style->thin * 1.5);
          cairo_stroke (cr);
        }
      if (r->n_points * style->radius * 2.4 <= panel->w || (p->signals & TANDEM_SPC_SIGNAL_OUTSIDE))
        draw_shape (cr, style, group_shape (index),
                    (p->signals & TANDEM_SPC_SIGNAL_OUTSIDE) ? &style->outside : &style->data,
                    x, to_y (chart, panel, p->y));
    }
}

/* One group's ratio to the reference per quarter: the band of its
 * interval, the ratio, gaps where there is none to show. */
static void
draw_disparity_panel (TandemEquityChart *chart,
                      cairo_t           *cr,
                      PangoLayout       *layout,
                      const Style       *style,
                      guint              index)
{
  const Panel *panel = chart->panels->pdata[index];
  GPtrArray *quarters = chart->series->quarters;
  guint g = panel->group;
  g_autofree char *fewer = g_strdup_printf (_("<%u"), chart->threshold + 1);
  double half = style->radius * 1.2;

  /* The band, run by run of quarters with a ratio. */
  _tandem_render_set_rgb (cr, &style->band);
  for (guint q = 0; q < quarters->len;)
    {
      guint end = q;

      while (end < quarters->len && quarter_drawn (quarters->pdata[end], g))
        end++;
      if (end == q)
        {
          q++;
          continue;
        }
      for (guint k = q; k < end; k++)
        {
          const TandemDisparityPeriod *period = quarters->pdata[k];
          double x = to_x (chart, panel, quarter_x (period));
          double y = to_y (chart, panel, period->disparity->groups[g].ucl);

          if (k == q)
            cairo_move_to (cr, x - half, y);
          cairo_line_to (cr, x, y);
          if (k + 1 == end)
            cairo_line_to (cr, x + half, y);
        }
      for (guint k = end; k > q; k--)
        {
          const TandemDisparityPeriod *period = quarters->pdata[k - 1];
          double x = to_x (chart, panel, quarter_x (period));
          double y = to_y (chart, panel, period->disparity->groups[g].lcl);

          if (k == end)
            cairo_line_to (cr, x + half, y);
          cairo_line_to (cr, x, y);
          if (k - 1 == q)
            cairo_line_to (cr, x - half, y);
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      q = end;
    }

  /* The line at 1: no difference. */
  _tandem_render_set_rgb (cr, &style->ink);
  cairo_set_line_width (cr, style->thin * 2);
  cairo_move_to (cr, panel->x, to_y (chart, panel, 1));
  cairo_line_to (cr, panel->x + panel->w, to_y (chart, panel, 1));
  cairo_stroke (cr);

  /* Each interval's ends, the ratios joined in the group's own line. */
  _tandem_render_set_rgb (cr, &style->data);
  cairo_set_line_width (cr, style->thin);
  for (guint q = 0; q < quarters->len; q++)
    {
      const TandemDisparityPeriod *period = quarters->pdata[q];
      const TandemDisparityGroup *d = &period->disparity->groups[g];
      double x = to_x (chart, panel, quarter_x (period));

      if (!quarter_drawn (period, g))
        continue;
      cairo_move_to (cr, x, to_y (chart, panel, d->lcl));
      cairo_line_to (cr, x, to_y (chart, panel, d->ucl));
      cairo_move_to (cr, x - half * 0.6, to_y (chart, panel, d->lcl));
      cairo_line_to (cr, x + half * 0.6, to_y (chart, panel, d->lcl));
      cairo_move_to (cr, x - half * 0.6, to_y (chart, panel, d->ucl));
      cairo_line_to (cr, x + half * 0.6, to_y (chart, panel, d->ucl));
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, style->line);
  set_pattern (cr, style, index);
  {
    gboolean drawing = FALSE;

    for (guint q = 0; q < quarters->len; q++)
      {
        const TandemDisparityPeriod *period = quarters->pdata[q];
        double x = to_x (chart, panel, quarter_x (period));

        if (!quarter_drawn (period, g))
          {
            drawing = FALSE;
            continue;
          }
        if (drawing)
          cairo_line_to (cr, x, to_y (chart, panel, period->disparity->groups[g].ratio));
        else
          cairo_move_to (cr, x, to_y (chart, panel, period->disparity->groups[g].ratio));
        drawing = TRUE;
      }
    cairo_stroke (cr);
  }
  cairo_set_dash (cr, NULL, 0, 0);

  _tandem_render_set_font (layout, style->base * 0.7, FALSE);
  for (guint q = 0; q < quarters->len; q++)
    {
      const TandemDisparityPeriod *period = quarters->pdata[q];
      const TandemDisparityGroup *d = &period->disparity->groups[g];
      double x = to_x (chart, panel, quarter_x (period));

      if (quarter_drawn (period, g))
        {
          draw_shape (cr, style, group_shape (index), &style->data, x,
                      to_y (chart, panel, d->ratio));
          continue;
        }
      if (!period->has_data[g])
        continue;
      /* A gap, and at its foot why: hidden small numbers, or no ratio. */
      _tandem_render_set_rgb (cr, &style->muted);
      _tandem_render_draw_text (cr, layout, d->ratio_suppressed ? fewer : "–", x,
                 panel->y + panel->h - style->base * 1.1, 0.5, NULL, NULL);
    }
}

/* The phases' starts and the numbered changes, on a panel. */
static void
draw_marks (TandemEquityChart *chart,
            cairo_t           *cr,
            PangoLayout       *layout,
            const Style       *style,
            const Panel       *panel)
{
  guint number = 0;

  for (guint m = 0; m < chart->marks->len; m++)
    {
      const Mark *mark = &g_array_index (chart->marks, Mark, m);
      double x = to_x (chart, panel, mark->julian);

      if (!mark->phase)
        number++;
      if (mark->julian < chart->x_min || mark->julian > chart->x_max)
        continue;
      if (mark->phase)
        {
          double dash[] = { style->base * 0.4, style->base * 0.3 };

          _tandem_render_set_rgb (cr, &style->limits);
          cairo_set_line_width (cr, style->thin * 1.3);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x, panel->y);
          cairo_line_to (cr, x, panel->y + panel->h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          _tandem_render_set_font (layout, style->base * 0.7, FALSE);
          _tandem_render_set_rgb (cr, &style->ink);
          pango_layout_set_width (layout, (int) (MAX (panel->x + panel->w - x - style->base * 0.4, 10)
                                                 * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          _tandem_render_draw_text (cr, layout, mark->label, x + style->base * 0.25, panel->y + style->base * 0.15,
                     0, NULL, NULL);
          pango_layout_set_width (layout, -1);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
        }
      else
        {
          g_autofree char *text = g_strdup_printf ("%u", number);
          double rr = style->base * 0.5, nh;
          double dash[] = { style->base * 0.15, style->base * 0.25 };

          _tandem_render_set_rgb (cr, &style->muted);
          cairo_set_line_width (cr, style->thin);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x, panel->y + rr * 2.2);
          cairo_line_to (cr, x, panel->y + panel->h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, panel->y + rr * 1.1, rr, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          _tandem_render_set_font (layout, rr * 1.2, TRUE);
          _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, NULL, &nh);
          _tandem_render_draw_text (cr, layout, text, x, panel->y + rr * 1.1 - nh / 2, 0.5, NULL, NULL);
        }
    }
}

/* The group's name over its panel, after a sample of its line and shape. */
static void
draw_panel_title (TandemEquityChart *chart,
                  cairo_t           *cr,
                  PangoLayout       *layout,
                  const Style       *style,
                  guint              index,
                  double             y)
{
  const Panel *panel = chart->panels->pdata[index];
  double sample = style->base * 2.2, h;
  g_autofree char *name = NULL;

  _tandem_render_set_font (layout, style->base * 0.95, TRUE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &h);
  _tandem_render_set_rgb (cr, &style->data);
  cairo_set_line_width (cr, style->line);
  set_pattern (cr, style, index);
  cairo_move_to (cr, panel->x, y + h / 2);
  cairo_line_to (cr, panel->x + sample, y + h / 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_shape (cr, style, group_shape (index), &style->data, panel->x + sample / 2, y + h / 2);

  name = panel->group == chart->options.reference
         ? g_strdup_printf (_("%s (reference)"), chart->names[panel->group])
         : g_strdup (chart->names[panel->group]);
  _tandem_render_set_rgb (cr, &style->ink);
  pango_layout_set_width (layout, (int) (MAX (panel->w - sample - style->base * 0.5, 10) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _tandem_render_draw_text (cr, layout, name, panel->x + sample + style->base * 0.5, y, 0, NULL, NULL);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

/* ------------------------------------------------------------------------ */
/* Under the panels: the key, the notes, the words                           */

typedef enum
{
  KEY_REFERENCE,   /* the reference group's centre line, faint and wide */
  KEY_CENTRE,      /* a group's own centre line */
  KEY_LIMITS,
  KEY_OUTSIDE,
  KEY_BAND,
  KEY_ONE,
} KeyKind;

static void
draw_key_symbol (cairo_t     *cr,
                 const Style *style,
                 KeyKind      kind,
                 double       x,
                 double       y,
                 double       w)
{
  double limit_dash[] = { style->base * 0.35, style->base * 0.25 };

  switch (kind)
    {
    case KEY_REFERENCE:
      _tandem_render_set_rgb (cr, &style->reference);
      cairo_set_line_width (cr, style->thin * 3.5);
      break;
    case KEY_CENTRE:
      _tandem_render_set_rgb (cr, &style->ink);
      cairo_set_line_width (cr, style->thin * 1.4);
      break;
    case KEY_LIMITS:
      _tandem_render_set_rgb (cr, &style->limits);
      cairo_set_line_width (cr, style->thin);
      cairo_set_dash (cr, limit_dash, 2, 0);
      break;
    case KEY_OUTSIDE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w / 2, y, style->radius * 2.2, 0, 2 * G_PI);
      _tandem_render_set_rgb (cr, &style->outside);
      cairo_set_line_width (cr, style->thin * 1.5);
      cairo_stroke (cr);
      draw_shape (cr, style, TANDEM_RENDER_SHAPE_CIRCLE, &style->outside, x + w / 2, y);
      return;
    case KEY_BAND:
      _tandem_render_set_rgb (cr, &style->band);
      cairo_rectangle (cr, x, y - style->base * 0.4, w, style->base * 0.8);
      cairo_fill (cr);
      return;
    case KEY_ONE:
    default:
      _tandem_render_set_rgb (cr, &style->ink);
      cairo_set_line_width (cr, style->thin * 2);
      break;
    }
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The key in one or more lines, then the notes and the words; draws only
 * if @cr is not NULL, and returns the height. */
static double
draw_under (TandemEquityChart *chart,
            cairo_t           *cr,
            PangoLayout       *layout,
            const Style       *style,
            double             x,
            double             y,
            double             width)
{
  struct { KeyKind kind; char *text; } keys[4];
  guint n_keys = 0;
  const char *reference = chart->options.reference < chart->n_groups
                          ? chart->names[chart->options.reference] : NULL;
  double cx = x, cy = y, line_h, symbol_w = style->base * 2.2;
  g_autoptr(GString) notes = g_string_new (NULL);
  guint number = 0;

  if (chart->view == TANDEM_EQUITY_VIEW_GROUPS)
    {
      keys[n_keys].kind = KEY_CENTRE;
      keys[n_keys++].text = g_strdup (chart->options.kind == TANDEM_DISPARITY_RATE
                                      ? _("mean (U chart)") : _("mean (P chart)"));
      keys[n_keys].kind = KEY_LIMITS;
      keys[n_keys++].text = g_strdup (_("limits"));
      keys[n_keys].kind = KEY_OUTSIDE;
      keys[n_keys++].text = g_strdup (_("outside the limits"));
      if (reference_panel (chart) != NULL && chart->panels->len > 1)
        {
          keys[n_keys].kind = KEY_REFERENCE;
          keys[n_keys++].text = g_strdup_printf (_("%s's mean, in every panel"), reference);
        }
    }
  else
    {
      keys[n_keys].kind = KEY_BAND;
      keys[n_keys++].text = g_strdup (_("95% interval"));
      keys[n_keys].kind = KEY_ONE;
      keys[n_keys++].text = g_strdup_printf (_("1: the same as %s"), reference);
    }

  _tandem_render_set_font (layout, style->base * 0.8, FALSE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &line_h);
  for (guint k = 0; k < n_keys; k++)
    {
      double w;

      _tandem_render_draw_text (NULL, layout, keys[k].text, 0, 0, 0, &w, NULL);
      if (cx > x && cx + symbol_w + w + style->base * 0.4 > x + width)
        {
          cx = x;
          cy += line_h * 1.25;
        }
      if (cr)
        {
          draw_key_symbol (cr, style, keys[k].kind, cx, cy + line_h / 2, symbol_w);
          _tandem_render_set_rgb (cr, &style->ink);
          _tandem_render_draw_text (cr, layout, keys[k].text, cx + symbol_w + style->base * 0.4, cy, 0, NULL, NULL);
        }
      cx += symbol_w + w + style->base * 1.4;
      g_free (keys[k].text);
    }
  cy += line_h * 1.4;

  /* The numbered changes. */
  for (guint m = 0; m < chart->marks->len; m++)
    {
      const Mark *mark = &g_array_index (chart->marks, Mark, m);
      g_autofree char *when = format_julian (mark->julian, "%e %b %Y");

      if (mark->phase)
        continue;
      g_string_append_printf (notes, "%s%u. %s — %s", notes->len > 0 ? "   " : "", ++number,
                              when, mark->label);
    }
  if (notes->len > 0)
    cy += draw_paragraph (cr, layout, notes->str, x, cy, width) + line_h * 0.3;

  /* What is not shown, and why. */
  g_string_truncate (notes, 0);
  if (chart->n_hidden > 0)
    {
      if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
        g_string_append_printf (notes, ngettext ("%u quarter is left out (marked <%u): a count "
                                                 "from 1 to %u is not shared, nor the ratio made "
                                                 "from it.",
                                                 "%u quarters are left out (marked <%u): a count "
                                                 "from 1 to %u is not shared, nor the ratio made "
                                                 "from it.", chart->n_hidden),
                                chart->n_hidden, chart->threshold + 1, chart->threshold);
      else
        g_string_append_printf (notes, ngettext ("%u point is left out: a count from 1 to %u "
                                                 "(fewer than %u) is not shared.",
                                                 "%u points are left out: a count from 1 to %u "
                                                 "(fewer than %u) is not shared.", chart->n_hidden),
                                chart->n_hidden, chart->threshold, chart->threshold + 1);
    }
  if (chart->n_no_ratio > 0)
    g_string_append_printf (notes, ngettext ("%s%u quarter has no ratio (marked –): no events in "
                                             "a group, or no figures for %s.",
                                             "%s%u quarters have no ratio (marked –): no events in "
                                             "a group, or no figures for %s.", chart->n_no_ratio),
                            notes->len > 0 ? " " : "", chart->n_no_ratio, reference);
  {
    const TandemDisparity *whole = chart->series->whole->disparity;

    if (chart->options.not_stated < chart->n_groups &&
        chart->series->whole->has_data[chart->options.not_stated])
      {
        if (whole->not_stated_suppressed || !isfinite (whole->not_stated_share))
          g_string_append_printf (notes, _("%s“%s” is left out of the comparison; its count is "
                                           "too small to share."),
                                  notes->len > 0 ? " " : "", chart->names[chart->options.not_stated]);
        else
          g_string_append_printf (notes, _("%s“%s”: %.0f%% of the events, left out of the "
                                           "comparison."),
                                  notes->len > 0 ? " " : "", chart->names[chart->options.not_stated],
                                  whole->not_stated_share * 100);
      }
  }
  if (notes->len > 0)
    {
      if (cr)
        _tandem_render_set_rgb (cr, &style->muted);
      cy += draw_paragraph (cr, layout, notes->str, x, cy, width) + line_h * 0.3;
    }

  if (chart->words && *chart->words)
    {
      _tandem_render_set_font (layout, style->base * 0.95, FALSE);
      if (cr)
        _tandem_render_set_rgb (cr, &style->ink);
      cy += line_h * 0.2;
      cy += draw_paragraph (cr, layout, chart->words, x, cy, width);
    }
  return cy - y;
}

/* ------------------------------------------------------------------------ */
/* The whole chart                                                           */

/* Columns for @n panels in a @width × @height area: the panels' smaller
 * side, counted as a panel 1.6 times as wide as high, as large as it can,
 * but never so narrow that a group's name is cut short (@narrowest). */
static guint
choose_columns (guint  n,
                double width,
                double height,
                double narrowest)
{
  guint best = 1;
  double best_size = 0;

  for (guint columns = 1; columns <= n; columns++)
    {
      guint rows = (n + columns - 1) / columns;
      double size = MIN (width / columns / 1.6, height / rows);

      if (columns > 1 && width / columns < narrowest)
        break;

      if (size > best_size * 1.001)
        {
          best = columns;
          best_size = size;
        }
    }
  return best;
}

/**
 * tandem_equity_chart_draw:
 * @chart: a chart
 * @cr: where to draw
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws the title, what is plotted, one panel per group on a shared axis
 * (see #TandemEquityView), the phases and numbered changes on every panel,
 * a key, what is left out and why, and the chart's words.
 */
void
tandem_equity_chart_draw (TandemEquityChart *chart,
                          cairo_t           *cr,
                          double             width,
                          double             height)
{
  Style style;
  PangoLayout *layout;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GArray) ticks = NULL;
  double m, top, title_h = 0, sub_h = 0, label_h, axis_w = 0, under_h, bottom;
  double name_h, gap_x, gap_y, cell_w, cell_h, left;
  guint n = chart->panels->len, columns, rows;
  const char *reference;

  g_return_if_fail (chart != NULL && cr != NULL);

  ensure_analysed (chart);
  compute_ranges (chart);
  reference = chart->options.reference < chart->n_groups ? chart->names[chart->options.reference]
                                                         : NULL;
  style_init (&style, chart->style, width);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  layout = pango_cairo_create_layout (cr);
  m = style.base * 1.2;

  /* Title and what is plotted. */
  label = axis_label (chart);
  _tandem_render_set_rgb (cr, &style.ink);
  _tandem_render_set_font (layout, style.base * 1.55, TRUE);
  pango_layout_set_width (layout, (int) (MAX (width - 2 * m, 50) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _tandem_render_draw_text (cr, layout, chart->title && *chart->title ? chart->title : _("By group"), m, m, 0,
             NULL, &title_h);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
    subtitle = g_strdup_printf (_("Each group against %s, per quarter · %s · 95%% interval"),
                                reference, label);
  else if (reference != NULL)
    subtitle = g_strdup_printf (_("Rate %s, one panel per group, one scale · %s limits · "
                                  "reference: %s"),
                                label, chart->options.kind == TANDEM_DISPARITY_RATE ? _("U chart")
                                                                                    : _("P chart"),
                                reference);
  else
    subtitle = g_strdup_printf (_("Rate %s, one panel per group, one scale · %s limits"),
                                label, chart->options.kind == TANDEM_DISPARITY_RATE ? _("U chart")
                                                                                    : _("P chart"));
  _tandem_render_set_font (layout, style.base * 0.9, FALSE);
  _tandem_render_set_rgb (cr, &style.muted);
  draw_paragraph (cr, layout, subtitle, m, m + title_h + style.base * 0.1, width - 2 * m);
  sub_h = draw_paragraph (NULL, layout, subtitle, m, 0, width - 2 * m);
  top = m + title_h + sub_h + style.base * 0.9;

  /* What goes under the panels, with what is left out and why, decides
   * how much room they have. */
  chart->n_hidden = chart->n_no_ratio = 0;
  {
    GPtrArray *quarters = chart->series->quarters;

    for (guint p = 0; p < n; p++)
      {
        const Panel *panel = chart->panels->pdata[p];

        if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
          for (guint q = 0; q < quarters->len; q++)
            {
              const TandemDisparityPeriod *period = quarters->pdata[q];

              if (quarter_drawn (period, panel->group) || !period->has_data[panel->group])
                continue;
              if (period->disparity->groups[panel->group].ratio_suppressed)
                chart->n_hidden++;
              else
                chart->n_no_ratio++;
            }
        else
          for (gsize i = 0; panel->result != NULL && i < panel->result->n_points; i++)
            if (isfinite (panel->points[i].y) &&
                is_hidden (chart, g_array_index (panel->counts, double, i)))
              chart->n_hidden++;
      }
  }
  under_h = draw_under (chart, NULL, layout, &style, m, 0, width - 2 * m);
  bottom = height - m - under_h - style.base * 0.6;

  _tandem_render_set_font (layout, style.base * 0.8, FALSE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &label_h);
  _tandem_render_set_font (layout, style.base * 0.95, TRUE);
  _tandem_render_draw_text (NULL, layout, "Ag", 0, 0, 0, NULL, &name_h);
  name_h += style.base * 0.35;
  gap_x = style.base * 1.6;
  gap_y = style.base * 0.8;

  /* The shared axis's labels decide the left margin. */
  _tandem_render_set_font (layout, style.base * 0.8, FALSE);
  columns = choose_columns (n, width - 2 * m, MAX (bottom - top, style.base * 8), style.base * 17);
  rows = (n + columns - 1) / columns;
  cell_h = (MAX (bottom - top, style.base * 8) - (rows - 1) * gap_y) / rows;
  ticks = axis_ticks (chart, cell_h - name_h - label_h * 1.6, style.base * 2.2);
  for (guint t = 0; t < ticks->len; t++)
    {
      g_autofree char *text = format_tick (g_array_index (ticks, double, t));
      double w;

      _tandem_render_draw_text (NULL, layout, text, 0, 0, 0, &w, NULL);
      axis_w = MAX (axis_w, w);
    }
  left = m + label_h * 1.4 + axis_w + style.base * 0.5;
  cell_w = (width - left - m - (columns - 1) * gap_x) / columns;

  /* The axis's name, once, down the left. */
  cairo_save (cr);
  cairo_translate (cr, m, top + (bottom - top) / 2);
  cairo_rotate (cr, -G_PI / 2);
  _tandem_render_set_rgb (cr, &style.ink);
  pango_layout_set_width (layout, (int) (MAX (bottom - top, 10) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  _tandem_render_draw_text (cr, layout, label, -(bottom - top) / 2, 0, 0, NULL, NULL);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  cairo_restore (cr);

  for (guint p = 0; p < n; p++)
    {
      Panel *panel = chart->panels->pdata[p];
      guint row = p / columns, column = p % columns;
      double cell_x = left + column * (cell_w + gap_x);
      double cell_y = top + row * (cell_h + gap_y);

      panel->x = cell_x;
      panel->y = cell_y + name_h;
      panel->w = MAX (cell_w, style.base * 4);
      panel->h = MAX (cell_h - name_h - label_h * 1.6, style.base * 3);

      draw_panel_title (chart, cr, layout, &style, p, cell_y);

      /* The grid, and the shared axis's labels on the first column. */
      _tandem_render_set_font (layout, style.base * 0.8, FALSE);
      cairo_set_line_width (cr, style.thin * 0.8);
      for (guint t = 0; t < ticks->len; t++)
        {
          double v = g_array_index (ticks, double, t);
          double y = to_y (chart, panel, v);

          _tandem_render_set_rgb (cr, &style.faint);
          cairo_move_to (cr, panel->x, y);
          cairo_line_to (cr, panel->x + panel->w, y);
          cairo_stroke (cr);
          if (column == 0)
            {
              g_autofree char *text = format_tick (v);

              _tandem_render_set_rgb (cr, &style.ink);
              _tandem_render_draw_text (cr, layout, text, panel->x - style.base * 0.35, y - label_h / 2, 1, NULL,
                         NULL);
            }
        }
      _tandem_render_set_rgb (cr, &style.ink);
      cairo_set_line_width (cr, style.thin);
      cairo_move_to (cr, panel->x, panel->y);
      cairo_line_to (cr, panel->x, panel->y + panel->h);
      cairo_line_to (cr, panel->x + panel->w, panel->y + panel->h);
      cairo_stroke (cr);
      draw_date_axis (chart, panel, cr, layout, &style, panel->y + panel->h + style.base * 0.35);

      draw_marks (chart, cr, layout, &style, panel);
      cairo_save (cr);
      cairo_rectangle (cr, panel->x - style.radius * 3, panel->y - style.radius,
                       panel->w + style.radius * 6, panel->h + style.radius * 2);
      cairo_clip (cr);
      if (chart->view == TANDEM_EQUITY_VIEW_DISPARITY)
        draw_disparity_panel (chart, cr, layout, &style, p);
      else
        draw_groups_panel (chart, cr, layout, &style, p);
      cairo_restore (cr);
    }
  draw_under (chart, cr, layout, &style, m, height - m - under_h, width - 2 * m);
  g_object_unref (layout);
  cairo_restore (cr);
}

/**
 * tandem_equity_chart_draw_page:
 * @cr: where to draw
 * @width: the page width, in points
 * @height: the page height
 * @page_nr: the page (there is one)
 * @chart: a #TandemEquityChart
 *
 * A #TandemDrawPageFunc for printing and exports: the chart on a page with
 * a margin of 10 mm.
 */
void
tandem_equity_chart_draw_page (cairo_t *cr,
                               double   width,
                               double   height,
                               guint    page_nr,
                               gpointer chart)
{
  _tandem_render_draw_on_page (cr, width, height, (TandemRenderDrawFunc) tandem_equity_chart_draw,
                               chart);
}

/* ------------------------------------------------------------------------ */
/* Where the last draw put things                                            */

guint
tandem_equity_chart_get_n_panels (TandemEquityChart *chart)
{
  return chart->panels->len;
}

/**
 * tandem_equity_chart_get_panel_group:
 * @chart: a chart
 * @panel: a panel, from 0
 *
 * Returns: the index of the group the panel shows
 */
guint
tandem_equity_chart_get_panel_group (TandemEquityChart *chart,
                                     guint              panel)
{
  g_return_val_if_fail (panel < chart->panels->len, G_MAXUINT);
  return ((const Panel *) chart->panels->pdata[panel])->group;
}

/**
 * tandem_equity_chart_get_panel_area:
 * @chart: a chart that has been drawn
 * @panel: a panel, from 0
 * @x: (out): the left of its plot
 * @y: (out): the top of its plot
 * @width: (out): the plot's width
 * @height: (out): the plot's height
 *
 * Returns: whether the panel exists and has been drawn
 */
gboolean
tandem_equity_chart_get_panel_area (TandemEquityChart *chart,
                                    guint              panel,
                                    double            *x,
                                    double            *y,
                                    double            *width,
                                    double            *height)
{
  const Panel *p;

  if (panel >= chart->panels->len)
    return FALSE;
  p = chart->panels->pdata[panel];
  if (p->w <= 0)
    return FALSE;
  *x = p->x;
  *y = p->y;
  *width = p->w;
  *height = p->h;
  return TRUE;
}

/**
 * tandem_equity_chart_value_to_y:
 * @chart: a chart that has been drawn
 * @panel: a panel
 * @value: a rate, or in the disparity view a ratio above 0
 *
 * Returns: where the last draw put @value on the panel's axis
 */
double
tandem_equity_chart_value_to_y (TandemEquityChart *chart,
                                guint              panel,
                                double             value)
{
  g_return_val_if_fail (panel < chart->panels->len, NAN);
  return to_y (chart, chart->panels->pdata[panel], value);
}

/**
 * tandem_equity_chart_date_to_x:
 * @chart: a chart that has been drawn
 * @panel: a panel
 * @date: a day, yyyy-mm-dd
 *
 * Returns: where the last draw put @date on the panel's axis, NAN if it is
 *   not a date
 */
double
tandem_equity_chart_date_to_x (TandemEquityChart *chart,
                               guint              panel,
                               const char        *date)
{
  guint32 julian;

  g_return_val_if_fail (panel < chart->panels->len, NAN);
  if (!julian_of (date, &julian))
    return NAN;
  return to_x (chart, chart->panels->pdata[panel], julian);
}

/**
 * tandem_equity_chart_get_n_hidden:
 * @chart: a chart that has been drawn
 *
 * Returns: how many points (small multiples) or quarters (disparity) the
 *   last draw left out because their numbers are too small to share
 */
guint
tandem_equity_chart_get_n_hidden (TandemEquityChart *chart)
{
  return chart->n_hidden;
}
