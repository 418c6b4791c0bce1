/* straits-map-view-private.h: the map view's state, shared by its files
 * (straits-map-view.c: scene, cache, drawing, selection;
 * straits-map-view-input.c: pointer, touch, keys and tooltips)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-map-view.h"

G_BEGIN_DECLS

struct _StraitsMapView
{
  GtkWidget parent_instance;

  StraitsMapScene *scene;       /* what the map shows */
  gulong scene_changed_id;
  StraitsMapRenderer *renderer; /* draws the scene; the view reads its results */
  StraitsViewport viewport;
  gboolean has_viewport;
  gboolean moved;             /* panned, zoomed or placed since the view was fitted */
  int fitted_width, fitted_height;

  /* The last full rendering and the viewport it was drawn for; as a
   * texture for GL renderers, so that moving it costs the GPU a draw, not
   * an upload. */
  cairo_surface_t *cache;
  GdkTexture *texture;      /* of the cache, made when first needed */
  StraitsViewport cache_viewport;
  int cache_width, cache_height;
  gboolean interacting;
  gboolean hide_hover;        /* nothing under the pointer is shown (presenting) */
  guint settle_id;
  GCancellable *preparing;  /* the frame at rest being drawn in a thread */
  StraitsViewport preparing_viewport;
  int preparing_width, preparing_height;
  /* The scenes shown before, with their renderers and last drawings, most
   * recent first (straits-map-view-kept.c). */
  GQueue kept_views;
  /* Drawings shown, no longer current, that GTK's last frame may still
   * hold (see _straits_map_view_retire_cache). */
  GArray *retired;
  guint release_id;

  /* Gestures. */
  StraitsViewport drag_start;
  double zoom_start_resolution;
  double pointer_x, pointer_y;
  double velocity_x, velocity_y;
  guint kinetic_id;
  gint64 kinetic_last;

  guint32 hover_actor;
  guint32 hover_relation;
  guint64 frame_count;
  guint n_drawn_relations;
  gboolean legend_collapsed;   /* the reader's wish: see apply_legend_collapsed () */
  char *legend_text;          /* the legend's entries as drawn, for the accessible description */
  guint n_drawn_flows;
};

/* straits-map-view-kept.c */
StraitsMapRenderer *_straits_map_view_new_renderer (StraitsMapScene *scene);
void     _straits_map_view_keep_current     (StraitsMapView  *self);
void     _straits_map_view_take_kept        (StraitsMapView  *self,
                                             StraitsMapScene *scene);
void     _straits_map_view_forget_kept      (StraitsMapView  *self);
void     _straits_map_view_redraw_kept      (StraitsMapView  *self);
/* Whether a kept scene is being drawn ahead (tests). */
gboolean _straits_map_view_is_drawing_ahead (StraitsMapView *self);

/* straits-map-view-cache.c */
void     _straits_map_view_retire_cache     (StraitsMapView  *self);
void     _straits_map_view_note_snapshot    (StraitsMapView  *self);
void     _straits_map_view_release_retired  (StraitsMapView  *self,
                                             gboolean         all);
void     _straits_map_view_set_strip_bytes  (gsize            bytes);
void     _straits_map_view_append_cache     (StraitsMapView  *self,
                                             GtkSnapshot     *snapshot,
                                             int              width,
                                             int              height);

/* straits-map-view.c */
void     _straits_map_view_interaction_step (StraitsMapView *self);
void     _straits_map_view_push_hover       (StraitsMapView *self);
void     _straits_map_view_notify_hover     (StraitsMapView *self);
void     _straits_map_view_announce         (StraitsMapView *self);
void     _straits_map_view_ensure_viewport  (StraitsMapView *self);
char    *_straits_map_view_describe         (StraitsMapView *self,
                                             guint32         actor,
                                             guint32         relation);
void     _straits_map_view_pick             (StraitsMapView *self,
                                             double          x,
                                             double          y,
                                             guint32        *actor,
                                             guint32        *relation);

/* straits-map-view-input.c */
void     _straits_map_view_class_input_init (GtkWidgetClass *widget_class);
void     _straits_map_view_input_init       (StraitsMapView *self);
void     _straits_map_view_stop_kinetic     (StraitsMapView *self);
void     _straits_map_view_clear_hover      (StraitsMapView *self);

G_END_DECLS
