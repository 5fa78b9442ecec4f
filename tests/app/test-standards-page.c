/* test-standards-page.c — the Standards page, in process: the sample's level
 * and gaps in words; on a new project a round, a survey imported through
 * its preview, the means, and a panel review; a response scored in its
 * dialog and deleted; priorities added, linked and removed; the framework
 * adapted in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tandem-application.h"
#include "tandem-date-entry.h"
#include "tandem-standards-evidence-dialog.h"
#include "tandem-standards-evidence-section.h"
#include "tandem-standards-framework-dialog.h"
#include "tandem-diagram.h"
#include "tandem-standards-page.h"
#include "tandem-standards-panels-section.h"
#include "tandem-standards-priorities.h"
#include "tandem-standards-response-dialog.h"
#include "tandem-standards-teams-section.h"
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

/* A new window on @path, on the standards page of @team_id (the window in
 * *@window, its project in *@project). */
static TandemStandardsPage *
open_standards_page (const char     *path,
                     const char     *team_id,
                     TandemWindow  **window,
                     TandemProject **project)
{
  *window = new_test_window (app, 1100, 900);
  open_and_wait_for_project (*window, path);
  *project = tandem_window_get_project (*window);
  tandem_window_select_team (*window, team_id);
  return TANDEM_STANDARDS_PAGE (show_page (*window));
}

/* The page's section of @type: the evidence and panel reviews' actions
 * are the sections'. */
static GtkWidget *
section (gpointer page,
         GType    type)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (widget);
  return widget;
}

/* The pages of a PDF: its page objects, not its page tree. */
static guint
count_pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i + 11 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      n++;
  return n;
}

/* The sample's Delderfield Ward: the level and the biggest gap in words;
 * the accreditation pack printed. */
static void
test_sample (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *team = NULL;
  g_autofree char *pdf = NULL;
  TandemWindow *window;
  GtkWidget *page;
  GStatBuf st;

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

  /* Print (Ctrl+P's win.print reaches the page): the accreditation pack's
   * pages, straight to a PDF. */
  g_assert_true (tandem_page_can_print (TANDEM_PAGE (page)));
  g_assert_true (tandem_page_can_export (TANDEM_PAGE (page)));
  pdf = g_build_filename (dir, "pack.pdf", NULL);
  tandem_standards_page_print_to_pdf (TANDEM_STANDARDS_PAGE (page), pdf);
  WAIT_FOR (g_stat (pdf, &st) == 0 && st.st_size > 0);
  g_assert_cmpuint (count_pdf_pages (pdf), >, 1);

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

  page = open_standards_page (path, team, &window, &project);

  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "No self-assessment rounds yet.") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), label_starts_with, "No panel review yet."));
  widget = find_widget (GTK_WIDGET (page), label_starts_with, "The heatmap appears once");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_visible (widget));

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
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), label_starts_with,
                                                      "The heatmap appears once")));

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
  g_assert_true (gtk_widget_activate_action (section (page, TANDEM_TYPE_STANDARDS_PANELS_SECTION),
                                             "standards.add-panel", NULL));
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

static gboolean
is_check_labelled (GtkWidget *widget, gconstpointer data)
{
  GtkWidget *child;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), data) == 0;
}

static TandemStandardsResponseDialog *
open_response_dialog (TandemWindow        *window,
                      TandemStandardsPage *page,
                      const char          *round_id)
{
  TandemStandardsResponseDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "standards.add-response", "s", round_id));
  WAIT_FOR ((dialog = (TandemStandardsResponseDialog *)
             find_toplevel (TANDEM_TYPE_STANDARDS_RESPONSE_DIALOG, GTK_WINDOW (window))) != NULL);
  g_assert_cmpuint (tandem_standards_response_dialog_get_n_standards (dialog), ==, 12);
  return dialog;
}

/* What is typed into @spin, as the keyboard leaves it. */
static void
type_into_spin (GtkSpinButton *spin,
                const char    *typed)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), typed);
  gtk_spin_button_update (spin);
}

/* What is typed into a score. */
static void
type_score (TandemStandardsResponseDialog *dialog,
            guint                          index,
            const char                    *typed)
{
  type_into_spin (tandem_standards_response_dialog_get_score (dialog, index), typed);
}

/* A new project with a round: a response scored in its dialog (nothing
 * scored is refused, Escape cancels, Enter in the last comment saves), the
 * level after it, a second response deleted; priorities added, a fourth
 * refused, one linked to a change idea and one removed. */
static void
test_response_and_priorities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-standards-entry-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Entry.tandem", NULL);
  g_autofree char *team = NULL;
  g_autofree char *round_id = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *idea = NULL;
  g_autoptr(TandemDiagram) diagram = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GPtrArray) priorities = NULL;
  const TandemAssessmentResponse *response;
  const TandemAssessmentScore *score;
  TandemStandardsResponseDialog *dialog;
  TandemWindow *window;
  TandemProject *project;
  TandemStandardsPage *page;
  GtkWidget *section, *message, *check;
  GtkDropDown *standards;

  g_assert_no_error (error);
  made = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (made, "Birch Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  round_id = tandem_assessment_round_add (made, team, "2026-11-02", 4, &error);
  g_assert_no_error (error);
  diagram_id = tandem_diagram_create (made, team, "Calmer evenings", TANDEM_DIAGRAM_TEMPLATE_BLANK, &error);
  g_assert_no_error (error);
  diagram = tandem_diagram_load (made, diagram_id, &error);
  g_assert_no_error (error);
  primary = tandem_diagram_add_child (made, tandem_diagram_get_node (diagram, 0)->id, "Things to do", &error);
  g_assert_no_error (error);
  secondary = tandem_diagram_add_child (made, primary, "Evening activities", &error);
  g_assert_no_error (error);
  idea = tandem_diagram_add_child (made, secondary, "Music group on Tuesdays", &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  page = open_standards_page (path, team, &window, &project);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains, "No responses yet.") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), label_starts_with,
                                 "No level yet: the latest round has no scores."));

  /* Nothing scored: refused in words, nothing written. */
  dialog = open_response_dialog (window, page, "");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "response.save", NULL));
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_starts_with, "Nothing is scored yet"));
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 0);

  /* Scores typed as numbers or words, shown with their words; Enter in
   * the last comment saves them as one response. */
  type_score (dialog, 0, "strong");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_standards_response_dialog_get_score (dialog, 0))),
                   ==, "4 Strong");
  type_score (dialog, 1, "5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tandem_standards_response_dialog_get_score (dialog, 1))),
                   ==, "5 Exemplar");
  for (guint i = 2; i < 12; i++)
    type_score (dialog, i, "3");
  gtk_editable_set_text (tandem_standards_response_dialog_get_comment (dialog, 0), "  Ward round weekly ");
  g_signal_emit_by_name (tandem_standards_response_dialog_get_comment (dialog, 11), "activate");
  g_assert_null (dialog);
  responses = tandem_assessment_response_list (project, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
  response = responses->pdata[0];
  g_assert_cmpint (response->role, ==, TANDEM_RESPONDENT_STAFF);
  g_assert_null (response->person_id);
  g_assert_cmpuint (response->scores->len, ==, 12);
  score = response->scores->pdata[0];
  g_assert_cmpstr (score->standard_id, ==, "coc-lived-experience");
  g_assert_cmpint (score->score, ==, 4);
  g_assert_cmpstr (score->comment, ==, "Ward round weekly");
  g_assert_cmpint (((TandemAssessmentScore *) response->scores->pdata[1])->score, ==, 5);
  g_assert_cmpint (((TandemAssessmentScore *) response->scores->pdata[11])->score, ==, 3);
  /* (4 + 5 + 10 × 3) / 12 = 3.25 */
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with,
                         "Scores reach Bronze (average 3.25, Embedded), but 12 standards have no evidence yet") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), row_subtitle_contains, "1 response: 1 Staff."));
  /* One of the four staff: the 75% rule is said beside the level. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), label_contains,
                                 "Only 25% of the staff took part, and a round counts when 75% do."));
  g_clear_pointer (&responses, g_ptr_array_unref);

  /* Escape cancels: nothing written. */
  dialog = open_response_dialog (window, page, round_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_score (dialog, 3, "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "response.cancel", NULL));
  g_assert_null (dialog);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 1);

  /* A carer's response, saved as Ctrl+Enter does, then deleted from the round. */
  dialog = open_response_dialog (window, page, round_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), is_type,
                                                          GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN))),
                              TANDEM_RESPONDENT_CARER);
  type_score (dialog, 1, "developing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "response.save", NULL));
  g_assert_null (dialog);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains, "2 responses: 1 Staff, 1 Carer.") != NULL);
  responses = tandem_assessment_response_list (project, round_id, &error);
  g_assert_cmpuint (responses->len, ==, 2);
  response = responses->pdata[1];
  g_assert_cmpint (response->role, ==, TANDEM_RESPONDENT_CARER);
  g_assert_cmpuint (response->scores->len, ==, 1);
  g_assert_cmpstr (((TandemAssessmentScore *) response->scores->pdata[0])->standard_id, ==, "coc-safety");
  g_assert_cmpint (((TandemAssessmentScore *) response->scores->pdata[0])->score, ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Carer: anonymous"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "standards.delete-response", "s", response->id));
  g_assert_cmpint (tandem_project_count (project, "assessment_response", NULL, NULL), ==, 1);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains, "1 response: 1 Staff.") != NULL);

  /* Priorities: chosen from the standards not yet chosen; a fourth refused. */
  section = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (TANDEM_TYPE_STANDARDS_PRIORITIES));
  g_assert_nonnull (section);
  g_assert_nonnull (find_widget (section, label_starts_with, "No priority standards yet."));
  standards = GTK_DROP_DOWN (find_widget (section, is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  gtk_drop_down_set_selected (standards, 1);  /* Safety */
  g_assert_true (gtk_widget_activate_action (section, "priorities.add", NULL));
  WAIT_FOR (find_widget (section, label_starts_with, "One priority standard so far: the framework asks "
                                                     "for 2–3 priority standards.") != NULL);
  gtk_drop_down_set_selected (standards, 0);  /* Lived Experience */
  g_assert_true (gtk_widget_activate_action (section, "priorities.add", NULL));
  WAIT_FOR (find_widget (section, label_starts_with, "2 priority standards, as the framework asks (2–3).") != NULL);
  gtk_drop_down_set_selected (standards, 0);  /* Relationships, now first */
  g_assert_true (gtk_widget_activate_action (section, "priorities.add", NULL));
  priorities = tandem_priority_list (project, team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (priorities->len, ==, 3);
  g_assert_cmpstr (((TandemPriority *) priorities->pdata[0])->standard_id, ==, "coc-safety");
  g_assert_cmpstr (((TandemPriority *) priorities->pdata[1])->standard_id, ==, "coc-lived-experience");
  g_assert_cmpstr (((TandemPriority *) priorities->pdata[2])->standard_id, ==, "coc-relationships");
  WAIT_FOR (find_widget (section, label_starts_with, "3 priority standards, as the framework asks (2–3).") != NULL);
  gtk_drop_down_set_selected (standards, 0);
  g_assert_true (gtk_widget_activate_action (section, "priorities.add", NULL));
  WAIT_FOR ((message = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Could Not Add the Priority");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "the improvement phase works on two or three"));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_cmpint (tandem_project_count (project, "priority_standard", NULL, NULL), ==, 3);

  /* Linked to the change idea by ticking it in Safety's Link menu; shown by name. */
  check = find_widget (section, is_check_labelled, "Change idea: Music group on Tuesdays");
  g_assert_nonnull (check);
  g_assert_nonnull (find_widget (section, is_check_labelled, "Primary driver: Things to do"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_clear_pointer (&priorities, g_ptr_array_unref);
  priorities = tandem_priority_list (project, team, &error);
  g_assert_cmpuint (((TandemPriority *) priorities->pdata[0])->node_ids->len, ==, 1);
  g_assert_cmpstr (((TandemPriority *) priorities->pdata[0])->node_ids->pdata[0], ==, idea);
  WAIT_FOR (find_widget (section, row_subtitle_contains, "Linked to Change idea: Music group on Tuesdays.") != NULL);
  save_screenshot (GTK_WIDGET (page), "standards-priorities.png", 3);

  /* Removed: the file has two left. */
  g_assert_true (gtk_widget_activate_action (section, "priorities.remove", "s",
                                             ((TandemPriority *) priorities->pdata[2])->id));
  g_clear_pointer (&priorities, g_ptr_array_unref);
  priorities = tandem_priority_list (project, team, &error);
  g_assert_cmpuint (priorities->len, ==, 2);
  g_assert_cmpstr (((TandemPriority *) priorities->pdata[1])->standard_id, ==, "coc-lived-experience");
  WAIT_FOR (find_widget (section, label_starts_with, "2 priority standards, as the framework asks (2–3).") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static TandemStandardsEvidenceDialog *
open_evidence_dialog (TandemWindow        *window,
                      TandemStandardsPage *page)
{
  TandemStandardsEvidenceDialog *dialog;

  g_assert_true (gtk_widget_activate_action (section (page, TANDEM_TYPE_STANDARDS_EVIDENCE_SECTION),
                                             "standards.add-evidence", NULL));
  WAIT_FOR ((dialog = (TandemStandardsEvidenceDialog *)
             find_toplevel (TANDEM_TYPE_STANDARDS_EVIDENCE_DIALOG, GTK_WINDOW (window))) != NULL);
  return dialog;
}

static const TandemEvidence *
find_evidence (GPtrArray  *evidence,
               const char *standard_id)
{
  for (guint i = 0; i < evidence->len; i++)
    if (g_str_equal (((TandemEvidence *) evidence->pdata[i])->standard_id, standard_id))
      return evidence->pdata[i];
  g_error ("No evidence for %s", standard_id);
}

static gboolean
is_message_with_body (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_MESSAGE_DIALOG (widget) &&
         strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (widget)), data) != NULL;
}

/* Evidence of every kind through the Add Evidence dialog: a note typed in
 * and a file by reference (its path kept, the file never copied in); an
 * empty note or a path that is not there refused in the dialog, nothing
 * written and nothing typed lost; Cancel writes nothing; a file that has
 * gone says so when opened; the JSON export carries both. */
static void
test_evidence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-standards-evidence-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Evidence.tandem", NULL);
  g_autofree char *minutes = g_build_filename (dir, "Governance minutes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "Not there.pdf", NULL);
  g_autofree char *json_path = g_build_filename (dir, "pack.json", NULL);
  g_autofree char *team = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  TandemStandardsEvidenceDialog *dialog;
  const TandemEvidence *note, *file;
  TandemWindow *window;
  TandemProject *project;
  TandemStandardsPage *page;
  GtkTextBuffer *buffer;
  GtkWidget *label;
  GtkWindow *message;
  JsonArray *items;
  guint n_notes = 0, n_references = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (minutes, "Quality committee, October.\n", -1, &error));
  g_assert_no_error (error);
  made = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (made, "Birch Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  page = open_standards_page (path, team, &window, &project);
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "No self-assessment rounds yet.") != NULL);

  /* Cancel writes nothing. */
  dialog = open_evidence_dialog (window, page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tandem_standards_evidence_dialog_set_kind (dialog, TANDEM_EVIDENCE_KIND_NOTE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  WAIT_FOR (dialog == NULL);
  g_assert_cmpint (tandem_project_count (project, "standard_evidence", NULL, NULL), ==, 0);

  /* A note or story: refused while empty, then added as typed. (A
   * coaching session, with none yet, says so and adds nothing.) */
  dialog = open_evidence_dialog (window, page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tandem_standards_evidence_dialog_set_kind (dialog, TANDEM_EVIDENCE_KIND_SESSION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.add", NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_starts_with,
                                 "The team has no coaching sessions yet."));
  g_assert_cmpint (tandem_project_count (project, "standard_evidence", NULL, NULL), ==, 0);
  tandem_standards_evidence_dialog_set_kind (dialog, TANDEM_EVIDENCE_KIND_NOTE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled,
                                                          "_Standard")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.add", NULL));
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_starts_with, "Type the note or story first."));
  g_assert_cmpint (tandem_project_count (project, "standard_evidence", NULL, NULL), ==, 0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), is_named,
                                                                 "evidence-note")));
  gtk_text_buffer_set_text (buffer, "  A patient asked for the rights leaflet in Polish; it was "
                                    "ready the next week.  ", -1);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_named, "evidence-title")),
                         "Rights leaflet in Polish");
  save_screenshot (GTK_WIDGET (dialog), "standards-evidence-note.png", 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.add", NULL));
  WAIT_FOR (dialog == NULL);

  /* A file by reference: a path that is not there is refused, naming it;
   * the file's own path is kept. */
  dialog = open_evidence_dialog (window, page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tandem_standards_evidence_dialog_set_kind (dialog, TANDEM_EVIDENCE_KIND_REFERENCE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled,
                                                          "_Type of evidence")), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled,
                                                          "_Level offered at")), TANDEM_STANDARD_LEVEL_SILVER);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_named, "evidence-reference")),
                         missing);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.add", NULL));
  g_assert_nonnull (dialog);
  expected = g_strdup_printf ("There is no file “%s” on this computer", missing);
  label = find_widget (GTK_WIDGET (dialog), label_starts_with, expected);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpint (tandem_project_count (project, "standard_evidence", NULL, NULL), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_named, "evidence-reference")),
                         minutes);
  save_screenshot (GTK_WIDGET (dialog), "standards-evidence-file.png", 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.add", NULL));
  WAIT_FOR (dialog == NULL);

  evidence = tandem_evidence_list (project, team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 2);
  note = find_evidence (evidence, "coc-safety");
  g_assert_cmpstr (note->note, ==, "A patient asked for the rights leaflet in Polish; it was ready "
                                   "the next week.");
  g_assert_cmpstr (note->title, ==, "Rights leaflet in Polish");
  g_assert_cmpint (note->level, ==, TANDEM_STANDARD_LEVEL_BRONZE);
  g_assert_null (note->reference);
  file = find_evidence (evidence, "coc-lived-experience");
  g_assert_cmpstr (file->reference, ==, minutes);
  g_assert_cmpstr (file->type_id, ==, "coc-evidence-governance");
  g_assert_cmpint (file->level, ==, TANDEM_STANDARD_LEVEL_SILVER);
  g_assert_null (file->note);
  g_assert_null (file->measure_id);

  /* The rows say what each is; the file's offers Open. */
  g_free (expected);
  expected = g_strdup_printf ("File (kept where it is): %s. Supports Silver.", minutes);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains, expected) != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), row_subtitle_contains,
                                 "Note or story, “Rights leaflet in Polish”: A patient asked"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_button_labelled, "Open"));

  /* A file that has gone says so, on the row and when opened. */
  g_assert_cmpint (g_unlink (minutes), ==, 0);
  g_assert_true (tandem_evidence_set_field (project, file->id, "title", TANDEM_UNCHECKED,
                                            "October minutes", &error));
  g_assert_no_error (error);
  WAIT_FOR (find_widget (GTK_WIDGET (page), row_subtitle_contains, "Not found on this computer") != NULL);
  g_assert_true (gtk_widget_activate_action (section (page, TANDEM_TYPE_STANDARDS_EVIDENCE_SECTION),
                                             "standards.open-evidence", "s", file->id));
  g_free (expected);
  expected = g_strdup_printf ("The file “%s” is not there", minutes);
  WAIT_FOR ((message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))) != NULL);
  g_assert_true (is_message_with_body (GTK_WIDGET (message), expected));
  gtk_window_destroy (message);

  /* Export as JSON: every piece of evidence, with its kind. */
  g_assert_true (tandem_standards_page_export_to (page, json_path, TRUE, TANDEM_EXPORT_PDF, 150,
                                                  &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "evidence");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *kind = json_object_get_string_member (json_array_get_object_element (items, i),
                                                        "kind");

      n_notes += g_str_equal (kind, "note");
      n_references += g_str_equal (kind, "reference");
    }
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpuint (n_references, ==, 1);
  save_screenshot (GTK_WIDGET (page), "standards-evidence.png", 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static gboolean
is_team_button (GtkWidget *widget, gconstpointer data)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), data) == 0;
}

static void
add_scored_round (TandemProject *project,
                  const char    *team,
                  const int     *safety,
                  guint          n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *round = tandem_assessment_round_add (project, team, "2026-05-04", 5, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemAssessmentResponse) response = tandem_assessment_response_new (TANDEM_RESPONDENT_STAFF);
      g_autofree char *id = NULL;

      tandem_assessment_response_add_score (response, "coc-safety", safety[i], NULL);
      id = tandem_assessment_response_add (project, round, response, &error);
      g_assert_no_error (error);
    }
}

/* Across the project: each team's latest round beside the others, each
 * cell read out with its standard and team, a team without a round said
 * so; a team's name shows that team, and the grid stays as it was. */
static void
test_across_teams (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-standards-teams-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Teams.tandem", NULL);
  g_autofree char *willow = NULL;
  g_autofree char *oak = NULL;
  g_autofree char *ash = NULL;
  TandemWindow *window;
  GtkWidget *page, *section, *cell, *button;

  g_assert_no_error (error);
  made = tandem_project_create (path, &error);
  g_assert_no_error (error);
  willow = tandem_team_create (made, "Willow Ward", NULL, NULL, NULL, &error);
  oak = tandem_team_create (made, "Oak Ward", NULL, NULL, NULL, &error);
  ash = tandem_team_create (made, "Ash Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  add_scored_round (made, willow, (int[]) { 3, 3, 4, 4, 3 }, 5);
  add_scored_round (made, oak, (int[]) { 2, 2 }, 2);
  g_clear_object (&made);

  window = new_test_window (app, 1100, 900);
  open_and_wait_for_project (window, path);
  tandem_window_select_team (window, oak);
  page = show_page (window);
  section = find_widget (page, is_type, GSIZE_TO_POINTER (TANDEM_TYPE_STANDARDS_TEAMS_SECTION));
  g_assert_nonnull (section);

  WAIT_FOR (find_widget (section, is_label_text, "3.4\nEmbedded") != NULL);
  cell = find_widget (section, is_label_text, "3.4\nEmbedded");
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Safety, Willow Ward: 3.4 Embedded");
  cell = find_widget (section, is_label_text, "2.0\nDeveloping");
  g_assert_nonnull (cell);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Safety, Oak Ward: 2.0 Developing");
  g_assert_nonnull (find_widget (section, label_starts_with, "2 of 3 teams have a self-assessment round."));
  cell = find_widget (section, is_label_text, "No self-assessment round yet");
  g_assert_nonnull (cell);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ash Ward: no self-assessment round yet");
  /* with one standard scored, its mean is the average */
  g_assert_nonnull (find_widget (section, is_label_text, "3.40\nBronze"));
  g_assert_nonnull (find_widget (section, is_label_text, "2.00\nBelow Bronze"));

  button = find_widget (section, is_team_button, "Oak Ward");
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Oak Ward, the team shown");
  button = find_widget (section, is_team_button, "Willow Ward");
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Willow Ward");
  g_assert_false (gtk_widget_has_css_class (gtk_button_get_child (GTK_BUTTON (button)), "accent"));
  gtk_widget_activate (button);
  WAIT_FOR (g_strcmp0 (tandem_page_get_team_id (TANDEM_PAGE (page)), willow) == 0);
  /* the same button, now marked as the team shown */
  g_assert_true (find_widget (section, is_team_button, "Willow Ward") == button);
  g_assert_true (gtk_widget_has_css_class (gtk_button_get_child (GTK_BUTTON (button)), "accent"));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Willow Ward, the team shown");
  save_screenshot (page, "standards-across-teams.png", 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static TandemStandardsFrameworkDialog *
open_framework_dialog (TandemWindow        *window,
                       TandemStandardsPage *page)
{
  TandemStandardsFrameworkDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "standards.framework", NULL));
  WAIT_FOR ((dialog = (TandemStandardsFrameworkDialog *)
             find_toplevel (TANDEM_TYPE_STANDARDS_FRAMEWORK_DIALOG, GTK_WINDOW (window))) != NULL);
  return dialog;
}

static void
type_threshold (TandemStandardsFrameworkDialog *dialog,
                int                             level,
                const char                     *typed)
{
  type_into_spin (tandem_standards_framework_dialog_get_threshold (dialog, level), typed);
}

/* The framework through its own window: it shows the file's; Cancel writes
 * nothing; levels that do not rise are refused in the window with nothing
 * written and nothing typed lost; Save writes the averages, a score's word
 * and a standard's name, and the page's level follows them. */
static void
test_framework (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-standards-framework-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Framework.tandem", NULL);
  g_autofree char *team = NULL;
  g_autofree char *round = NULL;
  const char *two[] = { "coc-safety", "coc-lived-experience" };
  const int scores[][2] = { { 4, 3 }, { 3, 4 }, { 3, 3 } };
  TandemStandardsFrameworkDialog *dialog;
  TandemWindow *window;
  TandemProject *project;
  TandemStandardsPage *page;
  GtkWidget *label;
  g_autofree char *last_change = NULL;
  g_autofree char *now_last = NULL;

  g_assert_no_error (error);
  made = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (made, "Birch Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  round = tandem_assessment_round_add (made, team, "2026-03-02", 3, &error);
  g_assert_no_error (error);
  /* an average of 3.33: Bronze as shipped */
  for (guint r = 0; r < G_N_ELEMENTS (scores); r++)
    {
      g_autoptr(TandemAssessmentResponse) response = tandem_assessment_response_new (TANDEM_RESPONDENT_STAFF);
      g_autofree char *id = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (two); s++)
        tandem_assessment_response_add_score (response, two[s], scores[r][s], NULL);
      id = tandem_assessment_response_add (made, round, response, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&made);

  page = open_standards_page (path, team, &window, &project);
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "Scores reach Bronze (average 3.33, Embedded)") != NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_button_labelled, "Framework…"));
  last_change = tandem_project_dup_undo_label (project);

  /* Cancel writes nothing. */
  dialog = open_framework_dialog (window, page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpfloat (gtk_spin_button_get_value (tandem_standards_framework_dialog_get_threshold (dialog, TANDEM_STANDARD_LEVEL_GOLD)), ==, 4.2);
  g_assert_cmpstr (gtk_editable_get_text (tandem_standards_framework_dialog_get_word (dialog, 3)), ==, "Embedded");
  g_assert_cmpstr (gtk_editable_get_text (tandem_standards_framework_dialog_get_title (dialog, 1)), ==, "Safety");
  gtk_editable_set_text (tandem_standards_framework_dialog_get_word (dialog, 3), "Something");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  WAIT_FOR (dialog == NULL);
  g_free (now_last);
  now_last = tandem_project_dup_undo_label (project);
  g_assert_cmpstr (now_last, ==, last_change);

  /* Levels that do not rise, and an empty word, are refused in the window. */
  dialog = open_framework_dialog (window, page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_threshold (dialog, TANDEM_STANDARD_LEVEL_SILVER, "2.40");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "framework.save", NULL));
  label = find_widget (GTK_WIDGET (dialog), label_starts_with,
                       "The averages must rise from Bronze to Silver to Gold: 2.50, 2.40 and 4.20 do not.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (dialog);
  type_threshold (dialog, TANDEM_STANDARD_LEVEL_SILVER, "3.30");
  g_assert_false (gtk_widget_get_visible (label));
  gtk_editable_set_text (tandem_standards_framework_dialog_get_word (dialog, 2), "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "framework.save", NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_starts_with,
                                 "Give the word for 2: it cannot be empty."));
  g_free (now_last);
  now_last = tandem_project_dup_undo_label (project);
  g_assert_cmpstr (now_last, ==, last_change);

  /* Saved: Silver lowered, Gold raised, a word, a name. */
  gtk_editable_set_text (tandem_standards_framework_dialog_get_word (dialog, 2), "Developing");
  type_threshold (dialog, TANDEM_STANDARD_LEVEL_GOLD, "4.60");
  type_threshold (dialog, TANDEM_STANDARD_LEVEL_SILVER, "3.30");
  gtk_editable_set_text (tandem_standards_framework_dialog_get_word (dialog, 3), "Established");
  gtk_editable_set_text (tandem_standards_framework_dialog_get_title (dialog, 1), "Safety and security");
  save_screenshot (GTK_WIDGET (dialog), "standards-framework.png", 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "framework.save", NULL));
  WAIT_FOR (dialog == NULL);
  framework = tandem_standards_framework_load (project, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (framework->thresholds[TANDEM_STANDARD_LEVEL_BRONZE], 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (framework->thresholds[TANDEM_STANDARD_LEVEL_SILVER], 3.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (framework->thresholds[TANDEM_STANDARD_LEVEL_GOLD], 4.6, 1e-9);
  g_assert_cmpstr (framework->words[1], ==, "Developing");
  g_assert_cmpstr (framework->words[2], ==, "Established");
  g_assert_cmpstr (((TandemStandard *) framework->standards->pdata[1])->title, ==, "Safety and security");
  g_free (now_last);
  now_last = tandem_project_dup_undo_label (project);
  g_assert_cmpstr (now_last, ==, "Rename standard");
  WAIT_FOR (find_widget (GTK_WIDGET (page), label_starts_with, "Scores reach Silver (average 3.33, Established)") != NULL);
  save_screenshot (GTK_WIDGET (window), "standards-framework-page.png", 3);

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
  /* What the cells read out is checked through GTK's own test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  app = test_application_new ();

  g_test_add_func ("/standards-page/sample", test_sample);
  g_test_add_func ("/standards-page/new-project", test_new_project);
  g_test_add_func ("/standards-page/response-and-priorities", test_response_and_priorities);
  g_test_add_func ("/standards-page/evidence", test_evidence);
  g_test_add_func ("/standards-page/across-teams", test_across_teams);
  g_test_add_func ("/standards-page/framework", test_framework);
  return test_run_app (app);
}
