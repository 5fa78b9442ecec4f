/* tandem-render-text.c — text on charts and pages, for the renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few ways the renderers set text, in one place: a size in points in
 * Sans, text placed by its top left, centre or right, and a page's layout
 * whose metrics are the same on screen, on paper and in files.
 */

#include "config.h"

#include <string.h>

#include "tandem-render-text-private.h"

/* The family "Sans" stands for on one font map, while the map is unchanged,
 * in one language. */
typedef struct
{
  guint          serial;
  PangoLanguage *language;
  char          *family;
} SansFamily;

static void
sans_family_free (gpointer data)
{
  SansFamily *sans = data;

  g_free (sans->family);
  g_free (sans);
}

/* The family of the font that @font (in “Sans”) loads on @layout's font
 * map, found once per map and language: a layout in that family draws in the same font,
 * and Pango loads fewer fonts. Pango finds a font's metrics with a layout in
 * the font's own family (“DejaVu Sans”, not “Sans”): for each size, asking
 * for “Sans” made fontconfig match and sort fonts twice (each time on two
 * threads of its own), asking for the family itself once. %NULL keeps
 * “Sans”: no font found, or a family name that would read as a list. */
static char *
sans_family (PangoLayout                *layout,
             const PangoFontDescription *font)
{
  static GMutex lock;
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontMap *map = pango_context_get_font_map (context);
  PangoLanguage *language = pango_context_get_language (context);
  SansFamily *sans;
  char *family = NULL;

  if (map == NULL)
    return NULL;
  g_mutex_lock (&lock);
  sans = g_object_get_data (G_OBJECT (map), "tandem-sans-family");
  if (sans == NULL || sans->serial != pango_font_map_get_serial (map) ||
      sans->language != language)
    {
      g_autoptr(PangoFont) loaded = pango_context_load_font (context, font);
      PangoFontDescription *described = loaded ? pango_font_describe (loaded) : NULL;
      const char *name = described ? pango_font_description_get_family (described) : NULL;

      sans = g_new0 (SansFamily, 1);
      sans->serial = pango_font_map_get_serial (map);
      sans->language = language;
      if (name != NULL && *name != '\0' && strchr (name, ',') == NULL)
        sans->family = g_strdup (name);
      g_clear_pointer (&described, pango_font_description_free);
      g_object_set_data_full (G_OBJECT (map), "tandem-sans-family", sans, sans_family_free);
    }
  family = g_strdup (sans->family);
  g_mutex_unlock (&lock);
  return family;
}

/**
 * _tandem_render_set_font:
 * @layout: a layout
 * @size: the size, in the drawing's units
 * @bold: whether bold
 *
 * Sets the font to Sans, as the family it stands for on @layout's font map
 * (see sans_family()).
 */
void
_tandem_render_set_font (PangoLayout *layout,
                         double       size,
                         gboolean     bold)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  g_autofree char *family = NULL;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  family = sans_family (layout, font);
  if (family != NULL)
    pango_font_description_set_family (font, family);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/**
 * _tandem_render_draw_text:
 * @cr: (nullable): where to draw, or %NULL only to measure
 * @layout: the layout, with its font
 * @text: the words
 * @x: where the text is anchored across
 * @y: its top
 * @align: 0 for its left at @x, 0.5 its centre, 1 its right
 * @out_w: (out) (optional): its width
 * @out_h: (out) (optional): its height
 */
void
_tandem_render_draw_text (cairo_t     *cr,
                          PangoLayout *layout,
                          const char  *text,
                          double       x,
                          double       y,
                          double       align,
                          double      *out_w,
                          double      *out_h)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (out_w)
    *out_w = (double) w / PANGO_SCALE;
  if (out_h)
    *out_h = (double) h / PANGO_SCALE;
  if (cr)
    {
      cairo_move_to (cr, x - align * w / PANGO_SCALE, y);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * _tandem_render_page_layout_new:
 * @cr: the page's context
 * @size: the size in points
 * @bold: whether bold
 * @width: the width to wrap at, in points (between words, or within a word
 *   too long for it), or below 0 for no wrapping
 *
 * A layout for printed pages: sizes are points, as the page is, and hinting
 * is off, so the text takes the same room on screen, on paper and in files.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
_tandem_render_page_layout_new (cairo_t  *cr,
                                double    size,
                                gboolean  bold,
                                double    width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width >= 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}
