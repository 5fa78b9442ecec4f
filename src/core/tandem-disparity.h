/* tandem-disparity.h — rates, ratios and exact intervals between groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure computation on GLib alone: no database, no drawing. Given a count and
 * a denominator per group, the rate of each group and its ratio to a
 * reference group, with a 95% interval:
 *
 * - rates (events per exposure, such as restraints per 1,000 bed days): the
 *   rate ratio with the exact conditional interval, the one R's
 *   poisson.test(c(a, b), c(Ta, Tb)) reports — a Clopper–Pearson interval
 *   for a / (a + b), turned into the ratio;
 * - proportions (people with the event among people): the risk ratio with
 *   the Katz log interval, adding 0.5 to every cell when a cell is zero.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANDEM_DISPARITY_ERROR (tandem_disparity_error_quark ())

/**
 * TandemDisparityError:
 * @TANDEM_DISPARITY_ERROR_INVALID: a count or denominator that cannot be
 *   analysed (negative, not a whole number, a zero denominator, more people
 *   with the event than people); the message names the group
 * @TANDEM_DISPARITY_ERROR_NO_REFERENCE: the reference group is not among
 *   the groups
 */
typedef enum
{
  TANDEM_DISPARITY_ERROR_INVALID,
  TANDEM_DISPARITY_ERROR_NO_REFERENCE,
} TandemDisparityError;

GQuark tandem_disparity_error_quark (void);

/**
 * TandemDisparityKind:
 * @TANDEM_DISPARITY_RATE: events per exposure; the rate ratio
 * @TANDEM_DISPARITY_PROPORTION: people with the event among people; the
 *   risk ratio
 */
typedef enum
{
  TANDEM_DISPARITY_RATE,
  TANDEM_DISPARITY_PROPORTION,
} TandemDisparityKind;

/* No reference group, or no "Not stated" group. */
#define TANDEM_DISPARITY_NONE G_MAXUINT

/* The small-number threshold for shared exports: counts from 1 to 4 are
 * hidden ("fewer than 5"). */
#define TANDEM_DISPARITY_DEFAULT_THRESHOLD 4

/**
 * TandemDisparityOptions:
 * @kind: rates or proportions
 * @per: the rate is per this many units of the denominator (1,000 bed days;
 *   100 for a percentage)
 * @reference: the index of the reference group, or %TANDEM_DISPARITY_NONE
 *   for rates alone
 * @not_stated: the index of the "Not stated" group, which gets a rate and
 *   its share but never a ratio, or %TANDEM_DISPARITY_NONE
 */
typedef struct
{
  TandemDisparityKind  kind;
  double               per;
  guint                reference;
  guint                not_stated;
} TandemDisparityOptions;

/**
 * TandemDisparityCount:
 * @name: the group's name, for messages
 * @count: events (rates) or people with the event (proportions): a whole
 *   number, 0 or more
 * @denominator: the exposure (rates: more than 0) or the people
 *   (proportions: a whole number, at least @count and more than 0)
 */
typedef struct
{
  const char *name;
  double      count;
  double      denominator;
} TandemDisparityCount;

/**
 * TandemRatioStatus:
 * @TANDEM_RATIO_ESTIMATED: the ratio and its interval are finite numbers
 * @TANDEM_RATIO_REFERENCE: this is the reference group: no ratio
 * @TANDEM_RATIO_NOT_STATED: the "Not stated" group: no ratio
 * @TANDEM_RATIO_NO_REFERENCE: there is no reference to compare with
 * @TANDEM_RATIO_INFINITE: the reference group has no events, so the ratio
 *   and the interval's upper end are infinite; the lower end is finite
 * @TANDEM_RATIO_UNDEFINED: neither this group nor the reference has any
 *   events: there is nothing to compare
 */
typedef enum
{
  TANDEM_RATIO_ESTIMATED,
  TANDEM_RATIO_REFERENCE,
  TANDEM_RATIO_NOT_STATED,
  TANDEM_RATIO_NO_REFERENCE,
  TANDEM_RATIO_INFINITE,
  TANDEM_RATIO_UNDEFINED,
} TandemRatioStatus;

/**
 * TandemDisparityGroup:
 * @count: as given
 * @denominator: as given
 * @rate: @count / @denominator × the options' per
 * @status: what the ratio is
 * @ratio: the rate ratio or risk ratio against the reference (a rate ratio
 *   is 0 when the group has no events; a risk ratio with a zero cell is
 *   that of the corrected table, see @corrected); NAN unless @status is
 *   %TANDEM_RATIO_ESTIMATED or %TANDEM_RATIO_INFINITE (INFINITY then)
 * @lcl: the 95% interval's lower end, as @ratio
 * @ucl: the 95% interval's upper end, as @ratio
 * @corrected: (proportions) 0.5 was added to every cell, because one was 0,
 *   for @ratio and its interval
 * @count_suppressed: marked by tandem_disparity_suppress(): @count (and so
 *   @rate) is from 1 to the threshold
 * @ratio_suppressed: marked by tandem_disparity_suppress(): @ratio and its
 *   interval were computed from such a count, here or in the reference
 *
 * One group's figures. NAN and INFINITY are never written out as numbers:
 * see @status.
 */
typedef struct
{
  double             count;
  double             denominator;
  double             rate;
  TandemRatioStatus  status;
  double             ratio;
  double             lcl;
  double             ucl;
  gboolean           corrected;
  gboolean           count_suppressed;
  gboolean           ratio_suppressed;
} TandemDisparityGroup;

/**
 * TandemDisparity:
 * @groups: one per group given, in the same order
 * @n_groups: how many
 * @not_stated_share: the "Not stated" group's share of all the counts, 0 to
 *   1; NAN when there is no such group or no counts at all
 * @not_stated_denominator_share: its share of all the denominators
 * @not_stated_suppressed: marked by tandem_disparity_suppress(): the "Not
 *   stated" count is small, and its share would tell it
 *
 * The comparison of one period.
 */
typedef struct
{
  TandemDisparityGroup *groups;
  guint                 n_groups;
  double                not_stated_share;
  double                not_stated_denominator_share;
  gboolean              not_stated_suppressed;
} TandemDisparity;

void             tandem_disparity_options_init (TandemDisparityOptions       *options);
TandemDisparity *tandem_disparity_compare      (const TandemDisparityCount   *counts,
                                                guint                         n_counts,
                                                const TandemDisparityOptions *options,
                                                GError                      **error);
void             tandem_disparity_suppress     (TandemDisparity              *disparity,
                                                const TandemDisparityOptions *options,
                                                guint                         threshold);
void             tandem_disparity_free         (TandemDisparity              *disparity);

/**
 * TandemDisparityRow:
 * @date: the day the row is for, yyyy-mm-dd
 * @group: the index of its group
 * @count: as #TandemDisparityCount
 * @denominator: as #TandemDisparityCount; 0 is fine for a row with no
 *   events (no one of that group that week)
 *
 * One dated row of a broken-down measure.
 */
typedef struct
{
  char    date[11];
  guint   group;
  double  count;
  double  denominator;
} TandemDisparityRow;

/**
 * TandemDisparityPeriod:
 * @from: the first day, yyyy-mm-dd: the first row's date for the whole
 *   span, the quarter's first day for a quarter
 * @to: the last day, likewise
 * @year: the quarter's year (0 for the whole span)
 * @quarter: 1 to 4 (0 for the whole span)
 * @disparity: the comparison; a group with no denominator in the period
 *   has a NAN rate and %TANDEM_RATIO_UNDEFINED (or its own status if it is
 *   the reference or "Not stated"), and when the reference has none, every
 *   group has %TANDEM_RATIO_NO_REFERENCE
 * @has_data: per group, whether it has a denominator in the period
 */
typedef struct
{
  char              from[11];
  char              to[11];
  int               year;
  int               quarter;
  TandemDisparity  *disparity;
  gboolean         *has_data;
} TandemDisparityPeriod;

/**
 * TandemDisparitySeries:
 * @whole: the whole span
 * @quarters: (element-type TandemDisparityPeriod): each calendar quarter
 *   with rows, in order
 */
typedef struct
{
  TandemDisparityPeriod *whole;
  GPtrArray             *quarters;
} TandemDisparitySeries;

TandemDisparitySeries *tandem_disparity_analyse     (const TandemDisparityRow     *rows,
                                                     gsize                         n_rows,
                                                     const char * const           *group_names,
                                                     guint                         n_groups,
                                                     const TandemDisparityOptions *options,
                                                     GError                      **error);
void                   tandem_disparity_series_suppress (TandemDisparitySeries        *series,
                                                         const TandemDisparityOptions *options,
                                                         guint                         threshold);
void                   tandem_disparity_series_free (TandemDisparitySeries        *series);

double tandem_beta_quantile (double p,
                             double a,
                             double b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemDisparity, tandem_disparity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemDisparitySeries, tandem_disparity_series_free)

G_END_DECLS
