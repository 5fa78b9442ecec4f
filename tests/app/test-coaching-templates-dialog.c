/* test-coaching-templates-dialog.c — Your Templates on its own: rename,
 * delete, a bad name, read-only, and the dialog freed when closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-coaching.h"
#include "tandem-coaching-templates-dialog.h"
#include "tandem-test-util.h"

typedef struct
{
  char                          *dir;
  char                          *path;
  TandemProject                 *project;
  char                          *first;   /* "Ward round prep" */
  char                          *second;  /* "Team huddle" */
  TandemCoachingTemplatesDialog *dialog;
  GPtrArray                     *changes;  /* what ::changed said */
  GPtrArray                     *failures; /* what ::failed said */
} Fixture;

static void
changed_cb (TandemCoachingTemplatesDialog *dialog,
            const char                    *message,
            Fixture                       *fixture)
{
  g_ptr_array_add (fixture->changes, g_strdup (message));
}

static void
failed_cb (TandemCoachingTemplatesDialog *dialog,
           const char                    *title,
           const GError                  *error,
           Fixture                       *fixture)
{
  g_ptr_array_add (fixture->failures, g_strdup_printf ("%s: %s", title, error->message));
}

static guint
n_entry_rows (Fixture *fixture)
{
  GtkWidget *list = FIND_TYPE (fixture->dialog, GTK_TYPE_LIST_BOX);
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_ENTRY_ROW (row);
  return n;
}

static GtkWidget *
entry_row (Fixture *fixture,
           int      index)
{
  GtkWidget *list = FIND_TYPE (fixture->dialog, GTK_TYPE_LIST_BOX);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = NULL;
  g_autofree char *session = NULL;

  fixture->project = create_project_in_tmp ("tandem-templates-dialog-XXXXXX", "templates.tandem",
                                            &fixture->dir, &fixture->path);
  team = add_team_or_die (fixture->project, "Willow Ward");
  session = tandem_coaching_log_session (fixture->project, team, "2026-11-20T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  fixture->first = tandem_coaching_save_template (fixture->project, "Ward round prep", session, &error);
  g_assert_no_error (error);
  fixture->second = tandem_coaching_save_template (fixture->project, "Team huddle", session, &error);
  g_assert_no_error (error);

  fixture->changes = g_ptr_array_new_with_free_func (g_free);
  fixture->failures = g_ptr_array_new_with_free_func (g_free);
  fixture->dialog = g_object_ref (tandem_coaching_templates_dialog_new (NULL, fixture->project));
  g_signal_connect (fixture->dialog, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->dialog, "failed", G_CALLBACK (failed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->dialog)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Escape's action closes the dialog, and nothing else holds it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "window.close", NULL));
  g_assert_finalize_object (fixture->dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->first);
  g_free (fixture->second);
  g_ptr_array_unref (fixture->changes);
  g_ptr_array_unref (fixture->failures);
}

/* Both of the coach's own templates are listed (not Tandem's own two), by
 * name, in the file's order. */
static void
test_lists_own (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpuint (tandem_coaching_templates_dialog_get_n_templates (fixture->dialog), ==, 2);
  g_assert_cmpuint (n_entry_rows (fixture), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, 0))), ==, "Ward round prep");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, 1))), ==, "Team huddle");
  g_assert_nonnull (FIND (fixture->dialog, is_tooltip, "Delete “Team huddle”"));
  save_screenshot (GTK_WIDGET (fixture->dialog), "coaching-templates-dialog.png", 20);
}

/* Enter in a row renames its template in the file; the trash button deletes
 * it, and Undo brings it back. */
static void
test_rename_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = entry_row (fixture, 1);

  gtk_editable_set_text (GTK_EDITABLE (row), "Team huddle, short");
  g_signal_emit_by_name (row, "apply");
  assert_text (fixture->project, "coaching_template", fixture->second, "name", "Team huddle, short");
  assert_text (fixture->project, "coaching_template", fixture->first, "name", "Ward round prep");
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpstr (fixture->changes->pdata[0], ==, "Template renamed");

  tandem_coaching_templates_dialog_reload (fixture->dialog);
  g_signal_emit_by_name (FIND (fixture->dialog, is_tooltip, "Delete “Ward round prep”"), "clicked");
  g_assert_false (tandem_project_exists (fixture->project, "coaching_template", fixture->first));
  g_assert_true (tandem_project_exists (fixture->project, "coaching_template", fixture->second));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_cmpstr (fixture->changes->pdata[1], ==, "Template “Ward round prep” deleted");

  tandem_coaching_templates_dialog_reload (fixture->dialog);
  g_assert_cmpuint (n_entry_rows (fixture), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (fixture, 0))), ==, "Team huddle, short");

  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  tandem_coaching_templates_dialog_reload (fixture->dialog);
  g_assert_cmpuint (n_entry_rows (fixture), ==, 2);
  g_assert_cmpuint (fixture->failures->len, ==, 0);
}

/* A name of only spaces is refused with a reason, and the file keeps the
 * old one. */
static void
test_empty_name (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *row = entry_row (fixture, 0);

  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  assert_text (fixture->project, "coaching_template", fixture->first, "name", "Ward round prep");
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (fixture->failures->len, ==, 1);
  g_assert_true (g_str_has_prefix (fixture->failures->pdata[0], "Could Not Rename the Template: "));
}

/* With the project read-only, names cannot be edited nor templates deleted;
 * no templates of one's own shows why the list is empty. */
static void
test_read_only_and_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tandem_coaching_templates_dialog_set_editable (fixture->dialog, FALSE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry_row (fixture, 0))));
  g_assert_false (gtk_widget_get_sensitive (FIND (fixture->dialog, is_tooltip,
                                                  "Delete “Ward round prep”")));
  tandem_coaching_templates_dialog_set_editable (fixture->dialog, TRUE);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry_row (fixture, 0))));

  g_assert_true (tandem_coaching_delete_template (fixture->project, fixture->first, &error));
  g_assert_true (tandem_coaching_delete_template (fixture->project, fixture->second, &error));
  g_assert_no_error (error);
  tandem_coaching_templates_dialog_reload (fixture->dialog);
  g_assert_cmpuint (tandem_coaching_templates_dialog_get_n_templates (fixture->dialog), ==, 0);
  g_assert_cmpuint (n_entry_rows (fixture), ==, 0);
  g_assert_nonnull (FIND (fixture->dialog, is_row_titled,
                          "No templates of your own. Save a session as a template to start new "
                          "sessions from it."));
  save_screenshot (GTK_WIDGET (fixture->dialog), "coaching-templates-dialog-empty.png", 20);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/coaching-templates-dialog/lists-own", Fixture, NULL, fixture_set_up,
              test_lists_own, fixture_tear_down);
  g_test_add ("/coaching-templates-dialog/rename-and-delete", Fixture, NULL, fixture_set_up,
              test_rename_and_delete, fixture_tear_down);
  g_test_add ("/coaching-templates-dialog/empty-name", Fixture, NULL, fixture_set_up,
              test_empty_name, fixture_tear_down);
  g_test_add ("/coaching-templates-dialog/read-only-and-empty", Fixture, NULL, fixture_set_up,
              test_read_only_and_empty, fixture_tear_down);

  return g_test_run ();
}
