/* straits-map-layers.c: land, borders, disputed areas and highlights
 *
 * The relation curves are drawn (and picked) in straits-map-relations.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-map-renderer-private.h"
#include "straits-pixels.h"

const StraitsGroup *
_straits_map_group_of_feature (StraitsMapRenderer *self,
                               guint               feature,
                               guint32            *actor)
{
  const StraitsFeature *f = straits_basemap_get_feature (straits_projected_map_get_basemap (self->map), feature);
  guint32 a;

  *actor = STRAITS_NO_INDEX;
  if (self->dataset == NULL || f->code[0] == '\0')
    return NULL;
  a = straits_dataset_find_actor_by_iso3 (self->dataset, f->code);
  *actor = a;
  if (a == STRAITS_NO_INDEX || self->grouping == STRAITS_NO_INDEX)
    return NULL;
  /* A division that does not hold at the map's date colours nothing. */
  if (_straits_map_grouping_state (self) == STRAITS_TIME_NOT_YET ||
      _straits_map_grouping_state (self) == STRAITS_TIME_ENDED)
    return NULL;
  return straits_dataset_group_of_actor (self->dataset, self->grouping, a);
}

void
_straits_map_stipple (cairo_t *cr, const StraitsColour *colour, double unit)
{
  double x0, y0, x1, y1, step = 5 * unit;

  cairo_save (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  for (double y = floor (y0 / step) * step; y <= y1 + step; y += step)
    {
      /* Alternate rows half a step aside: dots, not lines. */
      double shift = ((long) lround (y / step)) % 2 ? step / 2 : 0;

      for (double x = floor (x0 / step) * step + shift - step; x <= x1 + step; x += step)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, 0.8 * unit, 0, 2 * G_PI);
        }
    }
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.6);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_straits_map_note_drawn (GArray *drawn, guint32 value)
{
  for (guint i = 0; i < drawn->len; i++)
    if (g_array_index (drawn, guint32, i) == value)
      return;
  g_array_append_val (drawn, value);
}


static guint
group_index (StraitsMapRenderer *self, const StraitsGroup *group)
{
  const StraitsGrouping *g = straits_dataset_get_grouping (self->dataset, self->grouping);

  return (guint) (group - g->groups);
}

/* Print style: groups as hatching, drawn as vector lines across the
 * feature's box inside its clip. */
static void
hatch (cairo_t *cr, double x0, double y0, double x1, double y1, guint kind, double spacing)
{
  double span = (x1 - x0) + (y1 - y0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, spacing / 5);
  for (double d = -span; d <= span; d += spacing)
    {
      switch (kind % 4)
        {
        case 0: /* diagonal */
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + (y1 - y0), y1);
          break;
        case 1: /* horizontal */
          cairo_move_to (cr, x0, y0 + d + span);
          cairo_line_to (cr, x1, y0 + d + span);
          break;
        case 2: /* cross */
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + (y1 - y0), y1);
          cairo_move_to (cr, x1 - d, y0);
          cairo_line_to (cr, x1 - d - (y1 - y0), y1);
          break;
        default: /* vertical */
          cairo_move_to (cr, x0 + d + span, y0);
          cairo_line_to (cr, x0 + d + span, y1);
          break;
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* What the legend says feature @f is filled as: its group, another EU
 * member, a non-member, or nothing to say (G_MAXUINT32). */
static guint32
fill_class (StraitsMapRenderer *self, guint f)
{
  const StraitsFeature *feature = straits_basemap_get_feature (straits_projected_map_get_basemap (self->map), f);
  guint32 actor;
  const StraitsGroup *group;

  if (feature->layer != STRAITS_LAYER_COUNTRY && feature->layer != STRAITS_LAYER_ISLAND)
    return G_MAXUINT32;
  if ((group = _straits_map_group_of_feature (self, f, &actor)) != NULL)
    return group_index (self, group);
  if (feature->flags & STRAITS_FEATURE_EU && feature->layer == STRAITS_LAYER_COUNTRY)
    return DRAWN_OTHER_EU;
  if (feature->layer == STRAITS_LAYER_COUNTRY && self->grouping != STRAITS_NO_INDEX)
    return DRAWN_NON_EU;
  return G_MAXUINT32;
}

/* Fills feature @f's outline in group @kind's colour (as the style
 * draws the dataset's fills), or with its hatching in the print style. */
static void
fill_group (StraitsMapRenderer *self,
            StraitsMapFrame    *frame,
            guint               f,
            guint32             kind)
{
  cairo_t *cr = frame->cr;
  double x0, y0, x1, y1;

  _straits_map_path_feature (self, frame, f);
  if (!self->style.patterns)
    {
      StraitsColour fill = straits_map_style_fill (
        &self->style, &straits_dataset_get_grouping (self->dataset, self->grouping)->groups[kind].colour);

      _straits_set_colour (cr, &fill);
      cairo_fill (cr);
      return;
    }
  _straits_set_colour (cr, &self->style.land);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  cairo_clip (cr);
  /* The clip's edge is stroked over; the hatching is not. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  hatch (cr, x0, y0, x1, y1, kind, 4 * frame->unit);
  cairo_restore (cr);
}

/* Fills feature @f's outline as feature @as is filled (a territory as
 * the state the convention draws it as). */
static void
fill_feature_as (StraitsMapRenderer *self,
                 StraitsMapFrame    *frame,
                 guint               f,
                 guint               as)
{
  cairo_t *cr = frame->cr;
  guint32 kind = fill_class (self, as);

  if (kind != DRAWN_OTHER_EU && kind != DRAWN_NON_EU && kind != G_MAXUINT32)
    {
      fill_group (self, frame, f, kind);
      if (_straits_map_grouping_state (self) == STRAITS_TIME_DATE_UNKNOWN)
        {
          /* Dots over the group's fill: the division may not hold at the
           * map's date. */
          _straits_map_path_feature (self, frame, f);
          _straits_map_stipple (cr, &self->style.text, frame->unit);
        }
      return;
    }
  _straits_map_path_feature (self, frame, f);
  _straits_set_colour (cr, kind == DRAWN_OTHER_EU ? &self->style.land_eu : &self->style.land);
  cairo_fill (cr);
}

static void
fill_feature (StraitsMapRenderer *self,
              StraitsMapFrame    *frame,
              guint               f)
{
  fill_feature_as (self, frame, f, f);
}

/* The territory @t's feature and its state's country feature, when the
 * map draws it as that state although Natural Earth puts it in another
 * country's polygon (Crimea under the EU's convention, or before 2014). */
static gboolean
territory_redrawn (StraitsMapRenderer     *self,
                   const StraitsTerritory *t,
                   int                    *feature,
                   int                    *state)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  if (!straits_territory_redrawn (t, self->convention, _straits_map_time (self)))
    return FALSE;
  *feature = straits_basemap_find_feature (basemap, STRAITS_LAYER_DISPUTED, t->feature);
  *state = straits_basemap_find_feature (basemap, STRAITS_LAYER_COUNTRY, t->state);
  return *feature >= 0 && *state >= 0;
}

/* Before the coasts and borders are stroked over them. */
static void
draw_territory_fills (StraitsMapRenderer *self,
                      StraitsMapFrame    *frame)
{
  StraitsTerritories *territories = _straits_map_territories (self);

  for (guint i = 0; i < straits_territories_get_n (territories); i++)
    {
      int f, state;

      if (territory_redrawn (self, straits_territories_get (territories, i), &f, &state) &&
          _straits_map_feature_visible (self, frame, (guint) f))
        fill_feature_as (self, frame, (guint) f, (guint) state);
    }
}

/* Whether disputed feature @f is hatched: with the disputed areas shown,
 * when the territories table has it, while occupied at the time shown. */
static gboolean
disputed_shown (StraitsMapRenderer *self,
                guint               f)
{
  const char *code = straits_basemap_get_feature (straits_projected_map_get_basemap (self->map), f)->code;
  const StraitsTerritory *t = straits_territories_find_feature (_straits_map_territories (self), code);

  if (self->overlays != NULL && !_straits_map_renderer_has_overlay (self, "disputed-areas"))
    return FALSE;
  /* Only the table's areas: Natural Earth's layer also has Ceuta, Melilla
   * and Gibraltar, which no EU reader would expect hatched. */
  return t != NULL && straits_territory_is_active (t, _straits_map_time (self));
}

/* The fills in the frame, for the legend: counted apart from drawing,
 * because a frame that re-uses the cached base layer draws no fills. */
void
_straits_map_note_drawn_groups (StraitsMapRenderer *self,
                                StraitsMapFrame    *frame)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  guint n = straits_basemap_get_n_features (basemap);

  self->drawn_hatched = FALSE;
  for (guint f = 0; f < n; f++)
    {
      guint32 kind = _straits_map_feature_visible (self, frame, f) ? fill_class (self, f) : G_MAXUINT32;

      if (kind != G_MAXUINT32)
        _straits_map_note_drawn (self->drawn_groups, kind);
      if (straits_basemap_get_feature (basemap, f)->layer == STRAITS_LAYER_DISPUTED &&
          _straits_map_feature_visible (self, frame, f) && disputed_shown (self, f))
        self->drawn_hatched = TRUE;
    }
}

static void
draw_layer_fills (StraitsMapRenderer *self,
                  StraitsMapFrame    *frame,
                  StraitsLayer        layer)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  guint n = straits_basemap_get_n_features (basemap);

  for (guint f = 0; f < n; f++)
    if (straits_basemap_get_feature (basemap, f)->layer == layer &&
        _straits_map_feature_visible (self, frame, f))
      fill_feature (self, frame, f);
}

/* A tile of the disputed areas' hatching: one diagonal, 5 units apart,
 * repeating seamlessly, at the frame's pixels. */
static cairo_surface_t *
hatch_tile (StraitsMapRenderer *self,
            StraitsMapFrame    *frame)
{
  double size = 5 * frame->unit, ux = 1, uy = 0;
  int px;
  cairo_t *cr;

  straits_user_to_pixel_distance (frame->cr, &ux, &uy);
  px = MAX (2, (int) lround (size * ux));
  if (self->hatch != NULL && self->hatch_pixels == px)
    return self->hatch;
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  self->hatch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  self->hatch_pixels = px;
  cr = cairo_create (self->hatch);
  cairo_set_source_rgba (cr, self->style.disputed.r, self->style.disputed.g, self->style.disputed.b, 0.55);
  cairo_set_line_width (cr, 0.7 * frame->unit * ux);
  /* The diagonal and its two neighbours' ends, so that tiles join up. */
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * px, px);
      cairo_line_to (cr, k * px + px, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  return self->hatch;
}

/* The hatching tile as @frame's source, fixed to the map: to its origin,
 * not the surface's, so that bases drawn for other frames (with or
 * without a margin, in bands) hatch an area alike. A pattern of the
 * frame's own: threads drawing bands share the tile. */
static void
set_hatch_source (StraitsMapRenderer *self,
                  StraitsMapFrame    *frame)
{
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (hatch_tile (self, frame));
  cairo_matrix_t matrix;
  double ox, oy, ux = 1, uy = 0, size;

  straits_user_to_pixel_distance (frame->cr, &ux, &uy);
  size = self->hatch_pixels / ux;
  straits_viewport_to_output (&frame->vp, frame->width, frame->height, 0, 0, &ox, &oy);
  /* A small offset: pixman's transforms are fixed point. */
  ox = fmod (ox, size);
  oy = fmod (oy, size);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, ux, ux);
  cairo_matrix_translate (&matrix, -ox, -oy);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (frame->cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* Makes the hatching tile for @frame's scale ahead of threads that
 * share it. */
void
_straits_map_prepare_hatch (StraitsMapRenderer *self,
                            StraitsMapFrame    *frame)
{
  hatch_tile (self, frame);
}

static void
hatch_disputed (StraitsMapRenderer *self,
                StraitsMapFrame    *frame,
                guint               f)
{
  cairo_t *cr = frame->cr;
  const double dashes[] = { 3 * frame->unit, 2 * frame->unit };
  double x0, y0, x1, y1;

  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      /* On raster targets a repeating tile hatches as well, for a fill's
       * cost instead of a clip and a stroke per line. */
      _straits_map_path_feature (self, frame, f);
      set_hatch_source (self, frame);
      cairo_fill_preserve (cr);
    }
  else
    {
      cairo_save (cr);
      _straits_map_path_feature (self, frame, f);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_clip_preserve (cr);
      cairo_set_source_rgba (cr, self->style.disputed.r, self->style.disputed.g, self->style.disputed.b, 0.55);
      cairo_set_line_width (cr, 0.7 * frame->unit);
      cairo_new_path (cr);
      for (double d = -(y1 - y0); d <= x1 - x0; d += 5 * frame->unit)
        {
          cairo_move_to (cr, x0 + d, y1);
          cairo_line_to (cr, x0 + d + (y1 - y0), y0);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      _straits_map_path_feature (self, frame, f);
    }
  _straits_set_colour (cr, &self->style.disputed);
  cairo_set_line_width (cr, 0.8 * frame->unit);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The territories table's areas hatched while occupied at the time
 * shown; those whose outline is coarser than their state's (the regions
 * Russia claims) only on the state's land. */
static void
draw_disputed (StraitsMapRenderer *self,
               StraitsMapFrame    *frame)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  StraitsTerritories *territories = _straits_map_territories (self);
  guint n = straits_basemap_get_n_features (basemap);
  cairo_t *cr = frame->cr;

  for (guint f = 0; f < n; f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      const StraitsTerritory *t;
      int state;

      if (feature->layer != STRAITS_LAYER_DISPUTED || !_straits_map_feature_visible (self, frame, f))
        continue;
      if (!disputed_shown (self, f))
        continue;
      t = straits_territories_find_feature (territories, feature->code);
      if (!t->clip_to_state)
        {
          hatch_disputed (self, frame, f);
          continue;
        }
      if ((state = straits_basemap_find_feature (basemap, STRAITS_LAYER_COUNTRY, t->state)) < 0)
        continue;
      cairo_save (cr);
      cairo_new_path (cr);
      _straits_map_path_feature (self, frame, (guint) state);
      cairo_clip (cr);
      hatch_disputed (self, frame, f);
      cairo_restore (cr);
    }
}

gboolean
_straits_map_actor_selected (StraitsMapRenderer *self, guint32 actor)
{
  for (guint i = 0; i < self->selected_actors->len; i++)
    if (g_array_index (self->selected_actors, guint32, i) == actor)
      return TRUE;
  return FALSE;
}

/* Country @f's outline as the map draws it: with the territories drawn
 * as this state (Crimea for Ukraine), and clipped to leave out those it
 * holds that are drawn as another (Crimea for Russia). */
static void
path_as_drawn (StraitsMapRenderer *self,
               StraitsMapFrame    *frame,
               guint               f)
{
  StraitsTerritories *territories = _straits_map_territories (self);
  const char *code = straits_basemap_get_feature (straits_projected_map_get_basemap (self->map), f)->code;
  gboolean clipped = FALSE;

  cairo_new_path (frame->cr);
  for (guint i = 0; i < straits_territories_get_n (territories); i++)
    {
      const StraitsTerritory *t = straits_territories_get (territories, i);
      int area, state;

      if (g_strcmp0 (t->natural_earth, code) != 0 || !territory_redrawn (self, t, &area, &state))
        continue;
      if (!clipped)
        cairo_rectangle (frame->cr, -frame->width, -frame->height, 3 * frame->width, 3 * frame->height);
      _straits_map_path_feature (self, frame, (guint) area);
      clipped = TRUE;
    }
  if (clipped)
    {
      cairo_set_fill_rule (frame->cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (frame->cr);
      cairo_set_fill_rule (frame->cr, CAIRO_FILL_RULE_WINDING);
    }
  _straits_map_path_feature (self, frame, f);
  for (guint i = 0; i < straits_territories_get_n (territories); i++)
    {
      const StraitsTerritory *t = straits_territories_get (territories, i);
      int area, state;

      if (g_strcmp0 (t->state, code) == 0 && territory_redrawn (self, t, &area, &state))
        _straits_map_path_feature (self, frame, (guint) area);
    }
}

static void
outline_actor (StraitsMapRenderer  *self,
               StraitsMapFrame     *frame,
               guint32              actor,
               const StraitsColour *colour,
               double               fill_alpha,
               double               width)
{
  int f;

  if (self->actor_features == NULL || actor == STRAITS_NO_INDEX ||
      actor >= straits_dataset_get_n_actors (self->dataset))
    return;
  f = self->actor_features[actor];
  if (f < 0 || !_straits_map_feature_visible (self, frame, (guint) f))
    return;
  cairo_save (frame->cr);
  path_as_drawn (self, frame, (guint) f);
  cairo_set_source_rgba (frame->cr, colour->r, colour->g, colour->b, fill_alpha);
  cairo_fill_preserve (frame->cr);
  _straits_set_colour (frame->cr, colour);
  cairo_set_line_width (frame->cr, width * frame->unit);
  cairo_stroke (frame->cr);
  cairo_restore (frame->cr);
}

static const char *const straits_names[] = { "Bosporus", "Sea of Marmara", "Dardanelles" };

void
_straits_map_tint_straits (StraitsMapRenderer *self,
                           cairo_t            *cr)
{
  cairo_set_source_rgba (cr, self->style.selection.r, self->style.selection.g, self->style.selection.b,
                         STRAITS_STRAITS_TINT_ALPHA);
  cairo_fill (cr);
}

gboolean
_straits_map_straits_shown (StraitsMapRenderer *self,
                            StraitsMapFrame    *frame)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  if (!_straits_map_renderer_has_overlay (self, "straits"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (straits_names); i++)
    {
      int f = straits_basemap_find_by_name (basemap, straits_names[i]);

      if (f >= 0 && _straits_map_feature_visible (self, frame, (guint) f))
        return TRUE;
    }
  return FALSE;
}

/* The Bosporus, the Sea of Marmara and the Dardanelles, when a view asks
 * for the straits. */
static void
highlight_straits (StraitsMapRenderer *self,
                   StraitsMapFrame    *frame)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  for (guint i = 0; i < G_N_ELEMENTS (straits_names); i++)
    {
      int f = straits_basemap_find_by_name (basemap, straits_names[i]);

      if (f < 0 || !_straits_map_feature_visible (self, frame, (guint) f))
        continue;
      _straits_map_path_feature (self, frame, (guint) f);
      _straits_map_tint_straits (self, frame->cr);
    }
}

void
_straits_map_draw_base (StraitsMapRenderer *self,
                        StraitsMapFrame    *frame)
{
  cairo_t *cr = frame->cr;

  _straits_set_colour (cr, &self->style.sea);
  cairo_paint (cr);

  /* On raster targets cairo's 4x4 antialiasing costs half of its best
   * (the fills and coastlines of Europe at 1920x1080: 17 ms against 29)
   * and the pixels differ by less than one level in 256 on average
   * (PSNR 40 dB); vector targets ignore it. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (_straits_map_renderer_has_overlay (self, "straits"))
    highlight_straits (self, frame);
  /* The coasts and borders stroked below cover the countries' edges,
   * where antialiasing is all a fill's cost: on raster targets they are
   * filled without it. The islands layer is not stroked (the coasts are
   * the countries' edges), and its islets are a few pixels wide: without
   * antialiasing their edges turn to steps and the smallest lose or gain
   * pixels, so they keep it. */
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE && !self->antialias_fills)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  draw_layer_fills (self, frame, STRAITS_LAYER_COUNTRY);
  draw_territory_fills (self, frame);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  draw_layer_fills (self, frame, STRAITS_LAYER_ISLAND);

  /* Round joins cost cairo a small arc at every vertex; at these widths
   * bevels look the same and stroke several times faster. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  _straits_set_colour (cr, &self->style.coast);
  cairo_set_line_width (cr, self->style.coast_width * frame->unit);
  _straits_map_stroke_arcs (self, frame, STRAITS_ARC_COAST);
  _straits_set_colour (cr, &self->style.border);
  cairo_set_line_width (cr, self->style.border_width * frame->unit);
  _straits_map_stroke_arcs (self, frame, STRAITS_ARC_BORDER);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  draw_disputed (self, frame);
  cairo_restore (cr);
}

/* Hover and selection: above the base layer, never cached with it. */
void
_straits_map_draw_highlights (StraitsMapRenderer *self,
                              StraitsMapFrame    *frame)
{
  if (self->hover_actor != STRAITS_NO_INDEX && !_straits_map_actor_selected (self, self->hover_actor))
    outline_actor (self, frame, self->hover_actor, &self->style.hover, 0.25, 1.5);
  for (guint i = 0; i < self->selected_actors->len; i++)
    outline_actor (self, frame, g_array_index (self->selected_actors, guint32, i),
                   &self->style.selection, STRAITS_SELECTION_FILL_ALPHA, 2.2);
}

/* Puts the labels and city dots of the last frame, if drawn at @viewport,
 * back over what was just drawn in @frame. */
static void
repaint_sprites (StraitsMapRenderer    *self,
                 StraitsMapFrame       *frame,
                 const StraitsViewport *viewport)
{
  double x0, y0, x1, y1;

  if (!straits_viewport_equal (&self->last_viewport, viewport) ||
      self->last_width != frame->width || self->last_height != frame->height)
    return;
  cairo_clip_extents (frame->cr, &x0, &y0, &x1, &y1);
  for (guint i = 0; i < self->sprites->len; i++)
    {
      const StraitsPaintedSprite *s = &g_array_index (self->sprites, StraitsPaintedSprite, i);
      double sx, sy;

      cairo_surface_get_device_scale (s->surface, &sx, &sy);
      if (s->x > x1 || s->y > y1 ||
          s->x + cairo_image_surface_get_width (s->surface) / sx < x0 ||
          s->y + cairo_image_surface_get_height (s->surface) / sy < y0)
        continue;
      cairo_set_source_surface (frame->cr, s->surface, s->x, s->y);
      cairo_paint (frame->cr);
    }
}

/* The hover highlight alone, over a frame drawn without it: the map view
 * draws it on its cached frame as the pointer moves, instead of drawing
 * the whole frame again. The frame's labels go back on top of it, as in a
 * frame drawn with it. Nothing is drawn for a selected actor, which has
 * its own highlight. */
void
straits_map_renderer_draw_hover (StraitsMapRenderer    *self,
                                 cairo_t               *cr,
                                 double                 width,
                                 double                 height,
                                 const StraitsViewport *viewport,
                                 guint32                actor)
{
  StraitsMapFrame frame = { 0 };

  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  if (self->map == NULL || actor == STRAITS_NO_INDEX || _straits_map_actor_selected (self, actor))
    return;
  _straits_map_frame_init (&frame, self, cr, width, height, viewport);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  outline_actor (self, &frame, actor, &self->style.hover, 0.25, 1.5);
  repaint_sprites (self, &frame, viewport);
  cairo_restore (cr);
}

/* Where that highlight falls in a frame of @width x @height, clipped to
 * it; FALSE when nowhere. */
gboolean
straits_map_renderer_get_hover_extents (StraitsMapRenderer    *self,
                                        double                 width,
                                        double                 height,
                                        const StraitsViewport *viewport,
                                        guint32                actor,
                                        StraitsRect           *rect)
{
  const StraitsBox *box;
  double x0, y0, x1, y1, pad = 2 * self->style.scale;

  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), FALSE);
  if (self->map == NULL || self->actor_features == NULL || actor == STRAITS_NO_INDEX ||
      actor >= straits_dataset_get_n_actors (self->dataset) || self->actor_features[actor] < 0)
    return FALSE;
  box = straits_projected_map_get_feature_box (self->map, (guint) self->actor_features[actor]);
  straits_viewport_to_output (viewport, width, height, box->x0, box->y1, &x0, &y0);
  straits_viewport_to_output (viewport, width, height, box->x1, box->y0, &x1, &y1);
  x0 = MAX (floor (x0 - pad), 0);
  y0 = MAX (floor (y0 - pad), 0);
  x1 = MIN (ceil (x1 + pad), width);
  y1 = MIN (ceil (y1 + pad), height);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  *rect = (StraitsRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}
