/* straits-map-base.c: the base layer (sea, land, coasts, borders,
 * disputed areas) of raster frames, drawn with a margin and cached, so
 * that frames which only move the map copy it; drawn in bands on all
 * processors, and in a thread ahead of time when a caller asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>

#include "straits-map-renderer-private.h"
#include "straits-pixels.h"

/* A horizontal band of the base layer, drawn by one thread into its rows
 * of the shared surface. */
typedef struct {
  StraitsMapRenderer *self;
  StraitsMapFrame frame;
  cairo_surface_t *rows;
} Band;

/* Bands below this many device rows are not worth a thread. */
#define MIN_BAND_ROWS 160
#define MAX_BANDS 16

/* A base layer drawn in bands: threads take the next band to draw until
 * none is left, the caller's thread too once it joins in. */
typedef struct {
  cairo_surface_t *surface;
  Band bands[MAX_BANDS];
  guint n_bands;
  gint next;                   /* the next band to take, atomically */
  GThread *threads[MAX_BANDS];
  guint n_threads;
} StraitsBaseDrawing;

static void
draw_band (Band *band)
{
  _straits_map_draw_base (band->self, &band->frame);
  cairo_destroy (band->frame.cr);
  cairo_surface_destroy (band->rows);
}

static void
draw_bands (StraitsBaseDrawing *drawing)
{
  gint b;

  while ((b = g_atomic_int_add (&drawing->next, 1)) < (gint) drawing->n_bands)
    draw_band (&drawing->bands[b]);
}

static gpointer
band_thread (gpointer data)
{
  draw_bands (data);
  return NULL;
}

/* Band @b of @n: a surface over its rows of @surface, and a frame whose
 * culling box is the band's (with the frame's usual margin). */
static void
band_init (Band                  *band,
           StraitsMapRenderer    *self,
           cairo_surface_t       *surface,
           guint                  b,
           guint                  n,
           double                 width,
           double                 height,
           const StraitsViewport *vp)
{
  int pw = cairo_image_surface_get_width (surface), ph = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int y0 = (int) ((gint64) ph * b / n), y1 = (int) ((gint64) ph * (b + 1) / n);
  double scale, top, margin = 8 * vp->resolution;
  cairo_t *cr;

  cairo_surface_get_device_scale (surface, &scale, NULL);
  band->self = self;
  band->rows = cairo_image_surface_create_for_data (cairo_image_surface_get_data (surface) + (gsize) y0 * stride,
                                                    CAIRO_FORMAT_RGB24, pw, y1 - y0, stride);
  cairo_surface_set_device_scale (band->rows, scale, scale);
  cr = cairo_create (band->rows);
  cairo_translate (cr, 0, -y0 / scale);
  _straits_map_frame_init (&band->frame, self, cr, width, height, vp);
  top = vp->cy + height / 2 * vp->resolution;
  band->frame.view.y1 = top - y0 / scale * vp->resolution + margin;
  band->frame.view.y0 = top - y1 / scale * vp->resolution - margin;
}

/* Starts drawing the base layer into @surface in @n_bands bands, by
 * @n_threads threads besides the caller's, since cairo's rasteriser uses
 * one core. The bands are cut on whole device rows, so the result is the
 * same, pixel for pixel, as one pass. */
static StraitsBaseDrawing *
start_bands (StraitsMapRenderer    *self,
             cairo_surface_t       *surface,
             double                 width,
             double                 height,
             const StraitsViewport *vp,
             guint                  n_bands,
             guint                  n_threads)
{
  StraitsBaseDrawing *drawing = g_new0 (StraitsBaseDrawing, 1);

  drawing->surface = surface;
  drawing->n_bands = CLAMP (n_bands, 1, (guint) MAX (1, cairo_image_surface_get_height (surface) / MIN_BAND_ROWS));
  drawing->n_bands = MIN (drawing->n_bands, MAX_BANDS);
  drawing->n_threads = MIN (n_threads, drawing->n_bands - 1);
  cairo_surface_flush (surface);
  for (guint b = 0; b < drawing->n_bands; b++)
    band_init (&drawing->bands[b], self, surface, b, drawing->n_bands, width, height, vp);
  /* Made before the threads start, which only read it. */
  _straits_map_prepare_hatch (self, &drawing->bands[0].frame);
  for (guint t = 0; t < drawing->n_threads; t++)
    drawing->threads[t] = g_thread_new ("straits-band", band_thread, drawing);
  return drawing;
}

/* Draws the bands no thread has taken, waits for the threads, and frees
 * @drawing; the vertices drawn. */
static guint64
finish_bands (StraitsBaseDrawing *drawing)
{
  guint64 vertices = 0;

  draw_bands (drawing);
  for (guint t = 0; t < drawing->n_threads; t++)
    g_thread_join (drawing->threads[t]);
  for (guint b = 0; b < drawing->n_bands; b++)
    vertices += drawing->bands[b].frame.n_vertices;
  cairo_surface_mark_dirty (drawing->surface);
  g_free (drawing);
  return vertices;
}

/* The margin drawn around a frame of @width x @height at @scale device
 * pixels per unit: room to pan. Whole pixels: the base layer's pixels
 * fall on the frame's, and its copy stays sharp. */
static double
base_margin (double width, double height, double scale)
{
  return round (MIN (width, height) * 0.12 * scale) / scale;
}

/* Kept base layers ---------------------------------------------------------- */

/* With the frame layer drawn over it. */
static gsize
layer_bytes (const StraitsBaseLayer *layer)
{
  return (layer->surface == NULL ? 0
          : (gsize) cairo_image_surface_get_stride (layer->surface) * cairo_image_surface_get_height (layer->surface)) +
         _straits_frame_layer_bytes (layer->layer);
}

static void
base_layer_free (gpointer data)
{
  StraitsBaseLayer *layer = data;

  cairo_surface_destroy (layer->surface);
  _straits_frame_layer_free (layer->layer);
  g_free (layer);
}

/* The bytes the base layers take, the current one and those kept. */
gsize
_straits_map_base_cache_bytes (StraitsMapRenderer *self)
{
  gsize total = layer_bytes (&self->base);

  for (GList *l = self->kept_bases.head; l != NULL; l = l->next)
    total += layer_bytes (l->data);
  return total;
}

/* Keeps @surface, a base layer's that no one else holds, as the next
 * base layer's of its size, if none is kept: a new one is faulted in
 * page by page as it is first drawn, 2 ms of processor time at
 * 1920x1080. Else destroys it. */
static void
spare_surface (StraitsMapRenderer *self,
               cairo_surface_t    *surface)
{
  if (surface != NULL && self->spare_base == NULL && cairo_surface_get_reference_count (surface) == 1)
    self->spare_base = surface;
  else
    cairo_surface_destroy (surface);
}

/* A surface for a base layer of @width x @height device pixels: the spare
 * one when it has that size. What it shows is drawn over: a base layer
 * starts with a paint of the sea. */
static cairo_surface_t *
base_surface (StraitsMapRenderer *self,
              int                 width,
              int                 height)
{
  cairo_surface_t *surface = g_steal_pointer (&self->spare_base);

  if (surface != NULL && cairo_image_surface_get_width (surface) == width &&
      cairo_image_surface_get_height (surface) == height)
    return surface;
  g_clear_pointer (&surface, cairo_surface_destroy);
  return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
}

/* Drops the kept base layers, least recently used first, until they and
 * the current one fit in the limit. */
static void
trim_kept_bases (StraitsMapRenderer *self)
{
  gsize total = _straits_map_base_cache_bytes (self);

  /* The kept frame layers go first: a base layer saves more drawing. */
  for (GList *l = self->kept_bases.tail; l != NULL && total > self->cache_limit; l = l->prev)
    {
      StraitsBaseLayer *kept = l->data;

      total -= _straits_frame_layer_bytes (kept->layer);
      g_clear_pointer (&kept->layer, _straits_frame_layer_free);
    }
  while (total > self->cache_limit && !g_queue_is_empty (&self->kept_bases))
    {
      StraitsBaseLayer *oldest = g_queue_pop_tail (&self->kept_bases);

      total -= layer_bytes (oldest);
      spare_surface (self, g_steal_pointer (&oldest->surface));
      base_layer_free (oldest);
    }
}

/* The current base layer goes to the front of the kept ones, with its
 * frame layer. */
static void
keep_current_base (StraitsMapRenderer *self)
{
  if (self->base.surface != NULL)
    g_queue_push_head (&self->kept_bases, g_memdup2 (&self->base, sizeof self->base));
  else
    _straits_frame_layer_free (self->base.layer);
  self->base.surface = NULL;
  self->base.layer = NULL;
  trim_kept_bases (self);
}

/* The current base layer, and those kept. */
void
_straits_map_forget_bases (StraitsMapRenderer *self)
{
  spare_surface (self, g_steal_pointer (&self->base.surface));
  g_clear_pointer (&self->base.layer, _straits_frame_layer_free);
  g_queue_clear_full (&self->kept_bases, base_layer_free);
}

void
straits_map_renderer_set_cache_limit (StraitsMapRenderer *self,
                                      guint64             bytes)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->cache_limit = bytes;
  trim_kept_bases (self);
}

guint64
straits_map_renderer_get_cache_limit (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), 0);
  return self->cache_limit;
}

/* Starts a new base layer for a frame of @width x @height at @vp, with
 * @margin around it, at @scale device pixels per unit, drawn in @n_bands
 * bands by @n_threads threads besides the caller's (finish_base). */
static StraitsBaseDrawing *
start_base (StraitsMapRenderer    *self,
            double                 width,
            double                 height,
            const StraitsViewport *vp,
            double                 scale,
            double                 margin,
            guint                  n_bands,
            guint                  n_threads)
{
  double w = width + 2 * margin, h = height + 2 * margin;

  keep_current_base (self);
  self->base.surface = base_surface (self, (int) ceil (w * scale), (int) ceil (h * scale));
  cairo_surface_set_device_scale (self->base.surface, scale, scale);
  self->base.viewport = *vp;
  self->base.width = width;
  self->base.height = height;
  self->base.scale = scale;
  self->base.margin = margin;
  return start_bands (self, self->base.surface, w, h, vp, n_bands, n_threads);
}

static void
finish_base (StraitsMapRenderer *self,
             StraitsBaseDrawing *drawing,
             guint64            *vertices)
{
  *vertices += finish_bands (drawing);
  trim_kept_bases (self);
}

/* The threads that draw a base layer, the caller's among them. */
static guint
base_threads (StraitsMapRenderer *self)
{
  return CLAMP (self->n_threads, 1, 8);
}

/* A new base layer, drawn at once, in one band per thread. */
static void
render_base (StraitsMapRenderer    *self,
             double                 width,
             double                 height,
             const StraitsViewport *vp,
             double                 scale,
             double                 margin,
             guint64               *vertices)
{
  guint n = base_threads (self);

  finish_base (self, start_base (self, width, height, vp, scale, margin, n, n - 1), vertices);
}

/* Whether base layer @layer can be copied into a frame of @width x
 * @height at @vp and @scale: same size and zoom, moved less than its
 * margin. The zoom may differ by rounding (zoomed in and out again): by
 * a billionth, a 2000-pixel frame moves by two millionths of a pixel. */
static gboolean
layer_at_level (const StraitsBaseLayer *layer,
                double                  width,
                double                  height,
                const StraitsViewport  *vp,
                double                  scale)
{
  return layer->surface != NULL && fabs (layer->viewport.resolution - vp->resolution) <= 1e-9 * vp->resolution &&
         layer->width == width && layer->height == height && layer->scale == scale;
}

static gboolean
layer_covers (const StraitsBaseLayer *layer,
              double                  width,
              double                  height,
              const StraitsViewport  *vp,
              double                  scale)
{
  double dx = (layer->viewport.cx - vp->cx) / vp->resolution;
  double dy = (vp->cy - layer->viewport.cy) / vp->resolution;

  return layer_at_level (layer, width, height, vp, scale) && fabs (dx) <= layer->margin && fabs (dy) <= layer->margin;
}

/* The kept base layer that covers such a frame, or NULL. */
static GList *
find_kept_base (StraitsMapRenderer    *self,
                double                 width,
                double                 height,
                const StraitsViewport *vp,
                double                 scale)
{
  for (GList *l = self->kept_bases.head; l != NULL; l = l->next)
    if (layer_covers (l->data, width, height, vp, scale))
      return l;
  return NULL;
}

static gboolean
base_covers (StraitsMapRenderer    *self,
             double                 width,
             double                 height,
             const StraitsViewport *vp,
             double                 scale)
{
  return layer_covers (&self->base, width, height, vp, scale);
}

/* Makes the kept base layer that covers the frame current, if there is
 * one (the current one is kept in its place). */
static gboolean
take_kept_base (StraitsMapRenderer    *self,
                double                 width,
                double                 height,
                const StraitsViewport *vp,
                double                 scale)
{
  GList *link = find_kept_base (self, width, height, vp, scale);
  StraitsBaseLayer *found;

  if (link == NULL)
    return FALSE;
  found = link->data;
  g_queue_delete_link (&self->kept_bases, link);
  keep_current_base (self);
  self->base = *found;
  g_free (found);
  trim_kept_bases (self);
  return TRUE;
}

/* The margin of a base layer drawn for @frame. Someone waits for the
 * frame: the margin, room to pan, is drawn only once the map has moved at
 * this zoom level (and by threads drawing ahead, which nobody waits for).
 * A first frame at a new level, a view's or an export's, draws what it
 * shows (at 1920x1080 the margin costs a new level 2 ms of its 18), and
 * two pixels around it: cairo rounds an antialiased edge it clips at a
 * surface's side otherwise, by up to 16 levels. */
static double
frame_margin (StraitsMapRenderer *self,
              StraitsMapFrame    *frame,
              double              scale)
{
  return layer_at_level (&self->base, frame->width, frame->height, &frame->vp, scale)
         ? base_margin (frame->width, frame->height, scale) : 2 / scale;
}

/* Where the cached base layer goes in @frame: its top-left corner, in
 * output units, rendering the cache first when it does not cover the
 * frame (then @drawn, if not NULL, is set); FALSE when the frame is not
 * to use it. */
gboolean
_straits_map_place_cached_base (StraitsMapRenderer *self,
                                StraitsMapFrame    *frame,
                                double             *x,
                                double             *y,
                                gboolean           *drawn)
{
  double scale = straits_raster_scale (frame->cr);

  if (!self->base_enabled || self->full_detail || scale <= 0)
    return FALSE;
  if (!base_covers (self, frame->width, frame->height, &frame->vp, scale) &&
      !take_kept_base (self, frame->width, frame->height, &frame->vp, scale))
    {
      render_base (self, frame->width, frame->height, &frame->vp, scale, frame_margin (self, frame, scale),
                   &frame->n_vertices);
      if (drawn != NULL)
        *drawn = TRUE;
    }
  /* Whole device pixels: the copy stays sharp. */
  *x = round ((self->base.viewport.cx - frame->vp.cx) / frame->vp.resolution * scale) / scale - self->base.margin;
  *y = round ((frame->vp.cy - self->base.viewport.cy) / frame->vp.resolution * scale) / scale - self->base.margin;
  return TRUE;
}

/* Whether @cr's origin falls on a device pixel: a layer painted there
 * stays sharp. */
static gboolean
origin_on_pixel (cairo_t *cr)
{
  double x = 0, y = 0;

  straits_user_to_pixel (cr, &x, &y);
  return x == round (x) && y == round (y);
}

/* The layer above the base layer of a frame drawn beside it, cleared,
 * of @width x @height pixels at @device_scale: the renderer's, kept for
 * the next such frame (a new one would fault its pages in each time),
 * and cleared as it is composed into a frame (compose_frame). */
static cairo_surface_t *
clear_above_layer (StraitsMapRenderer *self,
                   int                 width,
                   int                 height,
                   double              device_scale)
{
  if (self->above == NULL || cairo_image_surface_get_width (self->above) != width ||
      cairo_image_surface_get_height (self->above) != height)
    {
      g_clear_pointer (&self->above, cairo_surface_destroy);
      self->above = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  else if (!self->above_clear)
    {
      cairo_surface_flush (self->above);
      memset (cairo_image_surface_get_data (self->above), 0,
              (gsize) cairo_image_surface_get_stride (self->above) * height);
      cairo_surface_mark_dirty (self->above);
    }
  cairo_surface_set_device_scale (self->above, device_scale, device_scale);
  self->above_clear = FALSE;
  return self->above;
}

/* A context on @frame's layer above, at its pixels as @frame's context
 * is: the same matrix but for the frame's place, the same device scale
 * (text is laid out for the matrix, Pango ignores the device scale). */
static cairo_t *
create_above (StraitsMapRenderer *self,
              StraitsMapFrame    *frame,
              double              scale)
{
  double device_scale;
  cairo_matrix_t matrix;
  cairo_t *cr;

  cairo_surface_get_device_scale (cairo_get_target (frame->cr), &device_scale, NULL);
  cr = cairo_create (clear_above_layer (self, (int) ceil (frame->width * scale), (int) ceil (frame->height * scale),
                                        device_scale));
  cairo_get_matrix (frame->cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  cairo_set_matrix (cr, &matrix);
  return cr;
}

/* Paints the layer above into @frame, pixel for pixel. */
static void
paint_above (StraitsMapRenderer *self,
             StraitsMapFrame    *frame)
{
  double x = 0, y = 0;

  cairo_user_to_device (frame->cr, &x, &y);
  cairo_save (frame->cr);
  cairo_identity_matrix (frame->cr);
  cairo_set_source_surface (frame->cr, self->above, x, y);
  cairo_pattern_set_filter (cairo_get_source (frame->cr), CAIRO_FILTER_NEAREST);
  cairo_paint (frame->cr);
  cairo_restore (frame->cr);
}

/* The base layer and the layer above, composed into a frame's pixels by
 * two threads, each its own rows: the copies are a tenth of the frame's
 * time at 1920x1080. */
typedef struct {
  guchar *data;               /* the target's */
  cairo_format_t format;
  int width, height, stride;  /* the target's */
  int x, y;                   /* the frame's first pixel in the target */
  int frame_width;
  int margin;                 /* the base layer's, in pixels */
  cairo_surface_t *base, *above;
  int r0, r1;                 /* the frame's rows this thread composes */
} Composition;

static cairo_surface_t *
view_of (cairo_surface_t *image)
{
  return cairo_image_surface_create_for_data (cairo_image_surface_get_data (image),
                                              cairo_image_surface_get_format (image),
                                              cairo_image_surface_get_width (image),
                                              cairo_image_surface_get_height (image),
                                              cairo_image_surface_get_stride (image));
}

/* Clears rows @r0 to @r1 of the layer above, for the next frame: they
 * were just read. */
static void
clear_rows (cairo_surface_t *above,
            int              r0,
            int              r1)
{
  int stride = cairo_image_surface_get_stride (above);

  r1 = MIN (r1, cairo_image_surface_get_height (above));
  if (r1 > r0)
    memset (cairo_image_surface_get_data (above) + (gsize) r0 * stride, 0, (gsize) (r1 - r0) * stride);
}

static gpointer
compose_rows (gpointer data)
{
  Composition *c = data;
  int r0 = MAX (c->r0, -c->y), r1 = MIN (c->r1, c->height - c->y);
  cairo_surface_t *rows, *base, *above;
  cairo_t *cr;

  if (r1 <= r0)
    {
      clear_rows (c->above, c->r0, c->r1);
      return NULL;
    }
  /* Surfaces of their own over shared pixels: no cairo object is shared
   * between the threads. */
  rows = cairo_image_surface_create_for_data (c->data + (gsize) (c->y + r0) * c->stride, c->format, c->width,
                                              r1 - r0, c->stride);
  base = view_of (c->base);
  above = view_of (c->above);
  cr = cairo_create (rows);
  cairo_rectangle (cr, c->x, 0, c->frame_width, r1 - r0);
  cairo_clip (cr);
  cairo_set_source_surface (cr, base, c->x - c->margin, -(r0 + c->margin));
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_source_surface (cr, above, c->x, -r0);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (above);
  cairo_surface_destroy (base);
  cairo_surface_destroy (rows);
  clear_rows (c->above, c->r0, c->r1);
  return NULL;
}

/* Whether @frame's context clips to the frame alone, and its target's
 * pixels can be written directly. */
static gboolean
target_composable (StraitsMapFrame *frame)
{
  cairo_surface_t *target = cairo_get_target (frame->cr);
  cairo_rectangle_list_t *clip = cairo_copy_clip_rectangle_list (frame->cr);
  gboolean whole = clip->status == CAIRO_STATUS_SUCCESS && clip->num_rectangles == 1 &&
                   fabs (clip->rectangles[0].x) < 1e-9 && fabs (clip->rectangles[0].y) < 1e-9 &&
                   fabs (clip->rectangles[0].width - frame->width) < 1e-9 &&
                   fabs (clip->rectangles[0].height - frame->height) < 1e-9;

  cairo_rectangle_list_destroy (clip);
  return whole && cairo_image_surface_get_data (target) != NULL &&
         (cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32 ||
          cairo_image_surface_get_format (target) == CAIRO_FORMAT_RGB24);
}

/* Composes the current base layer, just drawn for @frame, and the layer
 * above into the frame, as _straits_map_paint_cached_base() and
 * paint_above() do in turn, in two threads. */
static void
compose_frame (StraitsMapRenderer *self,
               StraitsMapFrame    *frame,
               double              scale)
{
  cairo_surface_t *target = cairo_get_target (frame->cr);
  double x = 0, y = 0;
  Composition c[2];
  GThread *thread;

  if (!target_composable (frame))
    {
      if (!_straits_map_paint_cached_base (self, frame))
        g_assert_not_reached ();
      paint_above (self, frame);
      self->above_clear = FALSE;
      return;
    }
  straits_user_to_pixel (frame->cr, &x, &y);
  cairo_surface_flush (target);
  cairo_surface_flush (self->above);
  c[0] = (Composition) {
    .data = cairo_image_surface_get_data (target), .format = cairo_image_surface_get_format (target),
    .width = cairo_image_surface_get_width (target), .height = cairo_image_surface_get_height (target),
    .stride = cairo_image_surface_get_stride (target), .x = (int) x, .y = (int) y,
    .frame_width = (int) ceil (frame->width * scale), .margin = (int) lround (self->base.margin * scale),
    .base = self->base.surface, .above = self->above, .r0 = 0, .r1 = (int) ceil (frame->height * scale) / 2,
  };
  c[1] = c[0];
  c[1].r0 = c[0].r1;
  c[1].r1 = (int) ceil (frame->height * scale);
  thread = g_thread_new ("straits-compose", compose_rows, &c[1]);
  compose_rows (&c[0]);
  g_thread_join (thread);
  cairo_surface_mark_dirty_rectangle (target, c[0].x, c[0].y, c[0].frame_width, c[1].r1);
  /* Cleared by the threads, for the next such frame. */
  cairo_surface_mark_dirty (self->above);
  self->above_clear = TRUE;
}

/* Everything drawn above is drawn with OVER, which composes: the frame
 * differs from one drawn in turn by rounding alone. */
gboolean
_straits_map_draw_beside_new_base (StraitsMapRenderer *self,
                                   StraitsMapFrame    *frame)
{
  double scale = straits_raster_scale (frame->cr);
  guint n = base_threads (self);
  StraitsBaseDrawing *base;
  StraitsMapFrame over = *frame;

  /* Not when a base layer is cached, or none is (full detail, the cache
   * off). */
  if (scale <= 0 || n < 2 || !origin_on_pixel (frame->cr) ||
      straits_map_renderer_is_prepared (self, frame->width, frame->height, scale, &frame->vp))
    return FALSE;
  /* Twice as many bands as threads: the caller's thread takes those left
   * when it has drawn the layer above. */
  base = start_base (self, frame->width, frame->height, &frame->vp, scale, frame_margin (self, frame, scale),
                     2 * n, n - 1);
  over.cr = create_above (self, frame, scale);
  _straits_map_draw_above_base (self, &over);
  cairo_destroy (over.cr);
  frame->n_vertices = over.n_vertices;
  finish_base (self, base, &frame->n_vertices);
  compose_frame (self, frame, scale);
  return TRUE;
}

/* Copies the base layer from the cache when the frame is the cached one
 * moved by less than its margin; renders the cache first when it is not. */
gboolean
_straits_map_paint_cached_base (StraitsMapRenderer *self,
                                StraitsMapFrame    *frame)
{
  double x, y;

  if (!_straits_map_place_cached_base (self, frame, &x, &y, NULL))
    return FALSE;
  cairo_set_source_surface (frame->cr, self->base.surface, x, y);
  cairo_pattern_set_filter (cairo_get_source (frame->cr), CAIRO_FILTER_NEAREST);
  cairo_paint (frame->cr);
  return TRUE;
}

gboolean
straits_map_renderer_is_prepared (StraitsMapRenderer    *self,
                                  double                 width,
                                  double                 height,
                                  double                 scale,
                                  const StraitsViewport *viewport)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), FALSE);
  return !self->base_enabled || self->full_detail || base_covers (self, width, height, viewport, scale) ||
         find_kept_base (self, width, height, viewport, scale) != NULL;
}

/* Ahead of time ------------------------------------------------------------ */

/* What a thread needs to draw a base layer, and the frame when asked: a
 * renderer of its own with what they depend on, so that the caller's may
 * change meanwhile. */
typedef struct {
  StraitsMapRenderer *copy;
  double width, height, scale;
  StraitsViewport viewport;
  guint generation, layers_generation;
  gboolean base_lent;       /* the copy was lent the caller's base layer */
  gboolean want_frame;
  cairo_surface_t *frame;   /* the frame drawn, when asked for */
} Preparation;

static void
preparation_free (Preparation *p)
{
  g_clear_object (&p->copy);
  g_clear_pointer (&p->frame, cairo_surface_destroy);
  g_free (p);
}

static StraitsMapRenderer *
copy_for_base (StraitsMapRenderer *self)
{
  /* A renderer of its own, on a copy of the scene: nothing the main
   * thread changes afterwards reaches the thread's drawing. */
  g_autoptr(StraitsMapScene) scene = straits_map_scene_copy (self->scene);
  StraitsMapRenderer *copy = straits_map_renderer_new_for_scene (scene);

  /* One processor fewer: the caller's thread goes on drawing frames. */
  straits_map_renderer_set_threads (copy, MAX (self->n_threads, 2) - 1);
  straits_map_renderer_set_cache_layers (copy, self->layers_enabled);
  straits_map_renderer_set_text_step (copy, self->text_step);
  /* The legend keeps the corner it had while the map only moves. */
  memcpy (copy->legend_key, self->legend_key, sizeof self->legend_key);
  copy->legend_corner = self->legend_corner;
  copy->legend_share = self->legend_share;
  return copy;
}

/* Lends @copy the caller's base layer that covers the frame, if any: base
 * layers are never drawn on once made, so both threads may read it. */
static gboolean
lend_base (StraitsMapRenderer *self,
           Preparation        *p)
{
  GList *kept = NULL;
  const StraitsBaseLayer *found;

  if (base_covers (self, p->width, p->height, &p->viewport, p->scale))
    found = &self->base;
  else if ((kept = find_kept_base (self, p->width, p->height, &p->viewport, p->scale)) != NULL)
    found = kept->data;
  else
    return FALSE;
  p->copy->base = *found;
  p->copy->base.surface = cairo_surface_reference (found->surface);
  p->copy->base.layer = NULL;
  return TRUE;
}

/* The frame at rest, drawn for itself as the map view's cache is. */
static cairo_surface_t *
draw_frame (Preparation *p)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (p->width * p->scale),
                                                         (int) ceil (p->height * p->scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, p->scale, p->scale);
  cr = cairo_create (surface);
  straits_map_renderer_draw_next_exactly (p->copy);
  straits_map_renderer_draw (p->copy, cr, p->width, p->height, &p->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Preparation *p = data;
  guint64 vertices = 0;

  if (!p->base_lent)
    render_base (p->copy, p->width, p->height, &p->viewport, p->scale, base_margin (p->width, p->height, p->scale),
                 &vertices);
  /* And the frame layer over it, so that a frame that shows the new base
   * layer moved only copies; not when the frame itself is asked for: it
   * would only keep the frame waiting (a map view moves that frame). */
  if (!p->base_lent && !p->want_frame && p->copy->layers_enabled)
    _straits_map_draw_frame_layer (p->copy, &vertices);
  if (p->want_frame && !g_cancellable_is_cancelled (cancellable))
    p->frame = draw_frame (p);
  g_task_return_boolean (task, TRUE);
}

static void
prepare (StraitsMapRenderer    *self,
         GTask                 *task,
         double                 width,
         double                 height,
         double                 scale,
         const StraitsViewport *viewport,
         gboolean               want_frame)
{
  Preparation *p = g_new0 (Preparation, 1);

  p->copy = copy_for_base (self);
  p->width = width;
  p->height = height;
  p->scale = scale;
  p->viewport = *viewport;
  p->generation = self->base_generation;
  p->layers_generation = self->layers_generation;
  p->want_frame = want_frame;
  p->base_lent = lend_base (self, p);
  g_task_set_task_data (task, p, (GDestroyNotify) preparation_free);
  g_task_run_in_thread (task, prepare_in_thread);
}

/* A task for the preparation; done at once when only the base layer is
 * asked for and it is cached. */
static void
start_preparing (StraitsMapRenderer    *self,
                 double                 width,
                 double                 height,
                 double                 scale,
                 const StraitsViewport *viewport,
                 gboolean               want_frame,
                 GCancellable          *cancellable,
                 GAsyncReadyCallback    callback,
                 gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, want_frame ? (gpointer) straits_map_renderer_prepare_frame_async
                                          : (gpointer) straits_map_renderer_prepare_async);
  if (self->map == NULL || (!want_frame && straits_map_renderer_is_prepared (self, width, height, scale, viewport)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  prepare (self, task, width, height, scale, viewport, want_frame);
}

void
straits_map_renderer_prepare_async (StraitsMapRenderer    *self,
                                    double                 width,
                                    double                 height,
                                    double                 scale,
                                    const StraitsViewport *viewport,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  start_preparing (self, width, height, scale, viewport, FALSE, cancellable, callback, user_data);
}

void
straits_map_renderer_prepare_frame_async (StraitsMapRenderer    *self,
                                          double                 width,
                                          double                 height,
                                          double                 scale,
                                          const StraitsViewport *viewport,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  start_preparing (self, width, height, scale, viewport, TRUE, cancellable, callback, user_data);
}

/* Takes the base layer (and its frame layer) the thread drew, if nothing
 * it depends on changed since it started; NULL (no error) if something
 * did, or the preparation when it finished. */
static Preparation *
adopt_prepared (StraitsMapRenderer  *self,
                GAsyncResult        *result,
                GError             **error)
{
  Preparation *p;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  p = g_task_get_task_data (G_TASK (result));
  if (p == NULL || p->generation != self->base_generation)
    return NULL;
  if (!p->base_lent)
    {
      gboolean layers_current = p->layers_generation == self->layers_generation;

      keep_current_base (self);
      self->base = p->copy->base;
      self->base.layer = NULL;
      p->copy->base.surface = NULL;
      trim_kept_bases (self);
      /* The frame layer too, unless the scene changed meanwhile. */
      if (layers_current)
        _straits_map_adopt_frame_layer (self, p->copy);
    }
  return p;
}

gboolean
straits_map_renderer_prepare_finish (StraitsMapRenderer  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  adopt_prepared (self, result, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

cairo_surface_t *
straits_map_renderer_prepare_frame_finish (StraitsMapRenderer  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  Preparation *p;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  p = adopt_prepared (self, result, error);
  if (p == NULL || p->frame == NULL || p->layers_generation != self->layers_generation)
    return NULL;
  /* As if this renderer had drawn it: what it placed, for hover, picking
   * and the legend's texts. It drew nothing itself. */
  _straits_map_take_results (self, p->copy);
  self->exact_next = FALSE;
  return g_steal_pointer (&p->frame);
}
