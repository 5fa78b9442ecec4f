/* test-chart.c — the chart renderer: what it draws where, and what it says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-export.h"
#include "tandem-render-text-private.h"

static void
add (TandemMeasure *measure,
     const char    *date,
     double         value,
     const char    *note)
{
  TandemDataPoint *point = g_new0 (TandemDataPoint, 1);

  point->id = g_strdup_printf ("p%u", measure->points->len);
  point->date = g_strdup (date);
  point->value = value;
  point->denominator = NAN;
  point->note = g_strdup (note);
  g_ptr_array_add (measure->points, point);
}

static char *
week (guint i)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2026);
  g_date_add_days (&date, 7 * i);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

/* An I chart: a stable baseline, then a shift up, then one point far above. */
static TandemMeasure *
shift_measure (void)
{
  static const double values[] = {
    10, 12, 9, 11, 10, 8, 12, 10, 11, 9, 10, 12, 9, 11, 10,
    13, 13.5, 12.5, 13, 14, 13, 12.5, 13.5, 30,
  };
  TandemMeasure *measure = tandem_measure_new ();

  measure->name = g_strdup ("Hours of activity");
  measure->unit = g_strdup ("hours");
  measure->chart = TANDEM_SPC_CHART_I;
  measure->freeze = 15;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i], i == 3 ? "Two staff off sick" : NULL);
    }
  {
    TandemAnnotation *annotation = g_new0 (TandemAnnotation, 1);
    annotation->id = g_strdup ("a1");
    annotation->date = week (15);
    annotation->text = g_strdup ("Evening group starts");
    g_ptr_array_add (measure->annotations, annotation);
  }
  return measure;
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       guint           *r,
       guint           *g,
       guint           *b)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;

  cairo_surface_flush (surface);
  argb = *(const guint32 *) (gconstpointer) (data + (int) y * stride + (int) x * 4);
  *r = (argb >> 16) & 0xff;
  *g = (argb >> 8) & 0xff;
  *b = argb & 0xff;
}

static cairo_surface_t *
draw (TandemChart *chart,
      int          width,
      int          height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  tandem_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_signals_by_shape_and_colour (void)
{
  g_autoptr(TandemMeasure) measure = shift_measure ();
  g_autoptr(TandemChart) chart = tandem_chart_new (measure);
  const TandemSpcResult *result = tandem_chart_get_result (chart);
  cairo_surface_t *surface;
  double x, y, last_x = -1;
  guint r, g, b;
  gsize last = 23;

  g_assert_nonnull (result);
  g_assert_null (tandem_chart_get_problem (chart));
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_MDC);

  surface = draw (chart, 900, 560);

  /* The far point is outside: a diamond, blue for an improvement (higher is better). */
  g_assert_cmpint (tandem_chart_get_marker (chart, last), ==, TANDEM_CHART_MARKER_DIAMOND);
  g_assert_true (tandem_chart_get_point_position (chart, last, &x, &y));
  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpuint (r, <, 40);
  g_assert_cmpuint (b, >, 150);
  /* The shift: squares. A baseline point: a plain dot, grey, not blue. */
  g_assert_cmpint (tandem_chart_get_marker (chart, 17), ==, TANDEM_CHART_MARKER_SQUARE);
  g_assert_cmpint (tandem_chart_get_marker (chart, 2), ==, TANDEM_CHART_MARKER_DOT);
  g_assert_true (tandem_chart_get_point_position (chart, 2, &x, &y));
  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpuint (b, <, 150);
  g_assert_cmpuint ((guint) abs ((int) r - (int) b), <, 50);

  /* Points in date order, left to right, inside the surface; higher values higher up. */
  for (gsize i = 0; i < result->n_points; i++)
    {
      g_assert_true (tandem_chart_get_point_position (chart, i, &x, &y));
      g_assert_cmpfloat (x, >, last_x);
      g_assert_cmpfloat (x, <, 900);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, 560);
      last_x = x;
    }
  {
    double y_low, y_high;
    tandem_chart_get_point_position (chart, 5, &x, &y_low);    /* 8 */
    tandem_chart_get_point_position (chart, last, &x, &y_high); /* 30 */
    g_assert_cmpfloat (y_high, <, y_low);
  }

  /* Hovering finds the point under the pointer, and nothing far from any. */
  tandem_chart_get_point_position (chart, 7, &x, &y);
  g_assert_cmpint (tandem_chart_find_point (chart, x + 2, y - 2, 10), ==, 7);
  g_assert_cmpint (tandem_chart_find_point (chart, 5, 5, 10), ==, -1);
  cairo_surface_destroy (surface);

  /* High contrast: the same signal, black. */
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_HIGH_CONTRAST);
  surface = draw (chart, 900, 560);
  tandem_chart_get_point_position (chart, last, &x, &y);
  pixel (surface, x, y, &r, &g, &b);
  g_assert_cmpuint (r + g + b, <, 60);
  cairo_surface_destroy (surface);
}

static void
test_words (void)
{
  g_autoptr(TandemMeasure) measure = shift_measure ();
  g_autoptr(TandemChart) chart = tandem_chart_new (measure);
  g_autofree char *shift = tandem_chart_describe_point (chart, 17);
  g_autofree char *outside = tandem_chart_describe_point (chart, 23);
  g_autofree char *noted = tandem_chart_describe_point (chart, 3);
  g_autofree char *annotated = tandem_chart_describe_point (chart, 15);
  g_autofree char *summary = tandem_chart_dup_summary (chart);
  g_autofree char *subtitle = tandem_chart_dup_subtitle (chart);

  g_assert_cmpstr (shift, ==, "4 May 2026: 12.5 hours, part of a shift of 9 above the mean");
  g_assert_true (g_str_has_prefix (outside, "15 June 2026: 30 hours"));
  g_assert_nonnull (strstr (outside, "above the upper limit"));
  g_assert_nonnull (strstr (noted, "no signal. Note: Two staff off sick"));
  g_assert_nonnull (strstr (annotated, "Change 1: Evening group starts"));

  g_assert_nonnull (strstr (summary, "Latest point, 15 June 2026: 30 hours."));
  g_assert_nonnull (strstr (summary, "Special cause variation: an improvement."));
  g_assert_nonnull (strstr (summary, "above the upper limit"));
  g_assert_nonnull (strstr (summary, "Shift: "));
  g_assert_cmpstr (subtitle, ==, "I chart (individual values) · Making Data Count rules · 24 points · "
                                 "baseline from the first 15");
}

static guint
annotation_ink (cairo_surface_t *surface,
                double           x,
                double           bottom)
{
  guint n = 0;

  for (double y = 0; y < bottom; y++)
    {
      guint r, g, b;

      pixel (surface, x, y, &r, &g, &b);
      if (abs ((int) r - 64) < 24 && abs ((int) g - 64) < 24 && abs ((int) b - 64) < 24)
        n++;
    }
  return n;
}

/* A note linked to a PDSA cycle, and a PDSA cycle of a linked change idea:
 * numbered markers on the chart, in the legend, in words. */
static void
test_changes (void)
{
  g_autoptr(TandemMeasure) measure = shift_measure ();
  g_autoptr(TandemChart) plain = tandem_chart_new (measure);
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *words = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *before, *after;
  double x, y;

  before = draw (plain, 900, 560);
  tandem_chart_get_point_position (plain, 8, &x, &y);
  {
    TandemAnnotation *note = measure->annotations->pdata[0];
    TandemAnnotation *pdsa = g_new0 (TandemAnnotation, 1);

    note->pdsa_id = g_strdup ("pdsa-1");
    note->linked_title = g_strdup ("Evening group, four nights");
    pdsa->date = week (8);
    pdsa->pdsa_id = g_strdup ("pdsa-0");
    pdsa->node_id = g_strdup ("idea-0");
    pdsa->linked_title = g_strdup ("Huddles twice a day");
    pdsa->from_link = TRUE;
    g_ptr_array_insert (measure->annotations, 0, pdsa);
  }
  chart = tandem_chart_new (measure);
  after = draw (chart, 900, 560);
  /* A numbered disc and a dashed line down to the point, where there was none. */
  {
    guint ink_before = 0, ink_after = 0;

    for (int dx = -3; dx <= 3; dx++)
      {
        ink_before += annotation_ink (before, x + dx, y - 8);
        ink_after += annotation_ink (after, x + dx, y - 8);
      }
    g_assert_cmpuint (ink_before, <, 10);
    g_assert_cmpuint (ink_after, >, 50);
  }
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  words = tandem_chart_describe_point (chart, 8);
  g_assert_nonnull (strstr (words, "Change 1: PDSA cycle: Huddles twice a day"));
  summary = tandem_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "Changes marked on the chart:\n"
                                     "1. 2 March 2026: PDSA cycle: Huddles twice a day.\n"
                                     "2. 20 April 2026: Evening group starts · PDSA cycle: Evening group, four nights.\n"));
}

/* IHI on a run chart: the median, and a trend described by its direction. */
static void
test_run_chart (void)
{
  static const double values[] = { 5, 6, 5, 7, 6, 5, 6, 4, 3, 2.5, 2, 1.5, 1 };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;

  measure->name = g_strdup ("Restraint");
  measure->direction = TANDEM_SPC_DIRECTION_DECREASE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i], NULL);
    }
  chart = tandem_chart_new (measure);
  g_assert_cmpint (tandem_chart_get_result (chart)->rules, ==, TANDEM_SPC_RULES_IHI);
  g_assert_cmpint (tandem_chart_get_marker (chart, 12), ==, TANDEM_CHART_MARKER_TRIANGLE);
  text = tandem_chart_describe_point (chart, 12);
  g_assert_nonnull (strstr (text, "part of a falling trend of 7 points"));
  surface = draw (chart, 600, 400);
  cairo_surface_destroy (surface);
}

/* Shifts on either side of the median are told apart; points on the median
 * neither break a shift nor count in it (IHI). */
static void
test_two_shifts (void)
{
  static const double values[] = { 10, 11, 9, 12, 10, 11, 10, 9, 12, 11, 4, 3, 5, 4, 3, 4, 5, 3 };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  measure->name = g_strdup ("Seclusion hours");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i], NULL);
    }
  chart = tandem_chart_new (measure);
  summary = tandem_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "• Shift: 8 points above the median, 5 Jan 2026 to 9 Mar 2026.\n"));
  g_assert_nonnull (strstr (summary, "• Shift: 8 points below the median, 16 Mar 2026 to 4 May 2026.\n"));
  text = tandem_chart_describe_point (chart, 11);
  g_assert_nonnull (strstr (text, "part of a shift of 8 below the median"));
}

/* More points than pixels: the line is drawn per pixel column, the analysis is whole. */
/* After a phase starts, the words say what changed, at one precision. */
static void
test_phase_words (void)
{
  static const double values[] = { 8, 7, 9, 8, 7, 8, 9, 7, 8, 8, 5, 6, 5, 4, 6, 5, 5, 6, 5, 5 };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *summary = NULL;
  TandemPhase *phase = g_new0 (TandemPhase, 1);

  measure->name = g_strdup ("Incidents");
  measure->unit = g_strdup ("incidents");
  measure->frequency = g_strdup ("weekly");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i], NULL);
    }
  phase->id = g_strdup ("ph1");
  phase->starts_on = week (10);
  phase->label = g_strdup ("after safety huddles");
  g_ptr_array_add (measure->phases, phase);
  chart = tandem_chart_new (measure);
  g_assert_cmpuint (tandem_chart_get_result (chart)->n_phases, ==, 2);
  summary = tandem_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "Since ‘after safety huddles’ (16 Mar 2026) the mean is "
                                     "5.2 incidents a week, down from 7.9.\n"));
}

/* A thousand points with many shifts: how many, then the latest in full. */
static void
test_many_signals_summarised (void)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *summary = NULL;
  guint bullets = 0;

  measure->name = g_strdup ("Many");
  measure->chart = TANDEM_SPC_CHART_RUN;
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *date = week (i);
      /* runs of 8 above, then 8 below: a shift each time */
      add (measure, date, (i / 8) % 2 ? 12 + i % 3 : 4 + i % 3, NULL);
    }
  chart = tandem_chart_new (measure);
  summary = tandem_chart_dup_summary (chart);
  for (const char *c = summary; (c = strstr (c, "• Shift:")) != NULL; c++)
    bullets++;
  g_assert_cmpuint (bullets, ==, 3);
  {
    const char *count = strstr (summary, "• ");
    guint64 n = 0;

    /* "• 83 shifts; the latest 3:" comes first, before the three */
    g_assert_nonnull (strstr (summary, " shifts; the latest 3:\n  • Shift:"));
    g_assert_true (count < strstr (summary, "• Shift:"));
    n = g_ascii_strtoull (count + strlen ("• "), NULL, 10);
    g_assert_cmpuint (n, >, 50);
  }
  /* and the latest in full: the last shift ends in 2045 */
  g_assert_nonnull (strstr (summary, "2 Jan 2045.\n"));
}

/* Weekly counts on an I chart: no lower limit below zero, and no axis there. */
static void
test_count_floor (void)
{
  static const double values[] = { 3, 0, 7, 1, 5, 0, 9, 2, 0, 6, 1, 4 };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  cairo_surface_t *surface;
  TandemSpcPoint point;

  measure->name = g_strdup ("Incidents");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i], NULL);
    }
  chart = tandem_chart_new (measure);
  tandem_spc_result_get_point (tandem_chart_get_result (chart), 0, &point);
  g_assert_cmpfloat (point.lcl, ==, 0);
  surface = draw (chart, 800, 500);
  cairo_surface_destroy (surface);
}

static void
test_decimation (void)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  cairo_surface_t *surface;
  GRand *rand = g_rand_new_with_seed (7);

  measure->name = g_strdup ("Many");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *date = g_strdup_printf ("%05u", i);
      add (measure, date, g_rand_double_range (rand, 0, 10), NULL);
    }
  g_rand_free (rand);
  chart = tandem_chart_new (measure);
  g_assert_cmpuint (tandem_chart_get_result (chart)->n_points, ==, 10000);
  surface = draw (chart, 800, 500);
  g_assert_cmpuint (tandem_chart_get_n_drawn (chart), >, 100);
  g_assert_cmpuint (tandem_chart_get_n_drawn (chart), <=, 800);
  cairo_surface_destroy (surface);

  /* Small: every point is a vertex. */
  {
    g_autoptr(TandemMeasure) small = shift_measure ();
    g_autoptr(TandemChart) few = tandem_chart_new (small);
    surface = draw (few, 800, 500);
    g_assert_cmpuint (tandem_chart_get_n_drawn (few), ==, 24);
    cairo_surface_destroy (surface);
  }
}

/* Whether the pixel under (@x, @y) is a colour of a signal (blue, orange,
 * purple) rather than the grey of the line or the white of the page. */
static gboolean
is_signal_colour (cairo_surface_t *surface,
                  double           x,
                  double           y)
{
  guint r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60;
}

/* A 10,000-point I chart: shifts all through it, and a spike far above the
 * limits every 320 points, each in a pixel column crowded with squares. */
static void
test_dense_signals (void)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  const TandemSpcResult *result;
  cairo_surface_t *surface;
  GRand *rand = g_rand_new_with_seed (20);
  guint outside = 0, marked = 0, shifts = 0;

  measure->name = g_strdup ("Dense");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *date = g_strdup_printf ("%05u", i);
      double noise = g_rand_double (rand) + g_rand_double (rand) - 1;
      double value = 10 + noise * 2 + ((i / 300) % 2 ? 0.3 : -0.3);

      if (i % 320 == 160)
        value = 17.6;
      add (measure, date, value, NULL);
    }
  g_rand_free (rand);
  chart = tandem_chart_new (measure);
  result = tandem_chart_get_result (chart);
  g_assert_nonnull (result);
  surface = draw (chart, 842, 595);

  for (gsize i = 0; i < result->n_points; i++)
    {
      double x, y;

      if (tandem_chart_get_marker (chart, i) == TANDEM_CHART_MARKER_SQUARE)
        shifts++;
      if (tandem_chart_get_marker (chart, i) != TANDEM_CHART_MARKER_DIAMOND)
        continue;
      outside++;
      g_assert_true (tandem_chart_get_point_position (chart, i, &x, &y));
      if (is_signal_colour (surface, x, y))
        marked++;
      g_assert_true (tandem_chart_get_marker_drawn (chart, i));
    }
  g_assert_cmpuint (outside, ==, 31);
  g_assert_cmpuint (shifts, >, 1000);
  /* Every point outside the limits has its marker, however crowded. */
  g_assert_cmpuint (marked, ==, outside);
  /* The crowded shift squares were thinned, and the legend says so. */
  g_assert_cmpuint (tandem_chart_get_markers_thinned (chart), >, 0);
  cairo_surface_destroy (surface);
}

/* A 104-point run chart on an A4 page: every point without a signal is
 * drawn as the dot the legend shows, not left as a bend in the line. */
static void
test_dots_at_104 (void)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  const TandemSpcResult *result;
  cairo_surface_t *surface;
  cairo_t *cr;
  GRand *rand = g_rand_new_with_seed (104);
  const double scale = 3;
  guint dots = 0, drawn = 0;

  measure->name = g_strdup ("Two years, weekly");
  measure->chart = TANDEM_SPC_CHART_RUN;
  for (guint i = 0; i < 104; i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, 20 + g_rand_double_range (rand, -6, 6), NULL);
    }
  g_rand_free (rand);
  chart = tandem_chart_new (measure);
  result = tandem_chart_get_result (chart);
  g_assert_nonnull (result);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842 * scale, 595 * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  tandem_chart_draw (chart, cr, 842, 595);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  for (gsize i = 0; i < result->n_points; i++)
    {
      double x, y;
      guint covered = 0;

      if (tandem_chart_get_marker (chart, i) != TANDEM_CHART_MARKER_DOT)
        continue;
      dots++;
      g_assert_true (tandem_chart_get_point_position (chart, i, &x, &y));
      /* A disc covers every direction around the point; a line through it
       * covers at most the directions it comes from and goes to. */
      for (guint k = 0; k < 16; k++)
        {
          double a = k * G_PI / 8;
          guint r, g, b;

          pixel (surface, (x + 1.5 * cos (a)) * scale, (y + 1.5 * sin (a)) * scale, &r, &g, &b);
          if (r + g + b < 600)
            covered++;
        }
      if (covered == 16)
        drawn++;
      g_assert_true (tandem_chart_get_marker_drawn (chart, i));
    }
  g_assert_cmpuint (dots, >, 50);
  g_assert_cmpuint (drawn, ==, dots);
  cairo_surface_destroy (surface);
}

static double
y_step_at (const double *values,
           guint         n,
           double        add_to_each,
           int           height)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  measure->name = g_strdup ("Restrictive practice incidents");
  measure->unit = g_strdup ("incidents");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = week (i);
      add (measure, date, values[i] + add_to_each, NULL);
    }
  chart = tandem_chart_new (measure);
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, height);
  cr = cairo_create (surface);
  tandem_chart_draw_page (cr, 842, height, 0, chart);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return tandem_chart_get_y_step (chart);
}

/* Counts are labelled in whole numbers (no 7.5 incidents); other values
 * keep the step that fits best. */
static void
test_whole_number_axis (void)
{
  static const double incidents[] = {
    6, 7, 14, 12, 11, 9, 9, 8, 8, 10, 6, 15, 10, 8, 6, 11, 13, 8,
    4, 3, 2, 6, 5, 2, 7, 1, 3, 8, 9, 8, 8, 6, 1, 3, 5, 9, 5, 6,
  };
  guint fractional_steps = 0;

  for (int height = 300; height <= 1200; height += 25)
    {
      double whole = y_step_at (incidents, G_N_ELEMENTS (incidents), 0, height);
      double halves = y_step_at (incidents, G_N_ELEMENTS (incidents), 0.5, height);

      g_assert_cmpfloat (whole, >=, 1);
      g_assert_cmpfloat (whole, ==, floor (whole));
      if (halves != floor (halves))
        {
          fractional_steps++;
          /* (the lower limits are held at 0, so the two ranges differ a
           * little and so may their best steps) */
          g_assert_cmpfloat (whole, !=, halves);
        }
    }
  /* The heights tried include some where the step that fits is 2.5. */
  g_assert_cmpuint (fractional_steps, >, 0);
}

static void
test_no_data (void)
{
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  g_autoptr(TandemChart) chart = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  double x, y;

  measure->name = g_strdup ("Empty");
  chart = tandem_chart_new (measure);
  g_assert_null (tandem_chart_get_result (chart));
  g_assert_nonnull (strstr (tandem_chart_get_problem (chart), "no data yet"));
  summary = tandem_chart_dup_summary (chart);
  g_assert_nonnull (strstr (summary, "no data yet"));
  surface = draw (chart, 400, 300);
  g_assert_false (tandem_chart_get_point_position (chart, 0, &x, &y));
  g_assert_cmpint (tandem_chart_find_point (chart, 10, 10, 10), ==, -1);
  cairo_surface_destroy (surface);

  /* A p chart with no denominators says why it cannot be drawn. */
  {
    g_autoptr(TandemMeasure) p = shift_measure ();
    g_autoptr(TandemChart) pc = NULL;
    p->chart = TANDEM_SPC_CHART_P;
    pc = tandem_chart_new (p);
    g_assert_null (tandem_chart_get_result (pc));
    g_assert_nonnull (strstr (tandem_chart_get_problem (pc), "cannot be drawn"));
  }
}

/* On paper: A4 and A3, PDF, SVG and PNG, through the one draw function. */
static void
test_pages (void)
{
  g_autoptr(TandemMeasure) measure = shift_measure ();
  g_autoptr(TandemChart) chart = tandem_chart_new (measure);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-chart-XXXXXX", &error);
  const char *names[] = { "a4.pdf", "a3.pdf", "a4.svg", "a4.png" };
  TandemExportFormat formats[] = { TANDEM_EXPORT_PDF, TANDEM_EXPORT_PDF, TANDEM_EXPORT_SVG, TANDEM_EXPORT_PNG };
  TandemPaper papers[] = { TANDEM_PAPER_A4, TANDEM_PAPER_A3, TANDEM_PAPER_A4, TANDEM_PAPER_A4 };

  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      double w, h;
      GStatBuf st;

      tandem_paper_get_size (papers[i], TRUE, &w, &h);
      g_assert_true (tandem_export_pages (path, formats[i], w, h, 1, 100, tandem_chart_draw_page,
                                          chart, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      /* The plot fills the page inside the margins. */
      {
        double x, y;
        g_assert_true (tandem_chart_get_point_position (chart, 23, &x, &y));
        g_assert_cmpfloat (x, >, w * 0.7);
        g_assert_cmpfloat (x, <, w);
      }
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A book-length note cannot squash the chart or push it off the page: the
 * notes take at most about half the height, a long one is cut short, and
 * the chart counts what it could not show. */
static void
test_long_note (void)
{
  g_autoptr(TandemMeasure) measure = shift_measure ();
  g_autoptr(TandemChart) chart = NULL;
  GString *text = g_string_new (NULL);
  TandemAnnotation *annotation = g_new0 (TandemAnnotation, 1);
  cairo_surface_t *surface;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  gint64 started;

  for (guint i = 1; i <= 40000; i++)
    g_string_append_printf (text, "w%05u ", i);
  g_free (((TandemAnnotation *) measure->annotations->pdata[0])->text);
  ((TandemAnnotation *) measure->annotations->pdata[0])->text = g_string_free (text, FALSE);
  annotation->id = g_strdup ("a2");
  annotation->date = week (20);
  annotation->text = g_strdup ("Second note");
  g_ptr_array_add (measure->annotations, annotation);

  chart = tandem_chart_new (measure);
  started = g_get_monotonic_time ();
  surface = draw (chart, 842, 595);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  for (gsize i = 0; i < measure->points->len; i++)
    {
      double x, y;

      g_assert_true (tandem_chart_get_point_position (chart, i, &x, &y));
      top = MIN (top, y);
      bottom = MAX (bottom, y);
    }
  g_assert_cmpfloat (top, >, 0);
  g_assert_cmpfloat (bottom - top, >, 595 * 0.25);
  g_assert_cmpuint (tandem_chart_get_notes_cut (chart), ==, 2);
  cairo_surface_destroy (surface);

  /* Short notes are all shown. */
  g_clear_pointer (&chart, tandem_chart_free);
  g_ptr_array_remove_index (measure->annotations, 0);
  chart = tandem_chart_new (measure);
  surface = draw (chart, 842, 595);
  g_assert_cmpuint (tandem_chart_get_notes_cut (chart), ==, 0);
  cairo_surface_destroy (surface);
}

/* Charts set their text in the family “Sans” stands for on the font map (so
 * that Pango loads fewer fonts): the text draws in the very font “Sans”
 * loads, in each size and weight. */
static void
test_text_in_sans (void)
{
  static const struct { double size; gboolean bold; } fonts[] = {
    { 9.9, FALSE }, { 8.7, FALSE }, { 16.6, TRUE }, { 18.1, TRUE },
  };
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 842, 595);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *sans = pango_font_description_from_string ("Sans");
      g_autoptr(PangoFont) expected = NULL;
      PangoFontDescription *want, *got;
      PangoLayoutRun *run;

      pango_font_description_set_absolute_size (sans, fonts[i].size * PANGO_SCALE);
      if (fonts[i].bold)
        pango_font_description_set_weight (sans, PANGO_WEIGHT_BOLD);
      expected = pango_context_load_font (pango_layout_get_context (layout), sans);
      g_assert_nonnull (expected);
      want = pango_font_describe_with_absolute_size (expected);

      _tandem_render_set_font (layout, fonts[i].size, fonts[i].bold);
      pango_layout_set_text (layout, "Ag 0123", -1);
      run = pango_layout_get_line_readonly (layout, 0)->runs->data;
      got = pango_font_describe_with_absolute_size (run->item->analysis.font);
      g_assert_cmpstr (pango_font_description_get_family (got), ==,
                       pango_font_description_get_family (want));
      g_assert_true (pango_font_description_equal (got, want));
      /* the family itself, not “Sans” */
      g_assert_cmpstr (pango_font_description_get_family (pango_layout_get_font_description (layout)),
                       ==, pango_font_description_get_family (want));

      pango_font_description_free (got);
      pango_font_description_free (want);
      pango_font_description_free (sans);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/signals", test_signals_by_shape_and_colour);
  g_test_add_func ("/chart/words", test_words);
  g_test_add_func ("/chart/changes", test_changes);
  g_test_add_func ("/chart/run", test_run_chart);
  g_test_add_func ("/chart/two-shifts", test_two_shifts);
  g_test_add_func ("/chart/decimation", test_decimation);
  g_test_add_func ("/chart/phase-words", test_phase_words);
  g_test_add_func ("/chart/many-signals-summarised", test_many_signals_summarised);
  g_test_add_func ("/chart/count-floor", test_count_floor);
  g_test_add_func ("/chart/dense-signals", test_dense_signals);
  g_test_add_func ("/chart/dots-at-104", test_dots_at_104);
  g_test_add_func ("/chart/whole-number-axis", test_whole_number_axis);
  g_test_add_func ("/chart/no-data", test_no_data);
  g_test_add_func ("/chart/pages", test_pages);
  g_test_add_func ("/chart/long-note", test_long_note);
  g_test_add_func ("/chart/text-in-sans", test_text_in_sans);
  return g_test_run ();
}
