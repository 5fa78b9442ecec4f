/* bench-standards-teams.c — the standards × teams heatmap across the
 * national sample: every team's latest self-assessment round at once
 *
 * Budget (issue 17): under 50 ms for the national sample's 52 teams. The
 * sample gives only 12 of its teams rounds, so each team but every ninth
 * is given two more rounds six months apart, of 10 to 24 respondents
 * scoring all twelve standards (a few left unanswered), before the figures
 * are timed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-standards-teams.h"
#include "tandem-team.h"
#include "tandem-test-core-util.h"

#define ROUNDS 20
#define BUDGET 50.0

/* Scores that differ by team and standard but are the same every run. */
static void
add_round (TandemProject                  *project,
           const TandemStandardsFramework *framework,
           const char                     *team_id,
           const char                     *date,
           guint                           seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *round = tandem_assessment_round_add (project, team_id, date, 24, &error);
  g_autoptr(TandemSurveyImport) survey = g_new0 (TandemSurveyImport, 1);
  GRand *rand = g_rand_new_with_seed (seed);
  guint n = 10 + g_rand_int_range (rand, 0, 15);
  int base = g_rand_int_range (rand, 1, 5);

  g_assert_no_error (error);
  /* a round's responses saved as one change, as an imported survey is */
  survey->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_assessment_response_free);
  survey->problems = g_ptr_array_new ();
  for (guint r = 0; r < n; r++)
    {
      TandemAssessmentResponse *response =
        tandem_assessment_response_new (r % 5 == 4 ? TANDEM_RESPONDENT_EXPERT_BY_EXPERIENCE
                                                   : TANDEM_RESPONDENT_STAFF);

      for (guint s = 0; s < framework->standards->len; s++)
        {
          int score = base + g_rand_int_range (rand, -1, 2);

          if (g_rand_int_range (rand, 0, 20) > 0)
            tandem_assessment_response_add_score (response,
                                                  ((TandemStandard *) framework->standards->pdata[s])->id,
                                                  CLAMP (score, 1, 5), NULL);
        }
      g_ptr_array_add (survey->responses, response);
    }
  g_assert_true (tandem_standards_save_survey (project, round, survey, &error));
  g_assert_no_error (error);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  double times[ROUNDS];
  guint n_teams = 0, n_rounds = 0;
  double m, w;

  project = create_sample_in_tmp ("tandem-bench-XXXXXX", "National.tandem", TANDEM_SAMPLE_NATIONAL,
                                  &dir, NULL);
  framework = tandem_standards_framework_load (project, &error);
  g_assert_no_error (error);
  teams = tandem_team_list (project, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < teams->len; t++)
    {
      const TandemTeam *team = teams->pdata[t];

      if (t % 9 == 4)
        continue;
      add_round (project, framework, team->id, "2025-11-03", t * 2 + 1);
      add_round (project, framework, team->id, "2026-05-04", t * 2 + 2);
    }

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(TandemStandardsTeams) figures = NULL;
      gint64 start = g_get_monotonic_time ();

      figures = tandem_standards_teams (project, &error);
      times[i] = ms_since (start);
      g_assert_no_error (error);
      n_teams = figures->teams->len;
      n_rounds = 0;
      for (guint t = 0; t < figures->teams->len; t++)
        if (((TandemTeamStandards *) figures->teams->pdata[t])->round_id != NULL)
          n_rounds++;
    }
  g_assert_cmpuint (n_teams, ==, 52);
  m = median (times, ROUNDS);
  w = worst (times, ROUNDS);
  g_print ("standards × teams, %u teams (%u with rounds): best %.2f ms, median %.2f ms, "
           "worst %.2f ms (budget %.0f ms)\n", n_teams, n_rounds, times[0], m, w, BUDGET);
  g_clear_object (&project);
  free_tmp (&dir, NULL);
  /* Judged on the median: a shared machine's worst run says more about the
   * machine than the code. */
  return m <= BUDGET ? 0 : 1;
}
