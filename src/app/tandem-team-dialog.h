/* tandem-team-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TEAM_DIALOG (tandem_team_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemTeamDialog, tandem_team_dialog, TANDEM, TEAM_DIALOG, AdwWindow)

TandemTeamDialog *tandem_team_dialog_new (GtkWindow     *parent,
                                          TandemProject *project,
                                          const char    *team_id);

G_END_DECLS
