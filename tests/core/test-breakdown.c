/* test-breakdown.c — a measure broken down by group in the project file:
 * groupings, settings, import of long and wide tables, undo, the disparity
 * against values computed independently, older files, a locked file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intervals are R's (4.2): poisson.test(c(a, b), c(Ta, Tb))$conf.int
 * for rates, and the Katz interval worked by hand in R
 * (rr * exp(±qnorm(0.975) * sqrt(1/a - 1/n1 + 1/b - 1/n2))) for
 * proportions.
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-measure.h"
#include "tandem-project-private.h"
#include "tandem-schema.h"
#include "tandem-table-import.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
  char          *measure;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = create_project_in_tmp ("tandem-breakdown-XXXXXX", "groups.tandem",
                                            &fixture->dir, &fixture->path);
  fixture->team = add_team_or_die (fixture->project, "Willow Ward");
  fixture->measure = tandem_measure_add (fixture->project, fixture->team,
                                         "Restrictive practice", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->team);
  g_free (fixture->measure);
  free_tmp (&fixture->dir, &fixture->path);
}

static void
assert_close (double expected,
              double got)
{
  if (fabs (expected - got) > 1e-6 * MAX (1, fabs (expected)))
    g_error ("expected %.10f, got %.10f", expected, got);
}

static void
break_down (Fixture             *fixture,
            const char          *grouping_id,
            TandemBreakdownKind  kind,
            const char          *reference_id)
{
  g_autoptr(GError) error = NULL;
  TandemBreakdown settings = { 0 };

  settings.measure_id = fixture->measure;
  settings.grouping_id = (char *) grouping_id;
  settings.kind = kind;
  settings.per = NAN;
  settings.denominator_name = (char *) "occupied bed days";
  settings.domain = TANDEM_BREAKDOWN_OUTCOMES;
  settings.reference_id = (char *) reference_id;
  g_assert_true (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_no_error (error);
}

static TandemBreakdownImport *
read_csv (Fixture    *fixture,
          const char *csv)
{
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(GError) error = NULL;
  TandemBreakdownImport *import;

  table = tandem_table_parse (csv, -1, 0, &error);
  g_assert_no_error (error);
  import = tandem_breakdown_read_table (fixture->project, fixture->measure, table, &error);
  g_assert_no_error (error);
  return import;
}

static void
import_csv (Fixture    *fixture,
            const char *csv)
{
  g_autoptr(TandemBreakdownImport) import = read_csv (fixture, csv);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];

      g_error ("line %u: %s", problem->line, problem->reason);
    }
  g_assert_true (tandem_breakdown_save_rows (fixture->project, fixture->measure, import->rows,
                                             "Import by group", &error));
  g_assert_no_error (error);
}

static gint64
n_points (Fixture *fixture)
{
  return tandem_project_count (fixture->project, TANDEM_ENTITY_BREAKDOWN_POINT, NULL, NULL);
}

static guint
group_index (const TandemBreakdownAnalysis *analysis,
             const char                    *name)
{
  for (guint i = 0; i < analysis->n_groups; i++)
    if (g_str_equal (analysis->group_names[i], name))
      return i;
  g_error ("no group %s", name);
  return 0;
}

static const TandemDisparityGroup *
group_of (const TandemBreakdownAnalysis *analysis,
          const TandemDisparityPeriod   *period,
          const char                    *name)
{
  return &period->disparity->groups[group_index (analysis, name)];
}

/* Every project has the two ethnicity groupings, with the NHS codes and
 * labels, broad groups and "Not stated" marked. */
static void
test_builtin_groupings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groupings = tandem_grouping_list (fixture->project, &error);
  g_autoptr(GPtrArray) fine = NULL;
  g_autoptr(GPtrArray) broad = NULL;
  const TandemGroupCategory *c;

  g_assert_no_error (error);
  g_assert_cmpuint (groupings->len, ==, 2);
  g_assert_cmpstr (((TandemGrouping *) groupings->pdata[0])->id, ==, TANDEM_GROUPING_ETHNICITY);
  g_assert_true (((TandemGrouping *) groupings->pdata[0])->builtin);
  fine = tandem_grouping_list_categories (fixture->project, TANDEM_GROUPING_ETHNICITY, &error);
  g_assert_cmpuint (fine->len, ==, TANDEM_N_ETHNIC_CATEGORIES);
  for (guint i = 0; i < fine->len; i++)
    {
      char code[2] = { tandem_ethnic_category_get_code (i), '\0' };

      c = fine->pdata[i];
      g_assert_cmpstr (c->code, ==, code);
      g_assert_cmpstr (c->label, ==, tandem_ethnic_category_get_label (i));
      g_assert_cmpint (c->not_stated, ==, i == TANDEM_ETHNIC_NOT_STATED);
      g_assert_cmpint (c->broad_group, ==, i == TANDEM_ETHNIC_NOT_STATED
                                           ? TANDEM_N_BROAD_GROUPS
                                           : tandem_ethnic_category_get_broad_group (i));
    }
  broad = tandem_grouping_list_categories (fixture->project, TANDEM_GROUPING_ETHNICITY_BROAD,
                                           &error);
  g_assert_cmpuint (broad->len, ==, TANDEM_N_BROAD_GROUPS);
  for (guint i = 0; i < broad->len; i++)
    {
      c = broad->pdata[i];
      g_assert_cmpstr (c->label, ==, tandem_broad_group_get_label (i));
      g_assert_cmpint (c->not_stated, ==, i == TANDEM_BROAD_NOT_STATED);
    }

  {
    g_autofree char *id = tandem_grouping_find (fixture->project, "ethnicity (BROAD groups)",
                                                &error);
    g_autofree char *n = tandem_group_category_find (fixture->project, TANDEM_GROUPING_ETHNICITY,
                                                     "Black or Black British: African", &error);
    g_autofree char *black = tandem_group_category_find (fixture->project,
                                                         TANDEM_GROUPING_ETHNICITY_BROAD,
                                                         "black", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (id, ==, TANDEM_GROUPING_ETHNICITY_BROAD);
    g_assert_cmpstr (n, ==, "ethnicity-N");
    g_assert_cmpstr (black, ==, "ethnicity-broad-black");
    g_assert_null (tandem_group_category_find (fixture->project, TANDEM_GROUPING_ETHNICITY,
                                               "Black", &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "broad group"));
  }
}

/* A label is edited as one undoable change, the code and the matching
 * by NHS names stay; a label another group has is refused. */
static void
test_relabel (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_assert_true (tandem_group_category_set_label (fixture->project, "ethnicity-C",
                                                  "  White Other (incl. Gypsy, Roma, Traveller) ",
                                                  &error));
  g_assert_no_error (error);
  assert_text (fixture->project, TANDEM_ENTITY_GROUPING_CATEGORY, "ethnicity-C",
               TANDEM_FIELD_GROUPING_CATEGORY_LABEL, "White Other (incl. Gypsy, Roma, Traveller)");
  assert_undo_label (fixture->project, "Relabel the group “Any other White background”");
  found = tandem_group_category_find (fixture->project, TANDEM_GROUPING_ETHNICITY, "White Other",
                                      &error);
  g_assert_cmpstr (found, ==, "ethnicity-C");
  g_clear_pointer (&found, g_free);
  found = tandem_group_category_find (fixture->project, TANDEM_GROUPING_ETHNICITY,
                                      "white other (INCL. gypsy, roma, traveller)", &error);
  g_assert_cmpstr (found, ==, "ethnicity-C");

  g_assert_false (tandem_group_category_set_label (fixture->project, "ethnicity-C", "african",
                                                   &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_group_category_set_label (fixture->project, "ethnicity-C", "  ", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tandem_project_undo (fixture->project, &error));
  assert_text (fixture->project, TANDEM_ENTITY_GROUPING_CATEGORY, "ethnicity-C",
               TANDEM_FIELD_GROUPING_CATEGORY_LABEL, "Any other White background");
}

/* The settings: the kind's default unit, a reference from the grouping
 * (never "Not stated"), one undoable change each; the grouping stays while
 * there are data. */
static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdown) got = NULL;
  TandemBreakdown settings = { 0 };

  got = tandem_breakdown_get (fixture->project, fixture->measure, &error);
  g_assert_null (got);
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  assert_undo_label (fixture->project, "Break “Restrictive practice” down by group");
  got = tandem_breakdown_get (fixture->project, fixture->measure, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->grouping_id, ==, TANDEM_GROUPING_ETHNICITY);
  g_assert_cmpint (got->kind, ==, TANDEM_BREAKDOWN_RATE);
  g_assert_cmpfloat (got->per, ==, 1000);
  g_assert_cmpstr (got->denominator_name, ==, "occupied bed days");
  g_assert_cmpint (got->domain, ==, TANDEM_BREAKDOWN_OUTCOMES);
  g_assert_cmpstr (got->reference_id, ==, "ethnicity-A");

  settings = *got;
  settings.reference_id = (char *) "ethnicity-broad-white";
  g_assert_false (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  settings.reference_id = (char *) "ethnicity-Z";
  g_assert_false (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  settings.reference_id = got->reference_id;
  settings.per = 0;
  g_assert_false (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  settings.per = NAN;
  settings.kind = TANDEM_BREAKDOWN_PROPORTION;
  settings.domain = TANDEM_BREAKDOWN_ACCESS;
  g_assert_true (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Change how “Restrictive practice” is broken down");
  g_clear_pointer (&got, tandem_breakdown_free);
  got = tandem_breakdown_get (fixture->project, fixture->measure, &error);
  g_assert_cmpint (got->kind, ==, TANDEM_BREAKDOWN_PROPORTION);
  g_assert_cmpfloat (got->per, ==, 100);
  g_assert_cmpint (got->domain, ==, TANDEM_BREAKDOWN_ACCESS);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_clear_pointer (&got, tandem_breakdown_free);
  got = tandem_breakdown_get (fixture->project, fixture->measure, &error);
  g_assert_cmpint (got->kind, ==, TANDEM_BREAKDOWN_RATE);
  g_assert_cmpfloat (got->per, ==, 1000);

  import_csv (fixture, "date,group,count,denominator\n2025-01-06,A,3,100\n");
  settings = *got;
  settings.grouping_id = (char *) TANDEM_GROUPING_ETHNICITY_BROAD;
  settings.reference_id = NULL;
  g_assert_false (tandem_breakdown_set (fixture->project, &settings, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "has data by group"));
}

/* The categories as a ward's records write them (codes, labels, the NHS's
 * long names, "White Other"), three periods, pooled into broad groups. */
static const char long_csv[] =
  "Date,Ethnicity,Count,Occupied bed days\n"
  "2025-01-15,A,12,3000\n"
  "2025-01-15,White Other,3,1000\n"
  "2025-01-15,White and Black Caribbean,0,300\n"
  "2025-01-15,Caribbean,9,600\n"
  "2025-01-15,Black or Black British - African,6,400\n"
  "2025-01-15,Z,2,200\n"
  "2025-07-15,white british,10,3000\n"
  "2025-07-15,C,2,1000\n"
  "2025-07-15,M,8,600\n"
  "2025-07-15,N,7,400\n"
  "2025-07-15,Not stated,1,300\n"
  "2026-03-10,A,8,2500\n"
  "2026-03-10,M,5,500\n"
  "2026-03-10,African,4,500\n"
  "2026-03-10,Z,0,100\n";

static void
test_long_and_analyse (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdownAnalysis) pooled = NULL;
  g_autoptr(TandemBreakdownAnalysis) fine = NULL;
  const TandemDisparityPeriod *q1;
  const TandemDisparityGroup *g;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  import_csv (fixture, long_csv);
  g_assert_cmpint (n_points (fixture), ==, 15);

  pooled = tandem_breakdown_analyse (fixture->project, fixture->measure, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pooled->n_groups, ==, 6);
  g_assert_cmpstr (pooled->group_names[pooled->options.reference], ==, "White");
  g_assert_cmpstr (pooled->group_names[pooled->options.not_stated], ==, "Not stated");

  /* poisson.test(c(39, 35), c(3000, 10500)) */
  g = group_of (pooled, pooled->series->whole, "Black or Black British");
  g_assert_cmpfloat (g->count, ==, 39);
  g_assert_cmpfloat (g->denominator, ==, 3000);
  assert_close (13, g->rate);
  g_assert_cmpint (g->status, ==, TANDEM_RATIO_ESTIMATED);
  assert_close (3.9, g->ratio);
  assert_close (2.4071549583, g->lcl);
  assert_close (6.3404756101, g->ucl);
  g = group_of (pooled, pooled->series->whole, "White");
  g_assert_cmpfloat (g->count, ==, 35);
  g_assert_cmpfloat (g->denominator, ==, 10500);
  g_assert_cmpint (g->status, ==, TANDEM_RATIO_REFERENCE);
  /* poisson.test(c(0, 35), c(300, 10500)): none in Mixed */
  g = group_of (pooled, pooled->series->whole, "Mixed");
  g_assert_cmpint (g->status, ==, TANDEM_RATIO_ESTIMATED);
  assert_close (0, g->ratio);
  assert_close (0, g->lcl);
  assert_close (3.8902904765, g->ucl);
  /* Not stated: 3 of the 77 events, never pooled, never a ratio */
  g = group_of (pooled, pooled->series->whole, "Not stated");
  g_assert_cmpint (g->status, ==, TANDEM_RATIO_NOT_STATED);
  assert_close (3.0 / 77, pooled->series->whole->disparity->not_stated_share);

  /* The last twelve months: after 2025-03-10; poisson.test(c(24, 20), c(2000, 6500)) */
  g_assert_cmpstr (pooled->last_year->whole->from, ==, "2025-07-15");
  g_assert_cmpstr (pooled->last_year->whole->to, ==, "2026-03-10");
  g = group_of (pooled, pooled->last_year->whole, "Black or Black British");
  g_assert_cmpfloat (g->count, ==, 24);
  assert_close (3.9, g->ratio);
  assert_close (2.0645573889, g->lcl);
  assert_close (7.4440570176, g->ucl);

  /* The first quarter of 2025: poisson.test(c(15, 15), c(1000, 4000)) */
  g_assert_cmpuint (pooled->series->quarters->len, ==, 3);
  q1 = pooled->series->quarters->pdata[0];
  g_assert_cmpint (q1->year, ==, 2025);
  g_assert_cmpint (q1->quarter, ==, 1);
  g = group_of (pooled, q1, "Black or Black British");
  assert_close (4, g->ratio);
  assert_close (1.8221644824, g->lcl);
  assert_close (8.7807660363, g->ucl);

  /* Category by category against White British: poisson.test(c(22, 30), c(1700, 8500)) */
  fine = tandem_breakdown_analyse (fixture->project, fixture->measure, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fine->n_groups, ==, TANDEM_N_ETHNIC_CATEGORIES);
  g = group_of (fine, fine->series->whole, "Caribbean");
  g_assert_cmpfloat (g->count, ==, 22);
  assert_close (3.6666666667, g->ratio);
  assert_close (2.0153541412, g->lcl);
  assert_close (6.5728095302, g->ucl);
}

/* A column per group, with a denominator column per group named three
 * ways, into the broad groups. */
static void
test_wide (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  const TandemBreakdownPoint *p;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY_BROAD, TANDEM_BREAKDOWN_RATE,
              "ethnicity-broad-white");
  {
    g_autoptr(TandemBreakdownImport) import =
      read_csv (fixture,
                "Week,White,White occupied bed days,Black or Black British,Black (n),"
                "Not stated,Not stated - denominator\n"
                "06/01/2025,4,420,3,98,,\n"
                "13/01/2025,5,415,2,105,1,7\n");

    g_assert_true (import->wide);
    g_assert_cmpuint (import->problems->len, ==, 0);
    g_assert_true (tandem_breakdown_save_rows (fixture->project, fixture->measure, import->rows,
                                               "Import by group", &error));
    g_assert_no_error (error);
  }
  points = tandem_breakdown_list_points (fixture->project, fixture->measure, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 5);
  p = points->pdata[0];
  g_assert_cmpstr (p->date, ==, "2025-01-06");
  g_assert_cmpstr (p->category_id, ==, "ethnicity-broad-white");
  g_assert_cmpfloat (p->count, ==, 4);
  g_assert_cmpfloat (p->denominator, ==, 420);
  p = points->pdata[1];
  g_assert_cmpstr (p->category_id, ==, "ethnicity-broad-black");
  g_assert_cmpfloat (p->denominator, ==, 98);
  p = points->pdata[4];
  g_assert_cmpstr (p->date, ==, "2025-01-13");
  g_assert_cmpstr (p->category_id, ==, "ethnicity-broad-z");
  g_assert_cmpfloat (p->count, ==, 1);
  g_assert_cmpfloat (p->denominator, ==, 7);

  /* one denominator column for every group */
  {
    g_autoptr(TandemBreakdownImport) import =
      read_csv (fixture, "date,White,Asian or Asian British,Denominator\n2025-01-20,1,0,50\n");

    g_assert_cmpuint (import->problems->len, ==, 0);
    g_assert_cmpuint (import->rows->len, ==, 2);
    g_assert_cmpfloat (((TandemBreakdownRow *) import->rows->pdata[1])->denominator, ==, 50);
  }
}

/* Unknown groups and other bad rows are refused with their line, and
 * nothing is saved. */
static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdownImport) import = NULL;
  const TandemImportProblem *problem;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  import = read_csv (fixture,
                     "date,group,count,denominator\n"
                     "2025-01-06,A,3,100\n"
                     "2025-01-06,N,1,40\n"
                     "2025-01-06,Purple,2,30\n"
                     "2025-01-06,Black,2,30\n"
                     "2025-01-13,A,2.5,100\n"
                     "2025-01-13,N,1,0\n"
                     "2025-01-06,African,1,40\n");
  g_assert_cmpuint (import->problems->len, ==, 5);
  problem = import->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->reason, ==, "“Purple” is not a group of this measure’s grouping");
  problem = import->problems->pdata[1];
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_nonnull (strstr (problem->reason, "broad group"));
  problem = import->problems->pdata[2];
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->reason, "not a whole number"));
  problem = import->problems->pdata[3];
  g_assert_cmpuint (problem->line, ==, 7);
  g_assert_nonnull (strstr (problem->reason, "denominator of 0"));
  problem = import->problems->pdata[4];
  g_assert_cmpuint (problem->line, ==, 8);
  g_assert_cmpstr (problem->reason, ==, "African on 2025-01-06 is already on line 3");

  /* Saving refuses a bad row by its line, and saves none of the others. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    TandemBreakdownRow good = { 2, "2025-01-06", (char *) "ethnicity-A", 3, 100 };
    TandemBreakdownRow bad = { 3, "2025-01-06", (char *) "ethnicity-N", 1.5, 40 };

    g_ptr_array_add (rows, &good);
    g_ptr_array_add (rows, &bad);
    g_assert_false (tandem_breakdown_save_rows (fixture->project, fixture->measure, rows,
                                                "Import by group", &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 3"));
    g_assert_cmpint (n_points (fixture), ==, 0);
  }

  /* A wide file with a column that is no group names it, on the header's line. */
  g_clear_pointer (&import, tandem_breakdown_import_free);
  import = read_csv (fixture, "\n\ndate,A,Purple,denominator\n2025-01-06,1,2,30\n");
  g_assert_cmpuint (import->problems->len, ==, 1);
  problem = import->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->reason, "Purple"));
}

/* An import is one change: undone and redone whole; importing a period
 * again replaces its figures, and undo brings them back. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  import_csv (fixture, long_csv);
  g_assert_cmpint (n_points (fixture), ==, 15);
  assert_undo_label (fixture->project, "Import by group");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_points (fixture), ==, 0);
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_points (fixture), ==, 15);

  import_csv (fixture, "date,group,count,denominator\n"
                       "2025-01-15,A,14,3100\n"
                       "2026-06-01,A,1,300\n");
  g_assert_cmpint (n_points (fixture), ==, 16);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count(*) FROM breakdown_point WHERE date = '2025-01-15' "
                                 "AND category_id = 'ethnicity-A' AND count = 14 "
                                 "AND denominator = 3100"), ==, 1);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (n_points (fixture), ==, 15);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count(*) FROM breakdown_point WHERE date = '2025-01-15' "
                                 "AND category_id = 'ethnicity-A' AND count = 12 "
                                 "AND denominator = 3000"), ==, 1);

  /* Deleting the measure takes its breakdown and data; undo brings them back. */
  g_assert_true (tandem_measure_delete (fixture->project, fixture->measure, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_points (fixture), ==, 0);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_MEASURE_BREAKDOWN, NULL,
                                         NULL), ==, 0);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (n_points (fixture), ==, 15);
  g_assert_cmpint (tandem_project_count (fixture->project, TANDEM_ENTITY_MEASURE_BREAKDOWN, NULL,
                                         NULL), ==, 1);
}

/* A grouping of the project's own, compared as proportions: the Katz
 * interval; "Not known" is the not-stated group. */
static void
test_own_grouping (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const labels[] = { "Learning disability or autism", "Neither", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdownAnalysis) analysis = NULL;
  g_autofree char *grouping = NULL;
  g_autofree char *neither = NULL;
  const TandemDisparityGroup *g;

  grouping = tandem_grouping_add (fixture->project, "LD/autism", labels, "Not known", &error);
  g_assert_no_error (error);
  assert_undo_label (fixture->project, "Add the grouping “LD/autism”");
  g_assert_null (tandem_grouping_add (fixture->project, "ld/AUTISM", labels, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  neither = tandem_group_category_find (fixture->project, grouping, "neither", &error);
  g_assert_no_error (error);
  break_down (fixture, grouping, TANDEM_BREAKDOWN_PROPORTION, neither);
  import_csv (fixture, "date;group;count;people\n"
                       "2025-02-01;Learning disability or autism;6;20\n"
                       "2025-02-01;Neither;10;100\n"
                       "2025-02-01;Not known;1;5\n");
  analysis = tandem_breakdown_analyse (fixture->project, fixture->measure, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (analysis->n_groups, ==, 3);
  g_assert_cmpuint (analysis->options.not_stated, ==, 2);
  g_assert_cmpfloat (analysis->options.per, ==, 100);
  g = group_of (analysis, analysis->series->whole, "Learning disability or autism");
  assert_close (30, g->rate);
  assert_close (3, g->ratio);
  assert_close (1.2307217558, g->lcl);
  assert_close (7.3127820788, g->ucl);
}

/* A file from before format 6 gains the groupings when it is opened, and
 * its measures can be broken down. */
static void
test_older_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "Old.tandem", NULL);
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groupings = NULL;
  const TandemMigration *steps;
  guint n_steps;
  sqlite3 *db = NULL;

  steps = tandem_schema_get_migrations (&n_steps);
  g_assert_cmpint (steps[3].version, ==, 4);
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1415671396", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (tandem_schema_migrate (db, steps, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO meta VALUES ('replica_id', 'old-replica');"
    "INSERT INTO change_txn (id, at, author, replica, label, kind, origin_replica, origin_id) VALUES "
    "  (1, '2025-03-01T09:00:00Z', 'Ada Coach', 'old-replica', 'Create project', 'create', "
    "   'old-replica', '1@2025-03-01T09:00:00Z');"
    "INSERT INTO team (id, name) VALUES ('team-w', 'Willow Ward');"
    "INSERT INTO measure (id, team_id, name) VALUES ('m-1', 'team-w', 'Restraint');"
    "INSERT INTO data_point (id, measure_id, date, value) VALUES ('d-1', 'm-1', '2025-01-06', 4);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = tandem_project_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_confirm_intact (project, &error));
  g_assert_cmpint (count_or_die (project, "SELECT user_version FROM pragma_user_version"), ==,
                   TANDEM_SCHEMA_VERSION);
  groupings = tandem_grouping_list (project, &error);
  g_assert_cmpuint (groupings->len, ==, 2);
  g_assert_cmpint (count_or_die (project, "SELECT count(*) FROM grouping_category"), ==,
                   TANDEM_N_ETHNIC_CATEGORIES + TANDEM_N_BROAD_GROUPS);
  g_assert_cmpint (count_or_die (project, "SELECT count(*) FROM data_point"), ==, 1);
  g_clear_object (&fixture->project);
  g_set_object (&fixture->project, project);
  g_free (fixture->measure);
  fixture->measure = g_strdup ("m-1");
  break_down (fixture, TANDEM_GROUPING_ETHNICITY_BROAD, TANDEM_BREAKDOWN_RATE,
              "ethnicity-broad-white");
  import_csv (fixture, "date,group,count,denominator\n2025-01-06,White,3,100\n"
                       "2025-01-06,Black,1,30\n");
  g_assert_cmpint (n_points (fixture), ==, 2);
}

/* Another program holding the file: the import says "locked", saves
 * nothing, and goes through once the file is free. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemBreakdownImport) import = NULL;
  sqlite3 *other;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  reopen_impatient (&fixture->project, fixture->path, 150);
  import = read_csv (fixture, long_csv);
  other = hold_write_lock (fixture->path);
  g_assert_false (tandem_breakdown_save_rows (fixture->project, fixture->measure, import->rows,
                                              "Import by group", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  release_write_lock (other);
  g_assert_cmpint (n_points (fixture), ==, 0);
  g_assert_true (tandem_breakdown_save_rows (fixture->project, fixture->measure, import->rows,
                                             "Import by group", &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_points (fixture), ==, 15);
}

/* `check` names a breakdown's word it does not know and data for a group
 * that does not exist, as for every other item. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *all = NULL;

  break_down (fixture, TANDEM_GROUPING_ETHNICITY, TANDEM_BREAKDOWN_RATE, "ethnicity-A");
  import_csv (fixture, "date,group,count,denominator\n2025-01-06,A,3,100\n2025-01-06,N,1,30\n");
  g_clear_object (&fixture->project);
  run_sql_on_file (fixture->path,
                   "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
                   "UPDATE measure_breakdown SET kind = 'ratio';"
                   "UPDATE breakdown_point SET category_id = 'gone' WHERE category_id = 'ethnicity-N';");
  g_assert_cmpint (tandem_project_check_file (fixture->path, problems), ==, TANDEM_CHECK_PROBLEMS);
  g_ptr_array_add (problems, NULL);
  all = g_strjoinv ("\n", (char **) problems->pdata);
  g_assert_nonnull (strstr (all, "has the kind “ratio”, a word Tandem does not know"));
  g_assert_nonnull (strstr (all, "refers through its category_id to the group “gone”"));
}

/* The small-number threshold is the file's: 4 until set, kept across
 * opening, read by a reader of the file, and refused out of range; a value
 * a damaged file holds is read as the default, never as 0 (no hiding). */
static void
test_threshold (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) reader = NULL;
  g_autofree char *undo = tandem_project_dup_undo_label (fixture->project);
  g_autofree char *undo_after = NULL;

  g_assert_cmpuint (tandem_breakdown_get_threshold (fixture->project), ==, 4);
  g_assert_true (tandem_breakdown_set_threshold (fixture->project, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_breakdown_get_threshold (fixture->project), ==, 9);
  /* A setting of the file, not an edit to undo. */
  undo_after = tandem_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (undo_after, ==, undo);

  g_assert_false (tandem_breakdown_set_threshold (fixture->project, 0, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tandem_breakdown_set_threshold (fixture->project, 100, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (tandem_breakdown_get_threshold (fixture->project), ==, 9);

  g_clear_object (&fixture->project);
  reader = tandem_project_open_for_reading (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_breakdown_get_threshold (reader), ==, 9);
  g_assert_false (tandem_breakdown_set_threshold (reader, 5, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&reader);

  run_sql_on_file (fixture->path, "UPDATE meta SET value = '0' WHERE key = 'disparity_threshold';");
  fixture->project = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_breakdown_get_threshold (fixture->project), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/breakdown/builtin-groupings", test_builtin_groupings);
  ADD ("/breakdown/relabel", test_relabel);
  ADD ("/breakdown/settings", test_settings);
  ADD ("/breakdown/long-and-analyse", test_long_and_analyse);
  ADD ("/breakdown/wide", test_wide);
  ADD ("/breakdown/bad-rows", test_bad_rows);
  ADD ("/breakdown/undo-redo", test_undo_redo);
  ADD ("/breakdown/own-grouping", test_own_grouping);
  ADD ("/breakdown/older-format", test_older_format);
  ADD ("/breakdown/locked", test_locked);
  ADD ("/breakdown/check", test_check);
  ADD ("/breakdown/threshold", test_threshold);
#undef ADD

  return g_test_run ();
}
