/* tandem-cli-export.h — `tandem-cli export KIND …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each kind of export: argv[0] is the kind (“chart”, “diagram”…). */
typedef int (*TandemCliExportFunc) (int argc, char **argv);

int tandem_cli_export (int    argc,
                       char **argv);

G_END_DECLS
