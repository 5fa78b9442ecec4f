/* tandem-diagram-edit.c — changing a driver diagram, one undoable step at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function here is one transaction with a label in the person's words
 * ("Add change idea"), so each shows in the history and is undone in one go.
 * Writes go through tandem_project_insert/update/delete only; reads that
 * decide what to write use the project's own connection.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-checked-edit.h"
#include "tandem-clock.h"
#include "tandem-date.h"
#include "tandem-diagram.h"
#include "tandem-merge.h"
#include "tandem-project-private.h"

#define TEXT(s) tandem_value_text (s)

typedef struct
{
  char   *id;
  char   *child_id;
  char   *parent_id;
  double  position;
} Link;

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->id);
  g_free (link->child_id);
  g_free (link->parent_id);
}

static gboolean
read_error (TandemProject  *project,
            GError        **error)
{
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
               _("The diagram could not be read: %s"),
               sqlite3_errmsg (_tandem_project_get_db (project)));
  return FALSE;
}

static sqlite3_stmt *
prepare (TandemProject  *project,
         const char     *sql,
         const char     *a,
         const char     *b,
         GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (project);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      (a && sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT) != SQLITE_OK) ||
      (b && sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT) != SQLITE_OK))
    {
      read_error (project, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* The node's kind and diagram; an error in the person's words if it is gone. */
static gboolean
node_info (TandemProject   *project,
           const char      *node_id,
           TandemNodeKind  *kind,
           char           **diagram_id,
           GError         **error)
{
  sqlite3_stmt *stmt = prepare (project, "SELECT kind, diagram_id FROM node WHERE id = ?1",
                                node_id, NULL, error);
  gboolean ok = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ok = tandem_node_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), kind);
      if (diagram_id)
        *diagram_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (!ok)
        g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                             _("This item is not part of a driver diagram."));
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                         _("This item no longer exists: someone may have deleted it."));
  else
    read_error (project, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* Links from @parent_id (or, with @by_child, to @child_id), in order. */
static GArray *
list_links (TandemProject  *project,
            const char     *sql,
            const char     *id,
            GError        **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));
  sqlite3_stmt *stmt = prepare (project, sql, id, NULL, error);
  int rc;

  g_array_set_clear_func (links, link_clear);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Link link;

      link.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      link.parent_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      link.child_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      link.position = sqlite3_column_double (stmt, 3);
      g_array_append_val (links, link);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      read_error (project, error);
      return NULL;
    }
  return g_steal_pointer (&links);
}

static GArray *
links_from (TandemProject  *project,
            const char     *parent_id,
            GError        **error)
{
  return list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                              "WHERE parent_id = ?1 ORDER BY position, id", parent_id, error);
}

static GArray *
links_to (TandemProject  *project,
          const char     *child_id,
          GError        **error)
{
  return list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                              "WHERE child_id = ?1 ORDER BY position, id", child_id, error);
}

static double
next_position (TandemProject *project,
               const char    *sql,
               const char    *id)
{
  sqlite3_stmt *stmt = prepare (project, sql, id, NULL, NULL);
  double position = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    position = floor (sqlite3_column_double (stmt, 0)) + 1;
  sqlite3_finalize (stmt);
  return position;
}

static char *
insert_link (TandemProject  *project,
             const char     *diagram_id,
             const char     *parent_id,
             const char     *child_id,
             double          position,
             GError        **error)
{
  TandemField fields[] = {
    { "diagram_id", TEXT (diagram_id) },
    { "parent_id", TEXT (parent_id) },
    { "child_id", TEXT (child_id) },
    { "position", tandem_value_double (position) },
  };

  return tandem_project_insert (project, "node_link", fields, G_N_ELEMENTS (fields), error);
}

static char *
insert_node (TandemProject  *project,
             const char     *diagram_id,
             TandemNodeKind  kind,
             const char     *title,
             const char     *group_id,
             GError        **error)
{
  TandemField fields[] = {
    { "diagram_id", TEXT (diagram_id) },
    { "kind", TEXT (tandem_node_kind_to_string (kind)) },
    { "title", TEXT (title) },
    { "position", tandem_value_double (next_position (project,
        "SELECT max(position) FROM node WHERE diagram_id = ?1", diagram_id)) },
    { "status", TEXT (kind == TANDEM_NODE_CHANGE_IDEA ? "idea" : NULL) },
    { "group_id", TEXT (group_id) },
  };

  return tandem_project_insert (project, "node", fields, G_N_ELEMENTS (fields), error);
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

static gboolean
finish (TandemProject  *project,
        gboolean        ok,
        GError        **error)
{
  if (!ok)
    {
      tandem_project_rollback (project);
      return FALSE;
    }
  return tandem_project_commit (project, error);
}

/* A macro, so that the format is checked against its arguments. */
#define label_for(format, kind) g_strdup_printf (format, tandem_node_kind_label (kind))

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
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (template_ < TANDEM_N_DIAGRAM_TEMPLATES, NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0' || g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Give the diagram a name of up to 200 characters."));
      return NULL;
    }
  if (!tandem_project_begin (project, _("New driver diagram"), error))
    return NULL;
  {
    TandemField fields[] = {
      { "team_id", TEXT (team_id) },
      { "name", TEXT (clean) },
      { "template", TEXT (template_names[template_]) },
      { "position", tandem_value_double (next_position (project,
          "SELECT max(position) FROM diagram WHERE team_id = ?1", team_id)) },
    };
    id = tandem_project_insert (project, "diagram", fields, G_N_ELEMENTS (fields), error);
  }
  ok = id != NULL && fill_template (project, id, template_, error);
  if (!finish (project, ok, error))
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

  node = insert_node (project, diagram_id, parent_kind + 1, title, NULL, error);
  if (node == NULL)
    return NULL;
  link = insert_link (project, diagram_id, parent_id, node,
                      next_position (project, "SELECT max(position) FROM node_link "
                                              "WHERE parent_id = ?1", parent_id), error);
  if (link == NULL)
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
  if (!tandem_project_begin (project, label, error))
    return NULL;
  id = add_child_in_txn (project, parent_id, kind, diagram_id, clean, error);
  if (!finish (project, id != NULL, error))
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
  gboolean ok;

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
  if (!tandem_project_begin (project, label, error))
    return NULL;
  id = insert_node (project, diagram_id, kind, clean, group, error);
  ok = id != NULL;
  if (ok && parent != NULL)
    ok = (link_id = insert_link (project, diagram_id, parent, id, position, error)) != NULL;
  if (!finish (project, ok, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------ */
/* Changing                                                                 */

/**
 * tandem_diagram_set_title:
 * @project: a project
 * @node_id: a node
 * @title: its new words
 * @error: return location for an error
 *
 * Changes what a node says (“Edit change idea”). Leading and trailing space
 * is dropped; empty words are refused.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_title (TandemProject  *project,
                          const char     *node_id,
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
  if (!tandem_project_begin (project, label, error))
    return FALSE;
  return finish (project, tandem_project_update (project, "node", node_id, "title",
                                                 TEXT (clean), error), error);
}

/**
 * tandem_diagram_set_title_expecting:
 * @project: a project
 * @node_id: a node
 * @shown: the words the editor started from
 * @title: its new words
 * @error: return location for an error
 *
 * As tandem_diagram_set_title(), for an editor that showed @shown: if someone
 * else (another program on the same file) changed the words meanwhile, theirs
 * stay, both are kept as a conflict for a person to choose, and the call fails
 * with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_title_expecting (TandemProject  *project,
                                    const char     *node_id,
                                    const char     *shown,
                                    const char     *title,
                                    GError        **error)
{
  g_autofree char *clean = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (!node_info (project, node_id, &kind, NULL, error) ||
      (clean = clean_title (title, error)) == NULL)
    return FALSE;
  /* Not inside a transaction of ours: a conflict is kept by committing it. */
  return tandem_project_update_expecting (project, "node", node_id, "title", shown,
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
  static const struct { const char *field; const char *label; } fields[] = {
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

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      label = _(fields[i].label);
  if (label == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a driver diagram item has no detail called “%s”", field ? field : "");
      return FALSE;
    }
  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  if (value != NULL && *value == '\0')
    value = NULL;
  if (!tandem_project_begin (project, label, error))
    return FALSE;
  return tandem_project_finish_update (project, "node", node_id, field, check, shown,
                                       TEXT (value), error);
}

/**
 * tandem_diagram_set_field:
 * @project: a project
 * @node_id: a node
 * @field: one of “description”, “status”, “coproduction_level”,
 *   “proposed_by”, “group_id”, “aim_what”, “aim_who”, “aim_how_much”,
 *   “aim_by_when”
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * Changes one of a node's details, as one undoable change labelled with
 * what changed (“Change status”). The file's own rules refuse a status or
 * co-production level that is not one of Tandem's.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_field (TandemProject  *project,
                          const char     *node_id,
                          const char     *field,
                          const char     *value,
                          GError        **error)
{
  return set_field (project, node_id, field, FALSE, NULL, value, error);
}

/**
 * tandem_diagram_set_field_expecting:
 * @project: a project
 * @node_id: a node
 * @field: a detail, as for tandem_diagram_set_field()
 * @shown: (nullable): the value the editor showed (%NULL for empty)
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * As tandem_diagram_set_field(), for an editor that showed @shown: if
 * someone else (another program on the same file) changed the detail
 * meanwhile, theirs stays, both are kept as a conflict for a person to
 * choose, and the call fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_field_expecting (TandemProject  *project,
                                    const char     *node_id,
                                    const char     *field,
                                    const char     *shown,
                                    const char     *value,
                                    GError        **error)
{
  return set_field (project, node_id, field, TRUE, shown, value, error);
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
  if (!tandem_project_begin (project, collapsed ? _("Fold branch") : _("Unfold branch"), error))
    return FALSE;
  return finish (project, tandem_project_update (project, "node", node_id, "collapsed",
                                                 tandem_value_int (collapsed ? 1 : 0), error),
                 error);
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
  g_autofree char *existing = NULL;
  sqlite3_stmt *stmt;
  TandemNodeKind kind;
  gboolean ok;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  stmt = prepare (project, "SELECT id FROM node_tag WHERE node_id = ?1 AND tag_id = ?2",
                  node_id, tag_id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return read_error (project, error);
  if ((existing != NULL) == on)
    return TRUE;

  if (!tandem_project_begin (project, on ? _("Add equity tag") : _("Remove equity tag"), error))
    return FALSE;
  if (on)
    {
      TandemField fields[] = { { "node_id", TEXT (node_id) }, { "tag_id", TEXT (tag_id) } };
      g_autofree char *id = tandem_project_insert (project, "node_tag", fields,
                                                   G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  else
    ok = tandem_project_delete (project, "node_tag", existing, error);
  return finish (project, ok, error);
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

  if (!tandem_project_begin (project, label, error))
    return FALSE;
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, doomed);
    while (ok && g_hash_table_iter_next (&iter, &key, NULL))
      ok = tandem_project_delete (project, "node", key, error);
  }
  if (!finish (project, ok, error))
    return FALSE;
  if (n_deleted)
    *n_deleted = g_hash_table_size (doomed);
  return TRUE;
}

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
  if (!tandem_project_begin (project, label, error))
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
  return finish (project, ok, error);
}

static char *
find_link (TandemProject  *project,
           const char     *parent_id,
           const char     *child_id,
           GError        **error,
           gboolean       *failed)
{
  sqlite3_stmt *stmt = prepare (project, "SELECT id FROM node_link WHERE parent_id = ?1 "
                                         "AND child_id = ?2", parent_id, child_id, error);
  char *id = NULL;
  int rc;

  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    *failed = !read_error (project, error);
  sqlite3_finalize (stmt);
  return id;
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
  g_autofree char *old_link = NULL;
  g_autofree char *new_link = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  TandemNodeKind kind;
  gboolean failed = FALSE;
  gboolean ok;
  double position;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (g_strcmp0 (old_parent_id, new_parent_id) == 0)
    return TRUE;
  if (!check_parent_kind (project, new_parent_id, node_id, error) ||
      !node_info (project, node_id, &kind, &diagram_id, error))
    return FALSE;
  if (old_parent_id)
    {
      old_link = find_link (project, old_parent_id, node_id, error, &failed);
      if (failed)
        return FALSE;
      if (old_link == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("This item is not under that parent any more."));
          return FALSE;
        }
    }
  new_link = find_link (project, new_parent_id, node_id, error, &failed);
  if (failed)
    return FALSE;

  position = next_position (project, "SELECT max(position) FROM node_link WHERE parent_id = ?1",
                            new_parent_id);
  label = label_for (_("Move %s"), kind);
  if (!tandem_project_begin (project, label, error))
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
  return finish (project, ok, error);
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
  g_autofree char *existing = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  TandemNodeKind kind;
  gboolean failed = FALSE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!check_parent_kind (project, parent_id, child_id, error) ||
      !node_info (project, child_id, &kind, &diagram_id, error))
    return FALSE;
  existing = find_link (project, parent_id, child_id, error, &failed);
  if (failed)
    return FALSE;
  if (existing)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("These two are already linked."));
      return FALSE;
    }
  label = label_for (_("Link %s"), kind);
  if (!tandem_project_begin (project, label, error))
    return FALSE;
  id = insert_link (project, diagram_id, parent_id, child_id,
                    next_position (project, "SELECT max(position) FROM node_link "
                                            "WHERE parent_id = ?1", parent_id), error);
  return finish (project, id != NULL, error);
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
  gboolean failed = FALSE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  if (!node_info (project, child_id, &kind, NULL, error) ||
      (parents = links_to (project, child_id, error)) == NULL)
    return FALSE;
  link = find_link (project, parent_id, child_id, error, &failed);
  if (failed)
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
  if (!tandem_project_begin (project, _("Remove link"), error))
    return FALSE;
  return finish (project, tandem_project_delete (project, "node_link", link, error), error);
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
  if (!tandem_project_begin (project, label, error))
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
  if (!finish (project, ok, error))
    return 0;
  return lines->len;
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
  g_autofree char *old_link = NULL;
  g_autofree char *new_link = NULL;
  g_autofree char *diagram_id = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GArray) links = NULL;
  TandemNodeKind kind;
  gboolean failed = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (new_parent_id != NULL, FALSE);
  if (!check_parent_kind (project, new_parent_id, node_id, error) ||
      !node_info (project, node_id, &kind, &diagram_id, error))
    return FALSE;
  if (old_parent_id)
    {
      old_link = find_link (project, old_parent_id, node_id, error, &failed);
      if (failed)
        return FALSE;
      if (old_link == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("This item is not under that parent any more."));
          return FALSE;
        }
    }
  new_link = find_link (project, new_parent_id, node_id, error, &failed);
  if (failed)
    return FALSE;

  label = label_for (_("Move %s"), kind);
  if (!tandem_project_begin (project, label, error))
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
  return finish (project, ok, error);
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
  if (!tandem_project_begin (project, label, error))
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
  return finish (project, ok, error);
}

/* ------------------------------------------------------------------------ */
/* Co-producers, linked measures, PDSA cycles                               */

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
  sqlite3_stmt *stmt;
  TandemNodeKind kind;
  gboolean ok;
  int rc;

  if (!node_info (project, node_id, &kind, NULL, error))
    return FALSE;
  if (other_id == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This item no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if ((stmt = prepare (project, sql, node_id, other_id, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return read_error (project, error);
  if ((existing != NULL) == on)
    return TRUE;

  if (!tandem_project_begin (project, label, error))
    return FALSE;
  if (on)
    {
      TandemField fields[] = { { "node_id", TEXT (node_id) }, { other_field, TEXT (other_id) } };
      g_autofree char *id = tandem_project_insert (project, table, fields, G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  else
    ok = tandem_project_delete (project, table, existing, error);
  return finish (project, ok, error);
}

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

/* Stored as typed, so only exactly YYYY-MM-DD. */
static gboolean
valid_date (const char *text)
{
  char date[11];

  return tandem_parse_iso_date (text, date) && g_str_equal (text, date);
}

/**
 * tandem_diagram_add_pdsa:
 * @project: a project
 * @node_id: a change idea
 * @title: (nullable): the name of the test
 * @started_on: (nullable): when it starts, YYYY-MM-DD; %NULL or empty for today
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
  g_autofree char *id = NULL;
  TandemNodeKind kind;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if (!node_info (project, node_id, &kind, NULL, error))
    return NULL;
  if (started_on && *started_on && !valid_date (started_on))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Write the date as year-month-day, for example 2025-03-31."));
      return NULL;
    }
  {
    TandemField fields[] = {
      { "node_id", TEXT (node_id) },
      { "title", TEXT (*clean ? clean : _("Untitled test")) },
      { "started_on", TEXT (started_on && *started_on ? started_on : today) },
      { "position", tandem_value_double (next_position (project,
          "SELECT max(position) FROM pdsa_cycle WHERE node_id = ?1", node_id)) },
    };

    if (!tandem_project_begin (project, _("Add PDSA cycle"), error))
      return NULL;
    id = tandem_project_insert (project, "pdsa_cycle", fields, G_N_ELEMENTS (fields), error);
  }
  if (!finish (project, id != NULL, error))
    return NULL;
  return g_steal_pointer (&id);
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
  static const struct { const char *field; const char *label; } fields[] = {
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

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      label = _(fields[i].label);
  if (label == NULL)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a PDSA cycle has no part called “%s”", field ? field : "");
      return FALSE;
    }
  if (!tandem_project_exists (project, "pdsa_cycle", pdsa_id))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This PDSA cycle no longer exists: someone may have deleted it."));
      return FALSE;
    }
  if (value != NULL && *value == '\0')
    value = NULL;
  if (value && g_str_has_suffix (field, "_on") && !valid_date (value))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("Write the date as year-month-day, for example 2025-03-31."));
      return FALSE;
    }
  if (value == NULL && g_str_equal (field, "title"))
    value = "";
  if (!tandem_project_begin (project, label, error))
    return FALSE;
  return tandem_project_finish_update (project, "pdsa_cycle", pdsa_id, field, check, shown,
                                       TEXT (value), error);
}

/**
 * tandem_diagram_set_pdsa_field:
 * @project: a project
 * @pdsa_id: a PDSA cycle
 * @field: one of “title”, “started_on”, “ended_on” (YYYY-MM-DD),
 *   “plan_objective”, “plan_questions”, “plan_predictions”, “plan_logistics”
 *   (who, what, when, where), “do_notes” (what happened), “study_notes”
 *   (against the predictions), “act_decision” (“adopt”, “adapt” or
 *   “abandon”), “act_notes” (the next cycle)
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * Changes one part of a PDSA cycle, as one undoable change labelled with
 * what changed (“Change what happened”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_pdsa_field (TandemProject  *project,
                               const char     *pdsa_id,
                               const char     *field,
                               const char     *value,
                               GError        **error)
{
  return set_pdsa_field (project, pdsa_id, field, FALSE, NULL, value, error);
}

/**
 * tandem_diagram_set_pdsa_field_expecting:
 * @project: a project
 * @pdsa_id: a PDSA cycle
 * @field: a part, as for tandem_diagram_set_pdsa_field()
 * @shown: (nullable): the value the editor showed (%NULL for empty)
 * @value: (nullable): the new value; %NULL or empty clears it
 * @error: return location for an error
 *
 * As tandem_diagram_set_pdsa_field(), for an editor that showed @shown: if
 * someone else changed the part meanwhile, theirs stays, both are kept as a
 * conflict, and the call fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_diagram_set_pdsa_field_expecting (TandemProject  *project,
                                         const char     *pdsa_id,
                                         const char     *field,
                                         const char     *shown,
                                         const char     *value,
                                         GError        **error)
{
  return set_pdsa_field (project, pdsa_id, field, TRUE, shown, value, error);
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
  if (!tandem_project_begin (project, _("Delete PDSA cycle"), error))
    return FALSE;
  return finish (project, tandem_project_delete (project, "pdsa_cycle", pdsa_id, error), error);
}

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
  g_autofree char *id = NULL;

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
  {
    TandemField fields[] = {
      { "diagram_id", TEXT (diagram_id) },
      { "name", TEXT (clean) },
      { "colour", TEXT (colour) },
      { "position", tandem_value_double (next_position (project,
          "SELECT max(position) FROM node_group WHERE diagram_id = ?1", diagram_id)) },
    };

    if (!tandem_project_begin (project, _("Add group"), error))
      return NULL;
    id = tandem_project_insert (project, "node_group", fields, G_N_ELEMENTS (fields), error);
  }
  if (!finish (project, id != NULL, error))
    return NULL;
  return g_steal_pointer (&id);
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
  if (!tandem_project_begin (project, name ? _("Rename group") : _("Change group colour"), error))
    return FALSE;
  return finish (project, tandem_project_update (project, "node_group", group_id, field,
                                                 TEXT (name ? clean : (value && *value ? value : NULL)),
                                                 error), error);
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
  if (!tandem_project_begin (project, _("Delete group"), error))
    return FALSE;
  return finish (project, tandem_project_delete (project, "node_group", group_id, error), error);
}

static gboolean
tag_name_taken (TandemProject  *project,
                const char     *name,
                const char     *except_id,
                GError        **error)
{
  sqlite3_stmt *stmt = prepare (project, "SELECT id FROM equity_tag WHERE lower (name) = lower (?1) "
                                         "AND id IS NOT ?2", name, except_id ? except_id : "", error);
  int rc;

  if (stmt == NULL)
    return TRUE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 _("There is already an equity focus called “%s”."), name);
  else if (rc != SQLITE_DONE)
    read_error (project, error);
  return rc != SQLITE_DONE;
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
  g_autofree char *id = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  if ((clean = clean_name (name, error)) == NULL || tag_name_taken (project, clean, NULL, error))
    return NULL;
  {
    TandemField fields[] = {
      { "name", TEXT (clean) },
      { "position", tandem_value_double (next_position (project,
          "SELECT max(position) FROM equity_tag WHERE ?1 IS NOT NULL", "")) },
    };

    if (!tandem_project_begin (project, _("Add equity tag to the list"), error))
      return NULL;
    id = tandem_project_insert (project, "equity_tag", fields, G_N_ELEMENTS (fields), error);
  }
  if (!finish (project, id != NULL, error))
    return NULL;
  return g_steal_pointer (&id);
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
  if (!tandem_project_begin (project, _("Rename equity tag"), error))
    return FALSE;
  return finish (project, tandem_project_update (project, "equity_tag", tag_id, "name", TEXT (clean), error),
                 error);
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
  if (!tandem_project_begin (project, _("Remove equity tag from the list"), error))
    return FALSE;
  return finish (project, tandem_project_delete (project, "equity_tag", tag_id, error), error);
}
