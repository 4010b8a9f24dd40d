/* bench-stats.c: timing and order statistics shared by the bench programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "bench-stats.h"

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_quantile (GArray *samples,
                double  fraction)
{
  guint rank;

  g_return_val_if_fail (samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (fraction * samples->len);

  return g_array_index (samples, double, CLAMP (rank, 1, samples->len) - 1);
}

void
bench_print_dist (const char *key,
                  GArray     *samples)
{
  printf ("%s-median-ms %.4f\n", key, bench_quantile (samples, 0.5));
  printf ("%s-p99-ms %.4f\n", key, bench_quantile (samples, 0.99));
}
