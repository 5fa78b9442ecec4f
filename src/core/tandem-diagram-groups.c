/* tandem-diagram-groups.c — groups of primary drivers, and the project's
 * equity tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction per change, labelled in the person's words, as every
 * change in tandem-diagram-edit.c.
 */

#define G_LOG_DOMAIN "Tandem-Diagram"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-diagram-edit-private.h"

/* ------------------------------------------------------------------------ */
/* Groups of primary drivers, and equity tags                               */

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0' || g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give it a name of up to 200 characters."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
valid_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

/**
 * tandem_diagram_add_group:
 * @project: a project
 * @diagram_id: a diagram
 * @name: the group's name (“Systemic lens”)
 * @colour: (nullable): “#rrggbb”, or %NULL for the next of Tandem's colours
 * @error: return location for an error
 *
 * Adds a group for primary drivers to a diagram (“Add group”).
 *
 * Returns: (transfer full) (nullable): the new group's id
 */
char *
tandem_diagram_add_group (TandemProject  *project,
                          const char     *diagram_id,
                          const char     *name,
                          const char     *colour,
                          GError        **error)
{
  g_autofree char *clean = NULL;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if ((clean = clean_name (name, error)) == NULL)
    return NULL;
  if (colour && !valid_colour (colour))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           "a colour is written #rrggbb");
      return NULL;
    }
  if (!tandem_project_exists (project, "diagram", diagram_id))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This diagram no longer exists: someone may have deleted it."));
      return NULL;
    }
  if (!next_position (project, "SELECT max(position) FROM node_group WHERE diagram_id = ?1",
                      diagram_id, &position, error))
    return NULL;
  {
    TandemField fields[] = {
      { "diagram_id", TEXT (diagram_id) },
      { "name", TEXT (clean) },
      { "colour", TEXT (colour) },
      { "position", tandem_value_double (position) },
    };

    return insert_one (project, _("Add group"), "node_group", fields, G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_diagram_set_group_field:
 * @project: a project
 * @group_id: a group of primary drivers
 * @field: “name” or “colour”
 * @value: the new name, or colour (“#rrggbb”; %NULL for Tandem's own)
 * @error: return location for an error
 *
 * Renames or recolours a group (“Rename group”, “Change group colour”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_group_field (TandemProject  *project,
                                const char     *group_id,
                                const char     *field,
                                const char     *value,
                                GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean name = g_strcmp0 (field, "name") == 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!name && g_strcmp0 (field, "colour") != 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a group has no detail called “%s”", field ? field : "");
      return FALSE;
    }
  if (!tandem_project_exists (project, "node_group", group_id))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This group no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if (name && (clean = clean_name (value, error)) == NULL)
    return FALSE;
  if (!name && value && *value && !valid_colour (value))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           "a colour is written #rrggbb");
      return FALSE;
    }
  return change_field (project, name ? _("Rename group") : _("Change group colour"), "node_group",
                       group_id, field, FALSE, NULL,
                       TEXT (name ? clean : (value && *value ? value : NULL)), error);
}

/**
 * tandem_diagram_count_group_uses:
 * @project: a project
 * @group_id: a group
 *
 * Returns: how many primary drivers are in the group
 */
guint
tandem_diagram_count_group_uses (TandemProject *project,
                                 const char    *group_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);
  return (guint) MAX (0, tandem_project_count (project, "node", "group_id", group_id));
}

/**
 * tandem_diagram_delete_group:
 * @project: a project
 * @group_id: a group
 * @error: return location for an error
 *
 * Deletes a group; its primary drivers stay, in no group. One undo brings
 * the group back with its drivers in it.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_delete_group (TandemProject  *project,
                             const char     *group_id,
                             GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return _tandem_db_delete (project, "node_group", group_id, _("Delete group"), error);
}

static gboolean
tag_name_taken (TandemProject  *project,
                const char     *name,
                const char     *except_id,
                GError        **error)
{
  gboolean found = FALSE;
  gint64 one;

  if (!_tandem_db_query_int (project, error, &one, &found,
                             "SELECT 1 FROM equity_tag WHERE lower (name) = lower (?1) AND id IS NOT ?2",
                             "ss", name, except_id ? except_id : ""))
    return TRUE;
  if (found)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("There is already an equity focus called “%s”."), name);
  return found;
}

/**
 * tandem_equity_tag_add:
 * @project: a project
 * @name: the equity focus (“Care leavers”)
 * @error: return location for an error
 *
 * Adds an equity-focus tag to the project's list, after the others; a name
 * already in the list is refused.
 *
 * Returns: (transfer full) (nullable): the new tag's id
 */
char *
tandem_equity_tag_add (TandemProject  *project,
                       const char     *name,
                       GError        **error)
{
  g_autofree char *clean = NULL;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if ((clean = clean_name (name, error)) == NULL || tag_name_taken (project, clean, NULL, error) ||
      !next_position (project, "SELECT max(position) FROM equity_tag WHERE ?1 IS NOT NULL", "",
                      &position, error))
    return NULL;
  {
    TandemField fields[] = {
      { "name", TEXT (clean) },
      { "position", tandem_value_double (position) },
    };

    return insert_one (project, _("Add equity tag to the list"), "equity_tag", fields,
                       G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_equity_tag_rename:
 * @project: a project
 * @tag_id: an equity tag
 * @name: its new name
 * @error: return location for an error
 *
 * Renames an equity tag everywhere it is used.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_equity_tag_rename (TandemProject  *project,
                          const char     *tag_id,
                          const char     *name,
                          GError        **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!tandem_project_exists (project, "equity_tag", tag_id))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This equity tag no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if ((clean = clean_name (name, error)) == NULL || tag_name_taken (project, clean, tag_id, error))
    return FALSE;
  return change_field (project, _("Rename equity tag"), "equity_tag", tag_id, "name", FALSE, NULL,
                       TEXT (clean), error);
}

/**
 * tandem_equity_tag_count_uses:
 * @project: a project
 * @tag_id: an equity tag
 *
 * Returns: how many items (in every diagram of the project) carry the tag
 */
guint
tandem_equity_tag_count_uses (TandemProject *project,
                              const char    *tag_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);
  return (guint) MAX (0, tandem_project_count (project, "node_tag", "tag_id", tag_id));
}

/**
 * tandem_equity_tag_delete:
 * @project: a project
 * @tag_id: an equity tag
 * @error: return location for an error
 *
 * Removes an equity tag from the list and from every item that carries it
 * (ask first: see tandem_equity_tag_count_uses()). One undo puts it back on
 * all of them.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_equity_tag_delete (TandemProject  *project,
                          const char     *tag_id,
                          GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return _tandem_db_delete (project, "equity_tag", tag_id, _("Remove equity tag from the list"),
                            error);
}
