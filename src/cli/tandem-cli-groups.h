/* tandem-cli-groups.h — measures broken down by group in a project: `measure breakdown`, `import groups`, `grouping …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-project.h"

G_BEGIN_DECLS

int tandem_cli_measure_breakdown (int    argc,
                                  char **argv);
int tandem_cli_import_groups     (int    argc,
                                  char **argv);
int tandem_cli_grouping          (int    argc,
                                  char **argv);

char *tandem_cli_find_measure    (TandemProject  *project,
                                  const char     *name,
                                  const char     *team,
                                  GError        **error);

G_END_DECLS
