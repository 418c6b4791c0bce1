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

/* The device pixels per output unit of @cr, when it is a raster target
 * without rotation; 0 otherwise. */
double
_straits_map_raster_scale (cairo_t *cr)
{
  double ux = 1, uy = 0, vx = 0, vy = 1;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;
  straits_user_to_pixel_distance (cr, &ux, &uy);
  straits_user_to_pixel_distance (cr, &vx, &vy);
  if (fabs (uy) > 1e-9 || fabs (vx) > 1e-9 || fabs (ux - vy) > 1e-9)
    return 0;
  return ux;
}

/* A horizontal band of the base layer, drawn by its own thread into its
 * rows of the shared surface. */
typedef struct {
  StraitsMapRenderer *self;
  StraitsMapFrame frame;
  cairo_surface_t *rows;
} Band;

/* Bands below this many device rows are not worth a thread. */
#define MIN_BAND_ROWS 160

static gpointer
draw_band (gpointer data)
{
  Band *band = data;

  _straits_map_draw_base (band->self, &band->frame);
  cairo_destroy (band->frame.cr);
  cairo_surface_destroy (band->rows);
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

/* Draws the base layer into @surface in bands, one thread each, since
 * cairo's rasteriser uses one core. The bands are cut on whole device
 * rows, so the result is the same, pixel for pixel, as one pass. */
static guint64
draw_base_in_bands (StraitsMapRenderer    *self,
                    cairo_surface_t       *surface,
                    double                 width,
                    double                 height,
                    const StraitsViewport *vp)
{
  guint n = CLAMP (self->n_threads, 1, 8);
  Band bands[8];
  GThread *threads[8] = { NULL };
  guint64 vertices = 0;

  n = MIN (n, (guint) MAX (1, cairo_image_surface_get_height (surface) / MIN_BAND_ROWS));
  cairo_surface_flush (surface);
  for (guint b = 0; b < n; b++)
    band_init (&bands[b], self, surface, b, n, width, height, vp);
  /* Made before the threads start, which only read it. */
  _straits_map_prepare_hatch (self, &bands[0].frame);
  for (guint b = 1; b < n; b++)
    threads[b] = g_thread_new ("straits-band", draw_band, &bands[b]);
  draw_band (&bands[0]);
  for (guint b = 1; b < n; b++)
    g_thread_join (threads[b]);
  for (guint b = 0; b < n; b++)
    vertices += bands[b].frame.n_vertices;
  cairo_surface_mark_dirty (surface);
  return vertices;
}

/* The margin drawn around a frame of @width x @height: room to pan. */
static double
base_margin (double width, double height)
{
  return MIN (width, height) * 0.12;
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
  g_clear_pointer (&self->base.surface, cairo_surface_destroy);
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

/* A new base layer for a frame of @width x @height at @vp, with its
 * margin, at @scale device pixels per unit. */
static void
render_base (StraitsMapRenderer    *self,
             double                 width,
             double                 height,
             const StraitsViewport *vp,
             double                 scale,
             guint64               *vertices)
{
  double margin = base_margin (width, height);
  double w = width + 2 * margin, h = height + 2 * margin;

  keep_current_base (self);
  self->base.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
  cairo_surface_set_device_scale (self->base.surface, scale, scale);
  *vertices += draw_base_in_bands (self, self->base.surface, w, h, vp);
  self->base.viewport = *vp;
  self->base.width = width;
  self->base.height = height;
  self->base.scale = scale;
  self->base.margin = margin;
  trim_kept_bases (self);
}

/* Whether base layer @layer can be copied into a frame of @width x
 * @height at @vp and @scale: same size and zoom, moved less than its
 * margin. The zoom may differ by rounding (zoomed in and out again): by
 * a billionth, a 2000-pixel frame moves by two millionths of a pixel. */
static gboolean
layer_covers (const StraitsBaseLayer *layer,
              double                  width,
              double                  height,
              const StraitsViewport  *vp,
              double                  scale)
{
  double dx = (layer->viewport.cx - vp->cx) / vp->resolution;
  double dy = (vp->cy - layer->viewport.cy) / vp->resolution;

  return layer->surface != NULL && fabs (layer->viewport.resolution - vp->resolution) <= 1e-9 * vp->resolution &&
         layer->width == width && layer->height == height && layer->scale == scale &&
         fabs (dx) <= layer->margin && fabs (dy) <= layer->margin;
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
  double scale = _straits_map_raster_scale (frame->cr);

  if (!self->base_enabled || self->full_detail || scale <= 0)
    return FALSE;
  if (!base_covers (self, frame->width, frame->height, &frame->vp, scale) &&
      !take_kept_base (self, frame->width, frame->height, &frame->vp, scale))
    {
      render_base (self, frame->width, frame->height, &frame->vp, scale, &frame->n_vertices);
      if (drawn != NULL)
        *drawn = TRUE;
    }
  /* Whole device pixels: the copy stays sharp. */
  *x = round ((self->base.viewport.cx - frame->vp.cx) / frame->vp.resolution * scale) / scale - self->base.margin;
  *y = round ((frame->vp.cy - self->base.viewport.cy) / frame->vp.resolution * scale) / scale - self->base.margin;
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
    render_base (p->copy, p->width, p->height, &p->viewport, p->scale, &vertices);
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
