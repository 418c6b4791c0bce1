/* straits-cli.h: the headless commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

int straits_cli_check  (const char *const *files,
                        gboolean           strict);
int straits_cli_export (GVariantDict      *options);
int straits_cli_list_charts  (GVariantDict *options);
int straits_cli_maritime_report (GVariantDict *options);
int straits_cli_export_slides   (GVariantDict *options);
int straits_cli_export_chart (GVariantDict *options);

StraitsDataset *straits_cli_load_dataset (const char  *path,
                                          GError     **error);

G_END_DECLS
