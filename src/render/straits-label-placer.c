/* straits-label-placer.c
 *
 * A greedy placer: callers offer labels most important first. A coarse
 * grid of buckets keeps each test to the few rectangles nearby, so that
 * a frame with hundreds of candidates stays cheap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-label-placer.h"

#define CELL 64.0

struct _StraitsLabelPlacer
{
  double width, height, margin;
  guint cols, rows;
  GArray *placed;      /* StraitsRect: labels, which are reported */
  GArray *blocked;     /* StraitsRect: everything reserved */
  GArray **cells;      /* per cell, indices into blocked */
};

gboolean
straits_rects_intersect (const StraitsRect *a,
                         const StraitsRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Liang–Barsky: the segment's part inside the box, empty or not. */
gboolean
straits_rect_meets_segment (const StraitsRect *r, double x0, double y0, double x1, double y1)
{
  double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

gboolean
straits_rect_meets_polyline (const StraitsRect *rect, const double *xy, guint n_points)
{
  for (guint k = 0; k + 1 < n_points; k++)
    if (straits_rect_meets_segment (rect, xy[2 * k], xy[2 * k + 1], xy[2 * k + 2], xy[2 * k + 3]))
      return TRUE;
  return FALSE;
}

StraitsLabelPlacer *
straits_label_placer_new (double width,
                          double height,
                          double margin)
{
  StraitsLabelPlacer *self = g_new0 (StraitsLabelPlacer, 1);

  /* A frame with no room (or NaN) places nothing, in one cell. */
  width = width > 0 ? MIN (width, 1e5) : 0;
  height = height > 0 ? MIN (height, 1e5) : 0;

  self->width = width;
  self->height = height;
  self->margin = margin;
  self->cols = MAX (1, (guint) (width / CELL) + 1);
  self->rows = MAX (1, (guint) (height / CELL) + 1);
  self->placed = g_array_new (FALSE, FALSE, sizeof (StraitsRect));
  self->blocked = g_array_new (FALSE, FALSE, sizeof (StraitsRect));
  self->cells = g_new0 (GArray *, (gsize) self->cols * self->rows);
  return self;
}

void
straits_label_placer_free (StraitsLabelPlacer *self)
{
  if (self == NULL)
    return;
  for (gsize i = 0; i < (gsize) self->cols * self->rows; i++)
    if (self->cells[i] != NULL)
      g_array_unref (self->cells[i]);
  g_free (self->cells);
  g_array_unref (self->placed);
  g_array_unref (self->blocked);
  g_free (self);
}

static void
cell_range (StraitsLabelPlacer *self,
            const StraitsRect  *r,
            guint *c0, guint *c1, guint *r0, guint *r1)
{
  *c0 = (guint) CLAMP (r->x / CELL, 0, self->cols - 1);
  *c1 = (guint) CLAMP ((r->x + r->width) / CELL, 0, self->cols - 1);
  *r0 = (guint) CLAMP (r->y / CELL, 0, self->rows - 1);
  *r1 = (guint) CLAMP ((r->y + r->height) / CELL, 0, self->rows - 1);
}

static gboolean
overlaps_any (StraitsLabelPlacer *self,
              const StraitsRect  *rect)
{
  guint c0, c1, r0, r1;

  cell_range (self, rect, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray *cell = self->cells[(gsize) row * self->cols + col];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint k = g_array_index (cell, guint, i);

            if (straits_rects_intersect (rect, &g_array_index (self->blocked, StraitsRect, k)))
              return TRUE;
          }
      }
  return FALSE;
}

void
straits_label_placer_block (StraitsLabelPlacer *self,
                            const StraitsRect  *rect)
{
  guint c0, c1, r0, r1, k = self->blocked->len;

  g_array_append_val (self->blocked, *rect);
  cell_range (self, rect, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray **cell = &self->cells[(gsize) row * self->cols + col];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, k);
      }
}

gboolean
straits_label_placer_fits (StraitsLabelPlacer *self,
                           const StraitsRect  *rect)
{
  if (rect->x < self->margin || rect->y < self->margin ||
      rect->x + rect->width > self->width - self->margin ||
      rect->y + rect->height > self->height - self->margin)
    return FALSE;
  return !overlaps_any (self, rect);
}

gboolean
straits_label_placer_try (StraitsLabelPlacer *self,
                          const StraitsRect  *rect)
{
  if (!straits_label_placer_fits (self, rect))
    return FALSE;
  straits_label_placer_block (self, rect);
  g_array_append_val (self->placed, *rect);
  return TRUE;
}

guint
straits_label_placer_get_n_placed (StraitsLabelPlacer *self)
{
  return self->placed->len;
}

const StraitsRect *
straits_label_placer_get_placed (StraitsLabelPlacer *self,
                                 guint               index)
{
  return &g_array_index (self->placed, StraitsRect, index);
}
