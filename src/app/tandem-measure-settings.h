/* tandem-measure-settings.h — a measure's settings and the change ideas
 * linked to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-measure.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_SETTINGS (tandem_measure_settings_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasureSettings, tandem_measure_settings, TANDEM, MEASURE_SETTINGS, GtkBox)

GtkWidget *tandem_measure_settings_new         (void);
void       tandem_measure_settings_set_measure (TandemMeasureSettings *self,
                                                TandemProject         *project,
                                                TandemMeasure         *measure,
                                                GPtrArray             *targets,
                                                gboolean               editable);
gboolean   tandem_measure_settings_link        (TandemMeasureSettings *self);
gboolean   tandem_measure_settings_unlink      (TandemMeasureSettings *self,
                                                const char            *node_id);

G_END_DECLS
