/* test-figure.c: the figure layout: alt text, legend, scale bar, SVG text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "straits-export.h"
#include "straits-figure-page.h"
#include "straits-projection.h"
#include "straits-test-data.h"
#include "svg-read.h"

#define WIDTH 842.0
#define HEIGHT 595.0

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static StraitsMapRenderer *
renderer_for (const char *view_id)
{
  return straits_test_renderer_for (atlas, dataset, view_id);
}

/* The figure, drawn to an image of WIDTH x HEIGHT. */
static cairo_surface_t *
figure_image (StraitsMapRenderer *r, const StraitsFigurePageOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  straits_figure_page_draw (r, cr, WIDTH, HEIGHT, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static char *
draw_and_describe (StraitsMapRenderer *r, const StraitsFigurePageOptions *options)
{
  cairo_surface_destroy (figure_image (r, options));
  return straits_figure_page_describe (r, options);
}

/* The alt text names the view, the date, the groups and the relation
 * types drawn, and changes when they change. */
static void
test_alt_text (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  StraitsFigurePageOptions options = { .title = "EU Groupings", .legend = TRUE, .credits = TRUE, .scale_bar = TRUE };
  g_autofree char *all = draw_and_describe (r, &options);
  g_autofree char *then = NULL;
  GArray *types;
  StraitsDate date;

  g_assert_nonnull (strstr (all, "EU Groupings"));
  g_assert_nonnull (strstr (all, "all dates"));
  g_assert_nonnull (strstr (all, "Cooperative"));
  g_assert_nonnull (strstr (all, "Reluctant"));
  types = straits_map_renderer_get_drawn_relation_types (r);
  g_assert_cmpuint (types->len, >, 0);
  for (guint i = 0; i < types->len; i++)
    g_assert_nonnull (strstr (all, straits_dataset_get_relation_type (dataset, g_array_index (types, guint32, i))->label));

  g_assert_true (straits_date_parse ("2013", &date));
  straits_map_scene_set_time (straits_map_renderer_get_scene (r), &date);
  then = draw_and_describe (r, &options);
  g_assert_nonnull (strstr (then, "as of 2013"));
  g_assert_cmpstr (then, !=, all);
}

/* A legend entry for a relation type: its label, followed for a directed
 * type by its roles, "Procurement (seller → buyer)". */
static gboolean
legend_names_type (GPtrArray *labels, const StraitsTypeDef *t)
{
  g_autofree char *directed = g_strdup_printf ("%s (%s → %s)", t->label, t->from_role, t->to_role);

  return g_ptr_array_find_with_equal_func (labels, t->from_role ? directed : t->label, g_str_equal, NULL);
}

/* Entries that explain the marks rather than name a group or a type:
 * the curves' widths and arrows, the events' dots, the straits. */
static guint
count_mark_entries (GPtrArray *labels)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *l = labels->pdata[i];

      n += g_str_has_prefix (l, "Line width: ") || g_str_has_prefix (l, "One way: ") || g_str_has_suffix (l, " (event)") ||
           g_str_has_prefix (l, "Turkish Straits (");
    }
  return n;
}

/* The legend lists what was drawn: every group and relation type drawn
 * is in it, directed types with their roles, the hatching of occupied
 * and disputed areas (the EU view shows Crimea), and it has nothing else
 * but the stance key and what the marks mean. */
static void
test_legend_matches_drawing (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  StraitsFigurePageOptions options = { .title = "t", .legend = TRUE };
  g_autofree char *text = draw_and_describe (r, &options);
  GPtrArray *labels = straits_map_renderer_get_legend_labels (r);
  GArray *types = straits_map_renderer_get_drawn_relation_types (r);
  GArray *groups = straits_map_renderer_get_drawn_groups (r);

  for (guint i = 0; i < types->len; i++)
    g_assert_true (legend_names_type (labels, straits_dataset_get_relation_type (dataset, g_array_index (types, guint32, i))));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "Procurement (seller → buyer)", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (labels, "Occupied or disputed area", g_str_equal, NULL));
  /* Groups (with the two pseudo-groups), types, hatching, and at most the stance key. */
  g_assert_cmpuint (labels->len - count_mark_entries (labels), >=, groups->len + types->len + 1);
  g_assert_cmpuint (labels->len - count_mark_entries (labels), <=, groups->len + types->len + 2);

  options.legend = FALSE;
  g_free (draw_and_describe (r, &options));
  g_assert_cmpuint (straits_map_renderer_get_legend_labels (r)->len, ==, 0);
}

static gboolean
legend_has (GPtrArray *labels, const char *text)
{
  return g_ptr_array_find_with_equal_func (labels, text, g_str_equal, NULL);
}

/* The legend explains the marks the map draws, and only those (issue 15):
 * curve widths when curves are drawn, the arrow when one goes one way, an
 * entry per type of event dot drawn, the straits' highlight where the
 * view shows it (the Aegean, not the EU view). */
static void
test_legend_explains_marks (void)
{
  g_autoptr(StraitsMapRenderer) aegean = renderer_for ("aegean");
  g_autoptr(StraitsMapRenderer) eu = renderer_for ("eu-groupings");
  StraitsFigurePageOptions options = { .title = "t", .legend = TRUE };
  GPtrArray *labels;
  guint events = 0;

  g_free (draw_and_describe (aegean, &options));
  labels = straits_map_renderer_get_legend_labels (aegean);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_relations (aegean), >, 0);
  g_assert_true (legend_has (labels, "Line width: strength 0.2 (thin) to 1 (thick)"));
  g_assert_true (legend_has (labels, "One way: the arrow points to the second party"));
  g_assert_true (legend_has (labels, "Turkish Straits (Bosporus, Marmara, Dardanelles)"));
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_events (aegean), >, 0);
  for (guint i = 0; i < labels->len; i++)
    events += g_str_has_suffix (labels->pdata[i], " (event)");
  g_assert_cmpuint (events, >, 0);
  g_assert_cmpuint (events, <=, straits_map_renderer_get_n_drawn_events (aegean));

  g_free (draw_and_describe (eu, &options));
  g_assert_false (legend_has (straits_map_renderer_get_legend_labels (eu),
                              "Turkish Straits (Bosporus, Marmara, Dardanelles)"));
  /* No curves, no widths to explain. */
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (eu), (const guint32[]) { 0 }, 0);
  g_free (draw_and_describe (eu, &options));
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_relations (eu), ==, 0);
  g_assert_false (legend_has (straits_map_renderer_get_legend_labels (eu), "Line width: strength 0.2 (thin) to 1 (thick)"));
}

/* Whether every label of the last draw lies left of the legend: a legend
 * beside the map, not in it. */
static gboolean
legend_beside_map (StraitsMapRenderer *r)
{
  StraitsRect legend;

  g_assert_true (straits_map_renderer_get_legend_rect (r, &legend));
  for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
    {
      const StraitsRect *label = straits_map_renderer_get_label_rect (r, i);

      if (label->x + label->width > legend.x)
        return FALSE;
    }
  return TRUE;
}

/* A legend that would cover more than its share of land and names in its
 * best corner goes beside the map (the Black Sea, land in every corner);
 * one over the sea stays in the map (the Aegean on A4, over the Ionian
 * Sea). */
static void
test_legend_beside_over_land (void)
{
  g_autoptr(StraitsMapRenderer) black_sea = renderer_for ("black-sea");
  g_autoptr(StraitsMapRenderer) aegean = renderer_for ("aegean");
  StraitsFigurePageOptions options = { .title = "t", .legend = TRUE, .credits = TRUE, .scale_bar = TRUE };

  g_free (draw_and_describe (black_sea, &options));
  g_assert_true (legend_beside_map (black_sea));
  g_assert_cmpuint (straits_map_renderer_get_legend_labels (black_sea)->len, >, 0);

  g_free (draw_and_describe (aegean, &options));
  g_assert_false (legend_beside_map (aegean));
  g_assert_cmpfloat (straits_map_renderer_get_legend_land_share (aegean), >, 0);
  g_assert_cmpfloat (straits_map_renderer_get_legend_land_share (aegean), <=, 0.08);
}

/* The scale bar's length agrees with PROJ's geodesic distance between
 * its ends within 1 %, in every view. */
static void
test_scale_bar (void)
{
  const char *views[] = { "black-sea", "aegean", "eu-groupings" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for (views[i]);
      StraitsProjection *proj = straits_projected_map_get_projection (straits_map_renderer_get_map (r));
      StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
      double x0, x1, y, km, mx0, my0, mx1, my1, lon0, lat0, lon1, lat1, metres;

      g_assert_true (straits_figure_page_scale_bar (r, &vp, WIDTH, HEIGHT, &x0, &x1, &y, &km));
      g_assert_cmpfloat (x1 - x0, >, 20);
      /* The bar stands for the distance at the frame's centre, along its
       * horizontal: measure the same length there. */
      straits_viewport_to_map (&vp, WIDTH, HEIGHT, WIDTH / 2 - (x1 - x0) / 2, HEIGHT / 2, &mx0, &my0);
      straits_viewport_to_map (&vp, WIDTH, HEIGHT, WIDTH / 2 + (x1 - x0) / 2, HEIGHT / 2, &mx1, &my1);
      g_assert_true (straits_projection_inverse (proj, mx0, my0, &lon0, &lat0));
      g_assert_true (straits_projection_inverse (proj, mx1, my1, &lon1, &lat1));
      metres = straits_geodesic_distance (lon0, lat0, lon1, lat1);
      g_assert_cmpfloat (fabs (metres - km * 1000), <=, 0.01 * km * 1000);
      /* A round number: 1, 2 or 5 times a power of ten. */
      {
        double mantissa = km / pow (10, floor (log10 (km)));
        g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
      }
    }
}

/* In SVG, the title, country names, legend, credits, scale bar and
 * marking are text, and nothing is drawn as outlines. */
static void
draw_figure (cairo_t *cr, double width, double height, guint page, gpointer data)
{
  StraitsFigurePageOptions options = { .title = "A & B <C>", .subtitle = "Sub", .legend = TRUE, .credits = TRUE,
                                   .scale_bar = TRUE, .marking = "TLP:AMBER" };

  straits_figure_page_draw (data, cr, width, height, &options);
}

static void
test_svg_figure (void)
{
  g_autoptr(StraitsMapRenderer) renderer = renderer_for ("aegean");
  g_autofree char *contents = svg_export (draw_figure, renderer, WIDTH, HEIGHT);
  g_autoptr(Svg) svg = svg_read (contents);
  GPtrArray *legend;

  svg_assert_only_text (contents);
  g_assert_true (svg_has_text (svg, "A & B <C>"));
  g_assert_true (svg_has_text (svg, "Sub"));
  g_assert_true (svg_has_text (svg, "Turkey"));
  g_assert_true (svg_has_text (svg, "Greece"));
  g_assert_true (svg_has_text (svg, "Natural Earth"));
  g_assert_true (svg_has_text (svg, "TLP:AMBER"));
  g_assert_true (svg_has_text (svg, " km"));
  legend = straits_map_renderer_get_legend_labels (renderer);
  g_assert_cmpuint (legend->len, >, 0);
  for (guint i = 0; i < legend->len; i++)
    g_assert_true (svg_has_text (svg, legend->pdata[i]));
  /* Every label placed, wrapped ones too. */
  g_assert_cmpuint (straits_map_renderer_get_n_labels (renderer), >, 10);
  for (guint i = 0; i < straits_map_renderer_get_n_labels (renderer); i++)
    g_assert_true (svg_has_text (svg, straits_map_renderer_get_label_text (renderer, i)));
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * HEIGHT) == 0;
}

/* A figure never shows the pointer's hover, and the selection only when
 * asked; the map on screen gets both back. */
static void
test_highlights (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  guint32 greece = straits_dataset_find_actor_by_iso3 (dataset, "GRC");
  guint32 turkey = straits_dataset_find_actor_by_iso3 (dataset, "TUR");
  StraitsFigurePageOptions options = { .title = "t", .legend = TRUE, .credits = TRUE };
  cairo_surface_t *plain, *selected, *figure;

  /* Compared byte for byte, every figure is drawn in one thread: with
   * threads, the first (which draws the base layer) draws what lies above
   * it on a layer of its own, which rounds by a level here and there. */
  straits_map_renderer_set_threads (r, 1);
  plain = figure_image (r, &options);
  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), &greece, 1, STRAITS_NO_INDEX);
  options.selection = TRUE;
  selected = figure_image (r, &options);
  g_assert_false (same_pixels (plain, selected));

  straits_map_scene_set_hover (straits_map_renderer_get_scene (r), turkey, STRAITS_NO_INDEX);
  options.selection = FALSE;
  figure = figure_image (r, &options);
  g_assert_true (same_pixels (figure, plain));
  cairo_surface_destroy (figure);
  options.selection = TRUE;
  figure = figure_image (r, &options);
  g_assert_true (same_pixels (figure, selected));
  cairo_surface_destroy (figure);
  /* Given back: the next figure with the selection differs from one
   * without again. */
  options.selection = FALSE;
  figure = figure_image (r, &options);
  g_assert_true (same_pixels (figure, plain));
  cairo_surface_destroy (figure);
  straits_map_scene_set_hover (straits_map_renderer_get_scene (r), STRAITS_NO_INDEX, STRAITS_NO_INDEX);
  options.selection = TRUE;
  figure = figure_image (r, &options);
  g_assert_true (same_pixels (figure, selected));
  cairo_surface_destroy (figure);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (plain);
}

/* Two dates side by side ------------------------------------------------------ */

/* The panels of a compare figure of WIDTH x HEIGHT with no title block
 * and no credits, as straits-figure-page.c lays them out: 18 points of
 * margin, 18 above the panels for their dates, 12 between them. The
 * same-date check below fails if these drift. */
#define PANEL_TOP 36
#define PANEL_HEIGHT (HEIGHT - 18 - PANEL_TOP)
#define PANEL_WIDTH ((WIDTH - 2 * 18 - 12) / 2)
#define LEFT_X 18
#define RIGHT_X (LEFT_X + PANEL_WIDTH + 12)

typedef struct {
  StraitsMapRenderer *left, *right;
  StraitsViewport vp;
} ComparePair;

/* The Black Sea at @year and at @other_year, relations left out: what
 * differs between the dates is then the territories alone. */
static ComparePair
compare_pair (int year, int other_year)
{
  ComparePair p;
  g_autoptr(StraitsMapScene) copy = NULL;
  const guint32 none = 0;
  char text[8];
  StraitsDate date, other;

  g_snprintf (text, sizeof text, "%d", year);
  g_assert_true (straits_date_parse (text, &date));
  g_snprintf (text, sizeof text, "%d", other_year);
  g_assert_true (straits_date_parse (text, &other));
  p.left = renderer_for ("black-sea");
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (p.left), &none, 0);
  straits_map_scene_set_time (straits_map_renderer_get_scene (p.left), &date);
  copy = straits_map_scene_copy (straits_map_renderer_get_scene (p.left));
  straits_map_scene_set_time (copy, &other);
  p.right = straits_map_renderer_new_for_scene (copy);
  p.vp = straits_map_renderer_fit (p.left, PANEL_WIDTH, PANEL_HEIGHT);
  return p;
}

static cairo_surface_t *
compare_image (ComparePair *p)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  StraitsFigurePageOptions options = { .viewport = &p->vp };

  straits_figure_page_draw_compare (p->left, p->right, cr, WIDTH, HEIGHT, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels of the left panel that differ from the right panel's at the same
 * place, in the panel's box (@x, @y, @w, @h). */
static guint
panel_differences (cairo_surface_t *s, int x, int y, int w, int h)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint n = 0;

  for (int j = MAX (y, 0); j < MIN (y + h, (int) PANEL_HEIGHT); j++)
    for (int i = MAX (x, 0); i < MIN (x + w, (int) PANEL_WIDTH); i++)
      {
        const guint32 *a = (const guint32 *) (data + (PANEL_TOP + j) * stride) + LEFT_X + i;
        const guint32 *b = (const guint32 *) (data + (PANEL_TOP + j) * stride) + (int) RIGHT_X + i;

        n += (*a & 0xffffff) != (*b & 0xffffff);
      }
  return n;
}

/* Where (@lon, @lat) falls in a panel (points from its corner). */
static void
panel_point (ComparePair *p, double lon, double lat, int *x, int *y)
{
  StraitsProjection *proj = straits_projected_map_get_projection (straits_map_renderer_get_map (p->left));
  double mx, my, ox, oy;

  g_assert_true (straits_projection_forward (proj, lon, lat, &mx, &my));
  straits_viewport_to_output (&p->vp, PANEL_WIDTH, PANEL_HEIGHT, mx, my, &ox, &oy);
  *x = (int) ox;
  *y = (int) oy;
}

static void
compare_pair_clear (ComparePair *p)
{
  g_object_unref (p->left);
  g_object_unref (p->right);
}

/* The same map at two dates: the panels are pixel for pixel the same at
 * one date; from 2013 to 2025 Crimea is hatched on the right and not on
 * the left, and Anatolia, where nothing changed, stays the same. */
static void
test_compare_panels (void)
{
  ComparePair same = compare_pair (2013, 2013), apart = compare_pair (2013, 2025);
  cairo_surface_t *s = compare_image (&same);
  int cx, cy, tx, ty;

  g_assert_cmpuint (panel_differences (s, 0, 0, PANEL_WIDTH, PANEL_HEIGHT), ==, 0);
  cairo_surface_destroy (s);

  s = compare_image (&apart);
  /* Crimea's steppe north of Simferopol, and central Anatolia. */
  panel_point (&apart, 34.0, 45.3, &cx, &cy);
  panel_point (&apart, 33.0, 39.0, &tx, &ty);
  g_assert_cmpuint (panel_differences (s, cx - 10, cy - 10, 20, 20), >, 40);
  g_assert_cmpuint (panel_differences (s, tx - 40, ty - 25, 80, 50), ==, 0);
  g_assert_cmpuint (panel_differences (s, 0, 0, PANEL_WIDTH, PANEL_HEIGHT), >, 0);
  cairo_surface_destroy (s);
  compare_pair_clear (&same);
  compare_pair_clear (&apart);
}

/* The one legend, on the right panel, lists what either panel drew: with
 * the left at 2025 and the right at 2013, the relations only 2025 has. */
static void
test_compare_legend (void)
{
  ComparePair p = compare_pair (2025, 2013);
  StraitsFigurePageOptions options = { .legend = TRUE, .viewport = &p.vp };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GPtrArray *labels;
  guint n_types;

  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (p.left), NULL, 0);
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (p.right), NULL, 0);
  straits_figure_page_draw_compare (p.left, p.right, cr, WIDTH, HEIGHT, &options);
  g_assert_cmpuint (straits_map_renderer_get_legend_labels (p.left)->len, ==, 0);
  n_types = straits_map_renderer_get_drawn_relation_types (p.left)->len;
  g_assert_cmpuint (n_types, >, 0);
  labels = straits_map_renderer_get_legend_labels (p.right);
  for (guint i = 0; i < n_types; i++)
    {
      guint32 type = g_array_index (straits_map_renderer_get_drawn_relation_types (p.left), guint32, i);
      const char *label = straits_dataset_get_relation_type (dataset, type)->label;
      gboolean listed = FALSE;

      for (guint k = 0; k < labels->len; k++)
        listed = listed || g_str_has_prefix (labels->pdata[k], label);
      g_assert_true (listed);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  compare_pair_clear (&p);
}

/* Figure lint: every view at every named page size, with everything a
 * figure carries, places no box over another (names, annotations, the
 * legend, the scale bar, the title block, the marking, the credits), keeps
 * what is in the map inside its frame, and runs no curve through an
 * annotation. Two dates side by side too. */
static void
lint_page (StraitsMapRenderer *r, StraitsMapRenderer *right, const StraitsPageSize *size, const char *view,
           GString *faults)
{
  g_autoptr(StraitsFigureLayout) layout = straits_figure_layout_new ();
  g_autoptr(GError) error = NULL;
  StraitsFigurePageOptions options = { .title = "Turkey and European security: a long title for the page",
                                       .subtitle = "Relations, groupings and events", .legend = TRUE,
                                       .credits = TRUE, .scale_bar = TRUE, .marking = "TLP:AMBER", .layout = layout };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint labels = 0;

  if (right != NULL)
    straits_figure_page_draw_compare (r, right, cr, size->width, size->height, &options);
  else
    straits_figure_page_draw (r, cr, size->width, size->height, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < straits_figure_layout_get_n_boxes (layout); i++)
    labels += straits_figure_layout_get_box (layout, i)->kind == STRAITS_FIGURE_BOX_LABEL;
  /* Something to check: names were placed. */
  g_assert_cmpuint (labels, >, 3);
  if (!straits_figure_layout_check (layout, &error))
    g_string_append_printf (faults, "%s at %s%s: %s\n", view, size->id, right ? " (two dates)" : "", error->message);
}

static void
test_lint (void)
{
  const char *views[] = { "black-sea", "aegean", "eu-groupings" };
  g_autoptr(GString) faults = g_string_new (NULL);
  const StraitsPageSize *sizes;
  guint n_sizes;

  sizes = straits_export_get_page_sizes (&n_sizes);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for (views[v]);
      g_autoptr(StraitsMapRenderer) before = renderer_for (views[v]);
      StraitsDate y2014;

      g_assert_true (straits_date_parse ("2014-06", &y2014));
      straits_map_scene_set_time (straits_map_renderer_get_scene (before), &y2014);
      for (guint i = 0; i < n_sizes; i++)
        {
          lint_page (r, NULL, &sizes[i], views[v], faults);
          lint_page (before, r, &sizes[i], views[v], faults);
        }
    }
  g_assert_cmpstr (faults->str, ==, "");
}

/* The check finds what it is for: a box moved onto another, and a curve
 * laid through an annotation. */
static void
test_lint_fails (void)
{
  g_autoptr(StraitsFigureLayout) layout = straits_figure_layout_new ();
  g_autoptr(GError) error = NULL;
  guint frame = straits_figure_layout_add (layout, STRAITS_FIGURE_BOX_MAP_FRAME, &(StraitsRect) { 0, 50, 400, 300 },
                                           -1, NULL);

  straits_figure_layout_add (layout, STRAITS_FIGURE_BOX_TITLE, &(StraitsRect) { 0, 0, 200, 20 }, -1, "t");
  straits_figure_layout_add (layout, STRAITS_FIGURE_BOX_LABEL, &(StraitsRect) { 10, 60, 50, 10 }, (int) frame, "A");
  g_assert_true (straits_figure_layout_check (layout, &error));
  straits_figure_layout_add (layout, STRAITS_FIGURE_BOX_LABEL, &(StraitsRect) { 40, 65, 50, 10 }, (int) frame, "B");
  g_assert_false (straits_figure_layout_check (layout, &error));
  g_assert_nonnull (strstr (error->message, "“A”"));
}

/* Curves into a hub (Turkey in the EU view) end on distinct ports on a
 * ring around it, not all on one point that buries its name. */
static void
test_hub_ports (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  guint32 turkey = straits_dataset_find_actor_by_iso3 (dataset, "TUR");
  double tx, ty, ends[128][2];
  guint n = 0;

  g_assert_true (straits_map_renderer_get_actor_anchor (r, turkey, &tx, &ty));
  straits_viewport_to_output (&vp, WIDTH, HEIGHT, tx, ty, &tx, &ty);
  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
  for (guint i = 0; i < straits_map_renderer_get_n_curves (r); i++)
    {
      guint points;
      const double *xy = straits_map_renderer_get_curve (r, i, &points);

      for (guint end = 0; end < 2; end++)
        {
          const double *p = end ? &xy[2 * (points - 1)] : xy;
          double d = hypot (p[0] - tx, p[1] - ty);

          /* None ends where the name goes. */
          g_assert_cmpfloat (d, >, 10);
          /* On the ring (14 units at scale 1); not an actor of its own
           * nearby (Aselsan, at Ankara). */
          if (d < 14.5 && n < G_N_ELEMENTS (ends))
            {
              ends[n][0] = p[0];
              ends[n][1] = p[1];
              n++;
            }
        }
    }
  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpfloat (hypot (ends[i][0] - ends[j][0], ends[i][1] - ends[j][1]), >, 1.5);
}

/* A sea named by an annotation ("Aegean Sea: Greek–Turkish disputes…")
 * is not named a second time by its own label. */
static void
test_sea_named_once (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  guint annotated = 0, sea = 0;

  cairo_surface_destroy (straits_test_draw (r, WIDTH, HEIGHT, &vp));
  for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
    {
      const char *text = straits_map_renderer_get_label_text (r, i);

      annotated += straits_map_renderer_get_label_kind (r, i) == STRAITS_LABEL_ANNOTATION &&
                   g_str_has_prefix (text, "Aegean Sea");
      sea += straits_map_renderer_get_label_kind (r, i) == STRAITS_LABEL_SEA && g_str_equal (text, "Aegean Sea");
    }
  g_assert_cmpuint (annotated, ==, 1);
  g_assert_cmpuint (sea, ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();
  g_test_add_func ("/figure/alt-text", test_alt_text);
  g_test_add_func ("/figure/legend-matches-drawing", test_legend_matches_drawing);
  g_test_add_func ("/figure/legend-explains-marks", test_legend_explains_marks);
  g_test_add_func ("/figure/legend-beside-over-land", test_legend_beside_over_land);
  g_test_add_func ("/figure/scale-bar", test_scale_bar);
  g_test_add_func ("/figure/svg-text", test_svg_figure);
  g_test_add_func ("/figure/highlights", test_highlights);
  g_test_add_func ("/figure/compare-panels", test_compare_panels);
  g_test_add_func ("/figure/compare-legend", test_compare_legend);
  g_test_add_func ("/figure/lint", test_lint);
  g_test_add_func ("/figure/lint-fails", test_lint_fails);
  g_test_add_func ("/figure/hub-ports", test_hub_ports);
  g_test_add_func ("/figure/sea-named-once", test_sea_named_once);
  status = g_test_run ();
  straits_atlas_free (atlas);
  g_object_unref (dataset);
  return status;
}
