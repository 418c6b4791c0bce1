/* straits-map-scene.h: what a map shows, as one observable object
 *
 * A scene holds everything that decides what a map frame shows: the
 * projected map, the dataset, the grouping, the relation-type filter, the
 * overlays, the date, the convention for disputed areas, the selection,
 * the hover, the style, the territorial seas, the arms flows, what is
 * drawn besides the map (legend, labels), what changed since a compared
 * version of the dataset, and the extent. Whoever shows
 * a map (the map view, the export dialog, slides, the CLI, tests) owns or
 * copies a scene and changes it; a renderer bound to the scene follows.
 *
 * Every change emits ::changed once, with what changed; changes made
 * between straits_map_scene_freeze() and straits_map_scene_thaw() are
 * emitted as one. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "straits-dataset.h"
#include "straits-label-placer.h"
#include "straits-maritime.h"
#include "straits-map-style.h"
#include "straits-projected-map.h"
#include "straits-territories.h"

G_BEGIN_DECLS

/* Which part of the plane is shown: the centre in projected metres and
 * how many metres one output unit (pixel or point) spans. */
typedef struct {
  double cx, cy;
  double resolution;
} StraitsViewport;

gboolean straits_viewport_equal (const StraitsViewport *a,
                                 const StraitsViewport *b);
/* @ox, @oy: (out) */
void     straits_viewport_to_output   (const StraitsViewport *viewport,
                                       double                 width,
                                       double                 height,
                                       double                 x,
                                       double                 y,
                                       double                *ox,
                                       double                *oy);
/* @x, @y: (out) */
void     straits_viewport_to_map      (const StraitsViewport *viewport,
                                       double                 width,
                                       double                 height,
                                       double                 ox,
                                       double                 oy,
                                       double                *x,
                                       double                *y);

/* What a ::changed emission says changed; flags combine. */
typedef enum {
  STRAITS_SCENE_MAP        = 1 << 0,   /* the projected map (region, projection) */
  STRAITS_SCENE_DATASET    = 1 << 1,   /* also resets grouping, filter, selection, hover */
  STRAITS_SCENE_GROUPING   = 1 << 2,
  STRAITS_SCENE_FILTER     = 1 << 3,   /* relation types shown */
  STRAITS_SCENE_OVERLAYS   = 1 << 4,
  STRAITS_SCENE_TIME       = 1 << 5,
  STRAITS_SCENE_CONVENTION = 1 << 6,
  STRAITS_SCENE_STYLE      = 1 << 7,
  STRAITS_SCENE_SELECTION  = 1 << 8,
  STRAITS_SCENE_HOVER      = 1 << 9,
  STRAITS_SCENE_SEAS       = 1 << 10,  /* territorial seas */
  STRAITS_SCENE_FLOWS      = 1 << 11,  /* arms transfers */
  STRAITS_SCENE_DECORATION = 1 << 12,  /* legend, labels, footnote marks, reserved box */
  STRAITS_SCENE_VIEWPORT   = 1 << 13,
  STRAITS_SCENE_CHANGES    = 1 << 14,  /* what is new or changed since a compared version */
  STRAITS_SCENE_ALL        = (1 << 15) - 1,
} StraitsSceneChange;

/* What a frame shows: everything but the extent. */
#define STRAITS_SCENE_CONTENT (STRAITS_SCENE_ALL & ~STRAITS_SCENE_VIEWPORT)

/* An arms transfer drawn as a flow (from the Arms Exports page). */
typedef struct {
  char *from;
  char *to;
  char *label;      /* the flow's text on the map, e.g. "Germany 835.9"; may be NULL */
  double tiv;       /* SIPRI TIV, millions: the curve's width */
  gboolean label_at_recipient; /* the label by the recipient's end, else the supplier's */
} StraitsMapFlow;

void    straits_map_flow_clear (StraitsMapFlow       *flow);
/* A deep copy, as a GArray of StraitsMapFlow that clears them. (transfer full) */
GArray *straits_map_flows_copy (const StraitsMapFlow *flows,
                                guint                 n_flows);

#define STRAITS_TYPE_MAP_SCENE (straits_map_scene_get_type ())
G_DECLARE_FINAL_TYPE (StraitsMapScene, straits_map_scene, STRAITS, MAP_SCENE, GObject)

/* (transfer full) */
StraitsMapScene *straits_map_scene_new            (StraitsProjectedMap *map);
/* A new scene that shows what @self shows; not bound to it.
 * (transfer full) */
StraitsMapScene *straits_map_scene_copy           (StraitsMapScene     *self);

/* Counts the changes of what the scene shows (all but its extent): the
 * same count, the same drawing. */
guint64  straits_map_scene_get_generation         (StraitsMapScene     *self);
/* Gives @self what @from shows besides its map and its view's grouping,
 * relation types and overlays: style, convention, legend, date,
 * territorial seas, flows, what changed, selection; no hover. What a
 * window gives each view it shows, for a view drawn ahead of showing. */
void     straits_map_scene_take_settings          (StraitsMapScene     *self,
                                                   StraitsMapScene     *from);
void     straits_map_scene_freeze                 (StraitsMapScene     *self);
void     straits_map_scene_thaw                   (StraitsMapScene     *self);

void     straits_map_scene_set_map                (StraitsMapScene     *self,
                                                   StraitsProjectedMap *map);
/* (transfer none) (nullable) */
StraitsProjectedMap *straits_map_scene_get_map    (StraitsMapScene     *self);
void     straits_map_scene_set_dataset            (StraitsMapScene     *self,
                                                   StraitsDataset      *dataset);
/* (transfer none) (nullable) */
StraitsDataset *straits_map_scene_get_dataset     (StraitsMapScene     *self);
/* A dataset view's grouping, relation types, overlays and date. */
void     straits_map_scene_apply_view             (StraitsMapScene     *self,
                                                   const StraitsView   *view);
void     straits_map_scene_set_grouping           (StraitsMapScene     *self,
                                                   guint32              grouping);
guint32  straits_map_scene_get_grouping           (StraitsMapScene     *self);
/* @types NULL: every type. */
void     straits_map_scene_set_relation_types     (StraitsMapScene     *self,
                                                   const guint32       *types,
                                                   guint                n_types);
/* The same from an array of guint32 type indices: NULL, every type; an
 * empty array, none (whose data GLib leaves NULL). */
void     straits_map_scene_set_relation_type_array (StraitsMapScene  *self,
                                                   GArray             *types);
/* (transfer none) (nullable): NULL when every type is shown. @n_types: (out) */
const guint32 *straits_map_scene_get_relation_types (StraitsMapScene   *self,
                                                   guint               *n_types);
/* Whether relations of @type are drawn (the filter lets them through). */
gboolean straits_map_scene_shows_relation_type    (StraitsMapScene     *self,
                                                   guint32              type);
/* Draws relations of @type, or stops drawing them, the other types
 * staying as they are; a filter that lets every type of the dataset
 * through becomes NULL (every type). */
void     straits_map_scene_show_relation_type     (StraitsMapScene     *self,
                                                   guint32              type,
                                                   gboolean             shown);
void     straits_map_scene_set_overlays           (StraitsMapScene     *self,
                                                   const char *const   *overlays);
/* (transfer none) (nullable) */
const char *const *straits_map_scene_get_overlays (StraitsMapScene     *self);
/* @date NULL or unset: all dates. */
void     straits_map_scene_set_time               (StraitsMapScene     *self,
                                                   const StraitsDate   *date);
/* (transfer none) (nullable): NULL when the map shows all dates. */
const StraitsDate *straits_map_scene_get_time     (StraitsMapScene     *self);
void     straits_map_scene_set_convention         (StraitsMapScene     *self,
                                                   StraitsConvention    convention);
StraitsConvention straits_map_scene_get_convention (StraitsMapScene    *self);
/* Up to two actors, or a relation (STRAITS_NO_INDEX: none). */
void     straits_map_scene_set_selection          (StraitsMapScene     *self,
                                                   const guint32       *actors,
                                                   guint                n_actors,
                                                   guint32              relation);
/* (transfer none); @n_actors: (out) */
const guint32 *straits_map_scene_get_selected_actors (StraitsMapScene  *self,
                                                   guint               *n_actors);
guint32  straits_map_scene_get_selected_relation  (StraitsMapScene     *self);
void     straits_map_scene_set_hover              (StraitsMapScene     *self,
                                                   guint32              actor,
                                                   guint32              relation);
guint32  straits_map_scene_get_hover_actor        (StraitsMapScene     *self);
guint32  straits_map_scene_get_hover_relation     (StraitsMapScene     *self);
/* Colours, fonts and @style->scale, the output units per point: the one
 * place that scale is set. */
void     straits_map_scene_set_style              (StraitsMapScene     *self,
                                                   const StraitsMapStyle *style);
/* (transfer none) */
const StraitsMapStyle *straits_map_scene_get_style (StraitsMapScene    *self);
void     straits_map_scene_set_show_legend        (StraitsMapScene     *self,
                                                   gboolean             show);
gboolean straits_map_scene_get_show_legend        (StraitsMapScene     *self);
/* The legend folded to one line that says how many entries it has (the
 * window's, when the reader wants the map it covers). */
void     straits_map_scene_set_legend_collapsed   (StraitsMapScene     *self,
                                                   gboolean             collapsed);
gboolean straits_map_scene_get_legend_collapsed   (StraitsMapScene     *self);
void     straits_map_scene_set_show_labels        (StraitsMapScene     *self,
                                                   gboolean             show);
gboolean straits_map_scene_get_show_labels        (StraitsMapScene     *self);
/* Names the EU gives a footnote get its mark (Kosovo*): only where the
 * figure's credits carry the footnote. */
void     straits_map_scene_set_footnote_marks     (StraitsMapScene     *self,
                                                   gboolean             marks);
gboolean straits_map_scene_get_footnote_marks     (StraitsMapScene     *self);
/* A box (output units) that labels keep clear of: the scale bar a figure
 * draws over the map afterwards. NULL: none. */
void     straits_map_scene_set_reserved           (StraitsMapScene     *self,
                                                   const StraitsRect   *rect);
/* (transfer none) (nullable) */
const StraitsRect *straits_map_scene_get_reserved (StraitsMapScene     *self);
/* The Aegean's territorial seas from @report, at @limits (bit 0: 6 nm,
 * bit 1: 12 nm; 0: none). The scene takes a reference on the report's
 * arrays (not a copy): @report itself may go. */
void     straits_map_scene_set_territorial_seas   (StraitsMapScene     *self,
                                                   const StraitsMaritimeReport *report,
                                                   guint                limits);
/* (transfer none) (nullable): the belts, median lines and split, or NULL.
 * @limits: (out) */
const StraitsMaritimeReport *straits_map_scene_get_territorial_seas (StraitsMapScene *self,
                                                   guint               *limits);
/* Replaces the flows drawn (a copy of @flows is kept); @legend is the
 * legend's entry for them, e.g. "Arms transfers 2015–2019 (SIPRI TIV)". */
void     straits_map_scene_set_flows              (StraitsMapScene     *self,
                                                   const StraitsMapFlow *flows,
                                                   guint                n_flows,
                                                   const char          *legend);
/* (transfer none) (nullable); @n_flows: (out);
 * @legend: (out) (transfer none) (nullable) */
const StraitsMapFlow *straits_map_scene_get_flows (StraitsMapScene     *self,
                                                   guint               *n_flows,
                                                   const char         **legend);
/* What changed since an older version of the dataset (a
 * straits_dataset_diff() array, matched to the dataset shown by id):
 * its new and changed relations and actors are marked. @since names that
 * version in the legend, e.g. "1.0 (2025-03-01)". NULL @changes: no
 * comparison. The scene keeps a reference on @changes. */
void     straits_map_scene_set_changes            (StraitsMapScene     *self,
                                                   GPtrArray           *changes,
                                                   const char          *since);
/* (transfer none) (nullable); @since: (out) (transfer none) (nullable) */
GPtrArray *straits_map_scene_get_changes          (StraitsMapScene     *self,
                                                   const char         **since);
/* The extent shown; FALSE until one is set. */
void     straits_map_scene_set_viewport           (StraitsMapScene     *self,
                                                   const StraitsViewport *viewport);
/* @viewport: (out caller-allocates) */
gboolean straits_map_scene_get_viewport           (StraitsMapScene     *self,
                                                   StraitsViewport     *viewport);

G_END_DECLS
