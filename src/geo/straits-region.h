/* straits-region.h: the map regions and the projection each is drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *id;
  const char *projection; /* a PROJ definition */
  double west, south, east, north; /* what the view frames, degrees */
  gboolean detailed;      /* drawn from the 1:10m basemap */
} StraitsRegion;

/* (transfer none) (nullable): static; NULL for an unknown @id */
const StraitsRegion *straits_region_lookup   (const char *id);
/* Every named region: one per id of straits_dataset_region_ids(), the
 * model's list of them (tests/test-regions.c holds the two together).
 * (transfer none): static; @n_regions: (out) */
const StraitsRegion *straits_region_get_all  (guint      *n_regions);
/* (transfer full): free with straits_region_free(), and only it */
StraitsRegion       *straits_region_for_box  (double      west,
                                              double      south,
                                              double      east,
                                              double      north);
void                 straits_region_free     (StraitsRegion *region);

G_END_DECLS
