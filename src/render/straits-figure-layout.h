/* straits-figure-layout.h: every box a figure page placed, and its curves
 *
 * What straits_figure_page_draw() placed, in page points: the title block,
 * the marking, the credit line, each map frame and what lies in it (names,
 * annotations, the legend, the scale bar), and the curves drawn on each
 * frame. straits_figure_layout_check() says whether any two boxes collide
 * or a curve runs through an annotation: the "figure lint".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-map-renderer.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_FIGURE_BOX_MARKING,
  STRAITS_FIGURE_BOX_TITLE,
  STRAITS_FIGURE_BOX_SUBTITLE,
  STRAITS_FIGURE_BOX_DATE,
  STRAITS_FIGURE_BOX_CREDITS,
  STRAITS_FIGURE_BOX_MAP_FRAME,
  STRAITS_FIGURE_BOX_PANEL_TAB,
  STRAITS_FIGURE_BOX_LEGEND,
  STRAITS_FIGURE_BOX_SCALE_BAR,
  STRAITS_FIGURE_BOX_LABEL,
} StraitsFigureBoxKind;

typedef struct {
  StraitsRect rect;            /* page points */
  StraitsFigureBoxKind kind;
  StraitsLabelKind label_kind; /* for STRAITS_FIGURE_BOX_LABEL */
  int frame;                   /* the map frame's box it lies in, or -1 */
  char *text;                  /* what it says, for messages (nullable) */
} StraitsFigureBox;

typedef struct _StraitsFigureLayout StraitsFigureLayout;

/* (transfer full) */
StraitsFigureLayout    *straits_figure_layout_new        (void);
void                    straits_figure_layout_free       (StraitsFigureLayout *self);
/* Adds a box on the page (@frame -1) or in the map frame whose box has
 * index @frame; returns the new box's index. */
guint                   straits_figure_layout_add        (StraitsFigureLayout *self,
                                                          StraitsFigureBoxKind kind,
                                                          const StraitsRect   *rect,
                                                          int                  frame,
                                                          const char          *text);
/* Adds what @renderer placed in its last draw (names, annotations, the
 * legend in the map, the curves) for the frame box @frame, whose top-left
 * corner is at (@x, @y) on the page. */
void                    straits_figure_layout_add_map    (StraitsFigureLayout *self,
                                                          StraitsMapRenderer  *renderer,
                                                          guint                frame,
                                                          double               x,
                                                          double               y);
guint                   straits_figure_layout_get_n_boxes (StraitsFigureLayout *self);
/* (transfer none) */
const StraitsFigureBox *straits_figure_layout_get_box    (StraitsFigureLayout *self,
                                                          guint                index);
guint                   straits_figure_layout_get_n_curves (StraitsFigureLayout *self);
/* Points along curve @index, x, y pairs in page points; its frame's box
 * in @frame. @n_points, @frame: (out) (transfer none) */
const double           *straits_figure_layout_get_curve  (StraitsFigureLayout *self,
                                                          guint                index,
                                                          guint               *n_points,
                                                          guint               *frame);
/* FALSE, with the first fault in @error, when two boxes overlap (a box in
 * a frame must lie inside it and overlaps only the frame), or a curve
 * runs through an annotation's box in its frame. */
gboolean                straits_figure_layout_check      (StraitsFigureLayout *self,
                                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsFigureLayout, straits_figure_layout_free)

G_END_DECLS
