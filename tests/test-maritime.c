/* test-maritime.c: territorial seas and coastlines, measured on the
 * committed maritime data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>

#include "straits-maritime.h"

static StraitsMaritimeReport *report;
static char *maritime_dir;

/* Vertices of the rings or lines in @coords, NaN pairs left out. */
static GArray *
vertices (GArray *coords)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i + 1 < coords->len; i += 2)
    if (!isnan (g_array_index (coords, double, i)))
      g_array_append_vals (out, &g_array_index (coords, double, i), 2);
  return out;
}

static GArray *
distances (const char *country, GArray *xy)
{
  GArray *d = g_array_sized_new (FALSE, TRUE, sizeof (double), xy->len / 2);

  g_array_set_size (d, xy->len / 2);
  g_assert_true (straits_maritime_distances_to_land (maritime_dir, country, (const double *) (gpointer) xy->data,
                                                     xy->len / 2, (double *) (gpointer) d->data));
  return d;
}

/* Shares under each limit, in each variant, add up to 100 %; the areas add
 * up to the sea's. */
static void
test_shares_add_up (void)
{
  const StraitsSeaSplit *splits[] = { &report->aegean, &report->aegean_without_crete };

  for (guint v = 0; v < G_N_ELEMENTS (splits); v++)
    for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
      {
        double pct = 0, km2 = 0;

        for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
          {
            g_assert_cmpfloat (splits[v]->area_km2[l][p], >, 0);
            pct += splits[v]->share_pct[l][p];
            km2 += splits[v]->area_km2[l][p];
          }
        g_assert_cmpfloat_with_epsilon (pct, 100, 1e-9);
        g_assert_cmpfloat_with_epsilon (km2, splits[v]->sea_area_km2, 1e-6);
      }
  /* The Sea of Crete is part of the IHO Aegean. */
  g_assert_cmpfloat (report->aegean.sea_area_km2, >, report->aegean_without_crete.sea_area_km2 + 50000);
}

static void
test_twelve_miles_more_greek (void)
{
  g_assert_cmpfloat (report->aegean.share_pct[STRAITS_MARITIME_12NM][STRAITS_MARITIME_GRC], >,
                     report->aegean.share_pct[STRAITS_MARITIME_6NM][STRAITS_MARITIME_GRC] + 10);
  g_assert_cmpfloat (report->aegean.share_pct[STRAITS_MARITIME_12NM][STRAITS_MARITIME_HIGH_SEAS], <,
                     report->aegean.share_pct[STRAITS_MARITIME_6NM][STRAITS_MARITIME_HIGH_SEAS]);
}

/* The Greek 12 nm belt's vertices lie no farther than 22.2 km from the
 * nearest coast, and those on its outer edge (the ones that far, away
 * from the median line) at 22.2 km within 1 %. */
static void
test_outer_edge (void)
{
  const double d = 12 * STRAITS_NAUTICAL_MILE;
  g_autoptr(GArray) xy = vertices (report->belts[STRAITS_MARITIME_12NM][STRAITS_MARITIME_GRC]);
  g_autoptr(GArray) to_grc = distances ("GRC", xy);
  g_autoptr(GArray) to_tur = distances ("TUR", xy);
  guint on_edge = 0;

  g_assert_cmpuint (xy->len / 2, >, 1000);
  for (guint i = 0; i < to_grc->len; i++)
    {
      double nearest = MIN (g_array_index (to_grc, double, i), g_array_index (to_tur, double, i));

      g_assert_cmpfloat (nearest, <=, d * 1.01);
      if (nearest >= d * 0.99)
        on_edge++;
    }
  /* The rest of its outline is coast, sea limits and the median line:
   * the outer edge still has hundreds of vertices. */
  g_assert_cmpuint (on_edge, >, 500);
}

/* Points of the median line are as far from Greece as from Turkey, within
 * 1 % (away from the coasts, where the coast's own vertices dominate). */
static void
test_median_line (void)
{
  g_autoptr(GArray) xy = vertices (report->median[STRAITS_MARITIME_12NM]);
  g_autoptr(GArray) to_grc = distances ("GRC", xy);
  g_autoptr(GArray) to_tur = distances ("TUR", xy);
  guint checked = 0;

  g_assert_cmpuint (xy->len / 2, >, 100);
  for (guint i = 0; i < to_grc->len; i++)
    {
      double a = g_array_index (to_grc, double, i), b = g_array_index (to_tur, double, i);

      if (MIN (a, b) < 2000)
        continue;
      g_assert_cmpfloat (fabs (a - b), <=, 0.01 * MAX (a, b));
      checked++;
    }
  g_assert_cmpuint (checked, >, 100);
}

/* Signed area of rings, in km²: shells are clockwise, holes not. */
static double
overlay_area_km2 (GArray *coords)
{
  double total = 0;
  guint start = 0;

  for (guint i = 0; i + 1 < coords->len; i += 2)
    if (isnan (g_array_index (coords, double, i)))
      {
        for (guint k = start; k + 2 < i; k += 2)
          total += g_array_index (coords, double, k) * g_array_index (coords, double, k + 3) -
                   g_array_index (coords, double, k + 2) * g_array_index (coords, double, k + 1);
        start = i + 2;
      }
  return -total / 2 / 1e6;
}

/* What the overlays draw is what the report counts. */
static void
test_overlay_matches_report (void)
{
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    for (int p = 0; p < 2; p++)
      {
        double drawn = overlay_area_km2 (report->belts[l][p]);

        g_assert_cmpfloat (fabs (drawn - report->aegean.area_km2[l][p]), <=, 0.001 * report->aegean.area_km2[l][p]);
      }
}

/* Black Sea: every littoral state has a coast; Crimea's is counted once,
 * on its own line; Turkey has none on the Sea of Azov. */
static void
test_coastlines (void)
{
  for (int c = 0; c < STRAITS_COAST_N; c++)
    g_assert_cmpfloat (report->black_sea_coast_km[c], >, 100);
  g_assert_cmpfloat (report->azov_coast_km[STRAITS_COAST_TUR], ==, 0);
  g_assert_cmpfloat (report->azov_coast_km[STRAITS_COAST_RUS], >, 100);
  g_assert_cmpfloat (report->azov_coast_km[STRAITS_COAST_CRIMEA], >, 50);
  /* Turkey's southern shore runs about 1,300 km as the crow flies: the
   * coast is longer, but not many times longer at 100 m resolution. */
  g_assert_cmpfloat (report->black_sea_coast_km[STRAITS_COAST_TUR], >, 1300);
  g_assert_cmpfloat (report->black_sea_coast_km[STRAITS_COAST_TUR], <, 2600);
}

/* A second request reads the cache; a damaged cache is not trusted. */
static void
test_cache (void)
{
  g_autofree char *cache = g_dir_make_tmp ("straits-maritime-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMaritimeReport) first = straits_maritime_get (maritime_dir, cache, &error);
  g_autoptr(StraitsMaritimeReport) second = NULL, third = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_false (first->from_cache);
  second = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_true (second->from_cache);
  g_assert_cmpmem (&first->aegean, sizeof first->aegean, &second->aegean, sizeof second->aegean);
  g_assert_cmpuint (first->belts[1][0]->len, ==, second->belts[1][0]->len);

  dir = g_dir_open (cache, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cache, name, NULL);
      g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
    }
  third = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (third->from_cache);
  g_assert_cmpfloat (third->aegean.sea_area_km2, ==, first->aegean.sea_area_km2);
}

static void
test_json (void)
{
  g_autofree char *json = straits_maritime_report_to_json (report);

  g_assert_nonnull (strstr (json, "\"aegean\""));
  g_assert_nonnull (strstr (json, "\"nm\": 12"));
  g_assert_nonnull (strstr (json, "\"high_seas\""));
  g_assert_nonnull (strstr (json, "\"CRIMEA\""));
  g_assert_nonnull (strstr (json, "OpenStreetMap"));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  maritime_dir = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "maritime", NULL);
  report = straits_maritime_compute (maritime_dir, &error);
  g_assert_no_error (error);
  g_test_add_func ("/maritime/shares-add-up", test_shares_add_up);
  g_test_add_func ("/maritime/twelve-miles-more-greek", test_twelve_miles_more_greek);
  g_test_add_func ("/maritime/outer-edge", test_outer_edge);
  g_test_add_func ("/maritime/median-line", test_median_line);
  g_test_add_func ("/maritime/overlay-matches-report", test_overlay_matches_report);
  g_test_add_func ("/maritime/coastlines", test_coastlines);
  g_test_add_func ("/maritime/cache", test_cache);
  g_test_add_func ("/maritime/json", test_json);
  status = g_test_run ();
  straits_maritime_report_free (report);
  g_free (maritime_dir);
  return status;
}
