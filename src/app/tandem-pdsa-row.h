/* tandem-pdsa-row.h — one PDSA cycle in a change idea's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PDSA_ROW (tandem_pdsa_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemPdsaRow, tandem_pdsa_row, TANDEM, PDSA_ROW, AdwExpanderRow)

GtkWidget  *tandem_pdsa_row_new         (TandemProject *project,
                                         const char    *pdsa_id,
                                         gboolean       editable);
const char *tandem_pdsa_row_get_pdsa_id (TandemPdsaRow *self);

G_END_DECLS
