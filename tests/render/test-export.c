/* test-export.c — writing drawn pages to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "tandem-export.h"
#include "tandem-project.h"

static void
draw_box (cairo_t *cr,
          double   width,
          double   height,
          guint    page_nr,
          gpointer user_data)
{
  guint *pages = user_data;

  (*pages)++;
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
  cairo_rectangle (cr, 10, 10, width - 20, height - 20);
  cairo_fill (cr);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tandem-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_formats (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  cairo_surface_t *image;
  double w, h;
  guint pages = 0;

  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);

  g_assert_true (tandem_export_pages (pdf, TANDEM_EXPORT_PDF, w, h, 3, 0, draw_box, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 3);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/Count 3", 8));
  g_clear_pointer (&contents, g_free);

  g_assert_true (tandem_export_pages (png, TANDEM_EXPORT_PNG, 100, 50, 1, 144, draw_box, &pages, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 100);
  cairo_surface_destroy (image);

  g_assert_true (tandem_export_pages (svg, TANDEM_EXPORT_SVG, 100, 50, 1, 0, draw_box, &pages, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));

  g_unlink (pdf);
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_refusals (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "poster.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TandemExportFormat format;
  TandemPaper paper;
  guint pages = 0;

  g_assert_false (tandem_export_pages (svg, TANDEM_EXPORT_SVG, 100, 100, 4, 0, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_export_pages (png, TANDEM_EXPORT_PNG, 100, 100, 1, 5000, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_export_pages (png, TANDEM_EXPORT_PNG, -1, 100, 1, 96, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_export_pages (nowhere, TANDEM_EXPORT_PDF, 100, 100, 1, 0, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_cmpuint (pages, ==, 0);

  /* Nothing half-written is left behind. */
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (d));
  }

  g_assert_true (tandem_export_format_from_string ("png", &format));
  g_assert_cmpint (format, ==, TANDEM_EXPORT_PNG);
  g_assert_false (tandem_export_format_from_string ("docx", &format));
  g_assert_true (tandem_paper_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, TANDEM_PAPER_A3);
  g_assert_false (tandem_paper_from_string ("letter", &paper));
  g_rmdir (dir);
}

static void
assert_only (const char *dir,
             const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  g_assert_cmpstr (g_dir_read_name (d), ==, name);
  if (name != NULL)
    g_assert_null (g_dir_read_name (d));
}

static void
assert_contents (const char *path,
                 const char *expected,
                 gsize       expected_length)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, expected_length);
}

/* No export replaces a Tandem project: not by its name, through a link, or
 * as text. */
static void
test_project_refused (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Ward.tandem", NULL);
  g_autofree char *link = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint pages = 0;

  g_clear_object (&(TandemProject *) { tandem_project_create (path, &error) });
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));
  g_assert_cmpint (symlink ("Ward.tandem", link), ==, 0);

  g_assert_false (tandem_export_pages (path, TANDEM_EXPORT_PDF, 100, 100, 1, 0, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  g_assert_nonnull (strstr (error->message, "Ward.tandem"));
  g_clear_error (&error);
  g_assert_false (tandem_export_pages (link, TANDEM_EXPORT_SVG, 100, 100, 1, 0, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_clear_error (&error);
  g_assert_false (tandem_export_text (link, "# Notes\n", NULL, NULL, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  g_assert_cmpuint (pages, ==, 0);

  assert_contents (path, before, length);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_unlink (link);
  g_unlink (path);
  assert_only (dir, NULL);
  g_rmdir (dir);
}

/* A link is written through; the file replaced keeps its permissions. */
static void
test_link_followed (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  guint pages = 0;

  g_assert_true (g_file_set_contents (target, "earlier", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("target.pdf", link), ==, 0);
  g_assert_true (tandem_export_pages (link, TANDEM_EXPORT_PDF, 100, 100, 1, 0, draw_box, &pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  g_unlink (link);
  g_unlink (target);
  assert_only (dir, NULL);
  g_rmdir (dir);
}

/* A device is written directly, and a full one is called a full disk,
 * naming the file as the person named it. */
static void
test_disk_full (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *link = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      g_rmdir (dir);
      return;
    }
  g_assert_cmpint (symlink ("/dev/full", link), ==, 0);
  g_assert_false (tandem_export_pages (link, TANDEM_EXPORT_PDF, 100, 100, 1, 0, draw_box, &pages, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_nonnull (strstr (error->message, "Disk full"));
  g_clear_error (&error);
  g_assert_false (tandem_export_text (link, "Notes\n", NULL, NULL, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_DISK_FULL);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_only (dir, "chart.pdf");
  g_unlink (link);
  g_rmdir (dir);
}

/* A write that fails part way (here: past the process's file size limit)
 * leaves the earlier file as it was and nothing else. */
static void
test_failed_write_keeps_earlier_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = temp_dir ();
      g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 256, 256 };
      guint pages = 0;

      g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (TandemExportFormat format = TANDEM_EXPORT_PDF; format <= TANDEM_EXPORT_PNG; format++)
        {
          g_assert_false (tandem_export_pages (path, format, 800, 800, 1, 300, draw_box, &pages,
                                               &error));
          g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE);
          g_assert_nonnull (strstr (error->message, "chart.pdf"));
          g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
          g_clear_error (&error);
          assert_contents (path, "earlier", 7);
          assert_only (dir, "chart.pdf");
        }
      g_unlink (path);
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/refusals", test_refusals);
  g_test_add_func ("/export/project-refused", test_project_refused);
  g_test_add_func ("/export/link-followed", test_link_followed);
  g_test_add_func ("/export/disk-full", test_disk_full);
  g_test_add_func ("/export/failed-write-keeps-earlier-file", test_failed_write_keeps_earlier_file);
  return g_test_run ();
}
