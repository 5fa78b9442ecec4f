/* tandem-person.c — the people of a project: who they are, the teams they
 * belong to, and how they take part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People belong to the project, and to any number of its teams through
 * team_member rows, so deleting a team takes its memberships and never the
 * people, whom the history of other teams may name. Someone who attended a
 * session or is named in the work is never deleted: they are deactivated,
 * and stay in the history. Two entries for one person are merged, with
 * everything that names either moving to the one kept.
 *
 * The file holds two older fields beside taking_part_as, person.role and
 * brings_lived_experience, which the coaching summaries and the
 * contributions window still read; every write here keeps them in step, so
 * a lived-experience partner added here counts as lived experience present
 * at a session. A person brought back from an older copy's history may
 * still carry a person.team_id: they count as a member of that team.
 */

#define G_LOG_DOMAIN "Tandem-Person"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-clock.h"
#include "tandem-db-private.h"
#include "tandem-person-private.h"


#define PERSON_COLUMNS \
  "p.id, p.name, p.role_title, p.taking_part_as, p.organisation, p.contact, p.inactive_since"

#define IN_TEAM TANDEM_PERSON_IN_TEAM ("p", "?1")

/* The rows that tie two items together once only: when both people of a
 * merge have one for the same item, the one of the person merged away goes. */
static const struct { const char *entity; const char *other; } pair_columns[] = {
  { TANDEM_ENTITY_TEAM_MEMBER, TANDEM_FIELD_TEAM_MEMBER_TEAM_ID },
  { TANDEM_ENTITY_ATTENDANCE, TANDEM_FIELD_ATTENDANCE_SESSION_ID },
  { TANDEM_ENTITY_NODE_COPRODUCER, TANDEM_FIELD_NODE_COPRODUCER_NODE_ID },
};

/* The fields a person's editor shows, in its order. */
static const char * const person_fields[] = {
  TANDEM_FIELD_PERSON_NAME, TANDEM_FIELD_PERSON_ROLE_TITLE, TANDEM_FIELD_PERSON_TAKING_PART_AS,
  TANDEM_FIELD_PERSON_ORGANISATION, TANDEM_FIELD_PERSON_CONTACT,
};

/* ------------------------------------------------------------------------ */
/* Values as they are kept                                                  */

/* A name for comparing, as a person would: without case or accents, so
 * “zoe” finds “Zoë Ó Briain”. */
char *
_tandem_person_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *c = decomposed; c && *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_type (ch) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, ch);
    }
  return g_utf8_casefold (bare->str, -1);
}

static gboolean
too_long (const char  *value,
          int          max,
          const char  *what,
          GError     **error)
{
  if (value == NULL || g_utf8_strlen (value, -1) <= max)
    return FALSE;
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               /* Translators: %s is a field (“role title”), %d a number of characters */
               _("That %s is too long: keep it under %d characters."), what, max);
  return TRUE;
}

char *
_tandem_person_clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the person a name."));
      return NULL;
    }
  if (too_long (clean, TANDEM_PERSON_NAME_MAX, _("name"), error))
    return NULL;
  return g_steal_pointer (&clean);
}

/* A detail: empty is the same as not said. */
gboolean
_tandem_person_clean_detail (const char  *value,
              int          max,
              const char  *what,
              char       **clean,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (too_long (stripped, max, what, error))
    return FALSE;
  *clean = *stripped ? g_steal_pointer (&stripped) : NULL;
  return TRUE;
}

static const char *
taking_part_word (TandemTakingPartAs taking_part_as)
{
  if (taking_part_as == TANDEM_TAKING_PART_AS_NONE)
    return NULL;
  return tandem_stored_enum_to_word (TANDEM_TYPE_TAKING_PART_AS, taking_part_as);
}

static TandemTakingPartAs
taking_part_from_word (const char *word)
{
  int value = TANDEM_TAKING_PART_AS_NONE;

  tandem_stored_enum_from_word (TANDEM_TYPE_TAKING_PART_AS, word, &value);
  return value;
}

gboolean
_tandem_person_check_taking_part_as (const char          *text,
                      TandemTakingPartAs  *taking_part_as,
                      GError             **error)
{
  if (tandem_person_parse_taking_part_as (text, taking_part_as))
    return TRUE;
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               _("“%s” is not a way of taking part: use none, lived-experience partner, "
                 "expert by experience, peer worker or carer."), text);
  return FALSE;
}

/* What a field's new value is, checked as the field needs, as stored. */
static gboolean
clean_field (const char  *field,
             const char  *value,
             char       **clean,
             GError     **error)
{
  TandemTakingPartAs taking_part_as;

  if (g_strcmp0 (field, TANDEM_FIELD_PERSON_NAME) == 0)
    return (*clean = _tandem_person_clean_name (value, error)) != NULL;
  if (g_strcmp0 (field, TANDEM_FIELD_PERSON_ROLE_TITLE) == 0)
    return _tandem_person_clean_detail (value, TANDEM_PERSON_DETAIL_MAX, _("role title"), clean, error);
  if (g_strcmp0 (field, TANDEM_FIELD_PERSON_ORGANISATION) == 0)
    return _tandem_person_clean_detail (value, TANDEM_PERSON_DETAIL_MAX, _("organisation"), clean, error);
  if (g_strcmp0 (field, TANDEM_FIELD_PERSON_CONTACT) == 0)
    return _tandem_person_clean_detail (value, TANDEM_PERSON_CONTACT_MAX, _("contact preference"), clean, error);
  if (g_strcmp0 (field, TANDEM_FIELD_PERSON_TAKING_PART_AS) == 0)
    {
      if (!_tandem_person_check_taking_part_as (value, &taking_part_as, error))
        return FALSE;
      *clean = g_strdup (taking_part_word (taking_part_as));
      return TRUE;
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               "a person has no detail called “%s”", field ? field : "");
  return FALSE;
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, TANDEM_FIELD_PERSON_NAME))
    return _("Rename person");
  if (g_str_equal (field, TANDEM_FIELD_PERSON_ROLE_TITLE))
    return _("Change a person’s role title");
  if (g_str_equal (field, TANDEM_FIELD_PERSON_TAKING_PART_AS))
    return _("Change how a person takes part");
  if (g_str_equal (field, TANDEM_FIELD_PERSON_ORGANISATION))
    return _("Change a person’s organisation");
  return _("Change a person’s contact preference");
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

static TandemPerson *
person_from_row (TandemDbStmt *stmt)
{
  TandemPerson *person = g_new0 (TandemPerson, 1);
  g_autofree char *taking_part_as = NULL;

  _tandem_db_assert_columns (stmt, 7);
  person->id = _tandem_db_column_text (stmt, 0);
  person->name = _tandem_db_column_text (stmt, 1);
  person->role_title = _tandem_db_column_text (stmt, 2);
  taking_part_as = _tandem_db_column_text (stmt, 3);
  person->taking_part_as = taking_part_from_word (taking_part_as);
  person->organisation = _tandem_db_column_text (stmt, 4);
  person->contact = _tandem_db_column_text (stmt, 5);
  person->inactive_since = _tandem_db_column_text (stmt, 6);
  return person;
}

static GPtrArray *
read_people (TandemProject  *project,
             TandemDbStmt   *stmt,
             GError        **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_person_free);
  TandemDbStep step;

  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (step == TANDEM_DB_FAILED)
    return NULL;
  return g_steal_pointer (&people);
}

/* Active first, then by name as a person reads it, then as written. */
static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const TandemPerson *x = *(TandemPerson * const *) a;
  const TandemPerson *y = *(TandemPerson * const *) b;
  g_autofree char *fx = NULL;
  g_autofree char *fy = NULL;
  int order;

  if (tandem_person_is_active (x) != tandem_person_is_active (y))
    return tandem_person_is_active (x) ? -1 : 1;
  fx = _tandem_person_fold (x->name);
  fy = _tandem_person_fold (y->name);
  if ((order = g_strcmp0 (fx, fy)) != 0 || (order = g_strcmp0 (x->name, y->name)) != 0)
    return order;
  return g_strcmp0 (x->id, y->id);
}

static gboolean
person_exists (TandemProject  *project,
               const char     *person_id,
               GError        **error)
{
  if (person_id != NULL && tandem_project_exists (project, TANDEM_ENTITY_PERSON, person_id))
    return TRUE;
  g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("This person is no longer in the project: someone may have deleted "
                         "them."));
  return FALSE;
}

gboolean
_tandem_person_team_exists (TandemProject  *project,
             const char     *team_id,
             GError        **error)
{
  if (team_id != NULL && tandem_project_exists (project, TANDEM_ENTITY_TEAM, team_id))
    return TRUE;
  g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("This team no longer exists: someone may have deleted it."));
  return FALSE;
}

static gboolean
is_member (TandemProject  *project,
           const char     *person_id,
           const char     *team_id,
           gboolean       *member,
           GError        **error)
{
  gint64 n = 0;

  if (!_tandem_db_query_int (project, error, &n, NULL,
                             "SELECT count(*) FROM person p WHERE p.id = ?2 AND " IN_TEAM,
                             "ss", team_id, person_id))
    return FALSE;
  *member = n > 0;
  return TRUE;
}

/* The ids a query of one column gives, with @types bound as
 * _tandem_db_bind() does. */
static GPtrArray *
query_ids (TandemProject  *project,
           GError        **error,
           const char     *sql,
           const char     *types,
           ...)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  TandemDbStep step;
  va_list args;

  if ((stmt = _tandem_db_prepare (project, sql, error)) == NULL)
    return NULL;
  va_start (args, types);
  _tandem_db_bind_valist (stmt, types, args);
  va_end (args);
  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    g_ptr_array_add (ids, _tandem_db_column_text (stmt, 0));
  if (step == TANDEM_DB_FAILED)
    return NULL;
  return g_steal_pointer (&ids);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

/* person.role and brings_lived_experience, the older fields, set from how
 * the person takes part (see the top of this file). A job word the older
 * field held (coach, senior sponsor…) stays while they take part as no one
 * in particular. */
static gboolean
set_older_fields (TandemProject       *project,
                  const char          *person_id,
                  TandemTakingPartAs   taking_part_as,
                  GError             **error)
{
  g_autofree char *role = NULL;
  const char *new_role;

  if (!_tandem_db_query_text (project, error, &role, NULL,
                              "SELECT role FROM person WHERE id = ?1", "s", person_id))
    return FALSE;
  switch (taking_part_as)
    {
    case TANDEM_TAKING_PART_AS_LIVED_EXPERIENCE_PARTNER:
      new_role = "lived_experience_partner";
      break;
    case TANDEM_TAKING_PART_AS_EXPERT_BY_EXPERIENCE:
      new_role = "expert_by_experience";
      break;
    case TANDEM_TAKING_PART_AS_PEER_WORKER:
      new_role = "peer_support_worker";
      break;
    case TANDEM_TAKING_PART_AS_CARER:
      new_role = "carer";
      break;
    case TANDEM_TAKING_PART_AS_NONE:
    default:
      new_role = (g_strcmp0 (role, "staff") == 0 || g_strcmp0 (role, "senior_sponsor") == 0 ||
                  g_strcmp0 (role, "coach") == 0 || g_strcmp0 (role, "other") == 0)
                 ? role : "staff";
      break;
    }
  if (g_strcmp0 (role, new_role) != 0 &&
      !tandem_project_update (project, TANDEM_ENTITY_PERSON, person_id, TANDEM_FIELD_PERSON_ROLE,
                              tandem_value_text (new_role), error))
    return FALSE;
  return tandem_project_update (project, TANDEM_ENTITY_PERSON, person_id,
                                TANDEM_FIELD_PERSON_BRINGS_LIVED_EXPERIENCE,
                                tandem_value_int (taking_part_as != TANDEM_TAKING_PART_AS_NONE),
                                error);
}

gboolean
_tandem_person_join_team (TandemProject  *project,
           const char     *person_id,
           const char     *team_id,
           GError        **error)
{
  g_autofree char *id = NULL;
  TandemField fields[] = {
    { TANDEM_FIELD_TEAM_MEMBER_TEAM_ID, tandem_value_text (team_id) },
    { TANDEM_FIELD_TEAM_MEMBER_PERSON_ID, tandem_value_text (person_id) },
  };

  id = tandem_project_insert (project, TANDEM_ENTITY_TEAM_MEMBER, fields, G_N_ELEMENTS (fields),
                              error);
  return id != NULL;
}

/* Adds a person whose details are clean to @team_id, within a change. */
char *
_tandem_person_insert (TandemProject       *project,
                       const char          *team_id,
                       const TandemPerson  *clean,
                       GError             **error)
{
  g_autofree char *id = NULL;
  TandemField fields[] = {
    { TANDEM_FIELD_PERSON_NAME, tandem_value_text (clean->name) },
    { TANDEM_FIELD_PERSON_ROLE_TITLE, tandem_value_text (clean->role_title) },
    { TANDEM_FIELD_PERSON_TAKING_PART_AS,
      tandem_value_text (taking_part_word (clean->taking_part_as)) },
    { TANDEM_FIELD_PERSON_ORGANISATION, tandem_value_text (clean->organisation) },
    { TANDEM_FIELD_PERSON_CONTACT, tandem_value_text (clean->contact) },
    { TANDEM_FIELD_PERSON_ROLE, tandem_value_text ("staff") },
  };

  id = tandem_project_insert (project, TANDEM_ENTITY_PERSON, fields, G_N_ELEMENTS (fields), error);
  if (id == NULL || !set_older_fields (project, id, clean->taking_part_as, error) ||
      !_tandem_person_join_team (project, id, team_id, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * tandem_person_free:
 * @person: (nullable): a person
 *
 * Frees @person.
 */
void
tandem_person_free (TandemPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->id);
  g_free (person->name);
  g_free (person->role_title);
  g_free (person->organisation);
  g_free (person->contact);
  g_free (person->inactive_since);
  g_free (person);
}

/**
 * tandem_person_is_active:
 * @person: a person
 *
 * Returns: whether @person is still active (has not been deactivated)
 */
gboolean
tandem_person_is_active (const TandemPerson *person)
{
  g_return_val_if_fail (person != NULL, FALSE);
  return person->inactive_since == NULL;
}

/**
 * tandem_person_parse_taking_part_as:
 * @text: (nullable): how a person takes part, as typed: the stored word
 *   (“peer_worker”), the label (“Peer worker”), either in any case and with
 *   spaces, hyphens or underscores alike; empty, %NULL or “none” for no
 *   particular role
 * @taking_part_as: (out): the value
 *
 * Returns: whether @text names a way of taking part
 */
gboolean
tandem_person_parse_taking_part_as (const char         *text,
                                    TandemTakingPartAs *taking_part_as)
{
  g_autofree char *folded = _tandem_person_fold (text);
  g_autoptr(GEnumClass) klass = NULL;

  g_return_val_if_fail (taking_part_as != NULL, FALSE);

  g_strstrip (g_strdelimit (folded, "-_", ' '));
  if (*folded == '\0')
    {
      *taking_part_as = TANDEM_TAKING_PART_AS_NONE;
      return TRUE;
    }
  klass = g_type_class_ref (TANDEM_TYPE_TAKING_PART_AS);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;
      g_autofree char *nick = _tandem_person_fold (klass->values[i].value_nick);
      g_autofree char *label = _tandem_person_fold (tandem_taking_part_as_get_label (value));

      g_strdelimit (nick, "-_", ' ');
      g_strdelimit (label, "-_", ' ');
      if (g_str_equal (folded, nick) || g_str_equal (folded, label))
        {
          *taking_part_as = value;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * tandem_person_list:
 * @project: a project
 * @team_id: (nullable): a team, or %NULL for everyone in the project
 * @error: return location for an error
 *
 * A team's people (or the project's), as a list shows them: the active
 * first, each part by name, without regard to case or accents.
 *
 * Returns: (transfer full) (element-type TandemPerson) (nullable): the
 *   people, or %NULL with @error set if they could not be read
 */
GPtrArray *
tandem_person_list (TandemProject  *project,
                    const char     *team_id,
                    GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  GPtrArray *people;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  stmt = _tandem_db_query (project, error,
                           "SELECT " PERSON_COLUMNS " FROM person p WHERE ?1 IS NULL OR " IN_TEAM,
                           "s", team_id);
  if (stmt == NULL || (people = read_people (project, stmt, error)) == NULL)
    return NULL;
  g_ptr_array_sort (people, compare_people);
  return people;
}

/**
 * tandem_person_find_prefix:
 * @project: a project
 * @team_id: (nullable): a team, or %NULL for everyone in the project
 * @prefix: what has been typed so far
 * @error: return location for an error
 *
 * The people a type-ahead offers for @prefix: those with a name, or a word
 * of their name, that starts with it, without regard to case or accents
 * (“zo” finds “Zoë”, “bri” finds “Zoë Ó Briain”), in the order of
 * tandem_person_list(). An empty @prefix offers everyone.
 *
 * Returns: (transfer full) (element-type TandemPerson) (nullable): the
 *   people, or %NULL with @error set
 */
GPtrArray *
tandem_person_find_prefix (TandemProject  *project,
                           const char     *team_id,
                           const char     *prefix,
                           GError        **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if ((people = tandem_person_list (project, team_id, error)) == NULL)
    return NULL;
  wanted = g_strstrip (_tandem_person_fold (prefix));
  for (guint i = people->len; i-- > 0;)
    {
      g_autofree char *name = _tandem_person_fold (((TandemPerson *) people->pdata[i])->name);
      gboolean found = FALSE;

      /* From the start of any word of the name on. */
      for (const char *c = name; !found && *c; c++)
        found = (c == name || strchr (" -'.", c[-1]) != NULL) && g_str_has_prefix (c, wanted);
      if (!found)
        g_ptr_array_remove_index (people, i);
    }
  return g_steal_pointer (&people);
}

/**
 * tandem_person_find:
 * @project: a project
 * @team_id: (nullable): a team to look in first, or %NULL
 * @name: a person's name, as a command line gives it
 * @error: return location for an error
 *
 * Finds a person by name, without regard to case or accents: in @team_id
 * first, then (when no one there has the name) in the whole project.
 * Fails with %TANDEM_PROJECT_ERROR_INVALID and a message naming the person
 * if no one has the name, or if two people do.
 *
 * Returns: (transfer full) (nullable): the person's id
 */
char *
tandem_person_find (TandemProject  *project,
                    const char     *team_id,
                    const char     *name,
                    GError        **error)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  wanted = g_strstrip (_tandem_person_fold (name));
  for (int pass = team_id != NULL ? 0 : 1; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) people = tandem_person_list (project, pass == 0 ? team_id : NULL, error);
      const char *found = NULL;
      guint n = 0;

      if (people == NULL)
        return NULL;
      for (guint i = 0; i < people->len; i++)
        {
          g_autofree char *folded = _tandem_person_fold (((TandemPerson *) people->pdata[i])->name);

          if (g_str_equal (folded, wanted))
            found = ((TandemPerson *) people->pdata[i])->id, n++;
        }
      if (n > 1)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("%u people are called “%s”: merge them, or rename one."), n, name);
          return NULL;
        }
      if (n == 1)
        return g_strdup (found);
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               _("No one called “%s” is in the project."), name);
  return NULL;
}

/**
 * tandem_person_get:
 * @project: a project
 * @person_id: a person
 * @error: return location for an error
 *
 * Reads one person, as an editor shows them.
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with @error set
 *   when they are not in the project (any more) or could not be read
 */
TandemPerson *
tandem_person_get (TandemProject  *project,
                   const char     *person_id,
                   GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  stmt = _tandem_db_query (project, error, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?1",
                           "s", person_id);
  if (stmt == NULL || (people = read_people (project, stmt, error)) == NULL)
    return NULL;
  if (people->len == 0)
    return (person_exists (project, NULL, error), NULL);
  return g_ptr_array_steal_index (people, 0);
}

/**
 * tandem_person_list_teams:
 * @project: a project
 * @person_id: a person
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the ids of the
 *   teams @person_id belongs to, in the team selector's order
 */
GPtrArray *
tandem_person_list_teams (TandemProject  *project,
                          const char     *person_id,
                          GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_free);
  TandemDbStep step;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  stmt = _tandem_db_query (project, error,
                           "SELECT t.id FROM team t WHERE t.id IN "
                           "  (SELECT team_id FROM team_member WHERE person_id = ?1"
                           "   UNION SELECT team_id FROM person WHERE id = ?1) "
                           "ORDER BY t.position, t.id", "s", person_id);
  if (stmt == NULL)
    return NULL;
  while ((step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    g_ptr_array_add (teams, _tandem_db_column_text (stmt, 0));
  if (step == TANDEM_DB_FAILED)
    return NULL;
  return g_steal_pointer (&teams);
}

/**
 * tandem_person_add:
 * @project: a project
 * @team_id: the team they join
 * @details: who they are: the name, and any of the role title, how they
 *   take part, organisation and contact preference (%NULL or empty for
 *   not said); the id and inactive_since are not used
 * @error: return location for an error
 *
 * Adds a person to the project and to @team_id, as one undoable change
 * (“Add person”). Leading and trailing space is dropped. An empty name, or a
 * detail longer than the file allows, is refused with
 * %TANDEM_PROJECT_ERROR_INVALID and a message for the person, and nothing
 * is added.
 *
 * Returns: (transfer full) (nullable): the new person's id, or %NULL with
 *   @error set
 */
char *
tandem_person_add (TandemProject       *project,
                   const char          *team_id,
                   const TandemPerson  *details,
                   GError             **error)
{
  g_autoptr(TandemPerson) clean = g_new0 (TandemPerson, 1);
  g_autofree char *id = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (details != NULL, NULL);

  clean->taking_part_as = details->taking_part_as;
  if ((clean->name = _tandem_person_clean_name (details->name, error)) == NULL ||
      !_tandem_person_clean_detail (details->role_title, TANDEM_PERSON_DETAIL_MAX,
                                    _("role title"), &clean->role_title, error) ||
      !_tandem_person_clean_detail (details->organisation, TANDEM_PERSON_DETAIL_MAX,
                                    _("organisation"), &clean->organisation, error) ||
      !_tandem_person_clean_detail (details->contact, TANDEM_PERSON_CONTACT_MAX,
                                    _("contact preference"), &clean->contact, error) ||
      !_tandem_person_team_exists (project, team_id, error) ||
      !tandem_change_begin (&change, project, _("Add person"), error))
    return NULL;
  id = _tandem_person_insert (project, team_id, clean, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

static gboolean
set_field (TandemProject  *project,
           const char     *person_id,
           const char     *field,
           gboolean        check,
           const char     *shown,
           const char     *value,
           GError        **error)
{
  g_autofree char *clean = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(GError) step = NULL;
  GError *conflict = NULL;

  if (!clean_field (field, value, &clean, error) || !person_exists (project, person_id, error) ||
      !tandem_change_begin (&change, project, field_label (field), error))
    return FALSE;
  if (!tandem_project_update_checked (project, TANDEM_ENTITY_PERSON, person_id, field, check,
                                      shown, tandem_value_text (clean), &step))
    {
      if (!tandem_conflict_set_aside (&step, &conflict))
        {
          g_propagate_error (error, g_steal_pointer (&step));
          return FALSE;
        }
    }
  else if (g_str_equal (field, TANDEM_FIELD_PERSON_TAKING_PART_AS) &&
           !set_older_fields (project, person_id, taking_part_from_word (clean), error))
    return FALSE;
  return tandem_change_commit_keeping (&change, TRUE, conflict, error);
}

/**
 * tandem_person_set_field:
 * @project: a project
 * @person_id: a person
 * @field: one of %TANDEM_FIELD_PERSON_NAME, _ROLE_TITLE, _TAKING_PART_AS,
 *   _ORGANISATION, _CONTACT
 * @shown: (nullable): the value the editor showed (%NULL for empty; for
 *   taking_part_as the stored word, %NULL for none), or %TANDEM_UNCHECKED
 * @value: (nullable): the new value; %NULL or empty clears it (a name
 *   cannot be cleared). How a person takes part may be given as
 *   tandem_person_parse_taking_part_as() reads it.
 * @error: return location for an error
 *
 * Changes one of a person's details, as one undoable change labelled with
 * what changed (“Rename person” for the name). Checked against @shown as
 * %TANDEM_UNCHECKED describes: if someone else changed the detail
 * meanwhile, theirs stays, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT. A value that cannot be kept is refused
 * with %TANDEM_PROJECT_ERROR_INVALID and nothing is changed.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_person_set_field (TandemProject  *project,
                         const char     *person_id,
                         const char     *field,
                         const char     *shown,
                         const char     *value,
                         GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return set_field (project, person_id, field, shown != TANDEM_UNCHECKED, shown, value, error);
}

/**
 * tandem_person_edit:
 * @project: a project
 * @shown: the person as the editor showed them
 * @edited: the same person's details as they were left (the id and
 *   inactive_since are not used)
 * @error: return location for an error
 *
 * Saves a person's editor as one undoable change (“Edit person”): only the
 * details changed from @shown are written, each checked against @shown. A
 * detail someone else changed meanwhile keeps theirs, both are kept as a
 * conflict, the rest is saved, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT. A value that cannot be kept is refused
 * with %TANDEM_PROJECT_ERROR_INVALID and nothing is changed.
 *
 * Returns: %TRUE if all of it is saved
 */
gboolean
tandem_person_edit (TandemProject       *project,
                    const TandemPerson  *shown,
                    const TandemPerson  *edited,
                    GError             **error)
{
  const char *before[G_N_ELEMENTS (person_fields)];
  const char *after[G_N_ELEMENTS (person_fields)];
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  TandemFieldEdit edits[G_N_ELEMENTS (person_fields)];
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  GError *conflict = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (shown != NULL && edited != NULL, FALSE);

  before[0] = shown->name, after[0] = edited->name;
  before[1] = shown->role_title, after[1] = edited->role_title;
  before[2] = taking_part_word (shown->taking_part_as);
  after[2] = taking_part_word (edited->taking_part_as);
  before[3] = shown->organisation, after[3] = edited->organisation;
  before[4] = shown->contact, after[4] = edited->contact;
  if (!_tandem_field_edits_prepare (edits, person_fields, before, after, G_N_ELEMENTS (person_fields), clean_field,
                                    values, error))
    return FALSE;
  if (!person_exists (project, shown->id, error) ||
      !tandem_change_begin (&change, project, _("Edit person"), error))
    return FALSE;
  ok = tandem_project_update_fields (project, TANDEM_ENTITY_PERSON, shown->id, edits,
                                     G_N_ELEMENTS (edits), &conflict, error);
  if (ok && edits[2].changed && !edits[2].conflict)
    ok = set_older_fields (project, shown->id, edited->taking_part_as, error);
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

/**
 * tandem_person_set_active:
 * @project: a project
 * @person_id: a person
 * @active: %FALSE to deactivate them, %TRUE to make them active again
 * @error: return location for an error
 *
 * Deactivates a person who no longer takes part (from today, by the
 * project's clock), or makes them active again, as one undoable change.
 * Everything that names them stays: a list shows them after the active
 * people. Setting what is already so changes nothing.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_person_set_active (TandemProject  *project,
                          const char     *person_id,
                          gboolean        active,
                          GError        **error)
{
  g_autoptr(TandemPerson) person = NULL;
  g_autofree char *today = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if ((person = tandem_person_get (project, person_id, error)) == NULL)
    return FALSE;
  if (tandem_person_is_active (person) == !!active)
    return TRUE;
  if (!active)
    today = tandem_clock_dup_today ();
  return tandem_change_begin (&change, project,
                              active ? _("Reactivate person") : _("Deactivate person"), error) &&
         tandem_project_update (project, TANDEM_ENTITY_PERSON, person_id,
                                TANDEM_FIELD_PERSON_INACTIVE_SINCE, tandem_value_text (today),
                                error) &&
         tandem_change_commit (&change, error);
}

/* What names @person_id besides their memberships, in words (“attended 3
 * sessions, owns 1 action”), or %NULL when nothing does. */
static gboolean
describe_history (TandemProject  *project,
                  const char     *person_id,
                  char          **history,
                  GError        **error)
{
  const TandemEntity *person = tandem_schema_lookup (TANDEM_ENTITY_PERSON);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < person->children->len; i++)
    {
      const TandemChildLink *link = &g_array_index (person->children, TandemChildLink, i);
      g_autofree char *sql = NULL;
      gint64 n = 0;

      if (g_str_equal (link->entity, TANDEM_ENTITY_TEAM_MEMBER))
        continue;
      /* Tandem's own table and column names, from its schema. */
      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?1", link->entity,
                             link->column);
      if (!_tandem_db_query_int (project, error, &n, NULL, sql, "s", person_id))
        return FALSE;
      if (n == 0)
        continue;
      if (g_str_equal (link->entity, TANDEM_ENTITY_ATTENDANCE))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "attended %d session",
                                                              "attended %d sessions", n), (int) n));
      else if (g_str_equal (link->entity, TANDEM_ENTITY_ACTION))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "owns %d action",
                                                              "owns %d actions", n), (int) n));
      else if (g_str_equal (link->entity, TANDEM_ENTITY_NODE))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "proposed %d change idea",
                                                              "proposed %d change ideas", n),
                                                 (int) n));
      else if (g_str_equal (link->entity, TANDEM_ENTITY_PEER_ROLE) &&
               g_str_equal (link->column, TANDEM_FIELD_PEER_ROLE_SUPERVISOR_ID))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "supervises %d peer role",
                                                              "supervises %d peer roles", n),
                                                 (int) n));
      else if (g_str_equal (link->entity, TANDEM_ENTITY_PEER_ROLE))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "holds %d peer role",
                                                              "holds %d peer roles", n), (int) n));
      else if (g_str_equal (link->entity, TANDEM_ENTITY_NODE_COPRODUCER))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "co-produced %d change idea",
                                                              "co-produced %d change ideas", n),
                                                 (int) n));
      else
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "is named in %d %s",
                                                              "is named in %d %s", n), (int) n,
                                                 _tandem_project_entity_label (link->entity)));
    }
  if (parts->len == 0)
    {
      *history = NULL;
      return TRUE;
    }
  g_ptr_array_add (parts, NULL);
  *history = g_strjoinv (", ", (char **) parts->pdata);
  return TRUE;
}

/**
 * tandem_person_delete:
 * @project: a project
 * @person_id: a person
 * @error: return location for an error
 *
 * Deletes a person who was added by mistake, with their memberships, as one
 * undoable change (“Delete person”). Someone the history names (who
 * attended a session, owns an action, proposed or co-produced a change
 * idea…) is never deleted: that is refused with
 * %TANDEM_PROJECT_ERROR_INVALID and a message saying what names them and
 * to deactivate them instead.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_person_delete (TandemProject  *project,
                      const char     *person_id,
                      GError        **error)
{
  g_autoptr(TandemPerson) person = NULL;
  g_autofree char *history = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if ((person = tandem_person_get (project, person_id, error)) == NULL ||
      !describe_history (project, person_id, &history, error))
    return FALSE;
  if (history != NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   /* Translators: %s is a name, then what names them (“attended 3 sessions”) */
                   _("“%s” cannot be deleted: they %s, and the history keeps them. Deactivate "
                     "them instead."), person->name, history);
      return FALSE;
    }
  return _tandem_db_delete (project, TANDEM_ENTITY_PERSON, person_id, _("Delete person"), error);
}

static const char *
pair_column (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (pair_columns); i++)
    if (g_str_equal (pair_columns[i].entity, entity))
      return pair_columns[i].other;
  return NULL;
}

/* Moves one row that names @other_id, in @link's column, to @keep_id; a row
 * that would repeat one @keep_id has for the same item goes instead (an
 * attendance keeps “present” if either was). */
static gboolean
move_row (TandemProject          *project,
          const TandemChildLink  *link,
          const char             *row_id,
          const char             *keep_id,
          GError                **error)
{
  const char *other = pair_column (link->entity);
  g_autofree char *sql = NULL;
  g_autofree char *kept_row = NULL;

  if (other != NULL)
    {
      /* Tandem's own table and column names, from its schema. */
      sql = g_strdup_printf ("SELECT k.id FROM \"%1$s\" k JOIN \"%1$s\" o ON o.\"%2$s\" = k.\"%2$s\" "
                             "WHERE o.id = ?1 AND k.\"%3$s\" = ?2", link->entity, other,
                             link->column);
      if (!_tandem_db_query_text (project, error, &kept_row, NULL, sql, "ss", row_id, keep_id))
        return FALSE;
    }
  if (kept_row == NULL)
    return tandem_project_update (project, link->entity, row_id, link->column,
                                  tandem_value_text (keep_id), error);
  if (g_str_equal (link->entity, TANDEM_ENTITY_ATTENDANCE))
    {
      g_autofree char *status = NULL;

      if (!_tandem_db_query_text (project, error, &status, NULL,
                                  "SELECT status FROM attendance WHERE id = ?1", "s", row_id))
        return FALSE;
      if (g_strcmp0 (status, "present") == 0 &&
          !tandem_project_update (project, TANDEM_ENTITY_ATTENDANCE, kept_row,
                                  TANDEM_FIELD_ATTENDANCE_STATUS, tandem_value_text (status), error))
        return FALSE;
    }
  return tandem_project_delete (project, link->entity, row_id, error);
}

/**
 * tandem_person_merge:
 * @project: a project
 * @keep_id: the entry to keep
 * @other_id: another entry for the same person, which goes
 * @error: return location for an error
 *
 * Merges two entries that are the same person, as one undoable change
 * (“Merge people”): everything that names @other_id (attendance, actions
 * they own, change ideas they proposed or co-produced, their teams, and
 * anything else that refers to a person) moves to @keep_id, details
 * @keep_id leaves empty are filled from @other_id, the one kept is active
 * if either was, and @other_id is deleted. Where both attended the same
 * session, the one kept is present if either was.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_person_merge (TandemProject  *project,
                     const char     *keep_id,
                     const char     *other_id,
                     GError        **error)
{
  const TandemEntity *entity = tandem_schema_lookup (TANDEM_ENTITY_PERSON);
  g_autoptr(TandemPerson) keep = NULL;
  g_autoptr(TandemPerson) other = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if ((keep = tandem_person_get (project, keep_id, error)) == NULL ||
      (other = tandem_person_get (project, other_id, error)) == NULL)
    return FALSE;
  if (g_str_equal (keep_id, other_id))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("“%s” is the same entry twice: choose two entries to merge."), keep->name);
      return FALSE;
    }
  if ((teams = tandem_person_list_teams (project, other_id, error)) == NULL ||
      !tandem_change_begin (&change, project, _("Merge people"), error))
    return FALSE;

  /* An older copy's team_id is a membership like the others. */
  for (guint i = 0; i < teams->len; i++)
    {
      gboolean member;

      if (!is_member (project, keep_id, teams->pdata[i], &member, error) ||
          (!member && !_tandem_person_join_team (project, keep_id, teams->pdata[i], error)))
        return FALSE;
    }

  for (guint i = 0; i < entity->children->len; i++)
    {
      const TandemChildLink *link = &g_array_index (entity->children, TandemChildLink, i);
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *sql = NULL;

      if (g_str_equal (link->entity, TANDEM_ENTITY_PERSON))
        continue;
      /* Tandem's own table and column names, from its schema. */
      sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1", link->entity,
                             link->column);
      if ((rows = query_ids (project, error, sql, "s", other_id)) == NULL)
        return FALSE;
      for (guint r = 0; r < rows->len; r++)
        if (!move_row (project, link, rows->pdata[r], keep_id, error))
          return FALSE;
    }

  {
    const char *keep_values[] = { NULL, keep->role_title, NULL, keep->organisation, keep->contact };
    const char *other_values[] = { NULL, other->role_title, NULL, other->organisation, other->contact };

    for (guint i = 0; i < G_N_ELEMENTS (keep_values); i++)
      if (keep_values[i] == NULL && other_values[i] != NULL &&
          !tandem_project_update (project, TANDEM_ENTITY_PERSON, keep_id, person_fields[i],
                                  tandem_value_text (other_values[i]), error))
        return FALSE;
  }
  if (keep->taking_part_as == TANDEM_TAKING_PART_AS_NONE &&
      other->taking_part_as != TANDEM_TAKING_PART_AS_NONE &&
      (!tandem_project_update (project, TANDEM_ENTITY_PERSON, keep_id,
                               TANDEM_FIELD_PERSON_TAKING_PART_AS,
                               tandem_value_text (taking_part_word (other->taking_part_as)), error) ||
       !set_older_fields (project, keep_id, other->taking_part_as, error)))
    return FALSE;
  if (!tandem_person_is_active (keep) && tandem_person_is_active (other) &&
      !tandem_project_update (project, TANDEM_ENTITY_PERSON, keep_id,
                              TANDEM_FIELD_PERSON_INACTIVE_SINCE, tandem_value_null (), error))
    return FALSE;

  return tandem_project_delete (project, TANDEM_ENTITY_PERSON, other_id, error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_person_add_to_team:
 * @project: a project
 * @person_id: a person
 * @team_id: a team
 * @error: return location for an error
 *
 * Adds a person already in the project to another team, as one undoable
 * change (“Add person to team”). A person may belong to any number of
 * teams; one already in @team_id is left as they are.
 *
 * Returns: %TRUE if saved (or already so)
 */
gboolean
tandem_person_add_to_team (TandemProject  *project,
                           const char     *person_id,
                           const char     *team_id,
                           GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  gboolean member;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!person_exists (project, person_id, error) || !_tandem_person_team_exists (project, team_id, error) ||
      !is_member (project, person_id, team_id, &member, error))
    return FALSE;
  if (member)
    return TRUE;
  return tandem_change_begin (&change, project, _("Add person to team"), error) &&
         _tandem_person_join_team (project, person_id, team_id, error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_person_remove_from_team:
 * @project: a project
 * @person_id: a person
 * @team_id: a team they belong to
 * @error: return location for an error
 *
 * Takes a person out of a team, as one undoable change (“Remove person from
 * team”). They stay in the project, and in the history of that team's
 * work; someone in no team any more is still listed for the project.
 *
 * Returns: %TRUE if saved (or they were not in the team)
 */
gboolean
tandem_person_remove_from_team (TandemProject  *project,
                                const char     *person_id,
                                const char     *team_id,
                                GError        **error)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autofree char *legacy_team = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!person_exists (project, person_id, error) || !_tandem_person_team_exists (project, team_id, error) ||
      (memberships = query_ids (project, error, "SELECT id FROM team_member "
                                "WHERE person_id = ?1 AND team_id = ?2", "ss",
                                person_id, team_id)) == NULL ||
      !_tandem_db_query_text (project, error, &legacy_team, NULL,
                              "SELECT team_id FROM person WHERE id = ?1", "s", person_id) ||
      !tandem_change_begin (&change, project, _("Remove person from team"), error))
    return FALSE;
  for (guint i = 0; i < memberships->len; i++)
    if (!tandem_project_delete (project, TANDEM_ENTITY_TEAM_MEMBER, memberships->pdata[i], error))
      return FALSE;
  if (g_strcmp0 (legacy_team, team_id) == 0 &&
      !tandem_project_update (project, TANDEM_ENTITY_PERSON, person_id, TANDEM_FIELD_PERSON_TEAM_ID,
                              tandem_value_null (), error))
    return FALSE;
  return tandem_change_commit (&change, error);
}
