/* tandem-print.c — printing pages drawn by the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-print.h"
#include "tandem-window.h"

/* What to print: shared by the print operation and an in-app preview, which
 * can print it again. */
typedef struct
{
  int                ref_count;
  char              *job_name;
  guint              n_pages;
  TandemDrawPageFunc draw;
  gpointer           user_data;
  GDestroyNotify     destroy;
} PrintJob;

static PrintJob *
print_job_ref (PrintJob *job)
{
  job->ref_count++;
  return job;
}

static void
print_job_unref (PrintJob *job)
{
  if (--job->ref_count > 0)
    return;
  if (job->destroy)
    job->destroy (job->user_data);
  g_free (job->job_name);
  g_free (job);
}

static void
print_job_closure_free (gpointer  data,
                        GClosure *closure)
{
  print_job_unref (data);
}

static PrintJob     *new_job         (const char         *job_name,
                                      guint               n_pages,
                                      TandemDrawPageFunc  draw,
                                      gpointer            user_data,
                                      GDestroyNotify      destroy);
static GtkPageSetup *suggested_setup (TandemPaper         paper,
                                      gboolean            landscape);
static void run_job (GtkWindow              *parent,
                     PrintJob               *job,
                     GtkPageSetup           *setup,
                     GtkPrintOperationAction action,
                     const char             *export_pdf);

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  job->draw (gtk_print_context_get_cairo_context (context),
             gtk_print_context_get_width (context),
             gtk_print_context_get_height (context),
             page_nr, job->user_data);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                              error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (parent, error);
    }
}

/* “Print to File” in the print dialog writes where the person chose only
 * once every page is drawn: a project chosen there is refused before. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GtkWindow         *parent)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri = settings ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)
                             : NULL;
  g_autofree char *path = uri ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL && !tandem_export_check_target (path, &error))
    {
      gtk_print_operation_cancel (operation);
      show_error (parent, error);
    }
}

/* ------------------------------------------------------------------------ */
/* A preview in the app, when GTK's (a document viewer) cannot be started    */

/* Whether the program GTK runs for a print preview is installed. Without
 * it, GTK 4.8 fails silently: the preview is then shown in the app. */
static gboolean
preview_viewer_installed (void)
{
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *program = NULL;
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "gtk-print-preview-command", &command, NULL);
  if (command == NULL || !g_shell_parse_argv (command, NULL, &argv, NULL) || argv[0] == NULL)
    return FALSE;
  program = g_find_program_in_path (argv[0]);
  return program != NULL;
}

typedef struct
{
  PrintJob                 *job;
  GtkPageSetup             *setup;
  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  cairo_t                  *cr;
} Preview;

static void
preview_free (Preview *preview)
{
  /* Ends GTK's preview: the operation is done, and lets go of the pages. */
  gtk_print_operation_preview_end_preview (preview->preview);
  cairo_destroy (preview->cr);
  g_object_unref (preview->preview);
  g_object_unref (preview->operation);
  g_object_unref (preview->setup);
  print_job_unref (preview->job);
  g_free (preview);
}

static void
preview_free_notify (gpointer  data,
                     GObject  *window)
{
  preview_free (data);
}

/* What one of the preview window's drawing areas shows. */
typedef struct
{
  Preview *preview;   /* the window's */
  guint    page;
} PreviewPage;

static void
draw_preview_page_cb (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        data)
{
  PreviewPage *shown = data;
  Preview *preview = shown->preview;
  guint page = shown->page;
  double paper_width = gtk_page_setup_get_paper_width (preview->setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (preview->setup, GTK_UNIT_POINTS);
  double scale = MIN (width / paper_width, height / paper_height);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  preview->job->draw (cr, paper_width, paper_height, page, preview->job->user_data);
}

static void
preview_print_cb (GtkButton *button,
                  Preview   *preview)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  GtkWindow *parent = gtk_window_get_transient_for (window);
  PrintJob *job = print_job_ref (preview->job);
  g_autoptr(GtkPageSetup) setup = g_object_ref (preview->setup);

  gtk_window_destroy (window);
  run_job (parent, job, setup, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
  print_job_unref (job);
}

static GtkWindow *
preview_window_new (GtkWindow *parent,
                    Preview   *preview)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  double paper_width = gtk_page_setup_get_paper_width (preview->setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (preview->setup, GTK_UNIT_POINTS);
  int shown_width = paper_width > paper_height ? 760 : 540;
  g_autofree char *title = g_strdup_printf (_("Print Preview — %s"), preview->job->job_name);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), shown_width + 80, 760);
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_widget_set_tooltip_text (print, _("Print these pages"));
  g_signal_connect (print, "clicked", G_CALLBACK (preview_print_cb), preview);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (pages, 18);
  gtk_widget_set_margin_bottom (pages, 18);
  gtk_widget_set_margin_start (pages, 18);
  gtk_widget_set_margin_end (pages, 18);
  for (guint i = 0; i < MAX (1, preview->job->n_pages); i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      PreviewPage *shown = g_new0 (PreviewPage, 1);
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, MAX (1, preview->job->n_pages));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), shown_width);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) round (shown_width * paper_height / paper_width));
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "card");
      gtk_widget_set_focusable (area, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (area, label);
      shown->preview = preview;
      shown->page = i;
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview_page_cb, shown, g_free);
      gtk_box_append (GTK_BOX (pages), area);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), pages);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  tandem_close_on_escape (window);
  g_object_weak_ref (G_OBJECT (window), preview_free_notify, preview);
  return GTK_WINDOW (window);
}

static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *gtk_preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *job)
{
  Preview *preview;

  if (preview_viewer_installed ())
    return FALSE;
  preview = g_new0 (Preview, 1);
  preview->job = print_job_ref (job);
  preview->setup = g_object_ref (gtk_print_context_get_page_setup (context));
  preview->operation = g_object_ref (operation);
  preview->preview = g_object_ref (gtk_preview);
  /* GTK wants somewhere to draw, though the window draws the pages itself. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);

    preview->cr = cairo_create (surface);
    cairo_surface_destroy (surface);
    gtk_print_context_set_cairo_context (context, preview->cr, 72, 72);
  }
  gtk_window_present (preview_window_new (parent, preview));
  return TRUE;
}

/**
 * tandem_print_pages:
 * @parent: the window printing
 * @job_name: the document's name, as print queues show it
 * @paper: the paper to suggest
 * @landscape: whether to suggest landscape
 * @n_pages: how many pages @draw draws
 * @draw: draws each page: the same function that exports files
 * @user_data: for @draw
 * @destroy: (nullable): frees @user_data when printing is over
 * @export_pdf: (nullable): write straight to this PDF without a dialog
 *   (for tests and “export”); %NULL shows the print dialog with its preview
 *
 * Prints with GTK's print dialog, where the person can change the paper,
 * orientation and printer and see a preview.
 */
void
tandem_print_pages (GtkWindow          *parent,
                    const char         *job_name,
                    TandemPaper         paper,
                    gboolean            landscape,
                    guint               n_pages,
                    TandemDrawPageFunc  draw,
                    gpointer            user_data,
                    GDestroyNotify      destroy,
                    const char         *export_pdf)
{
  PrintJob *job = new_job (job_name, n_pages, draw, user_data, destroy);
  g_autoptr(GtkPageSetup) setup = suggested_setup (paper, landscape);

  run_job (parent, job, setup,
           export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
           export_pdf);
  print_job_unref (job);
}

/**
 * tandem_print_preview:
 * @parent: the window printing
 * @job_name: the document's name
 * @paper: the paper
 * @landscape: whether landscape
 * @n_pages: how many pages @draw draws
 * @draw: draws each page
 * @user_data: for @draw
 * @destroy: (nullable): frees @user_data when the preview is closed
 *
 * Shows the pages as they will print, without the print dialog: in the
 * document viewer GTK uses for previews, or, when that is not installed, in
 * a window of the app's own (with a Print button).
 */
void
tandem_print_preview (GtkWindow          *parent,
                      const char         *job_name,
                      TandemPaper         paper,
                      gboolean            landscape,
                      guint               n_pages,
                      TandemDrawPageFunc  draw,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  PrintJob *job = new_job (job_name, n_pages, draw, user_data, destroy);
  g_autoptr(GtkPageSetup) setup = suggested_setup (paper, landscape);

  run_job (parent, job, setup, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL);
  print_job_unref (job);
}

static PrintJob *
new_job (const char         *job_name,
         guint               n_pages,
         TandemDrawPageFunc  draw,
         gpointer            user_data,
         GDestroyNotify      destroy)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->ref_count = 1;
  job->job_name = g_strdup (job_name);
  job->n_pages = n_pages;
  job->draw = draw;
  job->user_data = user_data;
  job->destroy = destroy;
  return job;
}

static GtkPageSetup *
suggested_setup (TandemPaper paper,
                 gboolean    landscape)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == TANDEM_PAPER_A3
                                                     ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/**
 * tandem_print_proposed_uri:
 * @job_name: the document's name ("Seclusion hours")
 *
 * Where "Print to File" proposes to write: the document's name, with
 * characters no file name can hold replaced, as a PDF in the person's
 * Documents folder (their home folder if they have none).
 *
 * Returns: (transfer full): a file:// URI
 */
char *
tandem_print_proposed_uri (const char *job_name)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *name = g_strstrip (g_strdup (job_name && *job_name ? job_name : _("Tandem")));
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  if (*name == '.' || *name == '\0')
    {
      char *named = g_strconcat (_("Tandem"), " ", name, NULL);
      g_free (name);
      name = named;
    }
  file = g_strconcat (name, ".pdf", NULL);
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  path = g_build_filename (documents, file, NULL);
  return g_filename_to_uri (path, NULL, NULL);
}

static void
run_job (GtkWindow              *parent,
         PrintJob               *job,
         GtkPageSetup           *setup,
         GtkPrintOperationAction action,
         const char             *export_pdf)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job->job_name);
  gtk_print_operation_set_n_pages (operation, MAX (1, job->n_pages));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Every page drawer keeps its own margins of 10 mm or more (inside what
   * printers can print), as in the exported files: it gets the whole sheet,
   * so that the printed page is the exported one, not one shrunk inside the
   * printer's margins as well. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), print_job_ref (job),
                         print_job_closure_free, 0);
  g_signal_connect_data (operation, "preview", G_CALLBACK (preview_cb), print_job_ref (job),
                         print_job_closure_free, 0);

  if (export_pdf != NULL && !tandem_export_check_target (export_pdf, &error))
    {
      show_error (parent, error);
      return;
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), parent);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);
  else
    {
      /* "Print to File" proposes the document's name in Documents, not
       * output.pdf wherever the program was started. */
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *uri = tandem_print_proposed_uri (job->job_name);

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
      gtk_print_operation_set_print_settings (operation, settings);
      g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
      gtk_print_operation_set_allow_async (operation, TRUE);
    }
  result = gtk_print_operation_run (operation, action, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    done_cb (operation, result, parent);
}

/**
 * tandem_print_export_choice:
 * @chooser: a chart's Export file chooser, with its “paper” and “dpi” choices
 * @format: (out): the format its name asks for (PDF for a name with no
 *   ending Tandem writes, which then gets “.pdf”)
 * @paper: (out): the paper chosen, A4 unless said
 * @dpi: (out): a PNG's resolution, 150 unless said
 *
 * Reads what a person chose in a chart's Export dialog, the same way for
 * every chart.
 *
 * Returns: (transfer full) (nullable): the file to write, or %NULL when the
 *   place chosen is not a local file
 */
char *
tandem_print_export_choice (GtkFileChooser     *chooser,
                            TandemExportFormat *format,
                            TandemPaper        *paper,
                            double             *dpi)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  const char *paper_choice = gtk_file_chooser_get_choice (chooser, "paper");
  const char *dpi_choice = gtk_file_chooser_get_choice (chooser, "dpi");
  const char *dot = path ? strrchr (path, '.') : NULL;
  g_autofree char *ext = g_ascii_strdown (dot ? dot + 1 : "", -1);

  *paper = TANDEM_PAPER_A4;
  if (paper_choice)
    tandem_paper_from_string (paper_choice, paper);
  *dpi = dpi_choice ? g_ascii_strtod (dpi_choice, NULL) : 150;
  if (path != NULL && !tandem_export_format_from_string (ext, format))
    {
      *format = TANDEM_EXPORT_PDF;
      return g_strconcat (path, ".pdf", NULL);
    }
  return g_steal_pointer (&path);
}

/**
 * tandem_print_default_paper:
 *
 * Reads the paper size people chose in Preferences from the application's
 * settings schema (when it is installed), without asking the application
 * object, so that a page can print on its own.
 *
 * Returns: the chosen paper, or A4 when none is set or the schema is missing
 */
TandemPaper
tandem_print_default_paper (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  TandemPaper paper = TANDEM_PAPER_A4;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return TANDEM_PAPER_A4;
  settings = g_settings_new_full (schema, NULL, NULL);
  name = g_settings_get_string (settings, "default-paper-size");
  if (!tandem_paper_from_string (name, &paper))
    paper = TANDEM_PAPER_A4;
  return paper;
}
