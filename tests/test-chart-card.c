/* test-chart-card.c: a side panel chart card shows its table when asked,
 * saves and copies it as CSV, draws shares as a donut when asked, and its
 * Export… says which figure and whether as a donut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

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

static void
collect_labels (GtkWidget *root, GPtrArray *labels)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (labels, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The labels of @view in order, once its rows have widgets (a list view
 * makes them as it is laid out): the two column headings, then a label
 * and a value per row. */
static GPtrArray *
view_labels (GtkWidget *view, guint n_rows)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (;;)
    {
      g_ptr_array_set_size (labels, 0);
      collect_labels (view, labels);
      if (labels->len >= 2 + 2 * n_rows)
        return labels;
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The table's widgets read back as straits_chart_table_text() writes it:
 * the heading, a "label<TAB>value" line per row of the column view
 * @view (whose values are right-aligned), then the text under it. */
static char *
table_as_text (GtkWidget *view, guint n_rows)
{
  GtkWidget *box = gtk_widget_get_parent (view);
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = view_labels (view, n_rows);

  g_assert_cmpuint (labels->len, ==, 2 + 2 * n_rows);
  g_assert_cmpstr (gtk_label_get_text (labels->pdata[0]), ==, straits_chart_table_heading (0));
  g_assert_cmpstr (gtk_label_get_text (labels->pdata[1]), ==, straits_chart_table_heading (1));
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != view)
        {
          g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
          continue;
        }
      for (guint i = 2; i < labels->len; i += 2)
        {
          g_assert_cmpfloat (gtk_label_get_xalign (labels->pdata[i + 1]), ==, 1);
          g_string_append_printf (s, "%s\t%s\n", gtk_label_get_text (labels->pdata[i]),
                                  gtk_label_get_text (labels->pdata[i + 1]));
        }
    }
  return g_string_free (s, FALSE);
}

static guint
n_table_rows (StraitsDataset *dataset, guint32 figure)
{
  g_autoptr(StraitsChartTable) table = straits_chart_table_new (dataset, straits_dataset_get_figure (dataset, figure));

  return table->rows->len;
}

static void
test_shares (void)
{
  g_autoptr(StraitsDataset) dataset = bundled ();
  guint32 figure = first_figure (dataset, TRUE);
  StraitsMapStyle style;
  GtkWidget *card, *chart, *donut, *table, *window = gtk_window_new ();
  g_autofree char *text = straits_chart_table_text (dataset, straits_dataset_get_figure (dataset, figure));
  Exported exported = { 0 };

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  card = g_object_ref_sink (straits_chart_card_new (dataset, figure, &style));
  /* Shown, for the column view to make its rows. */
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (card, "export", G_CALLBACK (on_export), &exported);
  chart = find (card, STRAITS_TYPE_CHART_VIEW, NULL);
  g_assert_nonnull (chart);
  g_assert_cmpuint (straits_chart_view_get_figure (STRAITS_CHART_VIEW (chart)), ==, figure);

  /* The table is only laid out once asked for; then its rows are a
   * column view (labels left, values right, under headings) that says the
   * table's text. */
  g_assert_null (find (card, GTK_TYPE_COLUMN_VIEW, NULL));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (card, GTK_TYPE_TOGGLE_BUTTON, "_Table")), TRUE);
  table = find (card, GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (table);
  {
    g_autofree char *shown = table_as_text (table, n_table_rows (dataset, figure));

    g_assert_cmpstr (shown, ==, text);
  }
  /* Its rows take the keyboard focus, and Down moves it to the next. */
  {
    GtkWidget *first, *second;

    while (!gtk_widget_get_mapped (table))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_widget_child_focus (table, GTK_DIR_TAB_FORWARD));
    first = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (first != NULL && gtk_widget_is_ancestor (first, table));
    g_assert_true (gtk_widget_child_focus (table, GTK_DIR_DOWN));
    second = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (second != NULL && second != first && gtk_widget_is_ancestor (second, table));
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
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (card);
}

/* Save as CSV… writes the table as CSV (the dialog aside: the function it
 * calls with the path chosen), and Copy as CSV puts the same on the
 * clipboard, as text and as text/csv. */
static void
test_csv (void)
{
  g_autoptr(StraitsDataset) dataset = bundled ();
  guint32 figure = first_figure (dataset, TRUE);
  g_autoptr(StraitsChartTable) table = straits_chart_table_new (dataset, straits_dataset_get_figure (dataset, figure));
  g_autofree char *expected = straits_chart_table_to_csv (table);
  g_autofree char *dir = g_dir_make_tmp ("straits-chart-card-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "table.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  StraitsMapStyle style;
  GtkWidget *card;
  GdkClipboard *clipboard;
  GValue value = G_VALUE_INIT;

  straits_map_style_init (&style, STRAITS_MAP_STYLE_LIGHT);
  card = g_object_ref_sink (straits_chart_card_new (dataset, figure, &style));
  g_assert_true (g_str_has_prefix (expected, "Item,Value\r\n"));
  g_assert_true (straits_chart_card_save_csv (STRAITS_CHART_CARD (card), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_false (straits_chart_card_save_csv (STRAITS_CHART_CARD (card), bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_signal_emit_by_name (find (card, GTK_TYPE_BUTTON, "C_opy as CSV"), "clicked");
  clipboard = gtk_widget_get_clipboard (card);
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/csv"));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
  g_value_unset (&value);
  g_assert_nonnull (find (card, GTK_TYPE_BUTTON, "_Save as CSV…"));
  g_unlink (path);
  g_rmdir (dir);
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
  g_test_add_func ("/chart-card/csv", test_csv);
  return g_test_run ();
}
