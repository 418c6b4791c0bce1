/* test-geography.c: which country the basemap draws where, and the names it
 * gives (data/basemap/names.tsv, places.tsv), read from the committed
 * basemap the application draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

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

  StraitsDate dates[2];

  g_assert_no_error (error);
  g_assert_true (straits_date_parse ("2013", &dates[0]) && straits_date_parse ("2025", &dates[1]));
  for (guint i = 0; i < G_N_ELEMENTS (islands); i++)
    {
      const char *code = code_drawn_at (map, islands[i].lon, islands[i].lat);
      double x, y;

      if (g_strcmp0 (code, islands[i].code) != 0)
        g_error ("%s is drawn as %s, not %s", islands[i].name, code, islands[i].code);
      /* The same under both conventions, as of 2013 and 2025. */
      g_assert_true (straits_projection_forward (straits_projected_map_get_projection (map),
                                                 islands[i].lon, islands[i].lat, &x, &y));
      for (int c = 0; c < 2; c++)
        for (int d = 0; d < 2; d++)
          g_assert_cmpstr (straits_projected_map_country_at (map, x, y, c ? STRAITS_CONVENTION_DE_FACTO
                                                                          : STRAITS_CONVENTION_EU, &dates[d]),
                           ==, islands[i].code);
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

/* Who draws the places of the disputed and occupied areas, as of 2013 and
 * 2025, under the EU's convention and under Natural Earth's de facto one. */
static void
test_conventions (void)
{
  static const struct {
    const char *place; double lon, lat; const char *region;
    const char *eu_2013, *eu_2025, *de_facto_2013, *de_facto_2025;
  } places[] = {
    { "Simferopol", 34.10, 44.95, "black-sea", "UKR", "UKR", "UKR", "RUS" },
    { "Sevastopol", 33.52, 44.60, "black-sea", "UKR", "UKR", "UKR", "RUS" },
    { "Donetsk", 37.80, 48.00, "black-sea", "UKR", "UKR", "UKR", "UKR" },
    { "Melitopol", 35.37, 46.85, "black-sea", "UKR", "UKR", "UKR", "UKR" },
    { "Sukhumi", 41.02, 43.00, "black-sea", "GEO", "GEO", "GEO", "GEO" },
    { "Kyrenia", 33.32, 35.33, "aegean", "CYP", "CYP", "CYN", "CYN" },
    { "Limassol", 33.04, 34.69, "aegean", "CYP", "CYP", "CYP", "CYP" },
    { "Pristina", 21.16, 42.66, "aegean", "XKX", "XKX", "XKX", "XKX" },
    { "Istanbul", 28.95, 41.01, "aegean", "TUR", "TUR", "TUR", "TUR" },
  };
  g_autoptr(StraitsAtlas) atlas = open_atlas ();
  StraitsDate y2013, y2025;

  g_assert_true (straits_date_parse ("2013", &y2013));
  g_assert_true (straits_date_parse ("2025", &y2025));
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GError) error = NULL;
      StraitsProjectedMap *map = straits_atlas_get_map (atlas, straits_region_lookup (places[i].region), &error);
      const char *expected[] = { places[i].eu_2013, places[i].eu_2025, places[i].de_facto_2013, places[i].de_facto_2025 };
      double x, y;

      g_assert_no_error (error);
      g_assert_true (straits_projection_forward (straits_projected_map_get_projection (map),
                                                 places[i].lon, places[i].lat, &x, &y));
      for (guint k = 0; k < 4; k++)
        {
          StraitsConvention convention = k < 2 ? STRAITS_CONVENTION_EU : STRAITS_CONVENTION_DE_FACTO;
          const char *code = straits_projected_map_country_at (map, x, y, convention, k % 2 ? &y2025 : &y2013);

          if (g_strcmp0 (code, expected[k]) != 0)
            g_error ("%s, %s convention, as of %s: drawn as %s, not %s", places[i].place,
                     straits_convention_to_string (convention), k % 2 ? "2025" : "2013", code, expected[k]);
        }
    }
}

/* The table's dates and the time rule: occupied from the first day of
 * the month the source gives, as relations are. */
static void
test_occupation_dates (void)
{
  g_autoptr(StraitsAtlas) atlas = open_atlas ();
  g_autoptr(GError) error = NULL;
  StraitsTerritories *table = straits_basemap_get_territories (straits_atlas_get_basemap (atlas, TRUE, &error));
  const StraitsTerritory *crimea, *kherson;
  StraitsDate jan, feb, aug22, oct22;

  g_assert_no_error (error);
  g_assert_nonnull (table);
  crimea = straits_territories_find_feature (table, "CRIMEA");
  kherson = straits_territories_find_feature (table, "UA_KHERSON");
  g_assert_nonnull (crimea);
  g_assert_nonnull (kherson);
  g_assert_true (straits_date_parse ("2014-01", &jan) && straits_date_parse ("2014-02", &feb));
  g_assert_true (straits_date_parse ("2022-08", &aug22) && straits_date_parse ("2022-10", &oct22));
  g_assert_false (straits_territory_is_active (crimea, &jan));
  g_assert_true (straits_territory_is_active (crimea, &feb));
  g_assert_true (straits_territory_is_active (crimea, NULL));
  g_assert_false (straits_territory_is_active (kherson, &aug22));
  g_assert_true (straits_territory_is_active (kherson, &oct22));
  g_assert_true (kherson->clip_to_state);
  /* Nagorno-Karabakh: held apart from 1994 until September 2023. */
  {
    const StraitsTerritory *nk = straits_territories_find_feature (table, "NAGORNO-KARABAKH");
    StraitsDate y1993, y2020, sep23, y2024;

    g_assert_nonnull (nk);
    g_assert_true (straits_date_parse ("1993", &y1993) && straits_date_parse ("2020", &y2020));
    g_assert_true (straits_date_parse ("2023-09", &sep23) && straits_date_parse ("2024", &y2024));
    g_assert_false (straits_territory_is_active (nk, &y1993));
    g_assert_true (straits_territory_is_active (nk, &y2020));
    g_assert_true (straits_territory_is_active (nk, &sep23));
    g_assert_false (straits_territory_is_active (nk, &y2024));
    g_assert_false (straits_territory_is_active (nk, NULL));
  }
  g_assert_nonnull (straits_territories_get_footnote (table, "XKX"));
  g_assert_nonnull (strstr (straits_territories_get_convention_text (table, STRAITS_CONVENTION_DE_FACTO),
                            "Not the EU's position"));
}

/* A table that does not read says where and why. */
static void
test_bad_table (void)
{
  static const struct { const char *json, *message; } bad[] = {
    { "{", "table.json: " },
    { "{\"conventions\": {\"eu\": \"a\", \"de-facto\": \"b\"}}", "no list \"territories\"" },
    { "{\"conventions\": {\"eu\": \"a\"}, \"territories\": []}", "$.conventions.de-facto" },
    { "{\"conventions\": {\"eu\": \"a\", \"de-facto\": \"b\"}, \"territories\": [{\"id\": \"x\"}]}",
      "$.territories[0].feature" },
    { "{\"conventions\": {\"eu\": \"a\", \"de-facto\": \"b\"}, \"territories\": [{\"id\": \"x\", "
      "\"feature\": \"X\", \"label\": \"\", \"state\": \"UKR\", \"controller\": \"\", \"natural_earth\": \"UKR\", "
      "\"status\": \"s\", \"since\": \"2014-13\", \"sources\": [\"a\"]}]}", "since: not a date" },
    { "{\"conventions\": {\"eu\": \"a\", \"de-facto\": \"b\"}, \"territories\": [{\"id\": \"x\", "
      "\"feature\": \"X\", \"label\": \"\", \"state\": \"UKR\", \"controller\": \"\", \"natural_earth\": \"UKR\", "
      "\"status\": \"s\", \"since\": \"2014\", \"sources\": []}]}", "at least one source" },
    { "{\"conventions\": {\"eu\": \"a\", \"de-facto\": \"b\"}, \"territories\": [{\"id\": \"x\", "
      "\"feature\": \"X\", \"label\": \"\", \"state\": \"UKR\", \"controller\": \"\", \"natural_earth\": \"UKR\", "
      "\"status\": \"s\", \"since\": \"2014\", \"until\": \"2013\", \"sources\": [\"a\"]}]}", "until: before since" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StraitsTerritories) t = straits_territories_new_from_data (bad[i].json, -1, "table.json", &error);

      g_assert_null (t);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].message) == NULL || !g_str_has_prefix (error->message, "table.json: "))
        g_error ("case %u: \"%s\" does not say \"%s\"", i, error->message, bad[i].message);
    }
}

/* Natural Earth's border between Russia and Crimea (at Perekop) runs
 * along Crimea's outline, which lets the map leave it out where Crimea
 * is drawn as Ukraine's; no other border of Russia's is taken for it. */
static void
test_borders_along_territories (void)
{
  g_autoptr(StraitsAtlas) atlas = open_atlas ();
  g_autoptr(GError) error = NULL;
  StraitsProjectedMap *map = straits_atlas_get_map (atlas, straits_region_lookup ("black-sea"), &error);
  StraitsBasemap *basemap;
  StraitsTerritories *table;
  const guint32 *starts;
  const guint8 *flags;
  guint along_crimea = 0;

  g_assert_no_error (error);
  basemap = straits_projected_map_get_basemap (map);
  table = straits_basemap_get_territories (basemap);
  starts = straits_basemap_get_arc_starts (basemap);
  flags = straits_basemap_get_arc_flags (basemap);
  for (guint a = 0; a < straits_basemap_get_n_arcs (basemap); a++)
    {
      int t = straits_projected_map_get_arc_territories (map)[a];
      double lon, lat;

      if (t < 0)
        continue;
      g_assert_true (flags[a] & STRAITS_ARC_BORDER);
      straits_basemap_get_point (basemap, (starts[a] + starts[a + 1]) / 2, &lon, &lat);
      if (g_str_equal (straits_territories_get (table, (guint) t)->id, "crimea"))
        {
          /* The isthmus of Perekop. */
          g_assert_cmpfloat (lat, >, 45.9);
          g_assert_cmpfloat (lat, <, 46.3);
          g_assert_cmpfloat (lon, >, 33.3);
          g_assert_cmpfloat (lon, <, 34.6);
          along_crimea++;
        }
      /* Russia's border with mainland Ukraine (north of 47.5 N) is
       * along no territory that is drawn as another state's. */
      if (lat > 47.5 && lon > 33)
        g_assert_cmpstr (straits_territories_get (table, (guint) t)->natural_earth, ==,
                         straits_territories_get (table, (guint) t)->state);
    }
  g_assert_cmpuint (along_crimea, >=, 1);
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
  g_test_add_func ("/geography/conventions", test_conventions);
  g_test_add_func ("/geography/occupation-dates", test_occupation_dates);
  g_test_add_func ("/geography/bad-table", test_bad_table);
  g_test_add_func ("/geography/borders-along-territories", test_borders_along_territories);
  return g_test_run ();
}
