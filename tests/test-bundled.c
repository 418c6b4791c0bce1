/* test-bundled.c: the bundled dataset validates, and the paper's claims
 * listed in tests/claims/swp-claims.json are in it with the right values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "straits-dataset.h"

static StraitsDataset *dataset;

static const char *
member (JsonObject *o, const char *name)
{
  return json_object_has_member (o, name) ? json_object_get_string_member (o, name) : NULL;
}

static gboolean
has_membership (const StraitsActor *a, const char *label)
{
  for (guint i = 0; a->memberships && a->memberships[i]; i++)
    if (g_str_equal (a->memberships[i], label))
      return TRUE;
  return FALSE;
}

static const StraitsActor *
actor_or_fail (const char *id)
{
  guint32 index = straits_dataset_find_actor (dataset, id);

  if (index == STRAITS_NO_INDEX)
    g_error ("no actor “%s”", id);
  return straits_dataset_get_actor (dataset, index);
}

/* The citations and note of any item, by its id. */
static gboolean
find_item (const char *id, StraitsCitations *citations, const char **note)
{
  guint32 i;

  if ((i = straits_dataset_find_actor (dataset, id)) != STRAITS_NO_INDEX)
    *citations = straits_dataset_get_actor (dataset, i)->citations, *note = straits_dataset_get_actor (dataset, i)->note;
  else if ((i = straits_dataset_find_relation (dataset, id)) != STRAITS_NO_INDEX)
    *citations = straits_dataset_get_relation (dataset, i)->citations, *note = straits_dataset_get_relation (dataset, i)->note;
  else if ((i = straits_dataset_find_event (dataset, id)) != STRAITS_NO_INDEX)
    *citations = straits_dataset_get_event (dataset, i)->citations, *note = straits_dataset_get_event (dataset, i)->note;
  else if ((i = straits_dataset_find_figure (dataset, id)) != STRAITS_NO_INDEX)
    *citations = straits_dataset_get_figure (dataset, i)->citations, *note = straits_dataset_get_figure (dataset, i)->note;
  else if ((i = straits_dataset_find_annotation (dataset, id)) != STRAITS_NO_INDEX)
    *citations = straits_dataset_get_annotation (dataset, i)->citations, *note = NULL;
  else
    return FALSE;
  return TRUE;
}

/* The claim's "locator" (with its "quote", in the same citation) and
 * "source", when it gives them, are among @c. */
static void
check_cited (JsonObject *claim, const char *id, StraitsCitations c)
{
  const char *locator = member (claim, "locator"), *quote = member (claim, "quote");
  const char *source = member (claim, "source");
  gboolean found_locator = locator == NULL, found_source = source == NULL;

  for (guint i = 0; i < c.n; i++)
    {
      const StraitsSource *src = straits_dataset_get_source (dataset, c.items[i].source);

      if (locator && g_strcmp0 (c.items[i].locator, locator) == 0 &&
          (quote == NULL || g_strcmp0 (c.items[i].quote, quote) == 0))
        found_locator = TRUE;
      if (source && g_str_equal (src->id, source))
        found_source = TRUE;
    }
  if (!found_locator)
    g_error ("“%s” is not cited at “%s”%s%s", id, locator, quote ? " quoting " : "", quote ? quote : "");
  if (!found_source)
    g_error ("“%s” does not cite the source “%s”", id, source);
}

static void
check_actor (JsonObject *claim)
{
  const StraitsActor *a = actor_or_fail (member (claim, "actor"));
  JsonArray *memberships;

  if (member (claim, "kind"))
    g_assert_cmpstr (straits_actor_kind_to_string (a->kind), ==, member (claim, "kind"));
  memberships = json_object_has_member (claim, "memberships")
                ? json_object_get_array_member (claim, "memberships") : NULL;
  for (guint i = 0; memberships && i < json_array_get_length (memberships); i++)
    if (!has_membership (a, json_array_get_string_element (memberships, i)))
      g_error ("%s is not a member of %s", a->id, json_array_get_string_element (memberships, i));
}

static void
check_group_member (JsonObject *claim)
{
  guint32 grouping = straits_dataset_find_grouping (dataset, member (claim, "grouping"));
  guint32 actor = straits_dataset_find_actor (dataset, member (claim, "actor"));
  const StraitsGroup *g;

  g_assert_cmpuint (grouping, !=, STRAITS_NO_INDEX);
  g_assert_cmpuint (actor, !=, STRAITS_NO_INDEX);
  g = straits_dataset_group_of_actor (dataset, grouping, actor);
  g_assert_nonnull (g);
  g_assert_cmpstr (g->id, ==, member (claim, "group"));
}

/* A start or end as the dataset writes it: a date, "unknown" or absent. */
static char *
span_end (const StraitsDate *date, gboolean unknown)
{
  return unknown ? g_strdup ("unknown") : straits_date_is_set (date) ? straits_date_to_iso (date) : NULL;
}

static void
check_relation (JsonObject *claim)
{
  const char *id = member (claim, "relation");
  guint32 index = straits_dataset_find_relation (dataset, id);
  const StraitsRelation *r;
  g_autofree char *start = NULL, *end = NULL, *attested = NULL;

  if (index == STRAITS_NO_INDEX)
    g_error ("no relation “%s”", id);
  r = straits_dataset_get_relation (dataset, index);
  g_assert_cmpstr (straits_dataset_get_actor (dataset, r->from)->id, ==, member (claim, "from"));
  g_assert_cmpstr (straits_dataset_get_actor (dataset, r->to)->id, ==, member (claim, "to"));
  g_assert_cmpstr (straits_dataset_get_relation_type (dataset, r->type)->id, ==, member (claim, "type"));
  start = span_end (&r->start, r->start_unknown);
  end = span_end (&r->end, r->end_unknown);
  attested = span_end (&r->attested, FALSE);
  if (member (claim, "start"))
    g_assert_cmpstr (start, ==, member (claim, "start"));
  if (member (claim, "end"))
    g_assert_cmpstr (end, ==, member (claim, "end"));
  if (member (claim, "attested"))
    g_assert_cmpstr (attested, ==, member (claim, "attested"));
  check_cited (claim, id, r->citations);
}

static void
check_event (JsonObject *claim)
{
  const char *id = member (claim, "event");
  guint32 index = straits_dataset_find_event (dataset, id);
  const StraitsEvent *e;
  JsonArray *actors;

  if (index == STRAITS_NO_INDEX)
    g_error ("no event “%s”", id);
  e = straits_dataset_get_event (dataset, index);
  if (member (claim, "date"))
    {
      g_autofree char *iso = straits_date_to_iso (&e->date);
      g_assert_cmpstr (iso, ==, member (claim, "date"));
    }
  if (member (claim, "type"))
    g_assert_cmpstr (straits_dataset_get_event_type (dataset, e->type)->id, ==, member (claim, "type"));
  actors = json_object_has_member (claim, "actors") ? json_object_get_array_member (claim, "actors") : NULL;
  for (guint i = 0; actors && i < json_array_get_length (actors); i++)
    {
      guint32 actor = straits_dataset_find_actor (dataset, json_array_get_string_element (actors, i));

      g_assert_cmpuint (actor, !=, STRAITS_NO_INDEX);
      g_assert_true (straits_event_involves (e, actor));
    }
  check_cited (claim, id, e->citations);
}

static void
assert_number (JsonObject *claim, const char *name, double actual)
{
  double expected;

  if (!json_object_has_member (claim, name))
    return;
  expected = json_object_get_double_member (claim, name);
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9 + fabs (expected) * 1e-9);
}

static void
check_figure (JsonObject *claim)
{
  static const char *const kinds[] = { "shares", "series", "ranking", "value", "bound", "rank" };
  static const char *const bounds[] = { "none", "upper", "lower" };
  guint32 index = straits_dataset_find_figure (dataset, member (claim, "figure"));
  const char *key = member (claim, "key");
  const StraitsFigure *f;

  if (index == STRAITS_NO_INDEX)
    g_error ("no figure “%s”", member (claim, "figure"));
  f = straits_dataset_get_figure (dataset, index);
  if (member (claim, "kind"))
    g_assert_cmpstr (kinds[f->kind], ==, member (claim, "kind"));
  if (member (claim, "bound"))
    g_assert_cmpstr (bounds[f->bound], ==, member (claim, "bound"));
  if (member (claim, "period"))
    g_assert_cmpstr (f->period, ==, member (claim, "period"));
  if (member (claim, "base"))
    g_assert_cmpstr (f->base, ==, member (claim, "base"));
  if (member (claim, "unit"))
    g_assert_cmpstr (f->unit, ==, member (claim, "unit"));
  if (json_object_has_member (claim, "change"))
    g_assert_true (f->has_change);
  assert_number (claim, "change", f->change);
  check_cited (claim, f->id, f->citations);
  for (guint i = 0; i < f->n_values; i++)
    {
      const StraitsFigureValue *v = &f->values[i];
      g_autofree char *period = straits_date_to_iso (&v->period);
      gboolean match = g_strcmp0 (v->label, key) == 0 || g_str_equal (period, key) ||
                       (v->actor != STRAITS_NO_INDEX &&
                        g_str_equal (straits_dataset_get_actor (dataset, v->actor)->id, key));

      if (match)
        {
          assert_number (claim, "value", v->value);
          if (json_object_has_member (claim, "unrounded"))
            g_assert_true (v->has_unrounded);
          assert_number (claim, "unrounded", v->unrounded);
          return;
        }
    }
  g_error ("figure %s has no value for “%s”", f->id, key);
}

static void
check_cited_item (JsonObject *claim)
{
  StraitsCitations c;
  const char *note;

  if (!find_item (member (claim, "item"), &c, &note))
    g_error ("no item “%s”", member (claim, "item"));
  check_cited (claim, member (claim, "item"), c);
}

static void
check_note (JsonObject *claim)
{
  StraitsCitations c;
  const char *note = NULL;

  if (!find_item (member (claim, "item"), &c, &note))
    g_error ("no item “%s”", member (claim, "item"));
  if (note == NULL || strstr (note, member (claim, "contains")) == NULL)
    g_error ("the note of “%s” does not say “%s”", member (claim, "item"), member (claim, "contains"));
}

static void
check_claim (gconstpointer data)
{
  JsonObject *claim = (JsonObject *) data;
  const char *check = member (claim, "check");

  g_test_message ("%s", member (claim, "text"));
  if (g_str_equal (check, "actor"))
    check_actor (claim);
  else if (g_str_equal (check, "group-member"))
    check_group_member (claim);
  else if (g_str_equal (check, "relation"))
    check_relation (claim);
  else if (g_str_equal (check, "event"))
    check_event (claim);
  else if (g_str_equal (check, "figure"))
    check_figure (claim);
  else if (g_str_equal (check, "cited"))
    check_cited_item (claim);
  else if (g_str_equal (check, "note"))
    check_note (claim);
  else
    g_error ("unknown check “%s”", check);
}

/* Every item cites the paper with a locator: the dataset has one source. */
static void
test_everything_cited (void)
{
  for (guint i = 0; i < straits_dataset_get_n_actors (dataset); i++)
    g_assert_cmpuint (straits_dataset_get_actor (dataset, i)->citations.n, >, 0);
  for (guint i = 0; i < straits_dataset_get_n_relations (dataset); i++)
    g_assert_cmpuint (straits_dataset_get_relation (dataset, i)->citations.n, >, 0);
  for (guint i = 0; i < straits_dataset_get_n_events (dataset); i++)
    g_assert_cmpuint (straits_dataset_get_event (dataset, i)->citations.n, >, 0);
  for (guint i = 0; i < straits_dataset_get_n_figures (dataset); i++)
    g_assert_cmpuint (straits_dataset_get_figure (dataset, i)->citations.n, >, 0);
}

/* The paper as the dataset's source describes it: its paragraphs by
 * locator, read from the copy in tests/claims/ along the sections the
 * source lists, which must match the paper's own headings. */
static GHashTable *
read_paper_paragraphs (const StraitsSource *src)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "claims",
                                                 "swp-comment-2025c36-turkey-european-security.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *paragraphs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint line = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (src->n_sections, >, 0);
  for (guint k = 0; k < src->n_sections; k++)
    {
      if (src->headings[k][0] != '\0')
        {
          g_assert_nonnull (lines[line]);
          g_assert_cmpstr (lines[line], ==, src->headings[k]);
          line++;
        }
      for (guint n = 1; n <= src->paragraphs[k]; n++, line++)
        {
          g_assert_nonnull (lines[line]);
          g_assert_cmpstr (lines[line], !=, "");
          g_hash_table_insert (paragraphs,
                               src->headings[k][0] ? g_strdup_printf ("%s, para. %u", src->headings[k], n)
                                                   : g_strdup_printf ("para. %u", n),
                               g_strdup (lines[line]));
        }
    }
  /* After the last section come the authors' notes, not a heading. */
  g_assert_true (g_str_has_prefix (lines[line], "Dr Sinem Adar"));
  return paragraphs;
}

static void
check_quotes (GHashTable *paragraphs, guint32 paper, const char *id, StraitsCitations c, guint *n)
{
  for (guint i = 0; i < c.n; i++)
    {
      const char *paragraph;

      if (c.items[i].source != paper || c.items[i].quote == NULL)
        continue;
      paragraph = g_hash_table_lookup (paragraphs, c.items[i].locator);
      if (paragraph == NULL || strstr (paragraph, c.items[i].quote) == NULL)
        g_error ("%s quotes “%s”, which is not in “%s”", id, c.items[i].quote, c.items[i].locator);
      (*n)++;
    }
}

/* Every quotation of the paper stands verbatim in the paragraph cited. */
static void
test_quotes_verbatim (void)
{
  guint32 paper = STRAITS_NO_INDEX;
  g_autoptr(GHashTable) paragraphs = NULL;
  guint n = 0;

  for (guint i = 0; i < straits_dataset_get_n_sources (dataset); i++)
    if (g_str_equal (straits_dataset_get_source (dataset, i)->id, "swp-2025c36"))
      paper = i;
  g_assert_cmpuint (paper, !=, STRAITS_NO_INDEX);
  paragraphs = read_paper_paragraphs (straits_dataset_get_source (dataset, paper));
  for (guint i = 0; i < straits_dataset_get_n_actors (dataset); i++)
    check_quotes (paragraphs, paper, straits_dataset_get_actor (dataset, i)->id,
                  straits_dataset_get_actor (dataset, i)->citations, &n);
  for (guint i = 0; i < straits_dataset_get_n_relations (dataset); i++)
    check_quotes (paragraphs, paper, straits_dataset_get_relation (dataset, i)->id,
                  straits_dataset_get_relation (dataset, i)->citations, &n);
  for (guint i = 0; i < straits_dataset_get_n_events (dataset); i++)
    check_quotes (paragraphs, paper, straits_dataset_get_event (dataset, i)->id,
                  straits_dataset_get_event (dataset, i)->citations, &n);
  for (guint i = 0; i < straits_dataset_get_n_figures (dataset); i++)
    check_quotes (paragraphs, paper, straits_dataset_get_figure (dataset, i)->id,
                  straits_dataset_get_figure (dataset, i)->citations, &n);
  for (guint i = 0; i < straits_dataset_get_n_annotations (dataset); i++)
    check_quotes (paragraphs, paper, straits_dataset_get_annotation (dataset, i)->id,
                  straits_dataset_get_annotation (dataset, i)->citations, &n);
  g_test_message ("%u quotations checked", n);
  g_assert_cmpuint (n, >, 20);
}

/* The bundled dataset keeps the promises of a curated one. */
static void
test_strict (void)
{
  g_autoptr(GPtrArray) diags = straits_dataset_check_strict (dataset);

  for (guint i = 0; i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (diags->len, ==, 0);
}

static void
test_no_warnings (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) ds = straits_dataset_load_file (path, &diags, NULL);

  g_assert_nonnull (ds);
  g_assert_cmpuint (diags->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *claims_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *claims;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                           "turkey-european-security.json", NULL);
  dataset = straits_dataset_load_file (path, NULL, &error);
  g_assert_no_error (error);

  claims_path = g_test_build_filename (G_TEST_DIST, "claims", "swp-claims.json", NULL);
  if (!json_parser_load_from_file (parser, claims_path, &error))
    g_error ("%s", error->message);
  claims = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "claims");
  if (json_array_get_length (claims) < 100)
    g_error ("only %u claims; the list must hold at least 100", json_array_get_length (claims));
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *claim = json_array_get_object_element (claims, i);
      g_autofree char *name = g_strdup_printf ("/claims/%s", member (claim, "id"));

      if (member (claim, "id") == NULL)
        g_error ("claim %u has no id", i);
      g_test_add_data_func (name, claim, check_claim);
    }
  g_test_add_func ("/bundled/quotes-verbatim", test_quotes_verbatim);
  g_test_add_func ("/bundled/strict", test_strict);
  g_test_add_func ("/bundled/everything-cited", test_everything_cited);
  g_test_add_func ("/bundled/no-warnings", test_no_warnings);

  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
