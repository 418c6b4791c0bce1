/* test-renderer.c: the map renderer on image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "straits-atlas.h"
#include "straits-map-renderer.h"
#include "straits-map-renderer-private.h"
#include "straits-maritime-overlay.h"
#include "straits-test-data.h"

#define WIDTH 800
#define HEIGHT 600

static StraitsAtlas *atlas;
static StraitsDataset *dataset;

static StraitsMapRenderer *
renderer_for (const char *view_id)
{
  return straits_test_renderer_for (atlas, dataset, view_id);
}

/* Renders @r at @width x @height fitted to its region. */
static cairo_surface_t *
render_at (StraitsMapRenderer *r, int width, int height, StraitsViewport *vp_out)
{
  StraitsViewport vp = straits_map_renderer_fit (r, width, height);
  cairo_surface_t *surface = straits_test_draw (r, width, height, &vp);

  if (vp_out)
    *vp_out = vp;
  return surface;
}

static cairo_surface_t *
render (StraitsMapRenderer *r, StraitsViewport *vp_out)
{
  return render_at (r, WIDTH, HEIGHT, vp_out);
}

static guint32
pixel (cairo_surface_t *s, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(const guint32 *) (gconstpointer) (data + y * stride + x * 4) & 0xffffff;
}

static guint32
rgb (const StraitsColour *c)
{
  return ((guint32) lround (c->r * 255) << 16) | ((guint32) lround (c->g * 255) << 8) | (guint32) lround (c->b * 255);
}

/* The output position of a place, in the renderer's projection. */
static void
locate (StraitsMapRenderer *r, const StraitsViewport *vp, double lon, double lat, int *x, int *y)
{
  StraitsProjection *p = straits_projected_map_get_projection (straits_map_renderer_get_map (r));
  double mx, my, ox, oy;

  g_assert_true (straits_projection_forward (p, lon, lat, &mx, &my));
  straits_viewport_to_output (vp, WIDTH, HEIGHT, mx, my, &ox, &oy);
  *x = (int) ox;
  *y = (int) oy;
  g_assert_cmpint (*x, >=, 0);
  g_assert_cmpint (*x, <, WIDTH);
  g_assert_cmpint (*y, >=, 0);
  g_assert_cmpint (*y, <, HEIGHT);
}

/* Turkey is in no group of the paper's grouping: it has the land colour
 * for states outside the EU, whatever the view. */
static guint32
land_fill (StraitsMapRenderer *r)
{
  return rgb (&straits_map_renderer_get_style (r)->land);
}

static void
test_ankara_is_turkish (void)
{
  const char *views[] = { "black-sea", "aegean", "eu-groupings" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for (views[i]);
      StraitsViewport vp;
      cairo_surface_t *s;
      int x, y;

      guint32 no_types = 0;

      /* The fill alone: no labels, and no arcs (they start near Ankara). */
      straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
      straits_map_scene_set_relation_types (straits_map_renderer_get_scene (r), &no_types, 0);
      s = render (r, &vp);
      locate (r, &vp, 32.86, 39.93, &x, &y);
      g_assert_cmphex (pixel (s, x, y), ==, land_fill (r));
      cairo_surface_destroy (s);
    }
}

static void
test_poland_and_france_differ (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  guint32 grouping = straits_dataset_find_grouping (dataset, "stance-2025");
  StraitsViewport vp;
  cairo_surface_t *s;
  int px, py, fx, fy;
  const StraitsGroup *pol, *fra;

  g_assert_cmpuint (grouping, !=, STRAITS_NO_INDEX);
  straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (r), &grouping, 0);
  s = render (r, &vp);
  locate (r, &vp, 19.4, 52.1, &px, &py);   /* central Poland */
  locate (r, &vp, 2.5, 46.8, &fx, &fy);    /* central France */
  pol = straits_dataset_group_of_actor (dataset, grouping, straits_dataset_find_actor_by_iso3 (dataset, "POL"));
  fra = straits_dataset_group_of_actor (dataset, grouping, straits_dataset_find_actor_by_iso3 (dataset, "FRA"));
  g_assert_nonnull (pol);
  g_assert_nonnull (fra);
  g_assert_cmphex (pixel (s, px, py), ==, rgb (&pol->colour));
  g_assert_cmphex (pixel (s, fx, fy), ==, rgb (&fra->colour));
  g_assert_cmphex (pixel (s, px, py), !=, pixel (s, fx, fy));
  cairo_surface_destroy (s);
}

static void
test_selection_changes_pixels (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  guint32 greece = straits_dataset_find_actor_by_iso3 (dataset, "GRC");
  StraitsViewport vp;
  cairo_surface_t *before, *after;
  int x, y;

  straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (r), &greece, 0);
  before = render (r, &vp);
  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), &greece, 1, STRAITS_NO_INDEX);
  after = render (r, &vp);
  locate (r, &vp, 22.0, 39.5, &x, &y);    /* Thessaly */
  g_assert_cmphex (pixel (before, x, y), !=, pixel (after, x, y));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static void
test_labels_disjoint_and_inside (void)
{
  const char *views[] = { "black-sea", "aegean", "eu-groupings" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for (views[v]);
      cairo_surface_t *s;
      guint n;

      straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
      s = render (r, NULL);
      n = straits_map_renderer_get_n_labels (r);
      g_assert_cmpuint (n, >, 5);
      for (guint i = 0; i < n; i++)
        {
          const StraitsRect *a = straits_map_renderer_get_label_rect (r, i);
          StraitsRect legend;

          g_assert_cmpfloat (a->x, >=, 0);
          g_assert_cmpfloat (a->y, >=, 0);
          g_assert_cmpfloat (a->x + a->width, <=, WIDTH);
          g_assert_cmpfloat (a->y + a->height, <=, HEIGHT);
          if (straits_map_renderer_get_legend_rect (r, &legend))
            g_assert_false (straits_rects_intersect (a, &legend));
          for (guint j = i + 1; j < n; j++)
            if (straits_rects_intersect (a, straits_map_renderer_get_label_rect (r, j)))
              g_error ("labels “%s” and “%s” overlap", straits_map_renderer_get_label_text (r, i),
                       straits_map_renderer_get_label_text (r, j));
        }
      cairo_surface_destroy (s);
    }
}

/* Drawing into a corner of a larger surface leaves the rest untouched. */
static void
test_nothing_outside (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH + 100, HEIGHT + 80);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  /* Zoomed out, so that land reaches every edge of the frame. */
  vp.resolution *= 1.5;
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &vp);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  for (int y = 0; y < HEIGHT + 80; y++)
    for (int x = 0; x < WIDTH + 100; x++)
      if (x >= WIDTH || y >= HEIGHT)
        g_assert_cmphex (pixel (s, x, y), ==, 0xff00ff);
  g_assert_cmphex (pixel (s, WIDTH - 1, HEIGHT - 1), !=, 0xff00ff);
  cairo_surface_destroy (s);
}

/* The relations of the groupings view are drawn as arcs, and the legend
 * lists what is drawn. */
static void
test_relations_and_legend (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  cairo_surface_t *s;

  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  s = render (r, NULL);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_relations (r), >, 0);
  g_assert_cmpuint (straits_map_renderer_get_drawn_relation_types (r)->len, >, 0);
  g_assert_cmpuint (straits_map_renderer_get_drawn_groups (r)->len, >=, 3);
  cairo_surface_destroy (s);
}

/* The map as of a date: relations that start later are not drawn, nor
 * events that happen later; the Black Sea's mine-clearing agreement
 * (January 2024, with a place) shows from 2024 on. */
static void
test_time (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("black-sea");
  const char *dates[] = { "2013", "2019-12", "2024-01", "2025-12" };
  guint relations[G_N_ELEMENTS (dates)], events[G_N_ELEMENTS (dates)], all_relations;
  cairo_surface_t *s;

  s = render (r, NULL);
  all_relations = straits_map_renderer_get_n_drawn_relations (r);
  cairo_surface_destroy (s);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      StraitsDate date;

      g_assert_true (straits_date_parse (dates[i], &date));
      straits_map_scene_set_time (straits_map_renderer_get_scene (r), &date);
      s = render (r, NULL);
      relations[i] = straits_map_renderer_get_n_drawn_relations (r);
      events[i] = straits_map_renderer_get_n_drawn_events (r);
      cairo_surface_destroy (s);
    }
  g_assert_cmpuint (relations[0], <, relations[3]);
  g_assert_cmpuint (relations[1], <=, relations[2]);
  g_assert_cmpuint (relations[3], <=, all_relations);
  g_assert_cmpuint (events[0], ==, 0);        /* nothing with a place before 2014 */
  g_assert_cmpuint (events[1], <, events[2]); /* the mine-clearing agreement appears */
  g_assert_cmpuint (events[2], <=, events[3]);
}

/* Pixels of @s within 80 of the colour @target (0xrrggbb) in every
 * channel: a curve's or a fill's colour as drawn over the map. */
static guint
pixels_like (cairo_surface_t *s, guint32 target)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 p = pixel (s, x, y);
        gboolean near = TRUE;

        for (int shift = 0; shift <= 16; shift += 8)
          near = near && ABS ((int) (p >> shift & 0xff) - (int) (target >> shift & 0xff)) < 80;
        n += near;
      }
  return n;
}

/* A relation that no date places is drawn as usual at all dates, and at
 * a set date in the "date unknown" style (dotted: far fewer of its
 * colour's pixels, but some), which the legend then names. */
static void
test_undated_style (void)
{
  static const char json[] =
    "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },"
    "  \"vocabulary\": { \"relation_types\": [ { \"id\": \"supply\", \"label\": \"Supply\", \"colour\": \"#ff00ff\" } ] },"
    "  \"actors\": [ { \"id\": \"TUR\", \"kind\": \"state\", \"name\": \"Turkey\", \"iso3\": \"TUR\" },"
    "                { \"id\": \"UKR\", \"kind\": \"state\", \"name\": \"Ukraine\", \"iso3\": \"UKR\" } ],"
    "  \"relations\": [ { \"id\": \"undated\", \"from\": \"TUR\", \"to\": \"UKR\", \"type\": \"supply\", \"strength\": 1 } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "undated.json", NULL, NULL);
  g_autoptr(StraitsMapRenderer) r = NULL;
  StraitsDate date;
  cairo_surface_t *s;
  guint all, dated;

  g_assert_nonnull (ds);
  r = straits_test_renderer_for (atlas, ds, "black-sea");
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  s = render (r, NULL);
  all = pixels_like (s, 0xff00ff);
  cairo_surface_destroy (s);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_relations (r), ==, 1);
  g_assert_cmpuint (all, >, 200);
  g_assert_false (straits_test_legend_has (r, "Date unknown (dotted)"));

  g_assert_true (straits_date_parse ("2020", &date));
  straits_map_scene_set_time (straits_map_renderer_get_scene (r), &date);
  s = render (r, NULL);
  dated = pixels_like (s, 0xff00ff);
  cairo_surface_destroy (s);
  g_test_message ("magenta pixels: %u at all dates, %u in 2020", all, dated);
  g_assert_cmpuint (straits_map_renderer_get_n_drawn_relations (r), ==, 1);
  g_assert_cmpuint (dated, >, 20);
  g_assert_cmpuint (dated, <, all * 7 / 10);
  g_assert_true (straits_test_legend_has (r, "Date unknown (dotted)"));
}

/* A grouping attested in 2025 and ended at an unknown date colours its
 * groups as usual at all dates and in 2025, dotted where its date is
 * unknown (2020: fewer pixels of the group's colour, the legend says so),
 * and not at all once it has ended (2026). */
static void
test_grouping_in_time (void)
{
  static const char json[] =
    "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },"
    "  \"actors\": [ { \"id\": \"TUR\", \"kind\": \"state\", \"name\": \"Turkey\", \"iso3\": \"TUR\" } ],"
    "  \"groupings\": [ { \"id\": \"g\", \"label\": \"G\", \"start\": \"unknown\", \"end\": \"unknown\","
    "                     \"attested\": \"2025\", \"groups\": [ { \"id\": \"a\", \"label\": \"A\","
    "                     \"colour\": \"#00ffff\", \"members\": [\"TUR\"] } ] } ],"
    "  \"views\": [ { \"id\": \"v\", \"title\": \"V\", \"region\": \"black-sea\", \"grouping\": \"g\" } ] }";
  static const char *const dates[] = { NULL, "2025", "2020", "2026" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "grouping.json", NULL, NULL);
  g_autoptr(StraitsMapRenderer) r = NULL;
  guint n[G_N_ELEMENTS (dates)];
  gboolean said[G_N_ELEMENTS (dates)];

  g_assert_nonnull (ds);
  r = straits_test_renderer_for (atlas, ds, "v");
  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      StraitsDate date = STRAITS_DATE_INIT;
      cairo_surface_t *s;

      g_assert_true (dates[i] == NULL || straits_date_parse (dates[i], &date));
      straits_map_scene_set_time (straits_map_renderer_get_scene (r), &date);
      s = render (r, NULL);
      n[i] = pixels_like (s, 0x00ffff);
      said[i] = straits_test_legend_has (r, "Groups: date unknown (dotted)");
      cairo_surface_destroy (s);
      g_test_message ("%s: %u pixels of the group's colour", dates[i] ? dates[i] : "all dates", n[i]);
    }
  g_assert_cmpuint (n[0], >, 5000);
  g_assert_cmpuint (n[1], ==, n[0]);
  g_assert_cmpuint (n[2], <, n[0] * 95 / 100);
  g_assert_cmpuint (n[2], >, n[0] / 2);
  g_assert_cmpuint (n[3], ==, 0);
  g_assert_false (said[0]);
  g_assert_false (said[1]);
  g_assert_true (said[2]);
  g_assert_false (said[3]);
}

/* The territorial-sea overlays change the Aegean's pixels, and only the
 * Aegean view draws them (the belts are in its projection). */
static void
test_territorial_seas (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "maritime", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMaritimeReport) report = straits_maritime_get (dir, NULL, &error);
  g_autoptr(StraitsMapRenderer) aegean = renderer_for ("aegean");
  g_autoptr(StraitsMapRenderer) black_sea = renderer_for ("black-sea");
  cairo_surface_t *plain, *seas;
  guint changed = 0;

  g_assert_no_error (error);
  plain = render (aegean, NULL);
  straits_map_scene_set_territorial_seas (straits_map_renderer_get_scene (aegean), report, 3);
  g_assert_true (straits_map_renderer_shows_territorial_seas (aegean));
  seas = render (aegean, NULL);
  for (int y = 0; y < HEIGHT; y += 4)
    for (int x = 0; x < WIDTH; x += 4)
      changed += pixel (plain, x, y) != pixel (seas, x, y);
  /* The belts cover a good part of the Aegean. */
  g_assert_cmpuint (changed, >, (WIDTH / 4) * (HEIGHT / 4) / 20);
  straits_map_scene_set_territorial_seas (straits_map_renderer_get_scene (black_sea), report, 3);
  g_assert_false (straits_map_renderer_shows_territorial_seas (black_sea));
  cairo_surface_destroy (plain);
  cairo_surface_destroy (seas);
}

/* Whether the pixel (@x, @y) of a frame shown through @vp, and the
 * pixels @margin away on four sides, are all on the map's land. */
static gboolean
inland (StraitsProjectedMap *map, const StraitsViewport *vp, int width, int height, int x, int y, int margin)
{
  const int dx[] = { 0, margin, -margin, 0, 0 }, dy[] = { 0, 0, 0, margin, -margin };

  for (guint k = 0; k < G_N_ELEMENTS (dx); k++)
    {
      double px = vp->cx + (x + dx[k] + 0.5 - width / 2.0) * vp->resolution;
      double py = vp->cy - (y + dy[k] + 0.5 - height / 2.0) * vp->resolution;

      if (straits_projected_map_feature_at (map, STRAITS_LAYER_COUNTRY, px, py) < 0 &&
          straits_projected_map_feature_at (map, STRAITS_LAYER_ISLAND, px, py) < 0)
        return FALSE;
    }
  return TRUE;
}

/* The belts were measured on another coast than the map draws: none of
 * them may lie over the map's own land (they once did, in spiky fringes
 * over the islands and the Turkish coast: 85 of the 76,927 pixels read
 * here). Land pixels 2 pixels in from every coast are the same with and
 * without the belts, but for one in 5,000: the frame draws simplified
 * outlines and the test reads the full ones (2 pixels, on islets). */
static void
test_belts_stay_at_sea (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "maritime", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsMaritimeReport) report = straits_maritime_get (dir, NULL, &error);
  g_autoptr(StraitsMapRenderer) aegean = renderer_for ("aegean");
  StraitsMapScene *scene = straits_map_renderer_get_scene (aegean);
  StraitsProjectedMap *map = straits_map_scene_get_map (scene);
  cairo_surface_t *plain, *seas;
  StraitsViewport vp;
  guint land = 0, covered = 0;

  g_assert_no_error (error);
  /* Compared pixel for pixel, both frames are drawn in one thread: with
   * threads, a frame that draws its base layer draws what lies above it
   * on a layer of its own, which rounds by a level here and there. */
  straits_map_renderer_set_threads (aegean, 1);
  /* Only the belts may differ: no legend, no names. */
  straits_map_scene_set_show_legend (scene, FALSE);
  straits_map_scene_set_show_labels (scene, FALSE);
  /* Three times the test's frame: the fringes were a few pixels wide. */
  plain = render_at (aegean, 3 * WIDTH, 3 * HEIGHT, &vp);
  straits_map_scene_set_territorial_seas (scene, report, STRAITS_MARITIME_SHOW_BOTH);
  seas = render_at (aegean, 3 * WIDTH, 3 * HEIGHT, NULL);
  for (int y = 3; y < 3 * HEIGHT - 3; y += 5)
    for (int x = 3; x < 3 * WIDTH - 3; x += 5)
      if (inland (map, &vp, 3 * WIDTH, 3 * HEIGHT, x, y, 2))
        {
          land++;
          covered += pixel (plain, x, y) != pixel (seas, x, y);
        }
  g_assert_cmpuint (land, >, 1000);
  g_test_message ("%u of %u land pixels under a belt", covered, land);
  if (covered * 5000 > land)
    g_error ("%u of %u land pixels are under a territorial-sea belt", covered, land);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (seas);
}

/* Level of detail: zoomed far in, a frame sends far fewer vertices than
 * the data holds, and about as many as the overview. */
static void
test_detail_follows_screen (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  StraitsViewport vp;
  cairo_surface_t *s;
  guint64 overview, zoomed, full;

  straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
  s = render (r, &vp);
  overview = straits_map_renderer_get_n_vertices (r);
  cairo_surface_destroy (s);

  {
    cairo_surface_t *z = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (z);
    StraitsViewport zoom = vp;

    zoom.resolution /= 16;
    straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &zoom);
    zoomed = straits_map_renderer_get_n_vertices (r);
    straits_map_renderer_set_full_detail (r, TRUE);
    straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &zoom);
    full = straits_map_renderer_get_n_vertices (r);
    cairo_destroy (cr);
    cairo_surface_destroy (z);
  }
  g_test_message ("vertices: overview %" G_GUINT64_FORMAT ", zoomed %" G_GUINT64_FORMAT
                  ", full %" G_GUINT64_FORMAT, overview, zoomed, full);
  g_assert_cmpuint (zoomed, <, full / 4);
  g_assert_cmpuint (zoomed, <, overview * 4);
}

/* Picking finds the country under a point, and nothing in the sea. */
static void
test_pick_country (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  guint32 no_types = 0, actor, relation;
  StraitsViewport vp;
  cairo_surface_t *s;
  int x, y;

  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (r), &no_types, 0);
  s = render (r, &vp);
  locate (r, &vp, 2.5, 46.8, &x, &y);
  straits_map_renderer_pick (r, WIDTH, HEIGHT, &vp, x, y, &actor, &relation);
  g_assert_cmpuint (actor, ==, straits_dataset_find_actor_by_iso3 (dataset, "FRA"));
  g_assert_cmpuint (relation, ==, STRAITS_NO_INDEX);
  locate (r, &vp, 18.0, 35.0, &x, &y);   /* the Ionian Sea */
  straits_map_renderer_pick (r, WIDTH, HEIGHT, &vp, x, y, &actor, &relation);
  g_assert_cmpuint (actor, ==, STRAITS_NO_INDEX);
  cairo_surface_destroy (s);
}

/* Whether selecting the actor with @iso3 changes the pixel at (@lon, @lat)
 * of @r's frame; also whether a click there picks it. */
static gboolean
selection_covers (StraitsMapRenderer *r, const char *iso3, double lon, double lat, gboolean *picked)
{
  guint32 actor = straits_dataset_find_actor_by_iso3 (dataset, iso3), got, relation;
  StraitsViewport vp;
  cairo_surface_t *before, *after;
  gboolean changed;
  int x, y;

  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), NULL, 0, STRAITS_NO_INDEX);
  before = render (r, &vp);
  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), &actor, 1, STRAITS_NO_INDEX);
  after = render (r, &vp);
  locate (r, &vp, lon, lat, &x, &y);
  changed = pixel (before, x, y) != pixel (after, x, y);
  straits_map_renderer_pick (r, WIDTH, HEIGHT, &vp, x, y, &got, &relation);
  *picked = got == actor;
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  return changed;
}

/* Crimea is Ukraine's under the EU's convention, and was before 2014
 * under any; Russia's under the de facto one since: a selection colours
 * it, and a click there picks it, accordingly. */
static void
test_crimea_by_convention (void)
{
  static const struct { StraitsConvention convention; const char *time, *drawn_as, *not_as; } cases[] = {
    { STRAITS_CONVENTION_EU, NULL, "UKR", "RUS" },
    { STRAITS_CONVENTION_EU, "2013", "UKR", "RUS" },
    { STRAITS_CONVENTION_DE_FACTO, NULL, "RUS", "UKR" },
    { STRAITS_CONVENTION_DE_FACTO, "2013", "UKR", "RUS" },
  };
  g_autoptr(StraitsMapRenderer) r = renderer_for ("black-sea");
  guint32 no_types = 0;

  straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
  straits_map_scene_set_relation_types (straits_map_renderer_get_scene (r), &no_types, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StraitsDate date;
      gboolean picked;

      g_assert_true (cases[i].time == NULL || straits_date_parse (cases[i].time, &date));
      straits_map_scene_set_time (straits_map_renderer_get_scene (r), cases[i].time ? &date : NULL);
      straits_map_scene_set_convention (straits_map_renderer_get_scene (r), cases[i].convention);
      /* Simferopol, inland */
      if (!selection_covers (r, cases[i].drawn_as, 34.10, 44.95, &picked) || !picked)
        g_error ("case %u: selecting %s leaves Crimea as it was, or a click does not pick it", i, cases[i].drawn_as);
      if (selection_covers (r, cases[i].not_as, 34.10, 44.95, &picked) || picked)
        g_error ("case %u: selecting %s colours Crimea, or a click picks it", i, cases[i].not_as);
      /* The mainland stays where it is. */
      g_assert_true (selection_covers (r, "UKR", 31.0, 47.5, &picked) && picked);
      g_assert_true (selection_covers (r, "RUS", 40.0, 45.5, &picked) && picked);
    }
}

/* Zoomed in on Athens, the arcs to Turkey leave the frame over the sea:
 * where they leave, Turkey is named; zoomed out, Turkey is on the map
 * and no such name is added. */
static void
test_partners_outside_named (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  StraitsProjection *p = straits_projected_map_get_projection (straits_map_renderer_get_map (r));
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  cairo_surface_t *s;
  gboolean named = FALSE;

  s = render (r, &vp);
  for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
    g_assert_false (straits_map_renderer_get_label_kind (r, i) == STRAITS_LABEL_PARTNER &&
                    g_strcmp0 (straits_map_renderer_get_label_text (r, i), "Turkey") == 0);
  cairo_surface_destroy (s);

  g_assert_true (straits_projection_forward (p, 23.0, 38.3, &vp.cx, &vp.cy));
  vp.resolution /= 5;
  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  {
    cairo_t *cr = cairo_create (s);

    straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &vp);
    cairo_destroy (cr);
  }
  for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
    named |= straits_map_renderer_get_label_kind (r, i) == STRAITS_LABEL_PARTNER &&
             g_strcmp0 (straits_map_renderer_get_label_text (r, i), "Turkey") == 0;
  g_assert_true (named);
  cairo_surface_destroy (s);
}

/* A dataset's views: one replaces a built-in view's settings, another is
 * added with a region of its own, and both draw. */
static void
test_dataset_views (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, NULL, NULL);
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  const StraitsViewInfo *eu, *cyprus;
  g_autoptr(StraitsMapRenderer) r = NULL;
  StraitsViewport vp;
  cairo_surface_t *s;
  int x, y;

  g_assert_nonnull (ds);
  views = straits_view_info_list (ds);
  g_assert_cmpuint (views->len, ==, 4);
  eu = g_ptr_array_index (views, 2);
  cyprus = g_ptr_array_index (views, 3);
  g_assert_cmpstr (eu->id, ==, "eu-groupings");
  g_assert_cmpstr (eu->title, ==, "EU");
  g_assert_cmpstr (cyprus->id, ==, "cyprus");
  g_assert_cmpstr (cyprus->subtitle, ==, "A view the dataset defines");
  g_assert_true (cyprus->region->detailed);
  g_assert_nonnull (strstr (cyprus->region->projection, "+proj=laea"));

  r = straits_view_info_new_renderer (atlas, ds, cyprus, &error);
  g_assert_no_error (error);
  straits_map_scene_set_show_labels (straits_map_renderer_get_scene (r), FALSE);
  s = render (r, &vp);
  locate (r, &vp, 33.0, 34.85, &x, &y);   /* near Limassol, inland: an EU member in no group */
  g_assert_cmphex (pixel (s, x, y), ==, rgb (&straits_map_renderer_get_style (r)->land_eu));
  locate (r, &vp, 32.2, 35.6, &x, &y);    /* the sea west of Cyprus */
  g_assert_cmphex (pixel (s, x, y), ==, rgb (&straits_map_renderer_get_style (r)->sea));
  cairo_surface_destroy (s);
}

/* A frame that re-uses the cached base layer (a pan) has the same legend
 * as the frame that drew it: once, the groupings fell out of it. */
static void
test_legend_survives_cached_frames (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  g_auto(GStrv) first = NULL;
  guint groups;

  straits_map_scene_set_show_legend (straits_map_renderer_get_scene (r), TRUE);
  straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &vp);
  {
    GPtrArray *labels = straits_map_renderer_get_legend_labels (r);
    g_autoptr(GStrvBuilder) copy = g_strv_builder_new ();

    for (guint k = 0; k < labels->len; k++)
      g_strv_builder_add (copy, g_ptr_array_index (labels, k));
    first = g_strv_builder_end (copy);
  }
  groups = straits_map_renderer_get_drawn_groups (r)->len;
  g_assert_cmpuint (groups, >=, 4);
  for (guint i = 0; i < 3; i++)
    {
      GPtrArray *labels;

      vp.cx += 5 * vp.resolution;
      straits_map_renderer_draw (r, cr, WIDTH, HEIGHT, &vp);
      labels = straits_map_renderer_get_legend_labels (r);
      g_assert_cmpuint (straits_map_renderer_get_drawn_groups (r)->len, ==, groups);
      g_assert_cmpuint (labels->len, ==, g_strv_length (first));
      for (guint k = 0; k < labels->len; k++)
        g_assert_cmpstr (g_ptr_array_index (labels, k), ==, first[k]);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Drawn in bands by several threads, the base layer is the same as drawn
 * in one pass: at an odd size, and at twice the density. */
static void
test_bands_match_one_pass (void)
{
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for ("black-sea");
      int w = 801, h = 611;
      StraitsViewport vp = straits_map_renderer_fit (r, w, h);
      cairo_surface_t *s[2];
      guint differing = 0;

      for (guint k = 0; k < 2; k++)
        {
          cairo_t *cr;

          straits_map_renderer_set_threads (r, k == 0 ? 1 : 3);
          straits_map_renderer_invalidate (r);
          s[k] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w * scale, h * scale);
          cr = cairo_create (s[k]);
          cairo_scale (cr, scale, scale);
          straits_map_renderer_draw (r, cr, w, h, &vp);
          cairo_destroy (cr);
          cairo_surface_flush (s[k]);
        }
      /* RGB24: the fourth byte is unused, and undefined. Where cairo clips
       * a band, an antialiased pixel on the seam may come out a shade
       * apart; a band out of place would differ in thousands. With
       * threads, what lies above the base layer is drawn on a layer of
       * its own, and rounds by a level or two: those are not counted. */
      for (int y = 0; y < h * scale; y++)
        for (int x = 0; x < w * scale; x++)
          differing += straits_test_channel_difference (pixel (s[0], x, y), pixel (s[1], x, y)) > 2;
      g_assert_cmpuint (differing, <=, (guint) (w * scale) * (h * scale) / 10000);
      cairo_surface_destroy (s[0]);
      cairo_surface_destroy (s[1]);
    }
}

/* The share of pixels that differ between @a and @b, and their PSNR in
 * dB over the red, green and blue channels (INFINITY when equal). */
static double
pixel_difference (cairo_surface_t *a, cairo_surface_t *b, double *psnr)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint64 changed = 0;
  double squares = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = pixel (a, x, y), q = pixel (b, x, y);

        changed += p != q;
        for (int shift = 0; shift < 24; shift += 8)
          {
            double d = (double) ((p >> shift) & 0xff) - (double) ((q >> shift) & 0xff);
            squares += d * d;
          }
      }
  *psnr = squares > 0 ? 10 * log10 (255.0 * 255.0 / (squares / (3.0 * w * h))) : INFINITY;
  return (double) changed / ((double) w * h);
}

/* On raster targets the countries are filled without antialiasing, the
 * coasts and borders stroked over their edges: at 1920x1080 the frame
 * stays within PSNR 40 dB and 3 % of pixels of the one with antialiased
 * fills (EU 44 dB and 1.4 %, Aegean 57 dB and 0.9 %; at 800x600 the EU
 * is at 41 dB and 2.7 %), and it does change (the fills are aliased). */
static void
test_aliased_fills_look_the_same (void)
{
  const char *views[] = { "eu-groupings", "aegean" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(StraitsMapRenderer) r = renderer_for (views[i]);
      cairo_surface_t *aliased, *smooth;
      double changed, psnr;

      aliased = render_at (r, 1920, 1080, NULL);
      r->antialias_fills = TRUE;
      straits_map_renderer_invalidate (r);
      smooth = render_at (r, 1920, 1080, NULL);
      changed = pixel_difference (aliased, smooth, &psnr);
      g_test_message ("%s: %.2f %% of pixels changed, PSNR %.1f dB", views[i], 100 * changed, psnr);
      g_assert_cmpfloat (changed, >, 0);
      g_assert_cmpfloat (changed, <=, 0.03);
      g_assert_cmpfloat (psnr, >=, 40);
      cairo_surface_destroy (aliased);
      cairo_surface_destroy (smooth);
    }
}

static void
on_prepared (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (straits_map_renderer_prepare_finish (STRAITS_MAP_RENDERER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
prepare (StraitsMapRenderer *r, const StraitsViewport *vp, gboolean change_meanwhile)
{
  gboolean done = FALSE;

  straits_map_renderer_prepare_async (r, WIDTH, HEIGHT, 1, vp, NULL, on_prepared, &done);
  if (change_meanwhile)
    straits_map_scene_set_grouping (straits_map_renderer_get_scene (r), STRAITS_NO_INDEX);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A base layer drawn ahead in a thread is the one the frame then copies:
 * the frame draws no vertex of its own and looks the same as one drawn
 * at once. One drawn for a map that changed meanwhile is dropped. */
static void
test_prepared_in_a_thread (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("eu-groupings");
  g_autoptr(StraitsMapRenderer) direct = renderer_for ("eu-groupings");
  StraitsViewport vp;
  cairo_surface_t *expected, *shown;

  /* One band each, so that no seam differs (see bands-match-one-pass). */
  straits_map_renderer_set_threads (r, 1);
  straits_map_renderer_set_threads (direct, 1);
  expected = render (direct, &vp);
  g_assert_false (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &vp));
  prepare (r, &vp, FALSE);
  g_assert_true (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &vp));
  shown = render (r, NULL);
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (r), ==, 0);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      g_assert_cmphex (pixel (shown, x, y), ==, pixel (expected, x, y));
  g_assert_cmpuint (straits_map_renderer_get_n_vertices (direct), >, 1000);

  vp.resolution *= 0.8;
  prepare (r, &vp, TRUE);
  g_assert_false (straits_map_renderer_is_prepared (r, WIDTH, HEIGHT, 1, &vp));
  cairo_surface_destroy (shown);
  cairo_surface_destroy (expected);
}

/* The largest difference of two pixels in one channel. */
static int
colour_difference (guint32 a, guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 24; shift += 8)
    d = MAX (d, abs ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)));
  return d;
}

/* The hover highlight alone: inside the hovered country, within the
 * extents the renderer gives for it, under the frame's labels, and
 * nothing for a selected actor. */
/* Grey: the text's colour, not a curve's. */
static gboolean
neutral (guint32 p)
{
  int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;

  return MAX (MAX (r, g), b) - MIN (MIN (r, g), b) < 24;
}

static void
test_hover_alone (void)
{
  g_autoptr(StraitsMapRenderer) r = renderer_for ("aegean");
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (s);
  StraitsViewport vp = straits_map_renderer_fit (r, WIDTH, HEIGHT);
  guint32 turkey = straits_dataset_find_actor_by_iso3 (dataset, "TUR");
  const guint8 *data;
  StraitsRect rect;
  guint outside = 0, inside = 0;
  int x, y;

  g_assert_true (straits_map_renderer_get_hover_extents (r, WIDTH, HEIGHT, &vp, turkey, &rect));
  straits_map_renderer_draw_hover (r, cr, WIDTH, HEIGHT, &vp, turkey);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  for (int j = 0; j < HEIGHT; j++)
    for (int i = 0; i < WIDTH; i++)
      {
        gboolean drawn = data[j * cairo_image_surface_get_stride (s) + 4 * i + 3] != 0;
        gboolean within = i >= rect.x && i < rect.x + rect.width && j >= rect.y && j < rect.y + rect.height;

        outside += drawn && !within;
        inside += drawn && within;
      }
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpuint (inside, >, 1000);
  locate (r, &vp, 32.86, 39.93, &x, &y);  /* Ankara */
  g_assert_cmpuint (data[y * cairo_image_surface_get_stride (s) + 4 * x + 3], !=, 0);

  /* Over a frame the renderer drew, its labels stay on top: the dark grey
   * (text) pixels of Turkey's name are as they were, but for the edges of
   * glyphs, where the halo lets a little of the highlight through. (Dark
   * coloured pixels there are curves ending beside the name, which the
   * highlight tints as it tints the land under them.) */
  {
    cairo_surface_t *frame = render (r, NULL), *plain = render (r, NULL);
    cairo_t *over = cairo_create (frame);
    const StraitsRect *label = NULL;
    guint text = 0, changed = 0;

    for (guint i = 0; i < straits_map_renderer_get_n_labels (r); i++)
      if (g_strcmp0 (straits_map_renderer_get_label_text (r, i), "Turkey") == 0)
        label = straits_map_renderer_get_label_rect (r, i);
    g_assert_nonnull (label);
    straits_map_renderer_draw_hover (r, over, WIDTH, HEIGHT, &vp, turkey);
    cairo_destroy (over);
    cairo_surface_flush (frame);
    for (int j = (int) label->y; j < (int) (label->y + label->height); j++)
      for (int i = (int) label->x; i < (int) (label->x + label->width); i++)
        if ((pixel (plain, i, j) >> 16 & 0xff) < 100 && (pixel (plain, i, j) >> 8 & 0xff) < 100 &&
            (pixel (plain, i, j) & 0xff) < 100 && neutral (pixel (plain, i, j)))
          {
            text++;
            changed += colour_difference (pixel (plain, i, j), pixel (frame, i, j)) > 8;
          }
    g_assert_cmpuint (text, >, 20);
    g_assert_cmpuint (changed, ==, 0);
    cairo_surface_destroy (frame);
    cairo_surface_destroy (plain);
  }

  /* A selected actor has its own highlight. */
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  straits_map_scene_set_selection (straits_map_renderer_get_scene (r), &turkey, 1, STRAITS_NO_INDEX);
  straits_map_renderer_draw_hover (r, cr, WIDTH, HEIGHT, &vp, turkey);
  cairo_surface_flush (s);
  g_assert_cmpuint (data[y * cairo_image_surface_get_stride (s) + 4 * x + 3], ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_test_load_bundled ();
  atlas = straits_test_new_atlas ();

  g_test_add_func ("/renderer/ankara-is-turkish", test_ankara_is_turkish);
  g_test_add_func ("/renderer/poland-and-france-differ", test_poland_and_france_differ);
  g_test_add_func ("/renderer/selection-changes-pixels", test_selection_changes_pixels);
  g_test_add_func ("/renderer/labels-disjoint-and-inside", test_labels_disjoint_and_inside);
  g_test_add_func ("/renderer/nothing-outside", test_nothing_outside);
  g_test_add_func ("/renderer/relations-and-legend", test_relations_and_legend);
  g_test_add_func ("/renderer/detail-follows-screen", test_detail_follows_screen);
  g_test_add_func ("/renderer/time", test_time);
  g_test_add_func ("/renderer/undated-style", test_undated_style);
  g_test_add_func ("/renderer/grouping-in-time", test_grouping_in_time);
  g_test_add_func ("/renderer/territorial-seas", test_territorial_seas);
  g_test_add_func ("/renderer/belts-stay-at-sea", test_belts_stay_at_sea);
  g_test_add_func ("/renderer/pick-country", test_pick_country);
  g_test_add_func ("/renderer/crimea-by-convention", test_crimea_by_convention);
  g_test_add_func ("/renderer/partners-outside-named", test_partners_outside_named);
  g_test_add_func ("/renderer/dataset-views", test_dataset_views);
  g_test_add_func ("/renderer/legend-survives-cached-frames", test_legend_survives_cached_frames);
  g_test_add_func ("/renderer/bands-match-one-pass", test_bands_match_one_pass);
  g_test_add_func ("/renderer/aliased-fills-look-the-same", test_aliased_fills_look_the_same);
  g_test_add_func ("/renderer/prepared-in-a-thread", test_prepared_in_a_thread);
  g_test_add_func ("/renderer/hover-alone", test_hover_alone);
  status = g_test_run ();
  g_object_unref (dataset);
  straits_atlas_free (atlas);
  return status;
}
