/* tandem-export.c — pages drawn with cairo, written as PDF, SVG or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "tandem-export.h"

G_DEFINE_QUARK (tandem-export-error-quark, tandem_export_error)

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/**
 * tandem_export_format_from_string:
 * @name: “pdf”, “svg” or “png”
 * @format: (out): the format
 *
 * Returns: whether @name is a format Tandem writes
 */
gboolean
tandem_export_format_from_string (const char         *name,
                                  TandemExportFormat *format)
{
  if (g_strcmp0 (name, "pdf") == 0)
    *format = TANDEM_EXPORT_PDF;
  else if (g_strcmp0 (name, "svg") == 0)
    *format = TANDEM_EXPORT_SVG;
  else if (g_strcmp0 (name, "png") == 0)
    *format = TANDEM_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

/**
 * tandem_paper_from_string:
 * @name: “a4” or “a3”
 * @paper: (out): the paper size
 *
 * Returns: whether @name is a paper size Tandem knows
 */
gboolean
tandem_paper_from_string (const char  *name,
                          TandemPaper *paper)
{
  if (g_ascii_strcasecmp (name ? name : "", "a4") == 0)
    *paper = TANDEM_PAPER_A4;
  else if (g_ascii_strcasecmp (name ? name : "", "a3") == 0)
    *paper = TANDEM_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

/**
 * tandem_paper_get_size:
 * @paper: a paper size
 * @landscape: whether the long side is across
 * @width: (out): width in points
 * @height: (out): height in points
 */
void
tandem_paper_get_size (TandemPaper  paper,
                       gboolean     landscape,
                       double      *width,
                       double      *height)
{
  double w = paper == TANDEM_PAPER_A3 ? MM_TO_PT (297) : MM_TO_PT (210);
  double h = paper == TANDEM_PAPER_A3 ? MM_TO_PT (420) : MM_TO_PT (297);

  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_basename (path);
  g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
               status == CAIRO_STATUS_WRITE_ERROR
                 ? _("“%s” could not be written. Check there is space on the disk and that "
                     "you may write to the folder, then try again.")
                 : _("“%s” could not be drawn: %s."),
               name, cairo_status_to_string (status));
  return FALSE;
}

/**
 * tandem_export_pages:
 * @path: the file to write; it is replaced only once complete
 * @format: PDF (any number of pages), SVG or PNG (one page)
 * @width: page width in points
 * @height: page height in points
 * @n_pages: how many pages
 * @dpi: resolution for PNG (72–1200); ignored otherwise
 * @draw: draws each page
 * @user_data: for @draw
 * @error: return location for an error
 *
 * Writes pages drawn by @draw to a file. The file is written beside @path
 * under a temporary name and renamed into place when complete, so a failed
 * export (a full disk) never leaves half a file or destroys an older one.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_export_pages (const char          *path,
                     TandemExportFormat   format,
                     double               width,
                     double               height,
                     guint                n_pages,
                     double               dpi,
                     TandemDrawPageFunc   draw,
                     gpointer             user_data,
                     GError             **error)
{
  return tandem_export_pages_confirmed (path, format, width, height, n_pages, dpi,
                                        draw, user_data, NULL, NULL, error);
}

/**
 * tandem_export_pages_confirmed:
 * @path: the file to write
 * @format: PDF, SVG or PNG
 * @width: page width in points
 * @height: page height in points
 * @n_pages: how many pages
 * @dpi: resolution for PNG (72–1200); ignored otherwise
 * @draw: draws each page
 * @user_data: for @draw
 * @confirm: (nullable): asked before the finished file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * As tandem_export_pages(), but the complete file only replaces @path if
 * @confirm agrees: the command line uses it to keep nothing made from a
 * project whose structural check, running meanwhile, fails.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_export_pages_confirmed (const char              *path,
                               TandemExportFormat       format,
                               double                   width,
                               double                   height,
                               guint                    n_pages,
                               double                   dpi,
                               TandemDrawPageFunc       draw,
                               gpointer                 user_data,
                               TandemExportConfirmFunc  confirm,
                               gpointer                 confirm_data,
                               GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface = NULL;
  gboolean ok = TRUE;
  int fd;

  g_return_val_if_fail (path != NULL && draw != NULL, FALSE);

  if (!(width > 0 && height > 0 && width < 100000 && height < 100000) || n_pages == 0)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                   _("The page size %g × %g points cannot be exported."), width, height);
      return FALSE;
    }
  if (format != TANDEM_EXPORT_PDF && n_pages > 1)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                   _("SVG and PNG files hold one page; export %u pages as PDF."), n_pages);
      return FALSE;
    }
  if (format == TANDEM_EXPORT_PNG && !(dpi >= 72 && dpi <= 1200))
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                   _("A resolution of %g dots per inch cannot be used: choose between 72 and 1200."),
                   dpi);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".tandem-export-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s."), name, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  if (format == TANDEM_EXPORT_PNG)
    {
      double scale = dpi / 72.0;
      int w = (int) ceil (width * scale), h = (int) ceil (height * scale);
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      ok = check_surface (surface, path, error);
      if (ok)
        {
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, scale, scale);
          draw (cr, width, height, 0, user_data);
          cairo_destroy (cr);
          ok = cairo_surface_write_to_png (surface, tmp) == CAIRO_STATUS_SUCCESS;
          if (!ok)
            {
              g_autofree char *name = g_filename_display_basename (path);
              g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                           _("“%s” could not be written. Check there is space on the disk "
                             "and that you may write to the folder, then try again."), name);
            }
        }
    }
  else
    {
      if (format == TANDEM_EXPORT_PDF)
        surface = cairo_pdf_surface_create (tmp, width, height);
      else
        surface = cairo_svg_surface_create (tmp, width, height);
      ok = check_surface (surface, path, error);
      if (ok && format == TANDEM_EXPORT_PDF)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tandem " PACKAGE_VERSION);
      for (guint page = 0; ok && page < n_pages; page++)
        {
          cairo_t *cr = cairo_create (surface);
          draw (cr, width, height, page, user_data);
          cairo_show_page (cr);
          cairo_destroy (cr);
          ok = check_surface (surface, path, error);
        }
      if (ok)
        {
          cairo_surface_finish (surface);
          ok = check_surface (surface, path, error);
        }
    }
  g_clear_pointer (&surface, cairo_surface_destroy);

  if (ok && confirm != NULL)
    ok = confirm (confirm_data, error);
  return tandem_export_finish_file (tmp, path, ok, error);
}

/**
 * tandem_export_finish_file:
 * @tmp: a finished temporary file beside @path
 * @path: where the output belongs
 * @ok: whether writing @tmp (and any check) succeeded
 * @error: return location for an error
 *
 * Moves @tmp into place if @ok, and otherwise (or if that fails) removes it,
 * so that nothing half-written or unchecked is left behind.
 *
 * Returns: whether @path now holds the output
 */
gboolean
tandem_export_finish_file (const char  *tmp,
                           const char  *path,
                           gboolean     ok,
                           GError     **error)
{
  if (ok && g_rename (tmp, path) != 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s."), name, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Fonts ready before the drawing starts                                      */

struct _TandemExportFonts
{
  GThread             *thread;
  GMutex               lock;
  GCond                cond;
  gboolean             configured;  /* fontconfig's configuration is loaded */
  GCancellable        *cancellable;
  TandemExportFormat   format;
  double               width;
  double               height;
  double               dpi;
  TandemWarmFontsFunc  warm;
  gpointer             user_data;
};

/* What FcInit() does, less one step: it also reads every configuration file
 * that is available but not enabled (conf.avail), only so that fc-conflist
 * can list their descriptions, and that is a third of its time. The files
 * that apply, the fonts and their caches are the same. Anything unusual (no
 * configuration, no cache directory) is left to FcInit() and its fallbacks.
 * Must run before anything else in the process uses fontconfig. */
static void
load_font_configuration (void)
{
  FcConfig *config = FcConfigCreate ();
  FcStrList *cache_dirs;
  gboolean usable;

  if (config == NULL)
    return;
  usable = FcConfigParseAndLoad (config, NULL, FcTrue);
  if (usable)
    {
      cache_dirs = FcConfigGetCacheDirs (config);
      usable = cache_dirs != NULL && FcStrListNext (cache_dirs) != NULL;
      if (cache_dirs != NULL)
        FcStrListDone (cache_dirs);
    }
  /* FcConfigSetCurrent() keeps a reference of its own; ours is kept too, as
   * older fontconfigs did not take one. */
  if (!usable || !FcConfigBuildFonts (config) || !FcConfigSetCurrent (config))
    FcConfigDestroy (config);
}

static gpointer
prepare_fonts_thread (gpointer data)
{
  TandemExportFonts *fonts = data;
  PangoFontMap *map;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;

  load_font_configuration ();
  /* A font map of our own (the default one is each thread's own), handed to
   * the drawing thread when this one ends. */
  map = pango_cairo_font_map_new ();
  g_mutex_lock (&fonts->lock);
  fonts->configured = TRUE;
  g_cond_signal (&fonts->cond);
  g_mutex_unlock (&fonts->lock);
  /* An SVG file names its drawing after a number every cairo surface in
   * the process takes, so a surface made here would change the file: for
   * SVG, only the configuration is loaded. */
  if (fonts->warm == NULL || fonts->format == TANDEM_EXPORT_SVG ||
      g_cancellable_is_cancelled (fonts->cancellable))
    return map;

  /* The fonts are loaded for a surface of the kind the export draws on, so
   * that the drawing finds them with the same options and scale. */
  if (fonts->format == TANDEM_EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  else
    surface = cairo_pdf_surface_create_for_stream (NULL, NULL, fonts->width, fonts->height);
  cr = cairo_create (surface);
  if (fonts->format == TANDEM_EXPORT_PNG)
    cairo_scale (cr, fonts->dpi / 72.0, fonts->dpi / 72.0);
  context = pango_font_map_create_context (map);
  pango_cairo_update_context (cr, context);
  fonts->warm (context, fonts->width, fonts->height, fonts->cancellable, fonts->user_data);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return map;
}

/**
 * tandem_export_prepare_fonts:
 * @format: what the export will write
 * @width: page width in points
 * @height: page height in points
 * @dpi: resolution of a PNG; ignored otherwise
 * @warm: (nullable): lays out text in the fonts the pages use
 * @user_data: for @warm
 *
 * Starts getting fonts ready on a second thread, so that a program that
 * exports (the command line) does it while it opens its project and
 * analyses the data: it reads fontconfig's configuration and caches, then
 * @warm finds and loads the fonts the pages use until the drawing starts.
 * Call tandem_export_fonts_install() on the thread that will draw, before
 * it draws. Nothing else in the process may use fontconfig or Pango before
 * then; the app, where GTK has set them up already, must not call this.
 *
 * Returns: (transfer full): the fonts being prepared
 */
TandemExportFonts *
tandem_export_prepare_fonts (TandemExportFormat   format,
                             double               width,
                             double               height,
                             double               dpi,
                             TandemWarmFontsFunc  warm,
                             gpointer             user_data)
{
  TandemExportFonts *fonts = g_new0 (TandemExportFonts, 1);

  g_mutex_init (&fonts->lock);
  g_cond_init (&fonts->cond);
  fonts->cancellable = g_cancellable_new ();
  fonts->format = format;
  fonts->width = width;
  fonts->height = height;
  fonts->dpi = format == TANDEM_EXPORT_PNG && dpi >= 72 && dpi <= 1200 ? dpi : 72;
  fonts->warm = warm;
  fonts->user_data = user_data;
  fonts->thread = g_thread_new ("tandem-fonts", prepare_fonts_thread, fonts);
  return fonts;
}

/**
 * tandem_export_fonts_install:
 * @fonts: (transfer full): from tandem_export_prepare_fonts()
 *
 * Waits for fontconfig's configuration to be loaded, stops the loading of
 * fonts where it has got to (the drawing loads any font still missing) and
 * makes the fonts loaded the calling thread's default font map. Frees @fonts.
 */
void
tandem_export_fonts_install (TandemExportFonts *fonts)
{
  g_autoptr(PangoFontMap) map = NULL;

  g_return_if_fail (fonts != NULL);

  g_mutex_lock (&fonts->lock);
  while (!fonts->configured)
    g_cond_wait (&fonts->cond, &fonts->lock);
  g_mutex_unlock (&fonts->lock);
  g_cancellable_cancel (fonts->cancellable);
  map = g_thread_join (fonts->thread);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));

  g_object_unref (fonts->cancellable);
  g_mutex_clear (&fonts->lock);
  g_cond_clear (&fonts->cond);
  g_free (fonts);
}
