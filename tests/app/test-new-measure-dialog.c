/* test-new-measure-dialog.c — the window that makes a measure, on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-measure.h"
#include "tandem-new-measure-dialog.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static void
created_cb (TandemNewMeasureDialog *dialog,
            const char             *id,
            char                  **created)
{
  *created = g_strdup (id);
}

/* A name the team has not used, focused; Create waits for which way is
 * better; then one measure, set up as chosen, and the window gone. */
static void
test_create (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-new-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autofree char *first = tandem_measure_add (project, team, "New measure", NULL);
  g_autofree char *created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  TandemNewMeasureDialog *dialog;
  GtkWidget *higher;

  dialog = tandem_new_measure_dialog_new (project, team, &error);
  g_assert_no_error (error);
  g_object_ref (dialog);
  g_assert_cmpstr (tandem_new_measure_dialog_get_team_id (dialog), ==, team);
  g_assert_cmpstr (gtk_editable_get_text (tandem_new_measure_dialog_get_name (dialog)), ==, "New measure 2");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         GTK_WIDGET (tandem_new_measure_dialog_get_name (dialog))));

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &created);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new.create", NULL);
  g_assert_null (created);
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, 1);

  gtk_editable_set_text (tandem_new_measure_dialog_get_name (dialog), "Falls");
  higher = find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (higher), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new.create", NULL));
  g_assert_nonnull (created);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  measure = tandem_measure_load (project, created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (measure->name, ==, "Falls");
  g_assert_cmpint (measure->direction, ==, TANDEM_SPC_DIRECTION_INCREASE);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

/* Escape closes the window and adds nothing. */
static void
test_escape (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-new-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  TandemNewMeasureDialog *dialog;

  dialog = g_object_ref (tandem_new_measure_dialog_new (project, team, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (press_binding (GTK_WIDGET (dialog), GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);
  g_assert_cmpint (tandem_project_count (project, "measure", "team_id", team), ==, 0);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add_func ("/new-measure-dialog/create", test_create);
  g_test_add_func ("/new-measure-dialog/escape", test_escape);
  return g_test_run ();
}
