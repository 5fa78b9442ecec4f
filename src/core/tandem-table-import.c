/* tandem-table-import.c — a measure's data from a spreadsheet: CSV files and pasted cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so the person sees what will happen before anything is saved:
 * tandem_table_parse() reads the cells with the one CSV reader,
 * tandem_csv_read() (quoting, CRLF, a byte-order mark, comma, semicolon or
 * tab, limits on absurd rows), then tandem_table_import() gives them
 * meaning with the options the person chose (which column holds what, how
 * dates and numbers are written) and lists each bad row with its reason.
 * Only tandem_import_save() writes, in one undoable edit.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-csv.h"
#include "tandem-error.h"
#include "tandem-spc.h"
#include "tandem-change.h"
#include "tandem-project-private.h"
#include "tandem-table-import.h"

static gboolean
table_row_cb (TandemCsvRow  *row,
              gpointer       user_data,
              GError       **error)
{
  TandemTable *table = user_data;

  table->n_columns = MAX (table->n_columns, row->n_cells);
  g_ptr_array_add (table->rows, g_steal_pointer (&row->cells));
  g_array_append_val (table->lines, row->line);
  return TRUE;
}

/**
 * tandem_table_parse:
 * @text: CSV text, or cells copied from a spreadsheet (tab-separated)
 * @length: its length in bytes, or -1 if nul-terminated
 * @delimiter: ',', ';' or '\t', or 0 to use whichever the first line has most of
 *   (as tandem_csv_read() works it out)
 * @error: return location for a #TANDEM_SPC_ERROR_PARSE error
 *
 * Reads the cells of a table with tandem_csv_read(). A UTF-8 byte-order
 * mark, quoted fields, CRLF line ends and blank rows are fine; each row
 * remembers the line it started on so problems can name it.
 *
 * Returns: (transfer full) (nullable): the cells, or %NULL with @error set
 *   (not UTF-8, a stray quotation mark, an absurdly long row, no rows)
 */
TandemTable *
tandem_table_parse (const char  *text,
                    gssize       length,
                    char         delimiter,
                    GError     **error)
{
  g_autoptr(TandemTable) table = g_new0 (TandemTable, 1);
  TandemCsvSummary summary;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!tandem_csv_read (text, length, delimiter, table_row_cb, table, &summary, error))
    return NULL;
  table->delimiter = summary.delimiter;
  if (table->rows->len == 0)
    {
      g_set_error_literal (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE,
                           _("There is nothing to import: the table is empty."));
      return NULL;
    }
  return g_steal_pointer (&table);
}

void
tandem_table_free (TandemTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

/**
 * tandem_table_get_cell:
 * @table: a table
 * @row: 0-based row
 * @column: 0-based column
 *
 * Returns: the cell, or "" if the row is shorter
 */
const char *
tandem_table_get_cell (const TandemTable *table,
                       guint              row,
                       guint              column)
{
  char **cells;

  g_return_val_if_fail (row < table->rows->len, "");
  cells = table->rows->pdata[row];
  for (guint i = 0; i <= column; i++)
    if (cells[i] == NULL)
      return "";
  return cells[column];
}

/**
 * tandem_parse_number:
 * @text: a number as a spreadsheet writes it
 * @decimal_comma: whether 3,5 means three and a half
 * @value: (out): the number; NAN for an empty cell or NA
 *
 * Reads an optional sign, digits with a decimal point (or comma), an
 * optional exponent. Spaces around it are fine; thousands separators,
 * currency and words are not.
 *
 * Returns: whether @text is a number (or empty)
 */
gboolean
tandem_parse_number (const char *text,
                     gboolean    decimal_comma,
                     double     *value)
{
  gboolean out_of_range;

  return tandem_csv_parse_number (text ? text : "", decimal_comma, value, &out_of_range);
}

static gboolean
name_is (const char         *cell,
         const char * const *names)
{
  g_autofree char *folded = g_utf8_casefold (cell, -1);

  g_strstrip (folded);
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (folded, names[i]) ||
        (strlen (names[i]) >= 3 && g_str_has_prefix (folded, names[i])))
      return TRUE;
  return FALSE;
}

static TandemDateFormat
guess_date_format (const TandemTable *table,
                   guint              first,
                   int                column)
{
  static const TandemDateFormat order[] = {
    TANDEM_DATE_ISO, TANDEM_DATE_DMY, TANDEM_DATE_MY, TANDEM_DATE_EXCEL, TANDEM_DATE_MDY,
  };
  guint best_count = 0;
  TandemDateFormat best = TANDEM_DATE_ISO;

  if (column < 0)
    return TANDEM_DATE_ISO;
  for (guint f = 0; f < G_N_ELEMENTS (order); f++)
    {
      guint count = 0;
      char date[11];

      for (guint r = first; r < table->rows->len; r++)
        if (tandem_parse_date (tandem_table_get_cell (table, r, column), order[f], date))
          count++;
      if (count > best_count)
        {
          best_count = count;
          best = order[f];
        }
      /* A format that reads every date cannot be beaten by a later one. */
      if (best_count == table->rows->len - first)
        break;
    }
  return best;
}

/**
 * tandem_table_guess_options:
 * @table: a table
 * @options: (out): what the table most likely holds
 *
 * Guesses what a person would choose: a header if the first row's first
 * cell is not a date; the columns by their names (date, week, month, x;
 * value, count, numerator, y; denominator, n; note, comment), else the first
 * two; the date format that reads the most dates; a decimal comma where the
 * cells are separated by semicolons or tabs and numbers have commas.
 */
void
tandem_table_guess_options (const TandemTable   *table,
                            TandemImportOptions *options)
{
  static const char * const date_names[] = { "date", "week", "month", "day", "period", "x", NULL };
  static const char * const value_names[] = { "value", "count", "numerator", "y", "number",
                                              "total", NULL };
  static const char * const n_names[] = { "denominator", "n", NULL };
  static const char * const note_names[] = { "note", "comment", NULL };
  char date[11];
  guint first;

  memset (options, 0, sizeof *options);
  options->date_column = 0;
  options->value_column = table->n_columns > 1 ? 1 : 0;
  options->denominator_column = -1;
  options->note_column = -1;

  options->has_header = table->rows->len > 0 &&
                        !tandem_parse_date (tandem_table_get_cell (table, 0, 0),
                                            TANDEM_DATE_AUTO, date);
  if (options->has_header)
    {
      int date_col = -1, value_col = -1, n_col = -1, note_col = -1;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *cell = tandem_table_get_cell (table, 0, c);
          g_autofree char *folded = g_utf8_casefold (cell, -1);

          g_strstrip (folded);
          if (n_col < 0 && (g_str_equal (folded, "n") || g_str_has_prefix (folded, n_names[0])))
            n_col = (int) c;
          else if (date_col < 0 && name_is (cell, date_names))
            date_col = (int) c;
          else if (note_col < 0 && name_is (cell, note_names))
            note_col = (int) c;
          else if (value_col < 0 && name_is (cell, value_names))
            value_col = (int) c;
        }
      if (date_col >= 0)
        options->date_column = date_col;
      if (value_col >= 0)
        options->value_column = value_col;
      else if (options->value_column == options->date_column)
        options->value_column = options->date_column == 0 && table->n_columns > 1 ? 1 : 0;
      options->denominator_column = n_col;
      options->note_column = note_col;
    }

  first = options->has_header ? 1 : 0;
  options->date_format = guess_date_format (table, first, options->date_column);
  if (table->delimiter != ',')
    for (guint r = first; r < table->rows->len; r++)
      if (strchr (tandem_table_get_cell (table, r, options->value_column), ',') != NULL)
        options->decimal_comma = TRUE;
}

static void
row_free (gpointer data)
{
  TandemImportRow *row = data;

  g_free (row->note);
  g_free (row);
}

/**
 * tandem_import_problem_free:
 * @problem: (nullable): a problem of an import
 *
 * Frees the problem and its reason.
 */
void
tandem_import_problem_free (TandemImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (TandemImport *import,
             guint         line,
             char         *reason)
{
  TandemImportProblem *problem = g_new0 (TandemImportProblem, 1);

  problem->line = line;
  problem->reason = reason;
  g_ptr_array_add (import->problems, problem);
}

static char *
shorten (const char *cell)
{
  if (g_utf8_strlen (cell, -1) > 30)
    {
      g_autofree char *start = g_utf8_substring (cell, 0, 30);
      return g_strdup_printf ("%s…", start);
    }
  return g_strdup (cell);
}

/* The cells of a row up to its last one that is not empty. */
static guint
row_width (char * const *cells)
{
  guint width = 0;

  for (guint i = 0; cells[i] != NULL; i++)
    for (const char *c = cells[i]; *c != '\0'; c++)
      if (!g_ascii_isspace (*c))
        {
          width = i + 1;
          break;
        }
  return width;
}

/**
 * tandem_table_import:
 * @table: a table
 * @options: which column holds what, and how it is written
 *
 * Reads every row (after the header, if any) as a data point. A row is bad
 * if it has more cells than the header names (not counting empty ones at
 * its end, and unless a column past the header's is chosen), or its date
 * cannot be read in the chosen format, or its value or
 * denominator is not a number (an empty cell is a missing value), or its
 * denominator is negative; each bad row is listed with its line and reason.
 *
 * Returns: (transfer full): the good rows and the problems
 */
TandemImport *
tandem_table_import (const TandemTable         *table,
                     const TandemImportOptions *options)
{
  TandemImport *import = g_new0 (TandemImport, 1);
  guint header_width = 0;

  import->rows = g_ptr_array_new_with_free_func (row_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_import_problem_free);
  import->date_format = options->date_format;
  if (import->date_format == TANDEM_DATE_AUTO)
    import->date_format = guess_date_format (table, options->has_header ? 1 : 0,
                                             options->date_column);

  /* Cells past the header's columns mean the row was split wrongly ("3,5"),
   * unless the person chose to read a column the header does not name. */
  if (options->has_header && table->rows->len > 0)
    header_width = g_strv_length (table->rows->pdata[0]);
  if (MAX (MAX (options->date_column, options->value_column),
           MAX (options->denominator_column, options->note_column)) >= (int) header_width)
    header_width = 0;

  for (guint r = options->has_header ? 1 : 0; r < table->rows->len; r++)
    {
      guint line = g_array_index (table->lines, guint, r);
      const char *date_cell = tandem_table_get_cell (table, r, (guint) options->date_column);
      const char *value_cell = tandem_table_get_cell (table, r, (guint) options->value_column);
      TandemImportRow row = { line, "", NAN, NAN, NULL };
      guint width = row_width (table->rows->pdata[r]);

      if (header_width > 0 && width > header_width)
        {
          add_problem (import, line, tandem_csv_describe_width (width, header_width,
                                                                table->delimiter));
          continue;
        }
      if (!tandem_parse_date (date_cell, import->date_format, row.date))
        {
          g_autofree char *cell = shorten (date_cell);
          add_problem (import, line, *date_cell
                       ? g_strdup_printf (_("“%s” is not a date in the chosen format"), cell)
                       : g_strdup (_("the date is empty")));
          continue;
        }
      if (!tandem_parse_number (value_cell, options->decimal_comma, &row.value))
        {
          g_autofree char *cell = shorten (value_cell);
          add_problem (import, line, g_strdup_printf (_("the value “%s” is not a number"), cell));
          continue;
        }
      if (options->denominator_column >= 0)
        {
          const char *n_cell = tandem_table_get_cell (table, r, (guint) options->denominator_column);

          if (!tandem_parse_number (n_cell, options->decimal_comma, &row.denominator))
            {
              g_autofree char *cell = shorten (n_cell);
              add_problem (import, line,
                           g_strdup_printf (_("the denominator “%s” is not a number"), cell));
              continue;
            }
          if (row.denominator < 0)
            {
              add_problem (import, line, g_strdup (_("the denominator is below zero")));
              continue;
            }
        }
      if (options->note_column >= 0)
        {
          const char *note = tandem_table_get_cell (table, r, (guint) options->note_column);
          if (*note)
            row.note = g_strdup (note);
        }
      g_ptr_array_add (import->rows, g_memdup2 (&row, sizeof row));
    }
  return import;
}

void
tandem_import_free (TandemImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->problems);
  g_free (import);
}

/**
 * tandem_import_save:
 * @project: a project
 * @measure_id: the measure the rows are for
 * @import: the rows (its problems are not imported)
 * @label: the edit's name, for Undo ("Import 52 data points")
 * @error: return location for an error
 *
 * Adds the good rows as data points in one edit: all of them or, if any
 * fails, none (the edit is rolled back). Undo takes them all away again.
 *
 * Returns: %TRUE if every row was saved
 */
gboolean
tandem_import_save (TandemProject       *project,
                    const char          *measure_id,
                    const TandemImport  *import,
                    const char          *label,
                    GError             **error)
{
  static const char * const fields[] = { "measure_id", "date", "value", "denominator", "note" };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree TandemValue *values = NULL;
  guint n_rows;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL && import != NULL, FALSE);

  /* The values borrow the rows' text, which outlives them. */
  n_rows = import->rows->len;
  values = g_new (TandemValue, (gsize) n_rows * G_N_ELEMENTS (fields));
  for (guint i = 0; i < n_rows; i++)
    {
      const TandemImportRow *row = import->rows->pdata[i];
      TandemValue *v = &values[(gsize) i * G_N_ELEMENTS (fields)];

      v[0] = tandem_value_text (measure_id);
      v[1] = tandem_value_text (row->date);
      v[2] = isnan (row->value) ? tandem_value_null () : tandem_value_double (row->value);
      v[3] = isnan (row->denominator) ? tandem_value_null () : tandem_value_double (row->denominator);
      v[4] = tandem_value_text (row->note);
    }

  /* A change of its own, or part of the caller's (a measure made for it):
   * one statement for every row, and one entry in the change log. */
  return tandem_change_begin (&change, project, label, error) &&
         _tandem_project_insert_rows (project, "data_point", fields, G_N_ELEMENTS (fields),
                                      values, n_rows, error) &&
         tandem_change_commit (&change, error);
}
