/* test-corpus.c: every malformed or hostile file in tests/corpus/ is
 * refused with the message expected.tsv gives for it, and none crashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "straits-dataset.h"

typedef struct {
  char *file;
  char *expect;    /* "error", "valid" or "warning" */
  char *substring;
} Expectation;

static void
expectation_free (gpointer data)
{
  Expectation *e = data;

  g_free (e->file);
  g_free (e->expect);
  g_free (e->substring);
  g_free (e);
}

static char *
report_text (GPtrArray *diags, const GError *error)
{
  GString *s = g_string_new (error ? error->message : "");

  for (guint i = 0; diags && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));

      g_string_append_printf (s, "\n%s", line);
    }
  return g_string_free (s, FALSE);
}

static void
check_expectation (gconstpointer data)
{
  const Expectation *e = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", e->file, NULL);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, &diags, &error);
  g_autofree char *text = report_text (diags, error);

  if (g_str_equal (e->expect, "error"))
    {
      g_assert_null (ds);
      g_assert_nonnull (error);
      g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR), >, 0);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (ds);
    }
  if (e->substring[0] != '\0' && strstr (text, e->substring) == NULL)
    g_error ("%s: expected “%s” in:\n%s", e->file, e->substring, text);
  /* Every error names the file. */
  for (guint i = 0; diags && i < diags->len; i++)
    g_assert_cmpstr (((StraitsDiagnostic *) g_ptr_array_index (diags, i))->file, ==, path);
}

static void
test_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-corpus-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (dir, NULL, &error);

  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_IO);
  g_rmdir (dir);
}

/* A file over the default limit (1024 MB) is refused before it is read:
 * a sparse file costs no disk or memory. */
static void
test_oversized (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = NULL;
  int fd = g_file_open_tmp ("straits-huge-XXXXXX.json", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  g_unsetenv ("STRAITS_MAX_DATASET_MB");
  g_assert_cmpint (ftruncate (fd, (off_t) 1100 << 20), ==, 0);
  close (fd);
  ds = straits_dataset_load_file (path, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *tsv_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) expectations = g_ptr_array_new_with_free_func (expectation_free);
  guint n = 0;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  tsv_path = g_test_build_filename (G_TEST_DIST, "corpus", "expected.tsv", NULL);
  if (!g_file_get_contents (tsv_path, &contents, NULL, NULL))
    g_error ("cannot read %s", tsv_path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Expectation *e;
      g_autofree char *name = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 2)
        g_error ("expected.tsv line %u is malformed", i + 1);
      e = g_new0 (Expectation, 1);
      g_ptr_array_add (expectations, e);
      e->file = g_strdup (fields[0]);
      e->expect = g_strdup (fields[1]);
      e->substring = g_strdup (fields[2] ? fields[2] : "");
      g_hash_table_add (files, e->file);
      name = g_strdup_printf ("/corpus/%s/%u", e->file, i + 1);
      g_test_add_data_func (name, e, check_expectation);
      n++;
    }
  /* The corpus is meant to be large; a truncated expected.tsv would
   * otherwise pass quietly. */
  if (g_hash_table_size (files) < 40)
    g_error ("only %u corpus files listed; expected at least 40", g_hash_table_size (files));

  /* And every file in the corpus has an expectation. */
  {
    g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "corpus", NULL);
    g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
    const char *entry;

    while (dir && (entry = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (entry, ".json") && !g_hash_table_contains (files, entry))
        g_error ("corpus/%s has no line in expected.tsv", entry);
  }

  g_test_add_func ("/corpus/directory", test_directory);
  g_test_add_func ("/corpus/oversized", test_oversized);
  return g_test_run ();
}
