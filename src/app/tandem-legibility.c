/* tandem-legibility.c — large text and high contrast for our own drawings
 *
 * Widgets follow the system's text size and high-contrast setting through
 * GTK and libadwaita; cairo drawings (charts, the diagram, the peer-support
 * and attendance charts) do not, so they ask here. The text scale is the
 * widget's own font size (which GTK computes from the system font, the
 * text-scaling factor via gtk-xft-dpi, and CSS such as workshop mode's large
 * type) over the system font's size at the standard 96 dpi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "tandem-legibility.h"

#define DEFAULT_FONT_POINTS 11.0
#define WORKSHOP_CHART_SCALE 1.5

/* Preferences → Chart style: "standard", "workshop" or "high-contrast",
 * as the application last said (it owns the settings). */
static char *chart_style;

/**
 * tandem_legibility_set_chart_style:
 * @style: (nullable): Preferences' chart style, or %NULL for the standard one
 *
 * Says which chart style Preferences has chosen, for every drawing in the
 * process. The application calls it when its settings load and change, then
 * redraws its windows with tandem_legibility_redraw(); nothing here reaches
 * back to the application.
 */
void
tandem_legibility_set_chart_style (const char *style)
{
  g_free (chart_style);
  chart_style = g_strdup (style);
}

static gboolean
chart_style_is (const char *style)
{
  return g_strcmp0 (chart_style, style) == 0;
}

static double
font_pixels (const PangoFontDescription *font,
             double                      dpi)
{
  double size = font ? (double) pango_font_description_get_size (font) / PANGO_SCALE : 0;

  if (size <= 0)
    return 0;
  return pango_font_description_get_size_is_absolute (font) ? size : size * dpi / 72.0;
}

/**
 * tandem_legibility_get_text_scale:
 * @widget: a widget that draws text with cairo
 *
 * Returns: how much larger than normal @widget's text should be drawn: 1 at
 *   the standard text size, 1.5 with the system's “Large Text”, more in
 *   workshop mode or with the “workshop” chart style
 */
double
tandem_legibility_get_text_scale (GtkWidget *widget)
{
  PangoContext *context;
  g_autofree char *font_name = NULL;
  g_autoptr(PangoFontDescription) system_font = NULL;
  double dpi, widget_px, normal_px;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 1.0);

  context = gtk_widget_get_pango_context (widget);
  dpi = pango_cairo_context_get_resolution (context);
  if (dpi <= 0)
    dpi = 96;
  widget_px = font_pixels (pango_context_get_font_description (context), dpi);

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  if (font_name)
    system_font = pango_font_description_from_string (font_name);
  normal_px = font_pixels (system_font, 96);
  if (normal_px <= 0)
    normal_px = DEFAULT_FONT_POINTS * 96 / 72.0;
  if (widget_px <= 0)
    widget_px = normal_px;
  return CLAMP (widget_px / normal_px * (chart_style_is ("workshop") ? WORKSHOP_CHART_SCALE : 1),
                0.5, 4.0);
}

/**
 * tandem_legibility_get_text_pixels:
 * @widget: a widget
 *
 * Returns: how tall @widget's own text is, in pixels (its font size): the
 *   size a drawing's body text should reach to read as well as the labels
 *   around it
 */
double
tandem_legibility_get_text_pixels (GtkWidget *widget)
{
  PangoContext *context;
  double dpi, px;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), DEFAULT_FONT_POINTS * 96 / 72.0);

  context = gtk_widget_get_pango_context (widget);
  dpi = pango_cairo_context_get_resolution (context);
  px = font_pixels (pango_context_get_font_description (context), dpi > 0 ? dpi : 96);
  return px > 0 ? px : DEFAULT_FONT_POINTS * 96 / 72.0;
}

/**
 * tandem_legibility_get_workshop:
 * @widget: a widget
 *
 * Returns: whether @widget's window is in workshop mode (projected for a
 *   room: drawings show a close, legible view rather than the whole)
 */
gboolean
tandem_legibility_get_workshop (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  return root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), TANDEM_WORKSHOP_CLASS);
}

/**
 * tandem_legibility_get_high_contrast:
 * @widget: a widget that draws with cairo
 *
 * Returns: whether to draw in high contrast: the system asks for it, the
 *   chart style in Preferences is “high-contrast”, or @widget's window is in
 *   workshop mode with high contrast on
 */
gboolean
tandem_legibility_get_high_contrast (GtkWidget *widget)
{
  AdwStyleManager *manager;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  if (adw_style_manager_get_high_contrast (manager))
    return TRUE;
  root = gtk_widget_get_root (widget);
  if (root && gtk_widget_has_css_class (GTK_WIDGET (root), TANDEM_HIGH_CONTRAST_CLASS))
    return TRUE;
  return chart_style_is ("high-contrast");
}

#define STALE_KEY "tandem-legibility-stale"

/**
 * tandem_legibility_redraw:
 * @widget: a window, or any widget
 *
 * Redraws and re-measures @widget and everything in it, after the text
 * size or contrast changed: GTK keeps drawings it has already made. What is
 * hidden is only marked, and caught up with tandem_legibility_catch_up()
 * when it is shown. (Pages out of sight are not measured again until they
 * are shown either: see TandemPageLayout.)
 */
void
tandem_legibility_redraw (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_visible (widget))
    {
      g_object_set_data (G_OBJECT (widget), STALE_KEY, GINT_TO_POINTER (TRUE));
      return;
    }
  g_object_set_data (G_OBJECT (widget), STALE_KEY, NULL);
  gtk_widget_queue_resize (widget);
  gtk_widget_queue_draw (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    tandem_legibility_redraw (child);
}

/**
 * tandem_legibility_catch_up:
 * @widget: a widget about to be shown again
 *
 * Redraws @widget as tandem_legibility_redraw() would have, if the text
 * size or contrast changed while it was hidden.
 */
void
tandem_legibility_catch_up (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), STALE_KEY) != NULL && gtk_widget_get_visible (widget))
    tandem_legibility_redraw (widget);
}
