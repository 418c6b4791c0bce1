/* test-chart.c: the chart renderer on image surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "straits-chart.h"

static StraitsDataset *dataset;

static const StraitsFigure *
figure (const char *id)
{
  guint32 index = straits_dataset_find_figure (dataset, id);

  g_assert_cmpuint (index, !=, STRAITS_NO_INDEX);
  return straits_dataset_get_figure (dataset, index);
}

static void
draw (const StraitsFigure *f, StraitsChartKind kind, double w, double h, GArray *marks, GArray *texts)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cairo_t *cr = cairo_create (s);
  StraitsMapStyle style;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  straits_chart_draw (dataset, f, cr, w, h, &style, kind, marks, texts);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static GArray *
new_marks (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (StraitsChartMark));

  g_array_set_clear_func (marks, (GDestroyNotify) straits_chart_mark_clear);
  return marks;
}

/* Turkey's arms imports 2020–2024: 34, 24, 19, 17 and "other", computed
 * from SIPRI's unrounded shares (33.79 + 24.07 + 18.68 + 16.61), so 6.85
 * rather than the 6 the rounded values would give; bars on one 0–100
 * scale, so lengths are proportional to the values. */
static void
test_shares_bars (void)
{
  const StraitsFigure *f = figure ("fig-tur-arms-import-shares");
  g_autoptr(GArray) marks = new_marks ();
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (StraitsRect));
  const StraitsChartMark *first, *last;

  g_assert_true (straits_chart_remainder_is_unrounded (f));
  g_assert_cmpfloat_with_epsilon (straits_chart_remainder (f), 6.85, 1e-9);
  draw (f, STRAITS_CHART_BARS, 480, 260, marks, texts);
  g_assert_cmpuint (marks->len, ==, 5);
  first = &g_array_index (marks, StraitsChartMark, 0);
  last = &g_array_index (marks, StraitsChartMark, 4);
  g_assert_true (last->remainder);
  g_assert_cmpfloat_with_epsilon (last->value, 6.85, 1e-9);
  for (guint i = 0; i < marks->len; i++)
    {
      const StraitsChartMark *m = &g_array_index (marks, StraitsChartMark, i);

      /* width / value is the same for every bar */
      g_assert_cmpfloat_with_epsilon (m->rect.width / m->value, first->rect.width / first->value, 1e-6);
    }
  for (guint i = 0; i < texts->len; i++)
    {
      const StraitsRect *a = &g_array_index (texts, StraitsRect, i);

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, 480);
      g_assert_cmpfloat (a->y + a->height, <=, 260);
      for (guint j = i + 1; j < texts->len; j++)
        g_assert_false (straits_rects_intersect (a, &g_array_index (texts, StraitsRect, j)));
    }
}

static void
test_donut_and_ranking_fit (void)
{
  const char *ids[] = { "fig-tur-arms-import-shares", "fig-fra-customers-tur-rank", "fig-tur-defence-exports" };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autoptr(GArray) marks = new_marks ();

      draw (figure (ids[k]), STRAITS_CHART_DONUT, 360, 240, marks, NULL);
      g_assert_cmpuint (marks->len, >, 0);
      for (guint i = 0; i < marks->len; i++)
        {
          const StraitsRect *r = &g_array_index (marks, StraitsChartMark, i).rect;

          g_assert_cmpfloat (r->x, >=, 0);
          g_assert_cmpfloat (r->y, >=, 0);
          g_assert_cmpfloat (r->x + r->width, <=, 360);
          g_assert_cmpfloat (r->y + r->height, <=, 240);
        }
    }
}

static void
test_table_text (void)
{
  g_autofree char *table = straits_chart_table_text (dataset, figure ("fig-tur-arms-import-shares"));

  g_assert_nonnull (strstr (table, "Spain\t34 %"));
  g_assert_nonnull (strstr (table, "Other\t6.85 %"));
  g_assert_nonnull (strstr (table, "Shares of: Turkey's imports of major arms, 2020–2024"));
}

static char *
table (const char *id)
{
  return straits_chart_table_text (dataset, figure (id));
}

/* A bound is drawn as one hatched range with no "other": "up to 67 %"
 * says nothing about the remaining 33 %. */
static void
test_bound (void)
{
  const char *ids[] = { "fig-tur-situational-awareness", "fig-safe-candidate-share" };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      const StraitsFigure *f = figure (ids[k]);
      g_autoptr(GArray) marks = new_marks ();
      g_autofree char *text = table (ids[k]);
      const StraitsChartMark *m;

      g_assert_cmpint (f->kind, ==, STRAITS_FIGURE_BOUND);
      g_assert_cmpfloat (straits_chart_remainder (f), ==, 0);
      draw (f, STRAITS_CHART_BARS, 480, 320, marks, NULL);
      g_assert_cmpuint (marks->len, ==, 1);
      m = &g_array_index (marks, StraitsChartMark, 0);
      g_assert_false (m->remainder);
      g_assert_null (strstr (text, "Other"));
      g_assert_nonnull (strstr (text, k == 0 ? "Turkey\tup to 67 %" : "up to 35 %"));
    }
}

/* A stated value is a card, not a bar: one mark holding the value, and
 * its change in words; a rank is text with its base. */
static void
test_cards (void)
{
  g_autoptr(GArray) marks = new_marks ();
  g_autoptr(GArray) rank_marks = new_marks ();
  g_autofree char *exports = table ("fig-tur-defence-exports");
  g_autofree char *rank = table ("fig-fra-customers-tur-rank");
  g_autofree char *hurjet = table ("fig-esp-hurjet-investment");
  char *ordinals[] = { straits_chart_format_ordinal (1), straits_chart_format_ordinal (12),
                                  straits_chart_format_ordinal (23), straits_chart_format_ordinal (30) };

  draw (figure ("fig-tur-defence-exports"), STRAITS_CHART_BARS, 480, 320, marks, NULL);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpfloat (g_array_index (marks, StraitsChartMark, 0).value, ==, 7.15);
  g_assert_nonnull (strstr (exports, "2024\tUSD 7.15 billion"));
  g_assert_nonnull (strstr (exports, "Change\t+29 % on the previous year"));
  g_assert_nonnull (strstr (hurjet, "EUR 1.375 billion"));
  draw (figure ("fig-fra-customers-tur-rank"), STRAITS_CHART_BARS, 480, 320, rank_marks, NULL);
  g_assert_cmpuint (rank_marks->len, ==, 1);
  g_assert_nonnull (strstr (rank, "Turkey\t30th"));
  g_assert_nonnull (strstr (rank, "among top buyers of French arms exports (number not stated)"));
  g_assert_cmpstr (ordinals[0], ==, "1st");
  g_assert_cmpstr (ordinals[1], ==, "12th");
  g_assert_cmpstr (ordinals[2], ==, "23rd");
  g_assert_cmpstr (ordinals[3], ==, "30th");
  for (guint i = 0; i < G_N_ELEMENTS (ordinals); i++)
    g_free (ordinals[i]);
}

/* CSV as RFC 4180 asks: a heading line, a record per row, CRLF ends;
 * a field with a comma, a quote, a line break or edge spaces quoted, its
 * quotes doubled; the title and notes are no records. */
static void
test_table_csv (void)
{
  StraitsChartTable *table = g_new0 (StraitsChartTable, 1);
  StraitsChartTableRow rows[] = {
    { "Plain", "12 %" },
    { "Say \"no\", then", "no. 3" },
    { "Two\nlines", " up to 67 % " },
  };
  g_autofree char *csv = NULL;

  table->title = g_strdup ("Title, with a comma");
  table->rows = g_array_new (FALSE, FALSE, sizeof (StraitsChartTableRow));
  g_array_append_vals (table->rows, rows, G_N_ELEMENTS (rows));
  table->notes = g_ptr_array_new ();
  g_ptr_array_add (table->notes, (gpointer) "A note");
  csv = straits_chart_table_to_csv (table);
  g_assert_cmpstr (csv, ==,
                   "Item,Value\r\n"
                   "Plain,12 %\r\n"
                   "\"Say \"\"no\"\", then\",no. 3\r\n"
                   "\"Two\nlines\",\" up to 67 % \"\r\n");
  straits_chart_table_free (table);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_dataset_load_file (path, NULL, NULL);
  g_assert_nonnull (dataset);
  g_test_add_func ("/chart/shares-bars", test_shares_bars);
  g_test_add_func ("/chart/donut-and-ranking-fit", test_donut_and_ranking_fit);
  g_test_add_func ("/chart/table-text", test_table_text);
  g_test_add_func ("/chart/table-csv", test_table_csv);
  g_test_add_func ("/chart/bound", test_bound);
  g_test_add_func ("/chart/cards", test_cards);
  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
