/* test-history-list.c: the history's rows as the side panel shows them
 * (a heading before each year's entries and before the undated ones,
 * filtered by type and by text), made on demand by StraitsHistoryList,
 * and the panel showing the same rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "straits-history-list.h"
#include "straits-history-row.h"
#include "straits-side-panel.h"
#include "straits-test-data.h"

/* Three years and undated entries, a relation and an event on one date
 * (2021: the relation first), and texts to filter by. */
static const char dataset_json[] =
  "{\"format\": \"straits-dataset\", \"format_version\": 1,"
  " \"metadata\": {\"title\": \"History rows\", \"version\": \"1\"},"
  " \"vocabulary\": {\"relation_types\": [{\"id\": \"procurement\", \"label\": \"Procurement\", \"colour\": \"#1b9e77\"},"
  "                                       {\"id\": \"dispute\", \"label\": \"Dispute\", \"colour\": \"#d95f02\"}],"
  "                \"event_types\": [{\"id\": \"agreement\", \"label\": \"Agreement\", \"colour\": \"#7570b3\"}]},"
  " \"sources\": [{\"id\": \"src\", \"title\": \"A source\"},"
  "              {\"id\": \"web\", \"title\": \"A page\", \"url\": \"https://example.org/\"},"
  "              {\"id\": \"doi\", \"title\": \"A paper\", \"doi\": \"10.1000/1\"}],"
  " \"actors\": [{\"id\": \"TUR\", \"kind\": \"state\", \"name\": \"Turkey\", \"iso3\": \"TUR\"},"
  "              {\"id\": \"POL\", \"kind\": \"state\", \"name\": \"Poland\", \"iso3\": \"POL\"},"
  "              {\"id\": \"GRC\", \"kind\": \"state\", \"name\": \"Greece\", \"iso3\": \"GRC\"}],"
  " \"relations\": ["
  "  {\"id\": \"r1\", \"from\": \"POL\", \"to\": \"TUR\", \"type\": \"procurement\", \"start\": \"2021\","
  "   \"summary\": \"Drones bought\", \"sources\": [{\"source\": \"web\"}]},"
  "  {\"id\": \"r2\", \"from\": \"GRC\", \"to\": \"TUR\", \"type\": \"dispute\", \"direction\": \"mutual\","
  "   \"start\": \"1995-06\"},"
  "  {\"id\": \"r3\", \"from\": \"POL\", \"to\": \"GRC\", \"type\": \"procurement\", \"start\": \"unknown\"}],"
  " \"events\": ["
  "  {\"id\": \"e2\", \"date\": \"2025-04\", \"type\": \"agreement\", \"title\": \"Later\", \"actors\": [\"TUR\"]},"
  "  {\"id\": \"e1\", \"date\": \"2021\", \"type\": \"agreement\", \"title\": \"Purchase of DRONES\","
  "   \"actors\": [\"POL\", \"TUR\"], \"sources\": [{\"source\": \"web\"}, {\"source\": \"doi\"}]},"
  "  {\"id\": \"e3\", \"date\": \"2021-05-24\", \"type\": \"agreement\", \"title\": \"Day\", \"actors\": [\"POL\", \"TUR\"],"
  "   \"sources\": [{\"source\": \"src\"}]},"
  "  {\"id\": \"e4\", \"date\": \"1995-09-01\", \"type\": \"agreement\", \"title\": \"Talks\","
  "   \"description\": \"On the Aegean\", \"actors\": [\"GRC\", \"TUR\"]}]}";

static StraitsDataset *dataset;

/* A row as read: a heading's text, or "E id" / "R id" for an entry. */
static char *
describe (StraitsHistoryItem *item)
{
  const StraitsHistoryEntry *entry = straits_history_item_get_entry (item);

  if (entry == NULL)
    return g_strdup (straits_history_item_get_heading (item));
  if (entry->kind == STRAITS_HISTORY_EVENT)
    return g_strdup_printf ("E %s", straits_dataset_get_event (dataset, entry->index)->id);
  return g_strdup_printf ("R %s", straits_dataset_get_relation (dataset, entry->index)->id);
}

/* The rows of @model, "|"-separated. */
static char *
rows_text (GListModel *model)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StraitsHistoryItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (parts, describe (item));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("|", (char **) parts->pdata);
}

static StraitsHistoryRows *
all_entries (void)
{
  StraitsSelection none;

  straits_selection_init_none (&none);
  return straits_history_rows_collect (dataset, &none);
}

/* The rows of the whole dataset's entries that pass the filters. */
static StraitsHistoryRows *
filtered (guint type_choice, const char *folded_needle)
{
  g_autoptr(StraitsHistoryRows) all = all_entries ();

  return straits_history_rows_filter (all, type_choice, folded_needle, dataset);
}

/* The rows for the whole dataset with @type_choice and @needle. */
static char *
built (guint type_choice, const char *needle)
{
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  g_autofree char *folded = needle ? straits_text_fold (needle) : NULL;

  straits_history_list_set (list, dataset, filtered (type_choice, folded));
  return rows_text (G_LIST_MODEL (list));
}

#define ALL "1995|R r2|E e4|2021|R r1|E e1|E e3|2025|E e2|Undated|R r3"

static void
test_rows (void)
{
  g_autofree char *all = built (0, NULL);
  g_autofree char *none_chosen = built (G_MAXUINT, "");
  g_autofree char *procurement = built (1, NULL);
  g_autofree char *dispute = built (2, NULL);
  g_autofree char *agreements = built (3, NULL);
  g_autofree char *drones = built (0, "dRoNeS");
  g_autofree char *aegean = built (0, "aegean");
  g_autofree char *by_title = built (0, "Poland → Greece");
  g_autofree char *agreement_drones = built (3, "drones");
  g_autofree char *nothing = built (0, "no such text");

  g_assert_cmpstr (all, ==, ALL);
  g_assert_cmpstr (none_chosen, ==, ALL);
  g_assert_cmpstr (procurement, ==, "2021|R r1|Undated|R r3");
  g_assert_cmpstr (dispute, ==, "1995|R r2");
  g_assert_cmpstr (agreements, ==, "1995|E e4|2021|E e1|E e3|2025|E e2");
  /* A relation's summary, an event's title or description, a relation's
   * title as shown ("Poland → Greece"), whatever the case. */
  g_assert_cmpstr (drones, ==, "2021|R r1|E e1");
  g_assert_cmpstr (aegean, ==, "1995|E e4");
  g_assert_cmpstr (by_title, ==, "Undated|R r3");
  g_assert_cmpstr (agreement_drones, ==, "2021|E e1");
  g_assert_cmpstr (nothing, ==, "");
}

/* An entry is 4 bytes, read from the dataset when shown: a history not
 * filtered is held once, for the selection and for the list. */
static void
test_rows_shared (void)
{
  g_autoptr(StraitsHistoryRows) all = all_entries ();
  g_autoptr(StraitsHistoryRows) none = straits_history_rows_filter (all, 0, NULL, dataset);
  g_autoptr(StraitsHistoryRows) none_chosen = straits_history_rows_filter (all, G_MAXUINT, "", dataset);
  g_autoptr(StraitsHistoryRows) dispute = straits_history_rows_filter (all, 2, NULL, dataset);

  g_assert_cmpuint (straits_history_rows_get_n_entries (all), ==, 7);
  g_assert_true (none == all);
  g_assert_true (none_chosen == all);
  g_assert_true (dispute != all);
  g_assert_cmpuint (straits_history_rows_get_n_entries (dispute), ==, 1);
}

static void
assert_same_entry (const StraitsHistoryEntry *a, const StraitsHistoryEntry *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpuint (a->index, ==, b->index);
  g_assert_cmpuint (a->via, ==, b->via);
  g_assert_cmpint (straits_date_compare (&a->date, &b->date), ==, 0);
  g_assert_cmpint (a->date.precision, ==, b->date.precision);
}

/* Whether @entry is an event of the first event type (or @events_only is not set). */
static gboolean
passes (StraitsDataset *data, const StraitsHistoryEntry *entry, gboolean events_only)
{
  return !events_only || (entry->kind == STRAITS_HISTORY_EVENT && straits_dataset_get_event (data, entry->index)->type == 0);
}

/* The entries a list gives back, headings left out, are those collected,
 * with their dates and the organisation they come through: for every
 * actor of the bundled dataset (Poland's include the Three Seas
 * Initiative's), and filtered to the first event type. */
static void
assert_rows_as_collected (StraitsDataset *data, const StraitsSelection *selection, gboolean events_only)
{
  g_autoptr(GArray) entries = straits_history_collect (data, selection);
  g_autoptr(StraitsHistoryRows) all = straits_history_rows_collect (data, selection);
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  guint type_choice = events_only ? straits_dataset_get_n_relation_types (data) + 1 : 0;
  guint n, k = 0, with_via = 0;

  straits_history_list_set (list, data, straits_history_rows_filter (all, type_choice, NULL, data));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      StraitsHistoryEntry entry;

      if (!straits_history_list_get_entry (list, i, &entry))
        continue;
      while (k < entries->len && !passes (data, &g_array_index (entries, StraitsHistoryEntry, k), events_only))
        k++;
      g_assert_cmpuint (k, <, entries->len);
      assert_same_entry (&entry, &g_array_index (entries, StraitsHistoryEntry, k));
      with_via += entry.via != STRAITS_NO_INDEX;
      k++;
    }
  while (k < entries->len && !passes (data, &g_array_index (entries, StraitsHistoryEntry, k), events_only))
    k++;
  g_assert_cmpuint (k, ==, entries->len);
  if (!events_only && selection->kind == STRAITS_SELECTION_ACTOR &&
      selection->actors[0] == straits_dataset_find_actor (data, "POL"))
    g_assert_cmpuint (with_via, >, 0);
}

static void
test_rows_as_collected (void)
{
  g_autoptr(StraitsDataset) bundled = straits_test_load_bundled ();
  StraitsSelection selection;

  straits_selection_init_none (&selection);
  assert_rows_as_collected (bundled, &selection, FALSE);
  assert_rows_as_collected (bundled, &selection, TRUE);
  selection.kind = STRAITS_SELECTION_ACTOR;
  for (guint a = 0; a < straits_dataset_get_n_actors (bundled); a++)
    {
      selection.actors[0] = a;
      assert_rows_as_collected (bundled, &selection, FALSE);
      assert_rows_as_collected (bundled, &selection, TRUE);
    }
}

static void
test_get_item (void)
{
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  GListModel *model = G_LIST_MODEL (list);

  g_assert_true (g_list_model_get_item_type (model) == STRAITS_TYPE_HISTORY_ITEM);
  straits_history_list_set (list, dataset, filtered (0, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  g_assert_null (g_list_model_get_item (model, 11));
  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(StraitsHistoryItem) item = g_list_model_get_item (model, i);
      g_autoptr(StraitsHistoryItem) again = g_list_model_get_item (model, i);
      StraitsHistoryEntry entry;
      gboolean is_entry = straits_history_list_get_entry (list, i, &entry);

      /* The entry the list gives is its item's. */
      g_assert_true (is_entry == (straits_history_item_get_entry (item) != NULL));
      if (is_entry)
        assert_same_entry (&entry, straits_history_item_get_entry (item));
      g_assert_true (item == again);
    }
}

static guint
day_of (const char *text)
{
  StraitsDate date;

  g_assert_true (straits_date_parse (text, &date));
  return straits_date_first_day (&date);
}

static void
test_find_day (void)
{
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();

  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2000")), ==, 0);
  straits_history_list_set (list, dataset, filtered (0, NULL));
  /* ALL: 0 1995, 1 r2, 2 e4, 3 2021, 4 r1, 5 e1, 6 e3, 7 2025, 8 e2, 9 Undated, 10 r3 */
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("1990")), ==, 1);
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("1995-06-30")), ==, 1);
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("1995-07")), ==, 2);
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2000")), ==, 4);
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2021-12-31")), ==, 4);
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2022")), ==, 8);
  /* After every dated entry: the undated ones. */
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2030")), ==, 10);
  straits_history_list_set (list, dataset, filtered (3, NULL));
  /* "1995|E e4|2021|E e1|E e3|2025|E e2": none left by 2026 */
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2026")), ==, 7);
}

/* What find_day finds, by reading every row in turn: the first entry
 * not over by @day, or undated. */
static guint
find_day_by_scan (StraitsHistoryList *list, guint32 day)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint row = 0; row < n; row++)
    {
      StraitsHistoryEntry entry;

      if (straits_history_list_get_entry (list, row, &entry) &&
          (!straits_date_is_set (&entry.date) || straits_date_last_day (&entry.date) >= day))
        return row;
    }
  return n;
}

/* find_day and the scan agree on every day from a year before @list's
 * first date to a year after its last, and before and after any day;
 * @precisions counts its entries' dates by precision. */
static void
assert_find_day_as_scan (StraitsHistoryList *list, guint *precisions)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint first_year = G_MAXUINT, last_year = 0;
  g_autoptr(GDate) day = NULL, end = NULL;

  for (guint row = 0; row < n; row++)
    {
      StraitsHistoryEntry entry;

      if (!straits_history_list_get_entry (list, row, &entry))
        continue;
      precisions[entry.date.precision]++;
      if (straits_date_is_set (&entry.date))
        {
          first_year = MIN (first_year, entry.date.year);
          last_year = MAX (last_year, entry.date.year);
        }
    }
  g_assert_cmpuint (straits_history_list_find_day (list, 0), ==, find_day_by_scan (list, 0));
  g_assert_cmpuint (straits_history_list_find_day (list, G_MAXUINT32), ==, find_day_by_scan (list, G_MAXUINT32));
  if (first_year > last_year)
    return;
  day = g_date_new_dmy (1, G_DATE_JANUARY, first_year - 1);
  end = g_date_new_dmy (31, G_DATE_DECEMBER, last_year + 1);
  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1))
    {
      guint32 key = STRAITS_DAY_KEY (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));

      g_assert_cmpuint (straits_history_list_find_day (list, key), ==, find_day_by_scan (list, key));
    }
}

/* The search find_day makes finds what a scan of every row finds, on
 * the bundled dataset's history (dates of a year, a month and a day, a
 * year's before more precise ones of that year, and undated entries),
 * whole and filtered by each type, each with its own headings. */
static void
test_find_day_as_scan (void)
{
  g_autoptr(StraitsDataset) bundled = straits_test_load_bundled ();
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  guint n_choices = 1 + straits_dataset_get_n_relation_types (bundled) + straits_dataset_get_n_event_types (bundled);
  StraitsSelection none;
  g_autoptr(StraitsHistoryRows) all = NULL;
  guint precisions[STRAITS_DATE_DAY + 1] = { 0 };

  straits_selection_init_none (&none);
  all = straits_history_rows_collect (bundled, &none);
  for (guint choice = 0; choice < n_choices; choice++)
    {
      straits_history_list_set (list, bundled, straits_history_rows_filter (all, choice, NULL, bundled));
      assert_find_day_as_scan (list, precisions);
    }
  straits_history_list_set (list, dataset, filtered (0, NULL));
  assert_find_day_as_scan (list, precisions);
  /* Every kind of date was there. */
  for (guint p = 0; p <= STRAITS_DATE_DAY; p++)
    g_assert_cmpuint (precisions[p], >, 0);
}

/* counts: the items-changed seen, the last one's position, removed and
 * added, and the number of items after it. */
static void
count_changes (GListModel *model, guint position, guint removed, guint added, guint *counts)
{
  /* A list view reads the model in its handler: what the model says then
   * agrees with the signal. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, counts[4] - removed + added);
  counts[0]++;
  counts[1] = position;
  counts[2] = removed;
  counts[3] = added;
  counts[4] = g_list_model_get_n_items (model);
}

/* Rows in place of others: all removed, then the new ones added, in two
 * items-changed, so that a list view lets go of its row widgets before it
 * asks for new ones (which the side panel makes of the same). */
static void
test_items_changed (void)
{
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  guint counts[5] = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), counts);
  straits_history_list_set (list, dataset, filtered (0, NULL));
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpuint (counts[3], ==, 11);
  straits_history_list_set (list, dataset, filtered (2, NULL));
  g_assert_cmpuint (counts[0], ==, 3);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpuint (counts[3], ==, 2);
  straits_history_list_set (list, NULL, NULL);
  g_assert_cmpuint (counts[0], ==, 4);
  g_assert_cmpuint (counts[2], ==, 2);
  g_assert_cmpuint (counts[3], ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* In batches: the first in the one items-changed of set, the others
 * added at the end as the main loop goes idle, the same rows in the end. */
static void
test_batches (void)
{
  g_autoptr(StraitsHistoryList) list = straits_history_list_new ();
  guint counts[5] = { 0 };
  StraitsHistoryEntry entry;
  g_autofree char *text = NULL;

  straits_history_list_set_batch (list, 3);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), counts);
  straits_history_list_set (list, dataset, filtered (0, NULL));
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[3], ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  /* Rows not shown yet are found, and can be read. */
  g_assert_cmpuint (straits_history_list_find_day (list, day_of ("2022")), ==, 8);
  g_assert_true (straits_history_list_get_entry (list, 8, &entry));
  g_assert_cmpint (entry.kind, ==, STRAITS_HISTORY_EVENT);
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) < 11)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts[0], ==, 4);
  g_assert_cmpuint (counts[1], ==, 9);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpuint (counts[3], ==, 2);
  text = rows_text (G_LIST_MODEL (list));
  g_assert_cmpstr (text, ==, ALL);

  /* A new set stops the batches of the one before; show_all ends them. */
  straits_history_list_set (list, dataset, filtered (0, NULL));
  straits_history_list_set (list, dataset, filtered (1, NULL));
  /* Each: 11 then 3 removed, then 3 added. */
  g_assert_cmpuint (counts[0], ==, 8);
  g_assert_cmpuint (counts[3], ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  straits_history_list_show_all (list);
  g_assert_cmpuint (counts[0], ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (counts[0], ==, 9);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root that @match accepts, outside the type
 * filter's popover (it has a list view and a search entry of its own). */
static GtkWidget *
find_widget (GtkWidget *root, WidgetMatch match, gconstpointer data)
{
  if (match (root, data))
    return root;
  if (GTK_IS_DROP_DOWN (root))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

static GtkWidget *
find_of_type (GtkWidget *root, GType type)
{
  return find_widget (root, is_of_type, &type);
}

static gboolean
is_history_view (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_VIEW (widget) && GTK_IS_NO_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
}

static gboolean
is_inscription_of (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

static void
on_search_changed (GtkSearchEntry *entry, gboolean *changed)
{
  *changed = TRUE;
}

/* The side panel shows those rows, for the whole dataset, an actor, a
 * type and a text, and its header counts the selection's entries. */
static void
test_panel (void)
{
  StraitsSidePanel *panel = STRAITS_SIDE_PANEL (g_object_ref_sink (straits_side_panel_new ()));
  StraitsSelection poland = { STRAITS_SELECTION_ACTOR, { straits_dataset_find_actor (dataset, "POL"), STRAITS_NO_INDEX },
                              STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };
  GtkDropDown *type_filter = GTK_DROP_DOWN (find_of_type (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN));
  GtkWidget *text_filter = find_of_type (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY);
  gboolean changed = FALSE;
  char *text;

  straits_side_panel_set_dataset (panel, dataset);
  text = rows_text (straits_side_panel_get_history (panel));
  g_assert_cmpstr (text, ==, ALL);
  g_free (text);
  straits_side_panel_set_selection (panel, &poland);
  text = rows_text (straits_side_panel_get_history (panel));
  g_assert_cmpstr (text, ==, "2021|R r1|E e1|E e3|Undated|R r3");
  g_free (text);
  gtk_drop_down_set_selected (type_filter, 3);
  text = rows_text (straits_side_panel_get_history (panel));
  g_assert_cmpstr (text, ==, "2021|E e1|E e3");
  g_free (text);
  gtk_drop_down_set_selected (type_filter, 0);
  g_signal_connect (text_filter, "search-changed", G_CALLBACK (on_search_changed), &changed);
  gtk_editable_set_text (GTK_EDITABLE (text_filter), "drones");
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  text = rows_text (straits_side_panel_get_history (panel));
  g_assert_cmpstr (text, ==, "2021|R r1|E e1");
  g_free (text);
  g_object_unref (panel);
}

/* What the row titled @title offers to open its sources with: "button",
 * "menu" or "", from the buttons shown beside its citation. */
static const char *
open_buttons (GtkWidget *panel, const char *title)
{
  GtkWidget *inscription = NULL;
  GtkWidget *source_row;
  const char *shown = "";

  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       inscription == NULL && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      inscription = find_widget (panel, is_inscription_of, title);
    }
  g_assert_nonnull (inscription);
  /* The row's text column: meta, title, summary, then the citation's row. */
  source_row = gtk_widget_get_last_child (gtk_widget_get_parent (inscription));
  g_assert_true (gtk_widget_get_visible (source_row));
  for (GtkWidget *child = gtk_widget_get_first_child (source_row); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        if (GTK_IS_MENU_BUTTON (child))
          shown = *shown ? "several" : "menu";
        else if (GTK_IS_BUTTON (child))
          shown = *shown ? "several" : "button";
      }
  return shown;
}

/* A button opens an entry's one linked source, a menu its several, and
 * an entry whose sources have no link has neither. */
static void
test_panel_open_sources (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = straits_side_panel_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 2000);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  straits_side_panel_set_dataset (STRAITS_SIDE_PANEL (panel), dataset);
  g_assert_cmpuint (g_list_model_get_n_items (straits_side_panel_get_history (STRAITS_SIDE_PANEL (panel))), ==, 11);
  g_assert_cmpstr (open_buttons (panel, "Poland → Turkey"), ==, "button");
  g_assert_cmpstr (open_buttons (panel, "Purchase of DRONES"), ==, "menu");
  g_assert_cmpstr (open_buttons (panel, "Day"), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the row titled @title is shown dimmed: its title, or a box
 * around it within its row, has the "dim-label" style. */
static gboolean
row_dimmed (GtkWidget *panel, const char *title)
{
  GtkWidget *inscription = NULL;

  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       inscription == NULL && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      inscription = find_widget (panel, is_inscription_of, title);
    }
  g_assert_nonnull (inscription);
  for (GtkWidget *w = inscription; w != NULL && !STRAITS_IS_HISTORY_ROW (w); w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "dim-label"))
      return TRUE;
  return FALSE;
}

/* The history follows the time slider: at 2021 the entries after it
 * (April 2025) are dimmed, those of 2021 and before are not; at all
 * dates none is. Rows already shown change with the date. */
static void
test_panel_dims_later (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = straits_side_panel_new ();
  StraitsDate date;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 2000);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  straits_side_panel_set_dataset (STRAITS_SIDE_PANEL (panel), dataset);
  g_assert_false (row_dimmed (panel, "Later"));
  g_assert_true (straits_date_parse ("2021", &date));
  straits_side_panel_set_time (STRAITS_SIDE_PANEL (panel), &date);
  g_assert_true (row_dimmed (panel, "Later"));
  g_assert_false (row_dimmed (panel, "Day"));
  g_assert_false (row_dimmed (panel, "Poland → Turkey"));
  g_assert_false (row_dimmed (panel, "Talks"));
  g_assert_true (straits_date_parse ("1995-06", &date));
  straits_side_panel_set_time (STRAITS_SIDE_PANEL (panel), &date);
  g_assert_true (row_dimmed (panel, "Day"));
  g_assert_true (row_dimmed (panel, "Poland → Turkey"));
  g_assert_true (row_dimmed (panel, "Talks"));
  straits_side_panel_set_time (STRAITS_SIDE_PANEL (panel), NULL);
  g_assert_false (row_dimmed (panel, "Later"));
  g_assert_false (row_dimmed (panel, "Day"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the main loop until @list has @n items (or 10 s have passed). */
static void
wait_for_n_items (GListModel *list, guint n)
{
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_list_model_get_n_items (list) != n && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (STRAITS_IS_HISTORY_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* When the history changes, the list view's rows are ones it had: the
 * panel makes none and frees none (making and freeing them was most of
 * the main thread's time when the selection changed). */
static void
test_panel_keeps_rows (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = straits_side_panel_new ();
  StraitsSelection poland = { STRAITS_SELECTION_ACTOR, { straits_dataset_find_actor (dataset, "POL"), STRAITS_NO_INDEX },
                              STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  GtkWidget *view;
  GListModel *list;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 2000);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  straits_side_panel_set_dataset (STRAITS_SIDE_PANEL (panel), dataset);
  view = find_widget (panel, is_history_view, NULL);
  list = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  wait_for_n_items (list, 11);
  collect_rows (view, before);
  g_assert_cmpuint (before->len, ==, 11);
  /* Held, so that a row freed is not taken for a new one at its address. */
  g_ptr_array_foreach (before, (GFunc) (void (*) (void)) g_object_ref, NULL);
  straits_side_panel_set_selection (STRAITS_SIDE_PANEL (panel), &poland);
  wait_for_n_items (list, 6);
  collect_rows (view, after);
  g_assert_cmpuint (after->len, ==, 6);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, g_ptr_array_index (after, i), NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_history_stack (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "empty") != NULL &&
         gtk_stack_get_child_by_name (GTK_STACK (widget), "list") != NULL &&
         GTK_IS_LIST_VIEW (gtk_widget_get_first_child (gtk_stack_get_child_by_name (GTK_STACK (widget), "list")));
}

static const char *
history_page (StraitsSidePanel *panel)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_widget (GTK_WIDGET (panel), is_history_stack, NULL)));
}

/* A new panel shows an empty history list, not "No dataset is open.": a
 * window starts with its dataset on the way. Told it has none, it says so;
 * given one, it shows its history. */
static void
test_panel_before_dataset (void)
{
  StraitsSidePanel *panel = STRAITS_SIDE_PANEL (g_object_ref_sink (straits_side_panel_new ()));

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (history_page (panel), ==, "list");
  straits_side_panel_set_dataset (panel, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (straits_side_panel_get_history (panel)), ==, 0);
  g_assert_cmpstr (history_page (panel), ==, "empty");
  straits_side_panel_set_dataset (panel, dataset);
  g_assert_cmpuint (g_list_model_get_n_items (straits_side_panel_get_history (panel)), >, 0);
  g_assert_cmpstr (history_page (panel), ==, "list");
  g_object_unref (panel);
}

/* Results of jobs that a newer state superseded are not shown: however
 * the main loop runs, the panel ends up showing the last selection's rows. */
static void
test_panel_latest_wins (void)
{
  GtkWidget *window = gtk_window_new ();
  StraitsSidePanel *panel = STRAITS_SIDE_PANEL (straits_side_panel_new ());
  GListModel *list;
  guint32 actors[] = { straits_dataset_find_actor (dataset, "POL"), straits_dataset_find_actor (dataset, "GRC") };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  straits_side_panel_set_dataset (panel, dataset);
  for (guint i = 0; i < 20; i++)
    {
      StraitsSelection selection = { STRAITS_SELECTION_ACTOR, { actors[i % 2], STRAITS_NO_INDEX },
                                     STRAITS_NO_INDEX, STRAITS_NO_INDEX, STRAITS_NO_INDEX };

      straits_side_panel_set_selection (panel, &selection);
      for (guint k = 0; k < i % 3; k++)
        g_main_context_iteration (NULL, FALSE);
    }
  /* The list view's own model, not get_history (which would finish at once). */
  list = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (panel), is_history_view, NULL))));
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_autofree char *text = NULL;

      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (g_list_model_get_n_items (list) == 0)
        continue;
      text = rows_text (list);
      if (g_strcmp0 (text, "1995|R r2|E e4|Undated|R r3") == 0)
        break;
    }
  {
    g_autofree char *text = rows_text (list);
    g_assert_cmpstr (text, ==, "1995|R r2|E e4|Undated|R r3");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd, status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fd = g_file_open_tmp ("test-history-list-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, dataset_json, -1, &error));
  dataset = straits_dataset_load_file (path, NULL, &error);
  g_unlink (path);
  g_assert_no_error (error);
  g_test_add_func ("/history-list/rows", test_rows);
  g_test_add_func ("/history-list/rows-shared", test_rows_shared);
  g_test_add_func ("/history-list/rows-as-collected", test_rows_as_collected);
  g_test_add_func ("/history-list/get-item", test_get_item);
  g_test_add_func ("/history-list/find-day", test_find_day);
  g_test_add_func ("/history-list/find-day-as-scan", test_find_day_as_scan);
  g_test_add_func ("/history-list/items-changed", test_items_changed);
  g_test_add_func ("/history-list/batches", test_batches);
  g_test_add_func ("/history-list/panel", test_panel);
  g_test_add_func ("/history-list/panel-before-dataset", test_panel_before_dataset);
  g_test_add_func ("/history-list/panel-latest-wins", test_panel_latest_wins);
  g_test_add_func ("/history-list/panel-open-sources", test_panel_open_sources);
  g_test_add_func ("/history-list/panel-dims-later", test_panel_dims_later);
  g_test_add_func ("/history-list/panel-keeps-rows", test_panel_keeps_rows);
  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
