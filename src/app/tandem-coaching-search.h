/* tandem-coaching-search.h — what a search of every team's sessions and
 * actions found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_SEARCH (tandem_coaching_search_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingSearch, tandem_coaching_search, TANDEM, COACHING_SEARCH, AdwBin)

GtkWidget     *tandem_coaching_search_new         (void);
TandemProject *tandem_coaching_search_get_project (TandemCoachingSearch *self);
void           tandem_coaching_search_set_project (TandemCoachingSearch *self,
                                                   TandemProject        *project);
const char    *tandem_coaching_search_get_text    (TandemCoachingSearch *self);
void           tandem_coaching_search_set_text    (TandemCoachingSearch *self,
                                                   const char           *text);
void           tandem_coaching_search_run         (TandemCoachingSearch *self);
guint          tandem_coaching_search_get_n_hits  (TandemCoachingSearch *self);

G_END_DECLS
