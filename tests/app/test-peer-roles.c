/* test-peer-roles.c — the peer-support page's roles section on its own, on a
 * new project: what it shows, what it writes, what it tells its page, and
 * that it is freed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "tandem-peer-roles.h"
#include "tandem-peer-support.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

#define TODAY "2026-06-01"

typedef struct
{
  char          *dir;
  TandemProject *project;
  char          *team;
  GtkWindow     *window;
  TandemPeerRoles *roles;
  TandemPeerSupportReport *report;
  GPtrArray     *toasts;
  guint          n_failed;
} Fixture;

static void
done_cb (TandemPeerRoles *roles,
         const char      *toast,
         gboolean         undo,
         Fixture         *fixture)
{
  g_ptr_array_add (fixture->toasts, g_strdup (toast));
}

static void
failed_cb (TandemPeerRoles *roles,
           const char      *title,
           GtkWidget       *editor,
           const char      *id,
           const char      *field,
           const GError    *error,
           Fixture         *fixture)
{
  fixture->n_failed++;
}

/* What the page does after the file changed: a new report, the rows again. */
static void
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemPeerSupportReport *report = tandem_peer_support_report_new (fixture->project, fixture->team,
                                                                    TODAY, &error);

  g_assert_no_error (error);
  tandem_peer_section_set_report (TANDEM_PEER_SECTION (fixture->roles), fixture->project, report, TRUE);
  g_clear_pointer (&fixture->report, tandem_peer_support_report_free);
  fixture->report = report;
  tandem_peer_section_rebuild (TANDEM_PEER_SECTION (fixture->roles));
  tandem_peer_section_restore (TANDEM_PEER_SECTION (fixture->roles));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-peer-roles-XXXXXX", "t.tandem", &fixture->dir, NULL);
  fixture->team = add_team_or_die (fixture->project, "Oak ward");
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  fixture->roles = g_object_ref_sink (TANDEM_PEER_ROLES (tandem_peer_roles_new ()));
  g_signal_connect (fixture->roles, "done", G_CALLBACK (done_cb), fixture);
  g_signal_connect (fixture->roles, "failed", G_CALLBACK (failed_cb), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->roles));
  gtk_window_present (fixture->window);
  reload (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  TandemPeerRoles *roles = g_steal_pointer (&fixture->roles);

  gtk_window_destroy (fixture->window);
  /* Nothing but the test holds the section once its window is gone. */
  g_assert_finalize_object (roles);
  g_clear_pointer (&fixture->report, tandem_peer_support_report_free);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
  g_clear_object (&fixture->project);
  g_free (fixture->team);
  free_tmp (&fixture->dir, NULL);
}

/* The section names each editor "FIELD:ROLE", as the page finds it again. */
static GtkWidget *
named (Fixture    *fixture,
       const char *field,
       const char *id)
{
  g_autofree char *name = g_strdup_printf ("%s:%s", field, id);

  return find_widget (GTK_WIDGET (fixture->roles), is_named, name);
}

/* A team without roles says so; Add Peer Role writes one to the file, and
 * after the rows are made again its title is focused, ready to type. */
static void
test_add_role (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) roles = NULL;
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->roles), is_button_labelled, "_Add Peer Role");
  GtkWidget *title;
  const char *id;

  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->roles), is_row_titled,
                                 "No peer roles yet. Add the team's first one."));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  roles = tandem_peer_support_list_roles (fixture->project, fixture->team, TODAY, NULL);
  g_assert_cmpuint (roles->len, ==, 1);
  id = ((TandemPeerRole *) roles->pdata[0])->id;

  reload (fixture);
  g_assert_null (find_widget (GTK_WIDGET (fixture->roles), is_row_titled,
                              "No peer roles yet. Add the team's first one."));
  title = named (fixture, "title", id);
  g_assert_true (ADW_IS_ENTRY_ROW (title));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), title));
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

/* A field typed in a role's row is saved to the file on Enter, checked
 * against what the row showed; deleting the role says so for a toast. */
static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *id = tandem_peer_support_add_role (fixture->project, fixture->team,
                                                       "Peer worker (days)", &error);
  GtkWidget *hours, *delete;

  g_assert_no_error (error);
  reload (fixture);
  hours = named (fixture, "hours", id);
  g_assert_true (ADW_IS_ENTRY_ROW (hours));
  gtk_editable_set_text (GTK_EDITABLE (hours), "22.5");
  g_signal_emit_by_name (hours, "entry-activated");
  roles = tandem_peer_support_list_roles (fixture->project, fixture->team, TODAY, NULL);
  g_assert_cmpfloat (((TandemPeerRole *) roles->pdata[0])->hours, ==, 22.5);

  reload (fixture);
  delete = named (fixture, "delete-role", id);
  g_assert_true (GTK_IS_BUTTON (delete));
  g_signal_emit_by_name (delete, "clicked");
  g_clear_pointer (&roles, g_ptr_array_unref);
  roles = tandem_peer_support_list_roles (fixture->project, fixture->team, TODAY, NULL);
  g_assert_cmpuint (roles->len, ==, 0);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (fixture->toasts->pdata[0], ==, "Peer role deleted");
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

/* An edit changes the role's item, not its rows: after the file changed
 * and the section is given the new report, the field typed in is the same
 * widget as before, with the keyboard still in it and its words shown. */
static void
test_focus_stays (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_peer_support_add_role (fixture->project, fixture->team,
                                                       "Peer worker (days)", &error);
  GtkWidget *band, *row;

  g_assert_no_error (error);
  reload (fixture);
  band = named (fixture, "band", id);
  g_assert_true (ADW_IS_ENTRY_ROW (band));
  row = gtk_widget_get_ancestor (band, ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  WAIT_FOR (gtk_widget_get_mapped (band));
  g_assert_true (gtk_widget_grab_focus (band));
  gtk_editable_set_text (GTK_EDITABLE (band), "4");
  g_signal_emit_by_name (band, "entry-activated");
  {
    g_autofree char *saved = tandem_project_get_text (fixture->project, "peer_role", id, "band");
    g_assert_cmpstr (saved, ==, "4");
  }

  reload (fixture);
  g_assert_true (named (fixture, "band", id) == band);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), band));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (band)), ==, "4");
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add ("/peer-roles/add-role", Fixture, NULL, fixture_set_up, test_add_role, fixture_tear_down);
  g_test_add ("/peer-roles/edit-and-delete", Fixture, NULL, fixture_set_up, test_edit_and_delete,
              fixture_tear_down);
  g_test_add ("/peer-roles/focus-stays", Fixture, NULL, fixture_set_up, test_focus_stays,
              fixture_tear_down);
  return g_test_run ();
}
