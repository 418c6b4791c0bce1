/* straits-geos-private.h: GEOS, opened when first needed
 *
 * GEOS is opened with dlopen() as the first GEOS context is made, not
 * linked (issue 20): linked, libgeos_c, libgeos and the C++ runtime were
 * loaded and relocated before main(), 2.5 ms of every start on the main
 * thread (an empty main() linked with them: 11.5 ms against 9.0 ms). The
 * first context of a start is made in the thread that reads the dataset.
 * The build reads GEOS's soname (src/geo/meson.build); where it cannot,
 * GEOS is linked as before.
 *
 * Files that call GEOS include this header instead of <geos_c.h>: each
 * function Straits calls is then a pointer of the table straits_geos, and
 * GEOS_init_r() opens GEOS first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <geos_c.h>
#include <glib.h>

#define STRAITS_GEOS_FUNCTIONS(X) \
  X (GEOS_init_r) X (GEOSArea_r) X (GEOSBoundary_r) \
  X (GEOSBuffer_r) X (GEOSClipByRect_r) X (GEOSCoordSeq_copyFromBuffer_r) \
  X (GEOSCoordSeq_copyToBuffer_r) X (GEOSCoordSeq_getSize_r) X (GEOSCoordSeq_getXY_r) \
  X (GEOSCoverageUnion_r) X (GEOSDensify_r) X (GEOSDifference_r) \
  X (GEOSDistance_r) X (GEOSGeomFromWKT_r) X (GEOSGeomTypeId_r) \
  X (GEOSGeom_clone_r) X (GEOSGeom_createCollection_r) X (GEOSGeom_createEmptyLineString_r) \
  X (GEOSGeom_createEmptyPolygon_r) X (GEOSGeom_createLinearRing_r) X (GEOSGeom_createPointFromXY_r) \
  X (GEOSGeom_createPolygon_r) X (GEOSGeom_createRectangle_r) X (GEOSGeom_destroy_r) \
  X (GEOSGeom_extractUniquePoints_r) X (GEOSGeom_getCoordSeq_r) X (GEOSGeom_getXMax_r) \
  X (GEOSGeom_getXMin_r) X (GEOSGeom_getYMax_r) X (GEOSGeom_getYMin_r) \
  X (GEOSGetExteriorRing_r) X (GEOSGetGeometryN_r) X (GEOSGetInteriorRingN_r) \
  X (GEOSGetNumGeometries_r) X (GEOSGetNumInteriorRings_r) X (GEOSIntersection_r) \
  X (GEOSIntersects_r) X (GEOSLineMerge_r) X (GEOSMakeValid_r) \
  X (GEOSNormalize_r) X (GEOSPointOnSurface_r) X (GEOSPrepare_r) \
  X (GEOSPreparedContains_r) X (GEOSPreparedDistance_r) X (GEOSPreparedGeom_destroy_r) \
  X (GEOSSTRtree_create_r) X (GEOSSTRtree_destroy_r) X (GEOSSTRtree_insert_r) \
  X (GEOSSTRtree_nearest_r) X (GEOSSimplify_r) X (GEOSUnaryUnion_r) \
  X (GEOSUnion_r) X (GEOSVoronoiDiagram_r) X (GEOS_finish_r) \
  X (GEOSisEmpty_r)

#define STRAITS_GEOS_DECLARE(name) __typeof__ (name) *name;
typedef struct { STRAITS_GEOS_FUNCTIONS (STRAITS_GEOS_DECLARE) } StraitsGeosFunctions;

extern StraitsGeosFunctions straits_geos;

/* Fills straits_geos once, from any thread; GEOS missing aborts with
 * why (no map can be drawn without it). */
void straits_geos_load (void);

#ifndef STRAITS_GEOS_LOADER
#define GEOS_init_r() (straits_geos_load (), straits_geos.GEOS_init_r ())
#define GEOSArea_r straits_geos.GEOSArea_r
#define GEOSBoundary_r straits_geos.GEOSBoundary_r
#define GEOSBuffer_r straits_geos.GEOSBuffer_r
#define GEOSClipByRect_r straits_geos.GEOSClipByRect_r
#define GEOSCoordSeq_copyFromBuffer_r straits_geos.GEOSCoordSeq_copyFromBuffer_r
#define GEOSCoordSeq_copyToBuffer_r straits_geos.GEOSCoordSeq_copyToBuffer_r
#define GEOSCoordSeq_getSize_r straits_geos.GEOSCoordSeq_getSize_r
#define GEOSCoordSeq_getXY_r straits_geos.GEOSCoordSeq_getXY_r
#define GEOSCoverageUnion_r straits_geos.GEOSCoverageUnion_r
#define GEOSDensify_r straits_geos.GEOSDensify_r
#define GEOSDifference_r straits_geos.GEOSDifference_r
#define GEOSDistance_r straits_geos.GEOSDistance_r
#define GEOSGeomFromWKT_r straits_geos.GEOSGeomFromWKT_r
#define GEOSGeomTypeId_r straits_geos.GEOSGeomTypeId_r
#define GEOSGeom_clone_r straits_geos.GEOSGeom_clone_r
#define GEOSGeom_createCollection_r straits_geos.GEOSGeom_createCollection_r
#define GEOSGeom_createEmptyLineString_r straits_geos.GEOSGeom_createEmptyLineString_r
#define GEOSGeom_createEmptyPolygon_r straits_geos.GEOSGeom_createEmptyPolygon_r
#define GEOSGeom_createLinearRing_r straits_geos.GEOSGeom_createLinearRing_r
#define GEOSGeom_createPointFromXY_r straits_geos.GEOSGeom_createPointFromXY_r
#define GEOSGeom_createPolygon_r straits_geos.GEOSGeom_createPolygon_r
#define GEOSGeom_createRectangle_r straits_geos.GEOSGeom_createRectangle_r
#define GEOSGeom_destroy_r straits_geos.GEOSGeom_destroy_r
#define GEOSGeom_extractUniquePoints_r straits_geos.GEOSGeom_extractUniquePoints_r
#define GEOSGeom_getCoordSeq_r straits_geos.GEOSGeom_getCoordSeq_r
#define GEOSGeom_getXMax_r straits_geos.GEOSGeom_getXMax_r
#define GEOSGeom_getXMin_r straits_geos.GEOSGeom_getXMin_r
#define GEOSGeom_getYMax_r straits_geos.GEOSGeom_getYMax_r
#define GEOSGeom_getYMin_r straits_geos.GEOSGeom_getYMin_r
#define GEOSGetExteriorRing_r straits_geos.GEOSGetExteriorRing_r
#define GEOSGetGeometryN_r straits_geos.GEOSGetGeometryN_r
#define GEOSGetInteriorRingN_r straits_geos.GEOSGetInteriorRingN_r
#define GEOSGetNumGeometries_r straits_geos.GEOSGetNumGeometries_r
#define GEOSGetNumInteriorRings_r straits_geos.GEOSGetNumInteriorRings_r
#define GEOSIntersection_r straits_geos.GEOSIntersection_r
#define GEOSIntersects_r straits_geos.GEOSIntersects_r
#define GEOSLineMerge_r straits_geos.GEOSLineMerge_r
#define GEOSMakeValid_r straits_geos.GEOSMakeValid_r
#define GEOSNormalize_r straits_geos.GEOSNormalize_r
#define GEOSPointOnSurface_r straits_geos.GEOSPointOnSurface_r
#define GEOSPrepare_r straits_geos.GEOSPrepare_r
#define GEOSPreparedContains_r straits_geos.GEOSPreparedContains_r
#define GEOSPreparedDistance_r straits_geos.GEOSPreparedDistance_r
#define GEOSPreparedGeom_destroy_r straits_geos.GEOSPreparedGeom_destroy_r
#define GEOSSTRtree_create_r straits_geos.GEOSSTRtree_create_r
#define GEOSSTRtree_destroy_r straits_geos.GEOSSTRtree_destroy_r
#define GEOSSTRtree_insert_r straits_geos.GEOSSTRtree_insert_r
#define GEOSSTRtree_nearest_r straits_geos.GEOSSTRtree_nearest_r
#define GEOSSimplify_r straits_geos.GEOSSimplify_r
#define GEOSUnaryUnion_r straits_geos.GEOSUnaryUnion_r
#define GEOSUnion_r straits_geos.GEOSUnion_r
#define GEOSVoronoiDiagram_r straits_geos.GEOSVoronoiDiagram_r
#define GEOS_finish_r straits_geos.GEOS_finish_r
#define GEOSisEmpty_r straits_geos.GEOSisEmpty_r
#endif
