/* tandem-spc-rules.c — the SPC engine's runs analysis and rules: the
 * signals each point raises, and what kind of variation it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a rule is qicharts2's or NHSRplotthedots', the comment says so
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
/* Runs analysis and rules                                                    */
/* ------------------------------------------------------------------------ */

/* qicharts2's runs.analysis(): the included points, those on the centre line
 * or missing dropped, their runs on either side.  It also records each
 * point's side for the rules. */
void
anhoej_for_phase (Analysis       *an,
                  TandemSpcPhase *phase,
                  gsize           a,
                  gsize           b,
                  double          cl)
{
  gint64 longest = 0, runs = 0, current = 0;
  int previous = 0;
  gsize n_obs = 0, n_useful = 0;

  for (gsize i = a; i < b; i++)
    {
      double d;
      int side;
      gboolean same;

      if (!an->inc[i])
        {
          an->side[i] = SIDE_NONE;
          continue;
        }
      n_obs++;
      if (isnan (an->v[i]))
        {
          an->side[i] = SIDE_NONE;
          continue;
        }
      d = an->v[i] - cl;
      side = (d > 0) - (d < 0);   /* 0 on the line, or with no line */
      an->side[i] = side;
      if (side == 0)
        continue;

      n_useful++;
      same = side == previous;
      current = same ? current + 1 : 1;
      runs += !same;
      previous = side;
      longest = MAX (longest, current);
    }

  phase->n_obs = n_obs;
  phase->n_useful = n_useful;
  if (n_useful > 0)
    {
      phase->longest_run = longest;
      phase->longest_run_max = tandem_spc_anhoej_longest_run_max (n_useful);
      phase->crossings = runs - 1;
      phase->crossings_min = tandem_spc_anhoej_crossings_min (n_useful);
      phase->runs_signal = an->chart != TANDEM_SPC_CHART_MR &&
                           (phase->longest_run > phase->longest_run_max ||
                            phase->crossings < phase->crossings_min);
    }
  else
    {
      phase->longest_run = phase->longest_run_max = -1;
      phase->crossings = phase->crossings_min = -1;
      phase->runs_signal = FALSE;
    }
}

/* Flags the points of [from, to] that are in the sequence (with @side only,
 * unless it is 0). */
static void
flag_range (Analysis *an,
            gsize     from,
            gsize     to,
            guint8    signal,
            int       side,
            int       direction)
{
  for (gsize i = from; i <= to; i++)
    {
      if (an->side[i] == SIDE_NONE || (side != 0 && an->side[i] != side))
        continue;
      an->flags[i] |= signal;
      if (signal == TANDEM_SPC_SIGNAL_TREND)
        an->trend_dir[i] = direction;
    }
}

/* Between the 2-sigma and the 3-sigma limits (NHSRplotthedots'
 * close_to_limits). */
static inline gboolean
near_limit (const Analysis *an,
            const Lines    *lines,
            gsize           i)
{
  const Limits *l = an->limits != NULL ? &an->limits[i] : &lines->lim;
  double y = an->v[i];

  if (y > l->ucl || y < l->lcl)
    return FALSE;
  return y > l->ucl95 || y < l->lcl95;
}

/* Making Data Count (ptd_calculate_point_type) on the phase's included points
 * with a value; excluded and missing points are passed over. */
void
mdc_rules (Analysis    *an,
           const Lines *lines,
           gsize        a,
           gsize        b)
{
  const gint8 *side = an->side;
  gsize start = a, last = a, prev = G_MAXSIZE;
  gsize window[3] = { 0, 0, 0 };
  gsize n_window = 0;
  gint64 count = 0;
  int dir = 0;

  /* Shift: 7 or more in a row on one side; a point on the line breaks it.
   * (Written to compile to conditional moves: the sides of noise change at
   * random, the end of a long run is rare.) */
  for (gsize i = a; i < b; i++)
    {
      int s = side[i];
      gboolean same;

      if (s == SIDE_NONE)
        continue;
      same = s == dir && s != 0;
      if (G_UNLIKELY (count >= 7) && !same && dir != 0)
        flag_range (an, start, last, TANDEM_SPC_SIGNAL_SHIFT, 0, 0);
      count = same ? count + 1 : 1;
      start = same ? start : i;
      last = i;
      dir = s;
    }
  if (dir != 0 && count >= 7)
    flag_range (an, start, last, TANDEM_SPC_SIGNAL_SHIFT, 0, 0);

  /* Trend: 7 or more rising or falling; a tie breaks it. */
  count = 0;
  dir = 0;
  for (gsize i = a; i < b; i++)
    {
      double diff;
      int d;
      gboolean same;

      if (side[i] == SIDE_NONE)
        continue;
      if (G_UNLIKELY (prev == G_MAXSIZE))
        {
          start = last = prev = i;
          count = 1;
          continue;
        }
      diff = an->v[i] - an->v[prev];
      d = (diff > 0) - (diff < 0);
      same = d == dir && d != 0;
      if (G_UNLIKELY (count >= 7) && !same && dir != 0)
        flag_range (an, start, last, TANDEM_SPC_SIGNAL_TREND, 0, dir);
      count = same ? count + 1 : (d == 0 ? 1 : 2);
      start = same ? start : (d == 0 ? i : prev);
      dir = d;
      last = prev = i;
    }
  if (dir != 0 && count >= 7)
    flag_range (an, start, last, TANDEM_SPC_SIGNAL_TREND, 0, dir);

  /* Two of three: three in a row on one side of the line with at least two
   * of them between the 2-sigma and the 3-sigma limit; those are flagged. */
  for (gsize i = a; i < b; i++)
    {
      int s;

      if (side[i] == SIDE_NONE)
        continue;
      window[0] = window[1];
      window[1] = window[2];
      window[2] = i;
      if (++n_window < 3)
        continue;

      s = side[window[0]];
      if (s != 0 && side[window[1]] == s && side[window[2]] == s)
        {
          gboolean near[3];

          for (guint k = 0; k < 3; k++)
            near[k] = near_limit (an, lines, window[k]);
          if (near[0] + near[1] + near[2] >= 2)
            for (guint k = 0; k < 3; k++)
              if (near[k])
                an->flags[window[k]] |= TANDEM_SPC_SIGNAL_TWO_OF_THREE;
        }
    }
}

/* The IHI run-chart rules on the phase's included points with a value. */
void
ihi_rules (Analysis *an,
           gsize     a,
           gsize     b)
{
  const gint8 *side = an->side;
  gsize start = a, last = G_MAXSIZE;
  gint64 count = 0;
  int dir = 0;

  /* Shift: 6 or more on one side of the centre line; points on it neither
   * break nor count (nor are flagged). */
  for (gsize i = a; i < b; i++)
    {
      int s = side[i];
      gboolean same;

      if (s == SIDE_NONE || s == 0)
        continue;
      same = s == dir;
      if (G_UNLIKELY (count >= 6) && !same)
        flag_range (an, start, last, TANDEM_SPC_SIGNAL_SHIFT, dir, 0);
      count = same ? count + 1 : 1;
      start = same ? start : i;
      last = i;
      dir = s;
    }
  if (dir != 0 && count >= 6)
    flag_range (an, start, last, TANDEM_SPC_SIGNAL_SHIFT, dir, 0);

  /* Trend: 5 or more all rising or all falling; a repeated value neither
   * breaks nor counts, but lies within the trend and is flagged with it. */
  count = 0;
  dir = 0;
  last = G_MAXSIZE;
  for (gsize i = a; i < b; i++)
    {
      double diff;
      int d;
      gboolean same;

      if (side[i] == SIDE_NONE)
        continue;
      if (G_UNLIKELY (last == G_MAXSIZE))
        {
          start = last = i;
          count = 1;
          continue;
        }
      diff = an->v[i] - an->v[last];
      if (G_UNLIKELY (diff == 0))
        continue;
      d = diff > 0 ? 1 : -1;
      same = d == dir;
      if (G_UNLIKELY (count >= 5) && !same && dir != 0)
        flag_range (an, start, last, TANDEM_SPC_SIGNAL_TREND, 0, dir);
      /* a new run starts from the last point counted */
      count = same ? count + 1 : 2;
      start = same ? start : last;
      dir = d;
      last = i;
    }
  if (dir != 0 && count >= 5)
    flag_range (an, start, last, TANDEM_SPC_SIGNAL_TREND, 0, dir);
}

TandemSpcVariation
variation_of (double              y,
              double              cl,
              double              ucl,
              guint8              signals,
              int                 trend_dir,
              TandemSpcDirection  direction)
{
  int v;

  if (isnan (y))
    return TANDEM_SPC_VARIATION_NONE;

  /* the rules in order of precedence: outside, trend, two of three, shift;
   * a trend goes its own way, the others by their side of the line */
  if (signals & TANDEM_SPC_SIGNAL_OUTSIDE)
    v = y > ucl ? 1 : -1;
  else if (signals & TANDEM_SPC_SIGNAL_TREND)
    v = trend_dir;
  else if (signals & (TANDEM_SPC_SIGNAL_TWO_OF_THREE | TANDEM_SPC_SIGNAL_SHIFT |
                      TANDEM_SPC_SIGNAL_RUNS))
    v = (y > cl) - (y < cl);
  else
    v = 0;

  if (v == 0)
    return TANDEM_SPC_VARIATION_COMMON_CAUSE;

  switch (direction)
    {
    case TANDEM_SPC_DIRECTION_NEUTRAL:
      return v > 0 ? TANDEM_SPC_VARIATION_NEUTRAL_HIGH : TANDEM_SPC_VARIATION_NEUTRAL_LOW;
    case TANDEM_SPC_DIRECTION_DECREASE:
      v = -v;
      G_GNUC_FALLTHROUGH;
    case TANDEM_SPC_DIRECTION_INCREASE:
    default:
      return v > 0 ? TANDEM_SPC_VARIATION_IMPROVEMENT : TANDEM_SPC_VARIATION_CONCERN;
    }
}
