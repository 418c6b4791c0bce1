/* straits-bookmarks-dialog.h: rename, reorder and delete the presentation's bookmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "straits-bookmarks.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_BOOKMARKS_DIALOG (straits_bookmarks_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StraitsBookmarksDialog, straits_bookmarks_dialog, STRAITS, BOOKMARKS_DIALOG, AdwWindow)

/* (transfer none): GTK keeps its windows */
GtkWidget *straits_bookmarks_dialog_new (GtkWindow        *parent,
                                         StraitsBookmarks *bookmarks,
                                         const char       *path);

G_END_DECLS
