/* test-peer-support-chart.c — the peer-support charts and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-export.h"
#include "tandem-peer-support-chart.h"
#include "tandem-sample.h"

static TandemStageProgress *
stage_new (const char *name,
           guint       in_place,
           guint       not_started)
{
  TandemStageProgress *stage = g_new0 (TandemStageProgress, 1);

  stage->stage = g_strdup (name);
  stage->counts[TANDEM_ITEM_IN_PLACE] = in_place;
  stage->counts[TANDEM_ITEM_NOT_STARTED] = not_started;
  stage->total = in_place + not_started;
  return stage;
}

static void
stage_free (gpointer data)
{
  TandemStageProgress *stage = data;

  g_free (stage->stage);
  g_free (stage);
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint8          *r,
       guint8          *g,
       guint8          *b)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  guint32 argb = ((const guint32 *) row)[x];

  *r = (argb >> 16) & 0xff;
  *g = (argb >> 8) & 0xff;
  *b = argb & 0xff;
}

/* A stage all in place is a dark bar; one not started is an empty one. */
static void
test_progress_bars (void)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (stage_free);
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  guint8 r, g, b;

  g_ptr_array_add (stages, stage_new ("Preparation", 4, 0));
  g_ptr_array_add (stages, stage_new ("Recruitment", 0, 5));
  height = tandem_peer_support_progress_height (stages, 500);
  g_assert_cmpfloat (height, >, 2 * 24);
  g_assert_cmpfloat (height, <, 2 * 24 + 60);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tandem_peer_support_draw_progress (cr, 0, 0, 500, stages);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Just inside the start of each bar (the label column is 160 wide). */
  pixel (surface, 200, 6, &r, &g, &b);
  g_assert_cmpuint (b, >, r + 80);
  pixel (surface, 200, 24 + 6, &r, &g, &b);
  g_assert_cmpuint (r, >, 240);
  g_assert_cmpuint (g, >, 240);
  cairo_surface_destroy (surface);
}

static guint
count_pages (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length = 0;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_regex_match_full (regex, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      pages++;
      g_match_info_next (match, NULL);
    }
  return pages;
}

/* The summary and the caseload overview, as the app and the CLI write them. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-peer-render-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "national.tandem", NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "summary.png", NULL);
  g_autofree char *overview = g_build_filename (dir, "overview.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "overview.svg", NULL);
  g_autoptr(TandemProject) project = tandem_project_create (path, &error);
  g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
  g_autoptr(TandemPeerSupportReport) report = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  cairo_surface_t *image;
  double width, height;

  g_assert_no_error (error);
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");

  report = tandem_peer_support_report_new (project, teams->pdata[0], "2026-11-21", &error);
  g_assert_no_error (error);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  g_assert_true (tandem_export_pages (summary, TANDEM_EXPORT_PDF, width, height, 1, 0,
                                      tandem_peer_support_draw_summary_page, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (summary), ==, 1);
  g_assert_true (tandem_export_pages (png, TANDEM_EXPORT_PNG, width, height, 1, 72,
                                      tandem_peer_support_draw_summary_page, report, &error));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 596);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 842);
  cairo_surface_destroy (image);

  caseload = tandem_peer_support_caseload_new (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_peer_support_caseload_n_pages (caseload), ==, 1);
  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
  g_assert_cmpfloat (tandem_peer_support_heatmap_height (caseload, 0, 20, width - 80), <, height - 160);
  g_assert_true (tandem_export_pages (overview, TANDEM_EXPORT_PDF, width, height, 1, 0,
                                      tandem_peer_support_draw_caseload_page, caseload, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (overview), ==, 1);
  g_assert_true (tandem_export_pages (svg, TANDEM_EXPORT_SVG, width, height, 1, 0,
                                      tandem_peer_support_draw_caseload_page, caseload, &error));
  g_assert_no_error (error);

  /* Twenty teams a page: 45 teams take three. */
  for (guint i = 0; i < 42; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ward %u", i);
      TandemField f[] = { { "name", tandem_value_text (name) } };
      g_autofree char *id = tandem_project_insert (project, "team", f, 1, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&caseload, tandem_peer_support_caseload_free);
  caseload = tandem_peer_support_caseload_new (project, &error);
  g_assert_cmpuint (tandem_peer_support_caseload_n_pages (caseload), ==, 3);
  g_assert_true (tandem_export_pages (overview, TANDEM_EXPORT_PDF, width, height, 3, 0,
                                      tandem_peer_support_draw_caseload_page, caseload, &error));
  g_assert_cmpuint (count_pages (overview), ==, 3);

  g_clear_object (&project);
  g_unlink (summary);
  g_unlink (png);
  g_unlink (overview);
  g_unlink (svg);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/peer-support-chart/progress-bars", test_progress_bars);
  g_test_add_func ("/peer-support-chart/pages", test_pages);
  return g_test_run ();
}
