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
  GHashTable *projections;      /* definition → StraitsProjection, shared by the maps */
  char *cache_dir;              /* (nullable): where projections keep their memos */
};

StraitsAtlas *
straits_atlas_new (const char *basemap_dir)
{
  StraitsAtlas *self = g_new0 (StraitsAtlas, 1);

  self->dir = g_strdup (basemap_dir);
  g_mutex_init (&self->lock);
  self->maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) straits_projected_map_unref);
  self->projections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) straits_projection_unref);
  return self;
}

void
straits_atlas_free (StraitsAtlas *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->maps);
  g_hash_table_unref (self->projections);
  g_free (self->cache_dir);
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

/* One projection a definition, whatever the region's box or detail:
 * its memo is one file (straits-projection-memo.c). */
static StraitsProjection *
projection_locked (StraitsAtlas *self, const char *definition, GError **error)
{
  StraitsProjection *projection = g_hash_table_lookup (self->projections, definition);

  if (projection == NULL &&
      (projection = straits_projection_new_cached (definition, self->cache_dir, error)) != NULL)
    g_hash_table_insert (self->projections, g_strdup (definition), projection);
  return projection;
}

/* Projections made from now on keep their answers in @cache_dir (NULL:
 * nowhere) for the next start; straits_atlas_save_projections() writes
 * them there. */
void
straits_atlas_set_cache_dir (StraitsAtlas *self,
                             const char   *cache_dir)
{
  g_mutex_lock (&self->lock);
  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
  g_mutex_unlock (&self->lock);
}

/* Writes what the atlas's projections computed to their memos. A memo
 * that cannot be written costs the next start some time, no more. */
void
straits_atlas_save_projections (StraitsAtlas *self)
{
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_projection_unref);
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->projections);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (projections, straits_projection_ref (value));
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < projections->len; i++)
    straits_projection_save_memo (g_ptr_array_index (projections, i), NULL);
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
      StraitsProjection *projection = basemap != NULL ? projection_locked (self, region->projection, error) : NULL;

      if (projection != NULL)
        {
          map = straits_projected_map_new (basemap, region, projection);
          g_hash_table_insert (self->maps, g_steal_pointer (&key), map);
        }
    }
  g_mutex_unlock (&self->lock);
  return map;
}
