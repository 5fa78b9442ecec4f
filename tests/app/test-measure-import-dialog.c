/* test-measure-import-dialog.c — the import preview on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-measure-import-dialog.h"
#include "tandem-measure.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static const char *table = "Date\tValue\n02/11/2026\t5\n09/11/2026\tn/a\n16/11/2026\t7\n";

static gint64
count_points (TandemProject *project,
              const char    *measure_id)
{
  return tandem_project_count (project, "data_point", "measure_id", measure_id);
}

static void
imported_cb (TandemMeasureImportDialog *dialog,
             guint                      n,
             guint                     *imported)
{
  *imported = n;
}

/* The preview counts the good and the bad rows; Import saves the good ones,
 * says how many and closes; nothing is kept alive after. */
static void
test_import (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-import-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autofree char *measure = tandem_measure_add (project, team, "Incidents", NULL);
  g_autoptr(GError) error = NULL;
  TandemMeasureImportDialog *dialog;
  GtkCheckButton *header;
  guint imported = 0;

  g_assert_nonnull (measure);
  dialog = tandem_measure_import_dialog_new (project, measure, table, -1, &error);
  g_assert_no_error (error);
  g_object_ref (dialog);
  g_assert_true (tandem_measure_import_dialog_get_project (dialog) == project);
  g_assert_cmpstr (tandem_measure_import_dialog_get_measure_id (dialog), ==, measure);
  g_assert_cmpuint (tandem_measure_import_dialog_get_n_ready (dialog), ==, 2);
  g_assert_cmpuint (tandem_measure_import_dialog_get_n_bad (dialog), ==, 1);

  /* Read the heading as a row, and it is one more bad row. */
  header = GTK_CHECK_BUTTON (find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON));
  g_assert_true (gtk_check_button_get_active (header));
  gtk_check_button_set_active (header, FALSE);
  g_assert_cmpuint (tandem_measure_import_dialog_get_n_bad (dialog), ==, 2);
  gtk_check_button_set_active (header, TRUE);

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (count_points (project, measure), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL));
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpint (count_points (project, measure), ==, 2);
  g_assert_finalize_object (dialog);

  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

/* Text that is not a table opens nothing and says why. */
static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-import-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autofree char *measure = tandem_measure_add (project, team, "Incidents", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (tandem_measure_import_dialog_new (project, measure, "\"unclosed\n", -1, &error));
  g_assert_nonnull (error);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
}

/* Escape closes the window and imports nothing. */
static void
test_escape (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-import-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autofree char *measure = tandem_measure_add (project, team, "Incidents", NULL);
  TandemMeasureImportDialog *dialog;

  dialog = g_object_ref (tandem_measure_import_dialog_new (project, measure, table, -1, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (press_binding (GTK_WIDGET (dialog), GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (count_points (project, measure), ==, 0);
  g_assert_finalize_object (dialog);
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
  g_test_add_func ("/measure-import-dialog/import", test_import);
  g_test_add_func ("/measure-import-dialog/unreadable", test_unreadable);
  g_test_add_func ("/measure-import-dialog/escape", test_escape);
  return g_test_run ();
}
