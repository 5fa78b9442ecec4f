/* tandem-equity-import-dialog.c — a measure's data by group read from a CSV file, previewed before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long table (date, group, count, denominator) or a wide one (a date,
 * then a column per group) is read against the measure's grouping; the
 * window lists every refused row by its line, then the groups found with
 * their rows. Nothing is saved until the person presses Import (or Enter),
 * and nothing at all while any row is refused; the rows are then saved as
 * one change. Escape cancels.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-breakdown.h"
#include "tandem-equity-import-dialog.h"
#include "tandem-table-import.h"

struct _TandemEquityImportDialog
{
  AdwWindow              parent_instance;

  GtkLabel              *refused_label;
  GtkLabel              *found_label;
  GtkWidget             *cancel;
  GtkWidget             *accept;

  TandemProject         *project;
  char                  *measure_id;
  TandemBreakdownImport *import;
};

G_DEFINE_FINAL_TYPE (TandemEquityImportDialog, tandem_equity_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the preview says: the groups found with their rows, the periods,
 * and every refused row by its line. */
static void
describe_import (TandemProject               *project,
                 const char                  *grouping_id,
                 const TandemBreakdownImport *import,
                 GString                     *found,
                 GString                     *refused)
{
  g_autoptr(GPtrArray) categories = tandem_grouping_list_categories (project, grouping_id, NULL);
  g_autoptr(GHashTable) rows_of = g_hash_table_new (g_str_hash, g_str_equal);
  const char *first = NULL, *last = NULL;
  guint n = import->rows->len;

  for (guint i = 0; i < n; i++)
    {
      const TandemBreakdownRow *row = import->rows->pdata[i];
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (rows_of, row->category_id));

      g_hash_table_insert (rows_of, row->category_id, GUINT_TO_POINTER (count + 1));
      if (first == NULL || strcmp (row->date, first) < 0)
        first = row->date;
      if (last == NULL || strcmp (row->date, last) > 0)
        last = row->date;
    }
  g_string_append_printf (found, ngettext ("%u row by group, from a %s table",
                                           "%u rows by group, from a %s table", n),
                          n, import->wide ? _("wide") : _("long"));
  if (first != NULL)
    g_string_append_printf (found, _(", dated %s to %s"), first, last);
  g_string_append_printf (found, ngettext (", for %u group:", ", for %u groups:",
                                           g_hash_table_size (rows_of)),
                          g_hash_table_size (rows_of));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const TandemGroupCategory *category = categories->pdata[i];
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (rows_of, category->id));

      if (count > 0)
        g_string_append_printf (found, ngettext ("\n%s: %u row", "\n%s: %u rows", count),
                                category->label, count);
    }

  if (import->problems->len > 0)
    {
      g_string_append_printf (refused, ngettext ("%u row is refused, so nothing will be imported "
                                                 "until it is put right in the file:",
                                                 "%u rows are refused, so nothing will be imported "
                                                 "until they are put right in the file:",
                                                 import->problems->len),
                              import->problems->len);
      for (guint i = 0; i < import->problems->len; i++)
        {
          const TandemImportProblem *problem = import->problems->pdata[i];

          g_string_append_printf (refused, _("\nLine %u: %s"), problem->line, problem->reason);
        }
    }
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemEquityImportDialog *self = TANDEM_EQUITY_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint n = tandem_equity_import_dialog_get_n_ready (self);

  if (n == 0)
    return;
  label = g_strdup_printf (ngettext ("Import %u row by group", "Import %u rows by group", n), n);
  if (!tandem_breakdown_save_rows (self->project, self->measure_id, self->import->rows, label,
                                   &error))
    {
      g_signal_emit (self, signals[FAILED], 0, _("Could Not Import the Data by Group"), error);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Enter imports (when it may), Escape cancels, wherever the focus is. */
static gboolean
key_pressed_cb (TandemEquityImportDialog *self,
                guint                     keyval,
                guint                     keycode,
                GdkModifierType           state)
{
  GtkWidget *window = GTK_WIDGET (self);

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    return gtk_widget_activate_action (window, "import.cancel", NULL);
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      /* Cancel, focused, keeps Enter for itself. */
      if (gtk_root_get_focus (GTK_ROOT (window)) == self->cancel)
        return FALSE;
      gtk_widget_activate_action (window, "import.accept", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
tandem_equity_import_dialog_dispose (GObject *object)
{
  TandemEquityImportDialog *self = TANDEM_EQUITY_IMPORT_DIALOG (object);

  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_EQUITY_IMPORT_DIALOG);
  G_OBJECT_CLASS (tandem_equity_import_dialog_parent_class)->dispose (object);
}

static void
tandem_equity_import_dialog_finalize (GObject *object)
{
  TandemEquityImportDialog *self = TANDEM_EQUITY_IMPORT_DIALOG (object);

  g_free (self->measure_id);
  g_clear_pointer (&self->import, tandem_breakdown_import_free);
  G_OBJECT_CLASS (tandem_equity_import_dialog_parent_class)->finalize (object);
}

static void
tandem_equity_import_dialog_class_init (TandemEquityImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_equity_import_dialog_dispose;
  object_class->finalize = tandem_equity_import_dialog_finalize;

  /**
   * TandemEquityImportDialog::imported:
   * @n_rows: how many rows by group were saved, as one change
   *
   * Emitted before the dialog closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * TandemEquityImportDialog::failed:
   * @heading: what could not be done
   * @error: why
   *
   * The rows could not be saved; the dialog stays open.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-equity-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemEquityImportDialog, refused_label);
  gtk_widget_class_bind_template_child (widget_class, TandemEquityImportDialog, found_label);
  gtk_widget_class_bind_template_child (widget_class, TandemEquityImportDialog, cancel);
  gtk_widget_class_bind_template_child (widget_class, TandemEquityImportDialog, accept);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "import.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
}

static void
tandem_equity_import_dialog_init (TandemEquityImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tandem_equity_import_dialog_new:
 * @project: the project
 * @measure_id: the measure the rows are for
 * @grouping_id: the measure's grouping, whose groups the rows must name
 * @text: a CSV file's text: long (date, group, count, denominator) or wide
 *   (a date, then a column per group)
 * @length: its length, or -1
 * @file_name: the file's name, for the title and messages
 * @error: why @text could not be read as a table, naming @file_name
 *
 * Returns: (transfer floating) (nullable): the dialog, not yet shown
 */
TandemEquityImportDialog *
tandem_equity_import_dialog_new (TandemProject  *project,
                                 const char     *measure_id,
                                 const char     *grouping_id,
                                 const char     *text,
                                 gssize          length,
                                 const char     *file_name,
                                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(TandemBreakdownImport) import = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GString) refused = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *accept_label = NULL;
  TandemEquityImportDialog *self;
  guint good;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  table = tandem_table_parse (text, length, 0, &local_error);
  if (table != NULL)
    import = tandem_breakdown_read_table (project, measure_id, table, &local_error);
  if (import == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", file_name,
                   local_error->message);
      return NULL;
    }
  describe_import (project, grouping_id, import, found, refused);

  self = g_object_new (TANDEM_TYPE_EQUITY_IMPORT_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->measure_id = g_strdup (measure_id);
  self->import = g_steal_pointer (&import);
  good = tandem_equity_import_dialog_get_n_ready (self);

  title = g_strdup_printf (_("Import “%s” by Group"), file_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->refused_label, refused->str);
  gtk_widget_set_visible (GTK_WIDGET (self->refused_label), refused->len > 0);
  gtk_label_set_text (self->found_label, found->str);
  if (good > 0)
    {
      accept_label = g_strdup_printf (ngettext ("_Import %u Row", "_Import %u Rows", good), good);
      gtk_button_set_label (GTK_BUTTON (self->accept), accept_label);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", good > 0);
  /* Focus on a button, not in the preview's text (which would be selected). */
  gtk_window_set_focus (GTK_WINDOW (self), good > 0 ? self->accept : self->cancel);
  return self;
}

/**
 * tandem_equity_import_dialog_get_n_ready:
 * @self: the dialog
 *
 * Returns: how many rows Import would save: none while any row is refused
 */
guint
tandem_equity_import_dialog_get_n_ready (TandemEquityImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_EQUITY_IMPORT_DIALOG (self), 0);
  return self->import->problems->len == 0 ? self->import->rows->len : 0;
}

/**
 * tandem_equity_import_dialog_get_n_bad:
 * @self: the dialog
 *
 * Returns: how many rows of the file are refused
 */
guint
tandem_equity_import_dialog_get_n_bad (TandemEquityImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_EQUITY_IMPORT_DIALOG (self), 0);
  return self->import->problems->len;
}
