/* tandem-help-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_HELP_WINDOW (tandem_help_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemHelpWindow, tandem_help_window, TANDEM, HELP_WINDOW, AdwWindow)

GtkWindow *tandem_help_window_new        (GtkWindow  *parent);
guint      tandem_help_window_add_topics (TandemHelpWindow *self,
                                          const char       *text);

G_END_DECLS
