/* bench-workshop.c — how long a change of text size takes to show, on the
 * national sample: workshop mode on and off (F11), the system's large text
 * and Preferences' chart style, with each page in front
 *
 * Prints, for each change, the time to the first frame drawn after it and
 * the time until the window has no more work queued (pages laid out later,
 * in the background). Needs a display (run under Xvfb); a benchmark, so it
 * reports rather than asserts a budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-application.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static guint paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  paints++;
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

typedef void (*ChangeFunc) (GtkWidget *window, gboolean on);

static void
toggle_workshop (GtkWidget *window,
                 gboolean   on)
{
  gtk_widget_activate_action (window, "win.workshop-mode", NULL);
}

static void
toggle_large_text (GtkWidget *window,
                   gboolean   on)
{
  g_object_set (gtk_widget_get_settings (window), "gtk-xft-dpi", (on ? 144 : 96) * 1024, NULL);
}

static void
toggle_chart_style (GtkWidget *window,
                    gboolean   on)
{
  GSettings *settings = tandem_application_get_settings (
    TANDEM_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));

  g_settings_set_string (settings, "chart-style", on ? "workshop" : "standard");
}

static void
measure (GtkWidget  *window,
         const char *page,
         const char *what,
         ChangeFunc  change,
         gboolean    on)
{
  gint64 start, frame = 0, done;
  guint before;

  settle (300);
  before = paints;
  start = g_get_monotonic_time ();
  change (window, on);
  while (paints == before)
    g_main_context_iteration (NULL, TRUE);
  frame = g_get_monotonic_time ();
  done = settle (300);
  g_print ("%-13s %-22s %-4s first frame %7.1f ms, all work done %7.1f ms\n", page, what,
           on ? "on" : "off", (frame - start) / 1000.0, (MAX (done, frame) - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *pages[] = { "diagram", "measures", "coaching", "peer-support" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  TandemApplication *app;
  GtkWidget *window;
  AdwViewStack *stack;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();

  app = tandem_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("The application could not register: %s", error->message);

  project = create_project_in_tmp ("tandem-bench-workshop-XXXXXX", "National.tandem", &dir, &path);
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
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  stack = ADW_VIEW_STACK (find_widget_of_type (window, ADW_TYPE_VIEW_STACK));

  /* Every page once, as someone would before a workshop. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      settle (300);
    }
  if (argc > 1)
    {
      /* bench-workshop PAGE: workshop mode only, with PAGE in front (for a
       * profiler). */
      adw_view_stack_set_visible_child_name (stack, argv[1]);
      for (guint k = 0; k < 3; k++)
        {
          measure (window, argv[1], "workshop mode (F11)", toggle_workshop, TRUE);
          measure (window, argv[1], "workshop mode (F11)", toggle_workshop, FALSE);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      free_tmp (&dir, &path);
      g_object_unref (app);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      measure (window, pages[i], "workshop mode (F11)", toggle_workshop, TRUE);
      measure (window, pages[i], "workshop mode (F11)", toggle_workshop, FALSE);
      measure (window, pages[i], "large text", toggle_large_text, TRUE);
      measure (window, pages[i], "large text", toggle_large_text, FALSE);
      measure (window, pages[i], "chart style workshop", toggle_chart_style, TRUE);
      measure (window, pages[i], "chart style workshop", toggle_chart_style, FALSE);
    }
  /* After a change, the first look at each other page. */
  adw_view_stack_set_visible_child_name (stack, "diagram");
  settle (300);
  toggle_workshop (window, TRUE);
  settle (300);
  for (guint i = 1; i < G_N_ELEMENTS (pages); i++)
    {
      gint64 start = g_get_monotonic_time (), frame;
      guint before = paints;

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      while (paints == before)
        g_main_context_iteration (NULL, TRUE);
      frame = g_get_monotonic_time ();
      g_print ("%-13s %-27s first frame %7.1f ms\n", pages[i], "shown after F11",
               (frame - start) / 1000.0);
      settle (300);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  free_tmp (&dir, &path);
  g_object_unref (app);
  return 0;
}
