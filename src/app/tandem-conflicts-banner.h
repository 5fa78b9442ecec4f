/* tandem-conflicts-banner.h — a bar across the window while changes from
 * another copy or another person wait for a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CONFLICTS_BANNER (tandem_conflicts_banner_get_type ())

G_DECLARE_FINAL_TYPE (TandemConflictsBanner, tandem_conflicts_banner, TANDEM, CONFLICTS_BANNER,
                      AdwBin)

GtkWidget *tandem_conflicts_banner_new         (void);
void       tandem_conflicts_banner_set_project (TandemConflictsBanner *self,
                                                TandemProject         *project);
void       tandem_conflicts_banner_update      (TandemConflictsBanner *self);
guint      tandem_conflicts_banner_get_count   (TandemConflictsBanner *self);

G_END_DECLS
