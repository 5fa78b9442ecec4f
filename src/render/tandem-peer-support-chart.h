/* tandem-peer-support-chart.h — the peer-support tracker drawn with cairo:
 * a team's progress by stage, the coach's caseload heat map, and the pages
 * that print and export them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-peer-support.h"

G_BEGIN_DECLS

/**
 * TandemPeerSupportStyle:
 * @TANDEM_PEER_SUPPORT_STYLE_STANDARD: colours, for the screen and paper
 * @TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST: black on white, status told by
 *   pattern and figures, shares by a bar as well as a figure
 */
typedef enum
{
  TANDEM_PEER_SUPPORT_STYLE_STANDARD,
  TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST,
} TandemPeerSupportStyle;

double tandem_peer_support_progress_height  (GPtrArray                 *stages,
                                             double                     width);
void   tandem_peer_support_draw_progress    (cairo_t                   *cr,
                                             double                     x,
                                             double                     y,
                                             double                     width,
                                             GPtrArray                 *stages);
void   tandem_peer_support_draw_progress_full (cairo_t                 *cr,
                                               double                   x,
                                               double                   y,
                                               double                   width,
                                               GPtrArray               *stages,
                                               TandemPeerSupportStyle   style);

double tandem_peer_support_heatmap_height   (TandemPeerSupportCaseload *caseload,
                                             guint                      first_team,
                                             guint                      n_teams,
                                             double                     width);
void   tandem_peer_support_draw_heatmap     (cairo_t                   *cr,
                                             double                     x,
                                             double                     y,
                                             double                     width,
                                             TandemPeerSupportCaseload *caseload,
                                             guint                      first_team,
                                             guint                      n_teams);
void   tandem_peer_support_draw_heatmap_full (cairo_t                   *cr,
                                              double                     x,
                                              double                     y,
                                              double                     width,
                                              TandemPeerSupportCaseload *caseload,
                                              guint                      first_team,
                                              guint                      n_teams,
                                              TandemPeerSupportStyle     style);

guint  tandem_peer_support_caseload_n_pages (TandemPeerSupportCaseload *caseload);

void   tandem_peer_support_draw_summary_page  (cairo_t  *cr,
                                               double    width,
                                               double    height,
                                               guint     page_nr,
                                               gpointer  report);
guint  tandem_peer_support_summary_count_cut  (TandemPeerSupportReport *report,
                                               double                   width,
                                               double                   height);
void   tandem_peer_support_draw_caseload_page (cairo_t  *cr,
                                               double    width,
                                               double    height,
                                               guint     page_nr,
                                               gpointer  caseload);

G_END_DECLS
