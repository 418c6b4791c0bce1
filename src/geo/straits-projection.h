/* straits-projection.h: map projections (PROJ) and geodesics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _StraitsProjection StraitsProjection;

/* (transfer full) (nullable): NULL on error */
StraitsProjection *straits_projection_new     (const char         *definition,
                                               GError            **error);
/* As straits_projection_new(), its answers kept in @cache_dir for the
 * next start (see straits-projection-memo.c); @cache_dir: (nullable)
 * (transfer full) (nullable): NULL on error */
StraitsProjection *straits_projection_new_cached (const char     *definition,
                                                  const char     *cache_dir,
                                                  GError        **error);
/* Writes what was computed since it was made to its cache; TRUE when
 * there was no cache or nothing new. */
gboolean           straits_projection_save_memo  (StraitsProjection *self,
                                                  GError           **error);
/* (transfer full) */
StraitsProjection *straits_projection_ref     (StraitsProjection  *self);
void               straits_projection_unref   (StraitsProjection  *self);
/* (transfer none) */
const char        *straits_projection_get_definition (StraitsProjection *self);

/* Degrees (longitude, latitude) to metres in the projection's plane.
 * Points that cannot be projected come out as HUGE_VAL. @x, @y: (out) */
gboolean           straits_projection_forward (StraitsProjection  *self,
                                               double              lon,
                                               double              lat,
                                               double             *x,
                                               double             *y);
/* @xy: (inout) */
void               straits_projection_forward_array (StraitsProjection *self,
                                               double             *xy,
                                               gsize               n_points);
/* @lon, @lat: (out) */
gboolean           straits_projection_inverse (StraitsProjection  *self,
                                               double              x,
                                               double              y,
                                               double             *lon,
                                               double             *lat);

/* Distance in metres along the WGS84 ellipsoid (NaN where PROJ could not
 * be opened). */
double             straits_geodesic_distance  (double lon1,
                                               double lat1,
                                               double lon2,
                                               double lat2);
/* Length in metres of a line of lon, lat pairs along the ellipsoid. */
double             straits_geodesic_line_length (const double *lonlat,
                                                 gsize         n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsProjection, straits_projection_unref)

G_END_DECLS
