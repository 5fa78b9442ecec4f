/* tandem-merge-private.h — what tandem-merge.c, tandem-merge-conflicts.c,
 * tandem-change-log.c and tandem-history.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-db-private.h"
#include "tandem-project.h"
#include "tandem-schema.h"

G_BEGIN_DECLS

/* One logged change to an item: a row of change_log. */
typedef struct
{
  char          *op;
  char          *entity;
  char          *entity_id;
  char          *field;
  TandemDbValue *old_value;
  TandemDbValue *new_value;
} TandemLogEntry;

/* In tandem-change-log.c: what the transactions @first to @last of
 * @project logged, in the order it was done or, with @newest_first, the
 * other way round (a GArray of TandemLogEntry, cleared with it). */
GArray        *_tandem_log_entries   (TandemProject       *project,
                                      gint64               first,
                                      gint64               last,
                                      gboolean             newest_first,
                                      GError             **error);

/* Both values of a field two people changed differently: mine as a value
 * read from a file or (@mine_typed) one given by code, and theirs. */
typedef struct
{
  const char        *entity;
  const char        *entity_id;
  const char        *field;
  TandemDbValue     *mine_value;
  const TandemValue *mine_typed;
  TandemDbValue     *theirs_value;
  const char        *mine_author;
  const char        *theirs_author;
  const char        *theirs_at;
  const char        *source;          /* "merge" or "live" */
} TandemConflictRecord;

/* In tandem-merge.c */
const char    *schema_column         (const TandemEntity          *entity,
                                      const char                  *column);
gboolean       record_conflict       (TandemProject               *project,
                                      const TandemConflictRecord  *conflict,
                                      GError                     **error);

/* In tandem-merge-conflicts.c */
GHashTable    *conflict_rows         (TandemProject               *project,
                                      GError                     **error);
gboolean       save_conflict_changes (TandemProject               *project,
                                      gint64                       merge,
                                      GHashTable                  *before,
                                      GError                     **error);
GPtrArray     *_tandem_project_read_conflicts (TandemProject      *self,
                                               GError            **error);

G_END_DECLS
