/* test-diagram-outline.c — the diagram outline on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-diagram-outline.h"
#include "tandem-diagram.h"
#include "tandem-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *diagram_id;
  char          *aim;
  char          *calmer;     /* a primary driver */
  char          *safer;      /* another, saved folded */
  char          *staff;      /* a secondary driver under both */
  guint          selected_notifies;
  GPtrArray     *folded;     /* "id=0" or "id=1", as said by node-folded */
} Fixture;

static char *
add_child (Fixture    *f,
           const char *parent,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  char *id = tandem_diagram_add_child (f->project, parent, title, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  g_autofree char *team = NULL;
  g_autofree char *idea = NULL;

  f->dir = g_dir_make_tmp ("tandem-diagram-outline-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "outline.tandem", NULL);
  f->project = tandem_project_create (f->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (f->project, "Ada Coach");
  {
    TandemField fields[] = { { "name", tandem_value_text ("Willow Ward") } };
    team = insert_or_die (f->project, "team", fields, 1);
  }
  f->diagram_id = tandem_diagram_create (f->project, team, "Fewer restraints", TANDEM_DIAGRAM_TEMPLATE_BLANK,
                                         &error);
  g_assert_no_error (error);
  d = tandem_diagram_load (f->project, f->diagram_id, &error);
  g_assert_no_error (error);
  f->aim = g_strdup (tandem_diagram_get_node (d, 0)->id);
  g_assert_true (tandem_diagram_set_title (f->project, f->aim, tandem_diagram_get_node (d, 0)->title,
                                             "Fewer restraints on Willow", &error));
  g_assert_no_error (error);
  f->calmer = add_child (f, f->aim, "Calmer wards");
  f->safer = add_child (f, f->aim, "Safer nights");
  f->staff = add_child (f, f->calmer, "Staff know the patients");
  idea = add_child (f, f->staff, "Safety huddle");
  g_assert_true (tandem_diagram_link (f->project, f->safer, f->staff, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_diagram_set_collapsed (f->project, f->safer, TRUE, &error));
  g_assert_no_error (error);
  f->folded = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->folded);
  g_object_unref (f->project);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->diagram_id);
  g_free (f->aim);
  g_free (f->calmer);
  g_free (f->safer);
  g_free (f->staff);
}

static TandemDiagram *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TandemDiagram *d = tandem_diagram_load (f->project, f->diagram_id, &error);

  g_assert_no_error (error);
  return d;
}

static void
selected_notify_cb (TandemDiagramOutline *outline,
                    GParamSpec           *pspec,
                    Fixture              *f)
{
  f->selected_notifies++;
}

static void
node_folded_cb (TandemDiagramOutline *outline,
                const char           *id,
                gboolean              collapsed,
                Fixture              *f)
{
  g_ptr_array_add (f->folded, g_strdup_printf ("%s=%d", id, collapsed));
}

static char *
description_at (GListModel *rows,
                guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
  g_autoptr(TandemDiagramItem) item = NULL;
  char *text = NULL;

  g_assert_nonnull (row);
  item = gtk_tree_list_row_get_item (row);
  g_object_get (item, "description", &text, NULL);
  return text;
}

static void
assert_row (GListModel *rows,
            guint       position,
            const char *expected)
{
  g_autofree char *text = description_at (rows, position);

  g_assert_cmpstr (text, ==, expected);
}

/* The rows are the diagram's places, unfolded as the nodes are saved; the
 * selection names a node and the parent it is listed under. */
static void
test_rows_and_selection (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  TandemDiagramOutline *outline = TANDEM_DIAGRAM_OUTLINE (tandem_diagram_outline_new ());
  TandemDiagram *d = load (f);
  GListModel *rows;
  g_autoptr(GtkTreeListRow) safer_row = NULL;
  g_autoptr(TandemDiagramItem) item = NULL;
  g_autofree char *folded = NULL;

  g_object_ref_sink (outline);
  g_signal_connect (outline, "notify::selected-item", G_CALLBACK (selected_notify_cb), f);
  g_signal_connect (outline, "node-folded", G_CALLBACK (node_folded_cb), f);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (outline));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
  tandem_diagram_outline_set_diagram (outline, d);
  g_assert_true (tandem_diagram_outline_get_diagram (outline) == d);

  rows = G_LIST_MODEL (gtk_list_view_get_model (tandem_diagram_outline_get_list_view (outline)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  assert_row (rows, 0, "Aim: Fewer restraints on Willow");
  assert_row (rows, 1, "Primary driver: Calmer wards");
  assert_row (rows, 2, "Secondary driver: Staff know the patients — also under 1 other");
  assert_row (rows, 3, "Change idea: Safety huddle — Idea");
  assert_row (rows, 4, "Primary driver: Safer nights — folded, 1 item hidden");
  safer_row = g_list_model_get_item (rows, 4);
  g_assert_true (gtk_tree_list_row_is_expandable (safer_row));
  g_assert_false (gtk_tree_list_row_get_expanded (safer_row));
  /* The rows show what the items say. */
  WAIT_FOR (FIND (window, is_label_text, "Change idea: Safety huddle — Idea") != NULL);
  /* Building the rows unfolds them as saved: nothing to save. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->folded->len, ==, 0);

  /* Under a folded parent the node has no row: its other row is chosen. */
  g_assert_null (tandem_diagram_outline_dup_selected_item (outline));
  f->selected_notifies = 0;
  g_assert_true (tandem_diagram_outline_select (outline, f->staff, f->safer));
  g_assert_cmpuint (f->selected_notifies, ==, 1);
  item = tandem_diagram_outline_dup_selected_item (outline);
  g_assert_cmpint (tandem_diagram_item_get_node (item), ==, tandem_diagram_find_node (d, f->staff));
  g_assert_cmpint (tandem_diagram_item_get_parent (item), ==, tandem_diagram_find_node (d, f->calmer));
  g_clear_object (&item);

  /* Unfolding a row says so once the list is done; the diagram itself is
   * the page's to save. */
  gtk_tree_list_row_set_expanded (safer_row, TRUE);
  g_assert_cmpuint (f->folded->len, ==, 0);
  WAIT_FOR (f->folded->len == 1);
  folded = g_strdup_printf ("%s=0", f->safer);
  g_assert_cmpstr (f->folded->pdata[0], ==, folded);
  g_assert_true (tandem_diagram_get_node (d, tandem_diagram_find_node (d, f->safer))->collapsed);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6);
  assert_row (rows, 5, "Secondary driver: Staff know the patients — also under 1 other");

  /* Now listed under both, the one asked for is chosen. */
  g_assert_true (tandem_diagram_outline_select (outline, f->staff, f->safer));
  item = tandem_diagram_outline_dup_selected_item (outline);
  g_assert_cmpint (tandem_diagram_item_get_parent (item), ==, tandem_diagram_find_node (d, f->safer));
  g_clear_object (&item);
  g_assert_false (tandem_diagram_outline_select (outline, "no-such-node", NULL));

  /* No diagram, no rows. */
  tandem_diagram_outline_set_diagram (outline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_null (tandem_diagram_outline_dup_selected_item (outline));
  g_assert_false (tandem_diagram_outline_select (outline, f->staff, NULL));

  g_clear_object (&safer_row);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (outline);
  /* Nothing the rows made holds the diagram. */
  g_assert_finalize_object (d);
}

/* A row folded just before the outline goes: it is freed at once, and
 * nothing is said after. */
static void
test_fold_after_dispose (Fixture       *f,
                         gconstpointer  data)
{
  TandemDiagramOutline *outline = TANDEM_DIAGRAM_OUTLINE (tandem_diagram_outline_new ());
  TandemDiagram *d = load (f);
  GListModel *rows;
  g_autoptr(GtkTreeListRow) row = NULL;

  g_object_ref_sink (outline);
  g_signal_connect (outline, "node-folded", G_CALLBACK (node_folded_cb), f);
  tandem_diagram_outline_set_diagram (outline, d);
  rows = G_LIST_MODEL (gtk_list_view_get_model (tandem_diagram_outline_get_list_view (outline)));
  row = g_list_model_get_item (rows, 1);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  gtk_tree_list_row_set_expanded (row, FALSE);
  g_clear_object (&row);
  g_assert_finalize_object (outline);
  g_assert_finalize_object (d);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->folded->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  test_init (&argc, &argv);
  g_test_add ("/diagram-outline/rows-and-selection", Fixture, NULL,
              fixture_set_up, test_rows_and_selection, fixture_tear_down);
  g_test_add ("/diagram-outline/fold-after-dispose", Fixture, NULL,
              fixture_set_up, test_fold_after_dispose, fixture_tear_down);
  return g_test_run ();
}
