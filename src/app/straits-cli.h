/* straits-cli.h: the headless commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "straits-dataset.h"
#include "straits-export.h"

G_BEGIN_DECLS

/* The options several commands share, each read in one place: --dataset
 * and the dataset it names (loaded once, by straits_cli_common_dataset()),
 * the file the command writes and its format, --size and --dpi. */
typedef struct {
  const char *dataset_path;      /* --dataset; NULL for the bundled dataset */
  StraitsDataset *dataset;       /* NULL until loaded */
  const char *output;            /* FILE of the command's --OPTION=FILE, or NULL */
  StraitsExportFormat format;    /* @output's, by its extension */
  double width, height;          /* points: --size, else the command's default */
  double dpi;                    /* --dpi, else STRAITS_SCREEN_DPI */
} StraitsCliCommon;

int straits_cli_check  (const char *const *files,
                        gboolean           strict);
int straits_cli_export (GVariantDict      *options);
int straits_cli_list_charts  (GVariantDict *options);
int straits_cli_maritime_report (GVariantDict *options);
int straits_cli_export_slides   (GVariantDict *options);
int straits_cli_export_chart (GVariantDict *options);

/* (transfer full) (nullable): NULL on error */
StraitsDataset *straits_cli_load_dataset (const char  *path,
                                          GError     **error);

void            straits_cli_common_init       (StraitsCliCommon  *common,
                                               GVariantDict      *options,
                                               const char        *output_option);
gboolean        straits_cli_common_parse_page (StraitsCliCommon  *common,
                                               GVariantDict      *options,
                                               double             default_width,
                                               double             default_height,
                                               GError           **error);
/* (transfer none) (nullable): @common keeps it; NULL on error */
StraitsDataset *straits_cli_common_dataset    (StraitsCliCommon  *common,
                                               GError           **error);
void            straits_cli_common_clear      (StraitsCliCommon  *common);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StraitsCliCommon, straits_cli_common_clear)

G_END_DECLS
