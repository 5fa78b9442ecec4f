/* tandem-schema-gen.c — writes the shape of Tandem's tables as C, at build time
 *
 * Built from tandem-schema.c with TANDEM_SCHEMA_GENERATOR defined, it runs the
 * migrations in a database in memory, reads back every entity table, its
 * columns and the foreign keys that point at it, and writes them as static
 * arrays for tandem-schema.c to build its cache from without SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "tandem-schema.h"

/* The description is built once and lives until exit, like the app's. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "detect_leaks=0";
}

int
main (int    argc,
      char **argv)
{
  const char * const *names = tandem_schema_list_entities ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s OUTPUT.h\n", argv[0]);
      return 2;
    }

  g_string_append (out,
                   "/* Made by tandem-schema-gen from the migrations in tandem-schema.c. Do not edit. */\n\n"
                   "typedef struct\n{\n  const char *entity;\n  const char *column;\n  int         clear;\n"
                   "} TandemSchemaShapeChild;\n\n"
                   "typedef struct\n{\n  const char                   *name;\n"
                   "  const char * const           *columns;\n"
                   "  const TandemSchemaShapeChild *children;\n} TandemSchemaShapeEntity;\n\n");

  for (guint i = 0; names[i] != NULL; i++)
    {
      const TandemEntity *entity = tandem_schema_lookup (names[i]);

      g_string_append_printf (out, "static const char * const shape_columns_%u[] = {\n", i);
      for (guint c = 0; c < entity->columns->len; c++)
        g_string_append_printf (out, "  \"%s\",\n", (const char *) g_ptr_array_index (entity->columns, c));
      g_string_append (out, "  NULL\n};\n");

      g_string_append_printf (out, "static const TandemSchemaShapeChild shape_children_%u[] = {\n", i);
      for (guint c = 0; c < entity->children->len; c++)
        {
          const TandemChildLink *link = &g_array_index (entity->children, TandemChildLink, c);

          g_string_append_printf (out, "  { \"%s\", \"%s\", %d },\n", link->entity, link->column,
                                  link->rule == TANDEM_CHILD_CLEAR);
        }
      g_string_append (out, "  { NULL, NULL, 0 }\n};\n\n");
    }

  g_string_append (out, "static const TandemSchemaShapeEntity tandem_schema_shape[] = {\n");
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (out, "  { \"%s\", shape_columns_%u, shape_children_%u },\n",
                            names[i], i, i);
  g_string_append (out, "};\n");

  if (!g_file_set_contents (argv[1], out->str, (gssize) out->len, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
