/* straits-importer.h: the file formats a dataset is read from
 *
 * Each importer recognises its files by their path and reads one into a
 * dataset; straits_dataset_load_any() asks them in the table's order. A
 * new format is a file of its own and one line in the table
 * (straits-importer.c). SIPRI's trade register is not here: it reads into
 * a register of deliveries (straits-sipri-register.h), not a dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-dataset.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;     /* "json", "workbook" */
  const char *label;  /* marked for translation, not translated: show it through gettext */
  /* Whether @path is one of its files, by name and kind only: reading
   * is for the loader, which refuses a FIFO or a huge file before it
   * takes a byte (straits-safe-file.h). */
  gboolean (*recognises) (const char *path);
  StraitsDataset *(*load) (const char  *path,
                           GPtrArray  **diagnostics,
                           GError     **error);
} StraitsImporter;

/* The importers, in the order they are asked; the last takes any file.
 * (transfer none): static; @n_importers: (out) */
const StraitsImporter *straits_importers          (guint       *n_importers);
/* The importer that reads @path: the first that recognises it.
 * (transfer none): static */
const StraitsImporter *straits_importer_for_path  (const char  *path);
/* Reads @path with its importer; as straits_dataset_load_file().
 * (transfer full) (nullable);
 * @diagnostics: (out) (optional) (transfer full) (nullable) */
StraitsDataset        *straits_dataset_load_any   (const char  *path,
                                                   GPtrArray  **diagnostics,
                                                   GError     **error);

G_END_DECLS
