/* test-measure.c — reading measures for charting, and importing their data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tandem-change.h"
#include "tandem-contributions.h"
#include "tandem-csv.h"
#include "tandem-measure.h"
#include "tandem-project-private.h"
#include "tandem-project.h"
#include "tandem-sample.h"
#include "tandem-table-import.h"
#include "tandem-test-core-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  TandemProject *project;
  char          *team;
  char          *measure;
} Fixture;

static char *
insert (TandemProject     *project,
        const char        *entity,
        const TandemField *fields,
        guint              n)
{
  g_autoptr(GError) error = NULL;
  char *id;

  g_assert_true (tandem_project_begin (project, "test", &error));
  id = tandem_project_insert (project, entity, fields, n, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_project_commit (project, &error));
  return id;
}

static void
add_point (Fixture    *fixture,
           const char *date,
           double      value,
           double      n,
           gboolean    excluded)
{
  TandemField fields[] = {
    { "measure_id", tandem_value_text (fixture->measure) },
    { "date", tandem_value_text (date) },
    { "value", isnan (value) ? tandem_value_null () : tandem_value_double (value) },
    { "denominator", isnan (n) ? tandem_value_null () : tandem_value_double (n) },
    { "excluded", tandem_value_int (excluded) },
  };
  g_free (insert (fixture->project, "data_point", fields, G_N_ELEMENTS (fields)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = create_project_in_tmp ("tandem-measure-XXXXXX", "m.tandem", &fixture->dir,
                                           &fixture->path);
  {
    TandemField team[] = { { "name", tandem_value_text ("Rowan View") } };
    fixture->team = insert (fixture->project, "team", team, 1);
  }
  {
    TandemField measure[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Falls") },
      { "chart_type", tandem_value_text ("i") },
      { "unit", tandem_value_text ("falls") },
      { "direction", tandem_value_text ("decrease") },
      { "target", tandem_value_double (3) },
    };
    fixture->measure = insert (fixture->project, "measure", measure, G_N_ELEMENTS (measure));
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
  free_tmp (&fixture->dir, &fixture->path);
  g_free (fixture->team);
  g_free (fixture->measure);
}

/* A setting the setter does not change is refused by name, and nothing is
 * saved. */
static void
test_unknown_setting (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_false (tandem_measure_set_field (fixture->project, fixture->measure, "colour",
                                            TANDEM_UNCHECKED, tandem_value_text ("red"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "a measure has no setting called “colour”");
  g_clear_error (&error);
  name = tandem_project_get_text (fixture->project, "measure", fixture->measure, "name");
  g_assert_cmpstr (name, ==, "Falls");
  g_clear_pointer (&name, g_free);
  g_assert_true (tandem_measure_set_field (fixture->project, fixture->measure, "name", "Falls",
                                           tandem_value_text ("Falls at night"), &error));
  g_assert_no_error (error);
  name = tandem_project_get_text (fixture->project, "measure", fixture->measure, "name");
  g_assert_cmpstr (name, ==, "Falls at night");
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(GPtrArray) list = NULL;

  add_point (fixture, "2026-01-12", 5, NAN, FALSE);
  add_point (fixture, "2026-01-05", 7, NAN, FALSE);
  add_point (fixture, "2026-01-19", NAN, NAN, TRUE);

  list = tandem_measure_list (fixture->project, fixture->team, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TandemMeasure *) list->pdata[0])->name, ==, "Falls");
  g_assert_cmpuint (((TandemMeasure *) list->pdata[0])->points->len, ==, 0);

  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measure->chart, ==, TANDEM_SPC_CHART_I);
  g_assert_cmpint (measure->direction, ==, TANDEM_SPC_DIRECTION_DECREASE);
  g_assert_cmpfloat (measure->target, ==, 3);
  g_assert_cmpint (measure->rules, ==, TANDEM_SPC_RULES_DEFAULT);
  g_assert_cmpint (tandem_measure_get_rules (measure), ==, TANDEM_SPC_RULES_MDC);
  g_assert_cmpuint (measure->points->len, ==, 3);
  /* In date order, whatever the order of entry. */
  g_assert_cmpstr (((TandemDataPoint *) measure->points->pdata[0])->date, ==, "2026-01-05");
  g_assert_true (isnan (((TandemDataPoint *) measure->points->pdata[2])->value));
  g_assert_true (((TandemDataPoint *) measure->points->pdata[2])->excluded);

  g_assert_null (tandem_measure_load (fixture->project, "no-such-id", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tandem_measure_find (fixture->project, "Falls", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->measure);
  g_assert_null (tandem_measure_find (fixture->project, "Nothing", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    TandemField again[] = {
      { "team_id", tandem_value_text (fixture->team) },
      { "name", tandem_value_text ("Falls") },
    };
    g_free (insert (fixture->project, "measure", again, 2));
  }
  g_assert_null (tandem_measure_find (fixture->project, "Falls", &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
}

/* Phases split at their date, points of one date are one subgroup, and a
 * date whose every value is excluded is excluded. */
static void
test_analyse (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemSpcResult) result = NULL;
  TandemSpcPoint point;
  const double values[] = { 10, 12, 11, 13, 12, 10, 11, 4, 5, 4, 6, 5, 4, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02u", i + 1);
      add_point (fixture, date, values[i], NAN, i == 3);
    }
  /* A second value on 1 February: the subgroup's value is the mean. */
  add_point (fixture, "2026-02-01", 14, NAN, FALSE);
  {
    TandemField phase[] = {
      { "measure_id", tandem_value_text (fixture->measure) },
      { "starts_on", tandem_value_text ("2026-02-08") },
      { "label", tandem_value_text ("New policy") },
    };
    g_free (insert (fixture->project, "phase", phase, G_N_ELEMENTS (phase)));
  }

  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_no_error (error);
  result = tandem_measure_analyse (measure, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_points, ==, G_N_ELEMENTS (values));
  g_assert_cmpuint (result->n_phases, ==, 2);
  g_assert_cmpuint (result->phases[0].last, ==, 7);
  g_assert_cmpuint (result->phases[1].first, ==, 8);
  g_assert_cmpint (result->rules, ==, TANDEM_SPC_RULES_MDC);

  tandem_spc_result_get_point (result, 0, &point);
  g_assert_cmpfloat_with_epsilon (point.y, 12, 1e-9);
  tandem_spc_result_get_point (result, 3, &point);
  g_assert_false (point.included);
  g_assert_cmpuint (result->phases[0].n_obs, ==, 6);
  /* Phase 1's mean leaves out the excluded 13: (12+12+11+12+10+11)/6. */
  tandem_spc_result_get_point (result, 1, &point);
  g_assert_cmpfloat_with_epsilon (point.cl, 68.0 / 6, 1e-9);

  g_assert_cmpint (tandem_measure_point_at (result, "2026-02-08"), ==, 7);
  g_assert_cmpint (tandem_measure_point_at (result, "2026-01-01"), ==, 0);
  g_assert_cmpint (tandem_measure_point_at (result, "2026-03-01"), ==, -1);
}

/* Weekly incidents on an I chart: the calculated lower limit is below zero,
 * where no count can be, so the chart holds it at 0 and says so. */
static void
test_analyse_floor (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *json = NULL;
  TandemSpcPoint point;
  const double values[] = { 3, 0, 7, 1, 5, 0, 9, 2, 0, 6, 1, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", i + 1);
      add_point (fixture, date, values[i], NAN, FALSE);
    }
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_no_error (error);
  result = tandem_measure_analyse (measure, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < result->n_points; i++)
    {
      tandem_spc_result_get_point (result, i, &point);
      g_assert_cmpfloat (point.lcl, ==, 0);
      g_assert_cmpfloat (point.lcl95, >=, 0);
      g_assert_cmpfloat (point.ucl, >, point.cl);
    }
  g_assert_true (result->phases[0].lcl_floored);
  g_assert_false (result->phases[0].ucl_capped);
  g_assert_cmpfloat (result->phases[0].lcl_mean, ==, 0);
  json = tandem_spc_result_to_json (result);
  g_assert_nonnull (strstr (json, "\"lower_bound\": 0.0"));
  g_assert_nonnull (strstr (json, "\"lcl_floored\": true"));
  g_assert_null (strstr (json, "\"lcl\": -"));
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-measure-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.tandem", NULL);
  g_autoptr(TandemProject) project = tandem_project_create (path, &error);
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemSpcResult) result = NULL;
  g_autofree char *id = NULL;

  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  id = tandem_measure_find (project, "Restrictive practice incidents", &error);
  g_assert_no_error (error);
  measure = tandem_measure_load (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measure->points->len, ==, 52);
  g_assert_cmpuint (measure->phases->len, ==, 1);
  g_assert_cmpuint (measure->annotations->len, ==, 3);
  /* The annotation names the PDSA cycle it belongs to. */
  g_assert_nonnull (((TandemAnnotation *) measure->annotations->pdata[0])->linked_title);
  result = tandem_measure_analyse (measure, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_phases, ==, 2);

  g_clear_object (&project);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */

static void
test_dates (void)
{
  char date[11];

  g_assert_true (tandem_parse_date ("2026-03-02", TANDEM_DATE_ISO, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
  g_assert_true (tandem_parse_date ("2/3/2026", TANDEM_DATE_DMY, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
  g_assert_true (tandem_parse_date ("02.03.26", TANDEM_DATE_DMY, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
  g_assert_true (tandem_parse_date ("03/02/2026", TANDEM_DATE_MDY, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
  g_assert_true (tandem_parse_date ("03/2026", TANDEM_DATE_MY, date));
  g_assert_cmpstr (date, ==, "2026-03-01");
  g_assert_true (tandem_parse_date ("2026-03", TANDEM_DATE_MY, date));
  g_assert_cmpstr (date, ==, "2026-03-01");
  /* Excel: 1 is 1900-01-01, 60 the 29 February 1900 that never was, 61 is 1 March. */
  g_assert_true (tandem_parse_date ("46083", TANDEM_DATE_EXCEL, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
  g_assert_true (tandem_parse_date ("1", TANDEM_DATE_EXCEL, date));
  g_assert_cmpstr (date, ==, "1900-01-01");
  g_assert_true (tandem_parse_date ("61", TANDEM_DATE_EXCEL, date));
  g_assert_cmpstr (date, ==, "1900-03-01");
  g_assert_true (tandem_parse_date ("2026-03-02 00:00:00", TANDEM_DATE_ISO, date));
  g_assert_cmpstr (date, ==, "2026-03-02");

  g_assert_false (tandem_parse_date ("31/02/2026", TANDEM_DATE_DMY, date));
  g_assert_false (tandem_parse_date ("2026-13-01", TANDEM_DATE_ISO, date));
  g_assert_false (tandem_parse_date ("week 3", TANDEM_DATE_AUTO, date));
  g_assert_false (tandem_parse_date ("", TANDEM_DATE_AUTO, date));
  g_assert_true (tandem_parse_date ("02/03/2026", TANDEM_DATE_AUTO, date));
  g_assert_cmpstr (date, ==, "2026-03-02");
}

static void
test_numbers (void)
{
  double v;

  g_assert_true (tandem_parse_number (" 3.5 ", FALSE, &v));
  g_assert_cmpfloat (v, ==, 3.5);
  g_assert_true (tandem_parse_number ("3,5", TRUE, &v));
  g_assert_cmpfloat (v, ==, 3.5);
  g_assert_false (tandem_parse_number ("3,5", FALSE, &v));
  g_assert_true (tandem_parse_number ("", FALSE, &v));
  g_assert_true (isnan (v));
  g_assert_true (tandem_parse_number ("NA", FALSE, &v));
  g_assert_true (isnan (v));
  g_assert_true (tandem_parse_number ("-1e3", FALSE, &v));
  g_assert_cmpfloat (v, ==, -1000);
  g_assert_false (tandem_parse_number ("1,000.5", FALSE, &v));
  g_assert_false (tandem_parse_number ("twelve", FALSE, &v));
  g_assert_false (tandem_parse_number ("inf", FALSE, &v));
  /* Longer than the copy a number is usually read from. */
  g_assert_true (tandem_parse_number ("\t 0000000000000000000000000000000000000000000000000000000000000002,5 ",
                                      TRUE, &v));
  g_assert_cmpfloat (v, ==, 2.5);
  g_assert_false (tandem_parse_number ("0000000000000000000000000000000000000000000000000000000000000002,5x",
                                       TRUE, &v));
}

/* A spreadsheet from a European desktop: BOM, semicolons, decimal commas,
 * day-first dates, CRLF, a quoted note with the separator inside. */
static void
test_import_semicolons (void)
{
  const char text[] = "\xEF\xBB\xBF" "Week;Count;Beds;Note\r\n"
                      "02/03/2026;3,5;20;\"first; quiet\"\r\n"
                      "09/03/2026;4;21;\r\n"
                      "\r\n"
                      "16/03/2026;;22;missing\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse (text, -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  TandemImportOptions options;
  const TandemImportRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpstr (tandem_table_get_cell (table, 0, 0), ==, "Week");
  g_assert_cmpuint (g_array_index (table->lines, guint, 3), ==, 5);

  tandem_table_guess_options (table, &options);
  g_assert_true (options.has_header);
  g_assert_cmpint (options.date_column, ==, 0);
  g_assert_cmpint (options.value_column, ==, 1);
  g_assert_cmpint (options.note_column, ==, 3);
  g_assert_cmpint (options.date_format, ==, TANDEM_DATE_DMY);
  g_assert_true (options.decimal_comma);

  options.denominator_column = 2;
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->rows->len, ==, 3);
  row = import->rows->pdata[0];
  g_assert_cmpstr (row->date, ==, "2026-03-02");
  g_assert_cmpfloat (row->value, ==, 3.5);
  g_assert_cmpfloat (row->denominator, ==, 20);
  g_assert_cmpstr (row->note, ==, "first; quiet");
  row = import->rows->pdata[2];
  g_assert_true (isnan (row->value));
  g_assert_cmpuint (row->line, ==, 5);
}

/* Bad rows are listed with their line and reason; good rows are kept. */
static void
test_import_bad_rows (void)
{
  const char text[] = "date,value,n\n"
                      "2026-01-05,4,10\n"
                      "2026-02-30,5,10\n"
                      "2026-01-19,five,10\n"
                      "2026-01-26,6,-1\n"
                      ",7,10\n"
                      "2026-02-02,8,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse (text, -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  TandemImportOptions options;
  const TandemImportProblem *problem;

  g_assert_no_error (error);
  tandem_table_guess_options (table, &options);
  g_assert_cmpint (options.denominator_column, ==, 2);
  g_assert_cmpint (options.date_format, ==, TANDEM_DATE_ISO);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->rows->len, ==, 2);
  g_assert_cmpuint (import->problems->len, ==, 4);
  problem = import->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->reason, "2026-02-30"));
  problem = import->problems->pdata[1];
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->reason, "five"));
  problem = import->problems->pdata[2];
  g_assert_nonnull (strstr (problem->reason, "below zero"));
  problem = import->problems->pdata[3];
  g_assert_nonnull (strstr (problem->reason, "empty"));
}

/* Impossible dates are refused with their line, never cut short to a date
 * that exists (2020-01-257 is not 2020-01-25) or stored as typed. */
static void
test_import_impossible_dates (void)
{
  const char text[] = "date,value\n"
                      "2020-01-01,1\n"
                      "2020-01-257,2\n"
                      "2020-05-513,3\n"
                      "2021-02-29,4\n"
                      "2020-13-01,5\n"
                      "2020-1-1x,6\n"
                      "2020-02-29,7\n"
                      "2020-01-02 7,8\n"
                      "2020-00-10,9\n"
                      "2020-01-2020,10\n"
                      "2020-01-03 00:00:00,11\n";
  static const guint bad_lines[] = { 3, 4, 5, 6, 7, 9, 10, 11 };
  static const char * const bad_cells[] = {
    "2020-01-257", "2020-05-513", "2021-02-29", "2020-13-01", "2020-1-1x",
    "2020-01-02 7", "2020-00-10", "2020-01-2020",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse (text, -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  TandemImportOptions options;

  g_assert_no_error (error);
  tandem_table_guess_options (table, &options);
  g_assert_cmpint (options.date_format, ==, TANDEM_DATE_ISO);
  import = tandem_table_import (table, &options);

  g_assert_cmpuint (import->problems->len, ==, G_N_ELEMENTS (bad_lines));
  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      const TandemImportProblem *problem = import->problems->pdata[i];

      g_assert_cmpuint (problem->line, ==, bad_lines[i]);
      g_assert_nonnull (strstr (problem->reason, bad_cells[i]));
    }
  g_assert_cmpuint (import->rows->len, ==, 3);
  g_assert_cmpstr (((TandemImportRow *) import->rows->pdata[0])->date, ==, "2020-01-01");
  g_assert_cmpstr (((TandemImportRow *) import->rows->pdata[1])->date, ==, "2020-02-29");
  g_assert_cmpstr (((TandemImportRow *) import->rows->pdata[2])->date, ==, "2020-01-03");
}

/* Every format reads the whole text, strictly, and only dates that exist. */
static void
test_dates_strict (void)
{
  static const struct { const char *text; TandemDateFormat format; } bad[] = {
    { "2020-01-257", TANDEM_DATE_ISO }, { "2020-05-513", TANDEM_DATE_ISO },
    { "2021-02-29", TANDEM_DATE_ISO }, { "2020-13-01", TANDEM_DATE_ISO },
    { "2020-1-1x", TANDEM_DATE_ISO }, { "2020-01-01x", TANDEM_DATE_ISO },
    { "2020-01-257", TANDEM_DATE_AUTO }, { "2020-05-513", TANDEM_DATE_AUTO },
    { "2020-+1-01", TANDEM_DATE_ISO }, { "2020- 1-01", TANDEM_DATE_ISO },
    { "2020-01/02", TANDEM_DATE_ISO }, { "02020-01-02", TANDEM_DATE_ISO },
    { "2020-01-02 25:00", TANDEM_DATE_ISO }, { "2020-01-02 junk", TANDEM_DATE_ISO },
    { "2020-01-02T", TANDEM_DATE_ISO }, { "1899-12-31", TANDEM_DATE_ISO },
    { "31/04/2026", TANDEM_DATE_DMY }, { "29/02/2021", TANDEM_DATE_DMY },
    { "1/1/202", TANDEM_DATE_DMY }, { "01/01/20260", TANDEM_DATE_DMY },
    { "001/01/2026", TANDEM_DATE_DMY }, { "01/01/2026x", TANDEM_DATE_DMY },
    { "02/30/2026", TANDEM_DATE_MDY }, { "13/2026", TANDEM_DATE_MY },
    { "2026-003", TANDEM_DATE_MY }, { "0", TANDEM_DATE_EXCEL },
    { "46083x", TANDEM_DATE_EXCEL },
    { "2020-01-25T10:30:00.000000000000000000000000000000000000000000000000000000000001Y",
      TANDEM_DATE_AUTO },
  };
  static const struct { const char *text; TandemDateFormat format; const char *date; } good[] = {
    { "2020-02-29", TANDEM_DATE_ISO, "2020-02-29" }, { "2000-02-29", TANDEM_DATE_ISO, "2000-02-29" },
    { " 2020-01-25 ", TANDEM_DATE_ISO, "2020-01-25" }, { "2020/1/5", TANDEM_DATE_ISO, "2020-01-05" },
    { "2020-01-25T10:30:00Z", TANDEM_DATE_ISO, "2020-01-25" },
    { "2020-01-25 10:30", TANDEM_DATE_ISO, "2020-01-25" },
    { "29/02/2024", TANDEM_DATE_DMY, "2024-02-29" }, { "29.2.24", TANDEM_DATE_DMY, "2024-02-29" },
    { "2/29/2024", TANDEM_DATE_MDY, "2024-02-29" }, { "12/2026", TANDEM_DATE_MY, "2026-12-01" },
    { "2020-02-29", TANDEM_DATE_AUTO, "2020-02-29" },
    /* Longer than the text a date is read from in place. */
    { "\t                                                                 2020-01-25 \n",
      TANDEM_DATE_ISO, "2020-01-25" },
    { "2020-01-25T10:30:00.000000000000000000000000000000000000000000000000000000000001Z",
      TANDEM_DATE_AUTO, "2020-01-25" },
  };
  static const char * const bad_iso[] = {
    "2020-01-257", "2020-05-513", "2021-02-29", "2020-13-01", "2020-1-1x", "2020-1-01",
    "2020/01/01", "01/01/2020", "2020-01-01 10:00", "2020-01-01x", "", "2020-02-30",
  };
  char date[11];

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (tandem_parse_date (bad[i].text, bad[i].format, date))
      g_error ("“%s” was read as %s", bad[i].text, date);
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (tandem_parse_date (good[i].text, good[i].format, date));
      g_assert_cmpstr (date, ==, good[i].date);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_iso); i++)
    if (tandem_parse_iso_date (bad_iso[i], date))
      g_error ("“%s” was read as %s", bad_iso[i], date);
  g_assert_true (tandem_parse_iso_date ("2020-02-29", date));
  g_assert_cmpstr (date, ==, "2020-02-29");
  g_assert_true (tandem_parse_iso_date (" 2026-12-01 ", date));
  g_assert_cmpstr (date, ==, "2026-12-01");
}

/* Every date field of a form takes the same forms: day first with the whole
 * year, or year-month-day; and every date in Tandem's words is shown one way. */
static void
test_typed_dates (void)
{
  static const struct { const char *text; const char *date; } good[] = {
    { "20/11/2026", "2026-11-20" }, { " 1/2/2027 ", "2027-02-01" }, { "20-11-2026", "2026-11-20" },
    { "20.11.2026", "2026-11-20" }, { "2026-11-20", "2026-11-20" }, { "29/02/2028", "2028-02-29" },
  };
  static const char * const bad[] = {
    "", "20/11/26", "11/2026", "2026/11/20", "31/04/2026", "29/02/2027", "20/11/2026 10:00",
    "2026-11-20x", "+1/2/2027", "46083", "next Tuesday",
  };
  g_autoptr(GError) error = NULL;
  char date[11];

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (tandem_read_typed_date (good[i].text, date, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (date, ==, good[i].date);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (tandem_read_typed_date (bad[i], date, &error))
        g_error ("“%s” was read as %s", bad[i], date);
      g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "31/12/2026 or 2026-12-31"));
      g_clear_error (&error);
    }

  {
    g_autofree char *day = tandem_describe_date ("2026-11-27");
    g_autofree char *with_time = tandem_describe_date ("2026-01-09T10:30:00Z");
    g_autofree char *not_a_date = tandem_describe_date ("soon");

    g_assert_cmpstr (day, ==, "27 Nov 2026");
    g_assert_cmpstr (with_time, ==, "9 Jan 2026");
    g_assert_cmpstr (not_a_date, ==, "soon");
    g_assert_null (tandem_describe_date (NULL));
  }
}

static void
test_import_pasted (void)
{
  /* Cells copied from a spreadsheet: tabs, no header, Excel day numbers. */
  const char text[] = "46083\t12\n46090\t15\n46097\t9\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse (text, -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  TandemImportOptions options;

  g_assert_no_error (error);
  g_assert_cmpint (table->delimiter, ==, '\t');
  tandem_table_guess_options (table, &options);
  g_assert_false (options.has_header);
  g_assert_cmpint (options.date_format, ==, TANDEM_DATE_EXCEL);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->rows->len, ==, 3);
  g_assert_cmpstr (((TandemImportRow *) import->rows->pdata[1])->date, ==, "2026-03-09");

  /* Months, written month/year. */
  {
    g_autoptr(TandemTable) months = tandem_table_parse ("Month,Admissions\n01/2026,30\n02/2026,28\n",
                                                        -1, 0, &error);
    g_autoptr(TandemImport) read = NULL;

    g_assert_no_error (error);
    tandem_table_guess_options (months, &options);
    g_assert_cmpint (options.date_format, ==, TANDEM_DATE_MY);
    read = tandem_table_import (months, &options);
    g_assert_cmpuint (read->rows->len, ==, 2);
    g_assert_cmpstr (((TandemImportRow *) read->rows->pdata[1])->date, ==, "2026-02-01");
  }
}

static void
test_import_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tandem_table_parse ("a,b\n\"open,1\n", -1, 0, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  g_assert_null (tandem_table_parse ("a,b\n1,\xff\n", -1, 0, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  g_assert_null (tandem_table_parse ("\n\n", -1, 0, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
}

/* A row with more cells than the header names is a problem, not data read
 * from the wrong columns: "3,5" in a comma-separated file is not 3. */
static void
test_import_ragged (void)
{
  const char text[] = "date,value\n"
                      "2026-01-05,3,5\n"
                      "2026-01-12,4\n"
                      "2026-01-19,6,\n"
                      "2026-01-26\n";
  /* a header; dates, values; no denominators, no notes; ISO dates, decimal points */
  TandemImportOptions options = { TRUE, 0, 1, -1, -1, TANDEM_DATE_ISO, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse (text, -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  const TandemImportProblem *problem;

  g_assert_no_error (error);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->problems->len, ==, 1);
  problem = import->problems->pdata[0];
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->reason, ==, "3 fields, but the header names 2 columns (a decimal "
                   "comma needs quotes, or semicolons between the columns)");
  /* an empty cell past the header, or cells missing at the end, are fine */
  g_assert_cmpuint (import->rows->len, ==, 3);
  g_assert_cmpfloat (((TandemImportRow *) import->rows->pdata[0])->value, ==, 4);
  g_assert_cmpfloat (((TandemImportRow *) import->rows->pdata[1])->value, ==, 6);
  g_assert_true (isnan (((TandemImportRow *) import->rows->pdata[2])->value));

  /* a column the header does not name may be chosen on purpose */
  options.note_column = 2;
  g_clear_pointer (&import, tandem_import_free);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpstr (((TandemImportRow *) import->rows->pdata[0])->note, ==, "5");

  /* without a header (pasted cells), rows are as wide as they are */
  options.note_column = -1;
  options.has_header = FALSE;
  g_clear_pointer (&import, tandem_import_free);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->rows->len, ==, 4);
}

/* The import reads with the same reader as `tandem-cli analyse`: a workbook,
 * or a row no spreadsheet would write, is refused with its line. */
static void
test_import_not_a_table (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
  g_autoptr(GString) text = g_string_new ("date,value\n2026-01-05,");
  g_autoptr(GError) error = NULL;

  g_assert_null (tandem_table_parse (xlsx, sizeof xlsx - 1, 0, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_assert_nonnull (strstr (error->message, "workbook"));
  g_clear_error (&error);

  while (text->len <= TANDEM_CSV_MAX_ROW_BYTES + 11)
    g_string_append (text, "9999999999");
  g_string_append (text, "\n2026-01-12,4\n");
  g_assert_null (tandem_table_parse (text->str, (gssize) text->len, 0, &error));
  g_assert_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: the row holds more than 1 MiB"));
}

/* Saving is one edit: all rows, and one Undo takes them all away. */
static void
test_import_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = tandem_table_parse ("date,value,note\n2026-01-05,4,a\n2026-01-12,5,\n",
                                                     -1, 0, &error);
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autofree char *label = NULL;
  TandemImportOptions options;

  tandem_table_guess_options (table, &options);
  import = tandem_table_import (table, &options);
  g_assert_true (tandem_import_save (fixture->project, fixture->measure, import, "Import 2 values", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", "measure_id", fixture->measure), ==, 2);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpstr (((TandemDataPoint *) measure->points->pdata[0])->note, ==, "a");
  label = tandem_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (label, ==, "Import 2 values");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", "measure_id", fixture->measure), ==, 0);

  /* A measure that is not there: nothing is saved. */
  g_assert_false (tandem_import_save (fixture->project, "no-such-measure", import, "Import", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 0);
}

/* @n rows of date,value,note from 2000-01-01, a day apart; every tenth has a note. */
static TandemImport *
import_of_days (guint n)
{
  g_autoptr(GString) text = g_string_new ("date,value,note\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTable) table = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  TandemImportOptions options;
  TandemImport *import;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "%04u-%02u-%02u,%u.25,%s\n", g_date_get_year (day),
                              g_date_get_month (day), g_date_get_day (day), i % 97,
                              i % 10 == 0 ? "checked" : "");
      g_date_add_days (day, 1);
    }
  table = tandem_table_parse (text->str, (gssize) text->len, 0, &error);
  g_assert_no_error (error);
  tandem_table_guess_options (table, &options);
  import = tandem_table_import (table, &options);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->rows->len, ==, n);
  return import;
}

/* Every data point, id and values, in one text. */
static char *
points_text (TandemProject *project)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (project),
                                       "SELECT group_concat (x, ';') FROM (SELECT id || ',' || "
                                       "measure_id || ',' || date || ',' || quote (value) || ',' || "
                                       "quote (denominator) || ',' || quote (note) || ',' || excluded "
                                       "AS x FROM data_point ORDER BY id)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* 10,000 points: one entry in the change log, one undo takes them all, one
 * redo brings every one back with its id and values, and the file checks. */
static void
test_import_save_many (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImport) import = import_of_days (10000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *added_by = NULL;
  g_autofree char *some_id = NULL;
  gint64 log_rows = count_or_die (fixture->project, "SELECT count (*) FROM change_log");

  tandem_project_set_author (fixture->project, "Ada Analyst");
  g_assert_true (tandem_import_save (fixture->project, fixture->measure, import,
                                     "Import 10000 values", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", "measure_id",
                                         fixture->measure), ==, 10000);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count (*) FROM change_log"),
                   ==, log_rows + 1);
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count (*) FROM data_point "
                                 "WHERE note = 'checked' AND date = '2000-01-11' AND value = 10.25"),
                   ==, 1);
  before = points_text (fixture->project);

  /* Who added a point is the person who imported it. */
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (_tandem_project_get_db (fixture->project),
                                         "SELECT id FROM data_point WHERE date = '2010-06-01'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    some_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  added_by = tandem_project_dup_added_by (fixture->project, some_id);
  g_assert_cmpstr (added_by, ==, "Ada Analyst");
  {
    g_autoptr(GPtrArray) people = tandem_contributions_by_person (fixture->project, NULL, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < people->len; i++)
      {
        TandemContribution *c = people->pdata[i];
        if (g_strcmp0 (c->name, "Ada Analyst") == 0)
          {
            g_assert_cmpuint (c->items_added, ==, 10000);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  assert_undo_label (fixture->project, "Import 10000 values");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 0);
  g_assert_false (tandem_project_can_undo (fixture->project));

  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  after = points_text (fixture->project);
  g_assert_cmpstr (after, ==, before);
  assert_undo_label (fixture->project, "Import 10000 values");

  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 0);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

/* Once a table has used the largest rowid, SQLite picks new ones at random:
 * the import's log entry still holds exactly its rows, in their order. */
static void
test_import_save_random_rowids (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImport) import = import_of_days (300);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO data_point (rowid, id, measure_id, date) "
                                          "VALUES (9223372036854775807, 'last', '%s', '1999-12-31')",
                                          fixture->measure);

  run_sql_or_die (fixture->project, sql);
  g_assert_true (tandem_import_save (fixture->project, fixture->measure, import,
                                     "Import 300 values", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count (*) FROM json_each ((SELECT new_value FROM change_log "
                                 "ORDER BY seq DESC LIMIT 1)) r JOIN data_point p "
                                 "ON p.id = json_extract (r.value, '$.id') "
                                 "AND p.date = json_extract (r.value, '$.date') "
                                 "AND p.id <> 'last'"), ==, 300);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT json_extract (new_value, '$[299].date') = '2000-10-26' "
                                 "FROM change_log ORDER BY seq DESC LIMIT 1"), ==, 1);
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 1);
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 301);
}

/* The rows of an import are logged as they are stored: each row of the log
 * entry is, byte for byte, what SQLite's json_object() gives for the row in
 * the table, for text that needs escaping and numbers of every size. */
static void
test_import_save_logged_as_stored (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char * const fields[] = { "measure_id", "date", "value", "denominator", "note" };
  static const char * const notes[] = {
    "plain", "a \"quoted\" word", "back\\slash", "two\nlines\r\n", "tab\there", "\x01\x1f\x7f",
    "Zoë’s ✓ 😀", "", NULL, "\b\f",
  };
  static const double numbers[] = {
    0.1, -0.0, 0.0, 1e20, 1e-7, 1.0 / 3, 123456789.123456789, -2.5, 5, 1e300, NAN, 4.9e-324,
  };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autoptr(GError) error = NULL;
  TandemValue values[G_N_ELEMENTS (numbers)][G_N_ELEMENTS (fields)];
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (numbers); r++)
    {
      g_ptr_array_add (dates, g_strdup_printf ("2026-01-%02u", r + 1));
      values[r][0] = tandem_value_text (fixture->measure);
      values[r][1] = tandem_value_text (dates->pdata[r]);
      values[r][2] = tandem_value_double (numbers[r]);
      values[r][3] = r % 2 ? tandem_value_null () : tandem_value_double (numbers[G_N_ELEMENTS (numbers) - 1 - r]);
      values[r][4] = tandem_value_text (notes[r % G_N_ELEMENTS (notes)]);
    }
  g_assert_true (tandem_change_begin (&change, fixture->project, "Import", &error));
  g_assert_true (_tandem_project_insert_rows (fixture->project, "data_point", fields, G_N_ELEMENTS (fields),
                                              &values[0][0], G_N_ELEMENTS (numbers), &error));
  g_assert_no_error (error);
  g_assert_true (tandem_change_commit (&change, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count (*) FROM json_each ((SELECT new_value FROM change_log "
                                 "ORDER BY seq DESC LIMIT 1)) r JOIN data_point p "
                                 "ON p.id = json_extract (r.value, '$.id') "
                                 "AND r.value = json_object ('id', p.id, 'measure_id', p.measure_id, "
                                 "'date', p.date, 'value', p.value, 'denominator', p.denominator, "
                                 "'note', p.note, 'excluded', p.excluded)"), ==, G_N_ELEMENTS (numbers));

  /* Values SQLite changes as it stores them (text in a real column, a whole
   * number in a real one) are read back for the log as stored. */
  {
    static const char * const some_fields[] = { "measure_id", "date", "value", "denominator" };
    TandemValue changed[2][G_N_ELEMENTS (some_fields)] = {
      { tandem_value_text (fixture->measure), tandem_value_text ("2026-03-01"),
        tandem_value_text ("12"), tandem_value_int (7) },
      { tandem_value_text (fixture->measure), tandem_value_text ("2026-03-02"),
        tandem_value_text ("twelve"), tandem_value_double (2) },
    };
    g_auto(TandemChange) again = TANDEM_CHANGE_INIT;

    g_assert_true (tandem_change_begin (&again, fixture->project, "Import", &error));
    g_assert_true (_tandem_project_insert_rows (fixture->project, "data_point", some_fields,
                                                G_N_ELEMENTS (some_fields), &changed[0][0], 2, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_change_commit (&again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_or_die (fixture->project,
                                   "SELECT count (*) FROM json_each ((SELECT new_value FROM change_log "
                                   "ORDER BY seq DESC LIMIT 1)) r JOIN data_point p "
                                   "ON p.id = json_extract (r.value, '$.id') "
                                   "AND r.value = json_object ('id', p.id, 'measure_id', p.measure_id, "
                                   "'date', p.date, 'value', p.value, 'denominator', p.denominator, "
                                   "'note', p.note, 'excluded', p.excluded)"), ==, 2);
    g_assert_cmpint (count_or_die (fixture->project,
                                   "SELECT json_extract (new_value, '$[0].value') = 12.0 "
                                   "AND json_extract (new_value, '$[0].denominator') = 7.0 "
                                   "AND instr (new_value, '\"denominator\":7.0') > 0 "
                                   "FROM change_log ORDER BY seq DESC LIMIT 1"), ==, 1);
  }
}

/* The ids of the rows an import adds sort in the order of its rows (so that
 * the table's index of ids grows at its end), and are unique, well-formed
 * version 4 UUIDs; a second import's ids are not the first's. */
static void
test_import_save_ids_in_order (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImport) import = import_of_days (1000);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (tandem_import_save (fixture->project, fixture->measure, import, "Import", &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count_or_die (fixture->project, "SELECT count (DISTINCT id) FROM data_point"), ==, 2000);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count (*) FROM data_point WHERE length (id) = 36 "
                                 "AND NOT id GLOB '*[^0-9a-f-]*' AND substr (id, 9, 1) = '-' "
                                 "AND substr (id, 14, 1) = '-' AND substr (id, 15, 1) = '4' "
                                 "AND substr (id, 19, 1) = '-' AND substr (id, 20, 1) IN ('8', '9', 'a', 'b') "
                                 "AND substr (id, 24, 1) = '-'"), ==, 2000);
  /* Within each import, a later date (a later row) has a larger id. */
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count (*) FROM (SELECT id, lag (id) OVER (PARTITION BY "
                                 "rowid > 1000 ORDER BY date) AS before FROM data_point) "
                                 "WHERE before IS NOT NULL AND before >= id"), ==, 0);
  g_assert_cmpint (count_or_die (fixture->project,
                                 "SELECT count (DISTINCT substr (id, 1, 23)) FROM data_point"), ==, 2);
}

/* A 10,000-point import into a measure that already has points: undo
 * leaves the measure exactly as it was, redo as it was after. */
static void
test_import_save_undo_exact (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImport) first = import_of_days (50);
  g_autoptr(TandemImport) many = import_of_days (10000);
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (tandem_import_save (fixture->project, fixture->measure, first, "Import 50", &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_update (fixture->project, "measure", fixture->measure, "unit",
                                        tandem_value_text ("beds"), &error));
  g_assert_no_error (error);
  before = points_text (fixture->project);
  g_assert_true (tandem_import_save (fixture->project, fixture->measure, many, "Import 10000", &error));
  g_assert_no_error (error);
  imported = points_text (fixture->project);
  g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 10050);

  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  undone = points_text (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  assert_undo_label (fixture->project, "Change measure");
  g_assert_true (tandem_project_redo (fixture->project, &error));
  g_assert_no_error (error);
  redone = points_text (fixture->project);
  g_assert_cmpstr (redone, ==, imported);
  g_assert_cmpint (tandem_project_check_file (fixture->path, NULL), ==, TANDEM_CHECK_GOOD);
}

/* An import that fails part-way, in its rows or in its log, leaves nothing:
 * no point, no history, the same thing to undo. */
static void
test_import_save_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const failures[] = {
    "CREATE TEMP TRIGGER fail_part_way AFTER INSERT ON data_point "
    "WHEN (SELECT count (*) FROM data_point) = 600 "
    "BEGIN SELECT raise (ABORT, 'the disk failed'); END",
    "CREATE TEMP TRIGGER fail_part_way BEFORE INSERT ON change_log "
    "BEGIN SELECT raise (ABORT, 'the disk failed'); END",
  };
  g_autoptr(TandemImport) import = import_of_days (1000);
  gint64 log_rows = count_or_die (fixture->project, "SELECT count (*) FROM change_log");
  gint64 txns = count_or_die (fixture->project, "SELECT count (*) FROM change_txn");

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(GError) error = NULL;

      run_sql_or_die (fixture->project, failures[i]);
      g_assert_false (tandem_import_save (fixture->project, fixture->measure, import,
                                          "Import 1000 values", &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "the disk failed"));
      run_sql_or_die (fixture->project, "DROP TRIGGER temp.fail_part_way");

      g_assert_cmpint (tandem_project_count (fixture->project, "data_point", NULL, NULL), ==, 0);
      g_assert_cmpint (count_or_die (fixture->project, "SELECT count (*) FROM change_log"),
                       ==, log_rows);
      g_assert_cmpint (count_or_die (fixture->project, "SELECT count (*) FROM change_txn"),
                       ==, txns);
      assert_undo_label (fixture->project, "test");
    }
}

/* ------------------------------------------------------------------------ */
/* Links to the driver diagrams, and editing phases and notes                 */

static TandemProject *
sample_project (char **dir,
                char **path)
{
  g_autoptr(GError) error = NULL;
  TandemProject *project;

  *dir = g_dir_make_tmp ("tandem-measure-XXXXXX", &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "s.tandem", NULL);
  project = tandem_project_create (*path, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_sample_populate (project, TANDEM_SAMPLE_WARD, &error));
  g_assert_no_error (error);
  return project;
}

static void
remove_sample (TandemProject *project,
               char          *dir,
               char          *path)
{
  g_assert_finalize_object (project);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static guint
count_from_link (const TandemMeasure *measure)
{
  guint n = 0;

  for (guint i = 0; i < measure->annotations->len; i++)
    if (((TandemAnnotation *) measure->annotations->pdata[i])->from_link)
      n++;
  return n;
}

static const TandemLinkTarget *
find_target (GPtrArray  *targets,
             const char *title,
             gboolean    pdsa)
{
  for (guint i = 0; i < targets->len; i++)
    {
      const TandemLinkTarget *target = targets->pdata[i];
      if (g_str_has_prefix (target->title, title) && (target->pdsa_id != NULL) == pdsa)
        return target;
    }
  return NULL;
}

/* A measure's linked change ideas, and their PDSA cycles as numbered markers. */
static void
test_links (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TandemProject *project = sample_project (&dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *sickness = tandem_measure_find (project, "Staff sickness", &error);
  g_autofree char *restrictive = tandem_measure_find (project, "Restrictive practice incidents", &error);
  g_autofree char *team = NULL;
  g_autofree char *aim = NULL;
  const TandemLinkTarget *huddle, *culture, *culture_pdsa;
  const TandemAnnotation *marker = NULL;

  g_assert_no_error (error);
  team = tandem_project_get_text (project, "measure", sickness, "team_id");

  /* Every change idea of the team's diagrams, each followed by its PDSA cycles. */
  targets = tandem_measure_list_link_targets (project, team, &error);
  g_assert_no_error (error);
  huddle = find_target (targets, "Twice-daily safety huddle", FALSE);
  culture = find_target (targets, "Culture and identity conversation in the first", FALSE);
  culture_pdsa = find_target (targets, "Culture and identity conversation with the next", TRUE);
  g_assert (huddle != NULL && culture != NULL && culture_pdsa != NULL);
  g_assert_cmpstr (culture_pdsa->node_id, ==, culture->node_id);
  g_assert_cmpstr (culture_pdsa->idea_title, ==, culture->title);
  g_assert_cmpstr (culture_pdsa->started_on, ==, "2026-06-01");
  g_assert_nonnull (culture->diagram);
  for (guint i = 0; i < targets->len; i++)
    if (targets->pdata[i] == culture_pdsa)
      g_assert_true (targets->pdata[i - 1] == culture);

  /* Staff sickness is linked to the huddles: the second huddle PDSA cycle
   * (30 March) is within its data and is a marker; the first (2 March)
   * is before its first value and is not. */
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measure->links->len, ==, 1);
  g_assert_cmpstr (((TandemLinkTarget *) measure->links->pdata[0])->node_id, ==, huddle->node_id);
  g_assert_cmpuint (count_from_link (measure), ==, 1);
  marker = measure->annotations->pdata[0];
  g_assert_true (marker->from_link);
  g_assert_null (marker->id);
  g_assert_cmpstr (marker->date, ==, "2026-03-30");
  g_assert_cmpstr (marker->linked_title, ==, "Twice-daily huddles, with night staff");
  g_clear_pointer (&measure, tandem_measure_unref);

  /* The restrictive practice chart already notes both huddle cycles: no
   * second marker for either. */
  measure = tandem_measure_load (project, restrictive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_from_link (measure), ==, 0);
  g_assert_cmpuint (measure->annotations->len, ==, 3);
  g_clear_pointer (&measure, tandem_measure_unref);

  /* Link the culture conversation: its cycle (1 June) is a marker too, in date order. */
  g_assert_true (tandem_measure_set_linked (project, sickness, culture->node_id, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *label = tandem_project_dup_undo_label (project);
    g_assert_cmpstr (label, ==, "Link a change idea to a measure");
  }
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_cmpuint (measure->links->len, ==, 2);
  g_assert_cmpuint (count_from_link (measure), ==, 2);
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[1])->pdsa_id, ==, culture_pdsa->pdsa_id);
  g_clear_pointer (&measure, tandem_measure_unref);

  /* Linking again changes nothing (no second undo step). */
  g_assert_true (tandem_measure_set_linked (project, sickness, culture->node_id, TRUE, &error));
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 2);

  /* A note about the PDSA cycle takes the place of its marker, and is
   * linked to its change idea too. */
  measure = tandem_measure_load (project, sickness, &error);
  {
    g_autofree char *note = tandem_measure_save_note (project, measure, NULL, "2026-06-01",
                                                      "  ", NULL, culture_pdsa->pdsa_id, &error);
    g_autofree char *node = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (note);
    node = tandem_project_get_text (project, "annotation", note, "node_id");
    g_assert_cmpstr (node, ==, culture->node_id);
  }
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_cmpuint (count_from_link (measure), ==, 1);
  g_assert_cmpuint (measure->annotations->len, ==, 2);
  g_assert_null (((TandemAnnotation *) measure->annotations->pdata[1])->text);
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[1])->linked_title, ==,
                   culture_pdsa->title);
  g_clear_pointer (&measure, tandem_measure_unref);
  g_assert_true (tandem_project_undo (project, &error));

  /* Undo takes the link back; unlinking is undoable too. */
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 1);
  g_assert_true (tandem_measure_set_linked (project, sickness, huddle->node_id, FALSE, &error));
  measure = tandem_measure_load (project, sickness, &error);
  g_assert_cmpuint (measure->links->len, ==, 0);
  g_assert_cmpuint (measure->annotations->len, ==, 0);
  g_clear_pointer (&measure, tandem_measure_unref);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_cmpint (tandem_project_count (project, "measure_link", "measure_id", sickness), ==, 1);

  /* Only a change idea can be linked. */
  {
    g_autoptr(GPtrArray) ids = tandem_project_list_ids (project, "node", "kind", "aim", NULL);
    g_assert_cmpuint (ids->len, >, 0);
    aim = g_strdup (ids->pdata[0]);
  }
  g_assert_false (tandem_measure_set_linked (project, sickness, aim, TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);

  remove_sample (project, g_steal_pointer (&dir), g_steal_pointer (&path));
}

/* Phases and notes are changed as one undoable edit each, and a date
 * outside the data, an empty label or a note with nothing in it is refused
 * with a message that says what to do. */
static void
test_edit_phases_and_notes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMeasure) measure = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *note = NULL;
  g_autofree char *again = NULL;
  const char *dates[] = { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
                          "2026-02-09" };

  /* No data yet: nothing to mark. */
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_null (tandem_measure_save_phase (fixture->project, measure, NULL, "2026-01-12",
                                            "New policy", -1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "add the data first"));
  g_clear_error (&error);
  g_clear_pointer (&measure, tandem_measure_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    add_point (fixture, dates[i], 5 + i % 2, NAN, FALSE);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);

  /* The dates a phase or a note may have. */
  g_assert_true (tandem_measure_check_date (measure, "2026-01-05", FALSE, &error));
  g_assert_true (tandem_measure_check_date (measure, "2026-02-09", TRUE, &error));
  g_assert_false (tandem_measure_check_date (measure, "2026-01-05", TRUE, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after the first value (5 January 2026)"));
  g_clear_error (&error);
  g_assert_false (tandem_measure_check_date (measure, "2026-01-04", FALSE, &error));
  g_assert_nonnull (strstr (error->message, "4 January 2026 is before the first value"));
  g_clear_error (&error);
  g_assert_false (tandem_measure_check_date (measure, "2026-03-01", FALSE, &error));
  g_assert_nonnull (strstr (error->message, "1 March 2026 is after the last value (9 February 2026)"));
  g_clear_error (&error);
  g_assert_false (tandem_measure_check_date (measure, "2026-02-30", FALSE, &error));
  g_clear_error (&error);

  /* A phase needs a label. */
  g_assert_null (tandem_measure_save_phase (fixture->project, measure, NULL, "2026-01-26", " ", -1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Say what changed"));
  g_clear_error (&error);
  g_assert_cmpint (tandem_project_count (fixture->project, "phase", "measure_id", fixture->measure), ==, 0);

  phase = tandem_measure_save_phase (fixture->project, measure, NULL, "2026-01-26", " New policy ", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (phase);
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->label, ==, "New policy");
  g_assert_cmpuint (measure->freeze, ==, 0);

  /* Change its date, label and the baseline in one step. */
  again = tandem_measure_save_phase (fixture->project, measure, phase, "2026-01-19", "After the new policy",
                                     3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, phase);
  {
    g_autofree char *label = tandem_project_dup_undo_label (fixture->project);
    g_assert_cmpstr (label, ==, "Change a phase");
  }
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->starts_on, ==, "2026-01-19");
  g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->label, ==, "After the new policy");
  g_assert_cmpuint (measure->freeze, ==, 3);

  /* A second phase on the same date, a date after the data or a baseline of one point: refused. */
  g_assert_null (tandem_measure_save_phase (fixture->project, measure, NULL, "2026-01-19", "Again", -1, &error));
  g_assert_nonnull (strstr (error->message, "Another phase already starts on 19 January 2026"));
  g_clear_error (&error);
  g_assert_null (tandem_measure_save_phase (fixture->project, measure, phase, "2026-03-02", "Later", -1, &error));
  g_assert_nonnull (strstr (error->message, "after the last value"));
  g_clear_error (&error);
  g_assert_null (tandem_measure_save_phase (fixture->project, measure, phase, "2026-01-19", "x", 1, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* One Undo takes back the whole change. */
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->starts_on, ==, "2026-01-26");
  g_assert_cmpstr (((TandemPhase *) measure->phases->pdata[0])->label, ==, "New policy");
  g_assert_cmpuint (measure->freeze, ==, 0);

  /* Notes: some text or a link; then changed and undone. */
  g_assert_null (tandem_measure_save_note (fixture->project, measure, NULL, "2026-01-12", "", NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Write what happened"));
  g_clear_error (&error);
  g_assert_null (tandem_measure_save_note (fixture->project, measure, NULL, "2026-04-01", "Late", NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  note = tandem_measure_save_note (fixture->project, measure, NULL, "2026-01-12", "Flu", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_free (again);
  again = tandem_measure_save_note (fixture->project, measure, note, "2026-02-02", "Flu outbreak", NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpuint (measure->annotations->len, ==, 1);
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[0])->date, ==, "2026-02-02");
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[0])->text, ==, "Flu outbreak");
  g_assert_true (tandem_project_undo (fixture->project, &error));
  g_clear_pointer (&measure, tandem_measure_unref);
  measure = tandem_measure_load (fixture->project, fixture->measure, &error);
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[0])->date, ==, "2026-01-12");
  g_assert_cmpstr (((TandemAnnotation *) measure->annotations->pdata[0])->text, ==, "Flu");

  /* A note that is gone says so. */
  g_assert_null (tandem_measure_save_note (fixture->project, measure, "no-such-note", "2026-01-12", "x",
                                           NULL, NULL, &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND);
}

static char *
text_of (TandemProject *project,
         const char    *entity,
         const char    *id,
         const char    *field)
{
  return tandem_project_get_text (project, entity, id, field);
}

static const char count_log[] = "SELECT count(*) FROM change_log";

/* The error of a write that a test's trigger refused. */
static void
assert_refused (GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "refused"));
}

/* What the measures page does, each as one change in core: one undo takes
 * it all back, and a write that fails part-way leaves nothing behind. */
static void
test_typed_edits (Fixture       *fixture,
                  gconstpointer  data)
{
  TandemProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *point = NULL;
  g_autofree char *second = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *note = NULL;
  g_autofree char *chart = NULL;
  gint64 logged;

  /* A measure goes after the team's others. */
  measure = tandem_measure_add (project, fixture->team, "Restraints", &error);
  g_assert_no_error (error);
  assert_undo_label (project, "Add a measure");
  assert_text (project, "measure", measure, "name", "Restraints");
  assert_text (project, "measure", measure, "position", "1.0");

  /* A value, and one refused by the file: nothing of it is left. */
  point = tandem_measure_add_value (project, measure, "2026-01-05", 5, NAN, "Quiet week", FALSE, &error);
  g_assert_no_error (error);
  assert_undo_label (project, "Add a value");
  assert_text (project, "data_point", point, "note", "Quiet week");
  g_assert_null (text_of (project, "data_point", point, "denominator"));
  run_sql_or_die (project, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON data_point "
                  "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (project, count_log);
  g_assert_null (tandem_measure_add_value (project, measure, "2026-01-12", 6, NAN, NULL, TRUE, &error));
  assert_refused (error);
  g_clear_error (&error);
  run_sql_or_die (project, "DROP TRIGGER refuse");
  g_assert_cmpint (tandem_project_count (project, "data_point", "measure_id", measure), ==, 1);
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  assert_undo_label (project, "Add a value");
  second = tandem_measure_add_value (project, measure, "2026-01-12", 6, NAN, NULL, FALSE, &error);
  g_assert_no_error (error);

  /* Changing a value: the fields the person changed, as one change; one
   * someone else changed meanwhile keeps theirs and is kept as a conflict. */
  g_assert_true (tandem_project_update (project, "data_point", point, "note",
                                        tandem_value_text ("Flu on the ward"), &error));
  {
    TandemFieldEdit form[] = {
      { "date", "2026-01-05", TRUE, tandem_value_text ("2026-01-06"), FALSE },
      { "value", "5.0", FALSE, tandem_value_double (5), FALSE },
      { "note", "Quiet week", TRUE, tandem_value_text ("Very quiet"), FALSE },
      { "excluded", "0", TRUE, tandem_value_int (1), FALSE },
    };

    g_assert_false (tandem_measure_change_value (project, point, form, G_N_ELEMENTS (form), &error));
    g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_false (form[0].conflict);
    g_assert_true (form[2].conflict);
  }
  assert_undo_label (project, "Change a value");
  assert_text (project, "data_point", point, "date", "2026-01-06");
  assert_text (project, "data_point", point, "note", "Flu on the ward");
  assert_text (project, "data_point", point, "excluded", "1");
  g_assert_true (tandem_project_undo (project, &error));
  assert_text (project, "data_point", point, "date", "2026-01-05");
  assert_text (project, "data_point", point, "excluded", "0");

  /* A field the file refuses after another was written: neither is saved. */
  run_sql_or_die (project, "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF note ON data_point "
                  "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (project, count_log);
  {
    TandemFieldEdit form[] = {
      { "date", "2026-01-05", TRUE, tandem_value_text ("2026-01-07"), FALSE },
      { "note", "Flu on the ward", TRUE, tandem_value_text ("Flu"), FALSE },
    };

    g_assert_false (tandem_measure_change_value (project, point, form, G_N_ELEMENTS (form), &error));
    assert_refused (error);
    g_clear_error (&error);
  }
  run_sql_or_die (project, "DROP TRIGGER refuse");
  assert_text (project, "data_point", point, "date", "2026-01-05");
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);

  /* Settings: labelled with what changed, checked against what was shown. */
  g_assert_true (tandem_measure_set_field (project, measure, "name", "Restraints",
                                           tandem_value_text ("Restraint use"), &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Rename a measure");
  assert_text (project, "measure", measure, "name", "Restraint use");
  g_assert_false (tandem_measure_set_field (project, measure, "unit", "incidents",
                                            tandem_value_text ("uses"), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (text_of (project, "measure", measure, "unit"));
  g_assert_false (tandem_measure_set_field (project, measure, "team_id", NULL,
                                            tandem_value_text (fixture->team), &error));
  g_assert_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* A run chart has no Making Data Count rules: one change, one undo. */
  g_assert_true (tandem_measure_set_field (project, measure, "rules", NULL, tandem_value_text ("mdc"),
                                           &error));
  chart = text_of (project, "measure", measure, "chart_type");
  g_assert_true (tandem_measure_set_chart (project, measure, chart, TANDEM_SPC_CHART_RUN, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Change a measure's chart");
  assert_text (project, "measure", measure, "chart_type", "run");
  g_assert_null (text_of (project, "measure", measure, "rules"));
  g_assert_true (tandem_project_undo (project, &error));
  assert_text (project, "measure", measure, "chart_type", chart);
  assert_text (project, "measure", measure, "rules", "mdc");

  /* Deleting a value, a phase and a note, each undone. */
  {
    g_autoptr(TandemMeasure) loaded = tandem_measure_load (project, measure, &error);

    g_assert_no_error (error);
    phase = tandem_measure_save_phase (project, loaded, NULL, "2026-01-12", "New policy", -1, &error);
    g_assert_no_error (error);
    note = tandem_measure_save_note (project, loaded, NULL, "2026-01-05", "Flu", NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (tandem_measure_delete_phase (project, phase, &error));
  assert_undo_label (project, "Delete a phase");
  g_assert_true (tandem_measure_delete_note (project, note, &error));
  assert_undo_label (project, "Delete a note");
  g_assert_true (tandem_measure_delete_value (project, second, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete a value");
  g_assert_false (tandem_project_exists (project, "data_point", second));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (project, "data_point", second));
  g_assert_true (tandem_project_exists (project, "phase", phase));
  g_assert_true (tandem_project_exists (project, "annotation", note));

  /* Deleting the measure: refused part-way, nothing goes; then all of it
   * goes as one change, and one undo brings all of it back. */
  run_sql_or_die (project, "CREATE TEMP TRIGGER refuse BEFORE DELETE ON data_point "
                  "WHEN old.date = '2026-01-12' BEGIN SELECT RAISE (ABORT, 'refused'); END");
  logged = count_or_die (project, count_log);
  g_assert_false (tandem_measure_delete (project, measure, &error));
  assert_refused (error);
  g_clear_error (&error);
  run_sql_or_die (project, "DROP TRIGGER refuse");
  g_assert_cmpint (count_or_die (project, count_log), ==, logged);
  g_assert_true (tandem_project_exists (project, "measure", measure));
  g_assert_cmpint (tandem_project_count (project, "data_point", "measure_id", measure), ==, 2);
  g_assert_cmpint (tandem_project_count (project, "phase", "measure_id", measure), ==, 1);

  g_assert_true (tandem_measure_delete (project, measure, &error));
  g_assert_no_error (error);
  assert_undo_label (project, "Delete a measure");
  g_assert_false (tandem_project_exists (project, "measure", measure));
  g_assert_cmpint (tandem_project_count (project, "data_point", "measure_id", measure), ==, 0);
  g_assert_true (tandem_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_project_exists (project, "measure", measure));
  g_assert_cmpint (tandem_project_count (project, "data_point", "measure_id", measure), ==, 2);
  g_assert_cmpint (tandem_project_count (project, "phase", "measure_id", measure), ==, 1);
  g_assert_cmpint (tandem_project_count (project, "annotation", "measure_id", measure), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/measure/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/measure/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/measure/unknown-setting", Fixture, NULL, fixture_set_up, test_unknown_setting,
              fixture_tear_down);
  g_test_add ("/measure/analyse-floor", Fixture, NULL, fixture_set_up, test_analyse_floor, fixture_tear_down);
  g_test_add ("/measure/analyse", Fixture, NULL, fixture_set_up, test_analyse, fixture_tear_down);
  g_test_add_func ("/measure/sample", test_sample);
  g_test_add_func ("/measure/links", test_links);
  g_test_add ("/measure/edit", Fixture, NULL, fixture_set_up, test_edit_phases_and_notes, fixture_tear_down);
  g_test_add ("/measure/typed-edits", Fixture, NULL, fixture_set_up, test_typed_edits, fixture_tear_down);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/numbers", test_numbers);
  g_test_add_func ("/import/semicolons", test_import_semicolons);
  g_test_add_func ("/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/import/impossible-dates", test_import_impossible_dates);
  g_test_add_func ("/import/dates-strict", test_dates_strict);
  g_test_add_func ("/dates/typed-and-shown", test_typed_dates);
  g_test_add_func ("/import/pasted", test_import_pasted);
  g_test_add_func ("/import/errors", test_import_errors);
  g_test_add_func ("/import/ragged", test_import_ragged);
  g_test_add_func ("/import/not-a-table", test_import_not_a_table);
  g_test_add ("/import/save", Fixture, NULL, fixture_set_up, test_import_save, fixture_tear_down);
  g_test_add ("/import/save-many", Fixture, NULL, fixture_set_up, test_import_save_many,
              fixture_tear_down);
  g_test_add ("/import/save-random-rowids", Fixture, NULL, fixture_set_up,
              test_import_save_random_rowids, fixture_tear_down);
  g_test_add ("/import/save-fails", Fixture, NULL, fixture_set_up, test_import_save_fails,
              fixture_tear_down);
  g_test_add ("/import/save-logged-as-stored", Fixture, NULL, fixture_set_up,
              test_import_save_logged_as_stored, fixture_tear_down);
  g_test_add ("/import/save-ids-in-order", Fixture, NULL, fixture_set_up,
              test_import_save_ids_in_order, fixture_tear_down);
  g_test_add ("/import/save-undo-exact", Fixture, NULL, fixture_set_up,
              test_import_save_undo_exact, fixture_tear_down);
  return g_test_run ();
}
