/* straits-renderer-choice.c: which GSK renderer draws the windows.
 *
 * Without a GPU, GTK 4.8's GL renderer runs on Mesa's software rasteriser
 * (llvmpipe), and moving the map's full-window image costs it about 60 ms
 * a frame at 1920x1080 on two cores, against 3-4 ms for GTK's cairo
 * renderer (bench-interaction). Virtual desktops and remote sessions, where
 * many of our users work, often have no GPU. So where there is no GPU render
 * node, Straits asks GTK for its cairo renderer, unless the user chose a
 * renderer with GSK_RENDERER.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-renderer-choice.h"

static gboolean
has_gpu_render_node (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

/* Call before the first window is shown: GTK reads GSK_RENDERER once, when
 * it realizes its first window. Returns the renderer asked for, or NULL
 * when GTK chooses. */
const char *
straits_choose_gsk_renderer (void)
{
  const char *chosen = g_getenv ("GSK_RENDERER");

  if (chosen != NULL)
    return chosen;
  if (has_gpu_render_node () && g_strcmp0 (g_getenv ("LIBGL_ALWAYS_SOFTWARE"), "1") != 0)
    return NULL;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}
