/* test-programme-standards.c — the programme's Standards level and heatmap:
 * a team with self-assessment rounds, a team without, a round that does
 * not count, checked against each team's own standards report and against
 * means worked out here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-programme.h"
#include "tandem-standards.h"
#include "tandem-test-core-util.h"

#define FROM "2026-01-01"
#define TO   "2026-11-21"

/* One response per row of @scores: the staff's scores for Safety and
 * Choice, 0 for none. */
static void
add_round (TandemProject *project,
           const char    *team,
           const char    *date,
           int            headcount,
           const int      scores[][2],
           guint          n_responses)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *round = tandem_assessment_round_add (project, team, date, headcount, &error);

  g_assert_no_error (error);
  for (guint r = 0; r < n_responses; r++)
    {
      g_autoptr(TandemAssessmentResponse) response =
        tandem_assessment_response_new (TANDEM_RESPONDENT_STAFF);
      g_autofree char *id = NULL;

      if (scores[r][0] > 0)
        tandem_assessment_response_add_score (response, "coc-safety", scores[r][0], NULL);
      if (scores[r][1] > 0)
        tandem_assessment_response_add_score (response, "coc-choice", scores[r][1], NULL);
      id = tandem_assessment_response_add (project, round, response, &error);
      g_assert_no_error (error);
    }
}

static const TandemProgrammeTeam *
find_team (TandemProgramme *programme,
           const char      *name)
{
  GPtrArray *files = tandem_programme_get_files (programme);

  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      for (guint t = 0; t < file->teams->len; t++)
        if (g_str_equal (((TandemProgrammeTeam *) file->teams->pdata[t])->name, name))
          return file->teams->pdata[t];
    }
  g_assert_not_reached ();
}

/* The team's own report, read with its own code, agrees with the programme. */
static void
assert_as_own_report (const char                *path,
                      const TandemProgrammeTeam *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = tandem_project_open (path, &error);
  g_autoptr(TandemStandardsReport) report = NULL;
  const TandemRoundFigures *latest;

  g_assert_no_error (error);
  report = tandem_standards_report (project, team->team_id, &error);
  g_assert_no_error (error);
  latest = report->rounds->pdata[report->rounds->len - 1];
  g_assert_cmpstr (latest->round->date, ==, team->standards->date);
  g_assert_cmpint (latest->completion_met, ==, team->standards->counts);
  g_assert_cmpint (report->level->level, ==, team->standards->level);
  g_assert_cmpfloat_with_epsilon (latest->average, team->standards->average, 1e-9);
  g_assert_cmpuint (latest->standards->len, ==, team->standards->scores->len);
  for (guint s = 0; s < latest->standards->len; s++)
    {
      const TandemStandardFigures *own = latest->standards->pdata[s];
      const TandemProgrammeStandardScore *score = team->standards->scores->pdata[s];

      g_assert_cmpstr (own->standard_id, ==, score->id);
      if (isnan (own->mean))
        g_assert_true (isnan (score->mean));
      else
        g_assert_cmpfloat_with_epsilon (own->mean, score->mean, 1e-9);
    }
}

static void
test_levels_and_heatmap (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-programme-standards-XXXXXX", &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *words = NULL;
  g_autofree char *json = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *level = NULL;
  const TandemProgrammeTeam *willow, *oak, *birch;
  const TandemProgrammeTotals *totals;
  const char *paths[2] = { NULL, NULL };
  static const int early[][2] = { { 1, 1 }, { 2, 1 } };
  static const int willow_scores[][2] = { { 4, 5 }, { 4, 4 }, { 5, 4 } };
  static const int birch_scores[][2] = { { 5, 5 } };

  g_assert_no_error (error);
  first = g_build_filename (dir, "Willow and Oak.tandem", NULL);
  second = g_build_filename (dir, "Birch.tandem", NULL);
  {
    g_autoptr(TandemProject) project = tandem_project_create (first, &error);
    g_autofree char *willow_id = NULL;
    g_autofree char *oak_id = NULL;

    g_assert_no_error (error);
    willow_id = add_team_or_die (project, "Willow Ward");
    oak_id = add_team_or_die (project, "Oak Ward");
    /* An earlier round: only the latest is shown. */
    add_round (project, willow_id, "2025-10-01", 4, early, G_N_ELEMENTS (early));
    add_round (project, willow_id, "2026-03-12", 4, willow_scores, G_N_ELEMENTS (willow_scores));
  }
  {
    g_autoptr(TandemProject) project = tandem_project_create (second, &error);
    g_autofree char *birch_id = NULL;

    g_assert_no_error (error);
    birch_id = add_team_or_die (project, "Birch Ward");
    /* One of ten staff: the round does not count. */
    add_round (project, birch_id, "2026-05-02", 10, birch_scores, G_N_ELEMENTS (birch_scores));
  }

  paths[0] = dir;
  programme = tandem_programme_open (paths, FROM, TO, &error);
  g_assert_no_error (error);
  willow = find_team (programme, "Willow Ward");
  oak = find_team (programme, "Oak Ward");
  birch = find_team (programme, "Birch Ward");

  /* Willow: Safety (4 + 4 + 5) / 3, Choice (5 + 4 + 4) / 3; the ten
   * others unscored; 3 of 4 staff took part. */
  g_assert_nonnull (willow->standards);
  g_assert_cmpstr (willow->standards->date, ==, "2026-03-12");
  g_assert_true (willow->standards->counts);
  g_assert_cmpuint (willow->standards->scores->len, ==, 12);
  g_assert_cmpstr (tandem_programme_standards_find (willow->standards, "coc-safety")->title, ==,
                   "Safety");
  g_assert_cmpfloat_with_epsilon (tandem_programme_standards_find (willow->standards,
                                                                   "coc-safety")->mean,
                                  13.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (tandem_programme_standards_find (willow->standards,
                                                                   "coc-choice")->mean,
                                  13.0 / 3, 1e-9);
  g_assert_true (isnan (tandem_programme_standards_find (willow->standards,
                                                         "coc-environment")->mean));
  g_assert_null (tandem_programme_standards_find (willow->standards, "coc-environment")->word);
  g_assert_cmpfloat_with_epsilon (willow->standards->average, 13.0 / 3, 1e-9);
  g_assert_cmpint (willow->standards->level, !=, TANDEM_STANDARD_LEVEL_NONE);
  assert_as_own_report (first, willow);
  assert_as_own_report (second, birch);

  /* Oak has no round: nothing, not zeros. */
  g_assert_null (oak->standards);
  g_assert_null (tandem_programme_describe_level (oak->standards));

  /* Birch: a level, but from a round that does not count. */
  g_assert_false (birch->standards->counts);
  g_assert_cmpfloat_with_epsilon (birch->standards->average, 5.0, 1e-9);
  level = tandem_programme_describe_level (birch->standards);
  g_assert_nonnull (strstr (level, "round of 2 May 2026, 1 of 10 staff, under 75%, so it does not count"));

  totals = tandem_programme_get_totals (programme);
  g_assert_cmpuint (totals->n_teams, ==, 3);
  g_assert_cmpuint (totals->n_teams_with_standards, ==, 2);
  g_assert_cmpuint (totals->n_teams_at_level[willow->standards->level], ==, 1);
  words = tandem_programme_describe_standards (totals);
  g_assert_nonnull (strstr (words, "1 of 3 teams at Bronze or above"));
  g_assert_nonnull (strstr (words, "2 with a self-assessment round"));

  columns = tandem_programme_list_standards (programme);
  g_assert_cmpuint (columns->len, ==, 12);

  json = tandem_programme_to_json (programme);
  g_assert_nonnull (strstr (json, "\"teams_with_a_standards_round\" : 2"));
  g_assert_nonnull (strstr (json, "\"round_date\" : \"2026-03-12\""));
  g_assert_nonnull (strstr (json, "\"standards\" : null"));
  g_assert_nonnull (strstr (json, "\"round_counts\" : false"));
  markdown = tandem_programme_to_markdown (programme);
  g_assert_nonnull (strstr (markdown, "## Standards heatmap"));
  g_assert_nonnull (strstr (markdown, "| Willow Ward | "));
  g_assert_null (strstr (markdown, "| Oak Ward | "));
  g_assert_nonnull (strstr (markdown, " 4.3 "));
  g_assert_nonnull (strstr (markdown, "- Standards: 1 of 3 teams at Bronze or above"));

  g_clear_object (&programme);
  g_unlink (first);
  g_unlink (second);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/programme/standards/levels-and-heatmap", test_levels_and_heatmap);
  return g_test_run ();
}
