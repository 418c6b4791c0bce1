/* straits-map-style.h: colours, line widths and type sizes of a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "straits-model-types.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_MAP_STYLE_LIGHT,
  STRAITS_MAP_STYLE_DARK,
  STRAITS_MAP_STYLE_HIGH_CONTRAST,
  STRAITS_MAP_STYLE_PRINT,       /* black and white, groups as patterns */
} StraitsMapStyleKind;

typedef struct {
  StraitsMapStyleKind kind;
  StraitsColour sea;
  StraitsColour land;            /* states outside the EU */
  StraitsColour land_eu;         /* EU members in no group */
  StraitsColour border;
  StraitsColour coast;
  StraitsColour text;
  StraitsColour sea_text;
  StraitsColour halo;
  StraitsColour disputed;
  StraitsColour selection;      /* outline; fills at STRAITS_SELECTION_FILL_ALPHA */
  StraitsColour hover;
  double border_width;           /* points */
  double coast_width;
  double label_size;             /* points, countries */
  double small_label_size;       /* points, cities and seas */
  double scale;                  /* multiplies sizes: 1 on screen, more on projectors */
  gboolean patterns;             /* fill groups with patterns instead of colours */
} StraitsMapStyle;

/* How strongly a selected country and the straits' highlight are tinted
 * with the selection colour: at 0.25 a selected country over land
 * (#BCCFE5) was taken for sea (#DCEBF5); tests/test-palette.c measures. */
#define STRAITS_SELECTION_FILL_ALPHA 0.35

void straits_map_style_init (StraitsMapStyle     *style,
                             StraitsMapStyleKind  kind);
/* Field by field (a style holds doubles: no memcmp). */
gboolean straits_map_style_equal (const StraitsMapStyle *a,
                                  const StraitsMapStyle *b);

/* Okabe–Ito, safe for the common forms of colour blindness; used for
 * groups that give no colour. */
StraitsColour straits_map_style_palette (guint index);

G_END_DECLS
