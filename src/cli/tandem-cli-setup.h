/* tandem-cli-setup.h — `tandem-cli team …` and `tandem-cli measure …`: a project set up by script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_team    (int    argc,
                        char **argv);
int tandem_cli_measure (int    argc,
                        char **argv);

G_END_DECLS
