/* tandem-cli-export-diagram.h — `tandem-cli export diagram`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_export_diagram (int    argc,
                               char **argv);

G_END_DECLS
