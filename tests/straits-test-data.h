/* straits-test-data.h: what the tests and benchmarks of the renderer
 * share: the bundled dataset and the atlas, from STRAITS_DATA_DIR, and a
 * renderer for one of its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-view-info.h"

G_BEGIN_DECLS

/* The bundled dataset; aborts the test when it does not load.
 * (transfer full) */
StraitsDataset     *straits_test_load_bundled (void);
/* The atlas of the bundled basemaps. (transfer full) */
StraitsAtlas       *straits_test_new_atlas    (void);
/* A renderer (on a scene of its own) of the view @view_id of @dataset;
 * aborts the test when there is none. (transfer full) */
StraitsMapRenderer *straits_test_renderer_for (StraitsAtlas   *atlas,
                                               StraitsDataset *dataset,
                                               const char     *view_id);
/* @renderer's drawing at @width x @height and @viewport, on a new RGB24
 * image. (transfer full) */
cairo_surface_t    *straits_test_draw         (StraitsMapRenderer    *renderer,
                                               int                    width,
                                               int                    height,
                                               const StraitsViewport *viewport);
/* Whether the legend @renderer drew last lists @text. */
gboolean            straits_test_legend_has   (StraitsMapRenderer    *renderer,
                                               const char            *text);
/* The largest difference of two pixels (native-endian 32 bits) in one
 * of their four bytes. */
int                 straits_test_channel_difference (guint32 a,
                                                     guint32 b);

G_END_DECLS
