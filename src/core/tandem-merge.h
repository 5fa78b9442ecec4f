/* tandem-merge.h — merging another copy of a project, and the conflicts that
 * are kept when two people changed the same field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/* What a merge brought in. */
typedef struct
{
  guint transactions;     /* their transactions replayed into this copy */
  guint already_present;  /* their transactions this copy already had */
  guint inserted;         /* items added */
  guint updated;          /* fields changed */
  guint deleted;          /* items deleted */
  guint conflicts;        /* fields both copies changed, kept for a person */
  guint private_left_out; /* their private sessions not brought into a copy kept
                           * without private sessions */
} TandemMergeSummary;

/* One field two people changed differently. Values are shown as text; a NULL
 * value means the field was empty (or the item deleted, see theirs_deleted). */
typedef struct
{
  char     *id;
  char     *entity;         /* table name, e.g. "node" */
  char     *entity_id;
  char     *field;
  char     *item_label;     /* a readable name for the item, or NULL */
  char     *mine_value;
  char     *theirs_value;
  char     *mine_author;
  char     *theirs_author;
  char     *theirs_at;      /* ISO 8601 */
  char     *source;         /* "merge" (from File → Merge…) or "live" (same file) */
} TandemConflict;

void       tandem_conflict_free               (TandemConflict           *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemConflict, tandem_conflict_free)

gboolean   tandem_project_merge               (TandemProject            *self,
                                               const char               *theirs_path,
                                               TandemMergeSummary       *summary,
                                               GError                  **error);
char      *tandem_merge_summary_describe      (const TandemMergeSummary *summary);

GPtrArray *tandem_project_list_conflicts      (TandemProject            *self);
guint      tandem_project_count_conflicts     (TandemProject            *self);
gboolean   tandem_project_resolve_conflict    (TandemProject            *self,
                                               const char               *conflict_id,
                                               gboolean                  keep_theirs,
                                               GError                  **error);

gboolean   tandem_project_update_expecting    (TandemProject            *self,
                                               const char               *entity,
                                               const char               *id,
                                               const char               *field,
                                               const char               *expected,
                                               TandemValue               value,
                                               GError                  **error);

G_END_DECLS
