/* straits-territories.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "straits-basemap.h"
#include "straits-territories.h"

struct _StraitsTerritories
{
  gatomicrefcount ref_count;
  GArray *items;               /* StraitsTerritory */
  char *convention_text[2];
  GHashTable *footnotes;       /* country code → footnote */
};

static const char *const convention_names[] = { "eu", "de-facto" };

const char *
straits_convention_to_string (StraitsConvention convention)
{
  return convention_names[convention == STRAITS_CONVENTION_DE_FACTO];
}

gboolean
straits_convention_from_string (const char        *text,
                                StraitsConvention *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (convention_names); i++)
    if (g_strcmp0 (text, convention_names[i]) == 0)
      {
        *out = (StraitsConvention) i;
        return TRUE;
      }
  return FALSE;
}

static void
territory_clear (gpointer data)
{
  StraitsTerritory *t = data;

  g_free (t->id);
  g_free (t->feature);
  g_free (t->label);
  g_free (t->state);
  g_free (t->controller);
  g_free (t->natural_earth);
  g_free (t->status);
  g_strfreev (t->sources);
}

static gboolean
fail (GError **error, const char *name, const char *where, const char *what)
{
  g_set_error (error, STRAITS_BASEMAP_ERROR, STRAITS_BASEMAP_ERROR_INVALID, "%s: %s: %s", name, where, what);
  return FALSE;
}

/* A string member of @object, copied; "" allowed. */
static gboolean
take_string (JsonObject *object, const char *member, char **out,
             const char *name, const char *where, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, name, path, "missing, or not a string");
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_territory (JsonNode *node, StraitsTerritory *t, const char *name, const char *where, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *since = NULL;
  JsonNode *sources;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  if (o == NULL)
    return fail (error, name, where, "not an object");
  if (!take_string (o, "id", &t->id, name, where, error) ||
      !take_string (o, "feature", &t->feature, name, where, error) ||
      !take_string (o, "label", &t->label, name, where, error) ||
      !take_string (o, "state", &t->state, name, where, error) ||
      !take_string (o, "controller", &t->controller, name, where, error) ||
      !take_string (o, "natural_earth", &t->natural_earth, name, where, error) ||
      !take_string (o, "status", &t->status, name, where, error) ||
      !take_string (o, "since", &since, name, where, error))
    return FALSE;
  if (!straits_date_parse (since, &t->since))
    return fail (error, name, where, "since: not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  if (json_object_has_member (o, "until"))
    {
      g_autofree char *until = NULL;

      if (!take_string (o, "until", &until, name, where, error))
        return FALSE;
      if (!straits_date_parse (until, &t->until))
        return fail (error, name, where, "until: not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      if (straits_date_last_day (&t->until) < straits_date_first_day (&t->since))
        return fail (error, name, where, "until: before since");
    }
  t->clip_to_state = json_object_get_boolean_member_with_default (o, "clip_to_state", FALSE);
  sources = json_object_get_member (o, "sources");
  if (sources == NULL || !JSON_NODE_HOLDS_ARRAY (sources) || json_array_get_length (json_node_get_array (sources)) == 0)
    return fail (error, name, where, "sources: every area needs at least one source");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sources)); i++)
    {
      const char *s = json_array_get_string_element (json_node_get_array (sources), i);

      if (s == NULL || *s == '\0')
        return fail (error, name, where, "sources: not a list of strings");
      g_ptr_array_add (list, g_strdup (s));
    }
  g_ptr_array_add (list, NULL);
  t->sources = (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
  return TRUE;
}

static gboolean
read_table (StraitsTerritories *self, JsonNode *root, const char *name, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *conventions, *footnotes;
  JsonArray *items;

  if (o == NULL || !json_object_has_member (o, "territories") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "territories")))
    return fail (error, name, "$", "no list \"territories\"");
  if (!json_object_has_member (o, "conventions") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "conventions")))
    return fail (error, name, "$", "no object \"conventions\"");
  conventions = json_object_get_object_member (o, "conventions");
  for (guint i = 0; i < G_N_ELEMENTS (convention_names); i++)
    if (!take_string (conventions, convention_names[i], &self->convention_text[i], name, "$.conventions", error))
      return FALSE;
  if (json_object_has_member (o, "footnotes") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "footnotes")))
    {
      g_autoptr(GList) members = NULL;

      footnotes = json_object_get_object_member (o, "footnotes");
      members = json_object_get_members (footnotes);
      for (GList *m = members; m != NULL; m = m->next)
        {
          char *text = NULL;

          if (!take_string (footnotes, m->data, &text, name, "$.footnotes", error))
            return FALSE;
          g_hash_table_insert (self->footnotes, g_strdup (m->data), text);
        }
    }
  items = json_object_get_array_member (o, "territories");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      StraitsTerritory t = { 0 };
      g_autofree char *where = g_strdup_printf ("$.territories[%u]", i);

      if (!read_territory (json_array_get_element (items, i), &t, name, where, error))
        {
          territory_clear (&t);
          return FALSE;
        }
      g_array_append_val (self->items, t);
    }
  return TRUE;
}

StraitsTerritories *
straits_territories_new_from_data (const char  *data,
                                   gssize       length,
                                   const char  *name,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  StraitsTerritories *self;

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, STRAITS_BASEMAP_ERROR, STRAITS_BASEMAP_ERROR_INVALID, "%s: %s", name, local->message);
      return NULL;
    }
  self = g_new0 (StraitsTerritories, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->items = g_array_new (FALSE, TRUE, sizeof (StraitsTerritory));
  g_array_set_clear_func (self->items, territory_clear);
  self->footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_table (self, json_parser_get_root (parser), name, error))
    {
      straits_territories_unref (self);
      return NULL;
    }
  return self;
}

StraitsTerritories *
straits_territories_load (const char  *filename,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;
  return straits_territories_new_from_data (contents, (gssize) length, filename, error);
}

StraitsTerritories *
straits_territories_ref (StraitsTerritories *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
straits_territories_unref (StraitsTerritories *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->items);
  g_free (self->convention_text[0]);
  g_free (self->convention_text[1]);
  g_hash_table_unref (self->footnotes);
  g_free (self);
}

guint
straits_territories_get_n (StraitsTerritories *self)
{
  return self == NULL ? 0 : self->items->len;
}

const StraitsTerritory *
straits_territories_get (StraitsTerritories *self,
                         guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, NULL);
  return &g_array_index (self->items, StraitsTerritory, index);
}

const StraitsTerritory *
straits_territories_find_feature (StraitsTerritories *self,
                                  const char         *feature_code)
{
  for (guint i = 0; i < straits_territories_get_n (self); i++)
    if (g_strcmp0 (g_array_index (self->items, StraitsTerritory, i).feature, feature_code) == 0)
      return &g_array_index (self->items, StraitsTerritory, i);
  return NULL;
}

const char *
straits_territories_get_convention_text (StraitsTerritories *self,
                                         StraitsConvention   convention)
{
  return self == NULL ? NULL : self->convention_text[convention == STRAITS_CONVENTION_DE_FACTO];
}

const char *
straits_territories_get_footnote (StraitsTerritories *self,
                                  const char         *code)
{
  return self == NULL || code == NULL ? NULL : g_hash_table_lookup (self->footnotes, code);
}

gboolean
straits_territory_is_active (const StraitsTerritory *territory,
                             const StraitsDate      *date)
{
  gboolean ended = straits_date_is_set (&territory->until);

  if (date == NULL || !straits_date_is_set (date))
    return !ended;
  return straits_date_first_day (&territory->since) <= straits_date_last_day (date) &&
         (!ended || straits_date_last_day (&territory->until) >= straits_date_first_day (date));
}

gboolean
straits_territory_drawn_as_state (const StraitsTerritory *territory,
                                  StraitsConvention       convention,
                                  const StraitsDate      *date)
{
  return convention == STRAITS_CONVENTION_EU || !straits_territory_is_active (territory, date);
}

gboolean
straits_territory_redrawn (const StraitsTerritory *territory,
                           StraitsConvention       convention,
                           const StraitsDate      *date)
{
  return g_strcmp0 (territory->natural_earth, territory->state) != 0 &&
         straits_territory_drawn_as_state (territory, convention, date);
}
