/* bench-interaction.c: frame times of the map widget while panning and
 * zooming at 1920x1080, measured from the frame clock's "before-paint"
 * to "after-paint" (snapshot and rendering), under Xvfb; then zoom steps
 * that each rest until the map is drawn sharp again, the frame that shows
 * it included; then frames where only the country under the pointer
 * changes. --no-layer-cache: as before issue 20, the view's renderer
 * draws all but the base layer in every frame it renders and keeps no
 * base layer but the last. --exact-text: label sizes not rounded on
 * screen, as before the text step (issue 20).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <time.h>
#include <adwaita.h>

#include "bench-stats.h"
#include "straits-test-data.h"
#include "straits-atlas.h"
#include "straits-map-view-private.h"
#include "straits-renderer-choice.h"
#include "straits-view-info.h"

#define PAN_FRAMES 120
#define ZOOM_FRAMES 60
#define RESTS 8
#define HOVERS 40

static GArray *times, *rest_times, *sharp_times, *sharp_cpu_times, *hover_times, *wait_times;
static gint64 zoomed_at;     /* when the last zoom step that rests was taken */
static guint rests, hovers;
static gint64 paint_start;
static double paint_cpu_start;
static guint frame;
static StraitsMapView *view;
static gboolean no_layer_cache, exact_text;
static gboolean base_kept;  /* the last zoom step's base layer was ready at once */

/* Whether the frame just painted showed the sharp map: the view at rest,
 * its cached rendering drawn for the viewport. A base layer kept for a
 * zoom level seen before is ready at once (prepared() below), while the
 * view still shows its last rendering scaled until it settles: those
 * frames were counted as sharp before. */
static gboolean
sharp (void)
{
  return !view->interacting && view->cache != NULL && straits_viewport_equal (&view->cache_viewport, &view->viewport);
}

static gboolean
prepared (void)
{
  StraitsViewport vp = straits_map_view_get_viewport (view);

  return straits_map_renderer_is_prepared (straits_map_view_get_renderer (view),
                                           gtk_widget_get_width (GTK_WIDGET (view)),
                                           gtk_widget_get_height (GTK_WIDGET (view)),
                                           gtk_widget_get_scale_factor (GTK_WIDGET (view)), &vp);
}

static void
on_paint (GdkFrameClock *clock, gpointer data)
{
  paint_start = g_get_monotonic_time ();
  paint_cpu_start = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID);
}

static void
print_spread (GArray *a)
{
  g_array_sort (a, bench_compare_doubles);
  printf ("  median %.2f ms, 95th percentile %.2f ms, worst %.2f ms",
          g_array_index (a, double, a->len / 2),
          bench_percentile ((const double *) (gpointer) a->data, a->len, 0.95),
          g_array_index (a, double, a->len - 1));
}

static void
report_and_quit (GApplication *app)
{
  printf ("map widget %dx%d, %u frames of panning then zooming:\n",
          gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)), times->len);
  print_spread (times);
  printf (" (target: 95th under 16 ms)\n");
  printf ("%u zoom steps, each resting until the map is sharp again, %u frames:\n", RESTS, rest_times->len);
  print_spread (rest_times);
  printf ("\n  of which the frames that show the sharp map:");
  print_spread (sharp_times);
  printf (" (target: worst <= 16 ms)");
  printf ("\n  their main thread's processor time:");
  print_spread (sharp_cpu_times);
  printf ("\n  from the zoom step to the sharp map (the view waits 140 ms for the zoom to rest, then draws the frame "
          "in a thread, showing the scaled image meanwhile):");
  print_spread (wait_times);
  printf ("\n%u frames where the country under the pointer changes:\n", hover_times->len);
  print_spread (hover_times);
  printf ("\n");
  g_application_quit (app);
}

/* Zoom steps that rest: a step, frames until the new base layer is ready
 * (drawn in a thread), and the frame that shows it. */
static void
rest_step (double ms)
{
  g_array_append_val (rest_times, ms);
  /* The first frame that shows the sharp map (whether the base layer
   * was drawn in a thread or in that frame). */
  if (sharp ())
    {
      StraitsMapRenderer *r = straits_map_view_get_renderer (view);
      double cpu = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID) - paint_cpu_start;
      double wait = (g_get_monotonic_time () - zoomed_at) / 1000.0;

      /* Which one is the worst, and what it drew: vertices are the base
       * layer's, labels those placed for the frame. */
      printf ("  sharp frame %u: %.2f ms (main thread's processor time %.2f ms), %.0f ms after the zoom step, %"
              G_GUINT64_FORMAT " vertices, %u labels, base layer %s\n", rests, ms, cpu, wait,
              straits_map_renderer_get_n_vertices (r),
              straits_map_renderer_get_n_labels (r), base_kept ? "kept from before" : "drawn in the thread too");
      g_array_append_val (sharp_times, ms);
      g_array_append_val (sharp_cpu_times, cpu);
      g_array_append_val (wait_times, wait);
      if (++rests < RESTS)
        {
          straits_map_view_zoom (view, rests % 2 ? 1 / 1.25 : 1.25, 700, 400);
          zoomed_at = g_get_monotonic_time ();
          base_kept = prepared ();
        }
    }
}

/* The pointer moving from Turkey to Greece and back, through the view's
 * own motion handler. */
static gboolean
hover_step (double ms)
{
  StraitsMapRenderer *r = straits_map_view_get_renderer (view);
  StraitsViewport vp = straits_map_view_get_viewport (view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  double x, y, ox, oy;

  if (hovers > 0)
    g_array_append_val (hover_times, ms);
  if (hovers++ == HOVERS)
    return FALSE;
  /* Inland, away from the arcs that meet at the countries' anchors. */
  g_assert (straits_projection_forward (straits_projected_map_get_projection (straits_map_renderer_get_map (r)),
                                        hovers % 2 ? 41.0 : 22.2, hovers % 2 ? 38.6 : 37.5, &x, &y));
  straits_viewport_to_output (&vp, gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)),
                              x, y, &ox, &oy);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", ox, oy);
    }
  if (hovers <= 2)
    {
      g_autofree char *on = NULL;

      g_object_get (view, "hover-description", &on, NULL);
      printf ("  (pointer on: %s)\n", on);
    }
  return TRUE;
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
  if (frame >= 3 + PAN_FRAMES + ZOOM_FRAMES)
    {
      double ms = (g_get_monotonic_time () - paint_start) / 1000.0;

      g_array_remove_index (times, times->len - 1);
      if (rests < RESTS)
        rest_step (ms);
      else if (!hover_step (ms))
        {
          report_and_quit (app);
          return;
        }
      gtk_widget_queue_draw (GTK_WIDGET (view));
      return;
    }
  frame++;
  if (frame < 3 + PAN_FRAMES)
    straits_map_view_pan (view, (frame % 40 < 20 ? 12 : -12), 5);
  else if (frame < 3 + PAN_FRAMES + ZOOM_FRAMES)
    straits_map_view_zoom (view, frame % 30 < 15 ? 1.04 : 1 / 1.04, 960, 540);
  else
    {
      straits_map_view_zoom (view, 1.25, 700, 400);
      zoomed_at = g_get_monotonic_time ();
      base_kept = prepared ();
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
  /* Both live as long as the benchmark: the view's scene holds the map. */
  StraitsDataset *dataset = straits_test_load_bundled ();
  StraitsAtlas *atlas = straits_test_new_atlas ();
  g_autoptr(StraitsMapRenderer) renderer = straits_test_renderer_for (atlas, dataset, "eu-groupings");
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  view = STRAITS_MAP_VIEW (straits_map_view_new ());
  straits_map_view_set_scene (view, straits_map_renderer_get_scene (renderer));
  /* The figures before the frame layer was cached (issue 20). */
  if (no_layer_cache)
    {
      straits_map_renderer_set_cache_layers (straits_map_view_get_renderer (view), FALSE);
      straits_map_renderer_set_cache_limit (straits_map_view_get_renderer (view), 0);
    }
  /* As before the view rounded label sizes on screen (issue 20). */
  if (exact_text)
    straits_map_renderer_set_text_step (straits_map_view_get_renderer (view), 0);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("eu.straits.BenchInteraction", G_APPLICATION_NON_UNIQUE);

  gboolean gtk_default = FALSE;
  const char *renderer;

  for (int i = 1; i < argc; i++)
    {
      gtk_default = gtk_default || g_str_equal (argv[i], "--gtk-default");
      no_layer_cache = no_layer_cache || g_str_equal (argv[i], "--no-layer-cache");
      exact_text = exact_text || g_str_equal (argv[i], "--exact-text");
    }
  renderer = gtk_default ? g_getenv ("GSK_RENDERER") : straits_choose_gsk_renderer ();

  /* As the application does; --gtk-default leaves the choice to GTK. */
  printf ("GSK renderer: %s%s%s\n", renderer ? renderer : "GTK's default",
          no_layer_cache ? ", frame layer not cached, no base layer kept but the last" : "",
          exact_text ? ", exact label sizes" : "");
  times = g_array_new (FALSE, FALSE, sizeof (double));
  rest_times = g_array_new (FALSE, FALSE, sizeof (double));
  sharp_times = g_array_new (FALSE, FALSE, sizeof (double));
  sharp_cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  hover_times = g_array_new (FALSE, FALSE, sizeof (double));
  wait_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
