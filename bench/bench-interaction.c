/* bench-interaction.c: frame times of the map widget while panning and
 * zooming at 1920x1080, measured from the frame clock's "before-paint"
 * to "after-paint" (snapshot and rendering), under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <adwaita.h>

#include "straits-atlas.h"
#include "straits-map-view.h"
#include "straits-renderer-choice.h"
#include "straits-view-setup.h"

#define PAN_FRAMES 120
#define ZOOM_FRAMES 60

static GArray *times;
static gint64 paint_start;
static guint frame;
static StraitsMapView *view;

static void
on_paint (GdkFrameClock *clock, gpointer data)
{
  paint_start = g_get_monotonic_time ();
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report_and_quit (GApplication *app)
{
  g_array_sort (times, compare_double);
  printf ("map widget 1920x1080, %u frames of panning then zooming:\n", times->len);
  printf ("  median %.2f ms, 95th percentile %.2f ms, worst %.2f ms (target: 95th under 16 ms)\n",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, (guint) (times->len * 0.95)),
          g_array_index (times, double, times->len - 1));
  g_application_quit (app);
}

static void
on_after_paint (GdkFrameClock *clock, GApplication *app)
{
  if (paint_start == 0)
    return;
  /* The first frames draw the map in full; the interaction starts after. */
  if (frame >= 3)
    {
      double ms = (g_get_monotonic_time () - paint_start) / 1000.0;
      g_array_append_val (times, ms);
    }
  frame++;
  if (frame < 3 + PAN_FRAMES)
    straits_map_view_pan (view, (frame % 40 < 20 ? 12 : -12), 5);
  else if (frame < 3 + PAN_FRAMES + ZOOM_FRAMES)
    straits_map_view_zoom (view, frame % 30 < 15 ? 1.04 : 1 / 1.04, 960, 540);
  else
    {
      report_and_quit (app);
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (view));
}

static void
on_map (GtkWidget *window, GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  /* Every frame starts with "before-paint"; GTK's own painting happens in
   * the phases after it. */
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_paint), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
activate (GApplication *app)
{
  const char *data_dir = g_getenv ("STRAITS_DATA_DIR");
  g_autofree char *basemaps = g_build_filename (data_dir, "basemap", NULL);
  g_autofree char *path = g_build_filename (data_dir, "datasets", "turkey-european-security.json", NULL);
  StraitsDataset *dataset = straits_dataset_load_file (path, NULL, NULL);
  StraitsAtlas *atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsViewInfo) info = straits_find_view (dataset, "eu-groupings", NULL);
  g_autoptr(StraitsMapRenderer) renderer = straits_map_renderer_new_for_view (atlas, dataset, info, NULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  view = STRAITS_MAP_VIEW (straits_map_view_new ());
  straits_map_view_set_renderer (view, renderer);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("eu.straits.BenchInteraction", G_APPLICATION_NON_UNIQUE);

  const char *renderer = argc > 1 && g_str_equal (argv[1], "--gtk-default") ? g_getenv ("GSK_RENDERER")
                                                                            : straits_choose_gsk_renderer ();

  /* As the application does; --gtk-default leaves the choice to GTK. */
  printf ("GSK renderer: %s\n", renderer ? renderer : "GTK's default");
  times = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
