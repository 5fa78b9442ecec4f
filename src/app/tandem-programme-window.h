/* tandem-programme-window.h — a programme's dashboard: every team's file of
 * a folder (or a list of files) read together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-programme.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAMME_WINDOW (tandem_programme_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgrammeWindow, tandem_programme_window, TANDEM, PROGRAMME_WINDOW,
                      AdwWindow)

GtkWindow       *tandem_programme_window_new           (GtkApplication        *application,
                                                        const char * const    *paths);
TandemProgramme *tandem_programme_window_get_programme (TandemProgrammeWindow *self);

G_END_DECLS
