/* tandem-diagram-edit-private.h — what the files that change a driver
 * diagram share: reading its items and links, and ending a change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>
#include <math.h>

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

static inline gboolean
read_error (TandemProject  *project,
            GError        **error)
{
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
               _("The diagram could not be read: %s"),
               sqlite3_errmsg (_tandem_project_get_db (project)));
  return FALSE;
}

static inline sqlite3_stmt *
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
static inline gboolean
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
static inline GArray *
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

static inline double
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

static inline gboolean
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

G_END_DECLS
