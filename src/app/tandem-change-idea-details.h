/* tandem-change-idea-details.h — a change idea's people, equity focus and PDSA cycles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-diagram.h"
#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CHANGE_IDEA_DETAILS (tandem_change_idea_details_get_type ())

G_DECLARE_FINAL_TYPE (TandemChangeIdeaDetails, tandem_change_idea_details, TANDEM,
                      CHANGE_IDEA_DETAILS, GtkBox)

GtkWidget  *tandem_change_idea_details_new               (void);
void        tandem_change_idea_details_show              (TandemChangeIdeaDetails *self,
                                                          TandemProject           *project,
                                                          TandemDiagram           *diagram,
                                                          const char              *node_id,
                                                          gboolean                 editable);
const char *tandem_change_idea_details_get_expanded_pdsa (TandemChangeIdeaDetails *self);

G_END_DECLS
