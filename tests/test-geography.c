/* test-geography.c: which country the basemap draws where, and the names it
 * gives (data/basemap/names.tsv, places.tsv), read from the committed
 * basemap the application draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "straits-atlas.h"
#include "straits-region.h"

static StraitsAtlas *
open_atlas (void)
{
  const char *data = g_getenv ("STRAITS_DATA_DIR");
  g_autofree char *dir = NULL;

  g_assert_nonnull (data);
  dir = g_build_filename (data, "basemap", NULL);
  return straits_atlas_new (dir);
}

/* The code of the islet or, failing that, the country drawn at (@lon, @lat). */
static const char *
code_drawn_at (StraitsProjectedMap *map,
               double               lon,
               double               lat)
{
  StraitsBasemap *basemap = straits_projected_map_get_basemap (map);
  double x, y;
  int f;

  g_assert_true (straits_projection_forward (straits_projected_map_get_projection (map), lon, lat, &x, &y));
  f = straits_projected_map_feature_at (map, STRAITS_LAYER_ISLAND, x, y);
  if (f < 0)
    f = straits_projected_map_feature_at (map, STRAITS_LAYER_COUNTRY, x, y);
  return f < 0 ? "sea" : straits_basemap_get_feature (basemap, (guint) f)->code;
}

/* Natural Earth gave the small Greek islands off the Turkish coast to the
 * nearest country outline, Turkey; the OpenStreetMap land says Greece. */
static void
test_islands (void)
{
  static const struct { const char *name; double lon, lat; const char *code; } islands[] = {
    { "Kastellorizo (Megisti)", 29.590, 36.148, "GRC" },
    { "Ro", 29.497, 36.156, "GRC" },
    { "Farmakonisi", 27.090, 37.290, "GRC" },
    { "Agathonisi", 26.970, 37.460, "GRC" },
    { "Pasas (Oinousses)", 26.284, 38.503, "GRC" },
    { "Lesbos", 26.300, 39.200, "GRC" },
    { "Rhodes", 28.000, 36.200, "GRC" },
    { "Chios", 26.000, 38.400, "GRC" },
    { "Gökçeada (Imbros)", 25.850, 40.170, "TUR" },
    { "Bozcaada (Tenedos)", 26.040, 39.830, "TUR" },
    { "Sazan (Albania)", 19.278, 40.495, "ALB" },
  };
  g_autoptr(StraitsAtlas) atlas = open_atlas ();
  g_autoptr(GError) error = NULL;
  StraitsProjectedMap *map = straits_atlas_get_map (atlas, straits_region_lookup ("aegean"), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (islands); i++)
    {
      const char *code = code_drawn_at (map, islands[i].lon, islands[i].lat);

      if (g_strcmp0 (code, islands[i].code) != 0)
        g_error ("%s is drawn as %s, not %s", islands[i].name, code, islands[i].code);
    }
}

/* Imia/Kardak is too small to draw as land: a named islet with a point. */
static void
test_imia (void)
{
  g_autoptr(StraitsAtlas) atlas = open_atlas ();
  g_autoptr(GError) error = NULL;
  StraitsBasemap *basemap = straits_atlas_get_basemap (atlas, TRUE, &error);
  int f;
  const StraitsFeature *imia;

  g_assert_no_error (error);
  f = straits_basemap_find_by_name (basemap, "Imia/Kardak");
  g_assert_cmpint (f, >=, 0);
  imia = straits_basemap_get_feature (basemap, (guint) f);
  g_assert_cmpint (imia->layer, ==, STRAITS_LAYER_ISLAND);
  g_assert_cmpstr (imia->code, ==, "GRC");
  g_assert_cmpfloat_with_epsilon (imia->label_lon, 27.15, 0.02);
  g_assert_cmpfloat_with_epsilon (imia->label_lat, 37.05, 0.02);
}

static gboolean
has_name (StraitsBasemap *basemap,
          StraitsLayer    layer,
          const char     *name,
          const char    **code)
{
  for (guint f = 0; f < straits_basemap_get_n_features (basemap); f++)
    {
      const StraitsFeature *feature = straits_basemap_get_feature (basemap, f);

      if (feature->layer == layer && g_strcmp0 (feature->name, name) == 0)
        {
          if (code != NULL)
            *code = feature->code;
          return TRUE;
        }
    }
  return FALSE;
}

/* Current names, in both basemaps; the places of the paper's seas. */
static void
test_names (void)
{
  static const char *cities[] = { "Istanbul", "Kyiv", "Odesa", "Lviv", "Sevastopol", "Varna", "Burgas",
                                  "Mykolaiv", "Novorossiysk", "Batumi", "Samsun", "Trabzon", "Constanța",
                                  "İzmir", "Thessaloniki", "Simferopol", "Kyrenia" };
  static const char *outdated[] = { "Kiev", "Odessa", "Lvov", "Sevastapol", "Macedonia", "Donbass",
                                    "Bosnia and Herz." };
  g_autoptr(StraitsAtlas) atlas = open_atlas ();

  for (int detailed = 0; detailed <= 1; detailed++)
    {
      g_autoptr(GError) error = NULL;
      StraitsBasemap *basemap = straits_atlas_get_basemap (atlas, detailed, &error);
      const char *code = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
        if (!has_name (basemap, STRAITS_LAYER_CITY, cities[i], NULL))
          g_error ("no city %s (detailed %d)", cities[i], detailed);
      for (guint i = 0; i < G_N_ELEMENTS (outdated); i++)
        g_assert_cmpint (straits_basemap_find_by_name (basemap, outdated[i]), <, 0);
      g_assert_true (has_name (basemap, STRAITS_LAYER_COUNTRY, "North Macedonia", &code));
      g_assert_cmpstr (code, ==, "MKD");
      g_assert_true (has_name (basemap, STRAITS_LAYER_CITY, "Sevastopol", &code));
      g_assert_cmpstr (code, ==, "UKR");
      g_assert_true (has_name (basemap, STRAITS_LAYER_DISPUTED, "Donbas", NULL));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geography/islands-by-osm-land", test_islands);
  g_test_add_func ("/geography/imia-kardak", test_imia);
  g_test_add_func ("/geography/current-names", test_names);
  return g_test_run ();
}
