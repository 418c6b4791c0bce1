/* straits-map-renderer.c
 *
 * Level of detail follows the output, not the data: a vertex is drawn only
 * when its simplification tolerance is at least half an output unit, and
 * an arc far outside the frame is simplified by its distance from it
 * (Douglas–Peucker keeps every dropped vertex within the tolerance of the
 * line that remains, so such an arc cannot reach into the frame). Shared
 * borders are one arc, so neighbours simplify alike and no gaps open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "straits-map-renderer.h"
#include "straits-map-renderer-private.h"

G_DEFINE_FINAL_TYPE (StraitsMapRenderer, straits_map_renderer, G_TYPE_OBJECT)

/* Degrees of latitude per metre, to compare tolerances with resolution. */
#define DEGREES_PER_METRE (1.0 / 111320.0)
/* A vertex matters when it moves the line by an output unit or more. */
#define DETAIL_UNITS 1.0

static void
clear_painted_sprite (gpointer data)
{
  cairo_surface_destroy (((StraitsPaintedSprite *) data)->surface);
}

void
_straits_map_note_sprite (StraitsMapRenderer *self,
                          cairo_surface_t    *surface,
                          double              x,
                          double              y)
{
  StraitsPaintedSprite painted = { cairo_surface_reference (surface), x, y };

  g_array_append_val (self->sprites, painted);
}

static void
straits_map_renderer_finalize (GObject *object)
{
  StraitsMapRenderer *self = STRAITS_MAP_RENDERER (object);

  g_clear_signal_handler (&self->scene_changed_id, self->scene);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->map, straits_projected_map_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->relation_types, g_array_unref);
  g_clear_pointer (&self->overlays, g_strfreev);
  _straits_map_renderer_set_territorial_seas (self, NULL, 0);
  g_clear_pointer (&self->selected_actors, g_array_unref);
  g_clear_pointer (&self->legend_labels, g_ptr_array_unref);
  g_clear_pointer (&self->actor_features, g_free);
  g_clear_pointer (&self->actor_xy, g_free);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->sprites, g_array_unref);
  g_clear_pointer (&self->label_texts, g_ptr_array_unref);
  g_clear_pointer (&self->stashed_actors, g_array_unref);
  g_clear_pointer (&self->event_xy, g_array_unref);
  g_clear_pointer (&self->edge_partners, g_array_unref);
  g_clear_pointer (&self->curve_xy, g_array_unref);
  g_clear_pointer (&self->curve_ends, g_array_unref);
  g_clear_pointer (&self->drawn_groups, g_array_unref);
  g_clear_pointer (&self->drawn_types, g_array_unref);
  g_clear_pointer (&self->adversarial_ranks, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  _straits_map_forget_bases (self);
  g_clear_pointer (&self->above, cairo_surface_destroy);
  g_clear_pointer (&self->spare_base, cairo_surface_destroy);
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  g_clear_pointer (&self->city_dot, cairo_surface_destroy);

  _straits_map_flows_free (self);
  _straits_map_changes_free (self);
  G_OBJECT_CLASS (straits_map_renderer_parent_class)->finalize (object);
}

enum {
  PROP_0,
  PROP_CACHE_LIMIT,
  N_PROPS
};

static void
straits_map_renderer_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  if (id == PROP_CACHE_LIMIT)
    g_value_set_uint64 (value, straits_map_renderer_get_cache_limit (STRAITS_MAP_RENDERER (object)));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
straits_map_renderer_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  if (id == PROP_CACHE_LIMIT)
    straits_map_renderer_set_cache_limit (STRAITS_MAP_RENDERER (object), g_value_get_uint64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
straits_map_renderer_class_init (StraitsMapRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = straits_map_renderer_finalize;
  object_class->get_property = straits_map_renderer_get_property;
  object_class->set_property = straits_map_renderer_set_property;
  /* The base layers of earlier zoom levels are kept within it. */
  g_object_class_install_property (object_class, PROP_CACHE_LIMIT,
    g_param_spec_uint64 ("cache-limit", NULL, NULL, 0, G_MAXUINT64, STRAITS_MAP_RENDERER_CACHE_LIMIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
straits_map_renderer_init (StraitsMapRenderer *self)
{
  straits_map_style_init (&self->style, STRAITS_MAP_STYLE_LIGHT);
  self->grouping = STRAITS_NO_INDEX;
  self->hover_actor = STRAITS_NO_INDEX;
  self->hover_relation = STRAITS_NO_INDEX;
  self->selected_relation = STRAITS_NO_INDEX;
  self->selected_actors = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->legend_labels = g_ptr_array_new_with_free_func (g_free);
  self->base_enabled = TRUE;
  self->cache_limit = STRAITS_MAP_RENDERER_CACHE_LIMIT;
  self->n_threads = MIN (g_get_num_processors (), 4);
  self->labels = g_array_new (FALSE, FALSE, sizeof (StraitsPlacedLabel));
  self->sprites = g_array_new (FALSE, FALSE, sizeof (StraitsPaintedSprite));
  g_array_set_clear_func (self->sprites, clear_painted_sprite);
  self->label_texts = g_ptr_array_new_with_free_func (g_free);
  self->event_xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->edge_partners = g_array_new (FALSE, FALSE, sizeof (StraitsEdgePartner));
  self->curve_xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->curve_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  self->drawn_groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->drawn_types = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void sync_from_scene (StraitsMapRenderer *self,
                             StraitsSceneChange  what);

static void
on_scene_changed (StraitsMapScene    *scene,
                  guint               what,
                  StraitsMapRenderer *self)
{
  sync_from_scene (self, (StraitsSceneChange) what);
}

StraitsMapRenderer *
straits_map_renderer_new_for_scene (StraitsMapScene *scene)
{
  StraitsMapRenderer *self;

  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (scene), NULL);
  self = g_object_new (STRAITS_TYPE_MAP_RENDERER, NULL);
  self->scene = g_object_ref (scene);
  self->scene_changed_id = g_signal_connect (scene, "changed", G_CALLBACK (on_scene_changed), self);
  sync_from_scene (self, STRAITS_SCENE_ALL);
  return self;
}

StraitsMapRenderer *
straits_map_renderer_new (StraitsProjectedMap *map)
{
  g_autoptr(StraitsMapScene) scene = straits_map_scene_new (map);

  return straits_map_renderer_new_for_scene (scene);
}

StraitsMapScene *
straits_map_renderer_get_scene (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), NULL);
  return self->scene;
}

/* Anchors: where arcs to an actor attach. A state's is its country's
 * label point; a company's is its seat, or else its country's. */
static void
update_anchors (StraitsMapRenderer *self)
{
  guint n;

  g_clear_pointer (&self->actor_features, g_free);
  g_clear_pointer (&self->actor_xy, g_free);
  if (self->dataset == NULL || self->map == NULL)
    return;
  n = straits_dataset_get_n_actors (self->dataset);
  self->actor_features = g_new (int, n + 1);
  self->actor_xy = g_new (double, 2 * (gsize) n + 2);
  for (guint i = 0; i < n; i++)
    {
      StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, i);
      int feature = a->iso3 ? straits_basemap_find_feature (basemap, STRAITS_LAYER_COUNTRY, a->iso3) : -1;

      self->actor_features[i] = feature;
      self->actor_xy[2 * i] = self->actor_xy[2 * i + 1] = NAN;
      if (a->has_location)
        straits_projection_forward (straits_projected_map_get_projection (self->map),
                                    a->lon, a->lat, &self->actor_xy[2 * i], &self->actor_xy[2 * i + 1]);
      else if (feature >= 0)
        straits_projected_map_get_label_point (self->map, (guint) feature,
                                               &self->actor_xy[2 * i], &self->actor_xy[2 * i + 1]);
    }
  /* Actors without a place of their own take their country's. */
  for (guint i = 0; i < n; i++)
    {
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, i);

      if (isnan (self->actor_xy[2 * i]) && a->country != STRAITS_NO_INDEX)
        {
          self->actor_xy[2 * i] = self->actor_xy[2 * a->country];
          self->actor_xy[2 * i + 1] = self->actor_xy[2 * a->country + 1];
        }
    }
}

static guint64 territories_active (StraitsMapRenderer *self);
static void renderer_set_selection (StraitsMapRenderer *self,
                                    const guint32      *actors,
                                    guint               n_actors,
                                    guint32             relation);

static void
renderer_set_map (StraitsMapRenderer  *self,
                              StraitsProjectedMap *map)
{
  straits_map_renderer_invalidate (self);
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));

  if (map != NULL)
    straits_projected_map_ref (map);
  g_clear_pointer (&self->map, straits_projected_map_unref);
  self->map = map;
  self->territories_active = territories_active (self);
  update_anchors (self);
}

StraitsProjectedMap *
straits_map_renderer_get_map (StraitsMapRenderer *self)
{
  return self->map;
}

static void
renderer_set_dataset (StraitsMapRenderer *self,
                                  StraitsDataset     *dataset)
{
  straits_map_renderer_invalidate (self);
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));

  g_set_object (&self->dataset, dataset);
  self->grouping = STRAITS_NO_INDEX;
  g_clear_pointer (&self->relation_types, g_array_unref);
  g_clear_pointer (&self->adversarial_ranks, g_array_unref);
  g_array_set_size (self->selected_actors, 0);
  self->selected_relation = self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;
  update_anchors (self);
}

StraitsDataset *
straits_map_renderer_get_dataset (StraitsMapRenderer *self)
{
  return self->dataset;
}


static void
renderer_set_grouping (StraitsMapRenderer *self,
                                   guint32             grouping)
{
  straits_map_renderer_invalidate (self);
  self->grouping = grouping;
}

static void
renderer_set_relation_types (StraitsMapRenderer *self,
                                         const guint32      *types,
                                         guint               n_types)
{
  g_clear_pointer (&self->relation_types, g_array_unref);
  if (types == NULL)
    return;
  self->relation_types = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_vals (self->relation_types, types, n_types);
}

static void
renderer_set_overlays (StraitsMapRenderer *self,
                                   const char *const  *overlays)
{
  straits_map_renderer_invalidate (self);
  g_clear_pointer (&self->overlays, g_strfreev);
  self->overlays = g_strdupv ((char **) overlays);
}

StraitsTerritories *
_straits_map_territories (StraitsMapRenderer *self)
{
  return self->map != NULL ? straits_basemap_get_territories (straits_projected_map_get_basemap (self->map)) : NULL;
}

const StraitsDate *
_straits_map_time (StraitsMapRenderer *self)
{
  return self->has_time ? &self->time : NULL;
}

StraitsTimeState
_straits_map_grouping_state (StraitsMapRenderer *self)
{
  if (self->dataset == NULL || self->grouping == STRAITS_NO_INDEX)
    return STRAITS_TIME_ACTIVE;
  return straits_grouping_state_at (straits_dataset_get_grouping (self->dataset, self->grouping),
                                    _straits_map_time (self));
}

/* Which territories are occupied at the time shown, one bit each: the
 * base layer (their hatching and fills) changes only when this does. */
static guint64
territories_active (StraitsMapRenderer *self)
{
  StraitsTerritories *territories = _straits_map_territories (self);
  guint64 mask = 0;

  for (guint i = 0; i < MIN (straits_territories_get_n (territories), 64); i++)
    if (straits_territory_is_active (straits_territories_get (territories, i), _straits_map_time (self)))
      mask |= G_GUINT64_CONSTANT (1) << i;
  return mask;
}

static void
renderer_set_time (StraitsMapRenderer *self,
                               const StraitsDate  *date)
{
  StraitsTimeState grouping = _straits_map_grouping_state (self);
  guint64 active;

  self->has_time = date != NULL && straits_date_is_set (date);
  if (self->has_time)
    self->time = *date;
  active = territories_active (self);
  /* The base layer's fills follow the grouping's state too. */
  if (active != self->territories_active || grouping != _straits_map_grouping_state (self))
    {
      self->territories_active = active;
      straits_map_renderer_invalidate (self);
    }
}

static void
renderer_set_convention (StraitsMapRenderer *self,
                                     StraitsConvention   convention)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  if (self->convention == convention)
    return;
  self->convention = convention;
  straits_map_renderer_invalidate (self);
}

void
straits_map_renderer_stash_highlights (StraitsMapRenderer *self,
                                       gboolean            keep_selection)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  g_return_if_fail (!self->stashed);
  self->stashed = TRUE;
  _straits_map_drop_layers (self);
  self->stashed_hover_actor = self->hover_actor;
  self->stashed_hover_relation = self->hover_relation;
  self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;
  self->stashed_actors = g_array_copy (self->selected_actors);
  self->stashed_relation = self->selected_relation;
  if (!keep_selection)
    renderer_set_selection (self, NULL, 0, STRAITS_NO_INDEX);
}

void
straits_map_renderer_restore_highlights (StraitsMapRenderer *self)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  if (!self->stashed)
    return;
  self->stashed = FALSE;
  _straits_map_drop_layers (self);
  self->hover_actor = self->stashed_hover_actor;
  self->hover_relation = self->stashed_hover_relation;
  renderer_set_selection (self, (const guint32 *) (gpointer) self->stashed_actors->data,
                                      self->stashed_actors->len, self->stashed_relation);
  g_clear_pointer (&self->stashed_actors, g_array_unref);
}

void
straits_map_renderer_set_legend_partner (StraitsMapRenderer *self,
                                         StraitsMapRenderer *partner)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  g_return_if_fail (partner != self);
  self->legend_partner = partner;
}

static void
renderer_set_reserved (StraitsMapRenderer *self,
                                   const StraitsRect  *rect)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->has_reserved = rect != NULL;
  if (rect != NULL)
    self->reserved = *rect;
}

static void
renderer_set_footnote_marks (StraitsMapRenderer *self,
                                         gboolean            marks)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->footnote_marks = marks;
}

StraitsConvention
straits_map_renderer_get_convention (StraitsMapRenderer *self)
{
  return self->convention;
}

/* The credits' sentence on borders, and the footnotes of the names marked
 * with an asterisk (Kosovo*) of the countries in the map's extent. */
char *
straits_map_renderer_describe_convention (StraitsMapRenderer *self)
{
  StraitsTerritories *territories = _straits_map_territories (self);
  StraitsBasemap *basemap;
  StraitsBox extent;
  GString *s;

  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), NULL);
  if (territories == NULL)
    return NULL;
  s = g_string_new (NULL);
  /* The table's own English sentence: the convention's wording is a
   * fact of the data, like the dataset's texts. */
  g_string_append (s, straits_territories_get_convention_text (territories, self->convention));
  if (self->convention != STRAITS_CONVENTION_EU)
    return g_string_free (s, FALSE);
  basemap = straits_projected_map_get_basemap (self->map);
  extent = straits_projected_map_get_extent (self->map);
  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      const char *note;

      if (feature->layer == STRAITS_LAYER_COUNTRY &&
          (note = straits_territories_get_footnote (territories, feature->code)) != NULL &&
          _straits_box_intersects (straits_projected_map_get_feature_box (self->map, f), &extent))
        g_string_append_printf (s, " %s", note);
    }
  return g_string_free (s, FALSE);
}

static void
renderer_set_selection (StraitsMapRenderer *self,
                                    const guint32      *actors,
                                    guint               n_actors,
                                    guint32             relation)
{
  g_array_set_size (self->selected_actors, 0);
  if (actors != NULL)
    g_array_append_vals (self->selected_actors, actors, n_actors);
  self->selected_relation = relation;
}

static void
renderer_set_hover (StraitsMapRenderer *self,
                                guint32             actor,
                                guint32             relation)
{
  self->hover_actor = actor;
  self->hover_relation = relation;
}

static void
renderer_set_style (StraitsMapRenderer    *self,
                                const StraitsMapStyle *style)
{
  straits_map_renderer_invalidate (self);
  self->style = *style;
  g_hash_table_remove_all (self->layouts);
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  g_clear_pointer (&self->city_dot, cairo_surface_destroy);
}

const StraitsMapStyle *
straits_map_renderer_get_style (StraitsMapRenderer *self)
{
  return &self->style;
}

static void
renderer_set_show_legend (StraitsMapRenderer *self,
                                      gboolean            show)
{
  self->show_legend = show;
}

static void
renderer_set_show_labels (StraitsMapRenderer *self,
                                      gboolean            show)
{
  self->hide_labels = !show;
}

guint64
straits_map_renderer_get_n_vertices (StraitsMapRenderer *self)
{
  return self->last_vertices;
}

void
straits_map_renderer_set_full_detail (StraitsMapRenderer *self,
                                      gboolean            full)
{
  straits_map_renderer_invalidate (self);
  self->full_detail = full;
}

void
straits_map_renderer_set_threads (StraitsMapRenderer *self,
                                  guint               n_threads)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  self->n_threads = MAX (n_threads, 1);
}

guint
straits_map_renderer_get_threads (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), 1);
  return self->n_threads;
}

void
straits_map_renderer_invalidate (StraitsMapRenderer *self)
{
  _straits_map_forget_bases (self);
  _straits_map_drop_layers (self);
  /* Base layers being drawn in threads now draw an outdated map. */
  self->base_generation++;
}

void
straits_map_renderer_set_cache_base (StraitsMapRenderer *self,
                                     gboolean            cache)
{
  self->base_enabled = cache;
  straits_map_renderer_invalidate (self);
}

gboolean
_straits_map_renderer_has_overlay (StraitsMapRenderer *self,
                                   const char         *overlay)
{
  return self->overlays != NULL && g_strv_contains ((const char *const *) self->overlays, overlay);
}

gboolean
straits_map_renderer_get_actor_anchor (StraitsMapRenderer *self,
                                       guint32             actor,
                                       double             *x,
                                       double             *y)
{
  if (self->actor_xy == NULL || self->dataset == NULL ||
      actor >= straits_dataset_get_n_actors (self->dataset))
    return FALSE;
  *x = self->actor_xy[2 * actor];
  *y = self->actor_xy[2 * actor + 1];
  return !isnan (*x) && !isnan (*y);
}

/* Following the scene ------------------------------------------------------ */

/* The renderer keeps its own copy of what the scene shows, applied through
 * the setters above: they also update what is derived from it (anchors,
 * the territories active at the date, the cached base layer), and the
 * copy is what a frame drawn in a thread reads. */
static void
sync_from_scene (StraitsMapRenderer *self,
                 StraitsSceneChange  what)
{
  StraitsMapScene *scene = self->scene;

  /* Anything but the extent changes what the frame layer shows. */
  if (what & STRAITS_SCENE_CONTENT)
    _straits_map_drop_layers (self);
  if (what & STRAITS_SCENE_MAP)
    renderer_set_map (self, straits_map_scene_get_map (scene));
  if (what & STRAITS_SCENE_DATASET)
    renderer_set_dataset (self, straits_map_scene_get_dataset (scene));
  if (what & STRAITS_SCENE_GROUPING)
    renderer_set_grouping (self, straits_map_scene_get_grouping (scene));
  if (what & STRAITS_SCENE_FILTER)
    {
      guint n;
      const guint32 *types = straits_map_scene_get_relation_types (scene, &n);

      renderer_set_relation_types (self, types, n);
    }
  if (what & STRAITS_SCENE_OVERLAYS)
    renderer_set_overlays (self, straits_map_scene_get_overlays (scene));
  if (what & (STRAITS_SCENE_TIME | STRAITS_SCENE_MAP))
    renderer_set_time (self, straits_map_scene_get_time (scene));
  if (what & STRAITS_SCENE_CONVENTION)
    renderer_set_convention (self, straits_map_scene_get_convention (scene));
  if (what & (STRAITS_SCENE_SELECTION | STRAITS_SCENE_DATASET))
    {
      guint n;
      const guint32 *actors = straits_map_scene_get_selected_actors (scene, &n);

      renderer_set_selection (self, actors, n, straits_map_scene_get_selected_relation (scene));
    }
  if (what & (STRAITS_SCENE_HOVER | STRAITS_SCENE_DATASET))
    renderer_set_hover (self, straits_map_scene_get_hover_actor (scene),
                        straits_map_scene_get_hover_relation (scene));
  if (what & STRAITS_SCENE_STYLE)
    renderer_set_style (self, straits_map_scene_get_style (scene));
  if (what & STRAITS_SCENE_DECORATION)
    {
      renderer_set_show_legend (self, straits_map_scene_get_show_legend (scene));
      self->legend_collapsed = straits_map_scene_get_legend_collapsed (scene);
      renderer_set_show_labels (self, straits_map_scene_get_show_labels (scene));
      renderer_set_footnote_marks (self, straits_map_scene_get_footnote_marks (scene));
      renderer_set_reserved (self, straits_map_scene_get_reserved (scene));
    }
  if (what & STRAITS_SCENE_SEAS)
    {
      guint limits;
      const StraitsMaritimeReport *seas = straits_map_scene_get_territorial_seas (scene, &limits);

      _straits_map_renderer_set_territorial_seas (self, seas, limits);
    }
  if (what & STRAITS_SCENE_FLOWS)
    {
      guint n;
      const char *legend;
      const StraitsMapFlow *flows = straits_map_scene_get_flows (scene, &n, &legend);

      _straits_map_renderer_set_flows (self, flows, n, legend);
    }
  if (what & STRAITS_SCENE_CHANGES)
    {
      const char *since;
      GPtrArray *changes = straits_map_scene_get_changes (scene, &since);

      _straits_map_renderer_set_changes (self, changes, since);
    }
}

/* Viewports ------------------------------------------------------------- */

/* The region's frame, fitted into the output with a small margin. */
StraitsViewport
straits_map_renderer_fit (StraitsMapRenderer *self,
                          double              width,
                          double              height)
{
  StraitsBox e = straits_projected_map_get_extent (self->map);
  StraitsViewport vp;

  vp.cx = (e.x0 + e.x1) / 2;
  vp.cy = (e.y0 + e.y1) / 2;
  vp.resolution = MAX ((e.x1 - e.x0) / MAX (width, 1), (e.y1 - e.y0) / MAX (height, 1)) * 1.02;
  return vp;
}

/* Drawing ---------------------------------------------------------------- */

void
_straits_map_frame_init (StraitsMapFrame       *frame,
                         StraitsMapRenderer    *self,
                         cairo_t               *cr,
                         double                 width,
                         double                 height,
                         const StraitsViewport *vp)
{
  double margin = 8 * vp->resolution;

  frame->cr = cr;
  frame->width = width;
  frame->height = height;
  frame->vp = *vp;
  frame->view.x0 = vp->cx - width / 2 * vp->resolution - margin;
  frame->view.x1 = vp->cx + width / 2 * vp->resolution + margin;
  frame->view.y0 = vp->cy - height / 2 * vp->resolution - margin;
  frame->view.y1 = vp->cy + height / 2 * vp->resolution + margin;
  frame->threshold = self->full_detail ? 0 : DETAIL_UNITS * vp->resolution * DEGREES_PER_METRE;
  frame->culling = !self->full_detail;
  frame->unit = self->style.scale;
  frame->n_vertices = 0;
}

gboolean
_straits_box_intersects (const StraitsBox *a,
                         const StraitsBox *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

/* How far, in metres, @box lies outside the frame (0 when it touches). */
static double
distance_outside (const StraitsMapFrame *frame,
                  const StraitsBox      *box)
{
  double dx = MAX (0, MAX (frame->view.x0 - box->x1, box->x0 - frame->view.x1));
  double dy = MAX (0, MAX (frame->view.y0 - box->y1, box->y0 - frame->view.y1));

  return MAX (dx, dy);
}

/* Adds an arc to the path, in ring order. */
static void
path_arc (StraitsMapRenderer *self,
          StraitsMapFrame    *frame,
          gint32              ref,
          gboolean            move)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  const guint32 *starts = straits_basemap_get_arc_starts (basemap);
  const float *importance = straits_basemap_get_importance (basemap);
  const double *xy = straits_projected_map_get_xy (self->map);
  guint32 arc = ref >= 0 ? (guint32) ref : (guint32) ~ref;
  guint32 first = starts[arc], last = starts[arc + 1] - 1;
  double threshold = frame->threshold, res = frame->vp.resolution;
  double ox = frame->width / 2 - frame->vp.cx / res, oy = frame->height / 2 + frame->vp.cy / res;
  cairo_t *cr = frame->cr;

  if (frame->culling)
    {
      double outside = distance_outside (frame, &straits_projected_map_get_arc_boxes (self->map)[arc]);

      threshold = MAX (threshold, outside * 0.9 * DEGREES_PER_METRE);
    }

  for (guint32 i = first; i <= last; i++)
    {
      guint32 p = ref >= 0 ? i : last - (i - first);
      double sx, sy;

      if (importance[p] < threshold && i != first && i != last)
        continue;
      sx = xy[2 * p] / res + ox;
      sy = oy - xy[2 * p + 1] / res;
      if (move && i == first)
        cairo_move_to (cr, sx, sy);
      else
        cairo_line_to (cr, sx, sy);
      frame->n_vertices++;
    }
}

void
_straits_map_path_feature (StraitsMapRenderer *self,
                           StraitsMapFrame    *frame,
                           guint               feature)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  const StraitsFeature *f = straits_basemap_get_feature (basemap, feature);
  const guint32 *ring_starts = straits_basemap_get_ring_starts (basemap);
  const gint32 *refs = straits_basemap_get_refs (basemap);

  for (guint32 r = f->first_ring; r < f->first_ring + f->n_rings; r++)
    {
      for (guint32 k = ring_starts[r]; k < ring_starts[r + 1]; k++)
        path_arc (self, frame, refs[k], k == ring_starts[r]);
      cairo_close_path (frame->cr);
    }
}

gboolean
_straits_map_feature_visible (StraitsMapRenderer *self,
                              StraitsMapFrame    *frame,
                              guint               feature)
{
  return !frame->culling ||
         _straits_box_intersects (straits_projected_map_get_feature_box (self->map, feature), &frame->view);
}

/* Strokes every arc with @flag once. */
void
_straits_map_stroke_arcs (StraitsMapRenderer *self,
                          StraitsMapFrame    *frame,
                          guint8              flag)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  const guint8 *flags = straits_basemap_get_arc_flags (basemap);
  const StraitsBox *boxes = straits_projected_map_get_arc_boxes (self->map);
  guint n = straits_basemap_get_n_arcs (basemap);
  StraitsTerritories *territories = _straits_map_territories (self);
  const gint16 *along = (flag & STRAITS_ARC_BORDER) && territories != NULL
                        ? straits_projected_map_get_arc_territories (self->map) : NULL;

  for (guint a = 0; a < n; a++)
    {
      if (!(flags[a] & flag))
        continue;
      if (frame->culling && !_straits_box_intersects (&boxes[a], &frame->view))
        continue;
      /* A border along a territory the map draws as its state (Crimea's
       * with Russia, under the EU's convention) is not a border there. */
      if (along != NULL && along[a] >= 0 &&
          straits_territory_redrawn (straits_territories_get (territories, (guint) along[a]), self->convention,
                                     _straits_map_time (self)))
        continue;
      path_arc (self, frame, (gint32) a, TRUE);
      /* One stroke per arc: cairo rasterises many small strokes faster
       * than one large path that crosses itself. */
      cairo_stroke (frame->cr);
    }
}

/* What lies above the base layer. */
void
_straits_map_draw_above_base (StraitsMapRenderer *self,
                              StraitsMapFrame    *frame)
{
  _straits_map_note_drawn_groups (self, frame);
  _straits_map_draw_highlights (self, frame);
  _straits_map_draw_territorial_seas (self, frame);
  g_array_set_size (self->edge_partners, 0);
  _straits_map_draw_relations (self, frame);
  _straits_map_draw_changed_actors (self, frame);
  _straits_map_draw_flows (self, frame);
  /* Emptied before the legend's place is taken: the legend lists the
   * events whose dots the labels' pass placed, else those in the frame. */
  g_array_set_size (self->event_xy, 0);
  if (self->show_legend)
    _straits_map_place_legend (self, frame);
  if (!self->hide_labels)
    _straits_map_draw_labels (self, frame);
  _straits_map_draw_events (self, frame);
  _straits_map_draw_legend (self, frame);
}

/* Every layer, drawn for @frame (the base layer copied when cached). */
static void
draw_layers (StraitsMapRenderer *self,
             StraitsMapFrame    *frame)
{
  if (!_straits_map_paint_cached_base (self, frame))
    _straits_map_draw_base (self, frame);
  _straits_map_draw_above_base (self, frame);
}

void
straits_map_renderer_draw (StraitsMapRenderer    *self,
                           cairo_t               *cr,
                           double                 width,
                           double                 height,
                           const StraitsViewport *viewport)
{
  StraitsMapFrame frame = { 0 };
  g_autoptr(StraitsLabelPlacer) placer = straits_label_placer_new (width, height, 2);

  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  g_return_if_fail (self->map != NULL);

  _straits_map_frame_init (&frame, self, cr, width, height, viewport);
  frame.placer = placer;
  if (self->has_reserved)
    straits_label_placer_block (placer, &self->reserved);
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->sprites, 0);
  g_ptr_array_set_size (self->label_texts, 0);
  g_array_set_size (self->drawn_groups, 0);
  g_array_set_size (self->drawn_types, 0);
  self->n_drawn_relations = 0;
  self->n_drawn_undated = 0;
  self->drawn_one_way = self->drawn_adversarial = FALSE;
  self->n_drawn_events = 0;
  self->n_drawn_new = self->n_drawn_changed = 0;
  self->has_legend = FALSE;
  g_ptr_array_set_size (self->legend_labels, 0);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (_straits_map_draw_beside_new_base (self, &frame))
    /* A new base layer: no frame layer to copy (see
     * _straits_map_paint_cached_layers). */
    self->exact_next = FALSE;
  else if (_straits_map_paint_cached_layers (self, &frame))
    {
      /* All but the legend came with the cached layer. */
      _straits_map_note_drawn_groups (self, &frame);
      if (self->show_legend)
        {
          _straits_map_place_legend (self, &frame);
          _straits_map_draw_legend (self, &frame);
        }
    }
  else
    draw_layers (self, &frame);
  cairo_restore (cr);
  self->last_vertices = frame.n_vertices;
  self->last_viewport = *viewport;
  self->last_width = width;
  self->last_height = height;
}

/* Results ----------------------------------------------------------------- */

/* The texts of the legend last drawn, in its order; empty without one. */
GPtrArray *
straits_map_renderer_get_legend_labels (StraitsMapRenderer *self)
{
  return self->legend_labels;
}

guint32
straits_map_renderer_get_grouping (StraitsMapRenderer *self)
{
  return self->grouping;
}

/* The map's date, or NULL when it shows all dates. */
const StraitsDate *
straits_map_renderer_get_time (StraitsMapRenderer *self)
{
  return self->has_time ? &self->time : NULL;
}

guint
straits_map_renderer_get_n_drawn_events (StraitsMapRenderer *self)
{
  return self->n_drawn_events;
}

guint
straits_map_renderer_get_n_labels (StraitsMapRenderer *self)
{
  return self->labels->len;
}

const StraitsRect *
straits_map_renderer_get_label_rect (StraitsMapRenderer *self,
                                     guint               index)
{
  return &g_array_index (self->labels, StraitsPlacedLabel, index).rect;
}

const char *
straits_map_renderer_get_label_text (StraitsMapRenderer *self,
                                     guint               index)
{
  return g_ptr_array_index (self->label_texts, index);
}

StraitsLabelKind
straits_map_renderer_get_label_kind (StraitsMapRenderer *self,
                                     guint               index)
{
  return g_array_index (self->labels, StraitsPlacedLabel, index).kind;
}

gboolean
straits_map_renderer_get_legend_rect (StraitsMapRenderer *self,
                                      StraitsRect        *rect)
{
  *rect = self->legend_rect;
  return self->has_legend;
}

GArray *
straits_map_renderer_get_drawn_groups (StraitsMapRenderer *self)
{
  return self->drawn_groups;
}

GArray *
straits_map_renderer_get_drawn_relation_types (StraitsMapRenderer *self)
{
  return self->drawn_types;
}

guint
straits_map_renderer_get_n_drawn_relations (StraitsMapRenderer *self)
{
  return self->n_drawn_relations;
}
