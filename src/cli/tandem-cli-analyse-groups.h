/* tandem-cli-analyse-groups.h — `tandem-cli analyse --by-group`: disparity between groups as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

gboolean tandem_cli_analyse_is_by_group      (int    argc,
                                              char **argv);
int      tandem_cli_analyse_groups_streams   (int    argc,
                                              char **argv,
                                              FILE  *in,
                                              FILE  *out,
                                              FILE  *err);

G_END_DECLS
