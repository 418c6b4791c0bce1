/* straits-map-view.h: the interactive map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-map-renderer.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_MAP_VIEW (straits_map_view_get_type ())
G_DECLARE_FINAL_TYPE (StraitsMapView, straits_map_view, STRAITS, MAP_VIEW, GtkWidget)

/* (transfer floating) */
GtkWidget          *straits_map_view_new              (void);
/* What the map shows: the view follows the scene's changes and writes
 * its selection, hover and extent into it. */
void                straits_map_view_set_scene        (StraitsMapView     *self,
                                                       StraitsMapScene    *scene);
/* Draws @scene ahead, in a thread, as it would be shown now (fitted to the
 * view's size), so that showing it later copies that drawing if it has not
 * changed meanwhile (kept as a scene shown before is). */
void                straits_map_view_prepare_scene    (StraitsMapView     *self,
                                                       StraitsMapScene    *scene);
/* The frame a map view of @width x @height (at @scale device pixels a
 * unit) would first show of @scene, fitted (transfer full), drawn by a
 * renderer made as a map view makes
 * its own, which @renderer gets (transfer full), with the texts, label
 * sprites and layers of that frame made. Called from any thread (the one
 * that reads the dataset ahead of the window). */
cairo_surface_t    *straits_map_view_draw_ahead       (StraitsMapScene     *scene,
                                                       int                  width,
                                                       int                  height,
                                                       int                  scale,
                                                       StraitsMapRenderer **renderer);
/* Takes @renderer as the one for its scene, and @frame (nullable), of
 * straits_map_view_draw_ahead(), as its drawing, when the view is given
 * that scene: as a scene shown before comes back with its renderer and
 * drawing. A first frame of another size, or of a scene changed since,
 * is drawn anew with that renderer. */
void                straits_map_view_adopt_drawing    (StraitsMapView      *self,
                                                       StraitsMapRenderer  *renderer,
                                                       cairo_surface_t     *frame);
/* (transfer none) (nullable) */
StraitsMapScene    *straits_map_view_get_scene        (StraitsMapView     *self);
/* The renderer drawing the scene, for what the last frame placed (labels,
 * legend); never to change what is shown. (transfer none) (nullable) */
StraitsMapRenderer *straits_map_view_get_renderer     (StraitsMapView     *self);
/* Drops the cached frame and redraws (the scene's changes do this). */
void                straits_map_view_queue_full_redraw (StraitsMapView    *self);

StraitsViewport     straits_map_view_get_viewport     (StraitsMapView     *self);
void                straits_map_view_set_viewport     (StraitsMapView     *self,
                                                       const StraitsViewport *viewport);
void                straits_map_view_reset            (StraitsMapView     *self);
void                straits_map_view_zoom             (StraitsMapView     *self,
                                                       double              factor,
                                                       double              x,
                                                       double              y);
void                straits_map_view_pan              (StraitsMapView     *self,
                                                       double              dx,
                                                       double              dy);
void                straits_map_view_center_on_actor  (StraitsMapView     *self,
                                                       guint32             actor);

/* The selection: up to two actors, or a relation. */
void                straits_map_view_select_actor     (StraitsMapView     *self,
                                                       guint32             actor,
                                                       gboolean            add);
void                straits_map_view_select_actors    (StraitsMapView     *self,
                                                       const guint32      *actors,
                                                       guint               n_actors);
void                straits_map_view_select_relation  (StraitsMapView     *self,
                                                       guint32             relation);
void                straits_map_view_clear_selection  (StraitsMapView     *self);
/* (transfer none); @n: (out) */
const guint32      *straits_map_view_get_selected_actors (StraitsMapView  *self,
                                                       guint              *n);
guint32             straits_map_view_get_selected_relation (StraitsMapView *self);
/* Whether what is under the pointer is highlighted, described and given
 * a tooltip (not while presenting). */
void                straits_map_view_set_show_hover   (StraitsMapView     *self,
                                                       gboolean            show);
/* A description of the selection for people and screen readers.
 * (transfer full) (nullable): NULL without a selection */
char               *straits_map_view_describe_selection (StraitsMapView  *self);
guint64             straits_map_view_get_frame_count  (StraitsMapView     *self);

void             straits_map_view_set_legend_collapsed (StraitsMapView *self,
                                                        gboolean        collapsed);
gboolean         straits_map_view_get_legend_collapsed (StraitsMapView *self);

G_END_DECLS
