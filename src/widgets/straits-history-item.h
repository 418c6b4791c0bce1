/* straits-history-item.h: one row of the history list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "straits-history.h"

G_BEGIN_DECLS

#define STRAITS_TYPE_HISTORY_ITEM (straits_history_item_get_type ())

G_DECLARE_FINAL_TYPE (StraitsHistoryItem, straits_history_item, STRAITS, HISTORY_ITEM, GObject)

/* (transfer full) */
StraitsHistoryItem        *straits_history_item_new_heading (const char                *heading);
/* (transfer full) */
StraitsHistoryItem        *straits_history_item_new_entry   (const StraitsHistoryEntry *entry);
/* (transfer none) (nullable): NULL for the other kind of row */
const char                *straits_history_item_get_heading (StraitsHistoryItem        *self);
/* (transfer none) (nullable): NULL for a heading */
const StraitsHistoryEntry *straits_history_item_get_entry   (StraitsHistoryItem        *self);

G_END_DECLS
