/* test-field-conflicts.c — two programs on one file: nobody's field edit is
 * silently overwritten, and a refresh never overwrites what is being typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's project is "mine"; a second TandemProject on the same path
 * plays the other program. Each test starts typing in a page's editor, lets
 * the other program change the same field, waits for the window's refresh
 * (it polls the file), checks the typing survived it, then saves: the other
 * value stands, both are kept as a conflict, and a toast says so.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-application.h"
#include "tandem-coaching-page.h"
#include "tandem-coaching.h"
#include "tandem-conflicts-window.h"
#include "tandem-diagram-page.h"
#include "tandem-diagram.h"
#include "tandem-measure.h"
#include "tandem-measure-data-table.h"
#include "tandem-measures-page.h"
#include "tandem-merge.h"
#include "tandem-peer-support-page.h"
#include "tandem-peer-support.h"
#include "tandem-sample.h"
#include "tandem-team-dialog.h"
#include "tandem-test-util.h"
#include "tandem-window.h"

static TandemApplication *app;

typedef struct
{
  char          *dir;
  char          *path;
  TandemWindow  *window;
  TandemProject *mine;
  TandemProject *theirs;
} Fixture;

/* The peer-support page names each editor after what it edits. */
static gboolean
is_role_title_row (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *key = g_strdup_printf ("title:%s", (const char *) data);
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Post title") == 0 &&
         g_strcmp0 (gtk_widget_get_name (widget), key) == 0;
}

static gboolean
is_status_dropdown (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *key = g_strdup_printf ("status:%s", (const char *) data);
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_name (widget), key) == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_object_unref (create_sample_project ("tandem-field-conflicts-XXXXXX", "Ward.tandem",
                                         "Tandem sample", &fixture->dir, &fixture->path));
  fixture->window = new_test_window (app, 1200, 800);
  open_and_wait_for_project (fixture->window, fixture->path);
  fixture->mine = tandem_window_get_project (fixture->window);
  tandem_project_set_author (fixture->mine, "Ada Coach");
  fixture->theirs = tandem_project_open (fixture->path, &error);
  g_assert_no_error (error);
  tandem_project_set_author (fixture->theirs, "Aisha Peer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->theirs);
  /* destroy_transients () lets the windows go while the window they belong
   * to is still there. */
  destroy_transients (GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The one conflict kept for the field, with both values and who wrote them. */
static void
assert_conflict (Fixture    *fixture,
                 const char *entity_id,
                 const char *field,
                 const char *mine,
                 const char *theirs)
{
  g_autoptr(GPtrArray) conflicts = tandem_project_list_conflicts (fixture->mine);
  guint found = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      TandemConflict *c = conflicts->pdata[i];

      if (g_strcmp0 (c->entity_id, entity_id) != 0 || g_strcmp0 (c->field, field) != 0)
        continue;
      found++;
      g_assert_cmpstr (c->source, ==, "live");
      g_assert_cmpstr (c->mine_value, ==, mine);
      g_assert_cmpstr (c->mine_author, ==, "Ada Coach");
      g_assert_cmpstr (c->theirs_value, ==, theirs);
      g_assert_cmpstr (c->theirs_author, ==, "Aisha Peer");
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
assert_toast (Fixture *fixture)
{
  WAIT_FOR (FIND (fixture->window, mapped_label_starts_with,
                  "Aisha Peer changed this at the same time — both versions are kept"));
}

static char *
editor_text (GtkWidget *editor)
{
  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (FIND_TYPE (fixture->window, ADW_TYPE_VIEW_STACK)),
                                         name);
}

/* The measure the measures page shows, once in view (a page out of sight
 * shows the project afresh when it comes into view). */
static const char *
shown_measure_id (Fixture            *fixture,
                  TandemMeasuresPage *page)
{
  show_view (fixture, "measures");
  return tandem_measures_page_get_measure_id (page);
}

static void
count_refresh (guint *refreshes)
{
  (*refreshes)++;
}

/* Measures: the measure's name, typed while the other program renamed it. */
static void
test_measure_name (Fixture       *fixture,
                   gconstpointer  data)
{
  TandemMeasuresPage *page = TANDEM_MEASURES_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_MEASURES_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *name_row;
  GtkWidget *title;

  g_assert_nonnull (page);
  show_view (fixture, "measures");
  measure = g_strdup (shown_measure_id (fixture, page));
  g_assert_nonnull (measure);
  name_row = FIND (page, is_row_titled, "Name");
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));

  /* The person starts typing, with the keyboard in the row. */
  gtk_widget_grab_focus (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Restraint, per 1,000 bed days");

  /* The other program renames the measure; this window sees it (its title)
   * without losing what is being typed. */
  g_assert_true (tandem_project_update (fixture->theirs, "measure", measure, "name",
                                        tandem_value_text ("Restrictive practice"), &error));
  g_assert_no_error (error);
  WAIT_FOR ((title = FIND (page, is_label, "Restrictive practice")) != NULL);
  typed = editor_text (name_row);
  g_assert_cmpstr (typed, ==, "Restraint, per 1,000 bed days");

  /* Saving it: theirs stands, both are kept, the person is told. */
  g_signal_emit_by_name (name_row, "apply");
  stored = tandem_project_get_text (fixture->mine, "measure", measure, "name");
  g_assert_cmpstr (stored, ==, "Restrictive practice");
  assert_conflict (fixture, measure, "name", "Restraint, per 1,000 bed days", "Restrictive practice");
  assert_toast (fixture);
  g_clear_pointer (&typed, g_free);
  typed = editor_text (name_row);
  g_assert_cmpstr (typed, ==, "Restrictive practice");
  save_screenshot (GTK_WIDGET (fixture->window), "field-conflict-toast.png", 40);

  /* Now it shows theirs, a change from it is saved as usual. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Restrictive practice (all kinds)");
  g_signal_emit_by_name (name_row, "apply");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "measure", measure, "name");
  g_assert_cmpstr (stored, ==, "Restrictive practice (all kinds)");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);

  /* The toast's button opens the Conflicts window, which offers both. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-conflicts", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *conflicts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && conflicts == NULL; i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
        if (window != GTK_WINDOW (fixture->window) &&
            gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
          {
            g_test_message ("transient: %s", G_OBJECT_TYPE_NAME (window));
            if (ADW_IS_MESSAGE_DIALOG (window))
              g_test_message ("  says: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));
          }
        if (window != GTK_WINDOW (fixture->window) && TANDEM_IS_CONFLICTS_WINDOW (window) &&
            gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
          conflicts = window;
      }
    g_assert_nonnull (conflicts);
    g_assert_true (TANDEM_IS_CONFLICTS_WINDOW (conflicts));
    WAIT_FOR (FIND (conflicts, is_label_text, "Restraint, per 1,000 bed days") != NULL);
    g_assert_nonnull (FIND (conflicts, is_label_text, "Restrictive practice"));
    /* Labelled for what happened: the other person's value was saved
     * first and stands; this person's was not saved. */
    g_assert_nonnull (FIND (conflicts, mapped_label_starts_with, "Not saved — by "));
    g_assert_nonnull (FIND (conflicts, mapped_label_starts_with, "Saved first — by "));
    g_assert_nonnull (FIND (conflicts, is_button_labelled, "Use _Unsaved"));
    g_assert_nonnull (FIND (conflicts, is_button_labelled, "Keep _Saved"));
    g_assert_null (FIND (conflicts, is_button_labelled, "Keep _Mine"));
    save_screenshot (GTK_WIDGET (conflicts), "field-conflict-window.png", 40);
  }
}

/* Measures: drop-downs chosen from what they showed, after the other
 * program chose another value: theirs stands, both are kept. */
static void
test_measure_choices (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const kinds[] = { "outcome", "process", "balancing" };
  TandemMeasuresPage *page = TANDEM_MEASURES_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_MEASURES_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *kind_row;
  GtkWidget *chart_row;
  guint shown, theirs, mine;

  g_assert_nonnull (page);
  show_view (fixture, "measures");
  measure = g_strdup (shown_measure_id (fixture, page));
  g_assert_nonnull (measure);
  kind_row = FIND (page, is_row_titled, "Kind of measure");
  chart_row = FIND (page, is_row_titled, "Chart");
  g_assert_true (ADW_IS_COMBO_ROW (kind_row));
  g_assert_true (ADW_IS_COMBO_ROW (chart_row));

  /* The kind: the other program's choice arrives after this window showed
   * the old one, and before this person's choice is saved. */
  kind = tandem_project_get_text (fixture->mine, "measure", measure, "kind");
  shown = adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row));
  g_assert_cmpuint (shown, <, G_N_ELEMENTS (kinds));
  g_assert_cmpstr (kinds[shown], ==, kind);
  theirs = (shown + 1) % G_N_ELEMENTS (kinds);
  mine = (shown + 2) % G_N_ELEMENTS (kinds);
  g_assert_true (tandem_project_update (fixture->theirs, "measure", measure, "kind",
                                        tandem_value_text (kinds[theirs]), &error));
  g_assert_no_error (error);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), mine);
  stored = tandem_project_get_text (fixture->mine, "measure", measure, "kind");
  g_assert_cmpstr (stored, ==, kinds[theirs]);
  assert_conflict (fixture, measure, "kind", kinds[mine], kinds[theirs]);
  assert_toast (fixture);
  /* The drop-down now shows what stands. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, theirs);

  /* Chosen again from what it shows now, it is saved as usual. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), mine);
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "measure", measure, "kind");
  g_assert_cmpstr (stored, ==, kinds[mine]);
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);

  /* The chart, whose change may also reset the rules, the same way. */
  chart = tandem_project_get_text (fixture->mine, "measure", measure, "chart_type");
  shown = adw_combo_row_get_selected (ADW_COMBO_ROW (chart_row));
  theirs = mine = G_MAXUINT;
  for (guint c = TANDEM_SPC_CHART_RUN + 1; c < TANDEM_SPC_N_CHARTS; c++)
    if (c != shown && theirs == G_MAXUINT)
      theirs = c;
    else if (c != shown && mine == G_MAXUINT)
      mine = c;
  g_assert_cmpuint (mine, !=, G_MAXUINT);
  g_assert_true (tandem_project_update (fixture->theirs, "measure", measure, "chart_type",
                                        tandem_value_text (tandem_spc_chart_to_string (theirs)), &error));
  g_assert_no_error (error);
  adw_combo_row_set_selected (ADW_COMBO_ROW (chart_row), mine);
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->mine, "measure", measure, "chart_type");
  g_assert_cmpstr (stored, ==, tandem_spc_chart_to_string (theirs));
  assert_conflict (fixture, measure, "chart_type", tandem_spc_chart_to_string (mine),
                   tandem_spc_chart_to_string (theirs));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (chart_row)), ==, theirs);
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 2);
}

/* A refresh that came while the person was in an editor but changed
 * nothing shows once they leave it; then their change is no conflict. */
static void
test_left_alone (Fixture       *fixture,
                 gconstpointer  data)
{
  TandemMeasuresPage *page = TANDEM_MEASURES_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_MEASURES_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *before = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *unit_row = FIND (page, is_row_titled, "Unit, e.g. incidents or %");
  GtkWidget *name_row = FIND (page, is_row_titled, "Name");
  guint refreshes = 0;

  g_assert_true (ADW_IS_ENTRY_ROW (unit_row));
  show_view (fixture, "measures");
  measure = g_strdup (shown_measure_id (fixture, page));
  gtk_widget_grab_focus (unit_row);
  before = editor_text (unit_row);
  g_signal_connect_swapped (fixture->mine, "changed", G_CALLBACK (count_refresh), &refreshes);
  g_assert_true (tandem_project_update (fixture->theirs, "measure", measure, "unit",
                                        tandem_value_text ("incidents a week"), &error));
  g_assert_no_error (error);
  WAIT_FOR (refreshes > 0);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_func (fixture->mine, count_refresh, &refreshes);
  {
    g_autofree char *now = editor_text (unit_row);
    g_assert_cmpstr (now, ==, before);
  }

  gtk_widget_grab_focus (name_row);
  {
    g_autofree char *now = editor_text (unit_row);
    g_assert_cmpstr (now, ==, "incidents a week");
  }
  gtk_editable_set_text (GTK_EDITABLE (unit_row), "incidents a fortnight");
  g_signal_emit_by_name (unit_row, "apply");
  stored = tandem_project_get_text (fixture->theirs, "measure", measure, "unit");
  g_assert_cmpstr (stored, ==, "incidents a fortnight");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 0);
}

static GtkEditable *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (root) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    return GTK_EDITABLE (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry (child, placeholder);
      if (found)
        return found;
    }
  return NULL;
}

/* Measures: a phase's label, in its window, opened before the other program
 * changed it; the date the person also changed is saved. */
static void
test_measure_phase_label (Fixture       *fixture,
                          gconstpointer  data)
{
  TandemMeasuresPage *page = TANDEM_MEASURES_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_MEASURES_PAGE));
  g_autofree char *measure_id = g_strdup (shown_measure_id (fixture, page));
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *second_date = NULL;
  g_autofree char *stored = NULL;
  GtkWindow *dialog;
  guint refreshes = 0;

  show_view (fixture, "measures");
  measure = tandem_measure_load (fixture->mine, measure_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measure->points->len, >, 12);
  first_date = g_strdup (((TandemDataPoint *) measure->points->pdata[measure->points->len - 6])->date);
  second_date = g_strdup (((TandemDataPoint *) measure->points->pdata[measure->points->len - 5])->date);
  phase = tandem_measure_save_phase (fixture->mine, measure, NULL, first_date, "New rota", -1, &error);
  g_assert_no_error (error);

  dialog = tandem_measures_page_edit_phase (page, phase);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "e.g. after the new observation policy"),
                         "New rota, nights too");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "Date, e.g. 2026-03-02"), second_date);
  g_signal_connect_swapped (fixture->mine, "changed", G_CALLBACK (count_refresh), &refreshes);
  g_assert_true (tandem_project_update (fixture->theirs, "phase", phase, "label",
                                        tandem_value_text ("New rota from Monday"), &error));
  g_assert_no_error (error);
  /* The page has reloaded the measure, with their label, before the save. */
  WAIT_FOR (refreshes > 0);
  g_signal_handlers_disconnect_by_func (fixture->mine, count_refresh, &refreshes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit.save", NULL));
  g_assert_false (is_open (dialog));

  stored = tandem_project_get_text (fixture->theirs, "phase", phase, "label");
  g_assert_cmpstr (stored, ==, "New rota from Monday");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "phase", phase, "starts_on");
  g_assert_cmpstr (stored, ==, second_date);
  assert_conflict (fixture, phase, "label", "New rota, nights too", "New rota from Monday");
  assert_toast (fixture);
}

/* Measures: a value's note in the data form; a field the person did not
 * touch (the value) is not written back over the other program's change. */
static void
test_measure_data_note (Fixture       *fixture,
                        gconstpointer  data)
{
  TandemMeasuresPage *page = TANDEM_MEASURES_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_MEASURES_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  GtkColumnView *view = GTK_COLUMN_VIEW (FIND_TYPE (page, GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  TandemMeasureValue *chosen;
  GtkWidget *note_entry, *button;
  g_autofree char *point = NULL;

  show_view (fixture, "measures");
  gtk_selection_model_select_item (selection, 0, TRUE);
  chosen = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  point = g_strdup (tandem_measure_value_get_id (chosen));
  g_object_unref (chosen);
  note_entry = GTK_WIDGET (find_entry (GTK_WIDGET (page), "Note (optional)"));
  g_assert_nonnull (note_entry);

  gtk_widget_grab_focus (note_entry);
  gtk_editable_set_text (GTK_EDITABLE (note_entry), "Two agency staff");
  g_assert_true (tandem_project_update (fixture->theirs, "data_point", point, "note",
                                        tandem_value_text ("Agency staff on nights"), &error));
  g_assert_true (tandem_project_update (fixture->theirs, "data_point", point, "value",
                                        tandem_value_double (42), &error));
  g_assert_no_error (error);
  /* The refresh shows the other program's value in the table; the note being
   * typed stays. */
  WAIT_FOR (FIND (page, is_label, "42") != NULL);
  typed = editor_text (note_entry);
  g_assert_cmpstr (typed, ==, "Two agency staff");

  button = FIND (page, is_button_labelled, "_Save Changes");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  stored = tandem_project_get_text (fixture->theirs, "data_point", point, "note");
  g_assert_cmpstr (stored, ==, "Agency staff on nights");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "data_point", point, "value");
  g_assert_cmpstr (stored, ==, "42.0");
  assert_conflict (fixture, point, "note", "Two agency staff", "Agency staff on nights");
  assert_toast (fixture);
}

/* The first node of @kind (by id) in the diagram the page shows. */
static char *
first_node_of_kind (Fixture           *fixture,
                    TandemDiagramPage *page,
                    const char        *kind)
{
  g_autoptr(GPtrArray) nodes = tandem_project_list_ids (fixture->mine, "node", "diagram_id",
                                                        tandem_diagram_page_get_diagram_id (page), NULL);

  for (guint n = 0; n < nodes->len; n++)
    {
      g_autofree char *node_kind = tandem_project_get_text (fixture->mine, "node", nodes->pdata[n], "kind");

      if (g_strcmp0 (node_kind, kind) == 0)
        return g_strdup (nodes->pdata[n]);
    }
  g_assert_not_reached ();
}

/* The words stored for each choice of a change idea's Status drop-down, in
 * its order. */
static GPtrArray *
status_words (void)
{
  static GPtrArray *words;

  if (words == NULL)
    {
      words = g_ptr_array_new ();
      for (guint s = 1; s < TANDEM_N_IDEA_STATUSES; s++)
        g_ptr_array_add (words, (gpointer) tandem_idea_status_to_string (s));
    }
  return words;
}

/* Two of the Status drop-down's values other than the one it shows: one
 * for the other program, one for this person. Which node comes first
 * depends on its id, so what it shows varies. */
static void
pick_other_values (GtkWidget *row,
                   guint     *theirs,
                   guint     *mine)
{
  GPtrArray *values = status_words ();
  guint shown = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, values->len);
  *theirs = *mine = G_MAXUINT;
  for (guint v = 0; v < values->len; v++)
    if (v != shown && values->pdata[v] != NULL)
      {
        if (*theirs == G_MAXUINT)
          *theirs = v;
        else if (*mine == G_MAXUINT)
          *mine = v;
      }
  g_assert_cmpuint (*mine, !=, G_MAXUINT);
}

/* Diagram: a change idea's description, in the details pane that is rebuilt
 * by every refresh. */
static void
test_diagram_description (Fixture       *fixture,
                          gconstpointer  data)
{
  TandemDiagramPage *page = TANDEM_DIAGRAM_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_DIAGRAM_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *row, *before;

  g_assert_nonnull (page);
  show_view (fixture, "diagram");
  idea = first_node_of_kind (fixture, page, "change_idea");
  tandem_diagram_page_select (page, idea);
  row = FIND (page, is_named, "description");
  g_assert_true (ADW_IS_ENTRY_ROW (row));

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Ask at every handover");
  before = g_object_ref (row);
  g_assert_true (tandem_diagram_set_field (fixture->theirs, idea, "description", TANDEM_UNCHECKED,
                                           "Ask at handover and at ward round", &error));
  g_assert_no_error (error);
  /* The refresh rebuilds the pane: the new row still holds the typing. */
  WAIT_FOR (gtk_widget_get_parent (before) == NULL);
  g_object_unref (before);
  row = FIND (page, is_named, "description");
  g_assert_nonnull (row);
  typed = editor_text (row);
  g_assert_cmpstr (typed, ==, "Ask at every handover");

  g_signal_emit_by_name (row, "apply");
  stored = tandem_project_get_text (fixture->mine, "node", idea, "description");
  g_assert_cmpstr (stored, ==, "Ask at handover and at ward round");
  assert_conflict (fixture, idea, "description", "Ask at every handover",
                   "Ask at handover and at ward round");
  assert_toast (fixture);
  row = FIND (page, is_named, "description");
  g_clear_pointer (&typed, g_free);
  typed = editor_text (row);
  g_assert_cmpstr (typed, ==, "Ask at handover and at ward round");

  /* A status chosen from what was shown, after the other program chose
   * another: theirs stands, both kept. */
  row = FIND (page, is_named, "status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  before = g_object_ref (row);
  {
    GPtrArray *values = status_words ();
    guint theirs, other;

    pick_other_values (before, &theirs, &other);
    g_assert_true (tandem_diagram_set_field (fixture->theirs, idea, "status", TANDEM_UNCHECKED, values->pdata[theirs], &error));
    g_assert_no_error (error);
    adw_combo_row_set_selected (ADW_COMBO_ROW (before), other);
    WAIT_FOR (tandem_project_count_conflicts (fixture->mine) == 2);
    g_clear_pointer (&stored, g_free);
    stored = tandem_project_get_text (fixture->mine, "node", idea, "status");
    g_assert_cmpstr (stored, ==, values->pdata[theirs]);
    assert_conflict (fixture, idea, "status", values->pdata[other], values->pdata[theirs]);
    /* Rebuilt, the drop-down shows the status that stands. */
    WAIT_FOR ((row = FIND (page, is_named, "status")) != NULL &&
              adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == theirs);
  }
  g_object_unref (before);
}

/* Diagram: the details pane shows the page's copy of the node. Another
 * program changes the status; before this window's next look at the file
 * the person opens the idea again (the pane is rebuilt from the copy, so
 * it still shows the old status) and chooses another: that is a conflict
 * too, not a silent overwrite. */
static void
test_diagram_stale_copy (Fixture       *fixture,
                         gconstpointer  data)
{
  TandemDiagramPage *page = TANDEM_DIAGRAM_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_DIAGRAM_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *idea = NULL;
  g_autofree char *aim = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *theirs_value = NULL;
  g_autofree char *mine_value = NULL;
  GPtrArray *values;
  GtkWidget *row;
  guint shown, theirs, mine;

  g_assert_nonnull (page);
  show_view (fixture, "diagram");
  idea = first_node_of_kind (fixture, page, "change_idea");
  aim = first_node_of_kind (fixture, page, "aim");
  tandem_diagram_page_select (page, idea);
  row = FIND (page, is_named, "status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  values = status_words ();
  shown = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  pick_other_values (row, &theirs, &mine);
  /* The rows (and their values) go with each rebuild of the pane. */
  theirs_value = g_strdup (values->pdata[theirs]);
  mine_value = g_strdup (values->pdata[mine]);

  g_assert_true (tandem_diagram_set_field (fixture->theirs, idea, "status", TANDEM_UNCHECKED, theirs_value, &error));
  g_assert_no_error (error);
  /* No main loop turn in between: the window has not looked at the file. */
  tandem_diagram_page_select (page, aim);
  tandem_diagram_page_select (page, idea);
  row = FIND (page, is_named, "status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, shown);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), mine);
  WAIT_FOR (tandem_project_count_conflicts (fixture->mine) == 1);
  stored = tandem_project_get_text (fixture->mine, "node", idea, "status");
  g_assert_cmpstr (stored, ==, theirs_value);
  assert_conflict (fixture, idea, "status", mine_value, theirs_value);
  assert_toast (fixture);
  WAIT_FOR ((row = FIND (page, is_named, "status")) != NULL &&
            adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == theirs);

  /* The same for words: the description. */
  g_assert_true (tandem_diagram_set_field (fixture->theirs, idea, "description", TANDEM_UNCHECKED,
                                           "Theirs: ask at every ward round", &error));
  g_assert_no_error (error);
  tandem_diagram_page_select (page, aim);
  tandem_diagram_page_select (page, idea);
  row = FIND (page, is_named, "description");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_clear_pointer (&stored, g_free);
  stored = editor_text (row);
  g_assert_cmpstr (stored, !=, "Theirs: ask at every ward round");
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Mine: ask at handover");
  g_signal_emit_by_name (row, "apply");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->mine, "node", idea, "description");
  g_assert_cmpstr (stored, ==, "Theirs: ask at every ward round");
  assert_conflict (fixture, idea, "description", "Mine: ask at handover", "Theirs: ask at every ward round");
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 2);
}

/* Coaching: the session form is saved as a whole; only what the person
 * changed is written, checked. */
static void
test_coaching_notes (Fixture       *fixture,
                     gconstpointer  data)
{
  TandemCoachingPage *page = TANDEM_COACHING_PAGE (FIND_TYPE (fixture->window, TANDEM_TYPE_COACHING_PAGE));
  const char *team = tandem_window_get_team_id (fixture->window);
  g_autoptr(GPtrArray) sessions = tandem_project_list_ids (fixture->mine, "coaching_session", "team_id",
                                                           team, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *label, *notes, *advice;
  guint refreshes = 0;

  g_assert_nonnull (page);
  show_view (fixture, "coaching");
  g_assert_cmpuint (sessions->len, >, 0);
  session = g_strdup (sessions->pdata[0]);
  tandem_coaching_page_open_session (page, session);
  label = FIND (page, is_label, "_Notes");
  notes = gtk_label_get_mnemonic_widget (GTK_LABEL (label));
  label = FIND (page, is_label, "Ad_vice given");
  advice = gtk_label_get_mnemonic_widget (GTK_LABEL (label));
  g_assert_true (GTK_IS_TEXT_VIEW (notes));
  gtk_widget_grab_focus (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "Mine: sensory room", -1);

  g_signal_connect_swapped (fixture->mine, "changed", G_CALLBACK (count_refresh), &refreshes);
  /* The other program changes the notes and the advice (which this person
   * left alone). */
  g_assert_true (tandem_project_update (fixture->theirs, "coaching_session", session, "notes",
                                        tandem_value_text ("Theirs: weighted blanket"), &error));
  g_assert_true (tandem_project_update (fixture->theirs, "coaching_session", session, "advice",
                                        tandem_value_text ("Theirs: try it for a week"), &error));
  g_assert_no_error (error);
  /* The window sees the other program's change (and reloads its pages). */
  WAIT_FOR (refreshes > 0);
  typed = editor_text (notes);
  g_assert_cmpstr (typed, ==, "Mine: sensory room");

  g_assert_false (tandem_coaching_page_save (page));
  stored = tandem_project_get_text (fixture->mine, "coaching_session", session, "notes");
  g_assert_cmpstr (stored, ==, "Theirs: weighted blanket");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->mine, "coaching_session", session, "advice");
  g_assert_cmpstr (stored, ==, "Theirs: try it for a week");
  assert_conflict (fixture, session, "notes", "Mine: sensory room", "Theirs: weighted blanket");
  assert_toast (fixture);
  /* The form shows what stands. */
  g_clear_pointer (&typed, g_free);
  typed = editor_text (notes);
  g_assert_cmpstr (typed, ==, "Theirs: weighted blanket");
  g_clear_pointer (&typed, g_free);
  typed = editor_text (advice);
  g_assert_cmpstr (typed, ==, "Theirs: try it for a week");
  /* And saving again is no conflict. */
  g_assert_true (tandem_coaching_page_save (page));
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->mine, count_refresh, &refreshes);
}

/* The first peer role (by id) of the window's team. */
static char *
first_role (Fixture *fixture)
{
  const char *team = tandem_window_get_team_id (fixture->window);
  g_autoptr(GPtrArray) roles = tandem_project_list_ids (fixture->mine, "peer_role", "team_id", team, NULL);

  g_assert_cmpuint (roles->len, >, 0);
  return g_strdup (roles->pdata[0]);
}

/* Peer support: a role's title, in the roles list changed in place. */
static void
test_peer_role_title (Fixture       *fixture,
                      gconstpointer  data)
{
  TandemPeerSupportPage *page = TANDEM_PEER_SUPPORT_PAGE (FIND_TYPE (fixture->window,
                                                                     TANDEM_TYPE_PEER_SUPPORT_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *role = first_role (fixture);
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *row, *before;

  g_assert_nonnull (page);
  show_view (fixture, "peer-support");
  WAIT_FOR ((row = FIND (page, is_role_title_row, role)) != NULL);
  {
    g_autofree char *title = tandem_project_get_text (fixture->mine, "peer_role", role, "title");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, title);
  }
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Peer worker (nights)");
  before = g_object_ref (row);
  g_assert_true (tandem_peer_support_set_role_field (fixture->theirs, role, "title", TANDEM_UNCHECKED,
                                                     "Senior peer support worker", &error));
  g_assert_no_error (error);
  /* The refresh changes the role's row in place: its heading shows their
   * title, and the field being typed in is the same one, still focused,
   * still holding the typing. */
  WAIT_FOR (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (before, ADW_TYPE_EXPANDER_ROW))),
                       "Senior peer support worker") == 0);
  row = FIND (page, is_role_title_row, role);
  g_assert_true (row == before);
  g_object_unref (before);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)), row));
  typed = editor_text (row);
  g_assert_cmpstr (typed, ==, "Peer worker (nights)");

  g_signal_emit_by_name (row, "apply");
  stored = tandem_project_get_text (fixture->mine, "peer_role", role, "title");
  g_assert_cmpstr (stored, ==, "Senior peer support worker");
  assert_conflict (fixture, role, "title", "Peer worker (nights)", "Senior peer support worker");
  assert_toast (fixture);
}

static gboolean
editor_shows (GtkWidget  *editor,
              const char *text)
{
  g_autofree char *now = editor_text (editor);

  return g_strcmp0 (now, text) == 0;
}

static gboolean
is_show_all_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?
                           gtk_button_get_label (GTK_BUTTON (widget)) : "", "Show All");
}

/* Peer support: "Show All" reads the file again; before this window's next
 * look at the file they show what the file holds, not the page's old copy,
 * so a save from them is checked against what the person sees. */
static void
test_peer_stale_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  TandemPeerSupportPage *page = TANDEM_PEER_SUPPORT_PAGE (FIND_TYPE (fixture->window,
                                                                     TANDEM_TYPE_PEER_SUPPORT_PAGE));
  g_autoptr(GError) error = NULL;
  g_autofree char *role = first_role (fixture);
  g_autofree char *shown = NULL;
  GtkWidget *row, *before, *show_all;

  g_assert_nonnull (page);
  show_view (fixture, "peer-support");
  /* Enough records that only the latest are shown, with a "Show All". */
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-10", 1 + i % 12);
      g_autofree char *record = tandem_peer_support_add_record (fixture->mine, role, date,
                                                                TANDEM_SUPERVISION_ONE_TO_ONE,
                                                                NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
    }
  tandem_peer_support_page_select_view (page, "roles");
  WAIT_FOR ((show_all = FIND (page, is_show_all_button, NULL)) != NULL &&
            (row = FIND (page, is_role_title_row, role)) != NULL);
  before = g_object_ref (row);

  g_assert_true (tandem_peer_support_set_role_field (fixture->theirs, role, "title", TANDEM_UNCHECKED,
                                                     "Senior peer support worker", &error));
  g_assert_no_error (error);
  /* No main loop turn in between: the window has not looked at the file. */
  g_signal_emit_by_name (show_all, "clicked");
  WAIT_FOR (editor_shows (before, "Senior peer support worker"));
  g_object_unref (before);
  row = FIND (page, is_role_title_row, role);
  g_assert_nonnull (row);
  shown = editor_text (row);
  g_assert_cmpstr (shown, ==, "Senior peer support worker");
}

/* Peer support: a framework item's status chosen from what its drop-down
 * showed, after the other program chose another: theirs stands. */
static void
test_peer_status (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemPeerSupportPage *page = TANDEM_PEER_SUPPORT_PAGE (FIND_TYPE (fixture->window,
                                                                     TANDEM_TYPE_PEER_SUPPORT_PAGE));
  const char *team = tandem_window_get_team_id (fixture->window);
  g_autoptr(GPtrArray) items = tandem_peer_support_list_items (fixture->mine, team, NULL);
  g_autoptr(GError) error = NULL;
  const TandemTrackerItem *item = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *dropdown;
  guint shown, theirs, mine;

  g_assert_nonnull (page);
  show_view (fixture, "peer-support");
  for (guint i = 0; i < items->len && item == NULL; i++)
    if (((const TandemTrackerItem *) items->pdata[i])->status_id != NULL)
      item = items->pdata[i];
  g_assert_nonnull (item);
  WAIT_FOR ((dropdown = FIND (page, is_status_dropdown, item->item_id)) != NULL);
  shown = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (shown, ==, item->status);
  theirs = (shown + 1) % TANDEM_N_ITEM_STATUSES;
  mine = (shown + 2) % TANDEM_N_ITEM_STATUSES;

  g_assert_true (tandem_peer_support_set_status (fixture->theirs, team, item->item_id, theirs, TANDEM_UNCHECKED, NULL,
                                                 &error));
  g_assert_no_error (error);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), mine);
  stored = tandem_project_get_text (fixture->mine, "framework_status", item->status_id, "status");
  g_assert_cmpstr (stored, ==, tandem_item_status_to_string (theirs));
  assert_conflict (fixture, item->status_id, "status", tandem_item_status_to_string (mine),
                   tandem_item_status_to_string (theirs));
  assert_toast (fixture);
  /* Rebuilt, the drop-down shows the status that stands. */
  WAIT_FOR ((dropdown = FIND (page, is_status_dropdown, item->item_id)) != NULL &&
            gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == theirs);
}

/* The team's editor: a detail the other program changed while it was open
 * and the person left alone stays theirs; one both changed is kept as a
 * conflict, and what else the person changed is saved. */
static void
test_team_editor (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *team = g_strdup (tandem_window_get_team_id (fixture->window));
  g_autofree char *stored = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (team);
  g_assert_true (tandem_project_update (fixture->mine, "team", team, "organisation",
                                        tandem_value_text ("North Trust"), &error));
  g_assert_no_error (error);

  /* Only the name changed in the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-team", NULL));
  dialog = find_toplevel (TANDEM_TYPE_TEAM_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_true (tandem_project_update (fixture->theirs, "team", team, "organisation",
                                        tandem_value_text ("South Trust"), &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (FIND (dialog, is_row_titled, "Team name")), "Willow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.save", NULL));
  g_assert_false (is_open (dialog));
  stored = tandem_project_get_text (fixture->theirs, "team", team, "name");
  g_assert_cmpstr (stored, ==, "Willow");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "team", team, "organisation");
  g_assert_cmpstr (stored, ==, "South Trust");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpuint (tandem_project_count_conflicts (fixture->mine), ==, 0);

  /* Both changed the ward: theirs stands, both are kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-team", NULL));
  dialog = find_toplevel (TANDEM_TYPE_TEAM_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_true (tandem_project_update (fixture->theirs, "team", team, "ward",
                                        tandem_value_text ("Block C"), &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (FIND (dialog, is_row_titled, "Ward or unit")), "Block B");
  gtk_editable_set_text (GTK_EDITABLE (FIND (dialog, is_row_titled, "Organisation")),
                         "East Trust");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "team.save", NULL));
  g_assert_false (is_open (dialog));
  stored = tandem_project_get_text (fixture->theirs, "team", team, "ward");
  g_assert_cmpstr (stored, ==, "Block C");
  g_clear_pointer (&stored, g_free);
  stored = tandem_project_get_text (fixture->theirs, "team", team, "organisation");
  g_assert_cmpstr (stored, ==, "East Trust");
  assert_conflict (fixture, team, "ward", "Block B", "Block C");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  app = test_application_new ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/field-conflicts/measure-name", test_measure_name);
  ADD ("/field-conflicts/measure-choices", test_measure_choices);
  ADD ("/field-conflicts/peer-status", test_peer_status);
  ADD ("/field-conflicts/left-alone", test_left_alone);
  ADD ("/field-conflicts/measure-phase-label", test_measure_phase_label);
  ADD ("/field-conflicts/measure-data-note", test_measure_data_note);
  ADD ("/field-conflicts/diagram-description", test_diagram_description);
  ADD ("/field-conflicts/diagram-stale-copy", test_diagram_stale_copy);
  ADD ("/field-conflicts/coaching-notes", test_coaching_notes);
  ADD ("/field-conflicts/peer-role-title", test_peer_role_title);
  ADD ("/field-conflicts/peer-stale-copy", test_peer_stale_copy);
  ADD ("/field-conflicts/team-editor", test_team_editor);
#undef ADD
  return test_run_app (app);
}
