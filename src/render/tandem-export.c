/* tandem-export.c — pages drawn with cairo, written as PDF, SVG or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-export.h"
#include "tandem-schema.h"

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

/* ------------------------------------------------------------------------ */
/* One way to write an export                                                 */

/* Bytes kept before they are written to the temporary file. */
#define PENDING_MAX (64 * 1024)

struct _TandemExportFile
{
  char       *name;      /* the file as the person named it, for messages */
  char       *target;    /* where the output goes, links followed; NULL: standard output */
  char       *tmp;       /* the temporary file beside @target; NULL when written directly */
  int         fd;        /* @tmp, or the device or pipe while it is written */
  GByteArray *pending;   /* not yet written to @fd; everything, when written directly */
  int         failure;   /* errno of the first write that failed, or 0 */
};

static void
set_write_error (GError     **error,
                 const char  *name,
                 int          saved)
{
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_DISK_FULL,
                 _("Disk full: “%s” could not be written. Free some space on the disk, "
                   "then export again."), name);
  else
    g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                 _("“%s” could not be written: %s."), name, g_strerror (saved));
}

/* Whether @path starts as a Tandem project does: an SQLite header with
 * Tandem's application id. *saved is set if it could not be read. */
static gboolean
is_project (const char *path,
            int        *saved)
{
  guint8 header[72];
  guint32 application_id;
  gsize got = 0;
  int fd;

  *saved = 0;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      *saved = errno;
      return FALSE;
    }
  while (got < sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        *saved = errno;
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  close (fd);
  memcpy (&application_id, header + 68, sizeof application_id);
  return got == sizeof header &&
         memcmp (header, "SQLite format 3", 16) == 0 &&
         GUINT32_FROM_BE (application_id) == TANDEM_APPLICATION_ID;
}

static void
set_project_error (GError     **error,
                   const char  *name)
{
  g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT,
               _("“%s” is a Tandem project: an export never replaces a project. "
                 "Choose another name for the file."), name);
}

/**
 * tandem_export_check_target:
 * @path: a file an export or a printout is about to be written to
 * @error: return location for an error
 *
 * For writers other than tandem_export_file_open() (GTK's printing to a
 * file): refuses @path, links followed, if it is a Tandem project.
 *
 * Returns: %FALSE, with %TANDEM_EXPORT_ERROR_PROJECT, if @path is a project
 */
gboolean
tandem_export_check_target (const char  *path,
                            GError     **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;
  int saved;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || !is_project (path, &saved))
    return TRUE;
  name = g_filename_display_basename (path);
  set_project_error (error, name);
  return FALSE;
}

/* @path with any chain of symbolic links followed to the name that will
 * hold the file, which need not exist yet. */
static char *
follow_links (const char  *path,
              const char  *name,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= 40; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }
  set_write_error (error, name, ELOOP);
  return NULL;
}

/**
 * tandem_export_file_open:
 * @path: the file to write, or “-” for standard output
 * @error: return location for an error
 *
 * Starts writing an export, the one way every export is written. A symbolic
 * link is followed: the file it points to is written, and the link stays.
 * A regular file is written beside its target under a temporary name and
 * renamed onto it by tandem_export_file_commit() only once complete, so a
 * failure (a full disk) never leaves half a file or loses an earlier one.
 * Anything else (a device, a pipe, standard output) is written directly,
 * all at once when committed. An existing Tandem project is never written:
 * that is refused with %TANDEM_EXPORT_ERROR_PROJECT.
 *
 * Returns: (transfer full) (nullable): the file being written
 */
TandemExportFile *
tandem_export_file_open (const char  *path,
                         GError     **error)
{
  g_autoptr(TandemExportFile) self = NULL;
  g_autofree char *dir = NULL;
  gboolean replacing = FALSE;
  GStatBuf st;
  int saved;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (TandemExportFile, 1);
  self->fd = -1;
  self->pending = g_byte_array_new ();
  if (g_str_equal (path, "-"))
    {
      self->name = g_strdup (_("standard output"));
      return g_steal_pointer (&self);
    }
  self->name = g_filename_display_basename (path);

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                       _("“%s” is a folder. Choose a name for the file."), self->name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          self->target = g_strdup (path);
          return g_steal_pointer (&self);
        }
      self->target = realpath (path, NULL);
      if (self->target == NULL)
        {
          set_write_error (error, self->name, errno);
          return NULL;
        }
      if (is_project (self->target, &saved))
        {
          set_project_error (error, self->name);
          return NULL;
        }
      if (saved != 0)
        {
          set_write_error (error, self->name, saved);
          return NULL;
        }
      replacing = TRUE;
    }
  else if (errno == ENOENT)
    {
      self->target = follow_links (path, self->name, error);
      if (self->target == NULL)
        return NULL;
    }
  else
    {
      set_write_error (error, self->name, errno);
      return NULL;
    }

  dir = g_path_get_dirname (self->target);
  self->tmp = g_build_filename (dir, ".tandem-export-XXXXXX", NULL);
  /* A new file gets the usual permissions (the umask applies); a file
   * replaced keeps its own. */
  self->fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      saved = errno;
      g_clear_pointer (&self->tmp, g_free);
      set_write_error (error, self->name, saved);
      return NULL;
    }
  if (replacing && fchmod (self->fd, st.st_mode & 07777) != 0)
    {
      set_write_error (error, self->name, errno);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
flush_pending (TandemExportFile *self)
{
  guint done = 0;

  while (self->failure == 0 && done < self->pending->len)
    {
      gssize n = write (self->fd, self->pending->data + done, self->pending->len - done);

      if (n >= 0)
        done += (guint) n;
      else if (errno != EINTR)
        self->failure = errno;
    }
  g_byte_array_set_size (self->pending, 0);
  return self->failure == 0;
}

/**
 * tandem_export_file_write:
 * @self: a file being written
 * @data: (array length=length): bytes to add
 * @length: how many
 *
 * Adds bytes to the file. A failure is kept and reported by
 * tandem_export_file_commit().
 *
 * Returns: %FALSE if writing has failed
 */
gboolean
tandem_export_file_write (TandemExportFile *self,
                          const void       *data,
                          gsize             length)
{
  g_return_val_if_fail (self != NULL && length <= G_MAXUINT, FALSE);

  if (self->failure != 0)
    return FALSE;
  g_byte_array_append (self->pending, data, (guint) length);
  if (self->tmp != NULL && self->pending->len >= PENDING_MAX)
    return flush_pending (self);
  return TRUE;
}

static void
discard (TandemExportFile *self)
{
  if (self->tmp != NULL)
    {
      if (self->fd >= 0)
        close (self->fd);
      g_unlink (self->tmp);
      g_clear_pointer (&self->tmp, g_free);
    }
  self->fd = -1;
}

static gboolean
commit_directly (TandemExportFile         *self,
                 TandemExportConfirmFunc   confirm,
                 gpointer                  confirm_data,
                 GError                  **error)
{
  if (self->failure == 0 && confirm != NULL && !confirm (confirm_data, error))
    return FALSE;
  if (self->target == NULL)
    {
      fflush (stdout);
      self->fd = STDOUT_FILENO;
    }
  else
    self->fd = g_open (self->target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (self->fd < 0)
    self->failure = errno;
  else
    flush_pending (self);
  if (self->target != NULL && self->fd >= 0 && close (self->fd) != 0 && self->failure == 0)
    self->failure = errno;
  self->fd = -1;
  if (self->failure != 0)
    {
      set_write_error (error, self->name, self->failure);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_export_file_commit:
 * @self: a file being written
 * @confirm: (nullable): asked, once the file is complete, whether it may
 *   replace the one named
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * Finishes the file: checks every write, flushes it to the disk and only
 * then renames it onto its target (or, written directly, writes it all).
 * If anything fails, or @confirm refuses, the temporary file is removed and
 * any earlier file is left as it was.
 *
 * Returns: whether the file named now holds the export
 */
gboolean
tandem_export_file_commit (TandemExportFile         *self,
                           TandemExportConfirmFunc   confirm,
                           gpointer                  confirm_data,
                           GError                  **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->tmp == NULL)
    return commit_directly (self, confirm, confirm_data, error);

  if (flush_pending (self) && fsync (self->fd) != 0 && errno != EINVAL)
    self->failure = errno;
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 && self->failure == 0 && errno != EINTR)
    self->failure = errno;
  if (self->failure == 0)
    {
      if (confirm != NULL && !confirm (confirm_data, error))
        {
          discard (self);
          return FALSE;
        }
      if (g_rename (self->tmp, self->target) == 0)
        {
          g_clear_pointer (&self->tmp, g_free);
          return TRUE;
        }
      self->failure = errno;
    }
  set_write_error (error, self->name, self->failure);
  discard (self);
  return FALSE;
}

/**
 * tandem_export_file_free:
 * @self: (transfer full): a file being written
 *
 * Frees @self; a file not committed is removed, leaving any earlier one.
 */
void
tandem_export_file_free (TandemExportFile *self)
{
  g_return_if_fail (self != NULL);

  discard (self);
  g_byte_array_unref (self->pending);
  g_free (self->target);
  g_free (self->name);
  g_free (self);
}

/**
 * tandem_export_text:
 * @path: the file to write, or “-” for standard output
 * @text: what to write
 * @confirm: (nullable): asked before the file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * Writes a text export (Markdown, plain text, a calendar) as
 * tandem_export_file_open() describes.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_export_text (const char               *path,
                    const char               *text,
                    TandemExportConfirmFunc   confirm,
                    gpointer                  confirm_data,
                    GError                  **error)
{
  g_autoptr(TandemExportFile) file = tandem_export_file_open (path, error);

  if (file == NULL)
    return FALSE;
  tandem_export_file_write (file, text, strlen (text));
  return tandem_export_file_commit (file, confirm, confirm_data, error);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return tandem_export_file_write (closure, data, length)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
check_status (cairo_status_t     status,
              TandemExportFile  *file,
              GError           **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    set_write_error (error, file->name, file->failure != 0 ? file->failure : ENOSPC);
  else
    g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE,
                 _("“%s” could not be drawn: %s."), file->name, cairo_status_to_string (status));
  return FALSE;
}

/**
 * tandem_export_pages:
 * @path: the file to write, or “-” for standard output; it is replaced only
 *   once complete
 * @format: PDF (any number of pages), SVG or PNG (one page)
 * @width: page width in points
 * @height: page height in points
 * @n_pages: how many pages
 * @dpi: resolution for PNG (72–1200); ignored otherwise
 * @draw: draws each page
 * @user_data: for @draw
 * @error: return location for an error
 *
 * Writes pages drawn by @draw to a file, as tandem_export_file_open()
 * describes: a failed export (a full disk) never leaves half a file or
 * destroys an older one, and never replaces a project.
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
  g_autoptr(TandemExportFile) file = NULL;
  cairo_surface_t *surface = NULL;
  gboolean ok = TRUE;

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

  file = tandem_export_file_open (path, error);
  if (file == NULL)
    return FALSE;

  if (format == TANDEM_EXPORT_PNG)
    {
      double scale = dpi / 72.0;
      int w = (int) ceil (width * scale), h = (int) ceil (height * scale);
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      ok = check_status (cairo_surface_status (surface), file, error);
      if (ok)
        {
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, scale, scale);
          draw (cr, width, height, 0, user_data);
          cairo_destroy (cr);
          ok = check_status (cairo_surface_write_to_png_stream (surface, write_cb, file),
                             file, error);
        }
    }
  else
    {
      if (format == TANDEM_EXPORT_PDF)
        surface = cairo_pdf_surface_create_for_stream (write_cb, file, width, height);
      else
        surface = cairo_svg_surface_create_for_stream (write_cb, file, width, height);
      ok = check_status (cairo_surface_status (surface), file, error);
      if (ok && format == TANDEM_EXPORT_PDF)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tandem " PACKAGE_VERSION);
      for (guint page = 0; ok && page < n_pages; page++)
        {
          cairo_t *cr = cairo_create (surface);
          draw (cr, width, height, page, user_data);
          cairo_show_page (cr);
          cairo_destroy (cr);
          ok = check_status (cairo_surface_status (surface), file, error);
        }
      if (ok)
        {
          cairo_surface_finish (surface);
          ok = check_status (cairo_surface_status (surface), file, error);
        }
    }
  g_clear_pointer (&surface, cairo_surface_destroy);

  return ok && tandem_export_file_commit (file, confirm, confirm_data, error);
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
