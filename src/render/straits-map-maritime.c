/* straits-map-maritime.c: the Aegean's territorial-sea belts on the map
 *
 * The belts come measured (src/geo/straits-maritime.c) in the Aegean
 * view's own projection, so they are drawn as they are, and only there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-map-renderer-private.h"
#include "straits-maritime-overlay.h"

const StraitsColour *
_straits_map_belt_colour (guint country)
{
  return straits_maritime_overlay_colour (country);
}

/* The box around every belt (empty: x0 > x1). */
static StraitsBox
belts_box (StraitsMapRenderer *self)
{
  StraitsBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    for (int c = 0; c < 2; c++)
      for (guint i = 0; self->sea_belts[l][c] != NULL && i + 1 < self->sea_belts[l][c]->len; i += 2)
        {
          double x = g_array_index (self->sea_belts[l][c], double, i);
          double y = g_array_index (self->sea_belts[l][c], double, i + 1);

          if (isnan (x))
            continue;
          box.x0 = MIN (box.x0, x);
          box.y0 = MIN (box.y0, y);
          box.x1 = MAX (box.x1, x);
          box.y1 = MAX (box.y1, y);
        }
  return box;
}

void
_straits_map_renderer_set_territorial_seas (StraitsMapRenderer          *self,
                                           const StraitsMaritimeReport *report,
                                           guint                        limits)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));

  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      for (int c = 0; c < 2; c++)
        {
          g_clear_pointer (&self->sea_belts[l][c], g_array_unref);
          if (report != NULL)
            self->sea_belts[l][c] = g_array_ref (report->belts[l][c]);
        }
      g_clear_pointer (&self->sea_median[l], g_array_unref);
      if (report != NULL)
        self->sea_median[l] = g_array_ref (report->median[l]);
    }
  if (report != NULL)
    self->sea_split = report->aegean;
  self->sea_limits = report != NULL ? limits : 0;
  self->sea_box = belts_box (self);
}

guint
straits_map_renderer_get_territorial_seas (StraitsMapRenderer *self)
{
  return straits_map_renderer_shows_territorial_seas (self) ? self->sea_limits : 0;
}

/* Only on a map in the projection the belts were measured in. */
gboolean
straits_map_renderer_shows_territorial_seas (StraitsMapRenderer *self)
{
  return self->sea_limits != 0 && straits_map_renderer_can_show_territorial_seas (self);
}

/* Whether the map is one the belts can be drawn on (the Aegean's
 * projection): known before the belts are measured. */
gboolean
straits_map_renderer_can_show_territorial_seas (StraitsMapRenderer *self)
{
  StraitsProjection *proj;

  if (self->map == NULL)
    return FALSE;
  proj = straits_projected_map_get_projection (self->map);
  return g_str_equal (straits_projection_get_definition (proj), STRAITS_MARITIME_PROJECTION);
}

/* The belts were measured on OpenStreetMap's coast, and the map draws
 * Natural Earth's: where the two differ, a belt would lie over land (in
 * spiky fringes over the islands and the Turkish coast). Clips to the sea
 * of the map's own land, as a path (PDF and SVG keep it vector). */
static void
clip_to_sea (StraitsMapRenderer *self, StraitsMapFrame *frame, const cairo_matrix_t *to_output)
{
  g_autoptr(GArray) land = NULL;
  gboolean start = TRUE;

  if (self->sea_box.x0 > self->sea_box.x1)
    return;
  land = straits_projected_map_get_land_rings (self->map, &self->sea_box);
  cairo_new_path (frame->cr);
  cairo_rectangle (frame->cr, -frame->width, -frame->height, 3 * frame->width, 3 * frame->height);
  for (guint i = 0; i + 1 < land->len; i += 2)
    {
      double x = g_array_index (land, double, i), y = g_array_index (land, double, i + 1);

      if (isnan (x))
        {
          cairo_close_path (frame->cr);
          start = TRUE;
          continue;
        }
      cairo_matrix_transform_point (to_output, &x, &y);
      if (start)
        cairo_move_to (frame->cr, x, y);
      else
        cairo_line_to (frame->cr, x, y);
      start = FALSE;
    }
  cairo_set_fill_rule (frame->cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (frame->cr);
  cairo_set_fill_rule (frame->cr, CAIRO_FILL_RULE_WINDING);
}

/* The belts are in the map's own projection: the viewport is the affine
 * map from them to the output. */
void
_straits_map_draw_territorial_seas (StraitsMapRenderer *self,
                                    StraitsMapFrame    *frame)
{
  StraitsMaritimeReport belts = { 0 };
  cairo_matrix_t to_output;
  double scale;

  if (!straits_map_renderer_shows_territorial_seas (self))
    return;
  scale = 1 / frame->vp.resolution;
  cairo_matrix_init (&to_output, scale, 0, 0, -scale, frame->width / 2 - frame->vp.cx * scale,
                     frame->height / 2 + frame->vp.cy * scale);
  /* Only the geometry the renderer keeps is drawn. */
  memcpy (belts.belts, self->sea_belts, sizeof belts.belts);
  memcpy (belts.median, self->sea_median, sizeof belts.median);
  cairo_save (frame->cr);
  clip_to_sea (self, frame, &to_output);
  straits_maritime_overlay_draw (frame->cr, &belts, self->sea_limits, &to_output, frame->unit, &self->style.text);
  cairo_restore (frame->cr);
}
