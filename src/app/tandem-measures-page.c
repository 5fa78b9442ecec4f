/* tandem-measures-page.c — the Measures page: measures, their data and their charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the team's measures beside the chosen measure: its chart (the
 * one renderer that prints and exports), a text summary of the signals, the
 * data with a form to add, change and delete values, paste and CSV import
 * with a preview, phases, notes on the chart and the measure's settings.
 * Every change is one edit through the project, so it is undoable and seen
 * by other windows; the page reloads when the project says a measure, value,
 * phase or note changed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-chart.h"
#include "tandem-equity-overview.h"
#include "tandem-equity-section.h"
#include "tandem-measure-edit-dialog.h"
#include "tandem-measure-import-dialog.h"
#include "tandem-measures-page-private.h"
#include "tandem-new-measure-dialog.h"
#include "tandem-shown-field.h"

G_DEFINE_FINAL_TYPE (TandemMeasuresPage, tandem_measures_page, TANDEM_TYPE_PAGE)

static void load_measure (TandemMeasuresPage *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

/* A number as the page's fields show it: empty for none. */
char *
_tandem_measures_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  g_snprintf (buffer, sizeof buffer, "%.10g", value);
  return g_strdup (buffer);
}

/* A number as a field stores it: NULL for none. */
TandemValue
_tandem_measures_number_value (double value)
{
  return isnan (value) ? tandem_value_null () : tandem_value_double (value);
}

/* The value chosen in the table, shown in the form to change it. */
static void
data_selection_changed_cb (TandemMeasuresPage *self)
{
  TandemMeasureValue *chosen = tandem_measure_data_table_get_selected (self->data_table);
  const TandemDataPoint *point = NULL;

  for (guint i = 0; chosen != NULL && self->measure != NULL && i < self->measure->points->len; i++)
    if (g_strcmp0 (((TandemDataPoint *) self->measure->points->pdata[i])->id,
                   tandem_measure_value_get_id (chosen)) == 0)
      point = self->measure->points->pdata[i];
  if (self->loading)
    return;
  tandem_measure_data_entry_show_point (self->data_entry, point);
  /* The forms for a new phase or note start at the chosen point. */
  if (point != NULL)
    tandem_measure_notes_start_at (self->notes, point->date);
  _tandem_measures_page_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Importing: a preview with every bad row, then one edit                     */

static void
dialog_failed_cb (TandemMeasuresPage *self,
                  const char         *heading,
                  const GError       *error)
{
  tandem_page_show_error (TANDEM_PAGE (self), heading, error);
}

static void
imported_cb (TandemMeasuresPage *self,
             guint               n)
{
  g_autofree char *toast = g_strdup_printf (ngettext ("%u value imported", "%u values imported", n), n);

  tandem_page_show_toast (TANDEM_PAGE (self), toast, TRUE);
}

static void
present_dialog (TandemMeasuresPage *self,
                GtkWindow          *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/**
 * tandem_measures_page_open_import:
 * @self: the page
 * @text: CSV text or cells pasted from a spreadsheet
 * @length: its length, or -1
 *
 * Opens the import preview for the chosen measure: which column holds what,
 * how dates and numbers are written, the rows that will be imported and
 * every bad row with its reason. Nothing is saved until the person presses
 * Import (the window's "import.accept" action).
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if @text could
 *   not be read (the page says why)
 */
GtkWindow *
tandem_measures_page_open_import (TandemMeasuresPage *self,
                                  const char         *text,
                                  gssize              length)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  TandemMeasureImportDialog *dialog;

  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);
  if (self->measure_id == NULL || project == NULL)
    return NULL;

  dialog = tandem_measure_import_dialog_new (project, self->measure_id, text, length, &error);
  if (dialog == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Read the Data"), error);
      return NULL;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (dialog_failed_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* ------------------------------------------------------------------------ */
/* Changing a phase or a note                                                 */

static void
edit_conflict_cb (TandemMeasureEditDialog *dialog,
                  const char              *field,
                  const GError            *error,
                  TandemMeasuresPage      *self)
{
  tandem_shown_field_report_conflict (TANDEM_PAGE (self), tandem_measure_edit_dialog_get_item_id (dialog),
                                      field, error);
}

static GtkWindow *
edit_dialog_open (TandemMeasuresPage      *self,
                  TandemMeasureEditDialog *dialog)
{
  g_signal_connect_object (dialog, "conflict", G_CALLBACK (edit_conflict_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (dialog_failed_cb), self, G_CONNECT_SWAPPED);
  /* A window for another measure's phase or note is closed when the page
   * leaves that measure (see load_measure()). */
  g_set_weak_pointer (&self->edit_dialog, GTK_WINDOW (dialog));
  present_dialog (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * tandem_measures_page_edit_phase:
 * @self: the page
 * @phase_id: a phase of the measure shown
 *
 * Opens a window to change the phase's start, its label and the measure's
 * baseline. Its "edit.save" action saves them as one undoable change, or
 * says in the window what to correct.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if there is no
 *   such phase or the project cannot be changed
 */
GtkWindow *
tandem_measures_page_edit_phase (TandemMeasuresPage *self,
                                 const char         *phase_id)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);

  if (project == NULL || self->measure == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return NULL;
  for (guint i = 0; i < self->measure->phases->len; i++)
    {
      const TandemPhase *phase = self->measure->phases->pdata[i];

      if (g_strcmp0 (phase->id, phase_id) == 0)
        return edit_dialog_open (self, tandem_measure_edit_dialog_new_for_phase (project, self->measure, phase));
    }
  return NULL;
}

/**
 * tandem_measures_page_edit_note:
 * @self: the page
 * @note_id: a note on the chart of the measure shown
 *
 * Opens a window to change the note's date, its text and the PDSA cycle or
 * change idea it is about. Its "edit.save" action saves them as one
 * undoable change, or says in the window what to correct.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if there is no
 *   such note or the project cannot be changed
 */
GtkWindow *
tandem_measures_page_edit_note (TandemMeasuresPage *self,
                                const char         *note_id)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));

  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);

  if (project == NULL || self->measure == NULL || note_id == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return NULL;
  for (guint i = 0; i < self->measure->annotations->len; i++)
    {
      const TandemAnnotation *note = self->measure->annotations->pdata[i];

      if (!note->from_link && g_strcmp0 (note->id, note_id) == 0)
        return edit_dialog_open (self, tandem_measure_edit_dialog_new_for_note (project, self->measure, note,
                                                                                self->targets));
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Measures                                                                   */

static void
measure_created_cb (TandemMeasuresPage *self,
                    const char         *id)
{
  tandem_measures_page_select_measure (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* The new measure waits for its data: the form is where to type them. */
  tandem_measure_data_entry_focus_date (self->data_entry);
}

/**
 * tandem_measures_page_new_measure:
 * @self: the page
 *
 * Opens the window that makes a measure: its name (focused), which way is
 * better (asked, never assumed: a harm measure is better lower) and what it
 * counts or measures, which suggests the chart (a C chart for counts of
 * events, a P chart for how many out of how many…). Its "new.create" action
 * adds the measure, as one undoable change, and shows it.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if no measure
 *   can be added here
 */
GtkWindow *
tandem_measures_page_new_measure (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team = tandem_page_get_team_id (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  TandemNewMeasureDialog *dialog;

  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);

  if (project == NULL || team == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return NULL;
  dialog = tandem_new_measure_dialog_new (project, team, &error);
  if (dialog == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add a Measure"), error);
      return NULL;
    }
  g_signal_connect_object (dialog, "created", G_CALLBACK (measure_created_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (dialog_failed_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The id of the measure a row of the list shows: its item's string. */
static const char *
row_measure_id (TandemMeasuresPage *self,
                GtkListBoxRow      *row)
{
  int i = gtk_list_box_row_get_index (row);

  return i < 0 ? NULL : gtk_string_list_get_string (self->measure_ids, (guint) i);
}

static GtkWidget *
create_measure_row (gpointer item,
                    gpointer data)
{
  TandemMeasuresPage *self = data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (g_hash_table_lookup (self->measure_names,
                                                         gtk_string_object_get_string (item)));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* Chooses the row of @measure_id in the list, if it is there. */
static gboolean
select_measure_row (TandemMeasuresPage *self,
                    const char         *measure_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->measure_ids));

  for (guint i = 0; measure_id != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->measure_ids, i), measure_id))
      {
        gtk_list_box_select_row (self->measure_list, gtk_list_box_get_row_at_index (self->measure_list, (int) i));
        return TRUE;
      }
  return FALSE;
}

static void
measure_row_activated_cb (GtkListBox         *list,
                          GtkListBoxRow      *row,
                          TandemMeasuresPage *self)
{
  const char *id = row_measure_id (self, row);

  if (self->loading)
    return;
  tandem_measures_page_select_measure (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
measure_row_selected_cb (GtkListBox         *list,
                         GtkListBoxRow      *row,
                         TandemMeasuresPage *self)
{
  if (self->loading || row == NULL)
    return;
  tandem_measures_page_select_measure (self, row_measure_id (self, row));
}

static void
contrast_toggled_cb (TandemMeasuresPage *self)
{
  tandem_chart_view_set_high_contrast (self->chart_view,
                                       gtk_toggle_button_get_active (self->contrast_button));
}

static void
point_focused_cb (TandemMeasuresPage *self,
                  glong               point)
{
  const char *text = tandem_chart_view_get_point_text (self->chart_view);

  if (text)
    gtk_label_set_text (self->point_label, text);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                    */

static void
load_measure (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));

  g_clear_pointer (&self->measure, tandem_measure_unref);
  if (project && self->measure_id)
    {
      self->measure = tandem_measure_load (project, self->measure_id, &error);
      if (self->measure == NULL)
        g_clear_pointer (&self->measure_id, g_free);
    }
  /* A phase or note window saves only onto the measure it came from. */
  if (self->edit_dialog != NULL &&
      (self->measure == NULL ||
       g_strcmp0 (tandem_measure_edit_dialog_get_measure_id (TANDEM_MEASURE_EDIT_DIALOG (self->edit_dialog)),
                  self->measure_id) != 0))
    gtk_window_destroy (self->edit_dialog);
  if (self->measure == NULL)
    {
      if (!self->showing_overview)
        gtk_stack_set_visible_child_name (self->content_stack, "none");
      tandem_chart_view_set_measure (self->chart_view, NULL);
      tandem_equity_section_set_measure (self->equity_section, project, NULL, FALSE);
      tandem_measure_data_entry_set_measure (self->data_entry, project, NULL, FALSE);
      tandem_measure_notes_set_measure (self->notes, project, NULL, self->targets, FALSE);
      tandem_measure_settings_set_measure (self->settings, project, NULL, self->targets, FALSE);
      g_clear_pointer (&self->summary, g_free);
      return;
    }

  self->loading = TRUE;
  if (!self->showing_overview)
    gtk_stack_set_visible_child_name (self->content_stack, "measure");
  gtk_label_set_text (self->measure_title, self->measure->name);
  tandem_chart_view_set_measure (self->chart_view, self->measure);
  g_free (self->summary);
  self->summary = tandem_chart_dup_summary (tandem_chart_view_get_chart (self->chart_view));
  {
    g_autofree char *trimmed = g_strdup (self->summary);
    gtk_label_set_text (self->summary_label, g_strchomp (trimmed));
  }

  /* The data: the table keeps its selection by id across reloads. */
  tandem_measure_data_table_set_editable (self->data_table, editable);
  tandem_measure_data_table_set_points (self->data_table, self->measure->points,
                                        tandem_spc_chart_needs_n (self->measure->chart));
  tandem_measure_data_entry_set_measure (self->data_entry, project, self->measure, editable);
  tandem_measure_notes_set_measure (self->notes, project, self->measure, self->targets, editable);
  tandem_measure_settings_set_measure (self->settings, project, self->measure, self->targets, editable);
  tandem_comments_panel_set_item (self->comments_panel, project, TANDEM_ENTITY_MEASURE,
                                  self->measure_id);
  tandem_equity_section_set_measure (self->equity_section, project, self->measure_id, editable);
  self->loading = FALSE;
  data_selection_changed_cb (self);
}

static void
tandem_measures_page_reload (TandemPage *page)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (page);
  TandemProject *project = tandem_page_get_project (page);
  const char *team = tandem_page_get_team_id (page);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gint64 points = 0;
  gboolean found = FALSE;

  if (project == NULL || team == NULL)
    return;
  measures = tandem_measure_list (project, team, &error);
  if (measures == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = tandem_measure_list_link_targets (project, team, &error);
  if (self->targets == NULL)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }

  self->loading = TRUE;
  g_hash_table_remove_all (self->measure_names);
  for (guint i = 0; i < measures->len; i++)
    {
      TandemMeasure *measure = measures->pdata[i];

      points += tandem_project_count (project, TANDEM_ENTITY_DATA_POINT,
                                      TANDEM_FIELD_DATA_POINT_MEASURE_ID, measure->id);
      g_hash_table_insert (self->measure_names, g_strdup (measure->id), g_strdup (measure->name));
      g_ptr_array_add (ids, measure->id);
    }
  g_ptr_array_add (ids, NULL);
  gtk_string_list_splice (self->measure_ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->measure_ids)),
                          (const char * const *) ids->pdata);
  found = select_measure_row (self, self->measure_id);
  if (!found)
    {
      g_free (self->measure_id);
      self->measure_id = measures->len > 0 ? g_strdup (((TandemMeasure *) measures->pdata[0])->id) : NULL;
      if (measures->len > 0)
        gtk_list_box_select_row (self->measure_list, gtk_list_box_get_row_at_index (self->measure_list, 0));
    }
  self->loading = FALSE;

  {
    g_autofree char *a = g_strdup_printf (ngettext ("Measures for this team: %u.",
                                                    "Measures for this team: %u.", measures->len),
                                          measures->len);
    g_autofree char *b = g_strdup_printf (ngettext ("Data points: %" G_GINT64_FORMAT ".",
                                                    "Data points: %" G_GINT64_FORMAT ".", points), points);
    counts = g_strjoin (" ", a, b, NULL);
  }
  gtk_label_set_text (self->description, counts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add-measure", tandem_page_get_editable (page));
  load_measure (self);
  if (self->showing_overview)
    tandem_equity_overview_set_team (self->equity_overview, project, team);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
tandem_measures_page_finalize (GObject *object)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (object);

  g_clear_pointer (&self->measure, tandem_measure_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_object (&self->measure_ids);
  g_clear_pointer (&self->measure_names, g_hash_table_unref);
  g_free (self->measure_id);
  g_free (self->summary);
  g_clear_weak_pointer (&self->edit_dialog);
  G_OBJECT_CLASS (tandem_measures_page_parent_class)->finalize (object);
}

static void
import_cb (TandemMeasuresPage *self,
           GBytes             *text)
{
  gsize length = g_bytes_get_size (text);

  tandem_measures_page_open_import (self, length > 0 ? g_bytes_get_region (text, 1, 0, length) : "",
                                    (gssize) length);
}

static void
tandem_measures_page_class_init (TandemMeasuresPageClass *klass)
{
  static const char * const entities[] = {
    TANDEM_ENTITY_MEASURE, TANDEM_ENTITY_DATA_POINT, TANDEM_ENTITY_PHASE, TANDEM_ENTITY_ANNOTATION,
    TANDEM_ENTITY_MEASURE_LINK, TANDEM_ENTITY_DIAGRAM, TANDEM_ENTITY_NODE,
    TANDEM_ENTITY_PDSA_CYCLE, TANDEM_ENTITY_MEASURE_BREAKDOWN, TANDEM_ENTITY_BREAKDOWN_POINT,
    TANDEM_ENTITY_GROUPING, TANDEM_ENTITY_GROUPING_CATEGORY, NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  object_class->finalize = tandem_measures_page_finalize;
  page_class->entities = entities;
  page_class->reload = tandem_measures_page_reload;
  _tandem_measures_page_class_actions_init (klass);

  g_type_ensure (TANDEM_TYPE_CHART_VIEW);
  g_type_ensure (TANDEM_TYPE_COMMENTS_PANEL);
  g_type_ensure (TANDEM_TYPE_EQUITY_OVERVIEW);
  g_type_ensure (TANDEM_TYPE_EQUITY_SECTION);
  g_type_ensure (TANDEM_TYPE_MEASURE_DATA_ENTRY);
  g_type_ensure (TANDEM_TYPE_MEASURE_DATA_TABLE);
  g_type_ensure (TANDEM_TYPE_MEASURE_NOTES);
  g_type_ensure (TANDEM_TYPE_MEASURE_SETTINGS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-measures-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemMeasuresPage, name)
  CHILD (leaflet);
  CHILD (description);
  CHILD (measure_list);
  CHILD (content_stack);
  CHILD (measure_title);
  CHILD (contrast_button);
  CHILD (chart_view);
  CHILD (point_label);
  CHILD (summary_label);
  CHILD (data_entry);
  CHILD (data_table);
  CHILD (notes);
  CHILD (settings);
  CHILD (comments_panel);
  CHILD (equity_section);
  CHILD (equity_overview);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, contrast_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, point_focused_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dialog_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_measure);
  gtk_widget_class_bind_template_callback (widget_class, measure_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, measure_row_selected_cb);
}

static void
tandem_measures_page_init (TandemMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Nothing is chosen in the table yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.save-value", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.delete-value", FALSE);

  self->measure_ids = gtk_string_list_new (NULL);
  self->measure_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_list_box_bind_model (self->measure_list, G_LIST_MODEL (self->measure_ids), create_measure_row, self, NULL);
}

/**
 * tandem_measures_page_show_equity_overview:
 * @self: the page
 *
 * Shows the team's equity of outcomes in place of a measure; choosing a
 * measure (there, or in the list) shows it again.
 */
void
tandem_measures_page_show_equity_overview (TandemMeasuresPage *self)
{
  g_return_if_fail (TANDEM_IS_MEASURES_PAGE (self));

  self->showing_overview = TRUE;
  tandem_equity_overview_set_team (self->equity_overview, tandem_page_get_project (TANDEM_PAGE (self)),
                                   tandem_page_get_team_id (TANDEM_PAGE (self)));
  gtk_stack_set_visible_child_name (self->content_stack, "equity");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * tandem_measures_page_get_equity_section:
 * @self: the page
 *
 * Returns: (transfer none): the part of the page that shows the measure by
 *   group
 */
TandemEquitySection *
tandem_measures_page_get_equity_section (TandemMeasuresPage *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);
  return self->equity_section;
}

/**
 * tandem_measures_page_get_equity_overview:
 * @self: the page
 *
 * Returns: (transfer none): the team's equity of outcomes
 */
TandemEquityOverview *
tandem_measures_page_get_equity_overview (TandemMeasuresPage *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);
  return self->equity_overview;
}

/**
 * tandem_measures_page_get_measure_id:
 * @self: the page
 *
 * Returns: (nullable): the measure shown
 */
const char *
tandem_measures_page_get_measure_id (TandemMeasuresPage *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);
  return self->measure_id;
}

/**
 * tandem_measures_page_select_measure:
 * @self: the page
 * @measure_id: a measure of the team
 */
void
tandem_measures_page_select_measure (TandemMeasuresPage *self,
                                     const char         *measure_id)
{
  g_return_if_fail (TANDEM_IS_MEASURES_PAGE (self));

  if (self->showing_overview)
    {
      self->showing_overview = FALSE;
      gtk_stack_set_visible_child_name (self->content_stack, self->measure ? "measure" : "none");
    }
  if (g_strcmp0 (self->measure_id, measure_id) == 0 && self->measure != NULL)
    return;
  g_free (self->measure_id);
  self->measure_id = g_strdup (measure_id);
  tandem_measure_data_table_unselect (self->data_table);
  self->loading = TRUE;
  select_measure_row (self, measure_id);
  self->loading = FALSE;
  load_measure (self);
}

/**
 * tandem_measures_page_get_summary:
 * @self: the page
 *
 * Returns: (nullable): the text summary of the chart shown
 */
const char *
tandem_measures_page_get_summary (TandemMeasuresPage *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURES_PAGE (self), NULL);
  return self->summary;
}
