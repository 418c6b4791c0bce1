/* straits-map-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-map-style.h"

#include <math.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const StraitsMapStyle styles[] = {
  [STRAITS_MAP_STYLE_LIGHT] = {
    STRAITS_MAP_STYLE_LIGHT,
    RGB (0xdcebf5), RGB (0xf2efe9), RGB (0xcccac6), RGB (0x8f8a83), RGB (0x6c8ca3),
    RGB (0x2e3436), RGB (0x3d6a8a), RGB (0xffffff), RGB (0x8f4a4a), RGB (0x1c71d8), RGB (0xe5a50a),
    0.6, 0.5, 9.0, 7.5, 1.0, FALSE, RGB (0xffffff), 0.8,
  },
  /* Sea, land and other EU members kept ΔE00 ≥ 8 apart, and from the
   * darkened fills, under the three colour blindnesses (#1f2a33 sea and
   * #4f4d4a other members were 7.0 and 6.8 from land); the dataset's
   * curves and dots, made for light ground, cased in opaque white (on a
   * dark halo, a military cooperation curve was 1.02:1 over other
   * members, a membership one ΔE00 2.0). */
  [STRAITS_MAP_STYLE_DARK] = {
    STRAITS_MAP_STYLE_DARK,
    RGB (0x0d1d2c), RGB (0x3a3a3c), RGB (0x63625f), RGB (0x8a8680), RGB (0x6f93ad),
    RGB (0xeeeeec), RGB (0x9cc3df), RGB (0x1e1e1e), RGB (0xe08b8b), RGB (0x78aeed), RGB (0xf8e45c),
    0.6, 0.5, 9.0, 7.5, 1.0, FALSE, RGB (0xffffff), 1.0,
  },
  /* Black coasts, borders and text over the palest ground that keeps
   * the areas ΔE00 ≥ 8 apart under colour blindness, and the dataset's
   * curves at 3:1 over them: a white sea and #e6e6e6 land were 5.2
   * apart, and #bfbfbf other members 2.7:1 under Participation curves. */
  [STRAITS_MAP_STYLE_HIGH_CONTRAST] = {
    STRAITS_MAP_STYLE_HIGH_CONTRAST,
    RGB (0xe9f9ff), RGB (0xf9f7ed), RGB (0xd2cfd2), RGB (0x000000), RGB (0x000000),
    RGB (0x000000), RGB (0x00306e), RGB (0xffffff), RGB (0x7a0000), RGB (0x0000cc), RGB (0xb35900),
    1.2, 1.2, 10.0, 8.5, 1.0, FALSE, RGB (0xffffff), 0.8,
  },
  [STRAITS_MAP_STYLE_PRINT] = {
    STRAITS_MAP_STYLE_PRINT,
    RGB (0xffffff), RGB (0xf4f4f4), RGB (0xdddddd), RGB (0x555555), RGB (0x222222),
    RGB (0x000000), RGB (0x333333), RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x555555),
    0.6, 0.6, 9.0, 7.5, 1.0, TRUE, RGB (0xffffff), 0.8,
  },
};

void
straits_map_style_init (StraitsMapStyle     *style,
                        StraitsMapStyleKind  kind)
{
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (styles));
  *style = styles[kind];
}

StraitsColour
straits_map_style_palette (guint index)
{
  static const StraitsColour okabe_ito[] = {
    RGB (0x009e73), RGB (0xe69f00), RGB (0xd55e00), RGB (0x56b4e9),
    RGB (0xcc79a7), RGB (0x0072b2), RGB (0xf0e442), RGB (0x000000),
  };
  return okabe_ito[index % G_N_ELEMENTS (okabe_ito)];
}

static gboolean
colour_equal (const StraitsColour *a, const StraitsColour *b)
{
  return a->r == b->r && a->g == b->g && a->b == b->b;
}

gboolean
straits_map_style_equal (const StraitsMapStyle *a,
                         const StraitsMapStyle *b)
{
  const StraitsColour *ca[] = { &a->sea, &a->land, &a->land_eu, &a->border, &a->coast, &a->text,
                                &a->sea_text, &a->halo, &a->disputed, &a->selection, &a->hover, &a->casing };
  const StraitsColour *cb[] = { &b->sea, &b->land, &b->land_eu, &b->border, &b->coast, &b->text,
                                &b->sea_text, &b->halo, &b->disputed, &b->selection, &b->hover, &b->casing };

  for (guint i = 0; i < G_N_ELEMENTS (ca); i++)
    if (!colour_equal (ca[i], cb[i]))
      return FALSE;
  return a->kind == b->kind && a->border_width == b->border_width && a->coast_width == b->coast_width &&
         a->label_size == b->label_size && a->small_label_size == b->small_label_size &&
         a->scale == b->scale && a->patterns == b->patterns && a->casing_alpha == b->casing_alpha;
}

/* sRGB and CIELAB (D65), for the dark style's fills. */
static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
from_linear (double c)
{
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
}

static double
lab_f_inverse (double t)
{
  return t > 6.0 / 29 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
}

static void
to_lab (const StraitsColour *c, double lab[3])
{
  double r = to_linear (c->r), g = to_linear (c->g), b = to_linear (c->b);
  double fx = lab_f ((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
  double fy = lab_f (0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
  double fz = lab_f ((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883);

  lab[0] = 116 * fy - 16;
  lab[1] = 500 * (fx - fy);
  lab[2] = 200 * (fy - fz);
}

/* Linear RGB of @lab, FALSE when outside sRGB. */
static gboolean
from_lab (const double lab[3], double rgb[3])
{
  double fy = (lab[0] + 16) / 116, fx = fy + lab[1] / 500, fz = fy - lab[2] / 200;
  double x = 0.95047 * lab_f_inverse (fx), y = lab_f_inverse (fy), z = 1.08883 * lab_f_inverse (fz);

  rgb[0] = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  rgb[1] = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  rgb[2] = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  for (int i = 0; i < 3; i++)
    if (rgb[i] < -1e-9 || rgb[i] > 1 + 1e-9)
      return FALSE;
  return TRUE;
}

/* The dark style's fills: a tint of lightness L (80 to 96 in the bundled
 * dataset) goes to 37 + 1.15 (L − 80), its chroma × 1.2, lessened until
 * the colour is in sRGB. Measured by tests/test-palette.c. */
#define DARK_FILL_LIGHTNESS 37.0
#define DARK_FILL_SLOPE 1.15
#define DARK_FILL_CHROMA 1.2

StraitsColour
straits_map_style_fill (const StraitsMapStyle *style,
                        const StraitsColour    *colour)
{
  const StraitsColour black = { 0, 0, 0 };
  double lab[3], out[3], rgb[3] = { 0, 0, 0 };

  g_return_val_if_fail (style != NULL && colour != NULL, black);
  if (style->kind != STRAITS_MAP_STYLE_DARK)
    return *colour;
  to_lab (colour, lab);
  out[0] = CLAMP (DARK_FILL_LIGHTNESS + (lab[0] - 80) * DARK_FILL_SLOPE, 0, 100);
  for (int k = 100; k >= 0; k--)
    {
      out[1] = lab[1] * DARK_FILL_CHROMA * k / 100;
      out[2] = lab[2] * DARK_FILL_CHROMA * k / 100;
      if (from_lab (out, rgb))
        break;
    }
  return (StraitsColour) { from_linear (CLAMP (rgb[0], 0, 1)), from_linear (CLAMP (rgb[1], 0, 1)),
                           from_linear (CLAMP (rgb[2], 0, 1)) };
}
