/* tandem-equity-section.h — a measure's equity part on the Measures page: its breakdown by group, data and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-equity-chart.h"
#include "tandem-export.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_EQUITY_SECTION (tandem_equity_section_get_type ())

G_DECLARE_FINAL_TYPE (TandemEquitySection, tandem_equity_section, TANDEM, EQUITY_SECTION, GtkBox)

void        tandem_equity_section_set_measure  (TandemEquitySection  *self,
                                                TandemProject        *project,
                                                const char           *measure_id,
                                                gboolean              editable);
const char *tandem_equity_section_get_words    (TandemEquitySection  *self);
void        tandem_equity_section_set_view     (TandemEquitySection  *self,
                                                TandemEquityView      view);
GtkWindow  *tandem_equity_section_open_import  (TandemEquitySection  *self,
                                                const char           *text,
                                                gssize                length,
                                                const char           *file_name);
gboolean    tandem_equity_section_export_to    (TandemEquitySection  *self,
                                                const char           *path,
                                                TandemExportFormat    format,
                                                TandemPaper           paper,
                                                double                dpi,
                                                gboolean              shared,
                                                GError              **error);
void        tandem_equity_section_print_to_pdf (TandemEquitySection  *self,
                                                TandemPaper           paper,
                                                const char           *path);

G_END_DECLS
