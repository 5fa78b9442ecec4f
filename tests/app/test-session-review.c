/* test-session-review.c — a session's review of earlier actions, on its
 * own: the actions to review, Done and Carry Forward written to the file,
 * a bad date refused with nothing changed, and the widget freed with its
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-coaching.h"
#include "tandem-session-review.h"
#include "tandem-test-util.h"

typedef struct
{
  char                *dir;
  char                *path;
  TandemProject       *project;
  char                *team;
  char                *earlier;  /* 2026-11-10, with two actions */
  char                *session;  /* 2026-11-20, reviewing them */
  char                *room;     /* "Book the room", due 2026-11-15 */
  char                *pharmacist;  /* "Ask the pharmacist" */
  GtkWidget           *window;
  TandemSessionReview *review;
} Fixture;

static void
reload (Fixture *fixture)
{
  g_autoptr(TandemSession) session = tandem_coaching_get_session (fixture->project, fixture->session, NULL);
  g_autofree char *today = tandem_coaching_today ();

  g_assert_nonnull (session);
  tandem_session_review_reload (fixture->review, fixture->project, session, today);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = create_project_in_tmp ("tandem-session-review-XXXXXX", "review.tandem",
                                            &fixture->dir, &fixture->path);
  fixture->team = add_team_or_die (fixture->project, "Willow Ward");
  fixture->earlier = tandem_coaching_log_session (fixture->project, fixture->team,
                                                  "2026-11-10T10:00:00Z", NULL, &error);
  g_assert_no_error (error);
  fixture->room = tandem_coaching_add_action (fixture->project, fixture->earlier, "Book the room",
                                              NULL, "2026-11-15", &error);
  g_assert_no_error (error);
  fixture->pharmacist = tandem_coaching_add_action (fixture->project, fixture->earlier,
                                                    "Ask the pharmacist", NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->session = tandem_coaching_log_session (fixture->project, fixture->team,
                                                  "2026-11-20T10:00:00Z", NULL, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->review = TANDEM_SESSION_REVIEW (tandem_session_review_new ());
  g_object_ref_sink (fixture->review);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->review));
  gtk_window_present (GTK_WINDOW (fixture->window));
  reload (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->review);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
  g_free (fixture->earlier);
  g_free (fixture->session);
  g_free (fixture->room);
  g_free (fixture->pharmacist);
}

/* The review's list (its preferences group's own list, for rows, is empty
 * and hidden). */
static gboolean
is_shown_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget);
}

static GtkWidget *
row_at (Fixture *fixture,
        int      index)
{
  GtkWidget *list = FIND (fixture->review, is_shown_list, NULL);
  GtkWidget *row;

  g_assert_nonnull (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
  g_assert_nonnull (row);
  return row;
}

/* Whether @action is still open to review at the session. */
static gboolean
to_review (Fixture    *fixture,
           const char *action)
{
  g_autoptr(TandemSession) session = tandem_coaching_get_session (fixture->project, fixture->session, NULL);
  g_autoptr(GPtrArray) open = tandem_coaching_list_actions_to_review (fixture->project, fixture->team,
                                                                      session->starts_at, NULL);

  for (guint i = 0; open && i < open->len; i++)
    if (g_str_equal (((TandemAction *) open->pdata[i])->id, action))
      return TRUE;
  return FALSE;
}

/* Confirms the small form of @row's button @label with @text. */
static void
confirm_form (GtkWidget  *row,
              const char *confirm,
              const char *text)
{
  GtkWidget *button = FIND (row, is_button_labelled, confirm);
  GtkWidget *entry;

  g_assert_nonnull (button);
  entry = gtk_widget_get_prev_sibling (button);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (button, "clicked");
}

/* Both earlier actions are listed, each row with its action; Done marks
 * its own action done, and the row then shows the outcome. */
static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *done;

  g_assert_cmpuint (tandem_session_review_get_n_actions (fixture->review), ==, 2);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 0), ==, fixture->room);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 1), ==, fixture->pharmacist);
  g_assert_null (tandem_session_review_get_action_id (fixture->review, 2));
  g_assert_nonnull (FIND (row_at (fixture, 0), is_label_text, "Overdue"));

  done = FIND (row_at (fixture, 1), is_button_labelled, "Done");
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  g_assert_false (to_review (fixture, fixture->pharmacist));
  g_assert_true (to_review (fixture, fixture->room));

  reload (fixture);
  g_assert_cmpuint (tandem_session_review_get_n_actions (fixture->review), ==, 2);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 0), ==, fixture->room);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 1), ==, fixture->pharmacist);
  g_assert_nonnull (FIND (row_at (fixture, 1), is_label_text, "Done"));
  g_assert_null (FIND (row_at (fixture, 1), is_button_labelled, "Done"));
}

/* Carry Forward with a date that is no date changes nothing; with a good
 * date the action is carried, and its row says so. */
static void
test_carry_forward (Fixture       *fixture,
                    gconstpointer  data)
{
  confirm_form (row_at (fixture, 0), "_Carry Forward", "31/02/2026");
  g_assert_true (to_review (fixture, fixture->room));
  reload (fixture);
  g_assert_cmpuint (tandem_session_review_get_n_actions (fixture->review), ==, 2);

  confirm_form (row_at (fixture, 0), "_Carry Forward", "05/12/2026");
  g_assert_false (to_review (fixture, fixture->room));
  reload (fixture);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 0), ==, fixture->pharmacist);
  g_assert_cmpstr (tandem_session_review_get_action_id (fixture->review, 1), ==, fixture->room);
  g_assert_nonnull (FIND (row_at (fixture, 1), is_label_text, "Carried forward"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/session-review/done", Fixture, NULL, fixture_set_up, test_done, fixture_tear_down);
  g_test_add ("/session-review/carry-forward", Fixture, NULL, fixture_set_up,
              test_carry_forward, fixture_tear_down);

  return g_test_run ();
}
