/* bench-texts.c: how long the main thread is busy with the longest texts
 * a valid dataset may hold: the map and the side panel side by side, as
 * in the window, from presenting the window to its first frame, then for
 * each actor selected in turn from the call to the end of the frame that
 * shows it (layout and painting included). The target is 100 ms for each
 * (issue 23); bench-worst-datasets.py runs it on the generated dataset.
 * Both the time on the clock and the main thread's processor time are
 * given: on a loaded machine the first also counts other processes.
 *
 *   bench-texts FILE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <time.h>
#include <adwaita.h>

#include "bench-stats.h"
#include "straits-atlas.h"
#include "straits-map-view.h"
#include "straits-renderer-choice.h"
#include "straits-side-panel.h"
#include "straits-view-info.h"

static StraitsDataset *dataset;
static StraitsMapView *map;
static StraitsSidePanel *panel;
static GArray *times, *cpu_times;
static gint64 started;
static double cpu_started;
static guint selected;   /* actors selected so far */
static gboolean first_frame_seen;
static double first_frame_ms;

static void
select_next (void)
{
  StraitsSelection selection = { STRAITS_SELECTION_ACTOR, { selected, STRAITS_NO_INDEX },
                                 STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };

  started = g_get_monotonic_time ();
  cpu_started = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID);
  straits_map_view_select_actor (map, selected, FALSE);
  straits_side_panel_set_selection (panel, &selection);
  gtk_widget_queue_draw (GTK_WIDGET (panel));
}

static void
report_and_quit (GApplication *app)
{
  g_array_sort (times, bench_compare_doubles);
  g_array_sort (cpu_times, bench_compare_doubles);
  printf ("first frame with the dataset: %.1f ms\n", first_frame_ms);
  printf ("selecting each of %u actors, to the end of the frame that shows it (target <= 100 ms):\n", times->len);
  printf ("  on the clock:          median %.1f ms, worst %.1f ms\n",
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1));
  printf ("  main thread processor: median %.1f ms, worst %.1f ms\n",
          g_array_index (cpu_times, double, cpu_times->len / 2),
          g_array_index (cpu_times, double, cpu_times->len - 1));
  g_application_quit (app);
}

static void
on_after_paint (GdkFrameClock *clock, GApplication *app)
{
  double ms = (g_get_monotonic_time () - started) / 1000.0;
  double cpu = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_started;

  if (!first_frame_seen)
    {
      first_frame_seen = TRUE;
      first_frame_ms = ms;
    }
  else
    {
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
      if (ms > 100)
        printf ("  over 100 ms: %s, %.1f ms (main thread processor %.1f ms)\n",
                straits_dataset_get_actor (dataset, selected)->id, ms, cpu);
      selected++;
    }
  if (selected >= straits_dataset_get_n_actors (dataset))
    {
      report_and_quit (app);
      return;
    }
  select_next ();
}

static void
on_map (GtkWidget *window, GApplication *app)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
activate (GApplication *app)
{
  const char *data_dir = g_getenv ("STRAITS_DATA_DIR");
  g_autofree char *basemaps = g_build_filename (data_dir, "basemap", NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsViewInfo) info = straits_view_info_find (dataset, "eu-groupings", NULL);
  g_autoptr(StraitsMapRenderer) renderer = straits_view_info_new_renderer (atlas, dataset, info, NULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  started = g_get_monotonic_time ();
  cpu_started = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID);
  map = STRAITS_MAP_VIEW (straits_map_view_new ());
  panel = STRAITS_SIDE_PANEL (straits_side_panel_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (map), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (panel), 380, -1);
  straits_map_view_set_scene (map, straits_map_renderer_get_scene (renderer));
  straits_side_panel_set_dataset (panel, dataset);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("eu.straits.BenchTexts", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-texts FILE.json\n");
      return 2;
    }
  dataset = straits_dataset_load_file (argv[1], NULL, &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "bench-texts: %s\n", error->message);
      return 1;
    }
  straits_choose_gsk_renderer ();
  times = g_array_new (FALSE, FALSE, sizeof (double));
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
