/* tandem-date-entry.h — the one date field: typed day-first or ISO, or chosen on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_DATE_ENTRY (tandem_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (TandemDateEntry, tandem_date_entry, TANDEM, DATE_ENTRY, GtkWidget)

GtkWidget *tandem_date_entry_new      (void);
gboolean   tandem_date_entry_get_date (TandemDateEntry *self,
                                       char             date[11]);
void       tandem_date_entry_set_date (TandemDateEntry *self,
                                       const char      *iso);
GtkEntry  *tandem_date_entry_get_entry (TandemDateEntry *self);

GtkWidget *tandem_date_calendar_button_new (GtkEditable *target,
                                            gboolean     apply);
void       tandem_date_row_add_calendar    (AdwEntryRow *row,
                                            gboolean     apply);

G_END_DECLS
