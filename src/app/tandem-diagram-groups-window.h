/* tandem-diagram-groups-window.h — a diagram's groups of primary drivers and the project's equity tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_DIAGRAM_GROUPS_WINDOW (tandem_diagram_groups_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemDiagramGroupsWindow, tandem_diagram_groups_window,
                      TANDEM, DIAGRAM_GROUPS_WINDOW, AdwPreferencesWindow)

TandemDiagramGroupsWindow *tandem_diagram_groups_window_new            (GtkWindow                 *parent,
                                                                        TandemProject             *project,
                                                                        const char                *diagram_id);
const char                *tandem_diagram_groups_window_get_diagram_id (TandemDiagramGroupsWindow *self);
void                       tandem_diagram_groups_window_set_diagram_id (TandemDiagramGroupsWindow *self,
                                                                        const char                *diagram_id);
void                       tandem_diagram_groups_window_reload         (TandemDiagramGroupsWindow *self);

G_END_DECLS
