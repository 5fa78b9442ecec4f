/* tandem-disparity.c — rates, ratios and exact intervals between groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exact interval for a rate ratio needs quantiles of the beta
 * distribution. They are found here from the regularized incomplete beta
 * function, evaluated by its continued fraction (DLMF 8.17.22) with the
 * modified Lentz method, and solved for by Halley's method kept inside a
 * bracket. The root is sought as x or as 1 − x, whichever a first guess
 * says is the smaller, so that both are accurate to the last few bits: the
 * ratio divides one by the other.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-disparity.h"

/* qnorm (0.975): the 95% interval. */
#define Z_975       1.959963984540054
#define ALPHA_HALF  0.025

G_DEFINE_QUARK (tandem-disparity-error-quark, tandem_disparity_error)

/* ------------------------------------------------------------------ */
/* The beta distribution                                              */

static double
log_beta (double a,
          double b)
{
  return lgamma (a) + lgamma (b) - lgamma (a + b);
}

/* The continued fraction of I_x(a, b) without its prefactor
 * x^a (1 − x)^b / (a B(a, b)); converges fast for x < (a + 1) / (a + b + 2). */
static double
beta_fraction (double x,
               double a,
               double b)
{
  const double tiny = 1e-300;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  double f;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1.0 / d;
  f = d;
  for (int m = 1; m < 100000; m++)
    {
      double two_m = 2.0 * m;
      double term, delta;

      /* the even step: m (b − m) x / ((a + 2m − 1)(a + 2m)) */
      term = m * (b - m) * x / ((a + two_m - 1.0) * (a + two_m));
      d = 1.0 + term * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1.0 + term / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      f *= d * c;

      /* the odd step: −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) */
      term = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1.0));
      d = 1.0 + term * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1.0 + term / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1.0 / d;
      delta = d * c;
      f *= delta;
      if (fabs (delta - 1.0) < 4e-16)
        break;
    }
  return f;
}

/* I_x(a, b), the regularized incomplete beta function, for 0 < x < 1, with
 * log B(a, b) worked out once by the caller; *front is x^a (1 − x)^b / B(a, b),
 * which is x (1 − x) times the density there. */
static double
incomplete_beta (double  x,
                 double  a,
                 double  b,
                 double  lbeta,
                 double *front)
{
  *front = exp (a * log (x) + b * log1p (-x) - lbeta);
  if (x < (a + 1.0) / (a + b + 2.0))
    return *front * beta_fraction (x, a, b) / a;
  return 1.0 - *front * beta_fraction (1.0 - x, b, a) / b;
}

/* The upper-tail standard normal quantile for 0 < p ≤ ½, roughly (to about
 * 5e-4, Abramowitz and Stegun 26.2.23): a starting point only. */
static double
normal_upper_quantile_rough (double p)
{
  double t = sqrt (-2.0 * log (p));

  return t - (2.515517 + t * (0.802853 + t * 0.010328)) /
             (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
}

/* A first guess at the x with I_x(a, b) = q, to be refined. */
static double
beta_quantile_guess (double q,
                     double a,
                     double b,
                     double lbeta)
{
  if (a > 1.0 && b > 1.0)
    {
      /* Abramowitz and Stegun 26.5.22, through the normal quantile */
      double y = q < 0.5 ? -normal_upper_quantile_rough (q)
                         : normal_upper_quantile_rough (1.0 - q);
      double lambda = (y * y - 3.0) / 6.0;
      double s = 1.0 / (2.0 * a - 1.0);
      double t = 1.0 / (2.0 * b - 1.0);
      double h = 2.0 / (s + t);
      double w = y * sqrt (h + lambda) / h - (t - s) * (lambda + 5.0 / 6.0 - 2.0 / (3.0 * h));

      return a / (a + b * exp (-2.0 * w));
    }
  /* for small x, I_x(a, b) ≈ x^a / (a B(a, b)) */
  return exp ((log (q) + log (a) + lbeta) / a);
}

/* The x in (0, 1) with I_x(a, b) = target, starting from @x. */
static double
beta_solve (double target,
            double a,
            double b,
            double lbeta,
            double x)
{
  double lo = 0.0, hi = 1.0;

  if (!(x > 0.0 && x < 1.0))
    x = 0.5;
  for (int i = 0; i < 400; i++)
    {
      double front;
      double f = incomplete_beta (x, a, b, lbeta, &front) - target;
      double step, next;
      gboolean halley = FALSE;

      if (f == 0.0)
        return x;
      if (f < 0.0)
        lo = x;
      else
        hi = x;

      step = f * x * (1.0 - x) / front;
      next = x - step;
      if (isfinite (step))
        {
          /* Halley's correction from the density's own slope */
          double bend = 1.0 - 0.5 * step * ((a - 1.0) / x - (b - 1.0) / (1.0 - x));

          if (bend > 0.5 && bend < 2.0)
            {
              next = x - step / bend;
              halley = TRUE;
            }
        }

      if (!(next > lo && next < hi))
        {
          /* out of the bracket: halve it, geometrically when it spans
           * orders of magnitude */
          halley = FALSE;
          if (lo > 0.0 && hi / lo > 8.0)
            next = sqrt (lo * hi);
          else if (lo == 0.0)
            next = hi / 8.0;
          else
            next = 0.5 * (lo + hi);
        }
      /* Halley's method triples the digits each step: a step this small
       * leaves an error far below the last bit */
      if (fabs (next - x) <= (halley ? 1e-7 : 1e-15) * x || next == lo || next == hi)
        return next;
      x = next;
    }
  return x;
}

/* The q-quantile of Beta(a, b): sets *x and *y = 1 − *x, each to full
 * relative precision. */
static void
beta_quantile (double  q,
               double  a,
               double  b,
               double *x,
               double *y)
{
  double lbeta, guess;

  if (q <= 0.0)
    {
      *x = 0.0;
      *y = 1.0;
      return;
    }
  if (q >= 1.0)
    {
      *x = 1.0;
      *y = 0.0;
      return;
    }
  if (a == 1.0)
    {
      /* I_x(1, b) = 1 − (1 − x)^b */
      double log_y = log1p (-q) / b;

      *y = exp (log_y);
      *x = -expm1 (log_y);
      return;
    }
  if (b == 1.0)
    {
      /* I_x(a, 1) = x^a */
      double log_x = log (q) / a;

      *x = exp (log_x);
      *y = -expm1 (log_x);
      return;
    }

  lbeta = log_beta (a, b);
  guess = beta_quantile_guess (q, a, b, lbeta);
  if (guess <= 0.5)
    {
      *x = beta_solve (q, a, b, lbeta, guess);
      *y = 1.0 - *x;
    }
  else
    {
      /* I_x(a, b) = q  ⇔  I_{1−x}(b, a) = 1 − q */
      *y = beta_solve (1.0 - q, b, a, lbeta, 1.0 - guess);
      *x = 1.0 - *y;
    }
}

/**
 * tandem_beta_quantile:
 * @p: a probability, 0 to 1
 * @a: the first shape, more than 0
 * @b: the second shape, more than 0
 *
 * The quantile of the beta distribution, as R's qbeta (p, a, b), to about
 * 1e-13 relative.
 *
 * Returns: the x with I_x(a, b) = @p
 */
double
tandem_beta_quantile (double p,
                      double a,
                      double b)
{
  double x, y;

  g_return_val_if_fail (a > 0 && b > 0 && p >= 0 && p <= 1, NAN);
  beta_quantile (p, a, b, &x, &y);
  return x;
}

/* ------------------------------------------------------------------ */
/* Ratios                                                             */

/* The rate ratio (a / ta) / (b / tb) and its exact conditional interval. */
static void
rate_ratio (double                a,
            double                ta,
            double                b,
            double                tb,
            TandemDisparityGroup *group)
{
  double x, y;

  if (a + b == 0)
    {
      group->status = TANDEM_RATIO_UNDEFINED;
      return;
    }

  if (a == 0)
    group->lcl = 0.0;
  else
    {
      beta_quantile (ALPHA_HALF, a, b + 1.0, &x, &y);
      group->lcl = x / y * tb / ta;
    }

  if (b == 0)
    {
      group->status = TANDEM_RATIO_INFINITE;
      group->ratio = INFINITY;
      group->ucl = INFINITY;
      return;
    }
  beta_quantile (1.0 - ALPHA_HALF, a + 1.0, b, &x, &y);
  group->ucl = x / y * tb / ta;
  group->ratio = (a / ta) / (b / tb);
  group->status = TANDEM_RATIO_ESTIMATED;
}

/* The risk ratio (a / n1) / (c / n2), Katz's log interval. */
static void
risk_ratio (double                a,
            double                n1,
            double                c,
            double                n2,
            TandemDisparityGroup *group)
{
  double log_rr, se;

  if (a + c == 0)
    {
      group->status = TANDEM_RATIO_UNDEFINED;
      return;
    }
  if (a == 0 || a == n1 || c == 0 || c == n2)
    {
      a += 0.5;
      n1 += 1.0;
      c += 0.5;
      n2 += 1.0;
      group->corrected = TRUE;
    }
  log_rr = log (a / n1) - log (c / n2);
  se = sqrt (1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2);
  group->ratio = exp (log_rr);
  group->lcl = exp (log_rr - Z_975 * se);
  group->ucl = exp (log_rr + Z_975 * se);
  group->status = TANDEM_RATIO_ESTIMATED;
}

static gboolean
check_count (const TandemDisparityCount   *count,
             const TandemDisparityOptions *options,
             GError                      **error)
{
  const char *name = count->name != NULL ? count->name : "?";

  if (!isfinite (count->count) || count->count < 0 || floor (count->count) != count->count)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   _("“%s”: the count must be a whole number, 0 or more"), name);
      return FALSE;
    }
  if (!isfinite (count->denominator) || count->denominator < 0)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   _("“%s”: the denominator must be a number above 0"), name);
      return FALSE;
    }
  if (count->denominator == 0)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   options->kind == TANDEM_DISPARITY_RATE
                     ? _("“%s”: the denominator is 0, so there is no rate: a rate needs "
                         "an exposure (such as bed days) above 0")
                     : _("“%s”: the denominator is 0, so there is no proportion: it needs "
                         "at least one person"), name);
      return FALSE;
    }
  if (options->kind == TANDEM_DISPARITY_PROPORTION &&
      floor (count->denominator) != count->denominator)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   _("“%s”: a proportion's denominator is a number of people, a whole number"),
                   name);
      return FALSE;
    }
  if (options->kind == TANDEM_DISPARITY_PROPORTION && count->count > count->denominator)
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                   _("“%s”: %.0f people with the event is more than the %.0f people counted"),
                   name, count->count, count->denominator);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_disparity_options_init:
 * @options: (out caller-allocates): options to set
 *
 * Rates per 1,000, no reference group, no "Not stated" group.
 */
void
tandem_disparity_options_init (TandemDisparityOptions *options)
{
  options->kind = TANDEM_DISPARITY_RATE;
  options->per = 1000;
  options->reference = TANDEM_DISPARITY_NONE;
  options->not_stated = TANDEM_DISPARITY_NONE;
}

/**
 * tandem_disparity_compare:
 * @counts: (array length=n_counts): the count and denominator of each group
 * @n_counts: how many groups
 * @options: what to compute
 * @error: return location for a #TANDEM_DISPARITY_ERROR
 *
 * Computes each group's rate and its ratio to the reference group with the
 * 95% interval: for rates, the exact conditional interval of
 * poisson.test(c(count, reference count), c(denominator, reference
 * denominator)); for proportions, the risk ratio with Katz's log interval
 * (0.5 added to every cell of the two-by-two table when one is 0, for the
 * ratio and its interval alike). A group with no events has a rate ratio
 * of 0 and a finite upper end; when the reference has none, the ratio is
 * infinite (%TANDEM_RATIO_INFINITE); when neither has, it is undefined.
 *
 * Every denominator must be above 0, every count a whole number: the
 * message names the group that is not.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error
 *   set
 */
TandemDisparity *
tandem_disparity_compare (const TandemDisparityCount   *counts,
                          guint                         n_counts,
                          const TandemDisparityOptions *options,
                          GError                      **error)
{
  g_autoptr(TandemDisparity) disparity = NULL;
  const TandemDisparityCount *reference = NULL;
  double all_counts = 0, all_denominators = 0;

  g_return_val_if_fail (counts != NULL || n_counts == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->per > 0 && isfinite (options->per), NULL);

  if (options->reference != TANDEM_DISPARITY_NONE &&
      (options->reference >= n_counts || options->reference == options->not_stated))
    {
      g_set_error_literal (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE,
                           options->reference == options->not_stated
                             ? _("“Not stated” cannot be the reference group")
                             : _("The reference group is not among the groups"));
      return NULL;
    }
  for (guint i = 0; i < n_counts; i++)
    if (!check_count (&counts[i], options, error))
      return NULL;

  disparity = g_new0 (TandemDisparity, 1);
  disparity->groups = g_new0 (TandemDisparityGroup, n_counts);
  disparity->n_groups = n_counts;
  if (options->reference != TANDEM_DISPARITY_NONE)
    reference = &counts[options->reference];

  for (guint i = 0; i < n_counts; i++)
    {
      TandemDisparityGroup *group = &disparity->groups[i];

      group->count = counts[i].count;
      group->denominator = counts[i].denominator;
      group->rate = counts[i].count / counts[i].denominator * options->per;
      group->ratio = group->lcl = group->ucl = NAN;
      all_counts += counts[i].count;
      all_denominators += counts[i].denominator;

      if (i == options->not_stated)
        group->status = TANDEM_RATIO_NOT_STATED;
      else if (i == options->reference)
        group->status = TANDEM_RATIO_REFERENCE;
      else if (reference == NULL)
        group->status = TANDEM_RATIO_NO_REFERENCE;
      else if (options->kind == TANDEM_DISPARITY_RATE)
        rate_ratio (counts[i].count, counts[i].denominator,
                    reference->count, reference->denominator, group);
      else
        risk_ratio (counts[i].count, counts[i].denominator,
                    reference->count, reference->denominator, group);
    }

  disparity->not_stated_share = NAN;
  disparity->not_stated_denominator_share = NAN;
  if (options->not_stated < n_counts)
    {
      const TandemDisparityCount *not_stated = &counts[options->not_stated];

      if (all_counts > 0)
        disparity->not_stated_share = not_stated->count / all_counts;
      disparity->not_stated_denominator_share = not_stated->denominator / all_denominators;
    }
  return g_steal_pointer (&disparity);
}

static gboolean
is_small (double count,
          guint  threshold)
{
  return count >= 1 && count <= threshold;
}

/**
 * tandem_disparity_suppress:
 * @disparity: a comparison
 * @options: the options it was computed with
 * @threshold: the largest count to hide (%TANDEM_DISPARITY_DEFAULT_THRESHOLD
 *   hides 1 to 4: "fewer than 5")
 *
 * Marks what an export meant for sharing must not show: every count from 1
 * to @threshold (and the rate made from it), every ratio computed from such
 * a count in its group or in the reference group, and the "Not stated"
 * share when that count is small. A count of 0 is not hidden.
 */
void
tandem_disparity_suppress (TandemDisparity              *disparity,
                           const TandemDisparityOptions *options,
                           guint                         threshold)
{
  gboolean reference_small = FALSE;

  g_return_if_fail (disparity != NULL && options != NULL);

  if (options->reference < disparity->n_groups)
    reference_small = is_small (disparity->groups[options->reference].count, threshold);

  for (guint i = 0; i < disparity->n_groups; i++)
    {
      TandemDisparityGroup *group = &disparity->groups[i];

      group->count_suppressed = is_small (group->count, threshold);
      group->ratio_suppressed = (group->status == TANDEM_RATIO_ESTIMATED ||
                                 group->status == TANDEM_RATIO_INFINITE) &&
                                (group->count_suppressed || reference_small);
    }
  disparity->not_stated_suppressed =
    options->not_stated < disparity->n_groups &&
    is_small (disparity->groups[options->not_stated].count, threshold);
}

/**
 * tandem_disparity_free:
 * @disparity: (nullable): a comparison
 */
void
tandem_disparity_free (TandemDisparity *disparity)
{
  if (disparity == NULL)
    return;
  g_free (disparity->groups);
  g_free (disparity);
}

/* ------------------------------------------------------------------ */
/* Over time                                                          */

static void
period_free (TandemDisparityPeriod *period)
{
  if (period == NULL)
    return;
  tandem_disparity_free (period->disparity);
  g_free (period->has_data);
  g_free (period);
}

/* "2025-04-07" → the day 20250407 and the quarter 2025 * 4 + 1; FALSE if it
 * is not yyyy-mm-dd. */
static gboolean
read_date (const char *date,
           int        *day,
           int        *quarter)
{
  int year, month;

  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  if (date[10] != '\0')
    return FALSE;
  year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  month = (date[5] - '0') * 10 + (date[6] - '0');
  if (month < 1 || month > 12)
    return FALSE;
  *day = year * 10000 + month * 100 + (date[8] - '0') * 10 + (date[9] - '0');
  *quarter = year * 4 + (month - 1) / 3;
  return TRUE;
}

/* The comparison of one period from its totals per group: the groups with
 * no denominator sit out, and the ratios wait for a reference with one. */
static TandemDisparityPeriod *
analyse_period (const double                 *count,
                const double                 *denominator,
                const char * const           *group_names,
                guint                         n_groups,
                const TandemDisparityOptions *options,
                const char                   *when,
                GError                      **error)
{
  g_autoptr(TandemDisparity) present = NULL;
  g_autofree TandemDisparityCount *counts = g_new (TandemDisparityCount, n_groups);
  g_autofree guint *index = g_new (guint, n_groups);
  TandemDisparityOptions sub = *options;
  TandemDisparityPeriod *period;
  guint n = 0;

  sub.reference = sub.not_stated = TANDEM_DISPARITY_NONE;
  for (guint g = 0; g < n_groups; g++)
    {
      if (denominator[g] == 0)
        {
          if (count[g] > 0)
            {
              g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                           _("“%s” has %.0f events in %s but a denominator of 0"),
                           group_names[g], count[g], when);
              return NULL;
            }
          index[g] = TANDEM_DISPARITY_NONE;
          continue;
        }
      index[g] = n;
      if (g == options->reference)
        sub.reference = n;
      if (g == options->not_stated)
        sub.not_stated = n;
      counts[n].name = group_names[g];
      counts[n].count = count[g];
      counts[n].denominator = denominator[g];
      n++;
    }

  present = tandem_disparity_compare (counts, n, &sub, error);
  if (present == NULL)
    return NULL;

  period = g_new0 (TandemDisparityPeriod, 1);
  period->has_data = g_new0 (gboolean, n_groups);
  period->disparity = g_new0 (TandemDisparity, 1);
  period->disparity->groups = g_new0 (TandemDisparityGroup, n_groups);
  period->disparity->n_groups = n_groups;
  period->disparity->not_stated_share = present->not_stated_share;
  period->disparity->not_stated_denominator_share = present->not_stated_denominator_share;
  if (options->not_stated < n_groups && sub.not_stated == TANDEM_DISPARITY_NONE)
    {
      /* no one "Not stated" this period: a share of 0 */
      double all = 0;

      for (guint i = 0; i < n; i++)
        all += counts[i].count;
      period->disparity->not_stated_share = all > 0 ? 0.0 : NAN;
      period->disparity->not_stated_denominator_share = n > 0 ? 0.0 : NAN;
    }
  for (guint g = 0; g < n_groups; g++)
    {
      TandemDisparityGroup *group = &period->disparity->groups[g];

      if (index[g] != TANDEM_DISPARITY_NONE)
        {
          *group = present->groups[index[g]];
          period->has_data[g] = TRUE;
          continue;
        }
      group->rate = group->ratio = group->lcl = group->ucl = NAN;
      if (g == options->not_stated)
        group->status = TANDEM_RATIO_NOT_STATED;
      else if (g == options->reference)
        group->status = TANDEM_RATIO_REFERENCE;
      else if (sub.reference == TANDEM_DISPARITY_NONE)
        group->status = TANDEM_RATIO_NO_REFERENCE;
      else
        group->status = TANDEM_RATIO_UNDEFINED;
    }
  return period;
}

static void
format_date (char  date[11],
             int   year,
             int   month,
             int   day)
{
  g_snprintf (date, 11, "%04d-%02d-%02d", year, month, day);
}

/**
 * tandem_disparity_analyse:
 * @rows: (array length=n_rows): the dated rows, in any order
 * @n_rows: how many
 * @group_names: (array length=n_groups): the groups' names, for messages
 * @n_groups: how many groups
 * @options: what to compute, the reference and "Not stated" being indexes
 *   of @group_names
 * @error: return location for a #TANDEM_DISPARITY_ERROR
 *
 * Adds up each group's counts and denominators over the whole span and
 * over each calendar quarter (monthly counts per group are too small to
 * compare), and compares them with tandem_disparity_compare().
 *
 * Returns: (transfer full) (nullable): the whole span and the quarters, or
 *   %NULL with @error set (a bad row, events with no denominator, a
 *   reference group with no data)
 */
TandemDisparitySeries *
tandem_disparity_analyse (const TandemDisparityRow     *rows,
                          gsize                         n_rows,
                          const char * const           *group_names,
                          guint                         n_groups,
                          const TandemDisparityOptions *options,
                          GError                      **error)
{
  g_autoptr(TandemDisparitySeries) series = NULL;
  g_autofree double *count = NULL;
  g_autofree double *denominator = NULL;
  g_autofree double *whole_count = g_new0 (double, n_groups);
  g_autofree double *whole_denominator = g_new0 (double, n_groups);
  g_autofree int *quarter_keys = NULL;
  gsize first = 0, last = 0;
  int first_day = G_MAXINT, last_day = G_MININT;
  int first_key = G_MAXINT, last_key = G_MININT;
  gsize n_quarters;

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  g_return_val_if_fail (group_names != NULL && n_groups > 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (n_rows == 0)
    {
      g_set_error_literal (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                           _("There are no rows to analyse"));
      return NULL;
    }

  quarter_keys = g_new (int, n_rows);
  for (gsize i = 0; i < n_rows; i++)
    {
      const TandemDisparityRow *row = &rows[i];
      int key, day;

      if (!read_date (row->date, &day, &key) || row->group >= n_groups)
        {
          g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                       _("Row %" G_GSIZE_FORMAT " has no date or no group"), i + 1);
          return NULL;
        }
      if (!isfinite (row->count) || row->count < 0 ||
          !isfinite (row->denominator) || row->denominator < 0)
        {
          g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID,
                       _("Row %" G_GSIZE_FORMAT " (“%s”, %s): counts and denominators are "
                         "numbers, 0 or more"), i + 1, group_names[row->group], row->date);
          return NULL;
        }
      quarter_keys[i] = key;
      first_key = MIN (first_key, key);
      last_key = MAX (last_key, key);
      if (day < first_day)
        {
          first_day = day;
          first = i;
        }
      if (day > last_day)
        {
          last_day = day;
          last = i;
        }
    }

  n_quarters = (gsize) (last_key - first_key + 1);
  count = g_new0 (double, n_quarters * n_groups);
  denominator = g_new0 (double, n_quarters * n_groups);
  for (gsize i = 0; i < n_rows; i++)
    {
      const TandemDisparityRow *row = &rows[i];
      gsize cell = (gsize) (quarter_keys[i] - first_key) * n_groups + row->group;

      count[cell] += row->count;
      denominator[cell] += row->denominator;
      whole_count[row->group] += row->count;
      whole_denominator[row->group] += row->denominator;
    }

  if (options->reference != TANDEM_DISPARITY_NONE &&
      (options->reference >= n_groups || whole_denominator[options->reference] == 0))
    {
      g_set_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE,
                   _("The reference group “%s” has no data to compare with"),
                   options->reference < n_groups ? group_names[options->reference] : "?");
      return NULL;
    }

  series = g_new0 (TandemDisparitySeries, 1);
  series->quarters = g_ptr_array_new_with_free_func ((GDestroyNotify) period_free);
  series->whole = analyse_period (whole_count, whole_denominator, group_names, n_groups,
                                  options, _("the whole span"), error);
  if (series->whole == NULL)
    return NULL;
  g_strlcpy (series->whole->from, rows[first].date, sizeof series->whole->from);
  g_strlcpy (series->whole->to, rows[last].date, sizeof series->whole->to);

  for (gsize q = 0; q < n_quarters; q++)
    {
      const double *quarter_denominator = denominator + q * n_groups;
      int key = first_key + (int) q;
      int year = key / 4, quarter = key % 4 + 1;
      g_autofree char *when = NULL;
      TandemDisparityPeriod *period;
      gboolean any = FALSE;
      static const int month_end[] = { 31, 30, 30, 31 };

      for (guint g = 0; g < n_groups && !any; g++)
        any = quarter_denominator[g] > 0 || count[q * n_groups + g] > 0;
      if (!any)
        continue;

      when = g_strdup_printf ("%d Q%d", year, quarter);
      period = analyse_period (count + q * n_groups, quarter_denominator, group_names,
                               n_groups, options, when, error);
      if (period == NULL)
        return NULL;
      period->year = year;
      period->quarter = quarter;
      format_date (period->from, year, 3 * quarter - 2, 1);
      format_date (period->to, year, 3 * quarter, month_end[quarter - 1]);
      g_ptr_array_add (series->quarters, period);
    }
  return g_steal_pointer (&series);
}

/**
 * tandem_disparity_series_suppress:
 * @series: an analysis
 * @options: the options it was made with
 * @threshold: the largest count to hide
 *
 * tandem_disparity_suppress() on the whole span and every quarter.
 */
void
tandem_disparity_series_suppress (TandemDisparitySeries        *series,
                                  const TandemDisparityOptions *options,
                                  guint                         threshold)
{
  g_return_if_fail (series != NULL);

  tandem_disparity_suppress (series->whole->disparity, options, threshold);
  for (guint i = 0; i < series->quarters->len; i++)
    {
      TandemDisparityPeriod *period = series->quarters->pdata[i];

      tandem_disparity_suppress (period->disparity, options, threshold);
    }
}

/**
 * tandem_disparity_series_free:
 * @series: (nullable): an analysis
 */
void
tandem_disparity_series_free (TandemDisparitySeries *series)
{
  if (series == NULL)
    return;
  period_free (series->whole);
  if (series->quarters != NULL)
    g_ptr_array_unref (series->quarters);
  g_free (series);
}
