/* straits-map-scene.c
 *
 * The scene only holds state and says what changed; it draws nothing and
 * caches nothing (the renderer bound to it does). Setters that are given
 * what the scene already holds emit nothing, so that a redraw follows only
 * a real change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "straits-map-scene.h"

struct _StraitsMapScene
{
  GObject parent_instance;

  StraitsProjectedMap *map;
  StraitsDataset *dataset;
  guint32 grouping;
  GArray *relation_types;   /* guint32; NULL: all */
  char **overlays;
  gboolean has_time;
  StraitsDate time;
  StraitsConvention convention;
  GArray *selected_actors;  /* guint32 */
  guint32 selected_relation;
  guint32 hover_actor;
  guint32 hover_relation;
  StraitsMapStyle style;
  gboolean show_legend;
  gboolean show_labels;
  gboolean legend_collapsed;
  gboolean footnote_marks;
  gboolean has_reserved;
  StraitsRect reserved;
  StraitsMaritimeReport seas;  /* only belts, median and aegean are set */
  guint sea_limits;
  GArray *flows;            /* StraitsMapFlow */
  char *flows_legend;
  GPtrArray *changes;       /* StraitsDiffItem; NULL: no comparison */
  char *changes_since;
  gboolean has_viewport;
  StraitsViewport viewport;

  guint freeze_count;
  StraitsSceneChange pending;
  guint64 generation;       /* counts changes of what is drawn */
};

G_DEFINE_FINAL_TYPE (StraitsMapScene, straits_map_scene, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_GROUPING,
  PROP_CONVENTION,
  PROP_SHOW_LEGEND,
  PROP_SHOW_LABELS,
  PROP_LEGEND_COLLAPSED,
  PROP_FOOTNOTE_MARKS,
  PROP_HOVER_ACTOR,
  PROP_HOVER_RELATION,
  PROP_SELECTED_RELATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
straits_viewport_equal (const StraitsViewport *a,
                        const StraitsViewport *b)
{
  return a->cx == b->cx && a->cy == b->cy && a->resolution == b->resolution;
}

void
straits_viewport_to_output (const StraitsViewport *vp,
                            double width, double height,
                            double x, double y,
                            double *ox, double *oy)
{
  *ox = (x - vp->cx) / vp->resolution + width / 2;
  *oy = height / 2 - (y - vp->cy) / vp->resolution;
}

void
straits_viewport_to_map (const StraitsViewport *vp,
                         double width, double height,
                         double ox, double oy,
                         double *x, double *y)
{
  *x = vp->cx + (ox - width / 2) * vp->resolution;
  *y = vp->cy - (oy - height / 2) * vp->resolution;
}

void
straits_map_flow_clear (StraitsMapFlow *flow)
{
  g_clear_pointer (&flow->from, g_free);
  g_clear_pointer (&flow->to, g_free);
  g_clear_pointer (&flow->label, g_free);
}

GArray *
straits_map_flows_copy (const StraitsMapFlow *flows,
                        guint                 n_flows)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (StraitsMapFlow), n_flows);

  g_array_set_clear_func (copy, (GDestroyNotify) straits_map_flow_clear);
  for (guint i = 0; i < n_flows; i++)
    {
      StraitsMapFlow flow = { g_strdup (flows[i].from), g_strdup (flows[i].to), g_strdup (flows[i].label),
                              flows[i].tiv, flows[i].label_at_recipient };
      g_array_append_val (copy, flow);
    }
  return copy;
}

/* Emits now, or at the outermost thaw. */
static void
changed (StraitsMapScene   *self,
         StraitsSceneChange what)
{
  if (what & STRAITS_SCENE_CONTENT)
    self->generation++;
  self->pending |= what;
  if (self->freeze_count > 0)
    return;
  what = self->pending;
  self->pending = 0;
  g_signal_emit (self, signals[CHANGED], 0, what);
}

guint64
straits_map_scene_get_generation (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), 0);
  return self->generation;
}

void
straits_map_scene_freeze (StraitsMapScene *self)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  self->freeze_count++;
  g_object_freeze_notify (G_OBJECT (self));
}

void
straits_map_scene_thaw (StraitsMapScene *self)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  g_return_if_fail (self->freeze_count > 0);
  if (--self->freeze_count == 0 && self->pending != 0)
    changed (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
clear_seas (StraitsMapScene *self)
{
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      for (int c = 0; c < 2; c++)
        g_clear_pointer (&self->seas.belts[l][c], g_array_unref);
      g_clear_pointer (&self->seas.median[l], g_array_unref);
    }
  self->sea_limits = 0;
}

static void
straits_map_scene_finalize (GObject *object)
{
  StraitsMapScene *self = STRAITS_MAP_SCENE (object);

  g_clear_pointer (&self->map, straits_projected_map_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->relation_types, g_array_unref);
  g_clear_pointer (&self->overlays, g_strfreev);
  g_clear_pointer (&self->selected_actors, g_array_unref);
  clear_seas (self);
  g_clear_pointer (&self->flows, g_array_unref);
  g_clear_pointer (&self->flows_legend, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->changes_since, g_free);
  G_OBJECT_CLASS (straits_map_scene_parent_class)->finalize (object);
}

static void
straits_map_scene_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  StraitsMapScene *self = STRAITS_MAP_SCENE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_GROUPING:
      g_value_set_uint (value, self->grouping);
      break;
    case PROP_CONVENTION:
      g_value_set_int (value, self->convention);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;
    case PROP_LEGEND_COLLAPSED:
      g_value_set_boolean (value, self->legend_collapsed);
      break;
    case PROP_FOOTNOTE_MARKS:
      g_value_set_boolean (value, self->footnote_marks);
      break;
    case PROP_HOVER_ACTOR:
      g_value_set_uint (value, self->hover_actor);
      break;
    case PROP_HOVER_RELATION:
      g_value_set_uint (value, self->hover_relation);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_uint (value, self->selected_relation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_map_scene_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  StraitsMapScene *self = STRAITS_MAP_SCENE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      straits_map_scene_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_GROUPING:
      straits_map_scene_set_grouping (self, g_value_get_uint (value));
      break;
    case PROP_CONVENTION:
      straits_map_scene_set_convention (self, (StraitsConvention) g_value_get_int (value));
      break;
    case PROP_SHOW_LEGEND:
      straits_map_scene_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LABELS:
      straits_map_scene_set_show_labels (self, g_value_get_boolean (value));
      break;
    case PROP_LEGEND_COLLAPSED:
      straits_map_scene_set_legend_collapsed (self, g_value_get_boolean (value));
      break;
    case PROP_FOOTNOTE_MARKS:
      straits_map_scene_set_footnote_marks (self, g_value_get_boolean (value));
      break;
    case PROP_HOVER_ACTOR:
      straits_map_scene_set_hover (self, g_value_get_uint (value), self->hover_relation);
      break;
    case PROP_HOVER_RELATION:
      straits_map_scene_set_hover (self, self->hover_actor, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_map_scene_class_init (StraitsMapSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = straits_map_scene_finalize;
  object_class->get_property = straits_map_scene_get_property;
  object_class->set_property = straits_map_scene_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, STRAITS_TYPE_DATASET, rw);
  properties[PROP_GROUPING] =
    g_param_spec_uint ("grouping", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX, rw);
  properties[PROP_CONVENTION] =
    g_param_spec_int ("convention", NULL, NULL, 0, G_MAXINT, STRAITS_CONVENTION_EU, rw);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE, rw);
  properties[PROP_LEGEND_COLLAPSED] =
    g_param_spec_boolean ("legend-collapsed", NULL, NULL, FALSE, rw);
  properties[PROP_FOOTNOTE_MARKS] =
    g_param_spec_boolean ("footnote-marks", NULL, NULL, FALSE, rw);
  properties[PROP_HOVER_ACTOR] =
    g_param_spec_uint ("hover-actor", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX, rw);
  properties[PROP_HOVER_RELATION] =
    g_param_spec_uint ("hover-relation", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX, rw);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_uint ("selected-relation", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StraitsMapScene::changed:
   * @what: the #StraitsSceneChange flags of what changed
   *
   * Emitted once per change, or once for the changes made while frozen.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
straits_map_scene_init (StraitsMapScene *self)
{
  straits_map_style_init (&self->style, STRAITS_MAP_STYLE_LIGHT);
  self->grouping = STRAITS_NO_INDEX;
  self->selected_actors = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->selected_relation = STRAITS_NO_INDEX;
  self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;
  self->show_labels = TRUE;
}

StraitsMapScene *
straits_map_scene_new (StraitsProjectedMap *map)
{
  StraitsMapScene *self = g_object_new (STRAITS_TYPE_MAP_SCENE, NULL);

  if (map != NULL)
    self->map = straits_projected_map_ref (map);
  return self;
}

StraitsMapScene *
straits_map_scene_copy (StraitsMapScene *self)
{
  StraitsMapScene *copy;
  guint n;
  const guint32 *types;

  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  copy = straits_map_scene_new (self->map);
  copy->dataset = self->dataset != NULL ? g_object_ref (self->dataset) : NULL;
  copy->grouping = self->grouping;
  types = straits_map_scene_get_relation_types (self, &n);
  straits_map_scene_set_relation_types (copy, types, n);
  copy->overlays = g_strdupv (self->overlays);
  copy->has_time = self->has_time;
  copy->time = self->time;
  copy->convention = self->convention;
  g_array_append_vals (copy->selected_actors, self->selected_actors->data, self->selected_actors->len);
  copy->selected_relation = self->selected_relation;
  copy->hover_actor = self->hover_actor;
  copy->hover_relation = self->hover_relation;
  copy->style = self->style;
  copy->show_legend = self->show_legend;
  copy->show_labels = self->show_labels;
  copy->legend_collapsed = self->legend_collapsed;
  copy->footnote_marks = self->footnote_marks;
  straits_map_scene_set_reserved (copy, straits_map_scene_get_reserved (self));
  straits_map_scene_set_territorial_seas (copy, self->sea_limits != 0 ? &self->seas : NULL, self->sea_limits);
  if (self->flows != NULL)
    straits_map_scene_set_flows (copy, (const StraitsMapFlow *) (gpointer) self->flows->data,
                                 self->flows->len, self->flows_legend);
  straits_map_scene_set_changes (copy, self->changes, self->changes_since);
  copy->has_viewport = self->has_viewport;
  copy->viewport = self->viewport;
  return copy;
}

/* The map and dataset ----------------------------------------------------- */

void
straits_map_scene_set_map (StraitsMapScene     *self,
                           StraitsProjectedMap *map)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (map == self->map)
    return;
  if (map != NULL)
    straits_projected_map_ref (map);
  g_clear_pointer (&self->map, straits_projected_map_unref);
  self->map = map;
  self->has_viewport = FALSE;
  changed (self, STRAITS_SCENE_MAP | STRAITS_SCENE_VIEWPORT);
}

StraitsProjectedMap *
straits_map_scene_get_map (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return self->map;
}

/* A new dataset's indices mean other items: what referred to the old
 * one's (grouping, filter, selection, hover) is reset. */
void
straits_map_scene_set_dataset (StraitsMapScene *self,
                               StraitsDataset  *dataset)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (!g_set_object (&self->dataset, dataset))
    return;
  self->grouping = STRAITS_NO_INDEX;
  g_clear_pointer (&self->relation_types, g_array_unref);
  g_array_set_size (self->selected_actors, 0);
  self->selected_relation = self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  changed (self, STRAITS_SCENE_DATASET | STRAITS_SCENE_GROUPING | STRAITS_SCENE_FILTER |
                 STRAITS_SCENE_SELECTION | STRAITS_SCENE_HOVER);
}

StraitsDataset *
straits_map_scene_get_dataset (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return self->dataset;
}

void
straits_map_scene_apply_view (StraitsMapScene   *self,
                              const StraitsView *view)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  straits_map_scene_freeze (self);
  straits_map_scene_set_grouping (self, view->grouping);
  straits_map_scene_set_relation_types (self, view->relation_types, view->n_relation_types);
  straits_map_scene_set_overlays (self, (const char *const *) view->overlays);
  straits_map_scene_set_time (self, straits_date_is_set (&view->time) ? &view->time : NULL);
  straits_map_scene_thaw (self);
}

void
straits_map_scene_take_settings (StraitsMapScene *self,
                                 StraitsMapScene *from)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  g_return_if_fail (STRAITS_IS_MAP_SCENE (from));
  straits_map_scene_freeze (self);
  straits_map_scene_set_style (self, &from->style);
  straits_map_scene_set_convention (self, from->convention);
  straits_map_scene_set_show_legend (self, from->show_legend);
  straits_map_scene_set_legend_collapsed (self, from->legend_collapsed);
  straits_map_scene_set_time (self, from->has_time ? &from->time : NULL);
  straits_map_scene_set_territorial_seas (self, from->seas.belts[0][0] != NULL ? &from->seas : NULL,
                                          from->sea_limits);
  straits_map_scene_set_flows (self, from->flows != NULL ? (const StraitsMapFlow *) (gpointer) from->flows->data : NULL,
                               from->flows != NULL ? from->flows->len : 0, from->flows_legend);
  straits_map_scene_set_changes (self, from->changes, from->changes_since);
  straits_map_scene_set_selection (self, (const guint32 *) (gpointer) from->selected_actors->data,
                                   from->selected_actors->len, from->selected_relation);
  straits_map_scene_set_hover (self, STRAITS_NO_INDEX, STRAITS_NO_INDEX);
  straits_map_scene_thaw (self);
}

/* What is drawn -------------------------------------------------------- */

void
straits_map_scene_set_grouping (StraitsMapScene *self,
                                guint32          grouping)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (self->grouping == grouping)
    return;
  self->grouping = grouping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
  changed (self, STRAITS_SCENE_GROUPING);
}

guint32
straits_map_scene_get_grouping (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), STRAITS_NO_INDEX);
  return self->grouping;
}

void
straits_map_scene_set_relation_types (StraitsMapScene *self,
                                      const guint32   *types,
                                      guint            n_types)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (types == NULL && self->relation_types == NULL)
    return;
  if (types != NULL && self->relation_types != NULL && self->relation_types->len == n_types &&
      (n_types == 0 || memcmp (types, self->relation_types->data, n_types * sizeof *types) == 0))
    return;
  g_clear_pointer (&self->relation_types, g_array_unref);
  if (types != NULL)
    {
      self->relation_types = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_vals (self->relation_types, types, n_types);
    }
  changed (self, STRAITS_SCENE_FILTER);
}

void
straits_map_scene_set_relation_type_array (StraitsMapScene *self,
                                           GArray          *types)
{
  static const guint32 none[1];

  if (types == NULL)
    straits_map_scene_set_relation_types (self, NULL, 0);
  else
    straits_map_scene_set_relation_types (self, types->len > 0 ? (const guint32 *) (gpointer) types->data : none,
                                          types->len);
}

gboolean
straits_map_scene_shows_relation_type (StraitsMapScene *self,
                                       guint32          type)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), FALSE);
  if (self->relation_types == NULL)
    return TRUE;
  /* An empty array's data is NULL, which _include() reads as every type. */
  return self->relation_types->len > 0 &&
         straits_relation_types_include ((const guint32 *) (gpointer) self->relation_types->data,
                                         self->relation_types->len, type);
}

/* The filter is kept in the dataset's order of types, and a filter that
 * names every type becomes "every type" (NULL): what a bookmark then saves
 * is the view's own, whatever types a later version of the dataset adds. */
void
straits_map_scene_show_relation_type (StraitsMapScene *self,
                                      guint32          type,
                                      gboolean         shown)
{
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_all;

  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (self->dataset == NULL || type >= (n_all = straits_dataset_get_n_relation_types (self->dataset)))
    return;
  for (guint32 t = 0; t < n_all; t++)
    if (t == type ? shown : straits_map_scene_shows_relation_type (self, t))
      g_array_append_val (types, t);
  straits_map_scene_set_relation_type_array (self, types->len == n_all ? NULL : types);
}

const guint32 *
straits_map_scene_get_relation_types (StraitsMapScene *self,
                                      guint           *n_types)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  static const guint32 none[1];

  *n_types = self->relation_types != NULL ? self->relation_types->len : 0;
  if (self->relation_types == NULL)
    return NULL;
  /* An empty filter (no type shown) is not NULL (every type). */
  return self->relation_types->len > 0 ? (const guint32 *) (gpointer) self->relation_types->data : none;
}

static gboolean
strv_equal0 (const char *const *a, const char *const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

void
straits_map_scene_set_overlays (StraitsMapScene   *self,
                                const char *const *overlays)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (strv_equal0 (overlays, (const char *const *) self->overlays))
    return;
  g_clear_pointer (&self->overlays, g_strfreev);
  self->overlays = g_strdupv ((char **) overlays);
  changed (self, STRAITS_SCENE_OVERLAYS);
}

const char *const *
straits_map_scene_get_overlays (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return (const char *const *) self->overlays;
}

void
straits_map_scene_set_time (StraitsMapScene   *self,
                            const StraitsDate *date)
{
  gboolean has_time = date != NULL && straits_date_is_set (date);

  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (has_time == self->has_time && (!has_time || straits_date_compare (date, &self->time) == 0))
    return;
  self->has_time = has_time;
  if (has_time)
    self->time = *date;
  changed (self, STRAITS_SCENE_TIME);
}

const StraitsDate *
straits_map_scene_get_time (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return self->has_time ? &self->time : NULL;
}

void
straits_map_scene_set_convention (StraitsMapScene   *self,
                                  StraitsConvention  convention)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (self->convention == convention)
    return;
  self->convention = convention;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVENTION]);
  changed (self, STRAITS_SCENE_CONVENTION);
}

StraitsConvention
straits_map_scene_get_convention (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), STRAITS_CONVENTION_EU);
  return self->convention;
}

/* Selection and hover ---------------------------------------------------- */

void
straits_map_scene_set_selection (StraitsMapScene *self,
                                 const guint32   *actors,
                                 guint            n_actors,
                                 guint32          relation)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (actors == NULL)
    n_actors = 0;
  if (self->selected_relation == relation && self->selected_actors->len == n_actors &&
      (n_actors == 0 || memcmp (actors, self->selected_actors->data, n_actors * sizeof *actors) == 0))
    return;
  g_array_set_size (self->selected_actors, 0);
  if (n_actors > 0)
    g_array_append_vals (self->selected_actors, actors, n_actors);
  if (self->selected_relation != relation)
    {
      self->selected_relation = relation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
    }
  changed (self, STRAITS_SCENE_SELECTION);
}

const guint32 *
straits_map_scene_get_selected_actors (StraitsMapScene *self,
                                       guint           *n_actors)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  *n_actors = self->selected_actors->len;
  return (const guint32 *) (gpointer) self->selected_actors->data;
}

guint32
straits_map_scene_get_selected_relation (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), STRAITS_NO_INDEX);
  return self->selected_relation;
}

void
straits_map_scene_set_hover (StraitsMapScene *self,
                             guint32          actor,
                             guint32          relation)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (self->hover_actor == actor && self->hover_relation == relation)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->hover_actor != actor)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_ACTOR]);
  if (self->hover_relation != relation)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_RELATION]);
  self->hover_actor = actor;
  self->hover_relation = relation;
  changed (self, STRAITS_SCENE_HOVER);
  g_object_thaw_notify (G_OBJECT (self));
}

guint32
straits_map_scene_get_hover_actor (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), STRAITS_NO_INDEX);
  return self->hover_actor;
}

guint32
straits_map_scene_get_hover_relation (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), STRAITS_NO_INDEX);
  return self->hover_relation;
}

/* Style and what is drawn besides the map --------------------------------- */

void
straits_map_scene_set_style (StraitsMapScene       *self,
                             const StraitsMapStyle *style)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  /* Styles are compared field by field in straits_map_style_equal. */
  if (straits_map_style_equal (style, &self->style))
    return;
  self->style = *style;
  changed (self, STRAITS_SCENE_STYLE);
}

const StraitsMapStyle *
straits_map_scene_get_style (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return &self->style;
}

static void
set_flag (StraitsMapScene *self, gboolean *field, gboolean value, guint prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  changed (self, STRAITS_SCENE_DECORATION);
}

void
straits_map_scene_set_show_legend (StraitsMapScene *self,
                                   gboolean         show)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  set_flag (self, &self->show_legend, show, PROP_SHOW_LEGEND);
}

gboolean
straits_map_scene_get_show_legend (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), FALSE);
  return self->show_legend;
}

void
straits_map_scene_set_legend_collapsed (StraitsMapScene *self,
                                        gboolean         collapsed)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  set_flag (self, &self->legend_collapsed, collapsed, PROP_LEGEND_COLLAPSED);
}

gboolean
straits_map_scene_get_legend_collapsed (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), FALSE);
  return self->legend_collapsed;
}

void
straits_map_scene_set_show_labels (StraitsMapScene *self,
                                   gboolean         show)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  set_flag (self, &self->show_labels, show, PROP_SHOW_LABELS);
}

gboolean
straits_map_scene_get_show_labels (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), TRUE);
  return self->show_labels;
}

void
straits_map_scene_set_footnote_marks (StraitsMapScene *self,
                                      gboolean         marks)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  set_flag (self, &self->footnote_marks, marks, PROP_FOOTNOTE_MARKS);
}

gboolean
straits_map_scene_get_footnote_marks (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), FALSE);
  return self->footnote_marks;
}

void
straits_map_scene_set_reserved (StraitsMapScene   *self,
                                const StraitsRect *rect)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (rect == NULL && !self->has_reserved)
    return;
  if (rect != NULL && self->has_reserved && rect->x == self->reserved.x && rect->y == self->reserved.y &&
      rect->width == self->reserved.width && rect->height == self->reserved.height)
    return;
  self->has_reserved = rect != NULL;
  if (rect != NULL)
    self->reserved = *rect;
  changed (self, STRAITS_SCENE_DECORATION);
}

const StraitsRect *
straits_map_scene_get_reserved (StraitsMapScene *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  return self->has_reserved ? &self->reserved : NULL;
}

/* Territorial seas and flows ---------------------------------------------- */

/* Whether @report's belts at @limits are those shown already (the same
 * arrays: a report is never changed once made). */
static gboolean
seas_shown (StraitsMapScene             *self,
            const StraitsMaritimeReport *report,
            guint                        limits)
{
  if (report == NULL)
    return self->sea_limits == 0 && self->seas.belts[0][0] == NULL;
  if (self->sea_limits != limits || memcmp (&self->seas.aegean, &report->aegean, sizeof report->aegean) != 0)
    return FALSE;
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      for (int c = 0; c < 2; c++)
        if (self->seas.belts[l][c] != report->belts[l][c])
          return FALSE;
      if (self->seas.median[l] != report->median[l])
        return FALSE;
    }
  return TRUE;
}

void
straits_map_scene_set_territorial_seas (StraitsMapScene             *self,
                                        const StraitsMaritimeReport *report,
                                        guint                        limits)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (seas_shown (self, report, limits))
    return;
  clear_seas (self);
  if (report != NULL)
    {
      for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
        {
          for (int c = 0; c < 2; c++)
            if (report->belts[l][c] != NULL)
              self->seas.belts[l][c] = g_array_ref (report->belts[l][c]);
          if (report->median[l] != NULL)
            self->seas.median[l] = g_array_ref (report->median[l]);
        }
      self->seas.aegean = report->aegean;
      self->sea_limits = limits;
    }
  changed (self, STRAITS_SCENE_SEAS);
}

const StraitsMaritimeReport *
straits_map_scene_get_territorial_seas (StraitsMapScene *self,
                                        guint           *limits)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  *limits = self->sea_limits;
  return self->seas.belts[0][0] != NULL ? &self->seas : NULL;
}

/* Whether @flows (and @legend) are those shown already. */
static gboolean
flows_shown (StraitsMapScene      *self,
             const StraitsMapFlow *flows,
             guint                 n_flows,
             const char           *legend)
{
  guint n_shown = self->flows != NULL ? self->flows->len : 0;

  if (n_shown != n_flows || g_strcmp0 (legend, self->flows_legend) != 0)
    return FALSE;
  for (guint i = 0; i < n_flows; i++)
    {
      const StraitsMapFlow *a = &flows[i], *b = &g_array_index (self->flows, StraitsMapFlow, i);

      if (g_strcmp0 (a->from, b->from) != 0 || g_strcmp0 (a->to, b->to) != 0 ||
          g_strcmp0 (a->label, b->label) != 0 || a->tiv != b->tiv || a->label_at_recipient != b->label_at_recipient)
        return FALSE;
    }
  return TRUE;
}

void
straits_map_scene_set_flows (StraitsMapScene      *self,
                             const StraitsMapFlow *flows,
                             guint                 n_flows,
                             const char           *legend)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  /* The legend names the flows drawn: without any, it is no part of the
   * scene (the arms page gives one always; a scene drawn ahead of the
   * window has none, and is not changed by that). */
  if (n_flows == 0)
    legend = NULL;
  if (flows_shown (self, flows, n_flows, legend))
    return;
  g_clear_pointer (&self->flows, g_array_unref);
  g_clear_pointer (&self->flows_legend, g_free);
  self->flows = straits_map_flows_copy (flows, n_flows);
  self->flows_legend = g_strdup (legend);
  changed (self, STRAITS_SCENE_FLOWS);
}

const StraitsMapFlow *
straits_map_scene_get_flows (StraitsMapScene *self,
                             guint           *n_flows,
                             const char     **legend)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  *n_flows = self->flows != NULL ? self->flows->len : 0;
  *legend = self->flows_legend;
  return self->flows != NULL ? (const StraitsMapFlow *) (gpointer) self->flows->data : NULL;
}

/* What changed ------------------------------------------------------------ */

void
straits_map_scene_set_changes (StraitsMapScene *self,
                               GPtrArray       *changes,
                               const char      *since)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (changes == self->changes && g_strcmp0 (since, self->changes_since) == 0)
    return;
  if (changes != NULL)
    g_ptr_array_ref (changes);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = changes;
  g_free (self->changes_since);
  self->changes_since = g_strdup (since);
  changed (self, STRAITS_SCENE_CHANGES);
}

GPtrArray *
straits_map_scene_get_changes (StraitsMapScene *self,
                               const char     **since)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), NULL);
  if (since != NULL)
    *since = self->changes_since;
  return self->changes;
}

/* The extent -------------------------------------------------------------- */

void
straits_map_scene_set_viewport (StraitsMapScene       *self,
                                const StraitsViewport *viewport)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (self));
  if (self->has_viewport && straits_viewport_equal (viewport, &self->viewport))
    return;
  self->has_viewport = TRUE;
  self->viewport = *viewport;
  changed (self, STRAITS_SCENE_VIEWPORT);
}

gboolean
straits_map_scene_get_viewport (StraitsMapScene *self,
                                StraitsViewport *viewport)
{
  g_return_val_if_fail (STRAITS_IS_MAP_SCENE (self), FALSE);
  if (self->has_viewport)
    *viewport = self->viewport;
  return self->has_viewport;
}
