/* tandem-programme-heatmap.h — the programme's teams × standards heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAMME_HEATMAP (tandem_programme_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgrammeHeatmap, tandem_programme_heatmap, TANDEM, PROGRAMME_HEATMAP,
                      GtkBox)

void tandem_programme_heatmap_set_model (TandemProgrammeHeatmap *self,
                                         GListModel             *teams);

G_END_DECLS
