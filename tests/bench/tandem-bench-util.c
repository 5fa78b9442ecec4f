/* tandem-bench-util.c — what the benchmarks share: how long since a moment,
 * and sorted times' median and worst
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-bench-util.h"

#include <stdlib.h>

int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

double
worst (double *values,
       guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n - 1];
}

double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}
