/* tandem-clock.c — what "now" and "today" are, for everything that asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure that depends on the date (overdue actions, supervision
 * lately, how long a role has lasted, when a change was made) asks this
 * clock, never the system's, so that a test can say what day it is. A set
 * clock starts at the instant it was set to and then runs on with the
 * monotonic clock: times taken one after the other in a test still come in
 * order, and a test reads the same day whenever it is run.
 */

#define G_LOG_DOMAIN "Tandem-Clock"

#include "config.h"

#include <stdlib.h>

#include "tandem-clock.h"

static GMutex clock_lock;
static gboolean clock_env_read;
static gboolean clock_set;
static gint64 clock_base;          /* µs since the epoch when set */
static gint64 clock_base_monotonic;

/* Called with clock_lock held. A value that is not a time stops the process:
 * a test that meant to set the date must not quietly run on the real one. */
static void
read_env_locked (void)
{
  const char *value;
  g_autoptr(GDateTime) when = NULL;

  if (clock_env_read)
    return;
  clock_env_read = TRUE;

  value = g_getenv (TANDEM_CLOCK_ENV);
  if (value == NULL || *value == '\0')
    return;
  when = g_date_time_new_from_iso8601 (value, NULL);
  if (when == NULL)
    {
      g_printerr ("%s=“%s” is not a time with its zone, such as 2026-11-21T12:00:00Z: "
                  "unset it or correct it.\n", TANDEM_CLOCK_ENV, value);
      exit (EXIT_FAILURE);
    }
  clock_set = TRUE;
  clock_base = g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
  clock_base_monotonic = g_get_monotonic_time ();
}

/**
 * tandem_clock_real_time:
 *
 * The time now, in microseconds since the Unix epoch, like
 * g_get_real_time(), but from Tandem's clock: the system's, unless a test set
 * it with tandem_clock_set_now() or the `TANDEM_TEST_NOW` environment
 * variable. That variable is read once, the first time the clock is asked;
 * its value is an ISO 8601 time with its zone (`2026-11-21T12:00:00Z`), and
 * any other value makes the process print what is wrong and exit with a
 * failure, rather than run on the real date.
 *
 * Returns: microseconds since 1970-01-01T00:00:00Z
 */
gint64
tandem_clock_real_time (void)
{
  gint64 now;

  g_mutex_lock (&clock_lock);
  read_env_locked ();
  if (clock_set)
    now = clock_base + (g_get_monotonic_time () - clock_base_monotonic);
  else
    now = g_get_real_time ();
  g_mutex_unlock (&clock_lock);
  return now;
}

/**
 * tandem_clock_now_utc:
 *
 * The time now from Tandem's clock (see tandem_clock_real_time()), in UTC:
 * what is stored in the file as the time something happened.
 *
 * Returns: (transfer full): the time now
 */
GDateTime *
tandem_clock_now_utc (void)
{
  gint64 now = tandem_clock_real_time ();
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);

  return g_date_time_add (seconds, now % G_USEC_PER_SEC);
}

/**
 * tandem_clock_now_local:
 *
 * The time now from Tandem's clock (see tandem_clock_real_time()), in the
 * local time zone: what a person would read on their own clock.
 *
 * Returns: (transfer full): the time now
 */
GDateTime *
tandem_clock_now_local (void)
{
  g_autoptr(GDateTime) utc = tandem_clock_now_utc ();

  return g_date_time_to_local (utc);
}

/**
 * tandem_clock_dup_today:
 *
 * Today's date in the local time zone, from Tandem's clock (see
 * tandem_clock_real_time()): the day against which actions are overdue and
 * supervision is recent.
 *
 * Returns: (transfer full): today as YYYY-MM-DD
 */
char *
tandem_clock_dup_today (void)
{
  g_autoptr(GDateTime) now = tandem_clock_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tandem_clock_set_now:
 * @now: (nullable): the time it is now, or %NULL for the system's clock
 *
 * Sets Tandem's clock for this process, for tests: from now on it reads @now,
 * running on from it as time passes. This takes the place of any
 * `TANDEM_TEST_NOW` in the environment; %NULL goes back to the system's
 * clock.
 */
void
tandem_clock_set_now (GDateTime *now)
{
  g_mutex_lock (&clock_lock);
  clock_env_read = TRUE;
  clock_set = now != NULL;
  if (now != NULL)
    {
      clock_base = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
      clock_base_monotonic = g_get_monotonic_time ();
    }
  g_mutex_unlock (&clock_lock);
}
