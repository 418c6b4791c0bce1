/* straits-atlas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-atlas.h"

struct _StraitsAtlas
{
  char *dir;
  GMutex lock;
  StraitsBasemap *basemaps[2];  /* overview (1:50m), detailed (1:10m) */
  GHashTable *maps;             /* region projection + detail → StraitsProjectedMap */
};

StraitsAtlas *
straits_atlas_new (const char *basemap_dir)
{
  StraitsAtlas *self = g_new0 (StraitsAtlas, 1);

  self->dir = g_strdup (basemap_dir);
  g_mutex_init (&self->lock);
  self->maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) straits_projected_map_unref);
  return self;
}

void
straits_atlas_free (StraitsAtlas *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->maps);
  g_clear_pointer (&self->basemaps[0], straits_basemap_unref);
  g_clear_pointer (&self->basemaps[1], straits_basemap_unref);
  g_mutex_clear (&self->lock);
  g_free (self->dir);
  g_free (self);
}

static StraitsBasemap *
basemap_locked (StraitsAtlas *self, gboolean detailed, GError **error)
{
  if (self->basemaps[detailed] == NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, detailed ? "europe-10m.sbm" : "europe-50m.sbm", NULL);
      g_autofree char *table = g_build_filename (self->dir, "territories.json", NULL);
      g_autoptr(StraitsBasemap) basemap = straits_basemap_load (path, error);
      g_autoptr(StraitsTerritories) territories = NULL;

      /* The table is part of the basemap: one that does not read is an
       * error, not a map drawn without its convention. */
      if (basemap == NULL ||
          (g_file_test (table, G_FILE_TEST_EXISTS) && (territories = straits_territories_load (table, error)) == NULL))
        return NULL;
      straits_basemap_set_territories (basemap, territories);
      self->basemaps[detailed] = g_steal_pointer (&basemap);
    }
  return self->basemaps[detailed];
}

StraitsBasemap *
straits_atlas_get_basemap (StraitsAtlas  *self,
                           gboolean       detailed,
                           GError       **error)
{
  StraitsBasemap *basemap;

  g_mutex_lock (&self->lock);
  basemap = basemap_locked (self, detailed ? 1 : 0, error);
  g_mutex_unlock (&self->lock);
  return basemap;
}

StraitsProjectedMap *
straits_atlas_get_map (StraitsAtlas        *self,
                       const StraitsRegion *region,
                       GError             **error)
{
  g_autofree char *key = g_strdup_printf ("%d|%s|%g|%g|%g|%g", region->detailed, region->projection,
                                          region->west, region->south, region->east, region->north);
  StraitsProjectedMap *map;

  g_mutex_lock (&self->lock);
  map = g_hash_table_lookup (self->maps, key);
  if (map == NULL)
    {
      StraitsBasemap *basemap = basemap_locked (self, region->detailed ? 1 : 0, error);

      if (basemap != NULL && (map = straits_projected_map_new (basemap, region, error)) != NULL)
        g_hash_table_insert (self->maps, g_steal_pointer (&key), map);
    }
  g_mutex_unlock (&self->lock);
  return map;
}
