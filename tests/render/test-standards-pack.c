/* test-standards-pack.c — the accreditation pack: its pages, the heatmap's
 * cells, and the linked measures' charts drawn by the chart renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-sample.h"
#include "tandem-standards-pack.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

#define SCALE 2.0   /* pixels per point in the images looked at */

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *team;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_sample_in_tmp ("tandem-standards-pack-XXXXXX", "Sample.tandem",
                                           TANDEM_SAMPLE_WARD, &fixture->dir, NULL);
  fixture->team = tandem_team_find (fixture->project, "Delderfield Ward");
  g_assert_nonnull (fixture->team);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, NULL);
  g_free (fixture->team);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)); p += 11)
    if (p[11] != 's')
      pages++;
  return pages;
}

static cairo_surface_t *
draw_page (TandemStandardsPack *pack,
           guint                page_nr)
{
  double width, height;
  cairo_surface_t *image;
  cairo_t *cr;

  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * SCALE),
                                      (int) ceil (height * SCALE));
  cr = cairo_create (image);
  cairo_scale (cr, SCALE, SCALE);
  tandem_standards_pack_draw_page (cr, width, height, page_nr, pack);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The pixel at (x, y) in points, as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *image,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);

  return *(const guint32 *) (data + (int) (y * SCALE) * stride + (int) (x * SCALE) * 4) & 0xffffff;
}

static double
lightness (guint32 rgb)
{
  return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
}

/* How many pixels of a rectangle (in points) are darker than mid-grey. */
static guint
dark_pixels (cairo_surface_t *image,
             double           x,
             double           y,
             double           w,
             double           h)
{
  guint n = 0;

  for (double py = y; py < y + h; py += 1 / SCALE)
    for (double px = x; px < x + w; px += 1 / SCALE)
      n += lightness (pixel_at (image, px, py)) < 100;
  return n;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (fixture->project,
                                                                   fixture->team, &error);
  g_autofree char *pdf = g_build_filename (fixture->dir, "pack.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "pack.png", NULL);
  double width, height;
  guint n_pages;

  g_assert_no_error (error);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_standards_pack_paginate (pack, width, height);
  /* The cover, the heatmap and the views, then twelve standards, their
   * evidence and charts: more than four pages, fewer than forty. */
  g_assert_cmpuint (n_pages, >, 4);
  g_assert_cmpuint (n_pages, <, 40);
  g_assert_true (tandem_standards_pack_export (fixture->project, fixture->team,
                                               TANDEM_EXPORT_PDF, pdf, 72, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  /* Every page has something on it besides its footer. */
  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *image = draw_page (pack, p);

      g_assert_cmpuint (dark_pixels (image, 42, 42, width - 84, height - 120), >, 200);
      cairo_surface_destroy (image);
    }

  /* A PNG holds the cover. */
  g_assert_true (tandem_standards_pack_export (fixture->project, fixture->team,
                                               TANDEM_EXPORT_PNG, png, 72, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* Each cell of the latest round: its colour darker as its mean is higher,
 * the same colour and pattern for the same word, a different pattern for a
 * different word, and its number written. */
static void
test_heatmap_cells (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (fixture->project,
                                                                   fixture->team, &error);
  const TandemStandardsReport *report;
  const TandemRoundFigures *latest;
  cairo_surface_t *image;
  double width, height, hx, hy;
  guint page_nr, column, n_standards;
  double colour_lightness[5] = { -1, -1, -1, -1, -1 };
  guint pattern[5] = { 0 };
  gboolean seen[5] = { FALSE };
  guint n_words = 0;

  g_assert_no_error (error);
  report = tandem_standards_pack_get_report (pack);
  g_assert_cmpuint (report->rounds->len, ==, 2);
  g_assert_cmpuint (tandem_standards_heatmap_n_rounds (report), ==, 2);
  latest = report->rounds->pdata[1];
  column = 1;
  n_standards = report->framework->standards->len;
  g_assert_cmpuint (n_standards, ==, 12);

  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  tandem_standards_pack_paginate (pack, width, height);
  g_assert_true (tandem_standards_pack_get_heatmap_place (pack, &page_nr, &hx, &hy));
  g_assert_cmpuint (page_nr, ==, 1);
  image = draw_page (pack, page_nr);

  for (guint s = 0; s <= n_standards; s++)
    {
      double mean = s < n_standards
                    ? ((TandemStandardFigures *) latest->standards->pdata[s])->mean
                    : latest->average;
      double x, y, w, h;
      int word;
      guint32 fill;

      tandem_standards_heatmap_get_cell (report, width - 84, s, column, &x, &y, &w, &h);
      x += hx;
      y += hy;
      fill = pixel_at (image, x + w - 2.5, y + 2.5);
      g_assert_false (isnan (mean));
      word = CLAMP ((int) floor (mean + 0.5), 1, 5) - 1;
      /* the number, written right of the pattern */
      g_assert_cmpuint (dark_pixels (image, x + 18, y + 3, w - 20, h - 6)
                        + (lightness (fill) < 100 ? 0 : 1), >, 0);
      if (!seen[word])
        {
          seen[word] = TRUE;
          n_words++;
          colour_lightness[word] = lightness (fill);
          pattern[word] = dark_pixels (image, x + 4.5, y + (h - 12) / 2 + 0.5, 11, 11);
        }
      else
        {
          g_assert_cmpfloat (fabs (colour_lightness[word] - lightness (fill)), <, 1);
          g_assert_cmpuint (pattern[word], ==,
                            dark_pixels (image, x + 4.5, y + (h - 12) / 2 + 0.5, 11, 11));
        }
    }
  /* The sample's latest round spans more than one word. */
  g_assert_cmpuint (n_words, >=, 2);
  for (int a = 0; a < 5; a++)
    for (int b = a + 1; b < 5; b++)
      if (seen[a] && seen[b])
        {
          g_assert_cmpfloat (colour_lightness[a], >, colour_lightness[b]);
          g_assert_cmpuint (pattern[a], !=, pattern[b]);
        }
  cairo_surface_destroy (image);
}

/* Each linked measure's chart is drawn by tandem_chart_draw(): the page
 * shows, pixel for pixel, what the chart renderer draws on its own. */
static void
test_chart_embedded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (fixture->project,
                                                                   fixture->team, &error);
  const TandemStandardsReport *report;
  const TandemEvidenceItem *first = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemChart) chart = NULL;
  cairo_surface_t *page, *alone;
  cairo_t *cr;
  double width, height, x, y, w, h;
  guint page_nr, same = 0, all = 0, inked = 0;

  g_assert_no_error (error);
  report = tandem_standards_pack_get_report (pack);
  for (guint i = 0; i < report->evidence->len && first == NULL; i++)
    if (((TandemEvidenceItem *) report->evidence->pdata[i])->evidence->measure_id)
      first = report->evidence->pdata[i];
  g_assert_nonnull (first);
  g_assert_cmpuint (tandem_standards_pack_get_n_charts (pack), >=, 1);

  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  tandem_standards_pack_paginate (pack, width, height);
  g_assert_true (tandem_standards_pack_get_chart_place (pack, 0, &page_nr, &x, &y, &w, &h));
  g_assert_cmpuint (page_nr, >=, 2);
  g_assert_cmpfloat (y + h, <=, height - 42);
  page = draw_page (pack, page_nr);

  measure = tandem_measure_load (fixture->project, first->evidence->measure_id, &error);
  g_assert_no_error (error);
  chart = tandem_chart_new (measure);
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
  alone = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (page),
                                      cairo_image_surface_get_height (page));
  cr = cairo_create (alone);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  cairo_translate (cr, x, y);
  tandem_chart_draw (chart, cr, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (alone);

  for (double py = y + 1; py < y + h - 1; py += 1 / SCALE)
    for (double px = x + 1; px < x + w - 1; px += 1 / SCALE)
      {
        guint32 a = pixel_at (page, px, py);

        all++;
        same += a == pixel_at (alone, px, py);
        inked += a != 0xffffff;
      }
  g_assert_cmpfloat ((double) same / all, >, 0.995);
  /* and it is a chart, not an empty box */
  g_assert_cmpfloat ((double) inked / all, >, 0.02);
  cairo_surface_destroy (page);
  cairo_surface_destroy (alone);
}

/* A team with no rounds gets a pack that says so: no heatmap, no charts. */
static void
test_no_rounds (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-standards-pack-XXXXXX",
                                                            "New.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Oak");
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (project, team, &error);
  double width, height, x, y;
  guint n_pages, page_nr;

  g_assert_no_error (error);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_standards_pack_paginate (pack, width, height);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_false (tandem_standards_pack_get_heatmap_place (pack, &page_nr, &x, &y));
  g_assert_cmpuint (tandem_standards_pack_get_n_charts (pack), ==, 0);
  for (guint p = 0; p < n_pages; p++)
    cairo_surface_destroy (draw_page (pack, p));
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/standards-pack/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/standards-pack/heatmap-cells", Fixture, NULL, fixture_set_up, test_heatmap_cells,
              fixture_tear_down);
  g_test_add ("/standards-pack/chart-embedded", Fixture, NULL, fixture_set_up,
              test_chart_embedded, fixture_tear_down);
  g_test_add_func ("/standards-pack/no-rounds", test_no_rounds);
  return g_test_run ();
}
