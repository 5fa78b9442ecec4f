/* tandem-coaching-rows.h — rows and words the Coaching page's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"

G_BEGIN_DECLS

#define CHART_MONTHS 12

void          _tandem_coaching_clear_list      (GtkListBox             *list);
AdwActionRow *_tandem_coaching_text_row        (const char             *title,
                                                const char             *subtitle);
void          _tandem_coaching_add_placeholder (GtkListBox             *list,
                                                const char             *text);
char         *_tandem_coaching_stripped        (const char             *text);
char         *_tandem_coaching_local_date      (const char             *iso);
char         *_tandem_coaching_describe_action (const TandemAction     *action,
                                                const char             *today);
void          _tandem_coaching_mark_overdue    (AdwActionRow           *row);
void          _tandem_coaching_append_shown    (GString                *shown,
                                                GPtrArray              *actions,
                                                const char             *today);
gboolean      _tandem_coaching_still_shown     (char                  **shown,
                                                GString                *now);
char         *_tandem_coaching_chart_text      (const TandemAttendance *attendance);
void          _tandem_coaching_draw_chart      (GtkDrawingArea         *area,
                                                cairo_t                *cr,
                                                int                     width,
                                                int                     height,
                                                const TandemAttendance *attendance);
char         *_tandem_coaching_month_now       (void);
void          _tandem_coaching_show_error      (GtkWidget              *widget,
                                                const char             *heading,
                                                const GError           *error);
void          _tandem_coaching_show_toast      (GtkWidget              *widget,
                                                const char             *title,
                                                gboolean                with_undo);

G_END_DECLS
