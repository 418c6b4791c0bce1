/* test-start.c: what the start leaves for later (issue 20). The keyboard
 * shortcuts window is not where GTK would build it for every window as it
 * opens (gtk/help-overlay.ui under the application's resources), but
 * under a name of its own, and builds from there. Needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#define BASE "/eu/straits/Straits"

static void
test_shortcuts_built_on_demand (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  g_assert_false (g_resources_get_info (BASE "/gtk/help-overlay.ui", 0, NULL, NULL, &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  builder = gtk_builder_new_from_resource (BASE "/ui/shortcuts.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/start/shortcuts-built-on-demand", test_shortcuts_built_on_demand);
  return g_test_run ();
}
