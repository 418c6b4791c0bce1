/* straits-test-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "straits-test-data.h"

StraitsDataset *
straits_test_load_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

StraitsAtlas *
straits_test_new_atlas (void)
{
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);

  return straits_atlas_new (basemaps);
}

StraitsMapRenderer *
straits_test_renderer_for (StraitsAtlas   *atlas,
                           StraitsDataset *dataset,
                           const char     *view_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsViewInfo) view = straits_view_info_find (dataset, view_id, &error);
  StraitsMapRenderer *renderer;

  g_assert_no_error (error);
  renderer = straits_view_info_new_renderer (atlas, dataset, view, &error);
  g_assert_no_error (error);
  return renderer;
}

cairo_surface_t *
straits_test_draw (StraitsMapRenderer    *renderer,
                   int                    width,
                   int                    height,
                   const StraitsViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  straits_map_renderer_draw (renderer, cr, width, height, viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
straits_test_legend_has (StraitsMapRenderer *renderer,
                         const char         *text)
{
  return g_ptr_array_find_with_equal_func (straits_map_renderer_get_legend_labels (renderer), text, g_str_equal, NULL);
}

int
straits_test_channel_difference (guint32 a,
                                 guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 32; shift += 8)
    d = MAX (d, abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return d;
}
