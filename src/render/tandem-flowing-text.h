/* tandem-flowing-text.h — text of any length, laid out in lines that flow
 * from page to page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _TandemFlowingText TandemFlowingText;

TandemFlowingText *tandem_flowing_text_new        (double              width);
void               tandem_flowing_text_free       (TandemFlowingText  *flow);
void               tandem_flowing_text_add        (TandemFlowingText  *flow,
                                                   const char         *text,
                                                   double              size,
                                                   gboolean            bold,
                                                   guint32             rgb);
double             tandem_flowing_text_get_height (TandemFlowingText  *flow);
guint              tandem_flowing_text_paginate   (TandemFlowingText  *flow,
                                                   double              first_room,
                                                   double              room,
                                                   GArray             *starts,
                                                   GArray             *ends);
void               tandem_flowing_text_draw       (TandemFlowingText  *flow,
                                                   cairo_t            *cr,
                                                   double              x,
                                                   double              y,
                                                   double              from,
                                                   double              to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemFlowingText, tandem_flowing_text_free)

G_END_DECLS
