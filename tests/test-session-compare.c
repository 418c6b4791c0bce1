/* test-session-compare.c: the session's comparison (issue 21)
 *
 * A reload that changed the open file compares with the version it
 * replaced; later reloads keep that baseline, so changes add up; a
 * reload that changed nothing starts no comparison; another file, or
 * setting no baseline (Stop Comparing), ends it; Compare With… sets one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "straits-dataset-diff.h"
#include "straits-session.h"

static char *bundled;
static char *changed;    /* the bundled dataset with one relation's summary changed */

static StraitsDataset *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static void
test_reload_compares (void)
{
  g_autoptr(StraitsSession) session = straits_session_new ();
  g_autoptr(GFile) file = g_file_new_for_path (bundled);
  g_autoptr(GFile) other = g_file_new_for_path (changed);
  g_autoptr(StraitsDataset) first = load (bundled);
  g_autoptr(StraitsDataset) same = load (bundled);
  g_autoptr(StraitsDataset) edited = load (changed);
  g_autoptr(StraitsDataset) again = load (changed);
  const StraitsDiffItem *item;

  straits_session_set_dataset (session, first, file);
  g_assert_null (straits_session_get_baseline (session));
  /* Saved unchanged: nothing to compare. */
  straits_session_set_dataset (session, same, file);
  g_assert_null (straits_session_get_baseline (session));
  g_assert_null (straits_session_get_changes (session));
  /* Saved changed: the version replaced is the baseline. */
  straits_session_set_dataset (session, edited, file);
  g_assert_true (straits_session_get_baseline (session) == same);
  g_assert_cmpuint (straits_session_get_changes (session)->len, ==, 1);
  item = g_ptr_array_index (straits_session_get_changes (session), 0);
  g_assert_cmpint (item->change, ==, STRAITS_DIFF_CHANGED);
  g_assert_cmpstr (item->id, ==, "rel-pol-tur-tb2");
  /* Saved again: still compared with the version before the first save. */
  straits_session_set_dataset (session, again, file);
  g_assert_true (straits_session_get_baseline (session) == same);
  g_assert_cmpuint (straits_session_get_changes (session)->len, ==, 1);
  /* Stop Comparing. */
  straits_session_set_baseline (session, NULL);
  g_assert_null (straits_session_get_changes (session));
  /* Compare With… an older file, then another file opened. */
  straits_session_set_baseline (session, first);
  g_assert_cmpuint (straits_session_get_changes (session)->len, ==, 1);
  straits_session_set_dataset (session, first, other);
  g_assert_null (straits_session_get_baseline (session));
  g_assert_null (straits_session_get_changes (session));
}

int
main (int argc, char **argv)
{
  g_autofree char *text = NULL;
  g_autofree char *work = NULL;
  g_autoptr(GString) edited = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  bundled = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets", "turkey-european-security.json", NULL);
  g_assert_true (g_file_get_contents (bundled, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "Poland buys Turkish", "Poland bought Turkish", 1), ==, 1);
  work = g_dir_make_tmp ("straits-session-XXXXXX", NULL);
  changed = g_build_filename (work, "changed.json", NULL);
  g_assert_true (g_file_set_contents (changed, edited->str, -1, NULL));
  g_test_add_func ("/session/reload-compares", test_reload_compares);
  status = g_test_run ();
  g_unlink (changed);
  g_rmdir (work);
  g_free (changed);
  g_free (bundled);
  return status;
}
