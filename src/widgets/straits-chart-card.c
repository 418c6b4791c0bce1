/* straits-chart-card.c
 *
 * A dataset figure as the side panel shows it: the chart, a table of its
 * numbers to read, copy or save as CSV, a donut for shares, and Export…,
 * which the card only announces (::export): whoever holds the panel
 * exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "straits-chart-card.h"
#include "straits-chart-view.h"
#include "straits-export.h"
#include "straits-save-dialog.h"

struct _StraitsChartCard
{
  GtkWidget parent_instance;

  GtkWidget *buttons;             /* template children; the card's own two */
  GtkWidget *revealer;            /* bound so that dispose_template unparents them */
  GtkWidget *table_button;
  GtkWidget *donut_button;
  GtkWidget *table_box;

  StraitsDataset *dataset;
  guint32 figure;
  StraitsChartKind kind;
  StraitsMapStyle style;
  GtkWidget *chart;               /* a StraitsChartView, made again for another kind */
  StraitsChartTable *table;       /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (StraitsChartCard, straits_chart_card, GTK_TYPE_WIDGET)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_export_clicked (StraitsChartCard *self)
{
  g_signal_emit (self, signals[EXPORT], 0, self->figure, self->kind == STRAITS_CHART_DONUT);
}

static GtkWidget *
table_text (const char *text, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A cell: a label, right-aligned in tabular figures for the values. */
static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer value_column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), value_column ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), value_column ? 16 : 40);
  if (value_column)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* The model holds the rows' labels; a value is found by its row's
 * position in the table the card keeps. */
static void
bind_value (GtkSignalListItemFactory *factory, GtkListItem *item, StraitsChartCard *self)
{
  guint position = gtk_list_item_get_position (item);
  const StraitsChartTableRow *row = &g_array_index (self->table->rows, StraitsChartTableRow, position);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->value);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer unused)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkColumnViewColumn *
new_column (StraitsChartCard *self, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *c;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (column));
  if (column == 0)
    g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  else
    g_signal_connect (factory, "bind", G_CALLBACK (bind_value), self);
  c = gtk_column_view_column_new (straits_chart_table_heading (column), factory);
  gtk_column_view_column_set_expand (c, column == 0);
  return c;
}

/* The rows as a column view (headed columns, a row at a time to the
 * keyboard and to screen readers), named by the title above it. */
static GtkWidget *
new_column_view (StraitsChartCard *self, GtkWidget *title)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *view;

  for (guint i = 0; i < self->table->rows->len; i++)
    gtk_string_list_append (labels, g_array_index (self->table->rows, StraitsChartTableRow, i).label);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (labels))));
  for (guint column = 0; column < 2; column++)
    {
      g_autoptr(GtkColumnViewColumn) c = new_column (self, column);

      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), c);
    }
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "frame");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  return view;
}

static const StraitsChartTable *
get_table (StraitsChartCard *self)
{
  if (self->table == NULL)
    self->table = straits_chart_table_new (self->dataset, straits_dataset_get_figure (self->dataset, self->figure));
  return self->table;
}

/* The table laid out: its title as a heading, its rows in a column view,
 * its notes as text under it. */
static void
build_table (StraitsChartCard *self)
{
  const StraitsChartTable *table = get_table (self);
  GtkWidget *title = table_text (table->title, TRUE);

  gtk_box_append (GTK_BOX (self->table_box), title);
  gtk_box_append (GTK_BOX (self->table_box), new_column_view (self, title));
  for (guint i = 0; i < table->notes->len; i++)
    gtk_box_append (GTK_BOX (self->table_box), table_text (g_ptr_array_index (table->notes, i), FALSE));
}

static void
on_table_toggled (StraitsChartCard *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->table_button)) &&
      gtk_widget_get_first_child (self->table_box) == NULL)
    build_table (self);
}

/* The numbers as text: tab-separated rows paste into a spreadsheet's
 * columns. */
static void
on_copy_clicked (StraitsChartCard *self)
{
  g_autofree char *text = straits_chart_table_to_text (get_table (self));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* The table as CSV, offered as text/csv and as plain text (what most
 * programs paste). */
static void
on_copy_csv_clicked (StraitsChartCard *self)
{
  g_autofree char *csv = straits_chart_table_to_csv (get_table (self));
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_for_bytes ("text/csv", bytes),
    gdk_content_provider_new_typed (G_TYPE_STRING, csv),
  };
  g_autoptr(GdkContentProvider) union_provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), union_provider);
}

gboolean
straits_chart_card_save_csv (StraitsChartCard  *self,
                             const char        *path,
                             GError           **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (STRAITS_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = straits_chart_table_to_csv (get_table (self));
  return straits_export_write_text (path, csv, error);
}

static gboolean
save_csv (const char *path, gpointer card, GError **error)
{
  return straits_chart_card_save_csv (card, path, error);
}

static void
on_save_csv_clicked (StraitsChartCard *self)
{
  g_autofree char *name = g_strconcat (get_table (self)->title, ".csv", NULL);

  straits_save_dialog_run (GTK_WIDGET (self), _("Save Table as CSV"), _("_Save"), name, save_csv, self);
}

/* The chart of the kind chosen, in the place of the one there. */
static void
show_chart (StraitsChartCard *self, StraitsChartKind kind)
{
  GtkWidget *chart = straits_chart_view_new (self->dataset, self->figure, kind);

  self->kind = kind;
  straits_chart_view_set_style (STRAITS_CHART_VIEW (chart), &self->style);
  gtk_widget_insert_before (chart, GTK_WIDGET (self), self->buttons);
  g_clear_pointer (&self->chart, gtk_widget_unparent);
  self->chart = chart;
}

static void
on_donut_toggled (StraitsChartCard *self)
{
  show_chart (self, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->donut_button))
                    ? STRAITS_CHART_DONUT : STRAITS_CHART_BARS);
}

void
straits_chart_card_set_style (StraitsChartCard      *self,
                              const StraitsMapStyle *style)
{
  g_return_if_fail (STRAITS_IS_CHART_CARD (self));

  self->style = *style;
  straits_chart_view_set_style (STRAITS_CHART_VIEW (self->chart), style);
}

static void
straits_chart_card_dispose (GObject *object)
{
  StraitsChartCard *self = STRAITS_CHART_CARD (object);

  g_clear_pointer (&self->chart, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRAITS_TYPE_CHART_CARD);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->table, straits_chart_table_free);
  G_OBJECT_CLASS (straits_chart_card_parent_class)->dispose (object);
}

static void
straits_chart_card_class_init (StraitsChartCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = straits_chart_card_dispose;

  /**
   * StraitsChartCard::export:
   * @figure: the dataset figure's index
   * @donut: whether shares are drawn as a donut
   *
   * The user asked to export the chart.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/eu/straits/Straits/ui/straits-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StraitsChartCard, buttons);
  gtk_widget_class_bind_template_child (widget_class, StraitsChartCard, revealer);
  gtk_widget_class_bind_template_child (widget_class, StraitsChartCard, table_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsChartCard, donut_button);
  gtk_widget_class_bind_template_child (widget_class, StraitsChartCard, table_box);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_csv_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_csv_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_donut_toggled);
  /* As the GtkBox it was: a group to assistive technologies. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
straits_chart_card_init (StraitsChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
straits_chart_card_new (StraitsDataset        *dataset,
                        guint32                figure,
                        const StraitsMapStyle *style)
{
  StraitsChartCard *self = g_object_new (STRAITS_TYPE_CHART_CARD, NULL);

  self->dataset = g_object_ref (dataset);
  self->figure = figure;
  self->style = *style;
  gtk_widget_set_visible (self->donut_button,
                          straits_dataset_get_figure (dataset, figure)->kind == STRAITS_FIGURE_SHARES);
  show_chart (self, STRAITS_CHART_BARS);
  return GTK_WIDGET (self);
}
