/* straits-map-legend.c: the map's legend, and the corner it goes in
 *
 * The groups and relation types drawn, the territorial seas and their
 * shares, each with a swatch drawn as the map draws it; in the corner
 * that covers least of what the map is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-map-renderer-private.h"

#include "straits-maritime-overlay.h"
#include "straits-text.h"

/* An entry keeps up to this many characters, more than a name's 48 so
 * that "Greek territorial sea, 6 nm: 42.4 % of the Aegean" keeps what its
 * share is of, but not a dataset's longest labels (200), which would
 * leave no room for the map. */
#define LEGEND_MAX_CHARS 72

/* An entry's text, laid out on one line. */
static PangoLayout *
entry_layout (StraitsMapRenderer *self, cairo_t *cr, const char *text, double size)
{
  return _straits_map_layout_cut (self, cr, text, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1, LEGEND_MAX_CHARS);
}

/* Swatches drawn by the function that draws the map's item. */
typedef enum {
  SWATCH_PLAIN,     /* a fill, a hatched area or a plain line, by the fields */
  SWATCH_CURVE,     /* a relation curve of strength @value */
  SWATCH_WIDTHS,    /* curves of strengths 0.2 and 1, one over the other */
  SWATCH_ONE_WAY,   /* a relation curve with its arrow head */
  SWATCH_EVENT,     /* an event's dot */
  SWATCH_STRAITS,   /* the straits' highlight over the sea */
} SwatchKind;

/* Between the legend and the frame's edge, in units. */
#define LEGEND_MARGIN 10

/* The strength of the legend's curves by type: the format's default. */
#define TYPE_STRENGTH 0.5

typedef struct {
  const char *text;
  const StraitsColour *colour;
  gboolean line;
  gboolean dashed;
  guint pattern; /* G_MAXUINT: none */
  gboolean hatched; /* as the disputed and occupied areas */
  SwatchKind kind;
  double value;
  gboolean date_unknown; /* a relation curve of unknown date at the map's date */
  gboolean stippled; /* a fill of a grouping of unknown date at the map's date */
  StraitsMapMark badge; /* new or changed since a compared version: its badge */
  guint dash; /* a dashed curve's pattern: its type's, as the map draws it */
} LegendEntry;

/* Diagonals @step apart across the swatch rectangle at (@x, @y), the
 * current path, in the current source; rising to the right or falling
 * from @start below the top. Leaves the rectangle as the path. */
static void
swatch_lines (cairo_t *cr,
              double   x,
              double   y,
              double   size,
              double   step,
              double   width,
              gboolean rising,
              double   start)
{
  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  for (double d = -size; d < size * 1.6; d += step)
    {
      cairo_move_to (cr, x + d, rising ? y + size : y + start);
      cairo_line_to (cr, x + d + size, rising ? y : y + size);
    }
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, size * 1.6, size);
}

static void
draw_swatch (StraitsMapRenderer *self,
             StraitsMapFrame    *frame,
             const LegendEntry  *e,
             double              x,
             double              y,
             double              size)
{
  cairo_t *cr = frame->cr;

  if (e->badge != STRAITS_MAP_MARK_NONE)
    {
      _straits_map_paint_change_badge (cr, e->badge, x + size * 0.8, y + size / 2, size * 0.6, &self->style.halo);
      return;
    }
  if (e->date_unknown)
    {
      /* By the code that draws the curves, so that the two look alike. */
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size * 1.6, y + size / 2);
      _straits_map_stroke_relation (cr, e->colour, 1.0, 2.2 * frame->unit, frame->unit, STRAITS_MAP_SOLID, TRUE);
      return;
    }
  switch (e->kind)
    {
    case SWATCH_CURVE:
    case SWATCH_ONE_WAY:
      _straits_map_draw_relation_sample (self, frame, x, x + size * 1.6, y + size / 2, e->colour, e->value,
                                         e->dashed ? e->dash : STRAITS_MAP_SOLID, e->kind == SWATCH_ONE_WAY);
      return;
    case SWATCH_WIDTHS:
      _straits_map_draw_relation_sample (self, frame, x, x + size * 1.6, y + size * 0.1, e->colour, 0.2,
                                         STRAITS_MAP_SOLID, FALSE);
      _straits_map_draw_relation_sample (self, frame, x, x + size * 1.6, y + size * 0.8, e->colour, 1,
                                         STRAITS_MAP_SOLID, FALSE);
      return;
    case SWATCH_EVENT:
      _straits_map_paint_event_dot (self, frame, x + size * 0.8, y + size / 2, e->colour, 1);
      return;
    case SWATCH_STRAITS:
      cairo_rectangle (cr, x, y, size * 1.6, size);
      _straits_set_colour (cr, &self->style.sea);
      cairo_fill_preserve (cr);
      _straits_map_tint_straits (self, cr);
      cairo_rectangle (cr, x, y, size * 1.6, size);
      _straits_set_colour (cr, &self->style.border);
      cairo_set_line_width (cr, 0.6 * frame->unit);
      cairo_stroke (cr);
      return;
    case SWATCH_PLAIN:
      break;
    }
  if (e->line)
    {
      const double dashes[] = { 4 * frame->unit, 2.5 * frame->unit };

      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size * 1.6, y + size / 2);
      _straits_set_colour (cr, e->colour);
      cairo_set_line_width (cr, 2.2 * frame->unit);
      if (e->dashed)
        cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  if (e->hatched)
    {
      const double dashes[] = { 3 * frame->unit, 2 * frame->unit };

      cairo_rectangle (cr, x, y, size * 1.6, size);
      _straits_set_colour (cr, &self->style.land);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, self->style.disputed.r, self->style.disputed.g, self->style.disputed.b, 0.55);
      swatch_lines (cr, x, y, size, 5 * frame->unit, 0.7 * frame->unit, TRUE, 0);
      _straits_set_colour (cr, &self->style.disputed);
      cairo_set_line_width (cr, 0.8 * frame->unit);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  cairo_rectangle (cr, x, y, size * 1.6, size);
  _straits_set_colour (cr, self->style.patterns && e->pattern != G_MAXUINT ? &self->style.land : e->colour);
  cairo_fill_preserve (cr);
  if (self->style.patterns && e->pattern != G_MAXUINT)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      swatch_lines (cr, x, y, size, 4 * frame->unit, 0.8 * frame->unit, FALSE, e->pattern % 2 ? size / 2 : 0);
    }
  if (e->stippled)
    {
      /* By the code that dots the map's fills. */
      _straits_map_stipple (cr, &self->style.text, frame->unit);
      cairo_rectangle (cr, x, y, size * 1.6, size);
    }
  _straits_set_colour (cr, &self->style.border);
  cairo_set_line_width (cr, 0.6 * frame->unit);
  cairo_stroke (cr);
}

/* Whether every relation of @type is drawn dashed (adversarial, like a
 * veto): its swatch is dashed too, as the map draws it. */
static gboolean
type_always_adversarial (StraitsMapRenderer *self, guint32 type)
{
  gboolean any = FALSE;

  for (guint32 i = 0; i < straits_dataset_get_n_relations (self->dataset); i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, i);

      if (r->type != type)
        continue;
      if (r->stance != STRAITS_STANCE_ADVERSARIAL)
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Legend entries for the groups drawn and the relation types drawn; a
 * directed type says which way its arrows point, "Procurement (seller →
 * buyer)", with the text kept in @texts. */
static GArray *
legend_entries (StraitsMapRenderer *self, gboolean *adversarial, GPtrArray *texts)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  const StraitsGrouping *grouping = self->grouping != STRAITS_NO_INDEX
                                    ? straits_dataset_get_grouping (self->dataset, self->grouping) : NULL;
  gboolean stippled = _straits_map_grouping_state (self) == STRAITS_TIME_DATE_UNKNOWN, any_group = FALSE;

  /* Groups in the grouping's order, then the pseudo-groups. */
  for (guint k = 0; grouping != NULL && k < grouping->n_groups; k++)
    for (guint i = 0; i < self->drawn_groups->len; i++)
      if (g_array_index (self->drawn_groups, guint32, i) == k)
        {
          StraitsColour fill = straits_map_style_fill (&self->style, &grouping->groups[k].colour);
          StraitsColour *kept = g_memdup2 (&fill, sizeof fill);

          /* Kept with the texts until the legend is drawn. */
          g_ptr_array_add (texts, kept);
          g_array_append_val (entries, ((LegendEntry) { grouping->groups[k].label, kept,
                                                        FALSE, FALSE, k, .stippled = stippled }));
          any_group = TRUE;
        }
  if (any_group && stippled)
    /* Translators: a map legend entry: the groups' fills are dotted
     * because the dataset does not say whether the grouping held at the
     * map's date */
    g_array_append_val (entries, ((LegendEntry) { _("Groups: date unknown (dotted)"), &self->style.land,
                                                  FALSE, FALSE, G_MAXUINT, .stippled = TRUE }));
  for (guint i = 0; i < self->drawn_groups->len; i++)
    {
      guint32 g = g_array_index (self->drawn_groups, guint32, i);

      if (g == DRAWN_OTHER_EU)
        g_array_append_val (entries, ((LegendEntry) { _("Other EU members"), &self->style.land_eu, FALSE, FALSE, G_MAXUINT }));
    }
  for (guint i = 0; i < self->drawn_groups->len; i++)
    if (g_array_index (self->drawn_groups, guint32, i) == DRAWN_NON_EU)
      g_array_append_val (entries, ((LegendEntry) { _("Not in the EU"), &self->style.land, FALSE, FALSE, G_MAXUINT }));
  if (self->drawn_hatched)
    g_array_append_val (entries, ((LegendEntry) { _("Occupied or disputed area"),
                                                  &self->style.disputed, FALSE, FALSE, G_MAXUINT, TRUE }));

  for (guint i = 0; i < self->drawn_types->len; i++)
    {
      guint32 type = g_array_index (self->drawn_types, guint32, i);
      const StraitsTypeDef *t = straits_dataset_get_relation_type (self->dataset, type);
      const char *text = t->label;

      if (t->from_role != NULL)
        {
          /* Translators: a relation type in the legend with the roles of
           * its ends, e.g. "Procurement (seller → buyer)" */
          text = g_strdup_printf (_("%s (%s → %s)"), t->label, t->from_role, t->to_role);
          g_ptr_array_add (texts, (gpointer) text);
        }
      g_array_append_val (entries, ((LegendEntry) { text, &t->colour, TRUE, type_always_adversarial (self, type),
                                                    G_MAXUINT, FALSE, SWATCH_CURVE, TYPE_STRENGTH,
                                                    .dash = _straits_map_relation_dash (self, type) }));
    }
  *adversarial = self->drawn_adversarial;
  return entries;
}

/* The colour of the samples that stand for any curve (widths, arrow
 * heads, dashes): the text's, or the halo's on an opaque casing, which is
 * light where the text is (the dark style's). */
static const StraitsColour *
any_curve_colour (StraitsMapRenderer *self)
{
  return self->style.casing_alpha >= 1 ? &self->style.halo : &self->style.text;
}

/* What the map's marks mean beyond their colour, for the marks @frame
 * draws: the curves' widths, their arrow heads, the events' dots by type
 * and the straits' highlight. */
static void
add_mark_entries (StraitsMapRenderer *self, StraitsMapFrame *frame, GArray *entries, GPtrArray *texts)
{
  g_autoptr(GArray) event_types = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (_straits_map_straits_shown (self, frame))
    g_array_append_val (entries, ((LegendEntry) { _("Turkish Straits (Bosporus, Marmara, Dardanelles)"),
                                                  &self->style.sea, FALSE, FALSE, G_MAXUINT, FALSE, SWATCH_STRAITS }));
  if (self->n_drawn_relations > 0)
    g_array_append_val (entries, ((LegendEntry) { _("Line width: strength 0.2 (thin) to 1 (thick)"),
                                                  any_curve_colour (self),
                                                  TRUE, FALSE, G_MAXUINT, FALSE, SWATCH_WIDTHS }));
  if (self->drawn_one_way)
    g_array_append_val (entries, ((LegendEntry) { _("One way: the arrow points to the second party"),
                                                  any_curve_colour (self), TRUE, FALSE, G_MAXUINT, FALSE, SWATCH_ONE_WAY,
                                                  TYPE_STRENGTH }));
  _straits_map_note_event_types (self, frame, event_types);
  for (guint i = 0; i < event_types->len; i++)
    {
      const StraitsTypeDef *t = straits_dataset_get_event_type (self->dataset, g_array_index (event_types, guint32, i));
      /* Translators: a legend entry for an event's dot, e.g. "Agreement (event)" */
      char *text = g_strdup_printf (_("%s (event)"), t->label);

      g_ptr_array_add (texts, text);
      g_array_append_val (entries, ((LegendEntry) { text, &t->colour, FALSE, FALSE, G_MAXUINT, FALSE, SWATCH_EVENT }));
    }
}

/* The colour a belt shows on the map, kept in @store until the legend is
 * drawn: the 6 and 12 nm swatches differ as the belts do. */
static const StraitsColour *
belt_swatch (StraitsMapRenderer *self, GPtrArray *store, StraitsMaritimePart country, int limit)
{
  StraitsColour shown = straits_maritime_overlay_swatch (country, (StraitsMaritimeLimit) limit, self->sea_limits,
                                                         &self->style.sea);
  StraitsColour *kept = g_memdup2 (&shown, sizeof shown);

  g_ptr_array_add (store, kept);
  return kept;
}

/* The territorial seas shown, with their shares of the Aegean, and the
 * credit their land data asks for wherever the results appear. */
static void
add_sea_entries (StraitsMapRenderer *self, GArray *entries, GPtrArray *texts)
{
  static const int nm[] = { 6, 12 };
  const StraitsSeaSplit *split = &self->sea_split;

  if (!straits_map_renderer_shows_territorial_seas (self))
    return;
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      char *text;

      if (!(self->sea_limits & (1u << l)))
        continue;
      /* Translators: a legend entry, e.g. "Greek territorial sea, 12 nm: 68.9 % of the Aegean" */
      text = g_strdup_printf (_("Greek territorial sea, %d nm: %.1f %% of the Aegean"), nm[l],
                              split->share_pct[l][STRAITS_MARITIME_GRC]);
      g_ptr_array_add (texts, text);
      g_array_append_val (entries, ((LegendEntry) { text, belt_swatch (self, texts, STRAITS_MARITIME_GRC, l),
                                                    FALSE, FALSE, G_MAXUINT }));
      text = g_strdup_printf (_("Turkish territorial sea, %d nm: %.1f %%"), nm[l],
                              split->share_pct[l][STRAITS_MARITIME_TUR]);
      g_ptr_array_add (texts, text);
      g_array_append_val (entries, ((LegendEntry) { text, belt_swatch (self, texts, STRAITS_MARITIME_TUR, l),
                                                    FALSE, FALSE, G_MAXUINT }));
      text = g_strdup_printf (_("High seas, %d nm limits: %.1f %%"), nm[l],
                              split->share_pct[l][STRAITS_MARITIME_HIGH_SEAS]);
      g_ptr_array_add (texts, text);
      g_array_append_val (entries, ((LegendEntry) { text, &self->style.sea, FALSE, FALSE, G_MAXUINT }));
    }
  g_array_append_val (entries, ((LegendEntry) { _("Median line (dashed)"), &self->style.text, TRUE, TRUE, G_MAXUINT }));
  /* A figure's credit line carries the credit (one credit line). */
  if (!self->footnote_marks)
    g_array_append_val (entries, ((LegendEntry) { _("Belts measured on land © OpenStreetMap contributors"), NULL,
                                                  FALSE, FALSE, G_MAXUINT }));
}

/* The badges of what is new or changed since a compared version, as
 * the map draws them, for the marks the frame shows. */
static void
add_change_entries (StraitsMapRenderer *self, GArray *entries, GPtrArray *texts)
{
  static const StraitsMapMark marks[] = { STRAITS_MAP_MARK_NEW, STRAITS_MAP_MARK_CHANGED };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      char *text = _straits_map_change_legend_text (self, marks[i]);

      if (text == NULL)
        continue;
      g_ptr_array_add (texts, text);
      g_array_append_val (entries, ((LegendEntry) { text, &self->style.text, FALSE, FALSE, G_MAXUINT,
                                                    .badge = marks[i] }));
    }
}

/* A name every reader of the view looks for: a named state's, a
 * capital's or a world city's (Istanbul). */
static gboolean
key_name (StraitsMapRenderer *self, const StraitsFeature *feature)
{
  if (feature->layer == STRAITS_LAYER_CITY)
    return feature->rank == 0 || (feature->flags & STRAITS_FEATURE_CAPITAL);
  return _straits_map_named_state (self, feature);
}

/* How many key names have their place under @r or so close to it that
 * their text would find no room beside it (a letter's height). */
static guint
key_names_under (StraitsMapRenderer *self, StraitsMapFrame *frame, const StraitsRect *under)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  double m = self->style.label_size * frame->unit;
  StraitsRect near = { under->x - m, under->y - m, under->width + 2 * m, under->height + 2 * m };
  const StraitsRect *r = &near;
  guint n = 0;

  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      double x, y, ox, oy;

      if (!key_name (self, straits_basemap_get_feature (basemap, f)))
        continue;
      straits_projected_map_get_label_point (self->map, f, &x, &y);
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, &ox, &oy);
      n += ox >= r->x && ox <= r->x + r->width && oy >= r->y && oy <= r->y + r->height;
    }
  return n;
}

/* A name's share of a legend's area, about: what a figure counts for each
 * key name the legend would push aside. */
#define NAME_SHARE 0.05

/* How much of what the map is about the legend would cover at @r: the
 * key names most (the countries every reader expects named, capitals,
 * Istanbul), then on a 6 x 6 grid of points those countries' land, other
 * land a quarter, sea nothing. */
static double
legend_cost (StraitsMapRenderer *self, StraitsMapFrame *frame, const StraitsRect *r)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (self->map);
  double cost = 0;

  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++)
      {
        double mx, my;
        int f;

        straits_viewport_to_map (&frame->vp, frame->width, frame->height, r->x + (i + 0.5) * r->width / 6,
                                 r->y + (j + 0.5) * r->height / 6, &mx, &my);
        f = straits_projected_map_feature_at (self->map, STRAITS_LAYER_COUNTRY, mx, my);
        if (f >= 0)
          cost += _straits_map_named_state (self, straits_basemap_get_feature (basemap, (guint) f)) ? 1 : 0.25;
        /* Never over the selection, if any corner can help it. */
        for (guint k = 0; f >= 0 && self->actor_features != NULL && k < self->selected_actors->len; k++)
          if (self->actor_features[g_array_index (self->selected_actors, guint32, k)] == f)
            cost += 20;
      }
  /* A name it would hide counts most. */
  return cost + 10 * key_names_under (self, frame, r);
}

/* The share of @r over land (any country or island), on a 12 x 12 grid
 * of points, and over key names: what a figure weighs against putting
 * the legend beside the map. */
static double
land_share (StraitsMapRenderer *self, StraitsMapFrame *frame, const StraitsRect *r)
{
  guint on_land = 0;

  for (int i = 0; i < 12; i++)
    for (int j = 0; j < 12; j++)
      {
        double mx, my;

        straits_viewport_to_map (&frame->vp, frame->width, frame->height, r->x + (i + 0.5) * r->width / 12,
                                 r->y + (j + 0.5) * r->height / 12, &mx, &my);
        if (straits_projected_map_feature_at (self->map, STRAITS_LAYER_COUNTRY, mx, my) >= 0 ||
            straits_projected_map_feature_at (self->map, STRAITS_LAYER_ISLAND, mx, my) >= 0)
          on_land++;
      }
  return MIN (1, on_land / 144.0 + NAME_SHARE * key_names_under (self, frame, r));
}

/* The legend's place: the bottom-left corner, unless the top-left or the
 * top-right covers clearly less of the map's subject (the EU view at A4
 * put it over Portugal). The bottom-right is the scale bar's. */
static StraitsRect
legend_corner (StraitsMapRenderer *self, StraitsMapFrame *frame, double width, double height)
{
  double margin = LEGEND_MARGIN * frame->unit;
  StraitsRect corners[] = {
    { margin, frame->height - height - margin, width, height },
    { margin, margin, width, height },
    { frame->width - width - margin, margin, width, height },
  };
  /* The choice costs about a hundred point-in-polygon tests: made again
   * when the frame's size, the zoom, the legend or the selection changes,
   * not for every frame of a pan (nor does the legend jump while panning). */
  double key[6] = { frame->width, frame->height, width, height, frame->vp.resolution,
                    self->selected_actors->len > 0 ? g_array_index (self->selected_actors, guint32, 0) + 1.0 : 0 };
  double best_cost;
  gboolean same = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (key); i++)
    same = same && key[i] == self->legend_key[i];
  if (same)
    return corners[self->legend_corner];
  memcpy (self->legend_key, key, sizeof key);
  self->legend_corner = 0;
  best_cost = legend_cost (self, frame, &corners[0]);
  for (guint i = 1; i < G_N_ELEMENTS (corners) && best_cost > 0; i++)
    {
      double cost = legend_cost (self, frame, &corners[i]);

      if (cost < best_cost - 2)
        {
          self->legend_corner = i;
          best_cost = cost;
        }
    }
  self->legend_share = land_share (self, frame, &corners[self->legend_corner]);
  return corners[self->legend_corner];
}

/* What the figure's other panel drew counts as drawn here: the one legend
 * of the two lists either's entries. */
static void
merge_partner (StraitsMapRenderer *self)
{
  StraitsMapRenderer *other = self->legend_partner;

  if (other == NULL || other->dataset != self->dataset)
    return;
  for (guint i = 0; i < other->drawn_groups->len; i++)
    _straits_map_note_drawn (self->drawn_groups, g_array_index (other->drawn_groups, guint32, i));
  for (guint i = 0; i < other->drawn_types->len; i++)
    _straits_map_note_drawn (self->drawn_types, g_array_index (other->drawn_types, guint32, i));
  self->drawn_hatched = self->drawn_hatched || other->drawn_hatched;
  self->drawn_one_way = self->drawn_one_way || other->drawn_one_way;
  self->drawn_adversarial = self->drawn_adversarial || other->drawn_adversarial;
  /* Asked on every pass over the legend: kept, not added up. */
  self->n_drawn_undated = MAX (self->n_drawn_undated, other->n_drawn_undated);
}

/* A legend laid out: its entries, the texts they point to, its size, in
 * as many columns as it takes to fit the height it has. */
typedef struct {
  GPtrArray *texts;
  GArray *entries;
  double pad, swatch, size, line_height, column_width, width, height;
  guint rows;
} Legend;

static void
legend_clear (Legend *l)
{
  g_clear_pointer (&l->entries, g_array_unref);
  g_clear_pointer (&l->texts, g_ptr_array_unref);
}

/* The legend folded to one line without a swatch, saying how many
 * entries it holds. */
static void
collapse (StraitsMapRenderer *self, Legend *l)
{
  guint n = l->entries->len;
  /* Translators: the map's legend folded to one line; a click unfolds it */
  char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Legend: %u entry (click to show)",
                                             "Legend: %u entries (click to show)", n), n);

  g_ptr_array_add (l->texts, text);
  g_array_set_size (l->entries, 0);
  g_array_append_val (l->entries, ((LegendEntry) { text, NULL, FALSE, FALSE, G_MAXUINT }));
}

/* The entries for what @frame draws, measured: in as many columns as
 * fit @max_width when it is not 0 (a strip), else as it takes to fit
 * @max_height; the first column filled first. FALSE when there are none. */
static gboolean
legend_prepare (StraitsMapRenderer *self, StraitsMapFrame *frame, double max_width, double max_height, Legend *l)
{
  guint columns = 1;
  gboolean adversarial;
  LegendEntry stance_entry = { _("Adversarial (dashed)"), any_curve_colour (self), TRUE, TRUE, G_MAXUINT, FALSE,
                               SWATCH_CURVE, TYPE_STRENGTH };
  /* Translators: a map legend entry: relations drawn dotted because the
   * dataset does not say whether they held at the map's date */
  LegendEntry undated_entry = { _("Date unknown (dotted)"), &self->style.text, TRUE, FALSE, G_MAXUINT,
                                .date_unknown = TRUE };

  *l = (Legend) { g_ptr_array_new_with_free_func (g_free), NULL, 6 * frame->unit, 8 * frame->unit,
                  self->style.small_label_size * frame->unit };
  if (self->dataset == NULL)
    return FALSE;
  merge_partner (self);
  l->entries = legend_entries (self, &adversarial, l->texts);
  if (adversarial && self->drawn_types->len > 0)
    g_array_append_val (l->entries, stance_entry);
  if (self->n_drawn_undated > 0)
    g_array_append_val (l->entries, undated_entry);
  add_mark_entries (self, frame, l->entries, l->texts);
  add_sea_entries (self, l->entries, l->texts);
  if (self->n_drawn_flows > 0 && self->flows_legend != NULL)
    g_array_append_val (l->entries, ((LegendEntry) { self->flows_legend, _straits_map_flow_colour (), TRUE, FALSE, G_MAXUINT }));
  add_change_entries (self, l->entries, l->texts);
  if (l->entries->len == 0)
    return FALSE;
  if (self->legend_collapsed)
    collapse (self, l);
  for (guint i = 0; i < l->entries->len; i++)
    {
      PangoLayout *layout = entry_layout (self, frame->cr, g_array_index (l->entries, LegendEntry, i).text, l->size);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      l->column_width = MAX (l->column_width, logical.width);
    }
  l->line_height = MAX (l->swatch, l->size * 1.35) + 2 * frame->unit;
  l->column_width += l->swatch * 1.6 + 3 * l->pad;
  if (max_width > 0)
    columns = CLAMP ((guint) (max_width / l->column_width), 1, l->entries->len);
  do
    {
      l->rows = (l->entries->len + columns - 1) / columns;
      l->height = l->rows * l->line_height + 2 * l->pad;
    }
  while (max_width <= 0 && l->height > max_height && l->rows > 1 && columns++ < l->entries->len);
  l->width = (l->entries->len + l->rows - 1) / l->rows * l->column_width;
  return TRUE;
}

/* Draws @l with its top-left corner at (@x, @y); notes its texts. */
static void
legend_paint (StraitsMapRenderer *self, StraitsMapFrame *frame, const Legend *l, double x, double y)
{
  cairo_t *cr = frame->cr;

  self->legend_rect = (StraitsRect) { x, y, l->width, l->height };
  self->has_legend = TRUE;
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, l->width, l->height);
  _straits_set_colour (cr, &self->style.halo);
  cairo_fill_preserve (cr);
  _straits_set_colour (cr, &self->style.border);
  cairo_set_line_width (cr, 0.6 * frame->unit);
  cairo_stroke (cr);

  for (guint i = 0; i < l->entries->len; i++)
    {
      const LegendEntry *e = &g_array_index (l->entries, LegendEntry, i);
      PangoLayout *layout = entry_layout (self, cr, e->text, l->size);
      PangoRectangle logical;
      double row = y + l->pad + (i % l->rows) * l->line_height, left = x + (i / l->rows) * l->column_width;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      g_ptr_array_add (self->legend_labels, g_strdup (e->text));
      if (e->colour != NULL)
        draw_swatch (self, frame, e, left + l->pad, row + (l->line_height - l->swatch) / 2 - frame->unit, l->swatch);
      cairo_move_to (cr, left + 2 * l->pad + l->swatch * 1.6, row + (l->line_height - logical.height) / 2 - frame->unit);
      _straits_set_colour (cr, &self->style.text);
      straits_text_show (cr, layout);
    }
}

void
_straits_map_place_legend (StraitsMapRenderer *self,
                           StraitsMapFrame    *frame)
{
  Legend l;

  if (legend_prepare (self, frame, 0, frame->height - 2 * LEGEND_MARGIN * frame->unit, &l))
    {
      self->legend_rect = legend_corner (self, frame, l.width, l.height);
      self->has_legend = TRUE;
      self->legend_beside = FALSE;
      straits_label_placer_block (frame->placer, &self->legend_rect);
    }
  legend_clear (&l);
}

void
_straits_map_draw_legend (StraitsMapRenderer *self,
                          StraitsMapFrame    *frame)
{
  StraitsRect place = self->legend_rect;
  Legend l;

  if (!self->has_legend)
    return;
  /* Made again now that the event dots are placed: one that found no
   * place is not listed, so the legend may come out shorter than its
   * place. It keeps to the place's corner. */
  if (legend_prepare (self, frame, 0, frame->height - 2 * LEGEND_MARGIN * frame->unit, &l))
    legend_paint (self, frame, &l, place.x, place.y + (place.y > frame->height / 2 ? place.height - l.height : 0));
  else
    self->has_legend = FALSE;
  legend_clear (&l);
}

double
straits_map_renderer_get_legend_land_share (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), 0);
  return self->has_legend && !self->legend_beside ? self->legend_share : 0;
}

gboolean
straits_map_renderer_measure_legend (StraitsMapRenderer    *self,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const StraitsViewport *viewport,
                                     double                 max_width,
                                     double                 max_height,
                                     double                *legend_width,
                                     double                *legend_height)
{
  StraitsMapFrame frame = { 0 };
  gboolean has_legend = self->has_legend;
  Legend l;
  gboolean any;

  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), FALSE);
  g_return_val_if_fail (self->map != NULL, FALSE);
  _straits_map_frame_init (&frame, self, cr, width, height, viewport);
  /* The events under a legend in the map are not left out here. */
  self->has_legend = FALSE;
  any = legend_prepare (self, &frame, max_width, max_height, &l);
  self->has_legend = has_legend;
  *legend_width = any ? l.width : 0;
  *legend_height = any ? l.height : 0;
  legend_clear (&l);
  return any;
}

void
straits_map_renderer_draw_legend_beside (StraitsMapRenderer    *self,
                                         cairo_t               *cr,
                                         double                 width,
                                         double                 height,
                                         const StraitsViewport *viewport,
                                         double                 x,
                                         double                 y,
                                         double                 max_width,
                                         double                 max_height)
{
  StraitsMapFrame frame = { 0 };
  Legend l;

  g_return_if_fail (STRAITS_IS_MAP_RENDERER (self));
  g_return_if_fail (self->map != NULL);
  _straits_map_frame_init (&frame, self, cr, width, height, viewport);
  self->has_legend = FALSE;
  g_ptr_array_set_size (self->legend_labels, 0);
  if (legend_prepare (self, &frame, max_width, max_height, &l))
    {
      legend_paint (self, &frame, &l, x, y);
      self->legend_beside = TRUE;
    }
  legend_clear (&l);
}
