/* tandem-merge-dialog.c — File → Merge…: choose another copy of the project,
 * bring in what it changed, and say what came in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-conflicts-window.h"
#include "tandem-merge-dialog.h"

typedef struct
{
  GtkWindow     *parent;    /* weak */
  TandemProject *project;
} MergeRequest;

static void
merge_request_free (MergeRequest *request)
{
  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->project);
  g_free (request);
}

static void
summary_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MergeRequest     *request)
{
  if (g_str_equal (response, "review") && request->project)
    gtk_window_present (tandem_conflicts_window_new (request->parent, request->project));
}

/**
 * tandem_merge_file_into:
 * @parent: the project window
 * @project: the project open in it
 * @theirs_path: another copy of the project
 *
 * Merges @theirs_path into @project and says what came in, or why nothing
 * could, in a dialog over @parent. When some changes need a decision, the
 * dialog offers to review them.
 */
void
tandem_merge_file_into (GtkWindow     *parent,
                        TandemProject *project,
                        const char    *theirs_path)
{
  TandemMergeSummary summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TANDEM_IS_PROJECT (project));
  g_return_if_fail (theirs_path != NULL);

  name = g_filename_display_basename (theirs_path);
  if (!tandem_project_merge (project, theirs_path, &summary, &error))
    {
      dialog = adw_message_dialog_new (parent, _("Could Not Merge the Copy"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: %s: the other copy's file name */
  heading = g_strdup_printf (_("Merged “%s”"), name);
  body = tandem_merge_summary_describe (&summary);
  if (summary.transactions > 0)
    {
      g_autofree char *sentence = g_steal_pointer (&body);
      body = g_strconcat (sentence, "\n\n", _("Undo (Ctrl+Z) takes the whole merge back."), NULL);
    }
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (tandem_project_count_conflicts (project) > 0)
    {
      MergeRequest *request = g_new0 (MergeRequest, 1);

      g_set_weak_pointer (&request->parent, parent);
      request->project = g_object_ref (project);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "review",
                                       _("_Review Changes"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "review",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
      g_signal_connect_data (dialog, "response", G_CALLBACK (summary_response_cb), request,
                             (GClosureNotify) (void (*) (void)) merge_request_free, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     MergeRequest    *request)
{
  if (response == GTK_RESPONSE_ACCEPT && request->project)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (request->parent,
                                                      _("Could Not Merge the Copy"),
                                                      _("Tandem can only merge copies in "
                                                        "local folders."));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        tandem_merge_file_into (request->parent, request->project, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  merge_request_free (request);
}

/**
 * tandem_merge_dialog_present:
 * @parent: the project window
 * @project: the project open in it
 *
 * Asks for another copy of the project and merges it (see
 * tandem_merge_file_into()).
 */
void
tandem_merge_dialog_present (GtkWindow     *parent,
                             TandemProject *project)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  MergeRequest *request;

  g_return_if_fail (TANDEM_IS_PROJECT (project));

  gtk_file_filter_set_name (filter, _("Tandem projects"));
  gtk_file_filter_add_pattern (filter, "*.tandem");
  gtk_file_filter_add_mime_type (filter, "application/x-tandem-project");

  request = g_new0 (MergeRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->project = g_object_ref (project);

  chooser = gtk_file_chooser_native_new (_("Merge a Copy of This Project"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Merge"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
