/* test-bookmarks.c: saved map states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

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
  const char *const overlays[] = { "territorial-seas", NULL };
  const char *const none[] = { NULL };

  straits_bookmarks_add (b, &(StraitsBookmark) { (char *) "First", (char *) "Data", (char *) "aegean",
                                                 TRUE, 1.5, -2.25, 812.5, (char *) "2019-12",
                                                 (char **) selection, (char *) "history",
                                                 .overlays = (char **) overlays,
                                                 .relation_types = (char **) none,
                                                 .notes = (char *) "Say when the\nveto was lifted." });
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
  /* A slide's own state: overlays, relation types (none is not "the
   * view's own") and the speaker's notes. */
  g_assert_cmpstrv (b->overlays, ((const char *const[]) { "territorial-seas", NULL }));
  g_assert_nonnull (b->relation_types);
  g_assert_null (b->relation_types[0]);
  g_assert_cmpstr (b->notes, ==, "Say when the\nveto was lifted.");
  b = straits_bookmarks_get (loaded, 2);
  g_assert_null (b->overlays);
  g_assert_null (b->relation_types);
  g_assert_null (b->notes);
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


/* The one file set aside in the folder of @path, or NULL. */
static char *
find_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "bookmarks.json.damaged-"))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

static char *
make_dir_for (const char *path)
{
  char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* Loads what stands at @path, which is refused: the user is told, it is
 * set aside (a link as a link), and a save afterwards leaves it alone. */
static char *
load_refused (const char *path, const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsBookmarks) loaded = straits_bookmarks_load (path, &error);
  g_autoptr(StraitsBookmarks) fresh = three ();
  char *aside;

  g_assert_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpuint (straits_bookmarks_get_n (loaded), ==, 0);
  aside = find_aside (path);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (error->message, aside));
  g_clear_error (&error);
  g_assert_true (straits_bookmarks_save (loaded, path, &error));
  g_assert_no_error (error);
  return aside;
}

/* 100,000 levels would overflow json-glib's recursion. */
static void
test_deep_nesting (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = make_dir_for (path);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *aside = NULL, *kept = NULL;
  gsize length;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_assert_true (g_file_set_contents (path, deep->str, (gssize) deep->len, NULL));
  aside = load_refused (path, "damaged");
  g_assert_true (g_file_get_contents (aside, &kept, &length, NULL));
  g_assert_cmpmem (kept, length, deep->str, deep->len);
}

/* A link to /dev/zero is not read without end, a FIFO does not hang. */
static void
test_special_files (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = make_dir_for (path);
  g_autofree char *aside = NULL, *target = NULL;
  struct stat st;

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  aside = load_refused (path, "not a regular file");
  target = g_file_read_link (aside, NULL);
  g_assert_cmpstr (target, ==, "/dev/zero");
  g_unlink (aside);
  g_unlink (path);
  g_clear_pointer (&aside, g_free);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  aside = load_refused (path, "not a regular file");
  g_assert_cmpint (lstat (aside, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (aside);
  g_unlink (path);
  g_clear_pointer (&aside, g_free);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  aside = load_refused (path, "folder");
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_DIR));
}

/* Sparse: a file larger than any bookmarks file costs no disk. */
static void
test_huge_file (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = make_dir_for (path);
  g_autofree char *aside = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 1 << 30), ==, 0);
  fclose (f);
  aside = load_refused (path, "larger than");
  g_unlink (aside);
}

/* Root reads a file of mode 000: the check runs as nobody then. */
static void
drop_root (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
write_unreadable (const char *path, const char *text)
{
  g_autofree char *dir = make_dir_for (path);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
}

static void
assert_bytes (const char *path, const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static const char saved_text[] = "{\"format\": \"straits-bookmarks\", \"bookmarks\": []}";

static void
unreadable_in_subprocess (void)
{
  g_autofree char *path = NULL, *aside = NULL;

  drop_root ();
  path = temp_path ();
  write_unreadable (path, saved_text);
  aside = load_refused (path, "Permission denied");
  assert_bytes (aside, saved_text);
}

/* Unreadable and in a folder where it cannot be moved: left alone, and
 * saving refuses to replace it. */
static void
unmovable_in_subprocess (void)
{
  g_autofree char *path = NULL, *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsBookmarks) loaded = NULL;

  drop_root ();
  path = temp_path ();
  dir = g_path_get_dirname (path);
  write_unreadable (path, saved_text);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  loaded = straits_bookmarks_load (path, &error);
  g_assert_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_KEPT);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  straits_bookmarks_add (loaded, &(StraitsBookmark) { (char *) "New", NULL, (char *) "aegean" });
  g_assert_false (straits_bookmarks_save (loaded, path, &error));
  g_assert_error (error, STRAITS_BOOKMARKS_ERROR, STRAITS_BOOKMARKS_ERROR_KEPT);
  assert_bytes (path, saved_text);
}

static void
test_unreadable (void)
{
  g_test_trap_subprocess ("/bookmarks/unreadable/subprocess", 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/bookmarks/unmovable/subprocess", 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Saving through a symbolic link replaces its target and keeps the link. */
static void
test_symlink_written_through (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = make_dir_for (path);
  g_autofree char *real_dir = g_build_filename (dir, "synced", NULL);
  g_autofree char *real = g_build_filename (real_dir, "my-bookmarks.json", NULL);
  g_autoptr(StraitsBookmarks) saved = three ();
  g_autoptr(StraitsBookmarks) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (real, saved_text, -1, NULL));
  g_assert_cmpint (symlink ("synced/my-bookmarks.json", path), ==, 0);
  loaded = straits_bookmarks_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (straits_bookmarks_save (saved, path, &error));
  g_assert_no_error (error);
  link = g_file_read_link (path, NULL);
  g_assert_cmpstr (link, ==, "synced/my-bookmarks.json");
  g_clear_pointer (&loaded, straits_bookmarks_free);
  loaded = straits_bookmarks_load (real, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (straits_bookmarks_get_n (loaded), ==, 3);
}

/* Viewports that are not three finite numbers in range are dropped, the
 * bookmarks kept, without json-glib criticals (fatal in the tests). */
static void
test_bad_viewports (void)
{
  const char *text = "{\"format\": \"straits-bookmarks\", \"bookmarks\": ["
                     "{\"title\": \"a\", \"view\": \"aegean\", \"viewport\": [{}, [], null]},"
                     "{\"title\": \"b\", \"view\": \"aegean\", \"viewport\": [0, 0, 0]},"
                     "{\"title\": \"c\", \"view\": \"aegean\", \"viewport\": [0, 0, 1e300]},"
                     "{\"title\": \"d\", \"view\": \"aegean\", \"viewport\": [\"1\", true, 500]},"
                     "{\"title\": \"e\", \"view\": \"aegean\", \"viewport\": [1e300, 0, 500]},"
                     "{\"title\": \"f\", \"view\": \"aegean\", \"viewport\": [0, 0, -5]},"
                     "{\"title\": \"g\", \"view\": \"aegean\", \"viewport\": [1, 2]},"
                     "{\"title\": \"ok\", \"view\": \"aegean\", \"viewport\": [1000, -2000, 800]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(StraitsBookmarks) b = straits_bookmarks_parse (bytes);
  guint n;

  g_assert_nonnull (b);
  n = straits_bookmarks_get_n (b);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i + 1 < n; i++)
    g_assert_false (straits_bookmarks_get (b, i)->has_viewport);
  g_assert_true (straits_bookmarks_get (b, n - 1)->has_viewport);
  g_assert_cmpfloat (straits_bookmarks_get (b, n - 1)->resolution, ==, 800);
}

static StraitsDataset *
minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, NULL);

  g_assert_nonnull (ds);
  return ds;
}

/* A dataset's id: the metadata's, else its file's name; bookmarks follow
 * the id, and older ones (no id) the title. */
static void
test_belongs_to_dataset (void)
{
  g_autoptr(StraitsDataset) ds = minimal ();
  const char *title = straits_dataset_get_metadata (ds)->title;
  StraitsBookmark by_id = { (char *) "A", (char *) "Renamed dataset", (char *) "aegean" };
  StraitsBookmark by_title = { (char *) "B", (char *) title, (char *) "aegean" };
  StraitsBookmark other = { (char *) "C", (char *) title, (char *) "aegean" };

  g_assert_cmpstr (straits_dataset_get_id (ds), ==, "minimal");
  by_id.dataset_id = (char *) "minimal";
  other.dataset_id = (char *) "another-dataset";
  g_assert_true (straits_bookmark_belongs_to (&by_id, ds));
  g_assert_true (straits_bookmark_belongs_to (&by_title, ds));
  /* The id decides when there is one, whatever the title says. */
  g_assert_false (straits_bookmark_belongs_to (&other, ds));
}

/* The metadata's id wins over the file's name. */
static void
test_metadata_id (void)
{
  static const char json[] = "{ \"format\": \"straits-dataset\", \"format_version\": 1,"
                             "  \"metadata\": { \"id\": \"tur-eu-security\", \"title\": \"T\" } }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "/tmp/v2.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (straits_dataset_get_metadata (ds)->id, ==, "tur-eu-security");
  g_assert_cmpstr (straits_dataset_get_id (ds), ==, "tur-eu-security");
}

static void
test_dataset_id_round_trip (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(StraitsBookmarks) saved = straits_bookmarks_new ();
  g_autoptr(StraitsBookmarks) loaded = NULL;
  g_autoptr(GError) error = NULL;

  straits_bookmarks_add (saved, &(StraitsBookmark) { (char *) "A", (char *) "Data", (char *) "aegean",
                                                     .dataset_id = (char *) "data-v1" });
  g_assert_true (straits_bookmarks_save (saved, path, &error));
  loaded = straits_bookmarks_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (straits_bookmarks_get (loaded, 0)->dataset_id, ==, "data-v1");
}

/* One resolution of a bookmark's selection, for the window and the
 * handout: actors, then the first relation or event; unknown ids skipped. */
static void
test_resolve_selection (void)
{
  g_autoptr(StraitsDataset) ds = minimal ();
  const char *const ids[] = { "POL", "nobody", "r2", "e1", "TUR", NULL };
  const char *const event_only[] = { "e3", "r1", NULL };
  StraitsBookmark b = { (char *) "A", NULL, (char *) "aegean", .selection = (char **) ids };
  StraitsBookmarkTarget target;

  straits_bookmark_resolve (&b, ds, &target);
  g_assert_cmpuint (target.actors->len, ==, 2);
  g_assert_cmpuint (g_array_index (target.actors, guint32, 0), ==, straits_dataset_find_actor (ds, "POL"));
  g_assert_cmpuint (g_array_index (target.actors, guint32, 1), ==, straits_dataset_find_actor (ds, "TUR"));
  g_assert_cmpuint (target.relation, ==, straits_dataset_find_relation (ds, "r2"));
  g_assert_cmpuint (target.event, ==, STRAITS_NO_INDEX);
  /* No types saved: the view's own. */
  g_assert_null (target.relation_types);
  straits_bookmark_target_clear (&target);

  b.selection = (char **) event_only;
  straits_bookmark_resolve (&b, ds, &target);
  g_assert_cmpuint (target.actors->len, ==, 0);
  g_assert_cmpuint (target.event, ==, straits_dataset_find_event (ds, "e3"));
  g_assert_cmpuint (target.relation, ==, STRAITS_NO_INDEX);
  straits_bookmark_target_clear (&target);

  /* Saved types resolve to the dataset's; a type it lacks is skipped. */
  b.relation_types = (char **) (const char *const[]) { "no-such-type", "procurement", NULL };
  straits_bookmark_resolve (&b, ds, &target);
  g_assert_nonnull (target.relation_types);
  g_assert_cmpuint (target.relation_types->len, ==, 1);
  g_assert_cmpuint (g_array_index (target.relation_types, guint32, 0), ==,
                    straits_dataset_find_relation_type (ds, "procurement"));
  straits_bookmark_target_clear (&target);
}

/* Notes are set, replaced and cleared (empty text: none). */
static void
test_notes (void)
{
  g_autoptr(StraitsBookmarks) b = three ();

  straits_bookmarks_set_notes (b, 1, "First point");
  g_assert_cmpstr (straits_bookmarks_get (b, 1)->notes, ==, "First point");
  straits_bookmarks_set_notes (b, 1, "");
  g_assert_null (straits_bookmarks_get (b, 1)->notes);
  straits_bookmarks_set_notes (b, 0, NULL);
  g_assert_null (straits_bookmarks_get (b, 0)->notes);
}

/* The presentation: the views, then this dataset's bookmarks in order. */
static void
test_list_slides (void)
{
  g_autoptr(StraitsDataset) ds = minimal ();
  g_autoptr(StraitsBookmarks) marks = straits_bookmarks_new ();
  g_autoptr(GArray) slides = NULL;

  straits_bookmarks_add (marks, &(StraitsBookmark) { (char *) "Mine", NULL, (char *) "aegean",
                                                     .dataset_id = (char *) "minimal" });
  straits_bookmarks_add (marks, &(StraitsBookmark) { (char *) "Theirs", (char *) "Other", (char *) "aegean" });
  straits_bookmarks_add (marks, &(StraitsBookmark) { (char *) "Old", (char *) straits_dataset_get_metadata (ds)->title,
                                                     (char *) "black-sea" });
  slides = straits_bookmarks_list_slides (marks, 3, ds);
  g_assert_cmpuint (slides->len, ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (g_array_index (slides, StraitsSlide, i).is_bookmark);
      g_assert_cmpuint (g_array_index (slides, StraitsSlide, i).index, ==, i);
    }
  g_assert_true (g_array_index (slides, StraitsSlide, 3).is_bookmark);
  g_assert_cmpuint (g_array_index (slides, StraitsSlide, 3).index, ==, 0);
  g_assert_cmpuint (g_array_index (slides, StraitsSlide, 4).index, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bookmarks/round-trip", test_round_trip);
  g_test_add_func ("/bookmarks/notes", test_notes);
  g_test_add_func ("/bookmarks/reorder-rename-remove", test_reorder_rename_remove);
  g_test_add_func ("/bookmarks/damaged", test_damaged);
  g_test_add_func ("/bookmarks/missing-file", test_missing_file);
  g_test_add_func ("/bookmarks/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bookmarks/special-files", test_special_files);
  g_test_add_func ("/bookmarks/huge-file", test_huge_file);
  g_test_add_func ("/bookmarks/unreadable", test_unreadable);
  g_test_add_func ("/bookmarks/unreadable/subprocess", unreadable_in_subprocess);
  g_test_add_func ("/bookmarks/unmovable/subprocess", unmovable_in_subprocess);
  g_test_add_func ("/bookmarks/symlink-written-through", test_symlink_written_through);
  g_test_add_func ("/bookmarks/bad-viewports", test_bad_viewports);
  g_test_add_func ("/bookmarks/belongs-to-dataset", test_belongs_to_dataset);
  g_test_add_func ("/bookmarks/metadata-id", test_metadata_id);
  g_test_add_func ("/bookmarks/dataset-id-round-trip", test_dataset_id_round_trip);
  g_test_add_func ("/bookmarks/resolve-selection", test_resolve_selection);
  g_test_add_func ("/bookmarks/list-slides", test_list_slides);
  return g_test_run ();
}
