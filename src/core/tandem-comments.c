/* tandem-comments.c — comment threads on diagram nodes, change ideas,
 * measures and coaching sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Comments"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-comments.h"
#include "tandem-db-private.h"

/* A comment longer than this is almost certainly not typed by a person. */
#define MAX_COMMENT_CHARS 20000

static const char * const commentable[] = {
  "node", "pdsa_cycle", "measure", "coaching_session", NULL,
};

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

/* The text as it will be stored: trimmed, and refused if empty or absurd. */
static char *
clean_text (const char  *text,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A comment must be text"));
      return NULL;
    }
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("A comment cannot be empty"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > MAX_COMMENT_CHARS)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("A comment can be at most %d characters long"), MAX_COMMENT_CHARS);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Reads the thread a reply or a resolution is for. Returns FALSE (with an
 * error) if @thread_id is not a comment, or is itself a reply. */
static gboolean
lookup_thread (TandemProject  *project,
               const char     *thread_id,
               char          **entity,
               char          **entity_id,
               gboolean       *resolved,
               GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;

  stmt = _tandem_db_query (project, error,
                           "SELECT entity, entity_id, resolved FROM comment "
                           "WHERE id = ?1 AND parent_id IS NULL", "s", thread_id);
  if (stmt == NULL)
    return FALSE;
  switch (_tandem_db_step (project, stmt, error))
    {
    case TANDEM_DB_ROW:
      _tandem_db_assert_columns (stmt, 3);
      if (entity)
        *entity = _tandem_db_column_text (stmt, 0);
      if (entity_id)
        *entity_id = _tandem_db_column_text (stmt, 1);
      if (resolved)
        *resolved = _tandem_db_column_bool (stmt, 2);
      return TRUE;
    case TANDEM_DB_DONE:
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("That comment no longer exists"));
      return FALSE;
    case TANDEM_DB_FAILED:
    default:
      return FALSE;
    }
}

/* A comment as stored; left out without an id or text. */
static gboolean
comment_finish (TandemDbStmt *stmt,
                gpointer      item)
{
  TandemComment *comment = item;

  if (_tandem_db_column_is_null (stmt, 0) || _tandem_db_column_is_null (stmt, 5))
    return FALSE;
  comment->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_comment_free);
  return TRUE;
}

#define COLUMN(kind, member) TANDEM_DB_COLUMN (kind, TandemComment, member)
static const TandemDbColumn comment_columns[] = {
  COLUMN (TEXT, id), COLUMN (TEXT, entity), COLUMN (TEXT, entity_id), COLUMN (TEXT, parent_id),
  COLUMN (TEXT, author), COLUMN (TEXT, text), COLUMN (TEXT, created_at), COLUMN (BOOL, resolved),
};
#undef COLUMN
static const TandemDbShape comment_shape =
  TANDEM_DB_SHAPE_FINISHED (TandemComment, tandem_comment_free, comment_columns, comment_finish);

static void
open_count_row (TandemDbStmt *stmt,
                gpointer      counts)
{
  const char *id = _tandem_db_column_peek (stmt, 0);
  gint64 n = _tandem_db_column_int (stmt, 1);

  _tandem_db_assert_columns (stmt, 2);
  if (id != NULL && n > 0)
    g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER ((guint) CLAMP (n, 0, G_MAXUINT)));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

void
tandem_comment_free (TandemComment *comment)
{
  if (comment == NULL)
    return;
  _tandem_db_clear_row (&comment_shape, comment);
  g_clear_pointer (&comment->replies, g_ptr_array_unref);
  g_free (comment);
}

/**
 * tandem_comments_list:
 * @project: a project
 * @entity: the kind of item (“node”, “pdsa_cycle”, “measure”, “coaching_session”)
 * @entity_id: the item's id
 *
 * Lists the comment threads on one item, oldest first, each with its replies
 * (oldest first). Replies whose thread is missing, and replies to replies
 * (which Tandem never makes, but a file from elsewhere may hold), are left
 * out.
 *
 * Returns: (transfer container) (element-type TandemComment): the threads
 */
GPtrArray *
tandem_comments_list (TandemProject *project,
                      const char    *entity,
                      const char    *entity_id)
{
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  threads = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_comment_free);
  comments = _tandem_db_list (project, &error, &comment_shape,
                              "SELECT id, entity, entity_id, parent_id, author, text, created_at, "
                              "       resolved "
                              "FROM comment WHERE entity_id = ?1 AND entity = ?2 "
                              "ORDER BY created_at, rowid", "ss", entity_id, entity);
  if (comments == NULL)
    {
      /* No error in this call's API: the person sees no comments, and the
       * log says why (a file another program holds says “locked”). */
      g_warning ("Could not read comments: %s", error->message);
      return g_steal_pointer (&threads);
    }

  /* Threads first, in order; then each reply to its thread. */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < comments->len; i++)
    {
      TandemComment *comment = comments->pdata[i];

      if (comment->parent_id != NULL)
        continue;
      g_hash_table_insert (by_id, comment->id, comment);
      g_ptr_array_add (threads, g_steal_pointer (&comments->pdata[i]));
    }
  for (guint i = 0; i < comments->len; i++)
    {
      TandemComment *reply = comments->pdata[i];
      TandemComment *thread;

      if (reply == NULL || (thread = g_hash_table_lookup (by_id, reply->parent_id)) == NULL)
        continue;
      reply->resolved = FALSE;
      g_ptr_array_add (thread->replies, g_steal_pointer (&comments->pdata[i]));
    }

  return g_steal_pointer (&threads);
}

/**
 * tandem_comments_add:
 * @project: a project
 * @entity: the kind of item: “node”, “pdsa_cycle”, “measure” or “coaching_session”
 * @entity_id: the item's id
 * @text: what the comment says
 * @error: return location for an error
 *
 * Starts a new thread on an item, written by the project's author, as one
 * change that can be undone.
 *
 * Returns: (transfer full) (nullable): the new comment's id
 */
char *
tandem_comments_add (TandemProject  *project,
                     const char     *entity,
                     const char     *entity_id,
                     const char     *text,
                     GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  if (!g_strv_contains (commentable, entity))
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   "a %s cannot have comments", entity);
      return NULL;
    }
  if ((clean = clean_text (text, error)) == NULL)
    return NULL;
  if (!_tandem_db_still_there (project, entity, entity_id,
                               _("The item this comment is about no longer exists"), error))
    return NULL;

  now = _tandem_now_iso8601 ();
  {
    TandemField fields[] = {
      { "entity", tandem_value_text (entity) },
      { "entity_id", tandem_value_text (entity_id) },
      { "author", tandem_value_text (tandem_project_get_author (project)) },
      { "text", tandem_value_text (clean) },
      { "created_at", tandem_value_text (now) },
      { "resolved", tandem_value_int (0) },
    };

    return _tandem_db_insert_change (project, _("Add comment"), "comment", fields,
                                     G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_comments_reply:
 * @project: a project
 * @thread_id: the thread's first comment
 * @text: what the reply says
 * @error: return location for an error
 *
 * Answers a thread, as one change that can be undone.
 *
 * Returns: (transfer full) (nullable): the reply's id
 */
char *
tandem_comments_reply (TandemProject  *project,
                       const char     *thread_id,
                       const char     *text,
                       GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *entity_id = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (thread_id != NULL, NULL);

  if ((clean = clean_text (text, error)) == NULL)
    return NULL;
  if (!lookup_thread (project, thread_id, &entity, &entity_id, NULL, error))
    return NULL;

  now = _tandem_now_iso8601 ();
  {
    TandemField fields[] = {
      { "entity", tandem_value_text (entity) },
      { "entity_id", tandem_value_text (entity_id) },
      { "parent_id", tandem_value_text (thread_id) },
      { "author", tandem_value_text (tandem_project_get_author (project)) },
      { "text", tandem_value_text (clean) },
      { "created_at", tandem_value_text (now) },
      { "resolved", tandem_value_int (0) },
    };

    return _tandem_db_insert_change (project, _("Reply to comment"), "comment", fields,
                                     G_N_ELEMENTS (fields), error);
  }
}

/**
 * tandem_comments_set_resolved:
 * @project: a project
 * @thread_id: the thread's first comment
 * @resolved: %TRUE to resolve the thread, %FALSE to reopen it
 * @error: return location for an error
 *
 * Resolves or reopens a thread, as one change that can be undone. Asking for
 * what is already so changes nothing and succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_comments_set_resolved (TandemProject  *project,
                              const char     *thread_id,
                              gboolean        resolved,
                              GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  gboolean was_resolved = FALSE;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (thread_id != NULL, FALSE);

  if (!lookup_thread (project, thread_id, NULL, NULL, &was_resolved, error))
    return FALSE;
  if (!!resolved == was_resolved)
    return TRUE;

  if (!tandem_change_begin (&change, project,
                            resolved ? _("Resolve comment") : _("Reopen comment"), error))
    return FALSE;
  return tandem_project_update (project, "comment", thread_id, "resolved",
                                tandem_value_int (resolved ? 1 : 0), error) &&
         tandem_change_commit (&change, error);
}

/**
 * tandem_comments_count_open:
 * @project: a project
 * @entity_id: an item's id
 *
 * Returns: how many threads on the item are not resolved
 */
guint
tandem_comments_count_open (TandemProject *project,
                            const char    *entity_id)
{
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);
  g_return_val_if_fail (entity_id != NULL, 0);

  if (!_tandem_db_query_int (project, &error, &count, NULL,
                             "SELECT count(*) FROM comment "
                             "WHERE entity_id = ?1 AND parent_id IS NULL AND resolved = 0",
                             "s", entity_id))
    {
      /* No error in this call's API: the log says why there is no count. */
      g_warning ("Could not count comments: %s", error->message);
      return 0;
    }
  return (guint) CLAMP (count, 0, G_MAXUINT);
}

/**
 * tandem_comments_open_counts:
 * @project: a project
 * @entity: a kind of item, e.g. “node”
 *
 * Counts the open threads on every item of one kind at once, for drawing a
 * count on each item of a diagram or a list.
 *
 * Returns: (transfer full): item id (char *) → open threads
 *   (GUINT_TO_POINTER); items with none are absent
 */
GHashTable *
tandem_comments_open_counts (TandemProject *project,
                             const char    *entity)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(TandemDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = _tandem_db_query (project, &error,
                           "SELECT entity_id, count(*) FROM comment "
                           "WHERE entity = ?1 AND parent_id IS NULL AND resolved = 0 "
                           "GROUP BY entity_id", "s", entity);
  if (!_tandem_db_each_row_of (project, stmt, open_count_row, counts, &error))
    {
      /* No error in this call's API: no counts are drawn rather than some,
       * and the log says why. */
      g_warning ("Could not count comments: %s", error->message);
      g_hash_table_remove_all (counts);
    }
  return g_steal_pointer (&counts);
}
