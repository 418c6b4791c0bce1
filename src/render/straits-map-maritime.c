/* straits-map-maritime.c: the Aegean's territorial-sea belts on the map
 *
 * The belts come measured (src/geo/straits-maritime.c) in the Aegean
 * view's own projection, so they are drawn as they are, and only there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "straits-map-renderer-private.h"

/* Okabe–Ito blue and vermillion: told apart with any colour vision. */
static const StraitsColour belt_colours[2] = { { 0.0, 0.447, 0.698 }, { 0.835, 0.369, 0.0 } };

const StraitsColour *
straits_map_belt_colour (guint country)
{
  return &belt_colours[country];
}

void
straits_map_renderer_set_territorial_seas (StraitsMapRenderer          *self,
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
  StraitsProjection *proj;

  if (self->sea_limits == 0 || self->map == NULL)
    return FALSE;
  proj = straits_projected_map_get_projection (self->map);
  return g_str_equal (straits_projection_get_definition (proj), STRAITS_MARITIME_PROJECTION);
}

static void
path_coordinates (StraitsMapFrame *frame, GArray *coords, gboolean close)
{
  gboolean start = TRUE;

  for (guint i = 0; i + 1 < coords->len; i += 2)
    {
      double x = g_array_index (coords, double, i), y = g_array_index (coords, double, i + 1), ox, oy;

      if (isnan (x))
        {
          if (close && !start)
            cairo_close_path (frame->cr);
          start = TRUE;
          continue;
        }
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, &ox, &oy);
      if (start)
        cairo_move_to (frame->cr, ox, oy);
      else
        cairo_line_to (frame->cr, ox, oy);
      start = FALSE;
    }
}

/* The wider limit first and lighter, so that both can be compared. */
void
straits_map_draw_territorial_seas (StraitsMapRenderer *self,
                                   StraitsMapFrame    *frame)
{
  const double dashes[] = { 5 * frame->unit, 3 * frame->unit };
  cairo_t *cr = frame->cr;
  gboolean both = self->sea_limits == 3;

  if (!straits_map_renderer_shows_territorial_seas (self))
    return;
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (int l = STRAITS_MARITIME_N_LIMITS - 1; l >= 0; l--)
    {
      if (!(self->sea_limits & (1u << l)))
        continue;
      for (int c = 0; c < 2; c++)
        {
          const StraitsColour *colour = &belt_colours[c];

          cairo_new_path (cr);
          path_coordinates (frame, self->sea_belts[l][c], TRUE);
          cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, both && l == 1 ? 0.22 : 0.4);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.9);
          cairo_set_line_width (cr, (l == 0 && both ? 0.9 : 0.6) * frame->unit);
          cairo_stroke (cr);
        }
    }
  /* The median line of the widest limit shown: it is where the belts meet. */
  for (int l = STRAITS_MARITIME_N_LIMITS - 1; l >= 0; l--)
    if (self->sea_limits & (1u << l))
      {
        cairo_new_path (cr);
        path_coordinates (frame, self->sea_median[l], FALSE);
        straits_set_colour (cr, &self->style.text);
        cairo_set_line_width (cr, 1.3 * frame->unit);
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_stroke (cr);
        break;
      }
  cairo_restore (cr);
}
