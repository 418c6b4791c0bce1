/* straits-figure.c
 *
 * Sizes are in points: a figure printed on A4 reads as designed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "straits-figure.h"

#define MARGIN 18.0

char *
straits_figure_credits (StraitsDataset *dataset)
{
  GString *s = g_string_new (_("Map data: Natural Earth."));

  for (guint i = 0; dataset != NULL && i < straits_dataset_get_n_sources (dataset); i++)
    {
      const StraitsSource *src = straits_dataset_get_source (dataset, i);
      g_autofree char *authors = NULL;

      if (src->authors != NULL && src->authors[0] != NULL)
        authors = src->authors[1] ? g_strdup_printf (_("%s et al."), src->authors[0]) : g_strdup (src->authors[0]);
      g_string_append_printf (s, i == 0 ? _(" Data: %s%s%s") : "; %s%s%s",
                              authors ? authors : "", authors ? ", " : "", src->title);
      if (src->doi)
        g_string_append_printf (s, ", doi:%s", src->doi);
      if (src->licence)
        g_string_append_printf (s, " (%s)", src->licence);
    }
  if (dataset != NULL && straits_dataset_get_n_sources (dataset) > 0)
    g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static double
draw_text_block (cairo_t    *cr,
                 const char *text,
                 double      size,
                 PangoWeight weight,
                 double      x,
                 double      y,
                 double      width,
                 gboolean    draw)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  PangoRectangle logical;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  return logical.height;
}

void
straits_figure_draw (StraitsMapRenderer         *renderer,
                     cairo_t                    *cr,
                     double                      width,
                     double                      height,
                     const StraitsFigureOptions *options)
{
  const StraitsMapStyle *style = straits_map_renderer_get_style (renderer);
  double top = MARGIN, bottom = height - MARGIN, inner = width - 2 * MARGIN;
  g_autofree char *credits = NULL;
  StraitsViewport vp;

  cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);

  if (options->title != NULL && options->title[0] != '\0')
    {
      top += draw_text_block (cr, options->title, 16, PANGO_WEIGHT_BOLD, MARGIN, top, inner, TRUE) + 2;
      if (options->subtitle != NULL && options->subtitle[0] != '\0')
        top += draw_text_block (cr, options->subtitle, 10.5, PANGO_WEIGHT_NORMAL, MARGIN, top, inner, TRUE);
      top += 8;
    }
  if (options->credits)
    {
      double h;

      credits = straits_figure_credits (straits_map_renderer_get_dataset (renderer));
      h = draw_text_block (cr, credits, 6.5, PANGO_WEIGHT_NORMAL, MARGIN, 0, inner, FALSE);
      bottom -= h;
      draw_text_block (cr, credits, 6.5, PANGO_WEIGHT_NORMAL, MARGIN, bottom, inner, TRUE);
      bottom -= 6;
    }

  cairo_save (cr);
  cairo_translate (cr, MARGIN, top);
  vp = options->viewport ? *options->viewport
                         : straits_map_renderer_fit (renderer, inner, bottom - top);
  straits_map_renderer_set_show_legend (renderer, options->legend);
  straits_map_renderer_draw (renderer, cr, inner, bottom - top, &vp);
  cairo_rectangle (cr, 0, 0, inner, bottom - top);
  cairo_set_source_rgb (cr, style->border.r, style->border.g, style->border.b);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}
