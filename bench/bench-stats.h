/* bench-stats.h: the statistics the benchmarks print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For qsort() and g_array_sort() of doubles, ascending. */
int    bench_compare_doubles (gconstpointer  a,
                              gconstpointer  b);
/* The median of @n values (the upper one for an even @n); sorts them. */
double bench_median          (double        *values,
                              guint          n);

G_END_DECLS
