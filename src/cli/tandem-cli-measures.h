/* tandem-cli-measures.h — `tandem-cli export chart` and `tandem-cli import data`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_export_chart (int    argc,
                             char **argv);
int tandem_cli_import       (int    argc,
                             char **argv);

G_END_DECLS
