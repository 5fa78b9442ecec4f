/* test-enums.c — the generated stored enums agree with the schema: every
 * nick is a word the file accepts, every word the schema allows is a nick,
 * every value has a label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-coaching.h"
#include "tandem-diagram.h"
#include "tandem-peer-support.h"
#include "tandem-project-private.h"
#include "tandem-standards.h"
#include "tandem-stored-enums.h"
#include "tandem-test-core-util.h"

/* One column the schema limits to a list of words, and its enum. */
typedef struct
{
  const char  *table;
  const char  *column;
  GType      (*get_type) (void);
  int          stored_as_null;   /* the value stored as NULL, or -1 */
  const char *(*label) (int value);
} StoredColumn;

#define LABEL(fn) ((const char *(*) (int)) (fn))

static const StoredColumn columns[] = {
  { "change_txn", "kind", tandem_change_kind_get_type, -1, LABEL (tandem_change_kind_get_label) },
  { "change_log", "op", tandem_change_op_get_type, -1, LABEL (tandem_change_op_get_label) },
  { "conflict", "source", tandem_conflict_source_get_type, -1, LABEL (tandem_conflict_source_get_label) },
  { "person", "role", tandem_person_role_get_type, -1, LABEL (tandem_person_role_get_label) },
  { "person", "taking_part_as", tandem_taking_part_as_get_type, TANDEM_TAKING_PART_AS_NONE,
    LABEL (tandem_taking_part_as_get_label) },
  { "node", "kind", tandem_node_kind_get_type, -1, LABEL (tandem_node_kind_label) },
  { "node", "status", tandem_idea_status_get_type, TANDEM_IDEA_STATUS_NONE,
    LABEL (tandem_idea_status_label) },
  { "node", "coproduction_level", tandem_coproduction_level_get_type, TANDEM_COPRODUCTION_NONE,
    LABEL (tandem_coproduction_label) },
  { "pdsa_cycle", "act_decision", tandem_act_decision_get_type, TANDEM_ACT_DECISION_NONE,
    LABEL (tandem_act_decision_get_label) },
  { "measure", "kind", tandem_measure_kind_get_type, -1, LABEL (tandem_measure_kind_get_label) },
  { "measure", "direction", tandem_spc_direction_get_type, -1, LABEL (tandem_spc_direction_get_label) },
  { "measure", "frequency", tandem_measure_frequency_get_type, -1,
    LABEL (tandem_measure_frequency_get_label) },
  { "measure", "chart_type", tandem_spc_chart_get_type, -1, LABEL (tandem_spc_chart_get_label) },
  { "measure", "rules", tandem_spc_rules_get_type, TANDEM_SPC_RULES_DEFAULT,
    LABEL (tandem_spc_rules_get_label) },
  { "attendance", "status", tandem_attendance_status_get_type, -1,
    LABEL (tandem_attendance_status_get_label) },
  { "action", "status", tandem_action_status_get_type, -1, LABEL (tandem_action_status_get_label) },
  { "framework_item", "kind", tandem_framework_item_kind_get_type, -1,
    LABEL (tandem_framework_item_kind_get_label) },
  { "framework_status", "status", tandem_item_status_get_type, -1, LABEL (tandem_item_status_label) },
  { "supervision", "kind", tandem_supervision_kind_get_type, -1,
    LABEL (tandem_supervision_kind_label) },
  { "grouping_category", "broad_group", tandem_broad_group_get_type, -1,
    LABEL (tandem_broad_group_get_label) },
  { "measure_breakdown", "kind", tandem_breakdown_kind_get_type, -1,
    LABEL (tandem_breakdown_kind_get_label) },
  { "measure_breakdown", "domain", tandem_breakdown_domain_get_type, -1,
    LABEL (tandem_breakdown_domain_get_label) },
  { "standard_level", "level", tandem_standard_level_get_type, -1,
    LABEL (tandem_standard_level_get_label) },
  { "assessment_response", "role", tandem_respondent_role_get_type, -1,
    LABEL (tandem_respondent_role_get_label) },
  { "standard_evidence", "level", tandem_standard_level_get_type, -1,
    LABEL (tandem_standard_level_get_label) },
  { "panel_review", "decision", tandem_panel_decision_get_type, -1,
    LABEL (tandem_panel_decision_get_label) },
};

typedef struct
{
  char          *dir;
  TandemProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-enums-XXXXXX", "enums.tandem", &fixture->dir,
                                           NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, NULL);
}

/* The stored words of @column's enum, in the order of its values. */
static GPtrArray *
stored_words (const StoredColumn *column)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (column->get_type ());
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != column->stored_as_null)
      g_ptr_array_add (words, (gpointer) klass->values[i].value_nick);
  return words;
}

static const StoredColumn *
find_column (const char *table,
             const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].table, table) && g_str_equal (columns[i].column, name))
      return &columns[i];
  return NULL;
}

/* Every "name ... CHECK (name IN ('a', 'b'))" in @sql, as name → "a,b". */
static void
collect_check_lists (const char *sql,
                     GHashTable *lists)
{
  g_autoptr(GRegex) regex = g_regex_new ("CHECK \\((\\w+) IN \\(('[^)]*')\\)\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *list = g_match_info_fetch (match, 2);
      g_auto(GStrv) quoted = g_regex_split_simple ("'\\s*,\\s*'", list, 0, 0);
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; quoted[i] != NULL; i++)
        g_ptr_array_add (words, g_strdup (g_strstrip (g_strdelimit (quoted[i], "'", ' '))));
      g_ptr_array_add (words, NULL);
      g_hash_table_insert (lists, g_steal_pointer (&name),
                           g_strjoinv (",", (char **) words->pdata));
      g_match_info_next (match, NULL);
    }
}

/* Each column's CHECK list in the file a new project makes is exactly its
 * enum's nicks (but the value stored as NULL), in the same order, and every
 * CHECK list of words has an enum. */
static void
test_check_lists_are_the_nicks (Fixture       *fixture,
                                gconstpointer  data)
{
  sqlite3 *db = _tandem_project_get_db (fixture->project);
  sqlite3_stmt *stmt = NULL;
  guint n_found = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema "
                                           "WHERE type = 'table' AND sql IS NOT NULL", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GHashTableIter iter;
      gpointer name, list;

      collect_check_lists ((const char *) sqlite3_column_text (stmt, 1), lists);
      g_hash_table_iter_init (&iter, lists);
      while (g_hash_table_iter_next (&iter, &name, &list))
        {
          const StoredColumn *column = find_column (table, name);
          g_autoptr(GPtrArray) words = NULL;
          g_autofree char *nicks = NULL;

          if (column == NULL)
            g_error ("%s.%s has a CHECK list of words (%s) but no enum", table, (char *) name,
                     (char *) list);
          words = stored_words (column);
          g_ptr_array_add (words, NULL);
          nicks = g_strjoinv (",", (char **) words->pdata);
          g_assert_cmpstr (list, ==, nicks);
          n_found++;
        }
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (columns));
}

/* A value for each other column that must have one, so that an insert
 * stands or falls by the column under test alone. */
static char *
insert_sql (sqlite3            *db,
            const StoredColumn *column)
{
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", column->table);
  g_autoptr(GString) names = g_string_new ("");
  g_autoptr(GString) values = g_string_new ("");
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      gboolean required = sqlite3_column_int (stmt, 3) && sqlite3_column_type (stmt, 4) == SQLITE_NULL;
      const StoredColumn *other = find_column (column->table, name);
      const char *sep = names->len ? ", " : "";

      if (g_str_equal (name, column->column))
        {
          g_string_append_printf (names, "%s%s", sep, name);
          g_string_append_printf (values, "%s?1", sep);
        }
      else if (sqlite3_column_int (stmt, 5) && g_str_equal (type, "INTEGER"))
        continue;   /* the rowid, numbered by SQLite */
      else if (required || sqlite3_column_int (stmt, 5))
        {
          g_autoptr(GPtrArray) words = other ? stored_words (other) : NULL;
          g_autofree char *value = words ? g_strdup_printf ("'%s'", (char *) words->pdata[0])
                                   : g_str_equal (type, "TEXT") ? g_strdup ("'x' || random ()")
                                   : g_strdup ("1");

          g_string_append_printf (names, "%s%s", sep, name);
          g_string_append_printf (values, "%s%s", sep, value);
        }
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  /* A piece of evidence links to exactly one thing, whatever its level. */
  if (g_str_equal (column->table, "standard_evidence"))
    {
      g_string_append (names, ", note");
      g_string_append (values, ", 'x'");
    }
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", column->table, names->str, values->str);
}

static int
try_insert (sqlite3    *db,
            const char *sql,
            const char *word)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc;
}

/* Every nick goes into its column of a new project; a word that is not a
 * nick is refused by the CHECK; the value stored as NULL goes in as NULL. */
static void
test_every_nick_is_accepted (Fixture       *fixture,
                             gconstpointer  data)
{
  sqlite3 *db = _tandem_project_get_db (fixture->project);

  /* Only the CHECK constraints are under test: the rows refer to nothing. */
  run_sql_or_die (fixture->project, "PRAGMA foreign_keys = OFF");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *sql = insert_sql (db, &columns[c]);
      g_autoptr(GPtrArray) words = stored_words (&columns[c]);

      run_sql_or_die (fixture->project, "SAVEPOINT enums");
      /* Each level is in the shipped framework once, and only once. */
      if (g_str_equal (columns[c].table, "standard_level"))
        run_sql_or_die (fixture->project, "DELETE FROM standard_level");
      for (guint w = 0; w < words->len; w++)
        {
          int rc = try_insert (db, sql, words->pdata[w]);

          if (rc != SQLITE_DONE)
            g_error ("%s.%s refused “%s”: %s", columns[c].table, columns[c].column,
                     (char *) words->pdata[w], sqlite3_errmsg (db));
        }
      g_assert_cmpint (try_insert (db, sql, "not_a_stored_word"), ==, SQLITE_CONSTRAINT);
      if (columns[c].stored_as_null >= 0)
        g_assert_cmpint (try_insert (db, sql, NULL), ==, SQLITE_DONE);
      run_sql_or_die (fixture->project, "ROLLBACK TO enums; RELEASE enums");
    }
  run_sql_or_die (fixture->project, "PRAGMA foreign_keys = ON");
}

/* Word → enum → word comes back the same through the generic lookups and
 * through each area's own functions; a word no enum has is refused. */
static void
test_round_trips (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (columns[c].get_type ());

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *word = klass->values[i].value_nick;
          int value = -1;

          g_assert_true (tandem_stored_enum_from_word (columns[c].get_type (), word, &value));
          g_assert_cmpint (value, ==, klass->values[i].value);
          g_assert_cmpstr (tandem_stored_enum_to_word (columns[c].get_type (), value), ==, word);
        }
      {
        int value = 42;

        g_assert_false (tandem_stored_enum_from_word (columns[c].get_type (), "not_a_stored_word",
                                                      &value));
        g_assert_false (tandem_stored_enum_from_word (columns[c].get_type (), NULL, &value));
        g_assert_cmpint (value, ==, 42);
        g_assert_null (tandem_stored_enum_to_word (columns[c].get_type (), (int) klass->n_values + 7));
      }
    }

  for (int k = 0; k < TANDEM_N_NODE_KINDS; k++)
    {
      TandemNodeKind kind = TANDEM_N_NODE_KINDS;

      g_assert_true (tandem_node_kind_from_string (tandem_node_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (tandem_node_kind_to_string (TANDEM_NODE_CHANGE_IDEA), ==, "change_idea");
  for (int s = 0; s < TANDEM_N_IDEA_STATUSES; s++)
    g_assert_cmpint (tandem_idea_status_from_string (tandem_idea_status_to_string (s)), ==, s);
  g_assert_null (tandem_idea_status_to_string (TANDEM_IDEA_STATUS_NONE));
  g_assert_cmpint (tandem_idea_status_from_string ("adopt"), ==, TANDEM_IDEA_STATUS_NONE);
  for (int l = 0; l < TANDEM_N_COPRODUCTION_LEVELS; l++)
    g_assert_cmpint (tandem_coproduction_from_string (tandem_coproduction_to_string (l)), ==, l);
  g_assert_null (tandem_coproduction_to_string (TANDEM_COPRODUCTION_NONE));
  for (int s = 0; s < TANDEM_N_ITEM_STATUSES; s++)
    {
      TandemItemStatus status = TANDEM_N_ITEM_STATUSES;

      g_assert_true (tandem_item_status_from_string (tandem_item_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_cmpstr (tandem_item_status_to_string (TANDEM_ITEM_NOT_APPLICABLE), ==, "not_applicable");
  for (int k = 0; k < TANDEM_N_SUPERVISION_KINDS; k++)
    {
      TandemSupervisionKind kind = TANDEM_N_SUPERVISION_KINDS;

      g_assert_true (tandem_supervision_kind_from_string (tandem_supervision_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (tandem_supervision_kind_to_string (TANDEM_SUPERVISION_ONE_TO_ONE), ==, "one_to_one");

  /* The SPC engine keeps its own names (it depends on GLib alone): they are
   * the nicks. */
  for (int c = 0; c < TANDEM_SPC_N_CHARTS; c++)
    g_assert_cmpstr (tandem_spc_chart_to_string (c), ==,
                     tandem_stored_enum_to_word (TANDEM_TYPE_SPC_CHART, c));
  for (int r = TANDEM_SPC_RULES_ANHOEJ; r <= TANDEM_SPC_RULES_MDC; r++)
    g_assert_cmpstr (tandem_spc_rules_to_string (r), ==,
                     tandem_stored_enum_to_word (TANDEM_TYPE_SPC_RULES, r));
  for (int d = 0; d <= TANDEM_SPC_DIRECTION_NEUTRAL; d++)
    g_assert_cmpstr (tandem_spc_direction_to_string (d), ==,
                     tandem_stored_enum_to_word (TANDEM_TYPE_SPC_DIRECTION, d));

  g_assert_cmpstr (tandem_coaching_role_label ("peer_support_worker"), ==, "Peer support worker");
  g_assert_cmpstr (tandem_coaching_role_label ("their own words"), ==, "their own words");
}

/* Every value of every stored enum has a label, and no two values of one
 * enum share one. */
static void
test_every_value_has_a_label (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (columns[c].get_type ());
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = columns[c].label (klass->values[i].value);

          if (label == NULL || *label == '\0')
            g_error ("%s has no label for “%s”", G_ENUM_CLASS_TYPE_NAME (klass),
                     klass->values[i].value_nick);
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/enums/check-lists-are-the-nicks", Fixture, NULL, fixture_set_up,
              test_check_lists_are_the_nicks, fixture_tear_down);
  g_test_add ("/enums/every-nick-is-accepted", Fixture, NULL, fixture_set_up,
              test_every_nick_is_accepted, fixture_tear_down);
  g_test_add_func ("/enums/round-trips", test_round_trips);
  g_test_add_func ("/enums/every-value-has-a-label", test_every_value_has_a_label);

  return g_test_run ();
}
