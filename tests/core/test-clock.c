/* test-clock.c — the one clock that says what now and today are, and how
 * tests set it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "tandem-clock.h"

/* meson sets TANDEM_TEST_NOW for every test: this process reads it. */
static void
test_env_from_meson (void)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) expected = NULL;
  const char *value = g_getenv (TANDEM_CLOCK_ENV);

  if (value == NULL)
    {
      g_test_skip ("TANDEM_TEST_NOW is not set: run this test with `meson test`");
      return;
    }
  expected = g_date_time_new_from_iso8601 (value, NULL);
  g_assert_nonnull (expected);
  now = tandem_clock_now_utc ();
  g_assert_cmpint (g_date_time_difference (now, expected), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, expected), <, 60 * G_USEC_PER_SEC);
}

/* A set clock starts at the instant given and runs on from it, so that two
 * times taken one after the other come in order. */
static void
test_set_now (void)
{
  g_autoptr(GDateTime) set = g_date_time_new_from_iso8601 ("2028-03-10T09:30:00Z", NULL);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) second = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *today = NULL;
  gint64 before, after;

  tandem_clock_set_now (set);
  first = tandem_clock_now_utc ();
  g_usleep (2000);
  second = tandem_clock_now_utc ();
  first_text = g_date_time_format (first, "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (first_text, ==, "2028-03-10T09:30");
  g_assert_cmpint (g_date_time_difference (first, set), >=, 0);
  g_assert_cmpint (g_date_time_difference (first, set), <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (second, first), >=, 2000);

  before = tandem_clock_real_time ();
  after = tandem_clock_real_time ();
  g_assert_cmpint (after, >=, before);
  g_assert_cmpint (before / G_USEC_PER_SEC - g_date_time_to_unix (set), <, 10);

  /* Today is the local date at that instant. */
  local = tandem_clock_now_local ();
  today = tandem_clock_dup_today ();
  g_assert_cmpint (g_date_time_compare (local, first), >=, 0);
  g_assert_cmpint (g_date_time_get_year (local), ==, 2028);
  g_assert_true (g_str_has_prefix (today, "2028-03-"));
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, atoi (today + 8));

  /* Going back ten years is as good as going forward. */
  g_clear_pointer (&set, g_date_time_unref);
  set = g_date_time_new_from_iso8601 ("2016-07-01T12:00:00+01:00", NULL);
  tandem_clock_set_now (set);
  g_clear_pointer (&first, g_date_time_unref);
  first = tandem_clock_now_utc ();
  g_clear_pointer (&first_text, g_free);
  first_text = g_date_time_format (first, "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (first_text, ==, "2016-07-01T11:00");
}

/* TANDEM_TEST_NOW is read when the clock is first asked, in a process of
 * its own (so that subprocesses share the test's day). */
static void
test_env_read (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *text = NULL;

      g_setenv (TANDEM_CLOCK_ENV, "2016-07-01T23:30:00+02:00", TRUE);
      now = tandem_clock_now_utc ();
      text = g_date_time_format (now, "%Y-%m-%dT%H:%M");
      g_print ("%s\n", text);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("2016-07-01T21:30\n");
}

/* A value that is not a time stops the process with a clear message, rather
 * than let a test run on the real date. */
static void
test_env_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_setenv (TANDEM_CLOCK_ENV, "next Tuesday", TRUE);
      tandem_clock_real_time ();
      g_print ("the clock ran on\n");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout_unmatched ("*ran on*");
  g_test_trap_assert_stderr ("TANDEM_TEST_NOW=*next Tuesday* is not a time with its zone, "
                             "such as 2026-11-21T12:00:00Z*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/env-from-meson", test_env_from_meson);
  g_test_add_func ("/clock/set-now", test_set_now);
  g_test_add_func ("/clock/env-read", test_env_read);
  g_test_add_func ("/clock/env-invalid", test_env_invalid);

  return g_test_run ();
}
