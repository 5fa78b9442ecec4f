/* tandem-json-private.h — the members core's JSON writers share: text and
 * numbers that are null when there is none, several members of any kind
 * written in one call, and named arrays of objects or of strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <math.h>

G_BEGIN_DECLS

/* A text member, null when there is none. */
static inline void
_tandem_json_member_text (JsonBuilder *builder,
                          const char  *name,
                          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A number member, null when it is not a number (NAN: none yet). */
static inline void
_tandem_json_member_number (JsonBuilder *builder,
                            const char  *name,
                            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/*
 * TandemJsonKind:
 *
 * How a member's value follows its name in the list that
 * _tandem_json_members() reads. Write the pairs with the TANDEM_JSON_*()
 * macros below, never by hand: they pass each value as the type its kind
 * reads.
 */
typedef enum
{
  TANDEM_JSON_KIND_TEXT = 1,   /* const char *: a string, null if NULL */
  TANDEM_JSON_KIND_NUMBER,     /* double: a number, null if NAN or infinite */
  TANDEM_JSON_KIND_INT,        /* gint64: a whole number */
  TANDEM_JSON_KIND_INT_IF,     /* gboolean, gint64: the number, null if FALSE */
  TANDEM_JSON_KIND_BOOL,       /* gboolean: true or false */
  TANDEM_JSON_KIND_SHARE,      /* guint part, guint whole: part / whole, null if whole is 0 */
} TandemJsonKind;

/* Checks at build time that a text member is given text. */
static inline const char *
_tandem_json_text_arg (const char *value)
{
  return value;
}

#define TANDEM_JSON_TEXT(name, value) \
  (const char *) (name), TANDEM_JSON_KIND_TEXT, _tandem_json_text_arg (value)
#define TANDEM_JSON_NUMBER(name, value) \
  (const char *) (name), TANDEM_JSON_KIND_NUMBER, (double) (value)
#define TANDEM_JSON_INT(name, value) \
  (const char *) (name), TANDEM_JSON_KIND_INT, (gint64) (value)
#define TANDEM_JSON_INT_IF(name, present, value) \
  (const char *) (name), TANDEM_JSON_KIND_INT_IF, (gboolean) ((present) ? TRUE : FALSE), \
  (gint64) (value)
#define TANDEM_JSON_BOOL(name, value) \
  (const char *) (name), TANDEM_JSON_KIND_BOOL, (gboolean) ((value) ? TRUE : FALSE)
#define TANDEM_JSON_SHARE(name, part, whole) \
  (const char *) (name), TANDEM_JSON_KIND_SHARE, (guint) (part), (guint) (whole)

/*
 * TandemJsonWriteFunc:
 * @builder: a builder inside the object of one element
 * @item: the element
 * @data: what the caller of _tandem_json_array() gave for every element
 *
 * Writes one element's members; the object around them is the array's.
 */
typedef void (*TandemJsonWriteFunc) (JsonBuilder   *builder,
                                     gconstpointer  item,
                                     gconstpointer  data);

void _tandem_json_members (JsonBuilder *builder,
                           ...) G_GNUC_NULL_TERMINATED;
void _tandem_json_object  (JsonBuilder *builder,
                           const char  *name,
                           ...) G_GNUC_NULL_TERMINATED;
void _tandem_json_array   (JsonBuilder         *builder,
                           const char          *name,
                           GPtrArray           *items,
                           TandemJsonWriteFunc  write,
                           gconstpointer        data);
void _tandem_json_strings (JsonBuilder *builder,
                           const char  *name,
                           GPtrArray   *strings);
char *_tandem_json_to_text (JsonBuilder *builder);

G_END_DECLS
