/* bench-sipri.c: reading SIPRI trade registers
 *
 * The real register (2.7 MB, 25,024 rows, beside the project in
 * ../shared/data/sipri) loaded with names mapped, numbers checked and
 * strings kept, next to a bare parse of the same bytes (lines and quoted
 * fields split, nothing checked or kept); then a generated register of
 * 10^6 rows, in a child process so that its peak memory is its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "straits-sipri-register.h"

#define RUNS 7
#define GENERATED_ROWS 1000000

/* Lines and fields, as any CSV reader must find them: a floor for loading. */
static guint
bare_parse (const char *text, gsize size)
{
  guint fields = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == ',' || c == '\n'))
        fields++;
    }
  return fields;
}

static double
median_seconds (double *runs)
{
  return bench_median (runs, RUNS);
}

static void
bench_real_register (const char *path)
{
  g_autofree char *text = NULL;
  gsize size;
  double load[RUNS], bare[RUNS];
  volatile guint sink = 0;

  if (!g_file_get_contents (path, &text, &size, NULL))
    g_error ("the SIPRI register is missing: %s", path);
  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_file (path, NULL, &error);
      gint64 t1 = g_get_monotonic_time ();

      g_assert_no_error (error);
      sink += straits_sipri_register_get_n_deliveries (reg);
      load[r] = (t1 - t0) / 1e6;
      t0 = g_get_monotonic_time ();
      sink += bare_parse (text, size);
      bare[r] = (g_get_monotonic_time () - t0) / 1e6;
    }
  printf ("SIPRI register %s: %.1f MiB\n", path, size / 1048576.0);
  printf ("  load (read, parse, check, map names): %.1f ms (median of %d)\n", median_seconds (load) * 1e3, RUNS);
  printf ("  bare parse of the same bytes in memory: %.1f ms (median of %d)\n", median_seconds (bare) * 1e3, RUNS);
}

static char *
generate (guint rows)
{
  static const char *const names[] = { "Turkiye", "Spain", "Italy", "Germany", "United States", "Russia",
                                       "PKK (Turkiye)*", "unknown supplier(s)", "Greece", "France" };
  GString *s = g_string_sized_new ((gsize) rows * 120);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  g_string_append (s, "Source: SIPRI Arms Transfers Database (c) SIPRI.;\r\nData generated: 1 Jan 2026;\r\n"
                      "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
                      "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
                      "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,"
                      "TIV delivery values,Local production;\r\n");
  for (guint i = 0; i < rows; i++)
    g_string_append_printf (s, "%u,%s,%s,Design-%u,\"vehicle, armoured\",Armoured vehicles,%u,No,%u,Yes,%u,No,"
                               "New,1.5,0.75,%u.%02u,%s;\r\n",
                            i, names[i % 10], names[(i / 10 + 1 + i) % 10], i % 997, 1995 + i % 25, 1 + i % 40,
                            1996 + i % 29, i % 300, i % 100, i % 5 ? "No" : "Yes");
  fd = g_file_open_tmp ("straits-bench-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  g_string_free (s, TRUE);
  return path;
}

static void
bench_generated (void)
{
  g_autofree char *path = generate (GENERATED_ROWS);
  GStatBuf st;
  struct rusage usage;
  int status, pipe_fd[2];
  double seconds = 0;
  pid_t child;

  g_stat (path, &st);
  g_assert_cmpint (pipe (pipe_fd), ==, 0);
  child = fork ();
  if (child == 0)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(StraitsSipriRegister) reg = straits_sipri_register_load_file (path, NULL, &error);

      seconds = (g_get_monotonic_time () - t0) / 1e6;
      if (reg == NULL || straits_sipri_register_get_n_deliveries (reg) != GENERATED_ROWS)
        _exit (1);
      if (write (pipe_fd[1], &seconds, sizeof seconds) != sizeof seconds)
        _exit (1);
      _exit (0);
    }
  close (pipe_fd[1]);
  if (read (pipe_fd[0], &seconds, sizeof seconds) != sizeof seconds)
    g_error ("the generated register did not load");
  close (pipe_fd[0]);
  wait4 (child, &status, 0, &usage);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  printf ("generated register: %u rows, %.1f MiB\n", GENERATED_ROWS, st.st_size / 1048576.0);
  printf ("  load: %.2f s, peak resident memory %.1f MiB (child process)\n", seconds, usage.ru_maxrss / 1024.0);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  const char *path = g_getenv ("STRAITS_SIPRI_REGISTER");

  if (path == NULL)
    g_error ("STRAITS_SIPRI_REGISTER is not set");
  bench_real_register (path);
  bench_generated ();
  return 0;
}
