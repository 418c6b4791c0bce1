/* fuzz-json-scan.c: the strict JSON pre-scan and the locator after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz.h"
#include "straits-json-scan.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* An exact copy without a terminating NUL: reading past the end is
   * caught by AddressSanitizer. */
  g_autofree char *text = g_memdup2 (data, size);
  g_autoptr(GArray) outline = straits_json_outline_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  StraitsJsonProblem problem = { 0 };

  if (!straits_json_prescan (text, size, 64, outline, &problem))
    {
      if (problem.message == NULL || problem.line == 0)
        g_error ("a refusal without a message or a place");
      straits_json_problem_clear (&problem);
      return 0;
    }
  for (guint i = 0; i < outline->len; i++)
    {
      const StraitsJsonMember *m = &g_array_index (outline, StraitsJsonMember, i);

      if (m->value.start > m->value.end || m->value.end > size)
        g_error ("a member's span lies outside the text");
    }
  g_hash_table_add (wanted, (gpointer) "metadata.title");
  g_hash_table_add (wanted, (gpointer) "actors[0].id");
  g_hash_table_add (wanted, (gpointer) "relations[1].to");
  g_hash_table_unref (straits_json_locate (text, size, wanted));
  return 0;
}
