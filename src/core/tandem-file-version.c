/* tandem-file-version.c — what a project file is now, as far as can be
 * told without reading it through, and the files known intact: in this
 * process (a programme reading its files again) and, across processes, on
 * this machine (a chain of tandem-cli commands), so that an unchanged file
 * is not read through again for its structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-File"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "tandem-file-version-private.h"
#include "tandem-project-private.h"

/* What @path is now, its header read through @db's own file, or (%NULL)
 * through a connection of its own: see _tandem_read_start_of_file(). */
static gboolean
get_version_through (sqlite3           *db,
                     const char        *path,
                     TandemFileVersion *version)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  memset (version, 0, sizeof *version);
  if (g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS))
    return FALSE;
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      (gsize) st.st_size < sizeof version->header)
    return FALSE;
  if (db != NULL ? _tandem_read_db_start (db, version->header, sizeof version->header) != SQLITE_OK
                 : _tandem_read_start_of_file (path, version->header, sizeof version->header,
                                               NULL, 0) != 0)
    return FALSE;
  version->dev = st.st_dev;
  version->ino = st.st_ino;
  version->size = st.st_size;
  version->mtime = st.st_mtim;
  version->ctime = st.st_ctim;
  return TRUE;
}

gboolean
_tandem_file_version_get (const char        *path,
                          TandemFileVersion *version)
{
  return get_version_through (NULL, path, version);
}

gboolean
_tandem_file_version_equal (const TandemFileVersion *a,
                            const TandemFileVersion *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec &&
         a->ctime.tv_sec == b->ctime.tv_sec && a->ctime.tv_nsec == b->ctime.tv_nsec &&
         memcmp (a->header, b->header, sizeof a->header) == 0;
}

/* What @path is now, as _tandem_file_version_get() tells it, for a reader that
 * keeps what it read from a file until the file changes (the programme):
 * two versions of one file compare equal with g_bytes_equal() only if
 * nothing wrote to it between them. %NULL if the file has no version (it
 * is not there, or has a journal beside it). */
GBytes *
_tandem_project_dup_file_version (const char *path)
{
  TandemFileVersion version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_tandem_file_version_get (path, &version))
    return NULL;
  return g_bytes_new (&version, sizeof version);
}

/* The files this process has found structurally intact, by path: the
 * version of each that was checked. Opening one again unchanged (a
 * programme read a second time) skips reading it through; any write to it
 * changes its version, and it is checked again. Bounded, since a programme
 * may hold hundreds of files: when full it starts again. */
#define MAX_INTACT_FILES 4096

static GMutex intact_lock;
static GHashTable *intact_files;

void
_tandem_intact_remember (const char              *path,
                         const TandemFileVersion *version)
{
  g_mutex_lock (&intact_lock);
  if (intact_files == NULL || g_hash_table_size (intact_files) >= MAX_INTACT_FILES)
    {
      g_clear_pointer (&intact_files, g_hash_table_unref);
      intact_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  g_hash_table_insert (intact_files, g_strdup (path), g_memdup2 (version, sizeof *version));
  g_mutex_unlock (&intact_lock);
}

void
_tandem_intact_forget (const char *path)
{
  g_mutex_lock (&intact_lock);
  if (intact_files != NULL)
    g_hash_table_remove (intact_files, path);
  g_mutex_unlock (&intact_lock);
}

gboolean
_tandem_intact_known (const char *path)
{
  TandemFileVersion now;
  const TandemFileVersion *checked;
  gboolean known = FALSE;

  if (!_tandem_file_version_get (path, &now))
    return FALSE;
  g_mutex_lock (&intact_lock);
  checked = intact_files ? g_hash_table_lookup (intact_files, path) : NULL;
  known = checked != NULL && _tandem_file_version_equal (checked, &now);
  g_mutex_unlock (&intact_lock);
  return known;
}

/* ------------------------------------------------------------------------ */
/* The files this machine has found intact, across processes                */

/* A file this user's Tandem wrote or checked (its structure and its tables),
 * and that nothing has written since, is not checked again by the next
 * command or window that opens it: the memory above, kept in the user's
 * cache folder. An entry is the file's path and version (device, inode,
 * size, modification and inode-change times to the nanosecond, and SQLite's
 * header with its count of changes), read again before it is trusted: any
 * difference and the file is checked as any other. Only files on a local
 * disk are remembered, where the times come from this machine's clock, and
 * only once that clock has moved past the file's last change, so that a
 * later write cannot leave the same times (see settled()). The memory is
 * small (oldest dropped), replaced whole and atomically, and one that cannot
 * be read or makes no sense is ignored. */
#define CHECKED_MEMORY_HEADER "tandem-checked-files 1"
#define MAX_CHECKED_MEMORY 64

static guint n_full_checks;

/* One more reading of a file through for its structure. */
void
_tandem_count_full_check (void)
{
  g_atomic_int_inc (&n_full_checks);
}

/* How many times this process has read a file through for its structure
 * (the check that remembered files skip); for tests. */
guint
_tandem_project_get_n_full_checks (void)
{
  return g_atomic_int_get (&n_full_checks);
}

static char *
checked_memory_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tandem", "checked-files", NULL);
}

static char *
file_version_line (const char              *path,
                   const TandemFileVersion *version)
{
  g_autofree char *header = g_malloc (2 * sizeof version->header + 1);
  g_autofree char *escaped = g_strescape (path, NULL);

  for (gsize i = 0; i < sizeof version->header; i++)
    g_snprintf (header + 2 * i, 3, "%02x", version->header[i]);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %ld %" G_GINT64_FORMAT " %ld %s %s",
                          (guint64) version->dev, (guint64) version->ino,
                          (gint64) version->size,
                          (gint64) version->mtime.tv_sec, (long) version->mtime.tv_nsec,
                          (gint64) version->ctime.tv_sec, (long) version->ctime.tv_nsec,
                          header, escaped);
}

/* The path an entry is for (escaped), after its eight numbers and header;
 * %NULL if it has not that many. */
static const char *
entry_path (const char *line)
{
  for (int field = 0; field < 8 && line != NULL; field++)
    {
      line = strchr (line, ' ');
      line = line ? line + 1 : NULL;
    }
  return line;
}

/* The memory's entries, oldest first, as lines (file_version_line()); empty
 * if it cannot be read or is not one. */
static GPtrArray *
read_checked_memory (void)
{
  g_autofree char *memory_path = checked_memory_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);
  gsize length = 0;

  if (!g_file_get_contents (memory_path, &contents, &length, NULL) ||
      length > 64 * 1024 || strlen (contents) != length ||
      !g_str_has_prefix (contents, CHECKED_MEMORY_HEADER "\n"))
    return entries;
  lines = g_strsplit (contents + strlen (CHECKED_MEMORY_HEADER "\n"), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (entries, g_strdup (lines[i]));
  if (entries->len > MAX_CHECKED_MEMORY)
    g_ptr_array_set_size (entries, 0);
  return entries;
}

gboolean
_tandem_checked_memory_holds (const char              *path,
                              const TandemFileVersion *version)
{
  g_autoptr(GPtrArray) entries = read_checked_memory ();
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *line = file_version_line (absolute, version);

  for (guint i = 0; i < entries->len; i++)
    if (strcmp (g_ptr_array_index (entries, i), line) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @path is on a disk of this machine, whose files' times come from
 * its own clock. */
static gboolean
on_local_disk (const char *path)
{
  struct statfs fs;

  if (statfs (path, &fs) != 0)
    return FALSE;
  switch ((unsigned long) fs.f_type)
    {
    case 0xEF53:      /* ext2, ext3, ext4 */
    case 0x58465342:  /* xfs */
    case 0x9123683E:  /* btrfs */
    case 0x01021994:  /* tmpfs */
    case 0xF2F52010:  /* f2fs */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
timespec_after (const struct timespec *a,
                const struct timespec *b)
{
  return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/* Whether @path is still at @version once the clock that stamps its times
 * has moved past them, waiting for that for at most a few of its ticks: a
 * write in the tick of the last one could leave every time as it was. */
static gboolean
settled (const char              *path,
         const TandemFileVersion *version)
{
  struct timespec tick = { 0, 0 };
  TandemFileVersion now;

  clock_getres (CLOCK_REALTIME_COARSE, &tick);
  for (int tries = 0; tries < 4; tries++)
    {
      struct timespec clock_now;

      clock_gettime (CLOCK_REALTIME_COARSE, &clock_now);
      if (timespec_after (&clock_now, &version->ctime) &&
          timespec_after (&clock_now, &version->mtime))
        return _tandem_file_version_get (path, &now) && _tandem_file_version_equal (&now, version);
      g_usleep (MAX (tick.tv_nsec / 1000, 1000));
    }
  return FALSE;
}

/* Adds @path at @version (found intact, structure and tables) to the
 * memory, in place of what it held for @path. */
static void
remember_checked (const char              *path,
                  const TandemFileVersion *version)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) contents = NULL;
  g_autofree char *memory_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *line = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *tmpl = NULL;
  gboolean written;
  int fd;

  if (!on_local_disk (path) || _tandem_checked_memory_holds (path, version) ||
      !settled (path, version))
    return;
  entries = read_checked_memory ();
  absolute = g_canonicalize_filename (path, NULL);
  line = file_version_line (absolute, version);
  for (guint i = entries->len; i-- > 0;)
    if (g_strcmp0 (entry_path (g_ptr_array_index (entries, i)), entry_path (line)) == 0)
      g_ptr_array_remove_index (entries, i);
  while (entries->len >= MAX_CHECKED_MEMORY)
    g_ptr_array_remove_index (entries, 0);
  g_ptr_array_add (entries, g_steal_pointer (&line));

  contents = g_string_new (CHECKED_MEMORY_HEADER "\n");
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (contents, "%s\n", (char *) g_ptr_array_index (entries, i));
  /* Replaced by a rename, never synced: a memory lost or cut short in a
   * crash holds no version of any file there is now, or is ignored. */
  memory_path = checked_memory_path ();
  dir = g_path_get_dirname (memory_path);
  tmpl = g_strconcat (memory_path, ".XXXXXX", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    return;
  written = _tandem_write_all (fd, (const guint8 *) contents->str, contents->len);
  if (close (fd) != 0 || !written || g_rename (tmpl, memory_path) != 0)
    {
      g_unlink (tmpl);
      return;
    }
  g_debug ("Remembered “%s” as checked", path);
}

/* _tandem_file_version_get() for the file of @db, read through the connection's
 * own file rather than a connection of its own (cheaper, and it sees what
 * the connection's change wrote). On the connection's thread only. */
gboolean
_tandem_file_version_get_for_db (sqlite3           *db,
                                 const char        *path,
                                 TandemFileVersion *version)
{
  return get_version_through (db, path, version);
}

/* SQLite's count of changes to a file, from its header. */
static guint32
change_counter (const TandemFileVersion *version)
{
  return (guint32) version->header[24] << 24 | (guint32) version->header[25] << 16 |
         (guint32) version->header[26] << 8 | (guint32) version->header[27];
}

static gboolean
is_file_version (GBytes                  *bytes,
                 const TandemFileVersion *version)
{
  return bytes != NULL && g_bytes_get_size (bytes) == sizeof *version &&
         _tandem_file_version_equal (g_bytes_get_data (bytes, NULL), version);
}

/* The check on the second thread of a project has passed: if it checked the
 * file as the project opened it (whose tables were checked then), that
 * version is intact, and remembered. */
void
_tandem_project_note_checked_alongside (TandemProject *self)
{
  TandemFileVersion checked;
  gboolean known;

  if (self->opened_version == NULL)
    return;
  g_mutex_lock (&intact_lock);
  known = intact_files != NULL &&
          g_hash_table_lookup (intact_files, self->path) != NULL;
  if (known)
    checked = *(const TandemFileVersion *) g_hash_table_lookup (intact_files, self->path);
  g_mutex_unlock (&intact_lock);
  if (!known || !is_file_version (self->opened_version, &checked))
    return;
  g_clear_pointer (&self->intact_version, g_bytes_unref);
  self->intact_version = g_bytes_ref (self->opened_version);
  /* Remembered when closed: looking at the file now could take the locks
   * of a connection in use. */
  self->remember_on_close = TRUE;
}

/* A change has begun (the file is locked against other writers): whether
 * the file is still the version known intact. */
void
_tandem_project_note_begin (TandemProject *self)
{
  TandemFileVersion now;

  self->began_intact = self->intact_version != NULL &&
                       _tandem_file_version_get_for_db (self->db, self->path, &now) &&
                       is_file_version (self->intact_version, &now);
}

/* A change was committed: if the file was intact when it began and is now
 * the very next version (SQLite counted one change, ours), it is intact
 * still, and remembered when the project closes. */
void
_tandem_project_note_commit (TandemProject *self)
{
  const TandemFileVersion *before;
  TandemFileVersion now;

  if (self->began_intact && _tandem_file_version_get_for_db (self->db, self->path, &now) &&
      (before = g_bytes_get_data (self->intact_version, NULL),
       change_counter (&now) == change_counter (before) + 1))
    {
      g_bytes_unref (self->intact_version);
      self->intact_version = g_bytes_new (&now, sizeof now);
      self->remember_on_close = TRUE;
    }
  else
    g_clear_pointer (&self->intact_version, g_bytes_unref);
  self->began_intact = FALSE;
}

/* The project's connection is closed: a file this process wrote and knows
 * intact, unchanged since, is remembered. */
void
_tandem_project_note_closed (TandemProject *self)
{
  TandemFileVersion now;

  if (self->remember_on_close && self->intact_version != NULL &&
      _tandem_file_version_get (self->path, &now) && is_file_version (self->intact_version, &now))
    remember_checked (self->path, &now);
}

