/* test-programme-window.c — the programme window on a folder of three small
 * teams' files made here and one file that is not a project: a row per team,
 * the refused file with its reason, the totals in words, sorting by the
 * race-equity share, a team opened in its own window, a file changed on
 * disk, and an empty folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-defaults.h"
#include "tandem-programme-item.h"
#include "tandem-programme-window.h"
#include "tandem-team.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

typedef struct
{
  char      *dir;
  char      *alder;
  char      *birch;
  char      *cedar;
  char      *birch_team;
  GtkWindow *window;
} Fixture;

/* A change idea of @team's driver diagram, tagged race equity or not. */
static void
add_change_idea (TandemProject *project,
                 const char    *team,
                 gboolean       race)
{
  g_autofree char *diagram = insert_or_die (project, "diagram", (TandemField[]) {
    { "team_id", tandem_value_text (team) },
    { "name", tandem_value_text ("Safer nights") } }, 2);
  g_autofree char *idea = insert_or_die (project, "node", (TandemField[]) {
    { "diagram_id", tandem_value_text (diagram) },
    { "kind", tandem_value_text ("change_idea") },
    { "title", tandem_value_text ("Welcome every admission in their own language") },
    { "status", tandem_value_text ("testing") } }, 4);

  if (race)
    {
      g_autofree char *tag =
        tandem_defaults_find_equity_tag (project, TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY);

      g_free (insert_or_die (project, "node_tag", (TandemField[]) {
        { "node_id", tandem_value_text (idea) },
        { "tag_id", tandem_value_text (tag) } }, 2));
    }
}

/* A new project file in @dir with one team of @n_ideas change ideas, the
 * first @n_race of them tagged race equity; *@team_id gets the team. */
static char *
make_team_file (const char  *dir,
                const char  *file_name,
                const char  *team_name,
                guint        n_ideas,
                guint        n_race,
                char       **team_id)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  char *path = g_build_filename (dir, file_name, NULL);

  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (project, "Ada Coach");
  team = add_team_or_die (project, team_name);
  for (guint i = 0; i < n_ideas; i++)
    add_change_idea (project, team, i < n_race);
  if (team_id)
    *team_id = g_steal_pointer (&team);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = NULL;

  f->dir = g_dir_make_tmp ("tandem-programme-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->alder = make_team_file (f->dir, "Alder.tandem", "Alder Ward", 4, 1, NULL);
  f->birch = make_team_file (f->dir, "Birch.tandem", "Birch Ward", 2, 2, &f->birch_team);
  f->cedar = make_team_file (f->dir, "Cedar.tandem", "Cedar Team", 5, 0, NULL);
  foreign = g_build_filename (f->dir, "Minutes.tandem", NULL);
  g_file_set_contents (foreign, "Minutes of the steering group, not a project.\n", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  WAIT_FOR (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->alder);
  g_free (f->birch);
  g_free (f->cedar);
  g_free (f->birch_team);
}

static GtkWindow *
open_programme (const char *dir)
{
  const char *paths[] = { dir, NULL };
  GtkWindow *window = tandem_programme_window_new (GTK_APPLICATION (app), paths);

  gtk_window_set_default_size (window, 1180, 640);
  gtk_window_present (window);
  WAIT_FOR (tandem_programme_window_get_programme (TANDEM_PROGRAMME_WINDOW (window)) != NULL);
  return window;
}

/* The teams as the table shows them, top to bottom, as “Birch Ward,…”. */
static char *
dup_shown_order (GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (order, "%s%s", i ? "," : "",
                              tandem_programme_item_get_team_name (item));
    }
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static gboolean
is_status_titled (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static TandemWindow *
find_project_window (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (TANDEM_IS_WINDOW (l->data) && tandem_window_get_file (l->data) != NULL)
      {
        g_autofree char *open_path = g_file_get_path (tandem_window_get_file (l->data));

        if (g_strcmp0 (open_path, path) == 0)
          return l->data;
      }
  return NULL;
}

static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *window = open_programme (f->dir);
  GtkColumnView *view = GTK_COLUMN_VIEW (FIND_TYPE (window, GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn) race_column = NULL;
  GtkWidget *refused;
  const char *reason;
  g_autofree char *order = NULL;
  TandemWindow *opened;

  /* A row per team; the file that is not a project is listed with why. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, 3);
  refused = FIND (window, is_row_titled, "Minutes.tandem");
  g_assert_nonnull (refused);
  g_assert_true (gtk_widget_get_mapped (refused));
  reason = adw_action_row_get_subtitle (ADW_ACTION_ROW (refused));
  g_assert_nonnull (strstr (reason, "Minutes.tandem"));
  g_assert_nonnull (strstr (reason, "is not a Tandem project"));
  g_assert_nonnull (FIND (window, is_label_text, "Refused"));

  /* The totals in the programme's own words: 11 ideas, 1 + 2 on race equity. */
  g_assert_nonnull (FIND (window, is_label_text,
                          "11 change ideas; 3 (27.3%) focus on race equity"));

  save_screenshot (GTK_WIDGET (window), "programme-window.png", 10);

  /* Sorting by the race-equity share orders the teams by it, either way. */
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Alder Ward,Birch Ward,Cedar Team");
  race_column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                       TANDEM_PROGRAMME_COLUMN_RACE_SHARE);
  g_assert_cmpstr (gtk_column_view_column_get_title (race_column), ==, "Race equity");
  gtk_column_view_sort_by_column (view, race_column, GTK_SORT_DESCENDING);
  g_free (order);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Birch Ward,Alder Ward,Cedar Team");
  gtk_column_view_sort_by_column (view, race_column, GTK_SORT_ASCENDING);
  g_free (order);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Cedar Team,Alder Ward,Birch Ward");

  /* Activating a row opens that team's file in a project window, at the team. */
  gtk_column_view_sort_by_column (view, race_column, GTK_SORT_DESCENDING);
  g_signal_emit_by_name (view, "activate", 0);
  WAIT_FOR ((opened = find_project_window (f->birch)) != NULL &&
            tandem_window_get_project (opened) != NULL);
  g_assert_cmpstr (tandem_window_get_team_id (opened), ==, f->birch_team);
  g_assert_true (is_open (window));
}

/* A file of two teams opens at the one activated, not at its first. */
static void
test_open_team (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "two-teams", NULL);
  g_autofree char *path = NULL;
  g_autofree char *yew = NULL;
  g_autofree char *ash = NULL;
  GtkWindow *window;
  GtkColumnView *view;
  GListModel *rows;
  TandemWindow *opened;
  guint yew_row = G_MAXUINT;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  path = make_team_file (dir, "Trust.tandem", "Ash Ward", 1, 1, &ash);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemProject) project = tandem_project_open (path, &error);
    g_autoptr(GPtrArray) teams = NULL;

    g_assert_no_error (error);
    g_assert_true (tandem_project_confirm_intact (project, &error));
    tandem_project_set_author (project, "Ada Coach");
    /* Made as the app makes a team: after the file's first, by position
     * (a bare insert would tie on position and order by random id). */
    yew = tandem_team_create (project, "Yew Ward", NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    /* Ash Ward comes first in the file: a window on its own opens there. */
    teams = tandem_team_list (project, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((TandemTeam *) teams->pdata[0])->id, ==, ash);
  }

  window = open_programme (dir);
  view = GTK_COLUMN_VIEW (FIND_TYPE (window, GTK_TYPE_COLUMN_VIEW));
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (tandem_programme_item_get_team_id (item), yew))
        yew_row = i;
    }
  g_assert_cmpuint (yew_row, <, 2);

  g_signal_emit_by_name (view, "activate", yew_row);
  WAIT_FOR ((opened = find_project_window (path)) != NULL &&
            tandem_window_get_project (opened) != NULL);
  g_assert_cmpstr (tandem_window_get_team_id (opened), ==, yew);
}

static void
test_file_changed (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window = open_programme (f->dir);
  g_autoptr(TandemProject) cedar = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (FIND (window, is_label_text,
                          "11 change ideas; 3 (27.3%) focus on race equity"));

  /* Cedar's file gains a race-equity idea, as the trust's file sharing
   * would bring it: the view follows without being asked. */
  cedar = tandem_project_open (f->cedar, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (cedar, &error));
  g_assert_no_error (error);
  teams = tandem_team_list (cedar, &error);
  g_assert_no_error (error);
  tandem_project_set_author (cedar, "Ada Coach");
  add_change_idea (cedar, ((TandemTeam *) teams->pdata[0])->id, TRUE);
  g_clear_object (&cedar);

  WAIT_FOR (FIND (window, is_label_text,
                  "12 change ideas; 4 (33.3%) focus on race equity") != NULL);
}

static void
test_empty_folder (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty", NULL);
  GtkWindow *window;

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  window = open_programme (empty);
  WAIT_FOR (FIND (window, is_status_titled, "No Project Files Here") != NULL);
  g_assert_false (gtk_widget_is_sensitive (FIND (window, is_button_labelled,
                                                 "_Export Report…")));
  save_screenshot (GTK_WIDGET (window), "programme-window-empty.png", 10);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/programme-window/dashboard", test_dashboard);
  ADD ("/programme-window/open-team", test_open_team);
  ADD ("/programme-window/file-changed", test_file_changed);
  ADD ("/programme-window/empty-folder", test_empty_folder);
  return test_run_app (app);
}
