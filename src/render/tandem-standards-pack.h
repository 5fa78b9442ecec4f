/* tandem-standards-pack.h — a team's Culture of Care accreditation pack,
 * drawn with cairo for the screen, printing and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-export.h"
#include "tandem-standards.h"

G_BEGIN_DECLS

typedef struct _TandemStandardsPack TandemStandardsPack;

TandemStandardsPack *tandem_standards_pack_new        (TandemProject          *project,
                                                       const char             *team_id,
                                                       GError                **error);
void                 tandem_standards_pack_free       (TandemStandardsPack    *pack);
const TandemStandardsReport *tandem_standards_pack_get_report (TandemStandardsPack *pack);
guint                tandem_standards_pack_paginate   (TandemStandardsPack    *pack,
                                                       double                  width,
                                                       double                  height);
void                 tandem_standards_pack_draw_page  (cairo_t                *cr,
                                                       double                  width,
                                                       double                  height,
                                                       guint                   page_nr,
                                                       gpointer                pack);
guint                tandem_standards_pack_get_n_charts (TandemStandardsPack  *pack);
gboolean             tandem_standards_pack_get_chart_place (TandemStandardsPack *pack,
                                                       guint                   chart_nr,
                                                       guint                  *page_nr,
                                                       double                 *x,
                                                       double                 *y,
                                                       double                 *width,
                                                       double                 *height);
gboolean             tandem_standards_pack_get_heatmap_place (TandemStandardsPack *pack,
                                                       guint                  *page_nr,
                                                       double                 *x,
                                                       double                 *y);

guint                tandem_standards_heatmap_n_rounds (const TandemStandardsReport *report);
gboolean             tandem_standards_heat_colour     (double                  mean,
                                                       double                  rgb[3]);
double               tandem_standards_heatmap_height  (const TandemStandardsReport *report);
void                 tandem_standards_draw_heatmap    (cairo_t                *cr,
                                                       double                  width,
                                                       const TandemStandardsReport *report);
void                 tandem_standards_heatmap_get_cell (const TandemStandardsReport *report,
                                                       double                  width,
                                                       guint                   standard,
                                                       guint                   column,
                                                       double                 *x,
                                                       double                 *y,
                                                       double                 *cell_width,
                                                       double                 *cell_height);

gboolean             tandem_standards_pack_export     (TandemProject          *project,
                                                       const char             *team_id,
                                                       TandemExportFormat      format,
                                                       const char             *path,
                                                       double                  dpi,
                                                       TandemExportConfirmFunc confirm,
                                                       gpointer                confirm_data,
                                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemStandardsPack, tandem_standards_pack_free)

G_END_DECLS
