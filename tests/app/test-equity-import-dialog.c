/* test-equity-import-dialog.c — the import preview by group on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-equity-import-dialog.h"
#include "tandem-measure.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static const char *csv =
  "date,group,count,occupied bed days\n"
  "2026-01-01,White,6,3000\n"
  "2026-01-01,Black or Black British,8,600\n"
  "2026-02-01,White,7,3000\n";

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *measure;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *team = NULL;
  g_autoptr(GError) error = NULL;
  TandemBreakdown settings = { 0 };

  fixture->project = create_project_in_tmp ("tandem-equity-import-XXXXXX", "t.tandem", &fixture->dir, NULL);
  team = add_team_or_die (fixture->project, "Oak Ward");
  fixture->measure = tandem_measure_add (fixture->project, team, "Restraint", &error);
  g_assert_no_error (error);
  settings.measure_id = fixture->measure;
  settings.grouping_id = (char *) TANDEM_GROUPING_ETHNICITY_BROAD;
  settings.kind = TANDEM_BREAKDOWN_RATE;
  settings.per = NAN;
  settings.denominator_name = (char *) "occupied bed days";
  settings.domain = TANDEM_BREAKDOWN_EXPERIENCE;
  g_assert_true (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->measure);
  free_tmp (&fixture->dir, NULL);
}

static gint64
count_points (Fixture *fixture)
{
  return tandem_project_count (fixture->project, TANDEM_ENTITY_BREAKDOWN_POINT,
                               TANDEM_FIELD_BREAKDOWN_POINT_MEASURE_ID, fixture->measure);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static void
imported_cb (TandemEquityImportDialog *dialog,
             guint                     n,
             guint                    *imported)
{
  *imported = n;
}

/* The preview names the file and the groups found; Import saves the rows
 * as one change, says how many and closes; nothing is kept alive after. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TandemEquityImportDialog *dialog;
  guint imported = 0;

  dialog = tandem_equity_import_dialog_new (fixture->project, fixture->measure,
                                            TANDEM_GROUPING_ETHNICITY_BROAD, csv, -1,
                                            "restraint.csv", &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import “restraint.csv” by Group");
  g_assert_cmpuint (tandem_equity_import_dialog_get_n_ready (dialog), ==, 3);
  g_assert_cmpuint (tandem_equity_import_dialog_get_n_bad (dialog), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains,
                                 "3 rows by group, from a long table, dated 2026-01-01 to 2026-02-01, "
                                 "for 2 groups:"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains, "White: 2 rows"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import 3 Rows"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), label_contains, "refused"));

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (count_points (fixture), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL));
  g_assert_cmpuint (imported, ==, 3);
  g_assert_cmpint (count_points (fixture), ==, 3);
  g_assert_false (is_open (GTK_WINDOW (dialog)));
  g_assert_finalize_object (dialog);
}

/* A refused row is named by its line and nothing can be imported; Cancel
 * closes and saves nothing. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *bad = g_strconcat (csv, "2026-02-01,Purple,1,10\n", NULL);
  g_autoptr(GError) error = NULL;
  TandemEquityImportDialog *dialog;

  dialog = tandem_equity_import_dialog_new (fixture->project, fixture->measure,
                                            TANDEM_GROUPING_ETHNICITY_BROAD, bad, -1,
                                            "restraint.csv", &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  g_assert_cmpuint (tandem_equity_import_dialog_get_n_ready (dialog), ==, 0);
  g_assert_cmpuint (tandem_equity_import_dialog_get_n_bad (dialog), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), label_contains, "Line 5: “Purple” is not a group"));
  g_assert_false (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import")));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.accept", NULL);
  g_assert_cmpint (count_points (fixture), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_false (is_open (GTK_WINDOW (dialog)));
  g_assert_cmpint (count_points (fixture), ==, 0);
  g_assert_finalize_object (dialog);
}

/* Text that is not a table opens nothing and says why, naming the file. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tandem_equity_import_dialog_new (fixture->project, fixture->measure,
                                                  TANDEM_GROUPING_ETHNICITY_BROAD, "\"unclosed\n", -1,
                                                  "restraint.csv", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "restraint.csv: "));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  g_test_add ("/equity-import-dialog/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/equity-import-dialog/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/equity-import-dialog/unreadable", Fixture, NULL, fixture_set_up, test_unreadable,
              fixture_tear_down);
  return g_test_run ();
}
