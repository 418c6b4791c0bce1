/* test-curation.c: what a curated dataset can say and what the loader and
 * `--check --strict` hold it to: unknown starts and ends, attested dates,
 * roles that fix a type's direction, value/bound/rank figures, locators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "straits-dataset.h"

/* A dataset around @vocabulary (relation types), @relations and @figures,
 * with one source whose sections are given. */
static StraitsDataset *
load_with (const char *relation_types, const char *relations, const char *figures, GPtrArray **diags)
{
  g_autofree char *text = g_strdup_printf (
    "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },"
    "  \"vocabulary\": { \"relation_types\": [ %s ] },"
    "  \"sources\": [ { \"id\": \"paper\", \"title\": \"Paper\", \"sections\": ["
    "      { \"paragraphs\": 2 }, { \"heading\": \"Enter Trump II\", \"paragraphs\": 3 } ] } ],"
    "  \"actors\": ["
    "    { \"id\": \"ESP\", \"kind\": \"state\", \"name\": \"Spain\", \"iso3\": \"ESP\","
    "      \"sources\": [ { \"source\": \"paper\", \"locator\": \"Enter Trump II, para. 3\" } ] },"
    "    { \"id\": \"TUR\", \"kind\": \"state\", \"name\": \"Turkey\", \"iso3\": \"TUR\","
    "      \"sources\": [ { \"source\": \"paper\", \"locator\": \"para. 1\" } ] } ],"
    "  \"relations\": [ %s ], \"figures\": [ %s ] }",
    relation_types, relations, figures);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return straits_dataset_load_bytes (bytes, "test.json", diags, NULL);
}

#define SUPPLY_TYPE "{ \"id\": \"arms-supply\", \"label\": \"Supply\", \"roles\": [\"supplier\", \"recipient\"], \"dated\": true }"
#define CITED "\"sources\": [ { \"source\": \"paper\", \"locator\": \"Enter Trump II, para. 2\" } ]"

static gboolean
has_message (GPtrArray *diags, const char *path, const char *part)
{
  for (guint i = 0; diags && i < diags->len; i++)
    {
      const StraitsDiagnostic *d = g_ptr_array_index (diags, i);

      if (g_strcmp0 (d->path, path) == 0 && strstr (d->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static const StraitsRelation *
relation (StraitsDataset *ds, const char *id)
{
  guint32 i = straits_dataset_find_relation (ds, id);

  g_assert_cmpuint (i, !=, STRAITS_NO_INDEX);
  return straits_dataset_get_relation (ds, i);
}

static gboolean
active (StraitsDataset *ds, const char *id, const char *when)
{
  StraitsDate d;

  g_assert_true (straits_date_parse (when, &d));
  return straits_relation_is_active_at (relation (ds, id), &d);
}

/* An embargo imposed in 2019 and lifted at an unknown date is shown in
 * 2019 only; a veto whose start and end are both unknown is active at no
 * date; "start unknown" with an attested date is active from there; a
 * relation without dates is active at no date either (its date is
 * unknown, see test_time_states), with a warning. */
static void
test_unknown_dates (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) ds = load_with (SUPPLY_TYPE,
    "{ \"id\": \"embargo\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2019\", \"end\": \"unknown\" },"
    "{ \"id\": \"veto\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"unknown\" },"
    "{ \"id\": \"now\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"attested\": \"2025\" },"
    "{ \"id\": \"lifted\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2019\", \"end\": \"unknown\", \"attested\": \"2021-06\" },"
    "{ \"id\": \"old\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"2018-11\" },"
    "{ \"id\": \"undated\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\" }",
    "", &diags);

  g_assert_nonnull (ds);
  g_assert_true (relation (ds, "embargo")->end_unknown);
  g_assert_true (relation (ds, "veto")->start_unknown);
  g_assert_false (active (ds, "embargo", "2018"));
  g_assert_true (active (ds, "embargo", "2019-07"));
  g_assert_false (active (ds, "embargo", "2020"));
  g_assert_false (active (ds, "veto", "2014"));
  g_assert_false (active (ds, "veto", "2025"));
  g_assert_false (active (ds, "now", "2024"));
  g_assert_true (active (ds, "now", "2025-05"));
  g_assert_true (active (ds, "now", "2030"));
  g_assert_true (active (ds, "lifted", "2021-06-30"));
  g_assert_false (active (ds, "lifted", "2021-07"));
  g_assert_false (active (ds, "old", "1990"));
  g_assert_true (active (ds, "old", "2018-11-30"));
  g_assert_false (active (ds, "old", "2018-12"));
  g_assert_false (active (ds, "undated", "1990"));
  g_assert_false (active (ds, "undated", "2030"));
  g_assert_true (has_message (diags, "relations[5]", "no dates"));
  g_assert_false (has_message (diags, "relations[0]", "no dates"));
  g_assert_false (has_message (diags, "relations[1]", "no dates"));
}

static StraitsTimeState
state (StraitsDataset *ds, const char *id, const char *when)
{
  StraitsDate d = STRAITS_DATE_INIT;

  g_assert_true (when == NULL || straits_date_parse (when, &d));
  return straits_relation_state_at (relation (ds, id), &d);
}

#define ACTIVE STRAITS_TIME_ACTIVE
#define NOT_YET STRAITS_TIME_NOT_YET
#define ENDED STRAITS_TIME_ENDED
#define UNKNOWN STRAITS_TIME_DATE_UNKNOWN

/* Where undated and ended-undated relations stand at 2014, 2019 and 2025
 * (the time slider) and at all dates: a relation that no date places is
 * of unknown date at every date, not active; one that ended at an unknown
 * date is not shown after its last attested date (its attested date, else
 * its start); before the first date of an unknown start, the date is
 * unknown. At all dates everything is drawn as usual. */
static void
test_time_states (void)
{
  static const struct {
    const char *id;
    StraitsTimeState at[3]; /* 2014, 2019, 2025 */
  } expected[] = {
    { "undated",       { UNKNOWN, UNKNOWN, UNKNOWN } },
    { "ended-undated", { UNKNOWN, UNKNOWN, UNKNOWN } },
    { "embargo",       { NOT_YET, ACTIVE,  ENDED } },
    { "lifted",        { UNKNOWN, ACTIVE,  ENDED } },
    { "attested",      { UNKNOWN, UNKNOWN, ACTIVE } },
    { "until",         { UNKNOWN, ACTIVE,  ENDED } },
    { "dated",         { NOT_YET, ACTIVE,  ENDED } },
    { "ongoing",       { NOT_YET, ACTIVE,  ACTIVE } },
  };
  static const char *const years[] = { "2014", "2019", "2025" };
  g_autoptr(StraitsDataset) ds = load_with (SUPPLY_TYPE,
    "{ \"id\": \"undated\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\" },"
    "{ \"id\": \"ended-undated\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"unknown\" },"
    "{ \"id\": \"embargo\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2019\", \"end\": \"unknown\" },"
    "{ \"id\": \"lifted\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"unknown\", \"attested\": \"2019-05\" },"
    "{ \"id\": \"attested\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"attested\": \"2025\" },"
    "{ \"id\": \"until\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"2019-03\" },"
    "{ \"id\": \"dated\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2015\", \"end\": \"2020\" },"
    "{ \"id\": \"ongoing\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2019-12-31\" }",
    "", NULL);

  g_assert_nonnull (ds);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      for (guint y = 0; y < G_N_ELEMENTS (years); y++)
        {
          g_test_message ("%s at %s", expected[i].id, years[y]);
          g_assert_cmpint (state (ds, expected[i].id, years[y]), ==, expected[i].at[y]);
        }
      g_assert_cmpint (state (ds, expected[i].id, NULL), ==, ACTIVE);
    }
  /* The embargo ended at an unknown date: not active in 2020 already. */
  g_assert_cmpint (state (ds, "embargo", "2020-01"), ==, ENDED);
  g_assert_cmpint (state (ds, "lifted", "2019-06"), ==, ENDED);
}

/* A grouping says when its division holds as a relation does: one attested
 * in 2025 (the paper's stance) is of unknown date in 2014 and 2019; one
 * that ended at an unknown date after 2019 is not shown in 2025; one that
 * no date places is of unknown date at every date. A grouping whose end is
 * before its start is refused at its place. */
static void
test_grouping_states (void)
{
  static const struct {
    const char *span;
    StraitsTimeState at[3]; /* 2014, 2019, 2025 */
  } expected[] = {
    { "",                                                    { UNKNOWN, UNKNOWN, UNKNOWN } },
    { "\"start\": \"unknown\", \"attested\": \"2025\",",           { UNKNOWN, UNKNOWN, ACTIVE } },
    { "\"start\": \"2019\", \"end\": \"unknown\",",                { NOT_YET, ACTIVE,  ENDED } },
    { "\"start\": \"unknown\", \"end\": \"unknown\",",             { UNKNOWN, UNKNOWN, UNKNOWN } },
    { "\"start\": \"2015\",",                                    { NOT_YET, ACTIVE,  ACTIVE } },
  };
  static const char *const years[] = { "2014", "2019", "2025" };

  for (guint i = 0; i < G_N_ELEMENTS (expected) + 1; i++)
    {
      g_autoptr(GPtrArray) diags = NULL;
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },"
        "  \"actors\": [ { \"id\": \"ESP\", \"kind\": \"state\", \"name\": \"Spain\", \"iso3\": \"ESP\" } ],"
        "  \"groupings\": [ { \"id\": \"g\", \"label\": \"G\", %s"
        "    \"groups\": [ { \"id\": \"a\", \"label\": \"A\", \"colour\": \"#000000\", \"members\": [\"ESP\"] } ] } ] }",
        i < G_N_ELEMENTS (expected) ? expected[i].span : "\"start\": \"2020\", \"end\": \"2019\",");
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "test.json", &diags, NULL);
      const StraitsGrouping *g;

      if (i == G_N_ELEMENTS (expected))
        {
          g_assert_null (ds);
          g_assert_true (has_message (diags, "groupings[0].end", "before the start"));
          continue;
        }
      g_assert_nonnull (ds);
      g = straits_dataset_get_grouping (ds, 0);
      for (guint y = 0; y < G_N_ELEMENTS (years); y++)
        {
          StraitsDate d;

          g_test_message ("grouping %s at %s", expected[i].span, years[y]);
          g_assert_true (straits_date_parse (years[y], &d));
          g_assert_cmpint (straits_grouping_state_at (g, &d), ==, expected[i].at[y]);
        }
      g_assert_cmpint (straits_grouping_state_at (g, NULL), ==, ACTIVE);
    }
}

/* An event is active over its date: later at an earlier date, over at a
 * later one. */
static void
test_event_states (void)
{
  StraitsEvent e = { .date = STRAITS_DATE_INIT, .end = STRAITS_DATE_INIT };
  StraitsDate d;

  g_assert_true (straits_date_parse ("2019-06", &e.date));
  g_assert_true (straits_date_parse ("2014", &d));
  g_assert_cmpint (straits_event_state_at (&e, &d), ==, NOT_YET);
  g_assert_true (straits_date_parse ("2019", &d));
  g_assert_cmpint (straits_event_state_at (&e, &d), ==, ACTIVE);
  g_assert_true (straits_date_parse ("2025", &d));
  g_assert_cmpint (straits_event_state_at (&e, &d), ==, ENDED);
  g_assert_true (straits_date_parse ("2026", &e.end));
  g_assert_cmpint (straits_event_state_at (&e, &d), ==, ACTIVE);
  g_assert_cmpint (straits_event_state_at (&e, NULL), ==, ACTIVE);
}

/* Spans that contradict themselves are refused, with their place. */
static void
test_contradictions_refused (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) ds = load_with (SUPPLY_TYPE,
    "{ \"id\": \"a\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2020\", \"end\": \"2019\" },"
    "{ \"id\": \"b\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2020\", \"end\": \"unknown\", \"attested\": \"2019\" },"
    "{ \"id\": \"c\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"2019\", \"attested\": \"2020\" },"
    "{ \"id\": \"d\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"someday\" }",
    "", &diags);

  g_assert_null (ds);
  g_assert_true (has_message (diags, "relations[0].end", "before the start"));
  g_assert_true (has_message (diags, "relations[1].attested", "before the start"));
  g_assert_true (has_message (diags, "relations[2].attested", "after the end"));
  g_assert_true (has_message (diags, "relations[3].start", "invalid date"));
}

/* An event that names a relation at a date the relation does not hold at
 * is refused, naming the event's relations and the relation. */
static void
test_event_contradicts_relation (void)
{
  static const char *const events[] = {
    /* the event, and whether it contradicts its relations */
    "{ \"id\": \"ok\", \"date\": \"2019-10\", \"type\": \"e\", \"title\": \"t\", \"relations\": [\"embargo\", \"dated\"] }",
    "{ \"id\": \"early\", \"date\": \"2014\", \"type\": \"e\", \"title\": \"t\", \"relations\": [\"dated\"] }",
    "{ \"id\": \"late\", \"date\": \"2021\", \"type\": \"e\", \"title\": \"t\", \"relations\": [\"dated\"] }",
    "{ \"id\": \"lifted\", \"date\": \"2021\", \"type\": \"e\", \"title\": \"t\", \"relations\": [\"embargo\"] }",
    "{ \"id\": \"unknown\", \"date\": \"1990\", \"type\": \"e\", \"title\": \"t\", \"relations\": [\"veto\"] }",
  };
  static const char *const messages[] = { NULL, "before the relation “dated” began (2015 – 2020)",
    "after the relation “dated” ended (2015 – 2020)",
    "after the last date the relation “embargo” is attested at (2019 – ended, date unknown)", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(GPtrArray) diags = NULL;
      g_autofree char *text = g_strdup_printf (
        "{ \"format\": \"straits-dataset\", \"format_version\": 1, \"metadata\": { \"title\": \"t\" },"
        "  \"vocabulary\": { \"relation_types\": [ " SUPPLY_TYPE " ],"
        "                  \"event_types\": [ { \"id\": \"e\", \"label\": \"E\", \"colour\": \"#000000\" } ] },"
        "  \"actors\": [ { \"id\": \"ESP\", \"kind\": \"state\", \"name\": \"Spain\", \"iso3\": \"ESP\" },"
        "                { \"id\": \"TUR\", \"kind\": \"state\", \"name\": \"Turkey\", \"iso3\": \"TUR\" } ],"
        "  \"relations\": ["
        "    { \"id\": \"embargo\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2019\", \"end\": \"unknown\" },"
        "    { \"id\": \"dated\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2015\", \"end\": \"2020\" },"
        "    { \"id\": \"veto\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", \"end\": \"unknown\" } ],"
        "  \"events\": [ %s ] }", events[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(StraitsDataset) ds = straits_dataset_load_bytes (bytes, "test.json", &diags, NULL);

      g_test_message ("event %s", events[i]);
      if (messages[i] == NULL)
        g_assert_nonnull (ds);
      else
        {
          g_assert_null (ds);
          g_assert_true (has_message (diags, "events[0].relations", messages[i]));
        }
    }
}

/* Roles fix which end is which: the loader refuses a relation whose roles
 * contradict from and to, or name a role the type does not have. */
static void
test_roles (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) good = NULL, bad = NULL;

  good = load_with (SUPPLY_TYPE,
    "{ \"id\": \"s\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2020\","
    "  \"roles\": { \"supplier\": \"ESP\", \"recipient\": \"TUR\" } }", "", NULL);
  g_assert_nonnull (good);
  g_assert_true (relation (good, "s")->has_roles);
  g_assert_cmpstr (straits_dataset_get_relation_type (good, 0)->from_role, ==, "supplier");
  g_assert_true (straits_dataset_get_relation_type (good, 0)->dated);

  bad = load_with (SUPPLY_TYPE ", { \"id\": \"talks\", \"label\": \"Talks\" }",
    "{ \"id\": \"s\", \"from\": \"TUR\", \"to\": \"ESP\", \"type\": \"arms-supply\", \"start\": \"2020\","
    "  \"roles\": { \"supplier\": \"ESP\", \"recipient\": \"TUR\" } },"
    "{ \"id\": \"t\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2020\","
    "  \"roles\": { \"buyer\": \"TUR\" } },"
    "{ \"id\": \"u\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"talks\", \"start\": \"2020\","
    "  \"roles\": { \"host\": \"TUR\" } }", "", &diags);
  g_assert_null (bad);
  g_assert_true (has_message (diags, "relations[0].roles.supplier", "point supplier → recipient"));
  g_assert_true (has_message (diags, "relations[0].roles.recipient", "point supplier → recipient"));
  g_assert_true (has_message (diags, "relations[1].roles.buyer", "not a role"));
  g_assert_true (has_message (diags, "relations[2].roles", "names no roles"));
}

/* value, bound and rank: one value each; a bound says which; a rank says
 * what it is among; "whole" belongs to shares only; unrounded values
 * round to the value. */
static void
test_figure_kinds (void)
{
  g_autoptr(GPtrArray) diags = NULL;
  g_autoptr(StraitsDataset) good = NULL, bad = NULL;
  const StraitsFigure *f;

  good = load_with (SUPPLY_TYPE, "",
    "{ \"id\": \"v\", \"kind\": \"value\", \"title\": \"V\", \"unit\": \"USD billion\","
    "  \"values\": [ { \"period\": \"2024\", \"value\": 7.15 } ],"
    "  \"change\": { \"value\": 29, \"unit\": \"percent\", \"against\": \"the previous year\" } },"
    "{ \"id\": \"b\", \"kind\": \"bound\", \"bound\": \"upper\", \"title\": \"B\", \"unit\": \"percent\","
    "  \"values\": [ { \"actor\": \"TUR\", \"value\": 67 } ] },"
    "{ \"id\": \"r\", \"kind\": \"rank\", \"title\": \"R\", \"unit\": \"rank\", \"base\": \"buyers\", \"of\": 96,"
    "  \"values\": [ { \"actor\": \"TUR\", \"value\": 30 } ] },"
    "{ \"id\": \"s\", \"kind\": \"shares\", \"title\": \"S\", \"unit\": \"percent\", \"whole\": \"imports\","
    "  \"values\": [ { \"actor\": \"ESP\", \"value\": 34, \"unrounded\": 33.79 } ] }", NULL);
  g_assert_nonnull (good);
  f = straits_dataset_get_figure (good, straits_dataset_find_figure (good, "v"));
  g_assert_cmpint (f->kind, ==, STRAITS_FIGURE_VALUE);
  g_assert_true (f->has_change);
  g_assert_cmpfloat (f->change, ==, 29);
  g_assert_cmpstr (f->change_against, ==, "the previous year");
  f = straits_dataset_get_figure (good, straits_dataset_find_figure (good, "b"));
  g_assert_cmpint (f->bound, ==, STRAITS_BOUND_UPPER);
  f = straits_dataset_get_figure (good, straits_dataset_find_figure (good, "r"));
  g_assert_cmpstr (f->base, ==, "buyers");
  g_assert_cmpfloat (f->of, ==, 96);
  f = straits_dataset_get_figure (good, straits_dataset_find_figure (good, "s"));
  g_assert_cmpstr (f->whole, ==, "imports");
  g_assert_true (f->values[0].has_unrounded);
  g_assert_cmpfloat (f->values[0].unrounded, ==, 33.79);

  bad = load_with (SUPPLY_TYPE, "",
    "{ \"id\": \"v\", \"kind\": \"value\", \"title\": \"V\", \"unit\": \"x\","
    "  \"values\": [ { \"label\": \"a\", \"value\": 1 }, { \"label\": \"b\", \"value\": 2 } ] },"
    "{ \"id\": \"b\", \"kind\": \"bound\", \"title\": \"B\", \"unit\": \"percent\", \"values\": [ { \"label\": \"a\", \"value\": 1 } ] },"
    "{ \"id\": \"r\", \"kind\": \"rank\", \"title\": \"R\", \"unit\": \"rank\", \"values\": [ { \"label\": \"a\", \"value\": 3 } ] },"
    "{ \"id\": \"w\", \"kind\": \"series\", \"title\": \"W\", \"unit\": \"x\", \"whole\": \"all\", \"values\": [ { \"period\": \"2020\", \"value\": 1 } ] },"
    "{ \"id\": \"u\", \"kind\": \"shares\", \"title\": \"U\", \"unit\": \"percent\", \"values\": [ { \"label\": \"a\", \"value\": 34, \"unrounded\": 35.2 } ] }",
    &diags);
  g_assert_null (bad);
  g_assert_true (has_message (diags, "figures[0].values", "exactly one value"));
  g_assert_true (has_message (diags, "figures[1].bound", ""));
  g_assert_true (has_message (diags, "figures[2].base", "its base"));
  g_assert_true (has_message (diags, "figures[3].whole", "only shares"));
  g_assert_true (has_message (diags, "figures[4].values[0].unrounded", "does not round"));
}

static void
test_locator_parse (void)
{
  g_autofree char *heading = NULL;
  g_autofree char *opening = NULL;
  guint n = 0;

  g_assert_true (straits_locator_parse ("Enter Trump II: Rapprochement, para. 3", &heading, &n));
  g_assert_cmpstr (heading, ==, "Enter Trump II: Rapprochement");
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (straits_locator_parse ("para. 2", &opening, &n));
  g_assert_cmpstr (opening, ==, "");
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (straits_locator_parse ("Introduction", NULL, NULL));
  g_assert_false (straits_locator_parse ("Introduction, para. 0", NULL, NULL));
  g_assert_false (straits_locator_parse ("Introduction, para. 2b", NULL, NULL));
  g_assert_false (straits_locator_parse (", para. 2", NULL, NULL));
}

/* --strict: passes a dataset that keeps its promises, and names each
 * broken one: no citation, no locator, a heading the source lacks, a
 * paragraph past the section's end, a dated type without a start, a
 * directed relation without roles. */
static void
test_strict (void)
{
  g_autoptr(StraitsDataset) good = load_with (SUPPLY_TYPE,
    "{ \"id\": \"s\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"2020\","
    "  \"roles\": { \"supplier\": \"ESP\", \"recipient\": \"TUR\" }, " CITED " }", "", NULL);
  g_autoptr(GPtrArray) none = straits_dataset_check_strict (good);
  g_autoptr(StraitsDataset) bad = NULL;
  g_autoptr(GPtrArray) diags = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  bad = load_with (SUPPLY_TYPE ", { \"id\": \"talks\", \"label\": \"Talks\" }",
    "{ \"id\": \"a\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\","
    "  \"roles\": { \"supplier\": \"ESP\", \"recipient\": \"TUR\" }, " CITED " },"
    "{ \"id\": \"b\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"arms-supply\", \"start\": \"unknown\", " CITED " },"
    "{ \"id\": \"c\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"talks\" },"
    "{ \"id\": \"d\", \"from\": \"ESP\", \"to\": \"TUR\", \"type\": \"talks\", \"sources\": ["
    "  { \"source\": \"paper\", \"locator\": \"Introduction, para. 1\" },"
    "  { \"source\": \"paper\", \"locator\": \"Enter Trump II, para. 4\" },"
    "  { \"source\": \"paper\", \"locator\": \"Enter Trump II\" },"
    "  { \"source\": \"paper\" } ] }", "", NULL);
  g_assert_nonnull (bad);
  diags = straits_dataset_check_strict (bad);
  g_assert_true (has_message (diags, "relations[0]", "no start"));
  g_assert_true (has_message (diags, "relations[1]", "which end is the supplier"));
  g_assert_false (has_message (diags, "relations[1]", "no start"));
  g_assert_true (has_message (diags, "relations[2]", "cites no source"));
  g_assert_false (has_message (diags, "relations[2]", "no start"));
  g_assert_true (has_message (diags, "relations[3].sources[0].locator", "not a heading of"));
  g_assert_true (has_message (diags, "relations[3].sources[1].locator", "has 3 paragraphs, not 4"));
  g_assert_true (has_message (diags, "relations[3].sources[2].locator", "not “Heading, para. N”"));
  g_assert_true (has_message (diags, "relations[3].sources[3].locator", "no locator"));
  g_assert_cmpuint (diags->len, ==, 7);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/curation/unknown-dates", test_unknown_dates);
  g_test_add_func ("/curation/time-states", test_time_states);
  g_test_add_func ("/curation/event-states", test_event_states);
  g_test_add_func ("/curation/grouping-states", test_grouping_states);
  g_test_add_func ("/curation/contradictions-refused", test_contradictions_refused);
  g_test_add_func ("/curation/event-contradicts-relation", test_event_contradicts_relation);
  g_test_add_func ("/curation/roles", test_roles);
  g_test_add_func ("/curation/figure-kinds", test_figure_kinds);
  g_test_add_func ("/curation/locator-parse", test_locator_parse);
  g_test_add_func ("/curation/strict", test_strict);
  return g_test_run ();
}
