/* tandem-cli-merge.h — `tandem-cli merge THEIRS INTO_MINE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_merge (int    argc,
                      char **argv);

G_END_DECLS
