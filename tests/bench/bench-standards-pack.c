/* bench-standards-pack.c — one team's accreditation pack, from the file to
 * every page drawn into a PDF
 *
 * Budget (issue 17): the pack for one team under 500 ms: the figures
 * worked out, the linked measures' charts, the pages laid out and drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-standards-pack.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

#define ROUNDS 10
#define BUDGET 500.0

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* The whole pack into a PDF that is thrown away; returns its pages. */
static guint
draw_pack (TandemProject *project,
           const char    *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsPack) pack = tandem_standards_pack_new (project, team, &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_assert_no_error (error);
  tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &width, &height);
  n_pages = tandem_standards_pack_paginate (pack, width, height);
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, width, height);
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      tandem_standards_pack_draw_page (cr, width, height, p, pack);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return n_pages;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *team = NULL;
  double times[ROUNDS];
  guint n_pages = 0;
  double w;

  project = create_sample_in_tmp ("tandem-bench-XXXXXX", "Sample.tandem", TANDEM_SAMPLE_WARD,
                                  &dir, NULL);
  team = tandem_team_find (project, "Delderfield Ward");
  g_assert_nonnull (team);
  /* One untimed round first: fonts are loaded once a process. */
  draw_pack (project, team);
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      n_pages = draw_pack (project, team);
      times[i] = ms_since (start);
    }
  w = worst (times, ROUNDS);
  g_print ("accreditation pack, %u pages: median %.2f ms, worst %.2f ms (budget %.0f ms)\n",
           n_pages, median (times, ROUNDS), w, BUDGET);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
  return w <= BUDGET ? 0 : 1;
}
