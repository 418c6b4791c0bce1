/* straits-view-info.h: the views a dataset offers, and a scene for each
 *
 * Straits has three built-in views; a dataset view with the same id
 * replaces a built-in one's settings, and other dataset views are added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-atlas.h"
#include "straits-map-renderer.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *title;
  char *subtitle;
  StraitsRegion *region;  /* owned */
  guint32 dataset_view;   /* index, or STRAITS_NO_INDEX */
} StraitsViewInfo;

void                straits_view_info_free         (StraitsViewInfo *info);
/* The views a dataset offers: the built-in ones, then its own.
 * (transfer full): the array frees its StraitsViewInfos */
GPtrArray          *straits_view_info_list         (StraitsDataset  *dataset);
/* (transfer full) (nullable): NULL on error */
StraitsViewInfo    *straits_view_info_find         (StraitsDataset  *dataset,
                                                    const char      *id,
                                                    GError         **error);
/* A scene showing @view of @dataset.
 * (transfer full) (nullable): NULL on error */
StraitsMapScene    *straits_view_info_new_scene    (StraitsAtlas          *atlas,
                                                    StraitsDataset        *dataset,
                                                    const StraitsViewInfo *view,
                                                    GError               **error);
/* Sets @scene, of @view, back to what a new scene of it shows (grouping,
 * relation types, overlays; the date is the caller's), changing only what
 * differs: a view shown again keeps its scene, and the map view its
 * drawing. */
void                straits_view_info_reset_scene  (StraitsDataset        *dataset,
                                                    const StraitsViewInfo *view,
                                                    StraitsMapScene       *scene);
/* A renderer with a new scene of @view of @dataset: change the scene
 * (straits_map_renderer_get_scene()) to change what it draws.
 * (transfer full) (nullable): NULL on error */
StraitsMapRenderer *straits_view_info_new_renderer (StraitsAtlas          *atlas,
                                                    StraitsDataset        *dataset,
                                                    const StraitsViewInfo *view,
                                                    GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsViewInfo, straits_view_info_free)

G_END_DECLS
