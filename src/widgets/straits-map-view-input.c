/* straits-map-view-input.c: the map view's input: pointer hover and
 * tooltips, drag and kinetic panning, scroll, pinch and keys, clicks that
 * select
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "straits-map-view-private.h"

#define KINETIC_FRICTION 5.0
#define ZOOM_STEP 1.25

/* A new country under the pointer only redraws its highlight; a new
 * relation under it redraws the frame, where relation curves are drawn. */
static void
set_hover (StraitsMapView *self,
           guint32         actor,
           guint32         relation)
{
  gboolean relation_changed = relation != self->hover_relation;

  self->hover_actor = actor;
  self->hover_relation = relation;
  if (relation_changed)
    _straits_map_view_push_hover (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           StraitsMapView           *self)
{
  guint32 actor, relation;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->renderer == NULL || self->interacting || self->hide_hover)
    return;
  _straits_map_view_pick (self, x, y, &actor, &relation);
  if (actor == self->hover_actor && relation == self->hover_relation)
    return;
  set_hover (self, actor, relation);
  _straits_map_view_announce (self);
  _straits_map_view_notify_hover (self);
}

/* The pointer left the map: nothing is under it, and the status bar
 * (which listens to the hover description) says so. */
static void
on_leave (GtkEventControllerMotion *controller,
          StraitsMapView           *self)
{
  _straits_map_view_clear_hover (self);
}

/* Nothing under the pointer any more: said to screen readers and to the
 * hover description's listeners (the status bar). */
void
_straits_map_view_clear_hover (StraitsMapView *self)
{
  if (self->hover_actor == STRAITS_NO_INDEX && self->hover_relation == STRAITS_NO_INDEX)
    return;
  set_hover (self, STRAITS_NO_INDEX, STRAITS_NO_INDEX);
  _straits_map_view_announce (self);
  _straits_map_view_notify_hover (self);
}

void
_straits_map_view_stop_kinetic (StraitsMapView *self)
{
  if (self->kinetic_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_id);
  self->kinetic_id = 0;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               StraitsMapView *self)
{
  _straits_map_view_stop_kinetic (self);
  _straits_map_view_ensure_viewport (self);
  self->drag_start = self->viewport;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                StraitsMapView *self)
{
  self->moved = TRUE;
  self->viewport.cx = self->drag_start.cx - dx * self->viewport.resolution;
  self->viewport.cy = self->drag_start.cy + dy * self->viewport.resolution;
  _straits_map_view_interaction_step (self);
}

static gboolean
kinetic_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_last) / 1e6, decay;

  self->kinetic_last = now;
  decay = exp (-KINETIC_FRICTION * dt);
  straits_map_view_pan (self, self->velocity_x * dt, self->velocity_y * dt);
  self->velocity_x *= decay;
  self->velocity_y *= decay;
  if (hypot (self->velocity_x, self->velocity_y) < 15)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Drags end with the map gliding on and slowing down. */
static void
on_swipe (GtkGestureSwipe *gesture,
          double           velocity_x,
          double           velocity_y,
          StraitsMapView  *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (hypot (velocity_x, velocity_y) < 100 || clock == NULL)
    return;
  self->velocity_x = velocity_x;
  self->velocity_y = velocity_y;
  self->kinetic_last = gdk_frame_clock_get_frame_time (clock);
  _straits_map_view_stop_kinetic (self);
  self->kinetic_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick, NULL, NULL);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           StraitsMapView           *self)
{
  straits_map_view_zoom (self, pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               StraitsMapView   *self)
{
  _straits_map_view_ensure_viewport (self);
  self->zoom_start_resolution = self->viewport.resolution;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       StraitsMapView *self)
{
  double x, y, factor;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  factor = self->viewport.resolution / (self->zoom_start_resolution / scale);
  straits_map_view_zoom (self, factor, x, y);
}

static gboolean
on_legend (StraitsMapView *self, double x, double y)
{
  StraitsRect r;

  return straits_map_renderer_get_legend_rect (self->renderer, &r) &&
         x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   StraitsMapView  *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint32 actor, relation;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->renderer == NULL)
    return;
  if (n_press == 2)
    {
      straits_map_view_zoom (self, 2, x, y);
      return;
    }
  /* A click on the window's legend folds or unfolds it, and selects
   * nothing under it. */
  if (!self->hide_hover && on_legend (self, x, y))
    {
      straits_map_view_set_legend_collapsed (self, !self->legend_collapsed);
      return;
    }
  _straits_map_view_pick (self, x, y, &actor, &relation);
  if (relation != STRAITS_NO_INDEX)
    straits_map_view_select_relation (self, relation);
  else if (actor != STRAITS_NO_INDEX)
    straits_map_view_select_actor (self, actor, (state & GDK_CONTROL_MASK) != 0);
  else
    straits_map_view_clear_selection (self);
}

static gboolean
on_query_tooltip (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  gpointer        data)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (widget);
  StraitsDataset *ds = self->renderer ? straits_map_renderer_get_dataset (self->renderer) : NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *title = NULL;
  guint32 actor, relation;

  if (ds == NULL)
    return FALSE;
  _straits_map_view_pick (self, x, y, &actor, &relation);
  title = _straits_map_view_describe (self, actor, relation);
  if (title == NULL)
    return FALSE;
  text = g_string_new (title);
  if (relation != STRAITS_NO_INDEX)
    {
      const StraitsRelation *r = straits_dataset_get_relation (ds, relation);

      if (r->summary)
        g_string_append_printf (text, "\n%s", r->summary);
    }
  else
    {
      guint n;
      const guint32 *rels = straits_dataset_relations_of_actor (ds, actor, &n);

      for (guint g = 0; g < straits_dataset_get_n_groupings (ds); g++)
        {
          const StraitsGroup *group = straits_dataset_group_of_actor (ds, g, actor);
          if (group)
            g_string_append_printf (text, "\n%s: %s", straits_dataset_get_grouping (ds, g)->label, group->label);
        }
      g_string_append_printf (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u relation", "%u relations", n), n);
      for (guint i = 0; i < MIN (n, 6); i++)
        {
          g_autofree char *line = _straits_map_view_describe (self, STRAITS_NO_INDEX, rels[i]);
          g_string_append_printf (text, "\n• %s", line);
        }
      if (n > 6)
        g_string_append (text, "\n…");
    }
  /* Plain text: dataset strings never become markup. */
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* Actions -------------------------------------------------------------------- */

static void
pan_action (GtkWidget *widget, const char *name, GVariant *param)
{
  double dx, dy;

  g_variant_get (param, "(dd)", &dx, &dy);
  straits_map_view_pan (STRAITS_MAP_VIEW (widget), dx * gtk_widget_get_width (widget) / 8,
                        dy * gtk_widget_get_height (widget) / 8);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  straits_map_view_zoom (STRAITS_MAP_VIEW (widget), g_variant_get_double (param) > 0 ? 1.5 : 1 / 1.5,
                         gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
reset_action (GtkWidget *widget, const char *name, GVariant *param)
{
  straits_map_view_reset (STRAITS_MAP_VIEW (widget));
}

static void
clear_selection_action (GtkWidget *widget, const char *name, GVariant *param)
{
  straits_map_view_clear_selection (STRAITS_MAP_VIEW (widget));
}

static void
add_pan_binding (GtkWidgetClass *klass, guint key, double dx, double dy)
{
  gtk_widget_class_add_binding_action (klass, key, 0, "map.pan", "(dd)", dx, dy);
}

void
_straits_map_view_class_input_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "map.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "map.clear-selection", NULL, clear_selection_action);
  add_pan_binding (widget_class, GDK_KEY_Left, 1, 0);
  add_pan_binding (widget_class, GDK_KEY_Right, -1, 0);
  add_pan_binding (widget_class, GDK_KEY_Up, 0, 1);
  add_pan_binding (widget_class, GDK_KEY_Down, 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom", "d", -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom", "d", -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "map.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.clear-selection", NULL);
}

void
_straits_map_view_input_init (StraitsMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *swipe = gtk_gesture_swipe_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkGesture *click = gtk_gesture_click_new ();


  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (swipe, "swipe", G_CALLBACK (on_swipe), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_gesture_group (drag, swipe);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, scroll);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (swipe));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
