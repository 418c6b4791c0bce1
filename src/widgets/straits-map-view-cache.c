/* straits-map-view-cache.c: how a map view's cached drawing reaches the
 * screen: moved and scaled to the viewport while the map moves, painted
 * in strips through GTK's cairo renderer or as a texture through its GL
 * ones, and released, once no longer current, only after GTK has drawn
 * a frame without it (issue 20).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "straits-map-view-private.h"

/* Drawings retired ------------------------------------------------------- */

typedef struct {
  cairo_surface_t *surface;
  guint64 frame;              /* the view's frame_count when retired */
} Retired;

static void
retired_clear (gpointer data)
{
  cairo_surface_destroy (((Retired *) data)->surface);
}

/* The cache is no longer current. GTK keeps the last frame's render
 * nodes until it has drawn the next one, and a cairo node's recording
 * holds a snapshot of the cache it painted: destroyed now, cairo would
 * copy all of it to keep that snapshot (8 MB at 1920x1080), and that
 * copy, freed in the next frame, gave the heap back to the system and
 * made that frame fault its pages in again. So it is released once a
 * frame has been drawn since (issue 20: the frame that shows the sharp
 * map after a zoom). */
void
_straits_map_view_retire_cache (StraitsMapView *self)
{
  Retired r = { g_steal_pointer (&self->cache), self->frame_count };

  g_clear_object (&self->texture);
  if (r.surface == NULL)
    return;
  if (self->retired == NULL)
    {
      self->retired = g_array_new (FALSE, FALSE, sizeof (Retired));
      g_array_set_clear_func (self->retired, retired_clear);
    }
  g_array_append_val (self->retired, r);
}

/* Releases the drawings retired before the last frame drawn, or @all. */
void
_straits_map_view_release_retired (StraitsMapView *self,
                                   gboolean        all)
{
  for (guint i = self->retired == NULL ? 0 : self->retired->len; i-- > 0;)
    if (all || g_array_index (self->retired, Retired, i).frame < self->frame_count)
      g_array_remove_index_fast (self->retired, i);
  if (all)
    g_clear_handle_id (&self->release_id, g_source_remove);
}

static gboolean
release_after_frame (gpointer data)
{
  StraitsMapView *self = data;

  self->release_id = 0;
  _straits_map_view_release_retired (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* A frame is being drawn: the drawings retired before it are released
 * once GTK has rendered it, in an idle (it renders in the same dispatch
 * of the frame clock, at a higher priority). */
void
_straits_map_view_note_snapshot (StraitsMapView *self)
{
  self->frame_count++;
  if (self->retired != NULL && self->retired->len > 0 && self->release_id == 0)
    self->release_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_after_frame, self, NULL);
}

/* Drawings shown --------------------------------------------------------- */

/* Sea where the moved cache leaves the widget uncovered: the strips
 * around @r, so that no pixel is painted twice. */
static void
append_sea_around (StraitsMapView        *self,
                   GtkSnapshot           *snapshot,
                   int                    width,
                   int                    height,
                   const graphene_rect_t *r)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (self->renderer);
  GdkRGBA sea = { style->sea.r, style->sea.g, style->sea.b, 1 };
  double x0 = CLAMP (r->origin.x, 0, width), x1 = CLAMP (r->origin.x + r->size.width, 0, width);
  double y0 = CLAMP (r->origin.y, 0, height), y1 = CLAMP (r->origin.y + r->size.height, 0, height);
  const graphene_rect_t strips[] = {
    GRAPHENE_RECT_INIT (0, 0, width, y0),
    GRAPHENE_RECT_INIT (0, y1, width, height - y1),
    GRAPHENE_RECT_INIT (0, y0, x0, y1 - y0),
    GRAPHENE_RECT_INIT (x1, y0, width - x1, y1 - y0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (strips); i++)
    if (strips[i].size.width > 0 && strips[i].size.height > 0)
      gtk_snapshot_append_color (snapshot, &sea, &strips[i]);
}

/* The most bytes of a strip of the cache that one cairo node shows. */
static gsize strip_bytes = 2 << 20;

/* Tests cut the small frames they draw into strips too. */
void
_straits_map_view_set_strip_bytes (gsize bytes)
{
  strip_bytes = bytes;
}

/* For GTK's cairo renderer: cairo nodes paint the cache straight onto
 * the window, where a texture node would copy all of it first, every
 * frame. GTK's cairo renderer draws a cairo node through an image of its
 * bounds, made and freed in each frame: so the nodes cover only what is
 * shown of the cache (a zoom in would make that image many times the
 * window's size), in strips of at most 2 MB. At 1920x1080 one 8 MB image
 * was memory that, after a rest, had to be faulted in again: the frame
 * showing the sharp map after a zoom took up to 17 ms, 13 ms in strips
 * (bench-interaction). */
static void
append_cache_surface (StraitsMapView        *self,
                      GtkSnapshot           *snapshot,
                      const graphene_rect_t *r,
                      int                    width,
                      int                    height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t shown;
  int strips;

  if (!graphene_rect_intersection (r, &GRAPHENE_RECT_INIT (0, 0, width, height), &shown))
    return;
  strips = (int) CLAMP (ceil (shown.size.width * shown.size.height * scale * scale * 4 / strip_bytes), 1, 64);
  for (int i = 0; i < strips; i++)
    {
      /* Cut on whole rows, so that no pixel is painted twice. */
      double y0 = i == 0 ? shown.origin.y : floor (shown.origin.y + shown.size.height * i / strips);
      double y1 = i == strips - 1 ? shown.origin.y + shown.size.height
                                  : floor (shown.origin.y + shown.size.height * (i + 1) / strips);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (shown.origin.x, y0, shown.size.width,
                                                                              y1 - y0));

      cairo_translate (cr, r->origin.x, r->origin.y);
      cairo_scale (cr, r->size.width / self->cache_width, r->size.height / self->cache_height);
      cairo_set_source_surface (cr, self->cache, 0, 0);
      if (r->size.width == self->cache_width)
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
}

/* The cache as a texture, sharing its memory: the cache is never drawn
 * on again. */
static GdkTexture *
cache_texture (StraitsMapView *self)
{
  int width = cairo_image_surface_get_width (self->cache), height = cairo_image_surface_get_height (self->cache);
  int stride = cairo_image_surface_get_stride (self->cache);
  g_autoptr(GBytes) bytes = NULL;

  if (self->texture != NULL)
    return self->texture;
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (self->cache), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (self->cache));
  /* Cairo's ARGB32 is premultiplied B, G, R, A in memory on little-endian
   * machines: GDK_MEMORY_DEFAULT. */
  self->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  return self->texture;
}

static gboolean
uses_cairo_renderer (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);

  return native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
}

/* The cached rendering, moved and scaled to the current viewport. */
void
_straits_map_view_append_cache (StraitsMapView *self,
                                GtkSnapshot    *snapshot,
                                int             width,
                                int             height)
{
  double ox, oy, mx, my, k = self->cache_viewport.resolution / self->viewport.resolution;
  graphene_rect_t r;

  straits_viewport_to_map (&self->cache_viewport, self->cache_width, self->cache_height, 0, 0, &mx, &my);
  straits_viewport_to_output (&self->viewport, width, height, mx, my, &ox, &oy);
  r = GRAPHENE_RECT_INIT (ox, oy, self->cache_width * k, self->cache_height * k);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_sea_around (self, snapshot, width, height, &r);
  if (uses_cairo_renderer (GTK_WIDGET (self)))
    append_cache_surface (self, snapshot, &r, width, height);
  else
    gtk_snapshot_append_texture (snapshot, cache_texture (self), &r);
  gtk_snapshot_pop (snapshot);
}
