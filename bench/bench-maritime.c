/* bench-maritime.c: the full maritime computation (both limits, both
 * Aegean variants, the Black Sea's coastlines) from the committed data,
 * and a later start's read of its cached result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "straits-maritime.h"

#define RUNS 5

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "maritime", NULL);
  g_autofree char *cache = g_dir_make_tmp ("straits-bench-maritime-XXXXXX", NULL);
  double total[RUNS], aegean[RUNS], coasts[RUNS], cached[RUNS];
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(StraitsMaritimeReport) report = straits_maritime_compute (dir, &error);

      g_assert_no_error (error);
      total[i] = report->seconds;
      aegean[i] = report->aegean_seconds;
      coasts[i] = report->coastline_seconds;
    }
  straits_maritime_report_free (straits_maritime_get (dir, cache, &error));
  g_assert_no_error (error);
  for (int i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(StraitsMaritimeReport) report = straits_maritime_get (dir, cache, &error);

      g_assert_no_error (error);
      g_assert_true (report->from_cache);
      cached[i] = (g_get_monotonic_time () - t0) / 1e3;
    }
  remove_dir (cache);
  printf ("processors:                      %u\n", g_get_num_processors ());
  printf ("Aegean (both limits, variants):  %.2f s\n", bench_median (aegean, RUNS));
  printf ("Black Sea and Azov coastlines:   %.2f s (side by side with the Aegean)\n", bench_median (coasts, RUNS));
  printf ("full computation, wall clock:    %.2f s (target < 5 s, off the main thread)\n", bench_median (total, RUNS));
  printf ("cached result read:              %.1f ms (target < 50 ms)\n", bench_median (cached, RUNS));
  printf ("(medians of %d runs)\n", RUNS);
  return 0;
}
