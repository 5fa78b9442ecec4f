/* tandem-cli-analyse.h — `tandem-cli analyse`: a measure's chart as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_analyse         (int    argc,
                                char **argv);
int tandem_cli_analyse_streams (int    argc,
                                char **argv,
                                FILE  *in,
                                FILE  *out,
                                FILE  *err);

G_END_DECLS
