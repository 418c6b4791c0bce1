/* test-importer.c: the table of formats a dataset is read from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib/gstdio.h>

#include "straits-importer.h"
#include "straits-workbook.h"

/* Ids are unique, and the last importer takes any path. */
static void
test_table (void)
{
  guint n;
  const StraitsImporter *importers = straits_importers (&n);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_hash_table_add (ids, (gpointer) importers[i].id));
      g_assert_nonnull (importers[i].label);
      g_assert_nonnull (importers[i].load);
    }
  g_assert_true (importers[n - 1].recognises ("anything at all"));
}

/* The same choice as the callers made before the table: a folder, .ods,
 * .xlsx and .zip are workbooks, whatever the case; anything else is read
 * as dataset JSON, whose loader says what is wrong with it. */
static void
test_choice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-importer-XXXXXX", NULL);
  const struct { const char *path, *id; } cases[] = {
    { "dataset.json", "json" }, { "dataset", "json" }, { "sheet.csv", "json" },
    { "book.ods", "workbook" }, { "BOOK.XLSX", "workbook" }, { "sheets.zip", "workbook" },
    { dir, "workbook" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const StraitsImporter *importer = straits_importer_for_path (cases[i].path);

      g_test_message ("%s", cases[i].path);
      g_assert_cmpstr (importer->id, ==, cases[i].id);
      g_assert_cmpstr (importer->id, ==,
                       straits_workbook_path_is_workbook (cases[i].path) ? "workbook" : "json");
    }
  g_rmdir (dir);
}

/* A dataset and the same dataset as a CSV folder both load through the
 * table; a file that is missing fails as the JSON loader says. */
static void
test_load_any (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("straits-importer-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(StraitsWorkbook) workbook = NULL;
  g_autoptr(StraitsDataset) json = NULL, folder = NULL, none = NULL;
  g_autoptr(GError) error = NULL;

  json = straits_dataset_load_any (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  workbook = straits_workbook_from_json (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (straits_workbook_write_csv_folder (workbook, dir, &error));
  folder = straits_dataset_load_any (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (straits_dataset_get_n_actors (folder), ==, straits_dataset_get_n_actors (json));
  g_assert_cmpuint (straits_dataset_get_n_relations (folder), ==, straits_dataset_get_n_relations (json));

  none = straits_dataset_load_any (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_IO);
  /* The folder holds one NAME.csv per sheet written. */
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      StraitsWorkbookSheet *sheet = g_ptr_array_index (workbook->sheets, i);
      g_autofree char *name = g_strconcat (sheet->name, ".csv", NULL);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/importer/table", test_table);
  g_test_add_func ("/importer/choice", test_choice);
  g_test_add_func ("/importer/load-any", test_load_any);
  return g_test_run ();
}
