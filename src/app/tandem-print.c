/* tandem-print.c — printing pages drawn by the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-print.h"

typedef struct
{
  TandemDrawPageFunc draw;
  gpointer           user_data;
  GDestroyNotify     destroy;
} PrintJob;

static void
print_job_free (gpointer  data,
                GClosure *closure)
{
  PrintJob *job = data;

  if (job->destroy)
    job->destroy (job->user_data);
  g_free (job);
}

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
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                       error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
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
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == TANDEM_PAPER_A3
                                                     ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  job->draw = draw;
  job->user_data = user_data;
  job->destroy = destroy;

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, MAX (1, n_pages));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Every page drawer keeps its own margins of 10 mm or more (inside what
   * printers can print), as in the exported files: it gets the whole sheet,
   * so that the printed page is the exported one, not one shrunk inside the
   * printer's margins as well. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job,
                         print_job_free, 0);

  if (export_pdf)
    {
      gtk_print_operation_set_export_filename (operation, export_pdf);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error);
    }
  else
    {
      g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
      gtk_print_operation_set_allow_async (operation, TRUE);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        parent, &error);
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    done_cb (operation, result, parent);
}
