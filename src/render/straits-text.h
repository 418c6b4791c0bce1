/* straits-text.h: text drawn with Pango, kept as text in SVG exports
 *
 * Every piece of text the renderers draw goes through these functions.
 * On most targets they draw with pango_cairo, as before. On an SVG
 * surface that an exporter gave a StraitsSvgText, they draw no glyphs but
 * record the text as SVG <text> elements, which the exporter puts into
 * cairo's SVG where the glyphs would have been: cairo's SVG surface writes
 * glyphs as outlines, which no one can search, select or edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "straits-model-types.h"

G_BEGIN_DECLS

/* Whether @cr draws for print: a vector surface (PDF, SVG) or an image
 * whose user unit spans two device pixels or more (a 300-dpi PNG). */
gboolean     straits_text_for_print  (cairo_t             *cr);
/* Sets @context up for @cr: 72 dpi, so that font sizes in points are
 * sizes in user units; for print, glyphs placed where the font puts them
 * (not rounded to whole user units, which are points) and metrics not
 * hinted, so that "Turkey" does not print as "T urkey". */
void         straits_text_setup_context (PangoContext     *context,
                                         cairo_t          *cr);
/* pango_cairo_update_context() for @cr, called only when @cr's matrix or
 * font options differ from those @context last had: Pango marks the
 * context changed, and shapes its layouts again, at every call. */
void         straits_text_update_context (cairo_t          *cr,
                                          PangoContext     *context);
/* A layout for @cr, set up as above. (transfer full) */
PangoLayout *straits_text_layout_new (cairo_t             *cr);
/* A layout of @text in the charts' face (Cantarell) at @size points and
 * @weight, wrapped at @width points when @width > 0. (transfer full) */
PangoLayout *straits_text_layout_new_sized (cairo_t       *cr,
                                            const char    *text,
                                            double         size,
                                            PangoWeight    weight,
                                            double         width);

/* @text cut to @max_chars characters, the last an ellipsis, when longer:
 * a bounded layout cost for texts a dataset may make long. (transfer full) */
char *straits_text_truncate      (const char          *text,
                                  glong                max_chars);
/* (transfer full) */
char *straits_text_for_label     (const char          *text,
                                  glong                max_chars);
/* Draws @layout with its top-left corner at the current point, in the
 * current source, like pango_cairo_show_layout(). */
void straits_text_show           (cairo_t             *cr,
                                  PangoLayout         *layout);
/* The same over a halo: the glyphs' outlines stroked @width wide (in user
 * units) in @halo at @alpha, with round joins. */
void straits_text_show_with_halo (cairo_t             *cr,
                                  PangoLayout         *layout,
                                  const StraitsColour *halo,
                                  double               alpha,
                                  double               width);

typedef struct _StraitsSvgText StraitsSvgText;

/* Makes text drawn on @svg_surface (a cairo SVG surface) into SVG text,
 * until the StraitsSvgText is freed. (transfer full) */
StraitsSvgText *straits_svg_text_new    (cairo_surface_t *svg_surface);
/* Puts the text recorded into @svg, the document cairo wrote once the
 * surface was finished, each element where cairo drew its stand-in, so
 * that what was drawn over the text stays over it. */
void            straits_svg_text_insert (StraitsSvgText  *self,
                                         GString         *svg);
void            straits_svg_text_free   (StraitsSvgText  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsSvgText, straits_svg_text_free)

G_END_DECLS
