/* tandem-contributions-window.h — who contributed what, per role and per
 * person, for the whole project or one diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONTRIBUTIONS_WINDOW (tandem_contributions_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemContributionsWindow, tandem_contributions_window, TANDEM,
                      CONTRIBUTIONS_WINDOW, AdwWindow)

GtkWindow *tandem_contributions_window_new       (GtkWindow                 *parent,
                                                  TandemProject             *project,
                                                  const char                *diagram_id);
void       tandem_contributions_window_set_scope (TandemContributionsWindow *self,
                                                  const char                *diagram_id);

G_END_DECLS
