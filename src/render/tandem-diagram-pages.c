/* tandem-diagram-pages.c — a driver diagram on paper: one page, or a poster of tiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tandem-diagram-layout.h"

#define PAGE_MARGIN   28.0     /* about 10 mm: inside what printers can print */
#define OVERLAP       34.0     /* about 12 mm shared by neighbouring tiles */
#define HEADER        34.0
#define FOOTER        16.0

struct _TandemDiagramPages
{
  TandemDiagramLayout *layout;
  char                *title;
  char                *subtitle;
  guint                columns;
  guint                rows;
  gboolean             high_contrast;
};

/**
 * tandem_diagram_pages_new:
 * @layout: the laid-out diagram
 * @title: the heading of every page (the diagram's name)
 * @subtitle: (nullable): a line under it (the team, the date)
 * @columns: pages across (1 to fit on one page)
 * @rows: pages down
 *
 * Returns: (transfer full): the pages, for tandem_diagram_draw_page()
 */
TandemDiagramPages *
tandem_diagram_pages_new (TandemDiagramLayout *layout,
                          const char          *title,
                          const char          *subtitle,
                          guint                columns,
                          guint                rows)
{
  TandemDiagramPages *pages = g_new0 (TandemDiagramPages, 1);

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (layout), NULL);
  pages->layout = g_object_ref (layout);
  pages->title = g_strdup (title ? title : "");
  pages->subtitle = g_strdup (subtitle);
  pages->columns = CLAMP (columns, 1, 8);
  pages->rows = CLAMP (rows, 1, 8);
  return pages;
}

/* How much the diagram is scaled on a page of @width × @height, across
 * @columns × @rows pages. */
static double
fit_scale (TandemDiagramLayout *layout,
           double               width,
           double               height,
           guint                columns,
           guint                rows)
{
  double dw, dh, area_w = width - 2 * PAGE_MARGIN, area_h, total_w, total_h;

  tandem_diagram_layout_get_size (layout, &dw, &dh);
  if (columns * rows == 1)
    {
      area_h = height - 2 * PAGE_MARGIN - HEADER - FOOTER;
      return MIN (1.5, MIN (area_w / dw, area_h / dh));
    }
  area_h = height - 2 * PAGE_MARGIN - HEADER;
  total_w = columns * area_w - (columns - 1) * OVERLAP;
  total_h = rows * area_h - (rows - 1) * OVERLAP;
  return MIN (total_w / dw, total_h / dh);
}

/**
 * tandem_diagram_pages_prefer_landscape:
 * @layout: the laid-out diagram
 * @paper_width: the paper's shorter side, in points
 * @paper_height: its longer side
 * @columns: pages across
 * @rows: pages down
 *
 * Returns: whether the diagram prints larger with the paper turned sideways
 *   (a wide diagram) than upright (a tall one)
 */
gboolean
tandem_diagram_pages_prefer_landscape (TandemDiagramLayout *layout,
                                       double               paper_width,
                                       double               paper_height,
                                       guint                columns,
                                       guint                rows)
{
  double portrait, landscape;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (layout), TRUE);
  columns = CLAMP (columns, 1, 8);
  rows = CLAMP (rows, 1, 8);
  portrait = fit_scale (layout, MIN (paper_width, paper_height), MAX (paper_width, paper_height), columns, rows);
  landscape = fit_scale (layout, MAX (paper_width, paper_height), MIN (paper_width, paper_height), columns, rows);
  return landscape >= portrait;
}

void
tandem_diagram_pages_free (TandemDiagramPages *pages)
{
  if (pages == NULL)
    return;
  g_object_unref (pages->layout);
  g_free (pages->title);
  g_free (pages->subtitle);
  g_free (pages);
}

/**
 * tandem_diagram_pages_set_high_contrast:
 * @pages: pages
 * @high_contrast: whether to print black on white, groups told apart by
 *   pattern (as the canvas draws in high contrast)
 */
void
tandem_diagram_pages_set_high_contrast (TandemDiagramPages *pages,
                                        gboolean            high_contrast)
{
  pages->high_contrast = high_contrast;
}

guint
tandem_diagram_pages_get_n_pages (TandemDiagramPages *pages)
{
  return pages->columns * pages->rows;
}

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width,
           gboolean    right)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_header (TandemDiagramPages *pages,
             cairo_t            *cr,
             double              width,
             const char         *extra)
{
  double w = width - 2 * PAGE_MARGIN;

  if (pages->high_contrast)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  show_text (cr, "Sans Bold 13", pages->title, PAGE_MARGIN, PAGE_MARGIN - 6, w * 0.7, FALSE);
  if (!pages->high_contrast)
    cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  if (pages->subtitle)
    show_text (cr, "Sans 8", pages->subtitle, PAGE_MARGIN, PAGE_MARGIN + 13, w * 0.7, FALSE);
  if (extra)
    show_text (cr, "Sans 8", extra, PAGE_MARGIN + w * 0.7, PAGE_MARGIN - 2, w * 0.3, TRUE);
}

/* Crop marks at the corners of a tile's printed area, and a dashed line where
 * the next tile's picture begins: trim one sheet at the marks, lay it over
 * its neighbour so the dashed line meets the edge, and the picture joins. */
static void
draw_alignment_marks (cairo_t *cr,
                      double   x,
                      double   y,
                      double   w,
                      double   h,
                      gboolean overlap_right,
                      gboolean overlap_below)
{
  static const double dash[] = { 4, 3 };
  const double len = 10, gap = 3;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (int corner = 0; corner < 4; corner++)
    {
      double cx = corner & 1 ? x + w : x;
      double cy = corner & 2 ? y + h : y;
      double sx = corner & 1 ? 1 : -1;
      double sy = corner & 2 ? 1 : -1;

      cairo_move_to (cr, cx + sx * gap, cy);
      cairo_line_to (cr, cx + sx * (gap + len), cy);
      cairo_move_to (cr, cx, cy + sy * gap);
      cairo_line_to (cr, cx, cy + sy * (gap + len));
    }
  cairo_stroke (cr);

  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  if (overlap_right)
    {
      cairo_move_to (cr, x + w - OVERLAP, y - gap - len);
      cairo_line_to (cr, x + w - OVERLAP, y);
      cairo_move_to (cr, x + w - OVERLAP, y + h);
      cairo_line_to (cr, x + w - OVERLAP, y + h + gap + len);
    }
  if (overlap_below)
    {
      cairo_move_to (cr, x - gap - len, y + h - OVERLAP);
      cairo_line_to (cr, x, y + h - OVERLAP);
      cairo_move_to (cr, x + w, y + h - OVERLAP);
      cairo_line_to (cr, x + w + gap + len, y + h - OVERLAP);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * tandem_diagram_draw_page:
 * @cr: where to draw, in points
 * @width: the page's width, in points
 * @height: its height
 * @page_nr: which page, from 0 (left to right, then top to bottom)
 * @pages: a #TandemDiagramPages
 *
 * Draws one page of a diagram: a #TandemDrawPageFunc, shared by printing,
 * every exported file and the command line. On one page, the diagram is
 * scaled to fit under a heading. As a poster, the diagram is scaled to fill
 * all the tiles together; neighbouring tiles share a strip of picture
 * (about 12 mm) and each tile has crop marks, a dashed line where its
 * neighbour's picture begins, and its row and column, so the sheets can be
 * trimmed and joined.
 */
void
tandem_diagram_draw_page (cairo_t  *cr,
                          double    width,
                          double    height,
                          guint     page_nr,
                          gpointer  user_data)
{
  TandemDiagramPages *pages = user_data;
  TandemDiagramDrawOptions options = { -1, -1, TRUE, TANDEM_DROP_ONTO, NULL, pages->high_contrast };
  double dw, dh, area_w, area_h, scale;
  guint n_pages = pages->columns * pages->rows;

  tandem_diagram_layout_get_size (pages->layout, &dw, &dh);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (n_pages == 1)
    {
      area_w = width - 2 * PAGE_MARGIN;
      area_h = height - 2 * PAGE_MARGIN - HEADER - FOOTER;
      scale = fit_scale (pages->layout, width, height, 1, 1);
      draw_header (pages, cr, width, NULL);
      cairo_translate (cr, PAGE_MARGIN + (area_w - dw * scale) / 2, PAGE_MARGIN + HEADER);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, dw, dh);
      cairo_clip (cr);
      tandem_diagram_layout_draw (pages->layout, cr, &options);
    }
  else
    {
      guint column = page_nr % pages->columns, row = page_nr / pages->columns;
      g_autofree char *where = NULL;
      double total_w, total_h, ox, oy;

      area_w = width - 2 * PAGE_MARGIN;
      area_h = height - 2 * PAGE_MARGIN - HEADER;
      total_w = pages->columns * area_w - (pages->columns - 1) * OVERLAP;
      total_h = pages->rows * area_h - (pages->rows - 1) * OVERLAP;
      scale = fit_scale (pages->layout, width, height, pages->columns, pages->rows);
      /* Centre the picture on the whole poster. */
      ox = (total_w - dw * scale) / 2 - column * (area_w - OVERLAP);
      oy = (total_h - dh * scale) / 2 - row * (area_h - OVERLAP);

      /* Translators: a poster tile; %u are numbers. */
      where = g_strdup_printf (_("Row %u, column %u (page %u of %u)"), row + 1, column + 1,
                               page_nr + 1, n_pages);
      draw_header (pages, cr, width, where);
      draw_alignment_marks (cr, PAGE_MARGIN, PAGE_MARGIN + HEADER, area_w, area_h,
                            column + 1 < pages->columns, row + 1 < pages->rows);

      cairo_rectangle (cr, PAGE_MARGIN, PAGE_MARGIN + HEADER, area_w, area_h);
      cairo_clip (cr);
      cairo_translate (cr, PAGE_MARGIN + ox, PAGE_MARGIN + HEADER + oy);
      cairo_scale (cr, scale, scale);
      tandem_diagram_layout_draw (pages->layout, cr, &options);
    }
  cairo_restore (cr);
}
