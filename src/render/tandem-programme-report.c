/* tandem-programme-report.c — a programme's report (cover, totals, trends
 * by quarter, a page per team, what is missing) drawn with cairo, page by
 * page, for the screen, printing and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-date.h"
#include "tandem-flowing-text.h"
#include "tandem-measure.h"
#include "tandem-programme-report.h"
#include "tandem-render-text-private.h"
#include "tandem-standards-pack.h"

#define MARGIN        42.0     /* points: about 15 mm */
#define FOOTER        22.0
#define ROW           13.5
#define SECTION_GAP   16.0
#define CHART_SCALE   0.7      /* a team's key measure, drawn at 70% */
#define HEAT_ROW      16.0     /* a team's row of the standards heatmap */
#define HEAT_HEADER   112.0    /* the standards' names, turned upright */
#define HEAT_TOP      (60.0 + HEAT_HEADER)  /* the title and note above the rows */
#define TEXT_INK      0x1a1a1a
#define QUIET_INK     0x595959
#define HEADING_INK   0x1c5f9e
#define BAR_INK       0x4a7bab
#define RACE_INK      0x9b3d12    /* race equity: also written in bold */
#define TRACK_INK     0xe6e6e6

/* The pages before the teams' own. */
enum
{
  PAGE_COVER,
  PAGE_TOTALS,
  PAGE_TRENDS,
  N_FIXED_PAGES
};

struct _TandemProgrammeDoc
{
  TandemProgramme   *programme;
  char              *name;
  GPtrArray         *teams;          /* const TandemProgrammeTeam *, not owned */
  GHashTable        *charts;         /* "file\nteam id" → TandemChart of its key measure */
  GHashTable        *chart_problems; /* "file\nteam id" → why it has none */

  /* for the page size last paginated */
  double             width;
  double             height;
  GPtrArray         *heat_teams;     /* const TandemProgrammeTeam * with a standards round */
  GPtrArray         *heat_columns;   /* TandemProgrammeStandardScore: the standards */
  guint              heat_rows;      /* teams on each heatmap page */
  guint              heat_pages;
  TandemFlowingText *missing;
  GArray            *missing_starts; /* of double: layout y at the top of each page */
  GArray            *missing_ends;
  guint              n_pages;
};

/* ------------------------------------------------------------------------ */
/* Words and numbers                                                        */

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* “Interim report: 6 months” or “Evaluation report: 12 months”, from the
 * report's dates. */
static char *
describe_kind (TandemProgramme *programme)
{
  GDate from, to;
  int months;

  if (!parse_day (tandem_programme_get_from (programme), &from) ||
      !parse_day (tandem_programme_get_to (programme), &to))
    return g_strdup (_("Programme report"));
  months = (int) lround ((g_date_days_between (&from, &to) + 1) / 30.4375);
  months = MAX (1, months);
  if (months < 12)
    return g_strdup_printf (ngettext ("Interim report: %d month", "Interim report: %d months",
                                      months), months);
  return g_strdup_printf (ngettext ("Evaluation report: %d month", "Evaluation report: %d months",
                                    months), months);
}

/* The folder the files are in, if they share one. */
static char *
programme_name (TandemProgramme *programme)
{
  GPtrArray *files = tandem_programme_get_files (programme);
  g_autofree char *dir = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];
      g_autofree char *here = g_path_get_dirname (file->path);

      if (dir == NULL)
        dir = g_steal_pointer (&here);
      else if (!g_str_equal (dir, here))
        return g_strdup (_("Programme"));
    }
  if (dir == NULL || g_str_equal (dir, ".") || g_str_equal (dir, G_DIR_SEPARATOR_S))
    {
      g_autofree char *cwd = g_get_current_dir ();

      if (dir == NULL || g_str_equal (dir, G_DIR_SEPARATOR_S))
        return g_strdup (_("Programme"));
      return g_filename_display_basename (cwd);
    }
  return g_filename_display_basename (dir);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static void
set_ink (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
new_layout (cairo_t *cr,
            double   size,
            gboolean bold,
            double   width)
{
  return _tandem_render_page_layout_new (cr, size, bold, MAX (1, width));
}

/* Text from its top left, wrapped to @width, or on one line cut short with
 * “…” if @one_line. Returns the height it took. */
static double
show (cairo_t        *cr,
      const char     *text,
      double          x,
      double          y,
      double          width,
      double          size,
      gboolean        bold,
      guint32         rgb,
      PangoAlignment  align,
      gboolean        one_line)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, size, bold, width);
  int h;

  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_alignment (layout, align);
  if (one_line)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, 0);
    }
  pango_layout_get_size (layout, NULL, &h);
  set_ink (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

static double
heading (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      width)
{
  return show (cr, text, x, y, width, 12, TRUE, HEADING_INK, PANGO_ALIGN_LEFT, FALSE) + 6;
}

/* A table of two columns: what, and its figures. @rows is label, value,
 * label, value… Returns the height it took. */
static double
figures_table (cairo_t            *cr,
               const char * const *rows,
               double              x,
               double              y,
               double              width)
{
  double label_w = width * 0.42;
  double top = y;

  for (guint i = 0; rows[i] != NULL && rows[i + 1] != NULL; i += 2)
    {
      double h_label, h_value, h;

      if ((i / 2) % 2 == 1)
        {
          /* The row's height is known once drawn; the band goes underneath. */
          g_autoptr(PangoLayout) probe = new_layout (cr, 9, FALSE, width - label_w - 8);
          int ph;

          pango_layout_set_text (probe, rows[i + 1], -1);
          pango_layout_get_size (probe, NULL, &ph);
          set_ink (cr, 0xf3f3f3);
          cairo_rectangle (cr, x, y - 2, width, MAX (ROW - 3, (double) ph / PANGO_SCALE) + 4);
          cairo_fill (cr);
        }
      h_label = show (cr, rows[i], x + 4, y, label_w - 8, 9, TRUE, TEXT_INK, PANGO_ALIGN_LEFT,
                      FALSE);
      h_value = show (cr, rows[i + 1], x + label_w, y, width - label_w - 8, 9, FALSE, TEXT_INK,
                      PANGO_ALIGN_LEFT, FALSE);
      h = MAX (MAX (h_label, h_value), ROW - 3);
      y += h + 4;
    }
  return y - top;
}

/* Rows of a label, a bar and the figures written beside it (“12 (6.5%)”):
 * the bar is never the only carrier. @bold_first marks the first row (race
 * equity) in bold and another colour. Returns the height it took. */
static double
share_bars (cairo_t            *cr,
            const char         *title,
            const char * const *labels,
            const guint        *counts,
            guint               n,
            guint               whole,
            gboolean            bold_first,
            double              x,
            double              y,
            double              width)
{
  double top = y;
  double label_w = width * (width < 300 ? 0.45 : 0.42);
  double figure_w = width < 300 ? 62 : 86;
  double bar_w = width - label_w - figure_w - 8;

  if (title != NULL)
    y += show (cr, title, x, y, width, 9.5, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 4;
  if (n == 0)
    {
      y += show (cr, _("None recorded."), x, y, width, 9, FALSE, QUIET_INK, PANGO_ALIGN_LEFT,
                 TRUE) + 4;
      return y - top;
    }
  for (guint i = 0; i < n; i++, y += ROW)
    {
      gboolean bold = bold_first && i == 0;
      g_autofree char *count = tandem_programme_format_count (counts[i]);
      g_autofree char *share = tandem_programme_format_share (counts[i], whole);
      g_autofree char *figure = g_strdup_printf ("%s (%s)", count, share);

      show (cr, labels[i], x, y + 1, label_w - 6, 8.5, bold, TEXT_INK, PANGO_ALIGN_LEFT, TRUE);
      set_ink (cr, TRACK_INK);
      cairo_rectangle (cr, x + label_w, y + 2, bar_w, ROW - 5);
      cairo_fill (cr);
      if (whole > 0 && counts[i] > 0)
        {
          set_ink (cr, bold ? RACE_INK : BAR_INK);
          cairo_rectangle (cr, x + label_w, y + 2, MAX (1, bar_w * counts[i] / whole), ROW - 5);
          cairo_fill (cr);
        }
      show (cr, figure, x + width - figure_w, y + 1, figure_w, 8.5, bold, TEXT_INK,
            PANGO_ALIGN_RIGHT, TRUE);
    }
  return y - top + 4;
}

static double
ideas_by_status (cairo_t     *cr,
                 const guint *statuses,
                 guint        whole,
                 double       x,
                 double       y,
                 double       width)
{
  const char *labels[TANDEM_N_IDEA_STATUSES];

  for (guint i = 0; i < TANDEM_N_IDEA_STATUSES; i++)
    labels[i] = tandem_idea_status_label (i);
  return share_bars (cr, _("Change ideas by status"), labels, statuses, TANDEM_N_IDEA_STATUSES,
                     whole, FALSE, x, y, width);
}

static double
ideas_by_level (cairo_t     *cr,
                const guint *levels,
                guint        whole,
                double       x,
                double       y,
                double       width)
{
  const char *labels[TANDEM_N_COPRODUCTION_LEVELS];

  for (guint i = 0; i < TANDEM_N_COPRODUCTION_LEVELS; i++)
    labels[i] = tandem_coproduction_label (i);
  return share_bars (cr, _("Change ideas by co-production level"), labels, levels,
                     TANDEM_N_COPRODUCTION_LEVELS, whole, FALSE, x, y, width);
}

/* In one column, or two (the first half on the left, race equity at its
 * top). */
static double
ideas_by_focus (cairo_t   *cr,
                GPtrArray *names,
                GArray    *counts,
                guint      whole,
                gboolean   two_columns,
                double     x,
                double     y,
                double     width)
{
  const char *title = _("Equity focus of change ideas (an idea can have several)");
  const char * const *labels = (const char * const *) names->pdata;
  const guint *values = (const guint *) (void *) counts->data;
  gboolean race_first = names->len > 0 &&
                        g_strcmp0 (names->pdata[0], tandem_programme_race_tag_name ()) == 0;
  guint left_n = (names->len + 1) / 2;
  double half = (width - 16) / 2;
  double title_h, left, right;

  if (!two_columns || names->len < 2)
    return share_bars (cr, title, labels, values, names->len, whole, race_first, x, y, width);
  title_h = show (cr, title, x, y, width, 9.5, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 4;
  left = share_bars (cr, NULL, labels, values, left_n, whole, race_first, x, y + title_h, half);
  right = share_bars (cr, NULL, labels + left_n, values + left_n, names->len - left_n, whole,
                      FALSE, x + half + 16, y + title_h, half);
  return title_h + MAX (left, right);
}

/* ------------------------------------------------------------------------ */
/* Trends by quarter                                                        */

typedef enum
{
  TREND_IDEAS,
  TREND_RACE_IDEAS,
  TREND_RACE_SHARE,
  TREND_PDSA,
  TREND_SESSIONS,
  TREND_LE_SHARE,
  N_TRENDS
} Trend;

/* The quarter's figure for @trend; FALSE if it has none (a share of nothing). */
static gboolean
trend_value (const TandemProgrammeQuarter *q,
             Trend                         trend,
             double                       *value,
             char                        **label)
{
  guint part = 0, whole = 0, count = 0;

  switch (trend)
    {
    case TREND_IDEAS: count = q->new_ideas; break;
    case TREND_RACE_IDEAS: count = q->new_race_ideas; break;
    case TREND_PDSA: count = q->pdsa_started; break;
    case TREND_SESSIONS: count = q->sessions; break;
    case TREND_RACE_SHARE: part = q->new_race_ideas; whole = q->new_ideas; break;
    case TREND_LE_SHARE: part = q->sessions_with_lived_experience; whole = q->sessions; break;
    case N_TRENDS:
    default: g_assert_not_reached ();
    }
  if (trend == TREND_RACE_SHARE || trend == TREND_LE_SHARE)
    {
      *label = tandem_programme_format_share (part, whole);
      *value = whole ? 100.0 * part / whole : 0;
      return whole > 0;
    }
  *label = tandem_programme_format_count (count);
  *value = count;
  return TRUE;
}

static const char *
trend_title (Trend trend)
{
  switch (trend)
    {
    case TREND_IDEAS: return _("New change ideas");
    case TREND_RACE_IDEAS: return _("New change ideas tagged race equity");
    case TREND_RACE_SHARE: return _("Share of new change ideas tagged race equity");
    case TREND_PDSA: return _("PDSA cycles started");
    case TREND_SESSIONS: return _("Coaching sessions");
    case TREND_LE_SHARE: return _("Share of sessions with lived experience present");
    case N_TRENDS:
    default: g_assert_not_reached ();
    }
  return NULL;
}

/* One small multiple: a bar per quarter, its figure written above it and
 * the quarter under it, all panels drawn alike. */
static void
trend_panel (cairo_t *cr,
             GArray  *quarters,
             Trend    trend,
             double   x,
             double   y,
             double   width,
             double   height)
{
  double title_h, plot_top, plot_bottom, slot, most = 0;
  double label_size = quarters->len > 8 ? 6.5 : 8;

  set_ink (cr, 0xbdbdbd);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);

  title_h = show (cr, trend_title (trend), x + 6, y + 5, width - 12, 9, TRUE, TEXT_INK,
                  PANGO_ALIGN_LEFT, FALSE);
  plot_top = y + 5 + title_h + 16;
  plot_bottom = y + height - 20;
  slot = (width - 12) / MAX (1, quarters->len);

  for (guint i = 0; i < quarters->len; i++)
    {
      const TandemProgrammeQuarter *q = &g_array_index (quarters, TandemProgrammeQuarter, i);
      g_autofree char *label = NULL;
      double value;

      if (trend_value (q, trend, &value, &label))
        most = MAX (most, value);
    }

  set_ink (cr, 0x8c8c8c);
  cairo_move_to (cr, x + 6, plot_bottom + 0.5);
  cairo_line_to (cr, x + width - 6, plot_bottom + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < quarters->len; i++)
    {
      const TandemProgrammeQuarter *q = &g_array_index (quarters, TandemProgrammeQuarter, i);
      g_autofree char *label = NULL;
      g_autofree char *name = g_strdup_printf ("Q%d %d", q->quarter, q->year);
      double value, bar_h = 0;
      double bx = x + 6 + i * slot;
      double bw = slot * 0.62;
      gboolean has = trend_value (q, trend, &value, &label);

      if (has && most > 0)
        bar_h = (plot_bottom - plot_top) * value / most;
      if (bar_h > 0)
        {
          set_ink (cr, trend == TREND_RACE_IDEAS || trend == TREND_RACE_SHARE
                       ? RACE_INK : BAR_INK);
          cairo_rectangle (cr, bx + (slot - bw) / 2, plot_bottom - bar_h, bw, bar_h);
          cairo_fill (cr);
        }
      show (cr, label, bx, plot_bottom - bar_h - label_size - 5, slot, label_size, TRUE,
            has ? TEXT_INK : QUIET_INK, PANGO_ALIGN_CENTER, TRUE);
      show (cr, name, bx, plot_bottom + 3, slot, label_size, FALSE, QUIET_INK,
            PANGO_ALIGN_CENTER, TRUE);
    }
}

/* ------------------------------------------------------------------------ */
/* What is missing                                                          */

static TandemFlowingText *
missing_flow (TandemProgrammeDoc *doc,
              double              width)
{
  TandemFlowingText *flow = tandem_flowing_text_new (width);
  GPtrArray *files = tandem_programme_get_files (doc->programme);
  guint said = 0;

  tandem_flowing_text_add (flow, _("What is missing"), 16, TRUE, HEADING_INK);
  tandem_flowing_text_add (flow, "", 6, FALSE, TEXT_INK);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];
      g_autofree char *name = g_filename_display_basename (file->path);
      g_autofree char *line = NULL;

      if (file->state == TANDEM_PROGRAMME_FILE_REFUSED)
        line = g_strdup_printf (_("• “%s” could not be read, so its teams are not in these "
                                  "figures: %s"), name, file->reason);
      else if (file->state == TANDEM_PROGRAMME_FILE_DUPLICATE)
        line = g_strdup_printf (_("• “%s”: %s"), name, file->reason);
      else if (file->older_format)
        line = g_strdup_printf (_("• “%s” is in an older format: it was read as it would be "
                                  "updated, and has not been changed. Opening it in Tandem "
                                  "updates it."), name);
      else
        continue;
      tandem_flowing_text_add (flow, line, 9.5, FALSE, TEXT_INK);
      said++;
    }
  for (guint t = 0; t < doc->teams->len; t++)
    {
      const TandemProgrammeTeam *team = doc->teams->pdata[t];
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      if (team->days_since_session < 0)
        g_ptr_array_add (lines, g_strdup (_("• No coaching session recorded.")));
      else if (team->days_since_session > TANDEM_PROGRAMME_UNSEEN_DAYS)
        g_ptr_array_add (lines, g_strdup_printf (_("• No coaching session in the last %d days "
                                                   "(the last was %d days before the report’s "
                                                   "last day)."),
                                                 TANDEM_PROGRAMME_UNSEEN_DAYS,
                                                 team->days_since_session));
      if (team->n_measures == 0)
        g_ptr_array_add (lines, g_strdup (_("• No measures.")));
      for (guint m = 0; m < team->measures_without_data->len; m++)
        g_ptr_array_add (lines, g_strdup_printf (_("• No data for “%s” in the last 12 weeks."),
                                                 (char *) team->measures_without_data->pdata[m]));
      if (lines->len == 0)
        continue;
      tandem_flowing_text_add (flow, "", 4, FALSE, TEXT_INK);
      tandem_flowing_text_add (flow, team->name, 10.5, TRUE, TEXT_INK);
      {
        g_autofree char *file = g_filename_display_basename (team->file);
        g_autofree char *source = g_strdup_printf (_("From the file “%s”."), file);

        tandem_flowing_text_add (flow, source, 8.5, FALSE, QUIET_INK);
      }
      for (guint i = 0; i < lines->len; i++)
        tandem_flowing_text_add (flow, lines->pdata[i], 9.5, FALSE, TEXT_INK);
      said += lines->len;
    }
  if (said == 0)
    tandem_flowing_text_add (flow, _("Nothing: every file was read, every team has had a "
                                     "session in the last 60 days and data for every measure "
                                     "in the last 12 weeks."), 9.5, FALSE, TEXT_INK);
  return flow;
}

/* ------------------------------------------------------------------------ */
/* The document                                                             */

/**
 * tandem_programme_doc_new:
 * @programme: a programme, read
 * @name: (nullable): what to call it on the cover; %NULL for the folder its
 *   files are in
 *
 * The programme's report as pages: a cover, the totals, the trends by
 * quarter, a page for each team and what is missing. The document looks
 * at @programme's figures when it is paginated: paginate it again after
 * the programme reads a file again.
 *
 * Returns: (transfer full): the document
 */
TandemProgrammeDoc *
tandem_programme_doc_new (TandemProgramme *programme,
                          const char      *name)
{
  TandemProgrammeDoc *doc = g_new0 (TandemProgrammeDoc, 1);

  g_return_val_if_fail (TANDEM_IS_PROGRAMME (programme), NULL);
  doc->programme = g_object_ref (programme);
  doc->name = name ? g_strdup (name) : programme_name (programme);
  doc->teams = g_ptr_array_new ();
  doc->heat_teams = g_ptr_array_new ();
  doc->charts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) tandem_chart_free);
  doc->chart_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->missing_starts = g_array_new (FALSE, FALSE, sizeof (double));
  doc->missing_ends = g_array_new (FALSE, FALSE, sizeof (double));
  return doc;
}

void
tandem_programme_doc_free (gpointer data)
{
  TandemProgrammeDoc *doc = data;

  if (doc == NULL)
    return;
  g_object_unref (doc->programme);
  g_free (doc->name);
  g_ptr_array_unref (doc->teams);
  g_ptr_array_unref (doc->heat_teams);
  g_clear_pointer (&doc->heat_columns, g_ptr_array_unref);
  g_hash_table_unref (doc->charts);
  g_hash_table_unref (doc->chart_problems);
  g_clear_pointer (&doc->missing, tandem_flowing_text_free);
  g_array_unref (doc->missing_starts);
  g_array_unref (doc->missing_ends);
  g_free (doc);
}

static char *
team_key (const TandemProgrammeTeam *team)
{
  return g_strconcat (team->file, "\n", team->team_id, NULL);
}

static void
load_file_charts (TandemProgrammeDoc *doc,
                  const char         *path,
                  GPtrArray          *teams)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_chart_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  project = tandem_project_open_for_reading (path, &error);
  if (project == NULL &&
      g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      project = tandem_project_open_in_memory (path, &error);
    }
  for (guint t = 0; project != NULL && t < teams->len && error == NULL; t++)
    {
      const TandemProgrammeTeam *team = teams->pdata[t];
      g_autoptr(GPtrArray) measures = tandem_measure_list (project, team->team_id, &error);
      TandemMeasure *measure;

      if (measures == NULL || measures->len == 0)
        continue;
      measure = tandem_measure_load (project, ((TandemMeasure *) measures->pdata[0])->id, &error);
      if (measure == NULL)
        break;
      g_ptr_array_add (charts, tandem_chart_new (measure));
      g_ptr_array_add (keys, team_key (team));
      tandem_measure_unref (measure);
    }
  /* Nothing made from a file is kept unless its check passes. */
  if (project != NULL && error == NULL)
    tandem_project_confirm_intact (project, &error);
  if (error != NULL)
    {
      for (guint t = 0; t < teams->len; t++)
        g_hash_table_replace (doc->chart_problems, team_key (teams->pdata[t]),
                              g_strdup (error->message));
      return;
    }
  for (guint i = 0; i < charts->len; i++)
    g_hash_table_replace (doc->charts, g_strdup (keys->pdata[i]), g_steal_pointer (&charts->pdata[i]));
}

/**
 * tandem_programme_doc_load_charts:
 * @doc: a document
 * @cancellable: (nullable): stops between files
 *
 * Reads each team's key measure (its first) from its file again, read-only,
 * so that the team's page draws its run chart. Without this the team pages
 * have no chart; a file that cannot be read now says so on its teams'
 * pages. It reads files: call it off the main thread in an app, then
 * paginate again.
 */
void
tandem_programme_doc_load_charts (TandemProgrammeDoc *doc,
                                  GCancellable       *cancellable)
{
  GPtrArray *files = tandem_programme_get_files (doc->programme);

  g_hash_table_remove_all (doc->charts);
  g_hash_table_remove_all (doc->chart_problems);
  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state == TANDEM_PROGRAMME_FILE_READ && file->teams->len > 0)
        load_file_charts (doc, file->path, file->teams);
    }
}

/**
 * tandem_programme_doc_paginate:
 * @doc: a document
 * @width: the page width, in points
 * @height: the page height, in points
 *
 * Lays the report out for pages of this size (A4 portrait is what it is
 * made for): three pages, the teams × standards heatmap over as many pages
 * as it takes (none if no team has a self-assessment round), one page per
 * team, and what is missing over as many pages as it takes.
 *
 * Returns: how many pages it takes
 */
guint
tandem_programme_doc_paginate (TandemProgrammeDoc *doc,
                               double              width,
                               double              height)
{
  GPtrArray *files = tandem_programme_get_files (doc->programme);
  double body = height - 2 * MARGIN - FOOTER;
  guint missing_pages;

  g_ptr_array_set_size (doc->teams, 0);
  g_ptr_array_set_size (doc->heat_teams, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state == TANDEM_PROGRAMME_FILE_READ)
        for (guint t = 0; t < file->teams->len; t++)
          {
            const TandemProgrammeTeam *team = file->teams->pdata[t];

            g_ptr_array_add (doc->teams, (gpointer) team);
            if (team->standards != NULL)
              g_ptr_array_add (doc->heat_teams, (gpointer) team);
          }
    }
  g_clear_pointer (&doc->heat_columns, g_ptr_array_unref);
  doc->heat_columns = tandem_programme_list_standards (doc->programme);
  doc->heat_rows = (guint) MAX (1, (body - HEAT_TOP) / HEAT_ROW);
  doc->heat_pages = (doc->heat_teams->len + doc->heat_rows - 1) / doc->heat_rows;

  doc->width = width;
  doc->height = height;
  g_clear_pointer (&doc->missing, tandem_flowing_text_free);
  doc->missing = missing_flow (doc, width - 2 * MARGIN);
  missing_pages = tandem_flowing_text_paginate (doc->missing, body, body, doc->missing_starts,
                                                doc->missing_ends);
  doc->n_pages = N_FIXED_PAGES + doc->heat_pages + doc->teams->len + missing_pages;
  return doc->n_pages;
}

/**
 * tandem_programme_doc_get_n_teams:
 * @doc: a document, paginated
 *
 * Returns: how many teams have a page of their own (the pages after the
 *   first three and the heatmap's)
 */
guint
tandem_programme_doc_get_n_teams (TandemProgrammeDoc *doc)
{
  return doc->teams->len;
}

/**
 * tandem_programme_doc_get_first_team_page:
 * @doc: a document, paginated
 *
 * Returns: the page of the first team's own, from 0: after the cover, the
 *   totals, the trends and the heatmap's pages
 */
guint
tandem_programme_doc_get_first_team_page (TandemProgrammeDoc *doc)
{
  return N_FIXED_PAGES + doc->heat_pages;
}

static void
draw_cover (TandemProgrammeDoc *doc,
            cairo_t            *cr,
            double              width,
            double              height)
{
  const TandemProgrammeTotals *totals = tandem_programme_get_totals (doc->programme);
  g_autofree char *kind = describe_kind (doc->programme);
  g_autofree char *from = tandem_describe_date (tandem_programme_get_from (doc->programme));
  g_autofree char *to = tandem_describe_date (tandem_programme_get_to (doc->programme));
  g_autofree char *dates = g_strdup_printf (_("%s to %s"), from ? from : "", to ? to : "");
  g_autofree char *teams = g_strdup_printf (ngettext ("%u team", "%u teams", totals->n_teams),
                                            totals->n_teams);
  g_autofree char *files = g_strdup_printf (ngettext ("from %u project file: %u read, %u not "
                                                      "read, %u copies of another file "
                                                      "counted once",
                                                      "from %u project files: %u read, %u not "
                                                      "read, %u copies of another file "
                                                      "counted once", totals->n_files),
                                            totals->n_files, totals->n_read, totals->n_refused,
                                            totals->n_duplicates);
  g_autofree char *summary = tandem_programme_describe_ideas (totals);
  g_autofree char *sentence = g_strconcat (summary, ".", NULL);
  double w = width - 2 * MARGIN;
  double y = height * 0.24;

  set_ink (cr, HEADING_INK);
  cairo_rectangle (cr, MARGIN, y - 18, 60, 5);
  cairo_fill (cr);
  y += show (cr, kind, MARGIN, y, w, 13, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE) + 8;
  y += show (cr, doc->name, MARGIN, y, w, 28, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 10;
  y += show (cr, dates, MARGIN, y, w, 15, FALSE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 30;
  y += show (cr, teams, MARGIN, y, w, 20, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 2;
  y += show (cr, files, MARGIN, y, w, 11, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE) + 30;
  y += show (cr, sentence, MARGIN, y, w, 13, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 30;
  {
    g_autofree char *note = g_strdup_printf (_("Figures “in the last 90 days” and “in the last "
                                               "12 weeks” end on %s, the report’s last day. "
                                               "Each team’s file was read as it was, "
                                               "read-only."), to ? to : "");

    show (cr, note, MARGIN, y, w * 0.8, 9.5, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
  }
}

static void
draw_totals (TandemProgrammeDoc *doc,
             cairo_t            *cr,
             double              width)
{
  const TandemProgrammeTotals *t = tandem_programme_get_totals (doc->programme);
  g_autofree char *summary = tandem_programme_describe_ideas (t);
  g_autofree char *sentence = g_strconcat (summary, ".", NULL);
  g_autofree char *le = tandem_programme_format_share (t->n_sessions_recent_le, t->n_sessions_recent);
  g_autofree char *framework = tandem_programme_format_share (t->framework_in_place, t->framework_applicable);
  g_autofree char *teams = g_strdup_printf (_("%u, from %u files (%u read, %u not read, %u "
                                              "copies counted once)"),
                                            t->n_teams, t->n_files, t->n_read, t->n_refused,
                                            t->n_duplicates);
  g_autofree char *pdsa = g_strdup_printf ("%u", t->n_pdsa_recent);
  g_autofree char *sessions = g_strdup_printf (_("%u; %u (%s) with lived experience present"),
                                               t->n_sessions_recent, t->n_sessions_recent_le, le);
  g_autofree char *unseen = g_strdup_printf ("%u", t->n_teams_unseen);
  g_autofree char *actions = g_strdup_printf (_("%u open, %u overdue"), t->n_open_actions,
                                              t->n_overdue_actions);
  g_autofree char *measures = g_strdup_printf (_("%u; %u with a signal of improvement in the "
                                                 "last 12 weeks, %u with data but no signal, "
                                                 "%u without data"),
                                               t->n_measures, t->n_measures_improving,
                                               t->n_measures_no_signal,
                                               t->n_measures_without_data);
  g_autofree char *peer = g_strdup_printf (_("%u of %u framework items in place (%s); %u peer "
                                             "roles, %u vacancies; %u supervised less often "
                                             "than expected"),
                                           t->framework_in_place, t->framework_applicable,
                                           framework, t->peer_roles, t->peer_vacancies,
                                           t->supervision_behind);
  g_autofree char *standards = t->n_teams_with_standards > 0
                               ? tandem_programme_describe_standards (t) : NULL;
  const char *rows[] = {
    _("Teams"), teams,
    _("PDSA cycles started in the last 90 days"), pdsa,
    _("Coaching sessions in the last 90 days"), sessions,
    _("Teams without a session in 60 days"), unseen,
    _("Actions"), actions,
    _("Measures"), measures,
    _("Peer support"), peer,
    /* Last: with no team's standards round, the table ends here. */
    _("Standards"), standards,
    NULL, NULL
  };
  double w = width - 2 * MARGIN;
  double y = MARGIN;

  y += show (cr, _("Programme totals"), MARGIN, y, w, 16, TRUE, HEADING_INK, PANGO_ALIGN_LEFT,
             FALSE) + 10;
  y += show (cr, sentence, MARGIN, y, w, 14, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 14;
  y += figures_table (cr, rows, MARGIN, y, w) + SECTION_GAP;
  y += ideas_by_focus (cr, t->tag_names, t->tag_counts, t->n_ideas, FALSE, MARGIN, y, w)
       + SECTION_GAP;
  y += ideas_by_status (cr, t->statuses, t->n_ideas, MARGIN, y, w) + SECTION_GAP;
  ideas_by_level (cr, t->levels, t->n_ideas, MARGIN, y, w);
}

static void
draw_trends (TandemProgrammeDoc *doc,
             cairo_t            *cr,
             double              width,
             double              height)
{
  const TandemProgrammeTotals *t = tandem_programme_get_totals (doc->programme);
  double w = width - 2 * MARGIN;
  double y = MARGIN;
  double gap = 12, panel_w = (w - gap) / 2, panel_h;
  g_autoptr(GString) dates = g_string_new (NULL);

  y += show (cr, _("Trends by quarter"), MARGIN, y, w, 16, TRUE, HEADING_INK, PANGO_ALIGN_LEFT,
             FALSE) + 6;
  y += show (cr, _("Each bar has its figure written above it. Change ideas are counted in the "
                   "quarter they were added (or, for those that came with a file, first "
                   "tested)."), MARGIN, y, w, 9, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE) + 12;

  for (guint i = 0; i < t->quarters->len; i++)
    {
      const TandemProgrammeQuarter *q = &g_array_index (t->quarters, TandemProgrammeQuarter, i);

      g_string_append_printf (dates, "%sQ%d %d: %s to %s", i ? "; " : "", q->quarter, q->year,
                              q->from, q->to);
    }

  panel_h = (height - MARGIN - FOOTER - 60 - y - 2 * gap) / 3;
  panel_h = MIN (panel_h, 200);
  for (guint p = 0; p < N_TRENDS; p++)
    trend_panel (cr, t->quarters, (Trend) p, MARGIN + (p % 2) * (panel_w + gap),
                 y + (p / 2) * (panel_h + gap), panel_w, panel_h);
  y += 3 * panel_h + 2 * gap + 10;
  show (cr, dates->str, MARGIN, y, w, 8, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
}

/* One page of the teams × standards heatmap: each team's latest round,
 * its level and each standard's mean, written in its cell over the shade
 * the standards pack uses (the number is always there, never the shade
 * alone). */
static void
draw_heatmap (TandemProgrammeDoc *doc,
              guint               page,
              cairo_t            *cr,
              double              width)
{
  GPtrArray *columns = doc->heat_columns;
  double w = width - 2 * MARGIN;
  double name_w = 110, level_w = 80;  /* "No level yet *" whole in bold */
  double cell_w = (w - name_w - level_w) / MAX (1, columns->len);
  double y = MARGIN;
  guint first = page * doc->heat_rows;
  guint last = MIN (first + doc->heat_rows, doc->heat_teams->len);
  gboolean any_not_counting = FALSE;

  y += show (cr, page == 0 ? _("Standards heatmap") : _("Standards heatmap (continued)"),
             MARGIN, y, w, 16, TRUE, HEADING_INK, PANGO_ALIGN_LEFT, FALSE) + 4;
  show (cr, _("Each team’s latest self-assessment round: the level its average reaches, then "
              "each standard’s mean score from 1 to 5 (darker is higher; “–” not scored). "
              "Teams without a round are not listed."),
        MARGIN, y, w, 8.5, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
  y = MARGIN + 60;

  /* The standards' names, upright over their columns. */
  show (cr, _("Team"), MARGIN, y + HEAT_HEADER - 14, name_w, 9, TRUE, TEXT_INK,
        PANGO_ALIGN_LEFT, TRUE);
  show (cr, _("Level"), MARGIN + name_w, y + HEAT_HEADER - 14, level_w, 9, TRUE, TEXT_INK,
        PANGO_ALIGN_LEFT, TRUE);
  for (guint c = 0; c < columns->len; c++)
    {
      const TandemProgrammeStandardScore *column = columns->pdata[c];

      cairo_save (cr);
      cairo_translate (cr, MARGIN + name_w + level_w + c * cell_w + (cell_w - 11) / 2,
                       y + HEAT_HEADER - 3);
      cairo_rotate (cr, -G_PI / 2);
      show (cr, column->title, 0, 0, HEAT_HEADER - 6, 8.5, TRUE, TEXT_INK, PANGO_ALIGN_LEFT,
            TRUE);
      cairo_restore (cr);
    }
  y += HEAT_HEADER;

  for (guint t = first; t < last; t++)
    {
      const TandemProgrammeTeam *team = doc->heat_teams->pdata[t];
      g_autofree char *level = g_strdup_printf ("%s%s",
                                                tandem_programme_level_word (team->standards),
                                                team->standards->counts ? "" : " *");

      any_not_counting |= !team->standards->counts;
      if ((t - first) % 2 == 1)
        {
          set_ink (cr, 0xf3f3f3);
          cairo_rectangle (cr, MARGIN, y, name_w + level_w, HEAT_ROW);
          cairo_fill (cr);
        }
      show (cr, team->name, MARGIN + 2, y + 2, name_w - 4, 8.5, FALSE, TEXT_INK,
            PANGO_ALIGN_LEFT, TRUE);
      show (cr, level, MARGIN + name_w, y + 2, level_w - 2, 8.5, TRUE, TEXT_INK,
            PANGO_ALIGN_LEFT, TRUE);
      for (guint c = 0; c < columns->len; c++)
        {
          const TandemProgrammeStandardScore *score =
            tandem_programme_standards_find (team->standards,
                                             ((TandemProgrammeStandardScore *) columns->pdata[c])->id);
          double mean = score ? score->mean : NAN;
          double x = MARGIN + name_w + level_w + c * cell_w;
          double rgb[3];
          gboolean light = tandem_standards_heat_colour (mean, rgb);
          g_autofree char *number = isnan (mean) ? g_strdup ("–") : g_strdup_printf ("%.1f", mean);

          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, x + 0.5, y + 0.5, cell_w - 1, HEAT_ROW - 1);
          cairo_fill (cr);
          show (cr, number, x, y + 2, cell_w, 8.5, FALSE, light ? 0xffffff : TEXT_INK,
                PANGO_ALIGN_CENTER, TRUE);
        }
      y += HEAT_ROW;
    }
  if (any_not_counting)
    show (cr, _("* Under 75% of the staff took part in that round (or the headcount is not "
                "known), so it does not count towards the level."),
          MARGIN, y + 8, w, 8.5, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
}

static void
draw_team (TandemProgrammeDoc        *doc,
           const TandemProgrammeTeam *team,
           cairo_t                   *cr,
           double                     width,
           double                     height)
{
  g_autofree char *key = team_key (team);
  TandemChart *chart = g_hash_table_lookup (doc->charts, key);
  const char *problem = g_hash_table_lookup (doc->chart_problems, key);
  g_autofree char *file = g_filename_display_basename (team->file);
  g_autofree char *source = g_strdup_printf (_("From the file “%s”."), file);
  g_autofree char *ideas = tandem_programme_format_count (team->n_ideas);
  g_autofree char *race = tandem_programme_format_count (team->n_race_ideas);
  g_autofree char *race_share = tandem_programme_format_share (team->n_race_ideas, team->n_ideas);
  g_autofree char *sentence = g_strdup_printf (ngettext ("%s change idea; %s (%s) focus on race "
                                                         "equity.",
                                                         "%s change ideas; %s (%s) focus on race "
                                                         "equity.", team->n_ideas),
                                               ideas, race, race_share);
  g_autofree char *tagged_share = tandem_programme_format_share (team->n_tagged, team->n_ideas);
  g_autofree char *tagged = g_strdup_printf ("%u (%s)", team->n_tagged, tagged_share);
  g_autofree char *pdsa = g_strdup_printf ("%u", team->n_pdsa_recent);
  g_autofree char *le = tandem_programme_format_share (team->n_sessions_recent_le, team->n_sessions_recent);
  g_autofree char *sessions = g_strdup_printf (_("%u; %u (%s) with lived experience present"),
                                               team->n_sessions_recent,
                                               team->n_sessions_recent_le, le);
  g_autofree char *last = team->days_since_session < 0
                          ? g_strdup (_("None recorded"))
                          : g_strdup_printf (ngettext ("%d day before the report’s last day",
                                                       "%d days before the report’s last day",
                                                       team->days_since_session),
                                             team->days_since_session);
  g_autofree char *actions = g_strdup_printf (_("%u open, %u overdue"), team->n_open_actions,
                                              team->n_overdue_actions);
  g_autofree char *measures = g_strdup_printf (_("%u; %u with a signal of improvement in the "
                                                 "last 12 weeks, %u with data but no signal, "
                                                 "%u without data"),
                                               team->n_measures, team->n_measures_improving,
                                               team->n_measures_no_signal,
                                               team->measures_without_data->len);
  g_autofree char *framework = tandem_programme_format_share (team->framework_in_place,
                                             team->framework_applicable);
  g_autofree char *peer = g_strdup_printf (_("%u of %u framework items in place (%s); %u peer "
                                             "roles, %u vacancies; %u supervised less often "
                                             "than expected"),
                                           team->framework_in_place, team->framework_applicable,
                                           framework, team->peer_roles, team->peer_vacancies,
                                           team->supervision_behind);
  g_autofree char *level = tandem_programme_describe_level (team->standards);
  const char *rows[] = {
    _("Change ideas with an equity focus"), tagged,
    _("PDSA cycles started in the last 90 days"), pdsa,
    _("Coaching sessions in the last 90 days"), sessions,
    _("Last coaching session"), last,
    _("Actions"), actions,
    _("Measures"), measures,
    _("Peer support"), peer,
    /* Last: a team without a standards round ends the table here. */
    _("Standards level"), level,
    NULL, NULL
  };
  double w = width - 2 * MARGIN;
  double half = (w - 16) / 2;
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;

  y += show (cr, team->name, MARGIN, y, w, 18, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 2;
  if (team->organisation || team->service_type)
    {
      g_autofree char *about = g_strdup_printf ("%s%s%s", team->organisation ? team->organisation
                                                                             : "",
                                                team->organisation && team->service_type
                                                ? ", " : "",
                                                team->service_type ? team->service_type : "");

      y += show (cr, about, MARGIN, y, w, 10, FALSE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 2;
    }
  y += show (cr, source, MARGIN, y, w, 8.5, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE) + 12;
  y += show (cr, sentence, MARGIN, y, w, 13, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE) + 10;
  y += figures_table (cr, rows, MARGIN, y, w) + SECTION_GAP;
  y += ideas_by_focus (cr, team->tag_names, team->tag_counts, team->n_ideas, TRUE, MARGIN, y, w)
       + SECTION_GAP;
  {
    double left = ideas_by_status (cr, team->statuses, team->n_ideas, MARGIN, y, half);
    double right = ideas_by_level (cr, team->levels, team->n_ideas, MARGIN + half + 16, y, half);

    y += MAX (left, right) + SECTION_GAP;
  }

  y += heading (cr, _("Equity of outcomes"), MARGIN, y, w);
  if (team->ratios->len == 0)
    y += show (cr, _("No measure broken down by group with a reference group."), MARGIN, y, w,
               9, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
  /* Under each measure and its twelve months, a line per group. */
  for (guint i = 0; i < team->ratios->len; i++)
    {
      const TandemProgrammeRatio *ratio = team->ratios->pdata[i];
      const TandemProgrammeRatio *before = i > 0 ? team->ratios->pdata[i - 1] : NULL;
      gboolean new_measure = before == NULL || g_strcmp0 (before->measure, ratio->measure) != 0 ||
                             g_strcmp0 (before->from, ratio->from) != 0 ||
                             g_strcmp0 (before->to, ratio->to) != 0;
      g_autofree char *line = NULL;

      if (y + (new_measure ? 3.5 : 2.5) * ROW > bottom)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("…and %u more: see the JSON report.",
                                                             "…and %u more: see the JSON report.",
                                                             team->ratios->len - i),
                                                   team->ratios->len - i);

          y += show (cr, more, MARGIN, y, w, 8.5, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, TRUE);
          break;
        }
      if (new_measure)
        {
          g_autofree char *about = g_strdup_printf (_("%s, %s to %s"), ratio->measure,
                                                    ratio->from, ratio->to);

          y += show (cr, about, MARGIN, y, w, 9, TRUE, TEXT_INK, PANGO_ALIGN_LEFT, TRUE) + 2;
        }
      if (ratio->status == TANDEM_RATIO_ESTIMATED)
        line = g_strdup_printf (_("%s against %s: %.2f times (95%% interval %.2f to %.2f)"),
                                ratio->group, ratio->reference, ratio->ratio, ratio->lcl,
                                ratio->ucl);
      else
        line = g_strdup_printf (_("%s against %s: no ratio can be given"), ratio->group,
                                ratio->reference);
      y += show (cr, line, MARGIN + 10, y, w - 10, 8.5, FALSE, TEXT_INK, PANGO_ALIGN_LEFT, FALSE)
           + 2;
    }

  /* The key measure's run chart, in what the equity of outcomes leaves. */
  if (chart != NULL || problem != NULL)
    {
      double chart_h = MIN (230, bottom - y - SECTION_GAP - 24);

      y += SECTION_GAP;
      y += heading (cr, _("Key measure (the team’s first)"), MARGIN, y, w);
      if (chart != NULL && chart_h >= 140)
        {
          cairo_save (cr);
          /* Laid out as for a larger page and drawn smaller, so that its
           * notes and axes keep their room. */
          cairo_translate (cr, MARGIN, y);
          cairo_scale (cr, CHART_SCALE, CHART_SCALE);
          tandem_chart_draw (chart, cr, w / CHART_SCALE, chart_h / CHART_SCALE);
          cairo_restore (cr);
        }
      else
        {
          g_autofree char *why = NULL;

          if (problem != NULL)
            why = g_strdup_printf (_("Its chart is not drawn here: %s"), problem);
          else
            why = g_strdup_printf (_("“%s”: its chart is not drawn here, as there is no room "
                                     "left on the page; it is in the team’s file."),
                                   tandem_chart_get_measure (chart)->name);
          show (cr, why, MARGIN, y, w, 9, FALSE, QUIET_INK, PANGO_ALIGN_LEFT, FALSE);
        }
    }
}

/**
 * tandem_programme_doc_draw_page:
 * @cr: where to draw, in points
 * @width: the page width
 * @height: the page height
 * @page_nr: which page, from 0
 * @doc: (type TandemProgrammeDoc): the document
 *
 * Draws one page of the programme's report: the one function for the
 * screen, printing and PDF files. A #TandemDrawPageFunc.
 */
void
tandem_programme_doc_draw_page (cairo_t *cr,
                                double   width,
                                double   height,
                                guint    page_nr,
                                gpointer data)
{
  TandemProgrammeDoc *doc = data;
  g_autofree char *footer = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (doc->missing == NULL || doc->width != width || doc->height != height)
    tandem_programme_doc_paginate (doc, width, height);
  if (page_nr >= doc->n_pages)
    return;

  cairo_save (cr);
  set_ink (cr, 0xffffff);
  cairo_paint (cr);

  if (page_nr == PAGE_COVER)
    draw_cover (doc, cr, width, height);
  else if (page_nr == PAGE_TOTALS)
    draw_totals (doc, cr, width);
  else if (page_nr == PAGE_TRENDS)
    draw_trends (doc, cr, width, height);
  else if (page_nr < N_FIXED_PAGES + doc->heat_pages)
    draw_heatmap (doc, page_nr - N_FIXED_PAGES, cr, width);
  else if (page_nr < N_FIXED_PAGES + doc->heat_pages + doc->teams->len)
    draw_team (doc, doc->teams->pdata[page_nr - N_FIXED_PAGES - doc->heat_pages], cr, width,
               height);
  else
    {
      guint i = page_nr - N_FIXED_PAGES - doc->heat_pages - doc->teams->len;

      tandem_flowing_text_draw (doc->missing, cr, MARGIN, MARGIN,
                                g_array_index (doc->missing_starts, double, i),
                                g_array_index (doc->missing_ends, double, i));
    }

  /* The footer: whose report, and which page. */
  from = tandem_describe_date (tandem_programme_get_from (doc->programme));
  to = tandem_describe_date (tandem_programme_get_to (doc->programme));
  footer = g_strdup_printf (_("%s · programme report, %s to %s · page %u of %u"), doc->name,
                            from ? from : "", to ? to : "", page_nr + 1, doc->n_pages);
  show (cr, footer, MARGIN, height - MARGIN, width - 2 * MARGIN, 8, FALSE, QUIET_INK,
        PANGO_ALIGN_RIGHT, TRUE);
  cairo_restore (cr);
}

/**
 * tandem_programme_export_pdf:
 * @programme: a programme, read
 * @name: (nullable): what to call it on the cover (see tandem_programme_doc_new())
 * @path: the file to write, or “-” for standard output
 * @confirm: (nullable): asked before the finished file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * Writes the programme's report as an A4 portrait PDF file, with each
 * team's key measure charted (see tandem_programme_doc_load_charts()).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_programme_export_pdf (TandemProgramme          *programme,
                             const char               *name,
                             const char               *path,
                             TandemExportConfirmFunc   confirm,
                             gpointer                  confirm_data,
                             GError                  **error)
{
  g_autoptr(TandemProgrammeDoc) doc = tandem_programme_doc_new (programme, name);
  double width, height;
  guint n_pages;

  tandem_programme_doc_load_charts (doc, NULL);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_programme_doc_paginate (doc, width, height);
  return tandem_export_pages_confirmed (path, TANDEM_EXPORT_PDF, width, height, n_pages, 72,
                                        tandem_programme_doc_draw_page, doc,
                                        confirm, confirm_data, error);
}
