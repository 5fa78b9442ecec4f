/* tandem-spc-private.h — what the files of the SPC engine share: the working
 * state of one analysis (tandem-spc.c), the limits (tandem-spc-limits.c)
 * and the rules (tandem-spc-rules.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-spc.h"

G_BEGIN_DECLS

/* The limits around a centre line. */
typedef struct
{
  double lcl;
  double ucl;
  double lcl95;
  double ucl95;
} Limits;

/* A phase's lines: the centre line is the same all through a phase, and so
 * are the limits of every chart but xbar, s, p, pp, u and up (whose limits
 * depend on each subgroup's size and are kept per point). */
typedef struct
{
  double cl;
  Limits lim;
} Lines;

/* Working state of one analysis.  The arrays have one entry per point (and
 * those a chart does not need are NULL); most become the result's. */
typedef struct
{
  TandemSpcChart    chart;
  TandemSpcRules    rules;
  gboolean          screen;
  gsize             n;
  double           *v;        /* the chart's value; multiplied at the end */
  double           *n_sum;    /* Σn of the rows used, NAN if none */
  double           *y_sum;    /* Σy of the rows used, NAN if none (p, pp, u, up) */
  double           *y_mean;   /* xbar, s */
  double           *y_sd;     /* xbar, s */
  guint32          *y_len;    /* rows with a value (xbar, s) */
  guint8           *inc;      /* included (not excluded) */
  gint8            *side;     /* -1, 0, 1 against the centre line; SIDE_NONE if excluded
                               * or missing (not in the sequence the rules read) */
  guint8           *flags;    /* TandemSpcSignals from the rules */
  gint8            *trend_dir;  /* set where TREND is flagged */
  Lines            *lines;    /* per phase */
  Limits           *limits;   /* per point for xbar, s, p, pp, u, up; else NULL */
  double           *work;     /* medians (run, g) */
  double           *work2;    /* t: transformed values; p, u: standard deviations */
  double           *work3;    /* pp, up: Laney's z */
} Analysis;

#define SIDE_NONE 2

#define MR_SCREEN_FACTOR 3.267   /* Nelson 1982: the upper limit of a moving range */
#define D2 1.128                 /* d2 for moving ranges of two */
#define MDC_LIMIT 2.66           /* NHSRplotthedots: process limits = mean ± 2.66 × amr */

/* In tandem-spc-limits.c */
gboolean           limits_for_phase (Analysis            *an,
                                     Lines               *lines,
                                     gsize                a,
                                     gsize                b,
                                     gsize                base_end,
                                     GError             **error);

/* In tandem-spc-rules.c */
void               anhoej_for_phase (Analysis            *an,
                                     TandemSpcPhase      *phase,
                                     gsize                a,
                                     gsize                b,
                                     double               cl);
void               mdc_rules        (Analysis            *an,
                                     const Lines         *lines,
                                     gsize                a,
                                     gsize                b);
void               ihi_rules        (Analysis            *an,
                                     gsize                a,
                                     gsize                b);
TandemSpcVariation variation_of     (double               y,
                                     double               cl,
                                     double               ucl,
                                     guint8               signals,
                                     int                  trend_dir,
                                     TandemSpcDirection   direction);

G_END_DECLS
