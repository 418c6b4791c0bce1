/* straits-maritime-private.h: the coastline method's parts, for the tests,
 * and what the measuring (straits-maritime.c), the report
 * (straits-maritime-report.c) and the cache (straits-maritime-cache.c)
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-geos-private.h"

#include "straits-maritime.h"

#define COAST_GAP 5000.0         /* metres: how far sea limits are carried to the coast */

/* A checksum of the inputs in @maritime_dir and of the method: what the
 * cache is keyed by (straits-maritime-cache.c). */
char         *_straits_maritime_input_checksum        (const char             *maritime_dir,
                                                       GError                **error);

/* The figures by the default method, from the table of all methods
 * (straits-maritime-report.c). */
void          _straits_maritime_report_take_defaults  (StraitsMaritimeReport  *report);

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
