/* test-map-view.c: the map widget under a display (Xvfb in the test
 * suite), rendered by GTK's cairo renderer as the application uses it
 * where there is no GPU: its frame matches the renderer's own drawing,
 * while the user pans or zooms it moves its cached image without redrawing,
 * and when a zoom rests (or the view is resized) the new frame is drawn in
 * a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <gtk/gtk.h>

#include "straits-atlas.h"
#include "straits-map-view.h"
#include "straits-map-view-private.h"
#include "straits-test-data.h"
#include "straits-renderer-choice.h"
#include "straits-view-info.h"

#define WIDTH 640
#define HEIGHT 400

typedef struct {
  StraitsDataset *dataset;
  StraitsAtlas *atlas;
  GtkWidget *window;
  StraitsMapView *view;
  StraitsMapRenderer *renderer;  /* a second renderer of the view's scene, to compare with */
  GskRenderer *gsk;
} Fixture;

static gboolean frame_seen;

static void
on_first_frame (void)
{
  frame_seen = TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  f->dataset = straits_test_load_bundled ();
  f->atlas = straits_test_new_atlas ();
  f->renderer = straits_test_renderer_for (f->atlas, f->dataset, "aegean");
  /* Drawing as the view's renderer does, from the cached frame layer
   * (whose labels are placed for the layer's area, issue 20). */
  straits_map_renderer_set_cache_layers (f->renderer, TRUE);
  /* And label sizes rounded as on screen. */
  straits_map_renderer_set_text_step (f->renderer, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);

  f->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), WIDTH, HEIGHT);
  f->view = STRAITS_MAP_VIEW (straits_map_view_new ());
  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (f->renderer));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  frame_seen = FALSE;
  g_signal_connect (f->view, "first-frame", G_CALLBACK (on_first_frame), NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!frame_seen && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (frame_seen);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), ==, HEIGHT);
  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (f->window))));

  f->gsk = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (f->gsk, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gsk_renderer_unrealize (f->gsk);
  g_clear_object (&f->gsk);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->renderer);
  g_clear_object (&f->dataset);
  g_clear_pointer (&f->atlas, straits_atlas_free);
}

/* The widget's frame as GTK's cairo renderer draws it, as 0xAARRGGBB. */
static guint32 *
widget_pixels_sized (Fixture *f, int width, int height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels = g_new (guint32, width * height);

  /* The widget's own snapshot, at once: the interaction's frames last
   * only until it settles. */
  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (f->gsk, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels;
}

static guint32 *
widget_pixels (Fixture *f)
{
  return widget_pixels_sized (f, WIDTH, HEIGHT);
}

/* The renderer's own drawing of the widget's viewport. */
/* @renderer's own drawing of the widget's viewport, at @width x @height. */
static guint32 *
drawing_pixels (Fixture *f, StraitsMapRenderer *renderer, int width, int height)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_view_get_viewport (f->view);
  guint32 *pixels = g_new (guint32, width * height);

  straits_map_renderer_draw (renderer, cr, width, height, &vp);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  for (int y = 0; y < height; y++)
    memcpy (pixels + y * width, cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s), width * 4);
  cairo_surface_destroy (s);
  return pixels;
}

static guint32 *
renderer_pixels_sized (Fixture *f, int width, int height)
{
  return drawing_pixels (f, f->renderer, width, height);
}

static guint32 *
renderer_pixels (Fixture *f)
{
  return renderer_pixels_sized (f, WIDTH, HEIGHT);
}

/* Pixels of @a and @b, @n each, that differ by more than 2 levels in a
 * channel. */
static guint
differing_pixels (const guint32 *a, const guint32 *b, guint n)
{
  guint differing = 0;

  for (guint i = 0; i < n; i++)
    differing += straits_test_channel_difference (a[i], b[i]) > 2;
  return differing;
}

static guint32
sea_pixel (Fixture *f)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (f->renderer);

  return 0xff000000u | (guint32) lround (style->sea.r * 255) << 16 |
         (guint32) lround (style->sea.g * 255) << 8 | (guint32) lround (style->sea.b * 255);
}

static void
test_frame_matches_renderer (Fixture *f, gconstpointer data)
{
  g_autofree guint32 *shown = widget_pixels (f);
  g_autofree guint32 *drawn = renderer_pixels (f);
  guint differing = 0, land = 0;

  for (guint i = 0; i < WIDTH * HEIGHT; i++)
    {
      differing += straits_test_channel_difference (shown[i], drawn[i]) > 2;
      land += drawn[i] != sea_pixel (f);
    }
  g_assert_cmpuint (land, >, WIDTH * HEIGHT / 10);
  g_assert_cmpuint (differing, ==, 0);
}

/* While panning, the frame is the cached one moved by the pan, with sea
 * where the cache does not reach, and nothing is drawn anew. */
static void
test_pan_moves_the_cache (Fixture *f, gconstpointer data)
{
  g_autofree guint32 *before = widget_pixels (f);
  g_autofree guint32 *after = NULL;
  const int dx = 37, dy = 23;
  guint moved_wrong = 0, strip_wrong = 0;

  straits_map_view_pan (f->view, dx, dy);
  after = widget_pixels (f);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 p = after[y * WIDTH + x];

        if (x >= dx && y >= dy)
          moved_wrong += straits_test_channel_difference (p, before[(y - dy) * WIDTH + (x - dx)]) > 2;
        else
          strip_wrong += p != sea_pixel (f);
      }
  g_assert_cmpuint (moved_wrong, ==, 0);
  g_assert_cmpuint (strip_wrong, ==, 0);
}

/* Zooming out while interacting shrinks the cached image about the
 * pointer and surrounds it with sea. */
static void
test_zoom_scales_the_cache (Fixture *f, gconstpointer data)
{
  g_autofree guint32 *before = widget_pixels (f);
  g_autofree guint32 *after = NULL;
  guint land_before = 0, land_after = 0, edge_land = 0;

  straits_map_view_zoom (f->view, 0.5, WIDTH / 2.0, HEIGHT / 2.0);
  after = widget_pixels (f);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        land_before += before[y * WIDTH + x] != sea_pixel (f);
        land_after += after[y * WIDTH + x] != sea_pixel (f);
        if (x < WIDTH / 4 - 1 || x > WIDTH * 3 / 4 + 1 || y < HEIGHT / 4 - 1 || y > HEIGHT * 3 / 4 + 1)
          edge_land += after[y * WIDTH + x] != sea_pixel (f);
      }
  /* A quarter of the area, give or take the smoothing of the edges. */
  g_assert_cmpfloat (fabs (land_after - land_before / 4.0), <, land_before * 0.02);
  g_assert_cmpuint (edge_land, ==, 0);
}

/* The cache shown in strips, one cairo node each (straits-map-view-
 * cache.c), is the same image as in one node: pixel for pixel at rest
 * and moved by a pan; scaled by a zoom (the frames while it lasts),
 * within 2 levels, where cairo's filter samples from another origin. */
static void
test_strips_show_one_image (Fixture *f, gconstpointer data)
{
  const struct { double zoom, dx, dy; } steps[] = { { 1, 0, 0 }, { 1, 37, 23 }, { 1.37, 0, 0 }, { 0.61, 0, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree guint32 *whole = NULL, *strips = NULL;

      straits_map_view_pan (f->view, steps[i].dx, steps[i].dy);
      if (steps[i].zoom != 1)
        straits_map_view_zoom (f->view, steps[i].zoom, WIDTH / 3.3, HEIGHT / 2.7);
      whole = widget_pixels (f);
      /* 64 kB: 16 strips of this frame. */
      _straits_map_view_set_strip_bytes (64 << 10);
      strips = widget_pixels (f);
      _straits_map_view_set_strip_bytes (2 << 20);
      g_assert_cmpuint (differing_pixels (whole, strips, WIDTH * HEIGHT), ==, 0);
      if (steps[i].zoom == 1)
        g_assert_cmpmem (whole, WIDTH * HEIGHT * 4, strips, WIDTH * HEIGHT * 4);
    }
}

static void
on_prepared (GObject *source, GAsyncResult *result, gpointer data)
{
  g_assert_true (straits_map_renderer_prepare_finish (STRAITS_MAP_RENDERER (source), result, NULL));
  *(gboolean *) data = TRUE;
}

/* When a zoom rests, the new base layer is drawn in a thread: the frame
 * that follows only copies it (the renderer draws no vertex on the main
 * thread), and it matches the renderer's own drawing, prepared the same
 * way; at rest the frame is drawn for itself, not copied from the frame
 * layer drawn with the base layer (issue 20). */
static void
test_zoom_settles_from_a_thread (Fixture *f, gconstpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  StraitsViewport vp;
  g_autofree guint32 *shown = NULL, *drawn = NULL;
  gboolean prepared = FALSE;

  straits_map_view_zoom (f->view, 1.5, WIDTH / 3.0, HEIGHT / 3.0);
  vp = straits_map_view_get_viewport (f->view);
  g_assert_false (straits_map_renderer_is_prepared (straits_map_view_get_renderer (f->view), WIDTH, HEIGHT, 1, &vp));
  while (!straits_map_renderer_is_prepared (straits_map_view_get_renderer (f->view), WIDTH, HEIGHT, 1, &vp) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (straits_map_renderer_is_prepared (straits_map_view_get_renderer (f->view), WIDTH, HEIGHT, 1, &vp));
  shown = widget_pixels (f);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (straits_map_view_get_renderer (f->view)), ==, 0);
  straits_map_renderer_prepare_async (f->renderer, WIDTH, HEIGHT, 1, &vp, NULL, on_prepared, &prepared);
  while (!prepared)
    g_main_context_iteration (NULL, TRUE);
  straits_map_renderer_draw_next_exactly (f->renderer);
  drawn = renderer_pixels (f);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
}

/* Whether the view shows the sharp map: at rest, its cache drawn for
 * the viewport, nothing drawn ahead. */
static gboolean
settled (Fixture *f)
{
  return !f->view->interacting && f->view->preparing == NULL && f->view->cache != NULL &&
         straits_viewport_equal (&f->view->cache_viewport, &f->view->viewport);
}

static void
wait_until_settled (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!settled (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (settled (f));
}

/* Runs the main loop until the interaction rests (the settle timeout). */
static void
wait_for_rest (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (f->view->interacting && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (f->view->interacting);
}

/* Back at a zoom level seen before, whose base layer is kept, the frame
 * at rest is drawn in a thread too, not on the main thread: the view
 * shows the scaled image until it is ready, then the thread's frame,
 * which matches the renderer's own exact drawing, labels and legend
 * included (issue 20: the sharp frame after a zoom only copies). */
static void
test_rest_frame_from_a_thread (Fixture *f, gconstpointer data)
{
  StraitsMapRenderer *r = straits_map_view_get_renderer (f->view);
  g_autofree guint32 *shown = NULL, *drawn = NULL;
  StraitsViewport vp;
  GPtrArray *legend;
  guint n_labels;

  straits_map_scene_set_show_legend (straits_map_view_get_scene (f->view), TRUE);
  wait_until_settled (f);
  straits_map_view_zoom (f->view, 1.5, WIDTH / 3.0, HEIGHT / 3.0);
  wait_until_settled (f);
  straits_map_view_zoom (f->view, 1 / 1.5, WIDTH / 3.0, HEIGHT / 3.0);
  vp = straits_map_view_get_viewport (f->view);
  g_assert_true (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &vp));
  wait_for_rest (f);
  g_assert_nonnull (f->view->preparing);
  g_assert_false (straits_viewport_equal (&f->view->cache_viewport, &vp));
  wait_until_settled (f);
  shown = widget_pixels (f);
  n_labels = straits_map_renderer_get_n_labels (r);
  legend = g_ptr_array_copy (straits_map_renderer_get_legend_labels (r), (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (legend, g_free);
  straits_map_renderer_draw_next_exactly (f->renderer);
  drawn = renderer_pixels (f);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
  g_assert_cmpuint (n_labels, >, 3);
  g_assert_cmpuint (n_labels, ==, straits_map_renderer_get_n_labels (f->renderer));
  g_assert_cmpuint (legend->len, >, 0);
  g_assert_cmpuint (legend->len, ==, straits_map_renderer_get_legend_labels (f->renderer)->len);
  for (guint i = 0; i < legend->len; i++)
    g_assert_cmpstr (g_ptr_array_index (legend, i), ==,
                     g_ptr_array_index (straits_map_renderer_get_legend_labels (f->renderer), i));
  g_ptr_array_unref (legend);
}

static void
note_destroyed (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A drawing no longer current is kept until GTK has drawn a frame since:
 * GTK's last frame still holds a snapshot of it, which cairo would copy
 * whole if it were destroyed at once (issue 20: that copy, freed in the
 * next frame, made the frame showing the sharp map fault its memory in
 * again). */
static void
test_replaced_frame_outlives_gtks_frame (Fixture *f, gconstpointer data)
{
  static const cairo_user_data_key_t key;
  cairo_surface_t *first = f->view->cache;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean destroyed = FALSE;
  guint64 frames = straits_map_view_get_frame_count (f->view);

  g_assert_nonnull (first);
  cairo_surface_set_user_data (first, &key, &destroyed, note_destroyed);
  straits_map_view_queue_full_redraw (f->view);
  g_assert_null (f->view->cache);
  g_assert_false (destroyed);
  while (!destroyed && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (destroyed);
  g_assert_cmpuint (straits_map_view_get_frame_count (f->view), >, frames);
  g_assert_nonnull (f->view->cache);
}

/* A change of what the map shows while the frame at rest is drawn in a
 * thread: that frame is dropped, and the one shown has the change. */
static void
test_rest_frame_outdated (Fixture *f, gconstpointer data)
{
  StraitsMapScene *scene = straits_map_view_get_scene (f->view);
  guint32 turkey = straits_dataset_find_actor_by_iso3 (f->dataset, "TUR");
  g_autofree guint32 *shown = NULL, *drawn = NULL;

  straits_map_view_zoom (f->view, 1.5, WIDTH / 3.0, HEIGHT / 3.0);
  wait_for_rest (f);
  g_assert_nonnull (f->view->preparing);
  straits_map_scene_set_selection (scene, &turkey, 1, STRAITS_NO_INDEX);
  /* Until the thread would have finished, and the frame shown. */
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  wait_until_settled (f);
  shown = widget_pixels (f);
  straits_map_renderer_draw_next_exactly (f->renderer);
  drawn = renderer_pixels (f);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
}

/* A resize draws the new frame in a thread too: the cached image stands
 * in for it, refitted, until it is ready; then the frame is the
 * renderer's own drawing at the new size. (The window keeps the view at
 * the size it was given.) */
static void
test_resize_draws_in_a_thread (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree guint32 *shown = NULL, *drawn = NULL;

  gtk_widget_size_allocate (GTK_WIDGET (f->view), &(GtkAllocation) { 0, 0, WIDTH / 2, HEIGHT / 2 }, -1);
  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (f->view->preparing);
  g_assert_cmpint (f->view->cache_width, ==, WIDTH);
  wait_until_settled (f);
  g_assert_cmpint (f->view->cache_width, ==, WIDTH / 2);
  shown = widget_pixels_sized (f, WIDTH / 2, HEIGHT / 2);
  straits_map_renderer_draw_next_exactly (f->renderer);
  drawn = renderer_pixels_sized (f, WIDTH / 2, HEIGHT / 2);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH / 2 * HEIGHT / 2), ==, 0);
}

/* A scene shown again comes back with its drawing when it has not
 * changed meanwhile: the same cached image, shown at once, no frame
 * drawn (issue 20: switching views back and forth, the second switch is
 * a copy); changed meanwhile, it is drawn anew and shows the change. */
static void
test_scene_shown_again (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsMapRenderer) other = straits_test_renderer_for (f->atlas, f->dataset, "black-sea");
  StraitsMapScene *scene = straits_map_view_get_scene (f->view);
  StraitsMapRenderer *renderer = straits_map_view_get_renderer (f->view);
  cairo_surface_t *drawing;
  g_autofree guint32 *shown = NULL, *drawn = NULL;

  wait_until_settled (f);
  drawing = f->view->cache;
  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (other));
  wait_until_settled (f);
  g_assert_true (f->view->cache != drawing);
  straits_map_view_set_scene (f->view, scene);
  g_assert_true (straits_map_view_get_renderer (f->view) == renderer);
  g_assert_true (f->view->cache == drawing);
  shown = widget_pixels (f);
  g_assert_true (settled (f));
  g_assert_true (f->view->cache == drawing);

  /* Changed while another scene was shown. */
  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (other));
  wait_until_settled (f);
  g_assert_false (straits_map_scene_get_show_legend (scene));
  straits_map_scene_set_show_legend (scene, TRUE);
  straits_map_view_set_scene (f->view, scene);
  g_assert_null (f->view->cache);
  g_clear_pointer (&shown, g_free);
  shown = widget_pixels (f);
  straits_map_renderer_draw_next_exactly (f->renderer);
  drawn = renderer_pixels (f);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
  g_assert_cmpuint (straits_map_renderer_get_legend_labels (straits_map_view_get_renderer (f->view))->len, >, 0);
}

/* A scene drawn ahead, in a thread, before it is first shown: showing it
 * is a copy of that drawing, which is the scene's own renderer's exact
 * drawing of the fitted view (issue 20: the first switch to a view). */
static void
test_scene_drawn_ahead (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsMapRenderer) other = straits_test_renderer_for (f->atlas, f->dataset, "black-sea");
  StraitsMapScene *scene = straits_map_renderer_get_scene (other);
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autofree guint32 *shown = NULL, *drawn = NULL;

  /* Label sizes rounded as on screen, as the view's renderers do. */
  straits_map_renderer_set_text_step (other, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  wait_until_settled (f);
  straits_map_view_prepare_scene (f->view, scene);
  g_assert_true (_straits_map_view_is_drawing_ahead (f->view));
  while (_straits_map_view_is_drawing_ahead (f->view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_straits_map_view_is_drawing_ahead (f->view));
  straits_map_view_set_scene (f->view, scene);
  g_assert_nonnull (f->view->cache);
  shown = widget_pixels (f);
  g_assert_true (settled (f));
  straits_map_renderer_draw_next_exactly (other);
  drawn = drawing_pixels (f, other, WIDTH, HEIGHT);
  g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
}

/* A scene's first frame drawn in a thread, at the view's size, and
 * adopted with its renderer: given that scene, the view shows that frame
 * and draws nothing, and the frame is what the scene's own renderer draws
 * (issue 20: the first view of a start is drawn ahead of the window). At
 * another size, the view draws the frame anew with that renderer. */
typedef struct {
  StraitsMapScene *scene;
  int width, height;
  StraitsMapRenderer *renderer;
} Ahead;

static gpointer
draw_ahead_in_thread (gpointer data)
{
  Ahead *ahead = data;

  return straits_map_view_draw_ahead (ahead->scene, ahead->width, ahead->height, 1, &ahead->renderer);
}

static void
test_frame_drawn_ahead_shown_first (Fixture *f, gconstpointer data)
{
  for (guint size = 0; size < 2; size++)
    {
      g_autoptr(StraitsMapRenderer) other = straits_test_renderer_for (f->atlas, f->dataset, "black-sea");
      StraitsMapScene *scene = straits_map_renderer_get_scene (other);
      Ahead ahead = { scene, size == 0 ? WIDTH : WIDTH - 40, HEIGHT, NULL };
      cairo_surface_t *frame = g_thread_join (g_thread_new ("ahead", draw_ahead_in_thread, &ahead));
      g_autoptr(StraitsMapRenderer) renderer = ahead.renderer;
      g_autofree guint32 *shown = NULL, *drawn = NULL;
      guint64 frames;

      /* A view that has shown nothing yet, as a window's at its start. */
      gtk_window_set_child (GTK_WINDOW (f->window), NULL);
      f->view = STRAITS_MAP_VIEW (straits_map_view_new ());
      gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
      straits_map_renderer_set_text_step (other, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
      straits_map_view_adopt_drawing (f->view, renderer, frame);
      straits_map_view_set_scene (f->view, scene);
      g_assert_true (straits_map_view_get_renderer (f->view) == renderer);
      frames = straits_map_view_get_frame_count (f->view);
      while (straits_map_view_get_frame_count (f->view) == frames)
        g_main_context_iteration (NULL, TRUE);
      shown = widget_pixels (f);
      if (size == 0)
        /* Shown as drawn: the view's cache is that very frame. */
        g_assert_true (f->view->cache == frame);
      else
        g_assert_true (f->view->cache != frame);
      straits_map_renderer_draw_next_exactly (other);
      drawn = drawing_pixels (f, other, WIDTH, HEIGHT);
      g_assert_cmpuint (differing_pixels (shown, drawn, WIDTH * HEIGHT), ==, 0);
      cairo_surface_destroy (frame);
    }
}

/* A resize draws the scenes kept again, ahead, at the new size: a view
 * switched to after a window is maximized (or a presentation starts) is
 * still a copy. */
static void
test_kept_redrawn_at_new_size (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsMapRenderer) other = straits_test_renderer_for (f->atlas, f->dataset, "black-sea");
  StraitsMapScene *scene = straits_map_view_get_scene (f->view);
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (other));
  wait_until_settled (f);
  straits_map_view_set_scene (f->view, scene);
  wait_until_settled (f);
  gtk_widget_size_allocate (GTK_WIDGET (f->view), &(GtkAllocation) { 0, 0, WIDTH / 2, HEIGHT / 2 }, -1);
  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  wait_until_settled (f);
  g_assert_cmpint (f->view->cache_width, ==, WIDTH / 2);
  while (_straits_map_view_is_drawing_ahead (f->view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (other));
  g_assert_nonnull (f->view->cache);
  g_assert_cmpint (f->view->cache_width, ==, WIDTH / 2);
  g_assert_cmpint (f->view->cache_height, ==, HEIGHT / 2);
}

/* Sends the view's motion controller the pointer at (@x, @y). */
static void
move_pointer (Fixture *f, double x, double y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, y);
    }
}

/* The country under the pointer is highlighted over the cached frame:
 * its pixels change, the rest of the map does not, and the renderer does
 * not draw the frame again. */
static void
test_hover_keeps_the_frame (Fixture *f, gconstpointer data)
{
  StraitsProjection *p = straits_projected_map_get_projection (straits_map_renderer_get_map (f->renderer));
  StraitsViewport vp = straits_map_view_get_viewport (f->view);
  g_autofree guint32 *before = NULL, *after = NULL;
  g_autofree char *on = NULL;
  double mx, my, x, y;
  guint changed_far = 0;

  /* Inland Turkey, away from the arcs that meet at its anchor. */
  g_assert_true (straits_projection_forward (p, 31.0, 37.8, &mx, &my));
  straits_viewport_to_output (&vp, WIDTH, HEIGHT, mx, my, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, WIDTH);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, HEIGHT);
  /* A full frame again, which copies the cached base layer: no vertex. */
  straits_map_view_queue_full_redraw (f->view);
  before = widget_pixels (f);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (straits_map_view_get_renderer (f->view)), ==, 0);

  move_pointer (f, x, y);
  g_object_get (f->view, "hover-description", &on, NULL);
  g_assert_cmpstr (on, ==, "Turkey");
  after = widget_pixels (f);
  /* A draw of the renderer's own would have outlined Turkey: vertices. */
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (straits_map_view_get_renderer (f->view)), ==, 0);
  g_assert_cmpint (straits_test_channel_difference (before[(int) y * WIDTH + (int) x], after[(int) y * WIDTH + (int) x]), >, 2);
  for (int j = 0; j < 40; j++)
    for (int i = 0; i < 40; i++)
      changed_far += before[j * WIDTH + i] != after[j * WIDTH + i];
  g_assert_cmpuint (changed_far, ==, 0);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* When the pointer leaves the map, nothing is under it any more, and
 * those listening to the hover description hear so (the status bar once
 * kept the last country's name). */
static void
test_leave_clears_hover (Fixture *f, gconstpointer data)
{
  StraitsProjection *p = straits_projected_map_get_projection (straits_map_renderer_get_map (f->renderer));
  StraitsViewport vp = straits_map_view_get_viewport (f->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  g_autofree char *on = NULL, *off = NULL;
  guint notified = 0;
  double mx, my, x, y;

  g_assert_true (straits_projection_forward (p, 31.0, 37.8, &mx, &my));
  straits_viewport_to_output (&vp, WIDTH, HEIGHT, mx, my, &x, &y);
  move_pointer (f, x, y);
  g_object_get (f->view, "hover-description", &on, NULL);
  g_assert_cmpstr (on, ==, "Turkey");
  g_signal_connect (f->view, "notify::hover-description", G_CALLBACK (count_notify), &notified);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "leave");
    }
  g_object_get (f->view, "hover-description", &off, NULL);
  g_assert_null (off);
  g_assert_cmpuint (notified, >=, 1);
}

/* The selection is the scene's: one set on the scene by someone else (a
 * slide, a bookmark) is the view's, announced as its own; one the view
 * makes is in the scene; and it goes with the user to the next view. */
static void
test_selection_is_the_scenes (Fixture *f, gconstpointer data)
{
  StraitsMapScene *scene = straits_map_view_get_scene (f->view);
  guint32 greece = straits_dataset_find_actor (f->dataset, "GRC");
  guint32 turkey = straits_dataset_find_actor (f->dataset, "TUR");
  g_autoptr(StraitsMapRenderer) other = straits_test_renderer_for (f->atlas, f->dataset, "black-sea");
  guint notified = 0, n;
  guint32 selected;
  const guint32 *actors;

  g_signal_connect (f->view, "notify::selected-actor", G_CALLBACK (count_notify), &notified);
  straits_map_scene_set_selection (scene, &greece, 1, STRAITS_NO_INDEX);
  g_object_get (f->view, "selected-actor", &selected, NULL);
  g_assert_cmpuint (selected, ==, greece);
  g_assert_cmpuint (notified, ==, 1);

  straits_map_view_select_actor (f->view, turkey, TRUE);
  actors = straits_map_scene_get_selected_actors (scene, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (actors[1], ==, turkey);
  g_assert_cmpuint (notified, ==, 2);

  straits_map_view_set_scene (f->view, straits_map_renderer_get_scene (other));
  actors = straits_map_scene_get_selected_actors (straits_map_renderer_get_scene (other), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (actors[0], ==, greece);
}

/* A view nobody moved is fitted again when the widget changes size; a
 * moved one keeps its centre and scale. */
/* Draws the widget now, as a frame would. */
static void
draw_widget (Fixture *f)
{
  g_free (widget_pixels (f));
}

/* The legend folds to one line when the reader asks (a click on it, or
 * the setting), and is whole again in front of an audience (no hover). */
static void
test_legend_folds (Fixture *f, gconstpointer data)
{
  StraitsMapScene *scene = straits_map_view_get_scene (f->view);
  StraitsMapRenderer *shown = straits_map_view_get_renderer (f->view);
  GPtrArray *labels;

  straits_map_scene_set_show_legend (scene, TRUE);
  draw_widget (f);
  labels = straits_map_renderer_get_legend_labels (shown);
  g_assert_cmpuint (labels->len, >, 3);
  straits_map_view_set_legend_collapsed (f->view, TRUE);
  g_assert_true (straits_map_scene_get_legend_collapsed (scene));
  draw_widget (f);
  labels = straits_map_renderer_get_legend_labels (shown);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (labels, 0), "Legend: "));
  straits_map_view_set_show_hover (f->view, FALSE);
  g_assert_false (straits_map_scene_get_legend_collapsed (scene));
  g_assert_true (straits_map_view_get_legend_collapsed (f->view));
  straits_map_view_set_show_hover (f->view, TRUE);
  g_assert_true (straits_map_scene_get_legend_collapsed (scene));
}

static void
test_resize_refits (Fixture *f, gconstpointer data)
{
  StraitsViewport fitted = straits_map_view_get_viewport (f->view), now;
  StraitsViewport small = straits_map_renderer_fit (f->renderer, WIDTH / 2, HEIGHT / 2);

  g_assert_cmpfloat (small.resolution, >, fitted.resolution * 1.5);
  gtk_widget_size_allocate (GTK_WIDGET (f->view), &(GtkAllocation) { 0, 0, WIDTH / 2, HEIGHT / 2 }, -1);
  now = straits_map_view_get_viewport (f->view);
  g_assert_cmpfloat_with_epsilon (now.resolution, small.resolution, small.resolution * 1e-9);

  straits_map_view_pan (f->view, 10, 0);
  now = straits_map_view_get_viewport (f->view);
  gtk_widget_size_allocate (GTK_WIDGET (f->view), &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
  g_assert_cmpfloat (straits_map_view_get_viewport (f->view).resolution, ==, now.resolution);
  g_assert_cmpfloat (straits_map_view_get_viewport (f->view).cx, ==, now.cx);
}

int
main (int argc, char *argv[])
{
  /* What the application asks for where there is no GPU; set before GTK
   * reads it. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_assert_cmpstr (straits_choose_gsk_renderer (), ==, "cairo");
  /* Nothing here needs OpenGL; without it GDK does not load Mesa, whose
   * buffers left at unloading LeakSanitizer reports. */
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/map-view/frame-matches-renderer", Fixture, NULL, fixture_set_up,
              test_frame_matches_renderer, fixture_tear_down);
  g_test_add ("/map-view/pan-moves-the-cache", Fixture, NULL, fixture_set_up,
              test_pan_moves_the_cache, fixture_tear_down);
  g_test_add ("/map-view/zoom-scales-the-cache", Fixture, NULL, fixture_set_up,
              test_zoom_scales_the_cache, fixture_tear_down);
  g_test_add ("/map-view/strips-show-one-image", Fixture, NULL, fixture_set_up, test_strips_show_one_image,
              fixture_tear_down);
  g_test_add ("/map-view/zoom-settles-from-a-thread", Fixture, NULL, fixture_set_up,
              test_zoom_settles_from_a_thread, fixture_tear_down);
  g_test_add ("/map-view/rest-frame-from-a-thread", Fixture, NULL, fixture_set_up,
              test_rest_frame_from_a_thread, fixture_tear_down);
  g_test_add ("/map-view/replaced-frame-outlives-gtks-frame", Fixture, NULL, fixture_set_up,
              test_replaced_frame_outlives_gtks_frame, fixture_tear_down);
  g_test_add ("/map-view/rest-frame-outdated", Fixture, NULL, fixture_set_up,
              test_rest_frame_outdated, fixture_tear_down);
  g_test_add ("/map-view/resize-draws-in-a-thread", Fixture, NULL, fixture_set_up,
              test_resize_draws_in_a_thread, fixture_tear_down);
  g_test_add ("/map-view/scene-shown-again", Fixture, NULL, fixture_set_up,
              test_scene_shown_again, fixture_tear_down);
  g_test_add ("/map-view/scene-drawn-ahead", Fixture, NULL, fixture_set_up,
              test_scene_drawn_ahead, fixture_tear_down);
  g_test_add ("/map-view/frame-drawn-ahead-shown-first", Fixture, NULL, fixture_set_up,
              test_frame_drawn_ahead_shown_first, fixture_tear_down);
  g_test_add ("/map-view/kept-redrawn-at-new-size", Fixture, NULL, fixture_set_up,
              test_kept_redrawn_at_new_size, fixture_tear_down);
  g_test_add ("/map-view/hover-keeps-the-frame", Fixture, NULL, fixture_set_up,
              test_hover_keeps_the_frame, fixture_tear_down);
  g_test_add ("/map-view/selection-is-the-scenes", Fixture, NULL, fixture_set_up,
              test_selection_is_the_scenes, fixture_tear_down);
  g_test_add ("/map-view/legend-folds", Fixture, NULL, fixture_set_up, test_legend_folds, fixture_tear_down);
  g_test_add ("/map-view/leave-clears-hover", Fixture, NULL, fixture_set_up, test_leave_clears_hover,
              fixture_tear_down);
  g_test_add ("/map-view/resize-refits", Fixture, NULL, fixture_set_up,
              test_resize_refits, fixture_tear_down);
  return g_test_run ();
}
