/* straits-arms-chart.c
 *
 * The numbers drawn are the breakdown's, with their method in the
 * subtitle and SIPRI's citation in the footer of every chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "straits-arms-chart.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-text.h"

#define PAD 10.0

static const StraitsColour bar_colour = { 0.49, 0.12, 0.42 };   /* the map's flows */
static const StraitsColour muted_colour = { 0.72, 0.72, 0.72 };

StraitsArmsChart *
straits_arms_chart_new (const char           *title,
                        const char           *subtitle,
                        const char           *source,
                        StraitsArmsChartKind  kind,
                        StraitsArmsBreakdown *breakdown,
                        guint                 mark_from,
                        guint                 mark_to)
{
  StraitsArmsChart *chart = g_new0 (StraitsArmsChart, 1);

  chart->title = g_strdup (title);
  chart->subtitle = g_strdup (subtitle);
  chart->source = g_strdup (source);
  chart->kind = kind;
  chart->breakdown = breakdown;
  chart->mark_from = mark_from;
  chart->mark_to = mark_to;
  return chart;
}

void
straits_arms_chart_free (StraitsArmsChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->source);
  straits_arms_breakdown_free (chart->breakdown);
  g_free (chart);
}

char *
straits_arms_chart_subtitle (guint from, guint to, gboolean exclude_local_production)
{
  /* Translators: a chart's subtitle: the period, the unit, what is counted */
  return g_strdup_printf (_("%u–%u · TIV (millions) · %s"), from, to,
                          exclude_local_production ? _("without local (licensed) production")
                                                   : _("with local (licensed) production"));
}

/* Text ---------------------------------------------------------------------- */

typedef enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTRE } Align;

/* Draws @text with its top at @y, aligned at @x; returns its box. */
static StraitsRect
show_text (cairo_t *cr, const char *text, double size, PangoWeight weight, double x, double y, double width,
           Align align, const StraitsColour *colour, GArray *texts)
{
  g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, text, size, weight, width);
  PangoRectangle logical;
  StraitsRect box;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  box = (StraitsRect) { align == ALIGN_RIGHT ? x - logical.width : align == ALIGN_CENTRE ? x - logical.width / 2.0 : x,
                        y, logical.width, logical.height };
  cairo_move_to (cr, box.x - logical.x, box.y - logical.y);
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  straits_text_show (cr, layout);
  if (texts != NULL)
    g_array_append_val (texts, box);
  return box;
}

static double
measure (cairo_t *cr, const char *text, double size, PangoWeight weight, double width, double *height)
{
  g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, text, size, weight, width);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (height != NULL)
    *height = logical.height;
  return logical.width;
}

static char *
format_tiv (double tiv)
{
  return g_strdup_printf ("%.1f", tiv);
}

static void
add_mark (GArray *marks, StraitsRect rect, const StraitsArmsRow *row)
{
  StraitsChartMark mark = { rect, row->tiv, g_strdup (row->name), row->remainder };

  if (marks != NULL)
    g_array_append_val (marks, mark);
  else
    g_free (mark.label);
}

/* Bars ---------------------------------------------------------------------- */

static void
draw_bars (const StraitsArmsChart *chart, cairo_t *cr, double x, double y, double width, double height,
           const StraitsMapStyle *style, GArray *marks, GArray *texts)
{
  GArray *rows = chart->breakdown->rows;
  double label_width = 0, value_width = 0, max = 0, row_height, bar_x, bar_width;

  for (guint i = 0; i < rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (rows, StraitsArmsRow, i);
      g_autofree char *value = g_strdup_printf ("%.1f (%.1f %%)", row->tiv, row->share_pct);

      label_width = MAX (label_width, measure (cr, row->name, 8.5, PANGO_WEIGHT_NORMAL, -1, NULL));
      value_width = MAX (value_width, measure (cr, value, 8.5, PANGO_WEIGHT_BOLD, -1, NULL));
      max = MAX (max, row->tiv);
    }
  row_height = MIN (22, height / MAX (rows->len, 1));
  label_width = MIN (label_width, width * 0.38);
  bar_x = x + label_width + 6;
  bar_width = MAX (10, width - label_width - value_width - 14);
  for (guint i = 0; i < rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (rows, StraitsArmsRow, i);
      g_autofree char *value = g_strdup_printf ("%.1f (%.1f %%)", row->tiv, row->share_pct);
      double ry = y + i * row_height, text_y = ry + (row_height - 11) / 2;
      StraitsRect bar = { bar_x, ry + row_height * 0.2, max > 0 ? bar_width * row->tiv / max : 0, row_height * 0.6 };
      const StraitsColour *colour = row->remainder ? &muted_colour : &bar_colour;

      show_text (cr, row->name, 8.5, PANGO_WEIGHT_NORMAL, x + label_width, text_y, -1, ALIGN_RIGHT, &style->text, texts);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
      cairo_fill (cr);
      show_text (cr, value, 8.5, PANGO_WEIGHT_BOLD, bar.x + bar.width + 4, text_y, -1, ALIGN_LEFT, &style->text, texts);
      add_mark (marks, bar, row);
    }
}

/* Years --------------------------------------------------------------------- */

/* Vertical bars, one a year; the period's bars in colour on a shaded
 * band, the years around it grey. */
static void
draw_years (const StraitsArmsChart *chart, cairo_t *cr, double x, double y, double width, double height,
            const StraitsMapStyle *style, GArray *marks, GArray *texts)
{
  GArray *rows = chart->breakdown->rows;
  double max = 0, slot = width / MAX (rows->len, 1), base = y + height - 14, top = y + 14;
  gboolean label_all = slot >= 26;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, g_array_index (rows, StraitsArmsRow, i).tiv);
  for (guint i = 0; i < rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (rows, StraitsArmsRow, i);
      guint year = (guint) g_ascii_strtoull (row->key, NULL, 10);
      gboolean marked = year >= chart->mark_from && year <= chart->mark_to;
      double h = max > 0 ? (base - top) * row->tiv / max : 0;
      StraitsRect bar = { x + i * slot + slot * 0.15, base - h, slot * 0.7, h };
      g_autofree char *value = format_tiv (row->tiv);
      g_autofree char *year_text = g_strdup_printf (slot >= 22 ? "%u" : "’%02u", slot >= 22 ? year : year % 100);

      if (marked)
        {
          cairo_rectangle (cr, x + i * slot, top - 12, slot, base - top + 12);
          cairo_set_source_rgba (cr, bar_colour.r, bar_colour.g, bar_colour.b, 0.10);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_set_source_rgb (cr, marked ? bar_colour.r : muted_colour.r, marked ? bar_colour.g : muted_colour.g,
                            marked ? bar_colour.b : muted_colour.b);
      cairo_fill (cr);
      if (marked || label_all)
        show_text (cr, value, 7, marked ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, bar.x + bar.width / 2, bar.y - 10,
                   -1, ALIGN_CENTRE, &style->text, texts);
      if (label_all || i % 5 == 0 || year == chart->mark_from || year == chart->mark_to)
        show_text (cr, year_text, 7, PANGO_WEIGHT_NORMAL, bar.x + bar.width / 2, base + 2, -1, ALIGN_CENTRE,
                   &style->text, texts);
      add_mark (marks, bar, row);
    }
  /* The axis. */
  cairo_move_to (cr, x, base + 0.5);
  cairo_line_to (cr, x + width, base + 0.5);
  cairo_set_source_rgb (cr, style->border.r, style->border.g, style->border.b);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

void
straits_arms_chart_draw (const StraitsArmsChart *chart,
                         cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const StraitsMapStyle  *style,
                         GArray                 *marks,
                         GArray                 *texts)
{
  StraitsRect box;
  double top, footer_height = 0;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
  cairo_paint (cr);

  box = show_text (cr, chart->title, 11, PANGO_WEIGHT_BOLD, PAD, PAD, width - 2 * PAD, ALIGN_LEFT, &style->text, texts);
  top = box.y + box.height + 2;
  box = show_text (cr, chart->subtitle, 8, PANGO_WEIGHT_NORMAL, PAD, top, width - 2 * PAD, ALIGN_LEFT,
                   &style->sea_text, texts);
  top = box.y + box.height + 8;
  measure (cr, chart->source, 7, PANGO_WEIGHT_NORMAL, width - 2 * PAD, &footer_height);
  show_text (cr, chart->source, 7, PANGO_WEIGHT_NORMAL, PAD, height - footer_height - PAD / 2, width - 2 * PAD,
             ALIGN_LEFT, &style->sea_text, texts);

  if (chart->breakdown->rows->len == 0 || chart->breakdown->total_tiv <= 0)
    show_text (cr, _("No deliveries recorded in the period."), 9, PANGO_WEIGHT_NORMAL, PAD, top, width - 2 * PAD,
               ALIGN_LEFT, &style->text, texts);
  else if (chart->kind == STRAITS_ARMS_CHART_YEARS)
    draw_years (chart, cr, PAD, top, width - 2 * PAD, height - top - footer_height - PAD, style, marks, texts);
  else
    draw_bars (chart, cr, PAD, top, width - 2 * PAD, height - top - footer_height - PAD, style, marks, texts);
  cairo_restore (cr);
}

char *
straits_arms_chart_describe (const StraitsArmsChart *chart)
{
  GString *s = g_string_new (NULL);

  /* Translators: a chart's alt text: its title, then one line per value */
  g_string_append_printf (s, _("Chart: %s.\n"), chart->title);
  g_string_append_printf (s, "%s\n", chart->subtitle);
  /* A time series shows years around the period: no total, no shares. */
  for (guint i = 0; i < chart->breakdown->rows->len; i++)
    {
      const StraitsArmsRow *row = &g_array_index (chart->breakdown->rows, StraitsArmsRow, i);

      if (chart->kind == STRAITS_ARMS_CHART_YEARS)
        g_string_append_printf (s, "%s\t%.2f\n", row->name, row->tiv);
      else
        g_string_append_printf (s, "%s\t%.2f\t%.2f %%\n", row->name, row->tiv, row->share_pct);
    }
  if (chart->kind == STRAITS_ARMS_CHART_BARS)
    g_string_append_printf (s, _("Total\t%.2f\n"), chart->breakdown->total_tiv);
  g_string_append_printf (s, _("Source: %s\n"), chart->source);
  return g_string_free (s, FALSE);
}

typedef struct {
  const StraitsArmsChart *chart;
  const char *marking;
} ChartPage;

static void
draw_page (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  ChartPage *job = user_data;
  StraitsMapStyle style;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  straits_arms_chart_draw (job->chart, cr, width, height, &style, NULL, NULL);
  if (job->marking != NULL && job->marking[0] != '\0')
    straits_figure_page_draw_marking (cr, job->marking, width);
}

gboolean
straits_arms_chart_export (const StraitsArmsChart *chart,
                           const char             *marking,
                           const char             *filename,
                           double                  width_pt,
                           double                  height_pt,
                           double                  dpi,
                           GError                **error)
{
  ChartPage job = { chart, marking };
  g_autofree char *description = straits_arms_chart_describe (chart);
  StraitsExportMetadata meta = { chart->title, description, NULL, NULL };

  return straits_export (filename, width_pt, height_pt, dpi, 1, draw_page, &job, &meta, error);
}
