/* tandem-cli-standards.h — Culture of Care standards on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_standards        (int    argc,
                                 char **argv);
int tandem_cli_export_standards (int    argc,
                                 char **argv);

G_END_DECLS
