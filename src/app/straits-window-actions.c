/* straits-window-actions.c: the window's actions and keys besides loading, search and presenting: export, about, the panel, the legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-export-dialog.h"
#include "straits-window-private.h"

/* Ctrl+E: the map as it is on screen, as a figure. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);
  StraitsMapScene *scene = straits_map_view_get_scene (self->map_view);
  const StraitsViewInfo *info = _straits_window_find_view_info (self, self->current_view);
  StraitsViewport vp = straits_map_view_get_viewport (self->map_view);
  GtkWidget *dialog;

  if (scene == NULL || info == NULL)
    return;
  dialog = straits_export_dialog_new (GTK_WINDOW (self), scene, &vp,
                                      gtk_widget_get_width (GTK_WIDGET (self->map_view)),
                                      info->title, info->subtitle, self->settings);
  /* Two dates side by side export as one figure of two panels. */
  if (_straits_window_dates_scene (self) != NULL)
    straits_export_dialog_set_compare (STRAITS_EXPORT_DIALOG (dialog), _straits_window_dates_scene (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* StraitsSidePanel::export-chart: a side panel chart, through the same
 * dialog as the map's figures. */
static void
on_export_chart (StraitsWindow *self,
                 guint          figure,
                 gboolean       donut)
{
  if (straits_session_get_dataset (self->session) == NULL || figure >= straits_dataset_get_n_figures (straits_session_get_dataset (self->session)))
    return;
  gtk_window_present (GTK_WINDOW (straits_export_dialog_new_for_chart (GTK_WINDOW (self), straits_session_get_dataset (self->session), figure,
                                                                       donut ? STRAITS_CHART_DONUT : STRAITS_CHART_AUTO,
                                                                       self->settings)));
}

void
straits_window_show_about (StraitsWindow *self)
{
  GtkWidget *about = adw_about_window_new ();
  const char *developers[] = { _("The Straits developers"), NULL };
  const char *map_credits[] = { _("Made with Natural Earth: free vector and raster map data"), NULL };

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Straits"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
    _("Explore relations, events and figures of European security policy on maps of the Black Sea, the Aegean and Europe."));

  for (guint i = 0; straits_session_get_dataset (self->session) != NULL && i < straits_dataset_get_n_sources (straits_session_get_dataset (self->session)); i++)
    {
      const StraitsSource *s = straits_dataset_get_source (straits_session_get_dataset (self->session), i);
      g_autofree char *authors = s->authors ? g_strjoinv (", ", (char **) s->authors) : NULL;
      g_autofree char *line = g_strdup_printf ("%s%s%s%s%s", authors ? authors : "", authors ? ": " : "",
                                               s->title, s->licence ? ", " : "", s->licence ? s->licence : "");
      const char *names[] = { line, NULL };

      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Dataset sources"), names);
    }
  if (straits_session_get_sipri (self->session) != NULL)
    {
      g_autofree char *citation = straits_sipri_register_citation (straits_session_get_sipri (self->session));
      const char *names[] = { citation, NULL };

      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Trade register"), names);
    }
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map data"), map_credits);
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (about));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StraitsWindow *self = STRAITS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* L toggles the legend, except while the user types (the search entry,
 * a title): taken in the capture phase, before type-to-search, which
 * would otherwise start a search for "l". */
static gboolean
legend_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.show-legend", NULL);
}

static void
add_legend_key (StraitsWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, 0),
                                                          gtk_callback_action_new (legend_key, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* The keyboard shortcuts window, built when first asked for. GTK would
 * build one for each application window as it is added, from the
 * application's gtk/help-overlay.ui: 6 ms of every start (issue 20), so
 * the file is installed under another name. */
static void
show_shortcuts (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/eu/straits/Straits/ui/shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Its own action is only added where the window has none. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
add_shortcuts_action (StraitsWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_shortcuts), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

void
_straits_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_bind_template_callback (widget_class, on_export_chart);
}

void
_straits_window_actions_init (StraitsWindow *self)
{
  add_legend_key (self);
  add_shortcuts_action (self);
}
