/* tandem-schema-gen.c — writes the shape of Tandem's tables as C, at build time
 *
 * Built from tandem-schema.c with TANDEM_SCHEMA_GENERATOR defined, it runs the
 * migrations in a database in memory, reads back every entity table, its
 * columns and the foreign keys that point at it, and writes them as static
 * arrays for tandem-schema.c to build its cache from without SQLite. It also
 * writes the public tandem-names.h: one constant per table and per column, so
 * that a misspelt name in a caller is a compile error, not an empty read.
 * And it writes the empty database those migrations make, byte for byte, for
 * tandem_project_create() to start every new file from instead of running
 * them again (see tandem_schema_new_image()).
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

/* The stretches of nonzero bytes in an image are stored, not the zeros
 * between them (most of each page of an empty database): a gap shorter than
 * this is stored with the bytes around it. */
#define IMAGE_MIN_GAP 16

/* The database a new project starts from: the application id, every
 * migration, then VACUUM so that it has no free pages. */
static GString *
image_header (const char *program)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GString) runs = g_string_new (NULL);
  const TandemMigration *steps;
  guint n_steps, n_runs = 0;
  sqlite3 *db = NULL;
  sqlite3_int64 size = 0;
  gsize n_data = 0;
  unsigned char *bytes;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA application_id = %d", (int) TANDEM_APPLICATION_ID);
  GString *out;

  steps = tandem_schema_get_migrations (&n_steps);
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
      !tandem_schema_migrate (db, steps, n_steps, &error) ||
      sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK ||
      (bytes = sqlite3_serialize (db, "main", &size, 0)) == NULL)
    {
      fprintf (stderr, "%s: the empty database does not build: %s\n", program,
               error ? error->message : sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);
  if (size < 100 || (int) ((bytes[60] << 24) | (bytes[61] << 16) | (bytes[62] << 8) | bytes[63])
      != TANDEM_SCHEMA_VERSION)
    {
      fprintf (stderr, "%s: the empty database is not at format %d\n", program, TANDEM_SCHEMA_VERSION);
      exit (1);
    }

  for (sqlite3_int64 at = 0; at < size;)
    {
      sqlite3_int64 start, end, gap;

      while (at < size && bytes[at] == 0)
        at++;
      if (at == size)
        break;
      start = end = at;
      /* The run ends at the first gap of IMAGE_MIN_GAP zeros, or the end. */
      for (gap = 0; at < size && gap < IMAGE_MIN_GAP; at++)
        {
          if (bytes[at] != 0)
            {
              end = at + 1;
              gap = 0;
            }
          else
            gap++;
        }
      g_string_append_printf (runs, "  { %lld, %lld },\n", (long long) start,
                              (long long) (end - start));
      for (sqlite3_int64 i = start; i < end; i++, n_data++)
        g_string_append_printf (data, "%s%u,", n_data % 20 == 0 ? "\n  " : "", bytes[i]);
      n_runs++;
    }
  sqlite3_free (bytes);

  out = g_string_new ("/* Made by tandem-schema-gen from the migrations in tandem-schema.c. Do not edit.\n"
                      " *\n"
                      " * The empty database of the current format: its nonzero stretches\n"
                      " * (offset, length), their bytes one after another, and its size. */\n\n");
  g_string_append_printf (out, "#define TANDEM_SCHEMA_IMAGE_SIZE %lld\n\n", (long long) size);
  g_string_append_printf (out, "static const struct { unsigned offset, length; } tandem_schema_image_runs[%u] = {\n%s};\n\n",
                          n_runs, runs->str);
  g_string_append_printf (out, "static const unsigned char tandem_schema_image_bytes[%" G_GSIZE_FORMAT "] = {%s\n};\n",
                          n_data, data->str);
  return out;
}

int
main (int    argc,
      char **argv)
{
  const char * const *names = tandem_schema_list_entities ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) names_out = NULL;
  g_autoptr(GString) image_out = NULL;

  if (argc != 4)
    {
      fprintf (stderr, "Usage: %s SHAPE.h NAMES.h IMAGE.h\n", argv[0]);
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
  image_out = image_header (argv[0]);
  if (!write_file (argv[1], out, argv[0]) || !write_file (argv[2], names_out, argv[0]) ||
      !write_file (argv[3], image_out, argv[0]))
    return 1;
  return 0;
}
