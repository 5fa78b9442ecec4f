/* test-measure-notes.c — a measure's phases and notes, on their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tandem-measure-notes.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

static void
count_failed_cb (TandemMeasureNotes *notes,
                 const char         *heading,
                 const GError       *error,
                 guint              *failed)
{
  (*failed)++;
}

/* A phase and a note typed are added and listed, each row with its edit
 * and delete buttons named for a screen reader; a bad date is refused;
 * deleting a phase takes its row away. */
static void
test_add_and_delete (void)
{
  g_autofree char *dir = NULL;
  TandemProject *project = create_project_in_tmp ("tandem-notes-XXXXXX", "t.tandem", &dir, NULL);
  g_autofree char *team = add_team_or_die (project, "Ward");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_measure_add (project, team, "Incidents", &error);
  g_autofree char *phase = NULL;
  g_autofree char *note = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  GtkWidget *window = gtk_window_new ();
  TandemMeasureNotes *notes = TANDEM_MEASURE_NOTES (tandem_measure_notes_new ());
  GtkListBox *phases;
  guint failed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-09-%02u", 7 * i + 1);
      g_autofree char *value = tandem_measure_add_value (project, id, date, i + 3, NAN, NULL, FALSE, &error);

      g_assert_no_error (error);
    }
  g_object_ref_sink (notes);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (notes));
  g_signal_connect (notes, "failed", G_CALLBACK (count_failed_cb), &failed);
  measure = load_measure (project, id);
  tandem_measure_notes_set_measure (notes, project, measure, NULL, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (FIND (notes, is_entry_with_placeholder, "Starts on")), "31/02/2026");
  g_assert_null (tandem_measure_notes_add_phase (notes));
  g_assert_cmpuint (failed, ==, 1);
  tandem_measure_notes_start_at (notes, "2026-09-15");
  gtk_editable_set_text (GTK_EDITABLE (FIND (notes, is_entry_with_placeholder, "What changed")), "New rota");
  phase = tandem_measure_notes_add_phase (notes);
  g_assert_nonnull (phase);
  gtk_editable_set_text (GTK_EDITABLE (FIND (notes, is_entry_with_placeholder, "What happened")), "Audit");
  note = tandem_measure_notes_add_note (notes);
  g_assert_nonnull (note);

  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  tandem_measure_notes_set_measure (notes, project, measure, NULL, TRUE);
  phases = GTK_LIST_BOX (gtk_widget_get_ancestor (FIND (notes, is_row_titled, "New rota"), GTK_TYPE_LIST_BOX));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (phases)));
  g_assert_nonnull (FIND (phases, is_tooltip, "Delete Phase"));
  g_assert_nonnull (gtk_widget_get_ancestor (FIND (window, is_row_titled, "1. Audit"), GTK_TYPE_LIST_BOX));

  g_assert_true (tandem_measure_notes_delete (notes, TRUE, phase));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = load_measure (project, id);
  g_assert_cmpuint (measure->phases->len, ==, 0);
  tandem_measure_notes_set_measure (notes, project, measure, NULL, TRUE);
  g_assert_null (FIND (notes, is_row_titled, "New rota"));
  /* An empty boxed list is not drawn as a stray line. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (phases)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (notes);
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
  g_test_add_func ("/measure-notes/add-and-delete", test_add_and_delete);
  return g_test_run ();
}
