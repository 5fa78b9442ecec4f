/* tandem-json.c — several members of a JSON object written in one call, and
 * named arrays of objects or strings, for core's JSON writers
 * (tandem-json-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>

#include "tandem-json-private.h"

/* A whole number, or null when it is not @present. */
static void
member_int (JsonBuilder *builder,
            const char  *name,
            gboolean     present,
            gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_members (JsonBuilder *builder,
             va_list      args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      TandemJsonKind kind = va_arg (args, int);
      gboolean present = TRUE;
      guint part, whole;

      /* Each value is read from the list in the order the macros put it. */
      switch (kind)
        {
        case TANDEM_JSON_KIND_TEXT:
          _tandem_json_member_text (builder, name, va_arg (args, const char *));
          break;
        case TANDEM_JSON_KIND_NUMBER:
          _tandem_json_member_number (builder, name, va_arg (args, double));
          break;
        case TANDEM_JSON_KIND_INT_IF:
          present = va_arg (args, gboolean);
          G_GNUC_FALLTHROUGH;
        case TANDEM_JSON_KIND_INT:
          member_int (builder, name, present, va_arg (args, gint64));
          break;
        case TANDEM_JSON_KIND_BOOL:
          json_builder_set_member_name (builder, name);
          json_builder_add_boolean_value (builder, va_arg (args, gboolean));
          break;
        case TANDEM_JSON_KIND_SHARE:
          part = va_arg (args, guint);
          whole = va_arg (args, guint);
          _tandem_json_member_number (builder, name, whole == 0 ? NAN : (double) part / whole);
          break;
        default:
          /* The list is out of step with its kinds: nothing after this
           * can be read safely. */
          g_critical ("JSON member “%s” has no kind %d", name, kind);
          return;
        }
    }
}

/**
 * _tandem_json_members:
 * @builder: a builder inside an object
 * @...: for each member, a TANDEM_JSON_TEXT(), TANDEM_JSON_NUMBER(),
 *   TANDEM_JSON_INT(), TANDEM_JSON_INT_IF(), TANDEM_JSON_BOOL() or
 *   TANDEM_JSON_SHARE() of its name and value, then %NULL
 *
 * Writes the members in the order given, each as its kind says: text and
 * numbers are null when there is none, a share is part / whole and null
 * when the whole is 0.
 */
void
_tandem_json_members (JsonBuilder *builder,
                      ...)
{
  va_list args;

  va_start (args, builder);
  add_members (builder, args);
  va_end (args);
}

/**
 * _tandem_json_object:
 * @builder: a builder inside an object (with @name) or an array (without)
 * @name: (nullable): the member the object is the value of, or %NULL for
 *   an element of an array
 * @...: the object's members, as for _tandem_json_members(), then %NULL
 *
 * Writes a whole object of the members given.
 */
void
_tandem_json_object (JsonBuilder *builder,
                     const char  *name,
                     ...)
{
  va_list args;

  if (name != NULL)
    json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  va_start (args, name);
  add_members (builder, args);
  va_end (args);
  json_builder_end_object (builder);
}

/**
 * _tandem_json_array:
 * @builder: a builder inside an object
 * @name: the member the array is the value of
 * @items: the elements, in the order to write them
 * @write: writes one element's members
 * @data: given to @write with each element
 *
 * Writes a named array with an object for each of @items, its members
 * written by @write; an empty array when there are none.
 */
void
_tandem_json_array (JsonBuilder         *builder,
                    const char          *name,
                    GPtrArray           *items,
                    TandemJsonWriteFunc  write,
                    gconstpointer        data)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      write (builder, items->pdata[i], data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * _tandem_json_strings:
 * @builder: a builder inside an object
 * @name: the member the array is the value of
 * @strings: the strings, in the order to write them
 *
 * Writes a named array of @strings.
 */
void
_tandem_json_strings (JsonBuilder *builder,
                      const char  *name,
                      GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, strings->pdata[i]);
  json_builder_end_array (builder);
}

/**
 * _tandem_json_to_text:
 * @builder: a builder whose root value is complete
 *
 * Returns: (transfer full): the builder's root as JSON text, pretty
 *   printed (two spaces an indent, “key” : value)
 */
char *
_tandem_json_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, TRUE);
}
