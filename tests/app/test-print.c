/* test-print.c — what GTK's printing puts on the paper is the exported page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through GtkPrintOperation (here its export to PDF, which is
 * what “Print to File” does); exporting draws straight into a cairo PDF. The
 * same drawing function must make the same page both ways: the whole sheet,
 * landscape, on A4 and on A3, not a page shrunk into the printer's margins.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-export.h"
#include "tandem-print.h"
#include "tandem-test-util.h"

static TandemChart *
make_chart (void)
{
  static const double values[] = { 10, 12, 9, 11, 10, 8, 12, 10, 11, 9, 10, 12, 9, 11, 30 };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  TandemChart *chart;

  measure->name = g_strdup ("Hours of activity");
  measure->unit = g_strdup ("hours");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      TandemDataPoint *point = g_new0 (TandemDataPoint, 1);

      point->id = g_strdup_printf ("p%u", i);
      point->date = g_strdup_printf ("%u-%02u-01", 2026 + i / 12, i % 12 + 1);
      point->value = values[i];
      point->denominator = NAN;
      g_ptr_array_add (measure->points, point);
    }
  chart = tandem_chart_new (measure);
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
  return chart;
}

/* @needle in @length bytes from @haystack, which may hold nul bytes. */
static const char *
find (const char *haystack,
      gsize       length,
      const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* The inflated content streams of a PDF that draw text (the pages). */
static GPtrArray *
page_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *at;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  at = data;
  while ((at = find (at, length - (at - data), "stream\n")) != NULL)
    {
      const char *start = at + strlen ("stream\n");
      const char *end = find (start, length - (start - data), "endstream");
      g_autoptr(GConverter) zlib = NULL;
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GInputStream) inflated = NULL;
      g_autoptr(GOutputStream) out = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_nonnull (end);
      zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      raw = g_memory_input_stream_new_from_data (start, end - start, NULL);
      inflated = g_converter_input_stream_new (raw, zlib);
      out = g_memory_output_stream_new_resizable ();
      /* Fonts and images may not be zlib streams; only pages matter here. */
      if (g_output_stream_splice (out, inflated, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) >= 0)
        {
          bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
          if (find (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), " Tf") != NULL)
            g_ptr_array_add (pages, g_steal_pointer (&bytes));
        }
      at = end + strlen ("endstream");
    }
  return pages;
}

/* Print to File proposes the document's name in Documents (or the home
 * folder), never output.pdf in the current folder. */
static void
test_proposed_file (void)
{
  g_autofree char *uri = tandem_print_proposed_uri ("Seclusion hours/week: 3");
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_assert_nonnull (path);
  base = g_path_get_basename (path);
  dir = g_path_get_dirname (path);
  g_assert_cmpstr (base, ==, "Seclusion hours-week- 3.pdf");
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (dir, ==, documents);
  else
    g_assert_cmpstr (dir, ==, g_get_home_dir ());
}

static void
test_print_is_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-test-print-XXXXXX", &error);
  TandemPaper papers[] = { TANDEM_PAPER_A4, TANDEM_PAPER_A3 };
  const char *media[] = { "/MediaBox [ 0 0 841.889764 595.275591 ]",
                          "/MediaBox [ 0 0 1190.551181 841.889764 ]" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
      g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;
      TandemChart *chart = make_chart ();
      double width, height;
      GStatBuf st;

      tandem_print_pages (NULL, "Hours of activity", papers[i], TRUE, 1, tandem_chart_draw_page,
                          chart, NULL, printed);
      while (g_stat (printed, &st) != 0 || st.st_size == 0)
        g_main_context_iteration (NULL, TRUE);
      tandem_paper_get_size (papers[i], TRUE, &width, &height);
      g_assert_true (tandem_export_pages (exported, TANDEM_EXPORT_PDF, width, height, 1, 72,
                                          tandem_chart_draw_page, chart, &error));
      g_assert_no_error (error);
      tandem_chart_free (chart);

      /* The sheet: landscape, of the paper asked for. */
      g_assert_true (g_file_get_contents (printed, &data, &length, &error));
      g_assert_nonnull (find (data, length, media[i]));

      /* The page: the same drawing, at the same size and place. */
      a = page_contents (printed);
      b = page_contents (exported);
      g_assert_cmpuint (a->len, ==, 1);
      g_assert_cmpuint (b->len, ==, 1);
      g_assert_true (g_bytes_equal (a->pdata[0], b->pdata[0]));

      g_unlink (printed);
      g_unlink (exported);
    }
  g_rmdir (dir);
}

typedef struct
{
  TandemChart *chart;
  guint        draws;
  gboolean     freed;
} Counted;

static void
counted_draw (cairo_t *cr,
              double   width,
              double   height,
              guint    page_nr,
              gpointer data)
{
  Counted *counted = data;

  counted->draws++;
  tandem_chart_draw_page (cr, width, height, page_nr, counted->chart);
}

static void
counted_free (gpointer data)
{
  Counted *counted = data;

  g_assert_false (counted->freed);
  counted->freed = TRUE;
}

static void
collect_areas (GtkWidget *widget,
               GPtrArray *areas)
{
  if (GTK_IS_DRAWING_AREA (widget))
    g_ptr_array_add (areas, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_areas (child, areas);
}

/* Without the document viewer GTK runs for a preview (GTK 4.8 would fail
 * silently), the pages are shown in a window of the app's own; with it, GTK
 * runs it and no window of ours opens. */
/* Runs what @window's own Escape shortcut does; FALSE if it has none. */
static gboolean
press_escape (GtkWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), NULL);
        }
    }
  return FALSE;
}

/* Pages read the paper chosen in Preferences from the settings themselves,
 * not from the application: the choice is seen at once. */
static void
test_default_paper (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "default-paper-size", "a3");
  g_assert_cmpint (tandem_print_default_paper (), ==, TANDEM_PAPER_A3);
  g_settings_set_string (settings, "default-paper-size", "a4");
  g_assert_cmpint (tandem_print_default_paper (), ==, TANDEM_PAPER_A4);
  g_settings_reset (settings, "default-paper-size");
}

static void
test_preview (void)
{
  Counted counted = { make_chart (), 0, FALSE };
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  GtkWindow *window;

  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command",
                "tandem-no-such-viewer --preview %f", NULL);
  tandem_print_preview (NULL, "Hours of activity", TANDEM_PAPER_A4, TRUE, 2, counted_draw,
                        &counted, counted_free);
  WAIT_FOR ((window = find_toplevel (ADW_TYPE_WINDOW, NULL)) != NULL);
  collect_areas (GTK_WIDGET (window), areas);
  g_assert_cmpuint (areas->len, ==, 2);
  /* Each page drawn, landscape A4 in shape. */
  WAIT_FOR (counted.draws >= 2 && gtk_widget_get_width (areas->pdata[1]) > 0);
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_height (areas->pdata[0]) /
                                  gtk_widget_get_width (areas->pdata[0]),
                                  595.2756 / 841.8898, 0.01);
  g_assert_false (counted.freed);

  /* Closed with Escape: the pages are let go. */
  g_assert_true (press_escape (window));
  WAIT_FOR (counted.freed);
  g_assert_null (find_toplevel (ADW_TYPE_WINDOW, NULL));

  /* A viewer that is installed: GTK's own preview, none of ours. */
  counted.freed = FALSE;
  counted.draws = 0;
  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command", "true %f", NULL);
  tandem_print_preview (NULL, "Hours of activity", TANDEM_PAPER_A4, TRUE, 2, counted_draw,
                        &counted, counted_free);
  WAIT_FOR (counted.freed);
  g_assert_cmpuint (counted.draws, ==, 2);
  g_assert_null (find_toplevel (ADW_TYPE_WINDOW, NULL));
  tandem_chart_free (counted.chart);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);
  g_test_add_func ("/print/is-export", test_print_is_export);
  g_test_add_func ("/print/proposed-file", test_proposed_file);
  g_test_add_func ("/print/preview", test_preview);
  g_test_add_func ("/print/default-paper", test_default_paper);
  return g_test_run ();
}
