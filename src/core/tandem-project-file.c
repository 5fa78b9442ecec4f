/* tandem-project-file.c — a project file as untrusted input: opening it
 * (checked, hardened, migrated), opening it only to read, checking it,
 * creating one and saving a copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-File"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "tandem-defaults.h"
#include "tandem-file-version-private.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"

static guint default_busy_timeout = 5000;

/* ------------------------------------------------------------------------ */
/* Errors in the words of the people who use Tandem                         */

char *
_tandem_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static void
set_open_error (GError     **error,
                int          code,
                const char  *path,
                const char  *reason)
{
  g_autofree char *name = _tandem_display_name (path);

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

/* Reads the first @size bytes of @db's file (zeros past its end) through
 * its own SQLite file. Returns an SQLite result code. */
int
_tandem_read_db_start (sqlite3 *db,
                       guint8  *bytes,
                       gsize    size)
{
  sqlite3_file *file = NULL;
  int rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);

  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xRead (file, bytes, (int) size, 0);
  return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_OK : rc;
}

/* Reads the first @size bytes of @path (zeros past its end), and its size
 * (unless @file_size is %NULL), through SQLite's own file, never a
 * descriptor of ours: closing any descriptor of a file gives up every POSIX
 * lock this process holds on it, a write lock of one of its connections
 * included (SQLite's "how to corrupt", 2.2), whereas SQLite keeps a file
 * open while another of its connections in the process holds a lock on it.
 * Both are read under a shared lock, as SQLite reads, so that a writer in
 * the middle of a commit (the header already counting pages not yet
 * written) is waited for, up to the busy timeout, rather than taken for a
 * file cut short (for @wait_ms at the most). Opening a connection reads
 * nothing; xRead() reads only bytes. Returns 0, EBUSY if a writer kept the
 * file, or the system's error number. */
int
_tandem_read_start_of_file (const char *path,
                            guint8     *bytes,
                            gsize       size,
                            gint64     *file_size,
                            guint       wait_ms)
{
  gint64 give_up = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  sqlite3_file *file = NULL;
  sqlite3 *db = NULL;
  gboolean locked = FALSE;
  int rc, saved = 0;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    {
      int lock;

      /* A file system without locks is read as it is. */
      while ((lock = file->pMethods->xLock (file, SQLITE_LOCK_SHARED)) == SQLITE_BUSY &&
             g_get_monotonic_time () < give_up)
        g_usleep (2000);
      locked = lock == SQLITE_OK;
      if (lock == SQLITE_BUSY)
        rc = SQLITE_BUSY;
    }
  if (rc == SQLITE_OK)
    {
      rc = file->pMethods->xRead (file, bytes, (int) size, 0);
      if (rc == SQLITE_IOERR_SHORT_READ)
        rc = SQLITE_OK;
    }
  if (rc == SQLITE_OK && file_size != NULL)
    {
      sqlite3_int64 n = 0;

      rc = file->pMethods->xFileSize (file, &n);
      *file_size = n;
    }
  if (locked)
    file->pMethods->xUnlock (file, SQLITE_LOCK_NONE);
  if (rc == SQLITE_BUSY)
    saved = EBUSY;
  else if (rc != SQLITE_OK)
    {
      saved = db != NULL ? sqlite3_system_errno (db) : 0;
      if (saved == 0)
        saved = EIO;
    }
  sqlite3_close (db);
  return saved;
}

static gboolean
read_header (const char  *path,
             FileHeader  *header,
             GError     **error)
{
  GStatBuf st;
  gint64 size = 0;
  int saved;

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

  saved = _tandem_read_start_of_file (path, header->bytes, sizeof header->bytes, &size,
                              default_busy_timeout);
  if (saved == EBUSY)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_LOCKED, path, NULL);
      return FALSE;
    }
  if (saved != 0)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, g_strerror (saved));
      return FALSE;
    }
  header->n_bytes = MIN ((gsize) size, sizeof header->bytes);
  header->size = size;
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
      g_autofree char *name = _tandem_display_name (path);
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

/* check_structure(), remembering a file found intact if nothing wrote to it
 * while it was checked (then *@checked, unless %NULL, is what it checked). */
static GError *
check_and_remember (sqlite3           *db,
                    const char        *path,
                    TandemFileVersion *checked)
{
  TandemFileVersion before, after;
  gboolean versioned = _tandem_file_version_get_for_db (db, path, &before);
  GError *error;

  _tandem_count_full_check ();
  error = check_structure (db, path);
  if (error == NULL && versioned && _tandem_file_version_get_for_db (db, path, &after) &&
      _tandem_file_version_equal (&before, &after))
    {
      _tandem_intact_remember (path, &before);
      if (checked != NULL)
        *checked = before;
    }
  else
    _tandem_intact_forget (path);
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
      error = check_and_remember (db, path, NULL);
    }
  sqlite3_close (db);
  return error;
}

/* Opens, validates and (if it is writable and older) migrates; never writes to
 * a file that fails a check. A caller that sets *read_only before the call
 * gets a connection that never writes, whatever the file allows. The
 * structural check is left out only for a file this process has just made,
 * which nothing else has written, or one found intact and unchanged since
 * (@made_here). The check of its tables is left out only for the file
 * tandem_project_create() has just written from the current format's empty
 * database (@created). */
static sqlite3 *
open_validated (const char  *path,
                gboolean    *read_only,
                GThread    **check_thread,
                gboolean     made_here,
                gboolean     created,
                GBytes     **intact,
                GError     **error)
{
  FileHeader header = { 0 };
  TandemFileVersion seen, checked;
  gboolean remembered = FALSE, versioned = FALSE, checked_here = FALSE;
  sqlite3 *db = NULL;
  g_autoptr(GError) local_error = NULL;
  int user_version = 0;
  int rc;

  if (!read_header (path, &header, error) ||
      !check_header (path, &header, &user_version, error))
    return NULL;

  /* A file of the current format that this machine has checked or written,
   * unchanged since, is checked no more (neither its structure nor its
   * tables). */
  if (intact != NULL)
    versioned = _tandem_file_version_get (path, &seen);
  if (versioned && !made_here && user_version == TANDEM_SCHEMA_VERSION &&
      _tandem_checked_memory_holds (path, &seen))
    {
      g_debug ("“%s” is unchanged since it was checked", path);
      remembered = made_here = created = TRUE;
    }

  /* A current file may be read while its structure is checked on a second
   * thread, since nothing is written to it until the check has passed. An
   * older one is migrated, and a file in WAL mode is turned to rollback
   * mode, at once: both write, so they need the check first. */
  *read_only = *read_only || !can_write (path);
  if (check_thread != NULL &&
      (user_version != TANDEM_SCHEMA_VERSION ||
       (!*read_only && (header.bytes[18] == 2 || header.bytes[19] == 2))))
    check_thread = NULL;
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

  if (check_thread != NULL && !made_here)
    {
      /* A file found intact before and not written since is not read
       * through again. */
      if (!_tandem_intact_known (path))
        *check_thread = g_thread_new ("tandem-check", check_structure_thread, g_strdup (path));
    }
  else if (!made_here)
    {
      if ((local_error = check_and_remember (db, path, &checked)) != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          sqlite3_close (db);
          return NULL;
        }
      checked_here = versioned && _tandem_file_version_equal (&checked, &seen);
    }

  if (user_version == TANDEM_SCHEMA_VERSION && !created &&
      !tandem_schema_verify (db, &local_error))
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

  /* What is known intact as it opens: a file remembered, made here or
   * checked here, if opening it wrote nothing. */
  if (intact != NULL && versioned && (remembered || (made_here && created) || checked_here))
    {
      TandemFileVersion now;

      if (_tandem_file_version_get (path, &now) && _tandem_file_version_equal (&now, &seen))
        *intact = g_bytes_new (&seen, sizeof seen);
    }
  return db;
}

static TandemProject *
project_new_for_db (sqlite3     *db,
                    const char  *path,
                    gboolean     read_only,
                    GThread     *check_thread,
                    GBytes      *intact,
                    GError     **error)
{
  g_autoptr(TandemProject) self = g_object_new (TANDEM_TYPE_PROJECT, NULL);
  g_autofree char *replica = NULL;

  self->db = db;
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->check_thread = check_thread;
  self->intact_version = intact;

  replica = first_row_text (db, "SELECT value FROM meta WHERE key = 'replica_id'", NULL);
  if (replica == NULL)
    {
      replica = _tandem_new_id ();
      /* Giving the copy its identity writes, so it waits for the check. */
      if (!read_only)
        {
          if (!tandem_project_confirm_intact (self, error))
            return NULL;
          set_meta (db, "replica_id", replica);
        }
    }
  self->replica_id = g_steal_pointer (&replica);
  self->last_seq = _tandem_query_int (db, "SELECT max(seq) FROM change_log", 0);
  self->data_version = (int) _tandem_query_int (db, "PRAGMA data_version", 0);
  _tandem_project_load_stacks (self);
  return g_steal_pointer (&self);
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

/* Opens @path with its structural check on a second thread where that is
 * safe (see open_validated()). */
static TandemProject *
open_checking_alongside (const char  *path,
                         gboolean     read_only,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GThread *check_thread = NULL;
  GBytes *intact = NULL;
  TandemProject *self;
  TandemFileVersion seen;
  gboolean versioned = _tandem_file_version_get (path, &seen);
  sqlite3 *db;

  db = open_validated (path, &read_only, &check_thread, FALSE, FALSE, &intact, &local_error);
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
  self = project_new_for_db (db, path, read_only, check_thread, intact, error);
  /* What its check on the second thread is to find intact. */
  if (self != NULL && check_thread != NULL && versioned)
    self->opened_version = g_bytes_new (&seen, sizeof seen);
  return self;
}

/* Opens a file that tandem_project_create() has just made, with every check
 * of tandem_project_open() but the structural one and that of its tables:
 * the file is this process's own work, written from the current format's
 * empty database (whose tables test-project checks), synced or still under a
 * name no one else knows, and reading it all back would cost as much as
 * making it (the tables' check a fifth of `tandem-cli new`). @made: the file as
 * it was made (its device and inode); if @path is another file by now, it
 * is opened as any other. */
static TandemProject *
open_made_here (const char     *path,
                const GStatBuf *made,
                GError        **error)
{
  gboolean read_only = FALSE;
  GStatBuf now;
  sqlite3 *db;
  GBytes *intact = NULL;
  TandemProject *self;

  if (g_stat (path, &now) != 0 || now.st_dev != made->st_dev || now.st_ino != made->st_ino)
    return tandem_project_open (path, error);
  db = open_validated (path, &read_only, NULL, TRUE, TRUE, &intact, error);
  if (db == NULL)
    return NULL;
  self = project_new_for_db (db, path, read_only, NULL, intact, error);
  /* This process's own work: remembered as checked once it is closed. */
  if (self != NULL)
    self->remember_on_close = TRUE;
  return self;
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
 * The check of the file's structure reads the whole file, so for a file in
 * the current format it runs on a second thread while the caller reads. The
 * first change waits for it, and is refused with its verdict if the file is
 * damaged; a caller that shows the project calls
 * tandem_project_confirm_intact() once it has loaded what it shows, and
 * closes the project if that fails. Nothing is written to the file before
 * the check has passed.
 *
 * Returns: (transfer full) (nullable): the project
 */
TandemProject *
tandem_project_open (const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_checking_alongside (path, FALSE, error);
}

/**
 * tandem_project_open_for_reading:
 * @path: a project file
 * @error: return location for an error
 *
 * Opens a project only to read from it (to export, say), with every check
 * tandem_project_open() makes. As there, the structural check runs on a
 * second thread while the caller works: before keeping anything made from
 * the project, call tandem_project_confirm_intact(). A file in an older
 * format is checked before this returns.
 *
 * Returns: (transfer full) (nullable): the project, read-only
 */
TandemProject *
tandem_project_open_for_reading (const char  *path,
                                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_checking_alongside (path, TRUE, error);
}

/* Opens a project only to read from it, as tandem_project_open_for_reading()
 * does, but with its structural check made on this thread, on the same
 * connection, before this returns (unless the file was found intact before
 * and is unchanged): for a reader that already reads several files at once,
 * one thread each (the programme), which a second thread per file would
 * only slow down. */
TandemProject *
_tandem_project_open_checked_for_reading (const char  *path,
                                          GError     **error)
{
  gboolean read_only = TRUE;
  GBytes *intact = NULL;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_validated (path, &read_only, NULL, _tandem_intact_known (path), FALSE, &intact, error);
  if (db == NULL)
    return NULL;
  /* Not remembered across processes: a programme reads many files (more
   * than the memory holds), and keeps what it read itself. */
  return project_new_for_db (db, path, read_only, NULL, intact, error);
}

/**
 * tandem_project_open_in_memory:
 * @path: a project file
 * @error: return location for an error
 *
 * Reads a whole project file into memory and opens that, for a reader that
 * must never write to the file and yet reads files in an older format (the
 * programme view): an older file is updated to the current format in memory
 * only. The file gets every check tandem_project_open() makes, including the
 * structural check, before this returns. Edits to the project are refused.
 *
 * Returns: (transfer full) (nullable): the project, read-only
 */
TandemProject *
tandem_project_open_in_memory (const char  *path,
                               GError     **error)
{
  FileHeader header = { 0 };
  g_autoptr(GError) local_error = NULL;
  sqlite3 *file = NULL;
  sqlite3 *db = NULL;
  sqlite3_backup *backup;
  int user_version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_header (path, &header, error) ||
      !check_header (path, &header, &user_version, error))
    return NULL;
  if (user_version < 1)
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path,
                      _("it was never finished being created"));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      harden (file);
      sqlite3_busy_handler (file, busy_wait_cb, GUINT_TO_POINTER (default_busy_timeout));
      sqlite3_exec (file, "PRAGMA query_only = 1", NULL, NULL, NULL);
      if ((local_error = check_structure (file, path)) != NULL)
        {
          sqlite3_close (file);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (db, "main", file, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (db);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc != SQLITE_OK)
    {
      set_open_error (error, open_error_for_sqlite (rc), path,
                      file ? sqlite3_errmsg (file) : sqlite3_errstr (rc));
      sqlite3_close (file);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_close (file);
  harden (db);

  if (user_version < TANDEM_SCHEMA_VERSION)
    {
      const TandemMigration *steps;
      guint n_steps;

      steps = tandem_schema_get_migrations (&n_steps);
      if (!tandem_schema_migrate (db, steps, n_steps, &local_error))
        {
          set_open_error (error, TANDEM_PROJECT_ERROR_FAILED, path, local_error->message);
          sqlite3_close (db);
          return NULL;
        }
    }
  if (!tandem_schema_verify (db, &local_error))
    {
      set_open_error (error, TANDEM_PROJECT_ERROR_NOT_TANDEM, path, local_error->message);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_exec (db, "PRAGMA query_only = 1; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return project_new_for_db (db, path, TRUE, NULL, NULL, error);
}

/**
 * tandem_project_confirm_intact:
 * @self: a project from tandem_project_open_for_reading()
 * @error: return location for an error
 *
 * Waits for the structural check of a project that is still running (see
 * tandem_project_open()) to end. Every change calls it first.
 *
 * Returns: %TRUE if the file is intact
 */
gboolean
tandem_project_confirm_intact (TandemProject  *self,
                               GError        **error)
{
  gboolean intact;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);

  g_mutex_lock (&self->check_lock);
  if (self->check_thread != NULL)
    {
      self->check_error = g_thread_join (g_steal_pointer (&self->check_thread));
      if (self->check_error == NULL)
        _tandem_project_note_checked_alongside (self);
    }
  /* Another program writing while the check read says nothing about the
   * file: check again now, and if it is still busy, ask again next time. */
  if (g_error_matches (self->check_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED))
    {
      g_clear_error (&self->check_error);
      self->check_error = check_structure_thread (g_strdup (self->path));
    }
  intact = self->check_error == NULL;
  if (!intact)
    g_propagate_error (error, g_error_copy (self->check_error));
  if (g_error_matches (self->check_error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED))
    g_clear_error (&self->check_error);
  g_mutex_unlock (&self->check_lock);
  return intact;
}

static void
confirm_intact_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;

  if (tandem_project_confirm_intact (source, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_project_confirm_intact_async:
 * @self: a project
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check has ended
 * @user_data: data for @callback
 *
 * Waits on another thread for the structural check (see
 * tandem_project_open()), so that a window can show the project while it
 * runs and close it if the file turns out to be damaged.
 */
void
tandem_project_confirm_intact_async (TandemProject       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TANDEM_IS_PROJECT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_project_confirm_intact_async);
  g_task_run_in_thread (task, confirm_intact_thread);
}

/**
 * tandem_project_confirm_intact_finish:
 * @self: a project
 * @result: the result given to the callback
 * @error: return location for the check's verdict
 *
 * Returns: %TRUE if the file is intact
 */
gboolean
tandem_project_confirm_intact_finish (TandemProject  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Writes @size bytes to @fd; FALSE with errno set if it cannot. */
gboolean
_tandem_write_all (int           fd,
                   const guint8 *bytes,
                   gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, bytes, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      bytes += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Writes what the kernel holds of @path to the disk. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || fdatasync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0)
    return TRUE;
  g_set_error_literal (error, TANDEM_PROJECT_ERROR,
                       saved == ENOSPC ? TANDEM_PROJECT_ERROR_DISK_FULL : TANDEM_PROJECT_ERROR_FAILED,
                       g_strerror (saved));
  return FALSE;
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
  g_autofree char *created_at = _tandem_now_iso8601 ();
  g_autofree char *replica = _tandem_new_id ();
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  GStatBuf made = { 0 };
  int fd, rc;

  g_return_val_if_fail (path != NULL, NULL);

  name = _tandem_display_name (path);
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
  if (fstat (fd, &made) != 0)
    made.st_ino = 0;
  /* The file starts as the empty database of the current format, made at
   * build time by the migrations (with the application id), not by running
   * them again here. */
  {
    gsize size = 0;
    g_autofree guint8 *image = tandem_schema_new_image (&size);
    int saved = _tandem_write_all (fd, image, size) ? 0 : errno;

    close (fd);
    if (saved != 0)
      {
        g_unlink (tmpl);
        g_set_error (error, TANDEM_PROJECT_ERROR,
                     saved == ENOSPC ? TANDEM_PROJECT_ERROR_DISK_FULL : TANDEM_PROJECT_ERROR_FAILED,
                     _("“%s” could not be created: %s."), name, g_strerror (saved));
        return NULL;
      }
  }

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      harden (db);
      /* Nothing is synced while the file has its temporary name: it is
       * synced once, whole, before it is given the real one. */
      rc = sqlite3_exec (db, "PRAGMA synchronous = OFF; PRAGMA journal_mode = DELETE; BEGIN",
                         NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK ||
      !set_meta (db, "replica_id", replica) ||
      !set_meta (db, "created_at", created_at) ||
      !set_meta (db, "created_by_version", PACKAGE_VERSION) ||
      (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
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
    g_autoptr(TandemProject) fresh = open_made_here (tmpl, &made, &local_error);

    if (fresh != NULL)
      sqlite3_exec (fresh->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
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
    /* Under its temporary name, it is not worth remembering. */
    fresh->remember_on_close = FALSE;
  }

  /* The one sync: the whole file reaches the disk before its name does. */
  if (!sync_file (tmpl, &local_error))
    {
      g_unlink (tmpl);
      g_set_error (error, TANDEM_PROJECT_ERROR, local_error->code,
                   _("“%s” could not be created: %s."), name, local_error->message);
      return NULL;
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
  return open_made_here (path, &made, error);
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
  g_autofree char *replica = _tandem_new_id ();
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = _tandem_display_name (path);
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
  db = open_validated (path, &read_only, NULL, FALSE, FALSE, NULL, &error);
  if (db == NULL)
    {
      add_problem (problems, "%s", error->message);
      return TANDEM_CHECK_UNUSABLE;
    }
  project = project_new_for_db (db, path, TRUE, NULL, NULL, NULL);

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
