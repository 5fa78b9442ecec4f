/* tandem-diagram-layout-private.h — for the render tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

void _tandem_diagram_show_text (cairo_t     *cr,
                                PangoLayout *layout,
                                double       x,
                                double       y);

/* A group's mark in high contrast: a black pattern of its own. */
void _tandem_diagram_draw_group_pattern (cairo_t *cr,
                                         int      group,
                                         double   x,
                                         double   y,
                                         double   w,
                                         double   h);

G_END_DECLS
