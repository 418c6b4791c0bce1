/* straits-history-row.h: the widgets of one row of the side panel's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "straits-dataset-diff.h"
#include "straits-history-item.h"

G_BEGIN_DECLS

/* What a row shows of a summary, at most (it has six lines); the panel's
 * title is cut at the same length. */
#define STRAITS_HISTORY_MAX_CHARS 480

#define STRAITS_TYPE_HISTORY_ROW (straits_history_row_get_type ())

G_DECLARE_FINAL_TYPE (StraitsHistoryRow, straits_history_row, STRAITS, HISTORY_ROW, GtkWidget)

/* (transfer floating) */
GtkWidget *straits_history_row_new  (void);
void       straits_history_row_bind (StraitsHistoryRow  *self,
                                     StraitsDataset     *dataset,
                                     StraitsHistoryItem *item,
                                     int                 chars_per_line);
/* @date: (nullable): the time slider's date, NULL for all dates */
void       straits_history_row_show_time (StraitsHistoryRow *self,
                                          StraitsDataset    *dataset,
                                          const StraitsDate *date);

/* Marks the row's entry as added or changed since a compared version
 * (STRAITS_DIFF_REMOVED: neither), after straits_history_row_bind(). */
void       straits_history_row_set_mark (StraitsHistoryRow *self,
                                         StraitsDiffChange  mark);

G_END_DECLS
