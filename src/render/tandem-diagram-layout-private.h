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

G_END_DECLS
