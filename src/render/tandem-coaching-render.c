/* tandem-coaching-render.c — session records, team logs and the attendance
 * chart, drawn with cairo for the screen, printing and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tandem-coaching-render.h"
#include "tandem-flowing-text.h"
#include "tandem-render-text-private.h"

#define MARGIN       42.0     /* points: about 15 mm */
#define FOOTER       22.0
#define BODY_SIZE    10.5
#define SMALLEST     6.5
#define CHART_GAP    18.0
#define ROW          18.0
#define HEADER_ROW   30.0
#define TITLE_ROW    22.0
#define TEXT_INK     0x1a1a1a
#define HEADING_INK  0x1c5f9e

struct _TandemCoachingDoc
{
  GPtrArray        *records;       /* of TandemSessionRecord */
  char             *title;         /* for the log; NULL for one record */
  TandemAttendance *attendance;    /* drawn at the top of the first page, or NULL */
  gboolean          fit_one_page;

  /* for the page size last paginated */
  double            width;
  double            height;
  double            font_size;
  TandemFlowingText *flow;
  GArray           *page_starts;   /* of double: layout y at the top of each page */
  GArray           *page_ends;
};

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static void
add_record (TandemFlowingText         *flow,
            const TandemSessionRecord *record,
            double                     size)
{
  tandem_flowing_text_add (flow, record->title, size * 1.45, TRUE, TEXT_INK);
  tandem_flowing_text_add (flow, record->when, size, TRUE, TEXT_INK);
  tandem_flowing_text_add (flow, record->facts, size, FALSE, TEXT_INK);
  if (record->private)
    tandem_flowing_text_add (flow, _("PRIVATE: not to be shared beyond the team."), size, TRUE,
                             TEXT_INK);
  for (guint i = 0; i < record->sections->len; i++)
    {
      TandemRecordSection *section = record->sections->pdata[i];

      tandem_flowing_text_add (flow, "", size, FALSE, TEXT_INK);
      tandem_flowing_text_add (flow, section->heading, size * 1.1, TRUE, HEADING_INK);
      tandem_flowing_text_add (flow, section->text, size, FALSE, TEXT_INK);
    }
}

static TandemFlowingText *
doc_flow (TandemCoachingDoc *doc,
          double             size)
{
  TandemFlowingText *flow = tandem_flowing_text_new (doc->width - 2 * MARGIN);

  if (doc->title)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u coaching session",
                                                          "%u coaching sessions",
                                                          doc->records->len),
                                                doc->records->len);

      tandem_flowing_text_add (flow, doc->title, size * 1.8, TRUE, TEXT_INK);
      tandem_flowing_text_add (flow, count, size, FALSE, TEXT_INK);
      if (doc->records->len == 0)
        {
          tandem_flowing_text_add (flow, "", size, FALSE, TEXT_INK);
          tandem_flowing_text_add (flow, _("No sessions to show."), size, FALSE, TEXT_INK);
        }
    }
  for (guint i = 0; i < doc->records->len; i++)
    {
      if (doc->title || i > 0)
        tandem_flowing_text_add (flow, "\n", size, FALSE, TEXT_INK);
      add_record (flow, doc->records->pdata[i], size);
    }
  return flow;
}

static PangoLayout *
new_layout (cairo_t *cr,
            double   size,
            double   width)
{
  return _tandem_render_page_layout_new (cr, size, FALSE, width);
}

static double
chart_height (TandemCoachingDoc *doc)
{
  return doc->attendance ? tandem_coaching_attendance_height (doc->attendance) + CHART_GAP : 0;
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

/**
 * tandem_coaching_doc_new_record:
 * @record: (transfer full): a session's record
 *
 * Returns: (transfer full): a one-page document of the record, its text made
 *   smaller if that is what it takes to fit
 */
TandemCoachingDoc *
tandem_coaching_doc_new_record (TandemSessionRecord *record)
{
  TandemCoachingDoc *doc = g_new0 (TandemCoachingDoc, 1);

  doc->records = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_session_record_free);
  g_ptr_array_add (doc->records, record);
  doc->fit_one_page = TRUE;
  return doc;
}

/**
 * tandem_coaching_doc_new_log:
 * @records: (transfer full) (element-type TandemSessionRecord): the sessions
 * @team_name: the team
 * @attendance: (transfer full) (nullable): to chart on the first page
 *
 * Returns: (transfer full): a team's log, over as many pages as it takes
 */
TandemCoachingDoc *
tandem_coaching_doc_new_log (GPtrArray        *records,
                             const char       *team_name,
                             TandemAttendance *attendance)
{
  TandemCoachingDoc *doc = g_new0 (TandemCoachingDoc, 1);

  doc->records = records;
  doc->title = g_strdup_printf (_("Coaching log: %s"), team_name);
  doc->attendance = attendance;
  return doc;
}

void
tandem_coaching_doc_free (gpointer data)
{
  TandemCoachingDoc *doc = data;

  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->records);
  g_free (doc->title);
  tandem_attendance_free (doc->attendance);
  g_clear_pointer (&doc->flow, tandem_flowing_text_free);
  if (doc->page_starts)
    g_array_unref (doc->page_starts);
  if (doc->page_ends)
    g_array_unref (doc->page_ends);
  g_free (doc);
}

static double
layout_at (TandemCoachingDoc *doc,
           double             size)
{
  g_clear_pointer (&doc->flow, tandem_flowing_text_free);
  doc->flow = doc_flow (doc, size);
  doc->font_size = size;
  return tandem_flowing_text_get_height (doc->flow);
}

/**
 * tandem_coaching_doc_paginate:
 * @doc: a document
 * @width: the page width, in points
 * @height: the page height, in points
 *
 * Lays the document out for pages of this size, breaking pages between
 * lines.
 *
 * Returns: how many pages it takes
 */
guint
tandem_coaching_doc_paginate (TandemCoachingDoc *doc,
                              double             width,
                              double             height)
{
  double body = height - 2 * MARGIN - FOOTER;
  double size = BODY_SIZE;
  double first_page_body, h;

  doc->width = width;
  doc->height = height;
  first_page_body = body - chart_height (doc);
  h = layout_at (doc, size);
  /* Smaller type for a record a little too long for its page; one that would
   * not fit even in the smallest type keeps the usual size over more pages.
   * Its height goes as the square of the size, so hopeless cases are seen
   * without laying the text out again and again. */
  if (doc->fit_one_page && h > first_page_body &&
      h < first_page_body * (BODY_SIZE / SMALLEST) * (BODY_SIZE / SMALLEST) * 1.5)
    {
      while (h > first_page_body && size > SMALLEST)
        {
          size = MAX (SMALLEST, size - 0.5);
          h = layout_at (doc, size);
        }
      if (h > first_page_body)
        layout_at (doc, BODY_SIZE);
    }

  if (doc->page_starts == NULL)
    {
      doc->page_starts = g_array_new (FALSE, FALSE, sizeof (double));
      doc->page_ends = g_array_new (FALSE, FALSE, sizeof (double));
    }
  return tandem_flowing_text_paginate (doc->flow, first_page_body, body,
                                       doc->page_starts, doc->page_ends);
}

/**
 * tandem_coaching_doc_draw_page:
 * @cr: where to draw, in points
 * @width: the page width
 * @height: the page height
 * @page_nr: which page, from 0
 * @doc: (type TandemCoachingDoc): the document
 *
 * Draws one page of a session record or a team log: the one function for
 * the screen, printing, PDF files and the command line.
 */
void
tandem_coaching_doc_draw_page (cairo_t  *cr,
                               double    width,
                               double    height,
                               guint     page_nr,
                               gpointer  data)
{
  TandemCoachingDoc *doc = data;
  double start, end, top = MARGIN;
  guint n_pages;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;

  if (doc->flow == NULL || doc->width != width || doc->height != height)
    tandem_coaching_doc_paginate (doc, width, height);
  n_pages = doc->page_starts->len;
  if (page_nr >= n_pages)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (page_nr == 0 && doc->attendance)
    {
      double h = tandem_coaching_attendance_height (doc->attendance);

      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      tandem_coaching_draw_attendance (cr, width - 2 * MARGIN, h, doc->attendance);
      cairo_restore (cr);
      top += h + CHART_GAP;
    }

  start = g_array_index (doc->page_starts, double, page_nr);
  end = g_array_index (doc->page_ends, double, page_nr);
  tandem_flowing_text_draw (doc->flow, cr, MARGIN, top, start, end);

  /* The footer: where the page belongs, and which page it is. */
  footer = new_layout (cr, 8, width - 2 * MARGIN);
  footer_text = g_strdup_printf (_("%s · page %u of %u"),
                                 doc->title ? doc->title
                                            : ((TandemSessionRecord *) doc->records->pdata[0])->title,
                                 page_nr + 1, n_pages);
  pango_layout_set_text (footer, footer_text, -1);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, height - MARGIN);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Attendance at a glance                                                   */

/**
 * tandem_coaching_attendance_height:
 * @attendance: the counts
 *
 * Returns: the height, in points, the chart needs for its rows
 */
double
tandem_coaching_attendance_height (const TandemAttendance *attendance)
{
  return TITLE_ROW + HEADER_ROW + MAX (1, attendance->n_teams) * ROW + 4;
}

static void
show_text (cairo_t     *cr,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       size,
           gboolean     bold,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, size, width);
  int h;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, 0);
  pango_layout_get_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * tandem_coaching_draw_attendance:
 * @cr: where to draw, with the origin at the chart's top left
 * @width: the width to fill
 * @height: the height (see tandem_coaching_attendance_height())
 * @attendance: the counts
 *
 * Draws attendance at a glance: for each team a row of months with the
 * number of sessions in each (written, and shaded: the shade is never the
 * only carrier), then the share of its sessions that had someone with lived
 * experience present, as a bar and a percentage.
 */
void
tandem_coaching_draw_attendance (cairo_t                *cr,
                                 double                  width,
                                 double                  height,
                                 const TandemAttendance *attendance)
{
  double name_w = MIN (180, width * 0.3);
  double share_w = MIN (150, width * 0.25);
  double cell_w = (width - name_w - share_w) / MAX (1, attendance->n_months);
  double y = TITLE_ROW + HEADER_ROW;
  guint most = 1;

  for (guint i = 0; i < attendance->n_teams * attendance->n_months; i++)
    most = MAX (most, attendance->sessions[i]);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, _("Coaching sessions per month, and how many had someone with lived experience present"),
             0, TITLE_ROW / 2, width, 10, TRUE, PANGO_ALIGN_LEFT);

  /* Month headings: the month, and the year under January and the first. */
  for (guint m = 0; m < attendance->n_months; m++)
    {
      int month = (attendance->first_month - 1 + (int) m) % 12 + 1;
      int year = attendance->first_year + (attendance->first_month - 1 + (int) m) / 12;
      g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%b");
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      double x = name_w + m * cell_w;

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_text (cr, name, x, TITLE_ROW + HEADER_ROW * 0.3, cell_w, 8, FALSE, PANGO_ALIGN_CENTER);
      if (m == 0 || month == 1)
        show_text (cr, year_text, x, TITLE_ROW + HEADER_ROW * 0.72, cell_w * 2, 7, FALSE,
                   PANGO_ALIGN_LEFT);
    }
  show_text (cr, _("Lived experience present"), width - share_w + 4, TITLE_ROW + HEADER_ROW * 0.5,
             share_w - 4, 8, FALSE, PANGO_ALIGN_LEFT);

  for (guint t = 0; t < attendance->n_teams; t++, y += ROW)
    {
      guint total = attendance->team_sessions[t];
      guint le = attendance->team_with_le[t];
      g_autofree char *share = NULL;
      double bar_w = share_w - 52;

      if (t % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
          cairo_rectangle (cr, 0, y, width, ROW);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, attendance->team_names[t], 0, y + ROW / 2, name_w - 6, 8.5, FALSE,
                 PANGO_ALIGN_LEFT);

      for (guint m = 0; m < attendance->n_months; m++)
        {
          guint n = attendance->sessions[t * attendance->n_months + m];
          double x = name_w + m * cell_w;
          double shade = (double) n / most;
          g_autofree char *count = g_strdup_printf ("%u", n);

          cairo_set_source_rgb (cr, 1 - 0.75 * shade, 1 - 0.55 * shade, 1 - 0.25 * shade);
          cairo_rectangle (cr, x + 1, y + 1, cell_w - 2, ROW - 2);
          cairo_fill (cr);
          if (shade > 0.55)
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            cairo_set_source_rgb (cr, n ? 0.1 : 0.6, n ? 0.1 : 0.6, n ? 0.1 : 0.6);
          show_text (cr, n ? count : "·", x, y + ROW / 2, cell_w, 8, n > 0, PANGO_ALIGN_CENTER);
        }

      /* The share: a bar, with the figures written beside it. */
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_rectangle (cr, width - share_w + 4, y + 4, bar_w, ROW - 8);
      cairo_fill (cr);
      if (total > 0)
        {
          cairo_set_source_rgb (cr, 0.15, 0.52, 0.35);
          cairo_rectangle (cr, width - share_w + 4, y + 4, bar_w * le / total, ROW - 8);
          cairo_fill (cr);
          share = g_strdup_printf ("%u%%", (guint) lround (100.0 * le / total));
        }
      else
        share = g_strdup ("–");
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, share, width - 46, y + ROW / 2, 46, 8, FALSE, PANGO_ALIGN_RIGHT);
    }
  if (attendance->n_teams == 0)
    show_text (cr, _("No teams yet."), 0, y + ROW / 2, width, 8.5, FALSE, PANGO_ALIGN_LEFT);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */

/**
 * tandem_sessions_format_from_string:
 * @name: “pdf”, “md” (or “markdown”), “txt” (or “text”) or “ics”
 * @format: (out): the format
 *
 * Returns: whether @name is a format sessions export to
 */
gboolean
tandem_sessions_format_from_string (const char           *name,
                                    TandemSessionsFormat *format)
{
  if (g_strcmp0 (name, "pdf") == 0)
    *format = TANDEM_SESSIONS_PDF;
  else if (g_strcmp0 (name, "md") == 0 || g_strcmp0 (name, "markdown") == 0)
    *format = TANDEM_SESSIONS_MARKDOWN;
  else if (g_strcmp0 (name, "ics") == 0)
    *format = TANDEM_SESSIONS_ICS;
  else if (g_strcmp0 (name, "txt") == 0 || g_strcmp0 (name, "text") == 0)
    *format = TANDEM_SESSIONS_TEXT;
  else
    return FALSE;
  return TRUE;
}

static gboolean
export_doc (TandemCoachingDoc        *doc,
            const char               *path,
            TandemExportConfirmFunc   confirm,
            gpointer                  confirm_data,
            GError                  **error)
{
  double width, height;
  guint n_pages;

  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_coaching_doc_paginate (doc, width, height);
  return tandem_export_pages_confirmed (path, TANDEM_EXPORT_PDF, width, height, n_pages, 72,
                                        tandem_coaching_doc_draw_page, doc,
                                        confirm, confirm_data, error);
}

/**
 * tandem_coaching_export_session:
 * @project: a project
 * @session_id: a session
 * @format: PDF (one page), Markdown, plain text or iCalendar
 * @path: the file to write
 * @error: return location for an error
 *
 * Writes one session's record, to send to the team.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_coaching_export_session (TandemProject         *project,
                                const char            *session_id,
                                TandemSessionsFormat   format,
                                const char            *path,
                                GError               **error)
{
  return tandem_coaching_export_session_confirmed (project, session_id, format, path,
                                                   NULL, NULL, error);
}

/**
 * tandem_coaching_export_session_confirmed:
 * @project: a project
 * @session_id: a session
 * @format: PDF (one page), Markdown, plain text or iCalendar
 * @path: the file to write, or “-” for standard output
 * @confirm: (nullable): asked before the finished file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * As tandem_coaching_export_session(), but the record only replaces @path
 * if @confirm agrees (see tandem_export_pages_confirmed()).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_coaching_export_session_confirmed (TandemProject            *project,
                                          const char               *session_id,
                                          TandemSessionsFormat      format,
                                          const char               *path,
                                          TandemExportConfirmFunc   confirm,
                                          gpointer                  confirm_data,
                                          GError                  **error)
{
  g_autofree char *today = tandem_coaching_today ();
  TandemSessionRecord *record = tandem_coaching_session_record (project, session_id, today, error);
  gboolean ok;

  if (record == NULL)
    return FALSE;
  if (format == TANDEM_SESSIONS_MARKDOWN || format == TANDEM_SESSIONS_TEXT)
    {
      g_autofree char *text = format == TANDEM_SESSIONS_TEXT
                              ? tandem_session_record_text (record)
                              : tandem_session_record_markdown (record);
      tandem_session_record_free (record);
      return tandem_export_text (path, text, confirm, confirm_data, error);
    }
  if (format == TANDEM_SESSIONS_ICS)
    {
      g_autofree char *team = tandem_project_get_text (project, TANDEM_ENTITY_COACHING_SESSION,
                                                       session_id, TANDEM_FIELD_COACHING_SESSION_TEAM_ID);
      g_autofree char *day = NULL;
      g_autofree char *text = NULL;
      g_autofree char *starts = tandem_project_get_text (project, TANDEM_ENTITY_COACHING_SESSION,
                                                         session_id, TANDEM_FIELD_COACHING_SESSION_STARTS_AT);

      tandem_session_record_free (record);
      day = g_strndup (starts ? starts : "", 10);
      text = tandem_coaching_calendar (project, team, day, day, TRUE, NULL, error);
      return text != NULL && tandem_export_text (path, text, confirm, confirm_data, error);
    }
  {
    TandemCoachingDoc *doc = tandem_coaching_doc_new_record (record);
    ok = export_doc (doc, path, confirm, confirm_data, error);
    tandem_coaching_doc_free (doc);
  }
  return ok;
}

/**
 * tandem_coaching_export_log:
 * @project: a project
 * @team_id: a team
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @include_private: whether to include sessions marked private
 * @format: PDF, Markdown, plain text or iCalendar
 * @path: the file to write
 * @error: return location for an error
 *
 * Writes a team's coaching log: as PDF (with attendance at a glance on the
 * first page), as Markdown, or as an iCalendar file of its sessions.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_coaching_export_log (TandemProject         *project,
                            const char            *team_id,
                            const char            *from,
                            const char            *to,
                            gboolean               include_private,
                            TandemSessionsFormat   format,
                            const char            *path,
                            GError               **error)
{
  return tandem_coaching_export_log_confirmed (project, team_id, from, to, include_private,
                                               format, path, NULL, NULL, error);
}

/**
 * tandem_coaching_export_log_confirmed:
 * @project: a project
 * @team_id: a team
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 * @include_private: whether to include sessions marked private
 * @format: PDF, Markdown, plain text or iCalendar
 * @path: the file to write, or “-” for standard output
 * @confirm: (nullable): asked before the finished file replaces @path
 * @confirm_data: for @confirm
 * @error: return location for an error
 *
 * As tandem_coaching_export_log(), but the log only replaces @path if
 * @confirm agrees (see tandem_export_pages_confirmed()).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tandem_coaching_export_log_confirmed (TandemProject            *project,
                                      const char               *team_id,
                                      const char               *from,
                                      const char               *to,
                                      gboolean                  include_private,
                                      TandemSessionsFormat      format,
                                      const char               *path,
                                      TandemExportConfirmFunc   confirm,
                                      gpointer                  confirm_data,
                                      GError                  **error)
{
  g_autofree char *today = tandem_coaching_today ();
  g_autofree char *team_name = tandem_project_get_text (project, TANDEM_ENTITY_TEAM, team_id,
                                                        TANDEM_FIELD_TEAM_NAME);
  GPtrArray *records;

  if (team_name == NULL)
    {
      g_set_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                   _("There is no such team in the project."));
      return FALSE;
    }
  if (format == TANDEM_SESSIONS_ICS)
    {
      g_autofree char *text = tandem_coaching_calendar (project, team_id, from, to,
                                                        include_private, NULL, error);
      return text != NULL && tandem_export_text (path, text, confirm, confirm_data, error);
    }

  records = tandem_coaching_log_records (project, team_id, from, to, include_private, today, error);
  if (records == NULL)
    return FALSE;
  if (format == TANDEM_SESSIONS_MARKDOWN || format == TANDEM_SESSIONS_TEXT)
    {
      g_autofree char *text = format == TANDEM_SESSIONS_TEXT
                              ? tandem_coaching_log_text (records, team_name)
                              : tandem_coaching_log_markdown (records, team_name);
      g_ptr_array_unref (records);
      return tandem_export_text (path, text, confirm, confirm_data, error);
    }
  {
    g_autoptr(GPtrArray) sessions = tandem_coaching_list_sessions (project, team_id, from, to,
                                                                   include_private, NULL);
    const char *last = sessions && sessions->len
                       ? ((TandemSession *) sessions->pdata[0])->starts_at : today;
    TandemAttendance *attendance = tandem_coaching_attendance (project, team_id, last, 12,
                                                               include_private, error);
    TandemCoachingDoc *doc;
    gboolean ok;

    if (attendance == NULL)
      {
        g_ptr_array_unref (records);
        return FALSE;
      }
    doc = tandem_coaching_doc_new_log (records, team_name, attendance);
    ok = export_doc (doc, path, confirm, confirm_data, error);
    tandem_coaching_doc_free (doc);
    return ok;
  }
}
