/* tandem-breakdown-private.h — what the breakdown files share: names
 * matched to categories, data by group as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-breakdown.h"
#include "tandem-db-private.h"

G_BEGIN_DECLS

#define _TANDEM_BREAKDOWN_POINT_COLUMNS "id, category_id, date, count, denominator"

/* A TandemBreakdownPoint as a row of _TANDEM_BREAKDOWN_POINT_COLUMNS. */
extern const TandemDbShape _tandem_breakdown_point_shape;

char                      *_tandem_breakdown_fold           (const char *text);
const TandemGroupCategory *_tandem_breakdown_match_category (GPtrArray  *categories,
                                                             const char *text,
                                                             gboolean   *broad);
gboolean                   _tandem_breakdown_get_with_categories (TandemProject    *project,
                                                                  const char       *measure_id,
                                                                  TandemBreakdown **breakdown,
                                                                  GPtrArray       **categories,
                                                                  GError          **error);

G_END_DECLS
