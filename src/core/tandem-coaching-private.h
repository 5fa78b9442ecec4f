/* tandem-coaching-private.h — what the coaching files share: reading rows of
 * the file into coaching structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-coaching.h"
#include "tandem-db-private.h"

G_BEGIN_DECLS

/* How one column of a row fills one member of a coaching struct. */
typedef enum
{
  TANDEM_COACHING_TEXT,     /* char *, NULL for SQL NULL */
  TANDEM_COACHING_INT,      /* int or guint */
  TANDEM_COACHING_BOOL,     /* gboolean */
  TANDEM_COACHING_ENUM,     /* a stored enum's word; @fallback for NULL or an unknown word */
} TandemCoachingColumn;

typedef struct
{
  TandemCoachingColumn   column;
  guint                  offset;
  GType                (*enum_type) (void);
  int                    fallback;
} TandemCoachingMember;

#define TANDEM_COACHING_MEMBER(kind, type, member) \
  { TANDEM_COACHING_##kind, G_STRUCT_OFFSET (type, member), NULL, 0 }
#define TANDEM_COACHING_ENUM_MEMBER(type, member, get_type, fallback) \
  { TANDEM_COACHING_ENUM, G_STRUCT_OFFSET (type, member), get_type, fallback }

/* A coaching struct as a row: its size, how it is freed, and its members in
 * the order of the SELECT's columns. Its text members are all it owns. */
typedef struct
{
  gsize                        size;
  GDestroyNotify               free;
  guint                        n_members;
  const TandemCoachingMember  *members;
} TandemCoachingShape;

extern const TandemCoachingShape _tandem_coaching_search_hit_shape;
extern const TandemCoachingShape _tandem_coaching_template_shape;

gpointer    _tandem_coaching_read_row  (const TandemCoachingShape  *shape,
                                        TandemDbStmt               *stmt);
void        _tandem_coaching_free_row  (const TandemCoachingShape  *shape,
                                        gpointer                    item);
GPtrArray  *_tandem_coaching_read_rows (TandemProject              *project,
                                        TandemDbStmt               *stmt,
                                        const TandemCoachingShape  *shape,
                                        GError                    **error);
GPtrArray  *_tandem_coaching_list      (TandemProject              *project,
                                        GError                    **error,
                                        const TandemCoachingShape  *shape,
                                        const char                 *sql,
                                        const char                 *types,
                                        ...);

char       *_tandem_coaching_insert    (TandemProject              *project,
                                        const char                 *label,
                                        const char                 *entity,
                                        const TandemField          *fields,
                                        guint                       n_fields,
                                        GError                    **error);

G_END_DECLS
