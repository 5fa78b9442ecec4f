/* tandem-render-text-private.h — text on charts and pages, for the renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

void         _tandem_render_set_font       (PangoLayout *layout,
                                            double       size,
                                            gboolean     bold);
void         _tandem_render_draw_text      (cairo_t     *cr,
                                            PangoLayout *layout,
                                            const char  *text,
                                            double       x,
                                            double       y,
                                            double       align,
                                            double      *out_w,
                                            double      *out_h);
PangoLayout *_tandem_render_page_layout_new (cairo_t    *cr,
                                            double      size,
                                            gboolean    bold,
                                            double      width);

G_END_DECLS
