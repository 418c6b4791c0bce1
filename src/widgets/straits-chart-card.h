/* straits-chart-card.h: a dataset figure in the side panel, with its table and Export…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-chart.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_CHART_CARD (straits_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (StraitsChartCard, straits_chart_card, STRAITS, CHART_CARD, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_chart_card_new       (StraitsDataset        *dataset,
                                         guint32                figure,
                                         const StraitsMapStyle *style);
void       straits_chart_card_set_style (StraitsChartCard      *self,
                                         const StraitsMapStyle *style);
/* Writes the table as CSV (straits_chart_table_to_csv()) to @path,
 * atomically: what Save as CSV… does once a file is chosen. */
gboolean   straits_chart_card_save_csv  (StraitsChartCard      *self,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
