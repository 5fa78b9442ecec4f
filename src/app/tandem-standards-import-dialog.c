/* tandem-standards-import-dialog.c — importing a self-assessment round's
 * responses from a survey tool's CSV export: the file chooser and the
 * preview (the columns as mapped, every refused row by its line) before
 * anything is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-standards-import-dialog.h"
#include "tandem-standards.h"
#include "tandem-table-import.h"

typedef struct
{
  TandemStandardsPage *page;
  GtkWindow           *window;   /* the preview; this goes with it */
  char                *round_id;
  TandemSurveyImport  *import;
} ImportDialog;

static void
import_dialog_free (gpointer  data,
                    GObject  *window)
{
  ImportDialog *dialog = data;

  g_object_unref (dialog->page);
  g_free (dialog->round_id);
  tandem_survey_import_free (dialog->import);
  g_free (dialog);
}

static void
import_accept_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ImportDialog *dialog = user_data;
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (dialog->page));
  g_autoptr(GError) error = NULL;

  if (project == NULL || dialog->import->problems->len > 0 || dialog->import->responses->len == 0)
    return;
  if (!tandem_standards_save_survey (project, dialog->round_id, dialog->import, &error))
    {
      tandem_page_show_error (TANDEM_PAGE (dialog->page), _("Could Not Import the Responses"), error);
      return;
    }
  gtk_window_destroy (dialog->window);
}

static void
import_cancel_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ImportDialog *dialog = user_data;

  gtk_window_destroy (dialog->window);
}

static GtkWidget *
preview_label (const char *text,
               const char *name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return label;
}

static void
add_key (GtkShortcutController *controller,
         guint                  key,
         const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                                          gtk_named_action_new (action)));
}

/**
 * tandem_standards_page_open_import:
 * @self: the page
 * @round_id: the round the responses go into
 * @file_name: the file's name, to show
 * @text: the survey tool's CSV export
 * @length: its length, or -1 if nul-terminated
 *
 * Opens the preview of a survey's responses: the columns as mapped and every
 * refused row by its line, before anything is written. Enter imports (when
 * every row is good), Escape cancels.
 *
 * Returns: (transfer none) (nullable): the preview, or %NULL if the file
 *   could not be read (the page says why)
 */
GtkWindow *
tandem_standards_page_open_import (TandemStandardsPage *self,
                                   const char          *round_id,
                                   const char          *file_name,
                                   const char          *text,
                                   gssize               length)
{
  static const GActionEntry actions[] = {
    { "accept", import_accept_cb, NULL, NULL, NULL, { 0 } },
    { "cancel", import_cancel_cb, NULL, NULL, NULL, { 0 } },
  };
  TandemProject *project = tandem_page_get_project (TANDEM_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemSurveyImport) import = NULL;
  g_autoptr(TandemStandardsFramework) framework = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GString) columns = g_string_new (_("Columns mapped:"));
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *intro = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *import_label = NULL;
  g_autoptr(TandemAssessmentRound) round = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  GtkWidget *window, *box, *content, *scroller, *buttons, *cancel, *accept;
  GtkEventController *keys;
  ImportDialog *dialog;
  guint n_staff = 0;

  g_return_val_if_fail (TANDEM_IS_STANDARDS_PAGE (self), NULL);
  if (project == NULL)
    return NULL;
  table = tandem_table_parse (text, length, 0, &error);
  if (table != NULL)
    import = tandem_standards_read_survey (project, table, NULL, NULL, &error);
  if (import == NULL || (framework = tandem_standards_framework_load (project, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", file_name, error->message);
      g_autoptr(GError) named = g_error_new_literal (error->domain, error->code, message);

      tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Read the Responses"), named);
      return NULL;
    }
  rounds = tandem_assessment_round_list (project, tandem_page_get_team_id (TANDEM_PAGE (self)), NULL);
  for (guint i = 0; rounds && i < rounds->len; i++)
    if (g_str_equal (((TandemAssessmentRound *) rounds->pdata[i])->id, round_id))
      intro = g_strdup_printf (_("Responses from “%s” for the self-assessment round of %s. Nothing "
                                 "is written until you import them."), file_name,
                               ((TandemAssessmentRound *) rounds->pdata[i])->date);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *header = tandem_table_get_cell (table, 0, c);
      const TandemStandard *standard = tandem_standards_framework_find (framework, header);
      g_autofree char *folded = g_utf8_casefold (header, -1);

      if (standard)
        g_string_append_printf (columns, _("\n• “%s” → %s"), header, standard->title);
      else if (g_str_equal (g_strstrip (folded), "role"))
        g_string_append_printf (columns, _("\n• “%s” → who answered"), header);
      else
        g_string_append_printf (columns, _("\n• “%s” → a comment or left alone"), header);
    }
  for (guint i = 0; i < import->problems->len; i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];

      g_string_append_printf (problems, _("%sLine %u: %s"), i ? "\n" : "", problem->line,
                              problem->reason);
    }
  for (guint i = 0; i < import->responses->len; i++)
    if (((TandemAssessmentResponse *) import->responses->pdata[i])->role == TANDEM_RESPONDENT_STAFF)
      n_staff++;
  if (import->problems->len > 0)
    ready = g_strdup_printf (ngettext ("%u row is refused, so nothing can be imported: fix it in "
                                       "“%s” and import the file again.",
                                       "%u rows are refused, so nothing can be imported: fix them "
                                       "in “%s” and import the file again.", import->problems->len),
                             import->problems->len, file_name);
  else
    ready = g_strdup_printf (_("%u responses are ready: %u from staff, %u from people with lived "
                               "experience."), import->responses->len, n_staff,
                             import->responses->len - n_staff);

  dialog = g_new0 (ImportDialog, 1);
  dialog->page = g_object_ref (self);
  dialog->round_id = g_strdup (round_id);
  dialog->import = g_steal_pointer (&import);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Import Responses"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  dialog->window = GTK_WINDOW (window);
  g_object_weak_ref (G_OBJECT (window), import_dialog_free, dialog);
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), dialog);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group),
                                                                            "accept")),
                               dialog->import->problems->len == 0 &&
                               dialog->import->responses->len > 0);
  gtk_widget_insert_action_group (window, "import", G_ACTION_GROUP (group));

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_MANAGED);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Return, "import.accept");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Enter, "import.accept");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, "import.cancel");
  gtk_widget_add_controller (window, keys);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  if (intro)
    gtk_box_append (GTK_BOX (content), preview_label (intro, _("What is imported")));
  gtk_box_append (GTK_BOX (content), preview_label (ready, _("Responses ready to import")));
  if (problems->len)
    {
      GtkWidget *label = preview_label (problems->str, _("Rows refused, by line"));

      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (content), label);
    }
  gtk_box_append (GTK_BOX (content), preview_label (columns->str, _("Columns mapped")));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_box_append (GTK_BOX (box), scroller);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 18);
  gtk_widget_set_margin_end (buttons, 18);
  gtk_widget_set_margin_bottom (buttons, 18);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "import.cancel");
  import_label = g_strdup_printf (ngettext ("_Import %u Response", "_Import %u Responses",
                                            dialog->import->responses->len),
                                  dialog->import->responses->len);
  accept = gtk_button_new_with_mnemonic (import_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "import.accept");
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* The page and round a file is being chosen for. */
typedef struct
{
  TandemStandardsPage *page;
  char                *round_id;
} ImportChoice;

static void
import_file_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  ImportChoice *choice = user_data;
  TandemStandardsPage *self = choice->page;
  const char *round_id = choice->round_id;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = g_file_get_parse_name (file);
      gsize length;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        tandem_page_show_error (TANDEM_PAGE (self), _("Could Not Open the File"), error);
      else
        tandem_standards_page_open_import (self, round_id, name, contents, (gssize) length);
    }
  g_object_unref (chooser);
  g_object_unref (choice->page);
  g_free (choice->round_id);
  g_free (choice);
}

/**
 * tandem_standards_import_choose:
 * @widget: the Standards page
 * @action_name: the action
 * @parameter: the round's id
 *
 * The page's standards.import action: chooses the survey's file, then
 * opens its preview.
 */
void
tandem_standards_import_choose (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ImportChoice *choice = g_new0 (ImportChoice, 1);

  chooser = gtk_file_chooser_native_new (_("Import Responses from a Survey's CSV File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  choice->page = TANDEM_STANDARDS_PAGE (g_object_ref (widget));
  choice->round_id = g_variant_dup_string (parameter, NULL);
  gtk_file_filter_set_name (filter, _("Spreadsheet text (CSV, TSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
