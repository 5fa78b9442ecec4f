/* test-diagram-page.c — the driver diagram page, in process, on the sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tandem-application.h"
#include "tandem-diagram-canvas.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram.h"
#include "tandem-sample.h"
#include "tandem-window.h"

static TandemApplication *app;

#define WAIT_FOR(check)                                                        \
  G_STMT_START {                                                               \
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;           \
    while (!(check))                                                           \
      {                                                                        \
        g_main_context_iteration (NULL, FALSE);                                \
        if (g_get_monotonic_time () > deadline)                                \
          g_error ("Timed out waiting for: %s", #check);                       \
        g_usleep (1000);                                                       \
      }                                                                        \
  } G_STMT_END

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_diagram_page (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_DIAGRAM_PAGE (widget);
}

static gboolean
is_visible_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_is_visible (widget);
}

static gboolean
label_starts (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

typedef struct
{
  char              *dir;
  char              *path;
  TandemWindow      *window;
  TandemDiagramPage *page;
  TandemProject     *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("tandem-diagram-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Sample.tandem", NULL);
  project = tandem_project_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_clear_object (&project);

  f->window = tandem_window_new (GTK_APPLICATION (app));
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (f->path);
  tandem_window_open_file (f->window, file);
  WAIT_FOR (!tandem_window_is_busy (f->window) && tandem_window_get_project (f->window) != NULL);
  f->project = tandem_window_get_project (f->window);
  f->page = TANDEM_DIAGRAM_PAGE (find_widget (GTK_WIDGET (f->window), is_diagram_page, NULL));
  g_assert_nonnull (f->page);
  WAIT_FOR (tandem_diagram_page_get_diagram_id (f->page) != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static TandemDiagram *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TandemDiagram *d = tandem_diagram_load (f->project, tandem_diagram_page_get_diagram_id (f->page), &error);

  g_assert_no_error (error);
  return d;
}

static guint
count_kind (TandemDiagram  *d,
            TandemNodeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    n += tandem_diagram_get_node (d, i)->kind == kind;
  return n;
}

/* The canvas and the outline show the same selection as the page. */
static void
assert_agree (Fixture    *f,
              const char *id)
{
  g_autoptr(TandemDiagram) d = load (f);
  g_autofree char *outline = tandem_diagram_page_dup_outline_selection (f->page);
  TandemDiagramCanvas *canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (f->page));

  g_assert_cmpstr (tandem_diagram_page_get_selected_id (f->page), ==, id);
  g_assert_cmpstr (outline, ==, id);
  g_assert_cmpint (tandem_diagram_canvas_get_selected (canvas), ==, tandem_diagram_find_node (d, id));
}

/* Types @words into the in-place editor the last command opened, and Enter. */
static void
type_words (Fixture    *f,
            const char *words)
{
  GtkWidget *entry = NULL;

  WAIT_FOR ((entry = find_widget (GTK_WIDGET (f->page), is_visible_entry, NULL)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), words);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_commands (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
  g_autofree char *primary = g_strdup (tandem_diagram_get_node (d, g_array_index (aim->children, guint, 0))->id);
  g_autofree char *secondary = NULL;
  g_autofree char *first_idea = NULL;
  guint ideas = count_kind (d, TANDEM_NODE_CHANGE_IDEA);
  GtkWidget *summary;

  /* The equity summary says the team's own figure. */
  summary = find_widget (GTK_WIDGET (f->page), label_starts, "20 change ideas");
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "Race and ethnicity: 9 (45.0%)"));

  /* The page fits a narrow window (600 pixels, the details folded away). */
  {
    int minimum, natural;
    gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("diagram page width: minimum %d, natural %d", minimum, natural);
    g_assert_cmpint (minimum, <=, 600);
  }

  /* The aim is selected first, in both views. */
  assert_agree (f, aim->id);

  /* Select the first primary driver, in the outline; Tab adds a secondary driver. */
  tandem_diagram_page_show_outline (f->page, TRUE);
  tandem_diagram_page_select (f->page, primary);
  assert_agree (f, primary);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.add-child", NULL));
  type_words (f, "Staff learn about culture and faith");
  secondary = g_strdup (tandem_diagram_page_get_selected_id (f->page));
  g_assert_cmpstr (secondary, !=, primary);
  assert_agree (f, secondary);

  /* Tab again: a change idea; Enter: another below it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.add-child", NULL));
  type_words (f, "Culture conversation");
  first_idea = g_strdup (tandem_diagram_page_get_selected_id (f->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.add-sibling", NULL));
  type_words (f, "Faith group");
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpuint (count_kind (d, TANDEM_NODE_CHANGE_IDEA), ==, ideas + 2);
  assert_agree (f, tandem_diagram_page_get_selected_id (f->page));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), label_starts, "22 change ideas"));

  /* F2 renames; an empty name is refused and the words stay. */
  tandem_diagram_page_select (f->page, first_idea);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.edit", NULL));
  type_words (f, "Culture and identity conversation");
  {
    g_autofree char *title = tandem_project_get_text (f->project, "node", first_idea, "title");
    g_assert_cmpstr (title, ==, "Culture and identity conversation");
  }

  /* Ctrl+Down moves it below its sibling; undo moves it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.move-down", NULL));
  g_clear_object (&d);
  d = load (f);
  {
    const TandemDiagramNode *s = tandem_diagram_get_node (d, tandem_diagram_find_node (d, secondary));
    g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (s->children, guint, 1))->id, ==, first_idea);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));

  /* Space folds the branch: the canvas leaves its children out. */
  tandem_diagram_page_select (f->page, secondary);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.fold", NULL));
  {
    g_autofree char *collapsed = tandem_project_get_text (f->project, "node", secondary, "collapsed");
    g_assert_cmpstr (collapsed, ==, "1");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));

  /* Delete takes the secondary and its two ideas; Undo (the toast's button) brings them back. */
  tandem_diagram_page_select (f->page, secondary);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.delete", NULL));
  g_assert_false (tandem_project_exists (f->project, "node", secondary));
  g_assert_false (tandem_project_exists (f->project, "node", first_idea));
  assert_agree (f, primary);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (tandem_project_exists (f->project, "node", first_idea));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_false (tandem_project_exists (f->project, "node", first_idea));
}

static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemProject) other = tandem_project_open (f->path, &error);
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  id = tandem_diagram_add_child (other, aim->id, "A fifth primary driver, from another window", &error);
  g_assert_no_error (error);
  /* The page follows, and can select what the other program added. */
  WAIT_FOR ((tandem_project_poll (f->project), TRUE) &&
            find_widget (GTK_WIDGET (f->page), label_starts, "Primary driver: A fifth primary driver") != NULL);
  tandem_diagram_page_select (f->page, id);
  assert_agree (f, id);
}

static GtkWindow *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }
  return NULL;
}

static void
test_new_diagram (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *team = tandem_window_get_team_id (f->window);
  g_autofree char *id = NULL;

  /* A diagram made elsewhere shows in the page's list; the page keeps its own. */
  id = tandem_diagram_create (f->project, team, "Culture of Care", TANDEM_DIAGRAM_TEMPLATE_CULTURE_OF_CARE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_diagram_page_get_diagram_id (f->page), !=, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.new", NULL));
  {
    GtkWindow *dialog = NULL;

    WAIT_FOR ((dialog = message_dialog ()) != NULL);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Driver Diagram");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
    gtk_window_destroy (dialog);
  }
  g_assert_cmpint (tandem_project_count (f->project, "diagram", "team_id", team), ==, 3);
  {
    g_autoptr(TandemDiagram) d = load (f);
    g_assert_cmpstr (tandem_diagram_get_name (d), ==, "Our driver diagram");
    g_assert_cmpuint (tandem_diagram_get_n_nodes (d), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = tandem_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("The application could not register");

  g_test_add ("/diagram-page/commands", Fixture, NULL, fixture_set_up, test_commands, fixture_tear_down);
  g_test_add ("/diagram-page/other-program", Fixture, NULL, fixture_set_up, test_other_program, fixture_tear_down);
  g_test_add ("/diagram-page/new-diagram", Fixture, NULL, fixture_set_up, test_new_diagram, fixture_tear_down);
  {
    int status = g_test_run ();
    g_object_unref (app);
    return status;
  }
}
