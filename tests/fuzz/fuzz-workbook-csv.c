/* fuzz-workbook-csv.c: CSV sheets to dataset JSON (docs/workbooks.md)
 *
 * The input is up to four CSV files separated by form feeds, read as the
 * sheets metadata, actors, relations and figure_values. Whatever the cells
 * hold, the JSON the conversion writes must be JSON: the loader may refuse
 * the dataset, never its syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz.h"
#include "straits-diagnostic.h"
#include "straits-workbook.h"

static const char *const sheets[] = { "metadata", "actors", "relations", "figure_values" };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(StraitsWorkbook) workbook = straits_workbook_new ();
  g_autoptr(GPtrArray) diags = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_diagnostic_free);
  g_autoptr(GPtrArray) loader_diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StraitsDataset) ds = NULL;
  const char *p = (const char *) data, *end = p + size;
  char *json;

  for (guint i = 0; i < G_N_ELEMENTS (sheets) && p <= end; i++)
    {
      const char *ff = memchr (p, '\f', end - p);
      const char *stop = ff ? ff : end;

      if (!straits_workbook_parse_csv (workbook, sheets[i], p, stop - p, NULL))
        return 0;
      p = stop + 1;
    }
  json = straits_workbook_to_json (workbook, "fuzz", diags, NULL);
  for (guint i = 0; i < diags->len; i++)
    g_free (straits_diagnostic_to_string (g_ptr_array_index (diags, i)));
  bytes = g_bytes_new_take (json, strlen (json));
  ds = straits_dataset_load_bytes (bytes, "fuzz", &loader_diags, &error);
  if (g_error_matches (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_SYNTAX)
      || g_error_matches (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_ENCODING))
    g_error ("the conversion wrote no JSON: %s\n%s", error->message, (const char *) g_bytes_get_data (bytes, NULL));
  return 0;
}
