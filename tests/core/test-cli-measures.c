/* test-cli-measures.c — `tandem-cli export chart` and `tandem-cli import data`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "tandem-cli-measures.h"
#include "tandem-project.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = create_sample_in_tmp ("tandem-cli-measures-XXXXXX",
                                                          "Sample.tandem", TANDEM_SAMPLE_WARD,
                                                          &fixture->dir, &fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  free_tmp (&fixture->dir, &fixture->project);
}

/* PDFs hold binary streams: search all of them, not up to the first NUL. */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static int
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  if (g_str_equal (first, "chart"))
    return tandem_cli_export_chart ((int) args->len - 1, (char **) args->pdata);
  return tandem_cli_import ((int) args->len - 1, (char **) args->pdata);
}

static gint64
count_points (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (fixture->project, &error);

  g_assert_no_error (error);
  return tandem_project_count (project, "data_point", NULL, NULL);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *image;

  g_assert_cmpint (run ("chart", "--measure", "Restrictive practice incidents", "--format", "pdf",
                        "--paper", "a3", "--output", pdf, fixture->project, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* A3 landscape: 1190.55 × 841.89 points. */
  g_assert_true (contains (contents, length, "/MediaBox [ 0 0 1190.551181 841.889764 ]"));
  g_clear_pointer (&contents, g_free);

  /* The format comes from the name when not given; 72 dpi makes A4 842 × 596. */
  g_assert_cmpint (run ("chart", "--measure", "Hours of patient activity", "--dpi", "72",
                        "--output", png, fixture->project, NULL), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 842);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 596);
  cairo_surface_destroy (image);

  g_assert_cmpint (run ("chart", "--measure", "Staff sickness", "--format", "svg",
                        "--style", "high-contrast", "--output", svg, fixture->project, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  /* Mistakes exit 2 and write nothing. */
  g_unlink (pdf);
  g_assert_cmpint (run ("chart", "--measure", "No such measure", "--output", pdf,
                        fixture->project, NULL), ==, 2);
  g_assert_cmpint (run ("chart", "--measure", "Staff sickness", "--format", "doc", "--output", pdf,
                        fixture->project, NULL), ==, 2);
  g_assert_cmpint (run ("chart", "--measure", "Staff sickness", "--paper", "a5", "--output", pdf,
                        fixture->project, NULL), ==, 2);
  g_assert_cmpint (run ("chart", "--output", pdf, fixture->project, NULL), ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.csv", NULL);
  gint64 before = count_points (fixture);

  g_assert_true (g_file_set_contents (good, "Date;Value\n23/11/2026;3\n30/11/2026;4,5\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "date,value\n2026-12-07,3\n2026-12-14,lots\n", -1, NULL));

  g_assert_cmpint (run ("import", "data", "--measure", "Staff sickness", good, fixture->project, NULL), ==, 0);
  g_assert_cmpint (count_points (fixture), ==, before + 2);

  /* A bad row: nothing is imported, unless --skip-bad. */
  g_assert_cmpint (run ("import", "data", "--measure", "Staff sickness", bad, fixture->project, NULL), ==, 2);
  g_assert_cmpint (count_points (fixture), ==, before + 2);
  g_assert_cmpint (run ("import", "data", "--measure", "Staff sickness", "--skip-bad", bad,
                        fixture->project, NULL), ==, 0);
  g_assert_cmpint (count_points (fixture), ==, before + 3);

  g_assert_cmpint (run ("import", "data", "--measure", "Nothing", good, fixture->project, NULL), ==, 2);
  g_assert_cmpint (run ("import", "diagram", "--measure", "Staff sickness", good, fixture->project, NULL), ==, 2);
  g_assert_cmpint (count_points (fixture), ==, before + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/export-chart", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/cli/import-data", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  return g_test_run ();
}
