/* tandem-project-private.h — for core itself and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tandem-checked-edit.h"
#include "tandem-project.h"
#include "tandem-schema.h"

G_BEGIN_DECLS

sqlite3 *_tandem_project_get_db (TandemProject *self);
GHashTable *_tandem_project_get_statements (TandemProject *self);
gboolean _tandem_project_in_change (TandemProject *self);
gboolean _tandem_project_is_file (TandemProject *self,
                                  const char    *path);
const char *_tandem_project_entity_label (const char *entity);
/* In tandem-project-check.c: what `check` finds in the content. */
guint _tandem_project_check_content (TandemProject *self,
                                     GPtrArray     *problems);
char *_tandem_column_text (sqlite3_stmt *stmt,
                           int           column);

/* Another copy's change, replayed into this one by a merge: it keeps the
 * author, time and identity it was made with. */
typedef struct
{
  const char *at;
  const char *author;
  const char *replica;
  const char *label;
  const char *kind;
  gint64      target;          /* the change it undid or redid, in this copy; or 0 */
  const char *origin_replica;
  const char *origin_id;
} TandemReplayTxn;

/* The object, shared by the files that make it up: tandem-project.c (the
 * object, the change being built, other programs' changes),
 * tandem-project-file.c (opening, checking, creating, copying),
 * tandem-change-log.c (logged edits), tandem-history.c (undo and redo) and
 * tandem-project-read.c (generic reads). */
struct _TandemProject
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *author;
  char        *replica_id;
  gboolean     read_only;

  GHashTable  *statements;   /* SQL text → sqlite3_stmt */

  /* the transaction being built */
  guint        depth;
  gint64       txn_id;       /* 0 until the first change is logged */
  char        *txn_label;
  const char  *txn_kind;
  gint64       txn_target;
  GHashTable  *touched;      /* interned entity names changed in it */
  GHashTable  *deleting;     /* ids being deleted, against cycles in foreign files */
  const TandemReplayTxn *replay;  /* another copy's change being replayed, or NULL */

  GArray      *undo_stack;   /* gint64 txn ids, newest last */
  GArray      *redo_stack;

  gint64       last_seq;
  int          data_version;
  guint        watch_id;

  GThread     *check_thread; /* a structural check still running, see tandem_project_open() */
  GError      *check_error;  /* what it found, once joined */
  GMutex       check_lock;   /* one joiner at a time: a change, or confirm_intact_async */
  GBytes      *opened_version;  /* the file as it opened, while its check runs alongside */
  GBytes      *intact_version;  /* the file's version known intact, or NULL */
  gboolean     began_intact;    /* the change under way began on it */
  gboolean     remember_on_close;  /* this process wrote it: remember it when closed */
};

/* In tandem-db.c */
gint64 _tandem_query_int (sqlite3    *db,
                          const char *sql,
                          gint64      fallback);

/* In tandem-project.c */
gboolean _tandem_project_begin_full (TandemProject  *self,
                                     const char     *label,
                                     const char     *kind,
                                     gint64          target,
                                     GError        **error);

/* In tandem-project-file.c */
char *_tandem_display_name (const char *path);
TandemProject *_tandem_project_open_checked_for_reading (const char  *path,
                                                         GError     **error);
GBytes *_tandem_project_dup_file_version (const char *path);
void _tandem_project_note_begin (TandemProject *self);
void _tandem_project_note_commit (TandemProject *self);
void _tandem_project_note_closed (TandemProject *self);
guint _tandem_project_get_n_full_checks (void);

/* In tandem-change-log.c */
char *_tandem_new_id (void);
char *_tandem_now_iso8601 (void);
gboolean _tandem_project_ensure_txn_row (TandemProject  *self,
                                         GError        **error);
gboolean _tandem_project_log_change (TandemProject  *self,
                                     const char     *op,
                                     const char     *entity,
                                     const char     *id,
                                     const char     *field,
                                     sqlite3_value  *old_value,
                                     sqlite3_value  *new_value,
                                     GError        **error);
sqlite3_value *_tandem_project_row_as_json (TandemProject       *self,
                                            const TandemEntity  *entity,
                                            const char          *id,
                                            GError             **error);
const TandemEntity *_tandem_lookup_entity (const char  *entity,
                                           GError     **error);
gboolean _tandem_check_field (const TandemEntity  *entity,
                              const char          *field,
                              GError             **error);
gboolean _tandem_project_update_field (TandemProject       *self,
                                       const TandemEntity  *entity,
                                       const char          *id,
                                       const char          *field,
                                       TandemValue         *value,
                                       sqlite3_value       *raw,
                                       GError             **error);
gboolean _tandem_project_delete_row (TandemProject       *self,
                                     const TandemEntity  *entity,
                                     const char          *id,
                                     GError             **error);

/* In tandem-history.c */
void _tandem_project_stacks_apply (TandemProject *self,
                                   gint64         txn,
                                   const char    *kind,
                                   gint64         target);
void _tandem_project_load_stacks (TandemProject *self);

gboolean _tandem_project_replay_begin   (TandemProject           *self,
                                         const TandemReplayTxn   *txn);
gint64   _tandem_project_replay_end     (TandemProject           *self,
                                         GError                 **error);
gint64   _tandem_project_mark_merge     (TandemProject           *self,
                                         const char              *label,
                                         gint64                   first,
                                         GError                 **error);
/* A copy's own record of merging and of taking merges back, which no other
 * copy takes in: each merge (an edit that names the first change it brought
 * in), their undos and redos, and the changes of a merge that was taken back
 * (withdrawn: their identity is set aside, see _tandem_merge_set_withdrawn()).
 * Neither merging nor exchanging copies counts them as anyone's work. */
#define TANDEM_BOOKKEEPING \
  "WITH RECURSIVE bookkeeping (id) AS (" \
  "  SELECT id FROM change_txn WHERE kind = 'edit' AND target IS NOT NULL" \
  "  UNION SELECT c.id FROM change_txn c JOIN bookkeeping b ON c.target = b.id" \
  "  WHERE c.kind IN ('undo', 'redo')) SELECT id FROM bookkeeping"
#define TANDEM_NOT_BOOKKEEPING(t) \
  t ".origin_id NOT LIKE '~%' AND " t ".id NOT IN (" TANDEM_BOOKKEEPING ")"

/* In tandem-merge-conflicts.c: takes a merge's changes out of this copy's
 * identity (withdraw) or puts them back, with the conflicts it recorded. */
gboolean _tandem_merge_set_withdrawn    (TandemProject           *self,
                                         gint64                   merge,
                                         gint64                   first,
                                         gboolean                 withdraw,
                                         GError                 **error);
gboolean _tandem_project_insert_rows    (TandemProject           *self,
                                         const char              *entity,
                                         const char * const      *fields,
                                         guint                    n_fields,
                                         const TandemValue       *values,
                                         guint                    n_rows,
                                         GError                 **error);
gboolean _tandem_project_insert_json    (TandemProject           *self,
                                         const char              *entity,
                                         const char              *id,
                                         sqlite3_value           *json,
                                         gboolean                *duplicate,
                                         GError                 **error);
gboolean _tandem_project_update_value   (TandemProject           *self,
                                         const char              *entity,
                                         const char              *id,
                                         const char              *field,
                                         sqlite3_value           *value,
                                         gboolean                *duplicate,
                                         GError                 **error);
gboolean _tandem_project_delete_logged  (TandemProject           *self,
                                         const char              *entity,
                                         const char              *id,
                                         GError                 **error);

/* Makes the edits of an editor saved as a whole: each of @fields cleaned
 * by @clean from @after (the cleaned texts kept alive in @values) and
 * marked changed where it differs from @before, what the editor showed. */
typedef gboolean (*TandemCleanFunc) (const char  *field,
                                     const char  *value,
                                     char       **clean,
                                     GError     **error);

gboolean _tandem_field_edits_prepare (TandemFieldEdit    *edits,
                                      const char *const  *fields,
                                      const char *const  *before,
                                      const char *const  *after,
                                      guint               n_fields,
                                      TandemCleanFunc     clean,
                                      GPtrArray          *values,
                                      GError            **error);

G_END_DECLS
