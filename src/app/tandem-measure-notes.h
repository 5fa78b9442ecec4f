/* tandem-measure-notes.h — a measure's phases and the notes on its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-measure.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MEASURE_NOTES (tandem_measure_notes_get_type ())

G_DECLARE_FINAL_TYPE (TandemMeasureNotes, tandem_measure_notes, TANDEM, MEASURE_NOTES, GtkBox)

GtkWidget *tandem_measure_notes_new         (void);
void       tandem_measure_notes_set_measure (TandemMeasureNotes *self,
                                             TandemProject      *project,
                                             TandemMeasure      *measure,
                                             GPtrArray          *targets,
                                             gboolean            editable);
void       tandem_measure_notes_start_at    (TandemMeasureNotes *self,
                                             const char         *date);
char      *tandem_measure_notes_add_phase   (TandemMeasureNotes *self);
char      *tandem_measure_notes_add_note    (TandemMeasureNotes *self);
gboolean   tandem_measure_notes_delete      (TandemMeasureNotes *self,
                                             gboolean            phase,
                                             const char         *id);

G_END_DECLS
