/* tandem-measure-edit-dialog.h — changing a phase or a note on a measure's chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-measure.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_EDIT_DIALOG (tandem_measure_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasureEditDialog, tandem_measure_edit_dialog, TANDEM,
                      MEASURE_EDIT_DIALOG, AdwWindow)

TandemMeasureEditDialog *tandem_measure_edit_dialog_new_for_phase   (TandemProject           *project,
                                                                     TandemMeasure           *measure,
                                                                     const TandemPhase       *phase);
TandemMeasureEditDialog *tandem_measure_edit_dialog_new_for_note    (TandemProject           *project,
                                                                     TandemMeasure           *measure,
                                                                     const TandemAnnotation  *note,
                                                                     GPtrArray               *targets);
const char              *tandem_measure_edit_dialog_get_measure_id  (TandemMeasureEditDialog *self);
const char              *tandem_measure_edit_dialog_get_item_id     (TandemMeasureEditDialog *self);
const char              *tandem_measure_edit_dialog_get_error_text  (TandemMeasureEditDialog *self);

G_END_DECLS
