/* tandem-cli-analyse.h — `tandem-cli analyse`: a measure's chart as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include "tandem-spc.h"

G_BEGIN_DECLS

/* The analysis options `analyse` and `chart` share, as given. */
typedef struct
{
  char      *chart;
  char      *rules;
  char      *freeze;
  char     **parts;
  char     **exclude;
  gboolean   no_screen;
  char      *multiply;
  char      *direction;
  char      *target;
} TandemCliSpcArguments;

void     tandem_cli_spc_arguments_add_entries (TandemCliSpcArguments       *args,
                                               GOptionContext              *context);
void     tandem_cli_spc_arguments_clear       (TandemCliSpcArguments       *args);
gboolean tandem_cli_spc_arguments_apply       (const TandemCliSpcArguments *args,
                                               TandemSpcOptions            *options,
                                               GArray                      *parts,
                                               GArray                      *exclude,
                                               FILE                        *err);
gboolean tandem_cli_spc_check_points          (GArray                      *parts,
                                               GArray                      *exclude,
                                               gsize                        n_points,
                                               FILE                        *err);

int tandem_cli_analyse         (int    argc,
                                char **argv);
int tandem_cli_analyse_streams (int    argc,
                                char **argv,
                                FILE  *in,
                                FILE  *out,
                                FILE  *err);

G_END_DECLS
