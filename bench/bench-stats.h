/* bench-stats.h: the statistics the benchmarks print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <time.h>

G_BEGIN_DECLS

/* For qsort() and g_array_sort() of doubles, ascending. */
int    bench_compare_doubles (gconstpointer  a,
                              gconstpointer  b);
/* The median of @n values (the upper one for an even @n); sorts them. */
double bench_median          (double        *values,
                              guint          n);
/* The @fraction (0.95: the 95th) percentile of @n values sorted. */
double bench_percentile      (const double  *sorted,
                              guint          n,
                              double         fraction);
/* The processor time of @clock (CLOCK_THREAD_CPUTIME_ID: this thread's),
 * in milliseconds: on a shared machine a frame may wait for a processor,
 * which its wall time counts and this not. */
double bench_cpu_ms          (clockid_t      clock);

G_END_DECLS
