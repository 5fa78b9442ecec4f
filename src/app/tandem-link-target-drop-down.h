/* tandem-link-target-drop-down.h — a drop-down of what a note or a measure can be linked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-measure.h"

G_BEGIN_DECLS

GListModel             *tandem_link_target_model_new     (GPtrArray   *targets);
GtkDropDown            *tandem_link_target_drop_down_new (GPtrArray   *targets,
                                                          const char  *accessible);
guint                   tandem_link_target_position      (GPtrArray   *targets,
                                                          const char  *node_id,
                                                          const char  *pdsa_id);
const TandemLinkTarget *tandem_link_target_at            (GPtrArray   *targets,
                                                          guint        position);

G_END_DECLS
