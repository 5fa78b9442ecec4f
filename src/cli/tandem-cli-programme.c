/* tandem-cli-programme.c — `programme report`: many teams' files read
 * together into one report; `sample --split`: the national sample as one
 * file per team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-output.h"
#include "tandem-cli-programme.h"
#include "tandem-export.h"
#include "tandem-programme-report.h"
#include "tandem-programme.h"
#include "tandem-sample.h"

static int
programme_report (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TandemProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TandemExportFonts) fonts = NULL;
  GPtrArray *files;
  gboolean pdf;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("“pdf” (the report for the board, A4), “md” (the same report as text) or “json” "
         "(every figure, for scripts)"), "FORMAT" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day the report covers, YYYY-MM-DD (default: a year before --to)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day, which the figures are as of (default: today)"), "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or “-” for standard output"), "FILE" },
    { NULL }
  };

  context = g_option_context_new ("FILE…|FOLDER");
  g_option_context_set_summary (context,
                                _("Read teams’ project files (the files named, and every "
                                  "“.tandem” file in each folder named) together, read-only, "
                                  "and write the programme’s report. A file that cannot be "
                                  "read is named in the report with the reason, and the others "
                                  "are still read; copies of one project are counted once."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  if (argc < 2 || output == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "%s", help);
      return TANDEM_CLI_BAD_INPUT;
    }
  if (format == NULL || (!g_str_equal (format, "pdf") && !g_str_equal (format, "md") &&
                         !g_str_equal (format, "json")))
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("Unknown or missing --format “%s”: use “pdf”, “md” or “json”."),
                            format ? format : "");
  pdf = g_str_equal (format, "pdf");
  if (pdf && tandem_cli_refuse_output (output, TRUE))
    return TANDEM_CLI_BAD_INPUT;

  for (int i = 1; i < argc; i++)
    if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                              _("“%s” could not be found. Name the programme’s project files, "
                                "or the folder that holds them."), argv[i]);

  /* fontconfig's configuration is read while the files are (see
   * tandem_export_prepare_fonts()). */
  if (pdf)
    fonts = tandem_export_prepare_fonts (TANDEM_EXPORT_PDF, 0, 0, 72, NULL, NULL);
  programme = tandem_programme_open ((const char * const *) argv + 1, from, to, &error);
  if (programme == NULL)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
  files = tandem_programme_get_files (programme);
  if (files->len == 0)
    return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                            _("There are no project files (“.tandem”) in %s."), argv[1]);
  for (guint i = 0; i < files->len; i++)
    {
      const TandemProgrammeFile *file = files->pdata[i];

      if (file->state == TANDEM_PROGRAMME_FILE_REFUSED)
        fprintf (stderr, _("tandem-cli: not in the report: %s\n"), file->reason);
    }

  if (pdf)
    {
      tandem_export_fonts_install (g_steal_pointer (&fonts));
      if (!tandem_programme_export_pdf (programme, NULL, output, NULL, NULL, &error))
        return tandem_cli_fail (g_error_matches (error, TANDEM_EXPORT_ERROR,
                                                 TANDEM_EXPORT_ERROR_PROJECT)
                                ? TANDEM_CLI_BAD_INPUT : TANDEM_CLI_WRITE_ERROR,
                                "%s", error->message);
      if (!g_str_equal (output, "-"))
        printf (_("Wrote %s\n"), output);
      return TANDEM_CLI_OK;
    }
  text = g_str_equal (format, "json") ? tandem_programme_to_json (programme)
                                      : tandem_programme_to_markdown (programme);
  if (!tandem_export_text (output, text, NULL, NULL, &error))
    return tandem_cli_fail (g_error_matches (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_PROJECT)
                            ? TANDEM_CLI_BAD_INPUT : TANDEM_CLI_WRITE_ERROR,
                            "%s", error->message);
  if (!g_str_equal (output, "-"))
    printf (_("Wrote %s\n"), output);
  return TANDEM_CLI_OK;
}

/**
 * tandem_cli_programme:
 * @argc: the arguments' count, from the command's name
 * @argv: the arguments
 *
 * `programme report`.
 *
 * Returns: the exit status
 */
int
tandem_cli_programme (int    argc,
                      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "report"))
    return programme_report (argc - 1, argv + 1);
  return tandem_cli_fail (TANDEM_CLI_BAD_INPUT,
                          _("Usage: tandem-cli programme report --format pdf|md|json "
                            "[--from DATE] [--to DATE] --output FILE FILE…|FOLDER"));
}

typedef struct
{
  const char *dir;
  GPtrArray  *made;
} Split;

static TandemProject *
team_project (guint        index,
              const char  *name,
              gpointer     user_data,
              GError     **error)
{
  Split *split = user_data;
  g_autofree char *safe = g_strdelimit (g_strdup (name), "/\\:", '-');
  g_autofree char *file = g_strdup_printf ("%02u %s.tandem", index + 1, safe);
  g_autofree char *path = g_build_filename (split->dir, file, NULL);
  TandemProject *project = tandem_project_create (path, error);

  if (project != NULL)
    g_ptr_array_add (split->made, g_steal_pointer (&path));
  return project;
}

/**
 * tandem_cli_sample_split:
 * @dir: the folder to write the files in (made if need be)
 *
 * `sample --scale national --split DIR`: the national sample as one project
 * file per team. On failure the files made are removed.
 *
 * Returns: the exit status
 */
int
tandem_cli_sample_split (const char *dir)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Split split = { dir, made };

  if (g_mkdir_with_parents (dir, 0777) != 0)
    return tandem_cli_fail (TANDEM_CLI_WRITE_ERROR, _("The folder “%s” could not be made: %s."),
                            dir, g_strerror (errno));
  if (!tandem_sample_populate_split (TANDEM_SAMPLE_NATIONAL, team_project, &split, &error))
    {
      for (guint i = 0; i < made->len; i++)
        g_unlink (made->pdata[i]);
      return tandem_cli_fail (TANDEM_CLI_BAD_INPUT, "%s", error->message);
    }
  printf (ngettext ("Created %u team file in %s\n", "Created %u team files in %s\n", made->len),
          made->len, dir);
  return TANDEM_CLI_OK;
}
