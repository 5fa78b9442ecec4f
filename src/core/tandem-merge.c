/* tandem-merge.c — merging another copy of a project (the conflicts that are
 * kept when two people changed the same field: tandem-merge-conflicts.c)
 *
 * A merge replays the other copy's logged changes that this copy lacks, in
 * the order they were made, in one transaction. Every change carries an
 * identity (the copy it was first made in and an id unique there) from copy
 * to copy, so a change is never brought in twice. The rules, chosen so that
 * merging A into B and B into A give the same items:
 *
 * - an added item this copy lacks is added; one whose parent this copy
 *   deleted is not (the parent's deletion would have taken it), and a
 *   reference to a deleted item that is cleared on deletion arrives cleared;
 * - a changed field is applied, unless this copy also changed that field
 *   since the two last met (it has a change, not in theirs, touching it) and
 *   the values differ: then this copy's value stays and both are kept as a
 *   conflict for a person to choose;
 * - deletions are honoured, with what belongs to the item by the schema's
 *   rules; a change to an item this copy deleted is dropped (deleting wins,
 *   on both sides);
 * - content a project is created with is not logged row by row, so two
 *   files can only be merged if every creating change of theirs is in this
 *   one: they are copies of one project. Files created separately are refused.
 *
 * A merge is undone as one change: it is recorded as an edit of the person
 * merging that names the first change it brought in, and undoing it writes
 * the inverse of all of them (one logged change) and sets aside their
 * identity, so that this copy no longer counts them as had (merging the same
 * copy again brings them in again) and no copy that merges this one takes
 * them, or the undo, from it: taking a merge back is this copy's own affair,
 * as if the two had not met. Redo restores both. The conflicts the merge
 * recorded go and come back with it.
 *
 * A copy saved without private sessions (see tandem-coaching.c) stays
 * without them: merging into it leaves out theirs' private sessions and all
 * that hangs off them, including sessions made private there since (this
 * copy keeps the version it has). A change wholly about them is not recorded
 * as had, so a session that stops being private comes in with a later merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Merge"

#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tandem-merge.h"
#include "tandem-db-private.h"
#include "tandem-schema.h"
#include "tandem-merge-private.h"

/* A column of an entity that refers to a row of another. */
typedef struct
{
  const char      *column;
  const char      *parent;
  TandemChildRule  rule;
} ParentLink;

/* A logged row as JSON (inserts and deletes log the whole row), or NULL. */
#define LOGGED_ROW \
  "CASE WHEN l.op IN ('insert', 'delete') " \
  "AND json_valid (coalesce (l.new_value, l.old_value)) " \
  "THEN coalesce (l.new_value, l.old_value) END"

/* Marks a copy saved without private sessions (see tandem-coaching.c). */
#define WITHOUT_PRIVATE_KEY "shared_without_private"

typedef struct
{
  TandemProject      *mine;
  sqlite3            *db;            /* mine's */
  sqlite3            *theirs;
  const char         *theirs_name;
  GHashTable         *mine_origins;  /* "replica\x1fid" → local txn id */
  GHashTable         *mine_fields;   /* "entity_id\x1ffield" → author, changed here only */
  GHashTable         *mine_deleted;  /* entity ids deleted here only */
  GHashTable         *conflicted;    /* "entity_id\x1ffield" conflicted in this merge */
  GHashTable         *private_items; /* theirs' private sessions and what hangs off
                                      * them → the session; NULL unless mine is kept
                                      * without private sessions */
  GHashTable         *left_out;      /* private sessions something was left out of */
  gint64              first_local;   /* the first change replayed here, or 0 */
  TandemMergeSummary *summary;
} Merge;

typedef struct
{
  gint64          id;
  char           *at;
  char           *author;
  char           *replica;
  char           *label;
  char           *kind;
  gint64          target;
  char           *origin_replica;
  char           *origin_id;
} TheirTxn;

static void
their_txn_clear (gpointer data)
{
  TheirTxn *txn = data;

  g_free (txn->at);
  g_free (txn->author);
  g_free (txn->replica);
  g_free (txn->label);
  g_free (txn->kind);
  g_free (txn->origin_replica);
  g_free (txn->origin_id);
}

static char *
origin_key (const char *replica,
            const char *id)
{
  return g_strconcat (replica, "\x1f", id, NULL);
}

static char *
field_key (const char *entity_id,
           const char *field)
{
  return g_strconcat (entity_id, "\x1f", field, NULL);
}

/* Entity name → GArray of ParentLink, from Tandem's own schema. */
static GHashTable *
parent_links (void)
{
  static gsize initialised = 0;
  static GHashTable *links = NULL;

  if (g_once_init_enter (&initialised))
    {
      const char * const *names = tandem_schema_list_entities ();
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const TandemEntity *parent = tandem_schema_lookup (names[i]);

          for (guint c = 0; c < parent->children->len; c++)
            {
              const TandemChildLink *child = &g_array_index (parent->children, TandemChildLink, c);
              GArray *list = g_hash_table_lookup (table, child->entity);
              ParentLink link = { child->column, parent->name, child->rule };

              if (list == NULL)
                {
                  list = g_array_new (FALSE, FALSE, sizeof (ParentLink));
                  g_hash_table_insert (table, (gpointer) child->entity, list);
                }
              g_array_append_val (list, link);
            }
        }
      links = table;
      g_once_init_leave (&initialised, 1);
    }
  return links;
}

static const ParentLink *
find_parent_link (const char *entity,
                  const char *column)
{
  GArray *list = g_hash_table_lookup (parent_links (), entity);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const ParentLink *link = &g_array_index (list, ParentLink, i);
      if (g_str_equal (link->column, column))
        return link;
    }
  return NULL;
}

/* The schema's own spelling of a column, for building SQL. */
const char *
schema_column (const TandemEntity *entity,
               const char         *column)
{
  if (column == NULL || g_str_equal (column, "id"))
    return NULL;
  for (guint i = 0; i < entity->columns->len; i++)
    if (g_str_equal (g_ptr_array_index (entity->columns, i), column))
      return g_ptr_array_index (entity->columns, i);
  return NULL;
}

static void
set_not_understood (Merge   *merge,
                    GError **error)
{
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CORRUPT,
               _("“%s” holds a change Tandem cannot understand; it may be damaged"),
               merge->theirs_name);
}

/* One field's current value in mine, or NULL (no error) if the row is gone. */
static sqlite3_value *
current_value (Merge               *merge,
               const TandemEntity  *entity,
               const char          *column,
               const char          *id,
               gboolean            *found,
               GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, entity->name);
  sqlite3_stmt *stmt = _tandem_db_prepare (merge->mine, sql, error);
  sqlite3_value *value = NULL;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    _tandem_db_failed_on (merge->db, error);
  sqlite3_reset (stmt);
  return value;
}

gboolean
values_same (sqlite3       *db,
             sqlite3_value *a,
             sqlite3_value *b)
{
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT ?1 IS ?2", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (a)
    sqlite3_bind_value (stmt, 1, a);
  if (b)
    sqlite3_bind_value (stmt, 2, b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return same;
}

/* values_same(), with a statement kept for the whole merge. */
static gboolean
merge_values_same (Merge         *merge,
                   sqlite3_value *a,
                   sqlite3_value *b)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (merge->mine, "SELECT ?1 IS ?2", NULL);
  gboolean same = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (a)
    sqlite3_bind_value (stmt, 1, a);
  if (b)
    sqlite3_bind_value (stmt, 2, b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return same;
}

/* Runs a one-value SELECT on mine with two bound values; returns its result. */
static sqlite3_value *
select_value (Merge          *merge,
              const char     *sql,
              sqlite3_value  *a,
              const char     *b,
              GError        **error)
{
  sqlite3_stmt *stmt = _tandem_db_prepare (merge->mine, sql, error);
  sqlite3_value *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_value (stmt, 1, a);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
  else
    _tandem_db_failed_on (merge->db, error);
  sqlite3_reset (stmt);
  return value;
}

/* Keeps both values of a field, or brings an open conflict on it up to date. */
gboolean
record_conflict (sqlite3        *db,
                 const char     *entity,
                 const char     *entity_id,
                 const char     *field,
                 sqlite3_value  *mine_value,
                 TandemValue    *mine_typed,
                 sqlite3_value  *theirs_value,
                 const char     *mine_author,
                 const char     *theirs_author,
                 const char     *theirs_at,
                 const char     *source,
                 GError        **error)
{
  g_autofree char *existing = NULL;
  g_autofree char *created_at = _tandem_now_iso8601 ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM conflict WHERE entity_id = ?1 AND field = ?2 "
                          "AND source = ?3", -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, source, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    existing = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (existing == NULL)
    existing = g_uuid_string_random ();
  if (sqlite3_prepare_v2 (db, "INSERT INTO conflict (id, entity, entity_id, field, mine_value, "
                          "theirs_value, mine_author, theirs_author, theirs_at, source, created_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                          "ON CONFLICT (id) DO UPDATE SET mine_value = excluded.mine_value, "
                          "theirs_value = excluded.theirs_value, mine_author = excluded.mine_author, "
                          "theirs_author = excluded.theirs_author, theirs_at = excluded.theirs_at",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, existing, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  if (mine_value)
    sqlite3_bind_value (stmt, 5, mine_value);
  else if (mine_typed)
    {
      switch (mine_typed->type)
        {
        case TANDEM_VALUE_INT:
          sqlite3_bind_int64 (stmt, 5, mine_typed->i);
          break;
        case TANDEM_VALUE_DOUBLE:
          sqlite3_bind_double (stmt, 5, mine_typed->d);
          break;
        case TANDEM_VALUE_TEXT:
          sqlite3_bind_text (stmt, 5, mine_typed->s, -1, SQLITE_TRANSIENT);
          break;
        case TANDEM_VALUE_NULL:
        default:
          break;
        }
    }
  if (theirs_value)
    sqlite3_bind_value (stmt, 6, theirs_value);
  sqlite3_bind_text (stmt, 7, mine_author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, theirs_author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, theirs_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, created_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
forget_conflict (sqlite3     *db,
                 const char  *entity_id,
                 const char  *field,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "DELETE FROM conflict WHERE entity_id = ?1 AND field = ?2 "
                          "AND source = 'merge'", -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (db, error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Replaying one logged change                                              */

static gboolean
replay_insert (Merge               *merge,
               const TandemEntity  *entity,
               const char          *id,
               sqlite3_value       *logged,
               GError             **error)
{
  GArray *links = g_hash_table_lookup (parent_links (), entity->name);
  sqlite3_value *json = NULL;
  sqlite3_value *same_id = NULL;
  gboolean duplicate = FALSE;
  gboolean ok = TRUE;

  if (tandem_project_exists (merge->mine, entity->name, id) ||
      g_hash_table_contains (merge->mine_deleted, id))
    return TRUE;

  if (logged == NULL || sqlite3_value_type (logged) != SQLITE_TEXT)
    {
      set_not_understood (merge, error);
      return FALSE;
    }
  same_id = select_value (merge, "SELECT json_valid (?1) AND json_extract (?1, '$.id') IS ?2",
                          logged, id, error);
  if (same_id == NULL)
    return FALSE;
  if (sqlite3_value_int (same_id) == 0)
    {
      sqlite3_value_free (same_id);
      set_not_understood (merge, error);
      return FALSE;
    }
  sqlite3_value_free (same_id);

  json = sqlite3_value_dup (logged);
  for (guint i = 0; ok && links != NULL && i < links->len; i++)
    {
      const ParentLink *link = &g_array_index (links, ParentLink, i);
      g_autofree char *path = g_strdup_printf ("$.%s", link->column);
      sqlite3_value *parent = select_value (merge, "SELECT json_extract (?1, ?2)", json, path, error);
      g_autofree char *parent_id = NULL;

      if (parent == NULL)
        {
          ok = FALSE;
          break;
        }
      if (sqlite3_value_type (parent) != SQLITE_NULL)
        parent_id = g_strdup ((const char *) sqlite3_value_text (parent));
      sqlite3_value_free (parent);
      if (parent_id == NULL || tandem_project_exists (merge->mine, link->parent, parent_id))
        continue;

      /* The parent was deleted here: as its deletion would have done. */
      if (link->rule == TANDEM_CHILD_DELETE)
        {
          sqlite3_value_free (json);
          return TRUE;
        }
      else
        {
          sqlite3_value *cleared = select_value (merge, "SELECT json_set (?1, ?2, NULL)",
                                                 json, path, error);
          sqlite3_value_free (json);
          json = cleared;
          ok = json != NULL;
        }
    }

  if (ok)
    ok = _tandem_project_insert_json (merge->mine, entity->name, id, json, &duplicate, error);
  sqlite3_value_free (json);
  if (ok)
    merge->summary->inserted++;
  return ok || duplicate;
}

static gboolean
replay_update (Merge               *merge,
               const TheirTxn      *txn,
               const TandemEntity  *entity,
               const char          *id,
               const char          *field,
               sqlite3_value       *logged,
               GError             **error)
{
  const char *column = schema_column (entity, field);
  const ParentLink *link;
  g_autofree char *key = NULL;
  sqlite3_value *value = NULL;
  sqlite3_value *current = NULL;
  const char *mine_author;
  gboolean found = FALSE;
  gboolean duplicate = FALSE;
  gboolean ok = TRUE;

  if (column == NULL)
    {
      set_not_understood (merge, error);
      return FALSE;
    }

  current = current_value (merge, entity, column, id, &found, error);
  if (!found)
    return error == NULL || *error == NULL;  /* deleted here: deleting wins */

  value = logged ? sqlite3_value_dup (logged) : NULL;
  link = find_parent_link (entity->name, column);
  if (link != NULL && value != NULL && sqlite3_value_type (value) != SQLITE_NULL &&
      !tandem_project_exists (merge->mine, link->parent, (const char *) sqlite3_value_text (value)))
    {
      /* It now refers to something deleted here: as that deletion would have done. */
      if (link->rule == TANDEM_CHILD_DELETE)
        {
          ok = _tandem_project_delete_logged (merge->mine, entity->name, id, error);
          if (ok)
            merge->summary->deleted++;
          goto out;
        }
      g_clear_pointer (&value, sqlite3_value_free);
    }

  key = field_key (id, column);
  if (merge_values_same (merge, current, value))
    {
      /* Their later change agrees with mine after all: nothing to choose. */
      if (g_hash_table_contains (merge->conflicted, key))
        {
          ok = forget_conflict (merge->db, id, column, error);
          g_hash_table_remove (merge->conflicted, key);
          merge->summary->conflicts--;
        }
      goto out;
    }

  mine_author = g_hash_table_lookup (merge->mine_fields, key);
  if (mine_author != NULL)
    {
      ok = record_conflict (merge->db, entity->name, id, column, current, NULL, value,
                            mine_author, txn->author, txn->at, "merge", error);
      if (ok && !g_hash_table_contains (merge->conflicted, key))
        {
          g_hash_table_add (merge->conflicted, g_steal_pointer (&key));
          merge->summary->conflicts++;
        }
      goto out;
    }

  ok = _tandem_project_update_value (merge->mine, entity->name, id, column, value,
                                     &duplicate, error);
  if (ok)
    merge->summary->updated++;
  ok = ok || duplicate;

out:
  sqlite3_value_free (current);
  sqlite3_value_free (value);
  return ok;
}

static gboolean
exists_in_theirs (Merge              *merge,
                  const TandemEntity *entity,
                  const char         *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", entity->name);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (merge->theirs, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
replay_entry (Merge          *merge,
              const TheirTxn *txn,
              sqlite3_stmt   *entry,
              GError        **error)
{
  const char *op = (const char *) sqlite3_column_text (entry, 0);
  const TandemEntity *entity = tandem_schema_lookup ((const char *) sqlite3_column_text (entry, 1));
  const char *id = (const char *) sqlite3_column_text (entry, 2);
  const char *field = (const char *) sqlite3_column_text (entry, 3);

  if (op == NULL || entity == NULL || id == NULL)
    {
      set_not_understood (merge, error);
      return FALSE;
    }

  if (g_str_equal (op, "insert"))
    return replay_insert (merge, entity, id, sqlite3_column_value (entry, 5), error);
  if (g_str_equal (op, "update"))
    return replay_update (merge, txn, entity, id, field, sqlite3_column_value (entry, 5), error);
  if (g_str_equal (op, "delete"))
    {
      /* Deleted there and brought back (by undo): as if it never went, so
       * that what this copy did to it and added under it stays. */
      if (!tandem_project_exists (merge->mine, entity->name, id) ||
          exists_in_theirs (merge, entity, id))
        return TRUE;
      if (!_tandem_project_delete_logged (merge->mine, entity->name, id, error))
        return FALSE;
      merge->summary->deleted++;
      return TRUE;
    }
  set_not_understood (merge, error);
  return FALSE;
}

/* The private session of theirs a logged change is about (or is about
 * something hanging off), when it is to be left out; or NULL. */
static const char *
private_session (Merge        *merge,
                 sqlite3_stmt *entry)
{
  const char *id = (const char *) sqlite3_column_text (entry, 2);

  if (merge->private_items == NULL || id == NULL)
    return NULL;
  return g_hash_table_lookup (merge->private_items, id);
}

static gboolean
replay_txn (Merge          *merge,
            const TheirTxn *txn,
            GHashTable     *their_origins,
            GError        **error)
{
  TandemReplayTxn replay = { 0, };
  g_autofree char *target_key = NULL;
  sqlite3_stmt *entries = NULL;
  gint64 local_id;
  gboolean ok = TRUE;
  int rc;

  if (txn->target != 0)
    {
      const char *key = g_hash_table_lookup (their_origins, &txn->target);
      if (key != NULL)
        replay.target = GPOINTER_TO_SIZE (g_hash_table_lookup (merge->mine_origins, key));
    }
  replay.at = txn->at;
  replay.author = txn->author;
  replay.replica = txn->replica;
  replay.label = txn->label;
  replay.kind = txn->kind;
  replay.origin_replica = txn->origin_replica;
  replay.origin_id = txn->origin_id;

  if (sqlite3_prepare_v2 (merge->theirs, "SELECT op, entity, entity_id, field, old_value, "
                          "new_value FROM change_log WHERE txn = ?1 ORDER BY seq",
                          -1, &entries, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->theirs, error);
      return FALSE;
    }
  sqlite3_bind_int64 (entries, 1, txn->id);

  if (merge->private_items != NULL)
    {
      gboolean kept = FALSE, left = FALSE;

      /* A change wholly about private sessions is not brought in, nor
       * recorded as had: if a session stops being private there, a later
       * merge brings it. */
      while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
        {
          const char *session = private_session (merge, entries);
          if (session != NULL)
            {
              g_hash_table_add (merge->left_out, g_strdup (session));
              left = TRUE;
            }
          else
            kept = TRUE;
        }
      sqlite3_reset (entries);
      if (rc != SQLITE_DONE)
        {
          _tandem_db_failed_on (merge->theirs, error);
          sqlite3_finalize (entries);
          return FALSE;
        }
      if (left && !kept)
        {
          sqlite3_finalize (entries);
          return TRUE;
        }
    }

  _tandem_project_replay_begin (merge->mine, &replay);
  while (ok && (rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      if (private_session (merge, entries) != NULL)
        continue;
      ok = replay_entry (merge, txn, entries, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->theirs, error);
      ok = FALSE;
    }
  sqlite3_finalize (entries);
  local_id = _tandem_project_replay_end (merge->mine, ok ? error : NULL);
  if (!ok || local_id == 0)
    return FALSE;

  if (merge->first_local == 0)
    merge->first_local = local_id;
  g_hash_table_insert (merge->mine_origins, origin_key (txn->origin_replica, txn->origin_id),
                       GSIZE_TO_POINTER ((gsize) local_id));
  merge->summary->transactions++;
  return TRUE;
}

/* Once every change is in: a conflict on an item that is gone (the merge
 * deleted it, or what it belonged to) has nothing left to choose between, nor
 * has one from this merge where the field ended up with their value after
 * all; the others show this copy's value as it now is. */
static gboolean
settle_conflicts (Merge   *merge,
                  GError **error)
{
  g_autoptr(GPtrArray) settled = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refresh = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (merge->db, "SELECT id, entity, entity_id, field, theirs_value, source "
                          "FROM conflict", -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const TandemEntity *entity = tandem_schema_lookup ((const char *) sqlite3_column_text (stmt, 1));
      const char *entity_id = (const char *) sqlite3_column_text (stmt, 2);
      const char *column = entity ? schema_column (entity, (const char *) sqlite3_column_text (stmt, 3)) : NULL;
      g_autofree char *key = column ? field_key (entity_id, column) : NULL;
      sqlite3_value *current = NULL;
      gboolean found = FALSE;

      if (column == NULL || entity_id == NULL)
        continue;
      current = current_value (merge, entity, column, entity_id, &found, NULL);
      if (!found)
        {
          g_ptr_array_add (settled, g_strdup (id));
          if (g_hash_table_remove (merge->conflicted, key))
            merge->summary->conflicts--;
        }
      else if (g_hash_table_contains (merge->conflicted, key))
        {
          if (values_same (merge->db, current, sqlite3_column_value (stmt, 4)))
            {
              g_ptr_array_add (settled, g_strdup (id));
              g_hash_table_remove (merge->conflicted, key);
              merge->summary->conflicts--;
            }
          else
            {
              g_ptr_array_add (refresh, g_strdup (id));
              g_ptr_array_add (values, g_steal_pointer (&current));
            }
        }
      sqlite3_value_free (current);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }

  for (guint i = 0; i < settled->len + refresh->len; i++)
    {
      gboolean drop = i < settled->len;
      const char *id = drop ? settled->pdata[i] : refresh->pdata[i - settled->len];

      if (sqlite3_prepare_v2 (merge->db, drop ? "DELETE FROM conflict WHERE id = ?1"
                                              : "UPDATE conflict SET mine_value = ?2 WHERE id = ?1",
                              -1, &stmt, NULL) != SQLITE_OK)
        {
          _tandem_db_failed_on (merge->db, error);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (!drop && values->pdata[i - settled->len] != NULL)
        sqlite3_bind_value (stmt, 2, values->pdata[i - settled->len]);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _tandem_db_failed_on (merge->db, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading both histories                                                   */

static gboolean
load_mine (Merge   *merge,
           GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (merge->db, "SELECT origin_replica, origin_id, id FROM change_txn",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (merge->mine_origins,
                         origin_key ((const char *) sqlite3_column_text (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }
  return TRUE;
}

static GArray *
load_theirs (Merge       *merge,
             GHashTable  *their_origins,
             GError     **error)
{
  g_autoptr(GArray) txns = g_array_new (FALSE, TRUE, sizeof (TheirTxn));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (txns, their_txn_clear);
  if (sqlite3_prepare_v2 (merge->theirs, "SELECT id, at, author, replica, label, kind, target, "
                          "origin_replica, origin_id FROM change_txn t "
                          "WHERE " TANDEM_NOT_BOOKKEEPING ("t") " ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->theirs, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TheirTxn txn = { 0, };

      txn.id = sqlite3_column_int64 (stmt, 0);
      txn.at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      txn.author = _tandem_column_text (stmt, 2);
      txn.replica = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      txn.label = _tandem_column_text (stmt, 4);
      txn.kind = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      txn.target = sqlite3_column_int64 (stmt, 6);
      txn.origin_replica = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      txn.origin_id = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_array_append_val (txns, txn);
      if (txn.origin_replica == NULL || txn.origin_id == NULL || txn.at == NULL ||
          txn.author == NULL || txn.replica == NULL || txn.label == NULL || txn.kind == NULL)
        {
          sqlite3_finalize (stmt);
          set_not_understood (merge, error);
          return NULL;
        }
      g_hash_table_insert (their_origins, g_memdup2 (&txn.id, sizeof txn.id),
                           origin_key (txn.origin_replica, txn.origin_id));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->theirs, error);
      return NULL;
    }
  return g_steal_pointer (&txns);
}

/* What this copy changed that theirs has not seen: the fields it changed
 * (with who changed them last) and the items it deleted. */
static gboolean
load_mine_only (Merge       *merge,
                GHashTable  *their_keys,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (merge->db, "SELECT t.origin_replica, t.origin_id, t.author, l.op, "
                          "l.entity_id, l.field FROM change_log l JOIN change_txn t ON t.id = l.txn "
                          "WHERE " TANDEM_NOT_BOOKKEEPING ("t") " ORDER BY l.seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = origin_key ((const char *) sqlite3_column_text (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1));
      const char *op = (const char *) sqlite3_column_text (stmt, 3);
      const char *id = (const char *) sqlite3_column_text (stmt, 4);
      const char *field = (const char *) sqlite3_column_text (stmt, 5);

      if (g_hash_table_contains (their_keys, key) || op == NULL || id == NULL)
        continue;
      if (g_str_equal (op, "update") && field != NULL)
        g_hash_table_insert (merge->mine_fields, field_key (id, field),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      else if (g_str_equal (op, "delete"))
        g_hash_table_add (merge->mine_deleted, g_strdup (id));
      else if (g_str_equal (op, "insert"))
        g_hash_table_remove (merge->mine_deleted, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->db, error);
      return FALSE;
    }
  return TRUE;
}

/* Content a project is created with is not logged row by row, so theirs can
 * only be merged if this copy has every creating change of theirs. */
static gboolean
same_project (Merge   *merge,
              GArray  *txns,
              GError **error)
{
  for (guint i = 0; i < txns->len; i++)
    {
      const TheirTxn *txn = &g_array_index (txns, TheirTxn, i);
      g_autofree char *key = NULL;

      if (!g_str_equal (txn->kind, "create"))
        continue;
      key = origin_key (txn->origin_replica, txn->origin_id);
      if (!g_hash_table_contains (merge->mine_origins, key))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_TANDEM,
                       _("“%s” is not a copy of this project: the two were created separately, "
                         "so their items cannot be matched. Only copies of one project (made "
                         "with Save a Copy, or by copying the file) can be merged. "
                         "Nothing has been changed."), merge->theirs_name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the format version from a file's header without opening it, or -1. */
static int
header_version (const char *path)
{
  guint8 header[100];
  gssize got;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;
  got = read (fd, header, sizeof header);
  close (fd);
  if (got < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return -1;
  if ((((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
       ((guint32) header[70] << 8) | header[71]) != TANDEM_APPLICATION_ID)
    return -1;
  return (int) (((guint32) header[60] << 24) | ((guint32) header[61] << 16) |
                ((guint32) header[62] << 8) | header[63]);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

/* Opens theirs without ever writing to it. A file in an older format is
 * updated in a private copy, which @tmp_dir then names. */
static TandemProject *
open_theirs (const char  *path,
             char       **tmp_dir,
             GError     **error)
{
  int version = header_version (path);
  g_autoptr(TandemProject) theirs = NULL;

  *tmp_dir = NULL;
  if (version >= 1 && version < TANDEM_SCHEMA_VERSION)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *copy = NULL;
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = NULL;
      g_autoptr(GError) local_error = NULL;

      *tmp_dir = g_dir_make_tmp ("tandem-merge-XXXXXX", error);
      if (*tmp_dir == NULL)
        return NULL;
      copy = g_build_filename (*tmp_dir, base, NULL);
      to = g_file_new_for_path (copy);
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                       _("“%s” could not be read: %s"), base, local_error->message);
          return NULL;
        }
      /* An interrupted change is rolled back in the copy, as it would be in the file. */
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GFile) jfrom = g_file_new_for_path (journal);
          g_autofree char *jcopy = g_strconcat (copy, "-journal", NULL);
          g_autoptr(GFile) jto = g_file_new_for_path (jcopy);

          g_file_copy (jfrom, jto, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
        }
      theirs = tandem_project_open (copy, error);
    }
  else
    {
      theirs = tandem_project_open_for_reading (path, error);
      if (theirs != NULL && !tandem_project_confirm_intact (theirs, error))
        g_clear_object (&theirs);
    }
  return g_steal_pointer (&theirs);
}

/* ------------------------------------------------------------------------ */
/* Copies kept without private sessions                                     */

static gboolean
kept_without_private (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean marked = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM meta WHERE key = '" WITHOUT_PRIVATE_KEY "'",
                          -1, &stmt, NULL) == SQLITE_OK)
    marked = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return marked;
}

/* Runs @sql on theirs, with the ids found so far as a JSON array in ?1; each
 * row names an item and what it hangs off, which leads to its session. */
static gboolean
collect_private (Merge       *merge,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(GString) known = g_string_new ("[");
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_hash_table_iter_init (&iter, merge->private_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (known->len > 1)
        g_string_append_c (known, ',');
      g_string_append_c (known, '"');
      for (const char *c = key; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_printf (known, "\\%c", *c);
          else if ((guchar) *c < 0x20)
            g_string_append_printf (known, "\\u%04x", (guint) (guchar) *c);
          else
            g_string_append_c (known, *c);
        }
      g_string_append_c (known, '"');
    }
  g_string_append_c (known, ']');

  if (sqlite3_prepare_v2 (merge->theirs, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _tandem_db_failed_on (merge->theirs, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, known->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *owner = (const char *) sqlite3_column_text (stmt, 1);
      const char *session = owner ? g_hash_table_lookup (merge->private_items, owner) : NULL;

      if (id == NULL || owner == NULL || g_hash_table_contains (merge->private_items, id))
        continue;
      g_hash_table_insert (merge->private_items, g_strdup (id),
                           g_strdup (session ? session : owner));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _tandem_db_failed_on (merge->theirs, error);
      return FALSE;
    }
  return TRUE;
}

/* Theirs' private sessions (private now, or private when deleted) and what
 * hangs off them, now or in its history: the same as a copy saved without
 * private sessions leaves out (see tandem-coaching.c). */
static gboolean
load_private (Merge   *merge,
              GError **error)
{
  static const char * const steps[] = {
    "SELECT id, id FROM coaching_session WHERE private = 1 "
    "UNION SELECT l.entity_id, l.entity_id FROM change_log l "
    "WHERE l.entity = 'coaching_session' "
    "AND l.entity_id NOT IN (SELECT id FROM coaching_session) "
    "AND ((l.field = 'private' AND l.new_value = 1) "
    "     OR json_extract (" LOGGED_ROW ", '$.private') = 1)",

    "SELECT id, session_id FROM attendance WHERE session_id IN (SELECT value FROM json_each (?1)) "
    "UNION SELECT id, session_id FROM action WHERE session_id IN (SELECT value FROM json_each (?1)) "
    "UNION SELECT id, session_id FROM session_link "
    "WHERE session_id IN (SELECT value FROM json_each (?1)) "
    "UNION SELECT l.entity_id, json_extract (" LOGGED_ROW ", '$.session_id') FROM change_log l "
    "WHERE l.entity IN ('attendance', 'action', 'session_link') "
    "AND json_extract (" LOGGED_ROW ", '$.session_id') IN (SELECT value FROM json_each (?1))",

    "SELECT id, entity_id FROM comment WHERE entity_id IN (SELECT value FROM json_each (?1)) "
    "UNION SELECT l.entity_id, json_extract (" LOGGED_ROW ", '$.entity_id') FROM change_log l "
    "WHERE l.entity = 'comment' "
    "AND json_extract (" LOGGED_ROW ", '$.entity_id') IN (SELECT value FROM json_each (?1))",

    "SELECT id, parent_id FROM comment WHERE parent_id IN (SELECT value FROM json_each (?1)) "
    "UNION SELECT l.entity_id, json_extract (" LOGGED_ROW ", '$.parent_id') FROM change_log l "
    "WHERE l.entity = 'comment' "
    "AND json_extract (" LOGGED_ROW ", '$.parent_id') IN (SELECT value FROM json_each (?1))",
  };

  merge->private_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (!collect_private (merge, steps[i], error))
        return FALSE;
      if (g_hash_table_size (merge->private_items) == 0)
        break;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                  */

/**
 * tandem_project_merge:
 * @self: a project, open for editing
 * @theirs_path: another copy of the same project
 * @summary: (out caller-allocates) (optional): what came in
 * @error: return location for an error
 *
 * Brings in everything the other copy changed that this one has not seen, in
 * one change: items it added, fields it changed, items it deleted, each
 * logged with the author and time it was made with. Where both copies changed
 * the same field differently since they last met, this copy's value stays and
 * both are kept as a conflict (see tandem_project_list_conflicts()). Merging
 * the same copy again changes nothing. The merge goes on the undo stack as one
 * change, labelled with the other copy's name; undoing it takes back all it
 * brought in, with its conflicts, and this copy no longer counts the other's
 * changes as had. Merging into a copy saved without private sessions leaves
 * the other copy's private sessions out (counted in @summary). The other file is opened as untrusted
 * input and never modified; a file that is not a copy of this project, is
 * damaged or is from a newer Tandem is refused with a message that names it,
 * and nothing is changed.
 *
 * Returns: %TRUE if the merge was saved
 */
gboolean
tandem_project_merge (TandemProject       *self,
                      const char          *theirs_path,
                      TandemMergeSummary  *summary,
                      GError             **error)
{
  g_autoptr(TandemProject) theirs = NULL;
  g_autoptr(GHashTable) their_origins = NULL;
  g_autoptr(GHashTable) their_keys = NULL;
  g_autoptr(GHashTable) conflicts_before = NULL;
  g_autoptr(GArray) txns = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *name = NULL;
  TandemMergeSummary local_summary = { 0, };
  Merge merge = { 0, };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (theirs_path != NULL, FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);
  name = g_filename_display_basename (theirs_path);

  if (tandem_project_get_read_only (self))
    {
      g_autofree char *mine_name = g_filename_display_basename (tandem_project_get_path (self));
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_READ_ONLY,
                   _("“%s” can only be read, so nothing can be merged into it. "
                     "Use Save a Copy to keep a copy you can edit."), mine_name);
      return FALSE;
    }
  a = g_file_new_for_path (theirs_path);
  b = g_file_new_for_path (tandem_project_get_path (self));
  if (g_file_equal (a, b))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("“%s” is this project itself. Choose another copy to merge."), name);
      return FALSE;
    }

  theirs = open_theirs (theirs_path, &tmp_dir, error);
  if (theirs == NULL)
    {
      if (tmp_dir != NULL)
        remove_tree (tmp_dir);
      return FALSE;
    }

  merge.mine = self;
  merge.db = _tandem_project_get_db (self);
  merge.theirs = _tandem_project_get_db (theirs);
  merge.theirs_name = name;
  merge.summary = summary;
  merge.mine_origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.mine_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.mine_deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  their_origins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  their_keys = g_hash_table_new (g_str_hash, g_str_equal);

  /* Read and decide inside the write transaction, so that no other writer
   * changes this copy in between. */
  ok = tandem_change_begin (&change, self, _("Merge a copy"), &local_error);
  if (ok)
    {
      ok = load_mine (&merge, &local_error) &&
           (txns = load_theirs (&merge, their_origins, &local_error)) != NULL &&
           same_project (&merge, txns, &local_error);
      if (ok)
        {
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, their_origins);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            g_hash_table_add (their_keys, value);
          ok = load_mine_only (&merge, their_keys, &local_error);
        }
      if (ok && kept_without_private (merge.db))
        ok = load_private (&merge, &local_error);
      if (ok)
        ok = (conflicts_before = conflict_rows (merge.db, &local_error)) != NULL;
      for (guint i = 0; ok && i < txns->len; i++)
        {
          const TheirTxn *txn = &g_array_index (txns, TheirTxn, i);
          g_autofree char *key = origin_key (txn->origin_replica, txn->origin_id);

          if (g_hash_table_contains (merge.mine_origins, key))
            summary->already_present++;
          else
            ok = replay_txn (&merge, txn, their_origins, &local_error);
        }
      if (ok)
        ok = settle_conflicts (&merge, &local_error);
      if (ok && merge.first_local != 0)
        {
          /* The merge as one change of this person's, to take back in one. */
          g_autofree char *copy = g_strdup (name);
          g_autofree char *label = NULL;
          gint64 marker;

          if (g_str_has_suffix (copy, ".tandem") && strlen (copy) > strlen (".tandem"))
            copy[strlen (copy) - strlen (".tandem")] = '\0';
          /* Translators: how a merge is named for Undo (“Undo Merge of Ward 4”);
           * %s is the other copy's file name */
          label = g_strdup_printf (_("Merge of %s"), copy);
          marker = _tandem_project_mark_merge (self, label, merge.first_local, &local_error);
          ok = marker != 0 &&
               save_conflict_changes (merge.db, marker, conflicts_before, &local_error);
        }
      if (ok)
        ok = tandem_change_commit (&change, &local_error);
      else
        tandem_change_clear (&change);
    }

  g_hash_table_destroy (merge.mine_origins);
  g_hash_table_destroy (merge.mine_fields);
  g_hash_table_destroy (merge.mine_deleted);
  g_hash_table_destroy (merge.conflicted);
  if (merge.left_out != NULL)
    summary->private_left_out = g_hash_table_size (merge.left_out);
  g_clear_pointer (&merge.private_items, g_hash_table_destroy);
  g_clear_pointer (&merge.left_out, g_hash_table_destroy);
  g_clear_object (&theirs);
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);

  if (!ok)
    {
      TandemMergeSummary empty = { 0, };

      *summary = empty;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
append_left_out (GString                  *text,
                 const TandemMergeSummary *summary)
{
  if (summary->private_left_out == 0)
    return;
  g_string_append_c (text, ' ');
  g_string_append_printf (text, ngettext ("%u private session was left out, as this copy is "
                                          "kept without private sessions.",
                                          "%u private sessions were left out, as this copy is "
                                          "kept without private sessions.",
                                          summary->private_left_out),
                          summary->private_left_out);
}

/**
 * tandem_merge_summary_describe:
 * @summary: what a merge brought in
 *
 * Returns: (transfer full): one translated sentence saying what came in
 */
char *
tandem_merge_summary_describe (const TandemMergeSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->transactions == 0)
    {
      g_string_append (text, _("Nothing new came in: this project already has every change in "
                               "the other copy."));
      append_left_out (text, summary);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (summary->inserted > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u item added", "%u items added",
                                                       summary->inserted), summary->inserted));
  if (summary->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u field changed", "%u fields changed",
                                                       summary->updated), summary->updated));
  if (summary->deleted > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u item deleted", "%u items deleted",
                                                       summary->deleted), summary->deleted));

  g_string_append_printf (text, ngettext ("%u change came in from the other copy",
                                          "%u changes came in from the other copy",
                                          summary->transactions), summary->transactions);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? _(": ") : _(", "), (char *) parts->pdata[i]);
  if (summary->conflicts > 0)
    g_string_append_printf (text, ngettext ("; %u conflict to resolve", "; %u conflicts to resolve",
                                            summary->conflicts), summary->conflicts);
  g_string_append (text, _("."));
  append_left_out (text, summary);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
