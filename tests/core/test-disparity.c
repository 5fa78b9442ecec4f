/* test-disparity.c — the ethnic categories and the disparity engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected numbers were computed with R 4.2 (Debian 12's r-base-core);
 * the R call that gave each is beside it. R is not needed to run the tests.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-disparity.h"
#include "tandem-groups.h"

/* Agreement to 1e-9 relative, as the engine promises. */
static void
assert_close (double got,
              double expected)
{
  if (expected == 0)
    g_assert_cmpfloat (got, ==, 0);
  else if (fabs (got - expected) > 1e-9 * fabs (expected))
    g_error ("got %.17g, expected %.17g (relative error %.3g)", got, expected,
             fabs (got - expected) / fabs (expected));
}

/* Two groups, the second the reference: the first's figures. */
static TandemDisparityGroup
compare_two (TandemDisparityKind kind,
             double              a,
             double              ta,
             double              b,
             double              tb)
{
  TandemDisparityCount counts[] = {
    { "Black or Black British", a, ta },
    { "White", b, tb },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) disparity = NULL;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.kind = kind;
  options.per = kind == TANDEM_DISPARITY_PROPORTION ? 100 : 1000;
  options.reference = 1;
  disparity = tandem_disparity_compare (counts, 2, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (disparity->n_groups, ==, 2);
  g_assert_cmpint (disparity->groups[1].status, ==, TANDEM_RATIO_REFERENCE);
  g_assert_true (isnan (disparity->groups[1].ratio));
  return disparity->groups[0];
}

static void
assert_rate_ratio (double a,
                   double ta,
                   double b,
                   double tb,
                   double ratio,
                   double lcl,
                   double ucl)
{
  TandemDisparityGroup group = compare_two (TANDEM_DISPARITY_RATE, a, ta, b, tb);

  g_assert_cmpint (group.status, ==, TANDEM_RATIO_ESTIMATED);
  assert_close (group.rate, a / ta * 1000);
  assert_close (group.ratio, ratio);
  assert_close (group.lcl, lcl);
  assert_close (group.ucl, ucl);
  g_assert_false (group.corrected);
}

static void
test_beta_quantile (void)
{
  static const struct
  {
    double p, a, b, expected;
  } cases[] = {
    /* R: qbeta(p, a, b) */
    { 0.025, 0.3, 2.5, 1.4700037772333059e-06 },
    { 0.975, 0.3, 2.5, 0.57983574181445907 },
    { 0.975, 2000, 3, 0.99969086629124171 },
    { 0.025, 2000, 3, 0.99639597075193642 },
    { 0.025, 1, 50, 0.00050622798304082901 },
    { 0.975, 50, 1, 0.99949377201695921 },
    { 0.5, 0.5, 0.5, 0.49999999999999989 },
    { 0.025, 4000, 5201, 0.42462052446415588 },
    { 0.975, 4001, 5200, 0.44498601241158675 },
    { 1e-10, 3, 7, 0.00010600083666760549 },
    { 0.999999, 3, 7, 0.91486108571954849 },
    { 0.025, 1e5, 2e5, 0.33164752155069938 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_close (tandem_beta_quantile (cases[i].p, cases[i].a, cases[i].b), cases[i].expected);
  g_assert_cmpfloat (tandem_beta_quantile (0, 2, 3), ==, 0);
  g_assert_cmpfloat (tandem_beta_quantile (1, 2, 3), ==, 1);
}

static void
test_rate_equal (void)
{
  /* R: poisson.test(c(10, 20), c(1000, 2000)) */
  assert_rate_ratio (10, 1000, 20, 2000, 1, 0.4180119300476659, 2.2383660884884082);
  /* R: poisson.test(c(1, 1), c(1, 1)) */
  assert_rate_ratio (1, 1, 1, 1, 1, 0.012739367083666625, 78.496835316262846);
}

static void
test_rate_large_ratio (void)
{
  /* R: poisson.test(c(12, 30), c(4100, 22000)) */
  assert_rate_ratio (12, 4100, 30, 22000,
                     2.1463414634146338, 1.00078057325657, 4.3169853611694426);
  /* R: poisson.test(c(200, 3), c(5000, 60000)) */
  assert_rate_ratio (200, 5000, 3, 60000, 800, 269.83023383501393, 3912.0349982453836);
  /* R: poisson.test(c(4000, 5200), c(1200000, 1500000)): large counts */
  assert_rate_ratio (4000, 1.2e6, 5200, 1.5e6,
                     0.96153846153846168, 0.92247929957162567, 1.0021954904800954);
}

static void
test_rate_zero_events (void)
{
  /* R: poisson.test(c(0, 25), c(3000, 12000)): estimate 0, interval 0 to 0.636 */
  TandemDisparityGroup group = compare_two (TANDEM_DISPARITY_RATE, 0, 3000, 25, 12000);

  g_assert_cmpint (group.status, ==, TANDEM_RATIO_ESTIMATED);
  g_assert_cmpfloat (group.rate, ==, 0);
  g_assert_cmpfloat (group.ratio, ==, 0);
  g_assert_cmpfloat (group.lcl, ==, 0);
  g_assert_true (isfinite (group.ucl));
  assert_close (group.ucl, 0.63598893762218522);
}

static void
test_rate_zero_reference (void)
{
  /* R: poisson.test(c(7, 0), c(2000, 9000)): estimate Inf, interval 6.49 to Inf */
  TandemDisparityGroup group = compare_two (TANDEM_DISPARITY_RATE, 7, 2000, 0, 9000);

  g_assert_cmpint (group.status, ==, TANDEM_RATIO_INFINITE);
  g_assert_true (isinf (group.ratio));
  g_assert_true (isinf (group.ucl));
  assert_close (group.lcl, 6.4858883347585756);

  /* neither group has events: R's binom.test refuses n = 0; nothing to compare */
  group = compare_two (TANDEM_DISPARITY_RATE, 0, 2000, 0, 9000);
  g_assert_cmpint (group.status, ==, TANDEM_RATIO_UNDEFINED);
  g_assert_cmpfloat (group.rate, ==, 0);
  g_assert_true (isnan (group.ratio) && isnan (group.lcl) && isnan (group.ucl));
}

static void
test_rate_tiny_denominators (void)
{
  /* R: poisson.test(c(1, 4), c(3, 40)) */
  assert_rate_ratio (1, 3, 4, 40, 3.333333333333333, 0.067685374537279283, 33.684214782423396);
  /* R: poisson.test(c(3, 2), c(0.5, 0.25)) */
  assert_rate_ratio (3, 0.5, 2, 0.25, 0.75, 0.08591424627751082, 8.9795804150110428);
}

static void
test_one_group (void)
{
  TandemDisparityCount counts[] = { { "White", 12, 4100 } };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) alone = NULL;
  g_autoptr(TandemDisparity) unreferenced = NULL;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.reference = 0;
  alone = tandem_disparity_compare (counts, 1, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alone->groups[0].status, ==, TANDEM_RATIO_REFERENCE);
  assert_close (alone->groups[0].rate, 12.0 / 4100 * 1000);
  g_assert_true (isnan (alone->not_stated_share));

  options.reference = TANDEM_DISPARITY_NONE;
  options.per = 100;
  unreferenced = tandem_disparity_compare (counts, 1, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unreferenced->groups[0].status, ==, TANDEM_RATIO_NO_REFERENCE);
  assert_close (unreferenced->groups[0].rate, 12.0 / 4100 * 100);
}

static void
assert_refused (TandemDisparityKind  kind,
                double               count,
                double               denominator,
                const char          *words)
{
  TandemDisparityCount counts[] = {
    { "White", 10, 1000 },
    { "Chinese", count, denominator },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) disparity = NULL;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.kind = kind;
  options.reference = 0;
  disparity = tandem_disparity_compare (counts, 2, &options, &error);
  g_assert_null (disparity);
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Chinese”"));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_refused (void)
{
  TandemDisparityCount counts[] = { { "White", 10, 1000 }, { "Not stated", 1, 50 } };
  TandemDisparityOptions options;
  g_autoptr(GError) error = NULL;

  assert_refused (TANDEM_DISPARITY_RATE, 0, 0, "denominator is 0");
  assert_refused (TANDEM_DISPARITY_RATE, 3, 0, "denominator is 0");
  assert_refused (TANDEM_DISPARITY_PROPORTION, 0, 0, "denominator is 0");
  assert_refused (TANDEM_DISPARITY_RATE, -1, 100, "whole number");
  assert_refused (TANDEM_DISPARITY_RATE, 2.5, 100, "whole number");
  assert_refused (TANDEM_DISPARITY_RATE, NAN, 100, "whole number");
  assert_refused (TANDEM_DISPARITY_RATE, 2, -100, "above 0");
  assert_refused (TANDEM_DISPARITY_RATE, 2, INFINITY, "above 0");
  assert_refused (TANDEM_DISPARITY_PROPORTION, 12, 10, "more than the 10 people");
  assert_refused (TANDEM_DISPARITY_PROPORTION, 2, 10.5, "whole number");

  tandem_disparity_options_init (&options);
  options.reference = 1;
  options.not_stated = 1;
  g_assert_null (tandem_disparity_compare (counts, 2, &options, &error));
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE);
  g_clear_error (&error);
  options.reference = 2;
  options.not_stated = TANDEM_DISPARITY_NONE;
  g_assert_null (tandem_disparity_compare (counts, 2, &options, &error));
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE);
}

static void
test_proportion_katz (void)
{
  TandemDisparityGroup group;

  /* By hand: 30 of 120 against 15 of 150, RR = 0.25 / 0.1 = 2.5,
   * SE(log RR) = sqrt(1/30 − 1/120 + 1/15 − 1/150) = sqrt(0.085),
   * 2.5 exp(∓1.959964 × 0.291548) = 1.41180 to 4.42696. R: with z = qnorm(0.975),
   * 2.5 * exp(c(-1, 1) * qnorm(0.975) * sqrt(1/30 - 1/120 + 1/15 - 1/150)) */
  group = compare_two (TANDEM_DISPARITY_PROPORTION, 30, 120, 15, 150);
  g_assert_cmpint (group.status, ==, TANDEM_RATIO_ESTIMATED);
  g_assert_false (group.corrected);
  assert_close (group.rate, 25);
  assert_close (group.ratio, 2.5);
  assert_close (group.lcl, 1.4118034736263609);
  assert_close (group.ucl, 4.4269617668146388);
  g_assert_cmpfloat (fabs (group.lcl - 1.41180), <, 1e-5);
  g_assert_cmpfloat (fabs (group.ucl - 4.42696), <, 1e-5);
}

static void
test_proportion_zero_cells (void)
{
  TandemDisparityGroup group;

  /* 0 of 40 against 6 of 60: 0.5 added to every cell, 0.5/41 against 6.5/61.
   * R: rr <- (0.5/41)/(6.5/61);
   *    rr * exp(c(-1, 1) * qnorm(0.975) * sqrt(1/0.5 - 1/41 + 1/6.5 - 1/61)) */
  group = compare_two (TANDEM_DISPARITY_PROPORTION, 0, 40, 6, 60);
  g_assert_cmpint (group.status, ==, TANDEM_RATIO_ESTIMATED);
  g_assert_true (group.corrected);
  g_assert_cmpfloat (group.rate, ==, 0);
  assert_close (group.ratio, 0.11444652908067543);
  assert_close (group.lcl, 0.0066261917655209201);
  assert_close (group.ucl, 1.9767022268761918);

  /* none in the reference: 5.5/21 against 0.5/31, finite once corrected */
  group = compare_two (TANDEM_DISPARITY_PROPORTION, 5, 20, 0, 30);
  g_assert_cmpint (group.status, ==, TANDEM_RATIO_ESTIMATED);
  g_assert_true (group.corrected);
  assert_close (group.ratio, 16.238095238095241);
  assert_close (group.lcl, 0.94723320448599568);
  assert_close (group.ucl, 278.36411953541233);

  /* everyone had the event (12 of 12): the empty cell is the other one */
  group = compare_two (TANDEM_DISPARITY_PROPORTION, 12, 12, 6, 10);
  g_assert_true (group.corrected);
  assert_close (group.ratio, 1.6272189349112425);
  assert_close (group.lcl, 0.98343392231296389);
  assert_close (group.ucl, 2.6924447103737803);

  /* no one had it in either group */
  group = compare_two (TANDEM_DISPARITY_PROPORTION, 0, 20, 0, 30);
  g_assert_cmpint (group.status, ==, TANDEM_RATIO_UNDEFINED);
  g_assert_true (isnan (group.ratio));
}

static void
test_not_stated_share (void)
{
  TandemDisparityCount counts[] = {
    { "White", 30, 22000 },
    { "Black or Black British", 12, 4100 },
    { "Not stated", 8, 900 },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) disparity = NULL;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.reference = 0;
  options.not_stated = 2;
  disparity = tandem_disparity_compare (counts, 3, &options, &error);
  g_assert_no_error (error);
  assert_close (disparity->not_stated_share, 8.0 / 50);
  assert_close (disparity->not_stated_denominator_share, 900.0 / 27000);
  g_assert_cmpint (disparity->groups[2].status, ==, TANDEM_RATIO_NOT_STATED);
  g_assert_true (isnan (disparity->groups[2].ratio));
  assert_close (disparity->groups[2].rate, 8.0 / 900 * 1000);
  /* the other ratio is unchanged by "Not stated" being there.
   * R: poisson.test(c(12, 30), c(4100, 22000)) */
  assert_close (disparity->groups[1].ratio, 2.1463414634146338);
  assert_close (disparity->groups[1].lcl, 1.00078057325657);
}

static void
test_suppress (void)
{
  TandemDisparityCount counts[] = {
    { "White", 5, 22000 },
    { "Mixed", 0, 800 },
    { "Asian or Asian British", 1, 1500 },
    { "Black or Black British", 4, 4100 },
    { "Other", 5, 600 },
    { "Not stated", 4, 900 },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) disparity = NULL;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.reference = 0;
  options.not_stated = 5;
  disparity = tandem_disparity_compare (counts, G_N_ELEMENTS (counts), &options, &error);
  g_assert_no_error (error);
  tandem_disparity_suppress (disparity, &options, TANDEM_DISPARITY_DEFAULT_THRESHOLD);

  /* 0 is shown; 1 and 4 (the threshold) are hidden with their ratios; 5 is shown */
  g_assert_false (disparity->groups[0].count_suppressed);
  g_assert_false (disparity->groups[1].count_suppressed);
  g_assert_false (disparity->groups[1].ratio_suppressed);
  g_assert_true (disparity->groups[2].count_suppressed);
  g_assert_true (disparity->groups[2].ratio_suppressed);
  g_assert_true (disparity->groups[3].count_suppressed);
  g_assert_true (disparity->groups[3].ratio_suppressed);
  g_assert_false (disparity->groups[4].count_suppressed);
  g_assert_false (disparity->groups[4].ratio_suppressed);
  g_assert_true (disparity->groups[5].count_suppressed);
  g_assert_true (disparity->not_stated_suppressed);

  /* a small reference hides every ratio made from it */
  disparity->groups[0].count = 3;
  tandem_disparity_suppress (disparity, &options, TANDEM_DISPARITY_DEFAULT_THRESHOLD);
  g_assert_true (disparity->groups[0].count_suppressed);
  g_assert_false (disparity->groups[0].ratio_suppressed);
  g_assert_true (disparity->groups[1].ratio_suppressed);
  g_assert_true (disparity->groups[4].ratio_suppressed);
  g_assert_false (disparity->groups[4].count_suppressed);

  /* a threshold of 0 hides nothing; the threshold is a setting */
  tandem_disparity_suppress (disparity, &options, 0);
  for (guint i = 0; i < disparity->n_groups; i++)
    g_assert_false (disparity->groups[i].count_suppressed || disparity->groups[i].ratio_suppressed);
  tandem_disparity_suppress (disparity, &options, 5);
  g_assert_true (disparity->groups[4].count_suppressed);
}

static void
test_quarters (void)
{
  static const char * const names[] = { "White", "Black or Black British", "Chinese", "Not stated" };
  /* Black: 12 events over 4,100 bed days in 2025 Q1 (two rows), against White
   * 30 over 22,000; in Q2 White has no rows; Chinese only in Q2 */
  TandemDisparityRow rows[] = {
    { "2025-03-31", 1, 5, 2000 },
    { "2025-01-06", 0, 30, 22000 },
    { "2025-02-10", 1, 7, 2100 },
    { "2025-01-06", 3, 2, 500 },
    { "2025-05-05", 1, 3, 1000 },
    { "2025-06-30", 2, 1, 300 },
    { "2025-04-07", 0, 0, 0 },
    { "2025-11-03", 0, 10, 5000 },
    { "2025-11-03", 1, 4, 1000 },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparitySeries) series = NULL;
  g_autoptr(GError) error = NULL;
  const TandemDisparityPeriod *q1, *q2, *q4;

  tandem_disparity_options_init (&options);
  options.reference = 0;
  options.not_stated = 3;
  series = tandem_disparity_analyse (rows, G_N_ELEMENTS (rows), names, 4, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (series->whole->from, ==, "2025-01-06");
  g_assert_cmpstr (series->whole->to, ==, "2025-11-03");
  g_assert_cmpint (series->whole->quarter, ==, 0);
  g_assert_cmpfloat (series->whole->disparity->groups[1].count, ==, 19);
  g_assert_cmpfloat (series->whole->disparity->groups[1].denominator, ==, 6100);
  assert_close (series->whole->disparity->not_stated_share, 2.0 / 62);

  /* Q3 has no rows and is left out */
  g_assert_cmpuint (series->quarters->len, ==, 3);
  q1 = series->quarters->pdata[0];
  q2 = series->quarters->pdata[1];
  q4 = series->quarters->pdata[2];
  g_assert_cmpint (q1->year, ==, 2025);
  g_assert_cmpint (q1->quarter, ==, 1);
  g_assert_cmpstr (q1->from, ==, "2025-01-01");
  g_assert_cmpstr (q1->to, ==, "2025-03-31");
  g_assert_cmpint (q2->quarter, ==, 2);
  g_assert_cmpstr (q2->to, ==, "2025-06-30");
  g_assert_cmpint (q4->quarter, ==, 4);
  g_assert_cmpstr (q4->from, ==, "2025-10-01");
  g_assert_cmpstr (q4->to, ==, "2025-12-31");

  /* R: poisson.test(c(12, 30), c(4100, 22000)) */
  g_assert_cmpfloat (q1->disparity->groups[1].count, ==, 12);
  assert_close (q1->disparity->groups[1].ratio, 2.1463414634146338);
  assert_close (q1->disparity->groups[1].lcl, 1.00078057325657);
  assert_close (q1->disparity->groups[1].ucl, 4.3169853611694426);
  g_assert_false (q1->has_data[2]);
  g_assert_cmpint (q1->disparity->groups[2].status, ==, TANDEM_RATIO_UNDEFINED);
  g_assert_true (isnan (q1->disparity->groups[2].rate));
  assert_close (q1->disparity->not_stated_share, 2.0 / 44);

  /* no White bed days in Q2: rates, but no ratios; no one not stated */
  g_assert_false (q2->has_data[0]);
  g_assert_cmpint (q2->disparity->groups[0].status, ==, TANDEM_RATIO_REFERENCE);
  g_assert_cmpint (q2->disparity->groups[1].status, ==, TANDEM_RATIO_NO_REFERENCE);
  assert_close (q2->disparity->groups[2].rate, 1.0 / 300 * 1000);
  g_assert_cmpfloat (q2->disparity->not_stated_share, ==, 0);

  /* R: poisson.test(c(4, 10), c(1000, 5000)) */
  g_assert_cmpint (q4->disparity->groups[1].status, ==, TANDEM_RATIO_ESTIMATED);
  assert_close (q4->disparity->groups[1].ratio, 2);
}

static void
test_quarters_refused (void)
{
  static const char * const names[] = { "White", "Black or Black British" };
  TandemDisparityRow events_no_days[] = {
    { "2025-01-06", 0, 30, 22000 },
    { "2025-01-06", 1, 2, 1000 },
    { "2025-04-07", 1, 3, 0 },
  };
  TandemDisparityRow no_reference[] = {
    { "2025-01-06", 1, 3, 100 },
  };
  TandemDisparityOptions options;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (&options);
  options.reference = 0;
  g_assert_null (tandem_disparity_analyse (events_no_days, 3, names, 2, &options, &error));
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Black or Black British” has 3 events in 2025 Q2"));
  g_clear_error (&error);

  g_assert_null (tandem_disparity_analyse (no_reference, 1, names, 2, &options, &error));
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_NO_REFERENCE);
  g_assert_nonnull (strstr (error->message, "“White”"));
  g_clear_error (&error);

  /* the engine's callers read dates strictly; it still refuses what is not one */
  g_strlcpy (no_reference[0].date, "2025-13-01", sizeof no_reference[0].date);
  g_assert_null (tandem_disparity_analyse (no_reference, 1, names, 2, &options, &error));
  g_assert_error (error, TANDEM_DISPARITY_ERROR, TANDEM_DISPARITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Row 1"));
}

static void
test_category_lookup (void)
{
  static const struct
  {
    const char           *text;
    TandemEthnicCategory  expected;
  } found[] = {
    { "A", TANDEM_ETHNIC_WHITE_BRITISH },
    { "n", TANDEM_ETHNIC_AFRICAN },
    { " Z ", TANDEM_ETHNIC_NOT_STATED },
    { "White British", TANDEM_ETHNIC_WHITE_BRITISH },
    { "White - British", TANDEM_ETHNIC_WHITE_BRITISH },
    { "african", TANDEM_ETHNIC_AFRICAN },
    { "Black or Black British - African", TANDEM_ETHNIC_AFRICAN },
    { "BLACK OR BLACK BRITISH: CARIBBEAN", TANDEM_ETHNIC_CARIBBEAN },
    { "Black or Black British – Any other Black background", TANDEM_ETHNIC_BLACK_OTHER },
    { "Mixed - White and Black Caribbean", TANDEM_ETHNIC_MIXED_WHITE_BLACK_CARIBBEAN },
    { "Asian or Asian British - Indian", TANDEM_ETHNIC_INDIAN },
    { "Asian or Asian British - Pakistani", TANDEM_ETHNIC_PAKISTANI },
    { "Mixed: White & Asian", TANDEM_ETHNIC_MIXED_WHITE_ASIAN },
    { "Other Ethnic Groups - Chinese", TANDEM_ETHNIC_CHINESE },
    { "Other ethnic group: any other ethnic group", TANDEM_ETHNIC_OTHER },
    { "White - Any other White background", TANDEM_ETHNIC_WHITE_OTHER },
    { "Not stated", TANDEM_ETHNIC_NOT_STATED },
    { "White Other", TANDEM_ETHNIC_WHITE_OTHER },
    { "Black Other", TANDEM_ETHNIC_BLACK_OTHER },
    { "Black African", TANDEM_ETHNIC_AFRICAN },
    { "Asian - Bangladeshi", TANDEM_ETHNIC_BANGLADESHI },
    { "Other - Chinese", TANDEM_ETHNIC_CHINESE },
  };
  static const char * const unknown[] = {
    "", "Q", "I", "White", "Black or Black British", "Martian", "African Caribbean",
    "White - African", "AB", "Other", "Other White", "Black Chinese",
  };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      TandemEthnicCategory category = TANDEM_N_ETHNIC_CATEGORIES;

      if (!tandem_ethnic_category_lookup (found[i].text, &category))
        g_error ("“%s” was not found", found[i].text);
      g_assert_cmpint (category, ==, found[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      TandemEthnicCategory category;

      if (tandem_ethnic_category_lookup (unknown[i], &category))
        g_error ("“%s” was taken for category %c", unknown[i],
                 tandem_ethnic_category_get_code (category));
    }

  g_assert_cmpint (tandem_ethnic_category_get_code (TANDEM_ETHNIC_BLACK_OTHER), ==, 'P');
  g_assert_cmpstr (tandem_ethnic_category_get_label (TANDEM_ETHNIC_BLACK_OTHER), ==,
                   "Any other Black background");
  /* every label and code reads back as its own category */
  for (guint c = 0; c < TANDEM_N_ETHNIC_CATEGORIES; c++)
    {
      TandemEthnicCategory category;
      char code[2] = { tandem_ethnic_category_get_code (c), '\0' };

      g_assert_true (tandem_ethnic_category_lookup (tandem_ethnic_category_get_label (c),
                                                    &category));
      g_assert_cmpint (category, ==, c);
      g_assert_true (tandem_ethnic_category_lookup (code, &category));
      g_assert_cmpint (category, ==, c);
    }
}

static void
test_broad_lookup (void)
{
  TandemBroadGroup group;

  g_assert_true (tandem_broad_group_lookup ("Black or Black British", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_BLACK);
  g_assert_true (tandem_broad_group_lookup ("black", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_BLACK);
  g_assert_true (tandem_broad_group_lookup ("ASIAN OR ASIAN BRITISH", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_ASIAN);
  g_assert_true (tandem_broad_group_lookup ("Other ethnic group", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_OTHER);
  g_assert_true (tandem_broad_group_lookup ("white", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_WHITE);
  g_assert_true (tandem_broad_group_lookup ("Not stated", &group));
  g_assert_cmpint (group, ==, TANDEM_BROAD_NOT_STATED);
  g_assert_false (tandem_broad_group_lookup ("African", &group));
  g_assert_false (tandem_broad_group_lookup ("N", &group));
  g_assert_cmpstr (tandem_broad_group_get_label (TANDEM_BROAD_MIXED), ==, "Mixed");

  for (guint c = 0; c < TANDEM_N_ETHNIC_CATEGORIES; c++)
    g_assert_cmpint (tandem_ethnic_category_get_broad_group (c), ==,
                     c <= TANDEM_ETHNIC_WHITE_OTHER ? TANDEM_BROAD_WHITE
                     : c <= TANDEM_ETHNIC_MIXED_OTHER ? TANDEM_BROAD_MIXED
                     : c <= TANDEM_ETHNIC_ASIAN_OTHER ? TANDEM_BROAD_ASIAN
                     : c <= TANDEM_ETHNIC_BLACK_OTHER ? TANDEM_BROAD_BLACK
                     : c <= TANDEM_ETHNIC_OTHER ? TANDEM_BROAD_OTHER
                     : TANDEM_BROAD_NOT_STATED);
}

static void
test_pool (void)
{
  /* A … Z: 1, 2, 4, … so every sum says which categories went into it */
  double by_category[TANDEM_N_ETHNIC_CATEGORIES];
  double by_broad[TANDEM_N_BROAD_GROUPS];

  for (guint c = 0; c < TANDEM_N_ETHNIC_CATEGORIES; c++)
    by_category[c] = (double) (1u << c);
  tandem_ethnic_pool (by_category, by_broad);
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_WHITE], ==, 1 + 2 + 4);
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_MIXED], ==, 8 + 16 + 32 + 64);
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_ASIAN], ==, 128 + 256 + 512 + 1024);
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_BLACK], ==, 2048 + 4096 + 8192);
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_OTHER], ==, 16384 + 32768);
  /* "Not stated" is never pooled */
  g_assert_cmpfloat (by_broad[TANDEM_BROAD_NOT_STATED], ==, 65536);
}

static void
test_pooled_ratio (void)
{
  /* Caribbean 7 over 1,600 bed days, African 4 over 2,000, Any other Black
   * background 1 over 500: Black or Black British 12 over 4,100, against
   * White British 20 over 15,000 and White Irish 10 over 7,000.
   * R: poisson.test(c(12, 30), c(4100, 22000)) */
  double counts[TANDEM_N_ETHNIC_CATEGORIES] = { 0 };
  double days[TANDEM_N_ETHNIC_CATEGORIES] = { 0 };
  double pooled_counts[TANDEM_N_BROAD_GROUPS], pooled_days[TANDEM_N_BROAD_GROUPS];
  TandemDisparityGroup group;

  counts[TANDEM_ETHNIC_CARIBBEAN] = 7, days[TANDEM_ETHNIC_CARIBBEAN] = 1600;
  counts[TANDEM_ETHNIC_AFRICAN] = 4, days[TANDEM_ETHNIC_AFRICAN] = 2000;
  counts[TANDEM_ETHNIC_BLACK_OTHER] = 1, days[TANDEM_ETHNIC_BLACK_OTHER] = 500;
  counts[TANDEM_ETHNIC_WHITE_BRITISH] = 20, days[TANDEM_ETHNIC_WHITE_BRITISH] = 15000;
  counts[TANDEM_ETHNIC_WHITE_IRISH] = 10, days[TANDEM_ETHNIC_WHITE_IRISH] = 7000;
  counts[TANDEM_ETHNIC_NOT_STATED] = 9, days[TANDEM_ETHNIC_NOT_STATED] = 3000;
  tandem_ethnic_pool (counts, pooled_counts);
  tandem_ethnic_pool (days, pooled_days);

  group = compare_two (TANDEM_DISPARITY_RATE,
                       pooled_counts[TANDEM_BROAD_BLACK], pooled_days[TANDEM_BROAD_BLACK],
                       pooled_counts[TANDEM_BROAD_WHITE], pooled_days[TANDEM_BROAD_WHITE]);
  assert_close (group.ratio, 2.1463414634146338);
  assert_close (group.lcl, 1.00078057325657);
  assert_close (group.ucl, 4.3169853611694426);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disparity/beta-quantile", test_beta_quantile);
  g_test_add_func ("/disparity/rate/equal", test_rate_equal);
  g_test_add_func ("/disparity/rate/large-ratio", test_rate_large_ratio);
  g_test_add_func ("/disparity/rate/zero-events", test_rate_zero_events);
  g_test_add_func ("/disparity/rate/zero-reference", test_rate_zero_reference);
  g_test_add_func ("/disparity/rate/tiny-denominators", test_rate_tiny_denominators);
  g_test_add_func ("/disparity/one-group", test_one_group);
  g_test_add_func ("/disparity/refused", test_refused);
  g_test_add_func ("/disparity/proportion/katz", test_proportion_katz);
  g_test_add_func ("/disparity/proportion/zero-cells", test_proportion_zero_cells);
  g_test_add_func ("/disparity/not-stated-share", test_not_stated_share);
  g_test_add_func ("/disparity/suppress", test_suppress);
  g_test_add_func ("/disparity/quarters", test_quarters);
  g_test_add_func ("/disparity/quarters-refused", test_quarters_refused);
  g_test_add_func ("/groups/category-lookup", test_category_lookup);
  g_test_add_func ("/groups/broad-lookup", test_broad_lookup);
  g_test_add_func ("/groups/pool", test_pool);
  g_test_add_func ("/groups/pooled-ratio", test_pooled_ratio);

  return g_test_run ();
}
