/* tandem-cli-export-peer-support.h — `tandem-cli export peer-support`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_export_peer_support (int    argc,
                                    char **argv);

G_END_DECLS
