/* straits-figure.h: a map as a figure: title block, map, legend, credits
 *
 * One layout for the export dialog, the command line and the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-map-renderer.h"

G_BEGIN_DECLS

typedef struct {
  const char *title;      /* NULL or "": no title block */
  const char *subtitle;
  gboolean legend;
  gboolean credits;
  const StraitsViewport *viewport; /* NULL: fit the region to the map frame */
} StraitsFigureOptions;

void  straits_figure_draw      (StraitsMapRenderer         *renderer,
                                cairo_t                    *cr,
                                double                      width,
                                double                      height,
                                const StraitsFigureOptions *options);
/* "Map data: Natural Earth. Data: <the dataset's sources>." */
char *straits_figure_credits   (StraitsDataset             *dataset);

G_END_DECLS
