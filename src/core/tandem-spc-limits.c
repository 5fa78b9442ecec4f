/* tandem-spc-limits.c — the SPC engine's statistics, and the centre lines
 * and limits of each kind of chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a formula is qicharts2's or NHSRplotthedots', the comment says so
 * (see tandem-spc.c).
 */

#define G_LOG_DOMAIN "Tandem-SPC"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "tandem-spc.h"
#include "tandem-spc-private.h"

/* ------------------------------------------------------------------------ */
/* Statistics                                                                 */
/* ------------------------------------------------------------------------ */

/* The sum of v[base] without missing values (R's na.rm = TRUE), in long
 * double as R sums, and how many values it adds. */
static long double
sum_and_count_included (const Analysis *an,
                        const double   *v,
                        gsize           a,
                        gsize           b,
                        gsize          *count)
{
  long double s = 0;
  gsize m = 0;

  for (gsize i = a; i < b; i++)
    if (an->inc[i] && !isnan (v[i]))
      {
        s += v[i];
        m++;
      }
  *count = m;
  return s;
}

/* R's mean (v[base], na.rm = TRUE), where base is the included points of
 * [a, b): a long double sum, then a second pass that corrects the rounding.
 * Matching it keeps points that sit exactly on the centre line on it, as in
 * qicharts2. */
static double
mean_included (const Analysis *an,
               const double   *v,
               gsize           a,
               gsize           b)
{
  gsize m;
  long double s = sum_and_count_included (an, v, a, b, &m);

  if (m == 0)
    return NAN;

  s /= m;
  if (isfinite ((double) s))
    {
      long double t = 0;

      for (gsize i = a; i < b; i++)
        if (an->inc[i] && !isnan (v[i]))
          t += v[i] - s;
      s += t / m;
    }

  return (double) s;
}

/* sum (v[base], na.rm = TRUE) in long double, as R sums. */
static double
sum_included (const Analysis *an,
              const double   *v,
              gsize           a,
              gsize           b)
{
  gsize m;

  return (double) sum_and_count_included (an, v, a, b, &m);
}

#define SWAP_DOUBLE(p, q) G_STMT_START { double t_ = (p); (p) = (q); (q) = t_; } G_STMT_END

/* The k-th smallest of x[0 … count-1], which it reorders so that nothing
 * before x[k] is larger and nothing after it smaller (the partitioning
 * selection of Numerical Recipes).  Ties stop both scans, so many equal
 * values stay linear. */
static double
select_kth (double *x,
            gsize   count,
            gsize   k)
{
  gsize l = 0;
  gsize ir = count - 1;

  for (;;)
    {
      gsize mid, i, j;
      double pivot;

      if (ir <= l + 1)
        {
          if (ir == l + 1 && x[ir] < x[l])
            SWAP_DOUBLE (x[l], x[ir]);
          return x[k];
        }

      /* median of three, leaving sentinels at both ends */
      mid = l + (ir - l) / 2;
      SWAP_DOUBLE (x[mid], x[l + 1]);
      if (x[l] > x[ir])
        SWAP_DOUBLE (x[l], x[ir]);
      if (x[l + 1] > x[ir])
        SWAP_DOUBLE (x[l + 1], x[ir]);
      if (x[l] > x[l + 1])
        SWAP_DOUBLE (x[l], x[l + 1]);

      i = l + 1;
      j = ir;
      pivot = x[l + 1];
      for (;;)
        {
          do
            i++;
          while (x[i] < pivot);
          do
            j--;
          while (x[j] > pivot);
          if (j < i)
            break;
          SWAP_DOUBLE (x[i], x[j]);
        }
      x[l + 1] = x[j];
      x[j] = pivot;

      if (j >= k)
        ir = j - 1;
      if (j <= k)
        l = i;
    }
}

/* R's median (v[base], na.rm = TRUE). */
static double
median_included (const Analysis *an,
                 const double   *v,
                 gsize           a,
                 gsize           b)
{
  double *x = an->work;
  gsize m = 0;
  gsize half;
  double lo, hi;

  for (gsize i = a; i < b; i++)
    if (an->inc[i] && !isnan (v[i]))
      x[m++] = v[i];

  if (m == 0)
    return NAN;

  half = (m - 1) / 2;
  lo = select_kth (x, m, half);
  if (m % 2 == 1)
    return lo;

  /* the upper middle is the smallest value above the lower middle's slot */
  hi = x[half + 1];
  for (gsize i = half + 2; i < m; i++)
    if (x[i] < hi)
      hi = x[i];

  return (double) (((long double) lo + hi) / 2);
}

/* Σ (mr − centre) over the moving ranges mr < @upper of the included points
 * of [a, b) taken in order, and how many there are.  The included points are
 * taken out first, so a moving range spans an excluded point; one next to a
 * missing value does not exist (it is NAN, never below @upper). */
static long double
sum_moving_ranges (const Analysis *an,
                   const double   *v,
                   gsize           a,
                   gsize           b,
                   double          offset,
                   double          upper,
                   long double     centre,
                   gsize          *count)
{
  long double s = 0;
  gsize m = 0;
  gboolean have_prev = FALSE;
  double prev = 0;

  for (gsize i = a; i < b; i++)
    {
      double cur, mr;

      if (!an->inc[i])
        continue;
      cur = v[i] - offset;
      if (have_prev)
        {
          mr = fabs (cur - prev);
          if (mr < upper)
            {
              s += mr - centre;
              m++;
            }
        }
      prev = cur;
      have_prev = TRUE;
    }

  *count = m;
  return s;
}

/* R's mean (mr[mr < upper], na.rm = TRUE), as mean_of() without a copy. */
static double
mean_moving_range (const Analysis *an,
                   const double   *v,
                   gsize           a,
                   gsize           b,
                   double          offset,
                   double          upper)
{
  gsize m;
  long double s = sum_moving_ranges (an, v, a, b, offset, upper, 0, &m);

  if (m == 0)
    return NAN;
  s /= m;
  if (isfinite ((double) s))
    s += sum_moving_ranges (an, v, a, b, offset, upper, s, &m) / m;
  return (double) s;
}

/* The average moving range, as qicharts2's qic.i() takes it: of the baseline's
 * included points in order (after subtracting @offset, as qic.i subtracts the
 * centre line).  With screening, ranges of 3.267 × the average or more are
 * left out and the average taken again (Nelson 1982). */
static double
average_moving_range (const Analysis *an,
                      const double   *v,
                      gsize           a,
                      gsize           b,
                      double          offset)
{
  double amr = mean_moving_range (an, v, a, b, offset, INFINITY);

  if (an->screen)
    amr = mean_moving_range (an, v, a, b, offset, MR_SCREEN_FACTOR * amr);
  return amr;
}

/* c4, the bias correction of the standard deviation (qicharts2's c4()). */
static double
c4 (double n)
{
  if (!(n > 1))
    return NAN;
  return sqrt (2 / (n - 1)) * exp (lgamma (n / 2) - lgamma ((n - 1) / 2));
}

/**
 * tandem_spc_anhoej_longest_run_max:
 * @n_useful: the number of useful observations (not on the centre line)
 *
 * Returns the longest run on one side of the centre line that random
 * variation allows: round(log2(n)) + 3 (Schilling 2012).  A longer run is a
 * signal.  Returns -1 for 0.
 */
gint64
tandem_spc_anhoej_longest_run_max (gsize n_useful)
{
  if (n_useful == 0)
    return -1;
  return (gint64) round (log2 ((double) n_useful)) + 3;
}

/**
 * tandem_spc_anhoej_crossings_min:
 * @n_useful: the number of useful observations (not on the centre line)
 *
 * Returns the fewest crossings of the centre line that random variation
 * allows: the 5th percentile of Binomial(n − 1, 0.5) (Chen 2010), as R's
 * qbinom(0.05, n − 1, 0.5).  Fewer crossings are a signal.  Returns -1 for 0.
 */
gint64
tandem_spc_anhoej_crossings_min (gsize n_useful)
{
  gint64 m;
  double p = 0.05 * (1 - 64 * DBL_EPSILON);   /* qbinom's fuzz */
  gint64 x;
  double pmf, cdf;

  if (n_useful == 0)
    return -1;

  m = (gint64) n_useful - 1;

  if (m <= 1000)
    {
      /* exact enough from P(X = 0) = 2^-m upwards */
      pmf = ldexp (1.0, (int) -m);
      cdf = pmf;
      x = 0;
      while (cdf < p && x < m)
        {
          pmf *= (double) (m - x) / (double) (x + 1);
          x++;
          cdf += pmf;
        }
      return x;
    }

  /* Start near the normal approximation, sum the lower tail downwards until
   * its terms no longer matter, then step to the quantile. */
  x = (gint64) floor (m / 2.0 - 1.6448536269514722 * sqrt ((double) m) / 2);
  if (x < 0)
    x = 0;
  pmf = exp (lgamma (m + 1.0) - lgamma (x + 1.0) - lgamma ((double) (m - x) + 1) - m * G_LN2);
  cdf = 0;
  {
    double term = pmf;

    for (gint64 k = x; k >= 0; k--)
      {
        cdf += term;
        if (term < cdf * 1e-20)
          break;
        term *= (double) k / (double) (m - k + 1);
      }
  }

  if (cdf >= p)
    {
      while (x > 0 && cdf - pmf >= p)
        {
          cdf -= pmf;
          pmf *= (double) x / (double) (m - x + 1);
          x--;
        }
    }
  else
    {
      while (cdf < p && x < m)
        {
          pmf *= (double) (m - x) / (double) (x + 1);
          x++;
          cdf += pmf;
        }
    }

  return x;
}

/* ------------------------------------------------------------------------ */
/* Centre lines and limits, per phase (qicharts2's qic.<chart> functions)     */
/* ------------------------------------------------------------------------ */

static void
set_limits (Limits *l,
            double  cl,
            double  stdev)
{
  l->lcl = cl - 3 * stdev;
  l->ucl = cl + 3 * stdev;
  l->lcl95 = cl - 2 * stdev;
  l->ucl95 = cl + 2 * stdev;
}

static void
clamp_lower (Limits *l)
{
  if (l->lcl < 0 && isfinite (l->lcl))
    l->lcl = 0;
  if (l->lcl95 < 0 && isfinite (l->lcl95))
    l->lcl95 = 0;
}

static void
clamp_upper_one (Limits *l)
{
  if (l->ucl > 1 && isfinite (l->ucl))
    l->ucl = 1;
  if (l->ucl95 > 1 && isfinite (l->ucl95))
    l->ucl95 = 1;
}

/* The individuals chart on v: qic.i, or with the Making Data Count constants
 * (ptd_spc_standard) when @mdc. */
static void
limits_i (Analysis     *an,
          const double *v,
          gsize         a,
          gsize         base_end,
          gboolean      mdc,
          Lines        *lines)
{
  double cl = mean_included (an, v, a, base_end);

  lines->cl = cl;
  if (mdc)
    {
      double amr = average_moving_range (an, v, a, base_end, 0);

      lines->lim.lcl = cl - MDC_LIMIT * amr;
      lines->lim.ucl = cl + MDC_LIMIT * amr;
      lines->lim.lcl95 = cl - 2 * (MDC_LIMIT / 3) * amr;
      lines->lim.ucl95 = cl + 2 * (MDC_LIMIT / 3) * amr;
    }
  else
    set_limits (&lines->lim, cl, average_moving_range (an, v, a, base_end, cl) / D2);
}

/* Laney's sigma_z for p′ and u′ charts (qic.pp, qic.up): the average moving
 * range of the baseline's standardised values, over d2. */
static double
laney_sigma_z (Analysis     *an,
               const double *stdev,
               double        cl,
               gsize         a,
               gsize         base_end)
{
  double *z = an->work3;

  for (gsize i = a; i < base_end; i++)
    z[i] = (an->v[i] - cl) / stdev[i];

  return average_moving_range (an, z, a, base_end, 0) / D2;
}

/* The centre line and limits of the phase [a, b), from its baseline
 * [a, base_end): into the phase's lines, or for charts whose limits vary
 * from point to point (an->limits) into each point's limits. */
gboolean
limits_for_phase (Analysis  *an,
                  Lines     *lines,
                  gsize      a,
                  gsize      b,
                  gsize      base_end,
                  GError   **error)
{
  Limits *lim = an->limits;
  double *v = an->v;
  double cl;

  lines->cl = NAN;
  lines->lim.lcl = lines->lim.ucl = lines->lim.lcl95 = lines->lim.ucl95 = NAN;

  switch (an->chart)
    {
    case TANDEM_SPC_CHART_RUN:
      lines->cl = median_included (an, v, a, base_end);
      break;

    case TANDEM_SPC_CHART_I:
      limits_i (an, v, a, base_end, an->rules == TANDEM_SPC_RULES_MDC, lines);
      break;

    case TANDEM_SPC_CHART_MR:
      /* the moving ranges of the phase, whatever is excluded */
      for (gsize i = b - 1; i > a; i--)
        v[i] = fabs (v[i] - v[i - 1]);
      v[a] = NAN;
      cl = mean_included (an, v, a, base_end);
      lines->cl = cl;
      lines->lim.lcl = lines->lim.lcl95 = 0;
      lines->lim.ucl = MR_SCREEN_FACTOR * cl;
      lines->lim.ucl95 = (MR_SCREEN_FACTOR / 3) * 2 * cl;
      break;

    case TANDEM_SPC_CHART_XBAR:
    case TANDEM_SPC_CHART_S:
      {
        gboolean var_n = FALSE;
        long double sw = 0, sl = 0, sv = 0, sd1 = 0;
        double stdev;

        for (gsize i = a + 1; i < b && !var_n; i++)
          var_n = an->y_len[i] != an->y_len[a];

        for (gsize i = a; i < base_end; i++)
          {
            double len = an->y_len[i];
            double wv;

            if (!an->inc[i])
              continue;
            wv = len * an->y_mean[i];
            if (!isnan (wv))
              sw += wv;
            sl += len;
            wv = (len - 1) * an->y_sd[i] * an->y_sd[i];
            if (!isnan (wv))
              sv += wv;
            sd1 += len - 1;
          }

        if (var_n)
          stdev = sqrt ((double) sv / (double) sd1);   /* Montgomery 6.31 */
        else
          stdev = mean_included (an, an->y_sd, a, base_end);   /* 6.29 */

        if (an->chart == TANDEM_SPC_CHART_XBAR)
          {
            cl = (double) sw / (double) sl;
            for (gsize i = a; i < b; i++)
              {
                double len = an->y_len[i];
                double a3 = len > 1 ? 1 / (c4 (len) * sqrt (len)) : NAN;

                set_limits (&lim[i], cl, a3 * stdev);
              }
          }
        else
          {
            cl = stdev;
            for (gsize i = a; i < b; i++)
              {
                double len = an->y_len[i];
                double k = NAN;

                if (len > 1)
                  {
                    double c = c4 (len);

                    k = sqrt (1 - c * c) / c;   /* c5 / c4 */
                  }
                lim[i].ucl = (1 + 3 * k) * cl;
                lim[i].ucl95 = (1 + 2 * k) * cl;
                lim[i].lcl = (isnan (k) ? NAN : MAX (0, 1 - 3 * k)) * cl;
                lim[i].lcl95 = (isnan (k) ? NAN : MAX (0, 1 - 2 * k)) * cl;
              }
          }
        lines->cl = cl;
      }
      break;

    case TANDEM_SPC_CHART_T:
      {
        double *t = an->work2;

        for (gsize i = a; i < b; i++)
          {
            if (v[i] <= 0)
              {
                g_set_error (error, TANDEM_SPC_ERROR, TANDEM_SPC_ERROR_INVALID_DATA,
                             "Point %" G_GSIZE_FORMAT ": the time between events must "
                             "be greater than zero for a t chart", i + 1);
                return FALSE;
              }
            t[i] = pow (v[i], 1 / 3.6);
          }

        /* an i chart of the transformed times, then back (qic.t); the values
         * go there and back too, as in qicharts2 */
        limits_i (an, t, a, base_end, FALSE, lines);
        for (gsize i = a; i < b; i++)
          v[i] = pow (t[i], 3.6);
        lines->cl = pow (lines->cl, 3.6);
        lines->lim.ucl = pow (lines->lim.ucl, 3.6);
        lines->lim.ucl95 = pow (lines->lim.ucl95, 3.6);
        lines->lim.lcl = pow (lines->lim.lcl, 3.6);
        lines->lim.lcl95 = pow (lines->lim.lcl95, 3.6);
        if (lines->lim.lcl < 0 || isnan (lines->lim.lcl))
          lines->lim.lcl = 0;
      }
      break;

    case TANDEM_SPC_CHART_P:
    case TANDEM_SPC_CHART_PP:
    case TANDEM_SPC_CHART_U:
    case TANDEM_SPC_CHART_UP:
      {
        gboolean is_p = an->chart == TANDEM_SPC_CHART_P || an->chart == TANDEM_SPC_CHART_PP;
        gboolean laney = an->chart == TANDEM_SPC_CHART_PP || an->chart == TANDEM_SPC_CHART_UP;
        double *stdev = an->work2;
        double sigma_z = 1;

        cl = sum_included (an, an->y_sum, a, base_end) /
             sum_included (an, an->n_sum, a, base_end);
        lines->cl = cl;

        for (gsize i = a; i < b; i++)
          stdev[i] = is_p ? sqrt (cl * (1 - cl) / an->n_sum[i]) : sqrt (cl / an->n_sum[i]);

        if (laney)
          sigma_z = laney_sigma_z (an, stdev, cl, a, base_end);

        for (gsize i = a; i < b; i++)
          {
            set_limits (&lim[i], cl, stdev[i] * sigma_z);
            if (is_p)
              clamp_upper_one (&lim[i]);
            clamp_lower (&lim[i]);
          }
      }
      break;

    case TANDEM_SPC_CHART_C:
      cl = mean_included (an, v, a, base_end);
      lines->cl = cl;
      set_limits (&lines->lim, cl, sqrt (cl));
      clamp_lower (&lines->lim);
      break;

    case TANDEM_SPC_CHART_G:
      {
        double mean = mean_included (an, v, a, base_end);

        /* limits from the mean (Montgomery p. 319), the centre line at the
         * median (qic.g) */
        set_limits (&lines->lim, mean, sqrt (mean * (mean + 1)));
        if (lines->lim.lcl < 0)
          lines->lim.lcl = 0;
        if (lines->lim.lcl95 < 0)
          lines->lim.lcl95 = 0;
        lines->cl = median_included (an, v, a, base_end);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Making Data Count on a chart other than i: the chart's own limits, with
   * the 2-sigma zone two thirds of the way to them. */
  if (an->rules == TANDEM_SPC_RULES_MDC && an->chart != TANDEM_SPC_CHART_I)
    {
      cl = lines->cl;
      if (lim != NULL)
        {
          for (gsize i = a; i < b; i++)
            {
              lim[i].lcl95 = cl + 2 * (lim[i].lcl - cl) / 3;
              lim[i].ucl95 = cl + 2 * (lim[i].ucl - cl) / 3;
            }
        }
      else
        {
          lines->lim.lcl95 = cl + 2 * (lines->lim.lcl - cl) / 3;
          lines->lim.ucl95 = cl + 2 * (lines->lim.ucl - cl) / 3;
        }
    }

  return TRUE;
}
