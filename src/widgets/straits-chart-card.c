/* straits-chart-card.c
 *
 * A dataset figure as the side panel shows it: the chart, a table of its
 * numbers to read or copy, a donut for shares, and Export…, which the
 * card only announces (::export): whoever holds the panel exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-chart-card.h"
#include "straits-chart-view.h"

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
table_text (const char *text, gboolean number, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), number ? 16 : 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* The table laid out: its title as a heading, its rows in a grid whose
 * columns line up, its notes as text under it. */
static void
build_table (StraitsChartCard *self)
{
  g_autoptr(StraitsChartTable) table =
    straits_chart_table_new (self->dataset, straits_dataset_get_figure (self->dataset, self->figure));
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_box_append (GTK_BOX (self->table_box), table_text (table->title, FALSE, TRUE));
  gtk_box_append (GTK_BOX (self->table_box), grid);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const StraitsChartTableRow *row = &g_array_index (table->rows, StraitsChartTableRow, i);
      GtkWidget *name = table_text (row->label, FALSE, FALSE);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), table_text (row->value, TRUE, FALSE), 1, (int) i, 1, 1);
    }
  for (guint i = 0; i < table->notes->len; i++)
    gtk_box_append (GTK_BOX (self->table_box), table_text (g_ptr_array_index (table->notes, i), FALSE, FALSE));
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
  g_autofree char *text = straits_chart_table_text (self->dataset,
                                                    straits_dataset_get_figure (self->dataset, self->figure));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
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
