/* tandem-cli-export.c — `tandem-cli export KIND …`: one command, one kind per area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-export.h"
#include "tandem-cli-export-diagram.h"
#include "tandem-cli-measures.h"
#include "tandem-cli-export-peer-support.h"
#include "tandem-cli-export-sessions.h"
#include "tandem-cli-export-session.h"
#include "tandem-cli-standards.h"

typedef struct
{
  const char          *kind;
  TandemCliExportFunc  func;
  const char          *usage;
} ExportKind;

/* Each area adds its kind here (and its own tandem-cli-export-KIND.c). */
static const ExportKind kinds[] = {
  { "chart", tandem_cli_export_chart, "chart --measure NAME [--team TEAM] [--view groups|disparity [--suppress[=N]]] --format pdf|png|svg [--paper a4|a3] --output FILE PROJECT" },
  { "peer-support", tandem_cli_export_peer_support, "peer-support [--team NAME] --format pdf|png|svg [--today YYYY-MM-DD] --output FILE PROJECT" },
  { "sessions", tandem_cli_export_sessions, "sessions --team NAME [--from DATE] [--to DATE] --format pdf|md|txt|ics [--include-private] --output FILE PROJECT" },
  { "session", tandem_cli_export_session, "session (--id ID | --team NAME --date DATE [--time HH:MM]) --format pdf|md|txt|ics [--include-private] --output FILE PROJECT" },
  { "diagram", tandem_cli_export_diagram, "diagram --team NAME [--diagram NAME] --format pdf|png|svg [--paper a4|a3] [--poster] --output FILE PROJECT" },
  { "standards", tandem_cli_export_standards, "standards --team NAME --format json --output FILE PROJECT" },
  { NULL, NULL, NULL }
};

static void
print_kinds (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: tandem-cli export KIND [OPTIONS…] PROJECT"));
  fprintf (stream, "%s\n", _("Kinds:"));
  for (guint i = 0; kinds[i].kind; i++)
    fprintf (stream, "  %s\n", kinds[i].usage);
}

/**
 * tandem_cli_export:
 * @argc: argument count, from “export”
 * @argv: arguments; argv[0] is “export”, argv[1] the kind
 *
 * Returns: the exit status
 */
int
tandem_cli_export (int    argc,
                   char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_kinds (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  for (guint i = 0; kinds[i].kind; i++)
    if (g_str_equal (argv[1], kinds[i].kind))
      return kinds[i].func (argc - 1, argv + 1);

  fprintf (stderr, _("tandem-cli: there is no export of “%s”\n"), argv[1]);
  print_kinds (stderr);
  return 2;
}
