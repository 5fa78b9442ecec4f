/* tandem-standards-panels-section.h — the Standards page's Panel Reviews: the panels' decisions and the next review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"
#include "tandem-standards.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_PANELS_SECTION (tandem_standards_panels_section_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsPanelsSection, tandem_standards_panels_section, TANDEM,
                      STANDARDS_PANELS_SECTION, AdwPreferencesGroup)

void tandem_standards_panels_section_show (TandemStandardsPanelsSection *self,
                                           TandemProject                *project,
                                           const TandemStandardsReport  *report,
                                           gboolean                      editable);

G_END_DECLS
