/* bench-history.c: the side panel's history of a large dataset, under a
 * display: the synthetic dataset (bench-synthetic.c) at a scale, the real
 * side panel in a window, and three steps: the whole dataset listed (the
 * dataset given, nothing selected), then the time moved to the middle of
 * its dates (straits_side_panel_set_time(), as the time slider does: the
 * history dims what comes later and scrolls to the date), then one actor
 * selected. For each: the time from the call to the first frame drawn
 * after the list is filled (or scrolled), the longest the main thread
 * went without running a 5 ms
 * heartbeat (its longest stall), how much of that stall the main thread
 * spent on a CPU (the rest it waited for one: on a loaded machine other
 * processes' time shows as stalls), the heap added, and the heap the
 * history holds (since before the dataset was given) for the rows shown;
 * at the end, the heap a row takes: the difference between the two
 * lists' heaps over that of their rows (the row widgets, about 8 MiB,
 * are in both). Targets (issue 20): no main-thread stall over 50 ms;
 * memory proportional to the rows shown.
 *
 *   bench-history [SCALE…]   (default: 1 4, or $BENCH_HISTORY_SCALES)
 *
 * Each scale runs in a process of its own, so that the heap is its own.
 * With $BENCH_PERF_CTL, a perf control FIFO (perf record -D -1 --control
 * fifo:PATH), perf records the switch to one actor only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "bench-stats.h"
#include "bench-synthetic.h"
#include "straits-history-item.h"
#include "straits-renderer-choice.h"
#include "straits-side-panel.h"

/* After the frame that shows the list, the heartbeat goes on this long:
 * work left for later (rows bound, items freed) counts too. */
#define SETTLE_MS 300

typedef struct {
  const char *name;
  gint64 started, filled, drawn;
  gint64 max_gap;
  gint64 max_gap_cpu;          /* the main thread's CPU time in that gap */
  const char *done;            /* what the call did: filled or scrolled */
  gsize heap_before, heap_after;
  guint n_rows;                /* shown at the end */
} Phase;

static StraitsDataset *dataset;
static StraitsSidePanel *panel;
static GtkWidget *window;
static GListModel *history;    /* the list view's */
enum { PHASE_WHOLE, PHASE_TIME, PHASE_ACTOR };
static Phase phases[3] = { [PHASE_WHOLE] = { "whole dataset listed", .done = "filled" },
                           [PHASE_TIME] = { "moving the time", .done = "scrolled" },
                           [PHASE_ACTOR] = { "switching to one actor", .done = "filled" } };
static StraitsDate middle;     /* where the time moves to */
static guint phase;
static gboolean measuring;
static gint64 last_beat, last_beat_cpu;

/* The main thread's CPU time, microseconds. */
static gint64
thread_cpu_time (void)
{
  return (gint64) (bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID) * 1000);
}

static gboolean
heartbeat (gpointer data)
{
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_time ();

  if (measuring && now - last_beat > phases[phase].max_gap)
    {
      phases[phase].max_gap = now - last_beat;
      phases[phase].max_gap_cpu = cpu - last_beat_cpu;
    }
  last_beat = now;
  last_beat_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  /* Not the type filter's drop-down list: the one of history items. */
  if (GTK_IS_LIST_VIEW (widget) && GTK_IS_NO_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget))))
    {
      GListModel *model = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget))));

      if (model != NULL && g_list_model_get_item_type (model) == STRAITS_TYPE_HISTORY_ITEM)
        return GTK_LIST_VIEW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tells perf to "enable" or "disable" its events, when it listens. */
static void
perf_ctl (const char *what)
{
  const char *fifo = g_getenv ("BENCH_PERF_CTL");
  FILE *f = fifo != NULL ? fopen (fifo, "w") : NULL;

  if (f != NULL)
    {
      fprintf (f, "%s\n", what);
      fclose (f);
    }
}

/* The day halfway between @dataset's first and last dated events. */
static StraitsDate
middle_date (void)
{
  guint n;
  const guint32 *by_date = straits_dataset_events_by_date (dataset, &n);
  const StraitsDate *first, *last;
  g_autoptr(GDate) a = NULL, b = NULL;
  StraitsDate date = STRAITS_DATE_INIT;

  /* Undated events come last. */
  while (n > 0 && !straits_date_is_set (&straits_dataset_get_event (dataset, by_date[n - 1])->date))
    n--;
  g_assert (n > 0);
  first = &straits_dataset_get_event (dataset, by_date[0])->date;
  last = &straits_dataset_get_event (dataset, by_date[n - 1])->date;
  a = g_date_new_dmy (MAX (first->day, 1), MAX (first->month, 1), first->year);
  b = g_date_new_dmy (MAX (last->day, 1), MAX (last->month, 1), last->year);
  g_date_add_days (a, (g_date_get_julian (b) - g_date_get_julian (a)) / 2);
  date.year = g_date_get_year (a);
  date.month = g_date_get_month (a);
  date.day = g_date_get_day (a);
  date.precision = STRAITS_DATE_DAY;
  return date;
}

static void
start_phase (void)
{
  Phase *p = &phases[phase];

  p->heap_before = bench_heap_in_use ();
  last_beat = p->started = g_get_monotonic_time ();
  last_beat_cpu = thread_cpu_time ();
  measuring = TRUE;
  if (phase == PHASE_WHOLE)
    straits_side_panel_set_dataset (panel, dataset);
  else if (phase == PHASE_TIME)
    {
      /* Scrolled (or, were the history not current, pending) once the
       * call returns: no items-changed tells. */
      straits_side_panel_set_time (panel, &middle);
      p->filled = g_get_monotonic_time ();
    }
  else
    {
      StraitsSelection selection = { STRAITS_SELECTION_ACTOR, { 0, STRAITS_NO_INDEX },
                                     STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };

      perf_ctl ("enable");
      straits_side_panel_set_selection (panel, &selection);
    }
}

static void
print_phase (const Phase *p)
{
  double held = (double) p->heap_after - (double) phases[0].heap_before;

  printf ("  %-24s %s %.3f s, drawn %.3f s\n"
          "    longest main-thread stall %.0f ms, %.0f ms of it on a CPU (target: none over 50 ms)\n"
          "    heap %+.1f MiB; the history holds %.1f MiB for %u rows shown\n",
          p->name, p->done, (p->filled - p->started) / 1e6, (p->drawn - p->started) / 1e6, p->max_gap / 1e3,
          p->max_gap_cpu / 1e3, ((double) p->heap_after - (double) p->heap_before) / 1048576.0,
          held / 1048576.0, p->n_rows);
  fflush (stdout);
}

static void
print_bytes_a_row (void)
{
  double heap = (double) phases[PHASE_WHOLE].heap_after - (double) phases[PHASE_ACTOR].heap_after;
  double rows = (double) phases[PHASE_WHOLE].n_rows - (double) phases[PHASE_ACTOR].n_rows;

  printf ("  heap a row shown: %.1f bytes (target: proportional to the rows shown)\n", heap / MAX (rows, 1));
  fflush (stdout);
}

static gboolean
end_phase (gpointer data)
{
  GApplication *app = data;

  measuring = FALSE;
  if (phase == PHASE_ACTOR)
    perf_ctl ("disable");
  phases[phase].heap_after = bench_heap_in_use ();
  phases[phase].n_rows = g_list_model_get_n_items (history);
  print_phase (&phases[phase]);
  if (++phase < G_N_ELEMENTS (phases))
    {
      start_phase ();
      return G_SOURCE_REMOVE;
    }
  print_bytes_a_row ();
  /* Closed as the application would: a warning at finalization shows. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock, GApplication *app)
{
  Phase *p = &phases[phase];

  if (!measuring && phase == PHASE_WHOLE && p->started == 0)
    start_phase ();
  else if (measuring && p->filled != 0 && p->drawn == 0)
    {
      p->drawn = g_get_monotonic_time ();
      g_timeout_add (SETTLE_MS, end_phase, app);
    }
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added)
{
  Phase *p = &phases[phase];

  if (measuring && p->filled == 0 && g_list_model_get_n_items (model) > 0)
    p->filled = g_get_monotonic_time ();
}

static void
on_map (GtkWidget *widget, GApplication *app)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
activate (GApplication *app)
{
  GtkListView *list;

  window = adw_application_window_new (GTK_APPLICATION (app));
  panel = STRAITS_SIDE_PANEL (straits_side_panel_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 1000);
  list = find_list_view (GTK_WIDGET (panel));
  g_assert (list != NULL);
  history = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_signal_connect (history, "items-changed", G_CALLBACK (on_items_changed), NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  g_timeout_add (5, heartbeat, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_scale (guint scale)
{
  g_autoptr(AdwApplication) app = adw_application_new ("eu.straits.BenchHistory", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  gsize size;
  g_autofree char *path = bench_synthetic_dataset (scale, &size);
  g_autofree char *iso = NULL, *name = NULL;
  int status;

  dataset = straits_dataset_load_file (path, NULL, &error);
  bench_synthetic_dataset_remove (path);
  g_assert_no_error (error);
  printf ("history of the synthetic dataset at %ux: %u relations, %u events, %.1f MiB\n", scale,
          straits_dataset_get_n_relations (dataset), straits_dataset_get_n_events (dataset), size / 1048576.0);
  fflush (stdout);
  middle = middle_date ();
  iso = straits_date_to_iso (&middle);
  phases[PHASE_TIME].name = name = g_strdup_printf ("moving the time to %s", iso);
  straits_choose_gsk_renderer ();
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_object_unref (dataset);
  fflush (stdout);
  return status;
}

int
main (int argc, char *argv[])
{
  const char *env = g_getenv ("BENCH_HISTORY_SCALES");
  g_auto(GStrv) scales = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  int status = 0;

  if (g_getenv ("BENCH_HISTORY_CHILD") != NULL && argc == 2)
    return run_scale ((guint) atoi (argv[1]));
  if (argc > 1)
    scales = g_strdupv (argv + 1);
  else
    scales = g_strsplit (env != NULL ? env : "1 4", " ", -1);
  g_setenv ("BENCH_HISTORY_CHILD", "1", TRUE);
  for (guint i = 0; scales[i] != NULL; i++)
    {
      const char *child_argv[] = { self, scales[i], NULL };
      g_autoptr(GError) error = NULL;
      int wait_status;

      if (*scales[i] == '\0')
        continue;
      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          fprintf (stderr, "bench-history %s: %s\n", scales[i], error->message);
          status = 1;
        }
    }
  return status;
}
