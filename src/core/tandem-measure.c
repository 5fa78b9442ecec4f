/* tandem-measure.c — a measure, its data, phases and annotations, read for charting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that reads measures with SQL. The file is untrusted: a
 * column may hold text where a number belongs, so every value is checked for
 * its type and anything unusable becomes a missing value or the default.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-error.h"
#include "tandem-measure.h"
#include "tandem-project-private.h"

#define MEASURE_COLUMNS \
  "id, team_id, name, kind, definition, unit, direction, target, frequency, " \
  "chart_type, rules, freeze, screen_mr, multiply"

static void
data_point_free (gpointer data)
{
  TandemDataPoint *point = data;

  g_free (point->id);
  g_free (point->date);
  g_free (point->note);
  g_free (point);
}

static void
phase_free (gpointer data)
{
  TandemPhase *phase = data;

  g_free (phase->id);
  g_free (phase->starts_on);
  g_free (phase->label);
  g_free (phase);
}

static void
annotation_free (gpointer data)
{
  TandemAnnotation *annotation = data;

  g_free (annotation->id);
  g_free (annotation->date);
  g_free (annotation->text);
  g_free (annotation->node_id);
  g_free (annotation->pdsa_id);
  g_free (annotation->linked_title);
  g_free (annotation);
}

static void
measure_clear (gpointer data)
{
  TandemMeasure *measure = data;

  g_free (measure->id);
  g_free (measure->team_id);
  g_free (measure->name);
  g_free (measure->kind);
  g_free (measure->definition);
  g_free (measure->unit);
  g_free (measure->frequency);
  g_ptr_array_unref (measure->points);
  g_ptr_array_unref (measure->phases);
  g_ptr_array_unref (measure->annotations);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  text = sqlite3_column_text (stmt, column);
  if (text == NULL || !g_utf8_validate ((const char *) text, -1, NULL))
    return NULL;
  return g_strdup ((const char *) text);
}

static double
column_number (sqlite3_stmt *stmt,
               int           column)
{
  int type = sqlite3_column_type (stmt, column);
  double value;

  if (type != SQLITE_INTEGER && type != SQLITE_FLOAT)
    return NAN;
  value = sqlite3_column_double (stmt, column);
  return isfinite (value) ? value : NAN;
}

static gboolean
sqlite_failed (sqlite3  *db,
               GError  **error)
{
  g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_FAILED,
               _("The measure could not be read: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static TandemMeasure *
measure_from_row (sqlite3_stmt *stmt)
{
  TandemMeasure *measure = tandem_measure_new ();
  g_autofree char *direction = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *rules = NULL;
  double number;

  measure->id = column_text (stmt, 0);
  measure->team_id = column_text (stmt, 1);
  measure->name = column_text (stmt, 2);
  measure->kind = column_text (stmt, 3);
  measure->definition = column_text (stmt, 4);
  measure->unit = column_text (stmt, 5);
  direction = column_text (stmt, 6);
  if (direction == NULL || !tandem_spc_direction_from_string (direction, &measure->direction))
    measure->direction = TANDEM_SPC_DIRECTION_INCREASE;
  measure->target = column_number (stmt, 7);
  measure->frequency = column_text (stmt, 8);
  chart = column_text (stmt, 9);
  if (chart == NULL || !tandem_spc_chart_from_string (chart, &measure->chart))
    measure->chart = TANDEM_SPC_CHART_RUN;
  rules = column_text (stmt, 10);
  if (rules == NULL || !tandem_spc_rules_from_string (rules, &measure->rules))
    measure->rules = TANDEM_SPC_RULES_DEFAULT;
  number = column_number (stmt, 11);
  measure->freeze = number >= 2 && number < G_MAXUINT ? (guint) number : 0;
  measure->screen_mr = sqlite3_column_int (stmt, 12) != 0;
  number = column_number (stmt, 13);
  measure->multiply = number > 0 ? number : 1;
  if (measure->name == NULL)
    measure->name = g_strdup ("");
  if (measure->kind == NULL)
    measure->kind = g_strdup ("outcome");
  if (measure->frequency == NULL)
    measure->frequency = g_strdup ("weekly");
  return measure;
}

/**
 * tandem_measure_new:
 *
 * Returns: (transfer full): an empty measure, for tests and for callers that
 *   chart data that is not in a project (a run chart, no points)
 */
TandemMeasure *
tandem_measure_new (void)
{
  TandemMeasure *measure = g_atomic_rc_box_new0 (TandemMeasure);

  measure->direction = TANDEM_SPC_DIRECTION_INCREASE;
  measure->target = NAN;
  measure->chart = TANDEM_SPC_CHART_RUN;
  measure->rules = TANDEM_SPC_RULES_DEFAULT;
  measure->screen_mr = TRUE;
  measure->multiply = 1;
  measure->points = g_ptr_array_new_with_free_func (data_point_free);
  measure->phases = g_ptr_array_new_with_free_func (phase_free);
  measure->annotations = g_ptr_array_new_with_free_func (annotation_free);
  return measure;
}

TandemMeasure *
tandem_measure_ref (TandemMeasure *measure)
{
  return g_atomic_rc_box_acquire (measure);
}

void
tandem_measure_unref (TandemMeasure *measure)
{
  g_atomic_rc_box_release_full (measure, measure_clear);
}

/**
 * tandem_measure_list:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Reads the settings of every measure of a team, in the team's order. The
 * measures come without their data points, phases and annotations: load one
 * with tandem_measure_load() to chart it.
 *
 * Returns: (transfer container) (element-type TandemMeasure) (nullable): the
 *   measures, or %NULL with @error set
 */
GPtrArray *
tandem_measure_list (TandemProject  *project,
                     const char     *team_id,
                     GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (project);
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_measure_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (sqlite3_prepare_v2 (db, "SELECT " MEASURE_COLUMNS " FROM measure WHERE team_id = ?1 "
                          "ORDER BY position, rowid", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, team_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (measures, measure_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  return g_steal_pointer (&measures);
}

/**
 * tandem_measure_load:
 * @project: a project
 * @measure_id: a measure
 * @error: return location for an error
 *
 * Reads a measure with everything its chart needs: the settings, the data
 * points in date order, the phases in date order and the annotations in date
 * order with the titles of the PDSA cycles and change ideas they link to.
 *
 * Returns: (transfer full) (nullable): the measure, or %NULL with @error set
 *   (%TANDEM_PROJECT_ERROR_NOT_FOUND if there is no such measure)
 */
TandemMeasure *
tandem_measure_load (TandemProject  *project,
                     const char     *measure_id,
                     GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (project);
  g_autoptr(TandemMeasure) measure = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  if (sqlite3_prepare_v2 (db, "SELECT " MEASURE_COLUMNS " FROM measure WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    measure = measure_from_row (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The measure is no longer in the project."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite_failed (db, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, "SELECT id, date, value, denominator, note, excluded "
                          "FROM data_point WHERE measure_id = ?1 ORDER BY date, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemDataPoint *point = g_new0 (TandemDataPoint, 1);

      point->id = column_text (stmt, 0);
      point->date = column_text (stmt, 1);
      if (point->date == NULL)
        point->date = g_strdup ("");
      point->value = column_number (stmt, 2);
      point->denominator = column_number (stmt, 3);
      point->note = column_text (stmt, 4);
      point->excluded = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (measure->points, point);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, "SELECT id, starts_on, label FROM phase WHERE measure_id = ?1 "
                          "ORDER BY starts_on, rowid", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemPhase *phase = g_new0 (TandemPhase, 1);

      phase->id = column_text (stmt, 0);
      phase->starts_on = column_text (stmt, 1);
      if (phase->starts_on == NULL)
        phase->starts_on = g_strdup ("");
      phase->label = column_text (stmt, 2);
      g_ptr_array_add (measure->phases, phase);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, error);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db, "SELECT a.id, a.date, a.text, a.node_id, a.pdsa_id, "
                          "coalesce (nullif (p.title, ''), n.title) "
                          "FROM annotation a "
                          "LEFT JOIN pdsa_cycle p ON p.id = a.pdsa_id "
                          "LEFT JOIN node n ON n.id = a.node_id "
                          "WHERE a.measure_id = ?1 ORDER BY a.date, a.rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, measure_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemAnnotation *annotation = g_new0 (TandemAnnotation, 1);

      annotation->id = column_text (stmt, 0);
      annotation->date = column_text (stmt, 1);
      if (annotation->date == NULL)
        annotation->date = g_strdup ("");
      annotation->text = column_text (stmt, 2);
      annotation->node_id = column_text (stmt, 3);
      annotation->pdsa_id = column_text (stmt, 4);
      annotation->linked_title = column_text (stmt, 5);
      g_ptr_array_add (measure->annotations, annotation);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, error);
      return NULL;
    }

  return g_steal_pointer (&measure);
}

/**
 * tandem_measure_find:
 * @project: a project
 * @name: a measure's name, exactly
 * @error: return location for an error
 *
 * Finds a measure by its name, for the command line. Names are unique
 * within a team but not across teams, so two measures of the same name are
 * an error that asks for a more precise name.
 *
 * Returns: (transfer full) (nullable): the measure's id, or %NULL with
 *   @error set (%TANDEM_PROJECT_ERROR_NOT_FOUND if no measure has the name)
 */
char *
tandem_measure_find (TandemProject  *project,
                     const char     *name,
                     GError        **error)
{
  sqlite3 *db = _tandem_project_get_db (project);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *id = NULL;
  guint found = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (sqlite3_prepare_v2 (db, "SELECT id FROM measure WHERE name = ?1 ORDER BY position, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found++ == 0)
        id = column_text (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, error);
      return NULL;
    }
  if (found == 0)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                   _("There is no measure called “%s”."), name);
      return NULL;
    }
  if (found > 1)
    {
      g_set_error (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                   _("%u measures are called “%s”: rename one of them first."), found, name);
      return NULL;
    }
  return g_steal_pointer (&id);
}

/**
 * tandem_measure_get_rules:
 * @measure: a measure
 *
 * Returns: the rule set its chart uses: the saved one, or the default for
 *   its chart type (ihi for run charts, mdc for control charts)
 */
TandemSpcRules
tandem_measure_get_rules (const TandemMeasure *measure)
{
  if (measure->rules != TANDEM_SPC_RULES_DEFAULT)
    return measure->rules;
  return measure->chart == TANDEM_SPC_CHART_RUN ? TANDEM_SPC_RULES_IHI : TANDEM_SPC_RULES_MDC;
}

/**
 * tandem_measure_to_data:
 * @measure: a measure
 * @point_of_row: (out) (optional) (transfer full): for each data point, the
 *   0-based index of the chart point (subgroup) it belongs to
 *
 * Turns the measure's data points into observations for the SPC engine: the
 * date is the x label, so points on the same date form one subgroup.
 * Denominators are passed only to the charts that use them.
 *
 * Returns: (transfer full): the observations
 */
TandemSpcData *
tandem_measure_to_data (const TandemMeasure  *measure,
                        GArray              **point_of_row)
{
  gboolean with_n = tandem_spc_chart_needs_n (measure->chart);
  TandemSpcData *data = tandem_spc_data_new (with_n);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (gsize), measure->points->len);
  const char *previous = NULL;
  gsize subgroup = 0;

  for (guint i = 0; i < measure->points->len; i++)
    {
      const TandemDataPoint *point = measure->points->pdata[i];

      if (previous != NULL && g_strcmp0 (previous, point->date) != 0)
        subgroup++;
      previous = point->date;
      g_array_append_val (rows, subgroup);
      tandem_spc_data_add (data, point->date, point->value, with_n ? point->denominator : NAN);
    }
  if (point_of_row)
    *point_of_row = rows;
  else
    g_array_unref (rows);
  return data;
}

/**
 * tandem_measure_analyse:
 * @measure: a measure
 * @error: return location for a #TANDEM_SPC_ERROR
 *
 * Analyses the measure with its own settings: each phase starts a new part
 * at its first point on or after its date, points marked excluded (every
 * data point of a date) are excluded, and the freeze, screening, multiplier,
 * direction and target are the measure's.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error set
 *   (no data, or data that cannot make the chart)
 */
TandemSpcResult *
tandem_measure_analyse (const TandemMeasure  *measure,
                        GError              **error)
{
  g_autoptr(TandemSpcData) data = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) exclude = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree guint8 *all_excluded = NULL;
  TandemSpcOptions options;
  gsize n;

  g_return_val_if_fail (measure != NULL, NULL);

  if (tandem_spc_chart_needs_n (measure->chart))
    {
      gboolean any = FALSE;

      for (guint i = 0; i < measure->points->len && !any; i++)
        any = !isnan (((TandemDataPoint *) measure->points->pdata[i])->denominator);
      if (!any && measure->points->len > 0)
        {
          g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA,
                       _("a %s chart needs each value's denominator (what it is out of), "
                         "and none is given"), tandem_spc_chart_to_string (measure->chart));
          return NULL;
        }
    }

  data = tandem_measure_to_data (measure, &rows);
  n = tandem_spc_data_get_n_subgroups (data);
  all_excluded = g_malloc (MAX (n, 1));
  memset (all_excluded, 1, MAX (n, 1));
  for (guint i = 0; i < measure->points->len; i++)
    {
      const TandemDataPoint *point = measure->points->pdata[i];

      if (!point->excluded)
        all_excluded[g_array_index (rows, gsize, i)] = 0;
    }
  for (gsize k = 0; k < n; k++)
    if (all_excluded[k])
      {
        gsize index = k + 1;
        g_array_append_val (exclude, index);
      }

  /* A phase starting on a date starts after the last point before it. */
  for (guint p = 0; p < measure->phases->len; p++)
    {
      const TandemPhase *phase = measure->phases->pdata[p];
      gsize before = 0;

      for (gsize k = 0; k < n; k++)
        if (g_strcmp0 (tandem_spc_data_get_label (data, k), phase->starts_on) < 0)
          before = k + 1;
      if (before > 0 && before < n &&
          (parts->len == 0 || g_array_index (parts, gsize, parts->len - 1) != before))
        g_array_append_val (parts, before);
    }

  tandem_spc_options_init (&options);
  options.chart = measure->chart;
  options.rules = tandem_measure_get_rules (measure);
  options.freeze = measure->freeze;
  options.parts = (const gsize *) (gpointer) parts->data;
  options.n_parts = parts->len;
  options.exclude = (const gsize *) (gpointer) exclude->data;
  options.n_exclude = exclude->len;
  options.screen_mr = measure->screen_mr;
  options.multiply = measure->multiply;
  options.direction = measure->direction;
  options.target = measure->target;
  return tandem_spc_analyse (data, &options, error);
}

/**
 * tandem_measure_point_at:
 * @result: an analysis of a measure (its x labels are dates in order)
 * @date: a date, yyyy-mm-dd
 *
 * Returns: the 0-based index of the first point on or after @date, or -1 if
 *   every point is before it
 */
gssize
tandem_measure_point_at (const TandemSpcResult *result,
                         const char            *date)
{
  gsize lo = 0, hi = result->n_points;
  char buffer[32];

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (g_strcmp0 (tandem_spc_result_get_label (result, mid, buffer), date) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < result->n_points ? (gssize) lo : -1;
}
