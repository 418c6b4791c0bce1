/* straits-chart.c
 *
 * Charts draw in points, like map figures: the same code serves the side
 * panel, exports and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "straits-chart.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-text.h"
#include "straits-workbook.h"

#define PAD 10.0

void
straits_chart_mark_clear (StraitsChartMark *mark)
{
  g_clear_pointer (&mark->label, g_free);
}

/* "Other" exists only for shares of a stated whole; it is computed from
 * the unrounded values when the source gives them all, so that rounding
 * does not invent or hide a part of the whole. */
gboolean
straits_chart_remainder_is_unrounded (const StraitsFigure *figure)
{
  for (guint i = 0; i < figure->n_values; i++)
    if (!figure->values[i].has_unrounded)
      return FALSE;
  return figure->n_values > 0;
}

double
straits_chart_remainder (const StraitsFigure *figure)
{
  gboolean unrounded = straits_chart_remainder_is_unrounded (figure);
  double sum = 0;

  if (figure->kind != STRAITS_FIGURE_SHARES || figure->whole == NULL)
    return 0;
  for (guint i = 0; i < figure->n_values; i++)
    sum += unrounded ? figure->values[i].unrounded : figure->values[i].value;
  /* Values are given to at most two decimals: keep the difference so. */
  return sum < 99.95 ? round ((100 - sum) * 100) / 100 : 0;
}

char *
straits_figure_value_label (StraitsDataset           *dataset,
                            const StraitsFigure      *figure,
                            const StraitsFigureValue *v)
{
  if (v->actor != STRAITS_NO_INDEX)
    {
      const StraitsActor *a = straits_dataset_get_actor (dataset, v->actor);
      return g_strdup (a->short_name ? a->short_name : a->name);
    }
  if (v->label != NULL)
    return g_strdup (v->label);
  return straits_date_format (&v->period);
}

/* A currency unit such as "USD billion" puts its code first: "USD 7.15
 * billion", as a reader writes it. */
static char *
format_amount (double value, const char *unit)
{
  if (g_strcmp0 (unit, "percent") == 0)
    return g_strdup_printf ("%g %%", value);
  if (unit != NULL && strlen (unit) > 4 && unit[3] == ' ' && g_ascii_isupper (unit[0]) &&
      g_ascii_isupper (unit[1]) && g_ascii_isupper (unit[2]))
    return g_strdup_printf ("%.3s %g %s", unit, value, unit + 4);
  return unit ? g_strdup_printf ("%g %s", value, unit) : g_strdup_printf ("%g", value);
}

/* An English-style ordinal, left to translators: "30th". */
char *
straits_chart_format_ordinal (double rank)
{
  long n = lround (rank);

  if (n % 100 >= 11 && n % 100 <= 13)
    /* Translators: an ordinal rank, e.g. "11th"; %ld is the number */
    return g_strdup_printf (_("%ldth"), n);
  switch (n % 10)
    {
    /* Translators: an ordinal rank, e.g. "1st" */
    case 1: return g_strdup_printf (_("%ldst"), n);
    /* Translators: an ordinal rank, e.g. "2nd" */
    case 2: return g_strdup_printf (_("%ldnd"), n);
    /* Translators: an ordinal rank, e.g. "3rd" */
    case 3: return g_strdup_printf (_("%ldrd"), n);
    default: return g_strdup_printf (_("%ldth"), n);
    }
}

char *
straits_chart_format_value (const StraitsFigure *figure, double value)
{
  g_autofree char *amount = NULL;

  if (figure->kind == STRAITS_FIGURE_SHARES)
    return g_strdup_printf ("%g %%", value);
  if (figure->kind == STRAITS_FIGURE_RANKING)
    /* Translators: a rank, e.g. "no. 3" */
    return g_strdup_printf (_("no. %g"), value);
  if (figure->kind == STRAITS_FIGURE_RANK)
    return straits_chart_format_ordinal (value);
  amount = format_amount (value, figure->unit);
  if (figure->kind == STRAITS_FIGURE_BOUND && figure->bound == STRAITS_BOUND_UPPER)
    /* Translators: an upper bound, e.g. "up to 67 %" */
    return g_strdup_printf (_("up to %s"), amount);
  if (figure->kind == STRAITS_FIGURE_BOUND && figure->bound == STRAITS_BOUND_LOWER)
    /* Translators: a lower bound, e.g. "at least 20 %" */
    return g_strdup_printf (_("at least %s"), amount);
  return g_steal_pointer (&amount);
}

/* "+29 % on the previous year", for a value with a stated change. */
char *
straits_chart_format_change (const StraitsFigure *figure)
{
  g_autofree char *amount = NULL;

  if (!figure->has_change)
    return NULL;
  amount = format_amount (figure->change, figure->change_unit);
  if (figure->change > 0)
    {
      char *signed_amount = g_strconcat ("+", amount, NULL);
      g_free (amount);
      amount = signed_amount;
    }
  if (figure->change_against == NULL)
    return g_steal_pointer (&amount);
  /* Translators: a change and what it is measured against, e.g.
   * "+29 % on the previous year" */
  return g_strdup_printf (_("%s on %s"), amount, figure->change_against);
}

/* "among the top buyers of French arms exports, of 96" or "…, number not
 * stated": a rank says what it is a rank among. */
char *
straits_chart_format_rank_base (const StraitsFigure *figure)
{
  if (figure->of > 0)
    /* Translators: a rank's base, e.g. "among 96 buyers of French arms" */
    return g_strdup_printf (_("among %s (%g in all)"), figure->base ? figure->base : "", figure->of);
  /* Translators: a rank's base when the source does not say how many
   * there are, e.g. "among the top buyers of French arms (number not stated)" */
  return g_strdup_printf (_("among %s (number not stated)"), figure->base ? figure->base : "");
}

static void
table_row_clear (gpointer data)
{
  StraitsChartTableRow *row = data;

  g_free (row->label);
  g_free (row->value);
}

static void
add_row (StraitsChartTable *table, char *label, char *value)
{
  StraitsChartTableRow row = { label, value };

  g_array_append_val (table->rows, row);
}

StraitsChartTable *
straits_chart_table_new (StraitsDataset      *dataset,
                         const StraitsFigure *figure)
{
  StraitsChartTable *table = g_new0 (StraitsChartTable, 1);
  double remainder = straits_chart_remainder (figure);

  table->title = figure->period ? g_strdup_printf ("%s (%s)", figure->title, figure->period)
                                : g_strdup (figure->title);
  table->rows = g_array_new (FALSE, FALSE, sizeof (StraitsChartTableRow));
  g_array_set_clear_func (table->rows, table_row_clear);
  table->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < figure->n_values; i++)
    add_row (table, straits_figure_value_label (dataset, figure, &figure->values[i]),
             straits_chart_format_value (figure, figure->values[i].value));
  if (remainder > 0)
    add_row (table, g_strdup (_("Other")), straits_chart_format_value (figure, remainder));
  if (figure->kind == STRAITS_FIGURE_VALUE && figure->has_change)
    add_row (table, g_strdup (_("Change")), straits_chart_format_change (figure));
  if (figure->kind == STRAITS_FIGURE_RANK)
    g_ptr_array_add (table->notes, straits_chart_format_rank_base (figure));
  if (figure->kind == STRAITS_FIGURE_SHARES && figure->whole)
    /* Translators: what shares are shares of */
    g_ptr_array_add (table->notes, g_strdup_printf (_("Shares of: %s"), figure->whole));
  if (figure->note)
    g_ptr_array_add (table->notes, g_strdup (figure->note));
  return table;
}

void
straits_chart_table_free (StraitsChartTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_array_unref (table->rows);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

char *
straits_chart_table_to_text (const StraitsChartTable *table)
{
  GString *s = g_string_new (table->title);

  g_string_append_c (s, '\n');
  for (guint i = 0; i < table->rows->len; i++)
    {
      const StraitsChartTableRow *row = &g_array_index (table->rows, StraitsChartTableRow, i);

      g_string_append_printf (s, "%s\t%s\n", row->label, row->value);
    }
  for (guint i = 0; i < table->notes->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (table->notes, i));
  return g_string_free (s, FALSE);
}

const char *
straits_chart_table_heading (guint column)
{
  if (column == 0)
    /* Translators: the heading of a chart table's first column: what each
     * value is of (a party, a year, a category) */
    return _("Item");
  /* Translators: the heading of a chart table's column of values */
  return _("Value");
}

static void
append_csv_record (GString *s, const char *label, const char *value)
{
  straits_csv_append_field (s, label);
  g_string_append_c (s, ',');
  straits_csv_append_field (s, value);
  g_string_append (s, "\r\n");
}

char *
straits_chart_table_to_csv (const StraitsChartTable *table)
{
  GString *s = g_string_new (NULL);

  append_csv_record (s, straits_chart_table_heading (0), straits_chart_table_heading (1));
  for (guint i = 0; i < table->rows->len; i++)
    {
      const StraitsChartTableRow *row = &g_array_index (table->rows, StraitsChartTableRow, i);

      append_csv_record (s, row->label, row->value);
    }
  return g_string_free (s, FALSE);
}

char *
straits_chart_table_text (StraitsDataset      *dataset,
                          const StraitsFigure *figure)
{
  g_autoptr(StraitsChartTable) table = straits_chart_table_new (dataset, figure);

  return straits_chart_table_to_text (table);
}

/* Text ------------------------------------------------------------------ */

/* Draws text with its top-left at (x, y) (or its right edge at x when
 * @right); returns its box. */
static StraitsRect
draw_text (cairo_t *cr, const char *text, double size, PangoWeight weight, double x, double y,
           double width, gboolean right, const StraitsColour *colour, GArray *texts)
{
  g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, text, size, weight, width);
  PangoRectangle logical;
  StraitsRect box;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  box = (StraitsRect) { right ? x - logical.width : x, y, logical.width, logical.height };
  cairo_move_to (cr, box.x - logical.x, box.y - logical.y);
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  straits_text_show (cr, layout);
  if (texts != NULL)
    g_array_append_val (texts, box);
  return box;
}

static double
text_width (cairo_t *cr, const char *text, double size, PangoWeight weight)
{
  g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, text, size, weight, -1);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* Header and footer: the title, the period and unit, and the source. */
static double
draw_header (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double width,
             const StraitsMapStyle *style, GArray *texts)
{
  StraitsRect box = draw_text (cr, figure->title, 11, PANGO_WEIGHT_BOLD, PAD, PAD, width - 2 * PAD,
                               FALSE, &style->text, texts);
  double y = box.y + box.height + 2;
  g_autofree char *sub = NULL;

  if (figure->period && figure->unit)
    sub = g_strdup_printf ("%s · %s", figure->period, figure->unit);
  else
    sub = g_strdup (figure->period ? figure->period : figure->unit);
  if (sub != NULL)
    {
      box = draw_text (cr, sub, 8, PANGO_WEIGHT_NORMAL, PAD, y, width - 2 * PAD, FALSE, &style->sea_text, texts);
      y = box.y + box.height;
    }
  return y + 8;
}

static double
footer_height (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double width,
               char **text)
{
  GString *s = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (figure->note)
    g_string_append_printf (s, "%s ", figure->note);
  for (guint i = 0; i < figure->citations.n; i++)
    {
      const StraitsCitation *c = &figure->citations.items[i];
      const StraitsSource *src = straits_dataset_get_source (dataset, c->source);

      g_string_append_printf (s, i == 0 ? _("Source: %s") : "; %s", src->title);
      if (c->locator)
        g_string_append_printf (s, ", “%s”", c->locator);
    }
  *text = g_string_free (s, FALSE);
  if (**text == '\0')
    return 0;
  layout = straits_text_layout_new_sized (cr, *text, 7, PANGO_WEIGHT_NORMAL, width - 2 * PAD);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height + PAD;
}

/* Bars ------------------------------------------------------------------ */

typedef struct {
  char *label;
  double value;
  gboolean remainder;
  StraitsColour colour;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->label);
}

static GArray *
collect_rows (StraitsDataset *dataset, const StraitsFigure *figure, const StraitsMapStyle *style)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  double remainder = straits_chart_remainder (figure);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  for (guint i = 0; i < figure->n_values; i++)
    {
      Row row = { straits_figure_value_label (dataset, figure, &figure->values[i]),
                  figure->values[i].value, FALSE, straits_map_style_palette (i) };
      g_array_append_val (rows, row);
    }
  if (remainder > 0)
    {
      Row row = { g_strdup (_("Other")), remainder, TRUE, style->land_eu };
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
add_mark (GArray *marks, StraitsRect rect, const Row *row)
{
  StraitsChartMark mark = { rect, row->value, g_strdup (row->label), row->remainder };

  if (marks != NULL)
    g_array_append_val (marks, mark);
  else
    g_free (mark.label);
}

/* Horizontal bars, one per row: label, bar, value. For shares the scale
 * is 0–100 %, so that bars of different charts compare. */
static void
draw_hbars (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
            double width, double height, const StraitsMapStyle *style, GArray *rows,
            GArray *marks, GArray *texts)
{
  double label_width = 0, value_width = 0, max = figure->kind == STRAITS_FIGURE_SHARES ? 100 : 0;
  double row_height = MIN (24, height / MAX (rows->len, 1)), bar_x, bar_width;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *value = straits_chart_format_value (figure, row->value);

      label_width = MAX (label_width, text_width (cr, row->label, 8.5, PANGO_WEIGHT_NORMAL));
      value_width = MAX (value_width, text_width (cr, value, 8.5, PANGO_WEIGHT_BOLD));
      max = MAX (max, row->value);
    }
  label_width = MIN (label_width, width * 0.4);
  bar_x = x + label_width + 6;
  bar_width = MAX (10, width - label_width - value_width - 14);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *value = straits_chart_format_value (figure, row->value);
      double ry = y + i * row_height, length = max > 0 ? bar_width * row->value / max : 0;
      StraitsRect bar = { bar_x, ry + row_height * 0.2, length, row_height * 0.6 };
      double text_y = ry + (row_height - 11) / 2;

      draw_text (cr, row->label, 8.5, PANGO_WEIGHT_NORMAL, x + label_width, text_y, -1, TRUE, &style->text, texts);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_set_source_rgb (cr, row->colour.r, row->colour.g, row->colour.b);
      cairo_fill (cr);
      draw_text (cr, value, 8.5, PANGO_WEIGHT_BOLD, bar.x + bar.width + 4, text_y, -1, FALSE, &style->text, texts);
      add_mark (marks, bar, row);
    }
}

/* Vertical bars for a series, with the change from one period to the
 * next written between them. */
static void
draw_series (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
             double width, double height, const StraitsMapStyle *style, GArray *rows,
             GArray *marks, GArray *texts)
{
  double max = 0, slot = width / MAX (rows->len, 1), base = y + height - 14, top = y + 30;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, g_array_index (rows, Row, i).value);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *value = straits_chart_format_value (figure, row->value);
      double h = max > 0 ? (base - top) * row->value / max : 0;
      StraitsRect bar = { x + i * slot + slot * 0.2, base - h, slot * 0.6, h };
      double vw = text_width (cr, value, 8, PANGO_WEIGHT_BOLD);
      double lw = text_width (cr, row->label, 8, PANGO_WEIGHT_NORMAL);

      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_set_source_rgb (cr, style->selection.r, style->selection.g, style->selection.b);
      cairo_fill (cr);
      draw_text (cr, value, 8, PANGO_WEIGHT_BOLD, bar.x + bar.width / 2 - vw / 2, bar.y - 12, -1, FALSE, &style->text, texts);
      draw_text (cr, row->label, 8, PANGO_WEIGHT_NORMAL, bar.x + bar.width / 2 - lw / 2, base + 2, -1, FALSE, &style->text, texts);
      add_mark (marks, bar, row);
      if (i > 0 && g_array_index (rows, Row, i - 1).value > 0)
        {
          double prev = g_array_index (rows, Row, i - 1).value;
          g_autofree char *growth = g_strdup_printf ("%+.0f %%", (row->value - prev) / prev * 100);
          double gw = text_width (cr, growth, 7.5, PANGO_WEIGHT_NORMAL);

          draw_text (cr, growth, 7.5, PANGO_WEIGHT_NORMAL, x + i * slot - gw / 2, top - 22, -1, FALSE,
                     &style->sea_text, texts);
        }
    }
}

/* A donut for shares, with its legend beside it. */
static void
draw_donut (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
            double width, double height, const StraitsMapStyle *style, GArray *rows,
            GArray *marks, GArray *texts)
{
  double r = MIN (height, width * 0.5) / 2 - 4, cx = x + r + 4, cy = y + height / 2, angle = -G_PI / 2;
  double lx = cx + r + 16, ly = y + MAX (0, height / 2 - rows->len * 8);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double sweep = 2 * G_PI * row->value / 100;
      g_autofree char *value = straits_chart_format_value (figure, row->value);
      g_autofree char *legend = g_strdup_printf ("%s  %s", row->label, value);
      StraitsRect box;

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, angle, angle + sweep);
      cairo_arc_negative (cr, cx, cy, r * 0.55, angle + sweep, angle);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, row->colour.r, row->colour.g, row->colour.b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      box = (StraitsRect) { cx - r, cy - r, 2 * r, 2 * r };
      add_mark (marks, box, row);
      angle += sweep;

      cairo_rectangle (cr, lx, ly + i * 16 + 2, 9, 9);
      cairo_set_source_rgb (cr, row->colour.r, row->colour.g, row->colour.b);
      cairo_fill (cr);
      draw_text (cr, legend, 8.5, PANGO_WEIGHT_NORMAL, lx + 14, ly + i * 16, -1, FALSE, &style->text, texts);
    }
}

/* A ranking: the subject's customers (or suppliers) in rank order. */
static void
draw_ranking (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
              double width, double height, const StraitsMapStyle *style, GArray *rows,
              GArray *marks, GArray *texts)
{
  double row_height = MIN (22, height / MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *rank = g_strdup_printf ("%g", row->value);
      double ry = y + i * row_height;
      StraitsRect badge = { x, ry + 2, 26, row_height - 4 };

      cairo_rectangle (cr, badge.x, badge.y, badge.width, badge.height);
      cairo_set_source_rgb (cr, style->selection.r, style->selection.g, style->selection.b);
      cairo_fill (cr);
      draw_text (cr, rank, 9, PANGO_WEIGHT_BOLD, badge.x + 4, ry + (row_height - 12) / 2, -1, FALSE, &style->halo, texts);
      draw_text (cr, row->label, 9, PANGO_WEIGHT_NORMAL, x + 34, ry + (row_height - 12) / 2, width - 40, FALSE,
                 &style->text, texts);
      add_mark (marks, badge, row);
    }
}

/* A card's frame: a rounded, lightly filled box. */
static void
draw_card_frame (cairo_t *cr, StraitsRect r, const StraitsMapStyle *style)
{
  double radius = 6;

  cairo_new_sub_path (cr);
  cairo_arc (cr, r.x + r.width - radius, r.y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r.x + r.width - radius, r.y + r.height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r.x + radius, r.y + r.height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r.x + radius, r.y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, style->land_eu.r, style->land_eu.g, style->land_eu.b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, style->sea_text.r, style->sea_text.g, style->sea_text.b);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

/* Lines of a card, centred, one under the other, the first large; returns
 * the height they take. Draws nothing when @draw is FALSE. */
static double
card_lines (cairo_t *cr, const char *const *lines, double big, double cx, double y, double width,
            const StraitsMapStyle *style, gboolean draw, GArray *texts)
{
  double top = y;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double size = i == 0 ? big : MIN (9.5, big * 0.6);
      PangoWeight weight = i == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
      g_autoptr(PangoLayout) layout = straits_text_layout_new_sized (cr, lines[i], size, weight, width);
      PangoRectangle logical;

      if (lines[i][0] == '\0')
        continue;
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (draw)
        {
          StraitsRect box = { cx - width / 2 + logical.x, y, logical.width, logical.height };

          cairo_move_to (cr, cx - width / 2, y - logical.y);
          cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
          straits_text_show (cr, layout);
          if (texts != NULL)
            g_array_append_val (texts, box);
        }
      y += logical.height + (i == 0 ? 6 : 3);
    }
  return y - top;
}

/* A figure card: the stated value, large, with what it is the value of and
 * any stated change; or a rank with its base. Never a bar: one number has
 * nothing to be compared with. */
static void
draw_card (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
           double width, double height, const StraitsMapStyle *style, GArray *rows,
           GArray *marks, GArray *texts)
{
  const StraitsFigureValue *v = &figure->values[0];
  Row *row = &g_array_index (rows, Row, 0);
  g_autofree char *value = straits_chart_format_value (figure, v->value);
  g_autofree char *what = NULL;
  g_autofree char *more = NULL;
  const char *lines[4] = { value, NULL, NULL, NULL };
  double card_width = MIN (width, 320), inner = card_width - 24, needed, big, pad = 12;
  StraitsRect card;

  if (figure->kind == STRAITS_FIGURE_RANK)
    {
      what = g_strdup (row->label);
      more = straits_chart_format_rank_base (figure);
    }
  else
    {
      what = g_strdup (row->label);
      more = straits_chart_format_change (figure);
    }
  lines[1] = what;
  lines[2] = more;
  /* The value as large as the space allows, down to a size still larger
   * than the text around it. */
  for (big = 26; ; big -= 2)
    {
      needed = card_lines (cr, lines, big, 0, 0, inner, style, FALSE, NULL) + 2 * pad;
      if (needed <= height || big <= 12)
        break;
      pad = 6;
    }
  card = (StraitsRect) { x + (width - card_width) / 2, y + MAX (0, (height - needed) / 2),
                         card_width, needed };
  draw_card_frame (cr, card, style);
  card_lines (cr, lines, big, card.x + card.width / 2, card.y + pad, inner, style, TRUE, texts);
  add_mark (marks, card, row);
}

/* A bound on a scale: the range the value may lie in is hatched, the bound
 * is a solid line with "up to …" or "at least …" beside it. Nothing else
 * is drawn: the rest of the scale is not "other", it is unknown. */
static void
draw_bound (StraitsDataset *dataset, const StraitsFigure *figure, cairo_t *cr, double x, double y,
            double width, double height, const StraitsMapStyle *style, GArray *rows,
            GArray *marks, GArray *texts)
{
  Row *row = &g_array_index (rows, Row, 0);
  gboolean percent = g_strcmp0 (figure->unit, "percent") == 0;
  double max = percent ? 100 : row->value * 1.5, label_width, scale_x, scale_w, bx, band_y, band_h = 26;
  g_autofree char *value = straits_chart_format_value (figure, row->value);
  StraitsRect band;

  label_width = MIN (text_width (cr, row->label, 8.5, PANGO_WEIGHT_NORMAL), width * 0.3);
  scale_x = x + label_width + 8;
  scale_w = MAX (10, width - label_width - 20);
  band_y = y + MAX (24, (height - band_h) / 2 - 10);
  bx = scale_x + scale_w * MIN (row->value, max) / max;
  band = figure->bound == STRAITS_BOUND_UPPER
         ? (StraitsRect) { scale_x, band_y, bx - scale_x, band_h }
         : (StraitsRect) { bx, band_y, scale_x + scale_w - bx, band_h };

  draw_text (cr, row->label, 8.5, PANGO_WEIGHT_NORMAL, x + label_width, band_y + (band_h - 11) / 2, -1, TRUE,
             &style->text, texts);
  /* The scale, with its ends. */
  cairo_set_source_rgb (cr, style->sea_text.r, style->sea_text.g, style->sea_text.b);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, scale_x, band_y + band_h + 0.5);
  cairo_line_to (cr, scale_x + scale_w, band_y + band_h + 0.5);
  cairo_stroke (cr);
  for (int i = 0; i <= 4; i++)
    {
      double tx = scale_x + scale_w * i / 4;
      g_autofree char *tick = format_amount (max * i / 4, figure->unit);
      double tw = text_width (cr, tick, 7, PANGO_WEIGHT_NORMAL);

      cairo_move_to (cr, tx, band_y + band_h);
      cairo_line_to (cr, tx, band_y + band_h + 4);
      cairo_stroke (cr);
      draw_text (cr, tick, 7, PANGO_WEIGHT_NORMAL, CLAMP (tx - tw / 2, scale_x, scale_x + scale_w - tw),
                 band_y + band_h + 5, -1, FALSE, &style->sea_text, texts);
    }
  /* The range the value may lie in: hatched, not filled. */
  cairo_save (cr);
  cairo_rectangle (cr, band.x, band.y, band.width, band.height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, row->colour.r, row->colour.g, row->colour.b);
  cairo_set_line_width (cr, 1.5);
  for (double hx = band.x - band.height; hx < band.x + band.width; hx += 6)
    {
      cairo_move_to (cr, hx, band.y + band.height);
      cairo_line_to (cr, hx + band.height, band.y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  /* The bound itself. */
  cairo_set_source_rgb (cr, style->text.r, style->text.g, style->text.b);
  cairo_set_line_width (cr, 2.5);
  cairo_move_to (cr, bx, band_y - 6);
  cairo_line_to (cr, bx, band_y + band_h);
  cairo_stroke (cr);
  {
    double vw = text_width (cr, value, 9.5, PANGO_WEIGHT_BOLD);

    draw_text (cr, value, 9.5, PANGO_WEIGHT_BOLD, CLAMP (bx - vw / 2, x, x + width - vw), band_y - 22, -1,
               FALSE, &style->text, texts);
  }
  draw_text (cr, _("Hatched: where the value may lie. The source gives only this bound."), 7.5,
             PANGO_WEIGHT_NORMAL, scale_x, band_y + band_h + 20, scale_w, FALSE, &style->sea_text, texts);
  add_mark (marks, band, row);
}

static int
compare_rank (gconstpointer a, gconstpointer b)
{
  double x = ((const Row *) a)->value, y = ((const Row *) b)->value;
  return x < y ? -1 : x > y;
}

void
straits_chart_draw (StraitsDataset        *dataset,
                    const StraitsFigure   *figure,
                    cairo_t               *cr,
                    double                 width,
                    double                 height,
                    const StraitsMapStyle *style,
                    StraitsChartKind       kind,
                    GArray                *marks,
                    GArray                *texts)
{
  g_autoptr(GArray) rows = collect_rows (dataset, figure, style);
  g_autofree char *footer = NULL;
  double top, bottom;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, style->halo.r, style->halo.g, style->halo.b);
  cairo_paint (cr);

  top = draw_header (dataset, figure, cr, width, style, texts);
  bottom = height - footer_height (dataset, figure, cr, width, &footer);
  if (footer[0] != '\0')
    draw_text (cr, footer, 7, PANGO_WEIGHT_NORMAL, PAD, bottom + PAD / 2, width - 2 * PAD, FALSE,
               &style->sea_text, texts);

  if ((figure->kind == STRAITS_FIGURE_VALUE || figure->kind == STRAITS_FIGURE_RANK) && rows->len > 0)
    draw_card (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
  else if (figure->kind == STRAITS_FIGURE_BOUND && rows->len > 0)
    draw_bound (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
  else if (figure->kind == STRAITS_FIGURE_RANKING)
    {
      g_array_sort (rows, compare_rank);
      draw_ranking (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
    }
  else if (figure->kind == STRAITS_FIGURE_SERIES)
    draw_series (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
  else if (kind == STRAITS_CHART_DONUT)
    draw_donut (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
  else
    draw_hbars (dataset, figure, cr, PAD, top, width - 2 * PAD, bottom - top, style, rows, marks, texts);
  cairo_restore (cr);
}

/* Export ------------------------------------------------------------------ */

/* A chart as a figure of its own: in the light style whatever the
 * screen's, with a handling marking in the corner when one is given. */
void
straits_chart_draw_page (StraitsDataset      *dataset,
                         const StraitsFigure *figure,
                         StraitsChartKind     kind,
                         const char          *marking,
                         cairo_t             *cr,
                         double               width,
                         double               height)
{
  StraitsMapStyle style;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  straits_chart_draw (dataset, figure, cr, width, height, &style, kind, NULL, NULL);
  if (marking != NULL && marking[0] != '\0')
    straits_figure_page_draw_marking (cr, marking, width);
}

/* The chart's alt text: its title, then its values as a table. */
char *
straits_chart_describe (StraitsDataset      *dataset,
                        const StraitsFigure *figure)
{
  g_autofree char *table = straits_chart_table_text (dataset, figure);

  /* Translators: a chart's alt text: its title, then one line per value */
  return g_strdup_printf (_("Chart: %s.\n%s"), figure->title, table);
}

typedef struct {
  StraitsDataset *dataset;
  const StraitsFigure *figure;
  StraitsChartKind kind;
  const char *marking;
} ChartPage;

static void
draw_chart_page (cairo_t  *cr,
                 double    width,
                 double    height,
                 guint     page,
                 gpointer  user_data)
{
  ChartPage *job = user_data;

  straits_chart_draw_page (job->dataset, job->figure, job->kind, job->marking, cr, width, height);
}

/* Writes figure @figure as a chart to @filename (PNG, PDF or SVG by its
 * extension), atomically, with its alt text as the PDF's subject. */
gboolean
straits_chart_export (StraitsDataset    *dataset,
                      guint32            figure,
                      StraitsChartKind   kind,
                      const char        *marking,
                      const char        *filename,
                      double             width_pt,
                      double             height_pt,
                      double             dpi,
                      GError           **error)
{
  ChartPage job = { dataset, straits_dataset_get_figure (dataset, figure), kind, marking };
  g_autofree char *description = straits_chart_describe (dataset, job.figure);
  StraitsExportMetadata meta = { job.figure->title, description, NULL, NULL };

  return straits_export (filename, width_pt, height_pt, dpi, 1, draw_chart_page, &job, &meta, error);
}
