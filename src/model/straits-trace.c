/* straits-trace.c: time stamps of the start-up's steps
 *
 * Where start-up time goes (issue 20): process start, GTK's set-up, the
 * dataset and the basemap read in a thread, the first frame drawn and
 * shown. bench/bench-startup.sh prints the steps of one run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "straits-trace.h"

/* Wall-clock microseconds that the steps are counted from, or 0 when not
 * tracing. Wall-clock, not monotonic: the origin may come from the
 * script that launched the process. */
static gint64
origin (void)
{
  static gint64 t0;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const char *value = g_getenv ("STRAITS_TRACE");
      guint64 ns = 0;

      if (value != NULL && *value != '\0')
        t0 = g_ascii_string_to_unsigned (value, 10, 1000000000000000000ull, G_MAXUINT64, &ns, NULL)
             ? (gint64) (ns / 1000) : g_get_real_time ();
      g_once_init_leave (&initialized, 1);
    }
  return t0;
}

void
straits_trace (const char *step)
{
  gint64 t0 = origin ();

  if (t0 == 0)
    return;
  fprintf (stderr, "straits-trace: %8.1f ms  %s\n", (g_get_real_time () - t0) / 1000.0, step);
  fflush (stderr);
}
