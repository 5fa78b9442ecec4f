/* bench-pages.c — every page's first frame after a team switch, on the
 * national sample
 *
 * Opens the national sample in a window and, with each page in front in
 * turn (diagram, measures, coaching, peer support, standards), shows
 * another team through "win.select-team" and times the first frame the
 * window draws after it (the frame clock's "after-paint"), then how long
 * until the window has no more work queued. Each page sees the same teams,
 * spread from the first to the last of the sample; the median first frame
 * of each page must be under 200 ms, or the benchmark fails. Then, for
 * each page, the first frame when it comes into view after a team switch
 * made with another page in front. The processor time used is printed
 * beside each figure: on a busy machine, the work apart from the wait.
 *
 * bench-pages PAGE times that page only (for a profiler). Needs a display
 * (run under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "tandem-application.h"
#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"
#include "tandem-window.h"

#define BUDGET_MS    200.0
#define N_SWITCHES   9
#define FRAME_WAIT_S 30

static guint paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  paints++;
}

static gboolean
no_frame_cb (gpointer user_data)
{
  g_error ("No frame was drawn %d s after showing team %s", FRAME_WAIT_S,
           (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* The processor time the process has used, in microseconds: on a busy
 * machine, what the work cost apart from the wait for a processor. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Runs the main loop until nothing has happened for @quiet_ms; returns
 * when the last thing happened. */
static gint64
settle (int quiet_ms)
{
  gint64 last = g_get_monotonic_time ();

  while (g_get_monotonic_time () - last < quiet_ms * 1000)
    {
      if (g_main_context_iteration (NULL, FALSE))
        last = g_get_monotonic_time ();
      else
        g_usleep (500);
    }
  return last;
}

/* Shows @team_id in @window and returns the milliseconds to the first frame
 * drawn after it; @cpu_ms is set to the processor time used until then and
 * @done_ms to the milliseconds until the window was quiet. */
static double
switch_team (GtkWidget  *window,
             const char *team_id,
             double     *cpu_ms,
             double     *done_ms)
{
  gint64 start, start_cpu, frame, done;
  guint before, guard;

  settle (200);
  before = paints;
  guard = g_timeout_add_seconds (FRAME_WAIT_S, no_frame_cb, (gpointer) team_id);
  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (window, "win.select-team", "s", team_id);
  while (paints == before)
    g_main_context_iteration (NULL, TRUE);
  frame = g_get_monotonic_time ();
  *cpu_ms = (cpu_time () - start_cpu) / 1000.0;
  g_source_remove (guard);
  g_assert_cmpstr (tandem_window_get_team_id (TANDEM_WINDOW (window)), ==, team_id);
  done = settle (200);
  *done_ms = (MAX (done, frame) - start) / 1000.0;
  return (frame - start) / 1000.0;
}

/* Times @page over the teams in @order, which start from another team than
 * the one shown; returns whether its median first frame is in budget. */
static gboolean
bench_page (GtkWidget  *window,
            const char *page,
            GPtrArray  *teams,
            guint      *order,
            guint       n)
{
  double frames[N_SWITCHES], cpu[N_SWITCHES], done[N_SWITCHES];
  double slowest = 0, med, med_cpu, worst_done;
  const char *slowest_team = NULL;

  tandem_window_show_item (TANDEM_WINDOW (window), page, NULL);
  settle (300);
  for (guint k = 0; k < n; k++)
    {
      TandemTeam *team = teams->pdata[order[k]];

      frames[k] = switch_team (window, team->id, &cpu[k], &done[k]);
      if (frames[k] > slowest)
        {
          slowest = frames[k];
          slowest_team = team->name;
        }
    }
  med = median (frames, n);
  med_cpu = median (cpu, n);
  worst_done = worst (done, n);
  g_print ("%-13s first frame: median %6.1f ms (processor %6.1f ms), worst %6.1f ms (%s); "
           "all work done: worst %6.1f ms%s\n",
           page, med, med_cpu, slowest, slowest_team, worst_done,
           med > BUDGET_MS ? "  OVER BUDGET" : "");
  return med <= BUDGET_MS;
}

/* Shows @page, whose team changed while another page was in front, and
 * prints the milliseconds to the first frame drawn after it. */
static void
bench_page_shown (GtkWidget  *window,
                  const char *page)
{
  gint64 start, start_cpu;
  guint before;

  settle (200);
  before = paints;
  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  tandem_window_show_item (TANDEM_WINDOW (window), page, NULL);
  while (paints == before)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-13s shown after a team switch: first frame %6.1f ms (processor %6.1f ms)\n",
           page, ms_since (start), (cpu_time () - start_cpu) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *pages[] = { "diagram", "measures", "coaching", "peer-support", "standards" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GFile) file = NULL;
  guint order[N_SWITCHES];
  gboolean in_budget = TRUE;
  TandemApplication *app;
  GtkWidget *window;
  guint n;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  app = tandem_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("The application could not register: %s", error->message);

  project = create_project_in_tmp ("tandem-bench-pages-XXXXXX", "National.tandem", &dir, &path);
  tandem_project_set_author (project, "Tandem sample");
  if (!tandem_sample_populate (project, TANDEM_SAMPLE_NATIONAL, &error))
    g_error ("%s", error->message);
  g_clear_object (&project);

  window = GTK_WIDGET (tandem_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (path);
  tandem_window_open_file (TANDEM_WINDOW (window), file);
  while (tandem_window_is_busy (TANDEM_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (tandem_window_get_project (TANDEM_WINDOW (window)));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);

  teams = tandem_team_list (tandem_window_get_project (TANDEM_WINDOW (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, >, N_SWITCHES);
  /* Teams spread over the sample, from the second to the last: never the
   * first, which a freshly opened window shows. */
  n = N_SWITCHES;
  for (guint k = 0; k < n; k++)
    order[k] = 1 + k * (teams->len - 2) / (n - 1);

  /* Every page once, as someone would on opening the file. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      tandem_window_show_item (TANDEM_WINDOW (window), pages[i], NULL);
      settle (300);
    }

  g_print ("National sample, %u teams; %u team switches per page; budget %.0f ms (median)\n",
           teams->len, n, BUDGET_MS);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (argc > 1 && !g_str_equal (argv[1], pages[i]))
        continue;
      /* Back to the first team, so the first switch is a switch. */
      tandem_window_select_team (TANDEM_WINDOW (window), ((TandemTeam *) teams->pdata[0])->id);
      in_budget &= bench_page (window, pages[i], teams, order, n);
    }

  /* Each page coming into view after a team switch made in another. */
  for (guint i = 1; i < G_N_ELEMENTS (pages) && argc == 1; i++)
    {
      tandem_window_show_item (TANDEM_WINDOW (window), pages[0], NULL);
      tandem_window_select_team (TANDEM_WINDOW (window),
                                 ((TandemTeam *) teams->pdata[order[i]])->id);
      bench_page_shown (window, pages[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  free_tmp (&dir, &path);
  g_object_unref (app);
  return in_budget ? 0 : 1;
}
