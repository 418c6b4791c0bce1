/* test-bundled.c: the bundled dataset validates, and the paper's claims
 * listed in tests/claims/swp-claims.json are in it with the right values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
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

static void
check_actor (JsonObject *claim)
{
  const StraitsActor *a = actor_or_fail (member (claim, "id"));
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

static void
check_relation (JsonObject *claim)
{
  guint32 from = straits_dataset_find_actor (dataset, member (claim, "from"));
  guint32 to = straits_dataset_find_actor (dataset, member (claim, "to"));
  const char *type = member (claim, "type");
  const char *start = member (claim, "start");
  const guint32 *rels;
  guint n;

  g_assert_cmpuint (from, !=, STRAITS_NO_INDEX);
  g_assert_cmpuint (to, !=, STRAITS_NO_INDEX);
  rels = straits_dataset_relations_of_actor (dataset, from, &n);
  for (guint i = 0; i < n; i++)
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, rels[i]);
      g_autofree char *iso = straits_date_to_iso (&r->start);

      if (r->from == from && r->to == to &&
          g_str_equal (straits_dataset_get_relation_type (dataset, r->type)->id, type) &&
          (start == NULL || g_str_equal (iso, start)))
        return;
    }
  g_error ("no %s relation %s → %s%s%s", type, member (claim, "from"), member (claim, "to"),
           start ? " starting " : "", start ? start : "");
}

static void
check_event (JsonObject *claim)
{
  guint32 index = straits_dataset_find_event (dataset, member (claim, "id"));
  const StraitsEvent *e;
  JsonArray *actors;

  if (index == STRAITS_NO_INDEX)
    g_error ("no event “%s”", member (claim, "id"));
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
}

static void
check_figure_value (JsonObject *claim)
{
  guint32 index = straits_dataset_find_figure (dataset, member (claim, "figure"));
  const char *key = member (claim, "key");
  double expected = json_object_get_double_member (claim, "value");
  const StraitsFigure *f;

  if (index == STRAITS_NO_INDEX)
    g_error ("no figure “%s”", member (claim, "figure"));
  f = straits_dataset_get_figure (dataset, index);
  for (guint i = 0; i < f->n_values; i++)
    {
      const StraitsFigureValue *v = &f->values[i];
      g_autofree char *period = straits_date_to_iso (&v->period);
      gboolean match = g_strcmp0 (v->label, key) == 0 || g_str_equal (period, key) ||
                       (v->actor != STRAITS_NO_INDEX &&
                        g_str_equal (straits_dataset_get_actor (dataset, v->actor)->id, key));

      if (match)
        {
          g_assert_cmpfloat_with_epsilon (v->value, expected, 1e-9 + fabs (expected) * 1e-9);
          return;
        }
    }
  g_error ("figure %s has no value for “%s”", f->id, key);
}

static gboolean
citations_have_locator (StraitsCitations c, const char *locator)
{
  for (guint i = 0; i < c.n; i++)
    if (g_strcmp0 (c.items[i].locator, locator) == 0)
      return TRUE;
  return FALSE;
}

static void
check_source_locator (JsonObject *claim)
{
  const char *id = member (claim, "item"), *locator = member (claim, "locator");
  guint32 i;

  if ((i = straits_dataset_find_actor (dataset, id)) != STRAITS_NO_INDEX &&
      citations_have_locator (straits_dataset_get_actor (dataset, i)->citations, locator))
    return;
  if ((i = straits_dataset_find_relation (dataset, id)) != STRAITS_NO_INDEX &&
      citations_have_locator (straits_dataset_get_relation (dataset, i)->citations, locator))
    return;
  if ((i = straits_dataset_find_event (dataset, id)) != STRAITS_NO_INDEX &&
      citations_have_locator (straits_dataset_get_event (dataset, i)->citations, locator))
    return;
  if ((i = straits_dataset_find_figure (dataset, id)) != STRAITS_NO_INDEX &&
      citations_have_locator (straits_dataset_get_figure (dataset, i)->citations, locator))
    return;
  if ((i = straits_dataset_find_annotation (dataset, id)) != STRAITS_NO_INDEX &&
      citations_have_locator (straits_dataset_get_annotation (dataset, i)->citations, locator))
    return;
  g_error ("no item “%s” cited at “%s”", id, locator);
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
  else if (g_str_equal (check, "figure-value"))
    check_figure_value (claim);
  else if (g_str_equal (check, "source-locator"))
    check_source_locator (claim);
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
  if (json_array_get_length (claims) < 40)
    g_error ("only %u claims; the list must hold at least 40", json_array_get_length (claims));
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      g_autofree char *name = g_strdup_printf ("/claims/%03u", i);

      g_test_add_data_func (name, json_array_get_object_element (claims, i), check_claim);
    }
  g_test_add_func ("/bundled/everything-cited", test_everything_cited);
  g_test_add_func ("/bundled/no-warnings", test_no_warnings);

  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
