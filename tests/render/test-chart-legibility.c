/* test-chart-legibility.c — the chart's large type and its high-contrast focus ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tandem-chart.h"

static TandemMeasure *
make_measure (void)
{
  TandemMeasure *measure = tandem_measure_new ();

  measure->name = g_strdup ("Incidents of restraint");
  measure->unit = g_strdup ("incidents");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < 20; i++)
    {
      TandemDataPoint *point = g_new0 (TandemDataPoint, 1);

      point->id = g_strdup_printf ("p%u", i);
      point->date = g_strdup_printf ("2026-%02u-01", i % 12 + 1);
      if (i >= 12)
        {
          g_free (point->date);
          point->date = g_strdup_printf ("2027-%02u-01", i - 11);
        }
      point->value = 1000 + (i % 5) * 150 + (i > 12 ? 900 : 0);
      point->denominator = NAN;
      g_ptr_array_add (measure->points, point);
    }
  return measure;
}

/* Draws @chart at 800 × 500 and returns where its first point went. */
static double
first_point_x (TandemChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  double x = 0, y = 0;

  tandem_chart_draw (chart, cr, 800, 500);
  g_assert_true (tandem_chart_get_point_position (chart, 0, &x, &y));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return x;
}

static void
test_text_scale (void)
{
  g_autoptr(TandemMeasure) measure = make_measure ();
  g_autoptr(TandemChart) chart = tandem_chart_new (measure);
  double normal, large, larger;

  normal = first_point_x (chart);
  /* Larger type needs wider axis labels, so the plot starts further right. */
  tandem_chart_set_text_scale (chart, 1.5);
  large = first_point_x (chart);
  tandem_chart_set_text_scale (chart, 2.0);
  larger = first_point_x (chart);
  g_assert_cmpfloat (large, >, normal + 4);
  g_assert_cmpfloat (larger, >, large + 4);

  tandem_chart_set_text_scale (chart, 1.0);
  g_assert_cmpfloat (fabs (first_point_x (chart) - normal), <, 1e-6);

  /* The same in high contrast. */
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_HIGH_CONTRAST);
  normal = first_point_x (chart);
  tandem_chart_set_text_scale (chart, 1.6);
  g_assert_cmpfloat (first_point_x (chart), >, normal + 4);
}

static guint
count_blue (TandemChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  const guchar *data;
  int stride;
  guint n = 0;

  tandem_chart_draw (chart, cr, 800, 500);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        int r = (p >> 16) & 0xff, b = p & 0xff;

        if (b > 150 && b - r > 80)
          n++;
      }
  cairo_surface_destroy (surface);
  return n;
}

/* The keyboard's point keeps its ring in high contrast (people who need high
 * contrast often use the keyboard); paper has no keyboard focus. */
static void
test_focus_ring (void)
{
  g_autoptr(TandemMeasure) measure = make_measure ();
  g_autoptr(TandemChart) chart = tandem_chart_new (measure);

  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_HIGH_CONTRAST);
  g_assert_cmpuint (count_blue (chart), ==, 0);
  tandem_chart_set_focus (chart, 3);
  g_assert_cmpuint (count_blue (chart), >, 20);
  {
    /* Printed charts have blue in them; the ring adds none. */
    guint with_focus, without;

    tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
    with_focus = count_blue (chart);
    tandem_chart_set_focus (chart, -1);
    without = count_blue (chart);
    g_assert_cmpuint (with_focus, ==, without);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/text-scale", test_text_scale);
  g_test_add_func ("/chart/focus-ring", test_focus_ring);
  return g_test_run ();
}
