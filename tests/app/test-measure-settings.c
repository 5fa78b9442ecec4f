/* test-measure-settings.c — a measure's settings and linked change ideas,
 * on their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-measure-settings.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static void
count_failed_cb (TandemMeasureSettings *settings,
                 const char            *heading,
                 const GError          *error,
                 guint                 *failed)
{
  (*failed)++;
}

static void
count_stale_cb (TandemMeasureSettings *settings,
                guint                 *stale)
{
  (*stale)++;
}

/* The rows show the measure; a name applied is saved, an empty one and a
 * bad target refused; the Making Data Count rules on a run chart are
 * refused and the rows shown again; read-only, nothing can be changed. */
static void
test_rows (void)
{
  g_autofree char *dir = NULL;
  TandemProject *project = create_project_in_tmp ("tandem-settings-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_measure_add (project, team, "Incidents", &error);
  g_autoptr(TandemMeasure) measure = NULL;
  GtkWidget *window = gtk_window_new ();
  TandemMeasureSettings *settings = TANDEM_MEASURE_SETTINGS (tandem_measure_settings_new ());
  GtkWidget *name, *target, *rules, *link;
  guint failed = 0, stale = 0;

  g_assert_no_error (error);
  g_object_ref_sink (settings);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (settings));
  g_signal_connect (settings, "failed", G_CALLBACK (count_failed_cb), &failed);
  g_signal_connect (settings, "stale", G_CALLBACK (count_stale_cb), &stale);
  measure = load_measure (project, id);
  tandem_measure_settings_set_measure (settings, project, measure, NULL, TRUE);
  name = FIND (settings, is_row_titled, "Name");
  target = FIND (settings, is_row_titled, "Target (optional)");
  rules = FIND (settings, is_row_titled, "Rules");
  link = FIND (settings, is_row_titled, "Link a change idea");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Incidents");
  /* No change ideas to link: the row says so and cannot be used. */
  g_assert_false (gtk_widget_get_sensitive (link));
  g_assert_false (tandem_measure_settings_link (settings));

  gtk_editable_set_text (GTK_EDITABLE (name), "Incidents of harm");
  g_signal_emit_by_name (name, "apply");
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  g_assert_cmpstr (measure->name, ==, "Incidents of harm");

  gtk_editable_set_text (GTK_EDITABLE (name), " ");
  g_signal_emit_by_name (name, "apply");
  gtk_editable_set_text (GTK_EDITABLE (target), "many");
  g_signal_emit_by_name (target, "apply");
  g_assert_cmpuint (failed, ==, 2);

  tandem_measure_settings_set_measure (settings, project, measure, NULL, TRUE);
  g_assert_cmpint (measure->chart, ==, TANDEM_SPC_CHART_RUN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rules), TANDEM_SPC_RULES_MDC);
  g_assert_cmpuint (failed, ==, 3);
  g_assert_cmpuint (stale, ==, 1);

  tandem_measure_settings_set_measure (settings, project, measure, NULL, FALSE);
  g_assert_false (gtk_widget_get_sensitive (name));
  g_assert_false (gtk_widget_get_sensitive (rules));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (settings);
  g_clear_pointer (&measure, tandem_measure_unref);
  g_object_unref (project);
  free_tmp (&dir, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add_func ("/measure-settings/rows", test_rows);
  return g_test_run ();
}
