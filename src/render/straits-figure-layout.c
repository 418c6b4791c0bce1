/* straits-figure-layout.c: every box a figure page placed, and its curves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "straits-figure-layout.h"

struct _StraitsFigureLayout
{
  GArray *boxes;      /* StraitsFigureBox */
  GArray *points;     /* x, y pairs of every curve */
  GArray *curves;     /* CurveSpan */
};

typedef struct {
  guint first, n;     /* points */
  guint frame;
} CurveSpan;

static void
clear_box (gpointer data)
{
  g_free (((StraitsFigureBox *) data)->text);
}

StraitsFigureLayout *
straits_figure_layout_new (void)
{
  StraitsFigureLayout *self = g_new0 (StraitsFigureLayout, 1);

  self->boxes = g_array_new (FALSE, FALSE, sizeof (StraitsFigureBox));
  g_array_set_clear_func (self->boxes, clear_box);
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->curves = g_array_new (FALSE, FALSE, sizeof (CurveSpan));
  return self;
}

void
straits_figure_layout_free (StraitsFigureLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->boxes);
  g_array_unref (self->points);
  g_array_unref (self->curves);
  g_free (self);
}

guint
straits_figure_layout_add (StraitsFigureLayout *self,
                           StraitsFigureBoxKind kind,
                           const StraitsRect   *rect,
                           int                  frame,
                           const char          *text)
{
  StraitsFigureBox box = { *rect, kind, STRAITS_LABEL_COUNTRY, frame, g_strdup (text) };

  g_array_append_val (self->boxes, box);
  return self->boxes->len - 1;
}

static void
add_curves (StraitsFigureLayout *self, StraitsMapRenderer *renderer, guint frame, double x, double y)
{
  for (guint i = 0; i < straits_map_renderer_get_n_curves (renderer); i++)
    {
      guint n;
      const double *xy = straits_map_renderer_get_curve (renderer, i, &n);
      CurveSpan span = { self->points->len / 2, n, frame };

      for (guint k = 0; k < n; k++)
        {
          double p[2] = { xy[2 * k] + x, xy[2 * k + 1] + y };

          g_array_append_vals (self->points, p, 2);
        }
      g_array_append_val (self->curves, span);
    }
}

void
straits_figure_layout_add_map (StraitsFigureLayout *self,
                               StraitsMapRenderer  *renderer,
                               guint                frame,
                               double               x,
                               double               y)
{
  StraitsRect legend;

  for (guint i = 0; i < straits_map_renderer_get_n_labels (renderer); i++)
    {
      StraitsRect r = *straits_map_renderer_get_label_rect (renderer, i);
      guint k;

      r.x += x;
      r.y += y;
      k = straits_figure_layout_add (self, STRAITS_FIGURE_BOX_LABEL, &r, (int) frame,
                                     straits_map_renderer_get_label_text (renderer, i));
      g_array_index (self->boxes, StraitsFigureBox, k).label_kind = straits_map_renderer_get_label_kind (renderer, i);
    }
  if (straits_map_renderer_get_legend_rect (renderer, &legend))
    {
      legend.x += x;
      legend.y += y;
      straits_figure_layout_add (self, STRAITS_FIGURE_BOX_LEGEND, &legend, (int) frame, NULL);
    }
  add_curves (self, renderer, frame, x, y);
}

guint
straits_figure_layout_get_n_boxes (StraitsFigureLayout *self)
{
  return self->boxes->len;
}

const StraitsFigureBox *
straits_figure_layout_get_box (StraitsFigureLayout *self,
                               guint                index)
{
  g_return_val_if_fail (index < self->boxes->len, NULL);
  return &g_array_index (self->boxes, StraitsFigureBox, index);
}

guint
straits_figure_layout_get_n_curves (StraitsFigureLayout *self)
{
  return self->curves->len;
}

const double *
straits_figure_layout_get_curve (StraitsFigureLayout *self,
                                 guint                index,
                                 guint               *n_points,
                                 guint               *frame)
{
  const CurveSpan *span;

  g_return_val_if_fail (index < self->curves->len, NULL);
  span = &g_array_index (self->curves, CurveSpan, index);
  *n_points = span->n;
  *frame = span->frame;
  return &g_array_index (self->points, double, 2 * span->first);
}

/* Boxes touch at their edges by rounding: a tenth of a point is not an
 * overlap anyone sees. */
#define TOLERANCE 0.1

static gboolean
boxes_overlap (const StraitsRect *a, const StraitsRect *b)
{
  StraitsRect shrunk = { a->x + TOLERANCE, a->y + TOLERANCE, a->width - 2 * TOLERANCE, a->height - 2 * TOLERANCE };

  return straits_rects_intersect (&shrunk, b);
}

static gboolean
box_inside (const StraitsRect *inner, const StraitsRect *outer)
{
  return inner->x >= outer->x - TOLERANCE && inner->y >= outer->y - TOLERANCE &&
         inner->x + inner->width <= outer->x + outer->width + TOLERANCE &&
         inner->y + inner->height <= outer->y + outer->height + TOLERANCE;
}

static const char *
box_name (const StraitsFigureBox *box)
{
  static const char *const kinds[] = { "marking", "title", "subtitle", "date", "credits", "map frame",
                                       "panel tab", "legend", "scale bar", "label" };

  return box->text != NULL && box->kind == STRAITS_FIGURE_BOX_LABEL ? box->text : kinds[box->kind];
}

/* Whether two boxes may share room: a frame and what lies in it. */
static gboolean
may_overlap (StraitsFigureLayout *self, guint i, guint j)
{
  const StraitsFigureBox *a = &g_array_index (self->boxes, StraitsFigureBox, i);
  const StraitsFigureBox *b = &g_array_index (self->boxes, StraitsFigureBox, j);

  return (a->kind == STRAITS_FIGURE_BOX_MAP_FRAME && b->frame == (int) i) ||
         (b->kind == STRAITS_FIGURE_BOX_MAP_FRAME && a->frame == (int) j);
}

static gboolean
check_boxes (StraitsFigureLayout *self, GError **error)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const StraitsFigureBox *a = &g_array_index (self->boxes, StraitsFigureBox, i);

      if (a->frame >= 0 && !box_inside (&a->rect, &g_array_index (self->boxes, StraitsFigureBox, a->frame).rect))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "“%s” at (%.1f, %.1f, %.1f × %.1f) leaves its map frame",
                       box_name (a), a->rect.x, a->rect.y, a->rect.width, a->rect.height);
          return FALSE;
        }
      for (guint j = i + 1; j < self->boxes->len; j++)
        {
          const StraitsFigureBox *b = &g_array_index (self->boxes, StraitsFigureBox, j);

          if (boxes_overlap (&a->rect, &b->rect) && !may_overlap (self, i, j))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "“%s” (%.1f, %.1f, %.1f × %.1f) overlaps “%s” (%.1f, %.1f, %.1f × %.1f)",
                           box_name (a), a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                           box_name (b), b->rect.x, b->rect.y, b->rect.width, b->rect.height);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_curves (StraitsFigureLayout *self, GError **error)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const StraitsFigureBox *box = &g_array_index (self->boxes, StraitsFigureBox, i);

      if (box->kind != STRAITS_FIGURE_BOX_LABEL || box->label_kind != STRAITS_LABEL_ANNOTATION)
        continue;
      for (guint c = 0; c < self->curves->len; c++)
        {
          const CurveSpan *span = &g_array_index (self->curves, CurveSpan, c);

          if ((int) span->frame == box->frame &&
              straits_rect_meets_polyline (&box->rect, &g_array_index (self->points, double, 2 * span->first), span->n))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "a curve runs through the annotation “%s”",
                           box_name (box));
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
straits_figure_layout_check (StraitsFigureLayout *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return check_boxes (self, error) && check_curves (self, error);
}
