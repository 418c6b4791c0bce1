/* test-safe-file.c: the one reader for files others may replace, and the
 * private writer for caches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "straits-safe-file.h"

static char *dir;

static char *
path_in (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
assert_refused (const char *path, gsize max, StraitsSafeFileFlags flags, GIOErrorEnum code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = straits_safe_file_read (path, max, flags, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, path));
}

/* A file of exactly the limit is read, whole and NUL-terminated; one byte
 * more is refused. */
static void
test_size_limit (void)
{
  g_autofree char *path = path_in ("exact.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  bytes = straits_safe_file_read (path, 10, STRAITS_SAFE_FILE_FOLLOW_LINKS, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (data, length, "0123456789", 10);
  g_assert_cmpint (data[length], ==, '\0');
  assert_refused (path, 9, STRAITS_SAFE_FILE_FOLLOW_LINKS, G_IO_ERROR_MESSAGE_TOO_LARGE);

  /* Empty is a file too. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = straits_safe_file_read (path, 10, STRAITS_SAFE_FILE_FOLLOW_LINKS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
}

/* What is not a regular file is refused before anything is read: a FIFO
 * without a writer does not hang, /dev/zero is not read without end. */
static void
test_special_files (void)
{
  g_autofree char *fifo = path_in ("fifo");
  g_autofree char *missing = path_in ("missing");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, 1 << 20, STRAITS_SAFE_FILE_FOLLOW_LINKS, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused ("/dev/zero", 1 << 20, STRAITS_SAFE_FILE_FOLLOW_LINKS, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_refused (dir, 1 << 20, STRAITS_SAFE_FILE_FOLLOW_LINKS, G_IO_ERROR_IS_DIRECTORY);
  assert_refused (missing, 1 << 20, STRAITS_SAFE_FILE_FOLLOW_LINKS, G_IO_ERROR_NOT_FOUND);
  g_unlink (fifo);
}

/* A link is followed for datasets and bookmarks, refused for caches. */
static void
test_links (void)
{
  g_autofree char *target = path_in ("target.json");
  g_autofree char *link = path_in ("link.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (target, "{}", -1, NULL));
  g_assert_cmpint (symlink ("target.json", link), ==, 0);
  bytes = straits_safe_file_read (link, 100, STRAITS_SAFE_FILE_FOLLOW_LINKS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 2);
  assert_refused (link, 100, STRAITS_SAFE_FILE_NO_FOLLOW, G_IO_ERROR_TOO_MANY_LINKS);
  g_unlink (link);
  g_unlink (target);
}

/* Where a save through a link goes: the end of a chain of links, relative
 * or absolute, existing or not. */
static void
test_write_target (void)
{
  g_autofree char *real = path_in ("real.json");
  g_autofree char *first = path_in ("first.json");
  g_autofree char *second = path_in ("second.json");
  g_autofree char *plain = path_in ("plain.json");
  g_autofree char *found = NULL;

  g_assert_cmpint (symlink ("second.json", first), ==, 0);
  g_assert_cmpint (symlink (real, second), ==, 0);
  found = straits_safe_file_write_target (first);
  g_assert_cmpstr (found, ==, real);
  g_clear_pointer (&found, g_free);
  found = straits_safe_file_write_target (plain);
  g_assert_cmpstr (found, ==, plain);
  g_unlink (first);
  g_unlink (second);
}

/* The cache writer makes its folder private, writes a new file and renames
 * it over a link in its place without writing through the link; a folder
 * that is a link is refused. */
static void
test_write_private (void)
{
  g_autofree char *cache = path_in ("cache");
  g_autofree char *victim = path_in ("victim.txt");
  g_autofree char *name = g_build_filename (cache, "c.bin", NULL);
  g_autofree char *linked = path_in ("linked-cache");
  g_autofree char *kept = NULL, *written = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (straits_safe_file_write_private (cache, "c.bin", "one", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (cache, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (name, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  g_unlink (name);
  g_assert_cmpint (symlink (victim, name), ==, 0);
  g_assert_true (straits_safe_file_write_private (cache, "c.bin", "two", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (victim, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "precious");
  g_assert_true (g_file_get_contents (name, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, "two");
  g_assert_false (g_file_test (name, G_FILE_TEST_IS_SYMLINK));

  /* A folder made readable by others is made private again. */
  g_assert_cmpint (g_chmod (cache, 0755), ==, 0);
  g_assert_true (straits_safe_file_write_private (cache, "c.bin", "three", 5, &error));
  g_assert_cmpint (g_stat (cache, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_cmpint (symlink (cache, linked), ==, 0);
  g_assert_false (straits_safe_file_write_private (linked, "c.bin", "four", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_unlink (linked);
  g_unlink (name);
  g_rmdir (cache);
  g_unlink (victim);
}


typedef struct {
  const char *data;
  gsize length;
  guint sum;
} ReadAll;

static void
read_all (gpointer user_data)
{
  ReadAll *r = user_data;

  for (gsize i = 0; i < r->length; i++)
    r->sum += (guchar) ((volatile const char *) r->data)[i];
}

/* A file at least map_from long is mapped, under the same checks; when it
 * is shortened while mapped, a read past its new end fails the guarded
 * call instead of ending the process, and the next call is guarded too. */
static void
test_mapped_and_shortened (void)
{
  g_autofree char *path = path_in ("mapped.json");
  g_autofree char *text = g_strnfill (65536, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean mapped = FALSE;
  ReadAll r = { 0 };

  g_assert_true (g_file_set_contents (path, text, 65536, NULL));
  bytes = straits_safe_file_read_or_map (path, 1 << 20, 65537, STRAITS_SAFE_FILE_FOLLOW_LINKS, &mapped, &error);
  g_assert_no_error (error);
  g_assert_false (mapped);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_null (straits_safe_file_read_or_map (path, 1000, 1, STRAITS_SAFE_FILE_FOLLOW_LINKS, &mapped, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  bytes = straits_safe_file_read_or_map (path, 1 << 20, 4096, STRAITS_SAFE_FILE_FOLLOW_LINKS, &mapped, &error);
  g_assert_no_error (error);
  g_assert_true (mapped);
  r.data = g_bytes_get_data (bytes, &r.length);
  g_assert_cmpuint (r.length, ==, 65536);
  g_assert_true (straits_safe_file_run_guarded (read_all, &r));
  g_assert_cmpuint (r.sum, ==, 65536 * 'x');

  g_assert_cmpint (truncate (path, 0), ==, 0);
  for (int i = 0; i < 2; i++)
    g_assert_false (straits_safe_file_run_guarded (read_all, &r));
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("straits-safe-file-XXXXXX", NULL);
  g_test_add_func ("/safe-file/size-limit", test_size_limit);
  g_test_add_func ("/safe-file/special-files", test_special_files);
  g_test_add_func ("/safe-file/links", test_links);
  g_test_add_func ("/safe-file/write-target", test_write_target);
  g_test_add_func ("/safe-file/write-private", test_write_private);
  g_test_add_func ("/safe-file/mapped-and-shortened", test_mapped_and_shortened);
  status = g_test_run ();
  g_autofree char *exact = path_in ("exact.json");
  g_unlink (exact);
  g_rmdir (dir);
  g_free (dir);
  return status;
}
