/* tandem-equity-overview.h — the equity of outcomes overview: a team's broken-down measures by access, experience and outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_EQUITY_OVERVIEW (tandem_equity_overview_get_type ())

G_DECLARE_FINAL_TYPE (TandemEquityOverview, tandem_equity_overview, TANDEM, EQUITY_OVERVIEW, GtkBox)

GtkWidget  *tandem_equity_overview_new      (void);
void        tandem_equity_overview_set_team (TandemEquityOverview *self,
                                             TandemProject        *project,
                                             const char           *team_id);
const char *tandem_equity_overview_get_text (TandemEquityOverview *self);

G_END_DECLS
