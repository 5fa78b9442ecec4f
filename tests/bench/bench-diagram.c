/* bench-diagram.c — driver diagrams at national scale
 *
 * Targets (issue 4), on the national sample (3,424 change ideas over 52 team
 * diagrams): layout and full render under 100 ms (the largest diagram, and
 * all 52 together); a redraw while panning or zooming under 16 ms (a
 * 1280 x 800 view, drawing only what is visible); adding a node and seeing
 * it (reload, layout, redraw) under 16 ms plus the commit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "tandem-diagram-layout.h"
#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

#define ALL_PASSES 9

/* The whole drawing, as printing and PDF/SVG export draw it: vector output. */
static void
render_all (TandemDiagramLayout *layout)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  tandem_diagram_layout_draw (layout, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The whole drawing rasterised at 1:1, as a PNG of the whole diagram would be. */
static void
raster_all (TandemDiagramLayout *layout)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  tandem_diagram_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w + 1, (int) h + 1);
  cr = cairo_create (surface);
  tandem_diagram_layout_draw (layout, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* What the canvas does for one frame: a 1280 x 800 view at @zoom, panned. */
static void
draw_view (TandemDiagramLayout *layout,
           cairo_surface_t     *view,
           double               zoom,
           double               ox,
           double               oy,
           int                  selected)
{
  cairo_t *cr = cairo_create (view);
  TandemDiagramDrawOptions options = { selected, -1, TRUE };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -ox, -oy);
  cairo_scale (cr, zoom, zoom);
  tandem_diagram_layout_draw (layout, cr, &options);
  cairo_destroy (cr);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *largest = NULL;
  guint largest_nodes = 0, total_ideas = 0;
  double runs[20], lays[ALL_PASSES], draws[ALL_PASSES], frames[200], adds[30], sees[30];
  cairo_surface_t *view;
  gint64 start;
  int status = 0;

  project = create_sample_in_tmp ("tandem-bench-diagram-XXXXXX", "National.tandem", TANDEM_SAMPLE_NATIONAL,
                                 &dir, NULL);

  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  for (guint t = 0; t < teams->len; t++)
    {
      g_autoptr(GPtrArray) ids = tandem_diagram_list (project, teams->pdata[t], NULL);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 n = tandem_project_count (project, "node", "diagram_id", ids->pdata[i]);
          g_autoptr(TandemEquitySummary) s = tandem_equity_summary_new (project, NULL, ids->pdata[i], NULL);

          total_ideas += s->n_ideas;
          if ((guint) n > largest_nodes)
            {
              largest_nodes = n;
              g_free (largest);
              largest = g_strdup (ids->pdata[i]);
            }
          g_ptr_array_add (all, g_strdup (ids->pdata[i]));
        }
    }
  g_print ("national sample: %u diagrams, %u change ideas; the largest diagram has %u nodes\n",
           all->len, total_ideas, largest_nodes);

  /* All 52 diagrams, every change idea of the programme: first with nothing
   * cached (as on opening), then again (as after an edit), several times:
   * the machine is shared, so "again" is the median of those passes. */
  for (guint r = 0; r < ALL_PASSES; r++)
    {
      double load = 0, lay = 0, draw = 0, raster = 0;

      for (guint i = 0; i < all->len; i++)
        {
          g_autoptr(TandemDiagram) d = NULL;
          g_autoptr(TandemDiagramLayout) layout = NULL;

          start = g_get_monotonic_time ();
          d = tandem_diagram_load (project, all->pdata[i], &error);
          load += ms_since (start);
          start = g_get_monotonic_time ();
          layout = tandem_diagram_layout_new (d, NULL);
          lay += ms_since (start);
          start = g_get_monotonic_time ();
          render_all (layout);
          draw += ms_since (start);
          if (r == 0)
            {
              start = g_get_monotonic_time ();
              raster_all (layout);
              raster += ms_since (start);
            }
        }
      if (r == 0)
        g_print ("all %u diagrams (%u change ideas), first time: load %.1f ms, layout %.1f ms, full render "
                 "(vector) %.1f ms, full render (raster, 1:1) %.1f ms\n", all->len, total_ideas,
                 load, lay, draw, raster);
      runs[r] = lay + draw;
      lays[r] = lay;
      draws[r] = draw;
    }
  g_print ("all %u diagrams, again (median of %u): layout %.1f ms, full render (vector) %.1f ms\n",
           all->len, ALL_PASSES - 1, median (lays + 1, ALL_PASSES - 1), median (draws + 1, ALL_PASSES - 1));
  {
    double again = median (runs + 1, ALL_PASSES - 1);   /* sorts them: runs[1] is then the best */

    g_print ("all diagrams: layout + full render (vector): first %.1f ms, again median %.1f ms, best %.1f ms "
             "(target < 100 ms)\n", runs[0], again, runs[1]);
  }

  /* The largest diagram: load, layout and full render. */
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(TandemDiagram) d = NULL;
      g_autoptr(TandemDiagramLayout) layout = NULL;

      start = g_get_monotonic_time ();
      d = tandem_diagram_load (project, largest, &error);
      g_assert_no_error (error);
      layout = tandem_diagram_layout_new (d, NULL);
      render_all (layout);
      runs[r] = ms_since (start);
    }
  g_print ("largest diagram: load + layout + full render (vector): median %.1f ms (target < 100 ms)\n",
           median (runs, G_N_ELEMENTS (runs)));
  if (median (runs, G_N_ELEMENTS (runs)) >= 100)
    status = 1;

  /* Panning and zooming the largest diagram in a 1280 x 800 view. */
  view = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800);
  {
    g_autoptr(TandemDiagram) d = tandem_diagram_load (project, largest, &error);
    g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (d, NULL);
    double w, h;

    tandem_diagram_layout_get_size (layout, &w, &h);
    for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
      {
        double zoom = f < 100 ? 1.0 : 0.4 + (f - 100) * 0.01;

        start = g_get_monotonic_time ();
        draw_view (layout, view, zoom, (f * 37) % (int) MAX (1, w * zoom - 640), (f * 53) % (int) MAX (1, h * zoom - 400), 5);
        frames[f] = ms_since (start);
      }
    {
      double mid = median (frames, G_N_ELEMENTS (frames));
      g_print ("redraw while panning and zooming (1280 x 800): median %.2f ms, worst %.2f ms "
               "(target < 16 ms)\n", mid, frames[G_N_ELEMENTS (frames) - 1]);
    }
    if (median (frames, G_N_ELEMENTS (frames)) >= 16)
      status = 1;
  }

  /* Adding a change idea: the commit, then what the page does to show it. */
  {
    g_autoptr(TandemDiagram) d = tandem_diagram_load (project, largest, &error);
    g_autofree char *secondary = NULL;

    for (guint i = 0; i < tandem_diagram_get_n_nodes (d) && secondary == NULL; i++)
      if (tandem_diagram_get_node (d, i)->kind == TANDEM_NODE_SECONDARY)
        secondary = g_strdup (tandem_diagram_get_node (d, i)->id);

    for (guint r = 0; r < G_N_ELEMENTS (adds); r++)
      {
        g_autofree char *id = NULL;
        g_autoptr(TandemDiagram) again = NULL;
        g_autoptr(TandemDiagramLayout) layout = NULL;
        g_autoptr(GHashTable) authorship = NULL;

        start = g_get_monotonic_time ();
        id = tandem_diagram_add_child (project, secondary, "A new change idea from the bench", &error);
        g_assert_no_error (error);
        adds[r] = ms_since (start);

        /* As the page does with "show who added what" on: who added and
         * changed each box comes from the change log too. */
        start = g_get_monotonic_time ();
        again = tandem_diagram_load (project, largest, &error);
        authorship = tandem_diagram_authorship (project, largest);
        layout = tandem_diagram_layout_new_full (again, NULL, authorship);
        draw_view (layout, view, 1.0, 0, 0, tandem_diagram_find_node (again, id));
        sees[r] = ms_since (start);
      }
    g_print ("add a change idea: commit median %.2f ms; reload + authorship + layout + redraw median %.2f ms "
             "(target < 16 ms plus the commit)\n", median (adds, G_N_ELEMENTS (adds)),
             median (sees, G_N_ELEMENTS (sees)));
    if (median (sees, G_N_ELEMENTS (sees)) >= 16)
      status = 1;
  }
  cairo_surface_destroy (view);

  g_clear_object (&project);
  free_tmp (&dir, NULL);
  return status;
}
