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
#include "straits-trace.h"

static void
setup_gettext (void)
{
  g_autofree char *localedir = straits_locale_dir ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StraitsApplication) app = NULL;
  int status;

  straits_trace ("main");
  setup_gettext ();
  straits_choose_gsk_renderer ();
  app = straits_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  straits_trace ("main loop left");
  return status;
}
