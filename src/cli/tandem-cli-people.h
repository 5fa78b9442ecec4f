/* tandem-cli-people.h — `tandem-cli person add|list|edit|deactivate|merge|import`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_person (int    argc,
                       char **argv);

G_END_DECLS
