/* straits-atlas.h: the basemaps and their projections for each region,
 * loaded and projected on first use, then kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-projected-map.h"

G_BEGIN_DECLS

typedef struct _StraitsAtlas StraitsAtlas;

/* (transfer full) */
StraitsAtlas        *straits_atlas_new      (const char          *basemap_dir);
void                 straits_atlas_free     (StraitsAtlas        *self);
/* @cache_dir: (nullable) */
void                 straits_atlas_set_cache_dir (StraitsAtlas   *self,
                                                  const char     *cache_dir);
void                 straits_atlas_save_projections (StraitsAtlas *self);
/* (transfer none) (nullable): valid for the atlas's life; NULL on error */
StraitsBasemap      *straits_atlas_get_basemap (StraitsAtlas     *self,
                                               gboolean            detailed,
                                               GError            **error);
/* Borrowed; valid for the atlas's life.
 * (transfer none) (nullable): NULL on error */
StraitsProjectedMap *straits_atlas_get_map  (StraitsAtlas        *self,
                                             const StraitsRegion *region,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsAtlas, straits_atlas_free)

G_END_DECLS
