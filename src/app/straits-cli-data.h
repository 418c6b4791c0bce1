/* straits-cli-data.h: commands on the dataset itself (--diff, --export-graph)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit status as diff(1)'s: 0 identical, 1 different, 2 trouble. */
int straits_cli_data_diff         (const char *const *files,
                                   GVariantDict      *options);
int straits_cli_data_export_graph (GVariantDict      *options);
int straits_cli_data_convert      (GVariantDict      *options);

G_END_DECLS
