/* straits-maritime-overlay.h: the Aegean's territorial-sea belts and their
 * median line, drawn onto any cairo context
 *
 * The belts come from a StraitsMaritimeReport, in the metres of
 * STRAITS_MARITIME_PROJECTION. A map in that projection (the Aegean view)
 * draws them through an affine matrix, frame after frame; anything else
 * through a function from longitude and latitude to device coordinates,
 * which unprojects every vertex on each call (for one-off figures).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "straits-maritime.h"
#include "straits-model-types.h"

G_BEGIN_DECLS

/* Bits of the limits to draw; both at once can be compared: the wider is
 * drawn lighter, under the narrower. */
#define STRAITS_MARITIME_SHOW_6NM  (1u << STRAITS_MARITIME_6NM)
#define STRAITS_MARITIME_SHOW_12NM (1u << STRAITS_MARITIME_12NM)
#define STRAITS_MARITIME_SHOW_BOTH (STRAITS_MARITIME_SHOW_6NM | STRAITS_MARITIME_SHOW_12NM)

typedef void (*StraitsLonLatToDevice) (double    lon,
                                       double    lat,
                                       double   *x,
                                       double   *y,
                                       gpointer  user_data);

/* The colour of STRAITS_MARITIME_GRC's or STRAITS_MARITIME_TUR's belts
 * (Okabe–Ito blue and vermillion), for legends and tables.
 * (transfer none): static */
const StraitsColour *straits_maritime_overlay_colour      (StraitsMaritimePart          country);

/* The colour the map shows inside @country's belt at @limit when the
 * belts of @limits are drawn over @sea: for the legend's swatches, which
 * must match the map. */
StraitsColour        straits_maritime_overlay_swatch      (StraitsMaritimePart          country,
                                                           StraitsMaritimeLimit         limit,
                                                           guint                        limits,
                                                           const StraitsColour         *sea);

/* @to_device maps STRAITS_MARITIME_PROJECTION metres to device units;
 * @unit is device units per point (line widths, dashes); @median_colour
 * is the median line's (NULL: dark grey). */
void                 straits_maritime_overlay_draw        (cairo_t                     *cr,
                                                           const StraitsMaritimeReport *report,
                                                           guint                        limits,
                                                           const cairo_matrix_t        *to_device,
                                                           double                       unit,
                                                           const StraitsColour         *median_colour);
void                 straits_maritime_overlay_draw_lonlat (cairo_t                     *cr,
                                                           const StraitsMaritimeReport *report,
                                                           guint                        limits,
                                                           StraitsLonLatToDevice        to_device,
                                                           gpointer                     user_data,
                                                           double                       unit,
                                                           const StraitsColour         *median_colour);

G_END_DECLS
