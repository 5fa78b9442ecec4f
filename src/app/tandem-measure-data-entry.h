/* tandem-measure-data-entry.h — the form that adds, changes and deletes a
 * measure's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-measure.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_DATA_ENTRY (tandem_measure_data_entry_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasureDataEntry, tandem_measure_data_entry, TANDEM, MEASURE_DATA_ENTRY, GtkBox)

GtkWidget  *tandem_measure_data_entry_new           (void);
void        tandem_measure_data_entry_set_measure   (TandemMeasureDataEntry *self,
                                                     TandemProject          *project,
                                                     TandemMeasure          *measure,
                                                     gboolean                editable);
void        tandem_measure_data_entry_show_point    (TandemMeasureDataEntry *self,
                                                     const TandemDataPoint  *point);
const char *tandem_measure_data_entry_get_point_id  (TandemMeasureDataEntry *self);
gboolean    tandem_measure_data_entry_add           (TandemMeasureDataEntry *self);
gboolean    tandem_measure_data_entry_save          (TandemMeasureDataEntry *self);
gboolean    tandem_measure_data_entry_delete        (TandemMeasureDataEntry *self);
void        tandem_measure_data_entry_paste         (TandemMeasureDataEntry *self);
void        tandem_measure_data_entry_choose_file   (TandemMeasureDataEntry *self);
void        tandem_measure_data_entry_focus_value   (TandemMeasureDataEntry *self);
void        tandem_measure_data_entry_focus_date    (TandemMeasureDataEntry *self);

G_END_DECLS
