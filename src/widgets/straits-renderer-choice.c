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
 * GTK 4.8 sets up OpenGL as it opens an X11 display, whatever the
 * renderer: loading Mesa and llvmpipe took 40 of the 75 ms between main()
 * and a ready GTK (issue 20, bench-startup). With the cairo renderer
 * nothing of Straits draws with OpenGL, so that set-up is left out too
 * (GDK_DEBUG=gl-disable, which GTK honours in release builds). Programs
 * that Straits starts inherit both variables: they then draw with cairo
 * as well, which works everywhere.
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

/* Adds gl-disable to the GDK_DEBUG flags, keeping any the user set. */
static void
disable_gl (void)
{
  const char *flags = g_getenv ("GDK_DEBUG");
  g_autofree char *value = flags != NULL && *flags != '\0' ? g_strconcat (flags, ",gl-disable", NULL)
                                                           : g_strdup ("gl-disable");

  g_setenv ("GDK_DEBUG", value, TRUE);
}

/* Call before GTK is initialised (GTK reads GDK_DEBUG then) and before
 * any thread starts (it sets environment variables); GTK reads
 * GSK_RENDERER once, when it realizes its first window. Returns the
 * renderer asked for, or NULL when GTK chooses. */
const char *
straits_choose_gsk_renderer (void)
{
  const char *chosen = g_getenv ("GSK_RENDERER");

  if (chosen != NULL)
    return chosen;
  if (has_gpu_render_node () && g_strcmp0 (g_getenv ("LIBGL_ALWAYS_SOFTWARE"), "1") != 0)
    return NULL;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  disable_gl ();
  return "cairo";
}
