/* straits-halo.c: text halos on raster targets, grown from the glyphs
 *
 * A label's halo is the band a stroke of its glyph outlines covers: every
 * point within half the stroke's width of the glyphs. Stroking the
 * outlines (pango_cairo_layout_path, cairo_stroke) was the costliest part
 * of drawing a view's labels: 44 % of the first view a start draws
 * (issue 20). On a raster target the same band is grown from the
 * glyphs' own coverage, drawn once from cairo's glyph cache: a pixel
 * takes, from every glyph pixel within reach, the share of it that a
 * stroke would cover, and the most of those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-halo.h"
#include "straits-pixels.h"

/* Beyond this radius, in pixels, growing costs more than stroking (a
 * 300-dpi export's halos are 5 pixels wide); those are stroked. */
#define MAX_GROWN_RADIUS 3.5

/* A pixel takes the most of the shares its glyph pixels give, where a
 * stroke covers their union: about a curve, several partly covered
 * pixels each give a little, and the grown halo's soft edge came out
 * thinner. A fifth of a pixel more radius matched the stroke best: of
 * the halo pixels of 8- to 12-point labels, at most 2 % are more than 32
 * levels from the stroked ones', against up to 11 % without
 * (/text/raster-halo). */
#define GROWN_RADIUS_BIAS 0.2

/* Text larger than this, in pixels, is stroked: its coverage would be
 * a surface of tens of megabytes. */
#define MAX_GROWN_SIDE 4096

/* @grown gets @glyphs' coverage grown by @radius pixels. A glyph pixel
 * of coverage c, at distance d from a pixel, has its edge about 1 - c
 * short of its side facing that pixel; a stroke of half-width @radius
 * about the edge then covers radius + c - d of that pixel (clamped to 0
 * and 1). Both are A8 surfaces of the same size. */
void
straits_halo_grow (cairo_surface_t *glyphs,
                   cairo_surface_t *grown,
                   double           radius)
{
  int width = cairo_image_surface_get_width (glyphs);
  int height = cairo_image_surface_get_height (glyphs);
  int stride = cairo_image_surface_get_stride (glyphs);
  int grown_stride = cairo_image_surface_get_stride (grown);
  int reach = (int) ceil (radius + 1);
  const guint8 *src;
  guint8 *dst;

  cairo_surface_flush (glyphs);
  cairo_surface_flush (grown);
  src = cairo_image_surface_get_data (glyphs);
  dst = cairo_image_surface_get_data (grown);
  for (int y = 0; y < height; y++)
    memset (dst + y * grown_stride, 0, width);
  for (int oy = -reach; oy <= reach; oy++)
    for (int ox = -reach; ox <= reach; ox++)
      {
        int gain = (int) lround ((radius - hypot (ox, oy)) * 255);

        if (gain <= -255)
          continue;
        for (int y = MAX (0, -oy); y < MIN (height, height - oy); y++)
          {
            const guint8 *s = src + (y + oy) * stride + ox;
            guint8 *t = dst + y * grown_stride;

            for (int x = MAX (0, -ox); x < MIN (width, width - ox); x++)
              {
                int c = s[x], v = c + gain;

                if (c != 0 && v > t[x])
                  t[x] = (guint8) MIN (v, 255);
              }
          }
      }
  cairo_surface_mark_dirty (grown);
}

/* The pixels @layout's ink covers at the current point, with @margin
 * about them, in the pixels of @cr's target. */
static cairo_rectangle_int_t
ink_pixels (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          margin)
{
  PangoRectangle ink;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  pango_layout_get_extents (layout, &ink, NULL);
  for (int corner = 0; corner < 4; corner++)
    {
      double px = x + (double) (ink.x + (corner & 1 ? ink.width : 0)) / PANGO_SCALE;
      double py = y + (double) (ink.y + (corner & 2 ? ink.height : 0)) / PANGO_SCALE;

      straits_user_to_pixel (cr, &px, &py);
      x0 = MIN (x0, px);
      y0 = MIN (y0, py);
      x1 = MAX (x1, px);
      y1 = MAX (y1, py);
    }
  return (cairo_rectangle_int_t) { (int) floor (x0) - margin, (int) floor (y0) - margin,
                                   (int) ceil (x1) - (int) floor (x0) + 2 * margin,
                                   (int) ceil (y1) - (int) floor (y0) + 2 * margin };
}

/* An A8 surface for the pixels @area of @cr's target, its user space
 * that of @cr's target: drawn with @cr's matrix, what is drawn lands on
 * the pixels it would land on in the target. */
static cairo_surface_t *
coverage_surface (cairo_t                     *cr,
                  const cairo_rectangle_int_t *area)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, area->width, area->height);
  double sx, sy, ox, oy;

  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  cairo_surface_get_device_offset (cairo_get_target (cr), &ox, &oy);
  cairo_surface_set_device_scale (surface, sx, sy);
  cairo_surface_set_device_offset (surface, ox - area->x, oy - area->y);
  return surface;
}

/* The halo's radius in @cr's target's pixels, for a stroke @width user
 * units wide; 0 where it is not grown: not a raster target, a matrix that
 * turns, shears or stretches (a turned halo would need a turned reach), a
 * group (whose surface has pixels of its own), a halo too wide. */
static double
grown_radius (cairo_t *cr,
              double   width)
{
  double radius = width / 2 * straits_raster_scale (cr);

  if (cairo_get_group_target (cr) != cairo_get_target (cr))
    return 0;
  return radius <= MAX_GROWN_RADIUS ? radius : 0;
}

/* @layout's glyphs drawn at (@x, @y) with @cr's matrix, as coverage of
 * the target's pixels @area; NULL if no such surface could be made. */
static cairo_surface_t *
glyph_coverage (cairo_t                     *cr,
                PangoLayout                 *layout,
                double                       x,
                double                       y,
                const cairo_rectangle_int_t *area)
{
  cairo_surface_t *glyphs = coverage_surface (cr, area);
  cairo_matrix_t matrix;
  cairo_t *glyph_cr;

  if (cairo_surface_status (glyphs) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (glyphs);
      return NULL;
    }
  glyph_cr = cairo_create (glyphs);
  cairo_get_matrix (cr, &matrix);
  cairo_set_matrix (glyph_cr, &matrix);
  cairo_move_to (glyph_cr, x, y);
  pango_cairo_show_layout (glyph_cr, layout);
  cairo_destroy (glyph_cr);
  return glyphs;
}

gboolean
straits_halo_show (cairo_t             *cr,
                   PangoLayout         *layout,
                   const StraitsColour *halo,
                   double               alpha,
                   double               width)
{
  double radius = grown_radius (cr, width), x = 0, y = 0;
  cairo_rectangle_int_t area;
  cairo_surface_t *glyphs, *grown;

  if (radius <= 0)
    return FALSE;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  area = ink_pixels (cr, layout, x, y, (int) ceil (radius) + 1);
  if (area.width <= 0 || area.height <= 0 || area.width > MAX_GROWN_SIDE || area.height > MAX_GROWN_SIDE ||
      (glyphs = glyph_coverage (cr, layout, x, y, &area)) == NULL)
    return FALSE;
  grown = coverage_surface (cr, &area);
  if (cairo_surface_status (grown) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (glyphs);
      cairo_surface_destroy (grown);
      return FALSE;
    }
  straits_halo_grow (glyphs, grown, radius + GROWN_RADIUS_BIAS);
  cairo_surface_destroy (glyphs);

  /* The text itself is drawn as before, in its colours (a colour
   * font's glyphs, a span's colour). */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_rgba (cr, halo->r, halo->g, halo->b, alpha);
  cairo_mask_surface (cr, grown, 0, 0);
  cairo_restore (cr);
  cairo_surface_destroy (grown);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return TRUE;
}
