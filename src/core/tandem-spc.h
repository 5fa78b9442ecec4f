/* tandem-spc.h — the SPC analysis engine: run charts and control charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pure function, tandem_spc_analyse(), turns a measure's observations and
 * the chart settings into everything the chart widget, printing, exports and
 * the command line show: the plotted values, centre lines and limits at every
 * point, the signals and the summary per phase. Nothing here draws or stores.
 *
 * The numbers follow two public reference implementations: qicharts2 0.8.1
 * (centre lines, limits and the Anhøj runs analysis) and NHSRplotthedots
 * 0.2.2 (the NHS England "Making Data Count" rules).  Missing values are
 * NAN throughout.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_SPC_ERROR (tandem_spc_error_quark ())

/**
 * TandemSpcError:
 * @TANDEM_SPC_ERROR_INVALID_OPTIONS: the options do not make sense together
 *   (for example the Making Data Count rules on a run chart)
 * @TANDEM_SPC_ERROR_INVALID_DATA: the data cannot be charted as asked (no
 *   points, no denominators for a p chart, a zero time between events…)
 * @TANDEM_SPC_ERROR_PARSE: a data file could not be read; the message names
 *   the line and the problem
 */
typedef enum
{
  TANDEM_SPC_ERROR_INVALID_OPTIONS,
  TANDEM_SPC_ERROR_INVALID_DATA,
  TANDEM_SPC_ERROR_PARSE,
} TandemSpcError;

GQuark tandem_spc_error_quark (void);

/**
 * TandemSpcChart:
 *
 * The chart types.  The names used in files and on the command line are
 * those of qicharts2: run, i, mr, xbar, s, t, p, pp, c, u, up, g.
 */
typedef enum
{
  TANDEM_SPC_CHART_RUN,
  TANDEM_SPC_CHART_I,
  TANDEM_SPC_CHART_MR,
  TANDEM_SPC_CHART_XBAR,
  TANDEM_SPC_CHART_S,
  TANDEM_SPC_CHART_T,
  TANDEM_SPC_CHART_P,
  TANDEM_SPC_CHART_PP,
  TANDEM_SPC_CHART_C,
  TANDEM_SPC_CHART_U,
  TANDEM_SPC_CHART_UP,
  TANDEM_SPC_CHART_G,
} TandemSpcChart;

#define TANDEM_SPC_N_CHARTS (TANDEM_SPC_CHART_G + 1)

/**
 * TandemSpcRules:
 * @TANDEM_SPC_RULES_DEFAULT: ihi for run charts, mdc for control charts
 * @TANDEM_SPC_RULES_ANHOEJ: qicharts2: 3-sigma limits and the Anhøj runs
 *   analysis (longest run and number of crossings)
 * @TANDEM_SPC_RULES_IHI: the IHI run-chart rules: shift (6 or more on one
 *   side of the centre line) and trend (5 or more rising or falling)
 * @TANDEM_SPC_RULES_MDC: NHS England "Making Data Count": outside the
 *   process limits, 7-point trend, 2 of 3 near a limit, 7-point shift
 */
typedef enum
{
  TANDEM_SPC_RULES_DEFAULT,
  TANDEM_SPC_RULES_ANHOEJ,
  TANDEM_SPC_RULES_IHI,
  TANDEM_SPC_RULES_MDC,
} TandemSpcRules;

/**
 * TandemSpcDirection:
 *
 * Which way is better for the measure: it decides whether a signal is an
 * improvement or a concern.
 */
typedef enum
{
  TANDEM_SPC_DIRECTION_INCREASE,
  TANDEM_SPC_DIRECTION_DECREASE,
  TANDEM_SPC_DIRECTION_NEUTRAL,
} TandemSpcDirection;

/**
 * TandemSpcSignals:
 * @TANDEM_SPC_SIGNAL_OUTSIDE: beyond the (3-sigma / process) limits
 * @TANDEM_SPC_SIGNAL_SHIFT: part of a shift (ihi: 6, mdc: 7 on one side)
 * @TANDEM_SPC_SIGNAL_TREND: part of a trend (ihi: 5, mdc: 7 points)
 * @TANDEM_SPC_SIGNAL_TWO_OF_THREE: one of 2 of 3 points near a limit (mdc)
 * @TANDEM_SPC_SIGNAL_RUNS: its phase has an Anhøj runs signal (anhoej)
 *
 * The rules that flag a point, as bits.
 */
typedef enum
{
  TANDEM_SPC_SIGNAL_NONE = 0,
  TANDEM_SPC_SIGNAL_OUTSIDE = 1 << 0,
  TANDEM_SPC_SIGNAL_SHIFT = 1 << 1,
  TANDEM_SPC_SIGNAL_TREND = 1 << 2,
  TANDEM_SPC_SIGNAL_TWO_OF_THREE = 1 << 3,
  TANDEM_SPC_SIGNAL_RUNS = 1 << 4,
} TandemSpcSignals;

/**
 * TandemSpcVariation:
 * @TANDEM_SPC_VARIATION_NONE: no value (a missing point, or no points)
 *
 * The Making Data Count vocabulary for what a point (or the chart) shows.
 */
typedef enum
{
  TANDEM_SPC_VARIATION_NONE,
  TANDEM_SPC_VARIATION_COMMON_CAUSE,
  TANDEM_SPC_VARIATION_IMPROVEMENT,
  TANDEM_SPC_VARIATION_CONCERN,
  TANDEM_SPC_VARIATION_NEUTRAL_HIGH,
  TANDEM_SPC_VARIATION_NEUTRAL_LOW,
} TandemSpcVariation;

/**
 * TandemSpcAssurance:
 * @TANDEM_SPC_ASSURANCE_NONE: no target, a neutral direction, or no limits
 *
 * Whether the process, as it is, will meet the target.
 */
typedef enum
{
  TANDEM_SPC_ASSURANCE_NONE,
  TANDEM_SPC_ASSURANCE_CONSISTENT_PASS,
  TANDEM_SPC_ASSURANCE_CONSISTENT_FAIL,
  TANDEM_SPC_ASSURANCE_INCONSISTENT,
} TandemSpcAssurance;

/* Names as used in JSON and on the command line; NULL or FALSE if unknown. */
const char *tandem_spc_chart_to_string      (TandemSpcChart      chart);
gboolean    tandem_spc_chart_from_string    (const char         *name,
                                             TandemSpcChart     *chart);
gboolean    tandem_spc_chart_is_control     (TandemSpcChart      chart);
gboolean    tandem_spc_chart_needs_n        (TandemSpcChart      chart);
const char *tandem_spc_rules_to_string      (TandemSpcRules      rules);
gboolean    tandem_spc_rules_from_string    (const char         *name,
                                             TandemSpcRules     *rules);
const char *tandem_spc_direction_to_string  (TandemSpcDirection  direction);
gboolean    tandem_spc_direction_from_string (const char         *name,
                                              TandemSpcDirection *direction);
const char *tandem_spc_variation_to_string  (TandemSpcVariation  variation);
const char *tandem_spc_assurance_to_string  (TandemSpcAssurance  assurance);

/* ------------------------------------------------------------------------ */
/* Input: the observations of one measure                                     */
/* ------------------------------------------------------------------------ */

/**
 * TandemSpcData:
 *
 * The observations of one measure, in order.  Each observation has an x label
 * (a date, a sample number: any text), a value y and, for ratio charts, a
 * denominator n.  Observations with the same x form one subgroup, in order of
 * first appearance; a subgroup is one point on the chart.  How a subgroup's
 * observations make its value depends on the chart (see tandem_spc_analyse()).
 */
typedef struct _TandemSpcData TandemSpcData;

TandemSpcData *tandem_spc_data_new             (gboolean        has_denominators);
TandemSpcData *tandem_spc_data_new_from_values (const double   *y,
                                                const double   *n,
                                                gsize           count);
void           tandem_spc_data_free            (TandemSpcData  *data);
void           tandem_spc_data_add             (TandemSpcData  *data,
                                                const char     *x,
                                                double          y,
                                                double          n);
gboolean       tandem_spc_data_has_denominators (const TandemSpcData *data);
gsize          tandem_spc_data_get_n_observations (const TandemSpcData *data);
gsize          tandem_spc_data_get_n_subgroups (const TandemSpcData *data);
const char    *tandem_spc_data_get_label       (const TandemSpcData *data,
                                                gsize           subgroup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSpcData, tandem_spc_data_free)

/* ------------------------------------------------------------------------ */
/* Options                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * TandemSpcOptions:
 * @chart: the chart type
 * @rules: the rule set; %TANDEM_SPC_RULES_DEFAULT picks ihi for a run chart
 *   and mdc for a control chart
 * @freeze: if not 0, centre line and limits come from the first @freeze
 *   points only (under mdc and ihi: the first @freeze points of each phase;
 *   under anhoej, as qicharts2, it is ignored when there are phases)
 * @parts: 1-based point indexes after which a new phase starts; indexes
 *   outside 1 … (points − 1) are ignored
 * @n_parts: length of @parts
 * @exclude: 1-based indexes of excluded points: they keep their limits and can
 *   be flagged outside, but are left out of the centre line, the limits'
 *   calculation, the runs analysis, the sequence rules and n_obs
 * @n_exclude: length of @exclude
 * @screen_mr: leave moving ranges above 3.267 × their average out of the
 *   average moving range (i, t, pp, up and mdc charts)
 * @multiply: factor applied to values, centre lines and limits after the
 *   analysis (100 for percentages, 1000 per 1,000 bed days); must be > 0
 * @direction: which way is an improvement
 * @target: the target for the assurance, NAN for none (in plotted units,
 *   that is after @multiply)
 * @lower_bound: the lowest value the measure can take (0 for counts, rates
 *   and proportions), in plotted units, NAN for none: a limit below it is
 *   drawn and reported at it.  tandem_spc_options_set_natural_bounds()
 *   sets it from the chart and the data.
 * @upper_bound: the highest value the measure can take (100% for a
 *   proportion), NAN for none
 *
 * Initialise with tandem_spc_options_init(), then set what differs.  The
 * arrays are borrowed for the duration of the call.
 */
typedef struct
{
  TandemSpcChart      chart;
  TandemSpcRules      rules;
  gsize               freeze;
  const gsize        *parts;
  gsize               n_parts;
  const gsize        *exclude;
  gsize               n_exclude;
  gboolean            screen_mr;
  double              multiply;
  TandemSpcDirection  direction;
  double              target;
  double              lower_bound;
  double              upper_bound;
} TandemSpcOptions;

void tandem_spc_options_init (TandemSpcOptions *options);
void tandem_spc_options_set_natural_bounds (TandemSpcOptions    *options,
                                            const TandemSpcData *data);

/* ------------------------------------------------------------------------ */
/* Result                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * TandemSpcPoint:
 * @y: the plotted value (after multiply); NAN if missing
 * @n: the subgroup's denominator (sum of n), NAN if none
 * @cl: centre line; NAN only where it does not exist
 * @lcl: lower 3-sigma (process) limit; NAN on run charts or where it does not
 *   exist
 * @ucl: upper 3-sigma (process) limit
 * @lcl95: lower 2-sigma limit
 * @ucl95: upper 2-sigma limit
 * @phase: 1-based phase number
 * @included: FALSE for an excluded point
 * @signals: the rules that flag it, #TandemSpcSignals bits
 * @variation: what it shows; %TANDEM_SPC_VARIATION_NONE if @y is missing
 *
 * One point of a result, as tandem_spc_result_get_point() fills it in.
 */
typedef struct
{
  double              y;
  double              n;
  double              cl;
  double              lcl;
  double              ucl;
  double              lcl95;
  double              ucl95;
  guint32             phase;
  guint8              included;
  guint8              signals;
  guint8              variation;
  /*< private >*/
  guint8              padding;
} TandemSpcPoint;

/**
 * TandemSpcPhase:
 * @first: 1-based index of its first point
 * @last: 1-based index of its last point
 * @n_obs: included points, missing values counted
 * @n_useful: included points with a value not on the centre line
 * @longest_run: longest run on one side of the centre line, -1 if n_useful is 0
 * @longest_run_max: the longest run allowed, round(log2(n_useful)) + 3, or -1
 * @crossings: times the line crosses the centre line, or -1
 * @crossings_min: the fewest crossings allowed, or -1
 * @runs_signal: the Anhøj runs signal (always FALSE on mr charts)
 * @cl: mean of the centre line over the phase (qicharts2's CL)
 * @lcl_mean: mean of the lower limit over the phase (qicharts2's aLCL)
 * @ucl_mean: mean of the upper limit over the phase (qicharts2's aUCL)
 * @n_outside: points of the phase outside the limits
 * @lcl_floored: a lower limit of the phase was below the measure's lower
 *   bound and is reported at it
 * @ucl_capped: an upper limit was above the upper bound and is reported at it
 *
 * The Anhøj statistics are reported against the centre line whatever the
 * rule set.
 */
typedef struct
{
  gsize     first;
  gsize     last;
  gsize     n_obs;
  gsize     n_useful;
  gint64    longest_run;
  gint64    longest_run_max;
  gint64    crossings;
  gint64    crossings_min;
  gboolean  runs_signal;
  double    cl;
  double    lcl_mean;
  double    ucl_mean;
  gsize     n_outside;
  gboolean  lcl_floored;
  gboolean  ucl_capped;
} TandemSpcPhase;

typedef struct _TandemSpcResultPrivate TandemSpcResultPrivate;

/**
 * TandemSpcResult:
 * @chart: the chart analysed
 * @rules: the rule set applied (never %TANDEM_SPC_RULES_DEFAULT)
 * @direction: the direction used
 * @target: the target, NAN if none
 * @n_points: number of points (subgroups); read each with
 *   tandem_spc_result_get_point()
 * @n_phases: number of phases (at least 1)
 * @phases: the phases, in order
 * @variation: the overall variation: that of the last point with a value
 * @assurance: the target against the limits at that point
 * @lower_bound: the lower bound applied to the limits, NAN for none
 * @upper_bound: the upper bound applied to the limits, NAN for none
 *
 * Read-only: made by tandem_spc_analyse(), freed by tandem_spc_result_free().
 * The points are kept column by column (a chart of a million points should
 * not need 64 MB), so they are read through tandem_spc_result_get_point().
 */
typedef struct
{
  TandemSpcChart          chart;
  TandemSpcRules          rules;
  TandemSpcDirection      direction;
  double                  target;
  gsize                   n_points;
  gsize                   n_phases;
  TandemSpcPhase         *phases;
  TandemSpcVariation      variation;
  TandemSpcAssurance      assurance;
  double                  lower_bound;
  double                  upper_bound;
  /*< private >*/
  TandemSpcResultPrivate *priv;
} TandemSpcResult;

TandemSpcResult *tandem_spc_analyse           (const TandemSpcData     *data,
                                               const TandemSpcOptions  *options,
                                               GError                 **error);
void             tandem_spc_result_free       (TandemSpcResult         *result);
void             tandem_spc_result_get_point  (const TandemSpcResult   *result,
                                               gsize                    index,
                                               TandemSpcPoint          *point);
const char      *tandem_spc_result_get_label  (const TandemSpcResult   *result,
                                               gsize                    point,
                                               char                     buffer[32]);
char            *tandem_spc_result_to_json    (const TandemSpcResult   *result);
void             tandem_spc_result_write_json (const TandemSpcResult   *result,
                                               GString                 *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemSpcResult, tandem_spc_result_free)

/* ------------------------------------------------------------------------ */
/* The Anhøj critical values                                                  */
/* ------------------------------------------------------------------------ */

gint64 tandem_spc_anhoej_longest_run_max (gsize n_useful);
gint64 tandem_spc_anhoej_crossings_min   (gsize n_useful);

G_END_DECLS

/* The enums above as GEnum types (TANDEM_TYPE_SPC_CHART…), whose nicks are
 * the words of tandem_spc_chart_to_string() and the others. */
#include "tandem-spc-enums.h"
