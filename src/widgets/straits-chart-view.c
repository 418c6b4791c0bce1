/* straits-chart-view.c
 *
 * Draws with the same chart renderer as the exports, and keeps the marks
 * it drew for tooltips. Screen readers get the chart's numbers as a
 * table in the accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "straits-chart-view.h"
#include "straits-export.h"

/* Output units per point on screen: 96 dpi, as for the map. */

struct _StraitsChartView
{
  GtkWidget parent_instance;

  StraitsDataset *dataset;
  guint32 figure;
  StraitsChartKind kind;
  StraitsMapStyle style;
  GArray *marks;          /* StraitsChartMark, in widget coordinates */
};

G_DEFINE_FINAL_TYPE (StraitsChartView, straits_chart_view, GTK_TYPE_WIDGET)

static const StraitsFigure *
get_figure (StraitsChartView *self)
{
  return straits_dataset_get_figure (self->dataset, self->figure);
}

static void
straits_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  StraitsChartView *self = STRAITS_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width < 1 || height < 1)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_array_set_size (self->marks, 0);
  /* The renderer works in points; the marks come back in points too. */
  cairo_scale (cr, STRAITS_PX_PER_PT, STRAITS_PX_PER_PT);
  straits_chart_draw (self->dataset, get_figure (self), cr, width / STRAITS_PX_PER_PT,
                      height / STRAITS_PX_PER_PT, &self->style, self->kind, self->marks, NULL);
  cairo_destroy (cr);
}

/* What the mark under (@x, @y) says, or NULL. */
char *
straits_chart_view_describe_mark (StraitsChartView *self,
                                  double            x,
                                  double            y)
{
  double px = x / STRAITS_PX_PER_PT, py = y / STRAITS_PX_PER_PT;

  g_return_val_if_fail (STRAITS_IS_CHART_VIEW (self), NULL);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const StraitsChartMark *m = &g_array_index (self->marks, StraitsChartMark, i);

      if (px >= m->rect.x && px <= m->rect.x + m->rect.width &&
          py >= m->rect.y && py <= m->rect.y + m->rect.height && m->label != NULL)
        {
          g_autofree char *value = straits_chart_format_value (get_figure (self), m->value);

          /* Translators: a chart mark's tooltip, e.g. "Italy: 12 %" */
          return g_strdup_printf (_("%s: %s"), m->label, value);
        }
    }
  return NULL;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  g_autofree char *text = straits_chart_view_describe_mark (STRAITS_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
straits_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  StraitsChartView *self = STRAITS_CHART_VIEW (widget);
  const StraitsFigure *figure = get_figure (self);
  /* Series, cards and bounds draw one picture whatever their values. */
  gboolean one_picture = figure->kind == STRAITS_FIGURE_SERIES || figure->kind == STRAITS_FIGURE_VALUE ||
                         figure->kind == STRAITS_FIGURE_BOUND || figure->kind == STRAITS_FIGURE_RANK;
  int rows = one_picture ? 6 : (int) figure->n_values + 1;
  gsize footer = figure->note ? strlen (figure->note) : 0;

  /* The note and the sources wrap under the chart, about 60 characters a
   * line at the panel's width: leave them room rather than squash it. */
  for (guint i = 0; i < figure->citations.n; i++)
    footer += 40 + (figure->citations.items[i].locator ? strlen (figure->citations.items[i].locator) : 0);
  rows += (int) (footer / 60) / 2;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 240, *natural = 320;
  else
    /* The panel scrolls: a chart is never squashed below what it needs. */
    *minimum = *natural = MAX (220, 90 + rows * 26);
}

static void
straits_chart_view_dispose (GObject *object)
{
  StraitsChartView *self = STRAITS_CHART_VIEW (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->marks, g_array_unref);
  G_OBJECT_CLASS (straits_chart_view_parent_class)->dispose (object);
}

static void
straits_chart_view_class_init (StraitsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = straits_chart_view_dispose;
  widget_class->snapshot = straits_chart_view_snapshot;
  widget_class->measure = straits_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
straits_chart_view_init (StraitsChartView *self)
{
  self->marks = g_array_new (FALSE, TRUE, sizeof (StraitsChartMark));
  g_array_set_clear_func (self->marks, (GDestroyNotify) straits_chart_mark_clear);
  straits_map_style_init (&self->style, STRAITS_MAP_STYLE_LIGHT);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

GtkWidget *
straits_chart_view_new (StraitsDataset   *dataset,
                        guint32           figure,
                        StraitsChartKind  kind)
{
  StraitsChartView *self = g_object_new (STRAITS_TYPE_CHART_VIEW, NULL);
  g_autofree char *table = NULL;

  g_return_val_if_fail (STRAITS_IS_DATASET (dataset), NULL);
  self->dataset = g_object_ref (dataset);
  self->figure = figure;
  self->kind = kind;
  table = straits_chart_table_text (dataset, get_figure (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, get_figure (self)->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, table,
                                  -1);
  return GTK_WIDGET (self);
}

void
straits_chart_view_set_style (StraitsChartView      *self,
                              const StraitsMapStyle *style)
{
  g_return_if_fail (STRAITS_IS_CHART_VIEW (self));
  self->style = *style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint32
straits_chart_view_get_figure (StraitsChartView *self)
{
  g_return_val_if_fail (STRAITS_IS_CHART_VIEW (self), STRAITS_NO_INDEX);
  return self->figure;
}
