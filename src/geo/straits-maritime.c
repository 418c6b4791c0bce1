/* straits-maritime.c: territorial seas in the Aegean and Black Sea coastlines
 *
 * Everything is measured in metres after projecting (never in degrees):
 * the Aegean in STRAITS_MARITIME_PROJECTION, the Black Sea in a Lambert
 * azimuthal equal-area projection centred on it, and coastline lengths
 * geodesically on the ellipsoid (PROJ), after unprojecting. The report is
 * written out in straits-maritime-report.c and cached in
 * straits-maritime-cache.c, keyed by METHOD_VERSION there: bump it when
 * the method here changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include "straits-geos-private.h"
#include <json-glib/json-glib.h>

#include "straits-basemap.h"
#include "straits-maritime.h"
#include "straits-maritime-private.h"
#include "straits-projection.h"

#define BLACK_SEA_PROJECTION "+proj=laea +lat_0=43.5 +lon_0=34 +ellps=WGS84 +units=m"
#define QUADRANT_SEGMENTS 8      /* arcs of buffers: within 0.5 % of the radius */
#define SITE_SPACING 250.0       /* metres between coast points for the median line */
#define COAST_TOUCH 1000.0       /* metres: coast within this of a sea is its coast */
#define COAST_NEAR_WATER 100.0   /* metres: land's edge this near the open sea is its coast */

const double straits_coast_closings_km[STRAITS_COAST_N_CLOSINGS] = { 0, 3, 10 };
const double straits_coast_rulers_km[STRAITS_COAST_N_RULERS] = { 0.1, 1, 10 };

/* Inputs ------------------------------------------------------------------ */

typedef struct {
  GEOSContextHandle_t geos;
  StraitsBasemap *land;
  JsonParser *seas;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->land, straits_basemap_unref);
  g_clear_object (&in->seas);
  if (in->geos != NULL)
    GEOS_finish_r (in->geos);
  in->geos = NULL;
}

static gboolean
inputs_load (Inputs *in, const char *maritime_dir, GError **error)
{
  g_autofree char *land = g_build_filename (maritime_dir, "land-100m.sbm", NULL);
  g_autofree char *seas = g_build_filename (maritime_dir, "sea-limits-10m.json", NULL);

  in->geos = GEOS_init_r ();
  in->land = straits_basemap_load (land, error);
  if (in->land == NULL)
    return FALSE;
  in->seas = json_parser_new ();
  return json_parser_load_from_file (in->seas, seas, error);
}

/* Geometry from the inputs -------------------------------------------------- */

static GEOSGeometry *
ring_from_points (GEOSContextHandle_t geos, GArray *xy)
{
  GEOSCoordSequence *seq;

  if (xy->len < 8)
    return NULL;
  if (g_array_index (xy, double, 0) != g_array_index (xy, double, xy->len - 2) ||
      g_array_index (xy, double, 1) != g_array_index (xy, double, xy->len - 1))
    {
      double first[2] = { g_array_index (xy, double, 0), g_array_index (xy, double, 1) };
      g_array_append_vals (xy, first, 2);
    }
  seq = GEOSCoordSeq_copyFromBuffer_r (geos, (const double *) (gpointer) xy->data, xy->len / 2, 0, 0);
  return GEOSGeom_createLinearRing_r (geos, seq);
}

/* One land ring, projected. */
static GEOSGeometry *
land_ring (Inputs *in, StraitsProjection *proj, guint ring)
{
  const guint32 *ring_starts = straits_basemap_get_ring_starts (in->land);
  const gint32 *refs = straits_basemap_get_refs (in->land);
  const guint32 *arc_starts = straits_basemap_get_arc_starts (in->land);
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint32 k = ring_starts[ring]; k < ring_starts[ring + 1]; k++)
    {
      gint32 ref = refs[k];
      guint32 arc = ref >= 0 ? (guint32) ref : (guint32) ~ref;
      guint32 first = arc_starts[arc], last = arc_starts[arc + 1] - 1;

      for (guint32 i = (k == ring_starts[ring] ? first : first + 1); i <= last; i++)
        {
          double p[2];

          straits_basemap_get_point (in->land, ref >= 0 ? i : last - (i - first), &p[0], &p[1]);
          g_array_append_vals (xy, p, 2);
        }
    }
  straits_projection_forward_array (proj, (double *) (gpointer) xy->data, xy->len / 2);
  return ring_from_points (in->geos, xy);
}

/* A country's land as one valid (multi)polygon in @proj, its lakes
 * filled: they are neither sea nor coast, and each of their shores would
 * cost the buffers time. */
typedef struct {
  double x0, y0, x1, y1;
} Rect;

static Rect
envelope_of (GEOSContextHandle_t g, const GEOSGeometry *geometry, double margin)
{
  Rect r = { 0, 0, 0, 0 };

  GEOSGeom_getXMin_r (g, geometry, &r.x0);
  GEOSGeom_getYMin_r (g, geometry, &r.y0);
  GEOSGeom_getXMax_r (g, geometry, &r.x1);
  GEOSGeom_getYMax_r (g, geometry, &r.y1);
  return (Rect) { r.x0 - margin, r.y0 - margin, r.x1 + margin, r.y1 + margin };
}

static GEOSGeometry *
land_of (Inputs *in, StraitsProjection *proj, const char *code, const Rect *clip)
{
  int f = straits_basemap_find_feature (in->land, STRAITS_LAYER_COUNTRY, code);
  const StraitsFeature *feature;
  const guint8 *ring_flags = straits_basemap_get_ring_flags (in->land);
  g_autoptr(GPtrArray) polygons = g_ptr_array_new ();
  GEOSGeometry *collection, *valid;
  guint32 r, end;

  if (f < 0)
    return GEOSGeom_createEmptyPolygon_r (in->geos);
  feature = straits_basemap_get_feature (in->land, (guint) f);
  r = feature->first_ring;
  end = feature->first_ring + feature->n_rings;
  while (r < end)
    {
      GEOSGeometry *shell = land_ring (in, proj, r++);

      while (r < end && !(ring_flags[r] & 1))
        r++;
      if (shell != NULL)
        g_ptr_array_add (polygons, GEOSGeom_createPolygon_r (in->geos, shell, NULL, 0));
    }
  /* Each polygon repaired on its own, then all dissolved: repairing them
   * as one multipolygon would turn the land where two overlap into a
   * hole. Only what lies near the sea is kept: cut before repairing,
   * which costs by the vertex. */
  for (guint i = 0; i < polygons->len; i++)
    {
      GEOSGeometry *polygon = polygons->pdata[i];

      if (clip != NULL)
        {
          GEOSGeometry *clipped = GEOSClipByRect_r (in->geos, polygon, clip->x0, clip->y0, clip->x1, clip->y1);
          GEOSGeom_destroy_r (in->geos, polygon);
          polygon = clipped;
        }
      polygons->pdata[i] = GEOSMakeValid_r (in->geos, polygon);
      GEOSGeom_destroy_r (in->geos, polygon);
    }
  collection = GEOSGeom_createCollection_r (in->geos, GEOS_GEOMETRYCOLLECTION, (GEOSGeometry **) polygons->pdata,
                                            polygons->len);
  valid = GEOSUnaryUnion_r (in->geos, collection);
  GEOSGeom_destroy_r (in->geos, collection);
  return valid;
}

/* A ring of the sea limits, densified in degrees first so that its
 * projected edges follow the curves they stand for. */
static GEOSGeometry *
sea_ring (Inputs *in, StraitsProjection *proj, JsonArray *ring)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = json_array_get_length (ring);

  for (guint i = 0; i < n; i++)
    {
      JsonArray *p = json_array_get_array_element (ring, i);
      JsonArray *q = json_array_get_array_element (ring, (i + 1) % n);
      double lon = json_array_get_double_element (p, 0), lat = json_array_get_double_element (p, 1);
      double lon2 = json_array_get_double_element (q, 0), lat2 = json_array_get_double_element (q, 1);
      int steps = i + 1 < n ? MAX (1, (int) ceil (hypot (lon2 - lon, lat2 - lat) / 0.02)) : 1;

      for (int s = 0; s < steps; s++)
        {
          double pt[2] = { lon + (lon2 - lon) * s / steps, lat + (lat2 - lat) * s / steps };
          g_array_append_vals (xy, pt, 2);
        }
    }
  straits_projection_forward_array (proj, (double *) (gpointer) xy->data, xy->len / 2);
  return ring_from_points (in->geos, xy);
}

static GEOSGeometry *
sea_polygon (Inputs *in, StraitsProjection *proj, JsonArray *rings)
{
  GEOSGeometry *shell = sea_ring (in, proj, json_array_get_array_element (rings, 0));
  g_autoptr(GPtrArray) holes = g_ptr_array_new ();

  for (guint i = 1; i < json_array_get_length (rings); i++)
    {
      GEOSGeometry *hole = sea_ring (in, proj, json_array_get_array_element (rings, i));
      if (hole != NULL)
        g_ptr_array_add (holes, hole);
    }
  return GEOSGeom_createPolygon_r (in->geos, shell, (GEOSGeometry **) holes->pdata, holes->len);
}

/* The sea limit (or disputed area) named @name, projected. */
static GEOSGeometry *
sea_limit (Inputs *in, StraitsProjection *proj, const char *name)
{
  JsonArray *features = json_object_get_array_member (json_node_get_object (json_parser_get_root (in->seas)),
                                                      "features");

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      JsonArray *coords = json_object_get_array_member (geometry, "coordinates");
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      GEOSGeometry *collection, *valid;

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (feature, "properties"), "name"),
                     name) != 0)
        continue;
      if (g_str_equal (json_object_get_string_member (geometry, "type"), "Polygon"))
        g_ptr_array_add (parts, sea_polygon (in, proj, coords));
      else
        for (guint k = 0; k < json_array_get_length (coords); k++)
          g_ptr_array_add (parts, sea_polygon (in, proj, json_array_get_array_element (coords, k)));
      collection = GEOSGeom_createCollection_r (in->geos, GEOS_MULTIPOLYGON, (GEOSGeometry **) parts->pdata,
                                                parts->len);
      valid = GEOSMakeValid_r (in->geos, collection);
      GEOSGeom_destroy_r (in->geos, collection);
      return valid;
    }
  return GEOSGeom_createEmptyPolygon_r (in->geos);
}

/* Small helpers that consume their arguments, so that the method reads as
 * a sequence of set operations. */
static GEOSGeometry *
take_union (GEOSContextHandle_t g, GEOSGeometry *a, GEOSGeometry *b)
{
  GEOSGeometry *r = GEOSUnion_r (g, a, b);
  GEOSGeom_destroy_r (g, a);
  GEOSGeom_destroy_r (g, b);
  return r;
}

static GEOSGeometry *
take_difference (GEOSContextHandle_t g, GEOSGeometry *a, const GEOSGeometry *b)
{
  GEOSGeometry *r = GEOSDifference_r (g, a, b);
  GEOSGeom_destroy_r (g, a);
  return r;
}

static GEOSGeometry *
take_intersection (GEOSContextHandle_t g, GEOSGeometry *a, const GEOSGeometry *b)
{
  GEOSGeometry *r = GEOSIntersection_r (g, a, b);
  GEOSGeom_destroy_r (g, a);
  return r;
}

static GEOSGeometry *
take_buffer (GEOSContextHandle_t g, GEOSGeometry *a, double distance)
{
  GEOSGeometry *r = GEOSBuffer_r (g, a, distance, 4);
  GEOSGeom_destroy_r (g, a);
  return r;
}

static double
area_km2 (GEOSContextHandle_t g, const GEOSGeometry *geometry)
{
  double area = 0;

  GEOSArea_r (g, geometry, &area);
  return area / 1e6;
}

/* Water meets the coast: the coarse sea limit, carried over the gap to
 * the finer land (only near land, not out across open limits), less land. */
static GEOSGeometry *
water_of (GEOSContextHandle_t g, GEOSGeometry *sea, const GEOSGeometry *land)
{
  GEOSGeometry *grown = GEOSBuffer_r (g, sea, COAST_GAP, 4);
  /* Only a mask of where land is near: a simplified coast will do. */
  GEOSGeometry *simple = GEOSSimplify_r (g, land, 1000);
  GEOSGeometry *near_land = take_buffer (g, simple, COAST_GAP);
  GEOSGeometry *gap = take_intersection (g, grown, near_land);

  GEOSGeom_destroy_r (g, near_land);
  return take_difference (g, take_union (g, sea, gap), land);
}

/* The Aegean ------------------------------------------------------------------ */

typedef struct {
  const GEOSGeometry *point;
  int owner;                  /* 0 Greece, 1 Turkey */
} Site;

static void
add_sites (GEOSContextHandle_t g, const GEOSGeometry *lines, int owner, GArray *sites, GPtrArray *points)
{
  GEOSGeometry *dense = GEOSDensify_r (g, lines, SITE_SPACING);
  GEOSGeometry *unique = GEOSGeom_extractUniquePoints_r (g, dense);
  int n = GEOSGetNumGeometries_r (g, unique);

  for (int i = 0; i < n; i++)
    {
      GEOSGeometry *p = GEOSGeom_clone_r (g, GEOSGetGeometryN_r (g, unique, i));
      Site site = { p, owner };

      g_ptr_array_add (points, p);
      g_array_append_val (sites, site);
    }
  GEOSGeom_destroy_r (g, unique);
  GEOSGeom_destroy_r (g, dense);
}

/* Where the two belts overlap, the part nearer to Greece's coast: the
 * Voronoi cells of Greek coast points, among Greek and Turkish ones. */
static GEOSGeometry *
nearer_to_greece (GEOSContextHandle_t g, const GEOSGeometry *overlap, const GEOSGeometry *grc,
                  const GEOSGeometry *tur, double distance)
{
  GEOSGeometry *reach = GEOSBuffer_r (g, overlap, distance * 1.02, 4);
  GEOSGeometry *coast[2];
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (Site));
  g_autoptr(GPtrArray) points = g_ptr_array_new ();
  GEOSGeometry *all, *cells, *mine;
  GEOSSTRtree *tree;
  g_autoptr(GPtrArray) greek = g_ptr_array_new ();
  GHashTable *owner = g_hash_table_new (NULL, NULL);
  int n;

  coast[0] = take_intersection (g, GEOSBoundary_r (g, grc), reach);
  coast[1] = take_intersection (g, GEOSBoundary_r (g, tur), reach);
  add_sites (g, coast[0], 0, sites, points);
  add_sites (g, coast[1], 1, sites, points);
  GEOSGeom_destroy_r (g, coast[0]);
  GEOSGeom_destroy_r (g, coast[1]);

  tree = GEOSSTRtree_create_r (g, 10);
  for (guint i = 0; i < sites->len; i++)
    {
      Site *s = &g_array_index (sites, Site, i);
      GEOSSTRtree_insert_r (g, tree, s->point, (gpointer) s->point);
      g_hash_table_insert (owner, (gpointer) s->point, GINT_TO_POINTER (s->owner));
    }
  /* The collection takes the points; the sites array only looks at them. */
  all = GEOSGeom_createCollection_r (g, GEOS_MULTIPOINT, (GEOSGeometry **) points->pdata, points->len);
  cells = GEOSVoronoiDiagram_r (g, all, reach, 0, 0);
  n = GEOSGetNumGeometries_r (g, cells);
  for (int i = 0; i < n; i++)
    {
      const GEOSGeometry *cell = GEOSGetGeometryN_r (g, cells, i);
      GEOSGeometry *inside = GEOSPointOnSurface_r (g, cell);
      const GEOSGeometry *site = GEOSSTRtree_nearest_r (g, tree, inside);

      if (site != NULL && GPOINTER_TO_INT (g_hash_table_lookup (owner, site)) == 0)
        g_ptr_array_add (greek, GEOSGeom_clone_r (g, cell));
      GEOSGeom_destroy_r (g, inside);
    }
  GEOSSTRtree_destroy_r (g, tree);
  g_hash_table_unref (owner);
  mine = GEOSGeom_createCollection_r (g, GEOS_GEOMETRYCOLLECTION, (GEOSGeometry **) greek->pdata, greek->len);
  {
    /* The cells tile the plane edge to edge: a coverage union is exact
     * and costs a fraction of an overlay union, which is kept for the
     * case GEOS refuses the cells as a coverage. */
    GEOSGeometry *merged = GEOSCoverageUnion_r (g, mine);

    if (merged == NULL)
      merged = GEOSUnaryUnion_r (g, mine);
    GEOSGeom_destroy_r (g, mine);
    mine = take_intersection (g, merged, overlap);
  }
  GEOSGeom_destroy_r (g, cells);
  GEOSGeom_destroy_r (g, all);
  GEOSGeom_destroy_r (g, reach);
  return mine;
}

/* x, y pairs of every ring (or line) of @geometry, NaN pairs between. */
static void
append_coordinates (GEOSContextHandle_t g, const GEOSGeometry *geometry, GArray *out)
{
  int type = GEOSGeomTypeId_r (g, geometry);

  if (type == GEOS_POLYGON)
    {
      append_coordinates (g, GEOSGetExteriorRing_r (g, geometry), out);
      for (int i = 0; i < GEOSGetNumInteriorRings_r (g, geometry); i++)
        append_coordinates (g, GEOSGetInteriorRingN_r (g, geometry, i), out);
    }
  else if (type == GEOS_LINESTRING || type == GEOS_LINEARRING)
    {
      const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (g, geometry);
      unsigned int n = 0;
      double gap[2] = { NAN, NAN };

      GEOSCoordSeq_getSize_r (g, seq, &n);
      for (unsigned int i = 0; i < n; i++)
        {
          double xy[2];
          GEOSCoordSeq_getXY_r (g, seq, i, &xy[0], &xy[1]);
          g_array_append_vals (out, xy, 2);
        }
      g_array_append_vals (out, gap, 2);
    }
  else
    for (int i = 0; i < GEOSGetNumGeometries_r (g, geometry) && type >= GEOS_MULTIPOINT; i++)
      append_coordinates (g, GEOSGetGeometryN_r (g, geometry, i), out);
}

static GArray *
coordinates_of (GEOSContextHandle_t g, const GEOSGeometry *geometry)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));

  append_coordinates (g, geometry, out);
  return out;
}

/* Areas and shares of @split under @limit, from each country's part of
 * the water (@mine) and the water itself. */
static void
fill_split (GEOSContextHandle_t g, const GEOSGeometry *water, GEOSGeometry *const mine[2],
            StraitsSeaSplit *split, StraitsMaritimeLimit limit)
{
  double total = area_km2 (g, water);

  if (limit == 0)
    split->sea_area_km2 = total;
  split->area_km2[limit][0] = area_km2 (g, mine[0]);
  split->area_km2[limit][1] = area_km2 (g, mine[1]);
  split->area_km2[limit][STRAITS_MARITIME_HIGH_SEAS] =
    MAX (0, total - split->area_km2[limit][0] - split->area_km2[limit][1]);
  for (int part = 0; part < STRAITS_MARITIME_N_PARTS; part++)
    split->share_pct[limit][part] = 100 * split->area_km2[limit][part] / total;
}

/* Distances, in metres, the belts are grown through, each buffer growing
 * the one before. A disc grown by a disc is a disc of the summed radius,
 * so every point of a belt still lies within its limit of the coast, and
 * none lies farther inside it than the arcs' chords allow (0.5 %); but
 * growing the smooth outline of a narrow first buffer costs a fraction of
 * buffering the full-resolution coast and its islets at 6 or 12 nm. */
static const double belt_steps[] = {
  1 * STRAITS_NAUTICAL_MILE,
  6 * STRAITS_NAUTICAL_MILE,   /* STRAITS_MARITIME_6NM */
  12 * STRAITS_NAUTICAL_MILE,  /* STRAITS_MARITIME_12NM */
};

/* One country's land on the Aegean and its belts, grown in a thread and a
 * GEOS context of their own. */
typedef struct {
  Inputs *in;
  const char *code;
  Rect clip;
  GEOSContextHandle_t geos;
  GEOSGeometry *land;
  GEOSGeometry *belts[STRAITS_MARITIME_N_LIMITS];
} Coast;

static gpointer
grow_coast (gpointer data)
{
  Coast *coast = data;
  Inputs mine = *coast->in;
  g_autoptr(StraitsProjection) proj = straits_projection_new (STRAITS_MARITIME_PROJECTION, NULL);
  GEOSContextHandle_t g;
  GEOSGeometry *first;

  g = mine.geos = coast->geos = GEOS_init_r ();
  coast->land = land_of (&mine, proj, coast->code, &coast->clip);
  first = GEOSBuffer_r (g, coast->land, belt_steps[0], QUADRANT_SEGMENTS);
  coast->belts[STRAITS_MARITIME_6NM] = GEOSBuffer_r (g, first, belt_steps[1] - belt_steps[0], QUADRANT_SEGMENTS);
  coast->belts[STRAITS_MARITIME_12NM] = GEOSBuffer_r (g, coast->belts[STRAITS_MARITIME_6NM],
                                                      belt_steps[2] - belt_steps[1], QUADRANT_SEGMENTS);
  GEOSGeom_destroy_r (g, first);
  return NULL;
}

static void
coast_clear (Coast *coast)
{
  GEOSGeom_destroy_r (coast->geos, coast->land);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    GEOSGeom_destroy_r (coast->geos, coast->belts[l]);
  GEOS_finish_r (coast->geos);
}

/* The Aegean's water with and without the Sea of Crete. The gap between
 * the Sea of Crete's coarse limit and the coast (Crete's and that of the
 * islands on its edge) belongs to the Sea of Crete: filled water within
 * COAST_GAP of its limit and not within COAST_GAP of the Aegean Sea's
 * goes with it. */
static void
aegean_waters (GEOSContextHandle_t g, GEOSGeometry *aegean, GEOSGeometry *crete, const GEOSGeometry *land,
               GEOSGeometry **water_all, GEOSGeometry **water_north)
{
  GEOSGeometry *near_aegean = GEOSBuffer_r (g, aegean, COAST_GAP, 4);
  GEOSGeometry *crete_zone = take_difference (g, GEOSBuffer_r (g, crete, COAST_GAP, 4), near_aegean);

  crete_zone = take_union (g, crete_zone, GEOSGeom_clone_r (g, crete));
  *water_all = water_of (g, take_union (g, aegean, crete), land);
  *water_north = GEOSDifference_r (g, *water_all, crete_zone);
  GEOSGeom_destroy_r (g, crete_zone);
  GEOSGeom_destroy_r (g, near_aegean);
}

/* One limit: the belts divided by the median line and cut to the water. */
static void
split_limit (GEOSContextHandle_t g, const Coast coasts[2], const GEOSGeometry *water_all,
             const GEOSGeometry *water_north, StraitsMaritimeLimit limit, StraitsMaritimeReport *report)
{
  /* Belts are cut to the water at the end, which also takes the land out
   * of them. */
  GEOSGeometry *belts[2] = { GEOSGeom_clone_r (g, coasts[0].belts[limit]), GEOSGeom_clone_r (g, coasts[1].belts[limit]) };
  GEOSGeometry *overlap = GEOSIntersection_r (g, belts[0], belts[1]);
  GEOSGeometry *mine[2], *north[2];

  if (GEOSisEmpty_r (g, overlap))
    report->median[limit] = g_array_new (FALSE, FALSE, sizeof (double));
  else
    {
      GEOSGeometry *greek = nearer_to_greece (g, overlap, coasts[0].land, coasts[1].land, belt_steps[limit + 1]);
      GEOSGeometry *turkish = GEOSDifference_r (g, overlap, greek);
      GEOSGeometry *line = take_intersection (g, GEOSBoundary_r (g, greek), turkish);

      belts[0] = take_difference (g, belts[0], turkish);
      belts[1] = take_difference (g, belts[1], greek);
      line = take_intersection (g, line, water_all);
      report->median[limit] = coordinates_of (g, line);
      GEOSGeom_destroy_r (g, line);
      GEOSGeom_destroy_r (g, greek);
      GEOSGeom_destroy_r (g, turkish);
    }
  for (int part = 0; part < 2; part++)
    {
      mine[part] = take_intersection (g, belts[part], water_all);
      north[part] = GEOSIntersection_r (g, mine[part], water_north);
      /* Shells clockwise, holes anticlockwise: the overlay's signed area
       * is the belt's. */
      GEOSNormalize_r (g, mine[part]);
      report->belts[limit][part] = coordinates_of (g, mine[part]);
    }
  fill_split (g, water_all, mine, &report->aegean, limit);
  fill_split (g, water_north, north, &report->aegean_without_crete, limit);
  for (int part = 0; part < 2; part++)
    {
      GEOSGeom_destroy_r (g, mine[part]);
      GEOSGeom_destroy_r (g, north[part]);
    }
  GEOSGeom_destroy_r (g, overlap);
}

/* Both limits in the Aegean. Turkey's belts grow in a second thread while
 * this one grows Greece's. */
static void
measure_aegean (Inputs *in, StraitsMaritimeReport *report)
{
  GEOSContextHandle_t g = in->geos;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(StraitsProjection) proj = straits_projection_new (STRAITS_MARITIME_PROJECTION, NULL);
  GEOSGeometry *aegean = sea_limit (in, proj, "Aegean Sea");
  GEOSGeometry *crete = sea_limit (in, proj, "Sea of Crete");
  /* Land farther than 12 nm (and the median line's reach) from the sea
   * changes nothing. */
  Rect near_sea = envelope_of (g, aegean, 60000);
  Rect near_crete = envelope_of (g, crete, 60000);
  Rect clip = { MIN (near_sea.x0, near_crete.x0), MIN (near_sea.y0, near_crete.y0),
                MAX (near_sea.x1, near_crete.x1), MAX (near_sea.y1, near_crete.y1) };
  Coast coasts[2] = { { in, "GRC", clip, NULL, NULL, { NULL } }, { in, "TUR", clip, NULL, NULL, { NULL } } };
  GThread *turkey = g_thread_new ("maritime-tur", grow_coast, &coasts[1]);
  GEOSGeometry *land, *water_all, *water_north;

  grow_coast (&coasts[0]);
  g_thread_join (turkey);
  land = GEOSUnion_r (g, coasts[0].land, coasts[1].land);
  aegean_waters (g, aegean, crete, land, &water_all, &water_north);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    split_limit (g, coasts, water_all, water_north, l, report);
  GEOSGeom_destroy_r (g, water_all);
  GEOSGeom_destroy_r (g, water_north);
  GEOSGeom_destroy_r (g, land);
  coast_clear (&coasts[0]);
  coast_clear (&coasts[1]);
  report->aegean_seconds = (g_get_monotonic_time () - start) / 1e6;
}

/* The Black Sea ---------------------------------------------------------------- */

/* Dividers along one line of @n points (x, y pairs, metres). The next
 * point is where the circle of radius @ruler around the last one leaves
 * the line: on the first segment whose end lies @ruler or farther, the
 * larger root of |A + t (B - A) - P| = ruler. */
static double
ruler_along (const double *xy, unsigned int n, double ruler)
{
  double px = xy[0], py = xy[1], total = 0;
  unsigned int i = 1;

  while (i < n)
    {
      double ax, ay, dx, dy, fx, fy, a, b, c, t;

      while (i < n && hypot (xy[2 * i] - px, xy[2 * i + 1] - py) < ruler)
        i++;
      if (i == n)
        break;
      ax = xy[2 * (i - 1)];
      ay = xy[2 * (i - 1) + 1];
      dx = xy[2 * i] - ax;
      dy = xy[2 * i + 1] - ay;
      fx = ax - px;
      fy = ay - py;
      a = dx * dx + dy * dy;
      b = 2 * (fx * dx + fy * dy);
      c = fx * fx + fy * fy - ruler * ruler;
      if (a <= 0)
        {
          i++;
          continue;
        }
      t = (-b + sqrt (MAX (0, b * b - 4 * a * c))) / (2 * a);
      px = ax + CLAMP (t, 0, 1) * dx;
      py = ay + CLAMP (t, 0, 1) * dy;
      total += ruler;
    }
  return total + hypot (xy[2 * (n - 1)] - px, xy[2 * (n - 1) + 1] - py);
}

double
_straits_ruler_length (GEOSContextHandle_t  g,
                       const GEOSGeometry  *lines,
                       double               ruler_m)
{
  int type = GEOSGeomTypeId_r (g, lines);
  double total = 0;

  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING)
    {
      const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (g, lines);
      unsigned int n = 0;
      g_autofree double *xy = NULL;

      GEOSCoordSeq_getSize_r (g, seq, &n);
      if (n < 2)
        return 0;
      xy = g_new (double, 2 * (gsize) n);
      GEOSCoordSeq_copyToBuffer_r (g, seq, xy, 0, 0);
      return ruler_along (xy, n, ruler_m);
    }
  for (int i = 0; type >= GEOS_MULTIPOINT && i < GEOSGetNumGeometries_r (g, lines); i++)
    total += _straits_ruler_length (g, GEOSGetGeometryN_r (g, lines, i), ruler_m);
  return total;
}

GEOSGeometry *
_straits_open_sea (GEOSContextHandle_t  g,
                   const GEOSGeometry  *water,
                   const GEOSGeometry  *seeds,
                   double               closing_m)
{
  GEOSGeometry *opened;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GEOSGeometry *result;

  if (closing_m > 0)
    {
      GEOSGeometry *eroded = GEOSBuffer_r (g, water, -closing_m / 2, QUADRANT_SEGMENTS);

      opened = GEOSBuffer_r (g, eroded, closing_m / 2, QUADRANT_SEGMENTS);
      GEOSGeom_destroy_r (g, eroded);
    }
  else
    opened = GEOSGeom_clone_r (g, water);
  for (int i = 0; i < GEOSGetNumGeometries_r (g, opened); i++)
    {
      const GEOSGeometry *part = GEOSGetGeometryN_r (g, opened, i);

      if (GEOSGeomTypeId_r (g, part) == GEOS_POLYGON && GEOSIntersects_r (g, part, seeds) == 1)
        g_ptr_array_add (kept, GEOSGeom_clone_r (g, part));
    }
  result = GEOSGeom_createCollection_r (g, GEOS_MULTIPOLYGON, (GEOSGeometry **) kept->pdata, kept->len);
  GEOSGeom_destroy_r (g, opened);
  return result;
}

/* The outline of @land within @zone: coast and, near the shore, the ends
 * of land borders. */
static GEOSGeometry *
edge_within (GEOSContextHandle_t g, const GEOSGeometry *land, const GEOSGeometry *zone)
{
  return take_intersection (g, GEOSBoundary_r (g, land), zone);
}

/* The coasts' lengths under one closing width, with every ruler. The
 * coastline is the open sea's edge in each sea's shore zone: the land's
 * edge where the water is open, and across a closed inlet the arc the
 * opening leaves at its mouth. Each piece goes to the first country (in
 * the report's order) whose land's edge lies within half the closing
 * width (plus COAST_NEAR_WATER) of it; Ukraine's and Russia's pieces in
 * Crimea go to Crimea's line. */
static void
measure_coasts (GEOSContextHandle_t g, GEOSGeometry *const *edges, GEOSGeometry *const *zones,
                const GEOSGeometry *crimea_zone, const GEOSGeometry *open_sea, double closing_m,
                double paradox[2][STRAITS_COAST_N_CLOSINGS][STRAITS_COAST_N_RULERS][STRAITS_COAST_N], int closing)
{
  GEOSGeometry *edge_of_sea = GEOSBoundary_r (g, open_sea);

  for (int sea = 0; sea < 2; sea++)
    {
      GEOSGeometry *coastline = GEOSIntersection_r (g, edge_of_sea, zones[sea]);
      GEOSGeometry *crimean = GEOSGeom_createEmptyLineString_r (g);
      GEOSGeometry *taken = GEOSGeom_createEmptyPolygon_r (g);
      GEOSGeometry *coasts[STRAITS_COAST_N];

      for (int c = 0; c < STRAITS_COAST_CRIMEA; c++)
        {
          GEOSGeometry *reach = GEOSBuffer_r (g, edges[c], closing_m / 2 + COAST_NEAR_WATER, 4);

          coasts[c] = take_difference (g, GEOSIntersection_r (g, coastline, reach), taken);
          taken = take_union (g, taken, reach);
          if (c == STRAITS_COAST_UKR || c == STRAITS_COAST_RUS)
            {
              crimean = take_union (g, crimean, GEOSIntersection_r (g, coasts[c], crimea_zone));
              coasts[c] = take_difference (g, coasts[c], crimea_zone);
            }
        }
      coasts[STRAITS_COAST_CRIMEA] = crimean;
      for (int c = 0; c < STRAITS_COAST_N; c++)
        {
          GEOSGeometry *merged = GEOSLineMerge_r (g, coasts[c]);

          for (int r = 0; r < STRAITS_COAST_N_RULERS; r++)
            paradox[sea][closing][r][c] = _straits_ruler_length (g, merged ? merged : coasts[c],
                                                                 straits_coast_rulers_km[r] * 1000) / 1000;
          if (merged != NULL)
            GEOSGeom_destroy_r (g, merged);
          GEOSGeom_destroy_r (g, coasts[c]);
        }
      GEOSGeom_destroy_r (g, taken);
      GEOSGeom_destroy_r (g, coastline);
    }
  GEOSGeom_destroy_r (g, edge_of_sea);
}

/* The sea's seeds: a point inside each sea limit, where the water is open. */
static GEOSGeometry *
seeds_of (GEOSContextHandle_t g, GEOSGeometry *const *seas, int n)
{
  GEOSGeometry *points[2];

  for (int i = 0; i < n; i++)
    points[i] = GEOSPointOnSurface_r (g, seas[i]);
  return GEOSGeom_createCollection_r (g, GEOS_MULTIPOINT, points, (unsigned int) n);
}

static void
measure_black_sea (Inputs *in, StraitsMaritimeReport *report)
{
  static const char *const countries[] = { "TUR", "BGR", "ROU", "UKR", "RUS", "GEO" };
  enum { N = G_N_ELEMENTS (countries) };
  GEOSContextHandle_t g = in->geos;
  g_autoptr(StraitsProjection) proj = straits_projection_new (BLACK_SEA_PROJECTION, NULL);
  GEOSGeometry *crimea = sea_limit (in, proj, "Crimea");
  GEOSGeometry *crimea_zone = take_buffer (g, GEOSGeom_clone_r (g, crimea), 3000);
  GEOSGeometry *seas[2] = { sea_limit (in, proj, "Black Sea"), sea_limit (in, proj, "Sea of Azov") };
  GEOSGeometry *zones[2], *edges[N], *water, *seeds;
  double paradox[2][STRAITS_COAST_N_CLOSINGS][STRAITS_COAST_N_RULERS][STRAITS_COAST_N];
  gint64 start = g_get_monotonic_time ();
  Rect clip;

  /* Each sea's shore zone: the coast within COAST_GAP of the sea limit
   * (Natural Earth's 1:10m limits stand off the finer coast by up to a
   * few kilometres). Where the two seas meet, at the Kerch Strait, the
   * Black Sea's zone ends where the Sea of Azov's begins. */
  zones[1] = GEOSBuffer_r (g, seas[1], COAST_GAP, 4);
  zones[0] = take_difference (g, GEOSBuffer_r (g, seas[0], COAST_GAP, 4), zones[1]);
  {
    GEOSGeometry *both = GEOSUnion_r (g, zones[0], zones[1]);
    GEOSGeometry *lands[N], *land;

    clip = envelope_of (g, both, 1000);
    for (int c = 0; c < N; c++)
      {
        lands[c] = land_of (in, proj, countries[c], &clip);
        edges[c] = edge_within (g, lands[c], both);
      }
    /* Crimea is the land both Ukraine and Russia hold in the source, and
     * Natural Earth's (coarser) Crimea: spits that stick out of the
     * latter are Crimea's too. */
    crimea_zone = take_union (g, crimea_zone,
                              take_buffer (g, GEOSIntersection_r (g, lands[STRAITS_COAST_UKR], lands[STRAITS_COAST_RUS]),
                                           100));
    /* The water: everything in the frame that is no one's land. */
    land = GEOSGeom_clone_r (g, lands[0]);
    for (int c = 1; c < N; c++)
      land = take_union (g, land, GEOSGeom_clone_r (g, lands[c]));
    water = take_difference (g, GEOSGeom_createRectangle_r (g, clip.x0, clip.y0, clip.x1, clip.y1), land);
    GEOSGeom_destroy_r (g, land);
    for (int c = 0; c < N; c++)
      GEOSGeom_destroy_r (g, lands[c]);
    GEOSGeom_destroy_r (g, both);
  }
  seeds = seeds_of (g, seas, 2);
  for (int k = 0; k < STRAITS_COAST_N_CLOSINGS; k++)
    {
      double closing_m = straits_coast_closings_km[k] * 1000;
      GEOSGeometry *open = _straits_open_sea (g, water, seeds, closing_m);

      measure_coasts (g, edges, zones, crimea_zone, open, closing_m, paradox, k);
      GEOSGeom_destroy_r (g, open);
    }
  memcpy (report->black_sea_paradox_km, paradox[0], sizeof report->black_sea_paradox_km);
  memcpy (report->azov_paradox_km, paradox[1], sizeof report->azov_paradox_km);
  _straits_maritime_report_take_defaults (report);
  for (int c = 0; c < N; c++)
    GEOSGeom_destroy_r (g, edges[c]);
  GEOSGeom_destroy_r (g, seeds);
  GEOSGeom_destroy_r (g, water);
  GEOSGeom_destroy_r (g, zones[0]);
  GEOSGeom_destroy_r (g, zones[1]);
  GEOSGeom_destroy_r (g, seas[0]);
  GEOSGeom_destroy_r (g, seas[1]);
  GEOSGeom_destroy_r (g, crimea_zone);
  GEOSGeom_destroy_r (g, crimea);
  report->coastline_seconds = (g_get_monotonic_time () - start) / 1e6;
}

typedef struct {
  Inputs *in;
  StraitsMaritimeReport *report;
} Part;

/* The Black Sea's coastlines, in a thread and a GEOS context of their own;
 * the inputs are only read. */
static gpointer
measure_black_sea_thread (gpointer data)
{
  Part *part = data;
  Inputs mine = *part->in;

  mine.geos = GEOS_init_r ();
  measure_black_sea (&mine, part->report);
  GEOS_finish_r (mine.geos);
  return NULL;
}

StraitsMaritimeReport *
straits_maritime_compute (const char  *maritime_dir,
                          GError     **error)
{
  Inputs in = { 0 };
  g_autofree char *checksum = _straits_maritime_input_checksum (maritime_dir, error);
  StraitsMaritimeReport *report;
  gint64 start = g_get_monotonic_time ();
  GThread *black_sea;
  Part part;

  if (checksum == NULL || !inputs_load (&in, maritime_dir, error))
    {
      inputs_clear (&in);
      return NULL;
    }
  report = g_new0 (StraitsMaritimeReport, 1);
  /* The two seas share nothing but the inputs: side by side. */
  part = (Part) { &in, report };
  black_sea = g_thread_new ("maritime-black-sea", measure_black_sea_thread, &part);
  measure_aegean (&in, report);
  g_thread_join (black_sea);
  report->checksum = g_steal_pointer (&checksum);
  report->seconds = (g_get_monotonic_time () - start) / 1e6;
  inputs_clear (&in);
  return report;
}

/* Tests ---------------------------------------------------------------------- */

/* Distances in metres from the points @xy (@n pairs, in the measuring
 * projection) to the land of @country ("GRC" or "TUR"), into @out. */
gboolean
straits_maritime_distances_to_land (const char   *maritime_dir,
                                    const char   *country,
                                    const double *xy,
                                    guint         n,
                                    double       *out)
{
  Inputs in = { 0 };
  g_autoptr(StraitsProjection) proj = straits_projection_new (STRAITS_MARITIME_PROJECTION, NULL);
  GEOSGeometry *land;
  const GEOSPreparedGeometry *prepared;

  if (!inputs_load (&in, maritime_dir, NULL))
    {
      inputs_clear (&in);
      return FALSE;
    }
  land = land_of (&in, proj, country, NULL);
  prepared = GEOSPrepare_r (in.geos, land);
  for (guint i = 0; i < n; i++)
    {
      GEOSGeometry *point = GEOSGeom_createPointFromXY_r (in.geos, xy[2 * i], xy[2 * i + 1]);

      out[i] = NAN;
      GEOSPreparedDistance_r (in.geos, prepared, point, &out[i]);
      GEOSGeom_destroy_r (in.geos, point);
    }
  GEOSPreparedGeom_destroy_r (in.geos, prepared);
  GEOSGeom_destroy_r (in.geos, land);
  inputs_clear (&in);
  return TRUE;
}
