/* straits-history.c: what has happened between the parties of a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-history.h"

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

const StraitsCitations *
straits_history_entry_citations (StraitsDataset            *dataset,
                                 const StraitsHistoryEntry *entry)
{
  if (entry->kind == STRAITS_HISTORY_EVENT)
    return &straits_dataset_get_event (dataset, entry->index)->citations;
  return &straits_dataset_get_relation (dataset, entry->index)->citations;
}

/* Whether @actor is the figure's subject or one of its values: a state's
 * roles as recipient and as supplier. */
gboolean
straits_figure_concerns (const StraitsFigure *figure,
                         guint32              actor)
{
  if (figure->subject == actor)
    return TRUE;
  for (guint i = 0; i < figure->n_values; i++)
    if (figure->values[i].actor == actor)
      return TRUE;
  return FALSE;
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

/* @text for matching: case-folded (Unicode), decomposed, without its
 * combining marks, and the dotless ı as i: "Hürjet", "HURJET" and
 * "hurjet" all become "hurjet", "İzmir" and "Izmir" "izmir". */
char *
straits_text_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c == 0x0131 ? 'i' : c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @text contains @folded_needle (already straits_text_fold()ed),
 * whatever the case and the accents: what search and the history's
 * filter match. */
gboolean
straits_text_contains_folded (const char *text,
                              const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = straits_text_fold (text);
  return strstr (folded, folded_needle) != NULL;
}
