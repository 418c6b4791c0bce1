/* fuzz-maritime-cache.c: the maritime cache reader and the reports made
 * from what it accepts
 *
 * An input is read twice: as a whole cache file, and as the numbers of the
 * committed valid cache (small-valid.gvariant), bytes taken as doubles in
 * place of its areas, shares and coastlines. Random bytes seldom make a
 * GVariant in normal form with the right checksum; the second reading
 * puts every input through the checks on the values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz.h"
#include "straits-maritime.h"

/* The seeds are caches whose checksum reads "fuzz". */
#define CHECKSUM "fuzz"
#define CACHE_TYPE "(ssadaadaad)"

static void
read_cache (GBytes *bytes)
{
  g_autoptr(StraitsMaritimeReport) report = straits_maritime_report_from_cache (bytes, CHECKSUM);
  g_autofree char *json = NULL, *text = NULL;

  if (report == NULL)
    return;
  json = straits_maritime_report_to_json (report);
  text = straits_maritime_report_to_text (report);
  if (strstr (json, "nan") != NULL || strstr (json, "inf") != NULL)
    g_error ("a cached value that is not a number reached the report");
}

static GVariant *
template_cache (void)
{
  static GVariant *template;

  if (template == NULL)
    {
      g_autofree char *path = g_build_filename (FUZZ_SEED_DIR, "maritime-cache", "small-valid.gvariant", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        g_error ("cannot read %s", path);
      template = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE (CACHE_TYPE),
                                                              g_steal_pointer (&contents), length, FALSE,
                                                              g_free, NULL));
    }
  return template;
}

/* The template with its numbers overwritten by @data. */
static GBytes *
with_numbers (const uint8_t *data, size_t size)
{
  GVariant *t = template_cache ();
  g_autoptr(GVariant) numbers = g_variant_get_child_value (t, 2);
  g_autoptr(GVariant) belts = g_variant_get_child_value (t, 3);
  g_autoptr(GVariant) medians = g_variant_get_child_value (t, 4);
  g_autoptr(GVariant) out = NULL;
  gsize n;
  const double *template_numbers = g_variant_get_fixed_array (numbers, &n, sizeof (double));
  g_autofree double *copy = g_memdup2 (template_numbers, n * sizeof (double));
  const char *checksum, *method;

  memcpy (copy, data, MIN (size, n * sizeof (double)));
  g_variant_get_child (t, 0, "&s", &checksum);
  g_variant_get_child (t, 1, "&s", &method);
  out = g_variant_ref_sink (g_variant_new ("(ss@ad@aad@aad)", checksum, method,
                                           g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, copy, n,
                                                                      sizeof (double)),
                                           belts, medians));
  return g_variant_get_data_as_bytes (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) numbers = with_numbers (data, size);

  read_cache (bytes);
  read_cache (numbers);
  return 0;
}
