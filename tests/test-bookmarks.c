/* test-bookmarks.c: saved map states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "straits-bookmarks.h"

static char *
temp_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-bookmarks-XXXXXX", NULL);

  return g_build_filename (dir, "sub", "bookmarks.json", NULL);
}

static StraitsBookmarks *
three (void)
{
  StraitsBookmarks *b = straits_bookmarks_new ();
  const char *const selection[] = { "POL", "TUR", NULL };

  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "First", (char *) "Data", (char *) "aegean",
                                                 TRUE, 1.5, -2.25, 812.5, (char *) "2019-12",
                                                 (char **) selection, (char *) "history" });
  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "Second", (char *) "Data", (char *) "black-sea" });
  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "Third", NULL, (char *) "eu-groupings" });
  return b;
}

static void
test_round_trip (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(StraitsBookmarks) saved = three ();
  g_autoptr(StraitsBookmarks) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const StraitsBookmark *b;

  g_assert_true (straits_bookmarks_save (saved, path, &error));
  g_assert_no_error (error);
  loaded = straits_bookmarks_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (straits_bookmarks_get_n (loaded), ==, 3);
  b = straits_bookmarks_get (loaded, 0);
  g_assert_cmpstr (b->title, ==, "First");
  g_assert_cmpstr (b->dataset, ==, "Data");
  g_assert_cmpstr (b->view, ==, "aegean");
  g_assert_true (b->has_viewport);
  g_assert_cmpfloat (b->cx, ==, 1.5);
  g_assert_cmpfloat (b->cy, ==, -2.25);
  g_assert_cmpfloat (b->resolution, ==, 812.5);
  g_assert_cmpstr (b->time, ==, "2019-12");
  g_assert_cmpstrv (b->selection, ((const char *const[]) { "POL", "TUR", NULL }));
  g_assert_cmpstr (b->page, ==, "history");
  b = straits_bookmarks_get (loaded, 2);
  g_assert_false (b->has_viewport);
  g_assert_null (b->time);
  g_assert_null (b->dataset);
}

static void
test_reorder_rename_remove (void)
{
  g_autoptr(StraitsBookmarks) b = three ();

  straits_bookmarks_move (b, 0, 2);
  g_assert_cmpstr (straits_bookmarks_get (b, 0)->title, ==, "Second");
  g_assert_cmpstr (straits_bookmarks_get (b, 1)->title, ==, "Third");
  g_assert_cmpstr (straits_bookmarks_get (b, 2)->title, ==, "First");
  g_assert_cmpstr (straits_bookmarks_get (b, 2)->time, ==, "2019-12");
  straits_bookmarks_move (b, 2, 0);
  g_assert_cmpstr (straits_bookmarks_get (b, 0)->title, ==, "First");
  g_assert_cmpstr (straits_bookmarks_get (b, 1)->title, ==, "Second");
  straits_bookmarks_rename (b, 1, "Black Sea in 2024");
  g_assert_cmpstr (straits_bookmarks_get (b, 1)->title, ==, "Black Sea in 2024");
  straits_bookmarks_remove (b, 0);
  g_assert_cmpuint (straits_bookmarks_get_n (b), ==, 2);
  g_assert_cmpstr (straits_bookmarks_get (b, 0)->title, ==, "Black Sea in 2024");
}

/* A damaged file is reported and kept aside; saving does not touch it. */
static void
test_damaged (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(StraitsBookmarks) loaded = NULL;
  g_autoptr(StraitsBookmarks) fresh = three ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"straits-bookmarks\", \"bookmarks\": [", -1, NULL));
  loaded = straits_bookmarks_load (path, &error);
  g_assert_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_cmpuint (straits_bookmarks_get_n (loaded), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "bookmarks.json.damaged-"))
      aside = g_build_filename (dir, name, NULL);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (error->message, aside));
  g_clear_error (&error);

  g_assert_true (straits_bookmarks_save (fresh, path, &error));
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{\"format\": \"straits-bookmarks\", \"bookmarks\": [");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsBookmarks) b = straits_bookmarks_load ("/nonexistent/bookmarks.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (straits_bookmarks_get_n (b), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bookmarks/round-trip", test_round_trip);
  g_test_add_func ("/bookmarks/reorder-rename-remove", test_reorder_rename_remove);
  g_test_add_func ("/bookmarks/damaged", test_damaged);
  g_test_add_func ("/bookmarks/missing-file", test_missing_file);
  return g_test_run ();
}
