/* test-page.c — what every area page shares: a page out of sight in a
 * window on screen reloads when it comes into view, and before it prints
 * or exports; with no window on screen it reloads at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-page.h"
#include "tandem-test-util.h"

/* A page that counts its reloads and keeps the team each one showed. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, TandemPage)

struct _TestPage
{
  TandemPage  parent_instance;
  guint       reloads;
  char       *shown_team;
  char       *printed_team;
  char       *exported_team;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, TANDEM_TYPE_PAGE)

static void
test_page_reload (TandemPage *page)
{
  TestPage *self = TEST_PAGE (page);

  self->reloads++;
  g_free (self->shown_team);
  self->shown_team = g_strdup (tandem_page_get_team_id (page));
}

static void
test_page_print (TandemPage *page)
{
  TestPage *self = TEST_PAGE (page);

  g_free (self->printed_team);
  self->printed_team = g_strdup (self->shown_team);
}

static void
test_page_export (TandemPage *page)
{
  TestPage *self = TEST_PAGE (page);

  g_free (self->exported_team);
  self->exported_team = g_strdup (self->shown_team);
}

static void
test_page_finalize (GObject *object)
{
  TestPage *self = TEST_PAGE (object);

  g_free (self->shown_team);
  g_free (self->printed_team);
  g_free (self->exported_team);
  G_OBJECT_CLASS (test_page_parent_class)->finalize (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  static const char * const entities[] = { TANDEM_ENTITY_TEAM, NULL };
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_page_finalize;
  page_class->entities = entities;
  page_class->reload = test_page_reload;
  page_class->print = test_page_print;
  page_class->export = test_page_export;
}

static void
test_page_init (TestPage *self)
{
}

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *teams[2];
  GtkWindow     *window;
  AdwViewStack  *stack;
  TestPage      *front;   /* in view */
  TestPage      *behind;  /* out of sight */
} Fixture;

/* Both pages in a view stack in a window on screen, showing the first team
 * of a project with two, as the project window has them. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = create_project_in_tmp ("tandem-page-XXXXXX", "Pages.tandem", &f->dir, NULL);
  f->teams[0] = add_team_or_die (f->project, "Willow Ward");
  f->teams[1] = add_team_or_die (f->project, "Cedar Team");

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (f->window);
  f->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  f->front = g_object_new (TEST_TYPE_PAGE, NULL);
  f->behind = g_object_new (TEST_TYPE_PAGE, NULL);
  adw_view_stack_add_named (f->stack, GTK_WIDGET (f->front), "front");
  adw_view_stack_add_named (f->stack, GTK_WIDGET (f->behind), "behind");
  adw_view_stack_set_visible_child (f->stack, GTK_WIDGET (f->front));
  gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
  gtk_window_present (f->window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->front)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->behind)));

  /* Opening a project: every page, in sight or not, is told it. */
  for (guint i = 0; i < 2; i++)
    {
      TandemPage *page = TANDEM_PAGE (i ? f->behind : f->front);

      tandem_page_set_project (page, f->project);
      tandem_page_set_team_id (page, f->teams[0]);
    }
  /* The page in front shows it at once. */
  g_assert_cmpstr (f->front->shown_team, ==, f->teams[0]);
  g_assert_false (tandem_page_get_stale (TANDEM_PAGE (f->front)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->project);
  g_free (f->teams[0]);
  g_free (f->teams[1]);
  free_tmp (&f->dir, NULL);
}

/* Shows @team_id in both pages, as the window does on a team switch. */
static void
switch_team (Fixture    *f,
             const char *team_id)
{
  tandem_page_set_team_id (TANDEM_PAGE (f->front), team_id);
  tandem_page_set_team_id (TANDEM_PAGE (f->behind), team_id);
}

/* A team switch reloads the page in front only; the one out of sight
 * shows the new team as it comes into view, having reloaded once. */
static void
test_team_switch (Fixture       *f,
                  gconstpointer  data)
{
  guint front_reloads = f->front->reloads;
  guint behind_reloads = f->behind->reloads;

  switch_team (f, f->teams[1]);
  g_assert_cmpuint (f->front->reloads, ==, front_reloads + 1);
  g_assert_cmpstr (f->front->shown_team, ==, f->teams[1]);
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads);
  g_assert_true (tandem_page_get_stale (TANDEM_PAGE (f->behind)));

  /* Back and forth while out of sight: still no reload. */
  switch_team (f, f->teams[0]);
  switch_team (f, f->teams[1]);
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads);

  adw_view_stack_set_visible_child (f->stack, GTK_WIDGET (f->behind));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->behind)));
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads + 1);
  g_assert_cmpstr (f->behind->shown_team, ==, f->teams[1]);
  g_assert_false (tandem_page_get_stale (TANDEM_PAGE (f->behind)));

  /* Going out of sight and back with nothing changed costs no reload. */
  front_reloads = f->front->reloads;
  adw_view_stack_set_visible_child (f->stack, GTK_WIDGET (f->front));
  g_assert_cmpuint (f->front->reloads, ==, front_reloads);
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads + 1);
}

/* A change to the project (here or by another program) reloads the page in
 * front; the one out of sight shows it when it comes into view. */
static void
test_project_change (Fixture       *f,
                     gconstpointer  data)
{
  guint front_reloads = f->front->reloads;
  guint behind_reloads = f->behind->reloads;
  g_autofree char *third = NULL;

  third = add_team_or_die (f->project, "Rowan House");
  g_assert_cmpuint (f->front->reloads, ==, front_reloads + 1);
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads);
  g_assert_true (tandem_page_get_stale (TANDEM_PAGE (f->behind)));

  adw_view_stack_set_visible_child_name (f->stack, "behind");
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads + 1);
  g_assert_false (tandem_page_get_stale (TANDEM_PAGE (f->behind)));
}

/* Printing or exporting a page out of sight gives the current team, not
 * the one it last showed. */
static void
test_print_and_export (Fixture       *f,
                       gconstpointer  data)
{
  switch_team (f, f->teams[1]);
  g_assert_true (tandem_page_get_stale (TANDEM_PAGE (f->behind)));
  tandem_page_print (TANDEM_PAGE (f->behind));
  g_assert_cmpstr (f->behind->printed_team, ==, f->teams[1]);
  g_assert_false (tandem_page_get_stale (TANDEM_PAGE (f->behind)));

  switch_team (f, f->teams[0]);
  g_assert_true (tandem_page_get_stale (TANDEM_PAGE (f->behind)));
  tandem_page_export (TANDEM_PAGE (f->behind));
  g_assert_cmpstr (f->behind->exported_team, ==, f->teams[0]);

  /* tandem_page_ensure_current () on a page already current does nothing. */
  {
    guint reloads = f->behind->reloads;

    tandem_page_ensure_current (TANDEM_PAGE (f->behind));
    g_assert_cmpuint (f->behind->reloads, ==, reloads);
  }
}

/* With the window off screen nothing is in front: every page reloads at
 * once, so nothing waits on a page that will never be mapped. */
static void
test_window_off_screen (Fixture       *f,
                        gconstpointer  data)
{
  guint behind_reloads = f->behind->reloads;

  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->stack)));
  switch_team (f, f->teams[1]);
  g_assert_cmpuint (f->behind->reloads, ==, behind_reloads + 1);
  g_assert_cmpstr (f->behind->shown_team, ==, f->teams[1]);
  g_assert_false (tandem_page_get_stale (TANDEM_PAGE (f->behind)));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/page/team-switch", Fixture, NULL, fixture_set_up, test_team_switch,
              fixture_tear_down);
  g_test_add ("/page/project-change", Fixture, NULL, fixture_set_up, test_project_change,
              fixture_tear_down);
  g_test_add ("/page/print-and-export", Fixture, NULL, fixture_set_up, test_print_and_export,
              fixture_tear_down);
  g_test_add ("/page/window-off-screen", Fixture, NULL, fixture_set_up, test_window_off_screen,
              fixture_tear_down);
  return g_test_run ();
}
