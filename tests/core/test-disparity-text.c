/* test-disparity-text.c — a disparity said in plain English, case by case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intervals in the sentences were checked with R 4.2: the call that
 * gives each is beside it. R is not needed to run the tests.
 */

#include "config.h"

#include <math.h>

#include "tandem-disparity-text.h"

static const char * const names[] = { "Black or Black British", "White", "Not stated" };

static const TandemDisparityWords restraint = {
  .people = "patients",
  .events = "were restrained",
  .exposure = "bed day",
  .span = "Over the last 12 months",
};

/* Black or Black British (a in ta) against White (b in tb), with a "Not
 * stated" group (c in tc); suppressed at @threshold unless it is 0. */
static TandemDisparity *
compare (TandemDisparityKind kind,
         double              a,
         double              ta,
         double              b,
         double              tb,
         double              c,
         double              tc,
         guint               threshold,
         TandemDisparityOptions *options)
{
  TandemDisparityCount counts[] = {
    { names[0], a, ta },
    { names[1], b, tb },
    { names[2], c, tc },
  };
  TandemDisparity *disparity;
  g_autoptr(GError) error = NULL;

  tandem_disparity_options_init (options);
  options->kind = kind;
  options->per = kind == TANDEM_DISPARITY_RATE ? 1000 : 100;
  options->reference = 1;
  options->not_stated = 2;
  disparity = tandem_disparity_compare (counts, 3, options, &error);
  g_assert_no_error (error);
  if (threshold > 0)
    tandem_disparity_suppress (disparity, options, threshold);
  return disparity;
}

static void
assert_sentence (const TandemDisparity        *now,
                 const TandemDisparity        *before,
                 guint                         group,
                 const TandemDisparityOptions *options,
                 const TandemDisparityWords   *words,
                 const char                   *expected)
{
  g_autofree char *sentence = tandem_disparity_dup_sentence (now, before, group, names, options,
                                                             words);

  g_assert_cmpstr (sentence, ==, expected);
}

/* The issue's own sentence. */
static void
test_times_as_often (void)
{
  TandemDisparityOptions options;
  /* poisson.test(c(66, 72), c(1500, 5000)): 3.055556, 2.154292 to 4.327776 */
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 66, 1500, 72, 5000, 3, 200,
                                            0, &options);
  /* poisson.test(c(40, 40), c(500, 2000)): 4, 2.515166 to 6.361409 */
  g_autoptr(TandemDisparity) before = compare (TANDEM_DISPARITY_RATE, 40, 500, 40, 2000, 3, 200,
                                               0, &options);
  TandemDisparityWords words = restraint;

  words.change = "cultural safety huddles";
  assert_sentence (now, before, 0, &options, &words,
                   "Over the last 12 months Black or Black British patients were restrained "
                   "3.1 times as often per bed day as White patients (95% interval 2.2 to 4.3); "
                   "before the ‘cultural safety huddles’ change it was 4.0 times.");
  /* No change named: nothing said of before. */
  assert_sentence (now, before, 0, &options, &restraint,
                   "Over the last 12 months Black or Black British patients were restrained "
                   "3.1 times as often per bed day as White patients (95% interval 2.2 to 4.3).");
}

static void
test_no_clear_difference (void)
{
  TandemDisparityOptions options;
  /* poisson.test(c(12, 10), c(1000, 1000)): 1.2, 0.4751542 to 3.100682 */
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 12, 1000, 10, 1000, 0, 10,
                                            0, &options);
  /* poisson.test(c(7, 9), c(1000, 1000)): 0.7777778, 0.2461589 to 2.346979 */
  g_autoptr(TandemDisparity) before = compare (TANDEM_DISPARITY_RATE, 7, 1000, 9, 1000, 0, 10,
                                               0, &options);
  TandemDisparityWords words = restraint;

  words.change = "huddles";
  assert_sentence (now, before, 0, &options, &words,
                   "Over the last 12 months there was no clear difference: Black or Black British "
                   "patients were restrained 1.2 times as often per bed day as White patients, "
                   "but the 95% interval (0.48 to 3.1) includes 1; before the ‘huddles’ change "
                   "it was 0.78 times, with no clear difference.");
}

static void
test_zero_events (void)
{
  TandemDisparityOptions options;
  /* poisson.test(c(0, 20), c(1000, 1000)): 0, 0 to 0.2025496 */
  g_autoptr(TandemDisparity) clear = compare (TANDEM_DISPARITY_RATE, 0, 1000, 20, 1000, 0, 10,
                                              0, &options);
  /* poisson.test(c(0, 3), c(1000, 1000)): 0, 0 to 2.419952 */
  g_autoptr(TandemDisparity) unclear = compare (TANDEM_DISPARITY_RATE, 0, 1000, 3, 1000, 0, 10,
                                                0, &options);
  g_autoptr(TandemDisparity) neither = compare (TANDEM_DISPARITY_RATE, 0, 1000, 0, 1000, 0, 10,
                                                0, &options);

  assert_sentence (clear, NULL, 0, &options, &restraint,
                   "Over the last 12 months no Black or Black British patients were restrained: "
                   "clearly less often than White patients (95% interval 0 to 0.20 times as often "
                   "per bed day).");
  assert_sentence (unclear, NULL, 0, &options, &restraint,
                   "Over the last 12 months no Black or Black British patients were restrained, "
                   "but that is no clear difference from White patients: the 95% interval runs "
                   "from 0 to 2.4 times as often per bed day.");
  assert_sentence (neither, NULL, 0, &options, &restraint,
                   "Over the last 12 months neither Black or Black British nor White patients "
                   "were restrained: there is nothing to compare.");
}

static void
test_zero_in_reference (void)
{
  TandemDisparityOptions options;
  /* poisson.test(c(10, 0), c(1000, 1000)): Inf, 2.241521 to Inf */
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 10, 1000, 0, 1000, 0, 10, 0,
                                            &options);
  g_autoptr(TandemDisparity) before = compare (TANDEM_DISPARITY_RATE, 10, 1000, 0, 1000, 0, 10,
                                               0, &options);
  TandemDisparityWords words = restraint;

  words.change = "huddles";
  assert_sentence (now, before, 0, &options, &words,
                   "Over the last 12 months no White patients were restrained, so there is no "
                   "ratio for Black or Black British patients; the 95% interval says they were "
                   "restrained at least 2.2 times as often per bed day as White patients; before "
                   "the ‘huddles’ change no White patients were restrained.");
}

static void
test_no_reference (void)
{
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 12, 1000, 10, 1000, 0, 10, 0,
                                            &options);
  g_autoptr(TandemDisparity) alone = NULL;
  g_autoptr(GError) error = NULL;
  TandemDisparityCount counts[] = { { names[0], 12, 1000 } };
  TandemDisparityOptions none;

  /* The reference group itself. */
  assert_sentence (now, NULL, 1, &options, &restraint,
                   "White patients are the group the others are compared with.");

  /* No reference chosen. */
  tandem_disparity_options_init (&none);
  alone = tandem_disparity_compare (counts, 1, &none, &error);
  g_assert_no_error (error);
  assert_sentence (alone, NULL, 0, &none, &restraint,
                   "Over the last 12 months there is no reference group to compare Black or "
                   "Black British patients with.");
}

/* A quarter in which the reference group has no denominator. */
static void
test_reference_absent (void)
{
  TandemDisparityRow rows[] = {
    { "2026-01-05", 0, 4, 300 },
    { "2026-01-05", 1, 6, 900 },
    { "2026-04-06", 0, 5, 300 },
  };
  TandemDisparityOptions options;
  g_autoptr(TandemDisparitySeries) series = NULL;
  g_autoptr(GError) error = NULL;
  const TandemDisparityPeriod *second;

  tandem_disparity_options_init (&options);
  options.reference = 1;
  options.not_stated = 2;
  series = tandem_disparity_analyse (rows, G_N_ELEMENTS (rows), names, 3, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->quarters->len, ==, 2);
  second = series->quarters->pdata[1];
  g_assert_cmpint (second->disparity->groups[0].status, ==, TANDEM_RATIO_NO_REFERENCE);
  assert_sentence (second->disparity, NULL, 0, &options, &restraint,
                   "Over the last 12 months there are no figures for White patients, so Black "
                   "or Black British patients cannot be compared with them.");
}

static void
test_small_numbers (void)
{
  TandemDisparityOptions options;
  /* 3 events: "fewer than 5" at the default threshold. */
  g_autoptr(TandemDisparity) small = compare (TANDEM_DISPARITY_RATE, 3, 1000, 30, 1000, 0, 10,
                                              TANDEM_DISPARITY_DEFAULT_THRESHOLD, &options);
  /* The reference's 4 hide the ratio too. */
  g_autoptr(TandemDisparity) small_reference = compare (TANDEM_DISPARITY_RATE, 30, 1000, 4, 1000,
                                                        0, 10, TANDEM_DISPARITY_DEFAULT_THRESHOLD,
                                                        &options);
  /* 5 is shown. */
  g_autoptr(TandemDisparity) five = compare (TANDEM_DISPARITY_RATE, 5, 1000, 30, 1000, 0, 10,
                                             TANDEM_DISPARITY_DEFAULT_THRESHOLD, &options);
  g_autoptr(TandemDisparity) proportion = NULL;
  g_autofree char *sentence = NULL;
  TandemDisparityWords words = restraint;
  TandemDisparityWords detention = {
    .people = "patients", .events = "were detained", .span = "In 2026",
    .threshold = TANDEM_DISPARITY_DEFAULT_THRESHOLD,
  };

  words.threshold = TANDEM_DISPARITY_DEFAULT_THRESHOLD;
  words.change = "huddles";
  assert_sentence (small, small, 0, &options, &words,
                   "Over the last 12 months Black or Black British patients were restrained "
                   "fewer than 5 times: the numbers are too small to share, so the comparison of "
                   "Black or Black British and White patients is not shown; before the ‘huddles’ "
                   "change the numbers were too small to share (Black or Black British patients "
                   "were restrained fewer than 5 times).");
  assert_sentence (small_reference, NULL, 0, &options, &words,
                   "Over the last 12 months White patients were restrained fewer than 5 times: "
                   "the numbers are too small to share, so the comparison of Black or Black "
                   "British and White patients is not shown.");
  sentence = tandem_disparity_dup_sentence (five, NULL, 0, names, &options, &words);
  g_assert_false (g_str_match_string ("fewer", sentence, FALSE));
  g_assert_true (g_str_has_prefix (sentence, "Over the last 12 months Black or Black British "
                                             "patients were restrained 0.17 times as often"));

  /* A proportion counts people, so it says so. */
  proportion = compare (TANDEM_DISPARITY_PROPORTION, 2, 40, 20, 200, 0, 10,
                        TANDEM_DISPARITY_DEFAULT_THRESHOLD, &options);
  assert_sentence (proportion, NULL, 0, &options, &detention,
                   "In 2026 fewer than 5 Black or Black British patients were detained: the "
                   "numbers are too small to share, so the comparison of Black or Black British "
                   "and White patients is not shown.");
}

static void
test_proportion (void)
{
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_PROPORTION, 30, 100, 30, 300, 0, 10,
                                            0, &options);
  g_autofree char *sentence = tandem_disparity_dup_sentence (now, NULL, 0, names, &options,
                                                             &restraint);

  /* Katz: RR 3, log SE sqrt(1/30 - 1/100 + 1/30 - 1/300) = 0.2309401,
   * so 3 × exp(±1.959964 × 0.2309401) = 1.907 to 4.719. No "per bed day"
   * for a proportion, whatever the words. */
  g_assert_cmpstr (sentence, ==,
                   "Over the last 12 months Black or Black British patients were restrained "
                   "3.0 times as often as White patients (95% interval 1.9 to 4.7).");
}

static void
test_not_stated (void)
{
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 12, 1000, 10, 1000, 8, 100, 0,
                                            &options);
  g_autoptr(TandemDisparity) hidden = compare (TANDEM_DISPARITY_RATE, 12, 1000, 10, 1000, 2, 100,
                                               TANDEM_DISPARITY_DEFAULT_THRESHOLD, &options);

  /* 8 of 30 events */
  assert_sentence (now, NULL, 2, &options, &restraint,
                   "Over the last 12 months the group was not stated for 27% of the events: "
                   "“Not stated” is a measure of how well groups are recorded, not a group to "
                   "compare.");
  assert_sentence (hidden, NULL, 2, &options, &restraint,
                   "“Not stated” is a measure of how well groups are recorded, not a group to "
                   "compare.");
}

static void
test_default_words (void)
{
  TandemDisparityOptions options;
  g_autoptr(TandemDisparity) now = compare (TANDEM_DISPARITY_RATE, 66, 1500, 72, 5000, 0, 10, 0,
                                            &options);
  TandemDisparityWords words = { NULL };

  assert_sentence (now, NULL, 0, &options, &words,
                   "Over the period Black or Black British people had the event 3.1 times as "
                   "often as White people (95% interval 2.2 to 4.3).");
}

static void
test_format_ratio (void)
{
  static const struct { double ratio; const char *text; } cases[] = {
    { 3.0555, "3.1" }, { 4, "4.0" }, { 0.4751542, "0.48" }, { 0.0623, "0.062" },
    { 0, "0" }, { 140.2, "140" }, { 0.996, "1.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tandem_disparity_format_ratio (cases[i].ratio);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/disparity-text/times-as-often", test_times_as_often);
  g_test_add_func ("/disparity-text/no-clear-difference", test_no_clear_difference);
  g_test_add_func ("/disparity-text/zero-events", test_zero_events);
  g_test_add_func ("/disparity-text/zero-in-reference", test_zero_in_reference);
  g_test_add_func ("/disparity-text/no-reference", test_no_reference);
  g_test_add_func ("/disparity-text/reference-absent", test_reference_absent);
  g_test_add_func ("/disparity-text/small-numbers", test_small_numbers);
  g_test_add_func ("/disparity-text/proportion", test_proportion);
  g_test_add_func ("/disparity-text/not-stated", test_not_stated);
  g_test_add_func ("/disparity-text/default-words", test_default_words);
  g_test_add_func ("/disparity-text/format-ratio", test_format_ratio);
  return g_test_run ();
}
