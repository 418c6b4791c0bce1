/* straits-label-placer.h: places labels by priority without overlap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} StraitsRect;

typedef struct _StraitsLabelPlacer StraitsLabelPlacer;

/* (transfer full) */
StraitsLabelPlacer *straits_label_placer_new     (double              width,
                                                  double              height,
                                                  double              margin);
void                straits_label_placer_free    (StraitsLabelPlacer *self);
/* Whether @rect fits inside the frame and touches nothing placed before. */
gboolean            straits_label_placer_fits    (StraitsLabelPlacer *self,
                                                  const StraitsRect  *rect);
/* Reserves @rect when it fits inside the frame and touches nothing
 * placed before; returns whether it did. */
gboolean            straits_label_placer_try     (StraitsLabelPlacer *self,
                                                  const StraitsRect  *rect);
/* Reserves @rect unconditionally (a legend, a marker). */
void                straits_label_placer_block   (StraitsLabelPlacer *self,
                                                  const StraitsRect  *rect);
guint               straits_label_placer_get_n_placed (StraitsLabelPlacer *self);
/* (transfer none) */
const StraitsRect  *straits_label_placer_get_placed   (StraitsLabelPlacer *self,
                                                       guint               index);
gboolean            straits_rects_intersect      (const StraitsRect  *a,
                                                  const StraitsRect  *b);

/* Whether the segment (@x0, @y0)–(@x1, @y1) meets @rect. */
gboolean            straits_rect_meets_segment   (const StraitsRect  *rect,
                                                  double              x0,
                                                  double              y0,
                                                  double              x1,
                                                  double              y1);

/* Whether the line through @n_points points @xy (x, y pairs) meets @rect. */
gboolean            straits_rect_meets_polyline  (const StraitsRect  *rect,
                                                  const double       *xy,
                                                  guint               n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsLabelPlacer, straits_label_placer_free)

G_END_DECLS
