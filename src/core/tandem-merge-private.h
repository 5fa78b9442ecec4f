/* tandem-merge-private.h — what tandem-merge.c and tandem-merge-conflicts.c
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-project.h"
#include "tandem-schema.h"

G_BEGIN_DECLS

/* In tandem-merge.c */
const char    *schema_column         (const TandemEntity  *entity,
                                      const char          *column);
gboolean       values_same           (sqlite3             *db,
                                      sqlite3_value       *a,
                                      sqlite3_value       *b);
gboolean       record_conflict       (sqlite3             *db,
                                      const char          *entity,
                                      const char          *entity_id,
                                      const char          *field,
                                      sqlite3_value       *mine_value,
                                      TandemValue         *mine_typed,
                                      sqlite3_value       *theirs_value,
                                      const char          *mine_author,
                                      const char          *theirs_author,
                                      const char          *theirs_at,
                                      const char          *source,
                                      GError             **error);

/* In tandem-merge-conflicts.c */
GHashTable    *conflict_rows         (sqlite3             *db,
                                      GError             **error);
gboolean       save_conflict_changes (sqlite3             *db,
                                      gint64               merge,
                                      GHashTable          *before,
                                      GError             **error);

G_END_DECLS
