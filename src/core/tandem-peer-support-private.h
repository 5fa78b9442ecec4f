/* tandem-peer-support-private.h — what the peer-support files share:
 * reading the file, dates and freeing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "tandem-db-private.h"
#include "tandem-peer-support.h"

G_BEGIN_DECLS

static inline gboolean
date_from_iso (const char *iso,
               GDate      *date)
{
  unsigned year = 0, month = 0, day = 0;
  char extra;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static inline void
stage_progress_free (gpointer data)
{
  TandemStageProgress *stage = data;

  g_free (stage->stage);
  g_free (stage);
}

static inline void
team_progress_free (gpointer data)
{
  TandemTeamProgress *team = data;

  g_free (team->team_id);
  g_free (team->team_name);
  g_clear_pointer (&team->stages, g_ptr_array_unref);
  g_free (team);
}

G_END_DECLS
