/* straits-changes-page.h: what changed since a compared version, listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STRAITS_TYPE_CHANGES_PAGE (straits_changes_page_get_type ())

G_DECLARE_FINAL_TYPE (StraitsChangesPage, straits_changes_page, STRAITS, CHANGES_PAGE, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_changes_page_new (void);
/* Lists @changes (StraitsDiffItem, from straits_dataset_diff()) since the
 * version @since names; NULL @changes: empty. */
void       straits_changes_page_set (StraitsChangesPage *self,
                                     GPtrArray          *changes,
                                     const char         *since);

G_END_DECLS
