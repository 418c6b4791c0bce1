/* test-renderer-choice.c: the renderer asked of GTK, and OpenGL left out
 * with GTK's cairo renderer (issue 20: GDK's OpenGL set-up was 40 ms of
 * the start). No display needed: only the environment is looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "straits-renderer-choice.h"

/* The path taken without a GPU, on any machine. */
static void
set_up_no_gpu (void)
{
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
}

static void
test_cairo_without_gl (void)
{
  set_up_no_gpu ();
  g_assert_cmpstr (straits_choose_gsk_renderer (), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
}

static void
test_keeps_debug_flags (void)
{
  set_up_no_gpu ();
  g_setenv ("GDK_DEBUG", "misc", TRUE);
  g_assert_cmpstr (straits_choose_gsk_renderer (), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc,gl-disable");
}

/* A renderer the user chose may be OpenGL's: GDK keeps its OpenGL. */
static void
test_users_renderer (void)
{
  set_up_no_gpu ();
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  g_assert_cmpstr (straits_choose_gsk_renderer (), ==, "ngl");
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer-choice/cairo-without-gl", test_cairo_without_gl);
  g_test_add_func ("/renderer-choice/keeps-debug-flags", test_keeps_debug_flags);
  g_test_add_func ("/renderer-choice/users-renderer", test_users_renderer);
  return g_test_run ();
}
