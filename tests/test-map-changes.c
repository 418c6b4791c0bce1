/* test-map-changes.c: what changed since a compared version, on the map
 *
 * The scene holds the comparison (a diff and the version's name); the
 * renderer badges the new and changed relations and actors and says so
 * in the legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "straits-atlas.h"
#include "straits-dataset-diff.h"
#include "straits-map-renderer.h"
#include "straits-test-data.h"

#define WIDTH 800
#define HEIGHT 600

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static cairo_surface_t *
render (StraitsMapRenderer *r, StraitsViewport *vp)
{
  *vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  return straits_test_draw (r, WIDTH, HEIGHT, vp);
}

static guint32
pixel (cairo_surface_t *s, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, WIDTH);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, HEIGHT);
  return *(const guint32 *) (gconstpointer) (data + y * stride + x * 4) & 0xffffff;
}

/* The middle of @relation's curve, if it is its pair's only relation:
 * that curve bows by 0.18 of its length to the left of from → to, taken
 * in the pair's own order. */
static gboolean
curve_middle (StraitsMapRenderer *renderer, const StraitsViewport *vp, guint32 relation, int *x, int *y)
{
  const StraitsRelation *r = straits_dataset_get_relation (dataset, relation);
  double ax, ay, bx, by, bow = 0.18 * (r->from > r->to ? -1 : 1);
  guint same = 0;

  for (guint32 j = 0; j < straits_dataset_get_n_relations (dataset); j++)
    {
      const StraitsRelation *o = straits_dataset_get_relation (dataset, j);

      same += MIN (o->from, o->to) == MIN (r->from, r->to) && MAX (o->from, o->to) == MAX (r->from, r->to);
    }
  if (same != 1 || !straits_map_renderer_get_actor_anchor (renderer, r->from, &ax, &ay) ||
      !straits_map_renderer_get_actor_anchor (renderer, r->to, &bx, &by))
    return FALSE;
  straits_viewport_to_output (vp, WIDTH, HEIGHT, ax, ay, &ax, &ay);
  straits_viewport_to_output (vp, WIDTH, HEIGHT, bx, by, &bx, &by);
  /* The quadratic's middle: a quarter of each end, half the control point. */
  *x = (int) lround (0.25 * ax + 0.25 * bx + 0.5 * ((ax + bx) / 2 - (by - ay) * bow));
  *y = (int) lround (0.25 * ay + 0.25 * by + 0.5 * ((ay + by) / 2 + (bx - ax) * bow));
  return *x >= 0 && *x < WIDTH && *y >= 0 && *y < HEIGHT;
}

/* The last relation drawn (so on top of the others) that is its pair's
 * only one: the map picks it at its curve's middle. */
static guint32
lone_relation (StraitsMapRenderer *renderer, const StraitsViewport *vp, int *x, int *y)
{
  for (guint32 i = straits_dataset_get_n_relations (dataset); i-- > 0;)
    {
      guint32 actor, picked;

      if (!curve_middle (renderer, vp, i, x, y))
        continue;
      straits_map_renderer_pick (renderer, WIDTH, HEIGHT, vp, *x, *y, &actor, &picked);
      if (picked == i)
        return i;
    }
  g_assert_not_reached ();
}

static GPtrArray *
one_change (const char *kind, const char *id, StraitsDiffChange change)
{
  /* As straits_dataset_diff() makes them, for the scene to match by id. */
  GPtrArray *items = g_ptr_array_new ();
  StraitsDiffItem *item = g_new0 (StraitsDiffItem, 1);

  item->change = change;
  item->kind = kind;
  item->id = g_strdup (id);
  item->fields = g_ptr_array_new ();
  g_ptr_array_add (items, item);
  return items;
}

static void
free_changes (GPtrArray *items)
{
  StraitsDiffItem *item = g_ptr_array_index (items, 0);

  g_free (item->id);
  g_ptr_array_unref (item->fields);
  g_free (item);
  g_ptr_array_unref (items);
}

/* A new relation gets a badge at its curve's middle, white in the middle,
 * and the legend says since when; without the comparison, neither. */
static void
test_new_relation_badged (void)
{
  g_autoptr(StraitsMapRenderer) r = straits_test_renderer_for (atlas, dataset, "eu-groupings");
  StraitsMapScene *scene = straits_map_renderer_get_scene (r);
  guint32 relation;
  GPtrArray *changes;
  cairo_surface_t *before, *after, *again;
  StraitsViewport vp;
  int x, y;

  straits_map_scene_set_show_labels (scene, FALSE);
  straits_map_scene_set_show_legend (scene, TRUE);
  before = render (r, &vp);
  relation = lone_relation (r, &vp, &x, &y);
  changes = one_change ("relation", straits_dataset_get_relation (dataset, relation)->id, STRAITS_DIFF_ADDED);
  g_assert_false (straits_test_legend_has (r, "New since 1.0 (2025-03-01)"));
  straits_map_scene_set_changes (scene, changes, "1.0 (2025-03-01)");
  after = render (r, &vp);
  g_assert_cmphex (pixel (after, x, y), ==, 0xffffff);
  g_assert_cmphex (pixel (before, x, y), !=, pixel (after, x, y));
  g_assert_true (straits_test_legend_has (r, "New since 1.0 (2025-03-01)"));
  g_assert_false (straits_test_legend_has (r, "Changed since 1.0 (2025-03-01)"));

  /* Stopping the comparison takes the badge away again. */
  straits_map_scene_set_changes (scene, NULL, NULL);
  again = render (r, &vp);
  g_assert_cmphex (pixel (before, x, y), ==, pixel (again, x, y));
  g_assert_false (straits_test_legend_has (r, "New since 1.0 (2025-03-01)"));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (again);
  free_changes (changes);
}

/* A changed actor is ringed; a copy of the scene (an export) marks it too. */
static void
test_changed_actor_ringed (void)
{
  g_autoptr(StraitsMapRenderer) r = straits_test_renderer_for (atlas, dataset, "eu-groupings");
  StraitsMapScene *scene = straits_map_renderer_get_scene (r);
  guint32 actor = straits_dataset_find_actor_by_iso3 (dataset, "FRA");
  GPtrArray *changes = one_change ("actor", straits_dataset_get_actor (dataset, actor)->id, STRAITS_DIFF_CHANGED);
  g_autoptr(StraitsMapScene) copy = NULL;
  g_autoptr(StraitsMapRenderer) exported = NULL;
  cairo_surface_t *before, *after, *copied;
  StraitsViewport vp;
  double ax, ay;
  int x, y, differing = 0;

  straits_map_scene_set_show_labels (scene, FALSE);
  straits_map_scene_set_show_legend (scene, TRUE);
  before = render (r, &vp);
  straits_map_scene_set_changes (scene, changes, "1.0");
  after = render (r, &vp);
  g_assert_true (straits_map_renderer_get_actor_anchor (r, actor, &ax, &ay));
  straits_viewport_to_output (&vp, WIDTH, HEIGHT, ax, ay, &ax, &ay);
  /* The ring, 9 px round the anchor: sampled on its circle. */
  for (int k = 0; k < 16; k++)
    {
      x = (int) lround (ax + 9 * cos (k * G_PI / 8));
      y = (int) lround (ay + 9 * sin (k * G_PI / 8));
      differing += pixel (before, x, y) != pixel (after, x, y);
    }
  g_assert_cmpint (differing, >=, 12);
  g_assert_true (straits_test_legend_has (r, "Changed since 1.0"));

  copy = straits_map_scene_copy (scene);
  exported = straits_map_renderer_new_for_scene (copy);
  copied = render (exported, &vp);
  g_assert_true (straits_test_legend_has (exported, "Changed since 1.0"));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (copied);
  free_changes (changes);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  atlas = straits_test_new_atlas ();
  dataset = straits_test_load_bundled ();
  g_test_add_func ("/map-changes/new-relation-badged", test_new_relation_badged);
  g_test_add_func ("/map-changes/changed-actor-ringed", test_changed_actor_ringed);
  status = g_test_run ();
  g_object_unref (dataset);
  straits_atlas_free (atlas);
  return status;
}
