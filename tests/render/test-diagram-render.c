/* test-diagram-render.c — the diagram's layout, drawing and pages, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "tandem-diagram-layout.h"
#include "tandem-diagram-layout-private.h"
#include "tandem-export.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  TandemProject *project;
  TandemDiagram *diagram;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;

  f->project = create_sample_in_tmp ("tandem-diagram-render-XXXXXX", "Sample.tandem",
                                     TANDEM_SAMPLE_WARD, &f->dir, NULL);
  teams = tandem_project_list_ids (f->project, "team", NULL, NULL, "position");
  diagrams = tandem_diagram_list (f->project, teams->pdata[0], NULL);
  f->diagram = tandem_diagram_load (f->project, diagrams->pdata[0], &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->diagram);
  g_clear_object (&f->project);
  if (g_getenv ("TANDEM_KEEP_RENDERS") == NULL)
    free_tmp (&f->dir, NULL);
  else
    g_printerr ("renders kept in %s\n", f->dir);
  g_free (f->dir);
}

static gboolean
overlap (const TandemDiagramBox *a,
         const TandemDiagramBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (f->diagram, NULL);
  guint n = tandem_diagram_get_n_nodes (f->diagram);
  guint links = 0;
  double w, h;

  /* Every node drawn exactly once, shared ones too; one connector per link. */
  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (layout), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const TandemDiagramNode *node = tandem_diagram_get_node (f->diagram, i);
      int b = tandem_diagram_layout_find_box (layout, i);

      g_assert_cmpint (b, >=, 0);
      g_assert_cmpuint (tandem_diagram_layout_get_box (layout, b)->node, ==, i);
      links += node->children->len;
    }
  g_assert_cmpuint (tandem_diagram_layout_get_n_edges (layout), ==, links);

  /* Columns left to right, no box on another, everything inside the drawing. */
  tandem_diagram_layout_get_size (layout, &w, &h);
  for (guint a = 0; a < n; a++)
    {
      const TandemDiagramBox *ba = tandem_diagram_layout_get_box (layout, a);
      const TandemDiagramNode *na = tandem_diagram_get_node (f->diagram, ba->node);

      g_assert_cmpfloat (ba->x + ba->width, <=, w);
      g_assert_cmpfloat (ba->y + ba->height, <=, h);
      g_assert_cmpfloat (ba->height, >=, 30);
      for (guint b = a + 1; b < n; b++)
        {
          const TandemDiagramBox *bb = tandem_diagram_layout_get_box (layout, b);
          const TandemDiagramNode *nb = tandem_diagram_get_node (f->diagram, bb->node);

          g_assert_false (overlap (ba, bb));
          if (na->kind < nb->kind)
            g_assert_cmpfloat (ba->x + ba->width, <, bb->x);
        }
    }

  /* The order keeps the person's order under each parent. */
  {
    GArray *primaries = tandem_diagram_layout_get_column (layout, TANDEM_NODE_PRIMARY);
    for (guint i = 1; i < primaries->len; i++)
      g_assert_cmpfloat (tandem_diagram_layout_get_box (layout, g_array_index (primaries, guint, i - 1))->y,
                         <, tandem_diagram_layout_get_box (layout, g_array_index (primaries, guint, i))->y);
  }

  /* The sample's links cross a little where ideas are shared, and no more
   * than a straight alphabetical order would make them. */
  g_test_message ("crossings: %u", tandem_diagram_layout_count_crossings (layout));
  g_assert_cmpuint (tandem_diagram_layout_count_crossings (layout), <, links * 2);

  /* Hit testing finds the box under a point. */
  {
    const TandemDiagramBox *box = tandem_diagram_layout_get_box (layout, 5);
    g_assert_cmpint (tandem_diagram_layout_box_at (layout, box->x + 3, box->y + 3), ==, 5);
    g_assert_cmpint (tandem_diagram_layout_box_at (layout, 1, 1), ==, -1);
  }
}

static void
test_fold_and_focus (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagramLayout) full = tandem_diagram_layout_new (f->diagram, NULL);
  g_autoptr(TandemDiagramLayout) focused = NULL;
  g_autoptr(TandemDiagramLayout) folded = NULL;
  const TandemDiagramNode *aim = tandem_diagram_get_node (f->diagram,
    g_array_index (tandem_diagram_get_roots (f->diagram), guint, 0));
  guint first = g_array_index (aim->children, guint, 0);
  const TandemDiagramNode *primary = tandem_diagram_get_node (f->diagram, first);
  g_autofree char *primary_id = g_strdup (primary->id);
  int folded_box;

  /* Focus on the first primary driver: the aim, it and what is under it. */
  focused = tandem_diagram_layout_new (f->diagram, primary_id);
  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (focused), <, tandem_diagram_layout_get_n_boxes (full));
  g_assert_cmpint (tandem_diagram_layout_find_box (focused, first), >=, 0);
  for (guint c = 0; c < aim->children->len; c++)
    if (c > 0)
      g_assert_cmpint (tandem_diagram_layout_find_box (focused, g_array_index (aim->children, guint, c)), ==, -1);

  /* Fold the first primary: its secondaries only reached through it go. */
  g_assert_true (tandem_diagram_set_collapsed (f->project, primary_id, TRUE, &error));
  g_clear_object (&f->diagram);
  f->diagram = tandem_diagram_load (f->project, tandem_diagram_get_id (tandem_diagram_layout_get_diagram (full)), &error);
  g_assert_no_error (error);
  folded = tandem_diagram_layout_new (f->diagram, NULL);
  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (folded), <, tandem_diagram_layout_get_n_boxes (full));
  folded_box = tandem_diagram_layout_find_box (folded, tandem_diagram_find_node (f->diagram, primary_id));
  g_assert_cmpint (folded_box, >=, 0);
  g_assert_cmpuint (tandem_diagram_layout_get_box (folded, folded_box)->n_folded, >, 0);
}

static double
ink_in (cairo_surface_t *surface,
        double           x,
        double           y,
        double           w,
        double           h)
{
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  guint inked = 0, total = 0;

  cairo_surface_flush (surface);
  for (int py = (int) y; py < (int) (y + h); py++)
    for (int px = (int) x; px < (int) (x + w); px++)
      {
        guint32 pixel = *(guint32 *) (data + py * stride + px * 4);
        inked += (pixel & 0xffffff) != 0xffffff;
        total++;
      }
  return total ? (double) inked / total : 0;
}

static void
test_draw (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (f->diagram, NULL);
  TandemDiagramDrawOptions options = { -1, -1, TRUE, TANDEM_DROP_ONTO, NULL };
  const TandemDiagramBox *box = tandem_diagram_layout_get_box (layout, 0);
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  tandem_diagram_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  options.selected = box->node;
  tandem_diagram_layout_draw (layout, cr, &options);
  cairo_destroy (cr);

  /* Ink in the boxes (text and border), none far outside the drawing's margin. */
  g_assert_cmpfloat (ink_in (surface, box->x, box->y, box->width, box->height), >, 0.05);
  g_assert_cmpfloat (ink_in (surface, w - 10, h - 10, 8, 8), ==, 0);

  /* Only what is in the clip is drawn: a clip away from every box draws nothing. */
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);
  tandem_diagram_layout_draw (layout, cr, &options);
  cairo_destroy (cr);
  g_assert_cmpfloat (ink_in (surface, box->x, box->y, box->width, box->height), >, 0.05);
  g_assert_cmpfloat (ink_in (surface, 0, h / 2, box->x - 2, h / 2 - 2), ==, 0);
  if (g_getenv ("TANDEM_KEEP_RENDERS"))
    {
      g_autofree char *png = g_build_filename (f->dir, "clip.png", NULL);
      cairo_surface_write_to_png (surface, png);
    }
  cairo_surface_destroy (surface);
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (f->diagram, NULL);
  g_autoptr(TandemDiagramPages) one = tandem_diagram_pages_new (layout, "Equity", "Delderfield Ward", 1, 1);
  g_autoptr(TandemDiagramPages) poster = tandem_diagram_pages_new (layout, "Equity", NULL, 2, 2);
  g_autofree char *pdf = g_build_filename (f->dir, "a3.pdf", NULL);
  g_autofree char *poster_pdf = g_build_filename (f->dir, "poster.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "a4.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "a4.svg", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  double pw, ph;
  gsize length;

  g_assert_cmpuint (tandem_diagram_pages_get_n_pages (one), ==, 1);
  g_assert_cmpuint (tandem_diagram_pages_get_n_pages (poster), ==, 4);

  tandem_paper_get_size (TANDEM_PAPER_A3, TRUE, &pw, &ph);
  g_assert_true (tandem_export_pages (pdf, TANDEM_EXPORT_PDF, pw, ph, 1, 72,
                                      tandem_diagram_draw_page, one, &error));
  g_assert_no_error (error);
  tandem_paper_get_size (TANDEM_PAPER_A4, TRUE, &pw, &ph);
  g_assert_true (tandem_export_pages (poster_pdf, TANDEM_EXPORT_PDF, pw, ph, 4, 72,
                                      tandem_diagram_draw_page, poster, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (poster_pdf, &contents, &length, &error));
  /* Four pages in the file. */
  {
    guint pages = 0;
    for (gsize i = 0; i + 12 < length; i++)
      pages += memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's';
    g_assert_cmpuint (pages, ==, 4);
  }

  g_assert_true (tandem_export_pages (png, TANDEM_EXPORT_PNG, pw, ph, 1, 96,
                                      tandem_diagram_draw_page, one, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (pw * 96 / 72));
  cairo_surface_destroy (image);

  g_assert_true (tandem_export_pages (svg, TANDEM_EXPORT_SVG, pw, ph, 1, 72,
                                      tandem_diagram_draw_page, one, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
}

static cairo_surface_t *
render (TandemDiagramLayout            *layout,
        const TandemDiagramDrawOptions *options)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  tandem_diagram_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tandem_diagram_layout_draw (layout, cr, options);
  cairo_destroy (cr);
  return surface;
}

/* Who added each box, comment badges and where a drop would land. */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GHashTable) authorship = tandem_diagram_authorship (f->project, tandem_diagram_get_id (f->diagram));
  g_autoptr(TandemDiagramLayout) plain = tandem_diagram_layout_new (f->diagram, NULL);
  g_autoptr(TandemDiagramLayout) credited = tandem_diagram_layout_new_full (f->diagram, NULL, authorship);
  g_autoptr(GHashTable) comments = g_hash_table_new (g_str_hash, g_str_equal);
  TandemDiagramDrawOptions options = { -1, -1, TRUE, TANDEM_DROP_ONTO, NULL };
  const TandemDiagramBox *box, *next;
  GArray *column;
  cairo_surface_t *before, *after;
  double pw, ph;

  /* Each box has a line more: who added it. */
  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (plain), ==, tandem_diagram_layout_get_n_boxes (credited));
  for (guint b = 0; b < tandem_diagram_layout_get_n_boxes (credited); b++)
    {
      g_assert_null (tandem_diagram_layout_get_box (plain, b)->credit);
      g_assert_nonnull (tandem_diagram_layout_get_box (credited, b)->credit);
      g_assert_cmpfloat (tandem_diagram_layout_get_box (credited, b)->height, >=,
                         tandem_diagram_layout_get_box (plain, b)->height);
    }
  g_assert_nonnull (strstr (pango_layout_get_text (tandem_diagram_layout_get_box (credited, 0)->credit), "Added by"));

  /* A comment badge: dark ink over the box's top right corner. */
  column = tandem_diagram_layout_get_column (plain, TANDEM_NODE_SECONDARY);
  box = tandem_diagram_layout_get_box (plain, g_array_index (column, guint, 0));
  next = tandem_diagram_layout_get_box (plain, g_array_index (column, guint, 1));
  before = render (plain, &options);
  g_hash_table_insert (comments, tandem_diagram_get_node (f->diagram, box->node)->id, GUINT_TO_POINTER (3));
  options.open_comments = comments;
  after = render (plain, &options);
  g_assert_cmpfloat (ink_in (after, box->x + box->width - 20, box->y - 5, 12, 10), >,
                     ink_in (before, box->x + box->width - 20, box->y - 5, 12, 10) + 0.3);
  cairo_surface_destroy (after);

  /* A drop between two boxes: a line in the gap, not a box outline. */
  options.open_comments = NULL;
  options.drop_target = next->node;
  options.drop_place = TANDEM_DROP_BEFORE;
  after = render (plain, &options);
  g_assert_cmpfloat (ink_in (before, box->x + 20, next->y - 6, box->width - 40, 3), <, 0.05);
  g_assert_cmpfloat (ink_in (after, box->x + 20, next->y - 6, box->width - 40, 3), >, 0.5);
  cairo_surface_destroy (after);
  cairo_surface_destroy (before);

  /* Each change idea shows its rung of the Ladder of Co-production, as it
   * shows its equity tags, on screen and on paper alike (one layout). */
  {
    guint with_level = 0;

    for (guint b = 0; b < tandem_diagram_layout_get_n_boxes (plain); b++)
      {
        const TandemDiagramBox *idea = tandem_diagram_layout_get_box (plain, b);
        const TandemDiagramNode *node = tandem_diagram_get_node (f->diagram, idea->node);
        g_autofree char *rung = NULL;

        if (node->kind != TANDEM_NODE_CHANGE_IDEA)
          continue;
        rung = g_strdup_printf ("Ladder: %s", tandem_coproduction_label (node->level));
        if (node->level == TANDEM_COPRODUCTION_NONE)
          g_assert_null (strstr (pango_layout_get_text (idea->marks), "Ladder:"));
        else
          {
            g_assert_nonnull (strstr (pango_layout_get_text (idea->marks), rung));
            with_level++;
          }
      }
    g_assert_cmpuint (with_level, >, 0);
  }

  /* This diagram is tall: upright on one page, sideways on a poster of 1 × 3. */
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &pw, &ph);
  g_assert_false (tandem_diagram_pages_prefer_landscape (plain, pw, ph, 1, 1));
  g_assert_true (tandem_diagram_pages_prefer_landscape (plain, pw, ph, 1, 3));
  g_assert_true (tandem_diagram_pages_prefer_landscape (plain, ph, pw, 1, 3));
}

/* Posters of any size: pages in the file, each tile a different part. */
static void
test_poster_sizes (Fixture       *f,
                   gconstpointer  data)
{
  static const guint sizes[][2] = { { 1, 1 }, { 2, 1 }, { 2, 2 }, { 3, 3 } };
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (f->diagram, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemDiagramPages) pages = tandem_diagram_pages_new (layout, "Equity", NULL, sizes[s][0], sizes[s][1]);
      g_autofree char *name = g_strdup_printf ("poster-%ux%u.pdf", sizes[s][0], sizes[s][1]);
      g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
      g_autofree char *contents = NULL;
      guint n = 0;
      gsize length;
      double pw, ph;

      g_assert_cmpuint (tandem_diagram_pages_get_n_pages (pages), ==, sizes[s][0] * sizes[s][1]);
      tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &pw, &ph);
      g_assert_true (tandem_export_pages (pdf, TANDEM_EXPORT_PDF, pw, ph, tandem_diagram_pages_get_n_pages (pages),
                                          72, tandem_diagram_draw_page, pages, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
      for (gsize i = 0; i + 12 < length; i++)
        n += memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's';
      g_assert_cmpuint (n, ==, sizes[s][0] * sizes[s][1]);
    }
}

static void
test_empty_and_blank (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-diagram-blank-XXXXXX",
                                                            "Blank.tandem", &dir, NULL);
  TandemField fields[] = { { "name", tandem_value_text ("Ward") } };
  g_autofree char *team = tandem_project_insert (project, "team", fields, 1, &error);
  g_autofree char *id = tandem_diagram_create (project, team, "New", TANDEM_DIAGRAM_TEMPLATE_BLANK, &error);
  g_autoptr(TandemDiagram) diagram = tandem_diagram_load (project, id, &error);
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (diagram, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (layout), ==, 1);
  g_assert_cmpuint (tandem_diagram_layout_get_n_edges (layout), ==, 0);
  tandem_diagram_layout_draw (layout, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

/* "Show who added what": a line in each box, in small italics, inside it. */
static void
test_authorship (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) credits = tandem_diagram_authorship (f->project, tandem_diagram_get_id (f->diagram));
  g_autoptr(TandemDiagramLayout) plain = tandem_diagram_layout_new (f->diagram, NULL);
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new_full (f->diagram, NULL, credits);

  g_assert_cmpuint (tandem_diagram_layout_get_n_boxes (layout), ==, tandem_diagram_layout_get_n_boxes (plain));
  for (guint b = 0; b < tandem_diagram_layout_get_n_boxes (layout); b++)
    {
      const TandemDiagramBox *box = tandem_diagram_layout_get_box (layout, b);
      const TandemDiagramBox *without = tandem_diagram_layout_get_box (plain, b);
      const PangoFontDescription *font;
      int w, h;

      g_assert_null (without->credit);
      g_assert_nonnull (box->credit);
      g_assert_true (g_str_has_prefix (pango_layout_get_text (box->credit), "Added by "));
      font = pango_layout_get_font_description (box->credit);
      g_assert_cmpint (pango_font_description_get_style (font), ==, PANGO_STYLE_ITALIC);
      g_assert_cmpint (pango_font_description_get_size (font), ==, 7 * PANGO_SCALE);
      /* The box grows by the line and its gap, so nothing overlaps. */
      pango_layout_get_size (box->credit, &w, &h);
      if (without->height > 30)
        g_assert_cmpfloat (fabs (box->height - without->height - (double) h / PANGO_SCALE - 3), <, 0.01);
      else
        g_assert_cmpfloat (box->height, >, without->height);
      g_assert_cmpfloat ((double) w / PANGO_SCALE, <=, box->width - 14);
    }
}

/* The pixel at a point of a layout drawn at @scale, as 0-255 red, green, blue. */
static void
pixel_at (cairo_surface_t *surface,
          double           scale,
          double           x,
          double           y,
          guint           *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + (int) (y * scale) * cairo_image_surface_get_stride (surface) +
                                  (int) (x * scale) * 4);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static cairo_surface_t *
render_at (TandemDiagramLayout      *layout,
           double                    scale,
           TandemDiagramDrawOptions *options)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  tandem_diagram_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  tandem_diagram_layout_draw (layout, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_coloured (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint coloured = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 24)
          coloured++;
      }
  return coloured;
}

/* High contrast: black on white. Connectors and outlines black, not grey;
 * no colour anywhere (groups by pattern, statuses by shape), selection and
 * all. */
static void
test_high_contrast (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) credits = tandem_diagram_authorship (f->project, tandem_diagram_get_id (f->diagram));
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new_full (f->diagram, NULL, credits);
  const TandemDiagramBox *aim = tandem_diagram_layout_get_box (layout, 0);
  const TandemDiagramEdge *edge = tandem_diagram_layout_get_edge (layout, 0);
  const TandemDiagramBox *from = tandem_diagram_layout_get_box (layout, edge->from);
  const TandemDiagramBox *to = tandem_diagram_layout_get_box (layout, edge->to);
  double mx = (from->x + from->width + to->x) / 2, my = (from->y + from->height / 2 + to->y + to->height / 2) / 2;
  TandemDiagramDrawOptions standard = { -1, -1, TRUE, TANDEM_DROP_ONTO, NULL, FALSE };
  TandemDiagramDrawOptions contrast = { -1, -1, TRUE, TANDEM_DROP_ONTO, NULL, TRUE };
  const double scale = 4;
  cairo_surface_t *surface;
  gboolean any_group = FALSE;
  guint rgb[3];

  for (guint b = 0; b < tandem_diagram_layout_get_n_boxes (layout); b++)
    any_group |= tandem_diagram_get_node (f->diagram, tandem_diagram_layout_get_box (layout, b)->node)->group >= 0;
  g_assert_true (any_group);

  /* As it was: a mid-grey connector and outline, and colours. */
  surface = render_at (layout, scale, &standard);
  pixel_at (surface, scale, mx, my, rgb);
  g_assert_cmpuint (rgb[0], >, 100);
  g_assert_cmpuint (rgb[0], <, 220);
  pixel_at (surface, scale, aim->x + aim->width / 2, aim->y, rgb);
  g_assert_cmpuint (rgb[0], >, 100);
  g_assert_cmpuint (count_coloured (surface), >, 100);
  cairo_surface_destroy (surface);

  surface = render_at (layout, scale, &contrast);
  pixel_at (surface, scale, mx, my, rgb);
  g_assert_cmpuint (MAX (rgb[0], MAX (rgb[1], rgb[2])), <, 40);
  pixel_at (surface, scale, aim->x + aim->width / 2, aim->y, rgb);
  g_assert_cmpuint (MAX (rgb[0], MAX (rgb[1], rgb[2])), <, 40);
  /* Inside the aim's box: white, not tinted. */
  pixel_at (surface, scale, aim->x + aim->width - 3, aim->y + aim->height - 3, rgb);
  g_assert_cmpuint (MIN (rgb[0], MIN (rgb[1], rgb[2])), ==, 255);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);

  /* The selection too: a thicker black outline, not blue. */
  contrast.selected = aim->node;
  surface = render_at (layout, scale, &contrast);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  pixel_at (surface, scale, aim->x + aim->width / 2, aim->y + 1.5, rgb);
  g_assert_cmpuint (MAX (rgb[0], MAX (rgb[1], rgb[2])), <, 40);
  cairo_surface_destroy (surface);
}

/* In high contrast each of eight groups has a pattern of its own, in a box's
 * stripe and in the legend's small key alike; the ninth repeats the first. */
static void
test_group_patterns (void)
{
  const struct { double w, h; } sizes[] = { { 6, 48 }, { 6, 11 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GBytes *drawn[9];

      for (int g = 0; g < 9; g++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s].w * 4,
                                                                 sizes[s].h * 4);
          cairo_t *cr = cairo_create (surface);

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, 4, 4);
          _tandem_diagram_draw_group_pattern (cr, g, 0, 0, sizes[s].w, sizes[s].h);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          drawn[g] = g_bytes_new (cairo_image_surface_get_data (surface),
                                  cairo_image_surface_get_stride (surface) *
                                  cairo_image_surface_get_height (surface));
          cairo_surface_destroy (surface);
        }
      for (int a = 0; a < 8; a++)
        for (int b = a + 1; b < 8; b++)
          if (g_bytes_equal (drawn[a], drawn[b]))
            g_error ("groups %d and %d look the same at %gx%g", a, b, sizes[s].w, sizes[s].h);
      g_assert_true (g_bytes_equal (drawn[8], drawn[0]));
      for (int g = 0; g < 9; g++)
        g_bytes_unref (drawn[g]);
    }
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* An SVG without the surface's own number, which every surface has. */
static char *
svg_text (GByteArray *svg)
{
  g_autoptr(GRegex) number = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  g_autofree char *text = g_strndup ((const char *) svg->data, svg->len);

  return g_regex_replace_literal (number, text, -1, 0, "surface", 0, NULL);
}

/* The diagram draws its text without pango_cairo_show_layout(), but exactly
 * as it would: the same pixels at any scale, the same SVG. */
static void
test_text_as_pango_draws_it (void)
{
  static const char *texts[] = {
    "Patients and their carers are empowered to share their individual experiences",
    "Added by Sam O’Neill · changed by Zoë Adébáyọ̀",
    "مراجعة مشتركة مع المرضى every week",
    "多言語の案内 and an emoji 🙂 for fallback fonts",
    "",
    "A private-use character \xf3\xb0\x80\x80 no font has",
  };
  static const char *fonts[] = { "Sans 9", "Sans Bold 10", "Sans Italic 7" };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
      for (guint scale = 1; scale <= 3; scale++)
        {
          g_autoptr(PangoLayout) layout = pango_layout_new (context);
          PangoFontDescription *desc = pango_font_description_from_string (fonts[f]);
          cairo_surface_t *images[2];
          GByteArray *svgs[2] = { g_byte_array_new (), g_byte_array_new () };

          pango_layout_set_font_description (layout, desc);
          pango_font_description_free (desc);
          pango_layout_set_width (layout, 150 * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_text (layout, texts[t], -1);
          for (guint way = 0; way < 2; way++)
            {
              cairo_surface_t *svg = cairo_svg_surface_create_for_stream (append_cb, svgs[way], 200, 100);
              cairo_t *cr;

              images[way] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200 * scale, 100 * scale);
              cr = cairo_create (images[way]);
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_paint (cr);
              cairo_scale (cr, scale * 0.97, scale * 0.97);
              cairo_set_source_rgb (cr, 0.1, 0.1, 0.2);
              /* Twice: the second time from what was kept the first. */
              for (guint again = 0; again < 2; again++)
                {
                  if (way == 0)
                    {
                      cairo_move_to (cr, 3.3, 5.1 + 40 * again);
                      pango_cairo_show_layout (cr, layout);
                    }
                  else
                    _tandem_diagram_show_text (cr, layout, 3.3, 5.1 + 40 * again);
                }
              cairo_destroy (cr);
              cr = cairo_create (svg);
              if (way == 0)
                {
                  cairo_move_to (cr, 2, 4);
                  pango_cairo_show_layout (cr, layout);
                }
              else
                _tandem_diagram_show_text (cr, layout, 2, 4);
              cairo_destroy (cr);
              cairo_surface_finish (svg);
              cairo_surface_destroy (svg);
            }
          cairo_surface_flush (images[0]);
          cairo_surface_flush (images[1]);
          g_assert_cmpmem (cairo_image_surface_get_data (images[0]),
                           cairo_image_surface_get_stride (images[0]) * 100 * scale,
                           cairo_image_surface_get_data (images[1]),
                           cairo_image_surface_get_stride (images[1]) * 100 * scale);
          if (scale == 1)
            {
              g_autofree char *expected = svg_text (svgs[0]);
              g_autofree char *drawn = svg_text (svgs[1]);

              g_assert_true (g_strcmp0 (drawn, expected) == 0);
            }
          cairo_surface_destroy (images[0]);
          cairo_surface_destroy (images[1]);
          g_byte_array_unref (svgs[0]);
          g_byte_array_unref (svgs[1]);
        }
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/diagram-render/layout", Fixture, NULL, fixture_set_up, test_layout, fixture_tear_down);
  g_test_add ("/diagram-render/fold-and-focus", Fixture, NULL, fixture_set_up, test_fold_and_focus,
              fixture_tear_down);
  g_test_add ("/diagram-render/draw", Fixture, NULL, fixture_set_up, test_draw, fixture_tear_down);
  g_test_add ("/diagram-render/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add_func ("/diagram-render/blank", test_empty_and_blank);
  g_test_add ("/diagram-render/marks", Fixture, NULL, fixture_set_up, test_marks, fixture_tear_down);
  g_test_add ("/diagram-render/poster-sizes", Fixture, NULL, fixture_set_up, test_poster_sizes, fixture_tear_down);
  g_test_add ("/diagram-render/authorship", Fixture, NULL, fixture_set_up, test_authorship, fixture_tear_down);
  g_test_add_func ("/diagram-render/text-as-pango-draws-it", test_text_as_pango_draws_it);
  g_test_add ("/diagram-render/high-contrast", Fixture, NULL, fixture_set_up, test_high_contrast, fixture_tear_down);
  g_test_add_func ("/diagram-render/group-patterns", test_group_patterns);
  return g_test_run ();
}
