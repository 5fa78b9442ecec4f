/* tandem-measures-page.h — the Measures page: measures, their data and their charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-equity-overview.h"
#include "tandem-equity-section.h"
#include "tandem-export.h"
#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURES_PAGE (tandem_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasuresPage, tandem_measures_page, TANDEM, MEASURES_PAGE, TandemPage)

const char *tandem_measures_page_get_measure_id (TandemMeasuresPage  *self);
void        tandem_measures_page_select_measure (TandemMeasuresPage  *self,
                                                 const char          *measure_id);
GtkWindow  *tandem_measures_page_new_measure    (TandemMeasuresPage  *self);
GtkWindow  *tandem_measures_page_open_import    (TandemMeasuresPage  *self,
                                                 const char          *text,
                                                 gssize               length);
gboolean    tandem_measures_page_export_to      (TandemMeasuresPage  *self,
                                                 const char          *path,
                                                 TandemExportFormat   format,
                                                 TandemPaper          paper,
                                                 double               dpi,
                                                 GError             **error);
void        tandem_measures_page_print_to_pdf   (TandemMeasuresPage  *self,
                                                 TandemPaper          paper,
                                                 const char          *path);
const char *tandem_measures_page_get_summary    (TandemMeasuresPage  *self);
GtkWindow  *tandem_measures_page_edit_phase     (TandemMeasuresPage  *self,
                                                 const char          *phase_id);
GtkWindow  *tandem_measures_page_edit_note      (TandemMeasuresPage  *self,
                                                 const char          *note_id);
void        tandem_measures_page_show_equity_overview (TandemMeasuresPage *self);
TandemEquitySection  *tandem_measures_page_get_equity_section  (TandemMeasuresPage *self);
TandemEquityOverview *tandem_measures_page_get_equity_overview (TandemMeasuresPage *self);

G_END_DECLS
