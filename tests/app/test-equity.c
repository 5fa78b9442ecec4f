/* test-equity.c — a measure by group on the Measures page, in process, on a new project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-breakdown.h"
#include "tandem-equity-overview.h"
#include "tandem-equity-section.h"
#include "tandem-measure.h"
#include "tandem-measures-page.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

typedef struct
{
  char               *dir;
  char               *path;
  char               *measure;
  TandemWindow       *window;
  TandemMeasuresPage *page;
  TandemEquitySection *section;
} Fixture;

/* Two years of months by broad group: Black patients restrained about
 * three times as often as White patients per bed day in the first year,
 * half as often again in the second; one Asian row a month. */
static char *
long_csv (void)
{
  GString *csv = g_string_new ("date,group,count,occupied bed days\n");

  for (int i = 0; i < 24; i++)
    {
      int year = 2025 + i / 12, month = i % 12 + 1;

      g_string_append_printf (csv, "%04d-%02d-01,White,%d,3000\n", year, month, 6 + i % 3);
      g_string_append_printf (csv, "%04d-%02d-01,Black or Black British,%d,600\n", year, month,
                              i < 12 ? 8 + i % 2 : 4 + i % 2);
      g_string_append_printf (csv, "%04d-%02d-01,Asian or Asian British,%d,400\n", year, month,
                              1 + i % 2);
    }
  return g_string_free (csv, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemProject) project = NULL;
  g_autofree char *team = NULL;
  g_autoptr(GError) error = NULL;

  project = create_project_in_tmp ("tandem-equity-XXXXXX", "Oak.tandem", &fixture->dir, &fixture->path);
  team = add_team_or_die (project, "Oak Ward");
  fixture->measure = tandem_measure_add (project, team, "Restraint", &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  fixture->window = new_test_window (app, 1100, 900);
  open_and_wait_for_project (fixture->window, fixture->path);
  fixture->page = TANDEM_MEASURES_PAGE (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                             TANDEM_TYPE_MEASURES_PAGE));
  g_assert_nonnull (fixture->page);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                                             ADW_TYPE_VIEW_STACK)),
                                         "measures");
  tandem_measures_page_select_measure (fixture->page, fixture->measure);
  fixture->section = tandem_measures_page_get_equity_section (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_transients (GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->measure);
}

static TandemProject *
project_of (Fixture *fixture)
{
  return tandem_window_get_project (fixture->window);
}

static AdwComboRow *
combo_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->section), is_row_titled, title);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* Chooses the item of @row shown as @label. */
static void
choose (Fixture    *fixture,
        const char *title,
        const char *label)
{
  AdwComboRow *row = combo_row (fixture, title);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GtkExpression *expression = adw_combo_row_get_expression (row);
      g_auto(GValue) value = G_VALUE_INIT;
      const char *text;

      if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
        text = g_value_get_string (&value);
      else
        text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
      if (g_strcmp0 (text, label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” has no choice “%s”", title, label);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gint64
count_points (Fixture *fixture)
{
  return tandem_project_count (project_of (fixture), TANDEM_ENTITY_BREAKDOWN_POINT,
                               TANDEM_FIELD_BREAKDOWN_POINT_MEASURE_ID, fixture->measure);
}

static void
set_up_breakdown (Fixture *fixture)
{
  g_autoptr(TandemBreakdown) breakdown = NULL;
  AdwEntryRow *denominator;

  choose (fixture, "Broken down by", "Ethnicity (broad groups)");
  WAIT_FOR ((breakdown = tandem_breakdown_get (project_of (fixture), fixture->measure, NULL)) != NULL);
  g_assert_cmpstr (breakdown->grouping_id, ==, TANDEM_GROUPING_ETHNICITY_BROAD);
  /* White is the reference until the team chooses another. */
  g_assert_cmpstr (breakdown->reference_id, ==, "ethnicity-broad-white");
  g_clear_pointer (&breakdown, tandem_breakdown_free);

  choose (fixture, "About access, experience or outcomes", "Experience");
  denominator = ADW_ENTRY_ROW (find_widget (GTK_WIDGET (fixture->section), is_row_titled,
                                            "Denominator, e.g. occupied bed days"));
  gtk_editable_set_text (GTK_EDITABLE (denominator), "occupied bed days");
  g_signal_emit_by_name (denominator, "apply");
  breakdown = tandem_breakdown_get (project_of (fixture), fixture->measure, NULL);
  g_assert_cmpint (breakdown->domain, ==, TANDEM_BREAKDOWN_EXPERIENCE);
  g_assert_cmpint (breakdown->kind, ==, TANDEM_BREAKDOWN_RATE);
  g_assert_cmpstr (breakdown->denominator_name, ==, "occupied bed days");
  WAIT_FOR (find_widget (GTK_WIDGET (fixture->section), label_contains, "No data by group yet") != NULL);
}

/* The team sets the breakdown, imports a long CSV through the preview (a
 * refused row stops it, by its line; Escape cancels, Enter imports) and
 * reads the sentence under the chart; Undo takes the import back. */
static void
test_breakdown_import_words (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = long_csv ();
  g_autofree char *bad = g_strconcat (csv, "2027-01-01,Purple,1,10\n", NULL);
  GtkWindow *dialog;

  set_up_breakdown (fixture);

  /* A group the grouping has not: named by its line, nothing can be imported. */
  dialog = tandem_equity_section_open_import (fixture->section, bad, -1, "restraint.csv");
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains,
                                 "Line 74: “Purple” is not a group"));
  /* Enter imports nothing: the focus is on Cancel, and Import is off. */
  WAIT_FOR (!gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import")));
  press_key (GTK_WIDGET (dialog), GDK_KEY_Return);
  g_assert_cmpint (count_points (fixture), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape));
  WAIT_FOR (!is_open (dialog));

  /* The groups found, then Enter imports them as one change. */
  dialog = tandem_equity_section_open_import (fixture->section, csv, -1, "restraint.csv");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Import “restraint.csv” by Group");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains,
                                 "72 rows by group, from a long table, dated 2025-01-01 to "
                                 "2026-12-01, for 3 groups:"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains, "Black or Black British: 24 rows"));
  g_assert_cmpint (count_points (fixture), ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "equity-import.png", 5);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Return));
  g_assert_cmpint (count_points (fixture), ==, 72);
  WAIT_FOR (!is_open (dialog));

  /* poisson.test(c(54, 84), c(7200, 36000)): 3.214286, 2.240149 to 4.578043 */
  WAIT_FOR (tandem_equity_section_get_words (fixture->section) != NULL);
  g_assert_nonnull (strstr (tandem_equity_section_get_words (fixture->section),
                            "Over the last 12 months Black or Black British people had the event "
                            "3.2 times as often as White people (95% interval 2.2 to 4.6)."));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->section), label_contains,
                                 "Black or Black British people had the event 3.2 times"));
  save_screenshot (GTK_WIDGET (fixture->section), "equity-section.png", 5);
  tandem_equity_section_set_view (fixture->section, TANDEM_EQUITY_VIEW_DISPARITY);
  save_screenshot (GTK_WIDGET (fixture->section), "equity-disparity.png", 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (count_points (fixture), ==, 0);
  WAIT_FOR (tandem_equity_section_get_words (fixture->section) == NULL);
}

/* The overview lists the measure under its domain with the focus group's
 * latest ratio and whether the gap narrowed; choosing it shows the measure. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *csv = long_csv ();
  TandemEquityOverview *overview = tandem_measures_page_get_equity_overview (fixture->page);
  GtkWindow *dialog;
  GtkWidget *row;
  const char *text;

  set_up_breakdown (fixture);
  dialog = tandem_equity_section_open_import (fixture->section, csv, -1, "restraint.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL));

  tandem_measures_page_show_equity_overview (fixture->page);
  text = tandem_equity_overview_get_text (overview);
  g_assert_nonnull (text);
  /* Black or Black British first, as PCREF asks; narrowed from the 12 months before:
   * poisson.test(c(102, 84), c(7200, 36000)) gives 6.07. */
  g_assert_nonnull (strstr (text, "Experience — Restraint\n"
                                  "Black or Black British: 3.2 times as often as White "
                                  "(95% interval 2.2 to 4.6); narrowed: 6.1 in the 12 months before\n"
                                  "Asian or Asian British: "));
  g_assert_null (strstr (text, "Access —"));
  row = find_widget (GTK_WIDGET (overview), is_row_titled, "Restraint");
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (overview), is_row_titled,
                                 "No measure about access is broken down by group yet."));
  save_screenshot (GTK_WIDGET (fixture->page), "equity-overview.png", 5);

  /* The overview follows a change made elsewhere. */
  {
    g_autoptr(TandemBreakdown) breakdown = tandem_breakdown_get (project_of (fixture), fixture->measure, NULL);
    g_autoptr(GError) error = NULL;

    breakdown->domain = TANDEM_BREAKDOWN_ACCESS;
    g_assert_true (tandem_breakdown_set (project_of (fixture), breakdown, &error));
    g_assert_no_error (error);
  }
  WAIT_FOR (strstr (tandem_equity_overview_get_text (overview), "Access — Restraint") != NULL);

  row = find_widget (GTK_WIDGET (overview), is_row_titled, "Restraint");
  g_assert_true (gtk_widget_activate (row));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->section)));
}

/* The small-number threshold set on the page is the file's; an export for
 * sharing is written, and the open project is never written over. */
static void
test_threshold_and_export (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = long_csv ();
  g_autofree char *pdf = g_build_filename (fixture->dir, "restraint.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  GtkSpinButton *spin;
  GtkWindow *dialog;
  gsize length;

  set_up_breakdown (fixture);
  spin = GTK_SPIN_BUTTON (find_widget_of_type (GTK_WIDGET (fixture->section), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 4);
  gtk_spin_button_set_value (spin, 9);
  g_assert_cmpuint (tandem_breakdown_get_threshold (project_of (fixture)), ==, 9);

  dialog = tandem_equity_section_open_import (fixture->section, csv, -1, "restraint.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL));
  WAIT_FOR (tandem_equity_section_get_words (fixture->section) != NULL);
  /* The team sees its own numbers on screen. */
  g_assert_null (strstr (tandem_equity_section_get_words (fixture->section), "fewer than"));

  g_assert_true (tandem_equity_section_export_to (fixture->section, pdf, TANDEM_EXPORT_PDF,
                                                  TANDEM_PAPER_A4, 150, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &head, &length, NULL));
  g_assert_true (length > 5 && memcmp (head, "%PDF-", 5) == 0);

  g_assert_false (tandem_equity_section_export_to (fixture->section, fixture->path, TANDEM_EXPORT_PDF,
                                                   TANDEM_PAPER_A4, 150, TRUE, &error));
  g_assert_error (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/equity/breakdown-import-words", test_breakdown_import_words);
  ADD ("/equity/overview", test_overview);
  ADD ("/equity/threshold-and-export", test_threshold_and_export);
#undef ADD
  return test_run_app (app);
}
