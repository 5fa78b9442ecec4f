/* test-json.c — the members core's JSON writers write in one call: each
 * kind, with a value and without, as its exact text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tandem-json-private.h"

/* Ends the builder's object and checks its text, compact. */
static void
assert_object (JsonBuilder *builder,
               const char  *expected)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_json_members_each_kind (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("text", "Oak"),
                        TANDEM_JSON_NUMBER ("number", 2.5),
                        TANDEM_JSON_INT ("int", 7u),
                        TANDEM_JSON_INT ("negative", -3),
                        TANDEM_JSON_INT_IF ("int_if", 24 > 0, 24),
                        TANDEM_JSON_BOOL ("true", TRUE),
                        TANDEM_JSON_BOOL ("false", FALSE),
                        TANDEM_JSON_SHARE ("share", 3, 4),
                        NULL);
  assert_object (builder,
                 "{\"text\":\"Oak\",\"number\":2.5,\"int\":7,\"negative\":-3,\"int_if\":24,"
                   "\"true\":true,\"false\":false,\"share\":0.75}");
}

/* Each kind that can be null, null; the members after it still read their
 * own values (nothing is taken from the wrong place in the list). */
static void
test_json_members_nulls (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("text", NULL),
                        TANDEM_JSON_NUMBER ("nan", NAN),
                        TANDEM_JSON_NUMBER ("infinite", INFINITY),
                        TANDEM_JSON_INT_IF ("int_if", 0 > 0, 0),
                        TANDEM_JSON_SHARE ("share", 0, 0),
                        TANDEM_JSON_SHARE ("part_of_nothing", 5, 0),
                        TANDEM_JSON_INT ("after", 12),
                        NULL);
  assert_object (builder,
                 "{\"text\":null,\"nan\":null,\"infinite\":null,\"int_if\":null,"
                   "\"share\":null,\"part_of_nothing\":null,\"after\":12}");
}

/* An object of its own: as an element of an array, as a named member, and
 * with no members. */
static void
test_json_object (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  _tandem_json_object (builder, NULL,
                       TANDEM_JSON_TEXT ("standard", "Safety"),
                       TANDEM_JSON_NUMBER ("mean", 3.25),
                       NULL);
  _tandem_json_object (builder, NULL, NULL);
  json_builder_end_array (builder);
  _tandem_json_object (builder, "chart",
                       TANDEM_JSON_BOOL ("shift", TRUE),
                       TANDEM_JSON_TEXT ("word", "Strong"),
                       NULL);
  _tandem_json_members (builder, TANDEM_JSON_INT ("last", 1), NULL);
  assert_object (builder,
                 "{\"rows\":[{\"standard\":\"Safety\",\"mean\":3.25},{}],"
                   "\"chart\":{\"shift\":true,\"word\":\"Strong\"},\"last\":1}");
}

/* One element of test_json_array(): its members, with the unit @data
 * gives every element. */
static void
write_reading (JsonBuilder   *builder,
               gconstpointer  item,
               gconstpointer  data)
{
  const char *name = item;

  _tandem_json_members (builder,
                        TANDEM_JSON_TEXT ("name", name),
                        TANDEM_JSON_TEXT ("unit", data),
                        NULL);
}

/* A named array of an object per element, in order; an empty one is []
 * and its writer is never called. */
static void
test_json_array (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) readings = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_ptr_array_add (readings, (gpointer) "Falls");
  g_ptr_array_add (readings, (gpointer) "Restraint");
  json_builder_begin_object (builder);
  _tandem_json_array (builder, "measures", readings, write_reading, "per week");
  _tandem_json_array (builder, "empty", none, write_reading, NULL);
  _tandem_json_members (builder, TANDEM_JSON_INT ("after", 2), NULL);
  assert_object (builder,
                 "{\"measures\":[{\"name\":\"Falls\",\"unit\":\"per week\"},"
                   "{\"name\":\"Restraint\",\"unit\":\"per week\"}],"
                   "\"empty\":[],\"after\":2}");
}

/* A named array of strings, in order, and an empty one. */
static void
test_json_strings (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_ptr_array_add (missing, (gpointer) "Safety");
  g_ptr_array_add (missing, (gpointer) "Lived \"Experience\"");
  json_builder_begin_object (builder);
  _tandem_json_strings (builder, "missing", missing);
  _tandem_json_strings (builder, "escalations", none);
  assert_object (builder,
                 "{\"missing\":[\"Safety\",\"Lived \\\"Experience\\\"\"],"
                   "\"escalations\":[]}");
}

/* The text the writers return: pretty printed, as their files have been. */
static void
test_json_to_text (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  _tandem_json_object (builder, NULL,
                       TANDEM_JSON_TEXT ("team", "Oak"),
                       TANDEM_JSON_SHARE ("share", 1, 2),
                       NULL);
  text = _tandem_json_to_text (builder);
  g_assert_cmpstr (text, ==, "{\n  \"team\" : \"Oak\",\n  \"share\" : 0.5\n}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/members/each-kind", test_json_members_each_kind);
  g_test_add_func ("/json/members/nulls", test_json_members_nulls);
  g_test_add_func ("/json/object", test_json_object);
  g_test_add_func ("/json/array", test_json_array);
  g_test_add_func ("/json/strings", test_json_strings);
  g_test_add_func ("/json/to-text", test_json_to_text);
  return g_test_run ();
}
