/* tandem-diagram-layout.c — where each box of a driver diagram goes, and drawing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layout, one drawing function: the canvas, printing, every exported file
 * and the command line all call tandem_diagram_layout_draw(). Units are
 * points; text is measured without hinting, so a layout reads the same at
 * any zoom and on paper.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tandem-diagram-layout.h"
#include "tandem-diagram-layout-private.h"

#define MARGIN          24.0
#define COLUMN_GAP      56.0
#define BOX_GAP         10.0
#define FAMILY_GAP      8.0     /* extra space where the parent changes */
#define PAD             7.0
#define STRIPE          6.0
#define HEADING_HEIGHT  26.0
#define LEGEND_ROW      17.0
#define FONT            "Sans 9"
#define AIM_FONT        "Sans Bold 10"
#define SMALL_FONT      "Sans 7"

static const double column_widths[TANDEM_N_NODE_KINDS] = { 210, 200, 200, 220 };

typedef enum
{
  LEGEND_GROUP,
  LEGEND_STATUS,
  LEGEND_TAG,
} LegendKind;

typedef struct
{
  LegendKind   kind;
  guint        index;      /* group, status or tag */
  PangoLayout *text;
  PangoLayout *code;       /* the tag's code, for tags */
  double       x, y;
} LegendItem;

struct _TandemDiagramLayout
{
  GObject        parent_instance;

  TandemDiagram *diagram;
  PangoContext  *context;
  GArray        *boxes;           /* TandemDiagramBox */
  GArray        *edges;           /* TandemDiagramEdge */
  GArray        *box_of_node;     /* int per node, -1 when not shown */
  GArray        *columns[TANDEM_N_NODE_KINDS];   /* box indices, top to bottom */
  GArray        *legend;          /* LegendItem */
  PangoLayout   *headings[TANDEM_N_NODE_KINDS];
  PangoLayout   *key_label;
  double         column_x[TANDEM_N_NODE_KINDS];
  double         legend_height;
  double         top;             /* where the boxes start */
  double         width;
  double         height;
};

G_DEFINE_FINAL_TYPE (TandemDiagramLayout, tandem_diagram_layout, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Colours and marks                                                        */

typedef struct { double r, g, b; } Rgb;

static Rgb
parse_colour (const char *text,
              Rgb         fallback)
{
  unsigned int r, g, b;

  if (text && strlen (text) == 7 && sscanf (text, "#%02x%02x%02x", &r, &g, &b) == 3)
    return (Rgb) { r / 255.0, g / 255.0, b / 255.0 };
  return fallback;
}

static const Rgb group_fallbacks[] = {
  { 0.11, 0.44, 0.85 }, { 0.15, 0.64, 0.41 }, { 0.78, 0.42, 0.0 }, { 0.57, 0.25, 0.67 },
  { 0.75, 0.11, 0.16 }, { 0.39, 0.27, 0.18 },
};

static Rgb
group_colour (TandemDiagram *diagram,
              int            group)
{
  Rgb fallback = group_fallbacks[group % G_N_ELEMENTS (group_fallbacks)];

  return parse_colour (tandem_diagram_get_group (diagram, group)->colour, fallback);
}

static Rgb
status_colour (TandemIdeaStatus status)
{
  switch (status)
    {
    case TANDEM_IDEA_STATUS_TESTING: return (Rgb) { 0.80, 0.47, 0.0 };
    case TANDEM_IDEA_STATUS_ADOPTED: return (Rgb) { 0.15, 0.55, 0.30 };
    case TANDEM_IDEA_STATUS_ADAPTED: return (Rgb) { 0.10, 0.40, 0.75 };
    case TANDEM_IDEA_STATUS_ABANDONED: return (Rgb) { 0.45, 0.45, 0.45 };
    case TANDEM_IDEA_STATUS_IDEA:
    case TANDEM_IDEA_STATUS_NONE:
    default: return (Rgb) { 0.30, 0.30, 0.30 };
    }
}

static void arc (cairo_t *cr, double xc, double yc, double radius, double angle_a, double angle_b,
                 gboolean one_curve);
static gboolean arc_is_one_curve (cairo_t *cr, double radius, double sweep);
static void arc_pieces_init (void);

/* Each status has its own shape, so that it reads in greyscale and for people
 * who do not see the colour: ○ idea, ◐ testing, ● adopted, ◆ adapted,
 * ⊗ abandoned. */
static void
draw_status_mark (cairo_t          *cr,
                  TandemIdeaStatus  status,
                  double            cx,
                  double            cy,
                  double            r,
                  gboolean          high_contrast)
{
  Rgb c = high_contrast ? (Rgb) { 0, 0, 0 } : status_colour (status);
  gboolean one_curve = arc_is_one_curve (cr, r, G_PI);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
  cairo_set_line_width (cr, high_contrast ? 1.5 : 1.2);
  switch (status)
    {
    case TANDEM_IDEA_STATUS_TESTING:
      arc (cr, cx, cy, r, 0, 2 * G_PI, one_curve);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, cy - r);
      arc (cr, cx, cy, r, -G_PI / 2, G_PI / 2, one_curve);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case TANDEM_IDEA_STATUS_ADOPTED:
      arc (cr, cx, cy, r, 0, 2 * G_PI, one_curve);
      cairo_fill (cr);
      break;
    case TANDEM_IDEA_STATUS_ADAPTED:
      cairo_move_to (cr, cx, cy - r * 1.2);
      cairo_line_to (cr, cx + r * 1.2, cy);
      cairo_line_to (cr, cx, cy + r * 1.2);
      cairo_line_to (cr, cx - r * 1.2, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case TANDEM_IDEA_STATUS_ABANDONED:
      arc (cr, cx, cy, r, 0, 2 * G_PI, one_curve);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx + r * 0.7, cy + r * 0.7);
      cairo_move_to (cr, cx + r * 0.7, cy - r * 0.7);
      cairo_line_to (cr, cx - r * 0.7, cy + r * 0.7);
      cairo_stroke (cr);
      break;
    case TANDEM_IDEA_STATUS_IDEA:
    case TANDEM_IDEA_STATUS_NONE:
    default:
      arc (cr, cx, cy, r, 0, 2 * G_PI, one_curve);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

/* Ink: a colour, or black in high contrast. */
static void
ink (cairo_t  *cr,
     gboolean  high_contrast,
     double    r,
     double    g,
     double    b)
{
  if (high_contrast)
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, r, g, b);
}

/* A group's mark: its colour, or in high contrast a black pattern of its
 * own, so that groups differ without colour: solid, fine bars, hollow, left
 * half, dots, wide bars, top half, and a checker of halves. A diagram with
 * more than eight groups repeats them (the legend names each group). */
#define N_GROUP_PATTERNS 8

void
_tandem_diagram_draw_group_pattern (cairo_t *cr,
                                    int      group,
                                    double   x,
                                    double   y,
                                    double   w,
                                    double   h)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  switch (((group % N_GROUP_PATTERNS) + N_GROUP_PATTERNS) % N_GROUP_PATTERNS)
    {
    case 0:
      cairo_rectangle (cr, x, y, w, h);
      break;
    case 1:
      for (double by = y + 1; by < y + h; by += 3.5)
        cairo_rectangle (cr, x, by, w, MIN (1.75, y + h - by));
      break;
    case 3:
      cairo_rectangle (cr, x, y, w / 2, h);
      break;
    case 4:
      for (double by = y + 1.5; by + 2 <= y + h; by += 4)
        cairo_rectangle (cr, x + w / 2 - 1, by, 2, 2);
      break;
    case 5:
      for (double by = y; by < y + h; by += 8)
        cairo_rectangle (cr, x, by, w, MIN (5, y + h - by));
      break;
    case 6:
      cairo_rectangle (cr, x, y, w, h / 2);
      break;
    case 7:
      for (double by = y; by < y + h; by += 6)
        {
          cairo_rectangle (cr, x, by, w / 2, MIN (3, y + h - by));
          if (by + 3 < y + h)
            cairo_rectangle (cr, x + w / 2, by + 3, w / 2, MIN (3, y + h - by - 3));
        }
      break;
    case 2:
    default:
      break;
    }
  cairo_fill (cr);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
  cairo_stroke (cr);
}

static void
draw_group_mark (cairo_t       *cr,
                 TandemDiagram *diagram,
                 int            group,
                 double         x,
                 double         y,
                 double         w,
                 double         h,
                 gboolean       high_contrast)
{
  if (!high_contrast)
    {
      Rgb c = group_colour (diagram, group);

      cairo_set_source_rgb (cr, c.r, c.g, c.b);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      return;
    }
  _tandem_diagram_draw_group_pattern (cr, group, x, y, w, h);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

/* Shaping text is most of the cost of a layout, and a diagram is laid out
 * afresh after every edit: so wrapped text is kept, by font, width and words,
 * and shared between layouts (they never change a PangoLayout once made). All
 * layouts share one context, in points, without hinting. */
#define TEXT_CACHE_LIMIT 20000

static PangoContext *
shared_context (void)
{
  static PangoContext *context = NULL;

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (context, 72);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }
  return context;
}

static PangoFontDescription *
font_for (const char *font,
          gboolean    italic)
{
  static GHashTable *fonts = NULL;
  g_autofree char *key = g_strdup_printf ("%s%s", font, italic ? " Italic" : "");
  PangoFontDescription *desc;

  if (fonts == NULL)
    fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) pango_font_description_free);
  desc = g_hash_table_lookup (fonts, key);
  if (desc == NULL)
    {
      /* Not from "Sans 7 Italic": the size has to come last in that string. */
      desc = pango_font_description_from_string (font);
      if (italic)
        pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
      g_hash_table_insert (fonts, g_steal_pointer (&key), desc);
    }
  return desc;
}

static PangoLayout *
make_text (TandemDiagramLayout *self,
           const char          *font,
           const char          *text,
           double              width,
           gboolean             italic)
{
  static GHashTable *cache = NULL;
  int pango_width = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  char number[24];
  g_autofree char *key = NULL;
  PangoLayout *layout;

  /* Not g_strdup_printf(): this runs for every box of every layout. */
  g_snprintf (number, sizeof number, "|%d|%d|", pango_width, italic ? 1 : 0);
  key = g_strconcat (font, number, text, NULL);

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if ((layout = g_hash_table_lookup (cache, key)) != NULL)
    return g_object_ref (layout);
  if (g_hash_table_size (cache) >= TEXT_CACHE_LIMIT)
    g_hash_table_remove_all (cache);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font_for (font, italic));
  if (pango_width > 0)
    {
      pango_layout_set_width (layout, pango_width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* Pango would warn, and keep bytes cairo then refuses to draw. */
  if (g_utf8_validate (text, -1, NULL))
    pango_layout_set_text (layout, text, -1);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      pango_layout_set_text (layout, valid, -1);
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Drawing text. pango_cairo_show_layout() walks the layout, converts each
 * run's glyphs, builds its text clusters and installs its font on every call:
 * with thousands of boxes that was most of the time a diagram took to draw. A
 * layout never changes once made, so its runs are converted once, kept with
 * it, and drawn as pango-cairo draws them: the same glyphs, fonts, positions
 * and clusters (so text in a PDF can still be found and copied). Anything
 * unusual (attributes, a glyph no font has, a transformed context) is left to
 * pango-cairo. */
typedef struct
{
  cairo_scaled_font_t        *font;
  double                      x, y;          /* the run's origin, from the layout's */
  guint                       first_glyph;
  guint                       n_glyphs;
  guint                       first_cluster;
  guint                       n_clusters;
  const char                 *utf8;          /* the layout's own text */
  int                         utf8_len;
  cairo_text_cluster_flags_t  flags;
} TextRun;

typedef struct
{
  gboolean  by_pango;
  GArray   *runs;       /* TextRun */
  GArray   *glyphs;     /* cairo_glyph_t, relative to their run's origin */
  GArray   *clusters;   /* cairo_text_cluster_t */
} PreparedText;

static GQuark prepared_quark;

static void
prepared_text_free (gpointer data)
{
  PreparedText *prepared = data;

  if (prepared->runs)
    {
      for (guint r = 0; r < prepared->runs->len; r++)
        cairo_scaled_font_destroy (g_array_index (prepared->runs, TextRun, r).font);
      g_array_unref (prepared->runs);
    }
  g_clear_pointer (&prepared->glyphs, g_array_unref);
  g_clear_pointer (&prepared->clusters, g_array_unref);
  g_free (prepared);
}

/* Whether cairo_show_text_glyphs() takes @run's text and clusters: an error
 * there would stop everything drawn after it on the same cairo_t. */
static gboolean
clusters_fit (PreparedText  *prepared,
              const TextRun *run)
{
  int bytes = 0, glyphs = 0;

  for (guint c = 0; c < run->n_clusters; c++)
    {
      const cairo_text_cluster_t *cluster =
        &g_array_index (prepared->clusters, cairo_text_cluster_t, run->first_cluster + c);

      if (cluster->num_bytes < 0 || cluster->num_glyphs < 0 ||
          (cluster->num_bytes == 0 && cluster->num_glyphs == 0) ||
          bytes + cluster->num_bytes > run->utf8_len ||
          !g_utf8_validate (run->utf8 + bytes, cluster->num_bytes, NULL))
        return FALSE;
      bytes += cluster->num_bytes;
      glyphs += cluster->num_glyphs;
    }
  return bytes == run->utf8_len && (guint) glyphs == run->n_glyphs;
}

/* One run (a glyph item) as pango_cairo_renderer_draw_glyph_item() sees it. */
static gboolean
prepare_run (PreparedText   *prepared,
             const char     *text,
             PangoGlyphItem *run,
             int             x,
             int             y)
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoItem *item = run->item;
  gboolean backward = (item->analysis.level & 1) != 0;
  cairo_scaled_font_t *font;
  PangoGlyphItemIter iter;
  TextRun text_run = { NULL, (double) x / PANGO_SCALE, (double) y / PANGO_SCALE,
                       prepared->glyphs->len, 0, prepared->clusters->len, 0,
                       text + item->offset, item->length,
                       backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0 };
  int x_position = 0;

  if (item->analysis.extra_attrs != NULL ||
      (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) ||
      !PANGO_IS_CAIRO_FONT (item->analysis.font))
    return FALSE;
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->analysis.font));
  if (font == NULL || cairo_scaled_font_status (font) != CAIRO_STATUS_SUCCESS)
    return FALSE;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &glyphs->glyphs[i];

      if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        return FALSE;
      if (gi->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_glyph_t glyph = { gi->glyph,
                                  (double) (x_position + gi->geometry.x_offset) / PANGO_SCALE,
                                  (double) gi->geometry.y_offset / PANGO_SCALE };
          g_array_append_val (prepared->glyphs, glyph);
        }
      x_position += gi->geometry.width;
    }

  if (pango_glyph_item_iter_init_start (&iter, run, text))
    do
      {
        cairo_text_cluster_t cluster = { iter.end_index - iter.start_index,
                                         backward ? iter.start_glyph - iter.end_glyph
                                                  : iter.end_glyph - iter.start_glyph };

        for (int i = MIN (iter.start_glyph, iter.end_glyph + 1); i < MAX (iter.start_glyph + 1, iter.end_glyph); i++)
          if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
            cluster.num_glyphs--;
        g_array_append_val (prepared->clusters, cluster);
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  text_run.font = cairo_scaled_font_reference (font);
  text_run.n_glyphs = prepared->glyphs->len - text_run.first_glyph;
  text_run.n_clusters = prepared->clusters->len - text_run.first_cluster;
  if (!clusters_fit (prepared, &text_run))
    text_run.utf8 = NULL;
  g_array_append_val (prepared->runs, text_run);
  return TRUE;
}

/* Where pango_renderer_draw_layout() and _draw_layout_line() put each run. */
static PreparedText *
prepare_text (PangoLayout *layout)
{
  PreparedText *prepared = g_new0 (PreparedText, 1);
  PangoLayoutIter *iter;
  const char *text = pango_layout_get_text (layout);
  gboolean ok = pango_layout_get_attributes (layout) == NULL &&
                pango_context_get_matrix (pango_layout_get_context (layout)) == NULL;

  prepared->runs = g_array_new (FALSE, FALSE, sizeof (TextRun));
  prepared->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  prepared->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline, x_off = 0;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      for (GSList *l = line->runs; l && ok; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          int width = pango_glyph_string_get_width (run->glyphs);

          x_off += run->start_x_offset;
          ok = prepare_run (prepared, text, run, logical.x + x_off, baseline - run->y_offset);
          x_off += width + run->end_x_offset;
        }
    }
  while (ok && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  prepared->by_pango = !ok;
  return prepared;
}

/* pango_cairo_show_layout() at (@x, @y), as fast as a known layout can be. */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  PreparedText *prepared;
  gboolean with_text;
  cairo_glyph_t stack[256];

  if (prepared_quark == 0)
    prepared_quark = g_quark_from_static_string ("tandem-diagram-prepared-text");
  /* From the path, as pango-cairo takes it: in cairo's fixed point. */
  cairo_move_to (cr, x, y);
  cairo_get_current_point (cr, &x, &y);
  prepared = g_object_get_qdata (G_OBJECT (layout), prepared_quark);
  if (prepared == NULL)
    {
      prepared = prepare_text (layout);
      g_object_set_qdata_full (G_OBJECT (layout), prepared_quark, prepared, prepared_text_free);
    }
  if (prepared->by_pango)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }

  with_text = cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
  for (guint r = 0; r < prepared->runs->len; r++)
    {
      const TextRun *run = &g_array_index (prepared->runs, TextRun, r);
      const cairo_glyph_t *from = &g_array_index (prepared->glyphs, cairo_glyph_t, run->first_glyph);
      cairo_glyph_t *glyphs = run->n_glyphs <= G_N_ELEMENTS (stack) ? stack : g_new (cairo_glyph_t, run->n_glyphs);
      double base_x = x + run->x, base_y = y + run->y;

      for (guint g = 0; g < run->n_glyphs; g++)
        {
          glyphs[g].index = from[g].index;
          glyphs[g].x = base_x + from[g].x;
          glyphs[g].y = from[g].y == 0 ? base_y : base_y + from[g].y;
        }
      cairo_set_scaled_font (cr, run->font);
      if (with_text && run->utf8 != NULL)
        cairo_show_text_glyphs (cr, run->utf8, run->utf8_len, glyphs, run->n_glyphs,
                                &g_array_index (prepared->clusters, cairo_text_cluster_t, run->first_cluster),
                                run->n_clusters, run->flags);
      else
        cairo_show_glyphs (cr, glyphs, run->n_glyphs);
      if (glyphs != stack)
        g_free (glyphs);
    }
}

static double
text_height (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static char *
marks_text (TandemDiagram           *diagram,
            const TandemDiagramNode *node)
{
  GString *s = g_string_new (tandem_idea_status_label (node->status));

  for (guint t = 0; t < node->tags->len; t++)
    {
      g_string_append (s, t == 0 ? "   " : " · ");
      g_string_append (s, tandem_diagram_get_tag (diagram, g_array_index (node->tags, guint, t))->code);
    }
  /* The rung of the Ladder of Co-production, shown as the tags are: who the
   * idea was worked out with is part of what the diagram says. */
  if (node->level != TANDEM_COPRODUCTION_NONE)
    {
      g_string_append (s, "   ");
      g_string_append_printf (s, _("Ladder: %s"), tandem_coproduction_label (node->level));
    }
  if (node->n_pdsa > 0)
    g_string_append_printf (s, "   PDSA %u", node->n_pdsa);
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Layout                                                                   */

static void
box_clear (gpointer data)
{
  TandemDiagramBox *box = data;

  g_clear_object (&box->text);
  g_clear_object (&box->marks);
  g_clear_object (&box->group);
  g_clear_object (&box->credit);
}

static void
legend_item_clear (gpointer data)
{
  LegendItem *item = data;

  g_clear_object (&item->text);
  g_clear_object (&item->code);
}

static void
tandem_diagram_layout_finalize (GObject *object)
{
  TandemDiagramLayout *self = TANDEM_DIAGRAM_LAYOUT (object);

  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->box_of_node, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    {
      g_clear_pointer (&self->columns[k], g_array_unref);
      g_clear_object (&self->headings[k]);
    }
  g_clear_object (&self->key_label);
  g_clear_object (&self->context);
  g_clear_object (&self->diagram);
  G_OBJECT_CLASS (tandem_diagram_layout_parent_class)->finalize (object);
}

static void
tandem_diagram_layout_class_init (TandemDiagramLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_diagram_layout_finalize;
  arc_pieces_init ();
}

static void
tandem_diagram_layout_init (TandemDiagramLayout *self)
{
  self->boxes = g_array_new (FALSE, TRUE, sizeof (TandemDiagramBox));
  g_array_set_clear_func (self->boxes, box_clear);
  self->edges = g_array_new (FALSE, FALSE, sizeof (TandemDiagramEdge));
  self->box_of_node = g_array_new (FALSE, FALSE, sizeof (int));
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, legend_item_clear);
  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    self->columns[k] = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Points in, points out: no hinting, so text measures the same at every scale. */
  self->context = g_object_ref (shared_context ());
}

/* Which nodes are shown: the roots, and every child of a shown, unfolded
 * parent. With a focus, only the focused node, its ancestors and its
 * descendants. Links only join adjacent columns, so one pass per column
 * settles it. */
static void
find_shown (TandemDiagramLayout *self,
            int                  focus,
            gboolean            *shown)
{
  TandemDiagram *d = self->diagram;
  guint n = tandem_diagram_get_n_nodes (d);
  g_autofree gboolean *in_focus = NULL;

  if (focus >= 0)
    {
      g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
      guint f = focus;

      in_focus = g_new0 (gboolean, n);
      in_focus[focus] = TRUE;
      /* Ancestors, then descendants. */
      for (int direction = 0; direction < 2; direction++)
        {
          g_array_set_size (queue, 0);
          g_array_append_val (queue, f);
          for (guint q = 0; q < queue->len; q++)
            {
              const TandemDiagramNode *node = tandem_diagram_get_node (d, g_array_index (queue, guint, q));
              GArray *next = direction == 0 ? node->parents : node->children;

              for (guint i = 0; i < next->len; i++)
                {
                  guint j = g_array_index (next, guint, i);
                  if (!in_focus[j])
                    {
                      in_focus[j] = TRUE;
                      g_array_append_val (queue, j);
                    }
                }
            }
        }
    }

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    for (guint i = 0; i < n; i++)
      {
        const TandemDiagramNode *node = tandem_diagram_get_node (d, i);

        if (node->kind != k || (in_focus && !in_focus[i]))
          continue;
        shown[i] = node->parents->len == 0;
        for (guint p = 0; p < node->parents->len && !shown[i]; p++)
          {
            guint parent = g_array_index (node->parents, guint, p);
            shown[i] = shown[parent] && !tandem_diagram_get_node (d, parent)->collapsed;
          }
      }
}

typedef struct
{
  guint  node;
  double barycentre;
  guint  first_seen;
} OrderKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const OrderKey *x = a, *y = b;

  if (x->barycentre != y->barycentre)
    return x->barycentre < y->barycentre ? -1 : 1;
  return (x->first_seen > y->first_seen) - (x->first_seen < y->first_seen);
}

/* The order of each column, top to bottom. Children follow their parents in
 * the order the person gave them; a node shared by several parents goes to
 * the middle of them (its barycentre), which keeps crossings low without
 * overriding anyone's order. Nodes without a parent go last. */
static void
order_columns (TandemDiagramLayout *self,
               const gboolean      *shown,
               GArray             **order)
{
  TandemDiagram *d = self->diagram;
  guint n = tandem_diagram_get_n_nodes (d);
  g_autofree int *rank = g_new (int, n);
  GArray *roots = tandem_diagram_get_roots (d);

  for (guint i = 0; i < n; i++)
    rank[i] = -1;
  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    {
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (OrderKey));
      g_autofree gboolean *seen = g_new0 (gboolean, n);
      guint counter = 0;

      if (k > 0)
        for (guint p = 0; p < order[k - 1]->len; p++)
          {
            const TandemDiagramNode *parent = tandem_diagram_get_node (d, g_array_index (order[k - 1], guint, p));

            if (parent->collapsed)
              continue;
            for (guint c = 0; c < parent->children->len; c++)
              {
                guint child = g_array_index (parent->children, guint, c);
                const TandemDiagramNode *node = tandem_diagram_get_node (d, child);
                OrderKey key = { child, 0, counter++ };
                guint n_ranked = 0;

                if (!shown[child] || seen[child])
                  continue;
                seen[child] = TRUE;
                for (guint q = 0; q < node->parents->len; q++)
                  {
                    int r = rank[g_array_index (node->parents, guint, q)];
                    if (r >= 0 && !tandem_diagram_get_node (d, g_array_index (node->parents, guint, q))->collapsed)
                      {
                        key.barycentre += r;
                        n_ranked++;
                      }
                  }
                key.barycentre = n_ranked ? key.barycentre / n_ranked : G_MAXDOUBLE;
                g_array_append_val (keys, key);
              }
          }
      for (guint r = 0; r < roots->len; r++)
        {
          guint i = g_array_index (roots, guint, r);
          OrderKey key = { i, G_MAXDOUBLE, counter++ };

          if (tandem_diagram_get_node (d, i)->kind == k && shown[i] && !seen[i])
            g_array_append_val (keys, key);
        }
      g_array_sort (keys, compare_keys);
      for (guint i = 0; i < keys->len; i++)
        {
          guint node = g_array_index (keys, OrderKey, i).node;
          rank[node] = i;
          g_array_append_val (order[k], node);
        }
    }
}

static void
build_legend (TandemDiagramLayout *self,
              const gboolean      *shown)
{
  TandemDiagram *d = self->diagram;
  guint n_groups = tandem_diagram_get_n_groups (d);
  guint n_tags = tandem_diagram_get_n_tags (d);
  g_autofree gboolean *tag_used = g_new0 (gboolean, MAX (n_tags, 1));
  gboolean any_idea = FALSE;
  double x, y;

  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (d, i);

      if (!shown[i])
        continue;
      any_idea |= node->kind == TANDEM_NODE_CHANGE_IDEA;
      for (guint t = 0; t < node->tags->len; t++)
        tag_used[g_array_index (node->tags, guint, t)] = TRUE;
    }

  for (guint g = 0; g < n_groups; g++)
    {
      LegendItem item = { LEGEND_GROUP, g, NULL, NULL, 0, 0 };
      item.text = make_text (self, SMALL_FONT, tandem_diagram_get_group (d, g)->name, -1, FALSE);
      g_array_append_val (self->legend, item);
    }
  if (any_idea)
    for (guint s = TANDEM_IDEA_STATUS_IDEA; s < TANDEM_N_IDEA_STATUSES; s++)
      {
        LegendItem item = { LEGEND_STATUS, s, NULL, NULL, 0, 0 };
        item.text = make_text (self, SMALL_FONT, tandem_idea_status_label (s), -1, FALSE);
        g_array_append_val (self->legend, item);
      }
  for (guint t = 0; t < n_tags; t++)
    if (tag_used[t])
      {
        const TandemDiagramTag *tag = tandem_diagram_get_tag (d, t);
        g_autofree char *text = g_strdup_printf ("= %s", tag->name);
        LegendItem item = { LEGEND_TAG, t, NULL, NULL, 0, 0 };

        item.code = make_text (self, "Sans Bold 7", tag->code, -1, FALSE);
        item.text = make_text (self, SMALL_FONT, text, -1, FALSE);
        g_array_append_val (self->legend, item);
      }

  self->legend_height = 0;
  if (self->legend->len == 0)
    return;

  /* Flow the items into rows across the diagram's width. */
  self->key_label = make_text (self, "Sans Bold 8", _("Key"), -1, FALSE);
  x = MARGIN + text_width (self->key_label) + 10;
  y = MARGIN;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double w = (item->code ? text_width (item->code) + 6 : 12) + 4 + text_width (item->text) + 16;

      if (x + w > self->width - MARGIN && x > MARGIN + 60)
        {
          x = MARGIN + text_width (self->key_label) + 10;
          y += LEGEND_ROW;
        }
      item->x = x;
      item->y = y;
      x += w;
    }
  self->legend_height = y + LEGEND_ROW - MARGIN + 8;
}

static void
place_boxes (TandemDiagramLayout *self,
             GArray             **order)
{
  TandemDiagram *d = self->diagram;
  int last = -1;

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    if (order[k]->len > 0)
      last = k;

  /* Right to left: each parent sits level with the middle of its children,
   * never overlapping the box above it. */
  for (int k = last; k >= 0; k--)
    {
      double cursor = self->top;
      int previous_parent = -2;

      for (guint i = 0; i < order[k]->len; i++)
        {
          guint b = g_array_index (self->columns[k], guint, i);
          TandemDiagramBox *box = &g_array_index (self->boxes, TandemDiagramBox, b);
          const TandemDiagramNode *node = tandem_diagram_get_node (d, box->node);
          double sum = 0;
          guint n = 0;
          int first_parent = node->parents->len ? (int) g_array_index (node->parents, guint, 0) : -1;

          if (k == last && i > 0 && first_parent != previous_parent)
            cursor += FAMILY_GAP;
          previous_parent = first_parent;

          if (!node->collapsed)
            for (guint c = 0; c < node->children->len; c++)
              {
                int cb = g_array_index (self->box_of_node, int, g_array_index (node->children, guint, c));
                if (cb >= 0)
                  {
                    const TandemDiagramBox *child = &g_array_index (self->boxes, TandemDiagramBox, cb);
                    sum += child->y + child->height / 2;
                    n++;
                  }
              }
          box->y = n ? MAX (cursor, sum / n - box->height / 2) : cursor;
          cursor = box->y + box->height + BOX_GAP;
          self->height = MAX (self->height, cursor - BOX_GAP + MARGIN);
        }
    }
}

/**
 * tandem_diagram_layout_new:
 * @diagram: a loaded diagram
 * @focus_id: (nullable): show only this node's branch: its ancestors and
 *   everything under it
 *
 * Lays a diagram out left to right in four columns (aim, primary drivers,
 * secondary drivers, change ideas), with wrapped text in each box, a node
 * shared by several parents drawn once with a connector from each, folded
 * branches left out (with a count on the folded box), and a key to the
 * groups, statuses and tags at the top.
 *
 * Returns: (transfer full): the layout
 */
TandemDiagramLayout *
tandem_diagram_layout_new (TandemDiagram *diagram,
                           const char    *focus_id)
{
  return tandem_diagram_layout_new_full (diagram, focus_id, NULL);
}

static char *
credit_text (const TandemAuthorship *a)
{
  if (a == NULL || a->added_by == NULL)
    return NULL;
  if (a->changed_by && !g_str_equal (a->changed_by, a->added_by))
    return g_strdup_printf (_("Added by %s · changed by %s"), a->added_by, a->changed_by);
  return g_strdup_printf (_("Added by %s"), a->added_by);
}

/**
 * tandem_diagram_layout_new_full:
 * @diagram: a loaded diagram
 * @focus_id: (nullable): show only this node's branch
 * @authorship: (nullable) (element-type utf8 TandemAuthorship): from
 *   tandem_diagram_authorship(), to write in each box who added it and who
 *   last changed it; %NULL to leave that out
 *
 * Like tandem_diagram_layout_new(), with who did what in each box.
 *
 * Returns: (transfer full): the layout
 */
TandemDiagramLayout *
tandem_diagram_layout_new_full (TandemDiagram *diagram,
                                const char    *focus_id,
                                GHashTable    *authorship)
{
  TandemDiagramLayout *self;
  g_autofree gboolean *shown = NULL;
  GArray *order[TANDEM_N_NODE_KINDS];
  guint n;
  double x = MARGIN;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM (diagram), NULL);

  self = g_object_new (TANDEM_TYPE_DIAGRAM_LAYOUT, NULL);
  self->diagram = g_object_ref (diagram);
  n = tandem_diagram_get_n_nodes (diagram);
  shown = g_new0 (gboolean, MAX (n, 1));
  find_shown (self, tandem_diagram_find_node (diagram, focus_id), shown);

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    {
      self->column_x[k] = x;
      x += column_widths[k] + COLUMN_GAP;
      self->headings[k] = make_text (self, "Sans Bold 9", tandem_node_kind_column_label (k),
                                     column_widths[k], FALSE);
    }
  self->width = x - COLUMN_GAP + MARGIN;
  build_legend (self, shown);
  self->top = MARGIN + self->legend_height + HEADING_HEIGHT;
  self->height = self->top + MARGIN;

  for (guint i = 0; i < n; i++)
    {
      int none = -1;
      g_array_append_val (self->box_of_node, none);
    }
  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    order[k] = g_array_new (FALSE, FALSE, sizeof (guint));
  order_columns (self, shown, order);

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    for (guint i = 0; i < order[k]->len; i++)
      {
        guint index = g_array_index (order[k], guint, i);
        const TandemDiagramNode *node = tandem_diagram_get_node (diagram, index);
        TandemDiagramBox box = { index, self->column_x[k], 0, column_widths[k], 0, NULL, NULL, NULL, 0, NULL };
        double inner = column_widths[k] - 2 * PAD - (node->group >= 0 ? STRIPE : 0);
        gboolean empty = node->title[0] == '\0';
        int b = self->boxes->len;

        box.text = make_text (self, k == TANDEM_NODE_AIM ? AIM_FONT : FONT,
                              empty ? _("(Nothing written yet: select it and press F2)") : node->title,
                              inner, empty);
        if (node->kind == TANDEM_NODE_CHANGE_IDEA)
          {
            g_autofree char *marks = marks_text (diagram, node);
            box.marks = make_text (self, SMALL_FONT, marks, inner - 14, FALSE);
          }
        if (node->group >= 0)
          box.group = make_text (self, SMALL_FONT, tandem_diagram_get_group (diagram, node->group)->name,
                                 inner, FALSE);
        if (authorship)
          {
            g_autofree char *credit = credit_text (g_hash_table_lookup (authorship, node->id));
            if (credit)
              box.credit = make_text (self, SMALL_FONT, credit, inner, TRUE);
          }
        if (node->collapsed)
          for (guint c = 0; c < node->children->len; c++)
            box.n_folded++;
        box.height = 2 * PAD + text_height (box.text) +
                     (box.marks ? text_height (box.marks) + 4 : 0) +
                     (box.group ? text_height (box.group) + 3 : 0) +
                     (box.credit ? text_height (box.credit) + 3 : 0);
        box.height = MAX (box.height, 30);
        g_array_append_val (self->boxes, box);
        g_array_append_val (self->columns[k], b);
        g_array_index (self->box_of_node, int, index) = b;
      }

  for (guint b = 0; b < self->boxes->len; b++)
    {
      const TandemDiagramBox *box = &g_array_index (self->boxes, TandemDiagramBox, b);
      const TandemDiagramNode *node = tandem_diagram_get_node (diagram, box->node);

      if (node->collapsed)
        continue;
      for (guint c = 0; c < node->children->len; c++)
        {
          int cb = g_array_index (self->box_of_node, int, g_array_index (node->children, guint, c));
          if (cb >= 0)
            {
              TandemDiagramEdge edge = { b, cb };
              g_array_append_val (self->edges, edge);
            }
        }
    }

  place_boxes (self, order);
  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    g_array_unref (order[k]);
  return self;
}

TandemDiagram *
tandem_diagram_layout_get_diagram (TandemDiagramLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), NULL);
  return self->diagram;
}

/**
 * tandem_diagram_layout_get_size:
 * @self: a layout
 * @width: (out): the whole drawing's width, in points
 * @height: (out): its height
 */
void
tandem_diagram_layout_get_size (TandemDiagramLayout *self,
                                double              *width,
                                double              *height)
{
  g_return_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self));
  *width = self->width;
  *height = self->height;
}

guint
tandem_diagram_layout_get_n_boxes (TandemDiagramLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), 0);
  return self->boxes->len;
}

const TandemDiagramBox *
tandem_diagram_layout_get_box (TandemDiagramLayout *self,
                               guint                index)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->boxes->len, NULL);
  return &g_array_index (self->boxes, TandemDiagramBox, index);
}

/**
 * tandem_diagram_layout_find_box:
 * @self: a layout
 * @node: a node index
 *
 * Returns: the node's box, or -1 if it is not shown (folded away, out of focus)
 */
int
tandem_diagram_layout_find_box (TandemDiagramLayout *self,
                                int                  node)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), -1);
  if (node < 0 || (guint) node >= self->box_of_node->len)
    return -1;
  return g_array_index (self->box_of_node, int, node);
}

/**
 * tandem_diagram_layout_box_at:
 * @self: a layout
 * @x: a point, in the layout's points
 * @y: a point
 *
 * Returns: the box under the point, or -1
 */
int
tandem_diagram_layout_box_at (TandemDiagramLayout *self,
                              double               x,
                              double               y)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), -1);
  for (guint b = 0; b < self->boxes->len; b++)
    {
      const TandemDiagramBox *box = &g_array_index (self->boxes, TandemDiagramBox, b);
      if (x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height)
        return b;
    }
  return -1;
}

guint
tandem_diagram_layout_get_n_edges (TandemDiagramLayout *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), 0);
  return self->edges->len;
}

const TandemDiagramEdge *
tandem_diagram_layout_get_edge (TandemDiagramLayout *self,
                                guint                index)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, TandemDiagramEdge, index);
}

/**
 * tandem_diagram_layout_get_column:
 * @self: a layout
 * @kind: a column
 *
 * Returns: (transfer none) (element-type guint): the column's boxes, top to bottom
 */
GArray *
tandem_diagram_layout_get_column (TandemDiagramLayout *self,
                                  TandemNodeKind       kind)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), NULL);
  g_return_val_if_fail (kind < TANDEM_N_NODE_KINDS, NULL);
  return self->columns[kind];
}

static guint
rank_in_column (TandemDiagramLayout *self,
                guint                box)
{
  const TandemDiagramNode *node = tandem_diagram_get_node (self->diagram,
    g_array_index (self->boxes, TandemDiagramBox, box).node);
  GArray *column = self->columns[node->kind];

  for (guint i = 0; i < column->len; i++)
    if (g_array_index (column, guint, i) == box)
      return i;
  return 0;
}

/**
 * tandem_diagram_layout_count_crossings:
 * @self: a layout
 *
 * Returns: how many pairs of connectors cross (between the same two columns)
 */
guint
tandem_diagram_layout_count_crossings (TandemDiagramLayout *self)
{
  g_autofree guint *from_rank = NULL;
  g_autofree guint *to_rank = NULL;
  g_autofree guint *kind = NULL;
  guint crossings = 0;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self), 0);
  from_rank = g_new (guint, self->edges->len + 1);
  to_rank = g_new (guint, self->edges->len + 1);
  kind = g_new (guint, self->edges->len + 1);
  for (guint e = 0; e < self->edges->len; e++)
    {
      const TandemDiagramEdge *edge = &g_array_index (self->edges, TandemDiagramEdge, e);
      from_rank[e] = rank_in_column (self, edge->from);
      to_rank[e] = rank_in_column (self, edge->to);
      kind[e] = tandem_diagram_get_node (self->diagram,
                  g_array_index (self->boxes, TandemDiagramBox, edge->from).node)->kind;
    }
  for (guint a = 0; a < self->edges->len; a++)
    for (guint b = a + 1; b < self->edges->len; b++)
      if (kind[a] == kind[b] &&
          ((from_rank[a] < from_rank[b] && to_rank[a] > to_rank[b]) ||
           (from_rank[a] > from_rank[b] && to_rank[a] < to_rank[b])))
        crossings++;
  return crossings;
}

/* What the tests compare with pango_cairo_show_layout(). */
void
_tandem_diagram_show_text (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y)
{
  show_text (cr, layout, x, y);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */

/* Arcs as cairo_arc() draws them (cairo 1.16, cairo-arc.c) when one curve
 * per piece is close enough, which is the case at the sizes boxes and marks
 * are drawn: the same points, worked out the same way, so the path is the
 * same to the last bit, without cairo_arc() working out how many curves each
 * corner of every box needs. Larger, it is left to cairo_arc(). */
#define ONE_CURVE_ERROR_HALF     0.0185185185185185036127    /* of a curve for π */
#define ONE_CURVE_ERROR_QUARTER  0.000272567143730179811158  /* for π / 2 */

/* Whether cairo draws each piece of an arc of @radius (up to @sweep) as one
 * curve: while the circle as drawn (its largest axis, as cairo works it out)
 * is under the tolerance over the error of one curve, with a margin. */
static gboolean
arc_is_one_curve (cairo_t *cr,
                  double   radius,
                  double   sweep)
{
  cairo_matrix_t m;
  double i, j, f, g, h;

  cairo_get_matrix (cr, &m);
  i = m.xx * m.xx + m.yx * m.yx;
  j = m.xy * m.xy + m.yy * m.yy;
  f = 0.5 * (i + j);
  g = 0.5 * (i - j);
  h = m.xx * m.xy + m.yx * m.yy;
  return radius * sqrt (f + hypot (g, h)) <
         0.9 * cairo_get_tolerance (cr) / (sweep <= G_PI / 2 ? ONE_CURVE_ERROR_QUARTER : ONE_CURVE_ERROR_HALF);
}

/* The sines, cosines and curve handles of the pieces drawn over and over
 * (box corners, status marks), worked out once. */
typedef struct
{
  double a, b;
  double sin_a, cos_a, sin_b, cos_b, h;
} ArcPiece;

static ArcPiece arc_pieces[8];
static guint n_arc_pieces;

static void
arc_piece_init (ArcPiece *piece,
                double    angle_a,
                double    angle_b)
{
  piece->a = angle_a;
  piece->b = angle_b;
  piece->sin_a = sin (angle_a);
  piece->cos_a = cos (angle_a);
  piece->sin_b = sin (angle_b);
  piece->cos_b = cos (angle_b);
  piece->h = 4.0 / 3.0 * tan ((angle_b - angle_a) / 4.0);
}

static void
arc_pieces_init (void)
{
  static const double angles[][2] = {
    { -G_PI / 2, 0 }, { 0, G_PI / 2 }, { G_PI / 2, G_PI }, { G_PI, 3 * G_PI / 2 },
    { 0, G_PI }, { G_PI, 2 * G_PI }, { -G_PI / 2, G_PI / 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (angles); i++)
    arc_piece_init (&arc_pieces[n_arc_pieces++], angles[i][0], angles[i][1]);
}

static void
arc_piece (cairo_t *cr,
           double   xc,
           double   yc,
           double   radius,
           double   angle_a,
           double   angle_b)
{
  ArcPiece computed;
  const ArcPiece *p = NULL;
  double r_sin_a, r_cos_a, r_sin_b, r_cos_b;

  if (angle_b - angle_a > G_PI)
    {
      double mid = angle_a + (angle_b - angle_a) / 2.0;

      arc_piece (cr, xc, yc, radius, angle_a, mid);
      arc_piece (cr, xc, yc, radius, mid, angle_b);
      return;
    }
  for (guint i = 0; i < n_arc_pieces && p == NULL; i++)
    if (arc_pieces[i].a == angle_a && arc_pieces[i].b == angle_b)
      p = &arc_pieces[i];
  if (p == NULL)
    {
      arc_piece_init (&computed, angle_a, angle_b);
      p = &computed;
    }
  r_sin_a = radius * p->sin_a;
  r_cos_a = radius * p->cos_a;
  r_sin_b = radius * p->sin_b;
  r_cos_b = radius * p->cos_b;
  cairo_line_to (cr, xc + radius * p->cos_a, yc + radius * p->sin_a);
  cairo_curve_to (cr,
                  xc + r_cos_a - p->h * r_sin_a, yc + r_sin_a + p->h * r_cos_a,
                  xc + r_cos_b + p->h * r_sin_b, yc + r_sin_b - p->h * r_cos_b,
                  xc + r_cos_b, yc + r_sin_b);
}

/* cairo_arc (cr, xc, yc, radius, angle_a, angle_b), for angle_a < angle_b
 * up to a full circle after it; @one_curve from arc_is_one_curve(). */
static void
arc (cairo_t  *cr,
     double    xc,
     double    yc,
     double    radius,
     double    angle_a,
     double    angle_b,
     gboolean  one_curve)
{
  if (!one_curve)
    {
      cairo_arc (cr, xc, yc, radius, angle_a, angle_b);
      return;
    }
  cairo_line_to (cr, xc + radius * cos (angle_a), yc + radius * sin (angle_a));
  arc_piece (cr, xc, yc, radius, angle_a, angle_b);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  gboolean one_curve = arc_is_one_curve (cr, r, G_PI / 2);

  cairo_new_path (cr);
  arc (cr, x + w - r, y + r, r, -G_PI / 2, 0, one_curve);
  arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2, one_curve);
  arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI, one_curve);
  arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2, one_curve);
  cairo_close_path (cr);
}

static gboolean
visible (double cx1, double cy1, double cx2, double cy2,
         double x, double y, double w, double h)
{
  return x + w >= cx1 && x <= cx2 && y + h >= cy1 && y <= cy2;
}

static void
draw_legend (TandemDiagramLayout *self,
             cairo_t             *cr,
             gboolean             high_contrast)
{
  if (self->legend->len == 0)
    return;
  ink (cr, high_contrast, 0.2, 0.2, 0.2);
  show_text (cr, self->key_label, MARGIN, MARGIN + 1);
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double tx = item->x + 16;
      double cy = item->y + 6.5;

      switch (item->kind)
        {
        case LEGEND_GROUP:
          draw_group_mark (cr, self->diagram, item->index, item->x, item->y + 1, STRIPE, 11, high_contrast);
          tx = item->x + STRIPE + 5;
          break;
        case LEGEND_STATUS:
          draw_status_mark (cr, item->index, item->x + 5, cy, 4, high_contrast);
          break;
        case LEGEND_TAG:
        default:
          {
            double w = text_width (item->code) + 6;
            rounded_rectangle (cr, item->x, item->y, w, 13, 3);
            if (high_contrast)
              {
                cairo_set_source_rgb (cr, 0, 0, 0);
                cairo_set_line_width (cr, 1);
                cairo_stroke (cr);
              }
            else
              {
                cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
                cairo_fill (cr);
              }
            ink (cr, high_contrast, 0.1, 0.1, 0.1);
            show_text (cr, item->code, item->x + 3, item->y + 1.5);
            tx = item->x + w + 4;
          }
          break;
        }
      ink (cr, high_contrast, 0.2, 0.2, 0.2);
      show_text (cr, item->text, tx, item->y + 1.5);
    }
}

static void
draw_edge (TandemDiagramLayout    *self,
           cairo_t                *cr,
           const TandemDiagramBox *from,
           const TandemDiagramBox *to)
{
  double x1 = from->x + from->width, y1 = from->y + from->height / 2;
  double x2 = to->x, y2 = to->y + to->height / 2;
  double mid = (x1 + x2) / 2;

  cairo_move_to (cr, x1, y1);
  cairo_curve_to (cr, mid, y1, mid, y2, x2, y2);
  cairo_stroke (cr);
  /* A small arrowhead: the connector reads as "serves" left to right. */
  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - 5, y2 - 3);
  cairo_line_to (cr, x2 - 5, y2 + 3);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* The count of open comments: a speech bubble over the box's top right
 * corner, dark with a white number, so it reads in greyscale too. */
static void
draw_comment_badge (TandemDiagramLayout    *self,
                    cairo_t                *cr,
                    const TandemDiagramBox *box,
                    guint                   count,
                    gboolean                high_contrast)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  PangoLayout *number = make_text (self, "Sans Bold 7", text, -1, FALSE);
  double w = MAX (16, text_width (number) + 8), h = 13;
  double bx = box->x + box->width - w - 6, by = box->y - h / 2;

  cairo_save (cr);
  rounded_rectangle (cr, bx, by, w, h, 4);
  cairo_move_to (cr, bx + 4, by + h - 1);
  cairo_line_to (cr, bx + 3, by + h + 4);
  cairo_line_to (cr, bx + 9, by + h - 1);
  cairo_close_path (cr);
  ink (cr, high_contrast, 0.38, 0.21, 0.51);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  show_text (cr, number, bx + (w - text_width (number)) / 2, by + (h - text_height (number)) / 2);
  cairo_restore (cr);
  g_object_unref (number);
}

static void
draw_box (TandemDiagramLayout            *self,
          cairo_t                        *cr,
          const TandemDiagramBox         *box,
          const TandemDiagramDrawOptions *options)
{
  const TandemDiagramNode *node = tandem_diagram_get_node (self->diagram, box->node);
  gboolean selected = options && options->selected == (int) box->node;
  gboolean target = options && options->drop_target == (int) box->node &&
                    options->drop_place == TANDEM_DROP_ONTO;
  guint n_comments = options && options->open_comments
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (options->open_comments, node->id)) : 0;
  gboolean abandoned = node->status == TANDEM_IDEA_STATUS_ABANDONED;
  gboolean hc = options && options->high_contrast;
  double tx = box->x + PAD, ty = box->y + PAD;

  /* Fill: the aim strongest, then lighter to the right; white in high
   * contrast, where the outlines tell the columns apart. */
  switch (hc ? TANDEM_NODE_CHANGE_IDEA : node->kind)
    {
    case TANDEM_NODE_AIM: cairo_set_source_rgb (cr, 0.87, 0.91, 0.97); break;
    case TANDEM_NODE_PRIMARY: cairo_set_source_rgb (cr, 0.95, 0.96, 0.98); break;
    case TANDEM_NODE_SECONDARY:
    case TANDEM_NODE_CHANGE_IDEA:
    default: cairo_set_source_rgb (cr, 1, 1, 1); break;
    }
  rounded_rectangle (cr, box->x, box->y, box->width, box->height, 5);
  cairo_fill_preserve (cr);
  if (selected)
    {
      ink (cr, hc, 0.1, 0.37, 0.75);
      cairo_set_line_width (cr, hc ? 4 : 3);
    }
  else if (target)
    {
      ink (cr, hc, 0.15, 0.55, 0.30);
      cairo_set_line_width (cr, 3);
    }
  else
    {
      ink (cr, hc, 0.55, 0.55, 0.58);
      cairo_set_line_width (cr, node->kind == TANDEM_NODE_AIM ? (hc ? 2.5 : 1.6) : (hc ? 1.5 : 1));
    }
  if ((abandoned && !selected && !target) || (hc && target))
    {
      static const double dash[] = { 4, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (node->group >= 0)
    {
      cairo_save (cr);
      rounded_rectangle (cr, box->x, box->y, box->width, box->height, 5);
      cairo_clip (cr);
      draw_group_mark (cr, self->diagram, node->group, box->x, box->y, STRIPE, box->height, hc);
      cairo_restore (cr);
      tx += STRIPE;
    }

  if (box->group)
    {
      ink (cr, hc, 0.35, 0.35, 0.38);
      show_text (cr, box->group, tx, ty);
      ty += text_height (box->group) + 3;
    }

  if (node->title[0] == '\0')
    ink (cr, hc, 0.45, 0.45, 0.45);
  else if (abandoned)
    ink (cr, hc, 0.35, 0.35, 0.35);
  else
    ink (cr, hc, 0.08, 0.08, 0.1);
  show_text (cr, box->text, tx, ty);
  ty += text_height (box->text);

  if (box->marks)
    {
      ty += 4;
      draw_status_mark (cr, node->status, tx + 4, ty + text_height (box->marks) / 2, 3.6, hc);
      ink (cr, hc, 0.25, 0.25, 0.28);
      show_text (cr, box->marks, tx + 12, ty);
      ty += text_height (box->marks);
    }

  if (box->credit)
    {
      ty += 3;
      ink (cr, hc, 0.38, 0.38, 0.4);
      show_text (cr, box->credit, tx, ty);
    }

  if (n_comments > 0)
    draw_comment_badge (self, cr, box, n_comments, hc);

  if (box->n_folded > 0)
    {
      g_autofree char *text = g_strdup_printf ("+%u", box->n_folded);
      PangoLayout *badge = make_text (self, "Sans Bold 8", text, -1, FALSE);
      double w = text_width (badge) + 10, h = 16;
      double bx = box->x + box->width - w / 2, by = box->y + box->height / 2 - h / 2;

      ink (cr, hc, 0.25, 0.25, 0.28);
      rounded_rectangle (cr, bx, by, w, h, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      show_text (cr, badge, bx + 5, by + (h - text_height (badge)) / 2);
      g_object_unref (badge);
    }
}

/* A line between two boxes where a dragged box would land, with a ring at
 * its start: it reads without the colour, and does not hide either box. */
static void
draw_drop_line (TandemDiagramLayout            *self,
                cairo_t                        *cr,
                const TandemDiagramDrawOptions *options)
{
  int b = tandem_diagram_layout_find_box (self, options->drop_target);
  const TandemDiagramBox *box;
  double y;

  if (b < 0)
    return;
  box = &g_array_index (self->boxes, TandemDiagramBox, b);
  y = options->drop_place == TANDEM_DROP_BEFORE ? box->y - BOX_GAP / 2 : box->y + box->height + BOX_GAP / 2;
  cairo_save (cr);
  ink (cr, options->high_contrast, 0.15, 0.55, 0.30);
  cairo_set_line_width (cr, 3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, box->x + 8, y);
  cairo_line_to (cr, box->x + box->width, y);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2);
  arc (cr, box->x + 4, y, 4, 0, 2 * G_PI, arc_is_one_curve (cr, 4, G_PI));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * tandem_diagram_layout_draw:
 * @self: a layout
 * @cr: where to draw, in the layout's points (scale and translate @cr first)
 * @options: (nullable): the selection, a drop target, whether to draw the key
 *
 * Draws the diagram: the key, the column headings, the connectors and the
 * boxes. Only what falls inside @cr's clip is drawn, so redrawing while
 * panning or zooming a large diagram stays cheap.
 */
void
tandem_diagram_layout_draw (TandemDiagramLayout            *self,
                            cairo_t                        *cr,
                            const TandemDiagramDrawOptions *options)
{
  double cx1, cy1, cx2, cy2;
  int selected_box = -1;
  gboolean hc = options && options->high_contrast;
  cairo_matrix_t matrix;
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_t *fresh = NULL;

  g_return_if_fail (TANDEM_IS_DIAGRAM_LAYOUT (self));

  cairo_save (cr);
  cairo_get_matrix (cr, &matrix);
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  if (options && options->selected >= 0)
    selected_box = tandem_diagram_layout_find_box (self, options->selected);

  if ((options == NULL || options->legend) &&
      visible (cx1, cy1, cx2, cy2, 0, 0, self->width, MARGIN + self->legend_height))
    draw_legend (self, cr, hc);

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    if (self->columns[k]->len > 0 &&
        visible (cx1, cy1, cx2, cy2, self->column_x[k], self->top - HEADING_HEIGHT,
                 column_widths[k], HEADING_HEIGHT))
      {
        ink (cr, hc, 0.25, 0.25, 0.28);
        show_text (cr, self->headings[k], self->column_x[k], self->top - HEADING_HEIGHT + 4);
        cairo_set_line_width (cr, 1);
        cairo_move_to (cr, self->column_x[k], self->top - 6.5);
        cairo_line_to (cr, self->column_x[k] + column_widths[k], self->top - 6.5);
        cairo_stroke (cr);
      }

  /* Connectors: mid-grey, or black in high contrast. */
  cairo_set_line_width (cr, hc ? 1.5 : 1.2);
  for (int pass = 0; pass < 2; pass++)
    {
      /* The selected node's connectors last, on top, so they stand out. */
      if (pass == 1)
        {
          if (selected_box < 0)
            break;
          ink (cr, hc, 0.1, 0.37, 0.75);
          cairo_set_line_width (cr, hc ? 3 : 2.2);
        }
      else
        ink (cr, hc, 0.6, 0.6, 0.63);
      for (guint e = 0; e < self->edges->len; e++)
        {
          const TandemDiagramEdge *edge = &g_array_index (self->edges, TandemDiagramEdge, e);
          const TandemDiagramBox *from = &g_array_index (self->boxes, TandemDiagramBox, edge->from);
          const TandemDiagramBox *to = &g_array_index (self->boxes, TandemDiagramBox, edge->to);
          gboolean mine = (int) edge->from == selected_box || (int) edge->to == selected_box;
          double top = MIN (from->y, to->y), bottom = MAX (from->y + from->height, to->y + to->height);

          if (mine != (pass == 1) ||
              !visible (cx1, cy1, cx2, cy2, from->x, top, to->x + 1 - from->x, bottom - top))
            continue;
          draw_edge (self, cr, from, to);
        }
    }

  for (guint b = 0; b < self->boxes->len; b++)
    {
      const TandemDiagramBox *box = &g_array_index (self->boxes, TandemDiagramBox, b);

      if (visible (cx1, cy1, cx2, cy2, box->x - 12, box->y - 10, box->width + 24, box->height + 12))
        {
          draw_box (self, fresh ? fresh : cr, box, options);
          /* A cairo_t that failed draws nothing more: one box that could
           * not be drawn must not take the rest of the diagram with it. */
          if (cairo_status (fresh ? fresh : cr) != CAIRO_STATUS_SUCCESS)
            {
              g_clear_pointer (&fresh, cairo_destroy);
              fresh = cairo_create (target);
              cairo_set_matrix (fresh, &matrix);
              cairo_rectangle (fresh, cx1, cy1, cx2 - cx1, cy2 - cy1);
              cairo_clip (fresh);
            }
        }
    }
  if (options && options->drop_target >= 0 && options->drop_place != TANDEM_DROP_ONTO)
    draw_drop_line (self, fresh ? fresh : cr, options);
  g_clear_pointer (&fresh, cairo_destroy);
  cairo_restore (cr);
}
