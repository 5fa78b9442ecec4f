/* test-measures.c — the Measures page, in process, on the sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tandem-application.h"
#include "tandem-measure.h"
#include "tandem-measure-data-table.h"
#include "tandem-chart-view.h"
#include "tandem-comments-panel.h"
#include "tandem-date-entry.h"
#include "tandem-measures-page.h"
#include "tandem-sample.h"
#include "tandem-team.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

typedef struct
{
  char               *dir;
  char               *path;
  TandemWindow       *window;
  TandemMeasuresPage *page;
} Fixture;

/* The entry whose placeholder is @placeholder, as an editable. */
static GtkEditable *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  return GTK_EDITABLE (find_widget (root, is_entry_with_placeholder, placeholder));
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->page), is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The label of the edit window that says what to correct. */
static const char *
edit_error (GtkWindow *dialog)
{
  GtkWidget *stack[64];
  guint n = 0;

  stack[n++] = GTK_WIDGET (dialog);
  while (n > 0)
    {
      GtkWidget *widget = stack[--n];

      if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
        return gtk_widget_get_visible (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "";
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child && n < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[n++] = child;
    }
  return "";
}

static guint
choice_position (GtkDropDown *drop,
                 const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (drop);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        return i;
    }
  g_error ("No choice called %s", name);
  return 0;
}

static GtkDropDown *
find_drop_down (GtkWidget  *root,
                const char *tooltip)
{
  GtkWidget *widget = find_widget (root, is_tooltip, tooltip);

  g_assert_true (GTK_IS_DROP_DOWN (widget));
  return GTK_DROP_DOWN (widget);
}

static gboolean press_key (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  state);

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  GtkWidget *child;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  /* Its words are its label, or a label of its own (which can wrap). */
  child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  return g_strcmp0 (GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child))
                                         : gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                    data) == 0;
}

/* The open window titled @title. */
static GtkWindow *
find_window_titled (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_object_unref (create_sample_project ("tandem-measures-XXXXXX", "Sample.tandem", NULL,
                                         &fixture->dir, &fixture->path));
  fixture->window = new_test_window (app, 1100, 800);
  open_and_wait_for_project (fixture->window, fixture->path);
  /* In view, as a person would have it: a page out of sight reloads only
   * when it comes into view. */
  tandem_window_show_item (fixture->window, "measures", NULL);
  fixture->page = TANDEM_MEASURES_PAGE (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                             TANDEM_TYPE_MEASURES_PAGE));
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
measure_id (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_measure_find (tandem_window_get_project (fixture->window), name, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
count_points (Fixture    *fixture,
              const char *measure)
{
  return tandem_project_count (tandem_window_get_project (fixture->window), "data_point",
                               "measure_id", measure);
}

/* The page shows the first measure, and each measure's summary of signals. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *first = measure_id (fixture, "Restrictive practice incidents");
  g_autofree char *activity = measure_id (fixture, "Hours of patient activity");

  g_assert_cmpstr (tandem_measures_page_get_measure_id (fixture->page), ==, first);
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page), "Latest point, "));

  /* The page fits a narrow window (its list and the chart fold into one column). */
  {
    int minimum, natural;
    gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, &natural, NULL, NULL);
    g_test_message ("Measures page minimum width %d", minimum);
    g_assert_cmpint (minimum, <=, 560);
  }

  tandem_measures_page_select_measure (fixture->page, activity);
  g_assert_cmpstr (tandem_measures_page_get_measure_id (fixture->page), ==, activity);
  /* The evening group shifted activity up, above the median. */
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "points above the median"));
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page), "Target 20 hours"));
}

/* Pasted cells: a preview, the bad row listed, nothing saved until Import;
 * then one edit that Undo takes back. */
static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  GtkWindow *dialog;
  gint64 before;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);
  dialog = tandem_measures_page_open_import (fixture->page,
                                             "Date\tSickness %\n23/11/2026\t5,5\n"
                                             "30/11/2026\tn/a\n07/12/2026\t6\n", -1);
  g_assert_nonnull (dialog);
  /* The bad row is counted on the button the person presses to agree. */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_button_labelled,
                                 "_Import 2 Rows, Leave Out the Bad Ones"));
  g_assert_cmpint (count_points (fixture, sickness), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL));
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 2);
  WAIT_FOR (strstr (tandem_measures_page_get_summary (fixture->page), "7 December 2026: 6%") != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (count_points (fixture, sickness), ==, before);

  /* Text that is not a table says so and opens nothing. */
  g_assert_null (tandem_measures_page_open_import (fixture->page, "\"unclosed\n", -1));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          gtk_window_destroy (w);
      }
  }
}

/* Another program adds a value: the chart follows without reopening. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) other = tandem_project_open (fixture->path, &error);
  g_autofree char *first = measure_id (fixture, "Restrictive practice incidents");
  g_autofree char *id = NULL;
  TandemField fields[] = {
    { "measure_id", tandem_value_text (first) },
    { "date", tandem_value_text ("2026-11-23") },
    { "value", tandem_value_double (1) },
  };

  g_assert_no_error (error);
  g_assert_true (tandem_project_begin (other, "Add a value", &error));
  id = tandem_project_insert (other, "data_point", fields, G_N_ELEMENTS (fields), &error);
  g_assert_nonnull (id);
  g_assert_true (tandem_project_commit (other, &error));
  WAIT_FOR (strstr (tandem_measures_page_get_summary (fixture->page),
                    "Latest point, 23 November 2026: 1 incidents") != NULL);
}

/* Add a measure from the page's button: a window asks its name (focused),
 * which way is better (no default) and what it counts (the chart that fits);
 * Create adds it, chosen, with no data yet, and the form for data has focus. */
static void
test_add_measure (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  const char *team = tandem_window_get_team_id (fixture->window);
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->page), is_button_labelled, "_Add Measure");
  gint64 before = tandem_project_count (project, "measure", "team_id", team);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  GtkWindow *dialog;
  GtkWidget *create, *focus;
  GtkEditable *name;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_window_titled ("New Measure");
  g_assert_nonnull (dialog);
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, before);
  name = GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY)));
  WAIT_FOR (gtk_root_get_focus (GTK_ROOT (dialog)) != NULL &&
            gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_WIDGET (name)));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "New measure");
  create = find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_reate");
  /* Which way is better is asked, not assumed. */
  g_assert_false (gtk_widget_is_sensitive (create));
  gtk_editable_set_text (name, "Restraints");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_labelled,
                                                              "_Lower is better (e.g. restraint, seclusion, incidents)")),
                               TRUE);
  g_assert_true (gtk_widget_is_sensitive (create));
  gtk_drop_down_set_selected (find_drop_down (GTK_WIDGET (dialog), "What the measure counts or measures, "
                                                                   "which decides the chart that fits it"), 1);
  /* Enter on the ticked answer creates (it does not untick it). */
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (dialog), is_check_labelled,
                                      "_Lower is better (e.g. restraint, seclusion, incidents)"));
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, before + 1);
  id = measure_id (fixture, "Restraints");
  measure = tandem_measure_load (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measure->direction, ==, TANDEM_SPC_DIRECTION_DECREASE);
  g_assert_cmpint (measure->chart, ==, TANDEM_SPC_CHART_C);
  g_assert_cmpstr (tandem_measures_page_get_measure_id (fixture->page), ==, id);
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page), "no data yet"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (find_entry (GTK_WIDGET (fixture->page),
                                                                        "Date, e.g. 2026-03-02"))));

  /* Escape closes the window and adds nothing. */
  g_signal_emit_by_name (button, "clicked");
  dialog = find_window_titled ("New Measure");
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  g_assert_null (dialog);
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, before + 1);

  /* Delete it; Undo brings it back. */
  button = find_widget (GTK_WIDGET (fixture->page), is_button_labelled, "Delete _Measure");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, before + 1);
}

/* The import window: Enter imports, even on the tick box (which it used to
 * untick); Escape closes it and imports nothing. */
static void
test_import_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  const char *text = "Date\tSickness %\n23/11/2026\t5,5\n07/12/2026\t6\n";
  GtkWidget *check;
  GtkWindow *dialog;
  gint64 before;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);

  dialog = tandem_measures_page_open_import (fixture->page, text, -1);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  g_assert_null (dialog);
  g_assert_cmpint (count_points (fixture, sickness), ==, before);

  dialog = tandem_measures_page_open_import (fixture->page, text, -1);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  check = find_widget (GTK_WIDGET (dialog), is_check_labelled, "The first row _names the columns");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_grab_focus (check);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0));
  g_assert_null (dialog);
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 2);
}

/* The phase window: Escape closes it, changing nothing. */
static void
test_edit_dialog_keys (Fixture       *fixture,
                       gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  g_autoptr(GPtrArray) phases = NULL;
  GtkWindow *dialog;

  tandem_measures_page_select_measure (fixture->page, sickness);
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Starts on"), "2026-09-07");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What changed"), "New rota");
  click (fixture, "Start _Phase");
  phases = tandem_project_list_ids (project, "phase", "measure_id", sickness, NULL);
  g_assert_cmpuint (phases->len, ==, 1);
  dialog = tandem_measures_page_edit_phase (fixture->page, phases->pdata[0]);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "e.g. after the new observation policy"), "Changed");
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  g_assert_null (dialog);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemMeasure) measure = tandem_measure_load (project, sickness, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->label, ==, "New rota");
  }
}

/* Every date field of the page is the one date entry: day-first or ISO
 * typed, or a day chosen on its calendar. */
static void
test_date_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  g_autoptr(GPtrArray) phases = NULL;
  GtkWidget *stack[256];
  guint n = 0, dates = 0;
  TandemDateEntry *entry = NULL;
  GtkMenuButton *button = NULL;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 20, 12, 0, 0);
  GtkWindow *dialog;
  char date[11];

  tandem_measures_page_select_measure (fixture->page, sickness);
  stack[n++] = GTK_WIDGET (fixture->page);
  while (n > 0)
    {
      GtkWidget *widget = stack[--n];

      if (TANDEM_IS_DATE_ENTRY (widget))
        {
          dates++;
          if (entry == NULL)
            entry = TANDEM_DATE_ENTRY (widget);
        }
      /* no plain text field for a date is left */
      if (GTK_IS_ENTRY (widget) && gtk_entry_get_placeholder_text (GTK_ENTRY (widget)) != NULL)
        g_assert_false (g_str_has_prefix (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "Date") &&
                        gtk_widget_get_ancestor (widget, TANDEM_TYPE_DATE_ENTRY) == NULL);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child && n < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[n++] = child;
    }
  /* the value's date, a new phase's start, a new note's date */
  g_assert_cmpuint (dates, ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (entry), "20/11/2026");
  g_assert_true (tandem_date_entry_get_date (entry, date));
  g_assert_cmpstr (date, ==, "2026-11-20");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-11-27");
  g_assert_true (tandem_date_entry_get_date (entry, date));
  g_assert_cmpstr (date, ==, "2026-11-27");
  gtk_editable_set_text (GTK_EDITABLE (entry), "31/11/2026");
  g_assert_false (tandem_date_entry_get_date (entry, date));

  button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (entry), is_tooltip, "Choose on a Calendar"));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (button);
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (button)));
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2026-11-20");

  /* and the phase window's date */
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Starts on"), "07/09/2026");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What changed"), "New rota");
  click (fixture, "Start _Phase");
  phases = tandem_project_list_ids (project, "phase", "measure_id", sickness, NULL);
  g_assert_cmpuint (phases->len, ==, 1);
  dialog = tandem_measures_page_edit_phase (fixture->page, phases->pdata[0]);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (TANDEM_TYPE_DATE_ENTRY)));
  gtk_window_destroy (dialog);
}

/* Enter in the form's Value adds the value typed. */
static void
test_value_enter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  GtkEditable *date, *value;
  gint64 before;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);
  date = find_entry (GTK_WIDGET (fixture->page), "Date, e.g. 2026-03-02");
  value = find_entry (GTK_WIDGET (fixture->page), "Value");
  gtk_editable_set_text (date, "23/11/2026");
  gtk_editable_set_text (value, "4.5");
  g_signal_emit_by_name (value, "activate");
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 1);
  /* ready for the next week's value */
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-11-30");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "");
}

/* The data table: add a value with the form, change it, delete it; the
 * keyboard reads points on the chart; phases and notes are added. */
static void
test_edit_values (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  GtkColumnView *table;
  GtkSingleSelection *selection;
  TandemChartView *view;
  gint64 before;
  guint n;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);

  /* A value typed with a day-first date and a decimal comma. */
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Date, e.g. 2026-03-02"), "23/11/2026");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Value"), "4,5");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Note (optional)"), "Flu on the ward");
  click (fixture, "Add _Value");
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 1);
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "Latest point, 23 November 2026: 4.5%."));
  /* The form is ready for the next week. */
  g_assert_cmpstr (gtk_editable_get_text (find_entry (GTK_WIDGET (fixture->page), "Date, e.g. 2026-03-02")),
                   ==, "2026-11-30");

  /* Choose the new (last) row, change its value, then delete it. */
  table = GTK_COLUMN_VIEW (find_widget_of_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, ==, before + 1);
  {
    /* The rows are the values, as items. */
    g_autoptr(TandemMeasureValue) last = g_list_model_get_item (G_LIST_MODEL (selection), n - 1);

    g_assert_cmpstr (tandem_measure_value_get_date (last), ==, "2026-11-23");
    g_assert_cmpfloat (tandem_measure_value_get_value (last), ==, 4.5);
    g_assert_cmpstr (tandem_measure_value_get_note (last), ==, "Flu on the ward");
  }
  gtk_single_selection_set_selected (selection, n - 1);
  g_assert_cmpstr (gtk_editable_get_text (find_entry (GTK_WIDGET (fixture->page), "Value")), ==, "4.5");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Value"), "6");
  click (fixture, "_Save Changes");
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "Latest point, 23 November 2026: 6%."));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1);

  /* A bad value is refused and the typing kept. */
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Value"), "six");
  click (fixture, "_Save Changes");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (GTK_WIDGET (fixture->page), "Value")), ==, "six");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean shown = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          {
            shown = TRUE;
            gtk_window_destroy (w);
          }
      }
    g_assert_true (shown);
  }

  click (fixture, "_Delete Value");
  g_assert_cmpint (count_points (fixture, sickness), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 1);

  /* Keyboard reading of the chart: End goes to the last point. */
  view = TANDEM_CHART_VIEW (find_widget_of_type (GTK_WIDGET (fixture->page), TANDEM_TYPE_CHART_VIEW));
  tandem_chart_view_focus_point (view, (gssize) n - 1);
  g_assert_cmpstr (tandem_chart_view_get_point_text (view), ==,
                   "23 November 2026: 6%, no signal. Note: Flu on the ward");

  /* A phase and a note on the chart. */
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Starts on"), "2026-09-07");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What changed"), "New rota");
  click (fixture, "Start _Phase");
  g_assert_cmpint (tandem_project_count (project, "phase", "measure_id", sickness), ==, 1);
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Date"), "2026-10-05");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What happened"), "Wellbeing room opens");
  click (fixture, "Add _Note");
  g_assert_cmpint (tandem_project_count (project, "annotation", "measure_id", sickness), ==, 1);
}

/* Existing phases and notes are changed in a window that says what to
 * correct; notes are linked to PDSA cycles; each change is one Undo. */
static void
test_edit_phases_and_notes (Fixture       *fixture,
                            gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *about = "The PDSA cycle or change idea the note is about";
  GtkWindow *dialog;

  tandem_measures_page_select_measure (fixture->page, sickness);
  /* The linked huddles' second PDSA cycle is on the chart already. */
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "1. 30 March 2026: PDSA cycle: Twice-daily huddles, with night staff."));

  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Starts on"), "2026-09-07");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What changed"), "New rota");
  click (fixture, "Start _Phase");
  phases = tandem_project_list_ids (project, "phase", "measure_id", sickness, NULL);
  g_assert_cmpuint (phases->len, ==, 1);

  dialog = tandem_measures_page_edit_phase (fixture->page, phases->pdata[0]);
  g_assert_nonnull (dialog);
  /* The window fits its form: no tall empty space under the buttons. */
  WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (dialog)) > 0);
  g_test_message ("The phase window is %d × %d", gtk_widget_get_width (GTK_WIDGET (dialog)),
                  gtk_widget_get_height (GTK_WIDGET (dialog)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <, 400);
  g_assert_cmpstr (gtk_editable_get_text (find_entry (GTK_WIDGET (dialog), "Date, e.g. 2026-03-02")), ==,
                   "2026-09-07");
  /* An empty label, then a date after the data: the window stays and says why. */
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "e.g. after the new observation policy"), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_true (is_open (dialog));
  g_assert_nonnull (strstr (edit_error (dialog), "Say what changed"));
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "e.g. after the new observation policy"),
                         "New rota, with night staff");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "Date, e.g. 2026-03-02"), "04/01/2027");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_true (is_open (dialog));
  g_assert_nonnull (strstr (edit_error (dialog), "4 January 2027 is after the last value (16 November 2026)"));
  /* A good date (day first), and a baseline of 6 points. */
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "Date, e.g. 2026-03-02"), "14/09/2026");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "Every point"), "6");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_false (is_open (dialog));
  {
    g_autofree char *starts = tandem_project_get_text (project, "phase", phases->pdata[0], "starts_on");
    g_autofree char *label = tandem_project_get_text (project, "phase", phases->pdata[0], "label");
    g_autofree char *freeze = tandem_project_get_text (project, "measure", sickness, "freeze");
    g_assert_cmpstr (starts, ==, "2026-09-14");
    g_assert_cmpstr (label, ==, "New rota, with night staff");
    g_assert_cmpstr (freeze, ==, "6");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  {
    g_autofree char *starts = tandem_project_get_text (project, "phase", phases->pdata[0], "starts_on");
    g_autofree char *freeze = tandem_project_get_text (project, "measure", sickness, "freeze");
    g_assert_cmpstr (starts, ==, "2026-09-07");
    g_assert_null (freeze);
  }

  /* A note about the huddles' PDSA cycle takes the place of its marker. */
  {
    GtkDropDown *drop = find_drop_down (GTK_WIDGET (fixture->page), about);
    gtk_drop_down_set_selected (drop, choice_position (drop, "PDSA cycle: Twice-daily huddles, with night staff"));
  }
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Date"), "30/03/2026");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What happened"), "Huddles reach the nights");
  click (fixture, "Add _Note");
  notes = tandem_project_list_ids (project, "annotation", "measure_id", sickness, NULL);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "1. 30 March 2026: Huddles reach the nights · PDSA cycle: Twice-daily huddles, with night staff."));
  g_assert_null (strstr (tandem_measures_page_get_summary (fixture->page), "2. "));

  /* Change it: no link, another date. */
  dialog = tandem_measures_page_edit_note (fixture->page, notes->pdata[0]);
  g_assert_nonnull (dialog);
  {
    GtkDropDown *drop = find_drop_down (GTK_WIDGET (dialog), about);
    g_assert_cmpuint (gtk_drop_down_get_selected (drop), ==,
                      choice_position (drop, "PDSA cycle: Twice-daily huddles, with night staff"));
    gtk_drop_down_set_selected (drop, 0);
  }
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "What happened (optional if linked)"), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_true (is_open (dialog));
  g_assert_nonnull (strstr (edit_error (dialog), "Write what happened"));
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "What happened (optional if linked)"), "Flu");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "Date, e.g. 2026-03-02"), "2026-10-05");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_false (is_open (dialog));
  {
    g_autofree char *pdsa = tandem_project_get_text (project, "annotation", notes->pdata[0], "pdsa_id");
    g_autofree char *date = tandem_project_get_text (project, "annotation", notes->pdata[0], "date");
    g_assert_null (pdsa);
    g_assert_cmpstr (date, ==, "2026-10-05");
  }
  /* The marker of the PDSA cycle is back, before the note. */
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page), "2. 5 October 2026: Flu."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  {
    g_autofree char *pdsa = tandem_project_get_text (project, "annotation", notes->pdata[0], "pdsa_id");
    g_assert_nonnull (pdsa);
  }
}

/* What a drop-down of the measure's settings shows at @position. */
static char *
combo_label (AdwComboRow *row,
             guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (item);
  g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (row), item, &value));
  return g_value_dup_string (&value);
}

static AdwComboRow *
settings_row (Fixture    *fixture,
              const char *title)
{
  GtkWidget *row = FIND (fixture->page, is_row_titled, title);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* The measure's settings offer each choice by its label, show the stored
 * one, and store the word of the one chosen (the rules' usual choice as
 * NULL). */
static void
test_settings_choices (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    const char *title;
    const char *field;
    guint       n_choices;
    guint       position;
    const char *label;
    const char *stored;
  } choices[] = {
    { "Kind of measure", "kind", 3, 2, "Balancing", "balancing" },
    { "Kind of measure", "kind", 3, 1, "Process", "process" },
    { "Which way is better", "direction", 3, 1, "Lower is better", "decrease" },
    { "How often", "frequency", 3, 2, "Monthly", "monthly" },
    { "Chart", "chart_type", 12, 1, "I chart (individual values)", "i" },
    { "Chart", "chart_type", 12, 7, "P′ chart (proportions, Laney)", "pp" },
    { "Chart", "chart_type", 12, 1, "I chart (individual values)", "i" },
    { "Rules", "rules", 4, 3, "Making Data Count rules", "mdc" },
    { "Rules", "rules", 4, 1, "Anhøj rules", "anhoej" },
    { "Rules", "rules", 4, 0, "Usual rules for the chart", NULL },
  };
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");

  tandem_measures_page_select_measure (fixture->page, sickness);
  {
    g_autofree char *shown = combo_label (settings_row (fixture, "Which way is better"),
                                          adw_combo_row_get_selected (settings_row (fixture,
                                                                                    "Which way is better")));
    g_autofree char *stored = tandem_project_get_text (project, "measure", sickness, "direction");

    g_assert_cmpstr (stored, ==, "decrease");
    g_assert_cmpstr (shown, ==, "Lower is better");
  }
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      AdwComboRow *row = settings_row (fixture, choices[i].title);
      g_autofree char *label = NULL;
      g_autofree char *stored = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, choices[i].n_choices);
      label = combo_label (row, choices[i].position);
      g_assert_cmpstr (label, ==, choices[i].label);
      adw_combo_row_set_selected (row, choices[i].position);
      stored = tandem_project_get_text (project, "measure", sickness, choices[i].field);
      g_assert_cmpstr (stored, ==, choices[i].stored);
      /* Loading the measure again shows what was stored. */
      tandem_measures_page_select_measure (fixture->page, sickness);
      g_assert_cmpuint (adw_combo_row_get_selected (settings_row (fixture, choices[i].title)), ==,
                        choices[i].position);
    }
}

/* The measure's linked change ideas: link one, undo; unlink one, undo. The
 * measure has its comments. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  AdwComboRow *row = NULL;

  tandem_measures_page_select_measure (fixture->page, sickness);
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 1);
  g_assert_nonnull (find_widget_of_type (GTK_WIDGET (fixture->page), TANDEM_TYPE_COMMENTS_PANEL));
  /* The linked huddles say how many tests of change they have. */
  {
    GtkWidget *unlink = find_widget (GTK_WIDGET (fixture->page), is_tooltip, "Unlink the Change Idea");
    AdwActionRow *linked = ADW_ACTION_ROW (gtk_widget_get_ancestor (unlink, ADW_TYPE_ACTION_ROW));
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (linked)),
                                     "Twice-daily safety huddle"));
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (linked), " · 2 PDSA cycles"));
  }

  {
    GtkWidget *button = find_widget (GTK_WIDGET (fixture->page), is_button_labelled, "_Link");
    g_assert_nonnull (button);
    row = ADW_COMBO_ROW (gtk_widget_get_ancestor (button, ADW_TYPE_COMBO_ROW));
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
    /* The culture conversation is the first change idea not linked yet. */
    {
      GListModel *model = adw_combo_row_get_model (row);
      g_autoptr(GtkStringObject) first = g_list_model_get_item (model, 0);
      g_assert_true (g_str_has_prefix (gtk_string_object_get_string (first), "Culture and identity"));
    }
    adw_combo_row_set_selected (row, 0);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 2);
  /* Its PDSA cycle (1 June) is a numbered marker now. */
  g_assert_nonnull (strstr (tandem_measures_page_get_summary (fixture->page),
                            "2. 1 June 2026: PDSA cycle: Culture and identity conversation"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 1);
  g_assert_null (strstr (tandem_measures_page_get_summary (fixture->page), "1 June 2026"));

  {
    GtkWidget *unlink = find_widget (GTK_WIDGET (fixture->page), is_tooltip, "Unlink the Change Idea");
    g_assert_nonnull (unlink);
    g_signal_emit_by_name (unlink, "clicked");
  }
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 0);
  g_assert_null (strstr (tandem_measures_page_get_summary (fixture->page), "Changes marked"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 1);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval,
           GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  /* Then the key bindings of the widget's class (Escape closes a dialog). */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      g_autoptr(GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, state);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), pressed))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  return handled;
}

/* The data table by keyboard: Enter goes to the form, Delete deletes the
 * chosen value (Undo brings it back). */
static void
test_table_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  GtkWidget *table;
  GtkSingleSelection *selection;
  GtkWidget *focus;
  gint64 before;
  guint n;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);
  table = find_widget_of_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  /* Nothing chosen: the keys are left alone. */
  g_assert_false (press_key (table, GDK_KEY_Delete, 0));
  gtk_single_selection_set_selected (selection, n - 1);
  g_assert_cmpstr (gtk_editable_get_text (find_entry (GTK_WIDGET (fixture->page), "Date, e.g. 2026-03-02")),
                   ==, "2026-11-16");
  g_assert_true (press_key (table, GDK_KEY_Return, 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (find_entry (GTK_WIDGET (fixture->page), "Value"))));

  g_assert_true (press_key (table, GDK_KEY_Delete, 0));
  g_assert_cmpint (count_points (fixture, sickness), ==, before - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (count_points (fixture, sickness), ==, before);
}

/* The page's buttons are actions: a value added, a phase started and
 * deleted by its id, without looking for any button. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phase_id = NULL;
  guint phases;
  gint64 before;

  tandem_measures_page_select_measure (fixture->page, sickness);
  before = count_points (fixture, sickness);
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Date, e.g. 2026-03-02"), "2026-11-23");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Value"), "5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "measures.add-value", NULL));
  g_assert_cmpint (count_points (fixture, sickness), ==, before + 1);

  measure = tandem_measure_load (project, sickness, &error);
  g_assert_no_error (error);
  phases = measure->phases->len;
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "Starts on"), "2026-11-23");
  gtk_editable_set_text (find_entry (GTK_WIDGET (fixture->page), "What changed"), "New rota");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "measures.add-phase", NULL));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measure->phases->len, ==, phases + 1);
  for (guint i = 0; i < measure->phases->len; i++)
    if (g_strcmp0 (((TandemPhase *) measure->phases->pdata[i])->label, "New rota") == 0)
      phase_id = g_strdup (((TandemPhase *) measure->phases->pdata[i])->id);
  g_assert_nonnull (phase_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "measures.delete-phase", "s",
                                             phase_id));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measure->phases->len, ==, phases);
}

/* The table is one Tab stop: Tab from a row leaves the table, whatever
 * the number of rows, and Shift+Tab goes back before it. */
static void
test_table_tab (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sickness = measure_id (fixture, "Staff sickness");
  GtkWidget *table, *scroller, *focus;
  GtkSingleSelection *selection;

  tandem_measures_page_select_measure (fixture->page, sickness);
  table = find_widget_of_type (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  /* the table's own widget, its scrolled window inside */
  scroller = gtk_widget_get_ancestor (table, TANDEM_TYPE_MEASURE_DATA_TABLE);
  g_assert_nonnull (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_is_ancestor (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW), scroller));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  gtk_single_selection_set_selected (selection, 0);
  gtk_widget_grab_focus (table);

  g_assert_true (press_key (table, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, scroller));

  gtk_widget_grab_focus (table);
  g_assert_true (press_key (table, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, scroller));
  /* before the table: the form's buttons (Import is the last of them) */
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_widget_get_prev_sibling (scroller)) ||
                 focus == gtk_widget_get_prev_sibling (scroller));
}

/* Print (to PDF, as the print dialog would) on A4 and A3, and export a PNG. */
static void
test_print_and_export (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a4 = g_build_filename (fixture->dir, "a4.pdf", NULL);
  g_autofree char *a3 = g_build_filename (fixture->dir, "a3.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st4, st3;

  tandem_measures_page_print_to_pdf (fixture->page, TANDEM_PAPER_A4, a4);
  tandem_measures_page_print_to_pdf (fixture->page, TANDEM_PAPER_A3, a3);
  WAIT_FOR (g_stat (a4, &st4) == 0 && st4.st_size > 1000 && g_stat (a3, &st3) == 0 && st3.st_size > 1000);

  /* The sheet for a workshop: the team, the day printed, the measure's
   * definition and what the chart shows. */
  {
    TandemProject *project = tandem_window_get_project (fixture->window);
    g_autoptr(TandemMeasure) measure = tandem_measure_load (project, tandem_measures_page_get_measure_id (fixture->page),
                                                            &error);
    g_autoptr(TandemTeam) team = tandem_team_get (project, tandem_window_get_team_id (fixture->window), &error);
    g_autofree char *program = g_find_program_in_path ("pdftotext");
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *first_words = NULL;
    const char *argv[] = { "pdftotext", a4, "-", NULL };
    int status = 0;

    g_assert_no_error (error);
    g_assert_nonnull (measure->definition);
    if (program == NULL)
      g_test_message ("pdftotext (poppler-utils) is not installed: the sheet's words are not read");
    else
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, &text, NULL, &status, &error));
        g_assert_no_error (error);
        /* lines are wrapped where the page wraps them: compare words */
        flat = g_strdelimit (g_strdup (text), "\n", ' ');
        first_words = g_strndup (measure->definition, 30);
        g_assert_nonnull (strstr (flat, team->name));
        g_assert_nonnull (strstr (flat, "Printed 21 November 2026"));
        g_assert_nonnull (strstr (flat, "Definition"));
        g_assert_nonnull (strstr (flat, first_words));
        g_assert_nonnull (strstr (flat, "What the Chart Shows"));
        g_assert_nonnull (strstr (flat, "Latest point"));
      }
  }

  g_assert_true (tandem_measures_page_export_to (fixture->page, png, TANDEM_EXPORT_PNG,
                                                 TANDEM_PAPER_A4, 72, &error));
  g_assert_no_error (error);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 842);
    cairo_surface_destroy (image);
  }
}

static AdwMessageDialog *
find_message_dialog (GtkWindow  *parent,
                     const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Neither exporting nor printing to a file can replace the open project,
 * by its name or through a link. */
static void
test_export_refuses_project (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gsize before_length, after_length;

  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);

  g_assert_false (tandem_measures_page_export_to (fixture->page, fixture->path, TANDEM_EXPORT_PDF,
                                                  TANDEM_PAPER_A4, 150, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  g_assert_nonnull (strstr (error->message, "Sample.tandem"));
  g_clear_error (&error);
  g_assert_false (tandem_measures_page_export_to (fixture->page, link, TANDEM_EXPORT_PNG,
                                                  TANDEM_PAPER_A4, 72, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));

  tandem_measures_page_print_to_pdf (fixture->page, TANDEM_PAPER_A4, link);
  WAIT_FOR ((dialog = find_message_dialog (GTK_WINDOW (fixture->window), "Could Not Print")) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "chart.pdf"));
  destroy_transients (GTK_WINDOW (fixture->window));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

/* A team switch and an edit made while the page is out of sight show as it
 * comes into view: the new team's measures, the one just added among them
 * (another team, which may have had none). */
static void
test_shown_after_team_switch (Fixture       *fixture,
                              gconstpointer  data)
{
  TandemProject *project = tandem_window_get_project (fixture->window);
  TandemPage *page = TANDEM_PAGE (fixture->page);
  g_autofree char *shown = g_strdup (tandem_measures_page_get_measure_id (fixture->page));
  g_autofree char *added = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;
  const char *other = NULL;
  gboolean of_other = FALSE;

  teams = tandem_team_list (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < teams->len && other == NULL; i++)
    {
      TandemTeam *team = teams->pdata[i];

      if (g_str_equal (team->id, tandem_window_get_team_id (fixture->window)))
        continue;
      other = team->id;
    }
  g_assert_nonnull (other);
  measures = tandem_measure_list (project, other, &error);
  g_assert_no_error (error);

  tandem_window_show_item (fixture->window, "diagram", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-team", "s",
                                             other));
  added = tandem_measure_add (project, other, "Time to first contact", &error);
  g_assert_no_error (error);
  /* Out of sight, the page has yet to show either. */
  g_assert_true (tandem_page_get_stale (page));
  g_assert_cmpstr (tandem_measures_page_get_measure_id (fixture->page), ==, shown);
  g_assert_null (FIND (fixture->page, is_label_text, "Time to first contact"));

  tandem_window_show_item (fixture->window, "measures", NULL);
  g_assert_false (tandem_page_get_stale (page));
  g_assert_cmpstr (tandem_page_get_team_id (page), ==, other);
  of_other = g_strcmp0 (added, tandem_measures_page_get_measure_id (fixture->page)) == 0;
  for (guint i = 0; i < measures->len; i++)
    of_other |= g_str_equal (((TandemMeasure *) measures->pdata[i])->id,
                             tandem_measures_page_get_measure_id (fixture->page));
  g_assert_true (of_other);
  WAIT_FOR (FIND (fixture->page, mapped_label_starts_with, "Time to first contact") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add ("/measures/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/measures/paste", Fixture, NULL, fixture_set_up, test_paste, fixture_tear_down);
  g_test_add ("/measures/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);
  g_test_add ("/measures/add", Fixture, NULL, fixture_set_up, test_add_measure, fixture_tear_down);
  g_test_add ("/measures/edit", Fixture, NULL, fixture_set_up, test_edit_values, fixture_tear_down);
  g_test_add ("/measures/edit-phases-notes", Fixture, NULL, fixture_set_up, test_edit_phases_and_notes,
              fixture_tear_down);
  g_test_add ("/measures/table-keys", Fixture, NULL, fixture_set_up, test_table_keys, fixture_tear_down);
  g_test_add ("/measures/table-tab", Fixture, NULL, fixture_set_up, test_table_tab, fixture_tear_down);
  g_test_add ("/measures/import-keys", Fixture, NULL, fixture_set_up, test_import_keys, fixture_tear_down);
  g_test_add ("/measures/edit-dialog-keys", Fixture, NULL, fixture_set_up, test_edit_dialog_keys,
              fixture_tear_down);
  g_test_add ("/measures/date-entry", Fixture, NULL, fixture_set_up, test_date_entry, fixture_tear_down);
  g_test_add ("/measures/value-enter", Fixture, NULL, fixture_set_up, test_value_enter, fixture_tear_down);
  g_test_add ("/measures/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/measures/settings-choices", Fixture, NULL, fixture_set_up, test_settings_choices,
              fixture_tear_down);
  g_test_add ("/measures/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/measures/print", Fixture, NULL, fixture_set_up, test_print_and_export, fixture_tear_down);
  g_test_add ("/measures/export-refuses-project", Fixture, NULL, fixture_set_up,
              test_export_refuses_project, fixture_tear_down);
  g_test_add ("/measures/shown-after-team-switch", Fixture, NULL, fixture_set_up,
              test_shown_after_team_switch, fixture_tear_down);
  return test_run_app (app);
}
