/* tandem-standards-teams.h — the standards across the project: each team's latest self-assessment side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-standards.h"

G_BEGIN_DECLS

/**
 * TandemTeamStandards:
 * @team_id: the team
 * @team_name: its name
 * @round_id: (nullable): its latest round, %NULL if it has none
 * @date: (nullable): that round's date, yyyy-mm-dd
 * @headcount: the staff headcount of that round, 0 if not known
 * @n_staff: staff responses in that round
 * @n_lived: responses of people with lived experience in that round
 * @completion: @n_staff out of the headcount, NAN if it is not known
 * @completion_met: at least 75% of the staff took part
 * @means: (array): each standard's mean score in that round, in the
 *   framework's order, NAN where no one scored it (or with no round)
 * @average: the mean of the standards' means, NAN if none was scored
 * @n_scored: how many standards were scored
 * @level: the level the average reaches (with Gold's sustained outcomes
 *   judged from the team's evidence as its own page does), or
 *   %TANDEM_STANDARD_LEVEL_NONE
 *
 * One team's column of the standards × teams heatmap.
 */
typedef struct
{
  char     *team_id;
  char     *team_name;
  char     *round_id;
  char     *date;
  int       headcount;
  guint     n_staff;
  guint     n_lived;
  double    completion;
  gboolean  completion_met;
  double   *means;
  double    average;
  guint     n_scored;
  int       level;
} TandemTeamStandards;

/**
 * TandemStandardsTeams:
 * @framework: the framework (its standards are the rows)
 * @teams: (element-type TandemTeamStandards): every team, in the teams'
 *   order
 *
 * Every team's standards from its latest round, for the heatmap across the
 * project and `tandem-cli standards teams`.
 */
typedef struct
{
  TandemStandardsFramework *framework;
  GPtrArray                *teams;
} TandemStandardsTeams;

TandemStandardsTeams *tandem_standards_teams      (TandemProject         *project,
                                                   GError               **error);
void                  tandem_standards_teams_free (TandemStandardsTeams  *teams);
char                 *tandem_standards_teams_to_json (const TandemStandardsTeams *teams);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemStandardsTeams, tandem_standards_teams_free)

G_END_DECLS
