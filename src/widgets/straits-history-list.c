/* straits-history-list.c
 *
 * A dataset's whole history can be millions of entries: a list store of
 * an object for each row took 55 MiB for 300,000 entries (bench-history).
 * Here an entry is 32 bits (its kind and index: its date and texts are
 * read from the dataset when shown), a year's heading is the row where its
 * entries start, the rows are built by pure functions (in a worker thread,
 * by the side panel), and an item is made when the list view binds its
 * row: 4 bytes a row shown. (Entries of 20 bytes and rows of 4 indexing
 * them, each in a GArray that doubles as it grows, took 35 at 16 times
 * the synthetic dataset.) The rows can be shown a batch at a time: the
 * list view makes its row widgets for the rows an items-changed adds, 200
 * of them for a long list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "straits-history-list.h"

/* The list view asks for the rows it shows, some more than once. */
#define N_CACHED 8

/* A list view keeps up to 200 row widgets alive around what it shows
 * (GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS), whatever its height: once that
 * many rows are there, the others cost no widget. */
#define WIDGETS_KEPT 200

struct _StraitsHistoryList
{
  GObject parent_instance;

  StraitsDataset *dataset;               /* the rows' entries', or NULL */
  StraitsHistoryRows *rows;              /* or NULL */
  guint n_shown;                         /* the first rows, the model's items */
  guint batch;                           /* rows shown at a time, 0: all */
  guint grow_id;
  guint cached_position[N_CACHED];
  StraitsHistoryItem *cached_item[N_CACHED];
  guint next_cached;
};

static void straits_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StraitsHistoryList, straits_history_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, straits_history_list_model_init))

/* Rows (any thread) ------------------------------------------------------- */

char *
straits_history_relation_title (StraitsDataset        *dataset,
                                const StraitsRelation *r)
{
  return g_strdup_printf (r->mutual ? "%s ↔ %s" : "%s → %s",
                          straits_dataset_get_actor (dataset, r->from)->name,
                          straits_dataset_get_actor (dataset, r->to)->name);
}

/* An event through which organisation it is in the history. */
typedef struct {
  guint32 event;
  guint32 via;
} Via;

struct _StraitsHistoryRows
{
  gatomicrefcount ref_count;
  guint32 *ids;                /* a relation's index, or an event's with
                                * STRAITS_HISTORY_ID_EVENT; date order */
  guint n_ids;
  GBytes *via;                 /* Via by event, of the entries that have one */
  GArray *headings;            /* guint32: the rows that are headings, in order */
};

StraitsHistoryRows *
straits_history_rows_ref (StraitsHistoryRows *rows)
{
  g_atomic_ref_count_inc (&rows->ref_count);
  return rows;
}

void
straits_history_rows_unref (StraitsHistoryRows *rows)
{
  if (!g_atomic_ref_count_dec (&rows->ref_count))
    return;
  g_free (rows->ids);
  g_bytes_unref (rows->via);
  g_array_unref (rows->headings);
  g_free (rows);
}

/* The entries the rows show (headings not counted). */
guint
straits_history_rows_get_n_entries (StraitsHistoryRows *rows)
{
  return rows->n_ids;
}

static guint32
entry_id (const StraitsHistoryEntry *entry)
{
  return entry->kind == STRAITS_HISTORY_EVENT ? entry->index | STRAITS_HISTORY_ID_EVENT : entry->index;
}

static int
compare_via (gconstpointer a, gconstpointer b)
{
  guint32 ea = ((const Via *) a)->event, eb = ((const Via *) b)->event;

  return ea < eb ? -1 : ea > eb;
}

/* The date of the entry @id: an event's, or a relation's start. */
static const StraitsDate *
date_of (StraitsDataset *dataset, guint32 id)
{
  guint32 index = id & ~STRAITS_HISTORY_ID_EVENT;

  if (id & STRAITS_HISTORY_ID_EVENT)
    return &straits_dataset_get_event (dataset, index)->date;
  return &straits_dataset_get_relation (dataset, index)->start;
}

/* The entry of @id, read from @dataset, its via from @rows. */
static void
entry_of (StraitsHistoryRows *rows, StraitsDataset *dataset, guint32 id, StraitsHistoryEntry *entry)
{
  entry->index = id & ~STRAITS_HISTORY_ID_EVENT;
  entry->via = STRAITS_NO_INDEX;
  entry->date = *date_of (dataset, id);
  if (!(id & STRAITS_HISTORY_ID_EVENT))
    {
      entry->kind = STRAITS_HISTORY_RELATION;
      return;
    }
  entry->kind = STRAITS_HISTORY_EVENT;
  if (g_bytes_get_size (rows->via) > 0)
    {
      Via key = { entry->index, 0 };
      gsize size;
      const Via *via = g_bytes_get_data (rows->via, &size);
      const Via *found = bsearch (&key, via, size / sizeof (Via), sizeof (Via), compare_via);

      if (found != NULL)
        entry->via = found->via;
    }
}

/* What the heading says, as a number: the year, or above any year for
 * the undated entries (which come last). */
static guint
heading_key (const StraitsHistoryEntry *entry)
{
  return straits_date_is_set (&entry->date) ? entry->date.year : G_MAXUINT;
}

/* Adds a heading before @entry, the @n_before'th entry of @headings's
 * rows, when it starts a year (or the undated entries). */
static void
add_heading (GArray *headings, guint n_before, const StraitsHistoryEntry *entry, guint *last_key)
{
  if (n_before == 0 || heading_key (entry) != *last_key)
    {
      guint32 position = n_before + headings->len;

      g_array_append_val (headings, position);
      *last_key = heading_key (entry);
    }
}

/* Takes @ids, @via and @headings. */
static StraitsHistoryRows *
rows_new (guint32 *ids, guint n_ids, GBytes *via, GArray *headings)
{
  StraitsHistoryRows *self = g_new0 (StraitsHistoryRows, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->ids = ids;
  self->n_ids = n_ids;
  self->via = via;
  self->headings = headings;
  return self;
}

/* @array's elements, freed of @array, in a block of their size: a GArray
 * doubles as it grows (to a power of two, made to a size or not). */
static gpointer
steal_exact (GArray *array, guint *n)
{
  gpointer data = g_memdup2 (array->data, (gsize) array->len * g_array_get_element_size (array));

  *n = array->len;
  g_array_unref (array);
  return data;
}

/**
 * straits_history_rows_collect:
 * @dataset: a dataset
 * @selection: what to collect the history of
 *
 * The history of @selection (straits_history_collect()) as rows, 4 bytes
 * an entry: dates and texts are read from @dataset when needed. Reads
 * @dataset only: safe in a worker thread.
 *
 * Returns: (transfer full): the rows
 */
StraitsHistoryRows *
straits_history_rows_collect (StraitsDataset         *dataset,
                              const StraitsSelection *selection)
{
  g_autoptr(GArray) entries = straits_history_collect (dataset, selection);
  guint32 *ids = g_new (guint32, entries->len);
  GArray *via = g_array_new (FALSE, FALSE, sizeof (Via));
  GArray *headings = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_via, last_key = 0;
  gpointer via_data;

  for (guint i = 0; i < entries->len; i++)
    {
      const StraitsHistoryEntry *entry = &g_array_index (entries, StraitsHistoryEntry, i);

      ids[i] = entry_id (entry);
      add_heading (headings, i, entry, &last_key);
      if (entry->via != STRAITS_NO_INDEX)
        {
          Via v = { entry->index, entry->via };

          g_array_append_val (via, v);
        }
    }
  g_array_sort (via, compare_via);
  via_data = steal_exact (via, &n_via);
  return rows_new (ids, entries->len, g_bytes_new_take (via_data, n_via * sizeof (Via)), headings);
}

/* The type filter's choices: all (0, or none chosen: G_MAXUINT), then
 * relation types, then event types. */
static gboolean
type_matches (StraitsDataset *dataset, guint choice, const StraitsHistoryEntry *entry)
{
  guint n_relation_types = straits_dataset_get_n_relation_types (dataset);

  if (choice == 0 || choice == G_MAXUINT)
    return TRUE;
  if (choice <= n_relation_types)
    return entry->kind == STRAITS_HISTORY_RELATION &&
           straits_dataset_get_relation (dataset, entry->index)->type == choice - 1;
  return entry->kind == STRAITS_HISTORY_EVENT &&
         straits_dataset_get_event (dataset, entry->index)->type == choice - 1 - n_relation_types;
}

static gboolean
text_matches (StraitsDataset *dataset, const char *needle, const StraitsHistoryEntry *entry)
{
  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (entry->kind == STRAITS_HISTORY_EVENT)
    {
      const StraitsEvent *e = straits_dataset_get_event (dataset, entry->index);
      return straits_text_fold_contains (e->title, needle) || straits_text_fold_contains (e->description, needle);
    }
  else
    {
      const StraitsRelation *r = straits_dataset_get_relation (dataset, entry->index);
      g_autofree char *title = straits_history_relation_title (dataset, r);
      return straits_text_fold_contains (title, needle) || straits_text_fold_contains (r->summary, needle);
    }
}

/**
 * straits_history_rows_filter:
 * @all: rows from straits_history_rows_collect()
 * @type_choice: the type filter's choice (see type_matches())
 * @folded_needle: (nullable): text to look for, straits_text_fold()ed
 * @dataset: the entries' dataset
 *
 * The rows of the entries of @all that pass the filters, each year's (and
 * the undated entries') behind a heading; @all itself when nothing is
 * filtered out, so that a history not filtered is held once. Reads @all
 * and @dataset only: safe in a worker thread while the main thread reads
 * them.
 *
 * Returns: (transfer full): the rows
 */
StraitsHistoryRows *
straits_history_rows_filter (StraitsHistoryRows *all,
                             guint               type_choice,
                             const char         *folded_needle,
                             StraitsDataset     *dataset)
{
  GArray *ids, *headings;
  guint32 *kept;
  guint n_kept, last_key = 0;

  if ((type_choice == 0 || type_choice == G_MAXUINT) && (folded_needle == NULL || *folded_needle == '\0'))
    return straits_history_rows_ref (all);
  ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  headings = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < all->n_ids; i++)
    {
      guint32 id = all->ids[i];
      StraitsHistoryEntry entry;

      entry_of (all, dataset, id, &entry);
      if (!type_matches (dataset, type_choice, &entry) || !text_matches (dataset, folded_needle, &entry))
        continue;
      add_heading (headings, ids->len, &entry, &last_key);
      g_array_append_val (ids, id);
    }
  kept = steal_exact (ids, &n_kept);
  return rows_new (kept, n_kept, g_bytes_ref (all->via), headings);
}

/* The model (main thread) ------------------------------------------------- */

static void
clear_cache (StraitsHistoryList *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    g_clear_object (&self->cached_item[i]);
}

static GType
straits_history_list_get_item_type (GListModel *model)
{
  return STRAITS_TYPE_HISTORY_ITEM;
}

static guint
straits_history_list_get_n_items (GListModel *model)
{
  return STRAITS_HISTORY_LIST (model)->n_shown;
}

/* Whether the row at @position is a heading; @entry: the entry at the
 * row, or after the heading. */
static gboolean
locate (StraitsHistoryRows *rows, guint position, guint *entry)
{
  GArray *headings = rows->headings;
  guint lo = 0, hi = headings->len;

  /* lo: the headings at @position or before. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (headings, guint32, mid) <= position)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && g_array_index (headings, guint32, lo - 1) == position)
    {
      *entry = position - (lo - 1);
      return TRUE;
    }
  *entry = position - lo;
  return FALSE;
}

static StraitsHistoryItem *
new_item (StraitsHistoryList *self, guint position)
{
  StraitsHistoryEntry entry;
  g_autofree char *year = NULL;
  guint i;
  gboolean heading = locate (self->rows, position, &i);

  entry_of (self->rows, self->dataset, self->rows->ids[i], &entry);
  if (!heading)
    return straits_history_item_new_entry (&entry);
  if (!straits_date_is_set (&entry.date))
    return straits_history_item_new_heading (_("Undated"));
  year = g_strdup_printf ("%u", entry.date.year);
  return straits_history_item_new_heading (year);
}

static gpointer
straits_history_list_get_item (GListModel *model,
                               guint       position)
{
  StraitsHistoryList *self = STRAITS_HISTORY_LIST (model);
  guint slot;

  if (position >= self->n_shown)
    return NULL;
  for (guint i = 0; i < N_CACHED; i++)
    if (self->cached_item[i] != NULL && self->cached_position[i] == position)
      return g_object_ref (self->cached_item[i]);
  slot = self->next_cached;
  self->next_cached = (slot + 1) % N_CACHED;
  g_clear_object (&self->cached_item[slot]);
  self->cached_item[slot] = new_item (self, position);
  self->cached_position[slot] = position;
  return g_object_ref (self->cached_item[slot]);
}

static void
straits_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = straits_history_list_get_item_type;
  iface->get_n_items = straits_history_list_get_n_items;
  iface->get_item = straits_history_list_get_item;
}

static void
straits_history_list_finalize (GObject *object)
{
  StraitsHistoryList *self = STRAITS_HISTORY_LIST (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  clear_cache (self);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->rows, straits_history_rows_unref);
  G_OBJECT_CLASS (straits_history_list_parent_class)->finalize (object);
}

static void
straits_history_list_class_init (StraitsHistoryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = straits_history_list_finalize;
}

static void
straits_history_list_init (StraitsHistoryList *self)
{
}

StraitsHistoryList *
straits_history_list_new (void)
{
  return g_object_new (STRAITS_TYPE_HISTORY_LIST, NULL);
}

static guint
rows_len (StraitsHistoryList *self)
{
  return self->rows != NULL ? self->rows->n_ids + self->rows->headings->len : 0;
}

static void
show_rows (StraitsHistoryList *self, guint n)
{
  guint before = self->n_shown;

  self->n_shown = n;
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n - before);
}

/* The next batch, after what the main loop has waiting (a frame to draw):
 * each adds a batch of row widgets, until the list view has all it keeps. */
static gboolean
grow (gpointer user_data)
{
  StraitsHistoryList *self = user_data;
  guint n = self->n_shown + self->batch;

  if (n >= WIDGETS_KEPT || n >= rows_len (self))
    {
      self->grow_id = 0;
      show_rows (self, rows_len (self));
      return G_SOURCE_REMOVE;
    }
  show_rows (self, n);
  return G_SOURCE_CONTINUE;
}

/**
 * straits_history_list_set:
 * @dataset: (nullable): the dataset of the entries
 * @rows: (transfer full) (nullable): rows of @dataset's history
 *
 * Shows @rows in place of the rows shown: an items-changed that removes
 * the rows shown, then one that adds the new; with a batch size set, the
 * first batch of them, and the others when the main loop is idle.
 */
void
straits_history_list_set (StraitsHistoryList *self,
                          StraitsDataset     *dataset,
                          StraitsHistoryRows *rows)
{
  guint removed;

  g_return_if_fail (STRAITS_IS_HISTORY_LIST (self));
  g_return_if_fail (rows == NULL || dataset != NULL);

  removed = self->n_shown;
  g_clear_handle_id (&self->grow_id, g_source_remove);
  clear_cache (self);
  g_set_object (&self->dataset, dataset);
  g_clear_pointer (&self->rows, straits_history_rows_unref);
  self->rows = rows;
  /* Removed, then added: a list view lets go of its row widgets before
   * it asks for new ones, which can then be the same (see setup_row() in
   * straits-side-panel.c). */
  self->n_shown = 0;
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  self->n_shown = self->batch > 0 ? MIN (rows_len (self), self->batch) : rows_len (self);
  if (self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_shown);
  if (self->n_shown < rows_len (self))
    self->grow_id = g_idle_add (grow, self);
}

/* Shows @batch rows at a time (0, the default: all at once): a list view
 * makes a widget for each of the first 200 rows in the items-changed that
 * adds them, 20-30 ms for the side panel's. */
void
straits_history_list_set_batch (StraitsHistoryList *self,
                                guint               batch)
{
  g_return_if_fail (STRAITS_IS_HISTORY_LIST (self));
  self->batch = batch;
}

/* Shows the rows not shown yet at once (to scroll to one, or to read them). */
void
straits_history_list_show_all (StraitsHistoryList *self)
{
  g_return_if_fail (STRAITS_IS_HISTORY_LIST (self));

  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->n_shown < rows_len (self))
    show_rows (self, rows_len (self));
}

/* Fills @entry with the entry of the row at @position; FALSE for a
 * heading (or past the end). Rows not shown yet too. */
gboolean
straits_history_list_get_entry (StraitsHistoryList  *self,
                                guint                position,
                                StraitsHistoryEntry *entry)
{
  guint i;

  g_return_val_if_fail (STRAITS_IS_HISTORY_LIST (self), FALSE);

  if (position >= rows_len (self) || locate (self->rows, position, &i))
    return FALSE;
  entry_of (self->rows, self->dataset, self->rows->ids[i], entry);
  return TRUE;
}

/* The longest period a date stands for, in day keys (yyyymmdd): a
 * year's, from 1 January to 31 December. A month's or a day's is shorter. */
#define LONGEST_PERIOD (STRAITS_DAY_KEY (0, 12, 31) - STRAITS_DAY_KEY (0, 1, 1))

/* The first entry whose first day is @day or later, or that is undated
 * (rows->n_ids when none): the entries are in order of their first day,
 * the undated ones last (compare_entries() in straits-history.c). */
static guint
first_entry_from (StraitsHistoryList *self, guint32 day)
{
  guint lo = 0, hi = self->rows->n_ids;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const StraitsDate *date = date_of (self->dataset, self->rows->ids[mid]);

      if (straits_date_is_set (date) && straits_date_first_day (date) < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The row of the @i'th entry: @i and the headings before it. */
static guint
row_of_entry (StraitsHistoryRows *rows, guint i)
{
  GArray *headings = rows->headings;
  guint lo = 0, hi = headings->len;

  /* Heading k is at row r before the entry r - k: lo, those at or
   * before the @i'th entry. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (headings, guint32, mid) - mid <= i)
        lo = mid + 1;
      else
        hi = mid;
    }
  return i + lo;
}

/* The row of the first entry that is not over by @day (a day number of
 * straits_date_first_day()), undated ones included; the number of rows
 * when there is none. No item is made. Rows not shown yet count too. */
guint
straits_history_list_find_day (StraitsHistoryList *self,
                               guint32             day)
{
  guint i, end;

  g_return_val_if_fail (STRAITS_IS_HISTORY_LIST (self), 0);

  if (self->rows == NULL)
    return 0;
  /* The entries from the first that starts on @day or later are not over
   * by then (nor are the undated ones): the first of them, unless one
   * before it, started earlier, lasts until @day. Their last days are not
   * in order ("2007" ends after "2007-05-03"), but one that ends on @day
   * or later started at most a year before it: those that started before
   * that ended before @day. So the look-back is over a year's entries at
   * most, whatever the length of the history (the time slider called a
   * scan of every row: 200 ms for 4.8 million at 16x, bench-history). */
  end = first_entry_from (self, day);
  i = first_entry_from (self, day > LONGEST_PERIOD ? day - LONGEST_PERIOD : 0);
  while (i < end && straits_date_last_day (date_of (self->dataset, self->rows->ids[i])) < day)
    i++;
  return row_of_entry (self->rows, i);
}
