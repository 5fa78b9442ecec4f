/* tandem-measure.c — a measure, its data, phases and annotations, read for charting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that reads measures with SQL. The file is untrusted: a
 * column may hold text where a number belongs, so every value is checked for
 * its type and anything unusable becomes a missing value or the default.
 */

#define G_LOG_DOMAIN "Tandem-Measure"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-checked-edit.h"
#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-measure.h"
#include "tandem-db-private.h"
#include "tandem-field-label-private.h"

#define MEASURE_COLUMNS \
  "id, team_id, name, kind, definition, unit, direction, target, frequency, " \
  "chart_type, rules, freeze, screen_mr, multiply"

static void data_point_free (gpointer record);
static void phase_free      (gpointer record);
static void annotation_free (gpointer record);

/* The records read by a table: each column of their SELECT, in order. */
#define COLUMN TANDEM_DB_COLUMN
static const TandemDbColumn point_columns[] = {
  COLUMN (TEXT, TandemDataPoint, id), COLUMN (TEXT_OR_EMPTY, TandemDataPoint, date),
  COLUMN (FINITE_OR_NAN, TandemDataPoint, value),
  COLUMN (FINITE_OR_NAN, TandemDataPoint, denominator),
  COLUMN (TEXT, TandemDataPoint, note), COLUMN (BOOL, TandemDataPoint, excluded),
};
static const TandemDbColumn phase_columns[] = {
  COLUMN (TEXT, TandemPhase, id), COLUMN (TEXT_OR_EMPTY, TandemPhase, starts_on),
  COLUMN (TEXT, TandemPhase, label),
};
static const TandemDbColumn annotation_columns[] = {
  COLUMN (TEXT, TandemAnnotation, id), COLUMN (TEXT_OR_EMPTY, TandemAnnotation, date),
  COLUMN (TEXT, TandemAnnotation, text), COLUMN (TEXT, TandemAnnotation, node_id),
  COLUMN (TEXT, TandemAnnotation, pdsa_id), COLUMN (TEXT, TandemAnnotation, linked_title),
};
/* Read by hand (add_link_target()); the table says what a target owns. */
static const TandemDbColumn link_target_columns[] = {
  COLUMN (TEXT, TandemLinkTarget, node_id), COLUMN (TEXT, TandemLinkTarget, pdsa_id),
  COLUMN (TEXT, TandemLinkTarget, title), COLUMN (TEXT, TandemLinkTarget, idea_title),
  COLUMN (TEXT, TandemLinkTarget, diagram), COLUMN (TEXT, TandemLinkTarget, started_on),
};
#undef COLUMN

static const TandemDbShape point_shape =
  TANDEM_DB_SHAPE (TandemDataPoint, data_point_free, point_columns);
static const TandemDbShape phase_shape = TANDEM_DB_SHAPE (TandemPhase, phase_free, phase_columns);
static const TandemDbShape annotation_shape =
  TANDEM_DB_SHAPE (TandemAnnotation, annotation_free, annotation_columns);
static const TandemDbShape link_target_shape =
  TANDEM_DB_SHAPE (TandemLinkTarget, tandem_link_target_free, link_target_columns);

#define DEFINE_ROW_FREE(name, shape) \
  static void name (gpointer record) { _tandem_db_free_row (&(shape), record); }

DEFINE_ROW_FREE (data_point_free, point_shape)
DEFINE_ROW_FREE (phase_free, phase_shape)
DEFINE_ROW_FREE (annotation_free, annotation_shape)

/**
 * tandem_link_target_free:
 * @target: a link target
 */
void
tandem_link_target_free (TandemLinkTarget *target)
{
  _tandem_db_free_row (&link_target_shape, target);
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
  g_ptr_array_unref (measure->links);
}

#define column_text _tandem_db_column_text

/* A number, or NAN for anything else a foreign file may hold there. */
static double
column_number (TandemDbStmt *stmt,
               int           column)
{
  double value;

  if (!_tandem_db_column_is_number (stmt, column))
    return NAN;
  value = _tandem_db_column_double (stmt, column);
  return isfinite (value) ? value : NAN;
}

/* Text that is never NULL. */
static char *
column_text_or_empty (TandemDbStmt *stmt,
                      int           column)
{
  char *text = column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

static gboolean
is_iso_date (const char *text)
{
  char date[11];

  return tandem_parse_iso_date (text, date) && g_str_equal (text, date);
}

static int
annotation_compare (gconstpointer a,
                    gconstpointer b)
{
  const TandemAnnotation *x = *(TandemAnnotation * const *) a;
  const TandemAnnotation *y = *(TandemAnnotation * const *) b;
  int by_date = g_strcmp0 (x->date, y->date);

  return by_date != 0 ? by_date : (int) x->from_link - (int) y->from_link;
}

static TandemMeasure *
measure_from_row (TandemDbStmt *stmt)
{
  TandemMeasure *measure = tandem_measure_new ();
  g_autofree char *direction = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *rules = NULL;
  double number;

  _tandem_db_assert_columns (stmt, 14);
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
  measure->screen_mr = _tandem_db_column_bool (stmt, 12);
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

static void
add_measure (TandemDbStmt *stmt,
             gpointer      measures)
{
  g_ptr_array_add (measures, measure_from_row (stmt));
}

/* Adds to @into the records of @shape that @sql reads for @id (?1). */
static gboolean
read_into (TandemProject        *project,
           GPtrArray            *into,
           const TandemDbShape  *shape,
           const char           *sql,
           const char           *id,
           GError              **error)
{
  GPtrArray *rows = _tandem_db_list (project, error, shape, sql, "s", id);

  if (rows == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (into, rows);
  return TRUE;
}

static void
add_link (TandemDbStmt *stmt,
          gpointer      data)
{
  TandemMeasure *measure = data;
  TandemLinkTarget *link = g_new0 (TandemLinkTarget, 1);

  link->node_id = column_text (stmt, 0);
  link->title = column_text_or_empty (stmt, 1);
  link->idea_title = g_strdup (link->title);
  link->diagram = column_text (stmt, 2);
  g_ptr_array_add (measure->links, link);
}

/* A test of change of a linked idea, drawn where it started; one before the
 * first value or after the last has no point of the chart to stand at. */
static void
add_linked_test (TandemDbStmt *stmt,
                 gpointer      data)
{
  TandemMeasure *measure = data;
  g_autofree char *started = column_text (stmt, 3);
  TandemAnnotation *annotation;

  if (!is_iso_date (started) || measure->points->len == 0 ||
      g_strcmp0 (started, ((TandemDataPoint *) measure->points->pdata[0])->date) < 0 ||
      g_strcmp0 (started, ((TandemDataPoint *) measure->points->pdata[measure->points->len - 1])->date) > 0)
    return;
  annotation = g_new0 (TandemAnnotation, 1);
  annotation->pdsa_id = column_text (stmt, 0);
  annotation->node_id = column_text (stmt, 1);
  annotation->linked_title = column_text (stmt, 2);
  annotation->date = g_steal_pointer (&started);
  annotation->from_link = TRUE;
  g_ptr_array_add (measure->annotations, annotation);
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
  measure->links = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_link_target_free);
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
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_measure_unref);

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  if (!_tandem_db_each_row (project, error, 14, add_measure, measures,
                            "SELECT " MEASURE_COLUMNS " FROM measure WHERE team_id = ?1 "
                            "ORDER BY position, rowid", "s", team_id))
    return NULL;
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
  g_autoptr(TandemMeasure) measure = NULL;
  g_autoptr(TandemDbStmt) stmt = NULL;
  TandemDbStep step;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  if ((stmt = _tandem_db_query (project, error,
                                "SELECT " MEASURE_COLUMNS " FROM measure WHERE id = ?1",
                                "s", measure_id)) == NULL ||
      (step = _tandem_db_step (project, stmt, error)) == TANDEM_DB_FAILED)
    return NULL;
  if (step == TANDEM_DB_DONE)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The measure is no longer in the project."));
      return NULL;
    }
  measure = measure_from_row (stmt);
  g_clear_pointer (&stmt, _tandem_db_release);

  if (!read_into (project, measure->points, &point_shape,
                  "SELECT id, date, value, denominator, note, excluded "
                  "FROM data_point WHERE measure_id = ?1 ORDER BY date, rowid",
                  measure_id, error) ||
      !read_into (project, measure->phases, &phase_shape,
                  "SELECT id, starts_on, label FROM phase WHERE measure_id = ?1 "
                  "ORDER BY starts_on, rowid", measure_id, error) ||
      !read_into (project, measure->annotations, &annotation_shape,
                  "SELECT a.id, a.date, a.text, a.node_id, a.pdsa_id, "
                  "coalesce (nullif (p.title, ''), n.title) "
                  "FROM annotation a "
                  "LEFT JOIN pdsa_cycle p ON p.id = a.pdsa_id "
                  "LEFT JOIN node n ON n.id = a.node_id "
                  "WHERE a.measure_id = ?1 ORDER BY a.date, a.rowid", measure_id, error) ||
      /* The change ideas linked to the measure. */
      !_tandem_db_each_row (project, error, 3, add_link, measure,
                            "SELECT n.id, n.title, d.name FROM measure_link l "
                            "JOIN node n ON n.id = l.node_id "
                            "JOIN diagram d ON d.id = n.diagram_id "
                            "WHERE l.measure_id = ?1 "
                            "ORDER BY d.position, d.rowid, n.position, n.rowid", "s", measure_id) ||
      /* Their tests of change, where they started, unless a note on the
       * chart already marks the same PDSA cycle. */
      !_tandem_db_each_row (project, error, 4, add_linked_test, measure,
                            "SELECT p.id, p.node_id, coalesce (nullif (p.title, ''), n.title), "
                            "p.started_on FROM measure_link l "
                            "JOIN pdsa_cycle p ON p.node_id = l.node_id "
                            "JOIN node n ON n.id = p.node_id "
                            "WHERE l.measure_id = ?1 AND NOT EXISTS (SELECT 1 FROM annotation a "
                            "  WHERE a.measure_id = ?1 AND a.pdsa_id = p.id) "
                            "ORDER BY p.started_on, p.position, p.rowid", "s", measure_id))
    return NULL;
  g_ptr_array_sort (measure->annotations, annotation_compare);

  return g_steal_pointer (&measure);
}

static void
add_id (TandemDbStmt *stmt,
        gpointer      ids)
{
  g_ptr_array_add (ids, column_text (stmt, 0));
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
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint found;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_tandem_db_each_row (project, error, 1, add_id, ids,
                            "SELECT id FROM measure WHERE name = ?1 ORDER BY position, rowid",
                            "s", name))
    return NULL;
  found = ids->len;
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
  return g_strdup (ids->pdata[0]);
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
  /* No limit where no value can be: a count's lower limit is 0, not −2.8. */
  tandem_spc_options_set_natural_bounds (&options, data);
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

/* ------------------------------------------------------------------------ */
/* Links to the driver diagrams                                               */

typedef struct
{
  GPtrArray *targets;
  char      *previous;   /* the change idea of the last row */
} LinkTargets;

/* A row of a change idea and one of its PDSA cycles (or none): the idea,
 * the first time it comes, then the cycle. */
static void
add_link_target (TandemDbStmt *stmt,
                 gpointer      data)
{
  LinkTargets *list = data;
  g_autofree char *node_id = column_text (stmt, 0);
  g_autofree char *idea = NULL;
  g_autofree char *diagram = NULL;
  g_autofree char *pdsa_id = NULL;
  TandemLinkTarget *target;

  if (node_id == NULL)
    return;
  idea = column_text_or_empty (stmt, 1);
  diagram = column_text (stmt, 2);
  pdsa_id = column_text (stmt, 3);
  if (g_strcmp0 (node_id, list->previous) != 0)
    {
      target = g_new0 (TandemLinkTarget, 1);
      target->node_id = g_strdup (node_id);
      target->title = g_strdup (idea);
      target->idea_title = g_strdup (idea);
      target->diagram = g_strdup (diagram);
      g_ptr_array_add (list->targets, target);
      g_free (list->previous);
      list->previous = g_strdup (node_id);
    }
  if (pdsa_id == NULL)
    return;
  target = g_new0 (TandemLinkTarget, 1);
  target->node_id = g_strdup (node_id);
  target->pdsa_id = g_steal_pointer (&pdsa_id);
  target->title = column_text (stmt, 4);
  if (target->title == NULL || *target->title == '\0')
    {
      g_free (target->title);
      target->title = g_strdup (idea);
    }
  target->idea_title = g_strdup (idea);
  target->diagram = g_strdup (diagram);
  target->started_on = column_text (stmt, 5);
  if (!is_iso_date (target->started_on))
    g_clear_pointer (&target->started_on, g_free);
  g_ptr_array_add (list->targets, target);
}

/**
 * tandem_measure_list_link_targets:
 * @project: a project
 * @team_id: a team
 * @error: return location for an error
 *
 * Lists what a measure or a note of @team_id can be linked to: every change
 * idea of the team's driver diagrams, each followed by its PDSA cycles, in
 * the diagrams' order.
 *
 * Returns: (transfer container) (element-type TandemLinkTarget) (nullable):
 *   the change ideas and PDSA cycles, or %NULL with @error set
 */
GPtrArray *
tandem_measure_list_link_targets (TandemProject  *project,
                                  const char     *team_id,
                                  GError        **error)
{
  LinkTargets list = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);

  list.targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_link_target_free);
  ok = _tandem_db_each_row (project, error, 6, add_link_target, &list,
                            "SELECT n.id, n.title, d.name, p.id, p.title, p.started_on "
                            "FROM node n JOIN diagram d ON d.id = n.diagram_id "
                            "LEFT JOIN pdsa_cycle p ON p.node_id = n.id "
                            "WHERE d.team_id = ?1 AND n.kind = 'change_idea' "
                            "ORDER BY d.position, d.rowid, n.position, n.rowid, "
                            "  p.position, p.rowid", "s", team_id);
  g_free (list.previous);
  if (!ok)
    {
      g_ptr_array_unref (list.targets);
      return NULL;
    }
  return list.targets;
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                    */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID, message);
  return FALSE;
}

static char *
long_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso ? iso : "");
  text = g_date_time_format (dt, "%-d %B %Y");
  return g_strdup (g_strstrip (text));
}

/**
 * tandem_measure_check_date:
 * @measure: a loaded measure
 * @date: a date, yyyy-mm-dd
 * @phase: %TRUE for the start of a phase, %FALSE for a note
 * @error: return location for a %TANDEM_PROJECT_ERROR_INVALID error that
 *   says, in words for the person, what is wrong and what to do
 *
 * Checks that a phase or a note falls within the measure's data: a note on
 * or between the first and the last value, a phase after the first value
 * (the first phase is the baseline) and on or before the last.
 *
 * Returns: whether @date can be used
 */
gboolean
tandem_measure_check_date (const TandemMeasure  *measure,
                           const char           *date,
                           gboolean              phase,
                           GError              **error)
{
  const TandemDataPoint *first, *last;
  g_autofree char *when = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;

  g_return_val_if_fail (measure != NULL, FALSE);

  if (!is_iso_date (date))
    return invalid (error, _("Type the date as 2026-03-02 or 02/03/2026 (day, month, year)."));
  if (measure->points->len == 0)
    return invalid (error, _("There are no values yet: add the data first, then mark phases "
                             "and notes on it."));
  first = measure->points->pdata[0];
  last = measure->points->pdata[measure->points->len - 1];
  when = long_date (date);
  first_date = long_date (first->date);
  last_date = long_date (last->date);
  if (phase && g_strcmp0 (date, first->date) <= 0)
    return invalid (error, _("A new phase must start after the first value (%s): the points "
                             "before it are the baseline. Choose a later date."), first_date);
  if (!phase && g_strcmp0 (date, first->date) < 0)
    return invalid (error, _("%s is before the first value (%s). Choose a date on or after it."),
                    when, first_date);
  if (g_strcmp0 (date, last->date) > 0)
    return invalid (error, _("%s is after the last value (%s). Choose a date on or before it, "
                             "or add the newer values first."), when, last_date);
  return TRUE;
}

/* A field the person changed from what they were shown (@old_value): if
 * someone else changed it meanwhile, both are kept as a conflict, noted in
 * @conflict, and the rest of the change goes on. */
static gboolean
update_if_changed (TandemProject  *project,
                   const char     *entity,
                   const char     *id,
                   const char     *field,
                   const char     *old_value,
                   const char     *new_value,
                   GError        **conflict,
                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  if (tandem_project_update_checked (project, entity, id, field, TRUE, old_value,
                                     tandem_value_text (new_value), &local_error) ||
      tandem_conflict_set_aside (&local_error, conflict))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * tandem_measure_save_phase:
 * @project: a project
 * @measure: the measure as the person was shown it (to check the date
 *   against its data, and to know what they changed)
 * @phase_id: (nullable): the phase to change, or %NULL to start a new one
 * @starts_on: the date of its first point, yyyy-mm-dd
 * @label: what changed ("after the new observation policy")
 * @freeze: the measure's baseline, the number of points at the start of
 *   each phase its limits are calculated from (2 or more; 0 for every
 *   point), or -1 to leave it as it is
 * @error: return location for an error
 *
 * Starts a new phase, or changes an existing one's date and label (and the
 * baseline of the measure's phases), as one undoable change. An empty
 * label, a date outside the data (see tandem_measure_check_date()), the
 * date of another phase or a baseline of 1 point is refused with
 * %TANDEM_PROJECT_ERROR_INVALID and a message for the person. If someone
 * else (another program on the same file) changed a field the person changed
 * since @measure was loaded, theirs stays, both are kept as a conflict, the
 * rest is saved, and the call fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: (transfer full) (nullable): the phase's id, or %NULL with @error set
 */
char *
tandem_measure_save_phase (TandemProject        *project,
                           const TandemMeasure  *measure,
                           const char           *phase_id,
                           const char           *starts_on,
                           const char           *label,
                           int                   freeze,
                           GError              **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (label ? label : ""));
  gboolean change_freeze = freeze >= 0 && (guint) freeze != measure->freeze;
  g_autoptr(GError) conflict = NULL;
  const TandemPhase *old = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  if (*stripped == '\0')
    {
      invalid (error, _("Say what changed at the start of the phase, such as “after the new "
                        "observation policy”: the label is printed on the chart."));
      return NULL;
    }
  if (freeze == 1)
    {
      invalid (error, _("A baseline needs at least 2 points. Leave it empty to use every point."));
      return NULL;
    }
  if (!tandem_measure_check_date (measure, starts_on, TRUE, error))
    return NULL;
  for (guint i = 0; i < measure->phases->len; i++)
    {
      const TandemPhase *phase = measure->phases->pdata[i];

      if (g_strcmp0 (phase->id, phase_id) == 0)
        old = phase;
      else if (g_strcmp0 (phase->starts_on, starts_on) == 0)
        {
          g_autofree char *when = long_date (starts_on);
          invalid (error, _("Another phase already starts on %s. Choose another date, or "
                            "change that phase."), when);
          return NULL;
        }
    }
  if (phase_id != NULL && old == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The phase is no longer in the project."));
      return NULL;
    }
  if (old && g_strcmp0 (old->starts_on, starts_on) == 0 && g_strcmp0 (old->label, stripped) == 0 &&
      !change_freeze)
    return g_strdup (phase_id);

  if (!tandem_change_begin (&change, project, old ? _("Change a phase") : _("Start a new phase"), error))
    return NULL;
  if (old == NULL)
    {
      TandemField fields[] = {
        { "measure_id", tandem_value_text (measure->id) },
        { "starts_on", tandem_value_text (starts_on) },
        { "label", tandem_value_text (stripped) },
      };
      id = tandem_project_insert (project, "phase", fields, G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  else
    {
      id = g_strdup (phase_id);
      ok = update_if_changed (project, "phase", id, "starts_on", old->starts_on, starts_on, &conflict, error) &&
           update_if_changed (project, "phase", id, "label", old->label, stripped, &conflict, error);
    }
  if (ok && change_freeze)
    {
      g_autofree char *shown = measure->freeze ? g_strdup_printf ("%u", measure->freeze) : NULL;
      g_autoptr(GError) local_error = NULL;

      ok = tandem_project_update_checked (project, "measure", measure->id, "freeze", TRUE, shown,
                                          freeze >= 2 ? tandem_value_int (freeze) : tandem_value_null (),
                                          &local_error) ||
           tandem_conflict_set_aside (&local_error, &conflict);
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (!tandem_change_commit_keeping (&change, ok, g_steal_pointer (&conflict), error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_measure_save_note:
 * @project: a project
 * @measure: the measure as the person was shown it (to check the date
 *   against its data, and to know what they changed)
 * @note_id: (nullable): the note to change, or %NULL to add one
 * @date: the date it is drawn at, yyyy-mm-dd
 * @text: (nullable): what happened
 * @node_id: (nullable): the change idea it is about
 * @pdsa_id: (nullable): the PDSA cycle it is about (its change idea is
 *   linked too when @node_id is %NULL)
 * @error: return location for an error
 *
 * Adds a numbered note to the chart, or changes one, as one undoable
 * change. A note needs some text or a link, and a date within the data
 * (see tandem_measure_check_date()); otherwise it is refused with
 * %TANDEM_PROJECT_ERROR_INVALID and a message for the person. A field
 * someone else changed meanwhile is kept as a conflict, as for
 * tandem_measure_save_phase().
 *
 * Returns: (transfer full) (nullable): the note's id, or %NULL with @error set
 */
char *
tandem_measure_save_note (TandemProject        *project,
                          const TandemMeasure  *measure,
                          const char           *note_id,
                          const char           *date,
                          const char           *text,
                          const char           *node_id,
                          const char           *pdsa_id,
                          GError              **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *idea = g_strdup (node_id);
  g_autoptr(GError) conflict = NULL;
  const TandemAnnotation *old = NULL;
  g_autofree char *id = NULL;
  const char *new_text;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  new_text = *stripped ? stripped : NULL;
  if (pdsa_id != NULL && idea == NULL)
    {
      idea = tandem_project_get_text (project, "pdsa_cycle", pdsa_id, "node_id");
      if (idea == NULL)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                               _("The PDSA cycle is no longer in the project."));
          return NULL;
        }
    }
  if (new_text == NULL && idea == NULL)
    {
      invalid (error, _("Write what happened, or link the note to a PDSA cycle or a change "
                        "idea: a note needs one or the other."));
      return NULL;
    }
  if (!tandem_measure_check_date (measure, date, FALSE, error))
    return NULL;
  for (guint i = 0; note_id && i < measure->annotations->len; i++)
    {
      const TandemAnnotation *annotation = measure->annotations->pdata[i];

      if (!annotation->from_link && g_strcmp0 (annotation->id, note_id) == 0)
        old = annotation;
    }
  if (note_id != NULL && old == NULL)
    {
      g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_NOT_FOUND,
                           _("The note is no longer in the project."));
      return NULL;
    }
  if (old && g_strcmp0 (old->date, date) == 0 && g_strcmp0 (old->text, new_text) == 0 &&
      g_strcmp0 (old->node_id, idea) == 0 && g_strcmp0 (old->pdsa_id, pdsa_id) == 0)
    return g_strdup (note_id);

  if (!tandem_change_begin (&change, project, old ? _("Change a note on the chart") : _("Add a note to the chart"),
                             error))
    return NULL;
  if (old == NULL)
    {
      TandemField fields[] = {
        { "measure_id", tandem_value_text (measure->id) },
        { "date", tandem_value_text (date) },
        { "text", tandem_value_text (new_text) },
        { "node_id", tandem_value_text (idea) },
        { "pdsa_id", tandem_value_text (pdsa_id) },
      };
      id = tandem_project_insert (project, "annotation", fields, G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  else
    {
      id = g_strdup (note_id);
      ok = update_if_changed (project, "annotation", id, "date", old->date, date, &conflict, error) &&
           update_if_changed (project, "annotation", id, "text", old->text, new_text, &conflict, error) &&
           update_if_changed (project, "annotation", id, "node_id", old->node_id, idea, &conflict, error) &&
           update_if_changed (project, "annotation", id, "pdsa_id", old->pdsa_id, pdsa_id, &conflict, error);
    }
  if (!tandem_change_commit_keeping (&change, ok, g_steal_pointer (&conflict), error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_measure_set_linked:
 * @project: a project
 * @measure_id: a measure
 * @node_id: a change idea of the measure's team
 * @linked: whether the measure is to be linked to it
 * @error: return location for an error
 *
 * Links a measure to a change idea, or unlinks it, as one undoable change;
 * nothing changes if it already is (or is not) linked. The PDSA cycles of
 * linked change ideas are drawn on the measure's chart.
 *
 * Returns: whether the measure now is (or is not) linked
 */
gboolean
tandem_measure_set_linked (TandemProject  *project,
                           const char     *measure_id,
                           const char     *node_id,
                           gboolean        linked,
                           GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *link_id = NULL;
  g_autofree char *kind = NULL;
  gboolean found;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL && node_id != NULL, FALSE);

  if (!_tandem_db_query_text (project, error, &link_id, &found,
                              "SELECT id FROM measure_link WHERE measure_id = ?1 AND node_id = ?2",
                              "ss", measure_id, node_id))
    return FALSE;
  if (linked == found)
    return TRUE;

  if (linked)
    {
      kind = tandem_project_get_text (project, "node", node_id, "kind");
      if (g_strcmp0 (kind, "change_idea") != 0)
        {
          g_set_error_literal (error, TANDEM_PROJECT_ERROR, TANDEM_PROJECT_ERROR_INVALID,
                               _("A measure can only be linked to a change idea."));
          return FALSE;
        }
    }
  if (!tandem_change_begin (&change, project, linked ? _("Link a change idea to a measure")
                                             : _("Unlink a change idea from a measure"), error))
    return FALSE;
  if (linked)
    {
      TandemField fields[] = {
        { "measure_id", tandem_value_text (measure_id) },
        { "node_id", tandem_value_text (node_id) },
      };
      g_autofree char *id = tandem_project_insert (project, "measure_link", fields,
                                                   G_N_ELEMENTS (fields), error);
      ok = id != NULL;
    }
  else
    ok = tandem_project_delete (project, "measure_link", link_id, error);
  return ok && tandem_change_commit (&change, error);
}

/* Adds a measure after the team's others as one undoable change (“Add a
 * measure”); the last of @fields is left for its position, counted inside
 * the change. */
static char *
insert_measure (TandemProject  *project,
                const char     *team_id,
                TandemField    *fields,
                guint           n_fields,
                GError        **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  g_autofree char *id = NULL;

  g_assert (g_strcmp0 (fields[n_fields - 1].field, "position") == 0);

  if (!tandem_change_begin (&change, project, _("Add a measure"), error))
    return NULL;
  fields[n_fields - 1].value =
    tandem_value_double (tandem_project_count (project, "measure", "team_id", team_id));
  id = tandem_project_insert (project, "measure", fields, n_fields, error);
  if (id == NULL || !tandem_change_commit (&change, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * tandem_measure_add:
 * @project: a project
 * @team_id: the team
 * @name: the measure's name
 * @error: return location for an error
 *
 * Adds a measure after the team's others, with nothing but its name, as one
 * undoable change (“Add a measure”).
 *
 * Returns: (transfer full) (nullable): the new measure's id
 */
char *
tandem_measure_add (TandemProject  *project,
                    const char     *team_id,
                    const char     *name,
                    GError        **error)
{
  TandemField fields[] = {
    { "team_id", tandem_value_text (team_id) },
    { "name", tandem_value_text (name) },
    { "position", tandem_value_null () },
  };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL && name != NULL, NULL);

  return insert_measure (project, team_id, fields, G_N_ELEMENTS (fields), error);
}

/**
 * tandem_measure_add_set_up:
 * @project: a project
 * @team_id: the team
 * @name: the measure's name
 * @direction: which way is better, as the person said when making it
 * @chart: the chart that fits what is measured
 * @unit: (nullable): the unit ("%" for a proportion)
 * @multiply: the factor for the plotted values (100 for a percentage)
 * @error: return location for an error
 *
 * Adds a measure after the team's others with what was asked when it was
 * made, as one undoable change (“Add a measure”): no setting that decides
 * what the chart says (improvement or concern) is left at a default.
 *
 * Returns: (transfer full) (nullable): the new measure's id
 */
char *
tandem_measure_add_set_up (TandemProject       *project,
                           const char          *team_id,
                           const char          *name,
                           TandemSpcDirection   direction,
                           TandemSpcChart       chart,
                           const char          *unit,
                           double               multiply,
                           GError             **error)
{
  TandemField fields[] = {
    { "team_id", tandem_value_text (team_id) },
    { "name", tandem_value_text (name) },
    { "direction", tandem_value_text (tandem_spc_direction_to_string (direction)) },
    { "chart_type", tandem_value_text (tandem_spc_chart_to_string (chart)) },
    { "unit", unit && *unit ? tandem_value_text (unit) : tandem_value_null () },
    { "multiply", tandem_value_double (multiply) },
    { "position", tandem_value_null () },
  };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (team_id != NULL && name != NULL, NULL);
  g_return_val_if_fail (tandem_spc_direction_to_string (direction) != NULL, NULL);
  g_return_val_if_fail (tandem_spc_chart_to_string (chart) != NULL, NULL);
  g_return_val_if_fail (multiply > 0, NULL);

  return insert_measure (project, team_id, fields, G_N_ELEMENTS (fields), error);
}

/**
 * tandem_measure_delete:
 * @project: a project
 * @measure_id: a measure
 * @error: return location for an error
 *
 * Deletes a measure with its data, phases, notes and links, as one
 * undoable change (“Delete a measure”).
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_measure_delete (TandemProject  *project,
                       const char     *measure_id,
                       GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL, FALSE);

  return _tandem_db_delete (project, "measure", measure_id, _("Delete a measure"), error);
}

/**
 * tandem_measure_set_field:
 * @project: a project
 * @measure_id: a measure
 * @field: one of “name”, “definition”, “unit”, “target”, “freeze”,
 *   “multiply”, “kind”, “direction”, “frequency”, “rules”, “screen_mr”
 * @shown: (nullable): the field as text when the editor showed it (%NULL
 *   for empty)
 * @value: the new value
 * @error: return location for an error
 *
 * Changes one setting of a measure as one undoable change labelled with
 * what changed (“Rename a measure”). If someone else changed the field
 * since the editor showed @shown, theirs stays, both are kept as a conflict,
 * and the call fails with %TANDEM_PROJECT_ERROR_CONFLICT.
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_measure_set_field (TandemProject  *project,
                          const char     *measure_id,
                          const char     *field,
                          const char     *shown,
                          TandemValue     value,
                          GError        **error)
{
  static const TandemFieldLabel fields[] = {
    { "name", N_("Rename a measure") },
    { "definition", N_("Change how a measure is defined") },
    { "unit", N_("Change a measure's unit") },
    { "target", N_("Change a measure's target") },
    { "freeze", N_("Change a measure's baseline") },
    { "multiply", N_("Change a measure's multiplier") },
    { "kind", N_("Change the kind of a measure") },
    { "direction", N_("Change which way is better") },
    { "frequency", N_("Change how often a measure is taken") },
    { "rules", N_("Change a measure's rules") },
    { "screen_mr", N_("Change moving range screening") },
  };
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  TandemFieldEdit edit = { field, shown, TRUE, value, FALSE };
  GError *conflict = NULL;
  const char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL, FALSE);

  label = _tandem_field_label (fields, G_N_ELEMENTS (fields), field,
                               "a measure has no setting", error);
  if (label == NULL)
    return FALSE;
  if (!tandem_change_begin (&change, project, label, error))
    return FALSE;
  ok = tandem_project_update_fields (project, "measure", measure_id, &edit, 1, &conflict, error);
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

/**
 * tandem_measure_set_chart:
 * @project: a project
 * @measure_id: a measure
 * @shown: (nullable): the chart type as text when the editor showed it
 * @chart: the new kind of chart
 * @error: return location for an error
 *
 * Changes a measure's chart as one undoable change (“Change a measure's
 * chart”). Making Data Count has no rules for run charts, so a run chart
 * goes back to the usual rules. A conflict is kept and reported as by
 * tandem_measure_set_field().
 *
 * Returns: %TRUE if saved
 */
gboolean
tandem_measure_set_chart (TandemProject   *project,
                          const char      *measure_id,
                          const char      *shown,
                          TandemSpcChart   chart,
                          GError         **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  TandemFieldEdit edit = {
    "chart_type", shown, TRUE, tandem_value_text (tandem_spc_chart_to_string (chart)), FALSE
  };
  g_autofree char *rules = NULL;
  GError *conflict = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (measure_id != NULL, FALSE);

  if (!tandem_change_begin (&change, project, _("Change a measure's chart"), error))
    return FALSE;
  ok = tandem_project_update_fields (project, "measure", measure_id, &edit, 1, &conflict, error);
  if (ok && !edit.conflict && chart == TANDEM_SPC_CHART_RUN)
    {
      TandemSpcRules stored = TANDEM_SPC_RULES_DEFAULT;

      rules = tandem_project_get_text (project, "measure", measure_id, "rules");
      if (rules != NULL && tandem_spc_rules_from_string (rules, &stored) &&
          stored == TANDEM_SPC_RULES_MDC)
        ok = tandem_project_update (project, "measure", measure_id, "rules", tandem_value_null (),
                                    error);
    }
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

static TandemValue
number_value (double value)
{
  return isnan (value) ? tandem_value_null () : tandem_value_double (value);
}

/**
 * tandem_measure_add_value:
 * @project: a project
 * @measure_id: a measure
 * @date: the value's date, yyyy-mm-dd
 * @value: the value (the numerator for a ratio), NAN if missing
 * @denominator: NAN if none
 * @note: (nullable): what happened
 * @excluded: whether it is left out of the calculations
 * @error: return location for an error
 *
 * Adds one data point to a measure as one undoable change (“Add a value”).
 *
 * Returns: (transfer full) (nullable): the new data point's id
 */
char *
tandem_measure_add_value (TandemProject  *project,
                          const char     *measure_id,
                          const char     *date,
                          double          value,
                          double          denominator,
                          const char     *note,
                          gboolean        excluded,
                          GError        **error)
{
  TandemField fields[] = {
    { "measure_id", tandem_value_text (measure_id) },
    { "date", tandem_value_text (date) },
    { "value", number_value (value) },
    { "denominator", number_value (denominator) },
    { "note", tandem_value_text (note) },
    { "excluded", tandem_value_int (excluded) },
  };

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (measure_id != NULL && date != NULL, NULL);

  return _tandem_db_insert_change (project, _("Add a value"), "data_point", fields,
                                   G_N_ELEMENTS (fields), error);
}

/**
 * tandem_measure_change_value:
 * @project: a project
 * @point_id: a data point
 * @edits: (array length=n_edits): its fields as the form shows them
 *   (“date”, “value”, “denominator”, “note”, “excluded”)
 * @n_edits: how many
 * @error: return location for an error
 *
 * Saves the fields of a data point the person changed as one undoable
 * change (“Change a value”), each checked against what the form showed. A
 * field someone else changed meanwhile keeps their value, both are kept as
 * a conflict and its edit is marked; the rest is saved, and the call fails
 * with %TANDEM_PROJECT_ERROR_CONFLICT. Any other failure saves nothing.
 *
 * Returns: %TRUE if every changed field is saved
 */
gboolean
tandem_measure_change_value (TandemProject    *project,
                             const char       *point_id,
                             TandemFieldEdit  *edits,
                             guint             n_edits,
                             GError          **error)
{
  g_auto(TandemChange) change = TANDEM_CHANGE_INIT;
  GError *conflict = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (point_id != NULL, FALSE);

  if (!tandem_change_begin (&change, project, _("Change a value"), error))
    return FALSE;
  ok = tandem_project_update_fields (project, "data_point", point_id, edits, n_edits, &conflict,
                                     error);
  return tandem_change_commit_keeping (&change, ok, conflict, error);
}

/**
 * tandem_measure_delete_value:
 * @project: a project
 * @point_id: a data point
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete a value”, undoable)
 */
gboolean
tandem_measure_delete_value (TandemProject  *project,
                             const char     *point_id,
                             GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (point_id != NULL, FALSE);

  return _tandem_db_delete (project, "data_point", point_id, _("Delete a value"), error);
}

/**
 * tandem_measure_delete_phase:
 * @project: a project
 * @phase_id: a phase of a measure
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete a phase”, undoable)
 */
gboolean
tandem_measure_delete_phase (TandemProject  *project,
                             const char     *phase_id,
                             GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (phase_id != NULL, FALSE);

  return _tandem_db_delete (project, "phase", phase_id, _("Delete a phase"), error);
}

/**
 * tandem_measure_delete_note:
 * @project: a project
 * @note_id: a note on a measure's chart (an annotation)
 * @error: return location for an error
 *
 * Returns: %TRUE if saved (“Delete a note”, undoable)
 */
gboolean
tandem_measure_delete_note (TandemProject  *project,
                            const char     *note_id,
                            GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);

  return _tandem_db_delete (project, "annotation", note_id, _("Delete a note"), error);
}
