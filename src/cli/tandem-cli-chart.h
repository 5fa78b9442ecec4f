/* tandem-cli-chart.h — `tandem-cli chart`: a CSV file straight to a chart, no project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_chart (int    argc,
                      char **argv);

G_END_DECLS
