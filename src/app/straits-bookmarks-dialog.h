/* straits-bookmarks-dialog.h: rename, reorder and delete the presentation's bookmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "straits-bookmarks.h"

G_BEGIN_DECLS

GtkWidget *straits_bookmarks_dialog_new (GtkWindow        *parent,
                                         StraitsBookmarks *bookmarks,
                                         const char       *path);

G_END_DECLS
