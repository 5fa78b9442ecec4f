/* tandem-coaching-render.h — session records, team logs and the attendance
 * chart, drawn with cairo for the screen, printing and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-coaching-text.h"
#include "tandem-export.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_SESSIONS_PDF,
  TANDEM_SESSIONS_MARKDOWN,
  TANDEM_SESSIONS_ICS,
  TANDEM_SESSIONS_TEXT,
} TandemSessionsFormat;

typedef struct _TandemCoachingDoc TandemCoachingDoc;

TandemCoachingDoc *tandem_coaching_doc_new_record   (TandemSessionRecord  *record);
TandemCoachingDoc *tandem_coaching_doc_new_log      (GPtrArray            *records,
                                                     const char           *team_name,
                                                     TandemAttendance     *attendance);
void               tandem_coaching_doc_free         (gpointer              doc);
guint              tandem_coaching_doc_paginate     (TandemCoachingDoc    *doc,
                                                     double                width,
                                                     double                height);
void               tandem_coaching_doc_draw_page    (cairo_t              *cr,
                                                     double                width,
                                                     double                height,
                                                     guint                 page_nr,
                                                     gpointer              doc);

double             tandem_coaching_attendance_height (const TandemAttendance *attendance);
void               tandem_coaching_draw_attendance  (cairo_t                *cr,
                                                     double                  width,
                                                     double                  height,
                                                     const TandemAttendance *attendance);

gboolean           tandem_sessions_format_from_string (const char          *name,
                                                     TandemSessionsFormat *format);
gboolean           tandem_coaching_export_session   (TandemProject        *project,
                                                     const char           *session_id,
                                                     TandemSessionsFormat  format,
                                                     const char           *path,
                                                     GError              **error);
gboolean           tandem_coaching_export_log       (TandemProject        *project,
                                                     const char           *team_id,
                                                     const char           *from,
                                                     const char           *to,
                                                     gboolean              include_private,
                                                     TandemSessionsFormat  format,
                                                     const char           *path,
                                                     GError              **error);
gboolean           tandem_coaching_export_session_confirmed (TandemProject           *project,
                                                             const char              *session_id,
                                                             TandemSessionsFormat     format,
                                                             const char              *path,
                                                             TandemExportConfirmFunc  confirm,
                                                             gpointer                 confirm_data,
                                                             GError                 **error);
gboolean           tandem_coaching_export_log_confirmed (TandemProject           *project,
                                                         const char              *team_id,
                                                         const char              *from,
                                                         const char              *to,
                                                         gboolean                 include_private,
                                                         TandemSessionsFormat     format,
                                                         const char              *path,
                                                         TandemExportConfirmFunc  confirm,
                                                         gpointer                 confirm_data,
                                                         GError                 **error);

G_END_DECLS
