/* test-programme-window.c — the programme window on a folder of three small
 * teams' files made here and one file that is not a project: a row per team,
 * the refused file with its reason, the totals in words, sorting by the
 * race-equity share, a team opened in its own window, a file changed on
 * disk, an empty folder; the teams filtered by a search and by “Needs
 * Attention”, figures that open the team where they are made, and each
 * team's key measure charted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-coaching-page.h"
#include "tandem-defaults.h"
#include "tandem-measures-page.h"
#include "tandem-programme-heatmap.h"
#include "tandem-programme-item.h"
#include "tandem-programme-window.h"
#include "tandem-standards.h"
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


/* Birch Ward is looked after: a coaching session ten days before the
 * report's last day (TANDEM_TEST_NOW, 2026-11-21), no actions, and a measure
 * with data in the last 12 weeks, “Falls”; a second, “Restraint”, has none
 * since the spring. *@falls and *@restraint get the measures. */
static void
look_after_birch (Fixture  *f,
                  char    **falls,
                  char    **restraint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (f->birch, &error);
  static const char * const recent[] = { "2026-09-07", "2026-09-14", "2026-09-21",
                                         "2026-09-28", "2026-10-05", "2026-10-12" };
  static const char * const spring[] = { "2026-04-06", "2026-04-13", "2026-04-20",
                                         "2026-04-27", "2026-05-04", "2026-05-11" };

  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  tandem_project_set_author (project, "Ada Coach");
  g_free (insert_or_die (project, "coaching_session", (TandemField[]) {
    { "team_id", tandem_value_text (f->birch_team) },
    { "starts_at", tandem_value_text ("2026-11-11T10:00:00Z") } }, 2));
  *falls = insert_or_die (project, "measure", (TandemField[]) {
    { "team_id", tandem_value_text (f->birch_team) },
    { "name", tandem_value_text ("Falls") },
    { "position", tandem_value_double (0) } }, 3);
  *restraint = insert_or_die (project, "measure", (TandemField[]) {
    { "team_id", tandem_value_text (f->birch_team) },
    { "name", tandem_value_text ("Restraint") },
    { "position", tandem_value_double (1) } }, 3);
  for (guint i = 0; i < G_N_ELEMENTS (recent); i++)
    {
      g_free (insert_or_die (project, "data_point", (TandemField[]) {
        { "measure_id", tandem_value_text (*falls) },
        { "date", tandem_value_text (recent[i]) },
        { "value", tandem_value_double (3 + i % 2) } }, 3));
      /* …Restraint's, more than 12 weeks before the report's last day */
      g_free (insert_or_die (project, "data_point", (TandemField[]) {
        { "measure_id", tandem_value_text (*restraint) },
        { "date", tandem_value_text (spring[i]) },
        { "value", tandem_value_double (2) } }, 3));
    }
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


/* The programme's teams as the table shows them, and the summary line. */
static guint
n_shown (GtkWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (FIND_TYPE (window, GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *falls = NULL;
  g_autofree char *restraint = NULL;
  GtkWindow *window;
  GtkColumnView *view;
  GtkGridView *grid;
  GtkEditable *search;
  GtkToggleButton *attention;
  g_autofree char *order = NULL;

  look_after_birch (f, &falls, &restraint);
  window = open_programme (f->dir);
  view = GTK_COLUMN_VIEW (FIND_TYPE (window, GTK_TYPE_COLUMN_VIEW));
  grid = GTK_GRID_VIEW (FIND_TYPE (window, GTK_TYPE_GRID_VIEW));
  search = GTK_EDITABLE (FIND_TYPE (window, GTK_TYPE_SEARCH_ENTRY));
  attention = GTK_TOGGLE_BUTTON (FIND (window, is_button_labelled, "_Needs Attention"));
  g_assert_nonnull (attention);
  g_assert_cmpuint (n_shown (window), ==, 3);
  g_assert_nonnull (FIND (window, label_starts_with, "3 teams · 3 files read"));

  /* By the team's name, any case… */
  gtk_editable_set_text (search, "BIRCH");
  WAIT_FOR (n_shown (window) == 1);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Birch Ward");
  g_assert_nonnull (FIND (window, label_starts_with, "Showing 1 of 3 teams · 3 files read"));
  /* …the charts show the same teams… */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid))),
                    ==, 1);
  /* …by the file's name, and by the ward. */
  gtk_editable_set_text (search, "cedar.tandem");
  WAIT_FOR (n_shown (window) == 1 && g_str_equal ((g_free (order), order = dup_shown_order (view)),
                                                  "Cedar Team"));
  gtk_editable_set_text (search, "ward");
  WAIT_FOR (n_shown (window) == 2);
  gtk_editable_set_text (search, "");
  WAIT_FOR (n_shown (window) == 3);
  g_assert_nonnull (FIND (window, label_starts_with, "3 teams · 3 files read"));

  /* Needs Attention: every team but Birch Ward, seen ten days ago with data
   * for Falls — but Restraint has had none in 12 weeks. */
  gtk_toggle_button_set_active (attention, TRUE);
  g_assert_cmpuint (n_shown (window), ==, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemProject) project = tandem_project_open (f->birch, &error);

    g_assert_no_error (error);
    g_assert_true (tandem_project_confirm_intact (project, &error));
    tandem_project_set_author (project, "Ada Coach");
    g_free (insert_or_die (project, "data_point", (TandemField[]) {
      { "measure_id", tandem_value_text (restraint) },
      { "date", tandem_value_text ("2026-11-02") },
      { "value", tandem_value_double (1) } }, 3));
  }
  /* The folder is watched: Birch's file changes, and Birch is looked after. */
  WAIT_FOR (n_shown (window) == 2);
  g_free (order);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Alder Ward,Cedar Team");
  g_assert_nonnull (FIND (window, label_starts_with, "Showing 2 of 3 teams"));
  /* The two filters together. */
  gtk_editable_set_text (search, "alder");
  WAIT_FOR (n_shown (window) == 1);
  save_screenshot (GTK_WIDGET (window), "programme-window-filtered.png", 10);

  /* Ctrl+F puts the keyboard in the search. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "programme.find", NULL));
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (search))) ||
            gtk_widget_is_focus (GTK_WIDGET (search)));
}

/* Each app.open-team the window asks for, as (file, team, page, item). */
static void
open_team_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        GPtrArray     *asked)
{
  g_ptr_array_add (asked, g_variant_print (parameter, FALSE));
}

static TandemWindow *
wait_for_project_window (const char *path)
{
  TandemWindow *opened;

  WAIT_FOR ((opened = find_project_window (path)) != NULL &&
            tandem_window_get_project (opened) != NULL);
  return opened;
}

static void
test_figure_links (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *falls = NULL;
  g_autofree char *restraint = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
  GAction *open_team = g_action_map_lookup_action (G_ACTION_MAP (app), "open-team");
  g_autofree char *expected = NULL;
  GtkWindow *window;
  GtkWidget *measures_button;
  GtkWidget *coaching_button;
  GMenuModel *menu;
  g_autofree char *label = NULL;
  g_autoptr(GVariant) target = NULL;
  TandemWindow *opened;
  GtkWidget *page;
  gulong handler;

  look_after_birch (f, &falls, &restraint);
  window = open_programme (f->dir);
  handler = g_signal_connect (open_team, "activate", G_CALLBACK (open_team_activated_cb), asked);

  /* The measures' figure: a menu of Birch's measures, each where it stands. */
  measures_button = FIND (window, is_tooltip, "Open one of Birch Ward’s measures");
  g_assert_true (GTK_IS_MENU_BUTTON (measures_button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (measures_button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Restraint — no data in 12 weeks");
  g_free (label);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_true (g_str_has_prefix (label, "Falls — "));
  g_assert_cmpstr (label, !=, "Falls — no data in 12 weeks");

  /* Choosing Restraint opens Birch's file at the Measures page, at it. */
  target = g_menu_model_get_item_attribute_value (menu, 1, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate_action_variant (measures_button, "app.open-team", target));
  g_assert_cmpuint (asked->len, ==, 1);
  expected = g_strdup_printf ("('%s', '%s', 'measures', '%s')", f->birch, f->birch_team,
                              restraint);
  g_assert_cmpstr (asked->pdata[0], ==, expected);
  opened = wait_for_project_window (f->birch);
  page = FIND_TYPE (opened, TANDEM_TYPE_MEASURES_PAGE);
  WAIT_FOR (gtk_widget_get_mapped (page) &&
            g_strcmp0 (tandem_measures_page_get_measure_id (TANDEM_MEASURES_PAGE (page)),
                       restraint) == 0);
  g_assert_cmpstr (tandem_window_get_team_id (opened), ==, f->birch_team);

  /* Overdue actions (and sessions) open the team's Coaching page. */
  coaching_button = FIND (window, is_tooltip, "Open Birch Ward at Coaching");
  g_assert_true (GTK_IS_BUTTON (coaching_button));
  g_signal_emit_by_name (coaching_button, "clicked");
  g_assert_cmpuint (asked->len, ==, 2);
  g_free (expected);
  expected = g_strdup_printf ("('%s', '%s', 'coaching', '')", f->birch, f->birch_team);
  g_assert_cmpstr (asked->pdata[1], ==, expected);
  page = FIND_TYPE (opened, TANDEM_TYPE_COACHING_PAGE);
  WAIT_FOR (gtk_widget_get_mapped (page));
  g_assert_true (find_project_window (f->birch) == opened);

  g_signal_handler_disconnect (open_team, handler);
}

/* Each team's key measure drawn small, read only once its card is shown;
 * a chart opens the team at that measure. */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *falls = NULL;
  g_autofree char *restraint = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
  GAction *open_team = g_action_map_lookup_action (G_ACTION_MAP (app), "open-team");
  g_autofree char *expected = NULL;
  GtkWindow *window;
  AdwViewStack *stack;
  GtkGridView *grid;
  GListModel *cards;
  g_autoptr(TandemProgrammeItem) birch = NULL;
  g_autoptr(TandemProgrammeItem) alder = NULL;
  guint birch_card = G_MAXUINT;
  gulong handler;

  look_after_birch (f, &falls, &restraint);
  window = open_programme (f->dir);
  grid = GTK_GRID_VIEW (FIND_TYPE (window, GTK_TYPE_GRID_VIEW));
  cards = G_LIST_MODEL (gtk_grid_view_get_model (grid));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (cards, i);

      if (g_str_equal (tandem_programme_item_get_team_name (item), "Birch Ward"))
        birch_card = i;
      else if (g_str_equal (tandem_programme_item_get_team_name (item), "Alder Ward"))
        alder = g_object_ref (item);
    }
  g_assert_cmpuint (birch_card, <, 3);
  birch = g_list_model_get_item (cards, birch_card);
  /* Nothing is read for the charts until they are shown. */
  g_assert_null (tandem_programme_item_get_chart (birch));

  stack = ADW_VIEW_STACK (FIND_TYPE (window, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "charts");
  WAIT_FOR (tandem_programme_item_get_chart (birch) != NULL);
  g_assert_cmpstr (tandem_chart_get_measure (tandem_programme_item_get_chart (birch))->name,
                   ==, "Falls");
  g_assert_null (tandem_programme_item_get_chart_problem (birch));
  /* Alder has no measures: its card says so, and nothing is read. */
  g_assert_nonnull (FIND (window, is_label_text, "No measures"));
  g_assert_null (tandem_programme_item_get_chart (alder));
  save_screenshot (GTK_WIDGET (window), "programme-window-charts.png", 10);

  handler = g_signal_connect (open_team, "activate", G_CALLBACK (open_team_activated_cb), asked);
  g_signal_emit_by_name (grid, "activate", birch_card);
  g_assert_cmpuint (asked->len, ==, 1);
  expected = g_strdup_printf ("('%s', '%s', 'measures', '%s')", f->birch, f->birch_team, falls);
  g_assert_cmpstr (asked->pdata[0], ==, expected);
  g_signal_handler_disconnect (open_team, handler);
  {
    TandemWindow *opened = wait_for_project_window (f->birch);
    GtkWidget *page = FIND_TYPE (opened, TANDEM_TYPE_MEASURES_PAGE);

    WAIT_FOR (gtk_widget_get_mapped (page) &&
              g_strcmp0 (tandem_measures_page_get_measure_id (TANDEM_MEASURES_PAGE (page)),
                         falls) == 0);
  }
}

/* A self-assessment round of @team in @path: one staff response scoring
 * Safety @score, of @headcount staff. */
static void
add_standards_round (const char *path,
                     const char *team_name,
                     int         headcount,
                     int         score)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (path, &error);
  g_autoptr(TandemAssessmentResponse) response =
    tandem_assessment_response_new (TANDEM_RESPONDENT_STAFF);
  g_autofree char *team = NULL;
  g_autofree char *round = NULL;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  tandem_project_set_author (project, "Ada Coach");
  team = tandem_team_find (project, team_name);
  g_assert_nonnull (team);
  round = tandem_assessment_round_add (project, team, "2026-06-01", headcount, &error);
  g_assert_no_error (error);
  tandem_assessment_response_add_score (response, "coc-safety", score, NULL);
  id = tandem_assessment_response_add (project, round, response, &error);
  g_assert_no_error (error);
}

/* The level the team's own Standards report gives it, in a word. */
static const char *
own_level (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (path, &error);
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(TandemStandardsReport) report = NULL;

  g_assert_no_error (error);
  teams = tandem_team_list (project, &error);
  g_assert_no_error (error);
  report = tandem_standards_report (project, ((TandemTeam *) teams->pdata[0])->id, &error);
  g_assert_no_error (error);
  return report->level->level == TANDEM_STANDARD_LEVEL_NONE
         ? "No level yet" : tandem_standard_level_get_label (report->level->level);
}

/* The Standards level column: each team's level, in words, sorted by it
 * and searched for; nothing for a team without a round; and the heatmap
 * of the teams that have one, a team opening at its Standards page. */
static void
test_standards (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
  GAction *open_team = g_action_map_lookup_action (G_ACTION_MAP (app), "open-team");
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autofree char *order = NULL;
  g_autofree char *folded = NULL;
  const char *alder_level;
  GtkColumnView *view;
  GtkWindow *window;
  GtkWidget *heatmap;
  GtkWidget *button;
  GListModel *model;
  gulong handler;

  /* Alder: its only staff member scores Safety 5, so the round counts;
   * Birch: one of ten staff, so it does not; Cedar: no round. */
  add_standards_round (f->alder, "Alder Ward", 1, 5);
  add_standards_round (f->birch, "Birch Ward", 10, 2);
  alder_level = own_level (f->alder);
  g_assert_cmpstr (alder_level, !=, "No level yet");

  window = open_programme (f->dir);
  view = GTK_COLUMN_VIEW (FIND_TYPE (window, GTK_TYPE_COLUMN_VIEW));
  column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                  TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL);


  /* The heatmap is not built while its view is hidden. */
  heatmap = FIND_TYPE (window, TANDEM_TYPE_PROGRAMME_HEATMAP);
  g_assert_false (gtk_widget_get_mapped (heatmap));
  g_assert_null (FIND (heatmap, is_tooltip, "Open Alder Ward at Standards"));
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Standards level");

  /* The headline: the change ideas, then the teams at each level. */
  g_assert_nonnull (FIND (window, is_label_text,
                          "11 change ideas; 3 (27.3%) focus on race equity\n"
                          "1 of 3 teams at Bronze or above (0 Bronze, 1 Silver, 0 Gold); "
                          "2 with a self-assessment round"));

  /* The level in words as the team's own report has it; nothing for Cedar. */
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemProgrammeItem) item = g_list_model_get_item (model, i);
      g_autofree char *text =
        tandem_programme_item_dup_text (item, TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL);
      const char *name = tandem_programme_item_get_team_name (item);

      if (g_str_equal (name, "Alder Ward"))
        g_assert_cmpstr (text, ==, alder_level);
      else if (g_str_equal (name, "Birch Ward"))
        g_assert_cmpstr (text, ==, "No level yet (does not count)");
      else
        g_assert_cmpstr (text, ==, "");
    }
  g_assert_nonnull (FIND (window, is_label_text, alder_level));
  g_assert_nonnull (FIND (window, is_label_text, "No level yet (does not count)"));

  /* Sorted by level: the highest first, a team without a round last, and
   * back the other way. */
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Alder Ward,Birch Ward,Cedar Team");
  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  g_free (order);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Cedar Team,Birch Ward,Alder Ward");

  /* Searched for like the other words of a team. */
  folded = g_utf8_strdown (alder_level, -1);
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (window, GTK_TYPE_SEARCH_ENTRY)), folded);
  WAIT_FOR (n_shown (window) == 1);
  g_free (order);
  order = dup_shown_order (view);
  g_assert_cmpstr (order, ==, "Alder Ward");
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (window, GTK_TYPE_SEARCH_ENTRY)), "");
  WAIT_FOR (n_shown (window) == 3);

  /* The heatmap: Alder and Birch, each standard's mean on its shade with
   * its word; Cedar not in it. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (FIND_TYPE (window, ADW_TYPE_VIEW_STACK)),
                                         "standards");
  WAIT_FOR (gtk_widget_get_mapped (heatmap));
  g_assert_nonnull (FIND (heatmap, is_tooltip, "Open Alder Ward at Standards"));
  g_assert_nonnull (FIND (heatmap, is_tooltip, "Open Birch Ward at Standards"));
  g_assert_null (FIND (heatmap, is_tooltip, "Open Cedar Team at Standards"));
  g_assert_nonnull (FIND (heatmap, label_starts_with, "5.0\n"));
  g_assert_nonnull (FIND (heatmap, label_starts_with, "2.0\n"));
  g_assert_nonnull (FIND (heatmap, label_starts_with,
                          "Each team’s latest self-assessment round: 2 of the 3 teams"));
  save_screenshot (GTK_WIDGET (window), "programme-window-standards.png", 10);

  handler = g_signal_connect (open_team, "activate", G_CALLBACK (open_team_activated_cb), asked);
  button = FIND (heatmap, is_tooltip, "Open Alder Ward at Standards");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (asked->len, ==, 1);
  g_assert_true (g_str_has_prefix (asked->pdata[0], "('"));
  g_assert_nonnull (strstr (asked->pdata[0], "Alder.tandem"));
  g_assert_nonnull (strstr (asked->pdata[0], "'standards', '')"));
  g_signal_handler_disconnect (open_team, handler);

  /* The search narrows the heatmap too. */
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (window, GTK_TYPE_SEARCH_ENTRY)), "birch");
  WAIT_FOR (FIND (heatmap, is_tooltip, "Open Alder Ward at Standards") == NULL);
  g_assert_nonnull (FIND (heatmap, is_tooltip, "Open Birch Ward at Standards"));

  /* Hidden again, it waits: the search cleared brings Alder back only
   * when the Standards view is shown again. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (FIND_TYPE (window, ADW_TYPE_VIEW_STACK)),
                                         "table");
  WAIT_FOR (!gtk_widget_get_mapped (heatmap));
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (window, GTK_TYPE_SEARCH_ENTRY)), "");
  WAIT_FOR (n_shown (window) == 3);
  g_assert_null (FIND (heatmap, is_tooltip, "Open Alder Ward at Standards"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (FIND_TYPE (window, ADW_TYPE_VIEW_STACK)),
                                         "standards");
  WAIT_FOR (gtk_widget_get_mapped (heatmap));
  g_assert_nonnull (FIND (heatmap, is_tooltip, "Open Alder Ward at Standards"));
  g_assert_nonnull (FIND (heatmap, is_tooltip, "Open Birch Ward at Standards"));
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
  ADD ("/programme-window/filter", test_filter);
  ADD ("/programme-window/figure-links", test_figure_links);
  ADD ("/programme-window/charts", test_charts);
  ADD ("/programme-window/standards", test_standards);
  return test_run_app (app);
}
