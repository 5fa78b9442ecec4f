/* tandem-page-layout.h — lays out a page, or nothing while it is out of sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_PAGE_LAYOUT (tandem_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (TandemPageLayout, tandem_page_layout, TANDEM, PAGE_LAYOUT, GtkLayoutManager)

GtkLayoutManager *tandem_page_layout_new (void);

G_END_DECLS
