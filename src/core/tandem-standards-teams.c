/* tandem-standards-teams.c — the standards across the project: each team's latest self-assessment side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The heatmap across the project needs every team's latest round at once,
 * so it is read in two queries over the whole file (the teams with their
 * latest round and its counts, then the sums of scores per standard in
 * those rounds) rather than one report per team. The figures are the ones
 * tandem_standards_round_figures() gives for the same round: everyone's
 * mean per standard, the mean of those means, and the staff's completion.
 * Only a team whose average would reach a level that needs sustained
 * outcomes has its linked measures' charts judged, as its own page does.
 */

#define G_LOG_DOMAIN "Tandem-Standards"

#include "config.h"

#include <math.h>

#include "tandem-db-private.h"
#include "tandem-standards-private.h"
#include "tandem-standards-teams.h"

/* A team's latest round: the last by date, then by when it was added, as
 * tandem_assessment_round_list() orders them. */
#define LATEST_ROUND(team) \
  "(SELECT l.id FROM assessment_round l WHERE l.team_id = " team " " \
  "ORDER BY l.date DESC, l.rowid DESC LIMIT 1)"

static void
team_standards_free (TandemTeamStandards *team)
{
  g_free (team->team_id);
  g_free (team->team_name);
  g_free (team->round_id);
  g_free (team->date);
  g_free (team->means);
  g_free (team);
}

void
tandem_standards_teams_free (TandemStandardsTeams *teams)
{
  if (teams == NULL)
    return;
  tandem_standards_framework_free (teams->framework);
  g_clear_pointer (&teams->teams, g_ptr_array_unref);
  g_free (teams);
}

static gboolean
read_teams (TandemProject        *project,
            TandemStandardsTeams *teams,
            GHashTable           *by_round,
            GError              **error)
{
  guint n_standards = teams->framework->standards->len;
  g_autoptr(TandemDbStmt) stmt =
    _tandem_db_query (project, error,
                      "SELECT t.id, t.name, r.id, r.date, r.headcount, "
                      "  (SELECT count (*) FROM assessment_response a "
                      "   WHERE a.round_id = r.id AND a.role = 'staff'), "
                      "  (SELECT count (*) FROM assessment_response a "
                      "   WHERE a.round_id = r.id AND a.role <> 'staff') "
                      "FROM team t LEFT JOIN assessment_round r ON r.id = " LATEST_ROUND ("t.id") " "
                      "ORDER BY t.position, t.id", "");
  TandemDbStep step = TANDEM_DB_FAILED;

  while (stmt != NULL && (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      TandemTeamStandards *team = g_new0 (TandemTeamStandards, 1);

      _tandem_db_assert_columns (stmt, 7);
      team->team_id = _tandem_db_column_text (stmt, 0);
      team->team_name = _tandem_db_column_text (stmt, 1);
      team->round_id = _tandem_db_column_text (stmt, 2);
      team->date = _tandem_db_column_text (stmt, 3);
      team->headcount = (int) _tandem_db_column_int (stmt, 4);
      team->n_staff = (guint) _tandem_db_column_int (stmt, 5);
      team->n_lived = (guint) _tandem_db_column_int (stmt, 6);
      team->means = g_new (double, n_standards + 1);
      for (guint s = 0; s < n_standards; s++)
        team->means[s] = NAN;
      team->average = NAN;
      team->level = TANDEM_STANDARD_LEVEL_NONE;
      if (team->headcount > 0)
        {
          team->completion = (double) team->n_staff / team->headcount;
          team->completion_met = team->n_staff * 100 >=
                                 (guint) team->headcount *
                                 (guint) (TANDEM_STANDARDS_COMPLETION_NEEDED * 100);
        }
      else
        team->completion = NAN;
      g_ptr_array_add (teams->teams, team);
      if (team->round_id != NULL)
        g_hash_table_insert (by_round, team->round_id, team);
    }
  return step == TANDEM_DB_DONE;
}

static gboolean
read_means (TandemProject        *project,
            TandemStandardsTeams *teams,
            GHashTable           *by_round,
            GError              **error)
{
  g_autoptr(GHashTable) by_standard = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step = TANDEM_DB_FAILED;

  for (guint s = 0; s < teams->framework->standards->len; s++)
    {
      const TandemStandard *standard = teams->framework->standards->pdata[s];

      g_hash_table_insert (by_standard, standard->id, GUINT_TO_POINTER (s + 1));
    }
  /* From each team's latest round to its responses to their scores, by
   * their indexes (CROSS JOIN keeps that order): not every score in the
   * file looked at with its round worked out again. */
  stmt = _tandem_db_query (project, error,
                           "WITH latest (id) AS MATERIALIZED "
                           "  (SELECT " LATEST_ROUND ("t.id") " FROM team t) "
                           "SELECT a.round_id, s.standard_id, sum (s.score), count (*) "
                           "FROM latest "
                           "CROSS JOIN assessment_response a ON a.round_id = latest.id "
                           "CROSS JOIN assessment_score s ON s.response_id = a.id "
                           "WHERE s.score BETWEEN 1 AND 5 "
                           "GROUP BY a.round_id, s.standard_id", "");
  while (stmt != NULL && (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      const char *round_id, *standard_id;
      TandemTeamStandards *team;
      guint s;
      gint64 n;

      _tandem_db_assert_columns (stmt, 4);
      round_id = _tandem_db_column_peek (stmt, 0);
      standard_id = _tandem_db_column_peek (stmt, 1);
      n = _tandem_db_column_int (stmt, 3);
      team = round_id ? g_hash_table_lookup (by_round, round_id) : NULL;
      s = standard_id ? GPOINTER_TO_UINT (g_hash_table_lookup (by_standard, standard_id)) : 0;
      if (team == NULL || s == 0 || n <= 0)
        continue;
      team->means[s - 1] = _tandem_db_column_double (stmt, 2) / (double) n;
    }
  return step == TANDEM_DB_DONE;
}

/* Whether a measure linked as the team's evidence shows an improvement
 * sustained for 12 months, as the team's own level is worked out. */
static gboolean
shows_sustained_outcomes (TandemProject  *project,
                          const char     *team_id,
                          gboolean       *sustained,
                          GError        **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TandemDbStmt) stmt =
    _tandem_db_query (project, error,
                      "SELECT DISTINCT measure_id FROM standard_evidence "
                      "WHERE team_id = ?1 AND measure_id IS NOT NULL ORDER BY measure_id",
                      "s", team_id);
  TandemDbStep step = TANDEM_DB_FAILED;

  *sustained = FALSE;
  while (stmt != NULL && (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_ROW)
    {
      _tandem_db_assert_columns (stmt, 1);
      g_ptr_array_add (ids, _tandem_db_column_text (stmt, 0));
    }
  if (step != TANDEM_DB_DONE)
    return FALSE;
  g_clear_pointer (&stmt, _tandem_db_release);
  for (guint i = 0; i < ids->len && !*sustained; i++)
    {
      g_autoptr(TandemMeasure) measure = tandem_measure_load (project, ids->pdata[i], error);
      g_autoptr(TandemMeasureJudgement) judgement = NULL;

      if (measure == NULL)
        return FALSE;
      judgement = tandem_standards_judge_measure (measure);
      *sustained = judgement->sustained;
    }
  return TRUE;
}

static gboolean
work_out_levels (TandemProject        *project,
                 TandemStandardsTeams *teams,
                 GError              **error)
{
  for (guint t = 0; t < teams->teams->len; t++)
    {
      TandemTeamStandards *team = teams->teams->pdata[t];
      double total = 0;
      gboolean sustained = FALSE;
      int without, with;

      for (guint s = 0; s < teams->framework->standards->len; s++)
        if (!isnan (team->means[s]))
          total += team->means[s], team->n_scored++;
      team->average = team->n_scored > 0 ? total / team->n_scored : NAN;
      without = tandem_standards_framework_level_for (teams->framework, team->average, FALSE);
      with = tandem_standards_framework_level_for (teams->framework, team->average, TRUE);
      if (with != without &&
          !shows_sustained_outcomes (project, team->team_id, &sustained, error))
        return FALSE;
      team->level = sustained ? with : without;
    }
  return TRUE;
}

/**
 * tandem_standards_teams:
 * @project: a project
 * @error: return location for an error
 *
 * Every team of the project with the figures of its latest
 * self-assessment round: the round's date, completion against its
 * headcount, each standard's mean (everyone's scores), the average of the
 * standards' means and the level it reaches, the same figures as the
 * team's own report. A team with no round is listed with no round and no
 * figures. Two queries read the whole project.
 *
 * Returns: (transfer full) (nullable): the figures
 */
TandemStandardsTeams *
tandem_standards_teams (TandemProject  *project,
                        GError        **error)
{
  g_autoptr(TandemStandardsTeams) teams = g_new0 (TandemStandardsTeams, 1);
  g_autoptr(GHashTable) by_round = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  teams->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) team_standards_free);
  if ((teams->framework = tandem_standards_framework_load (project, error)) == NULL ||
      !read_teams (project, teams, by_round, error) ||
      !read_means (project, teams, by_round, error) ||
      !work_out_levels (project, teams, error))
    return NULL;
  return g_steal_pointer (&teams);
}
