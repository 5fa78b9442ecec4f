/* bench-merge.c — merging two copies of the national sample
 *
 * Target (issue 7): two copies of the national sample that each made 1,000
 * edits (changed, added and deleted change ideas, some on the same items)
 * merge in under 2 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tandem-merge.h"
#include "tandem-bench-util.h"
#include "tandem-sample.h"
#include "tandem-test-core-util.h"

/* 1,000 edits, each committed on its own as in the app: 60 % changed
 * fields, 25 % new change ideas, 15 % deletions. */
static void
make_edits (TandemProject *project,
            GRand         *rand,
            const char    *side,
            GPtrArray     *nodes,
            GPtrArray     *diagrams)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s edit %u", side, i);
      int roll = g_rand_int_range (rand, 0, 100);
      const char *node = nodes->pdata[g_rand_int_range (rand, 0, nodes->len)];

      if (roll < 60)
        {
          if (!tandem_project_update (project, "node", node,
                                      g_rand_boolean (rand) ? "title" : "description",
                                      tandem_value_text (text), &error) &&
              !g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID))
            g_error ("%s", error->message);
        }
      else if (roll < 85)
        {
          TandemField fields[] = {
            { "diagram_id", tandem_value_text (diagrams->pdata[g_rand_int_range (rand, 0, diagrams->len)]) },
            { "kind", tandem_value_text ("change_idea") },
            { "title", tandem_value_text (text) },
          };
          g_autofree char *id = tandem_project_insert (project, "node", fields,
                                                       G_N_ELEMENTS (fields), &error);
          if (id == NULL)
            g_error ("%s", error->message);
        }
      else if (!tandem_project_delete (project, "node", node, &error))
        g_error ("%s", error->message);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *a_before = NULL;
  g_autoptr(TandemProject) a = NULL;
  g_autoptr(TandemProject) b = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) diagrams = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *sentence = NULL;
  TandemMergeSummary summary;
  double ab, ba, undo_ms, redo_ms;
  gint64 start;
  int status = 0;

  a = create_sample_in_tmp ("tandem-bench-merge-XXXXXX", "National.tandem", TANDEM_SAMPLE_NATIONAL,
                            &dir, &a_path);
  b_path = g_build_filename (dir, "National (copy).tandem", NULL);
  a_before = g_build_filename (dir, "National before.tandem", NULL);
  if (!tandem_project_save_copy (a, b_path, &error))
    g_error ("%s", error->message);
  tandem_project_set_author (a, "Ann Lead");
  b = tandem_project_open (b_path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (b, "Bea Partner");

  /* Both copies edit from the same pool of items, so some edits collide. */
  nodes = tandem_project_list_ids (a, "node", "kind", "change_idea", NULL);
  g_ptr_array_set_size (nodes, MIN (nodes->len, 1500));
  diagrams = tandem_project_list_ids (a, "diagram", NULL, NULL, NULL);
  start = g_get_monotonic_time ();
  make_edits (a, rand, "A", nodes, diagrams);
  make_edits (b, rand, "B", nodes, diagrams);
  g_print ("2 x 1,000 edits made in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  g_clear_object (&a);
  g_clear_object (&b);

  {
    g_autoptr(GBytes) bytes = NULL;
    char *contents = NULL;
    gsize length = 0;

    if (!g_file_get_contents (a_path, &contents, &length, &error) ||
        !g_file_set_contents (a_before, contents, length, &error))
      g_error ("%s", error->message);
    g_free (contents);
  }

  a = tandem_project_open (a_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!tandem_project_merge (a, b_path, &summary, &error))
    g_error ("%s", error->message);
  ab = (g_get_monotonic_time () - start) / 1000.0;
  sentence = tandem_merge_summary_describe (&summary);
  g_print ("merge copy B into A: %.0f ms (target < 2000 ms)\n  %s\n", ab, sentence);
  g_clear_pointer (&sentence, g_free);

  /* Taking the merge back, and bringing it back, as one change each. */
  start = g_get_monotonic_time ();
  if (!tandem_project_undo (a, &error))
    g_error ("%s", error->message);
  undo_ms = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  if (!tandem_project_redo (a, &error))
    g_error ("%s", error->message);
  redo_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("undo that merge: %.0f ms, redo it: %.0f ms (target < 2000 ms)\n", undo_ms, redo_ms);

  b = tandem_project_open (b_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!tandem_project_merge (b, a_before, &summary, &error))
    g_error ("%s", error->message);
  ba = (g_get_monotonic_time () - start) / 1000.0;
  sentence = tandem_merge_summary_describe (&summary);
  g_print ("merge copy A into B: %.0f ms (target < 2000 ms)\n  %s\n", ba, sentence);

  if (ab >= 2000 || ba >= 2000 || undo_ms >= 2000 || redo_ms >= 2000)
    status = 1;

  g_clear_object (&a);
  g_clear_object (&b);
  free_tmp (&dir, &a_path);
  return status;
}
