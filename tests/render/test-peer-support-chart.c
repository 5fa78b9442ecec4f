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
#include "tandem-test-core-util.h"

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

/* Whether any pixel is coloured rather than grey. */
static gboolean
has_colour (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 r, g, b;

        pixel (surface, x, y, &r, &g, &b);
        if (MAX (MAX (r, g), b) - MIN (MIN (r, g), b) > 12)
          return TRUE;
      }
  return FALSE;
}

static gboolean
dark (cairo_surface_t *surface,
      int              x,
      int              y)
{
  guint8 r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return r + g + b < 3 * 128;
}

static double
dark_share (cairo_surface_t *surface,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  guint n = 0, all = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++, all++)
      n += dark (surface, x, y);
  return (double) n / MAX (all, 1);
}

static cairo_surface_t *
draw_progress (GPtrArray              *stages,
               TandemPeerSupportStyle  style)
{
  double height = tandem_peer_support_progress_height (stages, 500);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000,
                                                         (int) (2 * height));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  tandem_peer_support_draw_progress_full (cr, 0, 0, 500, stages, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* High contrast: black on white, and each status still told apart by its
 * pattern (with colour gone, two stages of different status never draw
 * the same bar). */
static void
test_progress_high_contrast (void)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (stage_free);
  cairo_surface_t *standard, *contrast;
  /* The bar of a 500-point chart runs from 168 to 394 points; its middle
   * holds the count. Bars are 14 points tall, 5 points into each row. */
  const int bar_x0 = 2 * 172, bar_x1 = 2 * 390, gap_x0 = 2 * 270, gap_x1 = 2 * 292;

  for (guint status = 0; status < TANDEM_N_ITEM_STATUSES; status++)
    {
      TandemStageProgress *stage = g_new0 (TandemStageProgress, 1);

      stage->stage = g_strdup (tandem_item_status_label (status));
      stage->counts[status] = 3;
      stage->total = 3;
      g_ptr_array_add (stages, stage);
    }
  standard = draw_progress (stages, TANDEM_PEER_SUPPORT_STYLE_STANDARD);
  contrast = draw_progress (stages, TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST);
  g_assert_true (has_colour (standard));
  g_assert_false (has_colour (contrast));

  /* In place is solid black; not started is empty. */
  g_assert_cmpfloat (dark_share (contrast, bar_x0, 2 * (3 * 24 + 8), gap_x0, 2 * (3 * 24 + 16)),
                     >, 0.95);
  g_assert_cmpfloat (dark_share (contrast, bar_x0, 2 * (0 * 24 + 8), gap_x0, 2 * (0 * 24 + 16)),
                     <, 0.02);

  /* Every pair of statuses differs in at least a tenth of its bar. */
  for (guint a = 0; a < TANDEM_N_ITEM_STATUSES; a++)
    for (guint b = a + 1; b < TANDEM_N_ITEM_STATUSES; b++)
      {
        guint differ = 0, all = 0;

        for (int y = 2 * 6 + 3; y < 2 * 18 - 3; y++)
          for (int x = bar_x0; x < bar_x1; x++)
            {
              if (x >= gap_x0 && x < gap_x1)
                continue;
              all++;
              differ += dark (contrast, x, y + 2 * 24 * a) != dark (contrast, x, y + 2 * 24 * b);
            }
        g_test_message ("%s against %s: %u of %u pixels differ",
                        tandem_item_status_label (a), tandem_item_status_label (b), differ, all);
        g_assert_cmpuint (differ, >, all / 10);
      }
  cairo_surface_destroy (standard);
  cairo_surface_destroy (contrast);
}

static TandemPeerSupportCaseload *
caseload_of_shares (void)
{
  TandemPeerSupportCaseload *caseload = g_new0 (TandemPeerSupportCaseload, 1);
  TandemTeamProgress *team = g_new0 (TandemTeamProgress, 1);
  /* in place, of applicable: 0 of 4, 2 of 4, 4 of 4; none apply */
  const guint in_place[] = { 0, 2, 4, 0 };
  const guint not_applicable[] = { 0, 0, 0, 4 };

  caseload->stage_names = g_ptr_array_new_with_free_func (g_free);
  caseload->teams = g_ptr_array_new ();
  team->team_name = g_strdup ("Ward");
  team->team_id = g_strdup ("t");
  team->stages = g_ptr_array_new_with_free_func (stage_free);
  team->roles = 2;
  for (guint s = 0; s < G_N_ELEMENTS (in_place); s++)
    {
      TandemStageProgress *stage = g_new0 (TandemStageProgress, 1);

      g_ptr_array_add (caseload->stage_names, g_strdup_printf ("Stage %u", s + 1));
      stage->stage = g_strdup_printf ("Stage %u", s + 1);
      stage->counts[TANDEM_ITEM_IN_PLACE] = in_place[s];
      stage->counts[TANDEM_ITEM_NOT_STARTED] = 4 - in_place[s] - not_applicable[s];
      stage->counts[TANDEM_ITEM_NOT_APPLICABLE] = not_applicable[s];
      stage->total = 4;
      g_ptr_array_add (team->stages, stage);
    }
  g_ptr_array_add (caseload->teams, team);
  return caseload;
}

static void
caseload_of_shares_free (TandemPeerSupportCaseload *caseload)
{
  TandemTeamProgress *team = caseload->teams->pdata[0];

  g_ptr_array_unref (team->stages);
  g_free (team->team_name);
  g_free (team->team_id);
  g_free (team);
  g_ptr_array_unref (caseload->teams);
  g_ptr_array_unref (caseload->stage_names);
  g_free (caseload);
}

/* The heat map in high contrast: white cells, and the share shown by the
 * length of a black bar as well as by its figure. */
static void
test_heatmap_high_contrast (void)
{
  TandemPeerSupportCaseload *caseload = caseload_of_shares ();
  TandemPeerSupportStyle styles[] = { TANDEM_PEER_SUPPORT_STYLE_STANDARD,
                                      TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST };
  /* 500 points wide: labels 120, roles 46, four cells of 83.5 points. */
  const double label_width = 120, cell_width = (500 - 120 - 46) / 4.0;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      double height = tandem_peer_support_heatmap_height (caseload, 0, 1, 500);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000,
                                                             (int) (2 * height));
      cairo_t *cr = cairo_create (surface);
      double header = height - 18 - 8 - 18 - 12;
      double bars[3];

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 2, 2);
      tandem_peer_support_draw_heatmap_full (cr, 0, 0, 500, caseload, 0, 1, styles[i]);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      if (styles[i] == TANDEM_PEER_SUPPORT_STYLE_STANDARD)
        {
          /* Shaded by share: the full cell is dark at its edge. */
          g_assert_true (has_colour (surface));
          g_assert_true (dark (surface, (int) (2 * (label_width + 3 * cell_width - 4)),
                               (int) (2 * (header + 3))));
          cairo_surface_destroy (surface);
          continue;
        }
      g_assert_false (has_colour (surface));
      for (guint s = 0; s < 3; s++)
        {
          int x0 = (int) (2 * (label_width + s * cell_width + 3));
          int x1 = (int) (2 * (label_width + (s + 1) * cell_width - 3));

          /* The corner of every cell is white, whatever its share... */
          g_assert_false (dark (surface, x0 + 2, (int) (2 * (header + 2))));
          /* ...and the bar along its foot is as long as the share. */
          bars[s] = dark_share (surface, x0, (int) (2 * (header + 18 - 4)), x1,
                                (int) (2 * (header + 18 - 2)));
        }
      g_test_message ("bars: %.2f %.2f %.2f", bars[0], bars[1], bars[2]);
      g_assert_cmpfloat (bars[0], <, 0.1);
      g_assert_cmpfloat (bars[1], >, 0.4);
      g_assert_cmpfloat (bars[1], <, 0.6);
      g_assert_cmpfloat (bars[2], >, 0.9);
      cairo_surface_destroy (surface);
    }
  caseload_of_shares_free (caseload);
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

/* The summary is one page: what does not fit is cut short or left out, and
 * the page says so rather than dropping it silently. */
static void
test_summary_says_what_is_cut (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_sample_in_tmp ("tandem-peer-cut-XXXXXX", "ward.tandem",
                                                           TANDEM_SAMPLE_WARD, &dir, NULL);
  g_autoptr(TandemPeerSupportReport) report = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *role = NULL;
  GString *title = g_string_new (NULL);
  double width, height;

  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);

  report = tandem_peer_support_report_new (project, teams->pdata[0], "2026-11-21", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_peer_support_summary_count_cut (report, width, height), ==, 0);
  g_clear_pointer (&report, tandem_peer_support_report_free);

  /* Names are at most 500 letters: longer than four lines of the page. */
  for (guint i = 1; i <= 70; i++)
    g_string_append_printf (title, "w%05u ", i);
  role = tandem_peer_support_add_role (project, teams->pdata[0], title->str, &error);
  g_assert_no_error (error);
  g_string_free (title, TRUE);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Peer worker %u", i);
      g_autofree char *id = tandem_peer_support_add_role (project, teams->pdata[0], name, &error);
      g_assert_no_error (error);
    }
  report = tandem_peer_support_report_new (project, teams->pdata[0], "2026-11-21", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_peer_support_summary_count_cut (report, width, height), >, 1);

  g_clear_pointer (&report, tandem_peer_support_report_free);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

/* The summary and the caseload overview, as the app and the CLI write them. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_sample_in_tmp ("tandem-peer-render-XXXXXX",
                                                           "national.tandem", TANDEM_SAMPLE_WARD,
                                                           &dir, NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "summary.png", NULL);
  g_autofree char *overview = g_build_filename (dir, "overview.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "overview.svg", NULL);
  g_autoptr(TandemPeerSupportCaseload) caseload = NULL;
  g_autoptr(TandemPeerSupportReport) report = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  cairo_surface_t *image;
  double width, height;

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
  free_tmp (&dir, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/peer-support-chart/progress-bars", test_progress_bars);
  g_test_add_func ("/peer-support-chart/progress-high-contrast", test_progress_high_contrast);
  g_test_add_func ("/peer-support-chart/heatmap-high-contrast", test_heatmap_high_contrast);
  g_test_add_func ("/peer-support-chart/pages", test_pages);
  g_test_add_func ("/peer-support-chart/summary-says-what-is-cut", test_summary_says_what_is_cut);
  return g_test_run ();
}
