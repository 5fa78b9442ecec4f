/* test-node-details.c — the details pane of a driver diagram's node, on its
 * own: the hint with no node, a change idea's details saved as typed and
 * chosen, a PDSA cycle edited, decided and deleted, a conflict with another
 * program's change handed back, and the pane freed when its window closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-diagram.h"
#include "tandem-enum-row.h"
#include "tandem-node-details.h"
#include "tandem-pdsa-row.h"
#include "tandem-stored-enums.h"
#include "tandem-test-util.h"

typedef struct
{
  char              *dir;
  char              *path;
  TandemProject     *project;
  char              *diagram;
  char              *idea;
  char              *pdsa;
  GtkWindow         *window;
  TandemNodeDetails *details;
  GPtrArray         *toasts;
  GPtrArray         *conflicts;   /* the fields whose save met another change */
  guint              failures;
} Fixture;

static void
toast_cb (TandemNodeDetails *details,
          const char        *title,
          Fixture           *f)
{
  g_ptr_array_add (f->toasts, g_strdup (title));
}

static void
failed_cb (TandemNodeDetails *details,
           const char        *heading,
           const GError      *error,
           Fixture           *f)
{
  g_assert_nonnull (heading);
  g_assert_nonnull (error);
  f->failures++;
}

static gboolean
save_failed_cb (TandemNodeDetails *details,
                GtkWidget         *editor,
                const char        *id,
                const char        *field,
                const GError      *error,
                Fixture           *f)
{
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_assert_cmpstr (id, ==, f->idea);
  g_ptr_array_add (f->conflicts, g_strdup (field));
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->project = create_diagram_project ("tandem-node-details-XXXXXX", "details.tandem", &f->dir, &f->path,
                                       &f->diagram, &f->idea);
  f->pdsa = tandem_diagram_plan_pdsa (f->project, f->idea, "Huddle on one shift", "2026-11-02",
                                      "Does a huddle fit in", "It takes five minutes", &error);
  g_assert_no_error (error);

  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->conflicts = g_ptr_array_new_with_free_func (g_free);
  f->details = g_object_ref (TANDEM_NODE_DETAILS (tandem_node_details_new ()));
  g_signal_connect (f->details, "toast", G_CALLBACK (toast_cb), f);
  g_signal_connect (f->details, "failed", G_CALLBACK (failed_cb), f);
  g_signal_connect (f->details, "save-failed", G_CALLBACK (save_failed_cb), f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 400, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->details));
  gtk_window_present (f->window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->details)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Its window closed, the pane is freed: nothing (a row, a pending save,
   * the comments panel) keeps it. */
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->details);
  g_ptr_array_unref (f->toasts);
  g_ptr_array_unref (f->conflicts);
  g_free (f->diagram);
  g_free (f->idea);
  g_free (f->pdsa);
  g_object_unref (f->project);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  return find_widget (GTK_WIDGET (f->details), is_named, name);
}

static GtkWidget *
pdsa_part (Fixture    *f,
           const char *field)
{
  g_autofree char *name = g_strdup_printf ("pdsa:%s:%s", f->pdsa, field);

  return named (f, name);
}

static void
show_idea (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = tandem_diagram_load (f->project, f->diagram, &error);

  g_assert_no_error (error);
  tandem_node_details_show (f->details, f->project, d, f->idea, TRUE);
}

static gboolean
text_is (Fixture    *f,
         const char *entity,
         const char *id,
         const char *field,
         const char *expected)
{
  g_autofree char *text = tandem_project_get_text (f->project, entity, id, field);

  return g_strcmp0 (text, expected) == 0;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *node = NULL;

  g_assert_nonnull (FIND (f->details, is_label_text, "Select an item to see its details."));
  show_idea (f);
  g_object_get (f->details, "node-id", &node, NULL);
  g_assert_cmpstr (node, ==, f->idea);
  g_assert_null (FIND (f->details, is_label_text, "Select an item to see its details."));

  /* A node that is not in the diagram is not shown. */
  g_object_set (f->details, "node-id", "no-such-node", NULL);
  g_assert_nonnull (FIND (f->details, is_label_text, "Select an item to see its details."));
}

static void
test_change_idea (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *row;

  show_idea (f);
  g_assert_nonnull (FIND (f->details, is_label_text, "Safety huddle"));

  row = named (f, "description");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Five minutes at each handover");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (text_is (f, TANDEM_ENTITY_NODE, f->idea, "description", "Five minutes at each handover"));

  /* A status is saved once the drop-down has finished with the choice. */
  row = named (f, "status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), TANDEM_IDEA_STATUS_TESTING - 1);
  WAIT_FOR (text_is (f, TANDEM_ENTITY_NODE, f->idea, "status",
                     tandem_idea_status_to_string (TANDEM_IDEA_STATUS_TESTING)));
  g_assert_cmpuint (f->failures, ==, 0);
  g_assert_cmpuint (f->conflicts->len, ==, 0);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  show_idea (f);
  /* Another program writes the description while the pane shows it empty. */
  g_assert_true (tandem_diagram_set_field (f->project, f->idea, "description", NULL, "Theirs", &error));
  g_assert_no_error (error);

  row = named (f, "description");
  gtk_editable_set_text (GTK_EDITABLE (row), "Mine");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (f->conflicts->len, ==, 1);
  g_assert_cmpstr (f->conflicts->pdata[0], ==, "description");
  g_assert_true (text_is (f, TANDEM_ENTITY_NODE, f->idea, "description", "Theirs"));
  g_assert_cmpuint (f->failures, ==, 0);
}

static void
test_pdsa (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("pdsa:%s", f->pdsa);
  g_autoptr(GPtrArray) left = NULL;
  GtkWidget *row, *part, *remove;

  show_idea (f);
  row = named (f, name);
  g_assert_true (TANDEM_IS_PDSA_ROW (row));
  g_assert_cmpstr (tandem_pdsa_row_get_pdsa_id (TANDEM_PDSA_ROW (row)), ==, f->pdsa);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Huddle on one shift");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pdsa_part (f, "plan_objective"))), ==,
                   "Does a huddle fit in");

  part = pdsa_part (f, "do_notes");
  gtk_editable_set_text (GTK_EDITABLE (part), "Ran it on the early shift");
  g_signal_emit_by_name (part, "apply");
  g_assert_true (text_is (f, TANDEM_ENTITY_PDSA_CYCLE, f->pdsa, "do_notes", "Ran it on the early shift"));

  /* The decision, saved once the drop-down has finished with it. */
  tandem_enum_row_set_value (ADW_COMBO_ROW (pdsa_part (f, "act_decision")), TANDEM_ACT_DECISION_ADOPT);
  WAIT_FOR (text_is (f, TANDEM_ENTITY_PDSA_CYCLE, f->pdsa, "act_decision", "adopt"));

  /* Shown again, the cycle says what was decided. */
  show_idea (f);
  row = named (f, name);
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "decided: adopt"));

  remove = find_widget (row, is_button_labelled, "_Delete This Cycle");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  left = tandem_diagram_list_pdsa (f->project, f->idea);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "Deleted the PDSA cycle");
  g_assert_cmpuint (f->failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/node-details/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/node-details/change-idea", Fixture, NULL, fixture_set_up, test_change_idea, fixture_tear_down);
  g_test_add ("/node-details/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/node-details/pdsa", Fixture, NULL, fixture_set_up, test_pdsa, fixture_tear_down);

  return g_test_run ();
}
