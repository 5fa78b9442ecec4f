/* tandem-flowing-text.c — text of any length, laid out in lines that flow
 * from page to page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session note may be a few words or a book. Pango cannot shape one
 * paragraph of a million characters (the whole run comes back as a single
 * clipped line), and drawing one huge layout on every page costs the whole
 * text per page. So the text is laid out a paragraph at a time, and a long
 * paragraph a few thousand bytes at a time: each piece keeps all its lines
 * but the last, and the next piece starts where that last line started, so
 * the lines break exactly where one layout would break them. Pages are then
 * cut between lines, and a page draws only its own lines.
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tandem-flowing-text.h"

/* Bytes laid out at once: many lines, never enough to trouble Pango. */
#define PIECE 4096

typedef struct
{
  PangoLayout *layout;   /* shared by the lines of one piece */
  int          index;    /* the line in it */
  double       top;      /* in the flow, in points */
  double       bottom;
  double       baseline;
  guint32      rgb;
} Line;

struct _TandemFlowingText
{
  PangoContext *context;
  double        width;
  GArray       *lines;   /* of Line */
  double        height;
};

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_object (&line->layout);
}

/**
 * tandem_flowing_text_new:
 * @width: the width of the lines, in points
 *
 * Returns: (transfer full): an empty flow; sizes are in points, with the
 *   same metrics on screen, on paper and in files
 */
TandemFlowingText *
tandem_flowing_text_new (double width)
{
  TandemFlowingText *flow = g_new0 (TandemFlowingText, 1);
  PangoFontMap *fonts = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  flow->context = pango_font_map_create_context (fonts);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  pango_cairo_context_set_resolution (flow->context, 72);
  cairo_font_options_destroy (options);

  flow->width = width;
  flow->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (flow->lines, line_clear);
  return flow;
}

void
tandem_flowing_text_free (TandemFlowingText *flow)
{
  if (flow == NULL)
    return;
  g_array_unref (flow->lines);
  g_object_unref (flow->context);
  g_free (flow);
}

/* Lays out @length bytes of one paragraph; keeps its first @keep lines (all
 * when @keep is negative) and returns where the first line not kept starts. */
static int
add_piece (TandemFlowingText          *flow,
           const char                 *text,
           int                         length,
           const PangoFontDescription *font,
           guint32                     rgb,
           gboolean                    last)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoLayoutIter *iter;
  int n_lines, keep, next = length;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (flow->width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, length);

  n_lines = pango_layout_get_line_count (layout);
  keep = n_lines;
  if (!last && n_lines > 1)
    {
      keep = n_lines - 1;
      next = pango_layout_get_line_readonly (layout, keep)->start_index;
    }

  iter = pango_layout_get_iter (layout);
  for (int i = 0; i < keep; i++, pango_layout_iter_next_line (iter))
    {
      PangoRectangle logical;
      Line line = { g_object_ref (layout), i, 0, 0, 0, rgb };
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      line.top = flow->height;
      line.bottom = flow->height + (double) logical.height / PANGO_SCALE;
      line.baseline = flow->height + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      g_array_append_val (flow->lines, line);
      flow->height = line.bottom;
    }
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  return next;
}

static void
add_paragraph (TandemFlowingText          *flow,
               const char                 *text,
               int                         length,
               const PangoFontDescription *font,
               guint32                     rgb)
{
  do
    {
      int piece = length;

      if (length > PIECE)
        {
          const char *end = g_utf8_find_prev_char (text, text + PIECE + 1);

          /* End the piece after a space, so no word is cut in two. */
          piece = (int) (end - text);
          for (int i = piece - 1; i > PIECE / 2; i--)
            if (text[i] == ' ')
              {
                piece = i + 1;
                break;
              }
        }
      piece = add_piece (flow, text, piece, font, rgb, piece == length);
      if (piece <= 0)
        break;
      text += piece;
      length -= piece;
    }
  while (length > 0);
}

/**
 * tandem_flowing_text_add:
 * @flow: a flow
 * @text: plain text, of any length; each line of it is a paragraph
 * @size: the type size, in points
 * @bold: whether it is bold
 * @rgb: its colour, as 0xRRGGBB
 *
 * Adds @text below what is there, in the document's sans-serif type.
 */
void
tandem_flowing_text_add (TandemFlowingText *flow,
                         const char        *text,
                         double             size,
                         gboolean           bold,
                         guint32            rgb)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  const char *p = text ? text : "";

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  for (;;)
    {
      const char *end = strchr (p, '\n');
      int length = end ? (int) (end - p) : (int) strlen (p);

      if (length > 0 && p[length - 1] == '\r')
        length--;
      add_paragraph (flow, p, length, font, rgb);
      if (end == NULL)
        break;
      p = end + 1;
    }
}

/**
 * tandem_flowing_text_get_height:
 * @flow: a flow
 *
 * Returns: the height of all its lines, in points
 */
double
tandem_flowing_text_get_height (TandemFlowingText *flow)
{
  return flow->height;
}

/**
 * tandem_flowing_text_paginate:
 * @flow: a flow
 * @first_room: the height the first page has for it
 * @room: the height every later page has
 * @starts: (element-type double): filled with where each page starts in the flow
 * @ends: (element-type double): and where it ends
 *
 * Cuts the flow into pages between lines; a line taller than a page gets a
 * page of its own.
 *
 * Returns: the number of pages (at least one)
 */
guint
tandem_flowing_text_paginate (TandemFlowingText *flow,
                              double             first_room,
                              double             room,
                              GArray            *starts,
                              GArray            *ends)
{
  double page_top = 0;

  g_array_set_size (starts, 0);
  g_array_set_size (ends, 0);
  g_array_append_val (starts, page_top);
  for (guint i = 0; i < flow->lines->len; i++)
    {
      const Line *line = &g_array_index (flow->lines, Line, i);
      double here = starts->len == 1 ? first_room : room;

      if (line->bottom - page_top > here && line->top > page_top)
        {
          g_array_append_val (ends, line->top);
          page_top = line->top;
          g_array_append_val (starts, page_top);
        }
    }
  g_array_append_val (ends, flow->height);
  return starts->len;
}

/**
 * tandem_flowing_text_draw:
 * @flow: a flow
 * @cr: where to draw
 * @x: the left of the lines
 * @y: where the flow's @from is drawn
 * @from: the first part of the flow to draw (a page's start)
 * @to: the end of it
 *
 * Draws the lines that start at or after @from and end by @to.
 */
void
tandem_flowing_text_draw (TandemFlowingText *flow,
                          cairo_t           *cr,
                          double             x,
                          double             y,
                          double             from,
                          double             to)
{
  guint lo = 0, hi = flow->lines->len;

  /* The first line at or after @from. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (flow->lines, Line, mid).top < from - 0.001)
        lo = mid + 1;
      else
        hi = mid;
    }
  cairo_save (cr);
  for (guint i = lo; i < flow->lines->len; i++)
    {
      const Line *line = &g_array_index (flow->lines, Line, i);

      if (line->bottom > to + 0.001)
        break;
      cairo_set_source_rgb (cr, ((line->rgb >> 16) & 0xff) / 255.0,
                            ((line->rgb >> 8) & 0xff) / 255.0, (line->rgb & 0xff) / 255.0);
      cairo_move_to (cr, x, y + line->baseline - from);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (line->layout, line->index));
    }
  cairo_restore (cr);
}
