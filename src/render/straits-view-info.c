/* straits-view-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "straits-view-info.h"

typedef struct {
  const char *id;
  const char *title;
  const char *subtitle;
  const char *region;
} BuiltinView;

static const BuiltinView builtin_views[] = {
  { "black-sea", N_("Black Sea"), N_("The littoral states, Crimea and the Turkish Straits"), "black-sea" },
  { "aegean", N_("Aegean"), N_("Greece, Turkey and Cyprus"), "aegean" },
  { "eu-groupings", N_("EU Groupings"), N_("EU member states by their stance"), "europe" },
};

void
straits_view_info_free (StraitsViewInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->subtitle);
  if (info->region != NULL)
    {
      g_free ((char *) info->region->projection);
      g_free (info->region);
    }
  g_free (info);
}

/* NULL for a region src/geo does not draw: straits_view_info_find() and
 * straits_view_info_new_scene() say so (check_region()). */
static StraitsRegion *
copy_region (const StraitsRegion *r)
{
  StraitsRegion *copy;

  if (r == NULL)
    return NULL;
  copy = g_memdup2 (r, sizeof *r);
  copy->projection = g_strdup (r->projection);
  return copy;
}

static StraitsRegion *
region_of_view (const StraitsView *v)
{
  if (v->region != NULL)
    return copy_region (straits_region_lookup (v->region));
  return straits_region_for_box (v->west, v->south, v->east, v->north);
}

static StraitsViewInfo *
info_for (StraitsDataset *dataset, const BuiltinView *builtin, guint32 dataset_view)
{
  StraitsViewInfo *info = g_new0 (StraitsViewInfo, 1);
  const StraitsView *v = dataset_view != STRAITS_NO_INDEX
                         ? straits_dataset_get_view (dataset, dataset_view) : NULL;

  info->dataset_view = dataset_view;
  info->id = g_strdup (v ? v->id : builtin->id);
  info->title = g_strdup (v ? v->title : _(builtin->title));
  info->subtitle = g_strdup (v ? v->subtitle : builtin ? _(builtin->subtitle) : NULL);
  info->region = v ? region_of_view (v) : copy_region (straits_region_lookup (builtin->region));
  return info;
}

/* Whether @view has a region to draw on; the model accepts region names
 * (straits_dataset_region_ids()) that src/geo may lack. */
static gboolean
check_region (StraitsDataset        *dataset,
              const StraitsViewInfo *view,
              GError               **error)
{
  const char *name = NULL;

  if (view->region != NULL)
    return TRUE;
  if (view->dataset_view != STRAITS_NO_INDEX)
    name = straits_dataset_get_view (dataset, view->dataset_view)->region;
  for (guint i = 0; name == NULL && i < G_N_ELEMENTS (builtin_views); i++)
    if (g_str_equal (builtin_views[i].id, view->id))
      name = builtin_views[i].region;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("The view “%s” is on the region “%s”, which this version of Straits cannot draw"),
               view->id, name);
  return FALSE;
}

GPtrArray *
straits_view_info_list (StraitsDataset *dataset)
{
  GPtrArray *views = g_ptr_array_new_with_free_func ((GDestroyNotify) straits_view_info_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_views); i++)
    {
      guint32 v = dataset ? straits_dataset_find_view (dataset, builtin_views[i].id) : STRAITS_NO_INDEX;
      g_ptr_array_add (views, info_for (dataset, &builtin_views[i], v));
    }
  for (guint i = 0; dataset != NULL && i < straits_dataset_get_n_views (dataset); i++)
    {
      const StraitsView *v = straits_dataset_get_view (dataset, i);
      gboolean builtin = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (builtin_views); k++)
        builtin |= g_str_equal (builtin_views[k].id, v->id);
      if (!builtin)
        g_ptr_array_add (views, info_for (dataset, NULL, i));
    }
  return views;
}

StraitsViewInfo *
straits_view_info_find (StraitsDataset  *dataset,
                        const char      *id,
                        GError         **error)
{
  g_autoptr(GPtrArray) views = straits_view_info_list (dataset);
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < views->len; i++)
    {
      StraitsViewInfo *info = g_ptr_array_index (views, i);

      if (g_str_equal (info->id, id))
        return check_region (dataset, info, error) ? g_ptr_array_steal_index (views, i) : NULL;
      g_string_append_printf (known, "%s%s", i ? ", " : "", info->id);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no view “%s”; the views are: %s"), id, known->str);
  return NULL;
}

/* Built-in views without dataset settings: the first grouping colours
 * the map, and the disputed areas and straits show. */
static void
apply_defaults (StraitsMapScene *scene,
                StraitsDataset  *dataset,
                const char      *id)
{
  static const char *const overlays[] = { "disputed-areas", "straits", NULL };

  straits_map_scene_set_overlays (scene, overlays);
  straits_map_scene_set_relation_types (scene, NULL, 0);
  if (g_str_equal (id, "eu-groupings") && dataset != NULL && straits_dataset_get_n_groupings (dataset) > 0)
    straits_map_scene_set_grouping (scene, 0);
  else
    straits_map_scene_set_grouping (scene, STRAITS_NO_INDEX);
}

void
straits_view_info_reset_scene (StraitsDataset        *dataset,
                               const StraitsViewInfo *view,
                               StraitsMapScene       *scene)
{
  g_return_if_fail (STRAITS_IS_MAP_SCENE (scene));
  straits_map_scene_freeze (scene);
  if (view->dataset_view != STRAITS_NO_INDEX)
    {
      const StraitsView *v = straits_dataset_get_view (dataset, view->dataset_view);

      straits_map_scene_set_grouping (scene, v->grouping);
      straits_map_scene_set_relation_types (scene, v->relation_types, v->n_relation_types);
      straits_map_scene_set_overlays (scene, (const char *const *) v->overlays);
    }
  else
    apply_defaults (scene, dataset, view->id);
  straits_map_scene_thaw (scene);
}

StraitsMapScene *
straits_view_info_new_scene (StraitsAtlas          *atlas,
                             StraitsDataset        *dataset,
                             const StraitsViewInfo *view,
                             GError               **error)
{
  StraitsProjectedMap *map;
  StraitsMapScene *scene;

  if (!check_region (dataset, view, error))
    return NULL;
  map = straits_atlas_get_map (atlas, view->region, error);
  if (map == NULL)
    return NULL;
  scene = straits_map_scene_new (map);
  straits_map_scene_set_dataset (scene, dataset);
  straits_view_info_reset_scene (dataset, view, scene);
  /* A view of the dataset may name its date. */
  if (view->dataset_view != STRAITS_NO_INDEX)
    {
      const StraitsView *v = straits_dataset_get_view (dataset, view->dataset_view);

      if (straits_date_is_set (&v->time))
        straits_map_scene_set_time (scene, &v->time);
    }
  return scene;
}

StraitsMapRenderer *
straits_view_info_new_renderer (StraitsAtlas          *atlas,
                                StraitsDataset        *dataset,
                                const StraitsViewInfo *view,
                                GError               **error)
{
  g_autoptr(StraitsMapScene) scene = straits_view_info_new_scene (atlas, dataset, view, error);

  return scene != NULL ? straits_map_renderer_new_for_scene (scene) : NULL;
}
