/* tandem-export.h — pages drawn with cairo, written as PDF, SVG or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define TANDEM_EXPORT_ERROR (tandem_export_error_quark ())

typedef enum
{
  TANDEM_EXPORT_ERROR_INVALID,
  TANDEM_EXPORT_ERROR_WRITE,
  TANDEM_EXPORT_ERROR_DISK_FULL,
  TANDEM_EXPORT_ERROR_PROJECT,
} TandemExportError;

typedef enum
{
  TANDEM_EXPORT_PDF,
  TANDEM_EXPORT_SVG,
  TANDEM_EXPORT_PNG,
} TandemExportFormat;

typedef enum
{
  TANDEM_PAPER_A4,
  TANDEM_PAPER_A3,
} TandemPaper;

/**
 * TandemDrawPageFunc:
 * @cr: where to draw, in points (1/72 inch), origin at the top left
 * @width: the page's width in points
 * @height: the page's height in points
 * @page_nr: which page, from 0
 * @user_data: the caller's data
 *
 * Draws one page. The same function draws on screen, for printing and into
 * every exported file.
 */
typedef void (*TandemDrawPageFunc) (cairo_t *cr,
                                    double   width,
                                    double   height,
                                    guint    page_nr,
                                    gpointer user_data);

/**
 * TandemExportConfirmFunc:
 * @user_data: the caller's data
 * @error: return location for an error
 *
 * Asked, once the file is complete but before it replaces @path, whether it
 * may; a file refused is deleted.
 *
 * Returns: %TRUE to keep the file
 */
typedef gboolean (*TandemExportConfirmFunc) (gpointer   user_data,
                                             GError   **error);

/**
 * TandemWarmFontsFunc:
 * @context: a Pango context like the one a #TandemDrawPageFunc will draw with
 * @width: the page's width in points
 * @height: the page's height in points
 * @cancellable: cancelled when the drawing is about to start: stop then
 * @user_data: the caller's data
 *
 * Lays out a few words in each font a page will use, the likeliest first,
 * so that the fonts are found and loaded before the drawing starts. See
 * tandem_export_prepare_fonts().
 */
typedef void (*TandemWarmFontsFunc) (PangoContext *context,
                                     double        width,
                                     double        height,
                                     GCancellable *cancellable,
                                     gpointer      user_data);

typedef struct _TandemExportFonts TandemExportFonts;
typedef struct _TandemExportFile TandemExportFile;

GQuark   tandem_export_error_quark        (void);

gboolean tandem_export_format_from_string (const char          *name,
                                           TandemExportFormat  *format);
gboolean tandem_paper_from_string         (const char          *name,
                                           TandemPaper         *paper);
void     tandem_paper_get_size            (TandemPaper          paper,
                                           gboolean             landscape,
                                           double              *width,
                                           double              *height);

gboolean tandem_export_pages              (const char          *path,
                                           TandemExportFormat   format,
                                           double               width,
                                           double               height,
                                           guint                n_pages,
                                           double               dpi,
                                           TandemDrawPageFunc   draw,
                                           gpointer             user_data,
                                           GError             **error);
gboolean tandem_export_pages_confirmed    (const char          *path,
                                           TandemExportFormat   format,
                                           double               width,
                                           double               height,
                                           guint                n_pages,
                                           double               dpi,
                                           TandemDrawPageFunc   draw,
                                           gpointer             user_data,
                                           TandemExportConfirmFunc confirm,
                                           gpointer             confirm_data,
                                           GError             **error);
gboolean tandem_export_check_target       (const char          *path,
                                           GError             **error);
gboolean tandem_export_text               (const char          *path,
                                           const char          *text,
                                           TandemExportConfirmFunc confirm,
                                           gpointer             confirm_data,
                                           GError             **error);

TandemExportFile *tandem_export_file_open   (const char               *path,
                                             GError                  **error);
gboolean          tandem_export_file_write  (TandemExportFile         *self,
                                             const void               *data,
                                             gsize                     length);
gboolean          tandem_export_file_commit (TandemExportFile         *self,
                                             TandemExportConfirmFunc   confirm,
                                             gpointer                  confirm_data,
                                             GError                  **error);
void              tandem_export_file_free   (TandemExportFile         *self);

TandemExportFonts *tandem_export_prepare_fonts (TandemExportFormat   format,
                                               double               width,
                                               double               height,
                                               double               dpi,
                                               TandemWarmFontsFunc  warm,
                                               gpointer             user_data);
void               tandem_export_fonts_install (TandemExportFonts   *fonts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemExportFonts, tandem_export_fonts_install)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemExportFile, tandem_export_file_free)

G_END_DECLS
