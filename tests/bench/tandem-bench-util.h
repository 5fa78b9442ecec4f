/* tandem-bench-util.h — what the benchmarks share: how long since a moment,
 * and sorted times' median and worst
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For qsort(): orders doubles from the least. */
int    compare_doubles (gconstpointer a,
                        gconstpointer b);

/* Sorts the @n @values, from the least, and returns the middle one. */
double median          (double *values,
                        guint   n);

/* Sorts the @n @values, from the least, and returns the greatest. */
double worst           (double *values,
                        guint   n);

/* Milliseconds since @start, a g_get_monotonic_time() reading. */
double ms_since        (gint64  start);

G_END_DECLS
