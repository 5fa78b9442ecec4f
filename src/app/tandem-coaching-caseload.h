/* tandem-coaching-caseload.h — every team at a glance: sessions booked
 * ahead, teams by need, attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_CASELOAD (tandem_coaching_caseload_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingCaseload, tandem_coaching_caseload, TANDEM, COACHING_CASELOAD, AdwBin)

GtkWidget *tandem_coaching_caseload_new          (void);
void       tandem_coaching_caseload_reload       (TandemCoachingCaseload *self,
                                                  TandemProject          *project);
guint      tandem_coaching_caseload_get_n_teams  (TandemCoachingCaseload *self);
const char *tandem_coaching_caseload_get_team_id (TandemCoachingCaseload *self,
                                                  guint                   position);

G_END_DECLS
