/* test-diagram-page.c — the driver diagram page, in process, on the sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-comments-panel.h"
#include "tandem-comments.h"
#include "tandem-diagram-canvas.h"
#include "tandem-diagram-layout.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram.h"
#include "tandem-person.h"
#include "tandem-person-chooser.h"
#include "tandem-sample.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

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
  g_object_unref (create_sample_project ("tandem-diagram-page-XXXXXX", "Sample.tandem", NULL,
                                         &f->dir, &f->path));
  f->window = new_test_window (app, 1200, 800);
  open_and_wait_for_project (f->window, f->path);
  f->project = tandem_window_get_project (f->window);
  f->page = TANDEM_DIAGRAM_PAGE (find_widget (GTK_WIDGET (f->window), is_diagram_page, NULL));
  g_assert_nonnull (f->page);
  WAIT_FOR (tandem_diagram_page_get_diagram_id (f->page) != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  remove_tree (f->dir);
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
  summary = find_widget (GTK_WIDGET (f->page), label_starts_with, "20 change ideas");
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
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), label_starts_with, "22 change ideas"));

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

/* The page's own shortcut for @accelerator, from its key bindings. */
static GtkShortcut *
page_shortcut (Fixture    *f,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *container)
{
  return widget != NULL && container != NULL &&
         (widget == container || gtk_widget_is_ancestor (widget, container));
}

/* Tab reaches every part of the page in order, and F2 edits from anywhere on
 * it: the toolbar, the summary's folded detail (without being trapped
 * there), the canvas, then the details pane; the canvas says how to leave
 * it. */
static void
test_keyboard_path (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (tandem_diagram_page_get_canvas (f->page));
  GtkWidget *expander = FIND_TYPE (f->page, GTK_TYPE_EXPANDER);
  GtkWidget *dropdown = FIND_TYPE (f->page, GTK_TYPE_DROP_DOWN);
  GtkWidget *details = NULL;
  GtkRoot *root = GTK_ROOT (f->window);
  GtkWidget *previous = NULL;
  int at_expander = -1, at_canvas = -1, at_details = -1;
  g_autoptr(GtkShortcut) f2 = NULL;

  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  WAIT_FOR ((details = FIND (f->page, is_button_labelled, "_Edit Words (F2)")) != NULL &&
            gtk_widget_get_mapped (details));
  details = gtk_widget_get_ancestor (details, GTK_TYPE_SCROLLED_WINDOW);

  gtk_widget_grab_focus (dropdown);
  g_assert_true (is_inside (gtk_root_get_focus (root), dropdown));
  for (int step = 0; step < 80 && at_details < 0; step++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (root);
      g_test_message ("Tab %d: %s", step, focus ? G_OBJECT_TYPE_NAME (focus) : "(none)");
      g_assert_nonnull (focus);
      /* Never stuck: each Tab moves the keyboard on, to a control (the
       * toolbar's wrapping boxes are no stops of their own). */
      g_assert_true (focus != previous);
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (focus));
      previous = focus;
      if (at_expander < 0 && is_inside (focus, expander))
        at_expander = step;
      if (at_canvas < 0 && focus == canvas)
        at_canvas = step;
      if (at_details < 0 && is_inside (focus, details))
        at_details = step;
    }
  g_assert_cmpint (at_expander, >=, 0);
  g_assert_cmpint (at_canvas, >, at_expander);
  g_assert_cmpint (at_details, >, at_canvas);
  /* Tabbing past the folded detail did not unfold it. */
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));

  /* The canvas says how to leave it. */
  g_assert_nonnull (strstr (tandem_diagram_canvas_get_description (TANDEM_DIAGRAM_CANVAS (canvas)),
                            "Ctrl+Tab leaves the canvas"));

  /* F2 with the keyboard on the toolbar's drop-down edits the selected item. */
  gtk_widget_grab_focus (dropdown);
  g_assert_null (FIND (f->page, mapped_label_starts_with, "Enter saves it."));
  f2 = page_shortcut (f, "F2");
  g_assert_nonnull (f2);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (f2), 0, GTK_WIDGET (f->page), NULL));
  WAIT_FOR (FIND (f->page, mapped_label_starts_with, "Enter saves it.") != NULL);
  type_words (f, "A safer ward for everyone");
  {
    g_autoptr(TandemDiagram) d = load (f);
    const TandemDiagramNode *aim = tandem_diagram_get_node (d, g_array_index (tandem_diagram_get_roots (d), guint, 0));
    g_assert_cmpstr (aim->title, ==, "A safer ward for everyone");
  }
}

/* Zoom to fit never shrinks a box's title below readable size: the sample's
 * large diagram is fitted to the width, or shown at that size, and scrolls. */
static void
test_fit_readable (Fixture       *f,
                   gconstpointer  data)
{
  TandemDiagramCanvas *canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (f->page));
  double w, h;

  WAIT_FOR (tandem_diagram_canvas_get_layout (canvas) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (canvas)) &&
            gtk_widget_get_width (GTK_WIDGET (canvas)) > 300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.zoom-fit", NULL));
  tandem_diagram_layout_get_size (tandem_diagram_canvas_get_layout (canvas), &w, &h);
  g_test_message ("diagram %.0f × %.0f in a %d × %d view: zoom %.2f, titles %.1f px", w, h,
                  gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)),
                  tandem_diagram_canvas_get_zoom (canvas), tandem_diagram_canvas_get_text_pixels (canvas));
  g_assert_cmpfloat (tandem_diagram_canvas_get_text_pixels (canvas), >=, 7.99);
  /* Not larger than needed: as wide as the view, or at the readable size. */
  g_assert_true (w * tandem_diagram_canvas_get_zoom (canvas) <= gtk_widget_get_width (GTK_WIDGET (canvas)) + 1 ||
                 tandem_diagram_canvas_get_text_pixels (canvas) <= 8.01);
}

/* Unfolding the equity detail grows the page by a few lines at most: the
 * window never grows past the screen. */
static void
test_equity_detail_bounded (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *expander = FIND_TYPE (f->page, GTK_TYPE_EXPANDER);
  int folded, unfolded, natural;

  g_assert_nonnull (expander);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_VERTICAL, 600, &folded, &natural, NULL, NULL);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_VERTICAL, 600, &unfolded, &natural, NULL, NULL);
  g_test_message ("page at 600 px wide: %d px tall folded, %d px unfolded", folded, unfolded);
  g_assert_cmpint (unfolded - folded, <=, 200);
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
            find_widget (GTK_WIDGET (f->page), label_starts_with,
                         "Primary driver: A fifth primary driver") != NULL);
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

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *found = find_widget (root, is_named, name);

  if (found == NULL)
    g_error ("No widget called %s", name);
  return found;
}

static gboolean
is_comments_panel (GtkWidget *widget, gconstpointer data)
{
  return TANDEM_IS_COMMENTS_PANEL (widget);
}

static const TandemDiagramNode *
first_of_kind (TandemDiagram  *d,
               TandemNodeKind  kind)
{
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d); i++)
    if (tandem_diagram_get_node (d, i)->kind == kind)
      return tandem_diagram_get_node (d, i);
  g_assert_not_reached ();
  return NULL;
}

static const char *
child_of (TandemDiagram           *d,
          const TandemDiagramNode *node,
          guint                    i)
{
  return tandem_diagram_get_node (d, g_array_index (node->children, guint, i))->id;
}

/* With TANDEM_KEEP_RENDERS set, saves a picture of @widget to look at. */
static void
keep_picture (GtkWidget  *widget,
              const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (g_getenv ("TANDEM_KEEP_RENDERS") == NULL || w <= 0 || h <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("saved %s", path);
}

/* Ctrl+Left/Right (the Item menu's Move a Column Left/Right), and undo. */
static void
test_move_across (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *primary = first_of_kind (d, TANDEM_NODE_PRIMARY);
  g_autofree char *primary_id = g_strdup (primary->id);
  g_autofree char *second = NULL;
  g_autofree char *kind = NULL;

  g_assert_cmpuint (primary->children->len, >=, 2);
  second = g_strdup (child_of (d, primary, 1));
  /* Move its ideas out of the way first: a branch cannot pass the last column. */
  tandem_diagram_page_show_outline (f->page, TRUE);
  tandem_diagram_page_select (f->page, primary_id);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->page)) && FALSE);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *lone = tandem_diagram_add_child (f->project, primary_id, "A lone secondary driver", &error);
    g_autofree char *parent_kind = NULL;

    g_assert_no_error (error);
    tandem_diagram_page_select (f->page, lone);
    /* Right: under the secondary driver above it, as a change idea. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.move-right", NULL));
    kind = tandem_project_get_text (f->project, "node", lone, "kind");
    g_assert_cmpstr (kind, ==, "change_idea");
    g_clear_pointer (&kind, g_free);
    assert_agree (f, lone);
    /* Left: back beside it. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.move-left", NULL));
    kind = tandem_project_get_text (f->project, "node", lone, "kind");
    g_assert_cmpstr (kind, ==, "secondary");
    g_clear_pointer (&kind, g_free);
    assert_agree (f, lone);
    /* Left again: a primary driver, below the one it was under. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.move-left", NULL));
    kind = tandem_project_get_text (f->project, "node", lone, "kind");
    g_assert_cmpstr (kind, ==, "primary");
    g_clear_pointer (&kind, g_free);
    /* Undo takes it back a column. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
    kind = tandem_project_get_text (f->project, "node", lone, "kind");
    g_assert_cmpstr (kind, ==, "secondary");
    (void) parent_kind;
  }
}

static gboolean
field_is (Fixture    *f,
          const char *id,
          const char *field,
          const char *value)
{
  g_autofree char *text = tandem_project_get_text (f->project, "node", id, field);

  return g_strcmp0 (text, value) == 0;
}

static gboolean
pdsa_field_is (Fixture    *f,
               const char *id,
               const char *field,
               const char *value)
{
  g_autofree char *text = tandem_project_get_text (f->project, "pdsa_cycle", id, field);

  return g_strcmp0 (text, value) == 0;
}

static gboolean
group_colour_is (Fixture    *f,
                 const char *id,
                 const char *value)
{
  g_autofree char *text = tandem_project_get_text (f->project, "node_group", id, "colour");

  return g_strcmp0 (text, value) == 0;
}

/* Folding is one state: Space on the canvas folds the outline's row; the
 * outline's expander unfolds the canvas's box. */
static void
test_fold_shared (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *secondary = first_of_kind (d, TANDEM_NODE_SECONDARY);
  g_autofree char *id = g_strdup (secondary->id);
  g_autofree char *child = g_strdup (child_of (d, secondary, 0));
  TandemDiagramCanvas *canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (f->page));
  GtkWidget *outline = tandem_diagram_page_get_outline (f->page);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (outline));
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autofree char *collapsed = NULL;
  guint position;

  tandem_diagram_page_select (f->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.fold", NULL));
  g_assert_cmpint (tandem_diagram_layout_find_box (tandem_diagram_canvas_get_layout (canvas),
                                                   tandem_diagram_find_node (d, child)), <, 0);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  row = g_list_model_get_item (G_LIST_MODEL (selection), position);
  g_assert_true (GTK_IS_TREE_LIST_ROW (row));
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  g_assert_false (gtk_tree_list_row_get_expanded (row));

  /* Unfold it in the outline: saved, and the canvas shows the children again. */
  gtk_tree_list_row_set_expanded (row, TRUE);
  WAIT_FOR (field_is (f, id, "collapsed", "0"));
  g_assert_cmpint (tandem_diagram_layout_find_box (tandem_diagram_canvas_get_layout (canvas),
                                                   tandem_diagram_find_node (d, child)), >=, 0);
  /* And it is one undoable change like any other. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  collapsed = tandem_project_get_text (f->project, "node", id, "collapsed");
  g_assert_cmpstr (collapsed, ==, "1");
}

/* Dropping a box between two others, or onto a new parent. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *primary = first_of_kind (d, TANDEM_NODE_PRIMARY);
  TandemDiagramCanvas *canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (f->page));
  g_autofree char *first = g_strdup (child_of (d, primary, 0));
  g_autofree char *last = g_strdup (child_of (d, primary, primary->children->len - 1));
  g_autofree char *primary_id = g_strdup (primary->id);
  const TandemDiagramNode *other_primary = NULL;
  GdkRectangle rect;
  TandemDropPlace place;
  int target = -1;

  g_assert_cmpuint (primary->children->len, >=, 2);
  /* "Show who added what" (on by default) writes it in each box; off, not. */
  {
    GSettings *settings = tandem_application_get_settings (app);

    g_assert_nonnull (tandem_diagram_layout_get_box (tandem_diagram_canvas_get_layout (canvas), 0)->credit);
    g_settings_set_boolean (settings, "show-authorship", FALSE);
    g_assert_null (tandem_diagram_layout_get_box (tandem_diagram_canvas_get_layout (canvas), 0)->credit);
    g_settings_set_boolean (settings, "show-authorship", TRUE);
    g_assert_nonnull (tandem_diagram_layout_get_box (tandem_diagram_canvas_get_layout (canvas), 0)->credit);
  }
  tandem_diagram_canvas_zoom_by (canvas, 1.0);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  /* Over the top half of the first secondary driver: before it. */
  g_assert_true (tandem_diagram_canvas_get_node_rect (canvas, tandem_diagram_find_node (d, first), &rect));
  g_assert_true (tandem_diagram_canvas_find_drop (canvas, tandem_diagram_find_node (d, last),
                                                  rect.x + rect.width / 2.0, rect.y + 2, &target, &place));
  g_assert_cmpint (target, ==, tandem_diagram_find_node (d, first));
  g_assert_cmpint (place, ==, TANDEM_DROP_BEFORE);
  /* Over its bottom half: after it. And never onto the aim, two columns left. */
  g_assert_true (tandem_diagram_canvas_find_drop (canvas, tandem_diagram_find_node (d, last),
                                                  rect.x + rect.width / 2.0, rect.y + rect.height - 2, &target, &place));
  g_assert_cmpint (place, ==, TANDEM_DROP_AFTER);
  g_assert_true (tandem_diagram_canvas_get_node_rect (canvas, 0, &rect));
  g_assert_false (tandem_diagram_canvas_find_drop (canvas, tandem_diagram_find_node (d, last),
                                                   rect.x + 4, rect.y + 4, &target, &place));

  g_signal_emit_by_name (canvas, "node-dropped", tandem_diagram_find_node (d, last),
                         tandem_diagram_find_node (d, first), (int) TANDEM_DROP_BEFORE);
  g_clear_object (&d);
  d = load (f);
  primary = tandem_diagram_get_node (d, tandem_diagram_find_node (d, primary_id));
  g_assert_cmpstr (child_of (d, primary, 0), ==, last);
  g_assert_cmpstr (child_of (d, primary, 1), ==, first);
  assert_agree (f, last);

  /* Onto another primary driver: it moves there, at the end. */
  for (guint i = 0; i < tandem_diagram_get_n_nodes (d) && other_primary == NULL; i++)
    if (tandem_diagram_get_node (d, i)->kind == TANDEM_NODE_PRIMARY &&
        g_strcmp0 (tandem_diagram_get_node (d, i)->id, primary_id) != 0)
      other_primary = tandem_diagram_get_node (d, i);
  g_assert_true (tandem_diagram_canvas_get_node_rect (canvas, tandem_diagram_find_node (d, other_primary->id), &rect));
  g_assert_true (tandem_diagram_canvas_find_drop (canvas, tandem_diagram_find_node (d, last),
                                                  rect.x + 10, rect.y + 10, &target, &place));
  g_assert_cmpint (place, ==, TANDEM_DROP_ONTO);
  g_signal_emit_by_name (canvas, "node-dropped", tandem_diagram_find_node (d, last), target, (int) place);
  {
    g_autofree char *other_id = g_strdup (other_primary->id);

    g_clear_object (&d);
    d = load (f);
    other_primary = tandem_diagram_get_node (d, tandem_diagram_find_node (d, other_id));
    g_assert_cmpstr (child_of (d, other_primary, other_primary->children->len - 1), ==, last);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_object (&d);
  d = load (f);
  primary = tandem_diagram_get_node (d, tandem_diagram_find_node (d, primary_id));
  g_assert_cmpstr (child_of (d, primary, 0), ==, last);
}

/* Everything in the details pane can be changed, and undone. */
static void
test_details_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *idea = first_of_kind (d, TANDEM_NODE_CHANGE_IDEA);
  g_autofree char *id = g_strdup (idea->id);
  g_autoptr(GPtrArray) people = tandem_diagram_list_people (f->project, tandem_window_get_team_id (f->window));
  g_autoptr(GPtrArray) measures = tandem_project_list_ids (f->project, "measure", "team_id",
                                                           tandem_window_get_team_id (f->window), "position");
  g_autoptr(GPtrArray) before = tandem_diagram_list_coproducers (f->project, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) pdsa = NULL;
  const char *person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cycle = NULL;
  GtkWidget *widget;

  tandem_diagram_page_select (f->page, id);
  /* Co-producers: tick someone who was not credited. */
  for (guint p = 0; p < people->len && person == NULL; p++)
    {
      gboolean credited = FALSE;
      for (guint c = 0; c < before->len; c++)
        credited |= g_str_equal (((TandemNamedItem *) before->pdata[c])->id, ((TandemNamedItem *) people->pdata[p])->id);
      if (!credited)
        person = ((TandemNamedItem *) people->pdata[p])->id;
    }
  g_assert_nonnull (person);
  name = g_strdup_printf ("coproducer:%s", person);
  /* Only those credited have a box to untick; anyone else is found by
   * typing their name in the chooser, and Enter takes the first offered. */
  g_assert_null (find_widget (GTK_WIDGET (f->page), is_named, name));
  {
    TandemPersonChooser *chooser = TANDEM_PERSON_CHOOSER (named (GTK_WIDGET (f->page), "coproducer-chooser"));
    GtkEditable *entry = tandem_person_chooser_get_entry (chooser);
    g_autofree char *full = tandem_project_get_text (f->project, "person", person, "name");

    gtk_editable_set_text (entry, full);
    g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, full);
    g_signal_emit_by_name (entry, "activate");
  }
  after = tandem_diagram_list_coproducers (f->project, id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (f->page), name))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tandem_diagram_list_coproducers (f->project, id);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_null (find_widget (GTK_WIDGET (f->page), is_named, name));

  /* Proposed by someone the team does not have yet: “Add ‘Name’…” adds
   * them (the details are rebuilt meanwhile), and the choice is saved. */
  {
    TandemPersonChooser *chooser = TANDEM_PERSON_CHOOSER (named (GTK_WIDGET (f->page), "proposed_by"));
    GtkEditable *entry = tandem_person_chooser_get_entry (chooser);
    g_autofree char *proposer = NULL;
    g_autofree char *proposed = NULL;

    gtk_editable_set_text (entry, "Priya Quennell");
    g_assert_cmpuint (tandem_person_chooser_get_n_matches (chooser), ==, 1);
    g_assert_cmpstr (tandem_person_chooser_get_match (chooser, 0), ==, "Add “Priya Quennell”…");
    g_signal_emit_by_name (entry, "activate");
    proposer = tandem_person_find (f->project, tandem_window_get_team_id (f->window),
                                   "Priya Quennell", &error);
    g_assert_no_error (error);
    proposed = tandem_project_get_text (f->project, "node", id, "proposed_by");
    g_assert_cmpstr (proposed, ==, proposer);
    chooser = TANDEM_PERSON_CHOOSER (named (GTK_WIDGET (f->page), "proposed_by"));
    g_assert_cmpstr (gtk_editable_get_text (tandem_person_chooser_get_entry (chooser)), ==,
                     "Priya Quennell");
  }

  /* A linked measure. */
  g_assert_cmpuint (measures->len, >, 0);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("measure:%s", (char *) measures->pdata[0]);
  widget = named (GTK_WIDGET (f->page), name);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), !gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  {
    g_autoptr(GPtrArray) linked = tandem_diagram_list_measures (f->project, id);
    gboolean on = FALSE;
    for (guint l = 0; l < linked->len; l++)
      on |= g_str_equal (((TandemNamedItem *) linked->pdata[l])->id, measures->pdata[0]);
    g_assert_true (on == gtk_check_button_get_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (f->page), name))));
  }

  /* A PDSA cycle: do, study and act are edited in place. */
  cycle = tandem_diagram_add_pdsa (f->project, id, "Tuesday test", NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("pdsa:%s:do_notes", cycle);
  widget = named (GTK_WIDGET (f->page), name);
  gtk_editable_set_text (GTK_EDITABLE (widget), "Ran it with four patients");
  g_signal_emit_by_name (widget, "apply");
  text = tandem_project_get_text (f->project, "pdsa_cycle", cycle, "do_notes");
  g_assert_cmpstr (text, ==, "Ran it with four patients");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("pdsa:%s:study_notes", cycle);
  widget = named (GTK_WIDGET (f->page), name);
  gtk_editable_set_text (GTK_EDITABLE (widget), "Better than predicted");
  g_signal_emit_by_name (widget, "apply");
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("pdsa:%s:act_decision", cycle);
  {
    /* The decisions, by their labels: not decided yet, adopt, adapt, abandon. */
    AdwComboRow *decision = ADW_COMBO_ROW (named (GTK_WIDGET (f->page), name));
    g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (decision), 1);
    g_auto(GValue) label = G_VALUE_INIT;

    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (decision)), ==, 4);
    g_assert_cmpuint (adw_combo_row_get_selected (decision), ==, 0);
    g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (decision), item, &label));
    g_assert_cmpstr (g_value_get_string (&label), ==, "Adopt");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (GTK_WIDGET (f->page), name)), 1);
  WAIT_FOR (pdsa_field_is (f, cycle, "act_decision", "adopt"));
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("pdsa:%s", cycle);
  widget = named (GTK_WIDGET (f->page), name);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  WAIT_FOR (gtk_widget_get_height (widget) > 300);
  if (g_getenv ("TANDEM_KEEP_RENDERS"))
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds;

      if (scrolled && gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                 &bounds))
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                  bounds.origin.y - 40);
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      keep_picture (GTK_WIDGET (f->window), "/tmp/diagram-details.png");
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  text = tandem_project_get_text (f->project, "pdsa_cycle", cycle, "act_decision");
  g_assert_null (text);
  text = tandem_project_get_text (f->project, "pdsa_cycle", cycle, "study_notes");
  g_assert_cmpstr (text, ==, "Better than predicted");
  g_clear_pointer (&text, g_free);
  pdsa = tandem_diagram_list_pdsa (f->project, id);
  g_assert_cmpuint (pdsa->len, >, 0);

  /* Who added it and who changed it; the comment threads, with a badge on the canvas. */
  g_assert_nonnull (named (GTK_WIDGET (f->page), "added-by"));
  g_assert_nonnull (named (GTK_WIDGET (f->page), "changed-by"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), is_comments_panel, NULL));
  {
    TandemDiagramCanvas *canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (f->page));
    g_autofree char *comment = NULL;

    g_assert_cmpuint (tandem_diagram_canvas_get_comment_count (canvas, id), ==, 0);
    comment = tandem_comments_add (f->project, "node", id, "Can we try it at weekends too?", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tandem_diagram_canvas_get_comment_count (canvas, id), ==, 1);
    g_assert_true (tandem_comments_set_resolved (f->project, comment, TRUE, &error));
    g_assert_cmpuint (tandem_diagram_canvas_get_comment_count (canvas, id), ==, 0);
  }
}

/* Groups of primary drivers and the equity tags: made, renamed, removed. */
static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = load (f);
  guint n_groups = tandem_diagram_get_n_groups (d);
  guint n_tags = tandem_diagram_get_n_tags (d);
  GtkWindow *window = tandem_diagram_page_show_lists (f->page);
  const char *tag = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWindow *dialog = NULL;

  g_assert_nonnull (window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (GTK_WIDGET (window)) > 0);
  row = named (GTK_WIDGET (window), "group-add");
  gtk_editable_set_text (GTK_EDITABLE (row), "Workforce lens");
  g_signal_emit_by_name (row, "apply");
  row = named (GTK_WIDGET (window), "tag-add");
  gtk_editable_set_text (GTK_EDITABLE (row), "Care leavers");
  g_signal_emit_by_name (row, "apply");
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, n_groups + 1);
  g_assert_cmpuint (tandem_diagram_get_n_tags (d), ==, n_tags + 1);
  g_assert_cmpstr (tandem_diagram_get_group (d, n_groups)->name, ==, "Workforce lens");

  /* Recolour the new group. */
  name = g_strdup_printf ("group-colour:%s", tandem_diagram_get_group (d, n_groups)->id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (GTK_WIDGET (window), name)), 4);
  WAIT_FOR (group_colour_is (f, tandem_diagram_get_group (d, n_groups)->id, "#613583"));

  /* A tag in use is only removed after saying where it is used. */
  for (guint i = 0; i < n_tags && tag == NULL; i++)
    if (tandem_equity_tag_count_uses (f->project, tandem_diagram_get_tag (d, i)->id) > 0)
      tag = tandem_diagram_get_tag (d, i)->id;
  g_assert_nonnull (tag);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("tag-delete:%s", tag);
  g_signal_emit_by_name (named (GTK_WIDGET (window), name), "clicked");
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "It is on "));
  g_assert_true (tandem_project_exists (f->project, "equity_tag", tag));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  keep_picture (GTK_WIDGET (dialog), "/tmp/diagram-tag-dialog.png");
  keep_picture (GTK_WIDGET (window), "/tmp/diagram-lists.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  gtk_window_destroy (dialog);
  g_assert_false (tandem_project_exists (f->project, "equity_tag", tag));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (tandem_project_exists (f->project, "equity_tag", tag));
  g_assert_cmpuint (tandem_equity_tag_count_uses (f->project, tag), >, 0);
  gtk_window_destroy (window);
}

/* Each dialog and each button of the details answers about the item it was
 * opened for: also link to, remove the link, paste a list, a new PDSA
 * cycle, an equity tag ticked, a status chosen. */
static void
test_dialogs (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = load (f);
  const TandemDiagramNode *idea = first_of_kind (d, TANDEM_NODE_CHANGE_IDEA);
  g_autofree char *id = g_strdup (idea->id);
  g_autofree char *parent = g_strdup (tandem_diagram_get_node (d, g_array_index (idea->parents, guint, 0))->id);
  g_autofree char *other = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  const char *tag = NULL;
  guint n_nodes = tandem_diagram_get_n_nodes (d);
  guint n_cycles;
  GtkWindow *dialog = NULL;
  GtkWidget *widget;

  g_assert_cmpuint (idea->parents->len, ==, 1);
  tandem_diagram_page_select (f->page, id);

  /* Also link to: the first secondary driver offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.link", NULL));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "link");
  gtk_window_destroy (dialog);
  g_clear_object (&d);
  d = load (f);
  idea = tandem_diagram_get_node (d, tandem_diagram_find_node (d, id));
  g_assert_cmpuint (idea->parents->len, ==, 2);
  for (guint p = 0; p < idea->parents->len; p++)
    if (!g_str_equal (tandem_diagram_get_node (d, g_array_index (idea->parents, guint, p))->id, parent))
      other = g_strdup (tandem_diagram_get_node (d, g_array_index (idea->parents, guint, p))->id);
  g_assert_nonnull (other);

  /* Its details offer to remove each link; the new one goes. */
  tandem_diagram_page_select (f->page, id);
  name = g_strdup_printf ("unlink:%s", other);
  g_signal_emit_by_name (named (GTK_WIDGET (f->page), name), "clicked");
  g_clear_object (&d);
  d = load (f);
  idea = tandem_diagram_get_node (d, tandem_diagram_find_node (d, id));
  g_assert_cmpuint (idea->parents->len, ==, 1);
  g_assert_cmpstr (tandem_diagram_get_node (d, g_array_index (idea->parents, guint, 0))->id, ==, parent);

  /* A list pasted beside a change idea goes under its parent. */
  tandem_diagram_page_select (f->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "diagram.paste", NULL));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  widget = find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (widget);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "Night checks\nWeekend huddle\n", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "paste");
  gtk_window_destroy (dialog);
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpuint (tandem_diagram_get_n_nodes (d), ==, n_nodes + 2);
  {
    const TandemDiagramNode *under = tandem_diagram_get_node (d, tandem_diagram_find_node (d, parent));
    const char *last = tandem_diagram_get_node (d, g_array_index (under->children, guint,
                                                                   under->children->len - 1))->title;
    g_assert_cmpstr (last, ==, "Weekend huddle");
  }

  /* A new PDSA cycle, planned in its dialog. */
  tandem_diagram_page_select (f->page, id);
  cycles = tandem_diagram_list_pdsa (f->project, id);
  n_cycles = cycles->len;
  g_clear_pointer (&cycles, g_ptr_array_unref);
  g_signal_emit_by_name (named (GTK_WIDGET (f->page), "add-pdsa"), "clicked");
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  widget = find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), "Thursday test");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_destroy (dialog);
  cycles = tandem_diagram_list_pdsa (f->project, id);
  g_assert_cmpuint (cycles->len, ==, n_cycles + 1);
  {
    gboolean found = FALSE;
    for (guint c = 0; c < cycles->len; c++)
      found |= g_strcmp0 (((TandemPdsaSummary *) cycles->pdata[c])->title, "Thursday test") == 0;
    g_assert_true (found);
  }

  /* An equity tag ticked, then a status chosen, from the details. */
  idea = tandem_diagram_get_node (d, tandem_diagram_find_node (d, id));
  for (guint t = 0; t < tandem_diagram_get_n_tags (d) && tag == NULL; t++)
    {
      gboolean on = FALSE;
      for (guint i = 0; i < idea->tags->len; i++)
        on |= g_array_index (idea->tags, guint, i) == t;
      if (!on)
        tag = tandem_diagram_get_tag (d, t)->id;
    }
  g_assert_nonnull (tag);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("tag:%s", tag);
  tandem_diagram_page_select (f->page, id);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (f->page), name)), TRUE);
  {
    g_autoptr(TandemDiagram) now = load (f);
    const TandemDiagramNode *n = tandem_diagram_get_node (now, tandem_diagram_find_node (now, id));
    gboolean on = FALSE;
    for (guint i = 0; i < n->tags->len; i++)
      on |= g_str_equal (tandem_diagram_get_tag (now, g_array_index (n->tags, guint, i))->id, tag);
    g_assert_true (on);
  }
  text = tandem_project_get_text (f->project, "node", id, "status");
  widget = named (GTK_WIDGET (f->page), "status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget), adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) == 0 ? 1 : 0);
  WAIT_FOR (!field_is (f, id, "status", text));

  /* The print dialog, answered Cancel, prints nothing and leaves no trace. */
  tandem_page_print (TANDEM_PAGE (f->page));
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  g_assert_nonnull (named (GTK_WIDGET (dialog), "print-authorship"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_no_error (error);
}

/* Whether @needle is in @haystack, which may hold NUL bytes (a PDF). */
static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Paper: the orientation chosen or the better one, and posters of any size. */
static void
test_export_layouts (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *layout; const char *orientation; guint pages; } cases[] = {
    { "one", "best", 1 }, { "2x1", "portrait", 2 }, { "3x3", "landscape", 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "export.pdf", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *count = g_strdup_printf ("/Count %u", cases[i].pages);
      gsize length;

      g_assert_true (tandem_diagram_page_export_to (f->page, path, cases[i].layout, TANDEM_PAPER_A4,
                                                    cases[i].orientation, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (contains (contents, length, count));
      /* A4 portrait is 595 × 842 points; landscape the other way round. */
      if (g_str_equal (cases[i].orientation, "best"))
        {
          /* Whichever prints it larger: this tall diagram, upright. */
          g_autoptr(TandemDiagram) d = load (f);
          g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new (d, NULL);
          double w, h;

          tandem_paper_get_size (TANDEM_PAPER_A4, FALSE, &w, &h);
          g_assert_false (tandem_diagram_pages_prefer_landscape (layout, w, h, 1, 1));
          g_assert_true (tandem_diagram_pages_prefer_landscape (layout, w, h, 1, 3));
          g_assert_true (contains (contents, length, "/MediaBox [ 0 0 595"));
        }
      else if (g_str_equal (cases[i].orientation, "portrait"))
        g_assert_true (contains (contents, length, "/MediaBox [ 0 0 595"));
      else
        g_assert_true (contains (contents, length, "/MediaBox [ 0 0 841"));
      g_unlink (path);
    }
}

/* Whether the part of @surface (drawn at @scale) under @rect, less a margin
 * for the box's outline, has ink as dark as text. */
static gboolean
has_text_ink (cairo_surface_t    *surface,
              double              scale,
              const GdkRectangle *rect)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int x0 = MAX (0, (int) ((rect->x + 3) * scale));
  int y0 = MAX (0, (int) ((rect->y + 3) * scale));
  int x1 = MIN (width, (int) ((rect->x + rect->width - 3) * scale));
  int y1 = MIN (height, (int) ((rect->y + rect->height - 3) * scale));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if ((pixel >> 24) == 0xff && ((pixel >> 16) & 0xff) < 90 &&
            ((pixel >> 8) & 0xff) < 90 && (pixel & 0xff) < 90)
          return TRUE;
      }
  return FALSE;
}

static gboolean
has_title (TandemDiagram *diagram,
           const char    *title)
{
  for (guint i = 0; i < tandem_diagram_get_n_nodes (diagram); i++)
    if (g_strcmp0 (tandem_diagram_get_node (diagram, i)->title, title) == 0)
      return TRUE;
  return FALSE;
}

/* Titles a file holds as bytes that are not UTF-8 (another program wrote
 * them) are shown repaired, and every box of the diagram is still laid out
 * and drawn with its words: before, the canvas was blank after the first. */
static void
test_invalid_utf8_titles (void)
{
  const double scale = 3;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TandemWindow *window;
  TandemDiagramPage *page;
  TandemDiagramCanvas *canvas;
  TandemDiagramLayout *layout;
  TandemDiagram *diagram;
  sqlite3 *db = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;
  guint n_boxes;

  g_object_unref (create_sample_project ("tandem-diagram-page-XXXXXX", "Sample.tandem", NULL,
                                         &dir, &path));
  /* As text with a stray byte, as text cut inside a character, as a blob. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE node SET title = CAST (X'4265747465722063617265FF' AS TEXT) "
                                 "WHERE id = (SELECT id FROM node WHERE kind = 'primary' LIMIT 1);"
                                 "UPDATE node SET title = CAST (X'436166C3' AS TEXT) "
                                 "WHERE id = (SELECT id FROM node WHERE kind = 'secondary' LIMIT 1);"
                                 "UPDATE node SET title = X'5226442000FE57617264' "
                                 "WHERE id = (SELECT id FROM node WHERE kind = 'change_idea' LIMIT 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  window = new_test_window (app, 1200, 800);
  open_and_wait_for_project (window, path);
  page = TANDEM_DIAGRAM_PAGE (find_widget (GTK_WIDGET (window), is_diagram_page, NULL));
  g_assert_nonnull (page);
  WAIT_FOR (tandem_diagram_page_get_diagram_id (page) != NULL);
  canvas = TANDEM_DIAGRAM_CANVAS (tandem_diagram_page_get_canvas (page));
  WAIT_FOR (tandem_diagram_canvas_get_layout (canvas) != NULL &&
            gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  layout = tandem_diagram_canvas_get_layout (canvas);
  diagram = tandem_diagram_layout_get_diagram (layout);

  /* Laid out: a box for every node, the titles valid, the bad bytes marked. */
  n_boxes = tandem_diagram_layout_get_n_boxes (layout);
  g_assert_cmpuint (n_boxes, ==, tandem_diagram_get_n_nodes (diagram));
  for (guint i = 0; i < tandem_diagram_get_n_nodes (diagram); i++)
    {
      const char *title = tandem_diagram_get_node (diagram, i)->title;

      g_assert_true (g_utf8_validate (title, -1, NULL));
      g_assert_cmpint (tandem_diagram_layout_find_box (layout, i), >=, 0);
    }
  g_assert_true (has_title (diagram, "Better care\xef\xbf\xbd"));
  g_assert_true (has_title (diagram, "Caf\xef\xbf\xbd"));
  g_assert_true (has_title (diagram, "R&D \xef\xbf\xbd\xef\xbf\xbdWard"));

  /* Drawn, as the canvas draws itself: every box has its words in ink.
   * Zoom to fit keeps the words readable and this diagram scrolls: it is
   * shown as wide as the view and checked a screenful at a time. */
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  height = gtk_widget_get_height (GTK_WIDGET (canvas));
  {
    double w, h, left = G_MAXDOUBLE, top = G_MAXDOUBLE;
    g_autofree gboolean *checked = g_new0 (gboolean, n_boxes);
    guint remaining = n_boxes;

    tandem_diagram_layout_get_size (layout, &w, &h);
    while (tandem_diagram_canvas_get_zoom (canvas) * w > width - 8)
      tandem_diagram_canvas_zoom_by (canvas, 0.95);
    for (guint b = 0; b < n_boxes; b++)
      {
        GdkRectangle rect;

        g_assert_true (tandem_diagram_canvas_get_node_rect (canvas, tandem_diagram_layout_get_box (layout, b)->node,
                                                            &rect));
        left = MIN (left, rect.x);
        top = MIN (top, rect.y);
      }
    tandem_diagram_canvas_pan (canvas, left - 4, top - 4);
    for (guint pass = 0; remaining > 0; pass++)
      {
        g_assert_cmpuint (pass, <, 40);
        g_clear_pointer (&node, gsk_render_node_unref);
        /* Drawn at the new view, by the canvas's own drawing. */
        snapshot = gtk_snapshot_new ();
        GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
        node = gtk_snapshot_free_to_node (snapshot);
        g_assert_nonnull (node);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
        cr = cairo_create (surface);
        cairo_scale (cr, scale, scale);
        gsk_render_node_draw (node, cr);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        for (guint b = 0; b < n_boxes; b++)
          {
            guint n = tandem_diagram_layout_get_box (layout, b)->node;
            GdkRectangle rect;

            g_assert_true (tandem_diagram_canvas_get_node_rect (canvas, n, &rect));
            if (checked[b] || rect.x < 0 || rect.y < 0 || rect.x + rect.width > width ||
                rect.y + rect.height > height)
              continue;
            if (!has_text_ink (surface, scale, &rect))
              g_error ("Nothing drawn in the box of “%s”", tandem_diagram_get_node (diagram, n)->title);
            checked[b] = TRUE;
            remaining--;
          }
        cairo_surface_destroy (surface);
        tandem_diagram_canvas_pan (canvas, 0, height / 3);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  app = test_application_new ();

  g_test_add ("/diagram-page/commands", Fixture, NULL, fixture_set_up, test_commands, fixture_tear_down);
  g_test_add ("/diagram-page/keyboard-path", Fixture, NULL, fixture_set_up, test_keyboard_path, fixture_tear_down);
  g_test_add ("/diagram-page/fit-readable", Fixture, NULL, fixture_set_up, test_fit_readable, fixture_tear_down);
  g_test_add ("/diagram-page/equity-detail-bounded", Fixture, NULL, fixture_set_up, test_equity_detail_bounded, fixture_tear_down);
  g_test_add ("/diagram-page/other-program", Fixture, NULL, fixture_set_up, test_other_program, fixture_tear_down);
  g_test_add ("/diagram-page/new-diagram", Fixture, NULL, fixture_set_up, test_new_diagram, fixture_tear_down);
  g_test_add ("/diagram-page/move-across", Fixture, NULL, fixture_set_up, test_move_across, fixture_tear_down);
  g_test_add ("/diagram-page/fold-shared", Fixture, NULL, fixture_set_up, test_fold_shared, fixture_tear_down);
  g_test_add ("/diagram-page/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/diagram-page/details-edit", Fixture, NULL, fixture_set_up, test_details_edit, fixture_tear_down);
  g_test_add ("/diagram-page/lists", Fixture, NULL, fixture_set_up, test_lists, fixture_tear_down);
  g_test_add ("/diagram-page/dialogs", Fixture, NULL, fixture_set_up, test_dialogs, fixture_tear_down);
  g_test_add ("/diagram-page/export-layouts", Fixture, NULL, fixture_set_up, test_export_layouts, fixture_tear_down);
  g_test_add_func ("/diagram-page/invalid-utf8-titles", test_invalid_utf8_titles);
  return test_run_app (app);
}
