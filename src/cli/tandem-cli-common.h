/* tandem-cli-common.h — what every command shares: saying why it stopped,
 * and reading its options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Exit statuses: 0 done, 1 a file could not be written, 2 bad arguments or
 * input (nothing was changed). */
#define TANDEM_CLI_OK          0
#define TANDEM_CLI_WRITE_ERROR 1
#define TANDEM_CLI_BAD_INPUT   2

int      tandem_cli_fail   (int              status,
                            const char      *format,
                            ...) G_GNUC_PRINTF (2, 3);

/* The same, to @stream (a command run with streams of its own, in tests). */
int      tandem_cli_fail_to (FILE            *stream,
                             int              status,
                             const char      *format,
                             ...) G_GNUC_PRINTF (3, 4);

gboolean tandem_cli_parse  (GOptionContext  *context,
                            int             *argc,
                            char          ***argv,
                            int              n_positional,
                            int             *status);

gboolean tandem_cli_parse_options (const char     *parameters,
                                   const char     *summary,
                                   GOptionEntry   *entries,
                                   int            *argc,
                                   char         ***argv,
                                   int             n_positional,
                                   int            *status);

gboolean tandem_cli_output_and_format (const char  *output,
                                       char       **format_name,
                                       const char  *formats,
                                       int         *status);

G_END_DECLS
