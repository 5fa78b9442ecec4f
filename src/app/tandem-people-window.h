/* tandem-people-window.h — a team's people: list, add, edit, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PEOPLE_WINDOW (tandem_people_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemPeopleWindow, tandem_people_window, TANDEM, PEOPLE_WINDOW, AdwWindow)

TandemPeopleWindow *tandem_people_window_new          (GtkWindow          *parent,
                                                       TandemProject      *project,
                                                       const char         *team_id);
const char         *tandem_people_window_get_view     (TandemPeopleWindow *self);
void                tandem_people_window_edit         (TandemPeopleWindow *self,
                                                       const char         *person_id);
void                tandem_people_window_preview_file (TandemPeopleWindow *self,
                                                       GFile              *file);

G_END_DECLS
