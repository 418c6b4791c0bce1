/* minimal-window.c: the baseline for start-up: a libadwaita window with a
 * header bar that quits after its first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

/* With STRAITS_TRACE set to the launch time in ns, as bench-startup.sh
 * sets it, the time from the launch to the first frame, as Straits
 * reports its own (src/model/straits-trace.c). */
static void
trace_first_frame (void)
{
  const char *launch = g_getenv ("STRAITS_TRACE");
  guint64 ns;

  if (launch != NULL && g_ascii_string_to_unsigned (launch, 10, 1, G_MAXUINT64, &ns, NULL))
    g_printerr ("straits-trace: %8.1f ms  first frame presented\n", (g_get_real_time () - (gint64) (ns / 1000)) / 1000.0);
}

static void
after_paint (GdkFrameClock *clock, GApplication *app)
{
  trace_first_frame ();
  g_application_quit (app);
}

static void
on_map (GtkWidget *window, GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), app);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Minimal"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 740);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("eu.straits.MinimalWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
