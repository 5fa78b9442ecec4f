/* tandem-session-attendance.h — who took part in a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_SESSION_ATTENDANCE (tandem_session_attendance_get_type ())

G_DECLARE_FINAL_TYPE (TandemSessionAttendance, tandem_session_attendance, TANDEM, SESSION_ATTENDANCE, AdwBin)

GtkWidget *tandem_session_attendance_new         (void);
void       tandem_session_attendance_load        (TandemSessionAttendance *self,
                                                  TandemProject           *project,
                                                  const char              *team_id,
                                                  const char              *session_id);
void       tandem_session_attendance_reread      (TandemSessionAttendance *self,
                                                  TandemProject           *project,
                                                  const char              *team_id,
                                                  const char              *session_id);
void       tandem_session_attendance_clear       (TandemSessionAttendance *self);
GArray    *tandem_session_attendance_get_choices (TandemSessionAttendance *self);

G_END_DECLS
