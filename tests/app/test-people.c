/* test-people.c — a team's people in the app, on a new project (not the
 * sample): the People window (add, edit, deactivate, merge, bring in from
 * another team, import with a preview), and the person chooser where the
 * coaching page names who took part and who will do an action
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
#include "tandem-enum-row.h"
#include "tandem-people-window.h"
#include "tandem-person.h"
#include "tandem-person-chooser.h"
#include "tandem-team.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

/* A new project as `tandem-cli new`, `team add` and `person add` make it:
 * Willow Ward with Amir and Zoë, Cedar Team with Grace. */
typedef struct
{
  char         *dir;
  char         *path;
  TandemWindow *window;
  TandemProject *project;
  char         *willow;
} Fixture;

static char *
add_person (TandemProject      *project,
            const char         *team_id,
            const char         *name,
            const char         *role_title,
            TandemTakingPartAs  taking_part_as,
            const char         *organisation)
{
  g_autoptr(GError) error = NULL;
  TandemPerson details = {
    .name = (char *) name, .role_title = (char *) role_title, .taking_part_as = taking_part_as,
    .organisation = (char *) organisation,
  };
  char *id = tandem_person_add (project, team_id, &details, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) made = NULL;
  g_autofree char *cedar = NULL;

  f->dir = g_dir_make_tmp ("tandem-people-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Willow.tandem", NULL);
  made = tandem_project_create (f->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (made, "Ada Coach");
  g_free (tandem_team_create (made, "Willow Ward", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cedar = tandem_team_create (made, "Cedar Team", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&made);

  f->window = new_test_window (app, 900, 700);
  open_and_wait_for_project (f->window, f->path);
  f->project = tandem_window_get_project (f->window);
  f->willow = g_strdup (tandem_window_get_team_id (f->window));
  g_assert_nonnull (f->willow);
  g_free (add_person (f->project, f->willow, "Amir Haddad", "Ward manager",
                      TANDEM_TAKING_PART_AS_NONE, NULL));
  g_free (add_person (f->project, f->willow, "Zoë Ó Briain", NULL,
                      TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER, "Mind in Town"));
  g_free (add_person (f->project, cedar, "Grace Lead", NULL, TANDEM_TAKING_PART_AS_PEER_WORKER,
                      NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_transients (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  remove_tree (f->dir);
  g_free (f->willow);
  g_free (f->path);
  g_free (f->dir);
}

static char *
find_id (Fixture    *f,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_person_find (f->project, NULL, name, &error);

  g_assert_no_error (error);
  return id;
}

static gboolean
in_team (Fixture    *f,
         const char *person_id,
         const char *team_id)
{
  g_autoptr(GPtrArray) teams = tandem_person_list_teams (f->project, person_id, NULL);

  for (guint i = 0; teams && i < teams->len; i++)
    if (g_str_equal (teams->pdata[i], team_id))
      return TRUE;
  return FALSE;
}

static TandemPeopleWindow *
open_people (Fixture *f)
{
  GtkWindow *people;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.team-people", NULL));
  people = find_toplevel (TANDEM_TYPE_PEOPLE_WINDOW, GTK_WINDOW (f->window));
  g_assert_nonnull (people);
  g_assert_cmpstr (gtk_window_get_title (people), ==, "People in Willow Ward");
  g_assert_cmpstr (tandem_people_window_get_view (TANDEM_PEOPLE_WINDOW (people)), ==, "list");
  return TANDEM_PEOPLE_WINDOW (people);
}

static void
activate (TandemPeopleWindow *people,
          const char         *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (people), action, NULL));
}

static void
set_row (TandemPeopleWindow *people,
         const char         *title,
         const char         *text)
{
  GtkWidget *row = FIND (people, is_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The list's row for @name, as it is shown now. */
static AdwActionRow *
list_row (TandemPeopleWindow *people,
          const char         *name)
{
  GtkWidget *list = FIND (people, is_named, "people-list");
  GtkWidget *row = list ? FIND (list, is_row_titled, name) : NULL;

  return row ? ADW_ACTION_ROW (row) : NULL;
}

static void
open_row (GtkWidget *row)
{
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
}

static void
test_people_window (Fixture       *f,
                    gconstpointer  data)
{
  TandemPeopleWindow *people = open_people (f);
  g_autofree char *amir = find_id (f, "Amir Haddad");
  g_autofree char *zoe = find_id (f, "Zoë Ó Briain");
  g_autofree char *grace = find_id (f, "Grace Lead");
  g_autofree char *dev = NULL;
  g_autofree char *zoe_again = NULL;
  g_autoptr(TandemPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_people = tandem_project_count (f->project, TANDEM_ENTITY_PERSON, NULL, NULL);

  /* The team's people, with how they take part and their organisation. */
  g_assert_nonnull (list_row (people, "Amir Haddad"));
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (people, "Zoë Ó Briain")), ==,
                   "Lived-experience partner · Mind in Town");
  g_assert_null (list_row (people, "Grace Lead"));

  /* A person needs a name: the form stays, with what was typed. */
  activate (people, "people.add");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "person");
  set_row (people, "Job or _role title", "Peer support worker");
  activate (people, "people.save");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "person");
  g_assert_nonnull (FIND (people, is_label_text, "Give the person a name."));
  g_assert_cmpint (tandem_project_count (f->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, n_people);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIND (people, is_row_titled, "Job or _role title"))),
                   ==, "Peer support worker");

  /* Added, as the role they choose to take part as: one undoable change. */
  set_row (people, "_Name", "Dev Rao");
  tandem_enum_row_set_value (ADW_COMBO_ROW (FIND (people, is_row_titled, "Takes part as")),
                             TANDEM_TAKING_PART_AS_PEER_WORKER);
  activate (people, "people.save");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "list");
  dev = find_id (f, "Dev Rao");
  person = tandem_person_get (f->project, dev, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->role_title, ==, "Peer support worker");
  g_assert_cmpint (person->taking_part_as, ==, TANDEM_TAKING_PART_AS_PEER_WORKER);
  g_assert_true (in_team (f, dev, f->willow));
  assert_undo_label (f->project, "Add person");
  g_assert_nonnull (list_row (people, "Dev Rao"));
  /* The keyboard is back on the list, so one Escape closes the window. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (people));

    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (list_row (people, "Dev Rao")) ||
                   gtk_widget_is_ancestor (focus, gtk_widget_get_parent (GTK_WIDGET (list_row (people, "Dev Rao")))) ||
                   GTK_IS_LIST_BOX (focus));
  }
  g_clear_pointer (&person, tandem_person_free);

  /* Edited from the list: only what changed is written. */
  open_row (GTK_WIDGET (list_row (people, "Amir Haddad")));
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "person");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIND (people, is_row_titled, "Job or _role title"))),
                   ==, "Ward manager");
  set_row (people, "_Organisation", "Northshire NHS Trust");
  activate (people, "people.save");
  assert_text (f->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_ORGANISATION,
               "Northshire NHS Trust");
  assert_text (f->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_ROLE_TITLE, "Ward manager");
  assert_undo_label (f->project, "Edit person");

  /* Deactivated from today, by the test clock; listed after the active,
   * saying so; Undo brings them back. */
  open_row (GTK_WIDGET (list_row (people, "Amir Haddad")));
  activate (people, "people.toggle-active");
  assert_text (f->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_INACTIVE_SINCE, "2026-11-21");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row (people, "Amir Haddad")), ==,
                   "Ward manager · Northshire NHS Trust · Inactive since 2026-11-21");
  activate (people, "people.undo");
  assert_text (f->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_INACTIVE_SINCE, NULL);

  /* Someone who attended a session is never deleted: the form says why. */
  {
    g_autofree char *session = NULL;
    TandemField session_fields[] = {
      { "team_id", tandem_value_text (f->willow) },
      { "starts_at", tandem_value_text ("2026-11-02T10:00:00Z") },
    };

    session = insert_or_die (f->project, "coaching_session", session_fields,
                             G_N_ELEMENTS (session_fields));
    {
      TandemField attendance[] = {
        { "session_id", tandem_value_text (session) },
        { "person_id", tandem_value_text (zoe) },
        { "status", tandem_value_text ("present") },
      };
      g_free (insert_or_die (f->project, "attendance", attendance, G_N_ELEMENTS (attendance)));
    }
  }
  open_row (GTK_WIDGET (list_row (people, "Zoë Ó Briain")));
  activate (people, "people.delete");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "person");
  g_assert_nonnull (FIND (people, label_starts_with, "“Zoë Ó Briain” cannot be deleted: they attended 1 session"));
  g_assert_true (tandem_project_exists (f->project, TANDEM_ENTITY_PERSON, zoe));

  /* Two entries for one person are merged into the one being edited. */
  zoe_again = add_person (f->project, f->willow, "Zoe O'Brien", NULL, TANDEM_TAKING_PART_AS_NONE, NULL);
  g_assert_true (tandem_person_set_field (f->project, zoe_again, TANDEM_FIELD_PERSON_CONTACT,
                                          TANDEM_UNCHECKED, "Text, not email", &error));
  g_assert_no_error (error);
  activate (people, "people.merge");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "choose");
  g_assert_null (FIND (FIND (people, is_named, "choose-list"), is_row_titled, "Grace Lead"));
  open_row (FIND (FIND (people, is_named, "choose-list"), is_row_titled, "Zoe O'Brien"));
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "list");
  g_assert_false (tandem_project_exists (f->project, TANDEM_ENTITY_PERSON, zoe_again));
  assert_text (f->project, TANDEM_ENTITY_PERSON, zoe, TANDEM_FIELD_PERSON_CONTACT, "Text, not email");
  assert_undo_label (f->project, "Merge people");
  g_assert_null (list_row (people, "Zoe O'Brien"));

  /* Someone of another team joins this one too. */
  activate (people, "people.from-other-team");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "choose");
  g_assert_null (FIND (FIND (people, is_named, "choose-list"), is_row_titled, "Amir Haddad"));
  open_row (FIND (FIND (people, is_named, "choose-list"), is_row_titled, "Grace Lead"));
  g_assert_true (in_team (f, grace, f->willow));
  {
    g_autoptr(GPtrArray) teams = tandem_person_list_teams (f->project, grace, NULL);
    g_assert_cmpuint (teams->len, ==, 2);
  }
  g_assert_nonnull (list_row (people, "Grace Lead"));

  /* Escape goes back a view, then closes the window. */
  activate (people, "people.add");
  activate (people, "people.back");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "list");
  g_object_add_weak_pointer (G_OBJECT (people), (gpointer *) &people);
  activate (people, "people.back");
  WAIT_FOR (people == NULL);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
n_rows (TandemPeopleWindow *people,
        const char         *list_name)
{
  GtkWidget *list = FIND (people, is_named, list_name);
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  TandemPeopleWindow *people = open_people (f);
  g_autofree char *bad = write_csv (f, "ward team.csv",
                                    "Name,Role title,Taking part as\n"
                                    "Nia Jones,Support worker,\n"
                                    ",Healthcare assistant,\n"
                                    "Cara Long,,diagnosed with psychosis\n");
  g_autofree char *good = write_csv (f, "ward team fixed.csv",
                                     "Name,Taking part as,Organisation\n"
                                     "Nia Jones,Carer,Carers Centre\n"
                                     "Grace Lead,,\n"
                                     "amir haddad,,\n");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *grace = find_id (f, "Grace Lead");
  g_autofree char *nia = NULL;
  g_autoptr(TandemPerson) person = NULL;
  gint64 n_people = tandem_project_count (f->project, TANDEM_ENTITY_PERSON, NULL, NULL);

  /* The preview names the file and every bad line; nothing can be
   * imported while any line is bad. */
  activate (people, "people.import");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "import");
  tandem_people_window_preview_file (people, bad_file);
  g_assert_nonnull (FIND (people, is_row_titled,
                          "Nobody can be imported from “ward team.csv” until these lines are fixed:"));
  g_assert_nonnull (FIND (people, is_row_titled, "line 3: Give the person a name."));
  g_assert_nonnull (FIND (people, label_starts_with, "line 4: “diagnosed with psychosis” is not a way"));
  g_assert_cmpuint (n_rows (people, "preview-list"), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (FIND (people, is_button_labelled, "I_mport")));
  gtk_widget_activate_action (GTK_WIDGET (people), "people.import-now", NULL);
  g_assert_cmpint (tandem_project_count (f->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, n_people);

  /* Fixed: the preview shows whom it would add; Import adds them in one
   * change, Grace of Cedar Team joins, and Amir, already here, stays as he
   * is. */
  tandem_people_window_preview_file (people, good_file);
  g_assert_cmpuint (n_rows (people, "problems-list"), ==, 0);
  g_assert_cmpuint (n_rows (people, "preview-list"), ==, 3);
  g_assert_nonnull (FIND (FIND (people, is_named, "preview-list"), is_row_titled, "Nia Jones"));
  g_assert_true (gtk_widget_get_sensitive (FIND (people, is_button_labelled, "I_mport")));
  activate (people, "people.import-now");
  g_assert_cmpstr (tandem_people_window_get_view (people), ==, "list");
  g_assert_cmpint (tandem_project_count (f->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, n_people + 1);
  nia = find_id (f, "Nia Jones");
  person = tandem_person_get (f->project, nia, NULL);
  g_assert_cmpint (person->taking_part_as, ==, TANDEM_TAKING_PART_AS_CARER);
  g_assert_cmpstr (person->organisation, ==, "Carers Centre");
  g_assert_true (in_team (f, grace, f->willow));
  assert_undo_label (f->project, "Import people");
  g_assert_nonnull (list_row (people, "Nia Jones"));
  g_assert_nonnull (list_row (people, "Grace Lead"));
}

static gboolean
is_coaching_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_COACHING_PAGE (widget);
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

/* Types @text in @chooser, as a person would, and says what it offers. */
static TandemPersonChooser *
type_in (GtkWidget  *page,
         const char *title,
         const char *text)
{
  TandemPersonChooser *chooser = TANDEM_PERSON_CHOOSER (FIND (page, is_chooser_titled, title));

  g_assert_nonnull (chooser);
  gtk_editable_set_text (tandem_person_chooser_get_entry (chooser), text);
  return chooser;
}

static void
press_enter (TandemPersonChooser *chooser)
{
  g_signal_emit_by_name (tandem_person_chooser_get_entry (chooser), "activate");
}

static gboolean
is_present (GtkWidget  *page,
            const char *name)
{
  g_autofree char *tip = g_strdup_printf ("%s was present", name);
  GtkWidget *button = FIND (page, is_tooltip, tip);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* The one chooser, where the coaching page names who took part and who
 * will do an action, on a team that began with no one but a staff member
 * and a lived-experience partner. */
static void
test_chooser_in_coaching (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page = FIND (f->window, is_coaching_page, NULL);
  TandemPersonChooser *chooser;
  g_autofree char *grace = find_id (f, "Grace Lead");
  g_autofree char *sam = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  const char *session;
  guint present = 0;

  g_assert_nonnull (page);
  tandem_window_show_item (f->window, "coaching", NULL);
  g_assert_true (gtk_widget_activate_action (page, "coaching.new-session", "s", ""));
  session = tandem_coaching_page_get_session_id (TANDEM_COACHING_PAGE (page));
  g_assert_nonnull (session);
  g_assert_false (is_present (page, "Amir Haddad"));

  /* Type-ahead offers the team's people first, then other teams', then to
   * add the name as typed; accents and case aside. */
  chooser = type_in (page, "Add someone who took part", "zo");
  g_assert_cmpuint (tandem_person_chooser_get_n_matches (chooser), ==, 2);
  g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, "Zoë Ó Briain");
  g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 1), ==, "Add “zo”…");
  press_enter (chooser);
  g_assert_true (is_present (page, "Zoë Ó Briain"));
  g_assert_cmpstr (gtk_editable_get_text (tandem_person_chooser_get_entry (chooser)), ==, "");

  /* Someone of another team joins this one, and is marked present. */
  chooser = type_in (page, "Add someone who took part", "gr");
  g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, "Grace Lead");
  press_enter (chooser);
  g_assert_true (in_team (f, grace, f->willow));
  g_assert_true (is_present (page, "Grace Lead"));

  /* Someone not in the project yet: “Add ‘Name’…”, one undoable change. */
  chooser = type_in (page, "Add someone who took part", "Sam Patel");
  g_assert_cmpuint (tandem_person_chooser_get_n_matches (chooser), ==, 1);
  g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, "Add “Sam Patel”…");
  press_enter (chooser);
  sam = find_id (f, "Sam Patel");
  g_assert_true (in_team (f, sam, f->willow));
  assert_undo_label (f->project, "Add person");
  g_assert_true (is_present (page, "Sam Patel"));
  g_assert_true (is_present (page, "Zoë Ó Briain"));
  g_assert_true (is_present (page, "Grace Lead"));
  g_assert_false (is_present (page, "Amir Haddad"));

  g_assert_true (tandem_coaching_page_save (TANDEM_COACHING_PAGE (page)));
  attendees = tandem_coaching_list_attendees (f->project, f->willow, session, NULL);
  for (guint i = 0; i < attendees->len; i++)
    {
      TandemAttendee *attendee = attendees->pdata[i];

      if (attendee->status == TANDEM_ATTENDANCE_PRESENT)
        present++;
      if (g_str_equal (attendee->name, "Amir Haddad"))
        g_assert_cmpint (attendee->status, ==, TANDEM_ATTENDANCE_NOT_RECORDED);
    }
  g_assert_cmpuint (present, ==, 3);

  /* The summary counts the lived-experience partner and the peer worker. */
  sessions = tandem_coaching_list_sessions (f->project, f->willow, NULL, NULL, TRUE, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_true (((TandemSession *) sessions->pdata[0])->lived_experience_present);
  g_assert_nonnull (FIND (page, is_label_text,
                          "Willow Ward: 1 session in the last 12 months; 100% had someone with "
                          "lived experience present."));

  /* Who will do an action: typed, Enter takes the first offered. */
  gtk_editable_set_text (GTK_EDITABLE (FIND (page, is_row_titled, "_What will be done")),
                         "Book the quiet room");
  chooser = type_in (page, "Who will d_o it", "sa");
  g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, "Sam Patel");
  press_enter (chooser);
  g_assert_cmpstr (tandem_person_chooser_get_person_id (chooser), ==, sam);
  g_assert_cmpstr (gtk_editable_get_text (tandem_person_chooser_get_entry (chooser)), ==, "Sam Patel");
  g_signal_emit_by_name (FIND (page, is_button_labelled, "_Add Action"), "clicked");
  actions = tandem_coaching_list_actions (f->project, session, NULL);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((TandemAction *) actions->pdata[0])->owner_id, ==, sam);
  /* Ready for the next action, with no one chosen. */
  g_assert_null (tandem_person_chooser_get_person_id (chooser));
  g_assert_cmpstr (gtk_editable_get_text (tandem_person_chooser_get_entry (chooser)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);

  app = test_application_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/people/window", test_people_window);
  ADD ("/people/import", test_import);
  ADD ("/people/chooser-in-coaching", test_chooser_in_coaching);
  return test_run_app (app);
}
