/* test-csv.c — reading measure data from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-csv.h"

/* The data as "label=y/n;label=y/n" (one entry per subgroup, y and n
 * averaged so the test can see them) by analysing it as a run chart. */
static char *
describe (TandemSpcData *data)
{
  GString *s = g_string_new (NULL);
  g_autoptr(TandemSpcResult) result = NULL;
  TandemSpcOptions options;

  tandem_spc_options_init (&options);
  options.rules = TANDEM_SPC_RULES_ANHOEJ;
  result = tandem_spc_analyse (data, &options, NULL);
  g_assert_nonnull (result);

  for (gsize i = 0; i < result->n_points; i++)
    {
      TandemSpcPoint point;
      char buffer[32];
      char y[G_ASCII_DTOSTR_BUF_SIZE];

      tandem_spc_result_get_point (result, i, &point);
      g_ascii_formatd (y, sizeof y, "%g", point.y);
      g_string_append_printf (s, "%s%s=%s", i ? ";" : "",
                              tandem_spc_result_get_label (result, i, buffer), y);
      if (tandem_spc_data_has_denominators (data))
        {
          char n[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (n, sizeof n, "%g", point.n);
          g_string_append_printf (s, "/%s", n);
        }
    }
  return g_string_free (s, FALSE);
}

static void
assert_reads (const char *csv,
              gssize      length,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSpcData) data = tandem_csv_read_measure (csv, length, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (data);
  got = describe (data);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_fails (const char *csv,
              gssize      length,
              const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemSpcData) data = tandem_csv_read_measure (csv, length, &error);

  g_assert_null (data);
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  if (!g_str_has_prefix (error->message, expected_message))
    g_error ("expected a message starting “%s”, got “%s”", expected_message, error->message);
}

static void
test_comma (void)
{
  assert_reads ("x,y\n1,10\n2,12.5\n3,-4e-1\n", -1, "1=10;2=12.5;3=-0.4");
  /* no newline at the end, spaces around fields, upper-case header */
  assert_reads ("X , Y\n a , 1 \n b ,+2.", -1, "a=1;b=2");
}

static void
test_semicolon_decimal_comma (void)
{
  const char csv[] = "\xEF\xBB\xBFx;y;n\r\n2024-01;1,5;10\r\n2024-02;2,25;20\r\n"
                     "2024-03;3.5;\"40\"\r\n";
  g_autoptr(TandemSpcData) data = tandem_csv_read_measure (csv, -1, NULL);

  g_assert_nonnull (data);
  g_assert_true (tandem_spc_data_has_denominators (data));
  /* the run chart plots Σy / Σn */
  assert_reads (csv, -1, "2024-01=0.15/10;2024-02=0.1125/20;2024-03=0.0875/40");
}

static void
test_tab (void)
{
  assert_reads ("x\ty\nMon\t1,5\nTue\t2\n", -1, "Mon=1.5;Tue=2");
}

static void
test_quoted (void)
{
  const char csv[] = "x,y\n"
                     "\"Jan, 2024\",\"3.5\"\n"
                     "\"two\nlines\",4\n"
                     "\"say \"\"hi\"\"\",5\n";
  g_autoptr(TandemSpcData) data = tandem_csv_read_measure (csv, -1, NULL);

  g_assert_nonnull (data);
  g_assert_cmpuint (tandem_spc_data_get_n_subgroups (data), ==, 3);
  g_assert_cmpstr (tandem_spc_data_get_label (data, 0), ==, "Jan, 2024");
  g_assert_cmpstr (tandem_spc_data_get_label (data, 1), ==, "two\nlines");
  g_assert_cmpstr (tandem_spc_data_get_label (data, 2), ==, "say \"hi\"");

  /* the line count carries on past a field with a line break in it */
  assert_fails ("x,y\n\"two\nlines\",4\n3,abc\n", -1, "Line 4: “abc” is not a number in column y");
  /* and a record that spans lines is reported from where it begins */
  assert_fails ("x,y\n1,2\n\"two\nlines\",abc\n", -1, "Line 3: “abc” is not a number");
}

static void
test_missing (void)
{
  assert_reads ("x,y,n\na,1,2\nb,,4\nc,3,\nd,NA,NA\ne,5,10\n", -1,
                "a=0.5/2;b=nan/nan;c=nan/nan;d=nan/nan;e=0.5/10");
  assert_reads ("x,y\na,\nb,2\n", -1, "a=nan;b=2");
}

static void
test_columns (void)
{
  /* other columns are ignored, the order does not matter */
  assert_reads ("note,y,x,phase\nhello,3,a,1\n\"a, b\",4,b,1\n", -1, "a=3;b=4");
  /* rows with the same x form one subgroup, in order of first appearance */
  assert_reads ("x,y\nb,1\na,2\nb,3\nc,4\na,4\n", -1, "b=2;a=3;c=4");
}

static void
test_blank_rows (void)
{
  assert_reads ("x,y\n\n1,2\n   \n,\n2,3\n,\n", -1, "1=2;2=3");
  assert_fails ("x,y\n\n\n1,abc\n", -1, "Line 4: “abc” is not a number in column y");
}

static void
test_line_ends (void)
{
  assert_fails ("x,y\r\n1,2\r\n2,bad\r\n", -1, "Line 3: “bad” is not a number in column y");
  assert_fails ("x,y\r1,2\r2,bad\r", -1, "Line 3: “bad” is not a number in column y");
  assert_reads ("x,y\r1,2\r2,3", -1, "1=2;2=3");
}

static void
test_errors (void)
{
  assert_fails ("x,y\n1,10\n2,abc\n", -1, "Line 3: “abc” is not a number in column y");
  assert_fails ("x,y,n\n1,2,zz\n", -1, "Line 2: “zz” is not a number in column n");
  assert_fails ("x;y;n\n1;2;5\n2;1;-5\n", -1, "Line 3: the denominator n cannot be negative");
  assert_fails ("x,value\n1,2\n", -1, "Line 1: the header must name the columns x and y");
  assert_fails ("x,y,X\n1,2,3\n", -1, "Line 1: the header names column X twice");
  assert_fails ("x,y\n1,2,3\n", -1, "Line 2: 3 fields, but the header names 2 columns");
  assert_fails ("x,y\n1\n", -1, "Line 2: 1 field, but the header names 2 columns");
  assert_fails ("", -1, "Line 1: the file is empty");
  assert_fails ("\xEF\xBB\xBF", -1, "Line 1: the file is empty");
  assert_fails ("x,y\n", -1, "Line 2: there are no data below the header");
  assert_fails ("x,y\n1,\"2\n", -1, "Line 2: a quoted field is not closed");
  assert_fails ("x,y\n1,2\"3\n", -1, "Line 2: a quotation mark is out of place");
  assert_fails ("x,y\n1,2\n\xff,3\n", -1, "Line 3: the text is not UTF-8");
  assert_fails ("x,y\n1,2\n3\0,4\n", 11, "Line 3: the text is not UTF-8");
  assert_fails ("x,y\n,3\n", -1, "Line 2: no value in column x");
  assert_fails ("x,y\n1,\"1,5\"\n", -1,
                "Line 2: “1,5” is not a number in column y (write decimals with a point");
  assert_fails ("x;y\n1;1.234,5\n", -1, "Line 2: “1.234,5” is not a number");
  assert_fails ("x,y\n1,inf\n", -1, "Line 2: “inf” is not a number");
  assert_fails ("x,y\n1,0x10\n", -1, "Line 2: “0x10” is not a number");
  assert_fails ("x,y\n1,1e\n", -1, "Line 2: “1e” is not a number");
  assert_fails ("x,y\n1,.\n", -1, "Line 2: “.” is not a number");
  assert_fails ("x,y\n1,1e999\n", -1, "Line 2: “1e999” is too large a number in column y");
  assert_fails ("x,y\n1,12345678901234567890123456789012345678901234567890x\n", -1,
                "Line 2: “1234567890123456789012345678901234567890…” is not a number");
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TandemSpcData) data = NULL;
  g_autoptr(TandemSpcData) missing = NULL;
  int fd;

  fd = g_file_open_tmp ("test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, "x,y\n1,2\n2,4\n", -1, &error);
  g_assert_no_error (error);

  data = tandem_csv_read_measure_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_spc_data_get_n_subgroups (data), ==, 2);
  g_unlink (path);

  missing = tandem_csv_read_measure_file (path, &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* ------------------------------------------------------------------------ */
/* The one reader of delimited text, under the measure reader and the import */

typedef struct
{
  GString *rows;
  guint    stop_at;   /* fail on this row (1-based), or 0 */
  guint    n_rows;
} Collected;

static gboolean
collect_cb (TandemCsvRow  *row,
            gpointer       user_data,
            GError       **error)
{
  Collected *collected = user_data;

  g_assert_cmpuint (g_strv_length (row->cells), ==, row->n_cells);
  collected->n_rows++;
  if (collected->rows->len > 0)
    g_string_append_c (collected->rows, '/');
  g_string_append_printf (collected->rows, "%u:", row->line);
  for (guint i = 0; i < row->n_cells; i++)
    g_string_append_printf (collected->rows, "%s%s", i ? "|" : "", row->cells[i]);

  if (collected->stop_at > 0 && --collected->stop_at == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "stopped at line %u", row->line);
      return FALSE;
    }
  return TRUE;
}

/* The rows read, as "line:cell|cell/line:cell|cell", and the separator. */
static char *
read_rows (const char *text,
           gssize      length,
           char        delimiter,
           char       *used)
{
  Collected collected = { g_string_new (NULL), 0, 0 };
  TandemCsvSummary summary;
  g_autoptr(GError) error = NULL;

  gboolean read = tandem_csv_read (text, length, delimiter, collect_cb, &collected, &summary,
                                   &error);

  if (error != NULL)
    g_error ("“%.60s” was refused: %s", text, error->message);
  g_assert_true (read);
  g_assert_cmpuint (summary.n_rows, ==, collected.n_rows);
  if (used != NULL)
    *used = summary.delimiter;
  return g_string_free (collected.rows, FALSE);
}

static void
assert_rows (const char *text,
             char        delimiter,
             char        expected_delimiter,
             const char *expected)
{
  char used = 0;
  g_autofree char *got = read_rows (text, -1, delimiter, &used);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (used, ==, expected_delimiter);
}

static void
assert_refused (const char *text,
                gssize      length,
                const char *expected_message)
{
  Collected collected = { g_string_new (NULL), 0, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_csv_read (text, length, 0, collect_cb, &collected, NULL, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  if (!g_str_has_prefix (error->message, expected_message))
    g_error ("expected a message starting “%s”, got “%s”", expected_message, error->message);
  g_string_free (collected.rows, TRUE);
}

static void
test_reader_delimiters (void)
{
  assert_rows ("a,b\n1,2\n", 0, ',', "1:a|b/2:1|2");
  assert_rows ("a;b\n1,5;2\n", 0, ';', "1:a|b/2:1,5|2");
  assert_rows ("a\tb\n1,5\t2\n", 0, '\t', "1:a|b/2:1,5|2");
  /* separators inside quotes do not count */
  assert_rows ("\"a;b;c\",d\n", 0, ',', "1:a;b;c|d");
  /* pasted cells: a tab wins a tie with commas or semicolons in the cells */
  assert_rows ("Jan, 2024\t3\n", 0, '\t', "1:Jan, 2024|3");
  assert_rows ("a;b\tc\n", 0, '\t', "1:a;b|c");
  /* semicolons must outnumber commas */
  assert_rows ("a;b,c\n", 0, ',', "1:a;b|c");
  assert_rows ("a;b,c;d\n", 0, ';', "1:a|b,c|d");
  /* a text with no separator is one column */
  assert_rows ("value\n3\n", 0, ',', "1:value/2:3");
  /* the caller may say which */
  assert_rows ("a;b,c\n", ';', ';', "1:a|b,c");
  /* spaces (and tabs, unless they separate) around unquoted cells go */
  assert_rows (" a ,\tb\t,\" c \", d\n", 0, ',', "1:a|b| c |d");
  assert_rows (" a \t b \n", 0, '\t', "1:a|b");
}

static void
test_reader_quotes (void)
{
  assert_rows ("x,y\n\"a, b\",\"two\nlines\"\n\"say \"\"hi\"\"\",3\n\"\",4\n", 0, ',',
               "1:x|y/2:a, b|two\nlines/4:say \"hi\"|3/5:|4");
  /* a quoted cell may hold a Windows line end */
  assert_rows ("x;y\r\n\"one\r\ntwo\";1\r\n3;4\r\n", 0, ';', "1:x|y/2:one\r\ntwo|1/4:3|4");
  assert_refused ("x,y\n1,\"2\n3,4\n", -1, "Line 2: a quoted field is not closed");
  assert_refused ("x,y\n1,2\n3,4\"5\n", -1, "Line 3: a quotation mark is out of place");
  assert_refused ("x,y\n\"a\nb\"c,1\n", -1, "Line 3: a quotation mark is out of place");
}

static void
test_reader_bom_line_ends (void)
{
  assert_rows ("\xEF\xBB\xBF" "a;b\r\n1;2\r\n\r\n3;4\r\n", 0, ';', "1:a|b/2:1|2/4:3|4");
  assert_rows ("a,b\r1,2\r\r3,4", 0, ',', "1:a|b/2:1|2/4:3|4");
  assert_rows ("a,b\n1,2", 0, ',', "1:a|b/2:1|2");
  /* only a byte-order mark at the start is taken away */
  assert_rows ("a,\xEF\xBB\xBF" "b\n", 0, ',', "1:a|\xEF\xBB\xBF" "b");
}

static void
test_reader_blank_and_empty (void)
{
  TandemCsvSummary summary;
  Collected collected = { g_string_new (NULL), 0, 0 };
  g_autoptr(GError) error = NULL;

  /* blank rows (no cells, or only empty or white cells) are not rows */
  assert_rows ("a,b\n\n , \n,\n\"\",\" \"\n1,2\n", 0, ',', "1:a|b/6:1|2");

  /* empty text is no error for the reader: its callers say what they need */
  g_assert_true (tandem_csv_read ("", -1, 0, collect_cb, &collected, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_rows, ==, 0);
  g_assert_cmpuint (summary.n_lines, ==, 0);
  g_assert_true (tandem_csv_read ("\xEF\xBB\xBF\r\n\n,,\n", -1, 0, collect_cb, &collected,
                                  &summary, &error));
  g_assert_cmpuint (summary.n_rows, ==, 0);
  g_assert_cmpuint (summary.n_lines, ==, 3);
  g_assert_cmpstr (collected.rows->str, ==, "");
  g_string_free (collected.rows, TRUE);

  assert_fails ("", -1, "Line 1: the file is empty");
  assert_fails ("\n\n,\n", -1, "Line 1: the file is empty");

  /* a header alone: one row for the reader, no data for the measure */
  assert_rows ("x,y\n", 0, ',', "1:x|y");
  assert_fails ("x,y\n", -1, "Line 2: there are no data below the header");
  assert_fails ("x,y\r\n\r\n", -1, "Line 3: there are no data below the header");
}

static void
test_reader_ragged (void)
{
  /* the reader passes rows as they are, each with its line */
  assert_rows ("a,b\n1,2,3\n\n4\n", 0, ',', "1:a|b/2:1|2|3/4:4");
  /* the measure reader names the row that does not fit its header */
  assert_fails ("x,y\n1,2\n\n3\n", -1, "Line 4: 1 field, but the header names 2 columns");
  assert_fails ("x;y\n1;2;3\n", -1, "Line 2: 3 fields, but the header names 2 columns");
  assert_fails ("x,y\n1,2,5\n", -1, "Line 2: 3 fields, but the header names 2 columns "
                "(a decimal comma needs quotes, or semicolons between the columns)");
}

static void
test_reader_not_text (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char xlsx[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\xb5U";
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";

  assert_refused ("a,b\n1,\xff\n", -1, "Line 2: the text is not UTF-8");
  assert_refused ("a,b\r1,2\r\xc3(\r", -1, "Line 3: the text is not UTF-8");
  assert_refused ("a,b\n1,2\0,3\n", 10, "Line 2: the text is not UTF-8");
  assert_refused (png, sizeof png - 1, "Line 1: the text is not UTF-8");
  /* a workbook saved as it is, not as CSV, is named as such */
  assert_refused (xlsx, sizeof xlsx - 1,
                  "Line 1: the text is not UTF-8: this is a spreadsheet workbook, not CSV");
  assert_refused (xls, sizeof xls - 1,
                  "Line 1: the text is not UTF-8: this is a spreadsheet workbook, not CSV");
  /* Latin-1, as an old spreadsheet saves “£” */
  assert_fails ("x,y\n\xa3" "5,1\n", -1, "Line 2: the text is not UTF-8");
}

static void
test_reader_limits (void)
{
  g_autoptr(GString) text = g_string_new ("x,y\n");
  g_autofree char *got = NULL;

  /* a row of just the most text is read … */
  g_string_append (text, "1,");
  while (text->len < 4 + TANDEM_CSV_MAX_ROW_BYTES - 1)
    g_string_append_c (text, 'a');
  g_string_append_c (text, '\n');
  got = read_rows (text->str, text->len, 0, NULL);
  g_assert_cmpuint (strlen (got), ==, strlen ("1:x|y/2:1|") + TANDEM_CSV_MAX_ROW_BYTES - 3);

  /* … a byte more is refused, naming the line, before any more is read */
  g_string_insert_c (text, 6, 'a');
  g_string_append (text, "3,4\n");
  assert_refused (text->str, text->len, "Line 2: the row holds more than 1 MiB of text");

  /* a quoted cell with line breaks counts with its row, from where it began */
  g_string_assign (text, "x,y\n1,\"");
  while (text->len < TANDEM_CSV_MAX_ROW_BYTES + 10)
    g_string_append (text, "many lines\n");
  g_string_append (text, "\"\n");
  assert_refused (text->str, text->len, "Line 2: the row holds more than 1 MiB of text");

  /* as many cells as a spreadsheet has columns, and no more */
  g_string_assign (text, "");
  for (guint i = 0; i < TANDEM_CSV_MAX_CELLS; i++)
    g_string_append (text, i ? ",1" : "1");
  g_string_append_c (text, '\n');
  g_clear_pointer (&got, g_free);
  got = read_rows (text->str, text->len, 0, NULL);
  g_assert_cmpuint (strlen (got), ==, strlen ("1:") + 2 * TANDEM_CSV_MAX_CELLS - 1);
  g_string_prepend (text, "1,");
  assert_refused (text->str, text->len, "Line 1: the row has more than 16384 cells");

  /* the measure reader refuses them the same way */
  g_string_prepend (text, "x,y\n");
  assert_fails (text->str, text->len, "Line 2: the row has more than 16384 cells");
}

static void
test_reader_stops (void)
{
  Collected collected = { g_string_new (NULL), 2, 0 };
  g_autoptr(GError) error = NULL;

  /* the row function's error ends the reading, and is the reader's */
  g_assert_false (tandem_csv_read ("a\nb\nc\n", -1, 0, collect_cb, &collected, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "stopped at line 2");
  g_assert_cmpstr (collected.rows->str, ==, "1:a/2:b");
  g_string_free (collected.rows, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/comma", test_comma);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/tab", test_tab);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/missing", test_missing);
  g_test_add_func ("/csv/columns", test_columns);
  g_test_add_func ("/csv/blank-rows", test_blank_rows);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/file", test_file);
  g_test_add_func ("/csv/reader/delimiters", test_reader_delimiters);
  g_test_add_func ("/csv/reader/quotes", test_reader_quotes);
  g_test_add_func ("/csv/reader/bom-line-ends", test_reader_bom_line_ends);
  g_test_add_func ("/csv/reader/blank-and-empty", test_reader_blank_and_empty);
  g_test_add_func ("/csv/reader/ragged", test_reader_ragged);
  g_test_add_func ("/csv/reader/not-text", test_reader_not_text);
  g_test_add_func ("/csv/reader/limits", test_reader_limits);
  g_test_add_func ("/csv/reader/stops", test_reader_stops);

  return g_test_run ();
}
