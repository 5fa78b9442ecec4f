/* tandem-cli-export-sessions.h — `tandem-cli export sessions`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-coaching-render.h"

G_BEGIN_DECLS

/* The --format and --output options of `export sessions` and `export
 * session`, into @format_name and @output (char *, freed by the caller). */
#define TANDEM_CLI_SESSIONS_OUTPUT_OPTIONS(format_name, output) \
  { "format", 0, 0, G_OPTION_ARG_STRING, &(format_name), \
    N_("pdf, md, txt or ics (default: from the file name)"), N_("FORMAT") }, \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(output), \
    N_("The file to write, or - for standard output (a PDF only when it is not a terminal)"), \
    N_("FILE") }

int      tandem_cli_export_sessions (int                    argc,
                                     char                 **argv);
gboolean tandem_cli_sessions_format (const char            *output,
                                     char                 **format_name,
                                     TandemSessionsFormat  *format,
                                     int                   *status);

G_END_DECLS
