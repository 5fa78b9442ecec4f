/* tandem-standards-page.h — the Standards page: a team's Culture of Care self-assessment, evidence, level and panel reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-export.h"
#include "tandem-page.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_PAGE (tandem_standards_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsPage, tandem_standards_page, TANDEM, STANDARDS_PAGE, TandemPage)

GtkWindow *tandem_standards_page_open_import (TandemStandardsPage *self,
                                              const char          *round_id,
                                              const char          *file_name,
                                              const char          *text,
                                              gssize               length);
void       tandem_standards_page_print_to_pdf (TandemStandardsPage *self,
                                               const char          *path);
gboolean   tandem_standards_page_export_to    (TandemStandardsPage  *self,
                                               const char           *path,
                                               gboolean              json,
                                               TandemExportFormat    format,
                                               double                dpi,
                                               GError              **error);

G_END_DECLS
