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

G_BEGIN_DECLS

typedef enum {
  STRAITS_SELECTION_NONE,      /* the whole dataset */
  STRAITS_SELECTION_ACTOR,
  STRAITS_SELECTION_PAIR,
  STRAITS_SELECTION_RELATION,
  STRAITS_SELECTION_GROUP,
} StraitsSelectionKind;

typedef struct {
  StraitsSelectionKind kind;
  guint32 actors[2];           /* ACTOR: [0]; PAIR: both */
  guint32 relation;            /* RELATION */
  guint32 grouping, group;     /* GROUP: indices into the dataset */
} StraitsSelection;

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

void     straits_selection_init_none     (StraitsSelection *selection);
gboolean straits_selection_equal         (const StraitsSelection *a,
                                          const StraitsSelection *b);
/* (transfer full) */
char    *straits_selection_describe      (StraitsDataset         *dataset,
                                          const StraitsSelection *selection);

/* (transfer full): a GArray of StraitsHistoryEntry */
GArray  *straits_history_collect         (StraitsDataset         *dataset,
                                          const StraitsSelection *selection);
guint    straits_history_find_date       (GArray                 *entries,
                                          const StraitsDate      *date);

/* (transfer full) */
char    *straits_text_fold               (const char             *text);
gboolean straits_text_contains_folded    (const char             *text,
                                          const char             *folded_needle);

gboolean straits_figure_concerns         (const StraitsFigure    *figure,
                                          guint32                 actor);
gboolean straits_selection_has_figure    (StraitsDataset         *dataset,
                                          const StraitsSelection *selection,
                                          const StraitsFigure    *figure);

/* (transfer none) */
const StraitsCitations *straits_history_entry_citations (StraitsDataset            *dataset,
                                                         const StraitsHistoryEntry *entry);

G_END_DECLS
