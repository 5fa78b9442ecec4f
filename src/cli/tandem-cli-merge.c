/* tandem-cli-merge.c — `tandem-cli merge THEIRS INTO_MINE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-common.h"
#include "tandem-cli-merge.h"
#include "tandem-merge.h"


/* Merges THEIRS into INTO_MINE and says what came in, then lists the
 * conflicts waiting in INTO_MINE. Exit status 0 on success, 2 when either
 * file cannot be used (nothing is changed then). */
int
tandem_cli_merge (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("THEIRS INTO_MINE"));
  g_autoptr(TandemProject) mine = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  TandemMergeSummary summary = { 0, };

  g_option_context_set_summary (context,
                                _("Bring everything another copy of a project added, changed or "
                                  "deleted into INTO_MINE. Where both copies changed the same "
                                  "field, INTO_MINE keeps its value and both are kept as a conflict "
                                  "to resolve in Tandem. Every change keeps the name of the person "
                                  "who made it. THEIRS is never changed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return tandem_cli_fail (2, "%s", error->message);
  if (argc != 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "%s", help);
      return 2;
    }

  mine = tandem_project_open (argv[2], &error);
  if (mine == NULL)
    return tandem_cli_fail (2, "%s", error->message);
  if (!tandem_project_merge (mine, argv[1], &summary, &error))
    return tandem_cli_fail (2, "%s", error->message);

  sentence = tandem_merge_summary_describe (&summary);
  printf ("%s\n", sentence);

  conflicts = tandem_project_list_conflicts (mine);
  for (guint i = 0; i < conflicts->len; i++)
    {
      TandemConflict *c = conflicts->pdata[i];

      /* TRANSLATORS: a conflict: the item, its field, then this copy's value
       * and who wrote it, then the other copy's value and who wrote it. */
      printf (_("Conflict: %s “%s”, %s: “%s” (%s) or “%s” (%s)\n"),
              c->entity, c->item_label ? c->item_label : c->entity_id, c->field,
              c->mine_value ? c->mine_value : "", c->mine_author ? c->mine_author : "?",
              c->theirs_value ? c->theirs_value : "", c->theirs_author ? c->theirs_author : "?");
    }
  return 0;
}
