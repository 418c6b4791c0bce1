/* bench-load.c: load-and-index time and memory of a synthetic 50 MB
 * dataset, next to json-glib's bare parse of the same file.
 *
 * --scale=N (or BENCH_SCALE=N) makes the dataset N times as large: 16
 * gives about 800 MB (issue 20: it must load within 1.3 times the bare
 * parse's time per MB, peaking at 1.5 times the file at most). The file is
 * written to a temporary folder when the run starts and removed at its
 * end; above scale 1 each side runs once (the bare parse of 800 MB peaks
 * near 13 GB), so check `free -g` first.
 *
 * Each measurement runs in a child process of its own, so that its peak
 * resident memory (ru_maxrss from wait4) is its own. "Held" is the heap
 * still in use once loading is done (mallinfo2), with the parse tree gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
#define TARGET_TIME_RATIO 1.3
#define TARGET_PEAK_PER_FILE 1.5

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

static guint scale = 1;

static void
work_load (const char *path, ChildReport *r)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, NULL, &error);

  r->seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_no_error (error);
  g_assert (straits_dataset_get_n_events (ds) == N_EVENTS * scale);
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
median_of_runs (void (*work) (const char *, ChildReport *), const char *path, int runs)
{
  Measurement result[RUNS];
  double times[RUNS];

  g_assert (runs >= 1 && runs <= RUNS);
  for (int i = 0; i < runs; i++)
    {
      result[i] = measure (work, path);
      times[i] = result[i].report.seconds;
    }
  qsort (times, runs, sizeof (double), bench_compare_doubles);
  result[0].report.seconds = times[runs / 2];
  for (int i = 1; i < runs; i++)
    result[0].peak_kib = MAX (result[0].peak_kib, result[i].peak_kib);
  return result[0];
}

/* --scale=N, else BENCH_SCALE, else 1. */
static guint
parse_scale (int argc, char **argv)
{
  const char *text = g_getenv ("BENCH_SCALE");
  guint64 value = 1;

  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--scale="))
      text = argv[i] + strlen ("--scale=");
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 64, &value, NULL))
    {
      fprintf (stderr, "bench-load: --scale must be a whole number from 1 to 64\n");
      exit (2);
    }
  return (guint) value;
}

/* Reads the file once, so that both sides read it from the page cache. */
static void
warm_page_cache (const char *path)
{
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, NULL);
  const char *data = map ? g_mapped_file_get_contents (map) : NULL;
  gsize length = map ? g_mapped_file_get_length (map) : 0;
  volatile char sum = 0;

  for (gsize i = 0; i < length; i += 4096)
    sum += data[i];
}

static void
print_rows (gsize size, int runs, const Measurement *bare, const Measurement *load)
{
  double mib = size / 1048576.0;
  double bare_peak = bare->peak_kib / 1024.0, load_peak = load->peak_kib / 1024.0;

  printf ("synthetic dataset x%u: %u actors, %u relations, %u events, %.1f MiB\n", scale,
          N_ACTORS * scale, N_RELATIONS * scale, N_EVENTS * scale, mib);
  printf ("json-glib bare parse:   %.3f s (median of %d), %.1f MiB/s, peak %.1f MiB = %.2fx the file\n",
          bare->report.seconds, runs, mib / bare->report.seconds, bare_peak, bare_peak / mib);
  printf ("straits load + index:   %.3f s (median of %d), %.1f MiB/s, peak %.1f MiB = %.2fx the file\n",
          load->report.seconds, runs, mib / load->report.seconds, load_peak, load_peak / mib);
  printf ("time ratio load/parse:  %.2fx (target <= %.1fx: the same per MB on the same file)\n",
          load->report.seconds / bare->report.seconds, TARGET_TIME_RATIO);
  printf ("peak load/file size:    %.2fx (target <= %.1fx)\n", load_peak / mib, TARGET_PEAK_PER_FILE);
  printf ("peak ratio load/parse:  %.2fx (target <= 1.2x)\n", load_peak / bare_peak);
  printf ("held after loading:     %.1f MiB = %.2fx the file size (target <= 2x)\n",
          load->report.held / 1048576.0, load->report.held / (double) size);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  gsize size;
  Measurement bare, load;
  int runs;

  scale = parse_scale (argc, argv);
  runs = scale > 1 ? 1 : RUNS;
  path = bench_synthetic_dataset (scale, &size);
  /* The whole file, whatever the user's limit. */
  g_setenv ("STRAITS_MAX_DATASET_MB", "1048576", TRUE);
  warm_page_cache (path);
  bare = median_of_runs (work_bare_parse, path, runs);
  load = median_of_runs (work_load, path, runs);
  print_rows (size, runs, &bare, &load);
  if (g_getenv ("BENCH_KEEP"))
    printf ("kept %s\n", path);
  else
    bench_synthetic_dataset_remove (path);
  return 0;
}
