/* tandem-clock.h — what "now" and "today" are, for everything that asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The environment variable that sets the clock for a whole process (and the
 * processes it starts), read once: an ISO 8601 time with its zone. */
#define TANDEM_CLOCK_ENV "TANDEM_TEST_NOW"

gint64     tandem_clock_real_time (void);
GDateTime *tandem_clock_now_utc   (void);
GDateTime *tandem_clock_now_local (void);
char      *tandem_clock_dup_today (void);
void       tandem_clock_set_now   (GDateTime *now);

G_END_DECLS
