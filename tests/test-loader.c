/* test-loader.c: loading, indices, queries and error reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "straits-dataset.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static StraitsDataset *
load_minimal (void)
{
  g_autofree char *path = data_path ("minimal.json");
  g_autoptr(GError) error = NULL;
  StraitsDataset *ds = straits_dataset_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static StraitsDataset *
load_text (const char *text, GPtrArray **diags, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return straits_dataset_load_bytes (bytes, "test.json", diags, error);
}

static void
test_counts_and_items (void)
{
  g_autoptr(StraitsDataset) ds = load_minimal ();
  const StraitsMetadata *meta = straits_dataset_get_metadata (ds);
  const StraitsActor *baykar;
  const StraitsRelation *r1;
  guint32 pol, tur;

  g_assert_cmpstr (meta->title, ==, "Minimal <b>test</b> & dataset");
  g_assert_cmpuint (straits_dataset_get_n_actors (ds), ==, 4);
  g_assert_cmpuint (straits_dataset_get_n_relations (ds), ==, 2);
  g_assert_cmpuint (straits_dataset_get_n_events (ds), ==, 3);
  g_assert_cmpuint (straits_dataset_get_n_figures (ds), ==, 1);

  pol = straits_dataset_find_actor (ds, "POL");
  tur = straits_dataset_find_actor_by_iso3 (ds, "TUR");
  g_assert_cmpuint (pol, !=, STRAITS_NO_INDEX);
  g_assert_cmpuint (tur, ==, straits_dataset_find_actor (ds, "TUR"));
  g_assert_cmpuint (straits_dataset_find_actor (ds, "nobody"), ==, STRAITS_NO_INDEX);

  baykar = straits_dataset_get_actor (ds, straits_dataset_find_actor (ds, "baykar"));
  g_assert_cmpint (baykar->kind, ==, STRAITS_ACTOR_COMPANY);
  g_assert_cmpuint (baykar->country, ==, tur);
  g_assert_true (baykar->has_location);
  g_assert_cmpfloat_with_epsilon (baykar->lon, 28.8, 1e-9);
  g_assert_cmpstr (straits_dataset_get_actor (ds, pol)->memberships[0], ==, "EU");
  g_assert_cmpstr (straits_dataset_get_actor (ds, pol)->memberships[1], ==, "NATO");
  g_assert_null (straits_dataset_get_actor (ds, pol)->memberships[2]);

  r1 = straits_dataset_get_relation (ds, straits_dataset_find_relation (ds, "r1"));
  g_assert_cmpuint (r1->from, ==, pol);
  g_assert_cmpuint (r1->to, ==, tur);
  g_assert_cmpint (r1->stance, ==, STRAITS_STANCE_COOPERATIVE);
  g_assert_cmpfloat_with_epsilon (r1->strength, 0.8, 1e-6);
  g_assert_cmpuint (r1->citations.n, ==, 1);
  g_assert_cmpstr (r1->citations.items[0].locator, ==, "Section 1");
  g_assert_cmpstr (straits_dataset_get_source (ds, r1->citations.items[0].source)->id, ==, "src");
}

static void
test_groupings (void)
{
  g_autoptr(StraitsDataset) ds = load_minimal ();
  guint32 grouping = straits_dataset_find_grouping (ds, "stance");
  const StraitsGroup *g;

  g = straits_dataset_group_of_actor (ds, grouping, straits_dataset_find_actor (ds, "POL"));
  g_assert_nonnull (g);
  g_assert_cmpstr (g->id, ==, "cooperative");
  g = straits_dataset_group_of_actor (ds, grouping, straits_dataset_find_actor (ds, "GRC"));
  g_assert_cmpstr (g->id, ==, "reluctant");
  g_assert_null (straits_dataset_group_of_actor (ds, grouping, straits_dataset_find_actor (ds, "TUR")));
}

static void
test_events_sorted_by_actor (void)
{
  g_autoptr(StraitsDataset) ds = load_minimal ();
  guint32 tur = straits_dataset_find_actor (ds, "TUR");
  const guint32 *events;
  guint n;

  events = straits_dataset_events_of_actor (ds, tur, &n);
  g_assert_cmpuint (n, ==, 3);
  /* "2021" before "2021-05-24" before "2025-04", whatever the file order. */
  g_assert_cmpstr (straits_dataset_get_event (ds, events[0])->id, ==, "e1");
  g_assert_cmpstr (straits_dataset_get_event (ds, events[1])->id, ==, "e3");
  g_assert_cmpstr (straits_dataset_get_event (ds, events[2])->id, ==, "e2");

  events = straits_dataset_relations_of_actor (ds, tur, &n);
  g_assert_cmpuint (n, ==, 2);
}

static void
test_query_events_window (void)
{
  g_autoptr(StraitsDataset) ds = load_minimal ();
  guint32 pol = straits_dataset_find_actor (ds, "POL");
  guint32 tur = straits_dataset_find_actor (ds, "TUR");
  StraitsDate from, to;
  g_autoptr(GArray) pair = NULL, window = NULL, narrow = NULL;

  pair = straits_dataset_query_events (ds, pol, tur, NULL, NULL);
  g_assert_cmpuint (pair->len, ==, 2);

  /* A year-precision event overlaps a window inside that year. */
  straits_date_parse ("2021-03", &from);
  straits_date_parse ("2021-03", &to);
  window = straits_dataset_query_events (ds, tur, STRAITS_NO_INDEX, &from, &to);
  g_assert_cmpuint (window->len, ==, 1);
  g_assert_cmpstr (straits_dataset_get_event (ds, g_array_index (window, guint32, 0))->id, ==, "e1");

  straits_date_parse ("2022", &from);
  straits_date_parse ("2025-03", &to);
  narrow = straits_dataset_query_events (ds, tur, STRAITS_NO_INDEX, &from, &to);
  g_assert_cmpuint (narrow->len, ==, 0);
}

static void
test_relations_active_at (void)
{
  g_autoptr(StraitsDataset) ds = load_minimal ();
  StraitsDate d;
  g_autoptr(GArray) in_2019 = NULL, in_1994 = NULL, in_2021 = NULL;

  straits_date_parse ("2019", &d);
  in_2019 = straits_dataset_relations_active_at (ds, &d);
  g_assert_cmpuint (in_2019->len, ==, 1); /* the dispute, 1995-06 to 2020 */
  straits_date_parse ("1994", &d);
  in_1994 = straits_dataset_relations_active_at (ds, &d);
  g_assert_cmpuint (in_1994->len, ==, 0);
  /* "2021" starts in 2021; the dispute ended in 2020. */
  straits_date_parse ("2021-12-31", &d);
  in_2021 = straits_dataset_relations_active_at (ds, &d);
  g_assert_cmpuint (in_2021->len, ==, 1);
  g_assert_cmpstr (straits_dataset_get_relation (ds, g_array_index (in_2021, guint32, 0))->id, ==, "r1");
  /* A partial date counts as its whole period, both ways. */
  straits_date_parse ("2020", &d);
  g_assert_true (straits_relation_is_active_at (
    straits_dataset_get_relation (ds, straits_dataset_find_relation (ds, "r2")), &d));
  straits_date_parse ("1995-06-30", &d);
  g_assert_true (straits_relation_is_active_at (
    straits_dataset_get_relation (ds, straits_dataset_find_relation (ds, "r2")), &d));
  straits_date_parse ("1995-05", &d);
  g_assert_false (straits_relation_is_active_at (
    straits_dataset_get_relation (ds, straits_dataset_find_relation (ds, "r2")), &d));
}

static const StraitsDiagnostic *
find_diag (GPtrArray *diags, const char *path)
{
  for (guint i = 0; i < diags->len; i++)
    {
      const StraitsDiagnostic *d = g_ptr_array_index (diags, i);

      if (g_strcmp0 (d->path, path) == 0)
        return d;
    }
  return NULL;
}

static void
test_errors_have_places (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"straits-dataset\", \"format_version\": 1,\n"
    "  \"metadata\": { \"title\": \"t\" },\n"
    "  \"actors\": [ { \"id\": \"A\", \"kind\": \"other\", \"name\": \"A\" },\n"
    "              { \"id\": \"A\", \"kind\": \"other\", \"name\": \"B\" } ],\n"
    "  \"relations\": [\n"
    "    { \"id\": \"r\", \"from\": \"A\", \"to\": \"ZZZ\", \"type\": \"x\" }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = load_text (text, &diags, &error);
  const StraitsDiagnostic *d;

  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_INVALID);
  g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR), ==, 3);

  d = find_diag (diags, "relations[0].to");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 7);
  g_assert_cmpuint (d->column, ==, 37);
  g_assert_nonnull (strstr (d->message, "unknown actor “ZZZ”"));
  g_assert_cmpstr (d->file, ==, "test.json");

  /* The later of two duplicates is the one reported. */
  d = find_diag (diags, "actors[1].id");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_nonnull (strstr (d->message, "duplicate id"));

  g_assert_nonnull (find_diag (diags, "relations[0].type"));
  /* Sorted by place. */
  for (guint i = 1; i < diags->len; i++)
    g_assert_cmpuint (((StraitsDiagnostic *) diags->pdata[i - 1])->line, <=,
                      ((StraitsDiagnostic *) diags->pdata[i])->line);
}

static void
test_error_cap (void)
{
  GString *s = g_string_new ("{\"format\":\"straits-dataset\",\"format_version\":1,"
                             "\"metadata\":{\"title\":\"t\"},\"actors\":[");
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (s, "%s{\"id\":\"a%d\",\"kind\":\"nonsense\",\"name\":\"x\"}", i ? "," : "", i);
  g_string_append (s, "]}");
  ds = load_text (s->str, &diags, &error);
  g_assert_null (ds);
  g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR), <=, STRAITS_DATASET_MAX_ERRORS + 1);
  g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR), >=, STRAITS_DATASET_MAX_ERRORS);
  g_string_free (s, TRUE);
}

/* A dataset of @n actors and a relation between each actor and the next,
 * with its top-level members in the order given by @order ("ARV": actors,
 * relations, vocabulary) and the name of the actor list written as
 * @actors_name (an escaped spelling takes the loader's other path). */
static char *
chain_dataset (guint n, const char *order, const char *actors_name, guint bad_relation)
{
  GString *s = g_string_new ("{\"format\":\"straits-dataset\",\"format_version\":1,"
                             "\"metadata\":{\"title\":\"chain\"}");

  for (const char *o = order; *o; o++)
    switch (*o)
      {
      case 'A':
        g_string_append_printf (s, ",\"%s\":[", actors_name);
        for (guint i = 0; i < n; i++)
          g_string_append_printf (s, "%s{\"id\":\"a%u\",\"kind\":\"other\",\"name\":\"Actor %u\"}",
                                  i ? "," : "", i, i);
        g_string_append (s, "]");
        break;
      case 'R':
        g_string_append (s, ",\"relations\":[");
        for (guint i = 0; i + 1 < n; i++)
          g_string_append_printf (s, "%s{\"id\":\"r%u\",\"from\":\"a%u\",\"to\":\"%s%u\",\"type\":\"link\"}",
                                  i ? "," : "", i, i, i == bad_relation ? "nobody" : "a", i + 1);
        g_string_append (s, "]");
        break;
      case 'V':
        g_string_append (s, ",\"vocabulary\":{\"relation_types\":[{\"id\":\"link\",\"label\":\"Link\"}]}");
        break;
      }
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

/* Large lists are parsed a slice at a time; the order of the top-level
 * members, and the path json-glib takes for names written with escapes,
 * must not change what is read. */
static void
test_member_order_and_spelling (void)
{
  const char *const orders[] = { "VAR", "RAV", "ARV" };
  const char *const names[] = { "actors", "\\u0061ctors" };

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        g_autofree char *text = chain_dataset (1000, orders[o], names[k], G_MAXUINT);
        g_autoptr(GError) error = NULL;
        g_autoptr(StraitsDataset) ds = load_text (text, NULL, &error);
        const StraitsRelation *r;

        g_assert_no_error (error);
        g_assert_cmpuint (straits_dataset_get_n_actors (ds), ==, 1000);
        g_assert_cmpuint (straits_dataset_get_n_relations (ds), ==, 999);
        r = straits_dataset_get_relation (ds, 700);
        g_assert_cmpstr (r->id, ==, "r700");
        g_assert_cmpstr (straits_dataset_get_actor (ds, r->to)->name, ==, "Actor 701");
      }
}

/* An error deep in a long list names its own element and line. */
static void
test_error_past_first_slice (void)
{
  g_autofree char *text = chain_dataset (1000, "VAR", "actors", 600);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = load_text (text, &diags, &error);
  const StraitsDiagnostic *d;
  const char *at;

  g_assert_null (ds);
  g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_ERROR), ==, 1);
  d = find_diag (diags, "relations[600].to");
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "unknown actor “nobody601”"));
  at = strstr (text, "\"nobody601\"");
  g_assert_cmpuint (d->line, ==, 1);
  g_assert_cmpuint (d->column, ==, g_utf8_strlen (text, at - text) + 1);
}

static void
test_warnings_for_unknown_members (void)
{
  const char *text = "{\"format\":\"straits-dataset\",\"format_version\":1,"
                     "\"metadata\":{\"title\":\"t\",\"titel\":\"typo\"}}";
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds = load_text (text, &diags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpuint (straits_diagnostics_count (diags, STRAITS_SEVERITY_WARNING), ==, 1);
  g_assert_nonnull (find_diag (diags, "metadata.titel"));
}

static void
test_file_level_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-test-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diags = NULL;
  StraitsDataset *ds;

  ds = straits_dataset_load_file (dir, &diags, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_clear_pointer (&diags, g_ptr_array_unref);

  ds = straits_dataset_load_file (missing, &diags, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_rmdir (dir);
}

static void
test_newer_version_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsDataset) ds =
    load_text ("{\"format\":\"straits-dataset\",\"format_version\":2,\"metadata\":{\"title\":\"t\"}}",
               NULL, &error);

  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_VERSION);
}

static void
test_hostile_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  StraitsDataset *ds;

  /* Deeper than any parser stack should be asked to go. */
  for (int i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  ds = load_text (deep->str, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested deeper"));
  g_clear_error (&error);

  ds = load_text ("{\"format\":\"straits-dataset\",\"format_version\":1,"
                  "\"metadata\":{\"title\":\"\xff\xfe\"}}", NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_ENCODING);
  g_clear_error (&error);

  ds = load_text ("{\"format\":\"straits-dataset\",\"format_version\":123456789012345678901234,"
                  "\"metadata\":{\"title\":\"t\"}}", NULL, &error);
  g_assert_null (ds);
  g_assert_nonnull (strstr (error->message, "too many digits"));
}

/* An actor's names in other languages: the interface's is shown, the
 * dataset's own name is kept; bad tags and repeats say where. */
static void
test_names_in_languages (void)
{
  const char *text =
    "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },\n"
    "  \"actors\": [ { \"id\": \"nato\", \"kind\": \"alliance\", \"name\": \"North Atlantic Treaty Organization\",\n"
    "                \"short_name\": \"NATO\",\n"
    "                \"names\": [ { \"language\": \"fr\", \"name\": \"OTAN\" },\n"
    "                             { \"language\": \"de\", \"name\": \"NATO\" } ] } ] }\n";
  const char *bad =
    "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },\n"
    "  \"actors\": [ { \"id\": \"a\", \"kind\": \"other\", \"name\": \"A\",\n"
    "                \"names\": [ { \"language\": \"French\", \"name\": \"x\" },\n"
    "                             { \"language\": \"fr\", \"name\": \"y\" },\n"
    "                             { \"language\": \"fr\", \"name\": \"z\" } ] } ] }\n";
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  StraitsDataset *ds;
  const StraitsActor *a;
  const StraitsDiagnostic *d;

  g_setenv ("LANGUAGE", "fr", TRUE);
  ds = load_text (text, NULL, &error);
  g_assert_no_error (error);
  a = straits_dataset_get_actor (ds, 0);
  g_assert_cmpstr (a->name, ==, "OTAN");
  g_assert_cmpstr (a->short_name, ==, "OTAN");
  g_assert_cmpstr (a->dataset_name, ==, "North Atlantic Treaty Organization");
  g_object_unref (ds);

  g_setenv ("LANGUAGE", "en", TRUE);
  ds = load_text (text, NULL, &error);
  g_assert_no_error (error);
  a = straits_dataset_get_actor (ds, 0);
  g_assert_cmpstr (a->name, ==, "North Atlantic Treaty Organization");
  g_assert_null (a->dataset_name);
  g_assert_cmpstr (a->names[0], ==, "fr");
  g_assert_cmpstr (a->names[3], ==, "NATO");
  g_assert_null (a->names[4]);
  g_object_unref (ds);

  ds = load_text (bad, &diags, &error);
  g_assert_null (ds);
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_INVALID);
  d = find_diag (diags, "actors[0].names[0].language");
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "not a language tag"));
  d = find_diag (diags, "actors[0].names[2].language");
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->message, "given twice"));
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}


/* Writes @text followed by spaces up to @size bytes (JSON allows them
 * after the top-level value) as a new file in @dir. */
static char *
write_padded (const char *dir, const char *text, gsize size)
{
  g_autofree char *path = g_build_filename (dir, "padded.json", NULL);
  g_autoptr(GString) s = g_string_new (text);

  while (s->len < size)
    g_string_append_c (s, ' ');
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  return g_steal_pointer (&path);
}

/* The size limit is the user's: STRAITS_MAX_DATASET_MB lowers it (a
 * 2 MB file is refused at 1 MB, with words that say how to raise it) and
 * raises it, and by default a file over the old limit of 256 MB is read. */
static void
test_size_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("straits-test-XXXXXX", NULL);
  g_autofree char *minimal = data_path ("minimal.json");
  g_autofree char *text = NULL;
  g_autofree char *padded = NULL;
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) ds = NULL;
  const StraitsDiagnostic *d;
  FILE *f;

  g_assert_true (g_file_get_contents (minimal, &text, NULL, NULL));
  padded = write_padded (dir, text, 2u << 20);

  g_setenv ("STRAITS_MAX_DATASET_MB", "1", TRUE);
  g_assert_cmpuint (straits_dataset_get_max_size (), ==, 1u << 20);
  g_assert_null (straits_dataset_load_file (padded, &diags, &error));
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (diags->len, ==, 1);
  d = g_ptr_array_index (diags, 0);
  g_assert_nonnull (strstr (d->message, "at most 1 MB"));
  g_assert_nonnull (strstr (d->message, "STRAITS_MAX_DATASET_MB"));
  g_clear_error (&error);
  g_clear_pointer (&diags, g_ptr_array_unref);

  g_setenv ("STRAITS_MAX_DATASET_MB", "3", TRUE);
  ds = straits_dataset_load_file (padded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (straits_dataset_get_n_actors (ds), ==, 4);

  /* Not a number: the default. */
  g_setenv ("STRAITS_MAX_DATASET_MB", "lots", TRUE);
  g_assert_cmpuint (straits_dataset_get_max_size (), ==, (gsize) STRAITS_DATASET_DEFAULT_MAX_MB << 20);
  g_unsetenv ("STRAITS_MAX_DATASET_MB");
  g_assert_cmpuint (straits_dataset_get_max_size (), >, (gsize) 256 << 20);

  /* 257 MB, all but its first byte a hole: read, and refused for its
   * NUL bytes, no longer for its size. */
  f = g_fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fputc ('{', f), ==, '{');
  g_assert_cmpint (fseek (f, (257l << 20) - 2, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', f), ==, ' ');
  g_assert_cmpint (fclose (f), ==, 0);
  g_assert_null (straits_dataset_load_file (big, NULL, &error));
  g_assert_error (error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_ENCODING);

  g_unlink (big);
  g_unlink (padded);
  g_rmdir (dir);
}


/* A file over 16 MB is mapped, and the pages read are given back while
 * it loads: what is read, and where a problem far into it is placed,
 * stay those of the same text given in memory. */
static void
test_mapped_file (void)
{
  g_autofree char *text = chain_dataset (200000, "RAV", "actors", 190000);
  g_autofree char *dir = g_dir_make_tmp ("straits-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chain.json", NULL);
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(GPtrArray) file_diags = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(StraitsDataset) ds = load_text (text, &diags, &error);
  g_autoptr(StraitsDataset) file_ds = NULL;
  const StraitsDiagnostic *d, *file_d;

  g_assert_cmpuint (strlen (text), >, 16u << 20);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_unsetenv ("STRAITS_MAX_DATASET_MB");
  file_ds = straits_dataset_load_file (path, &file_diags, &file_error);
  g_assert_null (file_ds);
  g_assert_error (file_error, STRAITS_DATASET_ERROR, STRAITS_DATASET_ERROR_INVALID);
  g_assert_cmpuint (file_diags->len, ==, diags->len);
  d = find_diag (diags, "relations[190000].to");
  file_d = find_diag (file_diags, "relations[190000].to");
  g_assert_nonnull (file_d);
  g_assert_cmpstr (file_d->message, ==, d->message);
  g_assert_cmpuint (file_d->line, ==, d->line);
  g_assert_cmpuint (file_d->column, ==, d->column);
  g_assert_cmpuint (file_d->column, >, 10u << 20);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/loader/counts-and-items", test_counts_and_items);
  g_test_add_func ("/loader/names-in-languages", test_names_in_languages);
  g_test_add_func ("/loader/groupings", test_groupings);
  g_test_add_func ("/loader/events-sorted-by-actor", test_events_sorted_by_actor);
  g_test_add_func ("/query/events-window", test_query_events_window);
  g_test_add_func ("/query/relations-active-at", test_relations_active_at);
  g_test_add_func ("/loader/errors-have-places", test_errors_have_places);
  g_test_add_func ("/loader/member-order-and-spelling", test_member_order_and_spelling);
  g_test_add_func ("/loader/error-past-first-slice", test_error_past_first_slice);
  g_test_add_func ("/loader/error-cap", test_error_cap);
  g_test_add_func ("/loader/warnings", test_warnings_for_unknown_members);
  g_test_add_func ("/loader/file-level-errors", test_file_level_errors);
  g_test_add_func ("/loader/newer-version", test_newer_version_refused);
  g_test_add_func ("/loader/hostile-text", test_hostile_text);
  g_test_add_func ("/loader/size-limit", test_size_limit);
  g_test_add_func ("/loader/mapped-file", test_mapped_file);
  return g_test_run ();
}
