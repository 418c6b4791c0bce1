/* straits-pixels.h: where a cairo context's user units land on its
 * target's pixels
 *
 * cairo_user_to_device() and cairo_user_to_device_distance() apply the
 * context's matrix alone; a surface's device scale and offset (a HiDPI
 * screen's, as the map view makes its cache) come after them. What is
 * drawn once and copied (base layers, label sprites, hatching, city
 * dots) is drawn at the pixels' scale, and copied to whole pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

/* @x, @y: (inout) */
void straits_user_to_pixel          (cairo_t *cr,
                                     double  *x,
                                     double  *y);
/* @x, @y: (inout) */
void straits_pixel_to_user          (cairo_t *cr,
                                     double  *x,
                                     double  *y);
/* @dx, @dy: (inout) */
void straits_user_to_pixel_distance (cairo_t *cr,
                                     double  *dx,
                                     double  *dy);
/* The pixels per user unit of @cr, when its target is an image and its
 * matrix neither turns, shears, stretches nor mirrors; 0 otherwise. */
double straits_raster_scale         (cairo_t *cr);
