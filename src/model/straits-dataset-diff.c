/* straits-dataset-diff.c: what changed between two datasets
 *
 * Every kind of item is described as a list of named fields holding
 * strings (straits-dataset-diff.h says how); two versions of an item differ
 * where their fields do. One generic comparison serves every kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "straits-dataset-diff.h"

/* An item's fields in order, with their names for look-up. */
typedef struct {
  GPtrArray *fields;     /* StraitsDiffField, the value in old_value */
  GHashTable *by_name;   /* name → StraitsDiffField */
  GHashTable *repeats;   /* name → how many fields have had it */
  StraitsDataset *ds;
} Fields;

static void
diff_field_free (gpointer data)
{
  StraitsDiffField *f = data;

  g_free (f->field);
  g_free (f->old_value);
  g_free (f->new_value);
  g_free (f);
}

static void
diff_item_free (gpointer data)
{
  StraitsDiffItem *item = data;

  g_free (item->id);
  g_ptr_array_unref (item->fields);
  g_free (item);
}

static void
fields_init (Fields *f, StraitsDataset *ds)
{
  f->fields = g_ptr_array_new_with_free_func (diff_field_free);
  f->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  f->repeats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->ds = ds;
}

static void
fields_clear (Fields *f)
{
  g_clear_pointer (&f->by_name, g_hash_table_unref);
  g_clear_pointer (&f->repeats, g_hash_table_unref);
  g_clear_pointer (&f->fields, g_ptr_array_unref);
}

/* Takes @value; NULL (absent) adds nothing. A name seen before in the
 * item (two values of a figure for the same actor) gets " #2", " #3"… */
static void
put (Fields *f, const char *name, char *value)
{
  StraitsDiffField *field;
  g_autofree char *unique = NULL;
  guint n;

  if (value == NULL)
    return;
  /* Counted per name, so that a figure of many values with one label
   * takes linear time. */
  n = GPOINTER_TO_UINT (g_hash_table_lookup (f->repeats, name)) + 1;
  g_hash_table_insert (f->repeats, g_strdup (name), GUINT_TO_POINTER (n));
  unique = n > 1 ? g_strdup_printf ("%s #%u", name, n) : g_strdup (name);
  field = g_new0 (StraitsDiffField, 1);
  field->field = g_steal_pointer (&unique);
  field->old_value = value;
  g_ptr_array_add (f->fields, field);
  g_hash_table_insert (f->by_name, field->field, field);
}

static void
put_text (Fields *f, const char *name, const char *text)
{
  put (f, name, g_strdup (text));
}

static void
put_number (Fields *f, const char *name, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* 15 digits: what a JSON number like 7.15 reads back as, not 7.1500000000000004. */
  put (f, name, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value)));
}

static void
put_flag (Fields *f, const char *name, gboolean value)
{
  if (value)
    put_text (f, name, "true");
}

static void
put_date (Fields *f, const char *name, const StraitsDate *date)
{
  if (straits_date_is_set (date))
    put (f, name, straits_date_to_iso (date));
}

static void
put_colour (Fields *f, const char *name, const StraitsColour *c)
{
  put (f, name, g_strdup_printf ("#%02x%02x%02x", (guint) lround (c->r * 255),
                                 (guint) lround (c->g * 255), (guint) lround (c->b * 255)));
}

static void
put_point (Fields *f, const char *name, double lon, double lat)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  put (f, name, g_strdup_printf ("%s, %s", g_ascii_formatd (a, sizeof a, "%.10g", lon),
                                 g_ascii_formatd (b, sizeof b, "%.10g", lat)));
}

static void
put_strv (Fields *f, const char *name, const char *const *strv)
{
  if (strv != NULL && strv[0] != NULL)
    put (f, name, g_strjoinv (", ", (char **) strv));
}

/* @ids holds strings owned elsewhere; it is NULL-terminated here. */
static void
put_list (Fields *f, const char *name, GPtrArray *ids)
{
  g_ptr_array_add (ids, NULL);
  put_strv (f, name, (const char *const *) ids->pdata);
}

static const char *
actor_id (StraitsDataset *ds, guint32 actor)
{
  return actor != STRAITS_NO_INDEX ? straits_dataset_get_actor (ds, actor)->id : NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* A list of actors by id; sorted when the order means nothing (members). */
static void
put_actors (Fields *f, const char *name, const guint32 *actors, guint n, gboolean sort)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) actor_id (f->ds, actors[i]));
  if (sort)
    g_ptr_array_sort (ids, compare_strings);
  put_list (f, name, ids);
}

/* "source-id: locator “quote”; …": a changed locator is a changed field. */
static void
put_citations (Fields *f, const StraitsCitations *citations)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < citations->n; i++)
    {
      const StraitsCitation *c = &citations->items[i];

      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, straits_dataset_get_source (f->ds, c->source)->id);
      if (c->locator != NULL)
        g_string_append_printf (s, ": %s", c->locator);
      if (c->quote != NULL)
        g_string_append_printf (s, " “%s”", c->quote);
    }
  if (citations->n > 0)
    put (f, "sources", g_string_free (g_steal_pointer (&s), FALSE));
}

/* The kinds ---------------------------------------------------------------- */

static void
describe_metadata (Fields *f, gconstpointer item)
{
  const StraitsMetadata *m = item;

  put_text (f, "title", m->title);
  put_text (f, "description", m->description);
  put_text (f, "version", m->version);
  put_text (f, "licence", m->licence);
  put_strv (f, "authors", m->authors);
  put_date (f, "date", &m->date);
}

static void
describe_source (Fields *f, gconstpointer item)
{
  const StraitsSource *s = item;

  put_text (f, "title", s->title);
  put_strv (f, "authors", s->authors);
  put_text (f, "publisher", s->publisher);
  put_date (f, "date", &s->date);
  put_text (f, "url", s->url);
  put_text (f, "doi", s->doi);
  put_text (f, "licence", s->licence);
  if (s->n_sections > 0)
    {
      g_autoptr(GString) sections = g_string_new (NULL);

      for (guint i = 0; i < s->n_sections; i++)
        g_string_append_printf (sections, "%s%s (%u)", i > 0 ? "; " : "", s->headings[i], s->paragraphs[i]);
      put (f, "sections", g_string_free (g_steal_pointer (&sections), FALSE));
    }
}

static void
describe_type (Fields *f, gconstpointer item)
{
  const StraitsTypeDef *t = item;

  put_text (f, "label", t->label);
  put_text (f, "description", t->description);
  put_colour (f, "colour", &t->colour);
  if (t->from_role != NULL)
    put (f, "roles", g_strdup_printf ("%s, %s", t->from_role, t->to_role));
  put_flag (f, "dated", t->dated);
}

static void
describe_actor (Fields *f, gconstpointer item)
{
  const StraitsActor *a = item;

  put_text (f, "kind", straits_actor_kind_to_string (a->kind));
  put_text (f, "name", a->name);
  put_text (f, "short_name", a->short_name);
  put_text (f, "iso3", a->iso3);
  put_strv (f, "memberships", a->memberships);
  put_text (f, "country", actor_id (f->ds, a->country));
  if (a->has_location)
    put_point (f, "location", a->lon, a->lat);
  put_text (f, "description", a->description);
  put_text (f, "note", a->note);
  put_citations (f, &a->citations);
}

/* A relation's or grouping's "start", "end" and "attested" as the file
 * gives them ("unknown" or a date). */
static void
put_span (Fields *f, const StraitsDate *start, gboolean start_unknown, const StraitsDate *end,
          gboolean end_unknown, const StraitsDate *attested)
{
  put (f, "start", start_unknown ? g_strdup ("unknown") : NULL);
  put_date (f, "start", start);
  put (f, "end", end_unknown ? g_strdup ("unknown") : NULL);
  put_date (f, "end", end);
  put_date (f, "attested", attested);
}

static void
describe_grouping (Fields *f, gconstpointer item)
{
  const StraitsGrouping *g = item;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  put_text (f, "label", g->label);
  put_text (f, "description", g->description);
  for (guint i = 0; i < g->n_groups; i++)
    g_ptr_array_add (groups, (gpointer) g->groups[i].id);
  put_list (f, "groups", groups);
  put_span (f, &g->start, g->start_unknown, &g->end, g->end_unknown, &g->attested);
  put_citations (f, &g->citations);
}

static void
describe_group (Fields *f, gconstpointer item)
{
  const StraitsGroup *g = item;

  put_text (f, "label", g->label);
  put_text (f, "description", g->description);
  put_colour (f, "colour", &g->colour);
  put_actors (f, "members", g->members, g->n_members, TRUE);
  put_citations (f, &g->citations);
}

static void
describe_relation (Fields *f, gconstpointer item)
{
  const StraitsRelation *r = item;
  const StraitsTypeDef *type = straits_dataset_get_relation_type (f->ds, r->type);

  put_text (f, "from", actor_id (f->ds, r->from));
  put_text (f, "to", actor_id (f->ds, r->to));
  put_text (f, "type", type->id);
  put_text (f, "direction", r->mutual ? "mutual" : "forward");
  put_text (f, "stance", straits_stance_to_string (r->stance));
  put_number (f, "strength", round (r->strength * 1000) / 1000); /* a float: 0.8, not 0.800000011920929 */
  put_span (f, &r->start, r->start_unknown, &r->end, r->end_unknown, &r->attested);
  if (r->has_roles && type->from_role != NULL)
    put (f, "roles", g_strdup_printf ("%s: %s, %s: %s", type->from_role, actor_id (f->ds, r->from),
                                      type->to_role, actor_id (f->ds, r->to)));
  put_text (f, "summary", r->summary);
  put_text (f, "note", r->note);
  put_citations (f, &r->citations);
}

static void
describe_event (Fields *f, gconstpointer item)
{
  const StraitsEvent *e = item;
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();

  put_text (f, "title", e->title);
  put_text (f, "type", straits_dataset_get_event_type (f->ds, e->type)->id);
  put_date (f, "date", &e->date);
  put_date (f, "end", &e->end);
  put_actors (f, "actors", e->actors, e->n_actors, FALSE);
  for (guint i = 0; i < e->n_relations; i++)
    g_ptr_array_add (relations, (gpointer) straits_dataset_get_relation (f->ds, e->relations[i])->id);
  put_list (f, "relations", relations);
  if (e->has_point)
    put_point (f, "place", e->lon, e->lat);
  put_text (f, "place", e->feature);
  put_text (f, "description", e->description);
  put_text (f, "note", e->note);
  put_citations (f, &e->citations);
}

static void
put_figure_value (Fields *f, const StraitsFigureValue *v)
{
  g_autofree char *period = straits_date_to_iso (&v->period);
  const char *key = v->actor != STRAITS_NO_INDEX ? actor_id (f->ds, v->actor)
                    : v->label != NULL ? v->label : period;
  g_autofree char *name = g_strdup_printf ("value[%s]", key);
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (a, sizeof a, "%.15g", v->value);
  if (v->has_unrounded)
    put (f, name, g_strdup_printf ("%s (unrounded %s)", a, g_ascii_formatd (b, sizeof b, "%.15g", v->unrounded)));
  else
    put_text (f, name, a);
}

static void
describe_figure (Fields *f, gconstpointer item)
{
  static const char *const kinds[] = { "shares", "series", "ranking", "value", "bound", "rank" };
  static const char *const bounds[] = { NULL, "upper", "lower" };
  const StraitsFigure *fig = item;

  put_text (f, "kind", kinds[fig->kind]);
  put_text (f, "title", fig->title);
  put_text (f, "subject", actor_id (f->ds, fig->subject));
  put_text (f, "role", fig->role);
  put_text (f, "unit", fig->unit);
  put_text (f, "period", fig->period);
  put_text (f, "whole", fig->whole);
  put_text (f, "bound", bounds[fig->bound]);
  put_text (f, "base", fig->base);
  if (fig->of != 0)
    put_number (f, "of", fig->of);
  if (fig->has_change)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      put (f, "change", g_strdup_printf ("%s %s, against %s",
                                         g_ascii_formatd (buffer, sizeof buffer, "%.15g", fig->change),
                                         fig->change_unit ? fig->change_unit : "",
                                         fig->change_against ? fig->change_against : "-"));
    }
  for (guint i = 0; i < fig->n_values; i++)
    put_figure_value (f, &fig->values[i]);
  put_text (f, "note", fig->note);
  put_citations (f, &fig->citations);
}

static void
describe_view (Fields *f, gconstpointer item)
{
  const StraitsView *v = item;
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  put_text (f, "title", v->title);
  put_text (f, "subtitle", v->subtitle);
  if (v->region != NULL)
    put_text (f, "region", v->region);
  else
    {
      char w[G_ASCII_DTOSTR_BUF_SIZE], s[G_ASCII_DTOSTR_BUF_SIZE], e[G_ASCII_DTOSTR_BUF_SIZE], n[G_ASCII_DTOSTR_BUF_SIZE];

      put (f, "region", g_strdup_printf ("west %s, south %s, east %s, north %s",
                                         g_ascii_formatd (w, sizeof w, "%.10g", v->west),
                                         g_ascii_formatd (s, sizeof s, "%.10g", v->south),
                                         g_ascii_formatd (e, sizeof e, "%.10g", v->east),
                                         g_ascii_formatd (n, sizeof n, "%.10g", v->north)));
    }
  if (v->grouping != STRAITS_NO_INDEX)
    put_text (f, "grouping", straits_dataset_get_grouping (f->ds, v->grouping)->id);
  for (guint i = 0; v->relation_types != NULL && i < v->n_relation_types; i++)
    g_ptr_array_add (types, (gpointer) straits_dataset_get_relation_type (f->ds, v->relation_types[i])->id);
  put_list (f, "relation_types", types);
  put_strv (f, "overlays", v->overlays);
  put_date (f, "time", &v->time);
}

static void
describe_annotation (Fields *f, gconstpointer item)
{
  static const char *const kinds[] = { "strait", "disputed-area", "point", "line", "area" };
  const StraitsAnnotation *a = item;

  put_text (f, "kind", kinds[a->kind]);
  put_text (f, "name", a->name);
  put_text (f, "text", a->text);
  put_text (f, "feature", a->feature);
  if (a->n_points > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      for (guint i = 0; i < a->n_points; i++)
        g_string_append_printf (s, "%s[%s, %s]", i > 0 ? ", " : "",
                                g_ascii_formatd (x, sizeof x, "%.10g", a->coords[2 * i]),
                                g_ascii_formatd (y, sizeof y, "%.10g", a->coords[2 * i + 1]));
      put (f, "geometry", g_string_free (g_steal_pointer (&s), FALSE));
    }
  put_citations (f, &a->citations);
}

/* Items and their ids ----------------------------------------------------- */

static void
collect_metadata (StraitsDataset *ds, GPtrArray *items, GPtrArray *ids)
{
  g_ptr_array_add (items, (gpointer) straits_dataset_get_metadata (ds));
  g_ptr_array_add (ids, g_strdup ("metadata"));
}

#define COLLECT(name, n_getter, getter) \
  static void \
  collect_##name (StraitsDataset *ds, GPtrArray *items, GPtrArray *ids) \
  { \
    for (guint i = 0; i < n_getter (ds); i++) \
      { \
        g_ptr_array_add (items, (gpointer) getter (ds, i)); \
        g_ptr_array_add (ids, g_strdup (getter (ds, i)->id)); \
      } \
  }

COLLECT (source, straits_dataset_get_n_sources, straits_dataset_get_source)
COLLECT (relation_type, straits_dataset_get_n_relation_types, straits_dataset_get_relation_type)
COLLECT (event_type, straits_dataset_get_n_event_types, straits_dataset_get_event_type)
COLLECT (actor, straits_dataset_get_n_actors, straits_dataset_get_actor)
COLLECT (grouping, straits_dataset_get_n_groupings, straits_dataset_get_grouping)
COLLECT (relation, straits_dataset_get_n_relations, straits_dataset_get_relation)
COLLECT (event, straits_dataset_get_n_events, straits_dataset_get_event)
COLLECT (figure, straits_dataset_get_n_figures, straits_dataset_get_figure)
COLLECT (view, straits_dataset_get_n_views, straits_dataset_get_view)
COLLECT (annotation, straits_dataset_get_n_annotations, straits_dataset_get_annotation)

/* Groups across the groupings, in order; a group's id is GROUPING/GROUP. */
static void
collect_group (StraitsDataset *ds, GPtrArray *items, GPtrArray *ids)
{
  for (guint i = 0; i < straits_dataset_get_n_groupings (ds); i++)
    {
      const StraitsGrouping *grouping = straits_dataset_get_grouping (ds, i);

      for (guint j = 0; j < grouping->n_groups; j++)
        {
          g_ptr_array_add (items, (gpointer) &grouping->groups[j]);
          g_ptr_array_add (ids, g_strdup_printf ("%s/%s", grouping->id, grouping->groups[j].id));
        }
    }
}

typedef struct {
  const char *kind;
  void (*collect) (StraitsDataset *ds, GPtrArray *items, GPtrArray *ids);
  void (*describe) (Fields *f, gconstpointer item);
} Kind;

static const Kind kinds[] = {
  { "metadata", collect_metadata, describe_metadata },
  { "source", collect_source, describe_source },
  { "relation-type", collect_relation_type, describe_type },
  { "event-type", collect_event_type, describe_type },
  { "actor", collect_actor, describe_actor },
  { "grouping", collect_grouping, describe_grouping },
  { "group", collect_group, describe_group },
  { "relation", collect_relation, describe_relation },
  { "event", collect_event, describe_event },
  { "figure", collect_figure, describe_figure },
  { "view", collect_view, describe_view },
  { "annotation", collect_annotation, describe_annotation },
};

/* One dataset's items of a kind: pointers, ids, id → index + 1. */
typedef struct {
  StraitsDataset *ds;
  GPtrArray *items;
  GPtrArray *ids;
  GHashTable *index;
} Side;

static void
side_init (Side *side, const Kind *kind, StraitsDataset *ds)
{
  side->ds = ds;
  side->items = g_ptr_array_new ();
  side->ids = g_ptr_array_new_with_free_func (g_free);
  side->index = g_hash_table_new (g_str_hash, g_str_equal);
  kind->collect (ds, side->items, side->ids);
  for (guint i = 0; i < side->ids->len; i++)
    g_hash_table_insert (side->index, g_ptr_array_index (side->ids, i), GUINT_TO_POINTER (i + 1));
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->index, g_hash_table_unref);
  g_clear_pointer (&side->ids, g_ptr_array_unref);
  g_clear_pointer (&side->items, g_ptr_array_unref);
}

/* The comparison ----------------------------------------------------------- */

static StraitsDiffItem *
item_new (StraitsDiffChange change, const Kind *kind, char *id)
{
  StraitsDiffItem *item = g_new0 (StraitsDiffItem, 1);

  item->change = change;
  item->kind = kind->kind;
  item->id = id;
  item->fields = g_ptr_array_new_with_free_func (diff_field_free);
  return item;
}

static void
add_changed_field (StraitsDiffItem *item, const char *name, const char *old_value, const char *new_value)
{
  StraitsDiffField *field = g_new0 (StraitsDiffField, 1);

  field->field = g_strdup (name);
  field->old_value = g_strdup (old_value);
  field->new_value = g_strdup (new_value);
  g_ptr_array_add (item->fields, field);
}

/* The fields that differ: the old item's in its order, then those only
 * the new one has. */
static void
compare_fields (StraitsDiffItem *item, Fields *a, Fields *b)
{
  for (guint i = 0; i < a->fields->len; i++)
    {
      StraitsDiffField *old_field = g_ptr_array_index (a->fields, i);
      StraitsDiffField *new_field = g_hash_table_lookup (b->by_name, old_field->field);

      if (new_field == NULL || !g_str_equal (old_field->old_value, new_field->old_value))
        add_changed_field (item, old_field->field, old_field->old_value,
                           new_field ? new_field->old_value : NULL);
    }
  for (guint i = 0; i < b->fields->len; i++)
    {
      StraitsDiffField *new_field = g_ptr_array_index (b->fields, i);

      if (!g_hash_table_contains (a->by_name, new_field->field))
        add_changed_field (item, new_field->field, NULL, new_field->old_value);
    }
}

static StraitsDiffItem *
compare_item (const Kind *kind, Side *a, guint i, Side *b, guint j)
{
  Fields old_fields, new_fields;
  StraitsDiffItem *item = item_new (STRAITS_DIFF_CHANGED, kind, g_strdup (g_ptr_array_index (a->ids, i)));

  fields_init (&old_fields, a->ds);
  fields_init (&new_fields, b->ds);
  kind->describe (&old_fields, g_ptr_array_index (a->items, i));
  kind->describe (&new_fields, g_ptr_array_index (b->items, j));
  compare_fields (item, &old_fields, &new_fields);
  fields_clear (&old_fields);
  fields_clear (&new_fields);
  if (item->fields->len == 0)
    g_clear_pointer (&item, diff_item_free);
  return item;
}

/* The items of @from that @other lacks, as @change. */
static void
add_missing (GPtrArray *out, const Kind *kind, Side *from, Side *other, StraitsDiffChange change)
{
  for (guint i = 0; i < from->ids->len; i++)
    {
      const char *id = g_ptr_array_index (from->ids, i);

      if (!g_hash_table_contains (other->index, id))
        g_ptr_array_add (out, item_new (change, kind, g_strdup (id)));
    }
}

static void
diff_kind (GPtrArray *out, const Kind *kind, StraitsDataset *old_ds, StraitsDataset *new_ds)
{
  Side a, b;

  side_init (&a, kind, old_ds);
  side_init (&b, kind, new_ds);
  add_missing (out, kind, &a, &b, STRAITS_DIFF_REMOVED);
  add_missing (out, kind, &b, &a, STRAITS_DIFF_ADDED);
  for (guint i = 0; i < a.ids->len; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (b.index, g_ptr_array_index (a.ids, i)));
      StraitsDiffItem *item = j > 0 ? compare_item (kind, &a, i, &b, j - 1) : NULL;

      if (item != NULL)
        g_ptr_array_add (out, item);
    }
  side_clear (&a);
  side_clear (&b);
}

GPtrArray *
straits_dataset_diff (StraitsDataset *old_dataset,
                      StraitsDataset *new_dataset)
{
  GPtrArray *out;

  g_return_val_if_fail (STRAITS_IS_DATASET (old_dataset), NULL);
  g_return_val_if_fail (STRAITS_IS_DATASET (new_dataset), NULL);

  out = g_ptr_array_new_with_free_func (diff_item_free);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    diff_kind (out, &kinds[k], old_dataset, new_dataset);
  return out;
}

guint
straits_diff_count (GPtrArray         *items,
                    StraitsDiffChange  change)
{
  guint n = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    n += ((StraitsDiffItem *) g_ptr_array_index (items, i))->change == change;
  return n;
}

char *
straits_diff_version_label (StraitsDataset *dataset)
{
  const StraitsMetadata *m = straits_dataset_get_metadata (dataset);
  g_autofree char *date = straits_date_is_set (&m->date) ? straits_date_to_iso (&m->date) : NULL;

  if (m->version != NULL && date != NULL)
    return g_strdup_printf ("%s (%s)", m->version, date);
  if (m->version != NULL)
    return g_strdup (m->version);
  if (date != NULL)
    return g_steal_pointer (&date);
  return g_strdup (straits_dataset_get_id (dataset));
}

/* A value on one line; an absent one as a dash, in any language. */
static char *
shown_value (const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL)
    return g_strdup ("—");
  lines = g_strsplit (value, "\n", -1);
  return g_strjoinv (" ", lines);
}

char **
straits_diff_item_describe (const StraitsDiffItem *item)
{
  GPtrArray *lines = g_ptr_array_new ();
  /* The metadata is one item: "Changed metadata", not "… metadata metadata". */
  const char *id = g_str_equal (item->kind, item->id) ? "" : item->id;

  if (item->change == STRAITS_DIFF_ADDED)
    /* Translators: a new item, e.g. "Added relation rel-x"; the kind is the dataset format's word */
    g_ptr_array_add (lines, g_strdup_printf (_("Added %s %s"), item->kind, id));
  else if (item->change == STRAITS_DIFF_REMOVED)
    /* Translators: an item no longer there, e.g. "Removed actor SWE" */
    g_ptr_array_add (lines, g_strdup_printf (_("Removed %s %s"), item->kind, id));
  else
    /* Translators: an item whose fields changed, e.g. "Changed relation rel-x" */
    g_ptr_array_add (lines, g_strdup_printf (_("Changed %s %s"), item->kind, id));
  for (guint j = 0; j < item->fields->len; j++)
    {
      StraitsDiffField *f = g_ptr_array_index (item->fields, j);
      g_autofree char *old_value = shown_value (f->old_value);
      g_autofree char *new_value = shown_value (f->new_value);

      /* Translators: a changed field, its old and new value: "start: 2019 → 2020" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), f->field, old_value, new_value));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

GHashTable *
straits_diff_changed_ids (GPtrArray  *items,
                          const char *kind)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  G_STATIC_ASSERT (STRAITS_DIFF_REMOVED == 0);
  for (guint i = 0; i < items->len; i++)
    {
      const StraitsDiffItem *item = g_ptr_array_index (items, i);

      if (item->change != STRAITS_DIFF_REMOVED && g_str_equal (item->kind, kind))
        g_hash_table_insert (ids, g_strdup (item->id), GUINT_TO_POINTER (item->change));
    }
  return ids;
}

char *
straits_diff_summary (GPtrArray *items)
{
  /* Translators: how many items of a dataset were added, removed and changed */
  return g_strdup_printf (_("%u added, %u removed, %u changed"), straits_diff_count (items, STRAITS_DIFF_ADDED),
                          straits_diff_count (items, STRAITS_DIFF_REMOVED),
                          straits_diff_count (items, STRAITS_DIFF_CHANGED));
}
