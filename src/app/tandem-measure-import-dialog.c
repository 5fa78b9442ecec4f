/* tandem-measure-import-dialog.c — values pasted or read from a CSV file,
 * previewed before they are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which column holds what, how dates and numbers are written, the rows that
 * will be imported and every bad row with its reason. Nothing is saved until
 * the person presses Import ("import.accept"); then every good row goes in
 * as one undoable edit and the window closes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-enum-row.h"
#include "tandem-measure-import-dialog.h"
#include "tandem-table-import.h"

struct _TandemMeasureImportDialog
{
  AdwWindow       parent_instance;

  GtkCheckButton *header_check;
  GtkDropDown    *date_column;
  GtkDropDown    *value_column;
  GtkDropDown    *denominator_column;
  GtkDropDown    *note_column;
  GtkDropDown    *date_format;
  GtkCheckButton *decimal_check;
  GtkLabel       *preview;
  GtkLabel       *problems;
  GtkButton      *accept;

  TandemProject  *project;
  char           *measure_id;
  TandemTable    *table;
  TandemImport   *import;
  gboolean        updating;
};

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_MEASURE_ID,
  PROP_N_READY,
  PROP_N_BAD,
  N_PROPS
};

enum
{
  IMPORTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemMeasureImportDialog, tandem_measure_import_dialog, ADW_TYPE_WINDOW)

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

  g_snprintf (buffer, sizeof buffer, "%.10g", value);
  return g_strdup (buffer);
}

static TandemImportOptions
chosen_options (TandemMeasureImportDialog *self)
{
  TandemImportOptions options;

  options.has_header = gtk_check_button_get_active (self->header_check);
  options.date_column = (int) gtk_drop_down_get_selected (self->date_column);
  options.value_column = (int) gtk_drop_down_get_selected (self->value_column);
  options.denominator_column = (int) gtk_drop_down_get_selected (self->denominator_column) - 1;
  options.note_column = (int) gtk_drop_down_get_selected (self->note_column) - 1;
  options.date_format = (TandemDateFormat) gtk_drop_down_get_selected (self->date_format);
  options.decimal_comma = gtk_check_button_get_active (self->decimal_check);
  return options;
}

static void
update_preview (TandemMeasureImportDialog *self)
{
  TandemImportOptions options;
  g_autoptr(GString) preview = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *button = NULL;
  guint good, bad;

  if (self->updating || self->table == NULL)
    return;
  options = chosen_options (self);
  g_clear_pointer (&self->import, tandem_import_free);
  self->import = tandem_table_import (self->table, &options);
  good = self->import->rows->len;
  bad = self->import->problems->len;

  g_string_append_printf (preview, ngettext ("%u row is ready to import.", "%u rows are ready to import.",
                                             good), good);
  for (guint i = 0; i < MIN (good, 6); i++)
    {
      const TandemImportRow *row = self->import->rows->pdata[i];
      g_autofree char *date = nice_date (row->date);
      g_autofree char *value = isnan (row->value) ? g_strdup (_("missing")) : format_number (row->value);

      g_string_append_printf (preview, "\n%s: %s", date, value);
      if (!isnan (row->denominator))
        {
          g_autofree char *n = format_number (row->denominator);
          g_string_append_printf (preview, _(" out of %s"), n);
        }
      if (row->note)
        g_string_append_printf (preview, " — %s", row->note);
    }
  if (good > 6)
    g_string_append (preview, "\n…");
  gtk_label_set_text (self->preview, preview->str);

  if (bad > 0)
    {
      g_string_append_printf (problems, ngettext ("%u row cannot be imported:", "%u rows cannot be imported:",
                                                  bad), bad);
      for (guint i = 0; i < bad; i++)
        {
          const TandemImportProblem *problem = self->import->problems->pdata[i];
          g_string_append_printf (problems, _("\nLine %u: %s"), problem->line, problem->reason);
        }
    }
  gtk_label_set_text (self->problems, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), bad > 0);

  if (bad > 0)
    button = g_strdup_printf (ngettext ("_Import %u Row, Leave Out the Bad Ones",
                                        "_Import %u Rows, Leave Out the Bad Ones", good), good);
  else
    button = g_strdup_printf (ngettext ("_Import %u Row", "_Import %u Rows", good), good);
  gtk_button_set_label (self->accept, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", good > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_READY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BAD]);
}

/* "None" (if @with_none), then each column of the table, by its heading if
 * the first row seems to name them. */
static void
fill_columns (TandemMeasureImportDialog *self,
              GtkDropDown               *drop,
              gboolean                   with_none,
              gboolean                   named,
              int                        selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (with_none)
    gtk_string_list_append (names, _("None"));
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      const char *head = tandem_table_get_cell (self->table, 0, c);
      g_autofree char *name = named && *head ? g_strdup_printf (_("Column %u: %s"), c + 1, head)
                                             : g_strdup_printf (_("Column %u"), c + 1);
      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop, (guint) (selected + (with_none ? 1 : 0)));
}

static void
option_changed_cb (TandemMeasureImportDialog *self)
{
  update_preview (self);
}

/* Enter on a tick box is the window's default action. */
static gboolean
key_pressed_cb (TandemMeasureImportDialog *self,
                guint                      keyval,
                guint                      keycode,
                GdkModifierType            state)
{
  return tandem_enter_on_check_button (GTK_WIDGET (self), keyval, state, GTK_WIDGET (self->accept),
                                       "import.accept");
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemMeasureImportDialog *self = TANDEM_MEASURE_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint n = self->import ? self->import->rows->len : 0;

  if (n == 0)
    return;
  label = g_strdup_printf (ngettext ("Import %u value", "Import %u values", n), n);
  if (!tandem_import_save (self->project, self->measure_id, self->import, label, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, _("Could Not Import the Values"), error);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tandem_measure_import_dialog_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TandemMeasureImportDialog *self = TANDEM_MEASURE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_MEASURE_ID:
      g_value_set_string (value, self->measure_id);
      break;
    case PROP_N_READY:
      g_value_set_uint (value, tandem_measure_import_dialog_get_n_ready (self));
      break;
    case PROP_N_BAD:
      g_value_set_uint (value, tandem_measure_import_dialog_get_n_bad (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_import_dialog_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TandemMeasureImportDialog *self = TANDEM_MEASURE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    case PROP_MEASURE_ID:
      g_free (self->measure_id);
      self->measure_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_measure_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_MEASURE_IMPORT_DIALOG);
  G_OBJECT_CLASS (tandem_measure_import_dialog_parent_class)->dispose (object);
}

static void
tandem_measure_import_dialog_finalize (GObject *object)
{
  TandemMeasureImportDialog *self = TANDEM_MEASURE_IMPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_free (self->measure_id);
  g_clear_pointer (&self->table, tandem_table_free);
  g_clear_pointer (&self->import, tandem_import_free);
  G_OBJECT_CLASS (tandem_measure_import_dialog_parent_class)->finalize (object);
}

static void
tandem_measure_import_dialog_class_init (TandemMeasureImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tandem_measure_import_dialog_get_property;
  object_class->set_property = tandem_measure_import_dialog_set_property;
  object_class->dispose = tandem_measure_import_dialog_dispose;
  object_class->finalize = tandem_measure_import_dialog_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TANDEM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE_ID] =
    g_param_spec_string ("measure-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_READY] =
    g_param_spec_uint ("n-ready", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BAD] =
    g_param_spec_uint ("n-bad", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemMeasureImportDialog::imported:
   * @n_values: how many values went in
   *
   * The values are saved, as one undoable edit; the window closes next.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * TandemMeasureImportDialog::failed:
   * @heading: what could not be done
   * @error: why
   *
   * Nothing was saved; the window stays open.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tandemqi/Tandem/tandem-measure-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, header_check);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, date_column);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, value_column);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, denominator_column);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, note_column);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, date_format);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, decimal_check);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureImportDialog, accept);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "import.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_measure_import_dialog_init (TandemMeasureImportDialog *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  tandem_drop_down_name_button (self->date_column);
  tandem_drop_down_name_button (self->value_column);
  tandem_drop_down_name_button (self->denominator_column);
  tandem_drop_down_name_button (self->note_column);
  tandem_drop_down_name_button (self->date_format);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->accept));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", FALSE);
  self->updating = FALSE;
}

/**
 * tandem_measure_import_dialog_new:
 * @project: the project
 * @measure_id: the measure the values go into
 * @text: CSV text or cells pasted from a spreadsheet
 * @length: its length, or -1
 * @error: why @text could not be read
 *
 * The preview of @text, its columns and formats guessed.
 *
 * Returns: (transfer floating) (nullable): the dialog, not yet shown
 */
TandemMeasureImportDialog *
tandem_measure_import_dialog_new (TandemProject  *project,
                                  const char     *measure_id,
                                  const char     *text,
                                  gssize          length,
                                  GError        **error)
{
  g_autoptr(TandemTable) table = NULL;
  TandemMeasureImportDialog *self;
  TandemImportOptions guess;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  table = tandem_table_parse (text, length, 0, error);
  if (table == NULL)
    return NULL;
  self = g_object_new (TANDEM_TYPE_MEASURE_IMPORT_DIALOG,
                       "project", project,
                       "measure-id", measure_id,
                       NULL);
  self->table = g_steal_pointer (&table);
  tandem_table_guess_options (self->table, &guess);
  self->updating = TRUE;
  gtk_check_button_set_active (self->header_check, guess.has_header);
  fill_columns (self, self->date_column, FALSE, guess.has_header, guess.date_column);
  fill_columns (self, self->value_column, FALSE, guess.has_header, guess.value_column);
  fill_columns (self, self->denominator_column, TRUE, guess.has_header, guess.denominator_column);
  fill_columns (self, self->note_column, TRUE, guess.has_header, guess.note_column);
  gtk_drop_down_set_selected (self->date_format, guess.date_format);
  gtk_check_button_set_active (self->decimal_check, guess.decimal_comma);
  self->updating = FALSE;
  update_preview (self);
  return self;
}

TandemProject *
tandem_measure_import_dialog_get_project (TandemMeasureImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_IMPORT_DIALOG (self), NULL);
  return self->project;
}

const char *
tandem_measure_import_dialog_get_measure_id (TandemMeasureImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_IMPORT_DIALOG (self), NULL);
  return self->measure_id;
}

/**
 * tandem_measure_import_dialog_get_n_ready:
 * @self: the dialog
 *
 * Returns: how many rows Import would save, with the options chosen now
 */
guint
tandem_measure_import_dialog_get_n_ready (TandemMeasureImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_IMPORT_DIALOG (self), 0);
  return self->import ? self->import->rows->len : 0;
}

/**
 * tandem_measure_import_dialog_get_n_bad:
 * @self: the dialog
 *
 * Returns: how many rows cannot be imported, with the options chosen now
 */
guint
tandem_measure_import_dialog_get_n_bad (TandemMeasureImportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_IMPORT_DIALOG (self), 0);
  return self->import ? self->import->problems->len : 0;
}
