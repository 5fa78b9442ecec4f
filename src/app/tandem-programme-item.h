/* tandem-programme-item.h — one team of a programme, as a row of its table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-chart.h"
#include "tandem-programme.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAMME_ITEM (tandem_programme_item_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgrammeItem, tandem_programme_item, TANDEM, PROGRAMME_ITEM, GObject)

/* The table's columns, in order; each names the item's property it sorts by. */
typedef enum
{
  TANDEM_PROGRAMME_COLUMN_TEAM,
  TANDEM_PROGRAMME_COLUMN_FILE,
  TANDEM_PROGRAMME_COLUMN_IDEAS,
  TANDEM_PROGRAMME_COLUMN_RACE_SHARE,
  TANDEM_PROGRAMME_COLUMN_COPRODUCTION_SHARE,
  TANDEM_PROGRAMME_COLUMN_PDSA_RECENT,
  TANDEM_PROGRAMME_COLUMN_SESSIONS_RECENT,
  TANDEM_PROGRAMME_COLUMN_ACTIONS,
  TANDEM_PROGRAMME_COLUMN_LIVED_EXPERIENCE_SHARE,
  TANDEM_PROGRAMME_COLUMN_MEASURES_IMPROVING,
  TANDEM_PROGRAMME_COLUMN_PEER_SUPPORT_PROGRESS,
  TANDEM_PROGRAMME_COLUMN_STANDARDS_LEVEL,
  TANDEM_PROGRAMME_N_COLUMNS,
} TandemProgrammeColumn;

TandemProgrammeItem *tandem_programme_item_new           (const TandemProgrammeTeam *team);
const char          *tandem_programme_item_get_path      (TandemProgrammeItem       *self);
const char          *tandem_programme_item_get_team_id   (TandemProgrammeItem       *self);
const char          *tandem_programme_item_get_team_name (TandemProgrammeItem       *self);
const char          *tandem_programme_column_property    (TandemProgrammeColumn      column);
const char          *tandem_programme_column_title       (TandemProgrammeColumn      column);
gboolean             tandem_programme_column_is_number   (TandemProgrammeColumn      column);
gboolean             tandem_programme_column_sorts_by_number (TandemProgrammeColumn  column);
char                *tandem_programme_item_dup_text      (TandemProgrammeItem       *self,
                                                          TandemProgrammeColumn      column);
gboolean             tandem_programme_item_matches       (TandemProgrammeItem       *self,
                                                          const char                *folded);
gboolean             tandem_programme_item_needs_attention (TandemProgrammeItem     *self);
char                *tandem_programme_item_dup_attention (TandemProgrammeItem       *self);
GPtrArray           *tandem_programme_item_get_measure_links (TandemProgrammeItem   *self);
const TandemProgrammeStandards *tandem_programme_item_get_standards (TandemProgrammeItem *self);
const char          *tandem_programme_column_page        (TandemProgrammeColumn      column);

void                 tandem_programme_item_load_chart    (TandemProgrammeItem       *self);
TandemChart         *tandem_programme_item_get_chart     (TandemProgrammeItem       *self);
const char          *tandem_programme_item_get_chart_problem (TandemProgrammeItem   *self);

G_END_DECLS
