/* test-scene.c: one observable scene for what a map shows (issue 13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "straits-test-data.h"

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static StraitsMapScene *
scene_for (const char *view_id)
{
  g_autoptr(StraitsMapRenderer) renderer = straits_test_renderer_for (atlas, dataset, view_id);

  return g_object_ref (straits_map_renderer_get_scene (renderer));
}

typedef struct {
  guint emissions;
  guint what;
} Seen;

static void
on_changed (StraitsMapScene *scene, guint what, Seen *seen)
{
  seen->emissions++;
  seen->what |= what;
}

/* One emission per change, saying what changed; none when nothing did. */
static void
test_changed_says_what (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("black-sea");
  Seen seen = { 0 };
  StraitsDate date;

  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &seen);
  g_assert_true (straits_date_parse ("2014-03", &date));
  straits_map_scene_set_time (scene, &date);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_cmphex (seen.what, ==, STRAITS_SCENE_TIME);

  /* The same date again: nothing to redraw. */
  straits_map_scene_set_time (scene, &date);
  straits_map_scene_set_convention (scene, straits_map_scene_get_convention (scene));
  straits_map_scene_set_style (scene, straits_map_scene_get_style (scene));
  g_assert_cmpuint (seen.emissions, ==, 1);

  /* No flows, whatever their legend would say: the legend names flows
   * drawn, so the scene has not changed (issue 20: the window's first
   * frame, drawn ahead, was drawn again for this). */
  straits_map_scene_set_flows (scene, NULL, 0, "Arms transfers 1995–2025");
  g_assert_cmpuint (seen.emissions, ==, 1);

  seen = (Seen) { 0 };
  straits_map_scene_set_hover (scene, 0, STRAITS_NO_INDEX);
  g_assert_cmphex (seen.what, ==, STRAITS_SCENE_HOVER);
  g_assert_cmpuint (straits_map_scene_get_hover_actor (scene), ==, 0);
}

/* Changes made while frozen are one emission, with every flag. */
static void
test_freeze_coalesces (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("aegean");
  Seen seen = { 0 };
  guint32 actors[] = { 0, 1 };

  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &seen);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_show_legend (scene, TRUE);
  straits_map_scene_set_selection (scene, actors, 2, STRAITS_NO_INDEX);
  straits_map_scene_set_convention (scene, STRAITS_CONVENTION_DE_FACTO);
  straits_map_scene_freeze (scene);
  straits_map_scene_set_grouping (scene, STRAITS_NO_INDEX);
  straits_map_scene_thaw (scene);
  g_assert_cmpuint (seen.emissions, ==, 0);
  straits_map_scene_thaw (scene);
  g_assert_cmpuint (seen.emissions, ==, 1);
  g_assert_cmphex (seen.what, ==, STRAITS_SCENE_DECORATION | STRAITS_SCENE_SELECTION | STRAITS_SCENE_CONVENTION);
}

/* A new dataset resets what referred to the old one's items. */
static void
test_dataset_resets_references (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("eu-groupings");
  guint32 actor = 0;
  guint n;

  g_assert_cmpuint (straits_map_scene_get_grouping (scene), ==, 0);
  straits_map_scene_set_selection (scene, &actor, 1, STRAITS_NO_INDEX);
  straits_map_scene_set_dataset (scene, NULL);
  g_assert_cmpuint (straits_map_scene_get_grouping (scene), ==, STRAITS_NO_INDEX);
  straits_map_scene_get_selected_actors (scene, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* A copy shows the same and changes alone: the export dialog's figure
 * changes its copy, never the screen's scene. */
static void
test_copy_is_independent (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("aegean");
  g_autoptr(StraitsMapScene) copy = NULL;
  guint32 actor = 2;
  const guint32 *actors;
  guint n, none = 0;
  StraitsViewport vp = { 1e5, 2e5, 500 }, out;
  Seen seen = { 0 };

  straits_map_scene_set_selection (scene, &actor, 1, STRAITS_NO_INDEX);
  straits_map_scene_set_relation_types (scene, &none, 0);
  straits_map_scene_set_viewport (scene, &vp);
  copy = straits_map_scene_copy (scene);
  actors = straits_map_scene_get_selected_actors (copy, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (actors[0], ==, 2);
  /* An empty filter (nothing shown) stays empty, not "every type". */
  g_assert_nonnull (straits_map_scene_get_relation_types (copy, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (straits_map_scene_get_viewport (copy, &out));
  g_assert_true (straits_viewport_equal (&out, &vp));
  g_assert_true (straits_map_scene_get_map (copy) == straits_map_scene_get_map (scene));
  g_assert_cmpstrv (straits_map_scene_get_overlays (copy), straits_map_scene_get_overlays (scene));

  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &seen);
  straits_map_scene_set_show_legend (copy, TRUE);
  straits_map_scene_set_selection (copy, NULL, 0, STRAITS_NO_INDEX);
  g_assert_cmpuint (seen.emissions, ==, 0);
  g_assert_false (straits_map_scene_get_show_legend (scene));
  straits_map_scene_get_selected_actors (scene, &n);
  g_assert_cmpuint (n, ==, 1);
}

/* A renderer follows its scene: two renderers of one scene draw alike,
 * and a change to the scene reaches both. */
static void
test_renderers_follow_the_scene (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("black-sea");
  g_autoptr(StraitsMapRenderer) a = straits_map_renderer_new_for_scene (scene);
  g_autoptr(StraitsMapRenderer) b = straits_map_renderer_new_for_scene (scene);
  StraitsDate date;

  g_assert_true (straits_date_parse ("2010", &date));
  straits_map_scene_set_time (scene, &date);
  straits_map_scene_set_convention (scene, STRAITS_CONVENTION_DE_FACTO);
  g_assert_cmpint (straits_date_compare (straits_map_renderer_get_time (a), &date), ==, 0);
  g_assert_cmpint (straits_date_compare (straits_map_renderer_get_time (b), &date), ==, 0);
  g_assert_cmpint (straits_map_renderer_get_convention (b), ==, STRAITS_CONVENTION_DE_FACTO);
  straits_map_scene_set_time (scene, NULL);
  g_assert_null (straits_map_renderer_get_time (a));
  g_assert_true (straits_map_renderer_get_scene (a) == scene);
}

/* The window's Relation Types menu turns one type on or off: the others
 * stay, and a filter that lets every type through is "every type". */
static void
test_show_relation_type (void)
{
  g_autoptr(StraitsMapScene) scene = scene_for ("aegean");
  guint32 procurement = straits_dataset_find_relation_type (dataset, "procurement");
  guint32 dispute = straits_dataset_find_relation_type (dataset, "dispute");
  guint n_all = straits_dataset_get_n_relation_types (dataset);
  guint n, n_view;
  Seen seen = { 0 };

  /* The Aegean view leaves procurement out. */
  g_assert_nonnull (straits_map_scene_get_relation_types (scene, &n_view));
  g_assert_false (straits_map_scene_shows_relation_type (scene, procurement));
  g_assert_true (straits_map_scene_shows_relation_type (scene, dispute));
  g_signal_connect (scene, "changed", G_CALLBACK (on_changed), &seen);
  straits_map_scene_show_relation_type (scene, procurement, TRUE);
  g_assert_cmphex (seen.what, ==, STRAITS_SCENE_FILTER);
  g_assert_true (straits_map_scene_shows_relation_type (scene, procurement));
  g_assert_true (straits_map_scene_shows_relation_type (scene, dispute));
  straits_map_scene_get_relation_types (scene, &n);
  g_assert_cmpuint (n, ==, n_view + 1);

  /* Again: nothing changes. */
  seen = (Seen) { 0 };
  straits_map_scene_show_relation_type (scene, procurement, TRUE);
  g_assert_cmpuint (seen.emissions, ==, 0);

  straits_map_scene_show_relation_type (scene, dispute, FALSE);
  g_assert_false (straits_map_scene_shows_relation_type (scene, dispute));
  straits_map_scene_get_relation_types (scene, &n);
  g_assert_cmpuint (n, ==, n_view);

  /* Every type on: NULL; then one off: all the others. */
  for (guint32 t = 0; t < n_all; t++)
    straits_map_scene_show_relation_type (scene, t, TRUE);
  g_assert_null (straits_map_scene_get_relation_types (scene, &n));
  straits_map_scene_show_relation_type (scene, dispute, FALSE);
  g_assert_nonnull (straits_map_scene_get_relation_types (scene, &n));
  g_assert_cmpuint (n, ==, n_all - 1);

  /* Every type off: an empty filter, not "every type". */
  for (guint32 t = 0; t < n_all; t++)
    straits_map_scene_show_relation_type (scene, t, FALSE);
  g_assert_nonnull (straits_map_scene_get_relation_types (scene, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (straits_map_scene_shows_relation_type (scene, dispute));

  /* A type the dataset does not have changes nothing. */
  seen = (Seen) { 0 };
  straits_map_scene_show_relation_type (scene, n_all, TRUE);
  g_assert_cmpuint (seen.emissions, ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();
  g_test_add_func ("/scene/changed-says-what", test_changed_says_what);
  g_test_add_func ("/scene/freeze-coalesces", test_freeze_coalesces);
  g_test_add_func ("/scene/dataset-resets-references", test_dataset_resets_references);
  g_test_add_func ("/scene/copy-is-independent", test_copy_is_independent);
  g_test_add_func ("/scene/show-relation-type", test_show_relation_type);
  g_test_add_func ("/scene/renderers-follow-the-scene", test_renderers_follow_the_scene);
  status = g_test_run ();
  straits_atlas_free (atlas);
  g_object_unref (dataset);
  return status;
}
