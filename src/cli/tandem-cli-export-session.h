/* tandem-cli-export-session.h — `tandem-cli export session`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_export_session (int    argc,
                               char **argv);

G_END_DECLS
