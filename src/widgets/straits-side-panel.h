/* straits-side-panel.h: cooperation history and arms-export figures of
 * the map's selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-arms-page.h"
#include "straits-history.h"
#include "straits-maritime.h"
#include "straits-map-style.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_SIDE_PANEL (straits_side_panel_get_type ())

G_DECLARE_FINAL_TYPE (StraitsSidePanel, straits_side_panel, STRAITS, SIDE_PANEL, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_side_panel_new           (void);
void       straits_side_panel_set_dataset   (StraitsSidePanel       *self,
                                             StraitsDataset         *dataset);
void       straits_side_panel_set_selection (StraitsSidePanel       *self,
                                             const StraitsSelection *selection);
void       straits_side_panel_set_style     (StraitsSidePanel       *self,
                                             const StraitsMapStyle  *style);
void       straits_side_panel_scroll_to_date (StraitsSidePanel      *self,
                                              const StraitsDate     *date);
/* @date: (nullable): the time slider's date, NULL for all dates */
void       straits_side_panel_set_time      (StraitsSidePanel       *self,
                                             const StraitsDate      *date);
/* (transfer none) (nullable): the visible page's name */
const char *straits_side_panel_get_page     (StraitsSidePanel       *self);
void       straits_side_panel_set_page      (StraitsSidePanel       *self,
                                             const char             *page);
/* (transfer none): the history's rows, as shown */
GListModel *straits_side_panel_get_history  (StraitsSidePanel       *self);
guint      straits_side_panel_get_n_charts  (StraitsSidePanel       *self);
void       straits_side_panel_set_maritime  (StraitsSidePanel            *self,
                                             const StraitsMaritimeReport *report);
guint      straits_side_panel_get_seas      (StraitsSidePanel       *self);
void       straits_side_panel_set_register  (StraitsSidePanel       *self,
                                             StraitsSipriRegister   *reg);
/* What changed since a compared version (StraitsDiffItem): listed on the
 * Changes page, shown while comparing, and marked in the history. NULL:
 * not comparing. */
void       straits_side_panel_set_changes   (StraitsSidePanel       *self,
                                             GPtrArray              *changes,
                                             const char             *since);
/* (transfer none) */
StraitsArmsPage *straits_side_panel_get_arms_page (StraitsSidePanel *self);

G_END_DECLS
