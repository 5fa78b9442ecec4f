/* tandem-coaching-templates-dialog.h — Your Templates: rename or delete the
 * coach's own session templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_COACHING_TEMPLATES_DIALOG (tandem_coaching_templates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemCoachingTemplatesDialog, tandem_coaching_templates_dialog, TANDEM,
                      COACHING_TEMPLATES_DIALOG, AdwMessageDialog)

TandemCoachingTemplatesDialog *tandem_coaching_templates_dialog_new
                                                  (GtkWindow                     *parent,
                                                   TandemProject                 *project);
void      tandem_coaching_templates_dialog_reload (TandemCoachingTemplatesDialog *self);
guint     tandem_coaching_templates_dialog_get_n_templates
                                                  (TandemCoachingTemplatesDialog *self);
gboolean  tandem_coaching_templates_dialog_get_editable
                                                  (TandemCoachingTemplatesDialog *self);
void      tandem_coaching_templates_dialog_set_editable
                                                  (TandemCoachingTemplatesDialog *self,
                                                   gboolean                       editable);

G_END_DECLS
