/* tandem-diagram-edit.c — changing a driver diagram, one undoable step at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function here is one transaction with a label in the person's words
 * ("Add change idea"), so each shows in the history and is undone in one go.
 * Writes go through tandem_project_insert/update/delete only; reads that
 * decide what to write use the project's own connection.
 */

#define G_LOG_DOMAIN "Tandem-Diagram"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-diagram-edit-private.h"
#include "tandem-field-label-private.h"

static char *
insert_node (TandemProject  *project,
             const char     *diagram_id,
             TandemNodeKind  kind,
             const char     *title,
             const char     *group_id,
             GError        **error)
{
  double position;

  if (!next_position (project, "SELECT max(position) FROM node WHERE diagram_id = ?1", diagram_id,
                      &position, error))
    return NULL;
  {
    TandemField fields[] = {
      { "diagram_id", TEXT (diagram_id) },
      { "kind", TEXT (tandem_node_kind_to_string (kind)) },
      { "title", TEXT (title) },
      { "position", tandem_value_double (position) },
      { "status", TEXT (kind == TANDEM_NODE_CHANGE_IDEA ? "idea" : NULL) },
      { "group_id", TEXT (group_id) },
    };

    return tandem_project_insert (project, "node", fields, G_N_ELEMENTS (fields), error);
  }
}

/* Titles are trimmed; an empty one is refused (the box would say nothing). */
static char *
clean_title (const char  *title,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Type some words for the item first."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > 2000)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("That is too long for one item: keep it under 2,000 characters "
                             "and put the rest in the description."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* ------------------------------------------------------------------------ */
/* Templates                                                                */

static const char mha_aim[] =
  N_("Improve the equity of experience for people from ethnically diverse backgrounds and "
     "people with a learning disability & autistic people when detained under the Mental "
     "Health Act in hospitals across England, including improving the cultural "
     "appropriateness of care they receive.");

static const char * const mha_lenses[2] = {
  N_("Individual patient and carer lens"),
  N_("Systemic lens"),
};

static const char * const mha_lens_colours[2] = { "#1c71d8", "#26a269" };

static const char * const mha_primaries[4] = {
  N_("Patients and their carers are empowered to share their individual experiences and "
     "diverse needs with staff on the ward"),
  N_("Patients, their carers, and lived experience practitioners work in partnership with "
     "staff to deliver support that meets people's individual and diverse needs"),
  N_("Staff work alongside patients and lived experience practitioners to explore and "
     "understand the barriers that compromise equity in the settings they work in"),
  N_("Patients & carers, staff and lived experience practitioners adopt a shared discourse "
     "and co-produced set of relational practices that empower them to proactively "
     "challenge discriminatory practice, and promote equitable system change"),
};

static const char culture_aim[] =
  N_("Everyone on our ward experiences care that meets the twelve Culture of Care standards, "
     "as judged by patients, carers and staff together");

static const char * const culture_standards[12] = {
  N_("Lived Experience"), N_("Safety"), N_("Relationships"), N_("Staff Support"),
  N_("Equality"), N_("Avoiding Harm"), N_("Needs Led"), N_("Choice"), N_("Environment"),
  N_("Things To Do"), N_("Therapeutic Support"), N_("Transparency"),
};

static gboolean
fill_template (TandemProject          *project,
               const char             *diagram_id,
               TandemDiagramTemplate   template_,
               GError                **error)
{
  g_autofree char *aim = NULL;
  char *groups[2] = { NULL, NULL };
  gboolean ok = TRUE;

  switch (template_)
    {
    case TANDEM_DIAGRAM_TEMPLATE_BLANK:
      {
        TandemField fields[] = {
          { "diagram_id", TEXT (diagram_id) },
          { "kind", TEXT ("aim") },
          { "title", TEXT ("") },
        };
        aim = tandem_project_insert (project, "node", fields, G_N_ELEMENTS (fields), error);
        return aim != NULL;
      }

    case TANDEM_DIAGRAM_TEMPLATE_MHA:
      for (guint i = 0; ok && i < 2; i++)
        {
          TandemField fields[] = {
            { "diagram_id", TEXT (diagram_id) },
            { "name", TEXT (_(mha_lenses[i])) },
            { "colour", TEXT (mha_lens_colours[i]) },
            { "position", tandem_value_double (i) },
          };
          groups[i] = tandem_project_insert (project, "node_group", fields,
                                             G_N_ELEMENTS (fields), error);
          ok = groups[i] != NULL;
        }
      if (ok)
        ok = (aim = insert_node (project, diagram_id, TANDEM_NODE_AIM, _(mha_aim), NULL, error)) != NULL;
      for (guint i = 0; ok && i < 4; i++)
        {
          g_autofree char *primary = insert_node (project, diagram_id, TANDEM_NODE_PRIMARY,
                                                  _(mha_primaries[i]), groups[i / 2], error);
          g_autofree char *link = NULL;

          ok = primary != NULL &&
               (link = insert_link (project, diagram_id, aim, primary, i, error)) != NULL;
        }
      g_free (groups[0]);
      g_free (groups[1]);
      return ok;

    case TANDEM_DIAGRAM_TEMPLATE_CULTURE_OF_CARE:
      ok = (aim = insert_node (project, diagram_id, TANDEM_NODE_AIM, _(culture_aim), NULL, error)) != NULL;
      for (guint i = 0; ok && i < G_N_ELEMENTS (culture_standards); i++)
        {
          g_autofree char *primary = insert_node (project, diagram_id, TANDEM_NODE_PRIMARY,
                                                  _(culture_standards[i]), NULL, error);
          g_autofree char *link = NULL;

          ok = primary != NULL &&
               (link = insert_link (project, diagram_id, aim, primary, i, error)) != NULL;
        }
      return ok;

    default:
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           "unknown diagram template");
      return FALSE;
    }
}

/**
 * tandem_diagram_create:
 * @project: a project
 * @team_id: the team whose diagram it is
 * @name: its name
 * @template_: what it starts with: a blank aim; the Mental Health Act QI
 *   programme's aim and four primary drivers in its two lenses; or an aim with
 *   the twelve Culture of Care standards as primary drivers
 * @error: return location for an error
 *
 * Adds a driver diagram to a team, as one change (“New driver diagram”).
 *
 * Returns: (transfer full) (nullable): the new diagram's id
 */
char *
tandem_diagram_create (TandemProject          *project,
                       const char             *team_id,
                       const char             *name,
                       TandemDiagramTemplate   template_,
                       GError                **error)
{
  static const char * const template_names[] = { "blank", "mha", "culture-of-care" };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (template_ < TANDEM_N_DIAGRAM_TEMPLATES, NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0' || g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the diagram a name of up to 200 characters."));
      return NULL;
    }
  if (!tandem_change_begin (&change, project, _("New driver diagram"), error) ||
      !next_position (project, "SELECT max(position) FROM diagram WHERE team_id = ?1", team_id,
                      &position, error))
    return NULL;
  {
    TandemField fields[] = {
      { "team_id", TEXT (team_id) },
      { "name", TEXT (clean) },
      { "template", TEXT (template_names[template_]) },
      { "position", tandem_value_double (position) },
    };
    id = tandem_project_insert (project, "diagram", fields, G_N_ELEMENTS (fields), error);
  }
  if (id == NULL || !fill_template (project, id, template_, error) ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------ */
/* Adding                                                                   */

static char *
add_child_in_txn (TandemProject  *project,
                  const char     *parent_id,
                  TandemNodeKind  parent_kind,
                  const char     *diagram_id,
                  const char     *title,
                  GError        **error)
{
  g_autofree char *node = NULL;
  g_autofree char *link = NULL;
  g_autofree char *collapsed = NULL;
  double position;

  node = insert_node (project, diagram_id, parent_kind + 1, title, NULL, error);
  if (node == NULL ||
      !next_position (project, "SELECT max(position) FROM node_link WHERE parent_id = ?1",
                      parent_id, &position, error) ||
      (link = insert_link (project, diagram_id, parent_id, node, position, error)) == NULL)
    return NULL;
  /* A new item under a folded branch unfolds it: the person must see it. */
  collapsed = tandem_project_get_text (project, "node", parent_id, "collapsed");
  if (g_strcmp0 (collapsed, "0") != 0 &&
      !tandem_project_update (project, "node", parent_id, "collapsed", tandem_value_int (0), error))
    return NULL;
  return g_steal_pointer (&node);
}

/**
 * tandem_diagram_add_child:
 * @project: a project
 * @parent_id: the node to add to: an aim, a primary or a secondary driver
 * @title: the new node's words
 * @error: return location for an error
 *
 * Adds a node in the next column to the right (a primary driver under an
 * aim, a change idea under a secondary driver…), linked after the parent's
 * other children. A folded parent is unfolded.
 *
 * Returns: (transfer full) (nullable): the new node's id
 */
char *
tandem_diagram_add_child (TandemProject  *project,
                          const char     *parent_id,
                          const char     *title,
                          GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *diagram_id = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!node_info (project, parent_id, &kind, &diagram_id, error) ||
      (clean = clean_title (title, error)) == NULL)
    return NULL;
  if (kind == TANDEM_NODE_CHANGE_IDEA)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Change ideas are the last column: nothing goes to the right of "
                             "them. Add a PDSA cycle in the details instead."));
      return NULL;
    }
  label = label_for (_("Add %s"), kind + 1);
  if (!tandem_change_begin (&change, project, label, error) ||
      (id = add_child_in_txn (project, parent_id, kind, diagram_id, clean, error)) == NULL ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_diagram_add_sibling:
 * @project: a project
 * @node_id: the node to add beside
 * @parent_id: (nullable): which of its parents to add under (a shared node
 *   has several); %NULL for its first
 * @title: the new node's words
 * @error: return location for an error
 *
 * Adds a node in the same column, just after @node_id under the same parent.
 * A primary driver's sibling joins its group. On an aim (a diagram has one),
 * this adds a primary driver instead, as mind-map apps do on their root.
 *
 * Returns: (transfer full) (nullable): the new node's id
 */
char *
tandem_diagram_add_sibling (TandemProject  *project,
                            const char     *node_id,
                            const char     *parent_id,
                            const char     *title,
                            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *diagram_id = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *label = NULL;
  g_autofree char *group = NULL;
  g_autofree char *id = NULL;
  g_autofree char *link_id = NULL;
  g_autoptr(GArray) parents = NULL;
  g_autoptr(GArray) siblings = NULL;
  const char *parent = NULL;
  double position = 0;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!node_info (project, node_id, &kind, &diagram_id, error))
    return NULL;
  if (kind == TANDEM_NODE_AIM)
    return tandem_diagram_add_child (project, node_id, title, error);
  if ((clean = clean_title (title, error)) == NULL ||
      (parents = links_to (project, node_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < parents->len; i++)
    if (parent_id == NULL || g_str_equal (g_array_index (parents, Link, i).parent_id, parent_id))
      {
        parent = g_array_index (parents, Link, i).parent_id;
        break;
      }

  if (parent != NULL)
    {
      if ((siblings = links_from (project, parent, error)) == NULL)
        return NULL;
      for (guint i = 0; i < siblings->len; i++)
        if (g_str_equal (g_array_index (siblings, Link, i).child_id, node_id))
          {
            double here = g_array_index (siblings, Link, i).position;
            position = i + 1 < siblings->len
                       ? (here + g_array_index (siblings, Link, i + 1).position) / 2
                       : here + 1;
            /* Positions that ran out of room between them: fall back to the end. */
            if (position == here)
              position = g_array_index (siblings, Link, siblings->len - 1).position + 1;
            break;
          }
    }

  group = tandem_project_get_text (project, "node", node_id, "group_id");
  label = label_for (_("Add %s"), kind);
  if (!tandem_change_begin (&change, project, label, error) ||
      (id = insert_node (project, diagram_id, kind, clean, group, error)) == NULL ||
      (parent != NULL &&
       (link_id = insert_link (project, diagram_id, parent, id, position, error)) == NULL) ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------ */
/* Changing                                                                 */

/**
 * tandem_diagram_set_title:
 * @project: a project
 * @node_id: a node
 * @shown: (nullable): the words the editor started from, or
 *   %TANDEM_UNCHECKED
 * @title: its new words
 * @error: return location for an error
 *
 * Changes what a node says (“Edit change idea”). Leading and trailing space
 * is dropped; empty words are refused. Checked against @shown as
 * %TANDEM_UNCHECKED describes: if someone else changed the words meanwhile,
 * theirs stay, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_title (TandemProject  *project,
                          const char     *node_id,
                          const char     *shown,
                          const char     *title,
                          GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *label = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!node_info (project, node_id, &kind, NULL, error) ||
      (clean = clean_title (title, error)) == NULL)
    return FALSE;
  label = label_for (_("Edit %s"), kind);
  return change_field (project, label, "node", node_id, "title", shown != TANDEM_UNCHECKED, shown,
                       TEXT (clean), error);
}

static gboolean
set_field (TandemProject  *project,
           const char     *node_id,
           const char     *field,
           gboolean        check,
           const char     *shown,
           const char     *value,
           GError        **error)
{
  static const TandemFieldLabel fields[] = {
    { "description", N_("Change description") },
    { "status", N_("Change status") },
    { "coproduction_level", N_("Change co-production level") },
    { "proposed_by", N_("Change who proposed it") },
    { "group_id", N_("Change group") },
    { "aim_what", N_("Change what the aim is") },
    { "aim_who", N_("Change who the aim is for") },
    { "aim_how_much", N_("Change how much") },
    { "aim_by_when", N_("Change by when") },
  };
  const char *label = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  label = _tandem_field_label (fields, G_N_ELEMENTS (fields), field,
                               "a driver diagram item has no detail", error);
  if (label == NULL)
    return FALSE;
  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  if (value != NULL && *value == '\0')
    value = NULL;
  return change_field (project, label, "node", node_id, field, check, shown, TEXT (value), error);
}

/**
 * tandem_diagram_set_field:
 * @project: a project
 * @node_id: a node
 * @field: one of “description”, “status”, “coproduction_level”,
 *   “proposed_by”, “group_id”, “aim_what”, “aim_who”, “aim_how_much”,
 *   “aim_by_when”
 * @shown: (nullable): the value the editor showed (%NULL for empty), or
 *   %TANDEM_UNCHECKED
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * Changes one of a node's details, as one undoable change labelled with
 * what changed (“Change status”). The file's own rules refuse a status or
 * co-production level that is not one of Tandem's. Checked against @shown
 * as %TANDEM_UNCHECKED describes: if someone else changed the detail
 * meanwhile, theirs stays, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_field (TandemProject  *project,
                          const char     *node_id,
                          const char     *field,
                          const char     *shown,
                          const char     *value,
                          GError        **error)
{
  return set_field (project, node_id, field, shown != TANDEM_UNCHECKED, shown, value, error);
}

/**
 * tandem_diagram_set_collapsed:
 * @project: a project
 * @node_id: a node
 * @collapsed: whether its branch is folded away
 * @error: return location for an error
 *
 * Folds or unfolds a branch. It is kept in the file, so the diagram opens
 * (and prints) as the team left it, and it can be undone like any change.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_collapsed (TandemProject  *project,
                              const char     *node_id,
                              gboolean        collapsed,
                              GError        **error)
{
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  return change_field (project, collapsed ? _("Fold branch") : _("Unfold branch"), "node", node_id,
                       "collapsed", FALSE, NULL, tandem_value_int (collapsed ? 1 : 0), error);
}

/* Adds or removes the row of @table that pairs @node_id with @other_id. */
static gboolean
set_pair (TandemProject  *project,
          const char     *table,
          const char     *node_id,
          const char     *other_field,
          const char     *other_id,
          gboolean        on,
          const char     *label,
          GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE node_id = ?1 AND %s = ?2",
                                          table, other_field);
  g_autofree char *existing = NULL;
  TandemNodeKind kind;

  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  if (other_id == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This item no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if (!_tandem_db_query_text (project, error, &existing, NULL, sql, "ss", node_id, other_id))
    return FALSE;
  if ((existing != NULL) == on)
    return TRUE;
  if (on)
    {
      TandemField fields[] = { { "node_id", TEXT (node_id) }, { other_field, TEXT (other_id) } };
      g_autofree char *id = insert_one (project, label, table, fields, G_N_ELEMENTS (fields), error);

      return id != NULL;
    }
  return _tandem_db_delete (project, table, existing, label, error);
}

/**
 * tandem_diagram_set_tag:
 * @project: a project
 * @node_id: a node (usually a change idea)
 * @tag_id: an equity tag of the project
 * @on: whether the node carries the tag
 * @error: return location for an error
 *
 * Tags a node with an equity focus, or takes the tag off. Doing what is
 * already done changes nothing and succeeds.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_tag (TandemProject  *project,
                        const char     *node_id,
                        const char     *tag_id,
                        gboolean        on,
                        GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return set_pair (project, "node_tag", node_id, "tag_id", tag_id, on,
                   on ? _("Add equity tag") : _("Remove equity tag"), error);
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */

/**
 * tandem_diagram_delete_node:
 * @project: a project
 * @node_id: a node
 * @n_deleted: (out) (optional): how many nodes went, @node_id included
 * @error: return location for an error
 *
 * Deletes a node and everything under it that has no other parent: a change
 * idea that also serves another secondary driver stays, linked to that one.
 * Links, tags, PDSA cycles and measure links of what is deleted go too. It is
 * one change, so one undo brings all of it back.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_delete_node (TandemProject  *project,
                            const char     *node_id,
                            guint          *n_deleted,
                            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GHashTable) doomed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TandemNodeKind kind;
  gboolean grew = TRUE;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (n_deleted)
    *n_deleted = 0;
  if (!node_info (project, node_id, &kind, &diagram_id, error))
    return FALSE;
  links = list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                               "WHERE diagram_id = ?1", diagram_id, error);
  if (links == NULL)
    return FALSE;

  g_hash_table_add (doomed, g_strdup (node_id));
  /* Grow the set: a child goes when every one of its parents goes. */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < links->len; i++)
        {
          const char *child = g_array_index (links, Link, i).child_id;
          gboolean orphaned = TRUE;

          if (g_hash_table_contains (doomed, child) ||
              !g_hash_table_contains (doomed, g_array_index (links, Link, i).parent_id))
            continue;
          for (guint j = 0; j < links->len && orphaned; j++)
            if (g_str_equal (g_array_index (links, Link, j).child_id, child) &&
                !g_hash_table_contains (doomed, g_array_index (links, Link, j).parent_id))
              orphaned = FALSE;
          if (orphaned)
            {
              g_hash_table_add (doomed, g_strdup (child));
              grew = TRUE;
            }
        }
    }

  if (g_hash_table_size (doomed) > 1)
    label = g_strdup_printf (ngettext ("Delete %s and %u item under it",
                                       "Delete %s and %u items under it",
                                       g_hash_table_size (doomed) - 1),
                             tandem_node_kind_label (kind), g_hash_table_size (doomed) - 1);
  else
    label = label_for (_("Delete %s"), kind);

  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, doomed);
    while (ok && g_hash_table_iter_next (&iter, &key, NULL))
      ok = tandem_project_delete (project, "node", key, error);
  }
  if (!ok || !tandem_change_commit (&change, error))
    return FALSE;
  if (n_deleted)
    *n_deleted = g_hash_table_size (doomed);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Pasting an indented list                                                 */

static void
outline_line_clear (gpointer data)
{
  g_free (((TandemOutlineLine *) data)->title);
}

/* Drops a list marker: "-", "*", "•", "+", "–", "1.", "2)", "a)". */
static const char *
skip_marker (const char *text)
{
  const char *p = text;

  if (g_str_has_prefix (p, "•") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    p = g_utf8_next_char (p);
  else if (*p == '-' || *p == '*' || *p == '+')
    p++;
  else
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (q == p && g_ascii_isalpha (*q) && (q[1] == ')' || q[1] == '.') && q[2] == ' ')
        q++;
      if (q > p && (*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
        p = q + 1;
    }
  if (p != text && *p != ' ' && *p != '\t' && *p != '\0')
    return text;    /* "-5 beds" or "*important*": words, not a marker */
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/**
 * tandem_outline_parse:
 * @text: lines of text, indented with spaces or tabs (a tab counts as four
 *   spaces), optionally with list markers (“-”, “*”, “•”, “1.”)
 *
 * Reads a list typed up from a flip chart: each non-empty line is an item;
 * a line indented more than the one before it is that line's child; a line
 * indented less goes back to the item above at the same or a smaller indent.
 * List markers and surrounding space are dropped.
 *
 * Returns: (transfer full) (element-type TandemOutlineLine): the items, in order
 */
GArray *
tandem_outline_parse (const char *text)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (TandemOutlineLine));
  g_autoptr(GArray) indents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) raw = g_strsplit (text ? text : "", "\n", -1);

  g_array_set_clear_func (lines, outline_line_clear);
  for (guint i = 0; raw[i]; i++)
    {
      TandemOutlineLine line;
      const char *p = raw[i];
      guint indent = 0;
      char *title;

      for (; *p == ' ' || *p == '\t'; p++)
        indent += *p == '\t' ? 4 - indent % 4 : 1;
      title = g_strstrip (g_strdup (skip_marker (p)));
      if (*title == '\0' || !g_utf8_validate (title, -1, NULL))
        {
          g_free (title);
          continue;
        }

      while (indents->len > 0 && g_array_index (indents, guint, indents->len - 1) > indent)
        g_array_set_size (indents, indents->len - 1);
      if (indents->len == 0 || g_array_index (indents, guint, indents->len - 1) < indent)
        g_array_append_val (indents, indent);

      line.depth = indents->len - 1;
      line.title = title;
      g_array_append_val (lines, line);
    }
  return lines;
}

/**
 * tandem_diagram_paste_outline:
 * @project: a project
 * @parent_id: the node the list goes under: its top lines become its
 *   children, their indented lines the next column, and so on
 * @text: the list (see tandem_outline_parse())
 * @error: return location for an error
 *
 * Creates many nodes at once from an indented list, as one change (“Paste
 * 12 items”). Lines indented past the last column (change ideas) become
 * change ideas of the nearest secondary driver above them.
 *
 * Returns: how many nodes were made; 0 with @error set on failure
 */
guint
tandem_diagram_paste_outline (TandemProject  *project,
                              const char     *parent_id,
                              const char     *text,
                              GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(GArray) lines = tandem_outline_parse (text);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);   /* ids by depth */
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  TandemNodeKind kind;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);
  if (!node_info (project, parent_id, &kind, &diagram_id, error))
    return 0;
  if (lines->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("There is no text to paste: copy a list first, one item a line."));
      return 0;
    }
  if (kind == TANDEM_NODE_CHANGE_IDEA)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Change ideas are the last column: select the secondary driver "
                             "(or the aim) the list belongs under, then paste."));
      return 0;
    }

  label = g_strdup_printf (ngettext ("Paste %u item", "Paste %u items", lines->len), lines->len);
  if (!tandem_change_begin (&change, project, label, error))
    return 0;
  g_ptr_array_add (stack, g_strdup (parent_id));
  for (guint i = 0; ok && i < lines->len; i++)
    {
      TandemOutlineLine *line = &g_array_index (lines, TandemOutlineLine, i);
      guint max_depth = TANDEM_NODE_CHANGE_IDEA - kind - 1;
      guint depth = MIN (line->depth, max_depth);
      g_autofree char *clean = g_utf8_strlen (line->title, -1) > 2000
                               ? g_utf8_substring (line->title, 0, 2000) : g_strdup (line->title);
      char *id;

      /* A line can go at most one level below the line above it. */
      depth = MIN (depth, stack->len - 1);
      g_ptr_array_set_size (stack, depth + 1);
      id = add_child_in_txn (project, stack->pdata[depth], kind + depth, diagram_id, clean, error);
      ok = id != NULL;
      if (ok)
        g_ptr_array_add (stack, id);
    }
  if (!ok || !tandem_change_commit (&change, error))
    return 0;
  return lines->len;
}

/* ------------------------------------------------------------------------ */
/* Co-producers, linked measures, PDSA cycles                               */

/**
 * tandem_diagram_set_coproducer:
 * @project: a project
 * @node_id: a change idea
 * @person_id: one of the team's people
 * @on: whether they co-produced it
 * @error: return location for an error
 *
 * Credits a person with co-producing a change idea, or takes the credit
 * off. Doing what is already done changes nothing and succeeds.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_coproducer (TandemProject  *project,
                               const char     *node_id,
                               const char     *person_id,
                               gboolean        on,
                               GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return set_pair (project, "node_coproducer", node_id, "person_id", person_id, on,
                   on ? _("Add co-producer") : _("Remove co-producer"), error);
}

/**
 * tandem_diagram_set_measure_link:
 * @project: a project
 * @node_id: a node
 * @measure_id: one of the team's measures
 * @on: whether the measure tracks the node
 * @error: return location for an error
 *
 * Links a measure to a node (the change idea or driver it shows the effect
 * of), or removes the link.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_measure_link (TandemProject  *project,
                                 const char     *node_id,
                                 const char     *measure_id,
                                 gboolean        on,
                                 GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return set_pair (project, "measure_link", node_id, "measure_id", measure_id, on,
                   on ? _("Link measure") : _("Unlink measure"), error);
}

/**
 * tandem_diagram_add_pdsa:
 * @project: a project
 * @node_id: a change idea
 * @title: (nullable): the name of the test
 * @started_on: (nullable): when it starts, as tandem_read_typed_date() reads
 *   it (31/03/2026 or 2026-03-31); %NULL or empty for today
 * @error: return location for an error
 *
 * Adds a PDSA cycle to a change idea (“Add PDSA cycle”).
 *
 * Returns: (transfer full) (nullable): the new cycle's id
 */
char *
tandem_diagram_add_pdsa (TandemProject  *project,
                         const char     *node_id,
                         const char     *title,
                         const char     *started_on,
                         GError        **error)
{
  g_autoptr(GDateTime) now = tandem_clock_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  TandemNodeKind kind;
  double position;
  char day[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if (!node_info (project, node_id, &kind, NULL, error))
    return NULL;
  if (started_on && *started_on && !tandem_read_typed_date (started_on, day, error))
    return NULL;
  if (!next_position (project, "SELECT max(position) FROM pdsa_cycle WHERE node_id = ?1", node_id,
                      &position, error))
    return NULL;
  {
    TandemField fields[] = {
      { "node_id", TEXT (node_id) },
      { "title", TEXT (*clean ? clean : _("Untitled test")) },
      { "started_on", TEXT (started_on && *started_on ? day : today) },
      { "position", tandem_value_double (position) },
    };

    return insert_one (project, _("Add PDSA cycle"), "pdsa_cycle", fields, G_N_ELEMENTS (fields),
                       error);
  }
}

static gboolean
set_pdsa_field (TandemProject  *project,
                const char     *pdsa_id,
                const char     *field,
                gboolean        check,
                const char     *shown,
                const char     *value,
                GError        **error)
{
  static const TandemFieldLabel fields[] = {
    { "title", N_("Rename PDSA cycle") },
    { "started_on", N_("Change when the test started") },
    { "ended_on", N_("Change when the test ended") },
    { "plan_objective", N_("Change the plan’s objective") },
    { "plan_questions", N_("Change the plan’s questions") },
    { "plan_predictions", N_("Change the predictions") },
    { "plan_logistics", N_("Change who, what, when and where") },
    { "do_notes", N_("Change what happened") },
    { "study_notes", N_("Change what was learned") },
    { "act_decision", N_("Change the decision") },
    { "act_notes", N_("Change the next step") },
  };
  const char *label = NULL;
  char day[11];

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  label = _tandem_field_label (fields, G_N_ELEMENTS (fields), field,
                               "a PDSA cycle has no part", error);
  if (label == NULL)
    return FALSE;
  if (!tandem_project_exists (project, "pdsa_cycle", pdsa_id))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This PDSA cycle no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if (value != NULL && *value == '\0')
    value = NULL;
  /* Typed day first or year-month-day; stored year-month-day. */
  if (value && g_str_has_suffix (field, "_on"))
    {
      if (!tandem_read_typed_date (value, day, error))
        return FALSE;
      value = day;
    }
  if (value == NULL && g_str_equal (field, "title"))
    value = "";
  return change_field (project, label, "pdsa_cycle", pdsa_id, field, check, shown, TEXT (value),
                       error);
}

/**
 * tandem_diagram_set_pdsa_field:
 * @project: a project
 * @pdsa_id: a PDSA cycle
 * @field: one of “title”, “started_on”, “ended_on” (a date as
 *   tandem_read_typed_date() reads it, stored as YYYY-MM-DD),
 *   “plan_objective”, “plan_questions”, “plan_predictions”, “plan_logistics”
 *   (who, what, when, where), “do_notes” (what happened), “study_notes”
 *   (against the predictions), “act_decision” (“adopt”, “adapt” or
 *   “abandon”), “act_notes” (the next cycle)
 * @shown: (nullable): the value the editor showed (%NULL for empty), or
 *   %TANDEM_UNCHECKED
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * Changes one part of a PDSA cycle, as one undoable change labelled with
 * what changed (“Change what happened”). Checked against @shown as
 * %TANDEM_UNCHECKED describes: if someone else changed the part meanwhile,
 * theirs stays, both are kept, and the call fails with
 * %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_pdsa_field (TandemProject  *project,
                               const char     *pdsa_id,
                               const char     *field,
                               const char     *shown,
                               const char     *value,
                               GError        **error)
{
  return set_pdsa_field (project, pdsa_id, field, shown != TANDEM_UNCHECKED, shown, value, error);
}

/**
 * tandem_diagram_delete_pdsa:
 * @project: a project
 * @pdsa_id: a PDSA cycle
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete PDSA cycle”, undoable)
 */
gboolean
tandem_diagram_delete_pdsa (TandemProject  *project,
                            const char     *pdsa_id,
                            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  return _tandem_db_delete (project, "pdsa_cycle", pdsa_id, _("Delete PDSA cycle"), error);
}
