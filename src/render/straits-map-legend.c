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

typedef struct {
  const char *text;
  const StraitsColour *colour;
  gboolean line;
  gboolean dashed;
  guint pattern; /* G_MAXUINT: none */
  gboolean hatched; /* as the disputed and occupied areas */
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

  /* Groups in the grouping's order, then the pseudo-groups. */
  for (guint k = 0; grouping != NULL && k < grouping->n_groups; k++)
    for (guint i = 0; i < self->drawn_groups->len; i++)
      if (g_array_index (self->drawn_groups, guint32, i) == k)
        g_array_append_val (entries, ((LegendEntry) { grouping->groups[k].label,
                                                      &grouping->groups[k].colour, FALSE, FALSE, k }));
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

  *adversarial = FALSE;
  for (guint i = 0; i < self->drawn_types->len; i++)
    {
      const StraitsTypeDef *t = straits_dataset_get_relation_type (self->dataset,
                                                                   g_array_index (self->drawn_types, guint32, i));
      const char *text = t->label;

      if (t->from_role != NULL)
        {
          /* Translators: a relation type in the legend with the roles of
           * its ends, e.g. "Procurement (seller → buyer)" */
          text = g_strdup_printf (_("%s (%s → %s)"), t->label, t->from_role, t->to_role);
          g_ptr_array_add (texts, (gpointer) text);
        }
      g_array_append_val (entries, ((LegendEntry) { text, &t->colour, TRUE,
                                                    type_always_adversarial (self, g_array_index (self->drawn_types, guint32, i)),
                                                    G_MAXUINT }));
    }
  for (guint32 i = 0; i < straits_dataset_get_n_relations (self->dataset) && !*adversarial; i++)
    *adversarial = straits_dataset_get_relation (self->dataset, i)->stance == STRAITS_STANCE_ADVERSARIAL;
  return entries;
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
  g_array_append_val (entries, ((LegendEntry) { _("Belts measured on land © OpenStreetMap contributors"), NULL,
                                                FALSE, FALSE, G_MAXUINT }));
}

/* How much of what the map is about the legend would cover at @r: the
 * names of the countries every reader expects named most, then on a 6 x 6
 * grid of points those countries' land, other land a quarter, sea nothing. */
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
  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      double x, y, ox, oy;

      if (!_straits_map_named_state (self, straits_basemap_get_feature (basemap, f)))
        continue;
      straits_projected_map_get_label_point (self->map, f, &x, &y);
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, &ox, &oy);
      if (ox >= r->x && ox <= r->x + r->width && oy >= r->y && oy <= r->y + r->height)
        cost += 10;
    }
  return cost;
}

/* The legend's place: the bottom-left corner, unless the top-left or the
 * top-right covers clearly less of the map's subject (the EU view at A4
 * put it over Portugal). The bottom-right is the scale bar's. */
static StraitsRect
legend_corner (StraitsMapRenderer *self, StraitsMapFrame *frame, double width, double height)
{
  double margin = 10 * frame->unit;
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
}

void
_straits_map_draw_legend (StraitsMapRenderer *self,
                          StraitsMapFrame    *frame)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) entries = NULL;
  gboolean adversarial;
  double pad = 6 * frame->unit, swatch = 8 * frame->unit, line_height, width = 0, height, x, y;
  double size = self->style.small_label_size * frame->unit;
  cairo_t *cr = frame->cr;
  LegendEntry stance_entry = { _("Adversarial (dashed)"), &self->style.text, TRUE, TRUE, G_MAXUINT };

  if (self->dataset == NULL)
    return;
  merge_partner (self);
  entries = legend_entries (self, &adversarial, texts);
  if (adversarial && self->drawn_types->len > 0)
    g_array_append_val (entries, stance_entry);
  add_sea_entries (self, entries, texts);
  if (self->n_drawn_flows > 0 && self->flows_legend != NULL)
    g_array_append_val (entries, ((LegendEntry) { self->flows_legend, _straits_map_flow_colour (), TRUE, FALSE, G_MAXUINT }));
  if (entries->len == 0)
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      PangoLayout *layout = _straits_map_layout (self, cr, g_array_index (entries, LegendEntry, i).text,
                                                 size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      width = MAX (width, logical.width);
    }
  line_height = MAX (swatch, size * 1.35) + 2 * frame->unit;
  width += swatch * 1.6 + 3 * pad;
  height = entries->len * line_height + 2 * pad;
  self->legend_rect = legend_corner (self, frame, width, height);
  x = self->legend_rect.x;
  y = self->legend_rect.y;
  self->has_legend = TRUE;
  straits_label_placer_block (frame->placer, &self->legend_rect);

  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  _straits_set_colour (cr, &self->style.halo);
  cairo_fill_preserve (cr);
  _straits_set_colour (cr, &self->style.border);
  cairo_set_line_width (cr, 0.6 * frame->unit);
  cairo_stroke (cr);

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      PangoLayout *layout = _straits_map_layout (self, cr, e->text, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
      PangoRectangle logical;
      double row = y + pad + i * line_height;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      g_ptr_array_add (self->legend_labels, g_strdup (e->text));
      if (e->colour != NULL)
        draw_swatch (self, frame, e, x + pad, row + (line_height - swatch) / 2 - frame->unit, swatch);
      cairo_move_to (cr, x + 2 * pad + swatch * 1.6, row + (line_height - logical.height) / 2 - frame->unit);
      _straits_set_colour (cr, &self->style.text);
      straits_text_show (cr, layout);
    }
}
