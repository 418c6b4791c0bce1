/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "straits-application.h"
#include "straits-paths.h"

static void
setup_gettext (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_canonicalize_filename (BUILD_ROOT, NULL);
  gboolean uninstalled = exe != NULL && g_str_has_prefix (exe, build_root);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, uninstalled ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* GLib before 2.76 keeps memory freed through its slice allocator cached
 * for good: after loading a large dataset, most of the parse tree would
 * stay with the process (measured: 500 MB for a 54 MB file). G_SLICE is
 * read while GLib starts, before main(), so changing it takes an exec. */
static void
ensure_slices_use_malloc (char **argv)
{
  if (glib_check_version (2, 76, 0) == NULL || g_getenv ("G_SLICE") != NULL)
    return;
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  execv ("/proc/self/exe", argv);
  /* Should the exec fail, run on with the cached allocator. */
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StraitsApplication) app = NULL;

  ensure_slices_use_malloc (argv);
  setup_gettext ();
  app = straits_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
