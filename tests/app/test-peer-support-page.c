/* test-peer-support-page.c — the peer-support page, in process, on the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-application.h"
#include "tandem-merge.h"
#include "tandem-peer-support.h"
#include "tandem-peer-support-page.h"
#include "tandem-person-chooser.h"
#include "tandem-sample.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

static gboolean
is_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_PEER_SUPPORT_PAGE (widget);
}

/* The page names each editor after what it edits ("status:ITEM",
 * "hours:ROLE"…), which is also how it finds it again after a rebuild. */
static gboolean
is_status_of (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *key = g_strdup_printf ("status:%s", (const char *) data);
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_name (widget), key) == 0;
}

static gboolean
is_entry_row_for (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
has_key (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* How many of a role's supervision records have a row on the page. */
static guint
records_shown (GtkWidget     *page,
               TandemProject *project,
               const char    *role_id)
{
  g_autoptr(GPtrArray) records = tandem_peer_support_list_records (project, role_id, NULL);
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("record:%s",
                                              ((TandemSupervisionRecord *) records->pdata[i])->id);
      n += find_widget (page, has_key, key) != NULL;
    }
  return n;
}

static gboolean
is_toast (GtkWidget *widget, gconstpointer data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

static gint64
status_changes (TandemProject *project,
                const char    *team,
                const char    *item_id,
                TandemItemStatus status)
{
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (project, team, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      TandemTrackerItem *item = items->pdata[i];
      if (g_str_equal (item->item_id, item_id))
        return item->status == status;
    }
  return FALSE;
}

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *item_id = NULL;
  g_autofree char *key = NULL;
  TandemWindow *window;
  TandemProject *project;
  GtkWidget *page, *widget;
  const char *team;
  gsize length;

  g_object_unref (create_sample_project ("tandem-peer-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  pdf = g_build_filename (dir, "summary.pdf", NULL);
  png = g_build_filename (dir, "overview.png", NULL);
  window = new_test_window (app, 0, 0);
  open_and_wait (window, path);
  project = tandem_window_get_project (window);
  g_assert_nonnull (project);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  team = teams->pdata[0];
  tandem_window_select_team (window, team);

  tandem_window_show_item (window, "peer-support", NULL);
  page = find_widget (GTK_WIDGET (window), is_page, NULL);
  g_assert_nonnull (page);
  g_assert_true (tandem_page_can_print (TANDEM_PAGE (page)));
  g_assert_true (tandem_page_can_export (TANDEM_PAGE (page)));

  /* The figures in plain words. */
  WAIT_FOR (find_widget (page, label_starts_with, "Peer-support roles: 1. Framework items tracked: 18.") != NULL);
  g_assert_nonnull (find_widget (page, label_starts_with,
                                 "89% of trusts give no training for the role — this team does."));
  g_assert_nonnull (find_widget (page, label_starts_with, "After 1 year: no peer worker"));
  g_assert_nonnull (find_widget (page, label_starts_with,
                                 "Peer support worker: Supervised by Samuel Adeyemi. Supervision lately: 2.0 a month."));

  /* Choosing a status in an item's drop-down saves it, with its history. */
  items = tandem_peer_support_list_items (project, team, NULL);
  item_id = g_strdup (((TandemTrackerItem *) items->pdata[6])->item_id);
  WAIT_FOR ((widget = find_widget (page, is_status_of, item_id)) != NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), TANDEM_ITEM_IN_PLACE);
  WAIT_FOR (status_changes (project, team, item_id, TANDEM_ITEM_IN_PLACE));
  WAIT_FOR (find_widget (page, label_starts_with, "Peer-support roles: 1. Framework items tracked: 18. "
                                                  "In place: 11") != NULL);
  /* The rows were rebuilt: the new drop-down shows the new status. */
  WAIT_FOR ((widget = find_widget (page, is_status_of, item_id)) != NULL &&
            gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)) == TANDEM_ITEM_IN_PLACE);
  {
    g_auto(GValue) label = G_VALUE_INIT;

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))), ==,
                      TANDEM_N_ITEM_STATUSES);
    g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (GTK_DROP_DOWN (widget)),
                                            gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget)),
                                            &label));
    g_assert_cmpstr (g_value_get_string (&label), ==, "In place");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  WAIT_FOR (status_changes (project, team, item_id, TANDEM_ITEM_IN_PROGRESS));

  /* A target date typed into an item's row, which is made when the item is
   * opened. */
  key = g_strdup_printf ("target_date:%s", item_id);
  g_assert_null (find_widget (page, is_entry_row_for, key));
  widget = find_widget (page, is_status_of, item_id);
  g_assert_nonnull (widget);
  widget = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (widget);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  widget = find_widget (page, is_entry_row_for, key);
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), "1/3/2027");
  g_signal_emit_by_name (widget, "apply");
  {
    g_autoptr(GPtrArray) after = tandem_peer_support_list_items (project, team, NULL);
    g_assert_cmpstr (((TandemTrackerItem *) after->pdata[6])->target_date, ==, "2027-03-01");
  }

  /* Add a peer role and a supervision record for it. */
  widget = find_widget (page, is_button_labelled, "_Add Peer Role");
  g_assert_nonnull (widget);
  g_signal_emit_by_name (widget, "clicked");
  g_assert_cmpint (tandem_project_count (project, "peer_role", "team_id", team), ==, 2);
  roles = tandem_peer_support_list_roles (project, team, NULL, NULL);
  {
    const char *new_role = NULL;
    g_autofree char *form_key = NULL;
    g_autofree char *hours_key = NULL;

    for (guint i = 0; i < roles->len; i++)
      if (((TandemPeerRole *) roles->pdata[i])->start_date == NULL)
        new_role = ((TandemPeerRole *) roles->pdata[i])->id;
    g_assert_nonnull (new_role);
    hours_key = g_strdup_printf ("hours:%s", new_role);
    WAIT_FOR ((widget = find_widget (page, is_entry_row_for, hours_key)) != NULL);
    gtk_editable_set_text (GTK_EDITABLE (widget), "22.5");
    g_signal_emit_by_name (widget, "apply");
    {
      g_autofree char *hours = tandem_project_get_text (project, "peer_role", new_role, "hours");
      g_assert_cmpstr (hours, ==, "22.5");
    }
    /* A switch is saved checked against what it showed, and then shows
     * what it saved: switching it back is no clash with itself. */
    {
      g_autofree char *paired_key = g_strdup_printf ("paired:%s", new_role);
      g_autofree char *on = NULL;
      g_autofree char *off = NULL;

      WAIT_FOR ((widget = find_widget (page, has_key, paired_key)) != NULL);
      g_assert_true (GTK_IS_SWITCH (widget));
      g_object_ref (widget);
      gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
      on = tandem_project_get_text (project, "peer_role", new_role, "paired");
      g_assert_cmpstr (on, ==, "1");
      gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
      g_object_unref (widget);
      off = tandem_project_get_text (project, "peer_role", new_role, "paired");
      g_assert_cmpstr (off, ==, "0");
      g_assert_cmpuint (tandem_project_count_conflicts (project), ==, 0);
    }

    form_key = g_strdup_printf ("record-add:%s", new_role);
    WAIT_FOR ((widget = find_widget (page, has_key, form_key)) != NULL);
    g_signal_emit_by_name (widget, "clicked");
    g_assert_cmpint (tandem_project_count (project, "supervision", "role_id", new_role), ==, 1);
  }

  /* Every supervision record can be seen: the latest twelve, then all. */
  {
    const char *role_id = ((TandemPeerRole *) roles->pdata[0])->id;
    g_autofree char *all_key = g_strdup_printf ("all-records:%s", role_id);
    gint64 total;

    for (guint day = 1; day <= 28; day++)
      {
        g_autofree char *date = g_strdup_printf ("2025-02-%02u", day);
        g_autofree char *id = tandem_peer_support_add_record (project, role_id, date,
                                                              TANDEM_SUPERVISION_GROUP, NULL, &error);
        g_assert_no_error (error);
      }
    total = tandem_project_count (project, "supervision", "role_id", role_id);
    g_assert_cmpint (total, >, 28);
    WAIT_FOR ((widget = find_widget (page, has_key, all_key)) != NULL);
    g_assert_cmpuint (records_shown (page, project, role_id), ==, 12);
    g_assert_nonnull (find_widget (page, label_starts_with, "The latest 12 of "));
    g_signal_emit_by_name (widget, "clicked");
    WAIT_FOR (records_shown (page, project, role_id) == (guint) total);
    g_assert_nonnull (find_widget (page, label_starts_with, "All "));
    /* It stays open through a change, and closes again. */
    {
      g_autofree char *id = tandem_peer_support_add_record (project, role_id, "2025-03-01",
                                                            TANDEM_SUPERVISION_DEBRIEF, NULL, &error);
      g_assert_no_error (error);
    }
    WAIT_FOR (records_shown (page, project, role_id) == (guint) total + 1);
    WAIT_FOR ((widget = find_widget (page, has_key, all_key)) != NULL);
    g_signal_emit_by_name (widget, "clicked");
    WAIT_FOR (records_shown (page, project, role_id) == 12);

    /* The timeline tells the same story, newest first, with months. */
    tandem_peer_support_page_select_view (TANDEM_PEER_SUPPORT_PAGE (page), "timeline");
    WAIT_FOR (find_widget (page, label_starts_with, "Debrief for the Peer support worker") != NULL);
    g_assert_nonnull (find_widget (page, label_starts_with, "March 2025"));
    g_assert_nonnull (find_widget (page, label_starts_with, "Group supervision for the Peer support worker"));
    tandem_peer_support_page_select_view (TANDEM_PEER_SUPPORT_PAGE (page), "roles");
  }

  /* Export the summary as PDF; the caseload overview as PNG. */
  g_assert_true (tandem_peer_support_page_export_to (TANDEM_PEER_SUPPORT_PAGE (page), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  tandem_peer_support_page_select_view (TANDEM_PEER_SUPPORT_PAGE (page), "caseload");
  g_assert_true (tandem_peer_support_page_export_to (TANDEM_PEER_SUPPORT_PAGE (page), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  /* Deleting a role offers Undo, which brings back its records. */
  {
    g_autofree char *delete_key = g_strdup_printf ("delete-role:%s",
                                                   ((TandemPeerRole *) roles->pdata[0])->id);
    gint64 records = tandem_project_count (project, "supervision", "role_id",
                                           ((TandemPeerRole *) roles->pdata[0])->id);

    WAIT_FOR ((widget = find_widget (page, has_key, delete_key)) != NULL);
    g_signal_emit_by_name (widget, "clicked");
    g_assert_cmpint (tandem_project_count (project, "peer_role", "team_id", team), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpint (tandem_project_count (project, "peer_role", "team_id", team), ==, 2);
    g_assert_cmpint (tandem_project_count (project, "supervision", "role_id",
                                           ((TandemPeerRole *) roles->pdata[0])->id), ==, records);
  }

  /* The delete offered Undo in a toast. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_toast, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* A supervision note is shown as typed, not read as markup. */
static void
test_words_as_typed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *record = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(TandemProject) project = create_sample_project ("tandem-peer-page-XXXXXX", "Sample.tandem",
                                                            NULL, &dir, &path);
  const char *note = "Talked about R&D <b>rota</b> & \"cover\"";
  TandemWindow *window;
  GtkWidget *page;

  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  roles = tandem_peer_support_list_roles (project, teams->pdata[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, >, 0);
  {
    TandemField fields[] = {
      { "role_id", tandem_value_text (((TandemPeerRole *) roles->pdata[0])->id) },
      { "date", tandem_value_text ("2030-01-02") },   /* after the sample's, so among the latest */
      { "kind", tandem_value_text ("group") },
      { "note", tandem_value_text (note) },
    };
    record = insert_or_die (project, "supervision", fields, G_N_ELEMENTS (fields));
  }
  g_clear_object (&project);

  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  tandem_window_select_team (window, teams->pdata[0]);
  tandem_window_show_item (window, "peer-support", NULL);
  page = find_widget (GTK_WIDGET (window), is_page, NULL);
  g_assert_nonnull (page);
  WAIT_FOR (find_widget (page, is_label_text, note) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

/* Whether the keyboard focus is in @widget or one of its children. */
static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
role_text (TandemProject *project,
           const char    *role,
           const char    *field)
{
  return tandem_project_get_text (project, "peer_role", role, field);
}

/* The role's form by keyboard: Tab goes from field to field (no apply button
 * between), what was typed is saved on leaving each field, the worker and
 * their supervisor are found by typing, and every value stays in its own
 * field when the form is rebuilt. */
static void
test_role_form_by_keyboard (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *title_key = NULL, *band_key = NULL, *hours_key = NULL;
  g_autofree char *holder_key = NULL, *supervisor_key = NULL;
  g_autofree char *held_by = NULL, *supervised_by = NULL;
  const char *role = NULL;
  TandemWindow *window;
  TandemProject *project;
  GtkWidget *page, *title, *band, *hours, *holder, *supervisor;

  g_object_unref (create_sample_project ("tandem-peer-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 1000, 800);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  tandem_window_select_team (window, teams->pdata[0]);
  tandem_window_show_item (window, "peer-support", NULL);
  page = find_widget (GTK_WIDGET (window), is_page, NULL);
  g_assert_nonnull (page);

  WAIT_FOR (find_widget (page, is_button_labelled, "_Add Peer Role") != NULL &&
            gtk_widget_get_sensitive (find_widget (page, is_button_labelled, "_Add Peer Role")));
  g_signal_emit_by_name (find_widget (page, is_button_labelled, "_Add Peer Role"), "clicked");
  roles = tandem_peer_support_list_roles (project, teams->pdata[0], NULL, NULL);
  for (guint i = 0; i < roles->len; i++)
    if (((TandemPeerRole *) roles->pdata[i])->start_date == NULL)
      role = ((TandemPeerRole *) roles->pdata[i])->id;
  g_assert_nonnull (role);
  title_key = g_strdup_printf ("title:%s", role);
  band_key = g_strdup_printf ("band:%s", role);
  hours_key = g_strdup_printf ("hours:%s", role);
  holder_key = g_strdup_printf ("person_id:%s", role);
  supervisor_key = g_strdup_printf ("supervisor_id:%s", role);

  /* The new role's title has the keyboard. */
  WAIT_FOR ((title = find_widget (page, is_entry_row_for, title_key)) != NULL && focus_within (title) &&
            gtk_widget_get_mapped (title));
  gtk_editable_set_text (GTK_EDITABLE (title), "Peer worker (nights)");

  /* Tab: straight to who holds the role, and the title is saved. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_within (find_widget (page, has_key, holder_key)));
  {
    g_autofree char *saved = role_text (project, role, "title");
    g_assert_cmpstr (saved, ==, "Peer worker (nights)");
  }

  /* The holder and the supervisor are typed and taken with Enter, each
   * saved at once, and Tab goes on from each. */
  WAIT_FOR ((holder = find_widget (page, has_key, holder_key)) != NULL && focus_within (holder) &&
            find_widget (page, is_row_titled, "Peer worker (nights)") != NULL);
  gtk_editable_set_text (tandem_person_chooser_get_entry (TANDEM_PERSON_CHOOSER (holder)), "grace");
  g_signal_emit_by_name (tandem_person_chooser_get_entry (TANDEM_PERSON_CHOOSER (holder)), "activate");
  WAIT_FOR ((held_by = role_text (project, role, "person_id")) != NULL);
  WAIT_FOR ((holder = find_widget (page, has_key, holder_key)) != NULL && focus_within (holder));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  supervisor = find_widget (page, has_key, supervisor_key);
  g_assert_true (focus_within (supervisor));
  gtk_editable_set_text (tandem_person_chooser_get_entry (TANDEM_PERSON_CHOOSER (supervisor)),
                         "Priya R");
  g_signal_emit_by_name (tandem_person_chooser_get_entry (TANDEM_PERSON_CHOOSER (supervisor)),
                         "activate");
  WAIT_FOR ((supervised_by = role_text (project, role, "supervisor_id")) != NULL);
  {
    g_autofree char *holder_name = tandem_project_get_text (project, "person", held_by, "name");
    g_autofree char *supervisor_name = tandem_project_get_text (project, "person", supervised_by,
                                                                "name");

    g_assert_cmpstr (holder_name, ==, "Grace Mensah");
    g_assert_cmpstr (supervisor_name, ==, "Priya Raman");
  }
  WAIT_FOR ((supervisor = find_widget (page, has_key, supervisor_key)) != NULL &&
            focus_within (supervisor));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  band = find_widget (page, is_entry_row_for, band_key);
  g_assert_true (focus_within (band));

  /* The band is typed in whichever row has the keyboard, which is still
   * the band's after any rebuild. */
  WAIT_FOR ((band = find_widget (page, is_entry_row_for, band_key)) != NULL && focus_within (band));
  gtk_editable_set_text (GTK_EDITABLE (band), "4");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  hours = find_widget (page, is_entry_row_for, hours_key);
  g_assert_true (focus_within (hours));
  {
    g_autofree char *saved = role_text (project, role, "band");
    g_assert_cmpstr (saved, ==, "4");
  }

  /* Enter saves too. */
  WAIT_FOR ((hours = find_widget (page, is_entry_row_for, hours_key)) != NULL && focus_within (hours));
  gtk_editable_set_text (GTK_EDITABLE (hours), "30");
  g_signal_emit_by_name (hours, "entry-activated");
  {
    g_autofree char *saved = role_text (project, role, "hours");
    g_assert_nonnull (saved);
    g_assert_cmpfloat (g_ascii_strtod (saved, NULL), ==, 30);
  }

  /* After every rebuild, each value is in its own field and nowhere else. */
  WAIT_FOR ((hours = find_widget (page, is_entry_row_for, hours_key)) != NULL &&
            g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (hours)), "30") == 0);
  title = find_widget (page, is_entry_row_for, title_key);
  band = find_widget (page, is_entry_row_for, band_key);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Peer worker (nights)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (band)), ==, "4");
  {
    g_autofree char *saved_title = role_text (project, role, "title");
    g_autofree char *saved_band = role_text (project, role, "band");
    g_autofree char *saved_hours = role_text (project, role, "hours");

    g_assert_cmpstr (saved_title, ==, "Peer worker (nights)");
    g_assert_cmpstr (saved_band, ==, "4");
    g_assert_cmpfloat (g_ascii_strtod (saved_hours, NULL), ==, 30);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add_func ("/peer-support-page/edit-and-export", test_page);
  g_test_add_func ("/peer-support-page/words-as-typed", test_words_as_typed);
  g_test_add_func ("/peer-support-page/role-form-by-keyboard", test_role_form_by_keyboard);
  return test_run_app (app);
}
