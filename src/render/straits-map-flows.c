/* straits-map-flows.c
 *
 * Arms transfers as wide, translucent curves with an arrowhead at the
 * recipient, in one colour of their own and bowing the other way from
 * relations, so that the two never read as one another. Widths grow with
 * the square root of TIV, so that areas, not lengths, compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-map-flows.h"
#include "straits-map-renderer-private.h"
#include "straits-text.h"

static const StraitsColour flow_colour = { 0.49, 0.12, 0.42 };  /* plum: no fill or relation type uses it */

const StraitsColour *
_straits_map_flow_colour (void)
{
  return &flow_colour;
}

/* States beyond the basemap's region that supply or receive much: an
 * approximate centre, so that their curves leave the map in their direction. */
static const struct { const char iso3[4]; double lon, lat; } far_states[] = {
  { "USA", -98, 39 }, { "CAN", -100, 56 }, { "MEX", -102, 23 }, { "BRA", -52, -10 }, { "ARG", -64, -34 },
  { "CHL", -71, -33 }, { "COL", -73, 4 }, { "PER", -75, -10 }, { "VEN", -66, 7 }, { "CHN", 104, 35 },
  { "KOR", 128, 36 }, { "PRK", 127, 40 }, { "JPN", 138, 37 }, { "TWN", 121, 24 }, { "IND", 79, 22 },
  { "BGD", 90, 24 }, { "MMR", 96, 21 }, { "THA", 101, 15 }, { "VNM", 106, 16 }, { "MYS", 102, 4 },
  { "SGP", 104, 1 }, { "IDN", 118, -2 }, { "PHL", 122, 12 }, { "AUS", 134, -25 }, { "NZL", 172, -41 },
  { "ZAF", 24, -29 }, { "NGA", 8, 9 }, { "ETH", 39, 9 }, { "KEN", 38, 0 }, { "AGO", 18, -12 },
  { "LKA", 81, 8 }, { "NPL", 84, 28 },
};

void
_straits_map_flows_free (StraitsMapRenderer *self)
{
  g_clear_pointer (&self->flows, g_array_unref);
  g_clear_pointer (&self->flows_legend, g_free);
}

void
_straits_map_renderer_set_flows (StraitsMapRenderer   *self,
                                const StraitsMapFlow *flows,
                                guint                 n_flows,
                                const char           *legend)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));

  _straits_map_flows_free (self);
  self->flows = straits_map_flows_copy (flows, n_flows);
  self->flows_legend = g_strdup (legend);
}

guint
straits_map_renderer_get_n_drawn_flows (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), 0);
  return self->n_drawn_flows;
}

/* Where an end attaches, in projected metres: the dataset's actor, else
 * the country of that code on the basemap, else a state far away. */
static gboolean
flow_anchor (StraitsMapRenderer *self, const char *id, double *x, double *y)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  guint32 actor = STRAITS_NO_INDEX;
  int feature;

  if (self->dataset != NULL)
    {
      actor = straits_dataset_find_actor (self->dataset, id);
      if (actor == STRAITS_NO_INDEX)
        actor = straits_dataset_find_actor_by_iso3 (self->dataset, id);
    }
  if (actor != STRAITS_NO_INDEX && straits_map_renderer_get_actor_anchor (self, actor, x, y))
    return TRUE;
  feature = strlen (id) == 3 ? straits_basemap_find_feature (basemap, STRAITS_LAYER_COUNTRY, id) : -1;
  if (feature >= 0)
    {
      straits_projected_map_get_label_point (self->map, (guint) feature, x, y);
      return !isnan (*x) && !isnan (*y);
    }
  for (guint i = 0; i < G_N_ELEMENTS (far_states); i++)
    if (g_str_equal (far_states[i].iso3, id))
      return straits_projection_forward (straits_projected_map_get_projection (self->map),
                                         far_states[i].lon, far_states[i].lat, x, y);
  return FALSE;
}

/* The flow's label where its curve first shows, from the partner's end
 * (the supplier's, or the recipient's for the selection's exports). */
static void
draw_flow_label (StraitsMapRenderer *self, StraitsMapFrame *frame, const double *p, const char *label,
                 gboolean at_recipient)
{
  double margin = 30 * frame->unit, x = 0, y = 0;
  PangoLayout *layout;
  PangoRectangle logical;
  double s;

  for (s = 0.05; s <= 0.9; s += 0.02)
    {
      _straits_map_quad_point (p, at_recipient ? 1 - s : s, &x, &y);
      if (x > margin && x < frame->width - margin && y > margin && y < frame->height - margin)
        break;
    }
  if (s > 0.9)
    return;
  layout = _straits_map_layout (self, frame->cr, label, self->style.small_label_size * frame->unit,
                                PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* Placed like every label: dropped rather than drawn over another. */
  if (frame->placer != NULL &&
      !straits_label_placer_try (frame->placer, &(StraitsRect) { x - logical.width / 2.0 + logical.x,
                                                                 y - logical.height - 2 * frame->unit + logical.y,
                                                                 logical.width, logical.height }))
    return;
  cairo_new_path (frame->cr);
  cairo_move_to (frame->cr, x - logical.width / 2.0, y - logical.height - 2 * frame->unit);
  cairo_set_source_rgb (frame->cr, flow_colour.r * 0.6, flow_colour.g * 0.6, flow_colour.b * 0.6);
  straits_text_show_with_halo (frame->cr, layout, &self->style.halo, 0.9, 3 * frame->unit);
}

static void
draw_flow (StraitsMapRenderer *self, StraitsMapFrame *frame, const StraitsMapFlow *flow, double width,
           double ax, double ay, double bx, double by)
{
  cairo_t *cr = frame->cr;
  double dx = bx - ax, dy = by - ay, len = hypot (dx, dy), head = 6 * frame->unit + width;
  /* Relations bow left of a → b; flows bow right. */
  double bow = -0.22;
  double p[6] = { ax, ay, (ax + bx) / 2 + dy * bow, (ay + by) / 2 - dx * bow, bx, by };
  double ex, ey, angle;

  /* The curve stops short of the recipient's point, for the arrowhead. */
  angle = atan2 (by - p[3], bx - p[2]);
  ex = bx - cos (angle) * head * 0.8;
  ey = by - sin (angle) * head * 0.8;
  if (len < head * 2)
    return;
  cairo_move_to (cr, ax, ay);
  cairo_curve_to (cr, ax + 2.0 / 3 * (p[2] - ax), ay + 2.0 / 3 * (p[3] - ay),
                  ex + 2.0 / 3 * (p[2] - ex), ey + 2.0 / 3 * (p[3] - ey), ex, ey);
  _straits_map_record_curve (self, p);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_source_rgba (cr, self->style.halo.r, self->style.halo.g, self->style.halo.b, 0.7);
  cairo_set_line_width (cr, width + 2 * frame->unit);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, flow_colour.r, flow_colour.g, flow_colour.b, 0.72);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);

  cairo_move_to (cr, bx, by);
  cairo_line_to (cr, bx - head * cos (angle - 0.5), by - head * sin (angle - 0.5));
  cairo_line_to (cr, bx - head * cos (angle + 0.5), by - head * sin (angle + 0.5));
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, flow_colour.r, flow_colour.g, flow_colour.b, 0.9);
  cairo_fill (cr);
  if (flow->label != NULL)
    draw_flow_label (self, frame, p, flow->label, flow->label_at_recipient);
}

void
_straits_map_draw_flows (StraitsMapRenderer *self,
                         StraitsMapFrame    *frame)
{
  double max = 0;

  self->n_drawn_flows = 0;
  if (self->flows == NULL || self->map == NULL)
    return;
  for (guint i = 0; i < self->flows->len; i++)
    max = MAX (max, g_array_index (self->flows, StraitsMapFlow, i).tiv);
  if (max <= 0)
    return;
  cairo_save (frame->cr);
  for (guint i = 0; i < self->flows->len; i++)
    {
      const StraitsMapFlow *flow = &g_array_index (self->flows, StraitsMapFlow, i);
      double ax, ay, bx, by, width = (1.5 + 12 * sqrt (flow->tiv / max)) * frame->unit;

      if (flow->tiv <= 0 || !flow_anchor (self, flow->from, &ax, &ay) || !flow_anchor (self, flow->to, &bx, &by))
        continue;
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, ax, ay, &ax, &ay);
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, bx, by, &bx, &by);
      draw_flow (self, frame, flow, width, ax, ay, bx, by);
      self->n_drawn_flows++;
    }
  cairo_restore (frame->cr);
}
