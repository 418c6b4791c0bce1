/* straits-selection.h: what the user has selected: nothing, an actor, a
 * pair of actors, a relation or a group
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

void     straits_selection_init_none     (StraitsSelection       *selection);
gboolean straits_selection_equal         (const StraitsSelection *a,
                                          const StraitsSelection *b);
/* (transfer full) */
char    *straits_selection_describe      (StraitsDataset         *dataset,
                                          const StraitsSelection *selection);
gboolean straits_selection_has_figure    (StraitsDataset         *dataset,
                                          const StraitsSelection *selection,
                                          const StraitsFigure    *figure);

G_END_DECLS
