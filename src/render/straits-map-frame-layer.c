/* straits-map-frame-layer.c: the cached frame layer (issue 20)
 *
 * The base layer is cached with a margin (straits-map-base.c); when the
 * renderer is asked to (straits_map_renderer_set_cache_layers), the
 * highlights, territorial seas, relations, flows, labels and events are
 * drawn once over a copy of it, across the whole cached area, and kept
 * until what they show changes (the scene's ::changed with anything but
 * the viewport, or a new base layer). A frame that only pans then copies
 * that layer and draws the legend, which stays in its corner: the
 * results of the layer's drawing (labels, sprites, event dots) are moved
 * to the frame's units and kept to those in the frame.
 *
 * The layer is one image, not the base and an overlay composited: an
 * overlay with alpha over 1920x1080 costs cairo more than the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-map-renderer-private.h"

static void
clear_sprite (gpointer data)
{
  cairo_surface_destroy (((StraitsPaintedSprite *) data)->surface);
}

void
_straits_map_layers_init (StraitsMapRenderer *self)
{
  self->layer_labels = g_array_new (FALSE, FALSE, sizeof (StraitsPlacedLabel));
  self->layer_label_texts = g_ptr_array_new_with_free_func (g_free);
  self->layer_sprites = g_array_new (FALSE, FALSE, sizeof (StraitsPaintedSprite));
  g_array_set_clear_func (self->layer_sprites, clear_sprite);
  self->layer_event_xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->layer_drawn_types = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
_straits_map_layers_free (StraitsMapRenderer *self)
{
  _straits_map_drop_layers (self);
  g_clear_pointer (&self->layer_labels, g_array_unref);
  g_clear_pointer (&self->layer_label_texts, g_ptr_array_unref);
  g_clear_pointer (&self->layer_sprites, g_array_unref);
  g_clear_pointer (&self->layer_event_xy, g_array_unref);
  g_clear_pointer (&self->layer_drawn_types, g_array_unref);
}

void
_straits_map_drop_layers (StraitsMapRenderer *self)
{
  g_clear_pointer (&self->layers, cairo_surface_destroy);
  /* Layers being drawn in threads now show an outdated scene. */
  self->layers_generation++;
}

void
straits_map_renderer_set_cache_layers (StraitsMapRenderer *self,
                                       gboolean            cache)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->layers_enabled = cache;
  _straits_map_drop_layers (self);
}

/* Keeps what the layer's drawing placed (in the renderer's result
 * arrays) for the frames that copy it. */
static void
keep_results (StraitsMapRenderer *self)
{
  g_array_set_size (self->layer_labels, 0);
  g_array_append_vals (self->layer_labels, self->labels->data, self->labels->len);
  g_ptr_array_set_size (self->layer_label_texts, 0);
  for (guint i = 0; i < self->label_texts->len; i++)
    g_ptr_array_add (self->layer_label_texts, g_strdup (g_ptr_array_index (self->label_texts, i)));
  g_array_set_size (self->layer_sprites, 0);
  for (guint i = 0; i < self->sprites->len; i++)
    {
      StraitsPaintedSprite s = g_array_index (self->sprites, StraitsPaintedSprite, i);

      cairo_surface_reference (s.surface);
      g_array_append_val (self->layer_sprites, s);
    }
  g_array_set_size (self->layer_event_xy, 0);
  g_array_append_vals (self->layer_event_xy, self->event_xy->data, self->event_xy->len);
  g_array_set_size (self->layer_drawn_types, 0);
  g_array_append_vals (self->layer_drawn_types, self->drawn_types->data, self->drawn_types->len);
  self->layer_n_relations = self->n_drawn_relations;
  self->layer_n_events = self->n_drawn_events;
  self->layer_n_flows = self->n_drawn_flows;
}

/* Draws the layer: a copy of the cached base layer, and over it what
 * lies above the base in a frame the size of the cached area. */
void
_straits_map_draw_frame_layer (StraitsMapRenderer *self,
                               guint64            *vertices)
{
  double w = self->base.width + 2 * self->base.margin, h = self->base.height + 2 * self->base.margin;
  g_autoptr(StraitsLabelPlacer) placer = straits_label_placer_new (w, h, 2);
  StraitsMapFrame layer = { 0 };
  cairo_t *cr;

  self->layers = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (self->base.surface),
                                             cairo_image_surface_get_height (self->base.surface));
  cairo_surface_set_device_scale (self->layers, self->base.scale, self->base.scale);
  cr = cairo_create (self->layers);
  cairo_set_source_surface (cr, self->base.surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  _straits_map_frame_init (&layer, self, cr, w, h, &self->base.viewport);
  layer.placer = placer;
  /* No legend in the layer: the frame draws it, in its own corner. */
  self->has_legend = FALSE;
  _straits_map_draw_highlights (self, &layer);
  _straits_map_draw_territorial_seas (self, &layer);
  g_array_set_size (self->edge_partners, 0);
  _straits_map_draw_relations (self, &layer);
  _straits_map_draw_flows (self, &layer);
  g_array_set_size (self->event_xy, 0);
  if (!self->hide_labels)
    _straits_map_draw_labels (self, &layer);
  _straits_map_draw_events (self, &layer);
  cairo_destroy (cr);
  cairo_surface_flush (self->layers);
  *vertices += layer.n_vertices;
  keep_results (self);
}

#define SWAP(a, b) G_STMT_START { gpointer t_ = (a); (a) = (b); (b) = t_; } G_STMT_END

/* Takes @from's frame layer and its results, drawn in a thread. */
void
_straits_map_adopt_frame_layer (StraitsMapRenderer *self,
                                StraitsMapRenderer *from)
{
  g_clear_pointer (&self->layers, cairo_surface_destroy);
  self->layers = g_steal_pointer (&from->layers);
  SWAP (self->layer_labels, from->layer_labels);
  SWAP (self->layer_label_texts, from->layer_label_texts);
  SWAP (self->layer_sprites, from->layer_sprites);
  SWAP (self->layer_event_xy, from->layer_event_xy);
  SWAP (self->layer_drawn_types, from->layer_drawn_types);
  self->layer_n_relations = from->layer_n_relations;
  self->layer_n_events = from->layer_n_events;
  self->layer_n_flows = from->layer_n_flows;
}

/* The kept results, moved by (@x, @y) into the frame's units: the labels
 * in the frame, the sprites and the event dots. */
static void
place_results (StraitsMapRenderer *self,
               StraitsMapFrame    *frame,
               double              x,
               double              y)
{
  StraitsRect shown = { 0, 0, frame->width, frame->height };

  g_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->label_texts, 0);
  for (guint i = 0; i < self->layer_labels->len; i++)
    {
      StraitsPlacedLabel l = g_array_index (self->layer_labels, StraitsPlacedLabel, i);

      l.rect.x += x;
      l.rect.y += y;
      if (!straits_rects_intersect (&l.rect, &shown))
        continue;
      g_array_append_val (self->labels, l);
      g_ptr_array_add (self->label_texts, g_strdup (g_ptr_array_index (self->layer_label_texts, i)));
    }
  g_array_set_size (self->sprites, 0);
  for (guint i = 0; i < self->layer_sprites->len; i++)
    {
      const StraitsPaintedSprite *s = &g_array_index (self->layer_sprites, StraitsPaintedSprite, i);

      _straits_map_note_sprite (self, s->surface, s->x + x, s->y + y);
    }
  g_array_set_size (self->event_xy, 0);
  for (guint i = 0; i < self->layer_event_xy->len; i++)
    {
      double v = g_array_index (self->layer_event_xy, double, i) + (i % 2 ? y : x);

      g_array_append_val (self->event_xy, v);
    }
  g_array_set_size (self->drawn_types, 0);
  g_array_append_vals (self->drawn_types, self->layer_drawn_types->data, self->layer_drawn_types->len);
  self->n_drawn_relations = self->layer_n_relations;
  self->n_drawn_events = self->layer_n_events;
  self->n_drawn_flows = self->layer_n_flows;
}

/* Copies the frame layer into @frame, drawing it (and the base layer
 * under it) first when it is not cached; FALSE when the frame is not to
 * use it (not asked for, or a target the base layer is not cached for). */
gboolean
_straits_map_paint_cached_layers (StraitsMapRenderer *self,
                                  StraitsMapFrame    *frame)
{
  double x, y;

  if (!self->layers_enabled || !_straits_map_place_cached_base (self, frame, &x, &y))
    return FALSE;
  if (self->layers == NULL)
    _straits_map_draw_frame_layer (self, &frame->n_vertices);
  cairo_set_source_surface (frame->cr, self->layers, x, y);
  cairo_pattern_set_filter (cairo_get_source (frame->cr), CAIRO_FILTER_NEAREST);
  cairo_paint (frame->cr);
  place_results (self, frame, x, y);
  return TRUE;
}
