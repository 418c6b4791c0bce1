/* straits-halo.h: text halos on raster targets, grown from the glyphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "straits-model-types.h"

G_BEGIN_DECLS

/* Draws @layout at the current point with a halo of @halo at @alpha, as
 * wide as a stroke of @width user units about its glyph outlines, the
 * halo grown from the glyphs' coverage rather than stroked; the current
 * point stays. FALSE, having drawn nothing, where that cannot be done
 * (a vector target, a group, a turned matrix, a halo wider than a few
 * pixels): the caller strokes then. */
gboolean straits_halo_show (cairo_t             *cr,
                            PangoLayout         *layout,
                            const StraitsColour *halo,
                            double               alpha,
                            double               width);
/* @grown (A8) gets @glyphs' (A8, same size) coverage grown by @radius
 * pixels, as a stroke of twice that width about their edge covers it. */
void     straits_halo_grow (cairo_surface_t     *glyphs,
                            cairo_surface_t     *grown,
                            double               radius);

G_END_DECLS
