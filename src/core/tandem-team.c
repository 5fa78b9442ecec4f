/* tandem-team.c — the teams of a project: adding, finding, changing and
 * deleting them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything else in a project belongs to a team, so deleting one takes its
 * diagrams, measures, sessions and people with it; tandem_project_delete()
 * logs all of it, and one undo brings the team back whole.
 */

#define G_LOG_DOMAIN "Tandem-Team"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-checked-edit.h"
#include "tandem-db-private.h"
#include "tandem-team.h"

#define TEAM_NAME_MAX 200

/* A name as it is kept: without leading and trailing space, and within what
 * the file allows. */
static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the team a name."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > TEAM_NAME_MAX)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("That name is too long for a team: keep it under %d characters."),
                   TEAM_NAME_MAX);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* The other details: empty is the same as not said. */
static char *
clean_detail (const char *value)
{
  g_autofree char *clean = g_strstrip (g_strdup (value ? value : ""));

  return *clean ? g_steal_pointer (&clean) : NULL;
}

#define TEAM_COLUMNS "id, name, organisation, service_type, ward, position"
#define TEAM_GONE _("This team no longer exists: someone may have deleted it.")

#define COLUMN(kind, member) TANDEM_DB_COLUMN (kind, TandemTeam, member)
static const TandemDbColumn team_columns[] = {
  COLUMN (TEXT, id), COLUMN (TEXT, name), COLUMN (TEXT, organisation),
  COLUMN (TEXT, service_type), COLUMN (TEXT, ward), COLUMN (DOUBLE, position),
};
#undef COLUMN
static const TandemDbShape team_shape = TANDEM_DB_SHAPE (TandemTeam, tandem_team_free, team_columns);

static gboolean
team_exists (TandemProject  *project,
             const char     *team_id,
             GError        **error)
{
  return _tandem_db_still_there (project, "team", team_id, TEAM_GONE, error);
}

/* What a field's new value is, checked as the field needs; @field is one of
 * the team's details. */
static gboolean
clean_field (const char  *field,
             const char  *value,
             char       **clean,
             GError     **error)
{
  if (g_strcmp0 (field, "name") == 0)
    return (*clean = clean_name (value, error)) != NULL;
  if (g_strcmp0 (field, "organisation") == 0 || g_strcmp0 (field, "service_type") == 0 ||
      g_strcmp0 (field, "ward") == 0)
    {
      *clean = clean_detail (value);
      return TRUE;
    }
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               "a team has no detail called “%s”", field ? field : "");
  return FALSE;
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "name"))
    return _("Rename team");
  if (g_str_equal (field, "organisation"))
    return _("Change the team’s organisation");
  if (g_str_equal (field, "service_type"))
    return _("Change the team’s service type");
  return _("Change the team’s ward");
}

static gboolean
set_field (TandemProject  *project,
           const char     *team_id,
           const char     *field,
           gboolean        check,
           const char     *shown,
           const char     *value,
           GError        **error)
{
  g_autofree char *clean = NULL;

  if (!clean_field (field, value, &clean, error) || !team_exists (project, team_id, error))
    return FALSE;
  if (!tandem_project_begin (project, field_label (field), error))
    return FALSE;
  return tandem_project_finish_update (project, "team", team_id, field, check, shown,
                                       tandem_value_text (clean), error);
}

/**
 * tandem_team_free:
 * @team: (nullable): a team
 *
 * Frees @team.
 */
void
tandem_team_free (TandemTeam *team)
{
  _tandem_db_free_row (&team_shape, team);
}

/**
 * tandem_team_list:
 * @project: a project
 * @error: return location for an error
 *
 * The project's teams, in the order the team selector shows them.
 *
 * Returns: (transfer full) (element-type TandemTeam) (nullable): the teams,
 *   or %NULL if they could not be read
 */
GPtrArray *
tandem_team_list (TandemProject  *project,
                  GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  return _tandem_db_list (project, error, &team_shape,
                          "SELECT " TEAM_COLUMNS " FROM team ORDER BY position, id", "");
}

/**
 * tandem_team_get:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Reads one team, as an editor shows it.
 *
 * Returns: (transfer full) (nullable): the team, or %NULL with @error set
 *   when it is not in the project (any more) or could not be read
 */
TandemTeam *
tandem_team_get (TandemProject  *project,
                 const char     *team_id,
                 GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL, NULL);

  return _tandem_db_get (project, error, &team_shape, TEAM_GONE,
                         "SELECT " TEAM_COLUMNS " FROM team WHERE id = ?1", "s", team_id);
}

/**
 * tandem_team_find:
 * @project: a project
 * @name: a team's name, exactly as it is written
 *
 * Finds a team by its name, as the command line names one. Two teams may
 * share a name; the first in the team selector's order is found.
 *
 * Returns: (transfer full) (nullable): the team's id, or %NULL if no team
 *   has that name (or the teams could not be read)
 */
char *
tandem_team_find (TandemProject *project,
                  const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (name == NULL)
    return NULL;
  if (!_tandem_db_query_text (project, &error, &id, NULL,
                              "SELECT id FROM team WHERE name = ?1 ORDER BY position, id LIMIT 1",
                              "s", name))
    /* No error in this call's API: the log says why no team was found. */
    g_warning ("Could not look for team “%s”: %s", name, error->message);
  return id;
}

/**
 * tandem_team_create:
 * @project: a project
 * @name: the team's name
 * @organisation: (nullable): the trust or organisation it belongs to
 * @service_type: (nullable): the kind of service (see
 *   tandem_defaults_service_types(); other words are kept as typed)
 * @ward: (nullable): its ward or base
 * @error: return location for an error
 *
 * Adds a team after the others, as one undoable change (“Add team”).
 * Leading and trailing space is dropped, and an empty detail is kept as not
 * said. An empty name, or one over 200 characters, is refused with
 * %TANDEM_PROJECT_ERROR_INVALID and a message for the person.
 *
 * Returns: (transfer full) (nullable): the new team's id, or %NULL with
 *   @error set
 */
char *
tandem_team_create (TandemProject  *project,
                    const char     *name,
                    const char     *organisation,
                    const char     *service_type,
                    const char     *ward,
                    GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *clean_organisation = clean_detail (organisation);
  g_autofree char *clean_service = clean_detail (service_type);
  g_autofree char *clean_ward = clean_detail (ward);
  g_autoptr(GPtrArray) teams = NULL;
  double position = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if ((clean = clean_name (name, error)) == NULL ||
      (teams = tandem_team_list (project, error)) == NULL)
    return NULL;
  if (teams->len > 0)
    position = ((TandemTeam *) teams->pdata[teams->len - 1])->position + 1;
  {
    TandemField fields[] = {
      { "name", tandem_value_text (clean) },
      { "organisation", tandem_value_text (clean_organisation) },
      { "service_type", tandem_value_text (clean_service) },
      { "ward", tandem_value_text (clean_ward) },
      { "position", tandem_value_double (position) },
    };

    return tandem_project_insert (project, "team", fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_team_set_field:
 * @project: a project
 * @team_id: a team
 * @field: one of “name”, “organisation”, “service_type”, “ward”
 * @shown: (nullable): the value the editor showed (%NULL for empty), or
 *   %TANDEM_UNCHECKED
 * @value: (nullable): the new value; %NULL or empty clears it (a name
 *   cannot be cleared, and is checked as for tandem_team_create())
 * @error: return location for an error
 *
 * Changes one of a team's details, as one undoable change labelled with
 * what changed (“Rename team” for the name). Checked against @shown as
 * %TANDEM_UNCHECKED describes: if someone else changed the detail
 * meanwhile, theirs stays, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_team_set_field (TandemProject  *project,
                       const char     *team_id,
                       const char     *field,
                       const char     *shown,
                       const char     *value,
                       GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return set_field (project, team_id, field, shown != TANDEM_UNCHECKED, shown, value, error);
}

/**
 * tandem_team_edit:
 * @project: a project
 * @shown: the team as the editor showed it
 * @edited: the same team's details as the person left them (its id and
 *   position are not used)
 * @error: return location for an error
 *
 * Saves a team's editor as one undoable change (“Edit team”): only the
 * details the person changed from @shown are written, so a detail someone
 * else changed meanwhile and the person left alone stays theirs. A detail
 * both changed keeps theirs, both are kept as a conflict for a person to
 * choose, the rest is saved, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT. An empty or over-long name is refused
 * with %TANDEM_PROJECT_ERROR_INVALID and nothing is changed.
 *
 * Returns: %TRUE if all of it is saved
 */
gboolean
tandem_team_edit (TandemProject     *project,
                  const TandemTeam  *shown,
                  const TandemTeam  *edited,
                  GError           **error)
{
  const char *fields[] = { "name", "organisation", "service_type", "ward" };
  const char *before[G_N_ELEMENTS (fields)];
  const char *after[G_N_ELEMENTS (fields)];
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  TandemFieldEdit edits[G_N_ELEMENTS (fields)];
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  GError *conflict = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (shown != NULL && edited != NULL, FALSE);

  before[0] = shown->name, after[0] = edited->name;
  before[1] = shown->organisation, after[1] = edited->organisation;
  before[2] = shown->service_type, after[2] = edited->service_type;
  before[3] = shown->ward, after[3] = edited->ward;
  if (!_tandem_field_edits_prepare (edits, fields, before, after, G_N_ELEMENTS (fields), clean_field,
                                    values, error))
    return FALSE;
  if (!team_exists (project, shown->id, error) ||
      !tandem_change_begin (&change, project, _("Edit team"), error))
    return FALSE;
  ok = tandem_project_update_fields (project, "team", shown->id, edits, G_N_ELEMENTS (edits),
                                     &conflict, error);
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

/**
 * tandem_team_delete:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Deletes a team and all its work (diagrams, measures, coaching sessions,
 * people, peer-support records) as one undoable change (“Delete team”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_team_delete (TandemProject  *project,
                    const char     *team_id,
                    GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  return team_exists (project, team_id, error) &&
         _tandem_db_delete (project, "team", team_id, _("Delete team"), error);
}
