/* straits-figure-page.h: a map laid out on a page: title block, map, legend, credits
 *
 * One layout for the export dialog, the command line and the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-figure-layout.h"
#include "straits-map-renderer.h"

G_BEGIN_DECLS

typedef struct {
  const char *title;      /* NULL or "": no title block */
  const char *subtitle;
  gboolean legend;
  gboolean credits;       /* the credit line and the dataset's stamp */
  const StraitsViewport *viewport; /* NULL: fit the region to the map frame */
  gboolean scale_bar;
  const char *marking;    /* a handling marking such as "TLP:AMBER", or NULL */
  gboolean selection;     /* the map's selection drawn (never its hover) */
  StraitsFigureLayout *layout; /* NULL, or given every box the page places */
} StraitsFigurePageOptions;

/* Where the scale bar goes on a map frame of @width x @height at @viewport:
 * its ends in output units and the true length it stands for.
 * @x0, @x1, @y, @km: (out) */
gboolean straits_figure_page_scale_bar (StraitsMapRenderer         *renderer,
                                        const StraitsViewport      *viewport,
                                        double                      width,
                                        double                      height,
                                        double                     *x0,
                                        double                     *x1,
                                        double                     *y,
                                        double                     *km);
/* The handling markings a figure can carry (TLP 2.0), NULL-terminated.
 * (transfer none) */
const char *const *straits_figure_page_markings (void);
void  straits_figure_page_draw_marking (cairo_t    *cr,
                                        const char *marking,
                                        double      width);

/* A text description of the figure last drawn, usable as alt text.
 * (transfer full) */
char *straits_figure_page_describe  (StraitsMapRenderer         *renderer,
                                     const StraitsFigurePageOptions *options);

/* The smallest map frame a figure is drawn with, in points. */
#define STRAITS_FIGURE_MIN_MAP_WIDTH 72.0
#define STRAITS_FIGURE_MIN_MAP_HEIGHT 48.0

gboolean straits_figure_page_check (StraitsMapRenderer         *renderer,
                                    double                      width,
                                    double                      height,
                                    const StraitsFigurePageOptions *options,
                                    GError                    **error);
/* How much larger than print sizes a slide @height points tall sets its
 * text (1 or more): its smallest names at 1/45 of the height. */
double straits_figure_page_slide_scale (const StraitsMapStyle     *style,
                                        double                     height);
void  straits_figure_page_draw      (StraitsMapRenderer         *renderer,
                                     cairo_t                    *cr,
                                     double                      width,
                                     double                      height,
                                     const StraitsFigurePageOptions *options);
/* The width of each map frame of a page @width points wide with
 * @n_panels (1, or 2 for two dates) side by side. */
double straits_figure_page_map_width (double width,
                                      guint  n_panels);
/* Two dates side by side: @left and @right show the same map (their
 * scenes differ in the date) in two panels of one extent and scale, each
 * with its date in a box on its corner, under one title block that names
 * both dates, with one legend (the entries of either panel, on the right
 * one) and one credit line. */
void  straits_figure_page_draw_compare (StraitsMapRenderer             *left,
                                        StraitsMapRenderer             *right,
                                        cairo_t                        *cr,
                                        double                          width,
                                        double                          height,
                                        const StraitsFigurePageOptions *options);
gboolean straits_figure_page_check_compare (StraitsMapRenderer             *left,
                                            StraitsMapRenderer             *right,
                                            double                          width,
                                            double                          height,
                                            const StraitsFigurePageOptions *options,
                                            GError                        **error);
/* (transfer full) */
char *straits_figure_page_describe_compare (StraitsMapRenderer             *left,
                                            StraitsMapRenderer             *right,
                                            const StraitsFigurePageOptions *options);
/* "Map data: Natural Earth. Data: <the dataset's sources>." (transfer full) */
char *straits_figure_page_credits   (StraitsDataset             *dataset);

G_END_DECLS
