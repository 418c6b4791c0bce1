/* straits-slides.h: the presentation's slides as a PDF handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-bookmarks.h"
#include "straits-dataset.h"

G_BEGIN_DECLS

gboolean straits_slides_export (StraitsDataset   *dataset,
                                StraitsBookmarks *bookmarks,
                                const char       *filename,
                                GError          **error);

G_END_DECLS
