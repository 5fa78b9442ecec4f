/* tandem-table-import.h — a measure's data from a spreadsheet: CSV files and pasted cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-date.h"
#include "tandem-project.h"

G_BEGIN_DECLS

/**
 * TandemTable:
 * @rows: (element-type GStrv): every row's cells, as read
 * @lines: for each row, the line of the file it starts on
 * @n_columns: the most cells in any row
 * @delimiter: the separator used
 *
 * Cells as a spreadsheet saved them, before any meaning is given to them.
 */
typedef struct
{
  GPtrArray *rows;
  GArray    *lines;
  guint      n_columns;
  char       delimiter;
} TandemTable;

/**
 * TandemImportOptions:
 * @has_header: the first row names the columns
 * @date_column: 0-based column of the dates
 * @value_column: column of the values (numerators)
 * @denominator_column: column of the denominators, or -1
 * @note_column: column of notes, or -1
 * @date_format: how dates are written
 * @decimal_comma: numbers are written 3,5
 */
typedef struct
{
  gboolean          has_header;
  int               date_column;
  int               value_column;
  int               denominator_column;
  int               note_column;
  TandemDateFormat  date_format;
  gboolean          decimal_comma;
} TandemImportOptions;

/**
 * TandemImportRow:
 * @line: the line of the file it came from
 * @date: yyyy-mm-dd
 * @value: NAN if missing
 * @denominator: NAN if missing or not imported
 * @note: (nullable): a note
 */
typedef struct
{
  guint   line;
  char    date[11];
  double  value;
  double  denominator;
  char   *note;
} TandemImportRow;

/**
 * TandemImportProblem:
 * @line: the line of the file
 * @reason: what is wrong with it, in plain words
 */
typedef struct
{
  guint  line;
  char  *reason;
} TandemImportProblem;

/**
 * TandemImport:
 * @rows: (element-type TandemImportRow): the rows that can be imported
 * @problems: (element-type TandemImportProblem): the rows that cannot
 * @date_format: the date format used (never %TANDEM_DATE_AUTO)
 */
typedef struct
{
  GPtrArray        *rows;
  GPtrArray        *problems;
  TandemDateFormat  date_format;
} TandemImport;

TandemTable  *tandem_table_parse        (const char                *text,
                                         gssize                     length,
                                         char                       delimiter,
                                         GError                   **error);
void          tandem_table_free         (TandemTable               *table);
const char   *tandem_table_get_cell     (const TandemTable         *table,
                                         guint                      row,
                                         guint                      column);
void          tandem_table_guess_options (const TandemTable        *table,
                                         TandemImportOptions       *options);
TandemImport *tandem_table_import       (const TandemTable         *table,
                                         const TandemImportOptions *options);
void          tandem_import_free        (TandemImport              *import);
void          tandem_import_problem_free (TandemImportProblem      *problem);

gboolean      tandem_parse_number       (const char                *text,
                                         gboolean                   decimal_comma,
                                         double                    *value);

gboolean      tandem_import_save        (TandemProject             *project,
                                         const char                *measure_id,
                                         const TandemImport        *import,
                                         const char                *label,
                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemTable, tandem_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImport, tandem_import_free)

G_END_DECLS
