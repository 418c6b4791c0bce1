/* fuzz-projection-memo.c: the reader of projections' memos, and what a
 * memo does with what it accepts (src/geo/straits-projection-memo.c)
 *
 * An input is read twice: as a whole memo file, and sealed again: its
 * points and arrays, as the untrusted reader sees them, written with the
 * hash a reader checks, so that every input gets past the hash. A memo
 * accepted finds each point it holds, answers an array lookup, and what
 * it would write is read back, holding the same points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fuzz.h"
#include "straits-projection-memo-private.h"

#define IDENTITY "fuzz"
#define MEMO_TYPE "(ssta(dddd)a(ttad))"

static void
assert_points_found (StraitsProjectionMemo *memo, GVariant *points)
{
  gsize n = 0;
  const double *values = g_variant_get_fixed_array (points, &n, 4 * sizeof (double));

  for (gsize i = 0; i < n; i++)
    {
      double x, y;

      if (!_straits_projection_memo_point (memo, values[4 * i], values[4 * i + 1], &x, &y))
        g_error ("point %" G_GSIZE_FORMAT " of the memo is not found in it", i);
    }
}

/* Reads @bytes as a memo; if accepted, checks it against @points, the
 * points the input holds, and what it would write against itself. */
static void
read_memo (GBytes *bytes, GVariant *points, gboolean again)
{
  StraitsProjectionMemo *memo = _straits_projection_memo_from_bytes (bytes, "/nonexistent/memo", IDENTITY);
  double xy[64] = { 0 };
  StraitsMemoKey key;

  if (memo == NULL)
    return;
  if (points != NULL)
    assert_points_found (memo, points);
  if (!_straits_projection_memo_array (memo, xy, G_N_ELEMENTS (xy) / 2, &key))
    _straits_projection_memo_add_array (memo, &key, xy);
  _straits_projection_memo_add_point (memo, 1, 2, 3, 4);
  if (again)
    {
      g_autoptr(GVariant) written = _straits_projection_memo_contents (memo);
      g_autoptr(GBytes) written_bytes = g_variant_get_data_as_bytes (written);
      g_autoptr(GVariant) written_points = g_variant_get_child_value (written, 3);
      StraitsProjectionMemo *back = _straits_projection_memo_from_bytes (written_bytes, "/nonexistent/memo",
                                                                         IDENTITY);

      if (back == NULL)
        g_error ("a memo written does not read back");
      assert_points_found (back, written_points);
      _straits_projection_memo_free (back);
    }
  _straits_projection_memo_free (memo);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GVariant) input = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEMO_TYPE), bytes,
                                                                            FALSE));
  g_autoptr(GVariant) points = g_variant_get_child_value (input, 3);
  g_autoptr(GVariant) arrays = g_variant_get_child_value (input, 4);
  g_autoptr(GVariant) sealed = _straits_projection_memo_seal (points, arrays, IDENTITY);
  g_autoptr(GBytes) sealed_bytes = g_variant_get_data_as_bytes (sealed);
  g_autoptr(GVariant) sealed_points = g_variant_get_child_value (sealed, 3);

  read_memo (bytes, NULL, FALSE);
  read_memo (sealed_bytes, sealed_points, TRUE);
  return 0;
}
