/* tandem-spc.c — the SPC analysis engine: names, data, aggregation and the
 * analysis itself; the limits are in tandem-spc-limits.c, the rules in
 * tandem-spc-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a formula is qicharts2's (R/helper.functions.R) or NHSRplotthedots'
 * (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R) the comment says so;
 * the arithmetic follows theirs closely enough to give the same numbers,
 * including where R removes missing values (na.rm) and where it does not.
 */

#define G_LOG_DOMAIN "Tandem-SPC"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "tandem-spc.h"
#include "tandem-spc-private.h"

struct _TandemSpcData
{
  gboolean    has_n;
  GArray     *y;          /* double per observation */
  GArray     *n;          /* double per observation, or NULL */
  GArray     *group;      /* guint32 subgroup per observation, or NULL */
  GPtrArray  *labels;     /* char * per subgroup, or NULL: labelled 1, 2, … */
  GHashTable *index;      /* label → subgroup + 1 */
  gsize       n_subgroups;
  gboolean    grouped;    /* some subgroup has more than one observation */
};

struct _TandemSpcResultPrivate
{
  double     *y;            /* per point */
  double     *n;            /* per point, or NULL without denominators */
  guint8     *included;     /* per point */
  guint8     *signals;      /* per point */
  guint8     *variations;   /* per point */
  Lines      *lines;        /* per phase */
  Limits     *limits;       /* per point, or NULL where the phase's apply */
  GPtrArray  *labels;       /* per point, or NULL: labelled 1, 2, … */
};

G_DEFINE_QUARK (tandem-spc-error-quark, tandem_spc_error)

/* ------------------------------------------------------------------------ */
/* Names                                                                      */
/* ------------------------------------------------------------------------ */

static const char * const variation_names[] = {
  NULL,
  "common_cause",
  "special_cause_improvement",
  "special_cause_concern",
  "special_cause_neutral_high",
  "special_cause_neutral_low",
};

static const char * const assurance_names[] = {
  NULL, "consistent_pass", "consistent_fail", "inconsistent",
};

/* names[value], or NULL past the end. */
static const char *
name_in (const char * const *names,
         guint               n_names,
         guint               value)
{
  return value < n_names ? names[value] : NULL;
}

/* The words of the chart types, rule sets and directions are the nicks of
 * their enum types (tandem-spc-enums.h). */
static const char *
word_of (GType enum_type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  const GEnumValue *found = g_enum_get_value (klass, value);

  /* A static enum type's class is never finalized: the nick outlives it. */
  return found != NULL ? found->value_nick : NULL;
}

/* The value whose word is @name, case ignored, if it is @first or later. */
static gboolean
value_of (GType       enum_type,
          int         first,
          const char *name,
          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *word = NULL;
  const GEnumValue *found;

  if (name == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  word = g_ascii_strdown (name, -1);
  found = g_enum_get_value_by_nick (klass, word);
  if (found == NULL || found->value < first)
    return FALSE;
  *value = found->value;
  return TRUE;
}

/**
 * tandem_spc_chart_to_string:
 * @chart: a chart type
 *
 * Returns the chart's short name as used in JSON and on the command line
 * ("run", "i", "xbar", "pp" …), or %NULL for an unknown value.
 */
const char *
tandem_spc_chart_to_string (TandemSpcChart chart)
{
  return word_of (TANDEM_TYPE_SPC_CHART, chart);
}

/**
 * tandem_spc_chart_from_string:
 * @name: a short chart name, case ignored
 * @chart: (out): the chart type
 *
 * Looks up a chart type by the name tandem_spc_chart_to_string() gives.
 * Returns %FALSE, leaving @chart alone, if @name is not a chart type.
 */
gboolean
tandem_spc_chart_from_string (const char     *name,
                              TandemSpcChart *chart)
{
  return value_of (TANDEM_TYPE_SPC_CHART, 0, name, (int *) chart);
}

/**
 * tandem_spc_chart_is_control:
 * @chart: a chart type
 *
 * Returns %TRUE for the control charts (every chart but the run chart).
 */
gboolean
tandem_spc_chart_is_control (TandemSpcChart chart)
{
  return chart != TANDEM_SPC_CHART_RUN;
}

/**
 * tandem_spc_chart_needs_n:
 * @chart: a chart type
 *
 * Returns %TRUE for the charts of proportions and rates (p, pp, u, up), which
 * cannot be drawn without a denominator.
 */
gboolean
tandem_spc_chart_needs_n (TandemSpcChart chart)
{
  return chart == TANDEM_SPC_CHART_P || chart == TANDEM_SPC_CHART_PP ||
         chart == TANDEM_SPC_CHART_U || chart == TANDEM_SPC_CHART_UP;
}

/**
 * tandem_spc_rules_to_string:
 * @rules: a rule set
 *
 * Returns "anhoej", "ihi", "mdc" (or "default"), %NULL for an unknown value.
 */
const char *
tandem_spc_rules_to_string (TandemSpcRules rules)
{
  return word_of (TANDEM_TYPE_SPC_RULES, rules);
}

/**
 * tandem_spc_rules_from_string:
 * @name: "anhoej", "ihi" or "mdc", case ignored
 * @rules: (out): the rule set
 *
 * Returns %FALSE, leaving @rules alone, if @name is not a rule set.
 */
gboolean
tandem_spc_rules_from_string (const char     *name,
                              TandemSpcRules *rules)
{
  /* "default" is not a rule set a person names. */
  return value_of (TANDEM_TYPE_SPC_RULES, TANDEM_SPC_RULES_ANHOEJ, name, (int *) rules);
}

/**
 * tandem_spc_direction_to_string:
 * @direction: an improvement direction
 *
 * Returns "increase", "decrease" or "neutral", %NULL for an unknown value.
 */
const char *
tandem_spc_direction_to_string (TandemSpcDirection direction)
{
  return word_of (TANDEM_TYPE_SPC_DIRECTION, direction);
}

/**
 * tandem_spc_direction_from_string:
 * @name: "increase", "decrease" or "neutral", case ignored
 * @direction: (out): the direction
 *
 * Returns %FALSE, leaving @direction alone, if @name is not a direction.
 */
gboolean
tandem_spc_direction_from_string (const char         *name,
                                  TandemSpcDirection *direction)
{
  return value_of (TANDEM_TYPE_SPC_DIRECTION, 0, name, (int *) direction);
}

/**
 * tandem_spc_variation_to_string:
 * @variation: a variation
 *
 * Returns the Making Data Count name ("common_cause",
 * "special_cause_improvement" …), or %NULL for %TANDEM_SPC_VARIATION_NONE.
 */
const char *
tandem_spc_variation_to_string (TandemSpcVariation variation)
{
  return name_in (variation_names, G_N_ELEMENTS (variation_names), variation);
}

/**
 * tandem_spc_assurance_to_string:
 * @assurance: an assurance
 *
 * Returns "consistent_pass", "consistent_fail" or "inconsistent", or %NULL
 * for %TANDEM_SPC_ASSURANCE_NONE.
 */
const char *
tandem_spc_assurance_to_string (TandemSpcAssurance assurance)
{
  return name_in (assurance_names, G_N_ELEMENTS (assurance_names), assurance);
}

/* ------------------------------------------------------------------------ */
/* Data                                                                       */
/* ------------------------------------------------------------------------ */

/**
 * tandem_spc_data_new:
 * @has_denominators: whether the observations come with a denominator n
 *
 * Creates an empty set of observations, to fill with tandem_spc_data_add().
 * Charts of proportions and rates need @has_denominators; for the other
 * charts a denominator turns each subgroup's value into Σy / Σn, as qicharts2
 * does.
 *
 * Returns: (transfer full): the new data; free with tandem_spc_data_free()
 */
TandemSpcData *
tandem_spc_data_new (gboolean has_denominators)
{
  TandemSpcData *data = g_new0 (TandemSpcData, 1);

  data->has_n = !!has_denominators;
  data->y = g_array_new (FALSE, FALSE, sizeof (double));
  data->n = has_denominators ? g_array_new (FALSE, FALSE, sizeof (double)) : NULL;
  data->group = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->labels = g_ptr_array_new_with_free_func (g_free);
  data->index = g_hash_table_new (g_str_hash, g_str_equal);

  return data;
}

/**
 * tandem_spc_data_new_from_values:
 * @y: (array length=count): the values, NAN for a missing one
 * @n: (array length=count) (nullable): the denominators, or %NULL
 * @count: number of values
 *
 * Creates data where each value is its own subgroup, labelled by its 1-based
 * position.  This is the quick way in for data that is already one value per
 * point.
 *
 * Returns: (transfer full): the new data; free with tandem_spc_data_free()
 */
TandemSpcData *
tandem_spc_data_new_from_values (const double *y,
                                 const double *n,
                                 gsize         count)
{
  TandemSpcData *data;

  g_return_val_if_fail (y != NULL || count == 0, NULL);
  g_return_val_if_fail (count <= G_MAXUINT32, NULL);

  data = g_new0 (TandemSpcData, 1);
  data->has_n = n != NULL;
  data->y = g_array_sized_new (FALSE, FALSE, sizeof (double), count);
  g_array_append_vals (data->y, y, count);
  if (n != NULL)
    {
      data->n = g_array_sized_new (FALSE, FALSE, sizeof (double), count);
      g_array_append_vals (data->n, n, count);
    }
  data->n_subgroups = count;

  return data;
}

/**
 * tandem_spc_data_free:
 * @data: (transfer full): data from tandem_spc_data_new()
 *
 * Frees the observations.  Results made from them stay valid.
 */
void
tandem_spc_data_free (TandemSpcData *data)
{
  if (data == NULL)
    return;

  g_array_unref (data->y);
  g_clear_pointer (&data->n, g_array_unref);
  g_clear_pointer (&data->group, g_array_unref);
  g_clear_pointer (&data->index, g_hash_table_unref);
  g_clear_pointer (&data->labels, g_ptr_array_unref);
  g_free (data);
}

/**
 * tandem_spc_data_add:
 * @data: data from tandem_spc_data_new()
 * @x: the observation's x label (invalid UTF-8 is repaired)
 * @y: its value, NAN if missing
 * @n: its denominator, NAN if missing (ignored without denominators)
 *
 * Adds one observation.  It joins the subgroup with the same @x, or starts a
 * new subgroup after the existing ones.
 */
void
tandem_spc_data_add (TandemSpcData *data,
                     const char    *x,
                     double         y,
                     double         n)
{
  g_autofree char *repaired = NULL;
  gpointer found;
  guint32 subgroup;

  g_return_if_fail (data != NULL);
  g_return_if_fail (x != NULL);
  g_return_if_fail (data->labels != NULL);

  /* Invalid UTF-8 is repaired the same way every time, so the repaired
   * label is what identifies the subgroup. */
  if (!g_utf8_validate (x, -1, NULL))
    x = repaired = g_utf8_make_valid (x, -1);

  found = g_hash_table_lookup (data->index, x);
  if (found != NULL)
    {
      subgroup = GPOINTER_TO_UINT (found) - 1;
      data->grouped = TRUE;
    }
  else
    {
      char *label = repaired != NULL ? g_steal_pointer (&repaired) : g_strdup (x);

      g_return_if_fail (data->n_subgroups < G_MAXUINT32 - 1);

      subgroup = data->n_subgroups++;
      g_ptr_array_add (data->labels, label);
      g_hash_table_insert (data->index, label, GUINT_TO_POINTER (subgroup + 1));
    }

  g_array_append_val (data->y, y);
  if (data->n != NULL)
    g_array_append_val (data->n, n);
  g_array_append_val (data->group, subgroup);
}

/**
 * tandem_spc_data_has_denominators:
 * @data: the data
 *
 * Returns whether the observations have a denominator n.
 */
gboolean
tandem_spc_data_has_denominators (const TandemSpcData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);
  return data->has_n;
}

/**
 * tandem_spc_data_get_n_observations:
 * @data: the data
 *
 * Returns the number of observations added.
 */
gsize
tandem_spc_data_get_n_observations (const TandemSpcData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->y->len;
}

/**
 * tandem_spc_data_get_n_subgroups:
 * @data: the data
 *
 * Returns the number of subgroups, that is of points on the chart.
 */
gsize
tandem_spc_data_get_n_subgroups (const TandemSpcData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_subgroups;
}

/**
 * tandem_spc_data_get_label:
 * @data: the data
 * @subgroup: a 0-based subgroup index
 *
 * Returns the x label of a subgroup, or %NULL for data made with
 * tandem_spc_data_new_from_values() (whose points are labelled by position).
 */
const char *
tandem_spc_data_get_label (const TandemSpcData *data,
                           gsize                subgroup)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (subgroup < data->n_subgroups, NULL);

  if (data->labels == NULL)
    return NULL;
  return g_ptr_array_index (data->labels, subgroup);
}

/**
 * tandem_spc_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * Sets the defaults: a run chart, the default rules for the chart, no
 * freeze, no phases, nothing excluded, moving-range screening on, multiply by
 * 1, increase is better, no target.
 */
void
tandem_spc_options_init (TandemSpcOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->chart = TANDEM_SPC_CHART_RUN;
  options->rules = TANDEM_SPC_RULES_DEFAULT;
  options->screen_mr = TRUE;
  options->multiply = 1.0;
  options->direction = TANDEM_SPC_DIRECTION_INCREASE;
  options->target = NAN;
  options->lower_bound = NAN;
  options->upper_bound = NAN;
}

/**
 * tandem_spc_options_set_natural_bounds:
 * @options: options with their chart and multiplier set
 * @data: the observations to be analysed
 *
 * Sets the bounds a measure's values cannot pass, so that no limit is drawn
 * or reported where no value can be: 0 below for counts and rates (c, u,
 * u′, g and t charts), for proportions (p, p′: and their whole, 1 × the
 * multiplier, above), for moving ranges and standard deviations, and for any
 * other chart whose observations are none of them negative.  A limit that
 * lies inside the bounds is reported as calculated.
 */
void
tandem_spc_options_set_natural_bounds (TandemSpcOptions    *options,
                                       const TandemSpcData *data)
{
  gboolean none_negative = data->y->len > 0;

  g_return_if_fail (options != NULL);
  g_return_if_fail (data != NULL);

  for (guint i = 0; i < data->y->len && none_negative; i++)
    if (g_array_index (data->y, double, i) < 0)
      none_negative = FALSE;

  options->lower_bound = NAN;
  options->upper_bound = NAN;
  switch (options->chart)
    {
    case TANDEM_SPC_CHART_P:
    case TANDEM_SPC_CHART_PP:
      options->upper_bound = options->multiply > 0 ? options->multiply : 1;
      options->lower_bound = 0;
      break;
    case TANDEM_SPC_CHART_C:
    case TANDEM_SPC_CHART_U:
    case TANDEM_SPC_CHART_UP:
    case TANDEM_SPC_CHART_G:
    case TANDEM_SPC_CHART_T:
    case TANDEM_SPC_CHART_MR:
    case TANDEM_SPC_CHART_S:
      options->lower_bound = 0;
      break;
    case TANDEM_SPC_CHART_RUN:
    case TANDEM_SPC_CHART_I:
    case TANDEM_SPC_CHART_XBAR:
    default:
      if (none_negative)
        options->lower_bound = 0;
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Aggregation: observations into subgroups                                   */
/* ------------------------------------------------------------------------ */

static void
aggregate (Analysis            *an,
           const TandemSpcData *data)
{
  gsize n_obs = data->y->len;
  const double *y = (const double *) (gpointer) data->y->data;
  const double *nn = data->n != NULL ? (const double *) (gpointer) data->n->data : NULL;
  TandemSpcChart chart = an->chart;
  /* c, xbar and s count the values themselves; the others, given a
   * denominator, plot Σy / Σn over the rows that have both (qicharts2) */
  gboolean ratio = nn != NULL && chart != TANDEM_SPC_CHART_C &&
                   chart != TANDEM_SPC_CHART_XBAR && chart != TANDEM_SPC_CHART_S;
  gboolean need_sd = chart == TANDEM_SPC_CHART_XBAR || chart == TANDEM_SPC_CHART_S;
  gsize n = an->n;
  g_autofree double *own_sum = NULL;
  g_autofree guint32 *own_len = NULL;
  const guint32 *group;
  double *sum;
  guint32 *len;

  if (!data->grouped)
    {
      /* one observation a point: nothing to add up */
      for (gsize i = 0; i < n; i++)
        {
          double yi = y[i];
          double ni = nn != NULL ? nn[i] : NAN;
          gboolean complete = !isnan (yi) && !isnan (ni);

          if (an->n_sum != NULL)
            an->n_sum[i] = complete ? ni : NAN;
          if (ratio)
            {
              double value = complete ? yi / ni : NAN;

              an->v[i] = isfinite (value) ? value : NAN;
              if (an->y_sum != NULL)
                an->y_sum[i] = complete ? yi : NAN;
            }
          else if (need_sd)
            {
              an->y_len[i] = !isnan (yi);
              an->y_mean[i] = yi;
              an->y_sd[i] = NAN;
              an->v[i] = chart == TANDEM_SPC_CHART_S ? NAN : (isfinite (yi) ? yi : NAN);
            }
          else
            an->v[i] = isfinite (yi) ? yi : NAN;
        }
      return;
    }

  group = (const guint32 *) (gpointer) data->group->data;
  sum = an->y_sum != NULL ? an->y_sum : (own_sum = g_new (double, n));
  len = an->y_len != NULL ? an->y_len : (own_len = g_new (guint32, n));

  for (gsize g = 0; g < n; g++)
    {
      sum[g] = 0;
      len[g] = 0;
      if (an->n_sum != NULL)
        an->n_sum[g] = 0;
    }

  for (gsize j = 0; j < n_obs; j++)
    {
      gsize g = group[j];
      double yj = y[j];

      if (isnan (yj) || (ratio && isnan (nn[j])))
        continue;
      sum[g] += yj;
      len[g]++;
      if (an->n_sum != NULL && !isnan (nn[j]))
        an->n_sum[g] += nn[j];
    }

  for (gsize g = 0; g < n; g++)
    {
      if (len[g] == 0)
        {
          sum[g] = NAN;
          if (an->n_sum != NULL)
            an->n_sum[g] = NAN;
        }
    }

  if (need_sd)
    {
      for (gsize g = 0; g < n; g++)
        {
          an->y_mean[g] = len[g] > 0 ? sum[g] / len[g] : NAN;
          an->y_sd[g] = 0;
        }
      for (gsize j = 0; j < n_obs; j++)
        {
          gsize g = group[j];

          if (!isnan (y[j]))
            {
              double d = y[j] - an->y_mean[g];

              an->y_sd[g] += d * d;
            }
        }
      for (gsize g = 0; g < n; g++)
        an->y_sd[g] = len[g] > 1 ? sqrt (an->y_sd[g] / (len[g] - 1)) : NAN;
    }

  for (gsize g = 0; g < n; g++)
    {
      double value;

      if (chart == TANDEM_SPC_CHART_C)
        value = sum[g];
      else if (chart == TANDEM_SPC_CHART_XBAR)
        value = an->y_mean[g];
      else if (chart == TANDEM_SPC_CHART_S)
        value = an->y_sd[g];
      else if (ratio)
        value = sum[g] / an->n_sum[g];
      else
        value = len[g] > 0 ? sum[g] / len[g] : NAN;

      an->v[g] = isfinite (value) ? value : NAN;
    }
}

/* ------------------------------------------------------------------------ */
/* The analysis                                                               */
/* ------------------------------------------------------------------------ */

static inline double
finite_or_nan (double x)
{
  return isfinite (x) ? x : NAN;
}

static inline void
scale_limits (Limits *l,
              double  multiply)
{
  l->lcl = finite_or_nan (l->lcl * multiply);
  l->ucl = finite_or_nan (l->ucl * multiply);
  l->lcl95 = finite_or_nan (l->lcl95 * multiply);
  l->ucl95 = finite_or_nan (l->ucl95 * multiply);
}

static void
scale_lines (Lines  *lines,
             double  multiply)
{
  lines->cl = finite_or_nan (lines->cl * multiply);
  scale_limits (&lines->lim, multiply);
}

/* Limits past what the measure can take are held at its bounds (NAN: none),
 * noting it in the phase. */
static void
bound_limits (Limits         *l,
              double          lower,
              double          upper,
              TandemSpcPhase *phase)
{
  if (!isnan (lower))
    {
      if (l->lcl < lower)
        l->lcl = lower, phase->lcl_floored = TRUE;
      if (l->lcl95 < lower)
        l->lcl95 = lower;
    }
  if (!isnan (upper))
    {
      if (l->ucl > upper)
        l->ucl = upper, phase->ucl_capped = TRUE;
      if (l->ucl95 > upper)
        l->ucl95 = upper;
    }
}

/* The 0-based phase of a point. */
static gsize
find_phase (const TandemSpcResult *result,
            gsize                  index)
{
  gsize lo = 0, hi = result->n_phases;

  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (result->phases[mid].first - 1 <= index)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* A point's lines: the phase's, or its own limits where they vary. */
static void
fill_point (TandemSpcPoint *point,
            const Lines    *lines,
            const Limits   *own)
{
  const Limits *l = own != NULL ? own : &lines->lim;

  point->cl = lines->cl;
  point->lcl = l->lcl;
  point->ucl = l->ucl;
  point->lcl95 = l->lcl95;
  point->ucl95 = l->ucl95;
}

static int
compare_gsize (const void *a,
               const void *b)
{
  gsize x = *(const gsize *) a;
  gsize y = *(const gsize *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/**
 * tandem_spc_analyse:
 * @data: the measure's observations
 * @options: the chart and its settings (see tandem_spc_options_init())
 * @error: return location for a #TANDEM_SPC_ERROR
 *
 * Analyses a measure as a run chart or control chart: the one function behind
 * the chart on screen, on paper, in exports and on the command line.
 *
 * The observations are first grouped into subgroups by x, in order of first
 * appearance.  A subgroup's value is the mean of its values for run, i, mr, t
 * and g charts (Σy / Σn over the rows with both, when there are
 * denominators), the sum for c charts, Σy / Σn for p, pp, u and up charts,
 * the mean for xbar charts and the standard deviation for s charts.
 *
 * Each phase is then analysed on its own: its centre line and limits (as
 * qicharts2 computes them, or with the Making Data Count constants for an i
 * chart under the mdc rules), the Anhøj runs analysis, and the signals of the
 * rule set.  Multiplying comes last.  Missing values stay in the result with
 * their centre line and limits, their value NAN.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 *   when the options or the data do not allow the chart
 */
TandemSpcResult *
tandem_spc_analyse (const TandemSpcData     *data,
                    const TandemSpcOptions  *options,
                    GError                 **error)
{
  g_autoptr(TandemSpcResult) result = NULL;
  Analysis an = { 0 };
  gsize n;
  gsize freeze;
  gsize *starts;
  gsize n_phases;
  gboolean ok = TRUE;
  double multiply;
  gsize last_valued = G_MAXSIZE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = data->n_subgroups;

  if ((guint) options->chart >= TANDEM_SPC_N_CHARTS)
    {
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS,
                   "Unknown chart type %d", (int) options->chart);
      return NULL;
    }
  if ((guint) options->rules > TANDEM_SPC_RULES_MDC)
    {
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS,
                   "Unknown rule set %d", (int) options->rules);
      return NULL;
    }
  if ((guint) options->direction > TANDEM_SPC_DIRECTION_NEUTRAL)
    {
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS,
                   "Unknown improvement direction %d", (int) options->direction);
      return NULL;
    }

  an.chart = options->chart;
  an.rules = options->rules;
  if (an.rules == TANDEM_SPC_RULES_DEFAULT)
    an.rules = an.chart == TANDEM_SPC_CHART_RUN ? TANDEM_SPC_RULES_IHI : TANDEM_SPC_RULES_MDC;

  if (an.rules == TANDEM_SPC_RULES_MDC && an.chart == TANDEM_SPC_CHART_RUN)
    {
      g_set_error_literal (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS,
                           "The Making Data Count (mdc) rules need a control chart; "
                           "use the ihi or anhoej rules for a run chart");
      return NULL;
    }

  multiply = options->multiply;
  if (!(multiply > 0) || !isfinite (multiply))
    {
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_OPTIONS,
                   "The multiplier must be a number greater than zero");
      return NULL;
    }

  if (tandem_spc_chart_needs_n (an.chart) && !data->has_n)
    {
      g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA,
                   "A %s chart needs a denominator (n) for each value",
                   tandem_spc_chart_to_string (an.chart));
      return NULL;
    }

  if (n == 0)
    {
      g_set_error_literal (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA,
                           "There are no data to analyse");
      return NULL;
    }

  if (tandem_spc_chart_needs_n (an.chart))
    {
      const double *nn = (const double *) (gpointer) data->n->data;

      for (gsize j = 0; j < data->n->len; j++)
        {
          if (nn[j] < 0)
            {
              g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA,
                           "Observation %" G_GSIZE_FORMAT ": the denominator (n) must "
                           "not be negative", j + 1);
              return NULL;
            }
        }
    }

  result = g_new0 (TandemSpcResult, 1);
  result->priv = g_new0 (TandemSpcResultPrivate, 1);
  result->chart = an.chart;
  result->rules = an.rules;
  result->direction = options->direction;
  result->target = options->target;
  result->lower_bound = options->lower_bound;
  result->upper_bound = options->upper_bound;
  result->n_points = n;
  if (data->labels != NULL)
    result->priv->labels = g_ptr_array_ref (data->labels);

  an.n = n;
  an.screen = options->screen_mr;
  an.v = g_new (double, n);
  an.n_sum = data->has_n ? g_new (double, n) : NULL;
  if (tandem_spc_chart_needs_n (an.chart))
    an.y_sum = g_new (double, n);
  if (an.chart == TANDEM_SPC_CHART_XBAR || an.chart == TANDEM_SPC_CHART_S)
    {
      an.y_len = g_new (guint32, n);
      an.y_mean = g_new (double, n);
      an.y_sd = g_new (double, n);
    }
  if (an.chart == TANDEM_SPC_CHART_XBAR || an.chart == TANDEM_SPC_CHART_S ||
      tandem_spc_chart_needs_n (an.chart))
    an.limits = g_new (Limits, n);
  an.inc = g_new (guint8, n);
  an.side = g_new (gint8, n);
  an.flags = g_new0 (guint8, n);
  an.trend_dir = g_new (gint8, n);
  switch (an.chart)
    {
    case TANDEM_SPC_CHART_RUN:
    case TANDEM_SPC_CHART_G:
      an.work = g_new (double, n);
      break;
    case TANDEM_SPC_CHART_PP:
    case TANDEM_SPC_CHART_UP:
      an.work3 = g_new (double, n);
      G_GNUC_FALLTHROUGH;
    case TANDEM_SPC_CHART_T:
    case TANDEM_SPC_CHART_P:
    case TANDEM_SPC_CHART_U:
      an.work2 = g_new (double, n);
      break;
    case TANDEM_SPC_CHART_I:
    case TANDEM_SPC_CHART_MR:
    case TANDEM_SPC_CHART_XBAR:
    case TANDEM_SPC_CHART_S:
    case TANDEM_SPC_CHART_C:
    default:
      break;
    }

  aggregate (&an, data);

  memset (an.inc, 1, n);
  for (gsize k = 0; k < options->n_exclude; k++)
    {
      gsize idx = options->exclude[k];

      if (idx >= 1 && idx <= n)
        an.inc[idx - 1] = 0;
    }

  /* phases: a new one after each valid part index */
  starts = g_new (gsize, options->n_parts + 2);
  n_phases = 0;
  starts[n_phases++] = 0;
  if (options->n_parts > 0)
    {
      g_autofree gsize *sorted = g_memdup2 (options->parts, options->n_parts * sizeof (gsize));

      qsort (sorted, options->n_parts, sizeof (gsize), compare_gsize);
      for (gsize k = 0; k < options->n_parts; k++)
        if (sorted[k] >= 1 && sorted[k] < n && sorted[k] != starts[n_phases - 1])
          starts[n_phases++] = sorted[k];
    }
  starts[n_phases] = n;

  /* qicharts2 ignores freeze when there are phases; Making Data Count (and
   * here the IHI rules) freeze within each phase */
  freeze = options->freeze;
  if (an.rules == TANDEM_SPC_RULES_ANHOEJ && options->n_parts > 0)
    freeze = 0;

  result->n_phases = n_phases;
  result->phases = g_new0 (TandemSpcPhase, n_phases);
  an.lines = g_new (Lines, n_phases);

  for (gsize ph = 0; ph < n_phases && ok; ph++)
    {
      gsize a = starts[ph];
      gsize b = starts[ph + 1];
      gsize base_end = freeze > 0 && freeze < b - a ? a + freeze : b;
      TandemSpcPhase *phase = &result->phases[ph];

      phase->first = a + 1;
      phase->last = b;

      ok = limits_for_phase (&an, &an.lines[ph], a, b, base_end, error);
      if (!ok)
        break;

      anhoej_for_phase (&an, phase, a, b, an.lines[ph].cl);

      if (an.rules == TANDEM_SPC_RULES_IHI)
        ihi_rules (&an, a, b);
      else if (an.rules == TANDEM_SPC_RULES_MDC)
        mdc_rules (&an, &an.lines[ph], a, b);
    }

  if (ok)
    {
      /* trend_dir is only set where a trend is flagged, and only read there;
       * the per-point variations reuse the side buffer */
      guint8 *variations = (guint8 *) an.side;

      for (gsize ph = 0; ph < n_phases; ph++)
        {
          TandemSpcPhase *phase = &result->phases[ph];
          Lines *lines = &an.lines[ph];
          guint8 runs = an.rules == TANDEM_SPC_RULES_ANHOEJ && phase->runs_signal
                        ? TANDEM_SPC_SIGNAL_RUNS : 0;
          long double sum_lcl = 0, sum_ucl = 0;
          gsize n_lcl = 0, n_ucl = 0;

          /* as qicharts2: multiply, then lines that are not finite do not
           * exist, then the points beyond the limits */
          scale_lines (lines, multiply);
          bound_limits (&lines->lim, options->lower_bound, options->upper_bound, phase);

          for (gsize i = phase->first - 1; i < phase->last; i++)
            {
              const Limits *lim = &lines->lim;
              double y = an.v[i] * multiply;
              guint8 signals = an.flags[i] | runs;

              if (an.limits != NULL)
                {
                  scale_limits (&an.limits[i], multiply);
                  bound_limits (&an.limits[i], options->lower_bound, options->upper_bound, phase);
                  lim = &an.limits[i];
                  if (!isnan (lim->lcl))
                    sum_lcl += lim->lcl, n_lcl++;
                  if (!isnan (lim->ucl))
                    sum_ucl += lim->ucl, n_ucl++;
                }

              an.v[i] = y;
              if (y > lim->ucl || y < lim->lcl)
                {
                  signals |= TANDEM_SPC_SIGNAL_OUTSIDE;
                  phase->n_outside++;
                }
              an.flags[i] = signals;
              variations[i] = variation_of (y, lines->cl, lim->ucl, signals,
                                            signals & TANDEM_SPC_SIGNAL_TREND ? an.trend_dir[i] : 0,
                                            options->direction);
              if (!isnan (y))
                last_valued = i;
            }

          /* qicharts2's summary: the means of the lines over the phase */
          phase->cl = lines->cl;
          if (an.limits != NULL)
            {
              phase->lcl_mean = n_lcl > 0 ? (double) (sum_lcl / n_lcl) : NAN;
              phase->ucl_mean = n_ucl > 0 ? (double) (sum_ucl / n_ucl) : NAN;
            }
          else
            {
              phase->lcl_mean = lines->lim.lcl;
              phase->ucl_mean = lines->lim.ucl;
            }
        }

      result->variation = TANDEM_SPC_VARIATION_NONE;
      result->assurance = TANDEM_SPC_ASSURANCE_NONE;
      if (last_valued != G_MAXSIZE)
        {
          TandemSpcPoint p;
          double target = options->target;

          result->variation = variations[last_valued];

          /* ptd_calculate_assurance_type, at the last point with a value */
          fill_point (&p, &an.lines[find_phase (result, last_valued)],
                      an.limits != NULL ? &an.limits[last_valued] : NULL);
          if (!isnan (target) && options->direction != TANDEM_SPC_DIRECTION_NEUTRAL &&
              !isnan (p.lcl) && !isnan (p.ucl))
            {
              gboolean increase = options->direction == TANDEM_SPC_DIRECTION_INCREASE;

              if (target > p.ucl)
                result->assurance = increase ? TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL
                                             : TANDEM_SPC_ASSURANCE_CONSISTENT_PASS;
              else if (target < p.lcl)
                result->assurance = increase ? TANDEM_SPC_ASSURANCE_CONSISTENT_PASS
                                             : TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL;
              else
                result->assurance = TANDEM_SPC_ASSURANCE_INCONSISTENT;
            }
        }

      result->priv->y = g_steal_pointer (&an.v);
      result->priv->n = g_steal_pointer (&an.n_sum);
      result->priv->included = g_steal_pointer (&an.inc);
      result->priv->signals = g_steal_pointer (&an.flags);
      result->priv->variations = (guint8 *) g_steal_pointer (&an.side);
      result->priv->lines = g_steal_pointer (&an.lines);
      result->priv->limits = g_steal_pointer (&an.limits);
    }

  g_free (starts);
  g_free (an.v);
  g_free (an.n_sum);
  g_free (an.y_sum);
  g_free (an.y_len);
  g_free (an.y_mean);
  g_free (an.y_sd);
  g_free (an.inc);
  g_free (an.side);
  g_free (an.flags);
  g_free (an.trend_dir);
  g_free (an.lines);
  g_free (an.limits);
  g_free (an.work);
  g_free (an.work2);
  g_free (an.work3);

  if (!ok)
    return NULL;

  return g_steal_pointer (&result);
}

/**
 * tandem_spc_result_free:
 * @result: (transfer full): a result of tandem_spc_analyse()
 *
 * Frees the result.
 */
void
tandem_spc_result_free (TandemSpcResult *result)
{
  if (result == NULL)
    return;

  if (result->priv != NULL)
    {
      g_free (result->priv->y);
      g_free (result->priv->n);
      g_free (result->priv->included);
      g_free (result->priv->signals);
      g_free (result->priv->variations);
      g_free (result->priv->lines);
      g_free (result->priv->limits);
      g_clear_pointer (&result->priv->labels, g_ptr_array_unref);
      g_free (result->priv);
    }
  g_free (result->phases);
  g_free (result);
}

/**
 * tandem_spc_result_get_point:
 * @result: a result of tandem_spc_analyse()
 * @index: a 0-based point index, below @result->n_points
 * @point: (out caller-allocates): where to put the point
 *
 * Fills @point with everything about one point: its value, denominator,
 * centre line and limits, phase, whether it is included, its signals and its
 * variation.  Cheap enough to call for every point of every redraw.
 */
void
tandem_spc_result_get_point (const TandemSpcResult *result,
                             gsize                  index,
                             TandemSpcPoint        *point)
{
  const TandemSpcResultPrivate *priv;
  gsize ph;

  g_return_if_fail (result != NULL);
  g_return_if_fail (index < result->n_points);
  g_return_if_fail (point != NULL);

  priv = result->priv;
  ph = find_phase (result, index);
  fill_point (point, &priv->lines[ph], priv->limits != NULL ? &priv->limits[index] : NULL);
  point->y = priv->y[index];
  point->n = priv->n != NULL ? priv->n[index] : NAN;
  point->phase = ph + 1;
  point->included = priv->included[index];
  point->signals = priv->signals[index];
  point->variation = priv->variations[index];
  point->padding = 0;
}

/**
 * tandem_spc_result_get_label:
 * @result: a result
 * @point: a 0-based point index
 * @buffer: room for a label made up from the position
 *
 * Returns the x label of a point: the subgroup's label, or for data made with
 * tandem_spc_data_new_from_values() its 1-based position written in @buffer.
 */
const char *
tandem_spc_result_get_label (const TandemSpcResult *result,
                             gsize                  point,
                             char                   buffer[32])
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (point < result->n_points, NULL);

  if (result->priv->labels != NULL)
    return g_ptr_array_index (result->priv->labels, point);

  g_snprintf (buffer, 32, "%" G_GSIZE_FORMAT, point + 1);
  return buffer;
}
