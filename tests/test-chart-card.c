/* test-chart-card.c: a side panel chart card shows its table when asked,
 * draws shares as a donut when asked, and its Export… says which figure
 * and whether as a donut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "straits-chart-card.h"
#include "straits-chart-view.h"

typedef struct {
  guint n;
  guint figure;
  gboolean donut;
} Exported;

static void
on_export (StraitsChartCard *card, guint figure, gboolean donut, Exported *exported)
{
  exported->n++;
  exported->figure = figure;
  exported->donut = donut;
}

/* The first widget under @root of @type, whose label is @label when
 * @label is not NULL; a label, one that can be selected (the table). */
static GtkWidget *
find (GtkWidget *root, GType type, const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)) &&
      (!GTK_IS_LABEL (root) || gtk_label_get_selectable (GTK_LABEL (root))))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static StraitsDataset *
bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(GError) error = NULL;
  StraitsDataset *dataset = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static guint32
first_figure (StraitsDataset *dataset, gboolean shares)
{
  for (guint32 i = 0; i < straits_dataset_get_n_figures (dataset); i++)
    if ((straits_dataset_get_figure (dataset, i)->kind == STRAITS_FIGURE_SHARES) == shares)
      return i;
  g_assert_not_reached ();
}

/* The table's widgets read back as straits_chart_table_text() writes it:
 * the heading, a "label<TAB>value" line per row of @grid, then the text
 * under the grid. */
static char *
table_as_text (GtkWidget *card, GtkWidget *grid)
{
  GtkWidget *box = gtk_widget_get_parent (grid);
  GString *s = g_string_new (NULL);
  int row = 0;
  GtkWidget *cell;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != grid)
        {
          g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
          continue;
        }
      while ((cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, row)) != NULL)
        {
          GtkWidget *value = gtk_grid_get_child_at (GTK_GRID (grid), 1, row++);

          g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (value)), ==, 1);
          g_string_append_printf (s, "%s\t%s\n", gtk_label_get_text (GTK_LABEL (cell)),
                                  gtk_label_get_text (GTK_LABEL (value)));
        }
    }
  return g_string_free (s, FALSE);
}

static void
test_shares (void)
{
  g_autoptr(StraitsDataset) dataset = bundled ();
  guint32 figure = first_figure (dataset, TRUE);
  StraitsMapStyle style;
  GtkWidget *card, *chart, *donut, *table;
  g_autofree char *text = straits_chart_table_text (dataset, straits_dataset_get_figure (dataset, figure));
  Exported exported = { 0 };

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  card = g_object_ref_sink (straits_chart_card_new (dataset, figure, &style));
  g_signal_connect (card, "export", G_CALLBACK (on_export), &exported);
  chart = find (card, STRAITS_TYPE_CHART_VIEW, NULL);
  g_assert_nonnull (chart);
  g_assert_cmpuint (straits_chart_view_get_figure (STRAITS_CHART_VIEW (chart)), ==, figure);

  /* The table is only laid out once asked for; then its rows are a grid
   * (labels left, values right, in columns) that says the table's text. */
  g_assert_null (find (card, GTK_TYPE_GRID, NULL));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (card, GTK_TYPE_TOGGLE_BUTTON, "_Table")), TRUE);
  table = find (card, GTK_TYPE_GRID, NULL);
  g_assert_nonnull (table);
  {
    g_autofree char *shown = table_as_text (card, table);

    g_assert_cmpstr (shown, ==, text);
  }

  g_signal_emit_by_name (find (card, GTK_TYPE_BUTTON, "_Export…"), "clicked");
  g_assert_cmpuint (exported.n, ==, 1);
  g_assert_cmpuint (exported.figure, ==, figure);
  g_assert_false (exported.donut);

  /* The donut is another chart, in the bars' place. */
  donut = find (card, GTK_TYPE_TOGGLE_BUTTON, "_Donut");
  g_assert_true (gtk_widget_get_visible (donut));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (donut), TRUE);
  g_assert_true (find (card, STRAITS_TYPE_CHART_VIEW, NULL) != chart);
  g_assert_true (gtk_widget_get_first_child (card) == find (card, STRAITS_TYPE_CHART_VIEW, NULL));
  g_signal_emit_by_name (find (card, GTK_TYPE_BUTTON, "_Export…"), "clicked");
  g_assert_cmpuint (exported.n, ==, 2);
  g_assert_true (exported.donut);
  g_object_unref (card);
}

/* Only shares have a donut. */
static void
test_no_donut (void)
{
  g_autoptr(StraitsDataset) dataset = bundled ();
  StraitsMapStyle style;
  GtkWidget *card;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  card = g_object_ref_sink (straits_chart_card_new (dataset, first_figure (dataset, FALSE), &style));
  g_assert_false (gtk_widget_get_visible (find (card, GTK_TYPE_TOGGLE_BUTTON, "_Donut")));
  g_object_unref (card);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/chart-card/shares", test_shares);
  g_test_add_func ("/chart-card/no-donut", test_no_donut);
  return g_test_run ();
}
