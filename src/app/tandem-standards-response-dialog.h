/* tandem-standards-response-dialog.h — one respondent's scores for a self-assessment round, entered by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_RESPONSE_DIALOG (tandem_standards_response_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsResponseDialog, tandem_standards_response_dialog, TANDEM,
                      STANDARDS_RESPONSE_DIALOG, AdwWindow)

TandemStandardsResponseDialog *tandem_standards_response_dialog_new (TandemProject  *project,
                                                                     const char     *team_id,
                                                                     const char     *round_id,
                                                                     GError        **error);
guint tandem_standards_response_dialog_get_n_standards (TandemStandardsResponseDialog *self);
GtkSpinButton *tandem_standards_response_dialog_get_score (TandemStandardsResponseDialog *self,
                                                           guint                          index);
GtkEditable *tandem_standards_response_dialog_get_comment (TandemStandardsResponseDialog *self,
                                                           guint                          index);

G_END_DECLS
