/* test-relation-dashes.c: adversarial relation types told apart by dash
 *
 * Under deuteranopia a dispute and a veto are ΔE00 16.8 apart, and in
 * greyscale print not at all: each adversarial type has a dash pattern of
 * its own, on the map and in the legend's swatch. In the dark style what
 * lies on the curves' opaque casing stands out from it. The map is drawn
 * to an SVG surface, whose paths give each stroke's colour, dash array
 * and order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cairo-svg.h>

#include "straits-atlas.h"
#include "straits-map-renderer.h"
#include "straits-test-data.h"

#define WIDTH 960
#define HEIGHT 540

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @r's map with its legend, as SVG text. */
static char *
draw_svg (StraitsMapRenderer *r)
{
  GString *out = g_string_new (NULL);
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append, out, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &vp);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_string_free (out, FALSE);
}

/* Whether a path's @style strokes in @c. */
static gboolean
strokes_in (const char *style, const StraitsColour *c)
{
  const char *rgb = strstr (style, "stroke:rgb(");
  double r, g, b;

  if (rgb == NULL || sscanf (rgb, "stroke:rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
    return FALSE;
  return fabs (r / 100 - c->r) < 1e-4 && fabs (g / 100 - c->g) < 1e-4 && fabs (b / 100 - c->b) < 1e-4;
}

typedef struct {
  char *map;    /* the dash array of the type's curves on the map, "" if none */
  char *legend; /* and of its legend swatch */
} Dashes;

static void
dashes_clear (Dashes *d)
{
  g_free (d->map);
  g_free (d->legend);
}

/* Records @dash for a stroke starting at (@x, @y), in the legend or on
 * the map, failing the test if one place has two different dashes. */
static void
note_dash (Dashes *d, const char *dash, double x, double y, const StraitsRect *legend)
{
  gboolean in_legend = x >= legend->x && x <= legend->x + legend->width && y >= legend->y &&
                       y <= legend->y + legend->height;
  char **slot = in_legend ? &d->legend : &d->map;

  if (*slot != NULL && !g_str_equal (*slot, dash))
    g_test_message ("two dashes in the %s: %s and %s", in_legend ? "legend" : "map", *slot, dash);
  g_assert_true (*slot == NULL || g_str_equal (*slot, dash));
  if (*slot == NULL)
    *slot = g_strdup (dash);
}

/* The dashed strokes of @type's colour in @svg. */
static Dashes
dashes_of (const char *svg, guint32 type, const StraitsRect *legend)
{
  const StraitsColour *colour = &straits_dataset_get_relation_type (dataset, type)->colour;
  g_autoptr(GRegex) path = g_regex_new ("<path style=\"([^\"]*)\" d=\"M ([-0-9.]+) ([-0-9.]+)[^\"]*\""
                                        "(?: transform=\"matrix\\([^,]*,[^,]*,[^,]*,[^,]*,([^,]*),([^)]*)\\)\")?",
                                        0, 0, NULL);
  g_autoptr(GRegex) dasharray = g_regex_new ("stroke-dasharray:([^;]*);", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  Dashes d = { NULL, NULL };

  g_regex_match (path, svg, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *style = g_match_info_fetch (match, 1);
      g_autofree char *x = g_match_info_fetch (match, 2), *y = g_match_info_fetch (match, 3);
      g_autofree char *tx = g_match_info_fetch (match, 4), *ty = g_match_info_fetch (match, 5);
      g_autoptr(GMatchInfo) dash = NULL;
      g_autofree char *lengths = NULL;

      if (!strokes_in (style, colour) || !g_regex_match (dasharray, style, 0, &dash))
        continue;
      lengths = g_match_info_fetch (dash, 1);
      note_dash (&d, lengths, g_ascii_strtod (x, NULL) + (tx != NULL && *tx ? g_ascii_strtod (tx, NULL) : 0),
                 g_ascii_strtod (y, NULL) + (ty != NULL && *ty ? g_ascii_strtod (ty, NULL) : 0), legend);
    }
  return d;
}

static double
luminance (double r, double g, double b)
{
  double c[3] = { r, g, b }, l[3];

  for (int i = 0; i < 3; i++)
    l[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* The contrast of the colour @style strokes in against @c (0 when it
 * strokes in none). */
static double
stroke_contrast (const char *style, const StraitsColour *c)
{
  const char *rgb = strstr (style, "stroke:rgb(");
  double r, g, b, lx, ly;

  if (rgb == NULL || sscanf (rgb, "stroke:rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
    return 0;
  lx = luminance (r / 100, g / 100, b / 100);
  ly = luminance (c->r, c->g, c->b);
  return (MAX (lx, ly) + 0.05) / (MIN (lx, ly) + 0.05);
}

/* In the dark style, curves lie on an opaque light casing: whatever is
 * stroked along a casing, on the map or in the legend, stands out from
 * it at 3:1, the legend's samples for any curve (widths, arrow, dashes)
 * too, which were in the light text colour. */
static void
test_dark_casing (void)
{
  g_autoptr(StraitsMapRenderer) r = straits_test_renderer_for (atlas, dataset, "aegean");
  g_autoptr(GRegex) path = g_regex_new ("<path style=\"([^\"]*)\" d=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *svg = NULL, *casing_d = NULL;
  StraitsMapStyle style;
  guint n_cased = 0;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_DARK);
  g_assert_cmpfloat (style.casing_alpha, >=, 1);
  straits_map_scene_set_style (straits_map_renderer_get_scene (r), &style);
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  svg = draw_svg (r);
  g_regex_match (path, svg, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *path_style = g_match_info_fetch (match, 1), *d = g_match_info_fetch (match, 2);

      if (casing_d != NULL && g_str_equal (d, casing_d) && strstr (path_style, "fill:none") != NULL)
        {
          double c = stroke_contrast (path_style, &style.casing);

          if (c < 3)
            g_test_message ("a stroke at %.2f:1 over its casing: %.60s", c, d);
          g_assert_cmpfloat (c, >=, 3);
          n_cased++;
        }
      g_clear_pointer (&casing_d, g_free);
      if (strokes_in (path_style, &style.casing) && strstr (path_style, "fill:none") != NULL)
        casing_d = g_steal_pointer (&d);
    }
  g_assert_cmpuint (n_cased, >, 0);
}

static guint32
type_index (const char *id)
{
  for (guint32 i = 0; i < straits_dataset_get_n_relation_types (dataset); i++)
    if (g_str_equal (straits_dataset_get_relation_type (dataset, i)->id, id))
      return i;
  g_assert_not_reached ();
}

/* The Aegean view draws disputes and vetoes, all adversarial: their
 * curves are dashed differently, and each legend swatch as its curves. */
static void
test_adversarial_types_differ (void)
{
  g_autoptr(StraitsMapRenderer) r = straits_test_renderer_for (atlas, dataset, "aegean");
  g_autofree char *svg = NULL;
  StraitsRect legend;
  Dashes dispute, veto;

  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  svg = draw_svg (r);
  g_assert_true (straits_map_renderer_get_legend_rect (r, &legend));
  dispute = dashes_of (svg, type_index ("dispute"), &legend);
  veto = dashes_of (svg, type_index ("veto"), &legend);
  g_test_message ("dispute: map %s, legend %s; veto: map %s, legend %s", dispute.map, dispute.legend, veto.map,
                  veto.legend);
  g_assert_nonnull (dispute.map);
  g_assert_nonnull (veto.map);
  g_assert_cmpstr (dispute.map, !=, veto.map);
  g_assert_cmpstr (dispute.legend, ==, dispute.map);
  g_assert_cmpstr (veto.legend, ==, veto.map);
  dashes_clear (&dispute);
  dashes_clear (&veto);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();
  g_test_add_func ("/relation-dashes/adversarial-types-differ", test_adversarial_types_differ);
  g_test_add_func ("/relation-dashes/dark-casing", test_dark_casing);
  status = g_test_run ();
  g_object_unref (dataset);
  straits_atlas_free (atlas);
  return status;
}
