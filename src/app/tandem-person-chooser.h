/* tandem-person-chooser.h — choose one of a team's people by typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_PERSON_CHOOSER (tandem_person_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TandemPersonChooser, tandem_person_chooser, TANDEM, PERSON_CHOOSER, GtkWidget)

GtkWidget  *tandem_person_chooser_new           (const char          *title,
                                                 gboolean             keeps_choice);
void        tandem_person_chooser_set_team      (TandemPersonChooser *self,
                                                 TandemProject       *project,
                                                 const char          *team_id);
const char *tandem_person_chooser_get_person_id (TandemPersonChooser *self);
void        tandem_person_chooser_set_person_id (TandemPersonChooser *self,
                                                 const char          *person_id);
GtkEditable *tandem_person_chooser_get_entry    (TandemPersonChooser *self);
guint       tandem_person_chooser_get_n_matches (TandemPersonChooser *self);
const char *tandem_person_chooser_get_match     (TandemPersonChooser *self,
                                                 guint                index);
gboolean    tandem_person_chooser_choose        (TandemPersonChooser *self,
                                                 guint                index);

G_END_DECLS
