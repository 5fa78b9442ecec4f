/* tandem-cli-output.h — what an export makes from a project opened for
 * reading is kept only once the project's structural check has passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-project.h"

G_BEGIN_DECLS

gboolean tandem_cli_confirm_intact     (gpointer             project,
                                        GError             **error);
gboolean tandem_cli_fail_if_damaged    (TandemProject       *project);
char    *tandem_cli_find_team_for_reading (TandemProject     *project,
                                           const char        *name);
int      tandem_cli_fail_reading       (TandemProject       *project,
                                        const GError        *error);
gboolean tandem_cli_refuse_output      (const char          *output,
                                        gboolean             binary);

G_END_DECLS
