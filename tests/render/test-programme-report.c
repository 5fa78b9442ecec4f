/* test-programme-report.c — a programme's report as pages: a cover, the
 * totals, the trends, a page per team, what is missing; and its PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-programme-report.h"
#include "tandem-sample.h"
#include "tandem-standards-pack.h"
#include "tandem-test-core-util.h"

#define FROM "2025-11-22"
#define TO   "2026-11-21"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-programme-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A project file in the fixture's folder with a team for each name. */
static void
make_file (Fixture            *fixture,
           const char         *file_name,
           const char * const *team_names)
{
  g_autofree char *path = g_build_filename (fixture->dir, file_name, NULL);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; team_names[i] != NULL; i++)
    g_free (add_team_or_die (project, team_names[i]));
}

static TandemProgramme *
open_folder (Fixture *fixture)
{
  const char *paths[] = { fixture->dir, NULL };
  g_autoptr(GError) error = NULL;
  TandemProgramme *programme = tandem_programme_open (paths, FROM, TO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (programme);
  return programme;
}

/* Whether drawing the page put anything on it beyond the white ground. */
static gboolean
page_has_ink (TandemProgrammeDoc *doc,
              guint               page_nr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);
  gboolean ink = FALSE;
  unsigned char *data;
  int stride;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tandem_programme_doc_draw_page (cr, 595.276, 841.89, page_nr, doc);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 842 && !ink; y++)
    for (int x = 0; x < 595 && !ink; x++)
      ink = (*(guint32 *) (void *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);
  return ink;
}

/* A cover, the totals, the trends, one page per team read (a file refused
 * has none), and what is missing; every page drawn, nothing past the last. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(TandemProgrammeDoc) doc = NULL;
  g_autofree char *notes = g_build_filename (fixture->dir, "Notes.tandem", NULL);
  guint n_pages;

  make_file (fixture, "North.tandem", (const char *[]) { "Ash Ward", "Birch Ward", NULL });
  make_file (fixture, "South.tandem", (const char *[]) { "Cedar Ward", NULL });
  g_assert_true (g_file_set_contents (notes, "Minutes of the meeting\n", -1, NULL));

  programme = open_folder (fixture);
  g_assert_cmpuint (tandem_programme_get_totals (programme)->n_teams, ==, 3);
  doc = tandem_programme_doc_new (programme, NULL);
  n_pages = tandem_programme_doc_paginate (doc, 595.276, 841.89);
  g_assert_cmpuint (tandem_programme_doc_get_n_teams (doc), ==, 3);
  /* Three teams without sessions or measures and a refused file fit on
   * one page of what is missing. */
  g_assert_cmpuint (n_pages, ==, 3 + 3 + 1);
  for (guint i = 0; i < n_pages; i++)
    g_assert_true (page_has_ink (doc, i));
  g_assert_false (page_has_ink (doc, n_pages));
}

/* Each team's page is its own: the second team's is not the first's. */
static void
test_team_pages_differ (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(TandemProgrammeDoc) doc = NULL;
  cairo_surface_t *pages[2];

  make_file (fixture, "North.tandem", (const char *[]) { "Ash Ward", "Birch Ward", NULL });
  programme = open_folder (fixture);
  doc = tandem_programme_doc_new (programme, "Culture of Care");
  g_assert_cmpuint (tandem_programme_doc_paginate (doc, 595.276, 841.89), ==, 3 + 2 + 1);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      pages[i] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cr = cairo_create (pages[i]);
      tandem_programme_doc_draw_page (cr, 595.276, 841.89, 3 + i, doc);
      cairo_destroy (cr);
      cairo_surface_flush (pages[i]);
    }
  g_assert_true (memcmp (cairo_image_surface_get_data (pages[0]),
                         cairo_image_surface_get_data (pages[1]),
                         (gsize) cairo_image_surface_get_stride (pages[0]) * 842) != 0);
  cairo_surface_destroy (pages[0]);
  cairo_surface_destroy (pages[1]);
}

/* What is missing flows over as many pages as it takes: here, 70 teams
 * without a coaching session or a measure. */
static void
test_missing_flows_over_pages (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(TandemProgrammeDoc) doc = NULL;
  guint n_pages;

  for (guint i = 0; i < 70; i++)
    g_ptr_array_add (names, g_strdup_printf ("Ward %02u", i + 1));
  g_ptr_array_add (names, NULL);
  make_file (fixture, "Trust.tandem", (const char * const *) names->pdata);

  programme = open_folder (fixture);
  doc = tandem_programme_doc_new (programme, NULL);
  n_pages = tandem_programme_doc_paginate (doc, 595.276, 841.89);
  g_assert_cmpuint (tandem_programme_doc_get_n_teams (doc), ==, 70);
  g_assert_cmpuint (n_pages, >, 3 + 70 + 1);
  for (guint i = 3 + 70; i < n_pages; i++)
    g_assert_true (page_has_ink (doc, i));
}

static cairo_surface_t *
draw_to_image (TandemProgrammeDoc *doc,
               guint               page_nr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);

  tandem_programme_doc_draw_page (cr, 595.276, 841.89, page_nr, doc);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Once the key measures are read, a team with measures has its first one's
 * run chart on its page (drawn in the page's lower part); one without
 * measures has the same page as before. */
static void
test_key_measure_charts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(TandemProgrammeDoc) doc = NULL;
  g_autoptr(TandemProject) sample = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "Sample.tandem", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *before[2], *after[2];
  guint first;
  gsize size;

  sample = tandem_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_sample_populate (sample, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  g_clear_object (&sample);
  make_file (fixture, "Zeta.tandem", (const char *[]) { "Zeta Ward", NULL });

  programme = open_folder (fixture);
  doc = tandem_programme_doc_new (programme, NULL);
  tandem_programme_doc_paginate (doc, 595.276, 841.89);
  /* The sample's first team has measures; Zeta Ward, the last team, none. */
  g_assert_cmpuint (tandem_programme_doc_get_n_teams (doc), ==, 3 + 1);
  first = tandem_programme_doc_get_first_team_page (doc);
  before[0] = draw_to_image (doc, first);
  before[1] = draw_to_image (doc, first + tandem_programme_doc_get_n_teams (doc) - 1);
  tandem_programme_doc_load_charts (doc, NULL);
  after[0] = draw_to_image (doc, first);
  after[1] = draw_to_image (doc, first + tandem_programme_doc_get_n_teams (doc) - 1);

  size = (gsize) cairo_image_surface_get_stride (before[0]) * 842;
  g_assert_true (memcmp (cairo_image_surface_get_data (before[0]),
                         cairo_image_surface_get_data (after[0]), size) != 0);
  g_assert_true (memcmp (cairo_image_surface_get_data (before[1]),
                         cairo_image_surface_get_data (after[1]), size) == 0);
  for (guint i = 0; i < 2; i++)
    {
      cairo_surface_destroy (before[i]);
      cairo_surface_destroy (after[i]);
    }
}

/* Whether @surface has a pixel of this colour (give or take the rounding
 * of one step in a channel). */
static gboolean
has_colour (cairo_surface_t *surface,
            const double     rgb[3])
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *) (void *) (data + y * stride + x * 4);
        gboolean near = TRUE;

        for (int c = 0; c < 3 && near; c++)
          near = fabs ((double) ((pixel >> (16 - 8 * c)) & 0xff) - rgb[c] * 255) <= 1.01;
        if (near)
          return TRUE;
      }
  return FALSE;
}

/* Teams with a self-assessment round get the heatmap's page, after the
 * trends and before the teams' own, its cells shaded as the standards pack
 * shades them; a team without a round is not on it. Many teams take more
 * heatmap pages. */
static void
test_heatmap_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(TandemProgrammeDoc) doc = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "North.tandem", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *page;
  double high[3], low[3];
  guint n_pages;

  {
    g_autoptr(TandemProject) project = tandem_project_create (path, &error);
    g_autoptr(TandemAssessmentResponse) response =
      tandem_assessment_response_new (TANDEM_RESPONDENT_STAFF);
    g_autofree char *ash = NULL;
    g_autofree char *round = NULL;
    g_autofree char *id = NULL;

    g_assert_no_error (error);
    ash = add_team_or_die (project, "Ash Ward");
    g_free (add_team_or_die (project, "Birch Ward"));
    round = tandem_assessment_round_add (project, ash, "2026-06-01", 1, &error);
    g_assert_no_error (error);
    tandem_assessment_response_add_score (response, "coc-safety", 4, NULL);
    tandem_assessment_response_add_score (response, "coc-choice", 1, NULL);
    id = tandem_assessment_response_add (project, round, response, &error);
    g_assert_no_error (error);
  }

  programme = open_folder (fixture);
  doc = tandem_programme_doc_new (programme, NULL);
  n_pages = tandem_programme_doc_paginate (doc, 595.276, 841.89);
  g_assert_cmpuint (tandem_programme_doc_get_first_team_page (doc), ==, 3 + 1);
  g_assert_cmpuint (n_pages, ==, 3 + 1 + 2 + 1);
  g_assert_true (tandem_standards_heat_colour (4.0, high));
  g_assert_false (tandem_standards_heat_colour (1.0, low));
  page = draw_to_image (doc, 3);
  g_assert_true (has_colour (page, high));
  g_assert_true (has_colour (page, low));
  cairo_surface_destroy (page);
  /* The trends page before it has neither. */
  page = draw_to_image (doc, 2);
  g_assert_false (has_colour (page, high));
  cairo_surface_destroy (page);
}

/* The PDF file: A4 portrait, a page for each page of the document. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  make_file (fixture, "North.tandem", (const char *[]) { "Ash Ward", "Birch Ward", NULL });
  programme = open_folder (fixture);
  g_assert_true (tandem_programme_export_pdf (programme, NULL, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 595.27", 22));

  /* A report never replaces a project file. */
  {
    g_autofree char *north = g_build_filename (fixture->dir, "North.tandem", NULL);

    g_assert_false (tandem_programme_export_pdf (programme, NULL, north, NULL, NULL, &error));
    g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/programme-report/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/programme-report/team-pages-differ", Fixture, NULL, fixture_set_up,
              test_team_pages_differ, fixture_tear_down);
  g_test_add ("/programme-report/missing-flows-over-pages", Fixture, NULL, fixture_set_up,
              test_missing_flows_over_pages, fixture_tear_down);
  g_test_add ("/programme-report/key-measure-charts", Fixture, NULL, fixture_set_up,
              test_key_measure_charts, fixture_tear_down);
  g_test_add ("/programme-report/heatmap-pages", Fixture, NULL, fixture_set_up,
              test_heatmap_pages, fixture_tear_down);
  g_test_add ("/programme-report/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf,
              fixture_tear_down);
  return g_test_run ();
}
