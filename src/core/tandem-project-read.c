/* tandem-project-read.c — reading any kind of item: whether it exists, a
 * field as text, ids, counts, who added it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Project"

#include "config.h"

#include "tandem-db-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

/* The generic reads below take the names of tables and columns from code
 * (TANDEM_ENTITY_* and TANDEM_FIELD_* of tandem-names.h), never from a file
 * or a person. So a name the schema does not know is a programming error:
 * it is reported with g_critical(), which fails any test, and the read
 * returns its "nothing" value. A failure of SQLite (the file locked by
 * another program, damaged, unreadable) is not the caller's mistake but must
 * not pass for an empty answer either: it is logged with g_warning(), in the
 * person's words and naming their file, and the read returns the same
 * "nothing" value (tandem_project_count() returns -1). Callers that must
 * tell the difference in the interface use the typed reads of each area,
 * which take a GError. */

static const TandemEntity *
known_entity (const char *entity)
{
  g_autoptr(GError) error = NULL;
  const TandemEntity *info = entity ? _tandem_lookup_entity (entity, &error) : NULL;

  if (info == NULL)
    g_critical ("%s", error ? error->message : "no kind of item given");
  return info;
}

static gboolean
known_field (const TandemEntity *info,
             const char         *field)
{
  g_autoptr(GError) error = NULL;

  if (info == NULL)
    return FALSE;
  if (_tandem_check_field (info, field, &error))
    return TRUE;
  g_critical ("%s", error->message);
  return FALSE;
}

/* Whether a read went through; if not, the failure is logged. */
static gboolean
read_ok (gboolean   ok,
         GError   **error)
{
  if (!ok && *error != NULL)
    g_warning ("%s", (*error)->message);
  return ok;
}

/**
 * tandem_project_exists:
 * @self: a project
 * @entity: the kind of item
 * @id: an id
 *
 * An unknown @entity is reported with g_critical(), a failure to read the
 * file with g_warning() (see above).
 *
 * Returns: whether the item exists; %FALSE if it could not be read
 */
gboolean
tandem_project_exists (TandemProject *self,
                       const char    *entity,
                       const char    *id)
{
  const TandemEntity *info;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;
  gint64 one;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  if ((info = known_entity (entity)) == NULL || id == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", info->name);
  return read_ok (_tandem_db_query_int (self, &error, &one, &found, sql, "s", id), &error) &&
         found;
}

/**
 * tandem_project_get_text:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @field: one of its fields
 *
 * An unknown @entity or @field is reported with g_critical(), a failure to
 * read the file with g_warning() (see above).
 *
 * Returns: (transfer full) (nullable): the field as text, %NULL if empty, if
 *   there is no such item or if it could not be read
 */
char *
tandem_project_get_text (TandemProject *self,
                         const char    *entity,
                         const char    *id,
                         const char    *field)
{
  const TandemEntity *info;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  info = known_entity (entity);
  if (!known_field (info, field) || id == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, info->name);
  read_ok (_tandem_db_query_text (self, &error, &text, NULL, sql, "s", id), &error);
  return text;
}

static void
add_text (TandemDbStmt *stmt,
          gpointer      texts)
{
  g_ptr_array_add (texts, _tandem_db_column_text (stmt, 0));
}

/**
 * tandem_project_list_ids:
 * @self: a project
 * @entity: the kind of item
 * @parent_field: (nullable): a field to filter on, such as “team_id”
 * @parent_id: (nullable): the value it must have
 * @order_field: (nullable): a field to sort by (then by id)
 *
 * An unknown @entity or field is reported with g_critical(), a failure to
 * read the file with g_warning() (see above).
 *
 * Returns: (transfer full) (element-type utf8): the ids, in order; those read
 *   before a failure
 */
GPtrArray *
tandem_project_list_ids (TandemProject *self,
                         const char    *entity,
                         const char    *parent_field,
                         const char    *parent_id,
                         const char    *order_field)
{
  const TandemEntity *info;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), ids);
  if ((info = known_entity (entity)) == NULL ||
      (parent_field && !known_field (info, parent_field)) ||
      (order_field && !known_field (info, order_field)))
    return ids;

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "SELECT id FROM %s", info->name);
  if (parent_field)
    g_string_append_printf (sql, " WHERE %s IS ?1", parent_field);
  g_string_append_printf (sql, " ORDER BY %s%sid", order_field ? order_field : "",
                          order_field ? ", " : "");
  read_ok (_tandem_db_each_row (self, &error, 1, add_text, ids, sql->str,
                                parent_field ? "s" : NULL, parent_id), &error);
  return ids;
}

/**
 * tandem_project_count:
 * @self: a project
 * @entity: the kind of item
 * @parent_field: (nullable): a field to filter on
 * @parent_id: (nullable): the value it must have
 *
 * An unknown @entity or @parent_field is reported with g_critical(), a
 * failure to read the file with g_warning() (see above).
 *
 * Returns: how many items there are, or -1 for an unknown name or if the
 *   file could not be read
 */
gint64
tandem_project_count (TandemProject *self,
                      const char    *entity,
                      const char    *parent_field,
                      const char    *parent_id)
{
  const TandemEntity *info;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), -1);
  if ((info = known_entity (entity)) == NULL ||
      (parent_field && !known_field (info, parent_field)))
    return -1;
  if (parent_field)
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS ?1", info->name, parent_field);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s", info->name);
  if (!read_ok (_tandem_db_query_int (self, &error, &count, NULL, sql,
                                     parent_field ? "s" : NULL, parent_id), &error))
    return -1;
  return count;
}

static gboolean
tandem_project_exists_any (TandemProject *self,
                           const char    *id)
{
  const char * const *entities = tandem_schema_list_entities ();

  for (guint i = 0; entities[i]; i++)
    if (tandem_project_exists (self, entities[i], id))
      return TRUE;
  return FALSE;
}

/**
 * tandem_project_dup_added_by:
 * @self: a project
 * @id: an item's id
 *
 * Returns: (transfer full) (nullable): the author who added the item
 */
char *
tandem_project_dup_added_by (TandemProject *self,
                             const char    *id)
{
  g_autoptr(GError) error = NULL;
  char *author = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (!read_ok (_tandem_db_query_text (self, &error, &author, NULL,
                                       "SELECT t.author FROM change_log l "
                                       "JOIN change_txn t ON t.id = l.txn "
                                       "WHERE l.entity_id = ?1 AND l.op = 'insert' "
                                       "ORDER BY l.seq LIMIT 1", "s", id), &error))
    return NULL;

  /* Added with many others at once (an import), logged as one entry. */
  if (author == NULL &&
      !read_ok (_tandem_db_query_text (self, &error, &author, NULL,
                                       "SELECT t.author FROM change_log l "
                                       "JOIN change_txn t ON t.id = l.txn, json_each (CASE WHEN "
                                       "l.op = 'insert' AND substr (l.new_value, 1, 1) = '[' "
                                       "AND json_valid (l.new_value) THEN l.new_value END) r "
                                       "WHERE r.type = 'object' "
                                       "AND json_extract (r.value, '$.id') = ?1 "
                                       "ORDER BY l.seq LIMIT 1", "s", id), &error))
    return NULL;

  /* Never inserted by an edit: it came with the project when it was created. */
  if (author == NULL && tandem_project_exists_any (self, id))
    read_ok (_tandem_db_query_text (self, &error, &author, NULL,
                                    "SELECT author FROM change_txn WHERE kind = 'create' "
                                    "ORDER BY id DESC LIMIT 1", NULL), &error);
  return author;
}

/**
 * tandem_project_dup_identity:
 * @self: a project
 * @last_change: (out) (optional) (nullable): the time of the last change
 *   recorded in this copy, ISO 8601, or %NULL if none
 * @n_changes: (out) (optional): how many changes this copy records
 * @error: return location for an error
 *
 * What makes this file a copy of one project rather than another: the
 * identity of the change that created the project, which every copy keeps
 * (a copied file, a saved copy, a merged one), as a merge matches copies.
 * A file with no record of its creation (made before format 3 and never
 * changed since) falls back on its copy's replica id.
 *
 * Returns: (transfer full) (nullable): the identity, or %NULL if the file
 *   records none (or with @error set if it could not be read)
 */
char *
tandem_project_dup_identity (TandemProject  *self,
                             char          **last_change,
                             gint64         *n_changes,
                             GError        **error)
{
  g_autofree char *identity = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);

  if (!_tandem_db_query_text (self, error, &identity, NULL,
                              "SELECT origin_replica || '/' || origin_id FROM change_txn "
                              "WHERE kind = 'create' AND origin_replica IS NOT NULL "
                              "ORDER BY id LIMIT 1", NULL))
    return NULL;
  if (identity == NULL && self->replica_id != NULL)
    identity = g_strconcat ("replica/", self->replica_id, NULL);
  if (last_change != NULL &&
      !_tandem_db_query_text (self, error, last_change, NULL,
                              "SELECT max (at) FROM change_txn", NULL))
    return NULL;
  if (n_changes != NULL &&
      !_tandem_db_query_int (self, error, n_changes, NULL, "SELECT count(*) FROM change_txn", NULL))
    return NULL;
  return g_steal_pointer (&identity);
}
