/* tandem-project-check.c — what `check` finds in a project's content: values
 * Tandem requires or does not know, references to items that do not exist,
 * and items that are their own ancestors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-project-private.h"
#include "tandem-schema.h"

/* The rules come from Tandem's own schema, built in memory from its
 * migrations, never from the file's: a file made or changed by another
 * program may have lost its NOT NULL, CHECK and REFERENCES clauses (or have
 * had values slipped past them), and the app copes with what it finds, so
 * these are problems to name, not reasons to refuse the file. Every table and
 * column name put into SQL here is Tandem's own; values are bound. */

typedef struct
{
  sqlite3   *db;        /* the file, read-only */
  GPtrArray *problems;  /* nullable */
  guint      found;
} Checker;

typedef struct
{
  const char *entity;   /* the item's table */
  const char *name;     /* the column a person knows it by, or NULL */
  const char *parent;   /* otherwise the table it belongs to, or NULL */
  const char *via;      /* and the column that says which */
  const char *parent_name;
} ItemNaming;

static void
add_problem (Checker    *checker,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Checker    *checker,
             const char *format,
             ...)
{
  va_list args;

  checker->found++;
  va_start (args, format);
  if (checker->problems)
    g_ptr_array_add (checker->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
name_column (const TandemEntity *entity)
{
  static const char * const names[] = { "name", "title", "what", "label" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (tandem_schema_has_column (entity, names[i]))
      return names[i];
  return NULL;
}

/* How to name a row of @entity: by its own name, or else as one of the item
 * it belongs to (the first other table one of its columns refers to). */
static ItemNaming
item_naming (const char *entity)
{
  const char * const *names = tandem_schema_list_entities ();
  ItemNaming naming = { entity, NULL, NULL, NULL, NULL };

  naming.name = name_column (tandem_schema_lookup (entity));
  for (guint i = 0; naming.name == NULL && naming.parent == NULL && names[i] != NULL; i++)
    {
      const TandemEntity *parent = tandem_schema_lookup (names[i]);

      for (guint c = 0; c < parent->children->len; c++)
        {
          const TandemChildLink *link = &g_array_index (parent->children, TandemChildLink, c);

          if (g_str_equal (link->entity, entity) && !g_str_equal (parent->name, entity) &&
              name_column (parent) != NULL)
            {
              naming.parent = parent->name;
              naming.via = link->column;
              naming.parent_name = name_column (parent);
              break;
            }
        }
    }
  return naming;
}

/* SQL for the columns item_describe() reads: the id, its name, its parent's. */
static char *
item_columns_sql (const ItemNaming *naming)
{
  if (naming->name != NULL)
    return g_strdup_printf ("t.id, t.\"%s\", NULL", naming->name);
  if (naming->parent != NULL)
    return g_strdup_printf ("t.id, NULL, (SELECT p.\"%s\" FROM \"%s\" AS p WHERE p.id = t.\"%s\")",
                            naming->parent_name, naming->parent, naming->via);
  return g_strdup ("t.id, NULL, NULL");
}

/* The item in a person's words, from the three columns item_columns_sql()
 * selects, starting at @column. */
static char *
item_describe (const ItemNaming *naming,
               sqlite3_stmt     *stmt,
               int               column)
{
  const char *id = (const char *) sqlite3_column_text (stmt, column);
  const char *name = (const char *) sqlite3_column_text (stmt, column + 1);
  const char *parent_name = (const char *) sqlite3_column_text (stmt, column + 2);
  const char *label = _tandem_project_entity_label (naming->entity);

  if (name != NULL && *name != '\0')
    /* TRANSLATORS: an item, then its name: The item “Safety huddle” */
    return g_strdup_printf (_("The %s “%s”"), label, name);
  if (parent_name != NULL && *parent_name != '\0')
    /* TRANSLATORS: an item, what it belongs to and that one's name, then its id */
    return g_strdup_printf (_("A %s of the %s “%s” (id %s)"), label,
                            _tandem_project_entity_label (naming->parent), parent_name,
                            id ? id : "?");
  /* TRANSLATORS: an item, then its id */
  return g_strdup_printf (_("The %s with id %s"), label, id ? id : "?");
}

typedef enum
{
  PROBLEM_MISSING,      /* no value where Tandem needs one */
  PROBLEM_UNKNOWN_WORD, /* a word outside the list Tandem knows */
  PROBLEM_NOT_ALLOWED,  /* a value its CHECK constraint refuses */
  PROBLEM_DANGLING,     /* refers to an item that does not exist */
  PROBLEM_LOOP_LINKS,   /* its links lead back to it */
  PROBLEM_LOOP_CHAIN,   /* what it came from leads back to it */
} Problem;

static void
add_item_problem (Checker    *checker,
                  Problem     problem,
                  const char *item,
                  const char *column,
                  const char *value,
                  const char *target)
{
  char *message = NULL;

  switch (problem)
    {
    case PROBLEM_MISSING:
      /* TRANSLATORS: an item, then the name of one of its fields */
      message = g_strdup_printf (_("%s has no %s, which Tandem needs."), item, column);
      break;
    case PROBLEM_UNKNOWN_WORD:
      /* TRANSLATORS: an item, one of its fields, then the word stored in it */
      message = g_strdup_printf (_("%s has the %s “%s”, a word Tandem does not know."),
                                 item, column, value);
      break;
    case PROBLEM_NOT_ALLOWED:
      /* TRANSLATORS: an item, one of its fields, then the value stored in it */
      message = g_strdup_printf (_("%s has the %s “%s”, which is not allowed there."),
                                 item, column, value);
      break;
    case PROBLEM_DANGLING:
      /* TRANSLATORS: an item, its field, the kind of item it refers to, the id */
      message = g_strdup_printf (_("%s refers through its %s to the %s “%s”, which does not "
                                   "exist."), item, column, target, value);
      break;
    case PROBLEM_LOOP_LINKS:
      /* TRANSLATORS: a diagram item, named */
      message = g_strdup_printf (_("%s is in a loop: following the links above it leads "
                                   "back to it."), item);
      break;
    case PROBLEM_LOOP_CHAIN:
      /* TRANSLATORS: an item, named */
      message = g_strdup_printf (_("%s is in a loop: following what it came from leads "
                                   "back to it."), item);
      break;
    default:
      g_assert_not_reached ();
    }
  checker->found++;
  if (checker->problems)
    g_ptr_array_add (checker->problems, message);
  else
    g_free (message);
}

/* Runs @sql, whose first three columns are item_columns_sql() and whose fourth
 * is the offending value, adding one @problem per row. */
static void
report_rows (Checker          *checker,
             const ItemNaming *naming,
             const char       *sql,
             const char       *column,
             Problem           problem,
             const char       *target)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (checker->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      add_problem (checker, _("The %s items could not be checked: %s."),
                   _tandem_project_entity_label (naming->entity), sqlite3_errmsg (checker->db));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *item = item_describe (naming, stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 3);

      add_item_problem (checker, problem, item, column, value ? value : "", target);
    }
  sqlite3_finalize (stmt);
}

/* The CHECK constraint of each column of Tandem's own CREATE TABLE @sql, as
 * column → expression. */
static GHashTable *
column_checks (const char *sql)
{
  GHashTable *checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = strchr (sql, '(');
  const char *def = p ? p + 1 : NULL;
  int depth = 0;
  gboolean quoted = FALSE;

  for (; p != NULL && *++p != '\0';)
    {
      if (*p == '\'')
        quoted = !quoted;
      if (quoted)
        continue;
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0 && (*p == ',' || *p == ')'))
        {
          g_autofree char *text = g_strstrip (g_strndup (def, p - def));
          g_autofree char *column = g_strndup (text, strcspn (text, " "));
          const char *check = strstr (text, " CHECK (");

          if (check != NULL)
            {
              const char *start = check + strlen (" CHECK (");
              const char *end = start;
              int inner = 0;

              for (; *end != '\0' && (inner > 0 || *end != ')'); end++)
                inner += *end == '(' ? 1 : *end == ')' ? -1 : 0;
              g_hash_table_insert (checks, g_steal_pointer (&column),
                                   g_strndup (start, end - start));
            }
          def = p + 1;
          if (*p == ')')
            break;
        }
    }
  return checks;
}

/* Values Tandem requires (NOT NULL) and values its CHECK constraints refuse,
 * which for a list of words is a word it does not know. */
static void
check_values (Checker *checker,
              sqlite3 *own,
              const char *entity)
{
  ItemNaming naming = item_naming (entity);
  g_autofree char *item = item_columns_sql (&naming);
  g_autoptr(GHashTable) checks = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (sqlite3_prepare_v2 (own, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  checks = column_checks (sqlite3_step (stmt) == SQLITE_ROW
                          ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (own, "SELECT name FROM pragma_table_info (?1) "
                          "WHERE \"notnull\" AND pk = 0 ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT %s, NULL FROM \"%s\" AS t "
                                              "WHERE t.\"%s\" IS NULL", item, entity, column);

      report_rows (checker, &naming, sql, column, PROBLEM_MISSING, NULL);
    }
  sqlite3_finalize (stmt);

  g_hash_table_iter_init (&iter, checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *column = key;
      const char *expression = value;
      g_autofree char *list = g_strdup_printf ("%s IN (", column);
      g_autofree char *sql = g_strdup_printf ("SELECT %s, t.\"%s\" FROM \"%s\" AS t "
                                              "WHERE NOT (%s)", item, column, entity, expression);

      report_rows (checker, &naming, sql, column,
                   g_str_has_prefix (expression, list) ? PROBLEM_UNKNOWN_WORD
                                                       : PROBLEM_NOT_ALLOWED, NULL);
    }
}

/* References to items that do not exist, by every link Tandem's schema
 * knows, whether or not the file's own schema still declares it. */
static void
check_references (Checker            *checker,
                  const TandemEntity *parent)
{
  for (guint c = 0; c < parent->children->len; c++)
    {
      const TandemChildLink *link = &g_array_index (parent->children, TandemChildLink, c);
      ItemNaming naming = item_naming (link->entity);
      g_autofree char *item = item_columns_sql (&naming);
      g_autofree char *sql = g_strdup_printf ("SELECT %s, t.\"%s\" FROM \"%s\" AS t "
                                              "WHERE t.\"%s\" IS NOT NULL AND NOT EXISTS "
                                              "(SELECT 1 FROM \"%s\" AS q WHERE q.id = t.\"%s\")",
                                              item, link->column, link->entity,
                                              link->column, parent->name, link->column);

      report_rows (checker, &naming, sql, link->column, PROBLEM_DANGLING,
                   _tandem_project_entity_label (parent->name));
    }
}

typedef struct
{
  GHashTable *index;  /* id → position + 1 */
  GPtrArray  *ids;
  GPtrArray  *next;   /* of GArray of guint: the items each one leads to */
} Graph;

static guint
graph_vertex (Graph      *graph,
              const char *id)
{
  guint at = GPOINTER_TO_UINT (g_hash_table_lookup (graph->index, id));

  if (at == 0)
    {
      g_ptr_array_add (graph->ids, g_strdup (id));
      g_ptr_array_add (graph->next, g_array_new (FALSE, FALSE, sizeof (guint)));
      at = graph->ids->len;
      g_hash_table_insert (graph->index, graph->ids->pdata[at - 1], GUINT_TO_POINTER (at));
    }
  return at - 1;
}

/* Each item that closes a loop, found by a walk that goes deep first: an
 * item reached again while still on the path to it. One per loop. */
static GPtrArray *
graph_loops (Graph *graph)
{
  GPtrArray *loops = g_ptr_array_new ();
  g_autofree guint8 *state = g_new0 (guint8, graph->ids->len);  /* 0 new, 1 on path, 2 done */
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edge = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint start = 0; start < graph->ids->len; start++)
    {
      guint zero = 0;

      if (state[start] != 0)
        continue;
      state[start] = 1;
      g_array_append_val (path, start);
      g_array_append_val (edge, zero);
      while (path->len > 0)
        {
          guint v = g_array_index (path, guint, path->len - 1);
          guint *e = &g_array_index (edge, guint, edge->len - 1);
          GArray *next = graph->next->pdata[v];

          if (*e < next->len)
            {
              guint w = g_array_index (next, guint, (*e)++);

              if (state[w] == 1)
                g_ptr_array_add (loops, graph->ids->pdata[w]);
              else if (state[w] == 0)
                {
                  state[w] = 1;
                  g_array_append_val (path, w);
                  g_array_append_val (edge, zero);
                }
            }
          else
            {
              state[v] = 2;
              g_array_set_size (path, path->len - 1);
              g_array_set_size (edge, edge->len - 1);
            }
        }
    }
  return loops;
}

/* Loops in what @sql gives as (from, to) pairs of ids of @entity, each named
 * by an item on it. */
static void
check_loops (Checker    *checker,
             const char *entity,
             const char *sql,
             Problem     problem)
{
  Graph graph = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref),
  };
  ItemNaming naming = item_naming (entity);
  g_autofree char *item = item_columns_sql (&naming);
  g_autofree char *one = g_strdup_printf ("SELECT %s FROM \"%s\" AS t WHERE t.id = ?1",
                                          item, entity);
  g_autoptr(GPtrArray) loops = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (checker->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *from = (const char *) sqlite3_column_text (stmt, 0);
        const char *to = (const char *) sqlite3_column_text (stmt, 1);
        guint f, t;

        if (from == NULL || to == NULL)
          continue;
        f = graph_vertex (&graph, from);
        t = graph_vertex (&graph, to);
        g_array_append_val (graph.next->pdata[f], t);
      }
  sqlite3_finalize (stmt);

  loops = graph_loops (&graph);
  if (loops->len > 0 && sqlite3_prepare_v2 (checker->db, one, -1, &stmt, NULL) == SQLITE_OK)
    {
      for (guint i = 0; i < loops->len; i++)
        {
          g_autofree char *described = NULL;

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, loops->pdata[i], -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            described = item_describe (&naming, stmt, 0);
          else
            described = g_strdup_printf (_("The %s with id %s"),
                                         _tandem_project_entity_label (entity),
                                         (const char *) loops->pdata[i]);
          add_item_problem (checker, problem, described, NULL, NULL, NULL);
        }
      sqlite3_finalize (stmt);
    }

  g_hash_table_unref (graph.index);
  g_ptr_array_unref (graph.ids);
  g_ptr_array_unref (graph.next);
}

/**
 * _tandem_project_check_content:
 * @self: a project, opened never to write
 * @problems: (element-type utf8) (nullable): where to add one message per problem
 *
 * Looks through everything in @self for what the app copes with but a person
 * should hear about: a value missing where Tandem needs one, a word Tandem does
 * not know or a value it does not allow, a reference to an item that does not
 * exist, an item that is its own ancestor. Each message names the item.
 *
 * Returns: how many problems were found
 */
guint
_tandem_project_check_content (TandemProject *self,
                               GPtrArray     *problems)
{
  const char * const *names = tandem_schema_list_entities ();
  Checker checker = { _tandem_project_get_db (self), problems, 0 };
  const TandemMigration *steps;
  sqlite3 *own = NULL;
  guint n_steps;

  steps = tandem_schema_get_migrations (&n_steps);
  if (sqlite3_open_v2 (":memory:", &own, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !tandem_schema_migrate (own, steps, n_steps, NULL))
    add_problem (&checker, _("The project’s items could not be checked: %s."),
                 sqlite3_errmsg (own));
  else
    for (guint i = 0; names[i] != NULL; i++)
      check_values (&checker, own, names[i]);
  sqlite3_close (own);

  for (guint i = 0; names[i] != NULL; i++)
    check_references (&checker, tandem_schema_lookup (names[i]));

  check_loops (&checker, "node", "SELECT parent_id, child_id FROM node_link", PROBLEM_LOOP_LINKS);
  /* Columns that refer to another item of the same kind (an action carried
   * over from an earlier one, a reply to a comment) make chains too. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const TandemEntity *entity = tandem_schema_lookup (names[i]);

      for (guint c = 0; c < entity->children->len; c++)
        {
          const TandemChildLink *link = &g_array_index (entity->children, TandemChildLink, c);
          g_autofree char *sql = NULL;

          if (!g_str_equal (link->entity, entity->name))
            continue;
          sql = g_strdup_printf ("SELECT id, \"%s\" FROM \"%s\"", link->column, entity->name);
          check_loops (&checker, entity->name, sql, PROBLEM_LOOP_CHAIN);
        }
    }
  return checker.found;
}
