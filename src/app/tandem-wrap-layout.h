/* tandem-wrap-layout.h — children side by side, or one above the other when
 * there is not room for them all on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_WRAP_LAYOUT (tandem_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (TandemWrapLayout, tandem_wrap_layout, TANDEM, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *tandem_wrap_layout_new (int spacing);

G_END_DECLS
