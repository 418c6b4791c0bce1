/* straits-map-labels.c: labels, annotations and events
 *
 * Labels are offered to the placer most important first; what does not
 * fit without overlap, or would be cut by the frame, is left out. Text is
 * drawn as text (so PDF and SVG keep it searchable) over a halo drawn as
 * an outline. The legend is drawn in straits-map-legend.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "straits-country-names.h"
#include "straits-map-renderer-private.h"
#include "straits-text.h"
#include "straits-pixels.h"

#define MAX_CACHED_LAYOUTS 4000
/* A dataset's names may run to 200 characters and its notes to 5000: on
 * the map a label keeps to about a line, and a note to a few, cut with an
 * ellipsis before Pango sees them (Pango's own ellipsizing of a wrapped
 * paragraph took seconds on 5000 characters without a space). */
#define MAX_LABEL_CHARS 48
#define MAX_NOTE_CHARS 160

void
straits_map_renderer_set_text_step (StraitsMapRenderer *self,
                                    double              step)
{
  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  if (step == self->text_step)
    return;
  self->text_step = MAX (step, 0);
  /* The frame layers hold sprites drawn at the old sizes. */
  _straits_map_drop_layers (self);
}

/* Layouts are kept between frames: shaping text is the costliest part of
 * a frame otherwise. The context resolution is 72 dpi, so font sizes in
 * points are sizes in output units. On screen, with a text step, sizes
 * are rounded to it: the fonts, layouts and sprites of a few sizes then
 * serve every zoom level. */
PangoLayout *
_straits_map_layout_cut (StraitsMapRenderer *self,
                         cairo_t            *cr,
                         const char         *text,
                         double              size,
                         PangoWeight         weight,
                         PangoStyle          style,
                         int                 wrap_width,
                         glong               max_chars)
{
  gboolean print = straits_text_for_print (cr);
  g_autofree char *shown = straits_text_truncate (text, max_chars);
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (self->text_step > 0)
    size = MAX (round (size / self->text_step), 1) * self->text_step;
  key = g_strdup_printf ("%.2f|%d|%d|%d|%d|%s", size, weight, style, wrap_width, print, shown);
  layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoContext *context = pango_cairo_create_context (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");

      straits_text_setup_context (context, cr);
      straits_text_update_context (cr, context);
      layout = pango_layout_new (context);
      g_object_unref (context);
      pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
      pango_font_description_set_weight (font, weight);
      pango_font_description_set_style (font, style);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      if (wrap_width > 0)
        {
          pango_layout_set_width (layout, wrap_width * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
      pango_layout_set_text (layout, shown, -1);
      if (g_hash_table_size (self->layouts) > MAX_CACHED_LAYOUTS)
        g_hash_table_remove_all (self->layouts);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  else
    straits_text_update_context (cr, pango_layout_get_context (layout));
  return layout;
}

/* Names are cut shorter than notes, which wrap. */
PangoLayout *
_straits_map_layout (StraitsMapRenderer *self,
                     cairo_t            *cr,
                     const char         *text,
                     double              size,
                     PangoWeight         weight,
                     PangoStyle          style,
                     int                 wrap_width)
{
  return _straits_map_layout_cut (self, cr, text, size, weight, style, wrap_width,
                                  wrap_width > 0 ? MAX_NOTE_CHARS : MAX_LABEL_CHARS);
}

typedef struct {
  double size;
  PangoWeight weight;
  PangoStyle style;
  int wrap;
  const StraitsColour *colour;
  StraitsLabelKind kind;
} TextStyle;

static void
draw_text_with_halo (StraitsMapRenderer  *self,
                     cairo_t             *cr,
                     PangoLayout         *layout,
                     double               x,
                     double               y,
                     double               halo_width,
                     const StraitsColour *colour)
{
  cairo_move_to (cr, x, y);
  _straits_set_colour (cr, colour);
  straits_text_show_with_halo (cr, layout, &self->style.halo, 0.85, halo_width);
}

/* A layout's sprite, kept on the layout (which is cached by text, font
 * and size) with what else it was drawn for. */
typedef struct {
  double scale, halo_width;
  StraitsColour colour;
  cairo_surface_t *surface;
} Sprite;

static void
sprite_free (Sprite *sprite)
{
  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

/* On raster targets a label is drawn once, with its halo, into a sprite
 * that later frames only copy: stroking glyph outlines for the halo is the
 * costliest part of drawing text. Vector targets get real text. */
static cairo_surface_t *
label_sprite (StraitsMapRenderer  *self,
              cairo_t             *target,
              PangoLayout         *layout,
              const StraitsColour *colour,
              double               halo_width,
              double               margin)
{
  static GQuark quark;
  double ux = 1, uy = 0;
  Sprite *sprite;
  PangoRectangle logical;
  cairo_t *cr;

  if (quark == 0)
    quark = g_quark_from_static_string ("straits-label-sprite");
  /* Drawn at the output's scale, so that copies are pixel for pixel. */
  straits_user_to_pixel_distance (target, &ux, &uy);
  sprite = g_object_get_qdata (G_OBJECT (layout), quark);
  if (sprite != NULL && sprite->scale == ux && sprite->halo_width == halo_width &&
      sprite->colour.r == colour->r && sprite->colour.g == colour->g && sprite->colour.b == colour->b)
    return sprite->surface;

  sprite = g_new0 (Sprite, 1);
  sprite->scale = ux;
  sprite->halo_width = halo_width;
  sprite->colour = *colour;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (int) ceil ((logical.width + 2 * margin) * ux) + 1,
                                                (int) ceil ((logical.height + 2 * margin) * ux) + 1);
  cairo_surface_set_device_scale (sprite->surface, ux, ux);
  cr = cairo_create (sprite->surface);
  draw_text_with_halo (self, cr, layout, margin - logical.x, margin - logical.y, halo_width, colour);
  cairo_destroy (cr);
  g_object_set_qdata_full (G_OBJECT (layout), quark, sprite, (GDestroyNotify) sprite_free);
  return sprite->surface;
}

/* Copies @sprite with its corner at (@x, @y), moved to whole device
 * pixels as text would be, and notes it for highlights drawn later. */
static void
paint_sprite (StraitsMapRenderer *self,
              cairo_t            *cr,
              cairo_surface_t    *sprite,
              double              x,
              double              y)
{
  straits_user_to_pixel (cr, &x, &y);
  x = round (x);
  y = round (y);
  straits_pixel_to_user (cr, &x, &y);
  cairo_set_source_surface (cr, sprite, x, y);
  cairo_paint (cr);
  _straits_map_note_sprite (self, sprite, x, y);
}

static void
show_text (StraitsMapRenderer  *self,
           StraitsMapFrame     *frame,
           PangoLayout         *layout,
           double               x,
           double               y,
           const StraitsColour *colour)
{
  cairo_t *cr = frame->cr;
  double halo = 2.6 * frame->unit, margin = halo;
  PangoRectangle logical;
  cairo_surface_t *sprite;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      draw_text_with_halo (self, cr, layout, x, y, halo, colour);
      return;
    }
  sprite = label_sprite (self, cr, layout, colour, halo, margin);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  paint_sprite (self, cr, sprite, x + logical.x - margin, y + logical.y - margin);
}

static void
record_label (StraitsMapRenderer *self,
              const StraitsRect  *rect,
              StraitsLabelKind    kind,
              const char         *text)
{
  StraitsPlacedLabel placed = { *rect, kind };

  g_array_append_val (self->labels, placed);
  g_ptr_array_add (self->label_texts, g_strdup (text));
}

/* Tries the label centred on (@x, @y), or, with @beside, to the right
 * and then to the left of it. */
static gboolean
place_text (StraitsMapRenderer *self,
            StraitsMapFrame    *frame,
            const char         *text,
            const TextStyle    *ts,
            double              x,
            double              y,
            gboolean            beside)
{
  PangoLayout *layout = _straits_map_layout (self, frame->cr, text, ts->size * frame->unit,
                                             ts->weight, ts->style,
                                             ts->wrap > 0 ? (int) (ts->wrap * frame->unit) : -1);
  PangoRectangle ink, logical;
  double gap = 4 * frame->unit;
  StraitsRect candidates[3];
  guint n_candidates;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (beside)
    {
      candidates[0] = (StraitsRect) { x + gap, y - logical.height / 2.0, logical.width, logical.height };
      candidates[1] = (StraitsRect) { x - gap - logical.width, y - logical.height / 2.0, logical.width, logical.height };
      candidates[2] = (StraitsRect) { x - logical.width / 2.0, y - gap - logical.height, logical.width, logical.height };
      n_candidates = 3;
    }
  else
    {
      candidates[0] = (StraitsRect) { x - logical.width / 2.0, y - logical.height / 2.0, logical.width, logical.height };
      n_candidates = 1;
    }

  for (guint i = 0; i < n_candidates; i++)
    if (straits_label_placer_try (frame->placer, &candidates[i]))
      {
        show_text (self, frame, layout, candidates[i].x - logical.x, candidates[i].y - logical.y, ts->colour);
        record_label (self, &candidates[i], ts->kind, text);
        return TRUE;
      }
  return FALSE;
}

gboolean
_straits_map_output_point (StraitsMapFrame *frame, double x, double y, double *ox, double *oy)
{
  if (isnan (x) || isnan (y))
    return FALSE;
  straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, ox, oy);
  return *ox >= 0 && *oy >= 0 && *ox <= frame->width && *oy <= frame->height;
}

/* A feature whose label point lies outside the frame, but which fills part
 * of it, is labelled at the frame's point nearest to its label point, if
 * that point is on the feature (a country seen in part, at a border of
 * the view). */
static gboolean
visible_label_point (StraitsMapRenderer *self,
                     StraitsMapFrame    *frame,
                     guint               feature,
                     StraitsLayer        layer,
                     double             *ox,
                     double             *oy)
{
  double x, y, inset = 40 * frame->unit;

  straits_projected_map_get_label_point (self->map, feature, &x, &y);
  if (isnan (x) || isnan (y))
    return FALSE;
  straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, ox, oy);
  *ox = CLAMP (*ox, inset, frame->width - inset);
  *oy = CLAMP (*oy, inset, frame->height - inset);
  straits_viewport_to_map (&frame->vp, frame->width, frame->height, *ox, *oy, &x, &y);
  return straits_projected_map_feature_at (self->map, layer, x, y) == (int) feature;
}

/* Whether the country feature @f is wholly a territory the map draws as
 * another state (northern Cyprus and the UN buffer zone as Cyprus, under
 * the EU's convention): a Natural Earth polygon of a territory that is
 * not its controller's own country. It gets no name of its own. */
static gboolean
drawn_as_another_state (StraitsMapRenderer *self, const StraitsFeature *f)
{
  StraitsTerritories *territories = _straits_map_territories (self);
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  for (guint i = 0; i < straits_territories_get_n (territories); i++)
    {
      const StraitsTerritory *t = straits_territories_get (territories, i);

      if (g_strcmp0 (t->natural_earth, f->code) == 0 &&
          straits_territory_redrawn (t, self->convention, _straits_map_time (self)) &&
          straits_basemap_find_feature (basemap, STRAITS_LAYER_DISPUTED, t->feature) >= 0 &&
          g_strcmp0 (t->natural_earth, t->controller) != 0)
        return TRUE;
    }
  return FALSE;
}

/* A country's name: the dataset's for its actors; with the EU's footnote
 * mark where the EU gives the name one (Kosovo*); NULL for none. */
static const char *
country_label (StraitsMapRenderer *self, const StraitsFeature *f, GPtrArray *texts)
{
  guint32 actor;
  const char *name = f->name;

  if (self->convention == STRAITS_CONVENTION_EU && drawn_as_another_state (self, f))
    return NULL;
  if (self->dataset != NULL && (actor = straits_dataset_find_actor_by_iso3 (self->dataset, f->code)) != STRAITS_NO_INDEX)
    {
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, actor);
      name = a->short_name ? a->short_name : a->name;
    }
  else if (straits_country_name_translated (f->code) != NULL)
    name = straits_country_name_translated (f->code);
  if (self->convention == STRAITS_CONVENTION_EU && self->footnote_marks &&
      straits_territories_get_footnote (_straits_map_territories (self), f->code) != NULL)
    {
      char *marked = g_strconcat (name, "*", NULL);

      g_ptr_array_add (texts, marked);
      return marked;
    }
  return name;
}

/* A disputed area's name: the territories table's while it is occupied
 * at the time shown; none otherwise, nor for areas not in the table. */
static const char *
disputed_label (StraitsMapRenderer *self, const StraitsFeature *f)
{
  const StraitsTerritory *t = straits_territories_find_feature (_straits_map_territories (self), f->code);

  if (t == NULL || !straits_territory_is_active (t, _straits_map_time (self)) || t->label[0] == '\0')
    return NULL;
  return t->label;
}

typedef struct {
  guint feature;
  double priority;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  double pa = ((const Candidate *) a)->priority, pb = ((const Candidate *) b)->priority;
  return pa > pb ? -1 : pa < pb;
}

/* A country every reader of the view expects named: an EU member or an
 * actor of the dataset. It is named however small (Belgium and Ireland on
 * the EU view at A4 are below the area others need; Malta's name stands
 * beside it). */
gboolean
_straits_map_named_state (StraitsMapRenderer *self, const StraitsFeature *feature)
{
  return feature->layer == STRAITS_LAYER_COUNTRY &&
         ((feature->flags & STRAITS_FEATURE_EU) ||
          (self->dataset != NULL && straits_dataset_find_actor_by_iso3 (self->dataset, feature->code) != STRAITS_NO_INDEX));
}

/* Polygon features of @layer in the frame and large enough on screen to
 * carry a label, largest first. */
static GArray *
polygon_candidates (StraitsMapRenderer *self,
                    StraitsMapFrame    *frame,
                    StraitsLayer        layer,
                    double              min_area)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Candidate));
  double unit_area = frame->vp.resolution * frame->vp.resolution;

  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      double area;

      if (feature->layer != layer || !_straits_map_feature_visible (self, frame, f))
        continue;
      area = fabs (straits_projected_map_get_feature_area (self->map, f)) / unit_area;
      if (_straits_map_named_state (self, feature) || area >= min_area * frame->unit * frame->unit)
        g_array_append_val (out, ((Candidate) { f, area }));
    }
  g_array_sort (out, compare_candidates);
  return out;
}

/* A polygon's name centred on its label point or, where another label
 * already stands there, moved by half its size in one of eight ways, or
 * set a size smaller, as long as it stays centred inside the polygon:
 * a country keeps its name rather than lose it to a neighbour's. */
static void
place_inside (StraitsMapRenderer *self,
              StraitsMapFrame    *frame,
              guint               f,
              const char         *text,
              const TextStyle    *ts,
              double              ox,
              double              oy)
{
  static const double moves[][2] = { { 0, 0 }, { 0, -1 }, { 0, 1 }, { -1, 0 }, { 1, 0 },
                                     { -1, -1 }, { 1, -1 }, { -1, 1 }, { 1, 1 } };
  PangoLayout *layout = _straits_map_layout (self, frame->cr, text, ts->size * frame->unit, ts->weight, ts->style,
                                             ts->wrap > 0 ? (int) (ts->wrap * frame->unit) : -1);
  PangoRectangle logical;
  TextStyle smaller = *ts;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      double x = ox + moves[i][0] * logical.width / 2, y = oy + moves[i][1] * logical.height, mx, my;

      if (i > 0)
        {
          straits_viewport_to_map (&frame->vp, frame->width, frame->height, x, y, &mx, &my);
          if (!straits_projected_map_feature_contains (self->map, f, mx, my))
            continue;
        }
      if (place_text (self, frame, text, ts, x, y, FALSE))
        return;
    }
  smaller.size *= 0.85;
  place_text (self, frame, text, &smaller, ox, oy, FALSE);
}

/* Square units below which a named state's name goes beside it. */
#define SMALL_STATE 300

/* Whether an annotation placed already carries @name ("Aegean Sea: …"):
 * the sea's own name beside it would say it twice. */
static gboolean
annotation_named (StraitsMapRenderer *self, const char *name)
{
  gsize n = strlen (name);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const char *text = g_ptr_array_index (self->label_texts, i);

      if (g_array_index (self->labels, StraitsPlacedLabel, i).kind == STRAITS_LABEL_ANNOTATION &&
          strncmp (text, name, n) == 0 && (text[n] == '\0' || text[n] == ':'))
        return TRUE;
    }
  return FALSE;
}

static void
label_polygons (StraitsMapRenderer *self,
                StraitsMapFrame    *frame,
                StraitsLayer        layer,
                double              min_area,
                const TextStyle    *ts)
{
  g_autoptr(GArray) candidates = polygon_candidates (self, frame, layer, min_area);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  for (guint i = 0; i < candidates->len; i++)
    {
      guint f = g_array_index (candidates, Candidate, i).feature;
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      double x, y, ox, oy;
      TextStyle sized = *ts;
      const char *text;

      straits_projected_map_get_label_point (self->map, f, &x, &y);
      if (!_straits_map_output_point (frame, x, y, &ox, &oy) && !visible_label_point (self, frame, f, feature->layer, &ox, &oy))
        continue;
      /* Large countries get slightly larger names. */
      if (layer == STRAITS_LAYER_COUNTRY)
        sized.size *= CLAMP (sqrt (g_array_index (candidates, Candidate, i).priority) / (180 * frame->unit), 0.8, 1.35);
      text = layer == STRAITS_LAYER_COUNTRY ? country_label (self, feature, texts)
             : layer == STRAITS_LAYER_DISPUTED ? disputed_label (self, feature) : feature->name;
      if (text == NULL || (layer == STRAITS_LAYER_SEA && annotation_named (self, text)))
        continue;
      if (g_array_index (candidates, Candidate, i).priority >= SMALL_STATE * frame->unit * frame->unit)
        place_inside (self, frame, f, text, &sized, ox, oy);
      else
        {
          /* Too small to hold its name: the name beside it, smaller. */
          sized.size = ts->size * 0.8;
          place_text (self, frame, text, &sized, ox, oy, TRUE);
        }
    }
}

static void
path_city_dot (StraitsMapRenderer *self,
               cairo_t            *cr,
               double              x,
               double              y,
               double              r,
               double              line_width)
{
  /* Text leaves a current point: start afresh, or the dot gets a tail. */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  _straits_set_colour (cr, &self->style.halo);
  cairo_fill_preserve (cr);
  _straits_set_colour (cr, &self->style.text);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

/* A city's dot: on raster targets a copy of one drawn once per scale. */
static void
draw_city_dot (StraitsMapRenderer *self,
               StraitsMapFrame    *frame,
               double              x,
               double              y,
               double              r)
{
  cairo_t *cr = frame->cr;
  double ux = 1, uy = 0, half = r + frame->unit;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      path_city_dot (self, cr, x, y, r, frame->unit);
      return;
    }
  straits_user_to_pixel_distance (cr, &ux, &uy);
  if (self->city_dot == NULL || self->city_dot_scale != ux * frame->unit)
    {
      int px = (int) ceil (2 * half * ux);
      cairo_t *dot;

      g_clear_pointer (&self->city_dot, cairo_surface_destroy);
      self->city_dot = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
      cairo_surface_set_device_scale (self->city_dot, ux, ux);
      dot = cairo_create (self->city_dot);
      path_city_dot (self, dot, px / ux / 2, px / ux / 2, r, frame->unit);
      cairo_destroy (dot);
      self->city_dot_scale = ux * frame->unit;
    }
  paint_sprite (self, cr, self->city_dot, x - cairo_image_surface_get_width (self->city_dot) / ux / 2,
                y - cairo_image_surface_get_height (self->city_dot) / ux / 2);
}

/* A round marker of radius @r: @fill inside a ring of @ring. */
static void
draw_marker (StraitsMapFrame     *frame,
             double               x,
             double               y,
             double               r,
             const StraitsColour *fill,
             const StraitsColour *ring)
{
  cairo_new_path (frame->cr);
  cairo_arc (frame->cr, x, y, r, 0, 2 * G_PI);
  _straits_set_colour (frame->cr, fill);
  cairo_fill_preserve (frame->cr);
  _straits_set_colour (frame->cr, ring);
  cairo_set_line_width (frame->cr, 1.2 * frame->unit);
  cairo_stroke (frame->cr);
}

/* Metres per unit below which a map shows more than capitals. */
#define DETAILED_RESOLUTION 2500

/* Cities, the most populous first (capitals before all). @world_cities:
 * only those of Natural Earth's scale rank 0 (Istanbul, Moscow, Cairo),
 * which go before the annotations so that a strait's marker moves aside
 * for Istanbul rather than hide it; else all the others. */
static void
label_cities (StraitsMapRenderer *self,
              StraitsMapFrame    *frame,
              gboolean            world_cities)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  /* Metres per unit: more cities as one zooms in. The regional views (the
   * Black Sea on an A4 page is about 2 km a point) show their ports and
   * cities; the EU-wide view only its capitals. */
  gboolean detailed = frame->vp.resolution < DETAILED_RESOLUTION / frame->unit;
  TextStyle ts = { self->style.small_label_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0,
                   &self->style.text, STRAITS_LABEL_CITY };

  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      gboolean capital = feature->flags & STRAITS_FEATURE_CAPITAL;

      /* Capitals and world cities (Istanbul) at every scale. */
      if (feature->layer != STRAITS_LAYER_CITY || (!capital && !detailed && feature->rank != 0) ||
          (feature->rank == 0) != world_cities)
        continue;
      g_array_append_val (candidates, ((Candidate) { f, (capital ? 1e9 : 0) + feature->population }));
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      guint f = g_array_index (candidates, Candidate, i).feature;
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      double x, y, ox, oy, r = 2.2 * frame->unit;
      StraitsRect dot;

      straits_projected_map_get_label_point (self->map, f, &x, &y);
      if (!_straits_map_output_point (frame, x, y, &ox, &oy))
        continue;
      dot = (StraitsRect) { ox - r, oy - r, 2 * r, 2 * r };
      if (!straits_label_placer_try (frame->placer, &dot))
        continue;
      if (!place_text (self, frame, feature->name, &ts, ox, oy, TRUE))
        continue;
      draw_city_dot (self, frame, ox, oy, r);
    }
}

/* Named islets too small to draw as land (Imia/Kardak): a hollow marker
 * in the disputed areas' colour and the name, both names where they are
 * disputed. Shown with the disputed areas, once a view is close enough
 * for cities beyond the capitals. */
static void
label_islets (StraitsMapRenderer *self,
              StraitsMapFrame    *frame)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  TextStyle ts = { self->style.small_label_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0,
                   &self->style.disputed, STRAITS_LABEL_DISPUTED };

  if (frame->vp.resolution >= DETAILED_RESOLUTION / frame->unit)
    return;
  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);
      double x, y, ox, oy, r = 2.4 * frame->unit;

      if (feature->layer != STRAITS_LAYER_ISLAND || feature->name[0] == '\0')
        continue;
      straits_projected_map_get_label_point (self->map, f, &x, &y);
      if (!_straits_map_output_point (frame, x, y, &ox, &oy) ||
          !straits_label_placer_try (frame->placer, &(StraitsRect) { ox - r, oy - r, 2 * r, 2 * r }))
        continue;
      draw_marker (frame, ox, oy, r, &self->style.halo, &self->style.disputed);
      place_text (self, frame, feature->name, &ts, ox, oy, TRUE);
    }
}

gboolean
_straits_map_annotation_point (StraitsMapRenderer      *self,
                               const StraitsAnnotation *a,
                               double                  *x,
                               double                  *y)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);

  if (a->feature != NULL)
    {
      int f = straits_basemap_find_by_name (basemap, a->feature);

      if (f < 0)
        return FALSE;
      straits_projected_map_get_label_point (self->map, (guint) f, x, y);
      return TRUE;
    }
  if (a->n_points > 0)
    return straits_projection_forward (straits_projected_map_get_projection (self->map),
                                       a->coords[0], a->coords[1], x, y);
  return FALSE;
}

static gboolean
annotation_shown (StraitsMapRenderer      *self,
                  const StraitsAnnotation *a)
{
  if (_straits_map_renderer_has_overlay (self, a->id))
    return TRUE;
  if (a->kind == STRAITS_ANNOTATION_STRAIT)
    return _straits_map_renderer_has_overlay (self, "straits");
  if (a->kind == STRAITS_ANNOTATION_DISPUTED_AREA)
    return _straits_map_renderer_has_overlay (self, "disputed-areas");
  return FALSE;
}

/* Reserves a marker's circle at (*@ox, *@oy) or, taken, at one of the
 * places a diameter away (a strait or an area is wider than that at any
 * scale that shows it); moves the point there. */
gboolean
_straits_map_place_marker (StraitsMapFrame *frame,
              double           r,
              double          *ox,
              double          *oy)
{
  static const double offsets[][2] = { { 0, 0 }, { 0, 2 }, { 2, 0 }, { 0, -2 }, { -2, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      double x = *ox + offsets[i][0] * r, y = *oy + offsets[i][1] * r;

      if (straits_label_placer_try (frame->placer, &(StraitsRect) { x - r, y - r, 2 * r, 2 * r }))
        {
          *ox = x;
          *oy = y;
          return TRUE;
        }
    }
  return FALSE;
}

/* Where an annotation's text may go around its marker at (@ox, @oy),
 * nearest first: beside it (right, left, above, below, then between),
 * then on rings further out, as a callout joined to the marker by a
 * leader line. Each box faces the marker with its nearest side. */
#define CALLOUT_RINGS 6
#define CALLOUT_ANGLES 12

static StraitsRect
callout_box (double ox, double oy, double r, double distance, guint angle, gboolean leader, double w, double h)
{
  static const double degrees[CALLOUT_ANGLES] = { 0, 180, 270, 90, 330, 30, 210, 150, 300, 60, 240, 120 };
  double a = degrees[angle] * G_PI / 180, dx = cos (a), dy = sin (a);
  double px = ox + dx * distance, py = oy + dy * distance;

  /* Straight above or below and touching it, the text starts at the
   * marker rather than centred on it: its first word, the place's name,
   * stays by its place (a wide note centred under the Bosporus began by
   * the Dardanelles); further out, a leader joins the two. */
  return (StraitsRect) { dx > 0.3 ? px : dx < -0.3 ? px - w : leader ? px - w / 2 : px - r,
                         dy > 0.3 ? py : dy < -0.3 ? py - h : py - h / 2, w, h };
}

/* The point of @rect nearest (@x, @y). */
static void
nearest_point (const StraitsRect *rect, double x, double y, double *nx, double *ny)
{
  *nx = CLAMP (x, rect->x, rect->x + rect->width);
  *ny = CLAMP (y, rect->y, rect->y + rect->height);
}

/* Whether a leader line from the marker (radius @r) to @box runs over
 * nothing placed: sampled every two units, in small squares. */
static gboolean
leader_free (StraitsMapFrame *frame, double ox, double oy, double r, const StraitsRect *box, gboolean reserve)
{
  double nx, ny, len, step = 2 * frame->unit, s = 1.5 * frame->unit;

  nearest_point (box, ox, oy, &nx, &ny);
  len = hypot (nx - ox, ny - oy);
  for (double d = r + step; d < len - step; d += step)
    {
      StraitsRect dot = { ox + (nx - ox) * d / len - s / 2, oy + (ny - oy) * d / len - s / 2, s, s };

      if (reserve)
        straits_label_placer_block (frame->placer, &dot);
      else if (!straits_label_placer_fits (frame->placer, &dot))
        return FALSE;
    }
  return TRUE;
}

static void
draw_leader (StraitsMapRenderer *self, StraitsMapFrame *frame, double ox, double oy, double r,
             const StraitsRect *box)
{
  double nx, ny, len;

  nearest_point (box, ox, oy, &nx, &ny);
  len = hypot (nx - ox, ny - oy);
  if (len <= r)
    return;
  cairo_new_path (frame->cr);
  cairo_move_to (frame->cr, ox + (nx - ox) * r / len, oy + (ny - oy) * r / len);
  cairo_line_to (frame->cr, nx, ny);
  _straits_set_colour (frame->cr, &self->style.halo);
  cairo_set_line_width (frame->cr, 2.6 * frame->unit);
  cairo_stroke_preserve (frame->cr);
  _straits_set_colour (frame->cr, &self->style.text);
  cairo_set_line_width (frame->cr, 0.8 * frame->unit);
  cairo_stroke (frame->cr);
  leader_free (frame, ox, oy, r, box, TRUE);
}

/* Whether @box is free for an annotation's text: inside the frame, over
 * nothing placed, and clear of every curve drawn (a curve through a note
 * hides both). */
static gboolean
callout_free (StraitsMapRenderer *self, StraitsMapFrame *frame, const StraitsRect *box)
{
  double m = 1.5 * frame->unit;

  return straits_label_placer_fits (frame->placer, box) &&
         !_straits_map_curves_cross (self, &(StraitsRect) { box->x - m, box->y - m, box->width + 2 * m,
                                                            box->height + 2 * m });
}

/* Places @text for the marker of radius @r at (@ox, @oy) in the nearest
 * free place around it; FALSE when there is none. */
static gboolean
place_callout (StraitsMapRenderer *self,
               StraitsMapFrame    *frame,
               const char         *text,
               const TextStyle    *ts,
               double              ox,
               double              oy,
               double              r)
{
  PangoLayout *layout = _straits_map_layout (self, frame->cr, text, ts->size * frame->unit, ts->weight,
                                             ts->style, ts->wrap > 0 ? (int) (ts->wrap * frame->unit) : -1);
  static const double rings[CALLOUT_RINGS] = { 0, 2.5, 5, 8, 12, 16 };
  /* No further than this share of the frame: a note far from its place,
   * on a leader across the map, reads as about somewhere else. */
  double reach = 0.24 * MIN (frame->width, frame->height);
  double gap = 2.5 * frame->unit;
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  for (guint ring = 0; ring < CALLOUT_RINGS; ring++)
    for (guint angle = 0; angle < CALLOUT_ANGLES; angle++)
      {
        StraitsRect box = callout_box (ox, oy, r, r + gap + rings[ring] * r, angle, ring > 0, logical.width,
                                       logical.height);

        if (ring > 0 && rings[ring] * r > reach)
          break;
        if (!callout_free (self, frame, &box) || (ring > 0 && !leader_free (frame, ox, oy, r, &box, FALSE)))
          continue;
        straits_label_placer_try (frame->placer, &box);
        if (ring > 0)
          draw_leader (self, frame, ox, oy, r, &box);
        show_text (self, frame, layout, box.x - logical.x, box.y - logical.y, ts->colour);
        record_label (self, &box, ts->kind, text);
        return TRUE;
      }
  return FALSE;
}

/* A dataset annotation: a marker, its name and, room permitting, its
 * note (the Montreux Convention's rules at the straits, for instance),
 * beside the marker or as a callout, never across a curve; without room
 * for either, the marker alone. */
static void
label_annotations (StraitsMapRenderer *self,
                   StraitsMapFrame    *frame)
{
  TextStyle name = { self->style.small_label_size + 0.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0,
                     &self->style.text, STRAITS_LABEL_ANNOTATION };
  TextStyle note = { self->style.small_label_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 170,
                     &self->style.text, STRAITS_LABEL_ANNOTATION };

  if (self->dataset == NULL)
    return;
  for (guint i = 0; i < straits_dataset_get_n_annotations (self->dataset); i++)
    {
      const StraitsAnnotation *a = straits_dataset_get_annotation (self->dataset, i);
      double x, y, ox, oy, r = 3.2 * frame->unit;
      g_autofree char *text = NULL;

      if (!annotation_shown (self, a) || !_straits_map_annotation_point (self, a, &x, &y) ||
          !_straits_map_output_point (frame, x, y, &ox, &oy))
        continue;
      /* The marker takes its place like a label: not under the legend,
       * and beside a city rather than on it. */
      if (!_straits_map_place_marker (frame, r, &ox, &oy))
        continue;
      draw_marker (frame, ox, oy, r, &self->style.selection, &self->style.halo);
      text = a->text ? g_strdup_printf ("%s: %s", a->name, a->text) : g_strdup (a->name);
      if (a->text == NULL || !place_callout (self, frame, text, &note, ox, oy, r))
        place_callout (self, frame, a->name, &name, ox, oy, r);
    }
}

/* The actors at the far end of relation curves that leave the frame,
 * named where the curve leaves it (a little inside), so that no curve
 * ends nowhere. */
static void
label_edge_partners (StraitsMapRenderer *self,
                     StraitsMapFrame    *frame)
{
  TextStyle ts = { self->style.small_label_size, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_ITALIC, 0,
                   &self->style.text, STRAITS_LABEL_PARTNER };
  double inset = 6 * frame->unit;

  for (guint i = 0; self->dataset != NULL && i < self->edge_partners->len; i++)
    {
      const StraitsEdgePartner *p = &g_array_index (self->edge_partners, StraitsEdgePartner, i);
      const StraitsActor *a = straits_dataset_get_actor (self->dataset, p->actor);
      double x = CLAMP (p->x, inset, frame->width - inset), y = CLAMP (p->y, inset, frame->height - inset);

      /* Over its own land with its name shown, the reader sees it. */
      if (p->over_own_land && g_ptr_array_find_with_equal_func (self->label_texts,
                                                                a->short_name ? a->short_name : a->name,
                                                                g_str_equal, NULL))
        continue;

      /* Beside the point, on the side away from the nearer vertical edge. */
      if (!place_text (self, frame, a->short_name ? a->short_name : a->name, &ts, x, y + (p->y <= inset ? 2 : -2) * inset, TRUE))
        place_text (self, frame, a->short_name ? a->short_name : a->name, &ts, x, y, TRUE);
    }
}

void
_straits_map_draw_labels (StraitsMapRenderer *self,
                          StraitsMapFrame    *frame)
{
  TextStyle country = { self->style.label_size, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 0,
                        &self->style.text, STRAITS_LABEL_COUNTRY };
  TextStyle sea = { self->style.small_label_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0,
                    &self->style.sea_text, STRAITS_LABEL_SEA };
  TextStyle disputed = { self->style.small_label_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 0,
                         &self->style.disputed, STRAITS_LABEL_DISPUTED };

  label_cities (self, frame, TRUE);
  label_annotations (self, frame);
  _straits_map_reserve_events (self, frame);
  label_polygons (self, frame, STRAITS_LAYER_COUNTRY, 900, &country);
  label_edge_partners (self, frame);
  if (self->overlays == NULL || _straits_map_renderer_has_overlay (self, "disputed-areas"))
    {
      label_polygons (self, frame, STRAITS_LAYER_DISPUTED, 150, &disputed);
      label_islets (self, frame);
    }
  label_polygons (self, frame, STRAITS_LAYER_SEA, 1500, &sea);
  label_cities (self, frame, FALSE);
}
