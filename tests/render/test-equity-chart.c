/* test-equity-chart.c — small multiples and the disparity chart: what is drawn where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-equity-chart.h"
#include "tandem-export.h"

#define WIDTH  1123
#define HEIGHT 794

enum { WHITE, BLACK, ASIAN, NOT_STATED, N_GROUPS };

static const char * const names[] = {
  "White", "Black or Black British", "Asian or Asian British", "Not stated",
};

/* Two years by month, from January 2025. Black patients' counts fall after
 * a year; in July to September 2025 they are 1 a month, 3 in the quarter:
 * fewer than 5. */
static GArray *
make_rows (void)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (TandemDisparityRow));

  for (guint i = 0; i < 24; i++)
    {
      TandemDisparityRow row = { "", 0, 0, 0 };
      double black = i >= 6 && i <= 8 ? 1 : i < 12 ? 8 + i % 2 : 4 + i % 2;

      g_snprintf (row.date, sizeof row.date, "%04u-%02u-01", 2025 + i / 12, i % 12 + 1);
      row.group = WHITE, row.count = 6 + i % 3, row.denominator = 3000;
      g_array_append_val (rows, row);
      row.group = BLACK, row.count = black, row.denominator = 600;
      g_array_append_val (rows, row);
      row.group = ASIAN, row.count = 2 + i % 3, row.denominator = 400;
      g_array_append_val (rows, row);
      row.group = NOT_STATED, row.count = 1, row.denominator = 150;
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
rate_options (TandemDisparityOptions *options)
{
  tandem_disparity_options_init (options);
  options->reference = WHITE;
  options->not_stated = NOT_STATED;
}

static TandemEquityChart *
make_chart (TandemEquityView view)
{
  g_autoptr(GArray) rows = make_rows ();
  g_autoptr(GError) error = NULL;
  TandemDisparityOptions options;
  TandemEquityChart *chart;

  rate_options (&options);
  chart = tandem_equity_chart_new (view, (const TandemDisparityRow *) (gpointer) rows->data,
                                   rows->len, names, N_GROUPS, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  tandem_equity_chart_set_title (chart, "Restraint");
  tandem_equity_chart_set_unit (chart, "bed days");
  return chart;
}

static cairo_surface_t *
draw (TandemEquityChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  tandem_equity_chart_draw (chart, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint           *r,
       guint           *g,
       guint           *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  g_assert_true (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT);
  value = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static gboolean
near_colour (guint r,
             guint g,
             guint b,
             guint er,
             guint eg,
             guint eb)
{
  return ABS ((int) r - (int) er) <= 8 && ABS ((int) g - (int) eg) <= 8 &&
         ABS ((int) b - (int) eb) <= 8;
}

/* How many pixels of the column just right of @x (where the interval's
 * whisker is not), over the panel's plot, are the interval band's colour. */
static guint
band_pixels (cairo_surface_t *surface,
             double           x,
             double           top,
             double           height)
{
  guint n = 0;

  for (int y = (int) ceil (top); y < (int) floor (top + height); y++)
    {
      guint r, g, b;

      pixel (surface, (int) round (x) + 2, y, &r, &g, &b);
      if (near_colour (r, g, b, 199, 219, 240))
        n++;
    }
  return n;
}

/* One panel per group with data, the reference first, "Not stated" left
 * out; every panel the same size on one shared axis. */
static void
test_one_panel_per_group (void)
{
  g_autoptr(TandemEquityChart) chart = make_chart (TANDEM_EQUITY_VIEW_GROUPS);
  cairo_surface_t *surface = draw (chart);
  double x0, y0, w0, h0;

  g_assert_cmpuint (tandem_equity_chart_get_n_panels (chart), ==, 3);
  g_assert_cmpuint (tandem_equity_chart_get_panel_group (chart, 0), ==, WHITE);
  g_assert_cmpuint (tandem_equity_chart_get_panel_group (chart, 1), ==, BLACK);
  g_assert_cmpuint (tandem_equity_chart_get_panel_group (chart, 2), ==, ASIAN);
  g_assert_true (tandem_equity_chart_get_panel_area (chart, 0, &x0, &y0, &w0, &h0));
  g_assert_cmpfloat (w0, >, 100);
  g_assert_cmpfloat (h0, >, 100);
  for (guint p = 1; p < 3; p++)
    {
      double x, y, w, h;

      g_assert_true (tandem_equity_chart_get_panel_area (chart, p, &x, &y, &w, &h));
      g_assert_cmpfloat (fabs (w - w0), <, 1e-9);
      g_assert_cmpfloat (fabs (h - h0), <, 1e-9);
      /* Side by side or one under another, never overlapping. */
      g_assert_true (x >= x0 + w0 || y >= y0 + h0);
      g_assert_cmpfloat (x + w, <=, WIDTH);
      /* The same rate is as high in every panel. */
      g_assert_cmpfloat (fabs ((tandem_equity_chart_value_to_y (chart, p, 10) - y) -
                               (tandem_equity_chart_value_to_y (chart, 0, 10) - y0)), <, 1e-9);
    }
  cairo_surface_destroy (surface);
}

/* White's mean, drawn faintly in the other groups' panels. */
static void
test_reference_line_in_every_panel (void)
{
  g_autoptr(TandemEquityChart) chart = make_chart (TANDEM_EQUITY_VIEW_GROUPS);
  cairo_surface_t *surface = draw (chart);
  /* White's U chart mean: 168 restraints in 72,000 bed days, per 1,000. */
  double mean = 168.0 / 72000 * 1000;

  for (guint p = 1; p < 3; p++)
    {
      double x, y, w, h, line_y = tandem_equity_chart_value_to_y (chart, p, mean);
      guint found = 0;

      tandem_equity_chart_get_panel_area (chart, p, &x, &y, &w, &h);
      for (int column = (int) (x + w * 0.2); column < (int) (x + w * 0.8); column += 7)
        {
          guint r, g, b;

          pixel (surface, column, (int) floor (line_y), &r, &g, &b);
          if (near_colour (r, g, b, 189, 189, 189))
            found++;
        }
      g_assert_cmpuint (found, >=, 10);
    }
  cairo_surface_destroy (surface);
}

/* Ratios on a log axis: 1 to 2 as far as 2 to 4 and 0.5 to 1; the line at
 * 1 drawn across every panel. */
static void
test_log_axis_and_line_at_one (void)
{
  g_autoptr(TandemEquityChart) chart = make_chart (TANDEM_EQUITY_VIEW_DISPARITY);
  cairo_surface_t *surface = draw (chart);

  g_assert_cmpuint (tandem_equity_chart_get_n_panels (chart), ==, 2);
  g_assert_cmpuint (tandem_equity_chart_get_panel_group (chart, 0), ==, BLACK);
  g_assert_cmpuint (tandem_equity_chart_get_panel_group (chart, 1), ==, ASIAN);
  for (guint p = 0; p < 2; p++)
    {
      double y1 = tandem_equity_chart_value_to_y (chart, p, 1);
      double y2 = tandem_equity_chart_value_to_y (chart, p, 2);
      double y4 = tandem_equity_chart_value_to_y (chart, p, 4);
      double y_half = tandem_equity_chart_value_to_y (chart, p, 0.5);
      double x, y, w, h;
      guint dark = 0, columns = 0;

      g_assert_cmpfloat (y2, <, y1);
      g_assert_cmpfloat (fabs ((y1 - y2) - (y2 - y4)), <, 1e-6);
      g_assert_cmpfloat (fabs ((y_half - y1) - (y1 - y2)), <, 1e-6);

      tandem_equity_chart_get_panel_area (chart, p, &x, &y, &w, &h);
      g_assert_cmpfloat (y1, >, y);
      g_assert_cmpfloat (y1, <, y + h);
      for (int column = (int) ceil (x) + 1; column < (int) floor (x + w); column++, columns++)
        {
          guint r, g, b;

          pixel (surface, column, (int) floor (y1), &r, &g, &b);
          if (r < 90 && g < 90 && b < 90)
            dark++;
        }
      /* Solid all the way, but where a marker or an interval's end sits on it. */
      g_assert_cmpuint (dark, >=, columns * 9 / 10);
    }
  cairo_surface_destroy (surface);
}

/* A quarter with fewer than 5 events is a gap when shared, and drawn when
 * the team sees its own numbers. */
static void
test_suppressed_quarter_is_a_gap (void)
{
  g_autoptr(TandemEquityChart) chart = make_chart (TANDEM_EQUITY_VIEW_DISPARITY);
  cairo_surface_t *surface;
  double x, y, w, h, hidden_x, shown_x;

  surface = draw (chart);
  g_assert_cmpuint (tandem_equity_chart_get_n_hidden (chart), ==, 0);
  tandem_equity_chart_get_panel_area (chart, 0, &x, &y, &w, &h);
  /* The middle of July to September 2025, and of April to June. */
  hidden_x = (tandem_equity_chart_date_to_x (chart, 0, "2025-07-01") +
              tandem_equity_chart_date_to_x (chart, 0, "2025-09-30")) / 2;
  shown_x = (tandem_equity_chart_date_to_x (chart, 0, "2025-04-01") +
             tandem_equity_chart_date_to_x (chart, 0, "2025-06-30")) / 2;
  g_assert_cmpuint (band_pixels (surface, hidden_x, y, h), >, 5);
  g_assert_cmpuint (band_pixels (surface, shown_x, y, h), >, 5);
  cairo_surface_destroy (surface);

  tandem_equity_chart_set_threshold (chart, TANDEM_DISPARITY_DEFAULT_THRESHOLD);
  surface = draw (chart);
  g_assert_cmpuint (tandem_equity_chart_get_n_hidden (chart), ==, 1);
  g_assert_cmpuint (band_pixels (surface, hidden_x, y, h), ==, 0);
  g_assert_cmpuint (band_pixels (surface, shown_x, y, h), >, 5);
  g_assert_true (tandem_equity_chart_get_series (chart)->whole->disparity->groups[BLACK].ratio_suppressed == FALSE);
  cairo_surface_destroy (surface);

  /* Small multiples leave out the months of 1 to 4 events too. */
  {
    g_autoptr(TandemEquityChart) groups = make_chart (TANDEM_EQUITY_VIEW_GROUPS);

    tandem_equity_chart_set_threshold (groups, TANDEM_DISPARITY_DEFAULT_THRESHOLD);
    surface = draw (groups);
    /* Black's 1s and 4s, and Asian's 2s, 3s and 4s. */
    g_assert_cmpuint (tandem_equity_chart_get_n_hidden (groups), ==, 3 + 6 + 24);
    cairo_surface_destroy (surface);
  }
}

static void
test_phases_and_notes (void)
{
  g_autoptr(TandemEquityChart) chart = make_chart (TANDEM_EQUITY_VIEW_GROUPS);
  cairo_surface_t *surface;
  double x, y, w, h, phase_x;
  guint dashes = 0;

  g_assert_false (tandem_equity_chart_add_phase (chart, "2026-13-01", "huddles"));
  g_assert_true (tandem_equity_chart_add_phase (chart, "2026-01-15", "huddles"));
  g_assert_true (tandem_equity_chart_add_note (chart, "2025-06-15", "training"));
  surface = draw (chart);
  tandem_equity_chart_get_panel_area (chart, 1, &x, &y, &w, &h);
  phase_x = tandem_equity_chart_date_to_x (chart, 1, "2026-01-15");
  g_assert_cmpfloat (phase_x, >, x);
  g_assert_cmpfloat (phase_x, <, x + w);
  /* The phase's dashed divider runs down the panel. */
  for (int row = (int) (y + h * 0.3); row < (int) (y + h * 0.95); row++)
    {
      guint r, g, b;

      pixel (surface, (int) floor (phase_x), row, &r, &g, &b);
      if (near_colour (r, g, b, 115, 115, 115))
        dashes++;
    }
  g_assert_cmpuint (dashes, >, 10);
  cairo_surface_destroy (surface);
}

static void
test_refused (void)
{
  g_autoptr(GArray) rows = make_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemEquityChart) chart = NULL;
  TandemDisparityOptions options;
  TandemDisparityRow white_only[] = { { "2026-01-01", WHITE, 4, 3000 } };

  /* A disparity chart needs a reference. */
  tandem_disparity_options_init (&options);
  chart = tandem_equity_chart_new (TANDEM_EQUITY_VIEW_DISPARITY,
                                   (const TandemDisparityRow *) (gpointer) rows->data, rows->len,
                                   names, N_GROUPS, &options, &error);
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE);
  g_assert_null (chart);
  g_clear_error (&error);

  /* No rows at all. */
  rate_options (&options);
  chart = tandem_equity_chart_new (TANDEM_EQUITY_VIEW_GROUPS, NULL, 0, names, N_GROUPS, &options,
                                   &error);
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID);
  g_assert_null (chart);
  g_clear_error (&error);

  /* Only the reference: nothing to compare. */
  chart = tandem_equity_chart_new (TANDEM_EQUITY_VIEW_DISPARITY, white_only, 1, names, N_GROUPS,
                                   &options, &error);
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID);
  g_assert_null (chart);
  g_assert_true (strstr (error->message, "White") != NULL);
}

/* Both views through the one export writer, in each format. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-equity-XXXXXX", NULL);
  static const struct { TandemExportFormat format; const char *name; const char *magic; } formats[] = {
    { TANDEM_EXPORT_PDF, "pdf", "%PDF-" },
    { TANDEM_EXPORT_PNG, "png", "\x89PNG" },
    { TANDEM_EXPORT_SVG, "svg", "<?xml" },
  };
  double width, height;

  g_assert_nonnull (dir);
  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
  for (guint v = 0; v < 2; v++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(TandemEquityChart) chart = make_chart ((TandemEquityView) v);
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_strdup_printf ("view%u.%s", v, formats[f].name);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        tandem_equity_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
        tandem_equity_chart_set_words (chart, "Over the last 12 months Black or Black British "
                                              "patients were restrained 1.9 times as often.");
        g_assert_true (tandem_export_pages (path, formats[f].format, width, height, 1, 72,
                                            tandem_equity_chart_draw_page, chart, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        g_assert_true (g_str_has_prefix (contents, formats[f].magic));
        g_assert_cmpint (g_remove (path), ==, 0);
      }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/equity-chart/one-panel-per-group", test_one_panel_per_group);
  g_test_add_func ("/equity-chart/reference-line-in-every-panel", test_reference_line_in_every_panel);
  g_test_add_func ("/equity-chart/log-axis-and-line-at-one", test_log_axis_and_line_at_one);
  g_test_add_func ("/equity-chart/suppressed-quarter-is-a-gap", test_suppressed_quarter_is_a_gap);
  g_test_add_func ("/equity-chart/phases-and-notes", test_phases_and_notes);
  g_test_add_func ("/equity-chart/refused", test_refused);
  g_test_add_func ("/equity-chart/export", test_export);
  return g_test_run ();
}
