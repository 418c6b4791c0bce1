/* straits-projected-map.h: a basemap projected once for one region
 *
 * Projection happens once per region, not per frame: the renderer only
 * scales and offsets these coordinates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-basemap.h"
#include "straits-projection.h"
#include "straits-region.h"

G_BEGIN_DECLS

typedef struct {
  double x0, y0, x1, y1;
} StraitsBox;

typedef struct _StraitsProjectedMap StraitsProjectedMap;

/* @basemap in @projection, the projection of @region's definition.
 * (transfer full) */
StraitsProjectedMap *straits_projected_map_new   (StraitsBasemap      *basemap,
                                                  const StraitsRegion *region,
                                                  StraitsProjection   *projection);
/* (transfer full) */
StraitsProjectedMap *straits_projected_map_ref   (StraitsProjectedMap *self);
void                 straits_projected_map_unref (StraitsProjectedMap *self);

/* (transfer none) */
StraitsBasemap      *straits_projected_map_get_basemap    (StraitsProjectedMap *self);
/* (transfer none) */
StraitsProjection   *straits_projected_map_get_projection (StraitsProjectedMap *self);
/* (transfer none) */
const StraitsRegion *straits_projected_map_get_region     (StraitsProjectedMap *self);
/* The region's frame in projected metres (y grows northwards). */
StraitsBox           straits_projected_map_get_extent     (StraitsProjectedMap *self);

/* (transfer none) */
const double        *straits_projected_map_get_xy         (StraitsProjectedMap *self);
/* (transfer none) */
const StraitsBox    *straits_projected_map_get_arc_boxes  (StraitsProjectedMap *self);
/* (transfer none) */
const StraitsBox    *straits_projected_map_get_feature_box (StraitsProjectedMap *self,
                                                           guint                feature);
/* @x, @y: (out) */
void                 straits_projected_map_get_label_point (StraitsProjectedMap *self,
                                                           guint                feature,
                                                           double              *x,
                                                           double              *y);
/* Area of a polygon feature in square metres of the projected plane. */
double               straits_projected_map_get_feature_area (StraitsProjectedMap *self,
                                                            guint                feature);

/* The feature of @layer whose polygon contains (@x, @y), or -1.
 * Uses GEOS prepared geometries, built on first use. */
int                  straits_projected_map_feature_at     (StraitsProjectedMap *self,
                                                           StraitsLayer         layer,
                                                           double               x,
                                                           double               y);

gboolean             straits_projected_map_feature_contains (StraitsProjectedMap *self,
                                                             guint                feature,
                                                             double               x,
                                                             double               y);

/* The ISO alpha-3 code of the state the map draws at (@x, @y) under
 * @convention as of @date (NULL: now): an islet's, else a country's,
 * unless a disputed or occupied area there is drawn as its state
 * (straits-territories.h). NULL at sea.
 * (transfer none) (nullable); @date: (nullable) */
const char          *straits_projected_map_country_at     (StraitsProjectedMap *self,
                                                           double               x,
                                                           double               y,
                                                           StraitsConvention    convention,
                                                           const StraitsDate   *date);

/* Per arc of the basemap: the index (in its territories table) of the
 * territory whose outline the border arc runs along, or -1. Computed on
 * first use, then read without locking. (transfer none) */
const gint16        *straits_projected_map_get_arc_territories (StraitsProjectedMap *self);

/* The land the map draws (its countries and islands) inside @box, as one
 * geometry without overlaps: rings of x, y pairs in projected metres with
 * a NaN pair after each, to be filled (or clipped) even-odd. Computed
 * with GEOS on first use and kept for the last @box asked for.
 * (transfer full) */
GArray              *straits_projected_map_get_land_rings (StraitsProjectedMap *self,
                                                          const StraitsBox    *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsProjectedMap, straits_projected_map_unref)

G_END_DECLS
