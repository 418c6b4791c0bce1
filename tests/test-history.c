/* test-history.c: the side panel's history of a selection, on the
 * bundled dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "straits-history.h"

static StraitsDataset *dataset;

static guint32
actor (const char *id)
{
  guint32 index = straits_dataset_find_actor (dataset, id);

  g_assert_cmpuint (index, !=, STRAITS_NO_INDEX);
  return index;
}

/* Where the event @id stands in @entries, or -1. */
static int
position_of_event (GArray *entries, const char *id)
{
  guint32 event = straits_dataset_find_event (dataset, id);

  for (guint i = 0; i < entries->len; i++)
    {
      const StraitsHistoryEntry *e = &g_array_index (entries, StraitsHistoryEntry, i);

      if (e->kind == STRAITS_HISTORY_EVENT && e->index == event)
        return (int) i;
    }
  return -1;
}

static void
assert_date_order (GArray *entries)
{
  for (guint i = 1; i < entries->len; i++)
    {
      const StraitsHistoryEntry *a = &g_array_index (entries, StraitsHistoryEntry, i - 1);
      const StraitsHistoryEntry *b = &g_array_index (entries, StraitsHistoryEntry, i);

      if (straits_date_is_set (&a->date) && straits_date_is_set (&b->date))
        g_assert_cmpint (straits_date_compare (&a->date, &b->date), <=, 0);
      else
        g_assert_false (!straits_date_is_set (&a->date) && straits_date_is_set (&b->date));
    }
}

/* Poland: its own TB2 purchase (2021), then Turkey joining the Three Seas
 * Initiative (April 2025), which comes in through the initiative Poland
 * co-founded. */
static void
test_poland (void)
{
  StraitsSelection sel;
  g_autoptr(GArray) entries = NULL;
  int tb2, three_seas;

  straits_selection_init_none (&sel);
  sel.kind = STRAITS_SELECTION_ACTOR;
  sel.actors[0] = actor ("POL");
  entries = straits_history_collect (dataset, &sel);
  assert_date_order (entries);
  tb2 = position_of_event (entries, "ev-2021-tb2");
  three_seas = position_of_event (entries, "ev-2025-04-3si");
  g_assert_cmpint (tb2, >=, 0);
  g_assert_cmpint (three_seas, >, tb2);
  g_assert_cmpuint (g_array_index (entries, StraitsHistoryEntry, three_seas).via, ==, actor ("three-seas"));
  g_assert_cmpuint (g_array_index (entries, StraitsHistoryEntry, tb2).via, ==, STRAITS_NO_INDEX);
  /* Greece's disputes with Turkey are not Poland's. */
  g_assert_cmpint (position_of_event (entries, "ev-1995-casus-belli"), ==, -1);
}

/* A pair: only what involves both. */
static void
test_pair (void)
{
  StraitsSelection sel;
  g_autoptr(GArray) entries = NULL;

  straits_selection_init_none (&sel);
  sel.kind = STRAITS_SELECTION_PAIR;
  sel.actors[0] = actor ("GRC");
  sel.actors[1] = actor ("TUR");
  entries = straits_history_collect (dataset, &sel);
  assert_date_order (entries);
  g_assert_cmpint (position_of_event (entries, "ev-1995-casus-belli"), >=, 0);
  g_assert_cmpint (position_of_event (entries, "ev-1995-casus-belli"), <=, 1);
  g_assert_cmpint (position_of_event (entries, "ev-2021-tb2"), ==, -1);
  for (guint i = 0; i < entries->len; i++)
    {
      const StraitsHistoryEntry *e = &g_array_index (entries, StraitsHistoryEntry, i);

      if (e->kind == STRAITS_HISTORY_EVENT)
        {
          const StraitsEvent *ev = straits_dataset_get_event (dataset, e->index);
          g_assert_true (straits_event_involves (ev, actor ("GRC")) && straits_event_involves (ev, actor ("TUR")));
        }
      else
        {
          const StraitsRelation *r = straits_dataset_get_relation (dataset, e->index);
          g_assert_true ((r->from == actor ("GRC") && r->to == actor ("TUR")) ||
                         (r->from == actor ("TUR") && r->to == actor ("GRC")));
        }
    }
}

/* Nothing selected: the whole chronology; the slider's date finds its place. */
static void
test_everything_and_dates (void)
{
  StraitsSelection sel;
  g_autoptr(GArray) entries = NULL;
  StraitsDate date;
  guint at;

  straits_selection_init_none (&sel);
  entries = straits_history_collect (dataset, &sel);
  g_assert_cmpuint (entries->len, ==, straits_dataset_get_n_events (dataset) + straits_dataset_get_n_relations (dataset));
  assert_date_order (entries);
  g_assert_true (straits_date_parse ("2024-06", &date));
  at = straits_history_find_date (entries, &date);
  g_assert_cmpuint (at, <, entries->len);
  /* Everything before is over by May 2024 at the latest... */
  for (guint i = 0; i < at; i++)
    g_assert_cmpuint (straits_date_last_day (&g_array_index (entries, StraitsHistoryEntry, i).date), <,
                      straits_date_first_day (&date));
  /* ...and the entry found reaches into June 2024 or later ("2024" does). */
  g_assert_cmpuint (straits_date_last_day (&g_array_index (entries, StraitsHistoryEntry, at).date), >=,
                    straits_date_first_day (&date));
}

/* Figures follow the selection: Spain appears as a supplier in Turkey's
 * imports; France's customer ranking is not about Spain. */
static void
test_figures_of_selection (void)
{
  StraitsSelection sel;
  const StraitsFigure *shares = straits_dataset_get_figure (dataset, straits_dataset_find_figure (dataset, "fig-tur-arms-import-shares"));
  const StraitsFigure *ranking = straits_dataset_get_figure (dataset, straits_dataset_find_figure (dataset, "fig-fra-customers-tur-rank"));

  straits_selection_init_none (&sel);
  g_assert_true (straits_selection_has_figure (dataset, &sel, ranking));
  sel.kind = STRAITS_SELECTION_ACTOR;
  sel.actors[0] = actor ("ESP");
  g_assert_true (straits_selection_has_figure (dataset, &sel, shares));
  g_assert_false (straits_selection_has_figure (dataset, &sel, ranking));
}

/* Search matches whatever the case and the accents. */
static void
test_fold (void)
{
  static const struct { const char *text, *typed; gboolean found; } cases[] = {
    { "Hürjet trainer jets", "hurjet", TRUE },
    { "Hürjet trainer jets", "HÜRJET", TRUE },
    { "İzmir", "izmir", TRUE },
    { "Izmir", "İZMİR", TRUE },
    { "Çanakkale", "canakkale", TRUE },
    { "Chișinău", "chisinau", TRUE },
    { "Diyarbakır", "diyarbakir", TRUE },
    { "Turkey", "türkei", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *needle = straits_text_fold (cases[i].typed);

      if (straits_text_fold_contains (cases[i].text, needle) != cases[i].found)
        g_error ("“%s” in “%s”: expected %d", cases[i].typed, cases[i].text, cases[i].found);
    }
}

/* Search matches words anywhere, in any order, across an item's texts
 * (a relation's label and its summary), whatever the case and accents. */
static void
test_fold_words (void)
{
  const char *texts[] = { "Close relations: France → Greece", NULL, "Paris and Athens sign a defence pact" };
  static const struct { const char *typed; gboolean found; } cases[] = {
    { "close relations france", TRUE },
    { "france close", TRUE },
    { "greece  DEFENCE pact", TRUE },
    { "athènes", FALSE },
    { "france turkey", FALSE },
    { "   ", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) words = straits_text_fold_words (cases[i].typed);

      if (straits_text_fold_matches (texts, G_N_ELEMENTS (texts), (const char *const *) words) != cases[i].found)
        g_error ("“%s”: expected %d", cases[i].typed, cases[i].found);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = g_build_filename (g_getenv ("STRAITS_DATA_DIR"), "datasets",
                                            "turkey-european-security.json", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  dataset = straits_dataset_load_file (path, NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/history/poland", test_poland);
  g_test_add_func ("/history/fold", test_fold);
  g_test_add_func ("/history/fold-words", test_fold_words);
  g_test_add_func ("/history/pair", test_pair);
  g_test_add_func ("/history/everything-and-dates", test_everything_and_dates);
  g_test_add_func ("/history/figures-of-selection", test_figures_of_selection);
  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
