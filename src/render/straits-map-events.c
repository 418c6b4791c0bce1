/* straits-map-events.c: the events' dots, placed among the labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "straits-map-renderer-private.h"

/* An event's dot, in units. */
#define EVENT_RADIUS 4.5

/* Where an event took place, when the dataset says: a point, or a feature
 * named by an annotation. */
static gboolean
event_point (StraitsMapRenderer *self,
             const StraitsEvent *e,
             double             *x,
             double             *y)
{
  guint32 a;

  if (e->has_point)
    return straits_projection_forward (straits_projected_map_get_projection (self->map), e->lon, e->lat, x, y);
  if (e->feature == NULL || (a = straits_dataset_find_annotation (self->dataset, e->feature)) == STRAITS_NO_INDEX)
    return FALSE;
  return _straits_map_annotation_point (self, straits_dataset_get_annotation (self->dataset, a), x, y);
}

/* How strongly an event shows at the map's date: not at all before it
 * happened, fully in its first year, fading to a quarter over ten years.
 * Without a date, every event shows fully. */
static double
event_opacity (StraitsMapRenderer *self,
               const StraitsEvent *e)
{
  double age_days;

  if (!self->has_time)
    return 1.0;
  if (straits_event_state_at (e, &self->time) == STRAITS_TIME_NOT_YET)
    return 0.0;
  age_days = (double) straits_date_last_day (&self->time) - (double) straits_date_last_day (&e->date);
  if (age_days <= 365)
    return 1.0;
  return MAX (0.25, 1.0 - 0.75 * (age_days - 365) / (9 * 365.0));
}

/* Events with a place, as dots in their type's colour, over the labels
 * (an event at the Bosporus must not push its annotation away) but never
 * over the legend. */
/* Where event @i's dot goes in @frame, with its radius and opacity;
 * FALSE when it is not drawn (faded out, off the frame, under the legend). */
static gboolean
event_dot (StraitsMapRenderer *self,
           StraitsMapFrame    *frame,
           guint               i,
           double             *ox,
           double             *oy,
           double             *r,
           double             *opacity)
{
  const StraitsEvent *e = straits_dataset_get_event (self->dataset, i);
  double x, y;

  *r = EVENT_RADIUS * frame->unit;
  *opacity = event_opacity (self, e);
  if (*opacity <= 0 || !event_point (self, e, &x, &y) || !_straits_map_output_point (frame, x, y, ox, oy))
    return FALSE;
  return !(self->has_legend &&
           straits_rects_intersect (&self->legend_rect, &(StraitsRect) { *ox - *r, *oy - *r, 2 * *r, 2 * *r }));
}

/* The event dots take their places before most labels do: a name moves
 * aside rather than have a dot drawn over it ("Bla● Sea"); a dot moves a
 * diameter aside for a capital or a world city (Istanbul). Called after
 * those are placed; the places are kept for _straits_map_draw_events(). */
void
_straits_map_reserve_events (StraitsMapRenderer *self,
                             StraitsMapFrame    *frame)
{
  guint n = self->dataset != NULL ? straits_dataset_get_n_events (self->dataset) : 0;

  g_array_set_size (self->event_xy, 0);
  for (guint i = 0; i < n; i++)
    {
      double xy[2] = { NAN, NAN }, r, opacity;

      if (event_dot (self, frame, i, &xy[0], &xy[1], &r, &opacity) && !_straits_map_place_marker (frame, r, &xy[0], &xy[1]))
        xy[0] = xy[1] = NAN;
      g_array_append_vals (self->event_xy, xy, 2);
    }
}

void
_straits_map_draw_events (StraitsMapRenderer *self,
                          StraitsMapFrame    *frame)
{
  if (self->dataset == NULL)
    return;
  for (guint i = 0; i < straits_dataset_get_n_events (self->dataset); i++)
    {
      const StraitsEvent *e = straits_dataset_get_event (self->dataset, i);
      const StraitsColour *colour = &straits_dataset_get_event_type (self->dataset, e->type)->colour;
      double ox, oy, r, opacity;

      if (!event_dot (self, frame, i, &ox, &oy, &r, &opacity))
        continue;
      /* Where the labels' pass placed it, if it ran. */
      if (self->event_xy->len == 2 * straits_dataset_get_n_events (self->dataset))
        {
          ox = g_array_index (self->event_xy, double, 2 * i);
          oy = g_array_index (self->event_xy, double, 2 * i + 1);
          if (isnan (ox))
            continue;
        }
      _straits_map_paint_event_dot (self, frame, ox, oy, colour, opacity);
      self->n_drawn_events++;
    }
}

void
_straits_map_paint_event_dot (StraitsMapRenderer  *self,
                              StraitsMapFrame     *frame,
                              double               x,
                              double               y,
                              const StraitsColour *colour,
                              double               opacity)
{
  cairo_new_path (frame->cr);
  cairo_arc (frame->cr, x, y, EVENT_RADIUS * frame->unit, 0, 2 * G_PI);
  cairo_set_source_rgba (frame->cr, colour->r, colour->g, colour->b, opacity);
  cairo_fill_preserve (frame->cr);
  cairo_set_source_rgba (frame->cr, self->style.casing.r, self->style.casing.g, self->style.casing.b, opacity);
  cairo_set_line_width (frame->cr, 1.3 * frame->unit);
  cairo_stroke (frame->cr);
}

void
_straits_map_note_event_types (StraitsMapRenderer *self,
                               StraitsMapFrame    *frame,
                               GArray             *types)
{
  guint n = self->dataset != NULL ? straits_dataset_get_n_events (self->dataset) : 0;
  /* Where the labels' pass placed the dots, when the map is drawn (the
   * legend beside it): a dot it moved off the frame is not there. */
  gboolean placed = self->event_xy->len == 2 * n;

  for (guint i = 0; i < n; i++)
    {
      double x, y, r, opacity;

      if (event_dot (self, frame, i, &x, &y, &r, &opacity) &&
          (!placed || !isnan (g_array_index (self->event_xy, double, 2 * i))))
        _straits_map_note_drawn (types, straits_dataset_get_event (self->dataset, i)->type);
    }
}
