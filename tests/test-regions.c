/* test-regions.c: the model's region names and the regions src/geo draws
 *
 * The model lists the region names a view may give
 * (straits_dataset_region_ids()) and src/geo has a table of the regions it
 * draws; the model cannot include geo, so this holds the two together, and
 * checks that a name geo lacks gives an error, not a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "straits-atlas.h"
#include "straits-region.h"
#include "straits-view-info.h"

static void
test_model_and_geo_agree (void)
{
  const char *const *ids = straits_dataset_region_ids ();
  guint n_regions;
  const StraitsRegion *regions = straits_region_get_all (&n_regions);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const StraitsRegion *r = straits_region_lookup (ids[i]);

      g_test_message ("model region %s", ids[i]);
      g_assert_nonnull (r);
      g_assert_cmpstr (r->id, ==, ids[i]);
    }
  for (guint i = 0; i < n_regions; i++)
    {
      g_test_message ("geo region %s", regions[i].id);
      g_assert_true (g_strv_contains (ids, regions[i].id));
    }
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, n_regions);
}

/* The built-in views are on regions geo draws. */
static void
test_builtin_views_have_regions (void)
{
  g_autoptr(GPtrArray) views = straits_view_info_list (NULL);

  g_assert_cmpuint (views->len, >, 0);
  for (guint i = 0; i < views->len; i++)
    g_assert_nonnull (((StraitsViewInfo *) g_ptr_array_index (views, i))->region);
}

/* A view on a region the model accepts but geo does not draw, as if the
 * two lists had drifted apart: no file can say so while they agree, so
 * the loaded view's region is changed in place. */
static void
test_unknown_region_is_an_error (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);
  g_autoptr(StraitsAtlas) atlas = straits_atlas_new (basemaps);
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, NULL, NULL);
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsViewInfo) found = NULL;
  g_autoptr(StraitsMapRenderer) renderer = NULL;
  guint32 index;
  StraitsView *view;
  const StraitsViewInfo *info;

  g_assert_nonnull (ds);
  index = straits_dataset_find_view (ds, "eu-groupings");
  g_assert_cmpuint (index, !=, STRAITS_NO_INDEX);
  view = (StraitsView *) straits_dataset_get_view (ds, index);
  g_assert_cmpstr (view->region, ==, "europe");
  view->region = "atlantis";

  found = straits_view_info_find (ds, "eu-groupings", &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "“atlantis”"));
  g_clear_error (&error);

  views = straits_view_info_list (ds);
  info = g_ptr_array_index (views, 2);
  g_assert_cmpstr (info->id, ==, "eu-groupings");
  g_assert_null (info->region);
  renderer = straits_view_info_new_renderer (atlas, ds, info, &error);
  g_assert_null (renderer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/regions/model-and-geo-agree", test_model_and_geo_agree);
  g_test_add_func ("/regions/builtin-views-have-regions", test_builtin_views_have_regions);
  g_test_add_func ("/regions/unknown-region-is-an-error", test_unknown_region_is_an_error);
  return g_test_run ();
}
