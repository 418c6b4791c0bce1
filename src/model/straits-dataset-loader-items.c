/* straits-dataset-loader-items.c: the loader's reader for each kind of item
 *
 * One reader per kind (sources, vocabulary, actors, groupings,
 * annotations, relations, events, figures, views), each checking the
 * members its kind has (docs/dataset-format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-dataset-loader-private.h"

/* Items ---------------------------------------------------------------- */

/* "sections": [ { "heading": "…", "paragraphs": 3 }, … ]: the source's
 * headings as it prints them, so that locators can be checked against
 * them. Only the first section may lack a heading (an untitled opening). */
static void
load_sections (Loader *L, const Ctx *c, JsonObject *o, StraitsSource *s)
{
  static const char *const known[] = { "heading", "paragraphs", NULL };
  JsonArray *array = _straits_want_array (L, c, o, "sections", OPTIONAL);
  guint first_heading = L->ds->strvs->len, first_count = L->ds->indices->len;

  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Ctx sc = { c, "sections", i };
      JsonNode *node = json_array_get_element (array, i);
      const char *heading;
      double paragraphs = 0;
      guint32 count;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _straits_wrong_type (L, _straits_at_item (&sc), _("an object with “heading” and “paragraphs”"), node);
          continue;
        }
      _straits_check_members (L, &sc, json_node_get_object (node), known);
      heading = _straits_want_string (L, &sc, json_node_get_object (node), "heading",
                                      i == 0 ? OPTIONAL : REQUIRED, MAX_NAME_LENGTH);
      _straits_want_number (L, &sc, json_node_get_object (node), "paragraphs", REQUIRED, 1, 100000, &paragraphs);
      count = (guint32) paragraphs;
      g_ptr_array_add (L->ds->strvs, (gpointer) (heading ? heading : _straits_intern (L, "", SHARED)));
      g_array_append_val (L->ds->indices, count);
    }
  g_ptr_array_add (L->ds->strvs, NULL);
  s->n_sections = L->ds->indices->len - first_count;
  s->headings = POOL_REF (first_heading);
  s->paragraphs = POOL_REF (first_count);
}

void
_straits_load_source (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "title", "authors", "publisher", "date", "url",
                                       "doi", "licence", "sections", NULL };
  StraitsSource *s = item;

  _straits_check_members (L, c, o, known);
  s->id = _straits_want_id (L, c, o, L->ds->source_ids);
  s->title = _straits_want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  s->authors = _straits_want_strv (L, c, o, "authors");
  s->publisher = _straits_want_string (L, c, o, "publisher", SHARED, MAX_NAME_LENGTH);
  _straits_want_date (L, c, o, "date", OPTIONAL, &s->date);
  s->url = _straits_want_string (L, c, o, "url", OPTIONAL, MAX_URL_LENGTH);
  s->doi = _straits_want_string (L, c, o, "doi", OPTIONAL, MAX_URL_LENGTH);
  s->licence = _straits_want_string (L, c, o, "licence", SHARED, MAX_NAME_LENGTH);
  load_sections (L, c, o, s);
}

static void
load_type_def (Loader *L, const Ctx *c, JsonObject *o, gpointer item, GHashTable *ids,
               const char *const *known)
{
  StraitsTypeDef *t = item;

  _straits_check_members (L, c, o, known);
  t->id = _straits_want_id (L, c, o, ids);
  t->label = _straits_want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  t->description = _straits_want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  _straits_want_colour (L, c, o, OPTIONAL, &t->colour);
}

/* A relation type may name the roles of its ends ("roles": ["supplier",
 * "recipient"]: from is the supplier) and ask for dates ("dated": true). */
static void
load_relation_type (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "colour", "description", "roles", "dated", NULL };
  StraitsTypeDef *t = item;
  JsonArray *roles;

  load_type_def (L, c, o, item, L->ds->relation_type_ids, known);
  t->dated = _straits_want_boolean (L, c, o, "dated");
  roles = _straits_want_array (L, c, o, "roles", OPTIONAL);
  if (roles == NULL)
    return;
  if (json_array_get_length (roles) != 2)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "roles"),
                       _("expected two roles: the “from” end's, then the “to” end's"));
      return;
    }
  t->from_role = _straits_check_string (L, _straits_at_element (_straits_at_member (c, "roles"), 0),
                                        json_array_get_element (roles, 0), REQUIRED | SHARED, 64);
  t->to_role = _straits_check_string (L, _straits_at_element (_straits_at_member (c, "roles"), 1),
                                      json_array_get_element (roles, 1), REQUIRED | SHARED, 64);
  if (t->from_role && t->to_role && g_str_equal (t->from_role, t->to_role))
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "roles"), _("the two roles must differ"));
}

static void
load_event_type (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "colour", "description", NULL };

  load_type_def (L, c, o, item, L->ds->event_type_ids, known);
}

static gboolean
is_iso3 (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) &&
         g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* A language tag as the names list takes it: "de", "fr", "pt-BR". */
static gboolean
is_language_tag (const char *tag)
{
  gsize n = strlen (tag), letters = 0;

  while (letters < n && g_ascii_islower (tag[letters]))
    letters++;
  if (letters < 2 || letters > 3)
    return FALSE;
  if (letters == n)
    return TRUE;
  return n == letters + 3 && tag[letters] == '-' && g_ascii_isupper (tag[letters + 1]) &&
         g_ascii_isupper (tag[letters + 2]);
}

/* "names": [{"language": "de", "name": "Türkei"}, …]: the actor's name
 * in other languages, as language, name pairs in the strv pool. */
static gpointer
want_names (Loader *L, const Ctx *c, JsonObject *o)
{
  JsonArray *array = _straits_want_array (L, c, o, "names", OPTIONAL);
  guint first = L->ds->strvs->len;

  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      static const char *const known[] = { "language", "name", NULL };
      Ctx item = { c, "names", i };
      JsonNode *node = json_array_get_element (array, i);
      const char *language, *name;
      JsonObject *no;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _straits_wrong_type (L, _straits_at_item (&item), _("an object with “language” and “name”"), node);
          continue;
        }
      no = json_node_get_object (node);
      _straits_check_members (L, &item, no, known);
      language = _straits_want_string (L, &item, no, "language", REQUIRED | SHARED, 16);
      name = _straits_want_string (L, &item, no, "name", REQUIRED, MAX_NAME_LENGTH);
      if (language == NULL || name == NULL)
        continue;
      if (!is_language_tag (language))
        {
          _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&item, "language"),
                           _("“%s” is not a language tag (such as de, fr or pt-BR)"), language);
          continue;
        }
      for (guint k = first; k < L->ds->strvs->len; k += 2)
        if (g_str_equal (g_ptr_array_index (L->ds->strvs, k), language))
          {
            _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&item, "language"),
                             _("the name in “%s” is given twice"), language);
            language = NULL;
            break;
          }
      if (language == NULL)
        continue;
      g_ptr_array_add (L->ds->strvs, (gpointer) language);
      g_ptr_array_add (L->ds->strvs, (gpointer) name);
    }
  g_ptr_array_add (L->ds->strvs, NULL);
  return POOL_REF (first);
}

void
_straits_load_actor (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "name", "short_name", "names", "iso3", "memberships",
                                       "location", "country", "description", "note", "sources", NULL };
  static const char *const kinds[] = { "state", "international-organisation", "eu-institution",
                                       "alliance", "company", "initiative", "group", "other", NULL };
  StraitsActor *a = item;
  JsonNode *node;

  _straits_check_members (L, c, o, known);
  a->id = _straits_want_id (L, c, o, L->ds->actor_ids);
  a->kind = _straits_want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_ACTOR_OTHER);
  a->name = _straits_want_string (L, c, o, "name", REQUIRED, MAX_NAME_LENGTH);
  a->short_name = _straits_want_string (L, c, o, "short_name", OPTIONAL, MAX_NAME_LENGTH);
  a->names = want_names (L, c, o);
  a->description = _straits_want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  a->note = _straits_want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  a->memberships = _straits_want_strv (L, c, o, "memberships");
  a->iso3 = _straits_want_string (L, c, o, "iso3", a->kind == STRAITS_ACTOR_STATE ? REQUIRED | SHARED : SHARED, 16);
  if (a->iso3 != NULL)
    {
      guint32 other = straits_dataset_lookup (L->ds->iso3_ids, a->iso3);

      if (!is_iso3 (a->iso3))
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "iso3"),
                         _("“%s” is not an ISO 3166-1 alpha-3 code (three capital letters)"), a->iso3);
      else if (other != STRAITS_NO_INDEX)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "iso3"),
                         _("the code “%s” is also used by actors[%u]"), a->iso3, other);
      else
        g_hash_table_insert (L->ds->iso3_ids, (gpointer) a->iso3, GUINT_TO_POINTER (c->index + 1));
    }
  node = _straits_get_member (L, c, o, "location", OPTIONAL);
  if (node != NULL)
    a->has_location = _straits_check_point (L, _straits_at_member (c, "location"), node, &a->lon, &a->lat);
  /* Countries are actors too, possibly later in the list: resolve them
   * once all actors are known. */
  node = _straits_get_member (L, c, o, "country", OPTIONAL);
  a->country = STRAITS_NO_INDEX;
  if (node != NULL)
    {
      const char *country = _straits_check_id_text (L, _straits_at_member (c, "country"), node);

      if (country != NULL)
        {
          if (L->actor_countries->len <= c->index)
            g_ptr_array_set_size (L->actor_countries, (gint) c->index + 1);
          g_ptr_array_index (L->actor_countries, c->index) = (gpointer) _straits_intern (L, country, SHARED);
        }
    }
  a->citations = _straits_want_citations (L, c, o);
}

/* A country is a state, and a state has none: so no chain of countries
 * can go round in a circle. */
static gboolean
country_is_valid (Loader *L, const StraitsActor *a, guint index)
{
  const StraitsActor *country = &g_array_index (L->ds->actors, StraitsActor, a->country);
  Where where = _straits_at_member (&(Ctx) { NULL, "actors", index }, "country");

  if (a->kind == STRAITS_ACTOR_STATE)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, where, _("a state has no “country”: it is one"));
      return FALSE;
    }
  if (country->kind != STRAITS_ACTOR_STATE)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, where,
                       _("“%s” is not a state (it is a %s): a country must be an actor of kind “state”"),
                       country->id, straits_actor_kind_to_string (country->kind));
      return FALSE;
    }
  return TRUE;
}

void
_straits_resolve_actor_countries (Loader *L)
{
  for (guint i = 0; i < L->actor_countries->len; i++)
    {
      const char *country = g_ptr_array_index (L->actor_countries, i);
      StraitsActor *a = &g_array_index (L->ds->actors, StraitsActor, i);

      if (country == NULL)
        continue;
      a->country = straits_dataset_lookup (L->ds->actor_ids, country);
      if (a->country == STRAITS_NO_INDEX)
        {
          g_autofree char *quoted = straits_diagnostic_excerpt (country, STRAITS_DIAGNOSTIC_MAX_QUOTE);
          _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&(Ctx) { NULL, "actors", i }, "country"),
                           _("unknown actor “%s”"), quoted);
        }
      else if (!country_is_valid (L, a, i))
        a->country = STRAITS_NO_INDEX;
    }
}

static void
load_group (Loader *L, const Ctx *c, JsonObject *o, gpointer item, GHashTable *ids,
            GHashTable *member_of)
{
  static const char *const known[] = { "id", "label", "description", "colour", "members",
                                       "sources", NULL };
  StraitsGroup *g = item;
  const guint32 *members;

  _straits_check_members (L, c, o, known);
  g->id = _straits_want_id (L, c, o, ids);
  g->label = _straits_want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  g->description = _straits_want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  _straits_want_colour (L, c, o, REQUIRED, &g->colour);
  g->members = _straits_want_ref_list (L, c, o, "members", L->ds->actor_ids, _("actor"), &g->n_members);
  g->citations = _straits_want_citations (L, c, o);

  members = pool_ptr (g->members, L->ds->indices->data, sizeof (guint32));
  for (guint m = 0; members != NULL && m < g->n_members; m++)
    {
      gpointer key = GUINT_TO_POINTER (members[m] + 1);
      const char *other = g_hash_table_lookup (member_of, key);

      if (other != NULL)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "members"),
                         _("actor “%s” is already in group “%s” of this grouping"),
                         g_array_index (L->ds->actors, StraitsActor, members[m]).id, other);
      else if (g->id != NULL)
        g_hash_table_insert (member_of, key, (gpointer) g->id);
    }
}

/* Reads "start", "end" (each a date or "unknown") and "attested" of a
 * relation or grouping, and refuses spans that contradict themselves: an
 * end before the start, an attested date outside the span. */
static void
load_span (Loader *L, const Ctx *c, JsonObject *o, StraitsDate *start, gboolean *start_unknown,
           StraitsDate *end, gboolean *end_unknown, StraitsDate *attested)
{
  _straits_want_date_or_unknown (L, c, o, "start", start, start_unknown);
  _straits_want_date_or_unknown (L, c, o, "end", end, end_unknown);
  _straits_want_date (L, c, o, "attested", OPTIONAL, attested);
  if (straits_date_is_set (start) && straits_date_is_set (end) &&
      straits_date_last_day (end) < straits_date_first_day (start))
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "end"), _("the end is before the start"));
  if (straits_date_is_set (attested) && straits_date_is_set (start) &&
      straits_date_last_day (attested) < straits_date_first_day (start))
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "attested"), _("the attested date is before the start"));
  if (straits_date_is_set (attested) && straits_date_is_set (end) &&
      straits_date_first_day (attested) > straits_date_last_day (end))
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "attested"), _("the attested date is after the end"));
}

void
_straits_load_grouping (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "label", "description", "groups", "start", "end", "attested",
                                       "sources", NULL };
  StraitsGrouping *g = item;
  g_autoptr(GHashTable) group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) member_of = g_hash_table_new (NULL, NULL);
  JsonArray *groups;
  guint first = L->ds->groups->len;

  _straits_check_members (L, c, o, known);
  g->id = _straits_want_id (L, c, o, L->ds->grouping_ids);
  g->label = _straits_want_string (L, c, o, "label", REQUIRED, MAX_NAME_LENGTH);
  g->description = _straits_want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  load_span (L, c, o, &g->start, &g->start_unknown, &g->end, &g->end_unknown, &g->attested);
  g->citations = _straits_want_citations (L, c, o);
  groups = _straits_want_array (L, c, o, "groups", REQUIRED);
  if (groups == NULL)
    return;
  g->n_groups = json_array_get_length (groups);
  g_array_set_size (L->ds->groups, first + g->n_groups);
  for (guint i = 0; i < g->n_groups; i++)
    {
      Ctx gc = { c, "groups", i };
      JsonNode *node = json_array_get_element (groups, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        _straits_wrong_type (L, _straits_at_item (&gc), _("an object"), node);
      else
        load_group (L, &gc, json_node_get_object (node),
                    &g_array_index (L->ds->groups, StraitsGroup, first + i), group_ids, member_of);
    }
  g->groups = POOL_REF (first);
}

void
_straits_load_annotation (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "name", "text", "geometry", "sources", NULL };
  static const char *const kinds[] = { "strait", "disputed-area", "point", "line", "area", NULL };
  static const char *const geometry_known[] = { "point", "line", "feature", NULL };
  StraitsAnnotation *a = item;
  JsonObject *geometry;
  Ctx gc = { c, "geometry", G_MAXUINT };
  JsonNode *node;
  guint first = L->ds->coords->len;

  _straits_check_members (L, c, o, known);
  a->id = _straits_want_id (L, c, o, L->ds->annotation_ids);
  a->kind = _straits_want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_ANNOTATION_POINT);
  a->name = _straits_want_string (L, c, o, "name", REQUIRED, MAX_NAME_LENGTH);
  a->text = _straits_want_string (L, c, o, "text", OPTIONAL, MAX_TEXT_LENGTH);
  a->citations = _straits_want_citations (L, c, o);
  geometry = _straits_want_object (L, c, o, "geometry", OPTIONAL);
  if (geometry == NULL)
    return;
  _straits_check_members (L, &gc, geometry, geometry_known);
  a->feature = _straits_want_string (L, &gc, geometry, "feature", OPTIONAL, MAX_NAME_LENGTH);
  if (a->feature != NULL && a->feature[0] == '\0')
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&gc, "feature"), _("must not be empty"));
  if (_straits_get_member (L, &gc, geometry, "point", OPTIONAL) != NULL &&
      _straits_get_member (L, &gc, geometry, "line", OPTIONAL) != NULL)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_item (&gc),
                     _("a geometry has either “point” or “line”, not both"));
  if ((node = _straits_get_member (L, &gc, geometry, "point", OPTIONAL)) != NULL)
    {
      double lonlat[2];

      if (_straits_check_point (L, _straits_at_member (&gc, "point"), node, &lonlat[0], &lonlat[1]))
        {
          g_array_append_vals (L->ds->coords, lonlat, 2);
          a->n_points = 1;
        }
    }
  else if ((node = _straits_get_member (L, &gc, geometry, "line", OPTIONAL)) != NULL)
    {
      JsonArray *line;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 2)
        {
          _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&gc, "line"),
                           _("expected a list of at least two points"));
          return;
        }
      line = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (line); i++)
        {
          double lonlat[2];
          Ctx lc = { &gc, "line", i };

          if (_straits_check_point (L, _straits_at_item (&lc),
                                    json_array_get_element (line, i), &lonlat[0], &lonlat[1]))
            {
              g_array_append_vals (L->ds->coords, lonlat, 2);
              a->n_points++;
            }
        }
    }
  else if (a->feature == NULL)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_item (&gc),
                     _("a geometry needs “point”, “line” or “feature”"));
  a->coords = a->n_points ? POOL_REF (first / 2) : NULL;
}

/* "roles": { "supplier": "ESP", "recipient": "TUR" } names which actor
 * plays which of the type's roles; it must agree with from and to. */
static gboolean
load_relation_roles (Loader *L, const Ctx *c, JsonObject *o, const StraitsRelation *r)
{
  JsonObject *roles = _straits_want_object (L, c, o, "roles", OPTIONAL);
  const StraitsTypeDef *t;
  Ctx rc = { c, "roles", G_MAXUINT };
  JsonObjectIter iter;
  const char *role;
  JsonNode *node;

  if (roles == NULL || r->type == STRAITS_NO_INDEX || r->from == STRAITS_NO_INDEX || r->to == STRAITS_NO_INDEX)
    return FALSE;
  t = &g_array_index (L->ds->relation_types, StraitsTypeDef, r->type);
  if (t->from_role == NULL)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "roles"),
                       _("the relation type “%s” names no roles"), t->id);
      return FALSE;
    }
  json_object_iter_init (&iter, roles);
  while (json_object_iter_next (&iter, &role, &node))
    {
      guint32 actor = _straits_check_ref (L, _straits_at_member (&rc, role), node, L->ds->actor_ids, _("actor"));
      guint32 expected = g_str_equal (role, t->from_role) ? r->from
                         : g_str_equal (role, t->to_role) ? r->to : STRAITS_NO_INDEX;

      if (expected == STRAITS_NO_INDEX)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&rc, role),
                         _("“%s” is not a role of “%s” (its roles are %s → %s)"), role, t->id,
                         t->from_role, t->to_role);
      else if (actor != STRAITS_NO_INDEX && actor != expected)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (&rc, role),
                         _("the %s must be the relation's “%s” end: “%s” relations point %s → %s"),
                         role, g_str_equal (role, t->from_role) ? "from" : "to", t->id, t->from_role, t->to_role);
    }
  return TRUE;
}

void
_straits_load_relation (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "from", "to", "type", "direction", "stance",
                                       "strength", "start", "end", "attested", "roles", "summary",
                                       "note", "sources", NULL };
  static const char *const directions[] = { "forward", "mutual", NULL };
  static const char *const stances[] = { "neutral", "cooperative", "adversarial", NULL };
  StraitsRelation *r = item;
  double strength = 0.5;

  _straits_check_members (L, c, o, known);
  r->id = _straits_want_id (L, c, o, L->ds->relation_ids);
  r->from = _straits_want_ref (L, c, o, "from", REQUIRED, L->ds->actor_ids, _("actor"));
  r->to = _straits_want_ref (L, c, o, "to", REQUIRED, L->ds->actor_ids, _("actor"));
  if (r->from != STRAITS_NO_INDEX && r->from == r->to)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "to"),
                     _("a relation needs two different actors"));
  r->type = _straits_want_ref (L, c, o, "type", REQUIRED, L->ds->relation_type_ids, _("relation type"));
  r->mutual = _straits_want_enum (L, c, o, "direction", OPTIONAL, directions, 0) == 1;
  r->stance = _straits_want_enum (L, c, o, "stance", OPTIONAL, stances, STRAITS_STANCE_NEUTRAL);
  _straits_want_number (L, c, o, "strength", OPTIONAL, 0, 1, &strength);
  r->strength = (float) strength;
  load_span (L, c, o, &r->start, &r->start_unknown, &r->end, &r->end_unknown, &r->attested);
  if (!straits_date_is_set (&r->start) && !r->start_unknown &&
      !straits_date_is_set (&r->end) && !r->end_unknown)
    _straits_report (L, STRAITS_SEVERITY_WARNING, _straits_at_item (c),
                     _("the relation has no dates, so the map shows it as of unknown date at every date: give “start” (a date or “unknown”)"));
  r->has_roles = load_relation_roles (L, c, o, r);
  r->summary = _straits_want_string (L, c, o, "summary", OPTIONAL, MAX_TEXT_LENGTH);
  r->note = _straits_want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  r->citations = _straits_want_citations (L, c, o);
}

static void
load_place (Loader *L, const Ctx *c, JsonObject *o, StraitsEvent *e)
{
  static const char *const known[] = { "point", "feature", NULL };
  Ctx pc = { c, "place", G_MAXUINT };
  JsonObject *place = _straits_want_object (L, c, o, "place", OPTIONAL);
  JsonNode *node;

  if (place == NULL)
    return;
  _straits_check_members (L, &pc, place, known);
  if (_straits_get_member (L, &pc, place, "point", OPTIONAL) != NULL &&
      _straits_get_member (L, &pc, place, "feature", OPTIONAL) != NULL)
    {
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_item (&pc),
                       _("a place has either “point” or “feature”, not both"));
      return;
    }
  if ((node = _straits_get_member (L, &pc, place, "point", OPTIONAL)) != NULL)
    e->has_point = _straits_check_point (L, _straits_at_member (&pc, "point"), node, &e->lon, &e->lat);
  else if ((node = _straits_get_member (L, &pc, place, "feature", OPTIONAL)) != NULL)
    {
      guint32 a = _straits_check_ref (L, _straits_at_member (&pc, "feature"), node, L->ds->annotation_ids,
                                      _("annotation"));
      if (a != STRAITS_NO_INDEX)
        e->feature = g_array_index (L->ds->annotations, StraitsAnnotation, a).id;
    }
  else
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_item (&pc), _("a place needs “point” or “feature”"));
}

/* An event that names a relation at a date the relation does not hold
 * at contradicts it: before its start, after its end or, for one that
 * ended at an unknown date, after the last date it is attested at (the
 * map would not show the relation at its own event). Read while the
 * event's relation indices are the last in the pool. */
static void
check_event_in_relations (Loader *L, const Ctx *c, const StraitsEvent *e)
{
  const guint32 *relations = pool_ptr (e->relations, L->ds->indices->data, sizeof (guint32));

  for (guint i = 0; straits_date_is_set (&e->date) && i < e->n_relations; i++)
    {
      const StraitsRelation *r = &g_array_index (L->ds->relations, StraitsRelation, relations[i]);
      StraitsTimeState state = straits_relation_state_at (r, &e->date);
      g_autofree char *date = NULL, *span = NULL;

      if (state != STRAITS_TIME_NOT_YET && state != STRAITS_TIME_ENDED)
        continue;
      date = straits_date_format (&e->date);
      span = straits_relation_format_dates (r);
      if (state == STRAITS_TIME_NOT_YET)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "relations"),
                         _("the event (%s) is before the relation “%s” began (%s)"), date, r->id, span);
      else if (r->end_unknown)
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "relations"),
                         _("the event (%s) is after the last date the relation “%s” is attested at (%s): "
                           "give the relation that date as “attested”"), date, r->id, span);
      else
        _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "relations"),
                         _("the event (%s) is after the relation “%s” ended (%s)"), date, r->id, span);
    }
}

void
_straits_load_event (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "date", "end", "type", "title", "description",
                                       "actors", "relations", "place", "note", "sources", NULL };
  StraitsEvent *e = item;

  _straits_check_members (L, c, o, known);
  e->id = _straits_want_id (L, c, o, L->ds->event_ids);
  _straits_want_date (L, c, o, "date", REQUIRED, &e->date);
  _straits_want_date (L, c, o, "end", OPTIONAL, &e->end);
  if (straits_date_is_set (&e->date) && straits_date_is_set (&e->end) &&
      straits_date_last_day (&e->end) < straits_date_first_day (&e->date))
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "end"), _("the end is before the start"));
  e->type = _straits_want_ref (L, c, o, "type", REQUIRED, L->ds->event_type_ids, _("event type"));
  e->title = _straits_want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  e->description = _straits_want_string (L, c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  e->actors = _straits_want_ref_list (L, c, o, "actors", L->ds->actor_ids, _("actor"), &e->n_actors);
  e->relations = _straits_want_ref_list (L, c, o, "relations", L->ds->relation_ids, _("relation"),
                                         &e->n_relations);
  check_event_in_relations (L, c, e);
  load_place (L, c, o, e);
  e->note = _straits_want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  e->citations = _straits_want_citations (L, c, o);
}

static void
load_figure_value (Loader *L, const Ctx *c, JsonObject *o, StraitsFigureKind kind,
                   StraitsFigureValue *v)
{
  static const char *const known[] = { "value", "unrounded", "actor", "label", "period", NULL };
  gboolean is_rank = kind == STRAITS_FIGURE_RANKING || kind == STRAITS_FIGURE_RANK;
  double max = kind == STRAITS_FIGURE_SHARES ? 100 : is_rank ? 1e6 : 1e15;
  double min = kind == STRAITS_FIGURE_SHARES ? 0 : is_rank ? 1 : -1e15;

  _straits_check_members (L, c, o, known);
  _straits_want_number (L, c, o, "value", REQUIRED, min, max, &v->value);
  v->has_unrounded = _straits_want_number (L, c, o, "unrounded", OPTIONAL, min, max, &v->unrounded);
  if (v->has_unrounded && fabs (v->unrounded - v->value) > 0.5 + fabs (v->value) * 1e-9)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "unrounded"),
                     _("%g does not round to the value %g"), v->unrounded, v->value);
  v->actor = _straits_want_ref (L, c, o, "actor", OPTIONAL, L->ds->actor_ids, _("actor"));
  v->label = _straits_want_string (L, c, o, "label", OPTIONAL, MAX_NAME_LENGTH);
  _straits_want_date (L, c, o, "period", OPTIONAL, &v->period);
  if (v->actor == STRAITS_NO_INDEX && v->label == NULL && !straits_date_is_set (&v->period) &&
      _straits_get_member (L, c, o, "actor", OPTIONAL) == NULL)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, NULL),
                     _("a value needs an “actor”, a “label” or a “period”"));
}

/* The members that only some kinds take: "whole" (shares), "bound"
 * (bound), "base" and "of" (rank), "change" (value). */
static void
load_figure_kind_members (Loader *L, const Ctx *c, JsonObject *o, StraitsFigure *f)
{
  static const char *const bounds[] = { "none", "upper", "lower", NULL };
  static const char *const change_known[] = { "value", "unit", "against", NULL };
  Ctx cc = { c, "change", G_MAXUINT };
  JsonObject *change;

  f->whole = _straits_want_string (L, c, o, "whole", OPTIONAL, MAX_NAME_LENGTH);
  f->base = _straits_want_string (L, c, o, "base", OPTIONAL, MAX_NAME_LENGTH);
  _straits_want_number (L, c, o, "of", OPTIONAL, 1, 1e9, &f->of);
  f->bound = _straits_want_enum (L, c, o, "bound", f->kind == STRAITS_FIGURE_BOUND ? REQUIRED : OPTIONAL,
                                 bounds, STRAITS_BOUND_NONE);
  if (f->kind == STRAITS_FIGURE_BOUND && f->bound == STRAITS_BOUND_NONE)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "bound"), _("a bound is “upper” or “lower”"));
  if (f->whole != NULL && f->kind != STRAITS_FIGURE_SHARES)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "whole"), _("only shares are of a whole"));
  if (f->kind == STRAITS_FIGURE_RANK && f->base == NULL)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "base"),
                     _("a rank needs its base: what it is a rank among"));
  change = _straits_want_object (L, c, o, "change", OPTIONAL);
  if (change == NULL)
    return;
  _straits_check_members (L, &cc, change, change_known);
  f->has_change = _straits_want_number (L, &cc, change, "value", REQUIRED, -1e15, 1e15, &f->change);
  f->change_unit = _straits_want_string (L, &cc, change, "unit", REQUIRED | SHARED, MAX_NAME_LENGTH);
  f->change_against = _straits_want_string (L, &cc, change, "against", OPTIONAL, MAX_NAME_LENGTH);
}

static const char *
want_role (Loader *L, const Ctx *c, JsonObject *o)
{
  static const char *const roles[] = { "supplier", "recipient", NULL };
  int role = _straits_want_enum (L, c, o, "role", OPTIONAL, roles, -1);

  return role >= 0 ? roles[role] : NULL;
}

void
_straits_load_figure (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "kind", "title", "subject", "role", "unit", "period",
                                       "values", "note", "whole", "base", "of", "bound", "change",
                                       "sources", NULL };
  static const char *const kinds[] = { "shares", "series", "ranking", "value", "bound", "rank", NULL };
  StraitsFigure *f = item;
  guint first = L->ds->figure_values->len;
  JsonArray *values;
  double total = 0;

  _straits_check_members (L, c, o, known);
  f->id = _straits_want_id (L, c, o, L->ds->figure_ids);
  f->kind = _straits_want_enum (L, c, o, "kind", REQUIRED, kinds, STRAITS_FIGURE_SERIES);
  f->title = _straits_want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  f->subject = _straits_want_ref (L, c, o, "subject", OPTIONAL, L->ds->actor_ids, _("actor"));
  f->role = want_role (L, c, o);
  f->unit = _straits_want_string (L, c, o, "unit", REQUIRED | SHARED, MAX_NAME_LENGTH);
  f->period = _straits_want_string (L, c, o, "period", SHARED, MAX_NAME_LENGTH);
  f->note = _straits_want_string (L, c, o, "note", OPTIONAL, MAX_TEXT_LENGTH);
  f->citations = _straits_want_citations (L, c, o);
  load_figure_kind_members (L, c, o, f);
  values = _straits_want_array (L, c, o, "values", REQUIRED);
  if (values == NULL)
    return;
  f->n_values = json_array_get_length (values);
  g_array_set_size (L->ds->figure_values, first + f->n_values);
  for (guint i = 0; i < f->n_values; i++)
    {
      Ctx vc = { c, "values", i };
      JsonNode *node = json_array_get_element (values, i);
      StraitsFigureValue *v = &g_array_index (L->ds->figure_values, StraitsFigureValue, first + i);

      v->actor = STRAITS_NO_INDEX;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        _straits_wrong_type (L, _straits_at_item (&vc), _("an object"), node);
      else
        load_figure_value (L, &vc, json_node_get_object (node), f->kind, v);
      total += v->value;
    }
  if (f->kind == STRAITS_FIGURE_SHARES && total > 100.5)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "values"),
                     _("the shares add up to %g per cent, more than 100"), total);
  if ((f->kind == STRAITS_FIGURE_VALUE || f->kind == STRAITS_FIGURE_BOUND ||
       f->kind == STRAITS_FIGURE_RANK) && f->n_values != 1)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_member (c, "values"),
                     _("a figure of kind “%s” has exactly one value"), kinds[f->kind]);
  f->values = POOL_REF (first);
}

static void
load_region (Loader *L, const Ctx *c, JsonObject *o, StraitsView *v)
{
  const char *const *regions = straits_dataset_region_ids ();
  static const char *const box_known[] = { "west", "south", "east", "north", NULL };
  JsonNode *node = _straits_get_member (L, c, o, "region", REQUIRED);
  Ctx rc = { c, "region", G_MAXUINT };
  JsonObject *box;

  if (node == NULL)
    return;
  if (_straits_is_string (node))
    {
      int r = _straits_want_enum (L, c, o, "region", REQUIRED, regions, -1);

      v->region = r >= 0 ? regions[r] : NULL;
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _straits_wrong_type (L, _straits_at_item (&rc), _("a region name or a box"), node);
      return;
    }
  box = json_node_get_object (node);
  _straits_check_members (L, &rc, box, box_known);
  _straits_want_number (L, &rc, box, "west", REQUIRED, -180, 180, &v->west);
  _straits_want_number (L, &rc, box, "south", REQUIRED, -90, 90, &v->south);
  _straits_want_number (L, &rc, box, "east", REQUIRED, -180, 180, &v->east);
  _straits_want_number (L, &rc, box, "north", REQUIRED, -90, 90, &v->north);
  if (v->west >= v->east || v->south >= v->north)
    _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_item (&rc),
                     _("the box is empty: west must be less than east and south less than north"));
}

/* Overlays are the renderer's own layers or annotations of the dataset. */
static void
check_overlays (Loader *L, const Ctx *c, gconstpointer overlays)
{
  static const char *const layers[] = { "disputed-areas", "straits", "territorial-seas-6nm",
                                        "territorial-seas-12nm", NULL };
  const char *const *names = pool_ptr (overlays, L->ds->strvs->pdata, sizeof (char *));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!g_strv_contains (layers, names[i]) &&
        straits_dataset_lookup (L->ds->annotation_ids, names[i]) == STRAITS_NO_INDEX)
      _straits_report (L, STRAITS_SEVERITY_ERROR, _straits_at_element (_straits_at_member (c, "overlays"), i),
                       _("unknown overlay “%s”: use disputed-areas, straits, territorial-seas-6nm, "
                "territorial-seas-12nm or an annotation id"), names[i]);
}

void
_straits_load_view (Loader *L, const Ctx *c, JsonObject *o, gpointer item)
{
  static const char *const known[] = { "id", "title", "subtitle", "region", "grouping",
                                       "relation_types", "overlays", "time", NULL };
  StraitsView *v = item;

  _straits_check_members (L, c, o, known);
  v->id = _straits_want_id (L, c, o, L->ds->view_ids);
  v->title = _straits_want_string (L, c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  v->subtitle = _straits_want_string (L, c, o, "subtitle", OPTIONAL, MAX_NAME_LENGTH);
  load_region (L, c, o, v);
  v->grouping = _straits_want_ref (L, c, o, "grouping", OPTIONAL, L->ds->grouping_ids, _("grouping"));
  v->relation_types = _straits_want_ref_list (L, c, o, "relation_types", L->ds->relation_type_ids,
                                              _("relation type"), &v->n_relation_types);
  v->overlays = _straits_want_strv (L, c, o, "overlays");
  check_overlays (L, c, v->overlays);
  _straits_want_date (L, c, o, "time", OPTIONAL, &v->time);
}

/* Reads item @index of a list into its slot, growing the list to hold it. */
void
_straits_load_item (Loader       *L,
                    const char   *list,
                    guint         index,
                    JsonNode     *element,
                    GArray       *items,
                    LoadItemFunc  load)
{
  Ctx c = { NULL, list, index };

  if (items->len <= index)
    g_array_set_size (items, index + 1);
  if (!JSON_NODE_HOLDS_OBJECT (element))
    _straits_wrong_type (L, _straits_at_item (&c), _("an object"), element);
  else
    load (L, &c, json_node_get_object (element),
          items->data + (gsize) index * g_array_get_element_size (items));
}

/* Reads the list @member of @parent, item by item. */
void
_straits_load_list (Loader       *L,
                    JsonObject   *parent,
                    const char   *parent_path,
                    const char   *member,
                    GArray       *items,
                    LoadItemFunc  load)
{
  JsonNode *node = json_object_get_member (parent, member);
  g_autofree char *list = parent_path ? g_strdup_printf ("%s.%s", parent_path, member)
                                      : g_strdup (member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _straits_wrong_type (L, _straits_at_member (NULL, list), _("an array"), node);
      return;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  /* Items grow as they are read (_straits_load_item), not from the list's length. */
  for (guint i = 0; i < n && !L->stop; i++)
    _straits_load_item (L, list, i, json_array_get_element (array, i), items, load);
}

void
_straits_load_metadata (Loader *L, JsonObject *root)
{
  static const char *const known[] = { "id", "title", "description", "version", "date", "licence",
                                       "authors", NULL };
  Ctx top = { NULL, NULL, 0 };
  Ctx c = { NULL, "metadata", G_MAXUINT };
  JsonObject *o = _straits_want_object (L, &top, root, "metadata", REQUIRED);
  StraitsMetadata *m = &L->ds->metadata;

  if (o == NULL)
    return;
  _straits_check_members (L, &c, o, known);
  m->id = _straits_want_string (L, &c, o, "id", OPTIONAL, MAX_NAME_LENGTH);
  m->title = _straits_want_string (L, &c, o, "title", REQUIRED, MAX_NAME_LENGTH);
  m->description = _straits_want_string (L, &c, o, "description", OPTIONAL, MAX_TEXT_LENGTH);
  m->version = _straits_want_string (L, &c, o, "version", OPTIONAL, MAX_NAME_LENGTH);
  _straits_want_date (L, &c, o, "date", OPTIONAL, &m->date);
  m->licence = _straits_want_string (L, &c, o, "licence", OPTIONAL, MAX_NAME_LENGTH);
  m->authors = _straits_want_strv (L, &c, o, "authors");
}

void
_straits_load_vocabulary (Loader *L, JsonObject *root)
{
  static const char *const known[] = { "relation_types", "event_types", NULL };
  Ctx top = { NULL, NULL, 0 };
  Ctx c = { NULL, "vocabulary", G_MAXUINT };
  JsonObject *o = _straits_want_object (L, &top, root, "vocabulary", OPTIONAL);

  if (o == NULL)
    return;
  _straits_check_members (L, &c, o, known);
  _straits_load_list (L, o, "vocabulary", "relation_types", L->ds->relation_types, load_relation_type);
  _straits_load_list (L, o, "vocabulary", "event_types", L->ds->event_types, load_event_type);
}

