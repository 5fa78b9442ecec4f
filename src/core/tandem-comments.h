/* tandem-comments.h — comment threads on diagram nodes, change ideas,
 * measures and coaching sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/* A thread is a comment with no parent; replies hang off it, oldest first. */
typedef struct
{
  char      *id;
  char      *entity;        /* "node", "pdsa_cycle", "measure", "coaching_session" */
  char      *entity_id;
  char      *parent_id;     /* NULL for a thread */
  char      *author;
  char      *text;
  char      *created_at;    /* ISO 8601 */
  gboolean   resolved;      /* threads only */
  GPtrArray *replies;       /* TandemComment *; threads only, never NULL */
} TandemComment;

void        tandem_comment_free               (TandemComment  *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemComment, tandem_comment_free)

GPtrArray  *tandem_comments_list              (TandemProject  *project,
                                               const char     *entity,
                                               const char     *entity_id);
char       *tandem_comments_add               (TandemProject  *project,
                                               const char     *entity,
                                               const char     *entity_id,
                                               const char     *text,
                                               GError        **error);
char       *tandem_comments_reply             (TandemProject  *project,
                                               const char     *thread_id,
                                               const char     *text,
                                               GError        **error);
gboolean    tandem_comments_set_resolved      (TandemProject  *project,
                                               const char     *thread_id,
                                               gboolean        resolved,
                                               GError        **error);
guint       tandem_comments_count_open        (TandemProject  *project,
                                               const char     *entity_id);
GHashTable *tandem_comments_open_counts       (TandemProject  *project,
                                               const char     *entity);

G_END_DECLS
