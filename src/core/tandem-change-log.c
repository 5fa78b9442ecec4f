/* tandem-change-log.c — every edit logged: the change's row in change_txn,
 * one row in change_log per change to an item, the generic insert, update
 * and delete, and replaying another copy's changes (see tandem-merge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-ChangeLog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <sys/random.h>

#include "tandem-clock.h"
#include "tandem-db-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            TandemValue   value)
{
  switch (value.type)
    {
    case TANDEM_VALUE_INT:
      sqlite3_bind_int64 (stmt, index, value.i);
      break;
    case TANDEM_VALUE_DOUBLE:
      sqlite3_bind_double (stmt, index, value.d);
      break;
    case TANDEM_VALUE_TEXT:
      sqlite3_bind_text (stmt, index, value.s, -1, SQLITE_TRANSIENT);
      break;
    case TANDEM_VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

/* A random (version 4) UUID straight from the kernel: unlike GLib's generator it
 * cannot repeat in a process forked from one that already made ids. */
char *
_tandem_new_id (void)
{
  guint8 b[16];
  gsize got = 0;

  while (got < sizeof b)
    {
      gssize n = getrandom (b + got, sizeof b - got, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return g_uuid_string_random ();
      got += n;
    }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

char *
_tandem_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } labels[] = {
    { "team", N_("team") },
    { "person", N_("person") },
    { "team_member", N_("team membership") },
    { "equity_tag", N_("equity tag") },
    { "diagram", N_("diagram") },
    { "node_group", N_("group") },
    { "node", N_("item") },
    { "node_link", N_("link") },
    { "node_tag", N_("tag") },
    { "node_coproducer", N_("co-producer") },
    { "pdsa_cycle", N_("PDSA cycle") },
    { "measure", N_("measure") },
    { "measure_link", N_("measure link") },
    { "data_point", N_("data point") },
    { "phase", N_("phase") },
    { "annotation", N_("annotation") },
    { "coaching_session", N_("coaching session") },
    { "attendance", N_("attendance") },
    { "action", N_("action") },
    { "session_link", N_("session link") },
    { "framework_item", N_("framework item") },
    { "framework_status", N_("framework status") },
    { "peer_role", N_("peer role") },
    { "supervision", N_("supervision record") },
    { "comment", N_("comment") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].entity, entity))
      return _(labels[i].label);
  return entity;
}

/* ------------------------------------------------------------------------ */
/* Transactions and the change log                                          */

gboolean
_tandem_project_ensure_txn_row (TandemProject  *self,
                                GError        **error)
{
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->txn_id != 0)
    return TRUE;

  stmt = _tandem_db_prepare (self, "INSERT INTO change_txn (at, author, replica, label, kind, target, "
                        "origin_replica, origin_id, merged_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  at = _tandem_now_iso8601 ();
  if (self->replay != NULL)
    {
      /* Another copy's change keeps its author, time and identity. */
      const TandemReplayTxn *replay = self->replay;

      sqlite3_bind_text (stmt, 1, replay->at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, replay->author, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, replay->replica, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, replay->label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, replay->kind, -1, SQLITE_TRANSIENT);
      if (replay->target != 0)
        sqlite3_bind_int64 (stmt, 6, replay->target);
      sqlite3_bind_text (stmt, 7, replay->origin_replica, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, replay->origin_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, at, -1, SQLITE_TRANSIENT);
    }
  else
    {
      g_autofree char *origin = _tandem_new_id ();

      sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, self->replica_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, self->txn_label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, self->txn_kind, -1, SQLITE_STATIC);
      if (self->txn_target != 0)
        sqlite3_bind_int64 (stmt, 6, self->txn_target);
      sqlite3_bind_text (stmt, 7, self->replica_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, origin, -1, SQLITE_TRANSIENT);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_set_error (self, rc, error);
      return FALSE;
    }
  self->txn_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* old_value and new_value are SQLite values so that types survive the round trip. */
gboolean
_tandem_project_log_change (TandemProject  *self,
                            const char     *op,
                            const char     *entity,
                            const char     *id,
                            const char     *field,
                            sqlite3_value  *old_value,
                            sqlite3_value  *new_value,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_tandem_project_ensure_txn_row (self, error))
    return FALSE;

  stmt = _tandem_db_prepare (self, "INSERT INTO change_log (txn, op, entity, entity_id, field, "
                        "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->txn_id);
  sqlite3_bind_text (stmt, 2, op, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  if (field)
    sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  if (old_value)
    sqlite3_bind_value (stmt, 6, old_value);
  if (new_value)
    sqlite3_bind_value (stmt, 7, new_value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_set_error (self, rc, error);
      return FALSE;
    }
  g_hash_table_add (self->touched, (gpointer) g_intern_string (entity));
  return TRUE;
}

/* The row as a JSON object, or NULL (no error) if there is no such row. */
sqlite3_value *
_tandem_project_row_as_json (TandemProject       *self,
                             const TandemEntity  *entity,
                             const char          *id,
                             GError             **error)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, entity->select_json, error);
  sqlite3_value *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
  else if (rc != SQLITE_DONE)
    _tandem_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return value;
}

const TandemEntity *
_tandem_lookup_entity (const char  *entity,
                       GError     **error)
{
  const TandemEntity *info = tandem_schema_lookup (entity);

  if (info == NULL)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 "Tandem has no kind of item called “%s”", entity);
  return info;
}

gboolean
_tandem_check_field (const TandemEntity  *entity,
                     const char          *field,
                     GError             **error)
{
  if (field == NULL || g_str_equal (field, "id") || !tandem_schema_has_column (entity, field))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a %s has no field called “%s”", entity->name, field ? field : "(null)");
      return FALSE;
    }
  return TRUE;
}

static char *
insert_row (TandemProject       *self,
            const TandemEntity  *entity,
            const TandemField   *fields,
            guint                n_fields,
            GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new ("?1");
  g_autofree char *id = _tandem_new_id ();
  sqlite3_value *json;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_string_append_printf (sql, "INSERT INTO %s (id", entity->name);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!_tandem_check_field (entity, fields[i].field, error))
        return NULL;
      g_string_append_printf (sql, ", %s", fields[i].field);
      g_string_append_printf (params, ", ?%u", i + 2);
    }
  g_string_append_printf (sql, ") VALUES (%s)", params->str);

  stmt = _tandem_db_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_fields; i++)
    bind_value (stmt, i + 2, fields[i].value);
  ok = _tandem_db_step_done (self, stmt, error);
  sqlite3_reset (stmt);
  if (!ok)
    return NULL;

  /* What a project is created with (its defaults, a template, the sample) is
   * in every copy of it and is never undone: it is credited to the creating
   * transaction as a whole (see tandem_project_dup_added_by()) rather than row
   * by row, which keeps large projects small and quick to check on opening. */
  if (g_str_equal (self->txn_kind, "create"))
    {
      g_hash_table_add (self->touched, (gpointer) entity->name);
      return _tandem_project_ensure_txn_row (self, error) ? g_steal_pointer (&id) : NULL;
    }

  json = _tandem_project_row_as_json (self, entity, id, error);
  if (json == NULL)
    return NULL;
  ok = _tandem_project_log_change (self, "insert", entity->name, id, NULL, NULL, json, error);
  sqlite3_value_free (json);
  return ok ? g_steal_pointer (&id) : NULL;
}

/**
 * tandem_project_insert:
 * @self: a project
 * @entity: the kind of item (“team”, “node”, “measure”…)
 * @fields: the values to set; the rest take their defaults
 * @n_fields: how many
 * @error: return location for an error
 *
 * Adds an item with a new unique id and records who added it.
 *
 * Returns: (transfer full) (nullable): the new item's id, or %NULL on error
 */
char *
tandem_project_insert (TandemProject      *self,
                       const char         *entity,
                       const TandemField  *fields,
                       guint               n_fields,
                       GError            **error)
{
  const TandemEntity *info;
  g_autofree char *label = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  char *id;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);

  if ((info = _tandem_lookup_entity (entity, error)) == NULL)
    return NULL;
  label = g_strdup_printf (_("Add %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return NULL;
  id = insert_row (self, info, fields, n_fields, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    g_clear_pointer (&id, g_free);
  return id;
}

gboolean
_tandem_project_update_field (TandemProject       *self,
                              const TandemEntity  *entity,
                              const char          *id,
                              const char          *field,
                              TandemValue         *value,        /* either this… */
                              sqlite3_value       *raw,          /* …or this */
                              GError             **error)
{
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  sqlite3_value *old_value = NULL;
  sqlite3_value *new_value = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  select_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, entity->name);
  stmt = _tandem_db_prepare (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("This %s no longer exists: someone may have deleted it."),
                   entity_label (entity->name));
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _tandem_db_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  old_value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
  sqlite3_reset (stmt);

  update_sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2 RETURNING %s",
                                entity->name, field, field);
  stmt = _tandem_db_prepare (self, update_sql, error);
  if (stmt == NULL)
    goto out;
  if (raw)
    sqlite3_bind_value (stmt, 1, raw);
  else
    bind_value (stmt, 1, *value);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tandem_db_set_error (self, rc, error);
      sqlite3_reset (stmt);
      goto out;
    }
  new_value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
  sqlite3_reset (stmt);

  ok = _tandem_project_log_change (self, "update", entity->name, id, field, old_value, new_value,
                                   error);

out:
  sqlite3_value_free (old_value);
  sqlite3_value_free (new_value);
  return ok;
}

/**
 * tandem_project_update:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @field: the field to change
 * @value: its new value
 * @error: return location for an error
 *
 * Changes one field of one item and records the old and new values, who
 * changed it and when.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_update (TandemProject  *self,
                       const char     *entity,
                       const char     *id,
                       const char     *field,
                       TandemValue     value,
                       GError        **error)
{
  const TandemEntity *info;
  g_autofree char *label = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((info = _tandem_lookup_entity (entity, error)) == NULL ||
      !_tandem_check_field (info, field, error))
    return FALSE;
  label = g_strdup_printf (_("Change %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return FALSE;
  return _tandem_project_update_field (self, info, id, field, &value, NULL, error) &&
         tandem_change_commit (&change, error);
}

static GPtrArray *
ids_where (TandemProject  *self,
           const char     *entity,
           const char     *column,
           const char     *value,
           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", entity, column);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _tandem_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
_tandem_project_delete_row (TandemProject       *self,
                            const TandemEntity  *entity,
                            const char          *id,
                            GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_value *json;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (g_hash_table_contains (self->deleting, id))
    return TRUE;
  g_hash_table_add (self->deleting, g_strdup (id));

  /* Children first, each logged, so that undo brings every one of them back. */
  for (guint i = 0; i < entity->children->len; i++)
    {
      const TandemChildLink *link = &g_array_index (entity->children, TandemChildLink, i);
      const TandemEntity *child = tandem_schema_lookup (link->entity);
      g_autoptr(GPtrArray) ids = ids_where (self, link->entity, link->column, id, error);

      if (ids == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        {
          if (link->rule == TANDEM_CHILD_DELETE)
            ok = _tandem_project_delete_row (self, child, ids->pdata[j], error);
          else
            {
              TandemValue null_value = tandem_value_null ();
              ok = _tandem_project_update_field (self, child, ids->pdata[j], link->column,
                                                 &null_value, NULL, error);
            }
          if (!ok)
            return FALSE;
        }
    }

  json = _tandem_project_row_as_json (self, entity, id, error);
  if (json == NULL)
    return error == NULL || *error == NULL;  /* already gone: nothing to do */

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", entity->name);
  stmt = _tandem_db_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      ok = _tandem_db_step_done (self, stmt, error);
      sqlite3_reset (stmt);
    }
  if (ok)
    ok = _tandem_project_log_change (self, "delete", entity->name, id, NULL, json, NULL, error);
  sqlite3_value_free (json);
  g_hash_table_remove (self->deleting, id);
  return ok;
}

/**
 * tandem_project_delete:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @error: return location for an error
 *
 * Deletes an item and everything that belongs to it (a team's diagrams, a
 * node's links…); references to it from items that live on are cleared. All
 * of it is logged, so one undo brings it all back.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_delete (TandemProject  *self,
                       const char     *entity,
                       const char     *id,
                       GError        **error)
{
  const TandemEntity *info;
  g_autofree char *label = NULL;
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((info = _tandem_lookup_entity (entity, error)) == NULL)
    return FALSE;
  label = g_strdup_printf (_("Delete %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return FALSE;
  ok = _tandem_project_delete_row (self, info, id, error);
  g_hash_table_remove_all (self->deleting);
  return ok && tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* Replaying another copy's changes (see tandem-merge.c)                    */

/* What people call an entity, translated (“item” for a node). */
const char *
_tandem_project_entity_label (const char *entity)
{
  return entity_label (entity);
}

/* Within an open transaction, the changes from here to
 * _tandem_project_replay_end() are logged as @txn, not as this author's. */
gboolean
_tandem_project_replay_begin (TandemProject         *self,
                              const TandemReplayTxn *txn)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0 && self->replay == NULL, FALSE);

  self->replay = txn;
  self->txn_id = 0;
  return TRUE;
}

/* The replayed change is recorded even if nothing of it applied here, so that
 * merging the same copy again knows it has it. Returns its id, or 0. */
gint64
_tandem_project_replay_end (TandemProject  *self,
                            GError        **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->replay != NULL, 0);

  if (_tandem_project_ensure_txn_row (self, error))
    id = self->txn_id;
  self->replay = NULL;
  self->txn_id = 0;
  return id;
}

/* Within an open transaction, after a merge's replayed changes: records the
 * merge itself as this author's change, labelled @label, naming @first, the
 * first change it brought in. It goes on the undo stack when committed, and
 * undoing it takes back every change from @first up to it. Returns its id,
 * or 0. */
gint64
_tandem_project_mark_merge (TandemProject  *self,
                            const char     *label,
                            gint64          first,
                            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->depth > 0 && self->replay == NULL && first > 0, 0);

  g_free (self->txn_label);
  self->txn_label = g_strdup (label);
  self->txn_kind = "edit";
  self->txn_target = first;
  self->txn_id = 0;
  return _tandem_project_ensure_txn_row (self, error) ? self->txn_id : 0;
}

/* Inserts a row as it was logged elsewhere (a JSON object of every column),
 * logged here. When another row already has the same unique values,
 * @duplicate is set and nothing is inserted, without an error. */
gboolean
_tandem_project_insert_json (TandemProject  *self,
                             const char     *entity,
                             const char     *id,
                             sqlite3_value  *json,
                             gboolean       *duplicate,
                             GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  sqlite3_value *row;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  *duplicate = FALSE;
  if (info == NULL || (stmt = _tandem_db_prepare (self, info->insert_json, error)) == NULL)
    return FALSE;
  sqlite3_bind_value (stmt, 1, json);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      *duplicate = sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE;
      if (!*duplicate)
        _tandem_db_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  row = _tandem_project_row_as_json (self, info, id, error);
  if (row == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                     "a %s logged as added has a different id", info->name);
      return FALSE;
    }
  ok = _tandem_project_log_change (self, "insert", info->name, id, NULL, NULL, row, error);
  sqlite3_value_free (row);
  return ok;
}

/* Changes one field to a value of any type, logged. A value that would
 * repeat another row's unique values sets @duplicate, without an error. */
gboolean
_tandem_project_update_value (TandemProject  *self,
                              const char     *entity,
                              const char     *id,
                              const char     *field,
                              sqlite3_value  *value,
                              gboolean       *duplicate,
                              GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  g_autoptr(GError) local_error = NULL;
  TandemValue null_value = tandem_value_null ();  /* for a NULL @value */

  *duplicate = FALSE;
  if (info == NULL || !_tandem_check_field (info, field, error))
    return FALSE;
  if (_tandem_project_update_field (self, info, id, field, &null_value, value, &local_error))
    return TRUE;
  *duplicate = sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE;
  if (!*duplicate)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Deletes a row and what belongs to it by the schema's rules, logged. */
gboolean
_tandem_project_delete_logged (TandemProject  *self,
                               const char     *entity,
                               const char     *id,
                               GError        **error)
{
  const TandemEntity *info = _tandem_lookup_entity (entity, error);
  gboolean ok;

  if (info == NULL)
    return FALSE;
  ok = _tandem_project_delete_row (self, info, id, error);
  g_hash_table_remove_all (self->deleting);
  return ok;
}
