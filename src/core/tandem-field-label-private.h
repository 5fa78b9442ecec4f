/* tandem-field-label-private.h — the undo label of each field a setter
 * changes, looked up in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>

#include "tandem-error.h"

G_BEGIN_DECLS

typedef struct
{
  const char *field;
  const char *label;    /* marked with N_(), translated when looked up */
} TandemFieldLabel;

/* The translated label of @field in @table, or %NULL with @error set to
 * “@what_has_no called “@field”” (a programming error: the caller named a
 * field the setter does not change). */
static inline const char *
_tandem_field_label (const TandemFieldLabel  *table,
                     guint                    n_table,
                     const char              *field,
                     const char              *what_has_no,
                     GError                 **error)
{
  for (guint i = 0; i < n_table; i++)
    if (g_strcmp0 (table[i].field, field) == 0)
      return _(table[i].label);
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
               "%s called “%s”", what_has_no, field ? field : "");
  return NULL;
}

G_END_DECLS
