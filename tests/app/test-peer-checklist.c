/* test-peer-checklist.c — the peer-support page's checklist on its own, on a
 * new project: a status chosen is saved, the reload that follows changes the
 * item's row in place (the drop-down keeps the keyboard), and the checklist
 * is freed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-peer-checklist.h"
#include "tandem-peer-support.h"
#include "tandem-test-core-util.h"
#include "tandem-test-util.h"

#define TODAY "2026-06-01"

typedef struct
{
  char                    *dir;
  TandemProject           *project;
  char                    *team;
  GtkWindow               *window;
  TandemPeerChecklist     *checklist;
  TandemPeerSupportReport *report;
  guint                    n_failed;
} Fixture;

static void
failed_cb (TandemPeerChecklist *checklist,
           const char          *title,
           GtkWidget           *editor,
           const char          *id,
           const char          *field,
           const GError        *error,
           Fixture             *fixture)
{
  fixture->n_failed++;
}

/* What the page does after the file changed: a new report, the rows
 * brought up to it. */
static void
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemPeerSupportReport *report = tandem_peer_support_report_new (fixture->project, fixture->team,
                                                                    TODAY, &error);

  g_assert_no_error (error);
  tandem_peer_section_set_report (TANDEM_PEER_SECTION (fixture->checklist), fixture->project,
                                  report, TRUE);
  g_clear_pointer (&fixture->report, tandem_peer_support_report_free);
  fixture->report = report;
  tandem_peer_section_rebuild (TANDEM_PEER_SECTION (fixture->checklist));
  tandem_peer_section_restore (TANDEM_PEER_SECTION (fixture->checklist));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-peer-checklist-XXXXXX", "t.tandem",
                                            &fixture->dir, NULL);
  fixture->team = add_team_or_die (fixture->project, "Oak ward");
  fixture->checklist = g_object_ref_sink (TANDEM_PEER_CHECKLIST (tandem_peer_checklist_new ()));
  g_signal_connect (fixture->checklist, "failed", G_CALLBACK (failed_cb), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->checklist));
  gtk_window_present (fixture->window);
  reload (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  TandemPeerChecklist *checklist = g_steal_pointer (&fixture->checklist);

  gtk_window_destroy (fixture->window);
  /* Nothing but the test holds the checklist, its rows and their items
   * once its window is gone. */
  g_assert_finalize_object (checklist);
  g_clear_pointer (&fixture->report, tandem_peer_support_report_free);
  g_clear_object (&fixture->project);
  g_free (fixture->team);
  free_tmp (&fixture->dir, NULL);
}

static GtkWidget *
named (Fixture    *fixture,
       const char *field,
       const char *id)
{
  g_autofree char *name = g_strdup_printf ("%s:%s", field, id);

  return find_widget (GTK_WIDGET (fixture->checklist), is_named, name);
}

/* A status chosen by keyboard is saved; after the reload the drop-down is
 * the same one, still focused, showing the status, and the item's row says
 * it in its subtitle. */
static void
test_status_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  const TandemTrackerItem *item = fixture->report->items->pdata[0];
  g_autofree char *item_id = g_strdup (item->item_id);
  g_autofree char *evidence_key = g_strdup_printf ("evidence:%s", item_id);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *status, *row, *evidence;

  status = named (fixture, "status", item_id);
  g_assert_true (GTK_IS_DROP_DOWN (status));
  WAIT_FOR (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_grab_focus (status));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), TANDEM_ITEM_IN_PLACE);
  items = tandem_peer_support_list_items (fixture->project, fixture->team, NULL);
  g_assert_cmpint (((TandemTrackerItem *) items->pdata[0])->status, ==, TANDEM_ITEM_IN_PLACE);

  reload (fixture);
  g_assert_true (named (fixture, "status", item_id) == status);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), status) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == status);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), ==, TANDEM_ITEM_IN_PLACE);
  row = gtk_widget_get_ancestor (status, ADW_TYPE_EXPANDER_ROW);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "In place"));

  /* The item's rows are made when it is opened, and stay through a change. */
  g_assert_null (find_widget (row, is_named, evidence_key));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  evidence = find_widget (row, is_named, evidence_key);
  g_assert_true (ADW_IS_ENTRY_ROW (evidence));
  gtk_editable_set_text (GTK_EDITABLE (evidence), "Job description agreed");
  g_signal_emit_by_name (evidence, "entry-activated");
  reload (fixture);
  g_assert_true (find_widget (row, is_named, evidence_key) == evidence);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (evidence)), ==, "Job description agreed");
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add ("/peer-checklist/status-in-place", Fixture, NULL, fixture_set_up,
              test_status_in_place, fixture_tear_down);
  return g_test_run ();
}
