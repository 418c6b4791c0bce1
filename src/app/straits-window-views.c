/* straits-window-views.c: the dataset's views, as pages of the view
 * stack, each with its scene, kept while the dataset is shown (so that a
 * view shown again may be the map view's drawing kept from before), and
 * the views not shown drawn ahead (issue 20).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-trace.h"
#include "straits-window-private.h"

const StraitsViewInfo *
_straits_window_find_view_info (StraitsWindow *self, const char *id)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);
      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }
  return NULL;
}

static const char *
view_icon (const char *id)
{
  if (g_str_equal (id, "eu-groupings"))
    return "view-grid-symbolic";
  return "mark-location-symbolic";
}

void
_straits_window_rebuild_view_pages (StraitsWindow *self)
{
  GtkWidget *child;

  self->rebuilding_views = TRUE;
  g_hash_table_remove_all (self->scenes);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack))) != NULL)
    adw_view_stack_remove (self->view_stack, child);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = straits_view_info_list (straits_session_get_dataset (self->session));
  for (guint i = 0; i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_view_stack_add_titled_with_icon (self->view_stack, page, info->id, info->title, view_icon (info->id));
    }
  self->rebuilding_views = FALSE;
}

/* The view's scene: the one it had, set back to what a new one shows, so
 * that the map view may find its drawing kept (a view shown again is a
 * copy of that drawing, issue 20); else a new one. (transfer full) */
static StraitsMapScene *
scene_for_view (StraitsWindow          *self,
                const StraitsViewInfo  *info,
                GError                **error)
{
  StraitsDataset *dataset = straits_session_get_dataset (self->session);
  StraitsMapScene *scene = g_hash_table_lookup (self->scenes, info->id);

  if (scene != NULL)
    {
      straits_view_info_reset_scene (dataset, info, scene);
      return g_object_ref (scene);
    }
  if (self->warm != NULL && g_strcmp0 (self->warm_view, info->id) == 0)
    {
      /* Drawn with the dataset, with its renderer (straits-window-loading.c). */
      scene = g_object_ref (straits_map_renderer_get_scene (self->warm));
      straits_map_view_adopt_drawing (self->map_view, self->warm, self->warm_frame);
      g_clear_object (&self->warm);
      g_clear_pointer (&self->warm_frame, cairo_surface_destroy);
      straits_trace ("view drawn with the dataset taken");
    }
  else
    scene = straits_view_info_new_scene (straits_session_get_atlas (self->session), dataset, info, error);
  if (scene != NULL)
    g_hash_table_insert (self->scenes, g_strdup (info->id), g_object_ref (scene));
  return scene;
}

void
_straits_window_show_view (StraitsWindow *self,
                           const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMapScene) scene = NULL;
  const StraitsViewInfo *info = _straits_window_find_view_info (self, id);

  if (info == NULL && self->views != NULL && self->views->len > 0)
    info = g_ptr_array_index (self->views, 0);
  if (info == NULL)
    return;
  scene = scene_for_view (self, info, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), scene == NULL);
  if (scene == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->empty_page, markup);
      return;
    }
  straits_map_view_set_scene (self->map_view, scene);
  _straits_window_apply_map_style (self);
  _straits_window_apply_time (self);
  _straits_window_apply_territorial_seas (self);
  _straits_window_apply_changes (self);
  g_free (self->current_view);
  self->current_view = g_strdup (info->id);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), info->id) != 0)
    adw_view_stack_set_visible_child_name (self->view_stack, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  info->title, -1);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", info->id);
}

/* The views not shown are drawn ahead, in threads, once the map is on
 * screen, as they would be shown now: showing one is then a copy of its
 * drawing (issue 20), unless it changed meanwhile. */
static gboolean
draw_views_ahead (gpointer data)
{
  StraitsWindow *self = data;
  StraitsMapScene *current = straits_map_view_get_scene (self->map_view);

  self->ahead_id = 0;
  straits_trace ("views drawn ahead");
  for (guint i = 0; current != NULL && self->views != NULL && i < self->views->len; i++)
    {
      const StraitsViewInfo *info = g_ptr_array_index (self->views, i);
      g_autoptr(StraitsMapScene) scene = NULL;

      if (g_strcmp0 (info->id, self->current_view) == 0 || (scene = scene_for_view (self, info, NULL)) == NULL)
        continue;
      straits_map_scene_take_settings (scene, current);
      straits_map_view_prepare_scene (self->map_view, scene);
    }
  return G_SOURCE_REMOVE;
}

void
_straits_window_queue_views_ahead (StraitsWindow *self)
{
  if (self->ahead_id == 0)
    self->ahead_id = g_idle_add_full (G_PRIORITY_LOW, draw_views_ahead, self, NULL);
}
