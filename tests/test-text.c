/* test-text.c: text drawn as before on other targets, kept as text in SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <cairo-svg.h>

#include "straits-halo.h"
#include "straits-text.h"
#include "straits-test-data.h"
#include "svg-read.h"

static const StraitsColour white = { 1, 1, 1 };

/* @font as Pango reads it ("Cantarell 10"), in points at 72 dpi: in
 * user units. */
static PangoLayout *
new_layout (cairo_t *cr, const char *text, const char *font, int wrap)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, wrap > 0 ? wrap * PANGO_SCALE : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws "Türkiye & Greece" at (10, 10) in @font on a fresh image surface
 * of @scale device pixels a unit, plain (@halo_width 0) or with a halo,
 * either as the helpers draw it or (@stroked) as a stroke of the glyph
 * outlines under the text, as pango_cairo draws it. */
static cairo_surface_t *
draw_text (const char *font,
           double      scale,
           double      halo_width,
           gboolean    stroked)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (220 * scale), (int) (60 * scale));
  cairo_t *cr;
  g_autoptr(PangoLayout) layout = NULL;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.55, 0.6, 0.7);
  cairo_paint (cr);
  layout = new_layout (cr, "Türkiye & Greece", font, -1);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, 10, 10);
  if (halo_width == 0)
    {
      if (stroked)
        pango_cairo_show_layout (cr, layout);
      else
        straits_text_show (cr, layout);
    }
  else if (!stroked)
    straits_text_show_with_halo (cr, layout, &white, 0.85, halo_width);
  else
    {
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, 10, 10);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* Pixels of @a and @b more than @levels apart in a channel. */
static guint
pixels_apart (cairo_surface_t *a,
              cairo_surface_t *b,
              int              levels)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *p = cairo_image_surface_get_data (a), *q = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += straits_test_channel_difference (((const guint32 *) (gconstpointer) (p + y * stride))[x],
                                            ((const guint32 *) (gconstpointer) (q + y * stride))[x]) > levels;
  return n;
}

/* On an image surface, plain text is exactly what pango_cairo draws. */
static void
test_raster_unchanged (void)
{
  cairo_surface_t *helper = draw_text ("Cantarell, Sans 12", 1, 0, FALSE);
  cairo_surface_t *pango = draw_text ("Cantarell, Sans 12", 1, 0, TRUE);

  g_assert_true (surfaces_equal (helper, pango));
  cairo_surface_destroy (helper);
  cairo_surface_destroy (pango);
}

/* A halo grown from the glyphs on screen (straits-halo.c) covers what
 * the stroke of their outlines covered: at one and two device pixels a
 * unit, in two sizes and weights. At 300 dpi (a halo wider than a few
 * pixels) the outlines are stroked, as before. */
static void
test_raster_halo (void)
{
  static const struct { const char *font; double scale, width; } cases[] = {
    { "Cantarell, Sans 8", 1, 2.6 },
    { "Cantarell, Sans Bold 12", 1, 2.6 },
    { "Cantarell, Sans 8", 2, 2.6 },
    { "Cantarell, Sans Italic 10", 1, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *grown = draw_text (cases[i].font, cases[i].scale, cases[i].width, FALSE);
      cairo_surface_t *stroked = draw_text (cases[i].font, cases[i].scale, cases[i].width, TRUE);
      cairo_surface_t *plain = draw_text (cases[i].font, cases[i].scale, 0, TRUE);
      guint halo = pixels_apart (stroked, plain, 8);
      guint apart = pixels_apart (grown, stroked, 32);

      g_test_message ("%s at %g: %u halo pixels, %u more than 32 levels apart, %u more than 8",
                      cases[i].font, cases[i].scale, halo, apart, pixels_apart (grown, stroked, 8));
      /* Grown, not stroked, and the halo is there. */
      g_assert_false (surfaces_equal (grown, stroked));
      g_assert_cmpuint (pixels_apart (grown, plain, 8), >=, halo * 85 / 100);
      g_assert_cmpuint (apart, <=, halo / 30);
      cairo_surface_destroy (grown);
      cairo_surface_destroy (stroked);
      cairo_surface_destroy (plain);
    }

  {
    cairo_surface_t *print = draw_text ("Cantarell, Sans 8", 300.0 / 72, 2.6, FALSE);
    cairo_surface_t *stroked = draw_text ("Cantarell, Sans 8", 300.0 / 72, 2.6, TRUE);

    g_assert_true (surfaces_equal (print, stroked));
    cairo_surface_destroy (print);
    cairo_surface_destroy (stroked);
  }
}

/* A glyph pixel grows by the radius: each pixel within reach takes the
 * share of it that a stroke about the glyph's edge would cover. */
static void
test_halo_grow (void)
{
  cairo_surface_t *glyphs = cairo_image_surface_create (CAIRO_FORMAT_A8, 9, 9);
  cairo_surface_t *grown = cairo_image_surface_create (CAIRO_FORMAT_A8, 9, 9);
  int stride = cairo_image_surface_get_stride (glyphs);
  const guint8 *g;

  cairo_surface_flush (glyphs);
  cairo_image_surface_get_data (glyphs)[4 * stride + 4] = 255;
  cairo_image_surface_get_data (glyphs)[0] = 128;
  cairo_surface_mark_dirty (glyphs);
  straits_halo_grow (glyphs, grown, 1.3);
  g = cairo_image_surface_get_data (grown);
  stride = cairo_image_surface_get_stride (grown);
  g_assert_cmpuint (g[4 * stride + 4], ==, 255);
  g_assert_cmpuint (g[4 * stride + 5], ==, 255);            /* 1 away: 1.3 + 1 - 1 */
  g_assert_cmpuint (g[5 * stride + 5], ==, 226);            /* √2 away: 0.886 */
  g_assert_cmpuint (g[4 * stride + 6], ==, 76);             /* 2 away: 0.3 */
  g_assert_cmpuint (g[5 * stride + 6], ==, 16);             /* √5 away: 0.064 */
  g_assert_cmpuint (g[6 * stride + 6], ==, 0);              /* √8 away */
  g_assert_cmpuint (g[4 * stride + 7], ==, 0);              /* 3 away */
  /* Half covered: its edge half a pixel further. */
  g_assert_cmpuint (g[0], ==, 255);
  g_assert_cmpuint (g[1], ==, 128 + 77);                   /* 0.502 + 0.3 */
  g_assert_cmpuint (g[2], ==, 0);                          /* 0.502 - 0.7 */
  cairo_surface_destroy (glyphs);
  cairo_surface_destroy (grown);
}

/* Where the first text's baseline starts and how wide it is, in user
 * units, as Pango measured it on the SVG surface. */
typedef struct {
  double baseline, width;
} Measured;

/* Under a blue square, text: plain, with a halo, and wrapped, in a space
 * moved by (20, 30) and scaled by 2; over it, a red square. */
static void
draw_texts (cairo_t *cr, double width, double height, guint page, gpointer data)
{
  g_autoptr(PangoLayout) plain = new_layout (cr, "A & B <C>", "Cantarell, Sans 10", -1);
  Measured *measured = data;
  PangoRectangle logical;
  g_autoptr(PangoLayout) halo = NULL;
  g_autoptr(PangoLayout) wrapped = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 5, 5, 50, 50);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_fill (cr);

  cairo_translate (cr, 20, 30);
  cairo_scale (cr, 2, 2);
  halo = new_layout (cr, "Türkiye", "Cantarell, Sans 8", -1);
  wrapped = new_layout (cr, "Map data: Natural Earth. Data: a long credit line", "Cantarell, Sans 6", 60);
  pango_layout_get_extents (plain, NULL, &logical);
  measured->width = logical.width / (double) PANGO_SCALE;
  measured->baseline = pango_layout_get_baseline (plain) / (double) PANGO_SCALE;
  cairo_move_to (cr, 5, 5);
  cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 0.5);
  straits_text_show (cr, plain);
  cairo_move_to (cr, 5, 40);
  cairo_set_source_rgb (cr, 0, 0, 0);
  straits_text_show_with_halo (cr, halo, &white, 0.85, 2.5);
  cairo_move_to (cr, 5, 60);
  straits_text_show (cr, wrapped);

  cairo_identity_matrix (cr);
  cairo_rectangle (cr, 100, 100, 30, 30);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_fill (cr);
}

static guint
index_of (GPtrArray *names, const char *name, gboolean last)
{
  guint found = G_MAXUINT;

  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (names->pdata[i], name) && (found == G_MAXUINT || last))
      found = i;
  return found;
}

static void
test_svg_text (void)
{
  Measured measured = { 0, 0 };
  g_autofree char *contents = svg_export (draw_texts, &measured, 300, 300);
  g_autoptr(Svg) svg = svg_read (contents);
  guint first_text, last_text;

  svg_assert_only_text (contents);
  /* Escaped in the file, itself again once read. */
  g_assert_nonnull (strstr (contents, "A &amp; B &lt;C&gt;"));
  g_assert_cmpuint (svg->texts->len, ==, 3);
  g_assert_cmpstr (svg_text_attribute (svg, 0, "content"), ==, "A & B <C>");
  g_assert_cmpstr (svg_text_attribute (svg, 1, "content"), ==, "Türkiye");
  g_assert_nonnull (strstr (svg_text_attribute (svg, 2, "content"), "Natural Earth"));
  g_assert_nonnull (strstr (contents, "</tspan><tspan"));

  /* In the order drawn: over the blue square, under the red one. */
  first_text = index_of (svg->order, "text", FALSE);
  last_text = index_of (svg->order, "text", TRUE);
  g_assert_cmpuint (index_of (svg->order, "path", FALSE), <, first_text);
  g_assert_cmpuint (index_of (svg->order, "path", TRUE), >, last_text);

  /* Placed in device space: the baseline of the first line, the font
   * and the width scaled with the user space. */
  g_assert_cmpfloat (measured.width, >, 20);
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "x"), 20 + 2 * 5, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "y"), 30 + 2 * (5 + measured.baseline), 0.01);
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "font-size"), 20, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "textLength"), 2 * measured.width, 0.01);
  g_assert_cmpstr (svg_text_attribute (svg, 0, "lengthAdjust"), ==, "spacingAndGlyphs");
  g_assert_cmpstr (svg_text_attribute (svg, 0, "fill"), ==, "#336699");
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "fill-opacity"), 0.5, 0.01);
  g_assert_nonnull (strstr (svg_text_attribute (svg, 0, "font-family"), "sans-serif"));
  g_assert_null (svg_text_attribute (svg, 0, "stroke"));

  /* The halo is a stroke under the fill. */
  g_assert_cmpstr (svg_text_attribute (svg, 1, "stroke"), ==, "#ffffff");
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 1, "stroke-width"), 5, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 1, "stroke-opacity"), 0.85, 0.01);
  g_assert_cmpstr (svg_text_attribute (svg, 1, "paint-order"), ==, "stroke");
  g_assert_cmpstr (svg_text_attribute (svg, 1, "stroke-linejoin"), ==, "round");
}

/* Text in a rotated space is turned with it. */
static void
draw_rotated (cairo_t *cr, double width, double height, guint page, gpointer data)
{
  g_autoptr(PangoLayout) layout = NULL;

  cairo_translate (cr, 50, 50);
  cairo_rotate (cr, G_PI / 2);
  layout = new_layout (cr, "Bosporus", "Cantarell, Sans 10", -1);
  cairo_move_to (cr, 0, 0);
  straits_text_show (cr, layout);
}

static void
test_svg_rotated (void)
{
  g_autofree char *contents = svg_export (draw_rotated, NULL, 100, 100);
  g_autoptr(Svg) svg = svg_read (contents);

  svg_assert_only_text (contents);
  g_assert_cmpuint (svg->texts->len, ==, 1);
  g_assert_true (g_str_has_prefix (svg_text_attribute (svg, 0, "transform"), "matrix(0 1 -1 0 50 50"));
  g_assert_cmpfloat_with_epsilon (svg_text_number (svg, 0, "font-size"), 10, 0.01);
}

/* Text that SVG text cannot show (a gradient) is drawn as before; text
 * clipped away is left out, as its glyphs would be. */
static void
draw_special (cairo_t *cr, double width, double height, guint page, gpointer data)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, "Gradient", "Cantarell, Sans 10", -1);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 100, 0);

  cairo_pattern_add_color_stop_rgb (gradient, 0, 1, 0, 0);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0, 0, 1);
  cairo_set_source (cr, gradient);
  cairo_move_to (cr, 10, 10);
  straits_text_show (cr, layout);
  cairo_pattern_destroy (gradient);

  cairo_rectangle (cr, 0, 50, 50, 50);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_text (layout, "Inside", -1);
  cairo_move_to (cr, 5, 60);
  straits_text_show (cr, layout);
  pango_layout_set_text (layout, "Outside", -1);
  cairo_move_to (cr, 70, 10);
  straits_text_show (cr, layout);
}

static void
test_svg_special (void)
{
  g_autofree char *contents = svg_export (draw_special, NULL, 100, 100);
  g_autoptr(Svg) svg = svg_read (contents);

  /* The gradient's glyphs are the drawing's only path. */
  g_assert_cmpuint (index_of (svg->order, "path", FALSE), !=, G_MAXUINT);
  g_assert_null (strstr (contents, "straits-text:"));
  g_assert_cmpuint (svg->texts->len, ==, 1);
  g_assert_cmpstr (svg_text_attribute (svg, 0, "content"), ==, "Inside");
}

/* Were cairo to write its stand-ins otherwise, the text goes on top
 * rather than be lost. */
static void
test_stand_ins_not_found (void)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (NULL, NULL, 100, 100);
  g_autoptr(StraitsSvgText) recorder = straits_svg_text_new (surface);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = new_layout (cr, "Aegean", "Cantarell, Sans 10", -1);
  g_autoptr(Svg) read = NULL;

  cairo_move_to (cr, 10, 10);
  straits_text_show (cr, layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_string_append (svg, "<svg><defs><image id=\"i1\" href=\"elsewhere:0\"/></defs><use href=\"#i1\"/></svg>");
  straits_svg_text_insert (recorder, svg);
  read = svg_read (svg->str);
  g_assert_cmpuint (read->texts->len, ==, 1);
  g_assert_cmpstr (svg_text_attribute (read, 0, "content"), ==, "Aegean");
  g_assert_cmpstr (read->order->pdata[read->order->len - 1], ==, "text");
}

/* Limits count characters: a Greek text of twice the limit is cut (its
 * bytes were once taken for characters, and it passed whole). */
static void
test_truncate_counts_characters (void)
{
  g_autoptr(GString) greek = g_string_new (NULL);
  g_autofree char *cut = NULL, *same = NULL, *exact = NULL;

  for (int i = 0; i < 400; i++)
    g_string_append (greek, "α");
  cut = straits_text_truncate (greek->str, 200);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, 200);
  g_assert_true (g_str_has_suffix (cut, "…"));
  g_assert_true (g_str_has_prefix (cut, "αα"));

  g_string_truncate (greek, 200 * strlen ("α"));
  exact = straits_text_truncate (greek->str, 200);
  g_assert_cmpstr (exact, ==, greek->str);
  same = straits_text_truncate ("Kyiv", 4);
  g_assert_cmpstr (same, ==, "Kyiv");
  g_clear_pointer (&same, g_free);
  same = straits_text_truncate ("Odesa", 4);
  g_assert_cmpstr (same, ==, "Ode…");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/raster-unchanged", test_raster_unchanged);
  g_test_add_func ("/text/raster-halo", test_raster_halo);
  g_test_add_func ("/text/halo-grow", test_halo_grow);
  g_test_add_func ("/text/svg", test_svg_text);
  g_test_add_func ("/text/svg-rotated", test_svg_rotated);
  g_test_add_func ("/text/svg-special", test_svg_special);
  g_test_add_func ("/text/stand-ins-not-found", test_stand_ins_not_found);
  g_test_add_func ("/text/truncate-counts-characters", test_truncate_counts_characters);
  return g_test_run ();
}
