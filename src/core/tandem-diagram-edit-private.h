/* tandem-diagram-edit-private.h — what the files that change a driver
 * diagram share: reading its items and links, and one-step changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-checked-edit.h"
#include "tandem-db-private.h"
#include "tandem-diagram.h"
#include "tandem-project-private.h"

G_BEGIN_DECLS

#define TEXT(s) tandem_value_text (s)

typedef struct
{
  char   *id;
  char   *child_id;
  char   *parent_id;
  double  position;
} Link;

/* A macro, so that the format is checked against its arguments. */
#define label_for(format, kind) g_strdup_printf (format, tandem_node_kind_label (kind))

static inline void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->id);
  g_free (link->child_id);
  g_free (link->parent_id);
}

/* The node's kind and diagram; an error in the person's words if it is gone. */
static inline gboolean
node_info (TandemProject   *project,
           const char      *node_id,
           TandemNodeKind  *kind,
           char           **diagram_id,
           GError         **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autofree char *stored = NULL;
  TandemDbStep step;

  if ((stmt = _tandem_db_query (project, error, "SELECT kind, diagram_id FROM node WHERE id = ?1",
                                "s", node_id)) == NULL ||
      (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_FAILED)
    return FALSE;
  if (step == TANDEM_DB_DONE)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This item no longer exists: someone may have deleted it."));
      return FALSE;
    }
  _tandem_db_assert_columns (stmt, 2);
  stored = _tandem_db_column_text (stmt, 0);
  if (!tandem_node_kind_from_string (stored, kind))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This item is not part of a driver diagram."));
      return FALSE;
    }
  if (diagram_id)
    *diagram_id = _tandem_db_column_text (stmt, 1);
  return TRUE;
}

static inline void
add_link (TandemDbStmt *stmt,
          gpointer      links)
{
  Link link;

  link.id = _tandem_db_column_text (stmt, 0);
  link.parent_id = _tandem_db_column_text (stmt, 1);
  link.child_id = _tandem_db_column_text (stmt, 2);
  link.position = _tandem_db_column_double (stmt, 3);
  g_array_append_val ((GArray *) links, link);
}

/* Links from @parent_id (or, with @by_child, to @child_id), in order. */
static inline GArray *
list_links (TandemProject  *project,
            const char     *sql,
            const char     *id,
            GError        **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));

  g_array_set_clear_func (links, link_clear);
  if (!_tandem_db_each_row (project, error, 4, add_link, links, sql, "s", id))
    return NULL;
  return g_steal_pointer (&links);
}

static inline GArray *
links_from (TandemProject  *project,
            const char     *parent_id,
            GError        **error)
{
  return list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                              "WHERE parent_id = ?1 ORDER BY position, id", parent_id, error);
}

static inline GArray *
links_to (TandemProject  *project,
          const char     *child_id,
          GError        **error)
{
  return list_links (project, "SELECT id, parent_id, child_id, position FROM node_link "
                              "WHERE child_id = ?1 ORDER BY position, id", child_id, error);
}

/* The position after the last of @sql's (a max(position) of the items
 * under @id): 0 for the first. */
static inline gboolean
next_position (TandemProject  *project,
               const char     *sql,
               const char     *id,
               double         *position,
               GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;

  *position = 0;
  if ((stmt = _tandem_db_query (project, error, sql, "s", id)) == NULL ||
      (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_FAILED)
    return FALSE;
  _tandem_db_assert_columns (stmt, 1);
  if (step == TANDEM_DB_ROW && !_tandem_db_column_is_null (stmt, 0))
    *position = floor (_tandem_db_column_double (stmt, 0)) + 1;
  return TRUE;
}

static inline char *
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

/* One item added as one undoable change (@label): its id. */
static inline char *
insert_one (TandemProject  *project,
            const char     *label,
            const char     *entity,
            TandemField    *fields,
            guint           n_fields,
            GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;

  if (!tandem_change_begin (&change, project, label, error) ||
      (id = tandem_project_insert (project, entity, fields, n_fields, error)) == NULL ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* One field changed as one undoable change (@label), checked against what
 * the editor showed when @check (see tandem_project_finish_update()). */
static inline gboolean
change_field (TandemProject  *project,
              const char     *label,
              const char     *entity,
              const char     *id,
              const char     *field,
              gboolean        check,
              const char     *shown,
              TandemValue     value,
              GError        **error)
{
  return tandem_project_begin (project, label, error) &&
         tandem_project_finish_update (project, entity, id, field, check, shown, value, error);
}

G_END_DECLS
