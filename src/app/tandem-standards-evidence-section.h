/* tandem-standards-evidence-section.h — the Standards page's Evidence: what evidences each standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"
#include "tandem-standards.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_EVIDENCE_SECTION (tandem_standards_evidence_section_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsEvidenceSection, tandem_standards_evidence_section, TANDEM,
                      STANDARDS_EVIDENCE_SECTION, AdwPreferencesGroup)

void tandem_standards_evidence_section_show (TandemStandardsEvidenceSection *self,
                                             TandemProject                  *project,
                                             const TandemStandardsReport    *report,
                                             gboolean                        editable);

G_END_DECLS
