/* test-maritime.c: territorial seas and coastlines, measured on the
 * committed maritime data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "straits-maritime.h"
#include "straits-maritime-private.h"

static StraitsMaritimeReport *report;
static char *maritime_dir;

/* Vertices and the midpoints of the edges between them: a chord's middle
 * is the point of an arc's outline nearest to the coast. */
static GArray *
outline_points (GArray *coords)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i + 1 < coords->len; i += 2)
    {
      const double *p = &g_array_index (coords, double, i);

      if (isnan (p[0]))
        continue;
      g_array_append_vals (out, p, 2);
      if (i + 3 < coords->len && !isnan (p[2]))
        {
          double mid[2] = { (p[0] + p[2]) / 2, (p[1] + p[3]) / 2 };
          g_array_append_vals (out, mid, 2);
        }
    }
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

/* Each belt's outline (vertices and the middles of its edges) lies no
 * farther than its limit from the nearest coast, and its outer edge (the
 * points that far; the rest is coast, sea limits and the median line) at
 * the limit within 1 %: 22.2 km at 12 nm. */
static void
test_outer_edge (void)
{
  static const double nm[] = { 6, 12 };
  static const char *const countries[] = { "GRC", "TUR" };

  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    for (int c = 0; c < 2; c++)
      {
        const double d = nm[l] * STRAITS_NAUTICAL_MILE;
        g_autoptr(GArray) xy = outline_points (report->belts[l][c]);
        g_autoptr(GArray) to_grc = distances ("GRC", xy);
        g_autoptr(GArray) to_tur = distances ("TUR", xy);
        guint on_edge = 0;

        g_test_message ("%s at %.0f nm: %u outline points", countries[c], nm[l], xy->len / 2);
        g_assert_cmpuint (xy->len / 2, >, 1000);
        for (guint i = 0; i < to_grc->len; i++)
          {
            double nearest = MIN (g_array_index (to_grc, double, i), g_array_index (to_tur, double, i));

            g_assert_cmpfloat (nearest, <=, d * 1.01);
            if (nearest >= d * 0.99)
              on_edge++;
          }
        g_test_message ("  %u of them on the outer edge (%.0f m ±1 %%)", on_edge, d);
        g_assert_cmpuint (on_edge, >, 100);
      }
}

/* Points of the median line (vertices and the middles of its edges) are
 * as far from Greece as from Turkey, within 1 %; those within 2 km of
 * land are left out, where 1 % is less than the 250 m spacing of the
 * coast points the line is built from. */
static void
test_median_line (void)
{
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_autoptr(GArray) xy = outline_points (report->median[l]);
      g_autoptr(GArray) to_grc = distances ("GRC", xy);
      g_autoptr(GArray) to_tur = distances ("TUR", xy);
      guint checked = 0;
      double worst = 0;

      g_assert_cmpuint (xy->len / 2, >, 100);
      for (guint i = 0; i < to_grc->len; i++)
        {
          double a = g_array_index (to_grc, double, i), b = g_array_index (to_tur, double, i);

          if (MIN (a, b) < 2000)
            continue;
          worst = MAX (worst, fabs (a - b) / MAX (a, b));
          checked++;
        }
      g_test_message ("median line, limit %d: %u points checked, worst difference %.3f %%", l, checked, 100 * worst);
      g_assert_cmpfloat (worst, <=, 0.01);
      g_assert_cmpuint (checked, >, 100);
    }
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

static void
remove_cache_dir (const char *cache)
{
  g_autoptr(GDir) dir = g_dir_open (cache, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cache, name, NULL);
      g_unlink (path);
    }
  g_rmdir (cache);
}

/* The one file in @cache (there must be one). */
static char *
only_cache_file (const char *cache)
{
  g_autoptr(GDir) dir = g_dir_open (cache, 0, NULL);
  const char *name = g_dir_read_name (dir);
  char *path;

  g_assert_nonnull (name);
  path = g_build_filename (cache, name, NULL);
  g_assert_null (g_dir_read_name (dir));
  return path;
}

/* A second request reads the cache, named by the inputs' SHA-256; a
 * damaged cache is not trusted; results of other inputs are removed. */
static void
test_cache (void)
{
  g_autofree char *cache = g_dir_make_tmp ("straits-maritime-XXXXXX", NULL);
  g_autofree char *stale = g_build_filename (cache, "maritime-0123456789abcdef.gvariant", NULL);
  g_autofree char *path = NULL, *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMaritimeReport) first = NULL, second = NULL, third = NULL;

  g_assert_true (g_file_set_contents (stale, "old", -1, NULL));
  first = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (first->from_cache);
  path = only_cache_file (cache);
  base = g_path_get_basename (path);
  g_assert_cmpuint (strlen (base), ==, strlen ("maritime-.gvariant") + 64);
  g_assert_true (g_str_has_prefix (base, "maritime-") && g_str_has_suffix (base, ".gvariant"));

  second = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_true (second->from_cache);
  g_assert_cmpfloat (second->seconds, <, 0.5);
  g_assert_cmpmem (&first->aegean, sizeof first->aegean, &second->aegean, sizeof second->aegean);
  g_assert_cmpmem (first->azov_coast_km, sizeof first->azov_coast_km, second->azov_coast_km,
                   sizeof second->azov_coast_km);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      g_assert_cmpmem (first->belts[l][0]->data, first->belts[l][0]->len * sizeof (double),
                       second->belts[l][0]->data, second->belts[l][0]->len * sizeof (double));
      g_assert_cmpuint (first->median[l]->len, ==, second->median[l]->len);
    }

  g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
  third = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (third->from_cache);
  g_assert_cmpfloat (third->aegean.sea_area_km2, ==, first->aegean.sea_area_km2);
  remove_cache_dir (cache);
}


/* A copy of the cache @valid with number @index (in the flat list of
 * areas, shares and coastlines) set to @value. */
static GBytes *
crafted_cache (GBytes *valid, guint index, double value)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(ssadaadaad)"),
                                                                        valid, FALSE));
  g_autoptr(GVariant) numbers = g_variant_get_child_value (v, 2);
  g_autoptr(GVariant) belts = g_variant_get_child_value (v, 3);
  g_autoptr(GVariant) medians = g_variant_get_child_value (v, 4);
  g_autoptr(GVariant) out = NULL;
  gsize n;
  g_autofree double *copy = g_memdup2 (g_variant_get_fixed_array (numbers, &n, sizeof (double)),
                                       g_variant_get_size (numbers));
  const char *checksum, *method;

  g_assert_cmpuint (index, <, n);
  copy[index] = value;
  g_variant_get_child (v, 0, "&s", &checksum);
  g_variant_get_child (v, 1, "&s", &method);
  out = g_variant_ref_sink (g_variant_new ("(ss@ad@aad@aad)", checksum, method,
                                           g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, copy, n,
                                                                      sizeof (double)),
                                           belts, medians));
  return g_variant_get_data_as_bytes (out);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* The report as JSON parses, and has no NaN in it. */
static void
assert_json_parses (const StraitsMaritimeReport *r)
{
  g_autofree char *json = straits_maritime_report_to_json (r);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (json, "nan"));
}

/* A cache is data, not truth: every value that cannot be right makes it
 * measured again. NaN once printed "sea_area_km2": nan; -1e308 printed
 * 300-digit negative areas. */
static void
test_hostile_cache_values (void)
{
  g_autofree char *cache = g_dir_make_tmp ("straits-maritime-XXXXXX", NULL);
  g_autoptr(StraitsMaritimeReport) made = NULL, again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) valid = NULL;
  static const double bad[] = { NAN, -1e308, 1e308, INFINITY, -1, 0 };
  /* the Aegean's sea area, a 6 nm area, a 12 nm share, the second
   * variant's area, a Black Sea coast, an Azov coast */
  static const guint where[] = { 0, 1, 10, 13, 26, 33 };
  struct stat st;

  made = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  path = only_cache_file (cache);
  g_assert_cmpint (g_stat (cache, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  valid = file_bytes (path);
  {
    g_autoptr(StraitsMaritimeReport) read = straits_maritime_report_from_cache (valid, made->checksum);
    g_assert_nonnull (read);
    g_assert_cmpfloat (read->aegean.sea_area_km2, ==, made->aegean.sea_area_km2);
  }
  for (guint w = 0; w < G_N_ELEMENTS (where); w++)
    for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
      {
        g_autoptr(GBytes) crafted = crafted_cache (valid, where[w], bad[b]);
        g_autoptr(StraitsMaritimeReport) read = straits_maritime_report_from_cache (crafted, made->checksum);

        /* 0 is a real coast length (Türkiye has no Azov coast) */
        if (bad[b] == 0 && where[w] >= 26)
          continue;
        if (read != NULL)
          g_error ("number %u = %g was trusted", where[w], bad[b]);
      }
  {
    /* Shares that do not add to 100. */
    double share = made->aegean.share_pct[0][0];
    g_autoptr(GBytes) crafted = crafted_cache (valid, 7, share + 1);
    g_autoptr(StraitsMaritimeReport) read = straits_maritime_report_from_cache (crafted, made->checksum);
    g_assert_null (read);
  }
  {
    g_autoptr(GBytes) crafted = crafted_cache (valid, 0, NAN);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (crafted, NULL), (gssize) g_bytes_get_size (crafted),
                                        NULL));
  }
  again = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (again->from_cache);
  g_assert_cmpfloat (again->aegean.sea_area_km2, ==, made->aegean.sea_area_km2);
  assert_json_parses (again);
  remove_cache_dir (cache);
}

/* A FIFO in the cache's place once hung the start; a link there had the
 * new cache written through it over its target. Both are replaced by a
 * new file, and the link's target is left as it was. */
static void
test_hostile_cache_files (void)
{
  g_autofree char *cache = g_dir_make_tmp ("straits-maritime-XXXXXX", NULL);
  g_autofree char *victim_dir = g_dir_make_tmp ("straits-victim-XXXXXX", NULL);
  g_autofree char *victim = g_build_filename (victim_dir, "precious.txt", NULL);
  g_autoptr(StraitsMaritimeReport) made = NULL, after_fifo = NULL, after_link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *kept = NULL;
  struct stat st;

  made = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  path = only_cache_file (cache);

  g_unlink (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  after_fifo = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (after_fifo->from_cache);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  g_unlink (path);
  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  g_assert_cmpint (symlink (victim, path), ==, 0);
  after_link = straits_maritime_get (maritime_dir, cache, &error);
  g_assert_no_error (error);
  g_assert_false (after_link->from_cache);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_true (g_file_get_contents (victim, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "precious");
  remove_cache_dir (cache);
  g_unlink (victim);
  g_rmdir (victim_dir);
}

typedef struct {
  GMainLoop *loop;
  StraitsMaritimeReport *report;
  GError *error;
} AsyncResult;

static void
on_measured (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *r = user_data;

  r->report = straits_maritime_get_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

/* Off the main thread, the same report; a cancelled request gives none. */
static void
test_async (void)
{
  g_autofree char *cache = g_dir_make_tmp ("straits-maritime-XXXXXX", NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult r = { loop, NULL, NULL };

  straits_maritime_get_async (maritime_dir, cache, NULL, on_measured, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_cmpfloat (r.report->aegean.sea_area_km2, ==, report->aegean.sea_area_km2);
  g_assert_cmpmem (r.report->black_sea_coast_km, sizeof r.report->black_sea_coast_km,
                   report->black_sea_coast_km, sizeof report->black_sea_coast_km);
  g_clear_pointer (&r.report, straits_maritime_report_free);

  g_cancellable_cancel (cancellable);
  straits_maritime_get_async (maritime_dir, cache, cancellable, on_measured, &r);
  g_main_loop_run (loop);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r.report);
  g_clear_error (&r.error);
  remove_cache_dir (cache);
}

/* The JSON has the shape, and its numbers are the report's (and
 * so the overlay's, see overlay-matches-report). */
static void
test_json (void)
{
  static const char *const parts[] = { "GRC", "TUR", "high_seas" };
  g_autofree char *json = straits_maritime_report_to_json (report);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *aegean, *black_sea;
  JsonArray *limits;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  aegean = json_object_get_object_member (root, "aegean");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (aegean, "sea_area_km2"),
                                  report->aegean.sea_area_km2, 0.051);
  limits = json_object_get_array_member (aegean, "limits");
  g_assert_cmpuint (json_array_get_length (limits), ==, STRAITS_MARITIME_N_LIMITS);
  for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
    {
      JsonObject *limit = json_array_get_object_element (limits, l);
      JsonObject *area = json_object_get_object_member (limit, "area_km2");
      JsonObject *share = json_object_get_object_member (limit, "share_pct");

      g_assert_cmpint (json_object_get_int_member (limit, "nm"), ==, l == 0 ? 6 : 12);
      for (int p = 0; p < STRAITS_MARITIME_N_PARTS; p++)
        {
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (area, parts[p]),
                                          report->aegean.area_km2[l][p], 0.051);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (share, parts[p]),
                                          report->aegean.share_pct[l][p], 0.0051);
        }
    }
  g_assert_true (json_object_has_member (root, "aegean_without_sea_of_crete"));
  black_sea = json_object_get_object_member (root, "black_sea");
  for (int c = 0; c < STRAITS_COAST_N; c++)
    {
      g_assert_true (json_object_has_member (json_object_get_object_member (black_sea, "coastline_km"),
                                             straits_coast_code (c)));
      g_assert_true (json_object_has_member (json_object_get_object_member (black_sea, "sea_of_azov_coastline_km"),
                                             straits_coast_code (c)));
    }
  g_assert_nonnull (json_object_get_string_member (black_sea, "convention"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "method"), "OpenStreetMap"));
}

static GEOSGeometry *
rect (GEOSContextHandle_t g, double x0, double y0, double x1, double y1)
{
  return GEOSGeom_createRectangle_r (g, x0, y0, x1, y1);
}

/* How far (metres) the point is from @geometry. */
static double
distance_to (GEOSContextHandle_t g, const GEOSGeometry *geometry, double x, double y)
{
  GEOSGeometry *point = GEOSGeom_createPointFromXY_r (g, x, y);
  double d = -1;

  GEOSDistance_r (g, geometry, point, &d);
  GEOSGeom_destroy_r (g, point);
  return d;
}

/* A square island 20 km wide with a lagoon (8 x 6 km) behind a 500 m
 * inlet: with no closing the lagoon's shore is coast; with inlets under
 * 3 km closed it is not, and the coast is the island's outline. */
static void
test_coast_lagoon (void)
{
  GEOSContextHandle_t g = GEOS_init_r ();
  GEOSGeometry *basin = rect (g, 6000, 8000, 14000, 14000), *inlet = rect (g, 9750, -10, 10250, 8010);
  GEOSGeometry *lagoon = GEOSUnion_r (g, basin, inlet);
  GEOSGeometry *island = rect (g, 0, 0, 20000, 20000);
  GEOSGeometry *land = GEOSDifference_r (g, island, lagoon);
  GEOSGeometry *world = rect (g, -10000, -10000, 30000, 30000);
  GEOSGeometry *water = GEOSDifference_r (g, world, land);
  GEOSGeometry *seed = GEOSGeom_createPointFromXY_r (g, 10000, -5000);
  double lagoon_shore = 2 * (8000 + 6000) + 2 * 8000, outline = 4 * 20000;

  for (int closing = 0; closing <= 3000; closing += 3000)
    {
      GEOSGeometry *open = _straits_open_sea (g, water, seed, closing);
      GEOSGeometry *edge = GEOSBoundary_r (g, open);
      GEOSGeometry *near_land = GEOSBuffer_r (g, land, 100, 8);
      GEOSGeometry *coast = GEOSIntersection_r (g, edge, near_land);
      double km = _straits_ruler_length (g, coast, 100) / 1000;

      if (closing == 0)
        {
          /* The lagoon's far shore touches the open water. */
          g_assert_cmpfloat (distance_to (g, open, 10000, 14000), <, 1);
          g_assert_cmpfloat (km, >, (outline + lagoon_shore - 500) / 1000 * 0.98);
          g_assert_cmpfloat (km, <, (outline + lagoon_shore) / 1000 * 1.02);
        }
      else
        {
          g_assert_cmpfloat (distance_to (g, open, 10000, 14000), >, 5000);
          g_assert_cmpfloat (km, >, outline / 1000 * 0.98);
          g_assert_cmpfloat (km, <, outline / 1000 * 1.02);
        }
      GEOSGeom_destroy_r (g, coast);
      GEOSGeom_destroy_r (g, near_land);
      GEOSGeom_destroy_r (g, edge);
      GEOSGeom_destroy_r (g, open);
    }
  GEOSGeom_destroy_r (g, seed);
  GEOSGeom_destroy_r (g, water);
  GEOSGeom_destroy_r (g, world);
  GEOSGeom_destroy_r (g, land);
  GEOSGeom_destroy_r (g, island);
  GEOSGeom_destroy_r (g, lagoon);
  GEOSGeom_destroy_r (g, inlet);
  GEOSGeom_destroy_r (g, basin);
  GEOS_finish_r (g);
}

/* Dividers: a straight line is its length at any ruler; a zigzag of
 * 1 km teeth is shorter measured with a 10 km ruler than with 100 m. */
static void
test_ruler (void)
{
  GEOSContextHandle_t g = GEOS_init_r ();
  GEOSGeometry *line = GEOSGeomFromWKT_r (g, "LINESTRING (0 0, 10000 0, 10000 5500)");
  GEOSGeometry *zigzag;
  GString *wkt = g_string_new ("LINESTRING (");

  g_assert_cmpfloat_with_epsilon (_straits_ruler_length (g, line, 100), 15500, 1);
  /* With 8 km dividers the corner is cut: 8 km, then the chord from
   * (8000, 0) to the end. */
  g_assert_cmpfloat_with_epsilon (_straits_ruler_length (g, line, 8000), 8000 + hypot (2000, 5500), 1);
  for (int i = 0; i <= 40; i++)
    g_string_append_printf (wkt, "%s%d %d", i ? ", " : "", i * 1000, i % 2 ? 1000 : 0);
  g_string_append (wkt, ")");
  zigzag = GEOSGeomFromWKT_r (g, wkt->str);
  g_assert_cmpfloat (_straits_ruler_length (g, zigzag, 100), >, 40 * 1414 * 0.99);
  g_assert_cmpfloat (_straits_ruler_length (g, zigzag, 10000), <, 41000);
  g_string_free (wkt, TRUE);
  GEOSGeom_destroy_r (g, zigzag);
  GEOSGeom_destroy_r (g, line);
  GEOS_finish_r (g);
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
  g_test_add_func ("/maritime/coast-lagoon", test_coast_lagoon);
  g_test_add_func ("/maritime/ruler", test_ruler);
  g_test_add_func ("/maritime/cache", test_cache);
  g_test_add_func ("/maritime/hostile-cache-values", test_hostile_cache_values);
  g_test_add_func ("/maritime/hostile-cache-files", test_hostile_cache_files);
  g_test_add_func ("/maritime/json", test_json);
  g_test_add_func ("/maritime/async", test_async);
  status = g_test_run ();
  straits_maritime_report_free (report);
  g_free (maritime_dir);
  return status;
}
