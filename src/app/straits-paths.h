/* straits-paths.h: where the application finds its data, installed or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean    straits_running_uninstalled   (void);
/* (transfer none) */
const char *straits_data_dir              (void);
/* (transfer full) */
char       *straits_bundled_dataset_path  (void);
/* Straits' cache folder (the maritime report, projections' memos), or
 * NULL under STRAITS_NO_CACHE=1: nothing is then read from a cache or
 * written to one. (transfer full) (nullable) */
char       *straits_cache_dir             (void);
/* (transfer full) */
char       *straits_locale_dir            (void);
/* (transfer full) (nullable): NULL when the schema is not installed */
GSettings  *straits_settings_new          (void);

G_END_DECLS
