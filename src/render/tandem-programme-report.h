/* tandem-programme-report.h — a programme's report (cover, totals, trends
 * by quarter, a page per team, what is missing) drawn with cairo, page by
 * page, for the screen, printing and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-export.h"
#include "tandem-programme.h"

G_BEGIN_DECLS

typedef struct _TandemProgrammeDoc TandemProgrammeDoc;

TandemProgrammeDoc *tandem_programme_doc_new        (TandemProgramme         *programme,
                                                     const char              *name);
void                tandem_programme_doc_free       (gpointer                 doc);
guint               tandem_programme_doc_paginate   (TandemProgrammeDoc      *doc,
                                                     double                   width,
                                                     double                   height);
void                tandem_programme_doc_load_charts (TandemProgrammeDoc    *doc,
                                                     GCancellable            *cancellable);
guint               tandem_programme_doc_get_n_teams (TandemProgrammeDoc     *doc);
guint               tandem_programme_doc_get_first_team_page (TandemProgrammeDoc *doc);
void                tandem_programme_doc_draw_page  (cairo_t                 *cr,
                                                     double                   width,
                                                     double                   height,
                                                     guint                    page_nr,
                                                     gpointer                 doc);

gboolean            tandem_programme_export_pdf     (TandemProgramme         *programme,
                                                     const char              *name,
                                                     const char              *path,
                                                     TandemExportConfirmFunc  confirm,
                                                     gpointer                 confirm_data,
                                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemProgrammeDoc, tandem_programme_doc_free)

G_END_DECLS
