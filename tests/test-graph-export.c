/* test-graph-export.c: GEXF and JSON Graph Format of small datasets, read
 * back with GMarkup and json-glib (tests/test-export-graph.py checks the
 * bundled dataset's against the GEXF 1.3 schema and networkx).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "straits-dataset.h"
#include "straits-graph-export.h"

static StraitsDataset *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

/* What a GEXF file says, as read by GMarkup: its elements' attributes as
 * "element id: name=value …" lines, and the text of <description>. */
typedef struct {
  GString *lines;
  GString *description;
  gboolean in_description;
  guint n_nodes, n_edges;
} Reading;

static void
start_element (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  Reading *r = user_data;

  r->in_description = g_str_equal (element, "description");
  r->n_nodes += g_str_equal (element, "node");
  r->n_edges += g_str_equal (element, "edge");
  if (!g_str_equal (element, "node") && !g_str_equal (element, "edge") && !g_str_equal (element, "graph") &&
      !g_str_equal (element, "attvalue"))
    return;
  g_string_append (r->lines, element);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (r->lines, " %s=%s", names[i], values[i]);
  g_string_append_c (r->lines, '\n');
}

static void
text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data, GError **error)
{
  Reading *r = user_data;

  if (r->in_description)
    g_string_append_len (r->description, text, (gssize) len);
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  ((Reading *) user_data)->in_description = FALSE;
}

static void
read_gexf (const char *gexf, Reading *r)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  r->lines = g_string_new (NULL);
  r->description = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, r, NULL);
  g_markup_parse_context_parse (context, gexf, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_gexf (void)
{
  g_autoptr(StraitsDataset) ds = load ("diff/old.json");
  g_autofree char *gexf = straits_graph_to_gexf (ds, "Straits test");
  Reading r = { 0 };

  read_gexf (gexf, &r);
  g_assert_cmpuint (r.n_nodes, ==, 5);
  g_assert_cmpuint (r.n_edges, ==, 3);
  g_assert_true (g_str_has_prefix (r.lines->str, "graph mode=dynamic defaultedgetype=directed timeformat=date\n"));
  /* Procurement names roles: directed. Mutual disputes go both ways. A
   * year spans the year, a month the month; an ongoing relation has no end. */
  g_assert_nonnull (strstr (r.lines->str, "edge id=r1 source=TUR target=POL label=Procurement weight=0.8 start=2021-01-01\n"));
  g_assert_nonnull (strstr (r.lines->str, "edge id=r2 source=GRC target=TUR label=Dispute type=mutual weight=0.5 "
                                          "start=1995-06-01 end=2020-12-31\n"));
  g_assert_nonnull (strstr (r.lines->str, "edge id=r3 source=CYP target=TUR label=Dispute type=mutual weight=0.5 start=1974-01-01\n"));
  /* Gephi's GeoLayout reads these; only actors the dataset places have them. */
  g_assert_nonnull (strstr (r.lines->str, "node id=baykar label=Baykar\nattvalue for=kind value=company\n"
                                          "attvalue for=country value=TUR\nattvalue for=latitude value=41\n"
                                          "attvalue for=longitude value=28.8\n"));
  g_assert_null (strstr (r.lines->str, "node id=TUR label=Turkey\nattvalue for=kind value=state\n"
                                       "attvalue for=iso3 value=TUR\nattvalue for=latitude"));
  g_string_free (r.lines, TRUE);
  g_string_free (r.description, TRUE);
}

/* Markup in the data stays text: the title "Minimal <b>test</b> & dataset". */
static void
test_gexf_escapes (void)
{
  g_autoptr(StraitsDataset) ds = load ("minimal.json");
  g_autofree char *gexf = straits_graph_to_gexf (ds, "Straits <test> & \"co\"");
  Reading r = { 0 };

  read_gexf (gexf, &r);
  g_assert_cmpstr (r.description->str, ==, "Minimal <b>test</b> & dataset, version 1, as of 2025-06");
  /* No directed type in minimal.json: an undirected graph, no edge types. */
  g_assert_true (g_str_has_prefix (r.lines->str, "graph mode=dynamic defaultedgetype=undirected"));
  g_assert_null (strstr (r.lines->str, "type=mutual"));
  g_string_free (r.lines, TRUE);
  g_string_free (r.description, TRUE);
}

static void
test_jgf (void)
{
  g_autoptr(StraitsDataset) ds = load ("diff/old.json");
  g_autofree char *text = straits_graph_to_jgf (ds);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *graph, *nodes, *baykar;
  JsonArray *edges;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  graph = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "graph");
  g_assert_true (json_object_get_boolean_member (graph, "directed"));
  nodes = json_object_get_object_member (graph, "nodes");
  edges = json_object_get_array_member (graph, "edges");
  g_assert_cmpuint (json_object_get_size (nodes), ==, 5);
  g_assert_cmpuint (json_array_get_length (edges), ==, 3);
  baykar = json_object_get_object_member (json_object_get_object_member (nodes, "baykar"), "metadata");
  g_assert_cmpfloat (json_object_get_double_member (baykar, "latitude"), ==, 41.0);
  g_assert_cmpfloat (json_object_get_double_member (baykar, "longitude"), ==, 28.8);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *edge = json_array_get_object_element (edges, i);
      const char *id = json_object_get_string_member (edge, "id");

      g_assert_cmpint (json_object_get_boolean_member (edge, "directed"), ==, g_str_equal (id, "r1"));
      g_assert_cmpstr (json_object_get_string_member (edge, "relation"), ==,
                       g_str_equal (id, "r1") ? "procurement" : "dispute");
    }
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (edges, 1),
                                                                                "metadata"), "end"), ==, "2020");
}

static void
test_format_from_filename (void)
{
  StraitsGraphFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (straits_graph_format_from_filename ("a/b.GEXF", &format, NULL));
  g_assert_cmpint (format, ==, STRAITS_GRAPH_GEXF);
  g_assert_true (straits_graph_format_from_filename ("b.json", &format, NULL));
  g_assert_cmpint (format, ==, STRAITS_GRAPH_JGF);
  g_assert_false (straits_graph_format_from_filename ("b.graphml", &format, &error));
  g_assert_nonnull (strstr (error->message, "b.graphml"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graph/gexf", test_gexf);
  g_test_add_func ("/graph/gexf-escapes", test_gexf_escapes);
  g_test_add_func ("/graph/jgf", test_jgf);
  g_test_add_func ("/graph/format-from-filename", test_format_from_filename);
  return g_test_run ();
}
