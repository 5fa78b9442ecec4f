/* tandem-cli-common.c — what every command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tandem-cli-common.h"

static int
fail_valist (FILE       *stream,
             int         status,
             const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stream, "tandem-cli: %s\n", message);
  return status;
}

/**
 * tandem_cli_fail:
 * @status: the exit status to return
 * @format: what went wrong, for the person, printf()-style
 *
 * Writes “tandem-cli: …” and a newline to standard error.
 *
 * Returns: @status, so that a command can `return tandem_cli_fail (...)`
 */
int
tandem_cli_fail (int         status,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  status = fail_valist (stderr, status, format, args);
  va_end (args);
  return status;
}

/**
 * tandem_cli_fail_to:
 * @stream: where to write
 * @status: the exit status to return
 * @format: what went wrong, printf()-style
 *
 * tandem_cli_fail() to @stream.
 *
 * Returns: @status
 */
int
tandem_cli_fail_to (FILE       *stream,
                    int         status,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  status = fail_valist (stream, status, format, args);
  va_end (args);
  return status;
}

/**
 * tandem_cli_parse:
 * @context: the command's options
 * @argc: (inout): its argument count
 * @argv: (inout): its arguments; the positional ones are left
 * @n_positional: how many positional arguments the command takes
 * @status: (out): the exit status, when parsing fails
 *
 * Parses a command's options. A bad option is named; the wrong number of
 * positional arguments prints the command's help. Both set @status to 2.
 *
 * Returns: %TRUE if the command may go on
 */
gboolean
tandem_cli_parse (GOptionContext  *context,
                  int             *argc,
                  char          ***argv,
                  int              n_positional,
                  int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
      return FALSE;
    }
  if (*argc - 1 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "%s", help);
      *status = TANDEM_CLI_BAD_INPUT;
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_cli_parse_options:
 * @parameters: the positional arguments, for the help (“NAME PROJECT”)
 * @summary: what the command does, for the help
 * @entries: (nullable): its options, %NULL-terminated
 * @argc: (inout): its argument count
 * @argv: (inout): its arguments; the positional ones are left
 * @n_positional: how many positional arguments the command takes
 * @status: (out): the exit status, when parsing fails
 *
 * tandem_cli_parse() for a command whose options are @entries.
 *
 * Returns: %TRUE if the command may go on
 */
gboolean
tandem_cli_parse_options (const char     *parameters,
                          const char     *summary,
                          GOptionEntry   *entries,
                          int            *argc,
                          char         ***argv,
                          int             n_positional,
                          int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return tandem_cli_parse (context, argc, argv, n_positional, status);
}

/**
 * tandem_cli_output_and_format:
 * @output: (nullable): the --output given
 * @format_name: (inout) (nullable): the --format given; when it is %NULL,
 *   set to the output file's name ending (“chart.PDF” gives “pdf”)
 * @formats: how to name the formats in a message (“pdf, png or svg”)
 * @status: (out): 2 when the command cannot go on
 *
 * Checks that an export says where to write and in which format, telling
 * the person what to add when it does not.
 *
 * Returns: %TRUE if the command may go on
 */
gboolean
tandem_cli_output_and_format (const char  *output,
                              char       **format_name,
                              const char  *formats,
                              int         *status)
{
  const char *dot = output != NULL ? strrchr (output, '.') : NULL;

  if (output == NULL)
    {
      *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s",
                                 _("Say where to write it with --output FILE (or - for standard "
                                   "output)."));
      return FALSE;
    }
  if (*format_name == NULL && dot != NULL && strchr (dot, '/') == NULL)
    *format_name = g_ascii_strdown (dot + 1, -1);
  if (*format_name == NULL)
    {
      *status = tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                                 _("Say which format with --format (%s), or give the file a name "
                                   "that ends in one."), formats);
      return FALSE;
    }
  return TRUE;
}
