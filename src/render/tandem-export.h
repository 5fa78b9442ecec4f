/* tandem-export.h — pages drawn with cairo, written as PDF, SVG or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_EXPORT_ERROR (tandem_export_error_quark ())

typedef enum
{
  TANDEM_EXPORT_ERROR_INVALID,
  TANDEM_EXPORT_ERROR_WRITE,
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

G_END_DECLS
