/* straits-chart-view.h: one figure of the dataset as a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-chart.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_CHART_VIEW (straits_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (StraitsChartView, straits_chart_view, STRAITS, CHART_VIEW, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_chart_view_new       (StraitsDataset        *dataset,
                                         guint32                figure,
                                         StraitsChartKind       kind);
void       straits_chart_view_set_style (StraitsChartView      *self,
                                         const StraitsMapStyle *style);
guint32    straits_chart_view_get_figure (StraitsChartView     *self);
/* What lies under (@x, @y), in words. (transfer full) (nullable): NULL over nothing */
char      *straits_chart_view_describe_mark (StraitsChartView  *self,
                                             double             x,
                                             double             y);

G_END_DECLS
