/* test-person.c — people: adding, finding, editing from what an editor
 * showed, deactivating, deleting only without history, merging, teams,
 * importing a list, and a file from before people had teams of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-coaching.h"
#include "tandem-merge.h"
#include "tandem-person.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *willow;   /* a team */
  char          *cedar;    /* another */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = create_project_in_tmp ("tandem-person-XXXXXX", "People.tandem", &fixture->dir,
                                           &fixture->path);
  tandem_project_set_author (fixture->project, "Ada Coach");
  fixture->willow = tandem_team_create (fixture->project, "Willow Ward", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->cedar = tandem_team_create (fixture->project, "Cedar Team", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->project != NULL)
    g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->willow);
  g_free (fixture->cedar);
}

static char *
add (Fixture            *fixture,
     const char         *team_id,
     const char         *name,
     TandemTakingPartAs  taking_part_as)
{
  g_autoptr(GError) error = NULL;
  TandemPerson details = { NULL, (char *) name, NULL, taking_part_as, NULL, NULL, NULL };
  char *id = tandem_person_add (fixture->project, team_id, &details, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* The names of a list of people, joined by commas. */
static char *
names (GPtrArray *people)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", ((TandemPerson *) people->pdata[i])->name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
team_names (Fixture    *fixture,
            const char *team_id)
{
  g_autoptr(GPtrArray) people = tandem_person_list (fixture->project, team_id, NULL);

  return names (people);
}

static void
test_add_and_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zoe = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(TandemPerson) person = NULL;
  TandemPerson details = { NULL, "  Zoë Ó Briain ", " Ward manager ",
                           TANDEM_TAKING_PART_AS_NONE, "", "Email, not phone", NULL };
  TandemPerson empty = { NULL, "   ", NULL, TANDEM_TAKING_PART_AS_NONE, NULL, NULL, NULL };
  g_autofree char *long_name = g_strnfill (201, 'a');
  TandemPerson too_long = { NULL, long_name, NULL, TANDEM_TAKING_PART_AS_NONE, NULL, NULL, NULL };

  zoe = tandem_person_add (fixture->project, fixture->willow, &details, &error);
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Add person");
  person = tandem_person_get (fixture->project, zoe, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->name, ==, "Zoë Ó Briain");
  g_assert_cmpstr (person->role_title, ==, "Ward manager");
  g_assert_null (person->organisation);
  g_assert_cmpstr (person->contact, ==, "Email, not phone");
  g_assert_cmpint (person->taking_part_as, ==, TANDEM_TAKING_PART_AS_NONE);
  g_assert_true (tandem_person_is_active (person));

  g_free (add (fixture, fixture->willow, "amir Haddad", TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER));
  g_free (add (fixture, fixture->willow, "Ben Ocran", TANDEM_TAKING_PART_AS_PEER_WORKER));
  g_free (add (fixture, fixture->cedar, "Cara Long", TANDEM_TAKING_PART_AS_CARER));

  /* By name, as a person reads it: not by case, not in the order added. */
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "amir Haddad, Ben Ocran, Zoë Ó Briain");
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, NULL);
  g_assert_cmpstr (listed, ==, "amir Haddad, Ben Ocran, Cara Long, Zoë Ó Briain");

  /* How they take part is what the older fields say too: a lived-experience
   * partner counts as lived experience present. */
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM person "
                                 "WHERE brings_lived_experience = 1"), ==, 3);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM person "
                                 "WHERE role = 'peer_support_worker' AND taking_part_as = 'peer_worker'"),
                   ==, 1);

  /* Bad input is refused, naming what is wrong, and nothing is added. */
  g_assert_null (tandem_person_add (fixture->project, fixture->willow, &empty, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  g_assert_null (tandem_person_add (fixture->project, fixture->willow, &too_long, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);
  g_assert_null (tandem_person_add (fixture->project, "no-such-team", &details, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 4);

  /* One undo takes back one person, with their membership. */
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 3);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_TEAM_MEMBER, NULL, NULL), ==, 3);
}

static void
test_find_prefix (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *zoe = add (fixture, fixture->willow, "Zoë Ó Briain", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *zola = add (fixture, fixture->willow, "Zola Grant", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *other = add (fixture, fixture->cedar, "Zoe Other", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *id = NULL;

  /* Case and accents do not matter; a later word of the name counts. */
  found = tandem_person_find_prefix (fixture->project, fixture->willow, "ZOE", &error);
  g_assert_no_error (error);
  listed = names (found);
  g_assert_cmpstr (listed, ==, "Zoë Ó Briain");
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&listed, g_free);

  found = tandem_person_find_prefix (fixture->project, fixture->willow, "zo", &error);
  listed = names (found);
  g_assert_cmpstr (listed, ==, "Zoë Ó Briain, Zola Grant");
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&listed, g_free);

  found = tandem_person_find_prefix (fixture->project, fixture->willow, "o bri", &error);
  listed = names (found);
  g_assert_cmpstr (listed, ==, "Zoë Ó Briain");
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&listed, g_free);

  found = tandem_person_find_prefix (fixture->project, fixture->willow, "bri", &error);
  listed = names (found);
  g_assert_cmpstr (listed, ==, "Zoë Ó Briain");
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&listed, g_free);

  /* The whole project, and the inactive after the active. */
  g_assert_true (tandem_person_set_active (fixture->project, zoe, FALSE, &error));
  found = tandem_person_find_prefix (fixture->project, NULL, "zo", &error);
  listed = names (found);
  g_assert_cmpstr (listed, ==, "Zoe Other, Zola Grant, Zoë Ó Briain");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = tandem_person_find_prefix (fixture->project, fixture->willow, "x", &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Finding by a whole name: the team first, then the project. */
  id = tandem_person_find (fixture->project, fixture->willow, "zoe o briain", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, zoe);
  g_clear_pointer (&id, g_free);
  id = tandem_person_find (fixture->project, fixture->willow, "Zoe Other", &error);
  g_assert_cmpstr (id, ==, other);
  g_clear_pointer (&id, g_free);
  g_assert_null (tandem_person_find (fixture->project, NULL, "Nobody", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nobody"));
  g_clear_error (&error);
  g_free (add (fixture, fixture->cedar, "Zola Grant", TANDEM_TAKING_PART_AS_NONE));
  g_assert_null (tandem_person_find (fixture->project, NULL, "Zola Grant", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 people"));
  g_clear_error (&error);
  id = tandem_person_find (fixture->project, fixture->willow, "Zola Grant", &error);
  g_assert_cmpstr (id, ==, zola);
}

static void
test_taking_part_words (void)
{
  TandemTakingPartAs value = TANDEM_TAKING_PART_AS_CARER;

  g_assert_true (tandem_person_parse_taking_part_as ("", &value));
  g_assert_cmpint (value, ==, TANDEM_TAKING_PART_AS_NONE);
  g_assert_true (tandem_person_parse_taking_part_as ("Lived-experience partner", &value));
  g_assert_cmpint (value, ==, TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  g_assert_true (tandem_person_parse_taking_part_as ("expert_by_experience", &value));
  g_assert_cmpint (value, ==, TANDEM_TAKING_PART_AS_EXPERT_BY_EXPERIENCE);
  g_assert_true (tandem_person_parse_taking_part_as (" PEER WORKER ", &value));
  g_assert_cmpint (value, ==, TANDEM_TAKING_PART_AS_PEER_WORKER);
  g_assert_true (tandem_person_parse_taking_part_as ("none", &value));
  g_assert_cmpint (value, ==, TANDEM_TAKING_PART_AS_NONE);
  g_assert_false (tandem_person_parse_taking_part_as ("schizophrenia", &value));
  g_assert_false (tandem_person_parse_taking_part_as ("patient", &value));
}

static void
test_set_field_checked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) theirs = NULL;
  g_autofree char *amir = add (fixture, fixture->willow, "Amir Haddad", TANDEM_TAKING_PART_AS_NONE);

  g_assert_true (tandem_person_set_field (fixture->project, amir, TANDEM_FIELD_PERSON_ROLE_TITLE,
                                          NULL, "Healthcare assistant", &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Change a person’s role title");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_ROLE_TITLE,
               "Healthcare assistant");

  /* How they take part, from a label, moves the older fields with it. */
  g_assert_true (tandem_person_set_field (fixture->project, amir, TANDEM_FIELD_PERSON_TAKING_PART_AS,
                                          NULL, "Expert by experience", &error));
  g_assert_no_error (error);
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_TAKING_PART_AS,
               "expert_by_experience");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir,
               TANDEM_FIELD_PERSON_BRINGS_LIVED_EXPERIENCE, "1");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_TAKING_PART_AS, NULL);
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir,
               TANDEM_FIELD_PERSON_BRINGS_LIVED_EXPERIENCE, "0");

  /* A word that is not a way of taking part (a diagnosis, say) is refused. */
  g_assert_false (tandem_person_set_field (fixture->project, amir, TANDEM_FIELD_PERSON_TAKING_PART_AS,
                                           TANDEM_UNCHECKED, "bipolar", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bipolar"));
  g_clear_error (&error);

  /* Someone else changed the field after the editor showed it: theirs
   * stays, both are kept. */
  theirs = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (theirs, "Aisha Peer");
  g_assert_true (tandem_person_set_field (theirs, amir, TANDEM_FIELD_PERSON_ORGANISATION,
                                          TANDEM_UNCHECKED, "Mind in Harrow", &error));
  g_assert_no_error (error);
  g_assert_false (tandem_person_set_field (fixture->project, amir, TANDEM_FIELD_PERSON_ORGANISATION,
                                           NULL, "Harrow Mind", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_ORGANISATION,
               "Mind in Harrow");
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM conflict "
                                 "WHERE field = 'organisation'"), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&theirs));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ben = add (fixture, fixture->willow, "Ben Ocran", TANDEM_TAKING_PART_AS_NONE);
  g_autoptr(TandemPerson) shown = tandem_person_get (fixture->project, ben, &error);
  TandemPerson edited = *shown;

  edited.name = "Ben Ocran-Mensah";
  edited.taking_part_as = TANDEM_TAKING_PART_AS_CARER;
  edited.contact = "Text message";
  g_assert_true (tandem_person_edit (fixture->project, shown, &edited, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Edit person");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_NAME, "Ben Ocran-Mensah");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_TAKING_PART_AS, "carer");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_ROLE, "carer");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_CONTACT, "Text message");

  g_assert_true (tandem_project_undo (fixture->project, &error));
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_NAME, "Ben Ocran");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_ROLE, "staff");

  edited.name = "";
  g_assert_false (tandem_person_edit (fixture->project, shown, &edited, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, ben, TANDEM_FIELD_PERSON_CONTACT, NULL);
}

/* A session with @person_id present, and an action they own. */
static char *
give_history (Fixture    *fixture,
              const char *person_id,
              const char *status)
{
  g_autofree char *session = NULL;
  TandemField session_fields[] = {
    { "team_id", tandem_value_text (fixture->willow) },
    { "starts_at", tandem_value_text ("2026-03-02T10:00:00Z") },
  };

  session = insert_or_die (fixture->project, "coaching_session", session_fields,
                           G_N_ELEMENTS (session_fields));
  {
    TandemField attendance[] = {
      { "session_id", tandem_value_text (session) },
      { "person_id", tandem_value_text (person_id) },
      { "status", tandem_value_text (status) },
    };
    g_free (insert_or_die (fixture->project, "attendance", attendance, G_N_ELEMENTS (attendance)));
  }
  return g_steal_pointer (&session);
}

static void
test_deactivate_and_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 9, 12, 0, 0);
  g_autofree char *amir = add (fixture, fixture->willow, "Amir Haddad", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *typo = add (fixture, fixture->willow, "Amri Hadad", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *session = give_history (fixture, amir, "present");
  g_autofree char *listed = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(TandemPerson) person = NULL;
  TandemField action[] = {
    { "team_id", tandem_value_text (fixture->willow) },
    { "what", tandem_value_text ("Ask about the garden") },
    { "owner_id", tandem_value_text (amir) },
  };

  g_free (insert_or_die (fixture->project, "action", action, G_N_ELEMENTS (action)));

  /* Someone with history is never deleted: the message says why and what
   * to do instead. */
  g_assert_false (tandem_person_delete (fixture->project, amir, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amir Haddad"));
  g_assert_nonnull (strstr (error->message, "attended 1 session"));
  g_assert_nonnull (strstr (error->message, "owns 1 action"));
  g_assert_nonnull (strstr (error->message, "Deactivate"));
  g_clear_error (&error);
  g_assert_true (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, amir));

  /* Deactivated from today, by the project's clock; listed last; the
   * attendance stays, and a new session does not offer them. */
  tandem_clock_set_now (when);
  g_assert_true (tandem_person_set_active (fixture->project, amir, FALSE, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Deactivate person");
  person = tandem_person_get (fixture->project, amir, &error);
  g_assert_cmpstr (person->inactive_since, ==, "2026-03-09");
  g_assert_false (tandem_person_is_active (person));
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "Amri Hadad, Amir Haddad");
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM attendance"), ==, 1);
  attendees = tandem_coaching_list_attendees (fixture->project, fixture->willow, session, &error);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_clear_pointer (&attendees, g_ptr_array_unref);
  attendees = tandem_coaching_list_attendees (fixture->project, fixture->willow, "new-session", &error);
  g_assert_cmpuint (attendees->len, ==, 1);
  g_assert_cmpstr (((TandemAttendee *) attendees->pdata[0])->name, ==, "Amri Hadad");

  g_assert_true (tandem_person_set_active (fixture->project, amir, TRUE, &error));
  assert_undo_label (fixture->project, "Reactivate person");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, amir, TANDEM_FIELD_PERSON_INACTIVE_SINCE, NULL);

  /* Someone added by mistake, with no history, may go, and come back. */
  g_assert_true (tandem_person_delete (fixture->project, typo, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Delete person");
  g_assert_false (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, typo));
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_true (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, typo));
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "Amir Haddad, Amri Hadad");
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = add (fixture, fixture->willow, "Amir Haddad", TANDEM_TAKING_PART_AS_NONE);
  g_autofree char *other = add (fixture, fixture->cedar, "A. Haddad",
                                TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  g_autofree char *both = give_history (fixture, keep, "apologies");
  g_autofree char *only_other = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *idea = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  gint64 log_before;

  /* Both entries attended one session (present as the other entry); the
   * other alone attended a second, owns an action, proposed and
   * co-produced a change idea. */
  {
    TandemField a[] = {
      { "session_id", tandem_value_text (both) },
      { "person_id", tandem_value_text (other) },
      { "status", tandem_value_text ("present") },
    };
    g_free (insert_or_die (fixture->project, "attendance", a, G_N_ELEMENTS (a)));
  }
  only_other = give_history (fixture, other, "present");
  {
    TandemField action[] = {
      { "team_id", tandem_value_text (fixture->cedar) },
      { "what", tandem_value_text ("Bring the leaflet") },
      { "owner_id", tandem_value_text (other) },
    };
    TandemField d[] = {
      { "team_id", tandem_value_text (fixture->cedar) },
      { "name", tandem_value_text ("Calmer nights") },
    };
    g_free (insert_or_die (fixture->project, "action", action, G_N_ELEMENTS (action)));
    diagram = insert_or_die (fixture->project, "diagram", d, G_N_ELEMENTS (d));
  }
  {
    TandemField n[] = {
      { "diagram_id", tandem_value_text (diagram) },
      { "kind", tandem_value_text ("change_idea") },
      { "title", tandem_value_text ("Night-time check-ins") },
      { "proposed_by", tandem_value_text (other) },
    };
    idea = insert_or_die (fixture->project, "node", n, G_N_ELEMENTS (n));
  }
  {
    TandemField c[] = {
      { "node_id", tandem_value_text (idea) },
      { "person_id", tandem_value_text (other) },
    };
    g_free (insert_or_die (fixture->project, "node_coproducer", c, G_N_ELEMENTS (c)));
  }
  g_assert_true (tandem_person_set_field (fixture->project, other, TANDEM_FIELD_PERSON_CONTACT,
                                          TANDEM_UNCHECKED, "Phone after 4pm", &error));
  log_before = count_or_die (fixture->project, "SELECT count(*) FROM change_txn");

  g_assert_false (tandem_person_merge (fixture->project, keep, keep, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tandem_person_merge (fixture->project, keep, other, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Merge people");
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM change_txn"), ==, log_before + 1);
  g_assert_false (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, other));

  /* Everything moved to the one kept; one attendance at the shared
   * session, present; both teams; the details the kept entry lacked. */
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM attendance"), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attendance WHERE person_id = '%s' "
                                            "AND status = 'present'", keep);
    g_assert_cmpint (count_or_die (fixture->project, sql), ==, 2);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM action WHERE owner_id = '%s'", keep);
    g_assert_cmpint (count_or_die (fixture->project, sql), ==, 1);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM node WHERE proposed_by = '%s'", keep);
    g_assert_cmpint (count_or_die (fixture->project, sql), ==, 1);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM node_coproducer WHERE person_id = '%s'", keep);
    g_assert_cmpint (count_or_die (fixture->project, sql), ==, 1);
  }
  teams = tandem_person_list_teams (fixture->project, keep, &error);
  g_assert_cmpuint (teams->len, ==, 2);
  listed = team_names (fixture, fixture->cedar);
  g_assert_cmpstr (listed, ==, "Amir Haddad");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, keep, TANDEM_FIELD_PERSON_CONTACT, "Phone after 4pm");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, keep, TANDEM_FIELD_PERSON_TAKING_PART_AS,
               "lived_experience_partner");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, keep,
               TANDEM_FIELD_PERSON_BRINGS_LIVED_EXPERIENCE, "1");

  /* One undo brings both entries back as they were. */
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, other));
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM attendance"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attendance WHERE person_id = '%s' "
                                            "AND status = 'apologies'", keep);
    g_assert_cmpint (count_or_die (fixture->project, sql), ==, 1);
  }
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, fixture->cedar);
  g_assert_cmpstr (listed, ==, "A. Haddad");
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, keep, TANDEM_FIELD_PERSON_CONTACT, NULL);
}

static void
test_teams (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = add (fixture, fixture->willow, "Grace Lead",
                               TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  g_autofree char *listed = NULL;
  g_autofree char *third = tandem_team_create (fixture->project, "Oak Unit", NULL, NULL, NULL, &error);

  /* A lived-experience lead works with three teams: one person. */
  g_assert_true (tandem_person_add_to_team (fixture->project, lead, fixture->cedar, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Add person to team");
  g_assert_true (tandem_person_add_to_team (fixture->project, lead, third, &error));
  g_assert_true (tandem_person_add_to_team (fixture->project, lead, third, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_TEAM_MEMBER, NULL, NULL), ==, 3);
  listed = team_names (fixture, fixture->cedar);
  g_assert_cmpstr (listed, ==, "Grace Lead");

  /* Deleting a team takes the membership, not the person; undo brings it back. */
  g_assert_true (tandem_team_delete (fixture->project, fixture->cedar, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, lead));
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_TEAM_MEMBER, NULL, NULL), ==, 2);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, fixture->cedar);
  g_assert_cmpstr (listed, ==, "Grace Lead");

  g_assert_true (tandem_person_remove_from_team (fixture->project, lead, third, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Remove person from team");
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, third);
  g_assert_cmpstr (listed, ==, "");
  g_assert_true (tandem_project_exists (fixture->project, TANDEM_ENTITY_PERSON, lead));

  g_assert_false (tandem_person_add_to_team (fixture->project, lead, "no-team", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(TandemPersonImport) import = { 0 };
  g_autofree char *listed = NULL;
  g_autofree char *lead = add (fixture, fixture->cedar, "Grace Lead",
                               TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  g_autofree char *already = add (fixture, fixture->willow, "Ben Ocran", TANDEM_TAKING_PART_AS_NONE);
  const char *bad =
    "Name,Role title,Taking part as,Organisation,Contact\n"
    "Amir Haddad,Nurse,,,\n"
    ",Healthcare assistant,,,\n"
    "Cara Long,,diagnosed with psychosis,,\n"
    "Dev Rao,Peer worker,peer worker,,,extra\n";
  const char *good =
    "\xEF\xBB\xBF" "name,contact,taking part as\r\n"
    "Amir Haddad,Email,\r\n"
    "\"Okafor, Chidi\",,Expert by experience\r\n"
    "grace lead,,\r\n"
    "Ben Ocran,,\r\n"
    "\r\n";
  gint64 log_before = count_or_die (fixture->project, "SELECT count(*) FROM change_txn");

  /* One bad line and nobody is added; every bad line is named, with the file. */
  g_assert_false (tandem_person_import_csv (fixture->project, fixture->willow, bad, -1,
                                            "staff.csv", &import, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "staff.csv"));
  g_assert_null (strstr (error->message, "line 2:"));
  g_assert_nonnull (strstr (error->message, "line 3: Give the person a name"));
  g_assert_nonnull (strstr (error->message, "line 4: “diagnosed with psychosis” is not a way"));
  g_assert_nonnull (strstr (error->message, "line 5:"));
  g_clear_error (&error);
  tandem_person_import_clear (&import);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM change_txn"), ==, log_before);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 2);

  /* Columns in any order under a header; quoting, CRLF, a byte-order mark.
   * Someone the project has in another team joins; someone already in the
   * team is left as they are. One undoable change. */
  g_assert_true (tandem_person_import_csv (fixture->project, fixture->willow, good, -1,
                                           "staff.csv", &import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import.added, ==, 2);
  g_assert_cmpuint (import.joined, ==, 1);
  g_assert_cmpuint (import.already->len, ==, 1);
  g_assert_cmpstr (import.already->pdata[0], ==, "line 5: Ben Ocran");
  assert_undo_label (fixture->project, "Import people");
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "Amir Haddad, Ben Ocran, Grace Lead, Okafor, Chidi");
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM person WHERE "
                                 "name = 'Okafor, Chidi' AND taking_part_as = 'expert_by_experience' "
                                 "AND brings_lived_experience = 1"), ==, 1);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM person WHERE "
                                 "name = 'Amir Haddad' AND contact = 'Email'"), ==, 1);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_TEAM_MEMBER, NULL, NULL), ==, 2);
  tandem_person_import_clear (&import);

  /* No header: the columns in the documented order. */
  g_assert_true (tandem_person_import_csv (fixture->project, fixture->cedar,
                                           "Eve Stone,Occupational therapist,carer,Carers Trust,Phone\n",
                                           -1, "more.csv", &import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM person WHERE name = 'Eve Stone' "
                                 "AND role_title = 'Occupational therapist' AND taking_part_as = 'carer' "
                                 "AND organisation = 'Carers Trust' AND contact = 'Phone'"), ==, 1);
  tandem_person_import_clear (&import);

  g_assert_false (tandem_person_import_csv (fixture->project, fixture->cedar, "name\n", -1,
                                            "empty.csv", &import, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);
  tandem_person_import_clear (&import);

  g_assert_false (tandem_person_import_csv (fixture->project, fixture->cedar, "name,shoe size\nA,9\n",
                                            -1, "odd.csv", &import, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 1: the column “shoe size”"));
}

/* A project as format 3 wrote it: each person in one team, by
 * person.team_id, with the older role. */
static void
make_format_3 (const char *path)
{
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (steps[2].version, ==, 3);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1415671396", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO meta VALUES ('replica_id', 'old-replica');"
    "INSERT INTO change_txn (id, at, author, replica, label, kind, origin_replica, origin_id) VALUES "
    "  (1, '2025-03-01T09:00:00Z', 'Ada Coach', 'old-replica', 'Create project', 'create', "
    "   'old-replica', '1@2025-03-01T09:00:00Z');"
    "INSERT INTO team (id, name, position) VALUES ('team-w', 'Willow Ward', 0), "
    "  ('team-c', 'Cedar Team', 1);"
    "INSERT INTO person (id, team_id, name, role, brings_lived_experience, position) VALUES "
    "  ('p-1', 'team-w', 'Priya Shah', 'lived_experience_partner', 1, 0),"
    "  ('p-2', 'team-w', 'Tom Reed', 'coach', 0, 1),"
    "  ('p-3', 'team-c', 'Jo Bell', 'peer_support_worker', 1, 0),"
    "  ('p-4', 'team-c', 'Sam Staff', 'staff', 0, 1);"
    "INSERT INTO coaching_session (id, team_id, starts_at) VALUES ('s-1', 'team-w', '2025-03-03T10:00:00Z');"
    "INSERT INTO attendance (id, session_id, person_id, status) VALUES ('a-1', 's-1', 'p-1', 'present');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_format_3 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) willow = NULL;
  g_autoptr(GPtrArray) cedar = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *old_path = g_build_filename (fixture->dir, "Old.tandem", NULL);
  g_autoptr(TandemProject) project = NULL;
  TandemPerson *person;

  make_format_3 (old_path);
  g_assert_cmpint (tandem_project_check_file (old_path, problems), ==, TANDEM_CHECK_PROBLEMS);
  g_assert_nonnull (strstr (problems->pdata[0], "older format 3"));

  project = tandem_project_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_or_die (project, "SELECT user_version FROM pragma_user_version"), ==, TANDEM_SCHEMA_VERSION);
  g_assert_cmpint (tandem_project_count (project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 4);
  g_assert_cmpint (count_or_die (project, "SELECT count(*) FROM person WHERE team_id IS NOT NULL"), ==, 0);

  /* Everyone is in the team they were in, taking part as their role said. */
  willow = tandem_person_list (project, "team-w", &error);
  g_assert_no_error (error);
  listed = names (willow);
  g_assert_cmpstr (listed, ==, "Priya Shah, Tom Reed");
  person = willow->pdata[0];
  g_assert_cmpint (person->taking_part_as, ==, TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  person = willow->pdata[1];
  g_assert_cmpint (person->taking_part_as, ==, TANDEM_TAKING_PART_AS_NONE);
  g_assert_cmpstr (person->role_title, ==, "Coach");
  g_assert_true (tandem_person_is_active (person));
  cedar = tandem_person_list (project, "team-c", &error);
  g_clear_pointer (&listed, g_free);
  listed = names (cedar);
  g_assert_cmpstr (listed, ==, "Jo Bell, Sam Staff");
  g_assert_cmpint (((TandemPerson *) cedar->pdata[0])->taking_part_as, ==,
                   TANDEM_TAKING_PART_AS_PEER_WORKER);
  g_assert_cmpstr (((TandemPerson *) cedar->pdata[0])->role_title, ==, "Peer support worker");
  g_assert_cmpint (count_or_die (project, "SELECT count(*) FROM team_member WHERE id = 'p-1@team-w'"), ==, 1);

  /* The coaching page still offers each team's people, with the attendance kept. */
  attendees = tandem_coaching_list_attendees (project, "team-w", "s-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (((TandemAttendee *) attendees->pdata[0])->name, ==, "Priya Shah");
  g_assert_cmpint (((TandemAttendee *) attendees->pdata[0])->status, ==, TANDEM_ATTENDANCE_PRESENT);
  g_assert_true (((TandemAttendee *) attendees->pdata[0])->lived_experience);

  /* Deleting a team from before keeps its people (in the project, without it). */
  g_assert_true (tandem_team_delete (project, "team-c", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 4);

  g_clear_object (&project);
  g_assert_cmpint (tandem_project_check_file (old_path, NULL), ==, TANDEM_CHECK_GOOD);
}

/* A person brought back from an older copy's history carries the team_id
 * of then: they count as a member of that team, and can leave it. */
static void
test_older_team_id (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  TandemField fields[] = {
    { "team_id", tandem_value_text (fixture->willow) },
    { "name", tandem_value_text ("Old Entry") },
  };
  g_autofree char *old = insert_or_die (fixture->project, "person", fields, G_N_ELEMENTS (fields));
  g_autofree char *keep = add (fixture, fixture->cedar, "Kept Entry", TANDEM_TAKING_PART_AS_NONE);
  g_autoptr(GPtrArray) teams = NULL;

  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "Old Entry");
  teams = tandem_person_list_teams (fixture->project, old, &error);
  g_assert_cmpuint (teams->len, ==, 1);

  /* Merged, the one kept joins that team. */
  g_assert_true (tandem_person_merge (fixture->project, keep, old, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "Kept Entry");
  g_assert_true (tandem_project_undo (fixture->project, &error));

  g_assert_true (tandem_person_remove_from_team (fixture->project, old, fixture->willow, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_free);
  listed = team_names (fixture, fixture->willow);
  g_assert_cmpstr (listed, ==, "");
}

/* The preview an import shows: who the good lines name and every bad line,
 * with nothing written. */
static void
test_read_csv (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *listed = NULL;
  gint64 log_before = count_or_die (fixture->project, "SELECT count(*) FROM change_txn");

  g_assert_true (tandem_person_read_csv ("Name,Taking part as\n"
                                         "Amir Haddad,\n"
                                         "Cara Long,diagnosed with psychosis\n"
                                         "Zoë Ó Briain,Lived-experience partner\n",
                                         -1, "team.csv", &people, &problems, &error));
  g_assert_no_error (error);
  listed = names (people);
  g_assert_cmpstr (listed, ==, "Amir Haddad, Zoë Ó Briain");
  g_assert_cmpint (((TandemPerson *) people->pdata[1])->taking_part_as, ==,
                   TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "line 3: “diagnosed with psychosis”"));
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count(*) FROM change_txn"), ==, log_before);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_PERSON, NULL, NULL), ==, 0);
}

/* A session had someone with lived experience present when someone present
 * takes part as a lived-experience partner, expert by experience, peer
 * worker or carer: what the person record says, however it was written,
 * here by settling a conflict, which writes the one field chosen. */
static void
test_lived_experience_present (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(TandemAttendance) attendance = NULL;
  g_autofree char *session = NULL;
  g_autofree char *mo = add (fixture, fixture->willow, "Mo Reyes", TANDEM_TAKING_PART_AS_CARER);

  /* Someone else says Mo takes part as no one in particular; this editor,
   * which showed “carer”, says lived-experience partner: both are kept. */
  g_assert_true (tandem_person_set_field (fixture->project, mo, TANDEM_FIELD_PERSON_TAKING_PART_AS,
                                          "carer", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_person_set_field (fixture->project, mo, TANDEM_FIELD_PERSON_TAKING_PART_AS,
                                           "carer", "lived_experience_partner", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  conflicts = tandem_project_list_conflicts (fixture->project);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (tandem_project_resolve_conflict (fixture->project,
                                                  ((TandemConflict *) conflicts->pdata[0])->id,
                                                  FALSE, &error));
  g_assert_no_error (error);
  assert_text (fixture->project, TANDEM_ENTITY_PERSON, mo, TANDEM_FIELD_PERSON_TAKING_PART_AS,
               "lived_experience_partner");

  session = give_history (fixture, mo, "present");
  sessions = tandem_coaching_list_sessions (fixture->project, fixture->willow, NULL, NULL, TRUE,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_true (((TandemSession *) sessions->pdata[0])->lived_experience_present);
  attendance = tandem_coaching_attendance (fixture->project, fixture->willow, "2026-03", 1, TRUE,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->team_sessions[0], ==, 1);
  g_assert_cmpuint (attendance->team_with_le[0], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/person/add-and-list", test_add_and_list);
  ADD ("/person/find-prefix", test_find_prefix);
  g_test_add_func ("/person/taking-part-words", test_taking_part_words);
  ADD ("/person/set-field-checked", test_set_field_checked);
  ADD ("/person/edit", test_edit);
  ADD ("/person/deactivate-and-delete", test_deactivate_and_delete);
  ADD ("/person/merge", test_merge);
  ADD ("/person/teams", test_teams);
  ADD ("/person/import", test_import);
  ADD ("/person/format-3", test_format_3);
  ADD ("/person/older-team-id", test_older_team_id);
  ADD ("/person/read-csv", test_read_csv);
  ADD ("/person/lived-experience-present", test_lived_experience_present);

  return g_test_run ();
}
