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
  TandemProject      *theirs;
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

/* A change of theirs: as it is replayed here, with its texts owned by it
 * (copy.target is left to be found in mine), and its id and target there. */
typedef struct
{
  gint64          id;
  gint64          target;
  TandemReplayTxn copy;
} TheirTxn;

/* The texts of a TheirTxn, in the order load_theirs() reads them. */
static const gsize their_txn_texts[] = {
  G_STRUCT_OFFSET (TheirTxn, copy.at),
  G_STRUCT_OFFSET (TheirTxn, copy.author),
  G_STRUCT_OFFSET (TheirTxn, copy.replica),
  G_STRUCT_OFFSET (TheirTxn, copy.label),
  G_STRUCT_OFFSET (TheirTxn, copy.kind),
  G_STRUCT_OFFSET (TheirTxn, copy.origin_replica),
  G_STRUCT_OFFSET (TheirTxn, copy.origin_id),
};

#define THEIR_TXN_TEXT(txn, i) G_STRUCT_MEMBER (char *, txn, their_txn_texts[i])

static void
their_txn_clear (gpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (their_txn_texts); i++)
    g_free (THEIR_TXN_TEXT (data, i));
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

/* Runs a one-value SELECT on mine with a value in ?1 and text in ?2;
 * returns its result, or NULL with @error set. */
static TandemDbValue *
select_value (Merge          *merge,
              const char     *sql,
              TandemDbValue  *a,
              const char     *b,
              GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (merge->mine, error, sql, "-s", b);
  TandemDbValue *value = NULL;

  if (stmt == NULL)
    return NULL;
  _tandem_db_bind_value (stmt, 1, a);
  if (_tandem_db_step_value (merge->mine, stmt, &value, error) == TANDEM_DB_DONE)
    set_not_understood (merge, error);
  return value;
}

/* Keeps both values of a field, or brings an open conflict on it up to date. */
gboolean
record_conflict (TandemProject               *project,
                 const TandemConflictRecord  *conflict,
                 GError                     **error)
{
  g_autofree char *existing = NULL;
  g_autofree char *created_at = _tandem_now_iso8601 ();
  g_autoptr(TandemDbStmt) stmt = NULL;

  if (!_tandem_db_query_text (project, error, &existing, NULL, "SELECT id FROM conflict "
                              "WHERE entity_id = ?1 AND field = ?2 AND source = ?3", "sss",
                              conflict->entity_id, conflict->field, conflict->source))
    return FALSE;
  if (existing == NULL)
    existing = g_uuid_string_random ();
  stmt = _tandem_db_query (project, error, "INSERT INTO conflict (id, entity, entity_id, field, "
                           "mine_value, theirs_value, mine_author, theirs_author, theirs_at, source, "
                           "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                           "ON CONFLICT (id) DO UPDATE SET mine_value = excluded.mine_value, "
                           "theirs_value = excluded.theirs_value, mine_author = excluded.mine_author, "
                           "theirs_author = excluded.theirs_author, theirs_at = excluded.theirs_at",
                           "ssss--sssss", existing, conflict->entity, conflict->entity_id,
                           conflict->field, conflict->mine_author, conflict->theirs_author,
                           conflict->theirs_at, conflict->source, created_at);
  if (stmt == NULL)
    return FALSE;
  if (conflict->mine_value == NULL && conflict->mine_typed != NULL)
    _tandem_db_bind_typed (stmt, 5, conflict->mine_typed);
  else
    _tandem_db_bind_value (stmt, 5, conflict->mine_value);
  _tandem_db_bind_value (stmt, 6, conflict->theirs_value);
  return _tandem_db_step (project, stmt, error) != TANDEM_DB_FAILED;
}

/* ------------------------------------------------------------------------ */
/* Replaying one logged change                                              */

/* A replayed insert or update: counted if it went in; one that would repeat
 * another item's unique values is passed over, as the other copy's item
 * already stands here. */
static gboolean
count_replayed (gboolean  ok,
                gboolean  duplicate,
                guint    *count)
{
  if (ok)
    (*count)++;
  return ok || duplicate;
}

static gboolean
replay_insert (Merge               *merge,
               const TandemEntity  *entity,
               const char          *id,
               TandemDbValue       *logged,
               GError             **error)
{
  GArray *links = g_hash_table_lookup (parent_links (), entity->name);
  g_autoptr(TandemDbValue) json = NULL;
  g_autoptr(TandemDbValue) same_id = NULL;
  gboolean duplicate = FALSE;
  gboolean ok;

  if (tandem_project_exists (merge->mine, entity->name, id) ||
      g_hash_table_contains (merge->mine_deleted, id))
    return TRUE;

  if (!_tandem_db_value_is_text (logged))
    {
      set_not_understood (merge, error);
      return FALSE;
    }
  same_id = select_value (merge, "SELECT json_valid (?1) AND json_extract (?1, '$.id') IS ?2",
                          logged, id, error);
  if (same_id == NULL)
    return FALSE;
  if (_tandem_db_value_int (same_id) == 0)
    {
      set_not_understood (merge, error);
      return FALSE;
    }

  json = _tandem_db_value_dup (logged);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const ParentLink *link = &g_array_index (links, ParentLink, i);
      g_autofree char *path = g_strdup_printf ("$.%s", link->column);
      g_autoptr(TandemDbValue) parent = select_value (merge, "SELECT json_extract (?1, ?2)",
                                                      json, path, error);
      const char *parent_id;

      if (parent == NULL)
        return FALSE;
      parent_id = _tandem_db_value_text (parent);
      if (parent_id == NULL || tandem_project_exists (merge->mine, link->parent, parent_id))
        continue;

      /* The parent was deleted here: as its deletion would have done. */
      if (link->rule == TANDEM_CHILD_DELETE)
        return TRUE;
      g_clear_pointer (&parent, _tandem_db_value_free);
      parent = select_value (merge, "SELECT json_set (?1, ?2, NULL)", json, path, error);
      if (parent == NULL)
        return FALSE;
      _tandem_db_value_free (json);
      json = g_steal_pointer (&parent);
    }

  ok = _tandem_project_insert_json (merge->mine, entity->name, id, json, &duplicate, error);
  return count_replayed (ok, duplicate, &merge->summary->inserted);
}

static gboolean
replay_update (Merge               *merge,
               const TheirTxn      *txn,
               const TandemEntity  *entity,
               const char          *id,
               const char          *field,
               TandemDbValue       *logged,
               GError             **error)
{
  const char *column = schema_column (entity, field);
  const ParentLink *link;
  g_autofree char *key = NULL;
  g_autoptr(TandemDbValue) value = NULL;
  g_autoptr(TandemDbValue) current = NULL;
  TandemConflictRecord conflict = { 0, };
  gboolean duplicate = FALSE;
  TandemDbStep step;
  gboolean ok;

  if (column == NULL)
    {
      set_not_understood (merge, error);
      return FALSE;
    }

  step = _tandem_db_field_value (merge->mine, entity->name, column, id, &current, error);
  if (step != TANDEM_DB_ROW)
    return step == TANDEM_DB_DONE;  /* deleted here: deleting wins */

  value = _tandem_db_value_dup (logged);
  link = find_parent_link (entity->name, column);
  if (link != NULL && !_tandem_db_value_is_null (value) &&
      !tandem_project_exists (merge->mine, link->parent, _tandem_db_value_text (value)))
    {
      /* It now refers to something deleted here: as that deletion would have done. */
      if (link->rule == TANDEM_CHILD_DELETE)
        {
          if (!_tandem_project_delete_logged (merge->mine, entity->name, id, error))
            return FALSE;
          merge->summary->deleted++;
          return TRUE;
        }
      g_clear_pointer (&value, _tandem_db_value_free);
    }

  key = field_key (id, column);
  if (_tandem_db_value_equal (current, value))
    {
      /* Their later change agrees with mine after all: nothing to choose. */
      if (!g_hash_table_remove (merge->conflicted, key))
        return TRUE;
      merge->summary->conflicts--;
      return _tandem_db_run (merge->mine, error, "DELETE FROM conflict WHERE entity_id = ?1 "
                             "AND field = ?2 AND source = 'merge'", "ss", id, column);
    }

  conflict.mine_author = g_hash_table_lookup (merge->mine_fields, key);
  if (conflict.mine_author != NULL)
    {
      conflict.entity = entity->name;
      conflict.entity_id = id;
      conflict.field = column;
      conflict.mine_value = current;
      conflict.theirs_value = value;
      conflict.theirs_author = txn->copy.author;
      conflict.theirs_at = txn->copy.at;
      conflict.source = "merge";
      if (!record_conflict (merge->mine, &conflict, error))
        return FALSE;
      if (!g_hash_table_contains (merge->conflicted, key))
        {
          g_hash_table_add (merge->conflicted, g_steal_pointer (&key));
          merge->summary->conflicts++;
        }
      return TRUE;
    }

  ok = _tandem_project_update_value (merge->mine, entity->name, id, column, value,
                                     &duplicate, error);
  return count_replayed (ok, duplicate, &merge->summary->updated);
}

static gboolean
replay_entry (Merge                 *merge,
              const TheirTxn        *txn,
              const TandemLogEntry  *entry,
              GError               **error)
{
  const char *op = entry->op;
  const TandemEntity *entity = entry->entity ? tandem_schema_lookup (entry->entity) : NULL;
  const char *id = entry->entity_id;
  g_autofree char *sql = NULL;
  gboolean theirs_has = FALSE;
  gint64 one = 0;

  if (op == NULL || entity == NULL || id == NULL)
    {
      set_not_understood (merge, error);
      return FALSE;
    }

  if (g_str_equal (op, "insert"))
    return replay_insert (merge, entity, id, entry->new_value, error);
  if (g_str_equal (op, "update"))
    return replay_update (merge, txn, entity, id, entry->field, entry->new_value, error);
  if (g_str_equal (op, "delete"))
    {
      /* Deleted there and brought back (by undo): as if it never went, so
       * that what this copy did to it and added under it stays. */
      if (!tandem_project_exists (merge->mine, entity->name, id))
        return TRUE;
      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", entity->name);
      if (!_tandem_db_query_int (merge->theirs, error, &one, &theirs_has, sql, "s", id))
        return FALSE;
      if (theirs_has)
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
private_session (Merge                *merge,
                 const TandemLogEntry *entry)
{
  if (merge->private_items == NULL || entry->entity_id == NULL)
    return NULL;
  return g_hash_table_lookup (merge->private_items, entry->entity_id);
}

static gboolean
replay_txn (Merge          *merge,
            const TheirTxn *txn,
            GHashTable     *their_origins,
            GError        **error)
{
  TandemReplayTxn replay = txn->copy;
  g_autoptr(GArray) entries = NULL;
  gint64 local_id;
  gboolean ok = TRUE;

  replay.target = 0;
  if (txn->target != 0)
    {
      const char *key = g_hash_table_lookup (their_origins, &txn->target);
      if (key != NULL)
        replay.target = GPOINTER_TO_SIZE (g_hash_table_lookup (merge->mine_origins, key));
    }

  entries = _tandem_log_entries (merge->theirs, txn->id, txn->id, FALSE, error);
  if (entries == NULL)
    return FALSE;

  if (merge->private_items != NULL)
    {
      gboolean kept = FALSE, left = FALSE;

      /* A change wholly about private sessions is not brought in, nor
       * recorded as had: if a session stops being private there, a later
       * merge brings it. */
      for (guint i = 0; i < entries->len; i++)
        {
          const char *session = private_session (merge, &g_array_index (entries, TandemLogEntry, i));
          if (session != NULL)
            {
              g_hash_table_add (merge->left_out, g_strdup (session));
              left = TRUE;
            }
          else
            kept = TRUE;
        }
      if (left && !kept)
        return TRUE;
    }

  _tandem_project_replay_begin (merge->mine, &replay);
  for (guint i = 0; ok && i < entries->len; i++)
    {
      const TandemLogEntry *entry = &g_array_index (entries, TandemLogEntry, i);

      if (private_session (merge, entry) == NULL)
        ok = replay_entry (merge, txn, entry, error);
    }
  local_id = _tandem_project_replay_end (merge->mine, ok ? error : NULL);
  if (!ok || local_id == 0)
    return FALSE;

  if (merge->first_local == 0)
    merge->first_local = local_id;
  g_hash_table_insert (merge->mine_origins, origin_key (txn->copy.origin_replica, txn->copy.origin_id),
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
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) _tandem_db_value_free);
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  stmt = _tandem_db_query (merge->mine, error, "SELECT id, entity, entity_id, field, theirs_value "
                           "FROM conflict", "");
  while (stmt != NULL && (step = _tandem_db_step (merge->mine, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *id = _tandem_db_column_text (stmt, 0);
      g_autofree char *entity_name = _tandem_db_column_text (stmt, 1);
      g_autofree char *entity_id = _tandem_db_column_text (stmt, 2);
      g_autofree char *field = _tandem_db_column_text (stmt, 3);
      const TandemEntity *entity = entity_name ? tandem_schema_lookup (entity_name) : NULL;
      const char *column = entity ? schema_column (entity, field) : NULL;
      g_autofree char *key = NULL;
      g_autoptr(TandemDbValue) current = NULL;
      g_autoptr(TandemDbValue) theirs = NULL;
      TandemDbStep found;

      _tandem_db_assert_columns (stmt, 5);
      if (column == NULL || entity_id == NULL)
        continue;
      key = field_key (entity_id, column);
      found = _tandem_db_field_value (merge->mine, entity->name, column, entity_id, &current, error);
      if (found == TANDEM_DB_FAILED)
        return FALSE;
      if (found == TANDEM_DB_DONE)
        {
          g_ptr_array_add (settled, g_steal_pointer (&id));
          if (g_hash_table_remove (merge->conflicted, key))
            merge->summary->conflicts--;
          continue;
        }
      if (!g_hash_table_contains (merge->conflicted, key))
        continue;
      theirs = _tandem_db_column_value (stmt, 4);
      if (_tandem_db_value_equal (current, theirs))
        {
          g_ptr_array_add (settled, g_steal_pointer (&id));
          g_hash_table_remove (merge->conflicted, key);
          merge->summary->conflicts--;
        }
      else
        {
          g_ptr_array_add (refresh, g_steal_pointer (&id));
          g_ptr_array_add (values, g_steal_pointer (&current));
        }
    }
  if (step != TANDEM_DB_DONE)
    return FALSE;
  g_clear_pointer (&stmt, _tandem_db_release);

  for (guint i = 0; i < settled->len; i++)
    if (!_tandem_db_run (merge->mine, error, "DELETE FROM conflict WHERE id = ?1", "s",
                         settled->pdata[i]))
      return FALSE;
  for (guint i = 0; i < refresh->len; i++)
    {
      g_autoptr(TandemDbStmt) update = _tandem_db_query (merge->mine, error, "UPDATE conflict "
                                                         "SET mine_value = ?2 WHERE id = ?1", "s",
                                                         refresh->pdata[i]);

      if (update == NULL)
        return FALSE;
      _tandem_db_bind_value (update, 2, values->pdata[i]);
      if (_tandem_db_step (merge->mine, update, error) == TANDEM_DB_FAILED)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading both histories                                                   */

static gboolean
load_mine (Merge   *merge,
           GError **error)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (merge->mine, error, "SELECT origin_replica, "
                                                   "origin_id, id FROM change_txn", "");
  TandemDbStep step = TANDEM_DB_FAILED;

  while (stmt != NULL && (step = _tandem_db_step (merge->mine, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *replica = _tandem_db_column_text (stmt, 0);
      g_autofree char *id = _tandem_db_column_text (stmt, 1);

      _tandem_db_assert_columns (stmt, 3);
      g_hash_table_insert (merge->mine_origins, origin_key (replica, id),
                           GSIZE_TO_POINTER ((gsize) _tandem_db_column_int (stmt, 2)));
    }
  return step == TANDEM_DB_DONE;
}

static GArray *
load_theirs (Merge       *merge,
             GHashTable  *their_origins,
             GError     **error)
{
  g_autoptr(GArray) txns = g_array_new (FALSE, TRUE, sizeof (TheirTxn));
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  g_array_set_clear_func (txns, their_txn_clear);
  stmt = _tandem_db_query (merge->theirs, error, "SELECT id, target, at, author, replica, label, "
                           "kind, origin_replica, origin_id FROM change_txn t "
                           "WHERE " TANDEM_NOT_BOOKKEEPING ("t") " ORDER BY id", "");
  while (stmt != NULL && (step = _tandem_db_step (merge->theirs, stmt, error)) == TANDEM_DB_ROW)
    {
      TheirTxn txn = { 0, };
      gboolean complete = TRUE;

      _tandem_db_assert_columns (stmt, 2 + G_N_ELEMENTS (their_txn_texts));
      txn.id = _tandem_db_column_int (stmt, 0);
      txn.target = _tandem_db_column_int (stmt, 1);
      for (guint i = 0; i < G_N_ELEMENTS (their_txn_texts); i++)
        {
          THEIR_TXN_TEXT (&txn, i) = _tandem_db_column_text (stmt, 2 + i);
          complete = complete && THEIR_TXN_TEXT (&txn, i) != NULL;
        }
      g_array_append_val (txns, txn);
      if (!complete)
        {
          set_not_understood (merge, error);
          return NULL;
        }
      g_hash_table_insert (their_origins, g_memdup2 (&txn.id, sizeof txn.id),
                           origin_key (txn.copy.origin_replica, txn.copy.origin_id));
    }
  return step == TANDEM_DB_DONE ? g_steal_pointer (&txns) : NULL;
}

/* What this copy changed that theirs has not seen: the fields it changed
 * (with who changed them last) and the items it deleted. */
static gboolean
load_mine_only (Merge       *merge,
                GHashTable  *their_keys,
                GError     **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  stmt = _tandem_db_query (merge->mine, error, "SELECT t.origin_replica, t.origin_id, t.author, "
                           "l.op, l.entity_id, l.field FROM change_log l "
                           "JOIN change_txn t ON t.id = l.txn "
                           "WHERE " TANDEM_NOT_BOOKKEEPING ("t") " ORDER BY l.seq", "");
  while (stmt != NULL && (step = _tandem_db_step (merge->mine, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *replica = _tandem_db_column_text (stmt, 0);
      g_autofree char *origin = _tandem_db_column_text (stmt, 1);
      g_autofree char *key = origin_key (replica, origin);
      g_autofree char *op = _tandem_db_column_text (stmt, 3);
      g_autofree char *id = _tandem_db_column_text (stmt, 4);
      g_autofree char *field = _tandem_db_column_text (stmt, 5);

      _tandem_db_assert_columns (stmt, 6);
      if (g_hash_table_contains (their_keys, key) || op == NULL || id == NULL)
        continue;
      if (g_str_equal (op, "update") && field != NULL)
        g_hash_table_insert (merge->mine_fields, field_key (id, field),
                             _tandem_db_column_text (stmt, 2));
      else if (g_str_equal (op, "delete"))
        g_hash_table_add (merge->mine_deleted, g_steal_pointer (&id));
      else if (g_str_equal (op, "insert"))
        g_hash_table_remove (merge->mine_deleted, id);
    }
  return step == TANDEM_DB_DONE;
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

      if (!g_str_equal (txn->copy.kind, "create"))
        continue;
      key = origin_key (txn->copy.origin_replica, txn->copy.origin_id);
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
kept_without_private (TandemProject  *project,
                      gboolean       *marked,
                      GError        **error)
{
  gint64 one = 0;

  return _tandem_db_query_int (project, error, &one, marked, "SELECT 1 FROM meta WHERE key = ?1",
                               "s", WITHOUT_PRIVATE_KEY);
}

/* Runs @sql on theirs, with the ids found so far as a JSON array in ?1 (if
 * it has one); each
 * row names an item and what it hangs off, which leads to its session. */
static gboolean
collect_private (Merge       *merge,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(GString) known = g_string_new ("[");
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;
  GHashTableIter iter;
  gpointer key;

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

  /* The first step starts from nothing and has no ?1. */
  stmt = _tandem_db_query (merge->theirs, error, sql, strstr (sql, "?1") ? "s" : "", known->str);
  while (stmt != NULL && (step = _tandem_db_step (merge->theirs, stmt, error)) == TANDEM_DB_ROW)
    {
      g_autofree char *id = _tandem_db_column_text (stmt, 0);
      g_autofree char *owner = _tandem_db_column_text (stmt, 1);
      const char *session = owner ? g_hash_table_lookup (merge->private_items, owner) : NULL;

      _tandem_db_assert_columns (stmt, 2);
      if (id == NULL || owner == NULL || g_hash_table_contains (merge->private_items, id))
        continue;
      g_hash_table_insert (merge->private_items, g_steal_pointer (&id),
                           g_strdup (session ? session : owner));
    }
  return step == TANDEM_DB_DONE;
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

/* The merge as one change of this person's, to take back in one, with what
 * it did to the conflicts (@conflicts_before: conflict_rows() before it). */
static gboolean
mark_merge (Merge       *merge,
            GHashTable  *conflicts_before,
            GError     **error)
{
  g_autofree char *copy = g_strdup (merge->theirs_name);
  g_autofree char *label = NULL;
  gint64 marker;

  if (g_str_has_suffix (copy, ".tandem") && strlen (copy) > strlen (".tandem"))
    copy[strlen (copy) - strlen (".tandem")] = '\0';
  /* Translators: how a merge is named for Undo (“Undo Merge of Ward 4”);
   * %s is the other copy's file name */
  label = g_strdup_printf (_("Merge of %s"), copy);
  marker = _tandem_project_mark_merge (merge->mine, label, merge->first_local, error);
  return marker != 0 && save_conflict_changes (merge->mine, marker, conflicts_before, error);
}

/* What a merge does inside its change, so that no other writer changes this
 * copy between reading and deciding: reads both histories, replays what this
 * copy lacks, settles the conflicts and records the merge. */
static gboolean
merge_in (Merge   *merge,
          GError **error)
{
  g_autoptr(GHashTable) their_origins = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, g_free);
  g_autoptr(GHashTable) their_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) conflicts_before = NULL;
  g_autoptr(GArray) txns = NULL;
  gboolean without_private = FALSE;
  GHashTableIter iter;
  gpointer value;

  if (!load_mine (merge, error) ||
      (txns = load_theirs (merge, their_origins, error)) == NULL ||
      !same_project (merge, txns, error))
    return FALSE;
  g_hash_table_iter_init (&iter, their_origins);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (their_keys, value);
  if (!load_mine_only (merge, their_keys, error) ||
      !kept_without_private (merge->mine, &without_private, error) ||
      (without_private && !load_private (merge, error)) ||
      (conflicts_before = conflict_rows (merge->mine, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < txns->len; i++)
    {
      const TheirTxn *txn = &g_array_index (txns, TheirTxn, i);
      g_autofree char *key = origin_key (txn->copy.origin_replica, txn->copy.origin_id);

      if (g_hash_table_contains (merge->mine_origins, key))
        merge->summary->already_present++;
      else if (!replay_txn (merge, txn, their_origins, error))
        return FALSE;
    }
  return settle_conflicts (merge, error) &&
         (merge->first_local == 0 || mark_merge (merge, conflicts_before, error));
}

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
  merge.theirs = theirs;
  merge.theirs_name = name;
  merge.summary = summary;
  merge.mine_origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.mine_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.mine_deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.conflicted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = tandem_change_begin (&change, self, _("Merge a copy"), &local_error) &&
       merge_in (&merge, &local_error) &&
       tandem_change_commit (&change, &local_error);
  if (!ok)
    tandem_change_clear (&change);

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
