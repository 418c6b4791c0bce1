/* straits-importer.c: the table of the formats a dataset is read from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-importer.h"
#include "straits-workbook.h"

/* The dataset's own JSON takes any path the others do not: its loader
 * says what is wrong with a file that is not one (a folder, the empty
 * file, a binary). */
static gboolean
recognises_any (const char *path)
{
  return path != NULL;
}

static const StraitsImporter importers[] = {
  { "workbook", N_("Workbook (a folder of CSV files, ODS or XLSX)"),
    straits_workbook_path_is_workbook, straits_workbook_load },
  { "json", N_("Straits dataset (JSON)"), recognises_any, straits_dataset_load_file },
};

const StraitsImporter *
straits_importers (guint *n_importers)
{
  *n_importers = G_N_ELEMENTS (importers);
  return importers;
}

const StraitsImporter *
straits_importer_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (importers); i++)
    if (importers[i].recognises (path))
      return &importers[i];
  g_return_val_if_reached (NULL);
}

StraitsDataset *
straits_dataset_load_any (const char  *path,
                          GPtrArray  **diagnostics,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return straits_importer_for_path (path)->load (path, diagnostics, error);
}
