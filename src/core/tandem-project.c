/* tandem-project.c — one project file: opening it safely, editing it, undoing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-clock.h"
#include "tandem-db-private.h"
#include "tandem-defaults.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

struct _TandemProject
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *author;
  char        *replica_id;
  gboolean     read_only;

  GHashTable  *statements;   /* SQL text → sqlite3_stmt */

  /* the transaction being built */
  guint        depth;
  gint64       txn_id;       /* 0 until the first change is logged */
  char        *txn_label;
  const char  *txn_kind;
  gint64       txn_target;
  GHashTable  *touched;      /* interned entity names changed in it */
  GHashTable  *deleting;     /* ids being deleted, against cycles in foreign files */
  const TandemReplayTxn *replay;  /* another copy's change being replayed, or NULL */

  GArray      *undo_stack;   /* gint64 txn ids, newest last */
  GArray      *redo_stack;

  gint64       last_seq;
  int          data_version;
  guint        watch_id;

  GThread     *check_thread; /* a structural check still running, see open_for_reading */
  GError      *check_error;  /* what it found, once joined */
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static guint default_busy_timeout = 5000;

G_DEFINE_FINAL_TYPE (TandemProject, tandem_project, G_TYPE_OBJECT)

static gboolean delete_row (TandemProject *self, const TandemEntity *entity,
                            const char *id, GError **error);

/* ------------------------------------------------------------------------ */
/* Errors in the words of the people who use Tandem                         */

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static void
set_open_error (GError     **error,
                int          code,
                const char  *path,
                const char  *reason)
{
  g_autofree char *name = display_name (path);

  switch (code)
    {
    case TANDEM_PROJECT_ERROR_NOT_FOUND:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” could not be found. It may have been moved, renamed or deleted."),
                   name);
      break;
    case TANDEM_PROJECT_ERROR_NOT_SQLITE:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” is not a Tandem project. Tandem projects are files made by "
                     "Tandem, usually ending in “.tandem”. The file has not been changed."),
                   name);
      break;
    case TANDEM_PROJECT_ERROR_NOT_TANDEM:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” is not a Tandem project: %s. The file has not been changed."),
                   name, reason);
      break;
    case TANDEM_PROJECT_ERROR_CORRUPT:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” is damaged and cannot be opened (%s). If you have a copy or a "
                     "backup of it, open that instead. The file has not been changed."),
                   name, reason);
      break;
    case TANDEM_PROJECT_ERROR_LOCKED:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” is in use by another program and did not become free. "
                     "Close it there, or wait a moment, then try again."), name);
      break;
    case TANDEM_PROJECT_ERROR_READ_ONLY:
      g_set_error (error, TANDEM_PROJECT_ERROR, code,
                   _("“%s” was made by an older version of Tandem and must be updated "
                     "before it can be opened, but it can only be read. Copy it somewhere "
                     "you can write to, then open the copy."), name);
      break;
    default:
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   _("“%s” could not be opened: %s."), name, reason);
      break;
    }
}

static int
open_error_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_IOERR:
      return TANDEM_PROJECT_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TANDEM_PROJECT_ERROR_LOCKED;
    case SQLITE_CANTOPEN:
      return TANDEM_PROJECT_ERROR_NOT_FOUND;
    default:
      return TANDEM_PROJECT_ERROR_FAILED;
    }
}

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

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

/* A random (version 4) UUID straight from the kernel: unlike GLib's generator it
 * cannot repeat in a process forked from one that already made ids. */
static char *
new_id (void)
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

static char *
now_iso8601 (void)
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

/* Adds to @entities each kind of item the change log holds changes to past
 * the last change this project has seen (made or announced). */
static void
add_changed_since_seen (TandemProject *self,
                        GHashTable    *entities)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, "SELECT DISTINCT entity FROM change_log WHERE seq > ?1", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->last_seq);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *entity = (const char *) sqlite3_column_text (stmt, 0);

      if (tandem_schema_lookup (entity) != NULL)
        g_hash_table_add (entities, (gpointer) g_intern_string (entity));
    }
  sqlite3_reset (stmt);
}

static gboolean
begin_full (TandemProject  *self,
            const char     *label,
            const char     *kind,
            gint64          target,
            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);

  if (self->read_only)
    {
      _tandem_db_set_error (self, SQLITE_READONLY, error);
      return FALSE;
    }

  if (self->depth++ > 0)
    return TRUE;

  if (!_tandem_db_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->depth = 0;
      return FALSE;
    }

  self->txn_id = 0;
  g_free (self->txn_label);
  self->txn_label = g_strdup (label ? label : _("Change"));
  self->txn_kind = kind;
  self->txn_target = target;
  g_hash_table_remove_all (self->touched);
  /* With the file to ourselves, whatever the log holds past what we have
   * seen was written by another program: the commit announces it with our
   * own change, since it moves what we have seen past it. */
  add_changed_since_seen (self, self->touched);
  return TRUE;
}

/**
 * tandem_project_begin:
 * @self: a project
 * @label: what the person is doing, in their words (“Add change idea”); shown
 *   as “Undo Add change idea”
 * @error: return location for an error
 *
 * Starts one undoable change. Every insert, update and delete until the matching
 * tandem_project_commit() is saved together and undone together. Calls nest:
 * only the outermost pair starts and ends the transaction.
 *
 * Returns: %TRUE if the change may go ahead
 */
gboolean
tandem_project_begin (TandemProject  *self,
                      const char     *label,
                      GError        **error)
{
  return begin_full (self, label, "edit", 0, error);
}

/**
 * tandem_project_begin_creation:
 * @self: a project
 * @label: what is being created
 * @error: return location for an error
 *
 * Like tandem_project_begin(), for content that the project is created with
 * (a template or the sample): it is recorded in the change log for
 * attribution but is not put on the undo stack.
 *
 * Returns: %TRUE if the change may go ahead
 */
gboolean
tandem_project_begin_creation (TandemProject  *self,
                               const char     *label,
                               GError        **error)
{
  return begin_full (self, label, "create", 0, error);
}

static void
stack_remove (GArray *stack,
              gint64  txn)
{
  for (guint i = stack->len; i > 0; i--)
    if (g_array_index (stack, gint64, i - 1) == txn)
      {
        g_array_remove_index (stack, i - 1);
        return;
      }
}

static void
stacks_apply (TandemProject *self,
              gint64         txn,
              const char    *kind,
              gint64         target)
{
  if (g_str_equal (kind, "edit"))
    {
      g_array_append_val (self->undo_stack, txn);
      g_array_set_size (self->redo_stack, 0);
    }
  else if (g_str_equal (kind, "undo"))
    {
      stack_remove (self->undo_stack, target);
      g_array_append_val (self->redo_stack, txn);
    }
  else if (g_str_equal (kind, "redo"))
    {
      stack_remove (self->redo_stack, target);
      g_array_append_val (self->undo_stack, txn);
    }
}

static void
emit_changed (TandemProject *self,
              GHashTable    *entities)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
}

/**
 * tandem_project_commit:
 * @self: a project
 * @error: return location for an error
 *
 * Ends the change begun by tandem_project_begin(). When it is the outermost
 * one, the change is written to the file at once. If that fails (the disk is
 * full, the file became read-only) the whole change is rolled back and the file
 * is as it was before it began.
 *
 * Returns: %TRUE if the change is saved
 */
gboolean
tandem_project_commit (TandemProject  *self,
                       GError        **error)
{
  g_autoptr(GHashTable) touched = NULL;
  gboolean can_undo, can_redo;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _tandem_db_set_error (self, rc, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->touched);
      self->txn_id = 0;
      return FALSE;
    }

  can_undo = tandem_project_can_undo (self);
  can_redo = tandem_project_can_redo (self);
  if (self->txn_id != 0)
    stacks_apply (self, self->txn_id, self->txn_kind, self->txn_target);
  self->last_seq = query_int (self->db, "SELECT max(seq) FROM change_log", 0);
  self->txn_id = 0;

  touched = g_steal_pointer (&self->touched);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  emit_changed (self, touched);

  if (can_undo != tandem_project_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo != tandem_project_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  return TRUE;
}

/**
 * tandem_project_rollback:
 * @self: a project
 *
 * Abandons the change being built, however deeply nested: nothing of it
 * reaches the file.
 */
void
tandem_project_rollback (TandemProject *self)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  if (self->depth == 0)
    return;
  self->depth = 0;
  self->txn_id = 0;
  g_hash_table_remove_all (self->touched);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
ensure_txn_row (TandemProject  *self,
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
  at = now_iso8601 ();
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
      g_autofree char *origin = new_id ();

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
static gboolean
log_change (TandemProject  *self,
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

  if (!ensure_txn_row (self, error))
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
static sqlite3_value *
row_as_json (TandemProject       *self,
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

static const TandemEntity *
lookup_entity (const char  *entity,
               GError     **error)
{
  const TandemEntity *info = tandem_schema_lookup (entity);

  if (info == NULL)
    g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                 "Tandem has no kind of item called “%s”", entity);
  return info;
}

static gboolean
check_field (const TandemEntity  *entity,
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
  g_autofree char *id = new_id ();
  sqlite3_value *json;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_string_append_printf (sql, "INSERT INTO %s (id", entity->name);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!check_field (entity, fields[i].field, error))
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
      return ensure_txn_row (self, error) ? g_steal_pointer (&id) : NULL;
    }

  json = row_as_json (self, entity, id, error);
  if (json == NULL)
    return NULL;
  ok = log_change (self, "insert", entity->name, id, NULL, NULL, json, error);
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

  if ((info = lookup_entity (entity, error)) == NULL)
    return NULL;
  label = g_strdup_printf (_("Add %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return NULL;
  id = insert_row (self, info, fields, n_fields, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    g_clear_pointer (&id, g_free);
  return id;
}

static gboolean
update_field (TandemProject       *self,
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

  ok = log_change (self, "update", entity->name, id, field, old_value, new_value, error);

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

  if ((info = lookup_entity (entity, error)) == NULL || !check_field (info, field, error))
    return FALSE;
  label = g_strdup_printf (_("Change %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return FALSE;
  return update_field (self, info, id, field, &value, NULL, error) &&
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

static gboolean
delete_row (TandemProject       *self,
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
            ok = delete_row (self, child, ids->pdata[j], error);
          else
            {
              TandemValue null_value = tandem_value_null ();
              ok = update_field (self, child, ids->pdata[j], link->column, &null_value, NULL,
                                 error);
            }
          if (!ok)
            return FALSE;
        }
    }

  json = row_as_json (self, entity, id, error);
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
    ok = log_change (self, "delete", entity->name, id, NULL, json, NULL, error);
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

  if ((info = lookup_entity (entity, error)) == NULL)
    return FALSE;
  label = g_strdup_printf (_("Delete %s"), entity_label (info->name));
  if (!tandem_change_begin (&change, self, label, error))
    return FALSE;
  ok = delete_row (self, info, id, error);
  g_hash_table_remove_all (self->deleting);
  return ok && tandem_change_commit (&change, error);
}

/* ------------------------------------------------------------------------ */
/* Undo and redo: both write the inverse of an earlier transaction          */

typedef struct
{
  char          *op;
  char          *entity;
  char          *entity_id;
  char          *field;
  sqlite3_value *old_value;
  sqlite3_value *new_value;
} LogEntry;

static void
log_entry_clear (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->op);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->field);
  sqlite3_value_free (entry->old_value);
  sqlite3_value_free (entry->new_value);
}

/* Writes the inverse of the transactions @first to @last, newest change
 * first. When @lenient (taking back a merge, which may span many people's
 * changes), a change to an item that is gone since, or the return of one that
 * is back already, is passed over rather than failing the whole undo. */
static gboolean
apply_inverse (TandemProject  *self,
               gint64          first,
               gint64          last,
               gboolean        lenient,
               GError        **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (LogEntry));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (entries, log_entry_clear);
  stmt = _tandem_db_prepare (self, "SELECT op, entity, entity_id, field, old_value, new_value "
                        "FROM change_log WHERE txn BETWEEN ?1 AND ?2 ORDER BY seq DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LogEntry entry;

      entry.op = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry.entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry.entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry.field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry.old_value = sqlite3_value_dup (sqlite3_column_value (stmt, 4));
      entry.new_value = sqlite3_value_dup (sqlite3_column_value (stmt, 5));
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_set_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LogEntry *entry = &g_array_index (entries, LogEntry, i);
      const TandemEntity *entity = lookup_entity (entry->entity, error);
      gboolean ok;

      if (entity == NULL || entry->entity_id == NULL)
        return FALSE;

      if (g_strcmp0 (entry->op, "insert") == 0)
        {
          ok = delete_row (self, entity, entry->entity_id, error);
          g_hash_table_remove_all (self->deleting);
        }
      else if (g_strcmp0 (entry->op, "update") == 0)
        {
          if (lenient && !tandem_project_exists (self, entity->name, entry->entity_id))
            ok = TRUE;
          else
            ok = check_field (entity, entry->field, error) &&
                 update_field (self, entity, entry->entity_id, entry->field, NULL,
                               entry->old_value, error);
        }
      else if (g_strcmp0 (entry->op, "delete") == 0 && lenient &&
               tandem_project_exists (self, entity->name, entry->entity_id))
        ok = TRUE;
      else if (g_strcmp0 (entry->op, "delete") == 0)
        {
          sqlite3_value *json;

          stmt = _tandem_db_prepare (self, entity->insert_json, error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_value (stmt, 1, entry->old_value);
              ok = _tandem_db_step_done (self, stmt, error);
              sqlite3_reset (stmt);
            }
          if (ok && (json = row_as_json (self, entity, entry->entity_id, error)) != NULL)
            {
              ok = log_change (self, "insert", entity->name, entry->entity_id, NULL,
                               NULL, json, error);
              sqlite3_value_free (json);
            }
        }
      else
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                       "the change log holds an unknown operation “%s”", entry->op);
          ok = FALSE;
        }

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static char *
txn_label (TandemProject *self,
           gint64         txn)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, "SELECT label FROM change_txn WHERE id = ?1", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, txn);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = _tandem_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

/* The merge @txn is, or undoes or redoes, with the first change it brought
 * in; 0 if @txn has nothing to do with a merge. A merge is recorded as an
 * edit that names the first of the changes it brought in (its target; no
 * other edit has one), and they run up to it; see tandem_project_merge(). */
static gint64
merge_of (TandemProject *self,
          gint64         txn,
          gint64        *first)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (self, "SELECT kind, target FROM change_txn WHERE id = ?1", NULL);

  *first = 0;
  while (stmt != NULL && txn != 0)
    {
      g_autofree char *kind = NULL;
      gint64 target = 0;

      sqlite3_bind_int64 (stmt, 1, txn);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          target = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (target == 0 || target >= txn || kind == NULL)
        return 0;
      if (g_str_equal (kind, "edit"))
        {
          *first = target;
          return txn;
        }
      if (!g_str_equal (kind, "undo") && !g_str_equal (kind, "redo"))
        return 0;
      txn = target;
    }
  return 0;
}

static gboolean
undo_or_redo (TandemProject  *self,
              GArray         *stack,
              const char     *kind,
              GError        **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 target;
  gint64 merge;
  gint64 first = 0;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (stack->len == 0)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOTHING_TO_UNDO,
                           g_str_equal (kind, "undo") ? _("There is nothing to undo.")
                                                      : _("There is nothing to redo."));
      return FALSE;
    }

  target = g_array_index (stack, gint64, stack->len - 1);
  label = txn_label (self, target);
  merge = merge_of (self, target, &first);
  if (!begin_full (self, label, kind, target, error))
    return FALSE;
  if (merge == target)
    /* Taking back a merge: every change it brought in, newest first. */
    ok = apply_inverse (self, first, merge - 1, TRUE, &local_error);
  else
    ok = apply_inverse (self, target, target, merge != 0, &local_error);
  if (ok && merge != 0)
    ok = _tandem_merge_set_withdrawn (self, merge, first, g_str_equal (kind, "undo"),
                                      &local_error);
  if (!ok)
    {
      tandem_project_rollback (self);
      g_set_error (error, local_error->domain, local_error->code,
                   g_str_equal (kind, "undo") ? _("Could not undo “%s”: %s")
                                              : _("Could not redo “%s”: %s"),
                   label ? label : "", local_error->message);
      return FALSE;
    }
  if (self->txn_id == 0)
    {
      /* Nothing left to change (someone else already did): still move the stacks. */
      if (!ensure_txn_row (self, error))
        {
          tandem_project_rollback (self);
          return FALSE;
        }
    }
  return tandem_project_commit (self, error);
}

/**
 * tandem_project_undo:
 * @self: a project
 * @error: return location for an error
 *
 * Undoes the most recent change made by this author in this copy of the
 * project, by writing its old values back (itself a logged change, so undo
 * survives a restart and shows in the history).
 *
 * Returns: %TRUE if undone
 */
gboolean
tandem_project_undo (TandemProject  *self,
                     GError        **error)
{
  return undo_or_redo (self, self->undo_stack, "undo", error);
}

/**
 * tandem_project_redo:
 * @self: a project
 * @error: return location for an error
 *
 * Redoes the most recently undone change.
 *
 * Returns: %TRUE if redone
 */
gboolean
tandem_project_redo (TandemProject  *self,
                     GError        **error)
{
  return undo_or_redo (self, self->redo_stack, "redo", error);
}

gboolean
tandem_project_can_undo (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return !self->read_only && self->undo_stack->len > 0;
}

gboolean
tandem_project_can_redo (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  return !self->read_only && self->redo_stack->len > 0;
}

/**
 * tandem_project_dup_undo_label:
 * @self: a project
 *
 * Returns: (transfer full) (nullable): what undo would undo (“Add team”)
 */
char *
tandem_project_dup_undo_label (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return txn_label (self, g_array_index (self->undo_stack, gint64, self->undo_stack->len - 1));
}

/**
 * tandem_project_dup_redo_label:
 * @self: a project
 *
 * Returns: (transfer full) (nullable): what redo would redo
 */
char *
tandem_project_dup_redo_label (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return txn_label (self, g_array_index (self->redo_stack, gint64, self->redo_stack->len - 1));
}

static void
load_stacks (TandemProject *self)
{
  sqlite3_stmt *stmt = NULL;

  g_array_set_size (self->undo_stack, 0);
  g_array_set_size (self->redo_stack, 0);
  if (sqlite3_prepare_v2 (self->db, "SELECT id, kind, target FROM change_txn "
                          "WHERE replica = ?1 AND author = ?2 AND merged_at IS NULL "
                          "ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, self->replica_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    stacks_apply (self, sqlite3_column_int64 (stmt, 0),
                  (const char *) sqlite3_column_text (stmt, 1),
                  sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

/**
 * tandem_project_exists:
 * @self: a project
 * @entity: the kind of item
 * @id: an id
 *
 * Returns: whether the item exists
 */
gboolean
tandem_project_exists (TandemProject *self,
                       const char    *entity,
                       const char    *id)
{
  const TandemEntity *info = tandem_schema_lookup (entity);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  if (info == NULL || id == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", info->name);
  if ((stmt = _tandem_db_prepare (self, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * tandem_project_get_text:
 * @self: a project
 * @entity: the kind of item
 * @id: the item
 * @field: one of its fields
 *
 * Returns: (transfer full) (nullable): the field as text, %NULL if empty or
 *   if there is no such item or field
 */
char *
tandem_project_get_text (TandemProject *self,
                         const char    *entity,
                         const char    *id,
                         const char    *field)
{
  const TandemEntity *info = tandem_schema_lookup (entity);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  if (info == NULL || id == NULL || !tandem_schema_has_column (info, field))
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, info->name);
  if ((stmt = _tandem_db_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = _tandem_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/**
 * tandem_project_list_ids:
 * @self: a project
 * @entity: the kind of item
 * @parent_field: (nullable): a field to filter on, such as “team_id”
 * @parent_id: (nullable): the value it must have
 * @order_field: (nullable): a field to sort by (then by id)
 *
 * Returns: (transfer full) (element-type utf8): the ids, in order
 */
GPtrArray *
tandem_project_list_ids (TandemProject *self,
                         const char    *entity,
                         const char    *parent_field,
                         const char    *parent_id,
                         const char    *order_field)
{
  const TandemEntity *info = tandem_schema_lookup (entity);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), ids);
  if (info == NULL ||
      (parent_field && !tandem_schema_has_column (info, parent_field)) ||
      (order_field && !tandem_schema_has_column (info, order_field)))
    return ids;

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "SELECT id FROM %s", info->name);
  if (parent_field)
    g_string_append_printf (sql, " WHERE %s IS ?1", parent_field);
  g_string_append_printf (sql, " ORDER BY %s%sid", order_field ? order_field : "",
                          order_field ? ", " : "");
  if ((stmt = _tandem_db_prepare (self, sql->str, NULL)) == NULL)
    return ids;
  if (parent_field && parent_id)
    sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

/**
 * tandem_project_count:
 * @self: a project
 * @entity: the kind of item
 * @parent_field: (nullable): a field to filter on
 * @parent_id: (nullable): the value it must have
 *
 * Returns: how many items there are, or -1 for an unknown entity
 */
gint64
tandem_project_count (TandemProject *self,
                      const char    *entity,
                      const char    *parent_field,
                      const char    *parent_id)
{
  const TandemEntity *info = tandem_schema_lookup (entity);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), -1);
  if (info == NULL || (parent_field && !tandem_schema_has_column (info, parent_field)))
    return -1;
  if (parent_field)
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS ?1", info->name, parent_field);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s", info->name);
  if ((stmt = _tandem_db_prepare (self, sql, NULL)) == NULL)
    return -1;
  if (parent_field && parent_id)
    sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt;
  char *author = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  stmt = _tandem_db_prepare (self, "SELECT t.author FROM change_log l JOIN change_txn t ON t.id = l.txn "
                        "WHERE l.entity_id = ?1 AND l.op = 'insert' ORDER BY l.seq LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    author = _tandem_column_text (stmt, 0);
  sqlite3_reset (stmt);

  /* Never inserted by an edit: it came with the project when it was created. */
  if (author == NULL)
    {
      stmt = _tandem_db_prepare (self, "SELECT author FROM change_txn WHERE kind = 'create' "
                            "ORDER BY id DESC LIMIT 1", NULL);
      if (stmt != NULL && tandem_project_exists_any (self, id) && sqlite3_step (stmt) == SQLITE_ROW)
        author = _tandem_column_text (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  return author;
}

/* ------------------------------------------------------------------------ */
/* Changes made by other programs                                           */

/**
 * tandem_project_poll:
 * @self: a project
 *
 * Checks, cheaply, whether another program (or another window) has changed
 * the file, and if so emits #TandemProject::changed for each kind of item it
 * changed.
 *
 * Returns: %TRUE if there were changes from elsewhere
 */
gboolean
tandem_project_poll (TandemProject *self)
{
  g_autoptr(GHashTable) entities = NULL;
  int version;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  if (self->depth > 0)
    return FALSE;

  version = (int) query_int (self->db, "PRAGMA data_version", self->data_version);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;

  entities = g_hash_table_new (g_str_hash, g_str_equal);
  add_changed_since_seen (self, entities);
  self->last_seq = query_int (self->db, "SELECT max(seq) FROM change_log", self->last_seq);
  emit_changed (self, entities);
  return g_hash_table_size (entities) > 0;
}

static gboolean
watch_cb (gpointer user_data)
{
  tandem_project_poll (TANDEM_PROJECT (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * tandem_project_watch:
 * @self: a project
 * @interval_ms: how often to look, or 0 to stop
 *
 * Polls for changes from other programs on the thread-default main context.
 */
void
tandem_project_watch (TandemProject *self,
                      guint          interval_ms)
{
  g_return_if_fail (TANDEM_IS_PROJECT (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Opening and creating                                                     */

typedef struct
{
  gsize   size;
  guint8  bytes[100];
  gsize   n_bytes;
} FileHeader;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_header (const char  *path,
             FileHeader  *header,
             GError     **error)
{
  GStatBuf st;
  int fd;
  gssize got;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        set_open_error (error, TANDEM_PROJECT_ERROR_NOT_FOUND, path, NULL);
      else
        set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, g_strerror (errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_SQLITE, path, NULL);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, g_strerror (errno));
      return FALSE;
    }
  got = read (fd, header->bytes, sizeof header->bytes);
  close (fd);
  if (got < 0)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, g_strerror (errno));
      return FALSE;
    }
  header->n_bytes = got;
  header->size = st.st_size;
  return TRUE;
}

static gboolean
check_header (const char        *path,
              const FileHeader  *header,
              int               *user_version,
              GError           **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;
  guint32 page_size, n_pages;

  if (header->size == 0)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path, _("the file is empty"));
      return FALSE;
    }
  if (memcmp (header->bytes, magic, MIN (header->n_bytes, sizeof magic)) != 0)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_SQLITE, path, NULL);
      return FALSE;
    }
  if (header->n_bytes < 100)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_CORRUPT, path,
                      _("the file is much shorter than it should be"));
      return FALSE;
    }
  if (be32 (header->bytes + 68) != TANDEM_APPLICATION_ID)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path,
                      _("it is a database made by another program"));
      return FALSE;
    }

  *user_version = (int) be32 (header->bytes + 60);
  if (*user_version > TANDEM_SCHEMA_VERSION)
    {
      g_autofree char *name = display_name (path);
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Tandem (file format %d; this "
                     "version reads up to format %d). Update Tandem to open it. "
                     "The file has not been changed."),
                   name, *user_version, TANDEM_SCHEMA_VERSION);
      return FALSE;
    }

  /* The header says how many pages there are. If it is shorter, it was cut off
   * while being copied — unless a transaction was interrupted, in which case
   * SQLite will roll it back from the journal when it opens. */
  page_size = ((guint32) header->bytes[16] << 8) | header->bytes[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = be32 (header->bytes + 28);
  if (be32 (header->bytes + 24) == be32 (header->bytes + 92) && n_pages > 0 &&
      (guint64) n_pages * page_size > header->size &&
      !(g_stat (journal, &st) == 0 && st.st_size > 0))
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_CORRUPT, path,
                      _("the file has been cut short, perhaps while it was being copied"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* A file marked read-only is respected even by an administrator, who could
   * write it anyway. A rollback journal is created beside the file, so the
   * folder must be writable too. */
  if (g_stat (path, &st) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static void
harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 200);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 10);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 10);
}

static char *
first_row_text (sqlite3     *db,
                const char  *sql,
                int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return text;
}

static gboolean
set_meta (sqlite3     *db,
          const char  *key,
          const char  *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static char *
default_author (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || *real == '\0' || g_str_equal (real, "Unknown"))
    real = g_get_user_name ();
  return g_strdup (real);
}

/* SQLite's own busy handler backs off to waiting 100 ms between looks, so a
 * writer in a tight loop in another process can starve it until it gives up.
 * This one looks again after a short, random pause (so that no two processes
 * fall into step) until the timeout, counted from the first look. A
 * connection is used by one thread at a time, so one deadline per thread is
 * enough. */
static int
busy_wait_cb (void *data,
              int   count)
{
  static __thread gint64 deadline;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    deadline = now + (gint64) GPOINTER_TO_UINT (data) * 1000;
  else if (now >= deadline)
    return 0;
  g_usleep (g_random_int_range (100, 1500));
  return 1;
}

/* What SQLite's integrity check reports about values rather than the file's
 * structure: a missing value where the file's schema requires one, a value its
 * CHECK constraint refuses. The app copes with those, so they are problems
 * that `check` names item by item, not a reason to refuse the file. */
static gboolean
is_content_problem (const char *line)
{
  return g_str_has_prefix (line, "NULL value in ") ||
         g_str_has_prefix (line, "CHECK constraint failed in ");
}

/* The first thing PRAGMA integrity_check finds wrong with the file's structure
 * (its pages, and its indexes against their tables, which quick_check does
 * not compare), or NULL if nothing. Lines about content are passed over;
 * the limit only bounds how many of them a hostile file can make SQLite
 * gather. */
static char *
first_structural_damage (sqlite3 *db,
                         int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *damage = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(100000)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && damage == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      if (line != NULL && !g_str_equal (line, "ok") && !is_content_problem (line))
        /* One line of what SQLite found is enough to tell a person. */
        damage = g_strndup (line, strcspn (line, "\n"));
    }
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;
  return damage;
}

/* The structural check: the same for every way of opening a file and for
 * `check`, so that whatever one refuses, all refuse in the same words. It
 * reads every page of the file and looks up every row in each of its table's
 * indexes, so on a large project it costs more than everything else a
 * command-line export does. open_for_reading runs it on a connection of its
 * own on a second thread; the caller confirms it passed before anything it
 * made is kept. */
static GError *
check_structure (sqlite3    *db,
                 const char *path)
{
  g_autofree char *check = NULL;
  GError *error = NULL;
  int rc;

  check = first_structural_damage (db, &rc);
  if (rc != SQLITE_OK || check != NULL)
    set_open_error (&error, rc != SQLITE_OK ? open_error_for_sqlite (rc)
                                            : TANDEM_PROJECT_ERROR_CORRUPT,
                    path, rc != SQLITE_OK ? sqlite3_errmsg (db) : check);
  return error;
}

static gpointer
check_structure_thread (gpointer data)
{
  g_autofree char *path = data;
  sqlite3 *db = NULL;
  GError *error = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    set_open_error (&error, open_error_for_sqlite (rc), path,
                    db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    {
      harden (db);
      sqlite3_busy_timeout (db, default_busy_timeout);
      sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL);
      error = check_structure (db, path);
    }
  sqlite3_close (db);
  return error;
}

/* Opens, validates and (if it is writable and older) migrates; never writes to
 * a file that fails a check. A caller that sets *read_only before the call
 * gets a connection that never writes, whatever the file allows. */
static sqlite3 *
open_validated (const char  *path,
                gboolean    *read_only,
                GThread    **check_thread,
                GError     **error)
{
  FileHeader header = { 0 };
  sqlite3 *db = NULL;
  g_autoptr(GError) local_error = NULL;
  int user_version = 0;
  int rc;

  if (!read_header (path, &header, error) ||
      !check_header (path, &header, &user_version, error))
    return NULL;

  /* Only a current file opened never to be written may be read before its
   * check ends; an older one is migrated, which needs the check first. */
  if (check_thread != NULL && user_version != TANDEM_SCHEMA_VERSION)
    check_thread = NULL;
  *read_only = *read_only || check_thread != NULL || !can_write (path);
  rc = sqlite3_open_v2 (path, &db,
                        (*read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, open_error_for_sqlite (rc), path,
                      db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  harden (db);
  sqlite3_busy_handler (db, busy_wait_cb, GUINT_TO_POINTER (default_busy_timeout));
  sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL);

  if (check_thread != NULL)
    *check_thread = g_thread_new ("tandem-check", check_structure_thread, g_strdup (path));
  else if ((local_error = check_structure (db, path)) != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      sqlite3_close (db);
      return NULL;
    }

  if (user_version == TANDEM_SCHEMA_VERSION && !tandem_schema_verify (db, &local_error))
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path, local_error->message);
      sqlite3_close (db);
      return NULL;
    }

  if (user_version < TANDEM_SCHEMA_VERSION)
    {
      const TandemMigration *steps;
      guint n_steps;

      if (user_version < 1)
        {
          set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path,
                          _("it was never finished being created"));
          sqlite3_close (db);
          return NULL;
        }
      if (*read_only)
        {
          set_open_error (error, TANDEM_PROJECT_ERROR_READ_ONLY, path, NULL);
          sqlite3_close (db);
          return NULL;
        }
      sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL);
      steps = tandem_schema_get_migrations (&n_steps);
      if (!tandem_schema_migrate (db, steps, n_steps, &local_error) ||
          !tandem_schema_verify (db, &local_error))
        {
          set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, local_error->message);
          sqlite3_close (db);
          return NULL;
        }
    }

  if (!*read_only)
    {
      g_autofree char *mode = NULL;

      sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL);
      /* Project files live on shared and network drives, where WAL is unsafe. */
      mode = first_row_text (db, "PRAGMA journal_mode", NULL);
      if (g_strcmp0 (mode, "delete") != 0)
        g_free (first_row_text (db, "PRAGMA journal_mode = DELETE", NULL));
    }
  sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", NULL, NULL, NULL);
  return db;
}

static TandemProject *
project_new_for_db (sqlite3    *db,
                    const char *path,
                    gboolean    read_only)
{
  TandemProject *self = g_object_new (TANDEM_TYPE_PROJECT, NULL);
  g_autofree char *replica = NULL;

  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;

  replica = first_row_text (db, "SELECT value FROM meta WHERE key = 'replica_id'", NULL);
  if (replica == NULL)
    {
      replica = new_id ();
      if (!read_only)
        set_meta (db, "replica_id", replica);
    }
  self->replica_id = g_steal_pointer (&replica);
  self->last_seq = query_int (db, "SELECT max(seq) FROM change_log", 0);
  self->data_version = (int) query_int (db, "PRAGMA data_version", 0);
  load_stacks (self);
  return self;
}

/**
 * tandem_project_set_default_busy_timeout:
 * @milliseconds: how long to wait for a file another program is writing
 *
 * Sets how long projects opened from now on wait for a lock before giving up.
 */
void
tandem_project_set_default_busy_timeout (guint milliseconds)
{
  default_busy_timeout = milliseconds;
}

/**
 * tandem_project_open:
 * @path: a project file
 * @error: return location for an error
 *
 * Opens a project file, treating it as untrusted: it must be a SQLite file
 * with Tandem's application id, a format this version knows, an intact
 * structure and Tandem's tables. A file that fails is never modified; the
 * error names the file and says what to do. A file that cannot be written is
 * opened read-only (see tandem_project_get_read_only()).
 *
 * Returns: (transfer full) (nullable): the project
 */
TandemProject *
tandem_project_open (const char  *path,
                     GError     **error)
{
  gboolean read_only = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_validated (path, &read_only, NULL, error);
  if (db == NULL)
    return NULL;
  return project_new_for_db (db, path, read_only);
}

/**
 * tandem_project_open_for_reading:
 * @path: a project file
 * @error: return location for an error
 *
 * Opens a project only to read from it (to export, say), with every check
 * tandem_project_open() makes, except that the check of the file's structure,
 * which reads the whole file, runs on a second thread while the caller works.
 * Before keeping anything made from the project, call
 * tandem_project_confirm_intact(). A file in an older format is checked before
 * this returns, as tandem_project_open() does.
 *
 * Returns: (transfer full) (nullable): the project, read-only
 */
TandemProject *
tandem_project_open_for_reading (const char  *path,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean read_only = FALSE;
  GThread *check_thread = NULL;
  TandemProject *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_validated (path, &read_only, &check_thread, &local_error);
  if (db == NULL)
    {
      /* A damaged file can fail a later check first (its tables unreadable):
       * the structural check's verdict says more. */
      GError *damage = check_thread ? g_thread_join (check_thread) : NULL;

      if (damage != NULL)
        g_propagate_error (error, damage);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self = project_new_for_db (db, path, read_only);
  self->check_thread = check_thread;
  return self;
}

/**
 * tandem_project_confirm_intact:
 * @self: a project from tandem_project_open_for_reading()
 * @error: return location for an error
 *
 * Waits for the structural check of a project opened for reading to end.
 *
 * Returns: %TRUE if the file is intact (always, for a project opened otherwise)
 */
gboolean
tandem_project_confirm_intact (TandemProject  *self,
                               GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);

  if (self->check_thread != NULL)
    self->check_error = g_thread_join (g_steal_pointer (&self->check_thread));
  if (self->check_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->check_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_project_create:
 * @path: where to create the project file
 * @error: return location for an error
 *
 * Creates a new, empty project file. It is built beside @path under a
 * temporary name and renamed into place when complete, so a half-made project
 * never appears. An existing file is never overwritten.
 *
 * Returns: (transfer full) (nullable): the project, open for editing
 */
TandemProject *
tandem_project_create (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *created_at = now_iso8601 ();
  g_autofree char *replica = new_id ();
  g_autofree char *name = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(GError) local_error = NULL;
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;
  int fd, rc;

  g_return_val_if_fail (path != NULL, NULL);

  name = display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name; Tandem never overwrites "
                     "a file when creating a project."), name);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".tandem-new-XXXXXX", NULL);
  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TANDEM_PROJECT_ERROR,
                   saved == ENOSPC ? TANDEM_PROJECT_ERROR_DISK_FULL
                   : (saved == EACCES || saved == EROFS || saved == EPERM)
                     ? TANDEM_PROJECT_ERROR_READ_ONLY : TANDEM_PROJECT_ERROR_FAILED,
                   _("“%s” could not be created: %s."), name, g_strerror (saved));
      return NULL;
    }
  /* mkstemp() makes the file private; a project gets the usual permissions. */
  {
    mode_t mask = umask (0);
    umask (mask);
    fchmod (fd, 0666 & ~mask);
  }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      harden (db);
      pragma = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA journal_mode = DELETE",
                                (int) TANDEM_APPLICATION_ID);
      rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
    }
  steps = tandem_schema_get_migrations (&n_steps);
  if (rc != SQLITE_OK ||
      !tandem_schema_migrate (db, steps, n_steps, &local_error) ||
      !set_meta (db, "replica_id", replica) ||
      !set_meta (db, "created_at", created_at) ||
      !set_meta (db, "created_by_version", PACKAGE_VERSION))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? TANDEM_PROJECT_ERROR_DISK_FULL
                                              : TANDEM_PROJECT_ERROR_FAILED,
                   _("“%s” could not be created: %s."), name,
                   local_error ? local_error->message : sqlite3_errmsg (db));
      sqlite3_close (db);
      g_unlink (tmpl);
      return NULL;
    }
  sqlite3_close (db);

  /* Every project starts with the equity tags and the peer-support framework,
   * added while it still has its temporary name. */
  {
    g_autoptr(TandemProject) fresh = tandem_project_open (tmpl, &local_error);

    if (fresh == NULL ||
        !tandem_project_begin_creation (fresh, _("Create project"), &local_error) ||
        !tandem_defaults_install (fresh, &local_error) ||
        !tandem_project_commit (fresh, &local_error))
      {
        if (fresh)
          tandem_project_rollback (fresh);
        g_clear_object (&fresh);
        g_unlink (tmpl);
        g_set_error (error, TANDEM_PROJECT_ERROR,
                     local_error ? local_error->code : TANDEM_PROJECT_ERROR_FAILED,
                     _("“%s” could not be created: %s"), name,
                     local_error ? local_error->message : "");
        return NULL;
      }
  }

  /* link() fails if the name was taken meanwhile, unlike rename(). */
  if (link (tmpl, path) != 0)
    {
      int saved = errno;
      g_unlink (tmpl);
      g_set_error (error, TANDEM_PROJECT_ERROR,
                   saved == EEXIST ? TANDEM_PROJECT_ERROR_EXISTS : TANDEM_PROJECT_ERROR_FAILED,
                   _("“%s” could not be created: %s."), name, g_strerror (saved));
      return NULL;
    }
  g_unlink (tmpl);
  return tandem_project_open (path, error);
}

/* Whether @path is the project's own file under any name: the same path, a
 * symbolic link to it or a hard link (the same device and inode). */
gboolean
_tandem_project_is_file (TandemProject *self,
                         const char    *path)
{
  g_autoptr(GFile) a = g_file_new_for_path (path);
  g_autoptr(GFile) b = g_file_new_for_path (self->path);
  GStatBuf mine, theirs;

  if (g_file_equal (a, b))
    return TRUE;
  return g_stat (self->path, &mine) == 0 && g_stat (path, &theirs) == 0 &&
         mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino;
}

/**
 * tandem_project_save_copy:
 * @self: a project
 * @path: where to write the copy
 * @error: return location for an error
 *
 * Writes a consistent copy of the project with SQLite's backup API. The copy
 * gets its own replica id (it is a new copy, for merging later). An existing
 * file at @path is replaced only once the copy is complete; the project's
 * own file, under any name (a symbolic or hard link), never is.
 *
 * Returns: %TRUE if the copy was written
 */
gboolean
tandem_project_save_copy (TandemProject  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *name = NULL;
  g_autofree char *replica = new_id ();
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = display_name (path);
  if (_tandem_project_is_file (self, path))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS,
                   _("A copy cannot be saved over the project itself. Choose another name."));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmpl = g_build_filename (dir, ".tandem-copy-XXXXXX", NULL);
  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TANDEM_PROJECT_ERROR,
                   saved == ENOSPC ? TANDEM_PROJECT_ERROR_DISK_FULL : TANDEM_PROJECT_ERROR_FAILED,
                   _("The copy “%s” could not be saved: %s."), name, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (copy) : rc;
        }
    }
  if (rc == SQLITE_OK)
    rc = set_meta (copy, "replica_id", replica) ? SQLITE_OK : sqlite3_errcode (copy);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? TANDEM_PROJECT_ERROR_DISK_FULL
                                              : TANDEM_PROJECT_ERROR_FAILED,
                   (rc & 0xff) == SQLITE_FULL
                     ? _("The copy “%s” could not be saved because the disk is full.")
                     : _("The copy “%s” could not be saved."), name);
      sqlite3_close (copy);
      g_unlink (tmpl);
      return FALSE;
    }
  sqlite3_close (copy);

  if (g_rename (tmpl, path) != 0)
    {
      int saved = errno;
      g_unlink (tmpl);
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   _("The copy “%s” could not be saved: %s."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  if (problems)
    g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* An older file is checked as it is, never updated: its structure only, as its
 * tables are not yet the ones this version reads. */
static TandemCheckResult
check_older_file (const char *path,
                  int         user_version,
                  GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    set_open_error (&error, open_error_for_sqlite (rc), path,
                    db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    {
      harden (db);
      sqlite3_busy_handler (db, busy_wait_cb, GUINT_TO_POINTER (default_busy_timeout));
      sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL);
      error = check_structure (db, path);
    }
  sqlite3_close (db);
  if (error != NULL)
    {
      add_problem (problems, "%s", error->message);
      return TANDEM_CHECK_UNUSABLE;
    }
  add_problem (problems, _("The file uses the older format %d and will be updated "
                           "to format %d when Tandem opens it."),
               user_version, TANDEM_SCHEMA_VERSION);
  return TANDEM_CHECK_PROBLEMS;
}

/**
 * tandem_project_check_file:
 * @path: a project file
 * @problems: (element-type utf8) (nullable): where to add one message per problem
 *
 * Checks a file as thoroughly as Tandem can, without ever writing to it:
 * everything tandem_project_open() checks (a file it refuses is unusable, in
 * the same words), then what is in it: values Tandem requires or does not
 * know, references to items that do not exist, items that are their own
 * ancestors, and the change log. Each problem names the item.
 *
 * Returns: %TANDEM_CHECK_GOOD, %TANDEM_CHECK_PROBLEMS if the project opens but
 *   has problems, or %TANDEM_CHECK_UNUSABLE if it cannot be opened
 */
TandemCheckResult
tandem_project_check_file (const char *path,
                           GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  FileHeader header = { 0 };
  int user_version = 0;
  sqlite3_stmt *stmt = NULL;
  gboolean read_only = TRUE;
  gboolean found = FALSE;
  sqlite3 *db;

  if (!read_header (path, &header, &error) ||
      !check_header (path, &header, &user_version, &error))
    {
      add_problem (problems, "%s", error->message);
      return TANDEM_CHECK_UNUSABLE;
    }
  if (user_version < TANDEM_SCHEMA_VERSION && user_version >= 1)
    return check_older_file (path, user_version, problems);

  /* Opened as every command opens it, except that nothing is ever written:
   * not a replica id it lacks, not its journal mode. */
  db = open_validated (path, &read_only, NULL, &error);
  if (db == NULL)
    {
      add_problem (problems, "%s", error->message);
      return TANDEM_CHECK_UNUSABLE;
    }
  project = project_new_for_db (db, path, TRUE);

  if (_tandem_project_check_content (project, problems) > 0)
    found = TRUE;

  if (sqlite3_prepare_v2 (project->db, "SELECT count(*) FROM node_link l "
                          "JOIN node p ON p.id = l.parent_id JOIN node c ON c.id = l.child_id "
                          "WHERE p.diagram_id IS NOT l.diagram_id OR c.diagram_id IS NOT l.diagram_id",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      add_problem (problems, _("%d links join items of different diagrams."),
                   sqlite3_column_int (stmt, 0));
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (project->db, "SELECT count(*) FROM change_log l "
                          "LEFT JOIN change_txn t ON t.id = l.txn WHERE t.id IS NULL",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      add_problem (problems, _("%d history entries belong to no recorded change."),
                   sqlite3_column_int (stmt, 0));
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  return found ? TANDEM_CHECK_PROBLEMS : TANDEM_CHECK_GOOD;
}

/* ------------------------------------------------------------------------ */
/* Properties                                                               */

const char *
tandem_project_get_path (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->path;
}

/**
 * tandem_project_dup_title:
 * @self: a project
 *
 * Returns: (transfer full): the file's name without “.tandem”, for window titles
 */
char *
tandem_project_dup_title (TandemProject *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  name = display_name (self->path);
  if (g_str_has_suffix (name, ".tandem"))
    name[strlen (name) - strlen (".tandem")] = '\0';
  return g_steal_pointer (&name);
}

gboolean
tandem_project_get_read_only (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), TRUE);
  return self->read_only;
}

const char *
tandem_project_get_replica_id (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->replica_id;
}

const char *
tandem_project_get_author (TandemProject *self)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (self), NULL);
  return self->author;
}

/**
 * tandem_project_set_author:
 * @self: a project
 * @author: (nullable): the name written on every change from now on; %NULL or
 *   empty means the account's real name
 *
 * Undo and redo follow the author: each person undoes their own changes.
 */
void
tandem_project_set_author (TandemProject *self,
                           const char    *author)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TANDEM_IS_PROJECT (self));

  name = (author && *author) ? g_strstrip (g_strdup (author)) : default_author ();
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_user_name ());
    }
  if (g_strcmp0 (name, self->author) == 0)
    return;
  g_free (self->author);
  self->author = g_steal_pointer (&name);
  if (self->db)
    {
      load_stacks (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

sqlite3 *
_tandem_project_get_db (TandemProject *self)
{
  return self->db;
}

/* The statement cache (SQL text → sqlite3_stmt), see _tandem_db_prepare(). */
GHashTable *
_tandem_project_get_statements (TandemProject *self)
{
  return self->statements;
}

/* Whether a change is open (begun and not yet committed or rolled back). */
gboolean
_tandem_project_in_change (TandemProject *self)
{
  return self->depth > 0;
}

/* Text in a file may have been written by anything, so it is not trusted to
 * be UTF-8: bytes that are not become U+FFFD, and the rest is kept. Every
 * piece of text core reads for people to see comes through here. Returns
 * NULL for SQL NULL. */
char *
_tandem_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
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

  if (ensure_txn_row (self, error))
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
  return ensure_txn_row (self, error) ? self->txn_id : 0;
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
  const TandemEntity *info = lookup_entity (entity, error);
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

  row = row_as_json (self, info, id, error);
  if (row == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
                     "a %s logged as added has a different id", info->name);
      return FALSE;
    }
  ok = log_change (self, "insert", info->name, id, NULL, NULL, row, error);
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
  const TandemEntity *info = lookup_entity (entity, error);
  g_autoptr(GError) local_error = NULL;
  TandemValue null_value = tandem_value_null ();  /* for a NULL @value */

  *duplicate = FALSE;
  if (info == NULL || !check_field (info, field, error))
    return FALSE;
  if (update_field (self, info, id, field, &null_value, value, &local_error))
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
  const TandemEntity *info = lookup_entity (entity, error);
  gboolean ok;

  if (info == NULL)
    return FALSE;
  ok = delete_row (self, info, id, error);
  g_hash_table_remove_all (self->deleting);
  return ok;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tandem_project_finalize (GObject *object)
{
  TandemProject *self = (TandemProject *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->check_thread != NULL)
    self->check_error = g_thread_join (g_steal_pointer (&self->check_thread));
  g_clear_error (&self->check_error);
  if (self->depth > 0)
    tandem_project_rollback (self);
  g_hash_table_destroy (self->statements);
  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->author);
  g_free (self->replica_id);
  g_free (self->txn_label);
  g_hash_table_destroy (self->touched);
  g_hash_table_destroy (self->deleting);
  g_array_unref (self->undo_stack);
  g_array_unref (self->redo_stack);

  G_OBJECT_CLASS (tandem_project_parent_class)->finalize (object);
}

static void
tandem_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemProject *self = TANDEM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tandem_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tandem_project_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemProject *self = TANDEM_PROJECT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      tandem_project_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_project_class_init (TandemProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_project_finalize;
  object_class->get_property = tandem_project_get_property;
  object_class->set_property = tandem_project_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemProject::changed:
   * @self: the project
   * @entity: the kind of item that changed (“team”, “node”…)
   *
   * Emitted after a change is saved, by this program or (see
   * tandem_project_poll()) another one, once per kind of item it touched.
   * Connect to “changed::team” for one kind only.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tandem_project_init (TandemProject *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->deleting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo_stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->redo_stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->author = default_author ();
}
