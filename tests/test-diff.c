/* test-diff.c: straits_dataset_diff() on pairs of small datasets with
 * known changes (tests/data/diff/), one or more of every kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>
#include <glib.h>

#include "straits-dataset.h"
#include "straits-dataset-diff.h"

static StraitsDataset *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static StraitsDataset *
load_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(GError) error = NULL;
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

/* The diff as lines: "+ kind id", "- kind id", "~ kind id: field old | new". */
static char *
diff_lines (GPtrArray *items)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      StraitsDiffItem *item = g_ptr_array_index (items, i);

      if (item->change != STRAITS_DIFF_CHANGED)
        {
          g_assert_cmpuint (item->fields->len, ==, 0);
          g_string_append_printf (s, "%c %s %s\n", item->change == STRAITS_DIFF_ADDED ? '+' : '-',
                                  item->kind, item->id);
        }
      g_assert_true (item->change != STRAITS_DIFF_CHANGED || item->fields->len > 0);
      for (guint j = 0; j < item->fields->len; j++)
        {
          StraitsDiffField *f = g_ptr_array_index (item->fields, j);

          g_string_append_printf (s, "~ %s %s: %s %s | %s\n", item->kind, item->id, f->field,
                                  f->old_value ? f->old_value : "(none)",
                                  f->new_value ? f->new_value : "(none)");
        }
    }
  return g_string_free (s, FALSE);
}

/* Every kind changes; the new file also reorders relation types,
 * relations, events and figures and puts a new actor first (shifting every
 * index), none of which may show. */
static void
test_known_changes (void)
{
  g_autoptr(StraitsDataset) old_ds = load ("diff/old.json");
  g_autoptr(StraitsDataset) new_ds = load ("diff/new.json");
  g_autoptr(GPtrArray) items = straits_dataset_diff (old_ds, new_ds);
  g_autofree char *lines = diff_lines (items);

  g_assert_cmpstr (lines, ==,
                   "~ metadata metadata: title Diff test, old | Diff test, new\n"
                   "~ metadata metadata: version 1 | 2\n"
                   "- source gone-source\n"
                   "+ source new-source\n"
                   "~ source src: title A source | A source, revised\n"
                   "- actor CYP\n"
                   "+ actor ITA\n"
                   "~ actor TUR: name Turkey | Türkiye\n"
                   "~ actor baykar: location 28.8, 41 | 28.9, 41\n"
                   "- grouping gone-grouping\n"
                   "+ grouping new-grouping\n"
                   "~ grouping stance: groups cooperative, reluctant | cooperative, reluctant, neutral\n"
                   "- group gone-grouping/all\n"
                   "+ group stance/neutral\n"
                   "~ group stance/cooperative: members POL | ITA, POL\n"
                   "~ group stance/reluctant: members CYP, GRC | GRC\n"
                   "- relation r3\n"
                   "+ relation r4\n"
                   "~ relation r1: start 2021 | 2020\n"
                   "~ relation r1: sources src: Section 1 | new-source: Section 2\n"
                   "+ event e3\n"
                   "~ event e1: date 2021 | 2021-05\n"
                   "~ event e1: actors POL, TUR | POL, TUR, ITA\n"
                   "~ figure f1: value[TUR] 30 | 35\n"
                   "~ figure f2: value[2025] (none) | 8\n"
                   "~ view cyprus: title Cyprus | Cyprus and its seas\n");
  g_assert_cmpuint (straits_diff_count (items, STRAITS_DIFF_ADDED), ==, 6);
  g_assert_cmpuint (straits_diff_count (items, STRAITS_DIFF_REMOVED), ==, 5);
  g_assert_cmpuint (straits_diff_count (items, STRAITS_DIFF_CHANGED), ==, 12);
}

/* Backwards, every addition is a removal and every change swaps sides. */
static void
test_reversed (void)
{
  g_autoptr(StraitsDataset) old_ds = load ("diff/old.json");
  g_autoptr(StraitsDataset) new_ds = load ("diff/new.json");
  g_autoptr(GPtrArray) forward = straits_dataset_diff (old_ds, new_ds);
  g_autoptr(GPtrArray) backward = straits_dataset_diff (new_ds, old_ds);
  g_autofree char *lines = diff_lines (backward);

  g_assert_cmpuint (straits_diff_count (backward, STRAITS_DIFF_ADDED), ==,
                    straits_diff_count (forward, STRAITS_DIFF_REMOVED));
  g_assert_cmpuint (straits_diff_count (backward, STRAITS_DIFF_REMOVED), ==,
                    straits_diff_count (forward, STRAITS_DIFF_ADDED));
  g_assert_nonnull (strstr (lines, "~ relation r1: start 2020 | 2021\n"));
  g_assert_nonnull (strstr (lines, "~ figure f2: value[2025] 8 | (none)\n"));
  g_assert_nonnull (strstr (lines, "+ actor CYP\n"));
}

static void
test_identical (void)
{
  g_autoptr(StraitsDataset) a = load_bundled ();
  g_autoptr(StraitsDataset) b = load_bundled ();
  g_autoptr(StraitsDataset) old_ds = load ("diff/old.json");
  g_autoptr(GPtrArray) same = straits_dataset_diff (a, b);
  g_autoptr(GPtrArray) self = straits_dataset_diff (old_ds, old_ds);

  g_assert_cmpuint (same->len, ==, 0);
  g_assert_cmpuint (self->len, ==, 0);
}

/* Against the minimal dataset, every actor the bundled one has and it has
 * not is removed. */
static void
test_everything_removed (void)
{
  g_autoptr(StraitsDataset) bundled = load_bundled ();
  g_autoptr(StraitsDataset) minimal = load ("minimal.json");
  g_autoptr(GPtrArray) items = straits_dataset_diff (bundled, minimal);
  guint removed_actors = 0;

  for (guint i = 0; i < items->len; i++)
    {
      StraitsDiffItem *item = g_ptr_array_index (items, i);

      if (item->change == STRAITS_DIFF_REMOVED && g_str_equal (item->kind, "actor"))
        removed_actors++;
    }
  /* minimal.json keeps TUR, POL, GRC and baykar of the bundled dataset's actors. */
  g_assert_cmpuint (removed_actors, ==, straits_dataset_get_n_actors (bundled) - 4);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/known-changes", test_known_changes);
  g_test_add_func ("/diff/reversed", test_reversed);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/everything-removed", test_everything_removed);
  return g_test_run ();
}
