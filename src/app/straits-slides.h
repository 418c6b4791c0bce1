/* straits-slides.h: the presentation's slides as a PDF handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-bookmarks.h"
#include "straits-dataset.h"
#include "straits-atlas.h"
#include "straits-map-scene.h"

G_BEGIN_DECLS

/* What a bookmark's slide shows besides its place, date and selection:
 * the overlays and relation types it was saved with (the view's own when
 * it was saved without). @target: the bookmark resolved on the dataset. */
void     straits_slides_apply_layers (StraitsMapScene             *scene,
                                      const StraitsBookmark       *bookmark,
                                      const StraitsBookmarkTarget *target);
/* The current state of @scene's overlays and relation types, as a
 * bookmark saves them (ids). */
void     straits_slides_save_layers  (StraitsMapScene             *scene,
                                      StraitsBookmark             *bookmark);

/* Draws @slide as the handout shows it (title, map, legend, credits) on
 * a @width × @height page; @views: the dataset's StraitsViewInfo. */
void     straits_slides_draw   (StraitsDataset    *dataset,
                                StraitsAtlas      *atlas,
                                GPtrArray         *views,
                                StraitsBookmarks  *bookmarks,
                                const StraitsSlide *slide,
                                cairo_t           *cr,
                                double             width,
                                double             height);

/* The slides of @dataset, one a page; with @changes_since (an older
 * version, nullable), then "What changed since VERSION (DATE)" pages. */
gboolean straits_slides_export (StraitsDataset   *dataset,
                                StraitsBookmarks *bookmarks,
                                StraitsDataset   *changes_since,
                                const char       *filename,
                                GError          **error);

G_END_DECLS
