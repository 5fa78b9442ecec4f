/* tandem-schema-gen.c — writes the shape of Tandem's tables as C, at build time
 *
 * Built from tandem-schema.c with TANDEM_SCHEMA_GENERATOR defined, it runs the
 * migrations in a database in memory, reads back every entity table, its
 * columns and the foreign keys that point at it, and writes them as static
 * arrays for tandem-schema.c to build its cache from without SQLite. It also
 * writes the public tandem-names.h: one constant per table and per column, so
 * that a misspelt name in a caller is a compile error, not an empty read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tandem-schema.h"

/* The description is built once and lives until exit, like the app's. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "detect_leaks=0";
}

static gboolean
write_file (const char  *path,
            GString     *text,
            const char  *program)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text->str, (gssize) text->len, &error))
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
      return FALSE;
    }
  return TRUE;
}

/* One constant per table (TANDEM_ENTITY_NODE_LINK "node_link") and per column
 * (TANDEM_FIELD_NODE_LINK_FROM_NODE "from_node"); the "id" every table starts
 * with is TANDEM_FIELD_ID, since TANDEM_FIELD_NODE_GROUP_ID would be both
 * node's group_id and node_group's id. A migration that makes two names meet
 * like that stops the build. */
static GString *
names_header (const char * const *names)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  GString *out = g_string_new ("/* Made by tandem-schema-gen from the migrations in tandem-schema.c. Do not edit.\n"
                               " *\n"
                               " * The name of every kind of item (a table) and of each of its fields (a\n"
                               " * column), for the generic reads and edits of tandem-project.h. */\n\n"
                               "#pragma once\n\n"
                               "#define TANDEM_FIELD_ID \"id\"\n\n");

  for (guint i = 0; names[i] != NULL; i++)
    {
      const TandemEntity *entity = tandem_schema_lookup (names[i]);
      g_autofree char *upper = g_ascii_strup (names[i], -1);

      g_string_append_printf (out, "#define TANDEM_ENTITY_%s \"%s\"\n", upper, names[i]);
      for (guint c = 0; c < entity->columns->len; c++)
        {
          const char *column = g_ptr_array_index (entity->columns, c);
          g_autofree char *column_upper = g_ascii_strup (column, -1);
          g_autofree char *macro = NULL;
          g_autofree char *where = NULL;

          if (g_str_equal (column, "id"))
            continue;
          macro = g_strdup_printf ("TANDEM_FIELD_%s_%s", upper, column_upper);
          where = g_strdup_printf ("%s.%s", names[i], column);
          if (g_hash_table_contains (seen, macro))
            {
              fprintf (stderr, "tandem-schema-gen: %s would name both %s and %s\n", macro,
                       (const char *) g_hash_table_lookup (seen, macro), where);
              exit (1);
            }
          g_string_append_printf (out, "#define %s \"%s\"\n", macro, column);
          g_hash_table_insert (seen, g_steal_pointer (&macro), g_steal_pointer (&where));
        }
      g_string_append_c (out, '\n');
    }
  return out;
}

int
main (int    argc,
      char **argv)
{
  const char * const *names = tandem_schema_list_entities ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) names_out = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s SHAPE.h NAMES.h\n", argv[0]);
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

  names_out = names_header (names);
  if (!write_file (argv[1], out, argv[0]) || !write_file (argv[2], names_out, argv[0]))
    return 1;
  return 0;
}
