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

  return g_test_run ();
}
