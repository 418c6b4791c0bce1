/* straits-maritime-private.h: the coastline method's parts, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <geos_c.h>

/* The water connected to @seeds (points) once inlets narrower than
 * @closing_m are closed: a morphological opening of @water (eroded by
 * half the width, then dilated back), of which the parts holding a seed
 * are kept. A lagoon behind a narrower inlet is cut off and left out. */
GEOSGeometry *_straits_open_sea       (GEOSContextHandle_t  g,
                                       const GEOSGeometry  *water,
                                       const GEOSGeometry  *seeds,
                                       double               closing_m);

/* The length in metres of @lines measured with dividers @ruler_m apart:
 * along each line, steps of exactly @ruler_m between points on it, and
 * the last step to its end as it falls. */
double        _straits_ruler_length   (GEOSContextHandle_t  g,
                                       const GEOSGeometry  *lines,
                                       double               ruler_m);
