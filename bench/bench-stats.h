/* bench-stats.h: timing and order statistics shared by the bench programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Milliseconds on the monotonic clock. */
double bench_now_ms     (void);
/* The @fraction quantile (0.5 = median) of @samples (element type double),
 * nearest rank; sorts @samples. */
double bench_quantile   (GArray *samples,
                         double  fraction);
/* Prints "KEY VALUE" lines for bench/run: KEY-median-ms and KEY-p99-ms. */
void   bench_print_dist (const char *key,
                         GArray     *samples);

G_END_DECLS
