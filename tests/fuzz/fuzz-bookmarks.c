/* fuzz-bookmarks.c: the bookmarks file reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fuzz.h"
#include "straits-bookmarks.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StraitsBookmarks) b = straits_bookmarks_parse (bytes);

  for (guint i = 0; b != NULL && i < straits_bookmarks_get_n (b); i++)
    {
      const StraitsBookmark *m = straits_bookmarks_get (b, i);

      if (m->title == NULL || m->view == NULL)
        g_error ("a bookmark without a title or a view");
      if (m->has_viewport && (!isfinite (m->cx) || !isfinite (m->cy) || !(m->resolution > 0)))
        g_error ("a viewport that cannot be drawn was accepted");
    }
  return 0;
}
