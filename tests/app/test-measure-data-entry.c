/* test-measure-data-entry.c — the form for a measure's values, on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tandem-measure-data-entry.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static void
count_failed_cb (TandemMeasureDataEntry *entry,
                 const char             *heading,
                 const GError           *error,
                 guint                  *failed)
{
  (*failed)++;
}

/* A value typed is added, the date moves on a week for the next; a bad
 * value is refused with the text kept; a value shown is changed and deleted. */
static void
test_add_change_delete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = create_project_in_tmp ("tandem-entry-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_measure_add (project, team, "Incidents", &error);
  g_autoptr(TandemMeasure) measure = NULL;
  GtkWidget *window = gtk_window_new ();
  TandemMeasureDataEntry *entry = TANDEM_MEASURE_DATA_ENTRY (tandem_measure_data_entry_new ());
  GtkEditable *date, *value;
  guint failed = 0;

  g_assert_no_error (error);
  g_object_ref_sink (entry);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (entry));
  g_signal_connect (entry, "failed", G_CALLBACK (count_failed_cb), &failed);
  measure = load_measure (project, id);
  tandem_measure_data_entry_set_measure (entry, project, measure, TRUE);
  date = GTK_EDITABLE (FIND (entry, is_entry_with_placeholder, "Date, e.g. 2026-03-02"));
  value = GTK_EDITABLE (FIND (entry, is_entry_with_placeholder, "Value"));
  /* A count has no denominator to ask for. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (FIND (entry, is_entry_with_placeholder,
                                                                        "Out of (denominator)"))));

  gtk_editable_set_text (date, "23/11/2026");
  gtk_editable_set_text (value, "4,5");
  g_assert_true (tandem_measure_data_entry_add (entry));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-11-30");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "");
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  g_assert_cmpuint (measure->points->len, ==, 1);
  g_assert_cmpfloat (((TandemDataPoint *) measure->points->pdata[0])->value, ==, 4.5);

  gtk_editable_set_text (value, "six");
  g_assert_false (tandem_measure_data_entry_add (entry));
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "six");

  tandem_measure_data_entry_set_measure (entry, project, measure, TRUE);
  tandem_measure_data_entry_show_point (entry, measure->points->pdata[0]);
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2026-11-23");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "4.5");
  gtk_editable_set_text (value, "6");
  g_assert_true (tandem_measure_data_entry_save (entry));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  g_assert_cmpfloat (((TandemDataPoint *) measure->points->pdata[0])->value, ==, 6);

  g_assert_true (tandem_measure_data_entry_delete (entry));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  g_assert_cmpuint (measure->points->len, ==, 0);

  tandem_measure_data_entry_set_measure (entry, NULL, NULL, FALSE);
  g_assert_null (tandem_measure_data_entry_get_point_id (entry));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (entry);
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
  g_test_add_func ("/measure-data-entry/add-change-delete", test_add_change_delete);
  return g_test_run ();
}
