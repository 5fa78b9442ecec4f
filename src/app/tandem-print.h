/* tandem-print.h — printing pages drawn by the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-export.h"

G_BEGIN_DECLS

void tandem_print_pages (GtkWindow          *parent,
                         const char         *job_name,
                         TandemPaper         paper,
                         gboolean            landscape,
                         guint               n_pages,
                         TandemDrawPageFunc  draw,
                         gpointer            user_data,
                         GDestroyNotify      destroy,
                         const char         *export_pdf);

void tandem_print_preview (GtkWindow          *parent,
                           const char         *job_name,
                           TandemPaper         paper,
                           gboolean            landscape,
                           guint               n_pages,
                           TandemDrawPageFunc  draw,
                           gpointer            user_data,
                           GDestroyNotify      destroy);

char *tandem_print_proposed_uri (const char *job_name);

char *tandem_print_export_choice (GtkFileChooser     *chooser,
                                  TandemExportFormat *format,
                                  TandemPaper        *paper,
                                  double             *dpi);

TandemPaper tandem_print_default_paper (void);

G_END_DECLS
