/* tandem-diagram-page-print.c — printing and exporting the shown diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On one page or as a poster across several, on A4 or A3, landscape or
 * portrait (or whichever prints it larger); to the printer with a preview,
 * or to a PDF, PNG or SVG file.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-clock.h"
#include "tandem-diagram-page-private.h"
#include "tandem-legibility.h"
#include "tandem-print.h"

/* The layouts offered for printing and exporting: one page, or a poster. */
static const struct
{
  const char *id;
  guint       columns, rows;
  const char *label;
} poster_sizes[] = {
  { "one", 1, 1, N_("Whole diagram on one page") },
  { "2x1", 2, 1, N_("Poster, 2 pages side by side") },
  { "2x2", 2, 2, N_("Poster, 2 × 2 pages") },
  { "3x2", 3, 2, N_("Poster, 3 × 2 pages") },
  { "3x3", 3, 3, N_("Poster, 3 × 3 pages") },
};

typedef enum
{
  ORIENTATION_BEST,
  ORIENTATION_LANDSCAPE,
  ORIENTATION_PORTRAIT,
} Orientation;

static gboolean
authorship_shown (TandemDiagramPage *self)
{
  return self->settings && g_settings_get_boolean (self->settings, "show-authorship");
}

static TandemDiagramPages *
make_pages (TandemDiagramPage *self,
            guint              columns,
            guint              rows,
            gboolean           authorship)
{
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  g_autofree char *team = tandem_project_get_text (project, TANDEM_ENTITY_TEAM,
                                                   tandem_page_get_team_id (TANDEM_PAGE (self)),
                                                   TANDEM_FIELD_TEAM_NAME);
  g_autoptr(GDateTime) now = tandem_clock_now_local ();
  g_autofree char *date = g_date_time_format (now, "%e %B %Y");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", team ? team : "", g_strstrip (date));
  g_autoptr(GHashTable) credits = authorship ? tandem_diagram_authorship (project, self->diagram_id) : NULL;
  g_autoptr(TandemDiagramLayout) layout = tandem_diagram_layout_new_full (self->diagram, NULL, credits);
  TandemDiagramPages *pages = tandem_diagram_pages_new (layout, tandem_diagram_get_name (self->diagram), subtitle,
                                                        columns, rows);

  /* On paper as on screen: high contrast when the system or the chart style asks. */
  tandem_diagram_pages_set_high_contrast (pages, tandem_legibility_get_high_contrast (GTK_WIDGET (self)));
  return pages;
}

/* Landscape or portrait: as asked, or whichever prints the diagram larger. */
static gboolean
choose_landscape (TandemDiagramPage *self,
                  TandemPaper        paper,
                  Orientation        orientation,
                  guint              columns,
                  guint              rows)
{
  g_autoptr(TandemDiagramLayout) layout = NULL;
  double width, height;

  if (orientation != ORIENTATION_BEST)
    return orientation == ORIENTATION_LANDSCAPE;
  layout = tandem_diagram_layout_new (self->diagram, NULL);
  tandem_paper_get_size (paper, FALSE, &width, &height);
  return tandem_diagram_pages_prefer_landscape (layout, width, height, columns, rows);
}

static TandemPaper
default_paper (TandemDiagramPage *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "default-paper-size") : NULL;
  TandemPaper paper = TANDEM_PAPER_A3;

  if (name && !tandem_paper_from_string (name, &paper))
    paper = TANDEM_PAPER_A3;
  return paper;
}

static GtkWidget *
choice_row (const char  *title,
            const char  *name,
            const char **labels,
            guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, name);
  return row;
}

static void
print_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   TandemDiagramPage *self)
{
  AdwComboRow *layout_row = g_steal_pointer (&self->print_layout);
  AdwComboRow *paper_row = g_steal_pointer (&self->print_paper);
  AdwComboRow *orientation_row = g_steal_pointer (&self->print_orientation);
  GtkSwitch *authorship = g_steal_pointer (&self->print_authorship);
  guint size = MIN (adw_combo_row_get_selected (layout_row), G_N_ELEMENTS (poster_sizes) - 1);
  TandemPaper paper = adw_combo_row_get_selected (paper_row) == 1 ? TANDEM_PAPER_A3 : TANDEM_PAPER_A4;
  Orientation orientation = MIN (adw_combo_row_get_selected (orientation_row), ORIENTATION_PORTRAIT);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TandemDiagramPages *pages;
  gboolean landscape;

  if (!g_str_equal (response, "print") || self->diagram == NULL)
    return;
  pages = make_pages (self, poster_sizes[size].columns, poster_sizes[size].rows,
                      gtk_switch_get_active (authorship));
  landscape = choose_landscape (self, paper, orientation, poster_sizes[size].columns, poster_sizes[size].rows);
  tandem_print_pages (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, tandem_diagram_get_name (self->diagram),
                      paper, landscape, tandem_diagram_pages_get_n_pages (pages), tandem_diagram_draw_page, pages,
                      (GDestroyNotify) tandem_diagram_pages_free, NULL);
}

void
_tandem_diagram_page_print (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  const char *sizes[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *papers[] = { "A4", "A3", NULL };
  const char *orientations[] = { _("Whichever prints it larger"), _("Landscape"), _("Portrait"), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *list, *layout_row, *paper_row, *orientation_row, *authorship_row, *authorship;

  if (self->diagram == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    sizes[i] = _(poster_sizes[i].label);
  dialog = _tandem_diagram_page_message_dialog (self, _("Print the Diagram"),
                                                _("Fit the whole diagram on one page (A3 suggested), or print a "
                                                  "poster across several pages to trim and join. The next window "
                                                  "shows a preview."),
                                                "print", _("_Print…"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  layout_row = choice_row (_("Layout"), "print-layout", sizes, 0);
  paper_row = choice_row (_("Paper"), "print-paper", papers, default_paper (self) == TANDEM_PAPER_A3 ? 1 : 0);
  orientation_row = choice_row (_("Orientation"), "print-orientation", orientations, ORIENTATION_BEST);
  gtk_list_box_append (GTK_LIST_BOX (list), layout_row);
  gtk_list_box_append (GTK_LIST_BOX (list), paper_row);
  gtk_list_box_append (GTK_LIST_BOX (list), orientation_row);
  /* As on the canvas, by default (Preferences: "Show who added what"). */
  authorship_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (authorship_row), _("Show who added each item"));
  authorship = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (authorship), authorship_shown (self));
  gtk_widget_set_valign (authorship, GTK_ALIGN_CENTER);
  gtk_widget_set_name (authorship, "print-authorship");
  gtk_accessible_update_property (GTK_ACCESSIBLE (authorship), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show who added each item"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (authorship_row), authorship);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (authorship_row), authorship);
  gtk_list_box_append (GTK_LIST_BOX (list), authorship_row);
  adw_message_dialog_set_extra_child (dialog, list);
  self->print_authorship = GTK_SWITCH (authorship);
  self->print_layout = ADW_COMBO_ROW (layout_row);
  self->print_paper = ADW_COMBO_ROW (paper_row);
  self->print_orientation = ADW_COMBO_ROW (orientation_row);
  g_signal_connect (dialog, "response", G_CALLBACK (print_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tandem_diagram_page_export_to:
 * @self: a diagram page
 * @path: the file to write; .png or .svg for a picture, otherwise PDF
 * @layout: "one", "2x1", "2x2", "3x2" or "3x3"
 * @paper: A4 or A3
 * @orientation: "best", "landscape" or "portrait"
 * @error: return location for an error
 *
 * Exports the shown diagram, as the Export dialog does with its choices. A
 * PNG or SVG holds one page, so a poster is written as a PDF only.
 *
 * Returns: whether the file was written
 */
gboolean
tandem_diagram_page_export_to (TandemDiagramPage  *self,
                               const char         *path,
                               const char         *layout,
                               TandemPaper         paper,
                               const char         *orientation,
                               GError            **error)
{
  g_autoptr(TandemDiagramPages) pages = NULL;
  TandemExportFormat format = TANDEM_EXPORT_PDF;
  Orientation o = ORIENTATION_BEST;
  guint size = 0;
  double width, height;
  gboolean landscape;

  g_return_val_if_fail (TANDEM_IS_DIAGRAM_PAGE (self), FALSE);
  if (self->diagram == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no diagram to export."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    if (g_strcmp0 (layout, poster_sizes[i].id) == 0)
      size = i;
  if (g_strcmp0 (orientation, "landscape") == 0)
    o = ORIENTATION_LANDSCAPE;
  else if (g_strcmp0 (orientation, "portrait") == 0)
    o = ORIENTATION_PORTRAIT;
  if (g_str_has_suffix (path, ".png"))
    format = TANDEM_EXPORT_PNG;
  else if (g_str_has_suffix (path, ".svg"))
    format = TANDEM_EXPORT_SVG;
  if (format != TANDEM_EXPORT_PDF)
    size = 0;   /* a PNG or SVG holds one page */
  pages = make_pages (self, poster_sizes[size].columns, poster_sizes[size].rows, authorship_shown (self));
  landscape = choose_landscape (self, paper, o, poster_sizes[size].columns, poster_sizes[size].rows);
  tandem_paper_get_size (paper, landscape, &width, &height);
  return tandem_export_pages (path, format, width, height, tandem_diagram_pages_get_n_pages (pages), 150,
                              tandem_diagram_draw_page, pages, error);
}

static void
export_response_cb (GtkNativeDialog   *dialog,
                    int                response,
                    TandemDiagramPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->diagram)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *layout = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "layout");
      const char *paper = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "paper");
      const char *orientation = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "orientation");
      g_autoptr(GError) error = NULL;

      if (path && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".png") &&
          !g_str_has_suffix (path, ".svg"))
        {
          char *with_suffix = g_strconcat (path, ".pdf", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Tandem can only export to local folders."));
      if (error == NULL &&
          tandem_diagram_page_export_to (self, path, layout,
                                         g_strcmp0 (paper, "a4") == 0 ? TANDEM_PAPER_A4 : TANDEM_PAPER_A3,
                                         orientation, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
          tandem_page_show_toast (TANDEM_PAGE (self), title, FALSE);
        }
      else
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Export the Diagram"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_tandem_diagram_page_export (TandemPage *page)
{
  TandemDiagramPage *self = TANDEM_DIAGRAM_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *ids[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (poster_sizes) + 1] = { NULL };
  const char *paper_ids[] = { "a4", "a3", NULL };
  const char *paper_labels[] = { "A4", "A3", NULL };
  const char *orientation_ids[] = { "best", "landscape", "portrait", NULL };
  const char *orientation_labels[] = { _("Whichever is larger"), _("Landscape"), _("Portrait"), NULL };
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->diagram == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (poster_sizes); i++)
    {
      ids[i] = poster_sizes[i].id;
      labels[i] = _(poster_sizes[i].label);
    }
  dialog = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.pdf", tandem_diagram_get_name (self->diagram));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* Translators: a poster has several pages, so only a PDF can hold it. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "layout", _("Layout (posters: PDF only)"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "layout", "one");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "paper", _("Paper"), paper_ids, paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "paper", default_paper (self) == TANDEM_PAPER_A3 ? "a3" : "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "orientation", _("Orientation"),
                               orientation_ids, orientation_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "orientation", "best");
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
