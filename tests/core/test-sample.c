/* test-sample.c — the built-in content and the two sample projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-clock.h"
#include "tandem-defaults.h"
#include "tandem-measure.h"
#include "tandem-standards.h"
#include "tandem-standards-teams.h"
#include "tandem-peer-support.h"
#include "tandem-project.h"
#include "tandem-sample.h"
#include "tandem-spc.h"
#include "tandem-test-core-util.h"

#define TODAY "2026-11-21"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
} Fixture;

static void
fixture_open (Fixture    *fixture,
              gboolean    with_defaults)
{
  fixture->project = create_project_in_tmp ("tandem-sample-XXXXXX", "sample.tandem", &fixture->dir,
                                           &fixture->path);
  if (with_defaults)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (tandem_defaults_install (fixture->project, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_close (Fixture *fixture)
{
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
}

static double
get_double (TandemProject *project,
            const char    *entity,
            const char    *id,
            const char    *field)
{
  g_autofree char *text = tandem_project_get_text (project, entity, id, field);

  return text ? g_ascii_strtod (text, NULL) : NAN;
}

static void
assert_check_good (const char *path)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  TandemCheckResult result = tandem_project_check_file (path, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) problems->pdata[i]);
  g_assert_cmpint (result, ==, TANDEM_CHECK_GOOD);
}

/* Every link joins two nodes of its own diagram. Also counts the secondary
 * drivers and change ideas that have more than one parent. */
static void
assert_links_within_diagrams (TandemProject *project,
                              guint         *secondaries_shared,
                              guint         *ideas_shared)
{
  g_autoptr(GPtrArray) links = tandem_project_list_ids (project, "node_link", NULL, NULL, NULL);
  g_autoptr(GPtrArray) nodes = tandem_project_list_ids (project, "node", NULL, NULL, NULL);

  g_assert_cmpuint (links->len, >, 0);
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *diagram = tandem_project_get_text (project, "node_link", links->pdata[i],
                                                          "diagram_id");
      g_autofree char *parent = tandem_project_get_text (project, "node_link", links->pdata[i],
                                                         "parent_id");
      g_autofree char *child = tandem_project_get_text (project, "node_link", links->pdata[i],
                                                        "child_id");
      g_autofree char *parent_diagram = tandem_project_get_text (project, "node", parent,
                                                                 "diagram_id");
      g_autofree char *child_diagram = tandem_project_get_text (project, "node", child,
                                                                "diagram_id");

      g_assert_nonnull (diagram);
      g_assert_cmpstr (parent_diagram, ==, diagram);
      g_assert_cmpstr (child_diagram, ==, diagram);
    }

  *secondaries_shared = *ideas_shared = 0;
  for (guint i = 0; i < nodes->len; i++)
    {
      g_autofree char *kind = tandem_project_get_text (project, "node", nodes->pdata[i], "kind");
      gint64 parents = tandem_project_count (project, "node_link", "child_id", nodes->pdata[i]);

      if (g_str_equal (kind, "aim"))
        g_assert_cmpint (parents, ==, 0);
      else
        g_assert_cmpint (parents, >=, 1);
      if (parents > 1 && g_str_equal (kind, "secondary"))
        (*secondaries_shared)++;
      if (parents > 1 && g_str_equal (kind, "change_idea"))
        (*ideas_shared)++;
    }
}

static char *
find_tag (TandemProject *project,
          const char    *name)
{
  g_autoptr(GPtrArray) tags = tandem_project_list_ids (project, "equity_tag", NULL, NULL,
                                                       "position");

  for (guint i = 0; i < tags->len; i++)
    {
      g_autofree char *text = tandem_project_get_text (project, "equity_tag", tags->pdata[i],
                                                       "name");
      if (g_strcmp0 (text, name) == 0)
        return g_strdup (tags->pdata[i]);
    }
  return NULL;
}

/* The values of every measure, in order: the same every time the sample is made. */
static GString *
measure_values (TandemProject *project)
{
  g_autoptr(GPtrArray) measures = tandem_project_list_ids (project, "measure", NULL, NULL,
                                                           "position");
  GString *values = g_string_new (NULL);

  for (guint m = 0; m < measures->len; m++)
    {
      g_autoptr(GPtrArray) points = tandem_project_list_ids (project, "data_point", "measure_id",
                                                             measures->pdata[m], "date");
      for (guint i = 0; i < points->len; i++)
        {
          g_autofree char *date = tandem_project_get_text (project, "data_point",
                                                           points->pdata[i], "date");
          g_autofree char *value = tandem_project_get_text (project, "data_point",
                                                            points->pdata[i], "value");
          g_string_append_printf (values, "%s=%s;", date, value);
        }
    }
  return values;
}

static void
test_defaults (void)
{
  const char * const *types = tandem_defaults_service_types ();
  g_autoptr(GError) error = NULL;
  g_autofree char *race = NULL;
  g_autofree char *found = NULL;
  g_autofree char *specific = NULL;
  Fixture fixture = { 0, };

  fixture_open (&fixture, TRUE);

  g_assert_cmpint (tandem_project_count (fixture.project, "equity_tag", NULL, NULL), ==, 12);
  g_assert_cmpint (tandem_project_count (fixture.project, "equity_tag", "builtin", "1"), ==, 12);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_item", "framework",
                                         "peer-support"), ==, 36);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_item", "kind", "support"),
                   ==, 7);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_item", "stage",
                                         "Preparation"), ==, 4);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_item", "stage",
                                         "Support in place"), ==, 7);
  g_assert_false (tandem_project_can_undo (fixture.project));

  race = find_tag (fixture.project, "Race and ethnicity");
  g_assert_nonnull (race);
  found = tandem_defaults_find_equity_tag (fixture.project, TANDEM_EQUITY_TAG_RACE_AND_ETHNICITY);
  g_assert_cmpstr (race, ==, found);
  specific = find_tag (fixture.project, "Specific groups (homeless, refugees, young offenders)");
  g_assert_nonnull (specific);

  /* Installing twice adds nothing. */
  g_assert_true (tandem_defaults_install (fixture.project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture.project, "equity_tag", NULL, NULL), ==, 12);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_item", NULL, NULL), ==, 36);

  g_assert_cmpuint (g_strv_length ((char **) types), ==, 10);
  g_assert_cmpstr (types[0], ==, "Adult acute");
  g_assert_cmpstr (types[2], ==, "Psychiatric intensive care (PICU)");
  g_assert_cmpstr (types[9], ==, "Adult medium secure");

  fixture_close (&fixture);
}

static void
assert_restrictive_practice_shifts (TandemProject *project,
                                    const char    *measure)
{
  g_autoptr(GPtrArray) points = tandem_project_list_ids (project, "data_point", "measure_id",
                                                         measure, "date");
  g_autoptr(GPtrArray) phases = tandem_project_list_ids (project, "phase", "measure_id",
                                                         measure, NULL);
  g_autoptr(TandemSpcData) data = tandem_spc_data_new (FALSE);
  g_autoptr(TandemSpcResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts_on = NULL;
  TandemSpcOptions options;
  double before = 0, after = 0;
  guint n_before = 0, n_after = 0, improving = 0;

  g_assert_cmpuint (phases->len, ==, 1);
  starts_on = tandem_project_get_text (project, "phase", phases->pdata[0], "starts_on");

  for (guint i = 0; i < points->len; i++)
    {
      g_autofree char *date = tandem_project_get_text (project, "data_point", points->pdata[i],
                                                       "date");
      double value = get_double (project, "data_point", points->pdata[i], "value");

      tandem_spc_data_add (data, date, value, NAN);
      if (g_strcmp0 (date, starts_on) < 0)
        {
          before += value;
          n_before++;
        }
      else
        {
          after += value;
          n_after++;
        }
    }
  g_assert_cmpuint (n_before, >=, 10);
  g_assert_cmpuint (n_after, >=, 10);
  g_assert_cmpfloat (after / n_after, <, 0.7 * (before / n_before));

  /* Seen without the phase, the chart itself shows the improvement. */
  tandem_spc_options_init (&options);
  options.chart = TANDEM_SPC_CHART_C;
  options.rules = TANDEM_SPC_RULES_MDC;
  options.direction = TANDEM_SPC_DIRECTION_DECREASE;
  result = tandem_spc_analyse (data, &options, &error);
  g_assert_no_error (error);
  for (gsize i = n_before; i < result->n_points; i++)
    {
      TandemSpcPoint point;

      tandem_spc_result_get_point (result, i, &point);
      if ((point.signals & TANDEM_SPC_SIGNAL_SHIFT) &&
          point.variation == TANDEM_SPC_VARIATION_IMPROVEMENT)
        improving++;
    }
  g_assert_cmpuint (improving, >=, 7);
}

/* Black patients' rate of restrictive practice per bed day over White
 * patients', from the data by group on or after @from and before @to. */
static double
black_over_white (GPtrArray  *points,
                  const char *from,
                  const char *to)
{
  double count[2] = { 0, 0 }, bed_days[2] = { 0, 0 };

  for (guint i = 0; i < points->len; i++)
    {
      const TandemBreakdownPoint *point = points->pdata[i];
      int g = g_str_equal (point->category_id, "ethnicity-broad-black") ? 0
              : g_str_equal (point->category_id, "ethnicity-broad-white") ? 1 : -1;

      if (g < 0 || strcmp (point->date, from) < 0 || strcmp (point->date, to) >= 0)
        continue;
      count[g] += point->count;
      bed_days[g] += point->denominator;
    }
  return (count[0] / bed_days[0]) / (count[1] / bed_days[1]);
}

/* Delderfield's restrictive practice by broad ethnic group: two years of
 * weeks with bed days, the last adding up to the measure's own counts; a
 * clear disparity (Black patients restrained 3 to 4 times as often as
 * White) that narrows after the debriefs the diagram records begin. */
static void
assert_restrictive_by_ethnicity (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_measure_find (project, "Restrictive practice incidents", &error);
  g_autoptr(TandemBreakdown) breakdown = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(TandemBreakdownAnalysis) analysis = NULL;
  g_autofree char *sums = NULL;
  g_autofree char *debriefs = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const TandemDisparityGroup *black;
  double before, after;

  g_assert_no_error (error);
  breakdown = tandem_breakdown_get (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (breakdown->grouping_id, ==, TANDEM_GROUPING_ETHNICITY_BROAD);
  g_assert_cmpint (breakdown->kind, ==, TANDEM_BREAKDOWN_RATE);
  g_assert_cmpfloat (breakdown->per, ==, 1000);
  g_assert_cmpstr (breakdown->denominator_name, ==, "occupied bed days");
  g_assert_cmpstr (breakdown->reference_id, ==, "ethnicity-broad-white");

  points = tandem_breakdown_list_points (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 104 * TANDEM_N_BROAD_GROUPS);
  sums = g_strdup_printf ("SELECT count(*) FROM (SELECT date, sum(count) AS c FROM breakdown_point "
                          "WHERE measure_id = '%s' GROUP BY date) AS b JOIN data_point AS d "
                          "ON d.measure_id = '%s' AND d.date = b.date AND d.value = b.c", id, id);
  g_assert_cmpint (count_or_die (project, sums), ==, 52);
  notes = tandem_project_list_ids (project, "annotation", "text",
                                   "Debriefs by the peer support worker begin", NULL);
  g_assert_cmpuint (notes->len, ==, 1);
  debriefs = tandem_project_get_text (project, "annotation", notes->pdata[0], "date");

  before = black_over_white (points, "0000", debriefs);
  after = black_over_white (points, debriefs, "9999");
  g_test_message ("Black over White: %.2f before the debriefs, %.2f after", before, after);
  g_assert_cmpfloat (before, >=, 3);
  g_assert_cmpfloat (before, <=, 4);
  g_assert_cmpfloat (after, >=, 1.4);
  g_assert_cmpfloat (after, <=, 2.4);

  analysis = tandem_breakdown_analyse (project, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (analysis->n_groups, ==, TANDEM_N_BROAD_GROUPS);
  black = &analysis->series->whole->disparity->groups[3];
  g_assert_cmpstr (analysis->group_names[3], ==, "Black or Black British");
  g_assert_cmpint (black->status, ==, TANDEM_RATIO_ESTIMATED);
  g_assert_cmpfloat (black->lcl, >, 2);
  black = &analysis->last_year->whole->disparity->groups[3];
  g_assert_cmpfloat (black->ratio, <, before);
  g_assert_cmpfloat (black->lcl, >, 1);
}

/* Delderfield's Culture of Care self-assessment: two rounds six months
 * apart, staff rating Lived Experience and Choice higher than the people
 * with lived experience do; 75% of staff only the second time; Bronze, with
 * what Silver needs; the restrictive-practice chart showing a shift; three
 * priorities linked to the diagram; one panel review at Bronze. */
static void
assert_delderfield_standards (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = tandem_project_list_ids (project, "team", NULL, NULL, "position");
  g_autoptr(TandemStandardsReport) report = tandem_standards_report (project, teams->pdata[0],
                                                                     &error);
  const TandemRoundFigures *first, *second;
  const TandemPanelReview *panel;
  guint shifts = 0, sustained = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (report->team_name, ==, "Delderfield Ward");
  g_assert_cmpuint (report->rounds->len, ==, 2);
  first = report->rounds->pdata[0];
  second = report->rounds->pdata[1];
  g_assert_cmpint (tandem_project_count (project, "assessment_round", NULL, NULL), ==, 2);
  {
    g_autoptr(GDate) a = g_date_new ();
    g_autoptr(GDate) b = g_date_new ();
    guint y, m, d;

    g_assert_cmpint (sscanf (first->round->date, "%u-%u-%u", &y, &m, &d), ==, 3);
    g_date_set_dmy (a, d, m, y);
    g_assert_cmpint (sscanf (second->round->date, "%u-%u-%u", &y, &m, &d), ==, 3);
    g_date_set_dmy (b, d, m, y);
    g_assert_cmpint (g_date_days_between (a, b), ==, 182);
  }
  for (guint r = 0; r < 2; r++)
    {
      const TandemRoundFigures *round = report->rounds->pdata[r];

      g_assert_cmpuint (round->n_lived, ==, 6);
      for (guint i = 0; i < round->standards->len; i++)
        {
          const TandemStandardFigures *one = round->standards->pdata[i];

          g_assert_cmpuint (one->n_staff + one->n_lived, ==, round->n_staff + round->n_lived);
          if (g_str_equal (one->standard_id, "coc-lived-experience") ||
              g_str_equal (one->standard_id, "coc-choice"))
            g_assert_cmpfloat (one->gap, >, 1);
        }
    }
  g_assert_false (first->completion_met);
  g_assert_true (second->completion_met);
  g_assert_cmpfloat (second->average, >, first->average);
  g_assert_cmpint (report->level->level, ==, TANDEM_STANDARD_LEVEL_BRONZE);
  g_assert_cmpuint (report->level->escalations->len, ==, 0);
  g_assert_cmpuint (report->level->unevidenced->len, ==, 3);
  g_assert_cmpuint (report->priorities->len, ==, 3);
  for (guint i = 0; i < report->priorities->len; i++)
    g_assert_cmpuint (((TandemPriority *) report->priorities->pdata[i])->node_ids->len, >=, 1);
  g_assert_cmpuint (report->evidence->len, ==, 11);
  for (guint i = 0; i < report->evidence->len; i++)
    {
      const TandemEvidenceItem *item = report->evidence->pdata[i];

      g_assert_nonnull (item->what);
      if (item->judgement != NULL && item->judgement->verdict == TANDEM_MEASURE_VERDICT_SHIFT)
        {
          g_assert_cmpstr (item->what, ==, "Restrictive practice incidents");
          g_assert_cmpint (item->level, ==, TANDEM_STANDARD_LEVEL_SILVER);
          shifts++;
        }
      /* The care plans: up with the "What matters to me" conversations
       * and held for more than a year before the "About me" profiles. */
      if (item->judgement != NULL && item->judgement->verdict == TANDEM_MEASURE_VERDICT_SUSTAINED)
        {
          g_assert_cmpstr (item->what, ==, "Patients with a co-produced care plan");
          g_assert_true (item->judgement->baseline && item->judgement->shift &&
                         item->judgement->sustained);
          g_assert_cmpint (item->level, ==, TANDEM_STANDARD_LEVEL_GOLD);
          sustained++;
        }
    }
  g_assert_cmpuint (shifts, ==, 2);
  g_assert_cmpuint (sustained, ==, 1);
  g_assert_true (report->level->sustained_outcomes);
  g_assert_cmpuint (report->panels->len, ==, 1);
  panel = report->panels->pdata[0];
  g_assert_cmpint (panel->decision, ==, TANDEM_PANEL_DECISION_BRONZE);
  g_assert_cmpstr (panel->date, <, panel->next_review_on);
}

static void
test_ward (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) values_again = NULL;
  Fixture fixture = { 0, };
  Fixture again = { 0, };
  gint64 ideas;
  guint with_phase = 0, overdue = 0, carried = 0, shared_secondaries, shared_ideas;

  fixture_open (&fixture, TRUE);
  g_assert_true (tandem_sample_populate (fixture.project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_project_can_undo (fixture.project));
  assert_restrictive_by_ethnicity (fixture.project);
  assert_delderfield_standards (fixture.project);

  g_assert_cmpint (tandem_project_count (fixture.project, "equity_tag", NULL, NULL), ==, 12);
  g_assert_cmpint (tandem_project_count (fixture.project, "team", NULL, NULL), ==, 3);
  g_assert_cmpint (tandem_project_count (fixture.project, "diagram", NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (fixture.project, "node", "kind", "aim"), ==, 2);
  g_assert_cmpint (tandem_project_count (fixture.project, "node", "kind", "primary"), ==, 6);
  g_assert_cmpint (tandem_project_count (fixture.project, "node_group", NULL, NULL), ==, 2);
  ideas = tandem_project_count (fixture.project, "node", "kind", "change_idea");
  g_assert_cmpint (ideas, >=, 15);
  g_assert_cmpint (ideas, <=, 25);
  g_assert_cmpint (tandem_project_count (fixture.project, "node_tag", NULL, NULL), >, 20);
  g_assert_cmpint (tandem_project_count (fixture.project, "node_coproducer", NULL, NULL), >, 20);
  g_assert_cmpint (tandem_project_count (fixture.project, "pdsa_cycle", NULL, NULL), >=, 3);

  assert_links_within_diagrams (fixture.project, &shared_secondaries, &shared_ideas);
  g_assert_cmpuint (shared_secondaries, >=, 2);
  g_assert_cmpuint (shared_ideas, >=, 2);

  measures = tandem_project_list_ids (fixture.project, "measure", NULL, NULL, "position");
  g_assert_cmpuint (measures->len, ==, 4);
  for (guint i = 0; i < measures->len; i++)
    {
      gint64 points = tandem_project_count (fixture.project, "data_point", "measure_id",
                                            measures->pdata[i]);
      g_autofree char *chart = tandem_project_get_text (fixture.project, "measure",
                                                        measures->pdata[i], "chart_type");
      g_autofree char *rules = tandem_project_get_text (fixture.project, "measure",
                                                        measures->pdata[i], "rules");
      g_autofree char *name = tandem_project_get_text (fixture.project, "measure",
                                                       measures->pdata[i], "name");
      /* The care plan audit goes back to January 2025: its improvement is
       * held for more than a year (the standards' "sustained"). */
      gboolean long_history = g_str_equal (name, "Patients with a co-produced care plan");

      g_assert_cmpint (points, >=, 30);
      g_assert_cmpint (points, <=, long_history ? 100 : 60);
      g_assert_cmpstr (rules, ==, g_str_equal (chart, "run") ? "ihi" : "mdc");
      g_assert_cmpint (tandem_project_count (fixture.project, "measure_link", "measure_id",
                                             measures->pdata[i]), >=, 1);
      if (tandem_project_count (fixture.project, "phase", "measure_id", measures->pdata[i]) > 0)
        {
          with_phase++;
          if (!long_history)
            assert_restrictive_practice_shifts (fixture.project, measures->pdata[i]);
          g_assert_cmpint (tandem_project_count (fixture.project, "annotation", "measure_id",
                                                 measures->pdata[i]), >=, 2);
        }
    }
  g_assert_cmpuint (with_phase, ==, 2);

  sessions = tandem_project_list_ids (fixture.project, "coaching_session", NULL, NULL, NULL);
  g_assert_cmpuint (sessions->len, ==, 12);
  for (guint i = 0; i < sessions->len; i++)
    {
      gint64 n = tandem_project_count (fixture.project, "action", "session_id",
                                       sessions->pdata[i]);
      g_assert_cmpint (n, >=, 2);
      g_assert_cmpint (n, <=, 3);
      g_assert_cmpint (tandem_project_count (fixture.project, "attendance", "session_id",
                                             sessions->pdata[i]), >=, 3);
    }
  g_assert_cmpint (tandem_project_count (fixture.project, "coaching_session", "kind",
                                         "collaborative_workshop"), ==, 1);
  g_assert_cmpint (tandem_project_count (fixture.project, "coaching_session", "kind",
                                         "executive"), >=, 1);

  actions = tandem_project_list_ids (fixture.project, "action", NULL, NULL, NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      g_autofree char *status = tandem_project_get_text (fixture.project, "action",
                                                         actions->pdata[i], "status");
      g_autofree char *due_on = tandem_project_get_text (fixture.project, "action",
                                                         actions->pdata[i], "due_on");
      g_autofree char *closed_on = tandem_project_get_text (fixture.project, "action",
                                                            actions->pdata[i], "closed_on");
      g_autofree char *reason = tandem_project_get_text (fixture.project, "action",
                                                         actions->pdata[i], "reason");
      g_autofree char *from = tandem_project_get_text (fixture.project, "action",
                                                       actions->pdata[i], "carried_from");

      g_assert_nonnull (due_on);
      if (g_str_equal (status, "open"))
        g_assert_null (closed_on);
      else
        g_assert_nonnull (closed_on);
      if (g_str_equal (status, "dropped"))
        g_assert_nonnull (reason);
      if (g_str_equal (status, "open") && g_strcmp0 (due_on, TODAY) < 0)
        overdue++;
      if (from != NULL)
        {
          g_assert_true (tandem_project_exists (fixture.project, "action", from));
          carried++;
        }
    }
  g_assert_cmpuint (overdue, >=, 2);
  g_assert_cmpuint (carried, >=, 1);

  /* Lived experience is recorded only for the parts people chose to take. */
  people = tandem_project_list_ids (fixture.project, "person", NULL, NULL, NULL);
  g_assert_cmpuint (people->len, >=, 15);
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *role = tandem_project_get_text (fixture.project, "person",
                                                       people->pdata[i], "role");
      g_autofree char *flag = tandem_project_get_text (fixture.project, "person",
                                                       people->pdata[i],
                                                       "brings_lived_experience");
      gboolean lived = g_str_equal (role, "lived_experience_partner") ||
                       g_str_equal (role, "peer_support_worker") ||
                       g_str_equal (role, "expert_by_experience") ||
                       g_str_equal (role, "carer");

      g_assert_cmpstr (flag, ==, lived ? "1" : "0");
    }
  g_assert_cmpint (tandem_project_count (fixture.project, "person", "role", "senior_sponsor"),
                   ==, 3);

  g_assert_cmpint (tandem_project_count (fixture.project, "peer_role", NULL, NULL), ==, 2);
  g_assert_cmpint (tandem_project_count (fixture.project, "supervision", NULL, NULL), >, 5);
  g_assert_cmpint (tandem_project_count (fixture.project, "framework_status", NULL, NULL), >, 10);

  values = measure_values (fixture.project);
  g_assert_finalize_object (g_steal_pointer (&fixture.project));
  fixture.project = tandem_project_open (fixture.path, &error);
  g_assert_no_error (error);
  assert_check_good (fixture.path);

  /* Without the built-in content, the sample installs it; and it is the same
   * sample every time. */
  fixture_open (&again, FALSE);
  g_assert_true (tandem_sample_populate (again.project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (again.project, "equity_tag", NULL, NULL), ==, 12);
  g_assert_cmpint (tandem_project_count (again.project, "framework_item", NULL, NULL), ==, 36);
  values_again = measure_values (again.project);
  g_assert_cmpstr (values->str, ==, values_again->str);

  fixture_close (&again);
  fixture_close (&fixture);
}

/* The national sample's Culture of Care collaborative: twelve teams with
 * self-assessment rounds (half with a baseline before), staff and people
 * with lived experience scoring every standard; their levels spread from
 * none to Silver, and at least one latest round under the 75% of staff
 * that makes it count. */
static void
assert_national_standards (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsTeams) figures = tandem_standards_teams (project, &error);
  guint with_round = 0, short_of_staff = 0;
  guint at_level[TANDEM_N_STANDARD_LEVELS] = { 0, };
  guint no_level = 0;

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpuint (figures->teams->len, ==, 52);
  for (guint t = 0; t < figures->teams->len; t++)
    {
      const TandemTeamStandards *team = figures->teams->pdata[t];

      if (team->round_id == NULL)
        continue;
      with_round++;
      g_assert_cmpuint (team->n_staff, >=, 10);
      g_assert_cmpuint (team->n_lived, >=, 3);
      g_assert_cmpuint (team->n_scored, ==, 12);
      g_assert_cmpfloat (team->average, >=, 1.0);
      g_assert_cmpfloat (team->average, <=, 5.0);
      if (!team->completion_met)
        short_of_staff++;
      if (team->level == TANDEM_STANDARD_LEVEL_NONE)
        no_level++;
      else
        at_level[team->level]++;
    }
  g_assert_cmpuint (with_round, ==, 12);
  g_assert_cmpuint (short_of_staff, >=, 1);
  g_assert_cmpuint (short_of_staff, <, 12);
  g_assert_cmpuint (no_level, >=, 1);
  g_assert_cmpuint (at_level[TANDEM_STANDARD_LEVEL_BRONZE], >=, 1);
  g_assert_cmpuint (at_level[TANDEM_STANDARD_LEVEL_SILVER], >=, 1);
  g_assert_cmpint (tandem_project_count (project, "assessment_round", NULL, NULL), >, 12);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", "role", "staff"),
                   >, 12 * 10);
  g_assert_cmpint (tandem_project_count (project, "assessment_response", "role",
                                         "lived_experience_partner"), >, 12);
}

static void
test_national (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *race = NULL;
  Fixture fixture = { 0, };
  GStatBuf buf;
  gint64 start;
  guint shared_secondaries, shared_ideas;

  fixture_open (&fixture, TRUE);
  start = g_get_monotonic_time ();
  g_assert_true (tandem_sample_populate (fixture.project, TANDEM_SAMPLE_NATIONAL, &error));
  g_assert_no_error (error);
  g_test_message ("national sample made in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpint (tandem_project_count (fixture.project, "team", NULL, NULL), ==, 52);
  g_assert_cmpint (tandem_project_count (fixture.project, "person", NULL, NULL), ==, 52 * 12);
  g_assert_cmpint (tandem_project_count (fixture.project, "diagram", NULL, NULL), ==, 52);
  g_assert_cmpint (tandem_project_count (fixture.project, "node", "kind", "change_idea"),
                   ==, 3424);
  g_assert_cmpint (tandem_project_count (fixture.project, "node", "kind", "primary"),
                   ==, 52 * 4);
  g_assert_cmpint (tandem_project_count (fixture.project, "node", "kind", "secondary"),
                   ==, 52 * 8);
  race = find_tag (fixture.project, "Race and ethnicity");
  g_assert_nonnull (race);
  g_assert_cmpint (tandem_project_count (fixture.project, "node_tag", "tag_id", race), ==, 223);
  g_assert_cmpint (tandem_project_count (fixture.project, "node_tag", NULL, NULL), >, 2000);
  g_assert_cmpint (tandem_project_count (fixture.project, "coaching_session", NULL, NULL),
                   ==, 2600);
  g_assert_cmpint (tandem_project_count (fixture.project, "action", NULL, NULL), ==, 10400);
  g_assert_cmpint (tandem_project_count (fixture.project, "attendance", NULL, NULL), >, 2600);
  g_assert_cmpint (tandem_project_count (fixture.project, "measure", NULL, NULL), ==, 520);
  g_assert_cmpint (tandem_project_count (fixture.project, "data_point", NULL, NULL), ==, 54080);

  assert_links_within_diagrams (fixture.project, &shared_secondaries, &shared_ideas);
  g_assert_cmpuint (shared_secondaries, >, 52);
  g_assert_cmpuint (shared_ideas, >, 500);

  assert_national_standards (fixture.project);

  g_assert_finalize_object (g_steal_pointer (&fixture.project));
  g_assert_cmpint (g_stat (fixture.path, &buf), ==, 0);
  g_test_message ("national sample file: %.1f MB", buf.st_size / 1e6);
  assert_check_good (fixture.path);
  fixture.project = tandem_project_open (fixture.path, &error);
  g_assert_no_error (error);

  fixture_close (&fixture);
}

static void
set_clock (const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  tandem_clock_set_now (when);
}

/* The first column of the first row of @sql, with ?1 bound to @today. */
static char *
query_text (sqlite3    *db,
            const char *sql,
            const char *today)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (strstr (sql, "?1") != NULL)
    sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *today)
{
  g_autofree char *text = query_text (db, sql, today);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* What must not depend on the day the sample is made: how many rows of each
 * kind, the actions' statuses, the weekday of every session and data point
 * (Mondays stay Mondays), and every measure's values in order. */
static char *
sample_figures (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT group_concat (status || ':' || n, ' ') FROM "
    "  (SELECT status, count(*) AS n FROM action GROUP BY status ORDER BY status)",
    "SELECT group_concat (d || ':' || n, ' ') FROM (SELECT strftime ('%w', starts_at) AS d, "
    "  count(*) AS n FROM coaching_session GROUP BY d ORDER BY d)",
    "SELECT group_concat (d || ':' || n, ' ') FROM (SELECT strftime ('%w', date) AS d, "
    "  count(*) AS n FROM data_point GROUP BY d ORDER BY d)",
    "SELECT group_concat (value, ' ') FROM (SELECT p.value FROM data_point p "
    "  JOIN measure m ON m.id = p.measure_id ORDER BY m.name, p.date)",
    "SELECT group_concat (kind || ':' || n, ' ') FROM "
    "  (SELECT kind, count(*) AS n FROM supervision GROUP BY kind ORDER BY kind)",
  };
  GString *figures = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 20);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              (const char *) tables->pdata[i]);

      g_string_append_printf (figures, "%s=%" G_GINT64_FORMAT "\n",
                              (const char *) tables->pdata[i], query_int (db, sql, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *text = query_text (db, queries[i], NULL);

      g_string_append_printf (figures, "%s\n", text);
    }
  return g_string_free (figures, FALSE);
}

/* The sample is made around the day it is made: a coach who opens it years
 * from now (or whose computer is years behind) sees recent sessions, actions
 * due soon and one overdue, recent supervision and last week's data, and
 * the same figures as on the day it was written for. */
static void
test_ward_dated_from_today (void)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  };
  static const char * const days[] = {
    "2026-11-21T12:00:00Z", "2028-03-10T12:00:00Z", "2016-07-01T12:00:00Z",
    "2026-11-27T12:00:00Z",
  };
  g_autofree char *first_figures = NULL;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *today = NULL;
      g_autofree char *figures = NULL;
      g_autofree char *cpa_check = NULL;
      g_autofree char *cpa_month = NULL;
      g_autoptr(GDateTime) cpa_session = NULL;
      g_autofree char *expected_cpa = NULL;
      Fixture fixture = { 0, };
      sqlite3 *db = NULL;

      g_test_message ("the sample made on %s", days[d]);
      set_clock (days[d]);
      today = tandem_clock_dup_today ();
      fixture_open (&fixture, FALSE);
      g_assert_true (tandem_sample_populate (fixture.project, TANDEM_SAMPLE_WARD, &error));
      g_assert_no_error (error);
      assert_restrictive_by_ethnicity (fixture.project);
      assert_delderfield_standards (fixture.project);

      /* Grace's supervision is as regular as ever: about twice a month. */
      {
        g_autoptr(GPtrArray) teams = tandem_project_list_ids (fixture.project, "team", NULL,
                                                              NULL, "position");
        g_autoptr(TandemPeerSupportReport) report =
          tandem_peer_support_report_new (fixture.project, teams->pdata[0], today, &error);
        const TandemPeerRole *grace;

        g_assert_no_error (error);
        g_assert_cmpuint (report->roles->len, ==, 1);
        grace = report->roles->pdata[0];
        g_assert_cmpfloat (grace->per_month, >=, 1.9);
      }

      g_assert_cmpint (sqlite3_open_v2 (fixture.path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                       SQLITE_OK);
      /* A session within the last five weeks, and none still to come. */
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM coaching_session "
                                      "WHERE date (starts_at) >= date (?1, '-35 days')", today),
                       >=, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM coaching_session "
                                      "WHERE date (starts_at) > ?1", today), ==, 0);
      /* Open actions due in the coming two weeks, and at least one overdue. */
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM action WHERE status = 'open' "
                                      "AND due_on >= ?1 AND due_on <= date (?1, '+14 days')",
                                  today), >=, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM action WHERE status = 'open' "
                                      "AND due_on < ?1", today), >=, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM action "
                                      "WHERE closed_on > ?1", today), ==, 0);
      /* Supervision in the last month; data up to the last two weeks. */
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM supervision "
                                      "WHERE date >= date (?1, '-31 days') AND date <= ?1",
                                  today), >=, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM supervision WHERE date > ?1",
                                  today), ==, 0);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM data_point "
                                      "WHERE date >= date (?1, '-14 days')", today), >=, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM data_point WHERE date > ?1",
                                  today), ==, 0);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM peer_role WHERE start_date > ?1",
                                  today), ==, 0);

      /* Words that name a month name the month the dates are in. */
      cpa_check = query_text (db, "SELECT a.what || '|' || s.starts_at FROM action a "
                                  "JOIN coaching_session s ON s.id = a.session_id "
                                  "WHERE a.what LIKE 'Check that carers were invited%'", NULL);
      g_assert_nonnull (cpa_check);
      cpa_session = g_date_time_new_from_iso8601 (strchr (cpa_check, '|') + 1, NULL);
      g_assert_nonnull (cpa_session);
      cpa_month = g_date_time_format (cpa_session, "%m");
      expected_cpa = g_strdup_printf ("Check that carers were invited to every CPA review in %s|",
                                      months[atoi (cpa_month) - 1]);
      g_assert_true (g_str_has_prefix (cpa_check, expected_cpa));

      figures = sample_figures (db);
      sqlite3_close (db);
      if (first_figures == NULL)
        first_figures = g_steal_pointer (&figures);
      else
        g_assert_cmpstr (figures, ==, first_figures);
      fixture_close (&fixture);
    }
  set_clock (TODAY "T12:00:00Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The day the sample was written for, whatever the environment says. */
  set_clock (TODAY "T12:00:00Z");

  g_test_add_func ("/sample/defaults", test_defaults);
  g_test_add_func ("/sample/ward", test_ward);
  g_test_add_func ("/sample/ward-dated-from-today", test_ward_dated_from_today);
  g_test_add_func ("/sample/national", test_national);

  return g_test_run ();
}
