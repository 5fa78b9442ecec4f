/* test-export-fonts.c — fonts made ready on a second thread for an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tandem_export_prepare_fonts() must be the first use of fontconfig and
 * Pango in a process, so each case runs in a process of its own.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "tandem-chart.h"
#include "tandem-export.h"

static void
add (TandemMeasure *measure,
     guint          i,
     double         value)
{
  TandemDataPoint *point = g_new0 (TandemDataPoint, 1);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2026);
  g_date_add_days (&date, 7 * i);
  point->id = g_strdup_printf ("p%u", i);
  point->date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));
  point->value = value;
  point->denominator = NAN;
  g_ptr_array_add (measure->points, point);
}

/* An I chart (Making Data Count, so with its icons) with a shift, a point
 * outside the limits and a note: every font the chart uses. */
static TandemChart *
make_chart (void)
{
  static const double values[] = {
    10, 12, 9, 11, 10, 8, 12, 10, 11, 9, 10, 12, 9, 11, 10,
    13, 13.5, 12.5, 13, 14, 13, 12.5, 13.5, 30,
  };
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  TandemAnnotation *annotation = g_new0 (TandemAnnotation, 1);
  TandemChart *chart;

  measure->name = g_strdup ("Hours of activity");
  measure->unit = g_strdup ("hours");
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    add (measure, i, values[i]);
  annotation->id = g_strdup ("a1");
  annotation->date = g_strdup (((TandemDataPoint *) measure->points->pdata[15])->date);
  annotation->text = g_strdup ("Evening group starts");
  g_ptr_array_add (measure->annotations, annotation);
  chart = tandem_chart_new (measure);
  tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
  return chart;
}

/* The format the draw cases export, from the parent test. */
static TandemExportFormat
test_format (void)
{
  TandemExportFormat format = TANDEM_EXPORT_PDF;

  if (g_getenv ("TANDEM_TEST_FORMAT") != NULL)
    g_assert_true (tandem_export_format_from_string (g_getenv ("TANDEM_TEST_FORMAT"), &format));
  return format;
}

static void
export_chart (const char *path)
{
  g_autoptr(GError) error = NULL;
  TandemChart *chart = make_chart ();
  double width, height;

  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
  g_assert_true (tandem_export_pages (path, test_format (), width, height, 1, 100,
                                      tandem_chart_draw_page, chart, &error));
  g_assert_no_error (error);
  tandem_chart_free (chart);
}

static TandemExportFonts *
prepare (void)
{
  double width, height;

  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &width, &height);
  return tandem_export_prepare_fonts (test_format (), width, height, 100,
                                      tandem_chart_warm_fonts,
                                      GINT_TO_POINTER (TANDEM_CHART_STYLE_PRINT));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
font_files (FcConfig *config)
{
  FcPattern *all = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_INDEX, NULL);
  FcFontSet *set = FcFontList (config, all, objects);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file = NULL;
      int index = 0;

      FcPatternGetString (set->fonts[i], FC_FILE, 0, &file);
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &index);
      g_ptr_array_add (files, g_strdup_printf ("%s#%d", file, index));
    }
  g_ptr_array_sort (files, compare_strings);
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (all);
  return files;
}

/* What a configuration chooses for @name: its file and face. */
static char *
match (FcConfig   *config,
       const char *name)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *) name);
  FcPattern *found;
  FcResult result;
  FcChar8 *file = NULL;
  char *text;

  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  found = FcFontMatch (config, pattern, &result);
  g_assert_nonnull (found);
  FcPatternGetString (found, FC_FILE, 0, &file);
  text = g_strdup ((const char *) file);
  FcPatternDestroy (found);
  FcPatternDestroy (pattern);
  return text;
}

/* The configuration loaded on the thread is fontconfig's own: the same
 * fonts, and the same font chosen for each name. */
static void
test_configuration_child (void)
{
  g_autoptr(GPtrArray) ours = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  FcConfig *current;
  FcConfig *fresh;
  const char *names[] = { "Sans", "Sans:bold", "Serif", "Monospace", "Cantarell:light" };

  tandem_export_fonts_install (prepare ());
  current = FcConfigGetCurrent ();
  fresh = FcInitLoadConfigAndFonts ();
  g_assert_nonnull (fresh);
  g_assert_true (current != fresh);

  ours = font_files (current);
  theirs = font_files (fresh);
  g_assert_cmpuint (ours->len, >, 0);
  g_assert_cmpuint (ours->len, ==, theirs->len);
  for (guint i = 0; i < ours->len; i++)
    g_assert_cmpstr (ours->pdata[i], ==, theirs->pdata[i]);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = match (current, names[i]);
      g_autofree char *b = match (fresh, names[i]);
      g_assert_cmpstr (a, ==, b);
    }
  FcConfigDestroy (fresh);

  /* The drawing thread's font map is the one prepared. */
  g_assert_true (PANGO_IS_CAIRO_FONT_MAP (pango_cairo_font_map_get_default ()));
}

static void
test_configuration (void)
{
  g_test_trap_subprocess ("/export/fonts/configuration/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_draw_prepared_child (void)
{
  tandem_export_fonts_install (prepare ());
  export_chart (g_getenv ("TANDEM_TEST_PDF"));
}

/* The other thread loads fonts until the drawing starts, so how far it got
 * varies: the page must not. */
static void
test_draw_prepared_late_child (void)
{
  TandemExportFonts *fonts = prepare ();
  g_autoptr(TandemMeasure) measure = tandem_measure_new ();
  TandemChart *chart;

  /* Work first, as the command line does: a long chart analysed. */
  measure->chart = TANDEM_SPC_CHART_I;
  for (guint i = 0; i < 20000; i++)
    add (measure, i, 10 + (i * 7919 % 11));
  chart = tandem_chart_new (measure);
  g_assert_nonnull (tandem_chart_get_result (chart));
  tandem_chart_free (chart);
  tandem_export_fonts_install (fonts);
  export_chart (g_getenv ("TANDEM_TEST_PDF"));
}

static void
test_draw_plain_child (void)
{
  export_chart (g_getenv ("TANDEM_TEST_PDF"));
}

/* A PDF says when it was made, to the second: that may differ. */
static void
mask_creation_date (char  *data,
                    gsize  length)
{
  const char *key = "/CreationDate (D:";
  gsize n = strlen (key);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, key, n) == 0)
      for (gsize j = i + n; j < length && data[j] != ')'; j++)
        data[j] = 'X';
}

/* A chart exported with fonts prepared is the chart exported without, byte
 * for byte (but its date), in every format. */
static void
test_same_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-test-fonts-XXXXXX", &error);
  const char *formats[] = { "pdf", "svg", "png" };
  const char *cases[] = { "plain", "prepared", "prepared-late" };

  g_assert_no_error (error);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *plain = NULL;
      gsize plain_len = 0;

      g_setenv ("TANDEM_TEST_FORMAT", formats[f], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, cases[i], formats[f]);
          g_autofree char *test = g_strdup_printf ("/export/fonts/draw/%s/subprocess", cases[i]);
          g_autofree char *contents = NULL;
          gsize len;

          g_setenv ("TANDEM_TEST_PDF", path, TRUE);
          g_test_trap_subprocess (test, 0, G_TEST_SUBPROCESS_DEFAULT);
          g_test_trap_assert_passed ();
          g_assert_true (g_file_get_contents (path, &contents, &len, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (len, >, 1000);
          mask_creation_date (contents, len);
          if (plain == NULL)
            {
              plain = g_steal_pointer (&contents);
              plain_len = len;
            }
          else if (len != plain_len || memcmp (contents, plain, len) != 0)
            g_error ("%s, %s: %s", formats[f], cases[i], "the file differs from the one drawn without");
          g_unlink (path);
        }
    }
  g_unsetenv ("TANDEM_TEST_FORMAT");
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/fonts/configuration", test_configuration);
  g_test_add_func ("/export/fonts/configuration/subprocess", test_configuration_child);
  g_test_add_func ("/export/fonts/same-page", test_same_page);
  g_test_add_func ("/export/fonts/draw/plain/subprocess", test_draw_plain_child);
  g_test_add_func ("/export/fonts/draw/prepared/subprocess", test_draw_prepared_child);
  g_test_add_func ("/export/fonts/draw/prepared-late/subprocess", test_draw_prepared_late_child);
  return g_test_run ();
}
