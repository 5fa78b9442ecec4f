/* tandem-measure-data-entry.c — the form that adds, changes and deletes a
 * measure's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date, value, denominator, note and "leave out" of one value, with the
 * buttons that add it, save a change to the value chosen in the data table
 * (the page passes it to tandem_measure_data_entry_show_point()), delete
 * it, paste cells from a spreadsheet or import a CSV file. The buttons are
 * the page's "measures.*" actions, which call the functions here. Each
 * change is one edit through the project; a problem is reported by the
 * "failed" signal, text to import by the "import" signal.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tandem-date-entry.h"
#include "tandem-measure-data-entry.h"
#include "tandem-measures-page-private.h"
#include "tandem-shown-field.h"
#include "tandem-table-import.h"

struct _TandemMeasureDataEntry
{
  GtkBox           parent_instance;

  TandemDateEntry *date_entry;
  GtkEntry        *value_entry;
  GtkEntry        *denominator_entry;
  GtkEntry        *note_entry;
  GtkCheckButton  *excluded_check;

  TandemProject   *project;
  TandemMeasure   *measure;
  char            *point_id;     /* the value chosen in the table, or NULL */
  gboolean         editable;
};

G_DEFINE_FINAL_TYPE (TandemMeasureDataEntry, tandem_measure_data_entry, GTK_TYPE_BOX)

enum { FAILED, IMPORT, STALE, N_SIGNALS };
static guint signals[N_SIGNALS];

static TandemPage *
page_of (TandemMeasureDataEntry *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), TANDEM_TYPE_PAGE);

  return page ? TANDEM_PAGE (page) : NULL;
}

static void
fail (TandemMeasureDataEntry *self,
      const char             *heading,
      const GError           *error)
{
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

static void
show_invalid (TandemMeasureDataEntry *self,
              const char             *heading,
              const char             *message)
{
  g_autoptr(GError) error = g_error_new_literal (TANDEM_PROJECT_ERROR,
                                                 TANDEM_PROJECT_ERROR_INVALID, message);
  fail (self, heading, error);
}

/**
 * tandem_measure_data_entry_show_point:
 * @self: the form
 * @point: (nullable): the value chosen in the table
 *
 * Shows @point in the form, to change it; a refresh keeps what the person
 * is typing (see tandem-shown-field.c). %NULL leaves the form as it is,
 * for a new value.
 */
void
tandem_measure_data_entry_show_point (TandemMeasureDataEntry *self,
                                      const TandemDataPoint  *point)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));

  g_free (self->point_id);
  self->point_id = point ? g_strdup (point->id) : NULL;
  if (point == NULL)
    return;
  {
    g_autofree char *value = _tandem_measures_format_number (point->value);
    g_autofree char *denominator = _tandem_measures_format_number (point->denominator);
    const struct { GtkWidget *entry; const char *field; const char *text; } form[] = {
      { GTK_WIDGET (self->date_entry), TANDEM_FIELD_DATA_POINT_DATE, point->date },
      { GTK_WIDGET (self->value_entry), TANDEM_FIELD_DATA_POINT_VALUE, value },
      { GTK_WIDGET (self->denominator_entry), TANDEM_FIELD_DATA_POINT_DENOMINATOR, denominator },
      { GTK_WIDGET (self->note_entry), TANDEM_FIELD_DATA_POINT_NOTE, point->note },
    };

    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      tandem_shown_field_fill (form[i].entry, self->project, TANDEM_ENTITY_DATA_POINT, point->id,
                               form[i].field, form[i].text);
    tandem_shown_field_remember (GTK_WIDGET (self->excluded_check), self->project,
                                 TANDEM_ENTITY_DATA_POINT, point->id,
                                 TANDEM_FIELD_DATA_POINT_EXCLUDED);
    gtk_check_button_set_active (self->excluded_check, point->excluded);
  }
}

/**
 * tandem_measure_data_entry_get_point_id:
 * @self: the form
 *
 * Returns: (nullable): the id of the value the form changes, or %NULL if
 *   it adds one
 */
const char *
tandem_measure_data_entry_get_point_id (TandemMeasureDataEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self), NULL);
  return self->point_id;
}

/* Reads the form; on a problem says so and returns FALSE (keeping the text). */
static gboolean
read_form (TandemMeasureDataEntry *self,
           char                    date[11],
           double                 *value,
           double                 *denominator,
           const char            **note)
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
  /* People type 3,5 as often as 3.5 into a single field. */
  if (!tandem_parse_number (value_text, TRUE, value))
    {
      show_invalid (self, _("Check the Value"),
                    _("The value must be a number, such as 12 or 3.5. Leave it empty for a missing value."));
      gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      return FALSE;
    }
  if (!tandem_parse_number (n_text, TRUE, denominator) || *denominator < 0)
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

/* The next date at the measure's frequency, for typing a series quickly. */
static void
advance_date (TandemMeasureDataEntry *self,
              const char             *date)
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

/**
 * tandem_measure_data_entry_add:
 * @self: the form
 *
 * Adds the value typed to the measure, as one undoable edit; then the date
 * moves on by the measure's frequency and the value is focused, for the
 * next one.
 *
 * Returns: whether the value was added ("failed" says why not)
 */
gboolean
tandem_measure_data_entry_add (TandemMeasureDataEntry *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];
  double value, denominator;
  const char *note;

  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self), FALSE);

  if (self->project == NULL || self->measure == NULL ||
      !read_form (self, date, &value, &denominator, &note))
    return FALSE;
  id = tandem_measure_add_value (self->project, self->measure->id, date, value, denominator, note,
                                 gtk_check_button_get_active (self->excluded_check), &error);
  if (id == NULL)
    {
      fail (self, _("Could Not Add the Value"), error);
      return FALSE;
    }
  advance_date (self, date);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_check_button_set_active (self->excluded_check, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
  return TRUE;
}

/**
 * tandem_measure_data_entry_save:
 * @self: the form
 *
 * Saves what the person changed of the value shown, each field checked
 * against what the form showed: a field someone else changed meanwhile
 * keeps their value, and both are kept as a conflict (then "stale" asks
 * for the values that stand).
 *
 * Returns: whether the value was changed without a conflict
 */
gboolean
tandem_measure_data_entry_save (TandemMeasureDataEntry *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char date[11];
  double value, denominator;
  const char *note;
  const char *conflict_field = NULL;

  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self), FALSE);

  if (self->project == NULL || self->point_id == NULL || !read_form (self, date, &value, &denominator, &note))
    return FALSE;
  id = g_strdup (self->point_id);
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
        _tandem_measures_number_value (value), FALSE },
      { "denominator", NULL, tandem_shown_field_is_changed (editors[2]),
        _tandem_measures_number_value (denominator), FALSE },
      { "note", NULL, tandem_shown_field_is_changed (editors[3]), tandem_value_text (note), FALSE },
      { "excluded", NULL, g_strcmp0 (excluded ? "1" : "0", excluded_shown ? excluded_shown : "0") != 0,
        tandem_value_int (excluded), FALSE },
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (form) == G_N_ELEMENTS (editors));
    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      form[i].shown = tandem_shown_field_get_stored (editors[i]);
    if (!tandem_measure_change_value (self->project, id, form, G_N_ELEMENTS (form), &error) &&
        !g_error_matches (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT))
      {
        fail (self, _("Could Not Change the Value"), error);
        return FALSE;
      }
    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      if (form[i].conflict)
        {
          conflict_field = conflict_field ? conflict_field : form[i].field;
          tandem_shown_field_release (editors[i]);
        }
    for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
      if (!tandem_shown_field_is_released (editors[i]))
        tandem_shown_field_saved (editors[i], self->project);
  }
  if (error)
    {
      /* What was typed is kept in the conflict: show the values that stand. */
      if (page_of (self) != NULL)
        tandem_shown_field_report_conflict (page_of (self), id, conflict_field, error);
      g_signal_emit (self, signals[STALE], 0);
      return FALSE;
    }
  return TRUE;
}

/* Enter in the form: changes the chosen value, else adds the value typed. */
static void
form_activated_cb (TandemMeasureDataEntry *self)
{
  if (!self->editable || self->measure == NULL)
    return;
  if (self->point_id != NULL)
    tandem_measure_data_entry_save (self);
  else
    tandem_measure_data_entry_add (self);
}

/**
 * tandem_measure_data_entry_delete:
 * @self: the form
 *
 * Deletes the value shown, as one undoable edit.
 *
 * Returns: whether it was deleted
 */
gboolean
tandem_measure_data_entry_delete (TandemMeasureDataEntry *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self), FALSE);

  if (self->project == NULL || self->point_id == NULL)
    return FALSE;
  id = g_strdup (self->point_id);
  if (!tandem_measure_delete_value (self->project, id, &error))
    {
      fail (self, _("Could Not Delete the Value"), error);
      return FALSE;
    }
  if (page_of (self) != NULL)
    tandem_page_show_toast (page_of (self), _("Value deleted"), TRUE);
  return TRUE;
}

static void
emit_import (TandemMeasureDataEntry *self,
             const char             *text,
             gsize                   length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  g_signal_emit (self, signals[IMPORT], 0, bytes);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(TandemMeasureDataEntry) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      show_invalid (self, _("Nothing to Paste"),
                    _("Copy the cells with dates and values in your spreadsheet first, then paste."));
      return;
    }
  emit_import (self, text, strlen (text));
}

/**
 * tandem_measure_data_entry_paste:
 * @self: the form
 *
 * Reads the clipboard's text, cells copied from a spreadsheet, and emits
 * "import" with it (or "failed" if there is none).
 */
void
tandem_measure_data_entry_paste (TandemMeasureDataEntry *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, g_object_ref (self));
}

static void
import_file_response_cb (GtkNativeDialog        *chooser,
                         int                     response,
                         TandemMeasureDataEntry *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        fail (self, _("Could Not Open the File"), error);
      else
        emit_import (self, contents, length);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

/**
 * tandem_measure_data_entry_choose_file:
 * @self: the form
 *
 * Asks for a CSV or TSV file and emits "import" with its contents.
 */
void
tandem_measure_data_entry_choose_file (TandemMeasureDataEntry *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));

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

/**
 * tandem_measure_data_entry_focus_value:
 * @self: the form
 */
void
tandem_measure_data_entry_focus_value (TandemMeasureDataEntry *self)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

/**
 * tandem_measure_data_entry_focus_date:
 * @self: the form
 */
void
tandem_measure_data_entry_focus_date (TandemMeasureDataEntry *self)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

/**
 * tandem_measure_data_entry_set_measure:
 * @self: the form
 * @project: (nullable): the project
 * @measure: (nullable): the measure the values are of
 * @editable: whether Enter in the form adds or changes a value
 *
 * The denominator is asked only for a chart that needs it.
 */
void
tandem_measure_data_entry_set_measure (TandemMeasureDataEntry *self,
                                       TandemProject          *project,
                                       TandemMeasure          *measure,
                                       gboolean                editable)
{
  g_return_if_fail (TANDEM_IS_MEASURE_DATA_ENTRY (self));

  g_set_object (&self->project, project);
  if (measure != NULL)
    tandem_measure_ref (measure);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  self->measure = measure;
  self->editable = editable;
  if (measure == NULL)
    g_clear_pointer (&self->point_id, g_free);
  /* The flow box's own child holds the entry: hide that, so no gap is left. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->denominator_entry)),
                          measure != NULL && tandem_spc_chart_needs_n (measure->chart));
}

/* Tab goes through the form's two lines in order, also before they have a
 * size (a table just filled passes Shift+Tab on to the form at once). */
static gboolean
tandem_measure_data_entry_focus (GtkWidget        *widget,
                                 GtkDirectionType  direction)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *child;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (tandem_measure_data_entry_parent_class)->focus (widget, direction);
  if (focus_child != NULL && gtk_widget_child_focus (focus_child, direction))
    return TRUE;
  if (focus_child != NULL)
    child = forward ? gtk_widget_get_next_sibling (focus_child) : gtk_widget_get_prev_sibling (focus_child);
  else
    child = forward ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);
  for (; child != NULL; child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    if (gtk_widget_child_focus (child, direction))
      return TRUE;
  return FALSE;
}

GtkWidget *
tandem_measure_data_entry_new (void)
{
  return g_object_new (TANDEM_TYPE_MEASURE_DATA_ENTRY, NULL);
}

static void
tandem_measure_data_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TANDEM_TYPE_MEASURE_DATA_ENTRY);
  G_OBJECT_CLASS (tandem_measure_data_entry_parent_class)->dispose (object);
}

static void
tandem_measure_data_entry_finalize (GObject *object)
{
  TandemMeasureDataEntry *self = TANDEM_MEASURE_DATA_ENTRY (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->measure, tandem_measure_unref);
  g_free (self->point_id);
  G_OBJECT_CLASS (tandem_measure_data_entry_parent_class)->finalize (object);
}

static void
tandem_measure_data_entry_class_init (TandemMeasureDataEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_measure_data_entry_dispose;
  object_class->finalize = tandem_measure_data_entry_finalize;
  widget_class->focus = tandem_measure_data_entry_focus;

  /**
   * TandemMeasureDataEntry::failed:
   * @heading: what could not be done
   * @error: why
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * TandemMeasureDataEntry::import:
   * @text: cells pasted or a file's contents, to preview before importing
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_BYTES);
  /**
   * TandemMeasureDataEntry::stale:
   *
   * What the form showed was changed elsewhere: show the values that stand.
   */
  signals[STALE] = g_signal_new ("stale", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  g_type_ensure (TANDEM_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandemqi/Tandem/tandem-measure-data-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataEntry, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataEntry, value_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataEntry, denominator_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataEntry, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemMeasureDataEntry, excluded_check);
}

static void
tandem_measure_data_entry_init (TandemMeasureDataEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tandem_date_entry_get_entry (self->date_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  {
    gpointer form[] = { self->date_entry, self->value_entry, self->denominator_entry, self->note_entry };

    for (guint i = 0; i < G_N_ELEMENTS (form); i++)
      g_signal_connect_swapped (form[i], "activate", G_CALLBACK (form_activated_cb), self);
  }
}
