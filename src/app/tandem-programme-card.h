/* tandem-programme-card.h — one team's card among the programme's small
 * multiples: its name, why it needs attention, and its key measure's chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-programme-item.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRAMME_CARD (tandem_programme_card_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgrammeCard, tandem_programme_card, TANDEM, PROGRAMME_CARD, GtkBox)

GtkWidget *tandem_programme_card_new    (void);
void       tandem_programme_card_bind   (TandemProgrammeCard *self,
                                         TandemProgrammeItem *item);
void       tandem_programme_card_unbind (TandemProgrammeCard *self);

G_END_DECLS
