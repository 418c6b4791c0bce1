/* test-arms-render.c: arms charts and flows on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "straits-arms-chart.h"
#include "straits-atlas.h"
#include "straits-map-flows.h"
#include "straits-test-data.h"

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static StraitsSipriRegister *
load_excerpt (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sipri", "excerpt.csv", NULL);
  g_autoptr(GError) error = NULL;
  StraitsSipriRegister *reg = straits_sipri_register_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return reg;
}

/* Pixels near the flows' plum. */
static guint
plum_pixels (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        n += r > 100 && r < 190 && g < 120 && b > 80 && b < 175 && r > g + 40 && b > g + 30;
      }
  return n;
}

static cairo_surface_t *
draw_map (StraitsMapRenderer *r)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);
  StraitsViewport vp = straits_map_renderer_fit (r, 800, 600);

  straits_map_renderer_draw (r, cr, 800, 600, &vp);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_flows_drawn_with_legend (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsViewInfo) view = straits_view_info_find (dataset, "eu-groupings", &error);
  g_autoptr(StraitsMapRenderer) r = straits_view_info_new_renderer (atlas, dataset, view, &error);
  const StraitsMapFlow flows[] = {
    { "DEU", "GRC", "Germany 836", 835.9 },    /* both in the dataset */
    { "USA", "GRC", "United States 260", 259.7 }, /* far away: an approximate centre */
    { "GRC", "NLD", NULL, 13.3 },              /* on the basemap, not in the dataset */
    { "PKK (Turkiye)*", "GRC", NULL, 1 },      /* nowhere on the map: not drawn */
  };
  cairo_surface_t *without, *with;
  GPtrArray *legend;
  gboolean listed = FALSE;

  g_assert_no_error (error);
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  without = draw_map (r);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_flows (r), ==, 0);
  straits_map_scene_set_flows (straits_map_renderer_get_scene (r), flows, G_N_ELEMENTS (flows), "Arms transfers 2015–2019, width by SIPRI TIV");
  with = draw_map (r);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_flows (r), ==, 3);
  g_assert_cmpuint (plum_pixels (with), >, plum_pixels (without) + 2000);
  legend = straits_map_renderer_get_legend_labels (r);
  for (guint i = 0; i < legend->len; i++)
    listed |= g_str_equal (g_ptr_array_index (legend, i), "Arms transfers 2015–2019, width by SIPRI TIV");
  g_assert_true (listed);

  /* Switched off: nothing drawn, no legend entry. */
  straits_map_scene_set_flows (straits_map_renderer_get_scene (r), NULL, 0, NULL);
  cairo_surface_destroy (draw_map (r));
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_flows (r), ==, 0);
  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
}

static StraitsArmsChart *
turkiye_chart (StraitsSipriRegister *reg, StraitsArmsBy by)
{
  guint32 tur = straits_sipri_register_find_actor (reg, "TUR");
  StraitsArmsFilter filter = { .recipients = &tur, .n_recipients = 1, .from = 2020, .to = 2024 };
  StraitsArmsBreakdown *b = straits_arms_breakdown (reg, &filter, by);
  g_autofree char *subtitle = straits_arms_chart_subtitle (2020, 2024, FALSE);
  g_autofree char *source = straits_sipri_register_citation (reg);

  if (by != STRAITS_ARMS_BY_YEAR)
    straits_arms_breakdown_fold (b, 4);
  return straits_arms_chart_new ("Arms imports of Türkiye", subtitle, source,
                                 by == STRAITS_ARMS_BY_YEAR ? STRAITS_ARMS_CHART_YEARS : STRAITS_ARMS_CHART_BARS,
                                 b, 2021, 2023);
}

static void
test_bars_sorted_with_remainder (void)
{
  g_autoptr(StraitsSipriRegister) reg = load_excerpt ();
  g_autoptr(StraitsArmsChart) chart = turkiye_chart (reg, STRAITS_ARMS_BY_SUPPLIER);
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (StraitsChartMark));
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  StraitsMapStyle style;
  g_autofree char *text = straits_arms_chart_describe (chart);

  g_array_set_clear_func (marks, (GDestroyNotify) straits_chart_mark_clear);
  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  straits_arms_chart_draw (chart, cr, 480, 320, &style, marks, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (marks->len, ==, 4);
  g_assert_cmpstr (g_array_index (marks, StraitsChartMark, 0).label, ==, "Spain");
  g_assert_cmpstr (g_array_index (marks, StraitsChartMark, 1).label, ==, "Germany");
  g_assert_true (g_array_index (marks, StraitsChartMark, 3).remainder);
  /* Longer bars for more TIV, in proportion. */
  for (guint i = 1; i < 3; i++)
    g_assert_cmpfloat (g_array_index (marks, StraitsChartMark, i).rect.width, <=,
                       g_array_index (marks, StraitsChartMark, i - 1).rect.width);
  g_assert_cmpfloat_with_epsilon (g_array_index (marks, StraitsChartMark, 1).rect.width /
                                  g_array_index (marks, StraitsChartMark, 0).rect.width, 275 / 479.5, 1e-6);
  g_assert_nonnull (strstr (text, "Spain\t479.50\t58.17 %"));
  g_assert_nonnull (strstr (text, "Source: SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)"));
  g_assert_nonnull (strstr (text, "with local (licensed) production"));
}

static void
test_years_mark_the_period (void)
{
  g_autoptr(StraitsSipriRegister) reg = load_excerpt ();
  g_autoptr(StraitsArmsChart) chart = turkiye_chart (reg, STRAITS_ARMS_BY_YEAR);
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (StraitsChartMark));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 320);
  cairo_t *cr = cairo_create (surface);
  StraitsMapStyle style;
  g_autofree char *dir = g_dir_make_tmp ("straits-arms-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_array_set_clear_func (marks, (GDestroyNotify) straits_chart_mark_clear);
  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  straits_arms_chart_draw (chart, cr, 480, 320, &style, marks, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (marks->len, ==, 5);
  g_assert_cmpstr (g_array_index (marks, StraitsChartMark, 0).label, ==, "2020");
  g_assert_cmpstr (g_array_index (marks, StraitsChartMark, 4).label, ==, "2024");
  /* Bars in year order, left to right. */
  for (guint i = 1; i < marks->len; i++)
    g_assert_cmpfloat (g_array_index (marks, StraitsChartMark, i).rect.x, >,
                       g_array_index (marks, StraitsChartMark, i - 1).rect.x);

  g_assert_true (straits_arms_chart_export (chart, "TLP:CLEAR", pdf, 480, 320, 96, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (length > 1000 && memcmp (contents, "%PDF", 4) == 0);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();
  g_test_add_func ("/arms-render/flows-drawn-with-legend", test_flows_drawn_with_legend);
  g_test_add_func ("/arms-render/bars-sorted-with-remainder", test_bars_sorted_with_remainder);
  g_test_add_func ("/arms-render/years-mark-the-period", test_years_mark_the_period);
  status = g_test_run ();
  g_object_unref (dataset);
  straits_atlas_free (atlas);
  return status;
}
