/* tandem-equity-section.c — a measure's equity part on the Measures page: its breakdown by group, data and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Below a measure's run chart: how it is broken down by group (which
 * grouping, rate or proportion, per how many, the denominator's name,
 * access, experience or outcomes, the reference group), its data by group
 * imported from a long or wide CSV file through a preview that lists the
 * groups found and every refused row by its line, and its small multiples
 * or disparity chart with the sentences under them
 * (tandem-equity-measure.c, the same as the CLI's). On screen the team
 * sees its own numbers; printed and exported charts hide small counts at
 * the project's threshold, which is set here.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-breakdown.h"
#include "tandem-enum-row.h"
#include "tandem-enums.h"
#include "tandem-equity-import-dialog.h"
#include "tandem-equity-measure.h"
#include "tandem-equity-section.h"
#include "tandem-page.h"
#include "tandem-print.h"

struct _TandemEquitySection
{
  GtkBox               parent_instance;

  GtkToggleButton     *groups_button;
  GtkToggleButton     *disparity_button;
  GtkWidget           *view_box;
  GtkWidget           *print_button;
  GtkWidget           *export_button;
  GtkLabel            *status_label;
  GtkWidget           *chart_frame;
  GtkDrawingArea      *chart_area;
  GtkLabel            *words_label;
  AdwComboRow         *grouping_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *per_row;
  AdwEntryRow         *denominator_row;
  AdwComboRow         *domain_row;
  AdwComboRow         *reference_row;
  GtkWidget           *threshold_row;
  GtkSpinButton       *threshold_spin;
  GtkWidget           *import_row;
  GtkWidget           *import_button;

  TandemProject       *project;
  char                *measure_id;
  gboolean             editable;
  TandemBreakdown     *breakdown;
  GPtrArray           *groupings;    /* TandemGrouping */
  GPtrArray           *references;   /* TandemGroupCategory a reference may be */
  TandemEquityMeasure *equity;
  TandemEquityChart   *chart;
  char                *words;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (TandemEquitySection, tandem_equity_section, GTK_TYPE_BOX)

static void refresh (TandemEquitySection *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                    */

static TandemPage *
page_of (TandemEquitySection *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  return page ? TANDEM_PAGE (page) : NULL;
}

static void
show_error (TandemEquitySection *self,
            const char          *heading,
            const GError        *error)
{
  TandemPage *page = page_of (self);

  if (page != NULL)
    tandem_page_show_error (page, heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

static GtkWindow *
window_of (TandemEquitySection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static TandemEquityView
current_view (TandemEquitySection *self)
{
  return gtk_toggle_button_get_active (self->disparity_button) ? TANDEM_EQUITY_VIEW_DISPARITY
                                                                : TANDEM_EQUITY_VIEW_GROUPS;
}

/* Gives @row the strings @items, keeping its model when they are the same
 * (a row being chosen from is not rebuilt under the person), and chooses
 * @selected. */
static void
set_choices (AdwComboRow        *row,
             const char * const *items,
             guint               selected)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = g_strv_length ((char **) items);
  gboolean same = GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), items[i]) == 0;
  if (!same)
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (items);

      adw_combo_row_set_model (row, G_LIST_MODEL (list));
    }
  adw_combo_row_set_selected (row, selected);
}

static char *
format_per (double per)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "%.10g", per);
  return g_strdup (buffer);
}

/* The settings to save: the breakdown as it is, or a new one. */
static void
settings_from (TandemEquitySection *self,
               TandemBreakdown     *settings)
{
  memset (settings, 0, sizeof *settings);
  settings->measure_id = self->measure_id;
  settings->per = NAN;
  settings->kind = TANDEM_BREAKDOWN_RATE;
  settings->domain = TANDEM_BREAKDOWN_OUTCOMES;
  if (self->breakdown == NULL)
    return;
  settings->grouping_id = self->breakdown->grouping_id;
  settings->kind = self->breakdown->kind;
  settings->per = self->breakdown->per;
  settings->denominator_name = self->breakdown->denominator_name;
  settings->domain = self->breakdown->domain;
  settings->reference_id = self->breakdown->reference_id;
}

static void
save_settings (TandemEquitySection   *self,
               const TandemBreakdown *settings)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->measure_id == NULL)
    return;
  if (!tandem_breakdown_set (self->project, settings, &error))
    {
      show_error (self, _("Could Not Change the Breakdown"), error);
      refresh (self);
    }
}

/* ------------------------------------------------------------------------ */
/* Showing the measure                                                        */

static void
chart_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  TandemEquitySection *self = data;

  if (self->chart == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tandem_equity_chart_draw (self->chart, cr, width, height);
}

static void
show_chart (TandemEquitySection *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->chart, tandem_equity_chart_free);
  if (self->equity != NULL)
    self->chart = tandem_equity_measure_new_chart (self->equity, current_view (self), 0,
                                                   TANDEM_CHART_STYLE_SCREEN, &error);
  if (self->equity != NULL && self->chart == NULL)
    gtk_label_set_text (self->status_label, error->message);
  /* On screen the words are a label of their own, to select and to read aloud. */
  if (self->chart != NULL)
    tandem_equity_chart_set_words (self->chart, NULL);
  gtk_widget_set_visible (self->chart_frame, self->chart != NULL);
  gtk_widget_set_sensitive (self->print_button, self->chart != NULL);
  gtk_widget_set_sensitive (self->export_button, self->chart != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
refresh (TandemEquitySection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *status = "";
  guint selected = 0;

  self->loading = TRUE;
  g_clear_pointer (&self->breakdown, tandem_breakdown_free);
  g_clear_pointer (&self->groupings, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->equity, tandem_equity_measure_free);
  g_clear_pointer (&self->words, g_free);

  if (self->project != NULL && self->measure_id != NULL)
    {
      self->breakdown = tandem_breakdown_get (self->project, self->measure_id, &error);
      if (self->breakdown == NULL && !g_error_matches (error, TANDEM_PROJECT_ERROR,
                                                       TANDEM_PROJECT_ERROR_NOT_FOUND))
        g_warning ("%s", error->message);
      g_clear_error (&error);
      self->groupings = tandem_grouping_list (self->project, &error);
      if (self->groupings == NULL)
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
    }

  /* Broken down by: "Not broken down" first while it is not. */
  if (self->breakdown == NULL)
    g_ptr_array_add (names, g_strdup (_("Not broken down")));
  for (guint i = 0; self->groupings != NULL && i < self->groupings->len; i++)
    {
      const TandemGrouping *grouping = self->groupings->pdata[i];

      if (self->breakdown != NULL && g_str_equal (grouping->id, self->breakdown->grouping_id))
        selected = names->len;
      g_ptr_array_add (names, g_strdup (grouping->name));
    }
  g_ptr_array_add (names, NULL);
  set_choices (self->grouping_row, (const char * const *) names->pdata, selected);

  {
    GtkWidget *rows[] = {
      GTK_WIDGET (self->kind_row), GTK_WIDGET (self->per_row), GTK_WIDGET (self->denominator_row),
      GTK_WIDGET (self->domain_row), GTK_WIDGET (self->reference_row), self->import_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        gtk_widget_set_visible (rows[i], self->breakdown != NULL);
        gtk_widget_set_sensitive (rows[i], self->editable);
      }
    gtk_widget_set_sensitive (GTK_WIDGET (self->grouping_row), self->editable);
    gtk_widget_set_sensitive (self->threshold_row, self->editable);
  }

  if (self->breakdown != NULL)
    {
      g_autoptr(GPtrArray) categories = NULL;
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      double per = isnan (self->breakdown->per)
                   ? (self->breakdown->kind == TANDEM_BREAKDOWN_PROPORTION
                      ? TANDEM_BREAKDOWN_DEFAULT_PER_PROPORTION : TANDEM_BREAKDOWN_DEFAULT_PER_RATE)
                   : self->breakdown->per;
      g_autofree char *per_text = format_per (per);
      guint reference = 0;

      tandem_enum_row_set_value (self->kind_row, self->breakdown->kind);
      tandem_enum_row_set_value (self->domain_row, self->breakdown->domain);
      gtk_editable_set_text (GTK_EDITABLE (self->per_row), per_text);
      gtk_editable_set_text (GTK_EDITABLE (self->denominator_row),
                             self->breakdown->denominator_name ? self->breakdown->denominator_name : "");

      self->references = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_group_category_free);
      categories = tandem_grouping_list_categories (self->project, self->breakdown->grouping_id, NULL);
      g_ptr_array_add (labels, g_strdup (_("None: rates alone")));
      for (guint i = 0; categories != NULL && i < categories->len; i++)
        {
          TandemGroupCategory *category = categories->pdata[i];

          if (category->not_stated)
            continue;
          if (g_strcmp0 (category->id, self->breakdown->reference_id) == 0)
            reference = labels->len;
          g_ptr_array_add (labels, g_strdup (category->label));
          g_ptr_array_add (self->references, g_steal_pointer (&categories->pdata[i]));
        }
      g_ptr_array_add (labels, NULL);
      set_choices (self->reference_row, (const char * const *) labels->pdata, reference);

      self->equity = tandem_equity_measure_load (self->project, self->measure_id, FALSE, &error);
      if (self->equity == NULL)
        status = g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND)
                 ? _("No data by group yet: import a CSV file with a row per period and group "
                     "(date, group, count, denominator) or a column per group.")
                 : error->message;
    }
  else if (self->measure_id != NULL)
    status = _("To see whether some groups fare worse than others, choose what to break this "
               "measure down by.");

  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), *status != '\0');
  if (self->project != NULL)
    gtk_spin_button_set_value (self->threshold_spin, tandem_breakdown_get_threshold (self->project));

  show_chart (self);
  if (self->equity != NULL)
    self->words = tandem_equity_measure_dup_words (self->equity, 0);
  gtk_label_set_text (self->words_label, self->words ? self->words : "");
  gtk_widget_set_visible (GTK_WIDGET (self->words_label), self->words != NULL);
  gtk_widget_set_visible (self->view_box, self->chart != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->words ? self->words : "", -1);
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Settings                                                                   */

typedef struct
{
  TandemEquitySection *self;
  char                *grouping_id;
} GroupingChoice;

/* Saved once the row is done choosing: the save rebuilds the row's list
 * ("Not broken down" goes), which must not happen under its own selection. */
static gboolean
save_grouping_cb (gpointer data)
{
  GroupingChoice *choice = data;
  TandemEquitySection *self = choice->self;
  g_autofree char *reference = NULL;
  TandemBreakdown settings;

  if (self->project != NULL &&
      (self->breakdown == NULL || !g_str_equal (choice->grouping_id, self->breakdown->grouping_id)))
    {
      settings_from (self, &settings);
      settings.grouping_id = choice->grouping_id;
      reference = tandem_grouping_default_reference (self->project, choice->grouping_id);
      settings.reference_id = reference;
      save_settings (self, &settings);
    }
  g_object_unref (choice->self);
  g_free (choice->grouping_id);
  g_free (choice);
  return G_SOURCE_REMOVE;
}

static void
grouping_changed_cb (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     TandemEquitySection *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const TandemGrouping *grouping;
  GroupingChoice *choice;

  if (self->loading || self->groupings == NULL)
    return;
  if (self->breakdown == NULL)
    {
      if (selected == 0 || selected > self->groupings->len)
        return;
      selected--;
    }
  if (selected >= self->groupings->len)
    return;
  grouping = self->groupings->pdata[selected];
  if (self->breakdown != NULL && g_str_equal (grouping->id, self->breakdown->grouping_id))
    return;
  choice = g_new0 (GroupingChoice, 1);
  choice->self = g_object_ref (self);
  choice->grouping_id = g_strdup (grouping->id);
  g_idle_add (save_grouping_cb, choice);
}

static void
enum_changed_cb (AdwComboRow         *row,
                 GParamSpec          *pspec,
                 TandemEquitySection *self)
{
  int value = tandem_enum_row_get_value (row);
  TandemBreakdown settings;

  if (self->loading || self->breakdown == NULL || value < 0)
    return;
  settings_from (self, &settings);
  if (row == self->kind_row)
    {
      if ((int) settings.kind == value)
        return;
      settings.kind = (TandemBreakdownKind) value;
      settings.per = NAN;   /* the new kind's own unit */
    }
  else
    {
      if ((int) settings.domain == value)
        return;
      settings.domain = (TandemBreakdownDomain) value;
    }
  save_settings (self, &settings);
}

static void
reference_changed_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      TandemEquitySection *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *id = NULL;
  TandemBreakdown settings;

  if (self->loading || self->breakdown == NULL || self->references == NULL)
    return;
  if (selected > 0 && selected <= self->references->len)
    id = ((const TandemGroupCategory *) self->references->pdata[selected - 1])->id;
  if (g_strcmp0 (id, self->breakdown->reference_id) == 0)
    return;
  settings_from (self, &settings);
  settings.reference_id = (char *) id;
  save_settings (self, &settings);
}

static void
per_applied_cb (TandemEquitySection *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->per_row));
  TandemBreakdown settings;
  double per;

  if (self->breakdown == NULL)
    return;
  if (!tandem_parse_number (text, TRUE, &per) || isnan (per) || per <= 0)
    {
      g_autoptr(GError) error = g_error_new (TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                                             _("“%s” is not a number above 0, such as 1000."), text);

      show_error (self, _("Could Not Change the Breakdown"), error);
      return;
    }
  settings_from (self, &settings);
  settings.per = per;
  save_settings (self, &settings);
}

static void
denominator_applied_cb (TandemEquitySection *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->denominator_row))));
  TandemBreakdown settings;

  if (self->breakdown == NULL)
    return;
  settings_from (self, &settings);
  settings.denominator_name = *text ? text : NULL;
  save_settings (self, &settings);
}

static void
threshold_changed_cb (GtkSpinButton       *spin,
                      TandemEquitySection *self)
{
  g_autoptr(GError) error = NULL;
  guint threshold = (guint) gtk_spin_button_get_value_as_int (spin);

  if (self->loading || self->project == NULL ||
      threshold == tandem_breakdown_get_threshold (self->project))
    return;
  if (!tandem_breakdown_set_threshold (self->project, threshold, &error))
    show_error (self, _("Could Not Change the Small-Number Threshold"), error);
}

static void
view_toggled_cb (TandemEquitySection *self)
{
  if (!self->loading)
    show_chart (self);
}

/* ------------------------------------------------------------------------ */
/* Importing: the groups found and every refused row, then one change         */

static void
import_imported_cb (TandemEquityImportDialog *dialog,
                    guint                     n,
                    TandemEquitySection      *self)
{
  g_autofree char *toast = g_strdup_printf (ngettext ("%u row by group imported",
                                                      "%u rows by group imported", n), n);

  if (page_of (self) != NULL)
    tandem_page_show_toast (page_of (self), toast, TRUE);
}

static void
import_failed_cb (TandemEquityImportDialog *dialog,
                  const char               *heading,
                  const GError             *error,
                  TandemEquitySection      *self)
{
  show_error (self, heading, error);
}

/**
 * tandem_equity_section_open_import:
 * @self: the section
 * @text: a CSV file's text: long (date, group, count, denominator) or wide
 *   (a date, then a column per group)
 * @length: its length, or -1
 * @file_name: the file's name, for the window and messages
 *
 * Opens the preview of an import by group: the groups found and the rows
 * for each, and every refused row by its line. Nothing is saved until the
 * person presses Import (or Enter: the window's "import.accept"), and
 * nothing at all while any row is refused; Escape cancels.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if @text could
 *   not be read as a table (the page says why, naming the file)
 */
GtkWindow *
tandem_equity_section_open_import (TandemEquitySection *self,
                                   const char          *text,
                                   gssize               length,
                                   const char          *file_name)
{
  g_autoptr(GError) error = NULL;
  TandemEquityImportDialog *dialog;

  g_return_val_if_fail (TANDEM_IS_EQUITY_SECTION (self), NULL);
  if (self->project == NULL || self->measure_id == NULL || self->breakdown == NULL)
    return NULL;

  dialog = tandem_equity_import_dialog_new (self->project, self->measure_id,
                                            self->breakdown->grouping_id, text, length,
                                            file_name, &error);
  if (dialog == NULL)
    {
      show_error (self, _("Could Not Read the Data by Group"), error);
      return NULL;
    }
  if (window_of (self) != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), window_of (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_imported_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (import_failed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_file_response_cb (GtkNativeDialog     *chooser,
                         int                  response,
                         TandemEquitySection *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = g_file_get_basename (file);
      gsize length;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        show_error (self, _("Could Not Open the File"), error);
      else
        tandem_equity_section_open_import (self, contents, (gssize) length, name);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_clicked_cb (TandemEquitySection *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Data by Group from a CSV File"), window_of (self),
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
/* Print and export: for sharing, small numbers hidden                        */

/* The chart as printed or exported: small counts hidden at the project's
 * threshold when it is to be @shared. */
static TandemEquityChart *
shared_chart (TandemEquitySection  *self,
              gboolean              shared,
              GError              **error)
{
  if (self->equity == NULL)
    {
      g_set_error_literal (error, TANDEM_EXPORT_ERROR, TANDEM_EXPORT_ERROR_INVALID,
                           _("The measure has no chart by group to export."));
      return NULL;
    }
  return tandem_equity_measure_new_chart (self->equity, current_view (self),
                                          shared ? tandem_breakdown_get_threshold (self->project) : 0,
                                          TANDEM_CHART_STYLE_PRINT, error);
}

/**
 * tandem_equity_section_print_to_pdf:
 * @self: the section
 * @paper: the paper
 * @path: (nullable): print straight to this PDF; %NULL shows the print dialog
 *
 * Prints the chart shown, landscape, with small counts hidden at the
 * project's threshold: paper leaves the team.
 */
void
tandem_equity_section_print_to_pdf (TandemEquitySection *self,
                                    TandemPaper          paper,
                                    const char          *path)
{
  g_autoptr(GError) error = NULL;
  TandemEquityChart *chart;

  g_return_if_fail (TANDEM_IS_EQUITY_SECTION (self));
  chart = shared_chart (self, TRUE, &error);
  if (chart == NULL)
    {
      show_error (self, _("Could Not Print"), error);
      return;
    }
  tandem_print_pages (window_of (self), self->equity->measure->name, paper, TRUE, 1,
                      tandem_equity_chart_draw_page, chart,
                      (GDestroyNotify) tandem_equity_chart_free, path);
}

static void
print_clicked_cb (TandemEquitySection *self)
{
  tandem_equity_section_print_to_pdf (self, tandem_print_default_paper (), NULL);
}

/**
 * tandem_equity_section_export_to:
 * @self: the section
 * @path: the file to write
 * @format: PDF, SVG or PNG
 * @paper: the page size, landscape
 * @dpi: for PNG
 * @shared: hide small counts at the project's threshold, for sharing
 * @error: return location for an error
 *
 * Returns: whether the chart shown was written
 */
gboolean
tandem_equity_section_export_to (TandemEquitySection  *self,
                                 const char           *path,
                                 TandemExportFormat    format,
                                 TandemPaper           paper,
                                 double                dpi,
                                 gboolean              shared,
                                 GError              **error)
{
  g_autoptr(TandemEquityChart) chart = NULL;
  double width, height;

  g_return_val_if_fail (TANDEM_IS_EQUITY_SECTION (self), FALSE);
  chart = shared_chart (self, shared, error);
  if (chart == NULL)
    return FALSE;
  tandem_paper_get_size (paper, TRUE, &width, &height);
  return tandem_export_pages (path, format, width, height, 1, dpi, tandem_equity_chart_draw_page,
                              chart, error);
}

static void
export_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    TandemEquitySection *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      TandemExportFormat format = TANDEM_EXPORT_PDF;
      TandemPaper paper;
      double dpi;
      g_autofree char *path = tandem_print_export_choice (GTK_FILE_CHOOSER (chooser), &format,
                                                          &paper, &dpi);
      const char *small_choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "small");
      g_autoptr(GError) error = NULL;

      if (path && !tandem_equity_section_export_to (self, path, format, paper, dpi,
                                                    g_strcmp0 (small_choice, "show") != 0, &error))
        show_error (self, _("Could Not Export the Chart"), error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_clicked_cb (TandemEquitySection *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *paper_ids[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { _("A4"), _("A3"), NULL };
  const char *dpi_ids[] = { "150", "300", "600", NULL };
  const char *dpi_labels[] = { _("150 dots per inch"), _("300 dots per inch"), _("600 dots per inch"), NULL };
  const char *small_ids[] = { "hide", "show", NULL };
  g_autofree char *hide = g_strdup_printf (_("Hidden, for sharing (fewer than %u)"),
                                           tandem_breakdown_get_threshold (self->project) + 1);
  const char *small_labels[] = { hide, _("Shown, for the team only"), NULL };
  const char *exts[] = { "pdf", "png", "svg" };
  const char *filter_names[] = { N_("PDF document"), N_("PNG image"), N_("SVG drawing") };

  if (self->equity == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Chart by Group"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s by group.pdf", self->equity->measure->name);
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
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper (landscape)"),
                               paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "dpi", _("PNG resolution"), dpi_ids, dpi_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "dpi", "150");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "small", _("Small numbers"), small_ids,
                               small_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "small", "hide");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                    */

static void
tandem_equity_section_dispose (GObject *object)
{
  TandemEquitySection *self = TANDEM_EQUITY_SECTION (object);

  g_clear_object (&self->project);
  G_OBJECT_CLASS (tandem_equity_section_parent_class)->dispose (object);
}

static void
tandem_equity_section_finalize (GObject *object)
{
  TandemEquitySection *self = TANDEM_EQUITY_SECTION (object);

  g_free (self->measure_id);
  g_clear_pointer (&self->breakdown, tandem_breakdown_free);
  g_clear_pointer (&self->groupings, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->equity, tandem_equity_measure_free);
  g_clear_pointer (&self->chart, tandem_equity_chart_free);
  g_free (self->words);
  G_OBJECT_CLASS (tandem_equity_section_parent_class)->finalize (object);
}

static void
tandem_equity_section_class_init (TandemEquitySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_equity_section_dispose;
  object_class->finalize = tandem_equity_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-equity-section.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TandemEquitySection, name)
  CHILD (groups_button);
  CHILD (disparity_button);
  CHILD (view_box);
  CHILD (print_button);
  CHILD (export_button);
  CHILD (status_label);
  CHILD (chart_frame);
  CHILD (chart_area);
  CHILD (words_label);
  CHILD (grouping_row);
  CHILD (kind_row);
  CHILD (per_row);
  CHILD (denominator_row);
  CHILD (domain_row);
  CHILD (reference_row);
  CHILD (threshold_row);
  CHILD (threshold_spin);
  CHILD (import_row);
  CHILD (import_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, per_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, denominator_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
tandem_equity_section_init (TandemEquitySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tandem_enum_row_set_model (self->kind_row, TANDEM_TYPE_BREAKDOWN_KIND,
                             TANDEM_ENUM_LABEL_FUNC (tandem_breakdown_kind_get_label));
  tandem_enum_row_set_model (self->domain_row, TANDEM_TYPE_BREAKDOWN_DOMAIN,
                             TANDEM_ENUM_LABEL_FUNC (tandem_breakdown_domain_get_label));
  tandem_combo_row_show_whole_labels (self->grouping_row);
  tandem_combo_row_show_whole_labels (self->reference_row);
  gtk_drawing_area_set_draw_func (self->chart_area, chart_draw_cb, self, NULL);
  g_signal_connect (self->grouping_row, "notify::selected", G_CALLBACK (grouping_changed_cb), self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (enum_changed_cb), self);
  g_signal_connect (self->domain_row, "notify::selected", G_CALLBACK (enum_changed_cb), self);
  g_signal_connect (self->reference_row, "notify::selected", G_CALLBACK (reference_changed_cb), self);
  g_signal_connect (self->threshold_spin, "value-changed", G_CALLBACK (threshold_changed_cb), self);
  refresh (self);
}

/**
 * tandem_equity_section_set_measure:
 * @self: the section
 * @project: (nullable): the project
 * @measure_id: (nullable): the measure shown
 * @editable: whether the project may be changed
 *
 * Shows @measure_id's breakdown, charts and words afresh.
 */
void
tandem_equity_section_set_measure (TandemEquitySection *self,
                                   TandemProject       *project,
                                   const char          *measure_id,
                                   gboolean             editable)
{
  g_return_if_fail (TANDEM_IS_EQUITY_SECTION (self));

  g_set_object (&self->project, project);
  if (g_strcmp0 (self->measure_id, measure_id) != 0)
    {
      g_free (self->measure_id);
      self->measure_id = g_strdup (measure_id);
    }
  self->editable = editable;
  refresh (self);
}

/**
 * tandem_equity_section_get_words:
 * @self: the section
 *
 * Returns: (nullable): the sentences under the chart, the team's own
 *   numbers
 */
const char *
tandem_equity_section_get_words (TandemEquitySection *self)
{
  g_return_val_if_fail (TANDEM_IS_EQUITY_SECTION (self), NULL);
  return self->words;
}

/**
 * tandem_equity_section_set_view:
 * @self: the section
 * @view: small multiples or the disparity chart
 */
void
tandem_equity_section_set_view (TandemEquitySection *self,
                                TandemEquityView     view)
{
  g_return_if_fail (TANDEM_IS_EQUITY_SECTION (self));
  gtk_toggle_button_set_active (view == TANDEM_EQUITY_VIEW_DISPARITY ? self->disparity_button
                                                                     : self->groups_button, TRUE);
}
