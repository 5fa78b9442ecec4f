/* tandem-sample.h — the sample project and the national benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemSampleScale:
 * @TANDEM_SAMPLE_WARD: three ward teams with a worked driver diagram,
 *   measures, coaching records and a peer-support tracker: the sample project
 *   people open to see what Tandem does
 * @TANDEM_SAMPLE_NATIONAL: a national programme of 52 teams, 3,424 change
 *   ideas, 2,600 coaching sessions and 520 measures, 12 of the teams with
 *   Culture of Care self-assessment rounds: for benchmarks and for trying
 *   Tandem at full scale
 */
typedef enum
{
  TANDEM_SAMPLE_WARD,
  TANDEM_SAMPLE_NATIONAL,
} TandemSampleScale;

gboolean tandem_sample_populate (TandemProject      *project,
                                 TandemSampleScale   scale,
                                 GError            **error);

/**
 * TandemSampleTeamFunc:
 * @index: the team's place in the sample, from 0
 * @name: the team's name
 * @user_data: what was given with the function
 * @error: return location for an error
 *
 * Makes the new, empty project that one team of a split sample goes in.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
typedef TandemProject *(*TandemSampleTeamFunc) (guint        index,
                                                const char  *name,
                                                gpointer     user_data,
                                                GError     **error);

gboolean tandem_sample_populate_split (TandemSampleScale      scale,
                                       TandemSampleTeamFunc   team_project,
                                       gpointer               user_data,
                                       GError               **error);

G_END_DECLS
