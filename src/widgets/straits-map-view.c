/* straits-map-view.c
 *
 * While the user pans or zooms, frames show the last full rendering,
 * moved and scaled, so that no frame waits for the renderer; a full
 * rendering follows once the interaction has rested for a moment. A
 * thread draws it (with a new base layer when the zoom changed), and the
 * moved rendering stays until it is ready: the frame that shows it only
 * copies it. So does a resize, and a move made at once (a bookmark, a
 * reset, an actor sought). The first frame, another view's first frame
 * and a change of what the map shows are drawn at once, on the main
 * thread: there is no rendering of theirs to stand in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "straits-map-flows.h"
#include "straits-map-view-private.h"
#include "straits-trace.h"

#define SETTLE_MS 140
#define KINETIC_FRICTION 5.0
#define ZOOM_STEP 1.25
#define MIN_RESOLUTION 20.0       /* metres per pixel */
#define MAX_RESOLUTION 20000.0


G_DEFINE_FINAL_TYPE (StraitsMapView, straits_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENE,
  PROP_SELECTED_ACTOR,
  PROP_SECOND_ACTOR,
  PROP_SELECTED_RELATION,
  PROP_HOVER_DESCRIPTION,
  PROP_SHOW_HOVER,
  PROP_LEGEND_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FIRST_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invalidate_cache (StraitsMapView *self)
{
  _straits_map_view_retire_cache (self);
}

static void
cancel_preparing (StraitsMapView *self)
{
  g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
}

/* Drawn at once, on the main thread: a frame being drawn in a thread for
 * what the map showed is of no use. */
void
straits_map_view_queue_full_redraw (StraitsMapView *self)
{
  cancel_preparing (self);
  invalidate_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void note_drawn (StraitsMapView *self);

/* The frame at rest, drawn in a thread, becomes the cache. */
static void
on_frame_prepared (GObject      *renderer,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *frame = straits_map_renderer_prepare_frame_finish (STRAITS_MAP_RENDERER (renderer), result,
                                                                      &error);
  StraitsMapView *self;

  /* Cancelled ones may outlive the view: leave @data alone. */
  if (error != NULL)
    return;
  self = data;
  g_clear_object (&self->preparing);
  if (frame == NULL)
    {
      /* What the map shows changed meanwhile. */
      straits_map_view_queue_full_redraw (self);
      return;
    }
  invalidate_cache (self);
  self->cache = frame;
  self->cache_viewport = self->preparing_viewport;
  self->cache_width = self->preparing_width;
  self->cache_height = self->preparing_height;
  straits_trace ("map frame drawn in a thread");
  note_drawn (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Resized (a maximized window, a presentation): the scenes kept or
   * drawn ahead are drawn again at the new size. */
  _straits_map_view_redraw_kept (self);
}

/* Starts drawing the frame at rest of the current viewport in a thread,
 * while the cached one, moved and scaled, stands in for it; FALSE if
 * there is none to show meanwhile (it is drawn at once). The frame that
 * shows it then only copies it: the main thread draws nothing. */
static gboolean
prepare_frame (StraitsMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  cancel_preparing (self);
  if (self->renderer == NULL || self->cache == NULL || width <= 0 || height <= 0)
    return FALSE;
  self->preparing = g_cancellable_new ();
  self->preparing_viewport = self->viewport;
  self->preparing_width = width;
  self->preparing_height = height;
  straits_map_renderer_prepare_frame_async (self->renderer, width, height, scale, &self->viewport,
                                            self->preparing, on_frame_prepared, self);
  return TRUE;
}

static gboolean
settle (gpointer data)
{
  StraitsMapView *self = data;

  self->settle_id = 0;
  self->interacting = FALSE;
  /* At rest the frame is drawn for itself: the cached layer's labels
   * were placed for a larger area than the frame. */
  if (self->renderer != NULL)
    straits_map_renderer_draw_next_exactly (self->renderer);
  if (!prepare_frame (self))
    straits_map_view_queue_full_redraw (self);
  return G_SOURCE_REMOVE;
}

/* Called at each step of an interaction: quick frames until it rests. */
void
_straits_map_view_interaction_step (StraitsMapView *self)
{
  self->interacting = TRUE;
  cancel_preparing (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Viewport ---------------------------------------------------------------- */

void
_straits_map_view_ensure_viewport (StraitsMapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->has_viewport || self->renderer == NULL || width <= 0 || height <= 0)
    return;
  self->viewport = straits_map_renderer_fit (self->renderer, width, height);
  self->has_viewport = TRUE;
  self->moved = FALSE;
  self->fitted_width = width;
  self->fitted_height = height;
}

StraitsViewport
straits_map_view_get_viewport (StraitsMapView *self)
{
  _straits_map_view_ensure_viewport (self);
  return self->viewport;
}

/* The map moved at once (a bookmark, a reset, an actor sought): its
 * frame is drawn in a thread, as when a zoom rests, and the cached image
 * moved stands in meanwhile. */
static void
queue_moved (StraitsMapView *self)
{
  if (self->renderer != NULL)
    straits_map_renderer_draw_next_exactly (self->renderer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
straits_map_view_set_viewport (StraitsMapView        *self,
                               const StraitsViewport *viewport)
{
  self->viewport = *viewport;
  self->viewport.resolution = CLAMP (viewport->resolution, MIN_RESOLUTION, MAX_RESOLUTION);
  self->has_viewport = TRUE;
  self->moved = TRUE;
  queue_moved (self);
}

void
straits_map_view_reset (StraitsMapView *self)
{
  self->has_viewport = FALSE;
  queue_moved (self);
}

/* Zooms by @factor (> 1 zooms in) keeping the point under (@x, @y). */
void
straits_map_view_zoom (StraitsMapView *self,
                       double          factor,
                       double          x,
                       double          y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double mx, my, resolution;

  _straits_map_view_ensure_viewport (self);
  if (!self->has_viewport)
    return;
  straits_viewport_to_map (&self->viewport, width, height, x, y, &mx, &my);
  resolution = CLAMP (self->viewport.resolution / factor, MIN_RESOLUTION, MAX_RESOLUTION);
  self->moved = TRUE;
  self->viewport.cx = mx - (x - width / 2.0) * resolution;
  self->viewport.cy = my + (y - height / 2.0) * resolution;
  self->viewport.resolution = resolution;
  _straits_map_view_interaction_step (self);
}

/* Moves the map by (@dx, @dy) pixels. */
void
straits_map_view_pan (StraitsMapView *self,
                      double          dx,
                      double          dy)
{
  _straits_map_view_ensure_viewport (self);
  self->moved = TRUE;
  self->viewport.cx -= dx * self->viewport.resolution;
  self->viewport.cy += dy * self->viewport.resolution;
  _straits_map_view_interaction_step (self);
}

void
straits_map_view_center_on_actor (StraitsMapView *self,
                                  guint32         actor)
{
  double x, y;

  _straits_map_view_ensure_viewport (self);
  if (self->renderer == NULL || !straits_map_renderer_get_actor_anchor (self->renderer, actor, &x, &y))
    return;
  self->viewport.cx = x;
  self->viewport.cy = y;
  self->moved = TRUE;
  queue_moved (self);
}

/* Drawing ------------------------------------------------------------------ */


/* What the frame just cached shows, told to screen readers when it
 * changed. */
static void
note_drawn (StraitsMapView *self)
{
  GPtrArray *labels = straits_map_renderer_get_legend_labels (self->renderer);
  g_autofree char *legend = NULL;

  g_ptr_array_add (labels, NULL);
  legend = g_strjoinv (", ", (char **) labels->pdata);
  g_ptr_array_remove_index (labels, labels->len - 1);
  if (straits_map_renderer_get_n_drawn_relations (self->renderer) != self->n_drawn_relations ||
      straits_map_renderer_get_n_drawn_flows (self->renderer) != self->n_drawn_flows ||
      g_strcmp0 (legend, self->legend_text) != 0)
    {
      self->n_drawn_relations = straits_map_renderer_get_n_drawn_relations (self->renderer);
      self->n_drawn_flows = straits_map_renderer_get_n_drawn_flows (self->renderer);
      g_free (self->legend_text);
      self->legend_text = g_steal_pointer (&legend);
      _straits_map_view_announce (self);
    }
}

static void
render_cache (StraitsMapView *self,
              int             width,
              int             height,
              int             scale)
{
  cairo_t *cr;

  invalidate_cache (self);
  self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->cache, scale, scale);
  cr = cairo_create (self->cache);
  straits_map_renderer_draw (self->renderer, cr, width, height, &self->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (self->cache);
  straits_trace ("map frame drawn");
  note_drawn (self);
  self->cache_viewport = self->viewport;
  self->cache_width = width;
  self->cache_height = height;
}

/* The country under the pointer, over the cached frame: the pointer
 * moves often, and the frame stays as it is. */
static void
append_hover (StraitsMapView *self,
              GtkSnapshot    *snapshot,
              int             width,
              int             height)
{
  StraitsRect r;
  cairo_t *cr;

  if (self->hover_actor == STRAITS_NO_INDEX || self->interacting ||
      !straits_map_renderer_get_hover_extents (self->renderer, width, height, &self->viewport,
                                               self->hover_actor, &r))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height));
  straits_map_renderer_draw_hover (self->renderer, cr, width, height, &self->viewport, self->hover_actor);
  cairo_destroy (cr);
}

/* Whether a frame of @width x @height at @viewport is the current one. */
static gboolean
frame_is (StraitsMapView        *self,
          int                    current_width,
          int                    current_height,
          int                    width,
          int                    height,
          const StraitsViewport *viewport)
{
  return width == current_width && height == current_height && straits_viewport_equal (viewport, &self->viewport);
}

static void
straits_map_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->renderer == NULL || width <= 0 || height <= 0)
    return;
  _straits_map_view_ensure_viewport (self);
  /* A first frame drawn ahead of the window at another size or scale is
   * no stand-in: it is drawn anew (straits_map_view_adopt_drawing). */
  if (self->frame_count == 0 && self->cache != NULL &&
      (cairo_image_surface_get_width (self->cache) != width * scale ||
       cairo_image_surface_get_height (self->cache) != height * scale))
    invalidate_cache (self);
  if (self->cache == NULL)
    render_cache (self, width, height, scale);
  else if (frame_is (self, width, height, self->cache_width, self->cache_height, &self->cache_viewport))
    /* Back where the cache was drawn: what is drawn ahead is of no use. */
    cancel_preparing (self);
  else if (!self->interacting &&
           (self->preparing == NULL || !frame_is (self, width, height, self->preparing_width,
                                                  self->preparing_height, &self->preparing_viewport)))
    /* Resized, or refitted: the cached image stands in meanwhile. */
    prepare_frame (self);
  /* The scene's extent is the one last shown (exports start from it). */
  straits_map_scene_set_viewport (self->scene, &self->viewport);
  _straits_map_view_append_cache (self, snapshot, width, height);
  append_hover (self, snapshot, width, height);
  _straits_map_view_note_snapshot (self);
  if (self->frame_count == 1)
    g_signal_emit (self, signals[FIRST_FRAME], 0);
}

static void
straits_map_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (widget);

  /* A view nobody has moved is fitted again to the new size (it kept the
   * old extent, half off screen after a resize); a moved one keeps its
   * centre and scale. */
  if (self->has_viewport && !self->moved && (width != self->fitted_width || height != self->fitted_height))
    {
      self->has_viewport = FALSE;
      gtk_widget_queue_draw (widget);
    }
  if (!self->has_viewport)
    _straits_map_view_ensure_viewport (self);
}

/* Selection and hover ---------------------------------------------------------- */

/* The relation under the pointer, into the scene (its ::changed handler
 * redraws). The country under the pointer is the view's to draw
 * (append_hover), over the cached frame, so that moving the pointer over
 * the map redraws nothing. */
void
_straits_map_view_push_hover (StraitsMapView *self)
{
  if (self->scene != NULL)
    straits_map_scene_set_hover (self->scene, STRAITS_NO_INDEX, self->hover_relation);
}

/* The selection is the scene's: the view reads it there and writes it
 * there, and hears of any change (its own or another's) in
 * on_scene_changed(). Without a scene nothing is selected. */
static const guint32 *
selection (StraitsMapView *self, guint *n, guint32 *relation)
{
  static const guint32 none[1];

  *n = 0;
  *relation = STRAITS_NO_INDEX;
  if (self->scene == NULL)
    return none;
  *relation = straits_map_scene_get_selected_relation (self->scene);
  return straits_map_scene_get_selected_actors (self->scene, n);
}

static void
set_selection (StraitsMapView *self, const guint32 *actors, guint n, guint32 relation)
{
  if (self->scene != NULL)
    straits_map_scene_set_selection (self->scene, actors, n, relation);
}

static const char *
actor_name (StraitsMapView *self, guint32 actor)
{
  StraitsDataset *ds = self->renderer ? straits_map_renderer_get_dataset (self->renderer) : NULL;

  if (ds == NULL || actor >= straits_dataset_get_n_actors (ds))
    return NULL;
  return straits_dataset_get_actor (ds, actor)->name;
}

char *
_straits_map_view_describe (StraitsMapView *self, guint32 actor, guint32 relation)
{
  StraitsDataset *ds = self->renderer ? straits_map_renderer_get_dataset (self->renderer) : NULL;

  if (ds != NULL && relation != STRAITS_NO_INDEX && relation < straits_dataset_get_n_relations (ds))
    {
      const StraitsRelation *r = straits_dataset_get_relation (ds, relation);

      /* Translators: a relation, e.g. "Procurement: Poland → Turkey" */
      return g_strdup_printf (_("%s: %s → %s"), straits_dataset_get_relation_type (ds, r->type)->label,
                              actor_name (self, r->from), actor_name (self, r->to));
    }
  if (actor_name (self, actor) != NULL)
    return g_strdup (actor_name (self, actor));
  return NULL;
}

/* The accessible description: the date shown, what is selected, what the
 * pointer is on, and how many relations the map shows (it changes with
 * the time slider). */
void
_straits_map_view_announce (StraitsMapView *self)
{
  g_autofree char *selected = straits_map_view_describe_selection (self);
  g_autofree char *hovered = _straits_map_view_describe (self, self->hover_actor, self->hover_relation);
  const StraitsDate *time = self->scene != NULL ? straits_map_scene_get_time (self->scene) : NULL;
  g_autofree char *when = time != NULL ? straits_date_format (time) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Two maps side by side differ by their dates: each says its own. */
  if (when != NULL)
    /* Translators: opens the map's accessible description: "As of December 2014." */
    g_string_append_printf (text, _("As of %s. "), when);
  else if (self->scene != NULL)
    g_string_append (text, _("All dates. "));
  if (selected)
    g_string_append_printf (text, _("Selected: %s. "), selected);
  if (hovered)
    g_string_append_printf (text, _("Pointer on: %s. "), hovered);
  g_string_append_printf (text, g_dngettext (NULL, "%u relation shown.", "%u relations shown.",
                                             self->n_drawn_relations),
                          self->n_drawn_relations);
  if (self->n_drawn_flows > 0)
    g_string_append_printf (text, g_dngettext (NULL, " %u arms flow shown.", " %u arms flows shown.",
                                               self->n_drawn_flows),
                            self->n_drawn_flows);
  if (self->legend_text != NULL && self->legend_text[0] != '\0')
    /* Translators: the map's legend read out, e.g. "Legend: Cooperative, Cautious." */
    g_string_append_printf (text, _(" Legend: %s."), self->legend_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

/* Says a change of the scene's selection (the view's or another's). */
static void
selection_changed (StraitsMapView *self)
{
  _straits_map_view_announce (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECOND_ACTOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}

/* With @add, a second actor joins one already selected (a pair). */
void
straits_map_view_select_actor (StraitsMapView *self,
                               guint32         actor,
                               gboolean        add)
{
  guint n;
  guint32 relation, actors[2];
  const guint32 *selected = selection (self, &n, &relation);
  guint count = 0;

  if (add && n == 1)
    actors[count++] = selected[0];
  if (actor != STRAITS_NO_INDEX && !(count == 1 && actors[0] == actor))
    actors[count++] = actor;
  set_selection (self, actors, count, STRAITS_NO_INDEX);
}

/* Selects all of @actors at once: the members of a group. */
void
straits_map_view_select_actors (StraitsMapView *self,
                                const guint32  *actors,
                                guint           n_actors)
{
  set_selection (self, actors, n_actors, STRAITS_NO_INDEX);
}

void
straits_map_view_select_relation (StraitsMapView *self,
                                  guint32         relation)
{
  set_selection (self, NULL, 0, relation);
}

void
straits_map_view_clear_selection (StraitsMapView *self)
{
  set_selection (self, NULL, 0, STRAITS_NO_INDEX);
}

const guint32 *
straits_map_view_get_selected_actors (StraitsMapView *self,
                                      guint          *n)
{
  guint32 relation;

  return selection (self, n, &relation);
}

guint32
straits_map_view_get_selected_relation (StraitsMapView *self)
{
  guint n;
  guint32 relation;

  selection (self, &n, &relation);
  return relation;
}

char *
straits_map_view_describe_selection (StraitsMapView *self)
{
  guint n;
  guint32 relation;
  const guint32 *actors = selection (self, &n, &relation);

  if (relation != STRAITS_NO_INDEX)
    return _straits_map_view_describe (self, STRAITS_NO_INDEX, relation);
  if (n == 2)
    return g_strdup_printf (_("%s and %s"), actor_name (self, actors[0]), actor_name (self, actors[1]));
  if (n == 1)
    return _straits_map_view_describe (self, actors[0], STRAITS_NO_INDEX);
  return NULL;
}

/* The scene's legend folded as the reader asked, but whole in front of
 * an audience (no hover: a presentation). */
static void
apply_legend_collapsed (StraitsMapView *self)
{
  if (self->scene != NULL)
    straits_map_scene_set_legend_collapsed (self->scene, self->legend_collapsed && !self->hide_hover);
}

void
straits_map_view_set_legend_collapsed (StraitsMapView *self,
                                       gboolean        collapsed)
{
  g_return_if_fail (STRAITS_IS_MAP_VIEW (self));
  if (self->legend_collapsed == !!collapsed)
    return;
  self->legend_collapsed = !!collapsed;
  apply_legend_collapsed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGEND_COLLAPSED]);
}

gboolean
straits_map_view_get_legend_collapsed (StraitsMapView *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_VIEW (self), FALSE);
  return self->legend_collapsed;
}

void
straits_map_view_set_show_hover (StraitsMapView *self,
                                 gboolean        show)
{
  g_return_if_fail (STRAITS_IS_MAP_VIEW (self));
  if (self->hide_hover == !show)
    return;
  self->hide_hover = !show;
  apply_legend_collapsed (self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), show);
  if (!show)
    _straits_map_view_clear_hover (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HOVER]);
}

guint64
straits_map_view_get_frame_count (StraitsMapView *self)
{
  return self->frame_count;
}

void
_straits_map_view_pick (StraitsMapView *self, double x, double y, guint32 *actor, guint32 *relation)
{
  _straits_map_view_ensure_viewport (self);
  straits_map_renderer_pick (self->renderer, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), &self->viewport, x, y,
                             actor, relation);
}

void
_straits_map_view_notify_hover (StraitsMapView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_DESCRIPTION]);
}

/* GObject ------------------------------------------------------------------- */

/* Any change to what the map shows redraws it whole; a new extent set
 * by someone else is taken over. */
static void
on_scene_changed (StraitsMapScene *scene,
                  guint            what,
                  StraitsMapView  *self)
{
  StraitsViewport viewport;

  if (what & STRAITS_SCENE_CONTENT)
    straits_map_view_queue_full_redraw (self);
  if (what & STRAITS_SCENE_SELECTION)
    selection_changed (self);
  else if (what & STRAITS_SCENE_TIME)
    _straits_map_view_announce (self);
  if ((what & STRAITS_SCENE_VIEWPORT) && straits_map_scene_get_viewport (scene, &viewport) &&
      !straits_viewport_equal (&viewport, &self->viewport))
    straits_map_view_set_viewport (self, &viewport);
}

void
straits_map_view_set_scene (StraitsMapView  *self,
                            StraitsMapScene *scene)
{
  g_return_if_fail (STRAITS_IS_MAP_VIEW (self));
  g_return_if_fail (scene == NULL || STRAITS_IS_MAP_SCENE (scene));

  if (scene == self->scene)
    return;
  cancel_preparing (self);
  /* The selection goes with the user from view to view (a scene made for
   * a view has none); the window restores it by id for a new dataset. */
  if (scene != NULL && self->scene != NULL)
    {
      guint n;
      guint32 relation;
      const guint32 *actors = selection (self, &n, &relation);

      straits_map_scene_set_selection (scene, actors, n, relation);
    }
  if (self->scene != NULL)
    g_clear_signal_handler (&self->scene_changed_id, self->scene);
  _straits_map_view_keep_current (self);
  invalidate_cache (self);
  g_set_object (&self->scene, scene);
  g_clear_object (&self->renderer);
  /* A scene shown before comes back with its renderer, and with its
   * drawing if unchanged: what that drawing shows is told again. */
  _straits_map_view_take_kept (self, scene);
  if (scene != NULL)
    {
      if (self->renderer == NULL)
        self->renderer = _straits_map_view_new_renderer (scene);
      if (self->cache != NULL)
        {
          straits_trace (self->frame_count == 0 ? "map frame drawn with the dataset, shown"
                                                : "map frame shown again, kept from before");
          note_drawn (self);
        }
      self->scene_changed_id = g_signal_connect (scene, "changed", G_CALLBACK (on_scene_changed), self);
      apply_legend_collapsed (self);
    }
  self->has_viewport = FALSE;
  self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;
  _straits_map_view_push_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
  /* A new view: what the pointer was on belonged to the old one (the
   * status bar said "France" over the Aegean). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_DESCRIPTION]);
  _straits_map_view_announce (self);
}

StraitsMapScene *
straits_map_view_get_scene (StraitsMapView *self)
{
  g_return_val_if_fail (STRAITS_IS_MAP_VIEW (self), NULL);
  return self->scene;
}

StraitsMapRenderer *
straits_map_view_get_renderer (StraitsMapView *self)
{
  return self->renderer;
}

static void
straits_map_view_dispose (GObject *object)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (object);

  _straits_map_view_stop_kinetic (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  cancel_preparing (self);
  invalidate_cache (self);
  _straits_map_view_release_retired (self, TRUE);
  g_clear_pointer (&self->retired, g_array_unref);
  if (self->scene != NULL)
    g_clear_signal_handler (&self->scene_changed_id, self->scene);
  g_clear_object (&self->scene);
  g_clear_object (&self->renderer);
  _straits_map_view_forget_kept (self);
  G_OBJECT_CLASS (straits_map_view_parent_class)->dispose (object);
}

static void
straits_map_view_finalize (GObject *object)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (object);

  g_free (self->legend_text);
  G_OBJECT_CLASS (straits_map_view_parent_class)->finalize (object);
}

static guint
selected (StraitsMapView *self, guint i)
{
  guint n;
  guint32 relation;
  const guint32 *actors = selection (self, &n, &relation);

  return i < n ? actors[i] : STRAITS_NO_INDEX;
}

static void
straits_map_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;
    case PROP_SELECTED_ACTOR:
      g_value_set_uint (value, selected (self, 0));
      break;
    case PROP_SECOND_ACTOR:
      g_value_set_uint (value, selected (self, 1));
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_uint (value, straits_map_view_get_selected_relation (self));
      break;
    case PROP_HOVER_DESCRIPTION:
      g_value_take_string (value, _straits_map_view_describe (self, self->hover_actor, self->hover_relation));
      break;
    case PROP_SHOW_HOVER:
      g_value_set_boolean (value, !self->hide_hover);
      break;
    case PROP_LEGEND_COLLAPSED:
      g_value_set_boolean (value, self->legend_collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_map_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  StraitsMapView *self = STRAITS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      straits_map_view_set_scene (self, g_value_get_object (value));
      break;
    case PROP_SHOW_HOVER:
      straits_map_view_set_show_hover (self, g_value_get_boolean (value));
      break;
    case PROP_LEGEND_COLLAPSED:
      straits_map_view_set_legend_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
straits_map_view_class_init (StraitsMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_map_view_dispose;
  object_class->finalize = straits_map_view_finalize;
  object_class->get_property = straits_map_view_get_property;
  object_class->set_property = straits_map_view_set_property;
  widget_class->snapshot = straits_map_view_snapshot;
  widget_class->size_allocate = straits_map_view_size_allocate;

  properties[PROP_SCENE] =
    g_param_spec_object ("scene", NULL, NULL, STRAITS_TYPE_MAP_SCENE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_uint ("selected-actor", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECOND_ACTOR] =
    g_param_spec_uint ("second-actor", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_uint ("selected-relation", NULL, NULL, 0, G_MAXUINT32, STRAITS_NO_INDEX,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOVER_DESCRIPTION] =
    g_param_spec_string ("hover-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether what is under the pointer is highlighted, described and
   * given a tooltip: not on a slide in front of an audience. */
  properties[PROP_SHOW_HOVER] =
    g_param_spec_boolean ("show-hover", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the legend is folded to one line (a click on it folds and
   * unfolds it); never while hover is off (a presentation). */
  properties[PROP_LEGEND_COLLAPSED] =
    g_param_spec_boolean ("legend-collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* For start-up measurements: the first map frame has been drawn. */
  signals[FIRST_FRAME] = g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _straits_map_view_class_input_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
straits_map_view_init (StraitsMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  self->hover_actor = self->hover_relation = STRAITS_NO_INDEX;

  _straits_map_view_input_init (self);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);
}

GtkWidget *
straits_map_view_new (void)
{
  return g_object_new (STRAITS_TYPE_MAP_VIEW, NULL);
}
