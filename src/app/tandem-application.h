/* tandem-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_APPLICATION (tandem_application_get_type ())

G_DECLARE_FINAL_TYPE (TandemApplication, tandem_application, TANDEM, APPLICATION, AdwApplication)

TandemApplication *tandem_application_new             (void);
const char        *tandem_application_get_author      (TandemApplication *self);
GSettings         *tandem_application_get_settings    (TandemApplication *self);
char              *tandem_application_dup_sample_path (TandemApplication  *self,
                                                       GError            **error);

G_END_DECLS
