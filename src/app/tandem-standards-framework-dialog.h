/* tandem-standards-framework-dialog.h — adapt the framework: the levels' averages, the scores' words, the standards' names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-project.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_STANDARDS_FRAMEWORK_DIALOG (tandem_standards_framework_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemStandardsFrameworkDialog, tandem_standards_framework_dialog, TANDEM,
                      STANDARDS_FRAMEWORK_DIALOG, AdwWindow)

TandemStandardsFrameworkDialog *tandem_standards_framework_dialog_new
                                                     (GtkWindow                      *parent,
                                                      TandemProject                  *project,
                                                      GError                        **error);
GtkSpinButton *tandem_standards_framework_dialog_get_threshold
                                                     (TandemStandardsFrameworkDialog *self,
                                                      int                             level);
GtkEditable   *tandem_standards_framework_dialog_get_word
                                                     (TandemStandardsFrameworkDialog *self,
                                                      int                             score);
GtkEditable   *tandem_standards_framework_dialog_get_title
                                                     (TandemStandardsFrameworkDialog *self,
                                                      guint                           index);

G_END_DECLS
