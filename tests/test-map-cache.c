/* test-map-cache.c: the renderer's cached layers (issue 20): the frame
 * layer copied while the map pans, drawn in the thread that prepares the
 * base layer, and the base layers kept for zoom levels seen before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "straits-atlas.h"
#include "straits-map-renderer.h"
#include "straits-map-renderer-private.h"
#include "straits-test-data.h"

#define WIDTH 800
#define HEIGHT 600

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static StraitsMapRenderer *
renderer_for (const char *view_id)
{
  return straits_test_renderer_for (atlas, dataset, view_id);
}

/* The largest difference of two RGB24 pixels in one channel. */
static int
pixel_difference (cairo_surface_t *a, int ax, int ay, cairo_surface_t *b, int bx, int by)
{
  const guint8 *p = cairo_image_surface_get_data (a) + ay * cairo_image_surface_get_stride (a) + ax * 4;
  const guint8 *q = cairo_image_surface_get_data (b) + by * cairo_image_surface_get_stride (b) + bx * 4;
  int d = 0;

  /* The fourth byte of RGB24 is unused, and undefined. */
  for (int c = 0; c < 3; c++)
    d = MAX (d, abs ((int) p[c] - (int) q[c]));
  return d;
}

static void
on_prepared (GObject *source, GAsyncResult *result, gpointer data)
{
  g_assert_true (straits_map_renderer_prepare_finish (STRAITS_MAP_RENDERER (source), result, NULL));
  *(gboolean *) data = TRUE;
}

/* Draws @r's base layer for @vp in a thread, and waits for it. */
static void
prepare (StraitsMapRenderer *r, const StraitsViewport *vp)
{
  gboolean done = FALSE;

  straits_map_renderer_prepare_async (r, WIDTH, HEIGHT, 1, vp, NULL, on_prepared, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The pixels of @frame that differ by more than 2 levels in a channel
 * from @whole's at (x + @ox, y + @oy). */
static guint
differing_from_crop (cairo_surface_t *frame, cairo_surface_t *whole, int ox, int oy)
{
  guint differing = 0;

  for (int y = 0; y < cairo_image_surface_get_height (frame); y++)
    for (int x = 0; x < cairo_image_surface_get_width (frame); x++)
      differing += pixel_difference (frame, x, y, whole, x + ox, y + oy) > 2;
  return differing;
}

/* Whether @whole's last drawing placed a label @text at @rect moved by
 * (@ox, @oy). */
static gboolean
has_label_at (StraitsMapRenderer *whole, const char *text, const StraitsRect *rect, int ox, int oy)
{
  for (guint j = 0; j < straits_map_renderer_get_n_labels (whole); j++)
    {
      const StraitsRect *w = straits_map_renderer_get_label_rect (whole, j);

      if (g_strcmp0 (straits_map_renderer_get_label_text (whole, j), text) == 0 &&
          fabs (w->x - ox - rect->x) < 1e-6 && fabs (w->y - oy - rect->y) < 1e-6)
        return TRUE;
    }
  return FALSE;
}

/* With the frame layer cached (issue 20), a frame that pans copies it:
 * it draws no vertex and is the frame layer's area drawn directly (the
 * frame and its margin, 72 pixels at 800x600), cropped where the frame
 * now is; its labels are those of that drawing in the frame. The layer
 * is drawn by the first frame that moves without drawing the base layer,
 * again after a change of the scene (the selection). */
static void
test_frame_layer_pans (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) direct = renderer_for ("eu-groupings");
  guint32 germany = straits_dataset_find_actor_by_iso3 (dataset, "DEU");
  StraitsRect shown = { 0, 0, WIDTH, HEIGHT };
  const int margin = 72, dx = 30, dy = -20;
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT), moved = vp;

  straits_map_renderer_set_cache_layers (r, TRUE);
  /* The direct drawing copies no base layer, cut on other pixels. */
  straits_map_renderer_set_cache_base (direct, FALSE);
  moved.cx += dx * vp.resolution;
  moved.cy += dy * vp.resolution;  /* map y grows up: the frame 20 pixels lower */
  /* The base layer with its margin, as the map view's threads draw it: a
   * frame drawn at once at a new zoom level draws none to pan in. */
  prepare (r, &vp);
  for (guint round = 0; round < 2; round++)
    {
      cairo_surface_t *first, *frame, *whole;

      if (round == 1)
        for (guint k = 0; k < 2; k++)
          straits_map_scene_set_selection (straits_map_renderer_get_scene (k ? direct : r), &germany, 1,
                                           STRAITS_NO_INDEX);
      first = straits_test_draw (r, WIDTH, HEIGHT, &vp);
      frame = straits_test_draw (r, WIDTH, HEIGHT, &moved);
      g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
      whole = straits_test_draw (direct, WIDTH + 2 * margin, HEIGHT + 2 * margin, &vp);
      /* After the selection changed, the first frame draws the frame
       * layer anew and copies it. */
      if (round == 1)
        g_assert_cmpuint (differing_from_crop (first, whole, margin, margin), ==, 0);
      g_assert_cmpuint (differing_from_crop (frame, whole, margin + dx, margin - dy), ==, 0);
      g_assert_cmpuint (straits_map_renderer_get_n_labels (r), >, 10);
      for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
        {
          const StraitsRect *rect = straits_map_renderer_get_label_rect (r, i);

          g_assert_true (straits_rects_intersect (rect, &shown));
          g_assert_true (has_label_at (direct, straits_map_renderer_get_label_text (r, i), rect,
                                       margin + dx, margin - dy));
        }
      cairo_surface_destroy (first);
      cairo_surface_destroy (frame);
      cairo_surface_destroy (whole);
    }
  /* A change where the last frame was is drawn directly, as without it
   * (over the same cached base layer). */
  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), NULL, 0, STRAITS_NO_INDEX);
  {
    g_autoptr(StraitsMapRenderer) plain = renderer_for ("eu-groupings");
    cairo_surface_t *frame = straits_test_draw (r, WIDTH, HEIGHT, &moved), *expected;

    cairo_surface_destroy (straits_test_draw (plain, WIDTH, HEIGHT, &vp));
    expected = straits_test_draw (plain, WIDTH, HEIGHT, &moved);
    g_assert_null (r->base.layer);
    g_assert_cmpuint (differing_from_crop (frame, expected, 0, 0), ==, 0);
    cairo_surface_destroy (frame);
    cairo_surface_destroy (expected);
  }
}

/* Where the map comes to rest, the frame is drawn for itself (labels
 * placed for it, not for the cached area) as an uncached renderer draws
 * it; the next pan copies the cached layer again. */
static void
test_at_rest_exact (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) direct = renderer_for ("eu-groupings");
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT), moved = vp, further = vp;
  cairo_surface_t *first, *panned, *rest, *expected, *again;

  straits_map_renderer_set_cache_layers (r, TRUE);
  moved.cx += 30 * vp.resolution;
  further.cx += 40 * vp.resolution;
  prepare (r, &vp);  /* the margin, as in test_frame_layer_pans */
  first = straits_test_draw (r, WIDTH, HEIGHT, &vp);
  panned = straits_test_draw (r, WIDTH, HEIGHT, &moved);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
  straits_map_renderer_draw_next_exactly (r);
  rest = straits_test_draw (r, WIDTH, HEIGHT, &moved);
  expected = straits_test_draw (direct, WIDTH, HEIGHT, &moved);
  g_assert_cmpuint (differing_from_crop (rest, expected, 0, 0), ==, 0);
  again = straits_test_draw (r, WIDTH, HEIGHT, &further);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
  cairo_surface_destroy (first);
  cairo_surface_destroy (panned);
  cairo_surface_destroy (rest);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (again);
}

/* With the frame layer cached, the thread that draws the base layer
 * draws the frame layer over it too: the frame that follows draws no
 * vertex, and looks as one drawn for the same scene. A layer drawn for a
 * scene that changed meanwhile (the selection) is dropped, the base
 * layer kept. */
static void
test_frame_layer_prepared (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) direct = renderer_for ("eu-groupings");
  guint32 germany = straits_dataset_find_actor_by_iso3 (dataset, "DEU");
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);

  for (guint k = 0; k < 2; k++)
    {
      straits_map_renderer_set_threads (k ? direct : r, 1);
      straits_map_renderer_set_cache_layers (k ? direct : r, TRUE);
    }
  for (guint round = 0; round < 2; round++)
    {
      gboolean done = FALSE;
      cairo_surface_t *shown, *expected;

      vp.resolution *= 0.9;
      straits_map_renderer_prepare_async (r, WIDTH, HEIGHT, 1, &vp, NULL, on_prepared, &done);
      if (round == 1)
        for (guint k = 0; k < 2; k++)
          straits_map_scene_set_selection (straits_map_renderer_get_scene (k ? direct : r), &germany, 1,
                                           STRAITS_NO_INDEX);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &vp));
      /* The layer came with the base layer, or not; labels count no vertices. */
      g_assert_true ((r->base.layer != NULL) == (round == 0));
      shown = straits_test_draw (r, WIDTH, HEIGHT, &vp);
      if (round == 0)
        g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
      prepare (direct, &vp);
      expected = straits_test_draw (direct, WIDTH, HEIGHT, &vp);
      g_assert_cmpuint (differing_from_crop (shown, expected, 0, 0), ==, 0);
      cairo_surface_destroy (shown);
      cairo_surface_destroy (expected);
    }
}

/* Base layers of earlier zoom levels are kept (issue 20): back at a zoom
 * level and place seen before, the frame copies its base layer, drawing
 * no vertex, and is the same as drawn then; so is its frame layer. They
 * are kept within the cache limit, and forgotten when the map changes. */
static void
test_kept_bases (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  StraitsViewport a = straits_map_renderer_fit (r, WIDTH, HEIGHT), b = a, back = a;
  cairo_surface_t *first, *again;
  StraitsFrameLayer *layer;
  gsize one;

  straits_map_renderer_set_threads (r, 1);
  g_assert_cmpuint (straits_map_renderer_get_cache_limit (r), ==, 64 << 20);
  b.resolution /= 1.25;
  back.resolution = b.resolution * 1.25;  /* zoomed in and out again */
  first = straits_test_draw (r, WIDTH, HEIGHT, &a);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), >, 1000);
  one = _straits_map_base_cache_bytes (r);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &b));
  g_assert_cmpuint (_straits_map_base_cache_bytes (r), >, one);
  g_assert_true (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &back));
  again = straits_test_draw (r, WIDTH, HEIGHT, &back);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
  g_assert_cmpuint (differing_from_crop (again, first, 0, 0), ==, 0);
  cairo_surface_destroy (again);

  /* A frame layer is kept with its base layer, until the scene changes. */
  straits_map_renderer_set_cache_layers (r, TRUE);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &b));
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &a));
  layer = r->base.layer;
  g_assert_nonnull (layer);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &b));
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &back));
  g_assert_true (r->base.layer == layer);
  straits_map_scene_set_hover (straits_map_renderer_get_scene (r), STRAITS_NO_INDEX, 0);
  g_assert_null (r->base.layer);
  straits_map_renderer_set_cache_layers (r, FALSE);

  /* The map changes: none is kept. */
  straits_map_scene_set_grouping (straits_map_renderer_get_scene (r), STRAITS_NO_INDEX);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &b));
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), >, 1000);
  g_assert_false (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &a));

  /* Room for one: the other zoom level is drawn again. */
  g_object_set (r, "cache-limit", (guint64) one, NULL);
  g_assert_cmpuint (_straits_map_base_cache_bytes (r), <=, one);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &a));
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &b));
  g_assert_cmpuint (_straits_map_base_cache_bytes (r), <=, one);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &a));
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), >, 1000);
  cairo_surface_destroy (first);
}

/* The label @text of @r's last drawing nearest to @near (a name may
 * stand twice: a city's and a region's): its index, or -1. */
static int
find_label (StraitsMapRenderer *r, const char *text, const StraitsRect *near)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint j = 0; j < straits_map_renderer_get_n_labels (r); j++)
    {
      const StraitsRect *l = straits_map_renderer_get_label_rect (r, j);
      double d = fabs (l->x - near->x) + fabs (l->y - near->y);

      if (g_strcmp0 (straits_map_renderer_get_label_text (r, j), text) == 0 && d < best)
        {
          best = d;
          found = (int) j;
        }
    }
  return found;
}

/* Whether (@x, @y) lies in one of @r's labels, grown by @grow pixels
 * (their halos, and sprites moved to whole pixels). */
static gboolean
in_label (StraitsMapRenderer *r, int x, int y, double grow)
{
  for (guint j = 0; j < straits_map_renderer_get_n_labels (r); j++)
    {
      const StraitsRect *l = straits_map_renderer_get_label_rect (r, j);

      if (x + 1 > l->x - grow && x < l->x + l->width + grow && y + 1 > l->y - grow && y < l->y + l->height + grow)
        return TRUE;
    }
  return FALSE;
}

/* Label sizes rounded on screen (the map view's text step, issue 20)
 * against exact sizes, at zoom levels around the fitted one: the same
 * labels, each within a pixel of its exact place and size (a name's
 * size moves by an eighth of a unit at most); the pixels away from the
 * labels and their halos the same; and within them, the glyphs' edges
 * alone differ: at most a tenth of the labels' pixels by more than 2
 * levels. A step of 2 units (sizes a unit off) fails all but the last. */
static void
test_text_step_close (void)
{
  g_autoptr(StraitsMapRenderer) exact = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) stepped = renderer_for ("eu-groupings");
  StraitsViewport fit = straits_map_renderer_fit (exact, WIDTH, HEIGHT);

  straits_map_renderer_set_text_step (stepped, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  for (guint k = 0; k < 6; k++)
    {
      StraitsViewport vp = fit;
      cairo_surface_t *a, *b;
      guint outside = 0, inside = 0, inside_differing = 0;
      double worst = 0;

      vp.resolution = fit.resolution * pow (1.07, (double) k - 2.5);
      a = straits_test_draw (exact, WIDTH, HEIGHT, &vp);
      b = straits_test_draw (stepped, WIDTH, HEIGHT, &vp);
      g_assert_cmpuint (straits_map_renderer_get_n_labels (stepped), ==, straits_map_renderer_get_n_labels (exact));
      for (guint j = 0; j < straits_map_renderer_get_n_labels (stepped); j++)
        {
          const StraitsRect *s = straits_map_renderer_get_label_rect (stepped, j), *e;
          int i = find_label (exact, straits_map_renderer_get_label_text (stepped, j), s);

          g_assert_cmpint (i, >=, 0);
          e = straits_map_renderer_get_label_rect (exact, i);
          worst = MAX (worst, MAX (MAX (fabs (s->x - e->x), fabs (s->y - e->y)),
                                   MAX (fabs (s->width - e->width), fabs (s->height - e->height))));
        }
      for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
          {
            gboolean differs = pixel_difference (a, x, y, b, x, y) > 2;

            if (!in_label (exact, x, y, 5) && !in_label (stepped, x, y, 5))
              outside += differs;
            else
              {
                inside++;
                inside_differing += differs;
              }
          }
      g_test_message ("zoom %u: %u labels, placed %.2f px apart at most; pixels differing: %u of %u in labels, "
                      "%u outside", k, straits_map_renderer_get_n_labels (stepped), worst, inside_differing, inside,
                      outside);
      g_assert_cmpfloat (worst, <=, 1);
      g_assert_cmpuint (outside, ==, 0);
      g_assert_cmpuint (inside_differing, <=, inside / 10);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* The font sizes of @r's cached layouts; each a multiple of @step when
 * @step > 0. */
static guint
count_sizes (StraitsMapRenderer *r, double step)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) keys = g_hash_table_get_keys (r->layouts);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_auto(GStrv) fields = g_strsplit (l->data, "|", 2);
      double size = g_ascii_strtod (fields[0], NULL);

      if (step > 0)
        g_assert_cmpfloat (fabs (size / step - round (size / step)), <, 1e-6);
      g_hash_table_add (sizes, (gpointer) g_intern_string (fields[0]));
    }
  return g_hash_table_size (sizes);
}

/* The serial of each kept layout's context, by the layout's key. */
static GHashTable *
layout_serials (StraitsMapRenderer *r)
{
  GHashTable *serials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, layout;

  g_hash_table_iter_init (&iter, r->layouts);
  while (g_hash_table_iter_next (&iter, &key, &layout))
    g_hash_table_insert (serials, g_strdup (key),
                         GUINT_TO_POINTER (pango_context_get_serial (pango_layout_get_context (layout))));
  return serials;
}

/* A layout kept from one frame is not shaped again at the next zoom
 * level: its context is not marked changed when the frame's text state
 * (matrix, font options) is the one it had. pango_cairo_update_context()
 * marks it changed at every call (straits-map-labels.c). */
static void
test_layouts_kept_shaped (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  StraitsViewport fit = straits_map_renderer_fit (r, WIDTH, HEIGHT), vp = fit;
  g_autoptr(GHashTable) before = NULL, after = NULL;
  GHashTableIter iter;
  gpointer key, serial;
  guint reused = 0;

  straits_map_renderer_set_text_step (r, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
  before = layout_serials (r);
  vp.resolution = fit.resolution * 1.01;
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
  after = layout_serials (r);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &serial))
    if (g_hash_table_contains (after, key))
      {
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (after, key)), ==, GPOINTER_TO_UINT (serial));
        reused++;
      }
  g_test_message ("%u layouts kept from one zoom level to the next", reused);
  g_assert_cmpuint (reused, >, 20);
}

/* With a text step, zoom levels one after the other ask for the few
 * font sizes that are multiples of the step, and the layouts (and their
 * sprites) drawn at one level serve the next: a frame at a level is what
 * a renderer that drew no other draws, pixel for pixel. Exact sizes ask
 * for new ones at every level. */
static void
test_text_step_cached (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) exact = renderer_for ("eu-groupings");
  StraitsViewport fit = straits_map_renderer_fit (r, WIDTH, HEIGHT), vp = fit;
  guint sizes, exact_sizes;

  straits_map_renderer_set_text_step (r, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  for (guint k = 0; k < 12; k++)
    {
      vp.resolution = fit.resolution * (1 + 0.01 * k);
      cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
      cairo_surface_destroy (straits_test_draw (exact, WIDTH, HEIGHT, &vp));
    }
  sizes = count_sizes (r, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  exact_sizes = count_sizes (exact, 0);
  g_test_message ("font sizes after 12 zoom levels: %u with the step, %u exact", sizes, exact_sizes);
  /* Names run from 0.68 to 1.35 times 9 units: 25 quarters, and a few
   * fixed sizes; exact sizes, new ones at each level (19 and 56 when
   * written). */
  g_assert_cmpuint (sizes, <=, 30);
  g_assert_cmpuint (exact_sizes, >, 2 * sizes);
  /* Then as the map view draws: the frame layer drawn in the thread
   * that prepares the base layer, with the step too. */
  vp.resolution = fit.resolution * 0.93;
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(StraitsMapRenderer) fresh = renderer_for ("eu-groupings");
      cairo_surface_t *shown, *expected;

      for (guint i = 0; i < 2; i++)
        {
          straits_map_renderer_set_threads (i ? fresh : r, 1);
          straits_map_renderer_set_cache_layers (i ? fresh : r, k == 0);
        }
      straits_map_renderer_set_text_step (fresh, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
      if (k == 0)
        prepare (r, &vp);
      shown = straits_test_draw (r, WIDTH, HEIGHT, k ? &fit : &vp);
      if (k == 0)
        {
          g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
          prepare (fresh, &vp);
        }
      expected = straits_test_draw (fresh, WIDTH, HEIGHT, k ? &fit : &vp);
      g_assert_cmpuint (differing_from_crop (shown, expected, 0, 0), ==, 0);
      cairo_surface_destroy (expected);
      /* Not as exact sizes are drawn there: the thread had the step. */
      if (k == 0)
        {
          g_autoptr(StraitsMapRenderer) unstepped = renderer_for ("eu-groupings");

          straits_map_renderer_set_threads (unstepped, 1);
          straits_map_renderer_set_cache_layers (unstepped, TRUE);
          prepare (unstepped, &vp);
          expected = straits_test_draw (unstepped, WIDTH, HEIGHT, &vp);
          g_assert_cmpuint (differing_from_crop (shown, expected, 0, 0), >, 0);
          cairo_surface_destroy (expected);
        }
      cairo_surface_destroy (shown);
    }
  /* On a screen of two device pixels a unit (drawn as for print, glyphs
   * unhinted) as well: the step is the view's, which draws no export. */
  {
    cairo_surface_t *hidpi = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * WIDTH, 2 * HEIGHT);
    cairo_t *cr = cairo_create (hidpi);
    guint before = g_hash_table_size (r->layouts);

    cairo_scale (cr, 2, 2);
    straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &fit);
    cairo_destroy (cr);
    cairo_surface_destroy (hidpi);
    g_assert_cmpuint (g_hash_table_size (r->layouts), >, before);
    count_sizes (r, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  }
}

/* A frame drawn on a surface of two device pixels a unit (a HiDPI
 * screen's, as the map view's cache is made) is the frame drawn at twice
 * the scale: cairo_user_to_device_distance() leaves the device scale
 * out, and base layers, hatching, label sprites and city dots were drawn
 * at one pixel a unit and enlarged. In one band and in several. */
static void
test_device_scale (void)
{
  for (guint threads = 1; threads <= 2; threads++)
    {
      g_autoptr(StraitsMapRenderer) scaled = renderer_for ("black-sea");
      g_autoptr(StraitsMapRenderer) device = renderer_for ("black-sea");
      StraitsViewport vp = straits_map_renderer_fit (scaled, WIDTH, HEIGHT);
      cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * WIDTH, 2 * HEIGHT);
      cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * WIDTH, 2 * HEIGHT);
      cairo_t *cr;

      straits_map_renderer_set_threads (scaled, threads);
      straits_map_renderer_set_threads (device, threads);
      cr = cairo_create (a);
      cairo_scale (cr, 2, 2);
      straits_map_renderer_draw (scaled, cr, WIDTH, HEIGHT, &vp);
      cairo_destroy (cr);
      cairo_surface_set_device_scale (b, 2, 2);
      cr = cairo_create (b);
      straits_map_renderer_draw (device, cr, WIDTH, HEIGHT, &vp);
      cairo_destroy (cr);
      cairo_surface_flush (a);
      cairo_surface_flush (b);
      cairo_surface_set_device_scale (b, 1, 1);
      /* But for the event dots' edges: cairo_arc() picks its segments by
       * the matrix, which leaves the device scale out (310 pixels here;
       * before the base layer and sprites were drawn at the pixels'
       * scale, 53,005 in the frame's top left quarter alone). */
      g_assert_cmpuint (differing_from_crop (b, a, 0, 0), <, 4 * WIDTH * HEIGHT / 2000);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* A first frame at a zoom level draws its base layer with two pixels'
 * margin (no one waits for the margin to pan in), the first pan at that
 * level draws the margin, in whole pixels; a base layer dropped leaves
 * its surface for the next of its size. Drawn beside the base layer,
 * what lies above it is what a frame drawn in one thread shows, within
 * 2 levels. */
static void
test_first_frame_margin (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) one = renderer_for ("eu-groupings");
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT), moved = vp;
  cairo_surface_t *frame, *expected, *surface;

  straits_map_renderer_set_threads (r, 2);
  straits_map_renderer_set_threads (one, 1);
  frame = straits_test_draw (r, WIDTH, HEIGHT, &vp);
  g_assert_cmpfloat (r->base.margin, ==, 2);
  g_assert_nonnull (r->above);
  expected = straits_test_draw (one, WIDTH, HEIGHT, &vp);
  g_assert_null (one->above);
  g_assert_cmpuint (differing_from_crop (frame, expected, 0, 0), ==, 0);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (expected);

  surface = r->base.surface;
  straits_map_renderer_invalidate (r);
  g_assert_true (r->spare_base == surface);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
  g_assert_true (r->base.surface == surface);
  g_assert_null (r->spare_base);

  moved.cx += 3 * vp.resolution;
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &moved));
  g_assert_cmpfloat (r->base.margin, ==, 72);

  /* In whole pixels, at any size: 0.12 of 611 would put the base layer's
   * pixels a third of a pixel off the frame's. */
  vp = straits_map_renderer_fit (r, 801, 611);
  cairo_surface_destroy (straits_test_draw (r, 801, 611, &vp));
  vp.cx += 3 * vp.resolution;
  cairo_surface_destroy (straits_test_draw (r, 801, 611, &vp));
  g_assert_cmpfloat (r->base.margin, ==, 73);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();
  g_test_add_func ("/map-cache/frame-layer-pans", test_frame_layer_pans);
  g_test_add_func ("/map-cache/at-rest-exact", test_at_rest_exact);
  g_test_add_func ("/map-cache/frame-layer-prepared", test_frame_layer_prepared);
  g_test_add_func ("/map-cache/kept-bases", test_kept_bases);
  g_test_add_func ("/map-cache/text-step-close", test_text_step_close);
  g_test_add_func ("/map-cache/text-step-cached", test_text_step_cached);
  g_test_add_func ("/map-cache/layouts-kept-shaped", test_layouts_kept_shaped);
  g_test_add_func ("/map-cache/device-scale", test_device_scale);
  g_test_add_func ("/map-cache/first-frame-margin", test_first_frame_margin);
  status = g_test_run ();
  g_object_unref (dataset);
  straits_atlas_free (atlas);
  return status;
}
