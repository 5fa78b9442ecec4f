/* tandem-standards-priorities.h — a team's priority standards, linked to its driver diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"
#include "tandem-standards.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_PRIORITIES (tandem_standards_priorities_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsPriorities, tandem_standards_priorities, TANDEM,
                      STANDARDS_PRIORITIES, GtkWidget)

void tandem_standards_priorities_show (TandemStandardsPriorities   *self,
                                       TandemProject               *project,
                                       const TandemStandardsReport *report,
                                       gboolean                     editable);

G_END_DECLS
