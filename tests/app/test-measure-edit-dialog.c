/* test-measure-edit-dialog.c — the phase and note window on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-measure-edit-dialog.h"
#include "tandem-measure.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *measure_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *team = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *note = NULL;
  const char *dates[] = { "2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28" };

  fixture->project = create_project_in_tmp ("tandem-edit-XXXXXX", "t.tandem", &fixture->dir, NULL);
  team = add_team_or_die (fixture->project, "Ward");
  fixture->measure_id = tandem_measure_add (fixture->project, team, "Incidents", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *id = tandem_measure_add_value (fixture->project, fixture->measure_id, dates[i],
                                                      i + 3, NAN, NULL, FALSE, &error);
      g_assert_no_error (error);
    }
  measure = tandem_measure_load (fixture->project, fixture->measure_id, &error);
  g_assert_no_error (error);
  phase = tandem_measure_save_phase (fixture->project, measure, NULL, "2026-09-21", "New rota", 0, &error);
  g_assert_no_error (error);
  note = tandem_measure_save_note (fixture->project, measure, NULL, "2026-09-14", "Audit", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->measure_id);
  free_tmp (&fixture->dir, NULL);
}

static TandemMeasure *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemMeasure *measure = tandem_measure_load (fixture->project, fixture->measure_id, &error);

  g_assert_no_error (error);
  return measure;
}

/* The window opens on the phase with the label to type in focused; a bad
 * baseline is said in the window; a good one is saved and the window gone. */
static void
test_phase (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TandemMeasure) measure = load (fixture);
  const TandemPhase *phase = measure->phases->pdata[0];
  TandemMeasureEditDialog *dialog;
  GtkWidget *focus;

  dialog = g_object_ref (tandem_measure_edit_dialog_new_for_phase (fixture->project, measure, phase));
  g_assert_cmpstr (tandem_measure_edit_dialog_get_measure_id (dialog), ==, fixture->measure_id);
  g_assert_cmpstr (tandem_measure_edit_dialog_get_item_id (dialog), ==, phase->id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Change the Phase");
  gtk_window_present (GTK_WINDOW (dialog));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "New rota");
  gtk_editable_set_text (GTK_EDITABLE (focus), "Newer rota");

  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder,
                                                    "Every point")), "1");
  g_assert_null (tandem_measure_edit_dialog_get_error_text (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_nonnull (tandem_measure_edit_dialog_get_error_text (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder,
                                                    "Every point")), "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);
  {
    g_autoptr(TandemMeasure) saved = load (fixture);

    g_assert_cmpstr (((TandemPhase *) saved->phases->pdata[0])->label, ==, "Newer rota");
    g_assert_cmpuint (saved->freeze, ==, 2);
  }
}

/* A note's text is saved; Escape closes the window and changes nothing. */
static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TandemMeasure) measure = load (fixture);
  const TandemAnnotation *note = NULL;
  TandemMeasureEditDialog *dialog;

  for (guint i = 0; i < measure->annotations->len && note == NULL; i++)
    if (!((TandemAnnotation *) measure->annotations->pdata[i])->from_link)
      note = measure->annotations->pdata[i];
  g_assert_nonnull (note);

  dialog = g_object_ref (tandem_measure_edit_dialog_new_for_note (fixture->project, measure, note, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Change the Note");
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (dialog))), "Not saved");
  g_assert_true (press_binding (GTK_WIDGET (dialog), GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  dialog = g_object_ref (tandem_measure_edit_dialog_new_for_note (fixture->project, measure, note, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (dialog))), "Audit of the ward");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_finalize_object (dialog);
  {
    g_autoptr(TandemMeasure) saved = load (fixture);
    gboolean found = FALSE;

    for (guint i = 0; i < saved->annotations->len; i++)
      found = found || g_strcmp0 (((TandemAnnotation *) saved->annotations->pdata[i])->text,
                                  "Audit of the ward") == 0;
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add ("/measure-edit-dialog/phase", Fixture, NULL, fixture_set_up, test_phase, fixture_tear_down);
  g_test_add ("/measure-edit-dialog/note", Fixture, NULL, fixture_set_up, test_note, fixture_tear_down);
  return g_test_run ();
}
