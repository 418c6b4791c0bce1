/* straits-history-list.c
 *
 * A dataset's whole history can be hundreds of thousands of entries: a
 * list store of an object for each row took 55 MiB for 300,000 entries
 * (bench-history). Here a row is a 32-bit index, the rows are built by a
 * pure function (in a worker thread, by the side panel), and an item is
 * made when the list view binds its row. The rows can be shown a batch at
 * a time: the list view makes its row widgets for the rows an
 * items-changed adds, 200 of them for a long list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

  GArray *entries;                       /* StraitsHistoryEntry, or NULL */
  GArray *rows;                          /* guint32, or NULL */
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

/* Building the rows (any thread) ----------------------------------------- */

char *
straits_history_relation_title (StraitsDataset        *dataset,
                                const StraitsRelation *r)
{
  return g_strdup_printf (r->mutual ? "%s ↔ %s" : "%s → %s",
                          straits_dataset_get_actor (dataset, r->from)->name,
                          straits_dataset_get_actor (dataset, r->to)->name);
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

/* What the heading says, as a number: the year, or above any year for
 * the undated entries (which come last). */
static guint
heading_key (const StraitsHistoryEntry *entry)
{
  return straits_date_is_set (&entry->date) ? entry->date.year : G_MAXUINT;
}

/**
 * straits_history_rows_build:
 * @entries: (element-type StraitsHistoryEntry): a history in date order
 * @type_choice: the type filter's choice (see type_matches())
 * @folded_needle: (nullable): text to look for, straits_text_fold()ed
 * @dataset: the entries' dataset
 *
 * The rows that show the entries of @entries that pass the filters, each
 * year's (and the undated entries') behind a heading. Reads @dataset and
 * @entries only: safe in a worker thread while the main thread reads them.
 *
 * Returns: (transfer full) (element-type guint32): the rows
 */
GArray *
straits_history_rows_build (GArray         *entries,
                            guint           type_choice,
                            const char     *folded_needle,
                            StraitsDataset *dataset)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean any = FALSE;
  guint last_key = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const StraitsHistoryEntry *entry = &g_array_index (entries, StraitsHistoryEntry, i);
      guint32 row = i;

      if (!type_matches (dataset, type_choice, entry) || !text_matches (dataset, folded_needle, entry))
        continue;
      if (!any || heading_key (entry) != last_key)
        {
          guint32 heading = i | STRAITS_HISTORY_ROW_HEADING;

          g_array_append_val (rows, heading);
          last_key = heading_key (entry);
          any = TRUE;
        }
      g_array_append_val (rows, row);
    }
  return rows;
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

static StraitsHistoryItem *
new_item (StraitsHistoryList *self, guint32 row)
{
  const StraitsHistoryEntry *entry =
    &g_array_index (self->entries, StraitsHistoryEntry, row & ~STRAITS_HISTORY_ROW_HEADING);
  g_autofree char *year = NULL;

  if (!(row & STRAITS_HISTORY_ROW_HEADING))
    return straits_history_item_new_entry (entry);
  if (!straits_date_is_set (&entry->date))
    return straits_history_item_new_heading (_("Undated"));
  year = g_strdup_printf ("%u", entry->date.year);
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
  self->cached_item[slot] = new_item (self, g_array_index (self->rows, guint32, position));
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
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
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
  return self->rows != NULL ? self->rows->len : 0;
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
 * @entries: (transfer full) (nullable): the history the rows index
 * @rows: (transfer full) (nullable): from straits_history_rows_build()
 *
 * Shows @rows in place of the rows shown: an items-changed that removes
 * the rows shown, then one that adds the new; with a batch size set, the
 * first batch of them, and the others when the main loop is idle.
 */
void
straits_history_list_set (StraitsHistoryList *self,
                          GArray             *entries,
                          GArray             *rows)
{
  guint removed;

  g_return_if_fail (STRAITS_IS_HISTORY_LIST (self));
  g_return_if_fail (rows == NULL || rows->len == 0 || entries != NULL);

  removed = self->n_shown;
  g_clear_handle_id (&self->grow_id, g_source_remove);
  clear_cache (self);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  self->entries = entries;
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

/* The entry of the row at @position, or NULL for a heading (or past the
 * end); rows not shown yet too. */
const StraitsHistoryEntry *
straits_history_list_get_entry (StraitsHistoryList *self,
                                guint               position)
{
  guint32 row;

  g_return_val_if_fail (STRAITS_IS_HISTORY_LIST (self), NULL);

  if (position >= rows_len (self))
    return NULL;
  row = g_array_index (self->rows, guint32, position);
  if (row & STRAITS_HISTORY_ROW_HEADING)
    return NULL;
  return &g_array_index (self->entries, StraitsHistoryEntry, row);
}

/* The row of the first entry that is not over by @day (a day number of
 * straits_date_first_day()), undated ones included; the number of rows
 * when there is none. Indices are compared, no item is made. Rows not
 * shown yet count too. */
guint
straits_history_list_find_day (StraitsHistoryList *self,
                               guint32             day)
{
  guint n;

  g_return_val_if_fail (STRAITS_IS_HISTORY_LIST (self), 0);

  n = rows_len (self);
  for (guint i = 0; i < n; i++)
    {
      const StraitsHistoryEntry *entry = straits_history_list_get_entry (self, i);

      if (entry != NULL && (!straits_date_is_set (&entry->date) || straits_date_last_day (&entry->date) >= day))
        return i;
    }
  return n;
}
