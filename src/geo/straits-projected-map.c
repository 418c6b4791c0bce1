/* straits-projected-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include "straits-geos-private.h"

#include "straits-projected-map.h"

struct _StraitsProjectedMap
{
  gatomicrefcount ref_count;
  StraitsBasemap *basemap;
  StraitsProjection *projection;
  StraitsRegion region;
  StraitsBox extent;

  double *xy;             /* projected points */
  StraitsBox *arc_boxes;
  StraitsBox *feature_boxes;
  double *label_xy;
  double *areas;

  GMutex geos_lock;
  GEOSContextHandle_t geos;
  GEOSGeometry **geometries;                /* per feature, lazily */
  const GEOSPreparedGeometry **prepared;
  gint16 *arc_territories;                  /* per arc, lazily: see _get_arc_territory () */
  StraitsBox land_box;                      /* the box of land_rings */
  GArray *land_rings;                       /* see straits_projected_map_get_land_rings () */
};

static void
box_reset (StraitsBox *b)
{
  b->x0 = b->y0 = G_MAXDOUBLE;
  b->x1 = b->y1 = -G_MAXDOUBLE;
}

static void
box_add (StraitsBox *b, double x, double y)
{
  b->x0 = MIN (b->x0, x);
  b->y0 = MIN (b->y0, y);
  b->x1 = MAX (b->x1, x);
  b->y1 = MAX (b->y1, y);
}

static void
box_union (StraitsBox *b, const StraitsBox *other)
{
  b->x0 = MIN (b->x0, other->x0);
  b->y0 = MIN (b->y0, other->y0);
  b->x1 = MAX (b->x1, other->x1);
  b->y1 = MAX (b->y1, other->y1);
}

/* The region's frame: its lon/lat box densified along the edges, since
 * parallels and meridians are curves in most projections. */
static void
compute_extent (StraitsProjectedMap *self)
{
  const StraitsRegion *r = &self->region;
  const int steps = 32;

  box_reset (&self->extent);
  for (int i = 0; i <= steps; i++)
    {
      double t = (double) i / steps, x, y;
      double lon = r->west + t * (r->east - r->west), lat = r->south + t * (r->north - r->south);

      if (straits_projection_forward (self->projection, lon, r->south, &x, &y))
        box_add (&self->extent, x, y);
      if (straits_projection_forward (self->projection, lon, r->north, &x, &y))
        box_add (&self->extent, x, y);
      if (straits_projection_forward (self->projection, r->west, lat, &x, &y))
        box_add (&self->extent, x, y);
      if (straits_projection_forward (self->projection, r->east, lat, &x, &y))
        box_add (&self->extent, x, y);
    }
}

static void
project_points (StraitsProjectedMap *self)
{
  guint n = straits_basemap_get_n_points (self->basemap);

  self->xy = g_new (double, 2 * (gsize) n + 2);
  for (guint i = 0; i < n; i++)
    straits_basemap_get_point (self->basemap, i, &self->xy[2 * i], &self->xy[2 * i + 1]);
  straits_projection_forward_array (self->projection, self->xy, n);
}

static void
compute_arc_boxes (StraitsProjectedMap *self)
{
  guint n_arcs = straits_basemap_get_n_arcs (self->basemap);
  const guint32 *starts = straits_basemap_get_arc_starts (self->basemap);

  self->arc_boxes = g_new (StraitsBox, n_arcs + 1);
  for (guint a = 0; a < n_arcs; a++)
    {
      box_reset (&self->arc_boxes[a]);
      for (guint32 p = starts[a]; p < starts[a + 1]; p++)
        if (isfinite (self->xy[2 * p]) && self->xy[2 * p] != HUGE_VAL)
          box_add (&self->arc_boxes[a], self->xy[2 * p], self->xy[2 * p + 1]);
    }
}

static double
ring_area (StraitsProjectedMap *self, guint ring)
{
  const guint32 *ring_starts = straits_basemap_get_ring_starts (self->basemap);
  const gint32 *refs = straits_basemap_get_refs (self->basemap);
  const guint32 *arc_starts = straits_basemap_get_arc_starts (self->basemap);
  double sum = 0;

  /* Shoelace over the ring's arcs; each arc's points in ring order. */
  for (guint32 k = ring_starts[ring]; k < ring_starts[ring + 1]; k++)
    {
      gint32 ref = refs[k];
      guint32 arc = ref >= 0 ? (guint32) ref : (guint32) ~ref;
      guint32 first = arc_starts[arc], last = arc_starts[arc + 1] - 1;

      for (guint32 i = first; i < last; i++)
        {
          guint32 p = ref >= 0 ? i : last - (i - first);
          guint32 q = ref >= 0 ? i + 1 : last - (i - first) - 1;

          sum += self->xy[2 * p] * self->xy[2 * q + 1] - self->xy[2 * q] * self->xy[2 * p + 1];
        }
    }
  return sum / 2;
}

static void
compute_features (StraitsProjectedMap *self)
{
  guint n = straits_basemap_get_n_features (self->basemap);
  const guint32 *ring_starts = straits_basemap_get_ring_starts (self->basemap);
  const gint32 *refs = straits_basemap_get_refs (self->basemap);

  self->feature_boxes = g_new (StraitsBox, n + 1);
  self->label_xy = g_new (double, 2 * (gsize) n + 2);
  self->areas = g_new0 (double, n + 1);
  for (guint f = 0; f < n; f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (self->basemap, f);

      box_reset (&self->feature_boxes[f]);
      for (guint32 r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
        {
          for (guint32 k = ring_starts[r]; k < ring_starts[r + 1]; k++)
            {
              gint32 ref = refs[k];
              box_union (&self->feature_boxes[f], &self->arc_boxes[ref >= 0 ? ref : ~ref]);
            }
          self->areas[f] += fabs (ring_area (self, r)) *
                            ((straits_basemap_get_ring_flags (self->basemap)[r] & 1) ? 1 : -1);
        }
      if (!straits_projection_forward (self->projection, feature->label_lon, feature->label_lat,
                                       &self->label_xy[2 * f], &self->label_xy[2 * f + 1]))
        self->label_xy[2 * f] = self->label_xy[2 * f + 1] = NAN;
      if (feature->n_rings == 0 && isfinite (self->label_xy[2 * f]))
        box_add (&self->feature_boxes[f], self->label_xy[2 * f], self->label_xy[2 * f + 1]);
    }
}

StraitsProjectedMap *
straits_projected_map_new (StraitsBasemap      *basemap,
                           const StraitsRegion *region,
                           StraitsProjection   *projection)
{
  StraitsProjectedMap *self;

  /* Its first frame asks GEOS where the arcs' territories are: GEOS is
   * opened now, in the thread that projects the first view at start. */
  straits_geos_load ();
  self = g_new0 (StraitsProjectedMap, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->basemap = straits_basemap_ref (basemap);
  self->projection = straits_projection_ref (projection);
  self->region = *region;
  self->region.projection = g_strdup (region->projection);
  self->region.id = g_intern_string (region->id);
  g_mutex_init (&self->geos_lock);

  compute_extent (self);
  project_points (self);
  compute_arc_boxes (self);
  compute_features (self);
  return self;
}

StraitsProjectedMap *
straits_projected_map_ref (StraitsProjectedMap *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
straits_projected_map_unref (StraitsProjectedMap *self)
{
  guint n;

  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  n = straits_basemap_get_n_features (self->basemap);
  g_clear_pointer (&self->land_rings, g_array_unref);
  if (self->geos != NULL)
    {
      for (guint f = 0; f < n; f++)
        {
          if (self->prepared[f] != NULL)
            GEOSPreparedGeom_destroy_r (self->geos, self->prepared[f]);
          if (self->geometries[f] != NULL)
            GEOSGeom_destroy_r (self->geos, self->geometries[f]);
        }
      GEOS_finish_r (self->geos);
    }
  g_free (self->prepared);
  g_free (self->geometries);
  g_free (self->arc_territories);
  g_mutex_clear (&self->geos_lock);
  g_free (self->xy);
  g_free (self->arc_boxes);
  g_free (self->feature_boxes);
  g_free (self->label_xy);
  g_free (self->areas);
  g_free ((char *) self->region.projection);
  straits_projection_unref (self->projection);
  straits_basemap_unref (self->basemap);
  g_free (self);
}

StraitsBasemap *straits_projected_map_get_basemap (StraitsProjectedMap *self) { return self->basemap; }
StraitsProjection *straits_projected_map_get_projection (StraitsProjectedMap *self) { return self->projection; }
const StraitsRegion *straits_projected_map_get_region (StraitsProjectedMap *self) { return &self->region; }
StraitsBox straits_projected_map_get_extent (StraitsProjectedMap *self) { return self->extent; }
const double *straits_projected_map_get_xy (StraitsProjectedMap *self) { return self->xy; }
const StraitsBox *straits_projected_map_get_arc_boxes (StraitsProjectedMap *self) { return self->arc_boxes; }

const StraitsBox *
straits_projected_map_get_feature_box (StraitsProjectedMap *self,
                                       guint                feature)
{
  return &self->feature_boxes[feature];
}

void
straits_projected_map_get_label_point (StraitsProjectedMap *self,
                                       guint                feature,
                                       double              *x,
                                       double              *y)
{
  *x = self->label_xy[2 * feature];
  *y = self->label_xy[2 * feature + 1];
}

double
straits_projected_map_get_feature_area (StraitsProjectedMap *self,
                                        guint                feature)
{
  return self->areas[feature];
}

/* GEOS ----------------------------------------------------------------- */

static GEOSGeometry *
build_ring (StraitsProjectedMap *self, guint ring)
{
  const guint32 *ring_starts = straits_basemap_get_ring_starts (self->basemap);
  const gint32 *refs = straits_basemap_get_refs (self->basemap);
  const guint32 *arc_starts = straits_basemap_get_arc_starts (self->basemap);
  g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));
  GEOSCoordSequence *seq;

  for (guint32 k = ring_starts[ring]; k < ring_starts[ring + 1]; k++)
    {
      gint32 ref = refs[k];
      guint32 arc = ref >= 0 ? (guint32) ref : (guint32) ~ref;
      guint32 first = arc_starts[arc], last = arc_starts[arc + 1] - 1;

      /* Consecutive arcs share their end points: skip the repeat. */
      for (guint32 i = (k == ring_starts[ring] ? first : first + 1); i <= last; i++)
        {
          guint32 p = ref >= 0 ? i : last - (i - first);

          g_array_append_vals (coords, &self->xy[2 * p], 2);
        }
    }
  if (coords->len < 8)
    return NULL;
  /* Close the ring exactly, whatever rounding did. (A copy: appending
   * from the array itself would read what the append may free.) */
  {
    double first[2] = { g_array_index (coords, double, 0), g_array_index (coords, double, 1) };
    g_array_append_vals (coords, first, 2);
  }
  seq = GEOSCoordSeq_copyFromBuffer_r (self->geos, (const double *) (gpointer) coords->data,
                                       coords->len / 2, 0, 0);
  return GEOSGeom_createLinearRing_r (self->geos, seq);
}

static GEOSGeometry *
build_feature_geometry (StraitsProjectedMap *self, guint f)
{
  const StraitsFeature *feature = straits_basemap_get_feature (self->basemap, f);
  const guint8 *ring_flags = straits_basemap_get_ring_flags (self->basemap);
  g_autoptr(GPtrArray) polygons = g_ptr_array_new ();
  guint32 r = feature->first_ring, end = feature->first_ring + feature->n_rings;

  while (r < end)
    {
      GEOSGeometry *shell = build_ring (self, r++);
      g_autoptr(GPtrArray) holes = g_ptr_array_new ();

      while (r < end && !(ring_flags[r] & 1))
        {
          GEOSGeometry *hole = build_ring (self, r++);
          if (hole != NULL)
            g_ptr_array_add (holes, hole);
        }
      if (shell == NULL)
        {
          for (guint i = 0; i < holes->len; i++)
            GEOSGeom_destroy_r (self->geos, holes->pdata[i]);
          continue;
        }
      g_ptr_array_add (polygons, GEOSGeom_createPolygon_r (self->geos, shell,
                                                          (GEOSGeometry **) holes->pdata,
                                                          holes->len));
    }
  if (polygons->len == 0)
    return NULL;
  return GEOSGeom_createCollection_r (self->geos, GEOS_MULTIPOLYGON,
                                      (GEOSGeometry **) polygons->pdata, polygons->len);
}

static const GEOSPreparedGeometry *
prepared_feature (StraitsProjectedMap *self, guint f)
{
  if (self->geos == NULL)
    {
      guint n = straits_basemap_get_n_features (self->basemap);

      self->geos = GEOS_init_r ();
      self->geometries = g_new0 (GEOSGeometry *, n + 1);
      self->prepared = g_new0 (const GEOSPreparedGeometry *, n + 1);
    }
  if (self->prepared[f] == NULL && self->geometries[f] == NULL)
    {
      self->geometries[f] = build_feature_geometry (self, f);
      if (self->geometries[f] != NULL)
        self->prepared[f] = GEOSPrepare_r (self->geos, self->geometries[f]);
    }
  return self->prepared[f];
}

static void
append_ring (GArray *out, GEOSContextHandle_t g, const GEOSGeometry *ring)
{
  const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (g, ring);
  unsigned int n = 0;
  const double gap[2] = { NAN, NAN };

  if (seq == NULL || !GEOSCoordSeq_getSize_r (g, seq, &n) || n == 0)
    return;
  g_array_set_size (out, out->len + 2 * n);
  GEOSCoordSeq_copyToBuffer_r (g, seq, &g_array_index (out, double, out->len - 2 * n), 0, 0);
  g_array_append_vals (out, gap, 2);
}

/* Every ring of @geometry's polygons, shells and holes alike. */
static void
append_polygon_rings (GArray *out, GEOSContextHandle_t g, const GEOSGeometry *geometry)
{
  int n = GEOSGetNumGeometries_r (g, geometry);

  for (int i = 0; i < n; i++)
    {
      const GEOSGeometry *part = GEOSGetGeometryN_r (g, geometry, i);

      if (GEOSGeomTypeId_r (g, part) != GEOS_POLYGON)
        continue;
      append_ring (out, g, GEOSGetExteriorRing_r (g, part));
      for (int h = 0; h < GEOSGetNumInteriorRings_r (g, part); h++)
        append_ring (out, g, GEOSGetInteriorRingN_r (g, part, h));
    }
}

/* The union of the country and island features that meet @box, clipped
 * to it; the GEOS lock held. */
static GArray *
land_rings_locked (StraitsProjectedMap *self, const StraitsBox *box)
{
  guint n = straits_basemap_get_n_features (self->basemap);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GArray *rings = g_array_new (FALSE, FALSE, sizeof (double));
  GEOSGeometry *collection, *land;

  for (guint f = 0; f < n; f++)
    {
      guint8 layer = straits_basemap_get_feature (self->basemap, f)->layer;
      const StraitsBox *b = &self->feature_boxes[f];

      if ((layer != STRAITS_LAYER_COUNTRY && layer != STRAITS_LAYER_ISLAND) ||
          b->x1 < box->x0 || b->x0 > box->x1 || b->y1 < box->y0 || b->y0 > box->y1 ||
          prepared_feature (self, f) == NULL)
        continue;
      {
        /* NULL when GEOS fails on a geometry: the land is the others'. */
        GEOSGeometry *part = GEOSClipByRect_r (self->geos, self->geometries[f], box->x0, box->y0, box->x1, box->y1);

        if (part != NULL)
          g_ptr_array_add (parts, part);
      }
    }
  if (parts->len == 0)
    return rings;
  collection = GEOSGeom_createCollection_r (self->geos, GEOS_GEOMETRYCOLLECTION,
                                            (GEOSGeometry **) parts->pdata, parts->len);
  /* Countries and islands overlap here and there: filled even-odd, an
   * overlap would be a hole. Their union has none. */
  land = GEOSUnaryUnion_r (self->geos, collection);
  if (land != NULL)
    append_polygon_rings (rings, self->geos, land);
  GEOSGeom_destroy_r (self->geos, collection);
  if (land != NULL)
    GEOSGeom_destroy_r (self->geos, land);
  return rings;
}

GArray *
straits_projected_map_get_land_rings (StraitsProjectedMap *self,
                                      const StraitsBox    *box)
{
  GArray *rings;

  g_return_val_if_fail (self != NULL && box != NULL, NULL);
  g_mutex_lock (&self->geos_lock);
  if (self->land_rings == NULL || memcmp (&self->land_box, box, sizeof *box) != 0)
    {
      g_clear_pointer (&self->land_rings, g_array_unref);
      /* Makes the GEOS context if nothing has yet. */
      if (straits_basemap_get_n_features (self->basemap) > 0)
        prepared_feature (self, 0);
      self->land_rings = land_rings_locked (self, box);
      self->land_box = *box;
    }
  rings = g_array_ref (self->land_rings);
  g_mutex_unlock (&self->geos_lock);
  return rings;
}

/* Whether feature @f's polygon contains the point; the GEOS lock held. */
static gboolean
contains_locked (StraitsProjectedMap *self,
                 guint                f,
                 double               x,
                 double               y,
                 GEOSGeometry       **point)
{
  const StraitsBox *b = &self->feature_boxes[f];
  const GEOSPreparedGeometry *prepared;

  if (x < b->x0 || x > b->x1 || y < b->y0 || y > b->y1)
    return FALSE;
  prepared = prepared_feature (self, f);
  if (*point == NULL)
    *point = GEOSGeom_createPointFromXY_r (self->geos, x, y);
  return prepared != NULL && GEOSPreparedContains_r (self->geos, prepared, *point) == 1;
}

int
straits_projected_map_feature_at (StraitsProjectedMap *self,
                                  StraitsLayer         layer,
                                  double               x,
                                  double               y)
{
  guint n = straits_basemap_get_n_features (self->basemap);
  int found = -1;
  GEOSGeometry *point = NULL;

  g_mutex_lock (&self->geos_lock);
  for (guint f = 0; f < n && found < 0; f++)
    if (straits_basemap_get_feature (self->basemap, f)->layer == layer && contains_locked (self, f, x, y, &point))
      found = (int) f;
  if (point != NULL)
    GEOSGeom_destroy_r (self->geos, point);
  g_mutex_unlock (&self->geos_lock);
  return found;
}

gboolean
straits_projected_map_feature_contains (StraitsProjectedMap *self,
                                        guint                feature,
                                        double               x,
                                        double               y)
{
  GEOSGeometry *point = NULL;
  gboolean inside;

  g_return_val_if_fail (feature < straits_basemap_get_n_features (self->basemap), FALSE);
  g_mutex_lock (&self->geos_lock);
  inside = contains_locked (self, feature, x, y, &point);
  if (point != NULL)
    GEOSGeom_destroy_r (self->geos, point);
  g_mutex_unlock (&self->geos_lock);
  return inside;
}

/* The territory drawn as its state at the point, if any: one whose
 * outline is coarser than the state's counts only on the state's land. */
static const StraitsTerritory *
territory_at (StraitsProjectedMap *self,
              double               x,
              double               y,
              const char          *country,
              StraitsConvention    convention,
              const StraitsDate   *date)
{
  StraitsTerritories *territories = straits_basemap_get_territories (self->basemap);

  for (guint i = 0; i < straits_territories_get_n (territories); i++)
    {
      const StraitsTerritory *t = straits_territories_get (territories, i);
      int f;

      if (!straits_territory_drawn_as_state (t, convention, date) ||
          (t->clip_to_state && g_strcmp0 (country, t->state) != 0) ||
          (f = straits_basemap_find_feature (self->basemap, STRAITS_LAYER_DISPUTED, t->feature)) < 0)
        continue;
      if (straits_projected_map_feature_contains (self, (guint) f, x, y))
        return t;
    }
  return NULL;
}

/* Metres: a border arc whose middle lies this near a territory's outline
 * runs along it (Natural Earth draws both from the same lines). */
#define ALONG_TERRITORY 1000.0

/* For each border arc, the territory whose outline it runs along, or -1:
 * Natural Earth's line between Russia and Crimea (Perekop), drawn as an
 * international border only where the map draws Crimea as Russia's. */
static gint16 *
arc_territories_locked (StraitsProjectedMap *self)
{
  StraitsTerritories *territories = straits_basemap_get_territories (self->basemap);
  guint n = straits_basemap_get_n_arcs (self->basemap);
  const guint32 *starts = straits_basemap_get_arc_starts (self->basemap);
  const guint8 *flags = straits_basemap_get_arc_flags (self->basemap);
  gint16 *out = g_new (gint16, n);

  for (guint a = 0; a < n; a++)
    {
      guint mid = (starts[a] + starts[a + 1]) / 2;
      double x = self->xy[2 * mid], y = self->xy[2 * mid + 1];
      GEOSGeometry *point = NULL;

      out[a] = -1;
      for (guint t = 0; (flags[a] & STRAITS_ARC_BORDER) && t < straits_territories_get_n (territories) && out[a] < 0; t++)
        {
          int f = straits_basemap_find_feature (self->basemap, STRAITS_LAYER_DISPUTED,
                                                straits_territories_get (territories, t)->feature);
          const StraitsBox *b;
          const GEOSPreparedGeometry *prepared;
          double distance = G_MAXDOUBLE;

          if (f < 0)
            continue;
          b = &self->feature_boxes[f];
          if (x < b->x0 - ALONG_TERRITORY || x > b->x1 + ALONG_TERRITORY ||
              y < b->y0 - ALONG_TERRITORY || y > b->y1 + ALONG_TERRITORY ||
              (prepared = prepared_feature (self, (guint) f)) == NULL)
            continue;
          if (point == NULL)
            point = GEOSGeom_createPointFromXY_r (self->geos, x, y);
          if (GEOSPreparedDistance_r (self->geos, prepared, point, &distance) == 1 && distance < ALONG_TERRITORY &&
              !GEOSPreparedContains_r (self->geos, prepared, point))
            out[a] = (gint16) t;
          else if (distance == 0)
            {
              /* On or inside: inside an area is a border through it, not
               * along it; on its outline is along it. */
              GEOSGeometry *outline = GEOSBoundary_r (self->geos, self->geometries[f]);
              double to_outline = G_MAXDOUBLE;

              GEOSDistance_r (self->geos, outline, point, &to_outline);
              if (to_outline < ALONG_TERRITORY)
                out[a] = (gint16) t;
              GEOSGeom_destroy_r (self->geos, outline);
            }
        }
      if (point != NULL)
        GEOSGeom_destroy_r (self->geos, point);
    }
  return out;
}

const gint16 *
straits_projected_map_get_arc_territories (StraitsProjectedMap *self)
{
  g_mutex_lock (&self->geos_lock);
  if (self->arc_territories == NULL)
    self->arc_territories = arc_territories_locked (self);
  g_mutex_unlock (&self->geos_lock);
  return self->arc_territories;
}

const char *
straits_projected_map_country_at (StraitsProjectedMap *self,
                                  double               x,
                                  double               y,
                                  StraitsConvention    convention,
                                  const StraitsDate   *date)
{
  int f = straits_projected_map_feature_at (self, STRAITS_LAYER_ISLAND, x, y);
  const char *country;
  const StraitsTerritory *t;

  if (f < 0)
    f = straits_projected_map_feature_at (self, STRAITS_LAYER_COUNTRY, x, y);
  country = f < 0 ? NULL : straits_basemap_get_feature (self->basemap, (guint) f)->code;
  t = territory_at (self, x, y, country, convention, date);
  return t != NULL ? t->state : country;
}
