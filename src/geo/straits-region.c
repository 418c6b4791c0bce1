/* straits-region.c
 *
 * Why these projections (see docs/projections.md):
 * - Europe: ETRS89-LAEA (EPSG:3035), the EU's own equal-area grid, so
 *   that member states compare by area as they are.
 * - Black Sea: Lambert conformal conic with standard parallels at 42°N
 *   and 46°N, which bracket the sea: shapes and bearings stay true across
 *   a region much wider than it is tall.
 * - Aegean: Lambert azimuthal equal-area centred on the sea (38.5°N,
 *   25.5°E), the projection the maritime measurements use too, so that
 *   what is drawn and what is measured agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-region.h"

/* Keyed by the model's region ids, straits_dataset_region_ids(). */
static const StraitsRegion regions[] = {
  { "europe", "EPSG:3035", -11.5, 34.0, 44.0, 71.0, FALSE },
  { "black-sea", "+proj=lcc +lat_0=44 +lon_0=34 +lat_1=42 +lat_2=46 +ellps=WGS84 +units=m",
    25.5, 39.6, 42.5, 48.0, TRUE },
  { "aegean", "+proj=laea +lat_0=38.5 +lon_0=25.5 +ellps=WGS84 +units=m",
    19.5, 34.0, 35.0, 42.0, TRUE },
};

const StraitsRegion *
straits_region_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].id, id))
      return &regions[i];
  return NULL;
}

const StraitsRegion *
straits_region_get_all (guint *n_regions)
{
  *n_regions = G_N_ELEMENTS (regions);
  return regions;
}

/* A dataset's own box: equal-area, centred on it; detailed when it is no
 * larger than a sea. */
StraitsRegion *
straits_region_for_box (double west,
                        double south,
                        double east,
                        double north)
{
  StraitsRegion *r = g_new0 (StraitsRegion, 1);

  r->id = "custom";
  r->projection = g_strdup_printf ("+proj=laea +lat_0=%.4f +lon_0=%.4f +ellps=WGS84 +units=m",
                                   (south + north) / 2, (west + east) / 2);
  r->west = west;
  r->south = south;
  r->east = east;
  r->north = north;
  r->detailed = (east - west) < 25 && (north - south) < 15;
  return r;
}

void
straits_region_free (StraitsRegion *region)
{
  if (region == NULL)
    return;
  g_free ((char *) region->projection);
  g_free (region);
}
