/* tandem-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemWindow, tandem_window, TANDEM, WINDOW, AdwApplicationWindow)

TandemWindow  *tandem_window_new            (GtkApplication *application);
TandemWindow  *tandem_window_new_for_file   (GtkApplication *application,
                                             GFile          *file);
void           tandem_window_open_file      (TandemWindow   *self,
                                             GFile          *file);
TandemProject *tandem_window_get_project    (TandemWindow   *self);
GFile         *tandem_window_get_file       (TandemWindow   *self);
gboolean       tandem_window_is_busy        (TandemWindow   *self);
const char    *tandem_window_get_team_id    (TandemWindow   *self);
void           tandem_window_select_team    (TandemWindow   *self,
                                             const char     *team_id);
void           tandem_window_show_item      (TandemWindow   *self,
                                             const char     *page,
                                             const char     *item_id);
void           tandem_window_set_author     (TandemWindow   *self,
                                             const char     *author);
void           tandem_window_show_error     (TandemWindow   *self,
                                             const char     *heading,
                                             const GError   *error);

void           tandem_close_on_escape       (GtkWidget      *window);

G_END_DECLS
