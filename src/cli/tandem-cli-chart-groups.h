/* tandem-cli-chart-groups.h — `tandem-cli chart --by-group`: a broken-down measure's chart, no project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_chart_groups (int    argc,
                             char **argv);

G_END_DECLS
