/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "straits-application.h"
#include "straits-paths.h"
#include "straits-renderer-choice.h"

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StraitsApplication) app = NULL;

  setup_gettext ();
  straits_choose_gsk_renderer ();
  app = straits_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
