/* straits-map-changes.c: what changed since a compared version, marked
 *
 * A relation or actor that is new since the compared version, or whose
 * fields changed, gets a badge: a relation at its curve's middle (over a
 * halo along the curve), an actor as a ring round its anchor. The legend
 * draws the same badge (_straits_map_paint_change_badge) beside its text.
 * Items are matched by id, as the diff matches them, so the marks follow
 * the dataset shown whatever its order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "straits-dataset-diff.h"
#include "straits-map-renderer-private.h"

/* GNOME's green 4 and orange 4: apart from the relation types' colours
 * of the bundled dataset, and from each other for red-green deficiency
 * (the badges differ in their glyph too). */
static const StraitsColour new_colour = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 };
static const StraitsColour changed_colour = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 };

static const StraitsColour *
mark_colour (StraitsMapMark mark)
{
  return mark == STRAITS_MAP_MARK_NEW ? &new_colour : &changed_colour;
}

void
_straits_map_changes_free (StraitsMapRenderer *self)
{
  g_clear_pointer (&self->changed_relations, g_hash_table_unref);
  g_clear_pointer (&self->changed_actors, g_hash_table_unref);
  g_clear_pointer (&self->changes_since, g_free);
}

/* Keeps the ids of the relations and actors added or changed (copies:
 * the diff may go before the next frame). */
void
_straits_map_renderer_set_changes (StraitsMapRenderer *self,
                                   GPtrArray          *changes,
                                   const char         *since)
{
  _straits_map_changes_free (self);
  if (changes == NULL)
    return;
  self->changed_relations = straits_diff_changed_ids (changes, "relation");
  self->changed_actors = straits_diff_changed_ids (changes, "actor");
  self->changes_since = g_strdup (since);
}

static StraitsMapMark
mark_of (GHashTable *table, const char *id)
{
  StraitsDiffChange change;

  if (table == NULL || id == NULL)
    return STRAITS_MAP_MARK_NONE;
  change = GPOINTER_TO_UINT (g_hash_table_lookup (table, id));
  return change == STRAITS_DIFF_ADDED ? STRAITS_MAP_MARK_NEW
         : change == STRAITS_DIFF_CHANGED ? STRAITS_MAP_MARK_CHANGED : STRAITS_MAP_MARK_NONE;
}

StraitsMapMark
_straits_map_relation_mark (StraitsMapRenderer    *self,
                            const StraitsRelation *r)
{
  return mark_of (self->changed_relations, r->id);
}

static void
note_mark (StraitsMapRenderer *self, StraitsMapMark mark)
{
  if (mark == STRAITS_MAP_MARK_NEW)
    self->n_drawn_new++;
  else if (mark == STRAITS_MAP_MARK_CHANGED)
    self->n_drawn_changed++;
}

/* Strokes the current path wide in the mark's colour, under the curve
 * drawn next: a long curve shows its mark along its length. */
void
_straits_map_stroke_change_halo (StraitsMapRenderer *self,
                                 StraitsMapFrame    *frame,
                                 StraitsMapMark      mark,
                                 double              width)
{
  const StraitsColour *c = mark_colour (mark);

  cairo_set_source_rgba (frame->cr, c->r, c->g, c->b, 0.55);
  cairo_set_line_width (frame->cr, width + 5 * frame->unit);
  cairo_stroke (frame->cr);
}

/* The badge centred at (@x, @y), @radius across: a disc in the mark's
 * colour with a white "+" (new) or a white dot (changed), ringed in
 * @halo so that it reads over any fill. */
void
_straits_map_paint_change_badge (cairo_t             *cr,
                                 StraitsMapMark       mark,
                                 double               x,
                                 double               y,
                                 double               radius,
                                 const StraitsColour *halo)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  _straits_set_colour (cr, mark_colour (mark));
  cairo_fill_preserve (cr);
  _straits_set_colour (cr, halo);
  cairo_set_line_width (cr, radius * 0.25);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  if (mark == STRAITS_MAP_MARK_NEW)
    {
      cairo_move_to (cr, x - radius * 0.55, y);
      cairo_line_to (cr, x + radius * 0.55, y);
      cairo_move_to (cr, x, y - radius * 0.55);
      cairo_line_to (cr, x, y + radius * 0.55);
      cairo_set_line_width (cr, radius * 0.3);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, x, y, radius * 0.35, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
_straits_map_draw_change_badge (StraitsMapRenderer *self,
                                StraitsMapFrame    *frame,
                                StraitsMapMark      mark,
                                double              x,
                                double              y)
{
  _straits_map_paint_change_badge (frame->cr, mark, x, y, 4.5 * frame->unit, &self->style.halo);
  note_mark (self, mark);
}

/* Actors new or changed: a ring round the anchor, with the badge on it. */
void
_straits_map_draw_changed_actors (StraitsMapRenderer *self,
                                  StraitsMapFrame    *frame)
{
  cairo_t *cr = frame->cr;

  if (self->changed_actors == NULL || self->dataset == NULL)
    return;
  for (guint32 i = 0; i < straits_dataset_get_n_actors (self->dataset); i++)
    {
      StraitsMapMark mark = mark_of (self->changed_actors, straits_dataset_get_actor (self->dataset, i)->id);
      double x, y, r = 9 * frame->unit;

      if (mark == STRAITS_MAP_MARK_NONE || !straits_map_renderer_get_actor_anchor (self, i, &x, &y))
        continue;
      straits_viewport_to_output (&frame->vp, frame->width, frame->height, x, y, &x, &y);
      if (x < -r || y < -r || x > frame->width + r || y > frame->height + r)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      _straits_set_colour (cr, &self->style.halo);
      cairo_set_line_width (cr, 3.6 * frame->unit);
      cairo_stroke_preserve (cr);
      _straits_set_colour (cr, mark_colour (mark));
      cairo_set_line_width (cr, 2 * frame->unit);
      cairo_stroke (cr);
      _straits_map_draw_change_badge (self, frame, mark, x + r * 0.71, y - r * 0.71);
    }
}

/* The legend's text for @mark, or NULL when the frame shows none. */
char *
_straits_map_change_legend_text (StraitsMapRenderer *self,
                                 StraitsMapMark      mark)
{
  guint n = mark == STRAITS_MAP_MARK_NEW ? self->n_drawn_new : self->n_drawn_changed;
  const char *since = self->changes_since != NULL ? self->changes_since : "";

  if (n == 0)
    return NULL;
  if (mark == STRAITS_MAP_MARK_NEW)
    /* Translators: a legend entry; %s is the version compared with, e.g. "1.0 (2025-03-01)" */
    return g_strdup_printf (_("New since %s"), since);
  /* Translators: a legend entry; %s is the version compared with, e.g. "1.0 (2025-03-01)" */
  return g_strdup_printf (_("Changed since %s"), since);
}
