/* straits-map-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-map-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const StraitsMapStyle styles[] = {
  [STRAITS_MAP_STYLE_LIGHT] = {
    STRAITS_MAP_STYLE_LIGHT,
    RGB (0xdcebf5), RGB (0xf2efe9), RGB (0xcccac6), RGB (0x8f8a83), RGB (0x6c8ca3),
    RGB (0x2e3436), RGB (0x3d6a8a), RGB (0xffffff), RGB (0x8f4a4a), RGB (0x1c71d8), RGB (0xe5a50a),
    0.6, 0.5, 9.0, 7.5, 1.0, FALSE,
  },
  [STRAITS_MAP_STYLE_DARK] = {
    STRAITS_MAP_STYLE_DARK,
    RGB (0x1f2a33), RGB (0x3a3a3c), RGB (0x4f4d4a), RGB (0x8a8680), RGB (0x6f93ad),
    RGB (0xeeeeec), RGB (0x9cc3df), RGB (0x1e1e1e), RGB (0xe08b8b), RGB (0x78aeed), RGB (0xf8e45c),
    0.6, 0.5, 9.0, 7.5, 1.0, FALSE,
  },
  [STRAITS_MAP_STYLE_HIGH_CONTRAST] = {
    STRAITS_MAP_STYLE_HIGH_CONTRAST,
    RGB (0xffffff), RGB (0xe6e6e6), RGB (0xbfbfbf), RGB (0x000000), RGB (0x000000),
    RGB (0x000000), RGB (0x00306e), RGB (0xffffff), RGB (0x7a0000), RGB (0x0000cc), RGB (0xb35900),
    1.2, 1.2, 10.0, 8.5, 1.0, FALSE,
  },
  [STRAITS_MAP_STYLE_PRINT] = {
    STRAITS_MAP_STYLE_PRINT,
    RGB (0xffffff), RGB (0xf4f4f4), RGB (0xdddddd), RGB (0x555555), RGB (0x222222),
    RGB (0x000000), RGB (0x333333), RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x555555),
    0.6, 0.6, 9.0, 7.5, 1.0, TRUE,
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
                                &a->sea_text, &a->halo, &a->disputed, &a->selection, &a->hover };
  const StraitsColour *cb[] = { &b->sea, &b->land, &b->land_eu, &b->border, &b->coast, &b->text,
                                &b->sea_text, &b->halo, &b->disputed, &b->selection, &b->hover };

  for (guint i = 0; i < G_N_ELEMENTS (ca); i++)
    if (!colour_equal (ca[i], cb[i]))
      return FALSE;
  return a->kind == b->kind && a->border_width == b->border_width && a->coast_width == b->coast_width &&
         a->label_size == b->label_size && a->small_label_size == b->small_label_size &&
         a->scale == b->scale && a->patterns == b->patterns;
}
