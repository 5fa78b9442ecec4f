/* tandem-coaching-item.h — one row of the Coaching page's lists: a session,
 * a team of the caseload, an open action, or the words for an empty list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-coaching.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_ITEM (tandem_coaching_item_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingItem, tandem_coaching_item, TANDEM, COACHING_ITEM, GObject)

TandemCoachingItem *tandem_coaching_item_new_session     (const TandemSession      *session,
                                                          gboolean                  with_team);
TandemCoachingItem *tandem_coaching_item_new_team        (const TandemCaseloadTeam *team);
TandemCoachingItem *tandem_coaching_item_new_action      (const TandemAction       *action,
                                                          const char               *today);
TandemCoachingItem *tandem_coaching_item_new_placeholder (const char               *text);
const char         *tandem_coaching_item_get_id          (TandemCoachingItem       *self);
const char         *tandem_coaching_item_get_team_id     (TandemCoachingItem       *self);
const char         *tandem_coaching_item_get_title       (TandemCoachingItem       *self);
const char         *tandem_coaching_item_get_subtitle    (TandemCoachingItem       *self);
gboolean            tandem_coaching_item_get_private     (TandemCoachingItem       *self);
gboolean            tandem_coaching_item_get_overdue     (TandemCoachingItem       *self);

GtkWidget          *tandem_coaching_item_create_row      (gpointer                  item,
                                                          gpointer                  user_data);
void                tandem_coaching_item_store_update    (GListStore               *store,
                                                          GPtrArray                *items);
TandemCoachingItem *tandem_coaching_item_store_get       (GListModel               *model,
                                                          GtkListBoxRow            *row);

G_END_DECLS
