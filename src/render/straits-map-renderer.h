/* straits-map-renderer.h: draws a map onto any cairo context
 *
 * One renderer serves the screen, the PNG/PDF/SVG exports and the tests.
 * It knows nothing of widgets: callers give it a viewport and a size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <glib-object.h>

#include "straits-dataset.h"
#include "straits-label-placer.h"
#include "straits-maritime.h"
#include "straits-map-scene.h"
#include "straits-map-style.h"
#include "straits-projected-map.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_LABEL_COUNTRY,
  STRAITS_LABEL_SEA,
  STRAITS_LABEL_CITY,
  STRAITS_LABEL_ANNOTATION,
  STRAITS_LABEL_DISPUTED,
  STRAITS_LABEL_PARTNER,    /* the actor at the far end of a curve leaving the frame */
} StraitsLabelKind;

#define STRAITS_TYPE_MAP_RENDERER (straits_map_renderer_get_type ())
G_DECLARE_FINAL_TYPE (StraitsMapRenderer, straits_map_renderer, STRAITS, MAP_RENDERER, GObject)

/* A renderer with a scene of its own, showing @map. (transfer full) */
StraitsMapRenderer *straits_map_renderer_new            (StraitsProjectedMap *map);
/* A renderer that draws @scene and follows its changes. (transfer full) */
StraitsMapRenderer *straits_map_renderer_new_for_scene  (StraitsMapScene     *scene);
/* What the renderer draws: change the scene, never the renderer.
 * (transfer none) */
StraitsMapScene    *straits_map_renderer_get_scene      (StraitsMapRenderer  *self);
/* (transfer none) (nullable) */
StraitsProjectedMap *straits_map_renderer_get_map       (StraitsMapRenderer  *self);
/* (transfer none) (nullable) */
StraitsDataset *straits_map_renderer_get_dataset        (StraitsMapRenderer  *self);
StraitsConvention straits_map_renderer_get_convention   (StraitsMapRenderer  *self);
/* What the credits say of borders under the convention in force (and the
 * footnotes of the names it marks), or NULL without a territories table.
 * (transfer full) (nullable) */
char    *straits_map_renderer_describe_convention       (StraitsMapRenderer  *self);
/* (transfer none) */
const StraitsMapStyle *straits_map_renderer_get_style   (StraitsMapRenderer  *self);
/* A figure shows no hover, and the selection only when asked: the frames
 * drawn between these two calls leave out the hover (and the selection
 * unless @keep_selection); _restore puts them back as they were. */
void     straits_map_renderer_stash_highlights          (StraitsMapRenderer  *self,
                                                         gboolean             keep_selection);
void     straits_map_renderer_restore_highlights        (StraitsMapRenderer  *self);
/* Two panels of one figure share one legend: the legend of the draws that
 * follow also lists the groups, hatched areas and relation types @partner
 * drew last (and they count as drawn). NULL: its own alone. @partner is
 * not referenced: clear it before it goes. */
void     straits_map_renderer_set_legend_partner        (StraitsMapRenderer  *self,
                                                         StraitsMapRenderer  *partner);
/* Raster targets reuse the base layer across frames while only the
 * position changes (on by default). */
void     straits_map_renderer_set_cache_base            (StraitsMapRenderer  *self,
                                                         gboolean             cache);
void     straits_map_renderer_invalidate                (StraitsMapRenderer  *self);
/* Raster frames also reuse the relations, flows, labels and events drawn
 * over the cached base layer (with its margin) until what they show
 * changes, so that a frame that only pans is one copy and the legend
 * (off by default: exports draw every layer for their own frame). The
 * labels are then placed for the cached layer, not for each frame: near
 * the frame's edges they may be cut, and the names where relations leave
 * the frame stay where the cached layer's edge was. */
void     straits_map_renderer_set_cache_layers          (StraitsMapRenderer  *self,
                                                         gboolean             cache);
/* The next frame is drawn for itself, without the cached frame layer:
 * where the map comes to rest after a pan, its labels are placed for the
 * frame and the names where relations leave it stand at its edges. The
 * cached layer stays for the next pan. */
void     straits_map_renderer_draw_next_exactly         (StraitsMapRenderer  *self);
/* Label sizes rounded to multiples of @step units, for a renderer that
 * draws the screen only; 0, the default, keeps them exact, as exports
 * need. Country names grow with their area on screen, so each new zoom
 * level asked for new sizes, each a new font to find and open and each
 * label a new layout and sprite: a new zoom level took 40 ms for that
 * (issue 20). A quarter of a unit leaves names as wide within a pixel.
 * The map view sets STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP. */
#define STRAITS_MAP_RENDERER_SCREEN_TEXT_STEP 0.25
void     straits_map_renderer_set_text_step             (StraitsMapRenderer  *self,
                                                         double               step);
/* The bytes the cached base layers may take (property "cache-limit"):
 * besides the current frame's, those of earlier frames are kept, most
 * recently used first, so that going back to a zoom level (and place)
 * seen before copies its base layer instead of drawing it. */
#define STRAITS_MAP_RENDERER_CACHE_LIMIT (G_GUINT64_CONSTANT (64) << 20)
void     straits_map_renderer_set_cache_limit           (StraitsMapRenderer  *self,
                                                         guint64              bytes);
guint64  straits_map_renderer_get_cache_limit           (StraitsMapRenderer  *self);
/* Threads that draw the cached base layer, in bands, and beside them
 * what lies above it (default: the processors, at most 4). The layers
 * cached stay: they are the same however many threads drew them. */
void     straits_map_renderer_set_threads               (StraitsMapRenderer  *self,
                                                         guint                n_threads);
guint    straits_map_renderer_get_threads               (StraitsMapRenderer  *self);
void     straits_map_renderer_set_full_detail           (StraitsMapRenderer  *self,
                                                         gboolean             full);

/* Whether a raster frame of @width x @height at @scale device pixels per
 * unit would copy the cached base layer rather than draw it. */
gboolean straits_map_renderer_is_prepared               (StraitsMapRenderer  *self,
                                                         double               width,
                                                         double               height,
                                                         double               scale,
                                                         const StraitsViewport *viewport);
/* Draws that frame's base layer in a thread (and the frame layer over
 * it, when cached), so that drawing the frame afterwards only copies it.
 * The result is dropped if the map, dataset, grouping, overlays or style
 * change meanwhile; the frame layer alone if anything else shown does. */
void     straits_map_renderer_prepare_async             (StraitsMapRenderer  *self,
                                                         double               width,
                                                         double               height,
                                                         double               scale,
                                                         const StraitsViewport *viewport,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean straits_map_renderer_prepare_finish            (StraitsMapRenderer  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* Draws that frame whole in a thread, as it is drawn at rest (drawn for
 * itself, not copied from the frame layer), with its base layer when
 * that is not cached; finishing gives the frame (the renderer's results,
 * the labels, legend texts and counts, are then the frame's, as if it had
 * drawn it) or NULL without an error when what it shows changed
 * meanwhile. */
void     straits_map_renderer_prepare_frame_async       (StraitsMapRenderer  *self,
                                                         double               width,
                                                         double               height,
                                                         double               scale,
                                                         const StraitsViewport *viewport,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* (transfer full) (nullable) */
cairo_surface_t *straits_map_renderer_prepare_frame_finish (StraitsMapRenderer  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

StraitsViewport straits_map_renderer_fit                (StraitsMapRenderer  *self,
                                                         double               width,
                                                         double               height);
void     straits_map_renderer_draw                      (StraitsMapRenderer  *self,
                                                         cairo_t             *cr,
                                                         double               width,
                                                         double               height,
                                                         const StraitsViewport *viewport);

/* Vertices the last draw sent to cairo. */
guint64            straits_map_renderer_get_n_vertices  (StraitsMapRenderer  *self);

/* What the last draw placed, for legends, tests and accessibility. */
guint              straits_map_renderer_get_n_labels    (StraitsMapRenderer  *self);
/* (transfer none) */
const StraitsRect *straits_map_renderer_get_label_rect  (StraitsMapRenderer  *self,
                                                         guint                index);
/* (transfer none) */
const char        *straits_map_renderer_get_label_text  (StraitsMapRenderer  *self,
                                                         guint                index);
StraitsLabelKind   straits_map_renderer_get_label_kind  (StraitsMapRenderer  *self,
                                                         guint                index);
/* The relation and flow curves the last draw drew in full (not copied
 * from a cached layer). */
guint              straits_map_renderer_get_n_curves    (StraitsMapRenderer  *self);
/* Curve @index as points along it, x, y pairs in output units.
 * @n_points: (out); returns (transfer none) */
const double      *straits_map_renderer_get_curve       (StraitsMapRenderer  *self,
                                                         guint                index,
                                                         guint               *n_points);
/* @rect: (out) */
gboolean           straits_map_renderer_get_legend_rect (StraitsMapRenderer  *self,
                                                         StraitsRect         *rect);
/* Groups (indices into the grouping) and relation types drawn last time.
 * (transfer none): the renderer's own array, refilled by each draw */
GArray            *straits_map_renderer_get_drawn_groups (StraitsMapRenderer *self);
/* (transfer none) */
GArray            *straits_map_renderer_get_drawn_relation_types (StraitsMapRenderer *self);
guint              straits_map_renderer_get_n_drawn_relations (StraitsMapRenderer *self);
guint              straits_map_renderer_get_n_drawn_events (StraitsMapRenderer *self);
/* (transfer none): the renderer's own array of strings */
GPtrArray         *straits_map_renderer_get_legend_labels (StraitsMapRenderer *self);
/* The share of the last legend's area that lies over land, 0 to 1 (0
 * without a legend, or one drawn beside the map). */
double             straits_map_renderer_get_legend_land_share (StraitsMapRenderer *self);
/* The legend of the map last drawn in a frame of @width x @height at
 * @viewport, laid out beside it: in as many columns as fit @max_width
 * when it is not 0 (a strip under the map), else as it takes to fit
 * @max_height. Measures it (FALSE: nothing to explain), or draws it with
 * its top-left corner at (@x, @y) in the frame's coordinates; the map
 * is drawn without a legend. @legend_width, @legend_height: (out) */
gboolean           straits_map_renderer_measure_legend (StraitsMapRenderer    *self,
                                                        cairo_t               *cr,
                                                        double                 width,
                                                        double                 height,
                                                        const StraitsViewport *viewport,
                                                        double                 max_width,
                                                        double                 max_height,
                                                        double                *legend_width,
                                                        double                *legend_height);
void               straits_map_renderer_draw_legend_beside (StraitsMapRenderer    *self,
                                                            cairo_t               *cr,
                                                            double                 width,
                                                            double                 height,
                                                            const StraitsViewport *viewport,
                                                            double                 x,
                                                            double                 y,
                                                            double                 max_width,
                                                            double                 max_height);
/* (transfer none) (nullable): NULL when the map shows all dates */
const StraitsDate *straits_map_renderer_get_time         (StraitsMapRenderer *self);
guint32            straits_map_renderer_get_grouping     (StraitsMapRenderer *self);
guint    straits_map_renderer_get_territorial_seas      (StraitsMapRenderer          *self);
gboolean straits_map_renderer_shows_territorial_seas    (StraitsMapRenderer          *self);
gboolean straits_map_renderer_can_show_territorial_seas (StraitsMapRenderer         *self);

/* The hover highlight of @actor alone, and where it falls (see
 * straits-map-layers.c). */
void               straits_map_renderer_draw_hover      (StraitsMapRenderer  *self,
                                                         cairo_t             *cr,
                                                         double               width,
                                                         double               height,
                                                         const StraitsViewport *viewport,
                                                         guint32              actor);
gboolean           straits_map_renderer_get_hover_extents (StraitsMapRenderer *self,
                                                         double               width,
                                                         double               height,
                                                         const StraitsViewport *viewport,
                                                         guint32              actor,
                                                         StraitsRect         *rect);

/* What lies under a point of the output: a relation's curve (within a few
 * units) before a country. Either may be STRAITS_NO_INDEX.
 * @actor, @relation: (out) */
void               straits_map_renderer_pick            (StraitsMapRenderer  *self,
                                                         double               width,
                                                         double               height,
                                                         const StraitsViewport *viewport,
                                                         double               ox,
                                                         double               oy,
                                                         guint32             *actor,
                                                         guint32             *relation);

/* Whether both ends of relation @relation lie where the map draws
 * relations (its region, with a margin): a view of the Black Sea draws no
 * relation between France and Greece whatever types it draws. */
gboolean           straits_map_renderer_relation_in_region (StraitsMapRenderer *self,
                                                            guint32             relation);
/* Where an actor is anchored on the map (projected metres). @x, @y: (out) */
gboolean           straits_map_renderer_get_actor_anchor (StraitsMapRenderer *self,
                                                          guint32             actor,
                                                          double             *x,
                                                          double             *y);

G_END_DECLS
