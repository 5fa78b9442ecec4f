/* tandem-measures-page-actions.c — the Measures page's actions: every
 * button of the page, its shortcuts and the data table's keys take the
 * same path; printing and exporting the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-chart.h"
#include "tandem-clock.h"
#include "tandem-measures-page-private.h"
#include "tandem-print.h"
#include "tandem-team.h"

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

/* ------------------------------------------------------------------------ */
/* Actions                                                                    */

static void
delete_measure (TandemMeasuresPage *self)
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

/* The page's buttons, each an action with no parameter: shortcuts, menus
 * and tests take the same path as a click. */
static void
button_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));

  if (g_str_equal (action_name, "measures.add-measure"))
    tandem_measures_page_new_measure (self);
  else if (g_str_equal (action_name, "measures.back"))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (g_str_equal (action_name, "measures.add-value"))
    tandem_measure_data_entry_add (self->data_entry);
  else if (g_str_equal (action_name, "measures.save-value"))
    tandem_measure_data_entry_save (self->data_entry);
  else if (g_str_equal (action_name, "measures.import"))
    tandem_measure_data_entry_choose_file (self->data_entry);
  else if (g_str_equal (action_name, "measures.add-phase"))
    g_free (tandem_measure_notes_add_phase (self->notes));
  else if (g_str_equal (action_name, "measures.add-note"))
    g_free (tandem_measure_notes_add_note (self->notes));
  else if (g_str_equal (action_name, "measures.delete-measure"))
    delete_measure (self);
  else if (g_str_equal (action_name, "measures.show-equity-overview"))
    tandem_measures_page_show_equity_overview (self);
  else if (g_str_equal (action_name, "measures.link"))
    tandem_measure_settings_link (self->settings);
  /* Keys in the data table: Enter goes to the form, to change the chosen
   * value; Delete deletes it; Ctrl+V pastes. */
  else if (g_str_equal (action_name, "measures.edit-value"))
    {
      if (tandem_measure_data_entry_get_point_id (self->data_entry) != NULL)
        tandem_measure_data_entry_focus_value (self->data_entry);
    }
  else if (g_str_equal (action_name, "measures.delete-value"))
    {
      if (editable)
        tandem_measure_data_entry_delete (self->data_entry);
    }
  else if (g_str_equal (action_name, "measures.paste"))
    {
      if (editable && self->measure_id != NULL)
        tandem_measure_data_entry_paste (self->data_entry);
    }
}

/* The actions of a row, with its id: a phase, a note or a linked change idea. */
static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemMeasuresPage *self = TANDEM_MEASURES_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "measures.edit-phase"))
    tandem_measures_page_edit_phase (self, id);
  else if (g_str_equal (action_name, "measures.edit-note"))
    tandem_measures_page_edit_note (self, id);
  else if (g_str_equal (action_name, "measures.delete-phase"))
    tandem_measure_notes_delete (self->notes, TRUE, id);
  else if (g_str_equal (action_name, "measures.delete-note"))
    tandem_measure_notes_delete (self->notes, FALSE, id);
  else if (g_str_equal (action_name, "measures.unlink"))
    tandem_measure_settings_unlink (self->settings, id);
  /* "equity.show-measure": a measure chosen in the equity overview. */
  else if (g_str_equal (action_name, "equity.show-measure"))
    tandem_measures_page_select_measure (self, id);
}

/* What can be done now: changes need an editable project, and a value
 * chosen in the table to change or delete it. */
void
_tandem_measures_page_update_actions (TandemMeasuresPage *self)
{
  static const char * const changes[] = {
    "measures.add-value", "measures.paste", "measures.import", "measures.edit-phase",
    "measures.delete-phase", "measures.edit-note", "measures.delete-note", "measures.unlink",
  };
  gboolean editable = tandem_page_get_editable (TANDEM_PAGE (self));
  gboolean chosen = tandem_measure_data_entry_get_point_id (self->data_entry) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.save-value", chosen && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.delete-value", chosen && editable);
}

void
_tandem_measures_page_class_actions_init (TandemMeasuresPageClass *klass)
{
  static const char * const buttons[] = {
    "measures.add-measure", "measures.back", "measures.add-value", "measures.save-value",
    "measures.import", "measures.add-phase", "measures.add-note", "measures.delete-measure",
    "measures.show-equity-overview", "measures.link", "measures.edit-value", "measures.delete-value",
    "measures.paste",
  };
  static const char * const rows[] = {
    "measures.edit-phase", "measures.edit-note", "measures.delete-phase", "measures.delete-note",
    "measures.unlink", "equity.show-measure",
  };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TandemPageClass *page_class = TANDEM_PAGE_CLASS (klass);

  page_class->print = tandem_measures_page_print;
  page_class->export = tandem_measures_page_export;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_class_install_action (widget_class, buttons[i], NULL, button_action);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_class_install_action (widget_class, rows[i], "s", row_action);
}
