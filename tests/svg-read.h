/* svg-read.h: SVG exports as the tests read them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-export.h"

G_BEGIN_DECLS

/* The drawing's elements in order, and each <text>'s content and
 * attributes (with those of its first <tspan>). */
typedef struct {
  GPtrArray *order;         /* element names outside <defs> */
  GPtrArray *texts;         /* GHashTable: attributes, and "content" */
  GHashTable *current;
  guint n_tspans;
  int defs;
} Svg;

/* Exports @draw as an SVG and returns the file's contents. */
char       *svg_export         (StraitsDrawFunc  draw,
                                gpointer         data,
                                double           width,
                                double           height);
/* Parses @contents, failing the test unless it is well-formed. */
Svg        *svg_read           (const char      *contents);
void        svg_free           (Svg             *svg);
const char *svg_text_attribute (Svg             *svg,
                                guint            i,
                                const char      *name);
double      svg_text_number    (Svg             *svg,
                                guint            i,
                                const char      *name);
gboolean    svg_has_text       (Svg             *svg,
                                const char      *wanted);
/* Neither glyph outlines nor stand-ins for text are left. */
void        svg_assert_only_text (const char    *contents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Svg, svg_free)

G_END_DECLS
