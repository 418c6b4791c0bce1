/* straits-history.h: what has happened between the parties of a selection
 *
 * The side panel's cooperation history: the events and relations of an
 * actor, a pair of actors, a relation or a group, in date order. Pure
 * queries on the model, so that the panel, the tests and any later
 * exporter agree on what a selection's history is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "straits-dataset.h"
#include "straits-selection.h"
#include "straits-text-fold.h"

G_BEGIN_DECLS

typedef enum {
  STRAITS_HISTORY_EVENT,
  STRAITS_HISTORY_RELATION,
} StraitsHistoryKind;

typedef struct {
  StraitsHistoryKind kind;
  guint32 index;               /* event or relation index */
  guint32 via;                 /* the organisation or initiative through which
                                * an actor's entry is included, or
                                * STRAITS_NO_INDEX when it involves the actor */
  StraitsDate date;            /* the event's date, the relation's start; may be unset */
} StraitsHistoryEntry;


/* (transfer full): a GArray of StraitsHistoryEntry */
GArray  *straits_history_collect         (StraitsDataset         *dataset,
                                          const StraitsSelection *selection);
guint    straits_history_find_date       (GArray                 *entries,
                                          const StraitsDate      *date);



/* Where the entry's event or relation stands at @date (NULL or unset:
 * all dates), by the model's time rules: the history dims what is NOT_YET.
 * ACTIVE for an index @dataset does not have. */
StraitsTimeState straits_history_entry_state_at (StraitsDataset            *dataset,
                                                 const StraitsHistoryEntry *entry,
                                                 const StraitsDate         *date);

/* (transfer none) */
const StraitsCitations *straits_history_entry_citations (StraitsDataset            *dataset,
                                                         const StraitsHistoryEntry *entry);

G_END_DECLS
