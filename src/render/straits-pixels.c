/* straits-pixels.c: where a cairo context's user units land on its
 * target's pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "straits-pixels.h"

void
straits_user_to_pixel (cairo_t *cr,
                       double  *x,
                       double  *y)
{
  double sx, sy, ox, oy;

  cairo_user_to_device (cr, x, y);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  cairo_surface_get_device_offset (cairo_get_target (cr), &ox, &oy);
  *x = *x * sx + ox;
  *y = *y * sy + oy;
}

void
straits_pixel_to_user (cairo_t *cr,
                       double  *x,
                       double  *y)
{
  double sx, sy, ox, oy;

  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  cairo_surface_get_device_offset (cairo_get_target (cr), &ox, &oy);
  *x = (*x - ox) / sx;
  *y = (*y - oy) / sy;
  cairo_device_to_user (cr, x, y);
}

void
straits_user_to_pixel_distance (cairo_t *cr,
                                double  *dx,
                                double  *dy)
{
  double sx, sy;

  cairo_user_to_device_distance (cr, dx, dy);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  *dx *= sx;
  *dy *= sy;
}

double
straits_raster_scale (cairo_t *cr)
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
