/* fuzz-loader.c: the dataset loader, from bytes as a file would give them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "straits-dataset.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "fuzz.json", &diags, &error);

  /* Every problem must be printable, and a refusal must say why. */
  for (guint i = 0; diags != NULL && i < diags->len; i++)
    g_free (straits_diagnostic_to_string (g_ptr_array_index (diags, i)));
  if (ds == NULL && error == NULL)
    g_error ("a dataset was refused without an error");
  return 0;
}
