/* tandem-csv.h — reading delimited text (CSV, TSV, pasted cells), and a measure's data from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include "tandem-spc.h"

G_BEGIN_DECLS

/* What the reader refuses as absurd: a row (one line, or several where a
 * quoted cell holds line breaks) of more than a mebibyte of text, or with
 * more cells than a spreadsheet can have columns. */
#define TANDEM_CSV_MAX_ROW_BYTES (1024 * 1024)
#define TANDEM_CSV_MAX_CELLS     16384

/**
 * TandemCsvRow:
 * @cells: (array length=n_cells): the row's cells, unquoted, with spaces
 *   (and tabs, where they do not separate) around unquoted cells trimmed;
 *   %NULL-terminated. The row function may change or steal them (setting
 *   @cells to %NULL); the reader frees the rest
 * @n_cells: how many cells
 * @line: the line of the text the row begins on, counting from 1
 * @delimiter: the separator: ',', ';' or '\t'
 *
 * One row of a table, as the reader passes it to its #TandemCsvRowFunc.
 */
typedef struct
{
  char  **cells;
  guint   n_cells;
  guint   line;
  char    delimiter;
} TandemCsvRow;

/**
 * TandemCsvRowFunc:
 * @row: a row that is not blank
 * @user_data: the data given to tandem_csv_read()
 * @error: return location for the error that stops the reading
 *
 * Returns: %TRUE to read on, %FALSE (with @error set) to stop
 */
typedef gboolean (*TandemCsvRowFunc) (TandemCsvRow  *row,
                                      gpointer       user_data,
                                      GError       **error);

/**
 * TandemCsvSummary:
 * @delimiter: the separator used
 * @n_lines: the lines read
 * @n_rows: the rows passed to the row function (blank rows are not)
 */
typedef struct
{
  char   delimiter;
  guint  n_lines;
  guint  n_rows;
} TandemCsvSummary;

gboolean  tandem_csv_read             (const char        *text,
                                       gssize             length,
                                       char               delimiter,
                                       TandemCsvRowFunc   func,
                                       gpointer           user_data,
                                       TandemCsvSummary  *summary,
                                       GError           **error);
char     *tandem_csv_describe_width   (guint              n_cells,
                                       guint              n_columns,
                                       char               delimiter);

TandemSpcData *tandem_csv_read_measure        (const char  *text,
                                               gssize       length,
                                               GError     **error);
TandemSpcData *tandem_csv_read_measure_file   (const char  *filename,
                                               GError     **error);
TandemSpcData *tandem_csv_read_measure_stream (FILE        *stream,
                                               GError     **error);

gboolean tandem_csv_parse_number (const char *field,
                                  gboolean    decimal_comma,
                                  double     *value,
                                  gboolean   *out_of_range);

G_END_DECLS
