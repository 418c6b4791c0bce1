/* test-maritime-overlay.c: the territorial-sea overlay changes the
 * Aegean's pixels, in the colours of its belts, the same through either
 * transform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "straits-maritime-overlay.h"
#include "straits-projection.h"

#define SIZE 600
#define HALF_WIDTH 450000.0    /* metres either side of the Aegean's centre */

static StraitsMaritimeReport *report;

/* STRAITS_MARITIME_PROJECTION metres to pixels: the Aegean, north up. */
static void
aegean_matrix (cairo_matrix_t *m)
{
  double scale = SIZE / (2 * HALF_WIDTH);

  cairo_matrix_init (m, scale, 0, 0, -scale, SIZE / 2.0, SIZE / 2.0);
}

static cairo_surface_t *
blank (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
draw_matrix (guint limits)
{
  cairo_surface_t *surface = blank ();
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t m;

  aegean_matrix (&m);
  straits_maritime_overlay_draw (cr, report, limits, &m, 1, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
lonlat_to_device (double lon, double lat, double *x, double *y, gpointer user_data)
{
  StraitsProjection *proj = user_data;
  cairo_matrix_t m;

  aegean_matrix (&m);
  straits_projection_forward (proj, lon, lat, x, y);
  cairo_matrix_transform_point (&m, x, y);
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (gconstpointer) row)[x] & 0xffffff;
}

typedef struct {
  guint changed, bluish, reddish;
} Counts;

static Counts
count (cairo_surface_t *surface)
{
  Counts c = { 0, 0, 0 };

  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      {
        guint32 p = pixel (surface, x, y);
        int r = p >> 16, b = p & 0xff;

        if (p == 0xffffff)
          continue;
        c.changed++;
        c.bluish += b > r + 20;
        c.reddish += r > b + 20;
      }
  return c;
}

/* Both countries' belts show, in their own colours, over a good part of
 * the Aegean; the 12 nm belts cover more of it than the 6 nm ones. */
static void
test_changes_pixels (void)
{
  cairo_surface_t *six = draw_matrix (STRAITS_MARITIME_SHOW_6NM);
  cairo_surface_t *twelve = draw_matrix (STRAITS_MARITIME_SHOW_12NM);
  cairo_surface_t *none = draw_matrix (0);
  Counts c6 = count (six), c12 = count (twelve), c0 = count (none);

  g_assert_cmpuint (c0.changed, ==, 0);
  g_assert_cmpuint (c6.changed, >, SIZE * SIZE / 20);
  g_assert_cmpuint (c6.bluish, >, c6.reddish);
  g_assert_cmpuint (c6.reddish, >, SIZE * SIZE / 200);
  g_assert_cmpuint (c12.changed, >, c6.changed);
  g_assert_cmpuint (c12.bluish, >, c6.bluish);
  cairo_surface_destroy (six);
  cairo_surface_destroy (twelve);
  cairo_surface_destroy (none);
}

/* Through longitude and latitude, the same pixels as through the matrix
 * (but for antialiasing at the edges of a path). */
static void
test_lonlat_matches_matrix (void)
{
  cairo_surface_t *direct = draw_matrix (STRAITS_MARITIME_SHOW_BOTH);
  cairo_surface_t *lonlat = blank ();
  g_autoptr(StraitsProjection) proj = straits_projection_new (STRAITS_MARITIME_PROJECTION, NULL);
  cairo_t *cr = cairo_create (lonlat);
  guint differ = 0, changed = count (direct).changed;

  straits_maritime_overlay_draw_lonlat (cr, report, STRAITS_MARITIME_SHOW_BOTH, lonlat_to_device, proj, 1, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (lonlat);
  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      differ += pixel (direct, x, y) != pixel (lonlat, x, y);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (differ, <, changed / 100);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (lonlat);
}

static void
test_colours_differ (void)
{
  const StraitsColour *grc = straits_maritime_overlay_colour (STRAITS_MARITIME_GRC);
  const StraitsColour *tur = straits_maritime_overlay_colour (STRAITS_MARITIME_TUR);

  g_assert_cmpfloat (fabs (grc->r - tur->r) + fabs (grc->g - tur->g) + fabs (grc->b - tur->b), >, 0.5);
}

/* How many pixels of @surface are @colour, within one level a channel. */
static guint
pixels_of (cairo_surface_t *surface, StraitsColour colour)
{
  int want[3] = { (int) lround (colour.r * 255), (int) lround (colour.g * 255), (int) lround (colour.b * 255) };
  guint n = 0;

  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      {
        guint32 p = pixel (surface, x, y);

        if (abs ((int) (p >> 16 & 0xff) - want[0]) <= 1 && abs ((int) (p >> 8 & 0xff) - want[1]) <= 1 &&
            abs ((int) (p & 0xff) - want[2]) <= 1)
          n++;
      }
  return n;
}

/* The legend's swatches are the colours the belts show on the map, each
 * limit and country its own, with one limit or both drawn. */
static void
test_swatches_match_map (void)
{
  static const StraitsColour white = { 1, 1, 1 };
  const guint shows[] = { STRAITS_MARITIME_SHOW_6NM, STRAITS_MARITIME_SHOW_12NM, STRAITS_MARITIME_SHOW_BOTH };

  for (guint i = 0; i < G_N_ELEMENTS (shows); i++)
    {
      cairo_surface_t *surface = draw_matrix (shows[i]);

      for (int l = 0; l < STRAITS_MARITIME_N_LIMITS; l++)
        for (int c = STRAITS_MARITIME_GRC; c <= STRAITS_MARITIME_TUR; c++)
          {
            StraitsColour swatch = straits_maritime_overlay_swatch (c, l, shows[i], &white);
            guint n;

            if (!(shows[i] & (1u << l)))
              continue;
            n = pixels_of (surface, swatch);
            if (n < 500)
              g_error ("limits %u: the %s %d nm swatch's colour covers %u pixels of the map", shows[i],
                       c == STRAITS_MARITIME_GRC ? "Greek" : "Turkish", l == STRAITS_MARITIME_6NM ? 6 : 12, n);
          }
      /* With both drawn, the two limits' swatches differ. */
      if (shows[i] == STRAITS_MARITIME_SHOW_BOTH)
        {
          StraitsColour six = straits_maritime_overlay_swatch (STRAITS_MARITIME_GRC, STRAITS_MARITIME_6NM, shows[i], &white);
          StraitsColour twelve = straits_maritime_overlay_swatch (STRAITS_MARITIME_GRC, STRAITS_MARITIME_12NM, shows[i], &white);

          g_assert_cmpfloat (fabs (six.r - twelve.r) + fabs (six.g - twelve.g) + fabs (six.b - twelve.b), >, 0.05);
        }
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dir = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "maritime", NULL);
  report = straits_maritime_get (dir, NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/maritime-overlay/changes-pixels", test_changes_pixels);
  g_test_add_func ("/maritime-overlay/lonlat-matches-matrix", test_lonlat_matches_matrix);
  g_test_add_func ("/maritime-overlay/colours-differ", test_colours_differ);
  g_test_add_func ("/maritime-overlay/swatches-match-map", test_swatches_match_map);
  status = g_test_run ();
  straits_maritime_report_free (report);
  return status;
}
