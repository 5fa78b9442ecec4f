/* tandem-standards-teams-section.h — the Standards page's “Across the Project”: standards × teams, each team's latest round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_TEAMS_SECTION (tandem_standards_teams_section_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsTeamsSection, tandem_standards_teams_section, TANDEM,
                      STANDARDS_TEAMS_SECTION, AdwPreferencesGroup)

GtkWidget *tandem_standards_teams_section_new  (void);
void       tandem_standards_teams_section_show (TandemStandardsTeamsSection *self,
                                                TandemProject               *project,
                                                const char                  *team_id);

G_END_DECLS
