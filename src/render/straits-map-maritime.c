/* straits-map-maritime.c: the Aegean's territorial-sea belts on the map
 *
 * The belts come measured (src/geo/straits-maritime.c) in the Aegean
 * view's own projection, so they are drawn as they are, and only there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "straits-map-renderer-private.h"
#include "straits-maritime-overlay.h"

const StraitsColour *
_straits_map_belt_colour (guint country)
{
  return straits_maritime_overlay_colour (country);
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
  straits_maritime_overlay_draw (frame->cr, &belts, self->sea_limits, &to_output, frame->unit, &self->style.text);
}
