/* tandem-conflicts-window.h — the fields two people changed differently,
 * each with both values, to keep one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONFLICTS_WINDOW (tandem_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemConflictsWindow, tandem_conflicts_window, TANDEM, CONFLICTS_WINDOW,
                      AdwWindow)

GtkWindow *tandem_conflicts_window_new    (GtkWindow     *parent,
                                           TandemProject *project);
void       tandem_conflicts_window_reload (TandemConflictsWindow *self);

G_END_DECLS
