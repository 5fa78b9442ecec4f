/* tandem-project.c — one project file: the object, the change being built
 * (begun, committed, rolled back) and other programs' changes to the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rest of TandemProject: tandem-project-file.c (the file as untrusted
 * input: opening, checking, creating, copying), tandem-change-log.c (logged
 * edits), tandem-history.c (undo and redo) and tandem-project-read.c
 * (generic reads). What they share is in tandem-project-private.h.
 */

#define G_LOG_DOMAIN "Tandem-Project"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-db-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

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

G_DEFINE_FINAL_TYPE (TandemProject, tandem_project, G_TYPE_OBJECT)

static char *
default_author (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || *real == '\0' || g_str_equal (real, "Unknown"))
    real = g_get_user_name ();
  return g_strdup (real);
}

/* ------------------------------------------------------------------------ */
/* Transactions and the change log                                          */

static void
add_entity (TandemDbStmt *stmt,
            gpointer      entities)
{
  g_autofree char *entity = _tandem_db_column_text (stmt, 0);

  if (entity != NULL && tandem_schema_lookup (entity) != NULL)
    g_hash_table_add (entities, (gpointer) g_intern_string (entity));
}

/* Adds to @entities each kind of item the change log holds changes to past
 * the last change this project has seen (made or announced). */
static gboolean
add_changed_since_seen (TandemProject  *self,
                        GHashTable     *entities,
                        GError        **error)
{
  return _tandem_db_each_row (self, error, 1, add_entity, entities,
                              "SELECT DISTINCT entity FROM change_log WHERE seq > ?1",
                              "l", self->last_seq);
}

/* The last change in the log, or @fallback if it has none or it could not
 * be read. */
static gint64
last_seq (TandemProject *self,
          gint64         fallback)
{
  gint64 seq = fallback;

  if (!_tandem_db_query_int (self, NULL, &seq, NULL,
                             "SELECT coalesce (max (seq), ?1) FROM change_log", "l", fallback))
    return fallback;
  return seq;
}

gboolean
_tandem_project_begin_full (TandemProject  *self,
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

  if (self->depth > 0)
    {
      self->depth++;
      return TRUE;
    }

  /* Nothing is written to a file before its structure is known to be sound. */
  if (!tandem_project_confirm_intact (self, error))
    return FALSE;

  self->depth++;
  if (!_tandem_db_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->depth = 0;
      return FALSE;
    }
  _tandem_project_note_begin (self);

  self->txn_id = 0;
  g_free (self->txn_label);
  self->txn_label = g_strdup (label ? label : _("Change"));
  self->txn_kind = kind;
  self->txn_target = target;
  g_hash_table_remove_all (self->touched);
  /* With the file to ourselves, whatever the log holds past what we have
   * seen was written by another program: the commit announces it with our
   * own change, since it moves what we have seen past it. */
  if (!add_changed_since_seen (self, self->touched, error))
    {
      tandem_project_rollback (self);
      return FALSE;
    }
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
  return _tandem_project_begin_full (self, label, "edit", 0, error);
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
  return _tandem_project_begin_full (self, label, "create", 0, error);
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

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (!_tandem_db_exec (self, "COMMIT", error))
    {
      _tandem_db_exec (self, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->touched);
      self->txn_id = 0;
      g_clear_pointer (&self->intact_version, g_bytes_unref);
      return FALSE;
    }
  _tandem_project_note_commit (self);

  can_undo = tandem_project_can_undo (self);
  can_redo = tandem_project_can_redo (self);
  if (self->txn_id != 0)
    _tandem_project_stacks_apply (self, self->txn_id, self->txn_kind, self->txn_target);
  self->last_seq = last_seq (self, 0);
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
  _tandem_db_exec (self, "ROLLBACK", NULL);
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
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  if (self->depth > 0)
    return FALSE;

  if (!_tandem_db_query_int (self, NULL, &version, NULL, "PRAGMA data_version", NULL) ||
      version == self->data_version)
    return FALSE;

  entities = g_hash_table_new (g_str_hash, g_str_equal);
  if (!add_changed_since_seen (self, entities, &error))
    {
      /* Busy, most likely: the next look tries again. */
      g_debug ("%s", error->message);
      return FALSE;
    }
  self->data_version = (int) version;
  self->last_seq = last_seq (self, self->last_seq);
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
  name = _tandem_display_name (self->path);
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
      _tandem_project_load_stacks (self);
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

/* The statement cache (SQL text → statement), see _tandem_db_prepare(). */
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

static void
tandem_project_finalize (GObject *object)
{
  TandemProject *self = (TandemProject *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->check_thread != NULL)
    self->check_error = g_thread_join (g_steal_pointer (&self->check_thread));
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_lock);
  if (self->depth > 0)
    tandem_project_rollback (self);
  g_hash_table_destroy (self->statements);
  _tandem_db_close (self->db);
  _tandem_project_note_closed (self);
  g_clear_pointer (&self->opened_version, g_bytes_unref);
  g_clear_pointer (&self->intact_version, g_bytes_unref);
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
  g_mutex_init (&self->check_lock);
  self->statements = _tandem_db_cache_new ();
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->deleting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo_stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->redo_stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->author = default_author ();
}
