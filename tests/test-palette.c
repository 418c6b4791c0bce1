/* test-palette.c: the map's colours told apart, also by colour-blind readers
 *
 * The palette is the bundled dataset's (stance fills, relation and event
 * colours) and a map style's (land, sea, selection, and how it draws the
 * dataset's fills), measured for the light, dark and high-contrast styles
 * (/palette/STYLE/CHECK). Each pair
 * that must be told apart is measured as CIEDE2000 ΔE under normal
 * vision and under protanopia, deuteranopia and tritanopia simulated
 * with the matrices of Machado, Oliveira and Fernandes (2009), severity
 * 1.0, applied in linear RGB.
 *
 *   lines (relation curves)           ΔE00 ≥ 10, unless one is always
 *                                     dashed and the other never: the
 *                                     dash tells them apart
 *   areas (fills, land, sea)          ΔE00 ≥ 8: large areas are told
 *                                     apart at smaller differences than
 *                                     2-point lines, and light tints under
 *                                     tritanopia leave no more room
 *   a curve or dot over any area      contrast ≥ 3:1 (WCAG 1.4.11, for
 *                                     graphical objects) and ΔE00 ≥ 10;
 *                                     where the style cases marks in an
 *                                     opaque colour (the dark style), the
 *                                     mark against its casing and the
 *                                     casing against every area
 *   a selected area and the sea       ΔE00 ≥ 15 (the figure; the
 *                                     straits' highlight over the sea ≥ 8)
 *
 * Curves must differ under all four kinds of vision when a bundled view
 * draws them together (its relation types, and the pair the issue named:
 * military cooperation and co-production); any two under normal vision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "straits-map-style.h"
#include "straits-test-data.h"

#define LINE_DELTA 10.0
#define AREA_DELTA 8.0
#define MIN_CONTRAST 3.0
#define SELECTION_DELTA 15.0

static StraitsDataset *dataset;

typedef struct {
  const char *name;
  StraitsMapStyleKind kind;
} StyleCase;

static const StyleCase style_cases[] = {
  { "light", STRAITS_MAP_STYLE_LIGHT },
  { "dark", STRAITS_MAP_STYLE_DARK },
  { "high-contrast", STRAITS_MAP_STYLE_HIGH_CONTRAST },
};

typedef enum { NORMAL, PROTAN, DEUTAN, TRITAN, N_VISIONS } Vision;

static const char *const vision_names[] = { "normal vision", "protanopia", "deuteranopia", "tritanopia" };

/* Machado et al. 2009, severity 1.0, linear RGB. */
static const double machado[N_VISIONS][3][3] = {
  [NORMAL] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  [PROTAN] = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
               { -0.003882, -0.048116, 1.051998 } },
  [DEUTAN] = { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 },
               { -0.011820, 0.042940, 0.968881 } },
  [TRITAN] = { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 },
               { 0.004733, 0.691367, 0.303900 } },
};

typedef struct {
  double l, a, b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
}

/* @c as seen with @vision, in CIELAB (D65). */
static Lab
seen (const StraitsColour *c, Vision vision)
{
  double in[3] = { linear (c->r), linear (c->g), linear (c->b) }, rgb[3], fx, fy, fz;

  for (int i = 0; i < 3; i++)
    rgb[i] = CLAMP (machado[vision][i][0] * in[0] + machado[vision][i][1] * in[1] + machado[vision][i][2] * in[2],
                    0, 1);
  fx = lab_f ((0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047);
  fy = lab_f (0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2]);
  fz = lab_f ((0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883);
  return (Lab) { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
}

static double
rad (double degrees)
{
  return degrees * G_PI / 180;
}

/* Hue angle in degrees, 0 to 360. */
static double
hue (double b, double a)
{
  double h = atan2 (b, a) * 180 / G_PI;

  return h < 0 ? h + 360 : h;
}

/* CIEDE2000 (Sharma, Wu and Dalal 2005). */
static double
delta_e00 (Lab x, Lab y)
{
  double cb = (hypot (x.a, x.b) + hypot (y.a, y.b)) / 2;
  double g = 0.5 * (1 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25, 7))));
  double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
  double c1 = hypot (a1, x.b), c2 = hypot (a2, y.b);
  double h1 = hue (x.b, a1), h2 = hue (y.b, a2), dh = 0, hb = h1 + h2;
  double lb = (x.l + y.l) / 2, cbp = (c1 + c2) / 2, t, sl, sc, sh, rt, dhh;

  if (c1 * c2 != 0)
    {
      dh = h2 - h1;
      dh += dh > 180 ? -360 : dh < -180 ? 360 : 0;
      hb = fabs (h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
  dhh = 2 * sqrt (c1 * c2) * sin (rad (dh / 2));
  t = 1 - 0.17 * cos (rad (hb - 30)) + 0.24 * cos (rad (2 * hb)) + 0.32 * cos (rad (3 * hb + 6)) -
      0.20 * cos (rad (4 * hb - 63));
  sl = 1 + 0.015 * (lb - 50) * (lb - 50) / sqrt (20 + (lb - 50) * (lb - 50));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (rad (60 * exp (-pow ((hb - 275) / 25, 2)))) * 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25, 7)));
  return sqrt (pow ((y.l - x.l) / sl, 2) + pow ((c2 - c1) / sc, 2) + pow (dhh / sh, 2) +
               rt * (c2 - c1) / sc * dhh / sh);
}

static double
luminance (const StraitsColour *c)
{
  return 0.2126 * linear (c->r) + 0.7152 * linear (c->g) + 0.0722 * linear (c->b);
}

static double
contrast (const StraitsColour *x, const StraitsColour *y)
{
  double lx = luminance (x), ly = luminance (y);

  return (MAX (lx, ly) + 0.05) / (MIN (lx, ly) + 0.05);
}

static StraitsColour
over (const StraitsColour *top, double alpha, const StraitsColour *below)
{
  return (StraitsColour) { alpha * top->r + (1 - alpha) * below->r, alpha * top->g + (1 - alpha) * below->g,
                           alpha * top->b + (1 - alpha) * below->b };
}

/* The closest pair a check measured, told with --verbose: the figures
 * the styles' comments give. */
static struct {
  double delta;
  char *what;
} least = { G_MAXDOUBLE, NULL };

static void
note_least (const char *what_x, const char *what_y, double d, Vision vision)
{
  if (d >= least.delta)
    return;
  least.delta = d;
  g_free (least.what);
  least.what = g_strdup_printf ("%s and %s under %s", what_x, what_y, vision_names[vision]);
}

static void
tell_least (void)
{
  if (least.what != NULL)
    g_test_message ("closest: %s, ΔE00 %.1f", least.what, least.delta);
  g_clear_pointer (&least.what, g_free);
  least.delta = G_MAXDOUBLE;
}

/* Fails the test, naming the pair, unless @x and @y differ by @min under
 * the first @n_visions kinds of vision. */
static void
check_apart (const char *what_x, const StraitsColour *x, const char *what_y, const StraitsColour *y,
             double min, guint n_visions)
{
  for (guint v = 0; v < n_visions; v++)
    {
      double d = delta_e00 (seen (x, v), seen (y, v));

      note_least (what_x, what_y, d, v);
      if (d < min)
        {
          g_test_message ("%s and %s: ΔE00 %.1f under %s, below %.0f", what_x, what_y, d, vision_names[v], min);
          g_test_fail ();
        }
    }
}

typedef struct {
  const char *name;
  StraitsColour colour;
} Area;

/* The areas curves and dots are drawn over in @style: land, other EU
 * members, sea and every group's fill as the style draws it. */
static GArray *
areas (const StraitsMapStyle *style)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Area));

  g_array_append_val (out, ((Area) { "land", style->land }));
  g_array_append_val (out, ((Area) { "other EU members", style->land_eu }));
  g_array_append_val (out, ((Area) { "sea", style->sea }));
  for (guint i = 0; i < straits_dataset_get_n_groupings (dataset); i++)
    {
      const StraitsGrouping *grouping = straits_dataset_get_grouping (dataset, i);

      for (guint k = 0; k < grouping->n_groups; k++)
        g_array_append_val (out, ((Area) { grouping->groups[k].label,
                                           straits_map_style_fill (style, &grouping->groups[k].colour) }));
    }
  return out;
}

static StraitsMapStyle
style_of (gconstpointer data)
{
  StraitsMapStyle style;

  straits_map_style_init (&style, ((const StyleCase *) data)->kind);
  return style;
}

static void
test_areas_apart (gconstpointer data)
{
  StraitsMapStyle style = style_of (data);
  g_autoptr(GArray) all = areas (&style);

  for (guint i = 0; i < all->len; i++)
    for (guint j = i + 1; j < all->len; j++)
      check_apart (g_array_index (all, Area, i).name, &g_array_index (all, Area, i).colour,
                   g_array_index (all, Area, j).name, &g_array_index (all, Area, j).colour, AREA_DELTA, N_VISIONS);
  tell_least ();
}

/* Fails the test unless @x stands out from @y: contrast and ΔE00. */
static void
check_stands_out (const char *what_x, const StraitsColour *x, const char *what_y, const StraitsColour *y)
{
  double c = contrast (x, y);

  if (c < MIN_CONTRAST)
    {
      g_test_message ("%s over %s: contrast %.2f:1, below %.0f:1", what_x, what_y, c, MIN_CONTRAST);
      g_test_fail ();
    }
  check_apart (what_x, x, what_y, y, LINE_DELTA, N_VISIONS);
}

/* A mark is seen against the areas, or against its casing where the
 * style's casing is opaque and hides them. */
static void
check_mark (const StraitsTypeDef *t, const StraitsMapStyle *style, GArray *all)
{
  if (style->casing_alpha >= 1)
    {
      check_stands_out (t->label, &t->colour, "its casing", &style->casing);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    check_stands_out (t->label, &t->colour, g_array_index (all, Area, i).name, &g_array_index (all, Area, i).colour);
}

static void
test_marks_over_areas (gconstpointer data)
{
  StraitsMapStyle style = style_of (data);
  g_autoptr(GArray) all = areas (&style);

  for (guint i = 0; i < straits_dataset_get_n_relation_types (dataset); i++)
    check_mark (straits_dataset_get_relation_type (dataset, i), &style, all);
  for (guint i = 0; i < straits_dataset_get_n_event_types (dataset); i++)
    check_mark (straits_dataset_get_event_type (dataset, i), &style, all);
  if (style.casing_alpha >= 1)
    for (guint i = 0; i < all->len; i++)
      check_stands_out ("the marks' casing", &style.casing, g_array_index (all, Area, i).name,
                        &g_array_index (all, Area, i).colour);
  tell_least ();
}

typedef enum { SOLID = 1, DASHED = 2 } Dash;

/* How the curves of @type are drawn: dashed when adversarial. */
static guint
dashes_of (guint32 type)
{
  guint seen_as = 0;

  for (guint i = 0; i < straits_dataset_get_n_relations (dataset); i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, i);

      if (r->type == type)
        seen_as |= r->stance == STRAITS_STANCE_ADVERSARIAL ? DASHED : SOLID;
    }
  return seen_as;
}

/* Whether a bundled view draws @a and @b together (views that list their
 * types), or the issue named the pair. */
static gboolean
drawn_together (guint32 a, guint32 b)
{
  const char *ia = straits_dataset_get_relation_type (dataset, a)->id;
  const char *ib = straits_dataset_get_relation_type (dataset, b)->id;

  if ((g_str_equal (ia, "military-cooperation") && g_str_equal (ib, "co-production")) ||
      (g_str_equal (ib, "military-cooperation") && g_str_equal (ia, "co-production")))
    return TRUE;
  for (guint v = 0; v < straits_dataset_get_n_views (dataset); v++)
    {
      const StraitsView *view = straits_dataset_get_view (dataset, v);
      gboolean has_a = FALSE, has_b = FALSE;

      for (guint k = 0; k < view->n_relation_types; k++)
        {
          has_a = has_a || view->relation_types[k] == a;
          has_b = has_b || view->relation_types[k] == b;
        }
      if (has_a && has_b)
        return TRUE;
    }
  return FALSE;
}

/* The dataset's colours, drawn alike in every style (the dark style
 * cases them): measured once a style all the same. */
static void
test_relations_apart (gconstpointer data)
{
  guint n = straits_dataset_get_n_relation_types (dataset);

  g_assert_nonnull (data);
  for (guint32 a = 0; a < n; a++)
    for (guint32 b = a + 1; b < n; b++)
      {
        const StraitsTypeDef *ta = straits_dataset_get_relation_type (dataset, a);
        const StraitsTypeDef *tb = straits_dataset_get_relation_type (dataset, b);
        guint da = dashes_of (a), db = dashes_of (b);

        /* One always dashed, the other never: the dash tells them apart. */
        if ((da | db) == (SOLID | DASHED) && da != (SOLID | DASHED) && db != (SOLID | DASHED))
          continue;
        check_apart (ta->label, &ta->colour, tb->label, &tb->colour, LINE_DELTA,
                     drawn_together (a, b) ? N_VISIONS : 1);
      }
  tell_least ();
}

/* A selected country, and the straits' highlight over the sea, are not
 * taken for sea. */
static void
test_selection_not_sea (gconstpointer data)
{
  StraitsMapStyle style = style_of (data);
  g_autoptr(GArray) all = areas (&style);
  StraitsColour straits;

  for (guint i = 0; i < all->len; i++)
    {
      const Area *area = &g_array_index (all, Area, i);
      StraitsColour selected = over (&style.selection, STRAITS_SELECTION_FILL_ALPHA, &area->colour);
      g_autofree char *what = g_strdup_printf ("selected %s", area->name);

      if (g_str_equal (area->name, "sea"))
        continue;
      check_apart (what, &selected, "sea", &style.sea, SELECTION_DELTA, N_VISIONS);
    }
  straits = over (&style.selection, STRAITS_STRAITS_TINT_ALPHA, &style.sea);
  check_apart ("the straits' highlight", &straits, "sea", &style.sea, AREA_DELTA, N_VISIONS);
  tell_least ();
}

/* The measure itself: Sharma et al.'s published pairs. */
static void
test_delta_e00 (void)
{
  g_assert_cmpfloat_with_epsilon (delta_e00 ((Lab) { 50, 2.6772, -79.7751 }, (Lab) { 50, 0, -82.7485 }), 2.0425,
                                  1e-4);
  g_assert_cmpfloat_with_epsilon (delta_e00 ((Lab) { 50, 2.5, 0 }, (Lab) { 73, 25, -18 }), 27.1492, 1e-4);
  g_assert_cmpfloat_with_epsilon (delta_e00 ((Lab) { 2.0776, 0.0795, -1.1350 }, (Lab) { 0.9033, -0.0636, -0.5514 }),
                                  0.9082, 1e-4);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  g_test_add_func ("/palette/delta-e00", test_delta_e00);
  for (guint i = 0; i < G_N_ELEMENTS (style_cases); i++)
    {
      static const struct {
        const char *check;
        GTestDataFunc func;
      } checks[] = {
        { "areas-apart", test_areas_apart },
        { "marks-over-areas", test_marks_over_areas },
        { "relations-apart", test_relations_apart },
        { "selection-not-sea", test_selection_not_sea },
      };

      for (guint k = 0; k < G_N_ELEMENTS (checks); k++)
        {
          g_autofree char *path = g_strdup_printf ("/palette/%s/%s", style_cases[i].name, checks[k].check);

          g_test_add_data_func (path, &style_cases[i], checks[k].func);
        }
    }
  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
