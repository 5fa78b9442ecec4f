/* tandem-file-version-private.h — what a project file is now, without
 * reading it through, and the files known intact: in this process and,
 * across processes, on this machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include "tandem-project.h"

G_BEGIN_DECLS

/* What a file is, as far as can be told without reading it through: where it
 * is on the disk, its size, when it was last written and when its inode last
 * changed (which no program can set back), and SQLite's header with its count
 * of changes. A file that has a journal beside it has no version here: SQLite
 * may change it when it next opens it. */
typedef struct
{
  dev_t           dev;
  ino_t           ino;
  off_t           size;
  struct timespec mtime;
  struct timespec ctime;
  guint8          header[100];
} TandemFileVersion;

gboolean _tandem_file_version_get        (const char              *path,
                                          TandemFileVersion       *version);
gboolean _tandem_file_version_get_for_db (sqlite3                 *db,
                                          const char              *path,
                                          TandemFileVersion       *version);
gboolean _tandem_file_version_equal      (const TandemFileVersion *a,
                                          const TandemFileVersion *b);

void     _tandem_intact_remember         (const char              *path,
                                          const TandemFileVersion *version);
void     _tandem_intact_forget           (const char              *path);
gboolean _tandem_intact_known            (const char              *path);

gboolean _tandem_checked_memory_holds    (const char              *path,
                                          const TandemFileVersion *version);
void     _tandem_count_full_check        (void);
void     _tandem_project_note_checked_alongside (TandemProject *self);

/* In tandem-project-file.c */
int      _tandem_read_db_start           (sqlite3                 *db,
                                          guint8                  *bytes,
                                          gsize                    size);
int      _tandem_read_start_of_file      (const char              *path,
                                          guint8                  *bytes,
                                          gsize                    size,
                                          gint64                  *file_size,
                                          guint                    wait_ms);
gboolean _tandem_write_all               (int                      fd,
                                          const guint8            *bytes,
                                          gsize                    size);

G_END_DECLS
