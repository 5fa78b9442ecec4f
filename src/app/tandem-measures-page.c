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

#include "tandem-chart-view.h"
#include "tandem-chart.h"
#include "tandem-checked-edit.h"
#include "tandem-clock.h"
#include "tandem-comments-panel.h"
#include "tandem-date-entry.h"
#include "tandem-enum-row.h"
#include "tandem-equity-overview.h"
#include "tandem-equity-section.h"
#include "tandem-link-target-drop-down.h"
#include "tandem-measure-data-table.h"
#include "tandem-measure-edit-dialog.h"
#include "tandem-measure-import-dialog.h"
#include "tandem-measure.h"
#include "tandem-measures-page.h"
#include "tandem-new-measure-dialog.h"
#include "tandem-plain-text.h"
#include "tandem-print.h"
#include "tandem-shown-field.h"
#include "tandem-stored-enums.h"
#include "tandem-table-import.h"
#include "tandem-team.h"

struct _TandemMeasuresPage
{
  TandemPage          parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkLabel           *description;
  GtkListBox         *measure_list;
  GtkButton          *add_measure_button;
  GtkStack           *content_stack;
  GtkLabel           *measure_title;
  GtkToggleButton    *contrast_button;
  TandemChartView    *chart_view;
  GtkLabel           *point_label;
  GtkLabel           *summary_label;
  TandemDateEntry    *date_entry;
  GtkEntry           *value_entry;
  GtkEntry           *denominator_entry;
  GtkEntry           *note_entry;
  GtkCheckButton     *excluded_check;
  GtkButton          *add_value_button;
  GtkButton          *save_value_button;
  GtkButton          *delete_value_button;
  GtkButton          *paste_button;
  GtkButton          *import_button;
  TandemMeasureDataTable *data_table;
  GtkListBox         *phase_list;
  TandemDateEntry    *phase_date_entry;
  GtkEntry           *phase_label_entry;
  GtkListBox         *annotation_list;
  TandemDateEntry    *annotation_date_entry;
  GtkEntry           *annotation_text_entry;
  AdwEntryRow        *name_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *definition_row;
  AdwEntryRow        *unit_row;
  AdwComboRow        *direction_row;
  AdwEntryRow        *target_row;
  AdwComboRow        *frequency_row;
  AdwComboRow        *chart_row;
  AdwComboRow        *rules_row;
  AdwEntryRow        *freeze_row;
  AdwEntryRow        *multiply_row;
  GtkSwitch          *screen_switch;
  GtkWidget          *settings_group;
  GtkWidget          *annotation_group;
  GtkWidget          *add_annotation_button;
  GtkDropDown        *annotation_link_drop;
  AdwPreferencesGroup *link_group;
  AdwComboRow        *link_add_row;
  GtkButton          *link_add_button;
  GPtrArray          *link_rows;
  GPtrArray          *targets;
  GPtrArray          *unlinked;
  GPtrArray          *annotation_targets;
  TandemCommentsPanel *comments_panel;
  TandemEquitySection *equity_section;
  TandemEquityOverview *equity_overview;
  gboolean            showing_overview;
  GtkWindow          *edit_dialog;

  GtkStringList      *measure_ids;   /* the list's items: the team's measures, by id */
  GHashTable         *measure_names; /* id -> name, for the list's rows */

  char               *measure_id;
  TandemMeasure      *measure;
  char               *summary;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (TandemMeasuresPage, tandem_measures_page, TANDEM_TYPE_PAGE)

static void load_measure (TandemMeasuresPage *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

static char *
nice_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  text = g_date_time_format (dt, "%-d %b %Y");
  return g_strdup (g_strstrip (text));
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  g_snprintf (buffer, sizeof buffer, "%.10g", value);
  return g_strdup (buffer);
}

static gboolean
read_number (const char *text,
             double     *value)
{
  /* People type 3,5 as often as 3.5 into a single field. */
  return tandem_parse_number (text, TRUE, value);
}

static void
show_invalid (TandemMeasuresPage *self,
              const char         *heading,
              const char         *message)
{
  g_autoptr(GError) error = g_error_new_literal (TANDEM_PROJECT_ERROR,
                                                 TANDEM_PROJECT_ERROR_INVALID, message);
  tandem_page_show_error (TANDEM_PAGE (self), heading, error);
}

/* One field of the current measure, as one undoable edit, checked against
 * what @editor showed, so that another program's change to the same field
 * is not written over (both are kept). */
static gboolean
update_measure_from (TandemMeasuresPage *self,
                     GtkWidget          *editor,
                     const char         *field,
                     TandemValue         value)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->measure_id);

  if (project == NULL || id == NULL)
    return FALSE;
  if (tandem_measure_set_field (project, id, field, tandem_shown_field_get_stored (editor), value,
                                &error))
    {
      tandem_shown_field_saved (editor, project);
      return TRUE;
    }
  if (tandem_shown_field_take_conflict (TANDEM_PAGE (self), editor, id, field, error))
    {
      load_measure (self);
      return FALSE;
    }
  tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Change the Measure"), error);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* The data table                                                             */

static void paste_clicked_cb (TandemMeasuresPage *self);

static const TandemDataPoint *
selected_point (TandemMeasuresPage *self)
{
  TandemMeasureValue *chosen = tandem_measure_data_table_get_selected (self->data_table);

  if (chosen == NULL || self->measure == NULL)
    return NULL;
  for (guint i = 0; i < self->measure->points->len; i++)
    {
      const TandemDataPoint *point = self->measure->points->pdata[i];

      if (g_strcmp0 (point->id, tandem_measure_value_get_id (chosen)) == 0)
        return point;
    }
  return NULL;
}

static void
data_selection_changed_cb (TandemMeasuresPage *self)
{
  const TandemDataPoint *point = selected_point (self);
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.save-value", point != NULL && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.delete-value", point != NULL && editable);
  if (point == NULL || self->loading)
    return;
  {
    TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
    g_autofree char *value = format_number (point->value);
    g_autofree char *denominator = format_number (point->denominator);
    const struct { GtkWidget *entry; const char *entity; const char *id; const char *field; const char *text; } form[] = {
      { GTK_WIDGET (self->date_entry), TANDEM_ENTITY_DATA_POINT, point->id, TANDEM_FIELD_DATA_POINT_DATE,
        point->date },
      { GTK_WIDGET (self->value_entry), TANDEM_ENTITY_DATA_POINT, point->id, TANDEM_FIELD_DATA_POINT_VALUE,
        value },
      { GTK_WIDGET (self->denominator_entry), TANDEM_ENTITY_DATA_POINT, point->id,
        TANDEM_FIELD_DATA_POINT_DENOMINATOR, denominator },
      { GTK_WIDGET (self->note_entry), TANDEM_ENTITY_DATA_POINT, point->id, TANDEM_FIELD_DATA_POINT_NOTE,
        point->note },
      /* The forms for a new phase or note start at the chosen point. */
      { GTK_WIDGET (self->phase_date_entry), "new-phase", self->measure_id, "starts_on", point->date },
      { GTK_WIDGET (self->annotation_date_entry), "new-note", self->measure_id, "date", point->date },
    };

    /* A refresh keeps what the person is typing (see tandem-shown-field.c). */
    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      tandem_shown_field_fill (form[i].entry, project, form[i].entity, form[i].id,
                               form[i].field, form[i].text);
    tandem_shown_field_remember (GTK_WIDGET (self->excluded_check), project,
                                 TANDEM_ENTITY_DATA_POINT, point->id,
                                 TANDEM_FIELD_DATA_POINT_EXCLUDED);
    gtk_check_button_set_active (self->excluded_check, point->excluded);
  }
}

/* Reads the form; on a problem says so and returns FALSE (keeping the text). */
static gboolean
read_form (TandemMeasuresPage *self,
           char                date[11],
           double             *value,
           double             *denominator,
           const char        **note)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
  const char *n_text = gtk_editable_get_text (GTK_EDITABLE (self->denominator_entry));

  if (!tandem_parse_date (date_text, TANDEM_DATE_AUTO, date))
    {
      show_invalid (self, _("Check the Date"),
                    _("Type the date as 2026-03-02 or 02/03/2026 (day, month, year)."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }
  if (!read_number (value_text, value))
    {
      show_invalid (self, _("Check the Value"),
                    _("The value must be a number, such as 12 or 3.5. Leave it empty for a missing value."));
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      return FALSE;
    }
  if (!read_number (n_text, denominator) || *denominator < 0)
    {
      show_invalid (self, _("Check the Denominator"),
                    _("The denominator (what the value is out of) must be a number of 0 or more."));
      gtk_widget_grab_focus (GTK_WIDGET (self->denominator_entry));
      return FALSE;
    }
  *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  if (**note == '\0')
    *note = NULL;
  return TRUE;
}

static TandemValue
number_value (double value)
{
  return isnan (value) ? tandem_value_null () : tandem_value_double (value);
}

/* The next date at the measure's frequency, for typing a series quickly. */
static void
advance_date (TandemMeasuresPage *self,
              const char         *date)
{
  GDate day;
  int y, m, d;
  char text[11];

  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  if (g_strcmp0 (self->measure->frequency, "daily") == 0)
    g_date_add_days (&day, 1);
  else if (g_strcmp0 (self->measure->frequency, "monthly") == 0)
    g_date_add_months (&day, 1);
  else
    g_date_add_days (&day, 7);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&day),
              g_date_get_month (&day), g_date_get_day (&day));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

static void
add_value_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];
  double value, denominator;
  const char *note;

  if (project == NULL || self->measure_id == NULL ||
      !read_form (self, date, &value, &denominator, &note))
    return;
  id = tandem_measure_add_value (project, self->measure_id, date, value, denominator, note,
                                 gtk_check_button_get_active (self->excluded_check), &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Value"), error);
      return;
    }
  advance_date (self, date);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_check_button_set_active (self->excluded_check, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
save_value_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const TandemDataPoint *point = selected_point (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];
  double value, denominator;
  const char *note;
  const char *conflict_field = NULL;

  if (project == NULL || point == NULL || !read_form (self, date, &value, &denominator, &note))
    return;
  id = g_strdup (point->id);
  /* Only what the person changed is written, each checked against what the
   * form showed: a field someone else changed meanwhile keeps their value,
   * and both are kept as a conflict. */
  {
    gboolean excluded = gtk_check_button_get_active (self->excluded_check);
    const char *excluded_shown = tandem_shown_field_get_stored (GTK_WIDGET (self->excluded_check));
    GtkWidget *editors[] = {
      GTK_WIDGET (self->date_entry), GTK_WIDGET (self->value_entry), GTK_WIDGET (self->denominator_entry),
      GTK_WIDGET (self->note_entry), GTK_WIDGET (self->excluded_check),
    };
    TandemFieldEdit form[] = {
      { "date", NULL, tandem_shown_field_is_changed (editors[0]), tandem_value_text (date), FALSE },
      { "value", NULL, tandem_shown_field_is_changed (editors[1]),
        number_value (value), FALSE },
      { "denominator", NULL, tandem_shown_field_is_changed (editors[2]),
        number_value (denominator), FALSE },
      { "note", NULL, tandem_shown_field_is_changed (editors[3]), tandem_value_text (note), FALSE },
      { "excluded", NULL, g_strcmp0 (excluded ? "1" : "0", excluded_shown ? excluded_shown : "0") != 0,
        tandem_value_int (excluded), FALSE },
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (form) == G_N_ELEMENTS (editors));
    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      form[i].shown = tandem_shown_field_get_stored (editors[i]);
    if (!tandem_measure_change_value (project, id, form, G_N_ELEMENTS (form), &error) &&
        !g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
      {
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Change the Value"), error);
        return;
      }
    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      if (form[i].conflict)
        {
          conflict_field = conflict_field ? conflict_field : form[i].field;
          tandem_shown_field_release (editors[i]);
        }
    for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
      if (!tandem_shown_field_is_released (editors[i]))
        tandem_shown_field_saved (editors[i], project);
  }
  if (error)
    {
      /* What was typed is kept in the conflict: show the values that stand. */
      tandem_shown_field_report_conflict (TANDEM_PAGE (self), id, conflict_field, error);
      load_measure (self);
    }
}

/* Enter in the form: changes the chosen value, else adds the value typed. */
static void
form_activated_cb (TandemMeasuresPage *self)
{
  if (!tandem_page_get_editable (TANDEM_PAGE (self)) || self->measure_id == NULL)
    return;
  if (selected_point (self) != NULL)
    save_value_clicked_cb (self);
  else
    add_value_clicked_cb (self);
}

static void
delete_value_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const TandemDataPoint *point = selected_point (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (project == NULL || point == NULL)
    return;
  id = g_strdup (point->id);
  if (tandem_measure_delete_value (project, id, &error))
    tandem_page_show_toast (TANDEM_PAGE (self), _("Value deleted"), TRUE);
  else
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete the Value"), error);
}

/* Enter in the data table: the form, to change the chosen value. */
static void
edit_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);

  if (selected_point (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
delete_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);

  if (tandem_page_get_editable (TANDEM_PAGE (self)))
    delete_value_clicked_cb (self);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);

  if (tandem_page_get_editable (TANDEM_PAGE (self)) && self->measure_id != NULL)
    paste_clicked_cb (self);
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

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(TandemMeasuresPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      show_invalid (self, _("Nothing to Paste"),
                    _("Copy the cells with dates and values in your spreadsheet first, then paste."));
      return;
    }
  tandem_measures_page_open_import (self, text, -1);
}

static void
paste_clicked_cb (TandemMeasuresPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, g_object_ref (self));
}

static void
import_file_response_cb (GtkNativeDialog    *chooser,
                         int                 response,
                         TandemMeasuresPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Open the File"), error);
      else
        tandem_measures_page_open_import (self, contents, (gssize) length);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_clicked_cb (TandemMeasuresPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Values from a CSV File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheet text (CSV, TSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
/* Phases and notes on the chart                                              */

/* measures.delete-phase and measures.delete-note, with the id. */
static void
delete_child_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autofree char *id = g_variant_dup_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean phase = g_str_equal (action_name, "measures.delete-phase");

  if (project == NULL || !tandem_page_get_editable (TANDEM_PAGE (self)))
    return;
  if (phase ? tandem_measure_delete_phase (project, id, &error)
            : tandem_measure_delete_note (project, id, &error))
    tandem_page_show_toast (TANDEM_PAGE (self), phase ? _("Phase deleted") : _("Note deleted"), TRUE);
  else
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete"), error);
}

/* measures.edit-phase and measures.edit-note, with the id. */
static void
edit_child_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "measures.edit-phase"))
    tandem_measures_page_edit_phase (self, id);
  else
    tandem_measures_page_edit_note (self, id);
}

static GtkWidget *
child_row (TandemMeasuresPage *self,
           const char         *entity,
           const char         *id,
           const char         *title,
           const char         *subtitle,
           const char         *edit_label,
           const char         *delete_label)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  gboolean phase;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (id == NULL)
    return row;
  phase = g_strcmp0 (entity, TANDEM_ENTITY_PHASE) == 0;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), editable);
  /* Read-only, the row is not a button at all (and is not greyed out). */
  if (editable)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), phase ? "measures.edit-phase" : "measures.edit-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);

  for (guint k = 0; k < 2; k++)
    {
      const char *label = k == 0 ? edit_label : delete_label;
      GtkWidget *button = gtk_button_new_from_icon_name (k == 0 ? "document-edit-symbolic"
                                                                : "user-trash-symbolic");
      g_autofree char *accessible = g_strdup_printf ("%s: %s", label, title);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                      k == 0 ? (phase ? "measures.edit-phase" : "measures.edit-note")
                                             : (phase ? "measures.delete-phase" : "measures.delete-note"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* Reads the date of a new phase or note, or says what is wrong. */
static gboolean
read_child_date (TandemMeasuresPage *self,
                 TandemDateEntry    *entry,
                 char                date[11])
{
  if (tandem_date_entry_get_date (entry, date))
    return TRUE;
  show_invalid (self, _("Check the Date"),
                _("Type the date as 2026-03-02 or 02/03/2026 (day, month, year)."));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  return FALSE;
}

static void
add_phase_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phase_label_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];

  if (project == NULL || self->measure == NULL || !read_child_date (self, self->phase_date_entry, date))
    return;
  id = tandem_measure_save_phase (project, self->measure, NULL, date, stripped, -1, &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Start the Phase"), error);
      gtk_widget_grab_focus (*stripped ? GTK_WIDGET (self->phase_date_entry)
                                       : GTK_WIDGET (self->phase_label_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->phase_label_entry), "");
}

static void
add_annotation_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->annotation_text_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const TandemLinkTarget *target = tandem_link_target_at (self->targets,
                                              gtk_drop_down_get_selected (self->annotation_link_drop));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];

  if (project == NULL || self->measure == NULL ||
      !read_child_date (self, self->annotation_date_entry, date))
    return;
  id = tandem_measure_save_note (project, self->measure, NULL, date, stripped,
                                 target ? target->node_id : NULL, target ? target->pdsa_id : NULL, &error);
  if (id == NULL)
    {
      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Add the Note"), error);
      gtk_widget_grab_focus (*stripped || target ? GTK_WIDGET (self->annotation_date_entry)
                                                 : GTK_WIDGET (self->annotation_text_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->annotation_text_entry), "");
  gtk_drop_down_set_selected (self->annotation_link_drop, 0);
}

/* ------------------------------------------------------------------------ */
/* Change ideas linked to the measure                                         */

static void
set_linked (TandemMeasuresPage *self,
            const char         *node_id,
            gboolean            linked)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *measure_id = g_strdup (self->measure_id);
  g_autofree char *node = g_strdup (node_id);

  if (project == NULL || measure_id == NULL || node == NULL)
    return;
  if (!tandem_measure_set_linked (project, measure_id, node, linked, &error))
    tandem_page_show_error (TANDEM_PAGE (self), linked ? _("Could Not Link the Change Idea")
                                                       : _("Could Not Unlink the Change Idea"), error);
  else if (!linked)
    tandem_page_show_toast (TANDEM_PAGE (self), _("Change idea unlinked"), TRUE);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_linked (TANDEM_MEASURES_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);
  guint i = adw_combo_row_get_selected (self->link_add_row);

  if (self->unlinked == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->unlinked->len)
    return;
  set_linked (self, ((TandemLinkTarget *) self->unlinked->pdata[i])->node_id, TRUE);
}

static void
fill_links (TandemMeasuresPage *self)
{
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_ideas = 0;

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->link_group, self->link_rows->pdata[i]);
  g_ptr_array_set_size (self->link_rows, 0);
  g_object_ref (self->link_add_row);
  adw_preferences_group_remove (self->link_group, GTK_WIDGET (self->link_add_row));

  for (guint i = 0; i < self->measure->links->len; i++)
    {
      const TandemLinkTarget *link = self->measure->links->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *escaped = g_markup_escape_text (link->title, -1);
      g_autofree char *accessible = g_strdup_printf (_("Unlink “%s”"), link->title);
      g_autofree char *tests = NULL;
      g_autofree char *subtitle = NULL;
      guint n_tests = 0;

      for (guint k = 0; self->targets && k < self->targets->len; k++)
        {
          const TandemLinkTarget *target = self->targets->pdata[k];
          if (target->pdsa_id && g_strcmp0 (target->node_id, link->node_id) == 0)
            n_tests++;
        }
      /* Say why a linked change idea may have nothing on the chart. */
      tests = n_tests > 0 ? g_strdup_printf (ngettext ("%u PDSA cycle", "%u PDSA cycles", n_tests), n_tests)
                          : g_strdup (_("no PDSA cycles yet, so nothing on the chart"));
      subtitle = link->diagram ? g_markup_printf_escaped ("%s · %s", link->diagram, tests)
                               : g_markup_escape_text (tests, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Unlink the Change Idea"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.unlink");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", link->node_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->link_group, row);
      g_ptr_array_add (self->link_rows, row);
    }

  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  self->unlinked = g_ptr_array_new ();
  for (guint i = 0; self->targets && i < self->targets->len; i++)
    {
      TandemLinkTarget *target = self->targets->pdata[i];
      gboolean linked = FALSE;

      if (target->pdsa_id)
        continue;
      n_ideas++;
      for (guint k = 0; k < self->measure->links->len && !linked; k++)
        linked = g_strcmp0 (((TandemLinkTarget *) self->measure->links->pdata[k])->node_id,
                            target->node_id) == 0;
      if (!linked)
        {
          g_ptr_array_add (self->unlinked, target);
          gtk_string_list_append (names, target->title);
        }
    }
  adw_combo_row_set_model (self->link_add_row, G_LIST_MODEL (names));
  if (n_ideas == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row),
                                 _("The team’s driver diagrams have no change ideas yet."));
  else if (self->unlinked->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row),
                                 _("Every change idea of the team is linked."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->link_add_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_add_row), editable && self->unlinked->len > 0);
  adw_preferences_group_add (self->link_group, GTK_WIDGET (self->link_add_row));
  g_object_unref (self->link_add_row);
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                   */

static void
text_row_applied_cb (AdwEntryRow        *row,
                     TandemMeasuresPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double number;

  if (self->loading || self->measure == NULL)
    return;
  if (row == self->name_row)
    {
      if (*stripped == '\0')
        {
          show_invalid (self, _("The Measure Needs a Name"), _("Type a name for the measure."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "name", tandem_value_text (stripped));
    }
  else if (row == self->definition_row)
    update_measure_from (self, GTK_WIDGET (row), "definition",
                    tandem_value_text (*stripped ? stripped : NULL));
  else if (row == self->unit_row)
    update_measure_from (self, GTK_WIDGET (row), "unit",
                    tandem_value_text (*stripped ? stripped : NULL));
  else if (row == self->target_row)
    {
      if (!read_number (stripped, &number))
        {
          show_invalid (self, _("Check the Target"), _("The target must be a number, or empty for none."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "target",
                           number_value (number));
    }
  else if (row == self->freeze_row)
    {
      guint64 n = 0;

      if (*stripped && !g_ascii_string_to_unsigned (stripped, 10, 2, 100000, &n, NULL))
        {
          show_invalid (self, _("Check the Baseline"),
                        _("The baseline is a number of points, 2 or more, or empty to use them all."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "freeze",
                      *stripped ? tandem_value_int ((gint64) n) : tandem_value_null ());
    }
  else if (row == self->multiply_row)
    {
      if (!read_number (*stripped ? stripped : "1", &number) || !(number > 0))
        {
          show_invalid (self, _("Check the Multiplier"), _("Multiply by a number above 0, such as 100."));
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "multiply",
                           tandem_value_double (number));
    }
}

static void
combo_changed_cb (AdwComboRow        *row,
                  GParamSpec         *pspec,
                  TandemMeasuresPage *self)
{
  int value = tandem_enum_row_get_value (row);

  if (self->loading || self->measure == NULL || value < 0)
    return;
  if (row == self->kind_row)
    update_measure_from (self, GTK_WIDGET (row), "kind",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_MEASURE_KIND, -1));
  else if (row == self->direction_row)
    update_measure_from (self, GTK_WIDGET (row), "direction",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_SPC_DIRECTION, -1));
  else if (row == self->frequency_row)
    update_measure_from (self, GTK_WIDGET (row), "frequency",
                         tandem_enum_row_get_word (row, TANDEM_TYPE_MEASURE_FREQUENCY, -1));
  else if (row == self->chart_row)
    {
      TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
      g_autoptr(GError) error = NULL;

      if (tandem_measure_set_chart (project, self->measure_id,
                                    tandem_shown_field_get_stored (GTK_WIDGET (row)),
                                    (TandemSpcChart) value, &error))
        tandem_shown_field_saved (GTK_WIDGET (row), project);
      else if (tandem_shown_field_take_conflict (TANDEM_PAGE (self), GTK_WIDGET (row),
                                                 self->measure_id, "chart_type", error))
        load_measure (self);
      else
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Change the Measure"), error);
    }
  else if (row == self->rules_row)
    {
      if (value == TANDEM_SPC_RULES_MDC && self->measure->chart == TANDEM_SPC_CHART_RUN)
        {
          show_invalid (self, _("Choose a Control Chart First"),
                        _("The Making Data Count rules need process limits, which a run chart does "
                          "not have. Choose an I chart or another control chart, or the IHI rules."));
          load_measure (self);
          return;
        }
      update_measure_from (self, GTK_WIDGET (row), "rules",
                           tandem_enum_row_get_word (row, TANDEM_TYPE_SPC_RULES, TANDEM_SPC_RULES_DEFAULT));
    }
}

static void
screen_changed_cb (GtkSwitch          *sw,
                   GParamSpec         *pspec,
                   TandemMeasuresPage *self)
{
  if (self->loading || self->measure == NULL)
    return;
  update_measure_from (self, GTK_WIDGET (sw), "screen_mr",
                       tandem_value_int (gtk_switch_get_active (sw)));
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
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
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

static void
add_measure_clicked_cb (TandemMeasuresPage *self)
{
  tandem_measures_page_new_measure (self);
}

static void
delete_measure_clicked_cb (TandemMeasuresPage *self)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->measure_id);

  if (project == NULL || id == NULL)
    return;
  if (tandem_measure_delete (project, id, &error))
    tandem_page_show_toast (TANDEM_PAGE (self), _("Measure deleted"), TRUE);
  else
    tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Delete the Measure"), error);
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
back_clicked_cb (TandemMeasuresPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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
fill_children (TandemMeasuresPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list))))
    gtk_list_box_remove (self->phase_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->annotation_list))))
    gtk_list_box_remove (self->annotation_list, child);

  for (guint i = 0; i < self->measure->phases->len; i++)
    {
      const TandemPhase *phase = self->measure->phases->pdata[i];
      g_autofree char *date = nice_date (phase->starts_on);
      g_autofree char *subtitle = g_strdup_printf (_("Starts on %s"), date);

      gtk_list_box_append (self->phase_list,
                           child_row (self, TANDEM_ENTITY_PHASE, phase->id,
                                      phase->label && *phase->label ? phase->label : _("New phase"),
                                      subtitle, _("Change Phase"), _("Delete Phase")));
    }
  for (guint i = 0; i < self->measure->annotations->len; i++)
    {
      const TandemAnnotation *annotation = self->measure->annotations->pdata[i];
      g_autofree char *date = nice_date (annotation->date);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      if (annotation->from_link)
        {
          title = g_strdup_printf (_("%u. PDSA cycle: %s"), i + 1,
                                   annotation->linked_title ? annotation->linked_title : "");
          subtitle = g_strdup_printf (_("%s · the start of a test of a linked change idea"), date);
        }
      else
        {
          title = g_strdup_printf ("%u. %s", i + 1,
                                   annotation->text ? annotation->text
                                   : annotation->linked_title ? annotation->linked_title : "");
          subtitle = annotation->linked_title
                     ? g_strdup_printf (annotation->pdsa_id ? _("%s · about the PDSA cycle “%s”")
                                                            : _("%s · about the change idea “%s”"),
                                        date, annotation->linked_title)
                     : g_strdup (date);
        }
      escaped = g_markup_escape_text (subtitle, -1);
      gtk_list_box_append (self->annotation_list,
                           child_row (self, TANDEM_ENTITY_ANNOTATION,
                                      annotation->from_link ? NULL : annotation->id,
                                      title, escaped, _("Change Note"), _("Delete Note")));
    }
  /* An empty boxed list is drawn as a stray line. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_list), self->measure->phases->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), self->measure->annotations->len > 0);
}

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
  /* The flow box's own child holds the entry: hide that, so no gap is left. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->denominator_entry)),
                          tandem_spc_chart_needs_n (self->measure->chart));

  fill_children (self);
  fill_links (self);
  tandem_comments_panel_set_item (self->comments_panel, project, TANDEM_ENTITY_MEASURE,
                                  self->measure_id);
  tandem_equity_section_set_measure (self->equity_section, project, self->measure_id, editable);
  {
    const TandemLinkTarget *chosen = tandem_link_target_at (self->annotation_targets,
                                                gtk_drop_down_get_selected (self->annotation_link_drop));
    g_autoptr(GListModel) model = tandem_link_target_model_new (self->targets);

    gtk_drop_down_set_model (self->annotation_link_drop, model);
    gtk_drop_down_set_selected (self->annotation_link_drop,
                                chosen ? tandem_link_target_position (self->targets, chosen->node_id, chosen->pdsa_id) : 0);
    g_clear_pointer (&self->annotation_targets, g_ptr_array_unref);
    self->annotation_targets = self->targets ? g_ptr_array_ref (self->targets) : NULL;
  }

  {
    g_autofree char *target = format_number (self->measure->target);
    g_autofree char *multiply = format_number (self->measure->multiply);
    g_autofree char *freeze = self->measure->freeze ? g_strdup_printf ("%u", self->measure->freeze)
                                                    : g_strdup ("");
    const struct { AdwEntryRow *row; const char *field; const char *text; } rows[] = {
      { self->name_row, "name", self->measure->name },
      { self->definition_row, "definition", self->measure->definition },
      { self->unit_row, "unit", self->measure->unit },
      { self->target_row, "target", target },
      { self->multiply_row, "multiply", multiply },
      { self->freeze_row, "freeze", freeze },
    };

    /* A row the person is typing in keeps their words (see tandem-shown-field.c). */
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      tandem_shown_field_fill (GTK_WIDGET (rows[i].row), project, TANDEM_ENTITY_MEASURE,
                               self->measure_id, rows[i].field, rows[i].text);
  }
  tandem_enum_row_set_word (self->kind_row, TANDEM_TYPE_MEASURE_KIND, self->measure->kind);
  tandem_enum_row_set_value (self->direction_row, self->measure->direction);
  tandem_enum_row_set_word (self->frequency_row, TANDEM_TYPE_MEASURE_FREQUENCY, self->measure->frequency);
  tandem_enum_row_set_value (self->chart_row, self->measure->chart);
  tandem_enum_row_set_value (self->rules_row, self->measure->rules);
  gtk_switch_set_active (self->screen_switch, self->measure->screen_mr);
  {
    /* A choice is saved against what its drop-down showed: another
     * program's change to the same field is then kept, not written over. */
    const struct { GtkWidget *editor; const char *field; } choices[] = {
      { GTK_WIDGET (self->kind_row), "kind" },
      { GTK_WIDGET (self->direction_row), "direction" },
      { GTK_WIDGET (self->frequency_row), "frequency" },
      { GTK_WIDGET (self->chart_row), "chart_type" },
      { GTK_WIDGET (self->rules_row), "rules" },
      { GTK_WIDGET (self->screen_switch), "screen_mr" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      tandem_shown_field_remember (choices[i].editor, project, TANDEM_ENTITY_MEASURE,
                                   self->measure_id, choices[i].field);
  }

  {
    GtkWidget *editors[] = {
      GTK_WIDGET (self->name_row), GTK_WIDGET (self->kind_row),
      GTK_WIDGET (self->definition_row), GTK_WIDGET (self->unit_row), GTK_WIDGET (self->direction_row),
      GTK_WIDGET (self->target_row), GTK_WIDGET (self->frequency_row), GTK_WIDGET (self->chart_row),
      GTK_WIDGET (self->rules_row), GTK_WIDGET (self->freeze_row), GTK_WIDGET (self->multiply_row),
      GTK_WIDGET (self->screen_switch), GTK_WIDGET (self->annotation_link_drop),
    };
    static const char * const actions[] = {
      "measures.add-value", "measures.paste", "measures.import", "measures.edit-phase",
      "measures.delete-phase", "measures.edit-note", "measures.delete-note", "measures.unlink",
    };

    for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
      gtk_widget_set_sensitive (editors[i], editable);
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
  }
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
/* Print and export                                                           */

static TandemChart *
print_chart (TandemMeasuresPage *self)
{
  TandemChart *chart;

  if (self->measure == NULL)
    return NULL;
  chart = tandem_chart_new (self->measure);
  tandem_chart_set_style (chart, gtk_toggle_button_get_active (self->contrast_button)
                                 ? TANDEM_CHART_STYLE_HIGH_CONTRAST : TANDEM_CHART_STYLE_PRINT);
  return chart;
}

/**
 * tandem_measures_page_print_to_pdf:
 * @self: the page
 * @paper: the paper
 * @path: (nullable): print straight to this PDF; %NULL shows the print dialog
 *
 * Prints the chosen measure's chart, landscape, through GTK's printing, as
 * a workshop sheet: the team and the print date, the chart, the measure's
 * definition and what the chart shows.
 */
void
tandem_measures_page_print_to_pdf (TandemMeasuresPage *self,
                                   TandemPaper         paper,
                                   const char         *path)
{
  TandemChart *chart = print_chart (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  const char *team_id = tandem_page_get_team_id (TANDEM_PAGE (self));
  g_autoptr(TandemTeam) team = NULL;
  g_autoptr(GDateTime) now = tandem_clock_now_local ();
  g_autofree char *today = g_date_time_format (now, "%e %B %Y");

  if (chart == NULL)
    return;
  /* For a workshop the page says whose it is, when it was printed, what the
   * measure is and what the chart shows. */
  if (project != NULL && team_id != NULL)
    team = tandem_team_get (project, team_id, NULL);
  tandem_print_pages (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->measure->name,
                      paper, TRUE, 1, tandem_chart_draw_sheet,
                      tandem_chart_sheet_new (chart, team ? team->name : NULL, g_strstrip (today)),
                      (GDestroyNotify) tandem_chart_sheet_free, path);
}

static void
tandem_measures_page_print (TandemPage *page)
{
  /* The paper people chose in Preferences, as the diagram's printing does. */
  tandem_measures_page_print_to_pdf (TANDEM_MEASURES_PAGE (page), tandem_print_default_paper (), NULL);
}

/**
 * tandem_measures_page_export_to:
 * @self: the page
 * @path: the file to write
 * @format: PDF, SVG or PNG
 * @paper: the page size, landscape
 * @dpi: for PNG
 * @error: return location for an error
 *
 * Returns: whether the chosen measure's chart was written
 */
gboolean
tandem_measures_page_export_to (TandemMeasuresPage  *self,
                                const char          *path,
                                TandemExportFormat   format,
                                TandemPaper          paper,
                                double               dpi,
                                GError             **error)
{
  g_autoptr(TandemChart) chart = print_chart (self);
  double width, height;

  if (chart == NULL)
    {
      g_set_error_literal (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                           _("Choose a measure to export its chart."));
      return FALSE;
    }
  tandem_paper_get_size (paper, TRUE, &width, &height);
  return tandem_export_pages (path, format, width, height, 1, dpi, tandem_chart_draw_page, chart, error);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    TandemMeasuresPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      TandemExportFormat format = TANDEM_EXPORT_PDF;
      TandemPaper paper;
      double dpi;
      g_autofree char *path = tandem_print_export_choice (GTK_FILE_CHOOSER (chooser), &format,
                                                          &paper, &dpi);
      g_autoptr(GError) error = NULL;

      if (path && !tandem_measures_page_export_to (self, path, format, paper, dpi, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export the Chart"), error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
tandem_measures_page_export (TandemPage *page)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *paper_ids[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { N_("A4"), N_("A3"), NULL };
  const char *dpi_ids[] = { "150", "300", "600", NULL };
  const char *dpi_labels[] = { N_("150 dots per inch"), N_("300 dots per inch"), N_("600 dots per inch"), NULL };
  const char *exts[] = { "pdf", "png", "svg" };
  const char *filter_names[] = { N_("PDF document"), N_("PNG image"), N_("SVG drawing") };

  if (self->measure == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", self->measure->name);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", exts[i]);

      gtk_file_filter_set_name (filter, _(filter_names[i]));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  for (guint i = 0; paper_labels[i]; i++)
    paper_labels[i] = _(paper_labels[i]);
  for (guint i = 0; dpi_labels[i]; i++)
    dpi_labels[i] = _(dpi_labels[i]);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper (landscape)"),
                               paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "dpi", _("PNG resolution"), dpi_ids, dpi_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "dpi", "150");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* "equity.show-measure": a measure chosen in the equity overview. */
static void
show_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);

  tandem_measures_page_select_measure (self, g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
tandem_measures_page_finalize (GObject *object)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (object);

  g_clear_pointer (&self->measure, tandem_measure_unref);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->unlinked, g_ptr_array_unref);
  g_clear_pointer (&self->annotation_targets, g_ptr_array_unref);
  g_clear_object (&self->measure_ids);
  g_clear_pointer (&self->measure_names, g_hash_table_unref);
  g_free (self->measure_id);
  g_free (self->summary);
  g_clear_weak_pointer (&self->edit_dialog);
  G_OBJECT_CLASS (tandem_measures_page_parent_class)->finalize (object);
}

/* The page's buttons, each an action with no parameter: shortcuts, menus
 * and tests take the same path as a click. */
static void
button_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const struct { const char *name; void (*run) (TandemMeasuresPage *self); } buttons[] = {
    { "measures.add-measure", add_measure_clicked_cb },
    { "measures.back", back_clicked_cb },
    { "measures.add-value", add_value_clicked_cb },
    { "measures.save-value", save_value_clicked_cb },
    { "measures.import", import_clicked_cb },
    { "measures.add-phase", add_phase_clicked_cb },
    { "measures.add-note", add_annotation_clicked_cb },
    { "measures.delete-measure", delete_measure_clicked_cb },
    { "measures.show-equity-overview", tandem_measures_page_show_equity_overview },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_str_equal (buttons[i].name, action_name))
      buttons[i].run (TANDEM_MEASURES_PAGE (widget));
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
  page_class->print = tandem_measures_page_print;
  page_class->export = tandem_measures_page_export;

  gtk_widget_class_install_action (widget_class, "equity.show-measure", "s", show_measure_action);
  gtk_widget_class_install_action (widget_class, "measures.edit-value", NULL, edit_value_action);
  gtk_widget_class_install_action (widget_class, "measures.delete-value", NULL, delete_value_action);
  gtk_widget_class_install_action (widget_class, "measures.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "measures.add-measure", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.back", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.add-value", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.save-value", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.import", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.add-phase", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.add-note", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.delete-measure", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.show-equity-overview", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "measures.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "measures.unlink", "s", unlink_action);
  gtk_widget_class_install_action (widget_class, "measures.edit-phase", "s", edit_child_action);
  gtk_widget_class_install_action (widget_class, "measures.edit-note", "s", edit_child_action);
  gtk_widget_class_install_action (widget_class, "measures.delete-phase", "s", delete_child_action);
  gtk_widget_class_install_action (widget_class, "measures.delete-note", "s", delete_child_action);
  g_type_ensure (TANDEM_TYPE_CHART_VIEW);
  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  g_type_ensure (TANDEM_TYPE_MEASURE_DATA_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-measures-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemMeasuresPage, name)
  CHILD (leaflet);
  CHILD (sidebar);
  CHILD (description);
  CHILD (measure_list);
  CHILD (add_measure_button);
  CHILD (content_stack);
  CHILD (measure_title);
  CHILD (contrast_button);
  CHILD (chart_view);
  CHILD (point_label);
  CHILD (summary_label);
  CHILD (date_entry);
  CHILD (value_entry);
  CHILD (denominator_entry);
  CHILD (note_entry);
  CHILD (excluded_check);
  CHILD (add_value_button);
  CHILD (save_value_button);
  CHILD (delete_value_button);
  CHILD (paste_button);
  CHILD (import_button);
  CHILD (data_table);
  CHILD (phase_list);
  CHILD (phase_date_entry);
  CHILD (phase_label_entry);
  CHILD (annotation_list);
  CHILD (annotation_date_entry);
  CHILD (annotation_text_entry);
  CHILD (name_row);
  CHILD (kind_row);
  CHILD (definition_row);
  CHILD (unit_row);
  CHILD (direction_row);
  CHILD (target_row);
  CHILD (frequency_row);
  CHILD (chart_row);
  CHILD (rules_row);
  CHILD (freeze_row);
  CHILD (multiply_row);
  CHILD (screen_switch);
  CHILD (settings_group);
  CHILD (annotation_group);
  CHILD (add_annotation_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, contrast_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, point_focused_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_row_applied_cb);
}

static void
tandem_measures_page_init (TandemMeasuresPage *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->data_table, "notify::selected",
                            G_CALLBACK (data_selection_changed_cb), self);
  /* Nothing is chosen in the table yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.save-value", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.delete-value", FALSE);

  tandem_enum_row_set_model (self->kind_row, TANDEM_TYPE_MEASURE_KIND,
                             TANDEM_ENUM_LABEL_FUNC (tandem_measure_kind_get_label));
  tandem_enum_row_set_model (self->direction_row, TANDEM_TYPE_SPC_DIRECTION,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_direction_get_label));
  tandem_enum_row_set_model (self->frequency_row, TANDEM_TYPE_MEASURE_FREQUENCY,
                             TANDEM_ENUM_LABEL_FUNC (tandem_measure_frequency_get_label));
  tandem_enum_row_set_model (self->chart_row, TANDEM_TYPE_SPC_CHART,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_chart_get_label));
  tandem_enum_row_set_model (self->rules_row, TANDEM_TYPE_SPC_RULES,
                             TANDEM_ENUM_LABEL_FUNC (tandem_spc_rules_get_label));

  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  g_signal_connect (self->direction_row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  g_signal_connect (self->frequency_row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  g_signal_connect (self->chart_row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  g_signal_connect (self->rules_row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  g_signal_connect (self->screen_switch, "notify::active", G_CALLBACK (screen_changed_cb), self);
  self->measure_ids = gtk_string_list_new (NULL);
  self->measure_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_list_box_bind_model (self->measure_list, G_LIST_MODEL (self->measure_ids), create_measure_row, self, NULL);
  g_signal_connect (self->measure_list, "row-activated", G_CALLBACK (measure_row_activated_cb), self);
  {
    gpointer form[] = { self->date_entry, self->value_entry, self->denominator_entry, self->note_entry };
    const struct { TandemDateEntry *date; const char *label; } dates[] = {
      { self->date_entry, _("Date") },
      { self->phase_date_entry, _("New phase starts on") },
      { self->annotation_date_entry, _("Date of the note") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      gtk_accessible_update_property (GTK_ACCESSIBLE (tandem_date_entry_get_entry (dates[i].date)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, dates[i].label, -1);

    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      g_signal_connect_swapped (form[i], "activate", G_CALLBACK (form_activated_cb), self);
  }
  g_signal_connect (self->measure_list, "row-selected", G_CALLBACK (measure_row_selected_cb), self);

  /* The note form: what the note is about, then Add, on a line of their own
   * so that the text keeps its room in a narrow window. */
  {
    GtkWidget *form = gtk_widget_get_parent (self->add_annotation_button);
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->annotation_link_drop = tandem_link_target_drop_down_new (NULL, _("The PDSA cycle or change idea the note is about"));
    gtk_widget_set_hexpand (self->add_annotation_button, TRUE);
    gtk_widget_set_halign (self->add_annotation_button, GTK_ALIGN_END);
    g_object_ref (self->add_annotation_button);
    gtk_box_remove (GTK_BOX (form), self->add_annotation_button);
    gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->annotation_link_drop));
    gtk_box_append (GTK_BOX (line), self->add_annotation_button);
    g_object_unref (self->add_annotation_button);
    gtk_widget_set_margin_top (line, 6);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->annotation_group), line);
  }

  /* The change ideas linked to the measure, after its settings. */
  self->link_rows = g_ptr_array_new ();
  self->link_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->link_group, _("Linked Change Ideas"));
  adw_preferences_group_set_description (self->link_group,
                                         _("The change ideas this measure shows the effect of. Their "
                                           "PDSA cycles are drawn on the chart as numbered markers."));
  self->link_add_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->link_add_row), _("Link a change idea"));
  self->link_add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Link")));
  gtk_widget_set_valign (GTK_WIDGET (self->link_add_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_add_button), _("Link the Chosen Change Idea"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->link_add_button), "measures.link");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->link_add_row), GTK_WIDGET (self->link_add_button));
  adw_preferences_group_add (self->link_group, GTK_WIDGET (self->link_add_row));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->settings_group)),
                              GTK_WIDGET (self->link_group), self->settings_group);

  /* The measure by group: its breakdown, data and charts, after its notes. */
  self->equity_section = g_object_new (TANDEM_TYPE_EQUITY_SECTION, NULL);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->settings_group)),
                              GTK_WIDGET (self->equity_section), self->annotation_group);

  /* The team's equity of outcomes: every broken-down measure, from the sidebar. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();
    GtkWidget *clamp = adw_clamp_new ();
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Equity of Outcomes"));

    self->equity_overview = TANDEM_EQUITY_OVERVIEW (tandem_equity_overview_new ());
    gtk_widget_set_margin_start (GTK_WIDGET (self->equity_overview), 12);
    gtk_widget_set_margin_end (GTK_WIDGET (self->equity_overview), 12);
    gtk_widget_set_margin_top (GTK_WIDGET (self->equity_overview), 12);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->equity_overview), 24);
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
    adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->equity_overview));
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
    gtk_stack_add_named (self->content_stack, scroller, "equity");

    gtk_widget_set_tooltip_text (button, _("Every Measure Broken Down by Group, by Access, "
                                           "Experience and Outcomes"));
    gtk_widget_set_margin_start (button, 12);
    gtk_widget_set_margin_end (button, 12);
    gtk_widget_set_margin_top (button, 6);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.show-equity-overview");
    gtk_box_insert_child_after (GTK_BOX (self->sidebar), button,
                                gtk_widget_get_prev_sibling (GTK_WIDGET (self->add_measure_button)));
  }

  /* People discuss a measure beside its settings (the panel has its own heading). */
  self->comments_panel = TANDEM_COMMENTS_PANEL (tandem_comments_panel_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->settings_group)),
                              GTK_WIDGET (self->comments_panel), GTK_WIDGET (self->link_group));
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
