/* straits-export-dialog.h: what is on the map, or a side panel's chart, as a
 * publication-ready figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "straits-chart.h"
#include "straits-map-renderer.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_EXPORT_DIALOG (straits_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StraitsExportDialog, straits_export_dialog, STRAITS, EXPORT_DIALOG, AdwWindow)

/* (transfer none): GTK keeps its windows */
GtkWidget *straits_export_dialog_new (GtkWindow             *parent,
                                      StraitsMapScene       *scene,
                                      const StraitsViewport *viewport,
                                      double                 screen_width,
                                      const char            *title,
                                      const char            *subtitle,
                                      GSettings             *settings);
/* (transfer none): GTK keeps its windows */
GtkWidget *straits_export_dialog_new_for_chart (GtkWindow        *parent,
                                                StraitsDataset   *dataset,
                                                guint32           figure,
                                                StraitsChartKind  kind,
                                                GSettings        *settings);
/* Two dates side by side: a map figure of two panels, the second showing
 * @scene (copied; NULL: one map again). */
void       straits_export_dialog_set_compare   (StraitsExportDialog *self,
                                                StraitsMapScene     *scene);
void       straits_export_dialog_export_to     (StraitsExportDialog *self,
                                                const char          *path);

G_END_DECLS
