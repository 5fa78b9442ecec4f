/* tandem-coaching-text.h — a session's record, as Markdown and iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-coaching.h"

G_BEGIN_DECLS

typedef struct
{
  char     *heading;
  char     *text;           /* plain text; list items start with “• ” */
} TandemRecordSection;

/* What a session's record says, once, for every way it is written out: the
 * PDF page, Markdown for email and the printed log. */
typedef struct
{
  char       *session_id;
  char       *title;        /* “Coaching session: Delderfield Ward” */
  char       *when;         /* “Wednesday 18 November 2026, 10:00 to 11:30” */
  char       *facts;        /* kind, online or in person, coach: one line */
  gboolean    private;
  GPtrArray  *sections;     /* of TandemRecordSection */
} TandemSessionRecord;

void                 tandem_session_record_free   (TandemSessionRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSessionRecord, tandem_session_record_free)

char                *tandem_coaching_format_when  (const char          *starts_at,
                                                   int                  minutes);
TandemSessionRecord *tandem_coaching_session_record (TandemProject     *project,
                                                   const char          *session_id,
                                                   const char          *today,
                                                   GError             **error);
GPtrArray           *tandem_coaching_log_records  (TandemProject       *project,
                                                   const char          *team_id,
                                                   const char          *from,
                                                   const char          *to,
                                                   gboolean             include_private,
                                                   const char          *today,
                                                   GError             **error);
char                *tandem_session_record_markdown (const TandemSessionRecord *record);
char                *tandem_coaching_log_markdown (GPtrArray           *records,
                                                   const char          *team_name);
char                *tandem_session_record_text   (const TandemSessionRecord *record);
char                *tandem_coaching_log_text     (GPtrArray           *records,
                                                   const char          *team_name);
char                *tandem_coaching_calendar     (TandemProject       *project,
                                                   const char          *team_id,
                                                   const char          *from,
                                                   const char          *to,
                                                   gboolean             include_private,
                                                   const char          *stamp,
                                                   GError             **error);

G_END_DECLS
