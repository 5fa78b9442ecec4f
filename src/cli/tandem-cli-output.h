/* tandem-cli-output.h — what an export makes from a project opened for
 * reading is kept only once the project's structural check has passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemCliWriteFunc:
 * @path: the file to write
 * @user_data: the caller's data
 * @error: return location for an error
 *
 * Writes an export to @path.
 *
 * Returns: %TRUE if the file was written
 */
typedef gboolean (*TandemCliWriteFunc) (const char  *path,
                                        gpointer     user_data,
                                        GError     **error);

gboolean tandem_cli_confirm_intact     (gpointer             project,
                                        GError             **error);
gboolean tandem_cli_fail_if_damaged    (TandemProject       *project);
int      tandem_cli_fail_reading       (TandemProject       *project,
                                        const GError        *error);
gboolean tandem_cli_write_confirmed    (TandemProject       *project,
                                        const char          *output,
                                        TandemCliWriteFunc   write,
                                        gpointer             user_data,
                                        GError             **error);

G_END_DECLS
