/* tandem-coaching-search.c — searching coaching records, and copies of a
 * project without its private sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search index (an FTS5 table over sessions' words and actions) is kept
 * up to date from the change log before each search. A copy without private
 * sessions rebuilds it too, so that none of their words stay in it.
 */

#define G_LOG_DOMAIN "Tandem-Coaching"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-coaching.h"
#include "tandem-coaching-private.h"

/* Above this many changed sessions and actions, rebuilding the whole search
 * index is quicker than catching up one by one. */
#define REBUILD_THRESHOLD 2000

/* ------------------------------------------------------------------------ */
/* Search                                                                   */

/* A bookmark kept in the meta table: -1 if there is none. */
static gboolean
get_bookmark (TandemProject  *project,
              const char     *key,
              gint64         *value,
              GError        **error)
{
  return _tandem_db_query_int (project, error, value, NULL,
                               "SELECT coalesce ((SELECT value FROM meta WHERE key = ?1), -1)",
                               "s", key);
}

static gboolean
set_bookmark (TandemProject  *project,
              const char     *key,
              gint64          value,
              GError        **error)
{
  return _tandem_db_run (project, error, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         "sl", key, value);
}

static gboolean
index_one (TandemProject  *project,
           const char     *item_id,
           GError        **error)
{
  static const char * const steps[] = {
    "DELETE FROM coaching_search WHERE rowid = (SELECT doc FROM coaching_search_doc WHERE item_id = ?1)",
    "DELETE FROM coaching_search_doc WHERE item_id = ?1",
    "INSERT INTO coaching_search_doc (item_id) SELECT id FROM coaching_session WHERE id = ?1 "
    "  UNION ALL SELECT id FROM action WHERE id = ?1",
    "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action) "
    "  SELECT d.doc, s.check_in, s.notes, s.advice, s.agreements, NULL "
    "  FROM coaching_search_doc d JOIN coaching_session s ON s.id = d.item_id WHERE d.item_id = ?1",
    "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action) "
    "  SELECT d.doc, NULL, NULL, NULL, NULL, a.what || coalesce (char (10) || a.reason, '') "
    "  FROM coaching_search_doc d JOIN action a ON a.id = d.item_id WHERE d.item_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!_tandem_db_run (project, error, steps[i], "s", item_id))
      return FALSE;
  return TRUE;
}

/* The search index emptied, and made again from every session and action:
 * the project's own, and a copy's without its private sessions. */
#define CLEAR_INDEX "DELETE FROM coaching_search; DELETE FROM coaching_search_doc;"
#define FILL_INDEX \
  "INSERT INTO coaching_search_doc (item_id) SELECT id FROM coaching_session ORDER BY rowid;" \
  "INSERT INTO coaching_search_doc (item_id) SELECT id FROM action ORDER BY rowid;" \
  "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action)" \
  "  SELECT d.doc, s.check_in, s.notes, s.advice, s.agreements, NULL" \
  "  FROM coaching_search_doc d JOIN coaching_session s ON s.id = d.item_id;" \
  "INSERT INTO coaching_search (rowid, check_in, notes, advice, agreements, action)" \
  "  SELECT d.doc, NULL, NULL, NULL, NULL, a.what || coalesce (char (10) || a.reason, '')" \
  "  FROM coaching_search_doc d JOIN action a ON a.id = d.item_id;"

/* Brings the index up to date, inside the savepoint that
 * tandem_coaching_update_index() holds. */
static gboolean
catch_up_index (TandemProject  *project,
                GError        **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  gint64 seq, txn, last_seq, last_txn, created = 0;
  gboolean ok;

  if (!get_bookmark (project, "coaching_search_seq", &seq, error) ||
      !get_bookmark (project, "coaching_search_txn", &txn, error) ||
      !_tandem_db_query_int (project, error, &last_seq, NULL,
                             "SELECT max (seq) FROM change_log", NULL) ||
      !_tandem_db_query_int (project, error, &last_txn, NULL,
                             "SELECT max (id) FROM change_txn", NULL))
    return FALSE;
  if (seq == last_seq && txn == last_txn)
    return TRUE;

  /* An unknown or impossible bookmark (a file edited elsewhere, say), or
   * content a project was created with, which is not logged row by row:
   * rebuild. So too for a great many changes, which is quicker. */
  if (seq < 0 || txn < 0 || seq > last_seq || txn > last_txn)
    created = 1;
  else if (!_tandem_db_query_int (project, error, &created, NULL,
                                  "SELECT EXISTS (SELECT 1 FROM change_txn WHERE id > ?1 "
                                  "AND kind = 'create')", "l", txn))
    return FALSE;
  if (created == 0)
    {
      ids = _tandem_db_list (project, error, NULL,
                             "SELECT DISTINCT entity_id FROM change_log WHERE seq > ?1 "
                             "AND entity IN ('coaching_session', 'action') LIMIT ?2",
                             "li", seq, REBUILD_THRESHOLD + 1);
      if (ids == NULL)
        return FALSE;
    }

  if (ids == NULL || ids->len > REBUILD_THRESHOLD)
    ok = _tandem_db_exec (project, CLEAR_INDEX FILL_INDEX, error);
  else
    {
      ok = TRUE;
      for (guint i = 0; ok && i < ids->len; i++)
        ok = index_one (project, ids->pdata[i], error);
    }

  return ok && set_bookmark (project, "coaching_search_seq", last_seq, error) &&
         set_bookmark (project, "coaching_search_txn", last_txn, error);
}

/**
 * tandem_coaching_update_index:
 * @project: a project
 * @error: return location for an error
 *
 * Brings the search index up to date with every change in the change log
 * since it was last brought up to date, including other programs' changes.
 * Tandem does this itself before each search; it is not an edit, so it is
 * neither logged nor undoable. A read-only project is searched as its index
 * stands.
 *
 * Returns: %TRUE on success
 */
gboolean
tandem_coaching_update_index (TandemProject  *project,
                              GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);

  if (tandem_project_get_read_only (project))
    return TRUE;

  if (!_tandem_db_exec (project, "SAVEPOINT coaching_search", error))
    return FALSE;
  if (!catch_up_index (project, error))
    {
      _tandem_db_exec (project, "ROLLBACK TO coaching_search; RELEASE coaching_search", NULL);
      return FALSE;
    }
  return _tandem_db_exec (project, "RELEASE coaching_search", error);
}

/* Turns what a person typed into an FTS5 query: every word must appear, as
 * the start of a word, whatever punctuation they typed. */
static char *
fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '\''))
        {
          if (c != '\'')
            g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return query->len ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/**
 * tandem_coaching_search:
 * @project: a project
 * @text: what to look for, as typed
 * @limit: at most this many results
 * @error: return location for an error
 *
 * Searches every session's check-in, notes, advice and agreements and every
 * action, across all teams, after bringing the index up to date. Results
 * come best match first, each with a snippet in which the matched words are
 * between %TANDEM_MATCH_START and %TANDEM_MATCH_END.
 *
 * Returns: (transfer full) (element-type TandemSearchHit) (nullable): the results
 */
GPtrArray *
tandem_coaching_search (TandemProject  *project,
                        const char     *text,
                        guint           limit,
                        GError        **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  query = fts_query (text ? text : "");
  if (query == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_search_hit_free);
  if (!tandem_coaching_update_index (project, error))
    return NULL;

  return _tandem_db_list (project, error, &_tandem_coaching_search_hit_shape,
                          "SELECT d.item_id, a.id IS NOT NULL, coalesce (s.id, a.session_id), "
                          "  t.id, t.name, coalesce (s.starts_at, s2.starts_at), "
                          "  coalesce (s.private, s2.private, 0), "
                          "  snippet (coaching_search, -1, ?2, ?3, '…', 14) "
                          "FROM coaching_search f JOIN coaching_search_doc d ON d.doc = f.rowid "
                          "LEFT JOIN coaching_session s ON s.id = d.item_id "
                          "LEFT JOIN action a ON a.id = d.item_id "
                          "LEFT JOIN coaching_session s2 ON s2.id = a.session_id "
                          "JOIN team t ON t.id = coalesce (s.team_id, a.team_id) "
                          "WHERE coaching_search MATCH ?1 ORDER BY f.rank LIMIT ?4",
                          "sssi", query, TANDEM_MATCH_START, TANDEM_MATCH_END,
                          (int) MIN (limit, G_MAXINT));
}

/**
 * tandem_coaching_snippet_markup:
 * @snippet: a search snippet
 *
 * Returns: (transfer full): @snippet as Pango markup, the matched words in
 *   bold and highlighted, everything else escaped, on one line
 */
char *
tandem_coaching_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = snippet ? snippet : "";

  while (*p)
    {
      const char *start = strstr (p, TANDEM_MATCH_START);
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }
      before = g_markup_escape_text (p, start - p);
      g_string_append (markup, before);
      start += strlen (TANDEM_MATCH_START);
      end = strstr (start, TANDEM_MATCH_END);
      if (end == NULL)
        end = start + strlen (start);
      match = g_markup_escape_text (start, end - start);
      g_string_append_printf (markup, "<b><span background=\"#f8e45c\" foreground=\"#000000\">%s</span></b>",
                              match);
      p = *end ? end + strlen (TANDEM_MATCH_END) : end;
    }
  for (char *c = markup->str; *c; c++)
    if (*c == '\n' || *c == '\r' || *c == '\t')
      *c = ' ';
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Copies without private sessions                                          */

/**
 * tandem_coaching_count_private:
 * @project: a project
 *
 * Returns: how many sessions are marked private
 */
guint
tandem_coaching_count_private (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), 0);

  /* Without a way to say so, a failed read counts none. */
  if (!_tandem_db_query_int (project, &error, &n, NULL,
                             "SELECT count(*) FROM coaching_session WHERE private = 1", NULL))
    g_warning ("%s", error->message);
  return (guint) n;
}

/* A logged row as JSON (inserts and deletes log the whole row), or NULL. */
#define LOGGED_ROW "CASE WHEN l.op IN ('insert', 'delete') " \
                   "AND json_valid (coalesce (l.new_value, l.old_value)) " \
                   "THEN coalesce (l.new_value, l.old_value) END"

/* Takes every trace of private sessions out of the copy @copy of @project
 * (which the person will find at @path): the sessions
 * (also ones deleted since, which the change log remembers), their
 * attendance, the actions agreed in them, their links and comments, every
 * change-log entry about any of these, and the search index's copy of their
 * words; then rewrites the file so that no freed page keeps them. */
static gboolean
strip_private (TandemProject  *project,
               const char     *copy,
               const char     *path,
               GError        **error)
{
  static const char steps[] =
    "PRAGMA secure_delete = ON;"
    "BEGIN IMMEDIATE;"
    "CREATE TEMP TABLE private_item (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
    /* Sessions private now, and deleted ones that were private. */
    "INSERT OR IGNORE INTO private_item SELECT id FROM coaching_session WHERE private = 1;"
    "INSERT OR IGNORE INTO private_item SELECT l.entity_id FROM change_log l "
    "  WHERE l.entity = 'coaching_session' "
    "  AND l.entity_id NOT IN (SELECT id FROM coaching_session) "
    "  AND ((l.field = 'private' AND l.new_value = 1) "
    "       OR json_extract (" LOGGED_ROW ", '$.private') = 1);"
    /* What hangs off them, now or in the log. */
    "INSERT OR IGNORE INTO private_item SELECT id FROM attendance "
    "  WHERE session_id IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT id FROM action "
    "  WHERE session_id IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT id FROM session_link "
    "  WHERE session_id IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT l.entity_id FROM change_log l "
    "  WHERE l.entity IN ('attendance', 'action', 'session_link') "
    "  AND json_extract (" LOGGED_ROW ", '$.session_id') IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT id FROM comment "
    "  WHERE entity_id IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT l.entity_id FROM change_log l "
    "  WHERE l.entity = 'comment' "
    "  AND json_extract (" LOGGED_ROW ", '$.entity_id') IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT id FROM comment "
    "  WHERE parent_id IN (SELECT id FROM private_item);"
    "INSERT OR IGNORE INTO private_item SELECT l.entity_id FROM change_log l "
    "  WHERE l.entity = 'comment' "
    "  AND json_extract (" LOGGED_ROW ", '$.parent_id') IN (SELECT id FROM private_item);"
    /* The rows, children first. */
    "DELETE FROM comment WHERE parent_id IN (SELECT id FROM private_item);"
    "DELETE FROM comment WHERE id IN (SELECT id FROM private_item);"
    "DELETE FROM session_link WHERE id IN (SELECT id FROM private_item);"
    "DELETE FROM attendance WHERE id IN (SELECT id FROM private_item);"
    "UPDATE action SET carried_from = NULL WHERE carried_from IN (SELECT id FROM private_item);"
    "DELETE FROM action WHERE id IN (SELECT id FROM private_item);"
    "DELETE FROM coaching_session WHERE id IN (SELECT id FROM private_item);"
    /* Their history; then changes left with nothing in them, unless a
     * change that is kept undid or redid them. */
    "DELETE FROM change_log WHERE entity_id IN (SELECT id FROM private_item);";
  static const char steps_after[] =
    /* Actions carried forward from them stay, as the copy has them: carried
     * from nothing. */
    "UPDATE change_log SET new_value = json_set (new_value, '$.carried_from', NULL) "
    "  WHERE entity = 'action' AND op = 'insert' AND CASE WHEN json_valid (new_value) "
    "  THEN json_extract (new_value, '$.carried_from') IN (SELECT id FROM private_item) END;"
    "UPDATE change_log SET old_value = json_set (old_value, '$.carried_from', NULL) "
    "  WHERE entity = 'action' AND op = 'delete' AND CASE WHEN json_valid (old_value) "
    "  THEN json_extract (old_value, '$.carried_from') IN (SELECT id FROM private_item) END;"
    "UPDATE change_log SET old_value = NULL WHERE entity = 'action' AND field = 'carried_from' "
    "  AND old_value IN (SELECT id FROM private_item);"
    "UPDATE change_log SET new_value = NULL WHERE entity = 'action' AND field = 'carried_from' "
    "  AND new_value IN (SELECT id FROM private_item);"
    "CREATE TEMP TABLE empty_txn (id INTEGER PRIMARY KEY);"
    "INSERT INTO empty_txn SELECT id FROM change_txn WHERE kind <> 'create' "
    "  AND id NOT IN (SELECT txn FROM change_log);"
    "DELETE FROM empty_txn WHERE id IN (SELECT target FROM change_txn "
    "  WHERE target IS NOT NULL AND id NOT IN (SELECT id FROM empty_txn));"
    "UPDATE change_txn SET target = NULL WHERE target IN (SELECT id FROM empty_txn);"
    "DELETE FROM change_txn WHERE id IN (SELECT id FROM empty_txn);"
    /* The search index, rebuilt and merged into one segment so that no
     * deleted entry survives in it. */
    CLEAR_INDEX
    "INSERT INTO coaching_search (coaching_search) VALUES ('optimize');"
    FILL_INDEX
    "INSERT INTO coaching_search (coaching_search) VALUES ('optimize');"
    "INSERT INTO meta (key, value) VALUES "
    "  ('coaching_search_seq', (SELECT coalesce (max (seq), 0) FROM change_log)),"
    "  ('coaching_search_txn', (SELECT coalesce (max (id), 0) FROM change_txn))"
    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value;"
    /* The copy stays without them: merging the original into it leaves
     * them out (see tandem-merge.c). What merges did to conflicts, kept for
     * undoing them in the original, may hold their words and is not needed. */
    "INSERT INTO meta (key, value) VALUES ('shared_without_private', '1')"
    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value;"
    "DELETE FROM meta WHERE key LIKE 'merge\\_conflicts:%' ESCAPE '\\';"
    "DROP TABLE temp.private_item;"
    "DROP TABLE temp.empty_txn;"
    "COMMIT;"
    "VACUUM;";

  g_autofree char *sql = NULL;
  gint64 has_conflicts = 0;

  /* Conflicts kept from merges (format 3) hold both values of a field. The
   * copy has the project's tables. */
  if (!_tandem_db_query_int (project, error, &has_conflicts, NULL,
                             "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'conflict')", NULL))
    return FALSE;
  sql = g_strconcat (steps, has_conflicts
                     ? "DELETE FROM conflict WHERE entity_id IN (SELECT id FROM private_item);"
                     : "", steps_after, NULL);
  /* The copy is no project's: it runs on a connection of its own. */
  if (!_tandem_db_exec_on_file (copy, path, sql, error))
    {
      g_prefix_error (error, _("Private sessions could not be left out of the copy: "));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_coaching_save_copy_without_private:
 * @project: a project
 * @path: where to write the copy
 * @error: return location for an error
 *
 * Writes a copy of the project to share, as tandem_project_save_copy() does,
 * but without the sessions marked private: not their attendance, actions,
 * links, comments or search entries, nor any change-log entry that held their
 * words. The copy is made and cleaned in a temporary file beside @path, which
 * takes its place only once nothing private is left in it; the project
 * itself is not changed.
 *
 * Returns: %TRUE if the copy was written
 */
gboolean
tandem_coaching_save_copy_without_private (TandemProject  *project,
                                           const char     *path,
                                           GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (_tandem_project_is_file (project, path))
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_EXISTS,
                           _("A copy cannot be saved over the project itself. Choose another name."));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".tandem-shared-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      name = g_filename_display_basename (path);
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   _("The copy “%s” could not be saved: %s."), name, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  if (!tandem_project_save_copy (project, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  ok = strip_private (project, tmp, path, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      name = g_filename_display_basename (path);
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
                   _("The copy “%s” could not be saved: %s."), name, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
