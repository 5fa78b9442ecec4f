/* tandem-measure-import-dialog.h — values pasted or read from a CSV file, previewed before they are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_IMPORT_DIALOG (tandem_measure_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasureImportDialog, tandem_measure_import_dialog, TANDEM,
                      MEASURE_IMPORT_DIALOG, AdwWindow)

TandemMeasureImportDialog *tandem_measure_import_dialog_new            (TandemProject              *project,
                                                                        const char                 *measure_id,
                                                                        const char                 *text,
                                                                        gssize                      length,
                                                                        GError                    **error);
TandemProject             *tandem_measure_import_dialog_get_project    (TandemMeasureImportDialog  *self);
const char                *tandem_measure_import_dialog_get_measure_id (TandemMeasureImportDialog  *self);
guint                      tandem_measure_import_dialog_get_n_ready    (TandemMeasureImportDialog  *self);
guint                      tandem_measure_import_dialog_get_n_bad      (TandemMeasureImportDialog  *self);

G_END_DECLS
