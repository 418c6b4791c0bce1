/* straits-dataset.c: accessors, indices and queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "straits-dataset-private.h"

G_DEFINE_FINAL_TYPE (StraitsDataset, straits_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (straits-dataset-error-quark, straits_dataset_error)

/* In the order the loader's message lists them (docs/dataset-format.md). */
static const char *const region_ids[] = { "black-sea", "aegean", "europe", NULL };

const char *const *
straits_dataset_region_ids (void)
{
  return region_ids;
}

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

StraitsDataset *
_straits_dataset_new_empty (const char *filename)
{
  StraitsDataset *self = g_object_new (STRAITS_TYPE_DATASET, NULL);

  self->filename = g_strdup (filename);
  return self;
}

static void
straits_dataset_finalize (GObject *object)
{
  StraitsDataset *self = STRAITS_DATASET (object);

  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->file_id, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->relation_types, g_array_unref);
  g_clear_pointer (&self->event_types, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->groupings, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->views, g_array_unref);
  g_clear_pointer (&self->annotations, g_array_unref);
  g_clear_pointer (&self->citations, g_array_unref);
  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->strvs, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->figure_values, g_array_unref);
  g_clear_pointer (&self->coords, g_array_unref);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->relation_type_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_type_ids, g_hash_table_unref);
  g_clear_pointer (&self->actor_ids, g_hash_table_unref);
  g_clear_pointer (&self->iso3_ids, g_hash_table_unref);
  g_clear_pointer (&self->grouping_ids, g_hash_table_unref);
  g_clear_pointer (&self->relation_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->figure_ids, g_hash_table_unref);
  g_clear_pointer (&self->view_ids, g_hash_table_unref);
  g_clear_pointer (&self->annotation_ids, g_hash_table_unref);
  g_clear_pointer (&self->relation_offsets, g_free);
  g_clear_pointer (&self->relation_index, g_free);
  g_clear_pointer (&self->event_offsets, g_free);
  g_clear_pointer (&self->event_index, g_free);
  g_clear_pointer (&self->events_by_date, g_free);
  g_clear_pointer (&self->group_member_offsets, g_free);
  g_clear_pointer (&self->group_members, g_free);

  G_OBJECT_CLASS (straits_dataset_parent_class)->finalize (object);
}

static void
straits_dataset_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StraitsDataset *self = STRAITS_DATASET (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->metadata.title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
straits_dataset_class_init (StraitsDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = straits_dataset_finalize;
  object_class->get_property = straits_dataset_get_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
straits_dataset_init (StraitsDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->sources = g_array_new (FALSE, TRUE, sizeof (StraitsSource));
  self->relation_types = g_array_new (FALSE, TRUE, sizeof (StraitsTypeDef));
  self->event_types = g_array_new (FALSE, TRUE, sizeof (StraitsTypeDef));
  self->actors = g_array_new (FALSE, TRUE, sizeof (StraitsActor));
  self->groupings = g_array_new (FALSE, TRUE, sizeof (StraitsGrouping));
  self->relations = g_array_new (FALSE, TRUE, sizeof (StraitsRelation));
  self->events = g_array_new (FALSE, TRUE, sizeof (StraitsEvent));
  self->figures = g_array_new (FALSE, TRUE, sizeof (StraitsFigure));
  self->views = g_array_new (FALSE, TRUE, sizeof (StraitsView));
  self->annotations = g_array_new (FALSE, TRUE, sizeof (StraitsAnnotation));
  self->citations = g_array_new (FALSE, TRUE, sizeof (StraitsCitation));
  self->indices = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->strvs = g_ptr_array_new ();
  self->groups = g_array_new (FALSE, TRUE, sizeof (StraitsGroup));
  self->figure_values = g_array_new (FALSE, TRUE, sizeof (StraitsFigureValue));
  self->coords = g_array_new (FALSE, TRUE, sizeof (double));
  self->source_ids = new_id_table ();
  self->relation_type_ids = new_id_table ();
  self->event_type_ids = new_id_table ();
  self->actor_ids = new_id_table ();
  self->iso3_ids = new_id_table ();
  self->grouping_ids = new_id_table ();
  self->relation_ids = new_id_table ();
  self->event_ids = new_id_table ();
  self->figure_ids = new_id_table ();
  self->view_ids = new_id_table ();
  self->annotation_ids = new_id_table ();
}

guint32
straits_dataset_lookup (GHashTable *ids,
                        const char *id)
{
  gpointer value;

  if (id == NULL || ids == NULL)
    return STRAITS_NO_INDEX;
  value = g_hash_table_lookup (ids, id);
  return value ? GPOINTER_TO_UINT (value) - 1 : STRAITS_NO_INDEX;
}

const char *
straits_dataset_get_filename (StraitsDataset *self)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  return self->filename;
}

/* What names this dataset across its versions (bookmarks are kept per
 * dataset): the metadata's id, else the file's name without its
 * extension ("turkey-european-security"), else the title. */
const char *
straits_dataset_get_id (StraitsDataset *self)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  if (self->metadata.id != NULL)
    return self->metadata.id;
  if (self->file_id == NULL && self->filename != NULL && *self->filename != '<')
    {
      g_autofree char *base = g_path_get_basename (self->filename);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      self->file_id = g_steal_pointer (&base);
    }
  return self->file_id != NULL ? self->file_id : self->metadata.title;
}

const StraitsMetadata *
straits_dataset_get_metadata (StraitsDataset *self)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  return &self->metadata;
}

#define DEFINE_ITEM_ACCESSORS(Type, name, array, ids)                                 \
  guint                                                                               \
  straits_dataset_get_n_##name##s (StraitsDataset *self)                              \
  {                                                                                   \
    g_return_val_if_fail (STRAITS_IS_DATASET (self), 0);                              \
    return self->array->len;                                                          \
  }                                                                                   \
  const Type *                                                                        \
  straits_dataset_get_##name (StraitsDataset *self, guint index)                      \
  {                                                                                   \
    g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);                           \
    g_return_val_if_fail (index < self->array->len, NULL);                            \
    return &g_array_index (self->array, Type, index);                                 \
  }                                                                                   \
  guint32                                                                             \
  straits_dataset_find_##name (StraitsDataset *self, const char *id)                  \
  {                                                                                   \
    g_return_val_if_fail (STRAITS_IS_DATASET (self), STRAITS_NO_INDEX);               \
    return straits_dataset_lookup (self->ids, id);                                    \
  }

DEFINE_ITEM_ACCESSORS (StraitsSource, source, sources, source_ids)
DEFINE_ITEM_ACCESSORS (StraitsTypeDef, relation_type, relation_types, relation_type_ids)
DEFINE_ITEM_ACCESSORS (StraitsTypeDef, event_type, event_types, event_type_ids)
DEFINE_ITEM_ACCESSORS (StraitsActor, actor, actors, actor_ids)
DEFINE_ITEM_ACCESSORS (StraitsGrouping, grouping, groupings, grouping_ids)
DEFINE_ITEM_ACCESSORS (StraitsRelation, relation, relations, relation_ids)
DEFINE_ITEM_ACCESSORS (StraitsEvent, event, events, event_ids)
DEFINE_ITEM_ACCESSORS (StraitsFigure, figure, figures, figure_ids)
DEFINE_ITEM_ACCESSORS (StraitsView, view, views, view_ids)
DEFINE_ITEM_ACCESSORS (StraitsAnnotation, annotation, annotations, annotation_ids)

guint32
straits_dataset_find_actor_by_iso3 (StraitsDataset *self,
                                    const char     *iso3)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), STRAITS_NO_INDEX);
  return straits_dataset_lookup (self->iso3_ids, iso3);
}

/* Index building ------------------------------------------------------- */

static guint32 *
offsets_from_counts (guint32 *counts, guint n)
{
  guint32 *offsets = g_new (guint32, n + 1);
  guint32 sum = 0;

  for (guint i = 0; i < n; i++)
    {
      offsets[i] = sum;
      sum += counts[i];
    }
  offsets[n] = sum;
  return offsets;
}

static void
index_relations_by_actor (StraitsDataset *self)
{
  guint n_actors = self->actors->len;
  g_autofree guint32 *fill = g_new0 (guint32, n_actors);

  for (guint i = 0; i < self->relations->len; i++)
    {
      const StraitsRelation *r = &g_array_index (self->relations, StraitsRelation, i);

      fill[r->from]++;
      fill[r->to]++;
    }
  self->relation_offsets = offsets_from_counts (fill, n_actors);
  self->relation_index = g_new (guint32, self->relation_offsets[n_actors] + 1);
  if (n_actors > 0)
    memcpy (fill, self->relation_offsets, n_actors * sizeof (guint32));
  for (guint i = 0; i < self->relations->len; i++)
    {
      const StraitsRelation *r = &g_array_index (self->relations, StraitsRelation, i);

      self->relation_index[fill[r->from]++] = i;
      self->relation_index[fill[r->to]++] = i;
    }
}

/* Events sorted by date once; filling the per-actor lists in that order
 * keeps each of them sorted without another sort. */
static int
compare_events_by_date (gconstpointer a, gconstpointer b, gpointer data)
{
  StraitsDataset *self = data;
  guint32 ia = *(const guint32 *) a, ib = *(const guint32 *) b;
  const StraitsEvent *ea = &g_array_index (self->events, StraitsEvent, ia);
  const StraitsEvent *eb = &g_array_index (self->events, StraitsEvent, ib);
  int c = straits_date_compare (&ea->date, &eb->date);

  if (c != 0)
    return c;
  return ia < ib ? -1 : ia > ib;
}

static void
index_events (StraitsDataset *self)
{
  guint n_actors = self->actors->len, n_events = self->events->len;
  g_autofree guint32 *fill = g_new0 (guint32, n_actors);

  self->events_by_date = g_new (guint32, n_events + 1);
  for (guint i = 0; i < n_events; i++)
    self->events_by_date[i] = i;
  g_qsort_with_data (self->events_by_date, (gint) n_events, sizeof (guint32),
                     compare_events_by_date, self);

  for (guint i = 0; i < n_events; i++)
    {
      const StraitsEvent *e = &g_array_index (self->events, StraitsEvent, i);

      for (guint k = 0; k < e->n_actors; k++)
        fill[e->actors[k]]++;
    }
  self->event_offsets = offsets_from_counts (fill, n_actors);
  self->event_index = g_new (guint32, self->event_offsets[n_actors] + 1);
  if (n_actors > 0)
    memcpy (fill, self->event_offsets, n_actors * sizeof (guint32));
  for (guint j = 0; j < n_events; j++)
    {
      guint32 i = self->events_by_date[j];
      const StraitsEvent *e = &g_array_index (self->events, StraitsEvent, i);

      for (guint k = 0; k < e->n_actors; k++)
        self->event_index[fill[e->actors[k]]++] = i;
    }
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
index_groups (StraitsDataset *self)
{
  guint n_groupings = self->groupings->len;
  gsize n = 0;

  self->group_member_offsets = g_new (guint32, n_groupings + 1);
  for (guint g = 0; g < n_groupings; g++)
    {
      const StraitsGrouping *grouping = &g_array_index (self->groupings, StraitsGrouping, g);

      self->group_member_offsets[g] = (guint32) n;
      for (guint k = 0; k < grouping->n_groups; k++)
        n += grouping->groups[k].n_members;
    }
  self->group_member_offsets[n_groupings] = (guint32) n;
  self->group_members = g_new (guint32, 2 * n + 2);
  for (guint g = 0; g < n_groupings; g++)
    {
      const StraitsGrouping *grouping = &g_array_index (self->groupings, StraitsGrouping, g);
      guint32 *pair = self->group_members + 2 * (gsize) self->group_member_offsets[g];

      for (guint k = 0; k < grouping->n_groups; k++)
        for (guint m = 0; m < grouping->groups[k].n_members; m++, pair += 2)
          {
            pair[0] = grouping->groups[k].members[m];
            pair[1] = k;
          }
      qsort (self->group_members + 2 * (gsize) self->group_member_offsets[g],
             self->group_member_offsets[g + 1] - self->group_member_offsets[g],
             2 * sizeof (guint32), compare_pairs);
    }
}

void
_straits_dataset_build_index (StraitsDataset *self)
{
  index_relations_by_actor (self);
  index_events (self);
  index_groups (self);
}

const guint32 *
straits_dataset_relations_of_actor (StraitsDataset *self,
                                    guint32         actor,
                                    guint          *n)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);

  *n = self->relation_offsets[actor + 1] - self->relation_offsets[actor];
  return self->relation_index + self->relation_offsets[actor];
}

const guint32 *
straits_dataset_events_of_actor (StraitsDataset *self,
                                 guint32         actor,
                                 guint          *n)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);

  *n = self->event_offsets[actor + 1] - self->event_offsets[actor];
  return self->event_index + self->event_offsets[actor];
}

const guint32 *
straits_dataset_events_by_date (StraitsDataset *self,
                                guint          *n)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);

  *n = self->events->len;
  return self->events_by_date;
}

const StraitsGroup *
straits_dataset_group_of_actor (StraitsDataset *self,
                                guint32         grouping,
                                guint32         actor)
{
  const guint32 *pairs, *found;
  guint32 n;

  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);
  if (grouping >= self->groupings->len || actor >= self->actors->len)
    return NULL;
  pairs = self->group_members + 2 * (gsize) self->group_member_offsets[grouping];
  n = self->group_member_offsets[grouping + 1] - self->group_member_offsets[grouping];
  found = bsearch (&actor, pairs, n, 2 * sizeof (guint32), compare_pairs);
  if (found == NULL)
    return NULL;
  return &g_array_index (self->groupings, StraitsGrouping, grouping).groups[found[1]];
}

/* Queries -------------------------------------------------------------- */

gboolean
straits_event_involves (const StraitsEvent *event,
                        guint32             actor)
{
  for (guint k = 0; k < event->n_actors; k++)
    if (event->actors[k] == actor)
      return TRUE;
  return FALSE;
}

/* An event lies in the window when its period overlaps it: an event dated
 * "2021" is inside a window ending in March 2021. */
static gboolean
event_in_window (const StraitsEvent *e,
                 guint32             from_day,
                 guint32             to_day)
{
  const StraitsDate *last = straits_date_is_set (&e->end) ? &e->end : &e->date;

  return straits_date_first_day (&e->date) <= to_day &&
         straits_date_last_day (last) >= from_day;
}

/* Events of @actor_a (and, unless it is STRAITS_NO_INDEX, also of
 * @actor_b) whose period overlaps [@from, @to]; either bound may be NULL. */
GArray *
straits_dataset_query_events (StraitsDataset    *self,
                              guint32            actor_a,
                              guint32            actor_b,
                              const StraitsDate *from,
                              const StraitsDate *to)
{
  guint32 from_day = from ? straits_date_first_day (from) : STRAITS_DAY_KEY_MIN;
  guint32 to_day = to ? straits_date_last_day (to) : STRAITS_DAY_KEY_MAX;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));
  const guint32 *list;
  guint n;

  g_return_val_if_fail (STRAITS_IS_DATASET (self), out);

  if (actor_a == STRAITS_NO_INDEX)
    list = straits_dataset_events_by_date (self, &n);
  else
    list = straits_dataset_events_of_actor (self, actor_a, &n);

  for (guint j = 0; j < n; j++)
    {
      const StraitsEvent *e = &g_array_index (self->events, StraitsEvent, list[j]);

      if (actor_b != STRAITS_NO_INDEX && !straits_event_involves (e, actor_b))
        continue;
      if (event_in_window (e, from_day, to_day))
        g_array_append_val (out, list[j]);
    }
  return out;
}

/* The first and last dates of the relation's span as the graph export
 * writes it (docs/diff-and-graphs.md); NULL where it is open. FALSE when
 * it ended at an unknown date and nothing dates it. The map's rules,
 * which also say where a date is unknown, are straits_relation_state_at's. */
gboolean
straits_relation_get_span (const StraitsRelation  *r,
                           const StraitsDate     **first,
                           const StraitsDate     **last)
{
  *first = NULL;
  *last = NULL;
  if (straits_date_is_set (&r->start))
    *first = &r->start;
  else if (r->start_unknown && straits_date_is_set (&r->attested))
    *first = &r->attested;
  if (straits_date_is_set (&r->end))
    *last = &r->end;
  else if (r->end_unknown)
    {
      *last = straits_date_is_set (&r->attested) ? &r->attested : *first;
      if (*last == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A span as relations and groupings give it (docs/dataset-format.md, *Time*). */
typedef struct {
  const StraitsDate *start, *end, *attested;
  gboolean end_unknown;
} Span;

/* The first date the span is known to hold at: its start; when the start
 * is unknown or not given, its attested date, else its end. */
static const StraitsDate *
first_known (const Span *s)
{
  if (straits_date_is_set (s->start))
    return s->start;
  if (straits_date_is_set (s->attested))
    return s->attested;
  return straits_date_is_set (s->end) ? s->end : NULL;
}

/* The last: its end; when the end is unknown, its last attested date (its
 * attested date, else its start); NULL while it is ongoing. */
static const StraitsDate *
last_known (const Span *s)
{
  if (straits_date_is_set (s->end))
    return s->end;
  if (!s->end_unknown)
    return NULL;
  return straits_date_is_set (s->attested) ? s->attested : first_known (s);
}

/* The one place the time slider's rules are kept: the renderer, the
 * history and the loader ask here. A span is ACTIVE at a date when its
 * known span overlaps it (a partial date is its whole period), NOT_YET
 * before a known start, ENDED after its end or, when the end is unknown,
 * after its last attested date. Before the first date of a span whose
 * start is unknown, and at every date for one that no date places, it is
 * DATE_UNKNOWN rather than active: nothing says it held then. */
static StraitsTimeState
span_state_at (const Span *s, const StraitsDate *date)
{
  const StraitsDate *first = first_known (s), *last = last_known (s);

  if (date == NULL || !straits_date_is_set (date))
    return STRAITS_TIME_ACTIVE;
  if (first == NULL)
    return STRAITS_TIME_DATE_UNKNOWN;
  if (last != NULL && straits_date_last_day (last) < straits_date_first_day (date))
    return STRAITS_TIME_ENDED;
  if (straits_date_first_day (first) > straits_date_last_day (date))
    return straits_date_is_set (s->start) ? STRAITS_TIME_NOT_YET : STRAITS_TIME_DATE_UNKNOWN;
  return STRAITS_TIME_ACTIVE;
}

StraitsTimeState
straits_relation_state_at (const StraitsRelation *r,
                           const StraitsDate     *date)
{
  Span s = { &r->start, &r->end, &r->attested, r->end_unknown };

  return span_state_at (&s, date);
}

StraitsTimeState
straits_grouping_state_at (const StraitsGrouping *g,
                           const StraitsDate     *date)
{
  Span s = { &g->start, &g->end, &g->attested, g->end_unknown };

  return span_state_at (&s, date);
}

/* An event is ACTIVE over its date (to its end, for one with duration). */
StraitsTimeState
straits_event_state_at (const StraitsEvent *e,
                        const StraitsDate  *date)
{
  const StraitsDate *last = straits_date_is_set (&e->end) ? &e->end : &e->date;

  if (date == NULL || !straits_date_is_set (date))
    return STRAITS_TIME_ACTIVE;
  if (!straits_date_is_set (&e->date))
    return STRAITS_TIME_DATE_UNKNOWN;
  if (straits_date_first_day (&e->date) > straits_date_last_day (date))
    return STRAITS_TIME_NOT_YET;
  if (straits_date_last_day (last) < straits_date_first_day (date))
    return STRAITS_TIME_ENDED;
  return STRAITS_TIME_ACTIVE;
}

gboolean
straits_relation_is_active_at (const StraitsRelation *r,
                               const StraitsDate     *date)
{
  return straits_relation_state_at (r, date) == STRAITS_TIME_ACTIVE;
}

/* The relation's span as a reader sees it: "2019 – 2021", "since 2021",
 * "2019 – ended, date unknown", "start unknown – November 2018", with the
 * attested date when a start or end is unknown. */
char *
straits_relation_format_dates (const StraitsRelation *r)
{
  g_autofree char *start = r->start_unknown ? g_strdup (_("start unknown")) : straits_date_format (&r->start);
  g_autofree char *end = r->end_unknown ? g_strdup (_("ended, date unknown")) : straits_date_format (&r->end);
  g_autofree char *attested = straits_date_format (&r->attested);
  g_autofree char *span = NULL;

  if (*start && *end)
    /* Translators: a relation's period, e.g. "2019 – 2021" */
    span = g_strdup_printf (_("%s – %s"), start, end);
  else if (*start && r->start_unknown)
    span = g_steal_pointer (&start);
  else if (*start)
    /* Translators: a relation without an end, e.g. "since 2021" */
    span = g_strdup_printf (_("since %s"), start);
  else if (*end && r->end_unknown)
    span = g_steal_pointer (&end);
  else if (*end)
    /* Translators: a relation without a start, e.g. "until 2021" */
    span = g_strdup_printf (_("until %s"), end);
  else
    return g_strdup (_("undated"));
  if (*attested && (r->start_unknown || r->end_unknown))
    /* Translators: a span with an unknown end, and the date a source
     * attests the relation at, e.g. "start unknown; attested 2025" */
    return g_strdup_printf (_("%s; attested %s"), span, attested);
  return g_steal_pointer (&span);
}

GArray *
straits_dataset_relations_active_at (StraitsDataset    *self,
                                     const StraitsDate *date)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_return_val_if_fail (STRAITS_IS_DATASET (self), out);

  for (guint32 i = 0; i < self->relations->len; i++)
    if (straits_relation_is_active_at (&g_array_index (self->relations, StraitsRelation, i), date))
      g_array_append_val (out, i);
  return out;
}

char *
straits_dataset_summarize (StraitsDataset *self)
{
  g_return_val_if_fail (STRAITS_IS_DATASET (self), NULL);

  return g_strdup_printf (_("%u actors, %u relations, %u events, %u groupings, %u figures, %u sources"),
                          self->actors->len, self->relations->len, self->events->len,
                          self->groupings->len, self->figures->len, self->sources->len);
}

const char *
straits_actor_kind_to_string (StraitsActorKind kind)
{
  static const char *names[] = {
    "state", "international-organisation", "eu-institution", "alliance",
    "company", "initiative", "group", "other",
  };
  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "other";
}

const char *
straits_stance_to_string (StraitsStance stance)
{
  switch (stance)
    {
    case STRAITS_STANCE_COOPERATIVE: return "cooperative";
    case STRAITS_STANCE_ADVERSARIAL: return "adversarial";
    case STRAITS_STANCE_NEUTRAL:
    default: return "neutral";
    }
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

gboolean
straits_relation_types_include (const guint32 *types,
                                guint          n_types,
                                guint32        type)
{
  if (types == NULL)
    return TRUE;
  for (guint i = 0; i < n_types; i++)
    if (types[i] == type)
      return TRUE;
  return FALSE;
}
