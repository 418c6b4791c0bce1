/* straits-history.c: what has happened between the parties of a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-history.h"

/* Organisations and initiatives stand for their members' shared history:
 * with Poland selected, Turkey joining the Three Seas Initiative belongs
 * to Poland's history because Poland founded it. */
static gboolean
is_collective (const StraitsActor *actor)
{
  switch (actor->kind)
    {
    case STRAITS_ACTOR_INTERNATIONAL_ORGANISATION:
    case STRAITS_ACTOR_EU_INSTITUTION:
    case STRAITS_ACTOR_ALLIANCE:
    case STRAITS_ACTOR_INITIATIVE:
    case STRAITS_ACTOR_GROUP:
      return TRUE;
    case STRAITS_ACTOR_STATE:
    case STRAITS_ACTOR_COMPANY:
    case STRAITS_ACTOR_OTHER:
    default:
      return FALSE;
    }
}

typedef struct {
  StraitsDataset *dataset;
  GArray *entries;
  GHashTable *seen_events;
  GHashTable *seen_relations;
} Collector;

static void
add_event (Collector *c, guint32 event, guint32 via)
{
  StraitsHistoryEntry entry = { STRAITS_HISTORY_EVENT, event, via,
                                straits_dataset_get_event (c->dataset, event)->date };

  if (g_hash_table_add (c->seen_events, GUINT_TO_POINTER (event + 1)))
    g_array_append_val (c->entries, entry);
}

static void
add_relation (Collector *c, guint32 relation)
{
  StraitsHistoryEntry entry = { STRAITS_HISTORY_RELATION, relation, STRAITS_NO_INDEX,
                                straits_dataset_get_relation (c->dataset, relation)->start };

  if (g_hash_table_add (c->seen_relations, GUINT_TO_POINTER (relation + 1)))
    g_array_append_val (c->entries, entry);
}

static void
add_events_of (Collector *c, guint32 actor, guint32 via)
{
  guint n;
  const guint32 *events = straits_dataset_events_of_actor (c->dataset, actor, &n);

  for (guint i = 0; i < n; i++)
    add_event (c, events[i], via);
}

static void
collect_actor (Collector *c, guint32 actor)
{
  guint n;
  const guint32 *relations = straits_dataset_relations_of_actor (c->dataset, actor, &n);

  add_events_of (c, actor, STRAITS_NO_INDEX);
  for (guint i = 0; i < n; i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (c->dataset, relations[i]);
      guint32 other = r->from == actor ? r->to : r->from;

      add_relation (c, relations[i]);
      if (is_collective (straits_dataset_get_actor (c->dataset, other)))
        add_events_of (c, other, other);
    }
}

static gboolean
relation_joins (const StraitsRelation *r, guint32 a, guint32 b)
{
  return (r->from == a && r->to == b) || (r->from == b && r->to == a);
}

static void
collect_pair (Collector *c, guint32 a, guint32 b)
{
  guint n;
  const guint32 *events = straits_dataset_events_of_actor (c->dataset, a, &n);
  const guint32 *relations;

  for (guint i = 0; i < n; i++)
    if (straits_event_involves (straits_dataset_get_event (c->dataset, events[i]), b))
      add_event (c, events[i], STRAITS_NO_INDEX);
  relations = straits_dataset_relations_of_actor (c->dataset, a, &n);
  for (guint i = 0; i < n; i++)
    if (relation_joins (straits_dataset_get_relation (c->dataset, relations[i]), a, b))
      add_relation (c, relations[i]);
}

static void
collect_relation (Collector *c, guint32 relation)
{
  const StraitsRelation *r = straits_dataset_get_relation (c->dataset, relation);
  guint n;
  const guint32 *events = straits_dataset_events_of_actor (c->dataset, r->from, &n);

  add_relation (c, relation);
  for (guint i = 0; i < n; i++)
    {
      const StraitsEvent *e = straits_dataset_get_event (c->dataset, events[i]);
      gboolean cites = FALSE;

      for (guint k = 0; k < e->n_relations && !cites; k++)
        cites = e->relations[k] == relation;
      if (cites || straits_event_involves (e, r->to))
        add_event (c, events[i], STRAITS_NO_INDEX);
    }
}

static void
collect_group (Collector *c, guint32 grouping, guint32 group)
{
  const StraitsGroup *g = &straits_dataset_get_grouping (c->dataset, grouping)->groups[group];

  for (guint m = 0; m < g->n_members; m++)
    {
      guint n;
      const guint32 *relations = straits_dataset_relations_of_actor (c->dataset, g->members[m], &n);

      add_events_of (c, g->members[m], STRAITS_NO_INDEX);
      for (guint i = 0; i < n; i++)
        add_relation (c, relations[i]);
    }
}

static void
collect_all (Collector *c)
{
  for (guint i = 0; i < straits_dataset_get_n_events (c->dataset); i++)
    add_event (c, i, STRAITS_NO_INDEX);
  for (guint i = 0; i < straits_dataset_get_n_relations (c->dataset); i++)
    add_relation (c, i);
}

/* Dated entries by their first day; undated ones last. Of one date,
 * relations (what was there) before events, then by their order in the file. */
static int
compare_entries (gconstpointer pa, gconstpointer pb)
{
  const StraitsHistoryEntry *a = pa, *b = pb;
  gboolean da = straits_date_is_set (&a->date), db = straits_date_is_set (&b->date);
  int order;

  if (da != db)
    return da ? -1 : 1;
  if (da && (order = straits_date_compare (&a->date, &b->date)) != 0)
    return order;
  if (a->kind != b->kind)
    return a->kind == STRAITS_HISTORY_RELATION ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* The history of @selection in date order (StraitsHistoryEntry). */
GArray *
straits_history_collect (StraitsDataset         *dataset,
                         const StraitsSelection *selection)
{
  g_autoptr(GHashTable) seen_events = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen_relations = g_hash_table_new (NULL, NULL);
  Collector c = { dataset, g_array_new (FALSE, FALSE, sizeof (StraitsHistoryEntry)),
                  seen_events, seen_relations };

  g_return_val_if_fail (STRAITS_IS_DATASET (dataset), NULL);

  switch (selection->kind)
    {
    case STRAITS_SELECTION_ACTOR:
      collect_actor (&c, selection->actors[0]);
      break;
    case STRAITS_SELECTION_PAIR:
      collect_pair (&c, selection->actors[0], selection->actors[1]);
      break;
    case STRAITS_SELECTION_RELATION:
      collect_relation (&c, selection->relation);
      break;
    case STRAITS_SELECTION_GROUP:
      collect_group (&c, selection->grouping, selection->group);
      break;
    case STRAITS_SELECTION_NONE:
    default:
      collect_all (&c);
      break;
    }
  g_array_sort (c.entries, compare_entries);
  return c.entries;
}

/* The first entry on or after @date (entries->len when none), for
 * scrolling the history to the time slider's date. */
guint
straits_history_find_date (GArray            *entries,
                           const StraitsDate *date)
{
  guint32 day = straits_date_first_day (date);

  for (guint i = 0; i < entries->len; i++)
    {
      const StraitsHistoryEntry *e = &g_array_index (entries, StraitsHistoryEntry, i);

      if (!straits_date_is_set (&e->date) || straits_date_last_day (&e->date) >= day)
        return i;
    }
  return entries->len;
}

StraitsTimeState
straits_history_entry_state_at (StraitsDataset            *dataset,
                                const StraitsHistoryEntry *entry,
                                const StraitsDate         *date)
{
  /* A row may still hold an entry of the dataset before: not dimmed. */
  if (entry->kind == STRAITS_HISTORY_EVENT)
    return entry->index < straits_dataset_get_n_events (dataset)
           ? straits_event_state_at (straits_dataset_get_event (dataset, entry->index), date) : STRAITS_TIME_ACTIVE;
  return entry->index < straits_dataset_get_n_relations (dataset)
         ? straits_relation_state_at (straits_dataset_get_relation (dataset, entry->index), date) : STRAITS_TIME_ACTIVE;
}

const StraitsCitations *
straits_history_entry_citations (StraitsDataset            *dataset,
                                 const StraitsHistoryEntry *entry)
{
  if (entry->kind == STRAITS_HISTORY_EVENT)
    return &straits_dataset_get_event (dataset, entry->index)->citations;
  return &straits_dataset_get_relation (dataset, entry->index)->citations;
}

