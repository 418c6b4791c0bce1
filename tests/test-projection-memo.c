/* test-projection-memo.c: a projection's answers kept for the next start
 * (src/geo/straits-projection-memo.c) are the answers PROJ gives, bit for
 * bit, and only for the input they were computed from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "straits-atlas.h"
#include "straits-projection.h"
#include "straits-projection-private.h"
#include "straits-region.h"

#define DEFINITION "+proj=laea +lat_0=38.5 +lon_0=25.5 +ellps=WGS84 +units=m"
#define N_POINTS 2000

typedef struct {
  char *dir;
  double lonlat[2 * N_POINTS];
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GRand *rand = g_rand_new_with_seed (20);

  f->dir = g_dir_make_tmp ("straits-memo-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  for (guint i = 0; i < N_POINTS; i++)
    {
      f->lonlat[2 * i] = g_rand_double_range (rand, 10, 45);
      f->lonlat[2 * i + 1] = g_rand_double_range (rand, 30, 50);
    }
  g_rand_free (rand);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The one memo file in @dir (the test fails without exactly one). */
static char *
memo_file (const char *dirname)
{
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (found);
      g_assert_true (g_str_has_prefix (name, "projection-") && g_str_has_suffix (name, ".gvariant"));
      found = g_build_filename (dirname, name, NULL);
    }
  g_assert_nonnull (found);
  return found;
}

/* What PROJ itself gives, without any memo. */
static void
project_uncached (const char *definition, const double *lonlat, double *xy, gsize n_points)
{
  g_autoptr(StraitsProjection) p = straits_projection_new (definition, NULL);

  g_assert_nonnull (p);
  memcpy (xy, lonlat, 2 * n_points * sizeof (double));
  straits_projection_forward_array (p, xy, n_points);
}

/* Projects the fixture's points with a memo in its folder: as an array,
 * and the first hundred one by one; saves the memo. */
static void
fill_memo (Fixture *f, const char *definition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsProjection) p = straits_projection_new_cached (definition, f->dir, &error);
  double xy[2 * N_POINTS], x, y;

  g_assert_no_error (error);
  g_assert_true (_straits_projection_is_set_up (p));
  memcpy (xy, f->lonlat, sizeof xy);
  straits_projection_forward_array (p, xy, N_POINTS);
  for (guint i = 0; i < 100; i++)
    straits_projection_forward (p, f->lonlat[2 * i], f->lonlat[2 * i + 1], &x, &y);
  g_assert_true (straits_projection_save_memo (p, &error));
  g_assert_no_error (error);
}

/* Asserts @p gives what PROJ gives for the fixture's points, bit for bit. */
static void
assert_answers_as_proj (Fixture *f, StraitsProjection *p, const char *definition)
{
  double expected[2 * N_POINTS], xy[2 * N_POINTS];

  project_uncached (definition, f->lonlat, expected, N_POINTS);
  memcpy (xy, f->lonlat, sizeof xy);
  straits_projection_forward_array (p, xy, N_POINTS);
  g_assert_cmpmem (xy, sizeof xy, expected, sizeof expected);
  for (guint i = 0; i < 100; i++)
    {
      double x, y;

      g_assert_true (straits_projection_forward (p, f->lonlat[2 * i], f->lonlat[2 * i + 1], &x, &y));
      g_assert_cmpmem (&x, sizeof x, &expected[2 * i], sizeof x);
      g_assert_cmpmem (&y, sizeof y, &expected[2 * i + 1], sizeof y);
    }
}

/* The next start answers from the memo, with PROJ never set up, and the
 * same numbers; an answer the memo lacks sets PROJ up then. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsProjection) p = NULL;
  double x, y, ex, ey;

  fill_memo (f, DEFINITION);
  p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
  g_assert_nonnull (p);
  g_assert_false (_straits_projection_is_set_up (p));
  assert_answers_as_proj (f, p, DEFINITION);
  g_assert_false (_straits_projection_is_set_up (p));

  /* Not in the memo: PROJ's answer. */
  g_assert_true (straits_projection_forward (p, 26.0, 39.0, &x, &y));
  g_assert_true (_straits_projection_is_set_up (p));
  {
    g_autoptr(StraitsProjection) plain = straits_projection_new (DEFINITION, NULL);

    straits_projection_forward (plain, 26.0, 39.0, &ex, &ey);
    g_assert_cmpfloat (x, ==, ex);
    g_assert_cmpfloat (y, ==, ey);
  }
}

/* An array that differs from the one kept by one bit of one value is
 * projected, not read back. */
static void
test_changed_input (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsProjection) p = NULL;
  double changed[2 * N_POINTS], expected[2 * N_POINTS], xy[2 * N_POINTS];
  guint64 bits;

  fill_memo (f, DEFINITION);
  memcpy (changed, f->lonlat, sizeof changed);
  memcpy (&bits, &changed[777], sizeof bits);
  bits ^= 1;
  memcpy (&changed[777], &bits, sizeof bits);
  project_uncached (DEFINITION, changed, expected, N_POINTS);

  p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
  memcpy (xy, changed, sizeof xy);
  straits_projection_forward_array (p, xy, N_POINTS);
  g_assert_true (_straits_projection_is_set_up (p));
  g_assert_cmpmem (xy, sizeof xy, expected, sizeof expected);
}

static void
write_or_fail (const char *path, const char *data, gsize length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A damaged memo (a byte changed anywhere, or cut short) never gives
 * other numbers than PROJ's: it is not read. */
static void
test_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL, *contents = NULL;
  gsize length, rejected = 0, tried = 0;

  fill_memo (f, DEFINITION);
  path = memo_file (f->dir);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize at = 0; at < length; at += length / 97 + 1, tried++)
    {
      g_autofree char *damaged = g_memdup2 (contents, length);
      g_autoptr(StraitsProjection) p = NULL;

      damaged[at] ^= 0x10;
      write_or_fail (path, damaged, length);
      p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
      assert_answers_as_proj (f, p, DEFINITION);
      rejected += _straits_projection_is_set_up (p);
    }
  /* Nearly all the file is numbers: those changes at least are caught. */
  g_test_message ("%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " changed bytes rejected the memo", rejected, tried);
  g_assert_cmpuint (rejected, >=, tried * 9 / 10);
  for (gsize cut = 0; cut < length; cut += length / 13 + 1)
    {
      g_autoptr(StraitsProjection) p = NULL;

      write_or_fail (path, contents, cut);
      p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
      assert_answers_as_proj (f, p, DEFINITION);
      g_assert_true (_straits_projection_is_set_up (p));
    }
}

/* A memo is read only for the definition it was written for, even when
 * found under another's name. */
static void
test_other_definition (Fixture *f, gconstpointer data)
{
  const char *other = "+proj=laea +lat_0=38.5 +lon_0=26.5 +ellps=WGS84 +units=m";
  g_autofree char *path = NULL, *other_path = NULL;
  g_autoptr(StraitsProjection) p = NULL;

  fill_memo (f, other);
  other_path = memo_file (f->dir);
  fill_memo (f, DEFINITION);
  g_assert_cmpint (g_unlink (other_path), ==, 0);
  path = memo_file (f->dir);
  g_assert_cmpint (g_rename (path, other_path), ==, 0);
  p = straits_projection_new_cached (other, f->dir, NULL);
  assert_answers_as_proj (f, p, other);
  g_assert_true (_straits_projection_is_set_up (p));
}

/* A CRS that PROJ looks up in its database depends on PROJ's data as well
 * as its code: it is not kept. */
static void
test_database_not_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsProjection) p = straits_projection_new_cached ("EPSG:32635", f->dir, NULL);
  g_autoptr(GDir) dir = NULL;
  double x, y;

  g_assert_nonnull (p);
  g_assert_true (straits_projection_forward (p, 27, 40, &x, &y));
  g_assert_true (straits_projection_save_memo (p, NULL));
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

typedef struct {
  StraitsProjection *projection;
  Fixture *fixture;
  const double *expected;
} ThreadData;

static gpointer
project_in_thread (gpointer data)
{
  ThreadData *d = data;

  for (guint i = 0; i < N_POINTS; i++)
    {
      double x, y;

      straits_projection_forward (d->projection, d->fixture->lonlat[2 * i] + 0.5,
                                  d->fixture->lonlat[2 * i + 1], &x, &y);
      g_assert_cmpfloat (x, ==, d->expected[2 * i]);
      g_assert_cmpfloat (y, ==, d->expected[2 * i + 1]);
    }
  return NULL;
}

/* Threads that draw at once set PROJ up once, from a memo, and each gets
 * PROJ's answers while the others add to the memo. */
static void
test_threads (Fixture *f, gconstpointer data)
{
  g_autoptr(StraitsProjection) p = NULL;
  double shifted[2 * N_POINTS], expected[2 * N_POINTS];
  GThread *threads[4];
  ThreadData d;

  fill_memo (f, DEFINITION);
  memcpy (shifted, f->lonlat, sizeof shifted);
  for (guint i = 0; i < N_POINTS; i++)
    shifted[2 * i] += 0.5;
  project_uncached (DEFINITION, shifted, expected, N_POINTS);
  p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
  g_assert_false (_straits_projection_is_set_up (p));
  d = (ThreadData) { p, f, expected };
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("project", project_in_thread, &d);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  /* What they added is kept too. */
  g_assert_true (straits_projection_save_memo (p, NULL));
  g_clear_pointer (&p, straits_projection_unref);
  d.projection = p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
  project_in_thread (&d);
  g_assert_false (_straits_projection_is_set_up (p));
}

/* The atlas shares one projection among a definition's maps (one memo
 * file), and the next atlas projects its maps from that memo alone. */
static void
test_atlas (Fixture *f, gconstpointer data)
{
  g_autofree char *basemaps = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "basemap", NULL);
  const StraitsRegion *aegean = straits_region_lookup ("aegean");
  StraitsRegion overview = *aegean;
  StraitsAtlas *atlas = straits_atlas_new (basemaps);
  StraitsProjectedMap *first, *detailed;
  guint n;

  overview.detailed = !aegean->detailed;
  straits_atlas_set_cache_dir (atlas, f->dir);
  first = straits_atlas_get_map (atlas, aegean, NULL);
  g_assert_nonnull (first);
  g_assert_nonnull (straits_atlas_get_map (atlas, &overview, NULL));
  g_assert_true (straits_projected_map_get_projection (first) ==
                 straits_projected_map_get_projection (straits_atlas_get_map (atlas, &overview, NULL)));
  straits_atlas_save_projections (atlas);
  g_free (memo_file (f->dir));
  straits_atlas_free (atlas);

  atlas = straits_atlas_new (basemaps);
  straits_atlas_set_cache_dir (atlas, f->dir);
  detailed = straits_atlas_get_map (atlas, aegean, NULL);
  g_assert_nonnull (straits_atlas_get_map (atlas, &overview, NULL));
  g_assert_false (_straits_projection_is_set_up (straits_projected_map_get_projection (detailed)));
  n = straits_basemap_get_n_points (straits_projected_map_get_basemap (detailed));
  g_assert_cmpuint (n, >, 100000);
  straits_atlas_free (atlas);
}

/* Whether a projection from the memo answers @lonlat's array without
 * setting PROJ up; the answer is PROJ's either way. */
static gboolean
array_kept (Fixture *f, const double *lonlat)
{
  g_autoptr(StraitsProjection) p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
  double xy[2 * N_POINTS], expected[2 * N_POINTS];

  project_uncached (DEFINITION, lonlat, expected, N_POINTS);
  memcpy (xy, lonlat, sizeof xy);
  straits_projection_forward_array (p, xy, N_POINTS);
  g_assert_cmpmem (xy, sizeof xy, expected, sizeof expected);
  return !_straits_projection_is_set_up (p);
}

/* Runs that project other arrays push out one no run used since (an
 * older basemap's), and keep one each run uses. */
static void
test_stale_arrays (Fixture *f, gconstpointer data)
{
  double used[2 * N_POINTS], other[2 * N_POINTS];

  fill_memo (f, DEFINITION);  /* the fixture's points: not used again */
  for (guint i = 0; i < 2 * N_POINTS; i++)
    used[i] = f->lonlat[i] + 0.25;
  for (guint run = 0; run < 6; run++)
    {
      g_autoptr(StraitsProjection) p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
      double xy[2 * N_POINTS];

      memcpy (xy, used, sizeof xy);
      straits_projection_forward_array (p, xy, N_POINTS);
      /* Read back in every run after the first. */
      g_assert_true (run == 0 || !_straits_projection_is_set_up (p));
      for (guint i = 0; i < 2 * N_POINTS; i++)
        other[i] = f->lonlat[i] - 0.01 * (run + 1);
      straits_projection_forward_array (p, other, N_POINTS);
      g_assert_true (straits_projection_save_memo (p, NULL));
    }
  g_assert_true (array_kept (f, used));
  g_assert_false (array_kept (f, f->lonlat));
}

/* Beyond sixteen definitions' memos, the oldest are removed. */
static void
test_oldest_removed (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("projection-old%02u.gvariant", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      struct utimbuf times = { 1000000 + i, 1000000 + i };

      write_or_fail (path, "x", 1);
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
  fill_memo (f, DEFINITION);
  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; n++)
    /* The four oldest go: old00 to old03. */
    g_assert_false (g_str_has_prefix (name, "projection-old0") && name[strlen ("projection-old0")] < '4');
  g_assert_cmpuint (n, ==, 16);
}

/* A memo a start reads back, and adds nothing to, counts as used: its
 * time is brought forward as it is saved, so that the oldest removed are
 * those no start reads any more. */
static void
test_read_back_is_used (Fixture *f, gconstpointer data)
{
  struct utimbuf times = { 1000000, 1000000 };
  g_autofree char *path = NULL;
  GStatBuf st;

  fill_memo (f, DEFINITION);
  path = memo_file (f->dir);
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  g_assert_true (array_kept (f, f->lonlat));
  {
    g_autoptr(StraitsProjection) p = straits_projection_new_cached (DEFINITION, f->dir, NULL);
    double xy[2 * N_POINTS];

    memcpy (xy, f->lonlat, sizeof xy);
    straits_projection_forward_array (p, xy, N_POINTS);
    g_assert_false (_straits_projection_is_set_up (p));
    g_assert_true (straits_projection_save_memo (p, NULL));
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint ((gint64) st.st_mtime, >, 1000000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/projection-memo/round-trip", test_round_trip);
  ADD ("/projection-memo/changed-input", test_changed_input);
  ADD ("/projection-memo/damaged", test_damaged);
  ADD ("/projection-memo/other-definition", test_other_definition);
  ADD ("/projection-memo/database-not-kept", test_database_not_kept);
  ADD ("/projection-memo/threads", test_threads);
  ADD ("/projection-memo/atlas", test_atlas);
  ADD ("/projection-memo/stale-arrays", test_stale_arrays);
  ADD ("/projection-memo/oldest-removed", test_oldest_removed);
  ADD ("/projection-memo/read-back-is-used", test_read_back_is_used);
  return g_test_run ();
}
