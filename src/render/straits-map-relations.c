/* straits-map-relations.c: the relation curves, drawn and picked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "straits-map-renderer-private.h"

static gboolean
type_shown (StraitsMapRenderer *self, guint32 type)
{
  /* An empty filter shows no type: its data may be NULL, which the
   * helper reads as every type. */
  if (self->relation_types == NULL)
    return TRUE;
  return self->relation_types->len > 0 &&
         straits_relation_types_include ((const guint32 *) (gpointer) self->relation_types->data,
                                         self->relation_types->len, type);
}

/* Regional views show the relations within the region: a curve to an
 * actor far outside it (Sweden, seen from the Aegean) says nothing the
 * view is about and hides what it is. */
static gboolean
anchor_in_region (StraitsMapRenderer *self, double x, double y)
{
  StraitsBox e = straits_projected_map_get_extent (self->map);
  double mx = (e.x1 - e.x0) * 0.15, my = (e.y1 - e.y0) * 0.15;

  if (!straits_projected_map_get_region (self->map)->detailed)
    return TRUE;
  return x >= e.x0 - mx && x <= e.x1 + mx && y >= e.y0 - my && y <= e.y1 + my;
}

gboolean
straits_map_renderer_relation_in_region (StraitsMapRenderer *self,
                                         guint32             relation)
{
  const StraitsRelation *r;
  double ax, ay, bx, by;

  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), FALSE);
  if (self->dataset == NULL || self->map == NULL || relation >= straits_dataset_get_n_relations (self->dataset))
    return FALSE;
  r = straits_dataset_get_relation (self->dataset, relation);
  return straits_map_renderer_get_actor_anchor (self, r->from, &ax, &ay) &&
         straits_map_renderer_get_actor_anchor (self, r->to, &bx, &by) &&
         anchor_in_region (self, ax, ay) && anchor_in_region (self, bx, by);
}

static void
arrow_path (cairo_t *cr, double tx, double ty, double fx, double fy, double size)
{
  double angle = atan2 (ty - fy, tx - fx);

  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx - size * cos (angle - 0.45), ty - size * sin (angle - 0.45));
  cairo_line_to (cr, tx - size * cos (angle + 0.45), ty - size * sin (angle + 0.45));
  cairo_close_path (cr);
}

static void
arrow_head (cairo_t *cr, double tx, double ty, double fx, double fy, double size)
{
  arrow_path (cr, tx, ty, fx, fy, size);
  cairo_fill (cr);
}

typedef struct {
  double ax, ay, cx, cy, bx, by; /* output units: ends and the control point */
} Curve;

/* A quadratic curve bowing to the left of a → b, the @nth of @n between
 * one pair: alone, a gentle arc; several fan out evenly on both sides of
 * the straight line between them (the outermost bowing no more than
 * 0.45 of their length), so that none hides another and the fan is the
 * same whichever way it is read. */
static Curve
curve_between (double ax, double ay, double bx, double by, guint nth, guint n, gboolean reversed)
{
  double mx = (ax + bx) / 2, my = (ay + by) / 2;
  double dx = bx - ax, dy = by - ay;
  /* Sides are taken in the pair's own order, so that a → b and b → a
   * bow apart rather than onto one curve. */
  double step = n > 1 ? MIN (0.24, 0.9 / (n - 1)) : 0;
  double bow = (n == 1 ? 0.18 : (nth - (n - 1) / 2.0) * step) * (reversed ? -1 : 1);
  Curve c = { ax, ay, mx - dy * bow, my + dx * bow, bx, by };

  return c;
}

static void curve_point (const Curve *c, double t, double *x, double *y);

static void
path_curve (cairo_t *cr, const Curve *c)
{
  cairo_move_to (cr, c->ax, c->ay);
  cairo_curve_to (cr,
                  c->ax + 2.0 / 3 * (c->cx - c->ax), c->ay + 2.0 / 3 * (c->cy - c->ay),
                  c->bx + 2.0 / 3 * (c->cx - c->bx), c->by + 2.0 / 3 * (c->cy - c->by),
                  c->bx, c->by);
}

/* The adversarial types' dashes, in units, by rank: dash (the one every
 * adversarial curve had), dash-dot, short dash, long dash, dash-dot-dot,
 * then again. Each shows at least one whole period in the legend's
 * swatch, 12.8 units long; the short dash stays longer than a dot, which
 * says the date is unknown. */
static const struct {
  guint n;
  double lengths[6];
} relation_dashes[] = {
  { 2, { 5, 3 } },
  { 4, { 4, 1.5, 1, 1.5 } },
  { 2, { 2, 1.5 } },
  { 2, { 8, 2 } },
  { 6, { 3, 1.2, 1, 1.2, 1, 1.2 } },
};

/* Each relation type's rank among those with adversarial relations
 * (G_MAXUINT: none), in the dataset's order of types. */
static GArray *
adversarial_ranks (StraitsDataset *dataset)
{
  guint n = straits_dataset_get_n_relation_types (dataset), rank = 0;
  GArray *ranks = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autofree gboolean *adversarial = g_new0 (gboolean, n);

  for (guint i = 0; i < straits_dataset_get_n_relations (dataset); i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, i);

      if (r->stance == STRAITS_STANCE_ADVERSARIAL && r->type < n)
        adversarial[r->type] = TRUE;
    }
  for (guint t = 0; t < n; t++)
    {
      guint value = adversarial[t] ? rank++ : G_MAXUINT;

      g_array_append_val (ranks, value);
    }
  return ranks;
}

guint
_straits_map_relation_dash (StraitsMapRenderer *self,
                            guint32             type)
{
  guint rank;

  if (self->dataset == NULL)
    return 0;
  if (self->adversarial_ranks == NULL)
    self->adversarial_ranks = adversarial_ranks (self->dataset);
  rank = type < self->adversarial_ranks->len ? g_array_index (self->adversarial_ranks, guint, type) : G_MAXUINT;
  return rank == G_MAXUINT ? 0 : rank % G_N_ELEMENTS (relation_dashes);
}

void
_straits_map_stroke_relation (cairo_t             *cr,
                              const StraitsColour *colour,
                              double               alpha,
                              double               width,
                              double               unit,
                              guint                dash,
                              gboolean             date_unknown)
{
  /* Round dots a little more than their width apart: unlike the dashes
   * of an adversarial relation, which it overrides, since whether the
   * relation held at that date is what the map does not know. */
  const double dots[] = { 0, width + 2.5 * unit };

  if (date_unknown)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dots, 2, 0);
    }
  else if (dash != STRAITS_MAP_SOLID)
    {
      double dashes[G_N_ELEMENTS (relation_dashes[0].lengths)];
      guint k = dash % G_N_ELEMENTS (relation_dashes);

      for (guint i = 0; i < relation_dashes[k].n; i++)
        dashes[i] = relation_dashes[k].lengths[i] * unit;
      cairo_set_dash (cr, dashes, relation_dashes[k].n, 0);
    }
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

double
_straits_map_relation_width (StraitsMapFrame *frame, double strength)
{
  return (0.8 + 2.6 * strength) * frame->unit;
}

/* A curve as the map draws it: on the style's casing, which keeps it
 * legible over any fill, in its type's dashes when adversarial, dotted when its date is unknown, with an
 * arrow head at its end when it goes one way. The legend's samples are
 * drawn by it too. */
static void
stroke_curve (StraitsMapRenderer  *self,
              StraitsMapFrame     *frame,
              const Curve         *c,
              const StraitsColour *colour,
              double               width,
              double               alpha,
              guint                dash,
              gboolean             date_unknown,
              gboolean             arrow)
{
  cairo_t *cr = frame->cr;

  path_curve (cr, c);
  cairo_set_source_rgba (cr, self->style.casing.r, self->style.casing.g, self->style.casing.b,
                         alpha * self->style.casing_alpha);
  cairo_set_line_width (cr, width + 1.6 * frame->unit);
  cairo_stroke (cr);

  path_curve (cr, c);
  _straits_map_stroke_relation (cr, colour, alpha, width, frame->unit, dash, date_unknown);

  if (!arrow)
    return;
  if (self->style.casing_alpha >= 1)
    {
      /* Cased as the curve is, or a dark head vanishes over dark land. */
      arrow_path (cr, c->bx, c->by, c->cx, c->cy, 5 + width);
      cairo_set_source_rgba (cr, self->style.casing.r, self->style.casing.g, self->style.casing.b, alpha);
      cairo_set_line_width (cr, 1.6 * frame->unit);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, alpha);
    }
  arrow_head (cr, c->bx, c->by, c->cx, c->cy, (5 + width) * 1.0);
}

void
_straits_map_draw_relation_sample (StraitsMapRenderer  *self,
                                   StraitsMapFrame     *frame,
                                   double               x0,
                                   double               x1,
                                   double               y,
                                   const StraitsColour *colour,
                                   double               strength,
                                   guint                dash,
                                   gboolean             arrow)
{
  Curve c = { x0, y, (x0 + x1) / 2, y, x1, y };

  stroke_curve (self, frame, &c, colour, _straits_map_relation_width (frame, strength), 0.9, dash, FALSE, arrow);
}

static void
draw_relation (StraitsMapRenderer    *self,
               StraitsMapFrame       *frame,
               const StraitsRelation *r,
               guint32                index,
               const Curve           *c,
               gboolean               dimmed,
               gboolean               date_unknown)
{
  const StraitsColour *colour = &straits_dataset_get_relation_type (self->dataset, r->type)->colour;
  gboolean emphasised = index == self->selected_relation || index == self->hover_relation;
  double width = _straits_map_relation_width (frame, r->strength) * (emphasised ? 1.8 : 1);
  StraitsMapMark mark = _straits_map_relation_mark (self, r);

  if (mark != STRAITS_MAP_MARK_NONE)
    {
      path_curve (frame->cr, c);
      _straits_map_stroke_change_halo (self, frame, mark, width);
    }
  stroke_curve (self, frame, c, colour, width, dimmed ? 0.22 : 0.9,
                r->stance == STRAITS_STANCE_ADVERSARIAL ? _straits_map_relation_dash (self, r->type) : STRAITS_MAP_SOLID,
                date_unknown, !r->mutual);
  if (mark != STRAITS_MAP_MARK_NONE)
    {
      double mx, my;

      curve_point (c, 0.5, &mx, &my);
      _straits_map_draw_change_badge (self, frame, mark, mx, my);
    }
}

/* Where @r stands at the map's date (active at all dates). */
static StraitsTimeState
relation_state (StraitsMapRenderer *self, const StraitsRelation *r)
{
  return straits_relation_state_at (r, _straits_map_time (self));
}

/* The ends of @r's curve in output units (its control point between
 * them, until the pair's fan is known), or FALSE when the view does not
 * show it: a type not shown, not yet begun or ended at the time (a
 * relation of unknown date is shown, in its own style), an end outside the
 * region, or too short to see. */
static gboolean
relation_curve (StraitsMapRenderer    *self,
                double                 width,
                double                 height,
                const StraitsViewport *vp,
                const StraitsRelation *r,
                Curve                 *c)
{
  double ax, ay, bx, by;
  StraitsTimeState state;

  if (!type_shown (self, r->type))
    return FALSE;
  state = relation_state (self, r);
  if (state == STRAITS_TIME_NOT_YET || state == STRAITS_TIME_ENDED)
    return FALSE;
  if (!straits_map_renderer_get_actor_anchor (self, r->from, &ax, &ay) ||
      !straits_map_renderer_get_actor_anchor (self, r->to, &bx, &by) ||
      !anchor_in_region (self, ax, ay) || !anchor_in_region (self, bx, by))
    return FALSE;
  straits_viewport_to_output (vp, width, height, ax, ay, &ax, &ay);
  straits_viewport_to_output (vp, width, height, bx, by, &bx, &by);
  if (hypot (bx - ax, by - ay) < 2 * self->style.scale)
    return FALSE;
  *c = (Curve) { ax, ay, (ax + bx) / 2, (ay + by) / 2, bx, by };
  return TRUE;
}

/* Hubs ----------------------------------------------------------------------- */

/* An actor with this many curve ends in the frame is a hub (Turkey in the
 * EU view has about twenty): its curves end on ports around it instead of
 * on one point, where they could not be told apart or counted and would
 * bury its name. */
#define HUB_MIN_ENDS 4
/* The ports' ring, in units, and the least angle between two ports. */
#define HUB_RADIUS 14.0
#define HUB_MIN_GAP 0.32

typedef struct {
  guint32 index;    /* the relation */
  gint64 pair;      /* its two actors, in either order */
  Curve c;
} PlacedCurve;

typedef struct {
  guint curve;      /* in the placed curves */
  gboolean at_b;    /* its "to" end, else its "from" end */
  double angle;     /* towards the curve's control point */
} HubEnd;

static int
compare_hub_ends (gconstpointer a, gconstpointer b)
{
  double d = ((const HubEnd *) a)->angle - ((const HubEnd *) b)->angle;

  return d < 0 ? -1 : d > 0;
}

/* Pushes sorted angles apart to at least @gap, around the circle,
 * keeping their order. */
static void
spread_angles (HubEnd *ends, guint n, double gap)
{
  for (int pass = 0; pass < 40; pass++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n; i++)
        {
          HubEnd *a = &ends[i], *b = &ends[(i + 1) % n];
          double between = b->angle - a->angle + (i + 1 == n ? 2 * G_PI : 0);

          if (between < gap - 1e-6)
            {
              a->angle -= (gap - between) / 2;
              b->angle += (gap - between) / 2;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }
}

/* Ends within this many units of a hub's centre share its ring: actors
 * placed at or next to one point (a company at its country's anchor). */
#define HUB_MERGE 3.0

typedef struct {
  double x, y;      /* the ring's centre */
  GArray *ends;     /* HubEnd */
} Hub;

static void
clear_hub (gpointer data)
{
  g_array_unref (((Hub *) data)->ends);
}

static void
add_hub_end (GArray *hubs, double merge, guint curve, gboolean at_b, double x, double y, const Curve *c)
{
  HubEnd end = { curve, at_b, atan2 (c->cy - y, c->cx - x) };
  Hub *hub = NULL;

  for (guint i = 0; i < hubs->len && hub == NULL; i++)
    if (hypot (g_array_index (hubs, Hub, i).x - x, g_array_index (hubs, Hub, i).y - y) <= merge)
      hub = &g_array_index (hubs, Hub, i);
  if (hub == NULL)
    {
      g_array_append_val (hubs, ((Hub) { x, y, g_array_new (FALSE, FALSE, sizeof (HubEnd)) }));
      hub = &g_array_index (hubs, Hub, hubs->len - 1);
    }
  g_array_append_val (hub->ends, end);
}

/* Moves the curves' ends at each hub onto ports on a ring around it,
 * ordered by the bearing the curves leave at, so that they do not cross
 * there. */
static void
place_hub_ports (StraitsMapRenderer *self, GArray *curves, double width, double height)
{
  g_autoptr(GArray) hubs = g_array_new (FALSE, FALSE, sizeof (Hub));
  double radius = HUB_RADIUS * self->style.scale, merge = HUB_MERGE * self->style.scale;

  g_array_set_clear_func (hubs, clear_hub);
  for (guint k = 0; k < curves->len; k++)
    {
      const Curve *c = &g_array_index (curves, PlacedCurve, k).c;

      if (c->ax >= 0 && c->ay >= 0 && c->ax <= width && c->ay <= height)
        add_hub_end (hubs, merge, k, FALSE, c->ax, c->ay, c);
      if (c->bx >= 0 && c->by >= 0 && c->bx <= width && c->by <= height)
        add_hub_end (hubs, merge, k, TRUE, c->bx, c->by, c);
    }
  for (guint h = 0; h < hubs->len; h++)
    {
      const Hub *hub = &g_array_index (hubs, Hub, h);
      GArray *ends = hub->ends;

      if (ends->len < HUB_MIN_ENDS)
        continue;
      g_array_sort (ends, compare_hub_ends);
      spread_angles ((HubEnd *) (gpointer) ends->data, ends->len, MIN (HUB_MIN_GAP, 2 * G_PI / ends->len));
      for (guint i = 0; i < ends->len; i++)
        {
          const HubEnd *e = &g_array_index (ends, HubEnd, i);
          Curve *c = &g_array_index (curves, PlacedCurve, e->curve).c;

          *(e->at_b ? &c->bx : &c->ax) = hub->x + radius * cos (e->angle);
          *(e->at_b ? &c->by : &c->ay) = hub->y + radius * sin (e->angle);
        }
    }
}

/* The curves of every relation the view shows at @width x @height and
 * @vp, in the dataset's order, hubs' ends on their ports: what is drawn
 * and what is picked. (transfer full): PlacedCurve */
static GArray *
layout_curves (StraitsMapRenderer *self, double width, double height, const StraitsViewport *vp)
{
  guint n = straits_dataset_get_n_relations (self->dataset);
  GArray *curves = g_array_sized_new (FALSE, FALSE, sizeof (PlacedCurve), 64);
  GHashTable *totals = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTable *seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint32 i = 0; i < n; i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, i);
      PlacedCurve p = { i, ((gint64) MIN (r->from, r->to) << 32) | MAX (r->from, r->to) };

      if (relation_curve (self, width, height, vp, r, &p.c))
        g_array_append_val (curves, p);
    }
  /* The array no longer moves: its keys can be the tables' keys. */
  for (guint k = 0; k < curves->len; k++)
    {
      gint64 *pair = &g_array_index (curves, PlacedCurve, k).pair;

      g_hash_table_insert (totals, pair, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (totals, pair)) + 1));
    }
  for (guint k = 0; k < curves->len; k++)
    {
      PlacedCurve *p = &g_array_index (curves, PlacedCurve, k);
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, p->index);
      guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, &p->pair));

      g_hash_table_insert (seen, &p->pair, GUINT_TO_POINTER (nth + 1));
      p->c = curve_between (p->c.ax, p->c.ay, p->c.bx, p->c.by, nth,
                            GPOINTER_TO_UINT (g_hash_table_lookup (totals, &p->pair)), r->from > r->to);
    }
  g_hash_table_unref (totals);
  g_hash_table_unref (seen);
  place_hub_ports (self, curves, width, height);
  return curves;
}

/* With one actor selected, its relations stand out; with a pair, the
 * relations between the two. */
static gboolean
relation_selected (StraitsMapRenderer    *self,
                   const StraitsRelation *r)
{
  guint n = self->selected_actors->len;

  if (n == 1)
    return _straits_map_actor_selected (self, r->from) || _straits_map_actor_selected (self, r->to);
  if (n >= 2)
    return _straits_map_actor_selected (self, r->from) && _straits_map_actor_selected (self, r->to);
  return FALSE;
}

static void
curve_point (const Curve *c, double t, double *x, double *y)
{
  _straits_map_quad_point ((double[6]) { c->ax, c->ay, c->cx, c->cy, c->bx, c->by }, t, x, y);
}

static gboolean
in_frame (StraitsMapFrame *frame, double x, double y)
{
  return x >= 0 && x <= frame->width && y >= 0 && y <= frame->height;
}

/* Whether the curve leaves the frame over @actor's own land: the reader
 * sees where it goes (Turkey below the Black Sea, Ukraine above it). */
static gboolean
leaves_over (StraitsMapRenderer *self, StraitsMapFrame *frame, double x, double y, guint32 actor)
{
  int f = self->actor_features != NULL ? self->actor_features[actor] : -1;
  double mx, my;

  if (f < 0)
    return FALSE;
  straits_viewport_to_map (&frame->vp, frame->width, frame->height, x, y, &mx, &my);
  return straits_projected_map_feature_at (self->map, STRAITS_LAYER_COUNTRY, mx, my) == f;
}

/* Where the curve crosses the frame's edge between @t_in (inside) and
 * @t_out (outside). */
static double
crossing (StraitsMapFrame *frame, const Curve *c, double t_in, double t_out)
{
  for (int i = 0; i < 24; i++)
    {
      double t = (t_in + t_out) / 2, x, y;

      curve_point (c, t, &x, &y);
      if (in_frame (frame, x, y))
        t_in = t;
      else
        t_out = t;
    }
  return t_in;
}

static void
note_partner (StraitsMapRenderer *self, double x, double y, guint32 actor, gboolean over_own_land)
{
  StraitsEdgePartner partner = { x, y, actor, over_own_land };

  for (guint i = 0; i < self->edge_partners->len; i++)
    if (g_array_index (self->edge_partners, StraitsEdgePartner, i).actor == actor)
      return;
  g_array_append_val (self->edge_partners, partner);
}

/* A curve with an end outside the frame: where it leaves, an arrow when
 * it goes on to its "to" end (unless it leaves over that actor's land),
 * and the actor's name, noted for the labels' pass, so that no curve ends
 * nowhere. */
static void
mark_partners_outside (StraitsMapRenderer    *self,
                       StraitsMapFrame       *frame,
                       const StraitsRelation *r,
                       const Curve           *c)
{
  gboolean a_out = !in_frame (frame, c->ax, c->ay), b_out = !in_frame (frame, c->bx, c->by);
  double first = -1, last = -1, x, y, px, py;

  if (!a_out && !b_out)
    return;
  /* The part inside the frame, by 64 samples. */
  for (int i = 0; i <= 64; i++)
    {
      curve_point (c, i / 64.0, &x, &y);
      if (in_frame (frame, x, y))
        {
          if (first < 0)
            first = i / 64.0;
          last = i / 64.0;
        }
    }
  if (first < 0)
    return;
  if (a_out)
    {
      curve_point (c, crossing (frame, c, first, MAX (0, first - 1 / 64.0)), &x, &y);
      note_partner (self, x, y, r->from, leaves_over (self, frame, x, y, r->from));
    }
  if (b_out)
    {
      double t = crossing (frame, c, last, MIN (1, last + 1 / 64.0));

      curve_point (c, t, &x, &y);
      if (!r->mutual && !leaves_over (self, frame, x, y, r->to))
        {
          curve_point (c, MAX (0, t - 0.02), &px, &py);
          arrow_head (frame->cr, x, y, px, py, 6 * frame->unit);
        }
      note_partner (self, x, y, r->to, leaves_over (self, frame, x, y, r->to));
    }
}

/* Curves as drawn ----------------------------------------------------------- */

/* Points along a curve: within a unit of it at any size a frame has. */
#define CURVE_SAMPLES 32

void
_straits_map_quad_point (const double p[6], double t, double *x, double *y)
{
  double u = 1 - t;

  *x = u * u * p[0] + 2 * u * t * p[2] + t * t * p[4];
  *y = u * u * p[1] + 2 * u * t * p[3] + t * t * p[5];
}

void
_straits_map_record_curve (StraitsMapRenderer *self,
                           const double        p[6])
{
  guint end;

  for (int i = 0; i <= CURVE_SAMPLES; i++)
    {
      double xy[2];

      _straits_map_quad_point (p, (double) i / CURVE_SAMPLES, &xy[0], &xy[1]);
      g_array_append_vals (self->curve_xy, xy, 2);
    }
  end = self->curve_xy->len / 2;
  g_array_append_val (self->curve_ends, end);
}

gboolean
_straits_map_curves_cross (StraitsMapRenderer *self,
                           const StraitsRect  *rect)
{
  for (guint c = 0; c < self->curve_ends->len; c++)
    {
      guint n;
      const double *xy = straits_map_renderer_get_curve (self, c, &n);

      if (straits_rect_meets_polyline (rect, xy, n))
        return TRUE;
    }
  return FALSE;
}

guint
straits_map_renderer_get_n_curves (StraitsMapRenderer *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), 0);
  return self->curve_ends->len;
}

const double *
straits_map_renderer_get_curve (StraitsMapRenderer *self,
                                guint               index,
                                guint              *n_points)
{
  guint start;

  g_return_val_if_fail (STRAITS_IS_MAP_RENDERER (self), NULL);
  g_return_val_if_fail (index < self->curve_ends->len, NULL);
  start = index > 0 ? g_array_index (self->curve_ends, guint, index - 1) : 0;
  *n_points = g_array_index (self->curve_ends, guint, index) - start;
  return &g_array_index (self->curve_xy, double, 2 * start);
}

void
_straits_map_draw_relations (StraitsMapRenderer *self,
                             StraitsMapFrame    *frame)
{
  g_autoptr(GArray) curves = NULL;
  gboolean selecting;

  g_array_set_size (self->curve_xy, 0);
  g_array_set_size (self->curve_ends, 0);
  if (self->dataset == NULL || self->actor_xy == NULL)
    return;
  selecting = self->selected_actors->len > 0 || self->selected_relation != STRAITS_NO_INDEX;
  curves = layout_curves (self, frame->width, frame->height, &frame->vp);
  /* As for the base layer: a third less time, the same look. */
  cairo_save (frame->cr);
  cairo_set_antialias (frame->cr, CAIRO_ANTIALIAS_FAST);
  for (guint k = 0; k < curves->len; k++)
    {
      const PlacedCurve *p = &g_array_index (curves, PlacedCurve, k);
      const StraitsRelation *r = straits_dataset_get_relation (self->dataset, p->index);
      const Curve *c = &p->c;
      gboolean date_unknown;

      if (MAX (MAX (c->ax, c->bx), c->cx) < 0 || MIN (MIN (c->ax, c->bx), c->cx) > frame->width ||
          MAX (MAX (c->ay, c->by), c->cy) < 0 || MIN (MIN (c->ay, c->by), c->cy) > frame->height)
        continue;
      date_unknown = relation_state (self, r) == STRAITS_TIME_DATE_UNKNOWN;
      draw_relation (self, frame, r, p->index, c,
                     selecting && p->index != self->selected_relation && !relation_selected (self, r),
                     date_unknown);
      mark_partners_outside (self, frame, r, c);
      _straits_map_record_curve (self, (double[6]) { c->ax, c->ay, c->cx, c->cy, c->bx, c->by });
      _straits_map_note_drawn (self->drawn_types, r->type);
      self->n_drawn_relations++;
      self->n_drawn_undated += date_unknown;
      self->drawn_one_way = self->drawn_one_way || !r->mutual;
      self->drawn_adversarial = self->drawn_adversarial || r->stance == STRAITS_STANCE_ADVERSARIAL;
    }
  cairo_restore (frame->cr);
}

/* Picking ------------------------------------------------------------------ */

static double
distance_to_curve (const Curve *c, double x, double y)
{
  double best = G_MAXDOUBLE;

  /* The curves are gentle: 24 samples are within a unit of the truth. */
  for (int i = 0; i <= 24; i++)
    {
      double px, py;

      curve_point (c, i / 24.0, &px, &py);
      best = MIN (best, hypot (px - x, py - y));
    }
  return best;
}

static guint32
pick_relation (StraitsMapRenderer    *self,
               double                 width,
               double                 height,
               const StraitsViewport *vp,
               double                 x,
               double                 y)
{
  g_autoptr(GArray) curves = layout_curves (self, width, height, vp);
  double tolerance = 4 * self->style.scale, best = G_MAXDOUBLE;
  guint32 found = STRAITS_NO_INDEX;

  for (guint k = 0; k < curves->len; k++)
    {
      const PlacedCurve *p = &g_array_index (curves, PlacedCurve, k);
      double d = distance_to_curve (&p->c, x, y);

      if (d < tolerance && d < best)
        {
          best = d;
          found = p->index;
        }
    }
  return found;
}

void
straits_map_renderer_pick (StraitsMapRenderer    *self,
                           double                 width,
                           double                 height,
                           const StraitsViewport *viewport,
                           double                 ox,
                           double                 oy,
                           guint32               *actor,
                           guint32               *relation)
{
  double x, y;
  int feature;
  const char *code;

  *actor = *relation = STRAITS_NO_INDEX;
  if (self->dataset == NULL || self->map == NULL)
    return;
  *relation = pick_relation (self, width, height, viewport, ox, oy);
  if (*relation != STRAITS_NO_INDEX)
    return;
  straits_viewport_to_map (viewport, width, height, ox, oy, &x, &y);
  /* The state drawn there: Crimea is Ukraine's under the EU convention. */
  code = straits_projected_map_country_at (self->map, x, y, self->convention, _straits_map_time (self));
  feature = code != NULL ? straits_basemap_find_feature (straits_projected_map_get_basemap (self->map),
                                                         STRAITS_LAYER_COUNTRY, code) : -1;
  if (feature < 0)
    feature = straits_projected_map_feature_at (self->map, STRAITS_LAYER_ISLAND, x, y);
  if (feature >= 0)
    _straits_map_group_of_feature (self, (guint) feature, actor);
}
