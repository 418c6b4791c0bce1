/* straits-map-view-kept.c: the scenes a map view showed before (issue 20)
 *
 * When the view is given another scene, the one it showed is kept with
 * its renderer (and that renderer's current base layer) and the view's
 * last drawing of it. Given that scene again, the view takes its renderer
 * back, and the drawing too if the scene has not changed since (its
 * generation): a view switched back to is then a copy of that drawing,
 * or, refitted to another size, drawn in a thread with that drawing
 * standing in. Two scenes are kept: the bundled dataset's other views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-map-view-private.h"

#define MAX_KEPT_VIEWS 2

typedef struct {
  StraitsMapScene *scene;
  StraitsMapRenderer *renderer;
  guint64 generation;         /* the scene's when it was kept */
  cairo_surface_t *cache;     /* NULL: none */
  StraitsViewport cache_viewport;
  int cache_width, cache_height;
} KeptView;

static void
kept_view_free (gpointer data)
{
  KeptView *kept = data;

  g_clear_object (&kept->scene);
  g_clear_object (&kept->renderer);
  g_clear_pointer (&kept->cache, cairo_surface_destroy);
  g_free (kept);
}

/* Keeps the current scene, renderer and drawing, and lets go of them. */
void
_straits_map_view_keep_current (StraitsMapView *self)
{
  KeptView *kept;

  if (self->scene == NULL || self->renderer == NULL)
    return;
  kept = g_new0 (KeptView, 1);
  kept->scene = g_object_ref (self->scene);
  kept->renderer = g_steal_pointer (&self->renderer);
  kept->generation = straits_map_scene_get_generation (self->scene);
  kept->cache = g_steal_pointer (&self->cache);
  kept->cache_viewport = self->cache_viewport;
  kept->cache_width = self->cache_width;
  kept->cache_height = self->cache_height;
  g_clear_object (&self->texture);
  /* Only the base layer it shows: others are for zoom levels it left. */
  straits_map_renderer_set_cache_limit (kept->renderer, 0);
  g_queue_push_head (&self->kept_views, kept);
  while (g_queue_get_length (&self->kept_views) > MAX_KEPT_VIEWS)
    kept_view_free (g_queue_pop_tail (&self->kept_views));
}

static gint
kept_for_scene (gconstpointer kept, gconstpointer scene)
{
  return ((const KeptView *) kept)->scene == scene ? 0 : 1;
}

/* Takes back @scene's renderer, and its drawing, as the cache, if the
 * scene has not changed since. */
void
_straits_map_view_take_kept (StraitsMapView  *self,
                             StraitsMapScene *scene)
{
  GList *link = g_queue_find_custom (&self->kept_views, scene, kept_for_scene);
  KeptView *kept;

  if (link == NULL)
    return;
  kept = link->data;
  g_queue_delete_link (&self->kept_views, link);
  g_clear_object (&self->renderer);
  self->renderer = g_steal_pointer (&kept->renderer);
  straits_map_renderer_set_cache_limit (self->renderer, STRAITS_MAP_RENDERER_CACHE_LIMIT);
  if (kept->cache != NULL && kept->generation == straits_map_scene_get_generation (scene))
    {
      g_clear_pointer (&self->cache, cairo_surface_destroy);
      g_clear_object (&self->texture);
      self->cache = g_steal_pointer (&kept->cache);
      self->cache_viewport = kept->cache_viewport;
      self->cache_width = kept->cache_width;
      self->cache_height = kept->cache_height;
    }
  kept_view_free (kept);
}

void
_straits_map_view_forget_kept (StraitsMapView *self)
{
  g_queue_clear_full (&self->kept_views, kept_view_free);
}
