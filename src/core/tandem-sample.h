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
 *   ideas, 2,600 coaching sessions and 520 measures: for benchmarks and for
 *   trying Tandem at full scale
 */
typedef enum
{
  TANDEM_SAMPLE_WARD,
  TANDEM_SAMPLE_NATIONAL,
} TandemSampleScale;

gboolean tandem_sample_populate (TandemProject      *project,
                                 TandemSampleScale   scale,
                                 GError            **error);

G_END_DECLS
