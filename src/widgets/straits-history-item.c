/* straits-history-item.c
 *
 * A year heading or an entry: GTK 4.8's list views have no sections, so
 * the headings are rows of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "straits-history-item.h"

struct _StraitsHistoryItem
{
  GObject parent_instance;

  char *heading;              /* NULL for an entry */
  StraitsHistoryEntry entry;
};

G_DEFINE_FINAL_TYPE (StraitsHistoryItem, straits_history_item, G_TYPE_OBJECT)

static void
straits_history_item_finalize (GObject *object)
{
  g_free (STRAITS_HISTORY_ITEM (object)->heading);
  G_OBJECT_CLASS (straits_history_item_parent_class)->finalize (object);
}

static void
straits_history_item_class_init (StraitsHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = straits_history_item_finalize;
}

static void
straits_history_item_init (StraitsHistoryItem *self)
{
}

StraitsHistoryItem *
straits_history_item_new_heading (const char *heading)
{
  StraitsHistoryItem *self = g_object_new (STRAITS_TYPE_HISTORY_ITEM, NULL);

  self->heading = g_strdup (heading);
  return self;
}

StraitsHistoryItem *
straits_history_item_new_entry (const StraitsHistoryEntry *entry)
{
  StraitsHistoryItem *self = g_object_new (STRAITS_TYPE_HISTORY_ITEM, NULL);

  self->entry = *entry;
  return self;
}

const char *
straits_history_item_get_heading (StraitsHistoryItem *self)
{
  g_return_val_if_fail (STRAITS_IS_HISTORY_ITEM (self), NULL);
  return self->heading;
}

const StraitsHistoryEntry *
straits_history_item_get_entry (StraitsHistoryItem *self)
{
  g_return_val_if_fail (STRAITS_IS_HISTORY_ITEM (self), NULL);
  return self->heading == NULL ? &self->entry : NULL;
}
