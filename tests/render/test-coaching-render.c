/* test-coaching-render.c — a session's one-page record, a team's log, the
 * attendance chart and the exported files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-coaching-render.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *team;
  char          *session;   /* the team's latest */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  fixture->project = create_sample_in_tmp ("tandem-coaching-render-XXXXXX", "Sample.tandem",
                                          TANDEM_SAMPLE_WARD, &fixture->dir, NULL);
  teams = tandem_project_list_ids (fixture->project, "team", NULL, NULL, "position");
  fixture->team = g_strdup (teams->pdata[0]);
  sessions = tandem_coaching_list_sessions (fixture->project, fixture->team, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  fixture->session = g_strdup (((TandemSession *) sessions->pdata[0])->id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, NULL);
  g_free (fixture->team);
  g_free (fixture->session);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)); p += 11)
    if (p[11] != 's')
      pages++;
  return pages;
}

/* How much of a rectangle of an image is not white. */
static double
inked (cairo_surface_t *image,
       int              x0,
       int              y0,
       int              x1,
       int              y1)
{
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint ink = 0, all = 0;

  cairo_surface_flush (image);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++, all++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        ink += (pixel & 0xffffff) != 0xffffff;
      }
  return all ? (double) ink / all : 0;
}

static void
test_session_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autofree char *md = g_build_filename (fixture->dir, "record.md", NULL);
  g_autofree char *ics = g_build_filename (fixture->dir, "record.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *long_notes = NULL;
  TandemSessionsFormat format;

  g_assert_true (tandem_sessions_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, TANDEM_SESSIONS_MARKDOWN);
  g_assert_true (tandem_sessions_format_from_string ("ics", &format));
  g_assert_false (tandem_sessions_format_from_string ("docx", &format));

  g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                 TANDEM_SESSIONS_PDF, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);

  g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                 TANDEM_SESSIONS_MARKDOWN, md, &error));
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Coaching session: Delderfield Ward"));
  g_clear_pointer (&text, g_free);

  /* Plain text, for a message that shows no Markdown: underlined title,
   * headings and bullets as they are, no Markdown marks. */
  {
    g_autofree char *txt = g_build_filename (fixture->dir, "record.txt", NULL);

    g_assert_true (tandem_sessions_format_from_string ("txt", &format));
    g_assert_cmpint (format, ==, TANDEM_SESSIONS_TEXT);
    g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                   TANDEM_SESSIONS_TEXT, txt, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "Coaching session: Delderfield Ward\n"
                                           "==================================\n"));
    g_assert_nonnull (strstr (text, "\nWho took part\n• "));
    g_assert_null (strstr (text, "**"));
    g_assert_null (strstr (text, "\n# "));
    g_assert_null (strstr (text, "\n- "));
    g_clear_pointer (&text, g_free);
    g_unlink (txt);
  }

  g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                 TANDEM_SESSIONS_ICS, ics, &error));
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, fixture->session));
  g_assert_null (strstr (strstr (text, "END:VEVENT") + 1, "BEGIN:VEVENT"));

  /* A long record still fits one page, in smaller type. */
  {
    GString *notes = g_string_new (NULL);
    for (guint i = 0; i < 60; i++)
      g_string_append (notes, "The team talked at length about the evening activity group. ");
    long_notes = g_string_free (notes, FALSE);
  }
  g_assert_true (tandem_project_begin (fixture->project, "Long", &error));
  g_assert_true (tandem_project_update (fixture->project, "coaching_session", fixture->session,
                                        "notes", tandem_value_text (long_notes), &error));
  g_assert_true (tandem_project_commit (fixture->project, &error));
  g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                 TANDEM_SESSIONS_PDF, pdf, &error));
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
}

/* The words of a PDF as pdftotext reads them, or NULL (and the test
 * skipped) where pdftotext is not installed. */
static char **
pdf_words (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  int status = 0;
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strsplit_set (out, " \n\f", -1);
}

/* How many of w00001, w00002… come in order among @words; fails on one out
 * of place or missing. */
static guint
count_numbered_words (char **words)
{
  guint next = 1;

  for (guint i = 0; words[i]; i++)
    if (words[i][0] == 'w' && g_ascii_isdigit (words[i][1]))
      {
        g_autofree char *expected = g_strdup_printf ("w%05u", next);

        g_assert_cmpstr (words[i], ==, expected);
        next++;
      }
  return next - 1;
}

/* A note far longer than a page flows over as many pages as it takes,
 * every word printed once, in order: nothing clipped, nothing lost. */
static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  const guint n_words = 40000;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *log_pdf = g_build_filename (fixture->dir, "long-log.pdf", NULL);
  g_autofree char *note = NULL;
  g_auto(GStrv) words = NULL;
  GString *text = g_string_new (NULL);
  gint64 started;

  for (guint i = 1; i <= n_words; i++)
    g_string_append_printf (text, "w%05u ", i);
  note = g_string_free (text, FALSE);
  g_assert_true (tandem_project_begin (fixture->project, "Long", &error));
  g_assert_true (tandem_project_update (fixture->project, "coaching_session", fixture->session,
                                        "notes", tandem_value_text (note), &error));
  g_assert_true (tandem_project_commit (fixture->project, &error));

  started = g_get_monotonic_time ();
  g_assert_true (tandem_coaching_export_session (fixture->project, fixture->session,
                                                 TANDEM_SESSIONS_PDF, pdf, &error));
  g_assert_no_error (error);
  g_test_message ("40,000 words exported in %.1f s",
                  (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  g_assert_cmpuint (pdf_pages (pdf), >=, 40);

  words = pdf_words (pdf);
  if (words == NULL)
    return;
  g_assert_cmpuint (count_numbered_words (words), ==, n_words);

  /* And the same in the team's log. */
  g_assert_true (tandem_coaching_export_log (fixture->project, fixture->team, NULL, NULL, TRUE,
                                             TANDEM_SESSIONS_PDF, log_pdf, &error));
  g_assert_no_error (error);
  g_clear_pointer (&words, g_strfreev);
  words = pdf_words (log_pdf);
  g_assert_cmpuint (count_numbered_words (words), ==, n_words);
}

static void
test_record_drawing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = tandem_coaching_today ();
  TandemSessionRecord *record;
  TandemCoachingDoc *doc;
  cairo_surface_t *image;
  cairo_t *cr;
  double w, h;

  record = tandem_coaching_session_record (fixture->project, fixture->session, today, &error);
  g_assert_no_error (error);
  doc = tandem_coaching_doc_new_record (record);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &w, &h);
  g_assert_cmpuint (tandem_coaching_doc_paginate (doc, w, h), ==, 1);

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (image);
  tandem_coaching_doc_draw_page (cr, w, h, 0, doc);
  /* Text at the top, the margins clear, the footer at the bottom. */
  g_assert_cmpfloat (inked (image, 42, 42, (int) w - 42, 120), >, 0.02);
  g_assert_cmpfloat (inked (image, 0, 0, (int) w, 30), ==, 0);
  g_assert_cmpfloat (inked (image, 0, 0, 30, (int) h), ==, 0);
  g_assert_cmpfloat (inked (image, 42, (int) h - 42, (int) w - 42, (int) h - 30), >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  tandem_coaching_doc_free (doc);
}

static void
test_log (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "log.pdf", NULL);
  g_autofree char *md = g_build_filename (fixture->dir, "log.md", NULL);
  g_autofree char *ics = g_build_filename (fixture->dir, "log.ics", NULL);
  g_autofree char *text = NULL;
  guint all_pages, some_pages;

  g_assert_true (tandem_coaching_export_log (fixture->project, fixture->team, NULL, NULL, TRUE,
                                             TANDEM_SESSIONS_PDF, pdf, &error));
  g_assert_no_error (error);
  all_pages = pdf_pages (pdf);
  g_assert_cmpuint (all_pages, >=, 2);
  g_assert_true (tandem_coaching_export_log (fixture->project, fixture->team, "2026-11-15", NULL,
                                             TRUE, TANDEM_SESSIONS_PDF, pdf, &error));
  some_pages = pdf_pages (pdf);
  g_assert_cmpuint (some_pages, <, all_pages);

  g_assert_true (tandem_coaching_export_log (fixture->project, fixture->team, NULL, "2026-10-31",
                                             TRUE, TANDEM_SESSIONS_MARKDOWN, md, &error));
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "4 coaching sessions."));
  g_clear_pointer (&text, g_free);

  g_assert_true (tandem_coaching_export_log (fixture->project, fixture->team, NULL, NULL, TRUE,
                                             TANDEM_SESSIONS_ICS, ics, &error));
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));

  g_assert_false (tandem_coaching_export_log (fixture->project, "no-such-team", NULL, NULL, TRUE,
                                              TANDEM_SESSIONS_PDF, pdf, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_coaching_export_log (fixture->project, fixture->team, NULL, NULL, TRUE,
                                              TANDEM_SESSIONS_MARKDOWN, "/nonexistent/dir/log.md",
                                              &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_WRITE);
}

static void
test_attendance_chart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemAttendance) attendance = NULL;
  cairo_surface_t *image;
  cairo_t *cr;
  double h;
  int w = 600;

  attendance = tandem_coaching_attendance (fixture->project, NULL, "2026-11", 4, TRUE, &error);
  g_assert_no_error (error);
  h = tandem_coaching_attendance_height (attendance);
  g_assert_cmpfloat (h, >, 3 * 18);

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, (int) h);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tandem_coaching_draw_attendance (cr, w, h, attendance);
  /* Every team's row is drawn: names at the left, cells and bars across. */
  for (guint t = 0; t < attendance->n_teams; t++)
    {
      int y = (int) (22 + 30 + 18 * t);
      g_assert_cmpfloat (inked (image, 0, y + 3, 170, y + 15), >, 0.02);
      g_assert_cmpfloat (inked (image, 180, y + 2, w - 150, y + 16), >, 0.2);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Europe/London", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/coaching-render/session-record", test_session_record);
  ADD ("/coaching-render/record-drawing", test_record_drawing);
  ADD ("/coaching-render/long-note", test_long_note);
  ADD ("/coaching-render/log", test_log);
  ADD ("/coaching-render/attendance-chart", test_attendance_chart);
#undef ADD
  return g_test_run ();
}
