/* bench-load.c: load-and-index time and memory of a synthetic 40 MB
 * dataset, next to json-glib's bare parse of the same file.
 *
 * Each measurement runs in a child process of its own, so that its peak
 * resident memory (ru_maxrss from wait4) is its own. "Held" is the heap
 * still in use once loading is done (mallinfo2), with the parse tree gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <malloc.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-dataset.h"

#define N_ACTORS 5000
#define N_RELATIONS 100000
#define N_EVENTS 200000
#define RUNS 3

static const char *relation_types[] = { "procurement", "co-production", "dispute", "dialogue" };
static const char *stances[] = { "cooperative", "neutral", "adversarial" };

static char *
generate (gsize *size)
{
  GString *s = g_string_sized_new (48 << 20);
  GRand *rand = g_rand_new_with_seed (42);
  char *path = NULL;
  int fd;

  g_string_append (s, "{\n\"format\": \"straits-dataset\", \"format_version\": 1,\n"
                      "\"metadata\": {\"title\": \"Synthetic benchmark dataset\", \"version\": \"1\"},\n"
                      "\"vocabulary\": {\"relation_types\": [");
  for (guint i = 0; i < G_N_ELEMENTS (relation_types); i++)
    g_string_append_printf (s, "%s{\"id\": \"%s\", \"label\": \"%s\", \"colour\": \"#336699\"}",
                            i ? ", " : "", relation_types[i], relation_types[i]);
  g_string_append (s, "], \"event_types\": [{\"id\": \"meeting\", \"label\": \"Meeting\"}]},\n"
                      "\"sources\": [{\"id\": \"src\", \"title\": \"Synthetic source\"}],\n\"actors\": [\n");
  for (guint i = 0; i < N_ACTORS; i++)
    g_string_append_printf (s, "%s{\"id\": \"A%04u\", \"kind\": \"company\", \"name\": \"Actor number %u\", "
                               "\"memberships\": [\"EU\"]}",
                            i ? ",\n" : "", i, i);
  g_string_append (s, "],\n\"relations\": [\n");
  for (guint i = 0; i < N_RELATIONS; i++)
    {
      guint from = g_rand_int_range (rand, 0, N_ACTORS);
      guint to = (from + 1 + g_rand_int_range (rand, 0, N_ACTORS - 1)) % N_ACTORS;

      g_string_append_printf (s, "%s{\"id\":\"R%06u\",\"from\":\"A%04u\",\"to\":\"A%04u\","
                                 "\"type\":\"%s\",\"stance\":\"%s\",\"strength\":0.%u,"
                                 "\"start\":\"%u-%02u\",\"summary\":\"Relation %u\","
                                 "\"sources\":[{\"source\":\"src\",\"locator\":\"Section %u\"}]}",
                              i ? ",\n" : "", i, from, to, relation_types[i % 4], stances[i % 3],
                              g_rand_int_range (rand, 1, 9), g_rand_int_range (rand, 1990, 2026),
                              g_rand_int_range (rand, 1, 13), i, i % 12);
    }
  g_string_append (s, "],\n\"events\": [\n");
  for (guint i = 0; i < N_EVENTS; i++)
    {
      guint a = g_rand_int_range (rand, 0, N_ACTORS);
      guint b = (a + 1 + g_rand_int_range (rand, 0, N_ACTORS - 1)) % N_ACTORS;

      g_string_append_printf (s, "%s{\"id\":\"E%06u\",\"date\":\"%u-%02u-%02u\",\"type\":\"meeting\","
                                 "\"title\":\"Event %u\",\"actors\":[\"A%04u\",\"A%04u\"],"
                                 "\"sources\":[{\"source\":\"src\",\"locator\":\"Section %u\"}]}",
                              i ? ",\n" : "", i, g_rand_int_range (rand, 1990, 2026),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), i,
                              a, b, i % 12);
    }
  g_string_append (s, "]\n}\n");

  fd = g_file_open_tmp ("straits-bench-XXXXXX.json", &path, NULL);
  g_assert (fd >= 0);
  close (fd);
  g_assert (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  *size = s->len;
  g_string_free (s, TRUE);
  g_rand_free (rand);
  return path;
}

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
heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();

  return mi.uordblks + mi.hblkhd;
}

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
  r->held = heap_in_use ();
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
  r->held = heap_in_use ();
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

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
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
  qsort (times, RUNS, sizeof (double), compare_double);
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
  g_autofree char *path = generate (&size);
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
