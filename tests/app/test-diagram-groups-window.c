/* test-diagram-groups-window.c — the window of a diagram's groups and the
 * project's equity tags, on its own: add, rename, recolour, delete, the
 * question before a tag in use is removed, and the window freed when closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tandem-diagram.h"
#include "tandem-diagram-groups-window.h"
#include "tandem-test-util.h"

typedef struct
{
  char                      *dir;
  char                      *path;
  TandemProject             *project;
  char                      *diagram;
  char                      *idea;
  TandemDiagramGroupsWindow *window;
  GPtrArray                 *toasts;
  guint                      failures;
} Fixture;

static void
toast_cb (TandemDiagramGroupsWindow *window,
          const char                *title,
          Fixture                   *f)
{
  g_ptr_array_add (f->toasts, g_strdup (title));
}

static void
failed_cb (TandemDiagramGroupsWindow *window,
           const char                *heading,
           const GError              *error,
           Fixture                   *f)
{
  g_assert_nonnull (heading);
  g_assert_nonnull (error);
  f->failures++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->project = create_diagram_project ("tandem-groups-window-XXXXXX", "groups.tandem", &f->dir, &f->path,
                                       &f->diagram, &f->idea);

  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = g_object_ref (tandem_diagram_groups_window_new (NULL, f->project, f->diagram));
  g_signal_connect (f->window, "toast", G_CALLBACK (toast_cb), f);
  g_signal_connect (f->window, "failed", G_CALLBACK (failed_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Closed, the window is freed: nothing (a row, a pending save) keeps it. */
  gtk_window_close (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->window);
  g_ptr_array_unref (f->toasts);
  g_free (f->diagram);
  g_free (f->idea);
  g_object_unref (f->project);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWidget *
named (Fixture    *f,
       const char *name)
{
  return find_widget (GTK_WIDGET (f->window), is_named, name);
}

static GtkWidget *
named_for (Fixture    *f,
           const char *prefix,
           const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  return named (f, name);
}

/* Types @text into the row called @name, and presses its apply button. */
static void
apply (Fixture    *f,
       GtkWidget  *row,
       const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static TandemDiagram *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TandemDiagram *d = tandem_diagram_load (f->project, f->diagram, &error);

  g_assert_no_error (error);
  return d;
}

static gboolean
group_colour_is (Fixture    *f,
                 const char *colour)
{
  g_autoptr(TandemDiagram) d = load (f);

  return tandem_diagram_get_n_groups (d) == 1 &&
         g_strcmp0 (tandem_diagram_get_group (d, 0)->colour, colour) == 0;
}

static GtkWindow *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TandemDiagram) d = NULL;
  g_autofree char *group = NULL;
  GtkWidget *row;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Groups and Equity Tags");
  g_assert_cmpstr (tandem_diagram_groups_window_get_diagram_id (f->window), ==, f->diagram);

  apply (f, named (f, "group-add"), "Workforce lens");
  d = load (f);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 1);
  g_assert_cmpstr (tandem_diagram_get_group (d, 0)->name, ==, "Workforce lens");
  group = g_strdup (tandem_diagram_get_group (d, 0)->id);
  /* The window shows the new group, named for the screen reader, and an
   * empty row for the next one. */
  row = named_for (f, "group:", group);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Workforce lens");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Group of 0 primary drivers");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "group-add"))), ==, "");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (named_for (f, "group-colour:", group)), ==,
                   "Colour of “Workforce lens”");

  apply (f, row, "Lived experience lens");
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpstr (tandem_diagram_get_group (d, 0)->name, ==, "Lived experience lens");

  /* Recoloured once the drop-down has finished with the choice. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named_for (f, "group-colour:", group)), 4);
  WAIT_FOR (group_colour_is (f, "#613583"));
  WAIT_FOR (gtk_drop_down_get_selected (GTK_DROP_DOWN (named_for (f, "group-colour:", group))) == 4);

  /* A name refused is said, and the window keeps showing the file. */
  apply (f, named_for (f, "group:", group), "   ");
  g_assert_cmpuint (f->failures, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_for (f, "group:", group))), ==,
                   "Lived experience lens");

  g_signal_emit_by_name (named_for (f, "group-delete:", group), "clicked");
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpuint (tandem_diagram_get_n_groups (d), ==, 0);
  g_assert_null (named_for (f, "group:", group));
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "Deleted the group: its drivers are in no group now");
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemDiagram) d = NULL;
  g_autofree char *tag = NULL;
  GtkWindow *dialog = NULL;
  guint n_tags;

  d = load (f);
  n_tags = tandem_diagram_get_n_tags (d);
  apply (f, named (f, "tag-add"), "Care leavers");
  g_clear_object (&d);
  d = load (f);
  g_assert_cmpuint (tandem_diagram_get_n_tags (d), ==, n_tags + 1);
  for (guint t = 0; t < tandem_diagram_get_n_tags (d); t++)
    if (g_str_equal (tandem_diagram_get_tag (d, t)->name, "Care leavers"))
      tag = g_strdup (tandem_diagram_get_tag (d, t)->id);
  g_assert_nonnull (tag);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named_for (f, "tag-name:", tag))), ==,
                   "Not used yet");

  /* Put on a change idea elsewhere: the window says so once filled afresh. */
  g_assert_true (tandem_diagram_set_tag (f->project, f->idea, tag, TRUE, &error));
  g_assert_no_error (error);
  tandem_diagram_groups_window_reload (f->window);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named_for (f, "tag-name:", tag))), ==,
                   "On 1 item");

  /* A tag in use is removed only after the question; Cancel keeps it. */
  g_signal_emit_by_name (named_for (f, "tag-delete:", tag), "clicked");
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "It is on 1 item."));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_true (tandem_project_exists (f->project, "equity_tag", tag));
  g_assert_cmpuint (f->toasts->len, ==, 0);

  g_signal_emit_by_name (named_for (f, "tag-delete:", tag), "clicked");
  WAIT_FOR ((dialog = message_dialog ()) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  gtk_window_destroy (dialog);
  g_assert_false (tandem_project_exists (f->project, "equity_tag", tag));
  g_assert_null (named_for (f, "tag-name:", tag));
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (f->toasts->pdata[0], ==, "Removed the equity tag");

  /* Undone, it is back on the change idea. */
  g_assert_true (tandem_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_equity_tag_count_uses (f->project, tag), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/diagram-groups-window/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/diagram-groups-window/tags", Fixture, NULL, fixture_set_up, test_tags, fixture_tear_down);

  return g_test_run ();
}
