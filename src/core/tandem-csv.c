/* tandem-csv.c — reading a measure's data from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files come from spreadsheets on NHS desktops: comma or semicolon
 * separated, sometimes with a byte-order mark, Windows line ends, quoted
 * fields, and decimal commas where the separator is a semicolon.  Every
 * complaint names the line, so a QI team can find and fix the row.
 */

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "tandem-csv.h"

/* libcsv's parser state between rows (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_STATE_ROW_NOT_BEGUN 0

typedef struct
{
  char           delimiter;
  gboolean       decimal_comma;
  guint          line;          /* the line being parsed */
  guint          record_line;   /* the line where the current record began */
  GPtrArray     *fields;        /* char * of the current record */
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
  g_autofree char *s = g_strstrip (g_strdup (field));
  char *p = s;
  guint digits = 0;

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

static void G_GNUC_PRINTF (2, 3)
reader_fail (Reader     *reader,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (reader->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (&reader->error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE,
               "Line %u: %s", reader->record_line, message);
}

static void
read_header (Reader *reader)
{
  GPtrArray *fields = reader->fields;

  reader->col_x = reader->col_y = reader->col_n = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_strstrip ((char *) g_ptr_array_index (fields, i));
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
          reader_fail (reader, "the header names column %s twice", name);
          return;
        }
      *column = i;
    }

  if (reader->col_x < 0 || reader->col_y < 0)
    {
      reader_fail (reader, "the header must name the columns x and y (and n for a "
                   "denominator), separated by %s",
                   reader->delimiter == ';' ? "semicolons" :
                   reader->delimiter == '\t' ? "tabs" : "commas");
      return;
    }

  reader->n_columns = fields->len;
  reader->have_header = TRUE;
  reader->data = tandem_spc_data_new (reader->col_n >= 0);
}

static gboolean
read_value (Reader     *reader,
            int         column,
            const char *name,
            double     *value)
{
  const char *field = g_ptr_array_index (reader->fields, column);
  gboolean out_of_range;

  if (tandem_csv_parse_number (field, reader->decimal_comma, value, &out_of_range))
    return TRUE;

  {
    g_autofree char *quoted = quote_field (field);

    if (out_of_range)
      reader_fail (reader, "%s is too large a number in column %s", quoted, name);
    else if (reader->delimiter == ',' && strchr (field, ',') != NULL)
      reader_fail (reader, "%s is not a number in column %s (write decimals with a point, "
                   "or separate the columns with semicolons to use decimal commas)",
                   quoted, name);
    else
      reader_fail (reader, "%s is not a number in column %s", quoted, name);
  }
  return FALSE;
}

static void
read_row (Reader *reader)
{
  GPtrArray *fields = reader->fields;
  gboolean empty = TRUE;
  const char *x;
  double y, n = NAN;

  for (guint i = 0; i < fields->len && empty; i++)
    {
      const char *f = g_ptr_array_index (fields, i);

      while (g_ascii_isspace (*f))
        f++;
      empty = *f == '\0';
    }
  if (empty)
    return;   /* rows of empty cells, as spreadsheets leave below the data */

  if (fields->len != reader->n_columns)
    {
      reader_fail (reader, "%u field%s, but the header names %u columns%s",
                   fields->len, fields->len == 1 ? "" : "s", reader->n_columns,
                   reader->delimiter == ',' && fields->len > reader->n_columns
                   ? " (a decimal comma needs quotes, or semicolons between the columns)" : "");
      return;
    }

  x = g_strstrip ((char *) g_ptr_array_index (fields, reader->col_x));
  if (*x == '\0')
    {
      reader_fail (reader, "no value in column x");
      return;
    }
  if (!read_value (reader, reader->col_y, "y", &y))
    return;
  if (reader->col_n >= 0 && !read_value (reader, reader->col_n, "n", &n))
    return;
  if (n < 0)
    {
      reader_fail (reader, "the denominator n cannot be negative");
      return;
    }

  tandem_spc_data_add (reader->data, x, y, n);
  reader->n_rows++;
}

static void
field_read_cb (void   *field,
               size_t  length,
               void   *user_data)
{
  Reader *reader = user_data;

  if (reader->error != NULL)
    return;
  g_ptr_array_add (reader->fields, field != NULL ? g_strndup (field, length) : g_strdup (""));
}

static void
record_read_cb (int   terminator,
                void *user_data)
{
  Reader *reader = user_data;

  if (reader->error == NULL)
    {
      if (!reader->have_header)
        read_header (reader);
      else
        read_row (reader);
    }
  g_ptr_array_set_size (reader->fields, 0);
}

/* The separator is whichever of semicolon, tab and comma the header line
 * (outside quotes) has most of; commas win a tie. */
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

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas)
    return '\t';
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

/**
 * tandem_csv_read_measure:
 * @text: the CSV text
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #TANDEM_SPC_ERROR_PARSE error
 *
 * Reads a measure's observations from CSV.  The header row names the
 * columns x, y and, for a denominator, n (in any order, case ignored; other
 * columns are ignored).  The separator is a comma, a semicolon or a tab,
 * whichever the header uses; with a semicolon or tab a number may have a
 * decimal comma.  A UTF-8 byte-order mark, quoted fields, CRLF line ends and
 * blank rows are fine.  An empty (or NA) y or n is a missing value.  Rows
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
  struct csv_parser parser;
  Reader reader = { 0 };
  const char *invalid;
  gsize len;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  if (!g_utf8_validate (text, len, &invalid))
    {
      guint line = 1;

      for (const char *c = text; c < invalid; c++)
        if (*c == '\n')
          line++;
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE,
                   "Line %u: the text is not UTF-8; save the file as “CSV UTF-8”", line);
      return NULL;
    }

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      g_set_error_literal (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE,
                           "Could not start the CSV parser");
      return NULL;
    }

  reader.delimiter = detect_delimiter (text, len);
  reader.decimal_comma = reader.delimiter != ',';
  reader.fields = g_ptr_array_new_with_free_func (g_free);
  csv_set_delim (&parser, (unsigned char) reader.delimiter);
  csv_set_space_func (&parser, reader.delimiter == '\t' ? is_space_not_tab_cb : is_space_cb);

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

      reader.line++;
      if (parser.pstate == CSV_STATE_ROW_NOT_BEGUN)
        reader.record_line = reader.line;

      parsed = csv_parse (&parser, text + pos, end - pos, field_read_cb, record_read_cb, &reader);
      if (parsed != end - pos && reader.error == NULL)
        {
          reader.record_line = reader.line;
          reader_fail (&reader, "a quotation mark is out of place (a quoted field must be "
                       "quoted from its first to its last character, with quotes inside it "
                       "doubled)");
        }
      pos = end;
    }

  if (reader.error == NULL &&
      csv_fini (&parser, field_read_cb, record_read_cb, &reader) != 0 &&
      reader.error == NULL)
    reader_fail (&reader, "a quoted field is not closed");

  csv_free (&parser);
  g_ptr_array_unref (reader.fields);

  if (reader.error == NULL && !reader.have_header)
    {
      reader.record_line = 1;
      reader_fail (&reader, "the file is empty; it needs a header naming the columns x and y");
    }
  if (reader.error == NULL && reader.n_rows == 0)
    {
      reader.record_line = reader.line + 1;
      reader_fail (&reader, "there are no data below the header");
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
