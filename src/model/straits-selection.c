/* straits-selection.c: what the user has selected, and what it concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "straits-selection.h"

void
straits_selection_init_none (StraitsSelection *selection)
{
  *selection = (StraitsSelection) { STRAITS_SELECTION_NONE,
                                    { STRAITS_NO_INDEX, STRAITS_NO_INDEX },
                                    STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };
}

gboolean
straits_selection_equal (const StraitsSelection *a,
                         const StraitsSelection *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case STRAITS_SELECTION_ACTOR:
      return a->actors[0] == b->actors[0];
    case STRAITS_SELECTION_PAIR:
      return a->actors[0] == b->actors[0] && a->actors[1] == b->actors[1];
    case STRAITS_SELECTION_RELATION:
      return a->relation == b->relation;
    case STRAITS_SELECTION_GROUP:
      return a->grouping == b->grouping && a->group == b->group;
    case STRAITS_SELECTION_NONE:
    default:
      return TRUE;
    }
}

static const char *
actor_name (StraitsDataset *dataset, guint32 actor)
{
  return straits_dataset_get_actor (dataset, actor)->name;
}

/* A short title for the panel's header, as plain text. */
char *
straits_selection_describe (StraitsDataset         *dataset,
                            const StraitsSelection *selection)
{
  const StraitsRelation *r;

  switch (selection->kind)
    {
    case STRAITS_SELECTION_ACTOR:
      return g_strdup (actor_name (dataset, selection->actors[0]));
    case STRAITS_SELECTION_PAIR:
      /* Translators: the two actors of a selection, e.g. "Greece and Turkey" */
      return g_strdup_printf (_("%s and %s"), actor_name (dataset, selection->actors[0]),
                              actor_name (dataset, selection->actors[1]));
    case STRAITS_SELECTION_RELATION:
      r = straits_dataset_get_relation (dataset, selection->relation);
      /* Translators: a relation: its type, then its two actors, e.g. "Procurement: Poland – Turkey" */
      return g_strdup_printf (_("%s: %s – %s"), straits_dataset_get_relation_type (dataset, r->type)->label,
                              actor_name (dataset, r->from), actor_name (dataset, r->to));
    case STRAITS_SELECTION_GROUP:
      return g_strdup (straits_dataset_get_grouping (dataset, selection->grouping)->groups[selection->group].label);
    case STRAITS_SELECTION_NONE:
    default:
      return g_strdup (_("All events and relations"));
    }
}

/* The figures the side panel shows for @selection: those concerning one of
 * its actors; with nothing selected, all of them. */
gboolean
straits_selection_has_figure (StraitsDataset         *dataset,
                              const StraitsSelection *selection,
                              const StraitsFigure    *figure)
{
  const StraitsRelation *r;
  const StraitsGroup *g;

  switch (selection->kind)
    {
    case STRAITS_SELECTION_ACTOR:
      return straits_figure_concerns (figure, selection->actors[0]);
    case STRAITS_SELECTION_PAIR:
      return straits_figure_concerns (figure, selection->actors[0]) ||
             straits_figure_concerns (figure, selection->actors[1]);
    case STRAITS_SELECTION_RELATION:
      r = straits_dataset_get_relation (dataset, selection->relation);
      return straits_figure_concerns (figure, r->from) || straits_figure_concerns (figure, r->to);
    case STRAITS_SELECTION_GROUP:
      g = &straits_dataset_get_grouping (dataset, selection->grouping)->groups[selection->group];
      for (guint i = 0; i < g->n_members; i++)
        if (straits_figure_concerns (figure, g->members[i]))
          return TRUE;
      return FALSE;
    case STRAITS_SELECTION_NONE:
    default:
      return TRUE;
    }
}
