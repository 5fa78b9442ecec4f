/* tandem-contributions.c — who contributed what, per person and per role,
 * from the change log and the team's people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Tandem-Contributions"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-coaching.h"
#include "tandem-contributions.h"
#include "tandem-db-private.h"
#include "tandem-person-private.h"

/* The kinds of item counted as "added". Links, tags, attendance and other
 * rows that join two items are left out: they are part of an edit, not an
 * item a person would say they added; comments are counted on their own. */
static const char * const item_tables[] = {
  "team", "person", "diagram", "node_group", "node", "pdsa_cycle", "measure", "data_point",
  "phase", "annotation", "coaching_session", "action", "peer_role", "supervision",
  "coaching_template", "equity_tag",
};

/* The order roles are listed in; people who match no one come last. */
static const char * const role_order[] = {
  "lived_experience_partner", "expert_by_experience", "peer_support_worker", "carer",
  "staff", "coach", "senior_sponsor", "other",
};

/* Everything that belongs to one diagram (?1), including items since
 * deleted, which the change log remembers by what they were inserted with.
 * The log of a file from elsewhere may hold anything, so JSON is read only
 * where it is valid. */
#define DIAGRAM_SCOPE \
  "WITH dnodes (id) AS (" \
  "  SELECT id FROM node WHERE diagram_id = ?1" \
  "  UNION SELECT entity_id FROM change_log WHERE entity = 'node' AND op = 'insert'" \
  "    AND CASE WHEN json_valid (new_value) THEN json_extract (new_value, '$.diagram_id') END = ?1)," \
  " dcycles (id) AS (" \
  "  SELECT id FROM pdsa_cycle WHERE node_id IN dnodes" \
  "  UNION SELECT entity_id FROM change_log WHERE entity = 'pdsa_cycle' AND op = 'insert'" \
  "    AND CASE WHEN json_valid (new_value) THEN json_extract (new_value, '$.node_id') END" \
  "        IN dnodes)," \
  " scope (id) AS (" \
  "  SELECT ?1" \
  "  UNION SELECT id FROM dnodes" \
  "  UNION SELECT id FROM dcycles" \
  "  UNION SELECT id FROM node_link WHERE diagram_id = ?1" \
  "  UNION SELECT id FROM node_group WHERE diagram_id = ?1" \
  "  UNION SELECT entity_id FROM change_log" \
  "    WHERE entity IN ('node_link', 'node_group') AND op = 'insert'" \
  "    AND CASE WHEN json_valid (new_value) THEN json_extract (new_value, '$.diagram_id') END = ?1" \
  "  UNION SELECT id FROM node_tag WHERE node_id IN dnodes" \
  "  UNION SELECT id FROM node_coproducer WHERE node_id IN dnodes" \
  "  UNION SELECT entity_id FROM change_log" \
  "    WHERE entity IN ('node_tag', 'node_coproducer') AND op = 'insert'" \
  "    AND CASE WHEN json_valid (new_value) THEN json_extract (new_value, '$.node_id') END" \
  "        IN dnodes" \
  "  UNION SELECT id FROM comment WHERE entity_id IN dnodes OR entity_id IN dcycles) "

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal ? normal : stripped, -1);
}

static TandemContribution *
lookup_person (GHashTable *by_key,
               GPtrArray  *list,
               const char *name)
{
  g_autofree char *key = NULL;
  TandemContribution *entry;

  if (name == NULL || !g_utf8_validate (name, -1, NULL) || *name == '\0')
    return NULL;
  key = name_key (name);
  if (*key == '\0')
    return NULL;
  entry = g_hash_table_lookup (by_key, key);
  if (entry == NULL)
    {
      entry = g_new0 (TandemContribution, 1);
      entry->name = g_strstrip (g_strdup (name));
      entry->people = 1;
      g_ptr_array_add (list, entry);
      g_hash_table_insert (by_key, g_steal_pointer (&key), entry);
    }
  return entry;
}

static gboolean
run_query (TandemProject    *project,
           const char       *sql,
           const char       *diagram_id,
           TandemDbRowFunc   row,
           gpointer          data,
           GError          **error)
{
  g_autoptr(TandemDbStmt) stmt = _tandem_db_query (project, error, sql, diagram_id ? "s" : "",
                                                   diagram_id);

  return _tandem_db_each_row_of (project, stmt, row, data, error);
}

typedef struct
{
  GHashTable *by_key;
  GPtrArray  *list;
  GHashTable *roles;   /* name key → role token, from the team's people */
  GHashTable *names;   /* name key → the person's name as the team spells it */
} Tally;

/* Where each count of a row goes: the count columns, after the person's
 * name in the first, are added to these members of their entry, in order. */
typedef struct
{
  Tally *tally;
  gsize  members[2];
  guint  n_members;
} Counts;

static void
counts_row (TandemDbStmt *stmt,
            gpointer      data)
{
  Counts *counts = data;
  TandemContribution *entry;

  _tandem_db_assert_columns (stmt, 1 + (int) counts->n_members);
  entry = lookup_person (counts->tally->by_key, counts->tally->list,
                         _tandem_db_column_peek (stmt, 0));
  for (guint i = 0; entry != NULL && i < counts->n_members; i++)
    G_STRUCT_MEMBER (guint, entry, counts->members[i]) +=
      (guint) CLAMP (_tandem_db_column_int (stmt, 1 + i), 0, G_MAXUINT);
}

static void
people_row (TandemDbStmt *stmt,
            gpointer      data)
{
  Tally *tally = data;
  g_autofree char *name = _tandem_db_column_text (stmt, 0);
  const char *role = _tandem_db_column_peek (stmt, 1);

  _tandem_db_assert_columns (stmt, 2);
  if (name == NULL || role == NULL)
    return;
  /* The first person of that name (in the team's order) decides. */
  {
    g_autofree char *key = name_key (name);
    if (!g_hash_table_contains (tally->roles, key))
      {
        g_hash_table_insert (tally->names, g_strdup (key), g_strdup (name));
        g_hash_table_insert (tally->roles, g_steal_pointer (&key), g_strdup (role));
      }
  }
}

static guint
total (const TandemContribution *c)
{
  return c->items_added + c->changes_made + c->ideas_proposed + c->cycles_run + c->comments;
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const TandemContribution *ca = *(TandemContribution **) a;
  const TandemContribution *cb = *(TandemContribution **) b;
  guint ta = total (ca), tb = total (cb);

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return g_utf8_collate (ca->name, cb->name);
}

static guint
role_rank (const char *role)
{
  for (guint i = 0; role && i < G_N_ELEMENTS (role_order); i++)
    if (g_str_equal (role, role_order[i]))
      return i;
  return role ? G_N_ELEMENTS (role_order) : G_N_ELEMENTS (role_order) + 1;
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  const TandemContribution *ca = *(TandemContribution **) a;
  const TandemContribution *cb = *(TandemContribution **) b;
  guint ra = role_rank (ca->role), rb = role_rank (cb->role);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_strcmp0 (ca->role, cb->role);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

void
tandem_contribution_free (TandemContribution *contribution)
{
  if (contribution == NULL)
    return;
  g_free (contribution->name);
  g_free (contribution->role);
  g_free (contribution);
}

/**
 * tandem_contributions_by_person:
 * @project: a project
 * @diagram_id: (nullable): one diagram, or %NULL for the whole project
 * @error: return location for an error
 *
 * Counts each person's contribution, by the name on their changes (and, for
 * change ideas, the person named as proposer). A name that matches one of
 * the team's people (for a diagram) or anyone in the project (for the whole
 * project), ignoring case, takes that person's role. Items added are those
 * still there, credited to whoever first added them; content a project was
 * created with (a template, the sample) is no one's edit and is not counted.
 *
 * Returns: (transfer container) (element-type TandemContribution): one entry
 *   per person, most active first; %NULL on error
 */
GPtrArray *
tandem_contributions_by_person (TandemProject  *project,
                                const char     *diagram_id,
                                GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GString) exists = g_string_new (NULL);
  g_autofree char *items_sql = NULL;
  Tally tally;
  Counts changes = { &tally, { G_STRUCT_OFFSET (TandemContribution, changes_made) }, 1 };
  Counts items = { &tally, { G_STRUCT_OFFSET (TandemContribution, items_added),
                             G_STRUCT_OFFSET (TandemContribution, cycles_run) }, 2 };
  Counts ideas = { &tally, { G_STRUCT_OFFSET (TandemContribution, ideas_proposed) }, 1 };
  Counts comments = { &tally, { G_STRUCT_OFFSET (TandemContribution, comments) }, 1 };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_contribution_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tally.by_key = by_key;
  tally.list = list;
  tally.roles = roles;
  tally.names = names;

  /* Changes made: each transaction once, whatever it touched; a merge (and
   * its undoing) is not one, nor are the changes of a merge taken back. */
  if (!run_query (project, diagram_id
                        ? DIAGRAM_SCOPE
                          "SELECT t.author, count (DISTINCT t.id) FROM change_txn t "
                          "JOIN change_log l ON l.txn = t.id "
                          "WHERE t.kind <> 'create' AND l.entity_id IN scope AND "
                          TANDEM_NOT_BOOKKEEPING ("t") " GROUP BY t.author"
                        : "SELECT t.author, count (*) FROM change_txn t WHERE t.kind <> 'create' AND "
                          TANDEM_NOT_BOOKKEEPING ("t") " GROUP BY t.author",
                  diagram_id, counts_row, &changes, error))
    return NULL;

  /* Items added and still there, credited to their first insert (one of
   * many added at once, an import, among them). The table names come from
   * the list above, never from the file. */
  for (guint i = 0; i < G_N_ELEMENTS (item_tables); i++)
    g_string_append_printf (exists, "%s(l.entity = '%s' AND f.entity_id IN (SELECT id FROM %s))",
                            i ? " OR " : "", item_tables[i], item_tables[i]);
  items_sql = g_strdup_printf ("%s"
                               "SELECT t.author, count (*), "
                               "  coalesce (sum (l.entity = 'pdsa_cycle'), 0) "
                               "FROM (SELECT entity_id, min (seq) AS seq FROM ("
                               "        SELECT entity_id, seq FROM change_log WHERE op = 'insert' "
                               "        UNION ALL SELECT json_extract (r.value, '$.id'), b.seq "
                               "        FROM change_log b, json_each (CASE WHEN b.op = 'insert' "
                               "          AND substr (b.new_value, 1, 1) = '[' "
                               "          AND json_valid (b.new_value) THEN b.new_value END) r "
                               "        WHERE r.type = 'object') GROUP BY entity_id) f "
                               "JOIN change_log l ON l.seq = f.seq "
                               "JOIN change_txn t ON t.id = l.txn "
                               "WHERE (%s) %s GROUP BY t.author",
                               diagram_id ? DIAGRAM_SCOPE : "", exists->str,
                               diagram_id ? "AND f.entity_id IN scope" : "");
  if (!run_query (project, items_sql, diagram_id, counts_row, &items, error))
    return NULL;

  /* Change ideas, by the person named as proposing them. */
  if (!run_query (project, diagram_id
                        ? "SELECT p.name, count (*) FROM node n JOIN person p ON p.id = n.proposed_by "
                          "WHERE n.kind = 'change_idea' AND n.diagram_id = ?1 GROUP BY p.id"
                        : "SELECT p.name, count (*) FROM node n JOIN person p ON p.id = n.proposed_by "
                          "WHERE n.kind = 'change_idea' GROUP BY p.id",
                  diagram_id, counts_row, &ideas, error))
    return NULL;

  /* Comments and replies */
  if (!run_query (project, diagram_id
                        ? DIAGRAM_SCOPE
                          "SELECT author, count (*) FROM comment WHERE id IN scope GROUP BY author"
                        : "SELECT author, count (*) FROM comment GROUP BY author",
                  diagram_id, counts_row, &comments, error))
    return NULL;

  /* Roles: the diagram's team's people, or everyone in the project. */
  if (!run_query (project, diagram_id
                        ? "SELECT p.name, p.role FROM person p WHERE "
                          TANDEM_PERSON_IN_TEAM ("p", "(SELECT team_id FROM diagram WHERE id = ?1)")
                          " ORDER BY p.position, p.rowid"
                        : "SELECT name, role FROM person ORDER BY position, rowid",
                  diagram_id, people_row, &tally, error))
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      TandemContribution *entry = list->pdata[i];
      g_autofree char *key = name_key (entry->name);
      const char *name = g_hash_table_lookup (names, key);

      entry->role = g_strdup (g_hash_table_lookup (roles, key));
      if (name)
        {
          g_free (entry->name);
          entry->name = g_strdup (name);
        }
    }
  g_ptr_array_sort (list, compare_people);
  return g_steal_pointer (&list);
}

/**
 * tandem_contributions_by_role:
 * @by_person: (element-type TandemContribution): what
 *   tandem_contributions_by_person() returned
 *
 * Adds up the people's contributions by role: lived-experience partners,
 * peer support workers, staff… People whose name matches no one in the team
 * are counted together, with a %NULL role.
 *
 * Returns: (transfer container) (element-type TandemContribution): one entry
 *   per role that anyone has, in a fixed order, lived experience first
 */
GPtrArray *
tandem_contributions_by_role (GPtrArray *by_person)
{
  g_autoptr(GPtrArray) roles = NULL;
  TandemContribution *unknown = NULL;

  g_return_val_if_fail (by_person != NULL, NULL);

  roles = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_contribution_free);
  for (guint i = 0; i < by_person->len; i++)
    {
      const TandemContribution *person = by_person->pdata[i];
      TandemContribution *role = NULL;

      if (person->role == NULL)
        role = unknown;
      else
        for (guint j = 0; j < roles->len && role == NULL; j++)
          if (g_strcmp0 (((TandemContribution *) roles->pdata[j])->role, person->role) == 0)
            role = roles->pdata[j];

      if (role == NULL)
        {
          role = g_new0 (TandemContribution, 1);
          role->role = g_strdup (person->role);
          role->name = g_strdup (person->role ? tandem_coaching_role_label (person->role)
                                              : _("Not in the team’s people"));
          g_ptr_array_add (roles, role);
          if (person->role == NULL)
            unknown = role;
        }
      role->people += person->people;
      role->items_added += person->items_added;
      role->changes_made += person->changes_made;
      role->ideas_proposed += person->ideas_proposed;
      role->cycles_run += person->cycles_run;
      role->comments += person->comments;
    }
  g_ptr_array_sort (roles, compare_roles);
  return g_steal_pointer (&roles);
}
