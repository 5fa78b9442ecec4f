/* tandem-standards-pack.c — a team's Culture of Care accreditation pack,
 * drawn with cairo for the screen, printing and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack is a column of blocks: text that flows from page to page
 * (tandem-flowing-text.c, broken between lines), and pictures that move to
 * the next page whole when they do not fit (the heatmap, the staff and
 * lived-experience views, and each linked measure's chart, drawn by
 * tandem_chart_draw(), the renderer of the Measures page). Every figure is
 * tandem_standards_report()'s; nothing is worked out here.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-flowing-text.h"
#include "tandem-standards-pack.h"
#include "tandem-team.h"
#include "tandem-render-text-private.h"

#define MARGIN        42.0     /* points: about 15 mm */
#define FOOTER        22.0
#define BODY_SIZE     10.0
#define BLOCK_GAP     10.0
#define MIN_ROOM      36.0     /* less than this left: text starts a new page */
#define CHART_HEIGHT  250.0
#define TEXT_INK      0x1a1a1a
#define HEADING_INK   0x1c5f9e
#define QUIET_INK     0x555555
#define SHORT_WHAT    300      /* characters of a note repeated in a later section */

/* The heatmap */
#define HEAT_TITLE    18.0
#define HEAT_HEAD     30.0
#define HEAT_ROW      18.0
#define HEAT_LEGEND   40.0
#define HEAT_ROUNDS   6        /* the latest rounds shown */
#define SWATCH        12.0

/* The staff and lived-experience views */
#define GAP_TITLE     18.0
#define GAP_HEAD      22.0
#define GAP_ROW       16.0
#define GAP_LEGEND    22.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_HEATMAP,
  BLOCK_GAPS,
  BLOCK_CHART,
  BLOCK_BREAK,
} BlockKind;

typedef struct
{
  BlockKind          kind;
  TandemFlowingText *flow;    /* BLOCK_TEXT */
  TandemChart       *chart;   /* BLOCK_CHART, not owned */
} Block;

/* Where a block, or a page's share of a text block, is drawn. */
typedef struct
{
  guint  block;
  guint  page;
  double y;          /* below the top margin */
  double from;       /* the part of the block drawn */
  double to;
} Piece;

struct _TandemStandardsPack
{
  TandemStandardsReport *report;
  GPtrArray             *charts;   /* of TandemChart, one per measure evidence, in order */
  GPtrArray             *chart_of_item; /* of TandemChart or NULL, per report->evidence */

  /* for the page size last paginated */
  double                 width;
  double                 height;
  GArray                *blocks;   /* of Block */
  GArray                *pieces;   /* of Piece */
  guint                  n_pages;
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->flow, tandem_flowing_text_free);
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */

static const char *
standard_title (const TandemStandardsReport *report,
                const char                  *id)
{
  const TandemStandard *standard = tandem_standards_framework_find (report->framework, id);

  return standard ? standard->title : id;
}

static const char *
type_title (const TandemStandardsReport *report,
            const char                  *id)
{
  const TandemEvidenceType *type = tandem_standards_framework_find_type (report->framework, id);

  return type ? type->title : id;
}

static const char *
level_label (int level)
{
  return level == TANDEM_STANDARD_LEVEL_NONE ? _("no level yet")
                                             : tandem_standard_level_get_label (level);
}

/* A mean as shown: “3.4 (Embedded)”, or “–”. */
static char *
mean_text (const TandemStandardsReport *report,
           double                       mean)
{
  if (isnan (mean))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f (%s)", mean,
                          tandem_standards_framework_word (report->framework, mean));
}

/* A gap as shown: “+1.3”, “−0.6”, “0.0” (never “−0.0”), or “–”. */
static char *
gap_text (double gap)
{
  if (isnan (gap))
    return g_strdup ("–");
  if (fabs (gap) < 0.05)
    return g_strdup ("0.0");
  return g_strdup_printf ("%+.1f", gap);
}

static const TandemRoundFigures *
latest_round (const TandemStandardsReport *report)
{
  return report->rounds->len ? report->rounds->pdata[report->rounds->len - 1] : NULL;
}

/* ------------------------------------------------------------------------ */
/* The heatmap: standards × rounds                                          */

/**
 * tandem_standards_heatmap_n_rounds:
 * @report: a team's figures
 *
 * Returns: how many rounds the heatmap shows: the latest, up to six
 */
guint
tandem_standards_heatmap_n_rounds (const TandemStandardsReport *report)
{
  return MIN (report->rounds->len, HEAT_ROUNDS);
}

/**
 * tandem_standards_heatmap_height:
 * @report: a team's figures
 *
 * Returns: the height, in points, tandem_standards_draw_heatmap() needs
 */
double
tandem_standards_heatmap_height (const TandemStandardsReport *report)
{
  return HEAT_TITLE + HEAT_HEAD + (report->framework->standards->len + 1) * HEAT_ROW
         + HEAT_LEGEND;
}

static double
heat_name_width (double width)
{
  return MIN (150, width * 0.3);
}

static double
heat_column_width (const TandemStandardsReport *report,
                   double                       width)
{
  return MIN (90, (width - heat_name_width (width))
                  / MAX (1, tandem_standards_heatmap_n_rounds (report)));
}

/**
 * tandem_standards_heatmap_get_cell:
 * @report: a team's figures
 * @width: the width the heatmap is drawn in
 * @standard: a standard's place in the framework; the number of standards
 *   for the row of averages
 * @column: a column of the heatmap, from 0 (the earliest round shown)
 * @x: (out): the cell's left
 * @y: (out): its top
 * @cell_width: (out): its width
 * @cell_height: (out): its height
 *
 * Where tandem_standards_draw_heatmap() draws a cell, from the heatmap's
 * top left.
 */
void
tandem_standards_heatmap_get_cell (const TandemStandardsReport *report,
                                   double                       width,
                                   guint                        standard,
                                   guint                        column,
                                   double                      *x,
                                   double                      *y,
                                   double                      *cell_width,
                                   double                      *cell_height)
{
  double column_w = heat_column_width (report, width);

  *x = heat_name_width (width) + column * column_w;
  *y = HEAT_TITLE + HEAT_HEAD + standard * HEAT_ROW;
  *cell_width = column_w;
  *cell_height = HEAT_ROW;
}

/* From light (Emerging) to dark (Exemplar): the order survives greyscale. */
static const double heat_colours[TANDEM_STANDARDS_SCORE_MAX][3] = {
  { 0.945, 0.933, 0.965 },
  { 0.741, 0.788, 0.882 },
  { 0.455, 0.663, 0.812 },
  { 0.169, 0.549, 0.745 },
  { 0.016, 0.353, 0.553 },
};

static int
score_bucket (double mean)
{
  int whole = (int) floor (mean + 0.5);

  return CLAMP (whole, TANDEM_STANDARDS_SCORE_MIN, TANDEM_STANDARDS_SCORE_MAX) - 1;
}

/**
 * tandem_standards_heat_colour:
 * @mean: a standard's mean score, or NAN
 * @rgb: (out) (array fixed-size=3): the heatmap's shade for it, from light
 *   (Emerging) to dark (Exemplar); a light grey for NAN
 *
 * Returns: whether text on that shade is to be white
 */
gboolean
tandem_standards_heat_colour (double mean,
                              double rgb[3])
{
  int bucket;

  if (isnan (mean))
    {
      rgb[0] = rgb[1] = rgb[2] = 0.93;
      return FALSE;
    }
  bucket = score_bucket (mean);
  memcpy (rgb, heat_colours[bucket], sizeof heat_colours[bucket]);
  return bucket >= 3;
}

static PangoLayout *
new_layout (cairo_t  *cr,
            double    size,
            gboolean  bold)
{
  return _tandem_render_page_layout_new (cr, size, bold, -1);
}

/* One line of text, cut with “…” to @width, centred on @y. */
static void
show_text (cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          size,
           gboolean        bold,
           PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, size, bold);
  int h;

  pango_layout_set_width (layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, 0);
  pango_layout_get_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The pattern of a scoring word, in black on white, so that it reads on a
 * greyscale printer: cross-hatched, diagonal lines, level lines, dots, and
 * solid for the top word. */
static void
draw_swatch (cairo_t *cr,
             double   x,
             double   y,
             int      bucket)
{
  double s = SWATCH;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, s, s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke_preserve (cr);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.9);
  switch (bucket)
    {
    case 0:
    case 1:
      for (double d = -s; d < s; d += bucket == 0 ? 3.0 : 4.0)
        {
          cairo_move_to (cr, x + d, y + s);
          cairo_line_to (cr, x + d + s, y);
          if (bucket == 0)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + s, y + s);
            }
        }
      cairo_stroke (cr);
      break;
    case 2:
      for (double d = 2; d < s; d += 3.0)
        {
          cairo_move_to (cr, x, y + d);
          cairo_line_to (cr, x + s, y + d);
        }
      cairo_stroke (cr);
      break;
    case 3:
      for (double dy = 2.5; dy < s; dy += 3.5)
        for (double dx = 2.5; dx < s; dx += 3.5)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + dx, y + dy, 0.9, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    default:
      cairo_paint (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_heat_cell (cairo_t *cr,
                double   x,
                double   y,
                double   w,
                double   h,
                double   mean,
                gboolean bold)
{
  int bucket;
  g_autofree char *number = NULL;

  if (isnan (mean))
    {
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      show_text (cr, "–", x, y + h / 2, w, 8.5, FALSE, PANGO_ALIGN_CENTER);
      return;
    }
  bucket = score_bucket (mean);
  cairo_set_source_rgb (cr, heat_colours[bucket][0], heat_colours[bucket][1],
                        heat_colours[bucket][2]);
  cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
  cairo_fill (cr);
  draw_swatch (cr, x + 4, y + (h - SWATCH) / 2, bucket);
  number = g_strdup_printf ("%.1f", mean);
  if (bucket >= 3)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  show_text (cr, number, x + SWATCH + 6, y + h / 2, w - SWATCH - 8, 9, bold, PANGO_ALIGN_CENTER);
}

/**
 * tandem_standards_draw_heatmap:
 * @cr: where to draw, with the origin at the heatmap's top left
 * @width: the width to fill
 * @report: a team's figures
 *
 * Draws the standards × rounds heatmap of the latest rounds (up to six):
 * each cell the mean score of everyone who answered, written as a number,
 * coloured from light to dark, and marked with its scoring word's pattern,
 * so it reads without colour; the last row is each round's average. A
 * legend of the words follows. Its height is
 * tandem_standards_heatmap_height().
 */
void
tandem_standards_draw_heatmap (cairo_t                     *cr,
                               double                       width,
                               const TandemStandardsReport *report)
{
  const TandemStandardsFramework *framework = report->framework;
  guint n = tandem_standards_heatmap_n_rounds (report);
  guint first = report->rounds->len - n;
  guint n_standards = framework->standards->len;
  double name_w = heat_name_width (width);
  double column_w = heat_column_width (report, width);
  double legend_y = HEAT_TITLE + HEAT_HEAD + (n_standards + 1) * HEAT_ROW + 8;
  double legend_w;
  g_autofree char *title = NULL;

  cairo_save (cr);
  if (report->rounds->len > n)
    title = g_strdup_printf (_("Mean score per standard, the latest %u of %u rounds"), n,
                             report->rounds->len);
  else
    title = g_strdup (_("Mean score per standard, round by round"));
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, title, 0, HEAT_TITLE / 2, width, 10, TRUE, PANGO_ALIGN_LEFT);

  for (guint c = 0; c < n; c++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[first + c];
      g_autofree char *who = g_strdup_printf (_("%u staff · %u LE"), round->n_staff,
                                              round->n_lived);
      double x = name_w + c * column_w;

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, round->round->date, x, HEAT_TITLE + HEAT_HEAD * 0.32, column_w, 8.5, TRUE,
                 PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      show_text (cr, who, x, HEAT_TITLE + HEAT_HEAD * 0.72, column_w, 7, FALSE,
                 PANGO_ALIGN_CENTER);
    }

  for (guint s = 0; s <= n_standards; s++)
    {
      double y = HEAT_TITLE + HEAT_HEAD + s * HEAT_ROW;
      gboolean average = s == n_standards;
      const char *name = average ? _("Average")
                                 : ((TandemStandard *) framework->standards->pdata[s])->title;

      if (s % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.965, 0.965, 0.965);
          cairo_rectangle (cr, 0, y, name_w, HEAT_ROW);
          cairo_fill (cr);
        }
      if (average)
        {
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, 0, y);
          cairo_line_to (cr, name_w + n * column_w, y);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, name, 2, y + HEAT_ROW / 2, name_w - 6, 8.5, average, PANGO_ALIGN_LEFT);
      for (guint c = 0; c < n; c++)
        {
          const TandemRoundFigures *round = report->rounds->pdata[first + c];
          double mean = average ? round->average
                                : ((TandemStandardFigures *) round->standards->pdata[s])->mean;

          draw_heat_cell (cr, name_w + c * column_w, y, column_w, HEAT_ROW, mean, average);
        }
    }

  /* The legend: each word's colour and pattern. */
  legend_w = width / TANDEM_STANDARDS_SCORE_MAX;
  for (int i = 0; i < TANDEM_STANDARDS_SCORE_MAX; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d %s", i + 1, framework->words[i]);
      double x = i * legend_w;

      cairo_set_source_rgb (cr, heat_colours[i][0], heat_colours[i][1], heat_colours[i][2]);
      cairo_rectangle (cr, x, legend_y, SWATCH * 2 + 4, SWATCH + 4);
      cairo_fill (cr);
      draw_swatch (cr, x + 2, legend_y + 2, i);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, label, x + SWATCH * 2 + 8, legend_y + SWATCH / 2 + 2,
                 legend_w - SWATCH * 2 - 10, 8, FALSE, PANGO_ALIGN_LEFT);
    }
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (cr, _("A mean is given the word of the nearest whole score; “–”: not scored. "
                   "LE: people with lived experience."),
             0, legend_y + SWATCH + 14, width, 7.5, FALSE, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Staff and lived-experience views                                         */

static double
gaps_height (const TandemStandardsReport *report)
{
  return GAP_TITLE + GAP_HEAD + report->framework->standards->len * GAP_ROW + GAP_LEGEND;
}

static void
draw_marker (cairo_t  *cr,
             double    x,
             double    y,
             gboolean  staff)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.6);
  if (staff)
    {
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.11, 0.37, 0.62);
      cairo_fill (cr);
    }
  else
    {
      /* open, so a staff dot at the same score shows through */
      cairo_rectangle (cr, x - 4, y - 4, 8, 8);
      cairo_set_source_rgb (cr, 0.75, 0.33, 0.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_gaps (cairo_t                     *cr,
           double                       width,
           const TandemStandardsReport *report)
{
  const TandemStandardsFramework *framework = report->framework;
  const TandemRoundFigures *round = latest_round (report);
  double name_w = MIN (130, width * 0.26);
  double number_w = 58;
  double axis_x0 = name_w + 3 * number_w + 24;
  double axis_x1 = width - 10;
  double top = GAP_TITLE + GAP_HEAD;
  double bottom = top + framework->standards->len * GAP_ROW;
  const char *heads[] = { N_("Staff (n)"), N_("LE (n)"), N_("Gap") };
  g_autofree char *title = NULL;

  if (round == NULL)
    return;
  title = g_strdup_printf (_("Staff and lived-experience means, round of %s"), round->round->date);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, title, 0, GAP_TITLE / 2, width, 10, TRUE, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    show_text (cr, _(heads[i]), name_w + i * number_w, GAP_TITLE + GAP_HEAD / 2, number_w - 4,
               8, TRUE, PANGO_ALIGN_RIGHT);

  /* The axis, 1 to 5, with each score's word. */
  for (int score = TANDEM_STANDARDS_SCORE_MIN; score <= TANDEM_STANDARDS_SCORE_MAX; score++)
    {
      double x = axis_x0 + (axis_x1 - axis_x0) * (score - 1) / 4.0;
      g_autofree char *label = g_strdup_printf ("%d", score);

      cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_text (cr, label, x - 20, GAP_TITLE + GAP_HEAD * 0.3, 40, 7.5, TRUE, PANGO_ALIGN_CENTER);
      /* The words where there is room; the heatmap's legend has them too. */
      if ((axis_x1 - axis_x0) / 4 >= 50)
        show_text (cr, framework->words[score - 1], x - 30, GAP_TITLE + GAP_HEAD * 0.72, 60, 6.5,
                   FALSE, PANGO_ALIGN_CENTER);
    }

  for (guint s = 0; s < framework->standards->len; s++)
    {
      const TandemStandard *standard = framework->standards->pdata[s];
      const TandemStandardFigures *one = round->standards->pdata[s];
      double y = top + s * GAP_ROW + GAP_ROW / 2;
      g_autofree char *staff = isnan (one->staff_mean) ? g_strdup ("–")
                               : g_strdup_printf ("%.1f (%u)", one->staff_mean, one->n_staff);
      g_autofree char *lived = isnan (one->lived_mean) ? g_strdup ("–")
                               : g_strdup_printf ("%.1f (%u)", one->lived_mean, one->n_lived);
      g_autofree char *gap = gap_text (one->gap);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, standard->title, 0, y, name_w - 6, 8.5, FALSE, PANGO_ALIGN_LEFT);
      show_text (cr, staff, name_w, y, number_w - 4, 8.5, FALSE, PANGO_ALIGN_RIGHT);
      show_text (cr, lived, name_w + number_w, y, number_w - 4, 8.5, FALSE, PANGO_ALIGN_RIGHT);
      show_text (cr, gap, name_w + 2 * number_w, y, number_w - 4, 8.5,
                 !isnan (one->gap) && fabs (one->gap) >= 1.0, PANGO_ALIGN_RIGHT);
      if (!isnan (one->gap))
        {
          double xs = axis_x0 + (axis_x1 - axis_x0) * (one->staff_mean - 1) / 4.0;
          double xl = axis_x0 + (axis_x1 - axis_x0) * (one->lived_mean - 1) / 4.0;

          cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, xs, y);
          cairo_line_to (cr, xl, y);
          cairo_stroke (cr);
        }
      if (!isnan (one->staff_mean))
        draw_marker (cr, axis_x0 + (axis_x1 - axis_x0) * (one->staff_mean - 1) / 4.0, y, TRUE);
      if (!isnan (one->lived_mean))
        draw_marker (cr, axis_x0 + (axis_x1 - axis_x0) * (one->lived_mean - 1) / 4.0, y, FALSE);
    }

  draw_marker (cr, 5, bottom + GAP_LEGEND / 2, TRUE);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, _("Staff"), 14, bottom + GAP_LEGEND / 2, 80, 8, FALSE, PANGO_ALIGN_LEFT);
  draw_marker (cr, 105, bottom + GAP_LEGEND / 2, FALSE);
  show_text (cr, _("LE: people with lived experience (experts by experience, partners, carers); "
                   "scores 1 to 5"),
             114, bottom + GAP_LEGEND / 2, width - 114,
             8, FALSE, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* The pack's column of blocks                                              */

typedef struct
{
  TandemStandardsPack *pack;
  TandemFlowingText   *flow;
  double               body_width;
} Builder;

static void
say (Builder    *b,
     const char *text,
     double      size,
     gboolean    bold,
     guint32     rgb)
{
  if (b->flow == NULL)
    b->flow = tandem_flowing_text_new (b->body_width);
  tandem_flowing_text_add (b->flow, text, size, bold, rgb);
}

static void
sayf (Builder    *b,
      double      size,
      gboolean    bold,
      guint32     rgb,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

static void
sayf (Builder    *b,
      double      size,
      gboolean    bold,
      guint32     rgb,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  say (b, text, size, bold, rgb);
}

static void
add_block (Builder     *b,
           BlockKind    kind,
           TandemChart *chart)
{
  Block block = { BLOCK_TEXT, NULL, NULL };

  if (b->flow != NULL)
    {
      block.flow = g_steal_pointer (&b->flow);
      g_array_append_val (b->pack->blocks, block);
    }
  if (kind == BLOCK_TEXT)
    return;
  block.kind = kind;
  block.flow = NULL;
  block.chart = chart;
  g_array_append_val (b->pack->blocks, block);
}

static void
heading (Builder    *b,
         const char *text)
{
  say (b, "", BODY_SIZE * 0.6, FALSE, TEXT_INK);
  say (b, text, BODY_SIZE * 1.5, TRUE, HEADING_INK);
}

static void
add_cover (Builder *b)
{
  const TandemStandardsReport *report = b->pack->report;
  const TandemStandardsLevel *level = report->level;
  const TandemRoundFigures *latest = latest_round (report);

  say (b, _("Culture of Care accreditation pack"), 24, TRUE, HEADING_INK);
  say (b, report->team_name, 18, TRUE, TEXT_INK);
  say (b, "", BODY_SIZE, FALSE, TEXT_INK);

  if (latest == NULL)
    say (b, _("Level: not yet assessed. The team has no self-assessment round, so there are "
              "no scores, no average and no level in this pack."), 14, TRUE, TEXT_INK);
  else if (level->level == TANDEM_STANDARD_LEVEL_NONE)
    sayf (b, 14, TRUE, TEXT_INK, _("Level: below Bronze (average %.2f in the round of %s)"),
          level->average, latest->round->date);
  else if (level->unevidenced->len == 0 && latest->completion_met)
    sayf (b, 14, TRUE, TEXT_INK, _("Level: %s (average %.2f in the round of %s)"),
          tandem_standard_level_get_label (level->level), level->average, latest->round->date);
  else
    {
      /* The scores alone are not the level: every standard must be
       * evidenced, and the round must count (75% of the staff). */
      sayf (b, 14, TRUE, TEXT_INK, _("Scores reach %s (average %.2f in the round of %s), "
                                     "not yet the level"),
            tandem_standard_level_get_label (level->level), level->average, latest->round->date);
      if (level->unevidenced->len > 0)
        sayf (b, BODY_SIZE, FALSE, TEXT_INK,
              ngettext ("%u standard has no evidence yet, and every standard must be evidenced "
                        "at every level.",
                        "%u standards have no evidence yet, and every standard must be evidenced "
                        "at every level.", level->unevidenced->len),
              level->unevidenced->len);
      if (!latest->completion_met)
        say (b, _("Fewer than 75% of the staff took part in the latest round, or its headcount "
                  "is not known, so the round does not count yet."), BODY_SIZE, FALSE, TEXT_INK);
    }
  if (latest != NULL)
    say (b, level->sustained_outcomes
            ? _("Sustained outcomes: shown by a linked measure's chart.")
            : _("Sustained outcomes: not yet shown by any linked measure's chart."),
         BODY_SIZE, FALSE, TEXT_INK);

  heading (b, _("Self-assessment rounds"));
  if (report->rounds->len == 0)
    say (b, _("None yet."), BODY_SIZE, FALSE, TEXT_INK);
  for (guint i = 0; i < report->rounds->len; i++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[i];
      g_autofree char *completion = NULL;
      g_autofree char *average = mean_text (report, round->average);

      if (isnan (round->completion))
        completion = g_strdup_printf (_("%u staff (headcount not known, so the 75%% rule "
                                        "cannot be checked)"), round->n_staff);
      else
        completion = g_strdup_printf (_("%u of %d staff (%.0f%%): the 75%% rule is %s"),
                                      round->n_staff, round->round->headcount,
                                      100 * round->completion,
                                      round->completion_met ? _("met") : _("not met"));
      sayf (b, BODY_SIZE, FALSE, TEXT_INK,
            _("• %s: %s; %u with lived experience; average %s"), round->round->date, completion,
            round->n_lived, average);
    }

  heading (b, _("Panel reviews"));
  if (report->panels->len == 0)
    say (b, _("None yet."), BODY_SIZE, FALSE, TEXT_INK);
  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *panel = report->panels->pdata[i];

      sayf (b, BODY_SIZE, FALSE, TEXT_INK, _("• %s: %s; next review %s"), panel->date,
            tandem_panel_decision_get_label (panel->decision),
            panel->next_review_on ? panel->next_review_on : _("not set"));
    }

  if (report->priorities->len > 0)
    {
      heading (b, _("Priority standards for the improvement phase"));
      for (guint i = 0; i < report->priorities->len; i++)
        {
          const TandemPriority *priority = report->priorities->pdata[i];

          sayf (b, BODY_SIZE, FALSE, TEXT_INK,
                ngettext ("• %s, linked to %u item of the driver diagram",
                          "• %s, linked to %u items of the driver diagram",
                          priority->node_ids->len),
                standard_title (report, priority->standard_id), priority->node_ids->len);
        }
    }

  if (latest != NULL && level->next_level != TANDEM_STANDARD_LEVEL_NONE)
    {
      g_autofree char *title = g_strdup_printf (_("What %s needs"),
                                                tandem_standard_level_get_label (level->next_level));
      heading (b, title);
      if (level->missing->len == 0)
        say (b, _("Nothing is missing but the average."), BODY_SIZE, FALSE, TEXT_INK);
      for (guint i = 0; i < level->missing->len; i++)
        sayf (b, BODY_SIZE, FALSE, TEXT_INK, "• %s", (char *) level->missing->pdata[i]);
    }
  if (level->escalations->len > 0)
    {
      heading (b, _("Below Bronze: what follows"));
      for (guint i = 0; i < level->escalations->len; i++)
        sayf (b, BODY_SIZE, FALSE, TEXT_INK, "• %s", (char *) level->escalations->pdata[i]);
    }
  say (b, "", BODY_SIZE, FALSE, TEXT_INK);
  say (b, _("Every figure in this pack is worked out from the data in the team's project file."),
       BODY_SIZE * 0.85, FALSE, QUIET_INK);
  add_block (b, BLOCK_BREAK, NULL);
}

/* The sentences of the largest gaps between staff and lived experience. */
static void
add_gap_sentences (Builder *b)
{
  const TandemStandardsReport *report = b->pack->report;
  const TandemRoundFigures *round = latest_round (report);
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  const TandemStandardFigures *widest = NULL;
  guint said = 0;

  if (round == NULL)
    return;
  for (guint s = 0; s < round->standards->len; s++)
    {
      const TandemStandardFigures *one = round->standards->pdata[s];

      if (isnan (one->gap))
        continue;
      g_ptr_array_add (both, (gpointer) one);
      if (widest == NULL || fabs (one->gap) > fabs (widest->gap))
        widest = one;
    }
  if (widest == NULL)
    {
      say (b, _("No standard was scored by both staff and people with lived experience in the "
                "latest round, so there is no gap to show."), BODY_SIZE, FALSE, TEXT_INK);
      return;
    }
  for (guint s = 0; s < both->len; s++)
    {
      const TandemStandardFigures *one = both->pdata[s];

      if (fabs (one->gap) < 1.0)
        continue;
      sayf (b, BODY_SIZE, FALSE, TEXT_INK,
            _("• %s: staff score it %.1f (%s) and people with lived experience %.1f (%s): "
              "a gap of %.1f, a conversation to have."),
            standard_title (report, one->standard_id),
            one->staff_mean, tandem_standards_framework_word (report->framework, one->staff_mean),
            one->lived_mean, tandem_standards_framework_word (report->framework, one->lived_mean),
            fabs (one->gap));
      said++;
    }
  if (said == 0)
    sayf (b, BODY_SIZE, FALSE, TEXT_INK,
          _("Staff and people with lived experience are within a point of each other on every "
            "standard both scored; the widest is %s, a gap of %.1f."),
          standard_title (report, widest->standard_id), fabs (widest->gap));
}

static void
add_evidence_item (Builder                  *b,
                   const TandemEvidenceItem *item,
                   gboolean                  with_standard)
{
  const TandemStandardsReport *report = b->pack->report;
  const TandemEvidence *evidence = item->evidence;
  g_autofree char *title = evidence->title && *evidence->title
                           ? g_strdup_printf (" (%s)", evidence->title) : g_strdup ("");

  if (with_standard)
    {
      const char *standard = standard_title (report, evidence->standard_id);
      g_autofree char *what = NULL;

      /* Given in full under its standard; here a long note is its start. */
      if (g_utf8_strlen (item->what, -1) > SHORT_WHAT)
        {
          g_autofree char *start = g_utf8_substring (item->what, 0, SHORT_WHAT);
          char *space = strrchr (start, ' ');

          if (space != NULL && space > start + SHORT_WHAT / 2)
            *space = '\0';
          what = g_strdup_printf (_("%s… (in full under %s)"), start, standard);
        }
      sayf (b, BODY_SIZE, FALSE, TEXT_INK, _("• %s — %s%s: %s"), standard,
            what ? what : item->what, title, level_label (item->level));
    }
  else
    sayf (b, BODY_SIZE, FALSE, TEXT_INK, _("• %s — %s%s: %s"),
          type_title (report, evidence->type_id), item->what, title, level_label (item->level));
  if (evidence->reference)
    sayf (b, BODY_SIZE * 0.9, FALSE, QUIET_INK, _("    Held at %s (not copied in)"),
          evidence->reference);
}

static void
add_standard (Builder *b,
              guint    index)
{
  TandemStandardsPack *pack = b->pack;
  const TandemStandardsReport *report = pack->report;
  const TandemStandard *standard = report->framework->standards->pdata[index];
  const TandemRoundFigures *latest = latest_round (report);
  g_autoptr(GString) scores = g_string_new (NULL);
  gboolean any = FALSE;

  say (b, "", BODY_SIZE, FALSE, TEXT_INK);
  sayf (b, BODY_SIZE * 1.35, TRUE, HEADING_INK, "%u. %s", index + 1, standard->title);
  if (standard->hints && *standard->hints)
    sayf (b, BODY_SIZE * 0.9, FALSE, QUIET_INK, _("Evidence areas: %s"), standard->hints);

  for (guint r = 0; r < report->rounds->len; r++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[r];
      const TandemStandardFigures *one = round->standards->pdata[index];
      g_autofree char *mean = mean_text (report, one->mean);

      g_string_append_printf (scores, "%s%s %s", r ? " · " : "", round->round->date, mean);
    }
  if (report->rounds->len == 0)
    say (b, _("Scores: no self-assessment round yet."), BODY_SIZE, FALSE, TEXT_INK);
  else
    {
      const TandemStandardFigures *one = latest->standards->pdata[index];
      g_autofree char *staff = mean_text (report, one->staff_mean);
      g_autofree char *lived = mean_text (report, one->lived_mean);
      g_autofree char *gap = gap_text (one->gap);

      sayf (b, BODY_SIZE, FALSE, TEXT_INK, _("Scores by round: %s"), scores->str);
      sayf (b, BODY_SIZE, FALSE, TEXT_INK,
            _("Latest round: staff %s from %u; lived experience %s from %u; gap %s."),
            staff, one->n_staff, lived, one->n_lived, gap);
    }
  for (guint i = 0; i < report->priorities->len; i++)
    if (g_strcmp0 (((TandemPriority *) report->priorities->pdata[i])->standard_id,
                   standard->id) == 0)
      say (b, _("A priority standard for the improvement phase."), BODY_SIZE, TRUE, TEXT_INK);

  say (b, _("Evidence"), BODY_SIZE * 1.05, TRUE, TEXT_INK);
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];
      TandemChart *chart = pack->chart_of_item->pdata[i];

      if (g_strcmp0 (item->evidence->standard_id, standard->id) != 0)
        continue;
      any = TRUE;
      add_evidence_item (b, item, FALSE);
      if (item->judgement != NULL)
        {
          const TandemMeasureJudgement *j = item->judgement;

          sayf (b, BODY_SIZE, TRUE, TEXT_INK, _("    Its chart shows: %s"),
                j->sustained ? _("an improvement sustained for 12 months or more")
                : j->shift ? _("a shift or trend in the improving direction")
                : j->baseline ? _("a baseline established") : _("no baseline yet"));
          sayf (b, BODY_SIZE * 0.95, FALSE, TEXT_INK, _("    Baseline: %s"), j->baseline_reason);
          sayf (b, BODY_SIZE * 0.95, FALSE, TEXT_INK, _("    Shift or trend: %s"), j->shift_reason);
          sayf (b, BODY_SIZE * 0.95, FALSE, TEXT_INK, _("    Sustained: %s"), j->sustained_reason);
        }
      if (chart != NULL)
        add_block (b, BLOCK_CHART, chart);
    }
  if (!any)
    say (b, _("No evidence yet: every standard must be evidenced at every level."), BODY_SIZE,
         TRUE, 0xa33a00);
}

static void
add_type_section (Builder    *b,
                  const char *type_id,
                  const char *title)
{
  const TandemStandardsReport *report = b->pack->report;
  const TandemEvidenceType *type = tandem_standards_framework_find_type (report->framework,
                                                                        type_id);
  gboolean any = FALSE;

  heading (b, type ? type->title : title);
  if (type != NULL)
    sayf (b, BODY_SIZE * 0.9, FALSE, QUIET_INK, _("Bronze: %s. Silver: %s. Gold: %s."),
          type->asks[0], type->asks[1], type->asks[2]);
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];

      if (g_strcmp0 (item->evidence->type_id, type_id) != 0)
        continue;
      any = TRUE;
      add_evidence_item (b, item, TRUE);
    }
  if (!any)
    say (b, _("None linked yet."), BODY_SIZE, FALSE, TEXT_INK);
}

static void
build (TandemStandardsPack *pack)
{
  const TandemStandardsReport *report = pack->report;
  Builder b = { pack, NULL, pack->width - 2 * MARGIN };

  add_cover (&b);

  say (&b, _("Self-assessment"), BODY_SIZE * 1.5, TRUE, HEADING_INK);
  if (report->rounds->len == 0)
    say (&b, _("No self-assessment round yet: add one on the Standards page or with "
               "“tandem-cli standards round add”, then score it or import a survey."),
         BODY_SIZE, FALSE, TEXT_INK);
  else
    {
      say (&b, _("Each cell is the mean score of everyone who answered, written as a number, "
                 "shaded from light (the lowest word) to dark (the highest), and marked with "
                 "its word's pattern, so it reads in black and white."),
           BODY_SIZE, FALSE, TEXT_INK);
      add_block (&b, BLOCK_HEATMAP, NULL);
      heading (&b, _("Staff and lived-experience views"));
      add_gap_sentences (&b);
      add_block (&b, BLOCK_GAPS, NULL);
      add_block (&b, BLOCK_BREAK, NULL);
    }

  heading (&b, _("The standards"));
  for (guint s = 0; s < report->framework->standards->len; s++)
    add_standard (&b, s);

  add_type_section (&b, "coc-evidence-coproduction", _("Co-production"));
  add_type_section (&b, "coc-evidence-governance", _("Governance"));

  heading (&b, _("Panel record"));
  if (report->panels->len == 0)
    say (&b, _("No panel review yet."), BODY_SIZE, FALSE, TEXT_INK);
  for (guint i = 0; i < report->panels->len; i++)
    {
      const TandemPanelReview *panel = report->panels->pdata[i];

      say (&b, "", BODY_SIZE * 0.5, FALSE, TEXT_INK);
      sayf (&b, BODY_SIZE, TRUE, TEXT_INK, _("%s: %s"), panel->date,
            tandem_panel_decision_get_label (panel->decision));
      if (panel->members && *panel->members)
        sayf (&b, BODY_SIZE, FALSE, TEXT_INK, _("Panel: %s"), panel->members);
      if (panel->conditions && *panel->conditions)
        sayf (&b, BODY_SIZE, FALSE, TEXT_INK, _("Conditions: %s"), panel->conditions);
      sayf (&b, BODY_SIZE, FALSE, TEXT_INK, _("Next review: %s"),
            panel->next_review_on ? panel->next_review_on : _("not set"));
    }
  add_block (&b, BLOCK_TEXT, NULL);
}

static double
block_height (TandemStandardsPack *pack,
              const Block         *block)
{
  switch (block->kind)
    {
    case BLOCK_HEATMAP:
      return tandem_standards_heatmap_height (pack->report);
    case BLOCK_GAPS:
      return gaps_height (pack->report);
    case BLOCK_CHART:
      return CHART_HEIGHT;
    case BLOCK_TEXT:
      return tandem_flowing_text_get_height (block->flow);
    case BLOCK_BREAK:
    default:
      return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* The pack                                                                 */

/**
 * tandem_standards_pack_new:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Gathers a team's figures (tandem_standards_report()) and the charts of
 * the measures linked as evidence.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 */
TandemStandardsPack *
tandem_standards_pack_new (TandemProject  *project,
                           const char     *team_id,
                           GError        **error)
{
  g_autoptr(TandemStandardsReport) report = tandem_standards_report (project, team_id, error);
  TandemStandardsPack *pack;

  if (report == NULL)
    return NULL;
  pack = g_new0 (TandemStandardsPack, 1);
  pack->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_chart_free);
  pack->chart_of_item = g_ptr_array_new ();
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];
      TandemChart *chart = NULL;

      if (item->evidence->measure_id != NULL)
        {
          TandemMeasure *measure = tandem_measure_load (project, item->evidence->measure_id,
                                                        error);
          if (measure == NULL)
            {
              tandem_standards_pack_free (pack);
              return NULL;
            }
          chart = tandem_chart_new (measure);
          tandem_measure_unref (measure);
          tandem_chart_set_style (chart, TANDEM_CHART_STYLE_PRINT);
          g_ptr_array_add (pack->charts, chart);
        }
      g_ptr_array_add (pack->chart_of_item, chart);
    }
  pack->report = g_steal_pointer (&report);
  return pack;
}

void
tandem_standards_pack_free (TandemStandardsPack *pack)
{
  if (pack == NULL)
    return;
  g_clear_pointer (&pack->report, tandem_standards_report_free);
  g_ptr_array_unref (pack->chart_of_item);
  g_ptr_array_unref (pack->charts);
  if (pack->blocks)
    g_array_unref (pack->blocks);
  if (pack->pieces)
    g_array_unref (pack->pieces);
  g_free (pack);
}

/**
 * tandem_standards_pack_get_report:
 * @pack: a pack
 *
 * Returns: (transfer none): the figures it draws
 */
const TandemStandardsReport *
tandem_standards_pack_get_report (TandemStandardsPack *pack)
{
  return pack->report;
}

static void
add_piece (TandemStandardsPack *pack,
           guint                block,
           guint                page,
           double               y,
           double               from,
           double               to)
{
  Piece piece = { block, page, y, from, to };

  g_array_append_val (pack->pieces, piece);
}

/**
 * tandem_standards_pack_paginate:
 * @pack: a pack
 * @width: the page width, in points
 * @height: the page height, in points
 *
 * Lays the pack out for pages of this size: the cover on a page of its
 * own, text broken between lines, and each picture on the page it fits.
 *
 * Returns: how many pages it takes
 */
guint
tandem_standards_pack_paginate (TandemStandardsPack *pack,
                                double               width,
                                double               height)
{
  double room = height - 2 * MARGIN - FOOTER;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (double));
  guint page = 0;
  double y = 0;

  if (pack->blocks && pack->width == width && pack->height == height)
    return pack->n_pages;
  pack->width = width;
  pack->height = height;
  if (pack->blocks)
    g_array_unref (pack->blocks);
  if (pack->pieces)
    g_array_unref (pack->pieces);
  pack->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (pack->blocks, block_clear);
  pack->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  build (pack);

  for (guint i = 0; i < pack->blocks->len; i++)
    {
      const Block *block = &g_array_index (pack->blocks, Block, i);
      double h = block_height (pack, block);

      if (block->kind == BLOCK_BREAK)
        {
          if (y > 0)
            {
              page++;
              y = 0;
            }
          continue;
        }
      if (block->kind == BLOCK_TEXT)
        {
          guint n;

          if (y > 0 && room - y < MIN_ROOM)
            {
              page++;
              y = 0;
            }
          n = tandem_flowing_text_paginate (block->flow, room - y, room, starts, ends);
          for (guint p = 0; p < n; p++)
            add_piece (pack, i, page + p, p == 0 ? y : 0, g_array_index (starts, double, p),
                       g_array_index (ends, double, p));
          if (n > 1)
            y = 0;
          page += n - 1;
          y += g_array_index (ends, double, n - 1) - g_array_index (starts, double, n - 1)
               + BLOCK_GAP / 2;
          continue;
        }
      if (y > 0 && y + h > room)
        {
          page++;
          y = 0;
        }
      add_piece (pack, i, page, y, 0, h);
      y += h + BLOCK_GAP;
    }
  pack->n_pages = page + 1;
  return pack->n_pages;
}

/**
 * tandem_standards_pack_draw_page:
 * @cr: where to draw, in points
 * @width: the page width
 * @height: the page height
 * @page_nr: which page, from 0
 * @pack: (type TandemStandardsPack): the pack
 *
 * Draws one page of the pack: the one function for the screen, printing,
 * PDF files and the command line (a #TandemDrawPageFunc).
 */
void
tandem_standards_pack_draw_page (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 guint     page_nr,
                                 gpointer  data)
{
  TandemStandardsPack *pack = data;
  double body_width = width - 2 * MARGIN;
  g_autofree char *footer = NULL;

  tandem_standards_pack_paginate (pack, width, height);
  if (page_nr >= pack->n_pages)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < pack->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pack->pieces, Piece, i);
      const Block *block = &g_array_index (pack->blocks, Block, piece->block);

      if (piece->page != page_nr)
        continue;
      if (block->kind == BLOCK_TEXT)
        {
          tandem_flowing_text_draw (block->flow, cr, MARGIN, MARGIN + piece->y, piece->from,
                                    piece->to);
          continue;
        }
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN + piece->y);
      if (block->kind == BLOCK_HEATMAP)
        tandem_standards_draw_heatmap (cr, body_width, pack->report);
      else if (block->kind == BLOCK_GAPS)
        draw_gaps (cr, body_width, pack->report);
      else if (block->kind == BLOCK_CHART)
        tandem_chart_draw (block->chart, cr, body_width, CHART_HEIGHT);
      cairo_restore (cr);
    }

  footer = g_strdup_printf (_("Accreditation pack: %s · page %u of %u"), pack->report->team_name,
                            page_nr + 1, pack->n_pages);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (cr, footer, MARGIN, height - MARGIN + 6, body_width, 8, FALSE, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}

static gboolean
find_block (TandemStandardsPack *pack,
            BlockKind            kind,
            TandemChart         *chart,
            guint               *page_nr,
            double              *y)
{
  for (guint i = 0; i < pack->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pack->pieces, Piece, i);
      const Block *block = &g_array_index (pack->blocks, Block, piece->block);

      if (block->kind == kind && (chart == NULL || block->chart == chart))
        {
          *page_nr = piece->page;
          *y = MARGIN + piece->y;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * tandem_standards_pack_get_n_charts:
 * @pack: a pack
 *
 * Returns: how many measures' charts it draws
 */
guint
tandem_standards_pack_get_n_charts (TandemStandardsPack *pack)
{
  return pack->charts->len;
}

/**
 * tandem_standards_pack_get_chart_place:
 * @pack: a pack, paginated
 * @chart_nr: which chart, from 0
 * @page_nr: (out): the page it is on
 * @x: (out): its left, in points from the page's
 * @y: (out): its top
 * @width: (out): its width
 * @height: (out): its height
 *
 * Returns: whether the pack draws that chart
 */
gboolean
tandem_standards_pack_get_chart_place (TandemStandardsPack *pack,
                                       guint                chart_nr,
                                       guint               *page_nr,
                                       double              *x,
                                       double              *y,
                                       double              *width,
                                       double              *height)
{
  if (pack->pieces == NULL || chart_nr >= pack->charts->len ||
      !find_block (pack, BLOCK_CHART, pack->charts->pdata[chart_nr], page_nr, y))
    return FALSE;
  *x = MARGIN;
  *width = pack->width - 2 * MARGIN;
  *height = CHART_HEIGHT;
  return TRUE;
}

/**
 * tandem_standards_pack_get_heatmap_place:
 * @pack: a pack, paginated
 * @page_nr: (out): the page the heatmap is on
 * @x: (out): its left, in points from the page's
 * @y: (out): its top
 *
 * Its width is the page's less two margins of @x.
 *
 * Returns: whether the pack draws a heatmap (not without rounds)
 */
gboolean
tandem_standards_pack_get_heatmap_place (TandemStandardsPack *pack,
                                         guint               *page_nr,
                                         double              *x,
                                         double              *y)
{
  if (pack->pieces == NULL || !find_block (pack, BLOCK_HEATMAP, NULL, page_nr, y))
    return FALSE;
  *x = MARGIN;
  return TRUE;
}

/**
 * tandem_standards_pack_export:
 * @project: a project
 * @team_id: a team
 * @format: PDF (every page), or SVG or PNG (the cover)
 * @path: the file to write, or “-” for standard output
 * @dpi: a PNG's resolution
 * @confirm: (nullable): asked before the finished file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * Writes a team's accreditation pack on A4 portrait pages.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_standards_pack_export (TandemProject           *project,
                              const char              *team_id,
                              TandemExportFormat       format,
                              const char              *path,
                              double                   dpi,
                              TandemExportConfirmFunc  confirm,
                              gpointer                 confirm_data,
                              GError                 **error)
{
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (project, team_id, error);
  double width, height;
  guint n_pages;

  if (pack == NULL)
    return FALSE;
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_standards_pack_paginate (pack, width, height);
  return tandem_export_pages_confirmed (path, format, width, height,
                                        format == TANDEM_EXPORT_PDF ? n_pages : 1, dpi,
                                        tandem_standards_pack_draw_page, pack,
                                        confirm, confirm_data, error);
}
