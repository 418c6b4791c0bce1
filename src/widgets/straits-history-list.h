/* straits-history-list.h: the history's rows, as a list model that makes
 * a row's object only when it is asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "straits-history-item.h"

G_BEGIN_DECLS

/* An entry in 32 bits: a relation's index, or an event's with this bit. */
#define STRAITS_HISTORY_ID_EVENT 0x40000000u

/* The rows of a history: its entries in date order, 4 bytes each, and
 * where each year's heading comes. Not changed once made: shared between
 * threads. */
typedef struct _StraitsHistoryRows StraitsHistoryRows;

#define STRAITS_TYPE_HISTORY_LIST (straits_history_list_get_type ())

G_DECLARE_FINAL_TYPE (StraitsHistoryList, straits_history_list, STRAITS, HISTORY_LIST, GObject)

/* (transfer full) */
StraitsHistoryRows *straits_history_rows_collect       (StraitsDataset            *dataset,
                                                        const StraitsSelection    *selection);
/* (transfer full) */
StraitsHistoryRows *straits_history_rows_filter        (StraitsHistoryRows        *all,
                                                        guint                      type_choice,
                                                        const char                *folded_needle,
                                                        StraitsDataset            *dataset);
/* (transfer full): @rows */
StraitsHistoryRows *straits_history_rows_ref           (StraitsHistoryRows        *rows);
void                straits_history_rows_unref         (StraitsHistoryRows        *rows);
guint               straits_history_rows_get_n_entries (StraitsHistoryRows        *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StraitsHistoryRows, straits_history_rows_unref)

/* (transfer full) */
char               *straits_history_relation_title     (StraitsDataset            *dataset,
                                                        const StraitsRelation     *relation);

/* (transfer full) */
StraitsHistoryList *straits_history_list_new           (void);
void                straits_history_list_set           (StraitsHistoryList        *self,
                                                        StraitsDataset            *dataset,
                                                        StraitsHistoryRows        *rows);
void                straits_history_list_set_batch     (StraitsHistoryList        *self,
                                                        guint                      batch);
void                straits_history_list_show_all      (StraitsHistoryList        *self);
/* FALSE for a heading or past the end */
gboolean            straits_history_list_get_entry     (StraitsHistoryList        *self,
                                                        guint                      position,
                                                        StraitsHistoryEntry       *entry);
guint               straits_history_list_find_day      (StraitsHistoryList        *self,
                                                        guint32                    day);

G_END_DECLS
