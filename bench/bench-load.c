/* bench-load.c: load-and-index time and memory of a synthetic 40 MB
 * dataset, next to json-glib's bare parse of the same file.
 *
 * Each measurement runs in a child process of its own, so that its peak
 * resident memory (ru_maxrss from wait4) is its own. "Held" is the heap
 * still in use once loading is done (mallinfo2), with the parse tree gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-stats.h"
#include "bench-synthetic.h"
#include "straits-dataset.h"

#define N_ACTORS BENCH_SYNTHETIC_N_ACTORS
#define N_RELATIONS BENCH_SYNTHETIC_N_RELATIONS
#define N_EVENTS BENCH_SYNTHETIC_N_EVENTS
#define RUNS 3

typedef struct {
  double seconds;
  gsize held;       /* heap in use at the end, bytes */
  gsize base_rss;   /* resident before the work, KiB */
} ChildReport;

typedef struct {
  ChildReport report;
  long peak_kib;    /* ru_maxrss of the child */
} Measurement;

static gsize
current_rss_kib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%lu %lu", &size, &resident);
  return resident * (gsize) sysconf (_SC_PAGESIZE) / 1024;
}

static void
work_bare_parse (const char *path, ChildReport *r)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 t0 = g_get_monotonic_time ();

  g_assert (json_parser_load_from_file (parser, path, NULL));
  r->seconds = (g_get_monotonic_time () - t0) / 1e6;
  r->held = bench_heap_in_use ();
}

static void
work_load (const char *path, ChildReport *r)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, NULL, &error);

  r->seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_no_error (error);
  g_assert (straits_dataset_get_n_events (ds) == N_EVENTS);
  r->held = bench_heap_in_use ();
}

static Measurement
measure (void (*work) (const char *, ChildReport *), const char *path)
{
  int fds[2];
  pid_t pid;
  Measurement m = { 0 };
  struct rusage usage;
  int status;

  g_assert (pipe (fds) == 0);
  pid = fork ();
  if (pid == 0)
    {
      ChildReport r = { 0 };

      close (fds[0]);
      r.base_rss = current_rss_kib ();
      work (path, &r);
      if (write (fds[1], &r, sizeof r) != sizeof r)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  g_assert (read (fds[0], &m.report, sizeof m.report) == sizeof m.report);
  close (fds[0]);
  g_assert (wait4 (pid, &status, 0, &usage) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0);
  m.peak_kib = usage.ru_maxrss - (long) m.report.base_rss;
  return m;
}

static Measurement
median_of_runs (void (*work) (const char *, ChildReport *), const char *path)
{
  Measurement runs[RUNS];
  double times[RUNS];
  Measurement result;

  for (int i = 0; i < RUNS; i++)
    {
      runs[i] = measure (work, path);
      times[i] = runs[i].report.seconds;
    }
  qsort (times, RUNS, sizeof (double), bench_compare_doubles);
  result = runs[0];
  result.report.seconds = times[RUNS / 2];
  for (int i = 1; i < RUNS; i++)
    result.peak_kib = MAX (result.peak_kib, runs[i].peak_kib);
  return result;
}

int
main (void)
{
  gsize size;
  g_autofree char *path = bench_synthetic_dataset (1, &size);
  Measurement bare, load;
  double mib = size / 1048576.0;

  /* Warm the page cache so that both read the file from memory. */
  measure (work_bare_parse, path);
  bare = median_of_runs (work_bare_parse, path);
  load = median_of_runs (work_load, path);

  printf ("synthetic dataset: %u actors, %u relations, %u events, %.1f MiB\n",
          N_ACTORS, N_RELATIONS, N_EVENTS, mib);
  printf ("json-glib bare parse:   %.3f s (median of %d), peak %.1f MiB\n",
          bare.report.seconds, RUNS, bare.peak_kib / 1024.0);
  printf ("straits load + index:   %.3f s (median of %d), peak %.1f MiB\n",
          load.report.seconds, RUNS, load.peak_kib / 1024.0);
  printf ("time ratio load/parse:  %.2fx (target <= 1.3x)\n",
          load.report.seconds / bare.report.seconds);
  printf ("peak ratio load/parse:  %.2fx (target <= 1.2x)\n",
          (double) load.peak_kib / (double) bare.peak_kib);
  printf ("held after loading:     %.1f MiB = %.2fx the file size (target <= 2x)\n",
          load.report.held / 1048576.0, load.report.held / (double) size);
  if (!g_getenv ("BENCH_KEEP")) g_unlink (path); else printf ("kept %s\n", path);
  return 0;
}
