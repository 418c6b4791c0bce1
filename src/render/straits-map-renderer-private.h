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
  GArray *adversarial_ranks; /* guint a relation type: its dash pattern; NULL until drawn */
  char **overlays;
  guint n_drawn_events;
  GArray *sea_belts[STRAITS_MARITIME_N_LIMITS][2];  /* territorial seas, from the maritime report */
  GArray *sea_median[STRAITS_MARITIME_N_LIMITS];
  StraitsSeaSplit sea_split;
  guint sea_limits;         /* bit 0: 6 nm, bit 1: 12 nm */
  StraitsBox sea_box;       /* around every belt: where the land they are clipped to is looked up */
  gboolean has_time;
  StraitsDate time;
  StraitsConvention convention;  /* how disputed and occupied areas are drawn */
  guint64 territories_active;    /* bit i: territory i occupied at the time shown */
  GArray *selected_actors;  /* guint32 */
  guint32 selected_relation;
  guint32 hover_actor;
  guint32 hover_relation;
  gboolean show_legend;
  gboolean legend_collapsed;
  /* A figure's other panel, whose last draw's groups and types the legend
   * lists too (not a reference: set only around a figure's draw). */
  StraitsMapRenderer *legend_partner;
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
  guint n_drawn_undated;    /* of those, drawn in the "date unknown" style */
  gboolean drawn_one_way;   /* a relation curve with an arrow head */
  gboolean drawn_adversarial; /* a dashed one */
  gboolean has_legend;
  StraitsRect legend_rect;
  GPtrArray *legend_labels;  /* the legend's texts, as drawn */
  guint64 last_vertices;
  GArray *sprites;          /* StraitsPaintedSprite: labels and city dots, as copied */
  GArray *event_xy;         /* x, y pairs per event: its dot this frame (NAN: none) */
  GArray *edge_partners;    /* StraitsEdgePartner: curves' ends outside the frame */
  GArray *curve_xy;         /* x, y pairs: the curves drawn, sampled, in output units */
  GArray *curve_ends;       /* guint per curve: the pair after its last */
  double legend_key[6];     /* what the legend's corner was chosen for (not the centre) */
  guint legend_corner;      /* and the corner chosen, kept while the map only pans */
  double legend_share;      /* of the legend's area over land, in that corner */
  gboolean legend_beside;   /* the last legend was drawn beside the map */
  StraitsViewport last_viewport;
  double last_width, last_height;

  GHashTable *layouts;      /* "size|weight|text" → PangoLayout */
  double text_step;         /* screen label sizes rounded to it (0: exact) */
  cairo_surface_t *hatch;   /* the disputed areas' hatching tile, raster targets */
  cairo_surface_t *city_dot; /* a city's dot, raster targets */
  double city_dot_scale;
  int hatch_pixels;
  /* The base layer (sea, land, borders, disputed areas) of the last
   * raster frame, drawn with a margin, so that small pans only copy it;
   * those of earlier frames, most recent first, while they fit in
   * cache_limit bytes with it (straits-map-base.c). */
  StraitsBaseLayer base;
  GQueue kept_bases;          /* StraitsBaseLayer * */
  cairo_surface_t *above;     /* what lies above a base layer being drawn */
  gboolean above_clear;       /* all transparent */
  cairo_surface_t *spare_base; /* a dropped base layer's, for the next */
  guint64 cache_limit;
  gboolean base_enabled;
  guint n_threads;            /* that draw the base layer, in bands */
  guint base_generation;      /* counts invalidations */
  /* Frame layers (the base layers' layer) are drawn and kept; those
   * drawn before the scene last changed are outdated. */
  gboolean layers_enabled;
  gboolean exact_next;      /* straits_map_renderer_draw_next_exactly () */
  guint layers_generation;    /* counts the scene's changes */

  /* Arms transfers (straits-map-flows.c). */
  GArray *flows;              /* StraitsMapFlow */
  char *flows_legend;
  guint n_drawn_flows;

  /* What changed since a compared version (straits-map-changes.c). */
  GHashTable *changed_relations;  /* id → StraitsMapMark */
  GHashTable *changed_actors;
  char *changes_since;
  guint n_drawn_new, n_drawn_changed;
};

/* How an item is marked as changed since the compared version. */
typedef enum {
  STRAITS_MAP_MARK_NONE,
  STRAITS_MAP_MARK_NEW,
  STRAITS_MAP_MARK_CHANGED,
} StraitsMapMark;

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
/* Where the grouping the map is coloured by stands at the map's date
 * (ACTIVE without a grouping or a date): NOT_YET and ENDED colour nothing,
 * DATE_UNKNOWN stipples the groups' fills. */
StraitsTimeState    _straits_map_grouping_state (StraitsMapRenderer *self);
/* Fills the current path (and clears it) with dots in @colour on a grid
 * 5 units apart, fixed to the surface so that bands and frames join up:
 * the "date unknown" style of a grouping's fills and of their swatches. */
void                _straits_map_stipple       (cairo_t             *cr,
                                                const StraitsColour *colour,
                                                double               unit);

/* straits-map-layers.c */
void     _straits_map_draw_base       (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
/* straits-map-renderer.c: what lies above the base layer. */
void     _straits_map_draw_above_base (StraitsMapRenderer    *self,
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
/* Whether the view highlights the straits and one of them is in @frame;
 * and the highlight's tint, filling the current path. */
gboolean _straits_map_straits_shown   (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_tint_straits    (StraitsMapRenderer    *self,
                                       cairo_t               *cr);
/* Adds @value to @drawn (what the legend shows) unless it is there. */
void     _straits_map_note_drawn      (GArray                *drawn,
                                       guint32                value);

/* straits-map-relations.c */
void     _straits_map_draw_relations  (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
/* A solid curve, for the @dash arguments below. */
#define STRAITS_MAP_SOLID G_MAXUINT
/* The dash of an adversarial relation of @type: its type's rank among the
 * dataset's types that have adversarial relations, so that two such
 * types (a dispute, a veto) differ in greyscale too. */
guint    _straits_map_relation_dash   (StraitsMapRenderer    *self,
                                       guint32                type);
/* Strokes the current path as a relation's curve is drawn: solid, in
 * dash pattern @dash when adversarial, dotted when its date is unknown at
 * the map's date; the legend's "date unknown" swatch is drawn by it too. */
void     _straits_map_stroke_relation (cairo_t               *cr,
                                       const StraitsColour   *colour,
                                       double                 alpha,
                                       double                 width,
                                       double                 unit,
                                       guint                  dash,
                                       gboolean               date_unknown);
/* The point at @t of the quadratic curve @p: start, control point, end. */
void     _straits_map_quad_point      (const double           p[6],
                                       double                 t,
                                       double                *x,
                                       double                *y);
/* Notes the quadratic curve (@p: start, control point, end) as drawn,
 * for the labels that keep clear of curves and for the figure's check. */
void     _straits_map_record_curve    (StraitsMapRenderer    *self,
                                       const double           p[6]);
/* Whether a curve drawn so far crosses or enters @rect. */
gboolean _straits_map_curves_cross    (StraitsMapRenderer    *self,
                                       const StraitsRect     *rect);
/* The width of a curve of @strength (0 to 1), unemphasised. */
double   _straits_map_relation_width  (StraitsMapFrame       *frame,
                                       double                 strength);
/* A straight sample of a curve from (@x0, @y) to (@x1, @y), drawn as the
 * map draws curves: the legend's swatches. */
void     _straits_map_draw_relation_sample (StraitsMapRenderer  *self,
                                       StraitsMapFrame       *frame,
                                       double                 x0,
                                       double                 x1,
                                       double                 y,
                                       const StraitsColour   *colour,
                                       double                 strength,
                                       guint                  dash,
                                       gboolean               arrow);

/* straits-map-labels.c */
void     _straits_map_draw_labels     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
/* (@x, @y) in map units to the frame's (@ox, @oy); FALSE when outside
 * the frame or NaN. */
gboolean _straits_map_output_point    (StraitsMapFrame       *frame,
                                       double                 x,
                                       double                 y,
                                       double                *ox,
                                       double                *oy);
/* Reserves a marker's circle of radius @r at (*@ox, *@oy), or one of the
 * places a diameter away (moving the point there); FALSE when none is free. */
gboolean _straits_map_place_marker    (StraitsMapFrame       *frame,
                                       double                 r,
                                       double                *ox,
                                       double                *oy);
void     _straits_map_reserve_events  (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
void     _straits_map_draw_events     (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
/* An event's dot of radius @r at (@x, @y), as the map draws it; and the
 * event types with a dot in @frame (the legend's, before it is placed). */
void     _straits_map_paint_event_dot (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame,
                                       double                 x,
                                       double                 y,
                                       const StraitsColour   *colour,
                                       double                 opacity);
void     _straits_map_note_event_types (StraitsMapRenderer   *self,
                                       StraitsMapFrame       *frame,
                                       GArray                *types);
/* A country every reader of the view expects named: the legend keeps
 * clear of it. */
gboolean _straits_map_named_state     (StraitsMapRenderer    *self,
                                       const StraitsFeature  *feature);

/* straits-map-legend.c: the legend's place, taken before the labels';
 * then the legend, drawn there after the event dots. */
void     _straits_map_place_legend    (StraitsMapRenderer    *self,
                                       StraitsMapFrame       *frame);
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

/* straits-map-changes.c */
void     _straits_map_renderer_set_changes (StraitsMapRenderer *self,
                                       GPtrArray             *changes,
                                       const char            *since);
void     _straits_map_changes_free    (StraitsMapRenderer    *self);
StraitsMapMark _straits_map_relation_mark (StraitsMapRenderer *self,
                                       const StraitsRelation *r);
void     _straits_map_stroke_change_halo (StraitsMapRenderer *self,
                                       StraitsMapFrame       *frame,
                                       StraitsMapMark         mark,
                                       double                 width);
void     _straits_map_paint_change_badge (cairo_t            *cr,
                                       StraitsMapMark         mark,
                                       double                 x,
                                       double                 y,
                                       double                 radius,
                                       const StraitsColour   *halo);
void     _straits_map_draw_change_badge (StraitsMapRenderer  *self,
                                       StraitsMapFrame       *frame,
                                       StraitsMapMark         mark,
                                       double                 x,
                                       double                 y);
void     _straits_map_draw_changed_actors (StraitsMapRenderer *self,
                                       StraitsMapFrame       *frame);
/* (transfer full) (nullable) */
char    *_straits_map_change_legend_text (StraitsMapRenderer *self,
                                       StraitsMapMark         mark);

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
/* The same, @text cut at @max_chars characters. */
PangoLayout *_straits_map_layout_cut  (StraitsMapRenderer    *self,
                                       cairo_t               *cr,
                                       const char            *text,
                                       double                 size,
                                       PangoWeight            weight,
                                       PangoStyle             style,
                                       int                    wrap_width,
                                       glong                  max_chars);

static inline void
_straits_set_colour (cairo_t *cr, const StraitsColour *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* straits-map-base.c */
gboolean _straits_map_place_cached_base (StraitsMapRenderer *self,
                                         StraitsMapFrame    *frame,
                                         double             *x,
                                         double             *y,
                                         gboolean           *drawn);
gboolean _straits_map_paint_cached_base (StraitsMapRenderer *self,
                                         StraitsMapFrame    *frame);
/* Draws every layer of a frame that draws a new base layer (a new zoom
 * level) on a raster target with threads to spare: they draw the base
 * layer while the caller's thread draws what lies above it; FALSE, and
 * nothing drawn, for any other frame. */
gboolean _straits_map_draw_beside_new_base (StraitsMapRenderer *self,
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
void     _straits_map_take_results      (StraitsMapRenderer *self,
                                         StraitsMapRenderer *from);
void     _straits_frame_layer_free      (gpointer            layer);
gsize    _straits_frame_layer_bytes     (StraitsFrameLayer  *layer);
void _straits_map_prepare_hatch (StraitsMapRenderer *self,
                                 StraitsMapFrame    *frame);

G_END_DECLS
