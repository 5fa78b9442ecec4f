/* tandem-peer-support-chart.c — the peer-support tracker drawn with cairo:
 * a team's progress by stage, the coach's caseload heat map, and the pages
 * that print and export them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tandem-peer-support-chart.h"

/* Everything is in points. Status is carried by the pattern of each
 * segment (solid, striped, dotted, empty, crossed) and by the counts written
 * in it, as well as by its colour. */
#define ROW_HEIGHT       24.0
#define BAR_HEIGHT       14.0
#define LEGEND_HEIGHT    18.0
#define CELL_HEIGHT      18.0
#define TEAMS_PER_PAGE   20
#define MARGIN           40.0

typedef struct { double r, g, b; } Rgb;

/* The colours and line weights of one style. The patterns are the same in
 * both; high contrast draws them in black on white, heavier, and marks the
 * heat map's shares with a bar as well as a figure. */
typedef struct
{
  Rgb      status_fill[TANDEM_N_ITEM_STATUSES];
  Rgb      stripes;          /* in progress */
  double   stripe_width;
  Rgb      dots;             /* planning */
  double   dot_radius;
  Rgb      crosses;          /* not applicable */
  double   cross_width;
  Rgb      outline;
  double   outline_width;
  Rgb      in_place_text;
  Rgb      ink;
  Rgb      muted;
  Rgb      line;
  Rgb      row_rule;
  double   row_rule_width;
  Rgb      grid;
  gboolean share_bars;       /* heat map: white cells with a bar for the share */
} Palette;

static const Palette standard_palette = {
  .status_fill = {
    { 1.00, 1.00, 1.00 },   /* not started: empty */
    { 0.87, 0.92, 0.97 },   /* planning: pale, dotted */
    { 0.42, 0.68, 0.84 },   /* in progress: mid, striped */
    { 0.03, 0.32, 0.61 },   /* in place: solid, dark */
    { 0.88, 0.88, 0.88 },   /* not applicable: grey, crossed */
  },
  .stripes = { 1, 1, 1 }, .stripe_width = 1.2,
  .dots = { 0.13, 0.44, 0.71 }, .dot_radius = 0.8,
  .crosses = { 0.55, 0.55, 0.55 }, .cross_width = 0.8,
  .outline = { 0.45, 0.45, 0.45 }, .outline_width = 0.6,
  .in_place_text = { 1, 1, 1 },
  .ink = { 0.13, 0.13, 0.13 },
  .muted = { 0.35, 0.35, 0.35 },
  .line = { 0.45, 0.45, 0.45 },
  .row_rule = { 0.8, 0.8, 0.8 }, .row_rule_width = 0.5,
  .grid = { 1, 1, 1 },
  .share_bars = FALSE,
};

static const Palette high_contrast_palette = {
  .status_fill = {
    { 1, 1, 1 },            /* not started: empty */
    { 1, 1, 1 },            /* planning: dotted */
    { 1, 1, 1 },            /* in progress: striped */
    { 0, 0, 0 },            /* in place: solid */
    { 1, 1, 1 },            /* not applicable: crossed */
  },
  .stripes = { 0, 0, 0 }, .stripe_width = 1.4,
  .dots = { 0, 0, 0 }, .dot_radius = 0.9,
  .crosses = { 0, 0, 0 }, .cross_width = 0.7,
  .outline = { 0, 0, 0 }, .outline_width = 1.0,
  .in_place_text = { 1, 1, 1 },
  .ink = { 0, 0, 0 },
  .muted = { 0, 0, 0 },
  .line = { 0, 0, 0 },
  .row_rule = { 0, 0, 0 }, .row_rule_width = 0.6,
  .grid = { 0, 0, 0 },
  .share_bars = TRUE,
};

static const Palette *
palette_for (TandemPeerSupportStyle style)
{
  return style == TANDEM_PEER_SUPPORT_STYLE_HIGH_CONTRAST ? &high_contrast_palette
                                                          : &standard_palette;
}

/* The order segments are drawn in, left to right: the done work first. */
static const TandemItemStatus bar_order[TANDEM_N_ITEM_STATUSES] = {
  TANDEM_ITEM_IN_PLACE, TANDEM_ITEM_IN_PROGRESS, TANDEM_ITEM_PLANNING,
  TANDEM_ITEM_NOT_STARTED, TANDEM_ITEM_NOT_APPLICABLE,
};

/* The printed pages are always in the standard style. */
static const Rgb ink = { 0.13, 0.13, 0.13 };
static const Rgb muted = { 0.35, 0.35, 0.35 };

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static const cairo_user_data_key_t text_context_key;

/* One Pango context per cairo context, kept with it: a heat map has
 * hundreds of labels, and a context of their own each costs more than
 * drawing them. */
static PangoContext *
text_context (cairo_t *cr)
{
  PangoContext *context = cairo_get_user_data (cr, &text_context_key);
  cairo_font_options_t *options;

  if (context != NULL)
    {
      pango_cairo_update_context (cr, context);
      return context;
    }
  context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  /* The same shapes on screen, on paper and in every file. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  if (cairo_set_user_data (cr, &text_context_key, context, g_object_unref) != CAIRO_STATUS_SUCCESS)
    {
      /* Out of memory: a context for this layout only. */
      g_object_unref (context);
      return NULL;
    }
  return context;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width,
             int         max_lines)
{
  PangoContext *context = text_context (cr);
  PangoLayout *layout = context ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

/* Draws text with its top left at (x, y); returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           const Rgb  *colour,
           int         max_lines)
{
  PangoLayout *layout = make_layout (cr, text, size, bold, width, max_lines);
  double height = layout_height (layout);

  set_rgb (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return height;
}

/* Text centred on (cx, cy). */
static void
draw_centred (cairo_t    *cr,
              const char *text,
              double      cx,
              double      cy,
              double      size,
              gboolean    bold,
              const Rgb  *colour)
{
  PangoLayout *layout = make_layout (cr, text, size, bold, -1, 0);

  set_rgb (cr, colour);
  cairo_move_to (cr, cx - layout_width (layout) / 2, cy - layout_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A context only for measuring text. */
static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* ------------------------------------------------------------------------ */
/* Status patterns                                                          */

static void
paint_status (cairo_t          *cr,
              double            x,
              double            y,
              double            w,
              double            h,
              TandemItemStatus  status,
              const Palette    *palette)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  set_rgb (cr, &palette->status_fill[status]);
  cairo_fill (cr);

  switch (status)
    {
    case TANDEM_ITEM_IN_PROGRESS:
      set_rgb (cr, &palette->stripes);
      cairo_set_line_width (cr, palette->stripe_width);
      for (double d = -h; d < w + h; d += 5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      break;
    case TANDEM_ITEM_PLANNING:
      set_rgb (cr, &palette->dots);
      for (double dy = y + 2.5; dy < y + h; dy += 4)
        for (double dx = x + 2.5 + (((int) ((dy - y) / 4)) % 2) * 2; dx < x + w; dx += 4)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, dx, dy, palette->dot_radius, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case TANDEM_ITEM_NOT_APPLICABLE:
      set_rgb (cr, &palette->crosses);
      cairo_set_line_width (cr, palette->cross_width);
      for (double d = -h; d < w + h; d += 6)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + h, y + h);
        }
      cairo_stroke (cr);
      break;
    case TANDEM_ITEM_NOT_STARTED:
    case TANDEM_ITEM_IN_PLACE:
    default:
      break;
    }
  cairo_restore (cr);

  cairo_save (cr);
  set_rgb (cr, &palette->outline);
  cairo_set_line_width (cr, palette->outline_width);
  cairo_rectangle (cr, x + palette->outline_width / 2, y + palette->outline_width / 2,
                   w - palette->outline_width, h - palette->outline_width);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
legend_height (cairo_t *cr,
               double   width)
{
  double x = 0, lines = 1;

  for (guint k = 0; k < TANDEM_N_ITEM_STATUSES; k++)
    {
      PangoLayout *layout = make_layout (cr, tandem_item_status_label (bar_order[k]), 8.5, FALSE,
                                         -1, 0);
      double item = 16 + layout_width (layout) + 14;

      g_object_unref (layout);
      if (x > 0 && x + item > width)
        {
          lines++;
          x = 0;
        }
      x += item;
    }
  return lines * LEGEND_HEIGHT;
}

static void
draw_legend (cairo_t       *cr,
             double         x0,
             double         y,
             double         width,
             const Palette *palette)
{
  double x = 0;

  for (guint k = 0; k < TANDEM_N_ITEM_STATUSES; k++)
    {
      const char *label = tandem_item_status_label (bar_order[k]);
      PangoLayout *layout = make_layout (cr, label, 8.5, FALSE, -1, 0);
      double item = 16 + layout_width (layout) + 14;

      if (x > 0 && x + item > width)
        {
          y += LEGEND_HEIGHT;
          x = 0;
        }
      paint_status (cr, x0 + x, y + 3, 12, 10, bar_order[k], palette);
      set_rgb (cr, &palette->ink);
      cairo_move_to (cr, x0 + x + 16, y + 8 - layout_height (layout) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      x += item;
    }
}

/* ------------------------------------------------------------------------ */
/* Progress by stage                                                        */

/**
 * tandem_peer_support_progress_height:
 * @stages: (element-type TandemStageProgress): progress by stage
 * @width: the width it will be drawn at, in points
 *
 * Returns: how tall tandem_peer_support_draw_progress() draws at @width
 */
double
tandem_peer_support_progress_height (GPtrArray *stages,
                                     double     width)
{
  cairo_t *cr = measuring_context ();
  double height = stages->len * ROW_HEIGHT + 8 + legend_height (cr, width);

  cairo_destroy (cr);
  return height;
}

/**
 * tandem_peer_support_draw_progress:
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: the width to use
 * @stages: (element-type TandemStageProgress): progress by stage
 *
 * tandem_peer_support_draw_progress_full() in the standard style.
 */
void
tandem_peer_support_draw_progress (cairo_t   *cr,
                                   double     x,
                                   double     y,
                                   double     width,
                                   GPtrArray *stages)
{
  tandem_peer_support_draw_progress_full (cr, x, y, width, stages,
                                          TANDEM_PEER_SUPPORT_STYLE_STANDARD);
}

/**
 * tandem_peer_support_draw_progress_full:
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: the width to use
 * @stages: (element-type TandemStageProgress): progress by stage
 * @style: standard, or high contrast (black on white, heavier lines)
 *
 * Draws one bar per stage, split by status (in place, in progress,
 * planning, not started, not applicable), with the counts written in the
 * bar and “3 of 4 in place” beside it, and a legend. The same drawing serves
 * the screen, printing and every export.
 */
void
tandem_peer_support_draw_progress_full (cairo_t                *cr,
                                        double                  x,
                                        double                  y,
                                        double                  width,
                                        GPtrArray              *stages,
                                        TandemPeerSupportStyle  style)
{
  const Palette *palette = palette_for (style);
  double label_width = MIN (width * 0.32, 170);
  double right_width = MIN (width * 0.2, 96);
  double bar_x = x + label_width + 8;
  double bar_width = MAX (width - label_width - 8 - right_width - 6, 20);

  for (guint i = 0; i < stages->len; i++)
    {
      const TandemStageProgress *stage = stages->pdata[i];
      double row_y = y + i * ROW_HEIGHT;
      double bar_y = row_y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      double seg_x = bar_x;
      g_autofree char *summary = NULL;
      PangoLayout *layout;

      layout = make_layout (cr, stage->stage, 9, FALSE, label_width, 2);
      set_rgb (cr, &palette->ink);
      cairo_move_to (cr, x, row_y + (ROW_HEIGHT - layout_height (layout)) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);

      for (guint k = 0; k < TANDEM_N_ITEM_STATUSES && stage->total > 0; k++)
        {
          TandemItemStatus status = bar_order[k];
          double w = bar_width * stage->counts[status] / stage->total;
          g_autofree char *count = NULL;

          if (stage->counts[status] == 0)
            continue;
          paint_status (cr, seg_x, bar_y, w, BAR_HEIGHT, status, palette);
          if (w >= 12)
            {
              count = g_strdup_printf ("%u", stage->counts[status]);
              if (status == TANDEM_ITEM_IN_PLACE)
                draw_centred (cr, count, seg_x + w / 2, bar_y + BAR_HEIGHT / 2, 8, TRUE,
                              &palette->in_place_text);
              else
                {
                  /* A plain patch behind the figure keeps it legible on the pattern. */
                  set_rgb (cr, &palette->status_fill[status]);
                  cairo_rectangle (cr, seg_x + w / 2 - 5, bar_y + 2, 10, BAR_HEIGHT - 4);
                  cairo_fill (cr);
                  draw_centred (cr, count, seg_x + w / 2, bar_y + BAR_HEIGHT / 2, 8, TRUE,
                                &palette->ink);
                }
            }
          seg_x += w;
        }

      /* TRANSLATORS: beside a stage's bar: how many of its items are in place */
      summary = g_strdup_printf (_("%u of %u in place"), stage->counts[TANDEM_ITEM_IN_PLACE],
                                 stage->total);
      layout = make_layout (cr, summary, 8.5, FALSE, right_width, 1);
      set_rgb (cr, &palette->muted);
      cairo_move_to (cr, bar_x + bar_width + 6, row_y + (ROW_HEIGHT - layout_height (layout)) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  draw_legend (cr, x, y + stages->len * ROW_HEIGHT + 8, width, palette);
}

/* ------------------------------------------------------------------------ */
/* The caseload heat map                                                    */

typedef struct
{
  double label_width;
  double roles_width;
  double cell_width;
  double header_height;
} HeatmapGeometry;

static void
heatmap_geometry (cairo_t                   *cr,
                  TandemPeerSupportCaseload *caseload,
                  double                     width,
                  HeatmapGeometry           *g)
{
  guint n = MAX (caseload->stage_names->len, 1);

  g->label_width = MIN (width * 0.24, 150);
  g->roles_width = 46;
  g->cell_width = MAX ((width - g->label_width - g->roles_width) / n, 10);
  g->header_height = 0;
  for (guint s = 0; s < caseload->stage_names->len; s++)
    {
      PangoLayout *layout = make_layout (cr, caseload->stage_names->pdata[s], 7.5, TRUE,
                                         g->cell_width - 4, 4);
      g->header_height = MAX (g->header_height, layout_height (layout));
      g_object_unref (layout);
    }
  g->header_height += 6;
}

/* Light to dark with the share in place; the share is written in the cell. */
static void
heat_colour (double  fraction,
             Rgb    *colour)
{
  static const Rgb light = { 0.97, 0.98, 1.00 };
  static const Rgb dark = { 0.03, 0.19, 0.42 };

  colour->r = light.r + (dark.r - light.r) * fraction;
  colour->g = light.g + (dark.g - light.g) * fraction;
  colour->b = light.b + (dark.b - light.b) * fraction;
}

/* High contrast: a white cell, outlined, with a black bar along its foot
 * as long as the share is of the cell. */
static void
draw_share_bar (cairo_t       *cr,
                double         x,
                double         y,
                double         w,
                double         h,
                double         fraction,
                const Palette *palette)
{
  static const Rgb white = { 1, 1, 1 };

  set_rgb (cr, &white);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  set_rgb (cr, &palette->outline);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x + 2, y + h - 4.5, w - 4, 3);
  cairo_stroke (cr);
  cairo_rectangle (cr, x + 2, y + h - 4.5, (w - 4) * CLAMP (fraction, 0, 1), 3);
  cairo_fill (cr);
}

/**
 * tandem_peer_support_heatmap_height:
 * @caseload: the caseload
 * @first_team: the first team to draw
 * @n_teams: how many teams to draw at most
 * @width: the width it will be drawn at, in points
 *
 * Returns: how tall tandem_peer_support_draw_heatmap() draws
 */
double
tandem_peer_support_heatmap_height (TandemPeerSupportCaseload *caseload,
                                    guint                      first_team,
                                    guint                      n_teams,
                                    double                     width)
{
  cairo_t *cr = measuring_context ();
  HeatmapGeometry g;
  guint rows = first_team < caseload->teams->len
               ? MIN (n_teams, caseload->teams->len - first_team) : 0;

  heatmap_geometry (cr, caseload, width, &g);
  cairo_destroy (cr);
  return g.header_height + rows * CELL_HEIGHT + 8 + LEGEND_HEIGHT + 12;
}

/**
 * tandem_peer_support_draw_heatmap:
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: the width to use
 * @caseload: the caseload
 * @first_team: the first team to draw
 * @n_teams: how many teams to draw at most
 *
 * tandem_peer_support_draw_heatmap_full() in the standard style.
 */
void
tandem_peer_support_draw_heatmap (cairo_t                   *cr,
                                  double                     x,
                                  double                     y,
                                  double                     width,
                                  TandemPeerSupportCaseload *caseload,
                                  guint                      first_team,
                                  guint                      n_teams)
{
  tandem_peer_support_draw_heatmap_full (cr, x, y, width, caseload, first_team, n_teams,
                                         TANDEM_PEER_SUPPORT_STYLE_STANDARD);
}

/**
 * tandem_peer_support_draw_heatmap_full:
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: the width to use
 * @caseload: the caseload
 * @first_team: the first team to draw
 * @n_teams: how many teams to draw at most
 * @style: standard, or high contrast (white cells, the share as a bar and
 *   a figure in black)
 *
 * Draws teams down and stages across, each cell shaded by the share of the
 * stage's items in place and labelled with it (“75%”, or “n/a”), with the
 * number of filled peer roles per team and a key.
 */
void
tandem_peer_support_draw_heatmap_full (cairo_t                   *cr,
                                       double                     x,
                                       double                     y,
                                       double                     width,
                                       TandemPeerSupportCaseload *caseload,
                                       guint                      first_team,
                                       guint                      n_teams,
                                       TandemPeerSupportStyle     style)
{
  static const Rgb white = { 1, 1, 1 };
  const Palette *palette = palette_for (style);
  const Rgb *pen = &palette->ink;
  HeatmapGeometry g;
  guint last;
  double row_y, key_x;

  heatmap_geometry (cr, caseload, width, &g);

  for (guint s = 0; s < caseload->stage_names->len; s++)
    {
      PangoLayout *layout = make_layout (cr, caseload->stage_names->pdata[s], 7.5, TRUE,
                                         g.cell_width - 4, 4);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      set_rgb (cr, pen);
      cairo_move_to (cr, x + g.label_width + s * g.cell_width + 2,
                     y + g.header_height - 3 - layout_height (layout));
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  {
    PangoLayout *layout = make_layout (cr, _("Peer roles"), 7.5, TRUE, g.roles_width - 4, 3);
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    set_rgb (cr, pen);
    cairo_move_to (cr, x + width - g.roles_width + 2, y + g.header_height - 3 - layout_height (layout));
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
  }

  last = MIN (caseload->teams->len, first_team + n_teams);
  row_y = y + g.header_height;
  for (guint t = first_team; t < last; t++, row_y += CELL_HEIGHT)
    {
      const TandemTeamProgress *team = caseload->teams->pdata[t];
      g_autofree char *roles = g_strdup_printf ("%u", team->roles);
      PangoLayout *layout = make_layout (cr, team->team_name, 8, FALSE, g.label_width - 6, 1);

      set_rgb (cr, pen);
      cairo_move_to (cr, x, row_y + (CELL_HEIGHT - layout_height (layout)) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);

      for (guint s = 0; s < team->stages->len; s++)
        {
          const TandemStageProgress *stage = team->stages->pdata[s];
          double fraction = tandem_stage_progress_fraction (stage);
          double cx = x + g.label_width + s * g.cell_width;

          if (fraction < 0)
            {
              paint_status (cr, cx, row_y, g.cell_width, CELL_HEIGHT, TANDEM_ITEM_NOT_APPLICABLE,
                            palette);
              if (palette->share_bars)
                {
                  /* The words on a plain patch, clear of the crosses. */
                  set_rgb (cr, &white);
                  cairo_rectangle (cr, cx + g.cell_width / 2 - 9, row_y + 3, 18, CELL_HEIGHT - 6);
                  cairo_fill (cr);
                }
              draw_centred (cr, _("n/a"), cx + g.cell_width / 2, row_y + CELL_HEIGHT / 2, 7.5,
                            palette->share_bars, pen);
            }
          else if (palette->share_bars)
            {
              g_autofree char *percent = g_strdup_printf ("%.0f%%", 100 * fraction);

              draw_share_bar (cr, cx, row_y, g.cell_width, CELL_HEIGHT, fraction, palette);
              draw_centred (cr, percent, cx + g.cell_width / 2, row_y + (CELL_HEIGHT - 4) / 2, 7.5,
                            TRUE, pen);
            }
          else
            {
              g_autofree char *percent = g_strdup_printf ("%.0f%%", 100 * fraction);
              Rgb fill;

              heat_colour (fraction, &fill);
              set_rgb (cr, &fill);
              cairo_rectangle (cr, cx, row_y, g.cell_width, CELL_HEIGHT);
              cairo_fill (cr);
              draw_centred (cr, percent, cx + g.cell_width / 2, row_y + CELL_HEIGHT / 2, 7.5,
                            fraction >= 0.5, fraction >= 0.5 ? &white : pen);
            }
        }
      draw_centred (cr, roles, x + width - g.roles_width / 2, row_y + CELL_HEIGHT / 2, 8, FALSE,
                    pen);

      /* A rule under every row, for a ruler or a finger. */
      set_rgb (cr, &palette->row_rule);
      cairo_set_line_width (cr, palette->row_rule_width);
      cairo_move_to (cr, x, row_y + CELL_HEIGHT);
      cairo_line_to (cr, x + width, row_y + CELL_HEIGHT);
      cairo_stroke (cr);
    }

  /* Grid lines between the stages. */
  set_rgb (cr, &palette->grid);
  cairo_set_line_width (cr, palette->share_bars ? 0.6 : 1);
  for (guint s = 1; s < caseload->stage_names->len; s++)
    {
      double gx = x + g.label_width + s * g.cell_width;
      cairo_move_to (cr, gx, y + g.header_height);
      cairo_line_to (cr, gx, row_y);
    }
  cairo_stroke (cr);

  /* The key. */
  row_y += 8;
  draw_text (cr, _("Each cell: the share of the stage’s items in place (n/a: none apply)."),
             x, row_y, width, 8, FALSE, &palette->muted, 1);
  row_y += LEGEND_HEIGHT - 2;
  key_x = x;
  for (guint k = 0; k <= 4; k++)
    {
      g_autofree char *label = g_strdup_printf ("%u%%", k * 25);
      Rgb fill;

      if (palette->share_bars)
        {
          draw_share_bar (cr, key_x, row_y, 34, 14, k / 4.0, palette);
          draw_centred (cr, label, key_x + 17, row_y + 5, 7, TRUE, pen);
          key_x += 36;
          continue;
        }
      heat_colour (k / 4.0, &fill);
      set_rgb (cr, &fill);
      cairo_rectangle (cr, key_x, row_y, 34, 12);
      cairo_fill_preserve (cr);
      set_rgb (cr, &palette->line);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      draw_centred (cr, label, key_x + 17, row_y + 6, 7, k >= 2, k >= 2 ? &white : pen);
      key_x += 36;
    }
}

/**
 * tandem_peer_support_caseload_n_pages:
 * @caseload: the caseload
 *
 * Returns: how many pages tandem_peer_support_draw_caseload_page() draws
 */
guint
tandem_peer_support_caseload_n_pages (TandemPeerSupportCaseload *caseload)
{
  return MAX (1, (caseload->teams->len + TEAMS_PER_PAGE - 1) / TEAMS_PER_PAGE);
}

/* ------------------------------------------------------------------------ */
/* Pages                                                                    */

static double
draw_heading (cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  return draw_text (cr, text, x, y, width, 12, TRUE, &ink, 2) + 4;
}

static double
draw_footer (cairo_t    *cr,
             const char *text,
             double      width,
             double      height)
{
  return draw_text (cr, text, MARGIN, height - MARGIN + 10, width - 2 * MARGIN, 7.5, FALSE,
                    &muted, 1);
}

/* A bullet paragraph of at most four lines, if it fits above @bottom;
 * returns its height, or -1. A longer one ends in an ellipsis and counts
 * in @cut. */
static double
draw_bullet (cairo_t    *cr,
             const char *text,
             double      x,
             double      y,
             double      width,
             double      bottom,
             guint      *cut)
{
  PangoLayout *layout = make_layout (cr, text, 9, FALSE, width - 12, 4);
  double height = layout_height (layout);

  if (y + height > bottom)
    {
      g_object_unref (layout);
      return -1;
    }
  if (pango_layout_is_ellipsized (layout))
    (*cut)++;
  set_rgb (cr, &ink);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 3, y + 6, 1.6, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, x + 12, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return height + 3;
}

static int
compare_target (gconstpointer a,
                gconstpointer b)
{
  const TandemTrackerItem *x = *(TandemTrackerItem **) a;
  const TandemTrackerItem *y = *(TandemTrackerItem **) b;

  return g_strcmp0 (x->target_date, y->target_date);
}

/* Draws the summary; returns how many entries it cut short or left out. */
static guint
draw_summary (cairo_t                 *cr,
              double                   width,
              double                   height,
              TandemPeerSupportReport *report)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = tandem_peer_support_format_date (report->today);
  g_autoptr(GPtrArray) support = tandem_peer_support_describe_support (report);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  double content = width - 2 * MARGIN;
  double bottom = height - MARGIN - 14;   /* a line kept for saying what did not fit */
  double x = MARGIN, y = MARGIN, h;
  guint shown = 0, cut = 0, i;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  title = g_strdup_printf (_("Peer-support implementation: %s"), report->team_name);
  y += draw_text (cr, title, x, y, content, 17, TRUE, &ink, 2) + 2;
  subtitle = g_strdup_printf (_("As of %s. Checked against the national peer-support "
                                "implementation framework, version 1."), date);
  y += draw_text (cr, subtitle, x, y, content, 9, FALSE, &muted, 2) + 14;

  y += draw_heading (cr, _("Progress by stage"), x, y, content);
  tandem_peer_support_draw_progress (cr, x, y, content, report->stages);
  y += tandem_peer_support_progress_height (report->stages, content) + 12;

  y += draw_heading (cr, _("Support in place, beside a national survey of 28 trusts"), x, y, content);
  for (i = 0; i < support->len && (h = draw_bullet (cr, support->pdata[i], x, y, content,
                                                    bottom, &cut)) >= 0; i++)
    y += h;
  cut += support->len - i;
  y += 10;

  if (y + 60 < bottom)
    {
      y += draw_heading (cr, _("Peer workers still in post, beside the exemplary trust"), x, y,
                         content);
      for (i = 0; i < 3; i++)
        {
          g_autofree char *text = tandem_peer_support_describe_retention (&report->retention[i]);
          if ((h = draw_bullet (cr, text, x, y, content, bottom, &cut)) < 0)
            break;
          y += h;
        }
      cut += 3 - i;
      y += 10;
    }
  else
    cut += 3;

  if (y + 40 < bottom)
    {
      y += draw_heading (cr, _("Peer roles and their supervision"), x, y, content);
      if (report->roles->len == 0)
        y += draw_text (cr, _("No peer roles recorded yet."), x, y, content, 9, FALSE, &muted, 1) + 3;
      for (i = 0; i < report->roles->len; i++)
        {
          const TandemPeerRole *role = report->roles->pdata[i];
          g_autofree char *terms = tandem_peer_support_describe_role (role);
          g_autofree char *supervision = tandem_peer_support_describe_supervision (role);
          g_autofree char *text = g_strdup_printf ("%s — %s. %s", role->title, terms, supervision);

          if ((h = draw_bullet (cr, text, x, y, content, bottom, &cut)) < 0)
            break;
          y += h;
          shown++;
        }
      cut += report->roles->len - shown;
      if (shown < report->roles->len)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("…and %u more role.",
                                                             "…and %u more roles.",
                                                             report->roles->len - shown),
                                                   report->roles->len - shown);
          draw_text (cr, more, x, bottom - 12, content, 8, FALSE, &muted, 1);
          y = bottom;
        }
      y += 10;
    }
  else
    cut += report->roles->len;

  for (i = 0; i < report->items->len; i++)
    {
      TandemTrackerItem *item = report->items->pdata[i];
      if (item->target_date != NULL && item->status != TANDEM_ITEM_IN_PLACE &&
          item->status != TANDEM_ITEM_NOT_APPLICABLE)
        g_ptr_array_add (targets, item);
    }
  g_ptr_array_sort (targets, compare_target);
  if (targets->len > 0 && y + 40 < bottom)
    {
      y += draw_heading (cr, _("Next steps with a target date"), x, y, content);
      for (i = 0; i < targets->len; i++)
        {
          const TandemTrackerItem *item = targets->pdata[i];
          g_autofree char *due = tandem_peer_support_format_date (item->target_date);
          g_autofree char *text = item->owner
            ? g_strdup_printf (_("By %s: %s (%s; %s)"), due, item->title,
                               tandem_item_status_label (item->status), item->owner)
            : g_strdup_printf (_("By %s: %s (%s)"), due, item->title,
                               tandem_item_status_label (item->status));

          if ((h = draw_bullet (cr, text, x, y, content, bottom, &cut)) < 0)
            break;
          y += h;
        }
      cut += targets->len - i;
    }
  else
    cut += targets->len;

  if (cut > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u entry is cut short or left out to fit "
                                                         "one page: Tandem's Peer support page "
                                                         "shows everything.",
                                                         "%u entries are cut short or left out to "
                                                         "fit one page: Tandem's Peer support page "
                                                         "shows everything.", cut), cut);
      draw_text (cr, note, x, bottom + 2, content, 8, TRUE, &ink, 1);
    }

  {
    g_autofree char *footer = g_strdup_printf (_("%s · peer-support summary · made with Tandem"),
                                               report->team_name);
    draw_footer (cr, footer, width, height);
  }
  cairo_restore (cr);
  return cut;
}

/**
 * tandem_peer_support_draw_summary_page:
 * @cr: where to draw, in points
 * @width: page width
 * @height: page height
 * @page_nr: the page (there is one)
 * @report: (type TandemPeerSupportReport): the team's report
 *
 * A team's one-page implementation summary: progress by stage, the support
 * in place beside the national survey, retention against the exemplary
 * trust, the peer roles and their supervision, and the next steps with a
 * target date. What does not fit the page is cut short or left out, and the
 * page says how much. A #TandemDrawPageFunc, for printing and every export.
 */
void
tandem_peer_support_draw_summary_page (cairo_t  *cr,
                                       double    width,
                                       double    height,
                                       guint     page_nr,
                                       gpointer  report)
{
  draw_summary (cr, width, height, report);
}

/**
 * tandem_peer_support_summary_count_cut:
 * @report: a team's report
 * @width: page width
 * @height: page height
 *
 * Returns: how many entries tandem_peer_support_draw_summary_page() cuts
 *   short or leaves out on a page this size
 */
guint
tandem_peer_support_summary_count_cut (TandemPeerSupportReport *report,
                                       double                   width,
                                       double                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint cut = draw_summary (cr, width, height, report);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return cut;
}

/**
 * tandem_peer_support_draw_caseload_page:
 * @cr: where to draw, in points
 * @width: page width
 * @height: page height
 * @page_nr: the page, from 0 (see tandem_peer_support_caseload_n_pages())
 * @caseload: (type TandemPeerSupportCaseload): the caseload
 *
 * The coach's caseload overview: a heat map of teams against stages,
 * twenty teams a page. A #TandemDrawPageFunc, for printing and every export.
 */
void
tandem_peer_support_draw_caseload_page (cairo_t  *cr,
                                        double    width,
                                        double    height,
                                        guint     page_nr,
                                        gpointer  user_data)
{
  TandemPeerSupportCaseload *caseload = user_data;
  guint n_pages = tandem_peer_support_caseload_n_pages (caseload);
  double content = width - 2 * MARGIN;
  double y = MARGIN;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  y += draw_text (cr, _("Peer-support implementation across the caseload"), MARGIN, y, content,
                  17, TRUE, &ink, 2) + 2;
  subtitle = g_strdup_printf (ngettext ("%u team, by stage of the national peer-support "
                                        "implementation framework.",
                                        "%u teams, by stage of the national peer-support "
                                        "implementation framework.", caseload->teams->len),
                              caseload->teams->len);
  y += draw_text (cr, subtitle, MARGIN, y, content, 9, FALSE, &muted, 2) + 14;

  if (caseload->teams->len == 0)
    draw_text (cr, _("This project has no teams yet."), MARGIN, y, content, 10, FALSE, &ink, 1);
  else
    tandem_peer_support_draw_heatmap (cr, MARGIN, y, content, caseload,
                                      page_nr * TEAMS_PER_PAGE, TEAMS_PER_PAGE);

  footer = g_strdup_printf (_("Caseload overview · page %u of %u · made with Tandem"),
                            page_nr + 1, n_pages);
  draw_footer (cr, footer, width, height);
  cairo_restore (cr);
}
