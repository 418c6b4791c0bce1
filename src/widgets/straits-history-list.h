/* straits-history-list.h: the history's rows, as a list model that makes
 * a row's object only when it is asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-history-item.h"

G_BEGIN_DECLS

/* A row is an index into the entries; with this bit, the heading (year,
 * or undated) of the entries from that one on. */
#define STRAITS_HISTORY_ROW_HEADING 0x80000000u

#define STRAITS_TYPE_HISTORY_LIST (straits_history_list_get_type ())

G_DECLARE_FINAL_TYPE (StraitsHistoryList, straits_history_list, STRAITS, HISTORY_LIST, GObject)

/* (transfer full) */
GArray             *straits_history_rows_build         (GArray                    *entries,
                                                        guint                      type_choice,
                                                        const char                *folded_needle,
                                                        StraitsDataset            *dataset);
/* (transfer full) */
char               *straits_history_relation_title     (StraitsDataset            *dataset,
                                                        const StraitsRelation     *relation);

/* (transfer full) */
StraitsHistoryList *straits_history_list_new           (void);
void                straits_history_list_set           (StraitsHistoryList        *self,
                                                        GArray                    *entries,
                                                        GArray                    *rows);
void                straits_history_list_set_batch     (StraitsHistoryList        *self,
                                                        guint                      batch);
void                straits_history_list_show_all      (StraitsHistoryList        *self);
/* (transfer none) (nullable): NULL for a heading or past the end */
const StraitsHistoryEntry *straits_history_list_get_entry (StraitsHistoryList     *self,
                                                           guint                   position);
guint               straits_history_list_find_day      (StraitsHistoryList        *self,
                                                        guint32                    day);

G_END_DECLS
