/* test-coaching-caseload.c — every team at a glance, on its own: teams by
 * need, sessions booked ahead, what choosing a row asks for, and the widget
 * freed with its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tandem-coaching.h"
#include "tandem-coaching-caseload.h"
#include "tandem-test-util.h"

/* The caseload's lists, in the template's order: upcoming, then teams
 * (each preferences group's own list, for rows, is empty and hidden). */
static void
collect_lists (GtkWidget *root,
               GPtrArray *lists)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_get_visible (root))
    g_ptr_array_add (lists, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_lists (child, lists);
}

static void
session_activated_cb (TandemCoachingCaseload *caseload,
                      const char             *session_id,
                      const char             *team_id,
                      GPtrArray              *asked)
{
  g_ptr_array_add (asked, g_strdup_printf ("session %s of %s", session_id, team_id));
}

static void
team_activated_cb (TandemCoachingCaseload *caseload,
                   const char             *team_id,
                   GPtrArray              *asked)
{
  g_ptr_array_add (asked, g_strdup_printf ("team %s", team_id));
}

static void
activate_row (GtkWidget *list,
              int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
}

/* The team with an overdue action comes first; the session booked ahead is
 * listed; choosing a row asks for that team or that session, and the
 * placeholder asks for nothing. (The tests' day is 2026-11-21.) */
static void
test_rows (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TandemProject *project = create_project_in_tmp ("tandem-caseload-XXXXXX", "caseload.tandem",
                                                  &dir, &path);
  g_autofree char *oak = add_team_or_die (project, "Oak House");
  g_autofree char *willow = add_team_or_die (project, "Willow Ward");
  g_autofree char *past = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *action = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  TandemCoachingCaseload *caseload = TANDEM_COACHING_CASELOAD (tandem_coaching_caseload_new ());

  past = tandem_coaching_log_session (project, willow, "2026-11-10T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  action = tandem_coaching_add_action (project, past, "Book the room", NULL, "2026-11-15", &error);
  g_assert_no_error (error);
  ahead = tandem_coaching_log_session (project, oak, "2026-11-25T14:00:00Z", NULL, &error);
  g_assert_no_error (error);

  g_object_ref_sink (caseload);
  g_signal_connect (caseload, "session-activated", G_CALLBACK (session_activated_cb), asked);
  g_signal_connect (caseload, "team-activated", G_CALLBACK (team_activated_cb), asked);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (caseload));
  gtk_window_present (GTK_WINDOW (window));
  tandem_coaching_caseload_reload (caseload, project);

  g_assert_cmpuint (tandem_coaching_caseload_get_n_teams (caseload), ==, 2);
  g_assert_cmpstr (tandem_coaching_caseload_get_team_id (caseload, 0), ==, willow);
  g_assert_cmpstr (tandem_coaching_caseload_get_team_id (caseload, 1), ==, oak);
  g_assert_null (tandem_coaching_caseload_get_team_id (caseload, 2));
  g_assert_nonnull (FIND (caseload, is_label_text, "Overdue"));
  g_assert_nonnull (FIND (caseload, is_row_titled, "Willow Ward"));

  collect_lists (GTK_WIDGET (caseload), lists);
  g_assert_cmpuint (lists->len, ==, 2);
  activate_row (lists->pdata[0], 0);
  activate_row (lists->pdata[1], 1);
  g_assert_cmpuint (asked->len, ==, 2);
  expected = g_strdup_printf ("session %s of %s", ahead, oak);
  g_assert_cmpstr (asked->pdata[0], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("team %s", oak);
  g_assert_cmpstr (asked->pdata[1], ==, expected);

  /* Nothing booked ahead: the placeholder, which asks for nothing. */
  g_assert_true (tandem_coaching_delete_session (project, ahead, &error));
  g_assert_no_error (error);
  tandem_coaching_caseload_reload (caseload, project);
  g_assert_nonnull (FIND (caseload, is_row_titled, "No sessions booked ahead."));
  activate_row (lists->pdata[0], 0);
  g_assert_cmpuint (asked->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (caseload);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (project);
  free_tmp (&dir, &path);
}

/* A reload after one edit keeps every row and changes the words of the
 * rows it touched: an action added to a team booked ahead shows in its team
 * row and its session row, which stay the same widgets (so focus on them
 * stays too), and the other team's row is left alone. */
static void
test_edit_keeps_rows (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TandemProject *project = create_project_in_tmp ("tandem-caseload-XXXXXX", "caseload.tandem",
                                                  &dir, &path);
  g_autofree char *oak = add_team_or_die (project, "Oak House");
  g_autofree char *willow = add_team_or_die (project, "Willow Ward");
  g_autofree char *past = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) session_row = NULL;
  g_autoptr(GtkWidget) willow_row = NULL;
  g_autoptr(GtkWidget) oak_row = NULL;
  g_autofree char *oak_before = NULL;
  g_autofree char *willow_before = NULL;
  g_autofree char *session_before = NULL;
  GtkWidget *window = gtk_window_new ();
  TandemCoachingCaseload *caseload = TANDEM_COACHING_CASELOAD (tandem_coaching_caseload_new ());

  past = tandem_coaching_log_session (project, willow, "2026-11-10T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  ahead = tandem_coaching_log_session (project, oak, "2026-11-25T14:00:00Z", NULL, &error);
  g_assert_no_error (error);

  g_object_ref_sink (caseload);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (caseload));
  gtk_window_present (GTK_WINDOW (window));
  tandem_coaching_caseload_reload (caseload, project);
  collect_lists (GTK_WIDGET (caseload), lists);
  g_assert_cmpuint (lists->len, ==, 2);

  /* Not seen for longest first: Oak House (never seen), then Willow Ward. */
  g_assert_cmpstr (tandem_coaching_caseload_get_team_id (caseload, 0), ==, oak);
  session_row = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[0], 0)));
  oak_row = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[1], 0)));
  willow_row = g_object_ref (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[1], 1)));
  session_before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (session_row)));
  oak_before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (oak_row)));
  willow_before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (willow_row)));
  g_assert_nonnull (strstr (session_before, "0 actions"));
  g_assert_nonnull (strstr (oak_before, "0 open actions"));

  action = tandem_coaching_add_action (project, ahead, "Bring the leaflets", NULL, "2026-12-15", &error);
  g_assert_no_error (error);
  tandem_coaching_caseload_reload (caseload, project);

  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[0], 0)) == session_row);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[1], 0)) == oak_row);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[1], 1)) == willow_row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (session_row)), "1 action, 1 open"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (oak_row)), "1 open action"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (willow_row)), ==, willow_before);

  g_clear_object (&session_row);
  g_clear_object (&oak_row);
  g_clear_object (&willow_row);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (caseload);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (project);
  free_tmp (&dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/coaching-caseload/rows", test_rows);
  g_test_add_func ("/coaching-caseload/edit-keeps-rows", test_edit_keeps_rows);

  return g_test_run ();
}
