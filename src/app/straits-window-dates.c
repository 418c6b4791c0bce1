/* straits-window-dates.c: two dates side by side (Ctrl+T)
 *
 * The map splits in two: the left keeps following the time bar, the
 * right shows a copy of its scene at a second date, chosen with a year
 * control of its own (the dataset's latest year to begin with). Each half
 * says its date in a corner and to screen readers; pan and zoom are one
 * (each side's extent is set from the other's, guarded against echoes),
 * and so is the selection. The export dialog then draws the two panels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "straits-window-private.h"

/* "As of December 2014", or "All dates" without a date. */
static char *
date_text (const StraitsDate *date)
{
  g_autofree char *when = date != NULL ? straits_date_format (date) : NULL;

  return when != NULL ? g_strdup_printf (_("As of %s"), when) : g_strdup (_("All dates"));
}

static GtkWidget *
corner_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

/* A box in a map's bottom-right corner for its date (and the right's
 * control): the corner the map's legend never takes. */
static GtkWidget *
corner_box (GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "toolbar");
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static StraitsDate
compare_date (StraitsWindow *self)
{
  StraitsDate date = STRAITS_DATE_INIT;
  char text[8];

  g_snprintf (text, sizeof text, "%d", gtk_spin_button_get_value_as_int (self->compare_year));
  straits_date_parse (text, &date);
  return date;
}

/* Each half's date in its corner; the right map's accessible name says
 * it too (both describe their dates, as every map does). */
static void
update_labels (StraitsWindow *self)
{
  StraitsMapScene *left = straits_map_view_get_scene (self->map_view);
  StraitsDate date = compare_date (self);
  g_autofree char *left_text = date_text (left ? straits_map_scene_get_time (left) : NULL);
  g_autofree char *right_text = date_text (&date);
  const StraitsViewInfo *info = _straits_window_find_view_info (self, self->current_view);
  const char *title = info != NULL ? info->title : _("Map");
  g_autofree char *right_name = g_strdup_printf ("%s, %s", title, right_text);

  gtk_label_set_text (self->compare_left_label, left_text);
  gtk_label_set_text (self->compare_right_label, right_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_view), GTK_ACCESSIBLE_PROPERTY_LABEL, right_name, -1);
}

static void on_right_changed (StraitsMapScene *scene, guint what, StraitsWindow *self);

/* The right half shows what the left shows, at its own date and the
 * left's extent: a copy made again whenever the left's content changes. */
static void
rebuild_right (StraitsWindow *self)
{
  StraitsMapScene *left = straits_map_view_get_scene (self->map_view);
  StraitsMapScene *old = straits_map_view_get_scene (self->compare_view);
  g_autoptr(StraitsMapScene) scene = NULL;
  StraitsDate date = compare_date (self);
  StraitsViewport vp;

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_right_changed, self);
  if (left == NULL)
    return;
  scene = straits_map_scene_copy (left);
  straits_map_scene_set_time (scene, &date);
  straits_map_view_set_scene (self->compare_view, scene);
  /* Kept, not fitted again: the halves have one extent. */
  if (straits_map_scene_get_viewport (left, &vp))
    straits_map_view_set_viewport (self->compare_view, &vp);
  g_signal_connect (scene, "changed", G_CALLBACK (on_right_changed), self);
  update_labels (self);
}

/* Copies the extent and the selection @what says changed from @from to
 * @to; the echo of the copy is ignored. */
static void
follow (StraitsWindow *self, StraitsMapScene *from, StraitsMapScene *to, guint what)
{
  StraitsViewport vp;

  if (to == NULL || self->compare_syncing)
    return;
  self->compare_syncing = TRUE;
  if ((what & STRAITS_SCENE_VIEWPORT) && straits_map_scene_get_viewport (from, &vp))
    straits_map_scene_set_viewport (to, &vp);
  if (what & STRAITS_SCENE_SELECTION)
    {
      guint n;
      const guint32 *actors = straits_map_scene_get_selected_actors (from, &n);

      straits_map_scene_set_selection (to, actors, n, straits_map_scene_get_selected_relation (from));
    }
  self->compare_syncing = FALSE;
}

static void
on_right_changed (StraitsMapScene *scene, guint what, StraitsWindow *self)
{
  follow (self, scene, straits_map_view_get_scene (self->map_view), what);
}

/* What the left half shows besides its date, extent, selection and hover
 * goes to the right as a new copy; its date only to its label. */
static void
on_left_changed (StraitsMapScene *scene, guint what, StraitsWindow *self)
{
  guint own = STRAITS_SCENE_TIME | STRAITS_SCENE_SELECTION | STRAITS_SCENE_HOVER | STRAITS_SCENE_VIEWPORT;

  if (self->compare_syncing)
    return;
  if (what & STRAITS_SCENE_CONTENT & ~own)
    rebuild_right (self);
  else
    follow (self, scene, straits_map_view_get_scene (self->compare_view), what);
  if (what & STRAITS_SCENE_TIME)
    update_labels (self);
}

/* The left map got a new scene (another view, another dataset). */
static void
on_left_scene (StraitsWindow *self)
{
  if (self->compare_left_scene != NULL)
    g_signal_handlers_disconnect_by_func (self->compare_left_scene, on_left_changed, self);
  g_set_object (&self->compare_left_scene, straits_map_view_get_scene (self->map_view));
  if (self->compare_left_scene != NULL)
    g_signal_connect (self->compare_left_scene, "changed", G_CALLBACK (on_left_changed), self);
  rebuild_right (self);
}

static void
on_year_changed (StraitsWindow *self)
{
  StraitsMapScene *right = straits_map_view_get_scene (self->compare_view);
  StraitsDate date = compare_date (self);

  if (right != NULL)
    straits_map_scene_set_time (right, &date);
  update_labels (self);
}

/* The year control: the dataset's first to latest year, at the latest;
 * the left's year without dated data. */
static GtkWidget *
year_control (StraitsWindow *self)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  const StraitsDate *data_date = dataset ? &straits_dataset_get_metadata (dataset)->date : NULL;
  StraitsDate left = _straits_window_time_slider_date (self);
  int latest = data_date != NULL && data_date->year > 0 ? data_date->year : left.year > 0 ? left.year : 2025;
  GtkWidget *spin = gtk_spin_button_new_with_range (1900, MAX (latest, 1900), 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), latest);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  /* Translators: the control of the second date of the split map */
  gtk_widget_set_tooltip_text (spin, _("Year of the right-hand map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year of the right-hand map"), -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_year_changed), self);
  return spin;
}

/* An overlay of @map with @corner in its corner. */
static GtkWidget *
half (GtkWidget *map, GtkWidget *corner)
{
  GtkWidget *overlay = gtk_overlay_new ();

  gtk_widget_set_hexpand (overlay, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), map);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), corner_box (corner));
  return overlay;
}

/* Splits the map: the map view moves into the left half of a box of two
 * equal halves (the same extent fits both), in the map's overlay. */
static void
split (StraitsWindow *self)
{
  GtkOverlay *overlay = GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->map_view)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *right_corner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  self->compare_view = STRAITS_MAP_VIEW (straits_map_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->compare_view), TRUE);
  self->compare_left_label = GTK_LABEL (corner_label ());
  self->compare_right_label = GTK_LABEL (corner_label ());
  self->compare_year = GTK_SPIN_BUTTON (year_control (self));
  gtk_box_append (GTK_BOX (right_corner), GTK_WIDGET (self->compare_right_label));
  gtk_box_append (GTK_BOX (right_corner), GTK_WIDGET (self->compare_year));

  g_object_ref (self->map_view);
  gtk_overlay_set_child (overlay, NULL);
  gtk_box_append (GTK_BOX (box), half (GTK_WIDGET (self->map_view), GTK_WIDGET (self->compare_left_label)));
  gtk_box_append (GTK_BOX (box), half (GTK_WIDGET (self->compare_view), right_corner));
  g_object_unref (self->map_view);
  gtk_overlay_set_child (overlay, box);
  self->compare_box = box;
  on_left_scene (self);
  g_signal_connect_swapped (self->map_view, "notify::scene", G_CALLBACK (on_left_scene), self);
}

/* Back to one map, the left's, where it was. */
static void
unsplit (StraitsWindow *self)
{
  GtkOverlay *overlay = GTK_OVERLAY (gtk_widget_get_parent (self->compare_box));
  GtkOverlay *left_half = GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->map_view)));
  StraitsMapScene *right = straits_map_view_get_scene (self->compare_view);

  g_signal_handlers_disconnect_by_func (self->map_view, on_left_scene, self);
  if (right != NULL)
    g_signal_handlers_disconnect_by_func (right, on_right_changed, self);
  if (self->compare_left_scene != NULL)
    g_signal_handlers_disconnect_by_func (self->compare_left_scene, on_left_changed, self);
  g_clear_object (&self->compare_left_scene);
  g_object_ref (self->map_view);
  gtk_overlay_set_child (left_half, NULL);
  gtk_overlay_set_child (overlay, GTK_WIDGET (self->map_view));
  g_object_unref (self->map_view);
  self->compare_box = NULL;
  self->compare_view = NULL;
  self->compare_left_label = self->compare_right_label = NULL;
  self->compare_year = NULL;
}

static void
compare_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StraitsWindow *self = user_data;
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));
  gboolean on = !g_variant_get_boolean (state);

  if (on == (self->compare_box != NULL))
    return;
  if (on && straits_map_view_get_scene (self->map_view) == NULL)
    return;
  if (on)
    split (self);
  else
    unsplit (self);
  g_simple_action_set_state (action, g_variant_new_boolean (on));
}

/* The right half's scene while the map is split, else NULL.
 * (transfer none) (nullable) */
StraitsMapScene *
_straits_window_dates_scene (StraitsWindow *self)
{
  return self->compare_view != NULL ? straits_map_view_get_scene (self->compare_view) : NULL;
}

void
_straits_window_dates_init (StraitsWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("compare-dates", NULL,
                                                                    g_variant_new_boolean (FALSE));
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_signal_connect (action, "activate", G_CALLBACK (compare_action), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.compare-dates")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
_straits_window_dates_dispose (StraitsWindow *self)
{
  /* The map view goes after the window's dispose: it must not call back. */
  if (self->map_view != NULL)
    g_signal_handlers_disconnect_by_func (self->map_view, on_left_scene, self);
  if (self->compare_left_scene != NULL)
    g_signal_handlers_disconnect_by_func (self->compare_left_scene, on_left_changed, self);
  g_clear_object (&self->compare_left_scene);
  if (self->compare_view != NULL && straits_map_view_get_scene (self->compare_view) != NULL)
    g_signal_handlers_disconnect_by_func (straits_map_view_get_scene (self->compare_view), on_right_changed, self);
}
