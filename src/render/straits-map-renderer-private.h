/* straits-map-renderer-private.h: shared by the renderer's layer files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "straits-map-renderer.h"

G_BEGIN_DECLS

/* The frame layer drawn over a base layer (straits-map-frame-layer.c). */
typedef struct _StraitsFrameLayer StraitsFrameLayer;

/* A base layer drawn for a frame of @width x @height at @viewport, with
 * @margin around it, at @scale device pixels per unit; @surface NULL
 * when there is none. */
typedef struct {
  cairo_surface_t *surface;
  StraitsViewport viewport;
  double width, height, scale, margin;
  StraitsFrameLayer *layer;   /* drawn over it, or NULL */
} StraitsBaseLayer;

struct _StraitsMapRenderer
{
  GObject parent_instance;

  StraitsMapScene *scene;   /* what is drawn; the fields below follow it */
  gulong scene_changed_id;
  StraitsProjectedMap *map;
  StraitsDataset *dataset;
  StraitsMapStyle style;

  guint32 grouping;
  GArray *relation_types;   /* guint32; NULL: all */
  char **overlays;
  guint n_drawn_events;
  GArray *sea_belts[STRAITS_MARITIME_N_LIMITS][2];  /* territorial seas, from the maritime report */
  GArray *sea_median[STRAITS_MARITIME_N_LIMITS];
  StraitsSeaSplit sea_split;
  guint sea_limits;         /* bit 0: 6 nm, bit 1: 12 nm */
  gboolean has_time;
  StraitsDate time;
  StraitsConvention convention;  /* how disputed and occupied areas are drawn */
  guint64 territories_active;    /* bit i: territory i occupied at the time shown */
  GArray *selected_actors;  /* guint32 */
  guint32 selected_relation;
  guint32 hover_actor;
  guint32 hover_relation;
  gboolean show_legend;
  gboolean footnote_marks;  /* Kosovo*: the credits carry the footnote */
  /* Hover and selection while a figure leaves them out. */
  gboolean stashed;
  GArray *stashed_actors;
  guint32 stashed_relation, stashed_hover_actor, stashed_hover_relation;
  gboolean has_reserved;
  StraitsRect reserved;     /* labels keep clear of it (a figure's scale bar) */
  gboolean hide_labels;
  gboolean full_detail;
  /* Tests: the countries filled with antialiasing on raster targets too,
   * as before issue 20, to compare against. */
  gboolean antialias_fills;

  int *actor_features;      /* country feature per actor, or -1 */
  double *actor_xy;         /* anchor per actor, NAN when none */

  /* Results of the last draw. */
  GArray *labels;           /* StraitsPlacedLabel */
  GPtrArray *label_texts;
  GArray *drawn_groups;
  gboolean drawn_hatched;   /* a disputed or occupied area is hatched */
  GArray *drawn_types;
  guint n_drawn_relations;
  gboolean has_legend;
  StraitsRect legend_rect;
  GPtrArray *legend_labels;  /* the legend's texts, as drawn */
  guint64 last_vertices;
  GArray *sprites;          /* StraitsPaintedSprite: labels and city dots, as copied */
  GArray *event_xy;         /* x, y pairs per event: its dot this frame (NAN: none) */
  GArray *edge_partners;    /* StraitsEdgePartner: curves' ends outside the frame */
  double legend_key[6];     /* what the legend's corner was chosen for (not the centre) */
  guint legend_corner;      /* and the corner chosen, kept while the map only pans */
  StraitsViewport last_viewport;
  double last_width, last_height;

  GHashTable *layouts;      /* "size|weight|text" → PangoLayout */
  cairo_pattern_t *hatch;   /* the disputed areas' hatching tile, raster targets */
  cairo_surface_t *city_dot; /* a city's dot, raster targets */
  double city_dot_scale;
  int hatch_pixels;
  /* The base layer (sea, land, borders, disputed areas) of the last
   * raster frame, drawn with a margin, so that small pans only copy it;
   * those of earlier frames, most recent first, while they fit in
   * cache_limit bytes with it (straits-map-base.c). */
  StraitsBaseLayer base;
  GQueue kept_bases;          /* StraitsBaseLayer * */
  guint64 cache_limit;
  gboolean base_enabled;
  guint n_threads;            /* that draw the base layer, in bands */
  guint base_generation;      /* counts invalidations */
  /* Frame layers (the base layers' layer) are drawn and kept; those
   * drawn before the scene last changed are outdated. */
  gboolean layers_enabled;
  guint layers_generation;    /* counts the scene's changes */

  /* Arms transfers (straits-map-flows.c). */
  GArray *flows;              /* StraitsMapFlow */
  char *flows_legend;
  guint n_drawn_flows;
};

/* Where a relation curve leaves the frame towards an actor outside it. */
typedef struct {
  double x, y;
  guint32 actor;
  gboolean over_own_land;   /* named only if its country's name is not shown */
} StraitsEdgePartner;

/* drawn_groups holds group indices and these two pseudo-groups. */
#define DRAWN_OTHER_EU  (G_MAXUINT32 - 1)
#define DRAWN_NON_EU    (G_MAXUINT32 - 2)

typedef struct {
  StraitsRect rect;
  StraitsLabelKind kind;
} StraitsPlacedLabel;

/* A sprite copied into the last raster frame, at (x, y) in output units,
 * so that a highlight drawn over that frame can put it back on top. */
typedef struct {
  cairo_surface_t *surface;
  double x, y;
} StraitsPaintedSprite;

void _straits_map_note_sprite (StraitsMapRenderer *self,
                               cairo_surface_t    *surface,
                               double              x,
                               double              y);

/* One draw call's state. */
typedef struct {
  cairo_t *cr;
  double width, height;
  StraitsViewport vp;
  StraitsBox view;          /* the frame in projected metres, with a margin */
  double threshold;         /* simplification tolerance, degrees */
  gboolean culling;
  double unit;              /* style scale */
  StraitsLabelPlacer *placer;
  guint64 n_vertices;
} StraitsMapFrame;

void     _straits_map_frame_init      (StraitsMapFrame       *frame,
                                       StraitsMapRenderer    *self,
                                       cairo_t               *cr,
                                       double                 width,
                                       double                 height,
                                       const StraitsViewport *vp);
gboolean _straits_box_intersects      (const StraitsBox      *a,
                                       const StraitsBox      *b);
void     _straits_map_path_feature    (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame,
                                       guint                  feature);
gboolean _straits_map_feature_visible (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame,
                                       guint                  feature);
void     _straits_map_stroke_arcs     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame,
                                       guint8                 flag);
gboolean _straits_map_renderer_has_overlay (StraitsMapRenderer *self,
                                       const char            *overlay);

/* The disputed and occupied areas table of the map's basemap, or NULL;
 * the time shown, or NULL for now. */
StraitsTerritories *_straits_map_territories (StraitsMapRenderer *self);
const StraitsDate  *_straits_map_time       (StraitsMapRenderer *self);

/* straits-map-layers.c */
void     _straits_map_draw_base       (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_note_drawn_groups (StraitsMapRenderer   *self,
                                         StraitsMapFrame      *frame);
void     _straits_map_draw_highlights (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
const StraitsGroup *_straits_map_group_of_feature (StraitsMapRenderer *self,
                                       guint                  feature,
                                       guint32               *actor);
gboolean _straits_map_actor_selected  (StraitsMapRenderer    *self,
                                       guint32                actor);
/* Adds @value to @drawn (what the legend shows) unless it is there. */
void     _straits_map_note_drawn      (GArray                *drawn,
                                       guint32                value);

/* straits-map-relations.c */
void     _straits_map_draw_relations  (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);

/* straits-map-labels.c */
void     _straits_map_draw_labels     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_reserve_events  (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_draw_events     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
/* A country every reader of the view expects named: the legend keeps
 * clear of it. */
gboolean _straits_map_named_state     (StraitsMapRenderer    *self,
                                       const StraitsFeature  *feature);

/* straits-map-legend.c */
void     _straits_map_draw_legend     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);

/* straits-map-flows.c */
void     _straits_map_renderer_set_flows (StraitsMapRenderer  *self,
                                       const StraitsMapFlow  *flows,
                                       guint                  n_flows,
                                       const char            *legend);
void     _straits_map_draw_flows      (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_flows_free      (StraitsMapRenderer    *self);
const StraitsColour *_straits_map_flow_colour (void);

/* straits-map-maritime.c */
void     _straits_map_renderer_set_territorial_seas (StraitsMapRenderer *self,
                                       const StraitsMaritimeReport *report,
                                       guint                  limits);
void     _straits_map_draw_territorial_seas (StraitsMapRenderer *self,
                                       StraitsMapFrame       *frame);
const StraitsColour *_straits_map_belt_colour (guint country);
gboolean _straits_map_annotation_point (StraitsMapRenderer    *self,
                                        const StraitsAnnotation *a,
                                        double                *x,
                                        double                *y);
PangoLayout *_straits_map_layout      (StraitsMapRenderer    *self,
                                       cairo_t               *cr,
                                       const char            *text,
                                       double                 size,
                                       PangoWeight            weight,
                                       PangoStyle             style,
                                       int                    wrap_width);

static inline void
_straits_set_colour (cairo_t *cr, const StraitsColour *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* straits-map-base.c */
double   _straits_map_raster_scale      (cairo_t            *cr);
gboolean _straits_map_place_cached_base (StraitsMapRenderer *self,
                                         StraitsMapFrame    *frame,
                                         double             *x,
                                         double             *y,
                                         gboolean           *drawn);
gboolean _straits_map_paint_cached_base (StraitsMapRenderer *self,
                                         StraitsMapFrame    *frame);
/* The current base layer and those kept; the bytes they take. */
void     _straits_map_forget_bases      (StraitsMapRenderer *self);
gsize    _straits_map_base_cache_bytes  (StraitsMapRenderer *self);

/* straits-map-frame-layer.c */
gboolean _straits_map_paint_cached_layers (StraitsMapRenderer *self,
                                           StraitsMapFrame    *frame);
void     _straits_map_drop_layers       (StraitsMapRenderer *self);
void     _straits_map_draw_frame_layer  (StraitsMapRenderer *self,
                                         guint64            *vertices);
void     _straits_map_adopt_frame_layer (StraitsMapRenderer *self,
                                         StraitsMapRenderer *from);
void     _straits_frame_layer_free      (gpointer            layer);
gsize    _straits_frame_layer_bytes     (StraitsFrameLayer  *layer);
void _straits_map_prepare_hatch (StraitsMapRenderer *self,
                                 StraitsMapFrame    *frame);

G_END_DECLS
