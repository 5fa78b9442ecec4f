/* test-coaching-page.c — the Coaching page, in process, on the sample: log a
 * session with three attendees and two actions, review them in the next
 * session, search, export, and the caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-coaching.h"
#include "tandem-coaching-page.h"
#include "tandem-coaching-text.h"
#include "tandem-comments.h"
#include "tandem-comments-panel.h"
#include "tandem-person-chooser.h"
#include "tandem-sample.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

static gboolean
is_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_COACHING_PAGE (widget);
}

/* A group's own list, not the one AdwPreferencesGroup keeps hidden inside. */
static gboolean
is_shown_list (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget);
}

static void
set_row (GtkWidget  *page,
         const char *title,
         const char *text)
{
  GtkWidget *row = FIND (page, is_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_text_view (GtkWidget  *page,
               const char *heading,
               const char *text)
{
  GtkWidget *label = FIND (page, is_label, heading);
  GtkWidget *view;

  g_assert_nonnull (label);
  view = gtk_label_get_mnemonic_widget (GTK_LABEL (label));
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
set_attendance (GtkWidget  *page,
                const char *name,
                guint       choice)
{
  g_autofree char *tip = g_strdup_printf (choice == 1 ? "%s was present" : "%s sent apologies", name);
  GtkWidget *button = FIND (page, is_tooltip, tip);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

/* How many the file says were present at @session. */
static guint
count_present (TandemProject *project,
               const char    *team,
               const char    *session)
{
  g_autoptr(GPtrArray) attendees = tandem_coaching_list_attendees (project, team, session, NULL);
  guint present = 0;

  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    present += ((TandemAttendee *) attendees->pdata[i])->status == TANDEM_ATTENDANCE_PRESENT;
  return present;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_chooser_titled (GtkWidget     *widget,
                   gconstpointer  title)
{
  g_autofree char *text = NULL;

  if (!TANDEM_IS_PERSON_CHOOSER (widget))
    return FALSE;
  g_object_get (widget, "title", &text, NULL);
  return g_strcmp0 (text, title) == 0;
}

/* Types the start of @owner's name in “Who will do it”, and Enter takes the
 * first one offered. */
static void
add_action (GtkWidget  *page,
            const char *what,
            const char *owner,
            const char *due)
{
  GtkWidget *chooser = FIND (page, is_chooser_titled, "Who will d_o it");
  GtkEditable *entry = tandem_person_chooser_get_entry (TANDEM_PERSON_CHOOSER (chooser));

  set_row (page, "_What will be done", what);
  set_row (page, "_By when", due);
  gtk_editable_set_text (entry, owner);
  g_assert_cmpstr (tandem_person_chooser_get_match (TANDEM_PERSON_CHOOSER (chooser), 0), ==, owner);
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (tandem_person_chooser_get_person_id (TANDEM_PERSON_CHOOSER (chooser)));
  click (FIND (page, is_button_labelled, "_Add Action"));
}

static char *
string_query (TandemProject *project,
              const char    *entity,
              const char    *id,
              const char    *field)
{
  return tandem_project_get_text (project, entity, id, field);
}

static void
test_journey (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  TandemWindow *window;
  TandemProject *project;
  TandemCoachingPage *page;
  GtkWidget *widget;
  const char *team;
  gint64 sessions_before;
  guint present = 0;

  g_object_unref (create_sample_project ("tandem-coaching-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  pdf = g_build_filename (dir, "record.pdf", NULL);
  log = g_build_filename (dir, "log.md", NULL);
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  team = tandem_window_get_team_id (window);
  g_assert_cmpstr (team, ==, teams->pdata[0]);
  tandem_window_show_item (window, "coaching", NULL);
  page = TANDEM_COACHING_PAGE (FIND (window, is_page, NULL));
  widget = GTK_WIDGET (page);
  g_assert_nonnull (page);
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "team");
  sessions_before = tandem_project_count (project, "coaching_session", "team_id", team);

  /* A new session, from the two-minute check-in template. */
  g_assert_true (gtk_widget_activate_action (widget, "coaching.new-session", "s", "0"));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "session");
  first = g_strdup (tandem_coaching_page_get_session_id (page));
  g_assert_nonnull (first);
  g_assert_cmpint (tandem_project_count (project, "coaching_session", "team_id", team), ==,
                   sessions_before + 1);
  {
    g_autofree char *check_in = string_query (project, "coaching_session", first, "check_in");
    g_assert_nonnull (strstr (check_in, "What am I feeling in my body right now?"));
  }

  /* Typed day first, as in the UK. */
  set_row (widget, "_Date", "19/11/2026");
  set_row (widget, "Start time (hours:minutes)", "13:30");
  set_attendance (widget, "Joanna Whitlock", 1);
  set_attendance (widget, "Marcus Bell", 1);
  set_attendance (widget, "Grace Mensah", 1);
  set_attendance (widget, "Helen Carver", 2);
  /* Each tick is saved at once, with no Save pressed. */
  WAIT_FOR (count_present (project, team, first) == 3);
  set_text_view (widget, "_Notes", "Agreed to try a weighted blanket in the sensory room.");
  g_assert_true (tandem_coaching_page_save (page));
  {
    g_autofree char *starts = string_query (project, "coaching_session", first, "starts_at");
    g_autofree char *notes = string_query (project, "coaching_session", first, "notes");
    g_assert_cmpstr (starts, ==, "2026-11-19T13:30:00Z");
    g_assert_cmpstr (notes, ==, "Agreed to try a weighted blanket in the sensory room.");
  }
  attendees = tandem_coaching_list_attendees (project, team, first, &error);
  for (guint i = 0; i < attendees->len; i++)
    present += ((TandemAttendee *) attendees->pdata[i])->status == TANDEM_ATTENDANCE_PRESENT;
  g_assert_cmpuint (present, ==, 3);

  /* Or chosen on the calendar beside the date, which opens on the day
   * there and gives the row its new date. */
  {
    GtkWidget *row = FIND (widget, is_row_titled, "_Date");
    GtkWidget *button = FIND (row, is_tooltip, "Choose on a Calendar");
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 18, 12, 0, 0);
    g_autoptr(GDateTime) shown = NULL;
    GtkPopover *popover;
    GtkWidget *calendar;

    g_assert_nonnull (button);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    calendar = FIND_TYPE (popover, GTK_TYPE_CALENDAR);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    WAIT_FOR (gtk_widget_get_mapped (calendar));
    shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 19);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-11-18");
    WAIT_FOR (!gtk_widget_get_mapped (calendar));
    g_assert_true (tandem_coaching_page_save (page));
    {
      g_autofree char *starts = string_query (project, "coaching_session", first, "starts_at");
      g_assert_cmpstr (starts, ==, "2026-11-18T13:30:00Z");
    }
  }

  /* Saving an untouched form changes nothing. */
  {
    g_autofree char *label = tandem_project_dup_undo_label (project);
    g_autofree char *again = NULL;

    g_assert_true (tandem_coaching_page_save (page));
    again = tandem_project_dup_undo_label (project);
    g_assert_cmpstr (label, ==, again);
    g_assert_cmpstr (label, ==, "Edit coaching session");
  }

  add_action (widget, "Order a weighted blanket", "Marcus Bell", "2026-11-20");
  add_action (widget, "Write an easy-read guide to the sensory room", "Grace Mensah", "4/12/2026");
  actions = tandem_coaching_list_actions (project, first, &error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpstr (((TandemAction *) actions->pdata[0])->due_on, ==, "2026-11-20");
  g_assert_cmpstr (((TandemAction *) actions->pdata[1])->due_on, ==, "2026-12-04");
  g_assert_cmpstr (((TandemAction *) actions->pdata[0])->owner_name, ==, "Marcus Bell");
  g_assert_cmpstr (((TandemAction *) actions->pdata[1])->owner_name, ==, "Grace Mensah");
  g_clear_pointer (&actions, g_ptr_array_unref);
  /* A bad date keeps what was typed. */
  set_row (widget, "_What will be done", "Something");
  set_row (widget, "_By when", "soon");
  click (FIND (widget, is_button_labelled, "_Add Action"));
  WAIT_FOR (gtk_window_list_toplevels () != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIND (widget, is_row_titled, "_What will be done"))),
                   ==, "Something");
  {
    GList *toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        gtk_window_destroy (l->data);
    g_list_free (toplevels);
  }

  /* Back to the list, then the next session reviews both actions. */
  click (FIND (widget, is_tooltip, "Save and go back to the sessions"));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "team");
  g_assert_true (gtk_widget_activate_action (widget, "coaching.new-session", "s", ""));
  second = g_strdup (tandem_coaching_page_get_session_id (page));
  g_assert_cmpstr (second, !=, first);
  {
    GtkWidget *review = FIND (widget, is_group_titled, "Review: Actions From Earlier Sessions");
    GtkWidget *done = FIND (review, is_tooltip, "Mark “Order a weighted blanket” done");
    GtkWidget *carry = FIND (review, is_tooltip,
                             "Carry “Write an easy-read guide to the sensory room” forward");
    GtkWidget *entry, *confirm;

    g_assert_nonnull (done);
    g_assert_nonnull (carry);
    /* A save as the person works (a date typed here) leaves the review's
     * rows as they are: a click on Done is never taken from under the
     * pointer by a rebuilt list. */
    set_row (widget, "_Date", "21/11/2026");
    g_assert_true (tandem_coaching_page_save (page));
    g_assert_true (FIND (review, is_tooltip, "Mark “Order a weighted blanket” done") == done);
    /* The first was due yesterday: it stands out as overdue. */
    g_assert_nonnull (FIND (gtk_widget_get_ancestor (done, ADW_TYPE_ACTION_ROW), is_row_titled,
                            "Order a weighted blanket"));
    /* Pressed as a person does, with the keyboard on the button: the row
     * shows what became of the action at once, and keeps the keyboard. */
    gtk_widget_grab_focus (done);
    g_assert_true (gtk_widget_has_focus (done));
    click (done);
    /* The list is redrawn from the file: find the row again. */
    review = FIND (widget, is_group_titled, "Review: Actions From Earlier Sessions");
    g_assert_null (FIND (review, is_tooltip, "Mark “Order a weighted blanket” done"));
    {
      GtkWidget *row = FIND (review, is_row_titled, "Order a weighted blanket");
      GtkRoot *root = gtk_widget_get_root (widget);

      g_assert_nonnull (row);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · done"));
      g_assert_nonnull (FIND (row, is_label_text, "Done"));
      g_assert_true (gtk_root_get_focus (root) == row);
    }
    carry = FIND (review, is_tooltip, "Carry “Write an easy-read guide to the sensory room” forward");
    g_assert_nonnull (carry);
    entry = FIND_TYPE (carry, GTK_TYPE_ENTRY);
    confirm = FIND (carry, is_button_labelled, "_Carry Forward");
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "2026-12-18");
    click (confirm);
    /* Carried forward, said so on its row: never "dropped". */
    review = FIND (widget, is_group_titled, "Review: Actions From Earlier Sessions");
    {
      GtkWidget *row = FIND (review, is_row_titled, "Write an easy-read guide to the sensory room");
      const char *subtitle;

      g_assert_nonnull (row);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_nonnull (strstr (subtitle, " · carried forward to 18 Dec 2026"));
      g_assert_null (strstr (subtitle, "dropped"));
      g_assert_nonnull (FIND (row, is_label_text, "Carried forward"));
    }
  }
  actions = tandem_coaching_list_actions (project, second, &error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((TandemAction *) actions->pdata[0])->due_on, ==, "2026-12-18");
  g_assert_nonnull (((TandemAction *) actions->pdata[0])->carried_from);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = tandem_coaching_list_actions (project, first, &error);
  g_assert_cmpint (((TandemAction *) actions->pdata[0])->status, ==, TANDEM_ACTION_DONE);
  g_assert_cmpint (((TandemAction *) actions->pdata[1])->status, ==, TANDEM_ACTION_DROPPED);

  /* Undo (the toast's button, Ctrl+Z) takes back the carry forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (tandem_project_count (project, "action", "session_id", second), ==, 0);

  /* What was searched for is shown as typed, not read as markup. */
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (widget, GTK_TYPE_SEARCH_ENTRY)), "R&D <zzq>");
  WAIT_FOR (FIND (widget, is_label_text, "Nothing found for “R&D <zzq>”.") != NULL);

  /* Search across every team, with the match highlighted. */
  gtk_editable_set_text (GTK_EDITABLE (FIND_TYPE (widget, GTK_TYPE_SEARCH_ENTRY)), "weighted blanket");
  WAIT_FOR (g_strcmp0 (tandem_coaching_page_get_view (page), "search") == 0);
  {
    GtkWidget *results = FIND (widget, is_group_titled, "Found");
    GtkWidget *list = FIND (results, is_shown_list, NULL);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

    g_assert_nonnull (row);
    /* The row shows the snippet with the matches marked up (its text, as
     * the row reports it, has the markup taken out). */
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "weighted blanket"));
    g_assert_true (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_signal_emit_by_name (list, "row-activated", row);
    g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "session");
    g_assert_cmpstr (tandem_coaching_page_get_session_id (page), ==, first);
  }

  /* The record, as a one-page PDF; the team's log as Markdown. */
  g_assert_true (tandem_coaching_page_export_to_file (page, pdf, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  click (FIND (widget, is_tooltip, "Save and go back to the sessions"));
  g_assert_true (tandem_coaching_page_export_to_file (page, log, FALSE, &error));
  g_assert_true (g_file_get_contents (log, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "weighted blanket"));
  g_assert_true (gtk_widget_is_sensitive (widget));

  /* Every team at once. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (FIND (widget, is_tooltip,
                                "Every team's sessions and actions at a glance")), TRUE);
  g_assert_cmpstr (tandem_coaching_page_get_view (page), ==, "caseload");
  {
    GtkWidget *group = FIND (widget, is_group_titled, "Teams");
    GtkWidget *list = FIND (group, is_shown_list, NULL);
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
  }

  /* Deleting the session in the editor offers Undo. */
  tandem_coaching_page_open_session (page, second);
  click (FIND (widget, is_tooltip, "Delete this session"));
  g_assert_false (tandem_project_exists (project, "coaching_session", second));
  g_assert_cmpstr (tandem_coaching_page_get_view (page), !=, "session");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (tandem_project_exists (project, "coaching_session", second));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static GtkWidget *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *dialog = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* The coach's own templates are renamed and deleted (with Undo) from the
 * New Session menu's dialog; a session's comments are in its editor. */
static void
test_templates_and_comments (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *session = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *comment = NULL;
  TandemWindow *window;
  TandemProject *project;
  TandemCoachingPage *page;
  GtkWidget *widget, *dialog = NULL, *row;

  g_object_unref (create_sample_project ("tandem-coaching-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  tandem_window_show_item (window, "coaching", NULL);
  page = TANDEM_COACHING_PAGE (FIND (window, is_page, NULL));
  widget = GTK_WIDGET (page);

  g_assert_true (gtk_widget_activate_action (widget, "coaching.new-session", "s", ""));
  session = g_strdup (tandem_coaching_page_get_session_id (page));
  template_id = tandem_coaching_save_template (project, "Ward round prep", session, &error);
  g_assert_no_error (error);

  /* Comments on the session, shown in its editor. */
  comment = tandem_comments_add (project, "coaching_session", session,
                                 "Can we move this to Thursdays?", &error);
  g_assert_no_error (error);
  {
    GtkWidget *panel = FIND_TYPE (widget, TANDEM_TYPE_COMMENTS_PANEL);
    g_assert_nonnull (panel);
    g_assert_true (gtk_widget_is_visible (panel));
    WAIT_FOR (FIND (panel, is_label, "Can we move this to Thursdays?") != NULL);
  }

  /* Rename in the dialog: Enter (the row's apply) saves. */
  g_assert_true (gtk_widget_activate_action (widget, "coaching.manage-templates", NULL));
  WAIT_FOR ((dialog = find_message_dialog ()) != NULL);
  row = FIND_TYPE (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ward round prep");
  gtk_editable_set_text (GTK_EDITABLE (row), "Ward round preparation");
  g_signal_emit_by_name (row, "apply");
  {
    g_autofree char *name = tandem_project_get_text (project, "coaching_template", template_id, "name");
    g_assert_cmpstr (name, ==, "Ward round preparation");
  }

  /* Delete, from the list rebuilt after the rename; Undo brings it back. */
  WAIT_FOR ((row = FIND_TYPE (dialog, ADW_TYPE_ENTRY_ROW)) != NULL &&
            g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "Ward round preparation") == 0);
  click (FIND (dialog, is_tooltip, "Delete “Ward round preparation”"));
  g_assert_false (tandem_project_exists (project, "coaching_template", template_id));
  WAIT_FOR (FIND_TYPE (dialog, ADW_TYPE_ENTRY_ROW) == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (tandem_project_exists (project, "coaching_template", template_id));
  WAIT_FOR (FIND_TYPE (dialog, ADW_TYPE_ENTRY_ROW) != NULL);
  templates = tandem_coaching_list_templates (project);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (((TandemCoachingTemplate *) templates->pdata[2])->name, ==, "Ward round preparation");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

static GtkFileChooser *
find_file_chooser (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkFileChooser *chooser = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      chooser = l->data;
  g_list_free (toplevels);
  return chooser;
}

static gboolean
chooser_is_at (GtkFileChooser *chooser,
               const char     *path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

/* Exporting a log that holds a private session asks first, and the answer
 * reaches the file: left out, the session's words are not in it. */
static void
test_export_private_choice (void)
{
  static const char * const choices[] = { "leave-out", "include" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  TandemWindow *window;
  TandemProject *project;
  TandemCoachingPage *page;
  const char *session;
  g_autofree char *cwd = g_get_current_dir ();

  g_object_unref (create_sample_project ("tandem-coaching-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  g_assert_cmpint (g_chdir (dir), ==, 0);
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  tandem_window_show_item (window, "coaching", NULL);
  page = TANDEM_COACHING_PAGE (FIND (window, is_page, NULL));
  sessions = tandem_coaching_list_sessions (project, tandem_window_get_team_id (window), NULL, NULL,
                                            TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 1);
  session = ((TandemSession *) sessions->pdata[0])->id;
  g_assert_true (tandem_project_begin (project, "Private", &error));
  g_assert_true (tandem_project_update (project, "coaching_session", session, "notes",
                                        tandem_value_text ("Zebra crossing drill"), &error));
  g_assert_true (tandem_project_update (project, "coaching_session", session, "private",
                                        tandem_value_int (1), &error));
  g_assert_true (tandem_project_commit (project, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.md", choices[i]);
      g_autofree char *file_path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      GtkWidget *dialog = NULL;
      GtkFileChooser *chooser = NULL;

      tandem_page_export (TANDEM_PAGE (page));
      WAIT_FOR ((dialog = find_message_dialog ()) != NULL);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "Include Private Sessions?");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), choices[i]);
      WAIT_FOR ((chooser = find_file_chooser ()) != NULL);
      /* The chooser starts in the folder the program runs in. */
      gtk_file_chooser_set_current_name (chooser, name);
      WAIT_FOR (chooser_is_at (chooser, file_path));
      click (FIND (chooser, is_button_labelled, "_Export"));
      WAIT_FOR (g_file_test (file_path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (file_path, &contents, NULL, &error));
      if (i == 0)
        g_assert_null (strstr (contents, "Zebra crossing drill"));
      else
        g_assert_nonnull (strstr (contents, "Zebra crossing drill"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  remove_tree (dir);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n))
    n++;
  return n;
}

/* A team with many sessions: a team switch makes rows for the first of
 * them at once and the rest after the first frame; in the end every
 * session has its row, in order. */
static void
test_long_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  TandemWindow *window;
  TandemProject *project;
  GtkWidget *list;
  guint n_rows;

  g_object_unref (create_sample_project ("tandem-coaching-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  window = new_test_window (app, 0, 0);
  open_and_wait_for_project (window, path);
  project = tandem_window_get_project (window);
  teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  tandem_window_show_item (window, "coaching", NULL);
  g_assert_true (tandem_project_begin (project, "Many sessions", &error));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *starts_at = g_strdup_printf ("2026-06-%02uT10:00:00Z", 1 + i % 28);
      g_autofree char *id = NULL;
      TandemField fields[] = {
        { "team_id", tandem_value_text (teams->pdata[1]) },
        { "starts_at", tandem_value_text (starts_at) },
        { "minutes", tandem_value_int (60) },
        { "kind", tandem_value_text ("executive") },
      };

      id = tandem_project_insert (project, "coaching_session", fields, G_N_ELEMENTS (fields), &error);
      g_assert_no_error (error);
    }
  g_assert_true (tandem_project_commit (project, &error));
  sessions = tandem_coaching_list_sessions (project, teams->pdata[1], NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 40);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-team", "s",
                                             teams->pdata[1]));
  list = FIND (FIND (window, is_group_titled, "Sessions"), is_shown_list, NULL);
  n_rows = count_rows (list);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <, sessions->len);
  WAIT_FOR (count_rows (list) == sessions->len);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autofree char *when = tandem_coaching_format_when (((TandemSession *) sessions->pdata[i])->starts_at,
                                                           ((TandemSession *) sessions->pdata[i])->minutes);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, when);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add_func ("/coaching-page/journey", test_journey);
  g_test_add_func ("/coaching-page/templates-and-comments", test_templates_and_comments);
  g_test_add_func ("/coaching-page/export-private-choice", test_export_private_choice);
  g_test_add_func ("/coaching-page/long-list", test_long_list);
  return test_run_app (app);
}
