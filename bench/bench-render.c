/* bench-render.c: frame time of the EU-groupings view at 1920x1080 from
 * the 1:10m basemap, against the same frame with every vertex and no
 * culling; basemap load, projection, A4 PDF and 300-dpi A4 PNG export.
 *
 * Then PNG encoding of two exports, a 300-dpi A4 page of the Aegean view
 * and a 1920x1080 slide of the EU groupings, by cairo's writer (zlib
 * level 6, adaptive filters) and by straits_png_write() at zlib levels 1,
 * 3 and 6 with the filters NONE, SUB, PAETH and libpng's adaptive choice
 * (ALL): encode time into memory (median of 3) and size. Exports use
 * STRAITS_PNG_LEVEL and STRAITS_PNG_FILTERS, chosen from this table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "straits-test-data.h"
#include "straits-atlas.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-map-renderer-private.h"
#include "straits-png.h"
#include "straits-view-info.h"

#define FRAMES 40
#define RUNS 3

/* Median milliseconds per frame (and in @p95_out, if not NULL, the 95th
 * percentile); the view moves by 3 pixels between frames, as while a user
 * pans. @cold drops the cached base layer before each. */
static double
time_frames_p95 (StraitsMapRenderer *r, gboolean full, gboolean cold, guint64 *vertices, double *p95_out)
{
  double median;

  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_renderer_fit (r, 1920, 1080);
  double times[FRAMES];

  straits_map_renderer_set_full_detail (r, full);
  /* Warm the caches: a first frame at a zoom level draws no margin to pan
   * in, the first pan draws it. */
  for (guint i = 0; i < 2; i++)
    {
      vp.cx += i * 3 * vp.resolution;
      straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
    }
  for (guint i = 0; i < FRAMES; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      vp.cx += (i % 2 ? -1 : 1) * 3 * vp.resolution;
      if (cold)
        straits_map_renderer_invalidate (r);
      straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
      cairo_surface_flush (s);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  *vertices = straits_map_renderer_get_n_vertices (r);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  median = bench_median (times, FRAMES);
  if (p95_out != NULL)
    *p95_out = bench_percentile (times, FRAMES, 0.95);
  return median;
}

static double
time_frames (StraitsMapRenderer *r, gboolean full, gboolean cold, guint64 *vertices)
{
  return time_frames_p95 (r, full, cold, vertices, NULL);
}

/* The medians of the last time_zooms()'s frames in processor time, of
 * the main thread and of all threads: on a shared machine a frame may
 * wait for a processor, which its wall time counts and these not. */
static double zoom_cpu_main, zoom_cpu_all;

/* Cold frames, each at another zoom level than the last: @seen, two
 * levels in turn, whose base layers are kept; otherwise a new level each
 * time, @pass apart from those of other passes. As the map view draws
 * them (@layers, the frame layer cached) or not. Median in ms, the 95th
 * percentile in @p95_out. */
static double
time_zooms (StraitsMapRenderer *r, gboolean seen, gboolean layers, guint pass, double *p95_out)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (s);
  StraitsViewport fit = straits_map_renderer_fit (r, 1920, 1080), vp[2] = { fit, fit };
  double times[FRAMES], cpu_main[FRAMES], cpu_all[FRAMES], median;

  straits_map_renderer_set_cache_layers (r, layers);
  vp[1].resolution /= 1.25;
  /* Each level seen twice before: a frame that draws a base layer leaves
   * its frame layer for the next visit (and the map view's thread draws
   * the frame at rest for itself), so that the frames timed find both
   * kept, as the row says. */
  for (guint k = 0; k < (seen ? 4 : 2); k++)
    straits_map_renderer_draw (r, cr, 1920, 1080, &vp[k % 2]);
  for (guint i = 0; i < FRAMES; i++)
    {
      StraitsViewport at = vp[i % 2];
      gint64 t0;

      /* New levels within a fifth of the fitted one, in and out. */
      if (!seen)
        at.resolution = fit.resolution * (i % 2 ? 1 + 0.005 * (i + 1 + pass / 100.0)
                                                : 1 / (1 + 0.005 * (i + 1 + pass / 100.0)));
      cpu_main[i] = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID);
      cpu_all[i] = bench_cpu_ms (CLOCK_PROCESS_CPUTIME_ID);
      t0 = g_get_monotonic_time ();
      straits_map_renderer_draw (r, cr, 1920, 1080, &at);
      cairo_surface_flush (s);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu_main[i] = bench_cpu_ms (CLOCK_THREAD_CPUTIME_ID) - cpu_main[i];
      cpu_all[i] = bench_cpu_ms (CLOCK_PROCESS_CPUTIME_ID) - cpu_all[i];
    }
  zoom_cpu_main = bench_median (cpu_main, FRAMES);
  zoom_cpu_all = bench_median (cpu_all, FRAMES);
  straits_map_renderer_set_cache_layers (r, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  median = bench_median (times, FRAMES);
  *p95_out = bench_percentile (times, FRAMES, 0.95);
  return median;
}

/* Frames after a change of what the map shows but not of its base layer
 * (the selection, between two states in turn), at one viewport, with the
 * frame layer cached (@layers: drawn again across the cached area) or
 * not (the rest drawn over the base layer). Median in ms. */
static double
time_changes (StraitsMapRenderer *r, gboolean layers)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_renderer_fit (r, 1920, 1080);
  StraitsMapScene *scene = straits_map_renderer_get_scene (r);
  guint32 actors[2] = { straits_dataset_find_actor_by_iso3 (straits_map_renderer_get_dataset (r), "DEU"),
                        straits_dataset_find_actor_by_iso3 (straits_map_renderer_get_dataset (r), "FRA") };
  double times[FRAMES];

  straits_map_renderer_set_cache_layers (r, layers);
  straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
  for (guint i = 0; i < FRAMES; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      straits_map_scene_set_selection (scene, &actors[i % 2], 1, STRAITS_NO_INDEX);
      straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
      cairo_surface_flush (s);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  straits_map_scene_set_selection (scene, NULL, 0, STRAITS_NO_INDEX);
  straits_map_renderer_set_cache_layers (r, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  return bench_median (times, FRAMES);
}

/* The base layer's fills with and without antialiasing (issue 20): cold
 * frames in one thread, the two kinds and a frame re-using the cached
 * base layer taken in turn, so that all three see the same load on a
 * shared machine; the base layer is a cold frame less the cached one.
 * Medians in ms: [0] cached, [1] antialiased fills, [2] aliased. */
static void
time_fills (StraitsMapRenderer *r, double medians[3])
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_renderer_fit (r, 1920, 1080);
  double times[3][FRAMES];

  straits_map_renderer_set_threads (r, 1);
  straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
  for (guint i = 0; i < FRAMES; i++)
    for (guint k = 0; k < 3; k++)
      {
        gint64 t0 = g_get_monotonic_time ();

        r->antialias_fills = k == 1;
        if (k > 0)
          straits_map_renderer_invalidate (r);
        straits_map_renderer_draw (r, cr, 1920, 1080, &vp);
        cairo_surface_flush (s);
        times[k][i] = (g_get_monotonic_time () - t0) / 1000.0;
      }
  for (guint k = 0; k < 3; k++)
    medians[k] = bench_median (times[k], FRAMES);
  r->antialias_fills = FALSE;
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* The cold frames at new zoom levels: [0] as the map view draws them
 * (the frame layer cached, label sizes rounded on screen), [1] the same
 * without the frame layer, [2] with exact label sizes, [3] neither. */
static void
print_zooms (double view, double view_p95, double plain, double plain_p95, double exact, double exact_p95,
             double exact_plain, double exact_plain_p95)
{
  printf ("EU groupings 1920x1080, cold frame at a new zoom level, drawn at once (as a map view draws a first "
          "frame that no thread drew with the dataset, and a view not drawn ahead yet; frames at rest after a move "
          "or resize it draws in a thread, see bench-interaction): %.2f ms median, "
          "95th percentile %.2f ms of %d (target <= 12 ms); without the frame layer %.2f ms, %.2f ms\n",
          view, view_p95, FRAMES, plain, plain_p95);
  printf ("  the same with exact label sizes, as exports draw them: %.2f ms median, 95th percentile %.2f ms; "
          "without the frame layer %.2f ms, %.2f ms\n", exact, exact_p95, exact_plain, exact_plain_p95);
}

/* Their processor time, with the frame layer: [0] the main thread's,
 * [1] all threads'. */
static void
print_zoom_cpu (const double view[2], const double exact[2])
{
  printf ("  processor time per frame, medians: label sizes rounded as on screen %.2f ms in the main thread, %.2f ms "
          "in all; with exact label sizes %.2f ms, %.2f ms\n", view[0], view[1], exact[0], exact[1]);
}

typedef struct {
  StraitsMapRenderer *renderer;
  StraitsFigurePageOptions options;
} Job;

static void
draw_page (cairo_t *cr, double w, double h, guint page, gpointer data)
{
  Job *job = data;

  straits_figure_page_draw (job->renderer, cr, w, h, &job->options);
}

/* The EU figure (title, legend, scale bar, credits) exported to @name at
 * @size and @dpi, in this process: the median of 5, in ms. */
static double
time_export (StraitsMapRenderer *r, const char *name, const char *size, double dpi)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  Job job = { r, { .title = "EU member states by stance", .subtitle = "Benchmark", .legend = TRUE, .credits = TRUE, .scale_bar = TRUE } };
  double w, h, times[5];

  g_assert (straits_export_parse_page_size (size, &w, &h, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;

      if (!straits_export (path, w, h, dpi, 1, draw_page, &job, NULL, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_unlink (path);
  g_rmdir (dir);
  return bench_median (times, G_N_ELEMENTS (times));
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Milliseconds (median of RUNS) and bytes for one writer: @options NULL
 * for cairo's. */
static double
time_encode (cairo_surface_t *surface, const StraitsPngOptions *options, gsize *size)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GByteArray) cairo_bytes = g_byte_array_new ();
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      gint64 t0 = g_get_monotonic_time ();

      if (options == NULL)
        {
          g_assert (cairo_surface_write_to_png_stream (surface, append_bytes, cairo_bytes) == CAIRO_STATUS_SUCCESS);
          *size = cairo_bytes->len;
        }
      else
        {
          g_assert (straits_png_write (surface, out, options, NULL));
          *size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
        }
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  return bench_median (times, RUNS);
}

/* The table of encoders for one export of @view_id. */
static void
png_table (StraitsAtlas *atlas, StraitsDataset *dataset, const char *view_id, const char *size, double dpi)
{
  static const struct { const char *name; StraitsPngFilters filters; } filters[] = {
    { "NONE", STRAITS_PNG_FILTER_NONE }, { "SUB", STRAITS_PNG_FILTER_SUB },
    { "PAETH", STRAITS_PNG_FILTER_PAETH }, { "ALL", STRAITS_PNG_FILTER_ALL },
  };
  static const int levels[] = { 1, 3, 6 };
  g_autoptr(StraitsViewInfo) view = straits_view_info_find (dataset, view_id, NULL);
  g_autoptr(StraitsMapRenderer) renderer = straits_view_info_new_renderer (atlas, dataset, view, NULL);
  Job job = { renderer, { .title = view_id, .subtitle = "Benchmark", .legend = TRUE, .credits = TRUE,
                          .scale_bar = TRUE } };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double w, h, t;
  gsize bytes;

  g_assert (straits_export_parse_page_size (size, &w, &h, NULL));
  surface = straits_export_draw_png ("bench.png", w, h, dpi, draw_page, &job, &error);
  g_assert_no_error (error);
  printf ("\n%s, %s at %g dpi: %dx%d pixels\n", view_id, size, dpi, cairo_image_surface_get_width (surface),
          cairo_image_surface_get_height (surface));
  printf ("  %-22s %10s %12s\n", "writer", "encode ms", "bytes");
  t = time_encode (surface, NULL, &bytes);
  printf ("  %-22s %10.1f %12" G_GSIZE_FORMAT "\n", "cairo (level 6, ALL)", t, bytes);
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
      {
        StraitsPngOptions options = { levels[l], filters[f].filters, NULL, NULL };
        g_autofree char *name = g_strdup_printf ("libpng level %d, %s", levels[l], filters[f].name);
        gboolean chosen = levels[l] == STRAITS_PNG_LEVEL && filters[f].filters == STRAITS_PNG_FILTERS;

        t = time_encode (surface, &options, &bytes);
        printf ("  %-22s %10.1f %12" G_GSIZE_FORMAT "%s\n", name, t, bytes, chosen ? "  <- exports" : "");
      }
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_autoptr(StraitsDataset) dataset = straits_test_load_bundled ();
  g_autoptr(StraitsAtlas) atlas = straits_test_new_atlas ();
  g_autoptr(StraitsViewInfo) view = straits_view_info_find (dataset, "eu-groupings", NULL);
  g_autoptr(StraitsMapRenderer) renderer = NULL;
  StraitsRegion detailed;
  guint bands = MIN (g_get_num_processors (), 4); /* the renderer's default */
  double t_load, t_project, lod, lod_p95, layered, layered_p95, cold, cold_one, full, fills[3];
  double zoom_seen, zoom_seen_p95, zoom_new, zoom_new_p95, zoom_plain, zoom_plain_p95, changed_direct, changed_layer;
  double zoom_exact, zoom_exact_p95, zoom_new_plain, zoom_new_plain_p95, cpu_view[2] = { 0, 0 }, cpu_exact[2] = { 0, 0 };
  guint64 lod_vertices, layered_vertices, cold_vertices, cold_one_vertices, full_vertices;
  guint only = argc < 2 ? 0 : g_str_equal (argv[1], "--zoom-only") ? 1 : g_str_equal (argv[1], "--zoom-only-exact") ? 2 : 0;
  gint64 t0;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert (dataset != NULL && view != NULL);

  t0 = g_get_monotonic_time ();
  g_assert (straits_atlas_get_basemap (atlas, TRUE, NULL) != NULL);
  t_load = (g_get_monotonic_time () - t0) / 1000.0;

  /* The benchmark draws Europe from the 1:10m data. */
  detailed = *view->region;
  detailed.detailed = TRUE;
  view->region->detailed = TRUE;
  t0 = g_get_monotonic_time ();
  g_assert (straits_atlas_get_map (atlas, &detailed, NULL) != NULL);
  t_project = (g_get_monotonic_time () - t0) / 1000.0;

  renderer = straits_view_info_new_renderer (atlas, dataset, view, NULL);
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (renderer), TRUE);
  lod = time_frames_p95 (renderer, FALSE, FALSE, &lod_vertices, &lod_p95);
  /* As the map view draws: the frame layer cached too (issue 20). */
  straits_map_renderer_set_cache_layers (renderer, TRUE);
  layered = time_frames_p95 (renderer, FALSE, FALSE, &layered_vertices, &layered_p95);
  straits_map_renderer_set_cache_layers (renderer, FALSE);
  zoom_seen = time_zooms (renderer, TRUE, TRUE, 0, &zoom_seen_p95);
  /* Each pass at zoom levels no pass before saw (layouts are cached by
   * size); the first draws what the fit frame did not show (the outlines
   * the legend tests) for the first time, and on screen the few label
   * sizes there are. First the map view's screen sizes, then exact label
   * sizes as exports draw them: every size Pango has opened stays in a
   * table whose lookups slow down as it grows, a cost the view does not
   * pay. --zoom-only, --zoom-only-exact: one kind, four passes, for a
   * profiler. */
  zoom_plain = zoom_plain_p95 = zoom_exact = zoom_exact_p95 = zoom_new = zoom_new_p95 = 0;
  zoom_new_plain = zoom_new_plain_p95 = 0;
  straits_map_renderer_set_text_step (renderer, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  for (guint k = 0; k < (only == 1 ? 4 : only == 2 ? 0 : 2); k++)
    {
      zoom_new = time_zooms (renderer, FALSE, TRUE, 2 * k, &zoom_new_p95);
      cpu_view[0] = zoom_cpu_main;
      cpu_view[1] = zoom_cpu_all;
      zoom_new_plain = time_zooms (renderer, FALSE, FALSE, 2 * k + 1, &zoom_new_plain_p95);
    }
  straits_map_renderer_set_text_step (renderer, 0);
  for (guint k = 0; k < (only == 2 ? 4 : only == 1 ? 0 : 2); k++)
    {
      zoom_exact = time_zooms (renderer, FALSE, TRUE, 2 * k + 40, &zoom_exact_p95);
      cpu_exact[0] = zoom_cpu_main;
      cpu_exact[1] = zoom_cpu_all;
      zoom_plain = time_zooms (renderer, FALSE, FALSE, 2 * k + 41, &zoom_plain_p95);
    }
  if (only > 0)
    {
      print_zooms (zoom_new, zoom_new_p95, zoom_new_plain, zoom_new_plain_p95, zoom_exact, zoom_exact_p95,
                   zoom_plain, zoom_plain_p95);
      print_zoom_cpu (cpu_view, cpu_exact);
      return 0;
    }
  changed_direct = time_changes (renderer, FALSE);
  changed_layer = time_changes (renderer, TRUE);
  cold = time_frames (renderer, FALSE, TRUE, &cold_vertices);
  straits_map_renderer_set_threads (renderer, 1);
  cold_one = time_frames (renderer, FALSE, TRUE, &cold_one_vertices);
  time_fills (renderer, fills);
  straits_map_renderer_set_threads (renderer, bands);
  full = time_frames (renderer, TRUE, TRUE, &full_vertices);
  straits_map_renderer_set_full_detail (renderer, FALSE);

  printf ("basemap 1:10m load:            %.2f ms (%u points)\n", t_load,
          straits_basemap_get_n_points (straits_atlas_get_basemap (atlas, TRUE, NULL)));
  printf ("projection of the basemap:     %.1f ms (once per view)\n", t_project);
  printf ("EU groupings 1920x1080, panning (base layer cached, the rest drawn): %.2f ms median, "
          "95th percentile %.2f ms of %d (target <= 8 ms)\n", lod, lod_p95, FRAMES);
  printf ("EU groupings 1920x1080, panning (frame layer cached, legend drawn): %.2f ms median, "
          "95th percentile %.2f ms of %d, %" G_GUINT64_FORMAT " vertices (target <= 2 ms)\n",
          layered, layered_p95, FRAMES, layered_vertices);
  printf ("EU groupings 1920x1080, cold frame at a zoom level seen before (its base and frame layers kept): "
          "%.2f ms median, 95th percentile %.2f ms of %d (target <= 8 ms)\n", zoom_seen, zoom_seen_p95, FRAMES);
  print_zooms (zoom_new, zoom_new_p95, zoom_new_plain, zoom_new_plain_p95, zoom_exact, zoom_exact_p95,
               zoom_plain, zoom_plain_p95);
  print_zoom_cpu (cpu_view, cpu_exact);
  printf ("EU groupings 1920x1080, the selection changed, same viewport: %.2f ms median with the frame layer "
          "cached (such frames draw directly), %.2f ms without\n", changed_layer, changed_direct);
  printf ("EU groupings 1920x1080, every layer drawn: %.2f ms median of %d, %" G_GUINT64_FORMAT " vertices, "
          "%u threads (the base layer in %u bands beside what lies above)\n", cold, FRAMES, cold_vertices, bands,
          2 * bands);
  printf ("  the same in one thread:      %.2f ms median of %d, %" G_GUINT64_FORMAT " vertices\n",
          cold_one, FRAMES, cold_one_vertices);
  printf ("  countries filled with antialiasing, frames in turn: cached %.2f ms, antialiased %.2f ms, "
          "aliased %.2f ms; base layer %.2f ms against %.2f (%.0f %% less)\n",
          fills[0], fills[1], fills[2], fills[1] - fills[0], fills[2] - fills[0],
          100 * (1 - (fills[2] - fills[0]) / (fills[1] - fills[0])));
  printf ("same frame, full detail:       %.2f ms median of %d, %" G_GUINT64_FORMAT " vertices\n",
          full, FRAMES, full_vertices);
  printf ("speed-up, panning frame vs full detail: %.1fx (target >= 6x)\n", full / lod);
  printf ("speed-up, drawn frame vs full detail:   %.1fx (in one thread: %.1fx)\n", full / cold, full / cold_one);
  printf ("A4 PDF export:                 %.1f ms median of 5 (target 150 ms)\n",
          time_export (renderer, "figure.pdf", "a4-landscape", 72));
  printf ("A4 PNG export at 300 dpi:      %.1f ms median of 5 (target <= 200 ms)\n",
          time_export (renderer, "figure.png", "a4-landscape", 300));
  printf ("1920x1080 PNG export:          %.1f ms median of 5 (target <= 50 ms)\n",
          time_export (renderer, "figure.png", "1920x1080", STRAITS_SCREEN_DPI));

  printf ("\nPNG encoding, median of %d runs, into memory\n", RUNS);
  png_table (atlas, dataset, "aegean", "a4-landscape", 300);
  png_table (atlas, dataset, "eu-groupings", "slide-16x9", 96);
  return 0;
}
