/* test-standards-panels-section.c — the Standards page's Panel Reviews on
 * their own: on a new project, a panel review added through the section's
 * action is in the file, and shown with its reminder once the section is
 * shown again; the section is freed with its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "tandem-date-entry.h"
#include "tandem-standards-panels-section.h"
#include "tandem-standards.h"
#include "tandem-team.h"
#include "tandem-test-util.h"

static gboolean
row_subtitle_is (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0;
}

static void
type_date (GtkWidget  *section,
           const char *name,
           const char *text)
{
  GtkWidget *entry = find_widget (section, is_named, name);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (tandem_date_entry_get_entry (TANDEM_DATE_ENTRY (entry))), text);
}

static void
show_section (GtkWidget     *section,
              TandemProject *project,
              const char    *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsReport) report = tandem_standards_report (project, team, &error);

  g_assert_no_error (error);
  tandem_standards_panels_section_show (TANDEM_STANDARDS_PANELS_SECTION (section), project, report,
                                        TRUE);
}

static void
test_add_panel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-panels-section-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Panels.tandem", NULL);
  g_autofree char *team = NULL;
  TandemProject *project;
  GtkWidget *window;
  GtkWidget *section;
  GtkWidget *members;
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_no_error (error);
  project = tandem_project_create (path, &error);
  g_assert_no_error (error);
  team = tandem_team_create (project, "Rowan Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  section = g_object_ref_sink (g_object_new (TANDEM_TYPE_STANDARDS_PANELS_SECTION, NULL));
  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  show_section (section, project, team);
  g_assert_nonnull (find_widget (section, label_starts_with, "No panel review yet."));

  /* The form, as typed, and its action. */
  type_date (section, "panel-date", "18/11/2026");
  type_date (section, "panel-next", "2027-11-15");
  members = find_widget (section, is_entry_with_placeholder, "Panel members");
  gtk_editable_set_text (GTK_EDITABLE (members), "Ana Lopes, Priya Shah");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (section, is_entry_with_placeholder, "Conditions")),
                         "Evidence for all twelve");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (section, is_named, "panel-decision")),
                              TANDEM_PANEL_DECISION_SILVER);
  g_assert_true (gtk_widget_activate_action (section, "standards.add-panel", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (members)), ==, "");

  /* In the file, read by a connection of its own. */
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT team_id, date, members, decision, conditions, "
                                           "next_review_on FROM panel_review", -1, &statement,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, team);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 1), ==, "2026-11-18");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 2), ==, "Ana Lopes, Priya Shah");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 3), ==, "silver");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 4), ==, "Evidence for all twelve");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 5), ==, "2027-11-15");
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
  sqlite3_close (db);

  /* Shown again, as the page does on the change: the row, and the reminder
   * from the clock seam (21 November 2026). */
  show_section (section, project, team);
  WAIT_FOR (find_widget (section, row_subtitle_is,
                         "Members: Ana Lopes, Priya Shah. Conditions: Evidence for all twelve. "
                         "Next review: 15 Nov 2027.") != NULL);
  g_assert_nonnull (find_widget (section, is_label_text,
                                 "The next panel review is due on 15 Nov 2027."));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (section);
  g_assert_finalize_object (project);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/standards-panels-section/add-panel", test_add_panel);

  return g_test_run ();
}
