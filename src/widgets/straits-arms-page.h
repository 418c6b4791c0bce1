/* straits-arms-page.h: who arms the selection, from a SIPRI trade register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-arms-chart.h"
#include "straits-history.h"
#include "straits-map-flows.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_ARMS_PAGE (straits_arms_page_get_type ())

G_DECLARE_FINAL_TYPE (StraitsArmsPage, straits_arms_page, STRAITS, ARMS_PAGE, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_arms_page_new           (void);
void       straits_arms_page_set_dataset   (StraitsArmsPage        *self,
                                            StraitsDataset         *dataset);
void       straits_arms_page_set_register  (StraitsArmsPage        *self,
                                            StraitsSipriRegister   *reg);
/* (transfer none) (nullable) */
StraitsSipriRegister *straits_arms_page_get_register (StraitsArmsPage *self);
void       straits_arms_page_set_selection (StraitsArmsPage        *self,
                                            const StraitsSelection *selection);
/* The time slider's year; 0 for all dates. The period ends there. */
void       straits_arms_page_set_year      (StraitsArmsPage        *self,
                                            guint                   year);
/* @from, @to: (out) */
void       straits_arms_page_get_period    (StraitsArmsPage        *self,
                                            guint                  *from,
                                            guint                  *to);
void       straits_arms_page_set_style     (StraitsArmsPage        *self,
                                            const StraitsMapStyle  *style);
/* The flows into and out of the selection over the period, for the map
 * (StraitsMapFlow); empty when the flows are switched off.
 * (transfer full); @legend: (out) (transfer full) (nullable) */
GArray    *straits_arms_page_get_flows     (StraitsArmsPage        *self,
                                            char                  **legend);

G_END_DECLS
