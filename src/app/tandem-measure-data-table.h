/* tandem-measure-data-table.h — a measure's values as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-measure.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_VALUE (tandem_measure_value_get_type ())
G_DECLARE_FINAL_TYPE (TandemMeasureValue, tandem_measure_value, TANDEM, MEASURE_VALUE, GObject)

TandemMeasureValue *tandem_measure_value_new             (const TandemDataPoint *point);
const char         *tandem_measure_value_get_id          (TandemMeasureValue    *self);
const char         *tandem_measure_value_get_date        (TandemMeasureValue    *self);
double              tandem_measure_value_get_value       (TandemMeasureValue    *self);
double              tandem_measure_value_get_denominator (TandemMeasureValue    *self);
const char         *tandem_measure_value_get_note        (TandemMeasureValue    *self);
gboolean            tandem_measure_value_get_excluded    (TandemMeasureValue    *self);

#define TANDEM_TYPE_MEASURE_DATA_TABLE (tandem_measure_data_table_get_type ())
G_DECLARE_FINAL_TYPE (TandemMeasureDataTable, tandem_measure_data_table, TANDEM, MEASURE_DATA_TABLE, GtkWidget)

GtkWidget          *tandem_measure_data_table_new          (void);
void                tandem_measure_data_table_set_points   (TandemMeasureDataTable *self,
                                                            GPtrArray              *points,
                                                            gboolean                show_denominator);
TandemMeasureValue *tandem_measure_data_table_get_selected (TandemMeasureDataTable *self);
void                tandem_measure_data_table_unselect     (TandemMeasureDataTable *self);
GListModel         *tandem_measure_data_table_get_model    (TandemMeasureDataTable *self);
void                tandem_measure_data_table_set_editable (TandemMeasureDataTable *self,
                                                            gboolean                editable);
gboolean            tandem_measure_data_table_get_editable (TandemMeasureDataTable *self);

G_END_DECLS
