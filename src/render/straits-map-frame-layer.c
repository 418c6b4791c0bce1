/* straits-map-frame-layer.c: the cached frame layer (issue 20)
 *
 * The base layer is cached with a margin (straits-map-base.c); when the
 * renderer is asked to (straits_map_renderer_set_cache_layers), the
 * highlights, territorial seas, relations, flows, labels and events are
 * drawn once over a copy of it, across the whole cached area, and kept
 * with that base layer (also while it is kept for a return to its zoom
 * level) until what they show changes (the scene's ::changed with
 * anything but the viewport). A frame that only pans, or returns to a
 * zoom level and place seen before, then copies that layer and draws the
 * legend, which stays in its corner: the results of the layer's drawing
 * (labels, sprites, event dots) are moved to the frame's units and kept
 * to those in the frame.
 *
 * The layer is one image, not the base and an overlay composited: an
 * overlay with alpha over 1920x1080 costs cairo more than the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "straits-map-renderer-private.h"

/* The layer and what its drawing placed, in its own units. */
struct _StraitsFrameLayer
{
  cairo_surface_t *surface;   /* RGB24, the base layer's size */
  guint generation;           /* the renderer's layers_generation then */
  GArray *labels;             /* StraitsPlacedLabel */
  GPtrArray *label_texts;
  GArray *sprites;            /* StraitsPaintedSprite */
  GArray *event_xy;
  GArray *drawn_types;
  guint n_relations, n_events, n_flows;
};

static void
clear_sprite (gpointer data)
{
  cairo_surface_destroy (((StraitsPaintedSprite *) data)->surface);
}

void
_straits_frame_layer_free (gpointer data)
{
  StraitsFrameLayer *layer = data;

  if (layer == NULL)
    return;
  cairo_surface_destroy (layer->surface);
  g_array_unref (layer->labels);
  g_ptr_array_unref (layer->label_texts);
  g_array_unref (layer->sprites);
  g_array_unref (layer->event_xy);
  g_array_unref (layer->drawn_types);
  g_free (layer);
}

gsize
_straits_frame_layer_bytes (StraitsFrameLayer *layer)
{
  return layer == NULL ? 0
         : (gsize) cairo_image_surface_get_stride (layer->surface) * cairo_image_surface_get_height (layer->surface);
}

/* Drops every frame layer, the kept base layers' too; those being drawn
 * in threads are outdated. */
void
_straits_map_drop_layers (StraitsMapRenderer *self)
{
  g_clear_pointer (&self->base.layer, _straits_frame_layer_free);
  for (GList *l = self->kept_bases.head; l != NULL; l = l->next)
    g_clear_pointer (&((StraitsBaseLayer *) l->data)->layer, _straits_frame_layer_free);
  self->layers_generation++;
}

void
straits_map_renderer_draw_next_exactly (StraitsMapRenderer *self)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->exact_next = TRUE;
}

void
straits_map_renderer_set_cache_layers (StraitsMapRenderer *self,
                                       gboolean            cache)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->layers_enabled = cache;
  _straits_map_drop_layers (self);
}

/* A layer keeping what the renderer's result arrays hold now. */
static StraitsFrameLayer *
keep_results (StraitsMapRenderer *self,
              cairo_surface_t    *surface)
{
  StraitsFrameLayer *layer = g_new0 (StraitsFrameLayer, 1);

  layer->surface = surface;
  layer->generation = self->layers_generation;
  layer->labels = g_array_copy (self->labels);
  layer->label_texts = g_ptr_array_copy (self->label_texts, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (layer->label_texts, g_free);
  layer->sprites = g_array_new (FALSE, FALSE, sizeof (StraitsPaintedSprite));
  g_array_set_clear_func (layer->sprites, clear_sprite);
  for (guint i = 0; i < self->sprites->len; i++)
    {
      StraitsPaintedSprite s = g_array_index (self->sprites, StraitsPaintedSprite, i);

      cairo_surface_reference (s.surface);
      g_array_append_val (layer->sprites, s);
    }
  layer->event_xy = g_array_copy (self->event_xy);
  layer->drawn_types = g_array_copy (self->drawn_types);
  layer->n_relations = self->n_drawn_relations;
  layer->n_events = self->n_drawn_events;
  layer->n_flows = self->n_drawn_flows;
  return layer;
}

/* Draws the current base layer's frame layer: a copy of it, and over it
 * what lies above the base in a frame the size of the cached area. */
void
_straits_map_draw_frame_layer (StraitsMapRenderer *self,
                               guint64            *vertices)
{
  StraitsBaseLayer *base = &self->base;
  double w = base->width + 2 * base->margin, h = base->height + 2 * base->margin;
  g_autoptr(StraitsLabelPlacer) placer = straits_label_placer_new (w, h, 2);
  StraitsMapFrame layer = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (base->surface),
                                        cairo_image_surface_get_height (base->surface));
  cairo_surface_set_device_scale (surface, base->scale, base->scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, base->surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  _straits_map_frame_init (&layer, self, cr, w, h, &base->viewport);
  layer.placer = placer;
  /* No legend in the layer: the frame draws it, in its own corner. */
  self->has_legend = FALSE;
  _straits_map_draw_highlights (self, &layer);
  _straits_map_draw_territorial_seas (self, &layer);
  g_array_set_size (self->edge_partners, 0);
  _straits_map_draw_relations (self, &layer);
  _straits_map_draw_changed_actors (self, &layer);
  _straits_map_draw_flows (self, &layer);
  g_array_set_size (self->event_xy, 0);
  if (!self->hide_labels)
    _straits_map_draw_labels (self, &layer);
  _straits_map_draw_events (self, &layer);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *vertices += layer.n_vertices;
  g_clear_pointer (&base->layer, _straits_frame_layer_free);
  base->layer = keep_results (self, surface);
}

/* Takes @from's current frame layer, drawn in a thread for the base layer
 * now current. */
void
_straits_map_adopt_frame_layer (StraitsMapRenderer *self,
                                StraitsMapRenderer *from)
{
  g_clear_pointer (&self->base.layer, _straits_frame_layer_free);
  self->base.layer = g_steal_pointer (&from->base.layer);
  if (self->base.layer != NULL)
    self->base.layer->generation = self->layers_generation;
}

/* The layer's results, moved by (@x, @y) into the frame's units: the
 * labels in the frame, the sprites and the event dots. */
static void
place_results (StraitsMapRenderer *self,
               StraitsFrameLayer  *layer,
               StraitsMapFrame    *frame,
               double              x,
               double              y)
{
  StraitsRect shown = { 0, 0, frame->width, frame->height };

  g_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->label_texts, 0);
  for (guint i = 0; i < layer->labels->len; i++)
    {
      StraitsPlacedLabel l = g_array_index (layer->labels, StraitsPlacedLabel, i);

      l.rect.x += x;
      l.rect.y += y;
      if (!straits_rects_intersect (&l.rect, &shown))
        continue;
      g_array_append_val (self->labels, l);
      g_ptr_array_add (self->label_texts, g_strdup (g_ptr_array_index (layer->label_texts, i)));
    }
  g_array_set_size (self->sprites, 0);
  for (guint i = 0; i < layer->sprites->len; i++)
    {
      const StraitsPaintedSprite *s = &g_array_index (layer->sprites, StraitsPaintedSprite, i);

      _straits_map_note_sprite (self, s->surface, s->x + x, s->y + y);
    }
  g_array_set_size (self->event_xy, 0);
  for (guint i = 0; i < layer->event_xy->len; i++)
    {
      double v = g_array_index (layer->event_xy, double, i) + (i % 2 ? y : x);

      g_array_append_val (self->event_xy, v);
    }
  g_array_set_size (self->drawn_types, 0);
  g_array_append_vals (self->drawn_types, layer->drawn_types->data, layer->drawn_types->len);
  self->n_drawn_relations = layer->n_relations;
  self->n_drawn_events = layer->n_events;
  self->n_drawn_flows = layer->n_flows;
}

/* Whether @frame is where the last frame was. */
static gboolean
still (StraitsMapRenderer *self,
       StraitsMapFrame    *frame)
{
  return straits_viewport_equal (&self->last_viewport, &frame->vp) &&
         self->last_width == frame->width && self->last_height == frame->height;
}

/* Copies the frame layer into @frame, drawing it first when it is not
 * cached or outdated; FALSE when the frame is not to use it: not asked
 * for, or a target the base layer is not cached for. Nor is it drawn in
 * a frame that draws the base layer (a new zoom level), nor in one that
 * shows a change where the last frame was (a click, the time bar): drawn
 * across the cached area it would cost them a third more than the rest
 * drawn directly over the base layer (bench-render), so they do that,
 * and the layer is drawn when the map next moves. */
gboolean
_straits_map_paint_cached_layers (StraitsMapRenderer *self,
                                  StraitsMapFrame    *frame)
{
  gboolean base_drawn = FALSE;
  double x, y;

  if (self->exact_next)
    {
      self->exact_next = FALSE;
      return FALSE;
    }
  if (!self->layers_enabled || !_straits_map_place_cached_base (self, frame, &x, &y, &base_drawn))
    return FALSE;
  if (self->base.layer == NULL || self->base.layer->generation != self->layers_generation)
    {
      if (base_drawn || still (self, frame))
        return FALSE;
      _straits_map_draw_frame_layer (self, &frame->n_vertices);
    }
  cairo_set_source_surface (frame->cr, self->base.layer->surface, x, y);
  cairo_pattern_set_filter (cairo_get_source (frame->cr), CAIRO_FILTER_NEAREST);
  cairo_paint (frame->cr);
  place_results (self, self->base.layer, frame, x, y);
  return TRUE;
}

static void
swap_arrays (GArray **a, GArray **b)
{
  GArray *t = *a;

  *a = *b;
  *b = t;
}

static void
swap_ptr_arrays (GPtrArray **a, GPtrArray **b)
{
  GPtrArray *t = *a;

  *a = *b;
  *b = t;
}

/* Takes what @from's last draw placed and counted as this renderer's own
 * (a frame drawn in a thread for it, straits-map-base.c); this renderer
 * drew no vertex. */
void
_straits_map_take_results (StraitsMapRenderer *self,
                           StraitsMapRenderer *from)
{
  swap_arrays (&self->labels, &from->labels);
  swap_ptr_arrays (&self->label_texts, &from->label_texts);
  swap_arrays (&self->drawn_groups, &from->drawn_groups);
  swap_arrays (&self->drawn_types, &from->drawn_types);
  swap_ptr_arrays (&self->legend_labels, &from->legend_labels);
  swap_arrays (&self->sprites, &from->sprites);
  swap_arrays (&self->event_xy, &from->event_xy);
  swap_arrays (&self->edge_partners, &from->edge_partners);
  swap_arrays (&self->curve_xy, &from->curve_xy);
  swap_arrays (&self->curve_ends, &from->curve_ends);
  self->drawn_hatched = from->drawn_hatched;
  self->n_drawn_relations = from->n_drawn_relations;
  self->n_drawn_undated = from->n_drawn_undated;
  self->drawn_one_way = from->drawn_one_way;
  self->drawn_adversarial = from->drawn_adversarial;
  self->n_drawn_events = from->n_drawn_events;
  self->n_drawn_flows = from->n_drawn_flows;
  self->n_drawn_new = from->n_drawn_new;
  self->n_drawn_changed = from->n_drawn_changed;
  self->has_legend = from->has_legend;
  self->legend_rect = from->legend_rect;
  memcpy (self->legend_key, from->legend_key, sizeof self->legend_key);
  self->legend_corner = from->legend_corner;
  self->legend_share = from->legend_share;
  self->legend_beside = from->legend_beside;
  self->last_viewport = from->last_viewport;
  self->last_width = from->last_width;
  self->last_height = from->last_height;
  self->last_vertices = 0;
}
