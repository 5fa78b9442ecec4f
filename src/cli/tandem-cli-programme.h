/* tandem-cli-programme.h — `programme report`: many teams' files read
 * together into one report; `sample --split`: the national sample as one
 * file per team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tandem_cli_programme    (int          argc,
                             char       **argv);
int tandem_cli_sample_split (const char  *dir);

G_END_DECLS
