/* tandem-standards-evidence-dialog.h — link a piece of evidence of any kind to a standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

/* What a piece of evidence is, in the order the dialog offers them. */
typedef enum /*< skip >*/
{
  TANDEM_EVIDENCE_KIND_MEASURE,
  TANDEM_EVIDENCE_KIND_CHANGE_IDEA,
  TANDEM_EVIDENCE_KIND_PDSA,
  TANDEM_EVIDENCE_KIND_SESSION,
  TANDEM_EVIDENCE_KIND_NOTE,
  TANDEM_EVIDENCE_KIND_REFERENCE,
} TandemEvidenceKind;

#define TANDEM_TYPE_STANDARDS_EVIDENCE_DIALOG (tandem_standards_evidence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsEvidenceDialog, tandem_standards_evidence_dialog, TANDEM,
                      STANDARDS_EVIDENCE_DIALOG, AdwWindow)

TandemStandardsEvidenceDialog *tandem_standards_evidence_dialog_new
                                                    (GtkWindow                     *parent,
                                                     TandemProject                 *project,
                                                     const char                    *team_id,
                                                     GError                       **error);
void        tandem_standards_evidence_dialog_set_kind (TandemStandardsEvidenceDialog *self,
                                                       TandemEvidenceKind             kind);
TandemEvidenceKind tandem_standards_evidence_dialog_get_kind
                                                    (TandemStandardsEvidenceDialog *self);

G_END_DECLS
