/* test-projection.c: our projections against PROJ's own answers (from
 * cs2cs, the PROJ command line) and geodesics against geod.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "straits-projection.h"
#include "straits-projection-private.h"
#include "straits-maritime.h"
#include "straits-region.h"

typedef struct {
  const char *definition;
  double lon, lat, x, y;
} Known;

/* Values printed by `cs2cs -f %.4f EPSG:4326 <definition>` (PROJ 9.1). */
static const Known known[] = {
  { "EPSG:3035", 10.0, 52.0, 4321000.0, 3210000.0 },
  { "EPSG:3035", 32.86, 39.93, 6252093.4579, 2164821.7929 },          /* Ankara */
  { "EPSG:3035", 28.98, 41.01, 5905687.1898, 2190409.6107 },          /* Istanbul */
  { "EPSG:3035", 23.73, 37.98, 5528703.9827, 1764368.6100 },          /* Athens */
  { "+proj=lcc +lat_0=44 +lon_0=34 +lat_1=42 +lat_2=46 +ellps=WGS84 +units=m",
    32.86, 39.93, -97627.3298, -451492.2485 },
  { "+proj=lcc +lat_0=44 +lon_0=34 +lat_1=42 +lat_2=46 +ellps=WGS84 +units=m",
    28.98, 41.01, -422345.6014, -319227.7377 },
  { "+proj=laea +lat_0=38.5 +lon_0=25.5 +ellps=WGS84 +units=m",
    23.73, 37.98, -155492.4811, -56235.7800 },
  { "+proj=laea +lat_0=38.5 +lon_0=25.5 +ellps=WGS84 +units=m",
    32.86, 39.93, 628257.1747, 183999.8173 },
};

static void
test_known_points (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StraitsProjection) p = straits_projection_new (known[i].definition, &error);
      double x, y;

      g_assert_no_error (error);
      g_assert_true (straits_projection_forward (p, known[i].lon, known[i].lat, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, known[i].x, 0.001);
      g_assert_cmpfloat_with_epsilon (y, known[i].y, 0.001);
    }
}

static void
test_round_trips (void)
{
  const char *regions[] = { "europe", "black-sea", "aegean" };

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      const StraitsRegion *region = straits_region_lookup (regions[r]);
      g_autoptr(StraitsProjection) p = straits_projection_new (region->projection, NULL);

      g_assert_nonnull (p);
      for (double lon = region->west; lon <= region->east; lon += 1.7)
        for (double lat = region->south; lat <= region->north; lat += 1.3)
          {
            double x, y, lon2, lat2;

            g_assert_true (straits_projection_forward (p, lon, lat, &x, &y));
            g_assert_true (straits_projection_inverse (p, x, y, &lon2, &lat2));
            g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-8); /* about 1 mm */
            g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-8);
          }
    }
}

static void
test_array_matches_single (void)
{
  g_autoptr(StraitsProjection) p = straits_projection_new ("EPSG:3035", NULL);
  double xy[] = { 10, 52, 32.86, 39.93, 28.98, 41.01 };

  straits_projection_forward_array (p, xy, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat_with_epsilon (xy[2 * i], known[i].x, 0.001);
      g_assert_cmpfloat_with_epsilon (xy[2 * i + 1], known[i].y, 0.001);
    }
}

static void
test_bad_definition (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsProjection) p = straits_projection_new ("+proj=nonsense", &error);

  g_assert_null (p);
  g_assert_nonnull (error);
}

static void
test_geodesic (void)
{
  /* geod +ellps=WGS84 -I: one degree of longitude on the equator. */
  g_assert_cmpfloat_with_epsilon (straits_geodesic_distance (0, 0, 1, 0), 111319.491, 0.001);
  /* Antalya to Kastellorizo, about 12.6 km... within a rough bound. */
  g_assert_cmpfloat (straits_geodesic_distance (29.59, 36.20, 29.59, 36.15), >, 5000);
  {
    double line[] = { 0, 0, 1, 0, 2, 0 };
    g_assert_cmpfloat_with_epsilon (straits_geodesic_line_length (line, 3), 2 * 111319.491, 0.01);
  }
}

/* Each projection the atlas sets up without PROJ's database (a pipeline
 * from its PROJ string, or the string the table gives for a CRS code) puts
 * every point of its region where the database's operation does, within a
 * millimetre, both ways. */
static void
check_agrees_with_database (const char *definition, double west, double south, double east, double north)
{
  PJ_CONTEXT *ctx = proj_context_create ();
  PJ *fast = _straits_projection_create (ctx, definition, FALSE, NULL);
  PJ *slow = _straits_projection_create (ctx, definition, TRUE, NULL);
  double worst = 0;

  g_assert_nonnull (fast);
  g_assert_nonnull (slow);
  g_assert_false (proj_get_type (fast) == proj_get_type (slow)); /* the fast one is really a pipeline */
  for (double lon = west; lon <= east; lon += (east - west) / 12)
    for (double lat = south; lat <= north; lat += (north - south) / 12)
      {
        PJ_COORD a = proj_trans (fast, PJ_FWD, proj_coord (lon, lat, 0, 0));
        PJ_COORD b = proj_trans (slow, PJ_FWD, proj_coord (lon, lat, 0, 0));
        PJ_COORD back = proj_trans (fast, PJ_INV, a);

        worst = MAX (worst, hypot (a.xy.x - b.xy.x, a.xy.y - b.xy.y));
        g_assert_cmpfloat (fabs (back.lp.lam - lon), <, 1e-7); /* about a centimetre */
        g_assert_cmpfloat (fabs (back.lp.phi - lat), <, 1e-7); /* about a centimetre */
      }
  g_test_message ("%s: the pipeline and the database differ by at most %.2g m", definition, worst);
  g_assert_cmpfloat (worst, <, 1e-3);
  proj_destroy (fast);
  proj_destroy (slow);
  proj_context_destroy (ctx);
}

static void
test_table_agrees_with_database (void)
{
  const char *const ids[] = { "europe", "black-sea", "aegean" };

  g_assert_nonnull (_straits_projection_known_string ("EPSG:3035"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const StraitsRegion *r = straits_region_lookup (ids[i]);
      g_assert_nonnull (r);
      check_agrees_with_database (r->projection, r->west, r->south, r->east, r->north);
    }
  check_agrees_with_database (STRAITS_MARITIME_PROJECTION, 19.5, 34.0, 30.0, 42.0);
}

/* How many times this process holds PROJ's database open (each context
 * that opened it keeps it open). */
static guint
database_opened (void)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  while (fds != NULL && (name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *fd = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (fd, NULL);

      if (target != NULL && g_str_has_suffix (target, "proj.db"))
        n++;
    }
  return n;
}

/* Setting up a projection from a PROJ string reads nothing of PROJ's
 * database (reading its schema was most of the time it took); a CRS only
 * the database knows still finds it. In a process of its own: PROJ keeps
 * the database open, once opened, for the contexts that follow. */
static void
test_pipeline_without_database (void)
{
  g_autoptr(GError) error = NULL;
  StraitsProjection *proj;
  double x, y;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc/self/fd");
      return;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  proj = straits_projection_new ("EPSG:3035", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (database_opened (), ==, 0);
  g_assert_true (straits_projection_forward (proj, 10, 52, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 4321000, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 3210000, 1e-3);
  straits_projection_unref (proj);

  proj = straits_projection_new ("EPSG:32635", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (database_opened (), ==, 1);
  straits_projection_unref (proj);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/known-points", test_known_points);
  g_test_add_func ("/projection/round-trips", test_round_trips);
  g_test_add_func ("/projection/array", test_array_matches_single);
  g_test_add_func ("/projection/bad-definition", test_bad_definition);
  g_test_add_func ("/projection/geodesic", test_geodesic);
  g_test_add_func ("/projection/table-agrees-with-database", test_table_agrees_with_database);
  g_test_add_func ("/projection/pipeline-without-database", test_pipeline_without_database);
  return g_test_run ();
}
