/* straits-time-bar.h: the date the map shows, as a slider over the
 * dataset's months, with a play button and the date in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-dataset.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_TIME_BAR (straits_time_bar_get_type ())

G_DECLARE_FINAL_TYPE (StraitsTimeBar, straits_time_bar, STRAITS, TIME_BAR, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_time_bar_new            (void);
/* The range: the dataset's first to last month, at "all dates".
 * Returns whether the dataset has any date (FALSE: nothing to slide). */
gboolean   straits_time_bar_set_dataset    (StraitsTimeBar    *self,
                                            StraitsDataset    *dataset);
/* FALSE at "all dates"; else the month shown in @date. */
gboolean   straits_time_bar_get_date       (StraitsTimeBar    *self,
                                            StraitsDate       *date);
/* Moves to @date's month (the last of its year for a year); kept when
 * @date is unset. */
void       straits_time_bar_set_date       (StraitsTimeBar    *self,
                                            const StraitsDate *date);
void       straits_time_bar_show_all_dates (StraitsTimeBar    *self);
/* The date shown in words: "All dates", "as of April 2025".
 * (transfer none) */
const char *straits_time_bar_get_text      (StraitsTimeBar    *self);

G_END_DECLS
