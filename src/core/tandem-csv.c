/* tandem-csv.c — reading delimited text (CSV, TSV, pasted cells), and a measure's data from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files come from spreadsheets on NHS desktops: comma or semicolon
 * separated, sometimes with a byte-order mark, Windows line ends, quoted
 * fields, and decimal commas where the separator is a semicolon.  Every
 * complaint names the line, so a QI team can find and fix the row.
 *
 * tandem_csv_read() is the one reader of such text (on libcsv): `tandem-cli
 * analyse` reads a measure's data with it here, and the import of a CSV file
 * or of pasted cells (tandem-table-import.c) reads its table with it.
 */

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-csv.h"

/* libcsv's parser state between rows (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_STATE_ROW_NOT_BEGUN 0

/* The shared reader, between libcsv's callbacks. */
typedef struct
{
  TandemCsvRowFunc  func;
  gpointer          user_data;
  char              delimiter;
  guint             record_line;   /* the line where the current record began */
  GPtrArray        *fields;        /* char * of the current record */
  guint             n_rows;
  GError           *error;
} CsvReader;

/* Reading a measure's data, row by row. */
typedef struct
{
  char           delimiter;
  gboolean       decimal_comma;
  TandemCsvRow  *row;           /* the row being read */
  gboolean       have_header;
  guint          n_columns;
  int            col_x;
  int            col_y;
  int            col_n;
  TandemSpcData *data;
  gsize          n_rows;
  GError        *error;
} Reader;

/* A field quoted in a message: at most 40 characters of it. */
static char *
quote_field (const char *field)
{
  if (g_utf8_strlen (field, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (field, 0, 40);

      return g_strdup_printf ("“%s…”", start);
    }
  return g_strdup_printf ("“%s”", field);
}

/**
 * tandem_csv_parse_number:
 * @field: a cell's text
 * @decimal_comma: whether 3,5 means three and a half
 * @value: (out): the number; NAN for an empty cell or NA
 * @out_of_range: (out): set when it is a number too large to hold
 *
 * Reads a number as spreadsheets write it: an optional sign, digits with a
 * decimal point (or a decimal comma where allowed), an optional exponent,
 * spaces around it. Empty or NA is a missing value. Nothing else: no
 * thousands separators, no inf or nan, no hexadecimal. The CSV reader and the
 * import preview both read numbers with it.
 *
 * Returns: whether @field is a number (or empty)
 */
gboolean
tandem_csv_parse_number (const char *field,
              gboolean    decimal_comma,
              double     *value,
              gboolean   *out_of_range)
{
  /* A copy without the spaces around it, which the decimal comma is turned
   * into a point in: on the stack when it fits, as numbers do. */
  char buffer[64];
  g_autofree char *heap = NULL;
  const char *start = field;
  gsize length;
  char *s, *p;
  guint digits = 0;

  while (g_ascii_isspace (*start))
    start++;
  length = strlen (start);
  while (length > 0 && g_ascii_isspace (start[length - 1]))
    length--;
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      s = buffer;
    }
  else
    s = heap = g_strndup (start, length);
  p = s;

  *out_of_range = FALSE;

  if (*s == '\0' || g_ascii_strcasecmp (s, "NA") == 0)
    {
      *value = NAN;
      return TRUE;
    }

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  if (*p == '.' || (decimal_comma && *p == ','))
    {
      *p++ = '.';
      while (g_ascii_isdigit (*p))
        p++, digits++;
    }
  if (digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      guint exponent_digits = 0;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exponent_digits++;
      if (exponent_digits == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *value = g_ascii_strtod (s, NULL);
  if (!isfinite (*value))
    {
      *out_of_range = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The separator is whichever of tab, semicolon and comma the first line
 * (outside quotes) has most of.  Tabs win a tie, as cells pasted from a
 * spreadsheet are separated by tabs and may hold commas or semicolons;
 * semicolons must outnumber commas. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > 0 && tabs >= commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
is_space_cb (unsigned char c)
{
  return c == ' ' || c == '\t';
}

static int
is_space_not_tab_cb (unsigned char c)
{
  return c == ' ';
}

/* Sets *error to "Line 3: …", unless it is set already: the first problem is
 * the one to fix. */
static void G_GNUC_PRINTF (3, 4)
fail_at_line (GError    **error,
              guint       line,
              const char *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (*error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a problem in a CSV file: "Line 3: a quoted field is not closed" */
  g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE, _("Line %u: %s"), line, message);
}

static void
csv_field_cb (void   *field,
              size_t  length,
              void   *user_data)
{
  CsvReader *reader = user_data;

  if (reader->error != NULL)
    return;
  if (reader->fields->len >= TANDEM_CSV_MAX_CELLS)
    {
      fail_at_line (&reader->error, reader->record_line,
                    _("the row has more than %u cells, more than a spreadsheet can have "
                      "columns"), TANDEM_CSV_MAX_CELLS);
      return;
    }
  g_ptr_array_add (reader->fields, field != NULL ? g_strndup (field, length) : g_strdup (""));
}

/* Rows of empty or white cells, as spreadsheets leave below the data, are
 * no rows. */
static gboolean
is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    for (const char *c = g_ptr_array_index (fields, i); *c != '\0'; c++)
      if (!g_ascii_isspace (*c))
        return FALSE;
  return TRUE;
}

static void
csv_record_cb (int   terminator,
               void *user_data)
{
  CsvReader *reader = user_data;

  if (reader->error == NULL && !is_blank (reader->fields))
    {
      TandemCsvRow row;

      row.n_cells = reader->fields->len;
      g_ptr_array_add (reader->fields, NULL);
      row.cells = (char **) g_ptr_array_steal (reader->fields, NULL);
      row.line = reader->record_line;
      row.delimiter = reader->delimiter;
      reader->n_rows++;
      if (!reader->func (&row, reader->user_data, &reader->error) && reader->error == NULL)
        fail_at_line (&reader->error, row.line, _("the row could not be read"));
      g_strfreev (row.cells);
    }
  g_ptr_array_set_size (reader->fields, 0);
}

/* A workbook saved as it is, not as CSV: a zip (.xlsx, .ods) or an OLE
 * compound file (.xls). */
static gboolean
is_workbook (const char *text,
             gsize       length)
{
  return (length >= 4 && memcmp (text, "PK\x03\x04", 4) == 0) ||
         (length >= 8 && memcmp (text, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
}

/**
 * tandem_csv_read:
 * @text: CSV text, or cells copied from a spreadsheet (tab-separated)
 * @length: its length in bytes, or -1 if nul-terminated
 * @delimiter: ',', ';' or '\t', or 0 for whichever of them the first line
 *   has most of (tabs win a tie; semicolons must outnumber commas)
 * @func: called for each row that is not blank, in order
 * @user_data: for @func
 * @summary: (out caller-allocates) (optional): the separator used, the
 *   lines and the rows read
 * @error: return location for a #TANDEM_SPC_ERROR_PARSE error, or the one
 *   @func set
 *
 * Reads the rows of delimited text: the one reader of CSV files and pasted
 * cells.  A UTF-8 byte-order mark, quoted fields (with the separator, line
 * breaks or doubled quotation marks inside), CRLF or CR line ends, spaces
 * around unquoted fields and blank rows are fine.  Each row knows the line
 * it begins on, and every error names the line: text that is not UTF-8 (a
 * workbook or another binary file), a quotation mark out of place or not
 * closed, a row longer than %TANDEM_CSV_MAX_ROW_BYTES or with more than
 * %TANDEM_CSV_MAX_CELLS cells.  Empty text has no rows and is no error: the
 * caller says what it needed.
 *
 * Returns: %TRUE if every row was read and taken by @func
 */
gboolean
tandem_csv_read (const char        *text,
                 gssize             length,
                 char               delimiter,
                 TandemCsvRowFunc   func,
                 gpointer           user_data,
                 TandemCsvSummary  *summary,
                 GError           **error)
{
  struct csv_parser parser;
  CsvReader reader = { 0 };
  const char *invalid;
  gsize len, pos = 0, record_bytes = 0;
  guint line = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' ||
                        delimiter == '\t', FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  reader.delimiter = delimiter != 0 ? delimiter : detect_delimiter (text, len);
  if (summary != NULL)
    {
      summary->delimiter = reader.delimiter;
      summary->n_lines = 0;
      summary->n_rows = 0;
    }

  if (!g_utf8_validate (text, len, &invalid))
    {
      guint bad = 1;

      for (const char *c = text; c < invalid; c++)
        if (*c == '\n' || (*c == '\r' && (c + 1 == invalid || c[1] != '\n')))
          bad++;
      fail_at_line (&reader.error, bad, "%s",
                    is_workbook (text, len)
                    ? _("the text is not UTF-8: this is a spreadsheet workbook, not CSV. Save "
                        "it from your spreadsheet as “CSV UTF-8” and try again.")
                    : _("the text is not UTF-8. Save the file from your spreadsheet as "
                        "“CSV UTF-8” and try again."));
      g_propagate_error (error, reader.error);
      return FALSE;
    }

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      g_set_error_literal (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE,
                           _("The text could not be read (out of memory)."));
      return FALSE;
    }
  csv_set_delim (&parser, (unsigned char) reader.delimiter);
  /* libcsv grows a long field's buffer by this much at a time (128 bytes by
   * default): a 1 MiB cell was 8,000 copies. */
  csv_set_blk_size (&parser, 64 * 1024);
  csv_set_space_func (&parser, reader.delimiter == '\t' ? is_space_not_tab_cb : is_space_cb);
  reader.func = func;
  reader.user_data = user_data;
  reader.fields = g_ptr_array_new_with_free_func (g_free);

  /* Feed the parser a line at a time so every record knows where it began. */
  while (pos < len && reader.error == NULL)
    {
      gsize end = pos;
      size_t parsed;

      while (end < len && text[end] != '\n' && text[end] != '\r')
        end++;
      if (end < len && text[end] == '\r' && end + 1 < len && text[end + 1] == '\n')
        end += 2;
      else if (end < len)
        end++;

      line++;
      if (parser.pstate == CSV_STATE_ROW_NOT_BEGUN)
        {
          reader.record_line = line;
          record_bytes = 0;
        }
      record_bytes += end - pos;
      if (record_bytes > TANDEM_CSV_MAX_ROW_BYTES)
        {
          fail_at_line (&reader.error, reader.record_line,
                        _("the row holds more than %u MiB of text; is this the right file?"),
                        TANDEM_CSV_MAX_ROW_BYTES / (1024 * 1024));
          break;
        }

      parsed = csv_parse (&parser, text + pos, end - pos, csv_field_cb, csv_record_cb, &reader);
      if (parsed != end - pos)
        fail_at_line (&reader.error, line,
                      _("a quotation mark is out of place (a quoted field must be quoted "
                        "from its first to its last character, with quotes inside it "
                        "doubled)"));
      pos = end;
    }

  if (reader.error == NULL &&
      csv_fini (&parser, csv_field_cb, csv_record_cb, &reader) != 0)
    fail_at_line (&reader.error, reader.record_line, _("a quoted field is not closed"));

  csv_free (&parser);
  g_ptr_array_unref (reader.fields);

  if (summary != NULL)
    {
      summary->n_lines = line;
      summary->n_rows = reader.n_rows;
    }
  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_csv_describe_width:
 * @n_cells: the cells in a row
 * @n_columns: the columns the header names
 * @delimiter: the separator
 *
 * Says why a row does not fit under its header, with a hint where the
 * likely cause is a decimal comma in a comma-separated file.
 *
 * Returns: (transfer full): "3 fields, but the header names 2 columns…"
 */
char *
tandem_csv_describe_width (guint n_cells,
                           guint n_columns,
                           char  delimiter)
{
  g_autofree char *fields = g_strdup_printf (ngettext ("%u field", "%u fields", n_cells), n_cells);
  /* TRANSLATORS: "3 fields, but the header names 2 columns" */
  g_autofree char *width = g_strdup_printf (ngettext ("%s, but the header names %u column",
                                                     "%s, but the header names %u columns",
                                                     n_columns), fields, n_columns);

  if (delimiter == ',' && n_cells > n_columns)
    return g_strconcat (width, _(" (a decimal comma needs quotes, or semicolons between the "
                                 "columns)"), NULL);
  return g_steal_pointer (&width);
}

static void
read_header (Reader *reader)
{
  TandemCsvRow *row = reader->row;

  reader->col_x = reader->col_y = reader->col_n = -1;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *name = g_strstrip (row->cells[i]);
      int *column = NULL;

      if (g_ascii_strcasecmp (name, "x") == 0)
        column = &reader->col_x;
      else if (g_ascii_strcasecmp (name, "y") == 0)
        column = &reader->col_y;
      else if (g_ascii_strcasecmp (name, "n") == 0)
        column = &reader->col_n;
      else
        continue;   /* other columns (notes, phases…) are not ours */

      if (*column >= 0)
        {
          fail_at_line (&reader->error, row->line, "the header names column %s twice", name);
          return;
        }
      *column = i;
    }

  if (reader->col_x < 0 || reader->col_y < 0)
    {
      fail_at_line (&reader->error, row->line, "the header must name the columns x and y (and n "
                    "for a denominator), separated by %s",
                    reader->delimiter == ';' ? "semicolons" :
                    reader->delimiter == '\t' ? "tabs" : "commas");
      return;
    }

  reader->n_columns = row->n_cells;
  reader->have_header = TRUE;
  reader->data = tandem_spc_data_new (reader->col_n >= 0);
}

static gboolean
read_value (Reader     *reader,
            int         column,
            const char *name,
            double     *value)
{
  const char *field = reader->row->cells[column];
  gboolean out_of_range;

  if (tandem_csv_parse_number (field, reader->decimal_comma, value, &out_of_range))
    return TRUE;

  {
    g_autofree char *quoted = quote_field (field);
    guint line = reader->row->line;

    if (out_of_range)
      fail_at_line (&reader->error, line, "%s is too large a number in column %s", quoted, name);
    else if (reader->delimiter == ',' && strchr (field, ',') != NULL)
      fail_at_line (&reader->error, line, "%s is not a number in column %s (write decimals with "
                    "a point, or separate the columns with semicolons to use decimal commas)",
                    quoted, name);
    else
      fail_at_line (&reader->error, line, "%s is not a number in column %s", quoted, name);
  }
  return FALSE;
}

static void
read_row (Reader *reader)
{
  TandemCsvRow *row = reader->row;
  const char *x;
  double y, n = NAN;

  if (row->n_cells != reader->n_columns)
    {
      g_autofree char *width = tandem_csv_describe_width (row->n_cells, reader->n_columns,
                                                          reader->delimiter);

      fail_at_line (&reader->error, row->line, "%s", width);
      return;
    }

  x = g_strstrip (row->cells[reader->col_x]);
  if (*x == '\0')
    {
      fail_at_line (&reader->error, row->line, "no value in column x");
      return;
    }
  if (!read_value (reader, reader->col_y, "y", &y))
    return;
  if (reader->col_n >= 0 && !read_value (reader, reader->col_n, "n", &n))
    return;
  if (n < 0)
    {
      fail_at_line (&reader->error, row->line, "the denominator n cannot be negative");
      return;
    }

  tandem_spc_data_add (reader->data, x, y, n);
  reader->n_rows++;
}

static gboolean
measure_row_cb (TandemCsvRow  *row,
                gpointer       user_data,
                GError       **error)
{
  Reader *reader = user_data;

  reader->row = row;
  if (!reader->have_header)
    {
      reader->delimiter = row->delimiter;
      reader->decimal_comma = row->delimiter != ',';
      read_header (reader);
    }
  else
    read_row (reader);
  reader->row = NULL;

  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_csv_read_measure:
 * @text: the CSV text
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #TANDEM_SPC_ERROR_PARSE error
 *
 * Reads a measure's observations from CSV.  The header row names the
 * columns x, y and, for a denominator, n (in any order, case ignored; other
 * columns are ignored).  The separator is a comma, a semicolon or a tab,
 * whichever the header uses (see tandem_csv_read()); with a semicolon or tab
 * a number may have a decimal comma.  A UTF-8 byte-order mark, quoted
 * fields, CRLF line ends and blank rows are fine.  An empty (or NA) y or n is a missing value.  Rows
 * with the same x form one subgroup.
 *
 * Returns: (transfer full) (nullable): the observations, or %NULL with
 *   @error naming the line and the problem
 */
TandemSpcData *
tandem_csv_read_measure (const char  *text,
                         gssize       length,
                         GError     **error)
{
  Reader reader = { 0 };
  TandemCsvSummary summary;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (tandem_csv_read (text, length, 0, measure_row_cb, &reader, &summary, &reader.error))
    {
      if (!reader.have_header)
        fail_at_line (&reader.error, 1, "the file is empty; it needs a header naming the columns "
                      "x and y");
      else if (reader.n_rows == 0)
        fail_at_line (&reader.error, summary.n_lines + 1, "there are no data below the header");
    }

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      tandem_spc_data_free (reader.data);
      return NULL;
    }

  return reader.data;
}

/**
 * tandem_csv_read_measure_stream:
 * @stream: an open stream, read to its end
 * @error: return location for an error
 *
 * Reads a measure's observations from CSV in @stream, as
 * tandem_csv_read_measure() does.
 *
 * Returns: (transfer full) (nullable): the observations, or %NULL with @error
 */
TandemSpcData *
tandem_csv_read_measure_stream (FILE    *stream,
                                GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[65536];
  size_t got;

  g_return_val_if_fail (stream != NULL, NULL);

  while ((got = fread (buffer, 1, sizeof buffer, stream)) > 0)
    g_string_append_len (text, buffer, got);

  if (ferror (stream))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not read the data: %s", g_strerror (saved_errno));
      return NULL;
    }

  return tandem_csv_read_measure (text->str, text->len, error);
}

/**
 * tandem_csv_read_measure_file:
 * @filename: a CSV file, or "-" for standard input
 * @error: return location for an error
 *
 * Reads a measure's observations from a CSV file, as
 * tandem_csv_read_measure() does.
 *
 * Returns: (transfer full) (nullable): the observations, or %NULL with @error
 */
TandemSpcData *
tandem_csv_read_measure_file (const char  *filename,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (filename != NULL, NULL);

  if (strcmp (filename, "-") == 0)
    return tandem_csv_read_measure_stream (stdin, error);

  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;

  return tandem_csv_read_measure (contents, length, error);
}
