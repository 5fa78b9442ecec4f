/* tandem-legibility.h — large text and high contrast for our own drawings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The CSS classes a window carries in workshop mode (see ui/style.css). */
#define TANDEM_WORKSHOP_CLASS      "workshop"
#define TANDEM_HIGH_CONTRAST_CLASS "tandem-high-contrast"

double   tandem_legibility_get_text_scale    (GtkWidget *widget);
double   tandem_legibility_get_text_pixels   (GtkWidget *widget);
gboolean tandem_legibility_get_workshop      (GtkWidget *widget);
gboolean tandem_legibility_get_high_contrast (GtkWidget *widget);
void     tandem_legibility_redraw            (GtkWidget *widget);
void     tandem_legibility_catch_up          (GtkWidget *widget);
void     tandem_legibility_set_chart_style   (const char *style);

G_END_DECLS
