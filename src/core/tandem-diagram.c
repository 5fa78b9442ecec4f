/* tandem-diagram.c — reading a driver diagram as a layered graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Diagram"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-db-private.h"
#include "tandem-diagram.h"
#include "tandem-person-private.h"
#include "tandem-stored-enums.h"

struct _TandemDiagram
{
  GObject     parent_instance;

  char       *id;
  char       *team_id;
  char       *name;
  GPtrArray  *nodes;      /* TandemDiagramNode */
  GPtrArray  *groups;     /* TandemDiagramGroup */
  GPtrArray  *tags;       /* TandemDiagramTag */
  GHashTable *by_id;      /* node id → index + 1 */
  GArray     *roots;      /* nodes without parents, aims first */
};

G_DEFINE_FINAL_TYPE (TandemDiagram, tandem_diagram, G_TYPE_OBJECT)

static void
node_free (gpointer data)
{
  TandemDiagramNode *node = data;

  g_free (node->id);
  g_free (node->title);
  g_free (node->description);
  g_free (node->proposed_by);
  g_free (node->aim_what);
  g_free (node->aim_who);
  g_free (node->aim_how_much);
  g_free (node->aim_by_when);
  g_array_unref (node->tags);
  g_array_unref (node->parents);
  g_array_unref (node->children);
  g_free (node);
}

static void group_free      (gpointer record);
static void tag_free        (gpointer record);
static void named_item_free (gpointer record);
static void pdsa_free       (gpointer record);
static void history_free    (gpointer record);

/* The records read by a table: each column of their SELECT, in order. */
#define COLUMN TANDEM_DB_COLUMN
static const TandemDbColumn group_columns[] = {
  COLUMN (TEXT, TandemDiagramGroup, id), COLUMN (TEXT, TandemDiagramGroup, name),
  COLUMN (TEXT, TandemDiagramGroup, colour),
};
/* A tag's code is not a column: tag_finish() makes it. */
static const TandemDbColumn tag_columns[] = {
  COLUMN (TEXT, TandemDiagramTag, id), COLUMN (TEXT, TandemDiagramTag, name),
};
static const TandemDbColumn named_item_columns[] = {
  COLUMN (TEXT, TandemNamedItem, id), COLUMN (TEXT, TandemNamedItem, name),
};
static const TandemDbColumn pdsa_columns[] = {
  COLUMN (TEXT, TandemPdsaSummary, id), COLUMN (TEXT, TandemPdsaSummary, title),
  COLUMN (TEXT, TandemPdsaSummary, started_on), COLUMN (TEXT, TandemPdsaSummary, ended_on),
  COLUMN (TEXT, TandemPdsaSummary, act_decision),
};
static const TandemDbColumn history_columns[] = {
  COLUMN (TEXT, TandemHistoryEntry, at), COLUMN (TEXT, TandemHistoryEntry, author),
  COLUMN (TEXT, TandemHistoryEntry, label),
};
#undef COLUMN

static gboolean
tag_finish (TandemDbStmt *stmt,
            gpointer      record)
{
  TandemDiagramTag *tag = record;

  tag->code = tandem_equity_tag_code (tag->name);
  return TRUE;
}

static const TandemDbShape group_shape =
  TANDEM_DB_SHAPE (TandemDiagramGroup, group_free, group_columns);
static const TandemDbShape tag_shape =
  TANDEM_DB_SHAPE_FINISHED (TandemDiagramTag, tag_free, tag_columns, tag_finish);
static const TandemDbShape named_item_shape =
  TANDEM_DB_SHAPE (TandemNamedItem, named_item_free, named_item_columns);
static const TandemDbShape pdsa_shape = TANDEM_DB_SHAPE (TandemPdsaSummary, pdsa_free, pdsa_columns);
static const TandemDbShape history_shape =
  TANDEM_DB_SHAPE (TandemHistoryEntry, history_free, history_columns);

#define DEFINE_ROW_FREE(name, shape) \
  static void name (gpointer record) { _tandem_db_free_row (&(shape), record); }

DEFINE_ROW_FREE (group_free, group_shape)
DEFINE_ROW_FREE (named_item_free, named_item_shape)
DEFINE_ROW_FREE (pdsa_free, pdsa_shape)
DEFINE_ROW_FREE (history_free, history_shape)

/* A tag owns its code too. */
static void
tag_free (gpointer record)
{
  TandemDiagramTag *tag = record;

  if (tag == NULL)
    return;
  g_free (tag->code);
  _tandem_db_free_row (&tag_shape, tag);
}

#define column_dup _tandem_db_column_text

/* For the reads whose API has no GError: a failure is logged, naming the
 * file, and the caller gets what was read before it. */
static void
warn_unless (gboolean   ok,
             GError   **error)
{
  if (!ok && *error != NULL)
    g_warning ("%s", (*error)->message);
}

static void
tandem_diagram_finalize (GObject *object)
{
  TandemDiagram *self = TANDEM_DIAGRAM (object);

  g_free (self->id);
  g_free (self->team_id);
  g_free (self->name);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->roots, g_array_unref);
  G_OBJECT_CLASS (tandem_diagram_parent_class)->finalize (object);
}

static void
tandem_diagram_class_init (TandemDiagramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_diagram_finalize;
}

static void
tandem_diagram_init (TandemDiagram *self)
{
  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->tags = g_ptr_array_new_with_free_func (tag_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->roots = g_array_new (FALSE, FALSE, sizeof (guint));
}

static int
group_index (TandemDiagram *self,
             const char    *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < self->groups->len; i++)
    if (g_str_equal (((TandemDiagramGroup *) self->groups->pdata[i])->id, id))
      return i;
  return -1;
}

static gboolean
load_head (TandemDiagram  *self,
           TandemProject  *project,
           GError        **error)
{
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;

  if ((stmt = _tandem_db_query (project, error, "SELECT team_id, name FROM diagram WHERE id = ?1",
                                "s", self->id)) == NULL ||
      (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_FAILED)
    return FALSE;
  if (step == TANDEM_DB_DONE)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                           _("This diagram no longer exists: someone may have deleted it."));
      return FALSE;
    }
  _tandem_db_assert_columns (stmt, 2);
  self->team_id = column_dup (stmt, 0);
  self->name = column_dup (stmt, 1);
  return TRUE;
}

static void
add_group (TandemDbStmt *stmt,
           gpointer      data)
{
  TandemDiagram *self = data;

  g_ptr_array_add (self->groups, _tandem_db_read_row (&group_shape, stmt));
}

static void
add_tag (TandemDbStmt *stmt,
         gpointer      data)
{
  TandemDiagram *self = data;

  g_ptr_array_add (self->tags, _tandem_db_read_row (&tag_shape, stmt));
}

static void
add_node (TandemDbStmt *stmt,
          gpointer      data)
{
  TandemDiagram *self = data;
  TandemDiagramNode *node = g_new0 (TandemDiagramNode, 1);
  g_autofree char *kind = NULL;
  g_autofree char *group = NULL;
  g_autofree char *status = NULL;
  g_autofree char *level = NULL;

  node->id = column_dup (stmt, 0);
  kind = column_dup (stmt, 1);
  if (!tandem_node_kind_from_string (kind, &node->kind))
    node->kind = TANDEM_NODE_CHANGE_IDEA;
  node->title = column_dup (stmt, 2);
  if (node->title == NULL)
    node->title = g_strdup ("");
  node->description = column_dup (stmt, 3);
  group = column_dup (stmt, 4);
  node->group = group_index (self, group);
  node->position = _tandem_db_column_double (stmt, 5);
  node->collapsed = _tandem_db_column_bool (stmt, 6);
  status = column_dup (stmt, 7);
  node->status = tandem_idea_status_from_string (status);
  node->proposed_by = column_dup (stmt, 8);
  level = column_dup (stmt, 9);
  node->level = tandem_coproduction_from_string (level);
  node->aim_what = column_dup (stmt, 10);
  node->aim_who = column_dup (stmt, 11);
  node->aim_how_much = column_dup (stmt, 12);
  node->aim_by_when = column_dup (stmt, 13);
  node->n_pdsa = (int) _tandem_db_column_int (stmt, 14);
  node->tags = g_array_new (FALSE, FALSE, sizeof (guint));
  node->parents = g_array_new (FALSE, FALSE, sizeof (guint));
  node->children = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->by_id, node->id, GUINT_TO_POINTER (self->nodes->len));
}

/* Only links between adjacent columns make a driver diagram; anything else a
 * foreign file might hold is left out of the picture rather than trusted. */
static void
add_link (TandemDbStmt *stmt,
          gpointer      data)
{
  TandemDiagram *self = data;
  g_autofree char *parent_id = column_dup (stmt, 0);
  g_autofree char *child_id = column_dup (stmt, 1);
  int p = tandem_diagram_find_node (self, parent_id);
  int c = tandem_diagram_find_node (self, child_id);
  TandemDiagramNode *parent, *child;
  guint pi = p, ci = c;

  if (p < 0 || c < 0)
    return;
  parent = self->nodes->pdata[p];
  child = self->nodes->pdata[c];
  if (child->kind != parent->kind + 1)
    return;
  g_array_append_val (parent->children, ci);
  g_array_append_val (child->parents, pi);
}

static void
add_node_tag (TandemDbStmt *stmt,
              gpointer      data)
{
  TandemDiagram *self = data;
  g_autofree char *node_id = column_dup (stmt, 0);
  g_autofree char *tag_id = column_dup (stmt, 1);
  int n = tandem_diagram_find_node (self, node_id);

  if (n < 0 || tag_id == NULL)
    return;
  for (guint t = 0; t < self->tags->len; t++)
    if (g_str_equal (((TandemDiagramTag *) self->tags->pdata[t])->id, tag_id))
      {
        TandemDiagramNode *node = self->nodes->pdata[n];
        guint i = 0;

        /* Keep each node's tags in the project's order. */
        while (i < node->tags->len && g_array_index (node->tags, guint, i) < t)
          i++;
        g_array_insert_val (node->tags, i, t);
        break;
      }
}

/* What a diagram is read from, in order: each query takes the diagram's id
 * as ?1 (the project's tags do not use it) and gives its reader's columns. */
static const struct
{
  const char      *sql;
  int              n_columns;
  TandemDbRowFunc  reader;
} diagram_parts[] = {
  { "SELECT id, name, colour FROM node_group WHERE diagram_id = ?1 ORDER BY position, id",
    3, add_group },
  { "SELECT id, name FROM equity_tag WHERE ?1 IS NOT NULL ORDER BY position, id",
    2, add_tag },
  { "SELECT id, kind, title, description, group_id, position, collapsed, status, proposed_by, "
    "coproduction_level, aim_what, aim_who, aim_how_much, aim_by_when, "
    "(SELECT count(*) FROM pdsa_cycle p WHERE p.node_id = node.id) "
    "FROM node WHERE diagram_id = ?1 ORDER BY kind = 'change_idea', kind = 'secondary', "
    "kind = 'primary', position, id",
    15, add_node },
  { "SELECT parent_id, child_id FROM node_link WHERE diagram_id = ?1 ORDER BY position, id",
    2, add_link },
  { "SELECT t.node_id, t.tag_id FROM node_tag t JOIN node n ON n.id = t.node_id "
    "WHERE n.diagram_id = ?1",
    2, add_node_tag },
};

/**
 * tandem_diagram_load:
 * @project: a project
 * @diagram_id: one of its diagrams
 * @error: return location for an error
 *
 * Reads a whole diagram at once — its nodes by column, the many-to-many links
 * between adjacent columns (a change idea may serve several secondary
 * drivers), its groups and every node's equity tags — into a snapshot that
 * the canvas, the outline and the printed pages all draw from. The snapshot
 * does not follow later edits: load it again when the project changes.
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL on error
 */
TandemDiagram *
tandem_diagram_load (TandemProject  *project,
                     const char     *diagram_id,
                     GError        **error)
{
  g_autoptr(TandemDiagram) self = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (diagram_id != NULL, NULL);

  self = g_object_new (TANDEM_TYPE_DIAGRAM, NULL);
  self->id = g_strdup (diagram_id);
  if (!load_head (self, project, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (diagram_parts); i++)
    if (!_tandem_db_each_row (project, error, diagram_parts[i].n_columns, diagram_parts[i].reader,
                              self, diagram_parts[i].sql, "s", self->id))
      return NULL;

  for (guint k = 0; k < TANDEM_N_NODE_KINDS; k++)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        TandemDiagramNode *node = self->nodes->pdata[i];

        if (node->kind == k && node->parents->len == 0)
          g_array_append_val (self->roots, i);
      }
  return g_steal_pointer (&self);
}

const char *
tandem_diagram_get_id (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  return self->id;
}

const char *
tandem_diagram_get_name (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  return self->name;
}

const char *
tandem_diagram_get_team_id (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  return self->team_id;
}

guint
tandem_diagram_get_n_nodes (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), 0);
  return self->nodes->len;
}

const TandemDiagramNode *
tandem_diagram_get_node (TandemDiagram *self,
                         guint          index)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return self->nodes->pdata[index];
}

/**
 * tandem_diagram_find_node:
 * @self: a diagram
 * @id: (nullable): a node id
 *
 * Returns: the node's index, or -1 if it is not in this diagram
 */
int
tandem_diagram_find_node (TandemDiagram *self,
                          const char    *id)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), -1);
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_id, id)) - 1;
}

/**
 * tandem_diagram_get_roots:
 * @self: a diagram
 *
 * Returns: (transfer none): the indices of nodes that have no parent (the
 *   aim, and any driver or idea not yet linked), aims first
 */
GArray *
tandem_diagram_get_roots (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  return self->roots;
}

guint
tandem_diagram_get_n_groups (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), 0);
  return self->groups->len;
}

const TandemDiagramGroup *
tandem_diagram_get_group (TandemDiagram *self,
                          guint          index)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return self->groups->pdata[index];
}

guint
tandem_diagram_get_n_tags (TandemDiagram *self)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), 0);
  return self->tags->len;
}

const TandemDiagramTag *
tandem_diagram_get_tag (TandemDiagram *self,
                        guint          index)
{
  g_return_val_if_fail (TANDEM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (index < self->tags->len, NULL);
  return self->tags->pdata[index];
}

/* Adds a row's id to lists[0] and its name to lists[1], if there is one. */
static void
add_id_and_name (TandemDbStmt *stmt,
                 gpointer      data)
{
  GPtrArray **lists = data;

  g_ptr_array_add (lists[0], column_dup (stmt, 0));
  if (lists[1] != NULL)
    g_ptr_array_add (lists[1], column_dup (stmt, 1));
}

/**
 * tandem_diagram_list:
 * @project: a project
 * @team_id: a team
 * @names: (out) (optional) (transfer full): the diagrams' names, in the same order
 *
 * Returns: (transfer full) (element-type utf8): the team's diagrams, in order
 */
GPtrArray *
tandem_diagram_list (TandemProject  *project,
                     const char     *team_id,
                     GPtrArray     **names)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lists[2] = { g_ptr_array_new_with_free_func (g_free), NULL };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), lists[0]);
  if (names)
    lists[1] = *names = g_ptr_array_new_with_free_func (g_free);
  warn_unless (_tandem_db_each_row (project, &error, 2, add_id_and_name, lists,
                                    "SELECT id, name FROM diagram WHERE team_id = ?1 "
                                    "ORDER BY position, name, id", "s", team_id), &error);
  return lists[0];
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

const char *
tandem_node_kind_to_string (TandemNodeKind kind)
{
  g_return_val_if_fail (kind < TANDEM_N_NODE_KINDS, NULL);
  return tandem_stored_enum_to_word (TANDEM_TYPE_NODE_KIND, kind);
}

/**
 * tandem_node_kind_from_string:
 * @text: (nullable): “aim”, “primary”, “secondary” or “change_idea”
 * @kind: (out): the kind
 *
 * Returns: whether @text names a kind of node
 */
gboolean
tandem_node_kind_from_string (const char     *text,
                              TandemNodeKind *kind)
{
  int value;

  if (!tandem_stored_enum_from_word (TANDEM_TYPE_NODE_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/**
 * tandem_node_kind_label:
 * @kind: a kind of node
 *
 * Returns: what people call one of them (“secondary driver”), lower case
 */
const char *
tandem_node_kind_label (TandemNodeKind kind)
{
  switch (kind)
    {
    case TANDEM_NODE_AIM: return _("aim");
    case TANDEM_NODE_PRIMARY: return _("primary driver");
    case TANDEM_NODE_SECONDARY: return _("secondary driver");
    case TANDEM_NODE_CHANGE_IDEA: return _("change idea");
    default: return "";
    }
}

/**
 * tandem_node_kind_column_label:
 * @kind: a kind of node
 *
 * Returns: the heading of its column (“Secondary drivers”)
 */
const char *
tandem_node_kind_column_label (TandemNodeKind kind)
{
  switch (kind)
    {
    case TANDEM_NODE_AIM: return _("Aim");
    case TANDEM_NODE_PRIMARY: return _("Primary drivers");
    case TANDEM_NODE_SECONDARY: return _("Secondary drivers");
    case TANDEM_NODE_CHANGE_IDEA: return _("Change ideas");
    default: return "";
    }
}

const char *
tandem_idea_status_to_string (TandemIdeaStatus status)
{
  g_return_val_if_fail (status < TANDEM_N_IDEA_STATUSES, NULL);
  /* No status is stored as NULL, never as its nick. */
  if (status == TANDEM_IDEA_STATUS_NONE)
    return NULL;
  return tandem_stored_enum_to_word (TANDEM_TYPE_IDEA_STATUS, status);
}

TandemIdeaStatus
tandem_idea_status_from_string (const char *text)
{
  int value;

  if (!tandem_stored_enum_from_word (TANDEM_TYPE_IDEA_STATUS, text, &value))
    return TANDEM_IDEA_STATUS_NONE;
  return value;
}

/**
 * tandem_idea_status_label:
 * @status: a status
 *
 * Returns: the status in words (“Being tested”)
 */
const char *
tandem_idea_status_label (TandemIdeaStatus status)
{
  switch (status)
    {
    case TANDEM_IDEA_STATUS_NONE: return _("No status");
    case TANDEM_IDEA_STATUS_IDEA: return _("Idea");
    case TANDEM_IDEA_STATUS_TESTING: return _("Testing");
    case TANDEM_IDEA_STATUS_ADOPTED: return _("Adopted");
    case TANDEM_IDEA_STATUS_ADAPTED: return _("Adapted");
    case TANDEM_IDEA_STATUS_ABANDONED: return _("Abandoned");
    default: return "";
    }
}

const char *
tandem_coproduction_to_string (TandemCoproductionLevel level)
{
  g_return_val_if_fail (level < TANDEM_N_COPRODUCTION_LEVELS, NULL);
  /* Not recorded is stored as NULL, never as its nick. */
  if (level == TANDEM_COPRODUCTION_NONE)
    return NULL;
  return tandem_stored_enum_to_word (TANDEM_TYPE_COPRODUCTION_LEVEL, level);
}

TandemCoproductionLevel
tandem_coproduction_from_string (const char *text)
{
  int value;

  if (!tandem_stored_enum_from_word (TANDEM_TYPE_COPRODUCTION_LEVEL, text, &value))
    return TANDEM_COPRODUCTION_NONE;
  return value;
}

/**
 * tandem_coproduction_label:
 * @level: a rung of the Ladder of Co-production
 *
 * Returns: its name (“Co-design”)
 */
const char *
tandem_coproduction_label (TandemCoproductionLevel level)
{
  switch (level)
    {
    case TANDEM_COPRODUCTION_NONE: return _("Not recorded");
    case TANDEM_COPRODUCTION_COPRODUCTION: return _("Co-production");
    case TANDEM_COPRODUCTION_CODESIGN: return _("Co-design");
    case TANDEM_COPRODUCTION_ENGAGEMENT: return _("Engagement");
    case TANDEM_COPRODUCTION_CONSULTATION: return _("Consultation");
    case TANDEM_COPRODUCTION_INFORMING: return _("Informing");
    case TANDEM_COPRODUCTION_EDUCATING: return _("Educating");
    case TANDEM_COPRODUCTION_COERCION: return _("Coercion");
    default: return "";
    }
}

/**
 * tandem_equity_tag_code:
 * @name: an equity tag's name
 *
 * Makes the short mark drawn on a change idea for a tag, so that tags read
 * on paper and in greyscale: the initials of a name of several words
 * (“Race and ethnicity” → “RE”), the first three letters of one word
 * (“Autism” → “Aut”). Words in brackets are left out.
 *
 * Returns: (transfer full): the code
 */
char *
tandem_equity_tag_code (const char *name)
{
  static const char * const small_words[] = { "and", "or", "of", "the", "&", NULL };
  g_autofree char *plain = NULL;
  g_auto(GStrv) words = NULL;
  GString *code = g_string_new (NULL);
  guint n_words = 0;
  char *bracket;

  plain = g_strdup (name ? name : "");
  if ((bracket = strchr (plain, '(')) != NULL)
    *bracket = '\0';
  words = g_strsplit_set (plain, " -/", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i] && !g_strv_contains (small_words, words[i]))
      n_words++;

  if (n_words == 1)
    {
      for (guint i = 0; words[i]; i++)
        if (*words[i])
          {
            const char *end = g_utf8_offset_to_pointer (words[i], MIN (3, g_utf8_strlen (words[i], -1)));
            g_string_append_len (code, words[i], end - words[i]);
            break;
          }
    }
  else
    {
      for (guint i = 0; words[i] && code->len < 12; i++)
        if (*words[i] && !g_strv_contains (small_words, words[i]))
          {
            gunichar c = g_unichar_toupper (g_utf8_get_char (words[i]));
            g_string_append_unichar (code, c);
          }
    }
  if (code->len == 0)
    g_string_append (code, "?");
  return g_string_free (code, FALSE);
}

/* ------------------------------------------------------------------------ */
/* The equity summary                                                       */

static void
count_idea (TandemDbStmt *stmt,
            gpointer      data)
{
  TandemEquitySummary *summary = data;
  g_autofree char *stored_status = column_dup (stmt, 1);
  g_autofree char *stored_level = column_dup (stmt, 2);
  TandemIdeaStatus status = tandem_idea_status_from_string (stored_status);
  TandemCoproductionLevel level = tandem_coproduction_from_string (stored_level);

  summary->n_ideas++;
  summary->statuses[status]++;
  summary->levels[level]++;
  summary->n_testing += status == TANDEM_IDEA_STATUS_TESTING;
  summary->n_tagged += _tandem_db_column_bool (stmt, 3);
}

static void
count_tag (TandemDbStmt *stmt,
           gpointer      data)
{
  TandemEquitySummary *summary = data;
  guint count = (guint) _tandem_db_column_int (stmt, 1);

  g_ptr_array_add (summary->tag_names, column_dup (stmt, 0));
  g_array_append_val (summary->tag_counts, count);
}

/**
 * tandem_equity_summary_new:
 * @project: a project
 * @team_id: (nullable): count one team's change ideas, or every team's
 * @diagram_id: (nullable): count only one diagram's
 * @error: return location for an error
 *
 * Counts change ideas by equity tag, by rung of the Ladder of Co-production
 * and by status, so that a team sees its own figure (how many of its ideas
 * focus on race equity, say) without counting. Every tag of the project is
 * listed, those no idea carries with a count of 0.
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL on error
 */
TandemEquitySummary *
tandem_equity_summary_new (TandemProject  *project,
                           const char     *team_id,
                           const char     *diagram_id,
                           GError        **error)
{
  static const char ideas_sql[] =
    "SELECT n.id, n.status, n.coproduction_level, "
    "EXISTS (SELECT 1 FROM node_tag t WHERE t.node_id = n.id) "
    "FROM node n JOIN diagram d ON d.id = n.diagram_id "
    "WHERE n.kind = 'change_idea' AND (?1 IS NULL OR d.team_id = ?1) "
    "AND (?2 IS NULL OR d.id = ?2)";
  static const char tags_sql[] =
    "SELECT e.name, (SELECT count(*) FROM node_tag t JOIN node n ON n.id = t.node_id "
    "JOIN diagram d ON d.id = n.diagram_id WHERE t.tag_id = e.id AND n.kind = 'change_idea' "
    "AND (?1 IS NULL OR d.team_id = ?1) AND (?2 IS NULL OR d.id = ?2)) "
    "FROM equity_tag e ORDER BY e.position, e.id";
  g_autoptr(TandemEquitySummary) summary = g_new0 (TandemEquitySummary, 1);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  summary->tag_names = g_ptr_array_new_with_free_func (g_free);
  summary->tag_counts = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!_tandem_db_each_row (project, error, 4, count_idea, summary, ideas_sql, "ss",
                            team_id, diagram_id) ||
      !_tandem_db_each_row (project, error, 2, count_tag, summary, tags_sql, "ss",
                            team_id, diagram_id))
    return NULL;
  return g_steal_pointer (&summary);
}

void
tandem_equity_summary_free (TandemEquitySummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->tag_names, g_ptr_array_unref);
  g_clear_pointer (&summary->tag_counts, g_array_unref);
  g_free (summary);
}

/* ------------------------------------------------------------------------ */
/* Details of one node                                                      */

/* The records of @shape that @sql reads for @id (?1); for the reads whose
 * API has no GError, a failure is logged, naming the file, and the list is
 * empty. */
static GPtrArray *
list_records (TandemProject        *project,
              const TandemDbShape  *shape,
              const char           *sql,
              const char           *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = _tandem_db_list (project, &error, shape, sql, "s", id);

  warn_unless (records != NULL, &error);
  return records != NULL ? records : g_ptr_array_new_with_free_func (shape->free);
}

#define list_named(project, sql, id) list_records (project, &named_item_shape, sql, id)

/**
 * tandem_diagram_list_people:
 * @project: a project
 * @team_id: a team
 *
 * Returns: (transfer full) (element-type TandemNamedItem): the team's people
 */
GPtrArray *
tandem_diagram_list_people (TandemProject *project,
                            const char    *team_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_named (project, "SELECT p.id, p.name FROM person p "
                              "WHERE " TANDEM_PERSON_IN_TEAM ("p", "?1") " "
                              "ORDER BY p.position, p.name, p.id", team_id);
}

/**
 * tandem_diagram_list_coproducers:
 * @project: a project
 * @node_id: a change idea
 *
 * Returns: (transfer full) (element-type TandemNamedItem): the people who
 *   co-produced it (their ids and names)
 */
GPtrArray *
tandem_diagram_list_coproducers (TandemProject *project,
                                 const char    *node_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_named (project, "SELECT p.id, p.name FROM node_coproducer c "
                              "JOIN person p ON p.id = c.person_id WHERE c.node_id = ?1 "
                              "ORDER BY p.position, p.name", node_id);
}

/**
 * tandem_diagram_list_measures:
 * @project: a project
 * @node_id: a node
 *
 * Returns: (transfer full) (element-type TandemNamedItem): the measures
 *   linked to the node
 */
GPtrArray *
tandem_diagram_list_measures (TandemProject *project,
                              const char    *node_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_named (project, "SELECT m.id, m.name FROM measure_link l "
                              "JOIN measure m ON m.id = l.measure_id WHERE l.node_id = ?1 "
                              "ORDER BY m.position, m.name", node_id);
}

/**
 * tandem_diagram_list_pdsa:
 * @project: a project
 * @node_id: a change idea
 *
 * Returns: (transfer full) (element-type TandemPdsaSummary): its PDSA cycles,
 *   oldest first
 */
GPtrArray *
tandem_diagram_list_pdsa (TandemProject *project,
                          const char    *node_id)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  return list_records (project, &pdsa_shape,
                       "SELECT id, title, started_on, ended_on, act_decision "
                       "FROM pdsa_cycle WHERE node_id = ?1 "
                       "ORDER BY started_on IS NULL, started_on, position, id", node_id);
}

/**
 * tandem_diagram_node_history:
 * @project: a project
 * @node_id: a node
 *
 * Lists the changes made to a node, its links, tags, co-producers and PDSA
 * cycles, newest first, from the change log: when, who and what (the label
 * of the change, “Add change idea”). A node that came with the project (a
 * template or the sample) is listed as added by whoever created it.
 *
 * Returns: (transfer full) (element-type TandemHistoryEntry): the entries
 */
GPtrArray *
tandem_diagram_node_history (TandemProject *project,
                             const char    *node_id)
{
  GPtrArray *entries;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  entries = list_records (project, &history_shape,
    "SELECT t.at, t.author, t.label FROM change_txn t WHERE t.id IN ("
    " SELECT l.txn FROM change_log l WHERE l.entity_id = ?1"
    " UNION SELECT l.txn FROM change_log l WHERE l.entity IN ('node_link', 'node_tag', "
    "  'node_coproducer', 'pdsa_cycle', 'measure_link') AND l.op IN ('insert', 'delete') AND ("
    "  json_extract (coalesce (l.new_value, l.old_value), '$.node_id') = ?1 OR"
    "  json_extract (coalesce (l.new_value, l.old_value), '$.child_id') = ?1)"
    ") ORDER BY t.id DESC LIMIT 200", node_id);

  if (entries->len == 0)
    {
      g_autofree char *author = tandem_project_dup_added_by (project, node_id);

      if (author)
        {
          TandemHistoryEntry *entry = g_new0 (TandemHistoryEntry, 1);

          entry->author = g_steal_pointer (&author);
          entry->label = g_strdup (_("Came with the project"));
          g_ptr_array_add (entries, entry);
        }
    }
  return entries;
}

void
tandem_authorship_free (TandemAuthorship *authorship)
{
  if (authorship == NULL)
    return;
  g_free (authorship->added_by);
  g_free (authorship->added_at);
  g_free (authorship->changed_by);
  g_free (authorship->changed_at);
  g_free (authorship);
}

typedef struct
{
  GHashTable *table;     /* node id → TandemAuthorship */
  const char *creator;   /* who created the project */
} Authorship;

static void
add_authorship (TandemDbStmt *stmt,
                gpointer      data)
{
  Authorship *authorship = data;
  TandemAuthorship *a = g_new0 (TandemAuthorship, 1);

  a->added_by = column_dup (stmt, 1);
  a->added_at = column_dup (stmt, 2);
  if (a->added_by == NULL)
    a->added_by = g_strdup (authorship->creator);
  a->changed_by = column_dup (stmt, 3);
  a->changed_at = column_dup (stmt, 4);
  g_hash_table_insert (authorship->table, column_dup (stmt, 0), a);
}

/**
 * tandem_diagram_authorship:
 * @project: a project
 * @diagram_id: a diagram
 *
 * Finds, from the change log, who added each node of a diagram and who last
 * changed its words or details (folding and reordering do not count). A node
 * that came with the project is credited to whoever created the project.
 *
 * Returns: (transfer full) (element-type utf8 TandemAuthorship): node id →
 *   its authorship
 */
GHashTable *
tandem_diagram_authorship (TandemProject *project,
                           const char    *diagram_id)
{
  Authorship authorship = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *creator = NULL;

  authorship.table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) tandem_authorship_free);
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), authorship.table);
  if (!_tandem_db_query_text (project, &error, &creator, NULL,
                              "SELECT author FROM change_txn WHERE kind = 'create' "
                              "ORDER BY id DESC LIMIT 1", NULL))
    {
      warn_unless (FALSE, &error);
      return authorship.table;
    }
  authorship.creator = creator;

  /* One look at each node's log entries: its first insert, its last change. */
  warn_unless (_tandem_db_each_row (project, &error, 5, add_authorship, &authorship,
    "WITH s AS (SELECT n.id AS id, "
    "  min (CASE WHEN l.op = 'insert' THEN l.seq END) AS added, "
    "  max (CASE WHEN l.op = 'update' AND l.field NOT IN ('collapsed', 'position') THEN l.seq END) AS changed "
    "  FROM node n JOIN change_log l ON l.entity_id = n.id WHERE n.diagram_id = ?1 GROUP BY n.id) "
    "SELECT n.id, ta.author, ta.at, tc.author, tc.at FROM node n LEFT JOIN s ON s.id = n.id "
    "LEFT JOIN change_log la ON la.seq = s.added LEFT JOIN change_txn ta ON ta.id = la.txn "
    "LEFT JOIN change_log lc ON lc.seq = s.changed LEFT JOIN change_txn tc ON tc.id = lc.txn "
    "WHERE n.diagram_id = ?1", "s", diagram_id), &error);
  return authorship.table;
}

/**
 * tandem_diagram_plan_pdsa:
 * @project: a project
 * @node_id: a change idea
 * @title: (nullable): the name of the test
 * @started_on: (nullable): when it starts, YYYY-MM-DD; %NULL or empty for today
 * @objective: (nullable): what the test is to find out
 * @predictions: (nullable): what the team predicts will happen
 * @error: return location for an error
 *
 * Adds a PDSA cycle to a change idea with its plan (see
 * tandem_diagram_add_pdsa() and tandem_diagram_set_pdsa_field()), as one
 * undoable change (“Add PDSA cycle”): one undo takes the cycle and its plan
 * away, and if any part fails nothing is added.
 *
 * Returns: (transfer full) (nullable): the new cycle's id
 */
char *
tandem_diagram_plan_pdsa (TandemProject  *project,
                          const char     *node_id,
                          const char     *title,
                          const char     *started_on,
                          const char     *objective,
                          const char     *predictions,
                          GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!tandem_change_begin (&change, project, _("Add PDSA cycle"), error) ||
      (id = tandem_diagram_add_pdsa (project, node_id, title, started_on, error)) == NULL ||
      !tandem_diagram_set_pdsa_field (project, id, "plan_objective", TANDEM_UNCHECKED, objective,
                                      error) ||
      !tandem_diagram_set_pdsa_field (project, id, "plan_predictions", TANDEM_UNCHECKED,
                                      predictions, error) ||
      !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}
