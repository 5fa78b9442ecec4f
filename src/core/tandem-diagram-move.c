/* tandem-diagram-move.c — moving a driver diagram's items: to another
 * parent, to an exact place, across columns, and linking one item to more
 * than one parent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction per change, labelled in the person's words, as every
 * change in tandem-diagram-edit.c.
 */

#define G_LOG_DOMAIN "Tandem-Diagram"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-diagram-edit-private.h"

/* ------------------------------------------------------------------------ */
/* Moving and linking                                                       */

static gboolean
check_parent_kind (TandemProject  *project,
                   const char     *parent_id,
                   const char     *child_id,
                   GError        **error)
{
  g_autofree char *parent_diagram = NULL;
  g_autofree char *child_diagram = NULL;
  TandemNodeKind parent_kind, child_kind;

  if (!node_info (project, parent_id, &parent_kind, &parent_diagram, error) ||
      !node_info (project, child_id, &child_kind, &child_diagram, error))
    return FALSE;
  if (!g_str_equal (parent_diagram, child_diagram) || child_kind != parent_kind + 1)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("A %s can only be linked to a %s in the same diagram."),
                   tandem_node_kind_label (child_kind),
                   child_kind == TANDEM_NODE_AIM ? tandem_node_kind_label (TANDEM_NODE_AIM)
                                                 : tandem_node_kind_label (child_kind - 1));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_diagram_move_node:
 * @project: a project
 * @node_id: a node
 * @parent_id: (nullable): the parent under which to move it (a shared node
 *   has an order under each); %NULL for a node without a parent
 * @delta: how many places: -1 up, +1 down
 * @error: return location for an error
 *
 * Reorders a node among its siblings. Moving the first one up (or the last
 * one down) changes nothing and succeeds.
 *
 * Returns: %TRUE if saved (or nothing needed saving)
 */
gboolean
tandem_diagram_move_node (TandemProject  *project,
                          const char     *node_id,
                          const char     *parent_id,
                          int             delta,
                          GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GArray) siblings = NULL;
  const char *entity = parent_id ? "node_link" : "node";
  TandemNodeKind kind;
  int from = -1, to;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!node_info (project, node_id, &kind, &diagram_id, error))
    return FALSE;
  if (parent_id)
    siblings = links_from (project, parent_id, error);
  else
    {
      /* Parentless nodes of one column are ordered by their own position. */
      g_autofree char *sql = g_strdup_printf (
        "SELECT n.id, NULL, n.id, n.position FROM node n WHERE n.diagram_id = ?1 "
        "AND n.kind = '%s' AND NOT EXISTS (SELECT 1 FROM node_link l WHERE l.child_id = n.id) "
        "ORDER BY n.position, n.id", tandem_node_kind_to_string (kind));
      siblings = list_links (project, sql, diagram_id, error);
    }
  if (siblings == NULL)
    return FALSE;
  for (guint i = 0; i < siblings->len; i++)
    if (g_str_equal (g_array_index (siblings, Link, i).child_id, node_id))
      from = i;
  if (from < 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This item is not under that parent any more."));
      return FALSE;
    }
  to = CLAMP (from + delta, 0, (int) siblings->len - 1);
  if (to == from)
    return TRUE;

  label = label_for (_("Move %s"), kind);
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  {
    Link *at = &g_array_index (siblings, Link, from);
    Link moved = { g_strdup (at->id), g_strdup (at->child_id), g_strdup (at->parent_id), at->position };

    /* Take it out and put it back at @to, then number everyone in order;
     * only positions that change are written. */
    g_array_remove_index (siblings, from);
    g_array_insert_val (siblings, to, moved);
  }
  for (guint i = 0; ok && i < siblings->len; i++)
    {
      Link *link = &g_array_index (siblings, Link, i);

      if (link->position != (double) i)
        ok = tandem_project_update (project, entity, link->id, "position",
                                    tandem_value_double (i), error);
    }
  return ok && tandem_change_commit (&change, error);
}

/* The link from @parent_id to @child_id into *@id, %NULL if there is none;
 * %FALSE if it could not be read. */
static gboolean
find_link (TandemProject  *project,
           const char     *parent_id,
           const char     *child_id,
           char          **id,
           GError        **error)
{
  return _tandem_db_query_text (project, error, id, NULL,
                                "SELECT id FROM node_link WHERE parent_id = ?1 AND child_id = ?2",
                                "ss", parent_id, child_id);
}

/* The link from @old_parent_id (if given, where it must be) and the one
 * from @new_parent_id (if any) to @node_id. */
static gboolean
find_old_and_new_links (TandemProject  *project,
                        const char     *node_id,
                        const char     *old_parent_id,
                        const char     *new_parent_id,
                        char          **old_link,
                        char          **new_link,
                        GError        **error)
{
  if (old_parent_id)
    {
      if (!find_link (project, old_parent_id, node_id, old_link, error))
        return FALSE;
      if (*old_link == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("This item is not under that parent any more."));
          return FALSE;
        }
    }
  return find_link (project, new_parent_id, node_id, new_link, error);
}

/**
 * tandem_diagram_reparent:
 * @project: a project
 * @node_id: a node
 * @old_parent_id: (nullable): the parent to move it from; %NULL if it has none
 * @new_parent_id: the parent to move it to, in the column to its left
 * @error: return location for an error
 *
 * Moves a node (with everything under it) to another parent, at the end of
 * its children. If the node is already linked to the new parent as well,
 * only the old link goes.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_reparent (TandemProject  *project,
                         const char     *node_id,
                         const char     *old_parent_id,
                         const char     *new_parent_id,
                         GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *old_link = NULL;
  g_autofree char *new_link = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  TandemNodeKind kind;
  gboolean ok;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (g_strcmp0 (old_parent_id, new_parent_id) == 0)
    return TRUE;
  if (!check_parent_kind (project, new_parent_id, node_id, error) ||
      !node_info (project, node_id, &kind, &diagram_id, error) ||
      !find_old_and_new_links (project, node_id, old_parent_id, new_parent_id, &old_link,
                               &new_link, error) ||
      !next_position (project, "SELECT max(position) FROM node_link WHERE parent_id = ?1",
                      new_parent_id, &position, error))
    return FALSE;

  label = label_for (_("Move %s"), kind);
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  if (new_link != NULL)
    ok = old_link == NULL || tandem_project_delete (project, "node_link", old_link, error);
  else if (old_link != NULL)
    ok = tandem_project_update (project, "node_link", old_link, "parent_id",
                                TEXT (new_parent_id), error) &&
         tandem_project_update (project, "node_link", old_link, "position",
                                tandem_value_double (position), error);
  else
    {
      g_autofree char *id = insert_link (project, diagram_id, new_parent_id, node_id, position, error);
      ok = id != NULL;
    }
  return ok && tandem_change_commit (&change, error);
}

/**
 * tandem_diagram_link:
 * @project: a project
 * @parent_id: a node in the column to the left of @child_id
 * @child_id: a node
 * @error: return location for an error
 *
 * Links a node to one more parent (“Also link to…”): a secondary driver that
 * serves two primary drivers, a change idea that serves several secondary
 * drivers. The node is drawn once, with a connector from each parent.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_link (TandemProject  *project,
                     const char     *parent_id,
                     const char     *child_id,
                     GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *existing = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  TandemNodeKind kind;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!check_parent_kind (project, parent_id, child_id, error) ||
      !node_info (project, child_id, &kind, &diagram_id, error) ||
      !find_link (project, parent_id, child_id, &existing, error))
    return FALSE;
  if (existing)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("These two are already linked."));
      return FALSE;
    }
  label = label_for (_("Link %s"), kind);
  return tandem_change_begin (&change, project, label, error) &&
         next_position (project, "SELECT max(position) FROM node_link WHERE parent_id = ?1",
                        parent_id, &position, error) &&
         (id = insert_link (project, diagram_id, parent_id, child_id, position, error)) != NULL &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_diagram_unlink:
 * @project: a project
 * @parent_id: one of @child_id's parents
 * @child_id: a node
 * @error: return location for an error
 *
 * Removes one link between two nodes; both nodes stay. A node's last link is
 * kept (delete the node instead), so nothing drifts out of the diagram.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_unlink (TandemProject  *project,
                       const char     *parent_id,
                       const char     *child_id,
                       GError        **error)
{
  g_autofree char *link = NULL;
  g_autoptr(GArray) parents = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!node_info (project, child_id, &kind, NULL, error) ||
      (parents = links_to (project, child_id, error)) == NULL ||
      !find_link (project, parent_id, child_id, &link, error))
    return FALSE;
  if (link == NULL)
    return TRUE;
  if (parents->len < 2)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("This is the %s's only link. Move it or delete it instead."),
                   tandem_node_kind_label (kind));
      return FALSE;
    }
  return _tandem_db_delete (project, "node_link", link, _("Remove link"), error);
}

/* ------------------------------------------------------------------------ */
/* Moving to an exact place, and across columns                             */

/* Puts @link_id at @index among @links (a parent's links, in order) and
 * numbers them all in order, writing only positions that change. */
static gboolean
renumber_links (TandemProject  *project,
                GArray         *links,
                const char     *link_id,
                guint           index,
                GError        **error)
{
  int from = -1;
  gboolean ok = TRUE;

  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (g_array_index (links, Link, i).id, link_id))
      from = i;
  if (from >= 0)
    {
      Link *at = &g_array_index (links, Link, from);
      Link moved = { g_strdup (at->id), g_strdup (at->child_id), g_strdup (at->parent_id), at->position };

      g_array_remove_index (links, from);
      index = MIN (index, links->len);
      g_array_insert_val (links, index, moved);
    }
  for (guint i = 0; ok && i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);

      if (link->position != (double) i)
        ok = tandem_project_update (project, "node_link", link->id, "position",
                                    tandem_value_double (i), error);
    }
  return ok;
}

/**
 * tandem_diagram_place_node:
 * @project: a project
 * @node_id: a node
 * @old_parent_id: (nullable): the parent it is moved from (a shared node has
 *   several); %NULL if it has none
 * @new_parent_id: the parent it goes under: the same one to reorder, or
 *   another in the column to its left
 * @index: where among @new_parent_id's children, from 0 (%G_MAXUINT for
 *   the end); counted without the node itself
 * @error: return location for an error
 *
 * Moves a node, with everything under it, to an exact place: what dropping
 * it between two boxes does. One undoable change.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_place_node (TandemProject  *project,
                           const char     *node_id,
                           const char     *old_parent_id,
                           const char     *new_parent_id,
                           guint           index,
                           GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *old_link = NULL;
  g_autofree char *new_link = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GArray) links = NULL;
  TandemNodeKind kind;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (new_parent_id != NULL, FALSE);
  if (!check_parent_kind (project, new_parent_id, node_id, error) ||
      !node_info (project, node_id, &kind, &diagram_id, error) ||
      !find_old_and_new_links (project, node_id, old_parent_id, new_parent_id, &old_link,
                               &new_link, error))
    return FALSE;

  label = label_for (_("Move %s"), kind);
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  if (new_link == NULL && old_link != NULL)
    {
      ok = tandem_project_update (project, "node_link", old_link, "parent_id", TEXT (new_parent_id), error);
      new_link = g_steal_pointer (&old_link);
    }
  else if (new_link == NULL)
    ok = (new_link = insert_link (project, diagram_id, new_parent_id, node_id, G_MAXINT, error)) != NULL;
  else if (old_link != NULL && !g_str_equal (old_link, new_link))
    /* Already under the new parent as well: the old link just goes. */
    ok = tandem_project_delete (project, "node_link", old_link, error);
  if (ok)
    ok = (links = links_from (project, new_parent_id, error)) != NULL &&
         renumber_links (project, links, new_link, index, error);
  return ok && tandem_change_commit (&change, error);
}

/* The nodes under @node_id (itself first), and whether any of them also
 * hangs under something outside the branch. */
static GPtrArray *
branch_of (GArray      *links,
           const char  *node_id,
           gboolean    *shared)
{
  GPtrArray *branch = g_ptr_array_new ();
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);

  *shared = FALSE;
  g_ptr_array_add (branch, (gpointer) node_id);
  g_hash_table_add (in, (gpointer) node_id);
  for (guint b = 0; b < branch->len; b++)
    for (guint i = 0; i < links->len; i++)
      {
        const Link *link = &g_array_index (links, Link, i);

        if (g_str_equal (link->parent_id, branch->pdata[b]) && !g_hash_table_contains (in, link->child_id))
          {
            g_hash_table_add (in, link->child_id);
            g_ptr_array_add (branch, link->child_id);
          }
      }
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = &g_array_index (links, Link, i);

      if (!g_str_equal (link->child_id, node_id) && g_hash_table_contains (in, link->child_id) &&
          !g_hash_table_contains (in, link->parent_id))
        *shared = TRUE;
    }
  return branch;
}

static const Link *
first_link_to (GArray     *links,
               const char *child_id)
{
  for (guint i = 0; i < links->len; i++)
    if (g_str_equal (g_array_index (links, Link, i).child_id, child_id))
      return &g_array_index (links, Link, i);
  return NULL;
}

/**
 * tandem_diagram_shift_level:
 * @project: a project
 * @node_id: a primary driver, secondary driver or change idea
 * @parent_id: (nullable): the parent it is shown under (a shared node has
 *   several); %NULL for its first
 * @direction: -1 to move it a column left, +1 a column right
 * @error: return location for an error
 *
 * What Ctrl+Left and Ctrl+Right do, as in outliners and mind-map apps. Left
 * (promote): the node goes next to its parent, just below it, under the
 * grandparent, and becomes the kind of its parent (a secondary driver
 * becomes a primary driver). Right (demote): the node goes under the sibling
 * just above it, at the end, and becomes the kind of that column. What is
 * under it moves with it, a column along. Not possible for the aim, for a
 * primary driver going left, for a branch that would pass the change-idea
 * column, or for a branch whose items also serve other branches (unlink
 * those first). One undoable change.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_shift_level (TandemProject  *project,
                            const char     *node_id,
                            const char     *parent_id,
                            int             direction,
                            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *new_parent = NULL;
  g_autofree char *new_link = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) siblings = NULL;
  g_autoptr(GPtrArray) branch = NULL;
  const Link *up = NULL;
  TandemNodeKind kind;
  guint index = G_MAXUINT;
  gboolean shared;
  gboolean ok = TRUE;
  int deepest = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);
  if (!node_info (project, node_id, &kind, &diagram_id, error))
    return FALSE;
  links = list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                               "WHERE diagram_id = ?1 ORDER BY position, id", diagram_id, error);
  if (links == NULL)
    return FALSE;
  if (parent_id == NULL)
    {
      const Link *first = first_link_to (links, node_id);
      parent_id = first ? first->parent_id : NULL;
    }
  if (kind == TANDEM_NODE_AIM || parent_id == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Only items under another item can move a column left or right."));
      return FALSE;
    }

  if (direction < 0)
    {
      if (kind == TANDEM_NODE_PRIMARY)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("A primary driver cannot move left: the aim is the only item there."));
          return FALSE;
        }
      up = first_link_to (links, parent_id);
      if (up == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("Its parent has nothing to its left to move under."));
          return FALSE;
        }
      new_parent = g_strdup (up->parent_id);
      /* Just below its old parent. */
      if ((siblings = links_from (project, new_parent, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < siblings->len; i++)
        if (g_str_equal (g_array_index (siblings, Link, i).child_id, parent_id))
          index = i + 1;
      group = tandem_project_get_text (project, "node", parent_id, "group_id");
    }
  else
    {
      if ((siblings = links_from (project, parent_id, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < siblings->len; i++)
        if (g_str_equal (g_array_index (siblings, Link, i).child_id, node_id) && i > 0)
          new_parent = g_strdup (g_array_index (siblings, Link, i - 1).child_id);
      if (new_parent == NULL)
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                       _("There is no %s above it to go under: move it down first."),
                       tandem_node_kind_label (kind));
          return FALSE;
        }
    }

  branch = branch_of (links, node_id, &shared);
  if (shared)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Something under it also serves another branch. Remove that link "
                             "first, then move the branch."));
      return FALSE;
    }
  for (guint b = 0; b < branch->len; b++)
    {
      g_autofree char *text = tandem_project_get_text (project, "node", branch->pdata[b], "kind");
      TandemNodeKind k;

      if (text && tandem_node_kind_from_string (text, &k))
        deepest = MAX (deepest, (int) k);
    }
  if (direction > 0 && deepest + 1 > TANDEM_NODE_CHANGE_IDEA)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("There is no column to the right of change ideas for what is under it."));
      return FALSE;
    }

  label = g_strdup_printf (direction < 0 ? _("Move %s a column left") : _("Move %s a column right"),
                           tandem_node_kind_label (kind));
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  for (guint b = 0; ok && b < branch->len; b++)
    {
      const char *id = branch->pdata[b];
      g_autofree char *text = tandem_project_get_text (project, "node", id, "kind");
      g_autofree char *status = tandem_project_get_text (project, "node", id, "status");
      g_autofree char *old_group = tandem_project_get_text (project, "node", id, "group_id");
      TandemNodeKind k = TANDEM_NODE_AIM, to;

      tandem_node_kind_from_string (text, &k);
      to = k + direction;
      ok = tandem_project_update (project, "node", id, "kind", TEXT (tandem_node_kind_to_string (to)), error);
      if (ok && to == TANDEM_NODE_CHANGE_IDEA && status == NULL)
        ok = tandem_project_update (project, "node", id, "status", TEXT ("idea"), error);
      /* Groups are for primary drivers: one that becomes one joins its old parent's. */
      if (ok && to != TANDEM_NODE_PRIMARY && old_group != NULL)
        ok = tandem_project_update (project, "node", id, "group_id", tandem_value_null (), error);
      if (ok && to == TANDEM_NODE_PRIMARY && b == 0 && group != NULL)
        ok = tandem_project_update (project, "node", id, "group_id", TEXT (group), error);
    }
  /* Off every old parent (they are in the wrong column now), onto the new one. */
  for (guint i = 0; ok && i < links->len; i++)
    if (g_str_equal (g_array_index (links, Link, i).child_id, node_id))
      ok = tandem_project_delete (project, "node_link", g_array_index (links, Link, i).id, error);
  if (ok)
    ok = (new_link = insert_link (project, diagram_id, new_parent, node_id, G_MAXINT, error)) != NULL;
  if (ok)
    {
      g_autoptr(GArray) under = links_from (project, new_parent, error);
      ok = under != NULL && renumber_links (project, under, new_link, index, error);
    }
  /* The new parent shows what came under it. */
  if (ok)
    {
      g_autofree char *collapsed = tandem_project_get_text (project, "node", new_parent, "collapsed");
      if (g_strcmp0 (collapsed, "0") != 0)
        ok = tandem_project_update (project, "node", new_parent, "collapsed", tandem_value_int (0), error);
    }
  return ok && tandem_change_commit (&change, error);
}
