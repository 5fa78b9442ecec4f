/* tandem-equity-import-dialog.h — a measure's data by group read from a CSV file, previewed before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_EQUITY_IMPORT_DIALOG (tandem_equity_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemEquityImportDialog, tandem_equity_import_dialog, TANDEM,
                      EQUITY_IMPORT_DIALOG, AdwWindow)

TandemEquityImportDialog *tandem_equity_import_dialog_new         (TandemProject            *project,
                                                                   const char               *measure_id,
                                                                   const char               *grouping_id,
                                                                   const char               *text,
                                                                   gssize                    length,
                                                                   const char               *file_name,
                                                                   GError                  **error);
guint                     tandem_equity_import_dialog_get_n_ready (TandemEquityImportDialog *self);
guint                     tandem_equity_import_dialog_get_n_bad   (TandemEquityImportDialog *self);

G_END_DECLS
