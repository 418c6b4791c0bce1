/* fuzz-maritime-cache.c: the maritime cache reader and the reports made
 * from what it accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz.h"
#include "straits-maritime.h"

/* The seeds are caches whose checksum reads "fuzz". */
#define CHECKSUM "fuzz"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StraitsMaritimeReport) report = straits_maritime_report_from_cache (bytes, CHECKSUM);
  g_autofree char *json = NULL, *text = NULL;

  if (report == NULL)
    return 0;
  json = straits_maritime_report_to_json (report);
  text = straits_maritime_report_to_text (report);
  if (strstr (json, "nan") != NULL || strstr (json, "inf") != NULL)
    g_error ("a cached value that is not a number reached the report");
  return 0;
}
