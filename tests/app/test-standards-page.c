/* test-standards-page.c — the Standards page, in process: the sample's level
 * and gaps in words; on a new project a round, a survey imported through
 * its preview, the means, and a panel review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-application.h"
#include "tandem-date-entry.h"
#include "tandem-standards-page.h"
#include "tandem-standards.h"
#include "tandem-team.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

/* The sample's Delderfield Ward on 21 November 2026 (TANDEM_TEST_NOW). */
#define SAMPLE_LEVEL "Scores reach Bronze (average 3.04, Embedded), but 3 standards have no evidence yet"
#define SAMPLE_MISSING "• Evidence for Needs Led, Environment, Therapeutic Support: every standard must be evidenced"
#define SAMPLE_GAP "• Choice: staff score it Strong, people with lived experience "
#define SAMPLE_REMINDER "The next panel review is due on 15 Nov 2027."

static gboolean
is_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_STANDARDS_PAGE (widget);
}

static gboolean
label_contains (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
row_subtitle_contains (GtkWidget *widget, gconstpointer data)
{
  const char *subtitle;

  if (!ADW_IS_ACTION_ROW (widget))
    return FALSE;
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  return subtitle != NULL && strstr (subtitle, data) != NULL;
}

static GtkWidget *
show_page (TandemWindow *window)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), is_page, NULL);

  g_assert_nonnull (page);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK)),
                                         "standards");
  return page;
}

/* The sample's Delderfield Ward: the level and the biggest gap in words. */
static void
test_sample (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *team = NULL;
  TandemWindow *window;
  GtkWidget *page;

  g_object_unref (create_sample_project ("tandem-standards-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 1100, 900);
  open_and_wait_for_project (window, path);
  team = tandem_team_find (tandem_window_get_project (window), "Delderfield Ward");
  g_assert_nonnull (team);
  tandem_window_select_team (window, team);
  page = show_page (window);

  WAIT_FOR (find_widget (page, label_starts_with, SAMPLE_LEVEL) != NULL);
  g_assert_nonnull (find_widget (page, label_contains, SAMPLE_MISSING));
  g_assert_nonnull (find_widget (page, label_starts_with, "The biggest gaps, the conversations to have:"));
  g_assert_nonnull (find_widget (page, label_contains, SAMPLE_GAP));
  g_assert_nonnull (find_widget (page, label_starts_with, SAMPLE_REMINDER));
  save_screenshot (page, "standards-sample.png", 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static const char survey[] =
  "Timestamp,Role,Safety,Relationships,Safety comment\n"
  "2026-11-02 09:00,Staff,4,Strong,Feels safe\n"
  "2026-11-02 09:05,staff,5,4,\n"
  "2026-11-02 09:10,Expert by experience,2,2,Not always\n";

/* A new project: no rounds says what to do first; a round added through
 * the form; a survey imported through its preview (a bad file refused by
 * line and nothing written; Escape cancels; Enter imports); the means; a
 * panel review and its reminder. */
static void
test_new_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-standards-new-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "New.tandem", NULL);
  g_autofree char *team = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) panels = NULL;
  TandemWindow *window;
  TandemProject *project;
  TandemStandardsPage *page;
  GtkWindow *preview;
  GtkWidget *widget;
  const char *round_id;

  g_assert_no_error (error);
  made = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (made, "Birch Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  window = new_test_window (app, 1100, 900);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  tandem_window_select_team (window, team);
  page = TANDEM_STANDARDS_PAGE (show_page (window));

  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "No self-assessment rounds yet.") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), label_starts_with, "No panel review yet."));

  /* Add Round: the date as typed, and the headcount. */
  widget = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (TANDEM_TYPE_DATE_ENTRY));
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (tandem_date_entry_get_entry (TANDEM_DATE_ENTRY (widget))),
                         "02/11/2026");
  widget = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "standards.add-round", NULL));
  rounds = tandem_assessment_round_list (project, team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_cmpstr (((TandemAssessmentRound *) rounds->pdata[0])->date, ==, "2026-11-02");
  g_assert_cmpint (((TandemAssessmentRound *) rounds->pdata[0])->headcount, ==, 4);
  round_id = ((TandemAssessmentRound *) rounds->pdata[0])->id;
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains,
                         "0 of 4 staff took part (0%): under the 75% needed, 3 more must take part") != NULL);

  /* A bad row is named by its line, and nothing can be imported. */
  preview = tandem_standards_page_open_import (page, round_id, "survey.csv",
                                               "Role,Safety\nStaff,4\nStaff,9\n", -1);
  g_assert_nonnull (preview);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), label_starts_with, "Line 3: "));
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), label_contains, "nothing can be imported"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (preview), "import.accept", NULL) &&
                  tandem_project_count (project, "assessment_response", NULL, NULL) > 0);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 0);
  gtk_window_destroy (preview);
  g_assert_null (preview);

  /* Escape cancels: nothing written. */
  preview = tandem_standards_page_open_import (page, round_id, "survey.csv", survey, -1);
  g_assert_nonnull (preview);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), label_contains, "• “Safety” → Safety"));
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), label_contains, "• “Role” → who answered"));
  g_assert_nonnull (find_widget (GTK_WIDGET (preview), label_starts_with,
                                 "3 responses are ready: 2 from staff, 1 from people with lived experience."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "import.cancel", NULL));
  g_assert_null (preview);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 0);

  /* Import: the means, the gap and completion. */
  preview = tandem_standards_page_open_import (page, round_id, "survey.csv", survey, -1);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "import.accept", NULL));
  g_assert_null (preview);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 3);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains,
                         "2 of 4 staff took part (50%): under the 75% needed, 1 more must take part") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), label_contains,
                                 "Safety: staff score it Exemplar, people with lived experience Developing (4.5 against 2.0)."));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_text, "4.5 Exemplar"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_text, "+2.5"));

  /* A panel review, and the reminder from the clock seam (21 November 2026). */
  gtk_editable_set_text (GTK_EDITABLE (tandem_date_entry_get_entry (
                           TANDEM_DATE_ENTRY (find_widget (GTK_WIDGET (page), is_named, "panel-date")))),
                         "18/11/2026");
  gtk_editable_set_text (GTK_EDITABLE (tandem_date_entry_get_entry (
                           TANDEM_DATE_ENTRY (find_widget (GTK_WIDGET (page), is_named, "panel-next")))),
                         "2026-12-01");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (page), is_entry_with_placeholder,
                                                    "Panel members")), "Ana Lopes, Priya Shah");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (page), is_entry_with_placeholder,
                                                    "Conditions")), "Evidence for all twelve");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), is_named, "panel-decision")),
                              TANDEM_PANEL_DECISION_BRONZE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "standards.add-panel", NULL));
  panels = tandem_panel_review_list (project, team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panels->len, ==, 1);
  g_assert_cmpstr (((TandemPanelReview *) panels->pdata[0])->date, ==, "2026-11-18");
  g_assert_cmpstr (((TandemPanelReview *) panels->pdata[0])->members, ==, "Ana Lopes, Priya Shah");
  g_assert_cmpint (((TandemPanelReview *) panels->pdata[0])->decision, ==, TANDEM_PANEL_DECISION_BRONZE);
  g_assert_cmpstr (((TandemPanelReview *) panels->pdata[0])->next_review_on, ==, "2026-12-01");
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with,
                         "The next panel review is due soon: on 1 Dec 2026, in 10 days.") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), row_subtitle_contains,
                                 "Members: Ana Lopes, Priya Shah. Conditions: Evidence for all twelve."));
  save_screenshot (GTK_WIDGET (page), "standards-new.png", 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add_func ("/standards-page/sample", test_sample);
  g_test_add_func ("/standards-page/new-project", test_new_project);
  return test_run_app (app);
}
