/* straits-graph-export.c: a dataset's actors and relations as GEXF 1.3 or
 * JSON Graph Format v2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "straits-graph-export.h"

gboolean
straits_graph_format_from_filename (const char          *filename,
                                    StraitsGraphFormat  *format,
                                    GError             **error)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  if (g_str_has_suffix (lower, ".gexf"))
    *format = STRAITS_GRAPH_GEXF;
  else if (g_str_has_suffix (lower, ".json"))
    *format = STRAITS_GRAPH_JGF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the graph format of “%s”: name it .gexf or .json"), filename);
      return FALSE;
    }
  return TRUE;
}

gboolean
straits_relation_is_directed (StraitsDataset        *dataset,
                              const StraitsRelation *relation)
{
  return !relation->mutual &&
         straits_dataset_get_relation_type (dataset, relation->type)->from_role != NULL;
}

static gboolean
any_directed (StraitsDataset *ds)
{
  for (guint i = 0; i < straits_dataset_get_n_relations (ds); i++)
    if (straits_relation_is_directed (ds, straits_dataset_get_relation (ds, i)))
      return TRUE;
  return FALSE;
}

/* A day key (yyyymmdd) as xs:date. */
static char *
day_to_iso (guint32 key)
{
  return g_strdup_printf ("%04u-%02u-%02u", key / 10000, key / 100 % 100, key % 100);
}

static const char *
format_number (char *buffer, gsize size, double value)
{
  return g_ascii_formatd (buffer, size, "%.10g", value);
}

/* A float such as 0.8 as "0.8", not 0.800000011920929. */
static double
strength_of (const StraitsRelation *r)
{
  return round (r->strength * 1000) / 1000;
}

/* The relation's dates as the file gives them: "2019", "unknown", "". */
static char *
stated_date (const StraitsDate *date, gboolean unknown)
{
  return unknown ? g_strdup ("unknown") : straits_date_to_iso (date);
}

/* GEXF --------------------------------------------------------------------- */

static void
gexf_attvalue (GString *out, const char *attribute, const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (out, "          <attvalue for=\"%s\" value=\"%s\"/>\n", attribute, escaped);
}

static void
gexf_head (GString *out, StraitsDataset *ds, const char *creator)
{
  const StraitsMetadata *m = straits_dataset_get_metadata (ds);
  g_autofree char *date = straits_date_to_iso (&m->date);
  g_autofree char *description = g_strdup_printf ("%s%s%s%s%s", m->title,
                                                   m->version ? ", version " : "", m->version ? m->version : "",
                                                   *date ? ", as of " : "", date);
  g_autofree char *meta = NULL;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<gexf xmlns=\"http://gexf.net/1.3\" "
                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
                        "version=\"1.3\">\n");
  meta = g_markup_printf_escaped ("  <meta>\n    <creator>%s</creator>\n"
                                  "    <description>%s</description>\n  </meta>\n",
                                  creator, description);
  g_string_append (out, meta);
  g_string_append_printf (out, "  <graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"date\">\n",
                          any_directed (ds) ? "directed" : "undirected");
  g_string_append (out,
                   "    <attributes class=\"node\" mode=\"static\">\n"
                   "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
                   "      <attribute id=\"iso3\" title=\"iso3\" type=\"string\"/>\n"
                   "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
                   "      <attribute id=\"latitude\" title=\"latitude\" type=\"double\"/>\n"
                   "      <attribute id=\"longitude\" title=\"longitude\" type=\"double\"/>\n"
                   "    </attributes>\n"
                   "    <attributes class=\"edge\" mode=\"static\">\n"
                   "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                   "      <attribute id=\"stance\" title=\"stance\" type=\"string\"/>\n"
                   "      <attribute id=\"start\" title=\"start\" type=\"string\"/>\n"
                   "      <attribute id=\"end\" title=\"end\" type=\"string\"/>\n"
                   "      <attribute id=\"summary\" title=\"summary\" type=\"string\"/>\n"
                   "    </attributes>\n");
}

static void
gexf_node (GString *out, StraitsDataset *ds, const StraitsActor *a)
{
  g_autofree char *open = g_markup_printf_escaped ("      <node id=\"%s\" label=\"%s\">\n", a->id, a->name);
  char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, open);
  g_string_append (out, "        <attvalues>\n");
  gexf_attvalue (out, "kind", straits_actor_kind_to_string (a->kind));
  gexf_attvalue (out, "iso3", a->iso3);
  if (a->country != STRAITS_NO_INDEX)
    gexf_attvalue (out, "country", straits_dataset_get_actor (ds, a->country)->id);
  /* Gephi's GeoLayout places nodes by these two attributes. */
  if (a->has_location)
    {
      gexf_attvalue (out, "latitude", format_number (lat, sizeof lat, a->lat));
      gexf_attvalue (out, "longitude", format_number (lon, sizeof lon, a->lon));
    }
  g_string_append (out, "        </attvalues>\n      </node>\n");
}

/* start="…" end="…": the span the map draws the relation in, by whole
 * days ("2019" is 2019-01-01 to 2019-12-31); open where it is. */
static void
gexf_interval (GString *out, const StraitsRelation *r)
{
  const StraitsDate *first, *last;

  if (!straits_relation_get_span (r, &first, &last))
    return;
  if (first != NULL)
    {
      g_autofree char *day = day_to_iso (straits_date_first_day (first));
      g_string_append_printf (out, " start=\"%s\"", day);
    }
  if (last != NULL)
    {
      g_autofree char *day = day_to_iso (straits_date_last_day (last));
      g_string_append_printf (out, " end=\"%s\"", day);
    }
}

static void
gexf_edge (GString *out, StraitsDataset *ds, const StraitsRelation *r, gboolean directed_graph)
{
  const StraitsTypeDef *type = straits_dataset_get_relation_type (ds, r->type);
  g_autofree char *open = g_markup_printf_escaped ("      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\"",
                                                   r->id, straits_dataset_get_actor (ds, r->from)->id,
                                                   straits_dataset_get_actor (ds, r->to)->id, type->label);
  g_autofree char *start = stated_date (&r->start, r->start_unknown);
  g_autofree char *end = stated_date (&r->end, r->end_unknown);
  char weight[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, open);
  /* A graph with directed edges marks the others "mutual" (both ways),
   * which networkx reads too; it refuses "undirected" ones there. */
  if (directed_graph && !straits_relation_is_directed (ds, r))
    g_string_append (out, " type=\"mutual\"");
  g_string_append_printf (out, " weight=\"%s\"", format_number (weight, sizeof weight, strength_of (r)));
  gexf_interval (out, r);
  g_string_append (out, ">\n        <attvalues>\n");
  gexf_attvalue (out, "type", type->id);
  gexf_attvalue (out, "stance", straits_stance_to_string (r->stance));
  gexf_attvalue (out, "start", start);
  gexf_attvalue (out, "end", end);
  gexf_attvalue (out, "summary", r->summary);
  g_string_append (out, "        </attvalues>\n      </edge>\n");
}

char *
straits_graph_to_gexf (StraitsDataset *ds,
                       const char     *creator)
{
  GString *out = g_string_new (NULL);
  guint n_actors = straits_dataset_get_n_actors (ds), n_relations = straits_dataset_get_n_relations (ds);
  gboolean directed = any_directed (ds);

  g_return_val_if_fail (STRAITS_IS_DATASET (ds), NULL);

  gexf_head (out, ds, creator);
  g_string_append_printf (out, "    <nodes count=\"%u\">\n", n_actors);
  for (guint i = 0; i < n_actors; i++)
    gexf_node (out, ds, straits_dataset_get_actor (ds, i));
  g_string_append_printf (out, "    </nodes>\n    <edges count=\"%u\">\n", n_relations);
  for (guint i = 0; i < n_relations; i++)
    gexf_edge (out, ds, straits_dataset_get_relation (ds, i), directed);
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");
  return g_string_free (out, FALSE);
}

/* JSON Graph Format -------------------------------------------------------- */

static void
member_string (JsonBuilder *b, const char *name, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
jgf_node (JsonBuilder *b, StraitsDataset *ds, const StraitsActor *a)
{
  json_builder_set_member_name (b, a->id);
  json_builder_begin_object (b);
  member_string (b, "label", a->name);
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  member_string (b, "kind", straits_actor_kind_to_string (a->kind));
  member_string (b, "iso3", a->iso3);
  if (a->country != STRAITS_NO_INDEX)
    member_string (b, "country", straits_dataset_get_actor (ds, a->country)->id);
  if (a->has_location)
    {
      json_builder_set_member_name (b, "latitude");
      json_builder_add_double_value (b, a->lat);
      json_builder_set_member_name (b, "longitude");
      json_builder_add_double_value (b, a->lon);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
jgf_edge (JsonBuilder *b, StraitsDataset *ds, const StraitsRelation *r)
{
  const StraitsTypeDef *type = straits_dataset_get_relation_type (ds, r->type);
  g_autofree char *start = stated_date (&r->start, r->start_unknown);
  g_autofree char *end = stated_date (&r->end, r->end_unknown);
  g_autofree char *attested = straits_date_to_iso (&r->attested);

  json_builder_begin_object (b);
  member_string (b, "id", r->id);
  member_string (b, "source", straits_dataset_get_actor (ds, r->from)->id);
  member_string (b, "target", straits_dataset_get_actor (ds, r->to)->id);
  member_string (b, "relation", type->id);
  json_builder_set_member_name (b, "directed");
  json_builder_add_boolean_value (b, straits_relation_is_directed (ds, r));
  member_string (b, "label", type->label);
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  member_string (b, "stance", straits_stance_to_string (r->stance));
  json_builder_set_member_name (b, "strength");
  json_builder_add_double_value (b, strength_of (r));
  member_string (b, "start", start);
  member_string (b, "end", end);
  member_string (b, "attested", attested);
  member_string (b, "summary", r->summary);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

char *
straits_graph_to_jgf (StraitsDataset *ds)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const StraitsMetadata *m = straits_dataset_get_metadata (ds);

  g_return_val_if_fail (STRAITS_IS_DATASET (ds), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "graph");
  json_builder_begin_object (b);
  member_string (b, "label", m->title);
  json_builder_set_member_name (b, "directed");
  json_builder_add_boolean_value (b, any_directed (ds));
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_object (b);
  for (guint i = 0; i < straits_dataset_get_n_actors (ds); i++)
    jgf_node (b, ds, straits_dataset_get_actor (ds, i));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "edges");
  json_builder_begin_array (b);
  for (guint i = 0; i < straits_dataset_get_n_relations (ds); i++)
    jgf_edge (b, ds, straits_dataset_get_relation (ds, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  {
    g_autofree char *text = json_generator_to_data (gen, NULL);
    return g_strconcat (text, "\n", NULL);
  }
}
