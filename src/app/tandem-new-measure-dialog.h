/* tandem-new-measure-dialog.h — the window that makes a measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_NEW_MEASURE_DIALOG (tandem_new_measure_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemNewMeasureDialog, tandem_new_measure_dialog, TANDEM, NEW_MEASURE_DIALOG, AdwWindow)

TandemNewMeasureDialog *tandem_new_measure_dialog_new         (TandemProject           *project,
                                                               const char              *team_id,
                                                               GError                 **error);
const char             *tandem_new_measure_dialog_get_team_id (TandemNewMeasureDialog  *self);
GtkEditable            *tandem_new_measure_dialog_get_name    (TandemNewMeasureDialog  *self);

G_END_DECLS
