/* test-standards-teams.c — the standards across the project: each team's
 * latest round, figures worked by hand and the same as the team's own
 * report, a team without rounds, a standard no one scored, Gold's
 * sustained outcomes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tandem-measure.h"
#include "tandem-standards-teams.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-standards-teams-XXXXXX", "teams.tandem",
                                            &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
}

static void
assert_close (double expected,
              double got)
{
  if (fabs (expected - got) > 1e-9)
    g_error ("expected %.10f, got %.10f", expected, got);
}

static char *
add_round (Fixture    *fixture,
           const char *team,
           const char *date,
           int         headcount)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_assessment_round_add (fixture->project, team, date, headcount, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A response scoring the standards @ids (NULL-terminated) with @scores. */
static void
respond (Fixture              *fixture,
         const char           *round,
         TandemRespondentRole  role,
         const char * const   *ids,
         const int            *scores)
{
  g_autoptr(TandemAssessmentResponse) response = tandem_assessment_response_new (role);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    tandem_assessment_response_add_score (response, ids[i], scores[i], NULL);
  id = tandem_assessment_response_add (fixture->project, round, response, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* A team placed after those already there, as the team selector adds one. */
static char *
add_team (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_team_create (fixture->project, name, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static TandemStandardsTeams *
teams_of (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TandemStandardsTeams *teams = tandem_standards_teams (fixture->project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (teams);
  return teams;
}

static guint
standard_at (const TandemStandardsTeams *teams,
             const char                 *id)
{
  for (guint s = 0; s < teams->framework->standards->len; s++)
    if (g_str_equal (((TandemStandard *) teams->framework->standards->pdata[s])->id, id))
      return s;
  g_error ("no standard %s", id);
  return 0;
}

/* Each team's column holds what its own report says of its latest round. */
static void
assert_same_as_report (Fixture                   *fixture,
                       const TandemTeamStandards *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStandardsReport) report = tandem_standards_report (fixture->project,
                                                                     team->team_id, &error);
  const TandemRoundFigures *latest;

  g_assert_no_error (error);
  g_assert_cmpint (team->level, ==, report->level->level);
  if (report->rounds->len == 0)
    {
      g_assert_null (team->round_id);
      return;
    }
  latest = report->rounds->pdata[report->rounds->len - 1];
  g_assert_cmpstr (team->round_id, ==, latest->round->id);
  g_assert_cmpstr (team->date, ==, latest->round->date);
  g_assert_cmpuint (team->n_staff, ==, latest->n_staff);
  g_assert_cmpuint (team->n_lived, ==, latest->n_lived);
  g_assert_cmpuint (team->n_scored, ==, latest->n_scored);
  g_assert_cmpint (team->completion_met, ==, latest->completion_met);
  g_assert_cmpint (isnan (team->completion), ==, isnan (latest->completion));
  g_assert_cmpint (isnan (team->average), ==, isnan (latest->average));
  if (!isnan (latest->average))
    assert_close (latest->average, team->average);
  for (guint s = 0; s < latest->standards->len; s++)
    {
      const TandemStandardFigures *one = latest->standards->pdata[s];

      g_assert_cmpint (isnan (team->means[s]), ==, isnan (one->mean));
      if (!isnan (one->mean))
        assert_close (one->mean, team->means[s]);
    }
}

/* Three teams: Willow with two rounds (the latest by date counts, whatever
 * the order they were added in), Oak with none, Ash with an empty round. */
static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *willow = add_team (fixture, "Willow Ward");
  g_autofree char *oak = add_team (fixture, "Oak Ward");
  g_autofree char *ash = add_team (fixture, "Ash Ward");
  g_autofree char *latest = add_round (fixture, willow, "2026-03-02", 4);
  g_autofree char *older = add_round (fixture, willow, "2025-09-01", 10);
  g_autofree char *empty = add_round (fixture, ash, "2026-01-05", 0);
  g_autoptr(TandemStandardsTeams) teams = NULL;
  const char *two[] = { "coc-lived-experience", "coc-safety", NULL };
  const TandemTeamStandards *w, *o, *a;

  respond (fixture, older, TANDEM_RESPONDENT_STAFF, two, (int[]) { 1, 1 });
  respond (fixture, latest, TANDEM_RESPONDENT_STAFF, two, (int[]) { 4, 3 });
  respond (fixture, latest, TANDEM_RESPONDENT_STAFF, two, (int[]) { 4, 3 });
  respond (fixture, latest, TANDEM_RESPONDENT_STAFF, two, (int[]) { 5, 4 });
  respond (fixture, latest, TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE, two, (int[]) { 2, 3 });
  respond (fixture, latest, TANDEM_RESPONDENT_CARER, two, (int[]) { 3, 4 });

  teams = teams_of (fixture);
  g_assert_cmpuint (teams->framework->standards->len, ==, 12);
  g_assert_cmpuint (teams->teams->len, ==, 3);
  w = teams->teams->pdata[0];
  o = teams->teams->pdata[1];
  a = teams->teams->pdata[2];
  g_assert_cmpstr (w->team_name, ==, "Willow Ward");
  g_assert_cmpstr (o->team_name, ==, "Oak Ward");
  g_assert_cmpstr (a->team_name, ==, "Ash Ward");

  g_assert_cmpstr (w->team_id, ==, willow);
  g_assert_cmpstr (w->round_id, ==, latest);
  g_assert_cmpstr (w->date, ==, "2026-03-02");
  g_assert_cmpint (w->headcount, ==, 4);
  g_assert_cmpuint (w->n_staff, ==, 3);
  g_assert_cmpuint (w->n_lived, ==, 2);
  assert_close (0.75, w->completion);
  g_assert_true (w->completion_met);
  assert_close (18.0 / 5, w->means[standard_at (teams, "coc-lived-experience")]);
  assert_close (17.0 / 5, w->means[standard_at (teams, "coc-safety")]);
  g_assert_true (isnan (w->means[standard_at (teams, "coc-choice")]));
  g_assert_cmpuint (w->n_scored, ==, 2);
  assert_close (3.5, w->average);
  g_assert_cmpint (w->level, ==, TANDEM_STANDARD_LEVEL_SILVER);

  g_assert_cmpstr (o->team_id, ==, oak);
  g_assert_null (o->round_id);
  g_assert_null (o->date);
  g_assert_cmpuint (o->n_staff + o->n_lived + o->n_scored, ==, 0);
  g_assert_true (isnan (o->average) && isnan (o->completion));
  for (guint s = 0; s < 12; s++)
    g_assert_true (isnan (o->means[s]));
  g_assert_cmpint (o->level, ==, TANDEM_STANDARD_LEVEL_NONE);

  g_assert_cmpstr (a->round_id, ==, empty);
  g_assert_cmpstr (a->date, ==, "2026-01-05");
  g_assert_cmpuint (a->n_staff, ==, 0);
  g_assert_true (isnan (a->average) && isnan (a->completion));
  g_assert_false (a->completion_met);
  g_assert_cmpint (a->level, ==, TANDEM_STANDARD_LEVEL_NONE);

  for (guint t = 0; t < teams->teams->len; t++)
    assert_same_as_report (fixture, teams->teams->pdata[t]);

  /* a round added since, with a later date, takes over the column */
  {
    g_autofree char *newest = add_round (fixture, willow, "2026-09-07", 2);
    const char *one[] = { "coc-choice", NULL };

    respond (fixture, newest, TANDEM_RESPONDENT_STAFF, one, (int[]) { 2 });
    g_clear_pointer (&teams, tandem_standards_teams_free);
    teams = teams_of (fixture);
    w = teams->teams->pdata[0];
    g_assert_cmpstr (w->round_id, ==, newest);
    g_assert_true (isnan (w->means[standard_at (teams, "coc-safety")]));
    assert_close (2, w->means[standard_at (teams, "coc-choice")]);
    assert_close (0.5, w->completion);
    g_assert_false (w->completion_met);
    g_assert_cmpint (w->level, ==, TANDEM_STANDARD_LEVEL_NONE);
    assert_same_as_report (fixture, w);
  }
}

/* An average of 4.25 is Silver until a measure linked as evidence shows
 * an improvement sustained for 12 months; then Gold, as on the team's page. */
static void
test_gold (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *team = add_team (fixture, "Willow Ward");
  g_autofree char *other = add_team (fixture, "Oak Ward");
  g_autofree char *round = add_round (fixture, team, "2026-03-02", 1);
  g_autofree char *other_round = add_round (fixture, other, "2026-03-02", 1);
  g_autofree char *measure = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(TandemStandardsTeams) teams = teams_of (fixture);
  g_autoptr(GString) sql = g_string_new ("INSERT INTO data_point (id, measure_id, date, value) VALUES ");
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(GError) error = NULL;
  const char *ids[13] = { NULL };
  int scores[12];
  TandemEvidence link = { 0 };

  for (guint i = 0; i < 12; i++)
    {
      ids[i] = ((TandemStandard *) teams->framework->standards->pdata[i])->id;
      scores[i] = i < 3 ? 5 : 4;   /* 51 / 12 = 4.25 */
    }
  respond (fixture, round, TANDEM_RESPONDENT_STAFF, ids, scores);
  respond (fixture, other_round, TANDEM_RESPONDENT_STAFF, ids, scores);
  g_clear_pointer (&teams, tandem_standards_teams_free);
  teams = teams_of (fixture);
  assert_close (4.25, ((TandemTeamStandards *) teams->teams->pdata[0])->average);
  g_assert_cmpint (((TandemTeamStandards *) teams->teams->pdata[0])->level, ==,
                   TANDEM_STANDARD_LEVEL_SILVER);

  /* 14 weeks of baseline about 10, then a phase and 54 weeks at 15 and 16 */
  measure = tandem_measure_add (fixture->project, team, "Activity hours", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 68; i++)
    {
      char date[11];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      g_string_append_printf (sql, "%s('%s-%u', '%s', '%s', %g)", i ? ", " : "", measure, i,
                              measure, date, i < 14 ? (i % 2 ? 11.0 : 9.0) : (i % 2 ? 16.0 : 15.0));
      if (i == 14)
        {
          TandemField fields[] = {
            { "measure_id", tandem_value_text (measure) },
            { "starts_on", tandem_value_text (date) },
            { "label", tandem_value_text ("The change") },
          };
          g_free (insert_or_die (fixture->project, "phase", fields, G_N_ELEMENTS (fields)));
        }
      g_date_add_days (day, 7);
    }
  run_sql_or_die (fixture->project, sql->str);
  link.team_id = team;
  link.standard_id = (char *) "coc-relationships";
  link.type_id = (char *) "coc-evidence-quantitative";
  link.level = TANDEM_STANDARD_LEVEL_NONE;
  link.measure_id = measure;
  evidence = tandem_evidence_add (fixture->project, &link, &error);
  g_assert_no_error (error);

  g_clear_pointer (&teams, tandem_standards_teams_free);
  teams = teams_of (fixture);
  g_assert_cmpint (((TandemTeamStandards *) teams->teams->pdata[0])->level, ==,
                   TANDEM_STANDARD_LEVEL_GOLD);
  g_assert_cmpint (((TandemTeamStandards *) teams->teams->pdata[1])->level, ==,
                   TANDEM_STANDARD_LEVEL_SILVER);
  for (guint t = 0; t < teams->teams->len; t++)
    assert_same_as_report (fixture, teams->teams->pdata[t]);
}

/* A project with no teams has no columns. */
static void
test_no_teams (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TandemStandardsTeams) teams = teams_of (fixture);

  g_assert_cmpuint (teams->teams->len, ==, 0);
  g_assert_cmpuint (teams->framework->standards->len, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/standards-teams/figures", test_figures);
  ADD ("/standards-teams/gold", test_gold);
  ADD ("/standards-teams/no-teams", test_no_teams);
#undef ADD

  return g_test_run ();
}
