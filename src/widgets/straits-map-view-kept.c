/* straits-map-view-kept.c: the scenes a map view showed before (issue 20)
 *
 * When the view is given another scene, the one it showed is kept with
 * its renderer (and that renderer's current base layer) and the view's
 * last drawing of it. Given that scene again, the view takes its renderer
 * back, and the drawing too if the scene has not changed since (its
 * generation): a view switched back to is then a copy of that drawing,
 * or, refitted to another size, drawn in a thread with that drawing
 * standing in. Two scenes are kept: the bundled dataset's other views.
 * A scene may also be drawn ahead, in a thread, before it is first shown
 * (straits_map_view_prepare_scene): its first showing is then a copy too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-map-view-private.h"
#include "straits-trace.h"

#define MAX_KEPT_VIEWS 2

typedef struct {
  StraitsMapScene *scene;
  StraitsMapRenderer *renderer;
  GCancellable *preparing;    /* its drawing ahead, in a thread */
  guint64 generation;         /* the scene's when it was kept, or drawn ahead */
  cairo_surface_t *cache;     /* NULL: none */
  StraitsViewport cache_viewport;
  int cache_width, cache_height;
} KeptView;

static void
kept_view_free (gpointer data)
{
  KeptView *kept = data;

  g_cancellable_cancel (kept->preparing);
  g_clear_object (&kept->preparing);
  g_clear_object (&kept->scene);
  g_clear_object (&kept->renderer);
  g_clear_pointer (&kept->cache, cairo_surface_destroy);
  g_free (kept);
}

StraitsMapRenderer *
_straits_map_view_new_renderer (StraitsMapScene *scene)
{
  StraitsMapRenderer *renderer = straits_map_renderer_new_for_scene (scene);

  /* A frame that only pans copies the cached frame layer (issue 20). */
  straits_map_renderer_set_cache_layers (renderer, TRUE);
  /* And a zoom finds its labels' fonts and layouts cached. */
  straits_map_renderer_set_text_step (renderer, STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP);
  return renderer;
}

cairo_surface_t *
straits_map_view_draw_ahead (StraitsMapScene     *scene,
                             int                  width,
                             int                  height,
                             int                  scale,
                             StraitsMapRenderer **renderer)
{
  cairo_surface_t *frame;
  StraitsViewport viewport;
  guint threads;
  cairo_t *cr;

  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (scene), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0 && renderer != NULL, NULL);

  *renderer = _straits_map_view_new_renderer (scene);
  threads = straits_map_renderer_get_threads (*renderer);
  /* In this thread alone: the main thread sets GTK up meanwhile, and
   * threads of the drawing's own would take turns with it (a start's
   * first frame came 5 ms later with them). */
  straits_map_renderer_set_threads (*renderer, 1);
  /* As render_cache() draws a view's first frame. */
  frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (frame, scale, scale);
  cr = cairo_create (frame);
  viewport = straits_map_renderer_fit (*renderer, width, height);
  straits_map_renderer_draw (*renderer, cr, width, height, &viewport);
  cairo_destroy (cr);
  straits_map_renderer_set_threads (*renderer, threads);
  cairo_surface_flush (frame);
  return frame;
}

void
straits_map_view_adopt_drawing (StraitsMapView     *self,
                                StraitsMapRenderer *renderer,
                                cairo_surface_t    *frame)
{
  KeptView *kept;

  g_return_if_fail (STRAITS_IS_MAP_VIEW (self));
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (renderer));

  kept = g_new0 (KeptView, 1);
  kept->scene = g_object_ref (straits_map_renderer_get_scene (renderer));
  kept->renderer = g_object_ref (renderer);
  kept->generation = straits_map_scene_get_generation (kept->scene);
  if (frame != NULL)
    {
      double sx, sy;

      cairo_surface_get_device_scale (frame, &sx, &sy);
      kept->cache = cairo_surface_reference (frame);
      kept->cache_width = (int) (cairo_image_surface_get_width (frame) / sx);
      kept->cache_height = (int) (cairo_image_surface_get_height (frame) / sy);
      kept->cache_viewport = straits_map_renderer_fit (renderer, kept->cache_width, kept->cache_height);
    }
  /* Trimmed once the scene shown next is taken out (take_kept). */
  g_queue_push_head (&self->kept_views, kept);
}

static void
trim_kept (StraitsMapView *self)
{
  while (g_queue_get_length (&self->kept_views) > MAX_KEPT_VIEWS)
    kept_view_free (g_queue_pop_tail (&self->kept_views));
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
  /* Trimmed once the scene shown next is taken out (take_kept). */
  g_queue_push_head (&self->kept_views, kept);
}

static gint
kept_for_scene (gconstpointer kept, gconstpointer scene)
{
  return ((const KeptView *) kept)->scene == scene ? 0 : 1;
}

/* Takes back @scene's renderer, and its drawing, as the cache, if the
 * scene has not changed since; then keeps at most MAX_KEPT_VIEWS others. */
void
_straits_map_view_take_kept (StraitsMapView  *self,
                             StraitsMapScene *scene)
{
  GList *link = g_queue_find_custom (&self->kept_views, scene, kept_for_scene);
  KeptView *kept = link != NULL ? link->data : NULL;

  if (kept != NULL)
    {
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
  trim_kept (self);
}

void
_straits_map_view_forget_kept (StraitsMapView *self)
{
  g_queue_clear_full (&self->kept_views, kept_view_free);
}

/* Drawing ahead ------------------------------------------------------------- */

typedef struct {
  KeptView *kept;
  StraitsViewport viewport;
  int width, height;
  guint64 generation;
} Ahead;

static void
on_drawn_ahead (GObject      *renderer,
                GAsyncResult *result,
                gpointer      data)
{
  g_autofree Ahead *ahead = data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *frame = straits_map_renderer_prepare_frame_finish (STRAITS_MAP_RENDERER (renderer), result, &error);
  KeptView *kept;

  /* Cancelled when the kept scene went (or was shown): leave it alone. */
  if (error != NULL)
    return;
  kept = ahead->kept;
  g_clear_object (&kept->preparing);
  if (frame == NULL)
    return;
  g_clear_pointer (&kept->cache, cairo_surface_destroy);
  kept->cache = frame;
  kept->cache_viewport = ahead->viewport;
  kept->cache_width = ahead->width;
  kept->cache_height = ahead->height;
  kept->generation = ahead->generation;
  straits_trace ("map frame drawn ahead");
}

static KeptView *
kept_for (StraitsMapView  *self,
          StraitsMapScene *scene)
{
  GList *link = g_queue_find_custom (&self->kept_views, scene, kept_for_scene);
  KeptView *kept;

  if (link != NULL)
    return link->data;
  kept = g_new0 (KeptView, 1);
  kept->scene = g_object_ref (scene);
  kept->renderer = _straits_map_view_new_renderer (scene);
  g_queue_push_tail (&self->kept_views, kept);
  return kept;
}

void
straits_map_view_prepare_scene (StraitsMapView  *self,
                                StraitsMapScene *scene)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  KeptView *kept;
  Ahead *ahead;

  g_return_if_fail (STRAITS_IS_MAP_VIEW (self));
  g_return_if_fail (STRAITS_IS_MAP_SCENE (scene));
  if (scene == self->scene || width <= 0 || height <= 0 || straits_map_scene_get_map (scene) == NULL)
    return;
  kept = kept_for (self, scene);
  if (kept->preparing != NULL ||
      (kept->cache != NULL && kept->generation == straits_map_scene_get_generation (scene) &&
       kept->cache_width == width && kept->cache_height == height))
    return;
  ahead = g_new0 (Ahead, 1);
  ahead->kept = kept;
  ahead->viewport = straits_map_renderer_fit (kept->renderer, width, height);
  ahead->width = width;
  ahead->height = height;
  ahead->generation = straits_map_scene_get_generation (scene);
  kept->preparing = g_cancellable_new ();
  straits_map_renderer_prepare_frame_async (kept->renderer, width, height, gtk_widget_get_scale_factor (widget),
                                            &ahead->viewport, kept->preparing, on_drawn_ahead, ahead);
  trim_kept (self);
}

/* Draws ahead again, at the view's size now, the kept scenes whose
 * drawings are of another size. */
void
_straits_map_view_redraw_kept (StraitsMapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GPtrArray) scenes = g_ptr_array_new ();

  for (GList *l = self->kept_views.head; l != NULL; l = l->next)
    {
      KeptView *kept = l->data;

      if (kept->cache != NULL && (kept->cache_width != width || kept->cache_height != height))
        g_ptr_array_add (scenes, kept->scene);
    }
  for (guint i = 0; i < scenes->len; i++)
    straits_map_view_prepare_scene (self, g_ptr_array_index (scenes, i));
}

gboolean
_straits_map_view_is_drawing_ahead (StraitsMapView *self)
{
  for (GList *l = self->kept_views.head; l != NULL; l = l->next)
    if (((KeptView *) l->data)->preparing != NULL)
      return TRUE;
  return FALSE;
}
