/* bench-synthetic.h: the synthetic dataset the benchmarks share, and the
 * heap they measure with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* At scale 1 (the load benchmark's 50 MB file); scale N has N times each. */
#define BENCH_SYNTHETIC_N_ACTORS 5000
#define BENCH_SYNTHETIC_N_RELATIONS 100000
#define BENCH_SYNTHETIC_N_EVENTS 200000

char  *bench_synthetic_dataset (guint  scale,
                                gsize *size);
void   bench_synthetic_dataset_remove (const char *path);
gsize  bench_heap_in_use       (void);
